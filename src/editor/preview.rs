//! The live preview: the widget itself (the same `Timeline` component the page and the
//! embed mount) on the editor's data with the embed's options, in the space the loader
//! would reserve. Its props are compared by pointer, so typing elsewhere on the page
//! never makes it compare 10,000 events.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::format::Document;
use crate::model::validate::Problem;
use crate::ui::{Options, Timeline, TimelineProps};

#[derive(Properties, Clone)]
pub struct PreviewProps {
    pub document: Option<Rc<Document>>,
    pub problems: Rc<[Problem]>,
    pub lang: AttrValue,
    pub options: Options,
    /// The height the loader reserves (`data-height`), a CSS length.
    pub height: String,
    /// What the preview says when there is no text yet.
    pub empty: &'static str,
}

impl PartialEq for PreviewProps {
    fn eq(&self, other: &Self) -> bool {
        let same_doc = match (&self.document, &other.document) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_doc
            && Rc::ptr_eq(&self.problems, &other.problems)
            && self.lang == other.lang
            && self.options == other.options
            && self.height == other.height
    }
}

#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let height = super::snippet::is_length(&props.height)
        .then(|| format!("min-height: {}", props.height.trim()));
    if props.document.is_none() && props.problems.is_empty() {
        return html! { <div class="ed-preview-box" style={height}><p class="ed-note">{ props.empty }</p></div> };
    }
    let timeline = TimelineProps {
        document: props.document.clone(),
        problems: props.problems.clone(),
        lang: props.lang.clone(),
        options: props.options.clone(),
        load_error: None,
    };
    html! {
        <div class="ed-preview-box" style={height}>
            <Timeline ..timeline />
        </div>
    }
}
