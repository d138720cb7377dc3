//! The language of messages (English or Korean), per thread and per
//! process, and the one-line description of each status.

use super::args::{charset_of, padded_out, text_in};
use super::boundary::{guard, guard_value};
use smartbill_signup_core::error::{Error, Result};
use smartbill_signup_core::language::{self, Language};
use smartbill_signup_core::message::Message;
use smartbill_signup_core::status::Status;
use smartbill_signup_core::text::{encode_lossy, trim};
use std::ffi::c_char;

/// Reads a language argument: `"ko"` or `"en"` (also tags such as
/// `"ko-KR"`, `"ko_KR.UTF-8"`); `Ok(None)` for the empty text.
///
/// # Safety
/// As `args::text_in`.
unsafe fn language_in(ptr: *const c_char, len: isize) -> Result<Option<Language>> {
    // SAFETY: our caller gives `text_in`'s own promise for `ptr` and `len`.
    let bytes = unsafe { text_in(ptr, len, "language") }?;
    let text = String::from_utf8_lossy(bytes);
    let text = trim(&text);
    if text.is_empty() {
        return Ok(None);
    }
    Language::parse(text).map(Some).ok_or_else(|| {
        let shown: String = text.chars().take(32).collect();
        Error::new(
            Status::InvalidArgument,
            Message::UnknownLanguage {
                text: format!("{shown:?}"),
            },
        )
        .with_field("language")
    })
}

/// Sets the language of the messages made on the calling thread (the last
/// error's message, and every message a later failing call on this thread
/// keeps): `"ko"` for Korean, `"en"` for English (`"ko-KR"` and
/// `"ko_KR.UTF-8"` are Korean too). The empty text makes the thread follow
/// the process default again (`smartbill_set_default_language`). Other
/// threads are not affected. A message is written in the language its
/// thread had when the call failed: changing the language afterwards does
/// not change an error already made. Status names (`"BRN_CHECKSUM"`) are
/// the same in every language.
///
/// An unknown language is `SMARTBILL_ERR_INVALID_ARGUMENT` (field
/// `"language"`); NULL is `SMARTBILL_ERR_NULL_ARGUMENT`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_set_language(
    language: *const c_char,
    language_len: isize,
) -> i32 {
    guard("smartbill_set_language", || {
        if language.is_null() {
            return Err(super::args::null_argument("language"));
        }
        // SAFETY: `language` is not NULL (checked above) and is text per
        // convention 3: `language_len` readable bytes, or NUL-terminated
        // when negative, outliving the call.
        let choice = unsafe { language_in(language, language_len) }?;
        language::set_thread(choice);
        Ok(())
    })
}

/// Sets the process default language, which every thread that has not
/// called `smartbill_set_language` follows: `"ko"` or `"en"`. English
/// until set. The empty text, an unknown language or NULL are refused as
/// in `smartbill_set_language`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_set_default_language(
    language: *const c_char,
    language_len: isize,
) -> i32 {
    guard("smartbill_set_default_language", || {
        if language.is_null() {
            return Err(super::args::null_argument("language"));
        }
        // SAFETY: `language` is not NULL (checked above) and is text per
        // convention 3: `language_len` readable bytes, or NUL-terminated
        // when negative, outliving the call.
        match unsafe { language_in(language, language_len) }? {
            Some(choice) => {
                language::set_default(choice);
                Ok(())
            }
            None => Err(Error::new(
                Status::InvalidArgument,
                Message::UnknownLanguage {
                    text: "\"\"".to_string(),
                },
            )
            .with_field("language")),
        }
    })
}

/// Returns the language of the messages the calling thread makes now:
/// `"en"` or `"ko"` (its own choice, else the process default). Static:
/// never free it.
#[no_mangle]
pub extern "C" fn smartbill_language() -> *const c_char {
    guard_value(c"en".as_ptr(), || {
        language::current().code_nul().as_ptr().cast::<c_char>()
    })
}

/// Copies a one-line description of `status` into the caller's buffer,
/// for an ERP's screen: `"A business number's check digit is wrong."`, or
/// in Korean `"사업자등록번호의 검증번호가 맞지 않습니다."`. `language` is
/// `"ko"` or `"en"`; NULL or the empty text mean the calling thread's
/// language (`smartbill_language`). A number not in the table has a
/// description too (`"Unknown status 999."`). The name
/// (`smartbill_status_name`) is the same in every language.
///
/// `flags`: `SMARTBILL_TEXT_CP949` writes CP949, `SMARTBILL_TEXT_PAD`
/// fills all `cap` bytes with the text and spaces (no NUL), for a
/// `PIC X(n)` field; a double-byte character is never split, and a
/// description longer than `cap` is never cut
/// (`SMARTBILL_ERR_BUFFER_TOO_SMALL`, the size needed in `*out_len`).
/// Like `smartbill_status_name_into`, it never changes the last error: a
/// failure (`SMARTBILL_ERR_BUFFER_TOO_SMALL`, `SMARTBILL_ERR_INVALID_ARGUMENT`
/// for an unknown language or flags, `SMARTBILL_ERR_NULL_ARGUMENT`) is
/// only its return value.
#[no_mangle]
pub unsafe extern "C" fn smartbill_status_description(
    status: i32,
    language: *const c_char,
    language_len: isize,
    flags: u32,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard_value(Status::Internal.code(), || {
        let described = || -> Result<()> {
            let charset = charset_of(flags)?;
            let language = if language.is_null() {
                None
            } else {
                // SAFETY: `language` is not NULL here and is text per
                // convention 3 (`language_len` bytes, or NUL-terminated).
                unsafe { language_in(language, language_len) }?
            }
            .unwrap_or_else(language::current);
            let text = description(status, language);
            let bytes = encode_lossy(&text, charset);
            // SAFETY: `buf` is NULL or writable for `cap` bytes and
            // `out_len` NULL or writable, per convention 4.
            unsafe { padded_out(&bytes, flags, buf, cap, out_len) }
        };
        match described() {
            Ok(()) => Status::Ok.code(),
            Err(e) => e.status().code(),
        }
    })
}

/// The description of a status number in `language`.
pub(crate) fn description(status: i32, language: Language) -> String {
    match Status::from_code(status) {
        Some(s) => s.description(language).to_string(),
        None => Message::UnknownStatus { code: status }.render(language),
    }
}
