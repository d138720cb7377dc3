//! Text encodings: UTF-8 (the default everywhere) and CP949, which Korean
//! legacy systems call "EUC-KR" (KS X 1001 holds 2,350 Hangul syllables,
//! CP949 all 11,172; `encoding_rs::EUC_KR` is CP949, as browsers define it).

use crate::error::{Error, Result};
use crate::message::Message;
use crate::status::Status;
use encoding_rs::{DecoderResult, EncoderResult, EUC_KR};
use std::borrow::Cow;

/// The encoding of text crossing the boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Charset {
    #[default]
    Utf8,
    /// CP949 (windows-949), a superset of EUC-KR.
    Cp949,
}

impl Charset {
    /// Parses a charset name as callers write it: `utf-8`, `utf8`,
    /// `euc-kr`, `cp949`, `ms949`, `windows-949`, `ks_c_5601-1987`
    /// (case-insensitive).
    pub fn parse(name: &str) -> Result<Charset> {
        match trim(name).to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Ok(Charset::Utf8),
            "euc-kr" | "euckr" | "cp949" | "ms949" | "windows-949" | "x-windows-949" | "uhc"
            | "ks_c_5601-1987" => Ok(Charset::Cp949),
            other => Err(Error::new(
                Status::InvalidArgument,
                Message::UnknownCharset {
                    name: format!("{other:?}"),
                },
            )),
        }
    }

    /// The name to declare in HTML and HTTP headers.
    pub fn label(self) -> &'static str {
        match self {
            Charset::Utf8 => "UTF-8",
            Charset::Cp949 => "EUC-KR",
        }
    }
}

/// Whether `c` is surrounding whitespace: the one definition every entry
/// point uses (business numbers, form names and values, option names and
/// values, callback keys and values, environments). It is Unicode's
/// White_Space property: ASCII tab, line feed, vertical tab (U+000B), form
/// feed, carriage return and space, and U+0085, U+00A0, U+1680,
/// U+2000-U+200A, U+2028, U+2029, U+202F, U+205F and the ideographic space
/// U+3000 that Korean input methods type (CP949 `A1 A1`). Wrappers never
/// trim: they pass text as given and the library applies this.
pub fn is_surrounding_space(c: char) -> bool {
    // `char::is_whitespace` is exactly Unicode's White_Space property.
    c.is_whitespace()
}

/// `text` without surrounding whitespace ([`is_surrounding_space`]).
pub fn trim(text: &str) -> &str {
    text.trim_matches(is_surrounding_space)
}

/// `bytes` without surrounding whitespace, for text whose encoding is not
/// declared (business numbers): a whitespace character encoded in UTF-8,
/// or the ideographic space in CP949 (`A1 A1`, which is not UTF-8, so the
/// two readings never disagree). Whatever else the bytes hold is left for
/// the caller to judge.
pub fn trim_bytes(bytes: &[u8]) -> &[u8] {
    let mut rest = bytes;
    loop {
        let n = leading_space_len(rest);
        if n == 0 {
            break;
        }
        rest = &rest[n..];
    }
    loop {
        let n = trailing_space_len(rest);
        if n == 0 {
            break;
        }
        rest = &rest[..rest.len() - n];
    }
    rest
}

/// The CP949 encoding of U+3000, the only non-ASCII whitespace CP949 holds.
const CP949_IDEOGRAPHIC_SPACE: [u8; 2] = [0xA1, 0xA1];

/// The length of the whitespace character at the start of `bytes`, or 0.
fn leading_space_len(bytes: &[u8]) -> usize {
    let Some(&first) = bytes.first() else {
        return 0;
    };
    if first.is_ascii() {
        return usize::from(is_surrounding_space(first as char));
    }
    let width = match first {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        // Not a UTF-8 lead byte.
        _ => {
            return if bytes.starts_with(&CP949_IDEOGRAPHIC_SPACE) {
                2
            } else {
                0
            }
        }
    };
    match bytes.get(..width).map(std::str::from_utf8) {
        Some(Ok(c)) if c.chars().all(is_surrounding_space) => width,
        Some(Ok(_)) => 0,
        _ if bytes.starts_with(&CP949_IDEOGRAPHIC_SPACE) => 2,
        _ => 0,
    }
}

/// The length of the whitespace character at the end of `bytes`, or 0.
fn trailing_space_len(bytes: &[u8]) -> usize {
    let Some(&last) = bytes.last() else {
        return 0;
    };
    if last.is_ascii() {
        return usize::from(is_surrounding_space(last as char));
    }
    // The last UTF-8 character starts at the last byte that is not a
    // continuation byte (0b10xx_xxxx), at most 4 bytes from the end.
    let floor = bytes.len().saturating_sub(4);
    let start = (floor..bytes.len())
        .rev()
        .find(|&i| bytes[i] & 0xC0 != 0x80);
    match start.map(|i| (i, std::str::from_utf8(&bytes[i..]))) {
        Some((i, Ok(c))) if c.chars().all(is_surrounding_space) => bytes.len() - i,
        Some((_, Ok(_))) => 0,
        _ if bytes.ends_with(&CP949_IDEOGRAPHIC_SPACE) => 2,
        _ => 0,
    }
}

/// Decodes `bytes` in `charset`. Malformed input is `INVALID_TEXT`, naming
/// `what` and the byte offset; nothing is replaced or dropped.
pub fn decode<'a>(bytes: &'a [u8], charset: Charset, what: &str) -> Result<Cow<'a, str>> {
    match charset {
        Charset::Utf8 => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(Cow::Borrowed(s)),
            Err(e) => Err(invalid_text(what, "UTF-8", e.valid_up_to())),
        },
        Charset::Cp949 => {
            if bytes.is_ascii() {
                // ASCII is the same in both; no copy needed.
                if let Ok(text) = std::str::from_utf8(bytes) {
                    return Ok(Cow::Borrowed(text));
                }
            }
            let mut decoder = EUC_KR.new_decoder_without_bom_handling();
            let mut out = String::new();
            let mut rest = bytes;
            loop {
                // The decoder writes only into spare capacity, and wants room
                // for its worst case before it starts: reserve exactly that.
                let room = decoder
                    .max_utf8_buffer_length_without_replacement(rest.len())
                    .unwrap_or(rest.len());
                out.reserve(room);
                let (result, read) =
                    decoder.decode_to_string_without_replacement(rest, &mut out, true);
                let done = bytes.len() - rest.len();
                rest = rest.get(read..).unwrap_or_default();
                match result {
                    DecoderResult::InputEmpty => return Ok(Cow::Owned(out)),
                    DecoderResult::Malformed(bad, after) => {
                        // The bad sequence ends `after` bytes before what was read.
                        let at = (done + read).saturating_sub(bad as usize + after as usize);
                        return Err(invalid_text(what, "CP949", at));
                    }
                    // Some input was consumed; reserve again and go on.
                    DecoderResult::OutputFull => {}
                }
            }
        }
    }
}

fn invalid_text(what: &str, charset: &'static str, offset: usize) -> Error {
    Error::new(
        Status::InvalidText,
        Message::InvalidText {
            what: what.to_string(),
            charset,
            offset,
        },
    )
    .with_field(what)
}

/// Encodes `text` in `charset`. A character CP949 cannot hold is returned as
/// the error, so the caller can name it.
pub fn encode(text: &str, charset: Charset) -> std::result::Result<Cow<'_, [u8]>, char> {
    match charset {
        Charset::Utf8 => Ok(Cow::Borrowed(text.as_bytes())),
        Charset::Cp949 if text.is_ascii() => Ok(Cow::Borrowed(text.as_bytes())),
        Charset::Cp949 => encode_cp949(text, None).map(Cow::Owned),
    }
}

/// Encodes `text` in `charset`, writing `?` for each character CP949 cannot
/// hold. Only for diagnostics (error messages name such characters as
/// `U+XXXX` anyway); values are never encoded lossily.
pub fn encode_lossy(text: &str, charset: Charset) -> Cow<'_, [u8]> {
    match charset {
        Charset::Utf8 => Cow::Borrowed(text.as_bytes()),
        Charset::Cp949 if text.is_ascii() => Cow::Borrowed(text.as_bytes()),
        Charset::Cp949 => Cow::Owned(encode_cp949(text, Some(b'?')).unwrap_or_default()),
    }
}

/// CP949 bytes of `text`. A character CP949 cannot hold is the error, or,
/// with a `replacement`, is written as that byte.
fn encode_cp949(text: &str, replacement: Option<u8>) -> std::result::Result<Vec<u8>, char> {
    let mut encoder = EUC_KR.new_encoder();
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        // The encoder writes only into spare capacity and, before it
        // starts, wants room for its worst case (more than CP949 ever
        // needs): reserve exactly that, so it never stops half-way.
        let room = encoder
            .max_buffer_length_from_utf8_without_replacement(rest.len())
            .unwrap_or(rest.len());
        out.reserve(room);
        let (result, read) =
            encoder.encode_from_utf8_to_vec_without_replacement(rest, &mut out, true);
        rest = rest.get(read..).unwrap_or_default();
        match result {
            EncoderResult::InputEmpty => return Ok(out),
            EncoderResult::Unmappable(c) => match replacement {
                Some(byte) => out.push(byte),
                None => return Err(c),
            },
            // Some input was consumed; reserve again and go on.
            EncoderResult::OutputFull => {}
        }
    }
}

/// The length of `text` in CP949 bytes (Hangul 2, ASCII 1), or the first
/// character CP949 cannot hold.
pub fn cp949_len(text: &str) -> std::result::Result<usize, char> {
    encode(text, Charset::Cp949).map(|b| b.len())
}

/// `U+XXXX 'c'` for messages about a character.
pub fn describe_char(c: char) -> String {
    format!("U+{:04X} {:?}", c as u32, c)
}

/// The longest prefix of `bytes` (valid text in `charset`) that fits in
/// `width` bytes without splitting a character.
pub fn char_boundary_at_most(bytes: &[u8], charset: Charset, width: usize) -> usize {
    if bytes.len() <= width {
        return bytes.len();
    }
    match charset {
        Charset::Utf8 => {
            let mut end = width;
            // Continuation bytes are 0b10xx_xxxx.
            while end > 0 && (bytes[end] & 0xC0) == 0x80 {
                end -= 1;
            }
            end
        }
        Charset::Cp949 => {
            // Walk from the start: a lead byte (0x81..=0xFE) starts a pair.
            let mut i = 0;
            while i < bytes.len() {
                let step = if bytes[i] >= 0x81 { 2 } else { 1 };
                if i + step > width {
                    break;
                }
                i += step;
            }
            i
        }
    }
}

/// Writes `bytes` into a fixed-width field of `width` bytes, padded with
/// spaces (COBOL `PIC X(n)`). Text that does not fit is an error
/// (`BUFFER_TOO_SMALL` naming the size needed): never cut silently.
pub fn pad_fixed(bytes: &[u8], width: usize, what: &str) -> Result<Vec<u8>> {
    if bytes.len() > width {
        return Err(Error::new(
            Status::BufferTooSmall,
            Message::FixedFieldTooSmall {
                what: what.to_string(),
                size: bytes.len(),
                width,
            },
        )
        .with_field(what));
    }
    let mut out = Vec::with_capacity(width);
    out.extend_from_slice(bytes);
    out.resize(width, b' ');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_names() {
        assert_eq!(Charset::parse("UTF-8").unwrap(), Charset::Utf8);
        assert_eq!(Charset::parse(" euc-kr ").unwrap(), Charset::Cp949);
        assert_eq!(Charset::parse("MS949").unwrap(), Charset::Cp949);
        assert_eq!(
            Charset::parse("latin1").unwrap_err().status(),
            Status::InvalidArgument
        );
    }

    #[test]
    fn cp949_round_trip_including_non_ks_x_1001_syllable() {
        // 뷁 is in CP949's extension, not in KS X 1001.
        let bytes = encode("회사 뷁", Charset::Cp949).unwrap().into_owned();
        assert_eq!(bytes.len(), 7);
        assert_eq!(decode(&bytes, Charset::Cp949, "x").unwrap(), "회사 뷁");
        assert_eq!(cp949_len("가나다abc").unwrap(), 9);
    }

    #[test]
    fn two_byte_utf8_characters_before_ascii_encode_without_panicking() {
        // Issue 10 item 1: the encoder wants its worst case as spare room.
        for text in [
            "25\u{B0}C",
            "3\u{B7}1",
            "2\u{D7}4",
            "\u{B1}5",
            "Model \u{3B1}1",
            "\u{416}a",
            "\u{DF}9",
            "3\u{B7}1\u{B300}\u{B85C}",
            "\u{B7}",
            "a\u{B7}",
        ] {
            let expected = EUC_KR.encode(text);
            match encode(text, Charset::Cp949) {
                Ok(bytes) => {
                    assert!(!expected.2, "{text}");
                    assert_eq!(&*bytes, &*expected.0, "{text}");
                    assert_eq!(decode(&bytes, Charset::Cp949, "x").unwrap(), text);
                }
                Err(c) => assert!(expected.2, "{text}: {c}"),
            }
            let lossy = encode_lossy(text, Charset::Cp949);
            assert!(!lossy.is_empty());
        }
    }

    #[test]
    fn surrounding_whitespace_is_unicode_white_space() {
        for c in [
            '\t', '\n', '\u{B}', '\u{C}', '\r', ' ', '\u{85}', '\u{A0}', '\u{2028}', '\u{3000}',
        ] {
            assert!(is_surrounding_space(c), "{c:?}");
            assert_eq!(trim(&format!("{c}x{c}")), "x");
            let mut utf8 = [0u8; 4];
            let c_bytes = c.encode_utf8(&mut utf8).as_bytes();
            let wrapped = [c_bytes, b"x", c_bytes].concat();
            assert_eq!(trim_bytes(&wrapped), b"x", "{c:?}");
        }
        for c in ['\u{1C}', '\u{1F}', '\u{200B}', '\u{FEFF}', 'x', '\0'] {
            assert!(!is_surrounding_space(c), "{c:?}");
        }
        assert_eq!(trim_bytes(b"\xA1\xA1 12 \xA1\xA1\xA1\xA1"), b"12");
        assert_eq!(trim_bytes(b"\xA1\xA1"), b"");
        assert_eq!(trim_bytes(b"\xA1x\xA1"), b"\xA1x\xA1");
        assert_eq!(
            trim_bytes(b"\xEA\xA1\xA1"),
            b"\xEA\xA1\xA1",
            "U+A861 is UTF-8, not a CP949 space"
        );
        assert_eq!(trim_bytes(b"\xff \xff"), b"\xff \xff");
    }

    #[test]
    fn every_white_space_character_cp949_holds_is_trimmed_in_cp949() {
        // The byte-level trim covers CP949's encoding of every whitespace
        // character CP949 can hold, so both readings of the bytes agree.
        for c in (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_surrounding_space(c))
        {
            let text = format!("{c}1{c}");
            if let Ok(bytes) = encode(&text, Charset::Cp949) {
                assert_eq!(trim_bytes(&bytes), b"1", "{c:?}");
            }
        }
    }

    #[test]
    fn unencodable_character_is_named() {
        assert_eq!(encode("a😀", Charset::Cp949).unwrap_err(), '😀');
        assert_eq!(describe_char('😀'), "U+1F600 '😀'");
    }

    #[test]
    fn lossy_encoding_marks_what_cp949_cannot_hold() {
        let bytes = encode_lossy("회사😀 U+1F600 뷁😀", Charset::Cp949);
        assert_eq!(
            decode(&bytes, Charset::Cp949, "x").unwrap(),
            "회사? U+1F600 뷁?"
        );
        assert_eq!(&*encode_lossy("plain", Charset::Cp949), b"plain");
        assert_eq!(&*encode_lossy("😀", Charset::Utf8), "😀".as_bytes());
    }

    #[test]
    fn malformed_input_reports_offset() {
        let e = decode(b"ab\xff", Charset::Utf8, "pComName").unwrap_err();
        assert_eq!(e.status(), Status::InvalidText);
        assert!(e.message().contains("byte 2"), "{}", e.message());
        // A lone CP949 lead byte at the end.
        let e = decode(b"abc\xb0", Charset::Cp949, "pComName").unwrap_err();
        assert!(e.message().contains("byte 3"), "{}", e.message());
    }

    #[test]
    fn cuts_never_split_a_double_byte_character() {
        let cp = encode("가나다", Charset::Cp949).unwrap();
        assert_eq!(char_boundary_at_most(&cp, Charset::Cp949, 5), 4);
        assert_eq!(char_boundary_at_most(&cp, Charset::Cp949, 6), 6);
        assert_eq!(
            char_boundary_at_most("가나".as_bytes(), Charset::Utf8, 5),
            3
        );
    }

    #[test]
    fn pads_or_refuses() {
        assert_eq!(pad_fixed(b"ab", 4, "f").unwrap(), b"ab  ");
        assert_eq!(
            pad_fixed(b"abcde", 4, "f").unwrap_err().status(),
            Status::BufferTooSmall
        );
    }
}
