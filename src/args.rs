//! Reading arguments and writing results across the boundary
//! (the header's conventions 3 and 4: text in, text out).

use smartbill_signup_core::error::{Error, Result};
use smartbill_signup_core::message::Message;
use smartbill_signup_core::status::Status;
use smartbill_signup_core::text::Charset;
use std::ffi::{c_char, CStr};

/// A text argument `(ptr, len)`: `len < 0` means NUL-terminated. NULL with
/// `len == 0` is the empty text; NULL otherwise is `NULL_ARGUMENT`.
///
/// # Safety
/// `ptr` must be NULL, or point to `len` readable bytes (or to a
/// NUL-terminated string when `len < 0`) that outlive the call.
#[inline]
pub(crate) unsafe fn text_in<'a>(ptr: *const c_char, len: isize, name: &str) -> Result<&'a [u8]> {
    if ptr.is_null() {
        if len == 0 {
            return Ok(&[]);
        }
        return Err(null_argument(name));
    }
    if len < 0 {
        // SAFETY: `ptr` is not NULL (checked above) and, for `len < 0`, our
        // caller promises a NUL-terminated string that outlives `'a`.
        Ok(unsafe { CStr::from_ptr(ptr) }.to_bytes())
    } else {
        // SAFETY: `ptr` is not NULL (checked above), our caller promises
        // `len` readable bytes that outlive `'a`, and `len` is not negative
        // here, so `len as usize` is exact and at most `isize::MAX`.
        Ok(unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len as usize) })
    }
}

/// A UTF-8 text argument.
///
/// # Safety
/// As [`text_in`].
pub(crate) unsafe fn utf8_in<'a>(ptr: *const c_char, len: isize, name: &str) -> Result<&'a str> {
    // SAFETY: our caller gives `text_in`'s own promise for `ptr` and `len`.
    let bytes = unsafe { text_in(ptr, len, name) }?;
    std::str::from_utf8(bytes).map_err(|e| {
        Error::new(
            Status::InvalidText,
            Message::InvalidText {
                what: name.to_string(),
                charset: "UTF-8",
                offset: e.valid_up_to(),
            },
        )
        .with_field(name)
    })
}

pub(crate) fn null_argument(name: &str) -> Error {
    Error::new(
        Status::NullArgument,
        Message::NullArgument {
            name: name.to_string(),
        },
    )
    .with_field(name)
}

/// A required output pointer.
///
/// # Safety
/// `ptr` must be NULL or valid for a write of `T`.
pub(crate) unsafe fn out_ptr<'a, T>(ptr: *mut T, name: &str) -> Result<&'a mut T> {
    // SAFETY: our caller promises a non-NULL `ptr` is valid for a write of
    // `T` (and unaliased for `'a`); `as_mut` turns NULL into `None`.
    unsafe { ptr.as_mut() }.ok_or_else(|| null_argument(name))
}

/// Writes `bytes` into the caller's buffer (convention 4): `*out_len` always
/// gets the length (without NUL); if `cap` is smaller, nothing is written and
/// the result is `BUFFER_TOO_SMALL`; a NUL follows when there is room.
///
/// # Safety
/// `buf` must be NULL or valid for `cap` bytes of writes; `out_len` NULL or
/// valid for a write.
pub(crate) unsafe fn text_out(
    bytes: &[u8],
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Result<()> {
    // SAFETY: our caller promises `out_len` is NULL or valid for a write.
    let out_len = unsafe { out_ptr(out_len, "out_len") }?;
    *out_len = bytes.len();
    if cap < bytes.len() {
        return Err(Error::new(
            Status::BufferTooSmall,
            Message::BufferTooSmall {
                needed: bytes.len(),
                cap,
            },
        ));
    }
    if cap == 0 {
        return Ok(());
    }
    if buf.is_null() {
        return Err(null_argument("buf"));
    }
    let buf = buf.cast::<u8>();
    // SAFETY: `buf` is not NULL (checked above) and our caller promises it
    // writable for `cap >= bytes.len()` bytes; `bytes` is Rust memory, which
    // a C buffer we were handed cannot overlap.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf, bytes.len()) };
    if cap > bytes.len() {
        // SAFETY: `bytes.len() < cap`, so the offset stays inside the
        // caller's `cap` writable bytes.
        let end = unsafe { buf.add(bytes.len()) };
        // SAFETY: `end` is the byte after the text, one of the caller's
        // `cap` writable bytes.
        unsafe { end.write(0) };
    }
    Ok(())
}

/// Flags for text crossing the boundary in either direction
/// (`SMARTBILL_TEXT_*`): `CP949` selects CP949 instead of UTF-8; `PAD`
/// (outputs only) fills the whole buffer with the text followed by spaces,
/// for fixed-length fields.
pub(crate) fn charset_of(flags: u32) -> smartbill_signup_core::Result<Charset> {
    if flags & !(super::SMARTBILL_TEXT_CP949 | super::SMARTBILL_TEXT_PAD) != 0 {
        return Err(Error::new(
            Status::InvalidArgument,
            Message::UnknownFlags {
                flags: format!("0x{flags:x}"),
            },
        )
        .with_field("flags"));
    }
    Ok(if flags & super::SMARTBILL_TEXT_CP949 != 0 {
        Charset::Cp949
    } else {
        Charset::Utf8
    })
}

/// A text argument in the charset `flags` select, decoded to Rust text.
///
/// # Safety
/// As [`text_in`].
pub(crate) unsafe fn text_in_as<'a>(
    ptr: *const c_char,
    len: isize,
    flags: u32,
    name: &str,
) -> Result<std::borrow::Cow<'a, str>> {
    let charset = charset_of(flags)?;
    // SAFETY: our caller gives `text_in`'s own promise for `ptr` and `len`.
    let bytes = unsafe { text_in(ptr, len, name) }?;
    smartbill_signup_core::text::decode(bytes, charset, name)
}

/// Writes `text` encoded as `flags` select: `SMARTBILL_TEXT_CP949` encodes to
/// CP949 (`UNENCODABLE` naming the character if it cannot); with
/// `SMARTBILL_TEXT_PAD` the text fills exactly `cap` bytes, padded with
/// spaces and without a NUL; text longer than `cap` is never cut, it is
/// `BUFFER_TOO_SMALL` as usual. `*out_len` gets the text's own length.
///
/// # Safety
/// As [`text_out`].
pub(crate) unsafe fn text_out_as(
    text: &str,
    flags: u32,
    what: &str,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Result<()> {
    let charset = charset_of(flags)?;
    let bytes = smartbill_signup_core::text::encode(text, charset).map_err(|c| {
        Error::new(
            Status::Unencodable,
            Message::Unencodable {
                what: what.to_string(),
                character: smartbill_signup_core::text::describe_char(c),
                charset: "CP949",
            },
        )
        .with_field(what)
    })?;
    // SAFETY: our caller gives `text_out`'s promise for `buf`, `cap` and
    // `out_len`, which is `padded_out`'s.
    unsafe { padded_out(&bytes, flags, buf, cap, out_len) }
}

/// Writes already encoded `bytes` as [`text_out`] does, then, with
/// `SMARTBILL_TEXT_PAD` in `flags`, fills the rest of the `cap` bytes with
/// spaces instead of a NUL.
///
/// # Safety
/// As [`text_out`].
pub(crate) unsafe fn padded_out(
    bytes: &[u8],
    flags: u32,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Result<()> {
    // SAFETY: our caller gives `text_out`'s own promise for `buf`, `cap`
    // and `out_len`.
    unsafe { text_out(bytes, buf, cap, out_len) }?;
    if flags & super::SMARTBILL_TEXT_PAD != 0 && cap > bytes.len() {
        // SAFETY: `text_out` succeeded with `cap > 0`, so `buf` is not NULL
        // and (our caller's promise) writable for `cap` bytes, of which
        // `bytes.len() < cap` are the text: the offset stays inside them.
        let rest = unsafe { buf.cast::<u8>().add(bytes.len()) };
        // SAFETY: `rest` starts inside the caller's `cap` writable bytes and
        // the `cap - bytes.len()` spaces end exactly at their end.
        unsafe { std::ptr::write_bytes(rest, b' ', cap - bytes.len()) };
    }
    Ok(())
}
