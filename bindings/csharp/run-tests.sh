#!/usr/bin/env bash
# Builds the C# wrapper with Mono's mcs and runs its tests against the
# debug library, reading the shared vectors. Safe to run again and again.
# Mono stands in for .NET Framework: the same P/Invoke code runs on both.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=/dev/null
source "$root/scripts/lib.sh"
# I18N.CJK gives Mono code page 949 (CP949) for EUC-KR pages; .NET Framework has it built in.
ensure_apt mono-mcs mono-runtime libmono-i18n-cjk4.0-cil gcc

cd "$root"
# A no-op when fresh; `smartbill-signup standin` plays SmartBill for the
# HTTP tests. The tests load this debug build's library ($SB_DEBUG_DIR).
sb_build_debug
out="$root/target/csharp"
mkdir -p "$out"
mcs -nologo -target:library -langversion:7.2 -warnaserror -unsafe -debug \
    -out:"$out/SmartbillSignup.dll" "$here"/src/SmartbillSignup/*.cs
mcs -nologo -langversion:7.2 -warnaserror -debug -r:"$out/SmartbillSignup.dll" \
    -out:"$out/SmartbillSignup.Tests.exe" "$here"/tests/*.cs
# Loading: a missing library; stubs of another ABI version, of the same
# version with other prototypes (the generated checksum with its low bit
# flipped), and of the same version with no checksum: each refused with a
# clear message.
version="$(sed -n 's/^#define SMARTBILL_ABI_VERSION \([0-9]*\)$/\1/p' include/smartbill_signup.h)"
checksum="$(sed -n 's/^#define SMARTBILL_ABI_CHECKSUM \([0-9]*\)$/\1/p' include/smartbill_signup.h)"
stub() { # folder, C source
    mkdir -p "$out/$1"
    printf '%s\n' "$2" > "$out/$1/abi.c"
    cc -shared -fPIC -o "$out/$1/libsmartbill_signup.so" "$out/$1/abi.c"
}
mkdir -p "$out/load-missing"
stub load-mismatch 'unsigned int smartbill_abi_version(void) { return 999; }'
stub load-checksum "unsigned int smartbill_abi_version(void) { return $version; }
unsigned int smartbill_abi_checksum(void) { return ${checksum}u ^ 1u; }"
stub load-no-checksum "unsigned int smartbill_abi_version(void) { return $version; }"
load_rc=0
for check in missing mismatch checksum no-checksum; do
    LD_LIBRARY_PATH="$out/load-$check" mono --debug "$out/SmartbillSignup.Tests.exe" --load-check "$check" || load_rc=1
done

# Mono finds libsmartbill_signup.so for DllImport("smartbill_signup") on the
# library path. RUST_BACKTRACE=0: the deliberate panic test prints one line.
LD_LIBRARY_PATH="$SB_DEBUG_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" RUST_BACKTRACE=0 \
    mono --debug "$out/SmartbillSignup.Tests.exe" "$root/tests/vectors"
exit "$load_rc"
