#!/usr/bin/env bash
# Fuzzes one target for a while (niced, one process), then minimizes its
# corpus, fuzz/corpus/TARGET, with what it found added: commit the changes.
# A failure stops the run, leaves the input in fuzz/artifacts/TARGET/ and
# exits non-zero. The last lines give the figures (executions, exec/s,
# corpus size); the whole libFuzzer log is fuzz/artifacts/TARGET.log.
# Usage: bash scripts/fuzz.sh TARGET [SECONDS]   (default 600)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
usage="usage: bash scripts/fuzz.sh TARGET [SECONDS]; targets: ${FUZZ_TARGETS[*]}"
target=${1:?$usage}
seconds=${2:-600}
[[ " ${FUZZ_TARGETS[*]} " == *" $target "* ]] || { echo "$usage" >&2; exit 2; }
renice -n 10 -p $$ >/dev/null # the machine is shared: children inherit it

ensure_cargo_fuzz
cargo_fuzz build "$target"
mkdir -p "fuzz/artifacts/$target"
log="fuzz/artifacts/$target.log"
mapfile -t options < <(fuzz_options "$target")
echo "fuzzing $target for $seconds s (log: $log)"
status=0
cargo_fuzz run "$target" -- -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
    "${options[@]}" >"$log" 2>&1 || status=$?
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$log" || true
if [ "$status" -ne 0 ]; then
    tail -n 40 "$log"
    echo "fuzz target $target FAILED; the input is in fuzz/artifacts/$target/" >&2
    exit "$status"
fi
cargo_fuzz cmin "$target" >"fuzz/artifacts/$target.cmin.log" 2>&1
echo "corpus: $(find "fuzz/corpus/$target" -type f | wc -l) inputs, $(du -sk "fuzz/corpus/$target" | cut -f1) KiB"
