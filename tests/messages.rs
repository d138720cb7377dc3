//! Messages in English and Korean through the C ABI: the calling thread's
//! language, the language of an error kept from the time of its failure,
//! status descriptions, and Korean messages in CP949 fixed-length fields.
//! (The process default is tested alone, in `tests/default_language.rs`:
//! it would change what the other tests here see.)

use smartbill_signup::*;
use smartbill_signup_core::status::Status;
use smartbill_signup_core::text::{decode, Charset};
use std::ffi::{c_char, CStr};

const SMARTBILL_ERR_BRN_CHECKSUM: i32 = Status::BrnChecksum.code();
const SMARTBILL_ERR_BRN_FORMAT: i32 = Status::BrnFormat.code();
const SMARTBILL_ERR_BRN_LENGTH: i32 = Status::BrnLength.code();
const SMARTBILL_ERR_BUFFER_TOO_SMALL: i32 = Status::BufferTooSmall.code();
const SMARTBILL_ERR_CALLBACK_MISSING: i32 = Status::CallbackMissing.code();
const SMARTBILL_ERR_FIELD_TOO_LONG: i32 = Status::FieldTooLong.code();
const SMARTBILL_ERR_INTERNAL: i32 = Status::Internal.code();
const SMARTBILL_ERR_INVALID_ARGUMENT: i32 = Status::InvalidArgument.code();
const SMARTBILL_ERR_NULL_ARGUMENT: i32 = Status::NullArgument.code();
const SMARTBILL_OK: i32 = Status::Ok.code();

fn set_language(code: &str) -> i32 {
    // SAFETY: a valid pointer and length.
    unsafe { smartbill_set_language(code.as_ptr().cast(), code.len() as isize) }
}

fn language() -> String {
    // SAFETY: a static NUL-terminated string.
    unsafe { CStr::from_ptr(smartbill_language()) }
        .to_str()
        .unwrap()
        .to_string()
}

fn last_error() -> String {
    let mut buf = vec![0 as c_char; 2048];
    let mut len = 0usize;
    // SAFETY: valid buffer and out pointer.
    let st = unsafe { smartbill_last_error(buf.as_mut_ptr(), buf.len(), &mut len) };
    assert_eq!(st, SMARTBILL_OK);
    let bytes: Vec<u8> = buf[..len].iter().map(|&c| c as u8).collect();
    String::from_utf8(bytes).unwrap()
}

fn last_error_into(flags: u32, cap: usize) -> (i32, Vec<u8>, usize) {
    let mut buf = vec![0u8; cap];
    let mut len = 0usize;
    // SAFETY: `buf` holds `cap` bytes.
    let st = unsafe { smartbill_last_error_into(flags, buf.as_mut_ptr().cast(), cap, &mut len) };
    (st, buf, len)
}

fn check(number: &str) -> i32 {
    // SAFETY: a valid pointer and length.
    unsafe { smartbill_brn_check(number.as_ptr().cast(), number.len() as isize) }
}

fn description(status: i32, language: Option<&str>, flags: u32) -> (i32, Vec<u8>) {
    let (ptr, len) = match language {
        Some(l) => (l.as_ptr().cast::<c_char>(), l.len() as isize),
        None => (std::ptr::null(), 0),
    };
    let mut buf = vec![0u8; 512];
    let mut out = 0usize;
    // SAFETY: valid pointers; `buf` holds 512 bytes.
    let st = unsafe {
        smartbill_status_description(
            status,
            ptr,
            len,
            flags,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut out,
        )
    };
    buf.truncate(out);
    (st, buf)
}

#[test]
fn the_calling_threads_language_writes_the_message() {
    std::thread::spawn(|| {
        assert_eq!(language(), "en");
        assert_eq!(check("124-81-00997"), SMARTBILL_ERR_BRN_CHECKSUM);
        assert_eq!(
            last_error(),
            "business number \"124-81-00997\": check digit is 7, expected 8"
        );
        assert_eq!(set_language("ko"), SMARTBILL_OK);
        assert_eq!(language(), "ko");
        assert_eq!(check("124-81-00997"), SMARTBILL_ERR_BRN_CHECKSUM);
        assert_eq!(
            last_error(),
            "사업자등록번호 \"124-81-00997\": 검증번호가 맞지 않습니다(입력 7, 올바른 값 8)"
        );
        // The status name stays the same in every language.
        // SAFETY: a static string.
        let name = unsafe { CStr::from_ptr(smartbill_status_name(SMARTBILL_ERR_BRN_CHECKSUM)) };
        assert_eq!(name.to_str().unwrap(), "BRN_CHECKSUM");
        // Another thread keeps the default.
        let other = std::thread::spawn(|| {
            assert_eq!(check("1234"), SMARTBILL_ERR_BRN_LENGTH);
            (language(), last_error())
        })
        .join()
        .unwrap();
        assert_eq!(other.0, "en");
        assert_eq!(other.1, "business number \"1234\": has 4 digits, needs 10");
        assert_eq!(set_language("ko-KR"), SMARTBILL_OK);
        assert_eq!(language(), "ko");
        assert_eq!(set_language(""), SMARTBILL_OK, "back to the default");
        assert_eq!(language(), "en");
    })
    .join()
    .unwrap();
}

#[test]
fn an_error_keeps_the_language_of_its_failure() {
    std::thread::spawn(|| {
        assert_eq!(set_language("ko"), SMARTBILL_OK);
        assert_eq!(check("12A-81-00998"), SMARTBILL_ERR_BRN_FORMAT);
        assert_eq!(set_language("en"), SMARTBILL_OK);
        assert_eq!(
            last_error(),
            "사업자등록번호 \"12A-81-00998\": 3번째 문자 U+0041 'A'은(는) 숫자, 공백, 대시(-)가 아닙니다"
        );
        // A refused language is an error of its own, in the current language.
        assert_eq!(set_language("fr"), SMARTBILL_ERR_INVALID_ARGUMENT);
        assert_eq!(
            last_error(),
            "unknown language \"fr\": use \"ko\" (Korean) or \"en\" (English)"
        );
        // SAFETY: NULL is refused, never read.
        let st = unsafe { smartbill_set_language(std::ptr::null(), -1) };
        assert_eq!(st, SMARTBILL_ERR_NULL_ARGUMENT);
        assert_eq!(language(), "en");
    })
    .join()
    .unwrap();
}

#[test]
fn korean_messages_fill_cp949_fixed_fields_without_splitting_a_character() {
    std::thread::spawn(|| {
        assert_eq!(set_language("ko"), SMARTBILL_OK);
        assert_eq!(check("124-81-00997"), SMARTBILL_ERR_BRN_CHECKSUM);
        let message = last_error();
        let flags = SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD;
        let (st, _, needed) = last_error_into(flags, 8);
        assert_eq!(st, SMARTBILL_ERR_BUFFER_TOO_SMALL);
        let (st, bytes, len) = last_error_into(flags, 200);
        assert_eq!(st, SMARTBILL_OK);
        assert_eq!(len, needed);
        assert!(bytes[len..].iter().all(|&b| b == b' '));
        assert_eq!(decode(&bytes[..len], Charset::Cp949, "m").unwrap(), message);
        // Every cap that cuts the message, a double-byte character
        // included, is refused whole: nothing written, nothing split.
        for cap in 0..needed {
            let (st, bytes, len) = last_error_into(flags, cap);
            assert_eq!(st, SMARTBILL_ERR_BUFFER_TOO_SMALL, "cap {cap}");
            assert_eq!(len, needed);
            assert!(bytes.iter().all(|&b| b == 0), "cap {cap}: written");
        }
        // Exactly the message's size: no pad, no NUL, whole.
        let (st, bytes, _) = last_error_into(flags, needed);
        assert_eq!(st, SMARTBILL_OK);
        assert_eq!(decode(&bytes, Charset::Cp949, "m").unwrap(), message);
        // Reading it never changes it.
        assert_eq!(last_error(), message);
    })
    .join()
    .unwrap();
}

#[test]
fn every_status_has_a_description_in_both_languages() {
    for &s in Status::ALL {
        let (st, en) = description(s.code(), Some("en"), 0);
        assert_eq!(st, SMARTBILL_OK);
        assert_eq!(String::from_utf8(en).unwrap(), s.meaning());
        let (st, ko) = description(s.code(), Some("ko"), 0);
        assert_eq!(st, SMARTBILL_OK);
        let ko = String::from_utf8(ko).unwrap();
        assert!(ko.chars().any(|c| ('가'..='힣').contains(&c)), "{ko}");
        let (st, cp949) = description(s.code(), Some("ko"), SMARTBILL_TEXT_CP949);
        assert_eq!(st, SMARTBILL_OK);
        assert_eq!(decode(&cp949, Charset::Cp949, "d").unwrap(), ko);
    }
    let (_, unknown) = description(999, Some("ko"), 0);
    assert_eq!(
        String::from_utf8(unknown).unwrap(),
        "알 수 없는 상태 코드 999입니다."
    );
    let (_, unknown) = description(999, Some("en"), 0);
    assert_eq!(String::from_utf8(unknown).unwrap(), "Unknown status 999.");
}

#[test]
fn a_description_follows_the_thread_and_never_touches_the_last_error() {
    std::thread::spawn(|| {
        assert_eq!(check("1234"), SMARTBILL_ERR_BRN_LENGTH);
        let before = last_error();
        let (_, text) = description(SMARTBILL_ERR_BRN_CHECKSUM, None, 0);
        assert_eq!(text, b"A business number's check digit is wrong.");
        assert_eq!(set_language("ko"), SMARTBILL_OK);
        let (_, text) = description(SMARTBILL_ERR_BRN_CHECKSUM, Some(""), 0);
        assert_eq!(
            String::from_utf8(text).unwrap(),
            "사업자등록번호의 검증번호가 맞지 않습니다."
        );
        let (st, _) = description(SMARTBILL_ERR_BRN_CHECKSUM, Some("xx"), 0);
        assert_eq!(st, SMARTBILL_ERR_INVALID_ARGUMENT);
        let (st, _) = description(SMARTBILL_ERR_BRN_CHECKSUM, Some("en"), 0x80);
        assert_eq!(st, SMARTBILL_ERR_INVALID_ARGUMENT);
        assert_eq!(last_error(), before);
        // A padded CP949 field: the description, then spaces.
        let mut field = [0u8; 80];
        let mut len = 0usize;
        // SAFETY: `field` holds 80 bytes.
        let st = unsafe {
            smartbill_status_description(
                SMARTBILL_ERR_FIELD_TOO_LONG,
                c"ko".as_ptr(),
                -1,
                SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD,
                field.as_mut_ptr().cast(),
                field.len(),
                &mut len,
            )
        };
        assert_eq!(st, SMARTBILL_OK);
        assert!(field[len..].iter().all(|&b| b == b' '));
        assert_eq!(
            decode(&field[..len], Charset::Cp949, "d").unwrap(),
            "가입 파라미터가 CP949 바이트로 센 한도보다 깁니다."
        );
        let mut small = [0u8; 10];
        // SAFETY: `small` holds 10 bytes.
        let st = unsafe {
            smartbill_status_description(
                SMARTBILL_ERR_FIELD_TOO_LONG,
                c"ko".as_ptr(),
                -1,
                SMARTBILL_TEXT_CP949 | SMARTBILL_TEXT_PAD,
                small.as_mut_ptr().cast(),
                small.len(),
                &mut len,
            )
        };
        assert_eq!(st, SMARTBILL_ERR_BUFFER_TOO_SMALL);
        assert_eq!(small, [0u8; 10], "nothing written");
    })
    .join()
    .unwrap();
}

#[test]
fn messages_in_each_area_in_korean() {
    std::thread::spawn(|| {
        assert_eq!(set_language("ko"), SMARTBILL_OK);
        // A form field over its CP949 limit names 회사명 and the limit.
        let mut form: *mut SmartbillForm = std::ptr::null_mut();
        let name = "가".repeat(101);
        // SAFETY: valid pointers; the form is freed below.
        unsafe {
            assert_eq!(smartbill_form_new(c"demo".as_ptr(), -1, &mut form), SMARTBILL_OK);
            for (k, v) in [
                ("pComRegNo", "124-81-00998"),
                ("pMIGRATIONFLAG", "TEST11"),
                ("pComName", name.as_str()),
            ] {
                let st = smartbill_form_set(
                    form,
                    k.as_ptr().cast(),
                    k.len() as isize,
                    v.as_ptr().cast(),
                    v.len() as isize,
                );
                assert_eq!(st, SMARTBILL_OK);
            }
            assert_eq!(smartbill_form_validate(form), SMARTBILL_ERR_FIELD_TOO_LONG);
            smartbill_form_free(form);
        }
        assert_eq!(
            last_error(),
            "회사명(pComName)은 CP949로 202바이트여서 한도 200바이트를 넘습니다(한글 한 글자는 2바이트입니다). 자르지 않으니 줄여서 입력하십시오"
        );
        // A missing callback key.
        let body = br#"{"USER_SBID":"a","COM_REGNO":"1248100998","AUTH_CODE":"c"}"#;
        let mut cb: *mut SmartbillCallback = std::ptr::null_mut();
        // SAFETY: valid pointers.
        let st = unsafe {
            smartbill_callback_parse(body.as_ptr().cast(), body.len() as isize, 0, &mut cb)
        };
        assert_eq!(st, SMARTBILL_ERR_CALLBACK_MISSING);
        assert_eq!(last_error(), "필수 키 AUTH_TOKEN이(가) 없습니다");
        // The C ABI's own messages.
        // SAFETY: NULL is refused, never read.
        let st = unsafe { smartbill_brn_check(std::ptr::null(), 3) };
        assert_eq!(st, SMARTBILL_ERR_NULL_ARGUMENT);
        assert_eq!(last_error(), "brn이(가) NULL입니다");
        let mut tiny = [0 as c_char; 2];
        let mut len = 0usize;
        // SAFETY: `tiny` holds 2 bytes.
        let st = unsafe {
            smartbill_brn_format(c"1248100998".as_ptr(), -1, tiny.as_mut_ptr(), 2, &mut len)
        };
        assert_eq!(st, SMARTBILL_ERR_BUFFER_TOO_SMALL);
        assert_eq!(
            last_error(),
            "출력에 12바이트(NUL까지 1바이트 더)가 필요하지만 버퍼는 2바이트입니다"
        );
        // SAFETY: a panic is caught inside.
        assert_eq!(smartbill_selftest_panic(), SMARTBILL_ERR_INTERNAL);
        assert!(
            last_error().starts_with("smartbill_selftest_panic에서 내부 오류가 발생했습니다"),
            "{}",
            last_error()
        );
    })
    .join()
    .unwrap();
}
