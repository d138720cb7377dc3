//! Where output goes.
//!
//! On Windows, std's stdout and stderr write to a console with
//! `WriteConsoleW` (UTF-16), so Hangul shows correctly whatever the
//! console's code page is (CP949 on Korean Windows); redirected to a file or
//! a pipe they write UTF-8 bytes. So everything this tool prints goes through
//! std's handles, never a raw OS handle, and is UTF-8 text. Bytes that are
//! not UTF-8 (an EUC-KR page) are never written to a terminal: a Windows
//! console would refuse them and any other would show garbage.

use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};

/// One line on stderr, prefixed with the program's name. Failing to write
/// to stderr is ignored: there is nowhere left to say it.
pub fn error_line(message: &str) {
    let _ = writeln!(io::stderr().lock(), "smartbill-signup: {message}");
}

/// A line on stderr without prefix (summaries, progress notes).
pub fn note(message: &str) {
    let _ = writeln!(io::stderr().lock(), "{message}");
}

/// stdout, buffered: results are written in large blocks, and every write
/// error (a closed pipe) reaches the caller instead of a panic.
pub fn stdout() -> BufWriter<StdoutLock<'static>> {
    BufWriter::with_capacity(64 * 1024, io::stdout().lock())
}

pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

pub fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

pub fn stdin_is_terminal() -> bool {
    io::stdin().is_terminal()
}

/// Text for a terminal or a report: control characters escaped (`\t`,
/// `\u{1b}`), everything else, Hangul included, as it is. A vendor file's
/// bytes must not move the cursor or recolour the screen.
pub fn printable(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Bytes that are not valid in their encoding, for showing: printable ASCII
/// as it is, every other byte as `\xNN`.
pub fn escaped_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        if (0x20..0x7f).contains(&b) && b != b'\\' {
            out.push(b as char);
        } else {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_hangul_is_not() {
        assert_eq!(printable("회사\t1\u{1b}[31m"), "회사\\t1\\u{1b}[31m");
        assert_eq!(printable("124-81-00998"), "124-81-00998");
        assert_eq!(escaped_bytes(b"12\xb0\xa1\\"), "12\\xB0\\xA1\\x5C");
    }
}
