#!/usr/bin/env bash
# Runs the READMEs' commands as written: every ```sh block marked
#   <!-- tested: cwd=DIR [venv] [status=N] -->
# in README.md and examples/cobol/README.md, in order, each in its own bash
# (-e, -u, pipefail) from DIR (relative to the repository), expecting exit
# status N (default 0). The blocks run with HOME set to a fresh folder, so
# `scripts/install.sh "$HOME/.local"` installs there (the caches stay where
# they are); `venv` puts a fresh virtual environment's bin/ first on PATH,
# for pip. Two lines are left to the test command itself, which runs them
# around this script: `bash scripts/test.sh` (this is part of it) and
# `bash scripts/dist.sh` (it runs just before). Files the blocks create in
# the checkout are removed afterwards.
# Usage: bash scripts/test-readme.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

WORK=$(mktemp -d "${TMPDIR:-/tmp}/smartbill-test-readme.XXXXXX")
before="$WORK/untracked-before"
git ls-files --others --exclude-standard | LC_ALL=C sort >"$before"
cleanup() {
    # Whatever the blocks left in the checkout that was not there before.
    git ls-files --others --exclude-standard | LC_ALL=C sort | comm -13 "$before" - | while read -r f; do
        rm -f -- "$f"
        rmdir -p -- "$(dirname "$f")" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

# The blocks, as files: one per block, and a list of "file<TAB>cwd<TAB>venv<TAB>status<TAB>where".
python3 - "$WORK" README.md examples/cobol/README.md <<'PY'
import re, sys
work, files = sys.argv[1], sys.argv[2:]
marker = re.compile(r"^<!-- tested: (.*) -->$")
skipped = re.compile(r"^bash scripts/(test|dist)\.sh(\s|$)")
index = []
for name in files:
    lines = open(name, encoding="utf-8").read().split("\n")
    for i, line in enumerate(lines):
        m = marker.match(line)
        if not m:
            continue
        options = dict((o.split("=", 1) + ["yes"])[:2] for o in m.group(1).split())
        if lines[i + 1] != "```sh":
            sys.exit(f"{name}:{i + 1}: a tested marker must be followed by a ```sh block")
        end = lines.index("```", i + 2)
        body = [l for l in lines[i + 2:end] if not skipped.match(l)]
        path = f"{work}/block-{len(index)}.sh"
        open(path, "w", encoding="utf-8").write("\n".join(body) + "\n")
        index.append("\t".join([path, options.get("cwd", "."), options.get("venv", "no"), options.get("status", "0"), f"{name}:{i + 2}"]))
open(f"{work}/blocks", "w").write("\n".join(index) + "\n")
PY

# The caches, and the tools found through HOME, stay the machine's.
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
export SMARTBILL_CACHE="$SB_CACHE" PIP_CACHE_DIR="${PIP_CACHE_DIR:-$HOME/.cache/pip}"
export MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.repo.local=$HOME/.m2/repository"
home="$WORK/home"
mkdir -p "$home"
python3 -m venv "$WORK/venv"

passed=0
while IFS=$'\t' read -r file cwd venv status where; do
    [ -n "$file" ] || continue
    printf '\n== %s (in %s%s)\n' "$where" "$cwd" "$([ "$venv" = yes ] && echo ', venv')"
    sed 's/^/   $ /' "$file"
    path=$PATH
    [ "$venv" = yes ] && path="$WORK/venv/bin:$PATH"
    rc=0
    (cd "$cwd" && HOME=$home PATH=$path bash -euo pipefail "$file") || rc=$?
    if [ "$rc" -ne "$status" ]; then
        echo "FAIL $where: exit status $rc, expected $status"
        exit 1
    fi
    passed=$((passed + 1))
    echo "ok   $where (exit status $rc)"
done <"$WORK/blocks"
printf '\ntest-readme: %d blocks passed\n' "$passed"

# The build experience: right after the quickstart, nothing is compiled
# again, neither by a second quickstart nor by `pip install ./bindings/python`.
echo
echo "== nothing to compile after the quickstart"
again=$(bash scripts/quickstart.sh 2>&1)
if grep -E '^ *Compiling ' <<<"$again"; then
    echo "FAIL a second bash scripts/quickstart.sh compiled the crates above"
    exit 1
fi
echo "ok   a second bash scripts/quickstart.sh compiles nothing"
pip_log=$(PATH="$WORK/venv/bin:$PATH" pip install -v --no-deps --force-reinstall ./bindings/python 2>&1)
grep -q 'Successfully installed smartbill-signup' <<<"$pip_log" || {
    echo "$pip_log" | tail -n 20
    echo "FAIL pip install ./bindings/python"
    exit 1
}
if grep -E '^ *Compiling ' <<<"$pip_log"; then
    echo "FAIL pip install ./bindings/python compiled the crates above after the quickstart"
    exit 1
fi
echo "ok   pip install ./bindings/python reuses the quickstart's release library"
