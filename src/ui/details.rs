//! The details of the selected event: its date at its precision, title, category,
//! summary and sources, with Previous and Next. A side panel on wide screens, a bottom
//! sheet on narrow ones (CSS).

use std::rc::Rc;

use yew::prelude::*;

use super::state::Action;
use super::text::{event_date, lang_attr, sources};
use crate::model::format::Document;

#[derive(Properties, PartialEq, Clone)]
pub struct DetailsProps {
    pub document: Rc<Document>,
    pub event: u32,
    pub lang: AttrValue,
    pub has_previous: bool,
    pub has_next: bool,
    pub onaction: Callback<Action>,
}

#[component]
pub fn Details(props: &DetailsProps) -> Html {
    let Some(event) = props.document.events.get(props.event as usize) else {
        return Html::default();
    };
    let lang = props.lang.as_str();
    let category = props.document.category(&event.category);
    let color = category.map(|c| c.color.as_str()).unwrap_or("currentColor");
    let (title, title_lang) = event.title.get_with_lang(lang);
    let (summary, summary_lang) = event.summary.get_with_lang(lang);
    let act = |action: Action| {
        let onaction = props.onaction.clone();
        Callback::from(move |_: MouseEvent| onaction.emit(action.clone()))
    };
    html! {
        <aside class="tl-details" aria-labelledby="tl-details-title" data-event-id={event.id.clone()}
            style={format!("--tl-cat: {color}")}>
            <div class="tl-details-head">
                <p class="tl-card-meta">
                    { event_date(event) }
                    if let Some(c) = category {
                        <span class="tl-chip">{ c.label.get(lang) }</span>
                    }
                </p>
                <button type="button" class="tl-button tl-close" aria-label="Close details"
                    onclick={act(Action::Select(None))}>{ "×" }</button>
            </div>
            <h2 id="tl-details-title" class="tl-details-title" lang={lang_attr(title_lang, lang)}>{ title }</h2>
            <p class="tl-card-summary" lang={lang_attr(summary_lang, lang)}>{ summary }</p>
            { sources(event, lang) }
            <div class="tl-details-nav">
                <button type="button" class="tl-button" disabled={!props.has_previous}
                    onclick={act(Action::Step(-1))}>{ "Previous" }</button>
                <button type="button" class="tl-button" disabled={!props.has_next}
                    onclick={act(Action::Step(1))}>{ "Next" }</button>
            </div>
        </aside>
    }
}
