"""The signup form (간편 회원 가입 연동): SmartBill's 15 parameters, checked
by the library, written out as the popup page that posts them or as the
``application/x-www-form-urlencoded`` body.

Parameter names are the guide's (``pComRegNo``, ``pMIGRATIONFLAG``, ...);
:func:`form_fields` lists them with their limits, from the library.

>>> import smartbill_signup as sb
>>> form = sb.SignupForm({'pComRegNo': '124-81-00998', 'pMIGRATIONFLAG': 'TEST11',
...                       'pComName': '스마트빌'})
>>> form.action_url
'http://demo.smartbill.co.kr/xMain/mb/shar_transfer/info_inpt01.aspx'
>>> form.urlencoded()
b'pComRegNo=1248100998&pComName=%EC%8A%A4%EB%A7%88%ED%8A%B8%EB%B9%8C&pMIGRATIONFLAG=TEST11'
>>> form.urlencoded(charset='euc-kr')
b'pComRegNo=1248100998&pComName=%BD%BA%B8%B6%C6%AE%BA%F4&pMIGRATIONFLAG=TEST11'
>>> page = form.html()
>>> '<input type="hidden" name="pComName" value="스마트빌">' in page
True
>>> '스마트빌'.encode('cp949') in form.html_bytes(charset='euc-kr')   # the page's bytes
True
>>> 'charset=EUC-KR' in form.html(charset='euc-kr')                  # the same page as str
True
>>> form.close()

A parameter that breaks its rule is a ``FormError`` naming it:

>>> with sb.SignupForm({'pComRegNo': '124-81-00997', 'pMIGRATIONFLAG': 'TEST11'}) as form:
...     form.html()
Traceback (most recent call last):
    ...
smartbill_signup.FormError: FIELD_FORMAT: pComRegNo (사업자번호) is not a valid business number (BRN_CHECKSUM): ...

SmartBill's demo number ``0000000000`` is not a valid business number; the
demo accepts it, and so does a form made with ``brn_check='digits'``:

>>> with sb.SignupForm({'pComRegNo': '0000000000', 'pMIGRATIONFLAG': 'TEST11'},
...                    brn_check='digits') as form:
...     form.validate()
"""

from __future__ import annotations

import codecs
import ctypes
import functools
import threading
import weakref
from typing import Any, Callable, Mapping, NamedTuple, Optional, Tuple, TypeVar, Union

from ._errors import FormError, error_for
from ._native import FORM, declare
from ._text import OK, TextIn, call_out, to_bytes

_new = declare("smartbill_form_new")
_free = declare("smartbill_form_free")
_set = declare("smartbill_form_set")
_set_option = declare("smartbill_form_set_option")
_validate = declare("smartbill_form_validate")
_html = declare("smartbill_form_html")
_urlencoded = declare("smartbill_form_urlencoded")
_action_url = declare("smartbill_form_action_url")
_field_count = declare("smartbill_form_field_count")
_field_name = declare("smartbill_form_field_name")
_field_max_len = declare("smartbill_form_field_max_len")
_field_required = declare("smartbill_form_field_required")
_field_rule = declare("smartbill_form_field_rule")

# A page is a few KiB: one call usually suffices.
_PAGE_CAPACITY = 8192

T = TypeVar("T")
Value = Optional[TextIn]


class FormField(NamedTuple):
    """One signup parameter, as the library describes it."""

    name: str
    """The guide's name, e.g. ``'pComRegNo'``."""
    max_len: int
    """The limit in CP949 bytes (a Hangul syllable counts 2)."""
    required: bool
    rule: str
    """``'text'``, ``'business_number'``, ``'zip_code'``, ``'phone'``,
    ``'email'`` or ``'yes_no'``."""


@functools.lru_cache(maxsize=None)
def form_fields() -> Tuple[FormField, ...]:
    """SmartBill's 15 signup parameters in the guide's order (the order of
    the page and of the body), from the library's table.

    >>> import smartbill_signup as sb
    >>> sb.form_fields()[0]
    FormField(name='pComRegNo', max_len=10, required=True, rule='business_number')
    >>> [f.name for f in sb.form_fields() if f.required]
    ['pComRegNo', 'pMIGRATIONFLAG']
    """
    return tuple(
        FormField(
            name=_field_name(i).decode("ascii"),
            max_len=_field_max_len(i),
            required=_field_required(i) == 1,
            rule=_field_rule(i).decode("ascii"),
        )
        for i in range(_field_count())
    )


def _page_codec(charset: str) -> str:
    """The Python codec for a page the library wrote in ``charset`` (which it
    has accepted): it writes UTF-8 or CP949, nothing else. CP949, not
    Python's ``euc_kr``, which lacks characters such as 뷁."""
    try:
        return "utf-8" if codecs.lookup(charset.strip()).name == "utf-8" else "cp949"
    except LookupError:  # a CP949 spelling Python does not know, e.g. windows-949
        return "cp949"


def _yes_no(value: Union[bool, str], name: str) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value  # the library's own words ("yes", "0", ...), checked there
    raise TypeError(f"{name} must be bool or str, not {type(value).__name__}")


class SignupForm:
    """A signup form for SmartBill's simple signup.

    ``fields`` maps the guide's parameter names to values: ``str``, or bytes
    in ``input_charset`` (``'utf-8'`` or ``'euc-kr'``, i.e. CP949, for
    values read from a legacy system); ``None`` or a blank value leaves the
    parameter out. ``environment`` is ``'demo'``, ``'production'`` or a base
    URL (``'https://gw.example.com/smartbill'``, a local stand-in).
    ``brn_check='digits'`` accepts any 10 digits as ``pComRegNo`` (SmartBill's
    demo number ``0000000000``) instead of a valid business number.

    A refused name or value raises ``FormError`` at once (an unknown name,
    text that is not valid, a character CP949 cannot hold); the other rules
    (required parameters, formats, CP949 byte limits) are checked by
    :meth:`validate`, :meth:`html` and :meth:`urlencoded`.

    The form holds a native handle: close it with :meth:`close` or a
    ``with`` block (it is released when the form is garbage-collected
    otherwise). A form may be shared between threads; calls on it take
    turns.
    """

    def __init__(
        self,
        fields: Optional[Mapping[str, Value]] = None,
        environment: str = "demo",
        *,
        brn_check: str = "strict",
        input_charset: str = "utf-8",
    ) -> None:
        self._lock = threading.Lock()
        self._handle: Optional[Any] = None
        self._environment = environment
        env = to_bytes(environment, "environment")
        handle = FORM()
        status = _new(env, len(env), ctypes.byref(handle))
        if status != OK:
            raise error_for(status, FormError)
        self._handle = handle
        self._finalizer = weakref.finalize(self, _free, handle)
        try:
            with self._lock:
                self._set_option("brn_check", brn_check)
                self._set_option("input_charset", input_charset)
            # The charset bytes values are in; str values are always sent as UTF-8.
            self._input_charset = input_charset
            self._native_input_charset = input_charset
            for name, value in (fields or {}).items():
                self.set(name, value)
        except BaseException:
            self.close()
            raise

    def set(self, name: str, value: Value) -> None:
        """Set one parameter, replacing its value; ``None`` or a blank value
        leaves it out. Raises ``FormError`` for an unknown name, text that
        is not valid or a character CP949 cannot hold; the refused value is
        not stored and the form stays invalid until ``name`` is set
        successfully."""
        name_bytes = to_bytes(name, "name")
        if value is None:
            data, charset = b"", "utf-8"
        elif isinstance(value, str):
            data, charset = value.encode("utf-8", "surrogatepass"), "utf-8"
        else:
            data, charset = to_bytes(value, str(name)), self._input_charset
        with self._lock:
            handle = self._live()
            if charset != self._native_input_charset:
                self._set_option("input_charset", charset)
                self._native_input_charset = charset
            status = _set(handle, name_bytes, len(name_bytes), data, len(data))
            if status != OK:
                raise error_for(status, FormError)

    def validate(self) -> None:
        """Check the whole form; raises ``FormError`` for the first
        parameter, in the guide's order, that breaks a rule."""
        with self._lock:
            status = _validate(self._live())
        if status != OK:
            raise error_for(status, FormError)

    def html(self, charset: str = "utf-8", auto_submit: Union[bool, str] = True, target: str = "_blank") -> str:
        """The popup page: a complete HTML document whose form posts the
        parameters to SmartBill (every value escaped), with a visible submit
        button and, when ``auto_submit``, a script that submits it on load.

        ``charset`` is the page's charset, ``'utf-8'`` or ``'euc-kr'``
        (CP949): its meta tag and ``accept-charset`` say so and the values
        arrive at SmartBill in it. The result is ``str``, to serve with the
        same charset in the ``Content-Type``; :meth:`html_bytes` gives the
        exact bytes, for a file. ``target`` is ``'_blank'``, ``'_self'``,
        ``'_parent'``, ``'_top'`` or a window name. Validates first, as
        :meth:`validate`."""
        return self.html_bytes(charset, auto_submit, target).decode(_page_codec(charset))

    def html_bytes(
        self, charset: str = "utf-8", auto_submit: Union[bool, str] = True, target: str = "_blank"
    ) -> bytes:
        """The page of :meth:`html` as bytes in its own charset (CP949 for
        ``'euc-kr'``), ready to write to a file or a response body."""
        options = (
            ("output_charset", charset, "utf-8"),
            ("auto_submit", _yes_no(auto_submit, "auto_submit"), "yes"),
            ("target", target, "_blank"),
        )
        return self._output(_html, options, _PAGE_CAPACITY)

    def urlencoded(self, charset: str = "utf-8") -> bytes:
        """The ``application/x-www-form-urlencoded`` body the page posts
        (ASCII; values percent-encoded from UTF-8, or from CP949 for
        ``'euc-kr'``: send it with ``charset=euc-kr`` in the
        ``Content-Type`` then). Validates first, as :meth:`validate`."""
        return self._output(_urlencoded, (("output_charset", charset, "utf-8"),), 1024)

    @property
    def action_url(self) -> str:
        """The URL the form posts to."""
        with self._lock:
            status, url = call_out(_action_url, self._live(), capacity=256)
        if status != OK:
            raise error_for(status, FormError)
        return url.decode("ascii")

    @property
    def environment(self) -> str:
        """The environment as given."""
        return self._environment

    @property
    def closed(self) -> bool:
        return self._handle is None

    def close(self) -> None:
        """Release the native handle; the form cannot be used afterwards.
        Closing again does nothing."""
        with self._lock:
            if self._handle is not None:
                self._handle = None
                self._finalizer()

    def __enter__(self) -> "SignupForm":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __reduce_ex__(self, protocol: object) -> Any:
        # A copy would share the native handle and use it after close().
        raise TypeError("a SignupForm cannot be copied or pickled; make a new one from the same fields")

    def __repr__(self) -> str:
        state = " closed" if self.closed else ""
        return f"<SignupForm environment={self._environment!r}{state}>"

    # Internals. The lock is held from the first native call on the handle
    # to the reading of the error, so that threads sharing the form neither
    # use the handle at once nor see each other's settings.

    def _live(self) -> Any:
        if self._handle is None:
            raise ValueError("this SignupForm is closed")
        return self._handle

    def _set_option(self, name: str, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"{name} must be str, not {type(value).__name__}")
        data = value.encode("utf-8", "surrogatepass")
        key = name.encode("ascii")
        status = _set_option(self._live(), key, len(key), data, len(data))
        if status != OK:
            raise error_for(status, FormError)

    def _per_call_option(self, name: str, value: str, default: str) -> None:
        """Sets an option that belongs to one call. A refused value would be
        remembered by the form and fail later calls too: it is replaced by
        the default before the error is raised."""
        try:
            self._set_option(name, value)
        except FormError:
            self._set_option(name, default)
            raise

    def _output(self, function: Any, options: Tuple[Tuple[str, str, str], ...], capacity: int) -> bytes:
        def write(handle: Any) -> bytes:
            status, out = call_out(function, handle, capacity=capacity)
            if status != OK:
                raise error_for(status, FormError)
            return out

        return self._call(options, write)

    def _call(self, options: Tuple[Tuple[str, str, str], ...], call: Callable[[Any], T]) -> T:
        """Runs ``call(handle)`` with per-call options set, under the lock
        (used by ``submit_signup`` too)."""
        with self._lock:
            handle = self._live()
            for name, value, default in options:
                self._per_call_option(name, value, default)
            return call(handle)


__all__ = ["SignupForm", "FormField", "form_fields"]
