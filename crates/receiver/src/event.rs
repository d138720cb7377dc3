//! One request's outcome, for logs and hooks. Never holds a secret: the
//! messages come from the library's parser and store (which never quote
//! `AUTH_CODE` or `AUTH_TOKEN`) and the path is logged without its query.

use crate::options::EventHook;
use crate::store::{RecordId, Stored};
use smartbill_signup_core::{Error, Result, Status};
use std::fmt;
use std::fs::File;
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

/// What happened to one request (or connection).
#[derive(Clone, Debug)]
pub struct Event {
    /// When the request arrived, Unix milliseconds.
    pub at_ms: i64,
    /// The TCP peer.
    pub peer: SocketAddr,
    /// The address checked against the allowed sources (the peer, or the
    /// client a trusted proxy named); `None` before it was known.
    pub source: Option<IpAddr>,
    /// The method and path (never the query), empty for a connection that
    /// failed before a request (a TLS handshake).
    pub method: String,
    pub path: String,
    /// The HTTP status answered, 0 when none could be.
    pub http_status: u16,
    /// The library status behind the answer (`OK`, `CALLBACK_MISSING`,
    /// `STORE`, ...); `None` for a refusal by HTTP rules alone (403, 404,
    /// 405, 408).
    pub status: Option<Status>,
    /// For people: what was wrong, or what was stored.
    pub message: String,
    /// The record stored, and whether it was new, a new version or unchanged.
    pub stored: Option<Stored>,
    /// Time from the request's arrival to the answer.
    pub elapsed: Duration,
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = self
            .source
            .map(|s| s.to_string())
            .unwrap_or_else(|| "-".to_string());
        write!(
            f,
            "{} peer={} source={} {} {} -> {} {}: {} ({} ms)",
            crate::time::rfc3339_utc(self.at_ms),
            self.peer,
            source,
            if self.method.is_empty() {
                "-"
            } else {
                &self.method
            },
            if self.path.is_empty() {
                "-"
            } else {
                &self.path
            },
            self.http_status,
            self.status.map_or("-", |s| s.name()),
            self.message,
            self.elapsed.as_millis()
        )
    }
}

impl Stored {
    /// The record stored.
    pub fn id(&self) -> RecordId {
        match *self {
            Stored::New(id) | Stored::NewVersion(id) | Stored::Unchanged(id) => id,
        }
    }

    pub(crate) fn describe(&self) -> String {
        match self {
            Stored::New(id) => format!("stored as record {id}"),
            Stored::NewVersion(id) => format!("stored as record {id} (new content)"),
            Stored::Unchanged(id) => format!("identical to record {id}, unchanged"),
        }
    }
}

/// Where events go: the log file and the hook, each optional.
pub(crate) struct Events {
    log: Option<Mutex<File>>,
    hook: Option<EventHook>,
}

impl Events {
    pub fn open(log_file: Option<&Path>, hook: Option<EventHook>) -> Result<Events> {
        let log = match log_file {
            None => None,
            Some(path) => Some(Mutex::new(open_log(path).map_err(|e| {
                Error::new(
                    Status::InvalidArgument,
                    format!(
                        "log file {}: cannot open for appending: {e}",
                        path.display()
                    ),
                )
                .with_field("log_file")
            })?)),
        };
        Ok(Events { log, hook })
    }

    pub fn emit(&self, event: &Event) {
        if let Some(log) = &self.log {
            let line = format!("{event}\n");
            // A log that cannot be written must not fail the callback.
            let mut file = log.lock().unwrap_or_else(|p| p.into_inner());
            let _ = file.write_all(line.as_bytes());
        }
        if let Some(hook) = &self.hook {
            hook(event);
        }
    }
}

fn open_log(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}
