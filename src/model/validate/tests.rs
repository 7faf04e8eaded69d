//! The validator's tests: every rule and message, with their paths, lines and columns.

use super::checker::Seen;
use super::fields::{CATEGORY_FIELDS, EVENT_FIELDS};
use super::objects::Categories;
use super::rules::{
    edit_distance, is_category_id, is_colour, is_language_code, suggestion, url_problem,
};
use super::*;
use crate::model::date::Date;
use crate::model::format::{Document, Event, Source, Text, DEFAULT_IMPORTANCE};
use crate::model::paths::{quote, Path};

/// Every problem as "error: path: message (line L, column C)" (the spreadsheet tests use
/// it too).
pub(super) fn problems(text: &str) -> Vec<String> {
    validate(text)
        .problems
        .iter()
        .map(|p| format!("{}: {p}", p.severity))
        .collect()
}

const SOURCE: &str = r#"{"title": "S", "publisher": "P", "url": "https://example.org/"}"#;

/// A valid document around the given events (one per line, from line 5 on).
fn with_events(events: &[&str]) -> String {
    format!(
        "{{\"title\": \"T\", \"updated\": \"2024-01-01\",\n\"categories\": [{{\"id\": \"a\", \"label\": \"A\", \"color\": \"#123\"}},\n{{\"id\": \"b\", \"label\": \"B\", \"color\": \"#abcdef\"}}],\n\"events\": [\n{}\n]}}",
        events.join(",\n")
    )
}

fn event(id: &str, date: &str, extra: &str) -> String {
    format!(
        r#"{{"id": "{id}", "date": "{date}", "category": "a", "title": "T", "summary": "S", "sources": [{SOURCE}]{extra}}}"#
    )
}

fn doc(text: &str) -> Document {
    let v = validate(text);
    v.document
        .unwrap_or_else(|| panic!("no document: {:?}", v.problems))
}

#[test]
fn a_valid_document_decodes_with_defaults() {
    let text = with_events(&[
        &event("x", "2012-09-07", ""),
        &event(
            "y",
            "2001",
            r#", "approximate": true, "end": "2003-06", "tags": ["t1", "t 2"], "importance": 3"#,
        ),
    ]);
    let v = validate(&text);
    assert_eq!(v.problems, []);
    assert!(v.is_valid());
    let d = v.document.unwrap();
    assert_eq!(d.title, Text::from("T"));
    assert_eq!(d.updated, Some(Date::parse("2024-01-01").unwrap()));
    assert_eq!(d.categories.len(), 2);
    assert_eq!(d.categories[1].color, "#abcdef");
    // Sorted by date: 2001 comes first.
    let y = &d.events[0];
    assert_eq!(y.id, "y");
    assert!(y.approximate);
    assert_eq!(y.end, Some(Date::parse("2003-06").unwrap()));
    assert_eq!(y.tags, ["t1", "t 2"]);
    assert_eq!(y.importance, 3);
    let x = &d.events[1];
    assert_eq!(
        *x,
        Event {
            id: "x".into(),
            date: Date::parse("2012-09-07").unwrap(),
            approximate: false,
            end: None,
            date_label: None,
            category: "a".into(),
            tags: vec![],
            title: "T".into(),
            summary: "S".into(),
            sources: vec![Source {
                title: "S".into(),
                publisher: "P".into(),
                url: "https://example.org/".into(),
                date: None
            }],
            importance: DEFAULT_IMPORTANCE,
            media: None,
        }
    );
}

#[test]
fn problem_display_with_and_without_path() {
    let p = Problem {
        severity: Severity::Error,
        path: "events[12].date".into(),
        message: "\"2020-13-01\" is not a valid date: month 13 is not between 1 and 12".into(),
        line: 88,
        column: 15,
    };
    assert_eq!(
        p.to_string(),
        "events[12].date: \"2020-13-01\" is not a valid date: month 13 is not between 1 and 12 (line 88, column 15)"
    );
    let top = Problem {
        path: String::new(),
        ..p
    };
    assert!(top.to_string().starts_with("\"2020-13-01\" is not"));
    assert_eq!(Severity::Warning.to_string(), "warning");
}

#[test]
fn malformed_json_is_one_error_and_no_document() {
    let v = validate("{\n  \"title\": \"T\"\n  \"updated\": \"2024\"\n}");
    assert_eq!(v.document, None);
    assert!(!v.is_valid());
    assert_eq!(
        v.problems,
        [Problem {
            severity: Severity::Error,
            path: String::new(),
            message: "JSON syntax error: expected ',' or '}' after an object member, found '\"'"
                .into(),
            line: 3,
            column: 3,
        }]
    );
}

#[test]
fn the_top_level_must_be_an_object() {
    for (text, found) in [("[]", "an array"), (" 3", "a number"), ("null", "null")] {
        let v = validate(text);
        assert_eq!(v.document, None);
        assert_eq!(
            problems(text),
            [format!(
                "error: expected the document to be a JSON object, found {found} (line 1, column {})",
                text.len() - text.trim_start().len() + 1
            )]
        );
    }
}

#[test]
fn missing_fields_point_at_the_brace_and_unusable_tops_give_no_document() {
    let text = "\n  {\"events\": []}";
    let v = validate(text);
    assert_eq!(v.document, None);
    assert_eq!(
        problems(text),
        [
            "error: missing required field \"categories\" (line 2, column 3)",
            "warning: no \"title\": the timeline is shown without one (line 2, column 3)",
            "warning: no \"updated\": the timeline does not say when it was last updated (line 2, column 3)",
            "warning: events: the timeline has no events (line 2, column 14)",
        ]
    );
    // Without a title or a date of update (a converted TimelineJS3 file), the timeline is
    // shown without them; a bad one is an error, and there is no document.
    let untitled =
        r##"{"categories": [{"id": "a", "label": "A", "color": "#123"}], "events": []}"##;
    let v = validate(untitled);
    assert_eq!(v.errors().count(), 0);
    let d = v.document.expect("a document");
    assert_eq!((d.title, d.updated), (Text::Plain(String::new()), None));
    let bad = r##"{"title": 1, "updated": "2024", "categories": [{"id": "a", "label": "A", "color": "#123"}], "events": []}"##;
    assert_eq!(validate(bad).document, None);
    let no_category = r#"{"title": "T", "updated": "2024", "categories": [], "events": []}"#;
    assert_eq!(validate(no_category).document, None);
    assert_eq!(
        problems(no_category)[0],
        "error: categories: there must be at least one category (line 1, column 49)"
    );
    // A bad description or bad events do not make the document unusable.
    let text = r##"{"title": "T", "description": 5, "updated": "2024",
        "categories": [{"id": "a", "label": "A", "color": "#123"}]}"##;
    let v = validate(text);
    assert_eq!(
        problems(text),
        [
            "error: missing required field \"events\" (line 1, column 1)",
            "error: description: expected a string or an object of translations, found a number (line 1, column 31)",
        ]
    );
    let d = v.document.expect("a document");
    assert_eq!(d.description, None);
    assert!(d.events.is_empty());
}

#[test]
fn invalid_events_are_left_out_and_the_rest_kept() {
    let text = with_events(&[
        &event("late", "2020", ""),
        &event("bad", "2020-13-01", ""),
        &event("early", "1990-05", ""),
    ]);
    let v = validate(&text);
    assert_eq!(
        problems(&text),
        ["error: events[1].date: \"2020-13-01\" is not a valid date: month 13 is not between 1 and 12 (line 6, column 23)"]
    );
    let ids: Vec<&str> = v
        .document
        .as_ref()
        .unwrap()
        .events
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["early", "late"]);
    assert!(!v.is_valid());
    assert_eq!(v.errors().count(), 1);
    assert_eq!(v.warnings().count(), 0);
}

#[test]
fn a_broken_category_does_not_cascade() {
    let text = r##"{"title": "T", "updated": "2024",
"categories": [{"id": "a", "label": "A", "color": "#123"}, {"id": "b", "label": "B", "color": "blue"},
  {"id": "Bad Id", "label": "C", "color": "#123"}],
"events": [
{"id": "1", "date": "2001", "category": "b", "title": "T", "summary": "S", "sources": [{"title": "S", "publisher": "P", "url": "https://x.org"}]},
{"id": "2", "date": "2001", "category": "Bad Id", "title": "T", "summary": "S", "sources": [{"title": "S", "publisher": "P", "url": "https://x.org"}]},
{"id": "3", "date": "2001", "category": "c", "title": "T", "summary": "S", "sources": [{"title": "S", "publisher": "P", "url": "https://x.org"}]},
{"id": "4", "date": "2001", "category": "a", "title": "T", "summary": "S", "sources": [{"title": "S", "publisher": "P", "url": "https://x.org"}]}
]}"##;
    let v = validate(text);
    assert_eq!(
        problems(text),
        [
            "error: categories[1].color: \"blue\" is not a colour: expected \"#rgb\" or \"#rrggbb\" with hexadecimal digits (line 2, column 95)",
            "error: categories[2].id: \"Bad Id\" is not a valid category id: use lowercase letters, digits, '-' and '_', starting with a letter or digit (line 3, column 10)",
            "error: events[2].category: unknown category \"c\" (known: a) (line 7, column 41)",
        ]
    );
    // Events of broken categories are left out: the document only has valid references.
    let d = v.document.unwrap();
    assert_eq!(d.categories.len(), 1);
    let ids: Vec<&str> = d.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["4"]);
}

#[test]
fn only_the_first_declaration_of_a_category_id_counts() {
    // "a" is first declared broken: its valid-looking repeat does not make it usable.
    // "b" is first declared valid: its broken repeat does not break it.
    let text = r##"{"title": "T", "updated": "2024",
"categories": [{"id": "a", "label": "", "color": "#123"}, {"id": "b", "label": "B", "color": "#123"},
  {"id": "a", "label": "A", "color": "#123"}, {"id": "b", "label": "B", "color": "blue"}],
"events": [
{"id": "1", "date": "2001", "category": "a", "title": "T", "summary": "S", "sources": [{"title": "S", "publisher": "P", "url": "https://x.org"}]},
{"id": "2", "date": "2001", "category": "b", "title": "T", "summary": "S", "sources": [{"title": "S", "publisher": "P", "url": "https://x.org"}]}
]}"##;
    let v = validate(text);
    assert_eq!(
        problems(text),
        [
            "error: categories[0].label: label is empty (line 2, column 37)",
            "error: categories[2].id: duplicate category id \"a\" (first used by categories[0]) (line 3, column 10)",
            "error: categories[3].id: duplicate category id \"b\" (first used by categories[1]) (line 3, column 54)",
            "error: categories[3].color: \"blue\" is not a colour: expected \"#rgb\" or \"#rrggbb\" with hexadecimal digits (line 3, column 82)",
        ]
    );
    let d = v.document.unwrap();
    assert_eq!(d.categories.len(), 1);
    let ids: Vec<&str> = d.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["2"]);
}

#[test]
fn the_known_categories_list_shows_ten_then_a_count() {
    let known = Seen::new();
    let list = |declared: &[&str]| {
        Categories {
            check: true,
            known: &known,
            usable: &[],
            declared,
        }
        .list()
    };
    assert_eq!(list(&[]), "none");
    assert_eq!(list(&["a"]), "a");
    assert_eq!(list(&["a", "b-c"]), "a, b-c");
    let ids = [
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
    ];
    assert_eq!(list(&ids[..10]), "1, 2, 3, 4, 5, 6, 7, 8, 9, 10");
    assert_eq!(list(&ids), "1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more");
}

#[test]
fn without_any_category_events_are_not_checked_against_them() {
    let text = format!(
        r#"{{"title": "T", "updated": "2024", "events": [{}]}}"#,
        event("x", "2001", "")
    );
    assert_eq!(
        problems(&text),
        ["error: missing required field \"categories\" (line 1, column 1)"]
    );
}

#[test]
fn problems_are_in_document_order_whatever_the_field_order() {
    let text = format!(
        "{{\"events\": [{}],\n\"categories\": [{{\"id\": \"a\", \"label\": \"A\", \"color\": \"#12\"}}],\n\"title\": \"\", \"updated\": \"2024\"}}",
        event("x", "2001", r#", "importance": 0"#)
    );
    let v = validate(&text);
    assert_eq!(
        problems(&text),
        [
            "error: events[0].importance: importance 0 is not between 1 and 3 (line 1, column 180)",
            "error: categories[0].color: \"#12\" is not a colour: expected \"#rgb\" or \"#rrggbb\" with hexadecimal digits (line 2, column 51)",
            "error: title: title is empty (line 3, column 10)",
        ]
    );
    assert_eq!(v.document, None);
}

#[test]
fn unknown_fields_are_warnings_with_suggestions() {
    let text = with_events(&[&event(
        "x",
        "2001",
        r#", "titel": "T", "Summary": "S", "zzz": 1, "x": 2"#,
    )]);
    let v = validate(&text);
    assert_eq!(
        problems(&text),
        [
            "warning: events[0].titel: unknown field \"titel\" (ignored); did you mean \"title\"? (line 5, column 154)",
            "warning: events[0].Summary: unknown field \"Summary\" (ignored); did you mean \"summary\"? (line 5, column 168)",
            "warning: events[0].zzz: unknown field \"zzz\" (ignored) (line 5, column 184)",
            "warning: events[0].x: unknown field \"x\" (ignored) (line 5, column 194)",
        ]
    );
    assert!(v.is_valid());
    assert_eq!(v.document.unwrap().events.len(), 1);
    // A field that is only meaningful at the top level is still unknown elsewhere.
    assert_eq!(suggestion("colour", CATEGORY_FIELDS), Some("color"));
    assert_eq!(suggestion("lable", CATEGORY_FIELDS), Some("label"));
    assert_eq!(suggestion("x", CATEGORY_FIELDS), None);
    assert_eq!(suggestion("ids", CATEGORY_FIELDS), Some("id"));
    assert_eq!(suggestion("source", EVENT_FIELDS), Some("sources"));
    assert_eq!(suggestion("importance_level", EVENT_FIELDS), None);
    assert_eq!(edit_distance("", "abc"), 3);
    assert_eq!(edit_distance("title", "titel"), 1);
    assert_eq!(edit_distance("kitten", "sitting"), 3);
    assert_eq!(edit_distance("é", "e"), 1);
    assert_eq!(edit_distance("abc", ""), 3);
    assert_eq!(edit_distance("", ""), 0);
    assert_eq!(edit_distance("ab", "ba"), 1);
    // Optimal string alignment: a transposed pair is not edited again.
    assert_eq!(edit_distance("ca", "abc"), 3);
    assert_eq!(edit_distance("publisher", "pubisher"), 1);
    assert_eq!(edit_distance("summary", "sumary "), 2);
}

#[test]
fn duplicate_keys_are_errors() {
    let text = with_events(&[&event("x", "2001", r#", "title": "Again""#)]);
    let v = validate(&text);
    assert_eq!(
        problems(&text),
        ["error: events[0].title: duplicate field \"title\" (a field may appear only once) (line 5, column 154)"]
    );
    assert!(v.document.unwrap().events.is_empty());
    let text = with_events(&[&event("x", "2001", r#", "foo": 1, "foo": 2"#)]);
    assert_eq!(
        problems(&text),
        [
            "warning: events[0].foo: unknown field \"foo\" (ignored) (line 5, column 154)",
            "error: events[0].foo: duplicate field \"foo\" (a field may appear only once) (line 5, column 164)",
        ]
    );
    let text = with_events(&[&event("x", "2001", "").replace(
        r#""title": "T""#,
        r#""title": {"en": "T", "fr": "U", "en": "V"}"#,
    )]);
    assert_eq!(
        problems(&text),
        ["error: events[0].title.en: duplicate language \"en\" (a field may appear only once) (line 5, column 78)"]
    );
}

#[test]
fn translations() {
    let text = with_events(&[&event("x", "2001", "").replace(
        r#""title": "T""#,
        r#""title": {"fr": "Titre", "fr-CA": "Titre", "fa": "عنوان"}"#,
    )]);
    let v = validate(&text);
    assert_eq!(
        problems(&text),
        ["warning: events[0].title: no \"en\" translation: English is the fallback for readers of other languages (line 5, column 55)"]
    );
    let d = v.document.unwrap();
    let Text::Translated(map) = &d.events[0].title else {
        panic!("not translated")
    };
    assert_eq!(map.len(), 3);
    assert_eq!(map.get("fa"), Some("عنوان"));

    for (title, expected) in [
        (r#"{}"#, "error: events[0].title: title is empty (line 5, column 55)"),
        (r#""   ""#, "error: events[0].title: title is empty (line 5, column 55)"),
        (r#""""#, "error: events[0].title: title is empty (line 5, column 55)"),
        (
            r#"{"en": " \n"}"#,
            "error: events[0].title.en: title (en) is empty (line 5, column 62)",
        ),
        (
            r#"{"en": 1}"#,
            "error: events[0].title.en: expected a string, found a number (line 5, column 62)",
        ),
        (
            r#"{"en": "T", "EN": "T"}"#,
            "error: events[0].title.EN: \"EN\" is not a language code (expected a code such as \"en\", \"fr\" or \"fr-CA\") (line 5, column 67)",
        ),
        (
            r#"["T"]"#,
            "error: events[0].title: expected a string or an object of translations, found an array (line 5, column 55)",
        ),
        (
            r#""a\u0000b""#,
            "error: events[0].title: title contains the control character U+0000; only line breaks (\\n) and tabs (\\t) are allowed (line 5, column 55)",
        ),
        (
            r#""a\r\nb""#,
            "error: events[0].title: title contains the control character U+000D; only line breaks (\\n) and tabs (\\t) are allowed (line 5, column 55)",
        ),
        (
            r#""a\u0085b""#,
            "error: events[0].title: title contains the control character U+0085; only line breaks (\\n) and tabs (\\t) are allowed (line 5, column 55)",
        ),
    ] {
        let text = with_events(&[&event("x", "2001", "").replace(r#""title": "T""#, &format!(r#""title": {title}"#))]);
        assert_eq!(problems(&text), [expected], "{title}");
        assert!(validate(&text).document.unwrap().events.is_empty());
    }
    // Line breaks, tabs and non-ASCII text are fine.
    let text = with_events(&[
        &event("x", "2001", "").replace(r#""title": "T""#, r#""title": "a\n\tb « c » é""#)
    ]);
    assert_eq!(doc(&text).events[0].title, Text::from("a\n\tb « c » é"));
    for (code, ok) in [
        ("en", true),
        ("fr", true),
        ("fa", true),
        ("fil", true),
        ("fr-CA", true),
        ("zh-Hant-TW", true),
        ("en-", false),
        ("e", false),
        ("engl", false),
        ("EN", false),
        ("fr_CA", false),
        ("fr-toolongtag", false),
        ("", false),
    ] {
        assert_eq!(is_language_code(code), ok, "{code}");
    }
}

#[test]
fn event_field_rules() {
    let cases: &[(&str, &str)] = &[
        (
            r#", "approximate": "yes""#,
            "events[0].approximate: expected a boolean (true or false), found a string",
        ),
        (
            r#", "approximate": null"#,
            "events[0].approximate: expected a boolean (true or false), found null",
        ),
        (
            r#", "end": "2000""#,
            "events[0].end: end \"2000\" is before the start \"2001\"",
        ),
        (
            r#", "end": 2002"#,
            "events[0].end: expected a date string (YYYY, YYYY-MM or YYYY-MM-DD), found a number",
        ),
        (
            r#", "importance": "3""#,
            "events[0].importance: expected a number (1, 2 or 3), found a string",
        ),
        (
            r#", "importance": 2.0"#,
            "events[0].importance: importance must be a whole number from 1 to 3, found 2.0",
        ),
        (
            r#", "importance": 1e0"#,
            "events[0].importance: importance must be a whole number from 1 to 3, found 1e0",
        ),
        (
            r#", "importance": -1"#,
            "events[0].importance: importance -1 is not between 1 and 3",
        ),
        (
            r#", "importance": 99999999999999999999"#,
            "events[0].importance: importance 99999999999999999999 is not between 1 and 3",
        ),
        (
            r#", "tags": "a""#,
            "events[0].tags: expected an array, found a string",
        ),
        (r#", "tags": ["a", " "]"#, "events[0].tags[1]: tag is empty"),
        (
            r#", "tags": [1]"#,
            "events[0].tags[0]: expected a string, found a number",
        ),
    ];
    for (extra, expected) in cases {
        let text = with_events(&[&event("x", "2001", extra)]);
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{extra}: {found:?}");
        assert!(
            found[0].starts_with(&format!("error: {expected} (line 5, column ")),
            "{extra}: {found:?}"
        );
        assert!(doc(&text).events.is_empty(), "{extra}");
    }
    // An end in the same period as the start is fine, whatever the precisions.
    for (date, end) in [
        ("2001", "2001"),
        ("2001-05-06", "2001"),
        ("2001", "2001-01"),
        ("2001-02", "2001-02-01"),
    ] {
        let text = with_events(&[&event("x", date, &format!(r#", "end": "{end}""#))]);
        assert_eq!(problems(&text), Vec::<String>::new(), "{date} {end}");
    }
}

#[test]
fn event_ids() {
    let long = "a".repeat(101);
    let cases: &[(&str, &str)] = &[
        ("", "id is empty"),
        (
            "a b",
            "\"a b\" is not a valid id: use only letters, digits, '-', '_' and '.'",
        ),
        (
            "é",
            "\"é\" is not a valid id: use only letters, digits, '-', '_' and '.'",
        ),
        (&long, "id is 101 characters long; at most 100 are allowed"),
    ];
    for (id, expected) in cases {
        let text = with_events(&[&event(id, "2001", "")]);
        assert_eq!(
            problems(&text),
            [format!(
                "error: events[0].id: {expected} (line 5, column 8)"
            )]
        );
    }
    let ok = "A-z_0.9".to_owned() + &"a".repeat(93);
    assert_eq!(
        problems(&with_events(&[&event(&ok, "2001", "")])),
        Vec::<String>::new()
    );
    let text = with_events(&[
        &event("x", "2001", ""),
        &event("y", "2001", ""),
        &event("x", "2001", ""),
        &event("x", "2001", ""),
    ]);
    assert_eq!(
        problems(&text),
        [
            "error: events[2].id: duplicate id \"x\" (first used by events[0]) (line 7, column 8)",
            "error: events[3].id: duplicate id \"x\" (first used by events[0]) (line 8, column 8)",
        ]
    );
    let ids: Vec<String> = doc(&text).events.into_iter().map(|e| e.id).collect();
    assert_eq!(ids, ["x", "y"]);
    let text = with_events(&[&event("x", "2001", "").replace(r#""id": "x""#, r#""id": 7"#)]);
    assert_eq!(
        problems(&text),
        ["error: events[0].id: expected a string, found a number (line 5, column 8)"]
    );
}

#[test]
fn sources_and_urls() {
    let text = with_events(&[&event("x", "2001", "").replace(&format!("[{SOURCE}]"), "[]")]);
    assert_eq!(
        problems(&text),
        ["warning: events[0].sources: no sources: the event is shown without any (every event should have at least one) (line 5, column 87)"]
    );
    // Shown, as in every format: a converted timeline never loses its unsourced events.
    assert_eq!(doc(&text).events.len(), 1);
    let text = with_events(&[&event("x", "2001", "").replace(
        SOURCE,
        r#"{"title": {"en": "S"}, "publisher": "", "url": "https://example.org", "date": "2001-02-29", "author": "A"}"#,
    )]);
    assert_eq!(
        problems(&text),
        [
            "error: events[0].sources[0].publisher: publisher is empty (line 5, column 124)",
            "error: events[0].sources[0].date: \"2001-02-29\" is not a valid date: February 2001 has 28 days, not 29 (line 5, column 166)",
            "warning: events[0].sources[0].author: unknown field \"author\" (ignored) (line 5, column 180)",
        ]
    );
    let text = with_events(&[&event("x", "2001", "").replace(SOURCE, "\"https://example.org\"")]);
    assert_eq!(
        problems(&text),
        ["error: events[0].sources[0]: expected an object, found a string (line 5, column 88)"]
    );

    for (url, ok) in [
        ("https://example.org", true),
        ("http://example.org/a?b=c#d", true),
        ("HTTPS://EXAMPLE.ORG/", true),
        ("https://user@example.org:8080/x", true),
        ("https://[::1]:80/", true),
        ("https://example.org/?a=<b>", true),
        ("https://例え.jp/パス", true),
        ("javascript:alert(1)", false),
        ("ftp://example.org", false),
        ("/relative/path", false),
        ("example.org", false),
        ("//example.org", false),
        ("https:/example.org", false),
        ("https://", false),
        ("https:///path", false),
        ("https://:80/", false),
        ("https://example.org:/", false),
        ("https://example.org:8a/", false),
        ("https://exa mple.org", false),
        ("https://example.org/\u{7f}", false),
        ("https://example.org/\u{a0}", false),
        ("", false),
        ("h", false),
        ("httpé://x", false),
        ("https://user@example.org/", true),
        ("https://user:pw@example.org:8080/x", true),
        ("https://a@b@example.org", true),
        ("https://user@/", false),
        ("https://@", false),
        ("https://user@example.org:x/", false),
        ("https://example.org#x@", true),
        ("https://example.org?q=a@b:c", true),
        ("https://[::1]:80/", true),
        ("https://[::1/", false),
    ] {
        assert_eq!(
            url_problem(url).is_none(),
            ok,
            "{url}: {:?}",
            url_problem(url)
        );
    }
    assert_eq!(
        url_problem("javascript:alert(1)").unwrap(),
        "\"javascript:alert(1)\" is not an http(s) URL"
    );
    assert_eq!(
        url_problem("https://a b").unwrap(),
        "\"https://a b\" is not a valid URL: it contains whitespace"
    );
    assert_eq!(
        url_problem("https://").unwrap(),
        "\"https://\" is not a valid URL: the host is missing"
    );
}

#[test]
fn categories_and_colours() {
    for (id, ok) in [
        ("a", true),
        ("0", true),
        ("human-rights_2", true),
        ("-a", false),
        ("_a", false),
        ("A", false),
        ("a b", false),
        ("é", false),
        ("", false),
    ] {
        assert_eq!(is_category_id(id), ok, "{id}");
    }
    for (colour, ok) in [
        ("#abc", true),
        ("#ABCDEF", true),
        ("#012345", true),
        ("abc", false),
        ("#abcd", false),
        ("#ggg", false),
        ("#", false),
        ("#aabbccdd", false),
        ("red", false),
    ] {
        assert_eq!(is_colour(colour), ok, "{colour}");
    }
    let text = r##"{"title": "T", "updated": "2024", "events": [],
"categories": [{"id": "a", "label": "A", "color": "#123"}, {"id": "a", "label": "A2", "color": "#456"}, 5]}"##;
    let v = validate(text);
    assert_eq!(
        problems(text),
        [
            "warning: events: the timeline has no events (line 1, column 45)",
            "error: categories[1].id: duplicate category id \"a\" (first used by categories[0]) (line 2, column 67)",
            "error: categories[2]: expected an object, found a number (line 2, column 105)",
        ]
    );
    let d = v.document.unwrap();
    assert_eq!(d.categories.len(), 1);
    assert_eq!(d.categories[0].label, Text::from("A"));
}

#[test]
fn eras() {
    let text = r##"{"title": "T", "updated": "2024", "events": [],
"categories": [{"id": "a", "label": "A", "color": "#123"}],
"eras": [
  {"label": "Good", "start": "1980", "end": "2012-09", "summary": {"en": "S"}},
  {"label": "Backwards", "start": "2012-09-07", "end": "2012-09-06"},
  {"label": "Same", "start": "2012-09-07", "end": "2012-09"},
  {"start": "2000", "end": "2001", "summary": ""}
]}"##;
    let v = validate(text);
    assert_eq!(
        problems(text),
        [
            "warning: events: the timeline has no events (line 1, column 45)",
            "error: eras[1].end: end \"2012-09-06\" is before the start \"2012-09-07\" (line 5, column 56)",
            "error: eras[3]: missing required field \"label\" (line 7, column 3)",
            "error: eras[3].summary: summary is empty (line 7, column 47)",
        ]
    );
    let labels: Vec<String> = v
        .document
        .unwrap()
        .eras
        .iter()
        .map(|e| e.label.get("en").to_owned())
        .collect();
    assert_eq!(labels, ["Good", "Same"]);
    let text = r##"{"title": "T", "updated": "2024", "events": [], "eras": {},
"categories": [{"id": "a", "label": "A", "color": "#123"}]}"##;
    assert_eq!(
        problems(text)[1],
        "error: eras: expected an array, found an object (line 1, column 57)"
    );
}

#[test]
fn paths_and_quotes_stay_readable() {
    let root = Path::Root;
    let events = root.key("events");
    let e = events.index(12);
    assert_eq!(e.key("date").render(), "events[12].date");
    assert_eq!(e.key("a b").render(), "events[12][\"a b\"]");
    assert_eq!(root.key("x\"\n").render(), "[\"x\\\"\\n\"]");
    assert_eq!(root.key("$schema").render(), "$schema");
    assert_eq!(root.key("").render(), "[\"\"]");
    assert_eq!(quote("a\u{0}\u{2028}"), "\"a\\u0000\\u2028\"");
    let long = "é".repeat(100);
    assert_eq!(quote(&long), format!("\"{}…\"", "é".repeat(60)));
    // A nasty unknown key still yields a one-line problem.
    let text = "{\"title\": \"T\", \"updated\": \"2024\", \"events\": [], \"categories\": [{\"id\": \"a\", \"label\": \"A\", \"color\": \"#123\"}], \"a\\nb\": 1}";
    let p = &validate(text).problems[1];
    assert_eq!(
        p.to_string(),
        "[\"a\\nb\"]: unknown field \"a\\nb\" (ignored) (line 1, column 109)"
    );
    assert!(!p.to_string().contains('\n'));
}

#[test]
fn many_problems_on_one_long_line_stay_fast() {
    // Minified data with an error in each of 20,000 events: locating every problem must
    // not rescan the line from its start each time.
    let bad = event("x", "2020-13-01", "").replace(r#""id": "x", "#, "");
    let events: Vec<String> = (0..20_000).map(|_| bad.clone()).collect();
    let refs: Vec<&str> = events.iter().map(String::as_str).collect();
    let text = with_events(&refs).replace('\n', " ");
    let started = std::time::Instant::now();
    let v = validate(&text);
    assert_eq!(v.problems.len(), 40_000);
    assert_eq!(v.problems.last().unwrap().line, 1);
    // Generous: a quadratic locator takes minutes here.
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

/// An event whose title is the object with these members, as the only event.
fn titled(members: &str) -> String {
    with_events(&[
        &event("x", "2001", "").replace(r#""title": "T""#, &format!(r#""title": {{{members}}}"#))
    ])
}

#[test]
fn a_text_reads_at_most_64_translations() {
    // 200,000 codes in descending order: read one by one into a sorted vector, they cost
    // n² shifts (41 s here); now the first 64 are read and the others ignored, with one
    // warning at the first one ignored.
    let n = 200_000;
    let members: Vec<String> = (0..n)
        .map(|i| format!(r#""en-{:08}": "T{i}""#, n - i))
        .collect();
    let text = titled(&members.join(", "));
    let v = validate(&text);
    let column = 56 + members.iter().take(64).map(|m| m.len() + 2).sum::<usize>();
    assert_eq!(
        v.problems
            .iter()
            .map(|p| format!("{}: {p}", p.severity))
            .collect::<Vec<_>>(),
        [
            "warning: events[0].title: no \"en\" translation: English is the fallback for readers of other languages (line 5, column 55)".to_owned(),
            format!("warning: events[0].title.en-00199936: title has 200000 translations; only the first 64 are read, and the other 199936 (from this one on) are ignored (line 5, column {column})"),
        ]
    );
    // The event is kept, with the first 64 translations, sorted by code.
    let d = v.document.unwrap();
    let Text::Translated(map) = &d.events[0].title else {
        panic!("not translated")
    };
    assert_eq!(map.len(), MAX_TRANSLATIONS);
    assert_eq!(map.keys().next(), Some("en-00199937"));
    assert_eq!(map.get("en-00200000"), Some("T0"));
    assert_eq!(map.get("en-00199937"), Some("T63"));
    assert!(!map.contains_key("en-00199936"));
    // Exactly 64 are read, and a repeat among them is still an error.
    let members: Vec<String> = (0..64).map(|i| format!(r#""en-{i:02}": "T""#)).collect();
    assert_eq!(problems(&titled(&members.join(", "))).len(), 1);
    let text = titled(&format!(r#""en": "T", {}, "en": "U""#, members.join(", ")));
    assert!(problems(&text)[0]
        .contains("only the first 64 are read, and the other 2 (from this one on)"));
    let text = titled(&format!(r#""en": "T", "en": "U", {}"#, members.join(", ")));
    assert!(problems(&text)[0].starts_with("error: events[0].title.en: duplicate language"));
}

#[test]
fn a_language_code_longer_than_35_characters_is_ignored() {
    let long = format!("en{}", "-abcdefgh".repeat(4)); // 38 characters, valid subtags
    assert!(is_language_code(&long));
    let ok = "zh-Hant-TW-abcdefgh-abcdefgh-abcdef"; // 35
    assert_eq!(ok.len(), MAX_LANGUAGE_CODE_LEN);
    let text = titled(&format!(r#""en": "T", "{long}": "Long", "{ok}": "OK""#));
    let v = validate(&text);
    assert_eq!(
        problems(&text),
        [format!("warning: events[0].title.{long}: language code \"{long}\" is 38 characters long; at most 35 are allowed (this translation is ignored) (line 5, column 67)")]
    );
    let d = v.document.unwrap();
    let Text::Translated(map) = &d.events[0].title else {
        panic!("not translated")
    };
    assert_eq!(map.keys().collect::<Vec<_>>(), ["en", ok]);
    // With nothing else, the text is empty: the event is left out.
    let text = titled(&format!(r#""{long}": "Long""#));
    assert_eq!(
        problems(&text)[0],
        "error: events[0].title: title is empty: every translation in it is ignored (line 5, column 55)"
    );
    assert!(validate(&text).document.unwrap().events.is_empty());
}

#[test]
fn unknown_category_messages_stay_short_whatever_the_ids() {
    // Each message lists the known ids: cut, they cannot multiply a long id by the events.
    let id = "c".repeat(10_000);
    let text = format!(
        r##"{{"title": "T", "updated": "2024", "categories": [{{"id": "{id}", "label": "C", "color": "#123"}}], "events": [{}]}}"##,
        event("x", "2001", "")
    );
    let p = problems(&text);
    assert_eq!(
        p,
        [format!(
            "error: events[0].category: unknown category \"a\" (known: {}…) (line 1, column {})",
            "c".repeat(60),
            text.find(r#""category": "a""#).unwrap() + 13
        )]
    );
}

#[test]
fn media_is_read_with_its_kind_and_texts() {
    let text = with_events(&[
        &event(
            "img",
            "2001",
            r#", "media": {"url": "https://x.example/a.png", "alt": {"en": "A", "fr": "Un"}, "caption": "C", "credit": "Cr", "link": "https://x.example/"}"#,
        ),
        &event(
            "yt",
            "2002",
            r#", "media": {"url": "https://youtu.be/dQw4w9WgXcQ", "alt": "Talk"}"#,
        ),
        &event("none", "2003", ""),
    ]);
    let v = validate(&text);
    assert_eq!(v.problems, []);
    let d = v.document.unwrap();
    let image = d.events[0].media.as_ref().expect("the image");
    assert_eq!(image.kind, crate::model::media::MediaKind::Image);
    assert_eq!(image.alt.as_ref().map(|t| t.get("fr")), Some("Un"));
    assert_eq!(image.caption, Some(Text::from("C")));
    assert_eq!(image.credit, Some(Text::from("Cr")));
    assert_eq!(image.link.as_deref(), Some("https://x.example/"));
    let video = d.events[1].media.as_ref().expect("the video");
    assert_eq!(
        video.kind,
        crate::model::media::MediaKind::YouTube("dQw4w9WgXcQ".into())
    );
    assert_eq!(d.events[2].media, None);
}

#[test]
fn media_problems_name_the_field() {
    // (extra fields of the event, the problem, whether the event is kept).
    let cases: &[(&str, &str, bool)] = &[
        (
            r#", "media": {"url": "https://x.example/a.jpg"}"#,
            "warning: events[0].media: the image has no \"alt\": describe it for readers who cannot see it",
            true,
        ),
        (
            r#", "media": {"url": "https://youtu.be/dQw4w9WgXcQ", "link": "https://x.example/"}"#,
            "warning: events[0].media.link: \"link\" is used only for an image (ignored): this media is a link itself",
            true,
        ),
        (
            r#", "media": {"url": "https://x.example/a.jpg", "alt": "A", "size": 3}"#,
            "warning: events[0].media.size: unknown field \"size\" (ignored)",
            true,
        ),
        (
            r#", "media": {"url": "javascript:alert(1)//a.png", "alt": "A"}"#,
            "error: events[0].media.url: \"javascript:alert(1)//a.png\" is not an http(s) URL",
            false,
        ),
        (
            r#", "media": {"url": "data:image/png;base64,AAAA", "alt": "A"}"#,
            "error: events[0].media.url: \"data:image/png;base64,AAAA\" is not an http(s) URL",
            false,
        ),
        (
            r#", "media": {"alt": "A"}"#,
            "error: events[0].media: missing required field \"url\"",
            false,
        ),
        (
            r#", "media": "https://x.example/a.jpg""#,
            "error: events[0].media: expected an object, found a string",
            false,
        ),
        (
            r#", "media": {"url": "https://x.example/a.jpg", "alt": " "}"#,
            "error: events[0].media.alt: alt text is empty",
            false,
        ),
        (
            r#", "media": {"url": "https://x.example/a.jpg", "alt": "A", "credit": 3}"#,
            "error: events[0].media.credit: expected a string or an object of translations, found a number",
            false,
        ),
        (
            r#", "media": {"url": "https://x.example/a.jpg", "alt": "A", "link": "ftp://x"}"#,
            "error: events[0].media.link: \"ftp://x\" is not an http(s) URL",
            false,
        ),
    ];
    for &(extra, expected, kept) in cases {
        let text = with_events(&[&event("x", "2001", extra)]);
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{extra}: {found:?}");
        assert!(
            found[0].starts_with(&format!("{expected} (line 5, column ")),
            "{extra}: {found:?}"
        );
        assert_eq!(doc(&text).events.len(), usize::from(kept), "{extra}");
    }
}
