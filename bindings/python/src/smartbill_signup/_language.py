"""The language of the library's messages: English (the default) or Korean.

The choice is per thread, like the errors: :func:`set_language` changes the
calling thread only, :func:`set_default_language` every thread that made
no choice of its own. An exception carries its message in the language its
thread had when the call failed; ``.status_name`` and ``.field`` are the
same in every language.

>>> import smartbill_signup as sb
>>> sb.set_language("ko")
>>> try:
...     sb.validate_brn('124-81-00997')
... except sb.BrnError as e:
...     print(e)
...     print(e.status_name, e.field)
BRN_CHECKSUM: 사업자등록번호 "124-81-00997": 검증번호가 맞지 않습니다(입력 7, 올바른 값 8)
BRN_CHECKSUM None
>>> sb.status_description("BRN_CHECKSUM")
'사업자등록번호의 검증번호가 맞지 않습니다.'
>>> sb.status_description("BRN_CHECKSUM", language="en")
"A business number's check digit is wrong."
>>> sb.set_language("")
>>> sb.language()
'en'
"""

from __future__ import annotations

import ctypes
from typing import Dict, Optional, Union

from . import _abi
from ._errors import SmartbillError, error_for, status_name
from ._native import declare
from ._text import OK, call_out, to_bytes

_set_language = declare("smartbill_set_language")
_set_default_language = declare("smartbill_set_default_language")
_language = declare("smartbill_language")
_status_description = declare("smartbill_status_description")

# Status names to numbers, from the generated header constants.
_NUMBERS: Dict[str, int] = {
    ("OK" if name == "SMARTBILL_OK" else name[len("SMARTBILL_ERR_") :]): value
    for name, value in vars(_abi).items()
    if name == "SMARTBILL_OK" or name.startswith("SMARTBILL_ERR_")
}


def set_language(language: str) -> None:
    """Sets the language of the messages made on the calling thread:
    ``"ko"`` (Korean) or ``"en"`` (English); ``""`` makes the thread follow
    the process default again. Other threads are not affected. An unknown
    language raises :class:`SmartbillError` (``INVALID_ARGUMENT``)."""
    data = to_bytes(language, "language")
    status = _set_language(data, len(data))
    if status != OK:
        raise error_for(status)


def set_default_language(language: str) -> None:
    """Sets the process default language (``"ko"`` or ``"en"``; English
    until set), which every thread without its own choice follows."""
    data = to_bytes(language, "language")
    status = _set_default_language(data, len(data))
    if status != OK:
        raise error_for(status)


def language() -> str:
    """The language of the messages the calling thread makes now:
    ``"en"`` or ``"ko"``."""
    code: bytes = _language()
    return code.decode("ascii")


def status_description(status: Union[str, int], language: Optional[str] = None) -> str:
    """A one-line description of a status, for a user's screen, in
    ``language`` (``"ko"`` or ``"en"``; ``None``: the calling thread's).
    ``status`` is a name (``"BRN_CHECKSUM"``, as ``SmartbillError.status_name``
    gives it) or a number; a name the library does not have raises
    ``ValueError``."""
    if isinstance(status, str):
        if status not in _NUMBERS:
            raise ValueError(f"unknown status name {status!r}")
        number = _NUMBERS[status]
    else:
        number = int(status)
    code = None if language is None else to_bytes(language, "language")
    length = 0 if code is None else len(code)
    result, text = call_out(_status_description, number, code, length, 0, capacity=256)
    if result != OK:
        # The call never replaces the thread's last error (it may be the
        # one being described), so its own failure has only its status.
        name = status_name(result)
        raise SmartbillError(name, result, name, "language")
    return text.decode("utf-8")


__all__ = [
    "set_language",
    "set_default_language",
    "language",
    "status_description",
    "SmartbillError",
]
