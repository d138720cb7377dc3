//! Business numbers through the batch export without a separator,
//! `smartbill_brn_check_array`: each item is a pointer and a length, so any
//! byte (NUL included) may be in an item.
//!
//! Input: byte 0 holds flags (bit 0: `lengths = NULL`, every item
//! NUL-terminated), then items, each a head byte and up to 63 bytes: the
//! head's low 6 bits are the item's length (cut to what is left), its top
//! 2 bits how the item is passed: 0 with its length, 1 NUL-terminated
//! (length -1; an inner NUL ends it), 2 a NULL pointer with length 0 (the
//! empty text), 3 a NULL pointer with a length other than 0 (the low bits
//! plus one, or -1).
//!
//! Oracle: the call returns OK and writes exactly `count` slots; every
//! item's status equals `smartbill_brn_check` on that item alone (the same
//! pointer and length), which is a documented status and, for an item
//! with bytes, the short reference check's answer (fuzz/src/brn_reference.rs).
//! With `count = 0` and every pointer NULL the call is OK and writes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smartbill_signup_core::status::Status;
use smartbill_signup_fuzz::{abi, brn_reference, documented};
use std::ffi::c_char;
use std::ptr;

/// An item's statuses: a business-number answer, or NULL_ARGUMENT for a
/// NULL item with a length other than 0.
const ITEM_STATUSES: [Status; 6] = [
    Status::Ok,
    Status::BrnFormat,
    Status::BrnLength,
    Status::BrnComponent,
    Status::BrnChecksum,
    Status::NullArgument,
];

/// One item as passed: its bytes (NUL added when NUL-terminated), whether
/// the pointer is NULL, its length argument, and the text the library
/// should read (None for a NULL pointer with a length other than 0).
struct Item {
    bytes: Vec<u8>,
    null: bool,
    len: isize,
    text: Option<Vec<u8>>,
}

impl Item {
    fn ptr(&self) -> *const c_char {
        if self.null {
            ptr::null()
        } else {
            self.bytes.as_ptr().cast()
        }
    }
}

fn items(mut data: &[u8], nul_terminated: bool) -> Vec<Item> {
    let mut items = Vec::new();
    while let [head, rest @ ..] = data {
        let n = usize::from(head & 0x3F).min(rest.len());
        let (body, after) = rest.split_at(n);
        data = after;
        let mut item = match head >> 6 {
            0 => Item {
                bytes: body.to_vec(),
                null: false,
                len: n as isize,
                text: Some(body.to_vec()),
            },
            1 => {
                let text = body.split(|&b| b == 0).next().unwrap_or_default().to_vec();
                let mut bytes = body.to_vec();
                bytes.push(0);
                Item {
                    bytes,
                    null: false,
                    len: -1,
                    text: Some(text),
                }
            }
            2 => Item {
                bytes: Vec::new(),
                null: true,
                len: 0,
                text: Some(Vec::new()),
            },
            _ => Item {
                bytes: Vec::new(),
                null: true,
                len: if n % 2 == 0 { -1 } else { n as isize + 1 },
                text: None,
            },
        };
        // Without a lengths array every item is read up to its NUL.
        if nul_terminated {
            if !item.null && item.len >= 0 {
                let text = item.bytes.split(|&b| b == 0).next().unwrap_or_default();
                item.text = Some(text.to_vec());
                item.bytes.push(0);
            }
            item.len = -1;
            if item.null {
                item.text = None;
            }
        }
        items.push(item);
    }
    items
}

fuzz_target!(|input: &[u8]| {
    let [flags, data @ ..] = input else {
        // count 0 reads and writes nothing: every pointer may be NULL.
        let code =
            unsafe { abi::smartbill_brn_check_array(ptr::null(), ptr::null(), 0, ptr::null_mut()) };
        documented(code, &[Status::Ok], "smartbill_brn_check_array (count 0)");
        return;
    };
    let lengths_null = flags & 1 == 1;
    let items = items(data, lengths_null);
    let pointers: Vec<*const c_char> = items.iter().map(Item::ptr).collect();
    let lengths: Vec<isize> = items.iter().map(|item| item.len).collect();
    // One slot more than the items, which must stay untouched.
    let mut slots = vec![-7; items.len() + 1];
    let code = unsafe {
        abi::smartbill_brn_check_array(
            if items.is_empty() {
                ptr::null()
            } else {
                pointers.as_ptr()
            },
            if lengths_null {
                ptr::null()
            } else {
                lengths.as_ptr()
            },
            items.len(),
            slots.as_mut_ptr(),
        )
    };
    documented(code, &[Status::Ok], "smartbill_brn_check_array");
    assert_eq!(
        slots[items.len()],
        -7,
        "smartbill_brn_check_array wrote past its count"
    );
    for (i, (item, &slot)) in items.iter().zip(&slots).enumerate() {
        let got = documented(slot, &ITEM_STATUSES, "smartbill_brn_check_array item");
        let alone = documented(
            unsafe { abi::smartbill_brn_check(item.ptr(), item.len) },
            &ITEM_STATUSES,
            "smartbill_brn_check",
        );
        assert_eq!(
            got, alone,
            "item {i} ({:?}, NULL: {}, length {}): the batch and the single check differ",
            item.bytes, item.null, item.len
        );
        let want = match &item.text {
            Some(text) => brn_reference::check(text).err().unwrap_or(Status::Ok),
            None => Status::NullArgument,
        };
        assert_eq!(
            got, want,
            "item {i} ({:?}, NULL: {}, length {}): not the reference's answer",
            item.bytes, item.null, item.len
        );
    }
});
