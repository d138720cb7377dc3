"""The shared callback vectors (tests/vectors/callback.json) through the
wrapper: every parse case (as bytes, and as str when the body is text) and
every source-address case."""

from __future__ import annotations

from typing import Any, Dict, List, Union

import pytest

import smartbill_signup as sb
from support import korean, vectors

CALLBACK = vectors("callback.json")
PARSE: List[Dict[str, Any]] = CALLBACK["parse"]
SOURCE: List[Dict[str, Any]] = CALLBACK["source"]
SECRETS: List[str] = CALLBACK["secrets"]
PERSONAL: List[str] = CALLBACK["personal"]
KEY_FLAGS: List[Dict[str, Any]] = CALLBACK["key_flags"]

# The typed attributes and the key each one reads.
ATTRIBUTES = {
    "user_sbid": "USER_SBID",
    "user_name": "USER_NAME",
    "user_email": "USER_EMAIL",
    "user_phone": "USER_PHONE",
    "com_regno": "COM_REGNO",
    "com_name": "COM_NAME",
    "com_president": "COM_PRESIDENT",
    "com_address": "COM_ADDRESS",
    "reg_yn": "regYn",
    "auth_code": "AUTH_CODE",
    "auth_token": "AUTH_TOKEN",
    "erp_user_id": "pID",
}


def body_of(case: Dict[str, Any]) -> bytes:
    if "input_repeat" in case:
        r = case["input_repeat"]
        return (r["head"] + r["unit"] * r["count"] + r["tail"]).encode("utf-8")
    if "input_hex" in case:
        return bytes.fromhex(case["input_hex"])
    return case["input"].encode("utf-8")


def bodies(case: Dict[str, Any]) -> List[Union[bytes, str]]:
    data = body_of(case)
    return [data, case["input"]] if "input" in case else [data]


def parse(case: Dict[str, Any], body: Union[bytes, str]) -> sb.Callback:
    return sb.parse_callback(body, case.get("max_bytes"))


def test_there_are_enough_cases() -> None:
    assert len(PARSE) >= 60 and len(SOURCE) >= 20
    assert CALLBACK["default_max_bytes"] == 64 * 1024


@pytest.mark.parametrize("case", PARSE, ids=lambda c: c["name"])
def test_parse_case(case: Dict[str, Any]) -> None:
    for body in bodies(case):
        if case["status"] != "OK":
            with pytest.raises(sb.SmartbillError) as info:
                parse(case, body)
            e = info.value
            assert e.status_name == case["status"], e
            assert type(e) is sb.CallbackError
            assert e.field == case.get("field"), e
            for part in case.get("message_contains", ()):
                assert part in e.message, (part, e.message)
            if "message_ko" in case:
                with korean(), pytest.raises(sb.CallbackError) as info:
                    parse(case, body)
                assert info.value.message == case["message_ko"]
                assert (info.value.status_name, info.value.field) == (e.status_name, e.field)
            continue
        cb = parse(case, body)
        for key, want in case["fields"].items():
            assert cb.get(key) == want, key
            assert key in cb
        for key in case["absent"]:
            assert cb.get(key) is None, key
            assert key not in cb
        if "keys" in case:
            assert cb.keys() == tuple(case["keys"])
            assert list(cb.to_dict()) == case["keys"]
        assert cb.com_regno_valid is case["com_regno_valid"]
        for attribute, key in ATTRIBUTES.items():
            assert getattr(cb, attribute) == cb.get(key), attribute
        for key, want in case.get("cp949", {}).items():
            # The wrapper hands out str; a Python caller writing CP949 uses
            # Python's codec, which must give what C callers get.
            try:
                got = cb.get(key).encode("cp949").hex()  # type: ignore[union-attr]
            except UnicodeEncodeError:
                got = "UNENCODABLE"
            assert got == want, key


def test_the_default_limit_is_the_library_s() -> None:
    limit = CALLBACK["default_max_bytes"]
    # A string value padded to exactly the limit parses; one byte more does not.
    head = '{"USER_SBID":"a","COM_REGNO":"1","AUTH_CODE":"c","AUTH_TOKEN":"t","X":"'
    body = head + "x" * (limit - len(head) - 2) + '"}'
    assert len(body) == limit
    assert sb.parse_callback(body).get("X") == "x" * (limit - len(head) - 2)
    with pytest.raises(sb.CallbackError) as info:
        sb.parse_callback(body + " ")
    assert info.value.status_name == "CALLBACK_TOO_LARGE"
    assert sb.parse_callback(body + " ", max_bytes=limit + 1).user_sbid == "a"


def test_secrets_and_personal_data_never_appear_in_messages_or_string_forms() -> None:
    outputs: List[str] = []
    for case in PARSE:
        try:
            cb = sb.parse_callback(body_of(case), case.get("max_bytes"))
        except sb.SmartbillError as e:
            outputs += [str(e), repr(e), e.message]
        else:
            forms = [str(cb), repr(cb), f"{cb}", "%s %r" % (cb, cb)]
            for value in case.get("shown", []):
                assert all(value in text for text in forms), (value, forms[0])
            outputs += forms
    assert len(outputs) > 100
    for output in outputs:
        for secret in SECRETS:
            # No eight characters in a row from a secret, let alone all of it.
            for i in range(len(secret) - 7):
                assert secret[i : i + 8] not in output, (output, secret)
        for value in PERSONAL:
            assert value not in output, (output, value)
    assert any("USER_NAME=<redacted, 3 chars>" in output for output in outputs)
    assert any("ERP_NOTE=<redacted, 17 chars>" in output for output in outputs)


@pytest.mark.parametrize("case", KEY_FLAGS, ids=lambda c: c["key"])
def test_key_flags_case(case: Dict[str, Any]) -> None:
    info = sb.callback_key_info(case["key"])
    assert info == sb.CallbackKeyInfo(case["known"], case["required"], case["sensitivity"])
    assert sb.callback_key_info(case["key"].encode("utf-8")) == info


@pytest.mark.parametrize("case", SOURCE, ids=lambda c: c["note"])
def test_source_case(case: Dict[str, Any]) -> None:
    def check() -> bool:
        return sb.callback_source_allowed(case["ip"], case["environment"], case["extra_ips"])

    if case["status"] == "OK":
        assert check() is case["allowed"]
        # The same list given as a Python list.
        extras = [ip for ip in case["extra_ips"].replace(";", ",").replace("\n", ",").split(",") if ip.strip()]
        assert sb.callback_source_allowed(case["ip"], case["environment"], extras) is case["allowed"]
        assert sb.callback_source_allowed(case["ip"].encode(), case["environment"], case["extra_ips"]) is case["allowed"]
    else:
        with pytest.raises(sb.CallbackError) as info:
            check()
        assert info.value.status_name == case["status"]
