"""SignupForm: what the wrapper itself adds (str and bytes, per-call
options, the handle's lifetime, types). The rules are covered by
test_form_vectors.py."""

from __future__ import annotations

import copy
import gc
import pickle
import re
import weakref
from typing import Any, Dict

import pytest

import smartbill_signup as sb
from support import HEADER

REQUIRED = {"pComRegNo": "124-81-00998", "pMIGRATIONFLAG": "TEST11"}


def form(**fields: object) -> sb.SignupForm:
    return sb.SignupForm({**REQUIRED, **fields})  # type: ignore[arg-type, dict-item]


class TestValues:
    def test_str_and_bytes(self) -> None:
        with form(pComName="스마트빌") as a, form(pComName="스마트빌".encode()) as b:
            assert a.urlencoded() == b.urlencoded()

    def test_bytes_in_cp949_with_str_alongside(self) -> None:
        fields: Dict[str, Any] = {**REQUIRED, "pComName": "스마트빌".encode("cp949"), "pComPresident": "홍길동"}
        with sb.SignupForm(fields, input_charset="euc-kr") as cp949, form(pComName="스마트빌", pComPresident="홍길동") as utf8:
            assert cp949.urlencoded() == utf8.urlencoded()
            cp949.set("pMemName", "이름")  # str stays UTF-8 on a CP949 form
            cp949.set("pID", "사용자".encode("cp949"))
            utf8.set("pMemName", "이름")
            utf8.set("pID", "사용자")
            assert cp949.urlencoded() == utf8.urlencoded()

    def test_str_is_text_whatever_input_charset_says(self) -> None:
        # Its UTF-8 bytes are never read as CP949 ("Caf챕"): CP949 has no é.
        with sb.SignupForm(REQUIRED, input_charset="euc-kr") as f:
            with pytest.raises(sb.FormError) as info:
                f.set("pComName", "Café")
            assert (info.value.status_name, info.value.field) == ("FIELD_UNENCODABLE", "pComName")
            f.set("pComName", "Café".encode("utf-8"))  # bytes are CP949, as declared
            assert "pComName=Caf%EC%B1%95" in f.urlencoded().decode()

    def test_bytes_not_in_the_input_charset(self) -> None:
        with pytest.raises(sb.FormError) as info:
            form(pComName="스마트빌".encode("cp949"))
        assert (info.value.status_name, info.value.field) == ("INVALID_TEXT", "pComName")

    @pytest.mark.parametrize("value", [bytearray(b"ACME"), memoryview(b"ACME")])
    def test_bytes_like(self, value: object) -> None:
        with form(pComName=value) as f:
            assert b"pComName=ACME" in f.urlencoded()

    @pytest.mark.parametrize("blank", [None, "", "   "])
    def test_none_or_blank_leaves_a_parameter_out(self, blank: object) -> None:
        with form(pComName=blank) as f:
            assert f.urlencoded() == b"pComRegNo=1248100998&pMIGRATIONFLAG=TEST11"

    def test_set_replaces_and_clears(self) -> None:
        with form(pComName="A") as f:
            f.set("pComName", "B")
            assert b"pComName=B" in f.urlencoded()
            f.set("pComName", None)
            assert b"pComName" not in f.urlencoded()

    def test_non_text_values_are_type_errors_naming_the_parameter(self) -> None:
        with pytest.raises(TypeError, match="pZipCode must be str or bytes, not int"):
            form(pZipCode=12345)
        with pytest.raises(TypeError, match="name must be str or bytes"):
            sb.SignupForm({1: "x"})  # type: ignore[dict-item]

    def test_refused_values_raise_at_once(self) -> None:
        with pytest.raises(sb.FormError) as info:
            form(pComName="회사😀")
        assert (info.value.status_name, info.value.field) == ("FIELD_UNENCODABLE", "pComName")
        with pytest.raises(sb.FormError) as info:
            sb.SignupForm({"pComRegno": "1248100998"})
        assert (info.value.status_name, info.value.field) == ("INVALID_ARGUMENT", "pComRegno")

    def test_a_refused_value_keeps_the_form_invalid(self) -> None:
        with form() as f:
            with pytest.raises(sb.FormError):
                f.set("pComName", "회사😀")
            with pytest.raises(sb.FormError) as info:
                f.html()
            assert info.value.status_name == "FIELD_UNENCODABLE"
            f.set("pComName", "회사")
            f.validate()

    def test_an_invalid_business_number_is_a_form_error(self) -> None:
        with form(pComRegNo="123-45-67890") as f:
            for call in (f.validate, f.html, f.urlencoded):
                with pytest.raises(sb.FormError) as info:
                    call()
                assert (info.value.status_name, info.value.field) == ("FIELD_FORMAT", "pComRegNo")
                assert "BRN_CHECKSUM" in info.value.message

    def test_demo_number_with_brn_check_digits(self) -> None:
        with sb.SignupForm({"pComRegNo": "000-00-00000", "pMIGRATIONFLAG": "TEST11"}, brn_check="digits") as f:
            assert f.urlencoded() == b"pComRegNo=0000000000&pMIGRATIONFLAG=TEST11"
        with pytest.raises(sb.FormError) as info:
            sb.SignupForm(brn_check="lax")
        assert (info.value.status_name, info.value.field) == ("INVALID_ARGUMENT", "brn_check")


class TestOutput:
    def test_html_is_str_and_html_bytes_the_page_s_bytes(self) -> None:
        with form(pComName="뷁") as f:
            page = f.html()
            assert isinstance(page, str) and page.encode("utf-8") == f.html_bytes()
            euc = f.html_bytes(charset="euc-kr")
            assert "뷁".encode("cp949") in euc
            assert f.html(charset="euc-kr") == euc.decode("cp949")
            assert 'charset="EUC-KR"' in f.html(charset="euc-kr") or "charset=EUC-KR" in f.html(charset="euc-kr")

    @pytest.mark.parametrize("charset", ["utf-8", " UTF-8 ", "utf8", "euc-kr", "EUC-KR", "cp949", "ms949", "windows-949"])
    def test_every_charset_spelling_decodes(self, charset: str) -> None:
        with form(pComName="스마트빌") as f:
            assert 'value="스마트빌"' in f.html(charset=charset)

    def test_urlencoded_is_ascii_bytes(self) -> None:
        with form(pComName="스마트빌") as f:
            body = f.urlencoded(charset="euc-kr")
            assert isinstance(body, bytes)
            assert body == b"pComRegNo=1248100998&pComName=%BD%BA%B8%B6%C6%AE%BA%F4&pMIGRATIONFLAG=TEST11"

    def test_auto_submit_and_target(self) -> None:
        with form() as f:
            assert "<script" in f.html()
            assert "<script" not in f.html(auto_submit=False)
            assert "<script" not in f.html(auto_submit="no")
            assert 'target="_self"' in f.html(target="_self")
            assert 'target="_blank"' in f.html()
            with pytest.raises(TypeError, match="auto_submit"):
                f.html(auto_submit=1)  # type: ignore[arg-type]
            with pytest.raises(TypeError, match="target"):
                f.html(target=None)  # type: ignore[arg-type]

    def test_a_refused_call_option_fails_only_that_call(self) -> None:
        with form() as f:
            for kwargs, field in (({"target": "_new"}, "target"), ({"charset": "latin1"}, "output_charset"), ({"auto_submit": "maybe"}, "auto_submit")):
                with pytest.raises(sb.FormError) as info:
                    f.html(**kwargs)  # type: ignore[arg-type]
                assert (info.value.status_name, info.value.field) == ("INVALID_ARGUMENT", field)
                f.validate()
                assert f.urlencoded() == b"pComRegNo=1248100998&pMIGRATIONFLAG=TEST11"
                assert 'target="_blank"' in f.html()

    def test_call_options_do_not_stick(self) -> None:
        with form(pComName="가") as f:
            f.html(charset="euc-kr", auto_submit=False, target="_self")
            page = f.html()
            assert "<script" in page and 'target="_blank"' in page and 'value="가"' in page

    def test_action_url_and_environment(self) -> None:
        with sb.SignupForm(environment="production") as f:
            assert f.action_url == "http://www.smartbill.co.kr/xMain/mb/shar_transfer/info_inpt01.aspx"
            assert f.environment == "production"
        with pytest.raises(sb.FormError) as info:
            sb.SignupForm(environment="staging")
        assert (info.value.status_name, info.value.field) == ("INVALID_ARGUMENT", "environment")


class TestHandle:
    def test_closed_form_raises_a_clear_error(self) -> None:
        f = form()
        f.close()
        assert f.closed
        for call in (f.validate, f.html, f.html_bytes, f.urlencoded, lambda: f.action_url, lambda: f.set("pComName", "x")):
            with pytest.raises(ValueError, match="this SignupForm is closed"):
                call()
        f.close()  # again: nothing happens
        assert "closed" in repr(f)

    def test_with_block_closes(self) -> None:
        with form() as f:
            assert not f.closed
        assert f.closed

    def test_a_form_whose_construction_failed_holds_nothing(self) -> None:
        with pytest.raises(sb.FormError):
            sb.SignupForm({"pComName": "😀"})

    def test_garbage_collection_releases_the_handle(self) -> None:
        f = form()
        finalizer = f._finalizer
        assert finalizer.alive
        ref = weakref.ref(f)
        del f
        gc.collect()
        assert ref() is None
        assert not finalizer.alive

    def test_copies_would_share_the_handle_and_are_refused(self) -> None:
        with form() as f:
            for copier in (copy.copy, copy.deepcopy, pickle.dumps):
                with pytest.raises(TypeError, match="cannot be copied"):
                    copier(f)

    def test_repr_shows_no_values(self) -> None:
        with form(pComName="스마트빌", pMemEmail="kim@example.co.kr") as f:
            text = repr(f)
        assert "demo" in text and "스마트빌" not in text and "kim@" not in text


class TestFields:
    def test_the_library_s_table(self) -> None:
        fields = sb.form_fields()
        assert len(fields) == 15
        assert fields[0] == sb.FormField("pComRegNo", 10, True, "business_number")
        assert {f.rule for f in fields} == {"text", "business_number", "zip_code", "phone", "email", "yes_no"}

    def test_the_header_s_table_agrees(self) -> None:
        rows = re.findall(r"^ \*   (p\w+)\s+(\d+)  (required|optional)  (\w+)", HEADER.read_text(encoding="utf-8"), re.M)
        assert [(n, int(m), r == "required", rule) for n, m, r, rule in rows] == list(sb.form_fields())

    def test_order_is_the_page_s_order(self) -> None:
        values = {f.name: "Y" if f.rule == "yes_no" else "x" for f in sb.form_fields() if f.rule in ("text", "yes_no")}
        with sb.SignupForm({**values, "pComRegNo": "1248100998"}) as f:
            names = [pair.split("=")[0] for pair in f.urlencoded().decode().split("&")]
        assert names == [f.name for f in sb.form_fields() if f.name in names]
