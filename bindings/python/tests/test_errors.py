"""Exceptions: classes, attributes, messages, pickling, and panics."""

from __future__ import annotations

import pickle

import pytest

import smartbill_signup as sb
from smartbill_signup import _errors


def test_hierarchy() -> None:
    assert issubclass(sb.SmartbillError, Exception)
    for cls in (sb.BrnError, sb.FormError, sb.CallbackError, sb.HttpError):
        assert issubclass(cls, sb.SmartbillError)
        assert cls.__module__ == "smartbill_signup"


def test_attributes_come_from_the_library() -> None:
    with pytest.raises(sb.BrnError) as info:
        sb.validate_brn("124-81-00997")
    e = info.value
    assert e.status == 13
    assert e.status_name == "BRN_CHECKSUM" == _errors.status_name(e.status)
    assert e.field is None
    assert "expected 8" in e.message
    assert str(e) == f"BRN_CHECKSUM: {e.message}"


@pytest.mark.parametrize(
    "name, cls",
    [
        ("BRN_CHECKSUM", sb.BrnError),
        ("FIELD_REQUIRED", sb.FormError),
        ("CALLBACK_JSON", sb.CallbackError),
        ("HTTP_TIMEOUT", sb.HttpError),
        ("INVALID_TEXT", sb.BrnError),
        ("INTERNAL", sb.SmartbillError),
    ],
)
def test_class_by_prefix_else_the_domain(name: str, cls: type) -> None:
    assert _errors.error_class(name, sb.BrnError) is cls


def test_every_library_status_maps_to_a_class() -> None:
    names = [_errors.status_name(code) for code in range(0, 128)]
    known = [n for n in names if n not in ("UNKNOWN", "OK")]
    assert "BRN_CHECKSUM" in known and "HTTP_TIMEOUT" in known
    for name in known:
        assert issubclass(_errors.error_class(name, sb.SmartbillError), sb.SmartbillError)


def test_status_names() -> None:
    assert _errors.status_name(0) == "OK"
    assert _errors.status_name(-1) == "UNKNOWN"
    assert _errors.status_name(2**31 - 1) == "UNKNOWN"


def test_errors_pickle() -> None:
    with pytest.raises(sb.BrnError) as info:
        sb.validate_brn("abc")
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is sb.BrnError
    assert (copy.status, copy.status_name, copy.field, copy.message) == (
        info.value.status,
        info.value.status_name,
        info.value.field,
        info.value.message,
    )
    assert str(copy) == str(info.value)


def test_field_is_read_from_the_library() -> None:
    e = _errors.SmartbillError("m", 22, "FIELD_FORMAT", "pComRegNo")
    assert e.field == "pComRegNo"
    # A real error with a field: the library names the argument it refused.
    from smartbill_signup import brn

    status = brn._check(None, 5)
    assert _errors.status_name(status) == "NULL_ARGUMENT"
    error = _errors.error_for(status)
    assert error.field == "brn"
    assert type(error) is sb.SmartbillError


def test_panic_never_crosses_into_python() -> None:
    with pytest.raises(sb.SmartbillError) as info:
        _errors.selftest_panic()
    assert type(info.value) is sb.SmartbillError
    assert info.value.status_name == "INTERNAL"
    assert "deliberate panic" in info.value.message
    # The library still works afterwards.
    assert sb.is_valid_brn("124-81-00998")


def test_long_messages_are_read_whole() -> None:
    # Longer than the first buffer: the wrapper retries with the size the library asks for.
    number = "1" * 300 + "x"
    with pytest.raises(sb.BrnError) as info:
        sb.validate_brn(number)
    assert info.value.status_name == "BRN_FORMAT"
    assert number in info.value.message
    assert len(info.value.message.encode()) > 64


def test_successful_calls_do_not_raise_a_stale_error() -> None:
    with pytest.raises(sb.BrnError):
        sb.validate_brn("abc")
    assert sb.validate_brn("124-81-00998") == "1248100998"
