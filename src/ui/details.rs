//! The details of the selected event: its date at its precision, title, category,
//! summary, sources and media, with Previous and Next and a link to share. A side panel on wide screens, a bottom
//! sheet on narrow ones (CSS).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::inline::{use_styles, Styles};
use super::media::media_figure;
use super::state::Action;
use super::text::{button, category_color, event_body, event_meta};
use crate::locale::Locale;
use crate::model::format::Document;

/// The panel's category colour, written through the CSSOM after each render of the
/// component that calls this (see `inline`); for [`details`].
#[hook]
pub fn use_details_color() -> Rc<RefCell<Styles>> {
    use_styles(&[&["--tl-cat"]])
}

/// The panel of event `index`, coloured through `color` (from [`use_details_color`]),
/// with `share` (its Copy link) under Previous and Next.
/// A function, not a component: a component type of its own costs WASM, and as a
/// function it is only re-diffed with the widget while it is open.
pub fn details(
    doc: &Document,
    index: u32,
    locale: &Locale,
    (has_previous, has_next): (bool, bool),
    onaction: &Callback<Action>,
    color: &RefCell<Styles>,
    share: Html,
) -> Html {
    let Some(event) = doc.events.get(index as usize) else {
        return Html::default();
    };
    let node = {
        let mut color = color.borrow_mut();
        color.begin();
        let value = category_color(doc, event).to_owned();
        color.slot(0, u64::from(index), [value, String::new(), String::new()])
    };
    let act = |action: Action| onaction.reform(move |_: MouseEvent| action.clone());
    html! {
        <aside class="tl-details" aria-labelledby="tl-details-title" data-event-id={event.id.clone()}
            ref={node}>
            <div class="tl-details-head">
                { event_meta(doc, event, locale) }
                { button("tl-button tl-close", "×", Some(locale.close_details), None, None, false,
                    act(Action::Select(None))) }
            </div>
            { event_body(event, locale, Some("tl-details-title")) }
            if let Some(media) = &event.media {
                { media_figure(media, locale, event.title.get(locale.code)) }
            }
            <div class="tl-details-nav">
                { button("tl-button", locale.previous, None, None, None, !has_previous,
                    act(Action::Step(-1))) }
                { button("tl-button", locale.next, None, None, None, !has_next,
                    act(Action::Step(1))) }
            </div>
            { share }
        </aside>
    }
}
