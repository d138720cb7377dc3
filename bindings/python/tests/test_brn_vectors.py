"""The shared business-number vectors (tests/vectors/brn.json) through the
wrapper: every case, as bytes and (when it is text) as str."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

import smartbill_signup as sb
from support import case_id, input_bytes, korean, vectors

BRN = vectors("brn.json")
CASES: List[Dict[str, Any]] = BRN["cases"]


def forms(case: Dict[str, Any]) -> List[Any]:
    """The case's input as bytes, and as str when the vector gives text."""
    data = input_bytes(case)
    return [data, case["input"]] if "input" in case else [data]


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40
    assert any(c["status"] == "OK" for c in CASES)
    assert any("input_hex" in c for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Dict[str, Any]) -> None:
    for number in forms(case):
        expected = case["status"]
        assert sb.is_valid_brn(number) is (expected == "OK")
        assert sb.check_brns([number]) == [expected]
        if expected == "OK":
            assert sb.validate_brn(number) == case["normalized"]
            assert sb.format_brn(number) == case["formatted"]
            assert sb.brn_kind(number) == case["kind"]
            continue
        for function in (sb.validate_brn, sb.format_brn, sb.brn_kind):
            with pytest.raises(sb.BrnError) as info:
                function(number)
            assert info.value.status_name == expected
            assert info.value.message
        if "message_ko" in case:
            with korean(), pytest.raises(sb.BrnError) as info:
                sb.validate_brn(number)
            assert info.value.message == case["message_ko"]
            assert str(info.value) == f"{expected}: {case['message_ko']}"
            assert info.value.status_name == expected and info.value.field is None


def test_all_cases_in_one_batch() -> None:
    numbers = [input_bytes(c) for c in CASES]
    expected = [c["status"] for c in CASES]
    assert sb.check_brns(numbers) == expected
    assert sb.are_valid_brns(numbers) == [s == "OK" for s in expected]


def test_kinds_are_the_vector_list() -> None:
    kinds = {c["kind"] for c in CASES if c["status"] == "OK"}
    assert kinds == set(BRN["kinds"])


@pytest.mark.parametrize("case", BRN["batch"], ids=case_id)
def test_batch_case(case: Dict[str, Any]) -> None:
    # The vectors give a separator-joined text; the wrapper takes a list.
    data, separator = case["data"], case["separator"]
    items = data.split(separator)
    if data.endswith(separator):
        items.pop()  # a final separator ends the last item
    if not data:
        items = []
    assert sb.check_brns(items) == case["statuses"]
    assert sb.are_valid_brns(items) == [s == "OK" for s in case["statuses"]]
    # The same text as one buffer, as smartbill_brn_check_many reads it.
    assert sb.check_brn_lines(data.encode("utf-8"), separator.encode("ascii")) == case["statuses"]


@pytest.mark.parametrize("case", BRN["array"], ids=case_id)
def test_array_case(case: Dict[str, Any]) -> None:
    # Text items as str, raw ones as bytes: one smartbill_brn_check_array call.
    items = [bytes.fromhex(i["input_hex"]) if "input_hex" in i else i["input"] for i in case["items"]]
    assert sb.check_brns(items) == case["statuses"]
    assert sb.are_valid_brns(items) == [s == "OK" for s in case["statuses"]]
    # Only the text items: the all-str (ASCII or not) path.
    text = [(i["input"], s) for i, s in zip(case["items"], case["statuses"]) if "input" in i]
    assert sb.check_brns([t for t, _ in text]) == [s for _, s in text]


@pytest.mark.parametrize("case", BRN["records"], ids=case_id)
def test_records_case(case: Dict[str, Any]) -> None:
    data, width = case["data"].encode("utf-8"), case["width"]
    records = [data[i : i + width] for i in range(0, len(data), width)]
    assert sb.check_brns(records) == case["statuses"]
