"""The language of messages: per thread, the process default, exceptions
in Korean with the same status name and field, status descriptions."""

from __future__ import annotations

import threading
from typing import List

import pytest

import smartbill_signup as sb
from smartbill_signup import _language as lang
from support import korean


def test_english_until_chosen() -> None:
    assert sb.language() == "en"
    with pytest.raises(sb.BrnError) as info:
        sb.validate_brn("1234")
    assert str(info.value) == 'BRN_LENGTH: business number "1234": has 4 digits, needs 10'


def test_exceptions_carry_the_korean_message_with_the_same_name_and_field() -> None:
    with korean():
        assert sb.language() == "ko"
        with pytest.raises(sb.BrnError) as brn:
            sb.validate_brn("124-81-00997")
        with pytest.raises(sb.FormError) as form:
            with sb.SignupForm({"pComRegNo": "124-81-00998", "pMIGRATIONFLAG": "T", "pComName": "가" * 101}) as f:
                f.validate()
        with pytest.raises(sb.CallbackError) as callback:
            sb.parse_callback(b'{"USER_SBID":"a","COM_REGNO":"1","AUTH_CODE":"c"}')
    assert str(brn.value) == 'BRN_CHECKSUM: 사업자등록번호 "124-81-00997": 검증번호가 맞지 않습니다(입력 7, 올바른 값 8)'
    assert (brn.value.status_name, brn.value.field) == ("BRN_CHECKSUM", None)
    assert form.value.message.startswith("회사명(pComName)은 CP949로 202바이트여서 한도 200바이트를 넘습니다")
    assert (form.value.status_name, form.value.field) == ("FIELD_TOO_LONG", "pComName")
    assert callback.value.message == "필수 키 AUTH_TOKEN이(가) 없습니다"
    assert (callback.value.status_name, callback.value.field) == ("CALLBACK_MISSING", "AUTH_TOKEN")
    # Raised in Korean, kept in Korean after the thread went back to English.
    assert sb.language() == "en"
    assert "검증번호" in str(brn.value)


def test_the_choice_is_per_thread() -> None:
    seen: List[str] = []

    def other() -> None:
        try:
            sb.validate_brn("1234")
        except sb.BrnError as e:
            seen.append(e.message)

    with korean():
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
        with pytest.raises(sb.BrnError) as info:
            sb.validate_brn("1234")
    assert seen == ['business number "1234": has 4 digits, needs 10']
    assert info.value.message == '사업자등록번호 "1234": 숫자가 4자리입니다. 10자리여야 합니다'


def test_the_process_default() -> None:
    seen: List[str] = []
    sb.set_default_language("ko")
    try:
        thread = threading.Thread(target=lambda: seen.append(sb.language()))
        thread.start()
        thread.join()
        assert sb.language() == "ko"
        sb.set_language("en")
        assert sb.language() == "en"
        sb.set_language("")
    finally:
        sb.set_default_language("en")
    assert seen == ["ko"]
    assert sb.language() == "en"


def test_unknown_languages_are_refused() -> None:
    with pytest.raises(sb.SmartbillError) as info:
        sb.set_language("fr")
    assert (info.value.status_name, info.value.field) == ("INVALID_ARGUMENT", "language")
    assert "fr" in info.value.message
    with pytest.raises(sb.SmartbillError):
        sb.set_default_language("")
    with pytest.raises(TypeError):
        sb.set_language(None)  # type: ignore[arg-type]
    assert sb.language() == "en"


def test_every_status_has_a_description_in_both_languages() -> None:
    names = sorted(lang._NUMBERS)
    assert "OK" in names and "BRN_CHECKSUM" in names and len(names) >= 30
    for name in names:
        english = sb.status_description(name, language="en")
        korean_text = sb.status_description(name, language="ko")
        assert english.endswith(".") and korean_text.endswith(".")
        assert english != korean_text
        assert any("가" <= ch <= "힣" for ch in korean_text), korean_text
        assert sb.status_description(lang._NUMBERS[name], "ko") == korean_text
    assert sb.status_description("BRN_CHECKSUM", language="ko") == "사업자등록번호의 검증번호가 맞지 않습니다."
    assert sb.status_description(999, "en") == "Unknown status 999."
    # None: the calling thread's language.
    assert sb.status_description("OK") == "Success."
    with korean():
        assert sb.status_description("OK") == "성공했습니다."


def test_descriptions_refuse_unknown_names_and_languages() -> None:
    with pytest.raises(ValueError):
        sb.status_description("NO_SUCH_STATUS")
    with pytest.raises(sb.SmartbillError) as info:
        sb.status_description("OK", language="xx")
    assert info.value.status_name == "INVALID_ARGUMENT"
