//! The overview strip under the timeline: the whole extent, the density of matching
//! events as a histogram (so its DOM stays small for any dataset) and a window showing
//! what the main view shows. Dragging the window moves the view; pressing elsewhere
//! recentres it there.

use std::rc::Rc;

use yew::prelude::*;

use super::stage::x_inside;
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
    let drag = use_mut_ref(|| None::<(i32, f64)>);
    let overview_ref = use_node_ref();

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
            *drag.borrow_mut() = Some((e.pointer_id(), sign * client_x));
        })
    };
    let onpointermove = {
        let (drag, onaction) = (drag.clone(), props.onaction.clone());
        Callback::from(move |e: PointerEvent| {
            let mut d = drag.borrow_mut();
            if let Some((id, last)) = *d {
                if id == e.pointer_id() {
                    let x = sign * f64::from(e.client_x());
                    *d = Some((id, x));
                    onaction.emit(Action::Pan(-(x - last) * ratio));
                }
            }
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };

    html! {
        <div class="tl-overview" ref={overview_ref} aria-hidden="true"
            {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
            <Histogram document={props.document.clone()} matching={props.matching.clone()} viewport={full} {sign} />
            <div class="tl-overview-window"
                style={format!("transform: translateX({}px); width: {}px", px(sign * left), px(width))}></div>
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct HistogramProps {
    document: Rc<Document>,
    matching: Rc<Vec<u32>>,
    /// The whole extent, at the overview's width.
    viewport: Viewport,
    /// -1 when time runs right to left.
    sign: f64,
}

/// Counts of matching events per bin of [`BIN_PX`] pixels. Re-rendered only when the
/// matching events or the width change, not on every zoom or pan.
#[component]
fn Histogram(props: &HistogramProps) -> Html {
    let full = props.viewport;
    let bins = bin_counts(&props.document, &props.matching, &full);
    let max = bins.iter().copied().max().unwrap_or(0).max(1) as f64;
    html! {
        <div class="tl-histogram">
            { for bins.iter().enumerate().filter(|(_, &n)| n > 0).map(|(i, &n)| {
                // Square-root scale: one event stays visible next to a burst of hundreds.
                let height = 15.0 + 85.0 * ((n as f64).sqrt() / max.sqrt());
                html! {
                    <span class="tl-bin"
                        style={format!("transform: translateX({}px); height: {}%", px(props.sign * i as f64 * BIN_PX), Fixed(height, 0))}></span>
                }
            }) }
        </div>
    }
}

/// How many of the matching events start in each bin of the overview.
fn bin_counts(doc: &Document, matching: &[u32], full: &Viewport) -> Vec<u32> {
    let n = (full.width() / BIN_PX).ceil().max(1.0) as usize;
    let mut bins = vec![0u32; n];
    for &i in matching {
        if let Some(e) = doc.events.get(i as usize) {
            let bin = (full.x_of(e.start_day().0 as f64) / BIN_PX).floor();
            if bin >= 0.0 && (bin as usize) < n {
                bins[bin as usize] += 1;
            }
        }
    }
    bins
}
