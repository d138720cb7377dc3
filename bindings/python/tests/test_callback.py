"""Callback: what the wrapper itself adds (an immutable object read out of
the native handle, lookups, redaction, argument types). The rules are
covered by test_callback_vectors.py."""

from __future__ import annotations

import json
from typing import Any, Dict

import pytest

import smartbill_signup as sb

SECRET_CODE = "13F89DFEK99D4474A67EABE8F7258AA5"
SECRET_TOKEN = "cnV0Qnp1VjlrZUJus00teFZCanU3Mkr2buhRe1FTR0hdNVJ5YnZCS0pzdwhpvURBMFQ0R2hkc0FUMVJFe1V6MAo="


def body(**extra: Any) -> bytes:
    fields: Dict[str, Any] = {"USER_SBID": "test1", "COM_REGNO": "1248100998", "AUTH_CODE": SECRET_CODE, "AUTH_TOKEN": SECRET_TOKEN}
    fields.update(extra)
    return json.dumps(fields, ensure_ascii=False).encode("utf-8")


def test_values_are_plain_str() -> None:
    cb = sb.parse_callback(body(COM_NAME=" 스마트빌 ", N=5, USER_NAME=None))
    assert cb.com_name == "스마트빌"  # trimmed by the library
    assert cb.get("N") == "5"
    assert cb.user_name is None and "USER_NAME" not in cb.keys()
    assert all(type(cb.get(k)) is str for k in cb.keys())
    assert cb.com_regno_valid is True


@pytest.mark.parametrize("as_type", [bytes, bytearray, memoryview, lambda b: b.decode("utf-8")])
def test_body_types(as_type: Any) -> None:
    assert sb.parse_callback(as_type(body())).user_sbid == "test1"


def test_body_with_bom() -> None:
    assert sb.parse_callback(b"\xef\xbb\xbf" + body()).user_sbid == "test1"


def test_non_text_body_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="body must be str or bytes"):
        sb.parse_callback({"USER_SBID": "x"})  # type: ignore[arg-type]


class TestLookup:
    def test_any_case_any_spelling(self) -> None:
        cb = sb.parse_callback(body(regYN="Y", Email="kim@example.co.kr", pID="erp-7", Custom_Key="v"))
        assert cb.reg_yn == cb.get("REGYN") == cb.get("regyn") == cb.get(" regYn ") == "Y"
        assert cb.user_email == cb.get("Email") == cb.get("USER_EMAIL") == "kim@example.co.kr"
        assert cb.get("SBID") == cb.get("sbid") == cb.user_sbid == "test1"
        assert cb.erp_user_id == cb.get("PID") == "erp-7"
        assert cb.get("custom_key") == cb.get("Custom_Key") == "v"
        assert cb.get(b"CUSTOM_KEY") == "v"
        assert cb.keys() == ("USER_SBID", "COM_REGNO", "AUTH_CODE", "AUTH_TOKEN", "regYn", "USER_EMAIL", "pID", "Custom_Key")

    def test_absent_empty_and_null(self) -> None:
        cb = sb.parse_callback(body(COM_NAME="", COM_ADDRESS=None))
        assert cb.com_name == "" and "COM_NAME" in cb
        assert cb.com_address is None and "COM_ADDRESS" not in cb
        assert cb.get("nothing like it") is None and "nothing" not in cb
        assert 5 not in cb  # type: ignore[operator]

    def test_an_empty_key_is_the_library_s_error(self) -> None:
        cb = sb.parse_callback(body())
        with pytest.raises(sb.CallbackError) as info:
            cb.get("  ")
        assert (info.value.status_name, info.value.field) == ("INVALID_ARGUMENT", "key")

    def test_padded_keys_are_trimmed_and_blank_keys_left_out(self) -> None:
        # Keys are stored trimmed; a blank key cannot be asked for (SmartBill never sends one).
        cb = sb.parse_callback(body(**{" X ": "1", "": "e", "X2": "2"}))
        assert cb.keys() == ("USER_SBID", "COM_REGNO", "AUTH_CODE", "AUTH_TOKEN", "X", "X2")
        assert cb.get("X") == "1"

    def test_to_dict(self) -> None:
        cb = sb.parse_callback(body(SBID_EXTRA="x"))
        assert cb.to_dict() == {"USER_SBID": "test1", "COM_REGNO": "1248100998", "AUTH_CODE": SECRET_CODE, "AUTH_TOKEN": SECRET_TOKEN, "SBID_EXTRA": "x"}


class TestImmutable:
    def test_attributes_cannot_change(self) -> None:
        cb = sb.parse_callback(body())
        with pytest.raises(AttributeError):
            cb.user_sbid = "other"  # type: ignore[misc]
        with pytest.raises(AttributeError):
            cb._values = {}  # type: ignore[misc]
        with pytest.raises(AttributeError):
            del cb._values
        with pytest.raises(AttributeError):
            cb.anything = 1  # type: ignore[attr-defined]

    def test_no_handle_is_held(self) -> None:
        cb = sb.parse_callback(body())
        held = [getattr(cb, slot) for slot in sb.Callback.__slots__]
        assert {type(v) for v in held} <= {dict, tuple, bool, bytes, int}

    def test_only_parse_callback_makes_one(self) -> None:
        with pytest.raises(TypeError, match="parse_callback"):
            sb.Callback()


class TestRedaction:
    def test_repr_and_str_never_show_the_secrets_or_personal_data(self) -> None:
        cb = sb.parse_callback(
            body(
                COM_NAME="스마트빌",
                USER_PHONE="010-1111-1111",
                USER_NAME="홍길동",
                USER_EMAIL="hong@example.com",
                COM_PRESIDENT="김대표",
                COM_ADDRESS="서울시 중구",
                MEMO="private",
            )
        )
        for text in (repr(cb), str(cb), f"{cb!r}", "%s" % cb):
            assert SECRET_CODE not in text and SECRET_TOKEN not in text
            assert SECRET_CODE[:8] not in text and SECRET_TOKEN[:8] not in text
            for personal in ("010-1111-1111", "홍길동", "hong@example.com", "김대표", "서울시 중구", "private"):
                assert personal not in text, text
            assert "USER_NAME=<redacted, 3 chars>" in text and "MEMO=<redacted, 7 chars>" in text
            assert "test1" in text and "1248100998" in text and "스마트빌" in text and "AUTH_CODE" in text
        assert cb.auth_code == SECRET_CODE and cb.auth_token == SECRET_TOKEN
        assert cb.user_name == "홍길동" and cb.get("memo") == "private"

    def test_error_messages_never_show_the_secrets(self) -> None:
        broken = body()[:-1] + b',"AUTH_TOKEN":"' + SECRET_TOKEN.encode() + b'"}'
        with pytest.raises(sb.CallbackError) as info:
            sb.parse_callback(broken)
        assert info.value.status_name == "CALLBACK_SHAPE"
        assert SECRET_TOKEN[:8] not in str(info.value)


class TestLimit:
    def test_max_bytes(self) -> None:
        data = body()
        assert sb.parse_callback(data, max_bytes=len(data)).user_sbid == "test1"
        with pytest.raises(sb.CallbackError) as info:
            sb.parse_callback(data, max_bytes=len(data) - 1)
        assert (info.value.status_name, info.value.field) == ("CALLBACK_TOO_LARGE", "body")

    @pytest.mark.parametrize("limit", [0, -1, 2**64])
    def test_bad_limits_are_value_errors(self, limit: int) -> None:
        with pytest.raises(ValueError, match="max_bytes"):
            sb.parse_callback(body(), max_bytes=limit)

    @pytest.mark.parametrize("limit", ["100", 1.5, True])
    def test_limits_are_ints(self, limit: Any) -> None:
        with pytest.raises(TypeError, match="max_bytes"):
            sb.parse_callback(body(), max_bytes=limit)

    def test_lookups_keep_the_limit(self) -> None:
        data = body(regYn="Y")
        cb = sb.parse_callback(data, max_bytes=len(data))
        assert cb.get("REGYN") == "Y"  # answered by parsing the same body again


class TestSource:
    def test_extra_ips_as_list_or_text(self) -> None:
        assert sb.callback_source_allowed("203.0.113.7", extra_ips=["203.0.113.6", "203.0.113.7"])
        assert sb.callback_source_allowed("203.0.113.7", extra_ips=("203.0.113.7",))
        assert sb.callback_source_allowed("203.0.113.7", extra_ips="203.0.113.6; 203.0.113.7")
        assert not sb.callback_source_allowed("203.0.113.8", extra_ips=iter(["203.0.113.7"]))

    def test_default_environment_is_production(self) -> None:
        assert sb.callback_source_allowed("183.111.188.210")
        assert not sb.callback_source_allowed("58.181.27.5")

    def test_a_custom_environment_allows_only_the_extras(self) -> None:
        assert not sb.callback_source_allowed("127.0.0.1", "http://127.0.0.1:8080")
        assert sb.callback_source_allowed("127.0.0.1", "http://127.0.0.1:8080", ["127.0.0.1"])

    def test_configuration_errors_raise(self) -> None:
        with pytest.raises(sb.CallbackError) as info:
            sb.callback_source_allowed("58.181.27.5", "demo", ["203.0.113.300"])
        assert info.value.status_name == "INVALID_ARGUMENT"
        assert "203.0.113.300" in info.value.message
        with pytest.raises(sb.CallbackError) as info:
            sb.callback_source_allowed("58.181.27.5", "staging")
        assert (info.value.status_name, info.value.field) == ("INVALID_ARGUMENT", "environment")

    def test_types(self) -> None:
        with pytest.raises(TypeError, match=r"extra_ips\[1\] must be str"):
            sb.callback_source_allowed("58.181.27.5", "demo", ["203.0.113.1", 5])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="extra_ips"):
            sb.callback_source_allowed("58.181.27.5", "demo", b"203.0.113.1")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="ip must be str or bytes"):
            sb.callback_source_allowed(None)  # type: ignore[arg-type]
        assert sb.callback_source_allowed(b"58.181.27.5\xff", "demo") is False
