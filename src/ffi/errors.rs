//! Status names, the last error, versions, and the boundary self-test.

use super::args::text_out;
use super::boundary::{guard, guard_value, with_last_error};
use crate::status::Status;
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

/// Copies this thread's last error message (UTF-8) into `buf`.
///
/// The message describes the most recent failing call on this thread: which
/// field, what was wrong, the limit. Successful calls do not clear it. It is
/// empty when no call on this thread has failed. Reading it does not change
/// it. Buffer rules as for every text output: `*out_len` gets the length
/// without NUL; `SMARTBILL_ERR_BUFFER_TOO_SMALL` if `cap` is smaller.
#[no_mangle]
pub unsafe extern "C" fn smartbill_last_error(
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    last_error_part(buf, cap, out_len, |e| e.message().as_bytes().to_vec())
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
    last_error_part(buf, cap, out_len, |e| {
        e.field().unwrap_or("").as_bytes().to_vec()
    })
}

/// Returns this thread's last error status (`SMARTBILL_OK` when no call on
/// this thread has failed).
#[no_mangle]
pub extern "C" fn smartbill_last_error_status() -> i32 {
    guard_value(Status::Internal.code(), || {
        with_last_error(|e| e.map_or(Status::Ok.code(), |e| e.status().code()))
    })
}

fn last_error_part(
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
    part: impl FnOnce(&crate::Error) -> Vec<u8>,
) -> i32 {
    // Not through `guard`: a failure here must not overwrite the error being read.
    guard_value(Status::Internal.code(), || {
        let text = with_last_error(|e| e.map(part).unwrap_or_default());
        // SAFETY: the caller promises `buf`/`out_len` per the documented rules.
        match unsafe { text_out(&text, buf, cap, out_len) } {
            Ok(()) => Status::Ok.code(),
            Err(e) => e.status().code(),
        }
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

/// Panics inside the library on purpose, to prove from any language that a
/// panic never crosses the boundary: always returns `SMARTBILL_ERR_INTERNAL`
/// and sets the last error. For tests and support diagnostics.
#[no_mangle]
pub extern "C" fn smartbill_selftest_panic() -> i32 {
    guard("smartbill_selftest_panic", || {
        panic!("deliberate panic from smartbill_selftest_panic")
    })
}
