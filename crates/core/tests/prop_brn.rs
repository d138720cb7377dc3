//! Generated-input tests of the business-number scanner: on any bytes and
//! any text it agrees with a short reference written plainly from the
//! documented rules, and `validate_bytes` agrees with `check_bytes`.
//! `PROPTEST_CASES=100000 cargo test --test prop_brn` runs longer.

use proptest::prelude::*;
use smartbill_signup_core::{brn, Status};

/// Case counts that keep `cargo test --workspace` quick; PROPTEST_CASES wins.
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

/// Surrounding whitespace as documented: valid UTF-8 is trimmed of Unicode
/// White_Space; other bytes are CP949, trimmed of ASCII whitespace and the
/// ideographic space A1 A1.
fn reference_trim(bytes: &[u8]) -> &[u8] {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.trim_matches(char::is_whitespace).as_bytes();
    }
    let space = |b: &u8| b.is_ascii() && char::from(*b).is_whitespace();
    let mut b = bytes;
    loop {
        if b.first().is_some_and(space) {
            b = &b[1..];
        } else if b.starts_with(&[0xA1, 0xA1]) {
            b = &b[2..];
        } else {
            break;
        }
    }
    loop {
        if b.last().is_some_and(space) {
            b = &b[..b.len() - 1];
        } else if b.ends_with(&[0xA1, 0xA1]) {
            b = &b[..b.len() - 2];
        } else {
            break;
        }
    }
    b
}

/// The rules of `brn`'s documentation, in their order, written plainly.
fn reference(input: &[u8]) -> Status {
    let body = reference_trim(input);
    if !body
        .iter()
        .all(|&b| b.is_ascii_digit() || b == b' ' || b == b'-')
    {
        return Status::BrnFormat;
    }
    let d: Vec<u32> = body
        .iter()
        .filter(|b| b.is_ascii_digit())
        .map(|&b| u32::from(b - b'0'))
        .collect();
    if d.len() != 10 {
        return Status::BrnLength;
    }
    if d[0] * 100 + d[1] * 10 + d[2] < 101 || d[3..5] == [0, 0] || d[5..9] == [0, 0, 0, 0] {
        return Status::BrnComponent;
    }
    let weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
    let sum: u32 = (0..9).map(|i| weights[i] * d[i]).sum::<u32>() + d[8] * 5 / 10;
    if (10 - sum % 10) % 10 == d[9] {
        Status::Ok
    } else {
        Status::BrnChecksum
    }
}

/// Pieces that numbers, their padding and their mistakes are made of.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        6 => (b'0'..=b'9').prop_map(|d| vec![d]),
        1 => Just(b"-".to_vec()),
        1 => Just(b" ".to_vec()),
        1 => prop::sample::select(vec![
            "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{2028}", "\u{3000}",
            "\u{1c}", "\u{200b}", "\u{feff}", "\0", "_", ".", "a", "\u{ff11}",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::sample::select(vec![
            &b"\xA1\xA1"[..], b"\xA1", b"\xC2\x85", b"\xB0\xA1", b"\xFF", b"\xE3\x80",
        ])
        .prop_map(<[u8]>::to_vec),
        1 => any::<u8>().prop_map(|b| vec![b]),
    ]
}

/// Exactly the two layouts the scanner reads eight bytes at a time
/// (`1248100998`, `124-81-00998`), with now and then a byte next to the
/// digits ('/', ':', '?', a high byte) or something else where a dash goes.
fn fast_layout() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        20 => b'0'..=b'9',
        1 => prop::sample::select(vec![b'/', b':', b'?', b'-', b' ', 0xB0, 0x00, b'\xA1']),
    ];
    let dash = prop_oneof![10 => Just(b'-'), 1 => prop::sample::select(vec![b' ', b'0', b'_', b'\x2C', b'\x2E'])];
    prop_oneof![
        prop::collection::vec(byte.clone(), 10),
        (prop::collection::vec(byte, 10), dash.clone(), dash).prop_map(|(d, a, b)| {
            let mut v = d[..3].to_vec();
            v.push(a);
            v.extend_from_slice(&d[3..5]);
            v.push(b);
            v.extend_from_slice(&d[5..]);
            v
        }),
    ]
}

fn number_like() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(piece(), 0..20).prop_map(|p| p.concat())
}

/// A valid number (its check digit computed), laid out with dashes and
/// spaces inside and whitespace around.
fn valid_number() -> impl Strategy<Value = (String, Vec<u8>)> {
    (101u32..1000, 1u32..100, 1u32..10000)
        .prop_map(|(office, kind, serial)| {
            let first9 = format!("{office:03}{kind:02}{serial:04}");
            let d: Vec<u8> = first9.bytes().map(|b| b - b'0').collect();
            let check = brn::check_digit(&d.try_into().unwrap());
            format!("{first9}{check}")
        })
        .prop_flat_map(|digits| {
            let seps = prop::collection::vec(prop::sample::select(vec!["", "", "", "-", " "]), 10);
            let around = prop::sample::select(vec![
                "", " ", "\t", "\u{b}", "\r\n", "\u{85}", "\u{a0}", "\u{3000}",
            ]);
            (Just(digits), seps, around.clone(), around)
        })
        .prop_map(|(digits, seps, before, after)| {
            let mut text = before.to_string();
            for (c, sep) in digits.chars().zip(seps) {
                text.push(c);
                text.push_str(sep);
            }
            text.push_str(after);
            (digits, text.into_bytes())
        })
}

fn check_one(input: &[u8]) -> Result<(), TestCaseError> {
    let expected = reference(input);
    prop_assert_eq!(brn::check_bytes(input), expected, "{:?}", input);
    match brn::validate_bytes(input) {
        Ok(number) => {
            prop_assert_eq!(expected, Status::Ok);
            let digits: Vec<u8> = input.iter().copied().filter(u8::is_ascii_digit).collect();
            prop_assert_eq!(number.as_str().as_bytes(), &digits[..]);
            prop_assert_eq!(number.formatted().len(), 12);
        }
        Err(e) => {
            prop_assert_eq!(e.status(), expected);
            prop_assert!(!e.message().is_empty());
            prop_assert!(e.message().starts_with("business number"));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn agrees_with_the_reference_on_number_like_bytes(input in number_like()) {
        check_one(&input)?;
    }

    #[test]
    fn agrees_with_the_reference_on_the_fast_layouts(input in fast_layout()) {
        check_one(&input)?;
    }

    #[test]
    fn agrees_with_the_reference_on_any_bytes(input in prop::collection::vec(any::<u8>(), 0..32)) {
        check_one(&input)?;
    }

    #[test]
    fn agrees_with_the_reference_on_any_text(input in any::<String>()) {
        check_one(input.as_bytes())?;
    }

    #[test]
    fn batches_split_as_plain_splitting_does(
        data in prop::collection::vec(prop::sample::select(vec![b'1', b'-', b' ', b'\n', b'|', 0, 0x0b]), 0..300),
        separator in prop::sample::select(vec![b'\n', b'|', 0, 0x0b]),
    ) {
        // The plain reading: split at every separator; a final separator
        // ends the last item; no data, no items.
        let mut expected: Vec<&[u8]> = data.split(|&b| b == separator).collect();
        if data.last() == Some(&separator) || data.is_empty() {
            expected.pop();
        }
        let items: Vec<&[u8]> = brn::split_batch(&data, separator).collect();
        prop_assert_eq!(&items, &expected);
        prop_assert_eq!(brn::batch_len(&data, separator), expected.len());
    }

    #[test]
    fn valid_numbers_pass_however_they_are_laid_out((digits, input) in valid_number()) {
        prop_assert_eq!(reference(&input), Status::Ok);
        let number = brn::validate_bytes(&input).map_err(|e| TestCaseError::fail(e.message().to_string()))?;
        prop_assert_eq!(number.as_str(), digits.as_str());
    }
}
