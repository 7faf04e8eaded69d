//! The no-JS fallback an editor pastes inside `<div data-timeline>`: the event list
//! rendered to HTML by Yew's server-side renderer, from the same component the widget's
//! list view uses, under the data's title, in one language. One function for the
//! `timeline fallback` command (natively) and the editor page (its WASM), so the two
//! cannot drift; the widget's own module has no server-side renderer and no copy of it.

use std::rc::Rc;

use yew::LocalServerRenderer;

use crate::locale::Locale;
use crate::model::format::Document;
use crate::ui::{EventList, EventListProps};

/// The fallback HTML of `document`'s events in `locale`'s language (a `section` with the
/// title, or the widget's name when the data has none, and the list).
pub async fn fallback_html(document: Rc<Document>, locale: &'static Locale) -> String {
    let title = document.title.get(locale.code);
    let title = if title.trim().is_empty() {
        locale.timeline.to_owned()
    } else {
        title.to_owned()
    };
    let indices = (0..document.events.len() as u32).collect();
    let props = EventListProps {
        document,
        indices,
        locale,
        selected: None,
    };
    let list = LocalServerRenderer::<EventList>::with_props(props)
        .render()
        .await;
    format!(
        "<section class=\"tl-fallback\" lang=\"{}\" dir=\"{}\"><h2>{}</h2>{list}</section>\n",
        locale.code,
        locale.dir.as_str(),
        escape(&title)
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::LOCALES;

    #[test]
    fn the_fallback_lists_every_event_under_the_title_in_each_language() {
        let document = Rc::new(crate::data::bundled().document.unwrap());
        for locale in LOCALES {
            let html = futures::executor::block_on(fallback_html(document.clone(), locale));
            let head = format!(
                "<section class=\"tl-fallback\" lang=\"{}\" dir=\"{}\"><h2>",
                locale.code,
                locale.dir.as_str()
            );
            assert!(html.starts_with(&head), "{}", &html[..80]);
            assert_eq!(
                html.matches("class=\"tl-list-item\"").count(),
                document.events.len()
            );
            let first = &document.events[0];
            assert!(html.contains(&format!("data-event-id=\"{}\"", first.id)));
            assert!(
                html.contains(&escape(first.title.get(locale.code))),
                "{}",
                locale.code
            );
        }
    }
}
