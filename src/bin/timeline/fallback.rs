//! `timeline fallback [FILE] [--lang fr]`: the static HTML of a timeline's event list, the
//! no-JS fallback an editor pastes inside `<div data-timeline>`. Server-side rendered from
//! the component the widget uses for its list view, so the two cannot drift; the widget
//! hides it when it mounts. Without FILE, the bundled data (`make dist`).

use std::rc::Rc;

use timeline::locale;
use timeline::model::format::Document;

use crate::args::{self, Opt};
use crate::input;
use crate::Status;

pub const HELP: &str = "\
timeline fallback [FILE] [--lang en|fr|fa] [-o OUT] [--force]

Prints the no-JavaScript fallback of FILE (our JSON, TimelineJS3 JSON or CSV; `-` is the
standard input), or of the bundled Canada-Iran data without FILE: a <section> with the
title and the list of events, to paste inside <div data-timeline>. The widget hides it
when it mounts; readers without JavaScript, and search engines, read it.

Options:
  --lang en|fr|fa     the language of the texts and dates (default: en)
  -o, --output OUT    write to OUT instead of the standard output
  --force             render even when FILE has errors (the events in error are left out)
  -h, --help          this help

Exit status: 0 printed, 1 FILE has errors, 2 FILE cannot be read or bad arguments.

Examples:
  timeline fallback --lang fr > fallback-fr.html
  timeline fallback events.json -o fallback.html
";

const OPTIONS: &[Opt] = &[
    Opt {
        names: &["--lang"],
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
];

pub fn run(args: &[String]) -> Status {
    let parsed = match args::parse("fallback", args, OPTIONS, HELP) {
        Ok(parsed) => parsed,
        Err(status) => return status,
    };
    let tag = parsed.value("--lang").unwrap_or("en");
    let Some(locale) = locale::find(tag) else {
        let codes: Vec<&str> = locale::LOCALES.iter().map(|l| l.code).collect();
        return args::usage_error(
            "fallback",
            &format!("--lang {tag:?}: the languages are {}", codes.join(", ")),
        );
    };
    let (name, validated) = match parsed.operands.as_slice() {
        [] => ("the bundled data".to_owned(), timeline::data::bundled()),
        [path] => match input::read(path) {
            Ok(input) => {
                input.print_problems(true);
                (input.name, input.validated)
            }
            Err(message) => {
                eprintln!("timeline fallback: {message}");
                return Status::Failed;
            }
        },
        more => {
            return args::usage_error(
                "fallback",
                &format!("one FILE at a time ({} given)", more.len()),
            )
        }
    };
    let errors = validated.errors().count();
    let Some(document) = validated.document else {
        eprintln!("timeline fallback: {name}: no usable document (see the errors above)");
        return Status::DataErrors;
    };
    if errors > 0 && !parsed.flag("--force") {
        eprintln!(
            "timeline fallback: {name}: {}: the events in error would be left out, so nothing is printed; fix them, or pass --force",
            input::count(errors, "error")
        );
        return Status::DataErrors;
    }
    let html = render(document, locale);
    match parsed.value("-o").filter(|o| *o != "-") {
        Some(out) => {
            if let Err(e) = std::fs::write(out, &html) {
                eprintln!("timeline fallback: {out}: cannot write: {e}");
                return Status::Failed;
            }
        }
        None => print!("{html}"),
    }
    Status::Ok
}

/// The section: the title (the widget's name when the data has none) and the list.
fn render(document: Document, locale: &'static locale::Locale) -> String {
    futures::executor::block_on(timeline::ui::fallback_html(Rc::new(document), locale))
}
