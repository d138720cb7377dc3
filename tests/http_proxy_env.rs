//! Proxies from the environment: the hop blamed for a failure is the hop
//! reqwest actually took, for every form of NO_PROXY. The environment is
//! read once per process, so each case runs in a child process (this test
//! binary again, running only `child_probe`) with its own variables. Every
//! address is on 127.0.0.1 (or `localhost`), or a name that cannot be put
//! in a DNS query, so nothing leaves the machine.

mod common;
use common::servers::refused_address;
use smartbill_signup_core::http::{self, Options};
use std::process::Command;

const VARIABLES: [&str; 9] = [
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
    // Set, it turns every environment proxy off (a CGI script's safeguard).
    "REQUEST_METHOD",
];

/// Runs `child_probe` in a fresh process with `env` (and no other proxy
/// variables), probing `target`; returns its `STATUS message` line.
fn probe_in_child(env: &[(&str, &str)], target: &str) -> String {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command.args([
        "child_probe",
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ]);
    for name in VARIABLES {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    command.env("SMARTBILL_TEST_PROBE_URL", target);
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "child failed: {stdout}");
    stdout
        .lines()
        .find_map(|l| l.split_once("PROBE ").map(|(_, rest)| rest))
        .unwrap_or_else(|| panic!("no PROBE line in: {stdout}"))
        .to_string()
}

/// The child: one probe with the environment's proxy settings.
#[test]
#[ignore = "run by the other tests in a child process with its own environment"]
fn child_probe() {
    let Ok(url) = std::env::var("SMARTBILL_TEST_PROBE_URL") else {
        return;
    };
    let options = Options::with_timeout_ms(5000).unwrap();
    match http::probe(&url, &options) {
        Ok(probe) => println!("PROBE OK {}", probe.status),
        Err(e) => println!("PROBE {} {}", e.status().name(), e.message()),
    }
}

fn loopback_port(address: &str) -> &str {
    address.rsplit(':').next().unwrap()
}

#[test]
fn no_proxy_entries_that_exclude_the_target_blame_the_target() {
    let proxy = refused_address();
    let target = refused_address();
    let localhost = format!("http://localhost:{}/", loopback_port(&target));
    // A 64-character label cannot be put in a DNS query: the lookup fails
    // locally, so a direct request is HTTP_DNS and sends nothing.
    let unresolvable = format!("http://{}.sub.invalid/", "x".repeat(64));
    let cases: [(&str, &str, &str, String); 9] = [
        ("NO_PROXY", "127.0.0.0/8", "HTTP_CONNECT", target.clone()),
        (
            "NO_PROXY",
            "10.0.0.0/8, 127.0.0.1",
            "HTTP_CONNECT",
            target.clone(),
        ),
        ("no_proxy", "127.0.0.0/8", "HTTP_CONNECT", target.clone()),
        ("NO_PROXY", "localhost", "HTTP_CONNECT", localhost.clone()),
        ("NO_PROXY", "*", "HTTP_CONNECT", localhost.clone()),
        ("NO_PROXY", ".invalid", "HTTP_DNS", unresolvable.clone()),
        ("NO_PROXY", "sub.invalid", "HTTP_DNS", unresolvable.clone()),
        ("NO_PROXY", "INVALID", "HTTP_DNS", unresolvable.clone()),
        (
            "NO_PROXY",
            "example.com,.invalid",
            "HTTP_DNS",
            unresolvable.clone(),
        ),
    ];
    for (variable, no_proxy, expected, url) in cases {
        let line = probe_in_child(&[("HTTP_PROXY", &proxy), (variable, no_proxy)], &url);
        let context = format!("{variable}={no_proxy} {url}: {line}");
        assert!(line.starts_with(&format!("{expected} ")), "{context}");
        let host = url.trim_end_matches('/');
        assert!(line.contains(host), "{context}");
        assert!(!line.contains("proxy"), "{context}");
        assert!(!line.contains(loopback_port(&proxy)), "{context}");
    }
}

#[test]
fn no_proxy_entries_that_do_not_match_blame_the_proxy() {
    let proxy = refused_address();
    let target = refused_address();
    let unresolvable = format!("http://{}.invalid/", "x".repeat(64));
    let cases: [(&str, &str, String); 6] = [
        ("HTTP_PROXY", "", target.clone()),
        ("HTTP_PROXY", "10.0.0.0/8", target.clone()),
        ("HTTP_PROXY", "example.invalid", unresolvable.clone()),
        ("HTTP_PROXY", "127.0.0.2", target.clone()),
        // `*` matches host names only: reqwest still proxies an IP address.
        ("HTTP_PROXY", "*", target.clone()),
        ("ALL_PROXY", "localhost", target.clone()),
    ];
    for (variable, no_proxy, url) in cases {
        let line = probe_in_child(&[(variable, &proxy), ("NO_PROXY", no_proxy)], &url);
        let context = format!("{variable} NO_PROXY={no_proxy} {url}: {line}");
        assert!(line.starts_with("HTTP_PROXY "), "{context}");
        assert!(line.contains(&format!("proxy {proxy}")), "{context}");
    }
}

#[test]
fn https_targets_follow_https_proxy_and_its_exclusions() {
    let proxy = refused_address();
    let port = loopback_port(&refused_address()).to_string();
    let target = format!("https://127.0.0.1:{port}/");
    let line = probe_in_child(&[("HTTPS_PROXY", &proxy)], &target);
    assert!(line.starts_with("HTTP_PROXY "), "{line}");
    let line = probe_in_child(
        &[("HTTPS_PROXY", &proxy), ("NO_PROXY", "127.0.0.0/8")],
        &target,
    );
    assert!(line.starts_with("HTTP_CONNECT "), "{line}");
    assert!(
        line.contains(&format!("https://127.0.0.1:{port}")),
        "{line}"
    );
    // HTTP_PROXY is for http targets only.
    let line = probe_in_child(&[("HTTP_PROXY", &proxy)], &target);
    assert!(line.starts_with("HTTP_CONNECT "), "{line}");
}

#[test]
fn a_cgi_environment_ignores_proxy_variables_as_reqwest_does() {
    let proxy = refused_address();
    let target = refused_address();
    let line = probe_in_child(
        &[("HTTP_PROXY", &proxy), ("REQUEST_METHOD", "GET")],
        &target,
    );
    assert!(line.starts_with("HTTP_CONNECT "), "{line}");
}
