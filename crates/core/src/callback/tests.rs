//! Unit tests for the parts the shared vectors cannot show well.

use super::*;

const SAMPLE: &str = r#"{"COM_REGNO":"1111111111","AUTH_TOKEN":"dG9rZW4tc2VjcmV0MAo=","AUTH_CODE":"13F89DFEK99D4474A67EABE8F7258AA5","USER_SBID":"test1"}"#;

#[test]
fn debug_redacts_secrets_and_shows_the_rest() {
    let cb = parse(SAMPLE.as_bytes()).unwrap();
    let shown = format!("{cb:?}");
    assert!(!shown.contains("dG9rZW4"), "{shown}");
    assert!(!shown.contains("13F89DFE"), "{shown}");
    assert!(shown.contains("AUTH_CODE: <redacted, 32 chars>"), "{shown}");
    assert!(
        shown.contains("AUTH_TOKEN: <redacted, 20 chars>"),
        "{shown}"
    );
    assert!(shown.contains("USER_SBID: \"test1\""), "{shown}");
    assert!(shown.contains("com_regno_valid: false"), "{shown}");
    let pretty = format!("{cb:#?}");
    assert!(
        !pretty.contains("dG9rZW4") && !pretty.contains("13F89DFE"),
        "{pretty}"
    );
}

#[test]
fn strings_without_escapes_and_with_them_read_the_same() {
    let escaped = SAMPLE
        .replace("test1", r#"t\u0065st\/1"#)
        .replace("dG9rZW4", r#"dG9\u0072ZW4"#);
    let cb = parse(escaped.as_bytes()).unwrap();
    assert_eq!(cb.user_sbid(), "test/1");
    assert_eq!(cb.auth_token(), "dG9rZW4tc2VjcmV0MAo=");
}

#[test]
fn surrogate_pairs_decode_and_lone_halves_are_refused() {
    let body = SAMPLE.replace(
        r#""USER_SBID""#,
        r#""COM_NAME":"\ud55c\uAE00 \ud83d\ude00","USER_SBID""#,
    );
    assert_eq!(parse(body.as_bytes()).unwrap().com_name(), Some("한글 😀"));
    for bad in [
        r#"\ud83d"#,
        r#"\ud83dx"#,
        r#"\ude00"#,
        r#"\ud83d\u0041"#,
        r#"\u12"#,
    ] {
        let body = SAMPLE.replace("test1", bad);
        assert_eq!(
            parse(body.as_bytes()).unwrap_err().status(),
            Status::CallbackJson,
            "{bad}"
        );
    }
}

#[test]
fn a_huge_nested_body_is_refused_at_once() {
    let mut body = String::from(r#"{"USER_SBID":"#);
    body.push_str(&"[".repeat(60_000));
    let e = parse(body.as_bytes()).unwrap_err();
    assert_eq!(e.status(), Status::CallbackShape);
    assert_eq!(e.field(), Some("USER_SBID"));
    let deep = "[".repeat(1_000_000);
    let options = ParseOptions {
        max_bytes: usize::MAX,
    };
    assert_eq!(
        parse_with(deep.as_bytes(), &options).unwrap_err().status(),
        Status::CallbackShape
    );
}

#[test]
fn many_unknown_keys_stay_linear() {
    // 4,000 distinct unknown keys: duplicate detection must not be quadratic.
    let mut body = String::from(SAMPLE.trim_end_matches('}'));
    for i in 0..4_000 {
        body.push_str(&format!(r#","k{i}":"{i}""#));
    }
    body.push('}');
    let cb = parse(body.as_bytes()).unwrap();
    assert_eq!(cb.key_count(), 4_004);
    assert_eq!(cb.get("K3999"), Some("3999"));
    assert_eq!(cb.key_name(4), Some("k0"));
}

#[test]
fn size_limit_is_exact() {
    let n = SAMPLE.len();
    assert!(parse_with(SAMPLE.as_bytes(), &ParseOptions { max_bytes: n }).is_ok());
    let e = parse_with(SAMPLE.as_bytes(), &ParseOptions { max_bytes: n - 1 }).unwrap_err();
    assert_eq!(e.status(), Status::CallbackTooLarge);
    assert!(
        e.message().contains(&format!("{n} bytes")),
        "{}",
        e.message()
    );
}

#[test]
fn positions_count_lines_and_characters() {
    let e = parse("{\n  \"회사\": \"x\",\n  \"a\" \"b\"}".as_bytes()).unwrap_err();
    assert_eq!(e.status(), Status::CallbackJson);
    assert!(
        e.message().contains("line 3, column 7 (byte 25)"),
        "{}",
        e.message()
    );
    let e = parse("\u{FEFF}{x".as_bytes()).unwrap_err();
    assert!(
        e.message().contains("line 1, column 2 (byte 4)"),
        "{}",
        e.message()
    );
}

#[test]
fn lookups_by_any_spelling() {
    let body = SAMPLE
        .replace("USER_SBID", "sbid")
        .replace("}", r#","Email":"a@b.kr","Extra_Key":"v"}"#);
    let cb = parse(body.as_bytes()).unwrap();
    for name in ["USER_SBID", "user_sbid", "SBID", "Sbid"] {
        assert_eq!(cb.get(name), Some("test1"), "{name}");
    }
    assert_eq!(cb.get("USER_EMAIL"), cb.get("email"));
    assert_eq!(cb.get("EXTRA_KEY"), Some("v"));
    assert!(cb.has("extra_key") && !cb.has("USER_NAME"));
    let keys: Vec<&str> = cb.keys().collect();
    assert_eq!(
        keys,
        [
            "COM_REGNO",
            "AUTH_TOKEN",
            "AUTH_CODE",
            "USER_SBID",
            "USER_EMAIL",
            "Extra_Key"
        ]
    );
}

#[test]
fn long_key_names_are_cut_in_messages() {
    let key = "K".repeat(300);
    let body = SAMPLE.replace(
        '}',
        &format!(r#","{key}":"1","{}":"2"}}"#, key.to_lowercase()),
    );
    let e = parse(body.as_bytes()).unwrap_err();
    assert_eq!(e.status(), Status::CallbackShape);
    assert_eq!(
        e.field(),
        Some(key.to_lowercase().as_str()),
        "the field names the key in full"
    );
    assert!(
        e.message().len() < 400 && e.message().contains("..."),
        "{}",
        e.message()
    );
}
