//! The widget's state and its one reducer. Every change a reader can make (filter,
//! search, zoom, pan, select, switch view) is an [`Action`]; `reduce` is a plain function
//! of the state and the action, tested natively like the model it delegates to.
//! An action that changes nothing returns the same `Rc`, so Yew skips the re-render.

use std::rc::Rc;

use yew::prelude::*;

use super::widget::Options;
use crate::locale::Locale;
use crate::model::calendar::Calendar;
use crate::model::filter::{Filter, SearchIndex};
use crate::model::format::Document;
use crate::model::layout::{longest_days, spans, Ranked, Span};
use crate::model::text::Query;
use crate::model::viewport::Viewport;

/// How much one press of "Zoom in" or "Zoom out" (or `+`/`-`) zooms.
pub const ZOOM_STEP: f64 = 2.0;
/// Room kept between an event brought into view and the edge, in pixels.
pub const REVEAL_PADDING_PX: f64 = 80.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewMode {
    Timeline,
    List,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub doc: Rc<Document>,
    /// The reader's language: the interface's strings, and the events' texts where the
    /// data has them.
    pub locale: &'static Locale,
    /// The calendar of the axis: the locale's own, or the Gregorian one on request.
    pub calendar: Calendar,
    /// The search index over the texts in the reader's language.
    pub index: Rc<SearchIndex>,
    pub filter: Filter,
    /// The search box's text as typed (the filter holds its folded words).
    pub query: AttrValue,
    /// Indices of the events that pass the filter, in date order.
    /// `Rc<Vec<_>>`, not `Rc<[_]>`, here and in `spans` and `title_chars`: `Rc`'s equality
    /// compares pointers first only for sized types, so a prop of `Rc<[u32]>` compared a
    /// hundred thousand elements on every render of the stage and the overview.
    pub matching: Rc<Vec<u32>>,
    /// The same split by importance, for the layout: once per filter, not on every step.
    pub ranked: Rc<Ranked>,
    /// For each category, the events the toolbar counts for it.
    pub counts: Rc<[u32]>,
    pub longest_days: f64,
    /// What the layout reads of each event, computed once per document.
    pub spans: Rc<Vec<Span>>,
    /// The length in characters of each event's title in the reader's language, for the layout's label
    /// widths: counted once here rather than for every visible event on every frame.
    pub title_chars: Rc<Vec<u32>>,
    pub viewport: Viewport,
    /// Index into `doc.events` of the event whose details are open.
    pub selected: Option<u32>,
    pub mode: ViewMode,
    /// The last action jumped the view (a button, a cluster, the overview, a step to an
    /// event): the timeline glides to it. Wheel, drag and pinch move it directly.
    pub animate: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetQuery(AttrValue),
    ToggleCategory(AttrValue),
    ClearFilters,
    /// Zoom by a factor around a pixel of the timeline (above 1 zooms in).
    ZoomAt {
        x: f64,
        factor: f64,
    },
    /// Two fingers: the moment at pixel `from` moves to pixel `to`, and the zoom changes
    /// by `factor` around it.
    Pinch {
        from: f64,
        to: f64,
        factor: f64,
    },
    ZoomIn,
    ZoomOut,
    /// Move the window by pixels (positive shows earlier dates).
    Pan(f64),
    ShowAll,
    /// Show the window `[start, end]` in days (clamped to the limits).
    ShowWindow(f64, f64),
    /// Keep the zoom and put this day in the middle.
    CenterOn(f64),
    /// The timeline was drawn at a new width.
    Resize(f64),
    /// Select an event by id (`None` closes the details).
    Select(Option<AttrValue>),
    /// Select the next (`+1`) or previous (`-1`) matching event.
    Step(i32),
    First,
    Last,
    SetMode(ViewMode),
    /// Another language: everything is written anew, and the view, the filter and the
    /// selection stay.
    SetLocale(&'static Locale),
    /// Count the axis in this calendar.
    SetCalendar(Calendar),
    /// New data or start options: start over from this state, at the current width, in
    /// the reader's language and calendar (a new language comes as `SetLocale`).
    Reconfigure(Rc<State>),
}

impl State {
    /// The initial state: everything shown, fitted to the data, at `width` pixels.
    pub fn new(doc: Rc<Document>, locale: &'static Locale, width: f64) -> State {
        let (index, title_chars) = texts_in(&doc, locale);
        let filter = Filter::default();
        let (first, last) = doc
            .extent()
            .unwrap_or((doc.updated.first_day(), doc.updated.last_day()));
        let viewport = Viewport::fit_to(first, last, width);
        let mut state = State {
            longest_days: longest_days(&doc.events),
            spans: Rc::new(spans(&doc.events)),
            title_chars,
            doc,
            locale,
            calendar: locale.calendar,
            index,
            filter,
            query: AttrValue::default(),
            matching: Rc::default(),
            ranked: Rc::default(),
            counts: Rc::from(Vec::new()),
            viewport,
            selected: None,
            mode: ViewMode::Timeline,
            animate: false,
        };
        state.refilter();
        state
    }

    /// The initial state with the embed's options applied: window, categories, event.
    pub fn with_options(
        doc: Rc<Document>,
        locale: &'static Locale,
        width: f64,
        options: &Options,
    ) -> State {
        let mut state = State::new(doc, locale, width);
        // A list that names no category of the data (empty, misspelt) is ignored.
        let known = |shown: &&Vec<String>| shown.iter().any(|id| state.doc.category(id).is_some());
        if let Some(shown) = options.categories.as_ref().filter(known) {
            state.filter.hidden_categories = state
                .doc
                .categories
                .iter()
                .filter(|c| !shown.contains(&c.id))
                .map(|c| c.id.clone())
                .collect();
            state.refilter();
        }
        let mut state = Rc::new(state);
        if let Some((start, end)) = options.initial_window {
            let (start, end) = (start.first_day().0 as f64, end.last_day().0 as f64 + 1.0);
            state = state.reduce(Action::ShowWindow(start, end));
        }
        if let Some(id) = &options.initial_event {
            state = state.reduce(Action::Select(Some(id.clone())));
        }
        Rc::unwrap_or_clone(state)
    }

    /// Shows every event again: no category hidden, no search.
    fn clear_filter(&mut self) {
        self.filter = Filter::default();
        self.query = AttrValue::default();
        self.refilter();
    }

    /// Everything that depends on the reader's language, written anew for `locale`; the
    /// axis goes back to the language's own calendar.
    fn set_locale(&mut self, locale: &'static Locale) {
        (self.index, self.title_chars) = texts_in(&self.doc, locale);
        self.locale = locale;
        self.calendar = locale.calendar;
        self.refilter();
    }

    fn refilter(&mut self) {
        self.matching = Rc::new(self.filter.apply(&self.doc, &self.index));
        let chars = &self.title_chars;
        self.ranked = Rc::new(Ranked::new(&self.spans, &self.matching, &|i| {
            chars.get(i as usize).map_or(0, |&n| n as usize)
        }));
        self.counts = self.filter.category_counts(&self.doc, &self.index).into();
        // A selection hidden by the filter is closed, so Left/Right never walk hidden events.
        if let Some(i) = self.selected {
            if !self.matching.contains(&i) {
                self.selected = None;
            }
        }
    }

    /// The interface's language code (`en`, `fr`, `fa`).
    pub fn lang(&self) -> &'static str {
        self.locale.code
    }

    pub fn selected_event(&self) -> Option<&crate::model::format::Event> {
        self.selected.and_then(|i| self.doc.events.get(i as usize))
    }

    /// The position of the selected event among the matching ones (which are ascending
    /// indices, the events being in date order).
    pub fn selected_position(&self) -> Option<usize> {
        self.matching.binary_search(&self.selected?).ok()
    }

    fn select_index(&self, i: u32) -> State {
        let mut next = self.clone();
        next.selected = Some(i);
        if let Some(e) = self.doc.events.get(i as usize) {
            let (start, end) = (e.start_day().0 as f64, e.end_day().0 as f64 + 1.0);
            next.viewport = self.viewport.revealing(start, end, REVEAL_PADDING_PX);
        }
        next
    }

    fn with_viewport(self: Rc<Self>, viewport: Viewport) -> Rc<Self> {
        if viewport == self.viewport {
            return self;
        }
        let mut next = (*self).clone();
        next.viewport = viewport;
        Rc::new(next)
    }
}

/// The search index and the title lengths for the events' texts in `locale`'s language.
fn texts_in(doc: &Document, locale: &Locale) -> (Rc<SearchIndex>, Rc<Vec<u32>>) {
    let index = Rc::new(SearchIndex::new(doc, locale.code));
    let title_chars = doc
        .events
        .iter()
        .map(|e| e.title.get(locale.code).chars().count() as u32)
        .collect();
    (index, Rc::new(title_chars))
}

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
        let mut next = self.clone().apply(action);
        if !Rc::ptr_eq(&next, &self) && next.animate != animate {
            Rc::make_mut(&mut next).animate = animate;
        }
        next
    }
}

impl State {
    /// The state after `action`; `self` itself when nothing changes.
    fn apply(self: Rc<Self>, action: Action) -> Rc<Self> {
        let v = self.viewport;
        let middle = v.width() / 2.0;
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
            Action::Resize(width) => self.with_viewport(v.with_width(width)),
            Action::SetQuery(text) => {
                if text == self.query {
                    return self;
                }
                let mut next = (*self).clone();
                next.filter.query = Query::new(&text);
                next.query = text;
                next.refilter();
                Rc::new(next)
            }
            Action::ToggleCategory(id) => {
                let mut next = (*self).clone();
                let hidden = &mut next.filter.hidden_categories;
                if !hidden.remove(id.as_str()) {
                    hidden.insert(id.to_string());
                }
                next.refilter();
                Rc::new(next)
            }
            Action::ClearFilters => {
                if !self.filter.is_active() {
                    return self;
                }
                let mut next = (*self).clone();
                next.clear_filter();
                Rc::new(next)
            }
            Action::Select(None) => {
                if self.selected.is_none() {
                    return self;
                }
                let mut next = (*self).clone();
                next.selected = None;
                Rc::new(next)
            }
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
                                .is_some_and(|e| (e.start_day().0 as f64) < day)
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
                next.viewport = next.viewport.with_width(v.width());
                next.mode = self.mode;
                if next.locale != self.locale {
                    next.set_locale(self.locale);
                }
                next.calendar = self.calendar;
                Rc::new(next)
            }
            Action::SetLocale(locale) => {
                if locale == self.locale {
                    return self;
                }
                let mut next = (*self).clone();
                next.set_locale(locale);
                Rc::new(next)
            }
            Action::SetCalendar(calendar) => {
                if calendar == self.calendar {
                    return self;
                }
                let mut next = (*self).clone();
                next.calendar = calendar;
                Rc::new(next)
            }
            Action::SetMode(mode) => {
                if mode == self.mode {
                    return self;
                }
                let mut next = (*self).clone();
                next.mode = mode;
                Rc::new(next)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::bundled;
    use crate::locale::{EN, FA, FR};

    fn state() -> Rc<State> {
        let doc = Rc::new(bundled().document.expect("bundled data"));
        Rc::new(State::new(doc, &EN, 1000.0))
    }

    fn id_of(s: &State) -> Option<&str> {
        s.selected_event().map(|e| e.id.as_str())
    }

    #[test]
    fn options_set_the_window_categories_and_event() {
        use crate::model::date::Date;
        let doc = Rc::new(bundled().document.expect("bundled data"));
        let event = doc
            .events
            .iter()
            .find(|e| e.date.year() == 2020)
            .unwrap()
            .id
            .clone();
        let options = Options {
            initial_window: Some((Date::parse("2012").unwrap(), Date::parse("2021").unwrap())),
            categories: Some(vec!["aviation".to_owned(), "legal".to_owned()]),
            initial_event: Some(event.clone().into()),
            ..Options::default()
        };
        let s = State::with_options(doc, &EN, 1000.0, &options);
        assert_eq!(
            s.viewport.start(),
            Date::parse("2012").unwrap().first_day().0 as f64
        );
        assert_eq!(
            s.viewport.end(),
            Date::parse("2021-12-31").unwrap().first_day().0 as f64 + 1.0
        );
        assert!(s
            .matching
            .iter()
            .all(|&i| ["aviation", "legal"].contains(&s.doc.events[i as usize].category.as_str())));
        assert_eq!(id_of(&s), Some(event.as_str()));
    }

    #[test]
    fn a_category_list_naming_no_category_shows_all() {
        let doc = Rc::new(bundled().document.expect("bundled data"));
        for list in [vec![], vec!["nope".to_owned()], vec![" ".to_owned()]] {
            let options = Options {
                categories: Some(list),
                ..Options::default()
            };
            let s = State::with_options(doc.clone(), &EN, 1000.0, &options);
            assert_eq!(s.matching.len(), doc.events.len());
        }
    }

    #[test]
    fn reconfigure_keeps_the_width_the_view_mode_and_the_language() {
        let s = state()
            .reduce(Action::Resize(700.0))
            .reduce(Action::SetMode(ViewMode::List))
            .reduce(Action::SetLocale(&FA))
            .reduce(Action::SetCalendar(Calendar::Gregorian));
        let fresh = Rc::new(State::new(s.doc.clone(), &FR, 960.0));
        let next = s.reduce(Action::Reconfigure(fresh));
        assert_eq!(next.viewport.width(), 700.0);
        assert_eq!(next.mode, ViewMode::List);
        assert_eq!(next.lang(), "fa");
        assert_eq!(next.calendar, Calendar::Gregorian);
    }

    #[test]
    fn a_new_language_keeps_the_view_the_filter_and_the_selection() {
        let s = state()
            .reduce(Action::ZoomAt {
                x: 300.0,
                factor: 4.0,
            })
            .reduce(Action::ToggleCategory("sanctions".into()))
            .reduce(Action::Step(1));
        let selected = s.selected;
        assert!(selected.is_some());
        let fa = s.clone().reduce(Action::SetLocale(&FA));
        assert_eq!(fa.lang(), "fa");
        assert_eq!(fa.calendar, Calendar::SolarHijri);
        assert_eq!(fa.viewport, s.viewport);
        assert_eq!(fa.filter, s.filter);
        assert_eq!(fa.matching, s.matching);
        assert_eq!(fa.selected, selected);
        // Titles are now measured in Persian.
        let i = selected.unwrap() as usize;
        assert_eq!(
            fa.title_chars[i] as usize,
            fa.doc.events[i].title.get("fa").chars().count()
        );
        assert!(Rc::ptr_eq(&fa, &fa.clone().reduce(Action::SetLocale(&FA))));
        let back = fa.reduce(Action::SetLocale(&EN));
        assert_eq!(back.calendar, Calendar::Gregorian);
        assert_eq!(back.title_chars, s.title_chars);
    }

    #[test]
    fn search_follows_the_language() {
        // "Embassy" in French and in Persian: found only in that language's texts.
        let en = state().reduce(Action::SetQuery("ambassade".into()));
        assert!(en.matching.is_empty());
        let fr = en.reduce(Action::SetLocale(&FR));
        assert_eq!(fr.query, "ambassade", "the query stays");
        assert!(!fr.matching.is_empty());
        let fa = fr.reduce(Action::SetQuery("سفارت".into()));
        assert!(fa.matching.is_empty());
        let fa = fa.reduce(Action::SetLocale(&FA));
        assert!(!fa.matching.is_empty());
        // Arabic letter forms find the Persian ones (ي for ی, ك for ک).
        let arabic = fa.clone().reduce(Action::SetQuery("سفارت كانادا".into()));
        let persian = fa.reduce(Action::SetQuery("سفارت کانادا".into()));
        assert!(!persian.matching.is_empty());
        assert_eq!(arabic.matching, persian.matching);
    }

    #[test]
    fn jumps_glide_and_gestures_do_not() {
        let s = state();
        assert!(!s.animate);
        let zoomed = s.reduce(Action::ZoomIn);
        assert!(zoomed.animate, "a button zoom glides");
        let wheeled = zoomed.reduce(Action::ZoomAt {
            x: 100.0,
            factor: 1.2,
        });
        assert!(!wheeled.animate, "the wheel moves directly");
        let dragged = wheeled.reduce(Action::Step(1)).reduce(Action::Pan(30.0));
        assert!(!dragged.animate);
        assert!(dragged.reduce(Action::ShowAll).animate);
    }

    #[test]
    fn starts_with_everything_shown_and_fitted() {
        let s = state();
        assert_eq!(s.matching.len(), s.doc.events.len());
        assert_eq!(s.viewport.start(), s.viewport.bounds().0);
        assert!(!s.viewport.can_zoom_out());
        assert_eq!(s.counts.iter().sum::<u32>() as usize, s.doc.events.len());
    }

    #[test]
    fn actions_that_change_nothing_keep_the_same_state() {
        let s = state();
        for action in [
            Action::ZoomOut,
            Action::ShowAll,
            Action::ClearFilters,
            Action::Select(None),
            Action::Select(Some("no-such-event".into())),
            Action::SetQuery("".into()),
            Action::SetMode(ViewMode::Timeline),
            Action::Pan(1e6),
        ] {
            let next = s.clone().reduce(action.clone());
            assert!(Rc::ptr_eq(&s, &next), "{action:?} re-rendered");
        }
    }

    #[test]
    fn a_pinch_keeps_the_moment_under_the_fingers() {
        let s = state().reduce(Action::ZoomIn);
        let day = s.viewport.day_at(400.0);
        let p = s.clone().reduce(Action::Pinch {
            from: 400.0,
            to: 420.0,
            factor: 1.5,
        });
        assert!((p.viewport.day_at(420.0) - day).abs() < 1e-6);
        assert!((p.viewport.span() - s.viewport.span() / 1.5).abs() < 1e-6);
    }

    #[test]
    fn zoom_buttons_halve_and_double_the_span() {
        let s = state();
        let zin = s.clone().reduce(Action::ZoomIn);
        assert!((zin.viewport.span() - s.viewport.span() / 2.0).abs() < 1e-6);
        let back = zin.reduce(Action::ZoomOut);
        assert!((back.viewport.span() - s.viewport.span()).abs() < 1e-6);
    }

    #[test]
    fn search_and_categories_narrow_the_matching_events() {
        let s = state();
        let q = s.clone().reduce(Action::SetQuery("PS752".into()));
        assert!(!q.matching.is_empty() && q.matching.len() < s.matching.len());
        assert!(q.matching.iter().all(|&i| {
            let e = &q.doc.events[i as usize];
            format!("{} {} {:?}", e.title.get("en"), e.summary.get("en"), e.tags).contains("PS752")
        }));
        let hidden = q.reduce(Action::ToggleCategory("aviation".into()));
        assert!(hidden
            .matching
            .iter()
            .all(|&i| hidden.doc.events[i as usize].category != "aviation"));
        let cleared = hidden.reduce(Action::ClearFilters);
        assert_eq!(cleared.matching.len(), s.matching.len());
        assert_eq!(cleared.query, "");
    }

    #[test]
    fn stepping_walks_the_matching_events_in_order() {
        let s = state().reduce(Action::First);
        assert_eq!(s.selected, Some(0));
        let next = s.reduce(Action::Step(1));
        assert_eq!(next.selected, Some(1));
        let last = next.reduce(Action::Last);
        assert_eq!(last.selected, Some(last.doc.events.len() as u32 - 1));
        let same = last.clone().reduce(Action::Step(1));
        assert!(Rc::ptr_eq(&last, &same), "no event after the last");
        let prev = last.reduce(Action::Step(-1));
        assert_eq!(prev.selected, Some(prev.doc.events.len() as u32 - 2));
    }

    #[test]
    fn stepping_skips_filtered_events_and_filtering_closes_a_hidden_selection() {
        let s = state().reduce(Action::ToggleCategory("diplomacy".into()));
        let mut cur = s.reduce(Action::First);
        for _ in 0..40 {
            assert_ne!(
                cur.selected_event().map(|e| e.category.as_str()),
                Some("diplomacy")
            );
            cur = cur.reduce(Action::Step(1));
        }
        let diplomacy = state().reduce(Action::First);
        assert_eq!(
            diplomacy.selected_event().map(|e| e.category.as_str()),
            Some("diplomacy")
        );
        let hidden = diplomacy.reduce(Action::ToggleCategory("diplomacy".into()));
        assert_eq!(hidden.selected, None);
    }

    #[test]
    fn selecting_brings_the_event_into_view() {
        let zoomed = state().reduce(Action::ShowWindow(0.0, 400.0));
        let target = zoomed
            .doc
            .events
            .iter()
            .find(|e| e.date.year() == 2024)
            .unwrap()
            .id
            .clone();
        let s = zoomed.reduce(Action::Select(Some(target.clone().into())));
        assert_eq!(id_of(&s), Some(target.as_str()));
        let e = s.selected_event().unwrap();
        let x = s.viewport.x_of(e.start_day().0 as f64);
        assert!(x >= 0.0 && x <= s.viewport.width(), "x = {x}");
    }

    #[test]
    fn a_deep_link_to_a_filtered_event_clears_the_filter() {
        let s = state().reduce(Action::SetQuery("zzzz-nothing".into()));
        assert!(s.matching.is_empty());
        let id: AttrValue = s.doc.events[3].id.clone().into();
        let s = s.reduce(Action::Select(Some(id)));
        assert_eq!(s.selected, Some(3));
        assert_eq!(s.matching.len(), s.doc.events.len());
    }

    #[test]
    fn step_without_selection_starts_near_the_middle_of_the_view() {
        let s = state();
        let day = s.viewport.day_at(s.viewport.width() / 2.0);
        let right = s.clone().reduce(Action::Step(1));
        let left = s.reduce(Action::Step(-1));
        assert!(right.selected_event().unwrap().start_day().0 as f64 >= day);
        assert!((left.selected_event().unwrap().start_day().0 as f64) < day);
    }
}
