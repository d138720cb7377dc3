#!/usr/bin/env bash
# Builds the C quickstart programs against the debug library, both ways
# (shared library and static archive), runs them on sample input and checks
# what they print and write; with --valgrind, under valgrind (zero errors,
# zero leaks).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
sb_build_debug
OUT=target/examples-c
mkdir -p "$OUT"
run=()
# shellcheck disable=SC2054 # comma-separated option values
[ "${1:-}" = "--valgrind" ] && run=(valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect)
CFLAGS=(-std=c99 -Wall -Wextra -Werror -pedantic -Iinclude)
# The static archive needs what the Rust standard library takes from the
# system (`cargo rustc --lib --crate-type staticlib -- --print native-static-libs`).
STATIC_LIBS=(-lgcc_s -lutil -lrt -lpthread -lm -ldl)
for prog in check_brn build_page parse_callback; do
    cc "${CFLAGS[@]}" "examples/c/$prog.c" -o "$OUT/$prog" -L"$SB_DEBUG_DIR" -lsmartbill_signup -Wl,-rpath,"$SB_DEBUG_DIR"
    cc "${CFLAGS[@]}" "examples/c/$prog.c" -o "$OUT/$prog-static" "$SB_DEBUG_DIR/libsmartbill_signup.a" "${STATIC_LIBS[@]}"
done

passed=0
check() { # check <description> <command...>: the command must succeed
    local what=$1
    shift
    if "$@"; then passed=$((passed + 1)); echo "ok   $what"; else echo "FAIL $what"; exit 1; fi
}

for variant in "" -static; do
    # Check a number.
    out=$(printf '124-81-00998\n123-45-67890\n' | "${run[@]}" "$OUT/check_brn$variant")
    echo "$out"
    check "check_brn$variant: valid number" grep -q "^124-81-00998 *OK *124-81-00998 corporation" <<<"$out"
    check "check_brn$variant: bad check digit" grep -q "^123-45-67890 *BRN_CHECKSUM" <<<"$out"

    # Build a page.
    page="$OUT/signup$variant.html"
    rm -f "$page"
    "${run[@]}" "$OUT/build_page$variant" "$page"
    check "build_page$variant: number sent as 10 digits" grep -q 'name="pComRegNo" value="1248100998"' "$page"
    check "build_page$variant: Korean company name as given" grep -q 'name="pComName" value="(주)스마트빌 뷁"' "$page"
    check "build_page$variant: posts UTF-8 to the demo host" \
        grep -q 'action="http://demo.smartbill.co.kr/xMain/mb/shar_transfer/info_inpt01.aspx" accept-charset="UTF-8"' "$page"

    # Parse a callback, from a file and from stdin.
    out=$("${run[@]}" "$OUT/parse_callback$variant" examples/cobol/fixtures/callback.json)
    echo "$out"
    check "parse_callback$variant: Korean company name" grep -q "^COM_NAME    뷁뷁국제무역주식회사서울특별시강남구지점$" <<<"$out"
    check "parse_callback$variant: token shortened" grep -q "^AUTH_TOKEN  YnVz\.\.\. (64 characters)$" <<<"$out"
    # shellcheck disable=SC2016 # $1 expands in the inner shell
    check "parse_callback$variant: token never in full" bash -c '! grep -q "YnVzaW5lc3MtdG9rZW4" <<<"$1"' _ "$out"
    status=0
    err=$("${run[@]}" "$OUT/parse_callback$variant" <examples/cobol/fixtures/callback-missing.json 2>&1) || status=$?
    echo "$err"
    check "parse_callback$variant: missing AUTH_TOKEN refused" grep -q "^refused: CALLBACK_MISSING: required key AUTH_TOKEN is absent$" <<<"$err"
    check "parse_callback$variant: exit status 1" test "$status" -eq 1
done
check "static and shared builds write the same page" cmp "$OUT/signup.html" "$OUT/signup-static.html"
echo "examples/c: $passed passed, 0 failed"
