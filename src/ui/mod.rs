//! The Yew components. Browser APIs are used only in effects and event handlers (and in
//! [`start_page`]), so every component also renders natively under SSR in `cargo test`.
//! Event text is always rendered as text, never as HTML: the safe subset of markup that
//! TimelineJS3 data may carry is parsed in the model and built as elements (`rich.rs`).

mod details;
mod dom;
mod downloads;
mod event_list;
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
mod fallback;
mod gestures;
mod header;
mod hooks;
mod inline;
mod keys;
mod media;
mod metrics;
mod options;
mod overview;
mod problems;
mod rich;
mod share;
mod stage;
pub mod state;
mod text;
mod toolbar;
mod vertical;
mod widget;

pub use dom::download;
pub use event_list::{EventList, EventListProps};
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub use fallback::fallback_html;
pub use options::{Layout, Options, StartAt, TextsSource, Theme, TimelineProps};
pub use widget::Timeline;

/// The reader's language when the page or the embed names none: the page's `lang`
/// (when `page_lang` is set), then the browser's languages, then English. A tag.
pub fn readers_language(page_lang: bool) -> String {
    let window = web_sys::window();
    let page = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .filter(|_| page_lang);
    let browser: Vec<String> = window
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default();
    let tags = page.iter().chain(browser.iter()).map(String::as_str);
    crate::locale::negotiate(tags).code.to_owned()
}

/// Mounts the standalone page on the bundled data into `<main id="timeline">` (or the
/// body): the entry that `trunk serve` runs. The selected event is kept in the URL.
/// The language is `?lang=` or the browser's; `?synthetic=N` shows N generated events
/// instead of the bundled ones (for benchmarks); `?layout=vertical` or `horizontal`
/// forces which way time runs.
pub fn start_page() {
    let window = web_sys::window();
    let query = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let param = |name: &str| {
        query
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
    };
    let synthetic = param("synthetic").and_then(|n| n.parse::<usize>().ok());
    let mut props = match synthetic {
        Some(n) => TimelineProps::from_validated(crate::model::validate::Validated {
            document: Some(crate::model::synthetic::synthetic(n.min(1_000_000), 1)),
            problems: Vec::new(),
        }),
        None => TimelineProps::from_validated(crate::data::bundled()),
    };
    props.options.sync_url = true;
    props.options.layout = param("layout").and_then(Layout::parse).unwrap_or_default();
    // Our own page's `lang` is only our default: the reader's browser decides.
    props.lang = match param("lang") {
        Some(tag) if crate::locale::find(tag).is_some() => tag.to_owned(),
        _ => readers_language(false),
    }
    .into();
    let root = window.and_then(|w| w.document()).and_then(|d| {
        d.get_element_by_id("timeline")
            .or_else(|| d.body().map(Into::into))
    });
    let renderer = match root {
        Some(root) => yew::Renderer::<Timeline>::with_root_and_props(root, props),
        None => yew::Renderer::<Timeline>::with_props(props),
    };
    renderer.render();
}
