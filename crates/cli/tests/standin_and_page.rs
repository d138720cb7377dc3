//! `standin`, `page` and `probe` end to end against the stand-in on
//! 127.0.0.1: the page posts to the stand-in, the stand-in calls back.

mod common;

use common::{golden, normalize, run, StandIn};
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::http::{self, Options, ProxyMode};

/// The hidden inputs of a page, in order (the page escapes values, so this
/// reads them back the way a browser does for these characters).
fn hidden_inputs(page: &str) -> Vec<(String, String)> {
    page.lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("<input type=\"hidden\" name=\"")?;
            let (name, rest) = rest.split_once("\" value=\"")?;
            let value = rest.strip_suffix("\">")?;
            let value = value
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            Some((name.to_string(), value))
        })
        .collect()
}

fn form_action(page: &str) -> String {
    let start = page.find("action=\"").unwrap() + "action=\"".len();
    page[start..].split('"').next().unwrap().to_string()
}

/// POSTs fields as a browser would (UTF-8 form, as the page declares).
fn post_form(action: &str, fields: &[(String, String)]) -> http::Response {
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    let mut options = Options::with_timeout_ms(10_000).unwrap();
    options.proxy = ProxyMode::Off;
    http::post(
        action,
        body.join("&").into_bytes(),
        "application/x-www-form-urlencoded",
        &options,
        true,
    )
    .unwrap()
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                (b as char).to_string()
            }
            b' ' => "+".to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
fn the_page_posts_to_the_stand_in_which_calls_back() {
    let (endpoint, received) = common::serve(1, common::Behaviour::Answer("200 OK", "stored"));
    let standin = StandIn::start(&["--callback-url", &format!("{endpoint}/cb")]);
    let page = run(
        &[
            "page",
            "--env",
            &standin.base,
            "--from-json",
            "company.json",
            "--set",
            "pMemName=김담당",
        ],
        None,
    )
    .expect(0);
    golden("page-standin.html", &normalize(&page.stdout));
    let fields = hidden_inputs(&page.stdout);
    assert_eq!(
        fields[0],
        ("pComRegNo".to_string(), "1248100998".to_string())
    );
    assert!(fields.contains(&("pMemName".to_string(), "김담당".to_string())));
    let action = form_action(&page.stdout);
    assert_eq!(
        action,
        Environment::parse(&standin.base).unwrap().action_url()
    );

    let answer = post_form(&action, &fields);
    assert_eq!(answer.status, 200);
    let recorded = standin.requests();
    assert_eq!(recorded.len(), 1);
    let got: Vec<(String, String)> = recorded[0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|kv| {
            (
                kv[0].as_str().unwrap().into(),
                kv[1].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        got, fields,
        "the stand-in received exactly the page's values"
    );
    assert_eq!(recorded[0]["callback"], "HTTP 200");

    // The callback the stand-in sent reads back with `callback parse`.
    let callback = received
        .recv_timeout(std::time::Duration::from_secs(10))
        .unwrap();
    assert_eq!(callback.request_line, "POST /cb HTTP/1.1");
    let parsed = run(&["callback", "parse", "-"], Some(&callback.body)).expect(0);
    assert!(
        parsed.stdout.contains("COM_REGNO      1248100998"),
        "{}",
        parsed.stdout
    );
    assert!(
        parsed.stdout.contains("USER_NAME      김담당"),
        "{}",
        parsed.stdout
    );
    assert!(parsed
        .stdout
        .contains("AUTH_CODE      <redacted, 32 chars>"));
    let body: serde_json::Value = serde_json::from_slice(&callback.body).unwrap();
    let code = body["AUTH_CODE"].as_str().unwrap();
    let token = body["AUTH_TOKEN"].as_str().unwrap();
    assert!(!parsed.stdout.contains(code) && !parsed.stdout.contains(token));
}

#[test]
fn page_open_serves_once_and_leaves_no_file() {
    let standin = StandIn::start(&[]);
    let mut child = common::command(&[
        "page",
        "--env",
        &standin.base,
        "--set",
        "pComRegNo=124-81-00998",
        "--set",
        "pMIGRATIONFLAG=TEST11",
        "--open",
        "--open-timeout",
        "20",
    ])
    // The "browser" does nothing; the test fetches the page itself.
    .env("BROWSER", "true")
    .stderr(std::process::Stdio::piped())
    .stdout(std::process::Stdio::piped())
    .spawn()
    .unwrap();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut stderr, &mut line).unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("{line}"))
        .to_string();
    let (base, token) = url.rsplit_once('/').unwrap();
    assert_eq!(token.len(), 32, "a random path: {url}");
    assert!(common::get(&format!("{base}/")).0.contains("404"));
    let (status, page) = common::get(&url);
    assert!(status.contains("200"), "{status}");
    assert!(
        page.contains("target=\"_self\""),
        "--open goes to SmartBill in the same tab"
    );
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty(), "the page is not printed");
    // The server is gone: the URL cannot be fetched twice.
    assert!(std::net::TcpStream::connect(base.trim_start_matches("http://")).is_err());
    // Posting the served page reaches the stand-in.
    let answer = post_form(&form_action(&page), &hidden_inputs(&page));
    assert_eq!(answer.status, 200);
    assert_eq!(standin.requests().len(), 1);
}

#[test]
fn page_problems_and_input_errors() {
    let base = ["page", "--env", "demo", "--set", "pMIGRATIONFLAG=TEST11"];
    let with = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        run(&args, None)
    };
    // A value breaking its rule: exit 1, the field, the rule and the limit.
    let bad = with(&["--set", "pComRegNo=124-81-00997"]).expect(1);
    golden("page-bad-brn.txt", &bad.stderr);
    let long = "가".repeat(101);
    let too_long = with(&[
        "--set",
        "pComRegNo=124-81-00998",
        "--set",
        &format!("pComName={long}"),
    ])
    .expect(1);
    assert!(too_long.stderr.starts_with("FIELD_TOO_LONG: pComName"));
    assert!(too_long.stderr.contains("at most 200 CP949 bytes"));
    let missing = run(
        &["page", "--env", "demo", "--set", "pComRegNo=1248100998"],
        None,
    )
    .expect(1);
    assert!(missing.stderr.starts_with("FIELD_REQUIRED: pMIGRATIONFLAG"));
    let emoji = with(&[
        "--set",
        "pComRegNo=124-81-00998",
        "--set",
        "pComName=회사😀",
    ])
    .expect(1);
    assert!(emoji.stderr.starts_with("FIELD_UNENCODABLE: pComName"));
    // Unknown names, bad options, unreadable files: exit 2, one line.
    with(&["--set", "pcomregno=1248100998"]).expect_input_error("did you mean \"pComRegNo\"");
    with(&["--set", "pComRegNo"]).expect_input_error("NAME=VALUE");
    with(&["--charset", "latin1"]).expect_input_error("latin1");
    with(&["--target", "_evil"]).expect_input_error("_evil");
    with(&["--option", "colour=red"]).expect_input_error("colour");
    with(&["--from-json", "no-such.json"]).expect_input_error("no-such.json");
    with(&["--from-json", "not-an-object.json"]).expect_input_error("one JSON object");
    run(&["page", "--env", "staging"], None).expect_input_error("--env");
    run(&["page", "--set", "pComRegNo=1"], None).expect_input_error("--env");
    with(&["--out", "x.html", "--open"]).expect_input_error("cannot be used with");
}

#[test]
fn page_to_a_file_and_in_euc_kr() {
    let dir = std::env::temp_dir().join(format!("sb-cli-page-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("page.html");
    run(
        &[
            "page",
            "--env",
            "production",
            "--from-json",
            "company.json",
            "--charset",
            "euc-kr",
            "--target",
            "erpSignup",
            "--out",
            out.to_str().unwrap(),
        ],
        None,
    )
    .expect(0);
    let bytes = std::fs::read(&out).unwrap();
    let (text, _, errors) = encoding_rs::EUC_KR.decode(&bytes);
    assert!(!errors);
    assert!(text.contains("charset=EUC-KR"));
    assert!(text.contains("target=\"erpSignup\""));
    assert!(text.contains("value=\"(주)스마트 상사 &quot;본점&quot;\""));
    assert!(text.contains("http://www.smartbill.co.kr/xMain/mb/shar_transfer/info_inpt01.aspx"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn probe_reaches_the_stand_in() {
    let standin = StandIn::start(&[]);
    let endpoint = Environment::parse(&standin.base).unwrap().action_url();
    let text = run(&["probe", &endpoint, "--timeout", "5"], None).expect(0);
    golden("probe-standin.txt", &normalize(&text.stdout));
    let json = run(&["probe", &endpoint, "--json"], None).expect(0);
    golden("probe-standin.json", &normalize(&json.stdout));
}

#[test]
fn probe_says_what_failed() {
    let closed = common::closed_port();
    let refused = run(
        &[
            "probe",
            &format!("http://127.0.0.1:{closed}"),
            "--proxy",
            "off",
        ],
        None,
    )
    .expect(1);
    golden(
        "probe-refused.txt",
        &normalize(&refused.stdout).replace(&closed.to_string(), "PORT"),
    );

    let (silent, _) = common::serve(2, common::Behaviour::Silent);
    let timeout = run(&["probe", &silent, "--timeout", "0.5", "--json"], None).expect(1);
    let json: serde_json::Value = serde_json::from_str(&timeout.stdout).unwrap();
    let target = &json["targets"][0];
    assert_eq!(target["status"], "HTTP_TIMEOUT");
    assert_eq!(target["steps"][1]["step"], "connect");
    assert_eq!(target["steps"][1]["ok"], true);
    assert_eq!(target["steps"][2]["step"], "http");
    assert!(target["advice"]
        .as_str()
        .unwrap()
        .starts_with("connected, but no HTTP answer within 0.5 s"));

    let (garbage, _) = common::serve(2, common::Behaviour::Garbage);
    let protocol = run(&["probe", &garbage, "--timeout", "5", "--json"], None).expect(1);
    let json: serde_json::Value = serde_json::from_str(&protocol.stdout).unwrap();
    assert_eq!(json["targets"][0]["status"], "HTTP_PROTOCOL");

    // Any HTTP answer is reachable, and every target gets its report.
    let (answering, _) = common::serve(2, common::Behaviour::Answer("404 Not Found", ""));
    let mixed = run(
        &[
            "probe",
            &format!("{answering}/health?x=1"),
            &format!("http://127.0.0.1:{closed}"),
        ],
        None,
    )
    .expect(1);
    assert!(
        mixed
            .stdout
            .contains("reachable: the server answered HTTP 404"),
        "{}",
        mixed.stdout
    );
    assert!(
        mixed.stdout.ends_with("1 of 2 reachable\n"),
        "{}",
        mixed.stdout
    );
}

#[test]
fn probe_input_errors() {
    run(&["probe", "staging"], None).expect_input_error("not demo, production");
    run(&["probe", "demo", "--timeout", "0"], None).expect_input_error("more than 0");
    run(&["probe", "demo", "--proxy", "ftp://proxy"], None).expect_input_error("--proxy");
    run(&["probe", "demo", "--proxy-user", "erp"], None).expect_input_error("--proxy with");
    // No password in the environment and no terminal to ask on.
    common::run_command(
        {
            let mut c = common::command(&[
                "probe",
                "demo",
                "--proxy",
                "http://127.0.0.1:9",
                "--proxy-user",
                "erp",
            ]);
            c.env_remove("SMARTBILL_PROXY_PASSWORD");
            c
        },
        None,
    )
    .expect_input_error("SMARTBILL_PROXY_PASSWORD");
}

#[test]
fn probe_through_a_proxy_that_refuses() {
    let closed = common::closed_port();
    let mut command = common::command(&[
        "probe",
        "http://127.0.0.1:1/",
        "--proxy",
        &format!("http://127.0.0.1:{closed}"),
        "--proxy-user",
        "erp",
        "--json",
    ]);
    command.env("SMARTBILL_PROXY_PASSWORD", "secret-password");
    let out = common::run_command(command, None).expect(1);
    assert!(!out.stdout.contains("secret-password"));
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let target = &json["targets"][0];
    assert_eq!(
        target["route"],
        format!("through the proxy http://127.0.0.1:{closed}")
    );
    assert!(target["steps"][1]["detail"]
        .as_str()
        .unwrap()
        .contains(&closed.to_string()));
    assert_eq!(target["status"], "HTTP_CONNECT");
}

#[test]
fn standin_input_errors_and_clean_stop() {
    run(&["standin", "--callback-url", "ftp://x"], None).expect_input_error("--callback-url");
    run(&["standin", "--port", "http"], None).expect_input_error("--port");
    // It stops by itself when idle, with exit 0.
    let started = std::time::Instant::now();
    let out = run(&["standin", "--idle-exit", "0.3"], None).expect(0);
    assert!(out.stdout.starts_with("listening on http://127.0.0.1:"));
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    // A taken port is said, not a crash.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    run(&["standin", "--port", &port], None).expect_input_error("cannot listen");
}
