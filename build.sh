#!/usr/bin/env bash
# Set up, build and run carnews on a Debian machine.
#   ./build.sh demo        install what is missing, build build/, analyse the sample
#   ./build.sh test        the same set-up, then every test (ctest)
#   ./build.sh test-asan   every test again under AddressSanitizer + UBSan (build-asan/)
#   ./build.sh test-tsan   the batch, CLI, hostile and API tests under ThreadSanitizer (build-tsan/)
#   ./build.sh fuzz        each libFuzzer target for FUZZ_SECONDS, or FUZZ_RUNS
#                          inputs from a fixed seed (build-fuzz/)
#   ./build.sh test-dist   the many-machines recipe: GNU parallel over three hosts in
#                          network namespaces, one killed mid-run (needs root)
#   ./build.sh build       set-up and build only
# Safe to re-run: packages are installed only when missing, builds are incremental.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(build-essential cmake pkg-config libxml2-dev libpcre2-dev libcmocka-dev python3
          libarchive-dev libjansson-dev)
JOBS=$(nproc 2>/dev/null || echo 2)

install_missing() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "build.sh: installing ${missing[*]}" >&2
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

build() {   # build DIR [cmake args...]
    local dir=$1
    shift
    cmake -S . -B "$dir" "$@" >/dev/null
    cmake --build "$dir" -j "$JOBS" -- --no-print-directory >/dev/null
}

case "${1:-demo}" in
demo)
    install_missing
    build build -DCMAKE_BUILD_TYPE=Release
    build/carnews analyze data/samples/uk_plant.txt
    ;;
build)
    install_missing
    build build -DCMAKE_BUILD_TYPE=Release
    ;;
test)
    install_missing
    build build -DCMAKE_BUILD_TYPE=Release
    ctest --test-dir build --output-on-failure -j "$JOBS"
    ;;
test-asan)
    install_missing
    build build-asan -DCMAKE_BUILD_TYPE=Debug "-DCARNEWS_SANITIZE=address;undefined"
    # Sanitizer allocators add their own growth: the pathological bar is 3x
    # there (a quadratic pass still shows 4x).
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        CARNEWS_HOSTILE_HUGE_MB=20 CARNEWS_PATHO_MAX_RATIO=3 ctest --test-dir build-asan --output-on-failure -j "$JOBS"
    ;;
test-tsan)
    # The batch, CLI and hostile tests (many threads, one shared analyzer)
    # under ThreadSanitizer; the hostile set makes only its multi-threaded
    # runs, with an 8 MiB file without newlines.
    install_missing
    build build-tsan -DCMAKE_BUILD_TYPE=Debug -DCARNEWS_SANITIZE=thread
    TSAN_OPTIONS=halt_on_error=1 CARNEWS_TEST_JOBS=8 CARNEWS_HOSTILE_HUGE_MB=8 \
        ctest --test-dir build-tsan --output-on-failure -j "$JOBS" \
        -R 'cli\.test_(batch|cli|hostile)|api\.'
    ;;
test-dist)
    PACKAGES+=(parallel openssh-server openssh-client iproute2)
    install_missing
    build build -DCMAKE_BUILD_TYPE=Release
    bash tests/distributed/test_parallel.sh build/carnews .
    ;;
fuzz)
    # libFuzzer targets (clang); each runs FUZZ_SECONDS (default 60) on its seeds.
    PACKAGES+=(clang)
    install_missing
    CC=clang build build-fuzz -DCMAKE_BUILD_TYPE=Debug -DCARNEWS_FUZZ=ON \
        "-DCARNEWS_SANITIZE=address;undefined" -DBUILD_TESTING=OFF
    for t in analyze html numbers data summarize; do
        mkdir -p "build-fuzz/corpus-$t"
        rc=0
        # FUZZ_RUNS makes a run repeatable (fixed seed and count), as CI wants;
        # otherwise each target runs FUZZ_SECONDS.
        if [ -n "${FUZZ_RUNS:-}" ]; then limit="-runs=$FUZZ_RUNS -seed=1"
        else limit="-max_total_time=${FUZZ_SECONDS:-60}"; fi
        build-fuzz/fuzz_$t $limit -timeout=10 -artifact_prefix=build-fuzz/ \
            -rss_limit_mb=2048 -print_final_stats=1 "build-fuzz/corpus-$t" "fuzz/seeds/$t" \
            > "build-fuzz/fuzz-$t.log" 2>&1 || rc=$?
        grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^#[0-9]+.*cov:' "build-fuzz/fuzz-$t.log" \
            | tail -3 | sed "s/^/fuzz_$t: /" || true
        if [ "$rc" -ne 0 ]; then
            tail -40 "build-fuzz/fuzz-$t.log" >&2
            echo "fuzz_$t found a crash (see build-fuzz/fuzz-$t.log)" >&2
            exit 1
        fi
    done
    ;;
*)
    echo "usage: ./build.sh [demo|build|test|test-asan|test-tsan|test-dist|fuzz]" >&2
    exit 2
    ;;
esac
