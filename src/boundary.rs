//! The panic and error boundary every export runs inside, and the
//! thread-local last error.

use smartbill_signup_core::error::Error;
use smartbill_signup_core::status::Status;
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};

thread_local! {
    // One per thread, so threads never see each other's errors.
    static LAST_ERROR: RefCell<Option<Error>> = const { RefCell::new(None) };
}

/// Runs an export's body: `Ok` becomes `SMARTBILL_OK`; an error is stored as
/// this thread's last error and its status returned; a panic becomes
/// `SMARTBILL_ERR_INTERNAL` and never unwinds into the caller.
pub(crate) fn guard<F>(function: &'static str, body: F) -> i32
where
    F: FnOnce() -> smartbill_signup_core::Result<()>,
{
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => Status::Ok.code(),
        Ok(Err(error)) => {
            let code = error.status().code();
            set_last_error(error);
            code
        }
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            set_last_error(Error::new(
                Status::Internal,
                format!("internal error in {function}: {what} (this is a bug; please report it)"),
            ));
            Status::Internal.code()
        }
    }
}

/// Runs an infallible export that returns a value, returning `fallback`
/// if it panics.
pub(crate) fn guard_value<T, F: FnOnce() -> T>(fallback: T, body: F) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

pub(crate) fn set_last_error(error: Error) {
    LAST_ERROR.with(|slot| *slot.borrow_mut() = Some(error));
}

/// Reads this thread's last error without clearing it.
pub(crate) fn with_last_error<T>(f: impl FnOnce(Option<&Error>) -> T) -> T {
    LAST_ERROR.with(|slot| f(slot.borrow().as_ref()))
}
