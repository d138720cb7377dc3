//! HTTP through the C ABI: an options handle, a response handle, and the
//! calls that make requests.

use super::args::{out_ptr, text_in_as, text_out, text_out_as};
use super::boundary::guard;
use super::form::SmartbillForm;
use super::handle::{self, BoxOut, Castable};
use smartbill_signup_core::http::{self, Options, Response};
use std::ffi::c_char;

/// HTTP settings for the `smartbill_http_*` calls (opaque). NULL where an
/// options argument is taken means the defaults: proxy from the environment,
/// non-2xx answers returned (not errors), bodies up to 4 MiB.
pub struct SmartbillHttpOptions {
    _private: [u8; 0],
}

impl Castable for SmartbillHttpOptions {
    type RustType = Options;
}

/// A received HTTP answer (opaque): status, content type and body.
/// Release with `smartbill_response_free`.
pub struct SmartbillResponse {
    _private: [u8; 0],
}

impl Castable for SmartbillResponse {
    type RustType = Response;
}

/// Creates HTTP options with the defaults into `*out`. Release with
/// `smartbill_http_options_free`. On failure `*out` is set to NULL.
#[no_mangle]
pub unsafe extern "C" fn smartbill_http_options_new(out: *mut *mut SmartbillHttpOptions) -> i32 {
    guard("smartbill_http_options_new", || {
        // SAFETY: `out` is NULL or points to a `SmartbillHttpOptions *` the
        // caller lets us write (the header's rule for `out`).
        let out = unsafe { BoxOut::new(out, "out") }?;
        out.set(Options::default());
        Ok(())
    })
}

/// Sets an HTTP option (UTF-8 name and value):
/// - `proxy`: `env` (default: `HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY`,
///   `NO_PROXY` with host, domain, IP and CIDR entries; where none is set,
///   the system's settings, on Windows the Internet Options; read once per
///   process), `off` (direct), or an http(s) proxy URL such as
///   `http://proxy.corp:3128`;
/// - `proxy_username`, `proxy_password`: basic credentials for an explicit
///   proxy (set `proxy` first);
/// - `fail_on_status`: `yes` makes a non-2xx answer `SMARTBILL_ERR_HTTP_STATUS`;
///   `no` (default) returns it as a response;
/// - `max_body_bytes`: the most of a response body read (default 4194304);
///   more is `SMARTBILL_ERR_HTTP_TOO_LARGE`.
///
/// Unknown names or bad values: `SMARTBILL_ERR_INVALID_ARGUMENT` naming the option.
#[no_mangle]
pub unsafe extern "C" fn smartbill_http_options_set(
    options: *mut SmartbillHttpOptions,
    name: *const c_char,
    name_len: isize,
    value: *const c_char,
    value_len: isize,
) -> i32 {
    guard("smartbill_http_options_set", || {
        // SAFETY: `options` is NULL or live options from
        // `smartbill_http_options_new` that no other thread uses during this
        // call (convention 5).
        let options = unsafe { handle::borrow_mut(options, "options") }?;
        // SAFETY: `name` is text per convention 3: NULL, or `name_len`
        // readable bytes (NUL-terminated when negative) outliving the call.
        let name = unsafe { text_in_as(name, name_len, 0, "name") }?;
        // SAFETY: `value` is text per convention 3, as `name` is.
        let value = unsafe { text_in_as(value, value_len, 0, "value") }?;
        options.set(&name, &value)
    })
}

/// Releases HTTP options. NULL is accepted and ignored.
#[no_mangle]
pub unsafe extern "C" fn smartbill_http_options_free(options: *mut SmartbillHttpOptions) {
    // SAFETY: `options` is NULL or options from `smartbill_http_options_new`
    // that the caller releases here and never uses again.
    unsafe { handle::free(options) }
}

/// The options to use for one call: the caller's or the defaults, with the
/// call's timeout.
///
/// # Safety
/// `options` must be NULL or live options that no other thread changes
/// during the call.
unsafe fn call_options(
    options: *const SmartbillHttpOptions,
    timeout_ms: u32,
) -> smartbill_signup_core::Result<Options> {
    // SAFETY: our caller promises NULL (the defaults) or live options
    // nobody changes meanwhile.
    let mut chosen = unsafe { handle::borrow_optional(options) }
        .cloned()
        .unwrap_or_default();
    chosen.set_timeout_ms(timeout_ms)?;
    Ok(chosen)
}

/// Plays SmartBill's side for testing an ERP's callback endpoint: POSTs
/// `json` (UTF-8) to `url` with `Content-Type: application/json;
/// charset=utf-8` and returns the answer in `*out` (release with
/// `smartbill_response_free`); on failure `*out` is set to NULL, as by every
/// call that hands out a handle. Redirects are not followed.
///
/// `timeout_ms` (at least 1) bounds the whole exchange. `options` may be
/// NULL. Failures: `SMARTBILL_ERR_HTTP_CONNECT`, `_DNS`, `_TIMEOUT`, `_TLS`,
/// `_PROXY`, `_PROTOCOL`, `_TOO_LARGE`, `_STATUS` (only with
/// `fail_on_status`), `SMARTBILL_ERR_INVALID_ARGUMENT` for a bad URL or a
/// zero timeout. Messages name the host and cause (and the proxy when one
/// was used), never the body or the URL's path and query.
#[no_mangle]
pub unsafe extern "C" fn smartbill_http_send_callback(
    url: *const c_char,
    url_len: isize,
    json: *const c_char,
    json_len: isize,
    options: *const SmartbillHttpOptions,
    timeout_ms: u32,
    out: *mut *mut SmartbillResponse,
) -> i32 {
    guard("smartbill_http_send_callback", || {
        // SAFETY: `out` is NULL or points to a `SmartbillResponse *` the
        // caller lets us write (the header's rule for `out`).
        let out = unsafe { BoxOut::new(out, "out") }?;
        // SAFETY: `url` is text per convention 3: NULL, or `url_len`
        // readable bytes (NUL-terminated when negative) outliving the call.
        let url = unsafe { text_in_as(url, url_len, 0, "url") }?;
        // SAFETY: `json` is text per convention 3, as `url` is.
        let json = unsafe { text_in_as(json, json_len, 0, "json") }?;
        // SAFETY: `options` is NULL (the defaults) or live options that no
        // other thread changes during this call (convention 5).
        let options = unsafe { call_options(options, timeout_ms) }?;
        let response = http::post(
            &url,
            json.as_bytes().to_vec(),
            "application/json; charset=utf-8",
            &options,
            false,
        )?;
        out.set(response);
        Ok(())
    })
}

/// Submits a signup form server-side: validates it (failing with the same
/// status and field as `smartbill_form_validate`), then POSTs its urlencoded
/// body to its action URL with `Content-Type:
/// application/x-www-form-urlencoded; charset=utf-8` (EUC-KR when the form's
/// `output_charset` says so), following up to 5 redirects as a browser
/// would. The answer goes into `*out` (release with
/// `smartbill_response_free`); read its body, decoded by its declared
/// charset, with `smartbill_response_body`. A 301, 302 or 303 continues as
/// a GET without the body, a 307 or 308 repeats the POST; an error names
/// the host that failed, which after a redirect is the host redirected to.
///
/// `timeout_ms` (at least 1) bounds the whole exchange; `options` may be
/// NULL. Network failures as `smartbill_http_send_callback`. Messages name
/// the host and cause, never a form value.
#[no_mangle]
pub unsafe extern "C" fn smartbill_http_submit(
    form: *const SmartbillForm,
    options: *const SmartbillHttpOptions,
    timeout_ms: u32,
    out: *mut *mut SmartbillResponse,
) -> i32 {
    guard("smartbill_http_submit", || {
        // SAFETY: `out` is NULL or points to a `SmartbillResponse *` the
        // caller lets us write (the header's rule for `out`).
        let out = unsafe { BoxOut::new(out, "out") }?;
        // SAFETY: `form` is NULL or a live form from `smartbill_form_new`
        // that no other thread changes during this call (convention 5).
        let form = unsafe { handle::borrow(form, "form") }?;
        // SAFETY: `options` is NULL (the defaults) or live options that no
        // other thread changes during this call (convention 5).
        let options = unsafe { call_options(options, timeout_ms) }?;
        let response = http::submit(form, &options)?;
        out.set(response);
        Ok(())
    })
}

/// The firewall check: can this machine reach SmartBill's signup endpoint?
/// `environment` is `"demo"`, `"production"` or a base URL (http or https,
/// optionally with a port and a path prefix such as a gateway's, no query or
/// fragment), exactly as `smartbill_form_new` takes it; the probe goes to
/// `<base>/xMain/mb/shar_transfer/info_inpt01.aspx`, where the form would
/// post. Anything else, including a full signup URL or a URL with a query,
/// is `SMARTBILL_ERR_INVALID_ARGUMENT` (field `environment`): to probe a URL
/// exactly as given, use `smartbill_http_probe_url`. A GET is sent;
/// redirects are not followed.
///
/// Returns `SMARTBILL_OK` when the server answered at all (any HTTP status,
/// written to `*http_status`), else which failure: `SMARTBILL_ERR_HTTP_DNS`,
/// `_CONNECT` (refused, unreachable), `_TIMEOUT`, `_TLS`, `_PROXY` (the
/// proxy could not be reached, refused the request or wants credentials),
/// `_PROTOCOL`, with the host (and proxy) and cause in the last error.
/// `*elapsed_ms` gets the time taken either way. `http_status` and
/// `elapsed_ms` may be NULL when not wanted; `options` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn smartbill_http_probe(
    environment: *const c_char,
    environment_len: isize,
    options: *const SmartbillHttpOptions,
    timeout_ms: u32,
    http_status: *mut i32,
    elapsed_ms: *mut u32,
) -> i32 {
    guard("smartbill_http_probe", || {
        // SAFETY: `environment` is text per convention 3: NULL, or
        // `environment_len` readable bytes (NUL-terminated when negative).
        let environment = unsafe { text_in_as(environment, environment_len, 0, "environment") }?;
        // SAFETY: `options` is NULL (the defaults) or live options that no
        // other thread changes during this call (convention 5).
        let options = unsafe { call_options(options, timeout_ms) }?;
        let outputs = ProbeOutputs {
            http_status,
            elapsed_ms,
        };
        // SAFETY: `http_status` and `elapsed_ms` are each NULL or writable
        // (the header: both may be NULL when not wanted).
        unsafe { outputs.report(|| http::probe_environment(&environment, &options)) }
    })
}

/// The firewall check for a URL exactly as given: `url` is any http(s) URL
/// (a health-check page, a full signup URL, a URL with a query); nothing is
/// added to its path. Otherwise as `smartbill_http_probe`: a GET, redirects
/// not followed, `SMARTBILL_OK` with `*http_status` for any answer, an
/// `SMARTBILL_ERR_HTTP_*` status naming the failed hop otherwise,
/// `SMARTBILL_ERR_INVALID_ARGUMENT` (field `url`) for text that is not an
/// http(s) URL with a host. Messages name the host, never the path or query.
#[no_mangle]
pub unsafe extern "C" fn smartbill_http_probe_url(
    url: *const c_char,
    url_len: isize,
    options: *const SmartbillHttpOptions,
    timeout_ms: u32,
    http_status: *mut i32,
    elapsed_ms: *mut u32,
) -> i32 {
    guard("smartbill_http_probe_url", || {
        // SAFETY: `url` is text per convention 3: NULL, or `url_len`
        // readable bytes (NUL-terminated when negative) outliving the call.
        let url = unsafe { text_in_as(url, url_len, 0, "url") }?;
        // SAFETY: `options` is NULL (the defaults) or live options that no
        // other thread changes during this call (convention 5).
        let options = unsafe { call_options(options, timeout_ms) }?;
        let outputs = ProbeOutputs {
            http_status,
            elapsed_ms,
        };
        // SAFETY: `http_status` and `elapsed_ms` are each NULL or writable
        // (the header: both may be NULL when not wanted).
        unsafe { outputs.report(|| http::probe(&url, &options)) }
    })
}

/// The optional outputs of both probes.
struct ProbeOutputs {
    http_status: *mut i32,
    elapsed_ms: *mut u32,
}

impl ProbeOutputs {
    /// Runs `probe`, writes the time taken either way and the status on success.
    ///
    /// # Safety
    /// Each pointer is NULL or valid for a write.
    unsafe fn report(
        self,
        probe: impl FnOnce() -> smartbill_signup_core::Result<http::Probe>,
    ) -> smartbill_signup_core::Result<()> {
        let started = std::time::Instant::now();
        let result = probe();
        let millis = started.elapsed().as_millis().min(u32::MAX as u128) as u32;
        // SAFETY: our caller promises `elapsed_ms` is NULL or writable.
        if let Some(slot) = unsafe { self.elapsed_ms.as_mut() } {
            *slot = millis;
        }
        let probe = result?;
        // SAFETY: our caller promises `http_status` is NULL or writable.
        if let Some(slot) = unsafe { self.http_status.as_mut() } {
            *slot = probe.status as i32;
        }
        Ok(())
    }
}

/// Writes the HTTP status code of a response (e.g. 200) into `*status`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_response_status(
    response: *const SmartbillResponse,
    status: *mut i32,
) -> i32 {
    guard("smartbill_response_status", || {
        // SAFETY: `response` is NULL or a live response from a
        // `smartbill_http_*` call that no other thread uses meanwhile.
        let response = unsafe { handle::borrow(response, "response") }?;
        // SAFETY: `status` is NULL or writable (the header's rule).
        let status = unsafe { out_ptr(status, "status") }?;
        *status = response.status as i32;
        Ok(())
    })
}

/// Writes how long the exchange took, in milliseconds, into `*elapsed_ms`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_response_elapsed_ms(
    response: *const SmartbillResponse,
    elapsed_ms: *mut u32,
) -> i32 {
    guard("smartbill_response_elapsed_ms", || {
        // SAFETY: `response` is NULL or a live response from a
        // `smartbill_http_*` call that no other thread uses meanwhile.
        let response = unsafe { handle::borrow(response, "response") }?;
        // SAFETY: `elapsed_ms` is NULL or writable (the header's rule).
        let elapsed_ms = unsafe { out_ptr(elapsed_ms, "elapsed_ms") }?;
        *elapsed_ms = response.elapsed.as_millis().min(u32::MAX as u128) as u32;
        Ok(())
    })
}

/// Writes the response body, decoded by the charset its `Content-Type`
/// declares (UTF-8 when none) and re-encoded as `flags` ask
/// (`SMARTBILL_TEXT_UTF8` or `SMARTBILL_TEXT_CP949`, optionally
/// `| SMARTBILL_TEXT_PAD`). A body that is not valid in its declared charset
/// is `SMARTBILL_ERR_INVALID_TEXT` (read it with
/// `smartbill_response_body_raw`); `SMARTBILL_ERR_UNENCODABLE` when CP949
/// cannot hold a character. Buffer rules as for every text output.
#[no_mangle]
pub unsafe extern "C" fn smartbill_response_body(
    response: *const SmartbillResponse,
    flags: u32,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard("smartbill_response_body", || {
        // SAFETY: `response` is NULL or a live response from a
        // `smartbill_http_*` call that no other thread uses meanwhile.
        let response = unsafe { handle::borrow(response, "response") }?;
        let text = response.text()?;
        // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len`
        // NULL or writable, per convention 4.
        unsafe { text_out_as(&text, flags, "body", buf, cap, out_len) }
    })
}

/// Writes the response body's bytes exactly as received. Buffer rules as
/// for every text output (the body may contain NUL bytes: use `*out_len`).
#[no_mangle]
pub unsafe extern "C" fn smartbill_response_body_raw(
    response: *const SmartbillResponse,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard("smartbill_response_body_raw", || {
        // SAFETY: `response` is NULL or a live response from a
        // `smartbill_http_*` call that no other thread uses meanwhile.
        let response = unsafe { handle::borrow(response, "response") }?;
        // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len`
        // NULL or writable, per convention 4.
        unsafe { text_out(&response.body, buf, cap, out_len) }
    })
}

/// Writes the response's `Content-Type` header (empty when absent).
#[no_mangle]
pub unsafe extern "C" fn smartbill_response_content_type(
    response: *const SmartbillResponse,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard("smartbill_response_content_type", || {
        // SAFETY: `response` is NULL or a live response from a
        // `smartbill_http_*` call that no other thread uses meanwhile.
        let response = unsafe { handle::borrow(response, "response") }?;
        let content_type = response.content_type.as_deref().unwrap_or("");
        // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len`
        // NULL or writable, per convention 4.
        unsafe { text_out(content_type.as_bytes(), buf, cap, out_len) }
    })
}

/// Releases a response. NULL is accepted and ignored.
#[no_mangle]
pub unsafe extern "C" fn smartbill_response_free(response: *mut SmartbillResponse) {
    // SAFETY: `response` is NULL or a response from a `smartbill_http_*`
    // call that the caller releases here and never uses again.
    unsafe { handle::free(response) }
}
