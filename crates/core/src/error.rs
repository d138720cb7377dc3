//! The error every domain operation returns: a status, the field or key it
//! concerns, and a message for people.

use crate::status::Status;
use std::fmt;

/// An error with its status, the field (signup parameter, callback key or
/// argument name) it concerns, and a human-readable message.
///
/// Messages never contain secrets (auth codes, tokens) or whole form values
/// beyond what is needed to find the problem.
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    status: Status,
    field: Option<String>,
    message: String,
}

impl Error {
    pub fn new(status: Status, message: impl Into<String>) -> Self {
        debug_assert!(status != Status::Ok);
        Error {
            status,
            field: None,
            message: message.into(),
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

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.status.name(), self.message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;
