//! One request: build it, send it, read a bounded body, classify failures.

use super::classify::{at, classify, origin};
use super::client::{transport_for, Route, Transport};
use super::options::Options;
use crate::error::{Error, Result};
use crate::message::Message;
use crate::status::Status;
use std::io::Read;
use std::time::{Duration, Instant};

/// An HTTP answer, with its body read in full (up to the limit).
#[derive(Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    pub elapsed: Duration,
}

impl std::fmt::Debug for Response {
    // The body may hold what the customer typed; show its size only.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("content_type", &self.content_type)
            .field("body_bytes", &self.body.len())
            .field("elapsed", &self.elapsed)
            .finish()
    }
}

impl Response {
    /// The charset the `Content-Type` declares, UTF-8 when it declares none.
    pub fn charset(&self) -> &'static encoding_rs::Encoding {
        self.content_type
            .as_deref()
            .and_then(|ct| {
                ct.split(';').skip(1).find_map(|param| {
                    let (key, value) = param.split_once('=')?;
                    key.trim()
                        .eq_ignore_ascii_case("charset")
                        .then(|| value.trim().trim_matches('"'))
                })
            })
            .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
            .unwrap_or(encoding_rs::UTF_8)
    }

    /// The body decoded by its declared charset. Bytes that are not valid in
    /// it are `INVALID_TEXT`: nothing is replaced (the raw body stays available).
    pub fn text(&self) -> Result<String> {
        let encoding = self.charset();
        let body = if encoding == encoding_rs::UTF_8 {
            self.body
                .strip_prefix(b"\xEF\xBB\xBF")
                .unwrap_or(&self.body)
        } else {
            &self.body
        };
        encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .map(|text| text.into_owned())
            .ok_or_else(|| {
                Error::new(
                    Status::InvalidText,
                    Message::ResponseCharset {
                        charset: encoding.name(),
                    },
                )
            })
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// What the firewall probe found: the server answered (any HTTP status).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Probe {
    pub status: u16,
    pub elapsed: Duration,
}

/// How many redirects a submit follows, as browsers allow many more.
pub const MAX_REDIRECTS: usize = 5;

/// One request of an exchange: the first, or one a redirect asked for.
struct Hop {
    url: url::Url,
    method: reqwest::Method,
    /// The body and its Content-Type; dropped when a redirect turns a POST into a GET.
    body: Option<(Vec<u8>, String)>,
}

/// POSTs `body` with `content_type` to `url`. Redirects are followed (up to
/// [`MAX_REDIRECTS`]) when `follow_redirects`, as a browser would after a
/// form post: 301, 302 and 303 continue as a GET without the body, 307 and
/// 308 repeat the POST. `options.timeout` bounds the whole exchange. An
/// error names the host that failed, which after a redirect is not the
/// host of `url`.
pub fn post(
    url: &str,
    body: Vec<u8>,
    content_type: &str,
    options: &Options,
    follow_redirects: bool,
) -> Result<Response> {
    let target = parse_url(url)?;
    refuse_inside_async_runtime()?;
    let transport = transport_for(&options.proxy)?;
    let started = Instant::now();
    let mut hop = Hop {
        url: target,
        method: reqwest::Method::POST,
        body: Some((body, content_type.to_string())),
    };
    let mut redirects = 0;
    loop {
        let route = transport.route(&hop.url);
        let response = send(&transport, &hop, &route, options, started)?;
        if follow_redirects {
            if let Some(next) = redirect(&hop, &response, &route)? {
                if redirects == MAX_REDIRECTS {
                    return Err(Error::new(
                        Status::HttpProtocol,
                        Message::TooManyRedirects {
                            place: at(&origin(&hop.url), &route),
                            max: MAX_REDIRECTS,
                        },
                    ));
                }
                redirects += 1;
                hop = next;
                continue;
            }
        }
        return finish(response, &hop.url, &route, options, started);
    }
}

/// The firewall check: can this machine reach `url`, exactly as given (no
/// path is added)? Any HTTP answer means yes (its status is returned);
/// otherwise the error says which failure: `HTTP_DNS`, `HTTP_CONNECT`,
/// `HTTP_TIMEOUT`, `HTTP_TLS`, `HTTP_PROXY`, `HTTP_PROTOCOL`. Redirects are
/// not followed: the first answer is the proof.
pub fn probe(url: &str, options: &Options) -> Result<Probe> {
    let target = parse_url(url)?;
    refuse_inside_async_runtime()?;
    let transport = transport_for(&options.proxy)?;
    let started = Instant::now();
    let hop = Hop {
        url: target,
        method: reqwest::Method::GET,
        body: None,
    };
    let route = transport.route(&hop.url);
    let response = send(&transport, &hop, &route, options, started)?;
    Ok(Probe {
        status: response.status().as_u16(),
        elapsed: started.elapsed(),
    })
}

/// Sends one hop within what is left of the exchange's timeout. A proxy's
/// demand for credentials (407) is an error, never an answer.
fn send(
    transport: &Transport,
    hop: &Hop,
    route: &Route,
    options: &Options,
    started: Instant,
) -> Result<reqwest::blocking::Response> {
    let remaining = options.timeout.saturating_sub(started.elapsed());
    if remaining.is_zero() {
        return Err(Error::new(
            Status::HttpTimeout,
            Message::TimedOut {
                place: at(&origin(&hop.url), route),
            },
        ));
    }
    let mut request = transport
        .client
        .request(hop.method.clone(), hop.url.clone())
        .timeout(remaining);
    if let Some((body, content_type)) = &hop.body {
        request = request
            .header(reqwest::header::CONTENT_TYPE, content_type.as_str())
            .body(body.clone());
    }
    let response = request.send().map_err(|e| classify(e, &hop.url, route))?;
    if let (Route::Proxy(proxy), 407) = (route, response.status().as_u16()) {
        return Err(Error::new(
            Status::HttpProxy,
            Message::ProxyAuthentication {
                proxy: proxy.to_string(),
                host: origin(&hop.url),
            },
        ));
    }
    Ok(response)
}

/// The hop a redirect answer asks for, if it is one to follow.
fn redirect(
    hop: &Hop,
    response: &reqwest::blocking::Response,
    route: &Route,
) -> Result<Option<Hop>> {
    let status = response.status().as_u16();
    let keeps_method = match status {
        301..=303 => false,
        307 | 308 => true,
        _ => return Ok(None),
    };
    // Without a usable Location the answer is the answer, as in a browser.
    let Some(location) = response
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
    else {
        return Ok(None);
    };
    let Ok(next) = hop.url.join(location) else {
        return Ok(None);
    };
    if !matches!(next.scheme(), "http" | "https") || next.host_str().is_none() {
        return Err(Error::new(
            Status::HttpProtocol,
            Message::RedirectNotHttp {
                place: at(&origin(&hop.url), route),
                status,
            },
        ));
    }
    let (method, body) = if keeps_method || hop.method == reqwest::Method::GET {
        (hop.method.clone(), hop.body.clone())
    } else {
        (reqwest::Method::GET, None)
    };
    Ok(Some(Hop {
        url: next,
        method,
        body,
    }))
}

fn finish(
    response: reqwest::blocking::Response,
    hop: &url::Url,
    route: &Route,
    options: &Options,
    started: Instant,
) -> Result<Response> {
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let limit = options.max_body_bytes;
    if response.content_length().is_some_and(|n| n > limit as u64) {
        return Err(too_large(hop, limit));
    }
    let mut body = Vec::new();
    response
        // One byte more than the limit tells "exactly the limit" from "more";
        // saturating, so a limit of SIZE_MAX does not wrap to 0.
        .take((limit as u64).saturating_add(1))
        .read_to_end(&mut body)
        .map_err(|e| read_error(e, hop, route))?;
    if body.len() > limit {
        return Err(too_large(hop, limit));
    }
    let response = Response {
        status,
        content_type,
        body,
        elapsed: started.elapsed(),
    };
    if options.fail_on_status && !response.is_success() {
        return Err(Error::new(
            Status::HttpStatus,
            Message::AnsweredStatus {
                host: origin(hop),
                status,
            },
        ));
    }
    Ok(response)
}

fn read_error(error: std::io::Error, hop: &url::Url, route: &Route) -> Error {
    if error
        .get_ref()
        .is_some_and(|inner| inner.is::<reqwest::Error>())
    {
        let inner = error
            .into_inner()
            .expect("checked above")
            .downcast::<reqwest::Error>()
            .expect("checked above");
        return classify(*inner, hop, route);
    }
    let place = at(&origin(hop), route);
    let (status, what) = if error.kind() == std::io::ErrorKind::TimedOut {
        (Status::HttpTimeout, Message::ReadTimedOut { place })
    } else {
        (Status::HttpProtocol, Message::ReadBrokeOff { place })
    };
    Error::new(
        status,
        Message::WithCause {
            what: Box::new(what),
            cause: error.to_string(),
        },
    )
}

fn too_large(hop: &url::Url, limit: usize) -> Error {
    Error::new(
        Status::HttpTooLarge,
        Message::ResponseTooLarge {
            host: origin(hop),
            limit,
        },
    )
}

fn parse_url(url: &str) -> Result<url::Url> {
    let parsed = url::Url::parse(crate::text::trim(url)).map_err(|e| {
        Error::new(
            Status::InvalidArgument,
            Message::NotUrl {
                cause: e.to_string(),
            },
        )
        .with_field("url")
    })?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(Error::new(Status::InvalidArgument, Message::UrlNotHttp {}).with_field("url"));
    }
    Ok(parsed)
}

/// reqwest's blocking client panics inside a tokio runtime; say why instead.
fn refuse_inside_async_runtime() -> Result<()> {
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(Error::new(Status::Internal, Message::InsideAsyncRuntime {}));
    }
    Ok(())
}
