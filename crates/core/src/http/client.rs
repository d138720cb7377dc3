//! The HTTP clients: built lazily, one per distinct proxy setting and
//! redirect policy, and never dropped. Dropping a blocking reqwest client
//! joins its runtime thread, which deadlocks under a Windows loader lock
//! (DllMain) or in a thread-local destructor; statics are never dropped.

use super::options::ProxyMode;
use crate::error::{Error, Result};
use crate::status::Status;
use reqwest::blocking::Client;
use std::collections::HashMap;
use std::sync::LazyLock;
use std::sync::Mutex;
use std::time::Duration;

#[derive(Clone, PartialEq, Eq, Hash)]
struct ClientKey {
    proxy: ProxyMode,
    follow_redirects: bool,
}

static CLIENTS: LazyLock<Mutex<HashMap<ClientKey, Client>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The client for these settings. Clients are cheap to clone (an `Arc`).
pub(crate) fn client_for(proxy: &ProxyMode, follow_redirects: bool) -> Result<Client> {
    let key = ClientKey {
        proxy: proxy.clone(),
        follow_redirects,
    };
    // A panic while holding the lock cannot leave the map inconsistent.
    let mut clients = CLIENTS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(client) = clients.get(&key) {
        return Ok(client.clone());
    }
    let client = build(&key)?;
    clients.insert(key, client.clone());
    Ok(client)
}

fn build(key: &ClientKey) -> Result<Client> {
    let mut builder = Client::builder()
        .user_agent(super::USER_AGENT)
        .redirect(if key.follow_redirects {
            reqwest::redirect::Policy::limited(5)
        } else {
            reqwest::redirect::Policy::none()
        })
        // Per-request timeouts are set on each request; this bounds idle
        // pooled connections so a host's NAT does not keep dead ones.
        .pool_idle_timeout(Duration::from_secs(30))
        .http1_only();
    builder = match &key.proxy {
        // reqwest reads HTTP_PROXY/HTTPS_PROXY/ALL_PROXY/NO_PROXY by default.
        ProxyMode::Environment => builder,
        ProxyMode::Off => builder.no_proxy(),
        ProxyMode::Explicit {
            url,
            username,
            password,
        } => {
            let mut proxy = reqwest::Proxy::all(url.as_str()).map_err(|e| {
                Error::new(
                    Status::InvalidArgument,
                    format!("proxy URL is not usable: {e}"),
                )
                .with_field("proxy")
            })?;
            if let Some(user) = username {
                proxy = proxy.basic_auth(user, password.as_deref().unwrap_or(""));
            }
            builder.proxy(proxy)
        }
    };
    builder.build().map_err(|e| {
        Error::new(
            Status::Internal,
            format!(
                "could not build the HTTP client: {}",
                super::classify::causes(&e)
            ),
        )
    })
}
