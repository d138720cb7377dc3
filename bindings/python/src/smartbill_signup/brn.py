"""BRN (사업자등록번호, Korean business registration number).

Ten digits written ``XXX-XX-XXXXX``: tax office code, business-type code,
serial and the National Tax Service check digit. Dashes, inner spaces and
surrounding whitespace are accepted. Every rule lives in the native library;
these functions only carry numbers to it and answers back.

A number may be ``str`` or bytes (bytes are read as UTF-8).

>>> import smartbill_signup as sb
>>> sb.validate_brn('124-81-00998')
'1248100998'
>>> sb.validate_brn(b' 124 81 00998\\n')
'1248100998'
>>> sb.format_brn('1248100998')
'124-81-00998'
>>> sb.brn_kind('116-82-00276')
'nonprofit_corporation'
>>> sb.is_valid_brn('123-45-67890')
False
>>> sb.validate_brn('123-45-67890')
Traceback (most recent call last):
    ...
smartbill_signup.BrnError: BRN_CHECKSUM: business number "123-45-67890": check digit is 0, expected 1

Many numbers are checked in one native call:

>>> sb.are_valid_brns(['124-81-00998', '123-45-67890', b'1208147521'])
[True, False, True]
>>> sb.check_brns(['124-81-00998', '123-45-67890', '100-00-00025', 'abc', ''])
['OK', 'BRN_CHECKSUM', 'BRN_COMPONENT', 'BRN_FORMAT', 'BRN_LENGTH']
"""

from __future__ import annotations

import ctypes
from array import array
from typing import Iterable, List, Sequence

from ._errors import BrnError, error_for, status_name
from ._native import declare
from ._text import OK, TextIn, call_out, to_bytes

_check = declare("smartbill_brn_check")
_normalize = declare("smartbill_brn_normalize")
_format = declare("smartbill_brn_format")
_kind = declare("smartbill_brn_kind")
_check_many = declare("smartbill_brn_check_many")

# The batch separator. NUL rather than a newline: lines read from a file end
# in "\n", which is whitespace inside a number, and would otherwise all take
# the slow path below.
_SEPARATOR = 0
_SEPARATOR_STR = "\0"
_SEPARATOR_BYTES = b"\0"

_INT32 = "i" if array("i").itemsize == 4 else "l"


def _text_result(function: object, number: TextIn) -> str:
    data = to_bytes(number, "number")
    status, out = call_out(function, data, len(data))
    if status != OK:
        raise error_for(status, BrnError)
    return out.decode("ascii")


def validate_brn(number: TextIn) -> str:
    """Check the number and return its 10 digits.

    Raises ``BrnError`` naming the first rule broken: ``BRN_FORMAT``,
    ``BRN_LENGTH``, ``BRN_COMPONENT``, ``BRN_CHECKSUM`` (bytes that are not
    UTF-8, such as CP949 Hangul, are ``BRN_FORMAT`` too).
    """
    return _text_result(_normalize, number)


def format_brn(number: TextIn) -> str:
    """Check the number and return it as ``XXX-XX-XXXXX``; raises
    ``BrnError`` as ``validate_brn``."""
    return _text_result(_format, number)


def brn_kind(number: TextIn) -> str:
    """Check the number and return the kind its business-type code gives:
    ``individual_taxable``, ``nonprofit_organization``, ``corporation``,
    ``nonprofit_corporation``, ``government``, ``foreign_corporation``,
    ``corporation_branch``, ``religious_organization`` or
    ``individual_exempt``; raises ``BrnError`` as ``validate_brn``."""
    return _text_result(_kind, number)


def is_valid_brn(number: TextIn) -> bool:
    """Whether the number passes every rule; never raises for its content
    (``TypeError`` for something that is not text)."""
    if type(number) is str:  # the common case, without a function call
        data = number.encode("utf-8", "surrogatepass")
    else:
        data = to_bytes(number, "number")
    status: int = _check(data, len(data))
    return status == OK


def are_valid_brns(numbers: Iterable[TextIn]) -> List[bool]:
    """Whether each number is valid, in order, checked in one native call
    (an item holding a NUL byte, never a valid number, gets a call of its
    own so that it cannot split in two)."""
    return [not status for status in _statuses(numbers)]  # OK is 0


def check_brns(numbers: Iterable[TextIn]) -> List[str]:
    """The status name of each number (``'OK'``, ``'BRN_CHECKSUM'``, ...),
    in order, checked as by ``are_valid_brns``."""
    return list(map(status_name, _statuses(numbers)))


def _statuses(numbers: Iterable[TextIn]) -> "array[int]":
    if isinstance(numbers, (str, bytes, bytearray, memoryview)):
        raise TypeError("numbers must be an iterable of numbers, not a single number")
    items: Sequence[object] = numbers if type(numbers) is list else list(numbers)
    count = len(items)
    statuses = array(_INT32, bytes(4 * count))
    if count == 0:
        return statuses
    try:
        data = _SEPARATOR_STR.join(items).encode("utf-8", "surrogatepass")  # type: ignore[arg-type]
    except TypeError:  # not all str: convert one by one
        items = [to_bytes(item, f"numbers[{i}]") for i, item in enumerate(items)]
        data = _SEPARATOR_BYTES.join(items)  # type: ignore[arg-type]
    if data.count(_SEPARATOR) == count - 1:
        # Every item ended by the separator, so an empty last item is kept.
        _check_batch(data + _SEPARATOR_BYTES, count, statuses)
    else:
        _check_items_holding_separator(items, statuses)
    return statuses


def _check_batch(data: bytes, count: int, statuses: "array[int]") -> None:
    found = ctypes.c_size_t(0)
    slots = (ctypes.c_int32 * count).from_buffer(statuses)
    status = _check_many(data, len(data), _SEPARATOR, slots, count, ctypes.byref(found))
    if status != OK:
        raise error_for(status, BrnError)
    if found.value != count:
        raise RuntimeError(f"smartbill_brn_check_many saw {found.value} numbers, {count} were sent")


def _check_items_holding_separator(items: Sequence[object], statuses: "array[int]") -> None:
    """The rare batch where some items hold the separator byte: those are
    checked one by one, exactly as the batch would check them; the rest go
    in one batch."""
    data = [to_bytes(item, f"numbers[{i}]") for i, item in enumerate(items)]
    plain = [i for i, item in enumerate(data) if _SEPARATOR_BYTES not in item]
    for i, item in enumerate(data):
        if _SEPARATOR_BYTES in item:
            statuses[i] = _check(item, len(item))
    if plain:
        plain_statuses = array(_INT32, bytes(4 * len(plain)))
        batch = _SEPARATOR_BYTES.join(data[i] for i in plain) + _SEPARATOR_BYTES
        _check_batch(batch, len(plain), plain_statuses)
        for i, status in zip(plain, plain_statuses):
            statuses[i] = status


__all__ = ["validate_brn", "format_brn", "brn_kind", "is_valid_brn", "are_valid_brns", "check_brns"]
