#!/usr/bin/env bash
# The Windows 7 / Server 2008 R2 variant of the DLLs, for hosts that cannot
# move to Windows 10: Rust's tier-3 targets x86_64-win7-windows-gnu and
# i686-win7-windows-gnu, whose std does without the newer Windows functions
# (ProcessPrng, WaitOnAddress). Builds them like build-windows.sh into
# target/windows7/x86_64/ and target/windows7/i686/, checks that neither DLL
# uses a function Windows 7 lacks, then runs test-windows.sh on them.
# Not part of the test command: tier-3 targets come with no guarantee from
# the Rust project, and each takes another cold build (~11 min per target).
# Usage: bash scripts/build-windows7.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source scripts/windows-env.sh

sb_ensure_host_packages
sb_setup_toolchain
# windows-result (reqwest -> hyper-util -> windows-registry, which reads
# the system proxy settings) reports errors through WinRT's
# RoOriginateErrorW, from a DLL Windows 7 lacks; its windows_slim_errors
# option leaves that out. These flags apply to the win7 targets alone.
export CARGO_TARGET_X86_64_WIN7_WINDOWS_GNU_RUSTFLAGS=--cfg=windows_slim_errors
export CARGO_TARGET_I686_WIN7_WINDOWS_GNU_RUSTFLAGS=--cfg=windows_slim_errors
sb_build_dll x86_64-win7-windows-gnu target/windows7/x86_64
sb_build_dll i686-win7-windows-gnu target/windows7/i686

# Wine has every newer function, so the tests below cannot see this; the
# import tables can. Known Windows 8+ functions and the DLLs that hold them:
# ProcessPrng (bcryptprimitives; also looked up by name, hence the string
# search), WaitOnAddress & co. (api-ms-win-core-synch-l1-2-0),
# GetSystemTimePreciseAsFileTime, CreateFile2, RoOriginateErrorW
# (api-ms-win-core-winrt-*). A denylist: it catches what Rust's std and
# common crates use, not every function Windows 7 lacks.
NEWER_FUNCTIONS='ProcessPrng|WaitOnAddress|WakeByAddressAll|WakeByAddressSingle|GetSystemTimePreciseAsFileTime|CreateFile2|RoOriginateErrorW'
NEWER_DLLS='api-ms-win-core-synch-l1-2-0\.dll|api-ms-win-core-winrt-'
status=0
for arch in x86_64 i686; do
    dll=target/windows7/$arch/smartbill_signup.dll
    dump=$("$arch-w64-mingw32-objdump" -p "$dll")
    found=$({ grep -oE "\b($NEWER_FUNCTIONS)\b|DLL Name: ($NEWER_DLLS)[^ ]*" <<<"$dump" || true; } | sort -u | tr '\n' ' ')
    if grep -q ProcessPrng "$dll"; then found="$found ProcessPrng(by name)"; fi
    if [ -n "$found" ]; then
        echo "FAIL $dll uses what Windows 7 lacks: $found"
        status=1
    else
        echo "ok   $dll: no ProcessPrng, no known Windows 8+ import"
    fi
done
[ "$status" -eq 0 ] || die "the Windows 7 DLLs would not load on Windows 7"

bash scripts/test-windows.sh --dlls target/windows7
