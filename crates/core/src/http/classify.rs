//! Turning a transport failure into a status and a message that names the
//! host and the cause, and nothing else (no path, query, form value, token).

use crate::error::Error;
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

/// Classifies a reqwest failure. `via_proxy` says whether the request went
/// to a proxy, so a refused connection is the proxy's, not SmartBill's.
pub(crate) fn classify(error: reqwest::Error, target: &url::Url, via_proxy: bool) -> Error {
    let error = error.without_url();
    let host = origin(target);
    let cause = causes(&error);
    let (status, what) = if error.is_timeout() {
        (Status::HttpTimeout, "timed out")
    } else if error.is_dns() {
        (Status::HttpDns, "could not resolve the host name")
    } else if chain_has_tls_error(&error)
        || chain_mentions(&error, &["certificate", "tls handshake"])
    {
        (Status::HttpTls, "TLS failed")
    } else if chain_mentions(&error, &["tunnel", "proxy"]) || (via_proxy && error.is_connect()) {
        (Status::HttpProxy, "the proxy failed")
    } else if error.is_connect() {
        (Status::HttpConnect, "could not connect")
    } else {
        (Status::HttpProtocol, "the exchange broke off")
    };
    let through = if via_proxy { " (through a proxy)" } else { "" };
    Error::new(status, format!("{host}{through}: {what}: {cause}"))
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
