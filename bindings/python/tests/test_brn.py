"""Business numbers: what the wrapper itself adds (types, bytes vs str,
batches). The rules are covered by test_brn_vectors.py."""

from __future__ import annotations

from typing import Iterator, List

import pytest

import smartbill_signup as sb
from smartbill_signup._text import TextIn

VALID = "124-81-00998"
OTHER_VALID = "1208147521"
BAD_CHECKSUM = "123-45-67890"


def test_results_are_str() -> None:
    for result in (sb.validate_brn(VALID), sb.format_brn(VALID), sb.brn_kind(VALID)):
        assert type(result) is str
    assert sb.is_valid_brn(VALID) is True
    assert sb.is_valid_brn(BAD_CHECKSUM) is False


@pytest.mark.parametrize("number", [VALID, VALID.encode(), bytearray(VALID.encode()), memoryview(VALID.encode())])
def test_str_and_bytes_like_inputs(number: object) -> None:
    assert sb.validate_brn(number) == "1248100998"  # type: ignore[arg-type]
    assert sb.is_valid_brn(number) is True  # type: ignore[arg-type]
    assert sb.are_valid_brns([number]) == [True]  # type: ignore[list-item]


@pytest.mark.parametrize("wrong", [None, 1248100998, 12.5, ["1248100998"]])
def test_non_text_is_a_type_error(wrong: object) -> None:
    for function in (sb.validate_brn, sb.format_brn, sb.brn_kind, sb.is_valid_brn):
        with pytest.raises(TypeError, match="number must be str or bytes"):
            function(wrong)  # type: ignore[arg-type]


def test_invalid_utf8_bytes_are_a_brn_error() -> None:
    # A number is ASCII in every encoding: CP949 bytes are wrong characters.
    with pytest.raises(sb.BrnError) as info:
        sb.validate_brn(b"12\xff")
    assert info.value.status_name == "BRN_FORMAT"
    assert sb.is_valid_brn(b"12\xff") is False


def test_lone_surrogate_is_reported_by_the_library() -> None:
    with pytest.raises(sb.BrnError) as info:
        sb.validate_brn("1248100998\udc80")
    assert info.value.status_name == "BRN_FORMAT"
    # A "?" would be BRN_FORMAT too; only the raw bytes make the library say so.
    assert "not UTF-8" in str(info.value)
    assert sb.check_brns(["1248100998\udc80", VALID]) == ["BRN_FORMAT", "OK"]


def test_embedded_nul_is_sent_not_cut() -> None:
    # Cut at the NUL, the first ten bytes would be a valid number.
    assert sb.is_valid_brn("1248100998\x00") is False
    with pytest.raises(sb.BrnError) as info:
        sb.validate_brn(b"1248100998\x00")
    assert info.value.status_name == "BRN_FORMAT"


def test_korean_text_in_the_message_survives() -> None:
    with pytest.raises(sb.BrnError) as info:
        sb.validate_brn("124-81-0099가")
    assert info.value.status_name == "BRN_FORMAT"
    assert "가" in info.value.message or "U+AC00" in info.value.message


class TestBatch:
    def test_empty(self) -> None:
        assert sb.are_valid_brns([]) == []
        assert sb.check_brns(iter(())) == []

    def test_any_iterable(self) -> None:
        def numbers() -> Iterator[str]:
            yield VALID
            yield BAD_CHECKSUM

        assert sb.are_valid_brns(numbers()) == [True, False]
        assert sb.are_valid_brns((VALID, OTHER_VALID)) == [True, True]

    def test_results_are_bools_in_order(self) -> None:
        result = sb.are_valid_brns([BAD_CHECKSUM, VALID, "", OTHER_VALID])
        assert result == [False, True, False, True]
        assert all(type(r) is bool for r in result)

    def test_mixed_str_and_bytes(self) -> None:
        assert sb.check_brns([VALID, b"12\xff", bytearray(b"1208147521"), "abc"]) == [
            "OK",
            "BRN_FORMAT",
            "OK",
            "BRN_FORMAT",
        ]

    def test_empty_items_anywhere_stay_items(self) -> None:
        assert sb.check_brns([""]) == ["BRN_LENGTH"]
        assert sb.check_brns([VALID, ""]) == ["OK", "BRN_LENGTH"]
        assert sb.check_brns(["", "", VALID]) == ["BRN_LENGTH", "BRN_LENGTH", "OK"]
        assert sb.check_brns([b"", b""]) == ["BRN_LENGTH", "BRN_LENGTH"]

    def test_lines_from_a_file(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        path = tmp_path / "numbers.txt"
        path.write_text(f"{VALID}\n{BAD_CHECKSUM}\r\n  {OTHER_VALID}  \n\n", encoding="utf-8")
        with open(path, encoding="utf-8", newline="") as f:
            assert sb.check_brns(f) == ["OK", "BRN_CHECKSUM", "OK", "BRN_LENGTH"]
        with open(path, "rb") as f:
            assert sb.are_valid_brns(f) == [True, False, True, False]

    def test_items_holding_the_separator_are_not_split(self) -> None:
        # Each item is checked whole, exactly as validate_brn would check it,
        # whatever bytes it holds; no item can become two.
        items: List[TextIn] = [VALID, "1248100998\x001208147521", b"1208147521\x00", "", "1248100998\n1208147521", OTHER_VALID]
        expected = ["OK", "BRN_FORMAT", "BRN_FORMAT", "BRN_LENGTH", "BRN_FORMAT", "OK"]
        assert sb.check_brns(items) == expected
        assert sb.check_brns([VALID + "\n", "\n" + OTHER_VALID, "\n"]) == ["OK", "OK", "BRN_LENGTH"]
        assert sb.check_brns(["\x00"]) == ["BRN_FORMAT"]
        for item, status in zip(items, expected):
            assert sb.check_brns([item]) == [status]

    def test_a_single_number_is_not_an_iterable_of_numbers(self) -> None:
        for wrong in (VALID, VALID.encode()):
            with pytest.raises(TypeError, match="not a single number"):
                sb.are_valid_brns(wrong)  # type: ignore[arg-type]

    def test_non_text_item_is_named(self) -> None:
        with pytest.raises(TypeError, match=r"numbers\[1\] must be str or bytes, not int"):
            sb.are_valid_brns([VALID, 1248100998])  # type: ignore[list-item]
        with pytest.raises(TypeError, match=r"numbers\[0\] must be str or bytes, not NoneType"):
            sb.check_brns([None, b"1248100998"])  # type: ignore[list-item]

    def test_large_batch_matches_single_calls(self) -> None:
        numbers = [f"{n:010d}" for n in range(1010112340, 1010112340 + 20000, 7)]
        batch = sb.are_valid_brns(numbers)
        assert batch == [sb.is_valid_brn(n) for n in numbers]
        assert any(batch) and not all(batch)


class TestLines:
    def test_a_file_s_lines_in_one_call(self) -> None:
        data = f"{VALID}\r\n{BAD_CHECKSUM}\r\n\r\n{OTHER_VALID}".encode("ascii")
        assert sb.check_brn_lines(data) == ["OK", "BRN_CHECKSUM", "BRN_LENGTH", "OK"]
        assert sb.check_brn_lines(data + b"\n") == ["OK", "BRN_CHECKSUM", "BRN_LENGTH", "OK"]
        assert sb.check_brn_lines(b"") == []
        assert sb.check_brn_lines(bytearray(f"{VALID},{VALID}".encode()), b",") == ["OK", "OK"]

    def test_arguments(self) -> None:
        with pytest.raises(TypeError):
            sb.check_brn_lines(VALID)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            sb.check_brn_lines(b"x", b"\r\n")
