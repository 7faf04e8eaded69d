//! The overview strip under the timeline: the whole extent, the density of matching
//! events as a histogram (so its DOM stays small for any dataset) and a window showing
//! what the main view shows. Dragging the window moves the view; pressing elsewhere
//! recentres it there.

use std::rc::Rc;

use yew::prelude::*;

use super::dom::x_inside;
use super::gestures::OverviewDrag;
use super::inline::use_styles;
use super::state::Action;
use super::text::{px, Fixed};
use crate::model::format::Document;
use crate::model::viewport::Viewport;

/// Width of one histogram bar, in pixels.
const BIN_PX: f64 = 3.0;

#[derive(Properties, PartialEq, Clone)]
pub struct OverviewProps {
    pub document: Rc<Document>,
    pub matching: Rc<Vec<u32>>,
    pub viewport: Viewport,
    /// Time runs right to left (Persian): the strip is mirrored like the timeline.
    pub rtl: bool,
    pub onaction: Callback<Action>,
}

#[component]
pub fn Overview(props: &OverviewProps) -> Html {
    let view = props.viewport;
    // The same value on every step, so the histogram is not re-rendered.
    let full = view.whole();
    let rtl = props.rtl;
    let sign = if rtl { -1.0 } else { 1.0 };
    let drag = use_mut_ref(OverviewDrag::default);
    let overview_ref = use_node_ref();
    // The window's position and width, written through the CSSOM (see `inline`).
    let styles = use_styles(&[&["transform", "width"]]);

    let left = full.x_of(view.start());
    let width = (full.x_of(view.end()) - left).max(2.0);
    // Days per main-view pixel over days per overview pixel: how far a drag moves the view.
    let ratio = view.px_per_day() / full.px_per_day();

    let onpointerdown = {
        let (drag, onaction, node) = (drag.clone(), props.onaction.clone(), overview_ref.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(el) = node.cast::<web_sys::Element>() else {
                return;
            };
            let x = x_inside(&el, e.client_x(), rtl);
            let client_x = f64::from(e.client_x());
            if x < left || x > left + width {
                onaction.emit(Action::CenterOn(full.day_at(x)));
            }
            let _ = el.set_pointer_capture(e.pointer_id());
            drag.borrow_mut().down(e.pointer_id(), sign * client_x);
        })
    };
    let onpointermove = {
        let (drag, onaction) = (drag.clone(), props.onaction.clone());
        Callback::from(move |e: PointerEvent| {
            let x = sign * f64::from(e.client_x());
            if let Some(action) = drag.borrow_mut().moved(e.pointer_id(), x, ratio) {
                onaction.emit(action);
            }
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| drag.borrow_mut().up())
    };

    let window_ref = {
        let mut styles = styles.borrow_mut();
        styles.begin();
        styles.slot(
            0,
            0,
            [
                format!("translateX({}px)", px(sign * left)),
                format!("{}px", px(width)),
                String::new(),
            ],
        )
    };
    html! {
        <div class="tl-overview" ref={overview_ref} aria-hidden="true"
            {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
            <Histogram document={props.document.clone()} matching={props.matching.clone()} viewport={full} />
            <div class="tl-overview-window" ref={window_ref}></div>
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct HistogramProps {
    document: Rc<Document>,
    matching: Rc<Vec<u32>>,
    /// The whole extent, at the overview's width.
    viewport: Viewport,
}

/// Counts of matching events per bin of [`BIN_PX`] pixels, drawn as one SVG path (CSS
/// mirrors it right to left). Re-rendered only when the matching events or the width
/// change, not on every zoom or pan. One element rather than one per bar: several hundred
/// positioned bars made every zoom step's hit testing, layerisation and paint slower,
/// though none of them changed.
#[component]
fn Histogram(props: &HistogramProps) -> Html {
    let full = props.viewport;
    let bins = bin_counts(&props.document, &props.matching, &full);
    html! {
        <svg class="tl-histogram" viewBox={format!("0 0 {} 100", px(full.width()))}
            preserveAspectRatio="none" data-bars={bins.iter().filter(|&&n| n > 0).count().to_string()}>
            <path d={histogram_path(&bins)} />
        </svg>
    }
}

/// The bars of the histogram as SVG path data, in a box 100 units high: bin `i` at
/// `i × BIN_PX`, one unit narrower than that, and as tall as the square root of its count
/// against the largest (so one event stays visible next to a burst of hundreds), at least
/// 15 units. Empty bins draw nothing.
fn histogram_path(bins: &[u32]) -> String {
    use std::fmt::Write;
    let max = f64::from(bins.iter().copied().max().unwrap_or(0).max(1)).sqrt();
    let mut d = String::new();
    for (i, &n) in bins.iter().enumerate().filter(|(_, &n)| n > 0) {
        let height = 15.0 + 85.0 * (f64::from(n).sqrt() / max);
        let _ = write!(
            d,
            "M{} 100V{}h{}V100z",
            Fixed(i as f64 * BIN_PX, 0),
            Fixed(100.0 - height, 0),
            Fixed(BIN_PX - 1.0, 0)
        );
    }
    d
}

/// How many of the matching events start in each bin of the overview.
fn bin_counts(doc: &Document, matching: &[u32], full: &Viewport) -> Vec<u32> {
    let n = (full.width() / BIN_PX).ceil().max(1.0) as usize;
    let mut bins = vec![0u32; n];
    for &i in matching {
        if let Some(e) = doc.events.get(i as usize) {
            let bin = (full.x_of(e.start_at()) / BIN_PX).floor();
            if bin >= 0.0 && (bin as usize) < n {
                bins[bin as usize] += 1;
            }
        }
    }
    bins
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_histogram_draws_one_bar_per_non_empty_bin() {
        assert_eq!(histogram_path(&[]), "");
        assert_eq!(histogram_path(&[0, 0]), "");
        // The largest bin is full height; 1 of 4 is half the square root's way up from 15.
        assert_eq!(
            histogram_path(&[4, 0, 1]),
            "M0 100V0h2V100zM6 100V43h2V100z"
        );
    }
}
