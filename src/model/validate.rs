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

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use super::date::Date;
use super::format::{
    Category, Document, Era, Event, Source, Text, DEFAULT_IMPORTANCE, DEFAULT_LANG, MAX_IMPORTANCE,
    MIN_IMPORTANCE,
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
    raw.sort_by_key(|p| p.offset);
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

/// What is known about a category id, for checking the events that use it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CategoryState {
    Valid,
    /// Declared, but with errors: events using it are left out without more messages.
    Broken,
}

struct Checker<'t> {
    /// The source, to quote numbers as they were written.
    text: &'t str,
    problems: Vec<RawProblem>,
    errors: usize,
}

/// The first value of each field of an object, by its index in the spec.
struct Fields<'v> {
    spec: &'static [FieldSpec],
    values: [Option<&'v Value<'v>>; 12],
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
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    rows[a.len()][b.len()]
}

/// The known field a misspelt one probably meant: within 2 edits, and fewer edits than
/// the known name has characters (so "x" does not suggest "id").
fn suggestion(unknown: &str, spec: &[FieldSpec]) -> Option<&'static str> {
    if unknown.chars().count() > 40 {
        return None;
    }
    spec.iter()
        .map(|f| (edit_distance(&unknown.to_lowercase(), f.name), f.name))
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
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
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
            values: [None; 12],
        };
        let mut unknown: Option<HashSet<&str>> = None;
        for member in members {
            let key: &str = &member.key;
            let known = spec.iter().position(|f| f.name == key);
            let repeated = match known.and_then(|i| fields.values.get_mut(i)) {
                Some(slot @ None) => {
                    *slot = Some(&member.value);
                    false
                }
                Some(Some(_)) => true,
                None => !unknown.get_or_insert_with(HashSet::new).insert(key),
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
                let mut map = BTreeMap::new();
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
        let mut known: HashMap<&'v str, CategoryState> = HashMap::new();
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
                let mut first_index: HashMap<&'v str, usize> = HashMap::new();
                for (i, item) in items.iter().enumerate() {
                    let path = categories_path.index(i);
                    let seen = (&mut first_index, &mut known, &mut declared);
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
                    declared: &declared,
                };
                let mut ids: HashMap<&'v str, usize> = HashMap::with_capacity(items.len());
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
        (first_index, known, declared): CategoriesSeen<'_, 'v>,
    ) -> Option<Category> {
        let errors = self.errors;
        let members = self.object(value, path)?;
        let fields = self.fields(value, members, path, CATEGORY_FIELDS);
        let id = fields.get("id").and_then(|v| {
            let id_path = path.key("id");
            let id = self.string(v, &id_path)?;
            // Remembered even when invalid, so events using it are not also reported.
            known.entry(id).or_insert(CategoryState::Broken);
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
            if let Some(first) = first_index.get(id) {
                self.error(
                    &id_path,
                    v.offset,
                    format!("duplicate category id {} (first used by categories[{first}])", quote(id)),
                );
                return None;
            }
            first_index.insert(id, index);
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
        known.insert(id, CategoryState::Valid);
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
        ids: &mut HashMap<&'v str, usize>,
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
                Some(CategoryState::Valid) => Some(id),
                Some(CategoryState::Broken) => {
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
        ids: &mut HashMap<&'v str, usize>,
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

/// Category ids seen so far: the index of each valid one's first use, the state of every
/// declared one, and the valid ones in order.
type CategoriesSeen<'a, 'v> = (
    &'a mut HashMap<&'v str, usize>,
    &'a mut HashMap<&'v str, CategoryState>,
    &'a mut Vec<&'v str>,
);

/// The categories as the events see them.
struct Categories<'c, 'v> {
    check: bool,
    known: &'c HashMap<&'v str, CategoryState>,
    /// Valid ids, in document order.
    declared: &'c [&'v str],
}

impl Categories<'_, '_> {
    /// The valid ids for an "unknown category" message (the first ten).
    fn list(&self) -> String {
        const SHOWN: usize = 10;
        let mut list = self
            .declared
            .iter()
            .take(SHOWN)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if self.declared.len() > SHOWN {
            list.push_str(&format!(" and {} more", self.declared.len() - SHOWN));
        }
        if list.is_empty() {
            list.push_str("none");
        }
        list
    }
}
