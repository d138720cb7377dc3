#!/usr/bin/env bash
# Builds every C test in tests/c against the debug cdylib and runs each three
# ways: plain, under valgrind (zero errors, zero leaks) and under
# AddressSanitizer. Also checks that the header compiles as C99 and as C++.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

# The library (every crate type) and the stand-in the HTTP test starts
# (smartbill-signup standin).
sb_build_debug

LIB_DIR=$SB_DEBUG_DIR
OUT=target/ctest
mkdir -p "$OUT"
CFLAGS=(-std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -pedantic -g -Iinclude)
# shellcheck disable=SC2054 # -Wl,-rpath,DIR is one argument
LIBS=(-L"$LIB_DIR" -lsmartbill_signup -lcjson -lpthread -Wl,-rpath,"$LIB_DIR")

# The header alone, as C99 and as C++.
printf '#include "smartbill_signup.h"\nint main(void){return smartbill_abi_version()==SMARTBILL_ABI_VERSION?0:1;}\n' > "$OUT/header_c.c"
gcc "${CFLAGS[@]}" -c "$OUT/header_c.c" -o "$OUT/header_c.o"
cp "$OUT/header_c.c" "$OUT/header_cpp.cpp"
g++ -std=c++11 -Wall -Wextra -Werror -pedantic -Iinclude -c "$OUT/header_cpp.cpp" -o "$OUT/header_cpp.o"
echo "header: compiles as C99 and C++11"

status=0
for src in tests/c/test_*.c; do
    name=$(basename "$src" .c)
    gcc "${CFLAGS[@]}" "$src" -o "$OUT/$name" "${LIBS[@]}"
    gcc "${CFLAGS[@]}" -fsanitize=address,undefined -fno-omit-frame-pointer "$src" -o "$OUT/$name.asan" "${LIBS[@]}"
    echo "== $name"
    "$OUT/$name" || status=1
    echo "== $name (valgrind)"
    valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
        --errors-for-leak-kinds=definite,indirect "$OUT/$name" >/dev/null || { echo "valgrind: $name failed"; status=1; }
    echo "== $name (ASan)"
    # The Rust library is not instrumented; ASan checks the C side and the boundary.
    ASAN_OPTIONS=detect_leaks=1 "$OUT/$name.asan" >/dev/null || { echo "ASan: $name failed"; status=1; }
done
exit $status
