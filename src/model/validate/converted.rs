//! What the converter module hands the widget: data read from another format (a
//! TimelineJS3 file, a spreadsheet), already validated, as text the widget's own reader
//! takes back. The embed's module reads only our format (smaller for every reader); the
//! loader sends anything else to the converter module (`convert.js`, the `converter-module`
//! feature), which returns this envelope, and the widget validates it as it validates its
//! own data:
//!
//! `["timeline-converted", <the document in our format, or null>, [[severity, path,
//! message, line, column], …]]`
//!
//! The problems are those of the original text, with its lines and columns; the document is
//! what that text's reader made, written by [`to_json_with_markup`] (its markup kept), so reading the envelope gives the
//! same [`Validated`] as reading the original (tested with every converter's fixtures).
//! Our format's root is an object, so an envelope is never mistaken for a timeline.

use super::checker::Checker;
use super::{Problem, Severity, Validated};
use crate::model::export::{json_string, to_json_with_markup};
use crate::model::json::{Kind, Value};

/// The envelope's first element.
pub const MARK: &str = "timeline-converted";

/// The envelope of `validated`: what the converter module returns.
pub fn write(validated: &Validated) -> String {
    let mut out = format!("[{},", json_string(MARK));
    match &validated.document {
        Some(document) => out.push_str(&to_json_with_markup(document)),
        None => out.push_str("null"),
    }
    out.push_str(",[");
    for (i, p) in validated.problems.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            "[{},{},{},{},{}]",
            json_string(&p.severity.to_string()),
            json_string(&p.path),
            json_string(&p.message),
            p.line,
            p.column
        ));
    }
    out.push_str("]]");
    out
}

/// The data of an envelope, or `None` when `root` is not one. An entry of the problems
/// that is not as [`write`] writes it is left out.
pub(super) fn read(root: &Value<'_>, text: &str) -> Option<Validated> {
    let Kind::Array(items) = &root.kind else {
        return None;
    };
    let [mark, document, problems] = items.as_slice() else {
        return None;
    };
    if !matches!(&mark.kind, Kind::String(s) if s == MARK) {
        return None;
    }
    let document = match document.kind {
        Kind::Null => None,
        // The converter's reader reported this document's problems already (against the
        // original text): the checker's, against the envelope, would repeat them.
        _ => Checker {
            text,
            problems: Vec::new(),
            errors: 0,
            sources_optional: true,
            lang: None,
            markup: true,
        }
        .document(document),
    };
    let Kind::Array(entries) = &problems.kind else {
        return Some(Validated {
            document,
            problems: Vec::new(),
        });
    };
    let problems = entries.iter().filter_map(problem).collect();
    Some(Validated { document, problems })
}

fn problem(entry: &Value<'_>) -> Option<Problem> {
    let Kind::Array(fields) = &entry.kind else {
        return None;
    };
    let [severity, path, message, line, column] = fields.as_slice() else {
        return None;
    };
    let string = |v: &Value<'_>| match &v.kind {
        Kind::String(s) => Some(s.to_string()),
        _ => None,
    };
    let number = |v: &Value<'_>| match &v.kind {
        Kind::Number(n) if n.integer && n.value >= 0.0 && n.value <= f64::from(u32::MAX) => {
            Some(n.value as u32)
        }
        _ => None,
    };
    Some(Problem {
        severity: match string(severity)?.as_str() {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            _ => return None,
        },
        path: string(path)?,
        message: string(message)?,
        line: number(line)?,
        column: number(column)?,
    })
}
