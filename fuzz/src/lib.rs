//! What every fuzz target shares: status checks, output buffers guarded by
//! canaries, and short reference implementations the library must agree
//! with. A failed assertion is a finding: libFuzzer saves the input.

pub mod brn_reference;
pub mod cp949_reference;

pub use smartbill_signup as abi;
pub use smartbill_signup_core as core;

use smartbill_signup_core::status::Status;
use std::ffi::c_char;

/// The status behind a code returned by an export. Every code must be in
/// the status table, and none may be `INTERNAL` (a caught panic).
pub fn status(code: i32, what: &str) -> Status {
    let status = Status::from_code(code)
        .unwrap_or_else(|| panic!("{what}: status {code} is not in the status table"));
    assert!(
        status != Status::Internal,
        "{what}: INTERNAL: {}",
        last_error()
    );
    status
}

/// [`status`], and one of the statuses `what` documents.
pub fn documented(code: i32, allowed: &[Status], what: &str) -> Status {
    let status = status(code, what);
    assert!(
        allowed.contains(&status),
        "{what}: {} is not among its documented statuses {:?} ({})",
        status.name(),
        allowed.iter().map(|s| s.name()).collect::<Vec<_>>(),
        last_error()
    );
    status
}

/// This thread's last error message, as `smartbill_last_error` gives it.
pub fn last_error() -> String {
    let (_, text) = read_text(false, |buf, cap, len| unsafe {
        abi::smartbill_last_error(buf, cap, len)
    });
    String::from_utf8(text).expect("smartbill_last_error writes UTF-8")
}

const CANARY: u8 = 0xA5;
const GUARD: usize = 16;

/// Calls an export that writes text into `(buf, cap, out_len)`, with `cap`
/// bytes between canaries. Checks the output convention (the header's
/// convention 4 and `SMARTBILL_TEXT_PAD`): nothing is written outside `cap`; on failure
/// nothing is written at all; on success the text is followed by a NUL
/// when there is room, or with `pad` by spaces to fill `cap`. Returns the
/// code, `*out_len` and the `cap` bytes.
pub fn call_out(
    cap: usize,
    pad: bool,
    call: impl FnOnce(*mut c_char, usize, *mut usize) -> i32,
) -> (i32, usize, Vec<u8>) {
    let mut area = vec![CANARY; cap + 2 * GUARD];
    let mut out_len = usize::MAX;
    let code = call(
        area[GUARD..].as_mut_ptr().cast::<c_char>(),
        cap,
        &mut out_len,
    );
    assert!(
        area[..GUARD].iter().all(|&b| b == CANARY)
            && area[GUARD + cap..].iter().all(|&b| b == CANARY),
        "an output was written outside its buffer of {cap} bytes"
    );
    let buf = area[GUARD..GUARD + cap].to_vec();
    if code != Status::Ok.code() {
        assert!(
            buf.iter().all(|&b| b == CANARY),
            "a failing call ({}) wrote into the buffer",
            Status::from_code(code).map_or("?", Status::name)
        );
        return (code, out_len, buf);
    }
    assert!(out_len <= cap, "OK with *out_len {out_len} > cap {cap}");
    if pad {
        assert!(
            buf[out_len..].iter().all(|&b| b == b' '),
            "a padded output is not filled with spaces"
        );
    } else if cap > out_len {
        assert_eq!(
            buf[out_len], 0,
            "no NUL after the text although there is room"
        );
        assert!(
            buf[out_len + 1..].iter().all(|&b| b == CANARY),
            "bytes written after the NUL"
        );
    }
    (code, out_len, buf)
}

/// Reads a whole text output the way callers do: ask for the size with
/// `buf = NULL, cap = 0`, then with a buffer of that size exactly, one byte
/// too small, and one byte larger; all must agree. Returns the status of
/// the call and the text (empty on failure).
pub fn read_text(
    pad: bool,
    mut call: impl FnMut(*mut c_char, usize, *mut usize) -> i32,
) -> (i32, Vec<u8>) {
    let mut needed = usize::MAX;
    let first = call(std::ptr::null_mut(), 0, &mut needed);
    if first != Status::Ok.code() && first != Status::BufferTooSmall.code() {
        return (first, Vec::new());
    }
    if first == Status::Ok.code() {
        assert_eq!(needed, 0, "OK into a 0-byte buffer with *out_len {needed}");
    }
    let (code, len, exact) = call_out(needed, pad, &mut call);
    assert_eq!(
        code,
        Status::Ok.code(),
        "a buffer of the size asked for is refused"
    );
    assert_eq!(
        len, needed,
        "*out_len differs between the size query and the call"
    );
    if needed > 0 {
        let (small, small_len, _) = call_out(needed - 1, pad, &mut call);
        assert_eq!(
            small,
            Status::BufferTooSmall.code(),
            "a buffer one byte short is not BUFFER_TOO_SMALL"
        );
        assert_eq!(
            small_len, needed,
            "BUFFER_TOO_SMALL without the size needed"
        );
    }
    let (code, len, larger) = call_out(needed + 1, pad, &mut call);
    assert_eq!((code, len), (Status::Ok.code(), needed));
    assert_eq!(
        exact[..len],
        larger[..len],
        "the text differs between calls"
    );
    (code, exact[..len].to_vec())
}

/// A text argument: `len` bytes, or NUL-terminated (`len = -1`) when the
/// bytes hold no NUL and `nul_terminated` asks for it. Both must give the
/// same answer, so targets pick either.
pub struct TextArg {
    bytes: Vec<u8>,
    len: isize,
}

impl TextArg {
    pub fn new(text: &[u8], nul_terminated: bool) -> TextArg {
        if nul_terminated && !text.contains(&0) {
            let mut bytes = text.to_vec();
            bytes.push(0);
            TextArg { bytes, len: -1 }
        } else {
            TextArg {
                bytes: text.to_vec(),
                len: text.len() as isize,
            }
        }
    }

    pub fn ptr(&self) -> *const c_char {
        self.bytes.as_ptr().cast()
    }

    pub fn len(&self) -> isize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty() || self.bytes == [0]
    }
}

/// Surrounding whitespace as the library defines it for every entry point:
/// Unicode White_Space (U+000B, U+0085 and U+3000 included).
pub fn trim(text: &str) -> &str {
    text.trim_matches(char::is_whitespace)
}
