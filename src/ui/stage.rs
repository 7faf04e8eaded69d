//! The timeline itself: era bands, the stacked events and clusters, and the time axis,
//! drawn from the model's layout and axis for the current viewport. Only what the layout
//! returns (the window plus a margin) is in the DOM, whatever the size of the dataset.
//!
//! Pointer input (wheel, drag, pinch, double-click) is measured here and turned into
//! [`Action`]s by `gestures`. Clicks are delegated: one listener on the stage finds the
//! event or cluster under the pointer, so a thousand items cost no thousand closures.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::dom::{set_class, show_class_for, target_with, x_in};
use super::gestures::{cluster_window, wheel, Gesture, Wheel, WheelMove, DOUBLE_CLICK_ZOOM};
use super::inline::{use_styles, Kinds};
use super::metrics::{layout_params, AXIS_LABEL_SPACING_PX, MARKER_BOX_PX, ROW_PX};
use super::state::Action;
use super::text::{category_color, importance_attr, lang_attr, px, Fixed};
use crate::locale::{Dir, Locale};
use crate::model::axis::{axis, Align};
use crate::model::calendar::Calendar;
use crate::model::date::MINUTES_PER_DAY;
use crate::model::format::Document;
use crate::model::layout::{layout, Placed, Ranked, Span};
use crate::model::sort::sort_by_key;
use crate::model::viewport::Viewport;

/// How long the "Ctrl/⌘ + scroll to zoom" hint stays after the last plain wheel event.
const WHEEL_HINT_MS: u32 = 1500;
/// Items are what matches these: an event's button, or a cluster's.
const ITEM: &str = "[data-event-id],[data-cluster]";

#[derive(Properties, PartialEq, Clone)]
pub struct StageProps {
    pub document: Rc<Document>,
    /// The matching events, by importance.
    pub ranked: Rc<Ranked>,
    pub longest_days: f64,
    pub spans: Rc<Vec<Span>>,
    /// Each event's title length in characters (see `State::title_chars`).
    pub title_chars: Rc<Vec<u32>>,
    pub viewport: Viewport,
    /// Rows of events (`State::rows`): the stage is as tall as they are, unless a box of
    /// fixed height sets its height and so its rows.
    pub rows: u32,
    pub selected: Option<u32>,
    pub locale: &'static Locale,
    /// The axis's calendar.
    pub calendar: Calendar,
    /// The UTC offset the axis counts hours in, in minutes (`State::zone`).
    pub zone: i16,
    /// In an embed the plain wheel scrolls the page; Ctrl/⌘ + wheel (or a pinch) zooms.
    pub embedded: bool,
    pub stage_ref: NodeRef,
    pub onaction: Callback<Action>,
}

#[component]
pub fn Stage(props: &StageProps) -> Html {
    let gesture = use_mut_ref(Gesture::default);
    // The rows of the last layout, which the next one keeps where it can, and the width it
    // was drawn at: a stage of another width (the first measure, a resize) lays out afresh,
    // since the rows of another width are no step the reader took.
    let previous = use_mut_ref(|| ((0.0, 0), Vec::<(u32, u32)>::new()));
    // The timer that hides the wheel hint: dropped, so cancelled, with the stage.
    let hint_timer = use_mut_ref(|| None::<Timeout>);
    // Positions and sizes, written through the CSSOM after each render (see `inline`).
    let styles = use_styles(STYLES);
    // One handler for every thumbnail, made once: a new one per item would be rebound on
    // every zoom step.
    let on_thumbnail_error = use_callback((), |e: Event, _| hide_target(&e));
    // The stage's height follows its rows (CSS `--tl-rows`), written through the CSSOM
    // as the positions are (no inline style under a strict policy).
    use_effect_with((props.rows, props.stage_ref.clone()), |(rows, stage)| {
        if let Some(el) = stage.cast::<web_sys::HtmlElement>() {
            let _ = el.style().set_property("--tl-rows", &rows.to_string());
        }
    });
    let mut styles = styles.borrow_mut();
    styles.begin();
    let doc = &props.document;
    let view = props.viewport;
    let locale = props.locale;
    let lang = locale.code;
    // The model counts pixels from the earliest date. Left to right, that is the left
    // edge; right to left, items are anchored at the right edge (CSS) and move leftwards.
    let rtl = locale.dir == Dir::Rtl;
    let sign = if rtl { -1.0 } else { 1.0 };

    let params = layout_params(props.rows);
    if previous.borrow().0 != (view.width(), props.rows) {
        *previous.borrow_mut() = ((view.width(), props.rows), Vec::new());
    }
    let laid = layout(
        &props.spans,
        &props.ranked,
        props.longest_days,
        &view,
        &params,
        props.selected,
        &previous.borrow().1,
        &|i| props.title_chars.get(i as usize).map_or(0, |&n| n as usize),
    );
    previous.borrow_mut().1 = laid.rows();
    let ticks = axis(
        &view,
        AXIS_LABEL_SPACING_PX,
        props.calendar,
        locale,
        props.zone,
    );
    let tab_stop = props
        .selected
        .filter(|s| laid.placed.iter().any(|p| p.event == *s))
        .or_else(|| laid.placed.iter().find(|p| p.x >= 0.0).map(|p| p.event));

    let stage = &props.stage_ref;
    let onwheel = {
        let (onaction, stage, embedded) = (props.onaction.clone(), stage.clone(), props.embedded);
        Callback::from(move |e: WheelEvent| {
            let input = Wheel {
                mode: e.delta_mode(),
                dx: e.delta_x(),
                dy: e.delta_y(),
                zoom_key: e.ctrl_key() || e.meta_key(),
            };
            let action = match wheel(input, embedded, rtl) {
                WheelMove::PageScrolls => {
                    // The page scrolls; remind the reader how to zoom, for a moment.
                    show_class_for(&stage, "tl-show-wheel-hint", WHEEL_HINT_MS, &hint_timer);
                    return;
                }
                WheelMove::Pan(dx) => Action::Pan(dx),
                WheelMove::Zoom(factor) => Action::ZoomAt {
                    x: x_in(&stage, e.client_x(), rtl),
                    factor,
                },
            };
            e.prevent_default();
            onaction.emit(action);
        })
    };
    let onpointerdown = {
        let (gesture, stage) = (gesture.clone(), stage.clone());
        Callback::from(move |e: PointerEvent| {
            let primary = e.pointer_type() != "mouse" || e.button() == 0;
            let x = x_in(&stage, e.client_x(), rtl);
            gesture.borrow_mut().down(e.pointer_id(), x, primary);
        })
    };
    let onpointermove = {
        let (gesture, stage, onaction) = (gesture.clone(), stage.clone(), props.onaction.clone());
        Callback::from(move |e: PointerEvent| {
            let x = x_in(&stage, e.client_x(), rtl);
            let action = gesture.borrow_mut().moved(e.pointer_id(), x);
            if let Some(action) = action {
                if let Some(el) = stage.cast::<web_sys::Element>() {
                    // Capture only once a drag has begun, so plain clicks reach their target.
                    let _ = el.set_pointer_capture(e.pointer_id());
                }
                set_class(&stage, "tl-dragging", true);
                onaction.emit(action);
            }
        })
    };
    let onpointerup = {
        let (gesture, stage) = (gesture.clone(), stage.clone());
        Callback::from(move |e: PointerEvent| {
            if gesture.borrow_mut().up(e.pointer_id()) {
                set_class(&stage, "tl-dragging", false);
            }
        })
    };
    let onclick = {
        let onaction = props.onaction.clone();
        Callback::from(move |e: MouseEvent| {
            if gesture.borrow_mut().swallows_click() {
                return;
            }
            if let Some(action) = clicked(&e) {
                onaction.emit(action);
            }
        })
    };
    let ondblclick = {
        let (onaction, stage) = (props.onaction.clone(), stage.clone());
        Callback::from(move |e: MouseEvent| {
            if target_with(&e, ITEM).is_none() {
                let x = x_in(&stage, e.client_x(), rtl);
                onaction.emit(Action::ZoomAt {
                    x,
                    factor: DOUBLE_CLICK_ZOOM,
                });
            }
        })
    };

    let lane_y = f64::from(props.rows) * ROW_PX;
    let (first, last) = (view.start(), view.end());
    html! {
        <div class="tl-stage" ref={props.stage_ref.clone()} role="region"
            aria-label={locale.counted(&locale.stage_label, laid.placed.len())}
            aria-roledescription={locale.stage_role}
            data-view-start={Fixed(first, 6).to_string()} data-view-end={Fixed(last, 6).to_string()}
            data-unit={ticks.minor_unit.name()} data-calendar={ticks.calendar.id()}
            data-rows={props.rows.to_string()}
            {onwheel} {onpointerdown} {onpointermove}
            onpointerup={onpointerup.clone()} onpointercancel={onpointerup}
            {onclick} {ondblclick}>
            if props.embedded {
                <p class="tl-wheel-hint" aria-hidden="true">{ locale.wheel_hint }</p>
            }
            <div class="tl-eras" aria-hidden="true">
                { for doc.eras.iter().enumerate().filter_map(|(i, era)| {
                    let x0 = view.x_of(era.start.start_at()).max(-1.0);
                    let x1 = view.x_of(era.end.end_at()).min(view.width() + 1.0);
                    (x1 > x0).then(|| {
                        let node = styles.slot(ERAS, i as u64, [
                            format!("translateX({}px)", px(sign * x0)),
                            format!("{}px", px(x1 - x0)),
                            String::new(),
                        ]);
                        html! {
                            <div class="tl-era" key={i} ref={node}>
                                <span class="tl-era-label" lang={lang_attr(era.label.get_with_lang(lang).1, lang)}>{ era.label.get(lang) }</span>
                            </div>
                        }
                    })
                }) }
            </div>
            <div class="tl-items">
                // In date order, so that a step of zoom or pan adds and removes items at
                // the ends rather than moving DOM nodes around.
                { for placed_in_date_order(&laid.placed).filter_map(|p| {
                    let e = doc.events.get(p.event as usize)?;
                    let color = category_color(doc, e);
                    let (title, title_lang) = e.title.get_with_lang(lang);
                    let selected = props.selected == Some(p.event);
                    // The button is the marker's hit box, moved to the event's start, and
                    // draws the marker and the bar itself in its category's colour (its
                    // `color`: a custom property on every item made each restyle copy the
                    // inherited ones); the label hangs off it at an offset that a zoom or a
                    // pan leaves unchanged (unless it flips or sticks to the edge): each
                    // step rewrites one property per item (its transform), and an item is
                    // two elements.
                    let key = u64::from(p.event);
                    let item_ref = styles.slot(ITEMS, key, [
                        format!(
                            "translate({}px, {}px)",
                            px(sign * (p.x - MARKER_BOX_PX / 2.0)), px(f64::from(p.row) * ROW_PX)
                        ),
                        // The bar runs from the marker's centre to the end's (CSS).
                        if p.bar_px > 0.0 { format!("{}px", px(p.bar_px + MARKER_BOX_PX)) } else { String::new() },
                        color.to_owned(),
                    ]);
                    // The label takes the room its row has free (the layout's `room_px`), from
                    // after the marker or, flipped, up to before it; its whole text is the
                    // button's name, and shows on hover and focus (CSS).
                    let (start, end) = if p.flipped {
                        (String::new(), format!("{}px", px(p.x + MARKER_BOX_PX / 2.0 - p.label_x - p.label_px)))
                    } else {
                        (format!("{}px", px(p.label_x - p.x + MARKER_BOX_PX / 2.0)), String::new())
                    };
                    let label_ref = styles.slot(LABELS, key, [start, end, format!("{}px", px(p.room_px))]);
                    Some(html! {
                        <button type="button" key={e.id.clone()}
                            class="tl-item" data-range={e.end.is_some().then_some("")}
                            data-flipped={p.flipped.then_some("")}
                            data-event-id={e.id.clone()} data-importance={importance_attr(e.importance)}
                            aria-label={format!("{}: {title}", locale.event_date(e))}
                            aria-pressed={if selected { "true" } else { "false" }}
                            tabindex={if tab_stop == Some(p.event) { "0" } else { "-1" }}
                            ref={item_ref}>
                            { thumbnail(e, &on_thumbnail_error) }
                            <span class="tl-label" ref={label_ref} lang={lang_attr(title_lang, lang)}>{ title }</span>
                        </button>
                    })
                }) }
                { for laid.clusters.iter().map(|c| {
                    let n = c.count as usize;
                    let node = styles.slot(CLUSTERS, u64::from(c.first), [
                        format!("translate({}px, {}px)", px(sign * c.left), px(lane_y)),
                        String::new(),
                        String::new(),
                    ]);
                    html! {
                        <button type="button" class="tl-cluster" key={format!("c{}", c.first)}
                            data-cluster="" data-first={Fixed(c.first_day, 4).to_string()} data-last={Fixed(c.last_day, 4).to_string()}
                            aria-label={locale.counted(&locale.cluster_label, n)} tabindex="-1"
                            ref={node}>
                            { format!("+{}", locale.number(n as u64)) }
                        </button>
                    }
                }) }
            </div>
            <div class="tl-axis" aria-hidden="true">
                { for ticks.ticks.iter().map(|t| {
                    // As a key, the minute with its sign bit flipped: in the ticks' order.
                    let key = t.day.0 * MINUTES_PER_DAY + i64::from(t.minute);
                    let node = styles.slot(TICKS, (key as u64) ^ (1 << 63), [
                        format!("translateX({}px)", px(sign * t.x)),
                        String::new(),
                        String::new(),
                    ]);
                    // Near the ends the label starts or ends at its tick, never cut.
                    let align = match t.align {
                        Align::Centre | Align::Hidden => None,
                        Align::Start => Some("start"),
                        Align::End => Some("end"),
                    };
                    html! {
                        <div {key} class="tl-tick" data-major={t.major.then_some("")} data-align={align} ref={node}>
                            if t.align != Align::Hidden {
                                <span class="tl-tick-label">{ &t.label }</span>
                            }
                        </div>
                    }
                }) }
            </div>
        </div>
    }
}

/// The kinds of the stage's elements that `Styles` positions, and their properties:
/// keyed by index (eras), by event (items and their labels), by first event (clusters)
/// and by day (ticks), each in the order the stage renders them.
const STYLES: Kinds = &[
    &["transform", "width"],
    // `color`: the item draws its marker and bar in `currentColor`.
    &["transform", "width", "color"],
    &["inset-inline-start", "inset-inline-end", "max-width"],
    &["transform"],
    &["transform"],
];
const ERAS: usize = 0;
const ITEMS: usize = 1;
const LABELS: usize = 2;
const CLUSTERS: usize = 3;
const TICKS: usize = 4;

/// The placed events ordered by date (their indices are in date order).
fn placed_in_date_order(placed: &[Placed]) -> impl Iterator<Item = &Placed> {
    let mut order: Vec<&Placed> = placed.iter().collect();
    // The widget's one sort: another instantiation of the standard one is 2.5 KB of WASM.
    sort_by_key(&mut order, |p| (i64::from(p.event), 0));
    order.into_iter()
}

/// The event's thumbnail over its marker (its media's `thumbnail`), if it has one: small,
/// lazy, its size fixed by CSS before it loads, and decorative (`alt=""`: the button's
/// name says what the event is). One that fails hides itself (`hide_target`), and the
/// marker shows again.
fn thumbnail(e: &crate::model::format::Event, onerror: &Callback<Event>) -> Html {
    match e.media.as_ref().and_then(|m| m.thumbnail.as_deref()) {
        Some(src) => html! {
            <img class="tl-thumb" src={src.to_owned()} alt="" width="20" height="20"
                loading="lazy" decoding="async" referrerpolicy="strict-origin-when-cross-origin"
                onerror={onerror.clone()} />
        },
        None => Html::default(),
    }
}

/// Hides the element an event is on (a thumbnail that could not load).
fn hide_target(e: &Event) {
    if let Some(img) = e.target_dyn_into::<web_sys::Element>() {
        let _ = img.set_attribute("hidden", "");
    }
}

/// What a click on the stage means: select an event, or zoom in on a cluster.
fn clicked(e: &MouseEvent) -> Option<Action> {
    let el = target_with(e, ITEM)?;
    if let Some(id) = el.get_attribute("data-event-id") {
        return Some(Action::Select(Some(id.into())));
    }
    let day = |name: &str| {
        el.get_attribute(name)
            .and_then(|v| crate::model::json::parse_f64(&v))
            .filter(|d| d.is_finite())
    };
    Some(cluster_window(day("data-first")?, day("data-last")?))
}
