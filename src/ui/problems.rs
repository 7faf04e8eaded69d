//! The problems found in the data, above the timeline, or why there is no data at all.
//! At most [`SHOWN`] are listed, then a line counts the rest: data with an error in each
//! of 40,000 events must not make 40,000 list items. The whole list goes to the browser's
//! console instead, once for each set of problems.

use std::rc::Rc;

use yew::prelude::*;

use crate::locale::Locale;
use crate::model::format::DEFAULT_LANG;
use crate::model::validate::{Problem, Severity};

/// How many problems are listed in the widget.
pub const SHOWN: usize = 50;

#[derive(Properties, Clone)]
pub struct ProblemsProps {
    pub problems: Rc<[Problem]>,
    pub locale: &'static Locale,
    /// Why the data could not be had at all: shown alone, as an error.
    #[prop_or_default]
    pub load_error: Option<AttrValue>,
}

/// The same `Rc`, or equal problems. The pointer first: the widget re-renders on every
/// zoom step, and `Rc<[_]>`'s own equality compares every element (it checks the pointer
/// only for sized types).
fn same(a: &Rc<[Problem]>, b: &Rc<[Problem]>) -> bool {
    Rc::ptr_eq(a, b) || a == b
}

impl PartialEq for ProblemsProps {
    fn eq(&self, other: &Self) -> bool {
        same(&self.problems, &other.problems)
            && self.locale == other.locale
            && self.load_error == other.load_error
    }
}

/// Every problem found in the data, up to [`SHOWN`], with its path, line and column, or
/// why there is no data at all.
#[component]
pub fn Problems(props: &ProblemsProps) -> Html {
    use_console_list(props.problems.clone());
    let locale = props.locale;
    let problems = &props.problems;
    let has_error = problems.iter().any(|p| p.severity == Severity::Error);
    let (heading, lines): (&str, Vec<(bool, String)>) = match &props.load_error {
        Some(error) => (locale.load_failed, vec![(true, error.to_string())]),
        None if problems.is_empty() => return Html::default(),
        None => {
            let heading = if has_error {
                locale.data_errors
            } else {
                locale.data_warnings
            };
            let lines = problems.iter().take(SHOWN);
            let lines = lines.map(|p| (p.severity == Severity::Error, p.to_string()));
            (heading, lines.collect())
        }
    };
    let more = match &props.load_error {
        None if problems.len() > SHOWN => Some(problems.len() - SHOWN),
        _ => None,
    };
    // The problems themselves are for the data's editors, and in English: their paths
    // and messages are what docs/data-format.md explains. The count of the rest is in
    // the reader's language.
    let list = html! {
        <>
            <ul lang={(locale.code != DEFAULT_LANG).then_some(DEFAULT_LANG)} dir="ltr">
                { for lines.into_iter().map(|(error, text)| html! {
                    <li class="tl-problem" data-severity={if error { "error" } else { "warning" }}>{ text }</li>
                }) }
            </ul>
            if let Some(more) = more {
                <p class="tl-problems-more">{ locale.counted(&locale.more_problems, more) }</p>
            }
        </>
    };
    if props.load_error.is_none() && !has_error {
        // Warnings only: every event is shown, so the reader is not interrupted (no
        // alert) and the list waits, folded, for whoever edits the data. A timeline
        // imported from TimelineJS3 has one for each field we do not show yet.
        return html! {
            <details class="tl-problems" data-severity="warning" aria-label={locale.problems}>
                <summary>{ heading }</summary>
                { list }
            </details>
        };
    }
    html! {
        <section class="tl-problems" role="alert" aria-label={locale.problems}>
            <p>{ heading }</p>
            { list }
        </section>
    }
}

/// Writes every problem to the browser's console as one warning when the widget lists
/// only some of them: once for each set of problems, not on every render.
#[hook]
fn use_console_list(problems: Rc<[Problem]>) {
    use_effect_with(ByPointer(problems), |ByPointer(problems)| {
        if problems.len() > SHOWN {
            let mut text = format!("Timeline: {} problems in the data:", problems.len());
            for p in problems.iter() {
                text.push('\n');
                text += &p.to_string();
            }
            web_sys::console::warn_1(&text.into());
        }
    });
}

/// Problems compared as [`ProblemsProps`] compares them.
struct ByPointer(Rc<[Problem]>);

impl PartialEq for ByPointer {
    fn eq(&self, other: &Self) -> bool {
        same(&self.0, &other.0)
    }
}
