"""The embedded callback receiver: SmartBill's callback endpoint without a
web server, running on background threads of this process. Every rule of
the endpoint is the library's (source address, method, path, size,
timeouts, parsing); each callback is committed to a SQLite store before
SmartBill gets its 200, and handed to the ERP here at least once.

>>> import smartbill_signup as sb, tempfile, os
>>> folder = tempfile.mkdtemp()
>>> store = os.path.join(folder, "callbacks.db")
>>> with sb.Receiver(store, "127.0.0.1", 0, environment="http://127.0.0.1:1",
...                  extra_ips=["127.0.0.1"]) as receiver:
...     body = {"USER_SBID": "test1", "COM_REGNO": "1248100998", "AUTH_CODE": "C", "AUTH_TOKEN": "T"}
...     sb.send_callback(receiver.url, body, proxy="off").status
...     record = receiver.next(timeout=5)
...     record.callback.user_sbid, str(record.id), record.peer
...     receiver.ack(record.id)
...     receiver.next() is None
200
('test1', '1.1', '127.0.0.1')
True
"""

from __future__ import annotations

import ctypes
import datetime
import os
from typing import Any, Iterable, Mapping, NamedTuple, Optional, Tuple, Union

from ._errors import ReceiverError, error_for
from ._native import CALLBACK, RECEIVER, RECEIVER_OPTIONS, RECORD, declare
from ._text import OK, call_out, to_bytes
from .callback import Callback, callback_from_handle

_options_new = declare("smartbill_receiver_options_new")
_options_set = declare("smartbill_receiver_options_set")
_options_free = declare("smartbill_receiver_options_free")
_start = declare("smartbill_receiver_start")
_open_store = declare("smartbill_receiver_open_store")
_port = declare("smartbill_receiver_port")
_url = declare("smartbill_receiver_url")
_next = declare("smartbill_receiver_next")
_ack = declare("smartbill_receiver_ack")
_ack_id = declare("smartbill_receiver_ack_id")
_counts = declare("smartbill_receiver_counts")
_stop = declare("smartbill_receiver_stop")
_free = declare("smartbill_receiver_free")
_record_id = declare("smartbill_record_id")
_record_callback = declare("smartbill_record_callback")
_record_peer = declare("smartbill_record_peer")
_record_received_at = declare("smartbill_record_received_at")
_record_body = declare("smartbill_record_body")
_record_free = declare("smartbill_record_free")
_callback_free = declare("smartbill_callback_free")

_UTF8 = 0
_MAX_MS = 2**32 - 1
PathLike = Union[str, "os.PathLike[str]"]


def _check(status: int) -> None:
    if status != OK:
        raise error_for(status, ReceiverError)


def _milliseconds(seconds: float, name: str) -> int:
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise TypeError(f"{name} must be a number of seconds, not {type(seconds).__name__}")
    if not 0 <= seconds <= _MAX_MS / 1000:
        raise ValueError(f"{name} must be between 0 and {_MAX_MS // 1000} seconds, not {seconds}")
    return int(round(seconds * 1000))


def _text_value(value: Any, name: str) -> str:
    """An option value as the library's text: paths and numbers as text,
    lists of addresses joined with commas."""
    if isinstance(value, bool):
        raise TypeError(f"{name} must not be a bool")
    if isinstance(value, (str, int)):
        return str(value)
    if isinstance(value, os.PathLike):
        path: str = os.fspath(value)
        return path
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError(f"{name} must be str, not bytes")
    items = list(value)
    if not all(isinstance(item, str) for item in items):
        raise TypeError(f"{name} must be a str or an iterable of str")
    return ",".join(items)


class RecordId(NamedTuple):
    """A record and the version of its content handed out: what an
    acknowledgement names. ``str(record_id)`` is ``'number.version'``."""

    number: int
    version: int

    def __str__(self) -> str:
        return f"{self.number}.{self.version}"


class Record:
    """One stored callback, as :meth:`Receiver.next` hands it out. ``repr``
    never shows the auth code, the token or the body."""

    __slots__ = ("id", "callback", "peer", "received_at", "body")

    id: RecordId
    callback: Callback
    """The usual :class:`Callback`."""
    peer: str
    """The address that delivered this version."""
    received_at: datetime.datetime
    """When this version arrived (UTC, timezone-aware)."""
    body: bytes
    """The body exactly as received (it holds the secrets)."""

    def __init__(self, record_id: RecordId, callback: Callback, peer: str, received_at: datetime.datetime, body: bytes):
        self.id = record_id
        self.callback = callback
        self.peer = peer
        self.received_at = received_at
        self.body = body

    def __repr__(self) -> str:
        return (
            f"Record(id={str(self.id)!r}, callback={self.callback!r}, peer={self.peer!r}, "
            f"received_at={self.received_at.isoformat()!r}, body=<{len(self.body)} bytes>)"
        )


def _read_record(handle: Any) -> Record:
    number, version = ctypes.c_int64(0), ctypes.c_int64(0)
    _check(_record_id(handle, ctypes.byref(number), ctypes.byref(version)))
    status, peer = call_out(_record_peer, handle, _UTF8)
    _check(status)
    at = ctypes.c_int64(0)
    _check(_record_received_at(handle, ctypes.byref(at)))
    status, body = call_out(_record_body, handle, capacity=1024)
    _check(status)
    callback = CALLBACK()
    _check(_record_callback(handle, ctypes.byref(callback)))
    try:
        parsed = callback_from_handle(callback, body)
    finally:
        _callback_free(callback)
    received_at = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(
        milliseconds=at.value
    )
    return Record(RecordId(number.value, version.value), parsed, peer.decode("utf-8"), received_at, body)


class _Options:
    """A native options handle for the duration of a ``with`` block."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.handle = RECEIVER_OPTIONS()
        _check(_options_new(ctypes.byref(self.handle)))
        try:
            for name, value in settings.items():
                if value is None:
                    continue
                key = name.encode("utf-8")
                text = _text_value(value, name).encode("utf-8", "surrogatepass")
                _check(_options_set(self.handle, key, len(key), text, len(text)))
        except BaseException:
            _options_free(self.handle)
            raise

    def __enter__(self) -> Any:
        return self.handle

    def __exit__(self, *exc: object) -> None:
        _options_free(self.handle)


class Receiver:
    """SmartBill's callback endpoint on ``host``:``port`` (both required:
    ``'0.0.0.0'`` for every interface, ``'127.0.0.1'`` for this machine
    only; port 0 picks a free one, see :attr:`port`), storing into the
    SQLite file ``store`` (created owner-only; refused on a network share).

    ``environment`` (``'production'``, ``'demo'`` or a base URL) and
    ``extra_ips`` say who may deliver; ``path``, ``max_bytes``,
    ``tls_cert``/``tls_key`` (PEM files: https) as named. ``options`` sets
    any other receiver option by its library name (``trusted_proxies``,
    ``header_timeout_ms``, ``body_timeout_ms``, ``max_connections``,
    ``lease_seconds``, ``retention_days``, ``log_file``).

    Raises :class:`ReceiverError` (``RECEIVER_BIND``, ``RECEIVER_TLS``,
    ``STORE``, ``STORE_NETWORK_PATH``, ``INVALID_ARGUMENT`` naming the
    option in ``.field``). Use it as a context manager, or call
    :meth:`close`; a receiver dropped without either is told to stop but
    never waited for.
    """

    def __init__(
        self,
        store: PathLike,
        host: str,
        port: int,
        *,
        environment: str = "production",
        extra_ips: Union[str, Iterable[str]] = (),
        path: str = "/smartbill/callback",
        max_bytes: int = 65536,
        tls_cert: Optional[PathLike] = None,
        tls_key: Optional[PathLike] = None,
        options: Optional[Mapping[str, Any]] = None,
    ) -> None:
        self._handle: Any = None
        if isinstance(port, bool) or not isinstance(port, int):
            raise TypeError(f"port must be int, not {type(port).__name__}")
        settings = {
            "store": store,
            "host": host,
            "port": port,
            "environment": environment,
            "extra_ips": extra_ips,
            "path": path,
            "max_bytes": max_bytes,
            "tls_cert": tls_cert,
            "tls_key": tls_key,
        }
        settings.update(options or {})
        handle = RECEIVER()
        with _Options(settings) as native:
            _check(_start(native, ctypes.byref(handle)))
        self._handle = handle
        self._served = True

    @classmethod
    def open_store(
        cls, store: PathLike, *, lease_seconds: Optional[int] = None, retention_days: Optional[int] = None
    ) -> "Receiver":
        """The store alone, without a server: a batch, or a second process,
        drains what a receiver stored. Two handles never get the same record
        at once. :attr:`port` and :attr:`url` are ``None``."""
        self = object.__new__(cls)
        self._handle = None
        path = os.fspath(store).encode("utf-8", "surrogatepass")
        handle = RECEIVER()
        with _Options({"lease_seconds": lease_seconds, "retention_days": retention_days}) as native:
            _check(_open_store(path, len(path), native, ctypes.byref(handle)))
        self._handle = handle
        self._served = False
        return self

    def _live(self) -> Any:
        if not self._handle:
            raise ValueError("the receiver is closed")
        return self._handle

    @property
    def port(self) -> Optional[int]:
        """The port listened on (the one chosen for port 0); ``None`` for a
        store opened without a server."""
        if not self._served:
            return None
        port = ctypes.c_uint16(0)
        _check(_port(self._live(), ctypes.byref(port)))
        return port.value

    @property
    def url(self) -> Optional[str]:
        """A URL reaching the receiver from this machine (an unspecified host
        shows as loopback). Register your public host name, the forwarded
        port and this path with SmartBill."""
        if not self._served:
            return None
        status, text = call_out(_url, self._live(), _UTF8, capacity=256)
        _check(status)
        return text.decode("utf-8")

    def next(self, timeout: float = 0.0) -> Optional[Record]:
        """The oldest pending record, reserved for this handle, waiting up
        to ``timeout`` seconds for one; ``None`` when none came. Acknowledge
        it with :meth:`ack` once saved: an unacknowledged record is handed
        out again after its lease (60 s) and after a restart."""
        ms = _milliseconds(timeout, "timeout")
        record = RECORD()
        _check(_next(self._live(), ms, ctypes.byref(record)))
        if not record:
            return None
        try:
            return _read_record(record)
        finally:
            _record_free(record)

    def ack(self, record: Union[Record, RecordId, Tuple[int, int]]) -> None:
        """Acknowledges the version of the record the ERP read (a
        :class:`Record` or its ``id``). A newer version stays pending.
        ``RECORD_UNKNOWN`` when the record is no longer in the store."""
        record_id = record.id if isinstance(record, Record) else RecordId(*record)
        _check(_ack_id(self._live(), record_id.number, record_id.version))

    def counts(self) -> Tuple[int, int]:
        """How many records the store holds, and how many are pending."""
        records, pending = ctypes.c_uint64(0), ctypes.c_uint64(0)
        _check(_counts(self._live(), ctypes.byref(records), ctypes.byref(pending)))
        return records.value, pending.value

    def stop(self, timeout: float = 10.0) -> None:
        """Stops serving: the port closes, requests in flight finish (up to
        ``timeout`` seconds), the receiver's threads end. The store stays
        usable (:meth:`next`, :meth:`ack`). Safe to call again."""
        _check(_stop(self._live(), _milliseconds(timeout, "timeout")))

    def close(self) -> None:
        """:meth:`stop`, then releases the receiver. Safe to call again."""
        handle, self._handle = self._handle, None
        if handle:
            try:
                _check(_stop(handle, 10_000))
            finally:
                _free(handle)

    def __enter__(self) -> "Receiver":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        # Never waits for a thread (a finalizer must not): the native free
        # only tells a running receiver to stop.
        handle = getattr(self, "_handle", None)
        # At interpreter exit the module's globals may already be gone.
        if handle and _free is not None:
            self._handle = None
            _free(handle)

    def __repr__(self) -> str:
        if not self._handle:
            return "Receiver(closed)"
        if not self._served:
            return "Receiver(store only)"
        return f"Receiver(url={self.url!r})"


__all__ = ["Receiver", "Record", "RecordId"]
