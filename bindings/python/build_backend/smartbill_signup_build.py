"""The PEP 517 build backend of the smartbill-signup Python package.

The package is ctypes over one native library, so a wheel is the Python
files plus that library, tagged ``py3-none-<platform>`` (no Python C API is
used: not ``abi3``). This backend writes the wheel and the sdist itself,
needs nothing but the standard library (and ``tomli`` before Python 3.11),
and gets the library in one of three ways, in this order:

1. ``--config-settings native=FILE`` (with ``platform=TAG``): a library
   built elsewhere. ``scripts/dist.sh`` builds every wheel this way, Windows
   ones included.
2. In a checkout of the repository on x86_64 Linux: the project's release
   build (``scripts/release-lib.sh``: glibc 2.17, the library of every
   package), a no-op that takes seconds when the quickstart or an earlier
   install built it. The wheel is ``manylinux2014_x86_64``.
3. Otherwise (an sdist, or a checkout on another system): ``cargo build
   --release`` of the Rust sources, which the sdist carries under ``rust/``.
   The wheel gets this machine's platform tag. ``--config-settings
   cargo-profile=dev`` builds a debug library instead (the tests use it to
   check the sdist quickly).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import os
import platform as _platform
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - old Pythons get tomli from get_requires_for_build_*
    try:
        import tomli as tomllib
    except ImportError:
        tomllib = None  # type: ignore[assignment]

# bindings/python in a checkout, or the unpacked sdist.
PROJECT = Path(__file__).resolve().parent.parent
PACKAGE = "smartbill_signup"
# In a checkout, the repository root; in an sdist, the bundled Rust sources.
CHECKOUT_ROOT = PROJECT.parent.parent
SDIST_RUST = PROJECT / "rust"
LICENSES = ("LICENSE-MIT", "LICENSE-APACHE")
LIBRARY_NAMES = {"win32": "smartbill_signup.dll", "darwin": "libsmartbill_signup.dylib"}
DEFAULT_LIBRARY_NAME = "libsmartbill_signup.so"
# The files of the repository an sdist needs to build the library: the Cargo
# workspace (every member, and the benches its manifest declares) and the
# generator's inputs. Tests, examples, bindings and scripts stay out.
RUST_PATHS = ("Cargo.toml", "Cargo.lock", "build.rs", "cbindgen.toml", "build/", "src/", "crates/", "benches/", "include/")
# Zip entries get one fixed date, so the same inputs give the same wheel.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
GENERATOR = "smartbill_signup_build"


class BuildError(Exception):
    """A build that cannot go on, with what to do about it."""


# ---------------------------------------------------------------- metadata


def _pyproject() -> Dict[str, Any]:
    if tomllib is None:
        raise BuildError("reading pyproject.toml needs Python 3.11 or the tomli package")
    with open(PROJECT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)


def _version() -> str:
    text = (PROJECT / "src" / PACKAGE / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if not match:
        raise BuildError(f"no __version__ in src/{PACKAGE}/__init__.py")
    return match.group(1)


def _license_file(name: str) -> Path:
    for folder in (PROJECT, CHECKOUT_ROOT):
        if (folder / name).is_file():
            return folder / name
    raise BuildError(f"{name} is missing (looked in {PROJECT} and {CHECKOUT_ROOT})")


def _metadata() -> str:
    """The core metadata (METADATA, PKG-INFO), version 2.4: the license as an
    SPDX expression and its files (PEP 639)."""
    project = _pyproject()["project"]
    lines = [
        "Metadata-Version: 2.4",
        f"Name: {project['name']}",
        f"Version: {_version()}",
        f"Summary: {project['description']}",
    ]
    if "keywords" in project:
        lines.append("Keywords: " + ",".join(project["keywords"]))
    for author in project.get("authors", []):
        lines.append(f"Author: {author['name']}")
    lines.append(f"License-Expression: {project['license']}")
    for name in project.get("license-files", []):
        lines.append(f"License-File: {name}")
    for classifier in project.get("classifiers", []):
        lines.append(f"Classifier: {classifier}")
    for label, url in project.get("urls", {}).items():
        lines.append(f"Project-URL: {label}, {url}")
    lines.append(f"Requires-Python: {project['requires-python']}")
    for extra, requirements in project.get("optional-dependencies", {}).items():
        lines.append(f"Provides-Extra: {extra}")
        for requirement in requirements:
            lines.append(f'Requires-Dist: {requirement}; extra == "{extra}"')
    lines.append("Description-Content-Type: text/markdown; charset=UTF-8")
    readme_file: str = project["readme"]
    readme = (PROJECT / readme_file).read_text(encoding="utf-8")
    return "\n".join(lines) + "\n\n" + readme


def _dist_name() -> str:
    """The distribution's name as file names spell it (PEP 427/625)."""
    return re.sub(r"[-_.]+", "_", _pyproject()["project"]["name"]).lower()


# ---------------------------------------------------------------- the library


def _library_name_for(platform_tag: str) -> str:
    if platform_tag.startswith("win"):
        return LIBRARY_NAMES["win32"]
    if platform_tag.startswith("macosx"):
        return LIBRARY_NAMES["darwin"]
    return DEFAULT_LIBRARY_NAME


def _host_platform_tag() -> str:
    return re.sub(r"[-.]", "_", sysconfig.get_platform())


def _run(command: List[str], cwd: Path, what: str, env: Optional[Mapping[str, str]] = None) -> str:
    print(f"smartbill-signup: {' '.join(command)}", file=sys.stderr, flush=True)
    try:
        done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE, check=False, text=True)
    except FileNotFoundError:
        raise BuildError(
            f"{what} needs {command[0]}, which is not on PATH; building smartbill-signup from source needs "
            "Rust (https://rustup.rs). A wheel for your platform needs nothing but Python."
        ) from None
    if done.returncode != 0:
        raise BuildError(f"{what} failed: {' '.join(command)} exited with {done.returncode}")
    return done.stdout


def _release_library_from_checkout() -> Optional[Path]:
    """The project's release build, in a checkout on x86_64 Linux."""
    script = CHECKOUT_ROOT / "scripts" / "release-lib.sh"
    if not script.is_file() or sys.platform != "linux" or _platform.machine() not in ("x86_64", "AMD64"):
        return None
    if shutil.which("bash") is None:
        return None
    # pip's isolated build environment hides the site-packages where the
    # script finds (or installs) zig; the build runs with the user's Python.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONNOUSERSITE", "PYTHONHOME")}
    out = _run(["bash", str(script)], CHECKOUT_ROOT, "the release build (scripts/release-lib.sh)", env)
    path = Path(out.strip().splitlines()[-1])
    if not path.is_file():
        raise BuildError(f"scripts/release-lib.sh named {path}, which is not a file")
    return path


def _cargo_library(profile: str) -> Path:
    """cargo build of the library from the sdist's rust/ or the checkout."""
    rust = SDIST_RUST if (SDIST_RUST / "Cargo.toml").is_file() else CHECKOUT_ROOT
    if not (rust / "Cargo.toml").is_file():
        raise BuildError(f"the Rust sources are missing: neither {SDIST_RUST} nor {CHECKOUT_ROOT} has Cargo.toml")
    target_dir = Path(os.environ.get("CARGO_TARGET_DIR") or rust / "target")
    if not target_dir.is_absolute():
        target_dir = rust / target_dir
    command = ["cargo", "build", "--locked", "-p", "smartbill-signup", "--lib", "--profile", profile]
    _run(command, rust, "building the native library")
    folder = target_dir / ("debug" if profile == "dev" else profile)
    path = folder / LIBRARY_NAMES.get(sys.platform, DEFAULT_LIBRARY_NAME)
    if not path.is_file():
        raise BuildError(f"cargo finished but {path} is missing")
    return path


def _native_library(config: Mapping[str, Any]) -> Tuple[Path, str]:
    """The library file to ship and the wheel's platform tag."""
    native = config.get("native")
    if native:
        path = Path(native)
        if not path.is_file():
            raise BuildError(f"native={native}: not a file")
        return path, str(config.get("platform") or _host_platform_tag())
    profile = str(config.get("cargo-profile") or "")
    if not profile:
        release = _release_library_from_checkout()
        if release is not None:
            return release, "manylinux2014_x86_64"
    return _cargo_library(profile or "release"), _host_platform_tag()


# ---------------------------------------------------------------- wheel


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode("ascii")


class _Zip:
    """A wheel being written: entries in a fixed order and date, and RECORD."""

    def __init__(self, path: Path) -> None:
        self.zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED)
        self.records: List[str] = []

    def add(self, name: str, data: bytes, executable: bool = False) -> None:
        info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
        info.external_attr = (0o755 if executable else 0o644) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        self.zip.writestr(info, data)
        self.records.append(f"{name},{_record_hash(data)},{len(data)}")

    def close(self, record_name: str) -> None:
        self.records.append(f"{record_name},,")
        info = zipfile.ZipInfo(record_name, date_time=ZIP_DATE)
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, "\n".join(self.records) + "\n", compress_type=zipfile.ZIP_DEFLATED)
        self.zip.close()


def _python_files() -> Iterable[Path]:
    """The package's Python files and py.typed; never a stray library."""
    folder = PROJECT / "src" / PACKAGE
    return sorted(p for p in folder.iterdir() if p.is_file() and (p.suffix == ".py" or p.name == "py.typed"))


def _dist_info_files(dist_info: str, wheel_tag: str) -> List[Tuple[str, bytes]]:
    wheel = f"Wheel-Version: 1.0\nGenerator: {GENERATOR}\nRoot-Is-Purelib: false\nTag: {wheel_tag}\n"
    files = [
        (f"{dist_info}/METADATA", _metadata().encode("utf-8")),
        (f"{dist_info}/WHEEL", wheel.encode("ascii")),
        (f"{dist_info}/top_level.txt", f"{PACKAGE}\n".encode("ascii")),
    ]
    for name in LICENSES:
        files.append((f"{dist_info}/licenses/{name}", _license_file(name).read_bytes()))
    return files


def build_wheel(
    wheel_directory: str, config_settings: Optional[Mapping[str, Any]] = None, metadata_directory: Optional[str] = None
) -> str:
    library, platform_tag = _native_library(config_settings or {})
    version = _version()
    wheel_tag = f"py3-none-{platform_tag}"
    name = f"{_dist_name()}-{version}-{wheel_tag}.whl"
    dist_info = f"{_dist_name()}-{version}.dist-info"
    os.makedirs(wheel_directory, exist_ok=True)
    partial = Path(wheel_directory) / (name + ".part")
    wheel = _Zip(partial)
    for path in _python_files():
        wheel.add(f"{PACKAGE}/{path.name}", path.read_bytes())
    wheel.add(f"{PACKAGE}/{_library_name_for(platform_tag)}", library.read_bytes(), executable=True)
    for entry, data in _dist_info_files(dist_info, wheel_tag):
        wheel.add(entry, data)
    wheel.close(f"{dist_info}/RECORD")
    os.replace(partial, Path(wheel_directory) / name)
    return name


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings: Optional[Mapping[str, Any]] = None) -> str:
    dist_info = f"{_dist_name()}-{_version()}.dist-info"
    folder = Path(metadata_directory) / dist_info
    for entry, data in _dist_info_files(dist_info, "py3-none-any"):
        target = Path(metadata_directory) / entry
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    # The tag is only known once the library is; pip reads METADATA alone.
    (folder / "WHEEL").unlink()
    return dist_info


def _needs_tomli() -> List[str]:
    return ["tomli>=1.1"] if sys.version_info < (3, 11) else []


def get_requires_for_build_wheel(config_settings: Optional[Mapping[str, Any]] = None) -> List[str]:
    return _needs_tomli()


def get_requires_for_build_sdist(config_settings: Optional[Mapping[str, Any]] = None) -> List[str]:
    return _needs_tomli()


# ---------------------------------------------------------------- sdist


def _rust_sources() -> List[Tuple[str, Path]]:
    """(path inside rust/, file) for every Rust source file the sdist needs."""
    if (SDIST_RUST / "Cargo.toml").is_file():  # an sdist of an sdist
        return [(p.relative_to(SDIST_RUST).as_posix(), p) for p in sorted(SDIST_RUST.rglob("*")) if p.is_file()]
    if shutil.which("git") is None:
        raise BuildError("making an sdist from a checkout needs git (to list the repository's files)")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--", *RUST_PATHS], cwd=CHECKOUT_ROOT, stdout=subprocess.PIPE, check=True
    ).stdout.decode("utf-8")
    files = [name for name in listed.split("\0") if name]
    if "Cargo.toml" not in files:
        raise BuildError(f"{CHECKOUT_ROOT} is not the smartbill-signup repository (git lists no Cargo.toml)")
    return [(name, CHECKOUT_ROOT / name) for name in sorted(files) if (CHECKOUT_ROOT / name).is_file()]


def _project_files() -> List[Tuple[str, Path]]:
    """The Python project's own files: metadata, backend, package sources."""
    files = [("pyproject.toml", PROJECT / "pyproject.toml"), ("README.md", PROJECT / "README.md")]
    files += [(f"build_backend/{p.name}", p) for p in sorted((PROJECT / "build_backend").glob("*.py"))]
    files += [(f"src/{PACKAGE}/{p.name}", p) for p in _python_files()]
    files += [(name, _license_file(name)) for name in LICENSES]
    return files


def _tar_add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o644
    info.mtime = 315532800  # 1980-01-01, as in the wheel
    info.uname = info.gname = "root"
    tar.addfile(info, io.BytesIO(data))


def build_sdist(sdist_directory: str, config_settings: Optional[Mapping[str, Any]] = None) -> str:
    base = f"{_dist_name()}-{_version()}"
    name = f"{base}.tar.gz"
    os.makedirs(sdist_directory, exist_ok=True)
    partial = Path(sdist_directory) / (name + ".part")
    entries = [(f"{base}/{inner}", path.read_bytes()) for inner, path in _project_files()]
    entries += [(f"{base}/rust/{inner}", path.read_bytes()) for inner, path in _rust_sources()]
    entries.append((f"{base}/PKG-INFO", _metadata().encode("utf-8")))
    with open(partial, "wb") as raw:
        # mtime=0 in the gzip header too: the same inputs give the same file.
        with tempfile.SpooledTemporaryFile() as spool:
            with tarfile.open(fileobj=spool, mode="w", format=tarfile.PAX_FORMAT) as tar:
                for entry, data in sorted(entries):
                    _tar_add(tar, entry, data)
            spool.seek(0)
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
                shutil.copyfileobj(spool, gz)
    os.replace(partial, Path(sdist_directory) / name)
    return name
