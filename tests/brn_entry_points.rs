//! Every business-number vector through every entry point of the C ABI:
//! one number (check, normalize, format, kind), the separated batch, the
//! fixed-width records and the array batch must all give the same status.

mod common;
use common::{input_bytes, str_field, vectors};
use smartbill_signup::*;
use std::ffi::{c_char, CStr};

fn name(status: i32) -> &'static str {
    // SAFETY: smartbill_status_name returns a static NUL-terminated string.
    unsafe { CStr::from_ptr(smartbill_status_name(status)) }
        .to_str()
        .unwrap()
}

fn ptr(bytes: &[u8]) -> *const c_char {
    bytes.as_ptr().cast()
}

/// The status of `input` through each single-number export; all must agree.
fn single(input: &[u8]) -> &'static str {
    let mut buf = [0 as c_char; 32];
    let mut len = 0usize;
    let n = input.len() as isize;
    // SAFETY: valid pointers and lengths.
    let statuses = unsafe {
        [
            smartbill_brn_check(ptr(input), n),
            smartbill_brn_normalize(ptr(input), n, buf.as_mut_ptr(), buf.len(), &mut len),
            smartbill_brn_format(ptr(input), n, buf.as_mut_ptr(), buf.len(), &mut len),
            smartbill_brn_kind(ptr(input), n, buf.as_mut_ptr(), buf.len(), &mut len),
        ]
    };
    assert!(
        statuses.iter().all(|&s| s == statuses[0]),
        "{:?}: {statuses:?}",
        String::from_utf8_lossy(input)
    );
    name(statuses[0])
}

fn many(data: &[u8], separator: u8) -> Vec<&'static str> {
    let mut count = 0usize;
    let mut statuses = vec![-1i32; data.len() + 1];
    // SAFETY: valid pointers; `statuses` holds more slots than items.
    let st = unsafe {
        smartbill_brn_check_many(
            ptr(data),
            data.len() as isize,
            separator,
            statuses.as_mut_ptr(),
            statuses.len(),
            &mut count,
        )
    };
    assert_eq!(name(st), "OK");
    statuses[..count].iter().map(|&s| name(s)).collect()
}

fn array(items: &[&[u8]]) -> Vec<&'static str> {
    let pointers: Vec<*const c_char> = items.iter().map(|i| ptr(i)).collect();
    let lengths: Vec<isize> = items.iter().map(|i| i.len() as isize).collect();
    let mut statuses = vec![-1i32; items.len()];
    // SAFETY: `items.len()` pointers, lengths and slots.
    let st = unsafe {
        smartbill_brn_check_array(
            pointers.as_ptr(),
            lengths.as_ptr(),
            items.len(),
            statuses.as_mut_ptr(),
        )
    };
    assert_eq!(name(st), "OK");
    statuses.iter().map(|&s| name(s)).collect()
}

fn records(data: &[u8], width: usize) -> Vec<&'static str> {
    let count = data.len().checked_div(width).unwrap_or(0);
    let mut statuses = vec![-1i32; count];
    // SAFETY: `data` holds width * count bytes, `statuses` count slots.
    let st = unsafe { smartbill_brn_check_records(ptr(data), width, count, statuses.as_mut_ptr()) };
    assert_eq!(name(st), "OK");
    statuses.iter().map(|&s| name(s)).collect()
}

#[test]
fn every_case_gives_one_status_through_every_entry_point() {
    let v = vectors("brn.json");
    let cases = v["cases"].as_array().unwrap();
    let inputs: Vec<Vec<u8>> = cases.iter().map(input_bytes).collect();
    for (case, input) in cases.iter().zip(&inputs) {
        let expected = str_field(case, "status");
        assert_eq!(single(input), expected, "{case}");
        // Alone in a batch, with any separator the item does not hold.
        for sep in [b'\n', 0x1f, b'|', 0] {
            if !input.contains(&sep) {
                let mut data = input.clone();
                data.push(sep);
                assert_eq!(many(&data, sep), [expected], "{case} sep {sep:#x}");
            }
        }
        assert_eq!(array(&[input]), [expected], "{case}");
        // As a record of its own width, and padded with spaces (COBOL).
        if !input.is_empty() {
            assert_eq!(records(input, input.len()), [expected], "{case}");
        }
        let mut padded = input.clone();
        padded.resize(input.len() + 7, b' ');
        assert_eq!(records(&padded, padded.len()), [expected], "{case} padded");
    }
    // All cases in one batch, in one table of records.
    for sep in [0x1fu8, 0] {
        let usable: Vec<&Vec<u8>> = inputs.iter().filter(|i| !i.contains(&sep)).collect();
        let data = usable
            .iter()
            .map(|i| i.as_slice())
            .collect::<Vec<_>>()
            .join(&sep);
        let mut data = data;
        data.push(sep);
        let expected: Vec<&str> = usable.iter().map(|i| single(i)).collect();
        assert_eq!(many(&data, sep), expected);
    }
    let all: Vec<&[u8]> = inputs.iter().map(Vec::as_slice).collect();
    let expected: Vec<&str> = inputs.iter().map(|i| single(i)).collect();
    assert_eq!(array(&all), expected);
    let width = inputs.iter().map(Vec::len).max().unwrap();
    let table: Vec<u8> = inputs
        .iter()
        .flat_map(|i| {
            let mut r = i.clone();
            r.resize(width, b' ');
            r
        })
        .collect();
    let expected: Vec<&str> = inputs.iter().map(|i| single(i)).collect();
    assert_eq!(records(&table, width), expected);
}

#[test]
fn batch_and_record_vectors_through_the_c_abi() {
    let v = vectors("brn.json");
    let list = |case: &serde_json::Value| -> Vec<String> {
        case["statuses"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    for case in v["batch"].as_array().unwrap() {
        let data = str_field(case, "data").as_bytes();
        let sep = str_field(case, "separator").as_bytes()[0];
        assert_eq!(many(data, sep), list(case), "{case}");
    }
    for case in v["records"].as_array().unwrap() {
        let data = str_field(case, "data").as_bytes();
        let width = case["width"].as_u64().unwrap() as usize;
        assert_eq!(records(data, width), list(case), "{case}");
    }
    for case in v["array"].as_array().unwrap() {
        let items: Vec<Vec<u8>> = case["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(input_bytes)
            .collect();
        let items: Vec<&[u8]> = items.iter().map(Vec::as_slice).collect();
        assert_eq!(array(&items), list(case), "{case}");
        for item in &items {
            assert_eq!(array(&[item]), [single(item)], "{case}");
        }
    }
}

fn last_error() -> (i32, String, String) {
    let mut buf = vec![0 as c_char; 4096];
    let mut len = 0usize;
    // SAFETY: valid buffers.
    unsafe {
        assert_eq!(
            smartbill_last_error(buf.as_mut_ptr(), buf.len(), &mut len),
            0
        );
        let message = String::from_utf8(buf[..len].iter().map(|&c| c as u8).collect()).unwrap();
        assert_eq!(
            smartbill_last_error_field(buf.as_mut_ptr(), buf.len(), &mut len),
            0
        );
        let field = String::from_utf8(buf[..len].iter().map(|&c| c as u8).collect()).unwrap();
        (smartbill_last_error_status(), message, field)
    }
}

#[test]
fn a_refused_number_keeps_the_message_the_rust_api_gives() {
    // The C ABI writes the message only when it is read; it must be the
    // same text, status and field as the Rust API's.
    let v = vectors("brn.json");
    for case in v["cases"].as_array().unwrap() {
        let input = input_bytes(case);
        let Err(expected) = smartbill_signup_core::brn::validate_bytes(&input) else {
            continue;
        };
        let mut buf = [0 as c_char; 32];
        let mut len = 0usize;
        let n = input.len() as isize;
        // SAFETY: valid pointers and lengths.
        let statuses = unsafe {
            [
                smartbill_brn_check(ptr(&input), n),
                smartbill_brn_normalize(ptr(&input), n, buf.as_mut_ptr(), buf.len(), &mut len),
            ]
        };
        for status in statuses {
            assert_eq!(status, expected.status().code());
        }
        let (status, message, field) = last_error();
        assert_eq!(status, expected.status().code(), "{case}");
        assert_eq!(message, expected.message(), "{case}");
        assert_eq!(field, expected.field().unwrap_or(""), "{case}");
        // Reading twice gives the same; a later success does not clear it.
        // SAFETY: a NUL-terminated literal, read as such (length -1).
        let status = unsafe { smartbill_brn_check(c"1248100998".as_ptr(), -1) };
        assert_eq!(status, 0);
        assert_eq!(last_error().1, expected.message());
    }
}
