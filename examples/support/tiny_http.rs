//! Just enough HTTP/1.1 for the examples' loopback servers: read one
//! request, write one answer, close. Bodies come with a Content-Length or
//! chunked (RFC 9112 section 7.1), as a real server takes them; a request
//! whose body cannot be read exactly is refused with the status a real
//! server would give (400, 413, 431, 501), never read as empty.
#![allow(dead_code)]

use std::io::{Read, Write};

/// The most a request body may hold (after chunked decoding): 413 beyond.
pub const MAX_BODY_BYTES: usize = 1 << 20;
/// The most the request line and headers may hold: 431 beyond.
pub const MAX_HEAD_BYTES: usize = 64 << 10;

pub struct Request {
    pub method: String,
    pub path: String,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// Why no request was read.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The peer closed or the read failed or timed out: nothing to answer.
    Closed,
    /// A malformed or unacceptable request: answer with this status line
    /// (e.g. `"400 Bad Request"`) and reason, then close.
    Refused {
        status: &'static str,
        reason: String,
    },
}

fn refuse(status: &'static str, reason: impl Into<String>) -> ReadError {
    ReadError::Refused {
        status,
        reason: reason.into(),
    }
}

fn bad(reason: impl Into<String>) -> ReadError {
    refuse("400 Bad Request", reason)
}

/// Bytes from the stream, read as they are needed.
struct Input<'a, S> {
    stream: &'a mut S,
    data: Vec<u8>,
    pos: usize,
}

impl<S: Read> Input<'_, S> {
    /// Reads more; `Closed` at the end of the stream.
    fn fill(&mut self) -> Result<(), ReadError> {
        let mut buf = [0u8; 8192];
        let n = self.stream.read(&mut buf).map_err(|_| ReadError::Closed)?;
        if n == 0 {
            return Err(ReadError::Closed);
        }
        self.data.extend_from_slice(&buf[..n]);
        Ok(())
    }

    /// One line without its CRLF (a bare LF is accepted, as RFC 9112 allows),
    /// refused with `too_long` beyond `max` bytes.
    fn line(&mut self, max: usize, too_long: fn() -> ReadError) -> Result<Vec<u8>, ReadError> {
        loop {
            if let Some(i) = self.data[self.pos..].iter().position(|&b| b == b'\n') {
                let mut line = self.data[self.pos..self.pos + i].to_vec();
                self.pos += i + 1;
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                if line.len() > max {
                    return Err(too_long());
                }
                return Ok(line);
            }
            if self.data.len() - self.pos > max {
                return Err(too_long());
            }
            self.fill()?;
        }
    }

    /// The CRLF (or bare LF) after chunk data.
    fn line_end(&mut self) -> Result<(), ReadError> {
        let mut byte = self.exact(1)?;
        if byte == b"\r" {
            byte = self.exact(1)?;
        }
        if byte != b"\n" {
            return Err(bad("chunk data is longer than its size"));
        }
        Ok(())
    }

    /// Exactly `n` bytes.
    fn exact(&mut self, n: usize) -> Result<Vec<u8>, ReadError> {
        while self.data.len() - self.pos < n {
            self.fill()?;
        }
        let bytes = self.data[self.pos..self.pos + n].to_vec();
        self.pos += n;
        Ok(bytes)
    }
}

/// How the body's length is known.
enum Framing {
    None,
    Length(usize),
    Chunked,
}

struct Head {
    method: String,
    path: String,
    content_type: Option<String>,
    framing: Framing,
    expects_continue: bool,
}

fn head_too_large() -> ReadError {
    refuse(
        "431 Request Header Fields Too Large",
        "the request head is too large",
    )
}

fn body_too_large() -> ReadError {
    refuse(
        "413 Payload Too Large",
        format!("the body is larger than {MAX_BODY_BYTES} bytes"),
    )
}

fn read_head<S: Read>(input: &mut Input<'_, S>) -> Result<Head, ReadError> {
    let mut line = input.line(MAX_HEAD_BYTES, head_too_large)?;
    // A client may send empty lines before the request line.
    while line.is_empty() {
        line = input.line(MAX_HEAD_BYTES, head_too_large)?;
    }
    let request_line = String::from_utf8(line).map_err(|_| bad("the request line is not text"))?;
    let parts: Vec<&str> = request_line.split(' ').collect();
    let [method, target, version] = parts[..] else {
        return Err(bad("the request line is not METHOD TARGET VERSION"));
    };
    if method.is_empty() || target.is_empty() || !version.starts_with("HTTP/1.") {
        return Err(bad("the request line is not METHOD TARGET HTTP/1.x"));
    }
    let path = target.split('?').next().unwrap_or_default().to_string();
    let mut content_type = None;
    let mut lengths = Vec::new();
    let mut codings = Vec::new();
    let mut expects_continue = false;
    let mut head_bytes = request_line.len();
    loop {
        let line = input.line(MAX_HEAD_BYTES, head_too_large)?;
        if line.is_empty() {
            break;
        }
        head_bytes += line.len();
        if head_bytes > MAX_HEAD_BYTES {
            return Err(head_too_large());
        }
        let line = String::from_utf8_lossy(&line);
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| bad("a header line has no colon"))?;
        if name.is_empty() || name.contains(|c: char| c.is_ascii_whitespace()) {
            return Err(bad("a header name is empty or holds whitespace"));
        }
        let value = value.trim_matches([' ', '\t']);
        match name.to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value.to_string()),
            "content-length" => lengths.extend(value.split(',').map(|v| v.trim().to_string())),
            "transfer-encoding" => codings.extend(
                value
                    .split(',')
                    .map(|c| c.trim().to_ascii_lowercase())
                    .filter(|c| !c.is_empty()),
            ),
            "expect" => expects_continue = value.eq_ignore_ascii_case("100-continue"),
            _ => {}
        }
    }
    let framing = match (lengths.is_empty(), codings.is_empty()) {
        (true, true) => Framing::None,
        (false, false) => {
            // RFC 9112 section 6.3: a sign of request smuggling.
            return Err(bad("both Content-Length and Transfer-Encoding"));
        }
        (false, true) => {
            let first = &lengths[0];
            if lengths.iter().any(|l| l != first)
                || first.is_empty()
                || !first.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(bad("Content-Length is not one decimal number"));
            }
            match first.parse::<usize>() {
                Ok(n) if n <= MAX_BODY_BYTES => Framing::Length(n),
                _ => return Err(body_too_large()),
            }
        }
        (true, false) => {
            // RFC 9112 section 6.3: without chunked last, the length is unknown.
            if codings.last().map(String::as_str) != Some("chunked") {
                return Err(bad("Transfer-Encoding does not end in chunked"));
            }
            if let Some(other) = codings.iter().find(|c| *c != "chunked") {
                return Err(refuse(
                    "501 Not Implemented",
                    format!("transfer coding {other:?} is not supported"),
                ));
            }
            if codings.len() > 1 {
                return Err(bad("chunked is applied more than once"));
            }
            Framing::Chunked
        }
    };
    Ok(Head {
        method: method.to_string(),
        path,
        content_type,
        framing,
        expects_continue,
    })
}

/// A chunked body (RFC 9112 section 7.1): chunks with optional extensions,
/// a last chunk, optional trailer fields (ignored), an empty line.
fn read_chunked<S: Read>(input: &mut Input<'_, S>) -> Result<Vec<u8>, ReadError> {
    let mut body = Vec::new();
    loop {
        let line = input.line(MAX_HEAD_BYTES, head_too_large)?;
        let size_end = line
            .iter()
            .position(|b| !b.is_ascii_hexdigit())
            .unwrap_or(line.len());
        let rest = &line[size_end..];
        let rest_is_extension = rest.is_empty()
            || rest
                .iter()
                .position(|&b| b == b';')
                .is_some_and(|i| rest[..i].iter().all(|&b| b == b' ' || b == b'\t'));
        if size_end == 0 || !rest_is_extension {
            return Err(bad("a chunk size is not a hexadecimal number"));
        }
        let digits = std::str::from_utf8(&line[..size_end]).expect("ASCII hex digits");
        let size = usize::from_str_radix(digits, 16).map_err(|_| body_too_large())?;
        if size == 0 {
            break;
        }
        if size > MAX_BODY_BYTES - body.len() {
            return Err(body_too_large());
        }
        body.extend_from_slice(&input.exact(size)?);
        input.line_end()?;
    }
    // Trailer fields up to the empty line.
    let mut trailer_bytes = 0;
    loop {
        let line = input.line(MAX_HEAD_BYTES, head_too_large)?;
        if line.is_empty() {
            return Ok(body);
        }
        trailer_bytes += line.len();
        if trailer_bytes > MAX_HEAD_BYTES {
            return Err(head_too_large());
        }
        if !line.contains(&b':') {
            return Err(bad("a trailer line has no colon"));
        }
    }
}

/// Reads one request. The stream is written to only to say
/// `100 Continue` to a client that waits for it.
pub fn read_request<S: Read + Write>(stream: &mut S) -> Result<Request, ReadError> {
    let mut input = Input {
        stream,
        data: Vec::new(),
        pos: 0,
    };
    let head = read_head(&mut input)?;
    let has_body = !matches!(head.framing, Framing::None | Framing::Length(0));
    if head.expects_continue && has_body {
        let _ = input.stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
        let _ = input.stream.flush();
    }
    let body = match head.framing {
        Framing::None => Vec::new(),
        Framing::Length(n) => input.exact(n)?,
        Framing::Chunked => read_chunked(&mut input)?,
    };
    Ok(Request {
        method: head.method,
        path: head.path,
        content_type: head.content_type,
        body,
    })
}

pub fn write_response<W: Write>(stream: &mut W, status: &str, content_type: &str, body: &[u8]) {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
    let _ = stream.flush();
}

/// Answers a refused request (nothing for a closed one).
pub fn write_refusal<W: Write>(stream: &mut W, error: &ReadError) {
    if let ReadError::Refused { status, reason } = error {
        write_response(
            stream,
            status,
            "text/plain; charset=utf-8",
            reason.as_bytes(),
        );
    }
}
