//! The error every domain operation returns: a status, the field or key it
//! concerns, and a message for people.

use crate::language::{self, Language};
use crate::message::Message;
use crate::status::Status;
use std::fmt;

/// An error with its status, the field (signup parameter, callback key or
/// argument name) it concerns, and a message from the message table,
/// written in English or Korean when it is read.
///
/// Messages never contain secrets (auth codes, tokens) or personal data,
/// and no more of a form value than is needed to find the problem.
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    status: Status,
    field: Option<String>,
    message: Box<Message>,
}

impl Error {
    pub fn new(status: Status, message: Message) -> Self {
        debug_assert!(status != Status::Ok);
        Error {
            status,
            field: None,
            message: Box::new(message),
        }
    }

    /// The same error about a named field.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn status(&self) -> Status {
        self.status
    }

    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The message in the calling thread's language
    /// ([`language::current`]).
    pub fn message(&self) -> String {
        self.message_in(language::current())
    }

    /// The message in `language`.
    pub fn message_in(&self, language: Language) -> String {
        self.message.render(language)
    }

    /// The message's kind and arguments, unwritten.
    pub fn detail(&self) -> &Message {
        &self.message
    }

    /// The message's kind and arguments, to hold inside another message.
    pub fn into_detail(self) -> Box<Message> {
        self.message
    }
}

impl fmt::Debug for Error {
    /// `STATUS: message`, in English (for developers and logs of tests).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            self.status.name(),
            self.message_in(Language::English)
        )
    }
}

impl fmt::Display for Error {
    /// The message in the calling thread's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;
