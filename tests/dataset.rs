//! The bundled dataset: it validates cleanly, is complete in English and French, and keeps
//! the facts of `../shared/research/canada-iran-events.md` (dates, figures, traps).

use timeline::data::bundled;
use timeline::model::format::{Document, Event, Text};

fn doc() -> Document {
    let validated = bundled();
    let problems: Vec<String> = validated.problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "the bundled data has problems:\n{}",
        problems.join("\n")
    );
    validated.document.expect("a document")
}

fn event<'a>(doc: &'a Document, id: &str) -> &'a Event {
    doc.events
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

fn translations(text: &Text) -> Vec<&str> {
    match text {
        Text::Plain(_) | Text::Rich(_) => vec![],
        Text::Translated(map) => map.keys().collect(),
    }
}

#[test]
fn validates_without_errors_or_warnings() {
    let doc = doc();
    assert!(doc.events.len() >= 30, "only {} events", doc.events.len());
}

#[test]
fn spans_1955_to_2026() {
    let doc = doc();
    assert_eq!(doc.events.first().map(|e| e.date.year()), Some(1955));
    assert_eq!(doc.events.last().map(|e| e.date.year()), Some(2026));
}

#[test]
fn every_event_is_in_english_french_and_persian_with_a_source() {
    let doc = doc();
    for e in &doc.events {
        for (field, text) in [("title", &e.title), ("summary", &e.summary)] {
            let langs = translations(text);
            assert!(
                ["en", "fr", "fa"].iter().all(|l| langs.contains(l)),
                "{}.{field} has {langs:?}",
                e.id
            );
        }
        assert!(!e.sources.is_empty(), "{} has no source", e.id);
        for s in &e.sources {
            assert!(
                s.url.starts_with("https://") || s.url.starts_with("http://"),
                "{}: {}",
                e.id,
                s.url
            );
        }
        assert!(doc.category(&e.category).is_some());
    }
    for c in &doc.categories {
        let langs = translations(&c.label);
        assert!(
            langs.contains(&"fr") && langs.contains(&"fa"),
            "category {}",
            c.id
        );
    }
}

#[test]
fn headline_events_have_the_verified_dates() {
    let doc = doc();
    // (date, category, words that must appear in the English title or summary)
    let headlines = [
        ("2012-09-07", "diplomacy", "embassy"),
        (
            "2012-09-07",
            "terrorism-listing",
            "foreign state supporter of terrorism",
        ),
        ("2020-01-08", "aviation", "PS752"),
        ("2024-06-19", "terrorism-listing", "IRGC"),
        ("2025-11-27", "diplomacy", "Anand"),
    ];
    for (date, category, words) in headlines {
        let found = doc.events.iter().any(|e| {
            e.date.to_string() == date
                && e.category == category
                && e.importance == 3
                && format!("{} {}", e.title.get("en"), e.summary.get("en")).contains(words)
        });
        assert!(
            found,
            "no headline event on {date} in {category} mentioning {words:?}"
        );
    }
    assert_eq!(doc.events.iter().filter(|e| e.importance == 3).count(), 5);
}

#[test]
fn ps752_uses_the_government_of_canada_figures() {
    let doc = doc();
    let ps752 = doc
        .events
        .iter()
        .find(|e| e.date.to_string() == "2020-01-08")
        .expect("PS752");
    let summary = ps752.summary.get("en");
    for figure in ["176", "55", "30"] {
        assert!(summary.contains(figure), "{figure} missing from: {summary}");
    }
    let _ = event(&doc, &ps752.id);
}

#[test]
fn disputed_days_use_month_precision() {
    use timeline::model::Precision;
    let doc = doc();
    // The Canadian Caper (27 or 28 January 1980) and Kazemi's death (10 or 11 July 2003).
    for month in ["1980-01", "2003-07"] {
        let e = doc.events.iter().find(|e| e.date.to_string() == month);
        assert_eq!(
            e.map(|e| e.date.precision()),
            Some(Precision::Month),
            "{month}"
        );
    }
}

#[test]
fn anand_headline_is_not_quoted_as_her_words() {
    let doc = doc();
    for e in &doc.events {
        for text in [&e.title, &e.summary] {
            for version in text.all() {
                assert!(
                    !version.contains("\"no current plans")
                        && !version.contains("“no current plans"),
                    "{}: {version}",
                    e.id
                );
            }
        }
    }
}

#[test]
fn eras_cover_the_years_without_relations() {
    let doc = doc();
    assert!(doc
        .eras
        .iter()
        .any(|era| era.start.to_string() == "2012-09-07"));
}

/// The numbers in a text, with Persian digits read as Latin ones and thousands
/// separators (`,` and `٬`) dropped: `10,000` and `۱۰٬۰۰۰` are both `10000`.
fn numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let digit = match c {
            '0'..='9' => Some(c),
            '۰'..='۹' => char::from_digit(c as u32 - '۰' as u32, 10),
            _ => None,
        };
        match digit {
            Some(d) => current.push(d),
            // A separator between digits is part of the number.
            None if matches!(c, ',' | '٬')
                && !current.is_empty()
                && chars
                    .peek()
                    .is_some_and(|n| n.is_ascii_digit() || ('۰'..='۹').contains(n)) => {}
            None if !current.is_empty() => found.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        found.push(current);
    }
    found.sort();
    found
}

#[test]
fn persian_texts_keep_every_figure_and_use_persian_letters() {
    let doc = doc();
    for e in &doc.events {
        for (field, text) in [("title", &e.title), ("summary", &e.summary)] {
            let (en, fa) = (text.get("en"), text.get("fa"));
            let missing: Vec<String> = numbers(en)
                .into_iter()
                .filter(|n| !numbers(fa).contains(n))
                .collect();
            assert!(missing.is_empty(), "{}.{field}: fa lacks {missing:?}", e.id);
            assert!(
                !fa.contains(['ي', 'ك']),
                "{}.{field}: Arabic letter forms",
                e.id
            );
        }
    }
    assert_eq!(
        numbers("10,000 people, 176 on board; ۱۰٬۰۰۰ و ۱۷۶"),
        ["10000", "10000", "176", "176"]
    );
}
