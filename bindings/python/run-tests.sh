#!/usr/bin/env bash
# Installs what the Python tests need, (re)installs smartbill_signup from this
# checkout (cargo rebuilds the library only when the Rust sources changed),
# builds the SmartBill stand-in the HTTP tests talk to (smartbill-signup
# standin; cargo build, a no-op when up to date) and the examples, and runs
# pytest. Safe to run again and
# again. Extra arguments go to pytest.
#   PYTHON=python3.8 bindings/python/run-tests.sh -k batch
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
# Build tools in this interpreter, so the package builds without an isolated
# environment (no download, no copy of setuptools per run).
"$python" -m pip install -q "setuptools>=61" "setuptools-rust>=1.7" wheel "pytest>=7"
# Stale files from an earlier in-tree build would end up in the wheel.
rm -rf "$here/build"
"$python" -m pip install -q --no-build-isolation --no-deps "$here"
# target/debug/smartbill-signup (the stand-in) and the examples, for the HTTP
# and example tests.
(cd "$here/../.." && cargo build --quiet -p smartbill-signup-cli && cargo build --quiet --examples)
cd "$here"
"$python" -m pytest -q -p no:cacheprovider tests "$@"
