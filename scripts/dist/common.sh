# shellcheck shell=bash
# shellcheck disable=SC2034 # the variables here are used by the other scripts/dist/ files
# scripts/dist.sh's shared part: the version, the native libraries every
# package carries, staging, checksums. Sourced after scripts/lib.sh.

# The release's version: the workspace's (Cargo.toml [workspace.package]).
SB_VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$SB_ROOT/Cargo.toml" | head -n 1)
DIST="$SB_ROOT/dist"
# Scratch space for assembling packages (inside the clone's target/).
STAGE="$SB_ROOT/target/dist-stage"
# The native libraries, once resolved by dist_prepare.
LINUX_SO=""
LINUX_A=""
WIN64_DIR="$SB_WINDOWS_DIR/x86_64"
WIN32_DIR="$SB_WINDOWS_DIR/i686"
WINDOWS=no
# What the static library needs from the system (rustc --print
# native-static-libs for x86_64-unknown-linux-gnu); the C consumer test links
# with exactly this list.
SB_STATIC_SYSTEM_LIBS="-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc"

dist_die() {
    echo "dist: error: $*" >&2
    exit 1
}

# Builds (or finds fresh) the one Linux release library, and finds the
# Windows DLLs: both builds, each with its import libraries and .def.
dist_prepare() {
    [ -n "$SB_VERSION" ] || dist_die "no version in Cargo.toml"
    sb_build_release
    LINUX_SO="$SB_RELEASE_DIR/libsmartbill_signup.so"
    LINUX_A="$SB_RELEASE_DIR/libsmartbill_signup.a"
    readelf -d "$LINUX_SO" | grep -q "Library soname: \[$SB_SONAME\]" ||
        dist_die "$LINUX_SO has no SONAME $SB_SONAME"
    local missing=()
    for dir in "$WIN64_DIR" "$WIN32_DIR"; do
        for f in smartbill_signup.dll libsmartbill_signup.dll.a smartbill_signup.lib smartbill_signup.def smartbill-signup.exe; do
            [ -f "$dir/$f" ] || missing+=("$dir/$f")
        done
    done
    if [ ${#missing[@]} -eq 0 ]; then
        WINDOWS=yes
        echo "   Windows DLLs: $WIN64_DIR, $WIN32_DIR"
    elif [ "${SMARTBILL_DIST_WINDOWS:-}" = require ]; then
        dist_die "the Windows DLLs are missing (run scripts/build-windows.sh): ${missing[*]}"
    else
        echo "   Windows DLLs missing (scripts/build-windows.sh makes them): packaging Linux only;"
        echo "   the Windows wheels, zips and the jar's and nupkg's Windows folders are left out"
    fi
    mkdir -p "$DIST" "$STAGE"
}

# Empties dist/$1 (and its staging folder) for a fresh build of that part.
dist_fresh() {
    rm -rf "${DIST:?}/$1" "${STAGE:?}/$1"
    mkdir -p "$DIST/$1" "$STAGE/$1"
}

# A zip at $1 of folder $3 inside $2 (entries named $3/...), sorted and
# dated alike so the same inputs give the same bytes.
dist_zip() {
    python3 - "$1" "$2" "$3" <<'PY'
import os, sys, zipfile
out, parent, top = sys.argv[1], sys.argv[2], sys.argv[3]
entries = []
for folder, dirs, files in os.walk(os.path.join(parent, top)):
    for name in files:
        path = os.path.join(folder, name)
        entries.append((os.path.relpath(path, parent).replace(os.sep, "/"), path))
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, path in sorted(entries):
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.external_attr = (os.stat(path).st_mode & 0o777) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        with open(path, "rb") as f:
            z.writestr(info, f.read())
PY
}

# dist/SHA256SUMS: every file under dist/, paths relative to dist/.
dist_checksums() {
    local sums
    sums=$(cd "$DIST" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum)
    printf '%s\n' "$sums" >"$DIST/SHA256SUMS"
}

dist_list() {
    (cd "$DIST" && find . -type f | sed 's|^\./||' | LC_ALL=C sort | while read -r f; do
        printf '  %-60s %10d bytes\n' "$f" "$(stat -c %s "$f")"
    done)
}
