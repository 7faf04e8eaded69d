//! The toolbar: search, one toggle per category (with its colour and count), zoom
//! buttons, the Timeline/List switch and the "N of M events" count.

use std::rc::Rc;

use yew::prelude::*;

use super::state::{Action, ViewMode};
use crate::model::format::Document;

#[derive(Properties, PartialEq, Clone)]
pub struct ToolbarProps {
    pub document: Rc<Document>,
    pub counts: Rc<[u32]>,
    /// Whether each category is shown, in the order of `categories`.
    pub shown: Rc<[bool]>,
    pub query: AttrValue,
    pub lang: AttrValue,
    pub mode: ViewMode,
    pub matching: usize,
    pub total: usize,
    pub can_zoom_in: bool,
    pub can_zoom_out: bool,
    pub search_ref: NodeRef,
    pub onaction: Callback<Action>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let act = |action: Action| props.onaction.reform(move |_: MouseEvent| action.clone());
    let oninput = {
        let onaction = props.onaction.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                onaction.emit(Action::SetQuery(input.value().into()));
            }
        })
    };
    let timeline_mode = props.mode == ViewMode::Timeline;
    html! {
        <div class="tl-toolbar">
            <div class="tl-search">
                <input ref={props.search_ref.clone()} type="search" class="tl-search-input"
                    aria-label="Search events" placeholder="Search events"
                    value={props.query.clone()} {oninput} />
            </div>
            <div class="tl-categories" role="group" aria-label="Categories">
                { for props.document.categories.iter().enumerate().map(|(i, c)| {
                    let shown = props.shown.get(i).copied().unwrap_or(true);
                    let count = props.counts.get(i).copied().unwrap_or(0);
                    html! {
                        <button type="button" class="tl-category" data-category={c.id.clone()}
                            aria-pressed={if shown { "true" } else { "false" }}
                            style={format!("--tl-cat: {}", c.color)}
                            onclick={act(Action::ToggleCategory(c.id.clone().into()))}>
                            <span class="tl-swatch" aria-hidden="true"></span>
                            <span class="tl-category-label">{ c.label.get(&props.lang) }</span>
                            <span class="tl-category-count">{ count }</span>
                        </button>
                    }
                }) }
            </div>
            <div class="tl-controls">
                if timeline_mode {
                    <div class="tl-zoom" role="group" aria-label="Zoom">
                        <button type="button" class="tl-button" aria-label="Zoom in" title="Zoom in (+)"
                            disabled={!props.can_zoom_in} onclick={act(Action::ZoomIn)}>{ "+" }</button>
                        <button type="button" class="tl-button" aria-label="Zoom out" title="Zoom out (−)"
                            disabled={!props.can_zoom_out} onclick={act(Action::ZoomOut)}>{ "−" }</button>
                        <button type="button" class="tl-button" title="Show all (0)"
                            onclick={act(Action::ShowAll)}>{ "Show all" }</button>
                    </div>
                }
                <div class="tl-views" role="group" aria-label="View">
                    <button type="button" class="tl-button" aria-pressed={timeline_mode.to_string()}
                        onclick={act(Action::SetMode(ViewMode::Timeline))}>{ "Timeline" }</button>
                    <button type="button" class="tl-button" aria-pressed={(!timeline_mode).to_string()}
                        onclick={act(Action::SetMode(ViewMode::List))}>{ "List" }</button>
                </div>
                <p class="tl-count" role="status">
                    { format!("{} of {} events", props.matching, props.total) }
                </p>
            </div>
        </div>
    }
}
