//! Generated-input tests of the text layer: CP949 encoding and decoding
//! round-trip every text CP949 can hold, with the bytes encoding_rs gives;
//! nothing panics on any text or bytes; trimming is one definition.

use encoding_rs::EUC_KR;
use proptest::prelude::*;
use smartbill_signup_core::text::{self, Charset};
use smartbill_signup_core::Status;
use std::sync::LazyLock;

fn config(cases: u32) -> ProptestConfig {
    let mut config = ProptestConfig {
        // Failures are reported with their minimal input; no files are written.
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    config
}

/// Every character CP949 can hold (ASCII, KS X 1001, the Hangul extension).
static CP949_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    (0..=0xFFFFu32)
        .filter_map(char::from_u32)
        .filter(|c| {
            let mut buf = [0u8; 4];
            !EUC_KR.encode(c.encode_utf8(&mut buf)).2
        })
        .collect()
});

/// Text CP949 can hold, weighted towards what broke before: a character of
/// two UTF-8 bytes followed by ASCII.
fn cp949_text() -> impl Strategy<Value = String> {
    let any_held = (0..CP949_CHARS.len()).prop_map(|i| CP949_CHARS[i]);
    let two_byte = prop::sample::select(
        CP949_CHARS
            .iter()
            .copied()
            .filter(|c| c.len_utf8() == 2)
            .collect::<Vec<_>>(),
    );
    let unit = prop_oneof![
        3 => any_held,
        2 => two_byte,
        2 => (b' '..=b'~').prop_map(char::from),
    ];
    prop::collection::vec(unit, 0..40).prop_map(|c| c.into_iter().collect())
}

/// Any text: CP949's and beyond (emoji, U+0085, unpaired nothing: Rust
/// strings are valid Unicode).
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![cp949_text(), any::<String>()]
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn cp949_round_trips_with_encoding_rs_bytes(text in cp949_text()) {
        let (expected, _, unmappable) = EUC_KR.encode(&text);
        prop_assert!(!unmappable);
        let bytes = text::encode(&text, Charset::Cp949).map_err(|c| TestCaseError::fail(format!("{c:?}")))?;
        prop_assert_eq!(&*bytes, &*expected);
        prop_assert_eq!(text::cp949_len(&text), Ok(expected.len()));
        let back = text::decode(&bytes, Charset::Cp949, "x").map_err(|e| TestCaseError::fail(e.message().to_string()))?;
        prop_assert_eq!(back, text.as_str());
        prop_assert_eq!(&*text::encode_lossy(&text, Charset::Cp949), &*expected);
    }

    #[test]
    fn encoding_any_text_names_the_first_character_cp949_lacks(text in any_text()) {
        let first_lacking = text.chars().find(|c| {
            let mut buf = [0u8; 4];
            EUC_KR.encode(c.encode_utf8(&mut buf)).2
        });
        match (text::encode(&text, Charset::Cp949), first_lacking) {
            (Ok(bytes), None) => prop_assert_eq!(&*bytes, &*EUC_KR.encode(&text).0),
            (Err(c), Some(lacking)) => prop_assert_eq!(c, lacking),
            (got, lacking) => prop_assert!(false, "{:?} vs {:?}", got, lacking),
        }
        // Lossy: every character CP949 lacks is one '?', the rest as they are.
        let lossy = text::encode_lossy(&text, Charset::Cp949);
        let replaced: String = text
            .chars()
            .map(|c| {
                let mut buf = [0u8; 4];
                if EUC_KR.encode(c.encode_utf8(&mut buf)).2 { '?' } else { c }
            })
            .collect();
        prop_assert_eq!(text::decode(&lossy, Charset::Cp949, "x").unwrap(), replaced.as_str());
        prop_assert_eq!(&*text::encode(&text, Charset::Utf8).unwrap(), text.as_bytes());
    }

    #[test]
    fn decoding_any_bytes_agrees_with_encoding_rs(bytes in prop::collection::vec(any::<u8>(), 0..40)) {
        let reference = EUC_KR.decode_without_bom_handling_and_without_replacement(&bytes);
        match text::decode(&bytes, Charset::Cp949, "x") {
            Ok(text) => prop_assert_eq!(Some(text.as_ref()), reference.as_deref()),
            Err(e) => {
                prop_assert!(reference.is_none());
                prop_assert_eq!(e.status(), Status::InvalidText);
                // The offset named is where the valid text ends.
                let at: usize = e.message().rsplit(' ').next().unwrap().parse().unwrap();
                prop_assert!(at < bytes.len());
                prop_assert!(EUC_KR.decode_without_bom_handling_and_without_replacement(&bytes[..at]).is_some());
            }
        }
        match text::decode(&bytes, Charset::Utf8, "x") {
            Ok(text) => prop_assert_eq!(Ok(text.as_ref()), std::str::from_utf8(&bytes)),
            Err(e) => prop_assert!(std::str::from_utf8(&bytes).is_err(), "{}", e.message()),
        }
    }

    #[test]
    fn trimming_is_one_definition(text in any_text(), pad in prop::collection::vec(prop::sample::select(vec![
        ' ', '\t', '\n', '\r', '\u{b}', '\u{c}', '\u{85}', '\u{a0}', '\u{2028}', '\u{3000}', '\u{1c}', '\u{200b}',
    ]), 0..4)) {
        let pad: String = pad.into_iter().collect();
        let padded = format!("{pad}{text}{pad}");
        let trimmed = text::trim(&padded);
        prop_assert_eq!(trimmed, padded.trim_matches(char::is_whitespace));
        prop_assert_eq!(text::trim(trimmed), trimmed);
        prop_assert_eq!(text::trim_bytes(padded.as_bytes()), trimmed.as_bytes());
        // The same text in CP949 (when it is not also UTF-8) trims alike.
        if let Ok(bytes) = text::encode(&padded, Charset::Cp949) {
            if std::str::from_utf8(&bytes).is_err() {
                let expected = text::encode(trimmed, Charset::Cp949).unwrap();
                prop_assert_eq!(text::trim_bytes(&bytes), &*expected);
            }
        }
    }
}
