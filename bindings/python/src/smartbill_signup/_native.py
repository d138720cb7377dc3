"""Finding and loading the native library, and declaring its functions.

The library ships inside this package's folder, under the name
setuptools-rust gives it (``smartbill_signup.abi3.so``,
``smartbill_signup.pyd``, ...) or its plain name (``smartbill_signup.dll``,
``libsmartbill_signup.so``, ``libsmartbill_signup.dylib``) when copied there
by hand. The environment variable ``SMARTBILL_SIGNUP_LIB`` may name another
file, for development; nothing needs it.

Every function is declared once with :func:`declare`, which sets its
``argtypes`` and ``restype`` (ctypes' defaults would truncate pointers and
sizes) and fails with a clear ``ImportError`` when the library lacks it.
"""

from __future__ import annotations

import ctypes
import importlib.machinery
import os
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

# The SMARTBILL_ABI_VERSION of the header this package was written against.
ABI_VERSION = 1

LIBRARY_ENV = "SMARTBILL_SIGNUP_LIB"

_BASENAME = "smartbill_signup"
_PLAIN_NAMES = ("smartbill_signup.dll", "libsmartbill_signup.so", "libsmartbill_signup.dylib")

# C types of the ABI, named as the header spells them.
TEXT = ctypes.c_char_p  # const char *: text in, or a static string out
TEXT_LEN = ctypes.c_ssize_t  # ptrdiff_t: byte length, < 0 for NUL-terminated
BUF = ctypes.POINTER(ctypes.c_char)  # char *: caller-owned output buffer
SIZE = ctypes.c_size_t
SIZE_OUT = ctypes.POINTER(ctypes.c_size_t)
STATUS = ctypes.c_int32
FLAGS = ctypes.c_uint32  # uint32_t: SMARTBILL_TEXT_* flags, milliseconds
INT_OUT = ctypes.POINTER(ctypes.c_int32)
U32_OUT = ctypes.POINTER(ctypes.c_uint32)


# The opaque handle types. Each is its own pointer type, so passing one
# handle where another is expected is a ctypes error, not a crash.
class SmartbillForm(ctypes.Structure):
    pass


class SmartbillCallback(ctypes.Structure):
    pass


class SmartbillHttpOptions(ctypes.Structure):
    pass


class SmartbillResponse(ctypes.Structure):
    pass


class SmartbillReceiverOptions(ctypes.Structure):
    pass


class SmartbillReceiver(ctypes.Structure):
    pass


class SmartbillRecord(ctypes.Structure):
    pass


FORM = ctypes.POINTER(SmartbillForm)
CALLBACK = ctypes.POINTER(SmartbillCallback)
HTTP_OPTIONS = ctypes.POINTER(SmartbillHttpOptions)
RESPONSE = ctypes.POINTER(SmartbillResponse)
RECEIVER_OPTIONS = ctypes.POINTER(SmartbillReceiverOptions)
RECEIVER = ctypes.POINTER(SmartbillReceiver)
RECORD = ctypes.POINTER(SmartbillRecord)


def candidate_paths(folder: Path) -> List[Path]:
    """The files the library may be in, in the order they are tried."""
    names = [_BASENAME + suffix for suffix in importlib.machinery.EXTENSION_SUFFIXES]
    names.extend(_PLAIN_NAMES)
    return [folder / name for name in names]


def find_library() -> Path:
    """The library file: ``SMARTBILL_SIGNUP_LIB`` if set, else the first
    candidate present in this package's folder."""
    override = os.environ.get(LIBRARY_ENV)
    if override:
        path = Path(override)
        if not path.is_file():
            raise ImportError(f"smartbill_signup: {LIBRARY_ENV}={override!r} is not a file")
        return path
    folder = Path(__file__).resolve().parent
    candidates = candidate_paths(folder)
    for path in candidates:
        if path.is_file():
            return path
    raise ImportError(
        f"smartbill_signup: the native library is missing from {folder} "
        f"(looked for {', '.join(p.name for p in candidates)}); "
        "install the package with pip so that it builds the library"
    )


def check_abi(found: int, path: Path) -> None:
    """Refuses a library built for another ABI version."""
    if found != ABI_VERSION:
        raise ImportError(
            f"smartbill_signup: the native library {path} has ABI version {found}, "
            f"this package needs {ABI_VERSION}; reinstall the package so that the "
            "library and the wrapper come from the same version"
        )


def _load() -> Tuple[ctypes.CDLL, Path]:
    path = find_library()
    try:
        # CDLL: cdecl, and the GIL is released during each call.
        lib = ctypes.CDLL(str(path))
    except OSError as e:
        raise ImportError(f"smartbill_signup: cannot load the native library {path}: {e}") from e
    try:
        abi = lib.smartbill_abi_version
    except AttributeError:
        raise ImportError(f"smartbill_signup: {path} is not the smartbill_signup library") from None
    abi.argtypes = []
    abi.restype = ctypes.c_uint32
    check_abi(abi(), path)
    return lib, path


lib, library_path = _load()

_declared: Dict[str, Any] = {}


def declare(name: str, restype: Optional[type], *argtypes: type) -> Any:
    """The library function ``name`` with its prototype set."""
    try:
        function = getattr(lib, name)
    except AttributeError:
        raise ImportError(
            f"smartbill_signup: the native library {library_path} has no function {name}: "
            "it is older than this package; reinstall the package"
        ) from None
    function.restype = restype
    function.argtypes = list(argtypes)
    _declared[name] = function
    return function


def declared() -> Dict[str, Any]:
    """Every function declared so far, by name (for the tests)."""
    return dict(_declared)


declare("smartbill_abi_version", ctypes.c_uint32)
_version = declare("smartbill_version", TEXT)


def library_version() -> str:
    """The native library's version, e.g. ``'0.1.0'``."""
    version: bytes = _version()
    return version.decode("ascii")
