//! A short, obviously correct business-number check, written from the rules
//! (crates/core/src/brn.rs docs, shared/reference/brn.md), to hold every
//! entry point to.

use smartbill_signup_core::status::Status;
use std::borrow::Cow;

/// The 10 digits of a valid number, or the first rule the input breaks.
pub fn check(input: &[u8]) -> Result<[u8; 10], Status> {
    // The bytes are read one way as a whole: as UTF-8 when they are UTF-8,
    // else as CP949 (a COBOL field), where `C2 85` is a Hangul syllable, not
    // U+0085. Surrounding whitespace is Unicode White_Space either way
    // (CP949 holds U+3000, `A1 A1`); what is not ASCII is not a digit.
    let decoded = match std::str::from_utf8(input) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => encoding_rs::EUC_KR.decode_without_bom_handling(input).0,
    };
    let text = decoded.trim_matches(char::is_whitespace);
    let mut digits = Vec::new();
    for c in text.chars() {
        match c {
            '0'..='9' => digits.push(c as u8 - b'0'),
            ' ' | '-' => {}
            _ => return Err(Status::BrnFormat),
        }
    }
    let d: [u8; 10] = digits.try_into().map_err(|_| Status::BrnLength)?;
    let office = u32::from(d[0]) * 100 + u32::from(d[1]) * 10 + u32::from(d[2]);
    if office < 101 || d[3..5] == [0, 0] || d[5..9] == [0, 0, 0, 0] {
        return Err(Status::BrnComponent);
    }
    // National Tax Service: weights 1 3 7 1 3 7 1 3 5, plus the tens digit
    // of the ninth digit times 5.
    let weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
    let mut sum: u32 = (0..9).map(|i| weights[i] * u32::from(d[i])).sum();
    sum += u32::from(d[8]) * 5 / 10;
    if (10 - sum % 10) % 10 != u32::from(d[9]) {
        return Err(Status::BrnChecksum);
    }
    Ok(d.map(|v| v + b'0'))
}

/// The kind name of a valid number, from its type code (digits 4 and 5).
pub fn kind(digits: &[u8; 10]) -> &'static str {
    match (digits[3] - b'0') * 10 + (digits[4] - b'0') {
        1..=79 => "individual_taxable",
        80 => "nonprofit_organization",
        81 | 86 | 87 | 88 => "corporation",
        82 => "nonprofit_corporation",
        83 => "government",
        84 => "foreign_corporation",
        85 => "corporation_branch",
        89 => "religious_organization",
        90..=99 => "individual_exempt",
        code => unreachable!("a valid number has type code {code}"),
    }
}

/// `XXX-XX-XXXXX`.
pub fn formatted(digits: &[u8; 10]) -> Vec<u8> {
    [&digits[..3], b"-", &digits[3..5], b"-", &digits[5..]].concat()
}

/// The items of a separated batch: split at `separator`; a separator at the
/// very end ends the last item; no data, no items.
pub fn batch_items(data: &[u8], separator: u8) -> Vec<&[u8]> {
    if data.is_empty() {
        return Vec::new();
    }
    let body = data.strip_suffix(&[separator]).unwrap_or(data);
    body.split(|&b| b == separator).collect()
}
