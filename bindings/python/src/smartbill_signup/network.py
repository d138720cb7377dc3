"""Talking to SmartBill over HTTP: submit a signup form server-side, check
that this machine can reach SmartBill at all (the firewall question), and
play SmartBill's side against the ERP's own callback URL.

Every call is bounded by ``timeout`` (seconds, converted to the library's
milliseconds; a value that is not a positive number is a ``ValueError``).
``proxy`` is ``None`` (the ``HTTP_PROXY``/``HTTPS_PROXY``/``NO_PROXY``
environment variables), ``'off'`` (direct) or a proxy URL, with
``proxy_auth=(username, password)`` for basic credentials. Network
failures raise ``HttpError`` named by status (``HTTP_CONNECT``,
``HTTP_DNS``, ``HTTP_TIMEOUT``, ``HTTP_TLS``, ``HTTP_PROXY``,
``HTTP_PROTOCOL``, ``HTTP_TOO_LARGE``, ``HTTP_STATUS``), except in
:func:`probe` and :func:`probe_url`, whose answer they are. The calls block the calling thread
(not other threads) for at most ``timeout``.

>>> import smartbill_signup as sb
>>> result = sb.probe_url('http://127.0.0.1:9/health', timeout=2)   # nothing listens there
>>> result.reachable, result.status, result.error
(False, None, 'HTTP_CONNECT')
>>> sb.send_callback('http://127.0.0.1:9/callback', {'USER_SBID': 'test1'}, timeout=2)
Traceback (most recent call last):
    ...
smartbill_signup.HttpError: HTTP_CONNECT: ...
"""

from __future__ import annotations

import ctypes
import json
import math
from collections import abc
from typing import Any, Callable, Mapping, NamedTuple, Optional, Tuple, Union

from ._errors import HttpError, SmartbillError, error_for, last_error, status_name
from ._native import HTTP_OPTIONS, RESPONSE, declare
from ._text import OK, TextIn, call_out, to_bytes
from .form import SignupForm

_options_new = declare("smartbill_http_options_new")
_options_set = declare("smartbill_http_options_set")
_options_free = declare("smartbill_http_options_free")
_send_callback = declare("smartbill_http_send_callback")
_submit = declare("smartbill_http_submit")
_probe = declare("smartbill_http_probe")
_probe_url = declare("smartbill_http_probe_url")
_response_status = declare("smartbill_response_status")
_response_elapsed = declare("smartbill_response_elapsed_ms")
_response_body = declare("smartbill_response_body")
_response_body_raw = declare("smartbill_response_body_raw")
_response_content_type = declare("smartbill_response_content_type")
_response_free = declare("smartbill_response_free")

_UTF8 = 0  # SMARTBILL_TEXT_UTF8
_MAX_TIMEOUT_MS = 2**32 - 1
_BODY_CAPACITY = 16384

ProxyAuth = Optional[Tuple[str, str]]


def _check(status: int) -> None:
    if status != OK:
        raise error_for(status, HttpError)


def timeout_ms(seconds: float, name: str = "timeout") -> int:
    """Seconds as the library's whole milliseconds, rounded up so that a
    short timeout never becomes 0 (which the library refuses)."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise TypeError(f"{name} must be a number of seconds, not {type(seconds).__name__}")
    if not (math.isfinite(seconds) and seconds > 0):
        raise ValueError(f"{name} must be a positive number of seconds, not {seconds!r}")
    ms = math.ceil(seconds * 1000)
    if ms > _MAX_TIMEOUT_MS:
        raise ValueError(f"{name} must be at most {_MAX_TIMEOUT_MS // 1000} seconds, not {seconds!r}")
    return ms


class _Options:
    """Native HTTP options for the duration of a ``with`` block."""

    def __init__(
        self,
        proxy: Optional[str],
        proxy_auth: ProxyAuth = None,
        fail_on_status: bool = False,
        max_body_bytes: Optional[int] = None,
    ) -> None:
        settings = []
        if proxy is not None:
            settings.append(("proxy", proxy))
        if proxy_auth is not None:
            if not (isinstance(proxy_auth, tuple) and len(proxy_auth) == 2):
                raise TypeError("proxy_auth must be a (username, password) tuple")
            settings += [("proxy_username", proxy_auth[0]), ("proxy_password", proxy_auth[1])]
        if fail_on_status:
            settings.append(("fail_on_status", "yes"))
        if max_body_bytes is not None:
            if isinstance(max_body_bytes, bool) or not isinstance(max_body_bytes, int):
                raise TypeError(f"max_body_bytes must be int or None, not {type(max_body_bytes).__name__}")
            settings.append(("max_body_bytes", str(max_body_bytes)))
        self._settings = [(name, to_bytes(value, name)) for name, value in settings]
        self.handle = HTTP_OPTIONS()

    def __enter__(self) -> Any:
        _check(_options_new(ctypes.byref(self.handle)))
        try:
            for name, value in self._settings:
                key = name.encode("ascii")
                _check(_options_set(self.handle, key, len(key), value, len(value)))
        except BaseException:
            _options_free(self.handle)
            raise
        return self.handle

    def __exit__(self, *exc: object) -> None:
        _options_free(self.handle)


class Response:
    """An HTTP answer, read whole: the native response is already released.

    ``status`` (e.g. 200), ``content_type`` (``''`` when absent),
    ``content`` (the bytes as received), ``body`` (the text, decoded by the
    charset the ``Content-Type`` declares, UTF-8 when none), ``elapsed_ms``.
    """

    __slots__ = ("status", "content_type", "content", "elapsed_ms", "_body", "_body_error")

    status: int
    content_type: str
    content: bytes
    elapsed_ms: int

    def __init__(
        self,
        status: int,
        content_type: str,
        content: bytes,
        elapsed_ms: int,
        body: Optional[str],
        body_error: Optional[SmartbillError] = None,
    ) -> None:
        self.status = status
        self.content_type = content_type
        self.content = content
        self.elapsed_ms = elapsed_ms
        self._body = body
        self._body_error = body_error

    @property
    def body(self) -> str:
        """The body as text. Raises ``HttpError`` (``INVALID_TEXT``) when the
        bytes are not valid in the declared charset: read ``content`` then."""
        if self._body is None:
            e = self._body_error
            assert e is not None
            raise type(e)(e.message, e.status, e.status_name, e.field)
        return self._body

    def __repr__(self) -> str:
        return (
            f"Response(status={self.status}, content_type={self.content_type!r}, "
            f"bytes={len(self.content)}, elapsed_ms={self.elapsed_ms})"
        )


def _read_response(handle: Any) -> Response:
    status = ctypes.c_int32(0)
    elapsed = ctypes.c_uint32(0)
    _check(_response_status(handle, ctypes.byref(status)))
    _check(_response_elapsed(handle, ctypes.byref(elapsed)))
    code, content_type = call_out(_response_content_type, handle)
    _check(code)
    code, content = call_out(_response_body_raw, handle, capacity=_BODY_CAPACITY)
    _check(code)
    code, text = call_out(_response_body, handle, _UTF8, capacity=len(content) * 3 + 1)
    body: Optional[str] = None
    body_error: Optional[SmartbillError] = None
    if code == OK:
        body = text.decode("utf-8")
    elif status_name(code) == "INVALID_TEXT":
        body_error = error_for(code, HttpError)
    else:
        _check(code)
    return Response(status.value, content_type.decode("latin-1"), content, elapsed.value, body, body_error)


def _exchange(call: Callable[[Any], int]) -> Response:
    """Runs ``call(&response)`` and reads the response it made."""
    handle = RESPONSE()
    _check(call(ctypes.byref(handle)))
    try:
        return _read_response(handle)
    finally:
        _response_free(handle)


def submit_signup(
    form: SignupForm,
    timeout: float = 10.0,
    proxy: Optional[str] = None,
    fail_on_status: bool = False,
    *,
    charset: str = "utf-8",
    proxy_auth: ProxyAuth = None,
    max_body_bytes: Optional[int] = None,
) -> Response:
    """Submit the form server-side, as the popup page would: validate it
    (``FormError`` as :meth:`SignupForm.validate`), POST its urlencoded
    body in ``charset`` (``'utf-8'`` or ``'euc-kr'``) to its action URL,
    follow up to 5 redirects, and return the answer.

    A non-2xx answer is returned as it is, unless ``fail_on_status``
    (then ``HttpError`` ``HTTP_STATUS``). Bodies over ``max_body_bytes``
    (default 4 MiB) are ``HTTP_TOO_LARGE``. Messages name the host and the
    cause, never a form value.
    """
    if not isinstance(form, SignupForm):
        raise TypeError(f"form must be a SignupForm, not {type(form).__name__}")
    ms = timeout_ms(timeout)
    with _Options(proxy, proxy_auth, fail_on_status, max_body_bytes) as options:
        return form._call(
            (("output_charset", charset, "utf-8"),),
            lambda handle: _exchange(lambda out: _submit(handle, options, ms, out)),
        )


def _json_bytes(payload: Union[Mapping[str, Any], TextIn]) -> bytes:
    if isinstance(payload, abc.Mapping):
        return json.dumps(dict(payload), ensure_ascii=False).encode("utf-8", "surrogatepass")
    if isinstance(payload, (str, bytes, bytearray, memoryview)):
        return to_bytes(payload, "payload")
    raise TypeError(f"payload must be a mapping or JSON text, not {type(payload).__name__}")


def send_callback(
    url: str,
    payload: Union[Mapping[str, Any], TextIn],
    timeout: float = 10.0,
    proxy: Optional[str] = None,
    fail_on_status: bool = False,
    *,
    proxy_auth: ProxyAuth = None,
    max_body_bytes: Optional[int] = None,
) -> Response:
    """Play SmartBill's side: POST a callback to ``url`` (the ERP's own
    endpoint, to test it) as ``application/json; charset=utf-8`` and
    return the answer. ``payload`` is a mapping (sent as JSON, non-ASCII
    characters as they are) or JSON text. Redirects are not followed.
    Messages name the host and cause, never the body or the URL's path and
    query.
    """
    target = to_bytes(url, "url")
    body = _json_bytes(payload)
    ms = timeout_ms(timeout)
    with _Options(proxy, proxy_auth, fail_on_status, max_body_bytes) as options:
        return _exchange(lambda out: _send_callback(target, len(target), body, len(body), options, ms, out))


class Probe(NamedTuple):
    """What :func:`probe` found."""

    reachable: bool
    """Whether the server answered at all, with any HTTP status."""
    status: Optional[int]
    """The HTTP status it answered with, ``None`` when unreachable."""
    error: Optional[str]
    """Why it was not reached: ``'HTTP_DNS'``, ``'HTTP_CONNECT'``,
    ``'HTTP_TIMEOUT'``, ``'HTTP_TLS'``, ``'HTTP_PROXY'`` or
    ``'HTTP_PROTOCOL'``; ``None`` when reachable."""
    message: Optional[str]
    """The library's explanation (host and cause), ``None`` when reachable."""
    elapsed_ms: int


def _probe_with(
    call: Callable[..., int], text: bytes, timeout: float, proxy: Optional[str], proxy_auth: ProxyAuth
) -> Probe:
    ms = timeout_ms(timeout)
    http_status = ctypes.c_int32(0)
    elapsed = ctypes.c_uint32(0)
    with _Options(proxy, proxy_auth) as options:
        code = call(text, len(text), options, ms, ctypes.byref(http_status), ctypes.byref(elapsed))
        if code == OK:
            return Probe(True, http_status.value, None, None, elapsed.value)
        name = status_name(code)
        if not name.startswith("HTTP_"):
            raise error_for(code, HttpError)
        return Probe(False, None, name, last_error()[0] or name, elapsed.value)


def probe(
    environment: str = "production",
    timeout: float = 5.0,
    proxy: Optional[str] = None,
    *,
    proxy_auth: ProxyAuth = None,
) -> Probe:
    """The firewall check: can this machine reach SmartBill's signup
    endpoint? ``environment`` is ``'demo'``, ``'production'`` or a base URL
    (a gateway's path prefix included), as :class:`SignupForm` takes it;
    the GET goes to ``<base>/xMain/mb/shar_transfer/info_inpt01.aspx``,
    redirects not followed. To probe a URL exactly as given, use
    :func:`probe_url`. Never raises for a network failure, which is the
    answer; raises ``HttpError`` (``INVALID_ARGUMENT``, field
    ``'environment'``) for anything that is not an environment, and
    ``ValueError`` for a bad timeout.
    """
    return _probe_with(_probe, to_bytes(environment, "environment"), timeout, proxy, proxy_auth)


def probe_url(
    url: str,
    timeout: float = 5.0,
    proxy: Optional[str] = None,
    *,
    proxy_auth: ProxyAuth = None,
) -> Probe:
    """The firewall check for a URL exactly as given (a health page, a full
    signup URL, a URL with a query): nothing is added to its path. One GET,
    redirects not followed; the answer as :func:`probe` gives it. Raises
    ``HttpError`` (``INVALID_ARGUMENT``, field ``'url'``) for text that is
    not an http(s) URL with a host.
    """
    return _probe_with(_probe_url, to_bytes(url, "url"), timeout, proxy, proxy_auth)


__all__ = ["Response", "Probe", "submit_signup", "probe", "probe_url", "send_callback"]
