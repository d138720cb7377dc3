//! The process default language: alone in its own test binary, since it
//! changes what every thread without its own choice sees.

use smartbill_signup::*;
use smartbill_signup_core::status::Status;
use std::ffi::{c_char, CStr};

const SMARTBILL_ERR_BRN_LENGTH: i32 = Status::BrnLength.code();
const SMARTBILL_ERR_INVALID_ARGUMENT: i32 = Status::InvalidArgument.code();
const SMARTBILL_ERR_NULL_ARGUMENT: i32 = Status::NullArgument.code();
const SMARTBILL_OK: i32 = Status::Ok.code();

fn language() -> String {
    // SAFETY: a static NUL-terminated string.
    unsafe { CStr::from_ptr(smartbill_language()) }
        .to_str()
        .unwrap()
        .to_string()
}

fn last_error() -> String {
    let mut buf = vec![0 as c_char; 1024];
    let mut len = 0usize;
    // SAFETY: valid buffer and out pointer.
    unsafe { smartbill_last_error(buf.as_mut_ptr(), buf.len(), &mut len) };
    String::from_utf8(buf[..len].iter().map(|&c| c as u8).collect()).unwrap()
}

#[test]
fn the_default_is_english_until_set_and_a_thread_choice_wins() {
    assert_eq!(language(), "en");
    // SAFETY: valid NUL-terminated strings, or NULL which is refused.
    unsafe {
        assert_eq!(
            smartbill_set_default_language(c"ko".as_ptr(), -1),
            SMARTBILL_OK
        );
        assert_eq!(language(), "ko");
        let other = std::thread::spawn(|| {
            assert_eq!(
                smartbill_brn_check(c"1234".as_ptr(), -1),
                SMARTBILL_ERR_BRN_LENGTH
            );
            (language(), last_error())
        })
        .join()
        .unwrap();
        assert_eq!(other.0, "ko");
        assert_eq!(
            other.1,
            "사업자등록번호 \"1234\": 숫자가 4자리입니다. 10자리여야 합니다"
        );
        let chose_english = std::thread::spawn(|| {
            smartbill_set_language(c"en".as_ptr(), -1);
            language()
        })
        .join()
        .unwrap();
        assert_eq!(chose_english, "en");
        // The empty text and unknown languages are no default.
        assert_eq!(
            smartbill_set_default_language(c"".as_ptr(), -1),
            SMARTBILL_ERR_INVALID_ARGUMENT
        );
        assert_eq!(
            smartbill_set_default_language(c"jp".as_ptr(), -1),
            SMARTBILL_ERR_INVALID_ARGUMENT
        );
        assert_eq!(
            smartbill_set_default_language(std::ptr::null(), -1),
            SMARTBILL_ERR_NULL_ARGUMENT
        );
        assert_eq!(language(), "ko");
        assert_eq!(
            smartbill_set_default_language(c"en".as_ptr(), -1),
            SMARTBILL_OK
        );
        assert_eq!(language(), "en");
    }
}
