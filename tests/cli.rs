//! The `timeline` command line, run as a user runs it: each command's output and exit
//! status on good, bad and unreadable files, in both output formats; `convert`'s round
//! trips; and TimelineJS3's own files (its npm package's templates, the shared examples)
//! converted with every event kept.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use timeline::model::format::Document;
use timeline::model::validate::validate;

/// What a run gave: exit status, standard output, standard error.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_with(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_timeline"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs the timeline binary");
    if let Some(input) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("a stdin")
            .write_all(input)
            .expect("writes stdin");
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().expect("waits for it");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 errors"),
    }
}

fn run(args: &[&str]) -> Run {
    run_with(args, None)
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A fresh file name in this test binary's scratch folder.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

fn document(text: &str) -> Document {
    let v = validate(text);
    assert_eq!(v.errors().count(), 0, "{:?}", v.problems);
    v.document.expect("a document")
}

// ---- check ----

#[test]
fn check_passes_good_files_of_every_format() {
    for file in [
        "assets/events.json",
        "assets/template.csv",
        "tests/fixtures/valid/example.json",
        "tests/fixtures/valid/minimal.json",
    ] {
        let r = run(&["check", file]);
        assert_eq!(r.code, 0, "{file}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{file}: no problem to print");
        let events = validate(&read(file)).document.map_or(0, |d| d.events.len());
        assert!(
            r.stderr.contains(&format!("{file}: "))
                && r.stderr.contains(&format!(
                    "{events} event{}, no problem",
                    if events == 1 { "" } else { "s" }
                )),
            "{file}: {}",
            r.stderr
        );
    }
}

/// `error: path: message (line L, column C)` of a fixture's `.expected` file, as the
/// command prints it: `FILE:L:C: error: path: message`.
fn as_cli_line(file: &str, expected: &str) -> String {
    let (rest, place) = expected.rsplit_once(" (line ").expect("a place");
    let (line, column) = place
        .trim_end_matches(')')
        .split_once(", column ")
        .expect("line and column");
    let (severity, message) = rest.split_once(": ").expect("a severity");
    format!("{file}:{line}:{column}: {severity}: {message}")
}

#[test]
fn check_prints_every_problem_of_the_invalid_fixtures_where_it_is() {
    let dir = root().join("tests/fixtures/invalid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the fixtures")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 20);
    for path in files {
        let file = format!(
            "tests/fixtures/invalid/{}",
            path.file_name().and_then(|n| n.to_str()).expect("a name")
        );
        let expected_text = read(&file.replace(".json", ".expected"));
        let expected: Vec<String> = expected_text
            .lines()
            .filter(|l| !l.starts_with("document:"))
            .map(|l| as_cli_line(&file, l))
            .collect();
        let r = run(&["check", &file]);
        let printed: Vec<&str> = r.stdout.lines().collect();
        assert_eq!(printed, expected, "{file}");
        let has_errors = expected.iter().any(|l| l.contains(": error: "));
        assert_eq!(r.code, i32::from(has_errors), "{file}: {}", r.stderr);
    }
}

#[test]
fn check_names_a_csv_cells_line_column_row_and_header() {
    let file = "tests/fixtures/cli/sheet-errors.csv";
    let r = run(&["check", file]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout.lines().collect::<Vec<_>>(),
        [
            format!("{file}:4:11: error: row 4, \"date\": \"2020-13-01\" is not a valid date: month 13 is not between 1 and 12"),
            format!("{file}:5:46: warning: row 5, \"source_url\": no source: the event is shown without one"),
        ]
    );
    assert!(
        r.stderr.contains("CSV, 2 events, 1 error, 1 warning"),
        "{}",
        r.stderr
    );
}

#[test]
fn check_reads_the_standard_input_and_says_what_is_not_utf8() {
    let r = run_with(
        &["check", "-"],
        Some(read("tests/fixtures/valid/minimal.json").as_bytes()),
    );
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    assert!(
        r.stderr.starts_with("<stdin>: our JSON, 1 event, "),
        "{}",
        r.stderr
    );
    let latin1 = b"type,date,title,summary,category\n,2020,Caf\xe9,S,c\n";
    let r = run_with(&["check", "-"], Some(latin1));
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .starts_with("<stdin>:2:10: error: the file is not UTF-8 text (byte 42)"),
        "{}",
        r.stdout
    );
}

#[test]
fn check_exits_2_on_a_file_it_cannot_read_and_still_checks_the_others() {
    let r = run(&[
        "check",
        "tests/fixtures/no-such-file.json",
        "tests/fixtures/invalid/mixed.json",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("tests/fixtures/no-such-file.json: cannot read: no such file"),
        "{}",
        r.stderr
    );
    assert_eq!(
        r.stdout.lines().count(),
        9,
        "the other file is checked: {}",
        r.stdout
    );
    let r = run(&["check", "tests/fixtures"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("tests/fixtures: cannot read"),
        "{}",
        r.stderr
    );
}

#[test]
fn check_prints_json_with_every_problem_and_the_unreadable_files() {
    let r = run(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/invalid/mixed.json",
        "assets/events.json",
        "nope.json",
    ]);
    assert_eq!(r.code, 2);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON on stdout");
    let files = report["files"].as_array().expect("files");
    assert_eq!(files.len(), 3);
    let mixed = &files[0];
    assert_eq!(mixed["file"], "tests/fixtures/invalid/mixed.json");
    assert_eq!(mixed["format"], "our JSON");
    assert_eq!(
        (
            mixed["events"].as_u64(),
            mixed["errors"].as_u64(),
            mixed["warnings"].as_u64()
        ),
        (Some(2), Some(8), Some(1))
    );
    // The same problems as the text form, field by field.
    let text = run(&["check", "tests/fixtures/invalid/mixed.json"]).stdout;
    let problems = mixed["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), text.lines().count());
    for (p, line) in problems.iter().zip(text.lines()) {
        let path = p["path"].as_str().unwrap_or("");
        let rebuilt = format!(
            "tests/fixtures/invalid/mixed.json:{}:{}: {}: {path}: {}",
            p["line"],
            p["column"],
            p["severity"].as_str().unwrap_or(""),
            p["message"].as_str().unwrap_or("")
        );
        assert_eq!(rebuilt, line);
    }
    assert_eq!(files[1]["problems"], serde_json::json!([]));
    assert_eq!(files[1]["errors"], 0);
    assert_eq!(files[2]["file"], "nope.json");
    assert!(files[2]["error"]
        .as_str()
        .is_some_and(|e| e.contains("cannot read")));
    // Without errors, 0; with, 1.
    assert_eq!(
        run(&["check", "--format=json", "assets/events.json"]).code,
        0
    );
    assert_eq!(
        run(&[
            "check",
            "--format",
            "json",
            "tests/fixtures/cli/sheet-errors.csv"
        ])
        .code,
        1
    );
}

// ---- arguments ----

#[test]
fn bad_arguments_say_what_is_wrong_and_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (&[], "Usage:"),
        (
            &["chek", "x"],
            "unknown command \"chek\" (did you mean `check`?)",
        ),
        (&["check"], "no FILE to check"),
        (
            &["check", "--fromat", "json", "x"],
            "unknown option --fromat (did you mean --format?)",
        ),
        (
            &["check", "--format", "xml", "x"],
            "--format \"xml\": expected text or json",
        ),
        (&["check", "x", "--format"], "--format needs a value"),
        (&["convert"], "no FILE to convert"),
        (&["convert", "a", "b"], "one FILE at a time (2 given)"),
        (
            &["convert", "x", "--to", "yaml"],
            "--to \"yaml\": expected json or csv",
        ),
        (&["convert", "x", "--force=yes"], "--force takes no value"),
        (
            &["fallback", "--lang", "de"],
            "--lang \"de\": the languages are en, fr, fa",
        ),
    ];
    for (args, message) in cases {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.contains(message), "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{args:?}");
    }
}

#[test]
fn every_command_has_help_with_examples() {
    for command in ["check", "convert", "fallback"] {
        for args in [
            vec![command, "--help"],
            vec!["help", command],
            vec![command, "x", "-h"],
        ] {
            let r = run(&args);
            assert_eq!(r.code, 0, "{args:?}");
            assert!(
                r.stdout.starts_with(&format!("timeline {command} ")),
                "{args:?}: {}",
                r.stdout
            );
            assert!(r.stdout.contains("Examples:\n  timeline "), "{args:?}");
            assert!(r.stdout.contains("Exit status:"), "{args:?}");
        }
    }
    let r = run(&["--help"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("timeline check FILE...") && r.stdout.contains("Examples:"));
    assert_eq!(
        run(&["--version"]).stdout,
        format!("timeline {}\n", env!("CARGO_PKG_VERSION"))
    );
}

// ---- convert ----

#[test]
fn convert_round_trips_our_json_through_csv() {
    for file in [
        "assets/events.json",
        "tests/fixtures/valid/example.json",
        "tests/fixtures/valid/minimal.json",
        "assets/template.csv",
    ] {
        let original = document(&read(file));
        let csv = scratch(&format!("{}.csv", file.replace('/', "-")));
        let csv_name = csv.to_str().expect("a path");
        let r = run(&["convert", file, "--to", "csv", "-o", csv_name]);
        assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{file}: {}", r.stderr);
        let sheet = std::fs::read_to_string(&csv).expect("the CSV written");
        assert!(sheet.starts_with("type,id,date,"), "{file}");
        assert_eq!(document(&sheet), original, "{file} → CSV");
        // And back to JSON (from the -o extension, or by default), the same document again.
        let json = scratch(&format!("{}.json", file.replace('/', "-")));
        let r = run(&["convert", csv_name, "-o", json.to_str().expect("a path")]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let json_text = std::fs::read_to_string(&json).expect("the JSON written");
        assert_eq!(document(&json_text), original, "{file} → CSV → JSON");
        // Our JSON, converted again, is the same text: the writer is a fixed point.
        assert_eq!(
            run(&["convert", json.to_str().expect("a path")]).stdout,
            json_text
        );
        assert_eq!(run(&["check", json.to_str().expect("a path")]).code, 0);
    }
}

#[test]
fn convert_writes_to_stdout_and_reports_on_stderr() {
    let r = run(&["convert", "tests/fixtures/valid/example.json"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        document(&r.stdout),
        document(&read("tests/fixtures/valid/example.json"))
    );
    assert!(
        r.stderr.contains("tests/fixtures/valid/example.json (our JSON) to the standard output (our JSON, 5 events)"),
        "{}",
        r.stderr
    );
    let r = run(&["convert", "tests/fixtures/valid/example.json", "--to=csv"]);
    assert_eq!(
        document(&r.stdout),
        document(&read("tests/fixtures/valid/example.json"))
    );
}

#[test]
fn convert_writes_nothing_from_a_file_with_errors_unless_forced() {
    let out = scratch("errors.json");
    let out_name = out.to_str().expect("a path");
    let r = run(&[
        "convert",
        "tests/fixtures/cli/sheet-errors.csv",
        "-o",
        out_name,
    ]);
    assert_eq!(r.code, 1);
    assert!(!out.exists(), "nothing written");
    assert!(
        r.stderr
            .contains("sheet-errors.csv:4:11: error: row 4, \"date\""),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("1 error: the events and eras in error would be left out"),
        "{}",
        r.stderr
    );
    let r = run(&[
        "convert",
        "tests/fixtures/cli/sheet-errors.csv",
        "-o",
        out_name,
        "--force",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d = document(&std::fs::read_to_string(&out).expect("written"));
    let ids: Vec<&str> = d.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["ok", "no-source"]);
    // The event without a source is kept, with its warning, in our JSON too.
    let check = run(&["check", out_name]);
    assert_eq!(check.code, 0);
    assert!(
        check
            .stdout
            .contains("warning: events[1].sources: no sources: the event is shown without any"),
        "{}",
        check.stdout
    );
    // A sheet without events has no category, which our JSON needs: 1, nothing written.
    let r = run_with(
        &["convert", "-"],
        Some(b"type,date,title,summary,category\ntitle,2024,Empty,,\n"),
    );
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    assert!(
        r.stderr.contains("no category (no event names one)"),
        "{}",
        r.stderr
    );
    // No document at all: 1, nothing written.
    let r = run(&["convert", "tests/fixtures/invalid/malformed-truncated.json"]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    assert!(r.stderr.contains("no usable document"), "{}", r.stderr);
}

#[test]
fn convert_exits_2_when_it_cannot_read_or_write() {
    let r = run(&["convert", "nope.json"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("nope.json: cannot read: no such file"));
    let r = run(&[
        "convert",
        "assets/events.json",
        "-o",
        "/nonexistent-folder/out.json",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("/nonexistent-folder/out.json: cannot write"),
        "{}",
        r.stderr
    );
}

/// TimelineJS3 data converted to our JSON and to CSV: every event, its id, date, title
/// (as text) and media kept, no error, and one warning per event for its missing source.
fn assert_converts_keeping_every_event(file: &str) {
    let original = validate(&read(file));
    let clean = original.errors().next().is_none();
    let Some(doc) = original.document.filter(|_| clean) else {
        return; // Files with errors (cosmological years) are for `check`, not `convert`.
    };
    for to in ["json", "csv"] {
        let r = run(&["convert", file, "--to", to]);
        assert_eq!(r.code, 0, "{file} → {to}: {}", r.stderr);
        assert!(
            !r.stderr.contains("not written exactly"),
            "{file} → {to}: {}",
            r.stderr
        );
        let back = validate(&r.stdout);
        assert_eq!(
            back.errors().count(),
            0,
            "{file} → {to}: {:?}",
            back.problems
        );
        let read = back.document.clone().expect("a document");
        assert_eq!(read.events.len(), doc.events.len(), "{file} → {to}");
        for (a, b) in doc.events.iter().zip(&read.events) {
            assert_eq!(
                (&a.id, a.date, a.end, &a.category),
                (&b.id, b.date, b.end, &b.category),
                "{file} → {to}"
            );
            assert_eq!(a.title.get("en"), b.title.get("en"), "{file} → {to}");
            assert_eq!(a.summary.get("en"), b.summary.get("en"), "{file} → {to}");
            assert_eq!(
                a.media.as_ref().map(|m| &m.url),
                b.media.as_ref().map(|m| &m.url)
            );
        }
        let unsourced = read.events.iter().filter(|e| e.sources.is_empty()).count();
        let warned = back
            .warnings()
            .filter(|p| p.message.starts_with("no source"))
            .count();
        assert!(
            unsourced == 0 || warned >= 1,
            "{file} → {to}: no warning for the events without sources"
        );
        if to == "json" {
            assert_eq!(warned, unsourced, "{file}: one warning per unsourced event");
        }
    }
}

#[test]
fn convert_keeps_every_event_of_a_timelinejs3_file() {
    let file = "tests/fixtures/cli/timelinejs3.json";
    let r = run(&["check", file]);
    assert!(
        r.stderr.contains("TimelineJS3 JSON, 3 events"),
        "{}",
        r.stderr
    );
    assert_converts_keeping_every_event(file);
    let json = run(&["convert", file]).stdout;
    // Markup is written as its text; the groups are categories.
    assert!(
        json.contains("\"title\": \"A small TimelineJS3 file\""),
        "{json}"
    );
    assert!(json.contains("\"summary\": \"One event.\""), "{json}");
    assert!(json.contains("\"sources\": []"), "{json}");
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "json" || e == "csv"))
                .filter_map(|p| p.to_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn convert_keeps_every_event_of_timelinejs3s_own_templates_and_examples() {
    let templates = root().join("node_modules/@knight-lab/timelinejs/src/template");
    if !root().join("node_modules").is_dir() {
        eprintln!("skipped: node_modules is absent (npm ci installs TimelineJS3's templates)");
        return;
    }
    let mut files = files_in(&templates);
    assert!(
        files.len() >= 5,
        "TimelineJS3's templates are missing from {}",
        templates.display()
    );
    let shared = std::env::var_os("TIMELINE_SHARED_DATA")
        .map_or_else(|| root().join("../shared/data"), PathBuf::from)
        .join("timelinejs3-examples");
    files.extend(files_in(&shared));
    for file in &files {
        assert_converts_keeping_every_event(file);
    }
}

#[test]
fn convert_writes_one_language_that_reads_back_without_a_problem() {
    let bundled = document(timeline::data::BUNDLED_JSON);
    let whole = read("assets/events.json").len();
    for lang in ["en", "fr", "fa"] {
        let r = run(&["convert", "assets/events.json", "--lang", lang]);
        assert_eq!(r.code, 0, "{lang}: {}", r.stderr);
        assert!(
            r.stdout.len() < whole * 3 / 4,
            "{lang}: {} bytes",
            r.stdout.len()
        );
        let v = timeline::model::validate::validate(&r.stdout);
        assert!(v.problems.is_empty(), "{lang}: {:?}", v.problems.first());
        let one = v.document.expect("a document");
        assert_eq!(one.lang.as_deref(), Some(lang));
        assert_eq!(one.events.len(), bundled.events.len());
        for (a, b) in one.events.iter().zip(&bundled.events) {
            assert_eq!(a.title.get(lang), b.title.get(lang), "{lang}: {}", a.id);
            // No other language's text is left where the text has this one.
            assert_eq!(a.title.all().count(), 1, "{lang}: {}", a.id);
        }
    }
    for (args, why) in [
        (
            &["convert", "assets/events.json", "--lang", "French"][..],
            "--lang \"French\": expected a language code",
        ),
        (
            &[
                "convert",
                "assets/events.json",
                "--lang",
                "fr",
                "--to",
                "csv",
            ][..],
            "--lang writes our JSON",
        ),
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.contains(why), "{args:?}: {}", r.stderr);
    }
}

// ---- fallback ----

#[test]
fn fallback_renders_the_bundled_data_in_each_language() {
    let bundled = document(timeline::data::BUNDLED_JSON);
    for (lang, dir) in [("en", "ltr"), ("fr", "ltr"), ("fa", "rtl")] {
        let r = run(&["fallback", "--lang", lang]);
        assert_eq!(r.code, 0, "{lang}: {}", r.stderr);
        let title = bundled.title.get(lang);
        assert!(
            r.stdout.starts_with(&format!(
                "<section class=\"tl-fallback\" lang=\"{lang}\" dir=\"{dir}\"><h2>{title}</h2>"
            )),
            "{lang}: {}",
            &r.stdout[..r.stdout.len().min(200)]
        );
        assert!(r.stdout.ends_with("</section>\n"));
        for e in &bundled.events {
            assert!(
                r.stdout.contains(&format!("data-event-id=\"{}\"", e.id)),
                "{lang}: {}",
                e.id
            );
        }
        assert!(
            r.stdout.contains(bundled.events[0].title.get(lang)),
            "{lang}"
        );
    }
    // English without --lang.
    assert!(run(&["fallback"])
        .stdout
        .starts_with("<section class=\"tl-fallback\" lang=\"en\""));
}

#[test]
fn fallback_renders_a_file_and_refuses_one_with_errors() {
    let r = run(&[
        "fallback",
        "tests/fixtures/cli/timelinejs3.json",
        "--lang",
        "fr",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("<h2>A small TimelineJS3 file</h2>"),
        "{}",
        r.stdout
    );
    assert_eq!(r.stdout.matches("data-event-id=").count(), 3);
    assert!(
        r.stderr.contains("warning: events: no sources"),
        "{}",
        r.stderr
    );
    let out = scratch("fallback.html");
    let r = run(&[
        "fallback",
        "tests/fixtures/valid/example.json",
        "-o",
        out.to_str().expect("a path"),
    ]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
    let html = std::fs::read_to_string(&out).expect("written");
    assert_eq!(html.matches("data-event-id=").count(), 5);
    let r = run(&["fallback", "tests/fixtures/invalid/mixed.json"]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    assert!(
        r.stderr
            .contains("8 errors: the events in error would be left out"),
        "{}",
        r.stderr
    );
    let r = run(&["fallback", "tests/fixtures/invalid/mixed.json", "--force"]);
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout.matches("data-event-id=").count(), 2);
    let r = run(&["fallback", "nope.json"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("nope.json: cannot read: no such file"));
}
