use super::*;
use crate::model::json;
use crate::model::problem::{Problem, Validated};
use crate::model::rich::Block;
use crate::model::validate::validate;

/// A TimelineJS3 file with these events (JSON objects, comma-separated).
fn with_events(events: &str) -> String {
    format!(
        r#"{{"title": {{"text": {{"headline": "T", "text": "<p>About</p>"}}}}, "events": [{events}]}}"#
    )
}

fn read(text: &str) -> (Document, Vec<Problem>) {
    let root = json::parse(text).expect("JSON");
    assert!(is_timelinejs(&root), "not recognised: {text}");
    let Validated { document, problems } = validate(text);
    (document.expect("a document"), problems)
}

fn shown(problems: &[Problem]) -> Vec<String> {
    problems
        .iter()
        .map(|p| format!("{}: {}: {}", p.severity, p.path, p.message))
        .collect()
}

/// Problems other than the one warning every TimelineJS3 file gets (no sources).
fn others(problems: &[Problem]) -> Vec<String> {
    shown(problems)
        .into_iter()
        .filter(|p| !p.contains("no sources: TimelineJS3 data has none"))
        .collect()
}

#[test]
fn recognised_by_content_not_by_name() {
    let cases = [
        (r#"{"events": [{"start_date": {"year": "2000"}}]}"#, true),
        (r#"{"title": {"text": {"headline": "T"}}}"#, true),
        (
            r#"{"title": {"media": {"url": "https://x.example/a.jpg"}}, "events": []}"#,
            true,
        ),
        (
            r#"{"events": [{"text": {}}, {"start_date": {"year": 1}}]}"#,
            true,
        ),
        // Ours: its required markers win, whatever else is there.
        (
            r#"{"title": "T", "updated": "2024", "categories": [], "events": []}"#,
            false,
        ),
        (
            r#"{"updated": "2024", "events": [{"start_date": {"year": "2000"}}]}"#,
            false,
        ),
        (
            r#"{"categories": [], "title": {"text": {"headline": "T"}}}"#,
            false,
        ),
        // Neither: left to our validator, which reports what is missing.
        (r#"{"title": "T"}"#, false),
        (r#"{"events": [{"start_date": "2000"}]}"#, false),
        (r#"{"title": {"headline": "T"}}"#, false),
        ("[]", false),
        ("\"timeline\"", false),
    ];
    for (text, expected) in cases {
        let root = json::parse(text).expect(text);
        assert_eq!(is_timelinejs(&root), expected, "{text}");
    }
}

#[test]
fn each_event_field_maps_exactly() {
    // (event JSON, id, date, end, title, summary, category label, date label)
    type Case<'a> = (
        &'a str,
        &'a str,
        &'a str,
        Option<&'a str>,
        &'a str,
        &'a str,
        &'a str,
        Option<&'a str>,
    );
    let cases: [Case; 12] = [
        (
            r#"{"start_date": {"year": "1963", "month": "8", "day": "9"}, "text": {"headline": "A Musical Heritage", "text": "<p>Born in New Jersey.</p>"}}"#,
            "1963-08-09-a-musical-heritage",
            "1963-08-09",
            None,
            "A Musical Heritage",
            "Born in New Jersey.",
            "Events",
            None,
        ),
        (
            r#"{"start_date": {"year": 1978}, "text": {"headline": "Year only"}}"#,
            "1978-year-only",
            "1978",
            None,
            "Year only",
            "",
            "Events",
            None,
        ),
        (
            r#"{"start_date": {"year": "1980", "month": "01"}, "text": {"headline": "Month"}}"#,
            "1980-01-month",
            "1980-01",
            None,
            "Month",
            "",
            "Events",
            None,
        ),
        (
            r#"{"start_date": {"year": "1980", "month": "", "day": ""}, "text": {"headline": "Empty parts"}}"#,
            "1980-empty-parts",
            "1980",
            None,
            "Empty parts",
            "",
            "Events",
            None,
        ),
        (
            r#"{"start_date": {"year": "-300"}, "text": {"headline": "Euclid's Optica"}}"#,
            "-0300-euclid-s-optica",
            "-0300",
            None,
            "Euclid's Optica",
            "",
            "Events",
            None,
        ),
        (
            r#"{"start_date": {"year": "2003", "month": "6", "day": "23"}, "end_date": {"year": "2003", "month": "7", "day": "11"}, "text": {"headline": "Range"}}"#,
            "2003-06-23-range",
            "2003-06-23",
            Some("2003-07-11"),
            "Range",
            "",
            "Events",
            None,
        ),
        (
            r#"{"start_date": {"year": "2003"}, "end_date": {"year": "", "month": ""}, "text": {"headline": "Blank end"}}"#,
            "2003-blank-end",
            "2003",
            None,
            "Blank end",
            "",
            "Events",
            None,
        ),
        (
            r#"{"unique_id": "my-id", "start_date": {"year": "2001"}, "text": {"headline": "Given id"}}"#,
            "my-id",
            "2001",
            None,
            "Given id",
            "",
            "Events",
            None,
        ),
        (
            r#"{"start_date": {"year": "2001"}, "display_date": "Spring 2001", "text": {"headline": "Shown"}}"#,
            "2001-shown",
            "2001",
            None,
            "Shown",
            "",
            "Events",
            Some("Spring 2001"),
        ),
        (
            r#"{"start_date": {"year": "2001", "display_date": "Early 2001"}, "end_date": {"year": "2002", "display_date": "late 2002"}, "text": {"headline": "Both"}}"#,
            "2001-both",
            "2001",
            Some("2002"),
            "Both",
            "",
            "Events",
            Some("Early 2001 – late 2002"),
        ),
        (
            r#"{"start_date": {"year": "2001"}, "text": {"headline": "<b>Bold</b> &amp; <i>new</i>", "text": "Line<br>two"}}"#,
            "2001-bold-new",
            "2001",
            None,
            "Bold & new",
            "Line\ntwo",
            "Events",
            None,
        ),
        (
            r#"{"start_date": {"year": "2001"}, "text": {"headline": "Café Montréal"}}"#,
            "2001-cafe-montreal",
            "2001",
            None,
            "Café Montréal",
            "",
            "Events",
            None,
        ),
    ];
    for (event, id, date, end, title, summary, category, label) in cases {
        let (doc, problems) = read(&with_events(event));
        assert_eq!(others(&problems), Vec::<String>::new(), "{event}");
        let [e] = doc.events.as_slice() else {
            panic!("{event}: {} events", doc.events.len())
        };
        assert_eq!(e.id, id, "{event}");
        assert_eq!(e.date.to_string(), date, "{event}");
        assert_eq!(e.end.map(|d| d.to_string()).as_deref(), end, "{event}");
        assert_eq!(e.title.get("en"), title, "{event}");
        assert_eq!(e.summary.get("en"), summary, "{event}");
        assert_eq!(
            doc.category(&e.category).map(|c| c.label.get("en")),
            Some(category),
            "{event}"
        );
        assert_eq!(e.date_label.as_ref().map(|t| t.get("en")), label, "{event}");
        assert!(e.sources.is_empty() && e.tags.is_empty() && !e.approximate && e.importance == 2);
        assert!(matches!(e.title, Text::Rich(_)) && matches!(e.summary, Text::Rich(_)));
    }
}

#[test]
fn the_title_slide_is_the_title_and_description() {
    let (doc, problems) = read(&with_events(
        r#"{"start_date": {"year": "2000"}, "text": {"headline": "E"}}"#,
    ));
    assert_eq!(others(&problems), Vec::<String>::new());
    assert_eq!(doc.title.get("fr"), "T");
    assert_eq!(doc.description.as_ref().map(|d| d.get("en")), Some("About"));
    assert_eq!(doc.updated, None, "TimelineJS3 says nothing of an update");
    let (doc, problems) =
        read(r#"{"events": [{"start_date": {"year": "2000"}, "text": {"headline": "E"}}]}"#);
    assert_eq!(doc.title.get("en"), "");
    assert_eq!(doc.description, None);
    assert_eq!(
        others(&problems),
        ["warning: : no title slide: the timeline has no title"]
    );
}

#[test]
fn groups_become_categories_in_order_of_first_appearance() {
    let events = [
        ("Politics", "a"),
        ("Art & Culture", "b"),
        ("Politics", "c"),
        ("", "d"),
        ("art-culture", "e"),
        ("سیاست", "f"),
    ]
    .map(|(group, headline)| {
        format!(r#"{{"start_date": {{"year": "2000"}}, "group": "{group}", "text": {{"headline": "{headline}"}}}}"#)
    })
    .join(",");
    let (doc, problems) = read(&with_events(&events));
    assert_eq!(others(&problems), Vec::<String>::new());
    let categories: Vec<(&str, &str, &str)> = doc
        .categories
        .iter()
        .map(|c| (c.id.as_str(), c.label.get("en"), c.color.as_str()))
        .collect();
    let persian = format!("group-{}", hash_hex("سیاست"));
    assert_eq!(
        categories,
        [
            ("politics", "Politics", PALETTE[0]),
            ("art-culture", "Art & Culture", PALETTE[1]),
            ("art-culture-2", "art-culture", PALETTE[2]),
            (persian.as_str(), "سیاست", PALETTE[3]),
            (UNGROUPED_ID, "Other", UNGROUPED_COLOR),
        ]
    );
    let of = |headline: &str| {
        doc.events
            .iter()
            .find(|e| e.title.get("en") == headline)
            .map(|e| e.category.as_str())
    };
    assert_eq!(of("a"), Some("politics"));
    assert_eq!(of("c"), Some("politics"));
    assert_eq!(of("d"), Some(UNGROUPED_ID));
    assert_eq!(of("e"), Some("art-culture-2"));
    assert_eq!(doc.categories[4].label.get("fr"), "Autres");
    // The same file gives the same ids, whatever else it holds around them.
    let (again, _) = read(&with_events(&events));
    assert_eq!(again.categories, doc.categories);
    // The palette's colours are distinct and valid.
    for (i, c) in PALETTE.iter().enumerate() {
        assert!(c.len() == 7 && c.starts_with('#'), "{c}");
        assert!(!PALETTE[..i].contains(c), "{c} twice");
    }
}

#[test]
fn ids_are_kept_generated_and_deduplicated() {
    let events = [
        r#"{"unique_id": "intro", "start_date": {"year": "2000"}, "text": {"headline": "First"}}"#,
        r#"{"unique_id": "intro", "start_date": {"year": "2001"}, "text": {"headline": "Second"}}"#,
        r#"{"unique_id": "has space", "start_date": {"year": "2002"}, "text": {"headline": "Third"}}"#,
        r#"{"start_date": {"year": "2003"}, "text": {"headline": "Same"}}"#,
        r#"{"start_date": {"year": "2003"}, "text": {"headline": "Same"}}"#,
        // A generated id never takes a given one, even a later one.
        r#"{"start_date": {"year": "2004"}, "text": {"headline": "Taken"}}"#,
        r#"{"unique_id": "2004-taken", "start_date": {"year": "2005"}, "text": {"headline": "Owner"}}"#,
        r#"{"unique_id": "", "start_date": {"year": "2006"}, "text": {"headline": "Blank id"}}"#,
    ]
    .join(",");
    let (doc, problems) = read(&with_events(&events));
    let ids: Vec<&str> = doc.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "intro",
            "intro-2",
            "has-space",
            "2003-same",
            "2003-same-2",
            "2004-taken-2",
            "2004-taken",
            "2006-blank-id"
        ]
    );
    assert_eq!(
        others(&problems),
        [
            "warning: events[1].unique_id: unique_id \"intro\" is used by an earlier event: the event's id is \"intro-2\" (event \"Second\")",
            "warning: events[2].unique_id: unique_id \"has space\" is not a valid id (letters, digits, '-', '_' and '.'): the event's id is \"has-space\" (event \"Third\")",
        ]
    );
}

#[test]
fn what_is_not_supported_warns_naming_the_field_and_the_event() {
    let event = r##"{
        "start_date": {"year": "2020", "month": "1", "day": "8", "hour": "6", "minute": "14", "format": "x"},
        "end_date": {"year": "2020", "month": "1", "day": "9", "second": "5"},
        "text": {"headline": "PS752", "text": "t", "extra": 1},
        "media": {"url": "https://x.example/a.jpg", "caption": "c", "credit": null},
        "background": {"color": "#000"},
        "autolink": true,
        "type": "overview",
        "location": {"lat": 1},
        "colour": "red"
    }"##;
    let text = format!(
        r#"{{"scale": "cosmological", "title": {{"text": {{"headline": "T"}}, "media": {{"url": "u"}}, "background": {{"color": "red"}}, "unique_id": "t"}}, "events": [{event}], "options": {{}}}}"#
    );
    let (doc, problems) = read(&text);
    assert_eq!(doc.events.len(), 1, "kept, with warnings");
    assert_eq!(doc.events[0].date.to_string(), "2020-01-08T06:14");
    assert_eq!(
        doc.events[0].end.map(|d| d.to_string()).as_deref(),
        Some("2020-01-09")
    );
    let expected = [
        "warning: scale: scale \"cosmological\" is not supported: dates are read as years from -999999 to 999999, and each event beyond them is left out with an error",
        "warning: title.media: media is shown only for events (ignored) (the title slide)",
        "warning: title.background: \"background\" is not supported (ignored) (the title slide)",
        "warning: title.unique_id: \"unique_id\" is not used here (ignored) (the title slide)",
        "warning: events: no sources: TimelineJS3 data has none, so the events are shown without any",
        "warning: events[0].start_date.format: \"start_date.format\" is not supported (ignored) (event \"PS752\")",
        "warning: events[0].end_date.second: end_date's second is not shown: the time is kept to the minute (event \"PS752\")",
        "warning: events[0].text.extra: unknown field \"text.extra\" (ignored) (event \"PS752\")",
        "warning: events[0].media: the image has no alt text: describe it for readers who cannot see it (event \"PS752\")",
        "warning: events[0].background: \"background\" is not supported (ignored) (event \"PS752\")",
        "warning: events[0].autolink: \"autolink\" is not supported (ignored) (event \"PS752\")",
        "warning: events[0].type: \"type\" is not supported (ignored) (event \"PS752\")",
        "warning: events[0].location: \"location\" is not supported (ignored) (event \"PS752\")",
        "warning: events[0].colour: unknown field \"colour\" (ignored) (event \"PS752\")",
        "warning: options: unknown field \"options\" (ignored)",
    ];
    assert_eq!(shown(&problems), expected);
    // Each with the line and column of its value.
    let second = problems
        .iter()
        .find(|p| p.path == "events[0].end_date.second")
        .expect("second");
    let (line, column) = json::line_column(&text, text.find(r#""5""#).expect("second value"));
    assert_eq!((second.line, second.column), (line, column));
}

#[test]
fn times_of_day_are_read_to_the_minute_and_bad_ones_keep_the_day() {
    // (start_date's time fields, the date read, the warning's path if any)
    let cases: &[(&str, &str, Option<&str>)] = &[
        (r#""hour": "6", "minute": "14""#, "2020-01-08T06:14", None),
        (r#""hour": 23"#, "2020-01-08T23:00", None),
        (r#""minute": "5""#, "2020-01-08T00:05", None),
        (r#""hour": "0", "minute": "0""#, "2020-01-08T00:00", None),
        (
            r#""hour": "24""#,
            "2020-01-08",
            Some("events[0].start_date.hour"),
        ),
        (
            r#""hour": "6", "minute": "60""#,
            "2020-01-08",
            Some("events[0].start_date.hour"),
        ),
        (
            r#""hour": "six""#,
            "2020-01-08",
            Some("events[0].start_date.hour"),
        ),
        (
            r#""hour": "6", "second": "30""#,
            "2020-01-08T06:00",
            Some("events[0].start_date.second"),
        ),
        (r#""hour": "", "minute": null"#, "2020-01-08", None),
    ];
    for (fields, expected, warning) in cases {
        let text = format!(
            r#"{{"events": [{{"start_date": {{"year": "2020", "month": "1", "day": "8", {fields}}}, "text": {{"headline": "H"}}}}]}}"#
        );
        let (doc, problems) = read(&text);
        assert_eq!(doc.events.len(), 1, "{fields}");
        assert_eq!(doc.events[0].date.to_string(), *expected, "{fields}");
        let paths: Vec<&str> = problems
            .iter()
            .filter(|p| p.path.starts_with("events[0].start_date"))
            .map(|p| p.path.as_str())
            .collect();
        assert_eq!(
            paths,
            warning.iter().copied().collect::<Vec<_>>(),
            "{fields}"
        );
    }
    // A time on a date without a day is ignored, with a warning.
    let (doc, problems) = read(
        r#"{"events": [{"start_date": {"year": "2020", "month": "1", "hour": "6"}, "text": {"headline": "H"}}]}"#,
    );
    assert_eq!(doc.events[0].date.to_string(), "2020-01");
    assert!(problems
        .iter()
        .any(|p| p.message.contains("has a time but no day")));
}

#[test]
fn blank_unsupported_fields_lose_nothing_and_say_nothing() {
    let event = r#"{"start_date": {"year": "2000", "format": "", "hour": ""}, "text": {"headline": "Quiet"},
        "media": {"url": "", "caption": null}, "background": {"color": null, "url": ""}, "autolink": false, "type": ""}"#;
    let (_, problems) = read(&with_events(event));
    assert_eq!(others(&problems), Vec::<String>::new());
}

#[test]
fn unusable_events_are_errors_for_that_event_only() {
    let events = [
        r#"{"start_date": {"year": "-13800000000"}, "text": {"headline": "The Big Bang"}}"#,
        r#"{"start_date": {"year": "1000000"}, "text": {"headline": "Far future"}}"#,
        r#"{"start_date": {"year": "999999"}, "text": {"headline": "Last year we hold"}}"#,
        r#"{"start_date": {"year": "abc"}, "text": {"headline": "Not a year"}}"#,
        r#"{"start_date": {"year": "2023", "month": "2", "day": "30"}, "text": {"headline": "No such day"}}"#,
        r#"{"start_date": {"year": "2023", "month": "13"}, "text": {"headline": "No such month"}}"#,
        r#"{"start_date": {"month": "5"}, "text": {"headline": "No year"}}"#,
        r#"{"text": {"headline": "No start"}}"#,
        r#"{"start_date": {"year": "2003"}, "end_date": {"year": "2001"}, "text": {"headline": "Backwards"}}"#,
        r#"{"start_date": "2000", "text": {"headline": "Wrong type"}}"#,
        r#""not an object""#,
        r#"{"start_date": {"year": "2000"}, "text": {"headline": "Kept"}}"#,
    ]
    .join(",");
    let (doc, problems) = read(&with_events(&events));
    let titles: Vec<&str> = doc.events.iter().map(|e| e.title.get("en")).collect();
    assert_eq!(titles, ["Kept", "Last year we hold"]);
    assert_eq!(
        others(&problems),
        [
            "error: events[0].start_date.year: year -13800000000 is beyond the years the timeline can show (-999999 to 999999); the event is left out (event \"The Big Bang\")",
            "error: events[1].start_date.year: year 1000000 is beyond the years the timeline can show (-999999 to 999999); the event is left out (event \"Far future\")",
            "error: events[3].start_date.year: year \"abc\" is not a whole number; the event is left out (event \"Not a year\")",
            "error: events[4].start_date.day: start_date is not a valid date: February 2023 has 28 days, not 30; the event is left out (event \"No such day\")",
            "error: events[5].start_date.month: start_date is not a valid date: month 13 is not between 1 and 12; the event is left out (event \"No such month\")",
            "error: events[6].start_date: start_date has no year; the event is left out (event \"No year\")",
            "error: events[7]: missing start_date (with at least a year); the event is left out (event \"No start\")",
            "error: events[8].end_date: end \"2001\" is before the start \"2003\"; the event is left out (event \"Backwards\")",
            "error: events[9].start_date: expected an object, found a string",
            "error: events[10]: expected an object, found a string",
        ]
    );
}

#[test]
fn events_without_a_headline_are_titled_and_said_so() {
    let events = [
        r#"{"start_date": {"year": "2000"}, "text": {"text": "<p>Only a text, long enough to be cut somewhere after its eightieth character, as this one is.</p>"}}"#,
        r#"{"start_date": {"year": "2001"}, "display_date": "The year 2001"}"#,
        r#"{"start_date": {"year": "2002", "month": "3"}}"#,
    ]
    .join(",");
    let (doc, problems) = read(&with_events(&events));
    let titles: Vec<(&str, &str)> = doc
        .events
        .iter()
        .map(|e| (e.id.as_str(), e.title.get("en")))
        .collect();
    assert_eq!(
        titles,
        [
            (
                "2000",
                "Only a text, long enough to be cut somewhere after its eightieth character, as t…"
            ),
            ("2001", "The year 2001"),
            ("2002-03", "2002-03"),
        ]
    );
    assert_eq!(others(&problems).len(), 3, "{:?}", others(&problems));
    assert!(
        others(&problems)[2].ends_with("no headline: the event is titled \"2002-03\" (this event)")
    );
}

#[test]
fn eras_map_to_eras() {
    let text = r#"{"title": {"text": {"headline": "T"}}, "events": [],
        "eras": [
            {"start_date": {"year": "602"}, "end_date": {"year": "628"}, "text": {"headline": "Roman–Persian War", "text": "<p>Long.</p>"}},
            {"start_date": {"year": "610"}, "end_date": {"year": "641", "month": "6"}},
            {"start_date": {"year": "700"}, "text": {"headline": "No end"}},
            {"start_date": {"year": "800"}, "end_date": {"year": "801"}, "group": "G", "text": {"headline": "Grouped"}}
        ]}"#;
    let (doc, problems) = read(text);
    let eras: Vec<(String, String, String, Option<String>)> = doc
        .eras
        .iter()
        .map(|e| {
            (
                e.label.get("en").to_owned(),
                e.start.to_string(),
                e.end.to_string(),
                e.summary.as_ref().map(|s| s.get("en").to_owned()),
            )
        })
        .collect();
    assert_eq!(
        eras,
        [
            (
                "Roman–Persian War".to_owned(),
                "0602".to_owned(),
                "0628".to_owned(),
                Some("Long.".to_owned())
            ),
            (
                "0610 – 0641-06".to_owned(),
                "0610".to_owned(),
                "0641-06".to_owned(),
                None
            ),
            (
                "Grouped".to_owned(),
                "0800".to_owned(),
                "0801".to_owned(),
                None
            ),
        ]
    );
    assert_eq!(
        shown(&problems),
        [
            "warning: events: the timeline has no events",
            "warning: eras[1]: no headline: the era is labelled \"0610 – 0641-06\" (this era)",
            "error: eras[2]: missing end_date: an era needs one; the era is left out (era \"No end\")",
            "warning: eras[3].group: \"group\" is not used here (ignored) (era \"Grouped\")",
        ]
    );
}

#[test]
fn html_in_texts_is_parsed_safely() {
    let event = r#"{"start_date": {"year": "2000"}, "text": {
        "headline": "<script>alert(1)</script>Safe <em>title</em>",
        "text": "<p onclick='x()'>One <a href='javascript:alert(2)'>bad</a> <a href='https://ok.example'>good</a></p><style>p{}</style><ul><li>item</li></ul>"}}"#;
    let (doc, _) = read(&with_events(event));
    let e = &doc.events[0];
    assert_eq!(e.title.get("en"), "Safe title");
    assert_eq!(e.summary.get("en"), "One bad good\nitem");
    let Text::Rich(summary) = &e.summary else {
        panic!("rich")
    };
    assert!(matches!(
        summary.blocks.as_slice(),
        [Block::Paragraph(_), Block::List { .. }]
    ));
    // Search sees the text, not the tags.
    let index = crate::model::filter::SearchIndex::new(&doc, "en");
    let find = |q: &str| {
        let filter = crate::model::filter::Filter {
            query: crate::model::text::Query::new(q),
            ..Default::default()
        };
        filter.apply(&doc, &index).len()
    };
    assert_eq!(find("safe title"), 1);
    assert_eq!(find("item"), 1);
    assert_eq!(find("script"), 0);
    assert_eq!(find("onclick"), 0);
    assert_eq!(find("href"), 0);
}

#[test]
fn our_own_format_stays_plain_text() {
    let text = r##"{"title": "<b>T</b>", "updated": "2024", "categories": [{"id": "c", "label": "C", "color": "#123"}],
        "events": [{"id": "e", "date": "2024", "category": "c", "title": "<em>x</em> &amp;", "summary": "<p>s</p>",
        "date_label": "Spring <b>2024</b>",
        "sources": [{"title": "S", "publisher": "P", "url": "https://example.com"}]}]}"##;
    let v = validate(text);
    assert!(v.is_valid(), "{:?}", v.problems);
    let doc = v.document.expect("document");
    assert_eq!(doc.title, Text::Plain("<b>T</b>".to_owned()));
    assert_eq!(
        doc.events[0].title,
        Text::Plain("<em>x</em> &amp;".to_owned())
    );
    assert_eq!(doc.events[0].summary, Text::Plain("<p>s</p>".to_owned()));
    assert_eq!(
        doc.events[0].date_label,
        Some(Text::Plain("Spring <b>2024</b>".to_owned()))
    );
}

#[test]
fn slugs_and_numbers() {
    for (text, slug_text) in [
        ("A Musical Heritage", "a-musical-heritage"),
        ("  Crème  brûlée!! ", "creme-brulee"),
        ("'The Grammys'", "the-grammys"),
        ("ایران", ""),
        ("", ""),
    ] {
        assert_eq!(slug(text), slug_text, "{text:?}");
    }
    assert!(slug(&"word ".repeat(100)).len() <= SLUG_LEN);
    for (text, n) in [
        ("1963", Some(1963)),
        (" -300 ", Some(-300)),
        ("+5", Some(5)),
        ("1963.0", Some(1963)),
        ("08", Some(8)),
        ("1e3", None),
        ("12a", None),
        ("-", None),
        ("", None),
        ("99999999999999999999", None),
    ] {
        assert_eq!(whole_number(text), n, "{text:?}");
    }
}

mod properties {
    use super::super::*;
    use crate::model::validate::validate;
    use proptest::prelude::*;

    fn part() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("\"\"".to_owned()),
            Just("null".to_owned()),
            (-2_000_000i64..2_000_000).prop_map(|n| format!("\"{n}\"")),
            (0i64..40).prop_map(|n| n.to_string()),
            "\"[a-z<>&/ ]{0,8}\"",
            Just("{}".to_owned()),
            Just("[1]".to_owned()),
        ]
    }

    fn event() -> impl Strategy<Value = String> {
        (part(), part(), part(), part(), part(), part(), part(), any::<bool>()).prop_map(
            |(y, m, d, h, headline, text, group, end)| {
                let end = if end { format!(r#", "end_date": {{"year": {y}, "month": {d}}}"#) } else { String::new() };
                format!(
                    r#"{{"start_date": {{"year": {y}, "month": {m}, "day": {d}, "hour": {h}}}{end}, "text": {{"headline": {headline}, "text": {text}}}, "group": {group}, "unique_id": {headline}}}"#
                )
            },
        )
    }

    proptest! {
        #[test]
        fn no_timeline_panics_and_every_event_is_kept_or_reported(events in prop::collection::vec(event(), 0..12)) {
            let text = format!(r#"{{"title": {{"text": {{"headline": "T"}}}}, "events": [{}]}}"#, events.join(","));
            let v = validate(&text);
            let doc = v.document.clone().expect("always a document");
            // Every event left out has an error of its own.
            let errored: std::collections::BTreeSet<&str> = v
                .errors()
                .filter_map(|p| p.path.strip_prefix("events["))
                .filter_map(|p| p.split(']').next())
                .collect();
            prop_assert_eq!(doc.events.len() + errored.len(), events.len(), "{:?}", v.problems);
            // Ids unique and valid, categories known.
            let mut ids: Vec<&str> = doc.events.iter().map(|e| e.id.as_str()).collect();
            prop_assert!(ids.iter().all(|id| is_valid_id(id)), "{:?}", ids);
            ids.sort_unstable();
            let n = ids.len();
            ids.dedup();
            prop_assert_eq!(ids.len(), n);
            for e in &doc.events {
                prop_assert!(doc.category(&e.category).is_some());
            }
        }

        #[test]
        fn any_json_never_panics(s in "\\PC{0,120}") {
            let _ = validate(&s);
            let _ = validate(&format!(r#"{{"events": [{{"start_date": {{"year": {s:?}}}, "text": {{"headline": {s:?}}}}}]}}"#));
        }
    }
}

/// Many events, and many with the same headline and group, cost about linear time.
#[test]
fn the_cost_is_about_linear() {
    let file = |n: usize| {
        let events: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"start_date": {{"year": "{}", "month": "{}"}}, "text": {{"headline": "Same <b>headline</b>", "text": "<p>Text {i}</p>"}}, "group": "G{}", "unique_id": "{}"}}"#,
                    1900 + i % 100,
                    1 + i % 12,
                    i % 7,
                    if i % 3 == 0 { "dup" } else { "" }
                )
            })
            .collect();
        with_events(&events.join(","))
    };
    let time = |n: usize| {
        let text = file(n);
        (0..3)
            .map(|_| {
                let start = std::time::Instant::now();
                let v = validate(&text);
                assert_eq!(v.document.map(|d| d.events.len()), Some(n));
                start.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let small = time(1_000).max(1e-4);
    let large = time(10_000);
    assert!(
        large < small * 35.0,
        "1,000 events: {small}s, 10,000: {large}s"
    );
}

#[test]
fn media_maps_field_by_field_and_what_cannot_be_embedded_is_a_link() {
    use crate::model::media::MediaKind;
    let yt = MediaKind::YouTube("dQw4w9WgXcQ".into());
    let ev = |media: &str| {
        format!(
            r#"{{"start_date": {{"year": "2000"}}, "text": {{"headline": "H"}}, "media": {media}}}"#
        )
    };
    // (media, the url, its kind, alt, caption, credit, link, the warnings about it).
    type Case<'a> = (
        &'a str,
        Option<&'a str>,
        MediaKind,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        &'a [&'a str],
    );
    let cases: &[Case] = &[
        (
            r#"{"url": "https://x.example/a.jpg", "alt": "An <b>alt</b>", "caption": "<em>Cap</em>tion", "credit": "By <a href='https://c.example/'>C</a>", "link": "https://x.example/page"}"#,
            Some("https://x.example/a.jpg"),
            MediaKind::Image,
            Some("An alt"),
            Some("Caption"),
            Some("By C"),
            Some("https://x.example/page"),
            &[],
        ),
        (
            r#"{"url": "https://youtu.be/dQw4w9WgXcQ", "title": "The talk"}"#,
            Some("https://youtu.be/dQw4w9WgXcQ"),
            yt.clone(),
            Some("The talk"),
            None,
            None,
            None,
            &[],
        ),
        // Protocol-relative, as TimelineJS3 allows.
        (
            r#"{"url": "//vimeo.com/76979871", "alt": "V"}"#,
            Some("https://vimeo.com/76979871"),
            MediaKind::Vimeo { id: "76979871".into(), hash: None },
            Some("V"),
            None,
            None,
            None,
            &[],
        ),
        // What we do not embed is a link to it: nothing lost, nothing said.
        (
            r#"{"url": "https://twitter.com/user/status/123", "caption": "A post"}"#,
            Some("https://twitter.com/user/status/123"),
            MediaKind::Link,
            None,
            Some("A post"),
            None,
            None,
            &[],
        ),
        (
            r#"{"url": "https://en.wikipedia.org/wiki/Ottawa"}"#,
            Some("https://en.wikipedia.org/wiki/Ottawa"),
            MediaKind::Link,
            None,
            None,
            None,
            None,
            &[],
        ),
        // An embed code: its address is kept (an iframe of a YouTube player plays here).
        (
            r#"{"url": "<iframe width=\"560\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?a=1&amp;b=2\"></iframe>", "alt": "A"}"#,
            Some("https://www.youtube.com/embed/dQw4w9WgXcQ?a=1&b=2"),
            yt.clone(),
            Some("A"),
            None,
            None,
            None,
            &["warning: events[0].media.url: media.url is HTML (an embed code): only its address \"https://www.youtube.com/embed/dQw4w9WgXcQ?a=1&b=2\" is used (event \"H\")"],
        ),
        (
            r#"{"url": "<blockquote class=\"twitter-tweet\"><p>Hi</p><a href=\"https://twitter.com/u/status/9\">x</a></blockquote><script src=\"https://platform.twitter.com/widgets.js\"></script>"}"#,
            Some("https://twitter.com/u/status/9"),
            MediaKind::Link,
            None,
            None,
            None,
            None,
            &["warning: events[0].media.url: media.url is HTML (an embed code): only its address \"https://twitter.com/u/status/9\" is used (event \"H\")"],
        ),
        // What is lost is said.
        (
            r#"{"url": "https://x.example/a.png", "thumbnail": "https://x.example/t.png", "link": "https://x.example/", "link_target": "_self"}"#,
            Some("https://x.example/a.png"),
            MediaKind::Image,
            None,
            None,
            None,
            Some("https://x.example/"),
            &[
                // In the order of the source (the media object first).
                "warning: events[0].media: the image has no alt text: describe it for readers who cannot see it (event \"H\")",
                "warning: events[0].media.link_target: media.link_target is not supported (ignored): links open in a new tab (event \"H\")",
            ],
        ),
        (
            r#"{"url": "https://youtu.be/dQw4w9WgXcQ", "alt": "A", "title": "T", "link": "https://x.example/"}"#,
            Some("https://youtu.be/dQw4w9WgXcQ"),
            yt,
            Some("A"),
            None,
            None,
            None,
            &[
                "warning: events[0].media.title: media.title is not shown when there is an alt (ignored) (event \"H\")",
                "warning: events[0].media.link: media.link is used only for an image (ignored) (event \"H\")",
            ],
        ),
        (
            r#"{"url": "javascript:alert(1)", "caption": "c"}"#,
            None,
            MediaKind::Link,
            None,
            None,
            None,
            None,
            &["warning: events[0].media.url: media.url \"javascript:alert(1)\" is not an http(s) URL: the media is not shown (ignored) (event \"H\")"],
        ),
        (
            r#"{"url": "images/local.jpg", "alt": "a"}"#,
            None,
            MediaKind::Link,
            None,
            None,
            None,
            None,
            &["warning: events[0].media.url: media.url \"images/local.jpg\" is not an http(s) URL: the media is not shown (ignored) (event \"H\")"],
        ),
        (
            r#"{"caption": "no url"}"#,
            None,
            MediaKind::Link,
            None,
            None,
            None,
            None,
            &["warning: events[0].media: media without a url is not shown (ignored) (event \"H\")"],
        ),
    ];
    for (media, url, kind, alt, caption, credit, link, warnings) in cases {
        let (doc, problems) = read(&with_events(&ev(media)));
        assert_eq!(doc.events.len(), 1, "{media}: the event is always kept");
        let got = doc.events[0].media.as_ref();
        assert_eq!(got.map(|m| m.url.as_str()), *url, "{media}");
        if let Some(m) = got {
            let text = |t: &Option<Text>| t.as_ref().map(|t| t.get("en").to_owned());
            assert_eq!(&m.kind, kind, "{media}");
            assert_eq!(text(&m.alt).as_deref(), *alt, "{media}");
            assert_eq!(text(&m.caption).as_deref(), *caption, "{media}");
            assert_eq!(text(&m.credit).as_deref(), *credit, "{media}");
            assert_eq!(m.link.as_deref(), *link, "{media}");
        }
        assert_eq!(others(&problems), *warnings, "{media}");
    }
}

/// `media.thumbnail` marks the event on the stage, whatever the media is; one that is no
/// http(s) URL is a warning, and the media is still shown.
#[test]
fn a_thumbnail_is_kept_for_the_stage() {
    let ev = |media: &str| {
        format!(
            r#"{{"start_date": {{"year": "2000"}}, "text": {{"headline": "H"}}, "media": {media}}}"#
        )
    };
    let cases: &[(&str, Option<&str>, &[&str])] = &[
        (
            r#"{"url": "https://x.example/a.png", "alt": "A", "thumbnail": "https://x.example/t.png"}"#,
            Some("https://x.example/t.png"),
            &[],
        ),
        (
            r#"{"url": "https://youtu.be/dQw4w9WgXcQ", "thumbnail": "http://x.example/t.jpg?s=64"}"#,
            Some("http://x.example/t.jpg?s=64"),
            &[],
        ),
        (
            r#"{"url": "https://x.example/a.png", "alt": "A", "thumbnail": "javascript:alert(1)"}"#,
            None,
            &["warning: events[0].media.thumbnail: media.thumbnail is not an http(s) URL (ignored) (event \"H\")"],
        ),
        (
            r#"{"url": "https://x.example/a.png", "alt": "A", "thumbnail": "  "}"#,
            None,
            &[],
        ),
    ];
    for (media, thumbnail, warnings) in cases {
        let (doc, problems) = read(&with_events(&ev(media)));
        let got = doc.events[0].media.as_ref().expect("the media is shown");
        assert_eq!(got.thumbnail.as_deref(), *thumbnail, "{media}");
        assert_eq!(others(&problems), *warnings, "{media}");
    }
}

#[test]
fn an_eras_media_is_a_warning() {
    let text = r#"{"events": [{"start_date": {"year": "2000"}, "text": {"headline": "H"}}],
        "eras": [{"start_date": {"year": "1990"}, "end_date": {"year": "1995"}, "text": {"headline": "E"}, "media": {"url": "https://x.example/a.jpg"}}]}"#;
    let (doc, problems) = read(text);
    assert_eq!(doc.eras.len(), 1);
    assert!(
        shown(&problems).contains(
            &"warning: eras[0].media: media is shown only for events (ignored) (era \"E\")"
                .to_owned()
        ),
        "{problems:?}"
    );
}
