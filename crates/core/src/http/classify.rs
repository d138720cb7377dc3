//! Turning a transport failure into a status and a message that names the
//! host and the cause, and nothing else (no path, query, form value, token).

use super::client::Route;
use crate::error::Error;
use crate::message::Message;
use crate::status::Status;
use std::error::Error as StdError;

/// `scheme://host[:port]` of a URL: what messages may show of it.
pub(crate) fn origin(url: &url::Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{}://{host}:{port}", url.scheme()),
        (Some(host), None) => format!("{}://{host}", url.scheme()),
        _ => url.scheme().to_string(),
    }
}

/// The causes of an error, outermost first, joined by ": ".
pub(crate) fn causes(error: &(dyn StdError + 'static)) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = error.source();
    while let Some(e) = source {
        let text = e.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = e.source();
    }
    parts.join(": ")
}

fn chain_has_tls_error(error: &(dyn StdError + 'static)) -> bool {
    fn is_tls(e: &(dyn StdError + 'static)) -> bool {
        if e.is::<rustls::Error>() {
            return true;
        }
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            return io.get_ref().is_some_and(|inner| is_tls(inner));
        }
        false
    }
    let mut source: Option<&(dyn StdError + 'static)> = Some(error);
    while let Some(e) = source {
        if is_tls(e) {
            return true;
        }
        source = e.source();
    }
    false
}

fn chain_mentions(error: &(dyn StdError + 'static), words: &[&str]) -> bool {
    let text = causes(error).to_ascii_lowercase();
    words.iter().any(|w| text.contains(w))
}

/// Classifies a reqwest failure of the request to `hop` (the URL that was
/// being fetched when it failed, after any redirects) taken by `route`.
/// A failure to reach or use the proxy is `HTTP_PROXY` naming the proxy;
/// anything else names the host, and the proxy it went through.
pub(crate) fn classify(error: reqwest::Error, hop: &url::Url, route: &Route) -> Error {
    let error = error.without_url();
    let host = origin(hop);
    let cause = causes(&error);
    let (status, message) = if error.is_timeout() {
        (
            Status::HttpTimeout,
            Message::TimedOut {
                place: at(&host, route),
            },
        )
    } else if chain_has_tls_error(&error)
        || chain_mentions(&error, &["certificate", "tls handshake"])
    {
        (
            Status::HttpTls,
            Message::TlsFailed {
                place: at(&host, route),
            },
        )
    } else if let (Route::Proxy(proxy), true) = (route, error.is_connect() || error.is_dns()) {
        // Connecting goes to the proxy first; for https it then asks the
        // proxy for a tunnel (CONNECT). Either failing is the proxy's hop.
        let proxy = proxy.to_string();
        let message = if error.is_dns() {
            Message::ProxyUnresolved { proxy, host }
        } else {
            Message::ProxyUnreachable { proxy, host }
        };
        (Status::HttpProxy, message)
    } else if error.is_dns() {
        (Status::HttpDns, Message::HostUnresolved { host })
    } else if error.is_connect() {
        (Status::HttpConnect, Message::ConnectFailed { host })
    } else {
        (
            Status::HttpProtocol,
            Message::ExchangeBrokeOff {
                place: at(&host, route),
            },
        )
    };
    Error::new(
        status,
        Message::WithCause {
            what: Box::new(message),
            cause,
        },
    )
}

/// `host`, with the proxy it was reached through.
pub(crate) fn at(host: &str, route: &Route) -> Box<Message> {
    Box::new(match route {
        Route::Direct => Message::Host {
            host: host.to_string(),
        },
        Route::Proxy(proxy) => Message::HostThroughProxy {
            host: host.to_string(),
            proxy: proxy.to_string(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_hides_path_and_query() {
        let url = url::Url::parse("https://erp.example.com:8443/cb?token=SECRET").unwrap();
        assert_eq!(origin(&url), "https://erp.example.com:8443");
        let url = url::Url::parse("http://www.smartbill.co.kr/xMain/mb").unwrap();
        assert_eq!(origin(&url), "http://www.smartbill.co.kr");
    }
}
