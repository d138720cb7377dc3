//! Status names, the last error, versions, and the boundary self-test.

use super::args::{charset_of, padded_out, text_out};
use super::boundary::{guard, guard_value, last_error, last_error_status};
use smartbill_signup_core::language::Language;
use smartbill_signup_core::status::Status;
use smartbill_signup_core::text::encode_lossy;
use std::ffi::c_char;

/// Returns the name of a status, e.g. `"BRN_CHECKSUM"` for
/// `SMARTBILL_ERR_BRN_CHECKSUM` and `"OK"` for `SMARTBILL_OK`; `"UNKNOWN"`
/// for a number not in the table. The string is static: never free it.
#[no_mangle]
pub extern "C" fn smartbill_status_name(status: i32) -> *const c_char {
    guard_value(c"UNKNOWN".as_ptr(), || {
        Status::from_code(status)
            .map(|s| s.name_nul().as_ptr().cast::<c_char>())
            .unwrap_or(c"UNKNOWN".as_ptr())
    })
}

/// Copies the name of `status` (as `smartbill_status_name` gives it:
/// `"BRN_CHECKSUM"`, `"OK"`, `"UNKNOWN"`) into the caller's buffer, for
/// callers that cannot read a C string through a pointer, such as COBOL.
///
/// `flags`: `SMARTBILL_TEXT_PAD` fills all `cap` bytes with the name and
/// spaces (no NUL), for a `PIC X(n)` field; `SMARTBILL_TEXT_CP949` is
/// accepted (names are ASCII, the same in both). Buffer rules as for every
/// text output. Like `smartbill_last_error`, it never changes the last
/// error: a failure (`SMARTBILL_ERR_BUFFER_TOO_SMALL`,
/// `SMARTBILL_ERR_INVALID_ARGUMENT` for unknown flags,
/// `SMARTBILL_ERR_NULL_ARGUMENT`) is only its return value.
#[no_mangle]
pub unsafe extern "C" fn smartbill_status_name_into(
    status: i32,
    flags: u32,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard_value(Status::Internal.code(), || {
        let name = Status::from_code(status).map_or("UNKNOWN", Status::name);
        if let Err(e) = charset_of(flags) {
            return e.status().code();
        }
        // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len`
        // NULL or writable, per convention 4.
        status_of(unsafe { padded_out(name.as_bytes(), flags, buf, cap, out_len) })
    })
}

/// Copies this thread's last error message into `buf`, encoded as `flags`
/// ask: `SMARTBILL_TEXT_CP949` for CP949 (messages may quote Korean
/// parameter labels and values; a character CP949 cannot hold is written
/// as `?`, and messages about such a character also name it as `U+XXXX`),
/// `SMARTBILL_TEXT_PAD` to fill all `cap` bytes with the message and
/// spaces (no NUL), for a `PIC X(n)` field. A message longer than `cap` is
/// never cut: `SMARTBILL_ERR_BUFFER_TOO_SMALL`, with the size needed in
/// `*out_len`. Otherwise as `smartbill_last_error`: reading the message
/// does not change it, and a failure of this call is only its return value.
#[no_mangle]
pub unsafe extern "C" fn smartbill_last_error_into(
    flags: u32,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard_value(Status::Internal.code(), || {
        let charset = match charset_of(flags) {
            Ok(charset) => charset,
            Err(e) => return e.status().code(),
        };
        let text = last_error()
            .map(|(e, language)| encode_lossy(&e.message_in(language), charset).into_owned())
            .unwrap_or_default();
        // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len`
        // NULL or writable, per convention 4.
        status_of(unsafe { padded_out(&text, flags, buf, cap, out_len) })
    })
}

/// A result as a status code, without recording an error: for the calls
/// that read the last error and must not replace it.
fn status_of(result: smartbill_signup_core::Result<()>) -> i32 {
    match result {
        Ok(()) => Status::Ok.code(),
        Err(e) => e.status().code(),
    }
}

/// Copies this thread's last error message (UTF-8) into `buf`.
///
/// The message describes the most recent failing call on this thread: which
/// field, what was wrong, the limit. Successful calls do not clear it. It is
/// empty when no call on this thread has failed. Reading it does not change
/// it. A call made while its thread exits (from a thread-local or pthread
/// key destructor, an `atexit` handler or a C++ static destructor, after the
/// thread's storage is gone) still returns its status, but keeps no message:
/// reading it then gives the empty text. Buffer rules as for every text output: `*out_len` gets the length
/// without NUL; `SMARTBILL_ERR_BUFFER_TOO_SMALL` if `cap` is smaller.
#[no_mangle]
pub unsafe extern "C" fn smartbill_last_error(
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len` NULL
    // or writable, per convention 4.
    unsafe {
        last_error_part(buf, cap, out_len, |e, language| {
            e.message_in(language).into_bytes()
        })
    }
}

/// Copies the field, parameter, key or argument name of this thread's last
/// error (e.g. `"pComRegNo"`, `"AUTH_CODE"`), or the empty string when the
/// error concerns no single field. Buffer rules as `smartbill_last_error`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_last_error_field(
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len` NULL
    // or writable, per convention 4.
    unsafe {
        last_error_part(buf, cap, out_len, |e, _| {
            e.field().unwrap_or("").as_bytes().to_vec()
        })
    }
}

/// Returns this thread's last error status (`SMARTBILL_OK` when no call on
/// this thread has failed).
#[no_mangle]
pub extern "C" fn smartbill_last_error_status() -> i32 {
    guard_value(Status::Internal.code(), || last_error_status().code())
}

/// Writes a part of the last error as a text output.
///
/// # Safety
/// As `args::text_out`.
unsafe fn last_error_part(
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
    part: impl FnOnce(&smartbill_signup_core::Error, Language) -> Vec<u8>,
) -> i32 {
    // Not through `guard`: a failure here must not overwrite the error being read.
    guard_value(Status::Internal.code(), || {
        let text = last_error()
            .map(|(e, language)| part(&e, language))
            .unwrap_or_default();
        // SAFETY: our caller gives `text_out`'s own promise for `buf`,
        // `cap` and `out_len`.
        status_of(unsafe { text_out(&text, buf, cap, out_len) })
    })
}

/// Returns the library version, e.g. `"0.1.0"`. Static: never free it.
#[no_mangle]
pub extern "C" fn smartbill_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0")
        .as_ptr()
        .cast::<c_char>()
}

/// Returns the library's ABI version. A caller compiled against
/// `SMARTBILL_ABI_VERSION` must refuse to run when they differ.
#[no_mangle]
pub extern "C" fn smartbill_abi_version() -> u32 {
    super::SMARTBILL_ABI_VERSION
}

/// Returns the checksum of the library's function prototypes, which the
/// header it was built with defines as `SMARTBILL_ABI_CHECKSUM`. A wrapper
/// generated from another header (a function added, removed or given other
/// argument or return types) carries another checksum and must refuse to
/// run, even when the ABI versions agree.
#[no_mangle]
pub extern "C" fn smartbill_abi_checksum() -> u32 {
    // Written by build.rs from the generated header (build/header.rs).
    include!(concat!(env!("OUT_DIR"), "/abi_checksum.rs"))
}

/// Panics inside the library on purpose, to prove from any language that a
/// panic never crosses the boundary: always returns `SMARTBILL_ERR_INTERNAL`
/// and sets the last error. For tests and support diagnostics.
#[no_mangle]
pub extern "C" fn smartbill_selftest_panic() -> i32 {
    guard("smartbill_selftest_panic", || {
        panic!("deliberate panic from smartbill_selftest_panic")
    })
}
