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
//!   silently lacks a value. An unknown name, and a failure inside the
//!   library, is never forgotten. Only the latest refusal per parameter or
//!   option is kept (and the first for unknown names), so a caller that
//!   fails in a loop cannot grow the form without bound.
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
use std::borrow::Cow;
use std::fmt;

/// What a remembered refusal is about, so a later success can clear it.
/// At most one refusal is kept per subject, so they stay bounded however
/// many calls fail (15 parameters, 5 options, 2 permanent ones).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Subject {
    Field(usize),
    Option(&'static str),
    /// An unknown name (or one not even valid text): nothing can make it
    /// right. The first such refusal is kept.
    Unknown,
    /// A failure inside the library (a caught panic): the form cannot be
    /// trusted any more. The first such failure is kept.
    Internal,
}

/// The number of signup parameters.
const FIELD_COUNT: usize = FIELDS.len();

/// Where a stored value lies in [`SignupForm`]'s text, and its CP949 length.
#[derive(Clone, Copy, Debug)]
struct Stored {
    start: usize,
    end: usize,
    cp949_len: usize,
}

/// A signup form for one environment: parameters, options, and the refusals
/// not yet made right. `Debug` shows personal data (the `personal` column of
/// the table) as `<redacted, N chars>`.
#[derive(Clone)]
pub struct SignupForm {
    environment: Environment,
    options: FormOptions,
    /// Every stored value, one after another, in one allocation; a replaced
    /// value stays until the text is compacted.
    text: String,
    /// The bytes of `text` that belong to a stored value.
    live: usize,
    values: [Option<Stored>; FIELD_COUNT],
    refused: Vec<(Subject, Error)>,
}

impl SignupForm {
    pub fn new(environment: Environment) -> Self {
        SignupForm {
            environment,
            options: FormOptions::default(),
            // The guide's sample, all 15 parameters, is about 300 bytes.
            text: String::with_capacity(512),
            live: 0,
            values: [None; FIELD_COUNT],
            refused: Vec::new(),
        }
    }

    fn value(&self, index: usize) -> Option<(&str, usize)> {
        let stored = self.values.get(index).copied().flatten()?;
        Some((self.text.get(stored.start..stored.end)?, stored.cp949_len))
    }

    /// Stores a parameter's value (`None`: clears it).
    fn store(&mut self, index: usize, value: Option<(&str, usize)>) {
        if let Some(old) = self.values[index].take() {
            self.live -= old.end - old.start;
        }
        let Some((text, cp949_len)) = value else {
            return;
        };
        // Replaced values are garbage: compact before they outweigh the rest,
        // so a form set again and again stays bounded.
        let garbage = self.text.len() - self.live;
        if garbage > self.live.max(4096) {
            let mut compact = String::with_capacity(self.live + text.len());
            for stored in self.values.iter_mut().flatten() {
                let start = compact.len();
                compact.push_str(&self.text[stored.start..stored.end]);
                *stored = Stored {
                    start,
                    end: compact.len(),
                    ..*stored
                };
            }
            self.text = compact;
        }
        let start = self.text.len();
        self.text.push_str(text);
        self.live += text.len();
        self.values[index] = Some(Stored {
            start,
            end: self.text.len(),
            cp949_len,
        });
    }

    pub fn environment(&self) -> &Environment {
        &self.environment
    }

    pub fn options(&self) -> &FormOptions {
        &self.options
    }

    /// The stored (trimmed) value of a parameter, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.value(fields::index_of(name)?).map(|(text, _)| text)
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
        self.set_bytes_in(self.options.input_charset, name, value)
    }

    /// [`set`](Self::set) for a name and value given as bytes in `charset`,
    /// whatever the `input_charset` option says: callers whose strings are
    /// Unicode (Java, .NET, Python) pass them as UTF-8 this way, while
    /// bytes from a legacy system go through
    /// [`set_bytes`](Self::set_bytes). Refusals are remembered the same way.
    pub fn set_bytes_in(&mut self, charset: Charset, name: &[u8], value: &[u8]) -> Result<()> {
        // A name spelled exactly (ASCII, the same in both charsets) needs
        // no decoding; anything else goes the long way.
        if let Some(index) = fields::index_of_bytes(name) {
            return self.set_at(index, |field| text::decode(value, charset, field.name));
        }
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
        self.set_at(index, value)
    }

    fn set_at<'v>(
        &mut self,
        index: usize,
        value: impl FnOnce(&Field) -> Result<Cow<'v, str>>,
    ) -> Result<()> {
        let field = &FIELDS[index];
        let checked = value(field).and_then(|decoded| {
            let len = stored_len(field, text::trim(&decoded))?;
            Ok((decoded, len))
        });
        match checked {
            Ok((decoded, len)) => {
                self.store(index, len.map(|len| (text::trim(&decoded), len)));
                self.accept(Subject::Field(index));
                Ok(())
            }
            Err(e) => {
                self.store(index, None);
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

    /// Remembers a failed `set` that the form's own checks did not see (a
    /// NULL argument at the C ABI): against the parameter `name` names when
    /// it is one, else as an unknown name. Returns the error.
    pub fn remember_set_failure(&mut self, name: Option<&[u8]>, error: Error) -> Result<()> {
        let index = name
            .and_then(|n| text::decode(n, self.options.input_charset, "name").ok())
            .and_then(|n| fields::index_of(text::trim(&n)));
        self.refuse(index.map_or(Subject::Unknown, Subject::Field), error)
    }

    /// [`remember_set_failure`](Self::remember_set_failure) for `set_option`.
    pub fn remember_option_failure(&mut self, name: Option<&[u8]>, error: Error) -> Result<()> {
        let option = name
            .and_then(|n| std::str::from_utf8(n).ok())
            .and_then(options::canonical);
        self.refuse(option.map_or(Subject::Unknown, Subject::Option), error)
    }

    /// Remembers a failure inside the library during a `set` or
    /// `set_option` (a caught panic): the form refuses to validate from now
    /// on. Returns the error.
    pub fn remember_internal_failure(&mut self, error: Error) -> Result<()> {
        self.refuse(Subject::Internal, error)
    }

    fn accept(&mut self, subject: Subject) {
        self.refused.retain(|(s, _)| *s != subject);
    }

    /// Keeps the latest refusal per parameter and option, and the first
    /// one for unknown names and for internal failures.
    fn refuse(&mut self, subject: Subject, error: Error) -> Result<()> {
        let permanent = matches!(subject, Subject::Unknown | Subject::Internal);
        if !(permanent && self.refused.iter().any(|(s, _)| *s == subject)) {
            self.refused.retain(|(s, _)| *s != subject);
            self.refused.push((subject, error.clone()));
        }
        Err(error)
    }

    /// How many refusals are remembered (at most one per parameter, option,
    /// unknown names and internal failures).
    pub fn refusal_count(&self) -> usize {
        self.refused.len()
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
        for (index, field) in FIELDS.iter().enumerate() {
            match self.value(index) {
                Some((text, cp949_len)) => out.push((
                    field,
                    rules::check(field, text, cp949_len, self.options.brn_check)?,
                )),
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

impl fmt::Debug for SignupForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// A stored value, redacted when it is personal data.
        struct Shown<'a>(&'a Field, &'a str);
        impl fmt::Debug for Shown<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                if self.0.personal {
                    write!(f, "<redacted, {} chars>", self.1.chars().count())
                } else {
                    fmt::Debug::fmt(self.1, f)
                }
            }
        }
        struct Values<'a>(&'a SignupForm);
        impl fmt::Debug for Values<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let set = FIELDS.iter().enumerate().filter_map(|(index, field)| {
                    self.0
                        .value(index)
                        .map(|(text, _)| (field.name, Shown(field, text)))
                });
                f.debug_map().entries(set).finish()
            }
        }
        f.debug_struct("SignupForm")
            .field("environment", &self.environment)
            .field("options", &self.options)
            .field("values", &Values(self))
            .field("refused", &self.refused)
            .finish()
    }
}

/// The CP949 length of a (trimmed) value as `set` stores it: `None` when
/// blank, refused when CP949 cannot hold a character.
fn stored_len(field: &Field, text: &str) -> Result<Option<usize>> {
    if text.is_empty() {
        return Ok(None);
    }
    match text::cp949_len(text) {
        Ok(cp949_len) => Ok(Some(cp949_len)),
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

    #[test]
    fn debug_redacts_personal_data_and_shows_the_rest() {
        let mut form = SignupForm::new(Environment::Demo);
        form.set("pComRegNo", "124-81-00998").unwrap();
        form.set("pComName", "(주)공개상사").unwrap();
        form.set("pComPresident", "이서연").unwrap();
        form.set("pMemEmail", "seoyeon@example.com").unwrap();
        form.set("pMemHP", "010-9876-5432").unwrap();
        form.set("pMemTel", "02 1111").unwrap_or_default();
        let shown = format!("{form:?}");
        for personal in ["이서연", "seoyeon@example.com", "010-9876-5432", "02 1111"] {
            assert!(!shown.contains(personal), "{shown}");
        }
        assert!(
            shown.contains("\"pComPresident\": <redacted, 3 chars>"),
            "{shown}"
        );
        assert!(shown.contains("\"pComName\": \"(주)공개상사\""), "{shown}");
        assert!(shown.contains("124-81-00998"), "{shown}");
        let err = form.validate().unwrap_err();
        assert!(!err.message().contains("02 1111"), "{}", err.message());
    }

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
    fn refusals_stay_bounded_and_the_latest_per_parameter_is_kept() {
        let mut form = demo();
        for i in 0..20_000 {
            let _ = form.set("pComName", &format!("{i}😀"));
            let _ = form.set(&format!("pNoSuch{i}"), "x");
            let _ = form.set_option("target", &format!("_bad{i}"));
        }
        assert_eq!(form.refusal_count(), 3);
        let e = form.validate().unwrap_err();
        assert_eq!(
            e.field(),
            Some("pNoSuch0"),
            "the first unknown name is kept"
        );
        form.set("pComName", "회사").unwrap();
        form.set_option("target", "_self").unwrap();
        assert_eq!(form.refusal_count(), 1);
        let mut form = demo();
        let _ = form.set("pComName", "1😀");
        let _ = form.set("pComName", "22😀");
        assert!(form
            .validate()
            .unwrap_err()
            .message()
            .contains("position 3"));
    }

    #[test]
    fn values_set_again_and_again_stay_bounded_and_right() {
        let mut form = demo();
        for i in 0..50_000 {
            form.set("pComName", &format!("회사 {i}")).unwrap();
            form.set("pComAddress", &"주소".repeat(i % 40)).unwrap();
            assert!(
                form.text.len() <= 3 * form.live.max(4096),
                "{i}: {}",
                form.text.len()
            );
        }
        assert_eq!(form.get("pComName"), Some("회사 49999"));
        assert_eq!(
            form.get("pComAddress"),
            Some("주소".repeat(49_999 % 40).as_str())
        );
        assert_eq!(form.get("pComRegNo"), Some("1248100998"));
        assert_eq!(form.get("pMIGRATIONFLAG"), Some("TEST11"));
        form.set("pComName", " ").unwrap();
        assert_eq!(form.get("pComName"), None);
        form.validate().unwrap();
    }

    #[test]
    fn failures_from_outside_the_form_are_remembered() {
        let mut form = demo();
        let null = || {
            Error::new(
                Status::NullArgument,
                Message::NullArgument {
                    name: "value".to_string(),
                },
            )
        };
        let _ = form.remember_set_failure(Some(b" pComName "), null());
        assert_eq!(form.validate().unwrap_err().status(), Status::NullArgument);
        form.set("pComName", "x").unwrap();
        form.validate().unwrap();
        let _ = form.remember_option_failure(Some(b"target"), null());
        assert_eq!(form.validate().unwrap_err().status(), Status::NullArgument);
        form.set_option("target", "_top").unwrap();
        form.validate().unwrap();
        let _ = form.remember_set_failure(None, null());
        form.set("pComName", "y").unwrap();
        assert_eq!(form.validate().unwrap_err().status(), Status::NullArgument);
        let mut form = demo();
        let _ = form.remember_internal_failure(Error::new(
            Status::Internal,
            Message::InternalUnknown {
                function: "test".to_string(),
            },
        ));
        form.set("pComName", "z").unwrap();
        assert_eq!(form.html().unwrap_err().status(), Status::Internal);
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
