//! The toolbar: search, one toggle per category (with its colour and count), zoom
//! buttons, the Timeline/List switch, the Download menu and the "N of M events" count.

use std::rc::Rc;

use yew::prelude::*;

use super::downloads::{download_menu, Download};
use super::inline::use_styles;
use super::state::{Action, ViewMode};
use super::text::{button, lang_attr};
use crate::locale::Locale;
use crate::model::calendar::Calendar;
use crate::model::format::Document;

#[derive(Properties, PartialEq, Clone)]
pub struct ToolbarProps {
    pub document: Rc<Document>,
    pub counts: Rc<[u32]>,
    /// Whether each category is shown, in the order of `categories`.
    pub shown: Rc<[bool]>,
    pub query: AttrValue,
    pub locale: &'static Locale,
    /// The axis's calendar.
    pub calendar: Calendar,
    /// Whether the data gives UTC offsets (then the reader may choose UTC), and whether
    /// times are shown in UTC.
    pub offsets: bool,
    pub utc: bool,
    pub mode: ViewMode,
    pub matching: usize,
    pub total: usize,
    pub can_zoom_in: bool,
    pub can_zoom_out: bool,
    pub search_ref: NodeRef,
    pub onaction: Callback<Action>,
    pub ondownload: Callback<Download>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    // Each category's colour, written through the CSSOM (see `inline`).
    let colors = use_styles(&[&["--tl-cat"]]);
    let mut colors = colors.borrow_mut();
    colors.begin();
    let act = |action: Action| props.onaction.reform(move |_: MouseEvent| action.clone());
    let oninput = {
        let onaction = props.onaction.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                onaction.emit(Action::SetQuery(input.value().into()));
            }
        })
    };
    let timeline_mode = props.mode == ViewMode::Timeline;
    let locale = props.locale;
    let pressed = |on: bool| if on { "true" } else { "false" };
    html! {
        <div class="tl-toolbar">
            <div class="tl-search">
                <input ref={props.search_ref.clone()} type="search" class="tl-search-input"
                    aria-label={locale.search} placeholder={locale.search}
                    value={props.query.clone()} {oninput} />
            </div>
            <div class="tl-categories" role="group" aria-label={locale.categories}>
                { for props.document.categories.iter().enumerate().map(|(i, c)| {
                    let shown = props.shown.get(i).copied().unwrap_or(true);
                    let count = props.counts.get(i).copied().unwrap_or(0);
                    let (label, label_lang) = c.label.get_with_lang(locale.code);
                    let label_lang = lang_attr(label_lang, locale.code);
                    let node = colors.slot(0, i as u64, [c.color.clone(), String::new(), String::new()]);
                    html! {
                        <button type="button" class="tl-category" data-category={c.id.clone()}
                            aria-pressed={pressed(shown)}
                            ref={node}
                            onclick={act(Action::ToggleCategory(c.id.clone().into()))}>
                            <span class="tl-swatch" aria-hidden="true"></span>
                            <span class="tl-category-label" lang={label_lang}>{ label }</span>
                            <span class="tl-category-count">{ locale.number(u64::from(count)) }</span>
                        </button>
                    }
                }) }
            </div>
            <div class="tl-controls">
                if timeline_mode {
                    <div class="tl-zoom" role="group" aria-label={locale.zoom}>
                        { button("tl-button", "+", Some(locale.zoom_in),
                            Some(format!("{} (+)", locale.zoom_in)), None, !props.can_zoom_in,
                            act(Action::ZoomIn)) }
                        { button("tl-button", "−", Some(locale.zoom_out),
                            Some(format!("{} (−)", locale.zoom_out)), None, !props.can_zoom_out,
                            act(Action::ZoomOut)) }
                        { button("tl-button", locale.show_all, None,
                            Some(format!("{} (0)", locale.show_all)), None, false, act(Action::ShowAll)) }
                    </div>
                    // The choice of calendar exists where the language has its own.
                    if locale.calendar != Calendar::Gregorian {
                        <div class="tl-calendars" role="group" aria-label={locale.calendar_label}>
                            { for [(locale.calendar, locale.solar_hijri), (Calendar::Gregorian, locale.gregorian)]
                                .into_iter().map(|(calendar, name)| html! {
                                    <button type="button" class="tl-button" data-calendar={calendar.id()}
                                        aria-pressed={pressed(props.calendar == calendar)}
                                        onclick={act(Action::SetCalendar(calendar))}>{ name }</button>
                                }) }
                        </div>
                    }
                }
                if props.offsets {
                    <div class="tl-zones" role="group" aria-label={locale.time_zone}>
                        { button("tl-button", locale.local_time, None, None, Some(!props.utc), false,
                            act(Action::SetUtc(false))) }
                        { button("tl-button", "UTC", None, None, Some(props.utc), false,
                            act(Action::SetUtc(true))) }
                    </div>
                }
                <div class="tl-views" role="group" aria-label={locale.view}>
                    { button("tl-button", locale.timeline, None, None, Some(timeline_mode), false,
                        act(Action::SetMode(ViewMode::Timeline))) }
                    { button("tl-button", locale.list, None, None, Some(!timeline_mode), false,
                        act(Action::SetMode(ViewMode::List))) }
                </div>
                { download_menu(locale, &props.ondownload) }
                <p class="tl-count" role="status">
                    { locale.events_count(props.matching, props.total) }
                </p>
            </div>
        </div>
    }
}
