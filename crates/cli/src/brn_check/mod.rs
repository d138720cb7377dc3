//! `brn check`: every business number in a file, one result per line.

mod check;
mod progress;
pub mod reader;
mod report;

use crate::cli::{BrnCheckArgs, Encoding, HeaderMode, OutputFormat};
use crate::exit::{Failure, Outcome, Verdict};
use crate::term;
use check::{check_line, looks_like_header};
use progress::Progress;
use reader::{extract, Field, Layout, Lines};
use report::{Report, Summary};
use smartbill_signup_core::Message;
use std::fmt::Display;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

/// Files at least this large get a progress bar (when stderr is a terminal).
const PROGRESS_MIN_BYTES: u64 = 1 << 20;

pub fn run(args: BrnCheckArgs) -> Outcome {
    let format = if args.json {
        OutputFormat::Json
    } else {
        args.format
    };
    let (layout, position) = match (args.column, args.fixed) {
        (Some(column), _) => (
            Layout::Csv {
                column: column - 1,
                delimiter: args.delimiter,
            },
            Message::CliColumn { column },
        ),
        (None, Some(fixed)) => (
            Layout::Fixed {
                start: fixed.start - 1,
                length: fixed.length,
            },
            Message::CliFixedField {
                start: fixed.start,
                end: fixed.start + fixed.length - 1,
            },
        ),
        (None, None) => (Layout::Lines, Message::CliTheNumber {}),
    };
    let input = Input::open(args.input.as_deref())?;
    let name = input.name.clone();
    let progress = match input.size {
        Some(size) if size >= PROGRESS_MIN_BYTES => Progress::for_file(size),
        _ => Progress::none(),
    };
    let mut lines = Lines::new(input.reader, args.encoding == Encoding::Utf8);
    let mut report = Report::new(term::stdout(), format);
    report.start()?;
    let mut summary = Summary::new();
    loop {
        let line = match lines.next_line() {
            Ok(Some(line)) => line,
            Ok(None) => break,
            Err(e) => {
                progress.finish();
                return Err(cannot_read(&name, e));
            }
        };
        let field = extract(line.bytes, layout);
        if line.number == 1 && is_header(&field, &args) {
            summary.header_line = Some(1);
            continue;
        }
        let number = line.number;
        let checked = check_line(&line, field, args.encoding, &position);
        summary.add(checked.status());
        if let Err(e) = report.row(number, &checked) {
            progress.finish();
            return Err(e.into());
        }
        if number % 4096 == 0 {
            progress.set(lines.bytes_read());
        }
    }
    progress.finish();
    report.finish(&summary)?;
    if format != OutputFormat::Json {
        term::note(&summary.line());
    }
    Ok(Verdict::from_ok(summary.all_ok()))
}

/// `cannot read FILE: why`, in the chosen language.
pub fn cannot_read(name: &str, cause: impl Display) -> Failure {
    Failure::input(
        Message::CliCannotRead {
            name: name.to_string(),
            cause: cause.to_string(),
        }
        .to_string(),
    )
}

fn is_header(field: &Field<'_>, args: &BrnCheckArgs) -> bool {
    if args.column.is_none() {
        return false;
    }
    match args.header {
        HeaderMode::Yes => true,
        HeaderMode::No => false,
        HeaderMode::Auto => match field {
            Field::Value(bytes) => looks_like_header(bytes, args.encoding),
            _ => false,
        },
    }
}

/// The input: a file (with its size, for the progress bar) or stdin.
struct Input {
    name: String,
    reader: Box<dyn BufRead>,
    size: Option<u64>,
}

impl Input {
    fn open(path: Option<&Path>) -> Result<Input, Failure> {
        match path {
            None => Ok(Input::stdin()),
            Some(p) if p == Path::new("-") => Ok(Input::stdin()),
            Some(path) => {
                let name = path.display().to_string();
                let file = File::open(path).map_err(|e| cannot_read(&name, e))?;
                let metadata = file.metadata().ok();
                if metadata.as_ref().is_some_and(|m| m.is_dir()) {
                    return Err(Failure::input(Message::CliIsDirectory { name }.to_string()));
                }
                let size = metadata.filter(|m| m.is_file()).map(|m| m.len());
                Ok(Input {
                    name,
                    reader: Box::new(BufReader::with_capacity(256 * 1024, file)),
                    size,
                })
            }
        }
    }

    fn stdin() -> Input {
        if term::stdin_is_terminal() {
            term::note(&Message::CliReadingTerminal {}.to_string());
        }
        Input {
            name: Message::CliStdin {}.to_string(),
            reader: Box::new(BufReader::with_capacity(256 * 1024, io::stdin().lock())),
            size: None,
        }
    }
}
