//! Opaque handles: the one way a Rust value is handed to C, borrowed back
//! and released (the header's convention 5).
//!
//! Every handle type the header names (`SmartbillForm`, `SmartbillCallback`,
//! ...) is an empty marker struct that C only ever holds a pointer to. Behind
//! that pointer is a `Box` of the handle's Rust value, its
//! [`Castable::RustType`]: [`BoxOut::set`] makes it, [`borrow`],
//! [`borrow_mut`] and [`borrow_optional`] read it, [`free`] releases it.
//! rustls-ffi's `Castable`/`BoxCastPtr` are the model; every handle here is
//! boxed, so there is no ownership marker.
//!
//! A pointer is cast between the marker type and the Rust type only here,
//! so the pairing of a handle type with its Rust type is written once, in
//! its `impl Castable`.

use super::args::null_argument;
use super::boundary::guard_value;
use smartbill_signup_core::error::Result;
use std::ptr;

/// An opaque handle type and the Rust value its pointers point to.
///
/// The handle type is declared where its functions are, written out (cbindgen
/// reads the source, not macro output), as a struct C cannot see into, for
/// which cbindgen writes `typedef struct Name Name;`:
///
/// ```ignore
/// pub struct SmartbillForm {
///     _private: [u8; 0],
/// }
///
/// impl Castable for SmartbillForm {
///     type RustType = SignupForm;
/// }
/// ```
pub(crate) trait Castable {
    /// The value behind a handle pointer, boxed.
    type RustType;
}

/// The out pointer of a call that makes a handle (`T **out`). Taking it
/// writes NULL at once, and only [`BoxOut::set`] writes anything else, so
/// `*out` is NULL after every failure, a panic included.
pub(crate) struct BoxOut<'a, T> {
    out: &'a mut *mut T,
}

impl<'a, T: Castable> BoxOut<'a, T> {
    /// Takes the out pointer `out` (argument `name`): NULL is
    /// `NULL_ARGUMENT`; otherwise `*out` is set to NULL now.
    ///
    /// # Safety
    /// `out` must be NULL or valid for reads and writes of a pointer for
    /// `'a`, and not aliased by another reference meanwhile.
    pub(crate) unsafe fn new(out: *mut *mut T, name: &str) -> Result<Self> {
        // SAFETY: the caller promises `out` is NULL or valid and unaliased
        // for `'a`; `as_mut` turns NULL into `None`.
        let out = unsafe { out.as_mut() }.ok_or_else(|| null_argument(name))?;
        *out = ptr::null_mut();
        Ok(BoxOut { out })
    }

    /// Hands `value` to the caller: `*out` becomes a new handle, which the
    /// caller owns and releases with the handle type's `_free` function.
    pub(crate) fn set(self, value: T::RustType) {
        *self.out = Box::into_raw(Box::new(value)).cast::<T>();
    }
}

/// The value behind handle `handle` (argument `name`), borrowed for the
/// call; NULL is `NULL_ARGUMENT` naming the argument.
///
/// # Safety
/// `handle` must be NULL or a live handle of type `T` (made by
/// [`BoxOut::set`] and not yet released) that nothing changes during `'a`.
pub(crate) unsafe fn borrow<'a, T: Castable>(
    handle: *const T,
    name: &str,
) -> Result<&'a T::RustType> {
    // SAFETY: our caller makes exactly the promise `borrow_optional` needs
    // (its contract is this function's).
    unsafe { borrow_optional(handle) }.ok_or_else(|| null_argument(name))
}

/// As [`borrow`], for an argument where NULL means "the defaults":
/// `None` for NULL.
///
/// # Safety
/// As [`borrow`].
pub(crate) unsafe fn borrow_optional<'a, T: Castable>(handle: *const T) -> Option<&'a T::RustType> {
    // SAFETY: a non-NULL `handle` came from `BoxOut::set`, which cast a live
    // `Box<T::RustType>` (the caller's promise), and nothing changes it
    // during `'a`.
    unsafe { handle.cast::<T::RustType>().as_ref() }
}

/// The value behind handle `handle` (argument `name`), borrowed mutably
/// for the call; NULL is `NULL_ARGUMENT` naming the argument.
///
/// # Safety
/// `handle` must be NULL or a live handle of type `T` (made by
/// [`BoxOut::set`] and not yet released) that nothing else uses during
/// `'a` (the header: a handle is not used by two threads at once).
pub(crate) unsafe fn borrow_mut<'a, T: Castable>(
    handle: *mut T,
    name: &str,
) -> Result<&'a mut T::RustType> {
    // SAFETY: a non-NULL `handle` came from `BoxOut::set`, which cast a live
    // `Box<T::RustType>`, and the caller promises no other use during `'a`,
    // so this is the only reference.
    unsafe { handle.cast::<T::RustType>().as_mut() }.ok_or_else(|| null_argument(name))
}

/// Releases handle `handle`: NULL does nothing; otherwise the value is
/// dropped, inside the panic boundary (a panicking drop is caught and
/// ignored, as a `_free` function returns nothing).
///
/// # Safety
/// `handle` must be NULL or a live handle of type `T` that the caller gives
/// up: it is not used again, here or on another thread.
pub(crate) unsafe fn free<T: Castable>(handle: *mut T) {
    guard_value((), || {
        if !handle.is_null() {
            // SAFETY: `handle` is non-NULL, so (the caller's promise) it is
            // the pointer `BoxOut::set` got from `Box::into_raw` of a
            // `Box<T::RustType>`, still live, and nobody uses it again: the
            // box is rebuilt and dropped exactly once.
            drop(unsafe { Box::from_raw(handle.cast::<T::RustType>()) });
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use smartbill_signup_core::status::Status;
    use std::sync::atomic::{AtomicUsize, Ordering};

    struct Probe {
        _private: [u8; 0],
    }

    impl Castable for Probe {
        type RustType = Vec<u8>;
    }

    /// A value whose drop panics, counting the drops.
    struct Bomb(&'static AtomicUsize);

    impl Drop for Bomb {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::SeqCst);
            panic!("drop");
        }
    }

    struct BombHandle {
        _private: [u8; 0],
    }

    impl Castable for BombHandle {
        type RustType = Bomb;
    }

    #[test]
    fn a_handle_goes_out_is_borrowed_and_comes_back() {
        let mut raw: *mut Probe = ptr::NonNull::dangling().as_ptr();
        // SAFETY: `raw` is a local pointer variable, valid for writes.
        let out = unsafe { BoxOut::new(&mut raw, "out") }.unwrap();
        out.set(b"abc".to_vec());
        assert!(!raw.is_null());
        // SAFETY: `raw` was just made by `BoxOut::set` and is not shared.
        unsafe { borrow_mut(raw, "h") }.unwrap().push(b'd');
        // SAFETY: as above; the mutable borrow has ended.
        assert_eq!(unsafe { borrow(raw, "h") }.unwrap(), b"abcd");
        // SAFETY: as above.
        assert_eq!(unsafe { borrow_optional(raw) }.unwrap(), b"abcd");
        // SAFETY: `raw` is live and not used after this.
        unsafe { free(raw) };
    }

    #[test]
    fn the_out_pointer_is_null_until_set() {
        let mut raw: *mut Probe = ptr::NonNull::dangling().as_ptr();
        // SAFETY: `raw` is a local pointer variable, valid for writes.
        let taken = unsafe { BoxOut::new(&mut raw, "out") }.is_ok();
        // A failure after taking it: never set.
        assert!(taken && raw.is_null());
    }

    #[test]
    fn null_is_refused_naming_the_argument_or_ignored() {
        // SAFETY: NULL is never dereferenced.
        let e = match unsafe { BoxOut::<Probe>::new(ptr::null_mut(), "out") } {
            Ok(_) => panic!("a NULL out pointer was taken"),
            Err(e) => e,
        };
        assert_eq!((e.status(), e.field()), (Status::NullArgument, Some("out")));
        // SAFETY: NULL is never dereferenced.
        let e = unsafe { borrow::<Probe>(ptr::null(), "form") }.unwrap_err();
        assert_eq!(
            (e.status(), e.field()),
            (Status::NullArgument, Some("form"))
        );
        // SAFETY: NULL is never dereferenced.
        let e = unsafe { borrow_mut::<Probe>(ptr::null_mut(), "options") }.unwrap_err();
        assert_eq!(e.field(), Some("options"));
        // SAFETY: NULL is never dereferenced.
        assert!(unsafe { borrow_optional::<Probe>(ptr::null()) }.is_none());
        // SAFETY: NULL is accepted and does nothing.
        unsafe { free::<Probe>(ptr::null_mut()) };
    }

    #[test]
    fn a_panicking_drop_stays_inside_free() {
        static DROPS: AtomicUsize = AtomicUsize::new(0);
        let mut raw: *mut BombHandle = ptr::null_mut();
        // SAFETY: `raw` is a local pointer variable, valid for writes.
        let out = unsafe { BoxOut::new(&mut raw, "out") }.unwrap();
        out.set(Bomb(&DROPS));
        // SAFETY: `raw` is live and not used after this.
        unsafe { free(raw) };
        assert_eq!(DROPS.load(Ordering::SeqCst), 1);
    }
}
