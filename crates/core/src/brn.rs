//! Korean business registration numbers (사업자등록번호).
//!
//! Ten digits written `XXX-XX-XXXXX`: office code, business-type code,
//! serial, check digit. The rules, in the order they are checked:
//!
//! 1. only ASCII digits, spaces and dashes between surrounding whitespace
//!    (as [`crate::text::trim_bytes`] defines it: Unicode White_Space in
//!    UTF-8, and CP949's ideographic space), else `BRN_FORMAT` (bytes that
//!    are not UTF-8, such as CP949 Hangul in a COBOL field, are not digits
//!    either: `BRN_FORMAT` too);
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
use crate::message::Message;
use crate::status::Status;
use crate::text;
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
        // Only `rules` makes a `Brn`, from ten ASCII digits.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The 10 digits as bytes.
    pub fn as_bytes(&self) -> &[u8; 10] {
        &self.0
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
        // `rules` refuses type code 00, and 01..=99 all have a kind.
        Kind::from_type_code(self.type_code()).unwrap_or(Kind::IndividualTaxable)
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

/// Why a number is refused: the rule it breaks, with what a message about
/// it needs. Cheap to make and to keep, so a caller that only wants the
/// status never pays for a message; [`explain`] writes the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// `BRN_FORMAT`: the byte at `at`, counted in the text without its
    /// surrounding whitespace, is not a digit, space or dash.
    Format { at: usize },
    /// `BRN_LENGTH`: `digits` digits instead of 10.
    Length { digits: usize },
    /// `BRN_COMPONENT`: ten digits (values 0..=9) with an impossible part.
    Component { digits: [u8; 10] },
    /// `BRN_CHECKSUM`: ten digits (values 0..=9) with a wrong check digit.
    Checksum { digits: [u8; 10] },
}

impl Refusal {
    pub fn status(self) -> Status {
        match self {
            Refusal::Format { .. } => Status::BrnFormat,
            Refusal::Length { .. } => Status::BrnLength,
            Refusal::Component { .. } => Status::BrnComponent,
            Refusal::Checksum { .. } => Status::BrnChecksum,
        }
    }

    /// The ten ASCII digits, when the number has exactly ten (it broke
    /// only the component or check-digit rule).
    pub fn ten_digits(self) -> Option<[u8; 10]> {
        match self {
            Refusal::Component { digits } | Refusal::Checksum { digits } => {
                Some(digits.map(|d| d + b'0'))
            }
            Refusal::Format { .. } | Refusal::Length { .. } => None,
        }
    }
}

/// The NTS check digit for the first nine digits (values 0..=9).
pub fn check_digit(d: &[u8; 9]) -> u8 {
    let w = |i: usize, weight: u32| u32::from(d[i]) * weight;
    // The ninth digit's product (times 5) carries its tens digit into the
    // sum: (d9 * 5) / 10, which is d9 / 2.
    let sum = w(0, 1)
        + w(1, 3)
        + w(2, 7)
        + w(3, 1)
        + w(4, 3)
        + w(5, 7)
        + w(6, 1)
        + w(7, 3)
        + w(8, 5)
        + u32::from(d[8] / 2);
    // A table rather than `% 10`: the division ends a long dependency chain
    // in every batch check.
    match CHECK_DIGITS.get(sum as usize) {
        Some(&digit) => digit,
        None => ((10 - sum % 10) % 10) as u8, // values above 9: not digits, no panic
    }
}

/// The largest weighted sum of nine digits: 9 x (1+3+7+1+3+7+1+3+5) + 9 / 2.
const MAX_SUM: usize = 9 * 31 + 4;

/// The check digit for every weighted sum: `(10 - sum % 10) % 10`.
const CHECK_DIGITS: [u8; MAX_SUM + 1] = {
    let mut table = [0u8; MAX_SUM + 1];
    let mut sum = 0;
    while sum <= MAX_SUM {
        table[sum] = ((10 - sum % 10) % 10) as u8;
        sum += 1;
    }
    table
};

/// THE business-number scanner: every entry point (one number, a batch, a
/// table of records, an array, the form's `pComRegNo`, the callback's
/// `COM_REGNO`) checks a number with this function and nothing else. Input
/// may be any bytes; surrounding whitespace is [`text::trim_bytes`]'s
/// (Unicode White_Space in UTF-8; ASCII whitespace and the ideographic
/// space A1 A1 in bytes that are not UTF-8), and anything else that is not
/// an ASCII digit, space or dash (bytes that are not UTF-8 included) is
/// `BRN_FORMAT`.
#[inline]
pub fn scan(input: &[u8]) -> std::result::Result<Brn, Refusal> {
    scan_values(input).map(|d| Brn(d.map(|v| v + b'0')))
}

/// [`scan`], giving the ten digit values (0..=9) of a valid number.
#[inline(always)]
fn scan_values(input: &[u8]) -> std::result::Result<[u8; 10], Refusal> {
    // The two layouts nearly every file uses, `1248100998` and
    // `124-81-00998`, with nothing around them, are recognised by fixed
    // positions; anything else, and any surprise in them, takes the general
    // loop, which decides alone.
    let ascii = match *input {
        [a, b, c, d, e, f, g, h, i, j] => [a, b, c, d, e, f, g, h, i, j],
        [a, b, c, b'-', d, e, b'-', f, g, h, i, j] => [a, b, c, d, e, f, g, h, i, j],
        _ => return scan_general(input),
    };
    let values = ascii.map(|b| b.wrapping_sub(b'0'));
    // Branch-free: one test for all ten.
    if values.iter().fold(0u8, |bad, &v| bad | u8::from(v > 9)) != 0 {
        return scan_general(input);
    }
    rules(values)
}

/// The general case of [`scan`]: trim, then read every byte.
#[inline(never)]
fn scan_general(input: &[u8]) -> std::result::Result<[u8; 10], Refusal> {
    let body = text::trim_bytes(input);
    let mut values = [0u8; 10];
    let mut n = 0usize;
    for (at, &b) in body.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                if let Some(slot) = values.get_mut(n) {
                    *slot = b - b'0';
                }
                n += 1;
            }
            b' ' | b'-' => {}
            _ => return Err(Refusal::Format { at }),
        }
    }
    if n != 10 {
        return Err(Refusal::Length { digits: n });
    }
    rules(values)
}

/// Rules 3 and 4 on ten digit values.
#[inline(always)]
fn rules(d: [u8; 10]) -> std::result::Result<[u8; 10], Refusal> {
    // Office code below 101: 000-099, or 100.
    let low_office = d[0] == 0 || (d[0] == 1 && d[1] == 0 && d[2] == 0);
    if low_office || (d[3] | d[4]) == 0 || (d[5] | d[6] | d[7] | d[8]) == 0 {
        return Err(Refusal::Component { digits: d });
    }
    let first9 = [d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]];
    if check_digit(&first9) != d[9] {
        return Err(Refusal::Checksum { digits: d });
    }
    Ok(d)
}

/// What [`scan`] refuses a number for, if it does, without making the
/// number: for a caller that only wants to know.
#[inline]
pub fn refusal(input: &[u8]) -> Option<Refusal> {
    scan_values(input).err()
}

/// The status of a number only: no message is made.
#[inline]
pub fn check_bytes(input: &[u8]) -> Status {
    match scan_values(input) {
        Ok(_) => Status::Ok,
        Err(refusal) => refusal.status(),
    }
}

/// Validates and normalises a number, with a message saying what is wrong.
pub fn validate(input: &str) -> Result<Brn> {
    validate_bytes(input.as_bytes())
}

/// [`validate`] for bytes that may not be UTF-8 (they are `BRN_FORMAT`:
/// a number is ASCII in every encoding).
pub fn validate_bytes(input: &[u8]) -> Result<Brn> {
    scan(input).map_err(|refusal| explain(input, refusal))
}

/// The error for `input` refused by [`scan`] as `refusal`: only the error
/// path pays for the message, and only when someone reads it.
pub fn explain(input: &[u8], refusal: Refusal) -> Error {
    let trimmed = text::trim_bytes(input);
    let shown = String::from_utf8_lossy(trimmed);
    let input = format!("{shown:?}");
    let digits_text = |d: &[u8]| d.iter().map(|&v| char::from(b'0' + v)).collect::<String>();
    let message = match refusal {
        Refusal::Format { at } => {
            let rest = trimmed.get(at..).unwrap_or_default();
            match first_char(rest) {
                Some(c) => Message::BrnCharacter {
                    input,
                    character: text::describe_char(c),
                    position: at + 1,
                },
                None => Message::BrnByte {
                    byte: format!("0x{:02X}", rest.first().copied().unwrap_or_default()),
                    position: at + 1,
                },
            }
        }
        Refusal::Length { digits } => Message::BrnLength { input, digits },
        Refusal::Component { digits } => {
            let office = digits[0] as u32 * 100 + digits[1] as u32 * 10 + digits[2] as u32;
            if office < 101 {
                Message::BrnOfficeCode {
                    input,
                    office: digits_text(&digits[..3]),
                }
            } else if digits[3] == 0 && digits[4] == 0 {
                Message::BrnTypeCode { input }
            } else {
                Message::BrnSerial { input }
            }
        }
        Refusal::Checksum { digits } => {
            let first9 = [
                digits[0], digits[1], digits[2], digits[3], digits[4], digits[5], digits[6],
                digits[7], digits[8],
            ];
            Message::BrnCheckDigit {
                input,
                found: digits[9],
                expected: check_digit(&first9),
            }
        }
    };
    Error::new(refusal.status(), message)
}

/// The UTF-8 character `bytes` start with, if they start with one.
fn first_char(bytes: &[u8]) -> Option<char> {
    let head = bytes.get(..bytes.len().min(4))?;
    let valid = match std::str::from_utf8(head) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
    };
    valid.chars().next()
}

/// The items of a batch: `data` split at `separator`. A separator at the
/// very end ends the last item rather than starting an empty one, so a file
/// of newline-terminated lines has one item per line.
pub fn split_batch(data: &[u8], separator: u8) -> BatchItems<'_> {
    let body = match data.last() {
        Some(&last) if last == separator => &data[..data.len() - 1],
        _ => data,
    };
    BatchItems {
        rest: body,
        separator,
        done: data.is_empty(),
    }
}

/// The iterator [`split_batch`] returns.
pub struct BatchItems<'a> {
    rest: &'a [u8],
    separator: u8,
    done: bool,
}

impl<'a> Iterator for BatchItems<'a> {
    type Item = &'a [u8];

    #[inline]
    fn next(&mut self) -> Option<&'a [u8]> {
        if self.done {
            return None;
        }
        match find_byte(self.rest, self.separator) {
            Some(end) => {
                let (item, rest) = self.rest.split_at(end);
                self.rest = rest.get(1..).unwrap_or_default();
                Some(item)
            }
            None => {
                self.done = true;
                Some(self.rest)
            }
        }
    }
}

/// The first position of `byte` in `hay`, eight bytes at a time: items are
/// about a dozen bytes, too short for a vector search to pay for its set-up.
#[inline(always)]
fn find_byte(hay: &[u8], byte: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let pattern = ONES * u64::from(byte);
    let mut chunks = hay.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ pattern;
        // A byte equal to `byte` is 0 in `x`: its high bit is set here. Only
        // bytes above the first true hit can be flagged falsely.
        let found = x.wrapping_sub(ONES) & !x & HIGHS;
        if found != 0 {
            return Some(offset + found.trailing_zeros() as usize / 8);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == byte)
        .map(|p| offset + p)
}

/// How many items [`split_batch`] yields.
pub fn batch_len(data: &[u8], separator: u8) -> usize {
    let Some(&last) = data.last() else {
        return 0;
    };
    // Counted 64 bytes at a time into a byte-sized counter, a loop the
    // compiler turns into vector compares.
    let mut chunks = data.chunks_exact(64);
    let mut separators = 0usize;
    for chunk in &mut chunks {
        let n = chunk.iter().fold(0u8, |n, &b| n + u8::from(b == separator));
        separators += usize::from(n);
    }
    separators += chunks
        .remainder()
        .iter()
        .filter(|&&b| b == separator)
        .count();
    if last == separator {
        separators
    } else {
        separators + 1
    }
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
    fn find_byte_finds_the_first_wherever_it_is() {
        for len in 0..40 {
            let hay: Vec<u8> = (0..len).map(|i| b"0123456789-"[i % 11]).collect();
            assert_eq!(find_byte(&hay, b'\n'), None);
            for at in 0..len {
                let mut h = hay.clone();
                h[at] = b'\n';
                if at + 3 < len {
                    h[len - 1] = b'\n';
                }
                assert_eq!(find_byte(&h, b'\n'), Some(at), "{at} of {len}");
                // A byte one above the separator right after it is not a hit.
                assert_eq!(find_byte(&h, 0x0b), None);
            }
        }
        assert_eq!(find_byte(b"\x00\x01", 1), Some(1));
        assert_eq!(
            find_byte(b"\x01\x01\x01\x01\x01\x01\x01\x01\x00", 0),
            Some(8)
        );
    }

    #[test]
    fn every_type_code_has_a_kind() {
        assert!(Kind::from_type_code(0).is_none());
        for code in 1..=99 {
            assert!(Kind::from_type_code(code).is_some(), "{code}");
        }
    }
}
