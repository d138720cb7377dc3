//! The shared HTTP vectors through the C ABI, in English and in Korean:
//! a refused connection and a refused URL, with their messages.

mod common;
use common::{str_field, vectors};
use serde_json::Value;
use smartbill_signup::*;
use smartbill_signup_core::status::Status;
use std::ffi::{c_char, CStr};

/// A port on 127.0.0.1 that nothing listens on.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

fn last_error(read: unsafe extern "C" fn(*mut c_char, usize, *mut usize) -> i32) -> String {
    let mut buf = vec![0 as c_char; 2048];
    let mut len = 0usize;
    // SAFETY: a valid buffer and out pointer.
    unsafe { read(buf.as_mut_ptr(), buf.len(), &mut len) };
    String::from_utf8(buf[..len].iter().map(|&c| c as u8).collect()).unwrap()
}

/// Runs a probe_url case on this thread: (status name, field, message).
fn probe(case: &Value, port: u16) -> (String, String, String) {
    let url = str_field(case, "url").replace("{closed_port}", &port.to_string());
    let mut options: *mut SmartbillHttpOptions = std::ptr::null_mut();
    let proxy = str_field(case, "proxy");
    // SAFETY: valid pointers; the options are freed below.
    let status = unsafe {
        assert_eq!(smartbill_http_options_new(&mut options), Status::Ok.code());
        let st = smartbill_http_options_set(
            options,
            c"proxy".as_ptr(),
            -1,
            proxy.as_ptr().cast(),
            proxy.len() as isize,
        );
        assert_eq!(st, Status::Ok.code());
        let st = smartbill_http_probe_url(
            url.as_ptr().cast(),
            url.len() as isize,
            options,
            case["timeout_ms"].as_u64().unwrap() as u32,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
        );
        smartbill_http_options_free(options);
        st
    };
    // SAFETY: a static string.
    let name = unsafe { CStr::from_ptr(smartbill_status_name(status)) };
    (
        name.to_str().unwrap().to_string(),
        last_error(smartbill_last_error_field),
        last_error(smartbill_last_error),
    )
}

fn check_message(case: &Value, message: &str, exact: &str, prefix: &str, port: u16) {
    let note = str_field(case, "note");
    let with_port = |text: &str| text.replace("{closed_port}", &port.to_string());
    if let Some(want) = case.get(exact).and_then(Value::as_str) {
        assert_eq!(message, with_port(want), "{note}");
    }
    if let Some(want) = case.get(prefix).and_then(Value::as_str) {
        let want = with_port(want);
        assert!(
            message.starts_with(&want),
            "{note}: {message:?} does not start with {want:?}"
        );
        assert!(
            message.len() > want.len(),
            "{note}: no cause after {want:?}"
        );
    }
}

#[test]
fn every_probe_url_case_matches_in_both_languages() {
    let v = vectors("http.json");
    let cases = v["probe_url"].as_array().unwrap().clone();
    assert!(cases.len() >= 2);
    // A thread of its own: its language changes.
    std::thread::spawn(move || {
        for case in &cases {
            let port = closed_port();
            let (status, field, message) = probe(case, port);
            assert_eq!(status, str_field(case, "status"), "{message}");
            assert_eq!(field, str_field(case, "field"));
            check_message(case, &message, "message", "message_starts_with", port);
            // SAFETY: a valid NUL-terminated string.
            assert_eq!(unsafe { smartbill_set_language(c"ko".as_ptr(), -1) }, 0);
            let (status, field, message) = probe(case, port);
            // SAFETY: as above; back to the default.
            assert_eq!(unsafe { smartbill_set_language(c"".as_ptr(), -1) }, 0);
            assert_eq!(status, str_field(case, "status"));
            assert_eq!(field, str_field(case, "field"));
            check_message(case, &message, "message_ko", "message_ko_starts_with", port);
        }
    })
    .join()
    .unwrap();
}
