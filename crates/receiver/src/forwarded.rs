//! Which address a request comes from, when a proxy (a load balancer, a
//! TLS terminator) may stand between SmartBill and the receiver.
//!
//! The TCP peer is the only address a client cannot choose. `X-Forwarded-For`
//! is text anyone can send, so it is believed only from the proxies the
//! configuration names, and only as far as the chain of named proxies goes.

use smartbill_signup_core::{Error, Message, Result, Status};
use std::net::IpAddr;

/// The address to check against the allowed sources.
///
/// - When `peer` is not one of `trusted_proxies` (always, without any), it
///   is the answer and `X-Forwarded-For` is ignored.
/// - When `peer` is a trusted proxy, the header values (every
///   `X-Forwarded-For` line, in order, as one comma-separated list) are
///   read from the right: each trusted proxy in it is skipped, and the
///   first address that is not one is the answer. A chain made only of
///   trusted proxies answers its leftmost entry; no header at all answers
///   the peer itself (the proxy, which the allow list normally refuses).
/// - An entry that is not an address (`unknown`, a host name, garbage) from
///   a trusted proxy is `INVALID_ARGUMENT` with field `X-Forwarded-For`:
///   the request cannot be attributed. Ports (`203.0.113.7:4711`,
///   `[2001:db8::1]:443`) are accepted and dropped; IPv4-mapped IPv6
///   counts as IPv4.
///
/// ```
/// use smartbill_signup_receiver::client_address;
/// use std::net::IpAddr;
/// let proxy: IpAddr = "10.0.0.2".parse().unwrap();
/// let smartbill: IpAddr = "183.111.188.210".parse().unwrap();
/// let header: &[u8] = b"198.51.100.9, 183.111.188.210";
/// assert_eq!(client_address(proxy, &[proxy], [header]).unwrap(), smartbill);
/// // From anyone else the header is ignored.
/// let stranger: IpAddr = "203.0.113.5".parse().unwrap();
/// assert_eq!(client_address(stranger, &[proxy], [header]).unwrap(), stranger);
/// ```
pub fn client_address<'a>(
    peer: IpAddr,
    trusted_proxies: &[IpAddr],
    forwarded_for: impl IntoIterator<Item = &'a [u8]>,
) -> Result<IpAddr> {
    let peer = normalize(peer);
    let trusted = |ip: IpAddr| trusted_proxies.iter().any(|t| normalize(*t) == ip);
    if !trusted(peer) {
        return Ok(peer);
    }
    let mut chain = Vec::new();
    for value in forwarded_for {
        let text =
            std::str::from_utf8(value).map_err(|_| malformed(Message::ForwardedNotAscii {}))?;
        for entry in text.split(',') {
            let entry = entry.trim_matches([' ', '\t']);
            if entry.is_empty() {
                // An empty element ("a,,b") is allowed by the list syntax.
                continue;
            }
            let ip = parse_entry(entry).ok_or_else(|| {
                malformed(Message::ForwardedNotIp {
                    entry: format!("{:?}", crate::options::shorten(entry)),
                })
            })?;
            chain.push(ip);
        }
    }
    let Some(&leftmost) = chain.first() else {
        return Ok(peer);
    };
    Ok(chain
        .iter()
        .rev()
        .copied()
        .find(|ip| !trusted(*ip))
        .unwrap_or(leftmost))
}

/// One list entry: an address, optionally with a port (`1.2.3.4:80`,
/// `[::1]:80`) or in brackets (`[::1]`).
fn parse_entry(entry: &str) -> Option<IpAddr> {
    if let Ok(ip) = entry.parse::<IpAddr>() {
        return Some(normalize(ip));
    }
    if let Ok(sa) = entry.parse::<std::net::SocketAddr>() {
        return Some(normalize(sa.ip()));
    }
    let inner = entry.strip_prefix('[')?.strip_suffix(']')?;
    inner
        .parse::<std::net::Ipv6Addr>()
        .ok()
        .map(|v6| normalize(IpAddr::V6(v6)))
}

fn normalize(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

fn malformed(why: Message) -> Error {
    Error::new(
        Status::InvalidArgument,
        Message::ForwardedMalformed { why: Box::new(why) },
    )
    .with_field("X-Forwarded-For")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn untrusted_peers_are_themselves() {
        let forged: &[u8] = b"183.111.188.210";
        assert_eq!(
            client_address(ip("127.0.0.1"), &[], [forged]).unwrap(),
            ip("127.0.0.1")
        );
        assert_eq!(
            client_address(ip("127.0.0.1"), &[ip("10.0.0.1")], [forged]).unwrap(),
            ip("127.0.0.1")
        );
        // Even garbage is ignored from an untrusted peer.
        let garbage: &[u8] = b"\xff\xfe nonsense";
        assert_eq!(
            client_address(ip("::ffff:127.0.0.1"), &[], [garbage]).unwrap(),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn trusted_chains_are_read_from_the_right() {
        let p1 = ip("10.0.0.1");
        let p2 = ip("10.0.0.2");
        let trusted = [p1, p2];
        let cases: &[(&[&[u8]], &str)] = &[
            (&[b"183.111.188.210"], "183.111.188.210"),
            (&[b"6.6.6.6, 183.111.188.210, 10.0.0.1"], "183.111.188.210"),
            (
                &[b"6.6.6.6, 183.111.188.210", b"10.0.0.1"],
                "183.111.188.210",
            ),
            (&[b"10.0.0.1, 10.0.0.2"], "10.0.0.1"),
            (
                &[b"183.111.188.210:4711,[::ffff:10.0.0.1]:80"],
                "183.111.188.210",
            ),
            (&[b"[2001:db8::7]"], "2001:db8::7"),
            (&[b" ,, 183.111.188.210 ,"], "183.111.188.210"),
            (&[], "10.0.0.2"),
            (&[b""], "10.0.0.2"),
        ];
        for (headers, want) in cases {
            assert_eq!(
                client_address(p2, &trusted, headers.iter().copied()).unwrap(),
                ip(want),
                "{headers:?}"
            );
        }
    }

    #[test]
    fn malformed_entries_from_a_trusted_proxy_are_refused() {
        let p = ip("10.0.0.1");
        for bad in [
            &b"unknown"[..],
            b"smartbill.co.kr",
            b"1.2.3",
            b"\xff",
            b"1.2.3.4 5.6.7.8",
        ] {
            let e = client_address(p, &[p], [bad]).unwrap_err();
            assert_eq!(e.status(), Status::InvalidArgument);
            assert_eq!(e.field(), Some("X-Forwarded-For"));
        }
    }

    fn any_ip() -> impl Strategy<Value = IpAddr> {
        prop_oneof![
            any::<std::net::Ipv4Addr>().prop_map(IpAddr::V4),
            any::<std::net::Ipv6Addr>()
                .prop_filter("not IPv4-mapped", |v6| v6.to_ipv4_mapped().is_none())
                .prop_map(IpAddr::V6),
        ]
    }

    fn render(ip: &IpAddr, style: u8) -> String {
        match (ip, style % 3) {
            (IpAddr::V6(v6), 1) => format!("[{v6}]"),
            (IpAddr::V6(v6), 2) => format!("[{v6}]:443"),
            (IpAddr::V4(v4), 2) => format!("{v4}:8080"),
            _ => ip.to_string(),
        }
    }

    proptest! {
        /// From a trusted proxy, the answer is the rightmost untrusted entry
        /// of any chain, however the entries are written and split into lines.
        #[test]
        fn the_rightmost_untrusted_entry_wins(
            chain in proptest::collection::vec((any_ip(), any::<bool>(), any::<u8>()), 1..8),
            split in 0usize..8,
        ) {
            let proxy = ip("10.255.255.254");
            let mut trusted = vec![proxy];
            trusted.extend(chain.iter().filter(|(_, t, _)| *t).map(|(ip, _, _)| *ip));
            let texts: Vec<String> = chain.iter().map(|(ip, _, style)| render(ip, *style)).collect();
            let split = split.min(texts.len());
            let lines = [texts[..split].join(", "), texts[split..].join(",")];
            let headers = lines.iter().map(|l| l.as_bytes());
            let expected = chain
                .iter()
                .rev()
                .map(|(ip, _, _)| *ip)
                .find(|ip| !trusted.contains(ip))
                .unwrap_or(chain[0].0);
            prop_assert_eq!(client_address(proxy, &trusted, headers).unwrap(), expected);
        }

        /// Any bytes: never a panic; from an untrusted peer always the peer.
        #[test]
        fn arbitrary_headers(bytes in proptest::collection::vec(any::<u8>(), 0..80), peer in any_ip()) {
            prop_assert_eq!(client_address(peer, &[], [&bytes[..]]).unwrap(), peer);
            let _ = client_address(peer, &[peer], [&bytes[..]]);
        }
    }
}
