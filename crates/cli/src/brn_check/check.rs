//! One field through the core's business-number scanner, in the file's
//! encoding, with the input as it can be shown.

use super::reader::{Field, Line, MAX_LINE_BYTES};
use crate::cli::Encoding;
use crate::term::{escaped_bytes, printable};
use smartbill_signup_core::brn::{self, Brn};
use smartbill_signup_core::text::{self, Charset};
use smartbill_signup_core::{Error, Message, Status};

/// A checked line: the input as shown (control characters and bytes that
/// are not valid text escaped) and the core's verdict.
pub struct Checked {
    pub input: String,
    pub result: Result<Brn, Error>,
}

impl Checked {
    pub fn status(&self) -> Status {
        match &self.result {
            Ok(_) => Status::Ok,
            Err(e) => e.status(),
        }
    }
}

/// Checks the field `field` of `line`. `position` names the field for
/// messages (`column 3`, `bytes 11-20`).
pub fn check_line(
    line: &Line<'_>,
    field: Field<'_>,
    encoding: Encoding,
    position: &Message,
) -> Checked {
    if line.overlong {
        let shown: Vec<u8> = line.bytes.iter().take(32).copied().collect();
        return Checked {
            input: format!("{}...", escaped_bytes(&shown)),
            result: Err(Error::new(
                Status::BrnFormat,
                Message::CliLineTooLong {
                    max: MAX_LINE_BYTES,
                },
            )),
        };
    }
    match field {
        Field::Value(bytes) => check_value(&bytes, encoding),
        Field::MissingColumn { columns: 1 } => absent(Message::CliOnlyOneColumn {
            position: Box::new(position.clone()),
        }),
        Field::MissingColumn { columns } => absent(Message::CliMissingColumn {
            columns,
            position: Box::new(position.clone()),
        }),
        Field::ShortRecord { record_len } => absent(Message::CliShortRecord {
            record_len,
            position: Box::new(position.clone()),
        }),
    }
}

/// A field that is not there: the scanner's verdict on an empty value, with
/// a message that says why it is empty.
fn absent(why: Message) -> Checked {
    let result = match brn::validate("") {
        Ok(number) => Ok(number),
        Err(e) => Err(Error::new(e.status(), why)),
    };
    Checked {
        input: String::new(),
        result,
    }
}

/// The value through the core's scanner. Text that is not valid in its
/// encoding is `BRN_FORMAT`: a business number is ASCII in every encoding.
pub fn check_value(bytes: &[u8], encoding: Encoding) -> Checked {
    match encoding {
        Encoding::Utf8 => match std::str::from_utf8(bytes) {
            Ok(text) => Checked {
                input: printable(text),
                result: brn::validate(text),
            },
            Err(_) => {
                let input = escaped_bytes(bytes);
                // The core says which byte and that it may be CP949.
                let result = brn::validate_bytes(bytes).map_err(|e| {
                    Error::new(
                        e.status(),
                        Message::CliInInput {
                            error: e.into_detail(),
                            input: input.clone(),
                        },
                    )
                });
                Checked { input, result }
            }
        },
        Encoding::Cp949 => match text::decode(bytes, Charset::Cp949, "business number") {
            Ok(text) => Checked {
                input: printable(&text),
                result: brn::validate(&text),
            },
            Err(e) => {
                let input = escaped_bytes(bytes);
                let message = Message::CliInInput {
                    error: e.into_detail(),
                    input: input.clone(),
                };
                Checked {
                    input,
                    result: Err(Error::new(Status::BrnFormat, message)),
                }
            }
        },
    }
}

/// Whether a first line's field reads as a column title (사업자번호, BRN,
/// "Business No."): it has a letter and no digit.
pub fn looks_like_header(bytes: &[u8], encoding: Encoding) -> bool {
    let charset = match encoding {
        Encoding::Utf8 => Charset::Utf8,
        Encoding::Cp949 => Charset::Cp949,
    };
    match text::decode(bytes, charset, "header") {
        Ok(text) => {
            text.chars().any(char::is_alphabetic) && !text.chars().any(|c| c.is_ascii_digit())
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cp949_fields() {
        let hangul = text::encode("가", Charset::Cp949).unwrap().into_owned();
        let checked = check_value(&hangul, Encoding::Cp949);
        assert_eq!(checked.input, "가");
        assert_eq!(checked.status(), Status::BrnFormat);
        // A lone lead byte is not CP949: BRN_FORMAT, and the run goes on.
        let checked = check_value(b"124\xB0", Encoding::Cp949);
        assert_eq!(checked.status(), Status::BrnFormat);
        assert_eq!(checked.input, "124\\xB0");
        assert!(checked.result.unwrap_err().message().contains("CP949"));
        // The same bytes read as UTF-8.
        assert_eq!(
            check_value(&hangul, Encoding::Utf8).status(),
            Status::BrnFormat
        );
        assert_eq!(
            check_value(b" 124-81-00998 ", Encoding::Cp949)
                .result
                .unwrap()
                .formatted(),
            "124-81-00998"
        );
    }

    #[test]
    fn headers() {
        assert!(looks_like_header("사업자번호".as_bytes(), Encoding::Utf8));
        assert!(looks_like_header(b"Business No.", Encoding::Utf8));
        assert!(!looks_like_header(b"124-81-00998", Encoding::Utf8));
        assert!(!looks_like_header(b"No1", Encoding::Utf8));
        assert!(!looks_like_header(b"", Encoding::Utf8));
        let cp = text::encode("사업자번호", Charset::Cp949).unwrap();
        assert!(looks_like_header(&cp, Encoding::Cp949));
        assert!(!looks_like_header(&cp, Encoding::Utf8));
    }
}
