//! Where the signup page posts: SmartBill's demo or production host, or a
//! base URL of the caller's choosing (https, a proxy path, a local stand-in).
//!
//! ```
//! use smartbill_signup_core::environment::Environment;
//! let demo = Environment::parse("demo").unwrap();
//! assert_eq!(demo.action_url(), "http://demo.smartbill.co.kr/xMain/mb/shar_transfer/info_inpt01.aspx");
//! let proxy = Environment::parse("https://gw.example.com/smartbill/").unwrap();
//! assert_eq!(proxy.base_url(), "https://gw.example.com/smartbill");
//! assert!(Environment::parse("ftp://example.com").is_err());
//! ```

use crate::error::{Error, Result};
use crate::message::Message;
use crate::status::Status;
use url::Url;

/// SmartBill's demo host (데모), as the guide gives it.
pub const DEMO_BASE_URL: &str = "http://demo.smartbill.co.kr";
/// SmartBill's production host (운영), as the guide gives it.
pub const PRODUCTION_BASE_URL: &str = "http://www.smartbill.co.kr";
/// The signup form's target below every base URL. The guide's text dump
/// writes `shartransfer/infoinpt01` once: markdown ate the underscores.
pub const ACTION_PATH: &str = "/xMain/mb/shar_transfer/info_inpt01.aspx";

/// A SmartBill environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Environment {
    Demo,
    Production,
    /// A caller-chosen base URL: http or https, with a host, no credentials,
    /// query or fragment; stored without a trailing slash.
    Custom(CustomBase),
}

/// A checked custom base URL (only [`Environment::parse`] makes one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomBase(String);

impl Environment {
    /// Parses `demo`, `production` (case-insensitive) or a base URL such as
    /// `https://gw.example.com/smartbill`. Surrounding whitespace is ignored.
    /// Anything else is `INVALID_ARGUMENT` saying what is wrong.
    pub fn parse(text: &str) -> Result<Environment> {
        let text = crate::text::trim(text);
        if text.eq_ignore_ascii_case("demo") {
            return Ok(Environment::Demo);
        }
        if text.eq_ignore_ascii_case("production") {
            return Ok(Environment::Production);
        }
        let base = parse_base_url(text)?;
        Ok(match base.as_str() {
            DEMO_BASE_URL => Environment::Demo,
            PRODUCTION_BASE_URL => Environment::Production,
            _ => Environment::Custom(CustomBase(base)),
        })
    }

    /// `"demo"`, `"production"` or `"custom"`.
    pub fn name(&self) -> &'static str {
        match self {
            Environment::Demo => "demo",
            Environment::Production => "production",
            Environment::Custom(_) => "custom",
        }
    }

    /// The base URL without a trailing slash, e.g. `http://demo.smartbill.co.kr`.
    pub fn base_url(&self) -> &str {
        match self {
            Environment::Demo => DEMO_BASE_URL,
            Environment::Production => PRODUCTION_BASE_URL,
            Environment::Custom(CustomBase(base)) => base,
        }
    }

    /// The address SmartBill delivers this environment's callbacks from,
    /// per the guide (demo `58.181.27.5`, production `183.111.188.210`);
    /// `None` for a custom base URL, which has no fixed source.
    pub fn callback_source(&self) -> Option<std::net::IpAddr> {
        use std::net::{IpAddr, Ipv4Addr};
        match self {
            Environment::Demo => Some(IpAddr::V4(Ipv4Addr::new(58, 181, 27, 5))),
            Environment::Production => Some(IpAddr::V4(Ipv4Addr::new(183, 111, 188, 210))),
            Environment::Custom(_) => None,
        }
    }

    /// Where the signup form posts: `<base>/xMain/mb/shar_transfer/info_inpt01.aspx`.
    pub fn action_url(&self) -> String {
        let mut url = String::with_capacity(self.base_url().len() + ACTION_PATH.len());
        url.push_str(self.base_url());
        url.push_str(ACTION_PATH);
        url
    }
}

fn parse_base_url(text: &str) -> Result<String> {
    // A message never holds a secret: user names and passwords in the
    // text are shown as `***`.
    let shown = without_credentials(text);
    let bad = |why: Message| {
        Error::new(
            Status::InvalidArgument,
            Message::BadEnvironment {
                text: format!("{shown:?}"),
                why: Box::new(why),
            },
        )
        .with_field("environment")
    };
    if text.is_empty() {
        return Err(bad(Message::EnvEmpty {}));
    }
    let url = Url::parse(text).map_err(|e| {
        bad(Message::EnvNotUrl {
            cause: e.to_string(),
        })
    })?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(bad(Message::EnvScheme {
            scheme: format!("{:?}", url.scheme()),
        }));
    }
    if matches!(url.host_str(), None | Some("")) {
        return Err(bad(Message::EnvNoHost {}));
    }
    if !url.username().is_empty() || url.password().is_some() {
        // The URL ends up in a page the user's browser shows.
        return Err(bad(Message::EnvCredentials {}));
    }
    if url.query().is_some() {
        return Err(bad(Message::EnvQuery {}));
    }
    if url.fragment().is_some() {
        return Err(bad(Message::EnvFragment {}));
    }
    let serialized = url.as_str().trim_end_matches('/');
    if serialized.ends_with(ACTION_PATH) {
        return Err(bad(Message::EnvActionPath { path: ACTION_PATH }));
    }
    Ok(serialized.to_string())
}

/// `text` with the user information of a URL (`user:password@`) replaced
/// by `***@`, whether or not the rest is a valid URL. A password may hold
/// a `/` (a URL parser then fails on it), so everything up to the last `@`
/// before any query or fragment goes.
pub(crate) fn without_credentials(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(scheme_end) = text.find("://").map(|i| i + 3) else {
        return text.into();
    };
    let rest = &text[scheme_end..];
    let authority_end = rest.find(['?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{}***{}", &text[..scheme_end], &rest[at..]).into(),
        None => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_known_hosts() {
        assert_eq!(Environment::parse(" Demo ").unwrap(), Environment::Demo);
        assert_eq!(
            Environment::parse("PRODUCTION").unwrap(),
            Environment::Production
        );
        assert_eq!(
            Environment::parse("http://www.smartbill.co.kr/").unwrap(),
            Environment::Production
        );
        assert_eq!(
            Environment::Production.action_url(),
            "http://www.smartbill.co.kr/xMain/mb/shar_transfer/info_inpt01.aspx"
        );
    }

    #[test]
    fn custom_bases_keep_their_path_and_port() {
        let env = Environment::parse("http://127.0.0.1:8080/stand-in/").unwrap();
        assert_eq!(env.name(), "custom");
        assert_eq!(
            env.action_url(),
            "http://127.0.0.1:8080/stand-in/xMain/mb/shar_transfer/info_inpt01.aspx"
        );
        // https on its default port loses the explicit port, as url serializes it.
        assert_eq!(
            Environment::parse("https://Example.COM:443")
                .unwrap()
                .base_url(),
            "https://example.com"
        );
    }

    #[test]
    fn credentials_are_never_shown() {
        for (text, shown) in [
            ("http://u:pw@example.com/x", "http://***@example.com/x"),
            ("ftp://u@h", "ftp://***@h"),
            ("http://a@b@c/d@e", "http://***@e"),
            ("http://u:p/w@example.com", "http://***@example.com"),
            ("http://example.com/a?b@c", "http://example.com/a?b@c"),
            ("no url", "no url"),
        ] {
            assert_eq!(without_credentials(text), shown);
        }
    }

    #[test]
    fn bad_urls_say_why() {
        for (input, why) in [
            ("", "empty"),
            ("staging", "not a URL"),
            ("ftp://example.com", "scheme"),
            ("http://user:pw@example.com", "credentials"),
            ("http://example.com/?a=b", "query"),
            ("http://example.com/#top", "fragment"),
            (
                "http://demo.smartbill.co.kr/xMain/mb/shar_transfer/info_inpt01.aspx",
                "already ends",
            ),
        ] {
            let e = Environment::parse(input).unwrap_err();
            assert!(!e.message().contains("pw"), "{e:?}");
            assert_eq!(e.status(), Status::InvalidArgument, "{input}");
            assert_eq!(e.field(), Some("environment"));
            assert!(e.message().contains(why), "{input}: {}", e.message());
        }
    }
}
