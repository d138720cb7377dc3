//! The callback reader through the C ABI: `smartbill_callback_parse`, then
//! `_get`, `_has`, `_key_count`, `_key_name` and `_com_regno_valid`, in
//! UTF-8 and CP949, padded and not.
//!
//! Input: the request body.
//!
//! Oracle: serde_json (numbers kept as written, members in body order).
//! Whatever serde_json refuses, the reader refuses (a leading BOM aside,
//! which the reader skips on purpose). On what serde_json accepts, the
//! reader's status is predicted exactly from the documented rules (not an
//! object, or a value that is an object, array or boolean: SHAPE; a key
//! given twice, trimmed, in any ASCII case or older spelling: SHAPE; a
//! required key absent, null or blank: MISSING naming it), and on success
//! every value equals serde_json's, trimmed; CP949 output equals
//! encoding_rs's (or is UNENCODABLE); keys enumerate in body order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use smartbill_signup::{SMARTBILL_TEXT_CP949, SMARTBILL_TEXT_PAD};
use smartbill_signup_core::status::Status;
use smartbill_signup_fuzz::{
    abi, brn_reference, cp949_reference, documented, last_error, read_text, trim, TextArg,
};
use std::collections::HashSet;
use std::ptr;

type Callback = abi::SmartbillCallback;

/// The keys the library knows, with their older spellings.
const KNOWN: [(&str, &[&str]); 12] = [
    ("USER_SBID", &["USER_SBID", "SBID"]),
    ("COM_REGNO", &["COM_REGNO"]),
    ("AUTH_CODE", &["AUTH_CODE"]),
    ("AUTH_TOKEN", &["AUTH_TOKEN"]),
    ("USER_NAME", &["USER_NAME"]),
    ("USER_EMAIL", &["USER_EMAIL", "EMAIL"]),
    ("USER_PHONE", &["USER_PHONE"]),
    ("COM_NAME", &["COM_NAME"]),
    ("COM_PRESIDENT", &["COM_PRESIDENT"]),
    ("COM_ADDRESS", &["COM_ADDRESS"]),
    ("regYn", &["REGYN"]),
    ("pID", &["PID"]),
];
const REQUIRED: [&str; 4] = ["USER_SBID", "COM_REGNO", "AUTH_CODE", "AUTH_TOKEN"];

/// The canonical name of a known key, from a trimmed name in any ASCII case.
fn known(name: &str) -> Option<&'static str> {
    let upper = name.to_ascii_uppercase();
    KNOWN
        .iter()
        .find(|(_, spellings)| spellings.contains(&upper.as_str()))
        .map(|(canonical, _)| *canonical)
}

/// What two keys must share to be the same key.
#[derive(PartialEq, Eq, Hash)]
enum Class {
    Known(&'static str),
    Unknown(String),
}

fn class(key: &str) -> Class {
    let key = trim(key);
    known(key).map_or_else(|| Class::Unknown(key.to_ascii_lowercase()), Class::Known)
}

/// An object's members in body order, duplicates included.
struct Members(Vec<(String, Value)>);

impl<'de> serde::Deserialize<'de> for Members {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Members;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Members, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry::<String, Value>()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }
        d.deserialize_map(Visitor)
    }
}

/// What the reader must do with a body serde_json accepts.
enum Expected {
    Refused(Status, Option<&'static str>),
    /// The members with a value, in body order.
    Accepted(Vec<Member>),
}

struct Member {
    /// The name as given.
    key: String,
    /// The value trimmed, or a number as serde_json keeps it.
    value: String,
    number: bool,
}

/// A number as serde_json's arbitrary_precision keeps it: as written, but
/// the exponent marker lowercased and its sign always written.
fn serde_number(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut bytes = text.iter().copied().peekable();
    while let Some(b) = bytes.next() {
        if b == b'e' || b == b'E' {
            out.push(b'e');
            if !matches!(bytes.peek(), Some(b'+' | b'-')) {
                out.push(b'+');
            }
        } else {
            out.push(b);
        }
    }
    out
}

fn predict(json: &[u8]) -> Option<Expected> {
    let value: Value = serde_json::from_slice(json).ok()?;
    if !value.is_object() {
        return Some(Expected::Refused(Status::CallbackShape, None));
    }
    let Members(members) = serde_json::from_slice(json).expect("an object serde_json accepted");
    let mut seen = HashSet::new();
    let mut kept = Vec::new();
    for (key, value) in members {
        if !seen.insert(class(&key)) {
            return Some(Expected::Refused(Status::CallbackShape, None));
        }
        let (text, number) = match value {
            Value::String(s) => (trim(&s).to_string(), false),
            Value::Number(n) => (n.to_string(), true),
            Value::Null => continue,
            Value::Bool(_) | Value::Array(_) | Value::Object(_) => {
                return Some(Expected::Refused(Status::CallbackShape, None))
            }
        };
        kept.push(Member {
            key,
            value: text,
            number,
        });
    }
    for required in REQUIRED {
        let present = kept
            .iter()
            .any(|m| class(&m.key) == Class::Known(required) && !m.value.is_empty());
        if !present {
            return Some(Expected::Refused(Status::CallbackMissing, Some(required)));
        }
    }
    Some(Expected::Accepted(kept))
}

fn parse(body: &[u8], max_bytes: usize) -> (Status, *mut Callback) {
    let mut cb = 1 as *mut Callback; // must be set to NULL on failure
    let arg = TextArg::new(body, false);
    let code = unsafe { abi::smartbill_callback_parse(arg.ptr(), arg.len(), max_bytes, &mut cb) };
    let status = documented(
        code,
        &[
            Status::Ok,
            Status::CallbackTooLarge,
            Status::InvalidText,
            Status::CallbackJson,
            Status::CallbackShape,
            Status::CallbackMissing,
        ],
        "smartbill_callback_parse",
    );
    assert_eq!(
        status == Status::Ok,
        !cb.is_null(),
        "*out after {}",
        status.name()
    );
    (status, cb)
}

fn last_error_field() -> String {
    let (_, field) = read_text(false, |buf, cap, len| unsafe {
        abi::smartbill_last_error_field(buf, cap, len)
    });
    String::from_utf8(field).unwrap()
}

/// `smartbill_callback_get` of `key` in every charset and padding, against
/// `want` (for a number: as serde_json keeps it).
fn check_get(cb: *const Callback, key: &str, want: &str, number: bool) {
    let seen = |text: Vec<u8>| if number { serde_number(&text) } else { text };
    for pad in [0, SMARTBILL_TEXT_PAD] {
        let arg = TextArg::new(key.as_bytes(), pad != 0);
        let (code, text) = read_text(pad != 0, |buf, cap, len| unsafe {
            abi::smartbill_callback_get(cb, arg.ptr(), arg.len(), pad, buf, cap, len)
        });
        documented(code, &[Status::Ok], "smartbill_callback_get (UTF-8)");
        assert_eq!(seen(text), want.as_bytes(), "get({key:?})");

        let Ok(key_cp949) = cp949_reference::encode(key) else {
            continue;
        };
        let arg = TextArg::new(&key_cp949, pad != 0);
        let flags = SMARTBILL_TEXT_CP949 | pad;
        let (code, text) = read_text(pad != 0, |buf, cap, len| unsafe {
            abi::smartbill_callback_get(cb, arg.ptr(), arg.len(), flags, buf, cap, len)
        });
        let status = documented(
            code,
            &[Status::Ok, Status::Unencodable],
            "smartbill_callback_get (CP949)",
        );
        match cp949_reference::encode(want) {
            Ok(bytes) => {
                assert_eq!(
                    status,
                    Status::Ok,
                    "get({key:?}) in CP949: {}",
                    last_error()
                );
                assert_eq!(seen(text), bytes, "get({key:?}) in CP949");
            }
            Err(_) => assert_eq!(status, Status::Unencodable, "get({key:?}) in CP949"),
        }
    }
    let mut present = -1;
    let code = unsafe {
        abi::smartbill_callback_has(cb, key.as_ptr().cast(), key.len() as isize, 0, &mut present)
    };
    documented(code, &[Status::Ok], "smartbill_callback_has");
    assert!(present == 0 || present == 1);
}

fn check_accepted(cb: *const Callback, members: &[Member]) {
    let mut count = usize::MAX;
    documented(
        unsafe { abi::smartbill_callback_key_count(cb, &mut count) },
        &[Status::Ok],
        "smartbill_callback_key_count",
    );
    assert_eq!(count, members.len(), "key count");
    for (index, member) in members.iter().enumerate() {
        let key = &member.key;
        let trimmed = trim(key);
        let name = known(trimmed).unwrap_or(trimmed);
        for flags in [
            0,
            SMARTBILL_TEXT_CP949,
            SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD,
        ] {
            let pad = flags & SMARTBILL_TEXT_PAD != 0;
            let (code, text) = read_text(pad, |buf, cap, len| unsafe {
                abi::smartbill_callback_key_name(cb, index, flags, buf, cap, len)
            });
            let status = documented(
                code,
                &[Status::Ok, Status::Unencodable],
                "smartbill_callback_key_name",
            );
            let want = if flags & SMARTBILL_TEXT_CP949 != 0 {
                cp949_reference::encode(name)
            } else {
                Ok(name.as_bytes().to_vec())
            };
            match want {
                Ok(bytes) => {
                    assert_eq!(status, Status::Ok, "key_name({index}): {}", last_error());
                    assert_eq!(text, bytes, "key_name({index})");
                }
                Err(_) => assert_eq!(status, Status::Unencodable, "key_name({index})"),
            }
        }
        if trimmed.is_empty() {
            // An empty key cannot be asked for: INVALID_ARGUMENT.
            let code = unsafe {
                abi::smartbill_callback_get(
                    cb,
                    key.as_ptr().cast(),
                    key.len() as isize,
                    0,
                    ptr::null_mut(),
                    0,
                    &mut count,
                )
            };
            documented(
                code,
                &[Status::InvalidArgument],
                "smartbill_callback_get (empty key)",
            );
            continue;
        }
        check_get(cb, key, &member.value, member.number);
        // The canonical name, in another case, reads the same value.
        check_get(cb, &name.to_ascii_lowercase(), &member.value, member.number);
    }
    // Known keys the body did not give (or gave as null) read as empty.
    for (canonical, _) in KNOWN {
        if !members
            .iter()
            .any(|m| class(&m.key) == Class::Known(canonical))
        {
            check_get(cb, canonical, "", false);
            let mut present = -1;
            unsafe {
                abi::smartbill_callback_has(
                    cb,
                    canonical.as_ptr().cast(),
                    canonical.len() as isize,
                    0,
                    &mut present,
                )
            };
            assert_eq!(present, 0, "has({canonical}) for an absent key");
        }
    }
    let regno = members
        .iter()
        .find(|m| class(&m.key) == Class::Known("COM_REGNO"))
        .map(|m| m.value.as_str())
        .expect("an accepted callback has COM_REGNO");
    let mut valid = -1;
    documented(
        unsafe { abi::smartbill_callback_com_regno_valid(cb, &mut valid) },
        &[Status::Ok],
        "smartbill_callback_com_regno_valid",
    );
    assert_eq!(
        valid == 1,
        brn_reference::check(regno.as_bytes()).is_ok(),
        "com_regno_valid({regno:?})"
    );
    // An index past the end is refused.
    let code = unsafe {
        abi::smartbill_callback_key_name(cb, members.len(), 0, ptr::null_mut(), 0, &mut count)
    };
    documented(
        code,
        &[Status::InvalidArgument],
        "smartbill_callback_key_name past the end",
    );
}

fuzz_target!(|body: &[u8]| {
    let (status, cb) = parse(body, 0);
    if body.len() <= smartbill_signup_core::callback::DEFAULT_MAX_BYTES && body.len() >= 2 {
        // The limit is checked first, and only the limit.
        let (small, none) = parse(body, body.len() - 1);
        assert_eq!(small, Status::CallbackTooLarge);
        assert!(none.is_null());
        let (same, other) = parse(body, body.len());
        assert_eq!(same, status, "max_bytes = the body's length");
        unsafe { abi::smartbill_callback_free(other) };
    }
    if body.len() > smartbill_signup_core::callback::DEFAULT_MAX_BYTES {
        assert_eq!(status, Status::CallbackTooLarge);
        return;
    }
    let json = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    if std::str::from_utf8(body).is_err() {
        assert_eq!(status, Status::InvalidText, "a body that is not UTF-8");
    }
    match predict(json) {
        None => assert!(
            matches!(
                status,
                Status::InvalidText | Status::CallbackJson | Status::CallbackShape
            ),
            "serde_json refuses the body, the reader says {}",
            status.name()
        ),
        Some(Expected::Refused(want, field)) => {
            assert_eq!(
                status,
                want,
                "on a body serde_json accepts: {}",
                last_error()
            );
            if let Some(field) = field {
                assert_eq!(last_error_field(), field);
            }
        }
        Some(Expected::Accepted(members)) => {
            assert_eq!(
                status,
                Status::Ok,
                "on a body serde_json accepts: {}",
                last_error()
            );
            check_accepted(cb, &members);
        }
    }
    unsafe { abi::smartbill_callback_free(cb) };
});
