#!/usr/bin/env bash
# Cross-builds smartbill_signup.dll for 64-bit (x86_64-pc-windows-gnu) and
# 32-bit (i686-pc-windows-gnu) Windows with mingw-w64, into
# target/windows/x86_64/ and target/windows/i686/: the DLL, the mingw import
# library libsmartbill_signup.dll.a, the MSVC import library
# smartbill_signup.lib and smartbill_signup.def, and the command-line tool
# smartbill-signup.exe. Installs what it needs; the
# toolchain and the Windows cargo target directory are cached under
# ~/.cache/smartbill-signup/, so a second run takes seconds.
# Usage: bash scripts/build-windows.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source scripts/windows-env.sh

sb_ensure_host_packages
sb_setup_toolchain
sb_build_dll x86_64-pc-windows-gnu target/windows/x86_64
sb_build_dll i686-pc-windows-gnu target/windows/i686
sb_build_cli x86_64-pc-windows-gnu target/windows/x86_64
sb_build_cli i686-pc-windows-gnu target/windows/i686
