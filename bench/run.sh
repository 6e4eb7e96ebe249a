#!/usr/bin/env bash
# Benchmark carnews against the floor (cat, wc -w) and, when installed, the
# compromise NLP library, on a generated corpus.  Prints one table and
# writes it to bench/RESULTS.md with the commit and the machine.
#
#   bench/run.sh            build/ must hold a release build (./build.sh build)
#   RUNS=5 bench/run.sh     runs per measurement (median reported; default 3)
#   IPB=1 bench/run.sh      also instructions per byte under callgrind (valgrind) on
#                           IPB_KB (default 1000) KB of the text corpus, start-up apart
#   GROWTH=1 bench/run.sh   also growth curves (minutes): time against the size of one
#                           article (GROWTH_KB, default "1 10 100 1000 10000"), of the
#                           gazetteer (GROWTH_ROWS user rows through --data, default
#                           "100000 1000000"; start-up with each) and of a folder
#                           (GROWTH_FILES, default "10 1000 100000"; 1,000,000 is
#                           extrapolated unless listed)
#   BENCH_OUT=FILE          where the tables go (default bench/RESULTS.md)
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
OUT=${BENCH_OUT:-bench/RESULTS.md}
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
bytes() { du -sb "$1" | cut -f1; }

# row LABEL SIZE_MB SECONDS RSS_KIB: one line of a growth table
row() {
    awk -v l="$1" -v s="$2" -v t="$3" -v m="$4" 'BEGIN {
        tt = (t < 0.0005 ? 0.0005 : t);
        printf "| %s | %.3f | %.1f | %.1f |\n", l, t, s / tt, m / 1024 }'
}

# Instructions per byte (deterministic, unlike time): callgrind on the
# first IPB_KB KB of text articles, less one run on a one-line article
# (start-up: loading the data and compiling the rules).
ipb_table() {
    command -v valgrind >/dev/null || { echo "bench: IPB=1 needs valgrind" >&2; return 0; }
    local slice="$DIR/ipb" limit=$(( ${IPB_KB:-1000} * 1000 ))
    rm -rf "$slice"; mkdir -p "$slice/in" "$slice/one"
    local total=0 f
    while IFS= read -r f; do
        [ "$total" -ge "$limit" ] && break
        cp "$f" "$slice/in/"; total=$(( total + $(stat -c %s "$f") ))
    done < <(find "$DIR/text" -type f -name '*.txt' | sort)
    printf 'x\n' > "$slice/one/a.txt"
    irefs() {
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN" analyze -q -f jsonl -j1 "$1" \
            2>&1 >/dev/null | awk '/Collected/ {print $NF}'
    }
    local all start
    all=$(irefs "$slice/in"); start=$(irefs "$slice/one")
    echo
    echo "## Instructions per byte (callgrind, -j1, jsonl)"
    echo
    echo "| input | bytes | instructions | per byte |"
    echo "|---|---|---|---|"
    echo "| start-up (one-line article) | 2 | $start | - |"
    awk -v a="$all" -v s="$start" -v b="$total" -v n="$(ls "$slice/in" | wc -l)" 'BEGIN {
        printf "| %d text articles, start-up excluded | %d | %d | %.0f |\n", n, b, a - s, (a - s) / b }'
}

# Growth: one article of each size, the gazetteer with generated user
# rows, folders of each file count.
growth_tables() {
    local g="$DIR/growth" kb f n rows
    mkdir -p "$g"
    echo
    echo "## Growth (median of $RUNS runs, -j1, jsonl)"
    echo
    echo "One article made by concatenating corpus articles:"
    echo
    echo "| article KB | seconds | MB/s | peak RSS MiB |"
    echo "|---|---|---|---|"
    for kb in ${GROWTH_KB:-1 10 100 1000 10000}; do
        f="$g/article_${kb}k.txt"
        if [ ! -f "$f" ]; then
            find "$DIR/text" -type f -name '*.txt' | sort | xargs cat 2>/dev/null | head -c $(( kb * 1000 )) > "$f" || true
        fi
        set -- $(time_cmd "$kb" "$BIN" analyze --quiet -f jsonl -j1 "$f")
        row "$kb" "$(awk -v b="$(bytes "$f")" 'BEGIN {print b / 1e6}')" "$2" "$3"
    done
    # The gazetteer: user organizations through --data (rows are added to
    # the built-in ones), timed on the same slice of articles and alone.
    local slice="$g/slice"
    if [ ! -d "$slice" ]; then
        mkdir -p "$slice"
        find "$DIR/text" -type f -name '*.txt' | sort | head -1000 | xargs cp -t "$slice" || true
    fi
    printf 'x\n' > "$g/one.txt"
    echo
    echo "Gazetteer size (user rows in organizations.tsv through --data), on $(ls "$slice" | wc -l) articles ($(mb "$slice") MB):"
    echo
    echo "| user rows | seconds | MB/s | peak RSS MiB | start-up seconds |"
    echo "|---|---|---|---|---|"
    for rows in 0 ${GROWTH_ROWS:-100000 1000000}; do
        local data=()
        if [ "$rows" -gt 0 ]; then
            mkdir -p "$g/data_$rows"
            [ -f "$g/data_$rows/organizations.tsv" ] || python3 -c '
import sys
n = int(sys.argv[1])
out = sys.stdout
out.write("name\taliases\tkind\tcountry\n")
for i in range(n):
    out.write(f"Benchorg {i:07d} Holdings\t\tcompany\t\n")' "$rows" > "$g/data_$rows/organizations.tsv"
            data=(--data "$g/data_$rows")
        fi
        set -- $(time_cmd "$rows" "$BIN" analyze --quiet -f jsonl -j1 "${data[@]}" "$slice")
        local t=$2 m=$3
        set -- $(time_cmd "$rows" "$BIN" analyze --quiet -f jsonl -j1 "${data[@]}" "$g/one.txt")
        echo "$(row "$rows" "$(mb "$slice")" "$t" "$m") $(printf '%.3f' "$2") |"
    done
    echo
    echo "Folder size (copies of one corpus article, hard links):"
    echo
    echo "| files | seconds | MB/s | peak RSS MiB |"
    echo "|---|---|---|---|"
    local src last_n="" last_t=""
    src=$(find "$DIR/text" -type f -name "*.txt" | sort | head -1 || true)
    for n in ${GROWTH_FILES:-10 1000 100000}; do
        local fd="$g/files_$n"
        if [ ! -d "$fd" ]; then
            mkdir -p "$fd"
            for i in $(seq 0 $(( (n - 1) / 1000 ))); do
                mkdir -p "$fd/$(printf %04d "$i")"
            done
            # A file takes at most 65,000 links on ext4: a fresh copy of the
            # article (kept beside the folder) for every 50,000 of them.
            python3 -c '
import os, shutil, sys
src, d, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = src
for i in range(n):
    if i % 50000 == 0:
        base = "%s.base%d" % (d, i // 50000)
        shutil.copyfile(src, base)
    os.link(base, os.path.join(d, "%04d" % (i // 1000), "a%07d.txt" % i))' "$src" "$fd" "$n"
        fi
        set -- $(time_cmd "$n" "$BIN" analyze --quiet -f jsonl -j1 "$fd")
        row "$n" "$(awk -v b="$(stat -c %s "$src")" -v n="$n" 'BEGIN {print b * n / 1e6}')" "$2" "$3"
        last_n=$n; last_t=$2
    done
    case " ${GROWTH_FILES:-} " in
        *" 1000000 "*) ;;
        *) [ -n "$last_n" ] && awk -v n="$last_n" -v t="$last_t" 'BEGIN {
               printf "\n1,000,000 files: not run; about %.0f s extrapolated linearly from %d files.\n", t * 1e6 / n, n }' ;;
    esac
}
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
# Entities alone: figures and quotes are then not looked for.
ENTS=brand,model,plant,person,organization,place
results+=("$(time_cmd "carnews-j1-entities(text)" "$BIN" analyze --quiet --format jsonl -j1 -t "$ENTS" "$DIR/text")")
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
    ents=$(printf '%s\n' "${results[@]}" | awk '$1=="carnews-j1-entities(text)"{print $2}')
    awk -v e="$ents" -v j1="$j1" 'BEGIN {
        printf "entities only (-t without figure and quote): %.2fx the speed of a full -j1 run\n", j1 / e }'
    # Output size per input byte, with every mention and with --no-mentions.
    in_b=$(bytes "$DIR/text")
    out_b=$("$BIN" analyze --quiet --format jsonl -j"$NPROC" "$DIR/text" | wc -c)
    out_nm=$("$BIN" analyze --quiet --format jsonl --no-mentions -j"$NPROC" "$DIR/text" | wc -c)
    awk -v i="$in_b" -v o="$out_b" -v n="$out_nm" 'BEGIN {
        printf "jsonl output: %.2f bytes per input byte (%.2f with --no-mentions)\n", o / i, n / i }'
    cp=$(printf '%s\n' "${results[@]}" | awk '$1=="compromise(slice)"{print $2}')
    if [ -n "$cp" ]; then
        awk -v cp="$cp" -v ps="$PEER_MB" -v j1="$j1" -v ts="$TXT_MB" 'BEGIN {
            printf "carnews -j1 is %.0fx the speed (MB/s) of compromise\n", (ts / j1) / (ps / cp) }'
    else
        echo "compromise not timed: not installed in $PEER (npm install --prefix $PEER compromise)"
    fi
} | tee "$OUT"
[ "${IPB:-0}" = 1 ] && ipb_table | tee -a "$OUT"
[ "${GROWTH:-0}" = 1 ] && growth_tables | tee -a "$OUT"
exit 0
