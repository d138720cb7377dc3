//! Business numbers through every C ABI entry point: `smartbill_brn_check`,
//! `_normalize`, `_format`, `_kind`, `_check_many`, `_check_records`.
//!
//! Input: byte 0 is the batch separator, byte 1 picks the record width,
//! the rest is the data. The data and each of its items go through the
//! single-number functions; the data goes through both batch functions.
//!
//! Oracle: only documented statuses, never INTERNAL; every entry point
//! gives the answer of a short reference check (fuzz/src/brn_reference.rs)
//! for every item; outputs follow the buffer rules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smartbill_signup_core::status::Status;
use smartbill_signup_fuzz::{abi, brn_reference, documented, last_error, read_text, TextArg};

const BRN_STATUSES: [Status; 5] = [
    Status::Ok,
    Status::BrnFormat,
    Status::BrnLength,
    Status::BrnComponent,
    Status::BrnChecksum,
];

fn expected_status(item: &[u8]) -> Status {
    brn_reference::check(item).err().unwrap_or(Status::Ok)
}

/// One number through the four single-number functions, given with its
/// length and, when it holds no NUL, NUL-terminated.
fn check_single(item: &[u8]) {
    let reference = brn_reference::check(item);
    let expected = reference.err().unwrap_or(Status::Ok);
    for nul_terminated in [false, true] {
        if nul_terminated && item.contains(&0) {
            continue;
        }
        let arg = TextArg::new(item, nul_terminated);
        let got = documented(
            unsafe { abi::smartbill_brn_check(arg.ptr(), arg.len()) },
            &BRN_STATUSES,
            "smartbill_brn_check",
        );
        assert_eq!(got, expected, "smartbill_brn_check({item:?})");
        if got != Status::Ok {
            assert_eq!(abi::smartbill_last_error_status(), got.code());
            assert!(!last_error().is_empty(), "a failure without a message");
        }
    }

    let arg = TextArg::new(item, false);
    let outputs: [(
        &str,
        unsafe extern "C" fn(_, _, _, _, _) -> i32,
        Option<Vec<u8>>,
    ); 3] = [
        (
            "smartbill_brn_normalize",
            abi::smartbill_brn_normalize,
            reference.ok().map(|d| d.to_vec()),
        ),
        (
            "smartbill_brn_format",
            abi::smartbill_brn_format,
            reference.ok().map(|d| brn_reference::formatted(&d)),
        ),
        (
            "smartbill_brn_kind",
            abi::smartbill_brn_kind,
            reference
                .ok()
                .map(|d| brn_reference::kind(&d).as_bytes().to_vec()),
        ),
    ];
    for (name, function, want) in outputs {
        let (code, text) = read_text(false, |buf, cap, len| unsafe {
            function(arg.ptr(), arg.len(), buf, cap, len)
        });
        let got = documented(code, &BRN_STATUSES, name);
        assert_eq!(got, expected, "{name}({item:?})");
        if let Some(want) = want {
            assert_eq!(text, want, "{name}({item:?})");
        }
    }
}

fn check_many(data: &[u8], separator: u8) {
    let items = brn_reference::batch_items(data, separator);
    let arg = TextArg::new(data, false);
    let mut count = usize::MAX;
    let code = unsafe {
        abi::smartbill_brn_check_many(
            arg.ptr(),
            arg.len(),
            separator,
            std::ptr::null_mut(),
            0,
            &mut count,
        )
    };
    assert_eq!(count, items.len(), "smartbill_brn_check_many: count");
    let want_first = if items.is_empty() {
        Status::Ok
    } else {
        Status::BufferTooSmall
    };
    assert_eq!(
        documented(
            code,
            &[Status::Ok, Status::BufferTooSmall],
            "smartbill_brn_check_many"
        ),
        want_first
    );
    // One slot short: nothing written.
    if !items.is_empty() {
        let mut slots = vec![-7; items.len() - 1];
        let code = unsafe {
            abi::smartbill_brn_check_many(
                arg.ptr(),
                arg.len(),
                separator,
                slots.as_mut_ptr(),
                slots.len(),
                &mut count,
            )
        };
        assert_eq!(code, Status::BufferTooSmall.code());
        assert!(
            slots.iter().all(|&s| s == -7),
            "check_many wrote into a short array"
        );
    }
    // Enough slots, plus one that must stay untouched.
    let mut slots = vec![-7; items.len() + 1];
    let code = unsafe {
        abi::smartbill_brn_check_many(
            arg.ptr(),
            arg.len(),
            separator,
            slots.as_mut_ptr(),
            items.len(),
            &mut count,
        )
    };
    documented(code, &[Status::Ok], "smartbill_brn_check_many");
    assert_eq!(slots[items.len()], -7, "check_many wrote past its count");
    for (item, &slot) in items.iter().zip(&slots) {
        let got = documented(slot, &BRN_STATUSES, "smartbill_brn_check_many item");
        assert_eq!(
            got,
            expected_status(item),
            "smartbill_brn_check_many item {item:?}"
        );
    }
}

fn check_records(data: &[u8], width: usize) {
    let count = data.len() / width;
    let mut slots = vec![-7; count + 1];
    let code = unsafe {
        abi::smartbill_brn_check_records(data.as_ptr().cast(), width, count, slots.as_mut_ptr())
    };
    documented(code, &[Status::Ok], "smartbill_brn_check_records");
    assert_eq!(slots[count], -7, "check_records wrote past its count");
    for (record, &slot) in data.chunks_exact(width).zip(&slots) {
        let got = documented(slot, &BRN_STATUSES, "smartbill_brn_check_records item");
        assert_eq!(
            got,
            expected_status(record),
            "smartbill_brn_check_records record {record:?}"
        );
    }
}

fuzz_target!(|input: &[u8]| {
    let [separator, width, data @ ..] = input else {
        return;
    };
    // Every item goes through both batch functions; the whole data and its
    // first items through the single-number ones too (each call there
    // builds a message on failure: the costly part).
    check_single(data);
    let items = brn_reference::batch_items(data, *separator);
    if items.len() > 1 {
        for item in items.iter().take(4) {
            check_single(item);
        }
    }
    check_many(data, *separator);
    check_records(data, usize::from(*width % 32) + 1);
});
