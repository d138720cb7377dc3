"""A SmartBill callback endpoint with the standard library only: check the
TCP peer address, parse the body, store the record durably (SQLite, one
committed transaction, one row per USER_SBID + COM_REGNO), then answer 200.

    python examples/python/callback_endpoint.py --port 8080 --db callbacks.sqlite3
    python examples/python/callback_endpoint.py --environment demo --extra-ips 203.0.113.10

It prints `listening on http://HOST:PORT/PATH` first. Answers:

    403  the peer is not SmartBill's address for the environment (or an extra one)
    413  the body is larger than --max-bytes
    400  the body is not a callback (CALLBACK_JSON, _SHAPE, _MISSING, INVALID_TEXT)
    500  configuration error, storage failure or a library bug: SmartBill may retry
    200  stored (a COM_REGNO failing the checksum is stored too, flagged)

Behind a reverse proxy the TCP peer is the proxy: check the address where
the connection from SmartBill arrives, never a header a client can write.
The auth code and token are secrets: they go to the database, never to the
log. Protect the database as you would a password store.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import List, NamedTuple, Optional, Tuple

import smartbill_signup as sb

log = logging.getLogger("smartbill.callback")

SCHEMA = """
CREATE TABLE IF NOT EXISTS smartbill_signup (
    user_sbid       TEXT NOT NULL,
    com_regno       TEXT NOT NULL,
    com_regno_valid INTEGER NOT NULL,
    auth_code       TEXT NOT NULL,
    auth_token      TEXT NOT NULL,
    user_name       TEXT,
    user_email      TEXT,
    user_phone      TEXT,
    com_name        TEXT,
    com_president   TEXT,
    com_address     TEXT,
    reg_yn          TEXT,
    erp_user_id     TEXT,
    peer            TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    PRIMARY KEY (user_sbid, com_regno)
)
"""

COLUMNS = (
    "user_sbid", "com_regno", "com_regno_valid", "auth_code", "auth_token", "user_name", "user_email",
    "user_phone", "com_name", "com_president", "com_address", "reg_yn", "erp_user_id", "peer", "received_at",
)  # fmt: skip

UPSERT = (
    f"INSERT INTO smartbill_signup ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))}) "
    "ON CONFLICT (user_sbid, com_regno) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[2:])
)

# What a malformed body is: the sender's problem, answered 400.
BAD_BODY = {"CALLBACK_JSON", "CALLBACK_SHAPE", "CALLBACK_MISSING", "INVALID_TEXT"}


class Config(NamedTuple):
    environment: str
    extra_ips: List[str]
    db: str
    max_bytes: int
    path: str


def store(db: str, cb: sb.Callback, peer: str) -> None:
    """Upserts the record in one committed transaction; raises on failure."""
    row = (
        cb.user_sbid, cb.com_regno, int(cb.com_regno_valid), cb.auth_code, cb.auth_token, cb.user_name,
        cb.user_email, cb.user_phone, cb.com_name, cb.com_president, cb.com_address, cb.reg_yn, cb.erp_user_id,
        peer, datetime.now(timezone.utc).isoformat(),
    )  # fmt: skip
    connection = sqlite3.connect(db, timeout=10)
    try:
        with connection:  # commits, or rolls back on an exception
            connection.execute(SCHEMA)
            connection.execute(UPSERT, row)
    finally:
        connection.close()


def handle_callback(config: Config, peer: str, body: bytes) -> Tuple[int, str]:
    """The answer (HTTP status, text) for a callback from ``peer``;
    ``body`` is at most ``config.max_bytes + 1`` bytes of the request."""
    try:
        allowed = sb.callback_source_allowed(peer, config.environment, config.extra_ips)
    except sb.SmartbillError as e:
        log.error("source check misconfigured: %s (%s): %s", e.status_name, e.field, e.message)
        return 500, "configuration error"
    if not allowed:
        log.warning("callback from %s refused: not a SmartBill address", peer)
        return 403, "forbidden"
    try:
        cb = sb.parse_callback(body, max_bytes=config.max_bytes)
    except sb.SmartbillError as e:
        if e.status_name == "CALLBACK_TOO_LARGE":
            log.warning("callback from %s refused: %s", peer, e.message)
            return 413, "too large"
        if e.status_name in BAD_BODY:
            # Messages name the key and position, never the auth code or token.
            log.warning("callback from %s refused: %s (field %s): %s", peer, e.status_name, e.field, e.message)
            return 400, "not a callback"
        log.error("callback from %s: library failure %s: %s", peer, e.status_name, e.message)
        return 500, "internal error"
    try:
        store(config.db, cb, peer)
    except Exception as e:  # any storage failure: SmartBill must not think it was kept
        log.error("callback for %s not stored: %s", cb.user_sbid, e)
        return 500, "not stored"
    if not cb.com_regno_valid:
        log.warning("stored callback for %s with COM_REGNO %s failing the business-number check", cb.user_sbid, cb.com_regno)
    else:
        log.info("stored callback for %s (%s)", cb.user_sbid, cb.com_regno)
    return 200, "OK"


def make_handler(config: Config) -> type:
    class Handler(BaseHTTPRequestHandler):
        timeout = 30  # seconds a client may take to send its request

        def do_POST(self) -> None:
            if self.path.split("?", 1)[0] != config.path:
                return self.answer(404, "not found")
            length_header = self.headers.get("Content-Length")
            if length_header is None:
                return self.answer(411, "length required")
            try:
                length = int(length_header)
            except ValueError:
                return self.answer(400, "bad Content-Length")
            if length < 0:
                return self.answer(400, "bad Content-Length")
            # One byte more than the limit is enough to know a body is too large.
            body = self.rfile.read(min(length, config.max_bytes + 1))
            self.answer(*handle_callback(config, self.client_address[0], body))

        def do_GET(self) -> None:
            self.answer(405, "POST only")

        def answer(self, status: int, text: str) -> None:
            data = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")  # the unread rest of a large body is dropped
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            log.debug("%s %s", self.address_string(), format % args)

    return Handler


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    parser.add_argument("--path", default="/smartbill/callback")
    parser.add_argument("--environment", default="production", help="production, demo or a base URL")
    parser.add_argument("--extra-ips", default="", help="more allowed addresses, comma-separated")
    parser.add_argument("--db", default="smartbill-callbacks.sqlite3")
    parser.add_argument("--max-bytes", type=int, default=64 * 1024)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    extras = [ip.strip() for ip in args.extra_ips.split(",") if ip.strip()]
    config = Config(args.environment, extras, args.db, args.max_bytes, args.path)
    try:
        # Fail at start, not at the first callback, on a bad environment or address.
        sb.callback_source_allowed("0.0.0.0", config.environment, config.extra_ips)
    except sb.SmartbillError as e:
        print(f"configuration error: {e.status_name} ({e.field}): {e.message}", file=sys.stderr)
        return 2
    server = ThreadingHTTPServer((args.host, args.port), make_handler(config))
    port = server.server_address[1]
    print(f"listening on http://{args.host}:{port}{config.path}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
