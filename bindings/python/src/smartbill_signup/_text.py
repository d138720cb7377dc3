"""Text across the boundary: arguments in as bytes with their length,
results out through caller-owned buffers.

Inputs may be ``str`` (sent as UTF-8) or bytes-like (sent as they are). A
``str`` holding lone surrogates is sent as the bytes Python would write for
them, so the library, not this wrapper, reports it as ``INVALID_TEXT``.
"""

from __future__ import annotations

import ctypes
from typing import Any, Tuple, Union

TextIn = Union[str, bytes, bytearray, memoryview]

OK = 0  # SMARTBILL_OK: the one status number the ABI fixes for every caller

# Large enough for every short result (numbers, names); longer ones retry once.
_FIRST_CAPACITY = 64


def to_bytes(value: Any, name: str) -> bytes:
    """``value`` as the bytes to send, or ``TypeError`` naming ``name``."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"{name} must be str or bytes, not {type(value).__name__}")


def call_out(function: Any, *args: Any, capacity: int = _FIRST_CAPACITY) -> Tuple[int, bytes]:
    """Calls ``function(*args, buf, cap, &out_len)`` and returns its status
    and, when it is OK, the bytes written.

    Follows the ABI's size protocol: when the library reports a length
    larger than ``cap`` (``BUFFER_TOO_SMALL``, nothing written), the call is
    made once more with room for exactly that length and the NUL.
    ``capacity`` is the first buffer's size: a good guess saves the second
    call for long results such as pages.
    """
    for _ in range(2):
        buf = ctypes.create_string_buffer(capacity)
        needed = ctypes.c_size_t(0)
        status = function(*args, buf, capacity, ctypes.byref(needed))
        if status == OK:
            return status, buf.raw[: needed.value]
        if needed.value <= capacity:
            break
        capacity = needed.value + 1
    return status, b""


class OutBuffer:
    """One output buffer reused across many calls (reading every key of a
    callback), growing when the library asks for more room."""

    def __init__(self, capacity: int = 256) -> None:
        self._grow(capacity)
        self._length = ctypes.c_size_t(0)
        self._length_ref = ctypes.byref(self._length)

    def _grow(self, capacity: int) -> None:
        self._capacity = capacity
        self._buffer = ctypes.create_string_buffer(capacity)

    def call(self, function: Any, *args: Any) -> Tuple[int, bytes]:
        """As :func:`call_out`, into this buffer."""
        for _ in range(2):
            status = function(*args, self._buffer, self._capacity, self._length_ref)
            if status == OK:
                return status, ctypes.string_at(self._buffer, self._length.value)
            if self._length.value <= self._capacity:
                break
            self._grow(self._length.value + 1)
        return status, b""
