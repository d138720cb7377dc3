//! The C ABI: the only module with `extern "C"`, raw pointers and `unsafe`.
//!
//! Every export is a few lines: read arguments with `args`, call a domain
//! module, write results with `args`, all inside `boundary::guard`, which
//! catches panics and records the last error.

mod args;
mod boundary;
mod brn;
mod errors;

/// The ABI version this header describes. Wrappers compare it with
/// `smartbill_abi_version()` at load time and refuse a mismatched library.
/// It changes whenever an existing function's signature or meaning changes.
pub const SMARTBILL_ABI_VERSION: u32 = 1;
