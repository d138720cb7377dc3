//! Generated-input tests through the C ABI itself: every export, on any
//! bytes and any text (UTF-8 and CP949), returns one of its documented
//! statuses and never INTERNAL; the business-number entry points (one
//! number, separated batch, fixed-width records, array) agree on every
//! input; after any failure the last error reads back in both charsets.
//! Network calls are not made here (tests/c and tests/http_network.rs).

use encoding_rs::EUC_KR;
use proptest::prelude::*;
use smartbill_signup::*;
use std::ffi::{c_char, CStr};
use std::ptr;

fn config(cases: u32) -> ProptestConfig {
    let mut config = ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    config
}

fn name(status: i32) -> &'static str {
    // SAFETY: a static NUL-terminated string.
    unsafe { CStr::from_ptr(smartbill_status_name(status)) }
        .to_str()
        .unwrap()
}

fn p(bytes: &[u8]) -> *const c_char {
    bytes.as_ptr().cast()
}

fn len(bytes: &[u8]) -> isize {
    bytes.len() as isize
}

/// Fails the case unless `status` is one of `allowed`; after a failure the
/// last error must read back (UTF-8 and CP949, padded) and carry it.
fn allowed(status: i32, allowed: &[&str], what: &str) -> Result<(), TestCaseError> {
    let got = name(status);
    prop_assert!(
        allowed.contains(&got),
        "{} returned {}: {}",
        what,
        got,
        last_error_text()
    );
    if status != 0 {
        prop_assert_eq!(smartbill_last_error_status(), status, "{}", what);
        let mut buf = vec![0 as c_char; 8192];
        let mut out = 0usize;
        for flags in [
            0,
            SMARTBILL_TEXT_CP949,
            SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD,
        ] {
            // SAFETY: a valid buffer.
            let st =
                unsafe { smartbill_last_error_into(flags, buf.as_mut_ptr(), buf.len(), &mut out) };
            prop_assert_eq!(
                name(st),
                "OK",
                "{} reading its error with flags {}",
                what,
                flags
            );
        }
        prop_assert!(out > 0, "{} has a message", what);
    }
    Ok(())
}

fn last_error_text() -> String {
    let mut buf = vec![0 as c_char; 8192];
    let mut out = 0usize;
    // SAFETY: a valid buffer.
    unsafe { smartbill_last_error(buf.as_mut_ptr(), buf.len(), &mut out) };
    String::from_utf8_lossy(&buf[..out].iter().map(|&c| c as u8).collect::<Vec<u8>>()).into_owned()
}

/// Any bytes; any text as UTF-8; text CP949 holds, as CP949.
fn any_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..40),
        any::<String>().prop_map(String::into_bytes),
        any::<String>().prop_map(|s| EUC_KR.encode(&s).0.into_owned()),
        prop::sample::select(vec![
            "124-81-00998",
            " 1248100998\u{b}",
            "\u{3000}124 81 00998",
            "3·1",
            "25°C",
            "ß9",
            "Жa",
            "",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
    ]
}

const BRN: &[&str] = &[
    "OK",
    "BRN_FORMAT",
    "BRN_LENGTH",
    "BRN_COMPONENT",
    "BRN_CHECKSUM",
];

fn single(input: &[u8]) -> Result<i32, TestCaseError> {
    let mut buf = [0 as c_char; 32];
    let mut out = 0usize;
    // SAFETY: valid pointers and lengths.
    let statuses = unsafe {
        [
            smartbill_brn_check(p(input), len(input)),
            smartbill_brn_normalize(p(input), len(input), buf.as_mut_ptr(), buf.len(), &mut out),
            smartbill_brn_format(p(input), len(input), buf.as_mut_ptr(), buf.len(), &mut out),
            smartbill_brn_kind(p(input), len(input), buf.as_mut_ptr(), buf.len(), &mut out),
        ]
    };
    for st in statuses {
        prop_assert_eq!(st, statuses[0]);
    }
    allowed(statuses[0], BRN, "smartbill_brn_check")?;
    Ok(statuses[0])
}

proptest! {
    #![proptest_config(config(500))]

    #[test]
    fn business_number_entry_points_agree(items in prop::collection::vec(any_input(), 0..6)) {
        let singles: Vec<i32> = items.iter().map(|i| single(i)).collect::<Result<_, _>>()?;

        // The array.
        let pointers: Vec<*const c_char> = items.iter().map(|i| p(i)).collect();
        let lengths: Vec<isize> = items.iter().map(|i| len(i)).collect();
        let mut statuses = vec![-1i32; items.len()];
        // SAFETY: one pointer, length and slot per item.
        let st = unsafe { smartbill_brn_check_array(pointers.as_ptr(), lengths.as_ptr(), items.len(), statuses.as_mut_ptr()) };
        allowed(st, &["OK"], "smartbill_brn_check_array")?;
        prop_assert_eq!(&statuses, &singles);

        // The separated batch, with a separator no item holds.
        if let Some(sep) = [0x1fu8, 0, b'\n', b'|'].into_iter().find(|s| items.iter().all(|i| !i.contains(s))) {
            let mut data = Vec::new();
            for item in &items {
                data.extend_from_slice(item);
                data.push(sep);
            }
            let mut count = 0usize;
            let mut statuses = vec![-1i32; items.len()];
            // SAFETY: valid pointers; a slot per item.
            let st = unsafe { smartbill_brn_check_many(p(&data), len(&data), sep, statuses.as_mut_ptr(), statuses.len(), &mut count) };
            allowed(st, &["OK"], "smartbill_brn_check_many")?;
            prop_assert_eq!(count, items.len());
            prop_assert_eq!(&statuses, &singles);
        }

        // Fixed-width records, space padded.
        let width = items.iter().map(Vec::len).max().unwrap_or(0) + 2;
        let mut table = Vec::new();
        for item in &items {
            table.extend_from_slice(item);
            table.resize(table.len() + width - item.len(), b' ');
        }
        let mut statuses = vec![-1i32; items.len()];
        // SAFETY: width * count bytes, count slots.
        let st = unsafe { smartbill_brn_check_records(p(&table), width, items.len(), statuses.as_mut_ptr()) };
        allowed(st, &["OK"], "smartbill_brn_check_records")?;
        prop_assert_eq!(&statuses, &singles);
    }

    #[test]
    fn form_calls_return_documented_statuses(
        environment in prop_oneof![
            3 => Just(b"demo".to_vec()),
            1 => prop::sample::select(vec!["production", " Demo\u{b}", "http://127.0.0.1:1/x", "https://gw.example.com/sb", "ftp://x", "http://u:p@h/"]).prop_map(|s| s.as_bytes().to_vec()),
            1 => any_input(),
        ],
        steps in prop::collection::vec(step(), 0..12),
        cap in prop_oneof![Just(0usize), Just(16usize), Just(1 << 16)],
    ) {
        let mut form: *mut SmartbillForm = ptr::null_mut();
        // SAFETY: valid pointers.
        let st = unsafe { smartbill_form_new(p(&environment), len(&environment), &mut form) };
        allowed(st, &["OK", "INVALID_ARGUMENT", "INVALID_TEXT"], "smartbill_form_new")?;
        if st != 0 {
            prop_assert!(form.is_null());
            return Ok(());
        }
        for (option, name, value) in &steps {
            if *option {
                // SAFETY: a live form; `name` and `value` are Rust strings
                // passed with their lengths.
                let st = unsafe { smartbill_form_set_option(form, p(name), len(name), p(value), len(value)) };
                allowed(st, &["OK", "INVALID_ARGUMENT", "INVALID_TEXT"], "smartbill_form_set_option")?;
            } else {
                // SAFETY: as for `smartbill_form_set_option` above.
                let st = unsafe { smartbill_form_set(form, p(name), len(name), p(value), len(value)) };
                allowed(st, &["OK", "INVALID_ARGUMENT", "INVALID_TEXT", "FIELD_UNENCODABLE"], "smartbill_form_set")?;
            }
        }
        let checks = ["OK", "FIELD_REQUIRED", "FIELD_TOO_LONG", "FIELD_FORMAT", "FIELD_UNENCODABLE", "INVALID_ARGUMENT", "INVALID_TEXT"];
        let mut buf = vec![0 as c_char; cap];
        let mut out = 0usize;
        // SAFETY: a live form, a buffer of `cap` bytes.
        let (validate, html, body) = unsafe {
            (
                smartbill_form_validate(form),
                smartbill_form_html(form, buf.as_mut_ptr(), cap, &mut out),
                smartbill_form_urlencoded(form, buf.as_mut_ptr(), cap, &mut out),
            )
        };
        allowed(validate, &checks, "smartbill_form_validate")?;
        let with_small = [&checks[..], &["BUFFER_TOO_SMALL"]].concat();
        allowed(html, &with_small, "smartbill_form_html")?;
        allowed(body, &with_small, "smartbill_form_urlencoded")?;
        if validate != 0 {
            prop_assert_eq!(html, validate);
            prop_assert_eq!(body, validate);
        }
        for option in [&b"input_charset"[..], b"output_charset", b"auto_submit", b"target", b"brn_check"] {
            let mut value = [0 as c_char; 80];
            // SAFETY: a live form, valid buffers.
            let st = unsafe { smartbill_form_option(form, p(option), len(option), value.as_mut_ptr(), value.len(), &mut out) };
            allowed(st, &["OK"], "smartbill_form_option")?;
        }
        // SAFETY: a buffer of 256 bytes.
        let st = unsafe { smartbill_form_action_url(form, buf.as_mut_ptr(), cap, &mut out) };
        allowed(st, &["OK", "BUFFER_TOO_SMALL"], "smartbill_form_action_url")?;
        // SAFETY: made by smartbill_form_new.
        unsafe { smartbill_form_free(form) };
    }

    #[test]
    fn callback_calls_return_documented_statuses(
        body in callback_body(),
        keys in prop::collection::vec(any_input(), 0..6),
        flags in prop::sample::select(vec![0u32, SMARTBILL_TEXT_CP949, SMARTBILL_TEXT_PAD, SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD, 8]),
        cap in prop_oneof![Just(0usize), Just(8usize), Just(4096)],
    ) {
        let mut cb: *mut SmartbillCallback = ptr::null_mut();
        // SAFETY: valid pointers.
        let st = unsafe { smartbill_callback_parse(p(&body), len(&body), 0, &mut cb) };
        allowed(st, &["OK", "CALLBACK_JSON", "CALLBACK_SHAPE", "CALLBACK_MISSING", "CALLBACK_TOO_LARGE", "INVALID_TEXT"], "smartbill_callback_parse")?;
        if st != 0 {
            prop_assert!(cb.is_null());
            return Ok(());
        }
        let mut buf = vec![0 as c_char; cap];
        let mut out = 0usize;
        let known = ["USER_SBID", "auth_token", " COM_NAME\u{b}", "SBID", "Email", "regYN", "pID", "X"];
        let all_keys = keys.iter().map(Vec::as_slice).chain(known.iter().map(|k| k.as_bytes()));
        for key in all_keys {
            let mut present = -1;
            // SAFETY: a live callback, valid text and buffers.
            let (get, has) = unsafe {
                (
                    smartbill_callback_get(cb, p(key), len(key), flags, buf.as_mut_ptr(), cap, &mut out),
                    smartbill_callback_has(cb, p(key), len(key), flags, &mut present),
                )
            };
            allowed(get, &["OK", "INVALID_ARGUMENT", "INVALID_TEXT", "UNENCODABLE", "BUFFER_TOO_SMALL"], "smartbill_callback_get")?;
            allowed(has, &["OK", "INVALID_ARGUMENT", "INVALID_TEXT"], "smartbill_callback_has")?;
        }
        let mut count = 0usize;
        let mut valid = -1;
        // SAFETY: a live callback.
        unsafe {
            allowed(smartbill_callback_key_count(cb, &mut count), &["OK"], "key_count")?;
            allowed(smartbill_callback_com_regno_valid(cb, &mut valid), &["OK"], "com_regno_valid")?;
        }
        for index in 0..=count {
            // SAFETY: a live callback, a buffer of `cap` bytes.
            let st = unsafe { smartbill_callback_key_name(cb, index, flags, buf.as_mut_ptr(), cap, &mut out) };
            let expected: &[&str] = if index == count || flags == 8 {
                &["INVALID_ARGUMENT"]
            } else {
                &["OK", "UNENCODABLE", "BUFFER_TOO_SMALL"]
            };
            allowed(st, expected, "smartbill_callback_key_name")?;
        }
        // SAFETY: made by smartbill_callback_parse.
        unsafe { smartbill_callback_free(cb) };
    }

    #[test]
    fn other_calls_return_documented_statuses(
        environment in any_input(),
        ip in any_input(),
        extra in any_input(),
        option in prop_oneof![prop::sample::select(vec!["proxy", "proxy_username", "fail_on_status", "max_body_bytes", "colour"]).prop_map(|s| s.as_bytes().to_vec()), any_input()],
        value in any_input(),
        status in any::<i32>(),
        flags in any::<u32>(),
        cap in 0usize..40,
    ) {
        let mut allowed_flag = -1;
        // SAFETY: valid text and pointers.
        let st = unsafe { smartbill_callback_source_allowed(p(&environment), len(&environment), p(&ip), len(&ip), p(&extra), len(&extra), &mut allowed_flag) };
        allowed(st, &["OK", "INVALID_ARGUMENT", "INVALID_TEXT"], "smartbill_callback_source_allowed")?;
        let mut options: *mut SmartbillHttpOptions = ptr::null_mut();
        // SAFETY: valid pointers; a live options handle.
        unsafe {
            allowed(smartbill_http_options_new(&mut options), &["OK"], "options_new")?;
            let st = smartbill_http_options_set(options, p(&option), len(&option), p(&value), len(&value));
            allowed(st, &["OK", "INVALID_ARGUMENT", "INVALID_TEXT"], "smartbill_http_options_set")?;
            smartbill_http_options_free(options);
        }
        let mut buf = vec![0 as c_char; cap];
        let mut out = 0usize;
        // SAFETY: a buffer of `cap` bytes.
        let st = unsafe { smartbill_status_name_into(status, flags, buf.as_mut_ptr(), cap, &mut out) };
        prop_assert!(["OK", "BUFFER_TOO_SMALL", "INVALID_ARGUMENT"].contains(&name(st)), "{}", name(st));
    }
}

/// A form step: (is an option, name, value), names mostly real ones.
fn step() -> impl Strategy<Value = (bool, Vec<u8>, Vec<u8>)> {
    let field = prop::sample::select(vec![
        "pComRegNo",
        "pComName",
        "pComAddress",
        "pZipCode",
        "pMIGRATIONFLAG",
        "pMemTel",
        "pMemEmail",
        "pMasterYN",
        "pID",
        " pComName\u{b}",
        "pcomname",
        "pNoSuch",
    ]);
    let option = prop::sample::select(vec![
        ("input_charset", "euc-kr"),
        ("input_charset", "utf-8"),
        ("output_charset", "euc-kr"),
        ("page_charset", "utf-8"),
        ("auto_submit", "no"),
        ("target", "_self"),
        ("target", "_x"),
        ("brn_check", "digits"),
        ("colour", "red"),
    ]);
    prop_oneof![
        4 => (field.prop_map(|f| f.as_bytes().to_vec()), any_input()).prop_map(|(n, v)| (false, n, v)),
        1 => (any_input(), any_input()).prop_map(|(n, v)| (false, n, v)),
        1 => option.prop_map(|(n, v)| (true, n.as_bytes().to_vec(), v.as_bytes().to_vec())),
        1 => (any_input(), any_input()).prop_map(|(n, v)| (true, n, v)),
    ]
}

/// Callback bodies: valid ones with any values, and any bytes.
fn callback_body() -> impl Strategy<Value = Vec<u8>> {
    let values = prop::collection::vec(
        (
            prop::sample::select(vec![
                "COM_NAME",
                "USER_NAME",
                "X_KEY",
                "x_key",
                "Email",
                "키·1",
            ]),
            any::<String>(),
        ),
        0..4,
    );
    prop_oneof![
        3 => values.prop_map(|extra| {
            let mut map = serde_json::Map::new();
            for (k, v) in [("USER_SBID", "test1"), ("COM_REGNO", "1248100998"), ("AUTH_CODE", "C0DE"), ("AUTH_TOKEN", "T0KEN")] {
                map.insert(k.to_string(), serde_json::Value::String(v.to_string()));
            }
            for (k, v) in extra {
                map.insert(k.to_string(), serde_json::Value::String(v));
            }
            serde_json::to_vec(&map).unwrap()
        }),
        1 => any_input(),
    ]
}
