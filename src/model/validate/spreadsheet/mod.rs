//! Spreadsheets: CSV text in one of two layouts, recognised by its header row, checked by
//! the same rules as JSON and reported by row and column header.
//!
//! Each data row is turned into the JSON value the row stands for (an event, an era or
//! the title), every value carrying the byte offset of the cell it came from; the
//! document of those values is then checked by the validator's own [`Checker`], so the
//! dates, ids, texts, translations and URLs follow exactly the rules of the JSON format.
//! A problem is found at a cell's offset, which names its row and column: its path is
//! `row 14, "End Year"` (row 1 is the header, as a spreadsheet numbers them) and its line
//! and column are in the text. A row with an error is left out, the others are kept.
//!
//! That is our layout. TimelineJS3's (`timelinejs.rs`) is read into TimelineJS3's own
//! slides instead and mapped by [`crate::model::timelinejs::map`], as its JSON is. The
//! layout is the one most of the header's cells belong to (ours on a tie).

use std::borrow::Cow;

use super::checker::{Checker, Seen};
use super::fields::FieldSpec;
use super::rules::{is_language_code, suggestion};
use crate::model::csv::{self, Field};
use crate::model::format::{id_safe, Text};
use crate::model::json::{parse_f64, Kind, Member, Number, Value};
use crate::model::paths::{quote, Path};
use crate::model::problem::{locate, RawProblem, Severity, Validated};
use crate::model::timelinejs::{palette_color, UNGROUPED_COLOR};

mod timelinejs;

/// Whether `text` is to be read as CSV: it does not start like JSON (`{`, `[`), and its
/// first line is one of the layouts' header rows or at least has a comma.
pub(super) fn is_csv(text: &str) -> bool {
    let rest = text.trim_start_matches('\u{feff}').trim_start();
    if rest.starts_with(['{', '[']) || rest.is_empty() {
        return false;
    }
    let line = rest.split(['\n', '\r']).next().unwrap_or("");
    line.contains(',')
        || header_names(line).any(|h| column(h).is_some() || timelinejs::column(h).is_some())
}

fn header_names(line: &str) -> impl Iterator<Item = &str> {
    line.split(',').map(|h| h.trim().trim_matches('"'))
}

/// What a column of our layout holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Base {
    Type,
    Id,
    Date,
    End,
    DateLabel,
    Approximate,
    Title,
    Summary,
    Category,
    Importance,
    Tags,
    SourceUrl,
    SourceTitle,
    SourcePublisher,
    SourceDate,
    MediaUrl,
    MediaAlt,
    MediaCaption,
    MediaCredit,
    MediaLink,
    Color,
    MediaThumbnail,
}

/// Our layout's columns, as written in the header (case and spaces aside).
const COLUMNS: &[(&str, Base)] = &[
    ("type", Base::Type),
    ("id", Base::Id),
    ("date", Base::Date),
    ("end_date", Base::End),
    ("date_label", Base::DateLabel),
    ("approximate", Base::Approximate),
    ("title", Base::Title),
    ("summary", Base::Summary),
    ("category", Base::Category),
    ("importance", Base::Importance),
    ("tags", Base::Tags),
    ("source_url", Base::SourceUrl),
    ("source_title", Base::SourceTitle),
    ("source_publisher", Base::SourcePublisher),
    ("source_date", Base::SourceDate),
    ("media_url", Base::MediaUrl),
    ("media_alt", Base::MediaAlt),
    ("media_caption", Base::MediaCaption),
    ("media_credit", Base::MediaCredit),
    ("media_link", Base::MediaLink),
    ("color", Base::Color),
    ("media_thumbnail", Base::MediaThumbnail),
];

/// The same names as field specs, for "did you mean".
const COLUMN_SPECS: &[FieldSpec] = &[
    spec("type"),
    spec("id"),
    spec("date"),
    spec("end_date"),
    spec("date_label"),
    spec("approximate"),
    spec("title"),
    spec("summary"),
    spec("category"),
    spec("importance"),
    spec("tags"),
    spec("source_url"),
    spec("source_title"),
    spec("source_publisher"),
    spec("source_date"),
    spec("media_url"),
    spec("media_alt"),
    spec("media_caption"),
    spec("media_credit"),
    spec("media_link"),
    spec("color"),
    spec("media_thumbnail"),
];

const fn spec(name: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        required: false,
    }
}

/// The most sources a row may have (`source_url` to `source_url_20`): so a header of
/// numbered columns costs bounded work per row.
const MAX_SOURCES: u32 = 20;

/// The most header cells read: a sheet of either layout needs far fewer, and checking a
/// header for repeated columns then costs bounded work however long its line is.
pub(super) const MAX_COLUMNS: usize = 512;

/// The placeholder category of a sheet whose rows name none (as the "known" list says).
const NO_CATEGORY: &str = "none";

/// A header cell of our layout: what it holds, for which source (1 for `source_url`, 2 for
/// `source_url_2`…) and in which language (`title_fr`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Column<'t> {
    base: Base,
    source: u32,
    lang: Option<&'t str>,
}

/// Reads a header cell as one of our columns: `title`, `Title`, `source url 2`, `title_fr`.
fn column(header: &str) -> Option<Column<'_>> {
    let header = header.trim();
    let normal: String = header
        .chars()
        .map(|c| {
            if c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    COLUMNS.iter().find_map(|&(name, base)| {
        let rest = normal.strip_prefix(name)?;
        let media = matches!(
            base,
            Base::MediaUrl
                | Base::MediaAlt
                | Base::MediaCaption
                | Base::MediaCredit
                | Base::MediaLink
                | Base::MediaThumbnail
        );
        // Only as written here: TimelineJS3's "Media Caption" and "Media Credit" are its own.
        if media && header.get(..name.len()).is_none_or(|h| h.contains(' ')) {
            return None;
        }
        // The same length in the header as written (ASCII lowercasing keeps lengths).
        let mut rest_written = header.get(name.len()..)?;
        let mut source = 1;
        let numbered = matches!(
            base,
            Base::SourceUrl | Base::SourceTitle | Base::SourcePublisher | Base::SourceDate
        );
        let mut rest = rest;
        if numbered {
            if let Some(digits) = rest.strip_prefix('_') {
                let n = digits.bytes().take_while(u8::is_ascii_digit).count();
                if n > 0 {
                    source = digits.get(..n)?.parse().ok()?;
                    rest = digits.get(n..)?;
                    rest_written = rest_written.get(n + 1..)?;
                }
            }
        }
        let lang = match rest_written.strip_prefix(['_', ' ']) {
            None if rest.is_empty() => None,
            Some(lang)
                if matches!(
                    base,
                    Base::Title
                        | Base::Summary
                        | Base::DateLabel
                        | Base::SourceTitle
                        | Base::MediaAlt
                        | Base::MediaCaption
                        | Base::MediaCredit
                ) =>
            {
                Some(lang)
            }
            _ => return None,
        };
        Some(Column { base, source, lang })
    })
}

/// A row's non-empty cell: its text, trimmed, and its offset.
type Cell<'t> = (&'t str, usize);

/// A text's cells: (language, text, offset), the column without a language first.
type TextCells<'t> = Vec<(Option<&'t str>, &'t str, usize)>;

#[derive(Default)]
struct SourceCells<'t> {
    url: Option<Cell<'t>>,
    title: TextCells<'t>,
    publisher: Option<Cell<'t>>,
    date: Option<Cell<'t>>,
}

/// The cells of one data row of our layout, sorted by what they hold.
#[derive(Default)]
struct Row<'t> {
    kind: Option<Cell<'t>>,
    id: Option<Cell<'t>>,
    date: Option<Cell<'t>>,
    end: Option<Cell<'t>>,
    approximate: Option<Cell<'t>>,
    title: TextCells<'t>,
    summary: TextCells<'t>,
    date_label: TextCells<'t>,
    category: Option<Cell<'t>>,
    importance: Option<Cell<'t>>,
    tags: Option<Cell<'t>>,
    media_url: Option<Cell<'t>>,
    media_alt: TextCells<'t>,
    media_caption: TextCells<'t>,
    media_credit: TextCells<'t>,
    media_link: Option<Cell<'t>>,
    color: Option<Cell<'t>>,
    media_thumbnail: Option<Cell<'t>>,
    /// By source number, in the order of [`Header::sources`].
    sources: Vec<SourceCells<'t>>,
    /// Where the first title, summary, date and category cells are, even when empty; else
    /// (a short row) the row's last cell.
    /// The row's number in a spreadsheet (the header is row 1).
    number: usize,
    title_at: Option<usize>,
    summary_at: Option<usize>,
    date_at: Option<usize>,
    end_at: Option<usize>,
    category_at: Option<usize>,
    source_at: Option<usize>,
    last: usize,
}

/// Our layout's header row, read.
struct Header<'t> {
    /// By column index; `None` for a column that is ignored.
    columns: Vec<Option<Column<'t>>>,
    /// The source numbers used, ascending.
    sources: Vec<u32>,
}

/// Where every cell of the text is, to name a problem's row and column.
struct Cells<'t> {
    /// (offset, record, column), ascending by offset.
    places: Vec<(usize, usize, usize)>,
    header: &'t [Field<'t>],
}

impl Cells<'_> {
    /// `row 14, "End Year"` for a problem at `offset`.
    fn path(&self, offset: usize) -> String {
        let i = self.places.partition_point(|&(o, _, _)| o <= offset);
        let Some(&(_, record, column)) = i.checked_sub(1).and_then(|i| self.places.get(i)) else {
            return String::new();
        };
        match self.header.get(column).map(|f| f.text.trim()) {
            Some(name) if !name.is_empty() => format!("row {}, {}", record + 1, quote(name)),
            _ => format!("row {}, column {}", record + 1, column + 1),
        }
    }
}

fn string<'t>(s: &'t str, offset: usize) -> Value<'t> {
    Value {
        offset,
        kind: Kind::String(Cow::Borrowed(s)),
    }
}

fn owned(s: String, offset: usize) -> Value<'static> {
    Value {
        offset,
        kind: Kind::String(Cow::Owned(s)),
    }
}

fn member<'t>(key: &'t str, value: Value<'t>) -> Member<'t> {
    Member {
        key: Cow::Borrowed(key),
        key_offset: value.offset,
        value,
    }
}

fn cell_value(cell: Cell<'_>) -> Value<'_> {
    string(cell.0, cell.1)
}

/// A text's value: a string for the column without a language alone, otherwise an object
/// of translations (that column's text in English); an empty string at `missing` if
/// there is no text at all, so the checker's "is empty" names the cell.
fn text_value<'t>(cells: &TextCells<'t>, missing: usize) -> Value<'t> {
    match cells.as_slice() {
        [] => string("", missing),
        &[(None, s, offset)] => string(s, offset),
        [(_, _, offset), ..] => Value {
            offset: *offset,
            kind: Kind::Object(
                cells
                    .iter()
                    .map(|&(lang, s, offset)| member(lang.unwrap_or("en"), string(s, offset)))
                    .collect(),
            ),
        },
    }
}

/// The host of a URL without `www.`, for a source without a publisher.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..end).unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    host.strip_prefix("www.").unwrap_or(host)
}

/// An id for a row without one: the date and the title's words, in lowercase ASCII.
fn generated_id(date: &str, title: &str) -> String {
    let mut id = String::with_capacity(date.len() + 41);
    id.push_str(&id_safe(date));
    for (words, word) in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        if id.len() + word.len() > 60 || words == 8 {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(&word.to_ascii_lowercase());
    }
    if id.is_empty() {
        id.push_str("event");
    }
    id
}

/// Checks CSV `text` (see [`is_csv`]) and decodes what is usable.
pub(super) fn validate(text: &str) -> Validated {
    let table = csv::parse(text);
    let mut own: Vec<RawProblem> = Vec::new();
    let header: &[Field] = table.records.first().map_or(&[], Vec::as_slice);
    let mut places = Vec::new();
    for (r, record) in table.records.iter().enumerate() {
        places.extend(record.iter().enumerate().map(|(c, f)| (f.offset, r, c)));
        // A short row: its end stands for the first missing cell.
        let end = table.ends.get(r).copied().unwrap_or(0);
        if record.len() < header.len() && record.last().is_some_and(|f| f.offset < end) {
            places.push((end, r, record.len()));
        }
    }
    let cells = Cells { places, header };
    let mut checker = Checker {
        text,
        problems: Vec::new(),
        errors: 0,
        sources_optional: true,
        lang: None,
        markup: false,
    };
    let mut bad_rows = vec![false; table.records.len()];
    for e in &table.errors {
        if let Some(bad) = bad_rows.get_mut(e.record) {
            *bad = true;
        }
        own.push(RawProblem {
            offset: e.offset,
            severity: Severity::Error,
            path: cells.path(e.offset),
            message: format!("CSV syntax error: {}", e.message),
        });
    }
    // TimelineJS3's layout when more of the header's cells are its columns than ours.
    let theirs = header
        .iter()
        .filter(|f| timelinejs::column(&f.text).is_some())
        .count();
    let mine = header.iter().filter(|f| column(&f.text).is_some()).count();
    let document = if theirs > mine {
        let path = |offset| cells.path(offset);
        timelinejs::read(&table, &bad_rows, &path, &mut own)
    } else {
        let mut report = |severity, offset, message: String| {
            own.push(RawProblem {
                offset,
                severity,
                path: cells.path(offset),
                message,
            })
        };
        ours(&table, &bad_rows, &mut checker, &mut report)
    };
    let mut raw = checker.problems;
    for p in &mut raw {
        p.path = cells.path(p.offset);
    }
    raw.append(&mut own);
    Validated {
        document,
        problems: locate(text, raw),
    }
}

type Report<'r> = dyn FnMut(Severity, usize, String) + 'r;

/// A warning at the first header cell past [`MAX_COLUMNS`], if there is one.
pub(super) fn too_many_columns(fields: &[Field], report: &mut Report) {
    if let Some(field) = fields.get(MAX_COLUMNS) {
        report(
            Severity::Warning,
            field.offset,
            format!(
                "the header row has {} cells; only the first {MAX_COLUMNS} columns are read",
                fields.len()
            ),
        );
    }
}

/// What makes two columns the same: `title` is English, so `title_en` beside it repeats it.
fn key<'a>(c: &Column<'a>) -> (Base, u32, &'a str) {
    (c.base, c.source, c.lang.unwrap_or("en"))
}

/// Reads our layout's header row; `None` (with an error) when a required column is missing.
fn header<'t>(fields: &'t [Field<'t>], report: &mut Report) -> Option<Header<'t>> {
    let mut columns: Vec<Option<Column>> = Vec::with_capacity(fields.len().min(MAX_COLUMNS));
    let mut sources = Vec::new();
    too_many_columns(fields, report);
    for field in fields.iter().take(MAX_COLUMNS) {
        let name = field.text.trim();
        let column = column(name).filter(|c| c.source >= 1);
        let column = match column {
            None if name.is_empty() => None,
            None => {
                let hint = match suggestion(&name.replace(' ', "_"), COLUMN_SPECS) {
                    Some(s) => format!("; did you mean \"{s}\"?"),
                    None => String::new(),
                };
                report(
                    Severity::Warning,
                    field.offset,
                    format!("unknown column {} (ignored){hint}", quote(name)),
                );
                None
            }
            Some(c) if c.source > MAX_SOURCES => {
                report(
                    Severity::Warning,
                    field.offset,
                    format!(
                        "at most {MAX_SOURCES} sources are read: column {} is ignored",
                        quote(name)
                    ),
                );
                None
            }
            Some(c) if c.lang.is_some_and(|l| !is_language_code(l)) => {
                report(
                    Severity::Error,
                    field.offset,
                    format!(
                        "{} is not a language code (expected a code such as \"en\", \"fr\" or \"fr-CA\"): column {} is ignored",
                        quote(c.lang.unwrap_or("")),
                        quote(name)
                    ),
                );
                None
            }
            Some(c) => {
                if let Some(i) = columns
                    .iter()
                    .position(|o| o.as_ref().map(key) == Some(key(&c)))
                {
                    let first = fields.get(i).map_or("", |f| f.text.trim());
                    report(
                        Severity::Error,
                        field.offset,
                        format!(
                            "column {} repeats column {} (ignored)",
                            quote(name),
                            quote(first)
                        ),
                    );
                    None
                } else {
                    // Kept in ascending order (at most MAX_SOURCES): no sort's code in the WASM.
                    let at = sources.partition_point(|&n| n < c.source);
                    let source = matches!(
                        c.base,
                        Base::SourceUrl
                            | Base::SourceTitle
                            | Base::SourcePublisher
                            | Base::SourceDate
                    );
                    if source && sources.get(at) != Some(&c.source) {
                        sources.insert(at, c.source);
                    }
                    Some(c)
                }
            }
        };
        columns.push(column);
    }
    let has = |base| columns.iter().flatten().any(|c| c.base == base);
    let mut complete = true;
    for (base, name) in [
        (Base::Date, "date"),
        (Base::Title, "title"),
        (Base::Summary, "summary"),
        (Base::Category, "category"),
    ] {
        if !has(base) {
            complete = false;
            report(
                Severity::Error,
                fields.first().map_or(0, |f| f.offset),
                format!("the header row has no column \"{name}\" (every event needs one)"),
            );
        }
    }
    if !has(Base::SourceUrl) {
        report(
            Severity::Warning,
            fields.first().map_or(0, |f| f.offset),
            "no \"source_url\" column: the events are shown without sources".to_owned(),
        );
    }
    complete.then_some(Header { columns, sources })
}

/// Sorts a record's non-empty cells into a [`Row`]; cells under ignored columns with
/// text in them are a warning.
fn row<'t>(header: &Header<'t>, record: &'t [Field<'t>], report: &mut Report) -> Row<'t> {
    let mut row = Row {
        sources: header
            .sources
            .iter()
            .map(|_| SourceCells::default())
            .collect(),
        ..Row::default()
    };
    row.last = record.last().map_or(0, |f| f.offset);
    for (i, field) in record.iter().enumerate() {
        let text = field.text.trim();
        if let Some(column) = header.columns.get(i).copied().flatten() {
            let at = match column.base {
                Base::Title => &mut row.title_at,
                Base::Summary => &mut row.summary_at,
                Base::Date => &mut row.date_at,
                Base::End => &mut row.end_at,
                Base::Category => &mut row.category_at,
                Base::SourceUrl => &mut row.source_at,
                _ => &mut None,
            };
            at.get_or_insert(field.offset);
        }
        if text.is_empty() {
            continue;
        }
        let cell = (text, field.offset);
        let Some(column) = header.columns.get(i).copied().flatten() else {
            if i >= header.columns.len() {
                report(
                    Severity::Warning,
                    field.offset,
                    format!(
                        "this row has more cells than the header row ({}): the extra ones are ignored",
                        header.columns.len()
                    ),
                );
                break;
            }
            continue;
        };
        let source = header
            .sources
            .iter()
            .position(|&n| n == column.source)
            .and_then(|i| row.sources.get_mut(i));
        let entry = (column.lang, text, field.offset);
        match column.base {
            Base::Type => row.kind = Some(cell),
            Base::Id => row.id = Some(cell),
            Base::Date => row.date = Some(cell),
            Base::End => row.end = Some(cell),
            Base::Approximate => row.approximate = Some(cell),
            Base::Category => row.category = Some(cell),
            Base::Importance => row.importance = Some(cell),
            Base::Tags => row.tags = Some(cell),
            Base::Title => push_text(&mut row.title, entry),
            Base::Summary => push_text(&mut row.summary, entry),
            Base::DateLabel => push_text(&mut row.date_label, entry),
            Base::SourceUrl => source.map_or((), |s| s.url = Some(cell)),
            Base::SourceTitle => source.map_or((), |s| push_text(&mut s.title, entry)),
            Base::SourcePublisher => source.map_or((), |s| s.publisher = Some(cell)),
            Base::SourceDate => source.map_or((), |s| s.date = Some(cell)),
            Base::MediaUrl => row.media_url = Some(cell),
            Base::MediaAlt => push_text(&mut row.media_alt, entry),
            Base::MediaCaption => push_text(&mut row.media_caption, entry),
            Base::MediaCredit => push_text(&mut row.media_credit, entry),
            Base::MediaLink => row.media_link = Some(cell),
            Base::Color => row.color = Some(cell),
            Base::MediaThumbnail => row.media_thumbnail = Some(cell),
        }
    }
    row
}

/// The column without a language first, so a lone one is a plain string.
fn push_text<'t>(texts: &mut TextCells<'t>, entry: (Option<&'t str>, &'t str, usize)) {
    if entry.0.is_none() {
        texts.insert(0, entry);
    } else {
        texts.push(entry);
    }
}

/// What a row of our layout is, by its `type` cell.
enum RowType {
    Event,
    Title,
    Era,
    Category,
}

/// Our layout: the document the rows stand for, checked.
fn ours(
    table: &csv::Table<'_>,
    bad_rows: &[bool],
    checker: &mut Checker,
    report: &mut Report,
) -> Option<crate::model::format::Document> {
    let (header_fields, data) = table.records.split_first()?;
    let header = header(header_fields, report)?;
    let header_offset = header_fields.first().map_or(0, |f| f.offset);
    let mut rows = Vec::new();
    for (i, (record, bad)) in data.iter().zip(bad_rows.iter().skip(1)).enumerate() {
        if *bad || record.iter().all(|f| f.text.trim().is_empty()) {
            continue;
        }
        let mut row = row(&header, record, report);
        row.number = i + 2;
        if record.len() < header.columns.len() {
            row.last = table.ends.get(i + 1).copied().unwrap_or(row.last);
        }
        let end = row.last;
        let kind = match row.kind.map(|(t, _)| t.to_ascii_lowercase()) {
            None => RowType::Event,
            Some(t) if t == "event" => RowType::Event,
            Some(t) if t == "title" => RowType::Title,
            Some(t) if t == "era" => RowType::Era,
            Some(t) if t == "category" => RowType::Category,
            Some(_) => {
                let (t, offset) = row.kind.unwrap_or(("", end));
                report(
                    Severity::Error,
                    offset,
                    format!("{} is not a row type: expected \"event\", \"era\", \"category\" or \"title\" (or nothing, for an event)", quote(t)),
                );
                continue;
            }
        };
        rows.push((kind, row, end));
    }

    // Ids for the event rows without one; a repeated one (or one that an id cell has)
    // takes the row's number, which no other row has.
    let slugs: Vec<Option<String>> = rows
        .iter()
        .map(|(kind, r, _)| match (kind, r.id) {
            (RowType::Event, None) => Some(generated_id(
                r.date.map_or("", |c| c.0),
                r.title.first().map_or("", |t| t.1),
            )),
            _ => None,
        })
        .collect();
    let mut counts = Seen::new();
    let ids = rows.iter().filter_map(|(_, r, _)| r.id.map(|c| c.0));
    for id in ids.chain(slugs.iter().flatten().map(String::as_str)) {
        *counts.entry(id).or_insert(0) += 1;
    }
    let mut title = None;
    let mut events = Vec::new();
    let mut eras = Vec::new();
    let mut categories = Categories::default();
    for (kind, row, end) in &rows {
        if let RowType::Category = kind {
            category_row(row, *end, &mut categories);
        }
    }
    for ((kind, row, end), slug) in rows.iter().zip(&slugs) {
        let end = *end;
        match kind {
            RowType::Category => {}
            RowType::Title => {
                if title.is_some() {
                    report(
                        Severity::Warning,
                        row.kind.map_or(end, |c| c.1),
                        "only the first title row is read: this one is ignored".to_owned(),
                    );
                    continue;
                }
                title = Some(row);
            }
            RowType::Era => {
                let mut members = vec![
                    member("label", text_value(&row.title, row.title_at.unwrap_or(end))),
                    member("start", date_value(row)),
                    member(
                        "end",
                        row.end
                            .map_or(string("", row.end_at.unwrap_or(end)), cell_value),
                    ),
                ];
                if !row.summary.is_empty() {
                    members.push(member("summary", text_value(&row.summary, end)));
                }
                eras.push(Value {
                    offset: end,
                    kind: Kind::Object(members),
                });
            }
            RowType::Event => {
                let id = match (row.id, slug) {
                    (Some(cell), _) => cell_value(cell),
                    (None, Some(slug)) => {
                        let id = match counts.get(slug.as_str()) {
                            Some(&n) if n > 1 => format!("{slug}-row{}", row.number),
                            _ => slug.clone(),
                        };
                        owned(id, row.title_at.unwrap_or(end))
                    }
                    (None, None) => string("", end),
                };
                events.push(event(row, id, &mut categories, report));
            }
        }
    }
    // The title row's texts and date are checked here, each on its own, so that one of
    // them in error costs only itself (the document gets placeholders, replaced below).
    let at = Path::Root;
    let title_text = title
        .filter(|row| !row.title.is_empty())
        .and_then(|row| checker.text(&text_value(&row.title, row.last), &at, "title"));
    let description = title
        .filter(|row| !row.summary.is_empty())
        .and_then(|row| checker.text(&text_value(&row.summary, row.last), &at, "summary"));
    let updated = title
        .and_then(|row| row.date)
        .and_then(|cell| checker.date(&cell_value(cell), &at));
    let mut members = vec![
        member("title", string("-", header_offset)),
        member("updated", string("1970", header_offset)),
    ];
    let category_offset = header_fields
        .iter()
        .zip(&header.columns)
        .find(|(_, c)| c.is_some_and(|c| c.base == Base::Category))
        .map_or(header_offset, |(f, _)| f.offset);
    // No event row has a category: a placeholder, so that the document (and the problems
    // with the rows) still comes out; it is removed below.
    let placeholder = categories.values.is_empty();
    if placeholder {
        categories.values.push(Value {
            offset: category_offset,
            kind: Kind::Object(vec![
                member("id", string(NO_CATEGORY, category_offset)),
                member("label", string(NO_CATEGORY, category_offset)),
                member("color", string(UNGROUPED_COLOR, category_offset)),
            ]),
        });
    }
    members.push(member(
        "categories",
        Value {
            offset: category_offset,
            kind: Kind::Array(categories.values),
        },
    ));
    members.push(member(
        "eras",
        Value {
            offset: header_offset,
            kind: Kind::Array(eras),
        },
    ));
    members.push(member(
        "events",
        Value {
            offset: header_offset,
            kind: Kind::Array(events),
        },
    ));
    let root = Value {
        offset: header_offset,
        kind: Kind::Object(members),
    };
    let mut document = checker.document(&root)?;
    if placeholder {
        document.categories.clear();
    }
    // What the title row does not say (or says in error) is not shown: no made-up date.
    document.title = title_text.unwrap_or(Text::Plain(String::new()));
    document.description = description;
    document.updated = updated;
    if let Some(row) = title.filter(|row| row.title.is_empty()) {
        report(
            Severity::Warning,
            row.title_at.unwrap_or(row.last),
            "the title row has no title: the timeline has none".to_owned(),
        );
    }
    if title.is_none() {
        report(
            Severity::Warning,
            header_offset,
            "no title row: add a row of type \"title\" whose title, summary and date are the timeline's title, description and date of last update".to_owned(),
        );
    }
    Some(document)
}

/// The categories the event rows name, in order of first use, as the JSON they stand for.
#[derive(Default)]
struct Categories<'t> {
    values: Vec<Value<'t>>,
    seen: Seen<'t>,
}

/// A `category` row: its `id`, its label (`title`, translatable; else the id) and its
/// `color` (else the palette's next), as the JSON category it stands for.
fn category_row<'t>(row: &Row<'t>, end: usize, categories: &mut Categories<'t>) {
    let id = row.id.map_or(string("", end), cell_value);
    let label = match row.title.is_empty() {
        true => id.clone(),
        false => text_value(&row.title, end),
    };
    let color = row.color.map_or_else(
        || string(palette_color(categories.values.len()), id.offset),
        cell_value,
    );
    if let Some((name, offset)) = row.id {
        categories.seen.entry(name).or_insert(offset);
    }
    categories.values.push(Value {
        offset: end,
        kind: Kind::Object(vec![
            member("id", id),
            member("label", label),
            member("color", color),
        ]),
    });
}

fn date_value<'t>(row: &Row<'t>) -> Value<'t> {
    row.date
        .map_or(string("", row.date_at.unwrap_or(row.last)), cell_value)
}

/// An event row as the JSON event it stands for; its category is added to `categories`
/// if it is new.
fn event<'t>(
    row: &Row<'t>,
    id: Value<'t>,
    categories: &mut Categories<'t>,
    report: &mut Report,
) -> Value<'t> {
    let end = row.last;
    let date = date_value(row);
    let mut members = vec![member("id", id), member("date", date)];
    if let Some(cell) = row.end {
        members.push(member("end", cell_value(cell)));
    }
    if !row.date_label.is_empty() {
        members.push(member("date_label", text_value(&row.date_label, end)));
    }
    if let Some((text, offset)) = row.approximate {
        let kind = match text.to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" | "x" => Kind::Bool(true),
            "false" | "no" | "0" => Kind::Bool(false),
            _ => Kind::String(Cow::Borrowed(text)),
        };
        members.push(member("approximate", Value { offset, kind }));
    }
    let category = row
        .category
        .map_or(string("", row.category_at.unwrap_or(end)), cell_value);
    if let Some((id, offset)) = row.category {
        if categories.seen.insert(id, offset).is_none() {
            let n = categories.values.len();
            let color = palette_color(n);
            categories.values.push(Value {
                offset: category.offset,
                kind: Kind::Object(vec![
                    member("id", category.clone()),
                    member("label", category.clone()),
                    member("color", string(color, category.offset)),
                ]),
            });
        }
    }
    members.push(member("category", category));
    if let Some((text, offset)) = row.tags {
        let tags = text
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| string(t, offset))
            .collect();
        members.push(member(
            "tags",
            Value {
                offset,
                kind: Kind::Array(tags),
            },
        ));
    }
    members.push(member(
        "title",
        text_value(&row.title, row.title_at.unwrap_or(end)),
    ));
    // An empty summary cell is no summary: the event is shown with its title alone.
    if row.summary.is_empty() {
        report(
            Severity::Warning,
            row.summary_at.unwrap_or(end),
            "no summary: the event is shown with its title alone".to_owned(),
        );
    } else {
        members.push(member("summary", text_value(&row.summary, end)));
    }
    let mut sources = Vec::new();
    for s in &row.sources {
        let first = s
            .url
            .or(s.publisher)
            .or(s.date)
            .map(|c| c.1)
            .or(s.title.first().map(|t| t.2));
        let Some(offset) = first else { continue };
        let url = s.url.unwrap_or(("", offset));
        let mut source = vec![member("url", string(url.0, url.1))];
        source.push(if s.title.is_empty() {
            member("title", string(url.0, url.1))
        } else {
            member("title", text_value(&s.title, offset))
        });
        source.push(match s.publisher {
            Some(cell) => member("publisher", cell_value(cell)),
            None => member("publisher", string(host(url.0), url.1)),
        });
        if let Some(cell) = s.date {
            source.push(member("date", cell_value(cell)));
        }
        sources.push(Value {
            offset,
            kind: Kind::Object(source),
        });
    }
    if sources.is_empty() {
        if !row.sources.is_empty() {
            report(
                Severity::Warning,
                row.source_at.unwrap_or(end),
                "no source: the event is shown without one".to_owned(),
            );
        }
    } else {
        members.push(member(
            "sources",
            Value {
                offset: end,
                kind: Kind::Array(sources),
            },
        ));
    }
    let media_texts = [
        ("alt", &row.media_alt),
        ("caption", &row.media_caption),
        ("credit", &row.media_credit),
    ];
    let media_at = row
        .media_url
        .map(|c| c.1)
        .or_else(|| media_texts.iter().find_map(|(_, t)| t.first().map(|t| t.2)))
        .or(row.media_link.map(|c| c.1))
        .or(row.media_thumbnail.map(|c| c.1));
    if let Some(offset) = media_at {
        // Without a url cell, an empty one at the first media cell: "missing url" names it.
        let url = row.media_url.unwrap_or(("", offset));
        let mut media = vec![member("url", cell_value(url))];
        for (name, texts) in media_texts {
            if !texts.is_empty() {
                media.push(member(name, text_value(texts, offset)));
            }
        }
        if let Some(cell) = row.media_link {
            media.push(member("link", cell_value(cell)));
        }
        if let Some(thumbnail) = row.media_thumbnail {
            media.push(member("thumbnail", cell_value(thumbnail)));
        }
        members.push(member(
            "media",
            Value {
                offset,
                kind: Kind::Object(media),
            },
        ));
    }
    if let Some((text, offset)) = row.importance {
        // A number cell as JSON would write it; the JSON reader's float parser (the
        // browser's, in the WASM build), not Rust's, which would add 15 KB.
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let unsigned = text.strip_prefix('-').unwrap_or(text);
        let integer = match unsigned.split_once('.') {
            None if digits(unsigned) => Some(true),
            Some((whole, fraction)) if digits(whole) && digits(fraction) => Some(false),
            _ => None,
        };
        let value = integer
            .and_then(|_| parse_f64(text))
            .filter(|v| v.is_finite());
        let kind = match (integer, value) {
            (Some(integer), Some(value)) => Kind::Number(Number { value, integer }),
            _ => Kind::String(Cow::Borrowed(text)),
        };
        members.push(member("importance", Value { offset, kind }));
    }
    Value {
        offset: end,
        kind: Kind::Object(members),
    }
}

#[cfg(test)]
mod tests;
