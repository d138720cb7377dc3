//! The signup form through the C ABI: an opaque handle over
//! `form::SignupForm`, and the parameter table for wrappers.

use super::args::{null_argument, out_ptr, text_in, text_out, utf8_in};
use super::boundary::{guard, guard_value};
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::error::Result;
use smartbill_signup_core::form::{SignupForm, FIELDS};
use std::ffi::c_char;
use std::ptr;

/// A signup form. Opaque: made by `smartbill_form_new`, released by
/// `smartbill_form_free`.
pub struct SmartbillForm {
    pub(crate) form: SignupForm,
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
        // SAFETY: the caller passes valid arguments per the documented rules.
        let out = unsafe { out_ptr(out, "out") }?;
        *out = ptr::null_mut();
        let environment =
            Environment::parse(unsafe { utf8_in(environment, environment_len, "environment") }?)?;
        *out = Box::into_raw(Box::new(SmartbillForm {
            form: SignupForm::new(environment),
        }));
        Ok(())
    })
}

/// Releases a form made by `smartbill_form_new`. NULL is accepted and
/// ignored. The pointer must not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn smartbill_form_free(form: *mut SmartbillForm) {
    guard_value((), || {
        if !form.is_null() {
            // SAFETY: `form` came from `Box::into_raw` in smartbill_form_new
            // and the caller gives up its ownership here.
            drop(unsafe { Box::from_raw(form) });
        }
    })
}

/// Sets a signup parameter.
///
/// `name`: one of SmartBill's 15 parameter names, case-sensitive (see
/// "Signup parameters" near the top of this header, or
/// `smartbill_form_field_name`). `value`: its value, in the form's
/// `input_charset` (UTF-8 unless `smartbill_form_set_option` said
/// `"euc-kr"`). Both are trimmed; a blank value clears the parameter (it is
/// then not sent). Setting a parameter again replaces its value.
///
/// Checked now: `SMARTBILL_ERR_INVALID_ARGUMENT` for an unknown name,
/// `SMARTBILL_ERR_INVALID_TEXT` for bytes invalid in the input charset,
/// `SMARTBILL_ERR_FIELD_UNENCODABLE` for a character CP949 cannot hold
/// (e.g. an emoji). Checked by `smartbill_form_validate` (and so by
/// `_html` and `_urlencoded`): required parameters, formats and the CP949
/// byte limits. A refused value is not stored and the refusal is
/// remembered: `smartbill_form_validate` fails with it until the same
/// parameter is set successfully (an unknown name is never forgotten), so
/// a caller that misses a return code cannot send an incomplete form.
/// `SMARTBILL_ERR_NULL_ARGUMENT` (form, or NULL text with a non-zero
/// length) leaves the form untouched.
#[no_mangle]
pub unsafe extern "C" fn smartbill_form_set(
    form: *mut SmartbillForm,
    name: *const c_char,
    name_len: isize,
    value: *const c_char,
    value_len: isize,
) -> i32 {
    guard("smartbill_form_set", || {
        // SAFETY: the caller passes valid arguments per the documented rules.
        let form = unsafe { form_mut(form) }?;
        let name = unsafe { text_in(name, name_len, "name") }?;
        let value = unsafe { text_in(value, value_len, "value") }?;
        form.set_bytes(name, value)
    })
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
/// that is not UTF-8; a refusal is remembered as for `smartbill_form_set`
/// until the option is set successfully.
#[no_mangle]
pub unsafe extern "C" fn smartbill_form_set_option(
    form: *mut SmartbillForm,
    name: *const c_char,
    name_len: isize,
    value: *const c_char,
    value_len: isize,
) -> i32 {
    guard("smartbill_form_set_option", || {
        // SAFETY: the caller passes valid arguments per the documented rules.
        let form = unsafe { form_mut(form) }?;
        let name = unsafe { text_in(name, name_len, "name") }?;
        let value = unsafe { text_in(value, value_len, "value") }?;
        form.set_option_bytes(name, value)
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
        // SAFETY: the caller passes a form from smartbill_form_new or NULL.
        unsafe { form_ref(form) }?.validate()
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
        // SAFETY: the caller passes valid arguments per the documented rules.
        let form = unsafe { form_ref(form) }?;
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
        // SAFETY: the caller passes valid arguments per the documented rules.
        let form = unsafe { form_ref(form) }?;
        unsafe { write_output(form.urlencoded().map(String::into_bytes), buf, cap, out_len) }
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
        // SAFETY: the caller passes valid arguments per the documented rules.
        let form = unsafe { form_ref(form) }?;
        unsafe {
            text_out(
                form.environment().action_url().as_bytes(),
                buf,
                cap,
                out_len,
            )
        }
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

/// # Safety
/// `form` must be NULL or a live form from `smartbill_form_new`.
unsafe fn form_ref<'a>(form: *const SmartbillForm) -> Result<&'a SignupForm> {
    // SAFETY: per the function's contract.
    unsafe { form.as_ref() }
        .map(|f| &f.form)
        .ok_or_else(|| null_argument("form"))
}

/// # Safety
/// `form` must be NULL or a live form from `smartbill_form_new`, not used
/// by another thread during the call.
unsafe fn form_mut<'a>(form: *mut SmartbillForm) -> Result<&'a mut SignupForm> {
    // SAFETY: per the function's contract.
    unsafe { form.as_mut() }
        .map(|f| &mut f.form)
        .ok_or_else(|| null_argument("form"))
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
    // SAFETY: forwarded from the caller.
    let len = unsafe { out_ptr(out_len, "out_len") }?;
    match result {
        Ok(bytes) => unsafe { text_out(&bytes, buf, cap, out_len) },
        Err(e) => {
            *len = 0;
            Err(e)
        }
    }
}
