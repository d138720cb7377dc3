#!/usr/bin/env bash
# Installs the C package for Linux into PREFIX: include/ (smartbill_signup.h,
# SMARTBILL.cpy), lib/ (libsmartbill_signup.so.0, the libsmartbill_signup.so
# link, libsmartbill_signup.a) and lib/pkgconfig/smartbill_signup.pc. It
# installs the given tarball, or makes dist/c's from the release build first
# (scripts/dist.sh c: seconds when the library is built).
#   --libs=both    (default) shared and static libraries
#   --libs=shared  the shared library only
#   --libs=static  the static library only; pkg-config --libs then names the
#                  system libraries it needs, so the same link line works
# Usage: bash scripts/install.sh [--libs=both|shared|static] PREFIX [TARBALL]
set -euo pipefail
libs=both
case "${1:-}" in --libs=*)
    libs=${1#--libs=}
    shift
    ;;
esac
case "$libs" in both | shared | static) ;; *)
    echo "install.sh: --libs takes both, shared or static" >&2
    exit 2
    ;;
esac
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: bash scripts/install.sh [--libs=both|shared|static] PREFIX [TARBALL]" >&2
    exit 2
fi
mkdir -p "$1"
prefix=$(cd "$1" && pwd)
tarball=${2:-}
cd "$(dirname "$0")/.."
if [ -z "$tarball" ]; then
    bash scripts/dist.sh c >&2
    version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
    tarball="dist/c/smartbill-signup-$version-linux-x86_64.tar.gz"
fi
[ -f "$tarball" ] || {
    echo "install.sh: $tarball is not a file" >&2
    exit 1
}

unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
tar -C "$unpacked" --strip-components=1 -xzf "$tarball"
mkdir -p "$prefix/include" "$prefix/lib/pkgconfig"
cp "$unpacked"/include/* "$prefix/include/"
if [ "$libs" != static ]; then
    cp -P "$unpacked"/lib/libsmartbill_signup.so* "$prefix/lib/"
fi
if [ "$libs" != shared ]; then
    cp "$unpacked/lib/libsmartbill_signup.a" "$prefix/lib/"
fi
# The installed file names its prefix; with the static library alone, the
# system libraries it needs go into Libs, since no shared library brings them.
pc="$prefix/lib/pkgconfig/smartbill_signup.pc"
sed "s|^prefix=.*|prefix=$prefix|" "$unpacked/lib/pkgconfig/smartbill_signup.pc" >"$pc"
if [ "$libs" = static ]; then
    private=$(sed -n 's/^Libs.private: //p' "$pc")
    sed -i "s|^Libs: \(.*\)|Libs: \1 $private|" "$pc"
fi
if [ "$libs" = shared ]; then
    sed -i '/^Libs.private:/d' "$pc"
fi
echo "installed smartbill-signup ($libs) into $prefix:"
(cd "$prefix" && find include/smartbill_signup.h include/SMARTBILL.cpy lib/libsmartbill_signup.* lib/pkgconfig/smartbill_signup.pc 2>/dev/null | sed 's/^/  /')
echo "compile with: cc app.c \$(PKG_CONFIG_PATH=$prefix/lib/pkgconfig pkg-config --cflags --libs smartbill_signup)"
if [ "$libs" != static ]; then
    case "$prefix" in
    /usr | /usr/local) echo "then run ldconfig, so that programs find libsmartbill_signup.so.0" ;;
    *) echo "programs find the library with -Wl,-rpath,$prefix/lib when linking, or LD_LIBRARY_PATH=$prefix/lib" ;;
    esac
fi
