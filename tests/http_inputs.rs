//! Generated input for what the HTTP calls parse before any traffic: the
//! environment a probe takes and the URL `probe` (smartbill_http_probe_url)
//! takes. Nothing here leaves 127.0.0.1: a generated environment is only
//! parsed, and a generated URL points at a refused loopback port.

mod common;
use common::servers::refused_address;
use proptest::prelude::*;
use smartbill_signup_core::environment::{Environment, ACTION_PATH};
use smartbill_signup_core::http::{self, Options, ProxyMode};
use smartbill_signup_core::Status;

fn direct() -> Options {
    let mut o = Options::with_timeout_ms(3000).unwrap();
    o.proxy = ProxyMode::Off;
    o
}

/// Text that looks like what people type for an environment.
fn environment_like() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ \t]{0,2}(demo|DEMO|production|Production|staging)[ \t]{0,2}",
        "(https?|ftp|HTTP)://[a-z0-9.:@_-]{0,20}(/[a-zA-Z0-9%._~ -]{0,12}){0,3}/?([?#][a-z=&]{0,6})?",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    /// Any text is an environment or INVALID_ARGUMENT for the field
    /// `environment`; an environment's probe target is its base URL plus the
    /// signup path, and its base URL parses back to the same environment.
    #[test]
    fn environments_parse_to_a_documented_answer(text in environment_like()) {
        match Environment::parse(&text) {
            Ok(environment) => {
                let base = environment.base_url().to_string();
                prop_assert!(!base.ends_with('/'), "{}", base);
                prop_assert_eq!(environment.action_url(), format!("{base}{ACTION_PATH}"));
                let action = url::Url::parse(&environment.action_url()).unwrap();
                prop_assert!(matches!(action.scheme(), "http" | "https"));
                prop_assert!(action.query().is_none() && action.fragment().is_none());
                prop_assert_eq!(Environment::parse(&base).unwrap(), environment);
            }
            Err(e) => {
                prop_assert_eq!(e.status(), Status::InvalidArgument);
                prop_assert_eq!(e.field(), Some("environment"));
                // probe_environment refuses the same text before any traffic.
                let probe = http::probe_environment(&text, &direct()).unwrap_err();
                prop_assert_eq!(probe.status(), Status::InvalidArgument);
                prop_assert_eq!(probe.field(), Some("environment"));
                prop_assert!(probe.message().contains("probe_url"));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// A URL is probed exactly as given: whatever its path and query, a
    /// refused loopback port is HTTP_CONNECT naming the host, never the path
    /// or query; text that does not make a URL is INVALID_ARGUMENT (`url`).
    #[test]
    fn probe_url_answers_with_the_host_and_never_the_path(
        path in "[a-zA-Z0-9/%?&=#._~;:@!$'()*+, \u{AC00}-\u{AC10}-]{0,40}",
    ) {
        let base = refused_address();
        let marker = "SECRETPART";
        let url = format!("{base}/{marker}{path}");
        match http::probe(&url, &direct()) {
            Err(e) if e.status() == Status::HttpConnect => {
                prop_assert!(e.message().contains(&base), "{}", e.message());
                prop_assert!(!e.message().contains(marker), "{}", e.message());
            }
            Err(e) => {
                prop_assert_eq!(e.status(), Status::InvalidArgument, "{}", e.message());
                prop_assert_eq!(e.field(), Some("url"));
            }
            Ok(p) => prop_assert!(false, "a refused port answered {}", p.status),
        }
    }

    /// Arbitrary text as a URL: INVALID_ARGUMENT (`url`), or a URL whose host
    /// is a refused loopback address. Only loopback hosts are generated.
    #[test]
    fn arbitrary_url_text_never_panics(prefix in any::<String>(), suffix in any::<String>()) {
        let base = refused_address();
        for text in [prefix.clone(), format!("{prefix}{base}{suffix}")] {
            let parsed = url::Url::parse(text.trim());
            let loopback = parsed.as_ref().is_ok_and(|u| {
                matches!(u.scheme(), "http" | "https")
                    && u.host_str() == Some("127.0.0.1")
            });
            if parsed.is_ok() && !loopback {
                // Only parse it: it names a host that is not ours.
                continue;
            }
            match http::probe(&text, &direct()) {
                Err(e) => prop_assert!(
                    matches!(e.status(), Status::InvalidArgument | Status::HttpConnect | Status::HttpTls),
                    "{:?}", e
                ),
                Ok(p) => prop_assert!(false, "a refused port answered {}", p.status),
            }
        }
    }
}
