//! The widget's effects on the world outside its markup: new props, the page's language,
//! the stage's width, the URL, and focus. Each is a hook; the browser is touched only
//! inside their effects, so the widget still renders under SSR (where effects never run).
//!
//! The only window-level listeners are `popstate` and `hashchange` (with `sync_url`, the
//! standalone page or an embed with `data-hash-bookmark`, for Back and Forward; in an
//! embed, `hashchange` for links into the article), and `beforeprint`/`afterprint`.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::dom::{focus_in, focus_lost};
use super::metrics::rows_in;
use super::options::{Options, TextsSource, Theme};
use super::state::{Action, State, DEFAULT_WIDTH_PX};
use crate::locale::Locale;
use crate::model::format::Document;
use crate::model::link::event_in_fragment;
use crate::model::validate::validate;

/// Runs `effect` whenever `deps` change, but not on the first render: for what the
/// first render already did from the same values.
#[hook]
pub fn use_effect_on_change<T, F>(deps: T, effect: F)
where
    T: PartialEq + 'static,
    F: FnOnce(&T) + 'static,
{
    let started = use_mut_ref(|| false);
    use_effect_with(deps, move |deps| {
        if std::mem::replace(&mut *started.borrow_mut(), true) {
            effect(deps);
        }
    });
}

/// New data or start options (the embed's `update`) rebuild the state; the theme is read
/// from the props directly, so changing it keeps the view. A new language keeps
/// everything, as the reader's own switch does.
#[hook]
pub fn use_new_props(
    dispatcher: UseReducerDispatcher<State>,
    document: Rc<Document>,
    options: &Options,
    locale: &'static Locale,
) {
    let options = Options {
        theme: Theme::Auto,
        width: None,
        ..options.clone()
    };
    let rebuild = dispatcher.clone();
    use_effect_on_change((document, options), move |(doc, options)| {
        let fresh = State::with_options(doc.clone(), locale, DEFAULT_WIDTH_PX, options);
        rebuild.dispatch(Action::Reconfigure(Rc::new(fresh)));
    });
    use_effect_on_change(locale, move |&locale| {
        dispatcher.dispatch(Action::SetLocale(locale));
    });
}

/// Data that came in one language (`Document::lang`) with a way to have the others
/// (`Options::texts`): whenever the widget is in a language the data has not had yet,
/// that language's texts are asked for, once, and join the data when they arrive. Until
/// then the texts show in the language there is (the usual fallback). A language that
/// cannot be had is said in the console; the widget goes on with the texts it has.
#[hook]
pub fn use_other_languages(
    texts: Option<TextsSource>,
    document: Rc<Document>,
    locale: &'static Locale,
    onaction: Callback<Action>,
) {
    let asked = use_mut_ref(Vec::<&'static str>::new);
    use_effect_with(locale.code, move |&code| {
        let Some(texts) = texts else {
            return;
        };
        let had = document.lang.as_deref() == Some(code);
        if had || asked.borrow().contains(&code) {
            return;
        }
        asked.borrow_mut().push(code);
        texts.emit((
            code,
            Callback::from(move |answer: Result<String, String>| {
                let validated = answer.map(|json| validate(&json));
                match validated.map(|v| v.document) {
                    Ok(Some(doc)) => onaction.emit(Action::AddTexts(Rc::new(doc))),
                    Ok(None) => web_sys::console::warn_1(
                        &format!("[timeline] the {code} texts are not a timeline").into(),
                    ),
                    Err(why) => web_sys::console::warn_1(
                        &format!("[timeline] the {code} texts could not be had: {why}").into(),
                    ),
                }
            }),
        ));
    });
}

/// On a page of our own: the page's `lang` and `dir` follow the reader's language, so
/// the browser and assistive technology treat the whole page in it.
#[hook]
pub fn use_page_language(enabled: bool, locale: &'static Locale) {
    use_effect_with((enabled, locale), |&(enabled, locale)| {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .filter(|_| enabled);
        if let Some(root) = root {
            let _ = root.set_attribute("lang", locale.code);
            let _ = root.set_attribute("dir", locale.dir.as_str());
        }
    });
}

/// Tells the reducer the stage's width whenever it changes, and, in a box of fixed
/// height (an embed: its host sets `--tl-height`), the rows the stage's height holds (the
/// stylesheet gives the stage the height the rest leaves). ResizeObserver has no gloo
/// wrapper: the observer is disconnected and its closure freed when the stage goes.
/// `vertical` says which element holds the ref (the stage or the vertical timeline's
/// scroll box): when it changes, the new one is observed.
#[hook]
pub fn use_resize(stage: NodeRef, vertical: bool, onaction: Callback<Action>) {
    use_effect_with((stage, vertical), move |(stage, vertical)| {
        let element = stage.cast::<web_sys::Element>();
        let boxed = !*vertical && element.as_ref().is_some_and(in_fixed_box);
        let measure = {
            let element = element.clone();
            move || {
                if let Some(el) = &element {
                    let width = f64::from(el.client_width());
                    // A hidden stage (the list view) measures 0: keep the last width.
                    if width > 0.0 {
                        onaction.emit(Action::Resize(width));
                        if boxed {
                            onaction.emit(Action::Rows(rows_in(f64::from(el.client_height()))));
                        }
                    }
                }
            }
        };
        measure();
        let callback = Closure::<dyn FnMut()>::new(measure);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(el)) = (&observer, &element) {
            observer.observe(el);
        }
        move || {
            if let Some(observer) = observer {
                observer.disconnect();
            }
            drop(callback);
        }
    });
}

/// Whether `el` is in an embed's box of fixed height: its host sets `--tl-height` (the
/// loader, from `data-height`), which every element inside inherits. (The standalone page
/// sets it for the vertical timeline alone; its stage grows with its events.)
fn in_fixed_box(el: &web_sys::Element) -> bool {
    if !el.closest(".tl-host").is_ok_and(|host| host.is_some()) {
        return false;
    }
    web_sys::window()
        .and_then(|w| w.get_computed_style(el).ok().flatten())
        .and_then(|style| style.get_property_value("--tl-height").ok())
        .is_some_and(|height| !height.trim().is_empty())
}

/// The event named in the URL (`#event=<id>`, or TimelineJS3's `#event-<id>`), if any.
fn event_in_hash() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    event_in(&hash).map(str::to_owned)
}

/// The event id in a URL's hash: ours (`#event=<id>`) or TimelineJS3's `hash_bookmark`
/// (`#event-<id>`), so its readers' old links still open their event.
pub fn event_in(hash: &str) -> Option<&str> {
    let id = hash
        .strip_prefix("#event=")
        .or_else(|| hash.strip_prefix("#event-"))?;
    (!id.is_empty()).then_some(id)
}

/// A new history entry for the page with `#event=<id>`, or with no hash at all when
/// nothing is selected (closing the details leaves no "#" behind).
fn push_event_url(selected: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let mut url = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    if let Some(id) = selected {
        url = url + "#event=" + id;
    }
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// On the standalone page: opens the event in the URL at start, follows Back and
/// Forward (`hashchange`), and writes the selection into the URL as a new history entry.
#[hook]
pub fn use_url_sync(enabled: bool, selected: Option<String>, onaction: Callback<Action>) {
    use_effect_with(enabled, move |&enabled| {
        let window = web_sys::window().filter(|_| enabled);
        // Dropped when the widget goes (or `enabled` changes): that removes them.
        let listeners: Vec<EventListener> = match &window {
            None => Vec::new(),
            Some(window) => {
                // A fragment that is neither ours nor none (an article's anchor, a link
                // to an embed's event: `use_fragment_link`) leaves the selection alone.
                let follow = move || {
                    let hash = web_sys::window().and_then(|w| w.location().hash().ok());
                    let hash = hash.unwrap_or_default();
                    let named = event_in(&hash);
                    if named.is_some() || hash.len() <= 1 {
                        onaction.emit(Action::Select(named.map(|id| id.to_owned().into())));
                    }
                };
                if event_in_hash().is_some() {
                    follow();
                }
                // Our own writes use pushState, which fires neither event, so these are
                // only Back, Forward and a hash typed into the address bar.
                let follow = Rc::new(follow);
                ["popstate", "hashchange"]
                    .into_iter()
                    .map(|kind| {
                        let follow = follow.clone();
                        EventListener::new(window, kind, move |_| follow())
                    })
                    .collect()
            }
        };
        move || drop(listeners)
    });
    // At start the URL is the authority (the effect above reads it), so writing waits
    // for the first change of selection.
    use_effect_on_change((enabled, selected), |(enabled, selected)| {
        if *enabled && event_in_hash() != *selected {
            push_event_url(selected.as_deref());
        }
    });
}

/// In an embed (`key`, from `model::link`): opens the event that the page's fragment
/// names for this widget (`#<key>/<id>`) and scrolls the widget (`root`) into view, at
/// start and on every `hashchange` that names it. Reads the address, never writes it.
#[hook]
pub fn use_fragment_link(key: Option<AttrValue>, root: NodeRef, onaction: Callback<Action>) {
    use_effect_with(key, move |key| {
        let listener = key.clone().zip(web_sys::window()).map(|(key, window)| {
            let follow = move || {
                let hash = web_sys::window().and_then(|w| w.location().hash().ok());
                let Some(id) = hash.and_then(|h| event_in_fragment(&h, &key)) else {
                    return;
                };
                onaction.emit(Action::Select(Some(id.into())));
                if let Some(root) = root.cast::<web_sys::Element>() {
                    root.scroll_into_view();
                }
            };
            follow();
            EventListener::new(&window, "hashchange", move |_| follow())
        });
        move || drop(listener)
    });
}

/// Whether the page is being printed (`matchMedia('print')`, which print emulation
/// changes too, or between `beforeprint` and `afterprint`): the print list is rendered
/// only then, so a large dataset pays nothing for it otherwise.
#[hook]
pub fn use_printing() -> bool {
    let printing = use_state_eq(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let mut listeners = Vec::new();
            if let Some(window) = web_sys::window() {
                let query = window.match_media("print").ok().flatten();
                if let Some(query) = &query {
                    printing.set(query.matches());
                    let (printing, query2) = (printing.clone(), query.clone());
                    listeners.push(EventListener::new(query, "change", move |_| {
                        printing.set(query2.matches());
                    }));
                }
                // After printing, whatever the media says (print emulation may still hold).
                for (kind, on) in [("beforeprint", true), ("afterprint", false)] {
                    let (printing, query) = (printing.clone(), query.clone());
                    listeners.push(EventListener::new(&window, kind, move |_| {
                        printing.set(on || query.as_ref().is_some_and(|q| q.matches()));
                    }));
                }
            }
            move || drop(listeners)
        });
    }
    *printing
}

/// When the reader moves the selection with a key while on the stage (`follow` is set),
/// focus follows to the newly selected event (the old one may have left the DOM as the
/// view moved). When the details close and take focus with them, it goes back to the
/// stage's tab stop, so the keys still work.
#[hook]
pub fn use_focus_follows_selection(
    stage: NodeRef,
    selected: Option<String>,
    follow: Rc<RefCell<bool>>,
) {
    let had_selection = use_mut_ref(|| false);
    use_effect_with(selected, move |selected| {
        let stage = stage.cast::<web_sys::Element>();
        let had = std::mem::replace(&mut *had_selection.borrow_mut(), selected.is_some());
        match (&stage, selected) {
            (Some(stage), None) if had && focus_lost() => focus_in(stage, "[tabindex=\"0\"]"),
            (Some(stage), Some(id)) if std::mem::take(&mut *follow.borrow_mut()) => {
                focus_in(stage, &format!("[data-event-id=\"{id}\"]"));
            }
            _ => {}
        }
    });
}

#[cfg(test)]
mod tests {
    use super::event_in;

    #[test]
    fn the_hash_names_an_event_in_ours_or_timelinejs3s_form() {
        let cases: &[(&str, Option<&str>)] = &[
            ("#event=ps752-downed-2020", Some("ps752-downed-2020")),
            ("#event-ps752-downed-2020", Some("ps752-downed-2020")),
            ("#event-a=b", Some("a=b")),
            ("#event=", None),
            ("#event-", None),
            ("", None),
            ("#", None),
            ("#events", None),
            ("#top", None),
            ("event=x", None),
        ];
        for (hash, expected) in cases {
            assert_eq!(event_in(hash), *expected, "{hash}");
        }
    }
}
