//! An embeddable, filterable, zoomable timeline widget.
//!
//! `model` is pure Rust (dates, data format, validation, zoom maths, ticks, filter, layout);
//! `ui` holds the Yew components; `data` the bundled dataset. The entries for the Trunk
//! page (`src/main.rs`) and the script-tag embed are thin.

pub mod data;
#[cfg(feature = "editor")]
pub mod editor;
// Not in the converter module, which exports `convert` alone.
#[cfg(not(feature = "converter-module"))]
pub mod embed;
pub mod locale;
pub mod model;
pub mod ui;

/// The WASM's allocator: Talc, smaller than the default dlmalloc (see Cargo.toml).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The converter module's one export (the `converter-module` feature; scripts/dist.sh):
/// `text` in any format the widget reads, as the envelope that the embed's module, which
/// reads only our format, takes back ([`model::validate::converted`]).
#[cfg(feature = "converter-module")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn convert(text: &str) -> String {
    model::validate::converted::write(&model::validate::validate(text))
}
