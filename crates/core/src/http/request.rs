//! One request: build it, send it, read a bounded body, classify failures.

use super::classify::{classify, origin};
use super::client::client_for;
use super::options::{Options, ProxyMode};
use crate::error::{Error, Result};
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
                    format!(
                        "the response body is not valid {} as its Content-Type declares",
                        encoding.name()
                    ),
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

/// POSTs `body` with `content_type` to `url`. Redirects are followed (up to
/// 5) when `follow_redirects`, as a browser would after a form post.
pub fn post(
    url: &str,
    body: Vec<u8>,
    content_type: &str,
    options: &Options,
    follow_redirects: bool,
) -> Result<Response> {
    let target = parse_url(url)?;
    refuse_inside_async_runtime()?;
    let via_proxy = uses_proxy(&options.proxy, &target);
    let client = client_for(&options.proxy, follow_redirects)?;
    let started = Instant::now();
    let response = client
        .post(target.clone())
        .timeout(options.timeout)
        .header(reqwest::header::CONTENT_TYPE, content_type)
        .body(body)
        .send()
        .map_err(|e| classify(e, &target, via_proxy))?;
    finish(response, &target, via_proxy, options, started)
}

/// The firewall check: can this machine reach `url`? Any HTTP answer means
/// yes (its status is returned); otherwise the error says which failure:
/// `HTTP_DNS`, `HTTP_CONNECT`, `HTTP_TIMEOUT`, `HTTP_TLS`, `HTTP_PROXY`.
/// Redirects are not followed: the first answer is the proof.
pub fn probe(url: &str, options: &Options) -> Result<Probe> {
    let target = parse_url(url)?;
    refuse_inside_async_runtime()?;
    let via_proxy = uses_proxy(&options.proxy, &target);
    let client = client_for(&options.proxy, false)?;
    let started = Instant::now();
    let response = client
        .get(target.clone())
        .timeout(options.timeout)
        .send()
        .map_err(|e| classify(e, &target, via_proxy))?;
    let status = response.status().as_u16();
    if via_proxy && status == 407 {
        return Err(proxy_auth_error(&target));
    }
    Ok(Probe {
        status,
        elapsed: started.elapsed(),
    })
}

fn finish(
    response: reqwest::blocking::Response,
    target: &url::Url,
    via_proxy: bool,
    options: &Options,
    started: Instant,
) -> Result<Response> {
    let status = response.status().as_u16();
    if via_proxy && status == 407 {
        return Err(proxy_auth_error(target));
    }
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let limit = options.max_body_bytes;
    if response.content_length().is_some_and(|n| n > limit as u64) {
        return Err(too_large(target, limit));
    }
    let mut body = Vec::new();
    response
        // One byte more than the limit tells "exactly the limit" from "more";
        // saturating, so a limit of SIZE_MAX does not wrap to 0.
        .take((limit as u64).saturating_add(1))
        .read_to_end(&mut body)
        .map_err(|e| read_error(e, target, via_proxy))?;
    if body.len() > limit {
        return Err(too_large(target, limit));
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
            format!("{}: answered HTTP {status}", origin(target)),
        ));
    }
    Ok(response)
}

fn read_error(error: std::io::Error, target: &url::Url, via_proxy: bool) -> Error {
    if error
        .get_ref()
        .is_some_and(|inner| inner.is::<reqwest::Error>())
    {
        let inner = error
            .into_inner()
            .expect("checked above")
            .downcast::<reqwest::Error>()
            .expect("checked above");
        return classify(*inner, target, via_proxy);
    }
    let (status, what) = if error.kind() == std::io::ErrorKind::TimedOut {
        (Status::HttpTimeout, "timed out reading the response")
    } else {
        (
            Status::HttpProtocol,
            "the connection broke off mid-response",
        )
    };
    Error::new(status, format!("{}: {what}: {error}", origin(target)))
}

fn too_large(target: &url::Url, limit: usize) -> Error {
    Error::new(
        Status::HttpTooLarge,
        format!("{}: the response body is larger than the limit of {limit} bytes (option max_body_bytes)", origin(target)),
    )
}

fn proxy_auth_error(target: &url::Url) -> Error {
    Error::new(
        Status::HttpProxy,
        format!("{} (through a proxy): the proxy requires authentication (HTTP 407): set proxy_username and proxy_password", origin(target)),
    )
}

fn parse_url(url: &str) -> Result<url::Url> {
    let parsed = url::Url::parse(crate::text::trim(url)).map_err(|e| {
        Error::new(Status::InvalidArgument, format!("not a URL ({e})")).with_field("url")
    })?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(Error::new(
            Status::InvalidArgument,
            "the URL must be http:// or https:// with a host",
        )
        .with_field("url"));
    }
    Ok(parsed)
}

/// reqwest's blocking client panics inside a tokio runtime; say why instead.
fn refuse_inside_async_runtime() -> Result<()> {
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(Error::new(
            Status::Internal,
            "called from inside an async (tokio) runtime, where blocking HTTP cannot run: \
             call it from a plain thread (for example tokio::task::spawn_blocking)",
        ));
    }
    Ok(())
}

/// Whether a request to `target` goes through a proxy under `mode`.
fn uses_proxy(mode: &ProxyMode, target: &url::Url) -> bool {
    match mode {
        ProxyMode::Off => false,
        ProxyMode::Explicit { .. } => true,
        ProxyMode::Environment => {
            let var = |names: &[&str]| {
                names
                    .iter()
                    .find_map(|n| std::env::var(n).ok().filter(|v| !v.trim().is_empty()))
            };
            let scheme_var = if target.scheme() == "https" {
                var(&["HTTPS_PROXY", "https_proxy"])
            } else {
                var(&["HTTP_PROXY", "http_proxy"])
            };
            if scheme_var
                .or_else(|| var(&["ALL_PROXY", "all_proxy"]))
                .is_none()
            {
                return false;
            }
            let host = target.host_str().unwrap_or("").to_ascii_lowercase();
            let no_proxy = var(&["NO_PROXY", "no_proxy"]).unwrap_or_default();
            !no_proxy
                .split(',')
                .map(|e| e.trim().trim_start_matches('.').to_ascii_lowercase())
                .any(|entry| {
                    !entry.is_empty()
                        && (entry == "*" || host == entry || host.ends_with(&format!(".{entry}")))
                })
        }
    }
}
