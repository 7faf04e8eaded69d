//! The timeline's data format: the typed document that the rest of the widget reads.
//!
//! These types are what a *valid* document turns into; [`crate::model::validate`] is the
//! only way in from JSON text, because it keeps the line and column of every value and
//! reports every problem at once. The types derive `Serialize` so the synthetic-data
//! generator, the tests and the benchmarks can write documents in the same format.
//! `docs/data-format.md` and `docs/timeline.schema.json` describe the JSON form.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::date::{minutes_to_days, Date};
use super::media::MediaKind;
use super::rich::Rich;

/// The language every document must be readable in, and the fallback for a missing translation.
pub const DEFAULT_LANG: &str = "en";

/// Human-readable text: one string, or translations keyed by language code; or, from
/// data that carries markup (TimelineJS3's), one text with a safe subset of HTML, parsed.
/// Our own format's strings are always plain: never read as HTML.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Text {
    Plain(String),
    Translated(Translations),
    /// Markup in the reader-independent text: `get` gives its plain text.
    Rich(Rich),
}

/// Translations keyed by language code: each code once, in code order (as a map would
/// iterate them). A sorted vector, not a `BTreeMap`: a text has a handful of languages,
/// and a `BTreeMap<String, String>` brings its own copy of the B-tree code into the WASM.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Translations(Vec<(String, String)>);

impl Translations {
    fn position(&self, lang: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(code, _)| code.as_str().cmp(lang))
    }

    /// The language code as stored and the text in that language.
    pub fn get_key_value(&self, lang: &str) -> Option<(&str, &str)> {
        let (code, text) = self.0.get(self.position(lang).ok()?)?;
        Some((code, text))
    }

    pub fn get(&self, lang: &str) -> Option<&str> {
        self.get_key_value(lang).map(|(_, text)| text)
    }

    pub fn contains_key(&self, lang: &str) -> bool {
        self.position(lang).is_ok()
    }

    /// Adds a translation, or replaces the one in the same language.
    pub fn insert(&mut self, lang: String, text: String) {
        match self.position(&lang) {
            Ok(i) => {
                if let Some(slot) = self.0.get_mut(i) {
                    slot.1 = text;
                }
            }
            Err(i) => self.0.insert(i, (lang, text)),
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// (language code, text), in code order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .map(|(code, text)| (code.as_str(), text.as_str()))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(code, _)| code)
    }

    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(_, text)| text)
    }
}

/// Like a map's: a repeated language keeps its last text. Sorted once (n log n), not
/// inserted one by one, which shifts the vector each time: n² for codes in descending order.
impl FromIterator<(String, String)> for Translations {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Self {
        let mut pairs: Vec<(String, String)> = iter.into_iter().collect();
        super::sort::sort_by_bytes(&mut pairs, |(lang, _)| lang.as_bytes());
        // Stable, so of equal codes the last given is the last here: its text is kept.
        pairs.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                std::mem::swap(&mut later.1, &mut kept.1);
            }
            same
        });
        Translations(pairs)
    }
}

impl<const N: usize> From<[(String, String); N]> for Translations {
    fn from(pairs: [(String, String); N]) -> Self {
        pairs.into_iter().collect()
    }
}

/// As a JSON object, the way the data format writes translations.
impl Serialize for Translations {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (lang, text) in self.iter() {
            map.serialize_entry(lang, text)?;
        }
        map.end()
    }
}

impl Text {
    /// The text in `lang`, else in English, else in any language there is.
    /// Also says which language the returned text is in (`None` for a plain string).
    pub fn get_with_lang(&self, lang: &str) -> (&str, Option<&str>) {
        match self {
            Text::Plain(s) => (s, None),
            Text::Rich(r) => (&r.plain, None),
            Text::Translated(map) => map
                .get_key_value(lang)
                .or_else(|| map.get_key_value(DEFAULT_LANG))
                .or_else(|| map.iter().next())
                .map(|(k, v)| (v, Some(k)))
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
            Text::Rich(r) => (Some(r.plain.as_str()), None),
            Text::Translated(map) => (None, Some(map.values())),
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
    /// The one language the texts are in, when the file holds one language of a timeline
    /// (`timeline convert --lang`, the embed's `events.<lang>.json`): its texts need no
    /// English, the fallback of the others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// When the content was last revised: always known in our format; TimelineJS3 data
    /// does not say, and then nothing is shown rather than a made-up date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
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
    /// The date as shown to readers instead of `date` (and `end`) written at their
    /// precision, such as "Spring 1980" (TimelineJS3's `display_date`). The dates still
    /// place the event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_label: Option<Text>,
    pub category: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub title: Text,
    pub summary: Text,
    pub sources: Vec<Source>,
    /// 1 (minor) to 3 (headline).
    pub importance: u8,
    /// An image, a video or audio file, a YouTube or Vimeo video, or a link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
}

/// An event's media: what it is comes from its URL ([`crate::model::media::kind`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Media {
    /// An http(s) URL.
    pub url: String,
    /// Sorted from `url` when read; not written.
    #[serde(skip)]
    pub kind: MediaKind,
    /// The text alternative of an image; for a video, audio or link, its title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<Text>,
    /// Who made it or holds its rights.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<Text>,
    /// Where an image leads when clicked (an http(s) URL).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// A small image (an http(s) URL) that marks the event on the stage, of any media.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<String>,
}

impl Media {
    /// Media at `url`, of the kind its URL says, with no texts yet.
    pub fn new(url: String) -> Media {
        Media {
            kind: super::media::kind(&url),
            url,
            alt: None,
            caption: None,
            credit: None,
            link: None,
            thumbnail: None,
        }
    }
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

/// `text` (a date as written, say) with what an id may not hold taken out: `:` dropped,
/// any other character but letters, digits, `.`, `_` and `-` made a `-`
/// (`2020-01-08T06:14+03:30` gives `2020-01-08T0614-0330`).
pub fn id_safe(text: &str) -> String {
    text.chars()
        .filter(|&c| c != ':')
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The longest event id accepted, in characters.
pub const MAX_ID_LEN: usize = 100;

pub const MIN_IMPORTANCE: u8 = 1;
pub const MAX_IMPORTANCE: u8 = 3;
pub const DEFAULT_IMPORTANCE: u8 = 2;

impl Event {
    /// Where the event starts, in minutes since 1970-01-01 00:00 UTC (see
    /// [`Date::start_minute`]): what orders and places it.
    pub fn start_minute(&self) -> i64 {
        self.date.start_minute()
    }

    /// Where it ends (exclusive): after its end date, or after its own date.
    pub fn end_minute(&self) -> i64 {
        self.end.unwrap_or(self.date).end_minute()
    }

    /// [`Event::start_minute`] in the viewport's unit, (fractional) days since 1970-01-01.
    pub fn start_at(&self) -> f64 {
        minutes_to_days(self.start_minute())
    }

    /// [`Event::end_minute`] in days.
    pub fn end_at(&self) -> f64 {
        minutes_to_days(self.end_minute())
    }

    /// The event with its times of day written in UTC (see [`Date::in_utc`]).
    fn in_utc(&self) -> Event {
        Event {
            date: self.date.in_utc(),
            end: self.end.map(|d| d.in_utc()),
            ..self.clone()
        }
    }
}

impl Document {
    /// Where the earliest event or era starts and the latest one ends (exclusive), in
    /// days since 1970-01-01 (fractional where they have times), if there is any.
    pub fn extent(&self) -> Option<(f64, f64)> {
        let events = self
            .events
            .iter()
            .map(|e| (e.start_minute(), e.end_minute()));
        let eras = self
            .eras
            .iter()
            .map(|e| (e.start.start_minute(), e.end.end_minute()));
        events
            .chain(eras)
            .reduce(|(a0, a1), (b0, b1)| (a0.min(b0), a1.max(b1)))
            .map(|(a, b)| (minutes_to_days(a), minutes_to_days(b)))
    }

    /// Every event's date and end date, in event order.
    fn event_dates(&self) -> impl Iterator<Item = Date> + '_ {
        self.events
            .iter()
            .flat_map(|e| [Some(e.date), e.end])
            .flatten()
    }

    /// Whether any event or era has a time of day: the viewport may then zoom to minutes.
    pub fn has_times(&self) -> bool {
        let eras = self.eras.iter().flat_map(|e| [e.start, e.end]);
        self.event_dates().chain(eras).any(|d| d.time().is_some())
    }

    /// The UTC offset most of the dates that give one give (the earliest wins a tie), in
    /// minutes: the axis counts hours in it, as the details write them. 0 when none does.
    pub fn usual_offset(&self) -> i16 {
        let mut offsets: Vec<i16> = self.event_dates().filter_map(|d| d.offset()).collect();
        let first = offsets.first().copied().unwrap_or(0);
        // The one sort of the module (model::sort), not another copy of the standard one.
        super::sort::sort_by_key(&mut offsets, |&o| (i64::from(o), 0));
        let mut best = (0, first);
        for run in offsets.chunk_by(|a, b| a == b) {
            if run.len() > best.0 || (run.len() == best.0 && run[0] == first) {
                best = (run.len(), run[0]);
            }
        }
        best.1
    }

    /// The document with every time that has an offset written in UTC: what the reader
    /// sees after choosing UTC. The order and the places stay (they are by instant).
    pub fn in_utc(&self) -> Document {
        Document {
            events: self.events.iter().map(Event::in_utc).collect(),
            eras: self
                .eras
                .iter()
                .map(|e| Era {
                    start: e.start.in_utc(),
                    end: e.end.in_utc(),
                    ..e.clone()
                })
                .collect(),
            lang: self.lang.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            updated: self.updated,
            categories: self.categories.clone(),
        }
    }

    /// Whether any date gives a UTC offset other than UTC itself, so that the choice of
    /// showing times in UTC means something.
    pub fn has_offsets(&self) -> bool {
        self.event_dates()
            .any(|d| d.offset().is_some_and(|o| o != 0))
    }

    /// Puts the events in order of their start instant (stable), as the layout's binary
    /// search needs.
    pub fn sort_events(&mut self) {
        super::sort::sort_by_key(&mut self.events, |e| (e.start_minute(), e.end_minute()));
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|&(lang, text)| (lang.to_owned(), text.to_owned()))
            .collect()
    }

    #[test]
    fn translations_resolve_and_fall_back_to_english_then_the_first_code() {
        let text = Text::Translated(
            pairs(&[("fr", "Bonjour"), ("en", "Hello"), ("fa", "سلام")])
                .into_iter()
                .collect(),
        );
        assert_eq!(text.get_with_lang("fr"), ("Bonjour", Some("fr")));
        assert_eq!(text.get_with_lang("fa"), ("سلام", Some("fa")));
        assert_eq!(text.get_with_lang("de"), ("Hello", Some("en")));
        assert_eq!(text.get_with_lang(""), ("Hello", Some("en")));
        let no_english = Text::Translated(
            pairs(&[("fr", "Bonjour"), ("de", "Hallo")])
                .into_iter()
                .collect(),
        );
        assert_eq!(no_english.get_with_lang("es"), ("Hallo", Some("de")));
        assert_eq!(
            Text::Translated(Translations::default()).get_with_lang("en"),
            ("", None)
        );
        // In code order, like the map it replaces.
        assert_eq!(text.all().collect::<Vec<_>>(), ["Hello", "سلام", "Bonjour"]);
    }

    #[test]
    fn translations_keep_one_text_per_language_sorted_by_code() {
        let mut t: Translations = pairs(&[("fr", "un"), ("en", "one"), ("fr", "une")])
            .into_iter()
            .collect();
        assert_eq!(t.len(), 2);
        assert_eq!(t.get("fr"), Some("une"));
        t.insert("de".to_owned(), "eins".to_owned());
        t.insert("en".to_owned(), "One".to_owned());
        assert_eq!(
            t.iter().collect::<Vec<_>>(),
            [("de", "eins"), ("en", "One"), ("fr", "une")]
        );
        assert!(t.contains_key("de") && !t.contains_key("d") && !t.contains_key("es"));
        assert_eq!(t.get_key_value("en"), Some(("en", "One")));
        assert_eq!(t.get("e"), None);
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;
        use std::collections::BTreeMap;

        proptest! {
            #[test]
            fn collecting_translations_is_a_map_where_the_last_text_wins(
                pairs in prop::collection::vec(("[a-c]{0,3}|[a-c]{6,12}|\\PC{0,4}", "[0-9]{0,2}"), 0..48)
            ) {
                let ours: Translations = pairs.iter().cloned().collect();
                let map: BTreeMap<String, String> = pairs.into_iter().collect();
                let theirs: Vec<(&str, &str)> = map.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                prop_assert_eq!(ours.iter().collect::<Vec<_>>(), theirs);
            }
        }
    }

    #[test]
    fn translations_serialize_as_a_json_object() {
        let t: Translations = pairs(&[("fr", "Bonjour"), ("en", "Hello")])
            .into_iter()
            .collect();
        assert_eq!(
            serde_json::to_string(&Text::Translated(t)).ok().as_deref(),
            Some(r#"{"en":"Hello","fr":"Bonjour"}"#)
        );
    }
}
