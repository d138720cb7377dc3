# shellcheck shell=bash
# dist/c: the C (and COBOL) packages, as rustls-ffi ships them:
#   smartbill-signup-<v>-linux-x86_64.tar.gz   include/ (header, copybook),
#       lib/libsmartbill_signup.so.0 (SONAME), the .so link, the static
#       library, lib/pkgconfig/smartbill_signup.pc (Libs.private for static
#       linking), README.md, the licenses
#   smartbill-signup-<v>-windows-x86_64.zip, -windows-x86.zip   include/, lib/
#       (the DLL, its mingw and MSVC import libraries, the .def), the same
#       pkg-config file, README.md, the licenses
# The pkg-config file finds its prefix from where it lies (${pcfiledir}), so
# an unpacked package works where it is; scripts/install.sh installs the
# Linux one into a prefix.

# smartbill_signup.pc; $1: the Libs.private value (empty on Windows).
dist_c_pc() {
    cat <<PC
prefix=\${pcfiledir}/../..
exec_prefix=\${prefix}
libdir=\${exec_prefix}/lib
includedir=\${prefix}/include

Name: smartbill_signup
Description: SmartBill simple signup for Korean ERPs: one native library with a C ABI
URL: https://github.com/smartbill-signup/smartbill-signup
Version: $SB_VERSION
Cflags: -I\${includedir}
Libs: -L\${libdir} -lsmartbill_signup
PC
    [ -z "$1" ] || echo "Libs.private: $1"
}

# The files every C package has: include/, README.md, licenses. $1: folder, $2: platform.
dist_c_common() {
    mkdir -p "$1/include" "$1/lib/pkgconfig"
    cp "$SB_ROOT/include/smartbill_signup.h" "$SB_ROOT/include/SMARTBILL.cpy" "$1/include/"
    cp "$SB_ROOT/LICENSE-MIT" "$SB_ROOT/LICENSE-APACHE" "$1/"
    sed -e "s/@VERSION@/$SB_VERSION/g" -e "s|@PLATFORM@|$2|g" "$SB_ROOT/scripts/dist/README-c.md" >"$1/README.md"
}

# A .tar.gz of folder $2 (inside $STAGE/c) at $1, reproducible.
dist_c_tar() {
    tar -C "$STAGE/c" --sort=name --mtime=@315532800 --owner=0 --group=0 --numeric-owner -cf - "$2" | gzip -n -9 >"$1"
}

dist_c() {
    dist_fresh c
    local name="smartbill-signup-$SB_VERSION-linux-x86_64" dir
    dir="$STAGE/c/$name"
    dist_c_common "$dir" "Linux x86_64 (glibc 2.17 or later)"
    cp "$LINUX_SO" "$dir/lib/$SB_SONAME"
    chmod 755 "$dir/lib/$SB_SONAME"
    ln -s "$SB_SONAME" "$dir/lib/libsmartbill_signup.so"
    # Debug sections are most of the archive and nothing a linker needs.
    cp "$LINUX_A" "$dir/lib/libsmartbill_signup.a"
    strip --strip-debug "$dir/lib/libsmartbill_signup.a"
    dist_c_pc "$SB_STATIC_SYSTEM_LIBS" >"$dir/lib/pkgconfig/smartbill_signup.pc"
    dist_c_tar "$DIST/c/$name.tar.gz" "$name"
    echo "   $name.tar.gz"
    [ "$WINDOWS" = yes ] || return 0
    local arch from
    for arch in x86_64 x86; do
        name="smartbill-signup-$SB_VERSION-windows-$arch"
        dir="$STAGE/c/$name"
        from=$WIN64_DIR
        [ "$arch" = x86 ] && from=$WIN32_DIR
        dist_c_common "$dir" "Windows $arch (Windows 10 / Server 2016 or later)"
        cp "$from/smartbill_signup.dll" "$from/libsmartbill_signup.dll.a" "$from/smartbill_signup.lib" \
            "$from/smartbill_signup.def" "$dir/lib/"
        dist_c_pc "" >"$dir/lib/pkgconfig/smartbill_signup.pc"
        dist_zip "$DIST/c/$name.zip" "$STAGE/c" "$name"
        echo "   $name.zip"
    done
}
