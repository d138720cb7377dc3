//! No message, in either language, contains a secret: callbacks carrying
//! generated auth codes and tokens are broken in every way the reader
//! refuses, URLs carry generated credentials, and every message is scanned
//! for any eight characters of the secret.

use proptest::prelude::*;
use smartbill_signup_core::callback;
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::http::Options;
use smartbill_signup_core::{Error, Language};

/// Secrets that cannot occur in a message by chance.
fn secret() -> impl Strategy<Value = String> {
    "Zq[A-Za-z0-9+/=]{10,60}"
}

fn assert_hides(error: &Error, secrets: &[&str]) -> Result<(), TestCaseError> {
    for language in Language::ALL {
        let message = error.message_in(language);
        for secret in secrets {
            let chars: Vec<char> = secret.chars().collect();
            for window in chars.windows(8) {
                let piece: String = window.iter().collect();
                prop_assert!(
                    !message.contains(&piece),
                    "{language}: {message:?} holds {piece:?} of a secret"
                );
            }
        }
        prop_assert!(!message.is_empty());
    }
    Ok(())
}

/// Bodies holding `code` and `token` as auth values, each refused.
fn broken_bodies(code: &str, token: &str) -> Vec<Vec<u8>> {
    let whole = format!(
        r#""USER_SBID":"id1","COM_REGNO":"1248100998","AUTH_CODE":"{code}","AUTH_TOKEN":"{token}""#
    );
    let mut bodies: Vec<Vec<u8>> = vec![
        // A key twice, in two spellings.
        format!(r#"{{{whole},"auth_code":"{code}"}}"#).into(),
        format!(r#"{{{whole},"AUTH_TOKEN":"{token}x"}}"#).into(),
        // Broken JSON right after, inside and around the values.
        format!(r#"{{"AUTH_CODE":"{code}" "AUTH_TOKEN":"{token}"}}"#).into(),
        format!(r#"{{"AUTH_CODE":"{code}"#).into(),
        format!(r#"{{"AUTH_TOKEN":"{token}\uZZ"}}"#).into(),
        format!(r#"{{"AUTH_TOKEN":"{token}\q"}}"#).into(),
        format!("{{\"AUTH_CODE\":\"{code}\u{1}{token}\"}}").into(),
        format!(r#"{{"AUTH_CODE":{code}}}"#).into(),
        format!(r#"{{"AUTH_CODE":"{code}"}} {token}"#).into(),
        format!(r#"["{code}","{token}"]"#).into(),
        format!(r#""{token}""#).into(),
        // Values of the wrong type next to the secrets.
        format!(r#"{{"AUTH_CODE":"{code}","USER_SBID":true,"AUTH_TOKEN":"{token}"}}"#).into(),
        format!(r#"{{"AUTH_CODE":["{code}"],"AUTH_TOKEN":"{token}"}}"#).into(),
        // Well-formed, but a required key missing, null or blank.
        format!(r#"{{"AUTH_CODE":"{code}","AUTH_TOKEN":"{token}"}}"#).into(),
        format!(r#"{{"USER_SBID":null,"AUTH_CODE":"{code}","AUTH_TOKEN":"{token}"}}"#).into(),
        format!(r#"{{"USER_SBID":"x","COM_REGNO":"1","AUTH_CODE":"{code}","AUTH_TOKEN":" "}}"#)
            .into(),
    ];
    // Not UTF-8 just after the secret.
    let mut bad = format!(r#"{{"AUTH_CODE":"{code}"#).into_bytes();
    bad.extend_from_slice(b"\xff\"}");
    bodies.push(bad);
    bodies
}

proptest! {
    #[test]
    fn callback_messages_never_hold_the_auth_code_or_token(code in secret(), token in secret()) {
        for body in broken_bodies(&code, &token) {
            let error = callback::parse(&body)
                .expect_err(&String::from_utf8_lossy(&body));
            assert_hides(&error, &[&code, &token])?;
        }
        // Too large, with the secrets inside.
        let body = format!(r#"{{"AUTH_CODE":"{code}","AUTH_TOKEN":"{token}"}}"#);
        let options = callback::ParseOptions { max_bytes: 8 };
        let error = callback::parse_with(body.as_bytes(), &options).unwrap_err();
        assert_hides(&error, &[&code, &token])?;
    }

    #[test]
    fn url_credentials_never_reach_a_message(user in "[a-z]{3,8}", password in secret()) {
        for text in [
            format!("http://{user}:{password}@example.com"),
            format!("https://{user}:{password}@example.com/path?q=1"),
            format!("ftp://{user}:{password}@example.com"),
            format!("http://{user}:{password}@/x"),
        ] {
            let error = Environment::parse(&text).unwrap_err();
            assert_hides(&error, &[&password])?;
        }
        let mut options = Options::default();
        for (name, value) in [
            ("proxy", format!("socks5://{user}:{password}@proxy:1080")),
            ("proxy", format!("http//{user}:{password}@proxy")),
            ("proxy_password", password.clone()),
            ("no_such_option", password.clone()),
        ] {
            if let Err(error) = options.set(name, &value) {
                assert_hides(&error, &[&password])?;
            }
        }
    }
}

/// A proxy given with its credentials in the URL, unreachable: the message
/// names the proxy by scheme, host and port only.
#[test]
fn proxy_credentials_never_reach_a_message() {
    // A port nothing listens on: bind one, then let it go.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let password = "ZqProxyPassw0rd";
    let mut options = Options::with_timeout_ms(5000).unwrap();
    options
        .set("proxy", &format!("http://erp:{password}@127.0.0.1:{port}"))
        .unwrap();
    options.set("proxy_username", "erp2").unwrap();
    options.set("proxy_password", "ZqOtherPassw0rd").unwrap();
    let error = smartbill_signup_core::http::probe("http://127.0.0.1:9/x", &options)
        .expect_err("the proxy is not there");
    for language in Language::ALL {
        let message = error.message_in(language);
        assert!(!message.contains(password), "{message}");
        assert!(!message.contains("ZqOtherPassw0rd"), "{message}");
        assert!(!message.contains("erp"), "{message}");
        assert!(message.contains(&format!("127.0.0.1:{port}")), "{message}");
    }
}
