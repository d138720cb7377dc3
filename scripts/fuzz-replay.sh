#!/usr/bin/env bash
# The fuzz targets' part of the test command: builds them, replays every
# committed corpus input (each must pass its target's oracle), then fuzzes
# each target briefly with a fixed seed. New inputs go to a scratch folder,
# never into the committed corpus. Installs cargo-fuzz when missing.
# Usage: bash scripts/fuzz-replay.sh [SECONDS_PER_TARGET]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
seconds=${1:-20}

ensure_cargo_fuzz
cargo_fuzz build
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for target in "${FUZZ_TARGETS[@]}"; do
    mapfile -t options < <(fuzz_options "$target")
    inputs=$(find "fuzz/corpus/$target" -type f | wc -l)
    echo "fuzz target $target: replaying $inputs corpus inputs"
    log="$scratch/$target.log"
    if ! cargo_fuzz run "$target" "corpus/$target" -- -runs=0 -timeout=10 \
        "${options[@]}" >"$log" 2>&1; then
        tail -n 40 "$log"
        echo "fuzz target $target FAILED on a corpus input" >&2
        exit 1
    fi
    mkdir -p "$scratch/$target"
    echo "fuzz target $target: $seconds s with -seed=1"
    if ! cargo_fuzz run "$target" "$scratch/$target" "corpus/$target" -- \
        -seed=1 -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
        "${options[@]}" >"$log" 2>&1; then
        tail -n 40 "$log"
        echo "fuzz target $target FAILED (the input is in fuzz/artifacts/$target/)" >&2
        exit 1
    fi
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$log" | tr '\n' ' '
    echo
done
