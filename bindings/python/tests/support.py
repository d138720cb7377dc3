"""Helpers shared by the tests: where the repository's vectors and header
are, and how a vector case's input becomes bytes. The tests import the
installed package (run-tests.sh installs it from this checkout first; the
packaging tests install a wheel and run a copy of these tests elsewhere,
with SMARTBILL_REPO naming the repository)."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any, Dict, Iterator

REPO = Path(os.environ.get("SMARTBILL_REPO") or Path(__file__).resolve().parents[3])
# Cargo's directory of final artifacts (scripts/lib.sh exports it).
TARGET = Path(os.environ.get("SMARTBILL_TARGET_DIR") or REPO / "target")
VECTORS = REPO / "tests" / "vectors"
HEADER = REPO / "include" / "smartbill_signup.h"


def vectors(name: str) -> Dict[str, Any]:
    with open(VECTORS / name, encoding="utf-8") as f:
        return json.load(f)


def input_bytes(case: Dict[str, Any]) -> bytes:
    """A case's input: ``input`` as UTF-8 text, or ``input_hex`` as raw bytes."""
    if "input_hex" in case:
        return bytes.fromhex(case["input_hex"])
    return case["input"].encode("utf-8")


def case_id(case: Dict[str, Any]) -> str:
    return case.get("note", "")


@contextlib.contextmanager
def korean() -> Iterator[None]:
    """Messages made on this thread inside the block are Korean."""
    import smartbill_signup as sb

    sb.set_language("ko")
    try:
        yield
    finally:
        sb.set_language("")
