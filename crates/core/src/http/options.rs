//! Per-call HTTP settings.

use crate::error::{Error, Result};
use crate::message::Message;
use crate::status::Status;
use std::time::Duration;

/// Read at most this much of a response body unless told otherwise (4 MiB):
/// SmartBill's pages are a few KiB; a runaway server must not exhaust memory.
pub const DEFAULT_MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// Where requests go through.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum ProxyMode {
    /// `HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY` and `NO_PROXY` from the
    /// environment (upper or lower case), as curl reads them (NO_PROXY
    /// entries: host names with their subdomains, IP addresses, CIDR blocks
    /// such as `10.0.0.0/8`, `*`); where none is set, the system's proxy
    /// settings (Windows: the Internet Options in the registry; macOS: the
    /// network settings). Read once per process, when the first request
    /// with this mode is made.
    #[default]
    Environment,
    /// Direct connections only, whatever the environment says.
    Off,
    /// This proxy for every request, optionally with basic credentials.
    Explicit {
        url: String,
        username: Option<String>,
        password: Option<String>,
    },
}

/// Settings for one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The whole request, from connecting to the last body byte.
    pub timeout: Duration,
    pub proxy: ProxyMode,
    /// Treat a non-2xx answer as `HTTP_STATUS` instead of returning it.
    pub fail_on_status: bool,
    /// Bodies longer than this are `HTTP_TOO_LARGE`.
    pub max_body_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs(10),
            proxy: ProxyMode::Environment,
            fail_on_status: false,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
        }
    }
}

impl Options {
    /// Options with this timeout in milliseconds (0 is refused: a request
    /// without a deadline is how ERPs hang).
    pub fn with_timeout_ms(timeout_ms: u32) -> Result<Options> {
        let mut options = Options::default();
        options.set_timeout_ms(timeout_ms)?;
        Ok(options)
    }

    pub fn set_timeout_ms(&mut self, timeout_ms: u32) -> Result<()> {
        if timeout_ms == 0 {
            return Err(
                Error::new(Status::InvalidArgument, Message::HttpTimeoutZero {})
                    .with_field("timeout_ms"),
            );
        }
        self.timeout = Duration::from_millis(timeout_ms as u64);
        Ok(())
    }

    /// Sets an option by the names the C ABI uses: `proxy` (`env`, `off`
    /// or a proxy URL), `proxy_username`, `proxy_password`,
    /// `fail_on_status` (`yes`/`no`), `max_body_bytes`.
    pub fn set(&mut self, name: &str, value: &str) -> Result<()> {
        let value = crate::text::trim(value);
        let bad = |why: Message| {
            Error::new(
                Status::InvalidArgument,
                Message::HttpOption {
                    name: name.to_string(),
                    why: Box::new(why),
                },
            )
            .with_field(name)
        };
        match crate::text::trim(name) {
            "proxy" => {
                self.proxy = match value.to_ascii_lowercase().as_str() {
                    "env" | "environment" | "system" => ProxyMode::Environment,
                    "off" | "none" | "direct" => ProxyMode::Off,
                    _ => {
                        let url = url::Url::parse(value).map_err(|e| {
                            bad(Message::ProxyNotUrl {
                                cause: e.to_string(),
                            })
                        })?;
                        // The library is built without SOCKS support.
                        if !matches!(url.scheme(), "http" | "https") {
                            return Err(bad(Message::ProxyScheme {}));
                        }
                        let (username, password) = match &self.proxy {
                            ProxyMode::Explicit {
                                username, password, ..
                            } => (username.clone(), password.clone()),
                            _ => (None, None),
                        };
                        ProxyMode::Explicit {
                            url: value.to_string(),
                            username,
                            password,
                        }
                    }
                }
            }
            "proxy_username" | "proxy_password" => match &mut self.proxy {
                ProxyMode::Explicit {
                    username, password, ..
                } => {
                    let slot = if crate::text::trim(name) == "proxy_username" {
                        username
                    } else {
                        password
                    };
                    *slot = Some(value.to_string());
                }
                _ => return Err(bad(Message::ProxyFirst {})),
            },
            "fail_on_status" => {
                self.fail_on_status =
                    parse_bool(value).ok_or_else(|| bad(Message::UseYesOrNo {}))?
            }
            "max_body_bytes" => {
                self.max_body_bytes = value
                    .parse::<usize>()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| bad(Message::PositiveBytes {}))?
            }
            _ => {
                return Err(Error::new(
                    Status::InvalidArgument,
                    Message::UnknownHttpOption {
                        name: format!("{name:?}"),
                    },
                )
                .with_field(name))
            }
        }
        Ok(())
    }
}

fn parse_bool(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "on" => Some(true),
        "no" | "n" | "false" | "0" | "off" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_by_name() {
        let mut o = Options::default();
        o.set("proxy", "http://proxy.example:3128").unwrap();
        o.set("proxy_username", "erp").unwrap();
        o.set("proxy_password", "secret").unwrap();
        assert_eq!(
            o.proxy,
            ProxyMode::Explicit {
                url: "http://proxy.example:3128".into(),
                username: Some("erp".into()),
                password: Some("secret".into())
            }
        );
        o.set("proxy", "off").unwrap();
        assert_eq!(o.proxy, ProxyMode::Off);
        assert_eq!(
            o.set("proxy_username", "x").unwrap_err().status(),
            Status::InvalidArgument
        );
        o.set("fail_on_status", "yes").unwrap();
        assert!(o.fail_on_status);
        assert_eq!(
            o.set("max_body_bytes", "0").unwrap_err().status(),
            Status::InvalidArgument
        );
        assert_eq!(
            Options::with_timeout_ms(0).unwrap_err().field(),
            Some("timeout_ms")
        );
        assert_eq!(
            o.set("colour", "red").unwrap_err().status(),
            Status::InvalidArgument
        );
        for scheme in ["ftp", "socks5", "socks5h"] {
            assert_eq!(
                o.set("proxy", &format!("{scheme}://x:1080"))
                    .unwrap_err()
                    .status(),
                Status::InvalidArgument,
                "{scheme}"
            );
        }
    }
}
