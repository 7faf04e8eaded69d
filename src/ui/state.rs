//! The widget's state and its one reducer. Every change a reader can make (filter,
//! search, zoom, pan, select, switch view) is an [`Action`]; `reduce` (in `reduce.rs`) is
//! a plain function of the state and the action, tested natively (`tests.rs`) like the
//! model it delegates to. An action that changes nothing returns the same `Rc`, so Yew
//! skips the re-render. Depends on nothing else in `ui/` but the start [`Options`] and the
//! stage's sizes (`metrics`), with which it chooses the first window.

use std::rc::Rc;

use yew::prelude::*;

use super::metrics::{layout_params, MAX_FREE_ROWS, MIN_ROWS};
use super::options::{Layout, Options, StartAt};
use crate::locale::Locale;
use crate::model::calendar::Calendar;
use crate::model::date::{Date, Day};
use crate::model::filter::{Filter, SearchIndex};
use crate::model::first_view::first_window;
use crate::model::format::Document;
use crate::model::layout::{layout, longest_days, spans, Ranked, Span};
use crate::model::vertical::{fit_zoom, ZOOM_RANGE};
use crate::model::viewport::{Limits, Viewport};

/// The width assumed before the stage is measured (and under SSR).
pub const DEFAULT_WIDTH_PX: f64 = 960.0;
/// How much one press of "Zoom in" or "Zoom out" (or `+`/`-`) zooms.
pub const ZOOM_STEP: f64 = 2.0;
/// Room kept between an event brought into view and the edge, in pixels.
pub const REVEAL_PADDING_PX: f64 = 80.0;
/// The vertical timeline's typical card, for its opening zoom.
pub const VERTICAL_CARD_PX: f64 = 96.0;
/// The vertical timeline's height assumed where nothing is measured.
pub const DEFAULT_HEIGHT_PX: f64 = 640.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewMode {
    Timeline,
    List,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The data, with its times in UTC when the reader asks (`utc`): what is shown.
    pub doc: Rc<Document>,
    /// The data as it came, with the offsets its times were written in.
    pub written: Rc<Document>,
    /// Whether times of day are shown in UTC rather than as the data writes them.
    pub utc: bool,
    /// The UTC offset the axis counts hours in, in minutes: the data's usual one
    /// (`Document::usual_offset`), or 0 in UTC.
    pub zone: i16,
    /// Whether the data gives UTC offsets, so that the reader may choose UTC.
    pub offsets: bool,
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
    /// Which way time runs (resolved against the width by [`State::vertical`]).
    pub layout: Layout,
    /// The vertical timeline's zoom, in pixels per day, and the one it opens at (see
    /// `model::vertical::fit_zoom`); zooming keeps within [`ZOOM_RANGE`] of it.
    pub vertical_zoom: f64,
    pub vertical_fit: f64,
    /// The window is still the one chosen for the reader's first look (no start window
    /// or event given, nothing done yet): a new width chooses it again
    /// ([`first_window`]).
    pub first_view: bool,
    /// The stage's rows of events. A stage in a box of fixed height (an embed) has the
    /// rows its space holds (`Action::Rows`, measured); one that grows with its content
    /// (the standalone page, `mount` without a height) has those its first view needs,
    /// chosen again with the first window ([`State::fit_rows`]) and kept once the reader
    /// moves, so that the page never jumps under them.
    pub rows: u32,
    /// The rows come from the space the stage has (see [`State::rows`]).
    pub rows_from_space: bool,
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
    /// The stage's box of fixed height holds this many rows (see [`State::rows`]).
    Rows(u32),
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
    /// Another language's texts of the same timeline arrived (`Options::texts`): they
    /// join the data's, and the view, the filter and the selection stay.
    AddTexts(Rc<Document>),
    /// Count the axis in this calendar.
    SetCalendar(Calendar),
    /// Show times of day in UTC (`true`) or as the data writes them.
    SetUtc(bool),
    /// New data or start options: start over from this state, at the current width, in
    /// the reader's language and calendar (a new language comes as `SetLocale`).
    Reconfigure(Rc<State>),
}

impl State {
    /// The initial state: everything shown, fitted to the data, at `width` pixels.
    pub fn new(doc: Rc<Document>, locale: &'static Locale, width: f64) -> State {
        let (index, title_chars) = texts_in(&doc, locale);
        let filter = Filter::default();
        let (first, last) = doc.extent().unwrap_or_else(|| {
            let updated = doc.updated.unwrap_or(Date::from_day(Day(0)));
            (updated.start_at(), updated.end_at())
        });
        let limits = Limits::for_data(doc.has_times());
        let viewport = Viewport::fit_extent(first, last, width, limits);
        let days: Vec<f64> = doc.events.iter().map(|e| e.start_at()).collect();
        // Without two distinct days, a screen holds the whole extent.
        let vertical_fit = fit_zoom(&days, VERTICAL_CARD_PX)
            .unwrap_or_else(|| DEFAULT_HEIGHT_PX / viewport.span().max(1e-9));
        let mut state = State {
            written: doc.clone(),
            utc: false,
            zone: doc.usual_offset(),
            offsets: doc.has_offsets(),
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
            layout: Layout::Auto,
            vertical_zoom: vertical_fit,
            vertical_fit,
            first_view: true,
            rows: MAX_FREE_ROWS,
            rows_from_space: false,
        };
        state.refilter();
        state.fit_rows(width);
        state
    }

    /// The window that shows the most of the matching events at `width` pixels in the
    /// stage's rows, when no start window was asked for (see [`first_window`]).
    pub(super) fn first_window(&self, width: f64) -> Viewport {
        let chars = &self.title_chars;
        first_window(
            &self.spans,
            &self.ranked,
            self.longest_days,
            &self.viewport.whole().with_width(width),
            &layout_params(self.rows),
            &|i| chars.get(i as usize).map_or(0, |&n| n as usize),
        )
    }

    /// The first window at `width`, and, on a stage that grows with its events, the rows
    /// it needs: the window chosen with [`MAX_FREE_ROWS`], then as many rows as its events
    /// take, at least [`MIN_ROWS`]. Fewer rows than that lay the same window out the same
    /// way, since an item takes the first row that has room.
    pub(super) fn fit_rows(&mut self, width: f64) {
        if !self.rows_from_space {
            self.rows = MAX_FREE_ROWS;
        }
        let view = self.first_window(width);
        if !self.rows_from_space {
            let chars = &self.title_chars;
            let laid = layout(
                &self.spans,
                &self.ranked,
                self.longest_days,
                &view,
                &layout_params(MAX_FREE_ROWS),
                None,
                &[],
                &|i| chars.get(i as usize).map_or(0, |&n| n as usize),
            );
            let used = laid.placed.iter().map(|p| p.row + 1).max().unwrap_or(0);
            self.rows = used.clamp(MIN_ROWS, MAX_FREE_ROWS);
        }
        self.viewport = view;
    }

    /// The initial state with the embed's options applied: window, categories, event.
    pub fn with_options(
        doc: Rc<Document>,
        locale: &'static Locale,
        width: f64,
        options: &Options,
    ) -> State {
        let mut state = State::new(doc, locale, width);
        state.layout = options.layout;
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
            state.fit_rows(width);
        }
        let mut state = Rc::new(state);
        if let Some((start, end)) = options.initial_window {
            let (start, end) = (start.start_at(), end.end_at());
            state = state.reduce(Action::ShowWindow(start, end));
        }
        if let Some(id) = &options.initial_event {
            state = state.reduce(Action::Select(Some(id.clone())));
        } else if let Some(start_at) = options.start_at {
            state = state.start_at(start_at);
        }
        Rc::unwrap_or_clone(state)
    }

    /// Opens the event TimelineJS3's `start_at_slide` or `start_at_end` names. Its slides
    /// are the title (when there is one) and then the events in date order, which are
    /// ours; a slide past the last event, like the end, is the last one shown.
    fn start_at(self: Rc<Self>, start_at: StartAt) -> Rc<Self> {
        let StartAt::Slide(n) = start_at else {
            return self.reduce(Action::Last);
        };
        let doc = &self.doc;
        let has_title = doc.description.is_some() || doc.title.all().any(|t| !t.is_empty());
        let index = if has_title { n.checked_sub(1) } else { Some(n) };
        match index.map(|i| doc.events.get(i as usize)) {
            None => self,
            Some(None) => self.reduce(Action::Last),
            Some(Some(event)) => {
                let id = AttrValue::from(event.id.clone());
                self.reduce(Action::Select(Some(id)))
            }
        }
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

    /// The data as written, now with more languages: the texts are read again, and
    /// everything else stays (the events are the same, in the same places).
    pub(super) fn add_texts(&mut self, written: Document) {
        self.written = Rc::new(written);
        self.set_utc(self.utc);
        (self.index, self.title_chars) = texts_in(&self.doc, self.locale);
        self.refilter();
    }

    /// Times of day in UTC, or as the data writes them. Only the texts change: events are
    /// placed and ordered by their instants either way, so every index stays valid.
    pub(super) fn set_utc(&mut self, utc: bool) {
        self.utc = utc;
        self.zone = if utc { 0 } else { self.written.usual_offset() };
        self.doc = if utc {
            Rc::new(self.written.in_utc())
        } else {
            self.written.clone()
        };
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

    /// Whether time runs downward: the layout asked for, at the widget's width.
    pub fn vertical(&self) -> bool {
        self.layout.is_vertical(self.viewport.width())
    }

    /// Whether the current view can zoom in (`true`) or out further.
    pub fn can_zoom(&self, zoom_in: bool) -> bool {
        match (self.vertical(), zoom_in) {
            (true, true) => self.vertical_zoom < self.vertical_fit * ZOOM_RANGE,
            (true, false) => self.vertical_zoom > self.vertical_fit / ZOOM_RANGE,
            (false, true) => self.viewport.can_zoom_in(),
            (false, false) => self.viewport.can_zoom_out(),
        }
    }

    /// The vertical zoom times `factor`, within [`ZOOM_RANGE`] of the opening zoom.
    pub(super) fn with_vertical_zoom(self: Rc<Self>, factor: f64) -> Rc<Self> {
        let (lo, hi) = (
            self.vertical_fit / ZOOM_RANGE,
            self.vertical_fit * ZOOM_RANGE,
        );
        let zoom = (self.vertical_zoom * factor).max(lo).min(hi);
        if !zoom.is_finite() || zoom == self.vertical_zoom {
            return self;
        }
        let mut next = (*self).clone();
        next.vertical_zoom = zoom;
        Rc::new(next)
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
            let (start, end) = (e.start_at(), e.end_at());
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

mod reduce;
#[cfg(test)]
mod tests;
