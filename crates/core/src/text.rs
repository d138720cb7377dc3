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
#[inline]
pub fn trim(text: &str) -> &str {
    // Most text starts and ends with a visible ASCII character: nothing to
    // trim (every ASCII whitespace character is at most U+0020).
    match text.as_bytes() {
        [] => text,
        [first, .., last] | [first @ last]
            if (0x21..0x80).contains(first) && (0x21..0x80).contains(last) =>
        {
            text
        }
        _ => {
            let mut chars = text.chars();
            let ends_are_text = chars.next().is_some_and(|c| !is_surrounding_space(c))
                && !chars.next_back().is_some_and(is_surrounding_space);
            if ends_are_text {
                text
            } else {
                text.trim_matches(is_surrounding_space)
            }
        }
    }
}

/// `bytes` without surrounding whitespace, for text whose encoding is not
/// declared (business numbers). The bytes are read one way as a whole:
/// valid UTF-8 is UTF-8 text, trimmed as [`trim`] does; anything else is
/// taken as CP949 (a COBOL field), whose whitespace is ASCII's and the
/// ideographic space `A1 A1` (U+3000: no other White_Space character is in
/// CP949). Reading the whole text one way matters: `C2 85` is U+0085 in
/// UTF-8 but a Hangul syllable in CP949. Whatever else the bytes hold is
/// left for the caller to judge.
pub fn trim_bytes(bytes: &[u8]) -> &[u8] {
    match std::str::from_utf8(bytes) {
        Ok(text) => trim(text).as_bytes(),
        Err(_) => trim_cp949(bytes),
    }
}

/// [`trim_bytes`] for bytes read as CP949.
fn trim_cp949(bytes: &[u8]) -> &[u8] {
    let ascii_space = |b: u8| b.is_ascii() && is_surrounding_space(char::from(b));
    let mut rest = bytes;
    loop {
        match rest {
            [b, tail @ ..] if ascii_space(*b) => rest = tail,
            // U+3000, the only non-ASCII whitespace CP949 holds.
            [0xA1, 0xA1, tail @ ..] => rest = tail,
            _ => break,
        }
    }
    loop {
        match rest {
            [head @ .., b] if ascii_space(*b) => rest = head,
            // A trailing A1 A1 could be the end of a pair starting one byte
            // earlier only if that byte were a lead byte, which is not a
            // digit, space or dash: the number is refused either way.
            [head @ .., 0xA1, 0xA1] => rest = head,
            _ => break,
        }
    }
    rest
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
/// character CP949 cannot hold. Counted without encoding the text: ASCII
/// is 1 byte and every Hangul syllable 2 (CP949 holds all 11,172); only
/// other characters ask the encoder.
pub fn cp949_len(text: &str) -> std::result::Result<usize, char> {
    let bytes = text.as_bytes();
    let mut len = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            len += 1;
            i += 1;
            continue;
        }
        // A Hangul syllable, U+AC00..=U+D7A3, is three bytes from EA B0 80
        // to ED 9E A3.
        if let (0xEA..=0xED, Some(&b1), Some(&b2)) = (b, bytes.get(i + 1), bytes.get(i + 2)) {
            let code =
                (u32::from(b & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
            if (0xAC00..=0xD7A3).contains(&code) {
                len += 2;
                i += 3;
                continue;
            }
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let mut utf8 = [0u8; 4];
        len += encode_cp949(c.encode_utf8(&mut utf8), None)?.len();
        i += c.len_utf8();
    }
    Ok(len)
}

/// Whether any byte of `bytes` passes `test`, sixteen at a time (a fixed
/// loop without an early exit, which the compiler turns into vector
/// compares): for the checks that nearly always find nothing. The last
/// chunk is padded with `neutral`, a byte that must fail `test`.
#[inline]
pub fn any_byte(bytes: &[u8], neutral: u8, test: impl Fn(u8) -> bool + Copy) -> bool {
    let sixteen = |chunk: &[u8; 16]| chunk.iter().fold(0u8, |hit, &b| hit | u8::from(test(b))) != 0;
    let mut chunks = bytes.chunks_exact(16);
    for chunk in &mut chunks {
        let mut block = [0u8; 16];
        block.copy_from_slice(chunk);
        if sixteen(&block) {
            return true;
        }
    }
    let rest = chunks.remainder();
    let mut block = [neutral; 16];
    block[..rest.len()].copy_from_slice(rest);
    sixteen(&block)
}

/// `U+XXXX 'c'` for messages about a character.
pub fn describe_char(c: char) -> String {
    format!("U+{:04X} {:?}", c as u32, c)
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
    fn every_hangul_syllable_is_two_cp949_bytes() {
        for c in ('\u{AC00}'..='\u{D7A3}').chain(['\u{B7}', '\u{3000}', 'a']) {
            let text = c.to_string();
            let (bytes, _, unmappable) = EUC_KR.encode(&text);
            assert!(!unmappable, "{c}");
            assert_eq!(cp949_len(&text), Ok(bytes.len()), "{c}");
        }
        assert_eq!(cp949_len("a😀"), Err('😀'));
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
}
