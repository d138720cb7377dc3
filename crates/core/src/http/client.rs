//! The HTTP clients: built lazily, one per distinct proxy setting, and never
//! dropped. Dropping a blocking reqwest client joins its runtime thread,
//! which deadlocks under a Windows loader lock (DllMain) or in a
//! thread-local destructor; statics are never dropped.
//!
//! Each client comes with the proxy matcher it routes by, so that a failure
//! is blamed on the hop that failed: reqwest decides per connection with
//! hyper-util's `Matcher` (`Matcher::from_system()` for the environment and
//! the system settings, `Matcher::builder().all(url)` for an explicit
//! proxy). The same constructor, called at the same moment as reqwest's,
//! gives the same answer for every URL: no NO_PROXY rules of our own.

use super::options::ProxyMode;
use crate::error::{Error, Result};
use crate::message::Message;
use crate::status::Status;
use hyper_util::client::proxy::matcher::Matcher;
use reqwest::blocking::Client;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

/// Where one request goes first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Route {
    Direct,
    /// Through this proxy, as `scheme://host:port` (never its credentials).
    Proxy(String),
}

/// A client and the matcher its requests are routed by.
#[derive(Clone)]
pub(crate) struct Transport {
    pub(crate) client: Client,
    matcher: Option<Arc<Matcher>>,
}

impl Transport {
    /// The route reqwest takes to `url`: the first hop of the connection.
    pub(crate) fn route(&self, url: &url::Url) -> Route {
        let Some(matcher) = &self.matcher else {
            return Route::Direct;
        };
        // reqwest hands the connector an `http::Uri` made from the same URL.
        let Ok(uri) = url.as_str().parse::<http::Uri>() else {
            return Route::Direct;
        };
        match matcher.intercept(&uri) {
            Some(intercept) => Route::Proxy(proxy_origin(intercept.uri())),
            None => Route::Direct,
        }
    }
}

fn proxy_origin(uri: &http::Uri) -> String {
    match (uri.scheme_str(), uri.authority()) {
        (Some(scheme), Some(authority)) => format!("{scheme}://{authority}"),
        (None, Some(authority)) => format!("http://{authority}"),
        _ => uri.to_string(),
    }
}

static TRANSPORTS: LazyLock<Mutex<HashMap<ProxyMode, Transport>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The transport for this proxy setting. Clients are cheap to clone (an `Arc`).
pub(crate) fn transport_for(proxy: &ProxyMode) -> Result<Transport> {
    // A panic while holding the lock cannot leave the map inconsistent.
    let mut transports = TRANSPORTS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(transport) = transports.get(proxy) {
        return Ok(transport.clone());
    }
    let transport = build(proxy)?;
    transports.insert(proxy.clone(), transport.clone());
    Ok(transport)
}

fn build(proxy: &ProxyMode) -> Result<Transport> {
    let builder = Client::builder()
        .user_agent(super::USER_AGENT)
        // Redirects are followed by `request`, hop by hop, so that an error
        // names the host that failed (reqwest reports the first URL).
        .redirect(reqwest::redirect::Policy::none())
        // Per-request timeouts are set on each request; this bounds idle
        // pooled connections so a host's NAT does not keep dead ones.
        .pool_idle_timeout(Duration::from_secs(30))
        .http1_only();
    let (builder, matcher) = match proxy {
        // reqwest reads HTTP_PROXY/HTTPS_PROXY/ALL_PROXY/NO_PROXY, else the
        // system's settings (the Windows registry, macOS), when it builds.
        ProxyMode::Environment => (builder, Some(Matcher::from_system())),
        ProxyMode::Off => (builder.no_proxy(), None),
        ProxyMode::Explicit {
            url,
            username,
            password,
        } => {
            let unusable = |e: &dyn std::fmt::Display| {
                Error::new(
                    Status::InvalidArgument,
                    Message::ProxyUnusable {
                        cause: e.to_string(),
                    },
                )
                .with_field("proxy")
            };
            let parsed = url::Url::parse(url).map_err(|e| unusable(&e))?;
            let mut proxy = reqwest::Proxy::all(parsed.as_str()).map_err(|e| unusable(&e))?;
            if let Some(user) = username {
                proxy = proxy.basic_auth(user, password.as_deref().unwrap_or(""));
            }
            // What `Proxy::all` becomes inside reqwest (no exclusions).
            let matcher = Matcher::builder().all(parsed.as_str()).build();
            (builder.proxy(proxy), Some(matcher))
        }
    };
    let client = builder.build().map_err(|e| {
        Error::new(
            Status::Internal,
            Message::HttpClientBuild {
                cause: super::classify::causes(&e),
            },
        )
    })?;
    Ok(Transport {
        client,
        matcher: matcher.map(Arc::new),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explicit_proxy_carries_every_http_url_and_hides_credentials() {
        let transport = build(&ProxyMode::Explicit {
            url: "http://user:secret@proxy.example:3128".into(),
            username: None,
            password: None,
        })
        .unwrap();
        for target in ["http://127.0.0.1:9/", "https://www.smartbill.co.kr/x?y=1"] {
            assert_eq!(
                transport.route(&url::Url::parse(target).unwrap()),
                Route::Proxy("http://proxy.example:3128".into()),
                "{target}"
            );
        }
    }

    #[test]
    fn no_proxy_means_direct() {
        let transport = build(&ProxyMode::Off).unwrap();
        let url = url::Url::parse("http://www.smartbill.co.kr/").unwrap();
        assert_eq!(transport.route(&url), Route::Direct);
    }
}
