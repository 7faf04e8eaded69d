//! The reducer: what each [`Action`] makes of a [`State`]. An action that changes
//! nothing returns the same `Rc`, so Yew skips the re-render.

use std::rc::Rc;

use yew::prelude::*;

use super::{Action, State, ZOOM_STEP};
use crate::model::text::Query;
use crate::model::texts::merge_texts;

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let animate = matches!(
            action,
            Action::ZoomIn
                | Action::ZoomOut
                | Action::ShowAll
                | Action::ShowWindow(..)
                | Action::CenterOn(_)
                | Action::Select(_)
                | Action::Step(_)
                | Action::First
                | Action::Last
        );
        // Whatever the reader does ends the first view (a resize or new data keeps it).
        let keeps_first_view = matches!(
            action,
            Action::Resize(_) | Action::Rows(_) | Action::Reconfigure(_)
        );
        let mut next = self.clone().apply(action);
        if !Rc::ptr_eq(&next, &self) && next.animate != animate {
            Rc::make_mut(&mut next).animate = animate;
        }
        if !Rc::ptr_eq(&next, &self) && next.first_view && !keeps_first_view {
            Rc::make_mut(&mut next).first_view = false;
        }
        next
    }
}

impl State {
    /// The state after `action`; `self` itself when nothing changes.
    fn apply(self: Rc<Self>, action: Action) -> Rc<Self> {
        let v = self.viewport;
        let middle = v.width() / 2.0;
        // Down the page, zooming changes how much time a screen holds; where the moment
        // under the pointer goes is the view's business (it keeps its scroll anchor).
        if self.vertical() {
            let factor = match action {
                Action::ZoomAt { factor, .. } | Action::Pinch { factor, .. } => Some(factor),
                Action::ZoomIn => Some(ZOOM_STEP),
                Action::ZoomOut => Some(1.0 / ZOOM_STEP),
                Action::ShowAll => Some(self.vertical_fit / self.vertical_zoom),
                _ => None,
            };
            if let Some(factor) = factor {
                return self.with_vertical_zoom(factor);
            }
        }
        match action {
            Action::ZoomAt { x, factor } => self.with_viewport(v.zoom_at(x, factor)),
            Action::Pinch { from, to, factor } => {
                self.with_viewport(v.pan(to - from).zoom_at(to, factor))
            }
            Action::ZoomIn => self.with_viewport(v.zoom_at(middle, ZOOM_STEP)),
            Action::ZoomOut => self.with_viewport(v.zoom_at(middle, 1.0 / ZOOM_STEP)),
            Action::Pan(dx) => self.with_viewport(v.pan(dx)),
            Action::ShowAll => self.with_viewport(v.show_all()),
            Action::ShowWindow(start, end) => self.with_viewport(v.with_window(start, end)),
            Action::CenterOn(day) => self.with_viewport(v.centered_on(day)),
            Action::Resize(width) if self.first_view => {
                let mut next = (*self).clone();
                next.fit_rows(width);
                if (next.viewport, next.rows) == (self.viewport, self.rows) {
                    self
                } else {
                    Rc::new(next)
                }
            }
            Action::Resize(width) => self.with_viewport(v.with_width(width)),
            Action::Rows(rows) => {
                changed(rows != self.rows || !self.rows_from_space, self, |next| {
                    next.rows = rows;
                    next.rows_from_space = true;
                    if next.first_view {
                        next.viewport = next.first_window(next.viewport.width());
                    }
                })
            }
            Action::SetQuery(text) => changed(text != self.query, self, |next| {
                next.filter.query = Query::new(&text);
                next.query = text;
                next.refilter();
            }),
            Action::ToggleCategory(id) => changed(true, self, |next| {
                let hidden = &mut next.filter.hidden_categories;
                if !hidden.remove(id.as_str()) {
                    hidden.insert(id.to_string());
                }
                next.refilter();
            }),
            Action::ClearFilters => changed(self.filter.is_active(), self, State::clear_filter),
            Action::Select(None) => changed(self.selected.is_some(), self, |next| {
                next.selected = None;
            }),
            Action::Select(Some(id)) => {
                match self.doc.events.iter().position(|e| e.id == id.as_str()) {
                    Some(i)
                        if self.selected != Some(i as u32)
                            || !self.matching.contains(&(i as u32)) =>
                    {
                        let mut next = self.select_index(i as u32);
                        // Asking for a hidden event (a deep link) shows it: clear the filter.
                        if !next.matching.contains(&(i as u32)) {
                            next.clear_filter();
                        }
                        Rc::new(next)
                    }
                    _ => self,
                }
            }
            Action::Step(delta) => {
                let target = match self.selected_position() {
                    Some(p) => p as i64 + i64::from(delta),
                    // Nothing selected: start from the event nearest the middle of the view.
                    None => {
                        let day = v.day_at(middle);
                        let after = self.matching.partition_point(|&i| {
                            self.doc
                                .events
                                .get(i as usize)
                                .is_some_and(|e| e.start_at() < day)
                        }) as i64;
                        if delta > 0 {
                            after
                        } else {
                            after - 1
                        }
                    }
                };
                match usize::try_from(target)
                    .ok()
                    .and_then(|t| self.matching.get(t))
                {
                    Some(&i) => Rc::new(self.select_index(i)),
                    None => self,
                }
            }
            Action::First => match self.matching.first() {
                Some(&i) if self.selected != Some(i) => Rc::new(self.select_index(i)),
                _ => self,
            },
            Action::Last => match self.matching.last() {
                Some(&i) if self.selected != Some(i) => Rc::new(self.select_index(i)),
                _ => self,
            },
            Action::Reconfigure(fresh) => {
                let mut next = Rc::unwrap_or_clone(fresh);
                // The space is the widget's, whatever its data: it keeps its rows.
                if self.rows_from_space {
                    (next.rows, next.rows_from_space) = (self.rows, true);
                }
                if next.first_view {
                    next.fit_rows(v.width());
                } else {
                    next.viewport = next.viewport.with_width(v.width());
                }
                next.mode = self.mode;
                if next.locale != self.locale {
                    next.set_locale(self.locale);
                }
                next.calendar = self.calendar;
                if self.utc {
                    next.set_utc(true);
                }
                Rc::new(next)
            }
            Action::SetLocale(locale) => changed(locale != self.locale, self, |next| {
                next.set_locale(locale);
            }),
            Action::AddTexts(other) => {
                let mut written = (*self.written).clone();
                // Another timeline's texts (a mixed deployment) are left out: the reader
                // keeps the texts there are.
                if merge_texts(&mut written, &other).is_err() || written == *self.written {
                    return self;
                }
                let mut next = (*self).clone();
                next.add_texts(written);
                Rc::new(next)
            }
            Action::SetCalendar(calendar) => changed(calendar != self.calendar, self, |next| {
                next.calendar = calendar;
            }),
            Action::SetUtc(utc) => changed(utc != self.utc, self, |next| next.set_utc(utc)),
            Action::SetMode(mode) => changed(mode != self.mode, self, |next| next.mode = mode),
        }
    }
}

/// A copy of `state` made by `change` when `changes` is true; `state` itself otherwise,
/// so that Yew skips the re-render. (`changes` comes first: it reads the state before
/// the state moves in.)
fn changed(changes: bool, state: Rc<State>, change: impl FnOnce(&mut State)) -> Rc<State> {
    if !changes {
        return state;
    }
    let mut next = (*state).clone();
    change(&mut next);
    Rc::new(next)
}
