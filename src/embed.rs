//! The script-tag embed's entry (`assets/embed.js` loads it): mounts a widget into an
//! element of someone else's page, inside a shadow root so the host's CSS cannot reach
//! it and its CSS cannot leak out, and hands back a handle to update or destroy it.
//!
//! Options come as a plain JavaScript object (the loader builds it from `data-*`
//! attributes): `data` (JSON text in our format; absent means the bundled data),
//! `error` (why the loader could not get the data), `lang` (else the page's `lang`, else
//! the browser's languages), `start`, `end`, `event`,
//! `categories` (array or comma-separated ids) and `theme` (`light`, `dark`, `auto`).
//! Nothing here panics on bad options: unknown or malformed values are ignored.

use wasm_bindgen::prelude::*;

use crate::model::date::Date;
use crate::model::validate::{validate, Validated};
use crate::ui::{Options, Theme, Timeline, TimelineProps};

/// The widget's stylesheet, put into each shadow root (`assets/timeline.css` without
/// comments and needless whitespace: `build.rs`).
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/timeline.min.css"));

/// A mounted widget. `destroy()` unmounts it, removes its listeners and shows the
/// element's original content (the no-JS fallback) again.
#[wasm_bindgen]
pub struct EmbeddedTimeline {
    app: Option<yew::AppHandle<Timeline>>,
    shadow: web_sys::ShadowRoot,
}

#[wasm_bindgen]
impl EmbeddedTimeline {
    /// Re-renders with new options (the same keys as `mount`).
    pub fn update(&mut self, options: &JsValue) {
        if let Some(app) = &mut self.app {
            app.update(props_from(options));
        }
    }

    /// Unmounts the widget. Calling it twice is harmless.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        // A slot shows the element's own children (the fallback list) again.
        self.shadow.set_inner_html("<slot></slot>");
    }
}

/// Mounts a widget into `host`. Errors only when the element cannot take a shadow root.
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, options: &JsValue) -> Result<EmbeddedTimeline, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    shadow.set_inner_html("");
    let document = host
        .owner_document()
        .ok_or("the element is not in a document")?;
    let style = document.create_element("style")?;
    style.set_text_content(Some(CSS));
    let container = document.create_element("div")?;
    container.set_class_name("tl-host");
    shadow.append_child(&style)?;
    shadow.append_child(&container)?;
    let app =
        yew::Renderer::<Timeline>::with_root_and_props(container, props_from(options)).render();
    Ok(EmbeddedTimeline {
        app: Some(app),
        shadow,
    })
}

fn get(options: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(options, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn get_string(options: &JsValue, key: &str) -> Option<String> {
    get(options, key)
        .and_then(|v| v.as_string())
        .filter(|s| !s.trim().is_empty())
}

/// The widget's properties from the embed's options.
fn props_from(options: &JsValue) -> TimelineProps {
    let mut props = match (get_string(options, "error"), get_string(options, "data")) {
        (Some(error), _) => TimelineProps {
            load_error: Some(error.into()),
            ..TimelineProps::from_validated(Validated {
                document: None,
                problems: Vec::new(),
            })
        },
        (None, Some(json)) => TimelineProps::from_validated(validate(&json)),
        (None, None) => TimelineProps::from_validated(crate::data::bundled()),
    };
    // `data-lang`, else the article's language, else the reader's browser's.
    props.lang = get_string(options, "lang")
        .filter(|tag| crate::locale::find(tag).is_some())
        .unwrap_or_else(|| crate::ui::readers_language(true))
        .into();
    let date = |key: &str| get_string(options, key).and_then(|s| Date::parse(s.trim()).ok());
    let categories = get(options, "categories").map(|v| match v.as_string() {
        Some(list) => list
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect(),
        None => js_sys::Array::from(&v)
            .iter()
            .filter_map(|s| s.as_string())
            .collect(),
    });
    props.options = Options {
        sync_url: false,
        embedded: true,
        initial_event: get_string(options, "event").map(Into::into),
        initial_window: date("start").zip(date("end")),
        categories,
        theme: match get_string(options, "theme").as_deref() {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        },
    };
    props
}
