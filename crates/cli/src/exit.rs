//! Exit codes and the two ways a command can fail to finish.

use std::io;

/// Everything checked was fine.
pub const CLEAN: i32 = 0;
/// The command ran and found problems (invalid numbers, an unreachable
/// server, a refused callback body, a field breaking its rule).
pub const PROBLEMS: i32 = 1;
/// A usage or input error: unknown option or field name, missing or
/// unreadable file. One line on stderr says which.
pub const INPUT: i32 = 2;
/// A bug in this tool, said in one line.
pub const INTERNAL: i32 = 3;

/// The text every command's `--help` ends with.
pub const EXIT_CODES_HELP: &str = "Exit codes: 0 all good; 1 ran and found problems \
(invalid numbers, unreachable server, refused callback, a field breaking its rule); \
2 usage or input error (one line on stderr); 3 a bug in smartbill-signup.";

/// How a command that ran to the end went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Clean,
    Problems,
}

impl Verdict {
    pub fn from_ok(ok: bool) -> Verdict {
        if ok {
            Verdict::Clean
        } else {
            Verdict::Problems
        }
    }
}

/// Why a command stopped before its end.
#[derive(Debug)]
pub enum Failure {
    /// A usage or input error, with the one line to print.
    Input(String),
    /// stdout was closed by its reader.
    ClosedPipe,
}

impl Failure {
    pub fn input(message: impl Into<String>) -> Failure {
        Failure::Input(message.into())
    }

    /// A failed write to stdout: a closed pipe ends quietly; anything else
    /// (a full disk) is said.
    pub fn from_output(error: io::Error) -> Failure {
        if error.kind() == io::ErrorKind::BrokenPipe {
            Failure::ClosedPipe
        } else {
            Failure::Input(
                smartbill_signup_core::Message::CliCannotWrite {
                    cause: error.to_string(),
                }
                .to_string(),
            )
        }
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::from_output(error)
    }
}

pub type Outcome = Result<Verdict, Failure>;

/// Handles a clap error: help and version print normally (exit 0); a usage
/// error becomes one line on stderr (exit 2).
pub fn clap_error(error: clap::Error) -> i32 {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // Printing help into a closed pipe is not worth a message.
            let _ = error.print();
            if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                INPUT
            } else {
                CLEAN
            }
        }
        _ => {
            crate::term::error_line(&one_line(&error.render().to_string()));
            INPUT
        }
    }
}

/// clap's message in one line: the text before its "Usage:" paragraph,
/// whitespace collapsed, with a pointer to `--help`.
pub fn one_line(rendered: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    for line in rendered.lines() {
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            break;
        }
        words.extend(line.split_whitespace());
    }
    let mut text = words.join(" ");
    if let Some(rest) = text.strip_prefix("error: ") {
        text = rest.to_string();
    }
    format!("{text} (see --help)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_messages_fit_one_line() {
        let rendered = "error: the following required arguments were not provided:\n  <NUMBER>\n\nUsage: smartbill-signup brn kind <NUMBER>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(rendered),
            "the following required arguments were not provided: <NUMBER> (see --help)"
        );
        let rendered = "error: unexpected argument '--colour' found\n\n  tip: a similar argument exists: '--column'\n\nUsage: x\n";
        assert_eq!(
            one_line(rendered),
            "unexpected argument '--colour' found tip: a similar argument exists: '--column' (see --help)"
        );
    }
}
