//! The whole widget: header, problems in the data, toolbar, the timeline (or the list),
//! the overview strip and the details of the selected event. It owns the one reducer.
//!
//! Keys act only while focus is inside the widget: the listener is on the widget's root
//! element, never on `document` or `window`. The only window-level listeners are
//! `popstate` and `hashchange`, and only on the standalone page (`sync_url`), for Back
//! and Forward.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::details::details;
use super::event_list::EventList;
use super::overview::Overview;
use super::stage::Stage;
use super::state::{Action, State, ViewMode};
use super::text::{fill_html, lang_attr};
use super::toolbar::Toolbar;
use crate::locale::{self, Dir, Locale, EN, LOCALES};
use crate::model::date::Date;
use crate::model::format::{Document, DEFAULT_LANG};
use crate::model::validate::{Problem, Severity, Validated};

/// The width assumed before the element is measured (and under SSR).
pub const DEFAULT_WIDTH_PX: f64 = 960.0;
/// The list view shows this many events, then a "Show more" button.
pub const LIST_PAGE: usize = 200;

#[derive(Properties, PartialEq, Clone)]
pub struct TimelineProps {
    /// `None` when the data could not be read at all.
    pub document: Option<Rc<Document>>,
    pub problems: Rc<[Problem]>,
    /// The reader's language (a BCP 47 tag: `fr`, `fr-CA`); English when we do not have
    /// it. The reader can switch language in the widget.
    #[prop_or(AttrValue::Static(DEFAULT_LANG))]
    pub lang: AttrValue,
    #[prop_or_default]
    pub options: Options,
    /// Why the data could not be had at all (a failed download), shown instead.
    #[prop_or_default]
    pub load_error: Option<AttrValue>,
}

/// How the widget starts and behaves, beyond its data: the standalone page's and the
/// embed's settings (`data-*` attributes in the embed).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// Keep the selected event in the page's URL (`#event=<id>`): the standalone page.
    pub sync_url: bool,
    /// A guest in someone else's page: the plain wheel scrolls the page, and zooming
    /// takes Ctrl/⌘ + wheel or a pinch.
    pub embedded: bool,
    /// The event selected at start.
    pub initial_event: Option<AttrValue>,
    /// The window shown at start, instead of everything.
    pub initial_window: Option<(Date, Date)>,
    /// The categories shown at start (ids); `None` shows all.
    pub categories: Option<Vec<String>>,
    pub theme: Theme,
}

/// The colour scheme: the system's, or forced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The root's `data-theme`: none follows the system.
    fn name(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

impl TimelineProps {
    pub fn from_validated(validated: Validated) -> TimelineProps {
        TimelineProps {
            document: validated.document.map(Rc::new),
            problems: validated.problems.into(),
            lang: AttrValue::Static(DEFAULT_LANG),
            options: Options::default(),
            load_error: None,
        }
    }
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let locale = locale::find(&props.lang).unwrap_or(&EN);
    match &props.document {
        Some(doc) => html! {
            <Widget document={doc.clone()} problems={props.problems.clone()} {locale}
                options={props.options.clone()} />
        },
        None => html! {
            <div class="tl-root" data-theme={props.options.theme.name()} lang={locale.code}
                dir={locale.dir.as_str()}>
                <header class="tl-header"><h1 class="tl-title">{ locale.timeline }</h1></header>
                <Problems problems={props.problems.clone()} load_error={props.load_error.clone()} {locale} />
            </div>
        },
    }
}

#[derive(Properties, PartialEq, Clone)]
struct ProblemsProps {
    problems: Rc<[Problem]>,
    locale: &'static Locale,
    /// Why the data could not be had at all: shown alone, as an error.
    #[prop_or_default]
    load_error: Option<AttrValue>,
}

/// Every problem found in the data, with its path, line and column, or why there is no
/// data at all.
#[component]
fn Problems(props: &ProblemsProps) -> Html {
    let lines: Vec<(bool, String)> = match &props.load_error {
        Some(error) => vec![(true, error.to_string())],
        None => props
            .problems
            .iter()
            .map(|p| (p.severity == Severity::Error, p.to_string()))
            .collect(),
    };
    if lines.is_empty() {
        return Html::default();
    }
    let locale = props.locale;
    let heading = if props.load_error.is_some() {
        locale.load_failed
    } else if lines.iter().any(|(error, _)| *error) {
        locale.data_errors
    } else {
        locale.data_warnings
    };
    // The problems themselves are for the data's editors, and in English: their paths
    // and messages are what docs/data-format.md explains.
    html! {
        <section class="tl-problems" role="alert" aria-label={locale.problems}>
            <p>{ heading }</p>
            <ul lang={(locale.code != DEFAULT_LANG).then_some(DEFAULT_LANG)} dir="ltr">
                { for lines.into_iter().map(|(error, text)| html! {
                    <li class="tl-problem" data-severity={if error { "error" } else { "warning" }}>{ text }</li>
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct WidgetProps {
    document: Rc<Document>,
    problems: Rc<[Problem]>,
    locale: &'static Locale,
    options: Options,
}

#[component]
fn Widget(props: &WidgetProps) -> Html {
    let state = {
        let (doc, locale, options) = (props.document.clone(), props.locale, props.options.clone());
        use_reducer(move || State::with_options(doc, locale, DEFAULT_WIDTH_PX, &options))
    };
    // One callback for the widget's life: the children compare it by pointer, so a new
    // one on every render would re-render all of them on every zoom step.
    let onaction = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    let stage_ref = use_node_ref();
    let search_ref = use_node_ref();
    let list_limit = use_state(|| LIST_PAGE);

    // New data or start options (the embed's `update`) rebuild the state; the theme is
    // read from the props directly, so changing it keeps the view. A new language keeps
    // everything, as the reader's own switch does.
    {
        let dispatcher = state.dispatcher();
        let started = use_mut_ref(|| false);
        let options = Options {
            theme: Theme::Auto,
            ..props.options.clone()
        };
        let locale = props.locale;
        use_effect_with((props.document.clone(), options), move |(doc, options)| {
            if std::mem::replace(&mut *started.borrow_mut(), true) {
                dispatcher.dispatch(Action::Reconfigure(Rc::new(State::with_options(
                    doc.clone(),
                    locale,
                    DEFAULT_WIDTH_PX,
                    options,
                ))));
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        let started = use_mut_ref(|| false);
        use_effect_with(props.locale, move |&locale| {
            if std::mem::replace(&mut *started.borrow_mut(), true) {
                dispatcher.dispatch(Action::SetLocale(locale));
            }
        });
    }
    use_page_language(props.options.sync_url, state.locale);

    use_resize(stage_ref.clone(), onaction.clone());
    use_url_sync(
        props.options.sync_url,
        state.selected_event().map(|e| e.id.clone()),
        onaction.clone(),
    );
    // Set by a key that moves the selection while focus is on the stage.
    let focus_follows = use_mut_ref(|| false);
    use_focus_follows_selection(
        stage_ref.clone(),
        state.selected_event().map(|e| e.id.clone()),
        focus_follows.clone(),
    );

    let onkeydown = {
        let (onaction, search_ref, stage_ref) =
            (onaction.clone(), search_ref.clone(), stage_ref.clone());
        let focus_follows = focus_follows.clone();
        let rtl = state.locale.dir == Dir::Rtl;
        Callback::from(move |e: KeyboardEvent| {
            let in_text_field = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some();
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            if in_text_field && e.key() == "Escape" {
                // The search box clears itself on Escape; the details close too.
                onaction.emit(Action::Select(None));
                return;
            }
            // Time runs the way the reader reads: right to left in Persian, where the
            // right arrow goes back in time.
            let back = if rtl { "ArrowRight" } else { "ArrowLeft" };
            let forward = if rtl { "ArrowLeft" } else { "ArrowRight" };
            let action = match (e.key().as_str(), in_text_field) {
                ("Escape", _) => Some(Action::Select(None)),
                (_, true) => None,
                (key, _) if key == back => Some(Action::Step(-1)),
                (key, _) if key == forward => Some(Action::Step(1)),
                ("+" | "=", _) => Some(Action::ZoomIn),
                ("-" | "_", _) => Some(Action::ZoomOut),
                ("0", _) => Some(Action::ShowAll),
                ("Home", _) => Some(Action::First),
                ("End", _) => Some(Action::Last),
                ("/", _) => {
                    if let Some(input) = search_ref.cast::<web_sys::HtmlElement>() {
                        let _ = input.focus();
                    }
                    e.prevent_default();
                    None
                }
                _ => None,
            };
            if let Some(action) = action {
                e.prevent_default();
                let moves_selection =
                    matches!(action, Action::Step(_) | Action::First | Action::Last);
                let on_stage = stage_ref.cast::<web_sys::Node>().is_some_and(|stage| {
                    let target = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                    stage.contains(target.as_ref())
                });
                *focus_follows.borrow_mut() = moves_selection && on_stage;
                onaction.emit(action);
            }
        })
    };

    let doc = &state.doc;
    let locale = state.locale;
    let lang = locale.code;
    let shown: Rc<[bool]> = doc
        .categories
        .iter()
        .map(|c| state.filter.shows_category(&c.id))
        .collect();
    let position = state.selected_position();
    let nothing = state.matching.is_empty();
    let clear = onaction.reform(|_: MouseEvent| Action::ClearFilters);
    let show_more = {
        let list_limit = list_limit.clone();
        Callback::from(move |_: MouseEvent| list_limit.set(*list_limit + LIST_PAGE))
    };
    let announcement = state
        .selected_event()
        .map(|e| format!("{}: {}", locale.event_date(e), e.title.get(lang)))
        .unwrap_or_default();
    let timeline_mode = state.mode == ViewMode::Timeline;
    let (title, title_lang) = doc.title.get_with_lang(lang);

    html! {
        <div class="tl-root" data-theme={props.options.theme.name()} {lang} dir={locale.dir.as_str()}
            {onkeydown}>
            <header class="tl-header">
                <div class="tl-header-top">
                    <h1 class="tl-title" lang={lang_attr(title_lang, lang)}>{ title }</h1>
                    { language_switch(locale, &onaction) }
                </div>
                <p class="tl-updated">
                    { fill_html(locale.last_updated, html! {
                        <time datetime={doc.updated.to_string()}>{ locale.date(&doc.updated) }</time>
                    }) }
                </p>
                if let Some(description) = &doc.description {
                    <p class="tl-description" lang={lang_attr(description.get_with_lang(lang).1, lang)}>
                        { description.get(lang) }
                    </p>
                }
            </header>
            <Problems problems={props.problems.clone()} {locale} />
            <Toolbar document={doc.clone()} counts={state.counts.clone()} {shown} query={state.query.clone()}
                {locale} calendar={state.calendar} mode={state.mode} matching={state.matching.len()}
                total={doc.events.len()} can_zoom_in={state.viewport.can_zoom_in()}
                can_zoom_out={state.viewport.can_zoom_out()} search_ref={search_ref.clone()}
                onaction={onaction.clone()} />
            if nothing {
                <div class="tl-empty" role="status">
                    <p>{ locale.no_match }</p>
                    <button type="button" class="tl-button" onclick={clear}>{ locale.clear_filters }</button>
                </div>
            }
            <div class="tl-timeline" data-animate={state.animate.then_some("")} hidden={!timeline_mode}>
                <Stage document={doc.clone()} ranked={state.ranked.clone()}
                    longest_days={state.longest_days} spans={state.spans.clone()} title_chars={state.title_chars.clone()}
                    viewport={state.viewport}
                    selected={state.selected} {locale} calendar={state.calendar}
                    embedded={props.options.embedded}
                    stage_ref={stage_ref.clone()} onaction={onaction.clone()} />
                <Overview document={doc.clone()} matching={state.matching.clone()}
                    viewport={state.viewport} rtl={locale.dir == Dir::Rtl} onaction={onaction.clone()} />
                <p class="tl-hint">
                    { if props.options.embedded { locale.hint_embed } else { locale.hint_page } }
                </p>
            </div>
            if !timeline_mode {
                <EventList document={doc.clone()}
                    indices={state.matching.iter().take(*list_limit).copied().collect::<Rc<[u32]>>()}
                    {locale} selected={state.selected} />
                if state.matching.len() > *list_limit {
                    <button type="button" class="tl-button tl-more" onclick={show_more}>
                        { locale::fill(locale.show_more, &[
                            &locale.number(*list_limit as u64),
                            &locale.number(state.matching.len() as u64),
                        ]) }
                    </button>
                }
            }
            if let Some(i) = state.selected {
                { details(doc, i, locale, (
                    position.is_some_and(|p| p > 0),
                    position.is_some_and(|p| p + 1 < state.matching.len()),
                ), &onaction) }
            }
            <div class="tl-sr-only" aria-live="polite">{ announcement }</div>
        </div>
    }
}

/// One button per language, each named in its own language. A function, not a
/// component: a component type of its own costs more WASM than re-diffing three buttons.
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

/// On a page of our own: the page's `lang` and `dir` follow the reader's language, so
/// the browser and assistive technology treat the whole page in it.
#[hook]
fn use_page_language(enabled: bool, locale: &'static Locale) {
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

/// Tells the reducer the stage's width whenever it changes (ResizeObserver).
#[hook]
fn use_resize(stage: NodeRef, onaction: Callback<Action>) {
    use_effect_with(stage, move |stage| {
        let element = stage.cast::<web_sys::Element>();
        let measure = {
            let element = element.clone();
            move || {
                if let Some(el) = &element {
                    let width = f64::from(el.client_width());
                    // A hidden stage (the list view) measures 0: keep the last width.
                    if width > 0.0 {
                        onaction.emit(Action::Resize(width));
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

/// The event named in the URL (`#event=<id>`), if any.
fn event_in_hash() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix("#event=")?;
    (!id.is_empty()).then(|| id.to_owned())
}

/// On the standalone page: opens the event in the URL at start, follows Back and
/// Forward (`hashchange`), and writes the selection into the URL as a new history entry.
#[hook]
fn use_url_sync(enabled: bool, selected: Option<String>, onaction: Callback<Action>) {
    {
        let onaction = onaction.clone();
        use_effect_with(enabled, move |&enabled| {
            let mut listener = None;
            let window = web_sys::window().filter(|_| enabled);
            if let Some(window) = &window {
                let follow = move || onaction.emit(Action::Select(event_in_hash().map(Into::into)));
                if event_in_hash().is_some() {
                    follow();
                }
                // Our own writes use pushState, which fires neither event, so these are
                // only Back, Forward and a hash typed into the address bar.
                let callback = Closure::<dyn FnMut()>::new(follow);
                for kind in HISTORY_EVENTS {
                    let _ = window
                        .add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref());
                }
                listener = Some(callback);
            }
            move || {
                if let (Some(window), Some(callback)) = (window, listener) {
                    for kind in HISTORY_EVENTS {
                        let _ = window.remove_event_listener_with_callback(
                            kind,
                            callback.as_ref().unchecked_ref(),
                        );
                    }
                }
            }
        });
    }
    // At start the URL is the authority (the effect above reads it), so writing waits
    // for the first change of selection.
    let started = use_mut_ref(|| false);
    use_effect_with((enabled, selected), move |(enabled, selected)| {
        let first_run = !std::mem::replace(&mut *started.borrow_mut(), true);
        if *enabled && !first_run && event_in_hash() != *selected {
            if let Some(window) = web_sys::window() {
                let location = window.location();
                // Closing the details drops the hash without leaving a "#" behind.
                let url = location.pathname().unwrap_or_default()
                    + &location.search().unwrap_or_default()
                    + &selected
                        .as_ref()
                        .map(|id| format!("#event={id}"))
                        .unwrap_or_default();
                if let Ok(history) = window.history() {
                    let _ =
                        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                }
            }
        }
    });
}

const HISTORY_EVENTS: [&str; 2] = ["popstate", "hashchange"];

/// When the reader moves the selection with a key while on the stage, focus follows to
/// the newly selected event (the old one may have left the DOM as the view moved).
#[hook]
fn use_focus_follows_selection(
    stage: NodeRef,
    selected: Option<String>,
    follow: Rc<std::cell::RefCell<bool>>,
) {
    let had_selection = use_mut_ref(|| false);
    use_effect_with(selected, move |selected| {
        let stage = stage.cast::<web_sys::Element>();
        let closed = std::mem::replace(&mut *had_selection.borrow_mut(), selected.is_some());
        if let (Some(stage), None, true) = (&stage, selected, closed) {
            // Closing the details (× or Escape) removed the focused element: keep focus in
            // the widget, on the stage's tab stop, so its keys still work.
            let document = web_sys::window().and_then(|w| w.document());
            let lost = document.as_ref().is_some_and(|d| {
                d.active_element()
                    .is_none_or(|a| d.body().is_some_and(|b| a == *b.as_ref()))
            });
            if lost {
                focus_in(stage, "[tabindex=\"0\"]");
            }
        }
        if let (Some(stage), Some(id)) = (&stage, selected) {
            if std::mem::take(&mut *follow.borrow_mut()) {
                focus_in(stage, &format!("[data-event-id=\"{id}\"]"));
            }
        }
    });
}

/// Focuses the first element inside `root` that matches `selector`, if any.
fn focus_in(root: &web_sys::Element, selector: &str) {
    let target = root
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}
