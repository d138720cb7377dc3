//! A short, obviously correct business-number check, written from
//! the rules documented in crates/core/src/brn.rs and the README, to hold
//! every entry point to.

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

/// The ideographic space U+3000 in CP949, the one whitespace character a
/// CP949 field (COBOL) can hold beyond ASCII.
const CP949_IDEOGRAPHIC_SPACE: &[u8] = b"\xA1\xA1";

/// A number's bytes without surrounding whitespace: Unicode White_Space
/// characters in UTF-8, and the ideographic space in CP949 (the number's
/// encoding is not declared).
fn trim_bytes(mut bytes: &[u8]) -> &[u8] {
    let is_space = |b: &[u8]| {
        b == CP949_IDEOGRAPHIC_SPACE
            || std::str::from_utf8(b).is_ok_and(|s| s.chars().all(char::is_whitespace))
    };
    'front: while !bytes.is_empty() {
        for width in 1..=4.min(bytes.len()) {
            if is_space(&bytes[..width]) {
                bytes = &bytes[width..];
                continue 'front;
            }
        }
        break;
    }
    'back: while !bytes.is_empty() {
        for width in 1..=4.min(bytes.len()) {
            if is_space(&bytes[bytes.len() - width..]) {
                bytes = &bytes[..bytes.len() - width];
                continue 'back;
            }
        }
        break;
    }
    bytes
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
