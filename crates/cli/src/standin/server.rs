//! The stand-in's HTTP server: one thread per connection, recording every
//! signup request, stopping cleanly (answers in flight are finished) after
//! a number of signups or a time without requests.

use super::tiny_http::{read_request, write_refusal, write_response, Request};
use super::{callback, form_body, page, Config};
use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

const SIGNUP_PATH: &str = smartbill_signup_core::environment::ACTION_PATH;

#[derive(Default)]
struct State {
    records: Vec<serde_json::Value>,
    served: usize,
}

struct Shared {
    state: Mutex<State>,
    last_activity: Mutex<Instant>,
    stop: AtomicBool,
    address: SocketAddr,
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        // A handler that panicked cannot leave the records half-written.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn touch(&self) {
        *self.last_activity.lock().unwrap_or_else(|p| p.into_inner()) = Instant::now();
    }

    fn idle(&self) -> Duration {
        self.last_activity
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .elapsed()
    }

    /// Stops the accept loop: sets the flag and wakes the blocking accept
    /// with a connection of our own.
    fn stop(&self) {
        if !self.stop.swap(true, Ordering::SeqCst) {
            let _ = TcpStream::connect_timeout(&self.address, Duration::from_secs(1));
        }
    }
}

pub struct Server {
    listener: TcpListener,
    address: SocketAddr,
}

impl Server {
    pub fn bind(config: &Config) -> std::io::Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", config.port))?;
        let address = listener.local_addr()?;
        Ok(Server { listener, address })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Serves until `max_requests` signups or `idle_exit` without a
    /// connection, then waits for the answers in flight.
    pub fn run(self, config: &Config) {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            last_activity: Mutex::new(Instant::now()),
            stop: AtomicBool::new(false),
            address: self.address,
        });
        let watcher = watch_idle(Arc::clone(&shared), config.idle_exit);
        let mut workers: Vec<std::thread::JoinHandle<()>> = Vec::new();
        // Blocking accept: no polling delay in front of every request.
        for stream in self.listener.incoming() {
            if shared.stop.load(Ordering::SeqCst) {
                break;
            }
            let Ok(stream) = stream else { continue };
            shared.touch();
            workers.retain(|w| !w.is_finished());
            let shared = Arc::clone(&shared);
            let callback_url = config.callback_url.clone();
            let record = config.record.clone();
            let max_requests = config.max_requests;
            workers.push(std::thread::spawn(move || {
                handle(stream, &shared, callback_url.as_deref(), record.as_deref());
                if shared.state().served >= max_requests {
                    shared.stop();
                }
            }));
        }
        for worker in workers {
            let _ = worker.join();
        }
        let _ = watcher.join();
    }
}

/// Stops the server once nothing has arrived for `idle_exit`.
fn watch_idle(shared: Arc<Shared>, idle_exit: Duration) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || loop {
        if shared.stop.load(Ordering::SeqCst) {
            return;
        }
        let idle = shared.idle();
        if idle >= idle_exit {
            shared.stop();
            return;
        }
        std::thread::sleep((idle_exit - idle).min(Duration::from_millis(200)));
    })
}

fn handle(
    mut stream: TcpStream,
    shared: &Shared,
    callback_url: Option<&str>,
    record: Option<&std::path::Path>,
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
            shared.state().served += 1;
            signup(&request, shared, callback_url, record)
        }
        ("GET", SIGNUP_PATH) => (
            "200 OK",
            "text/html; charset=utf-8",
            page::landing().into_bytes(),
        ),
        ("GET", "/__requests") => {
            let records = serde_json::Value::Array(shared.state().records.clone());
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
    shared: &Shared,
    callback_url: Option<&str>,
    record: Option<&std::path::Path>,
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
    shared.state().records.push(entry);
    let page = page::received(&decoded.fields, decoded.charset, callback_result.as_deref());
    ("200 OK", "text/html; charset=utf-8", page.into_bytes())
}
