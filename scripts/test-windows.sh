#!/usr/bin/env bash
# Tests the Windows DLLs under Wine, 64-bit and 32-bit:
#  - each DLL exports exactly the header's functions (undecorated on 32-bit),
#    carries a VERSIONINFO resource with the crate's version, and imports no
#    mingw runtime DLL;
#  - tests/c and the C examples, compiled with mingw-w64 against the mingw
#    import library, run under Wine and print exactly what they print on
#    Linux (the HTTP tests against the Linux stand-in on 127.0.0.1);
#  - a C example linked by lld-link against the MSVC import library runs too.
# Installs what it needs (Wine, 32-bit Wine unpacked privately, cJSON built
# from Debian's source for mingw); caches under ~/.cache/smartbill-signup/.
# Usage: bash scripts/test-windows.sh              builds with build-windows.sh first
#        bash scripts/test-windows.sh --dlls DIR   tests DIR/x86_64 and DIR/i686 as they are
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source scripts/windows-env.sh
# The panic self-test in tests/c prints its panic; keep it to the message.
export RUST_BACKTRACE=0

DLLS=target/windows
if [ "${1:-}" = "--dlls" ]; then
    [ -n "${2:-}" ] || die "--dlls needs a directory"
    DLLS=${2%/}
else
    bash scripts/build-windows.sh
fi
OUT=target/windows-test/$(basename "$DLLS")
mkdir -p "$OUT"

step() { printf '\n== %s\n' "$*"; }

step "prerequisites"
sb_ensure_host_packages
ensure_apt build-essential libcjson-dev wine wine64 libc6-i386 dpkg-dev
# The Linux library and the stand-in (smartbill-signup standin): the
# reference outputs and the HTTP tests' server.
cargo build --quiet
cargo build --quiet -p smartbill-signup-cli

# A private apt setup (own sources, lists and cache under the cache folder)
# to download what the machine's apt cannot: i386 packages without adding
# the i386 architecture to dpkg, and Debian source packages without deb-src
# lines in the system's sources. Sources are the machine's own mirrors, read
# from `apt-cache policy`.
PRIVATE_APT="$SB_CACHE/apt"
private_apt() {
    local opts=(-o "Dir::Etc::SourceList=$PRIVATE_APT/sources.list" -o "Dir::Etc::SourceParts=$PRIVATE_APT/sources.list.d"
        -o "Dir::State::Lists=$PRIVATE_APT/lists" -o "Dir::Cache=$PRIVATE_APT/cache"
        -o "APT::Architectures::=amd64" -o "APT::Architectures::=i386")
    # As root, apt's download sandbox user cannot write into root's cache.
    [ "$(id -u)" -eq 0 ] && opts+=(-o "APT::Sandbox::User=root")
    apt-get -q "${opts[@]}" "$@"
}
# Prints "URI SUITE" of the first mirror in package $1's version table (the
# newest version's).
apt_origin() {
    apt-cache policy "$1" | awk '/Version table:/ {v = 1; next} v && $2 ~ /^https?:/ {print $2, $3; exit}' |
        sed 's#/[^/ ]*$##'
}
private_apt_get() { # private_apt_get <download|source --download-only> <pkg=version>...
    local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    [ -f "$keyring" ] || die "no $keyring: the private apt setup expects Debian's archive keys"
    mkdir -p "$PRIVATE_APT/lists/partial" "$PRIVATE_APT/cache/archives/partial" "$PRIVATE_APT/sources.list.d"
    local wine_origin cjson_origin
    wine_origin=$(apt_origin wine64)
    cjson_origin=$(apt_origin libcjson-dev)
    if [ -z "$wine_origin" ] || [ -z "$cjson_origin" ]; then
        die "cannot tell which mirror serves wine64 and libcjson-dev"
    fi
    local sources
    sources=$(printf 'deb [arch=i386 signed-by=%s] %s main\ndeb-src [signed-by=%s] %s main\n' \
        "$keyring" "$wine_origin" "$keyring" "$cjson_origin")
    if [ "$(cat "$PRIVATE_APT/sources.list" 2>/dev/null)" != "$sources" ]; then
        echo "$sources" >"$PRIVATE_APT/sources.list"
        rm -f "$PRIVATE_APT/.updated"
    fi
    # The indexes are fetched once; again only when a wanted version is missing.
    if [ -f "$PRIVATE_APT/.updated" ] && private_apt "$@" >/dev/null 2>&1; then return 0; fi
    echo "   updating the private apt lists ($PRIVATE_APT)"
    private_apt update >/dev/null || die "private apt-get update failed (sources: $PRIVATE_APT/sources.list)"
    touch "$PRIVATE_APT/.updated"
    private_apt "$@" >/dev/null || die "private apt-get $* failed"
}

# Wine: 64-bit from apt; 32-bit (wine32:i386, libwine:i386 at the same
# version, and the 32-bit FreeType that Wine's 32-bit side loads because the
# DLL pulls in user32) unpacked into the cache; one prefix for both, made once.
WINE_VERSION=$(dpkg-query -W -f='${Version}' wine64)
WINE_DIR="$SB_CACHE/wine/$WINE_VERSION"
WINE64=/usr/lib/wine/wine64
WINE32_ROOT="$WINE_DIR/wine32"
[ -x "$WINE64" ] || die "$WINE64 missing (package wine64)"
if [ ! -f "$WINE32_ROOT/.complete" ]; then
    step "32-bit Wine $WINE_VERSION: unpacking wine32:i386, libwine:i386, libfreetype6:i386 into $WINE32_ROOT"
    rm -rf "$WINE_DIR/debs" "$WINE32_ROOT" "$WINE32_ROOT.tmp"
    mkdir -p "$WINE_DIR/debs"
    (cd "$WINE_DIR/debs" && private_apt_get download "wine32:i386=$WINE_VERSION" "libwine:i386=$WINE_VERSION" \
        libfreetype6:i386 libpng16-16:i386 libbrotli1:i386 zlib1g:i386)
    for deb in "$WINE_DIR"/debs/*.deb; do dpkg-deb -x "$deb" "$WINE32_ROOT.tmp"; done
    rm -rf "$WINE_DIR/debs"
    # The 32-bit loader starts 64-bit programs (wineboot.exe of the WoW64
    # prefix) through the wine64 beside it.
    ln -s "$WINE64" "$WINE32_ROOT.tmp/usr/lib/wine/wine64"
    mv "$WINE32_ROOT.tmp" "$WINE32_ROOT"
    touch "$WINE32_ROOT/.complete"
fi
wine32() {
    LD_LIBRARY_PATH="$WINE32_ROOT/usr/lib/i386-linux-gnu:$WINE32_ROOT/lib/i386-linux-gnu" \
        "$WINE32_ROOT/usr/lib/wine/wine" "$@"
}
export WINEPREFIX="$WINE_DIR/prefix" WINEDEBUG=-all
# The 32-bit builtin DLLs: for the WoW64 prefix and for the 32-bit loader.
export WINEDLLPATH="$WINE32_ROOT/usr/lib/i386-linux-gnu/wine/i386-windows"
unset DISPLAY WAYLAND_DISPLAY
if [ ! -f "$WINEPREFIX/.complete" ]; then
    step "Wine prefix $WINEPREFIX (once; about a minute)"
    rm -rf "$WINEPREFIX"
    # No Mono or Gecko: nothing here needs them, and their installers would ask.
    WINEDLLOVERRIDES="mscoree=;mshtml=" "$WINE64" wineboot -u >/dev/null 2>&1 || die "wineboot failed"
    touch "$WINEPREFIX/.complete"
fi

# cJSON for the C tests, from Debian's source package (with Debian's
# patches), at the version of the system's libcjson-dev.
CJSON_VERSION=$(dpkg-query -W -f='${Version}' libcjson-dev)
CJSON="$SB_CACHE/cjson/$CJSON_VERSION"
if [ ! -f "$CJSON/.complete" ]; then
    step "cJSON $CJSON_VERSION for mingw: Debian's source into $CJSON"
    rm -rf "$CJSON"
    mkdir -p "$CJSON/src" "$CJSON/include/cjson"
    (cd "$CJSON/src" && private_apt_get source --download-only "cjson=$CJSON_VERSION")
    (cd "$CJSON/src" && dpkg-source --no-check -x ./*.dsc tree >/dev/null) || die "dpkg-source could not unpack cjson"
    cp "$CJSON/src/tree/cJSON.h" "$CJSON/include/cjson/"
    for arch in x86_64 i686; do
        mkdir -p "$CJSON/$arch"
        "$arch-w64-mingw32-gcc" -std=c89 -O2 -c "$CJSON/src/tree/cJSON.c" -o "$CJSON/$arch/cJSON.o"
        "$arch-w64-mingw32-ar" rcs "$CJSON/$arch/libcjson.a" "$CJSON/$arch/cJSON.o"
    done
    rm -rf "$CJSON/src"
    touch "$CJSON/.complete"
fi

failures=0
fail() {
    echo "FAIL $*"
    failures=$((failures + 1))
}
pass() { echo "ok   $*"; }

# The functions the header declares, by the C preprocessor (comments gone),
# independently of build.rs's own reading that makes the .def file.
header_functions() {
    gcc -E -P -x c include/smartbill_signup.h | tr -s ' \t\n' ' ' |
        grep -oE '\bsmartbill_[A-Za-z0-9_]+ ?\(' | tr -d ' (' | sort -u
}
HEADER_FUNCTIONS=$(header_functions)
[ "$(wc -l <<<"$HEADER_FUNCTIONS")" -gt 10 ] || die "found too few functions in the header"
CRATE_VERSION=$(cargo metadata --no-deps --format-version 1 |
    python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "smartbill-signup"))')

# check_dll <arch> <dll dir>: the export table, the resource, the imports.
check_dll() {
    local arch=$1 dir=$2 prefix format
    local dll=$dir/smartbill_signup.dll
    prefix=$arch-w64-mingw32
    local dump exports extra missing imports rc
    case $arch in x86_64) format=pei-x86-64 ;; i686) format=pei-i386 ;; esac
    if "$prefix-objdump" -f "$dll" | grep -q "file format $format"; then
        pass "$arch: $dll is $format"
    else
        fail "$arch: $dll is not $format"
    fi
    dump=$("$prefix-objdump" -p "$dll") || {
        fail "$arch: objdump cannot read $dll"
        return 0
    }
    exports=$(sed -n '/^\[Ordinal\/Name Pointer\] Table/,/^$/p' <<<"$dump" | sed -n 's/^\s*\[ *[0-9]*\] //p' | sort)
    extra=$(comm -13 <(echo "$HEADER_FUNCTIONS") <(echo "$exports"))
    missing=$(comm -23 <(echo "$HEADER_FUNCTIONS") <(echo "$exports"))
    if [ -z "$extra" ] && [ -z "$missing" ]; then
        pass "$arch: exports exactly the header's $(wc -l <<<"$exports") functions, undecorated"
    else
        fail "$arch: exports differ from the header; extra: [$(echo "$extra" | tr '\n' ' ')] missing: [$(echo "$missing" | tr '\n' ' ')]"
    fi
    if diff <(echo "$HEADER_FUNCTIONS") <(awk '/^EXPORTS/ {e = 1; next} e && NF {print $1}' "$dir/smartbill_signup.def" | sort) >/dev/null; then
        pass "$arch: smartbill_signup.def lists the header's functions"
    else
        fail "$arch: smartbill_signup.def does not list exactly the header's functions"
    fi
    # The resource, decompiled by windres: the strings Explorer shows.
    rc=$("$prefix-windres" -i "$dll" -O rc 2>&1 || true)
    if grep -q 'VALUE "FileVersion", "'"$CRATE_VERSION"'"' <<<"$rc" &&
        grep -q 'VALUE "ProductVersion", "'"$CRATE_VERSION"'"' <<<"$rc" &&
        grep -q 'VALUE "ProductName", "smartbill-signup"' <<<"$rc" &&
        grep -q 'VALUE "FileDescription", "[^"]' <<<"$rc" &&
        tr -d ' ' <<<"$rc" | grep -q "^FILEVERSION$(tr . , <<<"${CRATE_VERSION%%-*}"),0$"; then
        pass "$arch: VERSIONINFO $CRATE_VERSION, product smartbill-signup"
    else
        fail "$arch: no VERSIONINFO with version $CRATE_VERSION; windres shows: $(head -c 600 <<<"$rc")"
    fi
    imports=$(sed -n 's/^\s*DLL Name: //p' <<<"$dump" | sort -u)
    # mingw's runtime DLLs (libgcc_s_*, libwinpthread-1, libstdc++-6) are all lib*.dll.
    if grep -qi '^lib' <<<"$imports"; then
        fail "$arch: imports a mingw runtime DLL: $(tr '\n' ' ' <<<"$imports")"
    else
        pass "$arch: imports only system DLLs: $(tr '\n' ' ' <<<"$imports")"
    fi
}

CFLAGS_TESTS=(-std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -pedantic -g -Iinclude)
CFLAGS_EXAMPLES=(-std=c99 -Wall -Wextra -Werror -pedantic -Iinclude)
TESTS=()
for src in tests/c/test_*.c; do TESTS+=("$(basename "$src" .c)"); done
EXAMPLES=(check_brn build_page parse_callback)

# The stand-in for the HTTP tests, one per run, on a free loopback port; its
# first line says where it listens. The tests take it from
# SMARTBILL_STANDIN_URL: a program under Wine cannot start a Linux one.
STANDIN_PID=""
start_standin() {
    local log=$OUT/standin.log
    target/debug/smartbill-signup standin --max-requests 40 --idle-exit 120 >"$log" 2>&1 &
    STANDIN_PID=$!
    for _ in $(seq 100); do
        grep -q '^listening on ' "$log" && break
        kill -0 "$STANDIN_PID" 2>/dev/null || die "the stand-in exited: $(cat "$log")"
        sleep 0.1
    done
    SMARTBILL_STANDIN_URL=$(sed -n 's/^listening on \([^ ]*\).*/\1/p' "$log" | head -1)
    [ -n "$SMARTBILL_STANDIN_URL" ] || die "the stand-in did not say where it listens: $(cat "$log")"
    export SMARTBILL_STANDIN_URL
}
stop_standin() {
    [ -n "$STANDIN_PID" ] || return 0
    kill "$STANDIN_PID" 2>/dev/null || true
    wait "$STANDIN_PID" 2>/dev/null || true
    STANDIN_PID=""
    unset SMARTBILL_STANDIN_URL
}
trap stop_standin EXIT

# capture <dir>/<name> <command...>: stdout into <name>.out, stderr into
# <name>.err (CRs at line ends dropped: mingw's stdio is in text mode; the
# thread id in a Rust panic message, from the panic self-test, made N), the
# exit status into <name>.rc.
capture() {
    local base=$1 rc=0
    shift
    "$@" >"$base.raw-out" 2>"$base.raw-err" || rc=$?
    sed 's/\r$//' "$base.raw-out" >"$base.out"
    sed -E 's/\r$//; s/^(thread .*) \([0-9]+\) panicked at /\1 (N) panicked at /' "$base.raw-err" >"$base.err"
    rm -f "$base.raw-out" "$base.raw-err"
    echo "$rc" >"$base.rc"
}
# run_tests <dir> <exe suffix> <runner...>: every C test, from <dir>; those
# that talk to the stand-in get one of their own.
run_tests() {
    local dir=$1 ext=$2 name
    shift 2
    for name in "${TESTS[@]}"; do
        if grep -q SMARTBILL_STANDIN_URL "tests/c/$name.c"; then
            start_standin
            capture "$dir/$name" "$@" "$dir/$name$ext" </dev/null
            stop_standin
        else
            capture "$dir/$name" "$@" "$dir/$name$ext" </dev/null
        fi
    done
}
# run_examples <dir> <exe suffix> <runner...>: the C examples as
# examples/c/run.sh runs them, plus numbers as arguments.
EXAMPLE_RUNS=(check_brn-stdin check_brn-args build_page parse_callback-file parse_callback-stdin)
run_examples() {
    local dir=$1 ext=$2
    shift 2
    printf '124-81-00998\n123-45-67890\n' | capture "$dir/check_brn-stdin" "$@" "$dir/check_brn$ext"
    capture "$dir/check_brn-args" "$@" "$dir/check_brn$ext" 124-81-00998 "220 81 62517" 123-45-67890 124-81-0099 </dev/null
    # The program prints the path it wrote, so every run writes the same path.
    rm -f "$OUT/signup.html"
    capture "$dir/build_page" "$@" "$dir/build_page$ext" "$OUT/signup.html" </dev/null
    mv "$OUT/signup.html" "$dir/signup.html" 2>/dev/null || true
    capture "$dir/parse_callback-file" "$@" "$dir/parse_callback$ext" examples/cobol/fixtures/callback.json </dev/null
    capture "$dir/parse_callback-stdin" "$@" "$dir/parse_callback$ext" <examples/cobol/fixtures/callback-missing.json
}

# compare <label> <linux dir> <windows dir> <name>: the same stdout, stderr
# and exit status as on Linux.
compare() {
    local label=$1 ref=$2 dir=$3 name=$4
    if cmp -s "$ref/$name.out" "$dir/$name.out" && cmp -s "$ref/$name.rc" "$dir/$name.rc" &&
        cmp -s "$ref/$name.err" "$dir/$name.err"; then
        pass "$label: $name ($(if [ -s "$dir/$name.out" ]; then tail -1 "$dir/$name.out"; else tail -1 "$dir/$name.err"; fi))"
    else
        fail "$label: $name differs from Linux (exit $(cat "$dir/$name.rc") vs $(cat "$ref/$name.rc"))"
        if [ "$(cat "$dir/$name.rc")" = 53 ]; then
            echo "     (53: Wine could not load the program or a DLL it needs; see WINEDEBUG=err+module)"
        fi
        diff "$ref/$name.out" "$dir/$name.out" | head -20 || true
        diff "$ref/$name.err" "$dir/$name.err" | head -20 || true
    fi
}

step "Linux reference run (debug library)"
REF=$OUT/linux
mkdir -p "$REF"
for name in "${TESTS[@]}"; do
    gcc "${CFLAGS_TESTS[@]}" "tests/c/$name.c" -o "$REF/$name" -Ltarget/debug -lsmartbill_signup -lcjson -lpthread \
        -Wl,-rpath,"$PWD/target/debug"
done
for prog in "${EXAMPLES[@]}"; do
    gcc "${CFLAGS_EXAMPLES[@]}" "examples/c/$prog.c" -o "$REF/$prog" -Ltarget/debug -lsmartbill_signup \
        -Wl,-rpath,"$PWD/target/debug"
done
run_tests "$REF" "" env
run_examples "$REF" "" env
for name in "${TESTS[@]}"; do
    [ "$(cat "$REF/$name.rc")" = 0 ] || die "the Linux reference run of $name failed: $(cat "$REF/$name.out")"
done
# As examples/c/run.sh expects: the callback without AUTH_TOKEN is refused
# (exit 1), every other run succeeds.
for run in "${EXAMPLE_RUNS[@]}"; do
    want=0
    [ "$run" = parse_callback-stdin ] && want=1
    [ "$(cat "$REF/$run.rc")" = "$want" ] || die "the Linux reference run of $run ended with $(cat "$REF/$run.rc"), not $want"
done

# run_tool <dir> <exe> <runner...>: the command-line tool as a support
# engineer runs it (a CP949 fixed-width vendor file, numbers on stdin, a
# callback file with Hangul and redactions), plus a probe of the stand-in.
TOOL_RUNS=(tool-brn-fixed tool-brn-ko tool-brn-stdin tool-callback-parse)
run_tool() {
    local dir=$1 exe=$2
    shift 2
    capture "$dir/tool-brn-fixed" "$@" "$exe" brn check examples/cobol/fixtures/vendors.dat --fixed 9:14 --encoding cp949 </dev/null
    # Korean messages and verdicts (--lang ko), written as UTF-8 into a file.
    capture "$dir/tool-brn-ko" "$@" "$exe" --lang ko brn check examples/cobol/fixtures/vendors.dat --fixed 9:14 --encoding cp949 </dev/null
    printf '124-81-00998\n123-45-67890\n' | capture "$dir/tool-brn-stdin" "$@" "$exe" brn check --format json -
    capture "$dir/tool-callback-parse" "$@" "$exe" callback parse examples/cobol/fixtures/callback.json </dev/null
    start_standin
    capture "$dir/tool-probe" "$@" "$exe" probe "$SMARTBILL_STANDIN_URL" --timeout 10 --proxy off </dev/null
    stop_standin
}
run_tool "$REF" target/debug/smartbill-signup env
[ "$(cat "$REF/tool-probe.rc")" = 0 ] || die "the Linux reference probe of the stand-in failed: $(cat "$REF/tool-probe.out" "$REF/tool-probe.err")"

declare -A COUNTS
for arch in x86_64 i686; do
    dir=$OUT/$arch
    prefix=$arch-w64-mingw32
    case $arch in
    x86_64) wine=$WINE64 machine=x64 image_base=__ImageBase ;;
    i686) wine=wine32 machine=x86 image_base=___ImageBase ;;
    esac
    step "$arch: $DLLS/$arch/smartbill_signup.dll under $([ "$arch" = x86_64 ] && echo 64 || echo 32)-bit Wine"
    for f in smartbill_signup.dll libsmartbill_signup.dll.a smartbill_signup.lib smartbill_signup.def smartbill-signup.exe; do
        [ -f "$DLLS/$arch/$f" ] || die "$DLLS/$arch/$f is missing (run scripts/build-windows.sh)"
    done
    check_dll "$arch" "$DLLS/$arch"

    rm -rf "$dir"
    mkdir -p "$dir"
    cp "$DLLS/$arch/smartbill_signup.dll" "$dir/"
    # Only a DLL that uses ProcessPrng (imported by std, looked up by aws-lc)
    # gets the test-only shim; the Windows 7 variant must load without it.
    if grep -q ProcessPrng "$DLLS/$arch/smartbill_signup.dll"; then
        "$prefix-gcc" -std=c99 -Wall -Wextra -Werror -O2 -shared -Wl,--kill-at -o "$dir/bcryptprimitives.dll" \
            tests/windows/processprng_shim.c -ladvapi32
    else
        echo "     (no ProcessPrng in this DLL: tested without the bcryptprimitives shim)"
    fi
    # -static: no mingw runtime DLL beside the programs; the library itself
    # through its import library, by path (-l would find the static archive).
    for name in "${TESTS[@]}"; do
        "$prefix-gcc" "${CFLAGS_TESTS[@]}" -I"$CJSON/include" "tests/c/$name.c" -o "$dir/$name.exe" \
            "$CJSON/$arch/libcjson.a" "$DLLS/$arch/libsmartbill_signup.dll.a" -static -lpthread -lws2_32
    done
    for prog in "${EXAMPLES[@]}"; do
        "$prefix-gcc" "${CFLAGS_EXAMPLES[@]}" "examples/c/$prog.c" -o "$dir/$prog.exe" \
            "$DLLS/$arch/libsmartbill_signup.dll.a" -static
    done
    # The MSVC import library, through lld-link (an MSVC-compatible linker);
    # mingw's C runtime stands in for MSVC's, which is not available here, so
    # lld-link gets the options its mingw front end (ld.lld -m i386pep) adds.
    gcclib=$(dirname "$("$prefix-gcc" -print-libgcc-file-name)")
    crtlib=$(dirname "$("$prefix-gcc" -print-file-name=crt2.o)")
    mkdir -p "$dir/msvclib"
    cp "$dir"/*.dll "$dir/msvclib/"
    for prog in "${EXAMPLES[@]}"; do
        "$prefix-gcc" "${CFLAGS_EXAMPLES[@]}" -c "examples/c/$prog.c" -o "$dir/msvclib/$prog.o"
        lld-link -lldmingw -auto-import -runtime-pseudo-reloc "-alternatename:__image_base__=$image_base" \
            -nologo "-out:$dir/msvclib/$prog.exe" -subsystem:console "-machine:$machine" \
            -entry:mainCRTStartup "-libpath:$gcclib" "-libpath:$crtlib" \
            "$crtlib/crt2.o" "$gcclib/crtbegin.o" "$dir/msvclib/$prog.o" "$DLLS/$arch/smartbill_signup.lib" \
            libmingw32.a libgcc.a libgcc_eh.a libmoldname.a libmingwex.a libmsvcrt.a \
            libkernel32.a libadvapi32.a libshell32.a libuser32.a "$gcclib/crtend.o" ||
            die "lld-link could not link $prog against $DLLS/$arch/smartbill_signup.lib"
    done

    run_tests "$dir" .exe "$wine"
    run_examples "$dir" .exe "$wine"
    run_examples "$dir/msvclib" .exe "$wine"
    for name in "${TESTS[@]}"; do compare "$arch" "$REF" "$dir" "$name"; done
    for name in "${EXAMPLE_RUNS[@]}"; do compare "$arch" "$REF" "$dir" "$name"; done
    if cmp -s "$REF/signup.html" "$dir/signup.html"; then pass "$arch: build_page wrote the same page, byte for byte"; else fail "$arch: build_page wrote a different page"; fi
    for name in "${EXAMPLE_RUNS[@]}"; do compare "$arch, lld-link + smartbill_signup.lib" "$REF" "$dir/msvclib" "$name"; done
    if cmp -s "$REF/signup.html" "$dir/msvclib/signup.html"; then pass "$arch, lld-link + smartbill_signup.lib: the same page"; else fail "$arch, lld-link + smartbill_signup.lib: build_page wrote a different page"; fi
    # The command-line tool: the same answers as the Linux build, and a probe
    # of the stand-in that reaches it.
    cp "$DLLS/$arch/smartbill-signup.exe" "$dir/"
    run_tool "$dir" "$dir/smartbill-signup.exe" "$wine"
    for name in "${TOOL_RUNS[@]}"; do compare "$arch, smartbill-signup.exe" "$REF" "$dir" "$name"; done
    if [ "$(cat "$dir/tool-probe.rc")" = 0 ] && grep -q "reachable: the server answered" "$dir/tool-probe.out"; then
        pass "$arch, smartbill-signup.exe: probe reached the stand-in ($(grep -m1 "reachable: the server answered" "$dir/tool-probe.out" | sed "s/^ *//"))"
    else
        fail "$arch, smartbill-signup.exe: probe of the stand-in failed (exit $(cat "$dir/tool-probe.rc")): $(cat "$dir/tool-probe.out" "$dir/tool-probe.err" | head -5)"
    fi
    count=0
    while read -r n; do count=$((count + n)); done < <(sed -n 's/^test_[a-z_]*: \([0-9]*\) passed, 0 failed$/\1/p' "$dir"/test_*.out)
    COUNTS[$arch]=$count
done

echo
if [ "$failures" -ne 0 ]; then
    echo "test-windows: $failures FAILED"
    exit 1
fi
echo "test-windows: all passed (C test checks: ${COUNTS[x86_64]} under 64-bit Wine, ${COUNTS[i686]} under 32-bit Wine, as on Linux)"
