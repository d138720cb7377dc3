//! The examples' request reader (`examples/support/tiny_http.rs`, which the
//! stand-in and the quickstart serve with): Content-Length and chunked
//! bodies, refusals with a real server's statuses, and generated input.

#[path = "../examples/support/tiny_http.rs"]
mod tiny_http;

use proptest::prelude::*;
use std::io::{Read, Write};
use tiny_http::{read_request, ReadError, MAX_BODY_BYTES};

/// A connection in memory: reads come from `input` at most `step` bytes at
/// a time (a network delivers a request in pieces); writes are kept.
struct Connection {
    input: Vec<u8>,
    pos: usize,
    step: usize,
    written: Vec<u8>,
}

impl Connection {
    fn new(input: &[u8], step: usize) -> Connection {
        Connection {
            input: input.to_vec(),
            pos: 0,
            step: step.max(1),
            written: Vec::new(),
        }
    }
}

impl Read for Connection {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.step).min(self.input.len() - self.pos);
        buf[..n].copy_from_slice(&self.input[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

impl Write for Connection {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.written.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn read(input: &[u8]) -> Result<tiny_http::Request, ReadError> {
    read_request(&mut Connection::new(input, 8192))
}

fn status_of(result: Result<tiny_http::Request, ReadError>) -> String {
    match result {
        Ok(_) => "ok".into(),
        Err(ReadError::Closed) => "closed".into(),
        Err(ReadError::Refused { status, .. }) => status[..3].to_string(),
    }
}

const POST: &str = "POST /xMain/mb/shar_transfer/info_inpt01.aspx?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded; charset=utf-8\r\n";

#[test]
fn a_chunked_body_is_decoded() {
    let request = format!(
        "{POST}Transfer-Encoding: chunked\r\n\r\n\
         a;name=value\r\npComRegNo=\r\n\
         0D ;x\r\n1248100998&pM\r\n\
         0c\r\nIGRATIONFLAG\r\n\
         7\r\n=TEST11\r\n\
         000;last\r\nX-Trailer: yes\r\n\r\n"
    );
    let r = read(request.as_bytes()).unwrap();
    assert_eq!(r.method, "POST");
    assert_eq!(r.path, "/xMain/mb/shar_transfer/info_inpt01.aspx");
    assert_eq!(
        r.content_type.as_deref(),
        Some("application/x-www-form-urlencoded; charset=utf-8")
    );
    assert_eq!(r.body, b"pComRegNo=1248100998&pMIGRATIONFLAG=TEST11");
}

#[test]
fn content_length_and_no_length_bodies() {
    let r = read(format!("{POST}Content-Length: 5\r\n\r\nhello, and more").as_bytes()).unwrap();
    assert_eq!(r.body, b"hello");
    // RFC 9112: a request with neither header has no body.
    let r = read(format!("{POST}\r\n").as_bytes()).unwrap();
    assert_eq!(r.body, b"");
    let r = read(b"GET / HTTP/1.1\nHost: x\n\n").unwrap();
    assert_eq!((r.method.as_str(), r.path.as_str()), ("GET", "/"));
}

#[test]
fn a_waiting_client_is_told_to_continue() {
    let mut c = Connection::new(
        format!("{POST}Expect: 100-continue\r\nContent-Length: 3\r\n\r\nabc").as_bytes(),
        8192,
    );
    assert_eq!(read_request(&mut c).unwrap().body, b"abc");
    assert_eq!(c.written, b"HTTP/1.1 100 Continue\r\n\r\n");
}

#[test]
fn bodies_that_cannot_be_read_exactly_are_refused_as_a_server_would() {
    let huge = MAX_BODY_BYTES + 1;
    for (headers_and_body, expected) in [
        (
            "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n".to_string(),
            "501",
        ),
        ("Transfer-Encoding: chunked, gzip\r\n\r\n".into(), "400"),
        (
            "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n".into(),
            "400",
        ),
        (
            "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n5\r\nhello\r\n0\r\n\r\n".into(),
            "400",
        ),
        (
            "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!".into(),
            "400",
        ),
        ("Content-Length: 5 5\r\n\r\nhello".into(), "400"),
        ("Content-Length: -1\r\n\r\n".into(), "400"),
        ("Content-Length: +5\r\n\r\nhello".into(), "400"),
        (format!("Content-Length: {huge}\r\n\r\n"), "413"),
        (
            "Content-Length: 99999999999999999999999\r\n\r\n".into(),
            "413",
        ),
        ("Transfer-Encoding: chunked\r\n\r\nzz\r\n".into(), "400"),
        ("Transfer-Encoding: chunked\r\n\r\n\r\n".into(), "400"),
        (
            "Transfer-Encoding: chunked\r\n\r\n5 x\r\nhello\r\n0\r\n\r\n".into(),
            "400",
        ),
        (
            "Transfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n".into(),
            "400",
        ),
        (
            "Transfer-Encoding: chunked\r\n\r\n0\r\nno colon\r\n\r\n".into(),
            "400",
        ),
        (
            "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n".into(),
            "413",
        ),
        (
            format!("Transfer-Encoding: chunked\r\n\r\n{huge:x}\r\n"),
            "413",
        ),
        ("Bad Header\r\n\r\n".into(), "400"),
        ("Bad Header: x\r\n\r\n".into(), "400"),
        (format!("X-Long: {}\r\n\r\n", "x".repeat(70_000)), "431"),
    ] {
        let request = format!("{POST}{headers_and_body}");
        assert_eq!(
            status_of(read(request.as_bytes())),
            expected,
            "{headers_and_body:.80}"
        );
    }
    for request in [
        "GARBAGE\r\n\r\n",
        "GET /\r\n\r\n",
        "GET / SPDY/3\r\n\r\n",
        "GET  / HTTP/1.1\r\n\r\n",
    ] {
        assert_eq!(status_of(read(request.as_bytes())), "400", "{request:?}");
    }
}

#[test]
fn a_body_cut_short_is_never_read_as_complete() {
    for cut in [
        format!("{POST}Content-Length: 10\r\n\r\nhello"),
        format!("{POST}Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"),
        format!("{POST}Transfer-Encoding: chunked\r\n\r\n5\r\nhel"),
        format!("{POST}Transfer-Encoding: chunked\r\n\r\n0\r\n"),
        format!("{POST}Transfer-Encoding: chunked\r\n\r\n"),
        format!("{POST}Content-Type: x"),
    ] {
        assert_eq!(status_of(read(cut.as_bytes())), "closed", "{cut:?}");
    }
}

/// A chunked encoding of `body`, cut at `cuts`, with extensions and a trailer.
fn chunked(body: &[u8], cuts: &[usize], extension: bool, trailer: bool, upper: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut ends: Vec<usize> = cuts.iter().map(|c| c % (body.len() + 1)).collect();
    ends.push(body.len());
    ends.sort_unstable();
    for end in ends {
        if end > start {
            let size = if upper {
                format!("{:X}", end - start)
            } else {
                format!("{:x}", end - start)
            };
            out.extend_from_slice(size.as_bytes());
            if extension {
                out.extend_from_slice(b" ;ext=\"v\"");
            }
            out.extend_from_slice(b"\r\n");
            out.extend_from_slice(&body[start..end]);
            out.extend_from_slice(b"\r\n");
            start = end;
        }
    }
    out.extend_from_slice(b"0\r\n");
    if trailer {
        out.extend_from_slice(b"Checksum: 1\r\n");
    }
    out.extend_from_slice(b"\r\n");
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Whatever the chunking and however the bytes arrive, the body read is
    /// the body sent.
    #[test]
    fn chunked_bodies_round_trip(
        body in proptest::collection::vec(any::<u8>(), 0..2048),
        cuts in proptest::collection::vec(any::<usize>(), 0..8),
        extension in any::<bool>(),
        trailer in any::<bool>(),
        upper in any::<bool>(),
        step in 1usize..64,
    ) {
        let mut request = format!("{POST}Transfer-Encoding: chunked\r\n\r\n").into_bytes();
        request.extend_from_slice(&chunked(&body, &cuts, extension, trailer, upper));
        let r = read_request(&mut Connection::new(&request, step)).unwrap();
        prop_assert_eq!(r.body, body);
    }

    #[test]
    fn content_length_bodies_round_trip(
        body in proptest::collection::vec(any::<u8>(), 0..2048),
        step in 1usize..64,
    ) {
        let mut request = format!("{POST}Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        request.extend_from_slice(&body);
        let r = read_request(&mut Connection::new(&request, step)).unwrap();
        prop_assert_eq!(r.body, body);
    }

    /// Arbitrary bytes never panic and get a documented answer.
    #[test]
    fn arbitrary_requests_get_a_documented_answer(
        input in proptest::collection::vec(any::<u8>(), 0..512),
        step in 1usize..64,
    ) {
        let status = status_of(read_request(&mut Connection::new(&input, step)));
        prop_assert!(["ok", "closed", "400", "413", "431", "501"].contains(&status.as_str()), "{}", status);
    }

    /// Arbitrary text after a chunked head: decoded, cut short, or refused
    /// with 400, 413 or 431; and whatever decodes is never longer than sent.
    #[test]
    fn arbitrary_chunked_bodies_get_a_documented_answer(
        tail in "[0-9a-fA-F; =\"xz:\r\n]{0,256}",
        step in 1usize..64,
    ) {
        let request = format!("{POST}Transfer-Encoding: chunked\r\n\r\n{tail}");
        match read_request(&mut Connection::new(request.as_bytes(), step)) {
            Ok(r) => prop_assert!(r.body.len() <= tail.len()),
            Err(ReadError::Closed) => {}
            Err(ReadError::Refused { status, .. }) => {
                prop_assert!(["400", "413", "431"].contains(&&status[..3]), "{}", status)
            }
        }
    }
}
