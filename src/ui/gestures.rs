//! What the pointers and the wheel mean, as plain state machines over numbers: the stage
//! and the overview measure where a pointer is (see `dom`) and feed it here, and get an
//! [`Action`] back. No web-sys, so every case is tested natively.
//!
//! Positions are in the model's pixels, counted from the edge where time starts (the
//! right one when time runs right to left), except the overview's drag, which follows
//! the pointer's page position (see [`OverviewDrag`]).

use super::state::Action;

/// A pointer that moves less than this between down and up is a click, not a drag.
pub const DRAG_THRESHOLD_PX: f64 = 4.0;
/// Wheel zoom: factor per pixel of wheel delta.
pub const WHEEL_ZOOM_PER_PX: f64 = 0.0015;
/// A double-click on the stage (not on an event) zooms in this much around the pointer.
pub const DOUBLE_CLICK_ZOOM: f64 = 2.0;
/// A cluster's window is widened by this share of its span on each side, at least a day.
const CLUSTER_PADDING: f64 = 0.15;

/// What the pointers on the stage are doing between down and up.
#[derive(Debug, Default)]
pub struct Gesture {
    /// Active pointers: id and last x.
    pointers: Vec<(i32, f64)>,
    start_x: f64,
    dragging: bool,
    /// Set when a drag ends, so the click that follows does not select an event.
    swallow_click: bool,
}

impl Gesture {
    /// A pointer went down at `x`. Only the primary button of a mouse starts a gesture.
    pub fn down(&mut self, id: i32, x: f64, primary: bool) {
        if !primary {
            return;
        }
        self.pointers.retain(|(p, _)| *p != id);
        self.pointers.push((id, x));
        if self.pointers.len() == 1 {
            self.start_x = x;
            self.dragging = false;
        }
    }

    /// The action a pointer move makes: a pan for one pointer once it has moved past the
    /// threshold, a pinch for two (the moment under the fingers' middle follows the
    /// middle, scaled by how much the distance between them changed).
    pub fn moved(&mut self, id: i32, x: f64) -> Option<Action> {
        let slot = self.pointers.iter().position(|(p, _)| *p == id)?;
        let old = self.pointers[slot].1;
        self.pointers[slot].1 = x;
        match self.pointers.as_slice() {
            [_] => {
                if !self.dragging && (x - self.start_x).abs() < DRAG_THRESHOLD_PX {
                    return None;
                }
                let dx = if self.dragging {
                    x - old
                } else {
                    x - self.start_x
                };
                self.dragging = true;
                Some(Action::Pan(dx))
            }
            [(_, a), (_, b)] => {
                let other = if slot == 0 { *b } else { *a };
                let (before, after) = ((old - other).abs(), (x - other).abs());
                self.dragging = true;
                (before > 1.0 && after > 1.0).then(|| Action::Pinch {
                    from: (old + other) / 2.0,
                    to: (x + other) / 2.0,
                    factor: after / before,
                })
            }
            _ => None,
        }
    }

    /// A pointer went up (or was cancelled). True when that ended a drag: the stage stops
    /// looking grabbed, and the click that follows is swallowed.
    pub fn up(&mut self, id: i32) -> bool {
        self.pointers.retain(|(p, _)| *p != id);
        if self.pointers.is_empty() && self.dragging {
            self.dragging = false;
            self.swallow_click = true;
            return true;
        }
        false
    }

    /// Whether a click is the end of a drag, to be ignored (asked once per click).
    pub fn swallows_click(&mut self) -> bool {
        std::mem::take(&mut self.swallow_click)
    }
}

/// A wheel event's numbers, as the browser gives them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Wheel {
    /// `WheelEvent.deltaMode`: 0 pixels, 1 lines, 2 pages.
    pub mode: u32,
    pub dx: f64,
    pub dy: f64,
    /// Ctrl or ⌘ held (a trackpad's pinch also comes as Ctrl + wheel).
    pub zoom_key: bool,
}

/// What a wheel event does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum WheelMove {
    /// Nothing here: the page scrolls (an embed's plain wheel), and the stage reminds the
    /// reader how to zoom.
    PageScrolls,
    /// Move the view by pixels (positive shows earlier dates).
    Pan(f64),
    /// Zoom by this factor around the pointer.
    Zoom(f64),
}

/// The wheel: sideways pans, up and down zooms; in an embed only with Ctrl/⌘, the plain
/// wheel being the page's.
pub fn wheel(w: Wheel, embedded: bool, rtl: bool) -> WheelMove {
    if embedded && !w.zoom_key {
        return WheelMove::PageScrolls;
    }
    let scale = match w.mode {
        1 => 33.0,  // lines
        2 => 600.0, // pages
        _ => 1.0,
    };
    let (dx, dy) = (w.dx * scale, w.dy * scale);
    if dx.abs() > dy.abs() {
        // Scrolling towards the end of the line shows later dates.
        WheelMove::Pan(if rtl { dx } else { -dx })
    } else {
        WheelMove::Zoom((-dy * WHEEL_ZOOM_PER_PX).exp())
    }
}

/// A click on a cluster covering days `first` to `last` zooms in on them, with room on
/// both sides.
pub fn cluster_window(first: f64, last: f64) -> Action {
    let pad = ((last - first) * CLUSTER_PADDING).max(1.0);
    Action::ShowWindow(first - pad, last + pad)
}

/// A drag on the overview strip: the pointer that pressed it and its last position, in
/// page pixels along the direction of time (mirrored right to left), so the view follows
/// the pointer whether or not it stays over the strip.
#[derive(Debug, Default)]
pub struct OverviewDrag(Option<(i32, f64)>);

impl OverviewDrag {
    pub fn down(&mut self, id: i32, x: f64) {
        self.0 = Some((id, x));
    }

    /// The pan for a move of pointer `id` to `x`, where one overview pixel is `ratio`
    /// pixels of the main view.
    pub fn moved(&mut self, id: i32, x: f64, ratio: f64) -> Option<Action> {
        let (drag, last) = self.0?;
        if drag != id {
            return None;
        }
        self.0 = Some((id, x));
        Some(Action::Pan(-(x - last) * ratio))
    }

    pub fn up(&mut self) {
        self.0 = None;
    }
}

#[cfg(test)]
mod tests;
