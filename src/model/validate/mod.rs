//! The only way from JSON text to a [`Document`]: parse with positions, check every rule
//! of the data format, and report every problem at once, each with its JSON path and the
//! line and column of the offending value.
//!
//! Problems are errors or warnings. An event or era with an error is left out and the
//! rest are kept, so a widget can still show the valid events next to the list of
//! problems; the document itself is `None` only when the top level is unusable (the text
//! is not JSON, is not an object, or has no usable title, update date or category).
//! Unknown fields are warnings, never errors, so a newer document still loads.
//! `docs/data-format.md` lists the rules and messages; keep it in step with this folder.
//! CSV text (a spreadsheet, recognised by its first line) goes through `spreadsheet/`: its
//! rows are checked as the JSON they stand for, and each problem names its row and column.

mod checker;
pub mod converted;
mod fields;
mod objects;
mod rules;
// Only `is_csv` is used where the readers of other formats are not compiled in.
#[cfg_attr(not(feature = "converters"), allow(dead_code))]
mod spreadsheet;
#[cfg(test)]
mod tests;

pub use super::problem::{locate, Problem, RawProblem, Severity, Validated};
pub use fields::{
    FieldSpec, CATEGORY_FIELDS, DOCUMENT_FIELDS, ERA_FIELDS, EVENT_FIELDS, MAX_ID_LEN,
    MAX_LANGUAGE_CODE_LEN, MAX_TRANSLATIONS, MEDIA_FIELDS, SOURCE_FIELDS,
};

use super::json;
use super::timelinejs;
use checker::Checker;
pub use rules::is_language_code;

/// Whether [`validate`] reads `text` as a spreadsheet (CSV) rather than as JSON: it does not
/// start like JSON, and its first line has a comma or a known column name.
pub fn is_csv(text: &str) -> bool {
    spreadsheet::is_csv(text)
}

/// Checks `text` against the data format and decodes what is usable. TimelineJS3's JSON
/// format, recognised by its content ([`timelinejs::is_timelinejs`]), is read too: mapped
/// onto ours, with a warning for whatever it holds that we do not show.
pub fn validate(text: &str) -> Validated {
    if spreadsheet::is_csv(text) {
        return spreadsheet_or_not(text);
    }
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(e) => {
            let (line, column) = json::line_column(text, e.offset);
            return Validated {
                document: None,
                problems: vec![Problem {
                    severity: Severity::Error,
                    path: String::new(),
                    message: format!("JSON syntax error: {}", e.message),
                    line,
                    column,
                }],
            };
        }
    };
    if let Some(validated) = converted::read(&root, text) {
        return validated;
    }
    if timelinejs::is_timelinejs(&root) {
        return timelinejs_or_not(&root, text);
    }
    let mut checker = Checker {
        text,
        problems: Vec::new(),
        errors: 0,
        sources_optional: false,
        lang: None,
        markup: false,
    };
    let document = checker.document(&root);
    Validated {
        document,
        problems: locate(text, checker.problems),
    }
}

/// Whether this build leaves `text` to the converter module: the embed's module (without
/// the `converters` feature) reads only our format; the loader converts a TimelineJS3 file
/// or a spreadsheet first (`converted`). Always false where the readers are compiled in.
pub fn needs_converter(text: &str) -> bool {
    !cfg!(feature = "converters")
        && (spreadsheet::is_csv(text)
            || json::parse(text).is_ok_and(|root| timelinejs::is_timelinejs(&root)))
}

#[cfg(feature = "converters")]
fn spreadsheet_or_not(text: &str) -> Validated {
    spreadsheet::validate(text)
}

#[cfg(feature = "converters")]
fn timelinejs_or_not(root: &json::Value<'_>, text: &str) -> Validated {
    let mut raw = Vec::new();
    let document = timelinejs::read_json(root, text, &mut raw);
    Validated {
        document,
        problems: locate(text, raw),
    }
}

#[cfg(not(feature = "converters"))]
fn spreadsheet_or_not(_text: &str) -> Validated {
    without_converter("a spreadsheet (CSV)")
}

#[cfg(not(feature = "converters"))]
fn timelinejs_or_not(_root: &json::Value<'_>, _text: &str) -> Validated {
    without_converter("a TimelineJS3 timeline")
}

/// What a module without the readers of other formats says of one, given it directly
/// (the loader converts it first: see [`needs_converter`]).
#[cfg(not(feature = "converters"))]
fn without_converter(what: &str) -> Validated {
    Validated {
        document: None,
        problems: vec![Problem {
            severity: Severity::Error,
            path: String::new(),
            message: format!("The data is {what}: this widget reads it through its converter (convert.js beside the loader), which did not run"),
            line: 1,
            column: 1,
        }],
    }
}
