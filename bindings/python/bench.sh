#!/usr/bin/env bash
# Builds the release library and runs bench/bench_brn.py against it and the
# wrapper's sources in this checkout (no install): per-call and per-number
# figures of is_valid_brn and are_valid_brns, with python-stdnum as a
# yardstick. Not a test: the figures go into the README by hand.
# Extra arguments go to the benchmark (--count, --repeat).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="${PYTHON:-python3}"
# shellcheck source=/dev/null
source "$root/scripts/lib.sh"
ensure_pip python-stdnum
cd "$root"
cargo build --quiet --release
SMARTBILL_SIGNUP_LIB="$SB_TARGET_DIR/release/libsmartbill_signup.so" PYTHONPATH="$here/src" \
    "$python" "$here/bench/bench_brn.py" "$@"
