//! A short, obviously correct business-number check, written from the rules
//! (crates/core/src/brn.rs docs, shared/reference/brn.md), to hold every
//! entry point to.

use smartbill_signup_core::status::Status;

/// The 10 digits of a valid number, or the first rule the input breaks.
pub fn check(input: &[u8]) -> Result<[u8; 10], Status> {
    // Bytes that are not UTF-8 are not digits in any encoding.
    let text = std::str::from_utf8(trim_bytes(input)).map_err(|_| Status::BrnFormat)?;
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

/// A number's bytes without surrounding whitespace, as documented: bytes
/// that are valid UTF-8 lose Unicode White_Space; any other bytes are CP949
/// as a whole, and lose ASCII whitespace and the ideographic space A1 A1
/// (never a mix: a UTF-8 U+3000 in CP949 bytes is not whitespace).
fn trim_bytes(bytes: &[u8]) -> &[u8] {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.trim_matches(char::is_whitespace).as_bytes();
    }
    let space = |b: &u8| b.is_ascii() && char::from(*b).is_whitespace();
    let mut b = bytes;
    loop {
        if b.first().is_some_and(space) {
            b = &b[1..];
        } else if b.starts_with(b"\xA1\xA1") {
            b = &b[2..];
        } else {
            break;
        }
    }
    loop {
        if b.last().is_some_and(space) {
            b = &b[..b.len() - 1];
        } else if b.ends_with(b"\xA1\xA1") {
            b = &b[..b.len() - 2];
        } else {
            break;
        }
    }
    b
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
