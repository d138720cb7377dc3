//! The stand-in's HTTP server: one thread per connection, bounded by a
//! request count and an idle timeout, recording every signup request.

use crate::tiny_http::{read_request, write_refusal, write_response, Request};
use crate::{callback, form_body, page, Config};
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SIGNUP_PATH: &str = "/xMain/mb/shar_transfer/info_inpt01.aspx";

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
    let state = Arc::new(Mutex::new(State::default()));
    let last_activity = Arc::new(Mutex::new(Instant::now()));
    watch_idle(Arc::clone(&last_activity), config.idle_exit);
    // Blocking accept: no polling delay in front of every request.
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        *last_activity.lock().unwrap() = Instant::now();
        let state = Arc::clone(&state);
        let callback_url = config.callback_url.clone();
        let record = config.record.clone();
        let max_requests = config.max_requests;
        std::thread::spawn(move || {
            handle(stream, &state, callback_url.as_deref(), record.as_deref());
            if state.lock().unwrap().served >= max_requests {
                std::process::exit(0);
            }
        });
    }
    Ok(())
}

/// Ends the process once nothing has arrived for `idle_exit`.
fn watch_idle(last_activity: Arc<Mutex<Instant>>, idle_exit: Duration) {
    std::thread::spawn(move || loop {
        let idle = last_activity.lock().unwrap().elapsed();
        if idle >= idle_exit {
            std::process::exit(0);
        }
        std::thread::sleep((idle_exit - idle).min(Duration::from_millis(500)));
    });
}

fn handle(
    mut stream: TcpStream,
    state: &Mutex<State>,
    callback_url: Option<&str>,
    record: Option<&str>,
) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    // A body that cannot be read exactly (bad chunking, an unsupported
    // transfer coding, too large) is refused as a real server would.
    let request = match read_request(&mut stream) {
        Ok(request) => request,
        Err(error) => return write_refusal(&mut stream, &error),
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
    write_response(&mut stream, status, content_type, &body);
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
