#!/usr/bin/env bash
# The packages' tests, run on what scripts/dist.sh put in dist/ (run it
# first), as each community's user would install them:
#   layout   every artifact's names, tags, folders and metadata; the same
#            release library in every Linux package, the Windows DLLs in
#            every Windows slot (tests/dist/check_layout.py)
#   python   a fresh venv with no cargo on PATH installs the wheel with
#            `pip install --no-index --find-links dist/python smartbill-signup`;
#            the package's tests run against it from outside the source tree;
#            the sdist builds a working wheel from itself alone
#   java     a program compiled against the jar and JNA's jar only runs
#            without -Djna.library.path (JNA extracts the jar's library)
#   csharp   the nupkg unpacked; a program compiled by mcs against
#            lib/netstandard2.0 runs on Mono with runtimes/linux-x64/native,
#            and so does the wrapper's whole test suite, for both frameworks
#   c        installed into temporary prefixes; `cc example.c $(pkg-config
#            --cflags --libs smartbill_signup)` builds and runs, shared and static
# Usage: bash scripts/test-dist.sh [layout] [python] [java] [csharp] [c]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
DIST=$SB_ROOT/dist
[ -f "$DIST/SHA256SUMS" ] || {
    echo "test-dist: dist/ is empty: run scripts/dist.sh first" >&2
    exit 1
}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/smartbill-test-dist.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# The HTTP tests of the suites talk to the stand-in of the debug build.
sb_build_debug

step() { printf '\n== test-dist: %s\n' "$*"; }

test_layout() {
    step "layout of dist/"
    local windows=none
    if [ -f "$SB_WINDOWS_DIR/x86_64/smartbill_signup.dll" ] && [ -f "$SB_WINDOWS_DIR/i686/smartbill_signup.dll" ]; then
        windows=$SB_WINDOWS_DIR
    elif [ "${SMARTBILL_DIST_WINDOWS:-}" = require ]; then
        echo "FAIL the Windows DLLs are missing (scripts/build-windows.sh)"
        return 1
    else
        echo "note: no Windows DLLs built: the Windows slots must be absent, and are checked to be"
    fi
    python3 tests/dist/check_layout.py "$DIST" "$VERSION" "$SB_RELEASE_DIR/libsmartbill_signup.so" "$windows"
}

# PATH without any folder that holds cargo or rustc.
path_without_rust() {
    local dir out=()
    IFS=: read -ra dirs <<<"$PATH"
    for dir in "${dirs[@]}"; do
        [ -x "$dir/cargo" ] || [ -x "$dir/rustc" ] || out+=("$dir")
    done
    (IFS=:; echo "${out[*]}")
}

test_python() {
    step "python: the wheel in a fresh venv, no cargo on PATH, the package's tests from outside the source tree"
    local venv="$WORK/venv" path
    python3 -m venv "$venv"
    path="$venv/bin:$(path_without_rust)"
    PATH=$path bash -c '! command -v cargo' >/dev/null || { echo "FAIL cargo is still on PATH"; return 1; }
    # pytest from PyPI (or pip's cache); the package only from dist/python.
    PATH=$path "$venv/bin/python" -m pip install -q --disable-pip-version-check "pytest>=7"
    PATH=$path "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-index \
        --find-links "$DIST/python" smartbill-signup
    cp -r bindings/python/tests "$WORK/python-tests"
    (cd "$WORK" && PATH=$path "$venv/bin/python" - "$venv" <<'PY'
import sys
from pathlib import Path
import smartbill_signup as sb
venv = Path(sys.argv[1]).resolve()
assert venv in Path(sb.__file__).resolve().parents, sb.__file__
assert sb.library_path.parent == Path(sb.__file__).resolve().parent, sb.library_path
print(f"ok   imported {sb.__file__}, library {sb.library_path.name} {sb.library_version()}")
PY
    )
    (cd "$WORK" && PATH=$path SMARTBILL_REPO=$SB_ROOT "$venv/bin/python" -m pytest -q -p no:cacheprovider \
        --rootdir "$WORK/python-tests" "$WORK/python-tests")

    step "python: the sdist builds a wheel from itself alone (debug profile, to keep it quick)"
    mkdir -p "$WORK/sdist"
    tar -C "$WORK/sdist" -xzf "$DIST/python/smartbill_signup-$VERSION.tar.gz"
    local src="$WORK/sdist/smartbill_signup-$VERSION"
    (cd "$src" && python3 - <<'PY'
import sys
sys.path.insert(0, "build_backend")
import smartbill_signup_build as backend
print("   built " + backend.build_wheel("../wheel", {"cargo-profile": "dev"}))
PY
    )
    mkdir -p "$WORK/sdist/installed"
    (cd "$WORK/sdist/installed" && python3 -m zipfile -e "$WORK"/sdist/wheel/*.whl . &&
        PYTHONPATH=. python3 -c 'import smartbill_signup as sb; assert sb.validate_brn("124-81-00998") == "1248100998"; print("ok   the sdist wheel works: " + sb.library_path.name)')
}

test_java() {
    step "java: a program against the jar and JNA's jar only, without -Djna.library.path"
    local jna_version jna jar="$DIST/java/smartbill-signup-$VERSION.jar"
    jna_version=$(sed -n 's|.*<jna.version>\(.*\)</jna.version>.*|\1|p' bindings/java/pom.xml)
    jna="$HOME/.m2/repository/net/java/dev/jna/jna/$jna_version/jna-$jna_version.jar"
    [ -f "$jna" ] || (cd bindings/java && mvn -B -ntp -q dependency:resolve >/dev/null)
    mkdir -p "$WORK/java"
    javac --release 8 -nowarn -encoding UTF-8 -cp "$jar:$jna" -d "$WORK/java" tests/dist/java/Consumer.java 2>&1 |
        grep -v "bootstrap class path\|^1 warning$" || true
    (cd "$WORK" && env -u LD_LIBRARY_PATH java -cp "$jar:$jna:$WORK/java" Consumer "$VERSION" "$SB_ROOT/")
}

test_csharp() {
    step "csharp: the nupkg unpacked; programs compiled against lib/<framework> run on Mono with runtimes/linux-x64/native"
    local pkg="$WORK/nupkg" facade=/usr/lib/mono/4.5/Facades/netstandard.dll
    mkdir -p "$pkg"
    (cd "$pkg" && unzip -q "$DIST/csharp/SmartbillSignup.$VERSION.nupkg")
    mcs -nologo -langversion:7.2 -warnaserror -r:"$pkg/lib/netstandard2.0/SmartbillSignup.dll" -r:"$facade" \
        -out:"$WORK/Consumer.exe" tests/dist/csharp/Consumer.cs
    cp "$pkg/lib/netstandard2.0/SmartbillSignup.dll" "$WORK/"
    (cd "$WORK" && LD_LIBRARY_PATH="$pkg/runtimes/linux-x64/native" mono Consumer.exe "$VERSION")
    local framework
    for framework in netstandard2.0 net45; do
        echo "-- the wrapper's test suite against lib/$framework/SmartbillSignup.dll"
        mkdir -p "$WORK/cs-$framework"
        cp "$pkg/lib/$framework/SmartbillSignup.dll" "$WORK/cs-$framework/"
        mcs -nologo -langversion:7.2 -warnaserror -r:"$WORK/cs-$framework/SmartbillSignup.dll" -r:"$facade" \
            -out:"$WORK/cs-$framework/SmartbillSignup.Tests.exe" bindings/csharp/tests/*.cs
        (cd "$WORK/cs-$framework" && LD_LIBRARY_PATH="$pkg/runtimes/linux-x64/native" RUST_BACKTRACE=0 \
            mono SmartbillSignup.Tests.exe "$SB_ROOT/tests/vectors" 2>/dev/null | tail -n 1)
    done
}

test_c() {
    step "c: installed into a prefix; cc example.c \$(pkg-config --cflags --libs smartbill_signup), shared and static"
    local tarball="$DIST/c/smartbill-signup-$VERSION-linux-x86_64.tar.gz" libs prefix out
    for libs in shared static; do
        prefix="$WORK/prefix-$libs"
        bash scripts/install.sh --libs="$libs" "$prefix" "$tarball" >/dev/null
        out="$WORK/example-$libs"
        # shellcheck disable=SC2046 # pkg-config's output is a list of flags
        (cd tests/dist/c && PKG_CONFIG_PATH="$prefix/lib/pkgconfig" &&
            export PKG_CONFIG_PATH && cc example.c $(pkg-config --cflags --libs smartbill_signup) -o "$out")
        if [ "$libs" = shared ]; then
            readelf -d "$out" | grep -q 'NEEDED.*\[libsmartbill_signup.so.0\]' ||
                { echo "FAIL example-shared does not need libsmartbill_signup.so.0"; return 1; }
            echo "ok   example-shared needs libsmartbill_signup.so.0 (the SONAME)"
            env LD_LIBRARY_PATH="$prefix/lib" "$out"
        else
            if readelf -d "$out" | grep -q 'NEEDED.*smartbill'; then
                echo "FAIL example-static needs a shared smartbill library"
                return 1
            fi
            echo "ok   example-static links the library statically"
            env -u LD_LIBRARY_PATH "$out"
        fi
    done
    echo "-- the unpacked tarball where it lies (its pkg-config file is relocatable)"
    mkdir -p "$WORK/unpacked"
    tar -C "$WORK/unpacked" -xzf "$tarball"
    local here="$WORK/unpacked/smartbill-signup-$VERSION-linux-x86_64"
    # shellcheck disable=SC2046
    (cd tests/dist/c && PKG_CONFIG_PATH="$here/lib/pkgconfig" && export PKG_CONFIG_PATH &&
        cc example.c $(pkg-config --cflags --libs smartbill_signup) -Wl,-rpath,"$(pkg-config --variable=libdir smartbill_signup)" \
            -o "$WORK/example-unpacked")
    "$WORK/example-unpacked" | tail -n 1
}

test_cli() {
    step "cli: the Linux tarball's smartbill-signup, unpacked, run as a support engineer would"
    local name="smartbill-signup-$VERSION-cli-linux-x86_64" rc=0 got want
    mkdir -p "$WORK/cli"
    tar -C "$WORK/cli" -xzf "$DIST/cli/$name.tar.gz"
    local tool="$WORK/cli/$name/bin/smartbill-signup"
    "$tool" --version | grep -qx "smartbill-signup $VERSION" || { echo "FAIL --version"; return 1; }
    echo "ok   smartbill-signup --version says $VERSION"
    got=$(printf '124-81-00998\n123-45-67890\n' | "$tool" brn check --format json - 2>&1) || rc=$?
    [ "$rc" -eq 1 ] || { echo "FAIL brn check exited $rc, not 1 (an invalid number): $got"; return 1; }
    # The packaged tool answers exactly as the debug build of the same sources.
    want=$(printf '124-81-00998\n123-45-67890\n' | "$SB_DEBUG_DIR/smartbill-signup" brn check --format json - 2>&1) || true
    [ "$got" = "$want" ] || { echo "FAIL the packaged tool and the debug build disagree:"; diff <(echo "$want") <(echo "$got"); return 1; }
    echo "ok   brn check: exit 1, the same JSON Lines as the debug build"
}

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(layout python java csharp c cli)
for part in "${parts[@]}"; do
    case "$part" in layout | python | java | csharp | c | cli) "test_$part" ;; *)
        echo "test-dist: unknown part '$part'" >&2
        exit 2
        ;;
    esac
done
printf '\ntest-dist: all passed (%s)\n' "${parts[*]}"
