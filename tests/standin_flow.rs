//! Submit, probe and the callback, end to end against the stand-in.

mod common;
use common::servers::serve;
use common::standin::{received_fields, sent_fields, StandIn};
use smartbill_signup_core::callback;
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::form::SignupForm;
use smartbill_signup_core::http::{self, Options, ProxyMode};
use std::time::Duration;

fn options() -> Options {
    let mut o = Options::with_timeout_ms(5_000).unwrap();
    o.proxy = ProxyMode::Off;
    o
}

fn form(base: &str, charset: &str) -> SignupForm {
    let mut form = SignupForm::new(Environment::parse(base).unwrap());
    form.set("pComRegNo", "220-81-62517").unwrap();
    form.set("pMIGRATIONFLAG", "TEST11").unwrap();
    form.set("pComName", "뷁 상사 & \"Co\"").unwrap();
    form.set("pMemName", "김담당").unwrap();
    form.set("pMemEmail", "kim@example.co.kr").unwrap();
    form.set_option("output_charset", charset).unwrap();
    form
}

#[test]
fn submit_arrives_exactly_in_both_charsets() {
    let standin = StandIn::start(&[]);
    for (charset, declared) in [("utf-8", "utf-8"), ("euc-kr", "EUC-KR")] {
        let form = form(&standin.base, charset);
        let response = http::submit(&form, &options()).unwrap();
        assert_eq!(response.status, 200);
        assert!(response
            .text()
            .unwrap()
            .contains("뷁 상사 &amp; &quot;Co&quot;"));
        let requests = standin.requests();
        let last = requests.last().unwrap();
        assert!(
            last["content_type"]
                .as_str()
                .unwrap()
                .to_ascii_lowercase()
                .ends_with(&format!("charset={}", declared.to_ascii_lowercase())),
            "{last}"
        );
        assert_eq!(received_fields(last), sent_fields(&form), "{charset}");
    }
}

#[test]
fn an_invalid_form_is_never_sent() {
    let standin = StandIn::start(&[]);
    let mut form = form(&standin.base, "utf-8");
    form.set("pComRegNo", "123-45-67890").unwrap();
    let e = http::submit(&form, &options()).unwrap_err();
    assert_eq!(e.field(), Some("pComRegNo"));
    assert!(standin.requests().is_empty());
}

#[test]
fn the_standin_calls_back_in_the_current_schema() {
    let (endpoint, seen) = serve(1, |s, _| {
        common::servers::respond(s, "200 OK", "text/plain", b"")
    });
    let standin = StandIn::start(&["--callback-url", &format!("{endpoint}/smartbill/callback")]);
    let form = form(&standin.base, "utf-8");
    http::submit(&form, &options()).unwrap();
    let request = seen.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(request.request_line, "POST /smartbill/callback HTTP/1.1");
    assert_eq!(
        request.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    let cb = callback::parse(&request.body).unwrap();
    assert_eq!(cb.com_regno(), "2208162517");
    assert!(cb.com_regno_valid());
    assert_eq!(cb.com_name(), Some("뷁 상사 & \"Co\""));
    assert_eq!(cb.user_name(), Some("김담당"));
    assert_eq!(cb.auth_code().len(), 32);
    assert!(!cb.auth_token().is_empty());
    assert_eq!(standin.requests()[0]["callback"], "HTTP 200");
}

/// The request lines a recording server saw for `probe` called on it.
fn probed_paths(connections: usize, probe: impl FnOnce(&str)) -> Vec<String> {
    let (base, seen) = serve(connections, |s, _| {
        common::servers::respond(s, "404 Not Found", "text/plain", b"")
    });
    probe(&base);
    (0..connections)
        .map(|_| {
            seen.recv_timeout(Duration::from_secs(5))
                .unwrap()
                .request_line
        })
        .collect()
}

#[test]
fn probing_an_environment_probes_its_signup_endpoint() {
    let standin = StandIn::start(&[]);
    let probe = http::probe_environment(&standin.base, &options()).unwrap();
    assert_eq!(probe.status, 200);
    // A base URL with a path is still an environment: the probe goes below it.
    let lines = probed_paths(2, |base| {
        for environment in [base.to_string(), format!("{base}/gateway/")] {
            let probe = http::probe_environment(&environment, &options()).unwrap();
            assert_eq!(probe.status, 404);
        }
    });
    assert_eq!(
        lines,
        [
            "GET /xMain/mb/shar_transfer/info_inpt01.aspx HTTP/1.1",
            "GET /gateway/xMain/mb/shar_transfer/info_inpt01.aspx HTTP/1.1"
        ]
    );
}

#[test]
fn probing_a_url_probes_it_exactly_as_given() {
    let standin = StandIn::start(&[]);
    let full = format!("{}/xMain/mb/shar_transfer/info_inpt01.aspx", standin.base);
    assert_eq!(http::probe(&full, &options()).unwrap().status, 200);
    let lines = probed_paths(3, |base| {
        for url in [
            format!("{base}/health"),
            format!("{base}/health/?deep=1"),
            base.to_string(),
        ] {
            assert_eq!(http::probe(&url, &options()).unwrap().status, 404);
        }
    });
    assert_eq!(
        lines,
        [
            "GET /health HTTP/1.1",
            "GET /health/?deep=1 HTTP/1.1",
            "GET / HTTP/1.1"
        ]
    );
}

#[test]
fn what_is_not_an_environment_is_refused_not_guessed() {
    for target in [
        "https://host.example/health?deep=1",
        "http://demo.smartbill.co.kr/xMain/mb/shar_transfer/info_inpt01.aspx",
        "staging",
        "",
    ] {
        let e = http::probe_environment(target, &options()).unwrap_err();
        assert_eq!(
            e.status(),
            smartbill_signup_core::Status::InvalidArgument,
            "{target}"
        );
        assert_eq!(e.field(), Some("environment"), "{target}");
        assert!(
            e.message().contains("probe_url"),
            "{target}: {}",
            e.message()
        );
    }
}

/// Sends `request` as it is to the stand-in and returns the whole answer.
fn raw_exchange(base: &str, request: &[u8]) -> String {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(base.strip_prefix("http://").unwrap()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(request).unwrap();
    let mut answer = Vec::new();
    let _ = s.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn the_standin_reads_a_chunked_post_as_a_real_server_does() {
    let standin = StandIn::start(&[]);
    let head = "POST /xMain/mb/shar_transfer/info_inpt01.aspx HTTP/1.1\r\nHost: 127.0.0.1\r\n\
                Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\nConnection: close\r\n";
    let answer = raw_exchange(
        &standin.base,
        format!(
            "{head}Transfer-Encoding: chunked\r\n\r\n\
             a\r\npComRegNo=\r\n10\r\n1248100998&pMIGR\r\nc;ext=1\r\nATIONFLAG=TE\r\n3\r\nST1\r\n1\r\n1\r\n0\r\n\r\n"
        )
        .as_bytes(),
    );
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(
        answer.contains("<td id=\"pComRegNo\">1248100998</td>"),
        "{answer}"
    );
    let requests = standin.requests();
    assert_eq!(
        received_fields(requests.last().unwrap()),
        [
            ("pComRegNo".to_string(), "1248100998".to_string()),
            ("pMIGRATIONFLAG".to_string(), "TEST11".to_string())
        ]
    );
    // What cannot be read exactly is refused and never recorded as a signup.
    for (framing, status) in [
        (
            "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
            "501 Not Implemented",
        ),
        (
            "Transfer-Encoding: chunked\r\n\r\n3\r\npComRegNo\r\n0\r\n\r\n",
            "400 Bad Request",
        ),
        (
            "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
            "400 Bad Request",
        ),
    ] {
        let answer = raw_exchange(&standin.base, format!("{head}{framing}").as_bytes());
        assert!(
            answer.starts_with(&format!("HTTP/1.1 {status}\r\n")),
            "{framing:?}: {answer}"
        );
    }
    assert_eq!(standin.requests().len(), 1);
}
