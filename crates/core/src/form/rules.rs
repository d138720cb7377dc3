//! Checking one parameter's value against its table row: the rule first
//! (which also gives the value to send), then the CP949 byte limit.

use super::fields::{Field, Rule};
use super::options::BrnCheck;
use crate::brn;
use crate::error::{Error, Result};
use crate::message::Message;
use crate::status::Status;
use crate::text::describe_char;
use std::borrow::Cow;

/// Checks `value` for `field`, returning the text to send (the business
/// number's 10 digits, otherwise the value itself).
pub(crate) fn check<'v>(
    field: &Field,
    text: &'v str,
    cp949_len: usize,
    brn_check: BrnCheck,
) -> Result<Cow<'v, str>> {
    // Control characters are C0 and DEL (single bytes) and C1 (U+0080 to
    // U+009F, lead byte C2): only text with such a byte is looked at closely.
    let suspect = crate::text::any_byte(text.as_bytes(), b'a', |b| {
        (b < 0x20) | (b == 0x7F) | (b == 0xC2)
    });
    if let Some((pos, c)) = suspect
        .then(|| text.chars().enumerate().find(|(_, c)| c.is_control()))
        .flatten()
    {
        return Err(format_error(
            field,
            Message::FieldControlCharacter {
                character: describe_char(c),
                position: pos + 1,
            },
        ));
    }
    let sent = match field.rule {
        Rule::Text => Cow::Borrowed(text),
        Rule::BusinessNumber => Cow::Owned(business_number(field, text, brn_check)?),
        Rule::ZipCode => {
            if text.len() != 5 || !text.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format_error(
                    field,
                    Message::FieldZipCode {
                        got: got(field, text, Separator::Comma),
                    },
                ));
            }
            Cow::Borrowed(text)
        }
        Rule::Phone => {
            if let Err(why) = phone_problem(text) {
                return Err(format_error(
                    field,
                    Message::FieldPhone {
                        why: Box::new(why),
                        got: got(field, text, Separator::Semicolon),
                    },
                ));
            }
            Cow::Borrowed(text)
        }
        Rule::Email => {
            if let Err(why) = email_problem(field, text) {
                return Err(format_error(
                    field,
                    Message::FieldEmail { why: Box::new(why) },
                ));
            }
            Cow::Borrowed(text)
        }
        Rule::YesNo => {
            if text != "Y" && text != "N" {
                return Err(format_error(
                    field,
                    Message::FieldYesNo {
                        got: got(field, text, Separator::Comma),
                    },
                ));
            }
            Cow::Borrowed(text)
        }
    };
    // A business number is sent as its ASCII digits; every other value as stored.
    let len = if field.rule == Rule::BusinessNumber {
        sent.len()
    } else {
        cp949_len
    };
    if len > field.max_len {
        return Err(Error::new(
            Status::FieldTooLong,
            Message::FieldTooLong {
                field: field.label_arg(),
                size: len,
                limit: field.max_len,
            },
        )
        .with_field(field.name));
    }
    Ok(sent)
}

fn format_error(field: &Field, what: Message) -> Error {
    Error::new(
        Status::FieldFormat,
        Message::FieldFormat {
            field: field.label_arg(),
            what: Box::new(what),
        },
    )
    .with_field(field.name)
}

fn business_number(field: &Field, text: &str, brn_check: BrnCheck) -> Result<String> {
    match brn_check {
        BrnCheck::Strict => brn::validate(text)
            .map(|n| n.as_str().to_string())
            .map_err(|e| {
                format_error(
                    field,
                    Message::FieldBrnInvalid {
                        status: e.status().name(),
                        error: e.into_detail(),
                    },
                )
            }),
        // The same scanner as every business-number entry point; only the
        // component and check-digit rules are waived.
        BrnCheck::Digits => match brn::scan(text.as_bytes()) {
            Ok(number) => Ok(number.as_str().to_string()),
            Err(refusal) => match refusal.ten_digits() {
                Some(digits) => Ok(String::from_utf8_lossy(&digits).into_owned()),
                None => Err(format_error(
                    field,
                    Message::FieldBrnDigits {
                        got: got(field, text, Separator::Semicolon),
                    },
                )),
            },
        },
    }
}

/// `got "value"` after `separator`, or nothing for personal data: a
/// message about a person's phone or e-mail says what is wrong without
/// repeating the value (logs keep messages).
fn got(field: &Field, text: &str, separator: Separator) -> Option<Box<Message>> {
    if field.personal {
        return None;
    }
    let value = format!("{text:?}");
    Some(Box::new(match separator {
        Separator::Comma => Message::GotAfterComma { value },
        Separator::Semicolon => Message::GotAfterSemicolon { value },
    }))
}

/// What comes before the quoted value in an English message.
#[derive(Clone, Copy)]
enum Separator {
    Comma,
    Semicolon,
}

/// Why `text` is not a phone number (digits and single dashes, a digit at
/// each end), if it is not.
fn phone_problem(text: &str) -> std::result::Result<(), Message> {
    if let Some((position, c)) = text
        .chars()
        .enumerate()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '-'))
    {
        return Err(Message::PhoneCharacter {
            character: describe_char(c),
            position: position + 1,
        });
    }
    if text.starts_with('-') || text.ends_with('-') {
        return Err(Message::PhoneDashAtEnd {});
    }
    if text.contains("--") {
        return Err(Message::PhoneDoubleDash {});
    }
    Ok(())
}

/// Why `text` is not a plausible address (`local@domain.tld`), if it is not.
/// The domain is quoted only when `field` is not personal data.
fn email_problem(field: &Field, text: &str) -> std::result::Result<(), Message> {
    let Some((local, domain)) = text.split_once('@') else {
        return Err(Message::EmailNoAt {});
    };
    if domain.contains('@') {
        return Err(Message::EmailManyAt {});
    }
    if local.is_empty() {
        return Err(Message::EmailNothingBeforeAt {});
    }
    if let Some(c) = local.chars().find(|&c| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '(' | ')' | ',' | ':' | ';' | '<' | '>' | '[' | '\\' | ']'
            )
    }) {
        return Err(Message::EmailCharacter {
            character: describe_char(c),
        });
    }
    let local_bytes = local.as_bytes();
    if local_bytes.first() == Some(&b'.')
        || local_bytes.last() == Some(&b'.')
        || local_bytes.windows(2).any(|w| w == b"..")
    {
        return Err(Message::EmailDots {});
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    if !domain.contains('.') || !domain.split('.').all(label_ok) {
        return Err(if field.personal {
            Message::EmailDomainHidden {}
        } else {
            Message::EmailDomain {
                domain: format!("{domain:?}"),
            }
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::fields::FIELDS;
    use super::*;

    fn run(name: &str, text: &str, brn_check: BrnCheck) -> Result<String> {
        let field = FIELDS.iter().find(|f| f.name == name).unwrap();
        check(
            field,
            text,
            crate::text::cp949_len(text).unwrap(),
            brn_check,
        )
        .map(Cow::into_owned)
    }

    #[test]
    fn business_numbers_are_sent_as_digits() {
        assert_eq!(
            run("pComRegNo", "124-81-00998", BrnCheck::Strict).unwrap(),
            "1248100998"
        );
        let e = run("pComRegNo", "124-81-00997", BrnCheck::Strict).unwrap_err();
        assert_eq!(e.status(), Status::FieldFormat);
        assert!(
            e.message().contains("BRN_CHECKSUM") && e.message().contains("check digit"),
            "{}",
            e.message()
        );
        assert_eq!(
            run("pComRegNo", "000-00-00000", BrnCheck::Digits).unwrap(),
            "0000000000"
        );
        assert_eq!(
            run("pComRegNo", "0000000000", BrnCheck::Strict)
                .unwrap_err()
                .status(),
            Status::FieldFormat
        );
        assert_eq!(
            run("pComRegNo", "00000000001", BrnCheck::Digits)
                .unwrap_err()
                .status(),
            Status::FieldFormat
        );
    }

    #[test]
    fn messages_never_quote_personal_data_and_still_say_what_is_wrong() {
        let cases = [
            ("pMemTel", "02 1111 7777", "U+0020"),
            ("pMemHP", "010-7777-abcd", "position 10"),
            ("pMemFax", "-02-7777-1111", "dash"),
            (
                "pMemEmail",
                "hong.gildong@secret-host",
                "domain after the @",
            ),
            ("pMemEmail", "hong gildong@example.com", "U+0020"),
        ];
        for (name, value, says) in cases {
            let e = run(name, value, BrnCheck::Strict).unwrap_err();
            assert!(!e.message().contains(value), "{}", e.message());
            assert!(!e.message().contains("secret-host"), "{}", e.message());
            assert!(e.message().contains(says), "{} lacks {says}", e.message());
        }
        // Values that are not personal data are still quoted.
        let e = run("pZipCode", "1234", BrnCheck::Strict).unwrap_err();
        assert!(e.message().contains("\"1234\""), "{}", e.message());
    }

    #[test]
    fn formats() {
        assert!(run("pMemTel", "02-1111-1111", BrnCheck::Strict).is_ok());
        assert!(run("pMemHP", "01011111111", BrnCheck::Strict).is_ok());
        for bad in ["02 1111 1111", "-0211", "02--11", "+82-2-1111", "02-"] {
            assert_eq!(
                run("pMemFax", bad, BrnCheck::Strict).unwrap_err().status(),
                Status::FieldFormat,
                "{bad}"
            );
        }
        assert!(run("pMemEmail", "test@test.com", BrnCheck::Strict).is_ok());
        assert!(run(
            "pMemEmail",
            "first.last+erp@mail.example.co.kr",
            BrnCheck::Strict
        )
        .is_ok());
        for bad in [
            "test",
            "a@b",
            "@b.com",
            "a@@b.com",
            "a b@c.com",
            "a@b..com",
            "a@-b.com",
            "a.@b.com",
            "<a>@b.com",
        ] {
            assert_eq!(
                run("pMemEmail", bad, BrnCheck::Strict)
                    .unwrap_err()
                    .status(),
                Status::FieldFormat,
                "{bad}"
            );
        }
        assert!(run("pZipCode", "06236", BrnCheck::Strict).is_ok());
        assert!(run("pZipCode", "135-080", BrnCheck::Strict).is_err());
        assert!(run("pMasterYN", "N", BrnCheck::Strict).is_ok());
        assert!(run("pMasterYN", "y", BrnCheck::Strict).is_err());
    }

    #[test]
    fn limits_count_cp949_bytes() {
        assert!(run("pComName", &"가".repeat(100), BrnCheck::Strict).is_ok());
        let e = run("pComName", &"가".repeat(101), BrnCheck::Strict).unwrap_err();
        assert_eq!(e.status(), Status::FieldTooLong);
        assert!(
            e.message().contains("202 bytes") && e.message().contains("limit of 200"),
            "{}",
            e.message()
        );
    }

    #[test]
    fn control_characters_are_refused() {
        let e = run("pComName", "a\nb", BrnCheck::Strict).unwrap_err();
        assert_eq!(e.status(), Status::FieldFormat);
        assert!(e.message().contains("U+000A"), "{}", e.message());
    }
}
