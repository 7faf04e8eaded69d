//! The text of the data, with line numbers: a plain `<textarea>` (the browser keeps the
//! caret, the selection, undo and the scroll position) beside a gutter that shows only
//! the numbers of the lines in view, moved with the text as it scrolls, so a text of
//! 100,000 lines costs the gutter as little as one of ten. Lines do not wrap, so line
//! N is always N line-heights down. Files can be dropped on it.
//!
//! The textarea is uncontrolled: Yew never writes its value (which would move the caret
//! and cost a copy of the whole text on every render). The editor reads it when the
//! reader pauses, and writes it only when a file, an address or the template is opened.

use yew::prelude::*;

use super::browser::line_height;
use super::place::visible_lines;

#[derive(Properties, PartialEq, Clone)]
pub struct TextAreaProps {
    pub area_ref: NodeRef,
    /// The number of lines of the text as last read.
    pub lines: u32,
    pub label: AttrValue,
    pub hint: AttrValue,
    /// The text changed (typed, pasted, cut).
    pub oninput: Callback<()>,
    /// A file was dropped on the text.
    pub onfile: Callback<web_sys::File>,
    /// Text (not a file) was dropped on the text.
    pub ondroptext: Callback<String>,
}

/// Where the textarea is scrolled and how tall it is, in pixels, and its line height.
#[derive(Clone, Copy, PartialEq)]
struct View {
    top: f64,
    height: f64,
    line: f64,
}

#[component]
pub fn TextArea(props: &TextAreaProps) -> Html {
    let view = use_state(|| View {
        top: 0.0,
        height: 600.0,
        line: 20.0,
    });
    let measure = {
        let (view, area_ref) = (view.clone(), props.area_ref.clone());
        Callback::from(move |_: ()| {
            if let Some(area) = area_ref.cast::<web_sys::HtmlTextAreaElement>() {
                let now = View {
                    top: f64::from(area.scroll_top()),
                    height: f64::from(area.client_height()),
                    line: line_height(&area),
                };
                if now != *view {
                    view.set(now);
                }
            }
        })
    };
    {
        let measure = measure.clone();
        use_effect_with(props.lines, move |_| measure.emit(()));
    }
    let onscroll = measure.reform(|_: Event| ());
    let oninput = {
        let (oninput, measure) = (props.oninput.clone(), measure.clone());
        Callback::from(move |_: InputEvent| {
            oninput.emit(());
            measure.emit(());
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let (onfile, ondroptext) = (props.onfile.clone(), props.ondroptext.clone());
        Callback::from(move |e: DragEvent| {
            let Some(data) = e.data_transfer() else {
                return;
            };
            e.prevent_default();
            if let Some(file) = data.files().and_then(|files| files.get(0)) {
                onfile.emit(file);
            } else if let Ok(text) = data.get_data("text/plain") {
                ondroptext.emit(text);
            }
        })
    };
    let (first, last, offset) = visible_lines(view.top, view.line, view.height, props.lines.max(1));
    let mut numbers = String::with_capacity(((last - first + 1) * 7) as usize);
    for n in first..=last {
        numbers.push_str(&n.to_string());
        numbers.push('\n');
    }
    let shift = format!("transform: translateY({offset}px)");
    html! {
        <div class="ed-text" {ondragover} {ondrop}>
            <div class="ed-gutter" aria-hidden="true">
                <pre class="ed-gutter-lines" style={shift}>{ numbers }</pre>
            </div>
            <textarea id="ed-text" class="ed-textarea" ref={props.area_ref.clone()}
                aria-label={props.label.clone()} aria-describedby="ed-text-hint"
                wrap="off" spellcheck="false" autocomplete="off" autocapitalize="off"
                {oninput} {onscroll} />
            <p id="ed-text-hint" class="ed-hint">{ props.hint.clone() }</p>
        </div>
    }
}

/// The text of the textarea of `area_ref` (empty while it is not mounted).
pub fn read(area_ref: &NodeRef) -> String {
    area_ref
        .cast::<web_sys::HtmlTextAreaElement>()
        .map(|area| area.value())
        .unwrap_or_default()
}

/// Writes `text` into the textarea of `area_ref`, caret and scroll at the start (the
/// scroll fires the event that moves the gutter).
pub fn write(area_ref: &NodeRef, text: &str) {
    if let Some(area) = area_ref.cast::<web_sys::HtmlTextAreaElement>() {
        area.set_value(text);
        let _ = area.set_selection_range(0, 0);
        area.set_scroll_top(0);
    }
}
