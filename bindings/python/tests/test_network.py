"""HTTP through the wrapper, against the local SmartBill stand-in, a
recording server, a port that never answers and a refused port; every
request goes to 127.0.0.1."""

from __future__ import annotations

import base64
import json
import os
import threading
import time
import urllib.request
from typing import Any, Dict, List

import pytest

import smartbill_signup as sb
from conftest import Recorder

COMPANY = {"pComRegNo": "124-81-00998", "pMIGRATIONFLAG": "TEST11", "pComName": "(주)스마트빌 <&>"}
CALLBACK = {"USER_SBID": "test1", "COM_REGNO": "1248100998", "COM_NAME": "스마트빌", "AUTH_CODE": "C", "AUTH_TOKEN": "T"}
PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


def received(standin: str) -> List[Dict[str, Any]]:
    with urllib.request.urlopen(f"{standin}/__requests", timeout=10) as answer:
        return json.loads(answer.read())  # type: ignore[no-any-return]


class TestSubmit:
    def test_utf8(self, standin: str) -> None:
        with sb.SignupForm(COMPANY, standin) as form:
            response = sb.submit_signup(form, timeout=10, proxy="off")
        assert response.status == 200
        assert isinstance(response.body, str)
        assert '<td id="pComRegNo">1248100998</td>' in response.body
        assert "(주)스마트빌 &lt;&amp;&gt;" in response.body
        assert response.content_type == "text/html; charset=utf-8"
        assert response.content == response.body.encode("utf-8")
        assert 0 <= response.elapsed_ms < 10000
        last = received(standin)[-1]
        assert last["charset"].upper() == "UTF-8"
        assert ["pComName", "(주)스마트빌 <&>"] in last["fields"]

    def test_euc_kr(self, standin: str) -> None:
        with sb.SignupForm(COMPANY, standin) as form:
            response = sb.submit_signup(form, proxy="off", charset="euc-kr")
            # The charset belonged to that call only.
            assert b"%EC%8A%A4" in form.urlencoded()
        assert "decoded as EUC-KR" in response.body
        assert "(주)스마트빌 &lt;&amp;&gt;" in response.body
        last = received(standin)[-1]
        assert "euc-kr" in last["content_type"].lower()
        assert ["pComName", "(주)스마트빌 <&>"] in last["fields"]

    def test_invalid_form_is_not_sent(self, standin: str) -> None:
        before = len(received(standin))
        with sb.SignupForm({"pComRegNo": "124-81-00997", "pMIGRATIONFLAG": "TEST11"}, standin) as form:
            with pytest.raises(sb.FormError) as info:
                sb.submit_signup(form, proxy="off")
        assert info.value.status_name == "FIELD_FORMAT"
        assert info.value.field == "pComRegNo"
        assert len(received(standin)) == before

    def test_refused(self, refused_url: str) -> None:
        with sb.SignupForm(COMPANY, refused_url) as form:
            with pytest.raises(sb.HttpError) as info:
                sb.submit_signup(form, timeout=5, proxy="off")
        assert info.value.status_name == "HTTP_CONNECT"
        assert refused_url.split("//")[1] in info.value.message
        assert "스마트빌" not in info.value.message

    def test_timeout(self, silent_url: str) -> None:
        with sb.SignupForm(COMPANY, silent_url) as form:
            started = time.monotonic()
            with pytest.raises(sb.HttpError) as info:
                sb.submit_signup(form, timeout=0.3, proxy="off")
        assert info.value.status_name == "HTTP_TIMEOUT"
        assert time.monotonic() - started < 10  # bounded by the timeout, not by the server

    def test_closed_form(self, standin: str) -> None:
        form = sb.SignupForm(COMPANY, standin)
        form.close()
        with pytest.raises(ValueError, match="closed"):
            sb.submit_signup(form, proxy="off")

    def test_not_a_form(self) -> None:
        with pytest.raises(TypeError, match="SignupForm"):
            sb.submit_signup("pComRegNo=1248100998", proxy="off")  # type: ignore[arg-type]


class TestProbe:
    def test_reachable(self, standin: str) -> None:
        result = sb.probe(standin, timeout=5, proxy="off")
        assert result == sb.Probe(True, 200, None, None, result.elapsed_ms)
        assert result.elapsed_ms < 5000

    def test_any_status_is_reachable(self, recorder: Recorder) -> None:
        recorder.answer(503, b"down for maintenance")
        result = sb.probe_url(recorder.url + "/health", proxy="off")
        assert (result.reachable, result.status) == (True, 503)
        assert recorder.requests[-1]["method"] == "GET"

    def test_an_environment_gets_the_signup_path(self, recorder: Recorder) -> None:
        # A base URL with a path prefix (a gateway) is an environment.
        sb.probe(recorder.url + "/gateway", proxy="off")
        sb.probe(environment=recorder.url, proxy="off")
        assert [r["path"] for r in recorder.requests] == [
            "/gateway/xMain/mb/shar_transfer/info_inpt01.aspx",
            "/xMain/mb/shar_transfer/info_inpt01.aspx",
        ]

    def test_a_url_is_probed_exactly_as_given(self, recorder: Recorder) -> None:
        for path in ("/health", "/health/?deep=1", "/xMain/mb/shar_transfer/info_inpt01.aspx", "/"):
            assert sb.probe_url(recorder.url + path, proxy="off").reachable
        assert [r["path"] for r in recorder.requests] == [
            "/health",
            "/health/?deep=1",
            "/xMain/mb/shar_transfer/info_inpt01.aspx",
            "/",
        ]

    def test_what_is_not_an_environment_is_refused(self, recorder: Recorder) -> None:
        for target in (recorder.url + "/health?deep=1", recorder.url + "/xMain/mb/shar_transfer/info_inpt01.aspx"):
            with pytest.raises(sb.HttpError) as info:
                sb.probe(target, proxy="off")
            assert (info.value.status_name, info.value.field) == ("INVALID_ARGUMENT", "environment")
            assert "probe_url" in info.value.message
        with pytest.raises(sb.HttpError) as info:
            sb.probe_url("demo", proxy="off")
        assert (info.value.status_name, info.value.field) == ("INVALID_ARGUMENT", "url")
        assert recorder.requests == []

    def test_probe_url_failures_are_answers(self, refused_url: str) -> None:
        result = sb.probe_url(refused_url + "/health?token=SECRET", timeout=5, proxy="off")
        assert (result.reachable, result.status, result.error) == (False, None, "HTTP_CONNECT")
        assert result.message and "127.0.0.1" in result.message and "SECRET" not in result.message

    def test_refused_is_an_answer(self, refused_url: str) -> None:
        result = sb.probe(refused_url, timeout=5, proxy="off")
        assert not result.reachable
        assert result.status is None
        assert result.error == "HTTP_CONNECT"
        assert result.message and "127.0.0.1" in result.message
        assert result.elapsed_ms < 5000

    def test_silence_is_a_timeout(self, silent_url: str) -> None:
        result = sb.probe(silent_url, timeout=0.3, proxy="off")
        assert (result.reachable, result.error) == (False, "HTTP_TIMEOUT")
        assert 250 <= result.elapsed_ms < 10000

    def test_a_waiting_call_lets_other_threads_run(self, silent_url: str) -> None:
        # ctypes releases the GIL during the native call: this thread wakes
        # from its sleep while the other one still waits for the silent server.
        started, done = threading.Event(), threading.Event()

        def wait_for_silence() -> None:
            started.set()
            sb.probe(silent_url, timeout=2, proxy="off")
            done.set()

        thread = threading.Thread(target=wait_for_silence)
        thread.start()
        started.wait()
        time.sleep(0.2)
        still_waiting = not done.is_set()
        thread.join()
        assert still_waiting and done.is_set()

    def test_bad_target_raises(self) -> None:
        with pytest.raises(sb.HttpError) as info:
            sb.probe("not a target", proxy="off")
        assert info.value.status_name == "INVALID_ARGUMENT"

    @pytest.mark.skipif(any(v in os.environ for v in PROXY_VARIABLES), reason="a proxy is configured")
    def test_default_proxy_setting(self, standin: str) -> None:
        assert sb.probe(standin).reachable


class TestSendCallback:
    def test_mapping_is_sent_as_utf8_json(self, recorder: Recorder) -> None:
        recorder.answer(200, b"stored", "text/plain; charset=utf-8")
        response = sb.send_callback(recorder.url + "/erp/callback", CALLBACK, proxy="off")
        assert (response.status, response.body, response.content) == (200, "stored", b"stored")
        request = recorder.requests[-1]
        assert request["method"] == "POST" and request["path"] == "/erp/callback"
        assert request["headers"]["content-type"] == "application/json; charset=utf-8"
        assert "스마트빌".encode() in request["body"]  # ensure_ascii=False
        assert json.loads(request["body"]) == CALLBACK
        # The endpoint's answer parses as SmartBill's would.
        assert sb.parse_callback(request["body"]).com_name == "스마트빌"

    def test_text_is_sent_as_it_is(self, recorder: Recorder) -> None:
        text = '{"USER_SBID":"test1", "X":"\\uAC00"}'
        sb.send_callback(recorder.url, text, proxy="off")
        sb.send_callback(recorder.url, text.encode(), proxy="off")
        assert [r["body"] for r in recorder.requests] == [text.encode(), text.encode()]

    def test_non_2xx_is_returned_or_raised(self, standin: str) -> None:
        response = sb.send_callback(standin + "/erp/callback", CALLBACK, proxy="off")
        assert (response.status, response.body) == (404, "not found")
        with pytest.raises(sb.HttpError) as info:
            sb.send_callback(standin + "/erp/callback", CALLBACK, proxy="off", fail_on_status=True)
        assert info.value.status_name == "HTTP_STATUS"
        assert "404" in info.value.message

    def test_body_in_a_declared_charset(self, recorder: Recorder) -> None:
        recorder.answer(200, "접수됨".encode("cp949"), "text/plain; charset=euc-kr")
        response = sb.send_callback(recorder.url, CALLBACK, proxy="off")
        assert response.body == "접수됨"
        assert response.content == "접수됨".encode("cp949")

    def test_body_not_in_its_charset(self, recorder: Recorder) -> None:
        recorder.answer(200, b"ok \xff", "text/plain; charset=utf-8")
        response = sb.send_callback(recorder.url, CALLBACK, proxy="off")
        assert response.content == b"ok \xff"
        for _ in range(2):
            with pytest.raises(sb.HttpError) as info:
                response.body
            assert info.value.status_name == "INVALID_TEXT"

    def test_body_limit(self, recorder: Recorder) -> None:
        recorder.answer(200, b"x" * 100)
        assert len(sb.send_callback(recorder.url, CALLBACK, proxy="off", max_body_bytes=100).content) == 100
        with pytest.raises(sb.HttpError) as info:
            sb.send_callback(recorder.url, CALLBACK, proxy="off", max_body_bytes=99)
        assert info.value.status_name == "HTTP_TOO_LARGE"

    def test_refused_message_hides_path_and_query(self, refused_url: str) -> None:
        with pytest.raises(sb.HttpError) as info:
            sb.send_callback(refused_url + "/cb?token=SECRET", CALLBACK, timeout=5, proxy="off")
        assert info.value.status_name == "HTTP_CONNECT"
        assert "SECRET" not in str(info.value)

    def test_timeout(self, silent_url: str) -> None:
        with pytest.raises(sb.HttpError) as info:
            sb.send_callback(silent_url, CALLBACK, timeout=0.2, proxy="off")
        assert info.value.status_name == "HTTP_TIMEOUT"

    def test_payload_types(self, recorder: Recorder) -> None:
        with pytest.raises(TypeError, match="payload"):
            sb.send_callback(recorder.url, [("USER_SBID", "x")], proxy="off")  # type: ignore[arg-type]
        with pytest.raises(sb.HttpError) as info:
            sb.send_callback(recorder.url, b"\xff", proxy="off")
        assert info.value.status_name == "INVALID_TEXT"
        assert recorder.requests == []


class TestOptions:
    def test_explicit_proxy_with_credentials(self, recorder: Recorder) -> None:
        # The recorder plays the proxy: it sees the absolute URL and the credentials.
        response = sb.send_callback(
            "http://callback.invalid/erp", CALLBACK, proxy=recorder.url, proxy_auth=("erp", "pa ss")
        )
        assert response.status == 200
        request = recorder.requests[-1]
        assert request["path"] == "http://callback.invalid/erp"
        assert request["headers"]["proxy-authorization"] == "Basic " + base64.b64encode(b"erp:pa ss").decode()

    def test_unreachable_proxy_is_named(self, refused_url: str) -> None:
        with pytest.raises(sb.HttpError) as info:
            sb.send_callback("http://callback.invalid/erp", CALLBACK, timeout=5, proxy=refused_url)
        assert info.value.status_name == "HTTP_PROXY"
        assert info.value.message.startswith(f"proxy {refused_url} (for http://callback.invalid)")
        result = sb.probe_url("https://callback.invalid/", timeout=5, proxy=refused_url)
        assert (result.reachable, result.error) == (False, "HTTP_PROXY")
        assert result.message and refused_url in result.message

    @pytest.mark.parametrize(
        "kwargs, field",
        [
            ({"proxy": "ftp://proxy.example"}, "proxy"),
            ({"proxy_auth": ("erp", "secret")}, "proxy_username"),
            ({"max_body_bytes": 0}, "max_body_bytes"),
        ],
    )
    def test_bad_settings_are_the_library_s_errors(self, recorder: Recorder, kwargs: Dict[str, Any], field: str) -> None:
        with pytest.raises(sb.HttpError) as info:
            sb.send_callback(recorder.url, CALLBACK, **kwargs)
        assert info.value.status_name == "INVALID_ARGUMENT"
        assert info.value.field == field
        assert recorder.requests == []

    @pytest.mark.parametrize("timeout", [0, -1, 0.0, float("nan"), float("inf"), 5e6])
    def test_bad_timeouts_are_value_errors(self, timeout: float) -> None:
        for call in (
            lambda: sb.probe("http://127.0.0.1:9", timeout=timeout),
            lambda: sb.probe_url("http://127.0.0.1:9", timeout=timeout),
            lambda: sb.send_callback("http://127.0.0.1:9", {}, timeout=timeout),
        ):
            with pytest.raises(ValueError, match="timeout"):
                call()

    @pytest.mark.parametrize("timeout", ["10", None, True])
    def test_timeouts_are_numbers(self, timeout: Any) -> None:
        with pytest.raises(TypeError, match="timeout"):
            sb.probe("http://127.0.0.1:9", timeout=timeout)

    def test_timeout_rounds_up_to_a_millisecond(self) -> None:
        from smartbill_signup.network import timeout_ms

        assert timeout_ms(0.0001) == 1
        assert timeout_ms(1.5) == 1500
        assert timeout_ms(2) == 2000

    def test_response_repr_shows_no_body(self, recorder: Recorder) -> None:
        recorder.answer(200, b"AUTH_TOKEN=secret", "text/plain")
        text = repr(sb.send_callback(recorder.url, CALLBACK, proxy="off"))
        assert "secret" not in text and "status=200" in text
