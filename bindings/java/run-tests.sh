#!/usr/bin/env bash
# Builds the native library (a no-op when fresh) and runs the Java wrapper's
# tests, twice: with the JVM's default charset and with a Korean double-byte
# one (see pom.xml). Maven downloads its plugins and dependencies once, then
# works from ~/.m2. Exits non-zero on any failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
# shellcheck source=/dev/null
source scripts/lib.sh
command -v mvn >/dev/null || ensure_apt maven
# cc builds the stand-in libraries of LoaderTest.
command -v cc >/dev/null || ensure_apt gcc
# The tests load the debug library this builds (a no-op when fresh),
# $SB_DEBUG_DIR/libsmartbill_signup.so, through -Djna.library.path
# (pom.xml: native.dir); the packaged jar's own copy is tested by
# scripts/test-dist.sh.
sb_build_debug
cd "$here"
echo "Java tests against $SB_DEBUG_DIR/libsmartbill_signup.so"
# Only Surefire's per-class and summary lines, failures and errors are shown.
set +e
mvn -B -ntp test -Dnative.dir="$SB_DEBUG_DIR" 2>&1 | grep -E 'Tests run:|<<< FAIL|^\[ERROR\]|BUILD (SUCCESS|FAILURE)'
status=${PIPESTATUS[0]}
set -e
exit "$status"
