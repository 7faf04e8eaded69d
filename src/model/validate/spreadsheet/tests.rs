//! Spreadsheets: recognition by the header row, our layout field by field, problems by row
//! and column header (every one at once, the valid rows kept), and no panic on any input.

use super::super::tests::problems;
use super::super::validate;
use super::{column, generated_id, host, is_csv, Base, Column};
use crate::model::date::{Date, Precision};
use crate::model::format::{Document, Event, Source, Text};

fn doc(text: &str) -> Document {
    let v = validate(text);
    v.document
        .unwrap_or_else(|| panic!("no document: {:?}", v.problems))
}

fn lines(lines: &[&str]) -> String {
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

fn translated(pairs: &[(&str, &str)]) -> Text {
    Text::Translated(
        pairs
            .iter()
            .map(|&(l, t)| (l.to_owned(), t.to_owned()))
            .collect(),
    )
}

const HEAD: &str = "id,date,end_date,category,title,summary,source_url";

#[test]
fn csv_is_recognised_by_its_first_line_and_json_stays_json() {
    let cases: &[(&str, bool)] = &[
        ("{\"title\": 1}", false),
        ("  \n[1, 2]", false),
        ("\u{feff}{}", false),
        ("", false),
        ("hello", false),
        ("id,date,title", true),
        ("\u{feff}Year,Month,Day,Headline", true),
        ("Headline", true),
        ("Headline Text", false),
        ("title", true),
        ("a,b\n1,2", true),
    ];
    for &(text, csv) in cases {
        assert_eq!(is_csv(text), csv, "{text:?}");
    }
    // Not CSV: the JSON reader's message, as before.
    assert_eq!(
        problems("hello"),
        ["error: JSON syntax error: expected a JSON value, found 'h' (line 1, column 1)"]
    );
}

#[test]
fn header_cells_are_read_whatever_their_case_spaces_and_suffixes() {
    let col = |base, source, lang| Some(Column { base, source, lang });
    let cases: &[(&str, Option<Column>)] = &[
        ("id", col(Base::Id, 1, None)),
        (" Date ", col(Base::Date, 1, None)),
        ("End Date", col(Base::End, 1, None)),
        ("END_DATE", col(Base::End, 1, None)),
        ("title_fr", col(Base::Title, 1, Some("fr"))),
        ("Title_fr-CA", col(Base::Title, 1, Some("fr-CA"))),
        ("summary_fa", col(Base::Summary, 1, Some("fa"))),
        ("source_url", col(Base::SourceUrl, 1, None)),
        ("Source URL 2", col(Base::SourceUrl, 2, None)),
        ("source_title_3_fr", col(Base::SourceTitle, 3, Some("fr"))),
        ("source_publisher_12", col(Base::SourcePublisher, 12, None)),
        ("source_date_2", col(Base::SourceDate, 2, None)),
        // Only texts have languages, only sources numbers.
        ("date_fr", None),
        ("title_2", col(Base::Title, 1, Some("2"))),
        ("category_x", None),
        ("titles", None),
        ("source", None),
        ("", None),
        ("Headline", None),
    ];
    for &(header, expected) in cases {
        assert_eq!(column(header), expected, "{header:?}");
    }
}

#[test]
fn generated_ids_and_hosts() {
    assert_eq!(
        generated_id("2012-09-07", "Canada closes its embassy in Tehran!"),
        "2012-09-07-canada-closes-its-embassy-in-tehran"
    );
    assert_eq!(generated_id("", "Été à Paris"), "t-paris");
    assert_eq!(generated_id("", ""), "event");
    assert!(generated_id("2020", &"word ".repeat(100)).len() <= 61);
    assert_eq!(host("https://www.cbc.ca/news/x"), "cbc.ca");
    assert_eq!(host("http://user@example.org:8080?q"), "example.org");
    assert_eq!(host("https://icj-cij.org#x"), "icj-cij.org");
}

/// The template's events are the bundled data's, field by field: one layout, the same data.
#[test]
fn the_template_validates_and_its_events_equal_the_bundled_ones() {
    let text = include_str!("../../../../assets/template.csv");
    let v = validate(text);
    assert_eq!(v.errors().count(), 0, "{:?}", v.problems);
    assert_eq!(v.warnings().count(), 0, "{:?}", v.problems);
    let csv = v.document.expect("a document");
    let json = doc(include_str!("../../../../assets/events.json"));
    assert_eq!(csv.title, json.title);
    assert_eq!(csv.description, json.description);
    assert_eq!(csv.updated, json.updated);
    assert_eq!(csv.eras.first(), json.eras.first());
    assert_eq!(csv.eras.len(), 1);
    let ids: Vec<&str> = csv.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "canadian-caper-1980",
            "embassy-closed-2012",
            "ps752-downed-2020"
        ]
    );
    for event in &csv.events {
        let bundled = json.events.iter().find(|e| e.id == event.id);
        assert_eq!(Some(event), bundled);
    }
    let categories: Vec<(&str, &Text, &str)> = csv
        .categories
        .iter()
        .map(|c| (c.id.as_str(), &c.label, c.color.as_str()))
        .collect();
    assert_eq!(
        categories,
        [
            (
                "diplomacy",
                &Text::from("diplomacy"),
                crate::model::timelinejs::PALETTE[0]
            ),
            (
                "aviation",
                &Text::from("aviation"),
                crate::model::timelinejs::PALETTE[1]
            ),
        ]
    );
}

#[test]
fn our_layout_field_by_field() {
    let text = lines(&[
        "Type,ID,Date,End Date,Date Label,Approximate,Category,Importance,Tags,Title,Title_fr,Summary,Source URL,Source Title,Source Publisher,Source Date,source_url_2,source_title_2,source_title_2_fr",
        "title,,2024-05-01,,,,,,,My timeline,Ma chronologie,About it,,,,,,,",
        "era,,1980-01,1988,,,,,,Closed,,The years without,,,,,,,",
        "event,a,2012-09-07,2012-09,Early September 2012,yes,diplomacy,3,\"x, y ,,z\",Hello,Bonjour,Sum,https://www.cbc.ca/a,A title,CBC,2012-09-08,https://example.org/b,B,B fr",
        ",,2013,,,no,trade,,,Untitled row,,S,https://example.org/c,,,,,,",
        ",b,2013-01,,,,diplomacy,1,,Plain,,\"Two\nlines\",https://example.org/d,D,P,,,,",
    ]);
    let v = validate(&text);
    assert_eq!(v.problems, [], "{:?}", v.problems);
    let d = v.document.expect("a document");
    assert_eq!(
        d.title,
        translated(&[("en", "My timeline"), ("fr", "Ma chronologie")])
    );
    assert_eq!(d.description, Some(Text::from("About it")));
    assert_eq!(d.updated, Date::parse("2024-05-01").ok());
    assert_eq!(d.eras.len(), 1);
    assert_eq!(d.eras[0].label, Text::from("Closed"));
    assert_eq!(d.eras[0].start, Date::parse("1980-01").unwrap());
    assert_eq!(d.eras[0].end, Date::parse("1988").unwrap());
    assert_eq!(d.eras[0].summary, Some(Text::from("The years without")));
    let ids: Vec<&str> = d.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["diplomacy", "trade"]);
    let a = Event {
        id: "a".to_owned(),
        date: Date::parse("2012-09-07").unwrap(),
        approximate: true,
        end: Some(Date::parse("2012-09").unwrap()),
        date_label: Some(Text::from("Early September 2012")),
        category: "diplomacy".to_owned(),
        tags: vec!["x".to_owned(), "y".to_owned(), "z".to_owned()],
        title: translated(&[("en", "Hello"), ("fr", "Bonjour")]),
        summary: Text::from("Sum"),
        sources: vec![
            Source {
                title: Text::from("A title"),
                publisher: "CBC".to_owned(),
                url: "https://www.cbc.ca/a".to_owned(),
                date: Some(Date::parse("2012-09-08").unwrap()),
            },
            Source {
                title: translated(&[("en", "B"), ("fr", "B fr")]),
                publisher: "example.org".to_owned(),
                url: "https://example.org/b".to_owned(),
                date: None,
            },
        ],
        importance: 3,
        media: None,
    };
    let generated = Event {
        id: "2013-untitled-row".to_owned(),
        date: Date::parse("2013").unwrap(),
        approximate: false,
        end: None,
        date_label: None,
        category: "trade".to_owned(),
        tags: vec![],
        title: Text::from("Untitled row"),
        summary: Text::from("S"),
        // No title or publisher: the URL and its host.
        sources: vec![Source {
            title: Text::from("https://example.org/c"),
            publisher: "example.org".to_owned(),
            url: "https://example.org/c".to_owned(),
            date: None,
        }],
        importance: 2,
        media: None,
    };
    let b = Event {
        id: "b".to_owned(),
        date: Date::parse("2013-01").unwrap(),
        approximate: false,
        end: None,
        date_label: None,
        category: "diplomacy".to_owned(),
        tags: vec![],
        title: Text::from("Plain"),
        summary: Text::from("Two\nlines"),
        sources: vec![Source {
            title: Text::from("D"),
            publisher: "P".to_owned(),
            url: "https://example.org/d".to_owned(),
            date: None,
        }],
        importance: 1,
        media: None,
    };
    // By date: the month January 2013 before the year 2013.
    assert_eq!(d.events, [a, b, generated]);
    assert_eq!(d.events[2].date.precision(), Precision::Year);
}

#[test]
fn problems_name_the_row_and_the_column_header_all_at_once_and_valid_rows_stay() {
    let text = lines(&[
        "id,date,end_date,category,title,title_fr,summary,source_url,importance,approximate",
        "ok,2020-01-08,,aviation,Fine,,S,https://example.org/,,",
        "bad-date,2020-13-01,,aviation,T,,S,https://example.org/,,",
        "bad-end,2020,2019,aviation,T,,S,https://example.org/,,",
        "has space,2020,,aviation,,,S,ftp://example.org/,5,maybe",
        "ok,2021,,Aviation,T,,S,https://example.org/,,",
        "no-source,2022,,aviation,,T fr,S,,,",
        "empty-summary,2022,,aviation,T,,,https://example.org/,2.5,",
    ]);
    let v = validate(&text);
    assert_eq!(
        problems(&text),
        [
            "warning: row 1, \"id\": no title row: add a row of type \"title\" whose title, summary and date are the timeline's title, description and date of last update (line 1, column 1)",
            "error: row 3, \"date\": \"2020-13-01\" is not a valid date: month 13 is not between 1 and 12 (line 3, column 10)",
            "error: row 4, \"end_date\": end \"2019\" is before the start \"2020\" (line 4, column 14)",
            "error: row 5, \"id\": \"has space\" is not a valid id: use only letters, digits, '-', '_' and '.' (line 5, column 1)",
            "error: row 5, \"title\": title is empty (line 5, column 26)",
            "error: row 5, \"source_url\": \"ftp://example.org/\" is not an http(s) URL (line 5, column 30)",
            "error: row 5, \"importance\": importance 5 is not between 1 and 3 (line 5, column 49)",
            "error: row 5, \"approximate\": expected a boolean (true or false), found a string (line 5, column 51)",
            "error: row 6, \"id\": duplicate id \"ok\" (first used by events[0]) (line 6, column 1)",
            "error: row 6, \"category\": \"Aviation\" is not a valid category id: use lowercase letters, digits, '-' and '_', starting with a letter or digit (line 6, column 10)",
            "warning: row 7, \"title_fr\": no \"en\" translation: English is the fallback for readers of other languages (line 7, column 27)",
            "warning: row 7, \"source_url\": no source: the event is shown without one (line 7, column 34)",
            "warning: row 8, \"summary\": no summary: the event is shown with its title alone (line 8, column 33)",
            "error: row 8, \"importance\": importance must be a whole number from 1 to 3, found 2.5 (line 8, column 55)",
        ]
    );
    let ids: Vec<&str> = v
        .document
        .as_ref()
        .map(|d| d.events.iter().map(|e| e.id.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(ids, ["ok", "no-source"]);
}

#[test]
fn header_problems_are_reported_once_at_the_header() {
    type Case = (&'static str, &'static [&'static str], bool);
    let cases: &[Case] = &[
        (
            "id,date,category,title,summary",
            &[
                "warning: row 1, \"id\": the timeline has no events (line 1, column 1)",
                "warning: row 1, \"id\": no \"source_url\" column: the events are shown without sources (line 1, column 1)",
            ],
            true,
        ),
        (
            "id,dat,category,titel,summary,source_url,,colour",
            &[
                "error: row 1, \"id\": the header row has no column \"date\" (every event needs one) (line 1, column 1)",
                "error: row 1, \"id\": the header row has no column \"title\" (every event needs one) (line 1, column 1)",
                "warning: row 1, \"dat\": unknown column \"dat\" (ignored); did you mean \"date\"? (line 1, column 4)",
                "warning: row 1, \"titel\": unknown column \"titel\" (ignored); did you mean \"title\"? (line 1, column 17)",
                "warning: row 1, \"colour\": unknown column \"colour\" (ignored); did you mean \"color\"? (line 1, column 43)",
            ],
            false,
        ),
        (
            "date,category,title,summary,source_url,title_en,Title_FR,source_url_21",
            &[
                "warning: row 1, \"date\": the timeline has no events (line 1, column 1)",
                "error: row 1, \"title_en\": column \"title_en\" repeats column \"title\" (ignored) (line 1, column 40)",
                "error: row 1, \"Title_FR\": \"FR\" is not a language code (expected a code such as \"en\", \"fr\" or \"fr-CA\"): column \"Title_FR\" is ignored (line 1, column 49)",
                "warning: row 1, \"source_url_21\": at most 20 sources are read: column \"source_url_21\" is ignored (line 1, column 58)",
            ],
            true,
        ),
    ];
    for &(header, expected, document) in cases {
        let text = format!("{header}\n");
        let v = validate(&text);
        let found: Vec<String> = v
            .problems
            .iter()
            .map(|p| format!("{}: {p}", p.severity))
            .filter(|p| !p.contains("no title row"))
            .collect();
        assert_eq!(found, expected, "{header}");
        assert_eq!(v.document.is_some(), document, "{header}");
    }
}

#[test]
fn ragged_rows_blank_rows_types_and_quoting_errors() {
    let text = lines(&[
        &format!("{HEAD},type"),
        // Short: the missing cells are empty, and the first one is named.
        "short,2020,,c,T,S",
        "",
        ",,,,,,,",
        "long,2020,,c,T,S,https://example.org/,,extra,more",
        "long-empty,2020,,c,T,S,https://example.org/,,,",
        "\"bad\"quote,2020,,c,T,S,https://example.org/,",
        "typed,2020,,c,T,S,https://example.org/,milestone",
        "era,2020,,c,T,S,https://example.org/,Era",
    ]);
    assert_eq!(
        problems(&text)
            .into_iter()
            .filter(|p| !p.contains("no title row"))
            .collect::<Vec<_>>(),
        [
            "warning: row 2, \"source_url\": no source: the event is shown without one (line 2, column 18)",
            "warning: row 5, column 9: this row has more cells than the header row (8): the extra ones are ignored (line 5, column 40)",
            "error: row 7, \"id\": CSV syntax error: text after the closing quote of a field: a quote inside a quoted field must be doubled (\"\") (line 7, column 6)",
            "error: row 8, \"type\": \"milestone\" is not a row type: expected \"event\", \"era\", \"category\" or \"title\" (or nothing, for an event) (line 8, column 40)",
            "error: row 9, \"end_date\": \"\" is not a valid date: expected YYYY, YYYY-MM or YYYY-MM-DD (line 9, column 10)",
        ]
    );
    let ids: Vec<String> = doc(&text).events.into_iter().map(|e| e.id).collect();
    assert_eq!(ids, ["short", "long", "long-empty"]);
}

#[test]
fn repeated_generated_ids_take_their_row_number() {
    let text = lines(&[
        HEAD,
        ",2020,,c,Same,S,https://example.org/",
        ",2020,,c,Same,S,https://example.org/",
        "2020-same,2021,,c,Other,S,https://example.org/",
    ]);
    let ids: Vec<String> = doc(&text).events.into_iter().map(|e| e.id).collect();
    assert_eq!(ids, ["2020-same-row2", "2020-same-row3", "2020-same"]);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn no_csv_panics(
            header in prop::sample::select(vec![HEAD, "type,date,title,title_fr,summary,category,source_url_2,source_title_2_fa", "a,b"]),
            body in "[a-z0-9\",\n\r é:/.-]{0,80}|\\PC{0,60}",
        ) {
            let text = format!("{header}\n{body}");
            let v = validate(&text);
            for p in &v.problems {
                prop_assert!(p.line >= 1 && p.column >= 1);
                prop_assert!(p.path.starts_with("row ") || p.path.is_empty(), "{}", p);
            }
        }
    }
}

mod timelinejs_layout {
    use super::super::timelinejs::{column, Col};
    use super::*;

    #[test]
    fn its_columns_are_matched_ignoring_case_spaces_and_underscores() {
        let cases: &[(&str, Option<Col>)] = &[
            ("Year", Some(Col::Year)),
            (" end year ", Some(Col::EndYear)),
            ("END_YEAR", Some(Col::EndYear)),
            ("Media  Thumbnail", Some(Col::MediaThumbnail)),
            ("Alt Text", Some(Col::AltText)),
            ("Display Date", Some(Col::DisplayDate)),
            ("Type", Some(Col::Type)),
            ("Years", None),
            ("Start Date", None),
            ("", None),
        ];
        for &(header, expected) in cases {
            assert_eq!(column(header), expected, "{header:?}");
        }
    }

    #[test]
    fn rows_become_slides_field_by_field_in_any_column_order() {
        // Reordered, some columns missing, headers in other cases.
        let text = lines(&[
            "headline,TYPE,year,Month,day,Time,End Year,End Month,End Day,Display Date,Text,Group,Media,Media Caption,Media Credit,Alt Text",
            "The title,title,,,,,,,,,<p>About <em>it</em></p>,,,,,",
            "An era,era,1939,9,,,1945,,,,,,,,,",
            "Day,,1815,12,10,,1852,11,27,,<p>One</p><p>Two</p>,People,,,,",
            "Month and year,,1943,7,,,1946,,,Mid-1943,,Machines,,,,",
            "Year,,1951,,,,,,,,,People,https://example.org/a.jpg,A caption,Credit,Alt",
            "Timed,,2020,1,8,6:14 AM,,,,,,,,,,",
        ]);
        let v = validate(&text);
        let d = v.document.clone().expect("a document");
        assert_eq!(d.title.get("en"), "The title");
        assert_eq!(
            d.description.as_ref().map(|t| t.get("en")),
            Some("About it")
        );
        assert_eq!(d.updated, None);
        assert_eq!(d.eras.len(), 1);
        assert_eq!(d.eras[0].label.get("en"), "An era");
        assert_eq!(d.eras[0].start, Date::parse("1939-09").unwrap());
        assert_eq!(d.eras[0].end, Date::parse("1945").unwrap());
        type Row<'d> = (&'d str, String, Option<String>, &'d str, Option<&'d str>);
        let events: Vec<Row> = d
            .events
            .iter()
            .map(|e| {
                (
                    e.title.get("en"),
                    e.date.to_string(),
                    e.end.map(|d| d.to_string()),
                    e.category.as_str(),
                    e.date_label.as_ref().map(|t| t.get("en")),
                )
            })
            .collect();
        assert_eq!(
            events,
            [
                (
                    "Day",
                    "1815-12-10".into(),
                    Some("1852-11-27".into()),
                    "people",
                    None
                ),
                (
                    "Month and year",
                    "1943-07".into(),
                    Some("1946".into()),
                    "machines",
                    Some("Mid-1943")
                ),
                ("Year", "1951".into(), None, "people", None),
                ("Timed", "2020-01-08".into(), None, "ungrouped", None),
            ]
        );
        assert_eq!(d.events[0].summary.get("en"), "One\nTwo");
        assert_eq!(d.events[0].date.precision(), Precision::Day);
        assert_eq!(d.events[1].date.precision(), Precision::Month);
        assert_eq!(d.events[2].date.precision(), Precision::Year);
        // The media columns are the event's media; its alt is the "Alt Text" column.
        let media = d.events[2].media.as_ref().expect("row 6's media");
        assert_eq!(media.url, "https://example.org/a.jpg");
        assert_eq!(media.kind, crate::model::media::MediaKind::Image);
        let text = |t: &Option<Text>| t.as_ref().map(|t| t.get("en").to_owned());
        assert_eq!(text(&media.alt).as_deref(), Some("Alt"));
        assert_eq!(text(&media.caption).as_deref(), Some("A caption"));
        assert_eq!(text(&media.credit).as_deref(), Some("Credit"));
        assert!(d.events.iter().filter(|e| e.media.is_some()).count() == 1);
        // What is not shown (the time of day) is a warning naming the cell.
        let warnings: Vec<String> = v.warnings().map(|p| format!("{p}")).collect();
        assert!(!warnings.iter().any(|w| w.contains("edia")), "{warnings:?}");
        assert!(
            warnings.iter().any(|w| w.starts_with(
                "row 7, \"Time\": times of day are not shown yet: start_date's hour, minute are ignored"
            )),
            "{warnings:?}"
        );
        assert_eq!(v.errors().count(), 0, "{:?}", v.problems);
    }

    #[test]
    fn problems_name_the_row_and_column_and_the_valid_rows_stay() {
        let text = lines(&[
            "Year,Month,Day,End Year,Headline,Type,Background,Extra",
            "1990,13,,,Bad month,,,",
            "abc,,,,Bad year,,,",
            ",,,,No year,,,",
            "2000,,,1999,Ends before,,,",
            "2001,2,30,,Bad day,,,",
            "2002,,,,Fine,,#fff,x",
            "2003,,,,\"Broken \"quote,,,",
            "2004,,,,Also fine,,,",
        ]);
        let v = validate(&text);
        let errors: Vec<String> = v.errors().map(|p| format!("{p}")).collect();
        assert_eq!(
            errors,
            [
                "row 2, \"Month\": start_date is not a valid date: month 13 is not between 1 and 12; the event is left out (event \"Bad month\") (line 2, column 6)",
                "row 3, \"Year\": year \"abc\" is not a whole number; the event is left out (event \"Bad year\") (line 3, column 1)",
                "row 4, \"Year\": missing start_date (with at least a year); the event is left out (event \"No year\") (line 4, column 1)",
                "row 5, \"End Year\": end \"1999\" is before the start \"2000\"; the event is left out (event \"Ends before\") (line 5, column 8)",
                "row 6, \"Day\": start_date is not a valid date: February 2001 has 28 days, not 30; the event is left out (event \"Bad day\") (line 6, column 8)",
                "row 8, \"Headline\": CSV syntax error: text after the closing quote of a field: a quote inside a quoted field must be doubled (\"\") (line 8, column 18)",
            ]
        );
        let warnings: Vec<String> = v.warnings().map(|p| format!("{p}")).collect();
        assert!(
            warnings.contains(
                &"row 1, \"Extra\": unknown column \"Extra\" (ignored) (line 1, column 50)"
                    .to_owned()
            ),
            "{warnings:?}"
        );
        assert!(warnings.contains(&"row 7, \"Background\": \"Background\" is not supported (ignored) (event \"Fine\") (line 7, column 15)".to_owned()), "{warnings:?}");
        let titles: Vec<&str> = v
            .document
            .as_ref()
            .map(|d| d.events.iter().map(|e| e.title.get("en")).collect())
            .unwrap_or_default();
        assert_eq!(titles, ["Fine", "Also fine"]);
    }
}

/// A hostile header (a line of 100,000 repeated columns) costs bounded work: the columns
/// past the 512th are not read, with one warning; quadratic checks would take minutes.
#[test]
fn a_huge_header_is_read_in_bounded_time() {
    for column in ["title_fr", "Headline"] {
        let mut header = String::from("date,title,summary,category,Year");
        for _ in 0..100_000 {
            header.push(',');
            header.push_str(column);
        }
        let row = format!("2020,T,S,c,2020{}\n", ",x".repeat(100_000));
        let text = format!("{header}\n{}", row.repeat(3));
        let started = std::time::Instant::now();
        let v = validate(&text);
        assert!(
            started.elapsed().as_secs() < 20,
            "{column}: {:?}",
            started.elapsed()
        );
        let warnings: Vec<&str> = v.warnings().map(|p| p.message.as_str()).collect();
        assert!(
            warnings
                .contains(&"the header row has 100005 cells; only the first 512 columns are read"),
            "{column}"
        );
    }
}

#[test]
fn sources_come_in_the_order_of_their_numbers_whatever_the_columns_order() {
    let text = lines(&[
        "source_url_3,date,category,title,summary,source_url,Source Publisher 3,source_url_2",
        "https://example.org/3,2020,c,T,S,https://example.org/1,Third,",
    ]);
    let d = doc(&text);
    let sources: Vec<(&str, &str)> = d.events[0]
        .sources
        .iter()
        .map(|s| (s.url.as_str(), s.publisher.as_str()))
        .collect();
    assert_eq!(
        sources,
        [
            ("https://example.org/1", "example.org"),
            ("https://example.org/3", "Third")
        ]
    );
}

#[test]
fn a_title_row_in_error_costs_only_its_own_values() {
    let text = lines(&[
        "type,date,category,title,summary,source_url",
        "title,2024-13,,,About,",
        ",2020,c,Kept,S,https://example.org/",
    ]);
    let v = validate(&text);
    assert_eq!(
        problems(&text),
        [
            "error: row 2, \"date\": \"2024-13\" is not a valid date: month 13 is not between 1 and 12 (line 2, column 7)",
            "warning: row 2, \"title\": the title row has no title: the timeline has none (line 2, column 16)",
        ]
    );
    let d = v.document.expect("a document");
    assert_eq!(d.title, Text::from(""));
    assert_eq!(d.description, Some(Text::from("About")));
    assert_eq!(d.updated, None);
    assert_eq!(d.events.len(), 1);
}

#[test]
fn our_media_columns_are_the_events_media_with_translations() {
    use crate::model::media::MediaKind;
    assert_eq!(
        column("media_alt_fr"),
        Some(Column {
            base: Base::MediaAlt,
            source: 1,
            lang: Some("fr")
        })
    );
    assert_eq!(column("Media_URL").map(|c| c.base), Some(Base::MediaUrl));
    // With a space, TimelineJS3's columns, not ours.
    assert_eq!(column("Media Caption"), None);
    assert_eq!(column("media credit"), None);
    let text = lines(&[
        "date,title,summary,category,media_url,media_alt,media_alt_fr,media_caption,media_credit",
        "2001,A,S,c,https://x.example/a.jpg,An image,Une image,The caption,Someone",
        "2002,B,S,c,https://youtu.be/dQw4w9WgXcQ,,,,",
        "2003,C,S,c,,,,,",
        "2004,D,S,c,https://x.example/b.png,,,,",
        "2005,E,S,c,javascript:alert(1),,,,",
        "2006,F,S,c,,Alt only,,,",
    ]);
    let v = validate(&text);
    let d = v.document.clone().expect("a document");
    let by_title = |t: &str| d.events.iter().find(|e| e.title.get("en") == t);
    let a = by_title("A")
        .and_then(|e| e.media.as_ref())
        .expect("A's media");
    assert_eq!(a.kind, MediaKind::Image);
    assert_eq!(a.alt.as_ref().map(|t| t.get("fr")), Some("Une image"));
    assert_eq!(a.alt.as_ref().map(|t| t.get("en")), Some("An image"));
    assert_eq!(a.caption, Some(Text::from("The caption")));
    assert_eq!(a.credit, Some(Text::from("Someone")));
    let b = by_title("B")
        .and_then(|e| e.media.as_ref())
        .expect("B's media");
    assert_eq!(b.kind, MediaKind::YouTube("dQw4w9WgXcQ".into()));
    assert_eq!(by_title("C").map(|e| e.media.is_none()), Some(true));
    assert!(by_title("D").is_some_and(|e| e.media.is_some()));
    // A bad url is an error for its row, named by row and column; so is a media without one.
    assert!(by_title("E").is_none() && by_title("F").is_none());
    let shown: Vec<String> = v.problems.iter().map(|p| format!("{p}")).collect();
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with("row 5, \"media_url\": the image has no \"alt\": describe it")),
        "{shown:?}"
    );
    assert!(
        shown.iter().any(|p| p
            .starts_with("row 6, \"media_url\": \"javascript:alert(1)\" is not an http(s) URL")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with("row 7, \"media_alt\": \"\" is not an http(s) URL")),
        "{shown:?}"
    );
    assert_eq!(v.errors().count(), 2, "{shown:?}");
}
