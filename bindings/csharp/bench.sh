#!/usr/bin/env bash
# Builds the release library and the C# wrapper (optimized), then runs
# bench/BrnBench.cs on Mono: per-call and per-number figures of Brn.IsValid
# and Brn.AreValid. Not a test: the figures go into the README by hand.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=/dev/null
source "$root/scripts/lib.sh"
ensure_apt mono-mcs mono-runtime
cd "$root"
cargo build --quiet --release
out="$root/target/csharp-bench"
mkdir -p "$out"
mcs -nologo -target:library -langversion:7.2 -warnaserror -unsafe -optimize+ \
    -out:"$out/SmartbillSignup.dll" "$here"/src/SmartbillSignup/*.cs
mcs -nologo -langversion:7.2 -warnaserror -optimize+ -r:"$out/SmartbillSignup.dll" \
    -out:"$out/BrnBench.exe" "$here"/bench/BrnBench.cs
LD_LIBRARY_PATH="$root/target/release${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" mono "$out/BrnBench.exe"
