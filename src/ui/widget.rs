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

use super::details::Details;
use super::event_list::EventList;
use super::overview::Overview;
use super::stage::Stage;
use super::state::{Action, State, ViewMode};
use super::toolbar::Toolbar;
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
    fn class(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("tl-theme-light"),
            Theme::Dark => Some("tl-theme-dark"),
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
    match &props.document {
        Some(doc) => html! {
            <Widget document={doc.clone()} problems={props.problems.clone()} lang={props.lang.clone()}
                options={props.options.clone()} />
        },
        None => html! {
            <div class={classes!("tl-root", props.options.theme.class())} lang={props.lang.clone()}>
                <header class="tl-header"><h1 class="tl-title">{ "Timeline" }</h1></header>
                <Problems problems={props.problems.clone()} load_error={props.load_error.clone()} />
            </div>
        },
    }
}

#[derive(Properties, PartialEq, Clone)]
struct ProblemsProps {
    problems: Rc<[Problem]>,
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
    let heading = if props.load_error.is_some() {
        "The timeline's data could not be loaded."
    } else if lines.iter().any(|(error, _)| *error) {
        "The timeline's data has errors; events with errors are not shown."
    } else {
        "The timeline's data has warnings."
    };
    html! {
        <section class="tl-problems" role="alert" aria-label="Problems in the data">
            <p>{ heading }</p>
            <ul>
                { for lines.into_iter().map(|(error, text)| html! {
                    <li class={classes!("tl-problem", error.then_some("tl-problem-error"))}>{ text }</li>
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct WidgetProps {
    document: Rc<Document>,
    problems: Rc<[Problem]>,
    lang: AttrValue,
    options: Options,
}

#[component]
fn Widget(props: &WidgetProps) -> Html {
    let state = {
        let (doc, lang, options) = (
            props.document.clone(),
            props.lang.clone(),
            props.options.clone(),
        );
        use_reducer(move || State::with_options(doc, lang, DEFAULT_WIDTH_PX, &options))
    };
    let onaction = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let stage_ref = use_node_ref();
    let search_ref = use_node_ref();
    let list_limit = use_state(|| LIST_PAGE);

    // New data, language or start options (the embed's `update`) rebuild the state; the
    // theme is read from the props directly, so changing it keeps the view.
    {
        let dispatcher = state.dispatcher();
        let started = use_mut_ref(|| false);
        let options = Options {
            theme: Theme::Auto,
            ..props.options.clone()
        };
        use_effect_with(
            (props.document.clone(), props.lang.clone(), options),
            move |(doc, lang, options)| {
                if std::mem::replace(&mut *started.borrow_mut(), true) {
                    dispatcher.dispatch(Action::Reconfigure(Rc::new(State::with_options(
                        doc.clone(),
                        lang.clone(),
                        DEFAULT_WIDTH_PX,
                        options,
                    ))));
                }
            },
        );
    }

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
            let action = match (e.key().as_str(), in_text_field) {
                ("Escape", _) => Some(Action::Select(None)),
                (_, true) => None,
                ("ArrowLeft", _) => Some(Action::Step(-1)),
                ("ArrowRight", _) => Some(Action::Step(1)),
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
    let lang = state.lang.as_str();
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
        .map(|e| format!("{}: {}", e.date_label_en(), e.title.get(lang)))
        .unwrap_or_default();
    let timeline_mode = state.mode == ViewMode::Timeline;

    html! {
        <div class={classes!("tl-root", props.options.theme.class())} lang={state.lang.clone()} {onkeydown}>
            <header class="tl-header">
                <h1 class="tl-title">{ doc.title.get(lang) }</h1>
                <p class="tl-updated">
                    { "Last updated " }
                    <time datetime={doc.updated.to_string()}>{ doc.updated.format_en() }</time>
                </p>
                if let Some(description) = &doc.description {
                    <p class="tl-description">{ description.get(lang) }</p>
                }
            </header>
            <Problems problems={props.problems.clone()} />
            <Toolbar document={doc.clone()} counts={state.counts.clone()} {shown} query={state.query.clone()}
                lang={state.lang.clone()} mode={state.mode} matching={state.matching.len()}
                total={doc.events.len()} can_zoom_in={state.viewport.can_zoom_in()}
                can_zoom_out={state.viewport.can_zoom_out()} search_ref={search_ref.clone()}
                onaction={onaction.clone()} />
            if nothing {
                <div class="tl-empty" role="status">
                    <p>{ "No events match your filters." }</p>
                    <button type="button" class="tl-button" onclick={clear}>{ "Clear filters" }</button>
                </div>
            }
            <div class="tl-timeline" hidden={!timeline_mode}>
                <Stage document={doc.clone()} matching={state.matching.clone()}
                    longest_days={state.longest_days} title_chars={state.title_chars.clone()}
                    viewport={state.viewport}
                    selected={state.selected} lang={state.lang.clone()}
                    embedded={props.options.embedded}
                    stage_ref={stage_ref.clone()} onaction={onaction.clone()} />
                <Overview document={doc.clone()} matching={state.matching.clone()}
                    viewport={state.viewport} onaction={onaction.clone()} />
                <p class="tl-hint">
                    { if props.options.embedded {
                        "Ctrl/⌘ + scroll or pinch to zoom, drag to move, ← → to step through events, + − to zoom, / to search."
                    } else {
                        "Scroll or pinch to zoom, drag to move, ← → to step through events, + − to zoom, / to search."
                    } }
                </p>
            </div>
            if !timeline_mode {
                <EventList document={doc.clone()}
                    indices={state.matching.iter().take(*list_limit).copied().collect::<Rc<[u32]>>()}
                    lang={state.lang.clone()} selected={state.selected} />
                if state.matching.len() > *list_limit {
                    <button type="button" class="tl-button tl-more" onclick={show_more}>
                        { format!("Show more ({} of {} listed)", *list_limit, state.matching.len()) }
                    </button>
                }
            }
            if let Some(i) = state.selected {
                <Details document={doc.clone()} event={i} lang={state.lang.clone()}
                    has_previous={position.is_some_and(|p| p > 0)}
                    has_next={position.is_some_and(|p| p + 1 < state.matching.len())}
                    {onaction} />
            }
            <div class="tl-sr-only" aria-live="polite">{ announcement }</div>
        </div>
    }
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
