//! Writing results: text (for people), CSV (for a spreadsheet), JSON Lines
//! (for programs), and the summary by status.

use super::check::Checked;
use crate::cli::OutputFormat;
use smartbill_signup_core::{Message, Status};
use std::io::{self, Write};

/// The statuses a business number can end in, in the status table's order.
const BRN_STATUSES: [Status; 5] = [
    Status::Ok,
    Status::BrnFormat,
    Status::BrnLength,
    Status::BrnComponent,
    Status::BrnChecksum,
];

/// Counts by status.
#[derive(Default)]
pub struct Summary {
    counts: Vec<(Status, u64)>,
    pub lines: u64,
    /// The line skipped as a CSV header row.
    pub header_line: Option<u64>,
}

impl Summary {
    pub fn new() -> Summary {
        Summary {
            counts: BRN_STATUSES.iter().map(|&s| (s, 0)).collect(),
            lines: 0,
            header_line: None,
        }
    }

    pub fn add(&mut self, status: Status) {
        self.lines += 1;
        match self.counts.iter_mut().find(|(s, _)| *s == status) {
            Some((_, n)) => *n += 1,
            None => self.counts.push((status, 1)),
        }
    }

    pub fn all_ok(&self) -> bool {
        self.counts.iter().all(|&(s, n)| s == Status::Ok || n == 0)
    }

    /// One line for stderr: `checked 5 lines: 3 OK, 1 BRN_FORMAT, 1 BRN_CHECKSUM`.
    pub fn line(&self) -> String {
        let parts: Vec<String> = self
            .counts
            .iter()
            .filter(|&&(_, n)| n > 0)
            .map(|&(s, count)| {
                Message::CliStatusCount {
                    status: s.name(),
                    count,
                }
                .to_string()
            })
            .collect();
        let mut text = if self.lines == 1 {
            Message::CliCheckedOneLine {}.to_string()
        } else {
            Message::CliCheckedLines { lines: self.lines }.to_string()
        };
        if !parts.is_empty() {
            text.push_str(": ");
            text.push_str(&parts.join(", "));
        }
        if let Some(line) = self.header_line {
            text.push_str(&format!(" ({})", Message::CliHeaderNotCounted { line }));
        }
        text
    }

    fn json(&self) -> serde_json::Value {
        let by_status: serde_json::Map<String, serde_json::Value> = self
            .counts
            .iter()
            .map(|(s, n)| (s.name().to_string(), (*n).into()))
            .collect();
        serde_json::json!({
            "summary": {
                "lines": self.lines,
                "header_line": self.header_line,
                "by_status": by_status,
            }
        })
    }
}

/// Writes one format.
pub struct Report<W: Write> {
    out: W,
    format: OutputFormat,
}

impl<W: Write> Report<W> {
    pub fn new(out: W, format: OutputFormat) -> Report<W> {
        Report { out, format }
    }

    pub fn start(&mut self) -> io::Result<()> {
        match self.format {
            OutputFormat::Text => writeln!(
                self.out,
                "{:>7}  {:<13}  {:<12}  {:<22}  INPUT",
                "LINE", "STATUS", "NUMBER", "KIND"
            ),
            OutputFormat::Csv => writeln!(self.out, "line,input,status,number,kind,message"),
            OutputFormat::Json => Ok(()),
        }
    }

    pub fn row(&mut self, line: u64, checked: &Checked) -> io::Result<()> {
        let status = checked.status().name();
        match self.format {
            OutputFormat::Text => match &checked.result {
                Ok(number) => writeln!(
                    self.out,
                    "{line:>7}  {status:<13}  {}  {:<22}  \"{}\"",
                    number.formatted(),
                    number.kind().name(),
                    checked.input
                ),
                Err(e) => writeln!(self.out, "{line:>7}  {status:<13}  {}", e.message()),
            },
            OutputFormat::Csv => {
                let (number, kind, message) = match &checked.result {
                    Ok(n) => (n.formatted(), n.kind().name(), String::new()),
                    Err(e) => (String::new(), "", e.message()),
                };
                writeln!(
                    self.out,
                    "{line},{},{status},{number},{kind},{}",
                    csv_quoted(&checked.input),
                    csv_quoted(&message)
                )
            }
            // Written field by field (the same text serde_json's objects
            // give, in this order): a million lines in a fraction of the time.
            OutputFormat::Json => {
                write!(self.out, "{{\"line\":{line},\"input\":")?;
                serde_json::to_writer(&mut self.out, &checked.input)?;
                write!(self.out, ",\"status\":\"{status}\",")?;
                match &checked.result {
                    Ok(n) => writeln!(
                        self.out,
                        "\"number\":\"{}\",\"kind\":\"{}\",\"message\":null}}",
                        n.formatted(),
                        n.kind().name()
                    ),
                    Err(e) => {
                        self.out
                            .write_all(b"\"number\":null,\"kind\":null,\"message\":")?;
                        serde_json::to_writer(&mut self.out, &e.message())?;
                        self.out.write_all(b"}\n")
                    }
                }
            }
        }
    }

    /// Ends the output: JSON's summary object goes last on stdout; text and
    /// CSV leave the summary to stderr (the caller prints [`Summary::line`]).
    pub fn finish(mut self, summary: &Summary) -> io::Result<W> {
        if self.format == OutputFormat::Json {
            serde_json::to_writer(&mut self.out, &summary.json())?;
            self.out.write_all(b"\n")?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A CSV field, quoted when it holds a separator, a quote, a line break or
/// surrounding spaces.
fn csv_quoted(text: &str) -> String {
    let needs_quotes =
        text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lines() {
        let mut summary = Summary::new();
        assert_eq!(summary.line(), "checked 0 lines");
        assert!(summary.all_ok());
        summary.add(Status::Ok);
        summary.add(Status::BrnChecksum);
        summary.header_line = Some(1);
        assert_eq!(
            summary.line(),
            "checked 2 lines: 1 OK, 1 BRN_CHECKSUM (line 1 is a header row, not counted)"
        );
        assert!(!summary.all_ok());
    }

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_quoted("124-81-00998"), "124-81-00998");
        assert_eq!(csv_quoted("a,b"), "\"a,b\"");
        assert_eq!(csv_quoted("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_quoted(" 1"), "\" 1\"");
    }
}
