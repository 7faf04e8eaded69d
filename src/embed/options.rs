//! The embed's options: the one list of them ([`OPTIONS`]), and how their values become
//! the widget's properties. Pure Rust, so `cargo test` checks it natively.
//!
//! The same table reads a JavaScript options object (by [`Spec::name`]) and a widget
//! element's data attributes (by [`Spec::attribute`]): `mod.rs` turns either into
//! [`Given`], and [`props`] builds the widget's properties from it. The loader
//! (`assets/embed.js`) reads only what it needs before the module is there, the options
//! marked [`Reader::Loader`]; a test checks that it reads no other attribute, and another
//! that the README's options table lists exactly these attributes.

use crate::model::date::Date;
use crate::model::validate::{validate, Validated};
use crate::ui::{Layout, Options, StartAt, Theme, TimelineProps};
use Kind as K;
use Reader::{Loader, Module};

/// The table: each option's key, name, data attribute, reader, kind, default and
/// description, once. The macro makes [`Key`], [`OPTIONS`] (what the module reads at run
/// time) and the defaults and descriptions ([`Spec::default`], [`Spec::about`]), which
/// only documentation and tests use, so they cost the module nothing.
macro_rules! options {
    ($($key:ident $name:literal $attribute:expr, $reader:ident $kind:ident, $default:literal, $about:literal;)*) => {
        /// Which option a [`Spec`] is: its index in [`OPTIONS`] and in [`Given`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key { $($key),* }

        /// Every option of the embed, in the order of [`Key`].
        pub const OPTIONS: [Spec; [$(Key::$key),*].len()] = [$(Spec {
            key: Key::$key,
            name: $name,
            attribute: $attribute,
            reader: $reader,
            kind: K::$kind,
        }),*];

        /// Each option's default and description, in the order of [`Key`].
        const DOCS: [(&str, &str); OPTIONS.len()] = [$(($default, $about)),*];
    };
}

options! {
    Data "data" None, Module Json, "the bundled data",
        "the data: the text of data-src's file or of the inline <script type=\"application/json\">";
    Error "error" None, Module Text, "none", "why the loader could not get the data, shown instead of it";
    Src "src" Some("data-src"), Loader Url, "the bundled data",
        "a JSON file in our format, which the loader fetches into `data`";
    Height "height" Some("data-height"), Loader Length, "640px",
        "the space the loader reserves before the widget loads";
    Load "load" Some("data-load"), Loader Text, "when near",
        "`eager`: load at once, not when the widget comes within a screen of the viewport";
    Lang "lang" Some("data-lang"), Module Language, "the article's lang, then the reader's browser",
        "the language of the interface, dates and events";
    Start "start" Some("data-start"), Module Date, "everything", "the start of the window shown first (with end)";
    End "end" Some("data-end"), Module Date, "everything", "the end of the window shown first (with start)";
    Event "event" Some("data-event"), Module Text, "none", "the event selected first";
    Categories "categories" Some("data-categories"), Module List, "all", "the categories shown first";
    Theme "theme" Some("data-theme"), Module Theme, "auto", "the colour scheme; auto follows the reader's system";
    Layout "layout" Some("data-layout"), Module Text, "auto",
        "which way time runs: vertical (down, in cards), horizontal, or auto (vertical below 600 px of width)";
    // TimelineJS3's options, under its names (its JavaScript options object carries over).
    Language "language" Some("data-language"), Module Language, "data-lang's",
        "TimelineJS3's name for lang (lang wins when both are given)";
    StartAtSlide "start_at_slide" Some("data-start-at-slide"), Module Count, "none",
        "the event opened first, counted as TimelineJS3 counts its slides (0 is the title)";
    StartAtEnd "start_at_end" Some("data-start-at-end"), Module Flag, "false",
        "open the last event (over start_at_slide)";
    HashBookmark "hash_bookmark" Some("data-hash-bookmark"), Module Flag, "false",
        "keep the selected event in the page's URL (#event=<id>), and open the one there";
}

/// Who reads an option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// The module, from the options object and the element's attribute.
    Module,
    /// The loader, before the module is loaded; the module ignores it.
    Loader,
}

/// How an option's value is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// JSON text in our format (docs/data-format.md). Present but empty is an error.
    Json,
    /// Any text but blank.
    Text,
    /// A language tag of a language we have (`en`, `fr-CA`, `fa`).
    Language,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// Comma-separated ids, or (in the options object) an array of them.
    List,
    /// `light`, `dark` or `auto`.
    Theme,
    /// A URL, relative to the page.
    Url,
    /// A CSS length.
    Length,
    /// On or off: `true` or `1` (or a bare attribute) is on, `false` or `0` off; in the
    /// options object also a boolean.
    Flag,
    /// A whole number from 0, as text or (in the options object) a number.
    Count,
}

/// One option of the embed.
#[derive(Debug)]
pub struct Spec {
    pub key: Key,
    /// Its key in the options object of `Timeline.mount`, `update` and the package's
    /// `mount`.
    pub name: &'static str,
    /// Its data attribute on a widget's element, if it has one.
    pub attribute: Option<&'static str>,
    pub reader: Reader,
    pub kind: Kind,
}

impl Spec {
    /// What applies when the option is not given.
    pub fn default(&self) -> &'static str {
        DOCS[self.key as usize].0
    }

    /// What the option is, in a line.
    pub fn about(&self) -> &'static str {
        DOCS[self.key as usize].1
    }
}

/// An option's value as the page gave it, before it is read.
#[derive(Clone, Debug, PartialEq)]
pub enum Raw {
    Text(String),
    /// An array (of its strings) in the options object.
    List(Vec<String>),
    /// A boolean in the options object.
    Bool(bool),
    /// A number in the options object.
    Number(f64),
    /// Anything else: an object, a function.
    Other,
}

/// An option's value once read.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Date(Date),
    List(Vec<String>),
    Theme(Theme),
    Flag(bool),
    Count(u32),
    /// Given, but not something this option can be (data that is not text).
    Bad,
}

impl Kind {
    /// The value of `raw`, or `None` to ignore it (malformed values are ignored, except
    /// data: present data that cannot be read is an error, never the bundled data).
    pub fn read(self, raw: Raw) -> Option<Value> {
        let text = match raw {
            Raw::Text(text) => text,
            Raw::List(list) if self == K::List => return Some(Value::List(list)),
            // As TimelineJS3 reads its options: 1 is true, any other number false.
            Raw::Bool(on) if self == K::Flag => return Some(Value::Flag(on)),
            Raw::Number(n) if self == K::Flag => return Some(Value::Flag(n == 1.0)),
            Raw::Number(n) if self == K::Count => {
                let whole = n >= 0.0 && n.fract() == 0.0;
                return whole.then(|| Value::Count(n.min(f64::from(u32::MAX)) as u32));
            }
            _ if self == K::Json => return Some(Value::Bad),
            _ => return None,
        };
        match self {
            K::Flag => match text.trim() {
                // A bare attribute (`data-start-at-end`) is on.
                "" | "1" => Some(Value::Flag(true)),
                "0" => Some(Value::Flag(false)),
                t if t.eq_ignore_ascii_case("true") => Some(Value::Flag(true)),
                t if t.eq_ignore_ascii_case("false") => Some(Value::Flag(false)),
                _ => None,
            },
            K::Count => {
                let digits = text.trim();
                let whole = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
                // Past u32 is past the last event all the same.
                whole.then(|| Value::Count(digits.parse().unwrap_or(u32::MAX)))
            }
            K::Json => Some(Value::Text(text)),
            K::List => Some(Value::List(
                text.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            )),
            _ if text.trim().is_empty() => None,
            K::Text | K::Url | K::Length => Some(Value::Text(text)),
            K::Language => crate::locale::find(&text).map(|_| Value::Text(text)),
            K::Date => Date::parse(text.trim()).ok().map(Value::Date),
            K::Theme => match text.as_str() {
                "light" => Some(Value::Theme(Theme::Light)),
                "dark" => Some(Value::Theme(Theme::Dark)),
                "auto" => Some(Value::Theme(Theme::Auto)),
                _ => None,
            },
        }
    }
}

/// The options given, one slot per [`OPTIONS`] entry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Given([Option<Value>; OPTIONS.len()]);

impl Given {
    /// Reads the options the module reads: `raw(spec)` is the page's value of one.
    pub fn read(mut raw: impl FnMut(&Spec) -> Option<Raw>) -> Given {
        let mut given = Given::default();
        for (slot, spec) in given.0.iter_mut().zip(&OPTIONS) {
            if spec.reader == Module {
                *slot = raw(spec).and_then(|raw| spec.kind.read(raw));
            }
        }
        given
    }

    fn get(&self, key: Key) -> Option<&Value> {
        self.0[key as usize].as_ref()
    }

    fn text(&self, key: Key) -> Option<&str> {
        match self.get(key) {
            Some(Value::Text(text)) => Some(text),
            _ => None,
        }
    }

    fn flag(&self, key: Key) -> bool {
        matches!(self.get(key), Some(Value::Flag(true)))
    }

    fn count(&self, key: Key) -> Option<u32> {
        match self.get(key) {
            Some(Value::Count(n)) => Some(*n),
            _ => None,
        }
    }

    fn date(&self, key: Key) -> Option<Date> {
        match self.get(key) {
            Some(Value::Date(date)) => Some(*date),
            _ => None,
        }
    }
}

/// The message for data that is given but empty.
pub const EMPTY_DATA: &str = "The data is empty";
/// The message for data that is given but not text.
pub const DATA_NOT_TEXT: &str = "The data is not JSON text (give it as a string)";

/// The widget's properties from the options given. `readers_language` is asked only
/// when no usable language is given.
pub fn props(given: &Given, readers_language: impl FnOnce() -> String) -> TimelineProps {
    let failed = |error: &str| TimelineProps {
        load_error: Some(error.to_owned().into()),
        ..TimelineProps::from_validated(Validated {
            document: None,
            problems: Vec::new(),
        })
    };
    let mut props = match (given.text(Key::Error), given.get(Key::Data)) {
        (Some(error), _) => failed(error),
        (None, Some(Value::Text(json))) if json.trim().is_empty() => failed(EMPTY_DATA),
        (None, Some(Value::Text(json))) => TimelineProps::from_validated(validate(json)),
        (None, Some(_)) => failed(DATA_NOT_TEXT),
        (None, None) => TimelineProps::from_validated(crate::data::bundled()),
    };
    props.lang = match given.text(Key::Lang).or(given.text(Key::Language)) {
        Some(tag) => tag.to_owned(),
        None => readers_language(),
    }
    .into();
    props.options = Options {
        sync_url: given.flag(Key::HashBookmark),
        embedded: true,
        initial_event: given.text(Key::Event).map(|id| id.to_owned().into()),
        start_at: if given.flag(Key::StartAtEnd) {
            Some(StartAt::End)
        } else {
            given.count(Key::StartAtSlide).map(StartAt::Slide)
        },
        initial_window: given.date(Key::Start).zip(given.date(Key::End)),
        categories: match given.get(Key::Categories) {
            Some(Value::List(list)) => Some(list.clone()),
            _ => None,
        },
        theme: match given.get(Key::Theme) {
            Some(Value::Theme(theme)) => *theme,
            _ => Theme::Auto,
        },
        layout: given
            .text(Key::Layout)
            .and_then(Layout::parse)
            .unwrap_or_default(),
        // Named by the embed, from its host element (`mod.rs`).
        link_key: None,
        texts: None,
        // Measured by the embed, from its host element (`mod.rs`).
        width: None,
    };
    props
}

#[cfg(test)]
mod tests;
