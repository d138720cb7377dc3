//! The network side: POST a signup form server-side, probe the path to
//! SmartBill (the firewall check), and play SmartBill's side against an
//! ERP's callback URL. Blocking reqwest, a self-contained TLS stack (rustls),
//! explicit timeouts on every call, explicit or environment proxies.
//!
//! Errors carry the host and the cause, never a form value, a token, a path
//! or a query string.

mod classify;
mod client;
mod options;
mod request;
mod signup;

pub use options::{Options, ProxyMode, DEFAULT_MAX_BODY_BYTES};
pub use request::{post, probe, Probe, Response, MAX_REDIRECTS};
pub use signup::{probe_environment, submit};

/// The `User-Agent` every request sends.
pub const USER_AGENT: &str = concat!("smartbill-signup/", env!("CARGO_PKG_VERSION"));
