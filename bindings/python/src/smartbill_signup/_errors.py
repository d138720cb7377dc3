"""The exceptions, built from the library's status and its per-thread last
error.

Every error carries the library's status number (``.status``), its name
without the ``SMARTBILL_ERR_`` prefix (``.status_name``, e.g.
``'BRN_CHECKSUM'``, from ``smartbill_status_name``), the parameter or key it
concerns (``.field``, or ``None``) and the library's message (``.message``).

>>> import smartbill_signup as sb
>>> try:
...     sb.validate_brn('124-81-00997')
... except sb.BrnError as e:
...     print(e.status_name, e.field, e.message)
BRN_CHECKSUM None business number "124-81-00997": check digit is 7, expected 8
"""

from __future__ import annotations

import functools
from typing import Any, Optional, Tuple, Type

from ._native import declare
from ._text import OK, call_out

_status_name = declare("smartbill_status_name")
_last_error = declare("smartbill_last_error")
_last_error_field = declare("smartbill_last_error_field")
_selftest_panic = declare("smartbill_selftest_panic")


class SmartbillError(Exception):
    """A call into the library failed; base of every error it reports."""

    __module__ = "smartbill_signup"

    def __init__(self, message: str, status: int, status_name: str, field: Optional[str] = None) -> None:
        # All four in args, so that the error pickles (multiprocessing).
        super().__init__(message, status, status_name, field)
        self.message = message
        self.status = status
        self.status_name = status_name
        self.field = field

    def __str__(self) -> str:
        return f"{self.status_name}: {self.message}"


class BrnError(SmartbillError):
    """A business number is not valid (``BRN_*``)."""

    __module__ = "smartbill_signup"


class FormError(SmartbillError):
    """A signup form parameter breaks its rule (``FIELD_*``)."""

    __module__ = "smartbill_signup"


class CallbackError(SmartbillError):
    """A callback body is not what SmartBill sends (``CALLBACK_*``)."""

    __module__ = "smartbill_signup"


class HttpError(SmartbillError):
    """A request to SmartBill or to a callback URL failed (``HTTP_*``)."""

    __module__ = "smartbill_signup"


class ReceiverError(SmartbillError):
    """The callback receiver or its store failed (``RECEIVER_*``,
    ``STORE``, ``STORE_NETWORK_PATH``, ``RECORD_UNKNOWN``)."""

    __module__ = "smartbill_signup"


# Translation of the library's name prefixes to exception classes.
_PREFIX_CLASSES: Tuple[Tuple[str, Type[SmartbillError]], ...] = (
    ("BRN_", BrnError),
    ("FIELD_", FormError),
    ("CALLBACK_", CallbackError),
    ("HTTP_", HttpError),
    ("RECEIVER_", ReceiverError),
    ("STORE", ReceiverError),
    ("RECORD_", ReceiverError),
)


@functools.lru_cache(maxsize=None)
def status_name(status: int) -> str:
    """The library's name for a status: ``'OK'``, ``'BRN_CHECKSUM'``, ...;
    ``'UNKNOWN'`` for a number it does not know."""
    name: bytes = _status_name(status)
    return name.decode("ascii")


def error_class(name: str, default: Type[SmartbillError]) -> Type[SmartbillError]:
    """The class for a status name: by its prefix (``BRN_`` -> ``BrnError``,
    ...); otherwise ``default``, the class of the calling function's domain
    (so bad text given to ``validate_brn`` is a ``BrnError`` too), except
    for ``INTERNAL``, a bug in the library, which belongs to no domain."""
    for prefix, cls in _PREFIX_CLASSES:
        if name.startswith(prefix):
            return cls
    return SmartbillError if name == "INTERNAL" else default


def _read_last(function: Any) -> str:
    status, text = call_out(function)
    return text.decode("utf-8", "replace") if status == OK else ""


def last_error() -> Tuple[str, Optional[str]]:
    """This thread's last error message and field (``None`` when the error
    concerns no single field)."""
    message = _read_last(_last_error)
    field = _read_last(_last_error_field)
    return message, field or None


def error_for(status: int, default: Type[SmartbillError] = SmartbillError) -> SmartbillError:
    """The exception for a failed call's ``status``. Call it right after the
    failing call, on the same thread: it reads that thread's last error."""
    message, field = last_error()
    name = status_name(status)
    return error_class(name, default)(message or name, status, name, field)


def selftest_panic() -> None:
    """Makes the library panic on purpose; raises the ``INTERNAL`` error it
    returns, proving that a panic never crosses into Python."""
    status = _selftest_panic()
    if status != OK:
        raise error_for(status)


__all__ = [
    "SmartbillError",
    "BrnError",
    "FormError",
    "CallbackError",
    "HttpError",
    "ReceiverError",
    "status_name",
    "error_for",
    "last_error",
]
