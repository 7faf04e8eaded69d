//! The vertical timeline: time runs downward in a scroll box inside the widget's own
//! height, the rail of dates on the reading side's start (the right in Persian), each
//! event a card with its whole headline, date and category that opens in place on its
//! summary, media and sources. The geometry is the model's (`model::vertical`): card
//! heights are estimated from the text, never measured, except the open card's, which a
//! ResizeObserver reports (its media load late) so the cards below make room for it.
//!
//! Only the cards and rail labels near the scroll window are in the DOM. The window is
//! component state, moved in steps of [`QUANTUM_PX`] from the scroll events: cards are
//! absolutely placed in the scrolled content, so between steps the browser scrolls them
//! by itself and nothing renders. Zoom, filters and the selection go through the
//! reducer; a zoom or a filter keeps the card at the top of the screen where it was
//! (the scroll anchor), and a new selection scrolls its card into view.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::dom::target_with;
use super::inline::{use_styles, Kinds};
use super::media::media_figure;
use super::rich;
use super::state::{Action, DEFAULT_HEIGHT_PX};
use super::text::{category_color, event_date, importance_attr, lang_attr, px, sources};
use crate::locale::Locale;
use crate::model::calendar::Calendar;
use crate::model::format::Document;
use crate::model::vertical::{card_height, CardText, Column, Params};

/// The rail's width and the space between it and the cards (`--tl-vrail` in the CSS).
pub const RAIL_PX: f64 = 80.0;
/// The window moves in steps this long: a render every so many pixels of scrolling.
const QUANTUM_PX: f64 = 240.0;
/// Cards and labels are rendered this far beyond the screen either way (more than a step).
const OVERSCAN_PX: f64 = 480.0;
/// A two-finger pinch zooms once its fingers' distance changes by this factor.
const PINCH_STEP: f64 = 1.25;

#[derive(Properties, PartialEq, Clone)]
pub struct VerticalProps {
    pub document: Rc<Document>,
    /// The matching events, in date order (`State::matching`).
    pub matching: Rc<Vec<u32>>,
    pub title_chars: Rc<Vec<u32>>,
    /// Pixels per day (`State::vertical_zoom`).
    pub zoom: f64,
    /// The scroll box's width.
    pub width: f64,
    pub selected: Option<u32>,
    pub locale: &'static Locale,
    pub calendar: Calendar,
    pub zone: i16,
    pub stage_ref: NodeRef,
    /// Written on each render: the first card on screen, where ↓ starts with nothing
    /// selected.
    pub top_card: Rc<RefCell<Option<AttrValue>>>,
    pub onaction: Callback<Action>,
    /// The open card's Copy link (the widget's, as in the details panel).
    #[prop_or_default]
    pub share: Html,
}

/// A value compared by pointer: for memo and effect dependencies that must not compare
/// ten thousand elements on every render.
#[derive(Clone)]
struct Same<T>(Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Two touches in progress: their ids and positions, and the distance of the last step.
#[derive(Default)]
struct Pinch {
    touches: Vec<(i32, f64, f64)>,
    last: Option<f64>,
}

impl Pinch {
    fn distance(&self) -> Option<f64> {
        match self.touches.as_slice() {
            [(_, x0, y0), (_, x1, y1)] => Some((x1 - x0).hypot(y1 - y0)),
            _ => None,
        }
    }
}

#[component]
pub fn Vertical(props: &VerticalProps) -> Html {
    let styles = use_styles(STYLES);
    // The window's top (in steps of QUANTUM_PX) and the screen's height.
    let window = use_state_eq(|| (0.0f64, DEFAULT_HEIGHT_PX));
    // The open card's height as drawn (event, px), once the observer has reported it.
    let measured = use_state_eq(|| None::<(u32, u64)>);
    // The scroll position as last seen, for the anchor.
    let scroll_top = use_mut_ref(|| 0.0f64);
    let pinch = use_mut_ref(Pinch::default);
    let doc = &props.document;
    let locale = props.locale;
    let lang = locale.code;

    // The length of each event's date and category chip (with its padding), as the
    // card's meta line writes them: once per document and language.
    let meta_chars = use_memo((Same(doc.clone()), lang), |(doc, _)| {
        let doc = &doc.0;
        doc.events
            .iter()
            .map(|e| {
                let chip = doc
                    .category(&e.category)
                    .map_or(0, |c| c.label.get(lang).chars().count() + 3);
                (locale.event_date(e).chars().count() as u32, chip as u32)
            })
            .collect::<Vec<(u32, u32)>>()
    });
    let card_width = (props.width - RAIL_PX).max(120.0);
    let column = use_memo(
        (
            Same(doc.clone()),
            Same(props.matching.clone()),
            Same(props.title_chars.clone()),
            Same(meta_chars.clone()),
            props.zoom.to_bits(),
            card_width.to_bits(),
            props.selected,
            *measured,
        ),
        |(doc, matching, titles, metas, zoom, width, selected, measured)| {
            let (doc, matching) = (&doc.0, &matching.0);
            let days: Vec<f64> = matching
                .iter()
                .map(|&i| doc.events.get(i as usize).map_or(0.0, |e| e.start_at()))
                .collect();
            let height = |k: usize| {
                let Some(&i) = matching.get(k) else {
                    return 1.0;
                };
                let Some(e) = doc.events.get(i as usize) else {
                    return 1.0;
                };
                let open = *selected == Some(i);
                if let Some((_, h)) = measured.filter(|(m, _)| open && *m == i) {
                    return h as f64;
                }
                let (date_chars, chip_chars) = metas.0.get(i as usize).copied().unwrap_or_default();
                let text = CardText {
                    date_chars,
                    chip_chars,
                    title_chars: titles.0.get(i as usize).copied().unwrap_or(0),
                    open: open.then(|| {
                        let summary = e.summary.get(lang).chars().count() as u32;
                        (summary, e.sources.len() as u32, e.media.is_some())
                    }),
                };
                card_height(&text, f64::from_bits(*width))
            };
            Column::new(&days, &height, f64::from_bits(*zoom), &Params::default())
        },
    );

    // The scroll anchor and the selection: after a render with a new column or a new
    // selection, scroll so that the selected card shows (when the selection changed) or
    // the card that was at the top stays there (zoom, filter, language, an opened card).
    let previous = use_mut_ref(|| {
        (
            Same(column.clone()),
            Same(props.matching.clone()),
            None::<u32>,
        )
    });
    {
        let (stage, window, scroll_top, previous) = (
            props.stage_ref.clone(),
            window.clone(),
            scroll_top.clone(),
            previous.clone(),
        );
        let matching = props.matching.clone();
        use_effect_with(
            (Same(column.clone()), props.selected),
            move |(column, selected)| {
                let Some(el) = stage.cast::<web_sys::Element>() else {
                    return;
                };
                let (old_column, old_matching, old_selected) =
                    previous.replace((column.clone(), Same(matching.clone()), *selected));
                let top = f64::from(el.scroll_top());
                let screen = f64::from(el.client_height());
                let column = &column.0;
                let position = |i: u32| matching.binary_search(&i).ok();
                let target = match selected.and_then(position) {
                    Some(k) if *selected != old_selected => {
                        let (y, h) = (column.ys[k], column.heights[k]);
                        // Scrolled to only when not already wholly on screen.
                        (y < top || y + h > top + screen).then_some(y - 8.0)
                    }
                    _ => {
                        // The card that was at the top, where it was.
                        let was = *scroll_top.borrow();
                        let old = &old_column.0;
                        let k = old.visible(was, was + 1.0).start;
                        old_matching.0.get(k).and_then(|&i| {
                            let offset = was - old.ys.get(k)?;
                            let now = position(i)?;
                            let y = column.ys[now] + offset.min(column.heights[now]);
                            ((y - top).abs() >= 1.0).then_some(y)
                        })
                    }
                };
                if let Some(y) = target {
                    el.set_scroll_top(y.max(0.0) as i32);
                }
                let top = f64::from(el.scroll_top());
                *scroll_top.borrow_mut() = top;
                window.set((quantize(top), screen.max(1.0)));
            },
        );
    }

    // The open card's height, as drawn, whenever it changes (its media load late).
    {
        let measured = measured.clone();
        let stage = props.stage_ref.clone();
        use_effect_with(props.selected, move |&selected| {
            let card = selected.and_then(|i| {
                let root = stage.cast::<web_sys::Element>()?;
                root.query_selector(&format!("[data-open-card=\"{i}\"]"))
                    .ok()?
            });
            let observe = {
                let card = card.clone();
                move || {
                    if let (Some(i), Some(card)) = (selected, &card) {
                        let h = card.get_bounding_client_rect().height();
                        if h > 0.0 {
                            measured.set(Some((i, h.ceil() as u64)));
                        }
                    }
                }
            };
            let callback = Closure::<dyn FnMut()>::new(observe);
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(card)) = (&observer, &card) {
                observer.observe(card);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(callback);
            }
        });
    }

    let onscroll = {
        let (window, scroll_top, stage) =
            (window.clone(), scroll_top.clone(), props.stage_ref.clone());
        // The box's own position, not the event target's: a scroll inside a card (a wide
        // media frame) reaches this listener too.
        Callback::from(move |_: Event| {
            if let Some(el) = stage.cast::<web_sys::Element>() {
                let top = f64::from(el.scroll_top());
                *scroll_top.borrow_mut() = top;
                window.set((quantize(top), f64::from(el.client_height()).max(1.0)));
            }
        })
    };
    let onclick = {
        let (onaction, selected) = (props.onaction.clone(), props.selected);
        let doc = doc.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(head) = target_with(&e, "[data-event-id]") else {
                return;
            };
            let id = head.get_attribute("data-event-id").unwrap_or_default();
            let open = selected
                .and_then(|i| doc.events.get(i as usize))
                .is_some_and(|ev| ev.id == id);
            onaction.emit(Action::Select((!open).then(|| id.into())));
        })
    };
    let onwheel = {
        let onaction = props.onaction.clone();
        Callback::from(move |e: WheelEvent| {
            // A trackpad's pinch comes as Ctrl + wheel; the plain wheel scrolls.
            if e.ctrl_key() || e.meta_key() {
                e.prevent_default();
                let factor = (-e.delta_y() * 0.01).exp().clamp(0.5, 2.0);
                onaction.emit(Action::ZoomAt { x: 0.0, factor });
            }
        })
    };
    let onpointerdown = {
        let pinch = pinch.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "touch" {
                let mut p = pinch.borrow_mut();
                p.touches.retain(|t| t.0 != e.pointer_id());
                p.touches.push((
                    e.pointer_id(),
                    f64::from(e.client_x()),
                    f64::from(e.client_y()),
                ));
                p.last = p.distance();
            }
        })
    };
    let onpointermove = {
        let (pinch, onaction) = (pinch.clone(), props.onaction.clone());
        Callback::from(move |e: PointerEvent| {
            let mut p = pinch.borrow_mut();
            let Some(t) = p.touches.iter_mut().find(|t| t.0 == e.pointer_id()) else {
                return;
            };
            (t.1, t.2) = (f64::from(e.client_x()), f64::from(e.client_y()));
            if let (Some(now), Some(last)) = (p.distance(), p.last) {
                let factor = now / last.max(1.0);
                if !(1.0 / PINCH_STEP..PINCH_STEP).contains(&factor) {
                    p.last = Some(now);
                    onaction.emit(Action::ZoomAt { x: 0.0, factor });
                }
            }
        })
    };
    let onpointerup = {
        let pinch = pinch.clone();
        Callback::from(move |e: PointerEvent| {
            let mut p = pinch.borrow_mut();
            p.touches.retain(|t| t.0 != e.pointer_id());
            p.last = p.distance();
        })
    };

    let (top, screen) = *window;
    let (y0, y1) = (top - OVERSCAN_PX, top + screen + QUANTUM_PX + OVERSCAN_PX);
    let range = column.visible(y0, y1);
    // The selected card is always rendered, so that focus can follow it there.
    let selected_at = props
        .selected
        .and_then(|i| props.matching.binary_search(&i).ok())
        .filter(|k| !range.contains(k));
    let on_screen = column.visible(*scroll_top.borrow(), *scroll_top.borrow() + screen);
    let id_at = |k: usize| {
        props
            .matching
            .get(k)
            .and_then(|&i| doc.events.get(i as usize))
    };
    *props.top_card.borrow_mut() = id_at(on_screen.start).map(|e| AttrValue::from(e.id.clone()));
    // One tab stop: the selected card (always rendered), else the first on screen.
    let tab_stop = props
        .selected
        .filter(|s| props.matching.binary_search(s).is_ok())
        .or_else(|| props.matching.get(on_screen.start).copied());

    let params = Params::default();
    let ticks = column.rail(y0, y1, props.calendar, locale, props.zone, &params);
    let gaps = {
        let first = column.gaps.partition_point(|g| g.top + g.height <= y0);
        let end = column.gaps.partition_point(|g| g.top < y1).max(first);
        column.gaps.get(first..end).unwrap_or(&[])
    };

    let mut styles = styles.borrow_mut();
    styles.begin();
    let column_node = styles.slot(
        COLUMN,
        0,
        [
            format!("{}px", px(column.height)),
            String::new(),
            String::new(),
        ],
    );
    let cards = selected_at.into_iter().chain(range.clone()).filter_map(|k| {
        let &i = props.matching.get(k)?;
        let e = doc.events.get(i as usize)?;
        let (y, h) = (*column.ys.get(k)?, *column.heights.get(k)?);
        let open = props.selected == Some(i);
        let node = styles.slot(CARDS, u64::from(i), [
            format!("translateY({}px)", px(y)),
            format!("{}px", px(h)),
            category_color(doc, e).to_owned(),
        ]);
        let (title, title_lang) = e.title.get_with_lang(lang);
        let (summary, summary_lang) = e.summary.get_with_lang(lang);
        let category = doc.category(&e.category);
        Some(html! {
            <li class="tl-vcard" key={e.id.clone()} ref={node}
                data-importance={importance_attr(e.importance)} data-open={open.then_some("")}>
                <div class="tl-vcard-box" data-open-card={open.then(|| i.to_string())}>
                    <button type="button" class="tl-vcard-head" data-event-id={e.id.clone()}
                        aria-expanded={if open { "true" } else { "false" }}
                        tabindex={if tab_stop == Some(i) { "0" } else { "-1" }}>
                        <span class="tl-card-meta">
                            { event_date(e, locale) }
                            if let Some(c) = category {
                                <span class="tl-chip" lang={lang_attr(c.label.get_with_lang(lang).1, lang)}>
                                    { c.label.get(lang) }
                                </span>
                            }
                        </span>
                        <span class="tl-vcard-title" lang={lang_attr(title_lang, lang)}>
                            { rich::inline_text(&e.title, title) }
                        </span>
                    </button>
                    if open {
                        <div class="tl-vcard-body">
                            { rich::block_text(&e.summary, summary, "tl-card-summary", lang_attr(summary_lang, lang)) }
                            if let Some(media) = &e.media {
                                { media_figure(media, locale, title) }
                            }
                            { sources(e, locale) }
                            { props.share.clone() }
                        </div>
                    }
                </div>
            </li>
        })
    });
    let cards: Html = cards.collect();
    let ticks_html: Html = ticks
        .iter()
        .map(|t| {
            let key = (t.y * 10.0).round() as i64;
            let node = styles.slot(TICKS, key as u64, [format!("translateY({}px)", px(t.y)), String::new(), String::new()]);
            html! {
                <div class="tl-vtick" {key} data-major={t.major.then_some("")} ref={node}>{ &t.label }</div>
            }
        })
        .collect();
    let gaps_html: Html = gaps
        .iter()
        .map(|g| {
            let node = styles.slot(
                GAPS,
                u64::from(g.after),
                [
                    format!("translateY({}px)", px(g.top)),
                    format!("{}px", px(g.height)),
                    String::new(),
                ],
            );
            html! {
                <div class="tl-vgap" key={g.after} ref={node}>
                    <span class="tl-vgap-label">{ gap_label(g.days, locale) }</span>
                </div>
            }
        })
        .collect();

    html! {
        <div class="tl-vertical" ref={props.stage_ref.clone()} role="region"
            aria-label={locale.counted(&locale.stage_label, props.matching.len())}
            data-zoom={px(props.zoom).to_string()}
            {onscroll} {onclick} {onwheel} {onpointerdown} {onpointermove}
            onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
            <div class="tl-vcolumn" ref={column_node}>
                <div class="tl-vrail" aria-hidden="true">
                    { ticks_html }
                    { gaps_html }
                </div>
                <ol class="tl-vcards">{ cards }</ol>
            </div>
        </div>
    }
}

/// The window's top for a scroll position: rounded down to a step.
fn quantize(top: f64) -> f64 {
    (top / QUANTUM_PX).floor() * QUANTUM_PX
}

/// What a compressed gap stands for, in years, months or days (rounded; `as` saturates),
/// in `locale`.
fn gap_label(days: f64, locale: &Locale) -> String {
    let (plural, n) = if days >= 730.0 {
        (&locale.gap_years, days / 365.2425)
    } else if days >= 61.0 {
        (&locale.gap_months, days / 30.436875)
    } else {
        (&locale.gap_days, days)
    };
    locale.counted(plural, n.round() as usize)
}

/// The kinds of element the view positions (see `inline`): the column (its height),
/// cards (their top, height and category colour), rail labels and gap marks.
const STYLES: Kinds = &[
    &["height"],
    &["transform", "height", "--tl-cat"],
    &["transform"],
    &["transform", "height"],
];
const COLUMN: usize = 0;
const CARDS: usize = 1;
const TICKS: usize = 2;
const GAPS: usize = 3;
