//! Real spreadsheets, read where they are (never copied in): TimelineJS3's own template and
//! test CSVs from its npm package, the shared women-in-computing example, and our template.
//! Every data row that is not a title or an era arrives as an event, with its title and
//! its dates at the precision its cells give.
//!
//! The shared examples are looked for in `$TIMELINE_SHARED_DATA`, else in `shared/data`
//! beside the repository (as CI clones it); a missing file fails with the places tried.

use std::path::{Path, PathBuf};

use timeline::model::csv;
use timeline::model::date::Precision;
use timeline::model::validate::validate;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e} (TimelineJS3's files come with `npm ci`)",
            path.display()
        )
    })
}

/// A file of the shared example data.
fn shared(name: &str) -> String {
    let mut tried = Vec::new();
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Ok(dir) = std::env::var("TIMELINE_SHARED_DATA") {
        dirs.push(PathBuf::from(dir));
    }
    dirs.push(manifest().join("../shared/data/timelinejs3-examples"));
    for dir in dirs {
        let path = dir.join(name);
        if let Ok(text) = std::fs::read_to_string(&path) {
            return text;
        }
        tried.push(path.display().to_string());
    }
    panic!(
        "the shared example {name} is missing: tried {} (set TIMELINE_SHARED_DATA to the folder that holds it)",
        tried.join(", ")
    );
}

fn package(path: &str) -> String {
    read(
        &manifest()
            .join("node_modules/@knight-lab/timelinejs")
            .join(path),
    )
}

/// What the rows of a TimelineJS3 sheet say, read with the CSV reader alone: per event row
/// (not title, not era), its headline and its date as our format writes it.
fn expected_events(text: &str) -> Vec<(String, String, Precision)> {
    let table = csv::parse(text);
    let (header, rows) = table.records.split_first().expect("a header row");
    let at = |name: &str| header.iter().position(|f| f.text.trim() == name);
    let (year, month, day, headline, kind) = (
        at("Year").unwrap(),
        at("Month").unwrap(),
        at("Day").unwrap(),
        at("Headline").unwrap(),
        at("Type").unwrap(),
    );
    let cell = |row: &[csv::Field], i: usize| {
        row.get(i)
            .map(|f| f.text.trim().to_owned())
            .unwrap_or_default()
    };
    rows.iter()
        .filter(|r| !matches!(cell(r, kind).as_str(), "title" | "era"))
        .filter(|r| r.iter().any(|f| !f.text.trim().is_empty()))
        .map(|r| {
            let y: i32 = cell(r, year).parse().expect("a year");
            let (date, precision) = match (cell(r, month), cell(r, day)) {
                (m, _) if m.is_empty() => (format!("{y:04}"), Precision::Year),
                (m, d) if d.is_empty() => (
                    format!("{y:04}-{:02}", m.parse::<u8>().unwrap()),
                    Precision::Month,
                ),
                (m, d) => (
                    format!(
                        "{y:04}-{:02}-{:02}",
                        m.parse::<u8>().unwrap(),
                        d.parse::<u8>().unwrap()
                    ),
                    Precision::Day,
                ),
            };
            (cell(r, headline), date, precision)
        })
        .collect()
}

/// Every event row arrives, with its headline and its date at its precision.
fn check_timelinejs_sheet(name: &str, text: &str, title: &str, rows: usize) {
    let v = validate(text);
    assert_eq!(v.errors().count(), 0, "{name}: {:?}", v.problems);
    let doc = v.document.as_ref().expect("a document");
    assert_eq!(doc.title.get("en"), title, "{name}");
    let mut expected = expected_events(text);
    assert_eq!(expected.len(), rows, "{name}: the file's event rows");
    let mut found: Vec<(String, String, Precision)> = doc
        .events
        .iter()
        .map(|e| {
            (
                e.title.get("en").to_owned(),
                e.date.to_string(),
                e.date.precision(),
            )
        })
        .collect();
    // The document is in date order; the sheet in its own.
    expected.sort();
    found.sort();
    assert_eq!(found, expected, "{name}");
    // No HTML reaches a title.
    assert!(doc.events.iter().all(|e| !e.title.get("en").contains('<')));
}

#[test]
fn timelinejs_template_sheet_from_its_package() {
    let text = package("src/template/my-own-timeline.csv");
    check_timelinejs_sheet("my-own-timeline.csv", &text, "MY OWN CSV", 10);
}

#[test]
fn timelinejs_test_sheet_from_its_package() {
    let text = package("src/js/core/__tests__/women_in_computing.csv");
    check_timelinejs_sheet(
        "__tests__/women_in_computing.csv",
        &text,
        "Women in Computing",
        10,
    );
}

#[test]
fn shared_women_in_computing_sheet_field_by_field() {
    let text = shared("women_in_computing.csv");
    check_timelinejs_sheet("women_in_computing.csv", &text, "Women in Computing", 10);
    let doc = validate(&text).document.expect("a document");
    let events: Vec<(&str, String, Option<String>)> = doc
        .events
        .iter()
        .map(|e| {
            (
                e.title.get("en"),
                e.date.to_string(),
                e.end.map(|d| d.to_string()),
            )
        })
        .collect();
    let s = |x: &str| x.to_owned();
    assert_eq!(
        events,
        [
            ("Ada Lovelace", s("1815-12-10"), Some(s("1852-11-27"))),
            ("The First Computer", s("1943-06-05"), None),
            (
                "...And the women who made it work",
                s("1943-07"),
                Some(s("1946"))
            ),
            ("Edith Clarke: Bucking the Trend", s("1948-03-14"), None),
            ("Rózsa Péter writes recursion", s("1951"), None),
            ("Grace Hopper invents the compiler", s("1952"), None),
            (
                "Contributions to space exploration",
                s("1956"),
                Some(s("1962"))
            ),
            ("The First PhD in Computer Science", s("1958"), None),
            ("Karen Spärck Jones makes search possible", s("1972"), None),
            ("\"The Mother of the Internet\"", s("1985"), None),
        ]
    );
    // Its text is HTML: the summary is its text, never markup.
    let ada = &doc.events[0];
    assert!(ada
        .summary
        .get("en")
        .starts_with("Women have been programming"));
    assert!(!ada.summary.get("en").contains("<p>"));
}

/// TimelineJS3's own reader test (CSV.test.js) on its own file: the same fields.
#[test]
fn timelinejs_parser_test_csv_reads_as_its_own_test_expects() {
    let text = package("src/js/core/__tests__/parser_test.csv");
    let table = csv::parse(&text);
    assert_eq!(table.errors, []);
    let rows: Vec<Vec<String>> = table
        .records
        .iter()
        .map(|r| r.iter().map(|f| f.text.to_string()).collect())
        .collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0], ["title", "count", "description"]);
    assert_eq!(rows[1][0], "a good day");
    assert_eq!(rows[1][1], "5");
    assert_eq!(
        rows[1][2].trim(),
        "let's just pile it  all in here,  commas, \"quoted strings\" and \nnew lines!"
    );
    assert_eq!(rows[2], ["an ok day", "3", "this is less ambitious"]);
    assert_eq!(
        rows[3],
        ["a day, i guess", "2", "what else could go wrong?"]
    );
    // Neither layout: the header's problems, and no document.
    let v = validate(&text);
    assert!(v.document.is_none());
    assert!(v
        .errors()
        .any(|p| p.message == "the header row has no column \"date\" (every event needs one)"));
}

#[test]
fn our_template_validates_without_a_problem() {
    let text = read(&manifest().join("assets/template.csv"));
    let v = validate(&text);
    assert_eq!(v.problems, [], "assets/template.csv");
    let doc = v.document.expect("a document");
    assert_eq!(doc.events.len(), 3);
    assert!(doc.events.iter().all(|e| !e.sources.is_empty()));
}
