//! One request's outcome, for logs and hooks. Never holds a secret: the
//! messages come from the library's parser and store (which never quote
//! `AUTH_CODE` or `AUTH_TOKEN`) and the path is logged without its query.

use crate::options::EventHook;
use crate::store::{RecordId, Stored};
use smartbill_signup_core::language::{self, Language};
use smartbill_signup_core::{Error, Message, Result, Status};
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
    /// For people: what was wrong, or what was stored, in the language of
    /// the thread that started the receiver (as it was then).
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

    pub(crate) fn describe(&self) -> Message {
        match self {
            Stored::New(id) => Message::StoredNew { id: id.to_string() },
            Stored::NewVersion(id) => Message::StoredNewVersion { id: id.to_string() },
            Stored::Unchanged(id) => Message::StoredUnchanged { id: id.to_string() },
        }
    }
}

/// Where events go: the log file and the hook, each optional; and the
/// language their messages (and the answers' texts) are written in: the
/// starting thread's language when the receiver started.
pub(crate) struct Events {
    log: Option<Mutex<File>>,
    hook: Option<EventHook>,
    language: Language,
}

impl Events {
    pub fn open(log_file: Option<&Path>, hook: Option<EventHook>) -> Result<Events> {
        let language = language::current();
        let log = match log_file {
            None => None,
            Some(path) => Some(Mutex::new(open_log(path).map_err(|e| {
                Error::new(
                    Status::InvalidArgument,
                    Message::LogFileUnopenable {
                        path: path.display().to_string(),
                        cause: e.to_string(),
                    },
                )
                .with_field("log_file")
            })?)),
        };
        Ok(Events {
            log,
            hook,
            language,
        })
    }

    /// `message` in the receiver's language.
    pub fn render(&self, message: &Message) -> String {
        message.render(self.language)
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
