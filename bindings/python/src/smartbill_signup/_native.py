"""Finding and loading the native library, checking that it is the one this
package was generated for, and declaring its functions.

The library ships inside this package's folder, under the name
setuptools-rust gives it (``smartbill_signup.abi3.so``,
``smartbill_signup.pyd``, ...) or its plain name (``smartbill_signup.dll``,
``libsmartbill_signup.so``, ``libsmartbill_signup.dylib``) when copied there
by hand. The environment variable ``SMARTBILL_SIGNUP_LIB`` may name another
file, for development; nothing needs it.

Every prototype is generated from the header into :mod:`._abi`; a library
whose ABI version or prototype checksum differs from the ones generated
there is refused with an ``ImportError``. :func:`declare` sets a function's
``argtypes`` and ``restype`` (ctypes' defaults would truncate pointers and
sizes) from :data:`._abi.PROTOTYPES`.
"""

from __future__ import annotations

import ctypes
import importlib.machinery
import os
from pathlib import Path
from typing import Any, Dict, List, Tuple

from . import _abi

# The versions of the header this package was generated from.
ABI_VERSION = _abi.SMARTBILL_ABI_VERSION
ABI_CHECKSUM = _abi.SMARTBILL_ABI_CHECKSUM

LIBRARY_ENV = "SMARTBILL_SIGNUP_LIB"

_BASENAME = "smartbill_signup"
_PLAIN_NAMES = ("smartbill_signup.dll", "libsmartbill_signup.so", "libsmartbill_signup.dylib")

# The opaque handle types. Each is its own pointer type, so passing one
# handle where another is expected is a ctypes error, not a crash.
FORM = ctypes.POINTER(_abi.SmartbillForm)
CALLBACK = ctypes.POINTER(_abi.SmartbillCallback)
HTTP_OPTIONS = ctypes.POINTER(_abi.SmartbillHttpOptions)
RESPONSE = ctypes.POINTER(_abi.SmartbillResponse)
RECEIVER_OPTIONS = ctypes.POINTER(_abi.SmartbillReceiverOptions)
RECEIVER = ctypes.POINTER(_abi.SmartbillReceiver)
RECORD = ctypes.POINTER(_abi.SmartbillRecord)


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


_REINSTALL = "reinstall the package so that the library and the wrapper come from the same version"


def check_abi(found: int, path: Path) -> None:
    """Refuses a library built for another ABI version."""
    if found != ABI_VERSION:
        raise ImportError(
            f"smartbill_signup: the native library {path} has ABI version {found}, "
            f"this package needs {ABI_VERSION}; {_REINSTALL}"
        )


def check_checksum(found: int, path: Path) -> None:
    """Refuses a library whose prototypes differ from the ones this package
    was generated from, even when the ABI versions agree."""
    if found != ABI_CHECKSUM:
        raise ImportError(
            f"smartbill_signup: the native library {path} has prototype checksum {found:#010x}, "
            f"this package was generated for {ABI_CHECKSUM:#010x}: its functions differ; {_REINSTALL}"
        )


def _read_u32(lib: ctypes.CDLL, name: str) -> int:
    function = getattr(lib, name)
    function.argtypes = []
    function.restype = ctypes.c_uint32
    value: int = function()
    return value


def _load() -> Tuple[ctypes.CDLL, Path]:
    path = find_library()
    try:
        # CDLL: cdecl, and the GIL is released during each call.
        lib = ctypes.CDLL(str(path))
    except OSError as e:
        raise ImportError(f"smartbill_signup: cannot load the native library {path}: {e}") from e
    try:
        version = _read_u32(lib, "smartbill_abi_version")
    except AttributeError:
        raise ImportError(f"smartbill_signup: {path} is not the smartbill_signup library") from None
    check_abi(version, path)
    try:
        checksum = _read_u32(lib, "smartbill_abi_checksum")
    except AttributeError:
        raise ImportError(
            f"smartbill_signup: the native library {path} reports no prototype checksum "
            f"(it is older than this package); {_REINSTALL}"
        ) from None
    check_checksum(checksum, path)
    return lib, path


lib, library_path = _load()

_declared: Dict[str, Any] = {}


def declare(name: str) -> Any:
    """The library function ``name`` with its generated prototype set."""
    restype, argtypes = _abi.PROTOTYPES[name]
    # The checksum check guarantees that the library has every function.
    function = getattr(lib, name)
    function.restype = restype
    function.argtypes = argtypes
    _declared[name] = function
    return function


def declared() -> Dict[str, Any]:
    """Every function declared so far, by name (for the tests)."""
    return dict(_declared)


declare("smartbill_abi_version")
declare("smartbill_abi_checksum")
_version = declare("smartbill_version")


def library_version() -> str:
    """The native library's version, e.g. ``'0.1.0'``."""
    version: bytes = _version()
    return version.decode("ascii")
