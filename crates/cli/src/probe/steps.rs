//! The probe's first two steps, done here so a failure says which: name
//! lookup and TCP connect, each bounded by the timeout. The HTTP exchange
//! (and TLS) is the core's `http::probe`.

pub use crate::seconds::show as show_duration;
use smartbill_signup_core::{Message, Status};
use std::net::{IpAddr, SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// One step's outcome.
#[derive(Clone, Debug)]
pub struct Step {
    /// `dns`, `connect`, `tls` or `http`.
    pub name: &'static str,
    /// `None` when the step passed.
    pub failure: Option<Status>,
    pub elapsed: Option<Duration>,
    pub detail: String,
}

impl Step {
    pub fn passed(name: &'static str, elapsed: Option<Duration>, detail: String) -> Step {
        Step {
            name,
            failure: None,
            elapsed,
            detail,
        }
    }

    pub fn failed(
        name: &'static str,
        status: Status,
        elapsed: Option<Duration>,
        detail: String,
    ) -> Step {
        Step {
            name,
            failure: Some(status),
            elapsed,
            detail,
        }
    }
}

/// Looks `host` up, giving up after `timeout` (the system resolver has no
/// deadline of its own; a stuck lookup is left to finish in the background).
pub fn resolve(host: &str, port: u16, timeout: Duration) -> (Step, Vec<SocketAddr>) {
    if let Ok(ip) = host.trim_matches(['[', ']']).parse::<IpAddr>() {
        let detail = Message::CliDnsIsAddress { ip: ip.to_string() }.to_string();
        let step = Step::passed("dns", None, detail);
        return (step, vec![SocketAddr::new(ip, port)]);
    }
    let started = Instant::now();
    let (sender, receiver) = mpsc::channel();
    let query = (host.to_string(), port);
    std::thread::spawn(move || {
        let _ = sender.send(query.to_socket_addrs().map(|a| a.collect::<Vec<_>>()));
    });
    match receiver.recv_timeout(timeout) {
        Ok(Ok(addresses)) if !addresses.is_empty() => {
            let shown: Vec<String> = addresses
                .iter()
                .take(4)
                .map(|a| a.ip().to_string())
                .collect();
            let more = if addresses.len() > 4 { ", ..." } else { "" };
            let step = Step::passed(
                "dns",
                Some(started.elapsed()),
                format!("{host} -> {}{more}", shown.join(", ")),
            );
            (step, addresses)
        }
        Ok(Ok(_)) => (
            Step::failed(
                "dns",
                Status::HttpDns,
                Some(started.elapsed()),
                Message::CliDnsNoAddress {
                    host: host.to_string(),
                }
                .to_string(),
            ),
            Vec::new(),
        ),
        Ok(Err(e)) => (
            Step::failed(
                "dns",
                Status::HttpDns,
                Some(started.elapsed()),
                Message::CliDnsFailed {
                    host: host.to_string(),
                    cause: e.to_string(),
                }
                .to_string(),
            ),
            Vec::new(),
        ),
        Err(_) => (
            Step::failed(
                "dns",
                Status::HttpDns,
                Some(started.elapsed()),
                Message::CliDnsNoAnswer {
                    host: host.to_string(),
                    wait: show_duration(timeout),
                }
                .to_string(),
            ),
            Vec::new(),
        ),
    }
}

/// Connects to the first address that accepts, within `timeout` in all.
pub fn connect(addresses: &[SocketAddr], timeout: Duration) -> Step {
    let started = Instant::now();
    let mut last: Option<(SocketAddr, std::io::Error)> = None;
    for &address in addresses {
        let left = timeout.saturating_sub(started.elapsed());
        if left.is_zero() {
            break;
        }
        match TcpStream::connect_timeout(&address, left) {
            Ok(_) => return Step::passed("connect", Some(started.elapsed()), format!("{address}")),
            Err(e) => last = Some((address, e)),
        }
    }
    let elapsed = Some(started.elapsed());
    match last {
        Some((address, e)) if e.kind() == std::io::ErrorKind::TimedOut => Step::failed(
            "connect",
            Status::HttpTimeout,
            elapsed,
            Message::CliConnectNoAnswer {
                address: address.to_string(),
                wait: show_duration(timeout),
            }
            .to_string(),
        ),
        Some((address, e)) => Step::failed(
            "connect",
            Status::HttpConnect,
            elapsed,
            format!("{address}: {e}"),
        ),
        None => Step::failed(
            "connect",
            Status::HttpTimeout,
            elapsed,
            Message::CliConnectNoTimeLeft {
                wait: show_duration(timeout),
            }
            .to_string(),
        ),
    }
}
