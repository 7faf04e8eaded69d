//! Native timing of the validator (and of the filter's index) on hostile inputs, each built
//! at a few sizes, so that a cost growing faster than n log n shows:
//! `cargo run --release --example validate_bench [case-name-part ...]`.
//!
//! For each case and size it prints the input's size, the best time of a few runs, the
//! time ratio to the previous size and the growth exponent `log(time ratio) / log(size
//! ratio)`: about 1 for linear or n log n work, 2 for quadratic. A case whose run takes
//! more than 15 s is not tried at a larger size. A benchmark, not a test.

use std::fmt::Write;
use std::time::{Duration, Instant};

use timeline::model::filter::{Filter, SearchIndex};
use timeline::model::validate::validate;

const SOURCE: &str = r#"{"title": "S", "publisher": "P", "url": "https://example.org/"}"#;
const CATEGORY: &str = r##"{"id": "a", "label": "A", "color": "#123"}"##;

fn document(categories: &str, eras: &str, events: &str) -> String {
    format!(
        r#"{{"title": "T", "updated": "2024", "categories": [{categories}], "eras": [{eras}], "events": [{events}]}}"#
    )
}

/// One event with `extra` after its fields (starting with ", ").
fn event(id: &str, extra: &str) -> String {
    format!(
        r#"{{"id": "{id}", "date": "2001", "category": "a", "title": "T", "summary": "S", "sources": [{SOURCE}]{extra}}}"#
    )
}

fn one_event(extra: &str) -> String {
    document(CATEGORY, "", &event("x", extra))
}

fn joined(n: usize, item: impl Fn(usize) -> String) -> String {
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&item(i));
    }
    out
}

/// An event's title with `n` translations, the language codes in descending order.
fn translations(n: usize) -> String {
    titled(&joined(n, |i| format!(r#""en-{:08}": "T""#, n - i)))
}

/// One event whose title is the object with these members.
fn titled(members: &str) -> String {
    document(
        CATEGORY,
        "",
        &event("x", "").replace(r#""title": "T""#, &format!(r#""title": {{{members}}}"#)),
    )
}

fn categories(n: usize) -> String {
    let categories = joined(n, |i| {
        format!(r##"{{"id": "c{i}", "label": "C", "color": "#123"}}"##)
    });
    let events = joined(n / 10, |i| {
        event(&format!("e{i}"), "").replace(r#""a""#, r#""zz""#)
    });
    document(&categories, "", &events)
}

/// Ten category ids of n/20 characters each, and n/100 events of an unknown category:
/// each "unknown category" message lists the known ids.
fn long_category_ids(n: usize) -> String {
    let categories = joined(10, |i| {
        format!(
            r##"{{"id": "{}{i}", "label": "C", "color": "#123"}}"##,
            "c".repeat(n / 20)
        )
    });
    let events = joined(n / 100, |i| {
        event(&format!("e{i}"), "").replace(r#""a""#, r#""zz""#)
    });
    document(&categories, "", &events)
}

fn unknown_fields(n: usize) -> String {
    one_event(&format!(", {}", joined(n, |i| format!(r#""f{i}": {i}"#))))
}

fn duplicate_keys(n: usize) -> String {
    one_event(&format!(
        ", {}",
        joined(n, |_| r#""foo": 1, "title": "T""#.to_owned())
    ))
}

fn duplicate_languages(n: usize) -> String {
    titled(&joined(n, |_| r#""en": "T""#.to_owned()))
}

fn escapes(n: usize) -> String {
    let summary = "\\u00e9\\n".repeat(n);
    document(
        CATEGORY,
        "",
        &event("x", "").replace(r#""summary": "S""#, &format!(r#""summary": "{summary}""#)),
    )
}

fn long_strings(n: usize) -> String {
    let long = "a".repeat(n);
    let extra = format!(r#", "tags": ["{long}"], "{long}": 1"#);
    document(
        CATEGORY,
        "",
        &event(&long, &extra).replace(
            "https://example.org/",
            &format!("https://example.org/{long}"),
        ),
    )
}

fn deep_nesting(n: usize) -> String {
    one_event(&format!(r#", "deep": {}{}"#, "[".repeat(n), "]".repeat(n)))
}

fn same_id(n: usize) -> String {
    document(CATEGORY, "", &joined(n / 10, |_| event("x", "")))
}

fn eras(n: usize) -> String {
    let eras = joined(n / 10, |i| {
        format!(r#"{{"label": "E{i}", "start": "1990", "end": "1989"}}"#)
    });
    document(CATEGORY, &eras, &event("x", ""))
}

fn sources(n: usize) -> String {
    let sources = joined(n / 10, |_| SOURCE.to_owned());
    document(
        CATEGORY,
        "",
        &event("x", "").replace(&format!("[{SOURCE}]"), &format!("[{sources}]")),
    )
}

fn many_events(n: usize) -> String {
    document(
        CATEGORY,
        "",
        &joined(n / 10, |i| event(&format!("e{i}"), r#", "importance": 0"#)),
    )
}

/// The best of a few runs (at least one, at most five, within about half a second).
fn time(run: &mut dyn FnMut() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut total = Duration::ZERO;
    let mut out = 0;
    for _ in 0..5 {
        let started = Instant::now();
        out = run();
        let took = started.elapsed();
        best = best.min(took);
        total += took;
        if total > Duration::from_millis(500) {
            break;
        }
    }
    (best, out)
}

type Case = (&'static str, fn(usize) -> String);

fn main() {
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    let cases: &[Case] = &[
        ("translations (descending codes)", translations),
        ("duplicate languages", duplicate_languages),
        ("categories", categories),
        ("long category ids, unknown category", long_category_ids),
        ("unknown fields", unknown_fields),
        ("duplicate keys", duplicate_keys),
        ("escapes", escapes),
        ("long strings", long_strings),
        ("deep nesting", deep_nesting),
        ("events with the same id", same_id),
        ("eras", eras),
        ("sources", sources),
        ("events with an error each", many_events),
    ];
    let sizes = [10_000usize, 100_000, 400_000];
    let mut report = String::new();
    let _ = writeln!(
        report,
        "{:<38} {:>8} {:>11} {:>11} {:>9} {:>7} {:>9}",
        "case", "n", "bytes", "ms", "problems", "ratio", "exponent"
    );
    print!("{report}");
    let selected =
        |name: &str| wanted.is_empty() || wanted.iter().any(|w| name.contains(w.as_str()));
    for &(name, build) in cases.iter().filter(|(name, _)| selected(name)) {
        let mut previous: Option<(usize, Duration)> = None;
        for &n in &sizes {
            let text = build(n);
            let (took, problems) = time(&mut || validate(&text).problems.len());
            print_row(name, n, text.len(), took, problems, previous);
            previous = Some((text.len(), took));
            if took > Duration::from_secs(15) {
                break;
            }
        }
    }
    if selected("filter index") {
        // The filter's index and counts on n/10 events and n/10 categories.
        let mut previous = None;
        for &n in &sizes {
            let categories = joined(n / 10, |i| {
                format!(r##"{{"id": "c{i}", "label": "C", "color": "#123"}}"##)
            });
            let events = joined(n / 10, |i| {
                event(&format!("e{i}"), "").replace(r#""a""#, &format!(r#""c{i}""#))
            });
            let text = document(&categories, "", &events);
            let doc = validate(&text).document.expect("a document");
            let (took, _) = time(&mut || {
                let index = SearchIndex::new(&doc, "en");
                Filter::default().category_counts(&doc, &index).len()
            });
            print_row(
                "filter index (categories × events)",
                n,
                text.len(),
                took,
                0,
                previous,
            );
            previous = Some((text.len(), took));
            if took > Duration::from_secs(15) {
                break;
            }
        }
    }
}

fn print_row(
    name: &str,
    n: usize,
    bytes: usize,
    took: Duration,
    problems: usize,
    previous: Option<(usize, Duration)>,
) {
    let ms = took.as_secs_f64() * 1e3;
    let (ratio, exponent) = match previous {
        Some((bytes0, took0)) if took0 > Duration::ZERO => {
            let ratio = took.as_secs_f64() / took0.as_secs_f64();
            let exponent = ratio.ln() / (bytes as f64 / bytes0 as f64).ln();
            (format!("{ratio:.1}"), format!("{exponent:.2}"))
        }
        _ => (String::new(), String::new()),
    };
    println!("{name:<38} {n:>8} {bytes:>11} {ms:>11.2} {problems:>9} {ratio:>7} {exponent:>9}");
}
