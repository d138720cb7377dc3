//! One request, in the order the README's endpoint rules give: the source
//! address, the path, the method, the size, the body within its time, the
//! library's parser, the store, and only then 200.

use crate::event::{Event, Events};
use crate::forwarded::client_address;
use crate::store::writer::{Delivery, WriterHandle};
use crate::store::Stored;
use crate::time::now_ms;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, ALLOW, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use smartbill_signup_core::callback::source::SourceAllowList;
use smartbill_signup_core::callback::{self, ParseOptions};
use smartbill_signup_core::{Error, Message, Status};
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What every request of one receiver shares.
pub(crate) struct Context {
    pub path: String,
    pub sources: SourceAllowList,
    pub trusted_proxies: Vec<IpAddr>,
    pub max_bytes: usize,
    pub body_timeout: Duration,
    pub writer: WriterHandle,
    pub events: Events,
}

/// The answer to one request, and what the log says about it.
struct Outcome {
    http: StatusCode,
    status: Option<Status>,
    message: Message,
    source: Option<IpAddr>,
    stored: Option<Stored>,
}

impl Outcome {
    fn refuse(http: StatusCode, source: Option<IpAddr>, message: Message) -> Outcome {
        Outcome {
            http,
            status: None,
            message,
            source,
            stored: None,
        }
    }

    fn failed(http: StatusCode, source: Option<IpAddr>, error: &Error) -> Outcome {
        Outcome {
            http,
            status: Some(error.status()),
            message: error.detail().clone(),
            source,
            stored: None,
        }
    }

    /// The body: `OK`, or the status name (when there is one) and the
    /// message. Never a secret: messages come from the parser and the store.
    fn response(&self, message: &str) -> Response<Full<Bytes>> {
        let text = match (self.http, self.status) {
            (StatusCode::OK, _) => "OK\n".to_string(),
            (_, Some(status)) => format!("{}: {message}\n", status.name()),
            (http, None) => format!(
                "{}: {message}\n",
                http.canonical_reason().unwrap_or("error"),
            ),
        };
        let mut response = Response::new(Full::new(Bytes::from(text)));
        *response.status_mut() = self.http;
        let headers = response.headers_mut();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        if self.http == StatusCode::METHOD_NOT_ALLOWED {
            headers.insert(ALLOW, HeaderValue::from_static("POST"));
        }
        response
    }
}

pub(crate) async fn handle(
    request: Request<Incoming>,
    peer: SocketAddr,
    context: Arc<Context>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let started = Instant::now();
    let at_ms = now_ms();
    let method = crate::options::shorten(request.method().as_str()).to_string();
    let path = crate::options::shorten(request.uri().path()).to_string();
    let outcome = decide(request, peer, &context).await;
    let message = context.events.render(&outcome.message);
    context.events.emit(&Event {
        at_ms,
        peer,
        source: outcome.source,
        method,
        path,
        http_status: outcome.http.as_u16(),
        status: outcome.status,
        message: message.clone(),
        stored: outcome.stored,
        elapsed: started.elapsed(),
    });
    Ok(outcome.response(&message))
}

async fn decide(request: Request<Incoming>, peer: SocketAddr, context: &Context) -> Outcome {
    let forwarded = request
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .map(|v| v.as_bytes());
    let source = match client_address(peer.ip(), &context.trusted_proxies, forwarded) {
        Ok(source) => source,
        Err(e) => return Outcome::failed(StatusCode::BAD_REQUEST, None, &e),
    };
    let known = Some(source);
    if !context.sources.allows_addr(source) {
        return Outcome::refuse(
            StatusCode::FORBIDDEN,
            known,
            Message::SourceNotAllowed {
                source: source.to_string(),
            },
        );
    }
    if request.uri().path() != context.path {
        return Outcome::refuse(StatusCode::NOT_FOUND, known, Message::NoSuchPath {});
    }
    if request.method() != Method::POST {
        return Outcome::refuse(StatusCode::METHOD_NOT_ALLOWED, known, Message::OnlyPost {});
    }
    let declared = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(length) = declared.filter(|&n| n > context.max_bytes as u64) {
        // Refused before a byte of the body is read.
        return Outcome::failed(
            StatusCode::PAYLOAD_TOO_LARGE,
            known,
            &too_large(Some(length), context.max_bytes),
        );
    }
    let body = match tokio::time::timeout(
        context.body_timeout,
        read_limited(request.into_body(), context.max_bytes),
    )
    .await
    {
        Err(_) => {
            return Outcome::refuse(
                StatusCode::REQUEST_TIMEOUT,
                known,
                Message::BodyTimeout {
                    ms: context.body_timeout.as_millis() as u64,
                },
            )
        }
        Ok(Err(BodyError::TooLarge)) => {
            let error = too_large(None, context.max_bytes);
            return Outcome::failed(StatusCode::PAYLOAD_TOO_LARGE, known, &error);
        }
        Ok(Err(BodyError::Broken(e))) => {
            return Outcome::refuse(
                StatusCode::BAD_REQUEST,
                known,
                Message::BodyUnreadable {
                    cause: e.to_string(),
                },
            )
        }
        Ok(Ok(body)) => body,
    };
    let parsed = match callback::parse_with(
        &body,
        &ParseOptions {
            max_bytes: context.max_bytes,
        },
    ) {
        Ok(parsed) => parsed,
        Err(e) => {
            let http = match e.status() {
                Status::CallbackTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
                Status::Internal => StatusCode::INTERNAL_SERVER_ERROR,
                _ => StatusCode::BAD_REQUEST,
            };
            return Outcome::failed(http, known, &e);
        }
    };
    let delivery = Delivery {
        user_sbid: parsed.user_sbid().to_string(),
        com_regno: parsed.com_regno().to_string(),
        body,
        peer: source.to_string(),
        received_at_ms: now_ms(),
    };
    match context.writer.put(delivery).await {
        Ok(stored) => Outcome {
            http: StatusCode::OK,
            status: Some(Status::Ok),
            message: Message::CallbackReceived {
                sbid: format!("{:?}", crate::options::shorten(parsed.user_sbid())),
                regno: format!("{:?}", crate::options::shorten(parsed.com_regno())),
                what: Box::new(stored.describe()),
            },
            source: known,
            stored: Some(stored),
        },
        Err(e) => Outcome::failed(StatusCode::INTERNAL_SERVER_ERROR, known, &e),
    }
}

fn too_large(length: Option<u64>, max_bytes: usize) -> Error {
    let message = match length {
        Some(length) => Message::CallbackTooLargeDeclared {
            length,
            limit: max_bytes,
        },
        None => Message::CallbackTooLargeRead { limit: max_bytes },
    };
    Error::new(Status::CallbackTooLarge, message).with_field("body")
}

enum BodyError {
    TooLarge,
    Broken(hyper::Error),
}

/// Reads the body, keeping at most `max_bytes + 1` bytes: one byte past
/// the limit proves it too large, and nothing more is read.
async fn read_limited(mut body: Incoming, max_bytes: usize) -> Result<Vec<u8>, BodyError> {
    let mut kept = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(BodyError::Broken)?;
        if let Ok(data) = frame.into_data() {
            let room = max_bytes + 1 - kept.len();
            if data.len() >= room {
                kept.extend_from_slice(&data[..room]);
            } else {
                kept.extend_from_slice(&data);
            }
            if kept.len() > max_bytes {
                return Err(BodyError::TooLarge);
            }
        }
    }
    Ok(kept)
}
