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
from smartbill_signup import _errors, _native
from support import HEADER, REPO

# Header functions the wrapper deliberately does not call.
NOT_WRAPPED = {
    "smartbill_brn_check_records": "fixed-width records are for COBOL; Python passes a list",
    "smartbill_last_error_status": "the wrapper has the status from the failing call itself",
    "smartbill_status_name_into": "for COBOL, which cannot read a C string; Python uses smartbill_status_name",
    "smartbill_last_error_into": "for COBOL's CP949 fixed fields; Python reads the UTF-8 message",
}

C_TO_CTYPES = {
    "int32_t": ctypes.c_int32,
    "uint32_t": ctypes.c_uint32,
    "uint8_t": ctypes.c_uint8,
    "size_t": ctypes.c_size_t,
    "ptrdiff_t": ctypes.c_ssize_t,
    "const char *": ctypes.c_char_p,
    "char *": ctypes.POINTER(ctypes.c_char),
    "size_t *": ctypes.POINTER(ctypes.c_size_t),
    "int32_t *": ctypes.POINTER(ctypes.c_int32),
    "const char *const *": ctypes.POINTER(ctypes.c_char_p),
    "const ptrdiff_t *": ctypes.POINTER(ctypes.c_ssize_t),
    "uint32_t *": ctypes.POINTER(ctypes.c_uint32),
    "void": None,
}
# Each opaque handle is a pointer to its own ctypes type, const or not;
# an out parameter (Handle **) points to one.
for _handle in ("SmartbillForm", "SmartbillCallback", "SmartbillHttpOptions", "SmartbillResponse"):
    _pointer = ctypes.POINTER(getattr(_native, _handle))
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


def test_every_header_function_is_declared_with_its_prototype() -> None:
    declared = _native.declared()
    for name, (ret, params) in header_functions().items():
        if name in NOT_WRAPPED:
            continue
        assert name in declared, f"{name} is in the header but the Python wrapper does not declare it"
        function = declared[name]
        assert function.restype == C_TO_CTYPES[ret], name
        assert list(function.argtypes) == [C_TO_CTYPES[p] for p in params], name
    assert set(declared) <= set(header_functions())


def test_abi_version_matches_the_header() -> None:
    match = re.search(r"#define SMARTBILL_ABI_VERSION (\d+)", HEADER.read_text(encoding="utf-8"))
    assert match and int(match.group(1)) == sb.ABI_VERSION


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


@pytest.mark.skipif(shutil.which("cc") is None, reason="needs a C compiler to build a fake library")
def test_mismatched_abi_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "fake.c"
    source.write_text("unsigned int smartbill_abi_version(void) { return 999; }\n")
    fake = tmp_path / "libfake.so"
    subprocess.run(["cc", "-shared", "-fPIC", str(source), "-o", str(fake)], check=True)
    result = import_with_library(str(fake))
    assert result.returncode != 0
    assert f"{fake} has ABI version 999, this package needs {sb.ABI_VERSION}" in result.stderr
