#!/usr/bin/env bash
# The quickstart: builds the release library and runs the whole simple-signup
# flow offline against the local SmartBill stand-in (examples/quickstart),
# then checks business numbers from C through the header.
# Usage: bash scripts/quickstart.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_apt build-essential pkg-config

echo "== building the library, the smartbill-signup tool (its stand-in) and the examples (release)"
cargo build --release --quiet
cargo build --release --quiet -p smartbill-signup-cli
cargo build --release --quiet --examples
for f in target/release/libsmartbill_signup.so target/release/libsmartbill_signup.a target/release/smartbill-signup; do
    printf '  %-40s %8d bytes\n' "$f" "$(stat -c %s "$f")"
done

echo
target/release/examples/quickstart

echo
echo "== the same library from C (examples/c)"
mkdir -p target/quickstart
cc -std=c99 -Iinclude examples/c/check_brn.c -o target/quickstart/check_brn \
    -Ltarget/release -lsmartbill_signup -Wl,-rpath,"$PWD/target/release"
target/quickstart/check_brn 124-81-00998 "220 81 62517" 123-45-67890 124-81-0099
