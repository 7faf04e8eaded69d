//! `timeline check FILE…`: every problem of each file, and an exit status for scripts.

use timeline::model::export::json_string;

use crate::args::{self, Opt};
use crate::input::{self, Input};
use crate::Status;

pub const HELP: &str = "\
timeline check FILE... [--format text|json]

Checks each FILE (our JSON, TimelineJS3 JSON, or CSV in our layout or TimelineJS3's,
recognised by their content; `-` is the standard input) and prints every problem:

  FILE:LINE:COLUMN: error|warning: PLACE: MESSAGE

PLACE is the JSON path of the value (events[3].date) or, in a CSV file, its row and column
header (row 14, \"date\"); LINE and COLUMN are where it is in the file. A summary of each
file goes to the standard error.

Options:
  --format text   the lines above (the default)
  --format json   one JSON object: {\"files\": [{\"file\", \"format\", \"events\", \"errors\",
                  \"warnings\", \"problems\": [{\"severity\", \"line\", \"column\", \"path\",
                  \"message\"}]}]}; a file that cannot be read has \"error\" instead
  -h, --help      this help

Exit status: 0 when no file has an error (warnings are fine), 1 when one has,
2 when a file cannot be read or the arguments are wrong.

Examples:
  timeline check assets/events.json
  timeline check sheet.csv timeline3.json --format json
  curl -s https://example.org/events.json | timeline check -
";

const OPTIONS: &[Opt] = &[Opt {
    names: &["--format"],
    value: true,
}];

pub fn run(args: &[String]) -> Status {
    let parsed = match args::parse("check", args, OPTIONS, HELP) {
        Ok(parsed) => parsed,
        Err(status) => return status,
    };
    let json = match parsed.value("--format") {
        None | Some("text") => false,
        Some("json") => true,
        Some(other) => {
            return args::usage_error(
                "check",
                &format!("--format {other:?}: expected text or json"),
            )
        }
    };
    if parsed.operands.is_empty() {
        return args::usage_error("check", "no FILE to check");
    }
    let mut status = Status::Ok;
    let mut reports = Vec::new();
    for path in &parsed.operands {
        match input::read(path) {
            Ok(input) => {
                if input.errors() > 0 {
                    status = status.max(Status::DataErrors);
                }
                if json {
                    reports.push(report(&input));
                } else {
                    input.print_problems(false);
                }
                eprintln!("{}", summary(&input));
            }
            Err(message) => {
                status = Status::Failed;
                eprintln!("timeline check: {message}");
                if json {
                    reports.push(format!(
                        "{{\"file\": {}, \"error\": {}}}",
                        json_string(path),
                        json_string(&message)
                    ));
                }
            }
        }
    }
    if json {
        println!("{{\"files\": [\n  {}\n]}}", reports.join(",\n  "));
    }
    status
}

/// `events.json: our JSON, 36 events, no problem` / `…: 2 errors, 1 warning`.
fn summary(input: &Input) -> String {
    let v = &input.validated;
    let (errors, warnings) = (input.errors(), v.warnings().count());
    let events = match &v.document {
        Some(d) => input::count(d.events.len(), "event"),
        None => "no usable document".to_owned(),
    };
    let problems = match (errors, warnings) {
        (0, 0) => "no problem".to_owned(),
        (0, w) => input::count(w, "warning"),
        (e, 0) => input::count(e, "error"),
        (e, w) => format!(
            "{}, {}",
            input::count(e, "error"),
            input::count(w, "warning")
        ),
    };
    format!("{}: {}, {events}, {problems}", input.name, input.format())
}

/// One file's report as a JSON object.
fn report(input: &Input) -> String {
    let v = &input.validated;
    let problems: Vec<String> = v
        .problems
        .iter()
        .map(|p| {
            format!(
                "{{\"severity\": \"{}\", \"line\": {}, \"column\": {}, \"path\": {}, \"message\": {}}}",
                p.severity,
                p.line,
                p.column,
                json_string(&p.path),
                json_string(&p.message)
            )
        })
        .collect();
    let events = v
        .document
        .as_ref()
        .map_or("null".to_owned(), |d| d.events.len().to_string());
    format!(
        "{{\"file\": {}, \"format\": {}, \"events\": {events}, \"errors\": {}, \"warnings\": {}, \"problems\": [{}]}}",
        json_string(&input.name),
        json_string(input.format()),
        input.errors(),
        v.warnings().count(),
        problems.join(", ")
    )
}
