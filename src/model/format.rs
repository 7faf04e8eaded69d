//! The timeline's data format: the typed document that the rest of the widget reads.
//!
//! These types are what a *valid* document turns into; [`crate::model::validate`] is the
//! only way in from JSON text, because it keeps the line and column of every value and
//! reports every problem at once. The types derive `Serialize` so the synthetic-data
//! generator, the tests and the benchmarks can write documents in the same format.
//! `docs/data-format.md` and `docs/timeline.schema.json` describe the JSON form.

use std::collections::BTreeMap;

use serde::Serialize;

use super::date::{Date, Day};

/// The language every document must be readable in, and the fallback for a missing translation.
pub const DEFAULT_LANG: &str = "en";

/// Human-readable text: one string, or translations keyed by language code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Text {
    Plain(String),
    Translated(BTreeMap<String, String>),
}

impl Text {
    /// The text in `lang`, else in English, else in any language there is.
    /// Also says which language the returned text is in (`None` for a plain string).
    pub fn get_with_lang(&self, lang: &str) -> (&str, Option<&str>) {
        match self {
            Text::Plain(s) => (s, None),
            Text::Translated(map) => map
                .get_key_value(lang)
                .or_else(|| map.get_key_value(DEFAULT_LANG))
                .or_else(|| map.iter().next())
                .map(|(k, v)| (v.as_str(), Some(k.as_str())))
                .unwrap_or(("", None)),
        }
    }

    /// The text in `lang`, falling back to English, then to any language.
    pub fn get(&self, lang: &str) -> &str {
        self.get_with_lang(lang).0
    }

    /// Every version of the text, for searching across languages.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        let (one, many) = match self {
            Text::Plain(s) => (Some(s.as_str()), None),
            Text::Translated(map) => (None, Some(map.values().map(String::as_str))),
        };
        one.into_iter().chain(many.into_iter().flatten())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }
}

/// A whole timeline. `Eq` matters beyond tests: it lets `Rc<Document>` compare by pointer
/// first, so components whose props hold the document skip a deep comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Document {
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// When the content was last revised.
    pub updated: Date,
    pub categories: Vec<Category>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub eras: Vec<Era>,
    /// Sorted by start day, then end day; ties keep the order of the JSON document.
    pub events: Vec<Event>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Category {
    pub id: String,
    pub label: Text,
    /// A CSS hex colour, `#rgb` or `#rrggbb`.
    pub color: String,
}

/// A labelled period drawn behind the events, such as the years without relations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Era {
    pub label: Text,
    pub start: Date,
    pub end: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    pub id: String,
    pub date: Date,
    /// The date is known only roughly ("about September 2013").
    #[serde(skip_serializing_if = "is_false")]
    pub approximate: bool,
    /// For an event that lasts: its last date (inclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    pub category: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub title: Text,
    pub summary: Text,
    pub sources: Vec<Source>,
    /// 1 (minor) to 3 (headline).
    pub importance: u8,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    pub title: Text,
    pub publisher: String,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

pub const MIN_IMPORTANCE: u8 = 1;
pub const MAX_IMPORTANCE: u8 = 3;
pub const DEFAULT_IMPORTANCE: u8 = 2;

impl Event {
    pub fn start_day(&self) -> Day {
        self.date.first_day()
    }

    /// The last day the event covers: its end date's last day, or its own date's.
    pub fn end_day(&self) -> Day {
        self.end.unwrap_or(self.date).last_day()
    }
}

impl Document {
    /// The first and last day any event or era covers, if there is any.
    pub fn extent(&self) -> Option<(Day, Day)> {
        let events = self.events.iter().map(|e| (e.start_day(), e.end_day()));
        let eras = self
            .eras
            .iter()
            .map(|e| (e.start.first_day(), e.end.last_day()));
        events
            .chain(eras)
            .reduce(|(a0, a1), (b0, b1)| (a0.min(b0), a1.max(b1)))
    }

    /// Puts the events in date order (stable), as the layout's binary search needs.
    pub fn sort_events(&mut self) {
        super::sort::sort_by_key(&mut self.events, |e| (e.start_day().0, e.end_day().0));
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }
}
