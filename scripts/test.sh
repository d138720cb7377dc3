#!/usr/bin/env bash
# Runs every test in every language: lint, Rust, the fuzz targets, C (plain,
# valgrind, ASan), the C examples, the Windows DLLs under Wine, each suite
# under bindings/ and examples/, then the packages (scripts/dist.sh, and
# each installed as its users would: scripts/test-dist.sh) and the READMEs'
# commands as written, the quickstart first (scripts/test-readme.sh).
# Installs what the machine lacks first; safe to run again. Builds go where
# scripts/lib.sh says: cargo's intermediate files in
# ~/.cache/smartbill-signup/build, shared by every clone, so a fresh clone
# (CI) compiles only this project's crates.
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
# The debug build every suite uses (cargo lists each crate it compiles).
sb_build_debug_showing_progress
cargo test --quiet --workspace 2>&1

step "fuzz targets: every corpus input, then 20 s each with a fixed seed"
bash scripts/fuzz-replay.sh 20

step "C: every function through the header (plain, valgrind, ASan)"
bash scripts/test-c.sh

step "C examples under valgrind"
bash examples/c/run.sh --valgrind

step "Windows: the 64- and 32-bit DLLs, with the C tests and examples under Wine"
bash scripts/test-windows.sh

for suite in bindings/*/run-tests.sh examples/*/run-tests.sh; do
    [ -f "$suite" ] || continue
    step "$suite"
    bash "$suite"
done

step "packages: scripts/dist.sh (the release library for Linux, glibc 2.17, in every package)"
# The Windows DLLs and smartbill-signup.exe were built and tested above:
# every Windows slot must be filled.
export SMARTBILL_DIST_WINDOWS=require
bash scripts/dist.sh

step "packages, installed as their users would: scripts/test-dist.sh"
bash scripts/test-dist.sh

step "the READMEs' commands as written, the quickstart first: scripts/test-readme.sh"
bash scripts/test-readme.sh

printf '\nall test suites passed\n'
