#!/usr/bin/env bash
# Runs every test in every language: Rust, C (plain, valgrind, ASan), the C
# examples, Python. Installs what the machine lacks first; safe to run again.
# Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export RUST_BACKTRACE=0 # the panic self-test prints its panic; keep it short

step() { printf '\n==== %s\n' "$*"; }

step "prerequisites"
ensure_apt build-essential pkg-config valgrind libcjson-dev

step "Rust: unit, integration, vector and header tests"
cargo build --quiet
cargo test --quiet 2>&1

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
