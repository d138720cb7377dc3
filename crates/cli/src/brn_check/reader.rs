//! Reading a vendor file: lines, and the business number's field in each
//! (the whole line, a CSV column, or fixed byte positions).
//!
//! Bytes are split before anything is decoded: `\n`, `,` and `"` never occur
//! inside a UTF-8 or CP949 character (CP949's second bytes are 0x41 and up),
//! so a line or field boundary is found the same way in both encodings.

use std::borrow::Cow;
use std::io::{self, BufRead};

/// A line longer than this is not a vendor record: it is reported, not read
/// into memory whole.
pub const MAX_LINE_BYTES: usize = 1 << 20;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// One line of the input.
#[derive(Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based, as an editor counts.
    pub number: u64,
    /// Without its `\n` (and one `\r` before it). At most [`MAX_LINE_BYTES`].
    pub bytes: &'a [u8],
    /// The line went on past [`MAX_LINE_BYTES`]; the rest was skipped.
    pub overlong: bool,
}

/// Lines of a byte stream: `\n` ends a line and a `\r` before it is
/// dropped; a last line without `\n` counts; an empty input has no lines.
pub struct Lines<R> {
    inner: R,
    buf: Vec<u8>,
    number: u64,
    consumed: u64,
    strip_bom: bool,
}

impl<R: BufRead> Lines<R> {
    /// `strip_bom`: skip a UTF-8 byte-order mark at the very start (Excel
    /// writes one before "CSV UTF-8").
    pub fn new(inner: R, strip_bom: bool) -> Self {
        Lines {
            inner,
            buf: Vec::with_capacity(256),
            number: 0,
            consumed: 0,
            strip_bom,
        }
    }

    /// Bytes consumed so far (for a progress bar).
    pub fn bytes_read(&self) -> u64 {
        self.consumed
    }

    pub fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        self.buf.clear();
        let mut overlong = false;
        let mut seen_any = false;
        loop {
            let available = match self.inner.fill_buf() {
                Ok(available) => available,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            seen_any = true;
            let (chunk, used, ended) = match available.iter().position(|&b| b == b'\n') {
                Some(at) => (&available[..at], at + 1, true),
                None => (available, available.len(), false),
            };
            let room = MAX_LINE_BYTES - self.buf.len();
            if chunk.len() > room {
                overlong = true;
            }
            self.buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
            self.inner.consume(used);
            self.consumed += used as u64;
            if ended {
                break;
            }
        }
        if !seen_any {
            return Ok(None);
        }
        self.number += 1;
        let mut bytes = &self.buf[..];
        if !overlong {
            if let Some(rest) = bytes.strip_suffix(b"\r") {
                bytes = rest;
            }
        }
        if self.number == 1 && self.strip_bom {
            bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        }
        Ok(Some(Line {
            number: self.number,
            bytes,
            overlong,
        }))
    }
}

/// Where the number is in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The whole line.
    Lines,
    /// A CSV column (0-based here) with this separator.
    Csv { column: usize, delimiter: u8 },
    /// `length` bytes from byte `start` (0-based here).
    Fixed { start: usize, length: usize },
}

/// The number's field in one line.
#[derive(Debug, PartialEq, Eq)]
pub enum Field<'a> {
    Value(Cow<'a, [u8]>),
    /// The line has fewer CSV columns than asked for.
    MissingColumn {
        columns: usize,
    },
    /// The record ends before the fixed field starts.
    ShortRecord {
        record_len: usize,
    },
}

pub fn extract(line: &[u8], layout: Layout) -> Field<'_> {
    match layout {
        Layout::Lines => Field::Value(Cow::Borrowed(line)),
        Layout::Csv { column, delimiter } => csv_field(line, column, delimiter),
        Layout::Fixed { start, length } => {
            if line.len() <= start {
                Field::ShortRecord {
                    record_len: line.len(),
                }
            } else {
                // A record whose trailing spaces an editor stripped ends
                // inside the field: the part that is there is the value.
                let end = start.saturating_add(length).min(line.len());
                Field::Value(Cow::Borrowed(&line[start..end]))
            }
        }
    }
}

/// The `column`-th field of one CSV line (RFC 4180 within a line): a field
/// that starts with `"` is quoted, `""` inside it is a quote, and text after
/// the closing quote is kept (as spreadsheet programs read it). A quote left
/// open runs to the end of the line.
fn csv_field(line: &[u8], column: usize, delimiter: u8) -> Field<'_> {
    let mut index = 0;
    let mut at = 0;
    loop {
        let (field, next) = read_field(line, at, delimiter);
        if index == column {
            return Field::Value(field);
        }
        match next {
            Some(next) => {
                index += 1;
                at = next;
            }
            None => return Field::MissingColumn { columns: index + 1 },
        }
    }
}

/// Reads the field starting at `at`; returns it and where the next field
/// starts (after the separator), or `None` at the end of the line.
fn read_field(line: &[u8], at: usize, delimiter: u8) -> (Cow<'_, [u8]>, Option<usize>) {
    if line.get(at) != Some(&b'"') {
        return match line[at..].iter().position(|&b| b == delimiter) {
            Some(p) => (Cow::Borrowed(&line[at..at + p]), Some(at + p + 1)),
            None => (Cow::Borrowed(&line[at..]), None),
        };
    }
    let mut value = Vec::new();
    let mut i = at + 1;
    // Inside the quotes.
    while i < line.len() {
        match line[i] {
            b'"' if line.get(i + 1) == Some(&b'"') => {
                value.push(b'"');
                i += 2;
            }
            b'"' => {
                i += 1;
                break;
            }
            b => {
                value.push(b);
                i += 1;
            }
        }
    }
    // After the closing quote, up to the separator.
    while i < line.len() {
        if line[i] == delimiter {
            return (Cow::Owned(value), Some(i + 1));
        }
        value.push(line[i]);
        i += 1;
    }
    (Cow::Owned(value), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn all_lines(data: &[u8], strip_bom: bool) -> Vec<(u64, Vec<u8>, bool)> {
        let mut lines = Lines::new(io::BufReader::with_capacity(7, data), strip_bom);
        let mut out = Vec::new();
        while let Some(line) = lines.next_line().unwrap() {
            out.push((line.number, line.bytes.to_vec(), line.overlong));
        }
        assert_eq!(lines.bytes_read(), data.len() as u64);
        out
    }

    #[test]
    fn lines_and_their_numbers() {
        let lines = all_lines(b"a\r\nb\n\nc", false);
        let texts: Vec<&[u8]> = lines.iter().map(|l| &l.1[..]).collect();
        assert_eq!(texts, [&b"a"[..], b"b", b"", b"c"]);
        assert_eq!(lines[3].0, 4);
        assert!(all_lines(b"", false).is_empty());
        assert_eq!(all_lines(b"\n", false).len(), 1);
        assert_eq!(all_lines(b"\xEF\xBB\xBFx\n", true)[0].1, b"x");
        assert_eq!(all_lines(b"\xEF\xBB\xBFx\n", false)[0].1, b"\xEF\xBB\xBFx");
        // Only the first line's BOM is one.
        assert_eq!(all_lines(b"x\n\xEF\xBB\xBFy", true)[1].1, b"\xEF\xBB\xBFy");
    }

    #[test]
    fn an_overlong_line_is_flagged_not_kept() {
        let mut data = vec![b'7'; MAX_LINE_BYTES + 10];
        data.extend_from_slice(b"\n1248100998\n");
        let lines = all_lines(&data, false);
        assert_eq!(lines.len(), 2);
        assert!(lines[0].2);
        assert_eq!(lines[0].1.len(), MAX_LINE_BYTES);
        assert_eq!((lines[1].0, &lines[1].1[..]), (2, &b"1248100998"[..]));
    }

    fn csv(line: &str, column: usize) -> Field<'_> {
        extract(
            line.as_bytes(),
            Layout::Csv {
                column,
                delimiter: b',',
            },
        )
    }

    fn value(field: Field<'_>) -> String {
        match field {
            Field::Value(v) => String::from_utf8(v.into_owned()).unwrap(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn csv_columns() {
        assert_eq!(value(csv("a,124-81-00998,c", 1)), "124-81-00998");
        assert_eq!(
            value(csv(r#""(주)회사, 본점","124-81-00998""#, 1)),
            "124-81-00998"
        );
        assert_eq!(value(csv(r#""say ""hi""",x"#, 0)), r#"say "hi""#);
        assert_eq!(value(csv(r#""open,quote"#, 0)), "open,quote");
        assert_eq!(value(csv(r#""a"b,c"#, 0)), "ab");
        assert_eq!(value(csv("a,,c", 1)), "");
        assert_eq!(value(csv("a,b,", 2)), "");
        assert_eq!(csv("a,b", 4), Field::MissingColumn { columns: 2 });
        assert_eq!(csv("", 1), Field::MissingColumn { columns: 1 });
        let tsv = extract(
            b"x\t1248100998",
            Layout::Csv {
                column: 1,
                delimiter: b'\t',
            },
        );
        assert_eq!(value(tsv), "1248100998");
    }

    #[test]
    fn fixed_fields() {
        let layout = Layout::Fixed {
            start: 4,
            length: 10,
        };
        assert_eq!(value(extract(b"ABC 1248100998 rest", layout)), "1248100998");
        assert_eq!(value(extract(b"ABC 12481", layout)), "12481");
        assert_eq!(
            extract(b"ABC", layout),
            Field::ShortRecord { record_len: 3 }
        );
        assert_eq!(
            extract(b"ABCD", layout),
            Field::ShortRecord { record_len: 4 }
        );
    }

    fn layouts() -> impl Strategy<Value = Layout> {
        prop_oneof![
            Just(Layout::Lines),
            (0usize..6, prop_oneof![Just(b','), Just(b';'), Just(b'\t')])
                .prop_map(|(column, delimiter)| Layout::Csv { column, delimiter }),
            (0usize..40, 1usize..20).prop_map(|(start, length)| Layout::Fixed { start, length }),
        ]
    }

    proptest! {
        /// Arbitrary bytes: never a panic, exactly one line per `\n`-ended
        /// line (plus a last unterminated one), and every field comes from
        /// its own line.
        #[test]
        fn one_field_per_line_whatever_the_bytes(
            data in proptest::collection::vec(
                prop_oneof![Just(b'\n'), Just(b'\r'), Just(b'"'), Just(b','), Just(0xB0u8), any::<u8>()],
                0..400,
            ),
            layout in layouts(),
            strip_bom in any::<bool>(),
        ) {
            let expected = smartbill_signup_core::brn::batch_len(&data, b'\n');
            let mut lines = Lines::new(io::BufReader::with_capacity(5, &data[..]), strip_bom);
            let mut count = 0u64;
            while let Some(line) = lines.next_line().unwrap() {
                count += 1;
                prop_assert_eq!(line.number, count);
                prop_assert!(!line.bytes.contains(&b'\n'));
                match extract(line.bytes, layout) {
                    Field::Value(v) => prop_assert!(v.len() <= line.bytes.len()),
                    Field::MissingColumn { columns } => prop_assert!(columns >= 1),
                    Field::ShortRecord { record_len } => prop_assert_eq!(record_len, line.bytes.len()),
                }
            }
            prop_assert_eq!(count as usize, expected);
        }

        /// A CSV line written from fields reads back each field.
        #[test]
        fn csv_round_trip(fields in proptest::collection::vec("[^\n\r]{0,12}", 1..6)) {
            let line: Vec<String> = fields
                .iter()
                .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
                .collect();
            let line = line.join(",");
            for (i, f) in fields.iter().enumerate() {
                prop_assert_eq!(value(csv(&line, i)), f.clone());
            }
            let missing = csv(&line, fields.len());
            prop_assert_eq!(missing, Field::MissingColumn { columns: fields.len() });
        }
    }
}
