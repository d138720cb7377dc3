//! The form's options, set by name and value as text so every wrapper can
//! pass them through unchanged.
//!
//! | option | values | default |
//! |---|---|---|
//! | `input_charset` | `utf-8`, `euc-kr` (CP949; also `cp949`, `ms949`) | `utf-8` |
//! | `output_charset` (alias `page_charset`) | `utf-8`, `euc-kr` | `utf-8` |
//! | `auto_submit` | `yes`/`no` (`true`/`false`, `1`/`0`, `on`/`off`) | `yes` |
//! | `target` | `_blank`, `_self`, `_parent`, `_top`, or a window name | `_blank` |
//! | `brn_check` | `strict`, `digits` | `strict` |

use crate::error::{Error, Result};
use crate::message::Message;
use crate::status::Status;
use crate::text::{trim, Charset};

/// How `pComRegNo` is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BrnCheck {
    /// A valid business number (format, components, check digit).
    #[default]
    Strict,
    /// Any 10 digits, for SmartBill's demo test numbers such as `0000000000`.
    Digits,
}

/// The longest window name `target` accepts.
const MAX_TARGET_LEN: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormOptions {
    /// How values given as bytes to `set_bytes` are encoded.
    pub input_charset: Charset,
    /// The page's and the urlencoded body's encoding.
    pub output_charset: Charset,
    /// Whether the page submits itself on load.
    pub auto_submit: bool,
    /// The form's `target`: a keyword or a window name.
    pub target: String,
    pub brn_check: BrnCheck,
}

impl Default for FormOptions {
    fn default() -> Self {
        FormOptions {
            input_charset: Charset::Utf8,
            output_charset: Charset::Utf8,
            auto_submit: true,
            target: "_blank".to_string(),
            brn_check: BrnCheck::Strict,
        }
    }
}

/// Every option name, for messages.
pub const OPTION_NAMES: &str =
    "input_charset, output_charset (page_charset), auto_submit, target, brn_check";

impl FormOptions {
    /// Sets one option and returns its canonical name (`page_charset` is
    /// `output_charset`). Unknown names and bad values are
    /// `INVALID_ARGUMENT` naming the option as given.
    pub fn set(&mut self, name: &str, value: &str) -> Result<&'static str> {
        let (name, value) = (trim(name), trim(value));
        let Some(key) = canonical(name) else {
            return Err(Error::new(
                Status::InvalidArgument,
                Message::UnknownFormOption {
                    name: format!("{name:?}"),
                    options: OPTION_NAMES.to_string(),
                },
            )
            .with_field(name));
        };
        match key {
            "input_charset" => self.input_charset = charset(name, value)?,
            "output_charset" => self.output_charset = charset(name, value)?,
            "auto_submit" => self.auto_submit = yes_no(name, value)?,
            "target" => self.target = target(value)?,
            _ => {
                self.brn_check = match value.to_ascii_lowercase().as_str() {
                    "strict" => BrnCheck::Strict,
                    "digits" => BrnCheck::Digits,
                    _ => {
                        return Err(bad_value(
                            name,
                            value,
                            Message::EitherOr {
                                first: "\"strict\"".to_string(),
                                second: "\"digits\"".to_string(),
                            },
                        ))
                    }
                }
            }
        }
        Ok(key)
    }
}

impl FormOptions {
    /// The current value of an option, in its canonical spelling:
    /// `utf-8` or `euc-kr` for the charsets, `yes` or `no`, the target as
    /// set, `strict` or `digits`. Unknown names are `INVALID_ARGUMENT`.
    pub fn get(&self, name: &str) -> Result<String> {
        let charset = |c: Charset| c.label().to_ascii_lowercase();
        Ok(match canonical(name) {
            Some("input_charset") => charset(self.input_charset),
            Some("output_charset") => charset(self.output_charset),
            Some("auto_submit") => if self.auto_submit { "yes" } else { "no" }.to_string(),
            Some("target") => self.target.clone(),
            Some(_) => match self.brn_check {
                BrnCheck::Strict => "strict".to_string(),
                BrnCheck::Digits => "digits".to_string(),
            },
            None => {
                let name = trim(name);
                return Err(Error::new(
                    Status::InvalidArgument,
                    Message::UnknownFormOption {
                        name: format!("{name:?}"),
                        options: OPTION_NAMES.to_string(),
                    },
                )
                .with_field(name));
            }
        })
    }
}

/// The canonical name of an option (aliases share one), or `None` for a
/// name that is not an option.
pub fn canonical(name: &str) -> Option<&'static str> {
    Some(match trim(name) {
        "input_charset" => "input_charset",
        "output_charset" | "page_charset" => "output_charset",
        "auto_submit" => "auto_submit",
        "target" => "target",
        "brn_check" => "brn_check",
        _ => return None,
    })
}

fn bad_value(name: &str, value: &str, expected: Message) -> Error {
    Error::new(
        Status::InvalidArgument,
        Message::BadFormOption {
            name: name.to_string(),
            value: format!("{value:?}"),
            expected: Box::new(expected),
        },
    )
    .with_field(name)
}

fn charset(name: &str, value: &str) -> Result<Charset> {
    Charset::parse(value).map_err(|_| {
        bad_value(
            name,
            value,
            Message::EitherOr {
                first: "\"utf-8\"".to_string(),
                second: "\"euc-kr\" (CP949)".to_string(),
            },
        )
    })
}

fn yes_no(name: &str, value: &str) -> Result<bool> {
    match value.to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "on" => Ok(true),
        "no" | "n" | "false" | "0" | "off" => Ok(false),
        _ => Err(bad_value(name, value, Message::YesOrNoChoices {})),
    }
}

/// A browsing-context keyword, or a window name as `window.open(url, name)`
/// uses it: letters, digits, `_` and `-`, not starting with `_` (browsers
/// ignore other names that start with `_`).
fn target(value: &str) -> Result<String> {
    let keyword = matches!(value, "_blank" | "_self" | "_parent" | "_top");
    let name_ok = !value.is_empty()
        && value.len() <= MAX_TARGET_LEN
        && !value.starts_with('_')
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if keyword || name_ok {
        Ok(value.to_string())
    } else {
        Err(bad_value(
            "target",
            value,
            Message::TargetName {
                max: MAX_TARGET_LEN,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse() {
        let mut o = FormOptions::default();
        assert_eq!(o.set("page_charset", "EUC-KR").unwrap(), "output_charset");
        assert_eq!(o.output_charset, Charset::Cp949);
        o.set("auto_submit", "False").unwrap();
        assert!(!o.auto_submit);
        o.set("target", "erpSignup").unwrap();
        assert_eq!(o.target, "erpSignup");
        o.set("brn_check", "digits").unwrap();
        assert_eq!(o.brn_check, BrnCheck::Digits);
        assert_eq!(o.get("\u{b}page_charset ").unwrap(), "euc-kr");
        assert_eq!(o.get("input_charset").unwrap(), "utf-8");
        assert_eq!(o.get("auto_submit").unwrap(), "no");
        assert_eq!(o.get("target").unwrap(), "erpSignup");
        assert_eq!(o.get("brn_check").unwrap(), "digits");
        assert_eq!(o.get("colour").unwrap_err().field(), Some("colour"));
    }

    #[test]
    fn bad_options_name_the_option() {
        let mut o = FormOptions::default();
        for (name, value) in [
            ("colour", "red"),
            ("target", "_evil"),
            ("target", ""),
            ("target", "a b"),
            ("auto_submit", "maybe"),
            ("input_charset", "latin1"),
            ("brn_check", "lax"),
        ] {
            let e = o.set(name, value).unwrap_err();
            assert_eq!(e.status(), Status::InvalidArgument);
            assert_eq!(e.field(), Some(name));
        }
        assert_eq!(o, FormOptions::default());
    }
}
