//! The first window a reader sees: the one that shows the most of the story without a
//! click. Fitted to all the data, a long timeline folds its busy years into a few "+N"
//! badges; this tries windows ending where the data ends (the latest events, usually the
//! news), each a fixed fraction narrower than the one before, lays each out as the stage
//! would, and keeps the one that shows the most: the events placed, less those folded into
//! a cluster beyond its first [`MAX_FIRST_CLUSTER`] (so a window that shows a few more
//! but hides many in one badge loses); the widest of those that tie. Reads the layout;
//! never the DOM.
//!
//! The cost is that of [`FIRST_WINDOWS`] layouts, each following what is on screen.

use super::layout::{layout, Layout, LayoutParams, Ranked, Span};
use super::viewport::Viewport;

/// The largest cluster the first view should show.
pub const MAX_FIRST_CLUSTER: u32 = 5;
/// How many windows are tried, the whole data first.
pub const FIRST_WINDOWS: u32 = 20;
/// Each window tried is this fraction of the one before.
const NARROWING: f64 = 0.85;
/// The room after the last event, as a fraction of the window.
const END_MARGIN: f64 = 0.02;

/// The window of `whole` (a viewport fitted to all the data, at the stage's width) to
/// show first. `ranked`, `spans`, `longest_days` and `label_chars` are the layout's.
pub fn first_window(
    spans: &[Span],
    ranked: &Ranked,
    longest_days: f64,
    whole: &Viewport,
    params: &LayoutParams,
    label_chars: &dyn Fn(u32) -> usize,
) -> Viewport {
    let last = ranked.all.last().and_then(|&i| spans.get(i as usize));
    let mut best = (*whole, i64::MIN);
    let mut span = whole.max_span();
    for _ in 0..FIRST_WINDOWS {
        // Ending a little after the last event's start (the bounds' margin would leave a
        // stretch of nothing at the end).
        let end = last.map_or(f64::INFINITY, |s| s.start_at() + span * END_MARGIN);
        let end = end.min(whole.bounds().1);
        let view = whole.with_window(end - span, end);
        let laid = layout(
            spans,
            ranked,
            longest_days,
            &view,
            params,
            None,
            &[],
            label_chars,
        );
        let score = shown(&laid, &view);
        // Only a window that shows something (not an empty stretch, nor one that hides
        // more than it shows) replaces the whole view.
        if score > best.1 && (score > 0 || best.1 == i64::MIN) {
            best = (view, score);
        }
        if span <= view.min_span() || laid.clusters.is_empty() {
            // Narrower windows can only show fewer events.
            break;
        }
        span *= NARROWING;
    }
    best.0
}

/// How much of the story a layout in `view` shows: the events placed with their marker in
/// view (not those before it that the layout places for their labels), less those folded
/// into a cluster beyond its first [`MAX_FIRST_CLUSTER`].
pub fn shown(laid: &Layout, view: &Viewport) -> i64 {
    let placed = laid
        .placed
        .iter()
        .filter(|p| p.x >= 0.0 && p.x <= view.width())
        .count();
    let buried: i64 = laid
        .clusters
        .iter()
        .map(|c| i64::from(c.count.saturating_sub(MAX_FIRST_CLUSTER)))
        .sum();
    placed as i64 - buried
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::layout::{longest_days, spans};
    use crate::model::synthetic::synthetic;
    use crate::model::viewport::Limits;

    fn first(events: &[crate::model::Event], width: f64, rows: u32) -> (Viewport, Viewport) {
        let spans = spans(events);
        let all: Vec<u32> = (0..events.len() as u32).collect();
        let chars = |_| 30;
        let ranked = Ranked::new(&spans, &all, &chars);
        let (a, b) = events
            .first()
            .zip(events.last())
            .map_or((0.0, 1.0), |(a, b)| (a.start_at(), b.end_at()));
        let whole = Viewport::fit_extent(a, b, width, Limits::DAYS);
        let params = LayoutParams {
            rows,
            ..LayoutParams::default()
        };
        let view = first_window(
            &spans,
            &ranked,
            longest_days(events),
            &whole,
            &params,
            &chars,
        );
        (whole, view)
    }

    #[test]
    fn sparse_data_is_shown_whole() {
        let events = synthetic(5, 1).events;
        let (whole, view) = first(&events, 1200.0, 6);
        assert_eq!(view, whole);
    }

    #[test]
    fn dense_data_opens_on_its_latest_events_with_small_clusters() {
        let events = synthetic(400, 7).events;
        let (whole, view) = first(&events, 1200.0, 6);
        assert!(view.span() < whole.span());
        let last = events.iter().map(|e| e.start_at()).fold(f64::MIN, f64::max);
        assert!(
            view.end() > last && view.end() <= whole.end(),
            "ends with the data"
        );
        let spans = spans(&events);
        let all: Vec<u32> = (0..events.len() as u32).collect();
        let ranked = Ranked::new(&spans, &all, &|_| 30);
        let params = LayoutParams {
            rows: 6,
            ..LayoutParams::default()
        };
        let count = |v: &Viewport| {
            let l = layout(
                &spans,
                &ranked,
                longest_days(&events),
                v,
                &params,
                None,
                &[],
                &|_| 30,
            );
            (
                shown(&l, v),
                l.clusters.iter().map(|c| c.count).max().unwrap_or(0),
            )
        };
        let (shown, largest) = count(&view);
        let (shown_whole, largest_whole) = count(&whole);
        assert!(
            largest_whole > MAX_FIRST_CLUSTER,
            "fitted whole, it folds more"
        );
        assert!(largest < largest_whole, "{largest}");
        assert!(shown > shown_whole, "{shown} {shown_whole}");
        // Each step narrower from there shows less.
        let narrower = whole.with_window(view.end() - view.span() * NARROWING, view.end());
        assert!(count(&narrower).0 <= shown);
    }

    #[test]
    fn no_data_and_one_event_keep_the_whole_view() {
        for n in [0, 1] {
            let events = synthetic(n, 3).events;
            let (whole, view) = first(&events, 800.0, 4);
            assert_eq!(view, whole, "{n}");
        }
    }
}
