#!/usr/bin/env bash
# Installs what the Python tests need, (re)installs smartbill_signup from this
# checkout as `pip install ./bindings/python` does (its build backend takes
# the project's release library, scripts/release-lib.sh: a no-op when
# fresh), builds the SmartBill stand-in the HTTP tests talk to
# (smartbill-signup standin) and the examples (the debug build, a no-op when
# fresh) and runs pytest. The tests use the release library inside the
# installed package. Safe to run again and again. Extra arguments go to
# pytest.
#   PYTHON=python3.8 bindings/python/run-tests.sh -k batch
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"
# shellcheck source=/dev/null
source "$here/../../scripts/lib.sh"

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
"$python" -m pip show -q pytest >/dev/null 2>&1 || "$python" -m pip install -q "pytest>=7"
# The build backend needs nothing from PyPI (tomli before Python 3.11).
"$python" -m pip install -q --no-deps "$here"
# $SB_DEBUG_DIR/smartbill-signup (the stand-in) and the examples, for the
# HTTP and example tests.
sb_build_debug
cd "$here"
"$python" -m pytest -q -p no:cacheprovider tests "$@"
