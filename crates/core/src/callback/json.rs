//! A strict reader for the one JSON shape a callback may have: an object
//! whose values are strings, numbers or null (RFC 8259 grammar, nothing
//! more lenient).
//!
//! It reads the body once, front to back, and stops at the first problem:
//! broken JSON is `CALLBACK_JSON`; a body that is not an object, or a value
//! that is an object, array or boolean, is `CALLBACK_SHAPE`. It never
//! descends into a nested value (the opening `{` or `[` is already the
//! error), so nesting depth costs nothing and cannot exhaust the stack.
//! It builds no tree: keys and values go to a [`Sink`] as they are read, and
//! strings without escapes are borrowed from the body.

use super::keys::Key;
use crate::error::{Error, Result};
use crate::message::Message;
use crate::status::Status;
use std::borrow::Cow;

/// A member's value.
pub(super) enum Value<'a> {
    /// A string, unescaped.
    Str(Cow<'a, str>),
    /// A number, exactly as written in the body.
    Number(&'a str),
    Null,
}

/// Receives the object's members in body order.
pub(super) trait Sink<'a> {
    /// A key was read at byte `at` (its opening quote), before its value.
    fn key(&mut self, key: Cow<'a, str>, at: usize) -> Result<()>;
    /// The value of the key just given.
    fn value(&mut self, value: Value<'a>) -> Result<()>;
}

/// Reads the object that starts at byte `start` of `text` (after a BOM, if
/// any), then checks that nothing but whitespace follows it.
pub(super) fn read_object<'a>(text: &'a str, start: usize, sink: &mut impl Sink<'a>) -> Result<()> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: start,
    };
    reader.object(sink).map_err(|e| *e)?;
    reader.skip_ws();
    if reader.pos < reader.bytes.len() {
        return Err(*reader.json_error(Message::JsonTrailing {}));
    }
    Ok(())
}

/// The reader's own results: the error boxed, so that the many small
/// results of the hot path stay a register or two wide.
type Read<T> = std::result::Result<T, Box<Error>>;

/// ` at line L, column C (byte B)` for a byte offset into the body. Columns
/// count characters; a leading BOM is not counted.
pub(super) fn locate(text: &str, at: usize) -> Box<Message> {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let mut line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    if line_start == 0 && text.starts_with('\u{FEFF}') {
        line_start = 3;
    }
    let column = 1 + text
        .get(line_start..at)
        .map_or(at.saturating_sub(line_start), |s| s.chars().count());
    Box::new(Message::JsonAt {
        line,
        column,
        byte: at,
    })
}

/// A key name for messages: quoted and escaped, cut after 64 characters
/// (key names are not secret, but may be long).
pub(super) fn show_key(key: &str) -> String {
    const MAX: usize = 64;
    match key.char_indices().nth(MAX) {
        None => format!("{key:?}"),
        Some((cut, _)) => format!("{:?}...", &key[..cut]),
    }
}

/// The length of the leading run of bytes that need no attention inside a
/// string: anything but `"`, `\\` and control characters. Eight bytes at a
/// time (the classic "has a zero byte" bit trick); callback values are
/// mostly long runs (a token is about 90 bytes).
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut done = 0;
    for chunk in &mut chunks {
        let v = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let quote = v ^ (ONES * b'"' as u64);
        let backslash = v ^ (ONES * b'\\' as u64);
        // A byte is flagged when it is zero (after the XOR) or below 0x20.
        // Only bytes above the lowest true hit can be flagged falsely, so
        // the lowest flag is exact.
        let flags = (quote.wrapping_sub(ONES) & !quote
            | backslash.wrapping_sub(ONES) & !backslash
            | v.wrapping_sub(ONES * 0x20) & !v)
            & HIGHS;
        if flags != 0 {
            return done + flags.trailing_zeros() as usize / 8;
        }
        done += 8;
    }
    done + chunks
        .remainder()
        .iter()
        .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
        .unwrap_or(chunks.remainder().len())
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn object(&mut self, sink: &mut impl Sink<'a>) -> Read<()> {
        self.skip_ws();
        match self.peek() {
            None => return Err(self.json_error(Message::JsonEmpty {})),
            Some(b'{') => self.pos += 1,
            Some(_) => return Err(self.not_an_object()),
        }
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_ws();
            let key_at = self.pos;
            if self.peek() != Some(b'"') {
                return Err(self.unexpected(Message::JsonKeyInQuotes {}));
            }
            let key = self.string()?;
            sink.key(key, key_at)?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.unexpected(Message::JsonColonAfterKey {}));
            }
            self.pos += 1;
            self.skip_ws();
            let value_at = self.pos;
            let value = match self.peek() {
                Some(b'"') => Value::Str(self.string()?),
                Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
                Some(b'n') => {
                    self.literal("null")?;
                    Value::Null
                }
                Some(b't') => {
                    self.literal("true")?;
                    return Err(self.wrong_type(key_at, value_at, Message::JsonBoolean {}));
                }
                Some(b'f') => {
                    self.literal("false")?;
                    return Err(self.wrong_type(key_at, value_at, Message::JsonBoolean {}));
                }
                Some(b'{') => {
                    return Err(self.wrong_type(key_at, value_at, Message::JsonObject {}))
                }
                Some(b'[') => return Err(self.wrong_type(key_at, value_at, Message::JsonArray {})),
                _ => return Err(self.unexpected(Message::JsonValue {})),
            };
            sink.value(value)?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.unexpected(Message::JsonCommaOrEnd {})),
            }
        }
    }

    /// The body starts with something other than `{`: a JSON value of
    /// another type is `CALLBACK_SHAPE`, anything else `CALLBACK_JSON`.
    fn not_an_object(&mut self) -> Box<Error> {
        let at = self.pos;
        let what = match self.peek() {
            Some(b'[') => Message::JsonArray {},
            Some(b'"') => match self.string() {
                Ok(_) => Message::JsonString {},
                Err(e) => return e,
            },
            Some(b'-' | b'0'..=b'9') => match self.number() {
                Ok(_) => Message::JsonNumber {},
                Err(e) => return e,
            },
            Some(b't' | b'f' | b'n') => {
                let word = ["true", "false", "null"]
                    .into_iter()
                    .find(|w| self.bytes[at..].starts_with(w.as_bytes()));
                match word {
                    Some("null") => Message::JsonNull {},
                    Some(_) => Message::JsonBoolean {},
                    None => return self.unexpected(Message::JsonObjectStart {}),
                }
            }
            _ => return self.unexpected(Message::JsonObjectStart {}),
        };
        Box::new(
            Error::new(
                Status::CallbackShape,
                Message::CallbackNotObject {
                    what: Box::new(what),
                    at: locate(self.text, at),
                },
            )
            .with_field("body"),
        )
    }

    fn wrong_type(&self, key_at: usize, value_at: usize, what: Message) -> Box<Error> {
        // Read the key again: only the error path pays for it.
        let mut again = Reader {
            text: self.text,
            bytes: self.bytes,
            pos: key_at,
        };
        let key = again.string().map(Cow::into_owned).unwrap_or_default();
        let field = Key::lookup(&key).map_or_else(|| key.clone(), |k| k.name().to_string());
        Box::new(
            Error::new(
                Status::CallbackShape,
                Message::CallbackWrongType {
                    key: show_key(&key),
                    what: Box::new(what),
                    at: locate(self.text, value_at),
                },
            )
            .with_field(field),
        )
    }

    fn literal(&mut self, word: &str) -> Read<()> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.json_error(Message::JsonBadLiteral {}))
        }
    }

    /// A number per the JSON grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Read<&'a str> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.json_error(Message::JsonDigitAfterMinus {})),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.json_error(Message::JsonDigitAfterDot {}));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.json_error(Message::JsonDigitAfterExponent {}));
            }
            self.digits();
        }
        Ok(&self.text[start..self.pos])
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    /// A string starting at the opening quote. Borrowed from the body unless
    /// it has escapes. Messages never quote its content: it may be a secret.
    fn string(&mut self) -> Read<Cow<'a, str>> {
        let open = self.pos;
        self.pos += 1;
        let start = self.pos;
        self.pos += plain_run(&self.bytes[start..]);
        match self.peek() {
            Some(b'"') => {
                self.pos += 1;
                return Ok(Cow::Borrowed(&self.text[start..self.pos - 1]));
            }
            Some(b'\\') => {}
            Some(c) => return Err(self.control_in_string(c)),
            None => return Err(self.unterminated(open)),
        }
        let mut out = String::with_capacity(self.pos - start + 16);
        out.push_str(&self.text[start..self.pos]);
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => self.escape(&mut out)?,
                Some(c) if c < 0x20 => return Err(self.control_in_string(c)),
                Some(_) => {
                    let run = self.pos;
                    self.pos += plain_run(&self.bytes[run..]);
                    out.push_str(&self.text[run..self.pos]);
                }
                None => return Err(self.unterminated(open)),
            }
        }
    }

    /// One escape sequence, starting at the backslash.
    fn escape(&mut self, out: &mut String) -> Read<()> {
        let at = self.pos;
        self.pos += 1;
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4(at)?;
                let code = match unit {
                    0xD800..=0xDBFF => {
                        if !self.bytes[self.pos..].starts_with(b"\\u") {
                            return Err(self.json_error_at(at, Message::JsonUnpairedSurrogate {}));
                        }
                        self.pos += 2;
                        let low = self.hex4(at)?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.json_error_at(at, Message::JsonUnpairedSurrogate {}));
                        }
                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    0xDC00..=0xDFFF => {
                        return Err(self.json_error_at(at, Message::JsonUnpairedSurrogate {}))
                    }
                    _ => unit,
                };
                out.push(char::from_u32(code).expect("surrogates are excluded above"));
                return Ok(());
            }
            None => return Err(self.json_error(Message::JsonEndsInEscape {})),
            Some(_) => return Err(self.json_error_at(at, Message::JsonBadEscape {})),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self, escape_at: usize) -> Read<u32> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit));
        let Some(digits) = digits else {
            return Err(self.json_error_at(escape_at, Message::JsonShortUnicodeEscape {}));
        };
        let value = digits.iter().fold(0u32, |acc, &d| {
            acc * 16 + (d as char).to_digit(16).expect("hex digit")
        });
        self.pos += 4;
        Ok(value)
    }

    fn control_in_string(&self, c: u8) -> Box<Error> {
        self.json_error(Message::JsonControlCharacter {
            code: format!("U+{c:04X}"),
        })
    }

    fn unterminated(&self, open: usize) -> Box<Error> {
        self.json_error_at(open, Message::JsonUnclosedString {})
    }

    /// `expected X, found Y`. Only structural characters are shown: any
    /// other character might belong to a secret.
    fn unexpected(&self, expected: Message) -> Box<Error> {
        let found = match self.peek() {
            None => Message::JsonEndOfBody {},
            Some(c @ (b'{' | b'}' | b'[' | b']' | b':' | b',' | b'"' | b'<')) => {
                Message::JsonCharacter {
                    character: format!("'{}'", c as char),
                }
            }
            Some(c) if c.is_ascii_alphanumeric() => Message::JsonLetterOrDigit {},
            Some(_) => Message::JsonOtherCharacter {},
        };
        self.json_error(Message::JsonExpected {
            expected: Box::new(expected),
            found: Box::new(found),
        })
    }

    fn json_error(&self, what: Message) -> Box<Error> {
        self.json_error_at(self.pos, what)
    }

    fn json_error_at(&self, at: usize, what: Message) -> Box<Error> {
        Box::new(
            Error::new(
                Status::CallbackJson,
                Message::CallbackNotJson {
                    what: Box::new(what),
                    at: locate(self.text, at),
                },
            )
            .with_field("body"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::plain_run;

    #[test]
    fn plain_run_stops_at_the_first_special_byte_wherever_it_is() {
        for len in 0..40 {
            let plain: Vec<u8> = (0..len).map(|i| b"aZ9 ~\x7f\xc3\xa9!#"[i % 10]).collect();
            assert_eq!(plain_run(&plain), len, "all plain, {len}");
            for special in [b'"', b'\\', 0x00, 0x0a, 0x1f] {
                for at in 0..len {
                    let mut bytes = plain.clone();
                    bytes[at] = special;
                    // A second special byte later must not hide the first.
                    if at + 1 < len {
                        bytes[len - 1] = b'"';
                    }
                    assert_eq!(plain_run(&bytes), at, "{special:#x} at {at} of {len}");
                }
            }
        }
    }
}
