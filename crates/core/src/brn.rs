//! Korean business registration numbers (사업자등록번호).
//!
//! Ten digits written `XXX-XX-XXXXX`: office code, business-type code,
//! serial, check digit. The rules, in the order they are checked:
//!
//! 1. only ASCII digits, spaces and dashes between surrounding whitespace,
//!    else `BRN_FORMAT` (bytes that are not UTF-8, such as CP949 Hangul in a
//!    COBOL field, are not digits either: `BRN_FORMAT` too);
//! 2. exactly 10 digits, else `BRN_LENGTH`;
//! 3. office code at least 101, type code not `00`, serial not `0000`,
//!    else `BRN_COMPONENT`;
//! 4. the National Tax Service check digit, else `BRN_CHECKSUM`.
//!
//! ```
//! use smartbill_signup_core::brn;
//! let n = brn::validate("124-81-00998").unwrap();
//! assert_eq!(n.as_str(), "1248100998");
//! assert_eq!(n.formatted(), "124-81-00998");
//! assert_eq!(n.kind().name(), "corporation");
//! assert!(brn::validate("123-45-67890").is_err());
//! ```

use crate::error::{Error, Result};
use crate::status::Status;
use std::fmt;

/// A valid business number: 10 ASCII digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Brn([u8; 10]);

/// What a number's business-type code (digits 4 and 5) says it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// 01-79: individual, VAT-taxable (개인 과세사업자).
    IndividualTaxable,
    /// 80: non-corporate organisation other than religious.
    NonprofitOrganization,
    /// 81, 86, 87, 88: for-profit corporation, head office (영리법인 본점).
    Corporation,
    /// 82: non-profit corporation (비영리법인).
    NonprofitCorporation,
    /// 83: state, local government (국가·지자체).
    Government,
    /// 84: foreign corporation (외국법인).
    ForeignCorporation,
    /// 85: for-profit corporation, branch office (영리법인 지점).
    CorporationBranch,
    /// 89: non-corporate religious organisation (종교단체).
    ReligiousOrganization,
    /// 90-99: individual, VAT-exempt (개인 면세사업자).
    IndividualExempt,
}

impl Kind {
    /// Every kind, in type-code order.
    pub const ALL: [Kind; 9] = [
        Kind::IndividualTaxable,
        Kind::NonprofitOrganization,
        Kind::Corporation,
        Kind::NonprofitCorporation,
        Kind::Government,
        Kind::ForeignCorporation,
        Kind::CorporationBranch,
        Kind::ReligiousOrganization,
        Kind::IndividualExempt,
    ];

    /// The kind for a type code 01..=99 (00 is never valid).
    pub fn from_type_code(code: u8) -> Option<Kind> {
        Some(match code {
            1..=79 => Kind::IndividualTaxable,
            80 => Kind::NonprofitOrganization,
            81 | 86 | 87 | 88 => Kind::Corporation,
            82 => Kind::NonprofitCorporation,
            83 => Kind::Government,
            84 => Kind::ForeignCorporation,
            85 => Kind::CorporationBranch,
            89 => Kind::ReligiousOrganization,
            90..=99 => Kind::IndividualExempt,
            _ => return None,
        })
    }

    /// The name every language uses, e.g. `"corporation"`.
    pub const fn name(self) -> &'static str {
        match self {
            Kind::IndividualTaxable => "individual_taxable",
            Kind::NonprofitOrganization => "nonprofit_organization",
            Kind::Corporation => "corporation",
            Kind::NonprofitCorporation => "nonprofit_corporation",
            Kind::Government => "government",
            Kind::ForeignCorporation => "foreign_corporation",
            Kind::CorporationBranch => "corporation_branch",
            Kind::ReligiousOrganization => "religious_organization",
            Kind::IndividualExempt => "individual_exempt",
        }
    }
}

impl Brn {
    /// The 10 digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("digits are ASCII")
    }

    /// `XXX-XX-XXXXX`.
    pub fn formatted(&self) -> String {
        let s = self.as_str();
        format!("{}-{}-{}", &s[..3], &s[3..5], &s[5..])
    }

    /// The business-type code, digits 4 and 5.
    pub fn type_code(&self) -> u8 {
        (self.0[3] - b'0') * 10 + (self.0[4] - b'0')
    }

    pub fn kind(&self) -> Kind {
        Kind::from_type_code(self.type_code()).expect("validated numbers have type code 01..=99")
    }
}

impl fmt::Debug for Brn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Brn({})", self.formatted())
    }
}

impl fmt::Display for Brn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.formatted())
    }
}

/// The NTS check digit for the first nine digits (values 0..=9).
pub fn check_digit(d: &[u8; 9]) -> u8 {
    const WEIGHTS: [u32; 9] = [1, 3, 7, 1, 3, 7, 1, 3, 5];
    let mut sum: u32 = 0;
    for i in 0..9 {
        sum += WEIGHTS[i] * d[i] as u32;
    }
    // The ninth digit's product carries its tens digit into the sum.
    sum += (d[8] as u32 * 5) / 10;
    ((10 - sum % 10) % 10) as u8
}

/// Validates a number and returns its status only: the allocation-free path
/// used by the batch check. Input may be any bytes; non-UTF-8 input is
/// `BRN_FORMAT`.
pub fn check_bytes(input: &[u8]) -> Status {
    match digits(input) {
        Ok(_) => Status::Ok,
        Err(status) => status,
    }
}

/// Validates and normalises a number, with a message saying what is wrong.
pub fn validate(input: &str) -> Result<Brn> {
    digits(input.as_bytes()).map_err(|status| explain(input, status))
}

/// [`validate`] for bytes that may not be UTF-8.
pub fn validate_bytes(input: &[u8]) -> Result<Brn> {
    match std::str::from_utf8(input) {
        Ok(s) => validate(s),
        // A business number is ASCII whatever the caller's encoding, so
        // CP949 Hangul in a number field is a wrong character, not a wrong
        // encoding.
        Err(e) => Err(Error::new(
            Status::BrnFormat,
            format!(
                "business number: byte 0x{:02X} at position {} is not a digit, space or dash \
                 (the text is not UTF-8: CP949 Hangul?)",
                input[e.valid_up_to()],
                e.valid_up_to() + 1
            ),
        )),
    }
}

fn digits(input: &[u8]) -> std::result::Result<Brn, Status> {
    let trimmed = if input.is_ascii() {
        input.trim_ascii()
    } else {
        // Slow path: reject non-UTF-8, and trim Unicode whitespace such as
        // U+3000 (ideographic space) that Korean IMEs produce.
        match std::str::from_utf8(input) {
            Ok(s) => s.trim().as_bytes(),
            Err(_) => return Err(Status::BrnFormat),
        }
    };
    let mut d = [0u8; 10];
    let mut n = 0usize;
    for &b in trimmed {
        match b {
            b'0'..=b'9' => {
                if n < 10 {
                    d[n] = b;
                }
                n += 1;
            }
            b' ' | b'-' => {}
            _ => return Err(Status::BrnFormat),
        }
    }
    let mut values = [0u8; 10];
    for (v, b) in values.iter_mut().zip(d.iter()) {
        *v = b.wrapping_sub(b'0');
    }
    match rules(&values, n) {
        Status::Ok => {}
        status => return Err(status),
    }
    Ok(Brn(d))
}

/// Builds the message for a failed number. Only the error path pays for it.
fn explain(input: &str, status: Status) -> Error {
    let trimmed = input.trim();
    let digits: String = trimmed.chars().filter(|c| c.is_ascii_digit()).collect();
    let message = match status {
        Status::BrnFormat => {
            let (pos, c) = trimmed
                .chars()
                .enumerate()
                .find(|(_, c)| !(c.is_ascii_digit() || *c == ' ' || *c == '-'))
                .expect("a BRN_FORMAT input has a bad character");
            format!(
                "business number {trimmed:?}: character {} at position {} is not a digit, space or dash",
                crate::text::describe_char(c),
                pos + 1
            )
        }
        Status::BrnLength => format!(
            "business number {trimmed:?}: has {} digits, needs 10",
            digits.len()
        ),
        Status::BrnComponent => {
            let office: u32 = digits[..3].parse().expect("digits");
            let part = if office < 101 {
                format!("office code {} is below 101", &digits[..3])
            } else if &digits[3..5] == "00" {
                "type code is 00".to_string()
            } else {
                "serial is 0000".to_string()
            };
            format!("business number {trimmed:?}: {part}")
        }
        Status::BrnChecksum => {
            let mut first9 = [0u8; 9];
            for (i, b) in digits.bytes().take(9).enumerate() {
                first9[i] = b - b'0';
            }
            format!(
                "business number {trimmed:?}: check digit is {}, expected {}",
                &digits[9..],
                check_digit(&first9)
            )
        }
        other => format!("business number: {}", other.meaning()),
    };
    Error::new(status, message)
}

/// The items of a batch: `data` split at `separator`. A separator at the
/// very end ends the last item rather than starting an empty one, so a file
/// of newline-terminated lines has one item per line.
pub fn split_batch(data: &[u8], separator: u8) -> impl Iterator<Item = &[u8]> {
    let body = match data.last() {
        Some(&last) if last == separator => &data[..data.len() - 1],
        _ => data,
    };
    let empty = data.is_empty();
    body.split(move |&b| b == separator)
        .take(if empty { 0 } else { usize::MAX })
}

/// How many items [`split_batch`] yields.
pub fn batch_len(data: &[u8], separator: u8) -> usize {
    if data.is_empty() {
        return 0;
    }
    let seps = data.iter().filter(|&&b| b == separator).count();
    if data[data.len() - 1] == separator {
        seps
    } else {
        seps + 1
    }
}

/// Checks every item of a batch, writing one status per item into `out`
/// (which must hold [`batch_len`] statuses).
pub fn check_batch(data: &[u8], separator: u8, out: &mut [Status]) {
    let mut rest = data;
    for slot in out.iter_mut() {
        let (status, consumed) = check_item(rest, separator);
        *slot = status;
        rest = &rest[consumed.min(rest.len())..];
    }
}

/// Checks one item at the start of `data`, which ends at `separator` or at
/// the end, in a single pass (the batch's hot loop). Returns the status and
/// how many bytes to skip to the next item. Falls back to [`check_bytes`]
/// for anything but plain ASCII.
fn check_item(data: &[u8], separator: u8) -> (Status, usize) {
    if let Some((d, consumed)) = common_layout(data, separator) {
        return (rules(&d, 10), consumed);
    }
    let mut d = [0u8; 10];
    let mut n = 0usize;
    let mut started = false; // seen a digit or dash
    let mut ended = false; // seen whitespace other than ' ' after starting
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b == separator {
            break;
        }
        match b {
            b'0'..=b'9' if !ended => {
                if n < 10 {
                    d[n] = b - b'0';
                }
                n += 1;
                started = true;
            }
            b'-' if !ended => started = true,
            b' ' => {}
            b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => ended |= started,
            _ => {
                // Non-ASCII or a bad character: let the general path decide
                // (Unicode whitespace, BRN_FORMAT).
                let end = data[i..]
                    .iter()
                    .position(|&c| c == separator)
                    .map_or(data.len(), |p| i + p);
                return (check_bytes(&data[..end]), end + 1);
            }
        }
        i += 1;
    }
    (rules(&d, n), i + 1)
}

/// The two layouts nearly every file uses, `1248100998` and
/// `124-81-00998`, each followed by the separator or the end: recognised by
/// fixed positions, without the general loop's per-byte branching.
#[inline]
fn common_layout(data: &[u8], separator: u8) -> Option<([u8; 10], usize)> {
    let ends_at = |len: usize| data.len() == len || data.get(len) == Some(&separator);
    let digit = |b: u8| b.wrapping_sub(b'0');
    let mut d = [0u8; 10];
    if data.len() >= 12 && data[3] == b'-' && data[6] == b'-' && ends_at(12) {
        let positions = [0, 1, 2, 4, 5, 7, 8, 9, 10, 11];
        for (slot, &p) in d.iter_mut().zip(positions.iter()) {
            *slot = digit(data[p]);
        }
        return d.iter().all(|&v| v < 10).then_some((d, 13));
    }
    if data.len() >= 10 && ends_at(10) {
        for (slot, &b) in d.iter_mut().zip(data[..10].iter()) {
            *slot = digit(b);
        }
        return d.iter().all(|&v| v < 10).then_some((d, 11));
    }
    None
}

/// Rules 2 to 4 on collected digit values (`n` digits seen, first 10 kept).
#[inline]
fn rules(d: &[u8; 10], n: usize) -> Status {
    if n != 10 {
        return Status::BrnLength;
    }
    let office = d[0] as u32 * 100 + d[1] as u32 * 10 + d[2] as u32;
    if office < 101
        || (d[3] == 0 && d[4] == 0)
        || (d[5] == 0 && d[6] == 0 && d[7] == 0 && d[8] == 0)
    {
        return Status::BrnComponent;
    }
    let first9: &[u8; 9] = d[..9].try_into().expect("nine digits");
    if check_digit(first9) != d[9] {
        return Status::BrnChecksum;
    }
    Status::Ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_numbers() {
        for n in [
            "124-81-00998",
            "120-81-47521",
            "220-81-62517",
            "116-82-00276",
            "134-86-72683",
            "109-81-39795",
        ] {
            assert!(validate(n).is_ok(), "{n}");
        }
        for n in ["123-45-67890", "111-11-11111"] {
            assert_eq!(
                validate(n).unwrap_err().status(),
                Status::BrnChecksum,
                "{n}"
            );
        }
        assert_eq!(
            validate("100-00-00025").unwrap_err().status(),
            Status::BrnComponent
        );
    }

    #[test]
    fn order_of_errors() {
        assert_eq!(validate("12a").unwrap_err().status(), Status::BrnFormat);
        assert_eq!(validate("1234").unwrap_err().status(), Status::BrnLength);
        assert_eq!(
            validate("0000000000").unwrap_err().status(),
            Status::BrnComponent
        );
    }

    #[test]
    fn messages_say_what_is_wrong() {
        let e = validate("124-81-00997").unwrap_err();
        assert!(e.message().contains("expected 8"), "{}", e.message());
        let e = validate("124_81_00998").unwrap_err();
        assert!(e.message().contains("position 4"), "{}", e.message());
        let e = validate("123").unwrap_err();
        assert!(e.message().contains("3 digits"), "{}", e.message());
    }

    #[test]
    fn batch_splitting() {
        assert_eq!(batch_len(b"", b'\n'), 0);
        assert_eq!(batch_len(b"a\nb\n", b'\n'), 2);
        assert_eq!(batch_len(b"a\nb", b'\n'), 2);
        assert_eq!(batch_len(b"\n", b'\n'), 1);
        let items: Vec<&[u8]> = split_batch(b"a\n\nb\n", b'\n').collect();
        assert_eq!(items, vec![&b"a"[..], b"", b"b"]);
        assert_eq!(split_batch(b"", b'\n').count(), 0);
        assert_eq!(split_batch(b"\n", b'\n').count(), 1);
    }

    #[test]
    fn every_type_code_has_a_kind() {
        assert!(Kind::from_type_code(0).is_none());
        for code in 1..=99 {
            assert!(Kind::from_type_code(code).is_some(), "{code}");
        }
    }
}
