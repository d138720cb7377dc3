#!/usr/bin/env bash
# Builds the release library, compiles the Java wrapper and its tests, and
# runs BrnBench: per-call and per-number figures of Brn.isValid, validate
# and areValid. Not a test: the figures go into the README by hand.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
source scripts/lib.sh
command -v mvn >/dev/null || ensure_apt maven
cargo build --quiet --release
cd "$here"
mvn -B -q -ntp test-compile
mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=target/cp.txt
java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
    -Djna.library.path="$here/../../target/release" kr.smartbill.signup.BrnBench
