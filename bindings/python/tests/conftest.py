"""Local servers for the HTTP tests, all on 127.0.0.1 and all bounded:

- ``standin``: the repository's SmartBill stand-in, ``smartbill-signup
  standin`` (cargo build -p smartbill-signup-cli builds it; run-tests.sh does
  so), stopped after the session;
- ``recorder``: a Python HTTP server that records what it receives and
  answers what the test tells it to;
- ``silent_url``: a port that accepts connections and never answers;
- ``refused_url``: a port that refuses connections.
"""

from __future__ import annotations

import os
import socket
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

from support import TARGET

STANDIN = TARGET / "debug" / ("smartbill-signup" + (".exe" if os.name == "nt" else ""))


def start_standin(*args: str) -> Tuple[subprocess.Popen, str]:
    """Starts the stand-in and returns it with its base URL."""
    if not STANDIN.is_file():
        pytest.fail(f"{STANDIN} is missing: run `cargo build -p smartbill-signup-cli` (run-tests.sh does)")
    process = subprocess.Popen(
        [str(STANDIN), "standin", "--max-requests", "200", "--idle-exit", "60", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("listening on http://127.0.0.1:"):
        process.kill()
        pytest.fail(f"the stand-in did not start: {line!r}")
    return process, line.split()[-1]


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def standin() -> Iterator[str]:
    process, base = start_standin()
    yield base
    stop(process)


class Recorder:
    """What the recording server received, and what it answers next."""

    def __init__(self) -> None:
        self.requests: List[Dict[str, Any]] = []
        self.status = 200
        self.headers: Dict[str, str] = {"Content-Type": "text/plain; charset=utf-8"}
        self.body = b"stored"
        self.url = ""

    def answer(self, status: int = 200, body: bytes = b"", content_type: Optional[str] = None) -> None:
        self.status, self.body = status, body
        self.headers = {} if content_type is None else {"Content-Type": content_type}


def _handler(recorder: Recorder) -> type:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            recorder.requests.append(
                {
                    "method": self.command,
                    "path": self.path,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body": self.rfile.read(length),
                }
            )
            self.send_response(recorder.status)
            for name, value in recorder.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(recorder.body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(recorder.body)

        do_GET = do_POST = _serve

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    rec = Recorder()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(rec))
    server.daemon_threads = True
    rec.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield rec
    server.shutdown()
    server.server_close()


@pytest.fixture
def silent_url() -> Iterator[str]:
    """Listens but never accepts: the kernel completes the handshake and no
    answer ever comes."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()


@pytest.fixture
def refused_url() -> Iterator[str]:
    """Bound but not listening: every connection is refused, and no other
    program can take the port during the test."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()
