//! A strict JSON parser (RFC 8259) that remembers where every value is.
//!
//! `serde_json` throws positions away, and the validator needs them to point a newsroom
//! developer at the exact line and column of a bad date. So this small parser builds a
//! tree of [`Value`]s, each with the byte offset where it starts, and keeps an object's
//! members in order with the offset of each key (so duplicate keys can be reported).
//!
//! It is strict: no comments, no trailing commas, no single quotes, no `NaN` or
//! `Infinity`, no unescaped control characters in strings, no lone surrogates. It never
//! panics on any input, limits nesting to [`MAX_DEPTH`] levels, and runs in linear time:
//! strings without escapes borrow from the source and the others are built run by run,
//! never one character at a time. [`Locator`] turns byte offsets into 1-based lines and
//! columns (columns count characters, not bytes).

use std::borrow::Cow;
use std::fmt;

/// The deepest nesting of arrays and objects accepted; deeper input is a syntax error.
pub const MAX_DEPTH: usize = 128;

/// A JSON value and the byte offset of its first character in the source.
#[derive(Clone, Debug, PartialEq)]
pub struct Value<'a> {
    pub offset: usize,
    pub kind: Kind<'a>,
}

/// What a [`Value`] is.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind<'a> {
    Null,
    Bool(bool),
    Number(Number),
    /// Borrowed from the source when the string has no escapes.
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Members in source order, duplicates included.
    Object(Vec<Member<'a>>),
}

/// A number as `f64`, and whether it was written as an integer (no fraction, no exponent).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    pub value: f64,
    pub integer: bool,
}

/// One `"key": value` pair of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Member<'a> {
    pub key: Cow<'a, str>,
    /// The byte offset of the key's opening quote.
    pub key_offset: usize,
    pub value: Value<'a>,
}

impl Kind<'_> {
    /// The type's name with its article, for messages: "a string", "an object", "null".
    pub fn type_name(&self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool(_) => "a boolean",
            Kind::Number(_) => "a number",
            Kind::String(_) => "a string",
            Kind::Array(_) => "an array",
            Kind::Object(_) => "an object",
        }
    }
}

/// Why the text is not JSON, and the byte offset where that was noticed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SyntaxError {}

/// Parses a whole JSON text. A leading UTF-8 byte order mark is ignored (RFC 8259 §8.1).
pub fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    if text.starts_with('\u{feff}') {
        parser.pos = '\u{feff}'.len_utf8();
    }
    parser.skip_whitespace();
    let value = parser.value(0)?;
    parser.skip_whitespace();
    if parser.pos < parser.bytes.len() {
        return Err(parser.expected("the end of the text after the JSON value"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, pos: usize) -> Option<u8> {
        self.bytes.get(pos).copied()
    }

    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or("")
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn error_at(&self, offset: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            offset,
            message: message.into(),
        }
    }

    /// "expected {what}, found {whatever is at the current position}".
    fn expected(&self, what: &str) -> SyntaxError {
        if self.rest().starts_with("//") || self.rest().starts_with("/*") {
            return self.error_at(self.pos, "comments are not allowed in JSON");
        }
        if self.rest().starts_with('\'') {
            return self.error_at(self.pos, "strings must be in double quotes (\")");
        }
        self.error_at(self.pos, format!("expected {what}, found {}", self.found()))
    }

    /// The character at the current position, described for a message.
    fn found(&self) -> String {
        match self.rest().chars().next() {
            None => "the end of the text".to_owned(),
            Some(c) => describe_char(c),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, SyntaxError> {
        let offset = self.pos;
        let kind = match self.peek() {
            Some(b'{') => self.object(depth + 1)?,
            Some(b'[') => self.array(depth + 1)?,
            Some(b'"') => Kind::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => Kind::Number(self.number()?),
            Some(b't') => self.literal("true", Kind::Bool(true))?,
            Some(b'f') => self.literal("false", Kind::Bool(false))?,
            Some(b'n') => self.literal("null", Kind::Null)?,
            Some(b'/') => return Err(self.error_at(offset, "comments are not allowed in JSON")),
            Some(b'\'') => {
                return Err(self.error_at(offset, "strings must be in double quotes (\")"))
            }
            Some(b'N' | b'I')
                if self.rest().starts_with("NaN") || self.rest().starts_with("Infinity") =>
            {
                return Err(self.error_at(offset, "NaN and Infinity are not allowed in JSON"))
            }
            _ => return Err(self.expected("a JSON value")),
        };
        Ok(Value { offset, kind })
    }

    fn literal(&mut self, word: &str, kind: Kind<'a>) -> Result<Kind<'a>, SyntaxError> {
        if self.rest().starts_with(word) {
            self.pos += word.len();
            Ok(kind)
        } else {
            Err(self.error_at(self.pos, "invalid literal: expected true, false or null"))
        }
    }

    fn enter(&self, depth: usize) -> Result<(), SyntaxError> {
        if depth > MAX_DEPTH {
            Err(self.error_at(
                self.pos,
                format!("arrays and objects are nested more than {MAX_DEPTH} levels deep"),
            ))
        } else {
            Ok(())
        }
    }

    fn object(&mut self, depth: usize) -> Result<Kind<'a>, SyntaxError> {
        self.enter(depth)?;
        self.pos += 1; // '{'
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Kind::Object(members));
        }
        let mut comma: Option<usize> = None;
        loop {
            if self.peek() != Some(b'"') {
                return Err(match comma {
                    Some(at) if self.peek() == Some(b'}') => {
                        self.error_at(at, "trailing comma before '}' is not allowed")
                    }
                    Some(_) => self.expected("a string key after ','"),
                    None => self.expected("a string key or '}'"),
                });
            }
            let key_offset = self.pos;
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.expected("':' after an object key"));
            }
            self.pos += 1;
            self.skip_whitespace();
            let value = self.value(depth)?;
            members.push(Member {
                key,
                key_offset,
                value,
            });
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    comma = Some(self.pos);
                    self.pos += 1;
                    self.skip_whitespace();
                }
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Kind::Object(members));
                }
                _ => return Err(self.expected("',' or '}' after an object member")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Kind<'a>, SyntaxError> {
        self.enter(depth)?;
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Kind::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    let comma = self.pos;
                    self.pos += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        return Err(
                            self.error_at(comma, "trailing comma before ']' is not allowed")
                        );
                    }
                }
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Kind::Array(items));
                }
                _ => return Err(self.expected("',' or ']' after an array element")),
            }
        }
    }

    /// Reads a string starting at its opening quote.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        let start = self.pos;
        self.pos += 1; // '"'
        let mut owned: Option<String> = None;
        loop {
            let run_start = self.pos;
            let tail = self.bytes.get(run_start..).unwrap_or(&[]);
            self.pos += tail
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(tail.len());
            // The run ends at an ASCII byte or at the end, so it is whole characters.
            let run = self.text.get(run_start..self.pos).unwrap_or("");
            match self.peek() {
                None => {
                    return Err(
                        self.error_at(start, "unterminated string: the closing '\"' is missing")
                    )
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(run),
                        Some(mut s) => {
                            s.push_str(run);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(run);
                    let c = self.escape()?;
                    s.push(c);
                }
                Some(b) => {
                    let hint = match b {
                        b'\n' => " (write a line break as \\n)",
                        b'\t' => " (write a tab as \\t)",
                        b'\r' => " (write a carriage return as \\r)",
                        _ => "",
                    };
                    return Err(self.error_at(
                        self.pos,
                        format!("unescaped control character U+{b:04X} in a string{hint}"),
                    ));
                }
            }
        }
    }

    /// Reads an escape starting at its backslash; leaves the position after it.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let at = self.pos;
        let c = match self.peek_at(at + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(),
            None => return Err(self.error_at(at, "unterminated string: it ends in a backslash")),
            Some(_) => {
                let c = self
                    .text
                    .get(at + 1..)
                    .and_then(|s| s.chars().next())
                    .unwrap_or('?');
                let shown = if c.is_control() {
                    format!("U+{:04X}", u32::from(c))
                } else {
                    c.to_string()
                };
                return Err(self.error_at(
                    at,
                    format!(
                        "invalid escape '\\{shown}' in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"
                    ),
                ));
            }
        };
        self.pos = at + 2;
        Ok(c)
    }

    /// The four hex digits after `\u` at `at`, if they are there.
    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.bytes.get(at + 2..at + 6)?;
        if self.bytes.get(at) != Some(&b'\\') || self.bytes.get(at + 1) != Some(&b'u') {
            return None;
        }
        digits.iter().try_fold(0u32, |n, &b| {
            let d = (b as char).to_digit(16)?;
            Some(n * 16 + d)
        })
    }

    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let at = self.pos;
        let Some(unit) = self.hex4(at) else {
            return Err(self.error_at(at, "invalid \\u escape: expected four hex digits after \\u"));
        };
        let lone = |unit: u32| {
            format!("lone surrogate \\u{unit:04X} in a string: a high surrogate (\\uD800–\\uDBFF) must be followed by a low one (\\uDC00–\\uDFFF)")
        };
        let code = match unit {
            0xD800..=0xDBFF => match self.hex4(at + 6) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    self.pos = at + 12;
                    0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                }
                _ => return Err(self.error_at(at, lone(unit))),
            },
            0xDC00..=0xDFFF => return Err(self.error_at(at, lone(unit))),
            _ => {
                self.pos = at + 6;
                unit
            }
        };
        char::from_u32(code).ok_or_else(|| self.error_at(at, "invalid \\u escape"))
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Number, SyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
            if self.rest().starts_with("Infinity") {
                return Err(self.error_at(start, "NaN and Infinity are not allowed in JSON"));
            }
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.error_at(start, "numbers may not have leading zeros"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.expected("a digit after '-'")),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            integer = false;
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.expected("a digit after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            integer = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.expected("a digit in the exponent"));
            }
        }
        let written = self.text.get(start..self.pos).unwrap_or("");
        match parse_f64(written) {
            Some(value) if value.is_finite() => Ok(Number { value, integer }),
            _ => Err(self.error_at(start, format!("the number {written} is too large"))),
        }
    }
}

/// The `f64` nearest to `text`, a number in JSON's syntax (as [`parse`] has checked it, or
/// as the widget writes one into an attribute); `None` or NaN when it is not one.
///
/// In the WASM build the browser's `parseFloat` does it: for this syntax it gives the same
/// correctly rounded value as Rust's `str::parse`, whose lookup tables and slow paths would
/// otherwise add about 15 KB to the download. Natively (tests, SSR) Rust parses it.
pub fn parse_f64(text: &str) -> Option<f64> {
    #[cfg(target_arch = "wasm32")]
    {
        Some(js_sys::parse_float(text))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().ok()
    }
}

/// A character as a message shows it: `'x'`, or `U+000A` for an invisible one.
fn describe_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() || c == '\u{feff}' {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("'{c}'")
    }
}

/// Turns byte offsets into 1-based (line, column) positions, columns counting characters.
///
/// A line ends at `\n` (so `\r\n` is one line end). Asking for offsets in increasing
/// order costs linear time in total; asking for an earlier offset starts again from the
/// top. An offset past the end, or inside a character, never panics.
#[derive(Clone, Debug)]
pub struct Locator<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u32,
    column: u32,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Locator {
            bytes: text.as_bytes(),
            pos: 0,
            line: 1,
            column: 1,
        }
    }

    pub fn locate(&mut self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.bytes.len());
        if offset < self.pos {
            *self = Locator {
                bytes: self.bytes,
                pos: 0,
                line: 1,
                column: 1,
            };
        }
        for &b in self.bytes.get(self.pos..offset).unwrap_or(&[]) {
            if b == b'\n' {
                self.line = self.line.saturating_add(1);
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                // Not a UTF-8 continuation byte: a new character.
                self.column = self.column.saturating_add(1);
            }
        }
        self.pos = offset;
        (self.line, self.column)
    }
}

/// The 1-based line and column of a byte offset (see [`Locator`]).
pub fn line_column(text: &str, offset: usize) -> (u32, u32) {
    Locator::new(text).locate(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(value: f64, integer: bool) -> Kind<'static> {
        Kind::Number(Number { value, integer })
    }

    fn kind(text: &str) -> Kind<'_> {
        parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}")).kind
    }

    /// The error message and the (line, column) it points at.
    fn error(text: &str) -> (String, (u32, u32)) {
        match parse(text) {
            Ok(v) => panic!("{text:?} parsed as {v:?}"),
            Err(e) => (e.message, line_column(text, e.offset)),
        }
    }

    #[test]
    fn parses_literals_and_numbers() {
        assert_eq!(kind("true"), Kind::Bool(true));
        assert_eq!(kind("false"), Kind::Bool(false));
        assert_eq!(kind("null"), Kind::Null);
        assert_eq!(kind("0"), num(0.0, true));
        assert_eq!(kind("-0"), num(-0.0, true));
        assert_eq!(kind("42"), num(42.0, true));
        assert_eq!(kind("-17"), num(-17.0, true));
        assert_eq!(kind("2.5"), num(2.5, false));
        assert_eq!(kind("2.0"), num(2.0, false));
        assert_eq!(kind("1e3"), num(1000.0, false));
        assert_eq!(kind("1E+3"), num(1000.0, false));
        assert_eq!(kind("-1.25e-2"), num(-0.0125, false));
        assert_eq!(kind("1e-400"), num(0.0, false));
        assert_eq!(
            kind("123456789012345678901234567890"),
            num(1.2345678901234568e29, true)
        );
        assert_eq!(kind(" \t\r\n 7 \n"), num(7.0, true));
    }

    #[test]
    fn parses_strings_and_escapes() {
        assert_eq!(kind(r#""""#), Kind::String(Cow::Borrowed("")));
        assert_eq!(kind(r#""plain""#), Kind::String(Cow::Borrowed("plain")));
        assert!(matches!(
            kind(r#""no escapes""#),
            Kind::String(Cow::Borrowed(_))
        ));
        assert_eq!(
            kind(r#""a\"b\\c\/d\be\ff\ng\rh\ti""#),
            Kind::String("a\"b\\c/d\u{8}e\u{c}f\ng\rh\ti".into())
        );
        assert_eq!(kind(r#""\u0041\u00e9\u4E2D""#), Kind::String("Aé中".into()));
        assert_eq!(kind(r#""\u0000""#), Kind::String("\0".into()));
        // A surrogate pair is one character.
        assert_eq!(kind(r#""\uD83D\uDE00!""#), Kind::String("😀!".into()));
        assert_eq!(kind(r#""\ud834\udd1e""#), Kind::String("𝄞".into()));
        // Raw multi-byte UTF-8 passes through.
        assert_eq!(
            kind(r#""Téhéran, تهران, 😀""#),
            Kind::String("Téhéran, تهران, 😀".into())
        );
        assert_eq!(kind(r#""x\u00e9y😀z""#), Kind::String("xéy😀z".into()));
    }

    #[test]
    fn parses_arrays_and_objects_with_offsets() {
        let text = r#"{"a": [1, {"b": null}], "a": "again", "c": {}}"#;
        let root = parse(text).unwrap();
        assert_eq!(root.offset, 0);
        let Kind::Object(members) = &root.kind else {
            panic!("not an object")
        };
        let keys: Vec<(&str, usize, usize)> = members
            .iter()
            .map(|m| (m.key.as_ref(), m.key_offset, m.value.offset))
            .collect();
        // Duplicates are kept, in order, for the validator to report.
        assert_eq!(keys, [("a", 1, 6), ("a", 24, 29), ("c", 38, 43)]);
        let Kind::Array(items) = &members[0].value.kind else {
            panic!("not an array")
        };
        assert_eq!(
            items[0],
            Value {
                offset: 7,
                kind: num(1.0, true)
            }
        );
        assert_eq!(items[1].offset, 10);
        let Kind::Object(inner) = &items[1].kind else {
            panic!("not an object")
        };
        assert_eq!(inner[0].key, "b");
        assert_eq!(inner[0].key_offset, 11);
        assert_eq!(
            inner[0].value,
            Value {
                offset: 16,
                kind: Kind::Null
            }
        );
        assert_eq!(members[2].value.kind, Kind::Object(vec![]));
        assert_eq!(kind("[]"), Kind::Array(vec![]));
        assert_eq!(kind("[ ]"), Kind::Array(vec![]));
        assert_eq!(kind("{ }"), Kind::Object(vec![]));
        assert_eq!(
            kind(r#"{"\u0061": 1}"#),
            Kind::Object(vec![Member {
                key: "a".into(),
                key_offset: 1,
                value: Value {
                    offset: 11,
                    kind: num(1.0, true)
                }
            }])
        );
    }

    #[test]
    fn ignores_a_byte_order_mark() {
        let text = "\u{feff}[1]";
        let v = parse(text).unwrap();
        assert_eq!(v.offset, 3);
        assert_eq!(
            v.kind,
            Kind::Array(vec![Value {
                offset: 4,
                kind: num(1.0, true)
            }])
        );
    }

    #[test]
    fn reports_each_syntax_error_with_its_position() {
        let cases: &[(&str, &str, (u32, u32))] = &[
            ("", "expected a JSON value, found the end of the text", (1, 1)),
            ("   \n  ", "expected a JSON value, found the end of the text", (2, 3)),
            ("x", "expected a JSON value, found 'x'", (1, 1)),
            ("1 2", "expected the end of the text after the JSON value, found '2'", (1, 3)),
            ("{} x", "expected the end of the text after the JSON value, found 'x'", (1, 4)),
            ("{\"a\":1}}", "expected the end of the text after the JSON value, found '}'", (1, 8)),
            ("{", "expected a string key or '}', found the end of the text", (1, 2)),
            ("{a:1}", "expected a string key or '}', found 'a'", (1, 2)),
            ("{'a':1}", "strings must be in double quotes (\")", (1, 2)),
            ("{\"a\":1, 'b':2}", "strings must be in double quotes (\")", (1, 9)),
            ("{\"a\" 1}", "expected ':' after an object key, found '1'", (1, 6)),
            ("{\"a\":}", "expected a JSON value, found '}'", (1, 6)),
            ("{\"a\":1", "expected ',' or '}' after an object member, found the end of the text", (1, 7)),
            (
                "{\n  \"a\": 1\n  \"b\": 2\n}",
                "expected ',' or '}' after an object member, found '\"'",
                (3, 3),
            ),
            ("{\"a\":1,}", "trailing comma before '}' is not allowed", (1, 7)),
            ("{\"a\":1, 2}", "expected a string key after ',', found '2'", (1, 9)),
            ("[", "expected a JSON value, found the end of the text", (1, 2)),
            ("[1", "expected ',' or ']' after an array element, found the end of the text", (1, 3)),
            ("[1 2]", "expected ',' or ']' after an array element, found '2'", (1, 4)),
            ("[1,]", "trailing comma before ']' is not allowed", (1, 3)),
            ("[1,\n ]", "trailing comma before ']' is not allowed", (1, 3)),
            ("[,1]", "expected a JSON value, found ','", (1, 2)),
            ("[1}", "expected ',' or ']' after an array element, found '}'", (1, 3)),
            ("[tru]", "invalid literal: expected true, false or null", (1, 2)),
            ("nul", "invalid literal: expected true, false or null", (1, 1)),
            ("True", "expected a JSON value, found 'T'", (1, 1)),
            ("[NaN]", "NaN and Infinity are not allowed in JSON", (1, 2)),
            ("Infinity", "NaN and Infinity are not allowed in JSON", (1, 1)),
            ("-Infinity", "NaN and Infinity are not allowed in JSON", (1, 1)),
            ("// hi\n{}", "comments are not allowed in JSON", (1, 1)),
            ("{\"a\": /* c */ 1}", "comments are not allowed in JSON", (1, 7)),
            ("[1, // c\n 2]", "comments are not allowed in JSON", (1, 5)),
            ("{\"a\": 1 /* c */}", "comments are not allowed in JSON", (1, 9)),
            ("{} // end", "comments are not allowed in JSON", (1, 4)),
            ("{/", "expected a string key or '}', found '/'", (1, 2)),
            ("'x'", "strings must be in double quotes (\")", (1, 1)),
            ("01", "numbers may not have leading zeros", (1, 1)),
            ("-01", "numbers may not have leading zeros", (1, 1)),
            ("-", "expected a digit after '-', found the end of the text", (1, 2)),
            ("-x", "expected a digit after '-', found 'x'", (1, 2)),
            ("+1", "expected a JSON value, found '+'", (1, 1)),
            (".5", "expected a JSON value, found '.'", (1, 1)),
            ("1.", "expected a digit after the decimal point, found the end of the text", (1, 3)),
            ("1.e5", "expected a digit after the decimal point, found 'e'", (1, 3)),
            ("1e", "expected a digit in the exponent, found the end of the text", (1, 3)),
            ("1e+", "expected a digit in the exponent, found the end of the text", (1, 4)),
            ("0x10", "expected the end of the text after the JSON value, found 'x'", (1, 2)),
            ("1e400", "the number 1e400 is too large", (1, 1)),
            ("-1e400", "the number -1e400 is too large", (1, 1)),
            ("\"abc", "unterminated string: the closing '\"' is missing", (1, 1)),
            ("[\"ab\\\"]", "unterminated string: the closing '\"' is missing", (1, 2)),
            ("\"ab\\", "unterminated string: it ends in a backslash", (1, 4)),
            (
                "\"a\nb\"",
                "unescaped control character U+000A in a string (write a line break as \\n)",
                (1, 3),
            ),
            (
                "\"a\tb\"",
                "unescaped control character U+0009 in a string (write a tab as \\t)",
                (1, 3),
            ),
            ("\"\u{1}\"", "unescaped control character U+0001 in a string", (1, 2)),
            (
                "\"a\rb\"",
                "unescaped control character U+000D in a string (write a carriage return as \\r)",
                (1, 3),
            ),
            (
                "\"é\\x\"",
                "invalid escape '\\x' in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                (1, 3),
            ),
            (
                "\"\\é\"",
                "invalid escape '\\é' in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                (1, 2),
            ),
            ("\"\\u12\"", "invalid \\u escape: expected four hex digits after \\u", (1, 2)),
            ("\"\\u12G4\"", "invalid \\u escape: expected four hex digits after \\u", (1, 2)),
            ("\"\\u", "invalid \\u escape: expected four hex digits after \\u", (1, 2)),
            (
                "\"ab\\uD800\"",
                "lone surrogate \\uD800 in a string: a high surrogate (\\uD800–\\uDBFF) must be followed by a low one (\\uDC00–\\uDFFF)",
                (1, 4),
            ),
            (
                "\"\\uD800\\u0041\"",
                "lone surrogate \\uD800 in a string: a high surrogate (\\uD800–\\uDBFF) must be followed by a low one (\\uDC00–\\uDFFF)",
                (1, 2),
            ),
            (
                "\"\\uDE00\"",
                "lone surrogate \\uDE00 in a string: a high surrogate (\\uD800–\\uDBFF) must be followed by a low one (\\uDC00–\\uDFFF)",
                (1, 2),
            ),
            ("\u{a0}1", "expected a JSON value, found U+00A0", (1, 1)),
            ("\u{feff}\u{feff}1", "expected a JSON value, found U+FEFF", (1, 2)),
            ("é", "expected a JSON value, found 'é'", (1, 1)),
        ];
        for &(text, message, position) in cases {
            assert_eq!(error(text), (message.to_owned(), position), "{text:?}");
        }
    }

    #[test]
    fn limits_nesting_depth() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(
            error(&deep),
            (
                "arrays and objects are nested more than 128 levels deep".to_owned(),
                (1, 129)
            )
        );
        let objects = "{\"a\":".repeat(MAX_DEPTH + 1);
        assert_eq!(
            error(&objects).0,
            "arrays and objects are nested more than 128 levels deep"
        );
        // Far deeper input fails the same way instead of overflowing the stack.
        let huge = "[".repeat(1_000_000);
        assert!(parse(&huge).is_err());
    }

    #[test]
    fn columns_count_characters_and_crlf_is_one_line_end() {
        let text = "ab\ncé😀x\r\n\ty\n";
        let x = text.find('x').unwrap();
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 2), (1, 3));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, x), (2, 4));
        let y = text.find('y').unwrap();
        assert_eq!(line_column(text, y), (3, 2));
        assert_eq!(line_column(text, text.len()), (4, 1));
        // Out of range or mid-character offsets are clamped, never a panic.
        assert_eq!(line_column(text, usize::MAX), (4, 1));
        let e = text.find('é').unwrap();
        assert_eq!(line_column(text, e + 1), (2, 3));

        // A locator asked in any order agrees with the one-off function.
        let mut locator = Locator::new(text);
        for offset in [y, 0, x, x, text.len(), 3] {
            assert_eq!(locator.locate(offset), line_column(text, offset));
        }

        // Positions inside a CRLF document, through the parser.
        let crlf = "{\r\n  \"é\": 1,\r\n  \"b\" 2\r\n}";
        assert_eq!(
            error(crlf),
            (
                "expected ':' after an object key, found '2'".to_owned(),
                (3, 7)
            )
        );
        let multibyte = "[\"日本語\", x]";
        assert_eq!(
            error(multibyte),
            ("expected a JSON value, found 'x'".to_owned(), (1, 9))
        );
    }

    #[test]
    fn type_names_read_well() {
        let names: Vec<&str> = ["null", "true", "1", "\"s\"", "[]", "{}"]
            .iter()
            .map(|t| kind(t).type_name())
            .collect();
        assert_eq!(
            names,
            [
                "null",
                "a boolean",
                "a number",
                "a string",
                "an array",
                "an object"
            ]
        );
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        fn to_serde(v: &Value) -> serde_json::Value {
            match &v.kind {
                Kind::Null => serde_json::Value::Null,
                Kind::Bool(b) => serde_json::Value::Bool(*b),
                Kind::Number(n) => serde_json::json!(n.value),
                Kind::String(s) => serde_json::Value::String(s.to_string()),
                Kind::Array(items) => items.iter().map(to_serde).collect(),
                Kind::Object(members) => serde_json::Value::Object(
                    members
                        .iter()
                        .map(|m| (m.key.to_string(), to_serde(&m.value)))
                        .collect(),
                ),
            }
        }

        /// Numbers compared as f64, since that is what this parser keeps.
        fn normalise(v: &serde_json::Value) -> serde_json::Value {
            match v {
                serde_json::Value::Number(n) => serde_json::json!(n.as_f64()),
                serde_json::Value::Array(a) => a.iter().map(normalise).collect(),
                serde_json::Value::Object(o) => serde_json::Value::Object(
                    o.iter().map(|(k, v)| (k.clone(), normalise(v))).collect(),
                ),
                other => other.clone(),
            }
        }

        fn json_value() -> impl Strategy<Value = serde_json::Value> {
            let leaf = prop_oneof![
                Just(serde_json::Value::Null),
                any::<bool>().prop_map(serde_json::Value::Bool),
                any::<i64>().prop_map(|n| serde_json::json!(n)),
                any::<f64>()
                    .prop_filter("finite", |f| f.is_finite())
                    .prop_map(|f| serde_json::json!(f)),
                any::<String>().prop_map(serde_json::Value::String),
            ];
            leaf.prop_recursive(6, 64, 8, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
                    prop::collection::btree_map(any::<String>(), inner, 0..8)
                        .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
                ]
            })
        }

        proptest! {
            #[test]
            fn agrees_with_serde_json_on_its_output(v in json_value(), pretty in any::<bool>()) {
                let text = if pretty {
                    serde_json::to_string_pretty(&v).unwrap()
                } else {
                    serde_json::to_string(&v).unwrap()
                };
                let parsed = parse(&text).map_err(|e| TestCaseError::fail(format!("{e} in {text}")))?;
                prop_assert_eq!(normalise(&to_serde(&parsed)), normalise(&v));
            }

            #[test]
            fn never_panics_and_accepts_what_serde_json_accepts(s in "\\PC{0,64}|[\\[\\]{}\",:0-9eE.+\\-\\\\u tfrnaleDd]{0,64}") {
                let ours = parse(&s);
                if let Err(e) = &ours {
                    // Errors point inside the text (or at its end).
                    prop_assert!(e.offset <= s.len());
                    let _ = line_column(&s, e.offset);
                }
                let theirs = serde_json::from_str::<serde_json::Value>(&s);
                // serde_json does not skip a byte order mark; otherwise both are strict JSON.
                if !s.starts_with('\u{feff}') {
                    prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?}", s, ours);
                }
            }

            #[test]
            fn value_offsets_point_at_the_value(v in json_value()) {
                let text = serde_json::to_string_pretty(&v).unwrap();
                let parsed = parse(&text).unwrap();
                fn check(text: &str, v: &Value) -> Result<(), TestCaseError> {
                    let first = text.as_bytes()[v.offset];
                    let expected: &[u8] = match &v.kind {
                        Kind::Null => b"n",
                        Kind::Bool(true) => b"t",
                        Kind::Bool(false) => b"f",
                        Kind::Number(_) => b"-0123456789",
                        Kind::String(_) => b"\"",
                        Kind::Array(_) => b"[",
                        Kind::Object(_) => b"{",
                    };
                    prop_assert!(expected.contains(&first));
                    match &v.kind {
                        Kind::Array(items) => items.iter().try_for_each(|i| check(text, i)),
                        Kind::Object(members) => members.iter().try_for_each(|m| {
                            prop_assert_eq!(text.as_bytes()[m.key_offset], b'"');
                            check(text, &m.value)
                        }),
                        _ => Ok(()),
                    }
                }
                check(&text, &parsed)?;
            }
        }
    }
}
