//! A CSV reader (RFC 4180) that remembers where every field is.
//!
//! Fields are separated by `,` and records end with CRLF, LF or a lone CR (old Mac
//! exports); the last record may or may not end with a line break. A field in double
//! quotes may hold commas, line breaks and doubled quotes (`""` is one `"`); a line break
//! inside quotes is read as `\n` whatever it was written as, since texts of the data
//! format may not hold a carriage return. A UTF-8 byte order mark at the start is skipped.
//!
//! Every field keeps the byte offset where it starts (its opening quote, if quoted), so a
//! problem can name its record and field and, through [`crate::model::json::Locator`],
//! its line and column. Malformed quoting (a quote that is never closed, text after a
//! closing quote, a quote inside a field that is not quoted) is a [`CsvError`] at that
//! field, never a panic; the field keeps its text as written and reading goes on.
//!
//! Linear time: each byte is looked at once or twice; a field without doubled quotes or
//! line breaks in quotes borrows from the source, the others are built run by run.

use std::borrow::Cow;

/// One field and the byte offset of its first character in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field<'a> {
    pub text: Cow<'a, str>,
    pub offset: usize,
}

/// Why a field's quoting is malformed, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    /// 0-based record (the header is record 0).
    pub record: usize,
    /// 0-based field within its record.
    pub field: usize,
    /// Byte offset where the problem was noticed.
    pub offset: usize,
    pub message: String,
}

/// A whole CSV text: its records in order, and every quoting problem.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table<'a> {
    pub records: Vec<Vec<Field<'a>>>,
    /// By record: the byte offset just after its last field (its line break, or the end).
    pub ends: Vec<usize>,
    pub errors: Vec<CsvError>,
}

/// Reads a whole CSV text. An empty text has no records; a blank line is a record of one
/// empty field.
pub fn parse(text: &str) -> Table<'_> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        table: Table::default(),
    };
    if text.starts_with('\u{feff}') {
        reader.pos = '\u{feff}'.len_utf8();
    }
    while reader.pos < reader.bytes.len() {
        reader.record();
    }
    reader.table
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    table: Table<'a>,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or("")
    }

    /// The next position at or after `from` whose byte satisfies `stop`, else the end.
    fn find(&self, from: usize, stop: impl Fn(u8) -> bool) -> usize {
        self.bytes
            .get(from..)
            .and_then(|rest| rest.iter().position(|&b| stop(b)))
            .map_or(self.bytes.len(), |i| from + i)
    }

    fn error(&mut self, field: usize, offset: usize, message: String) {
        let record = self.table.records.len();
        self.table.errors.push(CsvError {
            record,
            field,
            offset,
            message,
        });
    }

    /// Reads one record, up to and including its line break.
    fn record(&mut self) {
        let mut fields = Vec::new();
        loop {
            let field = self.field(fields.len());
            fields.push(field);
            if self.peek() == Some(b',') {
                self.pos += 1;
                continue;
            }
            self.table.ends.push(self.pos);
            match self.peek() {
                Some(b'\r') => {
                    self.pos += 1;
                    if self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                }
                Some(b'\n') => self.pos += 1,
                _ => {}
            }
            break;
        }
        self.table.records.push(fields);
    }

    /// Reads one field, leaving the position on the byte after it (a delimiter or the end).
    fn field(&mut self, index: usize) -> Field<'a> {
        let offset = self.pos;
        if self.peek() != Some(b'"') {
            let end = self.find(offset, |b| matches!(b, b',' | b'\r' | b'\n'));
            let text = self.slice(offset, end);
            if let Some(quote) = text.find('"') {
                self.error(
                    index,
                    offset + quote,
                    "a field with a quote (\") in it must be in quotes, with the quote doubled (\"\")".to_owned(),
                );
            }
            self.pos = end;
            return Field {
                text: Cow::Borrowed(text),
                offset,
            };
        }
        self.pos += 1;
        let mut owned: Option<String> = None;
        let mut run = self.pos;
        loop {
            let at = self.find(self.pos, |b| matches!(b, b'"' | b'\r'));
            let piece = self.slice(run, at);
            match self.bytes.get(at) {
                None => {
                    self.error(
                        index,
                        offset,
                        "unterminated quoted field: the closing quote (\") is missing".to_owned(),
                    );
                    self.pos = at;
                    return Field {
                        text: finish(owned, piece),
                        offset,
                    };
                }
                Some(b'\r') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(piece);
                    s.push('\n');
                    self.pos = at + 1;
                    if self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                    run = self.pos;
                }
                Some(_) if self.bytes.get(at + 1) == Some(&b'"') => {
                    // A doubled quote: the run keeps one of them.
                    owned
                        .get_or_insert_with(String::new)
                        .push_str(self.slice(run, at + 1));
                    self.pos = at + 2;
                    run = self.pos;
                }
                Some(_) => {
                    self.pos = at + 1;
                    let mut text = finish(owned, piece);
                    let end = self.find(self.pos, |b| matches!(b, b',' | b'\r' | b'\n'));
                    if end > self.pos {
                        self.error(
                            index,
                            self.pos,
                            "text after the closing quote of a field: a quote inside a quoted field must be doubled (\"\")".to_owned(),
                        );
                        // Kept as written, after the quoted part.
                        text.to_mut().push_str(self.slice(self.pos, end));
                        self.pos = end;
                    }
                    return Field { text, offset };
                }
            }
        }
    }
}

fn finish<'a>(owned: Option<String>, last: &'a str) -> Cow<'a, str> {
    match owned {
        None => Cow::Borrowed(last),
        Some(mut s) => {
            s.push_str(last);
            Cow::Owned(s)
        }
    }
}

/// Writes records as CSV: a field is quoted when it holds a comma, a quote, a line break
/// or leading or trailing space; records end with CRLF. [`parse`] reads it back.
pub fn write<S: AsRef<str>>(records: &[Vec<S>]) -> String {
    let mut out = String::new();
    for record in records {
        for (i, field) in record.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let field = field.as_ref();
            let quoted = field.is_empty() && record.len() == 1
                || field.starts_with('\u{feff}')
                || field
                    .bytes()
                    .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'));
            if quoted {
                out.push('"');
                out.push_str(&field.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(field);
            }
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An error as (record, field, offset).
    type At = (usize, usize, usize);

    /// The fields of every record, and the errors.
    fn read(text: &str) -> (Vec<Vec<String>>, Vec<At>) {
        let table = parse(text);
        let records = table
            .records
            .iter()
            .map(|r| r.iter().map(|f| f.text.to_string()).collect())
            .collect();
        let errors = table
            .errors
            .iter()
            .map(|e| (e.record, e.field, e.offset))
            .collect();
        (records, errors)
    }

    #[test]
    fn records_and_fields_as_rfc_4180_reads_them() {
        type Case = (&'static str, &'static [&'static [&'static str]]);
        let cases: &[Case] = &[
            ("", &[]),
            ("a", &[&["a"]]),
            ("a,b\n", &[&["a", "b"]]),
            ("a,b\r\nc,d", &[&["a", "b"], &["c", "d"]]),
            ("a,b\r\nc,d\r\n", &[&["a", "b"], &["c", "d"]]),
            ("a\rb\r", &[&["a"], &["b"]]),
            ("a,\n,b\n,\n", &[&["a", ""], &["", "b"], &["", ""]]),
            ("a\n\nb", &[&["a"], &[""], &["b"]]),
            ("\u{feff}Year,Month\n", &[&["Year", "Month"]]),
            ("\"a,b\",c", &[&["a,b", "c"]]),
            ("\"say \"\"hi\"\"\",x", &[&["say \"hi\"", "x"]]),
            ("\"\"\"\"", &[&["\""]]),
            ("\"\",\"\"\n", &[&["", ""]]),
            ("\"one\r\ntwo\",3\r\n", &[&["one\ntwo", "3"]]),
            ("\"one\ntwo\rthree\"", &[&["one\ntwo\nthree"]]),
            (" a , b ", &[&[" a ", " b "]]),
            ("é,😀\n", &[&["é", "😀"]]),
            (
                "a,b,c\n1\n1,2,3,4",
                &[&["a", "b", "c"], &["1"], &["1", "2", "3", "4"]],
            ),
        ];
        for &(text, expected) in cases {
            let (records, errors) = read(text);
            assert_eq!(records, expected, "{text:?}");
            assert_eq!(errors, [], "{text:?}");
        }
    }

    #[test]
    fn every_field_keeps_its_offset() {
        let text = "\u{feff}ab,\"c\"\"d\",\r\n\"x\ny\",z";
        let table = parse(text);
        let offsets: Vec<Vec<usize>> = table
            .records
            .iter()
            .map(|r| r.iter().map(|f| f.offset).collect())
            .collect();
        assert_eq!(offsets, [vec![3, 6, 13], vec![15, 21]]);
        assert_eq!(table.ends, [13, 22]);
        assert_eq!(text.get(21..), Some("z"));
    }

    #[test]
    fn malformed_quoting_is_an_error_at_its_field_and_reading_goes_on() {
        type Case = (
            &'static str,
            &'static [&'static [&'static str]],
            &'static [(usize, usize, usize)],
        );
        let cases: &[Case] = &[
            // Never closed: the rest of the text is the field, the error at its quote.
            (
                "a\nb,\"open,\nstill",
                &[&["a"], &["b", "open,\nstill"]],
                &[(1, 1, 4)],
            ),
            // Text after the closing quote: kept after the quoted part.
            ("\"ab\"cd,e\nf", &[&["abcd", "e"], &["f"]], &[(0, 0, 4)]),
            // A bare quote in an unquoted field: kept as written.
            (
                "x,5\" floppy\ny",
                &[&["x", "5\" floppy"], &["y"]],
                &[(0, 1, 3)],
            ),
            ("\"", &[&[""]], &[(0, 0, 0)]),
        ];
        for &(text, expected, errors) in cases {
            let (records, found) = read(text);
            assert_eq!(records, expected, "{text:?}");
            assert_eq!(found, errors, "{text:?}");
        }
        let table = parse("\"a");
        assert_eq!(
            table.errors[0].message,
            "unterminated quoted field: the closing quote (\") is missing"
        );
    }

    #[test]
    fn fields_without_escapes_borrow_from_the_text() {
        let table = parse("plain,\"quoted\",\"dou\"\"bled\"");
        let borrowed: Vec<bool> = table.records[0]
            .iter()
            .map(|f| matches!(f.text, Cow::Borrowed(_)))
            .collect();
        assert_eq!(borrowed, [true, true, false]);
    }

    #[test]
    fn writing_quotes_only_what_needs_it() {
        let records = vec![vec!["a", "b,c", "say \"hi\""], vec!["line\nbreak", "", "x"]];
        assert_eq!(
            write(&records),
            "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",,x\r\n"
        );
        assert_eq!(write(&[vec![""]]), "\"\"\r\n");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn no_input_panics_and_offsets_are_in_order(text in "[a\",\r\n\u{feff}é ]{0,40}|\\PC{0,40}") {
                let table = parse(&text);
                let mut last = None;
                for field in table.records.iter().flatten() {
                    prop_assert!(field.offset <= text.len());
                    prop_assert!(text.is_char_boundary(field.offset));
                    prop_assert!(last.is_none_or(|l| l < field.offset) || field.offset == text.len());
                    last = Some(field.offset);
                }
                prop_assert_eq!(table.ends.len(), table.records.len());
                for e in &table.errors {
                    prop_assert!(e.record < table.records.len());
                    prop_assert!(e.field < table.records[e.record].len());
                }
            }

            #[test]
            fn fields_written_then_read_are_the_same(
                records in prop::collection::vec(
                    prop::collection::vec("[a\",\n é\u{feff}]{0,6}|\\PC{0,6}", 1..5), 1..6)
            ) {
                // A line break in quotes reads back as \n: no \r in the fields.
                let records: Vec<Vec<String>> = records
                    .into_iter()
                    .map(|r| r.into_iter().map(|f| f.replace('\r', "")).collect())
                    .collect();
                let text = write(&records);
                let table = parse(&text);
                prop_assert_eq!(table.errors, vec![]);
                let back: Vec<Vec<String>> = table
                    .records
                    .iter()
                    .map(|r| r.iter().map(|f| f.text.to_string()).collect())
                    .collect();
                prop_assert_eq!(back, records);
            }
        }
    }
}
