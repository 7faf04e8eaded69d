//! Where each visible event is drawn: its x position, its row, or the cluster ("+N") it
//! was folded into when the rows ran out.
//!
//! Only events in or near the visible window are considered. They are found by binary
//! search over the matching events (which are in date order), so the cost of a layout
//! follows what is on screen, not the size of the dataset. Rows are filled greedily:
//! headline events first, then by position. An item claims its marker and the first
//! words of its label (at most [`LayoutParams::min_label_px`]); it goes into a row where
//! its whole label and its neighbours' fit if there is one, else into the first row where
//! that claim fits without touching a neighbour. What does not fit goes into a cluster on
//! the cluster lane; overlapping clusters merge, so clusters never overlap either.
//!
//! Once every item has its row, each label is given the room that is free in its row
//! ([`Placed::room_px`]): up to the next item, or the stage's edge. The view lets the label
//! take that room, so a headline is whole where it fits and cut (with an ellipsis) only
//! where the next item begins.
//! Label widths are estimated from the character count: the model never measures the DOM.

use super::date::minutes_to_days;
use super::format::Event;
use super::sort::{f64_key, sort_by_key};
use super::viewport::Viewport;

/// The sizes the layout works with, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutParams {
    /// Rows available for events (the cluster lane comes on top of these).
    pub rows: u32,
    /// Horizontal space kept free between two items in a row.
    pub gap_px: f64,
    /// Width of a point event's marker.
    pub marker_px: f64,
    /// Average width of one label character.
    pub char_px: f64,
    /// The same in a headline event's label, which is bold.
    pub bold_char_px: f64,
    /// The widest a label is estimated to be: a longer one is taken to be this wide when
    /// the layout looks for a row where it is whole (and the view may still show more).
    pub max_label_px: f64,
    /// The most of its label an item claims in its row: its first words. A row that has
    /// room for this much but not for the whole label may still take the item; the label
    /// is then cut where the next item begins.
    pub min_label_px: f64,
    /// How far before the window's start events are still laid out: far enough for a
    /// label that starts there to reach into view. After the window's end, only events
    /// whose marker reaches into view are: one that is not visible yet would only cost
    /// DOM work on every zoom step, and could take a row from a visible one.
    pub overscan_px: f64,
    /// Width of a cluster badge ("+12").
    pub cluster_px: f64,
}

impl Default for LayoutParams {
    fn default() -> Self {
        LayoutParams {
            rows: 6,
            gap_px: 8.0,
            marker_px: 12.0,
            char_px: 7.0,
            bold_char_px: 8.0,
            max_label_px: 560.0,
            // Sixteen characters, an ellipsis and the label's padding.
            min_label_px: 132.0,
            // The marker and the longest label.
            overscan_px: 572.0,
            cluster_px: 44.0,
        }
    }
}

impl LayoutParams {
    /// The estimated width of a label of `chars` characters, capped.
    pub fn label_px(&self, chars: usize) -> f64 {
        smaller(chars as f64 * self.char_px, self.max_label_px)
    }

    /// How much of a label of `chars` characters an item of `importance` claims in a row:
    /// a headline event (3) its whole label, which no other item may then cut; any other
    /// the whole label, or its first words (see [`LayoutParams::min_label_px`]).
    pub fn claim_px(&self, chars: usize, importance: u8) -> f64 {
        if importance >= 3 {
            smaller(chars as f64 * self.bold_char_px, self.max_label_px)
        } else {
            smaller(self.label_px(chars), self.min_label_px)
        }
    }
}

/// One event given a row.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Index into the document's events.
    pub event: u32,
    pub row: u32,
    /// x of the event's start.
    pub x: f64,
    /// Length of the event's bar (0 for a single date shorter than a pixel).
    pub bar_px: f64,
    /// Where the label's claim starts: after the marker; at the left edge for a range that
    /// began off screen, so its title stays readable; or before the marker when the
    /// label would run past the right edge (see `flipped`).
    pub label_x: f64,
    /// The label is drawn to the left of the marker, ending at it (at `label_x +
    /// label_px`): time's start side, mirrored with everything else right to left.
    pub flipped: bool,
    /// The width of the label's claim in its row ([`LayoutParams::claim_px`]).
    pub label_px: f64,
    /// The room the label may take, at least its claim: from `label_x` up to the next
    /// item in the row (less the gap) or the stage's right edge; flipped, leftwards from
    /// its end up to the previous item's label, or the left edge. No two labels' rooms
    /// overlap, nor a room and another item.
    pub room_px: f64,
    /// The horizontal extent the item claims in its row.
    pub left: f64,
    pub right: f64,
}

impl Placed {
    /// Where the label's room starts and ends.
    pub fn room(&self) -> (f64, f64) {
        if self.flipped {
            let end = self.label_x + self.label_px;
            (end - self.room_px, end)
        } else {
            (self.label_x, self.label_x + self.room_px)
        }
    }
}

/// Events folded together because no row had room for them.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// The first of its events (an index into the document's events) and how many there
    /// are: they are the events from that one on, in date order, that were not placed.
    /// (Not a list of them: zoomed out over a large dataset, one cluster holds nearly all.)
    pub first: u32,
    pub count: u32,
    pub left: f64,
    pub right: f64,
    /// The days its first and its last event start on (where its markers would be), for
    /// zooming in on it.
    pub first_day: f64,
    pub last_day: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub placed: Vec<Placed>,
    pub clusters: Vec<Cluster>,
}

impl Layout {
    /// Each placed event and its row, in event order: the next layout's `previous`.
    pub fn rows(&self) -> Vec<(u32, u32)> {
        let mut rows: Vec<(u32, u32)> = self.placed.iter().map(|p| (p.event, p.row)).collect();
        sort_by_key(&mut rows, |&(event, _)| (i64::from(event), 0));
        rows
    }
}

/// What the layout needs of an event, kept apart from the event's texts so that a pass
/// over a hundred thousand of them reads 24 bytes each, not whole events.
/// `Eq` (minute counts are integers), so an `Rc<[Span]>` prop compares by pointer first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// Where the event starts and ends (exclusive), in minutes since 1970-01-01 00:00 UTC
    /// ([`Event::start_minute`], [`Event::end_minute`]).
    pub start: i64,
    pub end: i64,
    /// Whether the event has an end date (it is drawn as a bar).
    pub range: bool,
    pub importance: u8,
}

impl Span {
    /// The start in the viewport's unit, days.
    pub fn start_at(&self) -> f64 {
        minutes_to_days(self.start)
    }

    /// The end (exclusive) in days.
    pub fn end_at(&self) -> f64 {
        minutes_to_days(self.end)
    }
}

/// The [`Span`] of every event, in the same order: computed once per document.
pub fn spans(events: &[Event]) -> Vec<Span> {
    events
        .iter()
        .map(|e| Span {
            start: e.start_minute(),
            end: e.end_minute(),
            range: e.end.is_some(),
            importance: e.importance,
        })
        .collect()
}

/// The matching events (indices in ascending order, which is date order, as
/// [`crate::model::filter::Filter::apply`] returns them), and the same split by the order in
/// which they claim a row: headline events (importance 3), then importance 2, then the
/// rest. Split once per filter, so that a step of zoom or pan finds the visible part of
/// each group by a search rather than by walking every matching event.
/// `Eq`, so an `Rc<Ranked>` prop compares by pointer first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ranked {
    pub all: Vec<u32>,
    groups: [Vec<u32>; 3],
    /// The shortest label in each group, in characters (`label_chars`, as the layout
    /// gets it): the least room an item of the group takes (see `room`).
    shortest: [usize; 3],
}

impl Ranked {
    pub fn new(spans: &[Span], matching: &[u32], label_chars: &dyn Fn(u32) -> usize) -> Ranked {
        let mut groups: [Vec<u32>; 3] = Default::default();
        let mut shortest = [usize::MAX; 3];
        for &i in matching {
            let group = match spans.get(i as usize).map(|s| s.importance) {
                Some(3..) => 0,
                Some(2) => 1,
                _ => 2,
            };
            if let (Some(g), Some(min)) = (groups.get_mut(group), shortest.get_mut(group)) {
                g.push(i);
                *min = (*min).min(label_chars(i));
            }
        }
        Ranked {
            all: matching.to_vec(),
            groups,
            shortest,
        }
    }
}

/// Lays out the events (their `spans`) that `ranked` lists and that fall within the viewport
/// (see [`LayoutParams::overscan_px`]). `longest_days` is the duration of the longest matching event, which
/// bounds how far before the window an event can start and still show.
/// `label_chars(i)` is the length of event `i`'s label in characters: the same as `ranked`
/// was built with. `priority` (the selected event) claims a row before every other, so it
/// is never folded into a cluster.
/// `previous` is the last layout's [`Layout::rows`]: within each importance, the events it
/// placed claim a row before the others, their own row first, so that a step of zoom or pan
/// keeps what the reader sees where it can (and the DOM nodes with it).
#[allow(clippy::too_many_arguments)]
pub fn layout(
    spans: &[Span],
    ranked: &Ranked,
    longest_days: f64,
    view: &Viewport,
    params: &LayoutParams,
    priority: Option<u32>,
    previous: &[(u32, u32)],
    label_chars: &dyn Fn(u32) -> usize,
) -> Layout {
    lay_out(
        spans,
        ranked,
        longest_days,
        view,
        params,
        priority,
        previous,
        label_chars,
        true,
    )
}

/// [`layout`], with the skip over items that cannot fit switched on or off: the two give
/// the same layout (a property test checks it), the skip only saves the trying.
#[allow(clippy::too_many_arguments)]
fn lay_out<'a>(
    spans: &[Span],
    ranked: &'a Ranked,
    longest_days: f64,
    view: &Viewport,
    params: &LayoutParams,
    priority: Option<u32>,
    previous: &[(u32, u32)],
    label_chars: &dyn Fn(u32) -> usize,
    skip: bool,
) -> Layout {
    let from = view.start() - params.overscan_px / view.px_per_day();
    let to = view.end() + params.marker_px / 2.0 / view.px_per_day();
    let start_of = |i: u32| spans.get(i as usize).map_or(f64::NAN, |s| s.start_at());
    // Where event `i`'s marker is (NaN for an index out of range: such an index is never placed).
    let x_of = |i: u32| view.x_of(start_of(i));

    // Matching events are in date order: binary-search the part that can be visible.
    let visible = |list: &'a [u32]| -> &'a [u32] {
        let lo = list.partition_point(|&i| start_of(i) < from - longest_days.max(0.0));
        let hi = list.partition_point(|&i| start_of(i) <= to);
        list.get(lo..hi.max(lo)).unwrap_or(&[])
    };
    let slice = visible(&ranked.all);
    let measured = |i: u32| -> Option<(Placed, (f64, f64))> {
        let s = spans.get(i as usize)?;
        let (start, end) = (s.start_at(), s.end_at());
        let chars = label_chars(i);
        let claim = params.claim_px(chars, s.importance);
        let label = (larger(params.label_px(chars), claim), claim);
        (end >= from).then(|| measure(i, start, end, s.range, view, params, label))
    };
    let row_before = |i: u32| {
        previous
            .binary_search_by_key(&i, |&(e, _)| e)
            .ok()
            .and_then(|k| previous.get(k))
            .map(|&(_, row)| row as usize)
    };

    let mut rows: Vec<Vec<(f64, f64)>> = vec![Vec::new(); params.rows as usize];
    // The same items' extents with their whole labels, in the same order.
    let mut wholes: Vec<Vec<(f64, f64)>> = rows.clone();
    let mut placed = Vec::new();
    // Left of this x, no label can be flipped (see `measure`): it would end within the view.
    let no_flip_before = view.width() - params.marker_px - params.label_px(usize::MAX);
    // Places `items` (events in date order) left to right, but for the positions in
    // `passed` (ascending), which an earlier run took. No item's label is narrower than
    // `shortest` pixels.
    let mut run = |items: &[u32], passed: &[usize], shortest: f64| {
        let (mut j, mut p) = (0, 0);
        while let Some(&i) = items.get(j) {
            j += 1;
            if is_among(passed, &mut p, j - 1) {
                continue;
            }
            let Some((mut item, whole)) = measured(i) else {
                continue;
            };
            let own = row_before(item.event);
            if let Some(row) = try_rows(&mut rows, &mut wholes, own, &item, whole, params.gap_px) {
                item.row = row;
                placed.push(item);
                continue;
            }
            if !skip {
                continue;
            }
            // Turned away: so are the next items up to the first place where one could fit,
            // and after it those whose label is too wide for it. They are passed over by a
            // search and by their label's width, without measuring and trying each.
            let mut at = item.x;
            'pass: loop {
                let room = room(&rows, at, shortest, params);
                if room.next > at {
                    let rest = items.get(j..).unwrap_or(&[]);
                    j += gallop(rest, |&i| x_of(i) < room.next);
                }
                while let Some(&i) = items.get(j) {
                    let x = x_of(i);
                    if x >= room.until {
                        // Past a hole's end: look again from there.
                        if x > at {
                            at = x;
                            continue 'pass;
                        }
                        break;
                    }
                    let widest = if x < no_flip_before {
                        room.widest_unflipped
                    } else {
                        room.widest
                    };
                    let importance = spans.get(i as usize).map_or(0, |s| s.importance);
                    if params.claim_px(label_chars(i), importance) <= widest {
                        break;
                    }
                    j += 1;
                }
                break;
            }
        }
    };

    // The priority event, then headline events claim rows first, then the rest; within each
    // importance, the events of the last layout first; each run from left to right. Each
    // group's visible part is found by a search, so that zoomed far out over a large
    // dataset, a step walks only what it tries.
    let at = |list: &[u32], i: u32| list.binary_search(&i).ok();
    let priority = priority.filter(|&i| ranked.groups.iter().any(|g| at(visible(g), i).is_some()));
    if let Some(i) = priority {
        run(&[i], &[], 0.0);
    }
    for ((group, &shortest), importance) in
        ranked.groups.iter().zip(&ranked.shortest).zip([3, 2, 1])
    {
        let group = visible(group);
        let shortest = params.claim_px(shortest, importance);
        let mut kept: Vec<(usize, u32)> = previous
            .iter()
            .filter(|&&(i, _)| Some(i) != priority)
            .filter_map(|&(i, _)| Some((at(group, i)?, i)))
            .collect();
        sort_by_key(&mut kept, |&(k, _)| (k as i64, 0));
        run(
            &kept.iter().map(|&(_, i)| i).collect::<Vec<_>>(),
            &[],
            shortest,
        );
        // The rest, passing over those and the priority event.
        let mut passed: Vec<usize> = kept.iter().map(|&(k, _)| k).collect();
        if let Some(k) = priority.and_then(|i| at(group, i)) {
            passed.insert(passed.partition_point(|&q| q < k), k);
        }
        run(group, &passed, shortest);
    }
    // The positions in `slice` of the placed items (it holds them: they are visible).
    let mut placed_at: Vec<usize> = placed.iter().filter_map(|p| at(slice, p.event)).collect();
    give_room(&mut placed, view, params, label_chars);

    // What did not fit, in date order (the slice's order, so by x too), is folded into
    // clusters of neighbours. Zoomed far out, nearly every event is in one cluster or
    // another: from each event that starts or joins a cluster, the run of later ones within
    // its reach joins it at once, found by a search rather than one by one (the placed ones
    // inside are counted out). Past the first that starts in the window, every event is
    // visible.
    sort_by_key(&mut placed_at, |&k| (k as i64, 0));
    let all_visible_from = slice.partition_point(|&i| start_of(i) < from);
    let x_at = |k: usize| slice.get(k).map_or(f64::INFINITY, |&i| x_of(i));
    let mut clusters: Vec<Cluster> = Vec::new();
    let (mut k, mut p) = (0, 0);
    while let Some(&i) = slice.get(k) {
        k += 1;
        if is_among(&placed_at, &mut p, k - 1) {
            continue;
        }
        let Some(s) = spans.get(i as usize) else {
            continue;
        };
        if s.end_at() < from {
            continue;
        }
        let x = view.x_of(s.start_at());
        let c = match clusters.last_mut() {
            Some(c) if x <= c.right + params.gap_px => {
                c.count += 1;
                // In date order, x and the start only grow.
                c.right = x + params.cluster_px;
                c.last_day = s.start_at();
                c
            }
            _ => {
                clusters.push(Cluster {
                    first: i,
                    count: 1,
                    left: x,
                    right: x + params.cluster_px,
                    first_day: s.start_at(),
                    last_day: s.start_at(),
                });
                let Some(c) = clusters.last_mut() else { break };
                c
            }
        };
        if k < all_visible_from {
            continue;
        }
        let reach = c.right + params.gap_px;
        let end = k + gallop(slice.get(k..).unwrap_or(&[]), |&i| x_of(i) <= reach);
        // (`p` is at the first placed position from `k` on: `k - 1` was not placed.)
        let inside = placed_at
            .get(p..)
            .unwrap_or(&[])
            .partition_point(|&q| q < end);
        // The last of the run that is not placed.
        let mut last = end;
        let mut q = p + inside;
        while last > k && q > p && placed_at.get(q - 1) == Some(&(last - 1)) {
            last -= 1;
            q -= 1;
        }
        if last > k {
            c.count += (end - k - inside) as u32;
            c.right = x_at(last - 1) + params.cluster_px;
            c.last_day = slice.get(last - 1).map_or(c.last_day, |&i| start_of(i));
        }
        k = end;
    }
    // Each cluster's events are in date order: they came in the slice's order.
    Layout { placed, clusters }
}

/// Puts `item` in a row and returns it, or `None` when no row has room for its claim
/// (`item.left..item.right`). The row it had in the last layout (`own`) comes first, so
/// that a step of zoom or pan moves nothing that still fits; then the first row where
/// its whole label (`whole`) and its neighbours' fit; then the first where its claim
/// fits. In a row, the item fits before the first interval that ends, gap included, after
/// its left edge, if it ends, gap included, before that interval starts.
fn try_rows(
    rows: &mut [Vec<(f64, f64)>],
    wholes: &mut [Vec<(f64, f64)>],
    own: Option<usize>,
    item: &Placed,
    whole: (f64, f64),
    gap: f64,
) -> Option<u32> {
    let fits = |r: usize| {
        let row = rows.get(r)?;
        let at = row.partition_point(|&(_, right)| right + gap <= item.left);
        let fits = row
            .get(at)
            .is_none_or(|&(left, _)| item.right + gap <= left);
        fits.then_some(at)
    };
    let is_whole = |r: usize, at: usize| {
        let row = wholes.get(r).map_or(&[][..], Vec::as_slice);
        let before = at.checked_sub(1).and_then(|k| row.get(k));
        before.is_none_or(|&(_, right)| right + gap <= whole.0)
            && row.get(at).is_none_or(|&(left, _)| whole.1 + gap <= left)
    };
    let own = own.filter(|&r| r < rows.len());
    let (r, at) = own
        .and_then(|r| Some((r, fits(r)?)))
        .or_else(|| {
            (0..rows.len()).find_map(|r| fits(r).filter(|&at| is_whole(r, at)).map(|at| (r, at)))
        })
        .or_else(|| (0..rows.len()).find_map(|r| Some((r, fits(r)?))))?;
    rows.get_mut(r)?.insert(at, (item.left, item.right));
    if let Some(row) = wholes.get_mut(r) {
        row.insert(at.min(row.len()), whole);
    }
    Some(r as u32)
}

/// Gives each placed label the room that is free in its row (see [`Placed::room_px`]),
/// then orders the items by their left edge. Left to right in each row, a label after its
/// marker takes the room up to the next item, or the right edge; before a flipped item,
/// only as much as its whole label needs, so that the flipped label may take the rest,
/// leftwards, up to where the one before ends.
fn give_room(
    placed: &mut Vec<Placed>,
    view: &Viewport,
    params: &LayoutParams,
    label_chars: &dyn Fn(u32) -> usize,
) {
    let gap = params.gap_px;
    sort_by_key(placed, |p| (i64::from(p.row), f64_key(p.left)));
    let mut free_from = 0.0;
    for k in 0..placed.len() {
        let next = placed
            .get(k + 1)
            .zip(placed.get(k))
            .filter(|(n, p)| n.row == p.row)
            .map(|(n, _)| (n.left, n.flipped));
        let Some(p) = placed.get_mut(k) else { break };
        if p.flipped {
            let end = p.label_x + p.label_px;
            p.room_px = larger(end - larger(free_from, 0.0), p.label_px);
            free_from = p.right + gap;
        } else {
            let mut until = smaller(next.map_or(f64::INFINITY, |n| n.0 - gap), view.width());
            if next.is_some_and(|n| n.1) {
                until = smaller(until, p.label_x + params.label_px(label_chars(p.event)));
            }
            p.room_px = larger(until - p.label_x, p.label_px);
            free_from = larger(p.label_x + p.room_px, p.right) + gap;
        }
        if next.is_none() {
            // The next item starts another row.
            free_from = 0.0;
        }
    }
    sort_by_key(placed, |p| (f64_key(p.left), i64::from(p.event)));
}

/// Where the next items after one turned away at `x` could fit in the `rows` (see
/// [`room`]).
struct Room {
    /// The least marker position from `x` on at which an item whose label is at least
    /// the shortest could fit; infinity when none can.
    next: f64,
    /// Up to this marker position, each row's hole at `x` is the one an item would go in,
    /// and those that have not begun at `x` have not begun.
    until: f64,
    /// Up to `until`, no item whose label is wider than this fits; nor wider than
    /// `widest_unflipped` if its label cannot be flipped (see `no_flip_before`).
    widest: f64,
    widest_unflipped: f64,
}

/// Where the items after one turned away at `x` could fit, when no item's label is narrower
/// than `shortest` pixels.
///
/// Whichever way its label reads, an item at `x` with a label `w` pixels wide takes at
/// least the span from `x - marker_px / 2` to `x + marker_px + w` (label after the marker)
/// or from `x - marker_px - w` to `x + marker_px / 2` (label flipped before it); a range
/// takes more. So it can fit only in a hole of a row, between one interval's end plus the
/// gap (`a`) and the next one's start minus the gap (`b`), with `x` at least half a marker
/// from `a` and room for the marker and the label up to `b`, or the other way round.
fn room(rows: &[Vec<(f64, f64)>], x: f64, shortest: f64, params: &LayoutParams) -> Room {
    let (half, gap, marker) = (params.marker_px / 2.0, params.gap_px, params.marker_px);
    let side = marker + shortest;
    let hole = |row: &[(f64, f64)], k: usize| {
        let a = k
            .checked_sub(1)
            .and_then(|k| row.get(k))
            .map_or(f64::NEG_INFINITY, |&(_, right)| right + gap);
        let b = row.get(k).map_or(f64::INFINITY, |&(left, _)| left - gap);
        (a, b)
    };
    let mut room = Room {
        next: f64::INFINITY,
        until: f64::INFINITY,
        widest: f64::NEG_INFINITY,
        widest_unflipped: f64::NEG_INFINITY,
    };
    for row in rows {
        // The first hole that does not end before `x`: the one before interval `k`.
        let first = row.partition_point(|&(left, _)| left - gap - half < x);
        // From `x` up to the hole's end, an item in it has its label after the marker, up
        // to `b`, or before it, from `a` (flipped): at most as wide as at either end. Before
        // the hole begins, nothing goes in it.
        let (a, b) = hole(row, first);
        if a + half <= x {
            room.until = smaller(room.until, b - half);
            room.widest_unflipped = larger(room.widest_unflipped, b - marker - x);
            room.widest = larger(room.widest, larger(b - marker - x, b - half - marker - a));
        } else {
            room.until = smaller(room.until, a + half);
        }
        for k in first..=row.len() {
            let (a, b) = hole(row, k);
            // Label after the marker, then label before it.
            let fit = [(a + half, b - side), (a + side, b - half)]
                .into_iter()
                .find(|&(from, to)| from <= to && x <= to);
            if let Some((from, _)) = fit {
                room.next = smaller(room.next, larger(from, x));
                break;
            }
        }
    }
    room
}

/// The item for event `i` in the view, with the extent it would take with its whole
/// label (for [`try_rows`]); `label` is its estimated width and its claim. Its room is
/// given later (see [`give_room`]).
fn measure(
    event: u32,
    start: f64,
    end: f64,
    is_range: bool,
    view: &Viewport,
    params: &LayoutParams,
    (whole, claim): (f64, f64),
) -> (Placed, (f64, f64)) {
    let x = view.x_of(start);
    let bar_px = if is_range {
        larger(view.x_of(end) - x, 0.0)
    } else {
        0.0
    };
    // A range that began off screen keeps its label at the left edge while its bar shows.
    let after = if x < 0.0 && x + bar_px > 0.0 { 0.0 } else { x } + params.marker_px;
    let before = |w: f64| x - params.marker_px - w;
    // A point event near the right edge reads its label leftwards: when its whole label
    // fits there and not after the marker, or else when its claim fits only there.
    let flipped = bar_px == 0.0
        && after + whole > view.width()
        && (before(whole) >= 0.0 || after + claim > view.width() && before(claim) >= 0.0);
    let half = x - params.marker_px / 2.0;
    let (label_x, left, right, whole) = if flipped {
        let right = x + params.marker_px / 2.0;
        (before(claim), before(claim), right, (before(whole), right))
    } else {
        let right = larger(x + bar_px, after + claim);
        (after, half, right, (half, larger(right, after + whole)))
    };
    let item = Placed {
        event,
        row: 0,
        x,
        bar_px,
        label_x,
        flipped,
        label_px: claim,
        room_px: claim,
        left,
        right,
    };
    (item, whole)
}

/// Whether position `k` is in `sorted` (ascending), asked for ascending positions: `p`
/// keeps where the last answer left off, and stays at the first position from `k` on.
fn is_among(sorted: &[usize], p: &mut usize, k: usize) -> bool {
    while sorted.get(*p).is_some_and(|&q| q < k) {
        *p += 1;
    }
    sorted.get(*p) == Some(&k)
}

/// `items.partition_point(pred)` where the prefix is usually short: doubling steps from the
/// start, then a binary search between the last two. The probes stay near the start (and
/// near each other in memory) rather than halving the whole rest: the layout's jumps over
/// what cannot fit are mostly short.
fn gallop<T>(items: &[T], pred: impl Fn(&T) -> bool) -> usize {
    let mut end = 1;
    while end <= items.len() && items.get(end - 1).is_some_and(&pred) {
        end *= 2;
    }
    let lo = end / 2;
    lo + items
        .get(lo..end.min(items.len()))
        .map_or(0, |rest| rest.partition_point(pred))
}

/// The larger of two numbers that are not NaN. `f64::max` handles NaN, and in WASM that
/// is a call to `fmax`: on the layout's path through every visible event, it showed in
/// the profile.
fn larger(a: f64, b: f64) -> f64 {
    if b > a {
        b
    } else {
        a
    }
}

/// The smaller of two numbers that are not NaN (see [`larger`]).
fn smaller(a: f64, b: f64) -> f64 {
    if b < a {
        b
    } else {
        a
    }
}

/// The duration in days of the longest of `events` (0 when none lasts): the `longest_days`
/// that [`layout`] needs, computed once per document.
pub fn longest_days(events: &[Event]) -> f64 {
    events
        .iter()
        .map(|e| e.end_at() - e.start_at())
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::{Date, Day};
    use crate::model::format::{Source, Text};

    fn event(start: i64, end: Option<i64>, importance: u8) -> Event {
        Event {
            id: format!("e{start}"),
            date: Date::from_day(Day(start)),
            approximate: false,
            end: end.map(|d| Date::from_day(Day(d))),
            date_label: None,
            category: "c".to_owned(),
            tags: vec![],
            title: Text::from("Title"),
            summary: Text::from("Summary"),
            sources: vec![Source {
                title: Text::from("S"),
                publisher: "P".to_owned(),
                url: "https://example.org/".to_owned(),
                date: None,
            }],
            importance,
            media: None,
        }
    }

    fn sorted(mut events: Vec<Event>) -> Vec<Event> {
        events.sort_by_key(|e| (e.start_minute(), e.end_minute()));
        events
    }

    /// Every event, as the layout takes them.
    fn all(events: &[Event], label_chars: &dyn Fn(u32) -> usize) -> Ranked {
        Ranked::new(
            &spans(events),
            &(0..events.len() as u32).collect::<Vec<_>>(),
            label_chars,
        )
    }

    /// A 1000 px view of days 0..1000: one pixel per day.
    fn view() -> Viewport {
        Viewport::fit_to(Day(-10_000), Day(10_000), 1000.0).with_window(0.0, 1000.0)
    }

    fn params(rows: u32) -> LayoutParams {
        LayoutParams {
            rows,
            overscan_px: 0.0,
            ..LayoutParams::default()
        }
    }

    fn run(events: &[Event], rows: u32, chars: usize) -> Layout {
        layout(
            &spans(events),
            &all(events, &|_| chars),
            longest_days(events),
            &view(),
            &params(rows),
            None,
            &[],
            &|_| chars,
        )
    }

    #[test]
    fn separate_events_share_the_first_row() {
        let events = sorted(vec![
            event(100, None, 2),
            event(400, None, 2),
            event(700, None, 2),
        ]);
        let l = run(&events, 3, 10);
        assert_eq!(
            l.placed.iter().map(|p| p.row).collect::<Vec<_>>(),
            vec![0, 0, 0]
        );
        assert!(l.clusters.is_empty());
        assert_eq!(l.placed[1].x, 400.0);
        assert_eq!(l.placed[1].label_x, 412.0);
        assert_eq!(l.placed[1].right, 412.0 + 70.0);
    }

    #[test]
    fn close_events_stack_then_cluster() {
        let events = sorted((0..5).map(|i| event(500 + i, None, 2)).collect());
        let l = run(&events, 3, 10);
        assert_eq!(
            l.placed.iter().map(|p| p.row).collect::<Vec<_>>(),
            vec![0, 1, 2]
        );
        assert_eq!(l.clusters.len(), 1);
        assert_eq!((l.clusters[0].first, l.clusters[0].count), (3, 2));
        assert_eq!(l.clusters[0].left, 503.0);
    }

    #[test]
    fn headline_events_are_never_the_ones_clustered() {
        let events = sorted(vec![
            event(500, None, 1),
            event(501, None, 2),
            event(502, None, 3),
            event(503, None, 3),
        ]);
        let l = run(&events, 2, 10);
        let placed: Vec<u32> = l.placed.iter().map(|p| p.event).collect();
        assert_eq!(placed, vec![2, 3]);
        assert_eq!((l.clusters[0].first, l.clusters[0].count), (0, 2));
    }

    #[test]
    fn the_priority_event_is_placed_before_headlines() {
        let events = sorted(vec![
            event(500, None, 1),
            event(501, None, 3),
            event(502, None, 3),
        ]);
        let all = all(&events, &|_| 10);
        let l = layout(
            &spans(&events),
            &all,
            1.0,
            &view(),
            &params(2),
            Some(0),
            &[],
            &|_| 10,
        );
        let placed: Vec<u32> = l.placed.iter().map(|p| p.event).collect();
        assert_eq!(placed, vec![0, 1]);
        assert_eq!((l.clusters[0].first, l.clusters[0].count), (2, 1));
    }

    #[test]
    fn only_the_window_is_laid_out() {
        let events = sorted(vec![
            event(-500, None, 2),
            event(-300, Some(-100), 2),
            event(-300, Some(50), 2),
            event(500, None, 2),
            event(1500, None, 2),
        ]);
        let l = run(&events, 4, 5);
        let ids: Vec<&str> = l
            .placed
            .iter()
            .map(|p| events[p.event as usize].id.as_str())
            .collect();
        assert_eq!(ids, vec!["e-300", "e500"]);
        let range = &l.placed[0];
        assert_eq!(range.bar_px, 351.0);
        assert_eq!(
            range.label_x, 12.0,
            "label of a range begun off screen sticks to the edge"
        );
    }

    #[test]
    fn labels_near_the_right_edge_read_leftwards() {
        let events = sorted(vec![
            event(990, None, 2),
            event(5, None, 2),
            event(600, None, 2),
        ]);
        let l = run(&events, 1, 10);
        let near_edge = l.placed.iter().find(|p| p.x == 990.0).unwrap();
        assert!(near_edge.flipped);
        assert_eq!(near_edge.label_x, 990.0 - 12.0 - 70.0);
        assert_eq!((near_edge.left, near_edge.right), (908.0, 996.0));
        assert!(l.placed.iter().filter(|p| p.x != 990.0).all(|p| !p.flipped));
    }

    /// Point events at the given days (one pixel each in [`view`]) with labels of the given
    /// lengths, in `rows` rows: for each event in date order, its row, whether its label
    /// is flipped and its room, or `None` when it was clustered.
    type Room = Option<(u32, bool, f64)>;
    /// A case: its name, the events (day, label length), the rows, what each gets.
    type RoomCase = (&'static str, &'static [(i64, usize)], u32, &'static [Room]);

    fn rooms(specs: &[(i64, usize)], rows: u32) -> Vec<Room> {
        rooms_of(specs, rows, 2)
    }

    /// [`rooms`] with the first event of this importance.
    fn rooms_of(specs: &[(i64, usize)], rows: u32, first: u8) -> Vec<Room> {
        let importance = |k: usize| if k == 0 { first } else { 2 };
        let events = sorted(
            (specs.iter().enumerate())
                .map(|(k, &(day, _))| event(day, None, importance(k)))
                .collect(),
        );
        let chars = |i: u32| specs.get(i as usize).map_or(0, |s| s.1);
        let l = layout(
            &spans(&events),
            &all(&events, &chars),
            0.0,
            &view(),
            &LayoutParams {
                min_label_px: 120.0,
                ..params(rows)
            },
            None,
            &[],
            &chars,
        );
        (0..events.len() as u32)
            .map(|i| {
                let p = l.placed.iter().find(|p| p.event == i)?;
                Some((p.row, p.flipped, p.room_px))
            })
            .collect()
    }

    #[test]
    fn labels_take_the_room_free_in_their_row() {
        // A 1000 px view; marker 12, gap 8, 7 px a character, claims of at most 120 px.
        // A label starts 12 px after its marker; an item starts half a marker before it.
        let cases: &[RoomCase] = &[
            (
                "alone, it fits: room up to the edge",
                &[(100, 20)],
                1,
                &[Some((0, false, 888.0))],
            ),
            (
                "cut where the next item begins (294, less the gap)",
                &[(100, 40), (300, 10)],
                1,
                &[Some((0, false, 174.0)), Some((0, false, 688.0))],
            ),
            (
                "a second row keeps both whole",
                &[(100, 40), (300, 10)],
                2,
                &[Some((0, false, 888.0)), Some((1, false, 688.0))],
            ),
            (
                "neighbour at the next pixel after the claim: room is the claim",
                &[(100, 40), (246, 10)],
                1,
                &[Some((0, false, 120.0)), Some((0, false, 742.0))],
            ),
            (
                "one pixel closer: no room for the claim, clustered",
                &[(100, 40), (245, 10)],
                1,
                &[Some((0, false, 888.0)), None],
            ),
            (
                "a whole label up to the pixel before the next item: same row",
                &[(100, 20), (266, 10)],
                2,
                &[Some((0, false, 140.0)), Some((0, false, 722.0))],
            ),
            (
                "one pixel closer would cut it: the next row",
                &[(100, 20), (265, 10)],
                2,
                &[Some((0, false, 888.0)), Some((1, false, 723.0))],
            ),
            (
                "near the right edge, flipped: room leftwards to the left edge",
                &[(950, 20)],
                1,
                &[Some((0, true, 938.0))],
            ),
            (
                "flipped after another: each takes its whole label, the flipped one the rest",
                &[(100, 10), (950, 20)],
                1,
                &[Some((0, false, 70.0)), Some((0, true, 748.0))],
            ),
            (
                "whole label fits only before the marker: flipped",
                &[(700, 60)],
                1,
                &[Some((0, true, 688.0))],
            ),
            (
                "a label past the estimate's cap counts as the cap (560): fits after",
                &[(300, 100)],
                1,
                &[Some((0, false, 688.0))],
            ),
        ];
        for (name, specs, rows, expected) in cases {
            assert_eq!(rooms(specs, *rows), *expected, "{name}");
        }
        // A headline event claims its whole label: no other item cuts it.
        let specs = [(100, 40), (300, 10)];
        assert_eq!(rooms_of(&specs, 1, 3), [Some((0, false, 888.0)), None]);
        assert_eq!(
            rooms_of(&specs, 2, 3),
            [Some((0, false, 888.0)), Some((1, false, 688.0))]
        );
    }

    #[test]
    fn a_range_occupies_its_bar() {
        let events = sorted(vec![event(100, Some(600), 2), event(300, None, 2)]);
        let l = run(&events, 2, 2);
        assert_eq!(l.placed[0].right, 601.0);
        assert_eq!(l.placed[1].row, 1);
    }

    #[test]
    fn zero_rows_clusters_everything() {
        let events = sorted((0..10).map(|i| event(i * 100, None, 2)).collect());
        let l = run(&events, 0, 3);
        assert!(l.placed.is_empty());
        assert_eq!(l.clusters.len(), 10);
    }

    #[test]
    fn the_last_layout_keeps_its_events_and_rows() {
        // Two events too close for one row: the earlier wins, unless the later was there.
        let events = sorted(vec![event(500, None, 2), event(520, None, 2)]);
        let run = |rows, previous: &[(u32, u32)]| {
            let l = layout(
                &spans(&events),
                &all(&events, &|_| 10),
                1.0,
                &view(),
                &params(rows),
                None,
                previous,
                &|_| 10,
            );
            l.rows()
        };
        assert_eq!(run(1, &[]), vec![(0, 0)]);
        assert_eq!(run(1, &[(1, 0)]), vec![(1, 0)]);
        // With two rows, each keeps its row when it still fits there.
        assert_eq!(run(2, &[]), vec![(0, 0), (1, 1)]);
        assert_eq!(run(2, &[(0, 1), (1, 0)]), vec![(0, 1), (1, 0)]);
        // A row the layout no longer has is ignored.
        assert_eq!(run(1, &[(0, 5)]), vec![(0, 0)]);
    }

    #[test]
    fn room_finds_the_first_hole_wide_enough() {
        // Marker 12, gap 8, labels at least 50: a hole must be 68 wide. Row one has the
        // holes up to -8, 108..142 (too narrow) and from 308; row two is empty.
        let p = LayoutParams {
            marker_px: 12.0,
            gap_px: 8.0,
            ..LayoutParams::default()
        };
        let one = vec![(0.0, 100.0), (150.0, 300.0)];
        for (rows, x, next) in [
            (vec![one.clone()], -100.0, -100.0),
            (vec![one.clone()], 50.0, 314.0),
            (vec![one.clone()], 140.0, 314.0),
            (vec![one.clone()], 320.0, 320.0),
            (vec![one.clone(), vec![]], 50.0, 50.0),
            (vec![one.clone(), vec![(40.0, 400.0)]], 50.0, 314.0),
            (vec![], 50.0, f64::INFINITY),
        ] {
            assert_eq!(room(&rows, x, 50.0, &p).next, next, "{rows:?} from {x}");
        }
        // With labels of 10 the middle hole is wide enough (30 + 4 >= 28): from 114 with
        // the label after the marker, up to 120; from 130 with the label before it.
        assert_eq!(room(std::slice::from_ref(&one), 50.0, 10.0, &p).next, 114.0);
        assert_eq!(
            room(std::slice::from_ref(&one), 118.0, 10.0, &p).next,
            118.0
        );
        assert_eq!(
            room(std::slice::from_ref(&one), 121.0, 10.0, &p).next,
            130.0
        );
        assert_eq!(
            room(std::slice::from_ref(&one), 137.0, 10.0, &p).next,
            314.0
        );
        // Before the first interval, from -100: labels up to 80 could fit up to 0 (less
        // the gap), until the marker is half its width from the hole's end.
        let r = room(std::slice::from_ref(&one), -100.0, 50.0, &p);
        assert_eq!((r.until, r.widest_unflipped), (-14.0, 80.0));
        // At 50 the next hole has not begun: nothing fits before 114.
        let r = room(std::slice::from_ref(&one), 50.0, 10.0, &p);
        assert_eq!((r.until, r.widest_unflipped), (114.0, f64::NEG_INFINITY));
    }

    #[test]
    fn bad_indices_are_ignored() {
        let events = sorted(vec![event(100, None, 2)]);
        let l = layout(
            &spans(&events),
            &Ranked::new(&spans(&events), &[0, 7, 99], &|_| 4),
            1.0,
            &view(),
            &params(2),
            None,
            &[],
            &|_| 4,
        );
        assert_eq!(l.placed.len(), 1);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;
        use std::collections::BTreeMap;

        fn dataset() -> impl Strategy<Value = Vec<Event>> {
            prop::collection::vec(
                (
                    -2000i64..3000,
                    prop::option::weighted(0.2, 0i64..800),
                    1u8..=3,
                ),
                0..120,
            )
            .prop_map(|specs| {
                sorted(
                    specs
                        .into_iter()
                        .map(|(s, len, imp)| event(s, len.map(|l| s + l), imp))
                        .collect(),
                )
            })
        }

        /// Crowded: up to 400 events over 300 days, so most cannot fit.
        fn crowded() -> impl Strategy<Value = Vec<Event>> {
            prop::collection::vec(
                (0i64..300, prop::option::weighted(0.15, 0i64..60), 1u8..=3),
                0..400,
            )
            .prop_map(|specs| {
                sorted(
                    specs
                        .into_iter()
                        .map(|(s, len, imp)| event(s, len.map(|l| s + l), imp))
                        .collect(),
                )
            })
        }

        proptest! {
            #[test]
            fn skipping_what_cannot_fit_changes_nothing(
                events in crowded(),
                rows in 0u32..9,
                start in -50.0f64..300.0,
                span in 7.0f64..400.0,
                width in 100.0f64..1600.0,
                seed in 0usize..40,
                priority in prop::option::of(0u32..400),
                step in 0.5f64..2.0,
            ) {
                let view = Viewport::fit_to(Day(-3000), Day(4000), width).with_window(start, start + span);
                let p = LayoutParams { rows, ..LayoutParams::default() };
                // Label lengths that differ from event to event.
                let chars = |i: u32| (i as usize * 7 + seed) % 41;
                let (spans, matching) = (spans(&events), all(&events, &chars));
                // The layout of the step before: zoomed in or out around the middle.
                let before = view.zoom_at(width / 2.0, step);
                let previous = layout(&spans, &matching, longest_days(&events), &before, &p, priority, &[], &chars).rows();
                let run = |skip| lay_out(&spans, &matching, longest_days(&events), &view, &p, priority, &previous, &chars, skip);
                prop_assert_eq!(run(true), run(false));
            }

            #[test]
            fn layout_invariants(
                events in dataset(),
                rows in 0u32..6,
                start in -2500.0f64..3000.0,
                span in 7.0f64..4000.0,
                width in 50.0f64..2000.0,
                overscan in 0.0f64..300.0,
                chars in 0usize..40,
                priority in prop::option::of(0u32..120),
                pan in -300.0f64..300.0,
            ) {
                let view = Viewport::fit_to(Day(-3000), Day(4000), width).with_window(start, start + span);
                let p = LayoutParams { rows, overscan_px: overscan, ..LayoutParams::default() };
                let matching = all(&events, &|_| chars);
                // The layout of the step before: panned.
                let previous = layout(&spans(&events), &matching, longest_days(&events), &view.pan(pan), &p, priority, &[], &|_| chars).rows();
                let l = layout(&spans(&events), &matching, longest_days(&events), &view, &p, priority, &previous, &|_| chars);

                // No two items in one row overlap (gap kept).
                let mut by_row: BTreeMap<u32, Vec<&Placed>> = BTreeMap::new();
                for item in &l.placed {
                    prop_assert!(item.row < rows);
                    by_row.entry(item.row).or_default().push(item);
                }
                for row in by_row.values() {
                    for pair in row.windows(2) {
                        prop_assert!(pair[0].right + p.gap_px <= pair[1].left, "{:?}", pair);
                    }
                }
                // A label's room never reaches another item in its row, nor another label's
                // room (gap kept), and ends at the stage's edges unless its claim is past them.
                for row in by_row.values() {
                    for (k, item) in row.iter().enumerate() {
                        let (from, until) = item.room();
                        prop_assert!(item.room_px >= item.label_px);
                        prop_assert!(until <= view.width().max(item.label_x + item.label_px) + 1e-9, "{:?}", item);
                        prop_assert!(from >= 0.0_f64.min(item.label_x) - 1e-9, "{:?}", item);
                        for (q, other) in row.iter().enumerate().filter(|&(q, _)| q != k) {
                            let (a, b) = other.room();
                            let apart = |l: f64, r: f64| until + p.gap_px <= l + 1e-9 || r + p.gap_px <= from + 1e-9;
                            prop_assert!(apart(other.left, other.right), "room of {:?} reaches {:?}", item, other);
                            prop_assert!(apart(a, b), "rooms of {} and {} overlap: {:?} {:?}", k, q, item, other);
                        }
                    }
                }
                // Clusters never overlap.
                for pair in l.clusters.windows(2) {
                    prop_assert!(pair[0].right < pair[1].left);
                }
                // Every event that is visible is placed once or else in exactly one cluster:
                // the clusters take the visible events that were not placed, in date order,
                // each from its first, as many as it counts.
                let mut seen = BTreeMap::new();
                for i in l.placed.iter().map(|p| p.event) {
                    *seen.entry(i).or_insert(0) += 1;
                }
                let (from, to) = (view.start() - overscan / view.px_per_day(), view.end() + p.marker_px / 2.0 / view.px_per_day());
                let is_visible = |e: &Event| e.end_at() >= from && e.start_at() <= to;
                let unplaced: Vec<u32> = (0..events.len() as u32).filter(|&i| is_visible(&events[i as usize]) && !seen.contains_key(&i)).collect();
                let mut unplaced = unplaced.into_iter();
                for c in &l.clusters {
                    prop_assert!(c.count > 0);
                    for k in 0..c.count {
                        let i = unplaced.next();
                        prop_assert!(i.is_some(), "cluster at {} counts more than there are", c.left);
                        if k == 0 {
                            prop_assert_eq!(i, Some(c.first));
                        }
                        *seen.entry(i.unwrap_or(0)).or_insert(0) += 1;
                    }
                }
                prop_assert_eq!(unplaced.next(), None, "an unplaced event is in no cluster");
                // The clusters are the unplaced events folded left to right, one joining the
                // cluster before it when it starts within the cluster's reach.
                let mut folded: Vec<Cluster> = Vec::new();
                for i in (0..events.len() as u32).filter(|&i| is_visible(&events[i as usize]) && !l.placed.iter().any(|p| p.event == i)) {
                    let day = events[i as usize].start_at();
                    let x = view.x_of(day);
                    match folded.last_mut() {
                        Some(c) if x <= c.right + p.gap_px => {
                            c.count += 1;
                            c.right = x + p.cluster_px;
                            c.last_day = day;
                        }
                        _ => folded.push(Cluster { first: i, count: 1, left: x, right: x + p.cluster_px, first_day: day, last_day: day }),
                    }
                }
                prop_assert_eq!(&l.clusters, &folded);
                for (i, e) in events.iter().enumerate() {
                    prop_assert_eq!(seen.get(&(i as u32)).copied().unwrap_or(0), u32::from(is_visible(e)), "event {} {:?}", i, e.date);
                }
                // The priority event, when visible and with a row to go to, is never clustered.
                if let Some(i) = priority.filter(|&i| rows > 0 && seen.contains_key(&i)) {
                    prop_assert!(l.placed.iter().any(|p| p.event == i));
                }
                // Positions agree with the viewport.
                for item in &l.placed {
                    let e = &events[item.event as usize];
                    prop_assert!((item.x - view.x_of(e.start_at())).abs() < 1e-6);
                }
            }

            /// Laid out again with its own rows as the last layout's, a layout is unchanged:
            /// the hint keeps what is there and adds nothing that did not fit.
            #[test]
            fn a_layout_is_its_own_next(
                events in crowded(),
                rows in 0u32..9,
                start in -50.0f64..300.0,
                span in 7.0f64..400.0,
                width in 100.0f64..1600.0,
                priority in prop::option::of(0u32..400),
                step in 0.5f64..2.0,
            ) {
                let view = Viewport::fit_to(Day(-3000), Day(4000), width).with_window(start, start + span);
                let p = LayoutParams { rows, ..LayoutParams::default() };
                let chars = |i: u32| (i as usize * 5) % 37;
                let (spans, matching) = (spans(&events), all(&events, &chars));
                let run = |previous: &[(u32, u32)], view: &Viewport| layout(&spans, &matching, longest_days(&events), view, &p, priority, previous, &chars);
                let first = run(&run(&[], &view.zoom_at(width / 3.0, step)).rows(), &view);
                prop_assert_eq!(run(&first.rows(), &view), first);
            }
        }
    }
}
