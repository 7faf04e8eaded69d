//! The events as a list in date order: every detail of every matching event, readable by
//! anyone, including screen-reader users; the accessible alternative to the timeline.

use std::rc::Rc;

use yew::prelude::*;

use super::inline::use_styles;
use super::media::media_reference;
use super::text::{category_color, event_body, event_meta, importance_attr};
use crate::locale::{self, Locale};
use crate::model::format::{Document, Event};

/// The list view shows this many events, then a "Show more" button.
pub const LIST_PAGE: usize = 200;

#[derive(Properties, PartialEq, Clone)]
pub struct EventListProps {
    pub document: Rc<Document>,
    /// Indices of the events to list, in date order.
    pub indices: Rc<[u32]>,
    pub locale: &'static Locale,
    /// The selected event, highlighted.
    #[prop_or_default]
    pub selected: Option<u32>,
}

#[component]
pub fn EventList(props: &EventListProps) -> Html {
    let doc = &props.document;
    let locale = props.locale;
    // Each card's category colour, written through the CSSOM (see `inline`): so the
    // server-rendered list (the embed's no-JS fallback) has none, and needs no inline
    // style of the host page.
    let colors = use_styles(&[&["--tl-cat"]]);
    let mut colors = colors.borrow_mut();
    colors.begin();
    html! {
        <ol class="tl-list" aria-label={locale.events}>
            { for props.indices.iter().filter_map(|&i| {
                let event = doc.events.get(i as usize)?;
                let color = category_color(doc, event).to_owned();
                let card = colors.slot(0, u64::from(i), [color, String::new(), String::new()]);
                Some(event_item(doc, event, locale, props.selected == Some(i), card))
            }) }
        </ol>
    }
}

fn event_item(
    doc: &Document,
    event: &Event,
    locale: &Locale,
    selected: bool,
    card: NodeRef,
) -> Html {
    html! {
        <li class="tl-list-item"
            key={event.id.clone()} data-event-id={event.id.clone()}
            data-importance={importance_attr(event.importance)}
            aria-current={selected.then_some("true")}>
            <article class="tl-card" ref={card}>
                { event_meta(doc, event, locale) }
                { event_body(event, locale, None) }
                if let Some(media) = &event.media {
                    { media_reference(media, locale) }
                }
            </article>
        </li>
    }
}

/// The list view: the first `limit` of the `matching` events, and a button that shows
/// [`LIST_PAGE`] more while there are more.
pub fn list_view(
    doc: &Rc<Document>,
    matching: &[u32],
    limit: usize,
    locale: &'static Locale,
    selected: Option<u32>,
    show_more: Callback<MouseEvent>,
) -> Html {
    let indices: Rc<[u32]> = matching.iter().take(limit).copied().collect();
    html! {
        <>
            <EventList document={doc.clone()} {indices} {locale} {selected} />
            if matching.len() > limit {
                <button type="button" class="tl-button tl-more" onclick={show_more}>
                    { locale::fill(locale.show_more, &[
                        &locale.number(limit as u64),
                        &locale.number(matching.len() as u64),
                    ]) }
                </button>
            }
        </>
    }
}
