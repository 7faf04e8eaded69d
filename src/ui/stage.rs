//! The timeline itself: era bands, the stacked events and clusters, and the time axis,
//! drawn from the model's layout and axis for the current viewport. Only what the layout
//! returns (the window plus a margin) is in the DOM, whatever the size of the dataset.
//!
//! Pointer input (wheel, drag, pinch, double-click) is turned into [`Action`]s here; the
//! maths lives in the model. Clicks are delegated: one listener on the stage finds the
//! event or cluster under the pointer, so a thousand items cost no thousand closures.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::state::Action;
use super::text::{category_color, importance_attr, lang_attr, px, Fixed};
use crate::locale::{Dir, Locale};
use crate::model::axis::axis;
use crate::model::calendar::Calendar;
use crate::model::format::Document;
use crate::model::layout::{layout, LayoutParams, Placed, Ranked, Span};
use crate::model::sort::sort_by_key;
use crate::model::viewport::Viewport;

/// Rows of events; the cluster lane and the axis come below them.
pub const ROWS: u32 = 8;
pub const ROW_PX: f64 = 30.0;
/// The minimum space between two axis labels.
pub const AXIS_LABEL_SPACING_PX: f64 = 16.0;
/// The width of an event's button, centred on its marker (CSS `.tl-item`).
const MARKER_BOX_PX: f64 = 16.0;
/// A pointer that moves less than this between down and up is a click, not a drag.
const DRAG_THRESHOLD_PX: f64 = 4.0;
/// Wheel zoom: factor per pixel of wheel delta.
const WHEEL_ZOOM_PER_PX: f64 = 0.0015;

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
    pub selected: Option<u32>,
    pub locale: &'static Locale,
    /// The axis's calendar.
    pub calendar: Calendar,
    /// In an embed the plain wheel scrolls the page; Ctrl/⌘ + wheel (or a pinch) zooms.
    pub embedded: bool,
    pub stage_ref: NodeRef,
    pub onaction: Callback<Action>,
}

/// What the pointers are doing between down and up.
#[derive(Default)]
struct Gesture {
    /// Active pointers: id and last x (stage coordinates).
    pointers: Vec<(i32, f64)>,
    start_x: f64,
    dragging: bool,
    /// Set when a drag ends, so the click that follows does not select an event.
    swallow_click: bool,
}

/// Where a pointer is on the timeline, in the model's pixels: from the earliest edge,
/// which is the left one, or the right one when time runs right to left.
fn stage_x(stage: &NodeRef, client_x: i32, rtl: bool) -> f64 {
    match stage.cast::<web_sys::Element>() {
        Some(el) => x_inside(&el, client_x, rtl),
        None => f64::from(client_x),
    }
}

/// `client_x` in pixels from the inner (padding) edge of `el` where time starts: the
/// left one, or the right one when time runs right to left. Items are placed from that
/// edge, inside the border.
pub fn x_inside(el: &web_sys::Element, client_x: i32, rtl: bool) -> f64 {
    let inner_left = el.get_bounding_client_rect().left() + f64::from(el.client_left());
    let x = f64::from(client_x) - inner_left;
    if rtl {
        f64::from(el.client_width()) - x
    } else {
        x
    }
}

pub fn layout_params() -> LayoutParams {
    LayoutParams {
        rows: ROWS,
        ..LayoutParams::default()
    }
}

#[component]
pub fn Stage(props: &StageProps) -> Html {
    let gesture = use_mut_ref(Gesture::default);
    // The rows of the last layout, which the next one keeps where it can.
    let previous = use_mut_ref(Vec::<(u32, u32)>::new);
    let hint_timer = use_memo((), |_| std::cell::Cell::new(None::<i32>));
    {
        // No timer outlives the widget.
        let hint_timer = hint_timer.clone();
        use_effect_with((), move |_| {
            move || {
                if let (Some(id), Some(window)) = (hint_timer.take(), web_sys::window()) {
                    window.clear_timeout_with_handle(id);
                }
            }
        });
    }
    let doc = &props.document;
    let view = props.viewport;
    let locale = props.locale;
    let lang = locale.code;
    // The model counts pixels from the earliest date. Left to right, that is the left
    // edge; right to left, items are anchored at the right edge (CSS) and move leftwards.
    let rtl = locale.dir == Dir::Rtl;
    let sign = if rtl { -1.0 } else { 1.0 };

    let params = layout_params();
    let laid = layout(
        &props.spans,
        &props.ranked,
        props.longest_days,
        &view,
        &params,
        props.selected,
        &previous.borrow(),
        &|i| props.title_chars.get(i as usize).map_or(0, |&n| n as usize),
    );
    *previous.borrow_mut() = laid.rows();
    let ticks = axis(&view, AXIS_LABEL_SPACING_PX, props.calendar, locale);
    let tab_stop = props
        .selected
        .filter(|s| laid.placed.iter().any(|p| p.event == *s))
        .or_else(|| laid.placed.iter().find(|p| p.x >= 0.0).map(|p| p.event));

    let onwheel = {
        let (onaction, stage, embedded) = (
            props.onaction.clone(),
            props.stage_ref.clone(),
            props.embedded,
        );
        let hint_timer = hint_timer.clone();
        Callback::from(move |e: WheelEvent| {
            if embedded && !e.ctrl_key() && !e.meta_key() {
                // The page scrolls; remind the reader how to zoom, for a moment.
                if let Some(el) = stage.cast::<web_sys::Element>() {
                    show_wheel_hint(el, &hint_timer);
                }
                return;
            }
            e.prevent_default();
            let scale = match e.delta_mode() {
                1 => 33.0,  // lines
                2 => 600.0, // pages
                _ => 1.0,
            };
            let (dx, dy) = (e.delta_x() * scale, e.delta_y() * scale);
            if dx.abs() > dy.abs() {
                // Scrolling towards the end of the line shows later dates.
                onaction.emit(Action::Pan(-dx * sign));
            } else {
                let x = stage_x(&stage, e.client_x(), rtl);
                onaction.emit(Action::ZoomAt {
                    x,
                    factor: (-dy * WHEEL_ZOOM_PER_PX).exp(),
                });
            }
        })
    };
    let onpointerdown = {
        let (gesture, stage) = (gesture.clone(), props.stage_ref.clone());
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let x = stage_x(&stage, e.client_x(), rtl);
            let mut g = gesture.borrow_mut();
            g.pointers.retain(|(id, _)| *id != e.pointer_id());
            g.pointers.push((e.pointer_id(), x));
            if g.pointers.len() == 1 {
                g.start_x = x;
                g.dragging = false;
            }
        })
    };
    let onpointermove = {
        let (gesture, stage, onaction) = (
            gesture.clone(),
            props.stage_ref.clone(),
            props.onaction.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            let x = stage_x(&stage, e.client_x(), rtl);
            let action = pointer_moved(&mut gesture.borrow_mut(), e.pointer_id(), x);
            if let Some(action) = action {
                if let Some(el) = stage.cast::<web_sys::Element>() {
                    // Capture only once a drag has begun, so plain clicks reach their target.
                    let _ = el.set_pointer_capture(e.pointer_id());
                    let _ = el.class_list().add_1("tl-dragging");
                }
                onaction.emit(action);
            }
        })
    };
    let onpointerup = {
        let (gesture, stage) = (gesture.clone(), props.stage_ref.clone());
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            g.pointers.retain(|(id, _)| *id != e.pointer_id());
            if g.pointers.is_empty() && g.dragging {
                g.dragging = false;
                g.swallow_click = true;
                if let Some(el) = stage.cast::<web_sys::Element>() {
                    let _ = el.class_list().remove_1("tl-dragging");
                }
            }
        })
    };
    let onclick = {
        let (gesture, onaction) = (gesture.clone(), props.onaction.clone());
        Callback::from(move |e: MouseEvent| {
            if std::mem::take(&mut gesture.borrow_mut().swallow_click) {
                return;
            }
            if let Some(action) = clicked(&e) {
                onaction.emit(action);
            }
        })
    };
    let ondblclick = {
        let (onaction, stage) = (props.onaction.clone(), props.stage_ref.clone());
        Callback::from(move |e: MouseEvent| {
            if target_with(&e, "[data-event-id],[data-cluster]").is_none() {
                let x = stage_x(&stage, e.client_x(), rtl);
                onaction.emit(Action::ZoomAt { x, factor: 2.0 });
            }
        })
    };

    let lane_y = f64::from(ROWS) * ROW_PX;
    let (first, last) = (view.start(), view.end());
    html! {
        <div class="tl-stage" ref={props.stage_ref.clone()} role="region"
            aria-label={locale.counted(&locale.stage_label, laid.placed.len())}
            aria-roledescription={locale.stage_role}
            data-view-start={Fixed(first, 4).to_string()} data-view-end={Fixed(last, 4).to_string()}
            data-unit={ticks.minor_unit.name()} data-calendar={ticks.calendar.id()}
            {onwheel} {onpointerdown} {onpointermove}
            onpointerup={onpointerup.clone()} onpointercancel={onpointerup}
            {onclick} {ondblclick}>
            if props.embedded {
                <p class="tl-wheel-hint" aria-hidden="true">{ locale.wheel_hint }</p>
            }
            <div class="tl-eras" aria-hidden="true">
                { for doc.eras.iter().filter_map(|era| {
                    let x0 = view.x_of(era.start.first_day().0 as f64).max(-1.0);
                    let x1 = view.x_of(era.end.last_day().0 as f64 + 1.0).min(view.width() + 1.0);
                    (x1 > x0).then(|| html! {
                        <div class="tl-era" style={format!("transform: translateX({}px); width: {}px", px(sign * x0), px(x1 - x0))}>
                            <span class="tl-era-label" lang={lang_attr(era.label.get_with_lang(lang).1, lang)}>{ era.label.get(lang) }</span>
                        </div>
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
                    // step rewrites one style per item, and an item is two elements.
                    let mut style = format!(
                        "transform: translate({}px, {}px); color: {color}",
                        px(sign * (p.x - MARKER_BOX_PX / 2.0)), px(f64::from(p.row) * ROW_PX)
                    );
                    if p.bar_px > 0.0 {
                        // The bar runs from the marker's centre to the end's (CSS).
                        style += &format!("; width: {}px", px(p.bar_px + MARKER_BOX_PX));
                    }
                    let label_style = format!(
                        "inset-inline-start: {}px; {}: {}px",
                        px(p.label_x - p.x + MARKER_BOX_PX / 2.0),
                        if p.flipped { "width" } else { "max-width" },
                        px(p.label_px + 4.0)
                    );
                    Some(html! {
                        <button type="button" key={e.id.clone()}
                            class="tl-item" data-range={e.end.is_some().then_some("")}
                            data-flipped={p.flipped.then_some("")}
                            data-event-id={e.id.clone()} data-importance={importance_attr(e.importance)}
                            aria-label={format!("{}: {title}", locale.event_date(e))}
                            aria-pressed={if selected { "true" } else { "false" }}
                            tabindex={if tab_stop == Some(p.event) { "0" } else { "-1" }}
                            {style}>
                            <span class="tl-label" style={label_style} lang={lang_attr(title_lang, lang)}>{ title }</span>
                        </button>
                    })
                }) }
                { for laid.clusters.iter().map(|c| {
                    let n = c.count as usize;
                    html! {
                        <button type="button" class="tl-cluster" key={format!("c{}", c.first)}
                            data-cluster="" data-first={Fixed(c.first_day, 4).to_string()} data-last={Fixed(c.last_day, 4).to_string()}
                            aria-label={locale.counted(&locale.cluster_label, n)} tabindex="-1"
                            style={format!("transform: translate({}px, {}px)", px(sign * c.left), px(lane_y))}>
                            { format!("+{}", locale.number(n as u64)) }
                        </button>
                    }
                }) }
            </div>
            <div class="tl-axis" aria-hidden="true">
                { for ticks.ticks.iter().map(|t| html! {
                    <div key={t.day.0} class="tl-tick" data-major={t.major.then_some("")}
                        style={format!("transform: translateX({}px)", px(sign * t.x))}>
                        <span class="tl-tick-label">{ &t.label }</span>
                    </div>
                }) }
            </div>
        </div>
    }
}

/// The placed events ordered by date (their indices are in date order).
fn placed_in_date_order(placed: &[Placed]) -> impl Iterator<Item = &Placed> {
    let mut order: Vec<&Placed> = placed.iter().collect();
    // The widget's one sort: another instantiation of the standard one is 2.5 KB of WASM.
    sort_by_key(&mut order, |p| (i64::from(p.event), 0));
    order.into_iter()
}

/// The action a pointer move makes, updating the gesture: a pan for one pointer once it
/// has moved past the threshold, a pinch for two (the moment under the fingers' middle
/// follows the middle, scaled by how much the distance between them changed).
fn pointer_moved(g: &mut Gesture, id: i32, x: f64) -> Option<Action> {
    let slot = g.pointers.iter().position(|(p, _)| *p == id)?;
    let old = g.pointers[slot].1;
    g.pointers[slot].1 = x;
    match g.pointers.as_slice() {
        [_] => {
            if !g.dragging && (x - g.start_x).abs() < DRAG_THRESHOLD_PX {
                return None;
            }
            let dx = if g.dragging { x - old } else { x - g.start_x };
            g.dragging = true;
            Some(Action::Pan(dx))
        }
        [(_, a), (_, b)] => {
            let other = if slot == 0 { *b } else { *a };
            let (before, after) = ((old - other).abs(), (x - other).abs());
            g.dragging = true;
            (before > 1.0 && after > 1.0).then(|| Action::Pinch {
                from: (old + other) / 2.0,
                to: (x + other) / 2.0,
                factor: after / before,
            })
        }
        _ => None,
    }
}

/// How long the "Ctrl/⌘ + scroll to zoom" hint stays after the last plain wheel event.
const WHEEL_HINT_MS: i32 = 1500;

/// Shows the hint and (re)starts the one timer that hides it, so it stays while the
/// reader keeps scrolling. `timer` holds that timer's id.
fn show_wheel_hint(stage: web_sys::Element, timer: &std::cell::Cell<Option<i32>>) {
    let _ = stage.class_list().add_1("tl-show-wheel-hint");
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(id) = timer.take() {
        window.clear_timeout_with_handle(id);
    }
    let hide = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = stage.class_list().remove_1("tl-show-wheel-hint");
    });
    timer.set(
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                hide.unchecked_ref(),
                WHEEL_HINT_MS,
            )
            .ok(),
    );
}

fn target_with(e: &MouseEvent, selector: &str) -> Option<web_sys::Element> {
    e.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()?
}

/// What a click on the stage means: select an event, or zoom in on a cluster.
fn clicked(e: &MouseEvent) -> Option<Action> {
    let el = target_with(e, "[data-event-id],[data-cluster]")?;
    if let Some(id) = el.get_attribute("data-event-id") {
        return Some(Action::Select(Some(id.into())));
    }
    let day = |name: &str| {
        el.get_attribute(name)
            .and_then(|v| crate::model::json::parse_f64(&v))
            .filter(|d| d.is_finite())
    };
    let (first, last) = (day("data-first")?, day("data-last")?);
    let pad = ((last - first) * 0.15).max(1.0);
    Some(Action::ShowWindow(first - pad, last + pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gesture(pointers: &[(i32, f64)]) -> Gesture {
        Gesture {
            pointers: pointers.to_vec(),
            start_x: pointers.first().map_or(0.0, |p| p.1),
            ..Gesture::default()
        }
    }

    #[test]
    fn small_moves_are_not_drags() {
        let mut g = gesture(&[(1, 100.0)]);
        assert_eq!(pointer_moved(&mut g, 1, 102.0), None);
        assert_eq!(pointer_moved(&mut g, 1, 110.0), Some(Action::Pan(10.0)));
        assert_eq!(pointer_moved(&mut g, 1, 112.0), Some(Action::Pan(2.0)));
        assert_eq!(pointer_moved(&mut g, 7, 50.0), None, "unknown pointer");
    }

    #[test]
    fn two_pointers_pinch_around_their_middle() {
        let mut g = gesture(&[(1, 100.0), (2, 300.0)]);
        assert_eq!(
            pointer_moved(&mut g, 2, 500.0),
            Some(Action::Pinch {
                from: 200.0,
                to: 300.0,
                factor: 2.0
            })
        );
        assert_eq!(
            pointer_moved(&mut g, 1, 300.0),
            Some(Action::Pinch {
                from: 300.0,
                to: 400.0,
                factor: 0.5
            })
        );
    }
}
