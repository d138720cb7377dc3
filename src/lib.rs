//! smartbill-signup: SmartBill "simple signup" (간편 회원 가입 연동) glue for
//! Korean ERPs, as safe Rust modules and one C ABI (`ffi`) over them.
//!
//! - [`brn`]: business registration numbers (사업자등록번호).
//! - [`callback`]: SmartBill's signup callback body and its source addresses.
//! - [`environment`]: SmartBill's demo and production hosts, or a custom base URL.
//! - [`form`]: the signup form's 15 parameters, the popup page and the urlencoded body.
//! - [`text`]: UTF-8 and CP949 ("EUC-KR") text.
//! - [`status`], [`error`]: the status table and the error type.
//!
//! Only the `ffi` module contains `unsafe`; see `ARCHITECTURE.md`.

#![deny(unsafe_op_in_unsafe_fn)]

pub mod brn;
pub mod callback;
pub mod environment;
pub mod error;
pub mod form;
pub mod http;
pub mod status;
pub mod text;

mod ffi;

pub use error::{Error, Result};
pub use status::Status;

/// The library version, e.g. `"0.1.0"`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
