//! What a receiver listens on, accepts and stores: typed builder methods for
//! Rust, and [`ReceiverOptions::set`] with text names and values for the C
//! ABI, the wrappers and configuration files.

use crate::event::Event;
use smartbill_signup_core::callback::source::{Environment, SourceAllowList};
use smartbill_signup_core::callback::DEFAULT_MAX_BYTES;
use smartbill_signup_core::{Error, Message, Result, Status};
use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The path served when none is set.
pub const DEFAULT_PATH: &str = "/smartbill/callback";
/// How long a client has to send its request line and headers (and to
/// finish the TLS handshake) before the connection is closed.
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a client has to send the body once the headers are in (408).
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(30);
/// Connections served at once; more wait in the listen backlog (never 503:
/// SmartBill may not retry).
pub const DEFAULT_MAX_CONNECTIONS: usize = 64;
/// How long a record handed out by `next` stays reserved for that store
/// handle before another drainer may take it (if it was not acknowledged).
pub const DEFAULT_LEASE: Duration = Duration::from_secs(60);
/// The listen backlog requested from the operating system (which may cap it).
pub const LISTEN_BACKLOG: u32 = 1024;

/// The largest body limit accepted (SmartBill's callbacks are a few hundred bytes).
pub const MAX_BODY_LIMIT: usize = 16 * 1024 * 1024;
const MAX_TIMEOUT_MS: u64 = 3_600_000;
const MAX_CONNECTIONS_LIMIT: usize = 10_000;
const MAX_LEASE_SECONDS: u64 = 86_400;
const MAX_RETENTION_DAYS: u64 = 36_500;

/// Every name [`ReceiverOptions::set`] accepts, in documentation order.
pub const OPTION_NAMES: &[&str] = &[
    "store",
    "host",
    "port",
    "path",
    "environment",
    "extra_ips",
    "trusted_proxies",
    "max_bytes",
    "tls_cert",
    "tls_key",
    "header_timeout_ms",
    "body_timeout_ms",
    "max_connections",
    "lease_seconds",
    "retention_days",
    "log_file",
];

/// How a store hands out and keeps records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreOptions {
    pub(crate) lease: Duration,
    pub(crate) retention: Option<Duration>,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            lease: DEFAULT_LEASE,
            retention: None,
        }
    }
}

impl StoreOptions {
    /// How long a record handed out stays reserved for the handle that took
    /// it ([`DEFAULT_LEASE`]); an acknowledgement ends the reservation.
    pub fn lease(mut self, lease: Duration) -> Self {
        self.lease = lease;
        self
    }

    /// Delete acknowledged records (and their tokens) this long after their
    /// acknowledgement; `None` (the default) keeps them. `Some(ZERO)`
    /// deletes a record as soon as its newest version is acknowledged.
    pub fn retention(mut self, retention: Option<Duration>) -> Self {
        self.retention = retention;
        self
    }

    /// Sets `lease_seconds` or `retention_days` from text (see
    /// [`ReceiverOptions::set`]); `Ok(false)` for any other name.
    pub fn set(&mut self, name: &str, value: &str) -> Result<bool> {
        let value = value.trim();
        match name.trim() {
            "lease_seconds" => {
                self.lease = Duration::from_secs(number(name, value, 1, MAX_LEASE_SECONDS)?)
            }
            "retention_days" => {
                self.retention = if value.is_empty() || value.eq_ignore_ascii_case("off") {
                    None
                } else {
                    let days = number(name, value, 0, MAX_RETENTION_DAYS)?;
                    Some(Duration::from_secs(days * 86_400))
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    pub(crate) fn validate(&self) -> Result<()> {
        if self.lease.is_zero() {
            return Err(invalid("lease_seconds", Message::LeaseZero {}));
        }
        Ok(())
    }
}

/// A hook that sees every request's [`Event`].
pub(crate) type EventHook = Arc<dyn Fn(&Event) + Send + Sync>;

/// Everything [`crate::Receiver::start`] needs. The store and the bind
/// address and port are required (there is no default that would silently
/// listen on loopback only, or on every interface).
#[derive(Clone)]
pub struct ReceiverOptions {
    pub(crate) store: Option<PathBuf>,
    pub(crate) host: Option<IpAddr>,
    pub(crate) port: Option<u16>,
    pub(crate) path: String,
    pub(crate) environment: Environment,
    pub(crate) extra_ips: Vec<IpAddr>,
    pub(crate) trusted_proxies: Vec<IpAddr>,
    pub(crate) max_bytes: usize,
    pub(crate) tls_cert: Option<PathBuf>,
    pub(crate) tls_key: Option<PathBuf>,
    pub(crate) header_timeout: Duration,
    pub(crate) body_timeout: Duration,
    pub(crate) max_connections: usize,
    pub(crate) store_options: StoreOptions,
    pub(crate) log_file: Option<PathBuf>,
    pub(crate) on_event: Option<EventHook>,
}

impl Default for ReceiverOptions {
    /// No store, host or port yet (start refuses until they are set); the
    /// production environment; every other setting at its default.
    fn default() -> Self {
        ReceiverOptions {
            store: None,
            host: None,
            port: None,
            path: DEFAULT_PATH.to_string(),
            environment: Environment::Production,
            extra_ips: Vec::new(),
            trusted_proxies: Vec::new(),
            max_bytes: DEFAULT_MAX_BYTES,
            tls_cert: None,
            tls_key: None,
            header_timeout: DEFAULT_HEADER_TIMEOUT,
            body_timeout: DEFAULT_BODY_TIMEOUT,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            store_options: StoreOptions::default(),
            log_file: None,
            on_event: None,
        }
    }
}

impl fmt::Debug for ReceiverOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReceiverOptions")
            .field("store", &self.store)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("path", &self.path)
            .field("environment", &self.environment.name())
            .field("extra_ips", &self.extra_ips)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("max_bytes", &self.max_bytes)
            .field("tls_cert", &self.tls_cert)
            .field("tls_key", &self.tls_key)
            .field("header_timeout", &self.header_timeout)
            .field("body_timeout", &self.body_timeout)
            .field("max_connections", &self.max_connections)
            .field("store_options", &self.store_options)
            .field("log_file", &self.log_file)
            .field("on_event", &self.on_event.is_some())
            .finish()
    }
}

impl ReceiverOptions {
    /// A receiver storing into `store` and listening on `bind` (port 0
    /// picks a free port; read it with [`crate::Receiver::port`]).
    pub fn new(store: impl Into<PathBuf>, bind: SocketAddr) -> Self {
        ReceiverOptions {
            store: Some(store.into()),
            host: Some(bind.ip()),
            port: Some(bind.port()),
            ..ReceiverOptions::default()
        }
    }

    /// The SmartBill environment whose fixed source address may deliver
    /// (demo `58.181.27.5`, production `183.111.188.210`); a custom base
    /// URL has none, so only [`ReceiverOptions::extra_ips`] may deliver.
    pub fn environment(mut self, environment: Environment) -> Self {
        self.environment = environment;
        self
    }

    /// [`ReceiverOptions::environment`] from `demo`, `production` or a base URL.
    pub fn environment_named(self, name: &str) -> Result<Self> {
        Ok(self.environment(Environment::parse(name)?))
    }

    /// More addresses allowed to deliver (new SmartBill servers, a stand-in).
    pub fn extra_ips(mut self, ips: impl IntoIterator<Item = IpAddr>) -> Self {
        self.extra_ips = ips.into_iter().collect();
        self
    }

    /// Proxies (load balancers) whose `X-Forwarded-For` header is believed;
    /// see [`crate::client_address`]. From any other peer the header is ignored.
    pub fn trusted_proxies(mut self, ips: impl IntoIterator<Item = IpAddr>) -> Self {
        self.trusted_proxies = ips.into_iter().collect();
        self
    }

    /// The only path served (default [`DEFAULT_PATH`]); others get 404.
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    /// The body size limit (default 64 KiB); larger bodies get 413 and are
    /// never read beyond the limit plus one byte.
    pub fn max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Serve HTTPS with this PEM certificate chain and PEM private key.
    pub fn tls(mut self, cert: impl Into<PathBuf>, key: impl Into<PathBuf>) -> Self {
        self.tls_cert = Some(cert.into());
        self.tls_key = Some(key.into());
        self
    }

    /// Header (and TLS handshake) and body read timeouts (defaults
    /// [`DEFAULT_HEADER_TIMEOUT`], [`DEFAULT_BODY_TIMEOUT`]).
    pub fn timeouts(mut self, header: Duration, body: Duration) -> Self {
        self.header_timeout = header;
        self.body_timeout = body;
        self
    }

    /// Connections served at once ([`DEFAULT_MAX_CONNECTIONS`]); more wait
    /// in the listen backlog.
    pub fn max_connections(mut self, max_connections: usize) -> Self {
        self.max_connections = max_connections;
        self
    }

    /// How the store hands out and keeps records.
    pub fn store_options(mut self, store_options: StoreOptions) -> Self {
        self.store_options = store_options;
        self
    }

    /// Append one line per request to this file (never a secret).
    pub fn log_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.log_file = Some(path.into());
        self
    }

    /// Call `hook` with every request's outcome (from the receiver's
    /// threads; keep it quick).
    pub fn on_event(mut self, hook: impl Fn(&Event) + Send + Sync + 'static) -> Self {
        self.on_event = Some(Arc::new(hook));
        self
    }

    /// The store's path, if set.
    pub fn store_path(&self) -> Option<&Path> {
        self.store.as_deref()
    }

    /// The store options.
    pub fn store_settings(&self) -> &StoreOptions {
        &self.store_options
    }

    /// Sets one option from text, as the C ABI and the wrappers do. Values
    /// are trimmed. Names (see [`OPTION_NAMES`]):
    ///
    /// - `store`: the SQLite file (required);
    /// - `host`: the IP address to listen on (required; `0.0.0.0` or `::`
    ///   for every interface, `127.0.0.1` for this machine only);
    /// - `port`: 0 to 65535 (required; 0 picks a free port);
    /// - `path`: default `/smartbill/callback`;
    /// - `environment`: `demo`, `production` (default) or a base URL;
    /// - `extra_ips`, `trusted_proxies`: addresses separated by commas,
    ///   semicolons or whitespace (replace the previous list);
    /// - `max_bytes`: 1 to 16777216 (default 65536);
    /// - `tls_cert`, `tls_key`: PEM files (both or neither; empty clears);
    /// - `header_timeout_ms` (default 10000), `body_timeout_ms` (default
    ///   30000): 1 to 3600000;
    /// - `max_connections`: 1 to 10000 (default 64);
    /// - `lease_seconds`: 1 to 86400 (default 60);
    /// - `retention_days`: 0 to 36500, or `off` (default: keep forever);
    /// - `log_file`: a file to append one line per request to (empty: none).
    ///
    /// Anything else is `INVALID_ARGUMENT` with the option as the field.
    pub fn set(&mut self, name: &str, value: &str) -> Result<()> {
        let name = name.trim();
        let value = value.trim();
        if self.store_options.set(name, value)? {
            return Ok(());
        }
        match name {
            "store" => self.store = Some(required_path(name, value)?),
            "host" => {
                self.host = Some(value.parse::<IpAddr>().map_err(|_| {
                    invalid(
                        name,
                        Message::HostNotIp {
                            text: format!("{:?}", shorten(value)),
                        },
                    )
                })?)
            }
            "port" => self.port = Some(number(name, value, 0, u16::MAX as u64)? as u16),
            "path" => {
                check_path(value)?;
                self.path = value.to_string();
            }
            "environment" => self.environment = Environment::parse(value)?,
            "extra_ips" => self.extra_ips = address_list(name, value)?,
            "trusted_proxies" => self.trusted_proxies = address_list(name, value)?,
            "max_bytes" => self.max_bytes = number(name, value, 1, MAX_BODY_LIMIT as u64)? as usize,
            "tls_cert" => self.tls_cert = optional_path(value),
            "tls_key" => self.tls_key = optional_path(value),
            "header_timeout_ms" => {
                self.header_timeout = Duration::from_millis(number(name, value, 1, MAX_TIMEOUT_MS)?)
            }
            "body_timeout_ms" => {
                self.body_timeout = Duration::from_millis(number(name, value, 1, MAX_TIMEOUT_MS)?)
            }
            "max_connections" => {
                self.max_connections =
                    number(name, value, 1, MAX_CONNECTIONS_LIMIT as u64)? as usize
            }
            "log_file" => self.log_file = optional_path(value),
            _ => {
                return Err(invalid(
                    "name",
                    Message::UnknownReceiverOption {
                        name: format!("{:?}", shorten(name)),
                        options: OPTION_NAMES.join(", "),
                    },
                ))
            }
        }
        Ok(())
    }

    /// Checks everything [`ReceiverOptions::set`] would, for options built
    /// with the typed methods, plus what only a whole set can say (required
    /// settings, a certificate without a key).
    pub(crate) fn validate(&self) -> Result<Validated> {
        let store = self
            .store
            .clone()
            .ok_or_else(|| invalid("store", Message::NoStore {}))?;
        let host = self
            .host
            .ok_or_else(|| invalid("host", Message::NoHost {}))?;
        let port = self
            .port
            .ok_or_else(|| invalid("port", Message::NoPort {}))?;
        check_path(&self.path)?;
        if self.max_bytes == 0 || self.max_bytes > MAX_BODY_LIMIT {
            return Err(invalid(
                "max_bytes",
                Message::NotBetween {
                    value: self.max_bytes,
                    max: MAX_BODY_LIMIT,
                },
            ));
        }
        for (field, timeout) in [
            ("header_timeout_ms", self.header_timeout),
            ("body_timeout_ms", self.body_timeout),
        ] {
            if timeout.is_zero() {
                return Err(invalid(field, Message::TimeoutUnderOneMs {}));
            }
        }
        if self.max_connections == 0 {
            return Err(invalid("max_connections", Message::NoConnections {}));
        }
        self.store_options.validate()?;
        let tls = match (&self.tls_cert, &self.tls_key) {
            (None, None) => None,
            (Some(cert), Some(key)) => Some((cert.clone(), key.clone())),
            (Some(_), None) => return Err(invalid("tls_key", Message::TlsCertWithoutKey {})),
            (None, Some(_)) => return Err(invalid("tls_cert", Message::TlsKeyWithoutCert {})),
        };
        let mut sources = SourceAllowList::new(&self.environment);
        for ip in &self.extra_ips {
            sources.add_list(&ip.to_string())?;
        }
        Ok(Validated {
            store,
            bind: SocketAddr::new(host, port),
            sources,
            tls,
        })
    }
}

/// The parts of validated options that had to be worked out.
pub(crate) struct Validated {
    pub store: PathBuf,
    pub bind: SocketAddr,
    pub sources: SourceAllowList,
    pub tls: Option<(PathBuf, PathBuf)>,
}

/// A served path: absolute, no query or fragment, visible ASCII only.
fn check_path(path: &str) -> Result<()> {
    let why = if !path.starts_with('/') {
        Message::PathNotAbsolute {}
    } else if path.contains(['?', '#']) {
        Message::PathQuery {}
    } else if !path.bytes().all(|b| b.is_ascii_graphic()) {
        Message::PathNotAscii {}
    } else if path.len() > 1024 {
        Message::PathTooLong {}
    } else {
        return Ok(());
    };
    Err(invalid(
        "path",
        Message::BadPath {
            path: format!("{:?}", shorten(path)),
            why: Box::new(why),
        },
    ))
}

fn number(name: &str, value: &str, min: u64, max: u64) -> Result<u64> {
    match value.parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(invalid(
            name,
            Message::NumberOutOfRange {
                name: name.to_string(),
                value: format!("{:?}", shorten(value)),
                min,
                max,
            },
        )),
    }
}

fn required_path(name: &str, value: &str) -> Result<PathBuf> {
    optional_path(value).ok_or_else(|| {
        invalid(
            name,
            Message::EmptyArgument {
                name: name.to_string(),
            },
        )
    })
}

fn optional_path(value: &str) -> Option<PathBuf> {
    (!value.is_empty()).then(|| PathBuf::from(value))
}

/// Addresses as the callback source list reads them (commas, semicolons,
/// whitespace; IPv4-mapped IPv6 as IPv4), through the core parser.
fn address_list(name: &str, value: &str) -> Result<Vec<IpAddr>> {
    // A custom environment has no addresses of its own, so what the list
    // holds afterwards is exactly what the text gave.
    let none = Environment::parse("http://addresses.invalid").expect("a valid base URL");
    let mut list = SourceAllowList::new(&none);
    list.add_list(value).map_err(|e| {
        let status = e.status();
        let message = match *e.into_detail() {
            Message::SourceNotAddress { entry } => Message::OptionNotAddress {
                option: name.to_string(),
                entry,
            },
            other => other,
        };
        Error::new(status, message).with_field(name)
    })?;
    Ok(list.addresses().to_vec())
}

fn invalid(field: &str, message: Message) -> Error {
    Error::new(Status::InvalidArgument, message).with_field(field)
}

/// Configuration text for messages, cut to a readable length.
pub(crate) fn shorten(text: &str) -> &str {
    match text.char_indices().nth(80) {
        Some((cut, _)) => &text[..cut],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn complete() -> ReceiverOptions {
        let mut o = ReceiverOptions::default();
        o.set("store", "cb.db").unwrap();
        o.set("host", "127.0.0.1").unwrap();
        o.set("port", "0").unwrap();
        o
    }

    #[test]
    fn store_host_and_port_are_required() {
        let mut o = ReceiverOptions::default();
        let e = o.validate().err().unwrap();
        assert_eq!(e.field(), Some("store"));
        o.set("store", " cb.db ").unwrap();
        assert_eq!(o.validate().err().unwrap().field(), Some("host"));
        o.set("host", "0.0.0.0").unwrap();
        assert_eq!(o.validate().err().unwrap().field(), Some("port"));
        o.set("port", "8080").unwrap();
        let v = o.validate().unwrap();
        assert_eq!(v.bind, "0.0.0.0:8080".parse().unwrap());
        assert_eq!(v.store, PathBuf::from("cb.db"));
    }

    #[test]
    fn defaults_are_the_documented_ones() {
        let o = complete();
        assert_eq!(o.path, "/smartbill/callback");
        assert_eq!(o.max_bytes, 65_536);
        assert_eq!(o.header_timeout, Duration::from_secs(10));
        assert_eq!(o.body_timeout, Duration::from_secs(30));
        assert_eq!(o.max_connections, 64);
        assert_eq!(o.store_options.lease, Duration::from_secs(60));
        assert_eq!(o.store_options.retention, None);
        assert_eq!(o.environment, Environment::Production);
        let v = o.validate().unwrap();
        assert!(v.sources.allows("183.111.188.210"));
        assert!(!v.sources.allows("127.0.0.1"));
        assert!(v.tls.is_none());
    }

    #[test]
    fn every_option_sets() {
        let mut o = complete();
        for (name, value) in [
            ("path", "/erp/sb-callback"),
            ("environment", "demo"),
            ("extra_ips", "127.0.0.1, ::1"),
            ("trusted_proxies", "10.0.0.1"),
            ("max_bytes", "1000"),
            ("tls_cert", "c.pem"),
            ("tls_key", "k.pem"),
            ("header_timeout_ms", "1500"),
            ("body_timeout_ms", "2500"),
            ("max_connections", "3"),
            ("lease_seconds", "5"),
            ("retention_days", "30"),
            ("log_file", "r.log"),
        ] {
            o.set(name, value).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        assert_eq!(o.path, "/erp/sb-callback");
        assert_eq!(o.extra_ips.len(), 2);
        assert_eq!(
            o.trusted_proxies,
            vec!["10.0.0.1".parse::<IpAddr>().unwrap()]
        );
        assert_eq!(o.max_bytes, 1000);
        assert_eq!(o.header_timeout, Duration::from_millis(1500));
        assert_eq!(o.body_timeout, Duration::from_millis(2500));
        assert_eq!(o.max_connections, 3);
        assert_eq!(o.store_options.lease, Duration::from_secs(5));
        assert_eq!(
            o.store_options.retention,
            Some(Duration::from_secs(30 * 86_400))
        );
        let v = o.validate().unwrap();
        assert!(v.sources.allows("58.181.27.5"));
        assert!(v.sources.allows("127.0.0.1"));
        assert!(v.tls.is_some());
        o.set("retention_days", "off").unwrap();
        assert_eq!(o.store_options.retention, None);
        o.set("tls_key", "").unwrap();
        assert_eq!(o.validate().err().unwrap().field(), Some("tls_key"));
    }

    #[test]
    fn bad_values_name_their_option() {
        for (name, value, why) in [
            ("host", "localhost", "not an IP address"),
            ("port", "65536", "0 to 65535"),
            ("port", "-1", "0 to 65535"),
            ("path", "smartbill", "must start with /"),
            ("path", "/cb?x=1", "query"),
            ("path", "/c b", "visible ASCII"),
            ("environment", "staging", "not a URL"),
            ("extra_ips", "1.2.3.4, smartbill.co.kr", "smartbill.co.kr"),
            ("trusted_proxies", "proxy", "proxy"),
            ("max_bytes", "0", "1 to 16777216"),
            ("header_timeout_ms", "0", "1 to 3600000"),
            ("body_timeout_ms", "x", "1 to 3600000"),
            ("max_connections", "0", "1 to 10000"),
            ("lease_seconds", "0", "1 to 86400"),
            ("retention_days", "-3", "0 to 36500"),
            ("store", "  ", "empty"),
        ] {
            let mut o = complete();
            let e = o.set(name, value).unwrap_err();
            assert_eq!(e.status(), Status::InvalidArgument, "{name}={value}");
            let field = if name == "environment" {
                "environment"
            } else {
                name
            };
            assert_eq!(e.field(), Some(field), "{name}={value}");
            assert!(e.message().contains(why), "{name}={value}: {}", e.message());
        }
        let e = complete().set("colour", "blue").unwrap_err();
        assert_eq!(e.field(), Some("name"));
        assert!(e.message().contains("colour") && e.message().contains("max_bytes"));
    }

    #[test]
    fn typed_builders_are_validated_at_start() {
        let base = || ReceiverOptions::new("cb.db", "127.0.0.1:0".parse().unwrap());
        assert!(base().validate().is_ok());
        assert_eq!(
            base().path("x").validate().err().unwrap().field(),
            Some("path")
        );
        assert_eq!(
            base().max_bytes(0).validate().err().unwrap().field(),
            Some("max_bytes")
        );
        assert_eq!(
            base()
                .timeouts(Duration::ZERO, Duration::from_secs(1))
                .validate()
                .err()
                .unwrap()
                .field(),
            Some("header_timeout_ms")
        );
        assert_eq!(
            base().max_connections(0).validate().err().unwrap().field(),
            Some("max_connections")
        );
        assert_eq!(
            base()
                .store_options(StoreOptions::default().lease(Duration::ZERO))
                .validate()
                .err()
                .unwrap()
                .field(),
            Some("lease_seconds")
        );
    }

    proptest! {
        /// Any text for any name either sets or fails with INVALID_ARGUMENT
        /// naming an option; it never panics, and a failed set changes nothing.
        #[test]
        fn set_never_panics(index in 0usize..OPTION_NAMES.len() + 1, value in "\\PC{0,40}") {
            let name = OPTION_NAMES.get(index).copied().unwrap_or("unknown");
            let mut o = complete();
            let before = format!("{o:?}");
            match o.set(name, &value) {
                Ok(()) => {}
                Err(e) => {
                    prop_assert_eq!(e.status(), Status::InvalidArgument);
                    prop_assert!(e.field().is_some());
                    prop_assert_eq!(before, format!("{o:?}"));
                }
            }
        }

        /// Numbers in range round-trip; out of range fail.
        #[test]
        fn numbers_round_trip(n in 0u64..200_000) {
            let mut o = complete();
            let r = o.set("max_connections", &format!(" {n} "));
            prop_assert_eq!(r.is_ok(), (1..=10_000).contains(&n));
            if r.is_ok() { prop_assert_eq!(o.max_connections as u64, n); }
            let r = o.set("port", &n.to_string());
            prop_assert_eq!(r.is_ok(), n <= 65_535);
            if r.is_ok() { prop_assert_eq!(o.port, Some(n as u16)); }
        }

        /// Address lists parse every address written in them.
        #[test]
        fn address_lists_round_trip(ips in proptest::collection::vec(any::<std::net::Ipv4Addr>(), 0..6),
                                    sep in prop::sample::select(vec![",", ";", " ", "\n", ", "])) {
            let text = ips.iter().map(|ip| ip.to_string()).collect::<Vec<_>>().join(sep);
            let mut o = complete();
            o.set("trusted_proxies", &text).unwrap();
            let expected: Vec<IpAddr> = ips.iter().map(|ip| IpAddr::V4(*ip)).collect();
            prop_assert_eq!(o.trusted_proxies.clone(), expected);
        }
    }
}
