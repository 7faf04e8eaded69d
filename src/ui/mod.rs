//! The Yew components. Browser APIs are used only in effects and event handlers (and in
//! [`start_page`]), so every component also renders natively under SSR in `cargo test`.
//! Event text is always rendered as text, never as HTML.

mod details;
mod event_list;
mod overview;
mod stage;
pub mod state;
mod text;
mod toolbar;
mod widget;

pub use event_list::{EventList, EventListProps};
pub use widget::{Options, Theme, Timeline, TimelineProps};

/// Mounts the standalone page on the bundled data into `<main id="timeline">` (or the
/// body): the entry that `trunk serve` runs. The selected event is kept in the URL.
/// `?synthetic=N` shows N generated events instead (for benchmarks).
pub fn start_page() {
    let window = web_sys::window();
    let synthetic = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .and_then(|q| {
            q.strip_prefix("?synthetic=")
                .and_then(|n| n.parse::<usize>().ok())
        });
    let mut props = match synthetic {
        Some(n) => TimelineProps::from_validated(crate::model::validate::Validated {
            document: Some(crate::model::synthetic::synthetic(n.min(1_000_000), 1)),
            problems: Vec::new(),
        }),
        None => TimelineProps::from_validated(crate::data::bundled()),
    };
    props.options.sync_url = true;
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
