//! Writers: a [`Document`] back to text, in our JSON format ([`to_json`]) or in our
//! spreadsheet layout ([`to_csv`]), so that `validate` of the text gives the document back.
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
#[cfg(test)]
mod tests;

pub use self::csv::to_csv;
pub use self::json::to_json;

use crate::model::format::Text;

/// The text of a plain or rich text; `None` for translations.
fn plain(text: &Text) -> Option<&str> {
    match text {
        Text::Plain(s) => Some(s),
        Text::Rich(r) => Some(&r.plain),
        Text::Translated(_) => None,
    }
}
