//! `callback send`, `callback parse`, `callback check-source` end to end.

mod common;

use common::{golden, normalize, run, serve, Behaviour};
use std::time::Duration;

const GUIDE_SAMPLE: &str = "callback-guide.json";

#[test]
fn parse_prints_fields_with_the_secrets_redacted() {
    let text = run(&["callback", "parse", GUIDE_SAMPLE], None).expect(0);
    golden("callback-parse-guide.txt", &text.stdout);
    let json = run(&["callback", "parse", GUIDE_SAMPLE, "--json"], None).expect(0);
    golden("callback-parse-guide.json", &json.stdout);
    let body = std::fs::read_to_string(common::fixtures().join(GUIDE_SAMPLE)).unwrap();
    for secret in [
        "13F89DFEK99D4474A67EABE8F7258AA5",
        "cnV0Qnp1VjlrZUJus00teFZC",
    ] {
        assert!(body.contains(secret));
        assert!(!text.stdout.contains(secret) && !json.stdout.contains(secret));
    }
    // stdin, the older schema's names.
    let older = run(
        &["callback", "parse"],
        Some(br#"{"SBID":"old1","COM_REGNO":"124-81-00998","AUTH_CODE":"X","AUTH_TOKEN":"Y","Email":"a@b.kr"}"#),
    )
    .expect(0);
    assert!(
        older.stdout.contains("USER_SBID      old1"),
        "{}",
        older.stdout
    );
    assert!(older.stdout.contains("USER_EMAIL     a@b.kr"));
    assert!(older
        .stdout
        .ends_with("COM_REGNO is a valid business number\n"));
}

#[test]
fn parse_refusals_are_exit_1_with_the_status_name() {
    let cases: [(&[u8], &str); 6] = [
        (b"", "CALLBACK_JSON"),
        (b"{\"USER_SBID\":", "CALLBACK_JSON"),
        (b"[1]", "CALLBACK_SHAPE"),
        (br#"{"USER_SBID":"a","user_sbid":"b"}"#, "CALLBACK_SHAPE"),
        (
            br#"{"USER_SBID":"a","COM_REGNO":"1","AUTH_CODE":"c"}"#,
            "CALLBACK_MISSING",
        ),
        (b"{\"USER_SBID\":\"\xff\"}", "INVALID_TEXT"),
    ];
    for (body, status) in cases {
        let out = run(&["callback", "parse", "-"], Some(body)).expect(1);
        assert!(out.stderr.starts_with(status), "{status}: {}", out.stderr);
        assert_eq!(out.stdout, "");
        let json = run(&["callback", "parse", "--json"], Some(body)).expect(1);
        let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        assert_eq!(value["status"], status);
    }
    let missing = run(
        &["callback", "parse", "--json"],
        Some(br#"{"USER_SBID":"a"}"#),
    )
    .expect(1);
    golden("callback-parse-missing.json", &missing.stdout);
    let large = run(
        &["callback", "parse", "--max-bytes", "10"],
        Some(br#"{"USER_SBID":"abcdef"}"#),
    )
    .expect(1);
    assert!(large.stderr.starts_with("CALLBACK_TOO_LARGE"));
    run(&["callback", "parse", "no-such.json"], None).expect_input_error("no-such.json");
    run(&["callback", "parse", "--max-bytes", "ten"], None).expect_input_error("ten");
}

#[test]
fn send_plays_smartbill_against_an_endpoint() {
    let (endpoint, received) = serve(1, Behaviour::Answer("200 OK", "OK stored"));
    let url = format!("{endpoint}/smartbill/callback");
    let out = run(&["callback", "send", &url], None).expect(0);
    golden("callback-send-sample.txt", &normalize(&out.stdout));
    let seen = received.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(seen.request_line, "POST /smartbill/callback HTTP/1.1");
    assert_eq!(
        seen.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    // What arrived is the sample, and the library reads it.
    let parsed = run(&["callback", "parse", "-"], Some(&seen.body)).expect(0);
    assert!(parsed.stdout.contains("USER_SBID      sample01"));

    // A file, and JSON output.
    let (endpoint, received) = serve(1, Behaviour::Answer("200 OK", ""));
    let json = run(
        &[
            "callback",
            "send",
            &endpoint,
            "--file",
            GUIDE_SAMPLE,
            "--json",
        ],
        None,
    )
    .expect(0);
    golden("callback-send-file.json", &normalize(&json.stdout));
    let seen = received.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(
        seen.body,
        std::fs::read(common::fixtures().join(GUIDE_SAMPLE)).unwrap()
    );
}

#[test]
fn send_reports_a_refusal_or_an_unreachable_endpoint() {
    let (endpoint, _) = serve(1, Behaviour::Answer("400 Bad Request", "CALLBACK_MISSING"));
    let refused = run(&["callback", "send", &endpoint, "--file", "-"], Some(b"{}")).expect(1);
    golden("callback-send-refused.txt", &normalize(&refused.stdout));

    let closed = common::closed_port();
    let down = run(
        &[
            "callback",
            "send",
            &format!("http://127.0.0.1:{closed}/cb"),
            "--json",
        ],
        None,
    )
    .expect(1);
    let json: serde_json::Value = serde_json::from_str(&down.stdout).unwrap();
    assert_eq!(json["status"], "HTTP_CONNECT");

    let (silent, _) = serve(1, Behaviour::Silent);
    let slow = run(&["callback", "send", &silent, "--timeout", "0.3"], None).expect(1);
    assert!(slow.stdout.contains("HTTP_TIMEOUT"), "{}", slow.stdout);

    run(&["callback", "send", "not a url"], None).expect_input_error("not a URL");
    run(
        &[
            "callback", "send", "http://x", "--file", "a.json", "--sample",
        ],
        None,
    )
    .expect_input_error("cannot be used with");
    run(
        &[
            "callback",
            "send",
            "http://127.0.0.1:9",
            "--file",
            "no-such.json",
        ],
        None,
    )
    .expect_input_error("no-such.json");
}

#[test]
fn check_source() {
    let allowed = run(&["callback", "check-source", "183.111.188.210"], None).expect(0);
    assert_eq!(
        allowed.stdout,
        "allowed: 183.111.188.210 for production callbacks (allowed: 183.111.188.210)\n"
    );
    let demo = run(
        &[
            "callback",
            "check-source",
            "::ffff:58.181.27.5",
            "--env",
            "demo",
            "--json",
        ],
        None,
    )
    .expect(0);
    golden("callback-check-source-demo.json", &demo.stdout);
    let wrong_env = run(&["callback", "check-source", "58.181.27.5"], None).expect(1);
    assert!(wrong_env.stdout.starts_with("NOT allowed: 58.181.27.5"));
    run(
        &[
            "callback",
            "check-source",
            "203.0.113.8",
            "--extra",
            "203.0.113.7, 203.0.113.8",
        ],
        None,
    )
    .expect(0);
    // A stand-in has no fixed source: only what --extra adds.
    run(
        &[
            "callback",
            "check-source",
            "127.0.0.1",
            "--env",
            "http://127.0.0.1:8080",
        ],
        None,
    )
    .expect(1);
    run(&["callback", "check-source", "183.111.188.210:80"], None)
        .expect_input_error("not an IPv4 or IPv6 address");
    run(
        &["callback", "check-source", "1.2.3.4", "--extra", "1.2.3"],
        None,
    )
    .expect_input_error("--extra");
    run(
        &["callback", "check-source", "1.2.3.4", "--env", "staging"],
        None,
    )
    .expect_input_error("--env");
}
