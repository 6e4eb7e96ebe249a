#!/usr/bin/env bash
# Install into a temporary prefix, then use the installation as a C user
# would: build a program with pkg-config (shared and static) and with
# find_package(carnews), run them and the installed binary on the
# installed data, and check the binary never reads the build tree.
#   test_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
text="Jaguar Land Rover and Nissan build cars in Britain."
datadir=$(pkg-config --variable=datadir carnews)
fail() { echo "FAIL: $*" >&2; exit 1; }

# The installed binary reads the installed data, found beside itself.
got=$("$prefix/bin/carnews" data path)
[ "$got" = "$(cd "$prefix/share/carnews" && pwd -P)" ] || fail "data path is $got"
echo "$text" > "$tmp/a.txt"
"$prefix/bin/carnews" analyze -f tsv "$tmp/a.txt" | grep -q "Nissan" || fail "installed binary"
# A copy of the installation elsewhere still finds its own data.
cp -a "$prefix" "$tmp/moved"
got=$("$tmp/moved/bin/carnews" data path)
[ "$got" = "$(cd "$tmp/moved/share/carnews" && pwd -P)" ] || fail "moved data path is $got"
# Without its data it says so, rather than reading the build tree.
rm -r "$tmp/moved/share/carnews"
if "$tmp/moved/bin/carnews" analyze "$tmp/a.txt" 2>"$tmp/err"; then
    fail "ran without data"
fi
grep -q "missing data file" "$tmp/err" || fail "no message without data: $(cat "$tmp/err")"
grep -q "$src" "$tmp/err" && fail "looked in the source tree"

for h in carnews.h; do [ -f "$prefix/include/carnews/$h" ] || fail "no $h"; done
[ -f "$prefix/share/doc/carnews/LICENSE" ] || fail "no LICENSE"
[ -f "$prefix/share/carnews/README.md" ] || fail "no data README"
for f in bash-completion/completions/carnews zsh/vendor-completions/_carnews \
         fish/vendor_completions.d/carnews.fish; do
    [ -s "$prefix/share/$f" ] || fail "no completion $f"
done

# pkg-config, shared library.
cc -std=c99 -Wall -Wextra -Werror -o "$tmp/consumer" "$src/tests/install/consumer.c" \
    $(pkg-config --cflags --libs carnews)
LD_LIBRARY_PATH=$prefix/lib "$tmp/consumer" "$datadir" "$text" > "$tmp/out"
grep -qx "Nissan" "$tmp/out" || fail "shared consumer: $(cat "$tmp/out")"
# pkg-config, static library.
cc -std=c99 -o "$tmp/consumer_static" "$src/tests/install/consumer.c" \
    $(pkg-config --cflags carnews) "$prefix/lib/libcarnews.a" \
    $(pkg-config --static --libs-only-l carnews | sed 's/-lcarnews//')
"$tmp/consumer_static" "$datadir" "$text" | grep -qx "Nissan" || fail "static consumer"
# Only the public API is exported.
bad=$(nm -D --defined-only "$prefix/lib/libcarnews.so" | awk '{print $3}' | grep -v '^cn_' || true)
[ -z "$bad" ] || fail "exported: $bad"
# find_package(carnews).
cmake -S "$src/tests/install" -B "$tmp/cm" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$tmp/cm" >/dev/null
LD_LIBRARY_PATH=$prefix/lib "$tmp/cm/consumer_cmake" "$datadir" "$text" | grep -qx "Nissan" \
    || fail "find_package consumer"
echo "1 passed, 0 failed"
