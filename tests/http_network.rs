//! The HTTP layer against good and deliberately bad servers on 127.0.0.1.

mod common;
use common::servers::{refused_address, respond, serve};
use smartbill_signup_core::http::{self, Options, ProxyMode};
use smartbill_signup_core::Status;
use std::io::Write;
use std::thread;
use std::time::{Duration, Instant};

fn direct(timeout_ms: u32) -> Options {
    let mut o = Options::with_timeout_ms(timeout_ms).unwrap();
    o.proxy = ProxyMode::Off;
    o
}

#[test]
fn post_returns_status_body_and_sends_the_right_headers() {
    let (base, seen) = serve(1, |s, _| {
        respond(
            s,
            "200 OK",
            "text/html; charset=utf-8",
            "받았습니다".as_bytes(),
        )
    });
    let r = http::post(
        &format!("{base}/cb?x=1"),
        b"a=1".to_vec(),
        "application/json; charset=utf-8",
        &direct(5000),
        false,
    )
    .unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(r.text().unwrap(), "받았습니다");
    let req = seen.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(req.request_line, "POST /cb?x=1 HTTP/1.1");
    assert_eq!(
        req.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert!(req
        .header("user-agent")
        .unwrap()
        .starts_with("smartbill-signup/"));
    assert_eq!(req.body, b"a=1");
}

#[test]
fn body_is_decoded_by_its_declared_charset() {
    let cp949 = encoding_rs::EUC_KR.encode("스마트빌").0.into_owned();
    let (base, _) = serve(1, move |s, _| {
        respond(s, "200 OK", "text/html; charset=euc-kr", &cp949)
    });
    let r = http::post(&base, vec![], "text/plain", &direct(5000), false).unwrap();
    assert_eq!(r.text().unwrap(), "스마트빌");
    // Bytes that are not what the header says are an error, never replaced.
    let (base, _) = serve(1, |s, _| {
        respond(s, "200 OK", "text/html; charset=utf-8", b"\xff\xfe")
    });
    let r = http::post(&base, vec![], "text/plain", &direct(5000), false).unwrap();
    assert_eq!(r.text().unwrap_err().status(), Status::InvalidText);
}

#[test]
fn non_2xx_is_returned_or_an_error_on_request() {
    let (base, _) = serve(2, |s, _| {
        respond(s, "500 Internal Server Error", "text/plain", b"boom")
    });
    let r = http::post(&base, vec![], "text/plain", &direct(5000), false).unwrap();
    assert_eq!(r.status, 500);
    let mut strict = direct(5000);
    strict.fail_on_status = true;
    let e = http::post(&base, vec![], "text/plain", &strict, false).unwrap_err();
    assert_eq!(e.status(), Status::HttpStatus);
    assert!(e.message().contains("HTTP 500"), "{}", e.message());
}

#[test]
fn refused_port_is_http_connect() {
    let e = http::post(
        &refused_address(),
        vec![],
        "text/plain",
        &direct(3000),
        false,
    )
    .unwrap_err();
    assert_eq!(e.status(), Status::HttpConnect, "{}", e.message());
    assert!(e.message().contains("127.0.0.1"), "{}", e.message());
}

#[test]
fn a_server_that_never_answers_times_out_on_time() {
    let (base, _) = serve(1, |_, _| thread::sleep(Duration::from_secs(4)));
    let started = Instant::now();
    let e = http::post(&base, vec![], "text/plain", &direct(1000), false).unwrap_err();
    let took = started.elapsed();
    assert_eq!(e.status(), Status::HttpTimeout, "{}", e.message());
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_millis(2500),
        "{took:?}"
    );
}

#[test]
fn a_slow_trickle_is_cut_by_the_timeout() {
    let (base, _) = serve(1, |s, _| {
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
        for _ in 0..40 {
            if s.write_all(b"x").is_err() {
                return;
            }
            thread::sleep(Duration::from_millis(100));
        }
    });
    let started = Instant::now();
    let e = http::post(&base, vec![], "text/plain", &direct(1000), false).unwrap_err();
    assert_eq!(e.status(), Status::HttpTimeout, "{}", e.message());
    assert!(
        started.elapsed() < Duration::from_millis(2500),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_server_closing_mid_response_is_http_protocol() {
    let (base, _) = serve(1, |s, _| {
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly this");
    });
    let e = http::post(&base, vec![], "text/plain", &direct(5000), false).unwrap_err();
    assert_eq!(e.status(), Status::HttpProtocol, "{}", e.message());
}

#[test]
fn huge_responses_are_bounded() {
    // Declared too large: refused before reading.
    let (base, _) = serve(1, |s, _| {
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n");
        let _ = s.write_all(&[b'x'; 65536]);
    });
    let mut o = direct(5000);
    o.max_body_bytes = 1 << 20;
    let e = http::post(&base, vec![], "text/plain", &o, false).unwrap_err();
    assert_eq!(e.status(), Status::HttpTooLarge, "{}", e.message());
    // Undeclared length (ends at close): cut at the limit.
    let (base, _) = serve(1, |s, _| {
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
        let chunk = [b'x'; 65536];
        for _ in 0..64 {
            if s.write_all(&chunk).is_err() {
                return;
            }
        }
    });
    let e = http::post(&base, vec![], "text/plain", &o, false).unwrap_err();
    assert_eq!(e.status(), Status::HttpTooLarge, "{}", e.message());
}

#[test]
fn tls_to_a_plain_server_is_http_tls() {
    // A plain-HTTP server that answers the ClientHello with HTTP text.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("https://{}/", listener.local_addr().unwrap());
    thread::spawn(move || {
        if let Ok((mut s, _)) = listener.accept() {
            let _ = s.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            thread::sleep(Duration::from_millis(500));
        }
    });
    let e = http::probe(&url, &direct(5000)).unwrap_err();
    assert_eq!(e.status(), Status::HttpTls, "{}", e.message());
}

#[test]
fn unresolvable_host_is_http_dns() {
    // A 64-character label cannot be put in a DNS query: the resolver fails
    // locally, so this test sends nothing off the machine.
    let url = format!("http://{}.invalid/", "x".repeat(64));
    let e = http::probe(&url, &direct(5000)).unwrap_err();
    assert_eq!(e.status(), Status::HttpDns, "{}", e.message());
}

#[test]
fn probe_reports_any_answer_as_reachable() {
    let (base, _) = serve(1, |s, _| {
        respond(s, "405 Method Not Allowed", "text/plain", b"")
    });
    let p = http::probe(&base, &direct(5000)).unwrap();
    assert_eq!(p.status, 405);
    assert!(p.elapsed < Duration::from_secs(5));
}

#[test]
fn explicit_proxy_carries_the_request_and_credentials() {
    let (proxy, seen) = serve(1, |s, _| respond(s, "200 OK", "text/plain", b"via proxy"));
    let mut o = direct(5000);
    o.proxy = ProxyMode::Explicit {
        url: proxy,
        username: Some("erp".into()),
        password: Some("pw".into()),
    };
    let r = http::post(
        "http://smartbill.test/xMain/x.aspx",
        b"a=1".to_vec(),
        "text/plain",
        &o,
        false,
    )
    .unwrap();
    assert_eq!(r.text().unwrap(), "via proxy");
    let req = seen.recv_timeout(Duration::from_secs(5)).unwrap();
    // A forward proxy gets the absolute URL.
    assert_eq!(
        req.request_line,
        "POST http://smartbill.test/xMain/x.aspx HTTP/1.1"
    );
    assert_eq!(req.header("proxy-authorization"), Some("Basic ZXJwOnB3"));
}

#[test]
fn proxy_failures_are_http_proxy() {
    let mut o = direct(3000);
    o.proxy = ProxyMode::Explicit {
        url: refused_address(),
        username: None,
        password: None,
    };
    let e = http::probe("http://smartbill.test/", &o).unwrap_err();
    assert_eq!(e.status(), Status::HttpProxy, "{}", e.message());
    let (proxy, _) = serve(1, |s, _| {
        respond(s, "407 Proxy Authentication Required", "text/plain", b"")
    });
    o.proxy = ProxyMode::Explicit {
        url: proxy,
        username: None,
        password: None,
    };
    let e = http::probe("http://smartbill.test/", &o).unwrap_err();
    assert_eq!(e.status(), Status::HttpProxy, "{}", e.message());
}

#[test]
fn messages_never_show_path_or_query() {
    let url = format!("{}/callback?token=SECRET-TOKEN", refused_address());
    let e = http::post(
        &url,
        b"AUTH_TOKEN=SECRET-BODY".to_vec(),
        "text/plain",
        &direct(3000),
        false,
    )
    .unwrap_err();
    assert!(!e.message().contains("SECRET"), "{}", e.message());
    assert!(!e.message().contains("/callback"), "{}", e.message());
}

#[test]
fn bad_urls_are_invalid_arguments() {
    for url in ["", "not a url", "ftp://x/", "http://"] {
        let e = http::probe(url, &direct(1000)).unwrap_err();
        assert_eq!(e.status(), Status::InvalidArgument, "{url}");
    }
}

#[test]
fn blocking_http_inside_an_async_runtime_is_a_clear_error() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let e = rt
        .block_on(async { http::probe("http://127.0.0.1:9/", &direct(1000)) })
        .unwrap_err();
    assert_eq!(e.status(), Status::Internal);
    assert!(e.message().contains("async"), "{}", e.message());
}

/// A server that answers every connection with a redirect to `location`.
fn redirecting(connections: usize, status: &'static str, location: String) -> String {
    serve(connections, move |s, _| {
        let head = format!(
            "HTTP/1.1 {status}\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        let _ = s.write_all(head.as_bytes());
    })
    .0
}

fn port_of(url: &str) -> String {
    url.rsplit(':')
        .next()
        .unwrap()
        .trim_end_matches('/')
        .to_string()
}

#[test]
fn after_a_redirect_a_refusal_names_the_host_redirected_to() {
    let refused = refused_address();
    let first = redirecting(1, "302 Found", format!("{refused}/next?token=SECRET"));
    let e = http::post(&first, b"a=1".to_vec(), "text/plain", &direct(5000), true).unwrap_err();
    assert_eq!(e.status(), Status::HttpConnect, "{}", e.message());
    assert!(e.message().contains(&refused), "{}", e.message());
    assert!(
        !e.message().contains(&port_of(&first)),
        "the first host answered: {}",
        e.message()
    );
    assert!(!e.message().contains("SECRET"), "{}", e.message());
}

#[test]
fn after_a_redirect_a_timeout_names_the_host_redirected_to() {
    let (silent, _) = serve(1, |_, _| thread::sleep(Duration::from_secs(4)));
    let first = redirecting(1, "307 Temporary Redirect", format!("{silent}/slow"));
    let started = Instant::now();
    let e = http::post(&first, b"a=1".to_vec(), "text/plain", &direct(1000), true).unwrap_err();
    assert_eq!(e.status(), Status::HttpTimeout, "{}", e.message());
    assert!(e.message().contains(&silent), "{}", e.message());
    assert!(!e.message().contains(&port_of(&first)), "{}", e.message());
    // The timeout bounds the whole exchange, redirects included (generous bound).
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn after_a_redirect_a_failing_status_names_the_host_that_answered() {
    let (last, _) = serve(1, |s, _| {
        respond(s, "500 Internal Server Error", "text/plain", b"")
    });
    let first = redirecting(1, "303 See Other", format!("{last}/done"));
    let mut strict = direct(5000);
    strict.fail_on_status = true;
    let e = http::post(&first, vec![], "text/plain", &strict, true).unwrap_err();
    assert_eq!(e.status(), Status::HttpStatus, "{}", e.message());
    assert!(e.message().contains(&last), "{}", e.message());
}

#[test]
fn redirects_continue_as_a_browser_would() {
    // 301, 302 and 303 continue as a GET without the body; 307 and 308 repeat the POST.
    for (status, method, body) in [
        ("301 Moved Permanently", "GET", &b""[..]),
        ("302 Found", "GET", b""),
        ("303 See Other", "GET", b""),
        ("307 Temporary Redirect", "POST", b"a=1"),
        ("308 Permanent Redirect", "POST", b"a=1"),
    ] {
        let (last, seen) = serve(1, |s, _| respond(s, "200 OK", "text/plain", b"landed"));
        let first = redirecting(1, status, format!("{last}/landing"));
        let r = http::post(&first, b"a=1".to_vec(), "text/plain", &direct(5000), true).unwrap();
        assert_eq!(
            (r.status, r.text().unwrap().as_str()),
            (200, "landed"),
            "{status}"
        );
        let req = seen.recv_timeout(Duration::from_secs(5)).unwrap();
        assert_eq!(
            req.request_line,
            format!("{method} /landing HTTP/1.1"),
            "{status}"
        );
        assert_eq!(req.body, body, "{status}");
        assert_eq!(
            req.header("content-type").is_some(),
            method == "POST",
            "{status}"
        );
    }
}

#[test]
fn redirects_are_not_followed_unless_asked_and_are_bounded() {
    let first = redirecting(1, "302 Found", "/elsewhere".into());
    let r = http::post(&first, vec![], "text/plain", &direct(5000), false).unwrap();
    assert_eq!(r.status, 302);
    // A server that redirects to itself forever: stopped after MAX_REDIRECTS.
    let (looping, seen) = serve(http::MAX_REDIRECTS + 1, |s, _| {
        let _ = s.write_all(
            b"HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
    });
    let e = http::post(&looping, vec![], "text/plain", &direct(5000), true).unwrap_err();
    assert_eq!(e.status(), Status::HttpProtocol, "{}", e.message());
    assert!(e.message().contains("more than 5"), "{}", e.message());
    for _ in 0..=http::MAX_REDIRECTS {
        seen.recv_timeout(Duration::from_secs(5)).unwrap();
    }
    // A redirect away from http(s) is refused, naming the host that sent it.
    let first = redirecting(1, "302 Found", "ftp://files.example/x".into());
    let e = http::post(&first, vec![], "text/plain", &direct(5000), true).unwrap_err();
    assert_eq!(e.status(), Status::HttpProtocol, "{}", e.message());
    assert!(e.message().contains(&first), "{}", e.message());
}

#[test]
fn a_proxy_that_is_not_listening_is_named() {
    let proxy = refused_address();
    let mut o = direct(3000);
    o.proxy = ProxyMode::Explicit {
        url: proxy.clone(),
        username: None,
        password: None,
    };
    for target in ["http://smartbill.test/x", "https://smartbill.test/x"] {
        let e = http::probe(target, &o).unwrap_err();
        assert_eq!(e.status(), Status::HttpProxy, "{target}: {}", e.message());
        assert!(
            e.message().starts_with(&format!("proxy {proxy}")),
            "{target}: {}",
            e.message()
        );
        assert!(e.message().contains("smartbill.test"), "{}", e.message());
    }
}

#[test]
fn a_proxy_that_refuses_a_tunnel_is_named() {
    // An https target goes through CONNECT; the proxy says no (403), or
    // wants credentials (407).
    for answer in ["403 Forbidden", "407 Proxy Authentication Required"] {
        let (proxy, seen) = serve(1, move |s, _| respond(s, answer, "text/plain", b""));
        let mut o = direct(5000);
        o.proxy = ProxyMode::Explicit {
            url: proxy.clone(),
            username: None,
            password: None,
        };
        let e = http::probe("https://smartbill.test/health", &o).unwrap_err();
        assert_eq!(e.status(), Status::HttpProxy, "{answer}: {}", e.message());
        assert!(e.message().contains(&proxy), "{}", e.message());
        let req = seen.recv_timeout(Duration::from_secs(5)).unwrap();
        assert_eq!(req.request_line, "CONNECT smartbill.test:443 HTTP/1.1");
    }
}

#[test]
fn a_refused_target_without_a_proxy_is_never_blamed_on_one() {
    let target = refused_address();
    let e = http::probe(&target, &direct(3000)).unwrap_err();
    assert_eq!(e.status(), Status::HttpConnect, "{}", e.message());
    assert!(!e.message().contains("proxy"), "{}", e.message());
}
