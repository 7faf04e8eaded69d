//! Every problem the checker found, each with its place (line and column; a spreadsheet's
//! problems also name the row and the column's header, in their path) and a button that
//! puts the caret there. At most [`SHOWN`] are listed, then a count of the rest: a text
//! with an error in each of 10,000 events must not make 10,000 buttons.

use std::rc::Rc;

use yew::prelude::*;

use crate::locale::{fill, EditorStrings, Locale};
use crate::model::format::DEFAULT_LANG;
use crate::model::validate::{Problem, Severity};

/// How many problems are listed.
pub const SHOWN: usize = 200;

#[derive(Properties, Clone)]
pub struct ProblemListProps {
    pub problems: Rc<[Problem]>,
    pub locale: &'static Locale,
    pub strings: &'static EditorStrings,
    /// The reader chose a problem: its line and column.
    pub onchoose: Callback<(u32, u32)>,
    /// Whether the text is being read (typed since the last check).
    pub checking: bool,
}

impl PartialEq for ProblemListProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.problems, &other.problems)
            && self.locale == other.locale
            && self.checking == other.checking
            && self.onchoose == other.onchoose
    }
}

#[component]
pub fn ProblemList(props: &ProblemListProps) -> Html {
    let (locale, strings) = (props.locale, props.strings);
    let errors = props
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = props.problems.len() - errors;
    let summary = if props.problems.is_empty() {
        strings.no_problems.to_owned()
    } else {
        fill(
            strings.problems_count,
            &[
                &locale.number(errors as u64),
                &locale.number(warnings as u64),
            ],
        )
    };
    let more = props.problems.len().saturating_sub(SHOWN);
    // The messages are the checker's, in English (docs/data-format.md explains them).
    let lang = (locale.code != DEFAULT_LANG).then_some(DEFAULT_LANG);
    html! {
        <section class="ed-problems" aria-labelledby="ed-problems-heading">
            <h2 id="ed-problems-heading">{ strings.problems_heading }</h2>
            <p class="ed-problems-summary" role="status" data-errors={errors.to_string()}
                data-warnings={warnings.to_string()}>
                { if props.checking { strings.checking.to_owned() } else { summary } }
            </p>
            if !props.problems.is_empty() {
                <ol class="ed-problem-list">
                    { for props.problems.iter().take(SHOWN).map(|p| {
                        let (line, column) = (p.line, p.column);
                        let onclick = props.onchoose.reform(move |_: MouseEvent| (line, column));
                        let error = p.severity == Severity::Error;
                        let place = fill(strings.place, &[
                            &locale.number(u64::from(line)),
                            &locale.number(u64::from(column)),
                        ]);
                        html! {
                            <li>
                                <button type="button" class="ed-problem" {onclick}
                                    data-severity={if error { "error" } else { "warning" }}
                                    data-line={line.to_string()} data-column={column.to_string()}>
                                    <span class="ed-problem-kind">
                                        { if error { strings.error } else { strings.warning } }
                                    </span>
                                    <span class="ed-problem-place">{ place }</span>
                                    <span class="ed-problem-text" lang={lang} dir="ltr">
                                        if !p.path.is_empty() {
                                            <code>{ &p.path }</code>{ ": " }
                                        }
                                        { &p.message }
                                    </span>
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            }
            if more > 0 {
                <p>{ locale.counted(&strings.problems_more, more) }</p>
            }
        </section>
    }
}
