//! `timeline`: the command line, for newsroom scripts and CI. One binary, several commands:
//!
//! - `timeline check FILE…`: every problem of each file, as `FILE:LINE:COLUMN: error|warning: …`;
//! - `timeline convert FILE [--to json|csv] [-o OUT]`: any accepted input to our JSON or our
//!   spreadsheet layout;
//! - `timeline fallback [FILE] [--lang fr]`: the no-JS fallback HTML (the bundled data without FILE).
//!
//! Exit status: 0 when all went well, 1 when the data has errors, 2 when a file cannot be
//! read or written or the arguments are wrong. Native only (the library's model and its
//! server-side rendering); the arguments are parsed by hand (`args.rs`).

mod args;
mod check;
mod convert;
mod fallback;
mod input;

use std::process::ExitCode;

/// How a command ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Ok = 0,
    /// The data has errors.
    DataErrors = 1,
    /// A file could not be read or written, or the arguments were wrong.
    Failed = 2,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        ExitCode::from(status as u8)
    }
}

const USAGE: &str = "\
timeline: check, convert and render timeline data (our JSON, TimelineJS3 JSON, CSV)

Usage:
  timeline check FILE...                      report every problem, as FILE:LINE:COLUMN: error|warning: message
  timeline convert FILE [--to json|csv] [-o OUT]
                                              write FILE in our JSON format (or our CSV layout)
  timeline fallback [FILE] [--lang en|fr|fa] [-o OUT]
                                              print the no-JavaScript fallback HTML
  timeline help COMMAND                       the options and examples of one command
  timeline --version

FILE may be `-` for the standard input. Formats are recognised by their content.
Exit status: 0 no errors, 1 errors in the data, 2 a file cannot be read or bad arguments.

Examples:
  timeline check assets/events.json
  timeline convert timeline3.json -o events.json
  timeline fallback events.json --lang fr > fallback-fr.html
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    run(&args).into()
}

fn run(args: &[String]) -> Status {
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return Status::Failed;
    };
    match command.as_str() {
        "check" => check::run(rest),
        "convert" => convert::run(rest),
        "fallback" => fallback::run(rest),
        "help" | "--help" | "-h" => match rest.first().map(String::as_str) {
            None => {
                print!("{USAGE}");
                Status::Ok
            }
            Some("check") => help(check::HELP),
            Some("convert") => help(convert::HELP),
            Some("fallback") => help(fallback::HELP),
            Some(other) => unknown_command(other),
        },
        "--version" | "-V" => {
            println!("timeline {}", env!("CARGO_PKG_VERSION"));
            Status::Ok
        }
        other => unknown_command(other),
    }
}

fn help(text: &str) -> Status {
    print!("{text}");
    Status::Ok
}

fn unknown_command(name: &str) -> Status {
    let hint = ["check", "convert", "fallback", "help"]
        .into_iter()
        .find(|c| c.starts_with(name.get(..2).unwrap_or(name)) && !name.starts_with('-'))
        .map(|c| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default();
    eprintln!(
        "timeline: unknown command {name:?}{hint}; the commands are check, convert and fallback (timeline --help)"
    );
    Status::Failed
}
