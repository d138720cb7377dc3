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
import struct
from array import array
from itertools import accumulate
from typing import Iterable, List, Sequence

from ._errors import BrnError, error_for, status_name
from ._native import declare
from ._text import OK, TextIn, call_out, to_bytes

_check = declare("smartbill_brn_check")
_normalize = declare("smartbill_brn_normalize")
_format = declare("smartbill_brn_format")
_kind = declare("smartbill_brn_kind")
# The batch: one pointer and one length per number, no separator to choose.
_check_array = declare("smartbill_brn_check_array")
# Numbers in one buffer, each ended by a separator byte (a file's lines).
_check_many = declare("smartbill_brn_check_many")

_INT32 = "i" if array("i").itemsize == 4 else "l"
# struct codes for pointers (unsigned) and ptrdiff_t lengths (signed): 8
# bytes in a 64-bit process, 4 in a 32-bit one. struct.pack fills such an
# array several times faster than array.array does.
_WIDE = ctypes.sizeof(ctypes.c_void_p) == 8
_ADDRESS, _LENGTH = ("Q", "q") if _WIDE else ("I", "i")
_ITEMS = ctypes.POINTER(ctypes.c_char_p)
_LENGTHS = ctypes.POINTER(ctypes.c_ssize_t)


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
    """Whether each number is valid, in order, checked in one native call."""
    return [not status for status in _statuses(numbers)]  # OK is 0


def check_brns(numbers: Iterable[TextIn]) -> List[str]:
    """The status name of each number (``'OK'``, ``'BRN_CHECKSUM'``, ...),
    in order, checked as by ``are_valid_brns``."""
    statuses = _statuses(numbers)
    # Each distinct status named once (a batch holds a handful of them).
    names = {code: status_name(code) for code in set(statuses)}
    return list(map(names.__getitem__, statuses))


def check_brn_lines(data: bytes, separator: bytes = b"\n") -> List[str]:
    """The status name of each number in ``data`` (bytes, read as UTF-8),
    where every number is ended by the byte ``separator`` (the last may
    omit it; two in a row make an empty item): a file's lines checked in
    one native call, without a list of numbers.

    >>> import smartbill_signup as sb
    >>> sb.check_brn_lines(b'124-81-00998\\r\\n123-45-67890\\r\\n')
    ['OK', 'BRN_CHECKSUM']
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"data must be bytes, not {type(data).__name__}")
    if not isinstance(separator, bytes) or len(separator) != 1:
        raise ValueError("separator must be one byte, such as b'\\n'")
    raw = bytes(data)
    capacity = raw.count(separator) + 1  # at least the number of items
    statuses = array(_INT32, bytes(4 * capacity))
    found = ctypes.c_size_t(0)
    slots = (ctypes.c_int32 * capacity).from_buffer(statuses)
    status = _check_many(raw, len(raw), separator[0], slots, capacity, ctypes.byref(found))
    if status != OK:
        raise error_for(status, BrnError)
    return [status_name(s) for s in statuses[: found.value]]


def _statuses(numbers: Iterable[TextIn]) -> "array[int]":
    """Every number's status from one native call: the numbers' bytes lie
    one after another in one buffer, and the library gets each one's
    address and length (so any byte, NUL included, may be in a number)."""
    if isinstance(numbers, (str, bytes, bytearray, memoryview)):
        raise TypeError("numbers must be an iterable of numbers, not a single number")
    items: Sequence[object] = numbers if type(numbers) is list else list(numbers)
    count = len(items)
    statuses = array(_INT32, bytes(4 * count))
    if count == 0:
        return statuses
    try:
        joined = "".join(items)  # type: ignore[arg-type]
    except TypeError:  # not all str
        joined = None
    if joined is not None and joined.isascii():
        # The usual case: one character is one byte.
        data = joined.encode("ascii")
        lengths = list(map(len, items))  # type: ignore[arg-type]
    else:
        encoded = [to_bytes(item, f"numbers[{i}]") for i, item in enumerate(items)]
        data = b"".join(encoded)
        lengths = list(map(len, encoded))
    # Each number's address in `data` and its length, as C arrays. The
    # bytes objects stay referenced until the call returns.
    base = ctypes.cast(ctypes.c_char_p(data), ctypes.c_void_p).value or 0
    addresses = struct.pack(f"{count + 1}{_ADDRESS}", *accumulate(lengths, initial=base))
    sizes = struct.pack(f"{count}{_LENGTH}", *lengths)
    status = _check_array(
        ctypes.cast(ctypes.c_char_p(addresses), _ITEMS),
        ctypes.cast(ctypes.c_char_p(sizes), _LENGTHS),
        count,
        (ctypes.c_int32 * count).from_buffer(statuses),
    )
    if status != OK:
        raise error_for(status, BrnError)
    return statuses


__all__ = ["validate_brn", "format_brn", "brn_kind", "is_valid_brn", "are_valid_brns", "check_brns", "check_brn_lines"]
