//! Text encodings: UTF-8 (the default everywhere) and CP949, which Korean
//! legacy systems call "EUC-KR" (KS X 1001 holds 2,350 Hangul syllables,
//! CP949 all 11,172; `encoding_rs::EUC_KR` is CP949, as browsers define it).

use crate::error::{Error, Result};
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
        match name.trim().to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Ok(Charset::Utf8),
            "euc-kr" | "euckr" | "cp949" | "ms949" | "windows-949" | "x-windows-949" | "uhc"
            | "ks_c_5601-1987" => Ok(Charset::Cp949),
            other => Err(Error::new(
                Status::InvalidArgument,
                format!("unknown charset {other:?}: use \"utf-8\" or \"euc-kr\" (CP949)"),
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
                return Ok(Cow::Borrowed(
                    std::str::from_utf8(bytes).expect("ASCII is UTF-8"),
                ));
            }
            let mut decoder = EUC_KR.new_decoder_without_bom_handling();
            let mut out = String::with_capacity(bytes.len() * 3 / 2 + 4);
            let (result, read) =
                decoder.decode_to_string_without_replacement(bytes, &mut out, true);
            match result {
                DecoderResult::InputEmpty => Ok(Cow::Owned(out)),
                DecoderResult::Malformed(bad, _) => Err(invalid_text(
                    what,
                    "CP949",
                    read.saturating_sub(bad as usize),
                )),
                DecoderResult::OutputFull => unreachable!("String output grows"),
            }
        }
    }
}

fn invalid_text(what: &str, charset: &str, offset: usize) -> Error {
    Error::new(
        Status::InvalidText,
        format!("{what}: invalid {charset} at byte {offset}"),
    )
    .with_field(what)
}

/// Encodes `text` in `charset`. A character CP949 cannot hold is returned as
/// the error, so the caller can name it.
pub fn encode(text: &str, charset: Charset) -> std::result::Result<Cow<'_, [u8]>, char> {
    match charset {
        Charset::Utf8 => Ok(Cow::Borrowed(text.as_bytes())),
        Charset::Cp949 => {
            if text.is_ascii() {
                return Ok(Cow::Borrowed(text.as_bytes()));
            }
            let mut encoder = EUC_KR.new_encoder();
            let mut out = Vec::with_capacity(text.len());
            let (result, _read) =
                encoder.encode_from_utf8_to_vec_without_replacement(text, &mut out, true);
            match result {
                EncoderResult::InputEmpty => Ok(Cow::Owned(out)),
                EncoderResult::Unmappable(c) => Err(c),
                EncoderResult::OutputFull => unreachable!("Vec output grows"),
            }
        }
    }
}

/// Encodes `text` in `charset`, writing `?` for each character CP949 cannot
/// hold. Only for diagnostics (error messages name such characters as
/// `U+XXXX` anyway); values are never encoded lossily.
pub fn encode_lossy(text: &str, charset: Charset) -> Cow<'_, [u8]> {
    let mut rest = text;
    let mut out = Vec::new();
    loop {
        match encode(rest, charset) {
            Ok(bytes) if out.is_empty() && rest.len() == text.len() => return bytes,
            Ok(bytes) => {
                out.extend_from_slice(&bytes);
                return Cow::Owned(out);
            }
            Err(c) => {
                let at = rest
                    .find(c)
                    .expect("the unencodable character is in the text");
                out.extend_from_slice(&encode(&rest[..at], charset).expect("encodable prefix"));
                out.push(b'?');
                rest = &rest[at + c.len_utf8()..];
            }
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
            format!(
                "{what}: {} bytes do not fit a field of {width}",
                bytes.len()
            ),
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
