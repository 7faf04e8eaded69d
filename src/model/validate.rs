//! The only way from JSON text to a [`Document`]: parse with positions, check every rule
//! of the data format, and report every problem at once, each with its JSON path and the
//! line and column of the offending value.
//!
//! Problems are errors or warnings. An event or era with an error is left out and the
//! rest are kept, so a widget can still show the valid events next to the list of
//! problems; the document itself is `None` only when the top level is unusable (the text
//! is not JSON, is not an object, or has no usable title, update date or category).
//! Unknown fields are warnings, never errors, so a newer document still loads.
//! `docs/data-format.md` lists the rules and messages; keep it in step with this file.

use std::collections::HashMap;
use std::fmt;

use super::date::Date;
use super::format::{
    Category, Document, Era, Event, Source, Text, Translations, DEFAULT_IMPORTANCE, DEFAULT_LANG,
    MAX_IMPORTANCE, MIN_IMPORTANCE,
};
use super::json::{self, Kind, Locator, Member, Value};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The value is unusable: its event or era (or the whole document) is left out.
    Error,
    /// Worth fixing, but the data is used as it is.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One thing wrong with the data, and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// The JSON path of the value, such as `events[12].date`; empty for the whole text.
    pub path: String,
    pub message: String,
    /// 1-based line of the offending value (of the object, for a missing field).
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(
            f,
            "{} (line {}, column {})",
            self.message, self.line, self.column
        )
    }
}

/// What [`validate`] found: the usable part of the document and every problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Validated {
    /// `None` when the top level is unusable; otherwise every valid event and era.
    pub document: Option<Document>,
    /// In document order.
    pub problems: Vec<Problem>,
}

impl Validated {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
    }

    /// A document and not a single error (warnings are fine).
    pub fn is_valid(&self) -> bool {
        self.document.is_some() && self.errors().next().is_none()
    }
}

/// A field of one of the format's objects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    pub name: &'static str,
    pub required: bool,
}

const fn required(name: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        required: true,
    }
}

const fn optional(name: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        required: false,
    }
}

/// The top-level object's fields. `$schema` lets editors find the JSON Schema.
pub const DOCUMENT_FIELDS: &[FieldSpec] = &[
    optional("$schema"),
    required("title"),
    optional("description"),
    required("updated"),
    required("categories"),
    optional("eras"),
    required("events"),
];
pub const CATEGORY_FIELDS: &[FieldSpec] = &[required("id"), required("label"), required("color")];
pub const ERA_FIELDS: &[FieldSpec] = &[
    required("label"),
    required("start"),
    required("end"),
    optional("summary"),
];
pub const EVENT_FIELDS: &[FieldSpec] = &[
    required("id"),
    required("date"),
    optional("approximate"),
    optional("end"),
    required("category"),
    optional("tags"),
    required("title"),
    required("summary"),
    required("sources"),
    optional("importance"),
];
pub const SOURCE_FIELDS: &[FieldSpec] = &[
    required("title"),
    required("publisher"),
    required("url"),
    optional("date"),
];

/// The longest event id accepted, in characters.
pub const MAX_ID_LEN: usize = 100;

/// Checks `text` against the data format and decodes what is usable.
pub fn validate(text: &str) -> Validated {
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(e) => {
            let (line, column) = json::line_column(text, e.offset);
            return Validated {
                document: None,
                problems: vec![Problem {
                    severity: Severity::Error,
                    path: String::new(),
                    message: format!("JSON syntax error: {}", e.message),
                    line,
                    column,
                }],
            };
        }
    };
    let mut checker = Checker {
        text,
        problems: Vec::new(),
        errors: 0,
    };
    let document = checker.document(&root);
    let mut raw = checker.problems;
    // Stable: problems at the same place keep the order they were found in.
    super::sort::sort_by_key(&mut raw, |p| (p.offset as i64, 0));
    let mut locator = Locator::new(text);
    let problems = raw
        .into_iter()
        .map(|p| {
            let (line, column) = locator.locate(p.offset);
            Problem {
                severity: p.severity,
                path: p.path,
                message: p.message,
                line,
                column,
            }
        })
        .collect();
    Validated { document, problems }
}

/// A JSON path, built on the stack as the checker descends and only turned into a
/// string when a problem is reported.
#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl<'p> Path<'p> {
    fn key(&'p self, key: &'p str) -> Path<'p> {
        Path::Key(self, key)
    }

    fn index(&'p self, index: usize) -> Path<'p> {
        Path::Index(self, index)
    }

    fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write(out);
                let plain = !key.is_empty()
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'$'));
                if plain {
                    if !matches!(parent, Path::Root) {
                        out.push('.');
                    }
                    out.push_str(key);
                } else {
                    out.push('[');
                    out.push_str(&quote_full(key));
                    out.push(']');
                }
            }
            Path::Index(parent, index) => {
                parent.write(out);
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
}

/// A string as messages show it: in double quotes, escaped so it stays on one line.
fn quote_full(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    out.push('"');
    out
}

/// Like [`quote_full`], but a long string is cut after 60 characters.
fn quote(s: &str) -> String {
    const LIMIT: usize = 60;
    let mut out = String::with_capacity(s.len().min(4 * LIMIT) + 5);
    out.push('"');
    let mut chars = s.chars();
    for c in chars.by_ref().take(LIMIT) {
        push_escaped(&mut out, c);
    }
    if chars.next().is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
            out.push_str(&format!("\\u{:04X}", u32::from(c)));
        }
        c => out.push(c),
    }
}

struct RawProblem {
    offset: usize,
    severity: Severity,
    path: String,
    message: String,
}

/// Strings seen so far, each with a number (an index, or an offset). Every map in the
/// validator has this one type, so the WASM holds one copy of the hash map's code.
type Seen<'v> = HashMap<&'v str, usize>;

struct Checker<'t> {
    /// The source, to quote numbers as they were written.
    text: &'t str,
    problems: Vec<RawProblem>,
    errors: usize,
}

/// The most fields any object of the format has.
const MAX_FIELDS: usize = 12;
const _: () = assert!(
    DOCUMENT_FIELDS.len() <= MAX_FIELDS
        && CATEGORY_FIELDS.len() <= MAX_FIELDS
        && ERA_FIELDS.len() <= MAX_FIELDS
        && EVENT_FIELDS.len() <= MAX_FIELDS
        && SOURCE_FIELDS.len() <= MAX_FIELDS
);

/// The first value of each field of an object, by its index in the spec.
struct Fields<'v> {
    spec: &'static [FieldSpec],
    values: [Option<&'v Value<'v>>; MAX_FIELDS],
}

impl<'v> Fields<'v> {
    fn get(&self, name: &str) -> Option<&'v Value<'v>> {
        let index = self.spec.iter().position(|f| f.name == name)?;
        self.values.get(index).copied().flatten()
    }
}

/// Optimal-string-alignment distance (adjacent transpositions count once), for "did you mean".
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // One flat table (row `i` at `i * w`): a `Vec` of rows costs more WASM.
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (i, cell) in d.iter_mut().step_by(w).enumerate() {
        *cell = i;
    }
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// The known field a misspelt one probably meant: within 2 edits, and fewer edits than
/// the known name has characters (so "x" does not suggest "id").
fn suggestion(unknown: &str, spec: &[FieldSpec]) -> Option<&'static str> {
    if unknown.chars().count() > 40 {
        return None;
    }
    // Per character (not `str::to_lowercase`): it only differs for a final sigma, which is
    // not ASCII either way, so no distance to a field name changes.
    let unknown = super::text::lowercase(unknown);
    spec.iter()
        .map(|f| (edit_distance(&unknown, f.name), f.name))
        .filter(|&(d, name)| d <= 2 && d < name.len())
        .min_by_key(|&(d, _)| d)
        .map(|(_, name)| name)
}

fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn is_category_id(id: &str) -> bool {
    let ok = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    match id.as_bytes().split_first() {
        Some((&first, rest)) => ok(first) && rest.iter().all(|&b| ok(b) || b == b'_' || b == b'-'),
        None => false,
    }
}

fn is_colour(s: &str) -> bool {
    match s.strip_prefix('#') {
        Some(hex) => {
            (hex.len() == 3 || hex.len() == 6) && hex.bytes().all(|b| b.is_ascii_hexdigit())
        }
        None => false,
    }
}

/// Why a URL is refused, if it is.
fn url_problem(url: &str) -> Option<String> {
    let lower_scheme = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower_scheme.starts_with("https://") {
        url.get(8..)
    } else if lower_scheme.starts_with("http://") {
        url.get(7..)
    } else {
        None
    };
    let Some(rest) = rest else {
        return Some(format!("{} is not an http(s) URL", quote(url)));
    };
    if url.chars().any(char::is_whitespace) {
        return Some(format!(
            "{} is not a valid URL: it contains whitespace",
            quote(url)
        ));
    }
    if url.chars().any(char::is_control) {
        return Some(format!(
            "{} is not a valid URL: it contains a control character",
            quote(url)
        ));
    }
    // By bytes (the delimiters are ASCII): `split` and `rsplit` bring their searchers.
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let authority = rest.get(..end).unwrap_or("");
    let host_port = match authority.bytes().rposition(|b| b == b'@') {
        Some(at) => authority.get(at + 1..).unwrap_or(""),
        None => authority,
    };
    let (host, port) = if let Some(v6) = host_port.strip_prefix('[') {
        match v6.split_once(']') {
            Some((inside, after)) => (inside, after.strip_prefix(':')),
            None => ("", None),
        }
    } else {
        match host_port.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        }
    };
    if host.is_empty() {
        return Some(format!(
            "{} is not a valid URL: the host is missing",
            quote(url)
        ));
    }
    if let Some(port) = port {
        if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
            return Some(format!(
                "{} is not a valid URL: the port is not a number",
                quote(url)
            ));
        }
    }
    None
}

/// The first character of `s` that text may not contain: controls other than \n and \t.
fn forbidden_char(s: &str) -> Option<char> {
    // Fast path: C0 controls and DEL are single bytes, C1 controls start with 0xC2.
    if !s.bytes().any(|b| b < 0x20 || b == 0x7f || b == 0xc2) {
        return None;
    }
    s.chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
}

impl Checker<'_> {
    fn report(&mut self, severity: Severity, path: &Path, offset: usize, message: String) {
        if severity == Severity::Error {
            self.errors += 1;
        }
        self.problems.push(RawProblem {
            offset,
            severity,
            path: path.render(),
            message,
        });
    }

    fn error(&mut self, path: &Path, offset: usize, message: String) {
        self.report(Severity::Error, path, offset, message);
    }

    fn warning(&mut self, path: &Path, offset: usize, message: String) {
        self.report(Severity::Warning, path, offset, message);
    }

    fn wrong_type(&mut self, path: &Path, value: &Value, expected: &str) {
        let message = format!("expected {expected}, found {}", value.kind.type_name());
        self.error(path, value.offset, message);
    }

    fn object<'v>(&mut self, value: &'v Value<'v>, path: &Path) -> Option<&'v [Member<'v>]> {
        match &value.kind {
            Kind::Object(members) => Some(members),
            _ => {
                self.wrong_type(path, value, "an object");
                None
            }
        }
    }

    fn array<'v>(&mut self, value: &'v Value<'v>, path: &Path) -> Option<&'v [Value<'v>]> {
        match &value.kind {
            Kind::Array(items) => Some(items),
            _ => {
                self.wrong_type(path, value, "an array");
                None
            }
        }
    }

    fn string<'v>(&mut self, value: &'v Value<'v>, path: &Path) -> Option<&'v str> {
        match &value.kind {
            Kind::String(s) => Some(s),
            _ => {
                self.wrong_type(path, value, "a string");
                None
            }
        }
    }

    /// Sorts an object's members into the spec's fields: unknown fields are warnings,
    /// repeated ones and missing required ones are errors.
    fn fields<'v>(
        &mut self,
        object: &'v Value<'v>,
        members: &'v [Member<'v>],
        path: &Path,
        spec: &'static [FieldSpec],
    ) -> Fields<'v> {
        let mut fields = Fields {
            spec,
            values: [None; MAX_FIELDS],
        };
        // Unknown keys seen, with their offsets.
        let mut unknown: Option<Seen> = None;
        for member in members {
            let key: &str = &member.key;
            let known = spec.iter().position(|f| f.name == key);
            let repeated = match known.and_then(|i| fields.values.get_mut(i)) {
                Some(slot @ None) => {
                    *slot = Some(&member.value);
                    false
                }
                Some(Some(_)) => true,
                None => unknown
                    .get_or_insert_with(Seen::new)
                    .insert(key, member.key_offset)
                    .is_some(),
            };
            if repeated {
                self.error(
                    &path.key(key),
                    member.key_offset,
                    format!(
                        "duplicate field {} (a field may appear only once)",
                        quote(key)
                    ),
                );
            } else if known.is_none() {
                let hint = match suggestion(key, spec) {
                    Some(name) => format!("; did you mean \"{name}\"?"),
                    None => String::new(),
                };
                self.warning(
                    &path.key(key),
                    member.key_offset,
                    format!("unknown field {} (ignored){hint}", quote(key)),
                );
            }
        }
        for (field, value) in spec.iter().zip(fields.values) {
            if field.required && value.is_none() {
                self.error(
                    path,
                    object.offset,
                    format!("missing required field \"{}\"", field.name),
                );
            }
        }
        fields
    }

    /// A one-line or multi-line text: not blank, no control characters but \n and \t.
    /// `what` names it in messages, with the language of a translation if there is one.
    fn check_text_string(
        &mut self,
        s: &str,
        value: &Value,
        path: &Path,
        (what, lang): (&str, Option<&str>),
    ) -> bool {
        let what = || match lang {
            Some(lang) => format!("{what} ({lang})"),
            None => what.to_owned(),
        };
        if let Some(c) = forbidden_char(s) {
            self.error(
                path,
                value.offset,
                format!(
                    "{} contains the control character U+{:04X}; only line breaks (\\n) and tabs (\\t) are allowed",
                    what(),
                    u32::from(c)
                ),
            );
            false
        } else if s.trim().is_empty() {
            self.error(path, value.offset, format!("{} is empty", what()));
            false
        } else {
            true
        }
    }

    /// A plain string field such as a publisher or a tag.
    fn plain(&mut self, value: &Value, path: &Path, what: &str) -> Option<String> {
        let Kind::String(s) = &value.kind else {
            self.wrong_type(path, value, "a string");
            return None;
        };
        self.check_text_string(s, value, path, (what, None))
            .then(|| s.to_string())
    }

    /// A [`Text`]: a string, or an object of translations keyed by language code.
    fn text(&mut self, value: &Value, path: &Path, what: &str) -> Option<Text> {
        match &value.kind {
            Kind::String(s) => self
                .check_text_string(s, value, path, (what, None))
                .then(|| Text::Plain(s.to_string())),
            Kind::Object(members) => {
                let errors = self.errors;
                let mut map = Translations::default();
                for member in members {
                    let lang: &str = &member.key;
                    let lang_path = path.key(lang);
                    if map.contains_key(lang) {
                        self.error(
                            &lang_path,
                            member.key_offset,
                            format!(
                                "duplicate language {} (a field may appear only once)",
                                quote(lang)
                            ),
                        );
                        continue;
                    }
                    if !is_language_code(lang) {
                        self.error(
                            &lang_path,
                            member.key_offset,
                            format!(
                                "{} is not a language code (expected a code such as \"en\", \"fr\" or \"fr-CA\")",
                                quote(lang)
                            ),
                        );
                    }
                    let Kind::String(s) = &member.value.kind else {
                        self.wrong_type(&lang_path, &member.value, "a string");
                        map.insert(lang.to_owned(), String::new());
                        continue;
                    };
                    self.check_text_string(s, &member.value, &lang_path, (what, Some(lang)));
                    // Inserted even when refused, to catch a repeat; with any error the
                    // map is thrown away.
                    map.insert(lang.to_owned(), s.to_string());
                }
                if members.is_empty() {
                    self.error(path, value.offset, format!("{what} is empty"));
                } else if !members.iter().any(|m| m.key == DEFAULT_LANG) {
                    self.warning(
                        path,
                        value.offset,
                        format!(
                            "no \"{DEFAULT_LANG}\" translation: English is the fallback for readers of other languages"
                        ),
                    );
                }
                (self.errors == errors).then_some(Text::Translated(map))
            }
            _ => {
                self.wrong_type(path, value, "a string or an object of translations");
                None
            }
        }
    }

    fn date(&mut self, value: &Value, path: &Path) -> Option<Date> {
        let s = match &value.kind {
            Kind::String(s) => s,
            _ => {
                self.wrong_type(path, value, "a date string (YYYY, YYYY-MM or YYYY-MM-DD)");
                return None;
            }
        };
        match Date::parse(s) {
            Ok(date) => Some(date),
            Err(e) => {
                self.error(
                    path,
                    value.offset,
                    format!("{} is not a valid date: {e}", quote(s)),
                );
                None
            }
        }
    }

    fn boolean(&mut self, value: &Value, path: &Path) -> Option<bool> {
        match value.kind {
            Kind::Bool(b) => Some(b),
            _ => {
                self.wrong_type(path, value, "a boolean (true or false)");
                None
            }
        }
    }

    fn end_not_before(
        &mut self,
        start: Date,
        end: Date,
        end_value: &Value,
        path: &Path,
        start_name: &str,
    ) {
        if end.last_day() < start.first_day() {
            self.error(
                path,
                end_value.offset,
                format!("end \"{end}\" is before the {start_name} \"{start}\""),
            );
        }
    }

    fn document<'v>(&mut self, root: &'v Value<'v>) -> Option<Document> {
        let Kind::Object(members) = &root.kind else {
            self.error(
                &Path::Root,
                root.offset,
                format!(
                    "expected the document to be a JSON object, found {}",
                    root.kind.type_name()
                ),
            );
            return None;
        };
        let root_path = Path::Root;
        let fields = self.fields(root, members, &root_path, DOCUMENT_FIELDS);

        if let Some(v) = fields.get("$schema") {
            self.string(v, &root_path.key("$schema"));
        }
        let title = fields
            .get("title")
            .and_then(|v| self.text(v, &root_path.key("title"), "title"));
        let description = fields
            .get("description")
            .and_then(|v| self.text(v, &root_path.key("description"), "description"));
        let updated = fields
            .get("updated")
            .and_then(|v| self.date(v, &root_path.key("updated")));

        let categories_path = root_path.key("categories");
        let mut categories = Vec::new();
        let mut known = Seen::new();
        let mut usable = Vec::new();
        let mut declared: Vec<&'v str> = Vec::new();
        if let Some(v) = fields.get("categories") {
            if let Some(items) = self.array(v, &categories_path) {
                if items.is_empty() {
                    self.error(
                        &categories_path,
                        v.offset,
                        "there must be at least one category".to_owned(),
                    );
                }
                usable.resize(items.len(), false);
                for (i, item) in items.iter().enumerate() {
                    let path = categories_path.index(i);
                    let seen = (&mut known, &mut usable, &mut declared);
                    if let Some(c) = self.category(item, &path, i, seen) {
                        categories.push(c);
                    }
                }
            }
        }

        let mut eras = Vec::new();
        if let Some(v) = fields.get("eras") {
            let eras_path = root_path.key("eras");
            if let Some(items) = self.array(v, &eras_path) {
                for (i, item) in items.iter().enumerate() {
                    if let Some(era) = self.era(item, &eras_path.index(i)) {
                        eras.push(era);
                    }
                }
            }
        }

        let mut events = Vec::new();
        if let Some(v) = fields.get("events") {
            let events_path = root_path.key("events");
            if let Some(items) = self.array(v, &events_path) {
                if items.is_empty() {
                    self.warning(
                        &events_path,
                        v.offset,
                        "the timeline has no events".to_owned(),
                    );
                }
                events.reserve(items.len());
                let categories = Categories {
                    // With no category declared at all, "unknown category" would only repeat
                    // the error about the categories; so membership is not checked then.
                    check: !known.is_empty(),
                    known: &known,
                    usable: &usable,
                    declared: &declared,
                };
                let mut ids = Seen::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    if let Some(event) =
                        self.event(item, &events_path.index(i), i, &mut ids, &categories)
                    {
                        events.push(event);
                    }
                }
            }
        }

        if categories.is_empty() {
            return None;
        }
        let mut document = Document {
            title: title?,
            description,
            updated: updated?,
            categories,
            eras,
            events,
        };
        document.sort_events();
        Some(document)
    }

    fn category<'v>(
        &mut self,
        value: &'v Value<'v>,
        path: &Path,
        index: usize,
        (known, usable, declared): CategoriesSeen<'_, 'v>,
    ) -> Option<Category> {
        let errors = self.errors;
        let members = self.object(value, path)?;
        let fields = self.fields(value, members, path, CATEGORY_FIELDS);
        let id = fields.get("id").and_then(|v| {
            let id_path = path.key("id");
            let id = self.string(v, &id_path)?;
            // Remembered even when invalid, so events using it are not also reported.
            let first = match known.get(id) {
                Some(&first) => first,
                None => {
                    known.insert(id, index);
                    index
                }
            };
            if !is_category_id(id) {
                self.error(
                    &id_path,
                    v.offset,
                    format!(
                        "{} is not a valid category id: use lowercase letters, digits, '-' and '_', starting with a letter or digit",
                        quote(id)
                    ),
                );
                return None;
            }
            if first != index {
                self.error(
                    &id_path,
                    v.offset,
                    format!("duplicate category id {} (first used by categories[{first}])", quote(id)),
                );
                return None;
            }
            Some(id)
        });
        let label = fields
            .get("label")
            .and_then(|v| self.text(v, &path.key("label"), "label"));
        let color = fields.get("color").and_then(|v| {
            let color_path = path.key("color");
            let color = self.string(v, &color_path)?;
            if is_colour(color) {
                Some(color)
            } else {
                self.error(
                    &color_path,
                    v.offset,
                    format!(
                        "{} is not a colour: expected \"#rgb\" or \"#rrggbb\" with hexadecimal digits",
                        quote(color)
                    ),
                );
                None
            }
        });
        if self.errors > errors {
            return None;
        }
        let id = id?;
        if let Some(slot) = usable.get_mut(index) {
            *slot = true;
        }
        declared.push(id);
        Some(Category {
            id: id.to_owned(),
            label: label?,
            color: color?.to_owned(),
        })
    }

    fn era(&mut self, value: &Value, path: &Path) -> Option<Era> {
        let errors = self.errors;
        let members = self.object(value, path)?;
        let fields = self.fields(value, members, path, ERA_FIELDS);
        let label = fields
            .get("label")
            .and_then(|v| self.text(v, &path.key("label"), "label"));
        let start = fields
            .get("start")
            .and_then(|v| self.date(v, &path.key("start")));
        let end_value = fields.get("end");
        let end = end_value.and_then(|v| self.date(v, &path.key("end")));
        if let (Some(start), Some(end), Some(end_value)) = (start, end, end_value) {
            self.end_not_before(start, end, end_value, &path.key("end"), "start");
        }
        let summary = match fields.get("summary") {
            Some(v) => Some(self.text(v, &path.key("summary"), "summary")?),
            None => None,
        };
        if self.errors > errors {
            return None;
        }
        Some(Era {
            label: label?,
            start: start?,
            end: end?,
            summary,
        })
    }

    fn event<'v>(
        &mut self,
        value: &'v Value<'v>,
        path: &Path,
        index: usize,
        ids: &mut Seen<'v>,
        categories: &Categories,
    ) -> Option<Event> {
        let errors = self.errors;
        let members = self.object(value, path)?;
        let fields = self.fields(value, members, path, EVENT_FIELDS);

        let id = fields
            .get("id")
            .and_then(|v| self.event_id(v, &path.key("id"), index, ids));
        let date = fields
            .get("date")
            .and_then(|v| self.date(v, &path.key("date")));
        let approximate = match fields.get("approximate") {
            Some(v) => self.boolean(v, &path.key("approximate")),
            None => Some(false),
        };
        let end = match fields.get("end") {
            Some(v) => {
                let end_path = path.key("end");
                let end = self.date(v, &end_path);
                if let (Some(start), Some(end)) = (date, end) {
                    self.end_not_before(start, end, v, &end_path, "start");
                }
                end.map(Some)
            }
            None => Some(None),
        };
        let mut usable_category = true;
        let category = fields.get("category").and_then(|v| {
            let category_path = path.key("category");
            let id = self.string(v, &category_path)?;
            if !categories.check {
                return Some(id);
            }
            match categories.known.get(id) {
                Some(&first) if categories.usable.get(first) == Some(&true) => Some(id),
                // Declared, but with errors: the event is left out without more messages.
                Some(_) => {
                    usable_category = false;
                    None
                }
                None => {
                    self.error(
                        &category_path,
                        v.offset,
                        format!(
                            "unknown category {} (known: {})",
                            quote(id),
                            categories.list()
                        ),
                    );
                    None
                }
            }
        });
        let tags = match fields.get("tags") {
            Some(v) => self.tags(v, &path.key("tags")),
            None => Some(Vec::new()),
        };
        let title = fields
            .get("title")
            .and_then(|v| self.text(v, &path.key("title"), "title"));
        let summary = fields
            .get("summary")
            .and_then(|v| self.text(v, &path.key("summary"), "summary"));
        let sources = fields
            .get("sources")
            .and_then(|v| self.sources(v, &path.key("sources")));
        let importance = match fields.get("importance") {
            Some(v) => self.importance(v, &path.key("importance")),
            None => Some(DEFAULT_IMPORTANCE),
        };
        if self.errors > errors || !usable_category {
            return None;
        }
        Some(Event {
            id: id?.to_owned(),
            date: date?,
            approximate: approximate?,
            end: end?,
            category: category?.to_owned(),
            tags: tags?,
            title: title?,
            summary: summary?,
            sources: sources?,
            importance: importance?,
        })
    }

    fn event_id<'v>(
        &mut self,
        value: &'v Value<'v>,
        path: &Path,
        index: usize,
        ids: &mut Seen<'v>,
    ) -> Option<&'v str> {
        let id = self.string(value, path)?;
        let message = if id.is_empty() {
            "id is empty".to_owned()
        } else if id.chars().count() > MAX_ID_LEN {
            format!(
                "id is {} characters long; at most {MAX_ID_LEN} are allowed",
                id.chars().count()
            )
        } else if !id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        {
            format!(
                "{} is not a valid id: use only letters, digits, '-', '_' and '.'",
                quote(id)
            )
        } else if let Some(first) = ids.get(id) {
            format!("duplicate id {} (first used by events[{first}])", quote(id))
        } else {
            ids.insert(id, index);
            return Some(id);
        };
        self.error(path, value.offset, message);
        None
    }

    fn tags(&mut self, value: &Value, path: &Path) -> Option<Vec<String>> {
        let errors = self.errors;
        let items = self.array(value, path)?;
        let tags: Vec<String> = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.plain(item, &path.index(i), "tag"))
            .collect();
        (self.errors == errors).then_some(tags)
    }

    fn sources(&mut self, value: &Value, path: &Path) -> Option<Vec<Source>> {
        let errors = self.errors;
        let items = self.array(value, path)?;
        if items.is_empty() {
            self.error(
                path,
                value.offset,
                "no sources: every event needs at least one".to_owned(),
            );
            return None;
        }
        let sources: Vec<Source> = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.source(item, &path.index(i)))
            .collect();
        (self.errors == errors).then_some(sources)
    }

    fn source(&mut self, value: &Value, path: &Path) -> Option<Source> {
        let members = self.object(value, path)?;
        let fields = self.fields(value, members, path, SOURCE_FIELDS);
        let title = fields
            .get("title")
            .and_then(|v| self.text(v, &path.key("title"), "title"));
        let publisher = fields
            .get("publisher")
            .and_then(|v| self.plain(v, &path.key("publisher"), "publisher"));
        let url = fields.get("url").and_then(|v| {
            let url_path = path.key("url");
            let url = self.string(v, &url_path)?;
            match url_problem(url) {
                None => Some(url.to_owned()),
                Some(message) => {
                    self.error(&url_path, v.offset, message);
                    None
                }
            }
        });
        let date = match fields.get("date") {
            Some(v) => Some(self.date(v, &path.key("date"))?),
            None => None,
        };
        Some(Source {
            title: title?,
            publisher: publisher?,
            url: url?,
            date,
        })
    }

    fn importance(&mut self, value: &Value, path: &Path) -> Option<u8> {
        let Kind::Number(n) = value.kind else {
            self.wrong_type(path, value, "a number (1, 2 or 3)");
            return None;
        };
        let range = f64::from(MIN_IMPORTANCE)..=f64::from(MAX_IMPORTANCE);
        if n.integer && range.contains(&n.value) {
            return Some(n.value as u8);
        }
        let written = self.number_text(value);
        let message = if n.integer {
            format!("importance {written} is not between {MIN_IMPORTANCE} and {MAX_IMPORTANCE}")
        } else {
            format!(
                "importance must be a whole number from {MIN_IMPORTANCE} to {MAX_IMPORTANCE}, found {written}"
            )
        };
        self.error(path, value.offset, message);
        None
    }

    /// A number as it was written in the source.
    fn number_text(&self, value: &Value) -> &str {
        let from = self.text.get(value.offset..).unwrap_or("");
        let end = from
            .find(|c: char| !matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E'))
            .unwrap_or(from.len());
        from.get(..end).unwrap_or("")
    }
}

/// Category ids seen so far: every declared id (valid or not) with the index of its first
/// declaration, which declarations were decoded (by index), and the valid ids in order.
type CategoriesSeen<'a, 'v> = (&'a mut Seen<'v>, &'a mut Vec<bool>, &'a mut Vec<&'v str>);

/// The categories as the events see them.
struct Categories<'c, 'v> {
    check: bool,
    /// Every declared id, with the index of its first declaration. Only the first can be
    /// valid: a repeat is an error.
    known: &'c Seen<'v>,
    /// By index: the declaration was decoded.
    usable: &'c [bool],
    /// Valid ids, in document order.
    declared: &'c [&'v str],
}

impl Categories<'_, '_> {
    /// The valid ids for an "unknown category" message (the first ten).
    fn list(&self) -> String {
        const SHOWN: usize = 10;
        let mut list = String::new();
        for (i, id) in self.declared.iter().take(SHOWN).enumerate() {
            if i > 0 {
                list.push_str(", ");
            }
            list.push_str(id);
        }
        if self.declared.len() > SHOWN {
            list.push_str(&format!(" and {} more", self.declared.len() - SHOWN));
        }
        if list.is_empty() {
            list.push_str("none");
        }
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every problem as "error: path: message (line L, column C)".
    fn problems(text: &str) -> Vec<String> {
        validate(text)
            .problems
            .iter()
            .map(|p| format!("{}: {p}", p.severity))
            .collect()
    }

    const SOURCE: &str = r#"{"title": "S", "publisher": "P", "url": "https://example.org/"}"#;

    /// A valid document around the given events (one per line, from line 5 on).
    fn with_events(events: &[&str]) -> String {
        format!(
            "{{\"title\": \"T\", \"updated\": \"2024-01-01\",\n\"categories\": [{{\"id\": \"a\", \"label\": \"A\", \"color\": \"#123\"}},\n{{\"id\": \"b\", \"label\": \"B\", \"color\": \"#abcdef\"}}],\n\"events\": [\n{}\n]}}",
            events.join(",\n")
        )
    }

    fn event(id: &str, date: &str, extra: &str) -> String {
        format!(
            r#"{{"id": "{id}", "date": "{date}", "category": "a", "title": "T", "summary": "S", "sources": [{SOURCE}]{extra}}}"#
        )
    }

    fn doc(text: &str) -> Document {
        let v = validate(text);
        v.document
            .unwrap_or_else(|| panic!("no document: {:?}", v.problems))
    }

    #[test]
    fn a_valid_document_decodes_with_defaults() {
        let text = with_events(&[
            &event("x", "2012-09-07", ""),
            &event(
                "y",
                "2001",
                r#", "approximate": true, "end": "2003-06", "tags": ["t1", "t 2"], "importance": 3"#,
            ),
        ]);
        let v = validate(&text);
        assert_eq!(v.problems, []);
        assert!(v.is_valid());
        let d = v.document.unwrap();
        assert_eq!(d.title, Text::from("T"));
        assert_eq!(d.updated, Date::parse("2024-01-01").unwrap());
        assert_eq!(d.categories.len(), 2);
        assert_eq!(d.categories[1].color, "#abcdef");
        // Sorted by date: 2001 comes first.
        let y = &d.events[0];
        assert_eq!(y.id, "y");
        assert!(y.approximate);
        assert_eq!(y.end, Some(Date::parse("2003-06").unwrap()));
        assert_eq!(y.tags, ["t1", "t 2"]);
        assert_eq!(y.importance, 3);
        let x = &d.events[1];
        assert_eq!(
            *x,
            Event {
                id: "x".into(),
                date: Date::parse("2012-09-07").unwrap(),
                approximate: false,
                end: None,
                category: "a".into(),
                tags: vec![],
                title: "T".into(),
                summary: "S".into(),
                sources: vec![Source {
                    title: "S".into(),
                    publisher: "P".into(),
                    url: "https://example.org/".into(),
                    date: None
                }],
                importance: DEFAULT_IMPORTANCE,
            }
        );
    }

    #[test]
    fn problem_display_with_and_without_path() {
        let p = Problem {
            severity: Severity::Error,
            path: "events[12].date".into(),
            message: "\"2020-13-01\" is not a valid date: month 13 is not between 1 and 12".into(),
            line: 88,
            column: 15,
        };
        assert_eq!(
            p.to_string(),
            "events[12].date: \"2020-13-01\" is not a valid date: month 13 is not between 1 and 12 (line 88, column 15)"
        );
        let top = Problem {
            path: String::new(),
            ..p
        };
        assert!(top.to_string().starts_with("\"2020-13-01\" is not"));
        assert_eq!(Severity::Warning.to_string(), "warning");
    }

    #[test]
    fn malformed_json_is_one_error_and_no_document() {
        let v = validate("{\n  \"title\": \"T\"\n  \"updated\": \"2024\"\n}");
        assert_eq!(v.document, None);
        assert!(!v.is_valid());
        assert_eq!(
            v.problems,
            [Problem {
                severity: Severity::Error,
                path: String::new(),
                message:
                    "JSON syntax error: expected ',' or '}' after an object member, found '\"'"
                        .into(),
                line: 3,
                column: 3,
            }]
        );
    }

    #[test]
    fn the_top_level_must_be_an_object() {
        for (text, found) in [("[]", "an array"), (" 3", "a number"), ("null", "null")] {
            let v = validate(text);
            assert_eq!(v.document, None);
            assert_eq!(
                problems(text),
                [format!(
                    "error: expected the document to be a JSON object, found {found} (line 1, column {})",
                    text.len() - text.trim_start().len() + 1
                )]
            );
        }
    }

    #[test]
    fn missing_fields_point_at_the_brace_and_unusable_tops_give_no_document() {
        let text = "\n  {\"events\": []}";
        let v = validate(text);
        assert_eq!(v.document, None);
        assert_eq!(
            problems(text),
            [
                "error: missing required field \"title\" (line 2, column 3)",
                "error: missing required field \"updated\" (line 2, column 3)",
                "error: missing required field \"categories\" (line 2, column 3)",
                "warning: events: the timeline has no events (line 2, column 14)",
            ]
        );
        let no_category = r#"{"title": "T", "updated": "2024", "categories": [], "events": []}"#;
        assert_eq!(validate(no_category).document, None);
        assert_eq!(
            problems(no_category)[0],
            "error: categories: there must be at least one category (line 1, column 49)"
        );
        // A bad description or bad events do not make the document unusable.
        let text = r##"{"title": "T", "description": 5, "updated": "2024",
            "categories": [{"id": "a", "label": "A", "color": "#123"}]}"##;
        let v = validate(text);
        assert_eq!(
            problems(text),
            [
                "error: missing required field \"events\" (line 1, column 1)",
                "error: description: expected a string or an object of translations, found a number (line 1, column 31)",
            ]
        );
        let d = v.document.expect("a document");
        assert_eq!(d.description, None);
        assert!(d.events.is_empty());
    }

    #[test]
    fn invalid_events_are_left_out_and_the_rest_kept() {
        let text = with_events(&[
            &event("late", "2020", ""),
            &event("bad", "2020-13-01", ""),
            &event("early", "1990-05", ""),
        ]);
        let v = validate(&text);
        assert_eq!(
            problems(&text),
            ["error: events[1].date: \"2020-13-01\" is not a valid date: month 13 is not between 1 and 12 (line 6, column 23)"]
        );
        let ids: Vec<&str> = v
            .document
            .as_ref()
            .unwrap()
            .events
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["early", "late"]);
        assert!(!v.is_valid());
        assert_eq!(v.errors().count(), 1);
        assert_eq!(v.warnings().count(), 0);
    }

    #[test]
    fn a_broken_category_does_not_cascade() {
        let text = r##"{"title": "T", "updated": "2024",
"categories": [{"id": "a", "label": "A", "color": "#123"}, {"id": "b", "label": "B", "color": "blue"},
  {"id": "Bad Id", "label": "C", "color": "#123"}],
"events": [
{"id": "1", "date": "2001", "category": "b", "title": "T", "summary": "S", "sources": [{"title": "S", "publisher": "P", "url": "https://x.org"}]},
{"id": "2", "date": "2001", "category": "Bad Id", "title": "T", "summary": "S", "sources": [{"title": "S", "publisher": "P", "url": "https://x.org"}]},
{"id": "3", "date": "2001", "category": "c", "title": "T", "summary": "S", "sources": [{"title": "S", "publisher": "P", "url": "https://x.org"}]},
{"id": "4", "date": "2001", "category": "a", "title": "T", "summary": "S", "sources": [{"title": "S", "publisher": "P", "url": "https://x.org"}]}
]}"##;
        let v = validate(text);
        assert_eq!(
            problems(text),
            [
                "error: categories[1].color: \"blue\" is not a colour: expected \"#rgb\" or \"#rrggbb\" with hexadecimal digits (line 2, column 95)",
                "error: categories[2].id: \"Bad Id\" is not a valid category id: use lowercase letters, digits, '-' and '_', starting with a letter or digit (line 3, column 10)",
                "error: events[2].category: unknown category \"c\" (known: a) (line 7, column 41)",
            ]
        );
        // Events of broken categories are left out: the document only has valid references.
        let d = v.document.unwrap();
        assert_eq!(d.categories.len(), 1);
        let ids: Vec<&str> = d.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["4"]);
    }

    #[test]
    fn only_the_first_declaration_of_a_category_id_counts() {
        // "a" is first declared broken: its valid-looking repeat does not make it usable.
        // "b" is first declared valid: its broken repeat does not break it.
        let text = r##"{"title": "T", "updated": "2024",
"categories": [{"id": "a", "label": "", "color": "#123"}, {"id": "b", "label": "B", "color": "#123"},
  {"id": "a", "label": "A", "color": "#123"}, {"id": "b", "label": "B", "color": "blue"}],
"events": [
{"id": "1", "date": "2001", "category": "a", "title": "T", "summary": "S", "sources": [{"title": "S", "publisher": "P", "url": "https://x.org"}]},
{"id": "2", "date": "2001", "category": "b", "title": "T", "summary": "S", "sources": [{"title": "S", "publisher": "P", "url": "https://x.org"}]}
]}"##;
        let v = validate(text);
        assert_eq!(
            problems(text),
            [
                "error: categories[0].label: label is empty (line 2, column 37)",
                "error: categories[2].id: duplicate category id \"a\" (first used by categories[0]) (line 3, column 10)",
                "error: categories[3].id: duplicate category id \"b\" (first used by categories[1]) (line 3, column 54)",
                "error: categories[3].color: \"blue\" is not a colour: expected \"#rgb\" or \"#rrggbb\" with hexadecimal digits (line 3, column 82)",
            ]
        );
        let d = v.document.unwrap();
        assert_eq!(d.categories.len(), 1);
        let ids: Vec<&str> = d.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["2"]);
    }

    #[test]
    fn the_known_categories_list_shows_ten_then_a_count() {
        let known = Seen::new();
        let list = |declared: &[&str]| {
            Categories {
                check: true,
                known: &known,
                usable: &[],
                declared,
            }
            .list()
        };
        assert_eq!(list(&[]), "none");
        assert_eq!(list(&["a"]), "a");
        assert_eq!(list(&["a", "b-c"]), "a, b-c");
        let ids = [
            "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
        ];
        assert_eq!(list(&ids[..10]), "1, 2, 3, 4, 5, 6, 7, 8, 9, 10");
        assert_eq!(list(&ids), "1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more");
    }

    #[test]
    fn without_any_category_events_are_not_checked_against_them() {
        let text = format!(
            r#"{{"title": "T", "updated": "2024", "events": [{}]}}"#,
            event("x", "2001", "")
        );
        assert_eq!(
            problems(&text),
            ["error: missing required field \"categories\" (line 1, column 1)"]
        );
    }

    #[test]
    fn problems_are_in_document_order_whatever_the_field_order() {
        let text = format!(
            "{{\"events\": [{}],\n\"categories\": [{{\"id\": \"a\", \"label\": \"A\", \"color\": \"#12\"}}],\n\"title\": \"\", \"updated\": \"2024\"}}",
            event("x", "2001", r#", "importance": 0"#)
        );
        let v = validate(&text);
        assert_eq!(
            problems(&text),
            [
                "error: events[0].importance: importance 0 is not between 1 and 3 (line 1, column 180)",
                "error: categories[0].color: \"#12\" is not a colour: expected \"#rgb\" or \"#rrggbb\" with hexadecimal digits (line 2, column 51)",
                "error: title: title is empty (line 3, column 10)",
            ]
        );
        assert_eq!(v.document, None);
    }

    #[test]
    fn unknown_fields_are_warnings_with_suggestions() {
        let text = with_events(&[&event(
            "x",
            "2001",
            r#", "titel": "T", "Summary": "S", "zzz": 1, "x": 2"#,
        )]);
        let v = validate(&text);
        assert_eq!(
            problems(&text),
            [
                "warning: events[0].titel: unknown field \"titel\" (ignored); did you mean \"title\"? (line 5, column 154)",
                "warning: events[0].Summary: unknown field \"Summary\" (ignored); did you mean \"summary\"? (line 5, column 168)",
                "warning: events[0].zzz: unknown field \"zzz\" (ignored) (line 5, column 184)",
                "warning: events[0].x: unknown field \"x\" (ignored) (line 5, column 194)",
            ]
        );
        assert!(v.is_valid());
        assert_eq!(v.document.unwrap().events.len(), 1);
        // A field that is only meaningful at the top level is still unknown elsewhere.
        assert_eq!(suggestion("colour", CATEGORY_FIELDS), Some("color"));
        assert_eq!(suggestion("lable", CATEGORY_FIELDS), Some("label"));
        assert_eq!(suggestion("x", CATEGORY_FIELDS), None);
        assert_eq!(suggestion("ids", CATEGORY_FIELDS), Some("id"));
        assert_eq!(suggestion("source", EVENT_FIELDS), Some("sources"));
        assert_eq!(suggestion("importance_level", EVENT_FIELDS), None);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("title", "titel"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("é", "e"), 1);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("ab", "ba"), 1);
        // Optimal string alignment: a transposed pair is not edited again.
        assert_eq!(edit_distance("ca", "abc"), 3);
        assert_eq!(edit_distance("publisher", "pubisher"), 1);
        assert_eq!(edit_distance("summary", "sumary "), 2);
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let text = with_events(&[&event("x", "2001", r#", "title": "Again""#)]);
        let v = validate(&text);
        assert_eq!(
            problems(&text),
            ["error: events[0].title: duplicate field \"title\" (a field may appear only once) (line 5, column 154)"]
        );
        assert!(v.document.unwrap().events.is_empty());
        let text = with_events(&[&event("x", "2001", r#", "foo": 1, "foo": 2"#)]);
        assert_eq!(
            problems(&text),
            [
                "warning: events[0].foo: unknown field \"foo\" (ignored) (line 5, column 154)",
                "error: events[0].foo: duplicate field \"foo\" (a field may appear only once) (line 5, column 164)",
            ]
        );
        let text = with_events(&[&event("x", "2001", "").replace(
            r#""title": "T""#,
            r#""title": {"en": "T", "fr": "U", "en": "V"}"#,
        )]);
        assert_eq!(
            problems(&text),
            ["error: events[0].title.en: duplicate language \"en\" (a field may appear only once) (line 5, column 78)"]
        );
    }

    #[test]
    fn translations() {
        let text = with_events(&[&event("x", "2001", "").replace(
            r#""title": "T""#,
            r#""title": {"fr": "Titre", "fr-CA": "Titre", "fa": "عنوان"}"#,
        )]);
        let v = validate(&text);
        assert_eq!(
            problems(&text),
            ["warning: events[0].title: no \"en\" translation: English is the fallback for readers of other languages (line 5, column 55)"]
        );
        let d = v.document.unwrap();
        let Text::Translated(map) = &d.events[0].title else {
            panic!("not translated")
        };
        assert_eq!(map.len(), 3);
        assert_eq!(map.get("fa"), Some("عنوان"));

        for (title, expected) in [
            (r#"{}"#, "error: events[0].title: title is empty (line 5, column 55)"),
            (r#""   ""#, "error: events[0].title: title is empty (line 5, column 55)"),
            (r#""""#, "error: events[0].title: title is empty (line 5, column 55)"),
            (
                r#"{"en": " \n"}"#,
                "error: events[0].title.en: title (en) is empty (line 5, column 62)",
            ),
            (
                r#"{"en": 1}"#,
                "error: events[0].title.en: expected a string, found a number (line 5, column 62)",
            ),
            (
                r#"{"en": "T", "EN": "T"}"#,
                "error: events[0].title.EN: \"EN\" is not a language code (expected a code such as \"en\", \"fr\" or \"fr-CA\") (line 5, column 67)",
            ),
            (
                r#"["T"]"#,
                "error: events[0].title: expected a string or an object of translations, found an array (line 5, column 55)",
            ),
            (
                r#""a\u0000b""#,
                "error: events[0].title: title contains the control character U+0000; only line breaks (\\n) and tabs (\\t) are allowed (line 5, column 55)",
            ),
            (
                r#""a\r\nb""#,
                "error: events[0].title: title contains the control character U+000D; only line breaks (\\n) and tabs (\\t) are allowed (line 5, column 55)",
            ),
            (
                r#""a\u0085b""#,
                "error: events[0].title: title contains the control character U+0085; only line breaks (\\n) and tabs (\\t) are allowed (line 5, column 55)",
            ),
        ] {
            let text = with_events(&[&event("x", "2001", "").replace(r#""title": "T""#, &format!(r#""title": {title}"#))]);
            assert_eq!(problems(&text), [expected], "{title}");
            assert!(validate(&text).document.unwrap().events.is_empty());
        }
        // Line breaks, tabs and non-ASCII text are fine.
        let text = with_events(&[
            &event("x", "2001", "").replace(r#""title": "T""#, r#""title": "a\n\tb « c » é""#)
        ]);
        assert_eq!(doc(&text).events[0].title, Text::from("a\n\tb « c » é"));
        for (code, ok) in [
            ("en", true),
            ("fr", true),
            ("fa", true),
            ("fil", true),
            ("fr-CA", true),
            ("zh-Hant-TW", true),
            ("en-", false),
            ("e", false),
            ("engl", false),
            ("EN", false),
            ("fr_CA", false),
            ("fr-toolongtag", false),
            ("", false),
        ] {
            assert_eq!(is_language_code(code), ok, "{code}");
        }
    }

    #[test]
    fn event_field_rules() {
        let cases: &[(&str, &str)] = &[
            (r#", "approximate": "yes""#, "events[0].approximate: expected a boolean (true or false), found a string"),
            (r#", "approximate": null"#, "events[0].approximate: expected a boolean (true or false), found null"),
            (r#", "end": "2000""#, "events[0].end: end \"2000\" is before the start \"2001\""),
            (r#", "end": 2002"#, "events[0].end: expected a date string (YYYY, YYYY-MM or YYYY-MM-DD), found a number"),
            (r#", "importance": "3""#, "events[0].importance: expected a number (1, 2 or 3), found a string"),
            (r#", "importance": 2.0"#, "events[0].importance: importance must be a whole number from 1 to 3, found 2.0"),
            (r#", "importance": 1e0"#, "events[0].importance: importance must be a whole number from 1 to 3, found 1e0"),
            (r#", "importance": -1"#, "events[0].importance: importance -1 is not between 1 and 3"),
            (r#", "importance": 99999999999999999999"#, "events[0].importance: importance 99999999999999999999 is not between 1 and 3"),
            (r#", "tags": "a""#, "events[0].tags: expected an array, found a string"),
            (r#", "tags": ["a", " "]"#, "events[0].tags[1]: tag is empty"),
            (r#", "tags": [1]"#, "events[0].tags[0]: expected a string, found a number"),
        ];
        for (extra, expected) in cases {
            let text = with_events(&[&event("x", "2001", extra)]);
            let found = problems(&text);
            assert_eq!(found.len(), 1, "{extra}: {found:?}");
            assert!(
                found[0].starts_with(&format!("error: {expected} (line 5, column ")),
                "{extra}: {found:?}"
            );
            assert!(doc(&text).events.is_empty(), "{extra}");
        }
        // An end in the same period as the start is fine, whatever the precisions.
        for (date, end) in [
            ("2001", "2001"),
            ("2001-05-06", "2001"),
            ("2001", "2001-01"),
            ("2001-02", "2001-02-01"),
        ] {
            let text = with_events(&[&event("x", date, &format!(r#", "end": "{end}""#))]);
            assert_eq!(problems(&text), Vec::<String>::new(), "{date} {end}");
        }
    }

    #[test]
    fn event_ids() {
        let long = "a".repeat(101);
        let cases: &[(&str, &str)] = &[
            ("", "id is empty"),
            (
                "a b",
                "\"a b\" is not a valid id: use only letters, digits, '-', '_' and '.'",
            ),
            (
                "é",
                "\"é\" is not a valid id: use only letters, digits, '-', '_' and '.'",
            ),
            (&long, "id is 101 characters long; at most 100 are allowed"),
        ];
        for (id, expected) in cases {
            let text = with_events(&[&event(id, "2001", "")]);
            assert_eq!(
                problems(&text),
                [format!(
                    "error: events[0].id: {expected} (line 5, column 8)"
                )]
            );
        }
        let ok = "A-z_0.9".to_owned() + &"a".repeat(93);
        assert_eq!(
            problems(&with_events(&[&event(&ok, "2001", "")])),
            Vec::<String>::new()
        );
        let text = with_events(&[
            &event("x", "2001", ""),
            &event("y", "2001", ""),
            &event("x", "2001", ""),
            &event("x", "2001", ""),
        ]);
        assert_eq!(
            problems(&text),
            [
                "error: events[2].id: duplicate id \"x\" (first used by events[0]) (line 7, column 8)",
                "error: events[3].id: duplicate id \"x\" (first used by events[0]) (line 8, column 8)",
            ]
        );
        let ids: Vec<String> = doc(&text).events.into_iter().map(|e| e.id).collect();
        assert_eq!(ids, ["x", "y"]);
        let text = with_events(&[&event("x", "2001", "").replace(r#""id": "x""#, r#""id": 7"#)]);
        assert_eq!(
            problems(&text),
            ["error: events[0].id: expected a string, found a number (line 5, column 8)"]
        );
    }

    #[test]
    fn sources_and_urls() {
        let text = with_events(&[&event("x", "2001", "").replace(&format!("[{SOURCE}]"), "[]")]);
        assert_eq!(
            problems(&text),
            ["error: events[0].sources: no sources: every event needs at least one (line 5, column 87)"]
        );
        let text = with_events(&[&event("x", "2001", "").replace(
            SOURCE,
            r#"{"title": {"en": "S"}, "publisher": "", "url": "https://example.org", "date": "2001-02-29", "author": "A"}"#,
        )]);
        assert_eq!(
            problems(&text),
            [
                "error: events[0].sources[0].publisher: publisher is empty (line 5, column 124)",
                "error: events[0].sources[0].date: \"2001-02-29\" is not a valid date: February 2001 has 28 days, not 29 (line 5, column 166)",
                "warning: events[0].sources[0].author: unknown field \"author\" (ignored) (line 5, column 180)",
            ]
        );
        let text =
            with_events(&[&event("x", "2001", "").replace(SOURCE, "\"https://example.org\"")]);
        assert_eq!(
            problems(&text),
            ["error: events[0].sources[0]: expected an object, found a string (line 5, column 88)"]
        );

        for (url, ok) in [
            ("https://example.org", true),
            ("http://example.org/a?b=c#d", true),
            ("HTTPS://EXAMPLE.ORG/", true),
            ("https://user@example.org:8080/x", true),
            ("https://[::1]:80/", true),
            ("https://example.org/?a=<b>", true),
            ("https://例え.jp/パス", true),
            ("javascript:alert(1)", false),
            ("ftp://example.org", false),
            ("/relative/path", false),
            ("example.org", false),
            ("//example.org", false),
            ("https:/example.org", false),
            ("https://", false),
            ("https:///path", false),
            ("https://:80/", false),
            ("https://example.org:/", false),
            ("https://example.org:8a/", false),
            ("https://exa mple.org", false),
            ("https://example.org/\u{7f}", false),
            ("https://example.org/\u{a0}", false),
            ("", false),
            ("h", false),
            ("httpé://x", false),
            ("https://user@example.org/", true),
            ("https://user:pw@example.org:8080/x", true),
            ("https://a@b@example.org", true),
            ("https://user@/", false),
            ("https://@", false),
            ("https://user@example.org:x/", false),
            ("https://example.org#x@", true),
            ("https://example.org?q=a@b:c", true),
            ("https://[::1]:80/", true),
            ("https://[::1/", false),
        ] {
            assert_eq!(
                url_problem(url).is_none(),
                ok,
                "{url}: {:?}",
                url_problem(url)
            );
        }
        assert_eq!(
            url_problem("javascript:alert(1)").unwrap(),
            "\"javascript:alert(1)\" is not an http(s) URL"
        );
        assert_eq!(
            url_problem("https://a b").unwrap(),
            "\"https://a b\" is not a valid URL: it contains whitespace"
        );
        assert_eq!(
            url_problem("https://").unwrap(),
            "\"https://\" is not a valid URL: the host is missing"
        );
    }

    #[test]
    fn categories_and_colours() {
        for (id, ok) in [
            ("a", true),
            ("0", true),
            ("human-rights_2", true),
            ("-a", false),
            ("_a", false),
            ("A", false),
            ("a b", false),
            ("é", false),
            ("", false),
        ] {
            assert_eq!(is_category_id(id), ok, "{id}");
        }
        for (colour, ok) in [
            ("#abc", true),
            ("#ABCDEF", true),
            ("#012345", true),
            ("abc", false),
            ("#abcd", false),
            ("#ggg", false),
            ("#", false),
            ("#aabbccdd", false),
            ("red", false),
        ] {
            assert_eq!(is_colour(colour), ok, "{colour}");
        }
        let text = r##"{"title": "T", "updated": "2024", "events": [],
"categories": [{"id": "a", "label": "A", "color": "#123"}, {"id": "a", "label": "A2", "color": "#456"}, 5]}"##;
        let v = validate(text);
        assert_eq!(
            problems(text),
            [
                "warning: events: the timeline has no events (line 1, column 45)",
                "error: categories[1].id: duplicate category id \"a\" (first used by categories[0]) (line 2, column 67)",
                "error: categories[2]: expected an object, found a number (line 2, column 105)",
            ]
        );
        let d = v.document.unwrap();
        assert_eq!(d.categories.len(), 1);
        assert_eq!(d.categories[0].label, Text::from("A"));
    }

    #[test]
    fn eras() {
        let text = r##"{"title": "T", "updated": "2024", "events": [],
"categories": [{"id": "a", "label": "A", "color": "#123"}],
"eras": [
  {"label": "Good", "start": "1980", "end": "2012-09", "summary": {"en": "S"}},
  {"label": "Backwards", "start": "2012-09-07", "end": "2012-09-06"},
  {"label": "Same", "start": "2012-09-07", "end": "2012-09"},
  {"start": "2000", "end": "2001", "summary": ""}
]}"##;
        let v = validate(text);
        assert_eq!(
            problems(text),
            [
                "warning: events: the timeline has no events (line 1, column 45)",
                "error: eras[1].end: end \"2012-09-06\" is before the start \"2012-09-07\" (line 5, column 56)",
                "error: eras[3]: missing required field \"label\" (line 7, column 3)",
                "error: eras[3].summary: summary is empty (line 7, column 47)",
            ]
        );
        let labels: Vec<String> = v
            .document
            .unwrap()
            .eras
            .iter()
            .map(|e| e.label.get("en").to_owned())
            .collect();
        assert_eq!(labels, ["Good", "Same"]);
        let text = r##"{"title": "T", "updated": "2024", "events": [], "eras": {},
"categories": [{"id": "a", "label": "A", "color": "#123"}]}"##;
        assert_eq!(
            problems(text)[1],
            "error: eras: expected an array, found an object (line 1, column 57)"
        );
    }

    #[test]
    fn paths_and_quotes_stay_readable() {
        let root = Path::Root;
        let events = root.key("events");
        let e = events.index(12);
        assert_eq!(e.key("date").render(), "events[12].date");
        assert_eq!(e.key("a b").render(), "events[12][\"a b\"]");
        assert_eq!(root.key("x\"\n").render(), "[\"x\\\"\\n\"]");
        assert_eq!(root.key("$schema").render(), "$schema");
        assert_eq!(root.key("").render(), "[\"\"]");
        assert_eq!(quote("a\u{0}\u{2028}"), "\"a\\u0000\\u2028\"");
        let long = "é".repeat(100);
        assert_eq!(quote(&long), format!("\"{}…\"", "é".repeat(60)));
        // A nasty unknown key still yields a one-line problem.
        let text = "{\"title\": \"T\", \"updated\": \"2024\", \"events\": [], \"categories\": [{\"id\": \"a\", \"label\": \"A\", \"color\": \"#123\"}], \"a\\nb\": 1}";
        let p = &validate(text).problems[1];
        assert_eq!(
            p.to_string(),
            "[\"a\\nb\"]: unknown field \"a\\nb\" (ignored) (line 1, column 109)"
        );
        assert!(!p.to_string().contains('\n'));
    }

    #[test]
    fn many_problems_on_one_long_line_stay_fast() {
        // Minified data with an error in each of 20,000 events: locating every problem must
        // not rescan the line from its start each time.
        let bad = event("x", "2020-13-01", "").replace(r#""id": "x", "#, "");
        let events: Vec<String> = (0..20_000).map(|_| bad.clone()).collect();
        let refs: Vec<&str> = events.iter().map(String::as_str).collect();
        let text = with_events(&refs).replace('\n', " ");
        let started = std::time::Instant::now();
        let v = validate(&text);
        assert_eq!(v.problems.len(), 40_000);
        assert_eq!(v.problems.last().unwrap().line, 1);
        // Generous: a quadratic locator takes minutes here.
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
    }
}
