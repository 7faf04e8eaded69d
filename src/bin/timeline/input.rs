//! Reading a data file (or the standard input, `-`), and saying where its problems are.

use std::io::Read;

use timeline::model::problem::{Problem, Severity};
use timeline::model::validate::{is_csv, validate, Validated};

/// A file read and validated.
pub struct Input {
    /// As given on the command line (`-` is "<stdin>").
    pub name: String,
    pub text: String,
    pub validated: Validated,
}

/// Reads `path` and validates it; `Err` with what went wrong when it cannot be read. A file
/// that is not UTF-8 is read, and its first bad byte is an error.
pub fn read(path: &str) -> Result<Input, String> {
    let name = if path == "-" { "<stdin>" } else { path }.to_owned();
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    read.map_err(|e| format!("{name}: cannot read: {}", describe(&e)))?;
    let (text, validated) = match String::from_utf8(bytes) {
        Ok(text) => {
            let validated = validate(&text);
            (text, validated)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let before = String::from_utf8_lossy(bytes.get(..valid).unwrap_or(&[])).into_owned();
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let problem = Problem {
                severity: Severity::Error,
                path: String::new(),
                message: format!(
                    "the file is not UTF-8 text (byte {valid}); save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\")"
                ),
                line: u32::try_from(line).unwrap_or(u32::MAX),
                column: u32::try_from(column).unwrap_or(u32::MAX),
            };
            let validated = Validated {
                document: None,
                problems: vec![problem],
            };
            (before, validated)
        }
    };
    Ok(Input {
        name,
        text,
        validated,
    })
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ if e.raw_os_error() == Some(21) => "it is a directory".to_owned(),
        _ => e.to_string(),
    }
}

impl Input {
    /// What the text was read as: "our JSON", "TimelineJS3 JSON" or "CSV".
    pub fn format(&self) -> &'static str {
        if is_csv(&self.text) {
            return "CSV";
        }
        match timeline::model::json::parse(&self.text) {
            Ok(root) if timeline::model::timelinejs::is_timelinejs(&root) => "TimelineJS3 JSON",
            _ => "our JSON",
        }
    }

    pub fn errors(&self) -> usize {
        self.validated.errors().count()
    }

    /// Every problem as `FILE:LINE:COLUMN: error|warning: path: message`, one a line.
    pub fn print_problems(&self, to_stderr: bool) {
        for p in &self.validated.problems {
            let line = line(&self.name, p);
            if to_stderr {
                eprintln!("{line}");
            } else {
                println!("{line}");
            }
        }
    }
}

/// `FILE:LINE:COLUMN: error|warning: path: message`, the form compilers and editors read.
pub fn line(file: &str, p: &Problem) -> String {
    let path = if p.path.is_empty() {
        String::new()
    } else {
        format!("{}: ", p.path)
    };
    format!(
        "{file}:{}:{}: {}: {path}{}",
        p.line, p.column, p.severity, p.message
    )
}

/// `1 error`, `2 warnings`.
pub fn count(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    }
}
