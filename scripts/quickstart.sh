#!/usr/bin/env bash
# The quickstart: builds the release library and shows it working.
# Usage: bash scripts/quickstart.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_apt build-essential

echo "== building the library (release)"
cargo build --release --quiet
ls -l target/release/libsmartbill_signup.so target/release/libsmartbill_signup.a | awk '{print $5, $9}'

echo
echo "== checking business numbers from C"
mkdir -p target/quickstart
cc -std=c99 -Iinclude examples/c/check_brn.c -o target/quickstart/check_brn \
    -Ltarget/release -lsmartbill_signup -Wl,-rpath,"$PWD/target/release"
target/quickstart/check_brn 124-81-00998 "220 81 62517" 123-45-67890 0000000000 124-81-0099
