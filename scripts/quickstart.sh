#!/usr/bin/env bash
# The quickstart: builds the release library (the one every package ships)
# and runs the whole simple-signup flow offline against the local SmartBill
# stand-in (examples/quickstart), then checks business numbers from C
# through the header, linked against that release library. A second run
# with nothing changed takes seconds.
# Usage: bash scripts/quickstart.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_apt build-essential pkg-config

sb_build_release
for f in libsmartbill_signup.so libsmartbill_signup.a; do
    printf '  %-40s %9d bytes\n' "$f" "$(stat -L -c %s "$SB_RELEASE_DIR/$f")"
done

echo
echo "== the quickstart program and the smartbill-signup tool (its stand-in): the debug build, minutes the first time"
sb_build_debug
echo
"$SB_DEBUG_DIR/examples/quickstart"

echo
echo "== the release library from C (examples/c)"
mkdir -p target/quickstart
cc -std=c99 -Iinclude examples/c/check_brn.c -o target/quickstart/check_brn \
    -L"$SB_RELEASE_DIR" -lsmartbill_signup -Wl,-rpath,"$SB_RELEASE_DIR"
target/quickstart/check_brn 124-81-00998 "220 81 62517" 123-45-67890 124-81-0099
