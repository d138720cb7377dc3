//! The signup form (간편 회원 가입 연동): the 15 parameters of SmartBill's
//! guide, checked, and turned into the popup page or a urlencoded body.
//!
//! When rules are checked:
//! - [`SignupForm::set`] refuses at once an unknown parameter name
//!   (`INVALID_ARGUMENT`), text invalid in the input charset
//!   (`INVALID_TEXT`) and characters CP949 cannot hold (`FIELD_UNENCODABLE`).
//! - [`SignupForm::validate`] (and so `html` and `urlencoded`) checks the
//!   rest, field by field in the guide's order: required (`FIELD_REQUIRED`),
//!   the field's rule (`FIELD_FORMAT`), the CP949 byte limit
//!   (`FIELD_TOO_LONG`). Rules that depend on options (`brn_check`) are
//!   therefore applied with the options in force at that time.
//! - A refused `set` or `set_option` is remembered: until the same parameter
//!   or option is set successfully, `validate` fails with that error first,
//!   so a caller that ignores a return code can never send a form that
//!   silently lacks a value. An unknown name is never forgotten.
//!
//! Values are trimmed (COBOL fields are space-padded); a blank value clears
//! the parameter, which is then not sent.
//!
//! ```
//! use smartbill_signup_core::environment::Environment;
//! use smartbill_signup_core::form::SignupForm;
//! let mut form = SignupForm::new(Environment::Demo);
//! form.set("pComRegNo", "124-81-00998").unwrap();
//! form.set("pMIGRATIONFLAG", "TEST11").unwrap();
//! form.set("pComName", "회사 & Co").unwrap();
//! assert_eq!(form.urlencoded().unwrap(), "pComRegNo=1248100998&pComName=%ED%9A%8C%EC%82%AC+%26+Co&pMIGRATIONFLAG=TEST11");
//! let page = String::from_utf8(form.html().unwrap()).unwrap();
//! assert!(page.contains(r#"<input type="hidden" name="pComName" value="회사 &amp; Co">"#));
//! ```

pub mod fields;
mod html;
pub mod options;
mod rules;
mod urlencoded;

pub use fields::{Field, Rule, FIELDS};
pub use html::{escape_into, FORM_ID};
pub use options::{BrnCheck, FormOptions};

use crate::environment::Environment;
use crate::error::{Error, Result};
use crate::message::Message;
use crate::status::Status;
use crate::text::{self, Charset};
use rules::Value;
use std::borrow::Cow;

/// What a remembered refusal is about, so a later success can clear it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Subject {
    Field(usize),
    Option(&'static str),
    /// An unknown name: nothing can make it right.
    Unknown,
}

/// A signup form for one environment: parameters, options, and the refusals
/// not yet made right.
#[derive(Clone, Debug)]
pub struct SignupForm {
    environment: Environment,
    options: FormOptions,
    values: Vec<Option<Value>>,
    refused: Vec<(Subject, Error)>,
}

impl SignupForm {
    pub fn new(environment: Environment) -> Self {
        SignupForm {
            environment,
            options: FormOptions::default(),
            values: vec![None; FIELDS.len()],
            refused: Vec::new(),
        }
    }

    pub fn environment(&self) -> &Environment {
        &self.environment
    }

    pub fn options(&self) -> &FormOptions {
        &self.options
    }

    /// The stored (trimmed) value of a parameter, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        let index = fields::index_of(name)?;
        self.values[index].as_ref().map(|v| v.text.as_str())
    }

    /// Sets a parameter by SmartBill's name (`"pComRegNo"`, case-sensitive;
    /// surrounding whitespace ignored). See the module docs for what is
    /// checked now and what at [`validate`](Self::validate).
    pub fn set(&mut self, name: &str, value: &str) -> Result<()> {
        self.set_with(name, |_| Ok(Cow::Borrowed(value)))
    }

    /// [`set`](Self::set) for a name and value given as bytes in the form's
    /// `input_charset` (UTF-8 unless the option says CP949).
    pub fn set_bytes(&mut self, name: &[u8], value: &[u8]) -> Result<()> {
        let charset = self.options.input_charset;
        match text::decode(name, charset, "name") {
            Ok(name) => self.set_with(&name, |field| text::decode(value, charset, field.name)),
            Err(e) => self.refuse(Subject::Unknown, e),
        }
    }

    fn set_with<'v>(
        &mut self,
        name: &str,
        value: impl FnOnce(&Field) -> Result<Cow<'v, str>>,
    ) -> Result<()> {
        let name = text::trim(name);
        let Some(index) = fields::index_of(name) else {
            return self.refuse(Subject::Unknown, unknown_parameter(name));
        };
        let field = &FIELDS[index];
        match value(field).and_then(|v| stored_value(field, &v)) {
            Ok(v) => {
                self.values[index] = v;
                self.accept(Subject::Field(index));
                Ok(())
            }
            Err(e) => {
                self.values[index] = None;
                self.refuse(Subject::Field(index), e)
            }
        }
    }

    /// Sets an option by name (see [`options`] for names and values).
    pub fn set_option(&mut self, name: &str, value: &str) -> Result<()> {
        let subject = options::canonical(name).map_or(Subject::Unknown, Subject::Option);
        match self.options.set(name, value) {
            Ok(_) => {
                self.accept(subject);
                Ok(())
            }
            Err(e) => self.refuse(subject, e),
        }
    }

    /// [`set_option`](Self::set_option) for a name and value given as bytes
    /// (UTF-8; options are ASCII). Text that is not UTF-8 is refused and
    /// remembered like any refusal.
    pub fn set_option_bytes(&mut self, name: &[u8], value: &[u8]) -> Result<()> {
        let name = match text::decode(name, Charset::Utf8, "option name") {
            Ok(name) => name,
            Err(e) => return self.refuse(Subject::Unknown, e),
        };
        match text::decode(value, Charset::Utf8, text::trim(&name)) {
            Ok(value) => self.set_option(&name, &value),
            Err(e) => self.refuse(
                options::canonical(&name).map_or(Subject::Unknown, Subject::Option),
                e,
            ),
        }
    }

    fn accept(&mut self, subject: Subject) {
        self.refused.retain(|(s, _)| *s != subject);
    }

    fn refuse(&mut self, subject: Subject, error: Error) -> Result<()> {
        self.refused.push((subject, error.clone()));
        Err(error)
    }

    /// Checks the whole form: the first remembered refusal, else the first
    /// parameter (in the guide's order) that breaks a rule.
    pub fn validate(&self) -> Result<()> {
        self.params().map(|_| ())
    }

    /// The parameters to send, in the guide's order, with the values to send.
    pub fn params(&self) -> Result<Vec<(&'static Field, Cow<'_, str>)>> {
        if let Some((_, error)) = self.refused.first() {
            return Err(error.clone());
        }
        let mut out = Vec::with_capacity(FIELDS.len());
        for (field, value) in FIELDS.iter().zip(&self.values) {
            match value {
                Some(value) => {
                    out.push((field, rules::check(field, value, self.options.brn_check)?))
                }
                None if field.required => {
                    return Err(Error::new(
                        Status::FieldRequired,
                        Message::FieldRequired {
                            field: field.label_arg(),
                        },
                    )
                    .with_field(field.name))
                }
                None => {}
            }
        }
        Ok(out)
    }

    /// The popup page, encoded in the `output_charset` (UTF-8 by default).
    /// Fails as [`validate`](Self::validate) does.
    pub fn html(&self) -> Result<Vec<u8>> {
        let params = self.params()?;
        let page = html::page(&self.environment.action_url(), &params, &self.options);
        Ok(match self.options.output_charset {
            Charset::Utf8 => page.into_bytes(),
            Charset::Cp949 => encode_output(&page, Charset::Cp949, "page")?.into_owned(),
        })
    }

    /// The `application/x-www-form-urlencoded` body, values percent-encoded
    /// from the `output_charset`. Fails as [`validate`](Self::validate) does.
    pub fn urlencoded(&self) -> Result<String> {
        urlencoded::body(&self.params()?, self.options.output_charset)
    }

    /// The `Content-Type` that goes with [`urlencoded`](Self::urlencoded).
    pub fn content_type(&self) -> String {
        format!(
            "application/x-www-form-urlencoded; charset={}",
            self.options.output_charset.label().to_ascii_lowercase()
        )
    }
}

/// A value as `set` stores it: trimmed, `None` when blank, refused when
/// CP949 cannot hold a character.
fn stored_value(field: &Field, value: &str) -> Result<Option<Value>> {
    let text = text::trim(value);
    if text.is_empty() {
        return Ok(None);
    }
    match text::cp949_len(text) {
        Ok(cp949_len) => Ok(Some(Value {
            text: text.to_string(),
            cp949_len,
        })),
        Err(c) => {
            let position = text.chars().position(|x| x == c).map_or(0, |p| p + 1);
            Err(Error::new(
                Status::FieldUnencodable,
                Message::FieldUnencodable {
                    field: field.label_arg(),
                    character: text::describe_char(c),
                    position,
                },
            )
            .with_field(field.name))
        }
    }
}

fn unknown_parameter(name: &str) -> Error {
    let hint = match fields::case_insensitive_match(name) {
        Some(field) => Message::DidYouMean {
            name: format!("{:?}", field.name),
        },
        None => {
            let names: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
            Message::ParametersAre {
                names: names.join(", "),
            }
        }
    };
    Error::new(
        Status::InvalidArgument,
        Message::UnknownParameter {
            name: format!("{name:?}"),
            hint: Box::new(hint),
        },
    )
    .with_field(name)
}

/// Encodes generated output; every value was checked to be CP949-encodable
/// when set, so a failure here names what slipped through.
fn encode_output<'a>(text: &'a str, charset: Charset, what: &str) -> Result<Cow<'a, [u8]>> {
    text::encode(text, charset).map_err(|c| {
        Error::new(
            Status::Unencodable,
            Message::Unencodable {
                what: what.to_string(),
                character: text::describe_char(c),
                charset: charset.label(),
            },
        )
        .with_field(what)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> SignupForm {
        let mut form = SignupForm::new(Environment::Demo);
        form.set("pComRegNo", "1248100998").unwrap();
        form.set("pMIGRATIONFLAG", "TEST11").unwrap();
        form
    }

    #[test]
    fn refusals_are_remembered_until_made_right() {
        let mut form = demo();
        assert_eq!(
            form.set("pComName", "회사😀").unwrap_err().status(),
            Status::FieldUnencodable
        );
        assert_eq!(form.get("pComName"), None);
        assert_eq!(
            form.validate().unwrap_err().status(),
            Status::FieldUnencodable
        );
        form.set("pComName", "회사").unwrap();
        form.validate().unwrap();

        assert_eq!(
            form.set_option("target", "_bad").unwrap_err().status(),
            Status::InvalidArgument
        );
        assert_eq!(form.validate().unwrap_err().field(), Some("target"));
        form.set_option("target", "_self").unwrap();
        form.validate().unwrap();

        assert_eq!(
            form.set("target", "x").unwrap_err().status(),
            Status::InvalidArgument
        );
        form.set_option("target", "_self").unwrap();
        assert_eq!(
            form.validate().unwrap_err().field(),
            Some("target"),
            "an unknown name stays"
        );
    }

    #[test]
    fn blank_clears_and_required_is_checked_in_order() {
        let mut form = demo();
        form.set("pMIGRATIONFLAG", "  ").unwrap();
        form.set("pComRegNo", "").unwrap();
        let e = form.validate().unwrap_err();
        assert_eq!(
            (e.status(), e.field()),
            (Status::FieldRequired, Some("pComRegNo"))
        );
    }

    #[test]
    fn cp949_in_and_out() {
        let mut form = demo();
        form.set_option("input_charset", "euc-kr").unwrap();
        form.set_bytes(b"pComName", b"\xc8\xb8\xbb\xe7").unwrap();
        assert_eq!(form.get("pComName"), Some("회사"));
        assert_eq!(
            form.set_bytes(b"pComName", b"\xc8").unwrap_err().status(),
            Status::InvalidText
        );
        form.set_bytes(b"pComName", b"\xc8\xb8\xbb\xe7").unwrap();
        form.set_option("output_charset", "euc-kr").unwrap();
        assert_eq!(
            form.urlencoded().unwrap(),
            "pComRegNo=1248100998&pComName=%C8%B8%BB%E7&pMIGRATIONFLAG=TEST11"
        );
        let page = form.html().unwrap();
        assert!(page.windows(4).any(|w| w == b"\xc8\xb8\xbb\xe7"));
        assert_eq!(
            form.content_type(),
            "application/x-www-form-urlencoded; charset=euc-kr"
        );
    }
}
