//! The panic and error boundary every export runs inside, and the
//! thread-local last error.
//!
//! The last error is kept per thread. A failure that is cheap to describe
//! later (a refused business number) is kept as its status and the input
//! it needs, and its message is written only when a caller asks for it
//! (`smartbill_last_error*`), with the same text as if it had been written
//! at once; every other failure is kept as its `Error`, whose message is
//! also written only when read.
//!
//! The message's language is the calling thread's language at the time of
//! the failure (`smartbill_set_language`, else the process default): it
//! is kept with the error (one byte), so changing the language afterwards
//! does not change an error already made.
//!
//! During thread exit (a pthread key destructor, an `atexit` handler or a
//! C++ static destructor after the thread's storage is gone) the slot may
//! no longer exist: the status is still returned, and the message is
//! simply unavailable (`smartbill_last_error` gives the empty text). Nothing
//! here may panic or abort there.

use smartbill_signup_core::brn;
use smartbill_signup_core::error::Error;
use smartbill_signup_core::language::{self, Language};
use smartbill_signup_core::message::Message;
use smartbill_signup_core::status::Status;
use std::any::Any;
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// A failure as an export's body returns it.
pub(crate) enum Failure<'a> {
    Error(Error),
    /// A business number refused by the scanner: the message is made from
    /// the input only if someone reads it.
    Brn {
        input: &'a [u8],
        refusal: brn::Refusal,
    },
}

impl Failure<'_> {
    fn status(&self) -> Status {
        match self {
            Failure::Error(e) => e.status(),
            Failure::Brn { refusal, .. } => refusal.status(),
        }
    }
}

impl From<Error> for Failure<'_> {
    fn from(error: Error) -> Self {
        Failure::Error(error)
    }
}

/// What the slot holds.
enum Kept {
    Nothing,
    Error(Error),
    /// A refused business number; its input is in `Slot::brn_input`.
    Brn(brn::Refusal),
}

struct Slot {
    kept: Kept,
    /// The language of the calling thread when the failure was kept.
    language: Language,
    /// The input of the last refused business number, reused between
    /// failures so that a failing check allocates nothing.
    brn_input: Vec<u8>,
}

impl Slot {
    fn keep(&mut self, failure: Failure<'_>, language: Language) {
        self.language = language;
        match failure {
            Failure::Error(error) => self.kept = Kept::Error(error),
            Failure::Brn { input, refusal } => {
                // Do not hold on to a huge buffer for a small input.
                if self.brn_input.capacity() > 64 * 1024 && input.len() < 1024 {
                    self.brn_input = Vec::new();
                }
                self.brn_input.clear();
                self.brn_input.extend_from_slice(input);
                self.kept = Kept::Brn(refusal);
            }
        }
    }

    /// The kept error, its message written now if it was not yet.
    fn error(&mut self) -> Option<&Error> {
        if let Kept::Brn(refusal) = self.kept {
            self.kept = Kept::Error(brn::explain(&self.brn_input, refusal));
        }
        match &self.kept {
            Kept::Error(error) => Some(error),
            Kept::Nothing | Kept::Brn(_) => None,
        }
    }

    fn status(&self) -> Status {
        match &self.kept {
            Kept::Nothing => Status::Ok,
            Kept::Error(error) => error.status(),
            Kept::Brn(refusal) => refusal.status(),
        }
    }
}

thread_local! {
    // One per thread, so threads never see each other's errors.
    static LAST_ERROR: RefCell<Slot> = const {
        RefCell::new(Slot {
            kept: Kept::Nothing,
            language: Language::English,
            brn_input: Vec::new(),
        })
    };
}

/// Runs an export's body: `Ok` becomes `SMARTBILL_OK`; an error is kept as
/// this thread's last error and its status returned; a panic becomes
/// `SMARTBILL_ERR_INTERNAL` and never unwinds into the caller.
pub(crate) fn guard<F>(function: &'static str, body: F) -> i32
where
    F: FnOnce() -> smartbill_signup_core::Result<()>,
{
    guard_failure(function, || body().map_err(Failure::Error))
}

/// [`guard`] for a body whose failure may be kept without its message
/// ([`Failure::Brn`]). Keeping the error runs inside the boundary too.
pub(crate) fn guard_failure<'a, F>(function: &'static str, body: F) -> i32
where
    F: FnOnce() -> Result<(), Failure<'a>>,
{
    let outcome = catch_unwind(AssertUnwindSafe(|| match body() {
        Ok(()) => Status::Ok.code(),
        Err(failure) => keep(failure),
    }));
    match outcome {
        Ok(code) => code,
        Err(payload) => {
            let error = internal_error(function, payload);
            let code = error.status().code();
            // Even a panic while keeping it stays inside.
            let _ = catch_unwind(AssertUnwindSafe(|| keep(Failure::Error(error))));
            code
        }
    }
}

/// The `INTERNAL` error for a caught panic in `function`.
pub(crate) fn internal_error(function: &str, payload: Box<dyn Any + Send>) -> Error {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned());
    // A payload whose drop panics must not escape either.
    if let Err(again) = catch_unwind(AssertUnwindSafe(|| drop(payload))) {
        std::mem::forget(again);
    }
    let function = function.to_string();
    let message = match what {
        Some(what) => Message::Internal { function, what },
        None => Message::InternalUnknown { function },
    };
    Error::new(Status::Internal, message)
}

/// Keeps `failure` as this thread's last error, if the thread still has
/// its storage, and returns its status code.
fn keep(failure: Failure<'_>) -> i32 {
    let code = failure.status().code();
    let language = language::current();
    let _ = LAST_ERROR.try_with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            slot.keep(failure, language);
        }
    });
    code
}

/// Runs an infallible export that returns a value, returning `fallback`
/// if it panics.
pub(crate) fn guard_value<T, F: FnOnce() -> T>(fallback: T, body: F) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

/// A copy of this thread's last error (a refused business number made
/// into an error now) and the language of its message; `None` when no
/// call on this thread has failed, or during thread exit. Reading does not
/// change it.
pub(crate) fn last_error() -> Option<(Error, Language)> {
    LAST_ERROR
        .try_with(|slot| {
            let mut slot = slot.try_borrow_mut().ok()?;
            let language = slot.language;
            slot.error().cloned().map(|e| (e, language))
        })
        .ok()
        .flatten()
}

/// This thread's last error status, without writing its message.
pub(crate) fn last_error_status() -> Status {
    LAST_ERROR
        .try_with(|slot| slot.try_borrow().map_or(Status::Ok, |slot| slot.status()))
        .unwrap_or(Status::Ok)
}
