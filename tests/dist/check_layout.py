"""Checks what scripts/dist.sh put in dist/ against what each community
expects (issue 13): names, tags, folders, metadata, and that every Linux
artifact carries the same release library and every Windows slot the
DLL of scripts/build-windows.sh, byte for byte.

Usage: python3 check_layout.py DIST VERSION RELEASE_SO WINDOWS_DIR|none
Prints one line per check; exits 1 if any failed.
"""

from __future__ import annotations

import email.parser
import hashlib
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Dict, List, Optional

failures: List[str] = []


def check(ok: bool, what: str) -> None:
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def zip_files(path: Path) -> Dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist() if not name.endswith("/")}


def main() -> int:
    dist, version, release_so, windows = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), sys.argv[4]
    linux = sha(release_so.read_bytes())
    win: Optional[Dict[str, Path]] = None
    if windows != "none":
        win = {"x64": Path(windows) / "x86_64", "x86": Path(windows) / "i686"}
    win_dll = {arch: sha((folder / "smartbill_signup.dll").read_bytes()) for arch, folder in (win or {}).items()}

    # SHA256SUMS lists every file, and every sum is right.
    sums = {}
    for line in (dist / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split(maxsplit=1)
        sums[name] = digest
    files = sorted(str(p.relative_to(dist)) for p in dist.rglob("*") if p.is_file() and p.name != "SHA256SUMS")
    check(sorted(sums) == files, f"SHA256SUMS lists the {len(files)} files of dist/")
    check(all(sha((dist / n).read_bytes()) == d for n, d in sums.items()), "SHA256SUMS: every sum matches")

    # Python: wheels py3-none-<platform> with the library inside the package.
    tags = ["manylinux2014_x86_64"] + (["win_amd64", "win32"] if win else [])
    for tag in tags:
        wheel = dist / "python" / f"smartbill_signup-{version}-py3-none-{tag}.whl"
        check(wheel.is_file(), f"python: {wheel.name}")
        if not wheel.is_file():
            continue
        content = zip_files(wheel)
        info = f"smartbill_signup-{version}.dist-info"
        library = {"manylinux2014_x86_64": "libsmartbill_signup.so"}.get(tag, "smartbill_signup.dll")
        expected = {"manylinux2014_x86_64": linux, "win_amd64": win_dll.get("x64"), "win32": win_dll.get("x86")}[tag]
        check(sha(content.get(f"smartbill_signup/{library}", b"")) == expected, f"python {tag}: smartbill_signup/{library} is the release build")
        wheel_meta = content[f"{info}/WHEEL"].decode()
        check(f"Tag: py3-none-{tag}\n" in wheel_meta and "Root-Is-Purelib: false" in wheel_meta, f"python {tag}: WHEEL tag py3-none-{tag}, not purelib")
        meta = email.parser.Parser().parsestr(content[f"{info}/METADATA"].decode())
        check(meta["Name"] == "smartbill-signup" and meta["Version"] == version, "python: Name smartbill-signup, Version " + version)
        check(meta["License-Expression"] == "MIT OR Apache-2.0", "python: License-Expression MIT OR Apache-2.0")
        check(sorted(meta.get_all("License-File") or []) == ["LICENSE-APACHE", "LICENSE-MIT"]
              and f"{info}/licenses/LICENSE-MIT" in content and f"{info}/licenses/LICENSE-APACHE" in content,
              "python: license files in the wheel")
        record = content[f"{info}/RECORD"].decode()
        check(all(f"{name}," in record for name in content if not name.endswith("RECORD")), "python: RECORD lists every file")
        stray = [n for n in content if n.startswith("smartbill_signup/") and not (n.endswith(".py") or n.endswith("py.typed") or n.endswith(library))]
        check(not stray, f"python {tag}: no stray files in the package {stray}")
    sdist = dist / "python" / f"smartbill_signup-{version}.tar.gz"
    with tarfile.open(sdist) as tar:
        names = tar.getnames()
    base = f"smartbill_signup-{version}"
    needed = ["pyproject.toml", "PKG-INFO", "LICENSE-MIT", "LICENSE-APACHE", "build_backend/smartbill_signup_build.py",
              "src/smartbill_signup/__init__.py", "rust/Cargo.toml", "rust/Cargo.lock", "rust/build.rs", "rust/src/lib.rs",
              "rust/crates/core/Cargo.toml"]
    check(all(f"{base}/{n}" in names for n in needed), "python sdist: the package, its backend and the Rust sources")
    check(not any("/target/" in n or n.endswith((".so", ".dll")) for n in names), "python sdist: no build output, no library")

    # Java: one jar with every native in JNA's folders, sources, javadoc, pom.
    jar_name = f"smartbill-signup-{version}"
    jar = zip_files(dist / "java" / f"{jar_name}.jar")
    check(sha(jar.get("linux-x86-64/libsmartbill_signup.so", b"")) == linux, "java: linux-x86-64/libsmartbill_signup.so is the release build")
    for arch, folder in (("x64", "win32-x86-64"), ("x86", "win32-x86")):
        if win:
            check(sha(jar.get(f"{folder}/smartbill_signup.dll", b"")) == win_dll[arch], f"java: {folder}/smartbill_signup.dll is the {arch} build")
        else:
            check(f"{folder}/smartbill_signup.dll" not in jar, f"java: {folder}/ left out (no Windows DLLs built)")
    manifest = jar["META-INF/MANIFEST.MF"].decode()
    check("Automatic-Module-Name: kr.smartbill.signup" in manifest, "java: Automatic-Module-Name")
    check("META-INF/LICENSE-MIT" in jar and "META-INF/LICENSE-APACHE" in jar, "java: licenses in META-INF/")
    check("kr/smartbill/signup/LeakGuard.class" in jar, "java: the leak guard is in the jar")
    sources = zip_files(dist / "java" / f"{jar_name}-sources.jar")
    check("kr/smartbill/signup/SignupForm.java" in sources and not any(n.endswith((".so", ".dll")) for n in sources), "java: -sources.jar has the sources, no natives")
    javadoc = zip_files(dist / "java" / f"{jar_name}-javadoc.jar")
    check("kr/smartbill/signup/SignupForm.html" in javadoc, "java: -javadoc.jar documents SignupForm")
    pom = (dist / "java" / f"{jar_name}.pom").read_text()
    for element in ("<groupId>io.github.smartbill-signup</groupId>", "<artifactId>smartbill-signup</artifactId>",
                    f"<version>{version}</version>", "<name>MIT</name>", "<name>Apache-2.0</name>", "<scm>", "<url>https://github.com/smartbill-signup/smartbill-signup</url>"):
        check(element in pom, f"java pom: {element}")

    # C#: the nupkg as wasmtime-dotnet lays it out, plus build/<id>.targets.
    nupkg = zip_files(dist / "csharp" / f"SmartbillSignup.{version}.nupkg")
    for framework in ("netstandard2.0", "net45"):
        check(f"lib/{framework}/SmartbillSignup.dll" in nupkg, f"csharp: lib/{framework}/SmartbillSignup.dll")
    check(b"netstandard" in nupkg.get("lib/netstandard2.0/SmartbillSignup.dll", b"") and b".NETStandard,Version=v2.0" in nupkg.get("lib/netstandard2.0/SmartbillSignup.dll", b""),
          "csharp: the netstandard2.0 assembly references netstandard")
    check(sha(nupkg.get("runtimes/linux-x64/native/libsmartbill_signup.so", b"")) == linux, "csharp: runtimes/linux-x64/native is the release build")
    for arch, rid in (("x64", "win-x64"), ("x86", "win-x86")):
        path = f"runtimes/{rid}/native/smartbill_signup.dll"
        if win:
            check(sha(nupkg.get(path, b"")) == win_dll[arch], f"csharp: {path} is the {arch} build")
        else:
            check(path not in nupkg, f"csharp: {path} left out (no Windows DLLs built)")
    targets = nupkg.get("build/SmartbillSignup.targets", b"").decode()
    check("<Link>x86\\smartbill_signup.dll</Link>" in targets and "<Link>x64\\smartbill_signup.dll</Link>" in targets
          and "win-x86\\native\\smartbill_signup.dll" in targets and "win-x64\\native\\smartbill_signup.dll" in targets,
          "csharp: build/SmartbillSignup.targets copies win-x86 to x86\\ and win-x64 to x64\\")
    nuspec = nupkg.get("SmartbillSignup.nuspec", b"").decode()
    check("<id>SmartbillSignup</id>" in nuspec and f"<version>{version}</version>" in nuspec, "csharp: nuspec id and version")
    check("LICENSE-MIT" in nupkg and "LICENSE-APACHE" in nupkg, "csharp: licenses in the package")

    # C: the Linux tarball (SONAME, link, static library, pkg-config) and the Windows zips.
    name = f"smartbill-signup-{version}-linux-x86_64"
    with tarfile.open(dist / "c" / f"{name}.tar.gz") as tar:
        members = {m.name: m for m in tar.getmembers()}
        so = members.get(f"{name}/lib/libsmartbill_signup.so.0")
        link = members.get(f"{name}/lib/libsmartbill_signup.so")
        so_bytes = tar.extractfile(so).read() if so else b""  # type: ignore[union-attr]
        pc = tar.extractfile(members[f"{name}/lib/pkgconfig/smartbill_signup.pc"]).read().decode()  # type: ignore[union-attr]
        for f in ("include/smartbill_signup.h", "include/SMARTBILL.cpy", "lib/libsmartbill_signup.a", "README.md", "LICENSE-MIT", "LICENSE-APACHE"):
            check(f"{name}/{f}" in members, f"c linux: {f}")
    check(sha(so_bytes) == linux, "c linux: lib/libsmartbill_signup.so.0 is the release build")
    check(link is not None and link.issym() and link.linkname == "libsmartbill_signup.so.0", "c linux: lib/libsmartbill_signup.so -> libsmartbill_signup.so.0")
    soname = subprocess.run(["readelf", "-d", str(release_so)], stdout=subprocess.PIPE, text=True).stdout
    check("Library soname: [libsmartbill_signup.so.0]" in soname, "c linux: SONAME libsmartbill_signup.so.0")
    check(re.search(r"^Libs: -L\$\{libdir\} -lsmartbill_signup$", pc, re.M) is not None, "c linux: pkg-config Libs")
    check(re.search(r"^Libs.private: .*-lpthread.*-ldl", pc, re.M) is not None, "c linux: pkg-config Libs.private for static linking")
    check(f"Version: {version}" in pc and "prefix=${pcfiledir}/../.." in pc, "c linux: pkg-config version, relocatable prefix")
    for arch, suffix in (("x64", "x86_64"), ("x86", "x86")):
        zname = f"smartbill-signup-{version}-windows-{suffix}"
        zip_path = dist / "c" / f"{zname}.zip"
        if not win:
            check(not zip_path.exists(), f"c: {zip_path.name} left out (no Windows DLLs built)")
            continue
        content = zip_files(zip_path)
        check(sha(content.get(f"{zname}/lib/smartbill_signup.dll", b"")) == win_dll[arch], f"c {suffix}: lib/smartbill_signup.dll is the {arch} build")
        for f in ("lib/libsmartbill_signup.dll.a", "lib/smartbill_signup.lib", "lib/pkgconfig/smartbill_signup.pc",
                  "include/smartbill_signup.h", "include/SMARTBILL.cpy", "README.md", "LICENSE-MIT", "LICENSE-APACHE"):
            check(f"{zname}/{f}" in content, f"c {suffix}: {f}")

    # CLI: the Linux tarball (glibc 2.17) and smartbill-signup.exe in a zip per Windows target.
    name = f"smartbill-signup-{version}-cli-linux-x86_64"
    with tarfile.open(dist / "cli" / f"{name}.tar.gz") as tar:
        members = {m.name: m for m in tar.getmembers()}
        tool = members.get(f"{name}/bin/smartbill-signup")
        check(tool is not None and tool.isfile() and bool(tool.mode & 0o111), "cli linux: bin/smartbill-signup, executable")
        for f in ("README.md", "LICENSE-MIT", "LICENSE-APACHE"):
            check(f"{name}/{f}" in members, f"cli linux: {f}")
        if tool is not None:
            data = tar.extractfile(tool).read()  # type: ignore[union-attr]
            versions = set(re.findall(rb"GLIBC_2\.(\d+)", data))
            newest = max((int(v) for v in versions), default=0)
            check(newest <= 17, f"cli linux: needs glibc 2.{newest} at most 2.17")
    for arch, suffix in (("x64", "x86_64"), ("x86", "x86")):
        zname = f"smartbill-signup-{version}-cli-windows-{suffix}"
        zip_path = dist / "cli" / f"{zname}.zip"
        if not win:
            check(not zip_path.exists(), f"cli: {zip_path.name} left out (no Windows build)")
            continue
        content = zip_files(zip_path)
        exe = content.get(f"{zname}/smartbill-signup.exe", b"")
        check(exe == (win[arch] / "smartbill-signup.exe").read_bytes(), f"cli {suffix}: smartbill-signup.exe is the {arch} build")
        machine = {"x64": b"PE\0\0\x64\x86", "x86": b"PE\0\0\x4c\x01"}[arch]
        check(machine in exe[:1024], f"cli {suffix}: a PE executable for {arch}")
        for f in ("README.md", "LICENSE-MIT", "LICENSE-APACHE"):
            check(f"{zname}/{f}" in content, f"cli {suffix}: {f}")

    print(f"dist layout: {len(failures)} failed" if failures else "dist layout: all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
