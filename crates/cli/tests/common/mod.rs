//! Running `smartbill-signup` as a user would, comparing with golden files,
//! and small loopback servers. Every server is on 127.0.0.1, serves a
//! bounded number of connections and stops by itself.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub const EXE: &str = env!("CARGO_BIN_EXE_smartbill-signup");

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub raw_stdout: Vec<u8>,
}

impl Run {
    /// Exit code `code`, and nothing a crash would print.
    pub fn expect(self, code: i32) -> Run {
        assert_eq!(self.code, code, "exit code; {self:#?}");
        for bad in ["panicked", "RUST_BACKTRACE", "stack backtrace"] {
            assert!(!self.stderr.contains(bad), "{self:#?}");
        }
        self
    }

    /// An input error: exit 2 and exactly one line on stderr.
    pub fn expect_input_error(self, containing: &str) -> Run {
        let run = self.expect(2);
        assert_eq!(run.stderr.lines().count(), 1, "one line: {:?}", run.stderr);
        assert!(
            run.stderr.starts_with("smartbill-signup: "),
            "{:?}",
            run.stderr
        );
        assert!(run.stderr.contains(containing), "{:?}", run.stderr);
        run
    }
}

pub fn command(args: &[&str]) -> Command {
    let mut command = Command::new(EXE);
    command
        .args(args)
        .current_dir(fixtures())
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("https_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .env_remove("RUST_BACKTRACE")
        // English unless a test asks otherwise: the locale decides the
        // language of messages (LANG wins over a Windows display language).
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1");
    command
}

/// Runs the tool with `args` and `stdin` (empty when `None`).
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Run {
    run_command(command(args), stdin)
}

pub fn run_command(mut command: Command, stdin: Option<&[u8]>) -> Run {
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the binary runs");
    let input = stdin.unwrap_or_default().to_vec();
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        raw_stdout: output.stdout,
    }
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Compares `actual` with `tests/golden/NAME`; `UPDATE_GOLDEN=1` rewrites
/// the file instead (then review the diff).
pub fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    if expected != actual {
        panic!(
            "{} differs (UPDATE_GOLDEN=1 rewrites it)\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        );
    }
}

/// Replaces what changes from run to run: loopback ports and times (with
/// the padding a time's width changes).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("127.0.0.1:") {
        out.push_str(&rest[..at + "127.0.0.1:".len()]);
        rest = &rest[at + "127.0.0.1:".len()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        out.push_str(if digits > 0 { "PORT" } else { "" });
        rest = &rest[digits..];
    }
    out.push_str(rest);
    // "12 ms" and JSON "ms": 12.
    let mut text = String::new();
    let chars: Vec<char> = out.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let after: String = chars[i..].iter().take(3).collect();
            let before: String = chars[start.saturating_sub(6)..start].iter().collect();
            if after == " ms" || before.ends_with("\"ms\": ") {
                // Right-aligned times pad by their width: padding goes too.
                if text.ends_with("  ") {
                    let kept = text.trim_end_matches(' ').len();
                    text.truncate(kept);
                    text.push(' ');
                }
                text.push('N');
            } else {
                text.extend(&chars[start..i]);
            }
            continue;
        }
        text.push(chars[i]);
        i += 1;
    }
    text
}

// The request reader of the library's own network tests, shared.
#[path = "../../../../tests/common/servers.rs"]
mod servers;
pub use servers::{read_request, Seen};

/// How a test server answers.
#[derive(Clone, Copy)]
pub enum Behaviour {
    /// Reads the request, answers with this status line and body.
    Answer(&'static str, &'static str),
    /// Accepts and never answers (the client's timeout fires).
    Silent,
    /// Reads the request and answers with bytes that are not HTTP.
    Garbage,
}

/// A server on 127.0.0.1 handling up to `connections` connections, then
/// stopping (or after 30 s without one). Requests read go to the channel.
pub fn serve(connections: usize, behaviour: Behaviour) -> (String, mpsc::Receiver<Seen>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (sender, receiver) = mpsc::channel();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        let mut handled = 0;
        let mut held = Vec::new();
        while handled < connections && std::time::Instant::now() < deadline {
            let mut stream = match listener.accept() {
                Ok((stream, _)) => stream,
                Err(_) => {
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
            };
            handled += 1;
            stream.set_nonblocking(false).unwrap();
            match behaviour {
                Behaviour::Silent => held.push(stream),
                Behaviour::Garbage => {
                    if let Some(seen) = read_request(&mut stream) {
                        let _ = sender.send(seen);
                    }
                    let _ = stream.write_all(b"\x00\x01 this is not HTTP \xff\r\n\r\n");
                }
                Behaviour::Answer(status, body) => {
                    if let Some(seen) = read_request(&mut stream) {
                        let _ = sender.send(seen);
                    }
                    let _ = write!(
                        stream,
                        "HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    );
                }
            }
        }
        // Silent connections stay open until the test's client gives up.
        std::thread::sleep(Duration::from_secs(if held.is_empty() { 0 } else { 5 }));
    });
    (base, receiver)
}

/// A port on 127.0.0.1 where nothing listens.
pub fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// `smartbill-signup standin` as a child process, stopped when dropped.
pub struct StandIn {
    child: Child,
    pub base: String,
}

impl StandIn {
    pub fn start(extra: &[&str]) -> StandIn {
        let mut child = command(&["standin", "--max-requests", "20", "--idle-exit", "60"])
            .args(extra)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("stand-in banner: {line:?}"))
            .to_string();
        StandIn { child, base }
    }

    /// What the stand-in recorded, oldest first.
    pub fn requests(&self) -> Vec<serde_json::Value> {
        let body = get(&format!("{}/__requests", self.base)).1;
        serde_json::from_str::<serde_json::Value>(&body)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }
}

impl Drop for StandIn {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A plain GET over a loopback socket: the status line and the body.
pub fn get(url: &str) -> (String, String) {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = match rest.split_once('/') {
        Some((h, p)) => (h, format!("/{p}")),
        None => (rest, "/".to_string()),
    };
    let mut s = TcpStream::connect(host).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = Vec::new();
    s.read_to_end(&mut answer).unwrap();
    let text = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    (head.lines().next().unwrap().to_string(), body.to_string())
}
