//! One sentence per failure kind: what a support engineer asks the network
//! team for.

use super::steps::show_duration;
use smartbill_signup_core::Status;
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
    match (c.status, c.step) {
        (Status::HttpConnect | Status::HttpTimeout, "connect") if c.via_proxy => format!(
            "the proxy at {at} port {port} did not accept the connection: check the --proxy \
             address, or ask whether this machine may reach the proxy"
        ),
        (Status::HttpDns, _) if c.via_proxy => {
            format!("the proxy could not resolve the host: ask whether it may reach {host}")
        }
        (Status::HttpDns, _) => format!(
            "{host} does not resolve from this machine: check its DNS servers or ask for DNS \
             lookups to be allowed; if this network only reaches out through a proxy, give --proxy"
        ),
        (Status::HttpTimeout, "connect") => format!(
            "outbound port {port} to {at} looks blocked (no answer within {wait}): ask for \
             outbound TCP {port} to {host} to be opened"
        ),
        (Status::HttpConnect, "connect") => format!(
            "the connection to {at} port {port} was refused: a firewall rejects outbound port \
             {port}, or nothing listens there; ask for outbound TCP {port} to {host} to be opened"
        ),
        (Status::HttpTimeout, _) => format!(
            "connected, but no HTTP answer within {wait}: a filtering proxy or intrusion \
             prevention system may be holding the request; try a longer --timeout, and ask \
             whether HTTP traffic to the host is inspected"
        ),
        (Status::HttpTls, _) => "the TLS handshake failed: a security appliance may intercept \
             HTTPS with a certificate this machine does not trust, or the system clock is wrong"
            .to_string(),
        (Status::HttpProxy, _) => format!(
            "the proxy refused or failed the request: check --proxy, --proxy-user and \
             {}",
            crate::proxy::PASSWORD_VAR
        ),
        (Status::HttpConnect, _) if c.via_proxy => {
            "the proxy did not accept the connection: check the proxy address and port".to_string()
        }
        (Status::HttpConnect, _) => format!(
            "the connection to {host} port {port} failed: ask for outbound TCP {port} to \
             {host} to be opened"
        ),
        (Status::HttpProtocol, _) => {
            "the connection broke off or the answer was not HTTP: something between here and \
             the server (a proxy, a filter) interferes; ask the network team what handles this \
             traffic"
                .to_string()
        }
        (other, _) => other.meaning().to_string(),
    }
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
