# shellcheck shell=bash
# dist/cli: the command-line tool for the people who set SmartBill up,
# one archive per platform, nothing to install:
#   smartbill-signup-<v>-cli-linux-x86_64.tar.gz   bin/smartbill-signup (glibc 2.17 or later)
#   smartbill-signup-<v>-cli-windows-x86_64.zip, -cli-windows-x86.zip   smartbill-signup.exe
# each with README.md and the licenses.

# The files every CLI archive has; $1: folder, $2: platform.
dist_cli_common() {
    mkdir -p "$1"
    cp "$SB_ROOT/LICENSE-MIT" "$SB_ROOT/LICENSE-APACHE" "$1/"
    sed -e "s/@VERSION@/$SB_VERSION/g" -e "s|@PLATFORM@|$2|g" "$SB_ROOT/scripts/dist/README-cli.md" >"$1/README.md"
}

dist_cli() {
    dist_fresh cli
    sb_build_release_cli
    local name="smartbill-signup-$SB_VERSION-cli-linux-x86_64" dir
    dir="$STAGE/cli/$name"
    dist_cli_common "$dir" "Linux x86_64 (glibc 2.17 or later)"
    mkdir -p "$dir/bin"
    install -m 755 "$SB_RELEASE_DIR/smartbill-signup" "$dir/bin/smartbill-signup"
    tar -C "$STAGE/cli" --sort=name --mtime=@315532800 --owner=0 --group=0 --numeric-owner -cf - "$name" |
        gzip -n -9 >"$DIST/cli/$name.tar.gz"
    echo "   $name.tar.gz"
    [ "$WINDOWS" = yes ] || return 0
    local arch from
    for arch in x86_64 x86; do
        name="smartbill-signup-$SB_VERSION-cli-windows-$arch"
        dir="$STAGE/cli/$name"
        from=$WIN64_DIR
        [ "$arch" = x86 ] && from=$WIN32_DIR
        dist_cli_common "$dir" "Windows $arch (Windows 10 / Server 2016 or later)"
        cp "$from/smartbill-signup.exe" "$dir/"
        dist_zip "$DIST/cli/$name.zip" "$STAGE/cli" "$name"
        echo "   $name.zip"
    done
}
