"""The examples in examples/python run as documented, so they cannot rot:
the signup page is written and holds the form; the callback endpoint
stores what send_callback (and the stand-in, after a signup) delivers and
answers per its table."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

import smartbill_signup as sb
from conftest import start_standin, stop
from support import REPO

EXAMPLES = REPO / "examples" / "python"
TOKEN = "dG9rZW4tZm9yLXRlc3RzLW9ubHk="
CODE = "13F89DFEK99D4474A67EABE8F7258AA5"
PAYLOAD = {"USER_SBID": "test1", "COM_REGNO": "1248100998", "COM_NAME": "스마트빌", "AUTH_CODE": CODE, "AUTH_TOKEN": TOKEN}


def load_example(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_example(name: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / f"{name}.py"), *args], capture_output=True, text=True, timeout=60
    )


class Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.action: Optional[str] = None
        self.hidden: Dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        a = dict(attrs)
        if tag == "form":
            self.action = a.get("action")
        if tag == "input" and a.get("type") == "hidden":
            self.hidden[a["name"] or ""] = a["value"] or ""


class TestSignupPage:
    @pytest.mark.parametrize("charset, codec", [("utf-8", "utf-8"), ("euc-kr", "cp949")])
    def test_writes_a_page_a_browser_can_open(self, tmp_path: Path, charset: str, codec: str) -> None:
        out = tmp_path / "signup.html"
        result = run_example("signup_page", "--out", str(out), "--charset", charset)
        assert result.returncode == 0, result.stderr
        assert str(out) in result.stdout
        page = out.read_bytes().decode(codec)
        assert page.lstrip().lower().startswith("<!doctype html>")
        form = Form()
        form.feed(page)
        assert form.action == "http://demo.smartbill.co.kr/xMain/mb/shar_transfer/info_inpt01.aspx"
        sample = load_example("signup_page").SAMPLE_COMPANY
        expected = {k: v for k, v in sample.items() if v}
        expected["pComRegNo"] = sb.validate_brn(expected["pComRegNo"])
        assert form.hidden == expected

    def test_reports_bad_data(self, tmp_path: Path) -> None:
        result = run_example("signup_page", "--out", str(tmp_path / "x.html"), "--environment", "staging")
        assert result.returncode == 1
        assert "INVALID_ARGUMENT (environment)" in result.stderr
        assert not (tmp_path / "x.html").exists()


class Endpoint:
    def __init__(self, process: subprocess.Popen, url: str, db: Path) -> None:
        self.process, self.url, self.db = process, url, db

    def rows(self) -> List[Dict[str, Any]]:
        connection = sqlite3.connect(str(self.db))
        connection.row_factory = sqlite3.Row
        try:
            return [dict(r) for r in connection.execute("SELECT * FROM smartbill_signup ORDER BY user_sbid, com_regno")]
        finally:
            connection.close()

    def log(self) -> str:
        stop(self.process)
        assert self.process.stderr is not None
        return self.process.stderr.read()


def start_endpoint(db: Path, *args: str) -> Endpoint:
    process = subprocess.Popen(
        [sys.executable, str(EXAMPLES / "callback_endpoint.py"), "--port", "0", "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("listening on "):
        process.kill()
        pytest.fail(f"the endpoint did not start: {line!r} {process.stderr.read() if process.stderr else ''}")
    return Endpoint(process, line.split()[-1], db)


@pytest.fixture
def endpoint(tmp_path: Path) -> Iterator[Endpoint]:
    # A custom environment has no SmartBill address: only 127.0.0.1 is let in.
    e = start_endpoint(tmp_path / "callbacks.sqlite3", "--environment", "http://127.0.0.1:1", "--extra-ips", "127.0.0.1", "--max-bytes", "2048")
    yield e
    stop(e.process)


def send(url: str, payload: Any) -> Any:
    if isinstance(payload, bytes):  # not UTF-8: send_callback refuses to send it, so urllib does
        request = urllib.request.Request(url, payload, {"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return SimpleNamespace(status=answer.getcode())
        except urllib.error.HTTPError as e:
            return SimpleNamespace(status=e.code)
    return sb.send_callback(url, payload, timeout=10, proxy="off")


class TestCallbackEndpoint:
    def test_stores_then_answers_200(self, endpoint: Endpoint) -> None:
        response = send(endpoint.url, PAYLOAD)
        assert (response.status, response.body) == (200, "OK")
        [row] = endpoint.rows()
        assert (row["user_sbid"], row["com_regno"], row["com_regno_valid"]) == ("test1", "1248100998", 1)
        assert (row["auth_code"], row["auth_token"], row["com_name"]) == (CODE, TOKEN, "스마트빌")
        assert row["peer"] == "127.0.0.1"

    def test_upserts_by_user_and_company(self, endpoint: Endpoint) -> None:
        send(endpoint.url, PAYLOAD)
        send(endpoint.url, {**PAYLOAD, "AUTH_CODE": "NEWCODE", "COM_NAME": "새이름"})
        send(endpoint.url, {**PAYLOAD, "USER_SBID": "test2"})
        rows = endpoint.rows()
        assert [(r["user_sbid"], r["auth_code"], r["com_name"]) for r in rows] == [
            ("test1", "NEWCODE", "새이름"),
            ("test2", CODE, "스마트빌"),
        ]

    def test_a_failing_business_number_is_stored_and_flagged(self, endpoint: Endpoint) -> None:
        assert send(endpoint.url, {**PAYLOAD, "COM_REGNO": "1111111111"}).status == 200
        [row] = endpoint.rows()
        assert (row["com_regno"], row["com_regno_valid"]) == ("1111111111", 0)

    def test_older_schema(self, endpoint: Endpoint) -> None:
        old = {"pID": "erp-7", "SBID": "test1", "Email": "kim@example.co.kr", "COM_REGNO": "1248100998", "regYN": "Y", "AUTH_CODE": CODE, "AUTH_TOKEN": TOKEN}
        assert send(endpoint.url, old).status == 200
        [row] = endpoint.rows()
        assert (row["user_sbid"], row["erp_user_id"], row["user_email"], row["reg_yn"]) == ("test1", "erp-7", "kim@example.co.kr", "Y")

    @pytest.mark.parametrize(
        "body, status, logged",
        [
            ('{"USER_SBID":"test1"', 400, "CALLBACK_JSON (field body)"),
            ('["USER_SBID"]', 400, "CALLBACK_SHAPE (field body)"),
            (json.dumps({k: v for k, v in PAYLOAD.items() if k != "AUTH_TOKEN"}), 400, "CALLBACK_MISSING (field AUTH_TOKEN)"),
            (b'{"USER_SBID":"\xff"}', 400, "INVALID_TEXT (field body)"),
            ('{"USER_SBID":"' + "x" * 3000 + '"}', 413, "limit of 2048 bytes"),
        ],
        ids=["json", "shape", "missing", "invalid-text", "too-large"],
    )
    def test_refusals(self, endpoint: Endpoint, body: Any, status: int, logged: str) -> None:
        response = send(endpoint.url, body)
        assert response.status == status
        assert not endpoint.db.exists() or endpoint.rows() == []
        assert logged in endpoint.log()

    def test_other_paths_and_methods(self, endpoint: Endpoint) -> None:
        assert send(endpoint.url.replace("/smartbill/callback", "/other"), PAYLOAD).status == 404
        assert sb.probe_url(endpoint.url, proxy="off").status == 405

    def test_the_log_never_holds_the_secrets(self, endpoint: Endpoint) -> None:
        send(endpoint.url, PAYLOAD)
        send(endpoint.url, {**PAYLOAD, "COM_REGNO": "1111111111"})
        send(endpoint.url, json.dumps(PAYLOAD)[:-1] + ', "AUTH_CODE": "' + CODE + '"}')  # a repeated key
        log = endpoint.log()
        assert "stored callback for test1" in log and "CALLBACK_SHAPE" in log
        assert CODE[:8] not in log and TOKEN[:8] not in log

    def test_refuses_an_address_that_is_not_smartbill_s(self, tmp_path: Path) -> None:
        production = start_endpoint(tmp_path / "p.sqlite3")  # production, no extras
        try:
            assert send(production.url, PAYLOAD).status == 403
            assert not production.db.exists()
        finally:
            assert "127.0.0.1 refused" in production.log()

    def test_refuses_to_start_misconfigured(self, tmp_path: Path) -> None:
        result = run_example("callback_endpoint", "--port", "0", "--extra-ips", "203.0.113.300")
        assert result.returncode == 2
        assert "INVALID_ARGUMENT" in result.stderr and "203.0.113.300" in result.stderr

    def test_after_a_signup_on_the_stand_in(self, endpoint: Endpoint) -> None:
        # The whole flow: the ERP submits the form, "SmartBill" (the stand-in)
        # calls the ERP back, the endpoint stores the member's credentials.
        standin, base = start_standin("--callback-url", endpoint.url)
        try:
            fields = {"pComRegNo": "124-81-00998", "pMIGRATIONFLAG": "TEST11", "pComName": "스마트빌", "pID": "erp-user-01"}
            with sb.SignupForm(fields, base) as form:
                response = sb.submit_signup(form, proxy="off")
            assert response.status == 200 and "HTTP 200" in response.body
        finally:
            stop(standin)
        [row] = endpoint.rows()
        assert (row["user_sbid"], row["com_regno"], row["com_name"]) == ("erp-user-01", "1248100998", "스마트빌")
        assert row["auth_code"] and row["auth_token"]


class TestHandlerAnswers:
    """The answers a running server cannot easily be made to give."""

    def config(self, tmp_path: Path, **changes: Any) -> Any:
        module = load_example("callback_endpoint")
        base = module.Config("demo", [], str(tmp_path / "c.sqlite3"), 4096, "/cb")
        return module, base._replace(**changes)

    def test_configuration_error_is_500(self, tmp_path: Path) -> None:
        module, config = self.config(tmp_path, environment="staging")
        assert module.handle_callback(config, "58.181.27.5", json.dumps(PAYLOAD).encode()) == (500, "configuration error")

    def test_storage_failure_is_500(self, tmp_path: Path) -> None:
        module, config = self.config(tmp_path, db=str(tmp_path / "missing-folder" / "c.sqlite3"))
        assert module.handle_callback(config, "58.181.27.5", json.dumps(PAYLOAD).encode()) == (500, "not stored")

    def test_demo_address(self, tmp_path: Path) -> None:
        module, config = self.config(tmp_path)
        assert module.handle_callback(config, "58.181.27.5", json.dumps(PAYLOAD).encode()) == (200, "OK")
        assert module.handle_callback(config, "::ffff:58.181.27.5", json.dumps(PAYLOAD).encode()) == (200, "OK")
        assert module.handle_callback(config, "183.111.188.210", json.dumps(PAYLOAD).encode())[0] == 403
