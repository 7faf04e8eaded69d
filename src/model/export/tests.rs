//! The writers, checked by reading back what they write: `validate` must give the same
//! document, with no problem, for generated documents of every shape.

use super::{json_string, to_csv, to_json};
use crate::model::format::{Document, Event, Media, Source, Text, Translations};
use crate::model::synthetic::synthetic;
use crate::model::validate::validate;
use crate::model::Date;

fn read_back(text: &str) -> Document {
    let validated = validate(text);
    assert!(
        validated.problems.is_empty(),
        "{:?}\n{text}",
        validated.problems
    );
    validated.document.expect("a document")
}

#[test]
fn strings_are_escaped_as_json_requires_and_safe_inside_a_script_element() {
    let cases = [
        ("plain", r#""plain""#),
        ("say \"hi\"", r#""say \"hi\"""#),
        ("a\\b", r#""a\\b""#),
        ("line\nbreak\ttab", r#""line\nbreak\ttab""#),
        ("\u{1}\u{1f}\r", r#""\u0001\u001F\r""#),
        ("</script><!-- <b>", r#""<\/script>\u003c!-- <b>""#),
        ("é 😀 \u{2028} سلام", "\"é 😀 \u{2028} سلام\""),
    ];
    for (text, expected) in cases {
        let quoted = json_string(text);
        assert_eq!(quoted, expected);
        let parsed: String = serde_json::from_str(&quoted).expect("valid JSON");
        assert_eq!(parsed, text);
    }
}

#[test]
fn the_json_is_indented_with_the_fields_in_the_formats_order() {
    let doc = synthetic(1, 2);
    let json = to_json(&doc);
    assert!(
        json.starts_with("{\n  \"title\": {\n    \"en\": \"Synthetic timeline of 1 events\",\n"),
        "{json}"
    );
    assert!(json.ends_with("\n}\n"));
    let title = json.find("\"title\"").unwrap_or(usize::MAX);
    let updated = json.find("\"updated\"").unwrap_or(0);
    let events = json.find("\"events\"").unwrap_or(0);
    assert!(title < updated && updated < events);
}

#[test]
fn the_csv_has_one_column_per_language_and_source_and_quotes_what_it_must() {
    let mut doc = synthetic(3, 5);
    let event = &mut doc.events[0];
    event.title = Text::Plain("Canada, Iran and \"the\nembassy\"".to_owned());
    event.sources.push(Source {
        title: Text::Translated(Translations::from([
            ("fa".to_owned(), "منبع".to_owned()),
            ("en".to_owned(), "Source".to_owned()),
        ])),
        publisher: "P".to_owned(),
        url: "https://example.org/2".to_owned(),
        date: Some(Date::ymd(2001, 2, 3).expect("a date")),
    });
    let csv = to_csv(&doc);
    let header = csv.lines().next().unwrap_or("");
    assert_eq!(
        header,
        "type,id,date,end_date,approximate,category,importance,tags,title,title_fr,summary,summary_fr,color,\
         source_url,source_title,source_publisher,source_date,\
         source_url_2,source_title_2,source_title_2_fa,source_publisher_2,source_date_2"
    );
    assert!(
        csv.contains(",\"Canada, Iran and \"\"the\nembassy\"\"\","),
        "{csv}"
    );
    assert_eq!(read_back(&csv), doc);
}

/// A document with every optional part: media with link and texts, a date label,
/// translations without English, an English-only one, eras with summaries.
fn everything() -> Document {
    let mut doc = synthetic(40, 9);
    let tr = |pairs: &[(&str, &str)]| {
        Text::Translated(
            pairs
                .iter()
                .map(|(l, t)| ((*l).to_owned(), (*t).to_owned()))
                .collect(),
        )
    };
    doc.description = Some(tr(&[("en", "About"), ("fa", "درباره")]));
    doc.eras[0].summary = Some(Text::Plain("Quiet".to_owned()));
    for (i, e) in doc.events.iter_mut().enumerate() {
        match i % 5 {
            0 => {
                let mut media = Media::new(format!("https://example.org/{i}.jpg"));
                media.alt = Some(tr(&[("en", "A photo"), ("fr-CA", "Une photo")]));
                media.caption = Some(Text::Plain("Caption, with comma".to_owned()));
                media.credit = Some(tr(&[("fr", "Crédit seulement en français")]));
                media.link = Some("https://example.org/page".to_owned());
                e.media = Some(media);
            }
            1 => e.date_label = Some(tr(&[("en", "Spring"), ("fr", "Printemps")])),
            2 => e.sources.clear(),
            3 => e.media = Some(Media::new("https://youtu.be/dQw4w9WgXcQ".to_owned())),
            _ => e.summary = tr(&[("fa", "فقط فارسی")]),
        }
    }
    doc
}

#[test]
fn every_field_survives_both_formats() {
    let doc = everything();
    let from_json = validate(&to_json(&doc));
    assert_eq!(from_json.document.as_ref(), Some(&doc));
    let from_csv = validate(&to_csv(&doc));
    assert_eq!(from_csv.document.as_ref(), Some(&doc));
    // The events without sources are shown in both, each with a warning.
    let unsourced = doc.events.iter().filter(|e| e.sources.is_empty()).count();
    assert!(unsourced > 0);
    for validated in [&from_json, &from_csv] {
        assert_eq!(validated.errors().count(), 0, "{:?}", validated.problems);
        let no_source = validated
            .warnings()
            .filter(|p| p.message.starts_with("no source"))
            .count();
        assert_eq!(no_source, unsourced, "{:?}", validated.problems);
    }
}

#[test]
fn a_document_without_title_date_or_events_is_written_too() {
    let mut doc = synthetic(0, 1);
    doc.title = Text::Plain(String::new());
    doc.updated = None;
    let csv = to_csv(&doc);
    assert_eq!(
        csv.lines().filter(|l| l.starts_with("title,")).count(),
        0,
        "{csv}"
    );
    let validated = validate(&csv);
    assert_eq!(validated.document, Some(doc));
}

#[test]
fn a_large_document_is_written_in_linear_time() {
    let doc = synthetic(20_000, 4);
    let json = to_json(&doc);
    let csv = to_csv(&doc);
    assert_eq!(read_back(&json), doc);
    assert_eq!(read_back(&csv), doc);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Any text the format accepts: no blank, no control characters but \n and \t, no
    /// spaces at the ends (a spreadsheet's cells are trimmed).
    fn string() -> impl Strategy<Value = String> {
        "[A-Za-z0-9éç\"\\\\<>/,;'&😀سلام-]([A-Za-z0-9éç\"\\\\<>/,;'&😀سلام \n\t\u{2028}-]{0,12}[A-Za-z0-9é\"\\\\<>/!,-])?"
    }

    fn text() -> impl Strategy<Value = Text> {
        prop_oneof![
            string().prop_map(Text::Plain),
            prop::collection::vec(
                (
                    prop::sample::select(vec!["en", "fr", "fa", "fr-CA"]),
                    string()
                ),
                1..4
            )
            .prop_map(|pairs| Text::Translated(
                pairs.into_iter().map(|(l, t)| (l.to_owned(), t)).collect()
            )),
        ]
    }

    fn apply(doc: &mut Document, texts: &[(Text, Text)], tags: &[String]) {
        for (i, (e, (title, summary))) in doc.events.iter_mut().zip(texts).enumerate() {
            e.title = title.clone();
            e.summary = summary.clone();
            e.tags = tags.iter().skip(i % 3).take(2).cloned().collect();
            if i % 4 == 0 {
                e.sources.clear();
            }
            if let Some(s) = e.sources.first_mut() {
                s.title = summary.clone();
                s.publisher = tags.first().cloned().unwrap_or_else(|| "P".to_owned());
            }
        }
        if let Some((title, _)) = texts.first() {
            doc.title = title.clone();
            doc.categories[0].label = title.clone();
        }
    }

    /// `doc` with every English-only translation made a plain text.
    fn english_as_plain(mut doc: Document) -> Document {
        fn plain(text: &mut Text) {
            if let Text::Translated(t) = text {
                if let (1, Some(en)) = (t.len(), t.get("en")) {
                    *text = Text::Plain(en.to_owned());
                }
            }
        }
        plain(&mut doc.title);
        doc.categories.iter_mut().for_each(|c| plain(&mut c.label));
        for e in &mut doc.events {
            plain(&mut e.title);
            plain(&mut e.summary);
            e.sources.iter_mut().for_each(|s| plain(&mut s.title));
        }
        doc
    }

    fn events(doc: &Document) -> Vec<&Event> {
        doc.events.iter().collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn validating_what_is_written_gives_the_document_back(
            n in 0usize..30,
            seed in 0u64..1000,
            texts in prop::collection::vec((text(), text()), 30),
            tags in prop::collection::vec("[a-z0-9éسل]([a-z0-9 éسل]{0,4}[a-z0-9é])?", 0..3),
        ) {
            let mut doc = synthetic(n, seed);
            apply(&mut doc, &texts, &tags);
            let from_json = validate(&to_json(&doc));
            prop_assert_eq!(from_json.errors().count(), 0, "{:?}", from_json.problems);
            prop_assert_eq!(from_json.document.as_ref(), Some(&doc));
            let from_csv = validate(&to_csv(&doc));
            prop_assert_eq!(from_csv.errors().count(), 0, "{:?}", from_csv.problems);
            let read = from_csv.document.unwrap_or_else(|| synthetic(0, 0));
            prop_assert_eq!(events(&read).len(), doc.events.len());
            // A spreadsheet's column holds a plain text or English: the two are one there.
            let (read, doc) = (english_as_plain(read), english_as_plain(doc));
            for (a, b) in read.events.iter().zip(&doc.events) {
                prop_assert_eq!(a, b);
            }
            prop_assert_eq!(read, doc);
        }
    }
}

#[test]
fn file_names_come_from_the_title() {
    let cases = [
        (
            "Canada–Iran relations, 1955–2026",
            "canada-iran-relations-1955-2026.csv",
        ),
        ("  The  Timeline!  ", "the-timeline.csv"),
        ("روابط کانادا و ایران", "روابط-کانادا-و-ایران.csv"),
        ("", "timeline.csv"),
        ("../../etc/passwd", "etc-passwd.csv"),
        ("<>:\"/\\|?*", "timeline.csv"),
    ];
    for (title, name) in cases {
        assert_eq!(super::file_name(title, "csv"), name, "{title}");
    }
    let long = "a".repeat(500);
    assert_eq!(
        super::file_name(&long, "svg"),
        format!("{}.svg", "a".repeat(60))
    );
}

#[test]
fn a_subset_keeps_the_chosen_events_and_everything_around_them() {
    let doc = synthetic(20, 4);
    let part = super::subset(&doc, &[3, 7, 19, 400]);
    let ids: Vec<&str> = part.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [&doc.events[3].id, &doc.events[7].id, &doc.events[19].id]
    );
    assert_eq!(part.title, doc.title);
    assert_eq!(part.categories, doc.categories);
    // And it reads back as itself.
    assert_eq!(read_back(&to_json(&part)).events, part.events);
}
