#!/usr/bin/env bash
# Benchmark carnews against the floor (cat, wc -w) and, when installed, the
# compromise NLP library, on a generated corpus.  Prints one table and
# writes it to bench/RESULTS.md with the commit and the machine.
#
#   bench/run.sh            build/ must hold a release build (./build.sh build)
#   RUNS=5 bench/run.sh     runs per measurement (median reported; default 3)
#
# The corpus (>= 100 MB of text articles, >= 20 MB of HTML pages) is built
# once from the project's own sample and test articles by bench/make_corpus.py
# and cached in ${CARNEWS_BENCH_DIR:-/tmp/carnews-bench}, outside the tree.
# The peer: `npm install --prefix /tmp/carnews-peer compromise` (optional).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${CARNEWS_BIN:-build/carnews}
DIR=${CARNEWS_BENCH_DIR:-/tmp/carnews-bench}
RUNS=${RUNS:-3}
PEER=${CARNEWS_PEER_DIR:-/tmp/carnews-peer}
[ -x "$BIN" ] || { echo "bench: build first (./build.sh build)" >&2; exit 2; }
python3 bench/make_corpus.py "$DIR"
NPROC=$(nproc)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# time_cmd LABEL CMD...: median wall seconds and peak RSS (KiB) over RUNS
time_cmd() {
    local label=$1; shift
    local times=() rss=0
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o /tmp/carnews-bench-time "$@" >/dev/null 2>/tmp/carnews-bench-err || {
            echo "bench: $label failed: $(tail -3 /tmp/carnews-bench-err)" >&2; return 1; }
        read -r t m < /tmp/carnews-bench-time
        times+=("$t")
        [ "$m" -gt "$rss" ] && rss=$m
    done
    local med
    med=$(printf '%s\n' "${times[@]}" | median)
    echo "$label $med $rss"
}

mb() { du -sb "$1" | awk '{printf "%.1f", $1/1e6}'; }
count() { find "$1" -type f | wc -l; }

TXT_MB=$(mb "$DIR/text"); HTML_MB=$(mb "$DIR/html")
TXT_N=$(count "$DIR/text"); HTML_N=$(count "$DIR/html")
# Warm the page cache so the first timed command does not pay for the disk.
find "$DIR" -type f -print0 | xargs -0 cat > /dev/null
results=()
results+=("$(time_cmd "cat(text)" sh -c "find '$DIR/text' -type f -print0 | xargs -0 cat")")
results+=("$(time_cmd "wc-w(text)" sh -c "find '$DIR/text' -type f -print0 | xargs -0 cat | wc -w")")
results+=("$(time_cmd "carnews-j1(text)" "$BIN" analyze --quiet --format jsonl -j1 "$DIR/text")")
results+=("$(time_cmd "carnews-j$NPROC(text)" "$BIN" analyze --quiet --format jsonl -j"$NPROC" "$DIR/text")")
results+=("$(time_cmd "carnews-j1(html)" "$BIN" analyze --quiet --format jsonl -j1 "$DIR/html")")
results+=("$(time_cmd "carnews-j$NPROC(html)" "$BIN" analyze --quiet --format jsonl -j"$NPROC" "$DIR/html")")
PEER_MB=""
if [ -d "$PEER/node_modules/compromise" ] && command -v node >/dev/null; then
    PEER_MB=$(mb "$DIR/slice")
    results+=("$(time_cmd "compromise(slice)" node bench/peer_compromise.js "$PEER/node_modules/compromise" "$DIR/slice")")
fi
# Start-up: one small article, data loading included; 20 runs in a row
# timed together, since one is below the timer's 10 ms resolution.
STARTS=20
results+=("$(time_cmd "startup" sh -c "for i in \$(seq $STARTS); do '$BIN' analyze --format json data/samples/uk_plant.txt; done")")

{
    echo "# carnews benchmark"
    echo
    echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%d),"\
         "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
         "median of $RUNS runs"
    echo
    echo "corpus: text $TXT_MB MB in $TXT_N files, html $HTML_MB MB in $HTML_N files"
    echo
    echo "| run | seconds | MB/s | articles/s | peak RSS MiB |"
    echo "|---|---|---|---|---|"
    for r in "${results[@]}"; do
        set -- $r
        case $1 in
            *html*) size=$HTML_MB; n=$HTML_N ;;
            *slice*) size=$PEER_MB; n=$(count "$DIR/slice") ;;
            startup*) size=0; n=1; set -- "$1" "$(awk -v t="$2" -v k="$STARTS" 'BEGIN { print t / k }')" "$3" ;;
            *) size=$TXT_MB; n=$TXT_N ;;
        esac
        awk -v l="$1" -v t="$2" -v m="$3" -v s="$size" -v n="$n" 'BEGIN {
            t = (t < 0.0005 ? 0.0005 : t);
            printf "| %s | %.3f | %.1f | %.0f | %.1f |\n", l, t, s / t, n / t, m / 1024 }'
    done
    wc=$(printf '%s\n' "${results[@]}" | awk '$1=="wc-w(text)"{print $2}')
    j1=$(printf '%s\n' "${results[@]}" | awk '$1=="carnews-j1(text)"{print $2}')
    jn=$(printf '%s\n' "${results[@]}" | awk -v l="carnews-j$NPROC(text)" '$1==l{print $2}')
    echo
    awk -v wc="$wc" -v j1="$j1" -v jn="$jn" 'BEGIN {
        printf "carnews -j1 / wc -w time ratio: %.1fx; -j%d speed-up over -j1: %.2fx\n", j1 / wc, '"$NPROC"', j1 / jn }'
    cp=$(printf '%s\n' "${results[@]}" | awk '$1=="compromise(slice)"{print $2}')
    if [ -n "$cp" ]; then
        awk -v cp="$cp" -v ps="$PEER_MB" -v j1="$j1" -v ts="$TXT_MB" 'BEGIN {
            printf "carnews -j1 is %.0fx the speed (MB/s) of compromise\n", (ts / j1) / (ps / cp) }'
    else
        echo "compromise not timed: not installed in $PEER (npm install --prefix $PEER compromise)"
    fi
} | tee bench/RESULTS.md
