//! CP949 text in and out: the domain's `text` module (decode, encode,
//! `cp949_len`, `encode_lossy`) and
//! the C ABI's CP949 text arguments and outputs (`smartbill_callback_has`
//! and `_get` with a CP949 key, `smartbill_last_error_into` in CP949,
//! padded and not).
//!
//! Input: bytes, read both as CP949 and (lossily) as UTF-8.
//!
//! Oracle: encoding_rs's EUC-KR (CP949) used directly: the same decoding
//! and the same refusals of malformed bytes, the same bytes and byte
//! counts when encoding, the same first unencodable character; round trips
//! give back the text; a padded output is the text and spaces, or refused
//! whole.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smartbill_signup::{SMARTBILL_TEXT_CP949, SMARTBILL_TEXT_PAD};
use smartbill_signup_core::status::Status;
use smartbill_signup_core::text::{self, Charset};
use smartbill_signup_fuzz::{
    abi, cp949_reference, documented, last_error, read_text, trim, TextArg,
};
use std::ptr;
use std::sync::OnceLock;

/// A callback with one Korean key, to read keys given in CP949.
fn callback() -> usize {
    static CALLBACK: OnceLock<usize> = OnceLock::new();
    *CALLBACK.get_or_init(|| {
        let body = r#"{"USER_SBID":"a","COM_REGNO":"1248100998","AUTH_CODE":"c","AUTH_TOKEN":"t","회사 주소":"서울 3·1대로 뷁"}"#;
        let mut cb = ptr::null_mut();
        let code = unsafe { abi::smartbill_callback_parse(body.as_ptr().cast(), body.len() as isize, 0, &mut cb) };
        assert_eq!(code, Status::Ok.code());
        cb as usize
    })
}

/// The C ABI's CP949 key argument: decoded like the domain does, trimmed,
/// an empty key refused.
fn check_key(input: &[u8]) {
    let cb = callback() as *const abi::SmartbillCallback;
    let key = TextArg::new(input, false);
    let mut present = -1;
    let code = unsafe {
        abi::smartbill_callback_has(cb, key.ptr(), key.len(), SMARTBILL_TEXT_CP949, &mut present)
    };
    let status = documented(
        code,
        &[Status::Ok, Status::InvalidText, Status::InvalidArgument],
        "smartbill_callback_has (CP949 key)",
    );
    let Some(decoded) = cp949_reference::decode(input) else {
        assert_eq!(status, Status::InvalidText, "a malformed CP949 key");
        return;
    };
    let name = trim(&decoded);
    if name.is_empty() {
        assert_eq!(status, Status::InvalidArgument, "an empty key");
        return;
    }
    assert_eq!(status, Status::Ok, "key {name:?}: {}", last_error());
    let upper = name.to_ascii_uppercase();
    let want = matches!(
        upper.as_str(),
        "USER_SBID" | "SBID" | "COM_REGNO" | "AUTH_CODE" | "AUTH_TOKEN"
    ) || name == "회사 주소";
    assert_eq!(present == 1, want, "has({name:?})");
    if name == "회사 주소" {
        for pad in [0, SMARTBILL_TEXT_PAD] {
            let (code, value) = read_text(pad != 0, |buf, cap, len| unsafe {
                abi::smartbill_callback_get(
                    cb,
                    key.ptr(),
                    key.len(),
                    SMARTBILL_TEXT_CP949 | pad,
                    buf,
                    cap,
                    len,
                )
            });
            documented(code, &[Status::Ok], "smartbill_callback_get (CP949)");
            assert_eq!(value, cp949_reference::encode("서울 3·1대로 뷁").unwrap());
        }
    }
}

/// `smartbill_last_error_into` after an error whose message quotes `name`,
/// in one of UTF-8 or CP949, padded or not (chosen by `choice`).
fn check_last_error_into(name: &[u8], choice: usize) {
    let mut form = ptr::null_mut();
    unsafe { abi::smartbill_form_new(c"demo".as_ptr(), -1, &mut form) };
    let code = unsafe {
        abi::smartbill_form_set(
            form,
            name.as_ptr().cast(),
            name.len() as isize,
            c"x".as_ptr(),
            -1,
        )
    };
    unsafe { abi::smartbill_form_free(form) };
    if code == Status::Ok.code() {
        return;
    }
    let message = last_error();
    let flags = [
        SMARTBILL_TEXT_CP949,
        SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD,
        0,
        SMARTBILL_TEXT_PAD,
    ][choice % 4];
    {
        let (code, text) = read_text(flags & SMARTBILL_TEXT_PAD != 0, |buf, cap, len| unsafe {
            abi::smartbill_last_error_into(flags, buf, cap, len)
        });
        documented(code, &[Status::Ok], "smartbill_last_error_into");
        let want = if flags & SMARTBILL_TEXT_CP949 != 0 {
            cp949_reference::encode_lossy(&message)
        } else {
            message.as_bytes().to_vec()
        };
        assert_eq!(
            text, want,
            "smartbill_last_error_into({flags}) of {message:?}"
        );
        assert_eq!(last_error(), message, "reading the message changed it");
    }
}

fuzz_target!(|input: &[u8]| {
    let width = usize::from(input.first().copied().unwrap_or(0));

    // Bytes in: CP949.
    let decoded = text::decode(input, Charset::Cp949, "input");
    match (&decoded, cp949_reference::decode(input)) {
        (Ok(ours), Some(theirs)) => assert_eq!(**ours, theirs, "CP949 decoding"),
        (Err(e), None) => assert_eq!(e.status(), Status::InvalidText),
        (ours, theirs) => panic!("CP949 decoding: ours {ours:?}, encoding_rs {theirs:?}"),
    }
    if let Ok(decoded) = &decoded {
        let again = text::encode(decoded, Charset::Cp949).expect("decoded CP949 encodes again");
        assert_eq!(
            text::decode(&again, Charset::Cp949, "again").unwrap(),
            **decoded
        );
    }

    // Text in: the bytes as UTF-8, up to the first malformed byte.
    let utf8 = match std::str::from_utf8(input) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&input[..e.valid_up_to()]).unwrap(),
    };
    let ours = text::encode(utf8, Charset::Cp949).map(|b| b.into_owned());
    let theirs = cp949_reference::encode(utf8);
    assert_eq!(ours, theirs, "CP949 encoding of {utf8:?}");
    assert_eq!(
        text::cp949_len(utf8),
        theirs.as_ref().map(Vec::len).map_err(|c| *c),
        "cp949_len"
    );
    assert_eq!(
        &*text::encode_lossy(utf8, Charset::Cp949),
        cp949_reference::encode_lossy(utf8).as_slice()
    );
    assert_eq!(
        &*text::encode(utf8, Charset::Utf8).unwrap(),
        utf8.as_bytes()
    );
    if let Ok(bytes) = &theirs {
        assert_eq!(
            text::decode(bytes, Charset::Cp949, "round trip").unwrap(),
            utf8,
            "round trip"
        );
    }

    // Through the C ABI.
    check_key(input);
    check_last_error_into(utf8.as_bytes(), width);
});
