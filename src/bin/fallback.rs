//! Prints the static HTML of the bundled event list: the no-JS fallback an editor pastes
//! inside `<div data-timeline>`. Server-side rendered from the same component the widget
//! uses for its list view, so the two cannot drift. The widget hides it when it mounts.
//!
//! `timeline-fallback [LANG]`: in English, or in the language named (`fr`, `fa`).

use std::rc::Rc;

use timeline::locale;
use timeline::ui::{EventList, EventListProps};
use yew::LocalServerRenderer;

fn main() {
    let tag = std::env::args().nth(1).unwrap_or_else(|| "en".to_owned());
    let Some(locale) = locale::find(&tag) else {
        eprintln!(
            "no language {tag:?}: we have {:?}",
            locale::LOCALES.map(|l| l.code)
        );
        std::process::exit(2);
    };
    let validated = timeline::data::bundled();
    let Some(document) = validated.document else {
        eprintln!("the bundled data does not validate");
        std::process::exit(1);
    };
    let title = document.title.get(locale.code).to_owned();
    let indices = (0..document.events.len() as u32).collect();
    let props = EventListProps {
        document: Rc::new(document),
        indices,
        locale,
        selected: None,
    };
    let list =
        futures::executor::block_on(LocalServerRenderer::<EventList>::with_props(props).render());
    println!(
        "<section class=\"tl-fallback\" lang=\"{}\" dir=\"{}\"><h2>{}</h2>{list}</section>",
        locale.code,
        locale.dir.as_str(),
        escape(&title)
    );
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
