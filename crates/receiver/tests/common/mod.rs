//! Helpers for the receiver's tests: bodies, a receiver on loopback, the
//! library's own callback sender, and raw TCP for what a client library
//! would not send.
#![allow(dead_code)]

use smartbill_signup_core::http;
use smartbill_signup_receiver::{Event, Receiver, ReceiverOptions};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The auth code and token every test body carries, to look for in logs.
pub const SECRET_CODE: &str = "13F89DFEK99D4474A67EABE8F7258AA5";
pub const SECRET_TOKEN: &str = "TOKEN-4d7a1f-secret-MAo";

/// A callback body unique to `n` (its USER_SBID), in SmartBill's current schema.
pub fn callback_body(n: usize) -> String {
    callback_body_with_token(n, SECRET_TOKEN)
}

pub fn callback_body_with_token(n: usize, token: &str) -> String {
    format!(
        r#"{{"USER_SBID":"user{n:05}","COM_REGNO":"1248100998","AUTH_CODE":"{SECRET_CODE}","AUTH_TOKEN":"{token}","USER_NAME":"홍길동","COM_NAME":"(주)스마트 상사"}}"#
    )
}

/// Options for a receiver on 127.0.0.1 (free port) that accepts loopback:
/// a custom environment (no fixed source) plus 127.0.0.1.
pub fn loopback_options(store: &Path) -> ReceiverOptions {
    ReceiverOptions::new(store, "127.0.0.1:0".parse().unwrap())
        .environment_named("http://127.0.0.1:1")
        .unwrap()
        .extra_ips(["127.0.0.1".parse().unwrap()])
}

/// Collects every event a receiver emits.
#[derive(Clone, Default)]
pub struct Recorded(pub Arc<Mutex<Vec<Event>>>);

impl Recorded {
    pub fn hook(&self) -> impl Fn(&Event) + Send + Sync + 'static {
        let events = self.0.clone();
        move |e: &Event| events.lock().unwrap().push(e.clone())
    }

    pub fn lines(&self) -> Vec<String> {
        self.0
            .lock()
            .unwrap()
            .iter()
            .map(|e| e.to_string())
            .collect()
    }
}

/// Posts a callback the way `smartbill_http_send_callback` does (the
/// library's own sender), direct (no proxy).
pub fn send_callback(url: &str, body: &str) -> smartbill_signup_core::Result<http::Response> {
    let mut options = http::Options::with_timeout_ms(15_000).unwrap();
    options.set("proxy", "off").unwrap();
    http::post(
        url,
        body.as_bytes().to_vec(),
        "application/json; charset=utf-8",
        &options,
        false,
    )
}

/// Sends `request` as raw bytes and reads the whole answer (the receiver
/// closes every connection after one answer). `None` when the connection
/// was closed or reset without an answer.
pub fn raw_exchange(addr: SocketAddr, request: &[u8]) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream.write_all(request).ok()?;
    read_answer(&mut stream)
}

/// Reads an HTTP answer until the server closes: (status, body).
pub fn read_answer(stream: &mut TcpStream) -> Option<(u16, String)> {
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    parse_answer(&answer)
}

pub fn parse_answer(answer: &[u8]) -> Option<(u16, String)> {
    let text = String::from_utf8_lossy(answer).to_string();
    let status = text.get(9..12)?.parse().ok()?;
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string())?;
    Some((status, body))
}

/// A POST to `path` with a Content-Length body.
pub fn post_request(path: &str, body: &[u8]) -> Vec<u8> {
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(body);
    request
}

/// Stops a receiver with a short grace period, failing the test if it fails.
pub fn stop(mut receiver: Receiver) {
    receiver.stop(Duration::from_secs(5)).unwrap();
}

/// The p-th percentile (0..=100) of sorted durations.
pub fn percentile(sorted: &[Duration], p: usize) -> Duration {
    let i = ((sorted.len() * p).div_ceil(100)).saturating_sub(1);
    sorted[i.min(sorted.len() - 1)]
}
