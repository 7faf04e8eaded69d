//! The options table, its README table and loader, and each option's reading and effect.

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
/// `'data-…'` in assets/embed.js and embed-mount.js is one of them, the widget marker, or
/// one the module reads that the loader only peeks at (the language of the placeholder's
/// label, and whether a deep link of TimelineJS3's is the widget's).
#[test]
fn the_loader_reads_only_its_own_options() {
    let loader = read_file("assets/embed.js") + &read_file("assets/embed-mount.js");
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
    for peeked in [Key::Lang, Key::Language, Key::HashBookmark] {
        let spec = &OPTIONS[peeked as usize];
        assert_eq!(spec.reader, Module, "{spec:?}");
        expected.extend(spec.attribute.map(str::to_owned));
    }
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
