//! The whole widget, put together: header, problems in the data, toolbar, the timeline
//! (or the list), the overview strip and the details of the selected event. It owns the
//! one reducer; the pieces render from its state and send it [`Action`]s.
//!
//! Keys act only while focus is inside the widget: the listener is on the widget's root
//! element (see `keys`).

use std::rc::Rc;

use yew::prelude::*;

use super::details::{details, use_details_color};
use super::dom::{focus, target_inside, target_is_text_field};
use super::downloads::{save, Download};
use super::event_list::{list_view, EventList, LIST_PAGE};
use super::header::{bare_header, header};
use super::hooks::{
    use_focus_follows_selection, use_fragment_link, use_new_props, use_other_languages,
    use_page_language, use_printing, use_resize, use_url_sync,
};
use super::keys::{key_command, moves_selection, KeyCommand};
use super::options::{Options, TimelineProps};
use super::overview::Overview;
use super::problems::Problems;
use super::share::ShareLink;
use super::stage::Stage;
use super::state::{Action, State, ViewMode, DEFAULT_WIDTH_PX};
use super::toolbar::Toolbar;
use super::vertical::Vertical;
use crate::locale::{self, Dir, Locale, EN};
use crate::model::format::Document;
use crate::model::validate::Problem;

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
                { bare_header(locale) }
                <Problems problems={props.problems.clone()} load_error={props.load_error.clone()} {locale} />
            </div>
        },
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
        use_reducer(move || {
            let width = options
                .width
                .filter(|w| *w > 0.0)
                .unwrap_or(DEFAULT_WIDTH_PX);
            State::with_options(doc, locale, width, &options)
        })
    };
    // One callback for the widget's life: the children compare it by pointer, so a new
    // one on every render would re-render all of them on every zoom step.
    let onaction = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    let stage_ref = use_node_ref();
    let root_ref = use_node_ref();
    let search_ref = use_node_ref();
    let list_limit = use_state(|| LIST_PAGE);
    let details_color = use_details_color();

    use_new_props(
        state.dispatcher(),
        props.document.clone(),
        &props.options,
        props.locale,
    );
    // The page's language is the widget's only on a page of its own, never in an embed
    // (which may keep its selection in the URL too: `data-hash-bookmark`).
    use_page_language(
        props.options.sync_url && !props.options.embedded,
        state.locale,
    );
    use_other_languages(
        props.options.texts.clone(),
        props.document.clone(),
        state.locale,
        onaction.clone(),
    );
    let vertical = state.vertical();
    use_resize(stage_ref.clone(), vertical, onaction.clone());
    // The first card on the vertical timeline's screen, which it writes as it renders.
    let top_card = use_mut_ref(|| None::<AttrValue>);
    let selected_id = state.selected_event().map(|e| e.id.clone());
    use_url_sync(
        props.options.sync_url,
        selected_id.clone(),
        onaction.clone(),
    );
    use_fragment_link(
        props.options.link_key.clone(),
        root_ref.clone(),
        onaction.clone(),
    );
    let printing = use_printing();
    // The downloads write the state as it is when asked; one callback for the widget's
    // life, as `onaction`, so the toolbar is not re-rendered for a new one.
    let latest = use_mut_ref(|| None::<UseReducerHandle<State>>);
    *latest.borrow_mut() = Some(state.clone());
    let ondownload = use_callback((), move |which: Download, _| {
        if let Some(state) = &*latest.borrow() {
            save(state, which);
        }
    });
    // Set by a key that moves the selection while focus is on the stage.
    let focus_follows = use_mut_ref(|| false);
    use_focus_follows_selection(stage_ref.clone(), selected_id, focus_follows.clone());

    let onkeydown = {
        let (onaction, search_ref, stage_ref) =
            (onaction.clone(), search_ref.clone(), stage_ref.clone());
        let dir = state.locale.dir;
        let (top_card, nothing_selected) = (top_card.clone(), state.selected.is_none());
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let action = match key_command(&e.key(), dir, target_is_text_field(&e), vertical) {
                None => return,
                Some(KeyCommand::FocusSearch) => {
                    focus(&search_ref);
                    e.prevent_default();
                    return;
                }
                Some(KeyCommand::ActAndPass(action)) => action,
                Some(KeyCommand::Act(action)) => {
                    e.prevent_default();
                    action
                }
            };
            // Down the page, a first step with nothing selected opens the card at the top
            // of the screen (the reducer knows no scroll position).
            let action = match action {
                Action::Step(_) if vertical && nothing_selected => {
                    match top_card.borrow().clone() {
                        Some(id) => Action::Select(Some(id)),
                        None => action,
                    }
                }
                action => action,
            };
            *focus_follows.borrow_mut() = (moves_selection(&action)
                || (vertical && matches!(action, Action::Select(Some(_)))))
                && target_inside(&e, &stage_ref);
            onaction.emit(action);
        })
    };

    let doc = &state.doc;
    let locale = state.locale;
    let shown: Rc<[bool]> = doc
        .categories
        .iter()
        .map(|c| state.filter.shows_category(&c.id))
        .collect();
    let position = state.selected_position();
    let clear = onaction.reform(|_: MouseEvent| Action::ClearFilters);
    let show_more = {
        let list_limit = list_limit.clone();
        Callback::from(move |_: MouseEvent| list_limit.set(*list_limit + LIST_PAGE))
    };
    let announcement = state
        .selected_event()
        .map(|e| format!("{}: {}", locale.event_date(e), e.title.get(locale.code)))
        .unwrap_or_default();
    let timeline_mode = state.mode == ViewMode::Timeline;

    html! {
        <div class="tl-root" data-theme={props.options.theme.name()} lang={locale.code}
            dir={locale.dir.as_str()} data-layout={if vertical { "vertical" } else { "horizontal" }}
            data-box={(state.rows_from_space && !vertical).then_some("")}
            {onkeydown} ref={root_ref}>
            { header(doc, locale, &onaction) }
            <Problems problems={props.problems.clone()} {locale} />
            <Toolbar document={doc.clone()} counts={state.counts.clone()} {shown} query={state.query.clone()}
                {locale} calendar={state.calendar} mode={state.mode} matching={state.matching.len()}
                offsets={state.offsets} utc={state.utc}
                total={doc.events.len()} can_zoom_in={state.can_zoom(true)}
                can_zoom_out={state.can_zoom(false)} search_ref={search_ref.clone()}
                onaction={onaction.clone()} {ondownload} />
            if state.matching.is_empty() {
                <div class="tl-empty" role="status">
                    <p>{ locale.no_match }</p>
                    <button type="button" class="tl-button" onclick={clear}>{ locale.clear_filters }</button>
                </div>
            }
            <div class="tl-timeline" data-animate={state.animate.then_some("")} hidden={!timeline_mode}>
            if vertical {
                <Vertical document={doc.clone()} matching={state.matching.clone()}
                    title_chars={state.title_chars.clone()} zoom={state.vertical_zoom}
                    width={state.viewport.width()} selected={state.selected} {locale}
                    calendar={state.calendar} zone={state.zone} stage_ref={stage_ref.clone()}
                    top_card={top_card.clone()} onaction={onaction.clone()}
                    share={state.selected.map(|i| share_link(doc, i, locale, &props.options)).unwrap_or_default()} />
            } else {
                <Stage document={doc.clone()} ranked={state.ranked.clone()}
                    longest_days={state.longest_days} spans={state.spans.clone()} title_chars={state.title_chars.clone()}
                    viewport={state.viewport} rows={state.rows}
                    selected={state.selected} {locale} calendar={state.calendar} zone={state.zone}
                    embedded={props.options.embedded}
                    stage_ref={stage_ref.clone()} onaction={onaction.clone()} />
                <Overview document={doc.clone()} matching={state.matching.clone()}
                    viewport={state.viewport} rtl={locale.dir == Dir::Rtl} onaction={onaction.clone()} />
                <p class="tl-hint">
                    { if props.options.embedded { locale.hint_embed } else { locale.hint_page } }
                </p>
            }
            </div>
            if !timeline_mode {
                { list_view(doc, &state.matching, *list_limit, locale, state.selected, show_more) }
            }
            // Down the page the selected card opens in place.
            if let Some(i) = state.selected.filter(|_| !(vertical && timeline_mode)) {
                { details(doc, i, locale, (
                    position.is_some_and(|p| p > 0),
                    position.is_some_and(|p| p + 1 < state.matching.len()),
                ), &onaction, &details_color, share_link(doc, i, locale, &props.options)) }
            }
            // Only while printing: every event the reader filtered to, as a list.
            if printing {
                <div class="tl-print">
                    <EventList document={doc.clone()} indices={Rc::<[u32]>::from(state.matching.as_slice())}
                        {locale} />
                </div>
            }
            <div class="tl-sr-only" aria-live="polite">{ announcement }</div>
        </div>
    }
}

/// The details' Copy link for event `index`, keyed by the event so that what it said
/// about the last one goes with it.
fn share_link(doc: &Document, index: u32, locale: &'static Locale, options: &Options) -> Html {
    let Some(event) = doc.events.get(index as usize) else {
        return Html::default();
    };
    let id = AttrValue::from(event.id.clone());
    html! {
        <ShareLink key={event.id.clone()} {id} link_key={options.link_key.clone()}
            title={AttrValue::from(event.title.get(locale.code).to_owned())} {locale} />
    }
}
