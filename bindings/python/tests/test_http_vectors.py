"""The shared HTTP vectors (tests/vectors/http.json) through the wrapper,
in English and in Korean: a refused connection is an answer (a Probe), a
refused URL an HttpError."""

from __future__ import annotations

import socket
from typing import Any, Dict, Optional

import pytest

import smartbill_signup as sb
from support import korean, vectors

CASES = vectors("http.json")["probe_url"]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def outcome(case: Dict[str, Any], port: int) -> "tuple[str, Optional[str], str]":
    url = case["url"].replace("{closed_port}", str(port))
    try:
        found = sb.probe_url(url, timeout=case["timeout_ms"] / 1000, proxy=case["proxy"])
    except sb.HttpError as e:
        return e.status_name, e.field, e.message
    assert not found.reachable and found.error and found.message
    return found.error, None, found.message


def check(case: Dict[str, Any], message: str, exact: str, prefix: str, port: int) -> None:
    if exact in case:
        assert message == case[exact].replace("{closed_port}", str(port))
    if prefix in case:
        want = case[prefix].replace("{closed_port}", str(port))
        assert message.startswith(want) and len(message) > len(want), (message, want)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["note"])
def test_probe_url_case_in_both_languages(case: Dict[str, Any]) -> None:
    port = closed_port()
    status, field, message = outcome(case, port)
    assert status == case["status"]
    assert (field or "") == case["field"] or field is None
    check(case, message, "message", "message_starts_with", port)
    with korean():
        status_ko, field_ko, message_ko = outcome(case, port)
    assert (status_ko, field_ko) == (status, field)
    check(case, message_ko, "message_ko", "message_ko_starts_with", port)
