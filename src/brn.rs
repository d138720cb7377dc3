//! Business registration numbers through the C ABI.

use super::args::{out_ptr, text_in, text_out};
use super::boundary::{guard, guard_failure, Failure};
use smartbill_signup_core::brn;
use smartbill_signup_core::error::Error;
use smartbill_signup_core::message::Message;
use smartbill_signup_core::status::Status;
use std::ffi::c_char;

/// Checks a business number (사업자등록번호).
///
/// `brn`/`brn_len`: the number as text (`brn_len < 0`: NUL-terminated),
/// with or without dashes and spaces; surrounding whitespace is ignored:
/// Unicode White_Space in UTF-8 (space, tab, CR, LF, vertical tab, form
/// feed, U+0085, U+00A0, the ideographic space U+3000, ...), the same
/// definition as every other entry point of the library; bytes that are not
/// UTF-8 are read as CP949, whose whitespace is ASCII's and the ideographic
/// space `A1 A1`.
///
/// Returns `SMARTBILL_OK`, or the first rule it breaks, in this order:
/// `SMARTBILL_ERR_BRN_FORMAT` (a character other than digits, spaces and
/// dashes), `SMARTBILL_ERR_BRN_LENGTH` (not 10 digits),
/// `SMARTBILL_ERR_BRN_COMPONENT` (office code below 101, type code 00 or
/// serial 0000), `SMARTBILL_ERR_BRN_CHECKSUM` (wrong check digit). Bytes
/// that are not UTF-8 (CP949 Hangul in a COBOL field) are
/// `SMARTBILL_ERR_BRN_FORMAT` too: a number is ASCII in every encoding.
/// `SMARTBILL_ERR_NULL_ARGUMENT` for NULL. The last error says what is wrong.
#[no_mangle]
pub unsafe extern "C" fn smartbill_brn_check(brn: *const c_char, brn_len: isize) -> i32 {
    guard_failure("smartbill_brn_check", || {
        // SAFETY: the caller passes a valid text argument.
        let input = unsafe { text_in(brn, brn_len, "brn") }?;
        match brn::refusal(input) {
            None => Ok(()),
            Some(refusal) => Err(Failure::Brn { input, refusal }),
        }
    })
}

/// Writes the number's 10 digits (`"1248100998"`) into `buf`.
///
/// Fails like `smartbill_brn_check` when the number is not valid. Output
/// rules: `*out_len` gets the length (10) without NUL; with `cap < 10`
/// nothing is written and the result is `SMARTBILL_ERR_BUFFER_TOO_SMALL`;
/// a NUL follows when `cap > 10`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_brn_normalize(
    brn: *const c_char,
    brn_len: isize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard_failure("smartbill_brn_normalize", || {
        // SAFETY: the caller passes valid arguments per the documented rules.
        let number = scan(unsafe { text_in(brn, brn_len, "brn") }?)?;
        unsafe { text_out(number.as_str().as_bytes(), buf, cap, out_len) }.map_err(Failure::from)
    })
}

/// Writes the number as `XXX-XX-XXXXX` (`"124-81-00998"`, 12 bytes) into
/// `buf`. Fails like `smartbill_brn_check`; output rules as
/// `smartbill_brn_normalize`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_brn_format(
    brn: *const c_char,
    brn_len: isize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard_failure("smartbill_brn_format", || {
        // SAFETY: the caller passes valid arguments per the documented rules.
        let number = scan(unsafe { text_in(brn, brn_len, "brn") }?)?;
        unsafe { text_out(number.formatted().as_bytes(), buf, cap, out_len) }.map_err(Failure::from)
    })
}

/// Writes the kind of a valid number, from its business-type code, into
/// `buf`: one of `individual_taxable` (01-79), `nonprofit_organization` (80),
/// `corporation` (81, 86, 87, 88), `nonprofit_corporation` (82),
/// `government` (83), `foreign_corporation` (84), `corporation_branch` (85),
/// `religious_organization` (89), `individual_exempt` (90-99); at most 22
/// bytes. Fails like `smartbill_brn_check`; output rules as
/// `smartbill_brn_normalize`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_brn_kind(
    brn: *const c_char,
    brn_len: isize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard_failure("smartbill_brn_kind", || {
        // SAFETY: the caller passes valid arguments per the documented rules.
        let number = scan(unsafe { text_in(brn, brn_len, "brn") }?)?;
        unsafe { text_out(number.kind().name().as_bytes(), buf, cap, out_len) }
            .map_err(Failure::from)
    })
}

/// Checks many numbers in one call.
///
/// `data`/`data_len`: the numbers, one after another, each ended by the
/// byte `separator` (e.g. `'\n'`); the last one may omit it. Two separators
/// in a row make an empty item (`SMARTBILL_ERR_BRN_LENGTH`). Each item is
/// checked exactly as by `smartbill_brn_check`.
///
/// `statuses`: an array of `statuses_cap` slots that receives one status per
/// number, in order. `*count` always gets the number of items. When
/// `statuses_cap < *count`, nothing is written and the result is
/// `SMARTBILL_ERR_BUFFER_TOO_SMALL` (call with `statuses = NULL, cap = 0`
/// to count first). Returns `SMARTBILL_OK` when the statuses were written,
/// whatever they are: a failing number is a status in the array, not an
/// error of the call.
#[no_mangle]
pub unsafe extern "C" fn smartbill_brn_check_many(
    data: *const c_char,
    data_len: isize,
    separator: u8,
    statuses: *mut i32,
    statuses_cap: usize,
    count: *mut usize,
) -> i32 {
    guard("smartbill_brn_check_many", || {
        // SAFETY: the caller passes valid arguments per the documented rules.
        let data = unsafe { text_in(data, data_len, "data") }?;
        let count = unsafe { out_ptr(count, "count") }?;
        let n = brn::batch_len(data, separator);
        *count = n;
        // SAFETY: `statuses` holds `statuses_cap >= n` slots.
        let out = unsafe { status_slots(statuses, statuses_cap, n) }?;
        for (slot, item) in out.iter_mut().zip(brn::split_batch(data, separator)) {
            *slot = brn::check_bytes(item).code();
        }
        Ok(())
    })
}

/// Checks many numbers given as an array, with no separator to choose:
/// `items[i]` is the i-th number and `lengths[i]` its length in bytes
/// (`lengths[i] < 0`: NUL-terminated; `lengths == NULL`: every item is
/// NUL-terminated). Each item is checked exactly as by
/// `smartbill_brn_check`, and its status written to `statuses[i]`; a NULL
/// item with a length other than 0 gets `SMARTBILL_ERR_NULL_ARGUMENT` in
/// its slot (NULL with length 0 is the empty text, `SMARTBILL_ERR_BRN_LENGTH`).
///
/// Returns `SMARTBILL_OK` when the `count` statuses were written, whatever
/// they are: a failing number is a status in the array, not an error of
/// the call. `count == 0` reads and writes nothing (every pointer may be
/// NULL). Otherwise `SMARTBILL_ERR_NULL_ARGUMENT` for a NULL `items` or
/// `statuses`, and `SMARTBILL_ERR_INVALID_ARGUMENT` for a `count` no array
/// can hold (more than `PTRDIFF_MAX / sizeof(char *)`); nothing is written
/// then. `items` and `lengths` (when not NULL) must hold `count` entries,
/// `statuses` `count` slots.
#[no_mangle]
pub unsafe extern "C" fn smartbill_brn_check_array(
    items: *const *const c_char,
    lengths: *const isize,
    count: usize,
    statuses: *mut i32,
) -> i32 {
    guard("smartbill_brn_check_array", || {
        if count == 0 {
            return Ok(());
        }
        if count > isize::MAX as usize / std::mem::size_of::<*const c_char>() {
            return Err(
                Error::new(Status::InvalidArgument, Message::CountTooLarge { count })
                    .with_field("count"),
            );
        }
        if items.is_null() {
            return Err(super::args::null_argument("items"));
        }
        // SAFETY: the caller passes `count` item pointers, `count` lengths
        // when `lengths` is not NULL, and `count` status slots.
        let items = unsafe { std::slice::from_raw_parts(items, count) };
        let lengths =
            (!lengths.is_null()).then(|| unsafe { std::slice::from_raw_parts(lengths, count) });
        let out = unsafe { status_slots(statuses, count, count) }?;
        for (i, (slot, &item)) in out.iter_mut().zip(items).enumerate() {
            let len = lengths.map_or(-1, |l| l[i]);
            *slot = if item.is_null() && len != 0 {
                Status::NullArgument.code()
            } else {
                // SAFETY: a valid text argument per the documented rules
                // (NULL only with length 0, which text_in reads as empty).
                match unsafe { text_in(item, len, "item") } {
                    Ok(bytes) => brn::check_bytes(bytes).code(),
                    Err(e) => e.status().code(),
                }
            };
        }
        Ok(())
    })
}

/// Checks `record_count` numbers stored as fixed-width records of
/// `record_width` bytes each (a COBOL `OCCURS` table of `PIC X(n)`), writing
/// one status per record into `statuses` (which must hold `record_count`
/// slots). Each record is checked as by `smartbill_brn_check`, so space
/// padding is ignored. `data` must hold `record_width * record_count` bytes.
#[no_mangle]
pub unsafe extern "C" fn smartbill_brn_check_records(
    data: *const c_char,
    record_width: usize,
    record_count: usize,
    statuses: *mut i32,
) -> i32 {
    guard("smartbill_brn_check_records", || {
        let total = record_width
            .checked_mul(record_count)
            .filter(|&t| t <= isize::MAX as usize)
            .ok_or_else(|| Error::new(Status::InvalidArgument, Message::RecordsOverflow {}))?;
        if record_width == 0 && record_count > 0 {
            return Err(
                Error::new(Status::InvalidArgument, Message::RecordWidthZero {})
                    .with_field("record_width"),
            );
        }
        // SAFETY: the caller passes `total` readable bytes and `record_count` slots.
        let data = unsafe { text_in(data, total as isize, "data") }?;
        let out = unsafe { status_slots(statuses, record_count, record_count) }?;
        for (slot, record) in out.iter_mut().zip(data.chunks_exact(record_width.max(1))) {
            *slot = brn::check_bytes(record).code();
        }
        Ok(())
    })
}

/// Scans one number; a refusal keeps the input, and the message is written
/// only if the caller asks for it.
fn scan(input: &[u8]) -> Result<brn::Brn, Failure<'_>> {
    brn::scan(input).map_err(|refusal| Failure::Brn { input, refusal })
}

/// The caller's status array as a slice of `needed` slots.
///
/// # Safety
/// `ptr` must be NULL or valid for `cap` writes of `int32_t`.
unsafe fn status_slots<'a>(
    ptr: *mut i32,
    cap: usize,
    needed: usize,
) -> smartbill_signup_core::Result<&'a mut [i32]> {
    if cap < needed {
        return Err(Error::new(
            Status::BufferTooSmall,
            Message::StatusSlotsTooFew { cap, needed },
        ));
    }
    if needed == 0 {
        return Ok(&mut []);
    }
    if ptr.is_null() {
        return Err(super::args::null_argument("statuses"));
    }
    // SAFETY: non-NULL and valid for `cap >= needed` slots.
    Ok(unsafe { std::slice::from_raw_parts_mut(ptr, needed) })
}
