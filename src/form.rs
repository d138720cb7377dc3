//! The signup form through the C ABI: an opaque handle over
//! `form::SignupForm`, and the parameter table for wrappers.

use super::args::{out_ptr, text_in, text_out, utf8_in};
use super::boundary::{guard, guard_value, internal_error};
use super::handle::{self, BoxOut, Castable};
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::error::{Error, Result};
use smartbill_signup_core::form::{SignupForm, FIELDS};
use smartbill_signup_core::text::Charset;
use std::ffi::c_char;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

/// A signup form. Opaque: made by `smartbill_form_new`, released by
/// `smartbill_form_free`.
pub struct SmartbillForm {
    _private: [u8; 0],
}

impl Castable for SmartbillForm {
    type RustType = SignupForm;
}

/// Creates a signup form.
///
/// `environment`/`environment_len`: `"demo"` (http://demo.smartbill.co.kr),
/// `"production"` (http://www.smartbill.co.kr), or a base URL (http or https,
/// optionally with a port and a path such as a proxy prefix; no
/// credentials, query or fragment). The form posts to
/// `<base>/xMain/mb/shar_transfer/info_inpt01.aspx`.
///
/// On success `*out` receives a new form, which the caller owns and must
/// release with `smartbill_form_free`. On failure `*out` is set to NULL.
/// Returns `SMARTBILL_ERR_INVALID_ARGUMENT` for an unknown environment or a
/// bad URL (the last error says why), `SMARTBILL_ERR_INVALID_TEXT` for text
/// that is not UTF-8, `SMARTBILL_ERR_NULL_ARGUMENT` when `out` is NULL.
#[no_mangle]
pub unsafe extern "C" fn smartbill_form_new(
    environment: *const c_char,
    environment_len: isize,
    out: *mut *mut SmartbillForm,
) -> i32 {
    guard("smartbill_form_new", || {
        // SAFETY: `out` is NULL or points to a `SmartbillForm *` the caller
        // lets us write (the header's rule for `out`).
        let out = unsafe { BoxOut::new(out, "out") }?;
        // SAFETY: `environment` is text per convention 3: NULL, or
        // `environment_len` readable bytes (NUL-terminated when negative)
        // that outlive this call.
        let environment = unsafe { utf8_in(environment, environment_len, "environment") }?;
        out.set(SignupForm::new(Environment::parse(environment)?));
        Ok(())
    })
}

/// Releases a form made by `smartbill_form_new`. NULL is accepted and
/// ignored. The pointer must not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn smartbill_form_free(form: *mut SmartbillForm) {
    // SAFETY: `form` is NULL or a form from `smartbill_form_new` that the
    // caller releases here and never uses again (this function's contract).
    unsafe { handle::free(form) }
}

/// Sets a signup parameter.
///
/// `name`: one of SmartBill's 15 parameter names, case-sensitive (see
/// "Signup parameters" near the top of this header, or
/// `smartbill_form_field_name`). `value`: its value, in the form's
/// `input_charset` (UTF-8 unless `smartbill_form_set_option` said
/// `"euc-kr"`), and so is the name. A language whose strings are Unicode
/// passes them with `smartbill_form_set_utf8` instead. Both are trimmed;
/// a blank value clears the parameter (it is then not sent). Setting a
/// parameter again replaces its value.
///
/// Checked now: `SMARTBILL_ERR_INVALID_ARGUMENT` for an unknown name,
/// `SMARTBILL_ERR_INVALID_TEXT` for bytes invalid in the input charset,
/// `SMARTBILL_ERR_FIELD_UNENCODABLE` for a character CP949 cannot hold
/// (e.g. an emoji). Checked by `smartbill_form_validate` (and so by
/// `_html` and `_urlencoded`): required parameters, formats and the CP949
/// byte limits. A refused value is not stored and every failure of this
/// call, whatever its status (a NULL name or value with a non-zero length,
/// `SMARTBILL_ERR_NULL_ARGUMENT`, and a failure inside the library,
/// `SMARTBILL_ERR_INTERNAL`, included), is remembered:
/// `smartbill_form_validate`, `_html` and `_urlencoded` fail with it until
/// the same parameter is set successfully (an unknown name and an internal
/// failure are never forgotten), so a caller that misses a return code
/// cannot send an incomplete form. Only the latest failure per parameter
/// is kept, and the first for unknown names. A NULL `form` is
/// `SMARTBILL_ERR_NULL_ARGUMENT`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_form_set(
    form: *mut SmartbillForm,
    name: *const c_char,
    name_len: isize,
    value: *const c_char,
    value_len: isize,
) -> i32 {
    // SAFETY: the caller keeps this function's contract, which is
    // `set_name_value`'s.
    unsafe {
        set_name_value(
            "smartbill_form_set",
            form,
            (name, name_len),
            (value, value_len),
            |form, name, value| form.set_bytes(name, value),
            SignupForm::remember_set_failure,
        )
    }
}

/// Sets a signup parameter from UTF-8 text, whatever the form's
/// `input_charset`: for callers whose strings are Unicode (a Java `String`,
/// a .NET `string`, a Python `str`), which always pass them as UTF-8, while
/// bytes read from a legacy system (CP949 after `input_charset` =
/// `euc-kr`) go through `smartbill_form_set`. So the same text gives the
/// same result whatever the option says: `"Café"` is
/// `SMARTBILL_ERR_FIELD_UNENCODABLE` (CP949 has no `é`), never CP949 bytes
/// misread. `name` and `value` are UTF-8 (`SMARTBILL_ERR_INVALID_TEXT`
/// otherwise); everything else is as `smartbill_form_set`: trimmed, a blank
/// value clears the parameter, the same checks and statuses, and every
/// failure is remembered the same way.
#[no_mangle]
pub unsafe extern "C" fn smartbill_form_set_utf8(
    form: *mut SmartbillForm,
    name: *const c_char,
    name_len: isize,
    value: *const c_char,
    value_len: isize,
) -> i32 {
    // SAFETY: the caller keeps this function's contract, which is
    // `set_name_value`'s.
    unsafe {
        set_name_value(
            "smartbill_form_set_utf8",
            form,
            (name, name_len),
            (value, value_len),
            |form, name, value| form.set_bytes_in(Charset::Utf8, name, value),
            SignupForm::remember_set_failure,
        )
    }
}

/// Sets a form option (names and values are ASCII, case as shown):
///
/// - `input_charset`: `utf-8` (default) or `euc-kr` (CP949; `cp949` and
///   `ms949` too): how later `smartbill_form_set` names and values are encoded.
/// - `output_charset` (alias `page_charset`): `utf-8` (default) or `euc-kr`:
///   the encoding of the page (its meta tag and `accept-charset` say so)
///   and of the urlencoded body's percent-encoded bytes.
/// - `auto_submit`: `yes` (default) or `no` (`true`/`false`, `1`/`0`,
///   `on`/`off`): whether the page posts itself on load. The page always
///   has a visible submit button for browsers without script.
/// - `target`: `_blank` (default, as in SmartBill's guide), `_self`,
///   `_parent`, `_top`, or a window name (letters, digits, `_`, `-`, at
///   most 64, not starting with `_`) as given to `window.open`. Browsers
///   may block a `_blank` window that a script opens: when the page is
///   itself shown in the popup, use `_self`.
/// - `brn_check`: `strict` (default: a valid business number) or `digits`
///   (any 10 digits, for SmartBill's demo numbers such as `0000000000`).
///
/// Returns `SMARTBILL_ERR_INVALID_ARGUMENT` naming the option for an
/// unknown option or a bad value, `SMARTBILL_ERR_INVALID_TEXT` for text
/// that is not UTF-8; every failure is remembered as for
/// `smartbill_form_set` until the option is set successfully (the latest
/// per option).
#[no_mangle]
pub unsafe extern "C" fn smartbill_form_set_option(
    form: *mut SmartbillForm,
    name: *const c_char,
    name_len: isize,
    value: *const c_char,
    value_len: isize,
) -> i32 {
    // SAFETY: the caller keeps this function's contract, which is
    // `set_name_value`'s.
    unsafe {
        set_name_value(
            "smartbill_form_set_option",
            form,
            (name, name_len),
            (value, value_len),
            |form, name, value| form.set_option_bytes(name, value),
            SignupForm::remember_option_failure,
        )
    }
}

/// Writes the current value of a form option into `buf`, in its canonical
/// spelling (ASCII): `input_charset` and `output_charset` (alias
/// `page_charset`) `utf-8` or `euc-kr`; `auto_submit` `yes` or `no`;
/// `target` as set; `brn_check` `strict` or `digits`. `name` as for
/// `smartbill_form_set_option` (UTF-8, surrounding whitespace ignored), so a
/// wrapper learns what the library understood without a rule of its own.
/// `SMARTBILL_ERR_INVALID_ARGUMENT` for an unknown option,
/// `SMARTBILL_ERR_INVALID_TEXT` for a name that is not UTF-8. Reading is
/// not setting: nothing is remembered by the form. Output rules as for every
/// text output.
#[no_mangle]
pub unsafe extern "C" fn smartbill_form_option(
    form: *const SmartbillForm,
    name: *const c_char,
    name_len: isize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard("smartbill_form_option", || {
        // SAFETY: `form` is NULL or a live form from `smartbill_form_new`
        // that no other thread changes during this call (convention 5).
        let form = unsafe { handle::borrow(form, "form") }?;
        // SAFETY: `name` is text per convention 3: NULL, or `name_len`
        // readable bytes (NUL-terminated when negative) outliving the call.
        let name = unsafe { utf8_in(name, name_len, "name") }?;
        let value = form.options().get(name)?;
        // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len`
        // NULL or writable, per convention 4.
        unsafe { text_out(value.as_bytes(), buf, cap, out_len) }
    })
}

/// Checks the whole form. Returns `SMARTBILL_OK`, a remembered refusal from
/// `smartbill_form_set`/`_set_option`, or the first parameter, in the
/// guide's order, that breaks a rule: `SMARTBILL_ERR_FIELD_REQUIRED`
/// (`pComRegNo` or `pMIGRATIONFLAG` missing or blank),
/// `SMARTBILL_ERR_FIELD_FORMAT` (a business number that is not valid, with
/// the rule it breaks; a zip code not of 5 digits; a phone, mobile or fax
/// other than digits and dashes; an implausible e-mail; `pMasterYN` other
/// than `Y`/`N`; a control character), `SMARTBILL_ERR_FIELD_TOO_LONG` (over
/// the limit in CP949 bytes: a Hangul syllable counts 2). The last error
/// names the parameter (`smartbill_last_error_field`) and what is wrong.
#[no_mangle]
pub unsafe extern "C" fn smartbill_form_validate(form: *const SmartbillForm) -> i32 {
    guard("smartbill_form_validate", || {
        // SAFETY: `form` is NULL or a live form from `smartbill_form_new`
        // that no other thread changes during this call (convention 5).
        unsafe { handle::borrow(form, "form") }?.validate()
    })
}

/// Writes the popup page into `buf`: a complete HTML document whose form
/// posts the set parameters (one hidden input each, in the guide's order,
/// every value HTML-escaped) to the environment's action URL with
/// `method="post"` and `accept-charset` of the output charset, plus a
/// visible submit button and, unless `auto_submit` is `no`, an ES3 script
/// that submits it. The bytes are UTF-8, or CP949 when `output_charset` is
/// `euc-kr`.
///
/// Fails first as `smartbill_form_validate` does (then `*out_len` is 0).
/// Output rules as for every text output: `*out_len` gets the length
/// without NUL; `SMARTBILL_ERR_BUFFER_TOO_SMALL` with nothing written when
/// `cap` is smaller (`buf = NULL, cap = 0` asks for the size); a NUL follows
/// when `cap > *out_len`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_form_html(
    form: *const SmartbillForm,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard("smartbill_form_html", || {
        // SAFETY: `form` is NULL or a live form from `smartbill_form_new`
        // that no other thread changes during this call (convention 5).
        let form = unsafe { handle::borrow(form, "form") }?;
        // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len`
        // NULL or writable, per convention 4.
        unsafe { write_output(form.html(), buf, cap, out_len) }
    })
}

/// Writes the `application/x-www-form-urlencoded` body (what the page's
/// form posts) into `buf`: the set parameters in the guide's order, values
/// percent-encoded from UTF-8, or from CP949 when `output_charset` is
/// `euc-kr` (send it with `Content-Type:
/// application/x-www-form-urlencoded; charset=euc-kr` then). The text is
/// ASCII. Fails and writes as `smartbill_form_html`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_form_urlencoded(
    form: *const SmartbillForm,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard("smartbill_form_urlencoded", || {
        // SAFETY: `form` is NULL or a live form from `smartbill_form_new`
        // that no other thread changes during this call (convention 5).
        let form = unsafe { handle::borrow(form, "form") }?;
        let body = form.urlencoded().map(String::into_bytes);
        // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len`
        // NULL or writable, per convention 4.
        unsafe { write_output(body, buf, cap, out_len) }
    })
}

/// Writes the URL the form posts to (ASCII), e.g.
/// `http://demo.smartbill.co.kr/xMain/mb/shar_transfer/info_inpt01.aspx`.
/// Output rules as `smartbill_form_html`; never fails validation.
#[no_mangle]
pub unsafe extern "C" fn smartbill_form_action_url(
    form: *const SmartbillForm,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard("smartbill_form_action_url", || {
        // SAFETY: `form` is NULL or a live form from `smartbill_form_new`
        // that no other thread changes during this call (convention 5).
        let form = unsafe { handle::borrow(form, "form") }?;
        let url = form.environment().action_url();
        // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len`
        // NULL or writable, per convention 4.
        unsafe { text_out(url.as_bytes(), buf, cap, out_len) }
    })
}

/// The number of signup parameters (15). Indexes 0 to count - 1 of the
/// `smartbill_form_field_*` functions follow the guide's order.
#[no_mangle]
pub extern "C" fn smartbill_form_field_count() -> usize {
    FIELDS.len()
}

/// The name of parameter `index` (e.g. `"pComRegNo"`), a static string:
/// never free it. NULL when `index` is out of range.
#[no_mangle]
pub extern "C" fn smartbill_form_field_name(index: usize) -> *const c_char {
    guard_value(ptr::null(), || {
        FIELDS
            .get(index)
            .map_or(ptr::null(), |f| f.name_nul.as_ptr().cast())
    })
}

/// The limit of parameter `index` in CP949 bytes (a Hangul syllable counts
/// 2), or 0 when `index` is out of range.
#[no_mangle]
pub extern "C" fn smartbill_form_field_max_len(index: usize) -> usize {
    guard_value(0, || FIELDS.get(index).map_or(0, |f| f.max_len))
}

/// 1 when parameter `index` is required, 0 when optional, -1 when `index`
/// is out of range.
#[no_mangle]
pub extern "C" fn smartbill_form_field_required(index: usize) -> i32 {
    guard_value(-1, || {
        FIELDS.get(index).map_or(-1, |f| i32::from(f.required))
    })
}

/// The rule of parameter `index`, a static string: `"text"`,
/// `"business_number"`, `"zip_code"`, `"phone"`, `"email"` or `"yes_no"`.
/// NULL when `index` is out of range.
#[no_mangle]
pub extern "C" fn smartbill_form_field_rule(index: usize) -> *const c_char {
    guard_value(ptr::null(), || {
        FIELDS
            .get(index)
            .map_or(ptr::null(), |f| f.rule.name_nul().as_ptr().cast())
    })
}

/// The body every name/value setter shares: reads `name` and `value`,
/// applies them with `apply`, and has the form remember any failure
/// (`remember` files it under the name, when the name could be read), a
/// panic included.
///
/// # Safety
/// `form` is NULL or a live form that no other thread uses during the call;
/// `name` and `value` are text per convention 3.
unsafe fn set_name_value(
    function: &'static str,
    form: *mut SmartbillForm,
    (name, name_len): (*const c_char, isize),
    (value, value_len): (*const c_char, isize),
    apply: impl FnOnce(&mut SignupForm, &[u8], &[u8]) -> Result<()>,
    remember: impl FnOnce(&mut SignupForm, Option<&[u8]>, Error) -> Result<()>,
) -> i32 {
    guard(function, || {
        // SAFETY: `form` is NULL or a live form from `smartbill_form_new`
        // that no other thread uses during this call (convention 5).
        let form = unsafe { handle::borrow_mut(form, "form") }?;
        remembering(form, function, |form| {
            // SAFETY: `name` is text per convention 3: NULL, or `name_len`
            // readable bytes (NUL-terminated when negative) outliving the call.
            let name = unsafe { text_in(name, name_len, "name") };
            // SAFETY: `value` is text per convention 3, as `name` is.
            let value = unsafe { text_in(value, value_len, "value") };
            match (name, value) {
                (Ok(name), Ok(value)) => apply(form, name, value),
                (Err(e), _) => remember(form, None, e),
                (Ok(name), Err(e)) => remember(form, Some(name), e),
            }
        })
    })
}

/// Runs a `set` or `set_option` on `form` so that every failure is
/// remembered by the form, a panic included: it is caught here, kept as an
/// `INTERNAL` failure the form never forgets, and returned.
fn remembering(
    form: &mut SignupForm,
    function: &str,
    body: impl FnOnce(&mut SignupForm) -> Result<()>,
) -> Result<()> {
    match catch_unwind(AssertUnwindSafe(|| body(form))) {
        Ok(result) => result,
        Err(payload) => form.remember_internal_failure(internal_error(function, payload)),
    }
}

/// Writes generated output, or on failure sets `*out_len` to 0.
///
/// # Safety
/// As `text_out`.
unsafe fn write_output(
    result: Result<Vec<u8>>,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Result<()> {
    // SAFETY: the caller promises `out_len` is NULL or writable.
    let len = unsafe { out_ptr(out_len, "out_len") }?;
    match result {
        // SAFETY: the caller promises `buf` NULL or writable for `cap`
        // bytes; `len` is a live, writable `usize`.
        Ok(bytes) => unsafe { text_out(&bytes, buf, cap, ptr::from_mut(len)) },
        Err(e) => {
            *len = 0;
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use smartbill_signup_core::status::Status;

    #[test]
    fn a_panic_inside_a_set_is_remembered_by_the_form() {
        let mut form = SignupForm::new(Environment::Demo);
        form.set("pComRegNo", "1248100998").unwrap();
        form.set("pMIGRATIONFLAG", "TEST11").unwrap();
        let result = remembering(&mut form, "smartbill_form_set", |_| panic!("boom"));
        assert_eq!(result.unwrap_err().status(), Status::Internal);
        form.set("pComName", "x").unwrap();
        let e = form.html().unwrap_err();
        assert_eq!(e.status(), Status::Internal);
        assert!(
            e.message().contains("smartbill_form_set: boom"),
            "{}",
            e.message()
        );
        assert_eq!(form.urlencoded().unwrap_err().status(), Status::Internal);
    }
}
