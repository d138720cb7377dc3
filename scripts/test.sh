#!/usr/bin/env bash
# Runs every test in every language: lint, Rust, the fuzz targets, C (plain,
# valgrind, ASan), the C examples, and each suite under bindings/ and
# examples/. Installs what the machine lacks first; safe to run again.
# Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export RUST_BACKTRACE=0 # the panic self-test prints its panic; keep it short

step() { printf '\n==== %s\n' "$*"; }

step "prerequisites"
ensure_apt build-essential pkg-config valgrind libcjson-dev chromium
# The browser end-to-end test must run here, not skip.
export SMARTBILL_REQUIRE_BROWSER=1

step "lint: rustfmt, clippy, mypy --strict, shellcheck"
bash scripts/lint.sh

step "Rust: unit, integration, vector, header, network and browser tests"
cargo build --quiet
cargo test --quiet --workspace 2>&1

step "fuzz targets: every corpus input, then 20 s each with a fixed seed"
bash scripts/fuzz-replay.sh 20

step "the quickstart flow (debug build)"
cargo build --quiet --examples
cargo build --quiet -p smartbill-signup-cli
target/debug/examples/quickstart

step "C: every function through the header (plain, valgrind, ASan)"
bash scripts/test-c.sh

step "C examples under valgrind"
bash examples/c/run.sh --valgrind

for suite in bindings/*/run-tests.sh examples/*/run-tests.sh; do
    [ -f "$suite" ] || continue
    step "$suite"
    bash "$suite"
done

printf '\nall test suites passed\n'
