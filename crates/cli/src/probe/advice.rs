//! One sentence per failure kind: what a support engineer asks the network
//! team for.

use super::steps::show_duration;
use smartbill_signup_core::{language, Message, Status};
use std::net::SocketAddr;
use std::time::Duration;

pub struct Context<'a> {
    pub status: Status,
    /// The step that failed: `dns`, `connect`, `tls` or `http`.
    pub step: &'a str,
    /// The host and port of the first hop (the proxy when there is one).
    pub host: &'a str,
    pub port: u16,
    pub addresses: &'a [SocketAddr],
    pub timeout: Duration,
    pub via_proxy: bool,
}

pub fn sentence(c: &Context<'_>) -> String {
    let (host, port) = (c.host, c.port);
    let at = match c.addresses.first() {
        Some(a) if a.ip().to_string() != host.trim_matches(['[', ']']) => {
            format!("{host} ({})", a.ip())
        }
        Some(_) => host.to_string(),
        None => host.to_string(),
    };
    let wait = show_duration(c.timeout);
    let message = match (c.status, c.step) {
        (Status::HttpConnect | Status::HttpTimeout, "connect") if c.via_proxy => {
            Message::CliAdviceProxyConnect { at, port }
        }
        (Status::HttpDns, _) if c.via_proxy => Message::CliAdviceProxyDns {
            host: host.to_string(),
        },
        (Status::HttpDns, _) => Message::CliAdviceDns {
            host: host.to_string(),
        },
        (Status::HttpTimeout, "connect") => Message::CliAdviceBlocked {
            port,
            at,
            host: host.to_string(),
            wait,
        },
        (Status::HttpConnect, "connect") => Message::CliAdviceRefused {
            at,
            port,
            host: host.to_string(),
        },
        (Status::HttpTimeout, _) => Message::CliAdviceNoHttpAnswer { wait },
        (Status::HttpTls, _) => Message::CliAdviceTls {},
        (Status::HttpProxy, _) => Message::CliAdviceProxyFailed {
            variable: crate::proxy::PASSWORD_VAR,
        },
        (Status::HttpConnect, _) if c.via_proxy => Message::CliAdviceProxyRefused {},
        (Status::HttpConnect, _) => Message::CliAdviceConnectFailed {
            host: host.to_string(),
            port,
        },
        (Status::HttpProtocol, _) => Message::CliAdviceProtocol {},
        (other, _) => return other.description(language::current()).to_string(),
    };
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blocked_port_says_which() {
        let addresses = ["183.111.188.200:80".parse().unwrap()];
        let text = sentence(&Context {
            status: Status::HttpTimeout,
            step: "connect",
            host: "www.smartbill.co.kr",
            port: 80,
            addresses: &addresses,
            timeout: Duration::from_secs(5),
            via_proxy: false,
        });
        assert_eq!(
            text,
            "outbound port 80 to www.smartbill.co.kr (183.111.188.200) looks blocked (no answer \
             within 5 s): ask for outbound TCP 80 to www.smartbill.co.kr to be opened"
        );
    }
}
