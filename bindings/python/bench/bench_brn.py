"""Business-number checks: smartbill_signup against python-stdnum.

python-stdnum's ``stdnum.kr.brn.is_valid`` is the usual pure-Python check (it
does not even test the check digit). Both check the same numbers, a third
each plain, dashed and spaced, half of them valid; each measurement is one
pass over all numbers, repeated, and the median is reported per number.

    pip install ./bindings/python python-stdnum
    python bindings/python/bench/bench_brn.py [--count 10000] [--repeat 15]

Per call: ``for n in numbers: is_valid(n)`` for both. Batch:
``sb.are_valid_brns(numbers)`` (one native call) against
``[is_valid(n) for n in numbers]`` (stdnum has no batch call). Then
``are_valid_brns`` alone on batches of 10, 1,000 and 100,000 numbers, per
number and per call.

``SMARTBILL_BENCH_CLOCK=thread-cpu`` reads the CPU time of the benchmark
thread (``time.thread_time``) instead of wall time, so that other processes
on a shared, loaded machine do not count while they hold the CPU (as
benches/clock.rs does for the Rust benchmarks).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time
from typing import Callable, List

import smartbill_signup as sb
from stdnum.kr import brn as stdnum_brn


def make_numbers(count: int, seed: int = 6) -> List[str]:
    rng = random.Random(seed)
    numbers = []
    for i in range(count):
        prefix = f"{rng.randrange(101, 1000)}{rng.randrange(1, 100):02d}{rng.randrange(1, 10000):04d}"
        endings = [prefix + str(d) for d in range(10)]
        # Half valid: the library, not this script, picks the right check digit.
        valid = [n for n in endings if sb.is_valid_brn(n)]
        digits = valid[0] if i % 2 == 0 else rng.choice([n for n in endings if n not in valid])
        style = i % 3
        if style == 1:
            digits = f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"
        elif style == 2:
            digits = f" {digits[:3]} {digits[3:5]} {digits[5:]} "
        numbers.append(digits)
    return numbers


THREAD_CPU = os.environ.get("SMARTBILL_BENCH_CLOCK") == "thread-cpu"
clock = time.thread_time if THREAD_CPU else time.perf_counter


def median_per_number(run: Callable[[], object], count: int, repeat: int) -> float:
    """Median seconds per number over ``repeat`` passes."""
    run()  # warm up
    times = []
    for _ in range(repeat):
        start = clock()
        run()
        times.append(clock() - start)
    return statistics.median(times) / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    numbers = make_numbers(args.count)
    n, r = args.count, args.repeat

    sb_valid, stdnum_valid = sb.is_valid_brn, stdnum_brn.is_valid

    def sb_per_call() -> None:
        for number in numbers:
            sb_valid(number)

    def stdnum_per_call() -> None:
        for number in numbers:
            stdnum_valid(number)

    results = {
        "per call, smartbill_signup.is_valid_brn": median_per_number(sb_per_call, n, r),
        "per call, stdnum.kr.brn.is_valid": median_per_number(stdnum_per_call, n, r),
        "batch, smartbill_signup.are_valid_brns": median_per_number(lambda: sb.are_valid_brns(numbers), n, r),
        "batch, [stdnum.kr.brn.is_valid(n) for n in numbers]": median_per_number(
            lambda: [stdnum_valid(x) for x in numbers], n, r
        ),
    }
    print(
        f"Python {platform.python_version()} on {platform.machine()}, smartbill_signup {sb.__version__} "
        f"({sb.library_path.name}), python-stdnum; {n} numbers, median of {r} passes; "
        f"clock: {'CPU time of the benchmark thread' if THREAD_CPU else 'wall'}"
    )
    for name, seconds in results.items():
        print(f"  {name:<55} {seconds * 1e9:10.1f} ns/number")
    names = list(results)
    per_call = results[names[1]] / results[names[0]]
    batch = results[names[3]] / results[names[2]]
    print(f"  per call: {per_call:.1f}x faster than stdnum (goal 3x)")
    print(f"  batch:    {batch:.1f}x faster than stdnum (goal 40x)")
    # The batch call alone, by batch size: per number and per call.
    for size in (10, 1000, 100_000):
        batch_numbers = (numbers * (size // len(numbers) + 1))[:size]
        calls = max(1, 100_000 // size)

        def batch_calls() -> None:
            for _ in range(calls):
                sb.are_valid_brns(batch_numbers)

        per_number = median_per_number(batch_calls, size * calls, r)
        print(
            f"  are_valid_brns ({size:6d} numbers) {per_number * 1e9:10.1f} ns/number "
            f"{per_number * size * 1e9:12.1f} ns/call"
        )


if __name__ == "__main__":
    main()
