//! What the readers of data report (the validator, the TimelineJS3 reader): problems,
//! their severity, where they are, and the validated document.

use std::fmt;

use crate::model::format::Document;
use crate::model::json::Locator;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The value is unusable: its event or era (or the whole document) is left out.
    Error,
    /// Worth fixing, but the data is used as it is.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One thing wrong with the data, and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// The JSON path of the value, such as `events[12].date`; empty for the whole text.
    pub path: String,
    pub message: String,
    /// 1-based line of the offending value (of the object, for a missing field).
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(
            f,
            "{} (line {}, column {})",
            self.message, self.line, self.column
        )
    }
}

/// What [`crate::model::validate::validate`] found: the usable part of the document and every problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Validated {
    /// `None` when the top level is unusable; otherwise every valid event and era.
    pub document: Option<Document>,
    /// In document order.
    pub problems: Vec<Problem>,
}

impl Validated {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
    }

    /// A document and not a single error (warnings are fine).
    pub fn is_valid(&self) -> bool {
        self.document.is_some() && self.errors().next().is_none()
    }
}

/// A problem as a reader finds it: at a byte offset of the source, turned into a line and
/// column by [`locate`] once all are found (the readers of other formats, such as
/// TimelineJS3's, report these too).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawProblem {
    pub offset: usize,
    pub severity: Severity,
    /// As [`Problem::path`] shows it.
    pub path: String,
    pub message: String,
}

/// The problems found in `text`, in the order of their places, each with its line and column.
pub fn locate(text: &str, mut raw: Vec<RawProblem>) -> Vec<Problem> {
    // Stable: problems at the same place keep the order they were found in.
    crate::model::sort::sort_by_key(&mut raw, |p| (p.offset as i64, 0));
    let mut locator = Locator::new(text);
    raw.into_iter()
        .map(|p| {
            let (line, column) = locator.locate(p.offset);
            Problem {
                severity: p.severity,
                path: p.path,
                message: p.message,
                line,
                column,
            }
        })
        .collect()
}
