//! Markup shared by the list, the details panel and the timeline: an event's date,
//! its sources, and the `lang` attribute for text shown in another language.

use yew::prelude::*;

use crate::model::format::Event;

/// `lang` for text in `text_lang` shown to a reader of `reader_lang`: set only when they
/// differ, so screen readers switch voice for the fallback text only.
pub fn lang_attr(text_lang: Option<&str>, reader_lang: &str) -> Option<AttrValue> {
    text_lang
        .filter(|l| *l != reader_lang)
        .map(|l| AttrValue::from(l.to_owned()))
}

/// The event's date as a `<time>`, written at its precision.
pub fn event_date(event: &Event) -> Html {
    html! { <time datetime={event.date.to_string()}>{ event.date_label_en() }</time> }
}

/// The event's sources as links that open in a new tab without giving it access to us.
pub fn sources(event: &Event, lang: &str) -> Html {
    html! {
        <>
            <p class="tl-sources-label">{ if event.sources.len() == 1 { "Source" } else { "Sources" } }</p>
            <ul class="tl-sources">
                { for event.sources.iter().map(|s| html! {
                    <li>
                        <a href={s.url.clone()} target="_blank" rel="noopener noreferrer">{ s.title.get(lang) }</a>
                        { ", " }{ &s.publisher }
                        if let Some(d) = s.date {
                            { ", " }<time datetime={d.to_string()}>{ d.format_en() }</time>
                        }
                    </li>
                }) }
            </ul>
        </>
    }
}
