//! Serving one page once from a loopback URL with a random path, so a
//! browser can open it without the page (the customer's data) ever being
//! written to a file. The answer forbids caching (no copy in the browser's
//! disk cache) and referrers; the server stops after the one answer or at
//! the deadline.

use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

/// A request head longer than this is not a browser fetching a page.
const MAX_HEAD_BYTES: usize = 16 * 1024;

/// The listening socket and the one URL it answers.
pub struct OneShot {
    listener: TcpListener,
    token: String,
    pub url: String,
}

/// How serving ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Served {
    /// The page went to this peer.
    Delivered,
    /// Nobody fetched it before the deadline.
    TimedOut,
}

impl OneShot {
    pub fn bind() -> io::Result<OneShot> {
        let listener = TcpListener::bind(("127.0.0.1", 0))?;
        let mut random = [0u8; 16];
        getrandom::fill(&mut random).map_err(|e| io::Error::other(e.to_string()))?;
        let token: String = random.iter().map(|b| format!("{b:02x}")).collect();
        let url = format!("http://{}/{token}", listener.local_addr()?);
        Ok(OneShot {
            listener,
            token,
            url,
        })
    }

    /// Answers requests until the page has been delivered once (any other
    /// path gets 404) or `timeout` has passed.
    pub fn serve(self, page: &[u8], content_type: &str, timeout: Duration) -> io::Result<Served> {
        let deadline = Instant::now() + timeout;
        self.listener.set_nonblocking(true)?;
        let wanted = format!("/{}", self.token);
        while Instant::now() < deadline {
            match self.listener.accept() {
                Ok((stream, _)) => {
                    if answer(stream, &wanted, page, content_type)? {
                        return Ok(Served::Delivered);
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(Served::TimedOut)
    }
}

/// Answers one connection; true when it was given the page.
fn answer(
    mut stream: TcpStream,
    wanted: &str,
    page: &[u8],
    content_type: &str,
) -> io::Result<bool> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    let Some(head) = read_head(&mut stream) else {
        // A browser's speculative connection that sent nothing, or garbage.
        return Ok(false);
    };
    let mut parts = head.split(' ');
    let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let delivered = method == "GET" && path == wanted;
    let result = if delivered {
        respond(&mut stream, "200 OK", content_type, page)
    } else {
        respond(
            &mut stream,
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found",
        )
    };
    // A peer that went away mid-answer did not get the page.
    Ok(delivered && result.is_ok())
}

/// The request line of a request whose head arrived whole.
fn read_head(stream: &mut TcpStream) -> Option<String> {
    let mut data = Vec::new();
    let mut buf = [0u8; 2048];
    while !data.windows(4).any(|w| w == b"\r\n\r\n") {
        if data.len() > MAX_HEAD_BYTES {
            return None;
        }
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
    }
    let first = data.split(|&b| b == b'\r').next()?;
    String::from_utf8(first.to_vec()).ok()
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
) -> io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n\
         X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(url: &str) -> io::Result<String> {
        let rest = url.strip_prefix("http://").unwrap();
        let (host, path) = rest.split_once('/').unwrap();
        let mut s = TcpStream::connect(host)?;
        write!(s, "GET /{path} HTTP/1.1\r\nHost: {host}\r\n\r\n")?;
        let mut answer = String::new();
        s.read_to_string(&mut answer)?;
        Ok(answer)
    }

    #[test]
    fn serves_the_page_once_then_stops() {
        let server = OneShot::bind().unwrap();
        let url = server.url.clone();
        let token = url.rsplit('/').next().unwrap();
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
        assert_eq!(token.len(), 32);
        assert!(token.bytes().all(|b| b.is_ascii_hexdigit()));
        let thread = std::thread::spawn(move || {
            server.serve(
                b"<p>page</p>",
                "text/html; charset=utf-8",
                Duration::from_secs(20),
            )
        });
        let (base, _) = url.rsplit_once('/').unwrap();
        let wrong = get(&format!("{base}/guess")).unwrap();
        assert!(wrong.starts_with("HTTP/1.1 404"), "{wrong}");
        let page = get(&url).unwrap();
        assert!(page.starts_with("HTTP/1.1 200 OK"), "{page}");
        assert!(page.contains("Cache-Control: no-store"));
        assert!(page.ends_with("<p>page</p>"));
        assert_eq!(thread.join().unwrap().unwrap(), Served::Delivered);
        assert!(get(&url).is_err(), "the server stopped");
    }

    #[test]
    fn gives_up_at_the_deadline() {
        let server = OneShot::bind().unwrap();
        let served = server
            .serve(b"x", "text/plain", Duration::from_millis(100))
            .unwrap();
        assert_eq!(served, Served::TimedOut);
    }

    #[test]
    fn paths_are_random() {
        assert_ne!(OneShot::bind().unwrap().url, OneShot::bind().unwrap().url);
    }
}
