# shellcheck shell=bash
# Shared helpers for the project's scripts: install what is missing, once.
# Sourced, not run.

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

# Fuzzing (fuzz/, see fuzz/README.md): cargo-fuzz drives libFuzzer. Its
# instrumentation flags are stable, but cargo-fuzz needs RUSTC_BOOTSTRAP=1
# on a stable toolchain. The build is kept outside the clone, so every clone
# (and CI's fresh one) reuses it.
FUZZ_CARGO_FUZZ_VERSION=0.13.2
# shellcheck disable=SC2034 # used by the scripts that source this file
FUZZ_TARGETS=(brn callback form cp949)
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
        cargo fuzz "$command" "${FUZZ_BUILD_FLAGS[@]}" "$@"
    )
}
