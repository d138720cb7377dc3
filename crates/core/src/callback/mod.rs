//! SmartBill's signup callback: the JSON body SmartBill POSTs to the ERP's
//! callback URL once per signup, with the customer's SmartBill ID, auth code
//! and auth token.
//!
//! Losing a callback means the customer redoes SmartBill's auth steps by
//! hand, so [`parse`] accepts every well-formed variant and refuses anything
//! ambiguous with a precise error:
//!
//! - The body is at most [`ParseOptions::max_bytes`] (64 KiB by default),
//!   else `CALLBACK_TOO_LARGE`, checked before anything else; then UTF-8
//!   (a leading BOM is skipped), else `INVALID_TEXT`.
//! - It is one JSON object. Broken JSON, trailing characters or an empty
//!   body are `CALLBACK_JSON` with the line, column and byte. A body that is
//!   another JSON value, a value that is an object, array or boolean, and a
//!   key given twice are `CALLBACK_SHAPE`. The body is read once, front to
//!   back, and the first problem decides; nested values are never entered,
//!   so depth cannot exhaust the stack.
//! - Keys match in any ASCII case (`regYN` is `regYn`); the older guide's
//!   `SBID` and `Email` stand for `USER_SBID` and `USER_EMAIL`, and `pID` is
//!   the ERP user ID. Two keys that mean the same key are a duplicate.
//!   Unknown keys are kept and read by name.
//! - Values are strings (trimmed of surrounding whitespace); a number is
//!   kept as written (`1111111111`); null means absent.
//! - `USER_SBID`, `COM_REGNO`, `AUTH_CODE` and `AUTH_TOKEN` must be present
//!   and not blank, else `CALLBACK_MISSING` naming the key.
//! - A `COM_REGNO` that fails the business-number rules is kept and flagged
//!   ([`Callback::com_regno_valid`]): the guide's own sample fails them.
//!
//! `AUTH_CODE` and `AUTH_TOKEN` are secrets: no error message and no
//! `Debug` output contains them; only their getters return them. The
//! contact's and representative's name, e-mail, phone and the address are
//! personal data, and so is any key the library does not know: `Debug`
//! shows them redacted too ([`Sensitivity`], decided in `keys_table.rs`).
//!
//! ```
//! use smartbill_signup_core::callback;
//! let body = br#"{"USER_SBID":"test1","COM_REGNO":1248100998,
//!                 "AUTH_CODE":"13F89DFEK99D4474A67EABE8F7258AA5","auth_token":"MAo="}"#;
//! let cb = callback::parse(body).unwrap();
//! assert_eq!(cb.user_sbid(), "test1");
//! assert_eq!(cb.com_regno(), "1248100998");
//! assert!(cb.com_regno_valid());
//! assert_eq!(cb.get("AUTH_TOKEN"), Some("MAo="));
//! assert!(!format!("{cb:?}").contains("MAo="));
//! ```

mod json;
mod keys;
pub mod source;

pub use keys::{Key, Sensitivity};

use crate::brn;
use crate::error::{Error, Result};
use crate::message::Message;
use crate::status::Status;
use crate::text::trim;
use json::{locate, show_key, Sink, Value};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

/// The default body size limit: 64 KiB. SmartBill's callbacks are a few
/// hundred bytes.
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024;

/// How to parse a callback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseOptions {
    /// Bodies longer than this many bytes are `CALLBACK_TOO_LARGE`.
    pub max_bytes: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Parses a callback body with the default options.
pub fn parse(body: &[u8]) -> Result<Callback> {
    parse_with(body, &ParseOptions::default())
}

/// Parses a callback body.
pub fn parse_with(body: &[u8], options: &ParseOptions) -> Result<Callback> {
    if body.len() > options.max_bytes {
        return Err(Error::new(
            Status::CallbackTooLarge,
            Message::CallbackTooLarge {
                size: body.len(),
                limit: options.max_bytes,
            },
        )
        .with_field("body"));
    }
    let text = std::str::from_utf8(body).map_err(|e| {
        Error::new(
            Status::InvalidText,
            Message::CallbackNotUtf8 {
                offset: e.valid_up_to(),
            },
        )
        .with_field("body")
    })?;
    let start = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let mut builder = Builder::new(text);
    json::read_object(text, start, &mut builder)?;
    builder.finish()
}

/// A parsed callback. Cheap to clone; `Send` and `Sync`.
#[derive(Clone)]
pub struct Callback {
    /// The body, then the unescaped text of every key name (unknown keys
    /// only) and value that had escapes; spans point into it.
    text: String,
    /// The members with a value, in body order.
    entries: Vec<Entry>,
    /// For each known key, its index in `entries`.
    known: [Option<u32>; Key::COUNT],
    com_regno_status: Status,
}

#[derive(Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

#[derive(Clone, Copy)]
enum EntryKey {
    Known(Key),
    /// An unknown key's name as written, in `text`.
    Unknown(Span),
}

#[derive(Clone, Copy)]
struct Entry {
    key: EntryKey,
    value: Span,
}

impl Callback {
    /// The value of a known key, if present (not null).
    pub fn value(&self, key: Key) -> Option<&str> {
        self.known[key.index()].map(|i| self.span(self.entries[i as usize].value))
    }

    /// The value of any key, known or unknown, matched in any ASCII case,
    /// surrounding whitespace ignored (keys are stored trimmed); the older
    /// names work too (`get("SBID")` is `USER_SBID`). `None` when the key is
    /// absent or null.
    pub fn get(&self, name: &str) -> Option<&str> {
        let name = crate::text::trim(name);
        if let Some(key) = Key::lookup(name) {
            return self.value(key);
        }
        self.entries.iter().find_map(|e| match e.key {
            EntryKey::Unknown(k) if self.span(k).eq_ignore_ascii_case(name) => {
                Some(self.span(e.value))
            }
            _ => None,
        })
    }

    /// Whether `get(name)` has a value.
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// `USER_SBID` (or the older `SBID`): the SmartBill ID.
    pub fn user_sbid(&self) -> &str {
        self.required(Key::UserSbid)
    }

    /// `COM_REGNO` as received (trimmed); see [`Callback::com_regno_valid`].
    pub fn com_regno(&self) -> &str {
        self.required(Key::ComRegno)
    }

    /// `AUTH_CODE`. A secret: do not log it.
    pub fn auth_code(&self) -> &str {
        self.required(Key::AuthCode)
    }

    /// `AUTH_TOKEN`. A secret: do not log it.
    pub fn auth_token(&self) -> &str {
        self.required(Key::AuthToken)
    }

    pub fn user_name(&self) -> Option<&str> {
        self.value(Key::UserName)
    }

    /// `USER_EMAIL` (or the older `Email`).
    pub fn user_email(&self) -> Option<&str> {
        self.value(Key::UserEmail)
    }

    pub fn user_phone(&self) -> Option<&str> {
        self.value(Key::UserPhone)
    }

    pub fn com_name(&self) -> Option<&str> {
        self.value(Key::ComName)
    }

    pub fn com_president(&self) -> Option<&str> {
        self.value(Key::ComPresident)
    }

    pub fn com_address(&self) -> Option<&str> {
        self.value(Key::ComAddress)
    }

    /// `regYn` (or `regYN`): whether the user is the company's administrator.
    pub fn reg_yn(&self) -> Option<&str> {
        self.value(Key::RegYn)
    }

    /// `pID` from the older guide's callback: the ERP's own user ID.
    pub fn erp_user_id(&self) -> Option<&str> {
        self.value(Key::ErpUserId)
    }

    /// Whether `COM_REGNO` passes the business-number rules ([`crate::brn`]).
    pub fn com_regno_valid(&self) -> bool {
        self.com_regno_status == Status::Ok
    }

    /// The business-number check of `COM_REGNO`: `Ok` or the first rule it
    /// breaks (`BRN_CHECKSUM`, ...).
    pub fn com_regno_status(&self) -> Status {
        self.com_regno_status
    }

    /// The number of keys with a value (null keys are absent).
    pub fn key_count(&self) -> usize {
        self.entries.len()
    }

    /// The name of the `index`-th key in body order: the canonical name for
    /// known keys (`USER_SBID` for `SBID` or `user_sbid`), the name as
    /// written for unknown ones.
    pub fn key_name(&self, index: usize) -> Option<&str> {
        self.entries.get(index).map(|e| self.key_text(e.key))
    }

    /// Every key name, as [`Callback::key_name`] gives them.
    pub fn keys(&self) -> impl Iterator<Item = &str> + '_ {
        self.entries.iter().map(|e| self.key_text(e.key))
    }

    fn key_text(&self, key: EntryKey) -> &str {
        match key {
            EntryKey::Known(k) => k.name(),
            EntryKey::Unknown(span) => self.span(span),
        }
    }

    fn required(&self, key: Key) -> &str {
        // `parse` refuses a callback without its required keys.
        self.value(key).unwrap_or_default()
    }

    fn span(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The span of `s`: where it lies in the body (which `text` starts
    /// with), or where it is appended when it is not a part of the body.
    fn span_of(&mut self, body: &str, s: &str) -> Span {
        let offset = (s.as_ptr() as usize).wrapping_sub(body.as_ptr() as usize);
        if offset <= body.len() && s.len() <= body.len() - offset {
            return Span {
                start: offset,
                end: offset + s.len(),
            };
        }
        self.push(s)
    }

    fn push(&mut self, s: &str) -> Span {
        let start = self.text.len();
        self.text.push_str(s);
        Span {
            start,
            end: self.text.len(),
        }
    }
}

/// Shows every key, in body order, with its value when the value is
/// [`Sensitivity::Public`]; secrets, personal data and the values of keys
/// the library does not know appear as `<redacted, N chars>`.
impl fmt::Debug for Callback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Redacted(usize);
        impl fmt::Debug for Redacted {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "<redacted, {} chars>", self.0)
            }
        }
        let mut out = f.debug_struct("Callback");
        for entry in &self.entries {
            let value = self.span(entry.value);
            let sensitivity = match entry.key {
                EntryKey::Known(k) => k.sensitivity(),
                EntryKey::Unknown(_) => Sensitivity::Personal,
            };
            let name = self.key_text(entry.key);
            if sensitivity.is_hidden() {
                out.field(name, &Redacted(value.chars().count()));
            } else {
                out.field(name, &value);
            }
        }
        out.field("com_regno_valid", &self.com_regno_valid())
            .finish()
    }
}

/// Collects members as the reader finds them.
struct Builder<'a> {
    body: &'a str,
    callback: Callback,
    /// Where each known key was first given, even with a null value.
    known_at: [Option<usize>; Key::COUNT],
    /// Unknown keys given so far, ASCII-lowercased, and where; made at the
    /// first unknown key (SmartBill's own bodies have none).
    unknown_at: Option<HashMap<String, usize>>,
    pending: Pending<'a>,
}

enum Pending<'a> {
    Nothing,
    Known(Key),
    Unknown(Cow<'a, str>),
}

impl<'a> Builder<'a> {
    fn new(body: &'a str) -> Self {
        Builder {
            body,
            callback: Callback {
                // Unescaped text is never longer than the body.
                // One copy of the body: values without escapes are spans of it.
                text: body.to_string(),
                entries: Vec::with_capacity(Key::COUNT),
                known: [None; Key::COUNT],
                com_regno_status: Status::Ok,
            },
            known_at: [None; Key::COUNT],
            unknown_at: None,
            pending: Pending::Nothing,
        }
    }

    /// A key given twice; `known` is the key both names stand for, if the
    /// library knows it (field: its canonical name, else the name as written).
    fn duplicate(&self, name: &str, at: usize, first: usize, known: Option<Key>) -> Error {
        let key = show_key(name);
        let (at, first) = (locate(self.body, at), locate(self.body, first));
        let message = match known {
            Some(k) => Message::CallbackDuplicateKnownKey {
                key,
                at,
                means: k.name(),
                first,
            },
            None => Message::CallbackDuplicateKey { key, at, first },
        };
        Error::new(Status::CallbackShape, message)
            .with_field(known.map_or_else(|| name.to_string(), |k| k.name().to_string()))
    }

    fn finish(mut self) -> Result<Callback> {
        for key in Key::REQUIRED {
            let older = key
                .old_name()
                .map(|name| Box::new(Message::OrOlderName { name }));
            let name = key.name();
            let message = match (self.known_at[key.index()], self.callback.value(key)) {
                (None, _) => Message::CallbackKeyAbsent { key: name, older },
                (Some(_), None) => Message::CallbackKeyNull { key: name, older },
                (Some(_), Some("")) => Message::CallbackKeyBlank { key: name, older },
                _ => continue,
            };
            return Err(Error::new(Status::CallbackMissing, message).with_field(key.name()));
        }
        self.callback.com_regno_status = brn::check_bytes(self.callback.com_regno().as_bytes());
        Ok(self.callback)
    }
}

impl<'a> Sink<'a> for Builder<'a> {
    fn key(&mut self, name: Cow<'a, str>, at: usize) -> Result<()> {
        // Keys are trimmed like values, so `" X "` is `X` (and repeats it),
        // and every key can be asked for by the name `key_name` lists.
        let name = match name {
            Cow::Borrowed(s) => Cow::Borrowed(trim(s)),
            Cow::Owned(s) if trim(&s).len() == s.len() => Cow::Owned(s),
            Cow::Owned(s) => Cow::Owned(trim(&s).to_string()),
        };
        match Key::lookup(&name) {
            Some(key) => {
                if let Some(first) = self.known_at[key.index()] {
                    return Err(self.duplicate(&name, at, first, Some(key)));
                }
                self.known_at[key.index()] = Some(at);
                self.pending = Pending::Known(key);
            }
            None => {
                let folded = name.to_ascii_lowercase();
                let unknown_at = self.unknown_at.get_or_insert_with(HashMap::new);
                if let Some(&first) = unknown_at.get(&folded) {
                    return Err(self.duplicate(&name, at, first, None));
                }
                unknown_at.insert(folded, at);
                self.pending = Pending::Unknown(name);
            }
        }
        Ok(())
    }

    fn value(&mut self, value: Value<'a>) -> Result<()> {
        let text = match &value {
            Value::Str(s) => trim(s),
            Value::Number(n) => n,
            // Null: the key counts as given (a repeat is still refused) but has no value.
            Value::Null => return Ok(()),
        };
        let cb = &mut self.callback;
        let key = match std::mem::replace(&mut self.pending, Pending::Nothing) {
            Pending::Known(key) => {
                cb.known[key.index()] = Some(cb.entries.len() as u32);
                EntryKey::Known(key)
            }
            Pending::Unknown(name) => EntryKey::Unknown(cb.span_of(self.body, &name)),
            Pending::Nothing => unreachable!("the reader gives a key before each value"),
        };
        let value = cb.span_of(self.body, text);
        cb.entries.push(Entry { key, value });
        Ok(())
    }
}

#[cfg(test)]
mod tests;
