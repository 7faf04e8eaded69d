//! The details of the selected event: its date at its precision, title, category,
//! summary and sources, with Previous and Next. A side panel on wide screens, a bottom
//! sheet on narrow ones (CSS).

use std::rc::Rc;

use yew::prelude::*;

use super::state::Action;
use super::text::{button, category_color, event_body, event_meta};
use crate::locale::Locale;
use crate::model::format::Document;

#[derive(Properties, PartialEq, Clone)]
pub struct DetailsProps {
    pub document: Rc<Document>,
    pub event: u32,
    pub locale: &'static Locale,
    pub has_previous: bool,
    pub has_next: bool,
    pub onaction: Callback<Action>,
}

#[component]
pub fn Details(props: &DetailsProps) -> Html {
    let Some(event) = props.document.events.get(props.event as usize) else {
        return Html::default();
    };
    let locale = props.locale;
    let color = category_color(&props.document, event);
    let act = |action: Action| props.onaction.reform(move |_: MouseEvent| action.clone());
    html! {
        <aside class="tl-details" aria-labelledby="tl-details-title" data-event-id={event.id.clone()}
            style={format!("--tl-cat: {color}")}>
            <div class="tl-details-head">
                { event_meta(&props.document, event, locale) }
                { button("tl-button tl-close", "×", Some(locale.close_details), None, None, false,
                    act(Action::Select(None))) }
            </div>
            { event_body(event, locale, "tl-details-title", Some("tl-details-title")) }
            <div class="tl-details-nav">
                { button("tl-button", locale.previous, None, None, None, !props.has_previous,
                    act(Action::Step(-1))) }
                { button("tl-button", locale.next, None, None, None, !props.has_next,
                    act(Action::Step(1))) }
            </div>
        </aside>
    }
}
