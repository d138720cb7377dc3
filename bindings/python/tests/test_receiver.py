"""The embedded receiver through the wrapper: started on 127.0.0.1, fed
with the library's own send_callback, drained with next and ack."""

from __future__ import annotations

import datetime
import threading
import time
from pathlib import Path
from typing import Any, Dict, Iterator

import pytest

import smartbill_signup as sb

LOOPBACK: Dict[str, Any] = {"environment": "http://127.0.0.1:1", "extra_ips": ["127.0.0.1"]}


def body(sbid: str = "test1", token: str = "TOKEN-secret-1") -> Dict[str, str]:
    return {"USER_SBID": sbid, "COM_REGNO": "1248100998", "COM_NAME": "스마트빌", "AUTH_CODE": "CODE-secret", "AUTH_TOKEN": token}


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "callbacks.db"


@pytest.fixture
def receiver(store: Path) -> Iterator[sb.Receiver]:
    with sb.Receiver(store, "127.0.0.1", 0, **LOOPBACK) as r:
        yield r


def test_deliver_take_and_acknowledge(receiver: sb.Receiver) -> None:
    assert receiver.port is not None and receiver.port > 0
    assert receiver.url == f"http://127.0.0.1:{receiver.port}/smartbill/callback"
    assert receiver.next() is None
    answer = sb.send_callback(receiver.url, body(), proxy="off")
    assert answer.status == 200
    record = receiver.next(timeout=5)
    assert record is not None
    assert record.id == sb.RecordId(1, 1) and str(record.id) == "1.1"
    assert record.callback.user_sbid == "test1"
    assert record.callback.auth_token == "TOKEN-secret-1"
    assert record.callback.com_name == "스마트빌"
    assert record.peer == "127.0.0.1"
    assert record.received_at.tzinfo is datetime.timezone.utc
    assert abs((datetime.datetime.now(datetime.timezone.utc) - record.received_at).total_seconds()) < 60
    assert b'"AUTH_TOKEN": "TOKEN-secret-1"' in record.body  # as json.dumps wrote it
    shown = repr(record)
    assert "secret" not in shown and "1.1" in shown
    receiver.ack(record.id)
    assert receiver.next() is None
    assert receiver.counts() == (1, 0)


def test_new_content_is_a_new_version(receiver: sb.Receiver) -> None:
    assert sb.send_callback(receiver.url, body(), proxy="off").status == 200
    assert sb.send_callback(receiver.url, body(), proxy="off").status == 200  # identical: nothing changes
    first = receiver.next(timeout=5)
    assert first is not None and first.id.version == 1
    assert sb.send_callback(receiver.url, body(token="TOKEN-secret-2"), proxy="off").status == 200
    receiver.ack(first)
    second = receiver.next(timeout=5)
    assert second is not None and second.id == sb.RecordId(1, 2)
    assert second.callback.auth_token == "TOKEN-secret-2"
    receiver.ack(second.id)
    with pytest.raises(sb.ReceiverError) as info:
        receiver.ack((1, 3))
    assert info.value.status_name == "INVALID_ARGUMENT"
    with pytest.raises(sb.ReceiverError) as info:
        receiver.ack((99, 1))
    assert info.value.status_name == "RECORD_UNKNOWN"


def test_refusals_are_answered_and_not_stored(receiver: sb.Receiver) -> None:
    missing = {"USER_SBID": "x", "COM_REGNO": "1248100998", "AUTH_CODE": "CODE-secret"}
    answer = sb.send_callback(receiver.url, missing, proxy="off")
    assert answer.status == 400
    assert answer.body.startswith("CALLBACK_MISSING") and "secret" not in answer.body
    wrong_path = receiver.url.replace("/smartbill/callback", "/other")
    assert sb.send_callback(wrong_path, body(), proxy="off").status == 404
    assert receiver.counts() == (0, 0)


def test_sources_outside_the_environment_get_403(store: Path) -> None:
    with sb.Receiver(store, "127.0.0.1", 0) as production:
        assert production.url is not None
        assert sb.send_callback(production.url, body(), proxy="off").status == 403
        assert production.next() is None


def test_a_second_handle_drains_the_same_store(receiver: sb.Receiver, store: Path) -> None:
    for n in range(2):
        assert sb.send_callback(receiver.url, body(f"user{n}"), proxy="off").status == 200
    with sb.Receiver.open_store(store, lease_seconds=30) as batch:
        assert batch.port is None and batch.url is None
        mine = receiver.next(timeout=5)
        theirs = batch.next()
        assert mine is not None and theirs is not None
        assert {mine.callback.user_sbid, theirs.callback.user_sbid} == {"user0", "user1"}
        assert batch.next() is None, "the other record is reserved"
        batch.ack(theirs)
        batch.ack(mine.id)  # any handle may acknowledge what it read
        assert batch.counts() == (2, 0)


def test_host_and_port_are_required_and_options_checked(store: Path) -> None:
    with pytest.raises(TypeError):
        sb.Receiver(store)  # type: ignore[call-arg]
    with pytest.raises(sb.ReceiverError) as info:
        sb.Receiver(store, "localhost", 0)
    assert info.value.status_name == "INVALID_ARGUMENT" and info.value.field == "host"
    with pytest.raises(sb.ReceiverError) as info:
        sb.Receiver(store, "127.0.0.1", 70000)
    assert info.value.field == "port"
    with pytest.raises(sb.ReceiverError) as info:
        sb.Receiver(store, "127.0.0.1", 0, options={"colour": "red"})
    assert info.value.field == "name"
    with pytest.raises(sb.ReceiverError) as info:
        sb.Receiver(store, "127.0.0.1", 0, tls_cert=store.parent / "missing.pem", tls_key=store.parent / "k.pem")
    assert info.value.status_name == "RECEIVER_TLS"
    with sb.Receiver(store, "127.0.0.1", 0, **LOOPBACK) as first:
        with pytest.raises(sb.ReceiverError) as info:
            sb.Receiver(store, "127.0.0.1", first.port or 0, **LOOPBACK)
        assert info.value.status_name == "RECEIVER_BIND"


def test_store_readable_by_others_is_refused(tmp_path: Path) -> None:
    shared = tmp_path / "shared.db"
    shared.touch(mode=0o644)
    shared.chmod(0o644)
    with pytest.raises(sb.ReceiverError) as info:
        sb.Receiver.open_store(shared)
    assert info.value.status_name == "STORE" and "chmod 600" in info.value.message


def test_next_waits_while_another_thread_stops(store: Path) -> None:
    r = sb.Receiver(store, "127.0.0.1", 0, **LOOPBACK)
    url = r.url
    assert url is not None
    got: Dict[str, Any] = {}

    def wait() -> None:
        got["record"] = r.next(timeout=10)

    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(0.2)
    assert sb.send_callback(url, body(), proxy="off").status == 200
    waiter.join(10)
    assert got["record"] is not None
    r.stop(5)
    with pytest.raises(sb.HttpError):
        sb.send_callback(url, body(), timeout=2, proxy="off")
    r.ack(got["record"])  # the store stays usable after stop
    r.close()
    r.close()
    with pytest.raises(ValueError):
        r.next()


def test_dropped_without_close_does_not_hang(store: Path) -> None:
    r = sb.Receiver(store, "127.0.0.1", 0, **LOOPBACK)
    started = time.monotonic()
    del r  # the finalizer frees without waiting for threads
    assert time.monotonic() - started < 5
