//! The visible time window and the zoom and pan maths.
//!
//! A [`Viewport`] is an immutable value: the window `[start, end)` in days (fractional,
//! day 0 = 1970-01-01), the width in CSS pixels it is drawn at, and the limits it must
//! respect. Every operation returns a new viewport; the UI keeps one in its state and
//! draws from it. Nothing here knows about the DOM.
//!
//! Invariants (property-tested below):
//! - the span is within `[min_span, max_span]` and the window within the bounds;
//! - `zoom_at` keeps the day under the anchor pixel fixed unless a limit stops it;
//! - `pan` keeps the span.

use super::date::Day;

/// Zooming in stops when this many days fill the whole width, for data of whole days:
/// the axis's hours begin below it (`axis::SUB_DAY_WINDOW_DAYS`), and they would mean
/// nothing for such data.
pub const MIN_SPAN_DAYS: f64 = 3.0;
/// The margin around the data's extent, as a fraction of the extent's length.
pub const MARGIN_FRACTION: f64 = 0.04;
/// The smallest margin around the data, in days, so a one-day extent still has room.
pub const MIN_MARGIN_DAYS: f64 = 14.0;

/// How far in one may zoom and the least margin around the data: set by the data's
/// finest dates, so that a night of events given to the minute can fill the stage while
/// data of whole days does not zoom into hours where nothing is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// The narrowest window, in days.
    pub min_span: f64,
    /// The least margin either side of the data's extent, in days.
    pub min_margin: f64,
}

impl Limits {
    /// For dates of whole days (or months, or years).
    pub const DAYS: Limits = Limits {
        min_span: MIN_SPAN_DAYS,
        min_margin: MIN_MARGIN_DAYS,
    };
    /// For data with times of day: down to half an hour across the width, and a quarter
    /// of an hour of margin.
    pub const MINUTES: Limits = Limits {
        min_span: 30.0 / 1440.0,
        min_margin: 15.0 / 1440.0,
    };

    pub fn for_data(has_times: bool) -> Limits {
        if has_times {
            Limits::MINUTES
        } else {
            Limits::DAYS
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    start: f64,
    end: f64,
    width: f64,
    bounds: (f64, f64),
    min_span: f64,
}

/// The smallest width we compute with; a hidden or collapsed element reports 0.
const MIN_WIDTH_PX: f64 = 1.0;

impl Viewport {
    /// A viewport showing the whole extent (first to last day, inclusive) plus margins,
    /// drawn `width` pixels wide. The extent also sets how far out one can zoom and pan.
    pub fn fit_to(first: Day, last: Day, width: f64) -> Viewport {
        let (lo, hi) = (first.0.min(last.0) as f64, first.0.max(last.0) as f64 + 1.0);
        Viewport::fit_extent(lo, hi, width, Limits::DAYS)
    }

    /// A viewport showing `[from, until)` (days, fractional) plus margins, `width` pixels
    /// wide, within `limits`. Non-finite input gives a window around day 0.
    pub fn fit_extent(from: f64, until: f64, width: f64, limits: Limits) -> Viewport {
        let finite = from.is_finite() && until.is_finite();
        let (lo, hi) = if finite {
            (from.min(until), from.max(until))
        } else {
            (0.0, 1.0)
        };
        let min_span = if limits.min_span.is_finite() && limits.min_span > 0.0 {
            limits.min_span
        } else {
            MIN_SPAN_DAYS
        };
        let margin = ((hi - lo) * MARGIN_FRACTION).max(limits.min_margin.max(0.0));
        let (mut b0, mut b1) = (lo - margin, hi + margin);
        if b1 - b0 < min_span {
            let grow = (min_span - (b1 - b0)) / 2.0;
            b0 -= grow;
            b1 += grow;
        }
        Viewport {
            start: b0,
            end: b1,
            width: sanitize_width(width),
            bounds: (b0, b1),
            min_span,
        }
    }

    pub fn start(&self) -> f64 {
        self.start
    }

    pub fn end(&self) -> f64 {
        self.end
    }

    /// Days shown across the width.
    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    pub fn width(&self) -> f64 {
        self.width
    }

    /// The furthest one may pan: the data's extent plus margins.
    pub fn bounds(&self) -> (f64, f64) {
        self.bounds
    }

    pub fn px_per_day(&self) -> f64 {
        self.width / self.span()
    }

    pub fn min_span(&self) -> f64 {
        self.min_span
    }

    pub fn max_span(&self) -> f64 {
        self.bounds.1 - self.bounds.0
    }

    /// The x coordinate (pixels from the left edge) of a moment in days.
    pub fn x_of(&self, day: f64) -> f64 {
        (day - self.start) * self.px_per_day()
    }

    /// The moment, in days, at pixel `x`.
    pub fn day_at(&self, x: f64) -> f64 {
        self.start + x / self.px_per_day()
    }

    pub fn can_zoom_in(&self) -> bool {
        self.span() > self.min_span * (1.0 + 1e-9)
    }

    pub fn can_zoom_out(&self) -> bool {
        self.span() < self.max_span() * (1.0 - 1e-9)
    }

    /// Zooms by `factor` (above 1 zooms in, below 1 out) keeping the day under
    /// `anchor_px` where it is, as far as the limits allow. Non-finite or non-positive
    /// input leaves the viewport unchanged.
    pub fn zoom_at(&self, anchor_px: f64, factor: f64) -> Viewport {
        if !(factor.is_finite() && factor > 0.0 && anchor_px.is_finite()) {
            return *self;
        }
        let anchor_px = clamp(anchor_px, 0.0, self.width);
        let anchor_day = self.day_at(anchor_px);
        let span = clamp(self.span() / factor, self.min_span, self.max_span());
        let start = anchor_day - anchor_px / self.width * span;
        self.with_window(start, start + span)
    }

    /// Moves the window by `dx` pixels: positive `dx` drags the content right, which shows
    /// earlier days, as a hand dragging a sheet of paper would.
    pub fn pan(&self, dx: f64) -> Viewport {
        if !dx.is_finite() {
            return *self;
        }
        let shift = dx / self.px_per_day();
        self.with_window(self.start - shift, self.end - shift)
    }

    /// The window `[start, end)`, clamped to the limits (span first, then position).
    pub fn with_window(&self, start: f64, end: f64) -> Viewport {
        if !(start.is_finite() && end.is_finite()) {
            return *self;
        }
        let (start, end) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        let span = clamp(end - start, self.min_span, self.max_span());
        let middle = (start + end) / 2.0;
        let mut start = middle - span / 2.0;
        // Keep a window that was already against an edge exactly there.
        if start < self.bounds.0 {
            start = self.bounds.0;
        }
        // Against the right edge, the window ends exactly there (`start + span` could round
        // to just inside it).
        let end = if start + span > self.bounds.1 {
            start = self.bounds.1 - span;
            self.bounds.1
        } else {
            start + span
        };
        // Rounding noise is not a change: callers rely on equality to skip re-rendering.
        let noise = 1e-9 * self.span();
        if (start - self.start).abs() <= noise && (end - self.end).abs() <= noise {
            return *self;
        }
        Viewport {
            start,
            end,
            ..*self
        }
    }

    /// Keeps the span and puts `day` in the middle, as far as the bounds allow.
    pub fn centered_on(&self, day: f64) -> Viewport {
        let half = self.span() / 2.0;
        self.with_window(day - half, day + half)
    }

    /// The same window, clamped as needed, if `[first, last]` (days) is not already
    /// inside it with `padding_px` to spare on each side; otherwise the window moved the
    /// least distance that shows it (zooming out if it is wider than the view).
    pub fn revealing(&self, first: f64, last: f64, padding_px: f64) -> Viewport {
        let pad = padding_px.max(0.0) / self.px_per_day();
        let (lo, hi) = (first - pad, last + pad);
        if lo >= self.start && hi <= self.end {
            return *self;
        }
        if hi - lo > self.span() {
            return self.with_window(lo, hi);
        }
        let shift = if lo < self.start {
            lo - self.start
        } else {
            hi - self.end
        };
        self.with_window(self.start + shift, self.end + shift)
    }

    /// Shows everything: the whole bounds.
    pub fn show_all(&self) -> Viewport {
        self.with_window(self.bounds.0, self.bounds.1)
    }

    /// The whole bounds, computed from them alone: the same for every window. (`show_all`
    /// keeps the current window when it already shows everything up to rounding noise, so
    /// its result differs by that noise from one step to the next.)
    pub fn whole(&self) -> Viewport {
        // `fit_extent` made the bounds at least the narrowest window apart: a valid one.
        Viewport {
            start: self.bounds.0,
            end: self.bounds.1,
            ..*self
        }
    }

    /// The same window drawn at another width (the element was resized).
    pub fn with_width(&self, width: f64) -> Viewport {
        Viewport {
            width: sanitize_width(width),
            ..*self
        }
    }
}

/// `f64::clamp` without its panic: the same result whenever `lo <= hi` (NaN stays NaN).
/// The standard one asserts `lo <= hi` and formats both bounds with `Debug` when that
/// fails, which alone links float printing (~10 KB) into the WASM.
fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

fn sanitize_width(width: f64) -> f64 {
    if width.is_finite() {
        width.max(MIN_WIDTH_PX)
    } else {
        MIN_WIDTH_PX
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::Date;

    fn day(s: &str) -> Day {
        Date::parse(s).unwrap().first_day()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-6 * (1.0 + a.abs().max(b.abs()))
    }

    fn sample() -> Viewport {
        Viewport::fit_to(day("1955-01-01"), day("2026-02-14"), 1000.0)
    }

    #[test]
    fn fit_shows_the_extent_with_margins() {
        let v = sample();
        assert!(v.start() < day("1955-01-01").0 as f64);
        assert!(v.end() > day("2026-02-14").0 as f64 + 1.0);
        let extent = (day("2026-02-14").0 + 1 - day("1955-01-01").0) as f64;
        assert!(close(v.span(), extent * (1.0 + 2.0 * MARGIN_FRACTION)));
        assert_eq!(v.bounds(), (v.start(), v.end()));
    }

    #[test]
    fn the_whole_view_is_the_same_from_every_window() {
        let v = Viewport::fit_to(Day(-3000), Day(17000), 1238.0);
        let whole = v.whole();
        assert_eq!((whole.start(), whole.end()), v.bounds());
        assert_eq!(whole.width(), v.width());
        // Wheel steps in and out (as bench/widgets.mjs's zoom script): zoomed out to the
        // full view again, the window is the bounds up to rounding noise, which differs
        // from one time to the next.
        let mut w = v;
        for (fx, steps) in [
            (0.5, 5),
            (0.2, -3),
            (0.8, 3),
            (0.35, -5),
            (0.6, 4),
            (0.5, -4),
            (0.65, 5),
            (0.3, -5),
        ] {
            for _ in 0..i32::abs(steps) {
                w = w.zoom_at(fx * w.width(), (0.18 * f64::from(steps.signum())).exp());
                assert_eq!(w.whole(), whole, "at {:?}", w);
            }
        }
        assert_eq!(w.pan(123.0).whole(), whole);
    }

    #[test]
    fn a_single_day_gets_a_usable_window() {
        let v = Viewport::fit_to(day("2012-09-07"), day("2012-09-07"), 600.0);
        assert!(close(v.span(), 1.0 + 2.0 * MIN_MARGIN_DAYS));
        assert!(v.x_of(day("2012-09-07").0 as f64) > 0.0);
        assert!(v.x_of(day("2012-09-08").0 as f64) < 600.0);
    }

    #[test]
    fn pixel_and_day_conversions_are_inverse() {
        let v = sample();
        for x in [0.0, 1.0, 333.3, 999.0, 1000.0] {
            assert!(close(v.x_of(v.day_at(x)), x));
        }
        assert!(close(v.x_of(v.start()), 0.0));
        assert!(close(v.x_of(v.end()), 1000.0));
    }

    #[test]
    fn zoom_table() {
        // (anchor px, factor, expected span as a fraction of the full span or None to
        // mean "clamped to the minimum")
        let v = sample();
        let full = v.span();
        let cases: [(f64, f64, Option<f64>); 6] = [
            (500.0, 2.0, Some(0.5)),
            (0.0, 4.0, Some(0.25)),
            (1000.0, 10.0, Some(0.1)),
            (250.0, 0.5, Some(1.0)),
            (700.0, 1.0, Some(1.0)),
            (700.0, 1e12, None),
        ];
        for (anchor, factor, fraction) in cases {
            let z = v.zoom_at(anchor, factor);
            match fraction {
                Some(f) => assert!(close(z.span(), full * f), "{anchor} {factor}"),
                None => assert!(close(z.span(), MIN_SPAN_DAYS)),
            }
            if factor >= 1.0 {
                assert!(close(z.day_at(anchor), v.day_at(anchor)), "anchor moved");
            }
        }
    }

    #[test]
    fn zooming_out_past_the_extent_stops_at_the_bounds() {
        let v = sample();
        let z = v.zoom_at(300.0, 4.0).zoom_at(900.0, 0.01);
        assert_eq!((z.start(), z.end()), v.bounds());
        assert!(!z.can_zoom_out());
        assert!(z.can_zoom_in());
    }

    #[test]
    fn zooming_out_at_the_limit_is_no_change_at_all() {
        let v = sample();
        assert_eq!(v.zoom_at(123.4, 0.5), v);
        assert_eq!(v.zoom_at(877.0, 0.9), v);
    }

    #[test]
    fn bad_numbers_change_nothing() {
        let v = sample();
        for f in [0.0, -2.0, f64::NAN, f64::INFINITY] {
            assert_eq!(v.zoom_at(10.0, f), v);
        }
        assert_eq!(v.zoom_at(f64::NAN, 2.0), v);
        assert_eq!(v.pan(f64::NAN), v);
        assert_eq!(v.with_window(f64::NAN, 3.0), v);
        assert_eq!(v.with_width(f64::NAN).width(), 1.0);
        assert_eq!(v.with_width(-5.0).width(), 1.0);
    }

    #[test]
    fn pan_moves_by_pixels_and_stops_at_the_bounds() {
        let v = sample().zoom_at(500.0, 8.0);
        let p = v.pan(100.0);
        assert!(close(p.start(), v.start() - 100.0 / v.px_per_day()));
        assert!(close(p.span(), v.span()));
        let far = v.pan(1e9);
        assert_eq!(far.start(), v.bounds().0);
        let other = v.pan(-1e9);
        assert_eq!(other.end(), v.bounds().1);
    }

    #[test]
    fn revealing_moves_only_as_needed() {
        let v = sample().zoom_at(500.0, 10.0);
        let inside = v.day_at(500.0);
        assert_eq!(v.revealing(inside, inside, 20.0), v);
        let target = v.end() + 100.0;
        let r = v.revealing(target, target, 20.0);
        assert!(close(r.span(), v.span()));
        assert!(close(r.x_of(target), r.width() - 20.0));
        let wide = v.revealing(v.start() - 1000.0, v.end() + 1000.0, 0.0);
        assert!(wide.span() > v.span());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn viewport() -> impl Strategy<Value = Viewport> {
            (
                -800_000i64..800_000,
                0i64..60_000,
                1.0f64..4000.0,
                0.0f64..1.0,
                0.0f64..1.0,
            )
                .prop_map(|(first, len, width, a, b)| {
                    let v = Viewport::fit_to(Day(first), Day(first + len), width);
                    let (s, e) = (
                        v.bounds().0 + a * v.max_span(),
                        v.bounds().0 + b * v.max_span(),
                    );
                    v.with_window(s, e)
                })
        }

        fn within_limits(v: &Viewport) -> bool {
            let eps = 1e-6 * v.max_span().max(1.0);
            v.span() >= MIN_SPAN_DAYS - eps
                && v.span() <= v.max_span() + eps
                && v.start() >= v.bounds().0 - eps
                && v.end() <= v.bounds().1 + eps
        }

        proptest! {
            #[test]
            fn every_operation_respects_the_limits(v in viewport(), x in -100.0f64..5000.0, f in 0.001f64..1000.0, dx in -1e7f64..1e7) {
                prop_assert!(within_limits(&v));
                prop_assert!(within_limits(&v.zoom_at(x, f)));
                prop_assert!(within_limits(&v.pan(dx)));
                prop_assert!(within_limits(&v.centered_on(v.start() + dx)));
                prop_assert!(within_limits(&v.show_all()));
            }

            #[test]
            fn zoom_keeps_the_anchor_unless_limited(v in viewport(), t in 0.0f64..1.0, f in 0.1f64..10.0) {
                let x = t * v.width();
                let z = v.zoom_at(x, f);
                let wanted = v.span() / f;
                let limited = wanted < MIN_SPAN_DAYS || wanted > v.max_span()
                    || z.start() <= v.bounds().0 || z.end() >= v.bounds().1;
                if !limited {
                    let tolerance = 1e-9 * (v.day_at(x).abs() + v.span()) + 1e-9;
                    prop_assert!((z.day_at(x) - v.day_at(x)).abs() <= tolerance);
                    prop_assert!((z.span() - wanted).abs() <= 1e-9 * wanted);
                }
            }

            #[test]
            fn pan_keeps_the_span(v in viewport(), dx in -1e7f64..1e7) {
                let p = v.pan(dx);
                prop_assert!((p.span() - v.span()).abs() <= 1e-9 * v.span());
            }

            #[test]
            fn zoom_in_then_out_returns_when_unclamped(v in viewport(), t in 0.1f64..0.9) {
                let x = t * v.width();
                let z = v.zoom_at(x, 2.0);
                if z.span() * 2.0 <= v.max_span() && (z.span() - v.span() / 2.0).abs() < 1e-9 * v.span() {
                    let back = z.zoom_at(x, 0.5);
                    if back.start() > v.bounds().0 && back.end() < v.bounds().1 {
                        prop_assert!((back.start() - v.start()).abs() <= 1e-6 * v.span());
                    }
                }
            }
        }
    }
}
