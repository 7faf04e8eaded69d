//! The script-tag embed's entry (`assets/embed.js` loads it): mounts a widget into an
//! element of someone else's page, inside a shadow root so the host's CSS cannot reach
//! it and its CSS cannot leak out, and hands back a handle to update or destroy it.
//!
//! The options are those of [`options::OPTIONS`], the one list of them: given as a plain
//! JavaScript object (`mount`, `update`), and for the loader's widgets (`embed`) also as
//! the element's data attributes, which the object's keys override. Nothing here panics
//! on bad options: unknown or malformed values are ignored, and data that is given but
//! empty is an error, never the bundled data.

pub mod options;

use wasm_bindgen::prelude::*;

use options::{Given, Raw};

/// The widget's stylesheet, put into each shadow root (`assets/timeline.css` without
/// comments and needless whitespace: `build.rs`).
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/timeline.min.css"));

thread_local! {
    /// The one constructable stylesheet every widget on the page adopts (made on the first
    /// mount), or `None` where the browser has no constructable stylesheets.
    static SHEET: std::cell::OnceCell<Option<JsValue>> = const { std::cell::OnceCell::new() };
}

/// The shared constructable stylesheet (`new CSSStyleSheet()`, `replaceSync`): a page's
/// `style-src` does not apply to it, so no `'unsafe-inline'` is needed.
fn sheet() -> Option<JsValue> {
    SHEET.with(|cell| {
        cell.get_or_init(|| {
            let global = js_sys::global();
            let class = js_sys::Reflect::get(&global, &JsValue::from_str("CSSStyleSheet")).ok()?;
            let class: js_sys::Function = class.dyn_into().ok()?;
            // Both halves are needed: the constructor and the shadow root's adoption.
            let document = js_sys::Reflect::get(&global, &JsValue::from_str("Document")).ok()?;
            let prototype =
                js_sys::Reflect::get(&document, &JsValue::from_str("prototype")).ok()?;
            if !js_sys::Reflect::has(&prototype, &JsValue::from_str("adoptedStyleSheets"))
                .unwrap_or(false)
            {
                return None;
            }
            let sheet = js_sys::Reflect::construct(&class, &js_sys::Array::new()).ok()?;
            let replace = js_sys::Reflect::get(&sheet, &JsValue::from_str("replaceSync")).ok()?;
            let replace: js_sys::Function = replace.dyn_into().ok()?;
            replace.call1(&sheet, &JsValue::from_str(CSS)).ok()?;
            Some(sheet)
        })
        .clone()
    })
}

/// Puts the stylesheet into `shadow`: the shared constructable sheet, else a `<link>` to
/// `href` (the loader's `timeline.css`, with its SRI hash), else (a bundler's `mount` on
/// such a browser) a `<style>` element, which a `style-src` without `'unsafe-inline'`
/// blocks.
fn style(
    shadow: &web_sys::ShadowRoot,
    document: &web_sys::Document,
    href: Option<(&str, Option<&str>)>,
) -> Result<(), JsValue> {
    if let Some(sheet) = sheet() {
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        return Ok(());
    }
    let element = match href {
        Some((href, integrity)) => {
            let link = document.create_element("link")?;
            link.set_attribute("rel", "stylesheet")?;
            if let Some(integrity) = integrity {
                link.set_attribute("integrity", integrity)?;
                link.set_attribute("crossorigin", "anonymous")?;
            }
            link.set_attribute("href", href)?;
            link
        }
        None => {
            let style = document.create_element("style")?;
            style.set_text_content(Some(CSS));
            style
        }
    };
    shadow.append_child(&element)?;
    Ok(())
}

/// A mounted widget. `destroy()` unmounts it, removes its listeners and shows the
/// element's original content (the no-JS fallback) again.
#[wasm_bindgen]
pub struct EmbeddedTimeline {
    app: Option<yew::AppHandle<crate::ui::Timeline>>,
    shadow: web_sys::ShadowRoot,
    /// The element whose data attributes are read under the options (`embed`).
    attributes: Option<web_sys::Element>,
    /// The widget's key in links into the article (see [`link_key`]).
    key: yew::AttrValue,
}

#[wasm_bindgen]
impl EmbeddedTimeline {
    /// Re-renders with new options (the same keys as `mount`; for `embed`, over the
    /// element's data attributes).
    pub fn update(&mut self, options: &JsValue) {
        if let Some(app) = &mut self.app {
            app.update(props(options, self.attributes.as_ref(), &self.key));
        }
    }

    /// Unmounts the widget. Calling it twice is harmless.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        // A slot shows the element's own children (the fallback list) again; built as a
        // node (no HTML string sink, which Trusted Types would block).
        self.shadow.set_adopted_style_sheets(&js_sys::Array::new());
        match self
            .shadow
            .owner_document()
            .and_then(|document| document.create_element("slot").ok())
        {
            Some(slot) => self.shadow.replace_children_with_node_1(&slot),
            None => self.shadow.replace_children_with_node_0(),
        }
    }
}

/// Whether the loader must convert `text` first (the converter module, `convert.js`): a
/// TimelineJS3 file or a spreadsheet, which this module does not read itself.
#[wasm_bindgen]
pub fn foreign(text: &str) -> bool {
    crate::model::validate::needs_converter(text)
}

/// Mounts a widget into `host` with `options`. Errors only when the element cannot take
/// a shadow root.
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, options: &JsValue) -> Result<EmbeddedTimeline, JsValue> {
    start(host, options, false, None)
}

/// The loader's mount: as [`mount`], with the element's data attributes under `options`;
/// `stylesheet` is the URL of `timeline.css` beside the loader, linked (with `integrity`,
/// its SRI hash) where the browser has no constructable stylesheets.
#[wasm_bindgen]
pub fn embed(
    host: web_sys::Element,
    options: &JsValue,
    stylesheet: Option<String>,
    integrity: Option<String>,
) -> Result<EmbeddedTimeline, JsValue> {
    let link = stylesheet
        .as_deref()
        .map(|href| (href, integrity.as_deref()));
    start(host, options, true, link)
}

fn start(
    host: web_sys::Element,
    options: &JsValue,
    read_attributes: bool,
    stylesheet: Option<(&str, Option<&str>)>,
) -> Result<EmbeddedTimeline, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    // Cleared with replaceChildren, never an HTML string (Trusted Types).
    shadow.replace_children_with_node_0();
    let document = host
        .owner_document()
        .ok_or("the element is not in a document")?;
    style(&shadow, &document, stylesheet)?;
    let container = document.create_element("div")?;
    container.set_class_name("tl-host");
    shadow.append_child(&container)?;
    #[cfg(feature = "trap")]
    trap::arm(&host);
    let key = link_key(&host, &document);
    // The box's width as the page lays it out now, for the first render's layout.
    let width = Some(f64::from(host.client_width())).filter(|w| *w > 0.0);
    let attributes = read_attributes.then_some(host);
    let mut props = props(options, attributes.as_ref(), &key);
    props.options.width = width;
    let app = yew::Renderer::<crate::ui::Timeline>::with_root_and_props(container, props).render();
    Ok(EmbeddedTimeline {
        app: Some(app),
        shadow,
        attributes,
        key,
    })
}

/// The key of the widget on `host` in links into the article, by the rule of
/// [`crate::model::link`]: its id, else its place among the page's `[data-timeline]`
/// elements without one, as the page is now.
fn link_key(host: &web_sys::Element, document: &web_sys::Document) -> yew::AttrValue {
    let named = |el: &web_sys::Element| el.get_attribute("id").is_some_and(|id| !id.is_empty());
    let unnamed = if named(host) || !host.has_attribute("data-timeline") {
        None
    } else {
        document
            .query_selector_all("[data-timeline]")
            .ok()
            .and_then(|list| {
                let mut elements = (0..list.length())
                    .filter_map(|i| list.get(i)?.dyn_into::<web_sys::Element>().ok())
                    .filter(|el| !named(el));
                elements.position(|el| el.is_same_node(Some(host)))
            })
    };
    let id = host.get_attribute("id");
    crate::model::link::widget_key(id.as_deref(), unnamed).into()
}

/// An option from the JavaScript object (absent, `undefined` and `null` are not given).
fn from_object(options: &JsValue, name: &str) -> Option<Raw> {
    let value = js_sys::Reflect::get(options, &JsValue::from_str(name)).ok()?;
    if value.is_undefined() || value.is_null() {
        None
    } else if let Some(text) = value.as_string() {
        Some(Raw::Text(text))
    } else if let Some(on) = value.as_bool() {
        Some(Raw::Bool(on))
    } else if let Some(n) = value.as_f64() {
        Some(Raw::Number(n))
    } else if js_sys::Array::is_array(&value) {
        let list = js_sys::Array::from(&value);
        Some(Raw::List(
            list.iter().filter_map(|v| v.as_string()).collect(),
        ))
    } else {
        Some(Raw::Other)
    }
}

/// The widget's properties: each option from `options`, else from the element's data
/// attribute (as it is now).
fn props(
    options: &JsValue,
    attributes: Option<&web_sys::Element>,
    key: &yew::AttrValue,
) -> crate::ui::TimelineProps {
    let given = Given::read(|spec| {
        from_object(options, spec.name).or_else(|| {
            let name = spec.attribute?;
            attributes?.get_attribute(name).map(Raw::Text)
        })
    });
    // The language given, else the article's, else the reader's browser's.
    let mut props = options::props(&given, || crate::ui::readers_language(true));
    props.options.link_key = Some(key.clone());
    props.options.texts = texts(options);
    props
}

/// The other languages of the default data: the loader's `texts(code)`, a promise of
/// `{ data }` (that language's `events.<code>.json`) or `{ error }`, as a callback that
/// answers once.
fn texts(options: &JsValue) -> Option<crate::ui::TextsSource> {
    let function: js_sys::Function = js_sys::Reflect::get(options, &JsValue::from_str("texts"))
        .ok()?
        .dyn_into()
        .ok()?;
    Some(yew::Callback::from(
        move |(code, answer): (&'static str, yew::Callback<Result<String, String>>)| {
            let promise = function
                .call1(&JsValue::NULL, &JsValue::from_str(code))
                .ok()
                .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(promise) = promise else {
                    return answer.emit(Err("the loader gave no texts".to_owned()));
                };
                let got = wasm_bindgen_futures::JsFuture::from(promise).await;
                let field = |name: &str| {
                    got.as_ref()
                        .ok()
                        .and_then(|v| js_sys::Reflect::get(v, &JsValue::from_str(name)).ok())
                        .and_then(|v| v.as_string())
                };
                answer.emit(match (field("data"), field("error")) {
                    (Some(data), _) => Ok(data),
                    (None, Some(error)) => Err(error),
                    (None, None) => Err("the loader gave no texts".to_owned()),
                });
            });
        },
    ))
}

/// A deliberate panic for the browser tests of the loader's recovery (`make dist` builds
/// this into `dist/test-trap/` only; readers never get it). With `panic = "abort"` a
/// panic is a WebAssembly trap, as any bug would be.
#[cfg(feature = "trap")]
mod trap {
    use wasm_bindgen::prelude::*;

    /// A `timeline-trap` event on the element panics in its handler; a
    /// `timeline-trap-later` event panics in a promise callback.
    pub fn arm(host: &web_sys::Element) {
        let now =
            Closure::<dyn Fn(JsValue)>::new(|_| panic!("a deliberate trap (the trap feature)"));
        let later = Closure::<dyn Fn(JsValue)>::new(|_| {
            let trap = Closure::<dyn FnMut(JsValue)>::new(|_| {
                panic!("a deliberate trap in a promise (the trap feature)")
            });
            let _ = js_sys::Promise::resolve(&JsValue::NULL).then(&trap);
            trap.forget();
        });
        for (name, handler) in [("timeline-trap", now), ("timeline-trap-later", later)] {
            let _ = host.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
            handler.forget();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CSS;

    /// In a shadow root `rem` is the host page's root font size: the embed's stylesheet
    /// has none left (`build.rs` makes them pixels), and the conversion keeps the values.
    #[test]
    fn the_embedded_stylesheet_has_pixels_for_rem() {
        let bytes = CSS.as_bytes();
        let rem = CSS.match_indices("rem").find(|&(i, _)| {
            i > 0
                && bytes
                    .get(i - 1)
                    .is_some_and(|b| b.is_ascii_digit() || *b == b'.')
        });
        assert_eq!(rem.map(|(i, _)| &CSS[i.saturating_sub(20)..i + 3]), None);
        for (rule, expected) in [
            (".tl-title{", "font-size:25.6px"),
            (".tl-search{", "flex:1 1 224px"),
            (".tl-root{", "max-width:1280px"),
            ("@media (max-width:", "640px)"),
        ] {
            let start = CSS
                .find(rule)
                .unwrap_or_else(|| panic!("{rule} is not in the CSS"));
            let block = &CSS[start..];
            let block = &block[..block.find('}').unwrap_or(block.len())];
            assert!(block.contains(expected), "{rule}: {block}");
        }
    }
}
