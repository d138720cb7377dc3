//! Hostile and broken requests: each is refused with the right status,
//! none is stored, none holds the server, and no secret reaches an answer,
//! an event or the log file.

mod common;

use common::*;
use smartbill_signup_receiver::{Receiver, ReceiverOptions, Status};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

const PATH: &str = "/smartbill/callback";

struct Fixture {
    _dir: tempfile::TempDir,
    receiver: Receiver,
    recorded: Recorded,
    log: std::path::PathBuf,
}

fn fixture(adjust: impl FnOnce(ReceiverOptions) -> ReceiverOptions) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let recorded = Recorded::default();
    let log = dir.path().join("receiver.log");
    let options = loopback_options(&dir.path().join("cb.db"))
        .log_file(&log)
        .on_event(recorded.hook());
    let receiver = Receiver::start(adjust(options)).unwrap();
    Fixture {
        _dir: dir,
        receiver,
        recorded,
        log,
    }
}

impl Fixture {
    fn exchange(&self, request: &[u8]) -> (u16, String) {
        raw_exchange(self.receiver.local_addr(), request).expect("an answer")
    }

    /// Nothing in the answers given, the events or the log shows a secret.
    fn assert_no_secret(&self, answers: &[String]) {
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let events = self.recorded.lines();
        for text in answers
            .iter()
            .chain(events.iter())
            .chain(std::iter::once(&log))
        {
            assert!(
                !text.contains(SECRET_CODE) && !text.contains(SECRET_TOKEN),
                "a secret leaked: {text}"
            );
        }
    }

    fn stop(self) {
        stop(self.receiver);
    }
}

#[test]
fn broken_and_wrong_requests_get_their_status_and_are_not_stored() {
    let f = fixture(|o| o.max_bytes(2_000));
    let good = callback_body(1);
    let duplicate_token = format!(
        r#"{{"USER_SBID":"u","COM_REGNO":"1248100998","AUTH_CODE":"{SECRET_CODE}","AUTH_TOKEN":"{SECRET_TOKEN}","auth_token":"{SECRET_TOKEN}"}}"#
    );
    let missing_token =
        format!(r#"{{"USER_SBID":"u","COM_REGNO":"1","AUTH_CODE":"{SECRET_CODE}"}}"#);
    let truncated = &good[..60]; // within the ASCII part
    let cases: Vec<(Vec<u8>, u16, &str)> = vec![
        (
            post_request(PATH, truncated.as_bytes()),
            400,
            "CALLBACK_JSON",
        ),
        (post_request(PATH, b""), 400, "CALLBACK_JSON"),
        (post_request(PATH, b"[1,2]"), 400, "CALLBACK_SHAPE"),
        (
            post_request(PATH, duplicate_token.as_bytes()),
            400,
            "CALLBACK_SHAPE",
        ),
        (
            post_request(PATH, missing_token.as_bytes()),
            400,
            "CALLBACK_MISSING",
        ),
        (
            post_request(PATH, b"{\"USER_SBID\":\"\xff\"}"),
            400,
            "INVALID_TEXT",
        ),
        (post_request("/other", good.as_bytes()), 404, "Not Found"),
        (
            post_request("/smartbill/callback/", good.as_bytes()),
            404,
            "Not Found",
        ),
        (
            format!("GET {PATH} HTTP/1.1\r\nHost: x\r\n\r\n").into_bytes(),
            405,
            "Method Not Allowed",
        ),
        (
            format!("PUT {PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{{}}").into_bytes(),
            405,
            "Method Not Allowed",
        ),
        // Larger than max_bytes by Content-Length: refused before the body is read.
        (
            format!("POST {PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n")
                .into_bytes(),
            413,
            "CALLBACK_TOO_LARGE",
        ),
        // Chunked, no length: refused once the limit is passed.
        (chunked(&"x".repeat(2_500)), 413, "CALLBACK_TOO_LARGE"),
        // Not HTTP at all: hyper answers 400 itself.
        (b"HELLO THERE\r\n\r\n".to_vec(), 400, ""),
    ];
    let mut answers = Vec::new();
    for (request, status, text) in &cases {
        let (got, body) = f.exchange(request);
        assert_eq!(
            got,
            *status,
            "{}: {body}",
            String::from_utf8_lossy(&request[..40.min(request.len())])
        );
        assert!(body.contains(text), "{status}: {body}");
        answers.push(body);
    }
    let (status, _) = raw_exchange(
        f.receiver.local_addr(),
        &format!("GET {PATH} HTTP/1.1\r\nHost: x\r\n\r\n").into_bytes(),
    )
    .unwrap();
    assert_eq!(status, 405);
    let mut stream = TcpStream::connect(f.receiver.local_addr()).unwrap();
    stream
        .write_all(format!("DELETE {PATH} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
        .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(
        answer.to_ascii_lowercase().contains("allow: post"),
        "{answer}"
    );

    // Chunked within the limit is accepted like Content-Length.
    let (status, body) = f.exchange(&chunked(&good));
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        f.receiver.store().counts().unwrap().records,
        1,
        "only the good callback is stored"
    );
    f.assert_no_secret(&answers);
    let log = std::fs::read_to_string(&f.log).unwrap();
    assert!(
        log.contains("CALLBACK_SHAPE") && log.contains("-> 404") && log.contains("-> 200 OK"),
        "{log}"
    );
    f.stop();
}

/// A chunked POST of `body` in chunks of at most 1000 bytes, in one write.
fn chunked(body: &str) -> Vec<u8> {
    let mut request =
        format!("POST {PATH} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
            .into_bytes();
    for chunk in body.as_bytes().chunks(1000) {
        request.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        request.extend_from_slice(chunk);
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"0\r\n\r\n");
    request
}

#[test]
fn sources_outside_the_environment_are_refused() {
    // Production only: 127.0.0.1 is not SmartBill.
    let dir = tempfile::tempdir().unwrap();
    let options = ReceiverOptions::new(dir.path().join("cb.db"), "127.0.0.1:0".parse().unwrap());
    let receiver = Receiver::start(options).unwrap();
    let good = callback_body(1);
    let (status, body) =
        raw_exchange(receiver.local_addr(), &post_request(PATH, good.as_bytes())).unwrap();
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("127.0.0.1"), "{body}");
    // A forged X-Forwarded-For from a peer that is not a trusted proxy changes nothing.
    let forged = format!(
        "POST {PATH} HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 183.111.188.210\r\nContent-Length: {}\r\n\r\n{good}",
        good.len()
    );
    assert_eq!(
        raw_exchange(receiver.local_addr(), forged.as_bytes())
            .unwrap()
            .0,
        403
    );
    // Even the path is not revealed to a stranger.
    assert_eq!(
        raw_exchange(receiver.local_addr(), &post_request("/x", b"{}"))
            .unwrap()
            .0,
        403
    );
    assert_eq!(receiver.store().counts().unwrap().records, 0);
    stop(receiver);
}

#[test]
fn forwarded_for_is_believed_from_a_trusted_proxy_only() {
    let dir = tempfile::tempdir().unwrap();
    let options = ReceiverOptions::new(dir.path().join("cb.db"), "127.0.0.1:0".parse().unwrap())
        .trusted_proxies(["127.0.0.1".parse().unwrap()]);
    let receiver = Receiver::start(options).unwrap();
    let good = callback_body(7);
    let via = |header: &str| {
        let request = format!(
            "POST {PATH} HTTP/1.1\r\nHost: x\r\n{header}Content-Length: {}\r\n\r\n{good}",
            good.len()
        );
        raw_exchange(receiver.local_addr(), request.as_bytes()).unwrap()
    };
    assert_eq!(
        via("X-Forwarded-For: 203.0.113.9, 183.111.188.210\r\n").0,
        200
    );
    assert_eq!(
        via("X-Forwarded-For: 183.111.188.210, 203.0.113.9\r\n").0,
        403,
        "the rightmost untrusted entry counts"
    );
    assert_eq!(via("").0, 403, "the proxy itself is not SmartBill");
    let (status, body) = via("X-Forwarded-For: unknown\r\n");
    assert_eq!(status, 400);
    assert!(
        body.contains("INVALID_ARGUMENT") && body.contains("X-Forwarded-For"),
        "{body}"
    );
    let record = receiver.next(Duration::ZERO).unwrap().unwrap();
    assert_eq!(record.peer(), "183.111.188.210");
    stop(receiver);
}

#[test]
fn slow_clients_are_cut_off_and_do_not_hold_the_server() {
    let f = fixture(|o| o.timeouts(Duration::from_secs(1), Duration::from_secs(1)));
    let addr = f.receiver.local_addr();
    // Headers at one byte per second: the header timeout closes the connection.
    let slow_headers = std::thread::spawn(move || {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        let started = Instant::now();
        for byte in format!("POST {PATH} HTTP/1.1\r\nHost: x\r\n").bytes() {
            if stream.write_all(&[byte]).is_err() {
                break;
            }
            let mut buf = [0u8; 64];
            match stream.read(&mut buf) {
                Ok(0) => break, // closed by the server
                Ok(_) => break, // an answer: also the end
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break,
                Err(_) => {} // nothing yet
            }
            std::thread::sleep(Duration::from_millis(900));
            if started.elapsed() > Duration::from_secs(15) {
                panic!("the slow client was never cut off");
            }
        }
        started.elapsed()
    });
    // Meanwhile a normal callback is answered at once.
    std::thread::sleep(Duration::from_millis(300));
    let (status, _) = f.exchange(&post_request(PATH, callback_body(1).as_bytes()));
    assert_eq!(status, 200);
    let held = slow_headers.join().unwrap();
    assert!(held < Duration::from_secs(6), "cut after {held:?}");

    // A body at one byte per second: 408 once the body timeout passes.
    let body = callback_body(2);
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    stream
        .write_all(
            format!(
                "POST {PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n",
                body.len()
            )
            .as_bytes(),
        )
        .unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    for byte in body.bytes() {
        let _ = stream.write_all(&[byte]);
        let mut buf = [0u8; 512];
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break,
            Err(_) => {}
        }
        if !answer.is_empty() {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let _ = stream.read_to_end(&mut answer);
            break;
        }
        std::thread::sleep(Duration::from_millis(900));
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the slow body was never cut off"
        );
    }
    let (status, text) = parse_answer(&answer).expect("a 408 answer");
    assert_eq!(status, 408, "{text}");
    assert_eq!(f.receiver.store().counts().unwrap().records, 1);
    let lines = f.recorded.lines().join("\n");
    assert!(
        lines.contains("headers did not arrive within 1000 ms"),
        "{lines}"
    );
    f.assert_no_secret(&[text]);
    f.stop();
}

#[test]
fn connections_beyond_the_cap_wait_in_the_backlog_instead_of_503() {
    let f = fixture(|o| {
        o.max_connections(1)
            .timeouts(Duration::from_secs(1), Duration::from_secs(1))
    });
    // One idle connection takes the only slot until the header timeout.
    let _idle = TcpStream::connect(f.receiver.local_addr()).unwrap();
    std::thread::sleep(Duration::from_millis(100));
    let started = Instant::now();
    let (status, body) = f.exchange(&post_request(PATH, callback_body(3).as_bytes()));
    assert_eq!(status, 200, "{body}");
    // It was served only once the idle connection was cut (after ~1 s).
    assert!(
        started.elapsed() >= Duration::from_millis(500),
        "{:?}",
        started.elapsed()
    );
    f.stop();
}

#[test]
fn stop_lets_requests_in_flight_finish_and_closes_the_port() {
    let f = fixture(|o| o);
    let addr = f.receiver.local_addr();
    let body = callback_body(4);
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .write_all(
            format!(
                "POST {PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n",
                body.len()
            )
            .as_bytes(),
        )
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let mut receiver = f.receiver;
    let stopper = std::thread::spawn(move || {
        receiver.stop(Duration::from_secs(10)).unwrap();
        receiver
    });
    std::thread::sleep(Duration::from_millis(300));
    // The port is closed already, the request in flight is not.
    assert!(
        TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_err(),
        "still listening"
    );
    stream.write_all(body.as_bytes()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let (status, text) = read_answer(&mut stream).unwrap();
    assert_eq!(status, 200, "{text}");
    let receiver = stopper.join().unwrap();
    assert!(!receiver.is_running());
    // The store stays usable after the stop.
    let record = receiver.next(Duration::ZERO).unwrap().unwrap();
    assert_eq!(record.callback().user_sbid(), "user00004");
}

#[test]
fn start_failures_name_their_cause() {
    let dir = tempfile::tempdir().unwrap();
    let first = Receiver::start(loopback_options(&dir.path().join("a.db"))).unwrap();
    let taken = ReceiverOptions::new(dir.path().join("b.db"), first.local_addr());
    let e = Receiver::start(taken).unwrap_err();
    assert_eq!(e.status(), Status::ReceiverBind);
    assert_eq!(e.field(), Some("port"));
    let foreign = ReceiverOptions::new(dir.path().join("c.db"), "192.0.2.1:0".parse().unwrap());
    let e = Receiver::start(foreign).unwrap_err();
    assert_eq!(e.status(), Status::ReceiverBind);
    assert_eq!(e.field(), Some("host"));
    let e = Receiver::start(ReceiverOptions::default()).unwrap_err();
    assert_eq!(
        (e.status(), e.field()),
        (Status::InvalidArgument, Some("store"))
    );
    let e = Receiver::start(loopback_options(&dir.path().join("missing/d.db"))).unwrap_err();
    assert_eq!(e.status(), Status::Store);
    stop(first);
}
