//! Prints the static HTML of the bundled event list: the no-JS fallback an editor pastes
//! inside `<div data-timeline>`. Server-side rendered from the same component the widget
//! uses for its list view, so the two cannot drift. The widget hides it when it mounts.

use std::rc::Rc;

use timeline::ui::{EventList, EventListProps};
use yew::LocalServerRenderer;

fn main() {
    let validated = timeline::data::bundled();
    let Some(document) = validated.document else {
        eprintln!("the bundled data does not validate");
        std::process::exit(1);
    };
    let title = document.title.get("en").to_owned();
    let indices = (0..document.events.len() as u32).collect();
    let props = EventListProps {
        document: Rc::new(document),
        indices,
        lang: "en".into(),
        selected: None,
    };
    let list =
        futures::executor::block_on(LocalServerRenderer::<EventList>::with_props(props).render());
    println!(
        "<section class=\"tl-fallback\" lang=\"en\"><h2>{}</h2>{list}</section>",
        escape(&title)
    );
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
