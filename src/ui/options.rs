//! What the widget is given: the validated data, the reader's language and the start
//! options (the standalone page's and the embed's settings). Depends on nothing else in
//! `ui/`, so the state and the components can all read it.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::date::Date;
use crate::model::format::{Document, DEFAULT_LANG};
use crate::model::validate::{Problem, Validated};

#[derive(Properties, PartialEq, Clone)]
pub struct TimelineProps {
    /// `None` when the data could not be read at all.
    pub document: Option<Rc<Document>>,
    pub problems: Rc<[Problem]>,
    /// The reader's language (a BCP 47 tag: `fr`, `fr-CA`); English when we do not have
    /// it. The reader can switch language in the widget.
    #[prop_or(AttrValue::Static(DEFAULT_LANG))]
    pub lang: AttrValue,
    #[prop_or_default]
    pub options: Options,
    /// Why the data could not be had at all (a failed download), shown instead.
    #[prop_or_default]
    pub load_error: Option<AttrValue>,
}

impl TimelineProps {
    /// The widget's props for what validation made of the data: its usable part and
    /// every problem, in English, with the default options.
    pub fn from_validated(validated: Validated) -> TimelineProps {
        TimelineProps {
            document: validated.document.map(Rc::new),
            problems: validated.problems.into(),
            lang: AttrValue::Static(DEFAULT_LANG),
            options: Options::default(),
            load_error: None,
        }
    }
}

/// How the widget starts and behaves, beyond its data: the standalone page's and the
/// embed's settings (`data-*` attributes in the embed).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// Keep the selected event in the page's URL (`#event=<id>`): the standalone page, and
    /// an embed that asks for it (`data-hash-bookmark`).
    pub sync_url: bool,
    /// A guest in someone else's page: the plain wheel scrolls the page, and zooming
    /// takes Ctrl/⌘ + wheel or a pinch.
    pub embedded: bool,
    /// The event selected at start.
    pub initial_event: Option<AttrValue>,
    /// Where to open when no event is named: TimelineJS3's `start_at_slide` and
    /// `start_at_end`.
    pub start_at: Option<StartAt>,
    /// The window shown at start, instead of everything.
    pub initial_window: Option<(Date, Date)>,
    /// The categories shown at start (ids); `None` shows all.
    pub categories: Option<Vec<String>>,
    pub theme: Theme,
    /// Time across (the stage) or down (the vertical timeline), or chosen by width.
    pub layout: Layout,
    /// In an embed: the widget's key in the article's links (`#<key>/<event>`, the rule
    /// in `model::link`), set by the embed from its host element. `None` on the
    /// standalone page, whose links are `#event=<id>`.
    pub link_key: Option<AttrValue>,
    /// The data's other languages, when it came in one (the embed's default data, one
    /// `events.<lang>.json` per language): asked when the reader switches to a language
    /// it does not have yet. `None`: the data has every language it has.
    pub texts: Option<TextsSource>,
    /// The widget's width when it starts, where the embed could measure its box: the first
    /// render is laid out for it (on a phone, already the vertical timeline), so nothing
    /// changes layout once the widget has been painted. `None`: a default width until the
    /// stage is measured. A start option only: changing it rebuilds nothing.
    pub width: Option<f64>,
}

/// Asked for a language's code, answers once: that language's file of the same
/// timeline, or why it could not be had.
pub type TextsSource = Callback<(&'static str, Callback<Result<String, String>>)>;

/// Which way time runs: `data-layout`, `?layout=` on the standalone page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// Down below [`Layout::VERTICAL_BELOW_PX`] of width, across above.
    #[default]
    Auto,
    Vertical,
    Horizontal,
}

impl Layout {
    /// Narrower than this, `Auto` runs time downward: at 600 px the stage's labels are
    /// cut after a few words and only a handful fit.
    pub const VERTICAL_BELOW_PX: f64 = 600.0;

    /// `auto`, `vertical` or `horizontal`; anything else is `None`.
    pub fn parse(text: &str) -> Option<Layout> {
        match text.trim() {
            "auto" => Some(Layout::Auto),
            "vertical" => Some(Layout::Vertical),
            "horizontal" => Some(Layout::Horizontal),
            _ => None,
        }
    }

    /// Whether time runs downward in a widget `width` pixels wide.
    pub fn is_vertical(self, width: f64) -> bool {
        match self {
            Layout::Auto => width < Layout::VERTICAL_BELOW_PX,
            Layout::Vertical => true,
            Layout::Horizontal => false,
        }
    }
}

/// The event to open at start, as TimelineJS3 counts its slides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartAt {
    /// Slide N: when the data has a title (a TimelineJS3 title slide, or ours), 0 is the
    /// title (nothing selected) and 1 the first event; without one, 0 is the first event.
    /// Past the last event, the last.
    Slide(u32),
    /// The last event shown.
    End,
}

/// The colour scheme: the system's, or forced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The root's `data-theme`: none follows the system.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}
