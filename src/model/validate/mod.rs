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
mod fields;
mod objects;
mod rules;
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
        return spreadsheet::validate(text);
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
    if timelinejs::is_timelinejs(&root) {
        let mut raw = Vec::new();
        let document = timelinejs::read_json(&root, text, &mut raw);
        return Validated {
            document,
            problems: locate(text, raw),
        };
    }
    let mut checker = Checker {
        text,
        problems: Vec::new(),
        errors: 0,
        sources_optional: false,
        lang: None,
    };
    let document = checker.document(&root);
    Validated {
        document,
        problems: locate(text, checker.problems),
    }
}
