# shellcheck shell=bash
# Shared by the Windows scripts (build-windows.sh, test-windows.sh,
# build-windows7.sh): the cross toolchain, the cache, the Windows targets.
# Sourced, not run; expects scripts/lib.sh to be sourced first and the
# working directory to be the repository root.
#
# Why this toolchain: rustup cannot add Windows targets on this machine, so
# std is rebuilt from source (-Zbuild-std) with Debian's rustc-web and its
# matching std source, unpacked into a private folder (installing rustc-web
# would put a second rustc in /usr/bin and conflict with Debian's rustup).

# Everything heavy lives outside the clone, so a fresh clone (CI) reuses it.
SB_CACHE=${SMARTBILL_CACHE:-$HOME/.cache/smartbill-signup}
# The Debian packages that make up the toolchain, all at one version.
SB_TOOLCHAIN_DEBS=(rustc-web cargo-web rust-web-src libstd-rust-web-dev)

die() {
    echo "error: $*" >&2
    exit 1
}
# Under set -e, a failing command would end the script without a word.
trap 'echo "error: ${BASH_SOURCE[0]}:$LINENO: a command failed (exit $?)" >&2' ERR

# Prints the rustc-web version apt would install (the cache key).
sb_toolchain_version() {
    local v
    v=$(apt-cache policy rustc-web 2>/dev/null | awk '/Candidate:/ {print $2}')
    if [ -z "$v" ] || [ "$v" = "(none)" ]; then
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get update -qq >&2
        v=$(apt-cache policy rustc-web 2>/dev/null | awk '/Candidate:/ {print $2}')
    fi
    if [ -z "$v" ] || [ "$v" = "(none)" ]; then
        die "apt knows no rustc-web package (it is in Debian 12's bookworm-security); cannot build for Windows"
    fi
    echo "$v"
}

# Host packages the cross build needs: mingw-w64 (linker, C compiler for
# aws-lc, windres, dlltool, objdump), nasm (aws-lc's i686 assembly), llvm's
# dlltool for the MSVC import library, the toolchain's shared libraries.
sb_ensure_host_packages() {
    ensure_apt gcc-mingw-w64-x86-64 gcc-mingw-w64-i686 binutils-mingw-w64-x86-64 binutils-mingw-w64-i686 \
        nasm llvm lld libllvm22 libgit2-1.5 libcurl4 libssh2-1 libsqlite3-0 libssl3 \
        dpkg-dev util-linux
}

# Downloads and unpacks the toolchain once per version into
# $SB_CACHE/toolchain/<version>/ and sets SB_CARGO, SB_RUSTC, SB_TC_LIBS
# and SB_TARGET_ROOT (the cargo target dir for the Windows builds). Run
# them through sb_rust, so nothing leaks into later Linux cargo commands.
sb_setup_toolchain() {
    local version dir
    version=$(sb_toolchain_version)
    dir="$SB_CACHE/toolchain/$version"
    if [ ! -f "$dir/.complete" ]; then
        echo "== toolchain: downloading Debian's rustc-web $version into $dir"
        rm -rf "$dir" "$dir.tmp"
        mkdir -p "$dir.tmp/debs"
        local stdlib pkgs=()
        # libstd-rust-web-<major.minor> holds the host std's shared library.
        stdlib="libstd-rust-web-$(echo "$version" | sed -E 's/^([0-9]+\.[0-9]+).*/\1/')"
        for p in "${SB_TOOLCHAIN_DEBS[@]}" "$stdlib"; do pkgs+=("$p=$version"); done
        # As root, apt's download sandbox user cannot write into root's cache.
        local opts=()
        [ "$(id -u)" -eq 0 ] && opts+=(-o "APT::Sandbox::User=root")
        (cd "$dir.tmp/debs" && apt-get download -q "${opts[@]}" "${pkgs[@]}") ||
            die "apt-get download of ${pkgs[*]} failed"
        for deb in "$dir.tmp"/debs/*.deb; do dpkg-deb -x "$deb" "$dir.tmp/root"; done
        rm -rf "$dir.tmp/debs"
        mv "$dir.tmp/root" "$dir"
        rmdir "$dir.tmp"
        touch "$dir/.complete"
    fi
    SB_RUSTC="$dir/usr/bin/rustc"
    SB_CARGO="$dir/usr/bin/cargo"
    SB_TC_LIBS="$dir/usr/lib/x86_64-linux-gnu"
    sb_rust "$SB_RUSTC" -V >/dev/null 2>&1 || die "the unpacked rustc does not run: $(ldd "$SB_RUSTC" | grep 'not found' | tr '\n' ' ')"
    sb_rust "$SB_CARGO" -V >/dev/null 2>&1 || die "the unpacked cargo does not run: $(ldd "$SB_CARGO" | grep 'not found' | tr '\n' ' ')"
    [ -d "$(sb_rust "$SB_RUSTC" --print sysroot)/lib/rustlib/src/rust/library" ] ||
        die "rust-web-src did not provide lib/rustlib/src/rust/library in $dir"
    SB_TARGET_ROOT="$SB_CACHE/windows-target/$version"
    mkdir -p "$SB_TARGET_ROOT"
}

# Runs a command of the unpacked toolchain: its shared libraries, its rustc
# for cargo, and -Zbuild-std, unstable, allowed on this stable compiler.
sb_rust() {
    LD_LIBRARY_PATH="$SB_TC_LIBS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" RUSTC="$SB_RUSTC" RUSTC_BOOTSTRAP=1 "$@"
}

# The mingw triple for a Rust Windows target (x86_64-pc-windows-gnu,
# i686-win7-windows-gnu, ...).
sb_mingw_prefix() {
    case "$1" in
    x86_64-*) echo x86_64-w64-mingw32 ;;
    i686-*) echo i686-w64-mingw32 ;;
    *) die "no mingw toolchain for $1" ;;
    esac
}

# Points cargo and the cc crate at the mingw tools for target $1.
sb_target_env() {
    local target=$1 prefix upper lower
    prefix=$(sb_mingw_prefix "$target")
    upper=$(echo "$target" | tr 'a-z-' 'A-Z_')
    lower=$(echo "$target" | tr '-' '_')
    export "CARGO_TARGET_${upper}_LINKER=$prefix-gcc"
    export "CC_${lower}=$prefix-gcc"
    export "AR_${lower}=$prefix-ar"
    # aws-lc's bundled jitterentropy declares its API __declspec(dllexport)
    # (meant for its own DLL build). Linked statically into our DLL, that
    # re-exports 9 aws_lc_*_jent_* functions, and no PE linker lets a .def
    # file take back an object's dllexport. mingw gcc spells __declspec(x) as
    # __attribute__((x)), so turning the attribute name into a harmless one
    # for aws-lc's C code alone keeps those functions internal.
    export "AWS_LC_SYS_CFLAGS_${lower}=-Ddllexport=__unused__"
}

# i686 links rsbegin.o/rsend.o from the sysroot (they register DWARF unwind
# tables); -Zbuild-std does not make them, so compile them from std's source.
sb_ensure_startup_objects() {
    local target=$1 sysroot libdir obj
    case "$target" in i686-*) ;; *) return 0 ;; esac
    sysroot=$(sb_rust "$SB_RUSTC" --print sysroot)
    libdir="$sysroot/lib/rustlib/$target/lib"
    for obj in rsbegin rsend; do
        [ -f "$libdir/$obj.o" ] && continue
        mkdir -p "$libdir"
        sb_rust "$SB_RUSTC" --target "$target" --emit=obj -O -C panic=abort -o "$libdir/$obj.o" \
            "$sysroot/lib/rustlib/src/rust/library/rtstartup/$obj.rs" ||
            die "could not compile $obj.o for $target"
    done
}

# Prints a line a minute until killed (TERM), for a build started at $1.
# The sleep is killed too and never holds the caller's stdout, so a pipe
# reading the build's output closes as soon as the build ends.
sb_heartbeat() {
    local start=$1 target=$2 sleeper=""
    trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
    while true; do
        sleep 60 >/dev/null 2>&1 &
        sleeper=$!
        wait "$sleeper"
        echo "   ... still building $target ($((($(date +%s) - start) / 60)) min)"
    done
}

# Builds the DLL for Rust target $1 (release profile, std rebuilt) and puts
# smartbill_signup.dll, libsmartbill_signup.dll.a (mingw import library),
# smartbill_signup.lib (MSVC import library) and smartbill_signup.def in $2.
# The .def comes from build.rs (build/windows_resource.rs), which generates
# it from the header's function list and links the DLL with it.
sb_build_dll() {
    local target=$1 out=$2 machine json start
    case "$target" in x86_64-*) machine=i386:x86-64 ;; *) machine=i386 ;; esac
    sb_target_env "$target"
    sb_ensure_startup_objects "$target"
    mkdir -p "$out"
    # Every clone on this machine shares the target directory: hold a lock
    # from cargo until the DLL is copied out (closing the descriptor below
    # releases it).
    local lock
    exec {lock}>"$SB_TARGET_ROOT/.lock"
    if ! flock -n "$lock"; then
        echo "== $target: waiting for another Windows build using $SB_TARGET_ROOT"
        flock "$lock"
    fi
    json="$SB_TARGET_ROOT/.messages-$target.json"
    sb_sources_for "$SB_TARGET_ROOT/.sources-$target"
    start=$(date +%s)
    echo "== $target: cargo build --release (cold, with std and every dependency: about 11 minutes on 2 cores; then seconds)"
    # Cargo prints a line per crate it compiles; the heartbeat covers the long
    # silent stretches (aws-lc's C code, the final LTO link).
    sb_heartbeat "$start" "$target" &
    local heartbeat=$!
    local rc=0
    sb_rust "$SB_CARGO" build --locked -p smartbill-signup --lib --release --target "$target" \
        -Zbuild-std=std,panic_unwind --target-dir "$SB_TARGET_ROOT" \
        --message-format=json-render-diagnostics >"$json" || rc=$?
    kill "$heartbeat" 2>/dev/null || true
    wait "$heartbeat" 2>/dev/null || true
    [ "$rc" -eq 0 ] || die "cargo build for $target failed (exit $rc)"

    # The artifacts and the build script's OUT_DIR, from cargo's own messages.
    local paths dll implib def
    paths=$(python3 - "$json" <<'PY'
import json, sys
out_dirs, lib = {}, None
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.startswith("{"):
        continue
    m = json.loads(line)
    if m.get("reason") == "build-script-executed":
        out_dirs[m["package_id"]] = m["out_dir"]
    elif m.get("reason") == "compiler-artifact" and m["target"]["name"] == "smartbill_signup":
        lib = m
files = lib["filenames"] if lib else []
print(next((f for f in files if f.endswith("/smartbill_signup.dll")), ""))
print(next((f for f in files if f.endswith("/libsmartbill_signup.dll.a")), ""))
print(out_dirs.get(lib["package_id"], "") if lib else "")
PY
    )
    dll=$(sed -n 1p <<<"$paths")
    implib=$(sed -n 2p <<<"$paths")
    def="$(sed -n 3p <<<"$paths")/smartbill_signup.def"
    [ -f "$dll" ] || die "cargo reported no smartbill_signup.dll for $target"
    [ -f "$implib" ] || die "cargo reported no import library for $target"
    [ -f "$def" ] || die "build.rs wrote no smartbill_signup.def for $target (expected $def)"
    cp -p "$dll" "$out/smartbill_signup.dll"
    cp -p "$implib" "$out/libsmartbill_signup.dll.a"
    cp -p "$def" "$out/smartbill_signup.def"
    # MSVC-style (short) import library, for link.exe / lld-link users.
    if [ ! "$out/smartbill_signup.lib" -nt "$out/smartbill_signup.def" ]; then
        llvm-dlltool -m "$machine" -d "$out/smartbill_signup.def" -D smartbill_signup.dll \
            -l "$out/smartbill_signup.lib" || die "llvm-dlltool could not make the MSVC import library for $target"
    fi
    exec {lock}>&-
    echo "   $target: done in $(($(date +%s) - start)) s; $out/smartbill_signup.dll $(stat -c %s "$out/smartbill_signup.dll") bytes"
}

# Builds the command-line tool smartbill-signup.exe for Rust target $1
# (release profile, std rebuilt, the same cached target directory as the
# DLL) and copies it into $2.
sb_build_cli() {
    local target=$1 out=$2 start exe
    sb_target_env "$target"
    sb_ensure_startup_objects "$target"
    mkdir -p "$out"
    local lock
    exec {lock}>"$SB_TARGET_ROOT/.lock"
    if ! flock -n "$lock"; then
        echo "== $target: waiting for another Windows build using $SB_TARGET_ROOT"
        flock "$lock"
    fi
    sb_sources_for "$SB_TARGET_ROOT/.sources-$target"
    start=$(date +%s)
    echo "== $target: smartbill-signup.exe, cargo build --release (cold: several minutes more; then seconds)"
    sb_heartbeat "$start" "$target smartbill-signup.exe" &
    local heartbeat=$! rc=0
    sb_rust "$SB_CARGO" build --locked -p smartbill-signup-cli --bin smartbill-signup --release --target "$target" \
        -Zbuild-std=std,panic_unwind --target-dir "$SB_TARGET_ROOT" --quiet || rc=$?
    kill "$heartbeat" 2>/dev/null || true
    wait "$heartbeat" 2>/dev/null || true
    [ "$rc" -eq 0 ] || die "cargo build of smartbill-signup.exe for $target failed (exit $rc)"
    exe="$SB_TARGET_ROOT/$target/release/smartbill-signup.exe"
    [ -f "$exe" ] || die "cargo made no $exe"
    cp -p "$exe" "$out/smartbill-signup.exe"
    exec {lock}>&-
    echo "   $target: done in $(($(date +%s) - start)) s; $out/smartbill-signup.exe $(stat -c %s "$out/smartbill-signup.exe") bytes"
}
