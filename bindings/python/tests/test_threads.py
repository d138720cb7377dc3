"""Errors are per thread, as in the C ABI: concurrent failures never see
each other's messages."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import List, Tuple

import smartbill_signup as sb
from smartbill_signup import _errors

# Each thread fails with its own number, status and message.
FAILURES: List[Tuple[str, str]] = [
    ("123-45-67890", "BRN_CHECKSUM"),
    ("124_81_00998", "BRN_FORMAT"),
    ("124-81-0099", "BRN_LENGTH"),
    ("100-00-00025", "BRN_COMPONENT"),
    ("111-11-11111", "BRN_CHECKSUM"),
    ("abc", "BRN_FORMAT"),
]
ROUNDS = 500


def test_each_thread_sees_its_own_error() -> None:
    barrier = threading.Barrier(len(FAILURES))

    def fail_repeatedly(number: str, status_name: str) -> int:
        barrier.wait()
        checked = 0
        for _ in range(ROUNDS):
            try:
                sb.validate_brn(number)
            except sb.BrnError as e:
                assert e.status_name == status_name, (number, e)
                assert f'"{number}"' in e.message, (number, e.message)
                checked += 1
            # Successful calls in between must not disturb anything.
            assert sb.validate_brn("1208147521") == "1208147521"
        return checked

    with ThreadPoolExecutor(len(FAILURES)) as pool:
        results = list(pool.map(lambda f: fail_repeatedly(*f), FAILURES))
    assert results == [ROUNDS] * len(FAILURES)


def test_a_new_thread_has_no_error() -> None:
    try:
        sb.validate_brn("abc")
    except sb.BrnError:
        pass
    seen: List[Tuple[str, object]] = []
    thread = threading.Thread(target=lambda: seen.append(_errors.last_error()))
    thread.start()
    thread.join()
    assert seen == [("", None)]
    assert _errors.last_error()[0]  # this thread's error is still there


def test_batches_from_many_threads() -> None:
    numbers = [f"{n:010d}" for n in range(1010112340, 1010112340 + 5000)]
    expected = sb.check_brns(numbers)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: sb.check_brns(numbers), range(16)))
    assert all(r == expected for r in results)
