//! The stand-in's HTTP server: one thread per connection, bounded by a
//! request count and an idle timeout, recording every signup request.

use crate::{callback, form_body, page, Config};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SIGNUP_PATH: &str = "/xMain/mb/shar_transfer/info_inpt01.aspx";
const MAX_REQUEST_BYTES: usize = 1 << 20;

struct Request {
    method: String,
    path: String,
    content_type: Option<String>,
    body: Vec<u8>,
}

#[derive(Default)]
struct State {
    records: Vec<serde_json::Value>,
    served: usize,
}

pub fn run(config: &Config) -> Result<(), String> {
    let listener =
        TcpListener::bind(("127.0.0.1", config.port)).map_err(|e| format!("bind: {e}"))?;
    println!(
        "listening on http://{}",
        listener.local_addr().map_err(|e| e.to_string())?
    );
    let _ = std::io::stdout().flush();
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    let state = Arc::new(Mutex::new(State::default()));
    let mut last_activity = Instant::now();
    loop {
        if state.lock().unwrap().served >= config.max_requests {
            // Let in-flight connections finish their answer.
            std::thread::sleep(Duration::from_millis(200));
            return Ok(());
        }
        if last_activity.elapsed() >= config.idle_exit {
            return Ok(());
        }
        match listener.accept() {
            Ok((stream, _)) => {
                last_activity = Instant::now();
                let state = Arc::clone(&state);
                let callback_url = config.callback_url.clone();
                let record = config.record.clone();
                std::thread::spawn(move || {
                    handle(stream, &state, callback_url.as_deref(), record.as_deref())
                });
            }
            Err(_) => std::thread::sleep(Duration::from_millis(10)),
        }
    }
}

fn handle(
    mut stream: TcpStream,
    state: &Mutex<State>,
    callback_url: Option<&str>,
    record: Option<&str>,
) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let Some(request) = read_request(&mut stream) else {
        return;
    };
    let (status, content_type, body) = match (request.method.as_str(), request.path.as_str()) {
        ("POST", SIGNUP_PATH) => {
            state.lock().unwrap().served += 1;
            signup(&request, state, callback_url, record)
        }
        ("GET", SIGNUP_PATH) => (
            "200 OK",
            "text/html; charset=utf-8",
            page::landing().into_bytes(),
        ),
        ("GET", "/__requests") => {
            let records = serde_json::Value::Array(state.lock().unwrap().records.clone());
            (
                "200 OK",
                "application/json; charset=utf-8",
                records.to_string().into_bytes(),
            )
        }
        _ => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found".to_vec(),
        ),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn signup(
    request: &Request,
    state: &Mutex<State>,
    callback_url: Option<&str>,
    record: Option<&str>,
) -> (&'static str, &'static str, Vec<u8>) {
    let decoded = match form_body::decode(&request.body, request.content_type.as_deref()) {
        Ok(decoded) => decoded,
        Err(problem) => {
            return (
                "400 Bad Request",
                "text/plain; charset=utf-8",
                problem.into_bytes(),
            )
        }
    };
    let callback_result = callback_url.map(|url| callback::send(url, &decoded.fields));
    let entry = serde_json::json!({
        "content_type": request.content_type,
        "charset": decoded.charset,
        "fields": decoded.fields.iter().map(|(k, v)| serde_json::json!([k, v])).collect::<Vec<_>>(),
        "callback": callback_result,
    });
    if let Some(path) = record {
        if let Ok(mut file) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            let _ = writeln!(file, "{entry}");
        }
    }
    state.lock().unwrap().records.push(entry);
    let page = page::received(&decoded.fields, decoded.charset, callback_result.as_deref());
    ("200 OK", "text/html; charset=utf-8", page.into_bytes())
}

fn read_request(stream: &mut TcpStream) -> Option<Request> {
    let mut data = Vec::new();
    let mut buf = [0u8; 8192];
    let header_end = loop {
        if let Some(pos) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break pos + 4;
        }
        let n = stream.read(&mut buf).ok()?;
        if n == 0 || data.len() > MAX_REQUEST_BYTES {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&data[..header_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_string();
    let path = request_line.next()?.split('?').next()?.to_string();
    let mut content_type = None;
    let mut length = 0usize;
    for line in lines {
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-type") {
                content_type = Some(value.trim().to_string());
            } else if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().ok()?;
            }
        }
    }
    if length > MAX_REQUEST_BYTES {
        return None;
    }
    let mut body = data[header_end..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&buf[..n]);
    }
    body.truncate(length);
    Some(Request {
        method,
        path,
        content_type,
        body,
    })
}
