# shellcheck shell=bash
# Shared helpers for the project's scripts: where builds go, the one release
# build of the library, and installing what is missing, once. Sourced, not run.

SB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Everything expensive lives outside the clone, so a fresh clone (CI) reuses it.
SB_CACHE=${SMARTBILL_CACHE:-$HOME/.cache/smartbill-signup}

# Cargo's intermediate files (every compiled dependency) go to one build
# directory that every clone on the machine shares; the final artifacts
# (target/debug/libsmartbill_signup.so, ...) stay in each clone's own target
# directory, so two clones never overwrite each other's library.
export CARGO_BUILD_BUILD_DIR="${CARGO_BUILD_BUILD_DIR:-$SB_CACHE/build}"
# Where cargo puts the final artifacts: target/, or CARGO_TARGET_DIR if set.
SB_TARGET_DIR=${CARGO_TARGET_DIR:-$SB_ROOT/target}
case "$SB_TARGET_DIR" in /*) ;; *) SB_TARGET_DIR="$PWD/$SB_TARGET_DIR" ;; esac
# The test programs (Python, Java, C#) read it to find the stand-in and the library.
export SMARTBILL_TARGET_DIR="$SB_TARGET_DIR"
# The debug build: what every test suite uses.
# shellcheck disable=SC2034 # used by the scripts that source this file
SB_DEBUG_DIR="$SB_TARGET_DIR/debug"

# The release build for Linux: glibc 2.17 (manylinux2014: RHEL/CentOS 7 and
# later), made with cargo-zigbuild and zig as the linker. It is the one Linux
# library of every package (wheel, jar, nupkg, tarball) and of the quickstart.
SB_LINUX_TRIPLE=x86_64-unknown-linux-gnu
SB_GLIBC=2.17
SB_RELEASE_DIR="$SB_TARGET_DIR/$SB_LINUX_TRIPLE/release"
SB_SONAME=libsmartbill_signup.so.0
SB_ZIGBUILD_VERSION=0.24.1
SB_ZIGLANG_VERSION=0.17.1
# The Windows DLLs (scripts/build-windows.sh): x86_64/ and i686/.
# shellcheck disable=SC2034
SB_WINDOWS_DIR="$SB_ROOT/target/windows"

# Installs the Debian packages among "$@" that are not installed yet.
ensure_apt() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    if [ ! -f /tmp/.smartbill-apt-updated ]; then
        $sudo apt-get update -qq && touch /tmp/.smartbill-apt-updated
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Installs the pip requirements among "$@" that are not importable/installed.
ensure_pip() {
    local missing=()
    for req in "$@"; do
        python3 -m pip show -q "${req%%[<>=]*}" >/dev/null 2>&1 || missing+=("$req")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing pip packages: ${missing[*]}"
    python3 -m pip install -q --disable-pip-version-check "${missing[@]}"
}

# zig, the release build's linker and C compiler, comes from PyPI (the
# ziglang package) in a virtual environment of its own under the cache, so
# that no Python environment of the user's is touched; cargo-zigbuild
# (crates.io) runs it with that environment's Python.
SB_ZIG_VENV="$SB_CACHE/tools/ziglang-$SB_ZIGLANG_VERSION"

# Installs zig and cargo-zigbuild when missing.
ensure_zigbuild() {
    if ! "$SB_ZIG_VENV/bin/python" -m ziglang version >/dev/null 2>&1; then
        echo "installing zig (PyPI: ziglang $SB_ZIGLANG_VERSION) into $SB_ZIG_VENV"
        rm -rf "$SB_ZIG_VENV"
        python3 -m venv "$SB_ZIG_VENV" 2>/dev/null || {
            ensure_apt python3-venv
            python3 -m venv "$SB_ZIG_VENV"
        }
        "$SB_ZIG_VENV/bin/python" -m pip install -q --disable-pip-version-check "ziglang==$SB_ZIGLANG_VERSION"
    fi
    if ! command -v cargo-zigbuild >/dev/null; then
        echo "installing cargo-zigbuild $SB_ZIGBUILD_VERSION (cargo install, once: a few minutes)"
        cargo install --quiet --locked --version "$SB_ZIGBUILD_VERSION" cargo-zigbuild
    fi
}

# Cargo decides that a crate is fresh by comparing file times with its last
# build. With build output shared by every clone (the build directory, the
# Windows and fuzz targets), a clone whose sources are older than another
# clone's last build would silently get that build. So each shared output
# keeps a stamp of the sources it last built (their content, not their
# times); when this clone's differ, their times are renewed and cargo
# rebuilds this project's crates (never the dependencies).
# $1: the stamp file (one per profile and target in a shared directory).
sb_sources_for() {
    local stamp=$1 sum
    sum=$(cd "$SB_ROOT" && git ls-files -z --cached --others --exclude-standard -- \
        Cargo.toml Cargo.lock build.rs build src crates include fuzz/Cargo.toml fuzz/src fuzz/fuzz_targets |
        xargs -0 sha256sum 2>/dev/null | sha256sum | cut -c1-64)
    [ "$(cat "$stamp" 2>/dev/null)" = "$sum" ] && return 0
    (cd "$SB_ROOT" && git ls-files -z --cached --others --exclude-standard -- \
        Cargo.toml build.rs build src crates include fuzz/src fuzz/fuzz_targets | xargs -0 touch)
    mkdir -p "$(dirname "$stamp")"
    echo "$sum" >"$stamp"
}

# The debug build every test suite uses: the library, the workspace's
# programs and the examples (the stand-in), in one cargo invocation that
# resolves features as `cargo test` does, so no two builds invalidate each
# other's library. A no-op when fresh.
SB_DEBUG_BUILD=(build --workspace --lib --bins --examples)
sb_build_debug() {
    sb_sources_for "$CARGO_BUILD_BUILD_DIR/.sources-debug"
    (cd "$SB_ROOT" && cargo "${SB_DEBUG_BUILD[@]}" --quiet)
}
# The same, naming each crate it compiles (the first build takes minutes).
sb_build_debug_showing_progress() {
    sb_sources_for "$CARGO_BUILD_BUILD_DIR/.sources-debug"
    (cd "$SB_ROOT" && cargo "${SB_DEBUG_BUILD[@]}")
}

# Prints "... still building (N min)" every minute while a long build runs
# silent (aws-lc's C code, the final LTO link); killed by the caller.
sb_heartbeat() {
    local start=$1 what=$2
    # sleep's output goes nowhere: a sleep outliving the loop must not hold
    # the caller's pipe open.
    while sleep 60 >/dev/null 2>&1; do
        echo "   ... still building $what ($((($(date +%s) - start) / 60)) min)"
    done
}

# The release build of the library for Linux (see SB_RELEASE_DIR), always
# the same cargo command, so a second run is a no-op that takes seconds.
# Leaves libsmartbill_signup.so (SONAME libsmartbill_signup.so.0, with that
# link beside it) and libsmartbill_signup.a in $SB_RELEASE_DIR.
sb_build_release() {
    if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
        echo "error: the release build runs on x86_64 Linux (this is $(uname -s) $(uname -m))" >&2
        return 1
    fi
    ensure_zigbuild
    sb_sources_for "$CARGO_BUILD_BUILD_DIR/.sources-release-linux"
    local start heartbeat rc=0
    start=$(date +%s)
    echo "== release library for Linux (glibc $SB_GLIBC; cargo zigbuild --release): the first build compiles"
    echo "   about 130 crates, 10 minutes or more on 2 cores; later builds take seconds"
    sb_heartbeat "$start" "the release library" &
    heartbeat=$!
    # zig's caches live with the others, whatever HOME is: a build from
    # another HOME reuses them and finds the C compiler where it was.
    (cd "$SB_ROOT" && SMARTBILL_SONAME=$SB_SONAME \
        CARGO_ZIGBUILD_PYTHON_PATH="$SB_ZIG_VENV/bin/python" \
        CARGO_ZIGBUILD_CACHE_DIR="$SB_CACHE/cargo-zigbuild" ZIG_GLOBAL_CACHE_DIR="$SB_CACHE/zig" \
        cargo zigbuild --release --locked --target "$SB_LINUX_TRIPLE.$SB_GLIBC" -p smartbill-signup --lib) || rc=$?
    kill "$heartbeat" 2>/dev/null || true
    wait "$heartbeat" 2>/dev/null || true
    [ "$rc" -eq 0 ] || return "$rc"
    ln -sf libsmartbill_signup.so "$SB_RELEASE_DIR/$SB_SONAME"
    echo "   done in $(($(date +%s) - start)) s: $SB_RELEASE_DIR"
}

# The command-line tool for Linux, built like the release library (glibc
# 2.17, zig as linker), for dist/cli: $SB_RELEASE_DIR/smartbill-signup.
sb_build_release_cli() {
    ensure_zigbuild
    sb_sources_for "$CARGO_BUILD_BUILD_DIR/.sources-release-linux"
    local start heartbeat rc=0
    start=$(date +%s)
    echo "== release smartbill-signup for Linux (glibc $SB_GLIBC; cargo zigbuild --release): minutes the first time"
    sb_heartbeat "$start" "the release command-line tool" &
    heartbeat=$!
    (cd "$SB_ROOT" && CARGO_ZIGBUILD_PYTHON_PATH="$SB_ZIG_VENV/bin/python" \
        CARGO_ZIGBUILD_CACHE_DIR="$SB_CACHE/cargo-zigbuild" ZIG_GLOBAL_CACHE_DIR="$SB_CACHE/zig" \
        cargo zigbuild --release --locked --quiet --target "$SB_LINUX_TRIPLE.$SB_GLIBC" \
        -p smartbill-signup-cli --bin smartbill-signup) || rc=$?
    kill "$heartbeat" 2>/dev/null || true
    wait "$heartbeat" 2>/dev/null || true
    [ "$rc" -eq 0 ] || return "$rc"
    echo "   done in $(($(date +%s) - start)) s: $SB_RELEASE_DIR/smartbill-signup"
}

# Fuzzing (fuzz/, see fuzz/README.md): cargo-fuzz drives libFuzzer. Its
# instrumentation flags are stable, but cargo-fuzz needs RUSTC_BOOTSTRAP=1
# on a stable toolchain. The build is kept outside the clone, so every clone
# (and CI's fresh one) reuses it.
FUZZ_CARGO_FUZZ_VERSION=0.13.2
# shellcheck disable=SC2034 # used by the scripts that source this file
FUZZ_TARGETS=(brn brn_array callback form cp949)
# cargo-fuzz's default build (optimized, debug assertions and overflow
# checks on) without a sanitizer: the library is safe Rust but for the thin
# C ABI layer, whose writes the targets check with canary-guarded buffers,
# and without ASan the targets run about twice as fast.
FUZZ_BUILD_FLAGS=(--sanitizer none)

# Installs cargo-fuzz when missing (or when another version is installed).
ensure_cargo_fuzz() {
    if cargo fuzz --version 2>/dev/null | grep -qF "$FUZZ_CARGO_FUZZ_VERSION"; then
        return 0
    fi
    echo "installing cargo-fuzz $FUZZ_CARGO_FUZZ_VERSION"
    cargo install --quiet --locked cargo-fuzz --version "$FUZZ_CARGO_FUZZ_VERSION"
}

# The libFuzzer options of a target (fuzz/options/TARGET: a dictionary, a
# length limit), one per line, paths relative to fuzz/.
fuzz_options() {
    [ -f "fuzz/options/$1" ] && grep -v '^#' "fuzz/options/$1"
    return 0
}

# Runs `cargo fuzz COMMAND ...` from fuzz/ with the shared build flags.
cargo_fuzz() {
    local command=$1
    shift
    (
        cd fuzz || exit
        export RUSTC_BOOTSTRAP=1
        export CARGO_TARGET_DIR="${SMARTBILL_FUZZ_TARGET_DIR:-$HOME/.cache/smartbill-signup/fuzz-target}"
        # The fuzz build keeps its intermediate files there too, not in the
        # main workspace's shared build directory.
        export CARGO_BUILD_BUILD_DIR="$CARGO_TARGET_DIR"
        [ "$command" = build ] && sb_sources_for "$CARGO_TARGET_DIR/.sources-fuzz"
        cargo fuzz "$command" "${FUZZ_BUILD_FLAGS[@]}" "$@"
    )
}
