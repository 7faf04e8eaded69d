//! The bundled dataset, compiled into the binary so the widget needs no network to show it.

use crate::model::validate::{validate, Validated};

/// `assets/events.json`, the history of Canada–Iran relations (without the whitespace
/// between tokens: `build.rs`).
pub const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/events.min.json"));

/// The bundled dataset, validated (a test keeps it free of errors and warnings).
pub fn bundled() -> Validated {
    validate(BUNDLED_JSON)
}
