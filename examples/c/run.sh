#!/usr/bin/env bash
# Builds the C examples against the debug library and runs them on sample
# input; with --valgrind, under valgrind (zero errors, zero leaks).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=target/examples-c
mkdir -p "$OUT"
run=()
[ "${1:-}" = "--valgrind" ] && run=(valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect)
cc -std=c99 -Wall -Wextra -Werror -pedantic -Iinclude examples/c/check_brn.c -o "$OUT/check_brn" \
    -Ltarget/debug -lsmartbill_signup -Wl,-rpath,"$PWD/target/debug"
out=$(printf '124-81-00998\n123-45-67890\n' | "${run[@]}" "$OUT/check_brn")
echo "$out"
grep -q "^124-81-00998 *OK *124-81-00998 corporation" <<<"$out"
grep -q "^123-45-67890 *BRN_CHECKSUM" <<<"$out"
echo "examples/c: 2 passed, 0 failed"
