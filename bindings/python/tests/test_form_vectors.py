"""The shared form vectors (tests/vectors/form.json) through the Python API.

A vector case is a list of C-style steps on one form. In Python the same
settings are spelled differently, and each case is translated:

- ``set`` steps are ``form.set(name, value)`` calls, in order (bytes for
  ``input_hex``);
- the options ``brn_check`` and ``input_charset`` are ``SignupForm``
  arguments (the library applies ``brn_check`` at validation, so where it
  comes among the steps does not matter);
- ``output_charset``/``page_charset``, ``auto_submit`` and ``target`` are
  arguments of ``html``/``html_bytes``/``urlencoded``; a refused value fails
  that call and is not remembered by the form for other calls;
- an unknown option cannot be spelled at all: ``SignupForm`` refuses the
  keyword (``TypeError``) before the library is reached.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any, Callable, Dict, List, Optional, Tuple, Union
from urllib.parse import parse_qsl

import pytest

import smartbill_signup as sb
from support import korean, vectors

FORM = vectors("form.json")
CASES: List[Dict[str, Any]] = FORM["cases"]

CONSTRUCTOR_OPTIONS = {"brn_check": "brn_check", "input_charset": "input_charset"}
CALL_OPTIONS = {"output_charset": "charset", "page_charset": "charset", "auto_submit": "auto_submit", "target": "target"}


def step_value(step: Dict[str, Any]) -> Union[str, bytes]:
    unit: Union[str, bytes] = bytes.fromhex(step["input_hex"]) if "input_hex" in step else step["input"]
    return unit * step.get("repeat", 1)


def expect_error(
    status: str, call: Callable[[], object], field: Optional[str] = None, contains: Tuple[str, ...] = ()
) -> sb.SmartbillError:
    with pytest.raises(sb.SmartbillError) as info:
        call()
    error = info.value
    assert error.status_name == status, error
    if field is not None:
        assert error.field == field, error
    for part in contains:
        assert part in error.message, (part, error.message)
    if status.startswith("FIELD_") or status in ("INVALID_ARGUMENT", "INVALID_TEXT"):
        assert type(error) is sb.FormError
    return error


class HiddenInputs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.pairs: List[Tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        a = dict(attrs)
        if tag == "input" and a.get("type") == "hidden":
            self.pairs.append((a["name"] or "", a["value"] or ""))


def hidden_inputs(page: str) -> List[Tuple[str, str]]:
    parser = HiddenInputs()
    parser.feed(page)
    return parser.pairs


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 100
    statuses = {c["status"] for c in CASES}
    assert {"OK", "FIELD_REQUIRED", "FIELD_FORMAT", "FIELD_TOO_LONG", "FIELD_UNENCODABLE"} <= statuses


@pytest.mark.parametrize("case", FORM["environments"], ids=lambda c: repr(c["environment"]))
def test_environment(case: Dict[str, Any]) -> None:
    if case["status"] == "OK":
        with sb.SignupForm(environment=case["environment"]) as form:
            assert form.action_url == case["action_url"]
    else:
        expect_error(case["status"], lambda: sb.SignupForm(environment=case["environment"]), case.get("field"))


def option(step: Dict[str, Any]) -> str:
    """A step's option name as the library reads it: trimmed of Unicode
    White_Space, which str.strip() also removes (a Python keyword cannot
    carry the whitespace itself)."""
    return str(step["option"]).strip()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["note"])
def test_case(case: Dict[str, Any]) -> None:
    final, field = case["status"], case.get("field")
    contains = tuple(case.get("message_contains", ()))
    steps = case["steps"]
    option_steps = [s for s in steps if "option" in s]
    unknown = [s for s in option_steps if option(s) not in CONSTRUCTOR_OPTIONS and option(s) not in CALL_OPTIONS]
    if unknown:
        name = option(unknown[0])
        assert final == "INVALID_ARGUMENT" and field == name
        with pytest.raises(TypeError, match=name):
            sb.SignupForm(**{name: unknown[0]["input"]})  # type: ignore[arg-type]
        return

    # Constructor options: the last value of each wins.
    constructor: Dict[str, Any] = {}
    for step in option_steps:
        if option(step) in CONSTRUCTOR_OPTIONS:
            constructor[CONSTRUCTOR_OPTIONS[option(step)]] = (step["input"], step.get("status", "OK"))
    refused = [(k, v) for k, (v, status) in constructor.items() if status != "OK"]
    kwargs = {k: v for k, (v, _) in constructor.items()}
    environment = case.get("environment", "demo")
    if refused:
        assert final == "INVALID_ARGUMENT"
        expect_error(final, lambda: sb.SignupForm(environment=environment, **kwargs), field, contains)
        return

    with sb.SignupForm(environment=environment, **kwargs) as form:
        for step in steps:
            if "set" in step:
                name, value, status = step["set"], step_value(step), step.get("status", "OK")
                if status == "OK":
                    form.set(name, value)
                else:
                    expect_error(status, lambda: form.set(name, value), name)

        # Per-call options: a refused value fails the call; the last value is used.
        call: Dict[str, Any] = {}
        last_status: Dict[str, Tuple[str, str]] = {}
        for step in option_steps:
            if option(step) in CALL_OPTIONS:
                kw, status = CALL_OPTIONS[option(step)], step.get("status", "OK")
                call[kw] = step["input"]
                last_status[kw] = (option(step), status)
                if status != "OK":
                    expect_error(status, lambda: form.html(**{kw: step["input"]}), option(step))
        call_refused = next((name for name, status in last_status.values() if status != "OK"), None)
        charset = call.get("charset", "utf-8")

        if call_refused is not None:
            # The form itself is fine; only calls with the refused value fail.
            expect_error(final, lambda: form.html(**call), field, contains)
            form.validate()
            return
        if final != "OK":
            error = expect_error(final, form.validate, field, contains)
            if field in FORM["personal_fields"]:
                for step in steps:
                    value = step.get("input", "").strip(" ")
                    if step.get("set") == field and len(value) >= 3:
                        assert value not in error.message, (error.message, "quotes personal data")
            if "message_ko" in case:
                with korean(), pytest.raises(sb.FormError) as info:
                    form.validate()
                assert info.value.message == case["message_ko"]
                assert (info.value.status_name, info.value.field) == (final, field)
            expect_error(final, lambda: form.html(**call), field, contains)
            expect_error(final, lambda: form.urlencoded(charset), field, contains)
            return

        form.validate()
        body = form.urlencoded(charset)
        assert body == case["urlencoded"].encode("ascii")
        page_bytes = form.html_bytes(**call)
        page = form.html(**call)
        codec = "utf-8" if charset.lower() == "utf-8" else "cp949"
        assert page == page_bytes.decode(codec)
        for text in case.get("html_contains", ()):
            assert text in page, text
        for hex_text in case.get("html_contains_hex", ()):
            assert bytes.fromhex(hex_text) in page_bytes, hex_text
        for text in case.get("html_excludes", ()):
            assert text not in page, text
        assert hidden_inputs(page) == parse_qsl(body.decode("ascii"), keep_blank_values=True, encoding=codec)


def test_every_case_was_expressible() -> None:
    # Only the unknown-option case cannot reach the library from Python.
    unknown = [
        c["note"]
        for c in CASES
        if any("option" in s and option(s) not in CONSTRUCTOR_OPTIONS and option(s) not in CALL_OPTIONS for s in c["steps"])
    ]
    assert unknown == ["an unknown option"]
