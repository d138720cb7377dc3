//! The C ABI: the only module with `extern "C"`, raw pointers and `unsafe`.
//!
//! Every export is a few lines: read arguments with `args`, borrow and
//! hand out opaque handles with `handle`, call a domain module, write
//! results with `args`, all inside `boundary::guard`, which catches panics
//! and records the last error.
//!
//! Every `unsafe` block carries a `// SAFETY:` comment of its own
//! (`clippy::undocumented_unsafe_blocks`, Cargo.toml) and does one unsafe
//! thing, so each comment justifies exactly one operation.

// Every export's safety contract is the header's: the C ABI conventions
// (at the top of include/smartbill_signup.h) and each function's
// documented pointer rules.
#![allow(clippy::missing_safety_doc)]
#![deny(clippy::multiple_unsafe_ops_per_block)]

mod args;
mod boundary;
mod brn;
mod callback;
mod errors;
mod form;
mod handle;
mod http;
mod language;
mod receiver;

// The exports, callable from Rust too (the tests and benchmarks call the
// C ABI itself through the rlib).
pub use brn::*;
pub use callback::*;
pub use errors::*;
pub use form::*;
pub use http::*;
pub use language::*;

/// The ABI version this header describes. Wrappers compare it with
/// `smartbill_abi_version()` at load time and refuse a mismatched library.
/// It changes whenever an existing function's signature or meaning changes.
pub const SMARTBILL_ABI_VERSION: u32 = 1;

/// Text flag: UTF-8 (the default, no flag).
pub const SMARTBILL_TEXT_UTF8: u32 = 0;
/// Text flag: the text is CP949 (what Korean systems call "EUC-KR"), in or out.
pub const SMARTBILL_TEXT_CP949: u32 = 1;
/// Text flag, outputs only: fill the whole buffer (`cap` bytes), padding the
/// text with spaces and writing no NUL, for fixed-length fields such as
/// COBOL `PIC X(n)`. Text longer than `cap` is never cut: the call returns
/// `SMARTBILL_ERR_BUFFER_TOO_SMALL`. A double-byte character is never split.
pub const SMARTBILL_TEXT_PAD: u32 = 2;

/// Key flag (`smartbill_callback_key_flags`): the library knows the key
/// (a current or an older name).
pub const SMARTBILL_KEY_KNOWN: u32 = 1;
/// Key flag: a callback must carry the key (`USER_SBID`, `COM_REGNO`,
/// `AUTH_CODE`, `AUTH_TOKEN`).
pub const SMARTBILL_KEY_REQUIRED: u32 = 2;
/// Key flag: the value is a secret (`AUTH_CODE`, `AUTH_TOKEN`): never shown
/// in a log, a report or a default string form, never in a message.
pub const SMARTBILL_KEY_SECRET: u32 = 4;
/// Key flag: the value is personal data (`USER_NAME`, `USER_EMAIL`,
/// `USER_PHONE`, `COM_PRESIDENT`, `COM_ADDRESS`, and every key the library
/// does not know): never shown in a log, a report or a default string form.
pub const SMARTBILL_KEY_PERSONAL: u32 = 8;
