"""SmartBill simple signup (간편 회원 가입 연동) for Korean ERPs.

A thin wrapper over the smartbill_signup native library, which holds every
rule; this package only translates Python values to its C ABI and its
statuses to exceptions. Safe to use from many threads: each thread sees only
its own errors.

>>> import smartbill_signup as sb
>>> sb.validate_brn('124-81-00998')
'1248100998'
>>> sb.is_valid_brn('123-45-67890')
False
>>> try:
...     sb.validate_brn('100-00-00025')
... except sb.SmartbillError as e:
...     print(type(e).__name__, e.status_name)
BrnError BRN_COMPONENT
"""

from ._errors import BrnError, CallbackError, FormError, HttpError, ReceiverError, SmartbillError
from ._native import ABI_VERSION, library_path, library_version
from .brn import are_valid_brns, brn_kind, check_brn_lines, check_brns, format_brn, is_valid_brn, validate_brn
from .callback import Callback, CallbackKeyInfo, callback_key_info, callback_source_allowed, parse_callback
from .form import FormField, SignupForm, form_fields
from ._language import language, set_default_language, set_language, status_description
from .network import Probe, Response, probe, probe_url, send_callback, submit_signup
from .receiver import Receiver, Record, RecordId

# Kept equal to the crate's version (Cargo.toml); a test checks the library agrees.
__version__ = "0.1.0"

__all__ = [
    "ABI_VERSION",
    "library_path",
    "library_version",
    "SmartbillError",
    "BrnError",
    "FormError",
    "CallbackError",
    "HttpError",
    "ReceiverError",
    "validate_brn",
    "is_valid_brn",
    "format_brn",
    "brn_kind",
    "are_valid_brns",
    "check_brns",
    "check_brn_lines",
    "SignupForm",
    "FormField",
    "form_fields",
    "Callback",
    "parse_callback",
    "callback_source_allowed",
    "callback_key_info",
    "CallbackKeyInfo",
    "Response",
    "Probe",
    "submit_signup",
    "probe",
    "probe_url",
    "send_callback",
    "Receiver",
    "Record",
    "RecordId",
    "set_language",
    "set_default_language",
    "language",
    "status_description",
]
