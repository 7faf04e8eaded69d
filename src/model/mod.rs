//! The timeline's model: plain data in, plain data out. Dates, the data format and its
//! validation, the viewport's zoom and pan maths, axis ticks, filtering and row layout.
//! Nothing in here may use yew, web-sys or any browser API, so all of it is tested natively.
//! (One exception, for size: [`json::parse_f64`] calls JavaScript's `parseFloat` in the
//! WASM build and Rust's parser natively.)

pub mod axis;
pub mod calendar;
pub mod csv;
pub mod date;
pub mod export;
pub mod filter;
pub mod first_view;
pub mod format;
pub mod json;
pub mod layout;
pub mod link;
pub mod media;
pub mod paths;
pub mod problem;
pub mod rich;
pub mod solar_hijri;
pub mod sort;
pub mod synthetic;
pub mod text;
pub mod texts;
pub mod timelinejs;
pub mod validate;
pub mod vertical;
pub mod viewport;

pub use date::{Date, DateError, Day, Precision};
pub use format::{Category, Document, Era, Event, Source, Text};
