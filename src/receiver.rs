//! The callback receiver through the C ABI: an options handle, the receiver
//! (or a store opened without a server), and the records it hands out.

use super::args::{out_ptr, text_in_as, text_out, text_out_as};
use super::boundary::guard;
use super::callback::SmartbillCallback;
use super::handle::{self, BoxOut, Castable};
use smartbill_signup_core::error::{Error, Result};
use smartbill_signup_core::message::Message;
use smartbill_signup_core::status::Status;
use smartbill_signup_receiver::{
    rfc3339_utc, Receiver, ReceiverOptions, Record, RecordId, Store, StoreOptions,
};
use std::ffi::c_char;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Receiver settings (opaque), for `smartbill_receiver_start` and
/// `smartbill_receiver_open_store`. Made by `smartbill_receiver_options_new`,
/// filled by `smartbill_receiver_options_set`, released by
/// `smartbill_receiver_options_free`.
pub struct SmartbillReceiverOptions {
    _private: [u8; 0],
}

impl Castable for SmartbillReceiverOptions {
    type RustType = ReceiverOptions;
}

/// A running callback receiver and its store, or a store opened without a
/// server (opaque). Unlike other handles it may be used by several threads
/// at once: one can wait in `smartbill_receiver_next` while another calls
/// `smartbill_receiver_stop`. Only `smartbill_receiver_free` must come last.
pub struct SmartbillReceiver {
    _private: [u8; 0],
}

impl Castable for SmartbillReceiver {
    type RustType = ReceiverHandle;
}

/// What a `SmartbillReceiver` points to.
pub(crate) struct ReceiverHandle {
    store: Arc<Store>,
    /// `None` for a store opened by `smartbill_receiver_open_store`.
    server: Option<Mutex<Receiver>>,
    port: u16,
    url: String,
}

/// One stored callback handed out by `smartbill_receiver_next` (opaque).
/// Released by `smartbill_record_free`.
pub struct SmartbillRecord {
    _private: [u8; 0],
}

impl Castable for SmartbillRecord {
    type RustType = Record;
}

/// Creates receiver options with the defaults into `*out` (no store, host
/// or port yet: `smartbill_receiver_start` refuses until they are set).
/// Release with `smartbill_receiver_options_free`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_receiver_options_new(
    out: *mut *mut SmartbillReceiverOptions,
) -> i32 {
    guard("smartbill_receiver_options_new", || {
        // SAFETY: `out` is NULL or points to a `SmartbillReceiverOptions *`
        // the caller lets us write (the header's rule for `out`).
        let out = unsafe { BoxOut::new(out, "out") }?;
        out.set(ReceiverOptions::default());
        Ok(())
    })
}

/// Sets a receiver option (UTF-8 name and value, both trimmed):
/// - `store`: the SQLite file the callbacks are stored in (required); made
///   owner-only (0600) on Unix; refused on a network share
///   (`SMARTBILL_ERR_STORE_NETWORK_PATH`);
/// - `host`: the IP address to listen on (required: `0.0.0.0` or `::` for
///   every interface, `127.0.0.1` for this machine only);
/// - `port`: 0 to 65535 (required; 0 picks a free port, see
///   `smartbill_receiver_port`);
/// - `path`: the only path served (default `/smartbill/callback`);
/// - `environment`: `demo`, `production` (default) or a base URL (custom:
///   no fixed source address, only `extra_ips` may deliver);
/// - `extra_ips`: more addresses allowed to deliver, separated by commas,
///   semicolons or whitespace;
/// - `trusted_proxies`: proxies whose `X-Forwarded-For` is believed (from
///   any other peer the header is ignored);
/// - `max_bytes`: the body limit, 1 to 16777216 (default 65536);
/// - `tls_cert`, `tls_key`: PEM certificate chain and private key files to
///   serve HTTPS (both or neither);
/// - `header_timeout_ms` (default 10000), `body_timeout_ms` (default 30000);
/// - `max_connections`: served at once, 1 to 10000 (default 64); more wait
///   in the listen backlog;
/// - `lease_seconds`: how long a record handed out stays reserved for the
///   handle that took it (default 60);
/// - `retention_days`: delete acknowledged records this many days after
///   their acknowledgement (0: at once; default `off`: keep them);
/// - `log_file`: append one line per request (never a secret).
///
/// Unknown names or bad values: `SMARTBILL_ERR_INVALID_ARGUMENT` naming
/// the option; the options are unchanged.
#[no_mangle]
pub unsafe extern "C" fn smartbill_receiver_options_set(
    options: *mut SmartbillReceiverOptions,
    name: *const c_char,
    name_len: isize,
    value: *const c_char,
    value_len: isize,
) -> i32 {
    guard("smartbill_receiver_options_set", || {
        // SAFETY: `options` is NULL or live options from
        // `smartbill_receiver_options_new` that no other thread uses during
        // this call (convention 5).
        let options = unsafe { handle::borrow_mut(options, "options") }?;
        // SAFETY: `name` is text per convention 3: NULL, or `name_len`
        // readable bytes (NUL-terminated when negative) outliving the call.
        let name = unsafe { text_in_as(name, name_len, 0, "name") }?;
        // SAFETY: `value` is text per convention 3, as `name` is.
        let value = unsafe { text_in_as(value, value_len, 0, "value") }?;
        options.set(&name, &value)
    })
}

/// Releases receiver options. NULL is accepted and ignored. A receiver
/// started with them does not need them any more.
#[no_mangle]
pub unsafe extern "C" fn smartbill_receiver_options_free(options: *mut SmartbillReceiverOptions) {
    // SAFETY: `options` is NULL or options from
    // `smartbill_receiver_options_new` that the caller releases here and
    // never uses again.
    unsafe { handle::free(options) }
}

/// Starts a callback receiver: opens (or creates) the store, listens on
/// `host`:`port` and serves on background threads inside this process.
/// Every request is checked in the order of the README's endpoint rules:
/// source address (403), path (404), method (405), size (413, never
/// reading more than the limit + 1 bytes), body time (408), the callback
/// parser (400 with the status name, never a secret), then the callback
/// is committed to the store and only then answered 200 (500 if storing
/// failed).
///
/// On success `*out` receives the receiver (release with
/// `smartbill_receiver_free`, after `smartbill_receiver_stop`); on failure
/// NULL. Failures: `SMARTBILL_ERR_INVALID_ARGUMENT` (a missing or bad
/// option, named as the last error's field), `SMARTBILL_ERR_STORE`,
/// `SMARTBILL_ERR_STORE_NETWORK_PATH`, `SMARTBILL_ERR_RECEIVER_TLS`,
/// `SMARTBILL_ERR_RECEIVER_BIND` (the port is in use, the host is not an
/// address of this machine, or not permitted).
#[no_mangle]
pub unsafe extern "C" fn smartbill_receiver_start(
    options: *const SmartbillReceiverOptions,
    out: *mut *mut SmartbillReceiver,
) -> i32 {
    guard("smartbill_receiver_start", || {
        // SAFETY: `out` is NULL or points to a `SmartbillReceiver *` the
        // caller lets us write (the header's rule for `out`).
        let out = unsafe { BoxOut::new(out, "out") }?;
        // SAFETY: `options` is NULL or live receiver options that no other
        // thread changes during this call (convention 5).
        let options = unsafe { handle::borrow(options, "options") }?;
        let receiver = Receiver::start(options.clone())?;
        out.set(ReceiverHandle {
            store: receiver.shared_store(),
            port: receiver.port(),
            url: receiver.url().to_string(),
            server: Some(Mutex::new(receiver)),
        });
        Ok(())
    })
}

/// Opens a store without a server, to drain what a receiver (in this
/// process or another) stored: a batch job, a second drainer. Two handles
/// on one store, in one process or two, never get the same record at once.
///
/// `store`/`store_len`: the SQLite file (UTF-8). `options`: NULL for the
/// defaults, or options whose `lease_seconds` and `retention_days` apply
/// (the others are ignored). `*out` receives the handle (NULL on failure);
/// `smartbill_receiver_port` and `_url` fail on it. Failures:
/// `SMARTBILL_ERR_STORE`, `SMARTBILL_ERR_STORE_NETWORK_PATH`,
/// `SMARTBILL_ERR_INVALID_ARGUMENT`.
#[no_mangle]
pub unsafe extern "C" fn smartbill_receiver_open_store(
    store: *const c_char,
    store_len: isize,
    options: *const SmartbillReceiverOptions,
    out: *mut *mut SmartbillReceiver,
) -> i32 {
    guard("smartbill_receiver_open_store", || {
        // SAFETY: `out` is NULL or points to a `SmartbillReceiver *` the
        // caller lets us write (the header's rule for `out`).
        let out = unsafe { BoxOut::new(out, "out") }?;
        // SAFETY: `store` is text per convention 3: NULL, or `store_len`
        // readable bytes (NUL-terminated when negative) outliving the call.
        let path = unsafe { text_in_as(store, store_len, 0, "store") }?;
        let path = path.trim();
        if path.is_empty() {
            return Err(Error::new(
                Status::InvalidArgument,
                Message::EmptyArgument {
                    name: "store".to_string(),
                },
            )
            .with_field("store"));
        }
        // SAFETY: `options` is NULL (the defaults) or live receiver options
        // that no other thread changes during this call (convention 5).
        let store_options = unsafe { handle::borrow_optional(options) }
            .map(|o| o.store_settings().clone())
            .unwrap_or_else(StoreOptions::default);
        let store = Store::open(path, store_options)?;
        out.set(ReceiverHandle {
            store: Arc::new(store),
            server: None,
            port: 0,
            url: String::new(),
        });
        Ok(())
    })
}

/// Writes the port the receiver listens on into `*port` (the one chosen
/// when `port` was 0). `SMARTBILL_ERR_INVALID_ARGUMENT` for a store opened
/// without a server.
#[no_mangle]
pub unsafe extern "C" fn smartbill_receiver_port(
    receiver: *const SmartbillReceiver,
    port: *mut u16,
) -> i32 {
    guard("smartbill_receiver_port", || {
        // SAFETY: `receiver` is NULL or a live receiver or store handle,
        // which several threads may use at once (it is only read here) but
        // none releases during this call.
        let receiver = unsafe { handle::borrow(receiver, "receiver") }?;
        // SAFETY: `port` is NULL or writable (the header's rule).
        let port = unsafe { out_ptr(port, "port") }?;
        served(receiver)?;
        *port = receiver.port;
        Ok(())
    })
}

/// Writes a URL that reaches the receiver from this machine, e.g.
/// `http://127.0.0.1:8080/smartbill/callback` (https with TLS; an
/// unspecified host shows as loopback). The URL to register with SmartBill
/// is your public host name with the port your firewall forwards and this
/// path. `flags` as for every text output (`SMARTBILL_TEXT_PAD` fills a
/// fixed field). `SMARTBILL_ERR_INVALID_ARGUMENT` for a store opened
/// without a server.
#[no_mangle]
pub unsafe extern "C" fn smartbill_receiver_url(
    receiver: *const SmartbillReceiver,
    flags: u32,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard("smartbill_receiver_url", || {
        // SAFETY: `receiver` is NULL or a live receiver or store handle,
        // which several threads may use at once (it is only read here) but
        // none releases during this call.
        let receiver = unsafe { handle::borrow(receiver, "receiver") }?;
        served(receiver)?;
        // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len`
        // NULL or writable, per convention 4.
        unsafe { text_out_as(&receiver.url, flags, "url", buf, cap, out_len) }
    })
}

/// Takes the oldest pending record: a callback stored and not yet
/// acknowledged in its current version, that no other handle holds. Waits
/// up to `timeout_ms` for one (0: only looks). On `SMARTBILL_OK`, `*record`
/// is the record (release with `smartbill_record_free`), or NULL when none
/// came in time: not an error.
///
/// The record stays reserved for this handle for the lease period
/// (`lease_seconds`, default 60); acknowledge it with
/// `smartbill_receiver_ack` once the ERP has saved it. An unacknowledged
/// record is handed out again after its lease, and after a restart:
/// delivery to the ERP is at least once. Works after
/// `smartbill_receiver_stop` too. `SMARTBILL_ERR_STORE` when the store
/// cannot be read.
#[no_mangle]
pub unsafe extern "C" fn smartbill_receiver_next(
    receiver: *const SmartbillReceiver,
    timeout_ms: u32,
    record: *mut *mut SmartbillRecord,
) -> i32 {
    guard("smartbill_receiver_next", || {
        // SAFETY: `record` is NULL or points to a `SmartbillRecord *` the
        // caller lets us write (the header's rule for `record`).
        let record = unsafe { BoxOut::new(record, "record") }?;
        // SAFETY: `receiver` is NULL or a live receiver or store handle,
        // which several threads may use at once (it is only read here) but
        // none releases during this call.
        let receiver = unsafe { handle::borrow(receiver, "receiver") }?;
        if let Some(taken) = receiver
            .store
            .next(Duration::from_millis(u64::from(timeout_ms)))?
        {
            record.set(taken);
        }
        Ok(())
    })
}

/// Acknowledges the record's version: the ERP has saved it. A newer
/// version that arrived meanwhile (new content for the same USER_SBID and
/// COM_REGNO) stays pending and is handed out next. Acknowledging again is
/// harmless. `SMARTBILL_ERR_RECORD_UNKNOWN` when the record is no longer
/// in the store (purged after an earlier acknowledgement).
#[no_mangle]
pub unsafe extern "C" fn smartbill_receiver_ack(
    receiver: *const SmartbillReceiver,
    record: *const SmartbillRecord,
) -> i32 {
    guard("smartbill_receiver_ack", || {
        // SAFETY: `receiver` is NULL or a live receiver or store handle,
        // which several threads may use at once (it is only read here) but
        // none releases during this call.
        let receiver = unsafe { handle::borrow(receiver, "receiver") }?;
        // SAFETY: `record` is NULL or a live record from
        // `smartbill_receiver_next` that no other thread uses meanwhile.
        let record = unsafe { handle::borrow(record, "record") }?;
        receiver.store.ack(record.id())
    })
}

/// Acknowledges version `version` of record `number` (as
/// `smartbill_record_id` gave them), for callers that keep the numbers
/// rather than the record. `SMARTBILL_ERR_RECORD_UNKNOWN` for a record not
/// in the store; `SMARTBILL_ERR_INVALID_ARGUMENT` for a version never stored.
#[no_mangle]
pub unsafe extern "C" fn smartbill_receiver_ack_id(
    receiver: *const SmartbillReceiver,
    number: i64,
    version: i64,
) -> i32 {
    guard("smartbill_receiver_ack_id", || {
        // SAFETY: `receiver` is NULL or a live receiver or store handle,
        // which several threads may use at once (it is only read here) but
        // none releases during this call.
        let receiver = unsafe { handle::borrow(receiver, "receiver") }?;
        receiver.store.ack(RecordId { number, version })
    })
}

/// Writes how many records the store holds and how many are pending (not
/// acknowledged in their current version). Either pointer may be NULL.
#[no_mangle]
pub unsafe extern "C" fn smartbill_receiver_counts(
    receiver: *const SmartbillReceiver,
    records: *mut u64,
    pending: *mut u64,
) -> i32 {
    guard("smartbill_receiver_counts", || {
        // SAFETY: `receiver` is NULL or a live receiver or store handle,
        // which several threads may use at once (it is only read here) but
        // none releases during this call.
        let receiver = unsafe { handle::borrow(receiver, "receiver") }?;
        let counts = receiver.store.counts()?;
        // SAFETY: `records` is NULL or writable (the header: either may be NULL).
        if let Some(slot) = unsafe { records.as_mut() } {
            *slot = counts.records;
        }
        // SAFETY: `pending` is NULL or writable, as `records`.
        if let Some(slot) = unsafe { pending.as_mut() } {
            *slot = counts.pending;
        }
        Ok(())
    })
}

/// Stops serving: the port closes at once, requests in flight finish (up
/// to `timeout_ms`; connections still open then are cut), and the
/// receiver's threads are waited for. The store stays usable
/// (`smartbill_receiver_next`, `_ack`). Stopping again, or a store opened
/// without a server, does nothing. Call it before `smartbill_receiver_free`
/// from a normal thread: never from DllMain, a destructor or a finalizer
/// (it waits for threads).
#[no_mangle]
pub unsafe extern "C" fn smartbill_receiver_stop(
    receiver: *const SmartbillReceiver,
    timeout_ms: u32,
) -> i32 {
    guard("smartbill_receiver_stop", || {
        // SAFETY: `receiver` is NULL or a live receiver or store handle,
        // which several threads may use at once (it is only read here) but
        // none releases during this call.
        let receiver = unsafe { handle::borrow(receiver, "receiver") }?;
        match &receiver.server {
            None => Ok(()),
            Some(server) => server
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .stop(Duration::from_millis(u64::from(timeout_ms))),
        }
    })
}

/// Releases a receiver or store handle. NULL is accepted and ignored. A
/// receiver still running is told to stop but not waited for (this call
/// never waits for a thread, so a finalizer may call it); call
/// `smartbill_receiver_stop` first to let requests in flight finish.
#[no_mangle]
pub unsafe extern "C" fn smartbill_receiver_free(receiver: *mut SmartbillReceiver) {
    // SAFETY: `receiver` is NULL or a receiver or store handle that the
    // caller releases here, after every other use on every thread has
    // returned, and never uses again.
    unsafe { handle::free(receiver) }
}

/// Writes the record's number (one per USER_SBID and COM_REGNO, never
/// reused) and the version of its content (from 1) handed out. Either
/// pointer may be NULL.
#[no_mangle]
pub unsafe extern "C" fn smartbill_record_id(
    record: *const SmartbillRecord,
    number: *mut i64,
    version: *mut i64,
) -> i32 {
    guard("smartbill_record_id", || {
        // SAFETY: `record` is NULL or a live record from
        // `smartbill_receiver_next` that no other thread uses meanwhile.
        let record = unsafe { handle::borrow(record, "record") }?;
        let id = record.id();
        // SAFETY: `number` is NULL or writable (the header: either may be NULL).
        if let Some(slot) = unsafe { number.as_mut() } {
            *slot = id.number;
        }
        // SAFETY: `version` is NULL or writable, as `number`.
        if let Some(slot) = unsafe { version.as_mut() } {
            *slot = id.version;
        }
        Ok(())
    })
}

/// Gives the record's callback as a new `SmartbillCallback` in `*out`:
/// read it with `smartbill_callback_get` and friends, release it with
/// `smartbill_callback_free` (it is a copy: it outlives the record).
#[no_mangle]
pub unsafe extern "C" fn smartbill_record_callback(
    record: *const SmartbillRecord,
    out: *mut *mut SmartbillCallback,
) -> i32 {
    guard("smartbill_record_callback", || {
        // SAFETY: `out` is NULL or points to a `SmartbillCallback *` the
        // caller lets us write (the header's rule for `out`).
        let out: BoxOut<SmartbillCallback> = unsafe { BoxOut::new(out, "out") }?;
        // SAFETY: `record` is NULL or a live record from
        // `smartbill_receiver_next` that no other thread uses meanwhile.
        let record = unsafe { handle::borrow(record, "record") }?;
        out.set(record.callback().clone());
        Ok(())
    })
}

/// Writes the address that delivered the record (the TCP peer, or the
/// client a trusted proxy named), e.g. `183.111.188.210`. `flags` as for
/// every text output.
#[no_mangle]
pub unsafe extern "C" fn smartbill_record_peer(
    record: *const SmartbillRecord,
    flags: u32,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard("smartbill_record_peer", || {
        // SAFETY: `record` is NULL or a live record from
        // `smartbill_receiver_next` that no other thread uses meanwhile.
        let record = unsafe { handle::borrow(record, "record") }?;
        // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len`
        // NULL or writable, per convention 4.
        unsafe { text_out_as(record.peer(), flags, "peer", buf, cap, out_len) }
    })
}

/// Writes when the record's version arrived, in milliseconds since the
/// Unix epoch (UTC).
#[no_mangle]
pub unsafe extern "C" fn smartbill_record_received_at(
    record: *const SmartbillRecord,
    unix_ms: *mut i64,
) -> i32 {
    guard("smartbill_record_received_at", || {
        // SAFETY: `record` is NULL or a live record from
        // `smartbill_receiver_next` that no other thread uses meanwhile.
        let record = unsafe { handle::borrow(record, "record") }?;
        // SAFETY: `unix_ms` is NULL or writable (the header's rule).
        let unix_ms = unsafe { out_ptr(unix_ms, "unix_ms") }?;
        *unix_ms = record.received_at_unix_ms();
        Ok(())
    })
}

/// Writes when the record's version arrived as RFC 3339 text in UTC, 24
/// characters: `2024-05-01T09:30:00.250Z`. `flags` as for every text output.
#[no_mangle]
pub unsafe extern "C" fn smartbill_record_received_at_text(
    record: *const SmartbillRecord,
    flags: u32,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard("smartbill_record_received_at_text", || {
        // SAFETY: `record` is NULL or a live record from
        // `smartbill_receiver_next` that no other thread uses meanwhile.
        let record = unsafe { handle::borrow(record, "record") }?;
        let text = rfc3339_utc(record.received_at_unix_ms());
        // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len`
        // NULL or writable, per convention 4.
        unsafe { text_out_as(&text, flags, "received_at", buf, cap, out_len) }
    })
}

/// Writes the body exactly as SmartBill sent it (it holds the auth code
/// and token). Buffer rules as for every text output.
#[no_mangle]
pub unsafe extern "C" fn smartbill_record_body(
    record: *const SmartbillRecord,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> i32 {
    guard("smartbill_record_body", || {
        // SAFETY: `record` is NULL or a live record from
        // `smartbill_receiver_next` that no other thread uses meanwhile.
        let record = unsafe { handle::borrow(record, "record") }?;
        // SAFETY: `buf` is NULL or writable for `cap` bytes and `out_len`
        // NULL or writable, per convention 4.
        unsafe { text_out(record.body(), buf, cap, out_len) }
    })
}

/// Releases a record. NULL is accepted and ignored. Freeing a record does
/// not acknowledge it.
#[no_mangle]
pub unsafe extern "C" fn smartbill_record_free(record: *mut SmartbillRecord) {
    // SAFETY: `record` is NULL or a record from `smartbill_receiver_next`
    // that the caller releases here and never uses again.
    unsafe { handle::free(record) }
}

fn served(receiver: &ReceiverHandle) -> Result<()> {
    if receiver.server.is_none() {
        return Err(
            Error::new(Status::InvalidArgument, Message::ReceiverWithoutServer {})
                .with_field("receiver"),
        );
    }
    Ok(())
}
