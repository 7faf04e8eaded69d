//! What the editor asks of the browser: a file's text, a fetch, the clipboard, a
//! download, the caret, the page's language. Called from handlers and effects only, so
//! the editor's components still render under SSR in tests. Nothing here sends anything
//! anywhere: a fetch is the browser's own, of the address the editor is given.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A JavaScript error's message, or its text.
fn message(error: JsValue) -> String {
    js_sys::Reflect::get(&error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// The text of a file the reader chose or dropped.
pub async fn file_text(file: web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(message)?;
    text.as_string().ok_or_else(|| "not text".to_owned())
}

/// The text at `url`, fetched by the browser. `blocked` is the message for a fetch that
/// fails without a reason (the browser hides why: offline, CORS).
pub async fn fetch_text(url: &str, blocked: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| blocked.to_owned())?;
    let response: web_sys::Response = response.dyn_into().map_err(message)?;
    if !response.ok() {
        return Err(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let text = JsFuture::from(response.text().map_err(message)?)
        .await
        .map_err(message)?;
    text.as_string().ok_or_else(|| "not text".to_owned())
}

/// Puts `text` on the clipboard.
pub async fn copy(text: &str) -> Result<(), String> {
    let navigator = web_sys::window().ok_or("no window")?.navigator();
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .map(|_| ())
        .map_err(message)
}

/// Offers `text` as a file named `name` of type `mime` to download.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    crate::ui::download(name, mime, text).map_err(message)
}

/// The height of a line of `element`'s text, in pixels (its computed line-height).
pub fn line_height(element: &web_sys::Element) -> f64 {
    web_sys::window()
        .and_then(|w| w.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value("line-height").ok())
        .and_then(|value| value.trim_end_matches("px").parse::<f64>().ok())
        .unwrap_or(20.0)
}

/// The page's `lang`, `dir` and title, and the address's `?lang=`, for the page's language.
pub fn set_page_language(code: &str, dir: &str, title: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(document) = window.document() {
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", code);
            let _ = root.set_attribute("dir", dir);
        }
        document.set_title(title);
    }
    if let Ok(history) = window.history() {
        let url = format!(
            "?lang={code}{}",
            window.location().hash().unwrap_or_default()
        );
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The `?lang=` of the page's address.
pub fn lang_parameter() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .map(str::to_owned)
}
