//! The few things the components ask of the DOM directly: where a pointer is inside an
//! element, which marked element an event happened in, focus, a class shown for a
//! moment, and a file to download. Called only from event handlers and effects, never while rendering, so the
//! components still render under SSR.

use std::cell::RefCell;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// `client_x` in pixels from the inner (padding) edge of `el` where time starts: the
/// left one, or the right one when time runs right to left. Items are placed from that
/// edge, inside the border.
pub fn x_inside(el: &web_sys::Element, client_x: i32, rtl: bool) -> f64 {
    let inner_left = el.get_bounding_client_rect().left() + f64::from(el.client_left());
    let x = f64::from(client_x) - inner_left;
    if rtl {
        f64::from(el.client_width()) - x
    } else {
        x
    }
}

/// [`x_inside`] the element of `node`; `client_x` itself while it is not mounted.
pub fn x_in(node: &NodeRef, client_x: i32, rtl: bool) -> f64 {
    match node.cast::<web_sys::Element>() {
        Some(el) => x_inside(&el, client_x, rtl),
        None => f64::from(client_x),
    }
}

/// The element matching `selector` that the event's target is, or is inside.
pub fn target_with(e: &Event, selector: &str) -> Option<web_sys::Element> {
    e.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()?
}

/// Whether the event's target is inside the element of `node`.
pub fn target_inside(e: &Event, node: &NodeRef) -> bool {
    node.cast::<web_sys::Node>().is_some_and(|inside| {
        let target = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        inside.contains(target.as_ref())
    })
}

/// Whether the event's target is a text field (`<input>`), whose keys are its own.
pub fn target_is_text_field(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some()
}

/// Focuses the element of `node`, if it is mounted.
pub fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Focuses the first element inside `root` that matches `selector`, if any.
pub fn focus_in(root: &web_sys::Element, selector: &str) {
    let target = root
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// Whether focus is nowhere in particular (on the body, or on nothing): the focused
/// element was just removed.
pub fn focus_lost() -> bool {
    let document = web_sys::window().and_then(|w| w.document());
    document.is_some_and(|d| {
        d.active_element()
            .is_none_or(|a| d.body().is_some_and(|b| a == *b.as_ref()))
    })
}

/// Adds or removes `class` on the element of `node`.
pub fn set_class(node: &NodeRef, class: &str, on: bool) {
    if let Some(el) = node.cast::<web_sys::Element>() {
        let list = el.class_list();
        let _ = if on {
            list.add_1(class)
        } else {
            list.remove_1(class)
        };
    }
}

/// Adds `class` to the element of `node` for `ms` milliseconds after the last call: each
/// call replaces the timer in `timer`, whose drop cancels it (so none outlives the
/// component that holds it).
pub fn show_class_for(
    node: &NodeRef,
    class: &'static str,
    ms: u32,
    timer: &RefCell<Option<Timeout>>,
) {
    let Some(el) = node.cast::<web_sys::Element>() else {
        return;
    };
    let _ = el.class_list().add_1(class);
    let hide = Timeout::new(ms, move || {
        let _ = el.class_list().remove_1(class);
    });
    // The old timer, if any, is cancelled as it is dropped here.
    *timer.borrow_mut() = Some(hide);
}

/// Offers `text` as a file named `name` of type `mime` to download: a Blob behind an
/// object URL, clicked as an `<a download>` that is never put in the document.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has its own copy once it started; the address is freed after.
    Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
