//! A [`Document`] as our JSON format (`docs/data-format.md`): indented by two spaces, the
//! fields in the order the format lists them, optional ones left out when they hold their
//! default. Strings are escaped as RFC 8259 requires, and `</` is written `<\/` (and `<!--`
//! as `\u003c!--`) so that the text can go inside a `<script type="application/json">`.

use crate::model::format::{Category, Document, Era, Event, Media, Source, Text};
use crate::model::paths::push_escaped;

/// `document` as our JSON format, ending with a line break.
pub fn to_json(document: &Document) -> String {
    write(document, false)
}

/// As [`to_json`], with each text of markup (a TimelineJS3 file's) as `{"html": …}`
/// instead of its plain text: for the converter module's envelope, read back by the
/// validator with nothing lost (`validate::converted`). Not our format.
pub fn to_json_with_markup(document: &Document) -> String {
    write(document, true)
}

fn write(document: &Document, markup: bool) -> String {
    let mut w = Writer {
        out: String::with_capacity(256 + 512 * document.events.len()),
        depth: 0,
        first: true,
        markup,
    };
    w.open('{');
    if let Some(lang) = &document.lang {
        w.string("lang", lang);
    }
    w.text("title", &document.title);
    w.text("description", document.description.as_ref());
    if let Some(updated) = &document.updated {
        w.string("updated", &updated.to_string());
    }
    w.list("categories", &document.categories, category);
    if !document.eras.is_empty() {
        w.list("eras", &document.eras, era);
    }
    w.list("events", &document.events, event);
    w.close('}');
    w.out.push('\n');
    w.out
}

fn category(w: &mut Writer, c: &Category) {
    w.string("id", &c.id);
    w.text("label", &c.label);
    w.string("color", &c.color);
}

fn era(w: &mut Writer, e: &Era) {
    w.text("label", &e.label);
    w.string("start", &e.start.to_string());
    w.string("end", &e.end.to_string());
    w.text("summary", e.summary.as_ref());
}

fn event(w: &mut Writer, e: &Event) {
    w.string("id", &e.id);
    w.string("date", &e.date.to_string());
    if e.approximate {
        w.key("approximate");
        w.out.push_str("true");
    }
    if let Some(end) = &e.end {
        w.string("end", &end.to_string());
    }
    w.text("date_label", e.date_label.as_ref());
    w.string("category", &e.category);
    if !e.tags.is_empty() {
        w.key("tags");
        w.out.push('[');
        for (i, tag) in e.tags.iter().enumerate() {
            if i > 0 {
                w.out.push_str(", ");
            }
            quoted(&mut w.out, tag);
        }
        w.out.push(']');
    }
    w.text("title", &e.title);
    w.text("summary", &e.summary);
    w.list("sources", &e.sources, source);
    w.key("importance");
    w.out.push(char::from(b'0' + e.importance.min(9)));
    if let Some(m) = &e.media {
        w.key("media");
        w.object(m, media);
    }
}

fn source(w: &mut Writer, s: &Source) {
    w.text("title", &s.title);
    w.string("publisher", &s.publisher);
    w.string("url", &s.url);
    if let Some(date) = &s.date {
        w.string("date", &date.to_string());
    }
}

fn media(w: &mut Writer, m: &Media) {
    w.string("url", &m.url);
    w.text("alt", m.alt.as_ref());
    w.text("caption", m.caption.as_ref());
    w.text("credit", m.credit.as_ref());
    if let Some(thumbnail) = &m.thumbnail {
        w.string("thumbnail", thumbnail);
    }
    if let Some(link) = &m.link {
        w.string("link", link);
    }
}

struct Writer {
    out: String,
    depth: usize,
    /// No member or item written yet in the innermost object or array.
    first: bool,
    /// Texts of markup as `{"html": …}` ([`to_json_with_markup`]).
    markup: bool,
}

impl Writer {
    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.first {
            self.newline();
        }
        self.out.push(bracket);
        self.first = false;
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Starts a member or an item: a comma after the one before, a new line.
    fn next(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.newline();
    }

    fn key(&mut self, key: &str) {
        self.next();
        quoted(&mut self.out, key);
        self.out.push_str(": ");
    }

    fn string(&mut self, key: &str, value: &str) {
        self.key(key);
        quoted(&mut self.out, value);
    }

    /// A plain string, or an object of translations (in code order, as stored); nothing
    /// for no text or an empty one (a TimelineJS3 slide's, a spreadsheet's empty cell).
    fn text<'t>(&mut self, key: &str, text: impl Into<Option<&'t Text>>) {
        let Some(text) = text.into() else { return };
        if let (true, Text::Rich(rich)) = (self.markup, text) {
            self.key(key);
            self.open('{');
            self.string("html", &rich.to_html());
            self.close('}');
            return;
        }
        if super::plain(text).is_some_and(str::is_empty) {
            return;
        }
        self.key(key);
        match (super::plain(text), text) {
            (Some(s), _) => quoted(&mut self.out, s),
            (None, Text::Translated(translations)) => {
                self.open('{');
                for (lang, s) in translations.iter() {
                    self.string(lang, s);
                }
                self.close('}');
            }
            (None, _) => quoted(&mut self.out, ""),
        }
    }

    fn object<T>(&mut self, value: &T, members: fn(&mut Writer, &T)) {
        self.open('{');
        members(self, value);
        self.close('}');
    }

    fn list<T>(&mut self, key: &str, items: &[T], members: fn(&mut Writer, &T)) {
        self.key(key);
        self.open('[');
        for item in items {
            self.next();
            self.object(item, members);
        }
        self.close(']');
    }
}

/// `s` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\t`… or
/// `\u00XX`, `</` as `<\/` and `<!--` as `\u003c!--`; everything else as it is (UTF-8).
fn quoted(out: &mut String, s: &str) {
    out.push('"');
    let mut rest = s;
    while let Some(i) = rest.find(|c: char| matches!(c, '"' | '\\' | '<' | '\0'..='\u{1f}')) {
        let (before, after) = rest.split_at(i);
        out.push_str(before);
        let mut chars = after.chars();
        let c = chars.next().unwrap_or('\0');
        rest = chars.as_str();
        match c {
            '<' if rest.starts_with('/') => out.push_str("<\\"),
            '<' if rest.starts_with("!--") => out.push_str("\\u003c"),
            c => push_escaped(out, c),
        }
    }
    out.push_str(rest);
    out.push('"');
}

/// `s` as a JSON string, quoted and escaped as [`to_json`] writes strings.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    quoted(&mut out, s);
    out
}
