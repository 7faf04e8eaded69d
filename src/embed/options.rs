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
use crate::ui::{Options, StartAt, Theme, TimelineProps};
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
    Lang "lang" Some("data-lang"), Module Language, "the article's lang, then the reader's browser",
        "the language of the interface, dates and events";
    Start "start" Some("data-start"), Module Date, "everything", "the start of the window shown first (with end)";
    End "end" Some("data-end"), Module Date, "everything", "the end of the window shown first (with start)";
    Event "event" Some("data-event"), Module Text, "none", "the event selected first";
    Categories "categories" Some("data-categories"), Module List, "all", "the categories shown first";
    Theme "theme" Some("data-theme"), Module Theme, "auto", "the colour scheme; auto follows the reader's system";
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
    };
    props
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn read_file(path: &str) -> String {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Options given as attributes (`("data-theme", "dark")`) or by name (`("theme", …)`).
    fn given(pairs: &[(&str, Raw)]) -> Given {
        Given::read(|spec| {
            pairs
                .iter()
                .find(|(key, _)| *key == spec.name || Some(*key) == spec.attribute)
                .map(|(_, raw)| raw.clone())
        })
    }

    fn text(s: &str) -> Raw {
        Raw::Text(s.to_owned())
    }

    fn props_of(pairs: &[(&str, Raw)]) -> TimelineProps {
        props(&given(pairs), || "xx-reader".to_owned())
    }

    #[test]
    fn the_table_is_in_the_order_of_its_keys_and_names_are_unique() {
        for (i, spec) in OPTIONS.iter().enumerate() {
            assert_eq!(spec.key as usize, i, "{spec:?}");
            assert!(
                !spec.about().is_empty() && !spec.default().is_empty(),
                "{}",
                spec.name
            );
            // `start_at_end` (TimelineJS3's name) is `data-start-at-end`.
            if let Some(attribute) = spec.attribute {
                let name = spec.name.replace('_', "-");
                assert_eq!(attribute, format!("data-{name}"), "{}", spec.name);
            }
        }
        let names: BTreeSet<_> = OPTIONS.iter().map(|s| s.name).collect();
        assert_eq!(names.len(), OPTIONS.len());
    }

    /// The `data-*` attributes in the first cell of the rows of the README's options
    /// table (in "Embedding in an article").
    fn readme_attributes() -> BTreeSet<String> {
        let readme = read_file("README.md");
        let section = readme
            .split("\n## ")
            .find(|s| s.starts_with("Embedding in an article"))
            .expect("the README has an \"Embedding in an article\" section");
        let mut found = BTreeSet::new();
        for row in section.lines().filter(|l| l.starts_with("| `data-")) {
            let cell = row.split('|').nth(1).unwrap_or_default();
            for code in cell.split('`').skip(1).step_by(2) {
                let name: String = code
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                assert!(name.starts_with("data-"), "{row}");
                found.insert(name);
            }
        }
        found
    }

    #[test]
    fn the_readme_lists_exactly_the_attributes_of_the_table() {
        let table: BTreeSet<String> = OPTIONS
            .iter()
            .filter_map(|s| s.attribute.map(str::to_owned))
            .collect();
        let readme = readme_attributes();
        let missing: Vec<_> = table.difference(&readme).collect();
        let unknown: Vec<_> = readme.difference(&table).collect();
        assert!(
            missing.is_empty(),
            "not in the README's options table: {missing:?}"
        );
        assert!(
            unknown.is_empty(),
            "in the README but not in OPTIONS: {unknown:?}"
        );
    }

    /// The loader reads the options marked `Loader`, and no other: every quoted
    /// `'data-…'` in assets/embed.js is one of them or the widget marker.
    #[test]
    fn the_loader_reads_only_its_own_options() {
        let loader = read_file("assets/embed.js");
        let quoted: BTreeSet<String> = loader
            .split("'data-")
            .skip(1)
            .filter_map(|rest| rest.split_once('\''))
            .filter(|(name, _)| name.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
            .map(|(name, _)| format!("data-{name}"))
            .collect();
        let own: BTreeSet<String> = OPTIONS
            .iter()
            .filter(|s| s.reader == Loader)
            .filter_map(|s| s.attribute.map(str::to_owned))
            .collect();
        let mut expected = own.clone();
        expected.insert("data-timeline".to_owned());
        assert_eq!(quoted, expected, "the attributes assets/embed.js reads");
        // The loader's default height is the table's.
        let height = &OPTIONS[Key::Height as usize];
        assert!(
            loader.contains(&format!("'{}'", height.default())),
            "{height:?}"
        );
    }

    #[test]
    fn the_module_ignores_the_loaders_options() {
        assert_eq!(
            given(&[("data-src", text("x.json")), ("height", text("10px"))]),
            Given::default()
        );
    }

    #[test]
    fn attributes_and_names_are_read_alike() {
        let by_attribute = given(&[
            ("data-lang", text("fr")),
            ("data-start", text("2012")),
            ("data-end", text("2021-06")),
            ("data-event", text("ps752-downed-2020")),
            ("data-categories", text("aviation, legal,")),
            ("data-theme", text("dark")),
        ]);
        let by_name = given(&[
            ("lang", text("fr")),
            ("start", text("2012")),
            ("end", text("2021-06")),
            ("event", text("ps752-downed-2020")),
            (
                "categories",
                Raw::List(vec!["aviation".into(), "legal".into()]),
            ),
            ("theme", text("dark")),
        ]);
        assert_eq!(by_attribute, by_name);
        let props = props(&by_name, || unreachable!("a language was given"));
        assert_eq!(props.lang, "fr");
        let options = props.options;
        assert_eq!(options.initial_event.as_deref(), Some("ps752-downed-2020"));
        assert_eq!(
            options.initial_window,
            Some((
                Date::parse("2012").unwrap(),
                Date::parse("2021-06").unwrap()
            ))
        );
        assert_eq!(
            options.categories,
            Some(vec!["aviation".to_owned(), "legal".to_owned()])
        );
        assert_eq!(options.theme, Theme::Dark);
        assert!(options.embedded && !options.sync_url);
    }

    /// Every malformed or blank value is ignored: the option's default applies.
    #[test]
    fn malformed_values_are_ignored() {
        let cases: &[(&str, Raw)] = &[
            ("lang", text("xx")),
            ("lang", text("  ")),
            ("lang", Raw::Other),
            ("start", text("2012-13")),
            ("event", text(" ")),
            ("event", Raw::List(vec!["a".into()])),
            ("categories", Raw::Other),
            ("theme", text("Dark")),
            ("theme", text("")),
            ("error", text(" ")),
        ];
        let default = props_of(&[]);
        for (name, raw) in cases {
            let props = props_of(&[(name, raw.clone()), ("end", text("2020"))]);
            assert_eq!(props.lang, "xx-reader", "{name} {raw:?}");
            assert!(props.options.initial_window.is_none(), "{name} {raw:?}");
            assert!(props.options == default.options, "{name} {raw:?}");
            assert!(props.load_error.is_none(), "{name} {raw:?}");
        }
        // An empty list of categories is a list: no category shown at first.
        assert_eq!(
            props_of(&[("data-categories", text(""))])
                .options
                .categories,
            Some(Vec::new())
        );
    }

    /// TimelineJS3's on/off options read as it reads them: `true` (any case) or 1, and a
    /// bare attribute, are on; `false` or 0 off; anything else is ignored (off).
    #[test]
    fn flags_read_as_timelinejs3_reads_them() {
        let cases: &[(Raw, Option<bool>)] = &[
            (text(""), Some(true)),
            (text("true"), Some(true)),
            (text(" TRUE "), Some(true)),
            (text("1"), Some(true)),
            (text("false"), Some(false)),
            (text("False"), Some(false)),
            (text("0"), Some(false)),
            (Raw::Bool(true), Some(true)),
            (Raw::Bool(false), Some(false)),
            (Raw::Number(1.0), Some(true)),
            (Raw::Number(2.0), Some(false)),
            (text("yes"), None),
            (text("start"), None),
            (Raw::Other, None),
            (Raw::List(vec!["true".into()]), None),
        ];
        for (raw, expected) in cases {
            assert_eq!(
                Kind::Flag.read(raw.clone()),
                expected.map(Value::Flag),
                "{raw:?}"
            );
            let on = expected == &Some(true);
            for attribute in ["data-start-at-end", "start_at_end"] {
                let props = props_of(&[(attribute, raw.clone())]);
                let start_at = props.options.start_at;
                assert_eq!(start_at, on.then_some(StartAt::End), "{attribute} {raw:?}");
            }
            let props = props_of(&[("data-hash-bookmark", raw.clone())]);
            assert_eq!(props.options.sync_url, on, "hash bookmark {raw:?}");
            assert!(props.options.embedded, "{raw:?}");
        }
    }

    #[test]
    fn a_slide_number_is_a_whole_number_from_zero() {
        let cases: &[(Raw, Option<u32>)] = &[
            (text("0"), Some(0)),
            (text("4"), Some(4)),
            (text(" 12 "), Some(12)),
            (text("99999999999999"), Some(u32::MAX)),
            (Raw::Number(3.0), Some(3)),
            (Raw::Number(0.0), Some(0)),
            (Raw::Number(1e12), Some(u32::MAX)),
            (text("-1"), None),
            (text("+1"), None),
            (text("1.5"), None),
            (text("4th"), None),
            (text(""), None),
            (text(" "), None),
            (Raw::Number(-1.0), None),
            (Raw::Number(2.5), None),
            (Raw::Number(f64::NAN), None),
            (Raw::Number(f64::INFINITY), None),
            (Raw::Bool(true), None),
        ];
        for (raw, expected) in cases {
            assert_eq!(
                Kind::Count.read(raw.clone()),
                expected.map(Value::Count),
                "{raw:?}"
            );
            let props = props_of(&[("data-start-at-slide", raw.clone())]);
            assert_eq!(
                props.options.start_at,
                expected.map(StartAt::Slide),
                "{raw:?}"
            );
        }
        // The end wins over a slide, as in TimelineJS3; a named event over both (`State`).
        let both = props_of(&[
            ("start_at_slide", Raw::Number(2.0)),
            ("start_at_end", Raw::Bool(true)),
        ]);
        assert_eq!(both.options.start_at, Some(StartAt::End));
        let off = props_of(&[
            ("start_at_slide", Raw::Number(2.0)),
            ("start_at_end", Raw::Bool(false)),
        ]);
        assert_eq!(off.options.start_at, Some(StartAt::Slide(2)));
    }

    /// `language` (TimelineJS3's name) is `lang`; `lang` wins when both are given.
    #[test]
    fn language_is_lang_under_timelinejs3s_name() {
        let ask = || -> String { unreachable!("a language was given") };
        let cases: &[(&[(&str, Raw)], &str)] = &[
            (&[("data-language", text("fr"))], "fr"),
            (&[("language", text("fa"))], "fa"),
            // TimelineJS3's variants of a language we have are that language.
            (&[("language", text("en-24hr"))], "en-24hr"),
            (
                &[("data-lang", text("fa")), ("data-language", text("fr"))],
                "fa",
            ),
            // One we do not have is ignored, and the other one is used.
            (
                &[("data-lang", text("de")), ("data-language", text("fr"))],
                "fr",
            ),
        ];
        for (pairs, expected) in cases {
            assert_eq!(props(&given(pairs), ask).lang, *expected, "{pairs:?}");
        }
        assert_eq!(
            props_of(&[("language", text("de"))]).lang,
            "xx-reader",
            "not ours: the reader's"
        );
    }

    /// Absent data is the bundled data; given data is never replaced by it, even empty.
    #[test]
    fn data_given_is_the_data_shown() {
        let bundled = props_of(&[]);
        assert!(bundled.load_error.is_none());
        assert_eq!(
            bundled.document.is_some(),
            cfg!(feature = "bundled-data"),
            "{:?}",
            bundled.problems
        );
        let cases: &[(Raw, Option<&str>)] = &[
            (text(""), Some(EMPTY_DATA)),
            (text(" \n\t "), Some(EMPTY_DATA)),
            (Raw::Other, Some(DATA_NOT_TEXT)),
            (Raw::List(vec![]), Some(DATA_NOT_TEXT)),
            (text("{"), None),
        ];
        for (raw, error) in cases {
            let props = props_of(&[("data", raw.clone())]);
            assert_eq!(props.load_error.as_deref(), *error, "{raw:?}");
            assert!(props.document.is_none(), "{raw:?}");
        }
        // Not JSON: the validator's problems, not the bundled events.
        assert!(!props_of(&[("data", text("{"))]).problems.is_empty());
        // The loader's error wins over any data.
        let failed = props_of(&[("error", text("Could not load x")), ("data", text("{}"))]);
        assert_eq!(failed.load_error.as_deref(), Some("Could not load x"));
    }
}
