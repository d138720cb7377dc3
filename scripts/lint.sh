#!/usr/bin/env bash
# Lint, as the test command runs it: rustfmt, clippy (warnings are errors;
# the lint levels live in Cargo.toml), mypy --strict on the Python package,
# ShellCheck on every script. The C# and Java compilers treat warnings as
# errors in their own suites. Installs what is missing; safe to run again.
# Usage: bash scripts/lint.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_apt shellcheck
ensure_pip "mypy>=1.8"

echo "== cargo fmt --check"
cargo fmt --all -- --check
(cd fuzz && cargo fmt -- --check) # its own workspace

echo "== cargo clippy (warnings are errors)"
cargo clippy --quiet --workspace --all-targets -- -D warnings

echo "== mypy --strict (Python package)"
python3 -m mypy --strict --no-error-summary bindings/python/src/smartbill_signup

echo "== shellcheck"
mapfile -t scripts < <(git ls-files '*.sh')
shellcheck -x "${scripts[@]}"
echo "lint: clean"
