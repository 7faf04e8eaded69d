//! The widget's header: the data's title, the language switch, when the data was last
//! updated and its description. Functions, not components: a component type of its own
//! costs more WASM than re-diffing a few elements with the widget.

use yew::prelude::*;

use super::rich;
use super::state::Action;
use super::text::{fill_html, lang_attr};
use crate::locale::{Locale, LOCALES};
use crate::model::format::Document;

/// The header of a widget showing `doc` to a reader of `locale`.
pub fn header(doc: &Document, locale: &'static Locale, onaction: &Callback<Action>) -> Html {
    let lang = locale.code;
    let (title, title_lang) = doc.title.get_with_lang(lang);
    html! {
        <header class="tl-header">
            <div class="tl-header-top">
                if title.trim().is_empty() {
                    <h1 class="tl-title">{ locale.timeline }</h1>
                } else {
                    <h1 class="tl-title" lang={lang_attr(title_lang, lang)}>
                        { rich::inline_text(&doc.title, title) }
                    </h1>
                }
                { language_switch(locale, onaction) }
            </div>
            if let Some(updated) = doc.updated {
                <p class="tl-updated">
                    { fill_html(locale.last_updated, html! {
                        <time datetime={updated.to_string()}>{ locale.date(&updated) }</time>
                    }) }
                </p>
            }
            if let Some(description) = &doc.description {
                { rich::block_text(description, description.get(lang), "tl-description",
                    lang_attr(description.get_with_lang(lang).1, lang)) }
            }
        </header>
    }
}

/// The header when there is no data to show: the widget's name alone.
pub fn bare_header(locale: &Locale) -> Html {
    html! {
        <header class="tl-header"><h1 class="tl-title">{ locale.timeline }</h1></header>
    }
}

/// One button per language, each named in its own language.
fn language_switch(locale: &'static Locale, onaction: &Callback<Action>) -> Html {
    html! {
        <div class="tl-languages" role="group" aria-label={locale.language}>
            { for LOCALES.into_iter().map(|l| html! {
                <button type="button" class="tl-button tl-language" lang={l.code} data-lang={l.code}
                    aria-pressed={(l == locale).to_string()}
                    onclick={onaction.reform(move |_: MouseEvent| Action::SetLocale(l))}>
                    { l.name }
                </button>
            }) }
        </div>
    }
}
