#!/usr/bin/env python3
"""Adds seed inputs for the fuzz targets, made from tests/vectors/*.json,
to fuzz/corpus/<target>/, one file per input named by its SHA-1 (as
libFuzzer names its finds). Run it after adding vectors; scripts/fuzz.sh
then minimizes each corpus. Usage: python3 fuzz/make_seeds.py"""

import hashlib
import json
import pathlib
import struct

ROOT = pathlib.Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors"
SEEDS = ROOT / "fuzz" / "corpus"

FIELDS = ["pComRegNo", "pComName", "pComPresident", "pComBizStatus", "pComBizClass",
          "pZipCode", "pComAddress", "pMIGRATIONFLAG", "pMemName", "pMemTel", "pMemHP",
          "pMemFax", "pMemEmail", "pMasterYN", "pID"]
# Must match OPTIONS in fuzz_targets/form.rs: (canonical name, value) -> index.
OPTIONS = {("input_charset", "utf-8"): 0, ("input_charset", "euc-kr"): 1,
           ("input_charset", "cp949"): 2, ("input_charset", "ms949"): 3,
           ("output_charset", "utf-8"): 4, ("output_charset", "euc-kr"): 5,
           ("page_charset", "euc-kr"): 6, ("auto_submit", "no"): 8, ("auto_submit", "0"): 10,
           ("auto_submit", "true"): 9, ("brn_check", "digits"): 14,
           ("input_charset", "latin1"): 17, ("output_charset", "latin1"): 17,
           ("auto_submit", "maybe"): 19, ("brn_check", "lax"): 21, ("colour", "blue"): 22}
ENVIRONMENTS = ["demo", "production", "http://127.0.0.1:8080/p", "https://gw.example.com/smartbill/"]


def raw(case, key="input"):
    if key in case:
        return case[key].encode()
    if key + "_hex" in case:
        return bytes.fromhex(case[key + "_hex"])
    if "input_repeat" in case:
        r = case["input_repeat"]
        return (r["head"] + r["unit"] * r["count"] + r["tail"]).encode()
    return None


def write(target, data, seen):
    digest = hashlib.sha1(data).hexdigest()
    if digest in seen:
        return
    seen.add(digest)
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / digest).write_bytes(data)


def brn(seen):
    vectors = json.loads((VECTORS / "brn.json").read_text())
    items = [raw(c) for c in vectors["cases"] if raw(c) is not None]
    for item in items:
        write("brn", b"\n\x0b" + item, seen)
    write("brn", b"\n\x0b" + b"\n".join(items), seen)
    write("brn", b",\x0b" + b",".join(items), seen)
    padded = b"".join(i[:12].ljust(12) for i in items)
    write("brn", b"\x00\x0b" + padded, seen)
    return [i for i in items]


def brn_array(seen):
    """Seeds for fuzz_targets/brn_array.rs: a flags byte, then each item as
    a head byte (top 2 bits: how it is passed; low 6 bits: its length) and
    its bytes."""
    vectors = json.loads((VECTORS / "brn.json").read_text())

    def encode(items, modes=None):
        out = b""
        for i, item in enumerate(items):
            item = item[:63]
            mode = modes[i % len(modes)] if modes else 0
            out += bytes([mode << 6 | len(item)]) + item
        return out

    for case in vectors["array"]:
        items = [raw(item) for item in case["items"]]
        write("brn_array", b"\x00" + encode(items), seen)
        write("brn_array", b"\x01" + encode(items), seen)
        write("brn_array", b"\x00" + encode(items, [0, 1, 2, 3]), seen)
    items = [raw(c) for c in vectors["cases"] if raw(c) is not None]
    for start in range(0, len(items), 8):
        write("brn_array", b"\x00" + encode(items[start:start + 8]), seen)
        write("brn_array", b"\x00" + encode(items[start:start + 8], [1, 0]), seen)
    write("brn_array", b"", seen)


def callback(seen):
    vectors = json.loads((VECTORS / "callback.json").read_text())
    bodies = []
    for case in vectors["parse"]:
        body = raw(case)
        if body is not None and len(body) <= 8192:
            write("callback", body, seen)
            bodies.append(body)
    return bodies


def form(seen):
    vectors = json.loads((VECTORS / "form.json").read_text())
    texts = []
    for case in vectors["cases"]:
        env = case.get("environment", "demo")
        header = ENVIRONMENTS.index(env) << 6 if env in ENVIRONMENTS else 0
        ops = b""
        for step in case["steps"]:
            value = raw(step) * step.get("repeat", 1)
            texts.append(value)
            if "set" in step:
                name = step["set"]
                if name in FIELDS:
                    op, payload = FIELDS.index(name), value
                else:
                    op, payload = 15, name.encode() + b"=" + value
            elif step["option"] == "target":
                op, payload = 17, value
            else:
                key = (step["option"], value.decode("utf-8", "replace").lower())
                if key not in OPTIONS:
                    continue
                op, payload = 16, bytes([OPTIONS[key]])
            payload = payload[:65535]
            ops += bytes([op]) + struct.pack("<H", len(payload)) + payload
        write("form", bytes([header]) + ops, seen)
        write("form", bytes([header | 1]) + ops, seen)
    return texts


def cp949(texts, seen):
    for text in texts:
        if len(text) > 4096:
            continue
        write("cp949", text, seen)
        try:
            write("cp949", text.decode("utf-8").encode("cp949"), seen)
        except (UnicodeDecodeError, UnicodeEncodeError):
            pass
    for text in ["3·1대로", "25°C", "2×4", "±5", "Model α1", "Жa", "ß9", "뷁 똠방각하", "\u3000회사\u3000",
                 "€", "\u00a0x", "ｱｲｳ", "①②", "丁"]:
        write("cp949", text.encode(), seen)
        try:
            write("cp949", text.encode("cp949"), seen)
        except UnicodeEncodeError:
            pass


def main():
    seen = set()
    texts = brn(seen) + callback(seen) + form(seen)
    brn_array(seen)
    cp949(texts, seen)
    for target in sorted(p.name for p in SEEDS.iterdir()):
        print(target, len(list((SEEDS / target).iterdir())))


if __name__ == "__main__":
    main()
