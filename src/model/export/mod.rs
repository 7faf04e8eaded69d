//! Writers: a [`Document`] back to text, in our JSON format ([`to_json`]) or in our
//! spreadsheet layout ([`to_csv`]), so that `validate` of the text gives the document back;
//! and the current view as a picture ([`to_svg`]).
//!
//! They serve the command line's `convert`, the editor page's downloads and anything else
//! that turns data read from any format into ours. Hand-written and small (they compile
//! into the WASM): no serde_json, one pass over the document, linear in its size.
//!
//! Our JSON holds everything a document holds. Our layout holds everything but what a
//! spreadsheet cannot say: a tag with a comma in it (the `tags` cell is split on commas),
//! text with spaces at its ends (cells are trimmed), more than 20 sources for one event,
//! and the difference between a plain text and an English-only translation of it when a
//! document has both in one column. Markup (TimelineJS3's HTML) is written as its plain
//! text in both: our format has none.
//!
//! [`Document`]: crate::model::format::Document

mod csv;
mod json;
mod svg;
#[cfg(test)]
mod tests;

pub use self::csv::to_csv;
pub use self::json::{json_string, to_json, to_json_with_markup};
pub use self::svg::{to_svg, Picture};

use crate::model::format::{Document, Text};

/// `doc` with only the events at `indices` (the reader's filter), in that order: what
/// the widget's downloads write.
pub fn subset(doc: &Document, indices: &[u32]) -> Document {
    Document {
        lang: doc.lang.clone(),
        title: doc.title.clone(),
        description: doc.description.clone(),
        updated: doc.updated,
        categories: doc.categories.clone(),
        eras: doc.eras.clone(),
        events: indices
            .iter()
            .filter_map(|&i| doc.events.get(i as usize).cloned())
            .collect(),
    }
}

/// A file name for `title` (the page's) with `extension`: its letters and digits, lower
/// case, runs of anything else made one `-`, at most 60 characters; `timeline` when
/// nothing is left. Letters of any script stay (`کانادا-و-ایران.csv`).
pub fn file_name(title: &str, extension: &str) -> String {
    let mut stem = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if stem.chars().count() >= 60 {
                break;
            }
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    let stem = if stem.is_empty() { "timeline" } else { stem };
    let mut name = String::with_capacity(stem.len() + extension.len() + 1);
    name.push_str(stem);
    name.push('.');
    name.push_str(extension);
    name
}

/// The text of a plain or rich text; `None` for translations.
fn plain(text: &Text) -> Option<&str> {
    match text {
        Text::Plain(s) => Some(s),
        Text::Rich(r) => Some(&r.plain),
        Text::Translated(_) => None,
    }
}
