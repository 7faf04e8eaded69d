//! `timeline convert FILE [--to json|csv] [-o OUT]`: any accepted input to our JSON format
//! or our spreadsheet layout, checked by reading the result back.

use timeline::model::export::{to_csv, to_json};
use timeline::model::format::{Document, Event, Text};
use timeline::model::texts::in_language;
use timeline::model::validate::{is_language_code, validate};

use crate::args::{self, Opt};
use crate::input::{self, Input};
use crate::Status;

pub const HELP: &str = "\
timeline convert FILE [--to json|csv] [--lang LANG] [-o OUT] [--force]

Reads FILE (our JSON, TimelineJS3 JSON, or CSV in our layout or TimelineJS3's; `-` is the
standard input) and writes it in our JSON format, or with --to csv in our spreadsheet
layout (the one assets/template.csv shows). Its problems go to the standard error, as
`timeline check` prints them. Every event is kept: one without a source (TimelineJS3 data
has none) is written with an empty list of sources, which is a warning, not an error.
TimelineJS3's HTML is written as its plain text.

Options:
  --to json|csv       the output format (default: from OUT's extension, else json)
  --lang LANG         our JSON with the texts in LANG alone (a text without LANG keeps
                      every translation), and its language named (\"lang\"): a reader of LANG gets
                      only their language (make dist writes events.en.json this way)
  -o, --output OUT    write to OUT instead of the standard output
  --force             write even when FILE has errors (the events and eras in error are
                      left out); without it, nothing is written and the status is 1
  -h, --help          this help

Exit status: 0 written, 1 FILE has errors (or no usable document), 2 FILE cannot be read,
OUT cannot be written, or the arguments are wrong.

Examples:
  timeline convert timeline3.json -o events.json
  timeline convert events.json --to csv -o events.csv
  timeline convert sheet.csv > events.json
  timeline convert events.json --lang fr -o events.fr.json
";

const OPTIONS: &[Opt] = &[
    Opt {
        names: &["--to"],
        value: true,
    },
    Opt {
        names: &["-o", "--output"],
        value: true,
    },
    Opt {
        names: &["--force"],
        value: false,
    },
    Opt {
        names: &["--lang"],
        value: true,
    },
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum To {
    Json,
    Csv,
}

pub fn run(args: &[String]) -> Status {
    let parsed = match args::parse("convert", args, OPTIONS, HELP) {
        Ok(parsed) => parsed,
        Err(status) => return status,
    };
    let [path] = parsed.operands.as_slice() else {
        let message = match parsed.operands.len() {
            0 => "no FILE to convert".to_owned(),
            n => format!("one FILE at a time ({n} given)"),
        };
        return args::usage_error("convert", &message);
    };
    let out = parsed.value("-o").filter(|o| *o != "-");
    let to = match parsed.value("--to") {
        Some("json") => To::Json,
        Some("csv") => To::Csv,
        Some(other) => {
            return args::usage_error("convert", &format!("--to {other:?}: expected json or csv"))
        }
        None if out.is_some_and(|o| o.to_ascii_lowercase().ends_with(".csv")) => To::Csv,
        None => To::Json,
    };
    let lang = parsed.value("--lang");
    if let Some(lang) = lang {
        if to == To::Csv {
            return args::usage_error("convert", "--lang writes our JSON, not CSV");
        }
        if !is_language_code(lang) {
            return args::usage_error(
                "convert",
                &format!("--lang {lang:?}: expected a language code such as en, fr or fr-CA"),
            );
        }
    }
    let input = match input::read(path) {
        Ok(input) => input,
        Err(message) => {
            eprintln!("timeline convert: {message}");
            return Status::Failed;
        }
    };
    input.print_problems(true);
    let Some(document) = &input.validated.document else {
        eprintln!(
            "timeline convert: {}: no usable document (see the errors above): nothing written",
            input.name
        );
        return Status::DataErrors;
    };
    let errors = input.errors();
    if errors > 0 && !parsed.flag("--force") {
        eprintln!(
            "timeline convert: {}: {}: the events and eras in error would be left out, so nothing is written; fix them, or pass --force to write the rest",
            input.name,
            input::count(errors, "error")
        );
        return Status::DataErrors;
    }
    if to == To::Json && document.categories.is_empty() {
        eprintln!(
            "timeline convert: {}: no category (no event names one), and our JSON needs at least one: nothing written",
            input.name
        );
        return Status::DataErrors;
    }
    let one_language = lang.map(|lang| in_language(document, lang));
    let document = one_language.as_ref().unwrap_or(document);
    let text = match to {
        To::Json => to_json(document),
        To::Csv => to_csv(document),
    };
    let status = read_back(&input, document, &text, to);
    let written = match out {
        Some(out) => std::fs::write(out, &text).map_err(|e| format!("{out}: cannot write: {e}")),
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(|e| format!("cannot write to the standard output: {e}"))
        }
    };
    if let Err(message) = written {
        eprintln!("timeline convert: {message}");
        return Status::Failed;
    }
    eprintln!(
        "timeline convert: {} ({}) to {} ({}, {})",
        input.name,
        input.format(),
        out.unwrap_or("the standard output"),
        if to == To::Json {
            "our JSON"
        } else {
            "our CSV layout"
        },
        input::count(document.events.len(), "event")
    );
    status
}

/// Reads the converted text back: every event must be there, with the same values (texts
/// compared as text: markup and an English-only translation are plain text once written).
fn read_back(input: &Input, document: &Document, text: &str, to: To) -> Status {
    let back = validate(text);
    let Some(read) = back.document.filter(|_| {
        back.problems
            .iter()
            .all(|p| p.severity != timeline::model::problem::Severity::Error)
    }) else {
        eprintln!(
            "timeline convert: {}: the converted text does not read back (a bug: please report it)",
            input.name
        );
        return Status::DataErrors;
    };
    if read.events.len() != document.events.len() {
        eprintln!(
            "timeline convert: {}: {} of {} events read back (a bug: please report it)",
            input.name,
            read.events.len(),
            document.events.len()
        );
        return Status::DataErrors;
    }
    let changed: Vec<&str> = document
        .events
        .iter()
        .zip(&read.events)
        .filter(|(a, b)| !same(a, b))
        .map(|(a, _)| a.id.as_str())
        .collect();
    if let Some(first) = changed.first() {
        let why = match to {
            To::Csv => "the CSV layout cannot hold a tag with a comma, spaces at a text's ends or more than 20 sources",
            To::Json => "a bug: please report it",
        };
        eprintln!(
            "timeline convert: {}: warning: {} not written exactly, such as {first:?} ({why})",
            input.name,
            input::count(changed.len(), "event is").replace("events is", "events are")
        );
    }
    Status::Ok
}

fn texts(text: &Text) -> Vec<&str> {
    text.all().collect()
}

fn opt_texts(text: Option<&Text>) -> Vec<&str> {
    text.map(texts).unwrap_or_default()
}

type MediaKey<'e> = (
    &'e str,
    Option<&'e str>,
    Vec<&'e str>,
    Vec<&'e str>,
    Vec<&'e str>,
);

fn media(e: &Event) -> Option<MediaKey<'_>> {
    e.media.as_ref().map(|m| {
        (
            m.url.as_str(),
            m.link.as_deref(),
            opt_texts(m.alt.as_ref()),
            opt_texts(m.caption.as_ref()),
            opt_texts(m.credit.as_ref()),
        )
    })
}

type SourceKey<'e> = (
    &'e str,
    &'e str,
    Option<timeline::model::Date>,
    Vec<&'e str>,
);

fn sources(e: &Event) -> Vec<SourceKey<'_>> {
    e.sources
        .iter()
        .map(|s| {
            (
                s.url.as_str(),
                s.publisher.as_str(),
                s.date,
                texts(&s.title),
            )
        })
        .collect()
}

fn same(a: &Event, b: &Event) -> bool {
    (
        &a.id,
        a.date,
        a.end,
        a.approximate,
        &a.category,
        &a.tags,
        a.importance,
    ) == (
        &b.id,
        b.date,
        b.end,
        b.approximate,
        &b.category,
        &b.tags,
        b.importance,
    ) && texts(&a.title) == texts(&b.title)
        && texts(&a.summary) == texts(&b.summary)
        && opt_texts(a.date_label.as_ref()) == opt_texts(b.date_label.as_ref())
        && sources(a) == sources(b)
        && media(a) == media(b)
}
