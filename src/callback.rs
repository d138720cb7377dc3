//! The signup callback through the C ABI: parse a body into a handle, read
//! its keys, and check who sent it.

use super::args::{charset_of, out_ptr, text_in, text_in_as, text_out_as, utf8_in};
use super::boundary::guard;
use super::handle::{self, BoxOut, Castable};
use smartbill_signup_core::callback::source::{Environment, SourceAllowList};
use smartbill_signup_core::callback::{
    self, Callback, Key, ParseOptions, Sensitivity, DEFAULT_MAX_BYTES,
};
use smartbill_signup_core::error::{Error, Result};
use smartbill_signup_core::message::Message;
use smartbill_signup_core::status::Status;
use smartbill_signup_core::text::trim;
use std::borrow::Cow;
use std::ffi::c_char;

/// A parsed callback (opaque). Made by `smartbill_callback_parse`, released
/// by `smartbill_callback_free`. Read-only once made: it may move between
/// threads but must not be used by two threads at once.
pub struct SmartbillCallback {
    _private: [u8; 0],
}

impl Castable for SmartbillCallback {
    type RustType = Callback;
}

/// Parses the JSON body SmartBill POSTs to the ERP's callback URL.
///
/// `body`/`body_len`: the raw request body (`body_len < 0`: NUL-terminated),
/// UTF-8, a leading BOM allowed. `max_bytes`: the size limit, 0 for the
/// default 64 KiB. On success `*out` receives a handle to release with
/// `smartbill_callback_free`; on failure `*out` is set to NULL.
///
/// Statuses, checked in this order: `SMARTBILL_ERR_CALLBACK_TOO_LARGE`
/// (longer than `max_bytes`, before anything is read);
/// `SMARTBILL_ERR_INVALID_TEXT` (not UTF-8); `SMARTBILL_ERR_CALLBACK_JSON`
/// (broken JSON, trailing characters or an empty body; the last error gives
/// line, column and byte); `SMARTBILL_ERR_CALLBACK_SHAPE` (not a JSON
/// object, a value that is an object, array or boolean, or a key given
/// twice in any case or spelling); `SMARTBILL_ERR_CALLBACK_MISSING`
/// (`USER_SBID`, `COM_REGNO`, `AUTH_CODE` or `AUTH_TOKEN` absent, null or
/// blank; the last error's field names it). The body is read front to
/// back and the first problem decides between JSON and SHAPE.
/// `SMARTBILL_ERR_NULL_ARGUMENT` for a NULL `out`, or a NULL `body` with a
/// non-zero length. Error messages never contain `AUTH_CODE` or
/// `AUTH_TOKEN` values.
#[no_mangle]
pub unsafe extern "C" fn smartbill_callback_parse(
    body: *const c_char,
    body_len: isize,
    max_bytes: usize,
    out: *mut *mut SmartbillCallback,
) -> i32 {
    guard("smartbill_callback_parse", || {
        // SAFETY: `out` is NULL or points to a `SmartbillCallback *` the
        // caller lets us write (the header's rule for `out`).
        let out = unsafe { BoxOut::new(out, "out") }?;
        // SAFETY: `body` is text per convention 3: NULL, or `body_len`
        // readable bytes (NUL-terminated when negative) outliving the call.
        let body = unsafe { text_in(body, body_len, "body") }?;
        let max_bytes = if max_bytes == 0 {
            DEFAULT_MAX_BYTES
        } else {
            max_bytes
        };
        let parsed = callback::parse_with(body, &ParseOptions { max_bytes })?;
        out.set(parsed);
        Ok(())
    })
}

/// Copies the value of `key` into `buf`.
///
/// `key`/`key_len`: any key, matched in any ASCII case, surrounding
/// whitespace ignored: the current names (`USER_SBID`, `COM_REGNO`,
/// `AUTH_CODE`, `AUTH_TOKEN`, `USER_NAME`, `USER_EMAIL`, `USER_PHONE`,
/// `COM_NAME`, `COM_PRESIDENT`, `COM_ADDRESS`, `regYn`), `pID` (the older
/// guide's ERP user ID), the older names `SBID` and `Email` (same values as
/// `USER_SBID` and `USER_EMAIL`), or any unknown key the body carried.
///
/// An absent or null key is not an error: the result is `SMARTBILL_OK`
/// with empty text (all spaces with `SMARTBILL_TEXT_PAD`). Use
/// `smartbill_callback_has` to tell absent from empty. The four required
/// keys are always present in a parsed callback.
///
/// `flags`: `SMARTBILL_TEXT_CP949` for the key and the value in CP949
/// (`SMARTBILL_ERR_UNENCODABLE` if the value holds a character CP949
/// cannot represent); `SMARTBILL_TEXT_PAD` to fill all `cap` bytes with the
/// value and spaces (no NUL), for fixed-length fields. Values are trimmed.
/// Output rules as every text output (`SMARTBILL_ERR_BUFFER_TOO_SMALL`,
/// nothing written, `*out_len` = size needed). `SMARTBILL_ERR_INVALID_ARGUMENT`
/// for an empty key or unknown flags; `SMARTBILL_ERR_NULL_ARGUMENT` for a
/// NULL `cb` or `out_len`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_callback_get(
    cb: *const SmartbillCallback,
    key: *const c_char,
    key_len: isize,
    flags: u32,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard("smartbill_callback_get", || {
        // SAFETY: `cb` is NULL or a live callback handle (from
        // `smartbill_callback_parse` or `smartbill_record_callback`) that no
        // other thread uses during this call (convention 5).
        let cb = unsafe { handle::borrow(cb, "cb") }?;
        // SAFETY: `key` is text per convention 3: NULL, or `key_len`
        // readable bytes (NUL-terminated when negative) outliving the call.
        let (known, key) = unsafe { key_arg(key, key_len, flags) }?;
        let value = match known {
            Some(k) => cb.value(k),
            None => cb.get(&key),
        }
        .unwrap_or("");
        let secret = known.filter(|k| k.is_secret());
        let field: &str = match known {
            Some(k) => k.name(),
            None => &key,
        };
        // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len`
        // NULL or writable, per convention 4.
        let written = unsafe { text_out_as(value, flags, field, buf, cap, out_len) };
        written.map_err(|e| match secret {
            // The generic message names the offending character: not for secrets.
            Some(k) if e.status() == Status::Unencodable => Error::new(
                Status::Unencodable,
                Message::SecretUnencodable {
                    key: k.name().to_string(),
                },
            )
            .with_field(k.name()),
            _ => e,
        })
    })
}

/// Sets `*present` to 1 when `key` has a value (even an empty string), 0
/// when it is absent or null. `key`, `key_len` and `flags` (charset of the
/// key) as for `smartbill_callback_get`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_callback_has(
    cb: *const SmartbillCallback,
    key: *const c_char,
    key_len: isize,
    flags: u32,
    present: *mut i32,
) -> i32 {
    guard("smartbill_callback_has", || {
        // SAFETY: `cb` is NULL or a live callback handle (from
        // `smartbill_callback_parse` or `smartbill_record_callback`) that no
        // other thread uses during this call (convention 5).
        let cb = unsafe { handle::borrow(cb, "cb") }?;
        // SAFETY: `present` is NULL or writable (the header's rule).
        let present = unsafe { out_ptr(present, "present") }?;
        // SAFETY: `key` is text per convention 3: NULL, or `key_len`
        // readable bytes (NUL-terminated when negative) outliving the call.
        let key = unsafe { key_in(key, key_len, flags) }?;
        *present = i32::from(cb.has(&key));
        Ok(())
    })
}

/// Sets `*valid` to 1 when `COM_REGNO` passes the business-number rules
/// (as `smartbill_brn_check`), else 0. A failing number does not stop the
/// callback from parsing: the guide's own sample (`1111111111`) fails.
#[no_mangle]
pub unsafe extern "C" fn smartbill_callback_com_regno_valid(
    cb: *const SmartbillCallback,
    valid: *mut i32,
) -> i32 {
    guard("smartbill_callback_com_regno_valid", || {
        // SAFETY: `cb` is NULL or a live callback handle (from
        // `smartbill_callback_parse` or `smartbill_record_callback`) that no
        // other thread uses during this call (convention 5).
        let cb = unsafe { handle::borrow(cb, "cb") }?;
        // SAFETY: `valid` is NULL or writable (the header's rule).
        let valid = unsafe { out_ptr(valid, "valid") }?;
        *valid = i32::from(cb.com_regno_valid());
        Ok(())
    })
}

/// Sets `*count` to the number of keys with a value (null keys are absent),
/// for enumerating them with `smartbill_callback_key_name`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_callback_key_count(
    cb: *const SmartbillCallback,
    count: *mut usize,
) -> i32 {
    guard("smartbill_callback_key_count", || {
        // SAFETY: `cb` is NULL or a live callback handle (from
        // `smartbill_callback_parse` or `smartbill_record_callback`) that no
        // other thread uses during this call (convention 5).
        let cb = unsafe { handle::borrow(cb, "cb") }?;
        // SAFETY: `count` is NULL or writable (the header's rule).
        let count = unsafe { out_ptr(count, "count") }?;
        *count = cb.key_count();
        Ok(())
    })
}

/// Copies the name of the `index`-th key (0-based, body order) into `buf`:
/// the canonical name for a known key (`USER_SBID` for `SBID` or
/// `user_sbid`, `regYn`, `pID`), the name as written for an unknown one.
/// `SMARTBILL_ERR_INVALID_ARGUMENT` when `index` is not below the count.
/// `flags` and output rules as for `smartbill_callback_get`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_callback_key_name(
    cb: *const SmartbillCallback,
    index: usize,
    flags: u32,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard("smartbill_callback_key_name", || {
        // SAFETY: `cb` is NULL or a live callback handle (from
        // `smartbill_callback_parse` or `smartbill_record_callback`) that no
        // other thread uses during this call (convention 5).
        let cb = unsafe { handle::borrow(cb, "cb") }?;
        let name = cb.key_name(index).ok_or_else(|| {
            Error::new(
                Status::InvalidArgument,
                Message::KeyIndexOutOfRange {
                    index,
                    count: cb.key_count(),
                },
            )
            .with_field("index")
        })?;
        // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len`
        // NULL or writable, per convention 4.
        unsafe { text_out_as(name, flags, "key name", buf, cap, out_len) }
    })
}

/// Sets `*key_flags` to what the library knows about the callback key
/// `key`, as `SMARTBILL_KEY_*` bits: `KNOWN`, `REQUIRED`, and `SECRET` or
/// `PERSONAL` for a value that must never be shown where people read it
/// (logs, reports, a wrapper's default string form: show such a value as
/// redacted). A key the library does not know is `SMARTBILL_KEY_PERSONAL`
/// alone: it may hold anything. The key is matched as
/// `smartbill_callback_get` matches it (any ASCII case, the older names
/// `SBID`, `Email`, `regYN`, surrounding whitespace ignored); needs no
/// parsed callback. `flags`: `SMARTBILL_TEXT_CP949` for a key in CP949.
///
/// `SMARTBILL_ERR_INVALID_ARGUMENT` for an empty key or unknown flags,
/// `SMARTBILL_ERR_INVALID_TEXT` for a key that is not valid text,
/// `SMARTBILL_ERR_NULL_ARGUMENT` for a NULL `key_flags`; `*key_flags` is 0
/// whenever the call fails.
#[no_mangle]
pub unsafe extern "C" fn smartbill_callback_key_flags(
    key: *const c_char,
    key_len: isize,
    flags: u32,
    key_flags: *mut u32,
) -> i32 {
    guard("smartbill_callback_key_flags", || {
        // SAFETY: `key_flags` is NULL or writable (the header's rule).
        let out = unsafe { out_ptr(key_flags, "key_flags") }?;
        *out = 0;
        // SAFETY: `key` is text per convention 3: NULL, or `key_len`
        // readable bytes (NUL-terminated when negative) outliving the call.
        let key = unsafe { key_in(key, key_len, flags) }?;
        let known = Key::lookup(&key);
        let mut bits = match Sensitivity::of_name(&key) {
            Sensitivity::Public => 0,
            Sensitivity::Personal => super::SMARTBILL_KEY_PERSONAL,
            Sensitivity::Secret => super::SMARTBILL_KEY_SECRET,
        };
        if let Some(k) = known {
            bits |= super::SMARTBILL_KEY_KNOWN;
            if k.is_required() {
                bits |= super::SMARTBILL_KEY_REQUIRED;
            }
        }
        *out = bits;
        Ok(())
    })
}

/// Releases a callback made by `smartbill_callback_parse`. NULL is
/// accepted and does nothing. The handle must not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn smartbill_callback_free(cb: *mut SmartbillCallback) {
    // SAFETY: `cb` is NULL or a callback handle that the caller releases
    // here and never uses again (this function's contract).
    unsafe { handle::free(cb) }
}

/// Checks whether a callback request came from SmartBill: sets `*allowed`
/// to 1 when `ip` is the guide's source address for `environment` (demo
/// `58.181.27.5`, production `183.111.188.210`) or one of `extra_ips`,
/// else 0.
///
/// `environment`: `"demo"` or `"production"` (any case), or a custom base
/// URL (a local stand-in, a proxy), which has no fixed source address: only
/// `extra_ips` are allowed for it. Anything else is
/// `SMARTBILL_ERR_INVALID_ARGUMENT`. `ip`: the request's peer address as
/// text; an IPv4-mapped IPv6 address (`::ffff:58.181.27.5`) counts as the
/// IPv4 one; surrounding whitespace is ignored; anything that is not exactly
/// an address (a port, brackets, a host name, garbage, invalid UTF-8) is
/// simply not allowed. `extra_ips`: more addresses, separated by commas,
/// semicolons, spaces or newlines, so new SmartBill servers need no new
/// release; NULL with length 0 (or empty text) for none. A malformed extra
/// address is `SMARTBILL_ERR_INVALID_ARGUMENT` naming it.
/// `*allowed` is 0 whenever the call fails. `SMARTBILL_ERR_NULL_ARGUMENT`
/// for a NULL `allowed`, or a NULL text with a non-zero length.
#[no_mangle]
pub unsafe extern "C" fn smartbill_callback_source_allowed(
    environment: *const c_char,
    environment_len: isize,
    ip: *const c_char,
    ip_len: isize,
    extra_ips: *const c_char,
    extra_ips_len: isize,
    allowed: *mut i32,
) -> i32 {
    guard("smartbill_callback_source_allowed", || {
        // SAFETY: `allowed` is NULL or writable (the header's rule).
        let allowed = unsafe { out_ptr(allowed, "allowed") }?;
        *allowed = 0;
        // SAFETY: `environment` is text per convention 3: NULL, or
        // `environment_len` readable bytes (NUL-terminated when negative).
        let environment = unsafe { utf8_in(environment, environment_len, "environment") }?;
        let environment = Environment::parse(environment)?;
        // SAFETY: `ip` is text per convention 3, as `environment` is.
        let ip = unsafe { text_in(ip, ip_len, "ip") }?;
        let mut list = SourceAllowList::new(&environment);
        // SAFETY: `extra_ips` is text per convention 3 (NULL with length 0
        // for none), as `environment` is.
        let extra_ips = unsafe { utf8_in(extra_ips, extra_ips_len, "extra_ips") }?;
        list.add_list(extra_ips)?;
        *allowed = i32::from(std::str::from_utf8(ip).is_ok_and(|ip| list.allows(ip)));
        Ok(())
    })
}

/// A key argument in the charset `flags` select, trimmed; empty is refused.
///
/// # Safety
/// As `text_in`.
unsafe fn key_in<'a>(key: *const c_char, key_len: isize, flags: u32) -> Result<Cow<'a, str>> {
    // SAFETY: the same text argument, under the same promise from our caller.
    unsafe { key_arg(key, key_len, flags) }.map(|(_, key)| key)
}

/// A key argument as [`key_in`] reads it, with the known key it names. A
/// key spelled exactly as a known one (ASCII, the same in both charsets)
/// is recognised without decoding.
///
/// # Safety
/// As `text_in`.
unsafe fn key_arg<'a>(
    key: *const c_char,
    key_len: isize,
    flags: u32,
) -> Result<(Option<Key>, Cow<'a, str>)> {
    charset_of(flags)?;
    // SAFETY: our caller promises `key` is text per convention 3.
    let raw = unsafe { text_in(key, key_len, "key") }?;
    if let Some(known) = Key::lookup_bytes(raw) {
        return Ok((Some(known), Cow::Borrowed(known.name())));
    }
    // SAFETY: the same text as `raw` above, read again to decode it.
    let key = match unsafe { text_in_as(key, key_len, flags, "key") }? {
        Cow::Borrowed(k) => Cow::Borrowed(trim(k)),
        Cow::Owned(k) => Cow::Owned(trim(&k).to_string()),
    };
    if key.is_empty() {
        return Err(Error::new(
            Status::InvalidArgument,
            Message::EmptyArgument {
                name: "key".to_string(),
            },
        )
        .with_field("key"));
    }
    Ok((Key::lookup(&key), key))
}
