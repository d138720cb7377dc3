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
# No-ops when fresh; `smartbill-signup standin` plays SmartBill for the HTTP tests.
cargo build --quiet
cargo build --quiet -p smartbill-signup-cli
out="$root/target/csharp"
mkdir -p "$out"
mcs -nologo -target:library -langversion:7.2 -warnaserror -debug \
    -out:"$out/SmartbillSignup.dll" "$here"/src/SmartbillSignup/*.cs
mcs -nologo -langversion:7.2 -warnaserror -debug -r:"$out/SmartbillSignup.dll" \
    -out:"$out/SmartbillSignup.Tests.exe" "$here"/tests/*.cs
# Loading: a missing library, and a library of another ABI version (a stub
# exporting only smartbill_abi_version), each refused with a clear message.
empty="$out/load-missing"
fake="$out/load-mismatch"
mkdir -p "$empty" "$fake"
printf 'unsigned int smartbill_abi_version(void) { return 999; }\n' > "$fake/abi.c"
cc -shared -fPIC -o "$fake/libsmartbill_signup.so" "$fake/abi.c"
load_rc=0
LD_LIBRARY_PATH="$empty" mono --debug "$out/SmartbillSignup.Tests.exe" --load-check missing || load_rc=1
LD_LIBRARY_PATH="$fake" mono --debug "$out/SmartbillSignup.Tests.exe" --load-check mismatch || load_rc=1

# Mono finds libsmartbill_signup.so for DllImport("smartbill_signup") on the
# library path. RUST_BACKTRACE=0: the deliberate panic test prints one line.
LD_LIBRARY_PATH="$root/target/debug${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" RUST_BACKTRACE=0 \
    mono --debug "$out/SmartbillSignup.Tests.exe" "$root/tests/vectors"
exit "$load_rc"
