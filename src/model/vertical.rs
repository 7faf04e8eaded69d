//! The vertical timeline's geometry: where each card goes on a column where time runs
//! downward, where long empty stretches are compressed (and marked), the labels of the
//! time rail beside the cards, and which cards a scroll window shows.
//!
//! Plain numbers in, plain numbers out: the caller gives the matching events' start days
//! (in date order), each card's height (estimated from its text by [`card_height`]; the
//! model never measures anything) and a zoom in pixels per day. It knows nothing of the
//! DOM, of languages (rail labels come from a [`TickLabels`]) or of the UI's state.
//!
//! **Spacing.** Card `i` goes at `y[i] = y[i-1] + d`, where `d` is the distance time
//! would give (`(day[i] - day[i-1]) · px_per_day`), but never less than the card above
//! plus [`Params::card_gap_px`]: cards never overlap, so crowded stretches read as a list
//! and sparse ones show their time. The *empty* stretch between two cards is what time
//! leaves once the card above is drawn: `e = d - height[i-1] - card_gap`. Up to
//! [`Params::max_empty_px`] it is drawn as it is; beyond, it is **compressed**: drawn
//! `max_empty + scale · ln(1 + (e - max_empty) / scale)`, at most
//! [`Params::max_compressed_px`], and marked with a [`Gap`] (the view draws a break on
//! the rail, labelled with the time it stands for). The shown empty length is then a
//! continuous, non-decreasing function of the natural one, never longer than it: a gap
//! of more empty time never shows shorter than one of less, and compression never
//! lengthens anything (both property-tested below).
//!
//! **Rail.** Between two cards whose gap is not compressed, y is linear in time (the
//! segment from one card's day and y to the next's). The rail's labels are the ticks of
//! [`axis`] (the same units, calendars and labels as the horizontal view's axis, Persian
//! digits and Solar Hijri included) for each maximal run of uncompressed segments in the
//! window, mapped through those segments; compressed gaps carry their mark instead. Each
//! axis call covers a run whose time, at the zoom, is no longer than its height on screen,
//! so the work is bounded by the window, never by the data.
//!
//! **Cost.** [`Column::new`] is one pass (O(n)); [`Column::visible`] is two binary
//! searches; [`Column::rail`] is bounded by the cards and ticks in the window. The only
//! sort is [`fit_zoom`]'s (n log n), once per document.

use std::ops::Range;

use super::axis::{axis, TickLabels, CHAR_WIDTH_PX};
use super::calendar::Calendar;
use super::sort::{f64_key, sort_by_key};
use super::viewport::{Limits, Viewport};

/// The spacing rules, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// The least space between two cards.
    pub card_gap_px: f64,
    /// Empty stretches up to this long are drawn at their length.
    pub max_empty_px: f64,
    /// How fast a compressed stretch still grows with its length (the log's scale).
    pub scale_px: f64,
    /// The longest a compressed stretch is ever drawn (including `max_empty_px`).
    pub max_compressed_px: f64,
    /// The least distance between two rail labels.
    pub label_gap_px: f64,
    /// Space above the first card and below the last.
    pub pad_px: f64,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            card_gap_px: 8.0,
            // Under the header and toolbar a phone has some 400 px of timeline: past a
            // sixth of it, a reader would scroll through nothing; the mark and its label
            // fit in the most a compressed stretch is drawn.
            max_empty_px: 64.0,
            scale_px: 16.0,
            max_compressed_px: 112.0,
            label_gap_px: 22.0,
            pad_px: 12.0,
        }
    }
}

/// A compressed empty stretch: drawn from `top` for `height` pixels, between the cards
/// of events `after` and `after + 1` (positions in the column), which are `days` apart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gap {
    pub top: f64,
    pub height: f64,
    pub after: u32,
    pub days: f64,
}

/// A label on the rail: its y (the moment it names) and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct RailTick {
    pub y: f64,
    pub label: String,
    /// A major tick (a year starting, for month ticks): drawn stronger.
    pub major: bool,
}

/// The laid-out column: each card's top and height, in the order of the events given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Column {
    pub ys: Vec<f64>,
    pub heights: Vec<f64>,
    days: Vec<f64>,
    /// Whether the gap above card `i` (for `i > 0`) is compressed.
    compressed: Vec<bool>,
    pub gaps: Vec<Gap>,
    /// The column's whole height, padding included.
    pub height: f64,
    pub px_per_day: f64,
}

/// How an empty stretch of natural length `empty` (pixels; may be negative: the card
/// above reaches past the next one's time) is drawn, not counting the card gap.
pub fn shown_empty(empty: f64, params: &Params) -> f64 {
    let max = params.max_empty_px.max(0.0);
    if empty.is_nan() || empty <= 0.0 {
        return 0.0;
    }
    if empty <= max {
        return empty;
    }
    let scale = params.scale_px.max(1.0);
    let grown = max + scale * ((empty - max) / scale).ln_1p();
    grown.min(params.max_compressed_px.max(max))
}

fn finite_or(x: f64, or: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        or
    }
}

impl Column {
    /// Lays out cards for events starting on `days` (in date order; an event earlier than
    /// the one before counts as on the same day), card `i` being `height(i)` tall, at
    /// `px_per_day`. Heights below 1 px (or not finite) count as 1 px.
    pub fn new(
        days: &[f64],
        height: &dyn Fn(usize) -> f64,
        px_per_day: f64,
        params: &Params,
    ) -> Column {
        let ppd = if px_per_day.is_finite() && px_per_day > 0.0 {
            px_per_day
        } else {
            1.0
        };
        let n = days.len();
        let mut column = Column {
            ys: Vec::with_capacity(n),
            heights: Vec::with_capacity(n),
            days: Vec::with_capacity(n),
            compressed: Vec::with_capacity(n),
            gaps: Vec::new(),
            height: 0.0,
            px_per_day: ppd,
        };
        let gap = params.card_gap_px.max(0.0);
        let mut y = params.pad_px.max(0.0);
        let mut previous: Option<(f64, f64)> = None; // (day, height) of the card above
        for (i, &day) in days.iter().enumerate() {
            let h = finite_or(height(i), 1.0).max(1.0);
            let day = match previous {
                Some((before, _)) => finite_or(day, before).max(before),
                None => finite_or(day, 0.0),
            };
            let mut compressed = false;
            if let Some((before, above)) = previous {
                let natural = ((day - before) * ppd).min(1e15);
                let empty = natural - above - gap;
                compressed = empty > params.max_empty_px.max(0.0);
                let shown = shown_empty(empty, params);
                if compressed {
                    column.gaps.push(Gap {
                        top: y + above,
                        height: shown + gap,
                        after: (i - 1) as u32,
                        days: day - before,
                    });
                }
                y += above + gap + shown;
            }
            column.ys.push(y);
            column.heights.push(h);
            column.days.push(day);
            column.compressed.push(compressed);
            previous = Some((day, h));
        }
        column.height = match previous {
            Some((_, h)) => y + h + params.pad_px.max(0.0),
            None => 0.0,
        };
        column
    }

    pub fn len(&self) -> usize {
        self.ys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ys.is_empty()
    }

    /// The cards that reach into `[y0, y1)`: those whose bottom is below `y0` and whose
    /// top is above `y1`. Cards never overlap, so both tops and bottoms increase and two
    /// binary searches find them.
    pub fn visible(&self, y0: f64, y1: f64) -> Range<usize> {
        let k = self.ys.partition_point(|&y| y <= y0);
        let first = match k.checked_sub(1) {
            Some(i) if self.ys[i] + self.heights[i] > y0 => i,
            _ => k,
        };
        let end = self.ys.partition_point(|&y| y < y1).max(first);
        first..end
    }

    /// The y of the moment `day` inside the uncompressed segment ending at card `i`.
    fn y_in_segment(&self, i: usize, day: f64) -> f64 {
        let (d0, d1) = (self.days[i - 1], self.days[i]);
        let (y0, y1) = (self.ys[i - 1], self.ys[i]);
        if d1 > d0 {
            y0 + (day - d0) / (d1 - d0) * (y1 - y0)
        } else {
            y0
        }
    }

    /// The rail's labels for the window `[y0, y1)`, in `calendar`, written by `labels`,
    /// counting days in the time `offset_minutes` ahead of UTC (as [`axis`] does). Sorted
    /// by y, each at least [`Params::label_gap_px`] below the one before.
    pub fn rail(
        &self,
        y0: f64,
        y1: f64,
        calendar: Calendar,
        labels: &dyn TickLabels,
        offset_minutes: i16,
        params: &Params,
    ) -> Vec<RailTick> {
        let mut ticks: Vec<RailTick> = Vec::new();
        let n = self.len();
        if n < 2 {
            return ticks;
        }
        // Segments are numbered by the card that ends them (1..n); start at the one that
        // reaches into the window.
        let mut i = self.ys.partition_point(|&y| y <= y0).clamp(1, n - 1);
        while i < n && self.ys[i - 1] < y1 {
            if self.compressed[i] {
                i += 1;
                continue;
            }
            // A run of uncompressed segments: i..end.
            let mut end = i + 1;
            while end < n && !self.compressed[end] && self.ys[end - 1] < y1 {
                end += 1;
            }
            let (from, until) = (self.days[i - 1], self.days[end - 1]);
            let width = (until - from) * self.px_per_day;
            if width >= 1.0 {
                let limits = Limits {
                    min_span: 1e-9,
                    min_margin: 0.0,
                };
                let view =
                    Viewport::fit_extent(from, until, width, limits).with_window(from, until);
                let spacing = params.label_gap_px.max(CHAR_WIDTH_PX);
                let run = axis(&view, spacing, calendar, labels, offset_minutes);
                let mut segment = i;
                for tick in run.ticks {
                    if tick.at < from || tick.at > until {
                        continue;
                    }
                    while segment + 1 < end && self.days[segment] < tick.at {
                        segment += 1;
                    }
                    let y = self.y_in_segment(segment, tick.at);
                    let clear = ticks.last().is_none_or(|t| y - t.y >= params.label_gap_px);
                    if y >= y0 - params.label_gap_px && y < y1 && clear {
                        ticks.push(RailTick {
                            y,
                            label: tick.label,
                            major: tick.major,
                        });
                    }
                }
            }
            i = end;
        }
        ticks
    }
}

/// The zoom a column opens at: the one at which the median time between consecutive
/// events spans `card_px` (a typical card), so that half the cards sit at their time and
/// the rest pack into a list; `None` when fewer than two events are apart in time.
/// n log n (one sort).
pub fn fit_zoom(days: &[f64], card_px: f64) -> Option<f64> {
    let mut steps: Vec<f64> = days
        .windows(2)
        .map(|w| w[1] - w[0])
        .filter(|d| d.is_finite() && *d > 0.0)
        .collect();
    sort_by_key(&mut steps, |d| (f64_key(*d), 0));
    let median = *steps.get(steps.len() / 2)?;
    let zoom = card_px / median;
    (zoom.is_finite() && zoom > 0.0).then_some(zoom)
}

/// The zoom limits around a column's opening zoom: 2⁸ times in or out.
pub const ZOOM_RANGE: f64 = 256.0;

/// What a card's text reads, for its height: characters in its date, its category chip
/// (with its padding) and title, and whether it is open with the characters of its
/// summary, its sources and whether it has media.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CardText {
    pub date_chars: u32,
    pub chip_chars: u32,
    pub title_chars: u32,
    /// `Some` for the open card: (summary characters, sources, has media).
    pub open: Option<(u32, u32, bool)>,
}

/// The CSS the card heights assume (`assets/timeline.css`, the vertical block): padding
/// and borders, line heights, and generous average character widths (more than a system
/// sans-serif's, so a title is estimated longer than it draws, never shorter).
pub mod css {
    /// Vertical padding and borders of a card (2 × 8 px + 2 × 1 px).
    pub const CARD_CHROME_PX: f64 = 18.0;
    /// Horizontal padding and borders (12 + 12 px, 1 + 4 px).
    pub const CARD_INLINE_PX: f64 = 29.0;
    pub const META_LINE_PX: f64 = 19.0;
    pub const META_CHAR_PX: f64 = 8.0;
    pub const TITLE_LINE_PX: f64 = 22.0;
    pub const TITLE_CHAR_PX: f64 = 10.0;
    /// Space between the meta line and the title.
    pub const TITLE_TOP_PX: f64 = 4.0;
    pub const SUMMARY_LINE_PX: f64 = 24.0;
    pub const SUMMARY_CHAR_PX: f64 = 9.0;
    pub const SOURCE_PX: f64 = 48.0;
    pub const MEDIA_PX: f64 = 260.0;
    /// The open card's body: its top margin, the sources' label, the close row.
    pub const BODY_PX: f64 = 84.0;
}

fn lines(chars: u32, char_px: f64, width: f64) -> f64 {
    let per_line = (width / char_px).floor().max(1.0);
    (f64::from(chars) / per_line).ceil().max(1.0)
}

/// A card's estimated height at `width` pixels (the card's own width), from its text.
pub fn card_height(text: &CardText, width: f64) -> f64 {
    use css::*;
    let inner = (finite_or(width, 0.0) - CARD_INLINE_PX).max(40.0);
    // The date and the chip share a line when both fit; otherwise the chip wraps whole
    // to a line of its own, under a date that may wrap too.
    let (date, chip) = (text.date_chars, text.chip_chars);
    let meta = if f64::from(date + chip) * META_CHAR_PX <= inner {
        1.0
    } else {
        lines(date, META_CHAR_PX, inner)
            + if chip > 0 {
                lines(chip, META_CHAR_PX, inner)
            } else {
                0.0
            }
    };
    let mut h = CARD_CHROME_PX
        + meta * META_LINE_PX
        + TITLE_TOP_PX
        + lines(text.title_chars, TITLE_CHAR_PX, inner) * TITLE_LINE_PX;
    if let Some((summary, sources, media)) = text.open {
        h += BODY_PX + f64::from(sources) * SOURCE_PX;
        if summary > 0 {
            h += lines(summary, SUMMARY_CHAR_PX, inner) * SUMMARY_LINE_PX;
        }
        if media {
            h += MEDIA_PX;
        }
    }
    h
}

#[cfg(test)]
mod tests;
