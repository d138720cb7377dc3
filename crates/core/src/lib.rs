//! smartbill-signup-core: SmartBill "simple signup" (간편 회원 가입 연동) glue
//! for Korean ERPs, as safe Rust. The C ABI over it is the root package
//! `smartbill-signup` (the `smartbill_signup` library); this crate has no C
//! types and no `unsafe`.
//!
//! - [`brn`]: business registration numbers (사업자등록번호).
//! - [`callback`]: SmartBill's signup callback body and its source addresses.
//! - [`environment`]: SmartBill's demo and production hosts, or a custom base URL.
//! - [`form`]: the signup form's 15 parameters, the popup page and the urlencoded body.
//! - [`http`]: submitting the form, probing the network path, playing SmartBill's callback.
//! - [`text`]: UTF-8 and CP949 ("EUC-KR") text.
//! - [`status`], [`error`]: the status table and the error type.
//! - [`message`], [`language`]: every message in English and Korean, from one
//!   table, and the language chosen per thread.

#![forbid(unsafe_code)]

pub mod brn;
pub mod callback;
pub mod environment;
pub mod error;
pub mod form;
pub mod http;
pub mod language;
pub mod message;
pub mod status;
pub mod text;

pub use error::{Error, Result};
pub use language::Language;
pub use message::Message;
pub use status::Status;

/// The library version, e.g. `"0.1.0"`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
