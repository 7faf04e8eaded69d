//! The converter module's envelope (`model::validate::converted`): the embed's module reads
//! only our format, and takes every other file back from the converter as an envelope.
//! Reading the envelope must give exactly what reading the file gives: every event, every
//! problem with its line and column. Checked on every file of another format we have:
//! TimelineJS3's example timelines (../shared/data, or `$TIMELINE_SHARED_DATA`), the
//! templates and test sheets of its npm package, our spreadsheet template, and broken
//! files of each kind.

use std::path::{Path, PathBuf};

use timeline::model::validate::converted::write;
use timeline::model::validate::{validate, Severity};

fn shared_dir() -> PathBuf {
    match std::env::var_os("TIMELINE_SHARED_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
    }
}

fn files_in(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|e| extensions.iter().any(|x| e == *x))
        })
        .collect();
    files.sort();
    files
}

/// Reads `text` through the envelope, and checks it against reading it directly.
fn round_trip(name: &str, text: &str) -> usize {
    let direct = validate(text);
    let envelope = write(&direct);
    let back = validate(&envelope);
    if back.document != direct.document {
        let (a, b) = (
            format!("{:?}", back.document),
            format!("{:?}", direct.document),
        );
        let at = a
            .bytes()
            .zip(b.bytes())
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()));
        let from = at.saturating_sub(150);
        panic!(
            "{name}: the document differs through the envelope:\n  back:   …{}\n  direct: …{}",
            &a[from..(at + 150).min(a.len())],
            &b[from..(at + 150).min(b.len())]
        );
    }
    assert_eq!(back.problems, direct.problems, "{name}: the problems");
    direct.document.map_or(0, |d| d.events.len())
}

#[test]
fn every_timelinejs3_file_and_spreadsheet_reads_the_same_through_the_envelope() {
    let package =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/@knight-lab/timelinejs/src");
    let mut files = files_in(&shared_dir().join("timelinejs3-examples"), &["json", "csv"]);
    files.extend(files_in(&package.join("template"), &["json", "csv"]));
    files.extend(files_in(&package.join("js/core/__tests__"), &["csv"]));
    files.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/template.csv"));
    assert!(files.len() >= 14, "only {} files: {files:?}", files.len());
    let mut events = 0;
    for file in &files {
        let text =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        events += round_trip(&file.display().to_string(), &text);
    }
    assert!(events > 200, "{events} events in all");
}

#[test]
fn broken_files_keep_their_problems_and_places_through_the_envelope() {
    let cases: &[(&str, &str)] = &[
        // TimelineJS3: a slide without a start date (an error, on its line), one without text.
        (
            "timelinejs3",
            "{\"title\": {\"text\": {\"headline\": \"T\"}},\n \"events\": [\n  {\"start_date\": {\"year\": \"1999\"}, \"text\": {\"headline\": \"Kept\"}},\n  {\"text\": {\"headline\": \"No date\"}},\n  {\"start_date\": {\"year\": \"2001\"}}\n ]}",
        ),
        // A spreadsheet in our layout: a bad date in its third row.
        (
            "csv",
            "id,date,title,summary,category,source_title,source_publisher,source_url\nfirst,2001-02-03,First,Kept,politics,S,P,https://example.org/\nsecond,2001-13-40,Second,Dropped,politics,S,P,https://example.org/\n",
        ),
        // Not JSON at all, and a TimelineJS3 file with nothing usable.
        ("syntax", "{\"events\": [ {\"start_date\": "),
        ("empty", "{\"events\": []}"),
    ];
    for (name, text) in cases {
        round_trip(name, text);
    }
    let timelinejs3 = validate(cases[0].1);
    let errors: Vec<_> = timelinejs3
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(
        !errors.is_empty() && errors.iter().all(|p| p.line > 1),
        "{:?}",
        timelinejs3.problems
    );
}

#[test]
fn an_envelope_not_as_the_converter_writes_it_is_not_taken_for_one() {
    // An array that does not start with the mark is data of no format: an error, as before.
    for text in [
        "[]",
        "[\"something\", {}, []]",
        "[\"timeline-converted\", {}]",
    ] {
        let v = validate(text);
        assert!(
            v.document.is_none() && v.problems.iter().any(|p| p.severity == Severity::Error),
            "{text}: {:?}",
            v.problems
        );
    }
    // A problem entry of the wrong shape is left out; the rest stay.
    let v = validate("[\"timeline-converted\", null, [[\"error\", \"\", \"kept\", 1, 1], [\"bad\"], [\"fatal\", \"\", \"x\", 1, 1], [\"warning\", \"p\", \"m\", -1, 2]]]");
    assert_eq!(v.problems.len(), 1, "{:?}", v.problems);
    assert_eq!(v.problems[0].message, "kept");
}
