//! The bundled dataset, compiled into the binary so the widget needs no network to show it.
//!
//! Without the `bundled-data` feature (the embed's one module, `make dist`, whose loader
//! fetches the default data as data, `events.json`, at the same time as the module), the
//! data is left out: 23 KB less in the module, and [`bundled`] reports that it is missing.
//! The standalone page, the npm package and the native tests keep it compiled in.

#[cfg(feature = "bundled-data")]
use crate::model::validate::validate;
use crate::model::validate::Validated;
#[cfg(not(feature = "bundled-data"))]
use crate::model::validate::{Problem, Severity};

/// `assets/events.json`, the history of Canada–Iran relations (without the whitespace
/// between tokens: `build.rs`).
#[cfg(feature = "bundled-data")]
pub const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/events.min.json"));

/// The bundled dataset, validated (a test keeps it free of errors and warnings).
#[cfg(feature = "bundled-data")]
pub fn bundled() -> Validated {
    validate(BUNDLED_JSON)
}

/// This build has no bundled data: an error that says so and what to do.
#[cfg(not(feature = "bundled-data"))]
pub fn bundled() -> Validated {
    Validated {
        document: None,
        problems: vec![Problem {
            severity: Severity::Error,
            path: String::new(),
            message: "this build of the timeline has no bundled data: give it data (the \
                      loader fetches events.json beside it), data-src or inline JSON"
                .to_owned(),
            line: 1,
            column: 1,
        }],
    }
}
