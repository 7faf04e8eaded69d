//! The validator from the outside: bad-input fixtures with their exact expected problems,
//! the valid fixtures, the documentation and JSON Schema kept in step with the code, and
//! property tests (never panics; valid documents round-trip through `Serialize`).
//!
//! Each `tests/fixtures/invalid/NAME.json` has a `NAME.expected`: a first line saying what
//! document came out (`document: none` or `document: events [id, id]`, ids in the
//! document's order), then one line per problem, `error: …` or `warning: …` followed by
//! the problem's `Display` form. After a deliberate change of messages, run
//! `UPDATE_EXPECTED=1 cargo test --test validation` to rewrite them, then review the diff.

use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use timeline::model::date::{Date, Day, Precision};
use timeline::model::format::{Category, Document, Era, Event, Source, Text};
use timeline::model::validate::*;

fn fixtures(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind)
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `.expected` form of a validation result.
fn describe(validated: &Validated) -> String {
    let mut out = match &validated.document {
        None => "document: none\n".to_owned(),
        Some(doc) => {
            let ids: Vec<&str> = doc.events.iter().map(|e| e.id.as_str()).collect();
            format!("document: events [{}]\n", ids.join(", "))
        }
    };
    for p in &validated.problems {
        out.push_str(&format!("{}: {p}\n", p.severity));
    }
    out
}

/// Properties every result has, whatever the input.
fn check_invariants(text: &str, v: &Validated) -> Result<(), String> {
    let positions: Vec<(u32, u32)> = v.problems.iter().map(|p| (p.line, p.column)).collect();
    if positions.windows(2).any(|w| w[0] > w[1]) {
        return Err(format!("problems out of document order: {positions:?}"));
    }
    let lines = u32::try_from(text.split('\n').count()).unwrap_or(u32::MAX);
    for p in &v.problems {
        if p.line < 1 || p.column < 1 || p.line > lines {
            return Err(format!("bad position in {p}"));
        }
        if p.message.is_empty() || p.to_string().contains('\n') {
            return Err(format!("bad message: {p:?}"));
        }
    }
    if v.document.is_none() && v.errors().next().is_none() {
        return Err("no document but no error either".into());
    }
    if v.is_valid() != (v.document.is_some() && v.errors().next().is_none()) {
        return Err("is_valid disagrees".into());
    }
    if let Some(doc) = &v.document {
        if doc.categories.is_empty() {
            return Err("a document without categories".into());
        }
        let keys: Vec<(i64, i64)> = doc
            .events
            .iter()
            .map(|e| (e.start_minute(), e.end_minute()))
            .collect();
        if keys.windows(2).any(|w| w[0] > w[1]) {
            return Err("events not sorted".into());
        }
        let mut ids = std::collections::HashSet::new();
        for e in &doc.events {
            if !ids.insert(e.id.as_str()) {
                return Err(format!("duplicate id {} in the document", e.id));
            }
            if doc.category(&e.category).is_none() {
                return Err(format!("event {} has an undeclared category", e.id));
            }
            if !(1..=3).contains(&e.importance) {
                return Err(format!("event {} breaks a rule", e.id));
            }
            // Shown without sources only with a warning that says so.
            let warned = v.warnings().any(|p| p.message.starts_with("no source"));
            if e.sources.is_empty() && !warned {
                return Err(format!("event {} has no sources and no warning", e.id));
            }
            if e.end_minute() <= e.start_minute() {
                return Err(format!("event {} ends before it starts", e.id));
            }
        }
    }
    Ok(())
}

#[test]
fn invalid_fixtures_report_exactly_the_expected_problems() {
    let dir = fixtures("invalid");
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let mut entries: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in &entries {
        let name = path.display();
        match path.extension().and_then(|e| e.to_str()) {
            Some("json") => {}
            Some("expected") => {
                if !path.with_extension("json").exists() {
                    failures.push(format!("{name}: no matching .json fixture"));
                }
                continue;
            }
            _ => {
                failures.push(format!("{name}: not a .json or .expected file"));
                continue;
            }
        }
        let text = read(path);
        let validated = validate(&text);
        let actual = describe(&validated);
        if let Err(e) = check_invariants(&text, &validated) {
            failures.push(format!("{name}: {e}"));
        }
        if validated.problems.is_empty() {
            failures.push(format!("{name}: an invalid fixture with no problem"));
        }
        let expected_path = path.with_extension("expected");
        if update {
            fs::write(&expected_path, &actual).expect("writes the expected file");
        }
        match fs::read_to_string(&expected_path) {
            Err(_) => failures.push(format!(
                "{name}: no {} file; it would be:\n{actual}",
                expected_path.display()
            )),
            Ok(expected) if expected != actual => failures.push(format!(
                "{name}: problems differ\n--- expected\n{expected}--- actual\n{actual}"
            )),
            Ok(_) => checked += 1,
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
    assert!(checked >= 20, "only {checked} fixtures were checked");
}

#[test]
fn the_fixture_check_fails_without_an_expected_file() {
    // The directory walk above turns a missing .expected into a failure; make sure a
    // fixture cannot slip through by having the wrong extension either.
    let dir = fixtures("invalid");
    for entry in fs::read_dir(dir).expect("the fixtures directory") {
        let path = entry.expect("an entry").path();
        let ext = path.extension().and_then(|e| e.to_str());
        assert!(
            matches!(ext, Some("json" | "expected")),
            "{}",
            path.display()
        );
        if ext == Some("json") {
            assert!(
                path.with_extension("expected").is_file(),
                "{} has no .expected file",
                path.display()
            );
        }
    }
}

#[test]
fn valid_fixtures_have_no_problem_at_all() {
    let mut count = 0;
    for entry in fs::read_dir(fixtures("valid")).expect("the valid fixtures") {
        let path = entry.expect("an entry").path();
        let text = read(&path);
        let validated = validate(&text);
        let problems: Vec<String> = validated.problems.iter().map(|p| p.to_string()).collect();
        assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
        assert!(validated.is_valid());
        let doc = validated.document.expect("a document");
        assert!(!doc.events.is_empty(), "{}", path.display());
        count += 1;
    }
    assert!(count >= 2);
}

#[test]
fn the_minimal_document_decodes_as_expected() {
    let doc = validate(&read(&fixtures("valid").join("minimal.json")))
        .document
        .expect("a document");
    let expected = Document {
        lang: None,
        title: "A minimal timeline".into(),
        description: None,
        updated: Some(Date::parse("2024-01-15").unwrap()),
        categories: vec![Category {
            id: "general".into(),
            label: "General".into(),
            color: "#336699".into(),
        }],
        eras: vec![],
        events: vec![Event {
            id: "first".into(),
            date: Date::parse("2012-09-07").unwrap(),
            approximate: false,
            end: None,
            date_label: None,
            category: "general".into(),
            tags: vec![],
            title: "Something happened".into(),
            summary: "What happened, in a sentence or two.".into(),
            sources: vec![Source {
                title: "A report".into(),
                publisher: "Example News".into(),
                url: "https://example.com/report".into(),
                date: None,
            }],
            importance: 2,
            media: None,
        }],
    };
    assert_eq!(doc, expected);
}

#[test]
fn the_documented_example_is_the_valid_fixture() {
    let example = read(&fixtures("valid").join("example.json"));
    let docs = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/data-format.md"));
    let block = format!("```json\n{example}```");
    assert!(
        docs.contains(&block),
        "docs/data-format.md must contain tests/fixtures/valid/example.json verbatim in a ```json block"
    );
    // And the example shows every field of the format at least once.
    let v: serde_json::Value = serde_json::from_str(&example).unwrap();
    let event_keys: std::collections::BTreeSet<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e.as_object().unwrap().keys().map(String::as_str))
        .collect();
    for field in EVENT_FIELDS {
        assert!(
            event_keys.contains(field.name),
            "the example has no event with {}",
            field.name
        );
    }
    // `lang` marks a file of one language; the example is a timeline in three.
    for field in DOCUMENT_FIELDS.iter().filter(|f| f.name != "lang") {
        assert!(
            v.get(field.name).is_some(),
            "the example has no {}",
            field.name
        );
    }
}

/// The JSON Schema is read with the crate's own parser (it must be strict JSON) and
/// navigated with serde_json.
fn schema() -> serde_json::Value {
    let text = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/timeline.schema.json"));
    if let Err(e) = timeline::model::json::parse(&text) {
        panic!("docs/timeline.schema.json is not JSON: {e}");
    }
    serde_json::from_str(&text).unwrap()
}

fn schema_object<'a>(schema: &'a serde_json::Value, def: &str) -> &'a serde_json::Value {
    if def.is_empty() {
        schema
    } else {
        &schema["$defs"][def]
    }
}

fn names(value: &serde_json::Value) -> Vec<String> {
    let mut names: Vec<String> = match value {
        serde_json::Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().unwrap().to_owned())
            .collect(),
        serde_json::Value::Object(map) => map.keys().cloned().collect(),
        _ => panic!("expected a list of names, found {value}"),
    };
    names.sort();
    names
}

/// Each object of the format: its `$defs` name ("" for the top level), the validator's
/// fields, and a JSON pointer to the example's instances of it (an array of them, or the
/// top-level object itself).
const OBJECTS: &[(&str, &[FieldSpec], &str)] = &[
    ("", DOCUMENT_FIELDS, ""),
    ("category", CATEGORY_FIELDS, "/categories"),
    ("era", ERA_FIELDS, "/eras"),
    ("event", EVENT_FIELDS, "/events"),
    ("source", SOURCE_FIELDS, "/events/1/sources"),
    ("media", MEDIA_FIELDS, "/events/0/media"),
];

#[test]
fn the_schema_lists_the_validators_fields() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    for &(def, fields, _) in OBJECTS {
        let object = schema_object(&schema, def);
        assert_eq!(object["type"], "object", "{def}");
        assert_eq!(object["additionalProperties"], true, "{def}");
        let mut required: Vec<String> = fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.name.to_owned())
            .collect();
        required.sort();
        assert_eq!(
            names(&object["required"]),
            required,
            "required fields of {def:?}"
        );
        let mut all: Vec<String> = fields.iter().map(|f| f.name.to_owned()).collect();
        all.sort();
        assert_eq!(names(&object["properties"]), all, "properties of {def:?}");
    }
    // A few rules the schema states as numbers must be the validator's.
    let event = &schema["$defs"]["event"]["properties"];
    assert_eq!(event["importance"]["minimum"], 1);
    assert_eq!(event["importance"]["maximum"], 3);
    assert_eq!(event["importance"]["default"], 2);
    // An empty list of sources is a warning, not an error: no minimum.
    assert!(event["sources"].get("minItems").is_none());
    assert_eq!(schema["properties"]["categories"]["minItems"], 1);
    assert_eq!(
        event["id"]["pattern"],
        format!("^[A-Za-z0-9._-]{{1,{MAX_ID_LEN}}}$")
    );
}

#[test]
fn the_schemas_required_fields_are_the_ones_the_validator_requires() {
    // Not a comparison of lists: remove each field the schema knows from the example and
    // see what the validator says.
    let schema = schema();
    let example: serde_json::Value =
        serde_json::from_str(&read(&fixtures("valid").join("example.json"))).unwrap();
    for &(def, _, pointer) in OBJECTS {
        let object = schema_object(&schema, def);
        let required = names(&object["required"]);
        // `lang` is not in the example (a timeline in three languages), and optional.
        for field in names(&object["properties"])
            .into_iter()
            .filter(|f| f != "lang")
        {
            let mut doc = example.clone();
            let instances = doc.pointer_mut(pointer).unwrap();
            let target = match instances {
                serde_json::Value::Array(items) => items
                    .iter_mut()
                    .filter_map(|i| i.as_object_mut())
                    .find(|i| i.contains_key(&field)),
                other => other.as_object_mut(),
            };
            let removed = target.and_then(|t| t.remove(&field));
            assert!(removed.is_some(), "no {def:?} in the example has {field}");
            let text = serde_json::to_string_pretty(&doc).unwrap();
            let validated = validate(&text);
            let missing = format!("missing required field \"{field}\"");
            let reported = validated.problems.iter().any(|p| p.message == missing);
            assert_eq!(
                reported,
                required.contains(&field),
                "{def:?}.{field}: {:?}",
                validated.problems
            );
            if !required.contains(&field) {
                assert!(
                    validated.is_valid(),
                    "{def:?}.{field} is optional: {:?}",
                    validated.problems
                );
            }
        }
    }
}

#[test]
fn a_large_document_validates_in_one_pass() {
    // 100,000 events, as big newsroom documents are: no problem, all kept, sorted.
    let event = |i: usize| {
        format!(
            r#"{{"id": "e{i}", "date": "{}-{:02}-{:02}", "category": "c{}", "title": {{"en": "Event {i}", "fr": "Événement {i}"}}, "summary": "Summary of event {i}.", "tags": ["t{}"], "sources": [{{"title": "Source", "publisher": "P", "url": "https://example.com/{i}"}}], "importance": {}}}"#,
            1900 + (i * 7919) % 125,
            1 + i % 12,
            1 + i % 28,
            i % 3,
            i % 10,
            1 + i % 3
        )
    };
    let events: Vec<String> = (0..100_000).map(event).collect();
    let text = format!(
        r##"{{"title": "Big", "updated": "2024-01-01", "categories": [{{"id": "c0", "label": "A", "color": "#111"}}, {{"id": "c1", "label": "B", "color": "#222"}}, {{"id": "c2", "label": "C", "color": "#333"}}],
"events": [
{}
]}}"##,
        events.join(",\n")
    );
    let validated = validate(&text);
    assert_eq!(validated.problems, []);
    let doc = validated.document.unwrap();
    assert_eq!(doc.events.len(), 100_000);
    assert!(check_invariants(
        &text,
        &Validated {
            document: Some(doc),
            problems: vec![]
        }
    )
    .is_ok());
}

/// Hostile documents: each grows one thing to a size no newsroom writes, and each must give
/// a bounded, well-placed answer (no panic, no stack overflow, the rest of the data kept).
/// How long each takes as it grows is `cargo run --release --example validate_bench`.
#[test]
fn hostile_documents_give_bounded_answers() {
    let document = |event_extra: &str, title: &str| {
        format!(
            r##"{{"title": "T", "updated": "2024", "categories": [{{"id": "a", "label": "A", "color": "#123"}}],
"events": [{{"id": "x", "date": "2001", "category": "a", "title": {title}, "summary": "S", "sources": [{{"title": "S", "publisher": "P", "url": "https://example.org/"}}]{event_extra}}}]}}"##
        )
    };
    let many = |n: usize, member: &dyn Fn(usize) -> String| {
        (0..n).map(member).collect::<Vec<_>>().join(", ")
    };
    // (what, text, problems found (first and count), translations kept in the title)
    type Case = (&'static str, String, &'static str, usize, Option<usize>);
    let cases: Vec<Case> = vec![
        (
            "nesting a million deep",
            document(&format!(r#", "deep": {}"#, "[".repeat(1_000_000)), r#""T""#),
            "JSON syntax error: arrays and objects are nested more than 128 levels deep (line 2, column 298)",
            1,
            None,
        ),
        (
            "100,000 translations",
            document("", &format!("{{{}}}", many(100_000, &|i| format!(r#""en-{:06}": "T""#, 100_000 - i)))),
            "events[0].title: no \"en\" translation: English is the fallback for readers of other languages (line 2, column 66)",
            2,
            Some(MAX_TRANSLATIONS),
        ),
        (
            "100,000 copies of one language",
            document("", &format!("{{{}}}", many(100_000, &|_| r#""en": "T""#.to_owned()))),
            "events[0].title.en: duplicate language \"en\" (a field may appear only once) (line 2, column 78)",
            MAX_TRANSLATIONS,
            None,
        ),
        (
            "100,000 unknown fields",
            document(&format!(", {}", many(100_000, &|i| format!(r#""f{i}": 1"#))), r#""T""#),
            "events[0].f0: unknown field \"f0\" (ignored) (line 2, column 165)",
            100_000,
            Some(0),
        ),
    ];
    for (what, text, first, count, kept) in cases {
        let v = validate(&text);
        assert_eq!(
            v.problems.first().map(ToString::to_string).as_deref(),
            Some(first),
            "{what}"
        );
        assert_eq!(v.problems.len(), count, "{what}");
        let title = v
            .document
            .as_ref()
            .and_then(|d| d.events.first())
            .map(|e| &e.title);
        let translations = title.map(|t| match t {
            Text::Translated(map) => map.len(),
            Text::Plain(_) | Text::Rich(_) => 0,
        });
        assert_eq!(translations, kept, "{what}");
    }
}

// ---------------------------------------------------------------------------------------
// Property tests.

/// Arbitrary JSON: values of every kind, nested.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        (-1e6f64..1e6).prop_map(|f| serde_json::json!(f)),
        "\\PC{0,12}".prop_map(serde_json::Value::String),
        // Strings that look like the format's values.
        prop_oneof![
            Just("2012-09-07"),
            Just("2020-13-01"),
            Just("https://example.com/"),
            Just("javascript:alert(1)"),
            Just("#336699"),
            Just("en"),
            Just(""),
        ]
        .prop_map(|s| serde_json::Value::String(s.into())),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    "[a-z$]{1,10}",
                    Just("title".to_owned()),
                    Just("events".to_owned()),
                    Just("categories".to_owned()),
                    Just("id".to_owned()),
                    Just("date".to_owned()),
                    Just("en".to_owned()),
                ],
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn example_text() -> String {
    read(&fixtures("valid").join("example.json"))
}

/// Every JSON pointer to a value inside `v`.
fn pointers(v: &serde_json::Value, here: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{here}/{i}"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                pointers(
                    item,
                    format!("{here}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        _ => {}
    }
    out.push(here);
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Replace(usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop_oneof![
        Just(b'{'),
        Just(b'}'),
        Just(b'['),
        Just(b']'),
        Just(b'"'),
        Just(b','),
        Just(b':'),
        Just(b'\\'),
        Just(b'0'),
        Just(b'-'),
        Just(b' '),
        Just(b'\n'),
        any::<u8>(),
    ];
    prop_oneof![
        (any::<usize>(), 1usize..8).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), prop::collection::vec(byte.clone(), 1..6))
            .prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        (any::<usize>(), byte).prop_map(|(at, b)| Mutation::Replace(at, b)),
    ]
}

// Strategies for valid documents.

/// Text as the format allows it: not blank, no control characters but \n and \t.
fn display_string() -> impl Strategy<Value = String> {
    prop_oneof![
        "[^\\p{Cc}]{0,6}[^\\p{Cc}\\s][^\\p{Cc}]{0,6}",
        "[a-z]{1,4}\n\t[a-z]{1,4}",
        "[A-Za-z ]{0,5}[A-Za-z\"\\\\/<>&'][A-Za-z ]{0,5}",
    ]
}

fn language() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("en".to_owned()),
        Just("fr".to_owned()),
        Just("fa".to_owned()),
        "[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,2}",
    ]
}

fn text() -> impl Strategy<Value = Text> {
    prop_oneof![
        display_string().prop_map(Text::Plain),
        prop::collection::btree_map(language(), display_string(), 1..4)
            .prop_map(|map| Text::Translated(map.into_iter().collect())),
    ]
}

fn precision() -> impl Strategy<Value = Precision> {
    prop_oneof![
        Just(Precision::Year),
        Just(Precision::Month),
        Just(Precision::Day)
    ]
}

/// A date within years -9999 to 9999.
fn date() -> impl Strategy<Value = Date> {
    (-4_371_000i64..2_932_000, precision())
        .prop_map(|(day, p)| Date::from_day(Day(day)).truncated(p))
}

/// A start date and an end date whose last day is not before the start's first day.
fn span() -> impl Strategy<Value = (Date, Date)> {
    (
        -4_371_000i64..2_900_000,
        0i64..30_000,
        precision(),
        precision(),
    )
        .prop_map(|(day, length, p1, p2)| {
            (
                Date::from_day(Day(day)).truncated(p1),
                Date::from_day(Day(day + length)).truncated(p2),
            )
        })
}

fn url() -> impl Strategy<Value = String> {
    "(http|https|HTTPS)://[a-z0-9.-]{1,12}(:[0-9]{1,5})?(/[A-Za-z0-9._~%!$&'()*+,;=:@/?#<>-]{0,16})?"
}

fn source() -> impl Strategy<Value = Source> {
    (text(), display_string(), url(), prop::option::of(date())).prop_map(
        |(title, publisher, url, date)| Source {
            title,
            publisher,
            url,
            date,
        },
    )
}

fn category_ids() -> impl Strategy<Value = Vec<String>> {
    prop::collection::btree_set("[a-z0-9][a-z0-9_-]{0,8}", 1..5)
        .prop_map(|ids| ids.into_iter().collect())
}

fn event(categories: Vec<String>) -> impl Strategy<Value = Event> {
    (
        "[A-Za-z0-9._-]{0,20}",
        prop::bool::ANY,
        prop_oneof![
            span().prop_map(|(s, e)| (s, Some(e))),
            date().prop_map(|d| (d, None))
        ],
        prop::sample::select(categories),
        prop::collection::vec(display_string(), 0..3),
        (text(), text()),
        prop::collection::vec(source(), 1..3),
        1u8..=3,
    )
        .prop_map(
            |(
                id,
                approximate,
                (date, end),
                category,
                tags,
                (title, summary),
                sources,
                importance,
            )| Event {
                id,
                date,
                approximate,
                end,
                date_label: None,
                category,
                tags,
                title,
                summary,
                sources,
                importance,
                media: None,
            },
        )
}

fn era() -> impl Strategy<Value = Era> {
    (text(), span(), prop::option::of(text())).prop_map(|(label, (start, end), summary)| Era {
        label,
        start,
        end,
        summary,
    })
}

fn document() -> impl Strategy<Value = Document> {
    category_ids().prop_flat_map(|ids| {
        let categories: Vec<BoxedStrategy<Category>> = ids
            .iter()
            .map(|id| {
                let id = id.clone();
                (text(), "#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
                    .prop_map(move |(label, color)| Category {
                        id: id.clone(),
                        label,
                        color,
                    })
                    .boxed()
            })
            .collect();
        (
            text(),
            prop::option::of(text()),
            date(),
            categories,
            prop::collection::vec(era(), 0..3),
            prop::collection::vec(event(ids), 0..8),
        )
            .prop_map(
                |(title, description, updated, categories, eras, mut events)| {
                    // Ids made unique by a numeric suffix, within 100 characters.
                    for (i, e) in events.iter_mut().enumerate() {
                        e.id = format!("{}-{i}", e.id);
                    }
                    let mut doc = Document {
                        lang: None,
                        title,
                        description,
                        updated: Some(updated),
                        categories,
                        eras,
                        events,
                    };
                    doc.sort_events();
                    doc
                },
            )
    })
}

/// The only problems a valid document may have: warnings about missing English or
/// about having no events.
fn only_expected_warnings(v: &Validated) -> bool {
    v.problems.iter().all(|p| {
        p.severity == Severity::Warning
            && (p.message.starts_with("no \"en\" translation")
                || p.message == "the timeline has no events")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_arbitrary_text(s in "\\PC{0,200}|[\\[\\]{}\",:0-9a-z\\\\ \n-]{0,200}") {
        let v = validate(&s);
        prop_assert_eq!(check_invariants(&s, &v), Ok(()));
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let s = String::from_utf8_lossy(&bytes);
        let v = validate(&s);
        prop_assert_eq!(check_invariants(&s, &v), Ok(()));
    }

    #[test]
    fn never_panics_on_arbitrary_json(v in json_value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        let validated = validate(&text);
        prop_assert_eq!(check_invariants(&text, &validated), Ok(()));
        // It is JSON, so any error is about the content, never the syntax.
        prop_assert!(validated.problems.iter().all(|p| !p.message.starts_with("JSON syntax error")));
    }

    #[test]
    fn never_panics_when_a_value_of_the_example_is_replaced(
        v in json_value(),
        pick in any::<prop::sample::Index>(),
    ) {
        let mut doc: serde_json::Value = serde_json::from_str(&example_text()).unwrap();
        let mut all = Vec::new();
        pointers(&doc, String::new(), &mut all);
        let pointer = pick.get(&all).clone();
        if pointer.is_empty() {
            doc = v;
        } else if let Some(slot) = doc.pointer_mut(&pointer) {
            *slot = v;
        }
        let text = serde_json::to_string_pretty(&doc).unwrap();
        let validated = validate(&text);
        prop_assert_eq!(check_invariants(&text, &validated), Ok(()));
    }

    #[test]
    fn never_panics_on_mutations_of_a_valid_document(mutations in prop::collection::vec(mutation(), 1..6)) {
        let mut bytes = example_text().into_bytes();
        for m in mutations {
            let len = bytes.len();
            match m {
                Mutation::Delete(at, n) if len > 0 => {
                    let at = at % len;
                    bytes.drain(at..(at + n).min(len));
                }
                Mutation::Insert(at, new) => {
                    let at = at % (len + 1);
                    bytes.splice(at..at, new);
                }
                Mutation::Replace(at, b) if len > 0 => bytes[at % len] = b,
                _ => {}
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        let validated = validate(&text);
        prop_assert_eq!(check_invariants(&text, &validated), Ok(()));
    }

    #[test]
    fn valid_documents_round_trip_through_serialize(doc in document(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&doc) } else { serde_json::to_string(&doc) }.unwrap();
        let validated = validate(&text);
        prop_assert!(only_expected_warnings(&validated), "{:#?}\n{}", validated.problems, text);
        prop_assert_eq!(validated.document.as_ref(), Some(&doc), "{}", text);
        prop_assert!(validated.is_valid());
    }

    #[test]
    fn one_broken_event_leaves_the_others(doc in document(), which in any::<prop::sample::Index>()) {
        prop_assume!(!doc.events.is_empty());
        let mut json = serde_json::to_value(&doc).unwrap();
        let events = json["events"].as_array_mut().unwrap();
        let broken = which.index(events.len());
        events[broken]["date"] = serde_json::json!("2023-02-30");
        let text = serde_json::to_string_pretty(&json).unwrap();
        let validated = validate(&text);
        let errors: Vec<&Problem> = validated.errors().collect();
        prop_assert_eq!(errors.len(), 1);
        prop_assert_eq!(&errors[0].path, &format!("events[{broken}].date"));
        prop_assert_eq!(&errors[0].message, "\"2023-02-30\" is not a valid date: February 2023 has 28 days, not 30");
        let mut expected = doc.clone();
        expected.events.remove(broken);
        prop_assert_eq!(validated.document, Some(expected));
    }
}

#[test]
fn translated_text_falls_back_to_english() {
    // The decoded Text keeps every translation; `get` falls back to English.
    let text = read(&fixtures("valid").join("example.json"));
    let doc = validate(&text).document.unwrap();
    assert_eq!(doc.title.get("fa"), "کانادا و ایران");
    assert_eq!(doc.title.get("de"), "Canada and Iran: a short timeline");
    let Text::Translated(map) = &doc.title else {
        panic!("the example's title is translated")
    };
    assert_eq!(map.keys().collect::<Vec<_>>(), ["en", "fa", "fr"]);
}
