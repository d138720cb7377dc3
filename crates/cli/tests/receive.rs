//! `receive` end to end: the embedded receiver on 127.0.0.1 gets callbacks
//! from `callback send`, stores them and prints them redacted; exit codes
//! and bad options.

mod common;

use common::{command, run};
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Stdio};

/// A body in the current schema; `AUTH_TOKEN` is what must never be printed.
const TOKEN: &str = "dG9rZW4tdGhhdC1tdXN0LW5ldmVyLWJlLXByaW50ZWQ=";

fn body(user: &str) -> String {
    format!(
        r#"{{"USER_SBID":"{user}","COM_REGNO":"1248100998","AUTH_CODE":"CODE0000000000000000000000000000","AUTH_TOKEN":"{TOKEN}"}}"#
    )
}

/// Starts `receive` with `extra` options (each test bounds the run with
/// `--idle-exit`); returns the child and the URL its
/// first line names.
fn start(store: &std::path::Path, extra: &[&str]) -> (Child, String) {
    let store = store.to_str().unwrap();
    let mut args = vec![
        "receive",
        "--store",
        store,
        "--listen",
        "127.0.0.1:0",
        "--extra-ips",
        "127.0.0.1",
    ];
    args.extend_from_slice(extra);
    let mut child = command(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut first = String::new();
    BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut first)
        .unwrap();
    let url = if let Some(json) = first.strip_prefix('{') {
        let value: serde_json::Value = serde_json::from_str(&format!("{{{json}")).unwrap();
        value["listening"].as_str().unwrap().to_string()
    } else {
        first
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("first line: {first:?}"))
            .to_string()
    };
    (child, url)
}

fn send(url: &str, dir: &std::path::Path, user: &str) {
    let file = dir.join(format!("{user}.json"));
    std::fs::write(&file, body(user)).unwrap();
    run(
        &["callback", "send", url, "--file", file.to_str().unwrap()],
        None,
    )
    .expect(0);
}

fn finish(mut child: Child) -> (i32, String, String) {
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let code = child.wait().unwrap().code().unwrap_or(-1);
    (code, stdout, stderr)
}

#[test]
fn prints_stored_callbacks_redacted_and_acknowledges_with_ack() {
    let dir = tempdir("ack");
    let store = dir.join("callbacks.db");
    let (child, url) = start(
        &store,
        &["--ack", "--json", "--max-records", "2", "--idle-exit", "30"],
    );
    assert!(url.starts_with("http://127.0.0.1:") && url.ends_with("/smartbill/callback"));
    send(&url, &dir, "first01");
    send(&url, &dir, "second02");
    let (code, stdout, stderr) = finish(child);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let records: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2, "{stdout}");
    assert_eq!(records[0]["id"], "1.1");
    assert_eq!(records[0]["acknowledged"], true);
    assert_eq!(records[0]["peer"], "127.0.0.1");
    let fields = records[1]["fields"].as_array().unwrap();
    assert!(fields
        .iter()
        .any(|f| f["key"] == "USER_SBID" && f["value"] == "second02"));
    assert!(fields
        .iter()
        .any(|f| f["key"] == "AUTH_TOKEN" && f["redacted"] == true));
    for text in [&stdout, &stderr] {
        assert!(!text.contains(TOKEN), "the token was printed: {text}");
        assert!(
            !text.contains("CODE0000"),
            "the auth code was printed: {text}"
        );
    }
    // Each request's outcome is on stderr.
    assert!(
        stderr.contains("POST /smartbill/callback -> 200"),
        "{stderr}"
    );
    // Acknowledged: a later run has nothing to print.
    let (child, _) = start(&store, &["--ack", "--idle-exit", "1"]);
    let (code, stdout, _) = finish(child);
    assert_eq!(code, 0);
    assert!(!stdout.contains("record "), "{stdout}");
}

#[test]
fn without_ack_records_stay_for_the_erp() {
    let dir = tempdir("peek");
    let store = dir.join("callbacks.db");
    let (child, url) = start(&store, &["--max-records", "1", "--idle-exit", "30"]);
    send(&url, &dir, "kept01");
    let (code, stdout, _) = finish(child);
    assert_eq!(code, 0);
    assert!(stdout.contains("record 1.1 from 127.0.0.1"), "{stdout}");
    assert!(stdout.contains("(left for the ERP)"), "{stdout}");
    assert!(stdout.contains("USER_SBID      kept01"), "{stdout}");
    assert!(!stdout.contains(TOKEN));
    // The record is still there once the short reservation has passed.
    let (child, _) = start(
        &store,
        &["--max-records", "1", "--ack", "--idle-exit", "15"],
    );
    let (code, stdout, stderr) = finish(child);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("record 1.1"), "{stdout}");
}

#[test]
fn a_source_outside_the_environment_is_refused_and_nothing_is_stored() {
    let dir = tempdir("source");
    let store = dir.join("callbacks.db");
    let store = store.to_str().unwrap();
    // Production without extra addresses: 127.0.0.1 may not deliver.
    let mut child = command(&[
        "receive",
        "--store",
        store,
        "--listen",
        "127.0.0.1:0",
        "--idle-exit",
        "3",
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut first)
        .unwrap();
    let url = first
        .trim()
        .strip_prefix("listening on ")
        .unwrap()
        .to_string();
    let file = dir.join("body.json");
    std::fs::write(&file, body("outsider")).unwrap();
    run(
        &["callback", "send", &url, "--file", file.to_str().unwrap()],
        None,
    )
    .expect(1);
    let (code, stdout, stderr) = finish(child);
    assert_eq!(code, 0);
    assert!(!stdout.contains("record "), "{stdout}");
    assert!(stderr.contains("-> 403"), "{stderr}");
    assert!(
        stderr.contains("allow inbound TCP port"),
        "the firewall hint: {stderr}"
    );
}

#[test]
fn bad_options_are_input_errors() {
    let dir = tempdir("bad");
    let store = dir.join("x.db");
    let store = store.to_str().unwrap();
    run(&["receive", "--store", store, "--listen", "8080"], None)
        .expect_input_error("--listen \"8080\": write ADDRESS:PORT");
    run(
        &["receive", "--store", store, "--listen", "localhost:80"],
        None,
    )
    .expect_input_error("--host");
    run(
        &[
            "receive",
            "--store",
            store,
            "--listen",
            "127.0.0.1:0",
            "--env",
            "nowhere",
        ],
        None,
    )
    .expect_input_error("--environment");
    run(
        &[
            "receive",
            "--store",
            store,
            "--listen",
            "127.0.0.1:0",
            "--max-bytes",
            "0",
        ],
        None,
    )
    .expect_input_error("--max-bytes");
    // Required options are clap's usage errors.
    let missing = run(&["receive", "--store", store], None).expect(2);
    assert!(missing.stderr.contains("--listen"), "{}", missing.stderr);
}

/// A fresh folder under the target directory for one test.
fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("receive")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
