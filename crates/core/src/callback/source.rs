//! Who may deliver a callback: SmartBill sends it from fixed addresses (the
//! guide's only protection, since the body carries no signature), demo
//! `58.181.27.5` and production `183.111.188.210`. Callers can add
//! addresses, should SmartBill add servers, without a new release.
//!
//! ```
//! use smartbill_signup_core::callback::source::{Environment, SourceAllowList};
//! let mut allow = SourceAllowList::new(&Environment::Production);
//! assert!(allow.allows("183.111.188.210"));
//! assert!(allow.allows("::ffff:183.111.188.210"));
//! assert!(!allow.allows("58.181.27.5"));
//! allow.add_list("203.0.113.7, 203.0.113.8").unwrap();
//! assert!(allow.allows("203.0.113.8"));
//! ```

pub use crate::environment::Environment;
use crate::error::{Error, Result};
use crate::message::Message;
use crate::status::Status;
use std::net::IpAddr;

/// The addresses a callback may come from: the environment's own, plus any
/// the caller adds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceAllowList {
    addresses: Vec<IpAddr>,
}

impl SourceAllowList {
    /// The guide's address for `environment`. A custom base URL (a local
    /// stand-in, a proxy) has no fixed source: add its addresses.
    pub fn new(environment: &Environment) -> Self {
        SourceAllowList {
            addresses: environment.callback_source().into_iter().collect(),
        }
    }

    /// Adds the addresses in `list`, separated by commas, semicolons or
    /// whitespace (newlines too); an empty list adds nothing. An entry that
    /// is not an IP address is `INVALID_ARGUMENT` naming it, and nothing is
    /// added: a typo in configuration must not pass unnoticed.
    pub fn add_list(&mut self, list: &str) -> Result<()> {
        let mut parsed = Vec::new();
        for entry in list
            .split([',', ';', ' ', '\t', '\r', '\n'])
            .filter(|e| !e.is_empty())
        {
            let address = parse_address(entry).ok_or_else(|| {
                Error::new(
                    Status::InvalidArgument,
                    Message::SourceNotAddress {
                        entry: format!("{:?}", shorten(entry)),
                    },
                )
                .with_field("extra_ips")
            })?;
            parsed.push(address);
        }
        self.addresses.extend(parsed);
        Ok(())
    }

    /// Whether `ip` (the peer address of the request, as text) is one of
    /// the list's. IPv4-mapped IPv6 (`::ffff:58.181.27.5`) counts as IPv4;
    /// anything that is not exactly an address (a port, a host name,
    /// brackets, garbage) is not allowed.
    pub fn allows(&self, ip: &str) -> bool {
        parse_address(ip).is_some_and(|a| self.allows_addr(a))
    }

    /// Whether a peer address (as a server framework gives it) is one of
    /// the list's; IPv4-mapped IPv6 counts as IPv4.
    pub fn allows_addr(&self, ip: IpAddr) -> bool {
        self.addresses.contains(&normalize(ip))
    }

    pub fn addresses(&self) -> &[IpAddr] {
        &self.addresses
    }
}

/// Whether `ip` is the guide's source address for `environment`.
pub fn source_allowed(environment: &Environment, ip: &str) -> bool {
    SourceAllowList::new(environment).allows(ip)
}

/// An address as text, trimmed; IPv4-mapped IPv6 becomes IPv4.
pub fn parse_address(text: &str) -> Option<IpAddr> {
    crate::text::trim(text)
        .parse::<IpAddr>()
        .ok()
        .map(normalize)
}

fn normalize(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

/// Configuration text for messages, cut to a readable length.
fn shorten(text: &str) -> &str {
    match text.char_indices().nth(64) {
        Some((cut, _)) => &text[..cut],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guide_addresses_per_environment() {
        assert!(source_allowed(&Environment::Demo, "58.181.27.5"));
        assert!(!source_allowed(&Environment::Demo, "183.111.188.210"));
        assert!(source_allowed(
            &Environment::Production,
            " 183.111.188.210\n"
        ));
        assert!(source_allowed(
            &Environment::Production,
            "::FFFF:183.111.188.210"
        ));
        assert!(source_allowed(&Environment::Production, "::ffff:b76f:bcd2"));
        let allow = SourceAllowList::new(&Environment::Demo);
        assert!(allow.allows_addr("::ffff:58.181.27.5".parse().unwrap()));
        assert!(!allow.allows_addr("58.181.27.6".parse().unwrap()));
    }

    #[test]
    fn not_addresses_are_not_allowed() {
        for ip in [
            "",
            "58.181.27.5:80",
            "[::ffff:58.181.27.5]",
            "localhost",
            "58.181.27.05",
            "::58.181.27.5",
        ] {
            assert!(!source_allowed(&Environment::Demo, ip), "{ip:?}");
        }
    }

    #[test]
    fn extra_addresses() {
        let mut allow = SourceAllowList::new(&Environment::Demo);
        allow.add_list("").unwrap();
        allow
            .add_list(" 203.0.113.7,2001:db8::1;\n198.51.100.1 ")
            .unwrap();
        assert_eq!(allow.addresses().len(), 4);
        assert!(allow.allows("2001:DB8:0:0::1"));
        let e = allow.add_list("203.0.113.9, smartbill.co.kr").unwrap_err();
        assert_eq!(e.status(), Status::InvalidArgument);
        assert!(e.message().contains("smartbill.co.kr"), "{}", e.message());
        assert!(
            !allow.allows("203.0.113.9"),
            "nothing added from a bad list"
        );
    }

    #[test]
    fn environment_names() {
        assert_eq!(
            Environment::parse(" Production ").unwrap(),
            Environment::Production
        );
        assert_eq!(Environment::parse("demo").unwrap().name(), "demo");
        assert_eq!(
            Environment::parse("prod").unwrap_err().status(),
            Status::InvalidArgument
        );
    }
}
