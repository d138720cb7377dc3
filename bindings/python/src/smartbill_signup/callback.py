"""The callback SmartBill POSTs to the ERP after a signup: who sent it, and
what it says.

SmartBill's callback carries no signature; the only protection is its
source address, so check the TCP peer first, then parse the raw body.

>>> import smartbill_signup as sb
>>> sb.callback_source_allowed('183.111.188.210')           # production
True
>>> sb.callback_source_allowed('58.181.27.5', environment='demo')
True
>>> sb.callback_source_allowed('203.0.113.10', extra_ips=['203.0.113.10'])
True
>>> body = (b'{"USER_SBID":"test1","COM_REGNO":"1111111111","regYn":"Y",'
...         b'"AUTH_CODE":"13F89DFEK99D4474A67EABE8F7258AA5","AUTH_TOKEN":"dG9rZW4="}')
>>> cb = sb.parse_callback(body)
>>> cb.user_sbid, cb.com_regno, cb.reg_yn, cb.com_name
('test1', '1111111111', 'Y', None)
>>> cb.com_regno_valid          # the guide's own sample fails the checksum
False
>>> cb.get('regyn'), cb.get('SBID')
('Y', 'test1')
>>> cb                          # never shows the auth code or token
Callback(user_sbid='test1', com_regno='1111111111', com_regno_valid=False, keys=('USER_SBID', 'COM_REGNO', 'regYn', 'AUTH_CODE', 'AUTH_TOKEN'))
>>> sb.parse_callback(b'{"USER_SBID":"test1","COM_REGNO":"1248100998","AUTH_CODE":"x"}')
Traceback (most recent call last):
    ...
smartbill_signup.CallbackError: CALLBACK_MISSING: required key AUTH_TOKEN is absent
"""

from __future__ import annotations

import ctypes
from typing import Any, Dict, Iterable, Optional, Tuple, Union

from ._errors import CallbackError, error_for
from ._native import CALLBACK, declare
from ._text import OK, OutBuffer, TextIn, call_out, to_bytes

_parse = declare("smartbill_callback_parse")
_get = declare("smartbill_callback_get")
_has = declare("smartbill_callback_has")
_com_regno_valid = declare("smartbill_callback_com_regno_valid")
_key_count = declare("smartbill_callback_key_count")
_key_name = declare("smartbill_callback_key_name")
_free = declare("smartbill_callback_free")
_source_allowed = declare("smartbill_callback_source_allowed")

_UTF8 = 0  # SMARTBILL_TEXT_UTF8: keys and values as UTF-8
_SIZE_MAX = 2 ** (8 * ctypes.sizeof(ctypes.c_size_t)) - 1


def _check(status: int) -> None:
    if status != OK:
        raise error_for(status, CallbackError)


def _text(function: Any, *args: Any) -> str:
    status, out = call_out(function, *args)
    _check(status)
    return out.decode("utf-8")


def _has_key(handle: Any, key: bytes) -> bool:
    present = ctypes.c_int32(0)
    _check(_has(handle, key, len(key), _UTF8, ctypes.byref(present)))
    return present.value == 1


class _Parsed:
    """A native callback handle for the duration of a ``with`` block."""

    def __init__(self, body: bytes, max_bytes: int) -> None:
        self.handle = CALLBACK()
        _check(_parse(body, len(body), max_bytes, ctypes.byref(self.handle)))

    def __enter__(self) -> Any:
        return self.handle

    def __exit__(self, *exc: object) -> None:
        _free(self.handle)


def _value_property(key: str, doc: str) -> Any:
    return property(lambda self: self._values.get(key), doc=doc)


class Callback:
    """A parsed callback: plain immutable values, no native handle.

    The attributes hold the current keys' values (trimmed), ``None`` when
    the body did not give the key (or gave ``null``); ``user_sbid``,
    ``com_regno``, ``auth_code`` and ``auth_token`` are always present.
    The older guide's keys land in the same places (``SBID`` in
    ``user_sbid``, ``Email`` in ``user_email``, ``pID`` in
    ``erp_user_id``). ``repr`` and ``str`` never show the values, only
    ``user_sbid``, ``com_regno`` and the key names: the auth code and token
    are secrets, and the rest is personal data.
    """

    __slots__ = ("_values", "_keys", "_com_regno_valid", "_body", "_max_bytes")

    _values: Dict[str, str]
    _keys: Tuple[str, ...]
    _com_regno_valid: bool
    _body: bytes
    _max_bytes: int

    user_sbid = _value_property("USER_SBID", "``USER_SBID`` (or ``SBID``): the SmartBill ID.")
    user_name = _value_property("USER_NAME", "``USER_NAME``.")
    user_email = _value_property("USER_EMAIL", "``USER_EMAIL`` (or ``Email``).")
    user_phone = _value_property("USER_PHONE", "``USER_PHONE``.")
    com_regno = _value_property("COM_REGNO", "``COM_REGNO`` as received; see ``com_regno_valid``.")
    com_name = _value_property("COM_NAME", "``COM_NAME``.")
    com_president = _value_property("COM_PRESIDENT", "``COM_PRESIDENT``.")
    com_address = _value_property("COM_ADDRESS", "``COM_ADDRESS``.")
    reg_yn = _value_property("regYn", "``regYn`` (any case): ``'Y'`` or ``'N'`` as sent.")
    auth_code = _value_property("AUTH_CODE", "``AUTH_CODE``: a secret, for SmartBill's Open API.")
    auth_token = _value_property("AUTH_TOKEN", "``AUTH_TOKEN``: a secret, for SmartBill's Open API.")
    erp_user_id = _value_property("pID", "``pID``: the ERP's user ID (the older guide's callback).")

    def __init__(self) -> None:
        raise TypeError("use parse_callback(body) to make a Callback")

    @classmethod
    def _make(cls, values: Dict[str, str], keys: Tuple[str, ...], valid: bool, body: bytes, max_bytes: int) -> "Callback":
        self = object.__new__(cls)
        for name, value in (
            ("_values", values),
            ("_keys", keys),
            ("_com_regno_valid", valid),
            ("_body", body),
            ("_max_bytes", max_bytes),
        ):
            object.__setattr__(self, name, value)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Callback is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("a Callback is read-only")

    @property
    def com_regno_valid(self) -> bool:
        """Whether ``COM_REGNO`` passes the business-number rules. A failing
        number does not stop the callback (the guide's own sample fails):
        store it and flag it."""
        return self._com_regno_valid

    def get(self, key: TextIn) -> Optional[str]:
        """The value of any key, in any ASCII case, surrounding whitespace
        ignored: current names, the older ``SBID``, ``Email`` and ``pID``,
        and keys the library does not know. ``None`` when absent or null."""
        if isinstance(key, str) and key in self._values:
            return self._values[key]
        # Spellings other than the canonical one: ask the library, from the
        # body it parsed before.
        name = to_bytes(key, "key")
        with _Parsed(self._body, self._max_bytes) as handle:
            if not _has_key(handle, name):
                return None
            return _text(_get, handle, name, len(name), _UTF8)

    def keys(self) -> Tuple[str, ...]:
        """The keys with a value, in body order: canonical names for known
        keys (``USER_SBID`` for ``SBID``, ``regYn`` for ``REGYN``), unknown
        ones as written."""
        return self._keys

    def to_dict(self) -> Dict[str, str]:
        """Every key with its value, secrets included: keep it out of logs."""
        return {key: self._values[key] for key in self._keys}

    def __contains__(self, key: object) -> bool:
        return isinstance(key, (str, bytes, bytearray, memoryview)) and self.get(key) is not None

    def __repr__(self) -> str:
        return (
            f"Callback(user_sbid={self.user_sbid!r}, com_regno={self.com_regno!r}, "
            f"com_regno_valid={self._com_regno_valid!r}, keys={self._keys!r})"
        )


def _read_all(handle: Any) -> Tuple[Dict[str, str], Tuple[str, ...], bool]:
    count = ctypes.c_size_t(0)
    _check(_key_count(handle, ctypes.byref(count)))
    values: Dict[str, str] = {}
    out = OutBuffer()
    for index in range(count.value):
        status, raw_name = out.call(_key_name, handle, index, _UTF8)
        _check(status)
        name = raw_name.decode("utf-8")
        # Keys are stored trimmed and are unique in any case; only a blank
        # key (never in SmartBill's bodies) cannot be asked for: left out.
        if not name:
            continue
        status, value = out.call(_get, handle, raw_name, len(raw_name), _UTF8)
        _check(status)
        values[name] = value.decode("utf-8")
    valid = ctypes.c_int32(0)
    _check(_com_regno_valid(handle, ctypes.byref(valid)))
    return values, tuple(values), valid.value == 1


def callback_from_handle(handle: Any, body: bytes) -> Callback:
    """The :class:`Callback` behind a native handle made from ``body``
    (a receiver's record)."""
    values, keys, valid = _read_all(handle)
    return Callback._make(values, keys, valid, body, max(len(body), 65536))


def _limit(max_bytes: Optional[int]) -> int:
    if max_bytes is None:
        return 0  # the library's default, 64 KiB
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise TypeError(f"max_bytes must be int or None, not {type(max_bytes).__name__}")
    if not 0 < max_bytes <= _SIZE_MAX:
        raise ValueError(f"max_bytes must be a positive number of bytes, not {max_bytes}")
    return max_bytes


def parse_callback(body: TextIn, max_bytes: Optional[int] = None) -> Callback:
    """Parse the raw body SmartBill POSTed (bytes as received, or ``str``).

    ``max_bytes`` is the size limit (``None``: the library's 64 KiB); read
    at most ``max_bytes + 1`` bytes from the request and pass them all, so
    that a larger body is refused as ``CALLBACK_TOO_LARGE``.

    Raises ``CallbackError``: ``CALLBACK_TOO_LARGE``, ``INVALID_TEXT`` (not
    UTF-8), ``CALLBACK_JSON`` (with line, column and byte),
    ``CALLBACK_SHAPE`` (not an object of strings, or a key given twice in
    any spelling), ``CALLBACK_MISSING`` (``USER_SBID``, ``COM_REGNO``,
    ``AUTH_CODE`` or ``AUTH_TOKEN`` absent or blank; ``.field`` names it).
    Messages never contain the auth code or token.
    """
    data = to_bytes(body, "body")
    limit = _limit(max_bytes)
    with _Parsed(data, limit) as handle:
        values, keys, valid = _read_all(handle)
    return Callback._make(values, keys, valid, data, limit)


def callback_source_allowed(
    ip: TextIn, environment: str = "production", extra_ips: Union[str, Iterable[str]] = ()
) -> bool:
    """Whether a request from ``ip`` (the TCP peer address, never a header
    such as ``X-Forwarded-For``) may deliver a callback: SmartBill's address
    for ``environment`` (``'production'``: 183.111.188.210, ``'demo'``:
    58.181.27.5; a base URL has none) or one of ``extra_ips`` (a list, or
    one string separated by commas, semicolons, spaces or newlines), so a
    new SmartBill server needs only configuration.

    Anything that is not exactly an address is simply not allowed. Raises
    ``CallbackError`` (``INVALID_ARGUMENT``) for an unknown environment or
    a malformed extra address: a configuration error, not a refusal.
    """
    address = to_bytes(ip, "ip")
    env = to_bytes(environment, "environment")
    if isinstance(extra_ips, str):
        extras = extra_ips.encode("utf-8", "surrogatepass")
    elif isinstance(extra_ips, (bytes, bytearray, memoryview)):
        raise TypeError("extra_ips must be a str or an iterable of str, not bytes")
    else:
        items = list(extra_ips)
        for i, item in enumerate(items):
            if not isinstance(item, str):
                raise TypeError(f"extra_ips[{i}] must be str, not {type(item).__name__}")
        extras = ",".join(items).encode("utf-8", "surrogatepass")
    allowed = ctypes.c_int32(0)
    _check(_source_allowed(env, len(env), address, len(address), extras, len(extras), ctypes.byref(allowed)))
    return allowed.value == 1


__all__ = ["Callback", "parse_callback", "callback_source_allowed"]
