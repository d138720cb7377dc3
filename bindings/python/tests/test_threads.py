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


def test_form_and_callback_errors_per_thread() -> None:
    # Each thread fails in its own domain, with its own field, over and over.
    failures = [
        (lambda: sb.SignupForm({"pComRegNo": "123-45-67890", "pMIGRATIONFLAG": "T"}).validate(), "FIELD_FORMAT", "pComRegNo"),
        (lambda: sb.SignupForm({"pZipCode": "1234"}).validate(), "FIELD_REQUIRED", "pComRegNo"),
        (lambda: sb.SignupForm({"pComRegNo": "1248100998", "pMIGRATIONFLAG": "T", "pZipCode": "1234"}).validate(), "FIELD_FORMAT", "pZipCode"),
        (lambda: sb.parse_callback(b'{"USER_SBID":"a","COM_REGNO":"1","AUTH_CODE":"c"}'), "CALLBACK_MISSING", "AUTH_TOKEN"),
        (lambda: sb.parse_callback(b'{"USER_SBID":'), "CALLBACK_JSON", "body"),
        (lambda: sb.callback_source_allowed("1.2.3.4", "staging"), "INVALID_ARGUMENT", "environment"),
    ]
    barrier = threading.Barrier(len(failures))

    def fail_repeatedly(call, status_name, field) -> int:  # type: ignore[no-untyped-def]
        barrier.wait()
        checked = 0
        for _ in range(200):
            try:
                call()
            except sb.SmartbillError as e:
                assert (e.status_name, e.field) == (status_name, field), e
                checked += 1
            assert sb.parse_callback(b'{"USER_SBID":"a","COM_REGNO":"1","AUTH_CODE":"c","AUTH_TOKEN":"t"}').user_sbid == "a"
        return checked

    with ThreadPoolExecutor(len(failures)) as pool:
        results = list(pool.map(lambda f: fail_repeatedly(*f), failures))
    assert results == [200] * len(failures)


def test_one_form_shared_by_threads() -> None:
    # Calls on a shared form take turns: each page has the charset, target
    # and script its own call asked for, never another thread's.
    fields = {"pComRegNo": "1248100998", "pMIGRATIONFLAG": "TEST11", "pComName": "스마트빌"}
    with sb.SignupForm(fields) as form:
        expected = {
            ("utf-8", True, "_blank"): form.html_bytes("utf-8", True, "_blank"),
            ("euc-kr", False, "_self"): form.html_bytes("euc-kr", False, "_self"),
            ("euc-kr", True, "_top"): form.html_bytes("euc-kr", True, "_top"),
            ("utf-8", False, "popup"): form.html_bytes("utf-8", False, "popup"),
        }

        def render(key: Tuple[str, bool, str]) -> bool:
            return all(form.html_bytes(*key) == expected[key] for _ in range(300))

        with ThreadPoolExecutor(4) as pool:
            assert all(pool.map(render, list(expected) * 2))
