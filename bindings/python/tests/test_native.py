"""The native library: where it is found, the ABI check, prototypes that
match the header, versions."""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

import smartbill_signup as sb
from smartbill_signup import _abi, _errors, _native
from support import HEADER, REPO

# Header functions the wrapper deliberately does not call.
NOT_WRAPPED = {
    "smartbill_brn_check_records": "fixed-width records are for COBOL; Python passes a list",
    "smartbill_last_error_status": "the wrapper has the status from the failing call itself",
    "smartbill_status_name_into": "for COBOL, which cannot read a C string; Python uses smartbill_status_name",
    "smartbill_last_error_into": "for COBOL's CP949 fixed fields; Python reads the UTF-8 message",
    "smartbill_record_received_at_text": "for COBOL's fixed fields; Python gives received_at as a datetime",
}

C_TO_CTYPES = {
    "int32_t": ctypes.c_int32,
    "uint32_t": ctypes.c_uint32,
    "uint8_t": ctypes.c_uint8,
    "int64_t": ctypes.c_int64,
    "int64_t *": ctypes.POINTER(ctypes.c_int64),
    "uint64_t *": ctypes.POINTER(ctypes.c_uint64),
    "uint16_t *": ctypes.POINTER(ctypes.c_uint16),
    "size_t": ctypes.c_size_t,
    "ptrdiff_t": ctypes.c_ssize_t,
    "const char *": ctypes.c_char_p,
    "char *": ctypes.POINTER(ctypes.c_char),
    "size_t *": ctypes.POINTER(ctypes.c_size_t),
    "int32_t *": ctypes.POINTER(ctypes.c_int32),
    "uint32_t *": ctypes.POINTER(ctypes.c_uint32),
    "const int32_t *": ctypes.POINTER(ctypes.c_int32),
    "const uint8_t *": ctypes.POINTER(ctypes.c_uint8),
    "const size_t *": ctypes.POINTER(ctypes.c_size_t),
    "const ptrdiff_t *": ctypes.POINTER(ctypes.c_ssize_t),
    "const char *const *": ctypes.POINTER(ctypes.c_char_p),
    "void": None,
}
# Each opaque handle is a pointer to its own ctypes type, const or not;
# an out parameter (Handle **) points to one.
for _handle in (
    "SmartbillForm",
    "SmartbillCallback",
    "SmartbillHttpOptions",
    "SmartbillResponse",
    "SmartbillReceiverOptions",
    "SmartbillReceiver",
    "SmartbillRecord",
):
    _pointer = ctypes.POINTER(getattr(_abi, _handle))
    C_TO_CTYPES[f"{_handle} *"] = C_TO_CTYPES[f"const {_handle} *"] = _pointer
    C_TO_CTYPES[f"{_handle} **"] = ctypes.POINTER(_pointer)


def header_functions() -> Dict[str, Tuple[str, List[str]]]:
    """name -> (return type, parameter types), from the committed header."""
    text = HEADER.read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    functions = {}
    for ret, name, params in re.findall(r"^([A-Za-z_][\w \*]*?)\s*\b(smartbill_\w+)\(([^)]*)\);", text, re.M):
        types = []
        for param in params.split(","):
            param = " ".join(param.split())
            if param == "void":
                continue
            ctype = re.sub(r"\s*\b\w+$", "", param)  # drop the parameter name
            types.append(ctype.strip())
        functions[name] = (ret.strip(), types)
    return functions


def test_header_is_parsed() -> None:
    functions = header_functions()
    assert "smartbill_brn_check_many" in functions
    assert functions["smartbill_brn_check"] == ("int32_t", ["const char *", "ptrdiff_t"])
    assert functions["smartbill_abi_version"] == ("uint32_t", [])


def test_every_generated_prototype_matches_the_header() -> None:
    functions = header_functions()
    assert set(_abi.PROTOTYPES) == set(functions)
    for name, (ret, params) in functions.items():
        restype, argtypes = _abi.PROTOTYPES[name]
        assert restype == C_TO_CTYPES[ret], name
        assert argtypes == [C_TO_CTYPES[p] for p in params], name


def test_every_header_function_is_wrapped_with_its_prototype() -> None:
    declared = _native.declared()
    for name, (ret, params) in header_functions().items():
        if name in NOT_WRAPPED:
            continue
        assert name in declared, f"{name} is in the header but the Python wrapper does not call it"
        function = declared[name]
        assert function.restype == C_TO_CTYPES[ret], name
        assert list(function.argtypes) == [C_TO_CTYPES[p] for p in params], name
    assert set(declared) <= set(header_functions())


def test_abi_version_and_checksum_match_the_header() -> None:
    header = HEADER.read_text(encoding="utf-8")
    version = re.search(r"#define SMARTBILL_ABI_VERSION (\d+)", header)
    assert version and int(version.group(1)) == sb.ABI_VERSION
    checksum = re.search(r"#define SMARTBILL_ABI_CHECKSUM (\d+)", header)
    assert checksum and int(checksum.group(1)) == _native.ABI_CHECKSUM
    assert _native.declared()["smartbill_abi_checksum"]() == _native.ABI_CHECKSUM


def test_status_names_match_the_header() -> None:
    defines = re.findall(r"#define SMARTBILL_(?:ERR_)?(\w+) (\d+)$", HEADER.read_text(encoding="utf-8"), re.M)
    statuses = [(name, int(code)) for name, code in defines if not name.startswith(("ABI_", "TEXT_"))]
    assert len(statuses) > 20
    for name, code in statuses:
        assert _errors.status_name(code) == name


def test_versions_agree() -> None:
    cargo = (REPO / "Cargo.toml").read_text(encoding="utf-8")
    match = re.search(r'^version = "([^"]+)"', cargo, re.M)
    assert match
    assert sb.library_version() == sb.__version__ == match.group(1)


def test_library_is_inside_the_package() -> None:
    if os.environ.get(_native.LIBRARY_ENV):
        pytest.skip(f"{_native.LIBRARY_ENV} is set")
    assert sb.library_path.parent == Path(sb.__file__).resolve().parent
    assert sb.library_path.name.startswith(("smartbill_signup", "libsmartbill_signup"))


def test_candidate_names_cover_every_platform() -> None:
    names = [p.name for p in _native.candidate_paths(Path("/x"))]
    assert "smartbill_signup.dll" in names
    assert "libsmartbill_signup.so" in names
    assert "libsmartbill_signup.dylib" in names
    import importlib.machinery

    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        assert "smartbill_signup" + suffix in names


def test_abi_check() -> None:
    _native.check_abi(_native.ABI_VERSION, Path("lib"))
    with pytest.raises(ImportError, match=r"lib has ABI version 2, this package needs 1"):
        _native.check_abi(2, Path("lib"))


def import_with_library(path: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, **{_native.LIBRARY_ENV: path})
    return subprocess.run(
        [sys.executable, "-c", "import smartbill_signup as sb; print(sb.validate_brn('124-81-00998'))"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_override_loads_the_named_library(tmp_path: Path) -> None:
    copy = tmp_path / ("copy" + Path(sb.library_path).suffix)
    shutil.copyfile(sb.library_path, copy)
    result = import_with_library(str(copy))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1248100998"


def test_missing_override_is_a_clear_import_error(tmp_path: Path) -> None:
    result = import_with_library(str(tmp_path / "nowhere.so"))
    assert result.returncode != 0
    assert "ImportError" in result.stderr and "SMARTBILL_SIGNUP_LIB" in result.stderr


def test_other_library_is_refused() -> None:
    import _ctypes

    other = getattr(_ctypes, "__file__", None)
    if other is None:
        pytest.skip("_ctypes is built into this Python")
    result = import_with_library(other)
    assert result.returncode != 0
    assert "is not the smartbill_signup library" in result.stderr


def test_checksum_check() -> None:
    _native.check_checksum(_native.ABI_CHECKSUM, Path("lib"))
    other = _native.ABI_CHECKSUM ^ 1
    with pytest.raises(ImportError, match=f"lib has prototype checksum {other:#010x}, this package was generated for"):
        _native.check_checksum(other, Path("lib"))


def fake_library(tmp_path: Path, source: str) -> Path:
    """A shared library built from C ``source``, standing in for the real one."""
    c_file = tmp_path / "fake.c"
    c_file.write_text(source)
    fake = tmp_path / "libfake.so"
    subprocess.run(["cc", "-shared", "-fPIC", str(c_file), "-o", str(fake)], check=True)
    return fake


needs_cc = pytest.mark.skipif(shutil.which("cc") is None, reason="needs a C compiler to build a fake library")


@needs_cc
def test_mismatched_abi_is_refused(tmp_path: Path) -> None:
    fake = fake_library(tmp_path, "unsigned int smartbill_abi_version(void) { return 999; }\n")
    result = import_with_library(str(fake))
    assert result.returncode != 0
    assert f"{fake} has ABI version 999, this package needs {sb.ABI_VERSION}" in result.stderr


@needs_cc
def test_mismatched_prototypes_are_refused(tmp_path: Path) -> None:
    """The same ABI version, but prototypes generated from another header."""
    other = _native.ABI_CHECKSUM ^ 0x5A5A
    fake = fake_library(
        tmp_path,
        f"unsigned int smartbill_abi_version(void) {{ return {sb.ABI_VERSION}; }}\n"
        f"unsigned int smartbill_abi_checksum(void) {{ return {other}u; }}\n",
    )
    result = import_with_library(str(fake))
    assert result.returncode != 0
    assert f"{fake} has prototype checksum {other:#010x}, this package was generated for" in result.stderr
    assert f"{_native.ABI_CHECKSUM:#010x}: its functions differ" in result.stderr


@needs_cc
def test_library_without_a_checksum_is_refused(tmp_path: Path) -> None:
    fake = fake_library(tmp_path, f"unsigned int smartbill_abi_version(void) {{ return {sb.ABI_VERSION}; }}\n")
    result = import_with_library(str(fake))
    assert result.returncode != 0
    assert f"{fake} reports no prototype checksum (it is older than this package)" in result.stderr
