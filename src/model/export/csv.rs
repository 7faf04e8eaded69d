//! A [`Document`] as our spreadsheet layout (`docs/data-format.md`, "Our layout"): a header
//! row, then a `title` row, one `category` row per category, one `era` row per era and one
//! row per event, in the document's order. Only the columns the document uses are written
//! (beside the layout's usual ones), with one column per language of each text
//! (`title_fr`) and per source (`source_url_2`). Cells are quoted as RFC 4180 says.

use crate::model::csv::write;
use crate::model::format::{Document, Text};
use crate::model::sort::sort_by_bytes;

use super::plain;

/// `document` in our spreadsheet layout.
pub fn to_csv(document: &Document) -> String {
    let layout = Layout::new(document);
    let mut rows = Vec::with_capacity(2 + document.categories.len() + document.events.len());
    rows.push(layout.header.clone());
    let d = document;
    if d.updated.is_some() || d.description.is_some() || plain(&d.title) != Some("") {
        let mut row = layout.row("title");
        layout.title.write(&d.title, &mut row);
        if let Some(description) = &d.description {
            layout.summary.write(description, &mut row);
        }
        if let Some(updated) = &d.updated {
            set(&mut row, layout.date, &updated.to_string());
        }
        rows.push(row);
    }
    for c in &d.categories {
        let mut row = layout.row("category");
        set(&mut row, layout.id, &c.id);
        layout.title.write(&c.label, &mut row);
        set(&mut row, layout.color, &c.color);
        rows.push(row);
    }
    for e in &d.eras {
        let mut row = layout.row("era");
        layout.title.write(&e.label, &mut row);
        set(&mut row, layout.date, &e.start.to_string());
        set(&mut row, layout.end, &e.end.to_string());
        if let Some(summary) = &e.summary {
            layout.summary.write(summary, &mut row);
        }
        rows.push(row);
    }
    for e in &d.events {
        let mut row = layout.row("");
        set(&mut row, layout.id, &e.id);
        set(&mut row, layout.date, &e.date.to_string());
        if let Some(end) = &e.end {
            set(&mut row, layout.end, &end.to_string());
        }
        if let Some(label) = &e.date_label {
            layout.date_label.write(label, &mut row);
        }
        set(
            &mut row,
            layout.approximate,
            if e.approximate { "yes" } else { "" },
        );
        set(&mut row, layout.category, &e.category);
        set(&mut row, layout.importance, &e.importance.to_string());
        set(&mut row, layout.tags, &e.tags.join(", "));
        layout.title.write(&e.title, &mut row);
        layout.summary.write(&e.summary, &mut row);
        for (s, columns) in e.sources.iter().zip(&layout.sources) {
            set(&mut row, columns.url, &s.url);
            columns.title.write(&s.title, &mut row);
            set(&mut row, columns.publisher, &s.publisher);
            if let Some(date) = &s.date {
                set(&mut row, columns.date, &date.to_string());
            }
        }
        if let Some(m) = &e.media {
            set(&mut row, layout.media_url, &m.url);
            let texts = [
                (&layout.media_alt, &m.alt),
                (&layout.media_caption, &m.caption),
                (&layout.media_credit, &m.credit),
            ];
            for (family, text) in texts {
                if let Some(text) = text {
                    family.write(text, &mut row);
                }
            }
            if let Some(link) = &m.link {
                set(&mut row, layout.media_link, link);
            }
        }
        rows.push(row);
    }
    write(&rows)
}

/// Puts `text` in the cell of column `at`, if the layout has that column.
fn set(row: &mut [String], at: Option<usize>, text: &str) {
    if let Some(cell) = at.and_then(|i| row.get_mut(i)) {
        text.clone_into(cell);
    }
}

/// The columns of one text (`title`, `title_fr`, …): the one without a language code is
/// English, or `title_en` when every such text is translated and one has English alone
/// (which the bare column would read back as a plain string).
#[derive(Default)]
struct Family<'d> {
    used: bool,
    plain: bool,
    english_only: bool,
    /// The other languages, sorted.
    langs: Vec<&'d str>,
    /// The English column's index; the languages' follow it.
    at: Option<usize>,
}

impl<'d> Family<'d> {
    fn see(&mut self, text: &'d Text) {
        self.used = true;
        match text {
            Text::Translated(t) => {
                self.langs.extend(t.keys().filter(|&lang| lang != "en"));
                self.english_only |= t.len() == 1 && t.contains_key("en");
            }
            _ => self.plain = true,
        }
    }

    /// Adds its columns to `header` (always, when `required`).
    fn columns(&mut self, base: &str, required: bool, header: &mut Vec<String>) {
        if !self.used && !required {
            return;
        }
        sort_by_bytes(&mut self.langs, |lang| lang.as_bytes());
        self.langs.dedup();
        self.at = Some(header.len());
        header.push(if self.english_only && !self.plain {
            format!("{base}_en")
        } else {
            base.to_owned()
        });
        header.extend(self.langs.iter().map(|lang| format!("{base}_{lang}")));
    }

    fn write(&self, text: &Text, row: &mut [String]) {
        let Some(at) = self.at else { return };
        match (plain(text), text) {
            (Some(s), _) => set(row, Some(at), s),
            (None, Text::Translated(t)) => {
                for (lang, s) in t.iter() {
                    let column = if lang == "en" {
                        Some(at)
                    } else {
                        self.langs.binary_search(&lang).ok().map(|i| at + 1 + i)
                    };
                    set(row, column, s);
                }
            }
            (None, _) => {}
        }
    }
}

/// One source's columns.
#[derive(Default)]
struct SourceColumns<'d> {
    url: Option<usize>,
    title: Family<'d>,
    publisher: Option<usize>,
    date: Option<usize>,
}

/// The header row, and where each value goes.
struct Layout<'d> {
    header: Vec<String>,
    kind: Option<usize>,
    id: Option<usize>,
    date: Option<usize>,
    end: Option<usize>,
    date_label: Family<'d>,
    approximate: Option<usize>,
    category: Option<usize>,
    importance: Option<usize>,
    tags: Option<usize>,
    title: Family<'d>,
    summary: Family<'d>,
    color: Option<usize>,
    sources: Vec<SourceColumns<'d>>,
    media_url: Option<usize>,
    media_alt: Family<'d>,
    media_caption: Family<'d>,
    media_credit: Family<'d>,
    media_link: Option<usize>,
}

impl<'d> Layout<'d> {
    fn new(d: &'d Document) -> Layout<'d> {
        let mut date_label = Family::default();
        let mut title = Family::default();
        let mut summary = Family::default();
        let mut media = [Family::default(), Family::default(), Family::default()];
        let mut sources: Vec<SourceColumns> = Vec::new();
        let (mut has_media, mut has_link) = (false, false);
        title.see(&d.title);
        if let Some(description) = &d.description {
            summary.see(description);
        }
        for c in &d.categories {
            title.see(&c.label);
        }
        for e in &d.eras {
            title.see(&e.label);
            if let Some(s) = &e.summary {
                summary.see(s);
            }
        }
        for e in &d.events {
            title.see(&e.title);
            summary.see(&e.summary);
            if let Some(label) = &e.date_label {
                date_label.see(label);
            }
            if sources.len() < e.sources.len() {
                sources.resize_with(e.sources.len(), SourceColumns::default);
            }
            for (s, columns) in e.sources.iter().zip(&mut sources) {
                columns.title.see(&s.title);
            }
            if let Some(m) = &e.media {
                has_media = true;
                has_link |= m.link.is_some();
                for (family, text) in media.iter_mut().zip([&m.alt, &m.caption, &m.credit]) {
                    if let Some(text) = text {
                        family.see(text);
                    }
                }
            }
        }
        if sources.is_empty() {
            sources.push(SourceColumns::default());
        }
        let mut header = Vec::new();
        let column = |header: &mut Vec<String>, name: &str| {
            header.push(name.to_owned());
            Some(header.len() - 1)
        };
        let kind = column(&mut header, "type");
        let id = column(&mut header, "id");
        let date = column(&mut header, "date");
        let end = column(&mut header, "end_date");
        date_label.columns("date_label", false, &mut header);
        let approximate = column(&mut header, "approximate");
        let category = column(&mut header, "category");
        let importance = column(&mut header, "importance");
        let tags = column(&mut header, "tags");
        title.columns("title", true, &mut header);
        summary.columns("summary", true, &mut header);
        let color = match d.categories.is_empty() {
            true => None,
            false => column(&mut header, "color"),
        };
        for (n, s) in sources.iter_mut().enumerate() {
            let suffix = match n {
                0 => String::new(),
                n => format!("_{}", n + 1),
            };
            s.url = column(&mut header, &format!("source_url{suffix}"));
            s.title
                .columns(&format!("source_title{suffix}"), true, &mut header);
            s.publisher = column(&mut header, &format!("source_publisher{suffix}"));
            s.date = column(&mut header, &format!("source_date{suffix}"));
        }
        let media_url = has_media
            .then(|| column(&mut header, "media_url"))
            .flatten();
        let [mut media_alt, mut media_caption, mut media_credit] = media;
        media_alt.columns("media_alt", false, &mut header);
        media_caption.columns("media_caption", false, &mut header);
        media_credit.columns("media_credit", false, &mut header);
        let media_link = has_link
            .then(|| column(&mut header, "media_link"))
            .flatten();
        Layout {
            header,
            kind,
            id,
            date,
            end,
            date_label,
            approximate,
            category,
            importance,
            tags,
            title,
            summary,
            color,
            sources,
            media_url,
            media_alt,
            media_caption,
            media_credit,
            media_link,
        }
    }

    /// An empty row of the given type.
    fn row(&self, kind: &str) -> Vec<String> {
        let mut row = vec![String::new(); self.header.len()];
        set(&mut row, self.kind, kind);
        row
    }
}
