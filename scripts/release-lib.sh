#!/usr/bin/env bash
# The release build of the library (scripts/lib.sh: sb_build_release, glibc
# 2.17), for tools that need the file: builds it when stale (a no-op that
# takes seconds otherwise), reports progress on stderr and prints the
# library's path on stdout. The Python package's build backend runs it.
# Usage: bash scripts/release-lib.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
sb_build_release >&2
echo "$SB_RELEASE_DIR/libsmartbill_signup.so"
