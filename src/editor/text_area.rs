//! The text of the data, with line numbers. A plain `<textarea>` (the browser keeps the
//! caret, the selection, undo and the scroll position), but one that holds at most
//! [`WINDOW`] lines: a browser's textarea lays out its whole text again on every key, so
//! with 10,000 events (140,000 lines) each key cost seconds. Longer texts keep the lines
//! before and after the window here ([`Text`]), and the textarea sits at its place in a
//! scrolled box as tall as the whole text; scrolling near the window's edge moves the
//! window (the lines typed so far go back into the text first). Select-all (Ctrl/⌘+A)
//! first puts the whole text in the textarea, so that a paste over it replaces it all.
//! Moving the window forgets the textarea's undo history: a known limit of long texts.
//!
//! Lines do not wrap, so line N is always N line-heights down, and the gutter shows only
//! the numbers of the lines in view. Files can be dropped on the text. Yew never writes
//! the textarea's value (that would move the caret, and copy the text on every render).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::browser::line_height;
use super::place::{line_count, line_start, utf16_offset, visible_lines, window_around};

/// The most lines the textarea holds.
pub const WINDOW: u32 = 2_000;
/// How close (in lines) the view may come to the window's edge before it moves.
const MARGIN: u32 = 400;

/// The text outside the window, and where the window is.
#[derive(Default)]
struct Outside {
    /// The lines before the window, each with its `\n`.
    before: String,
    /// The `\n` that ends the window's last line and the lines after it.
    after: String,
    /// The window's first line (0-based), the lines in `before`.
    first: u32,
    /// The lines of `after` (each `\n` in it starts one).
    after_lines: u32,
}

/// The editor's text: the textarea and the lines outside its window. Cloned handles
/// share one text; compared by pointer.
#[derive(Clone, Default)]
pub struct Text {
    outside: Rc<RefCell<Outside>>,
    pub area: NodeRef,
    scroller: NodeRef,
    spacer: NodeRef,
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.outside, &other.outside)
    }
}

impl Text {
    fn textarea(&self) -> Option<web_sys::HtmlTextAreaElement> {
        self.area.cast()
    }

    /// The whole text (line breaks as `\n`, as the textarea gives them).
    pub fn read(&self) -> String {
        let outside = self.outside.borrow();
        let middle = self.textarea().map(|a| a.value()).unwrap_or_default();
        let mut text =
            String::with_capacity(outside.before.len() + middle.len() + outside.after.len());
        text.push_str(&outside.before);
        text.push_str(&middle);
        text.push_str(&outside.after);
        text
    }

    /// Replaces the text: the caret and the view at its start.
    pub fn write(&self, text: &str) {
        let text = text.replace("\r\n", "\n");
        self.show(&text, 0);
        if let Some(scroller) = self.scroller.cast::<web_sys::Element>() {
            scroller.set_scroll_top(0);
        }
        if let Some(area) = self.textarea() {
            let _ = area.set_selection_range(0, 0);
        }
    }

    /// The number of lines of the whole text.
    pub fn lines(&self) -> u32 {
        let outside = self.outside.borrow();
        let middle = self.textarea().map(|a| line_count(&a.value())).unwrap_or(1);
        outside.first + middle + outside.after_lines
    }

    /// The window's first line (0-based).
    pub fn first(&self) -> u32 {
        self.outside.borrow().first
    }

    /// Puts `text` in, with the window around line `center` (0-based), keeping the
    /// caret where it was in the text when it is inside the new window.
    fn show(&self, text: &str, center: u32) {
        let Some(area) = self.textarea() else {
            return;
        };
        let focused = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_some_and(|e| area.is_same_node(Some(&e)));
        let caret = focused.then(|| {
            let before = self.outside.borrow().before.encode_utf16().count() as u32;
            before + area.selection_start().ok().flatten().unwrap_or(0)
        });
        let (first, count) = window_around(center, WINDOW, line_count(text));
        let start = line_start(text, first);
        let end = line_start(text, first + count);
        // The window's last line's `\n` stays outside, so the window ends on a line.
        let end = if end > start && text.as_bytes().get(end - 1) == Some(&b'\n') && end < text.len()
        {
            end - 1
        } else {
            end
        };
        let after = &text[end..];
        let before = &text[..start];
        let before_units = before.encode_utf16().count() as u32;
        *self.outside.borrow_mut() = Outside {
            before: before.to_owned(),
            after: after.to_owned(),
            first,
            after_lines: after.bytes().filter(|&b| b == b'\n').count() as u32,
        };
        area.set_value(&text[start..end]);
        if let Some(caret) = caret {
            let inside = caret
                .checked_sub(before_units)
                .filter(|&c| c <= area.value().encode_utf16().count() as u32);
            if let Some(c) = inside {
                let _ = area.set_selection_range(c, c);
            }
        }
        self.place();
    }

    /// Sizes the box to the whole text and puts the textarea at its window's place.
    fn place(&self) {
        let (Some(area), Some(spacer)) =
            (self.textarea(), self.spacer.cast::<web_sys::HtmlElement>())
        else {
            return;
        };
        let line = line_height(&area);
        let first = self.outside.borrow().first;
        let window_lines = line_count(&area.value());
        let style = area.style();
        let _ = style.set_property("top", &format!("{}px", f64::from(first) * line));
        let _ = style.set_property(
            "height",
            &format!("{}px", f64::from(window_lines) * line + 16.0),
        );
        // As wide as its longest line (it does not scroll itself: the box does).
        let _ = style.set_property("width", "100%");
        let wide = area.scroll_width().max(area.client_width());
        let _ = style.set_property("width", &format!("{wide}px"));
        let _ = spacer.style().set_property(
            "height",
            &format!("{}px", f64::from(self.lines()) * line + 16.0),
        );
        let _ = spacer.style().set_property("width", &format!("{wide}px"));
    }

    /// Moves the window when the lines in view come near its edge (or leave it).
    fn follow(&self, first_visible: u32, last_visible: u32) {
        let (first, after) = {
            let outside = self.outside.borrow();
            (outside.first, outside.after_lines)
        };
        let window_lines = self.textarea().map(|a| line_count(&a.value())).unwrap_or(0);
        let end = first + window_lines;
        let near_start = first > 0 && first_visible < first + MARGIN;
        let near_end = after > 0 && last_visible + MARGIN > end;
        // A paste can put any number of lines in the window.
        let too_long = window_lines > 2 * WINDOW;
        if near_start || near_end || too_long {
            let text = self.read();
            self.show(&text, (first_visible + last_visible) / 2);
        }
    }

    /// Puts the whole text in the textarea (before a select-all).
    fn unwindow(&self) {
        if self.outside.borrow().before.is_empty() && self.outside.borrow().after.is_empty() {
            return;
        }
        let text = self.read();
        let Some(area) = self.textarea() else {
            return;
        };
        *self.outside.borrow_mut() = Outside::default();
        area.set_value(&text);
        self.place();
    }

    /// Puts the caret at `line`, `column` (1-based, as the checker counts them in
    /// `checked`, the text it read), focuses the text and scrolls the line into view.
    pub fn put_caret(&self, checked: &str, line: u32, column: u32) {
        let target = line.saturating_sub(1);
        let (first, window_lines) = {
            let first = self.first();
            (
                first,
                self.textarea().map(|a| line_count(&a.value())).unwrap_or(0),
            )
        };
        if target < first || target >= first + window_lines {
            self.show(&self.read(), target);
        }
        let (Some(area), Some(scroller)) =
            (self.textarea(), self.scroller.cast::<web_sys::Element>())
        else {
            return;
        };
        let first = self.first();
        // The place in the window: the checked text's line and column, counted from the
        // window's first line.
        let start = line_start(checked, first);
        let offset = utf16_offset(&checked[start..], line - first, column);
        let _ = area.focus();
        let _ = area.set_selection_range(offset, offset);
        let line_px = line_height(&area);
        let top = f64::from(target) * line_px - f64::from(scroller.client_height()) / 3.0;
        scroller.set_scroll_top(top.max(0.0) as i32);
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct TextAreaProps {
    pub text: Text,
    pub label: AttrValue,
    pub hint: AttrValue,
    /// Bumped by the editor when it wrote or checked the text (the gutter recounts).
    pub version: u32,
    /// The text changed (typed, pasted, cut).
    pub oninput: Callback<()>,
    /// A file was dropped on the text.
    pub onfile: Callback<web_sys::File>,
    /// Text (not a file) was dropped on the text.
    pub ondroptext: Callback<String>,
}

/// Where the box is scrolled and how tall it is, in pixels, its line height and the
/// text's lines.
#[derive(Clone, Copy, PartialEq)]
struct View {
    top: f64,
    height: f64,
    line: f64,
    lines: u32,
    first: u32,
}

#[component]
pub fn TextArea(props: &TextAreaProps) -> Html {
    let text = props.text.clone();
    let view = use_state(|| View {
        top: 0.0,
        height: 600.0,
        line: 20.0,
        lines: 1,
        first: 0,
    });
    let measure = {
        let (view, text) = (view.clone(), text.clone());
        Callback::from(move |_: ()| {
            let (Some(scroller), Some(area)) =
                (text.scroller.cast::<web_sys::Element>(), text.textarea())
            else {
                return;
            };
            let line = line_height(&area);
            let height = f64::from(scroller.client_height());
            let top = f64::from(scroller.scroll_top());
            let (first, last, _) = visible_lines(top, line, height, text.lines());
            text.follow(first - 1, last - 1);
            let now = View {
                top: f64::from(scroller.scroll_top()),
                height,
                line,
                lines: text.lines(),
                first: text.first(),
            };
            if now != *view {
                view.set(now);
            }
        })
    };
    {
        let (measure, text) = (measure.clone(), text.clone());
        use_effect_with(props.version, move |_| {
            text.place();
            measure.emit(());
        });
    }
    let onscroll = measure.reform(|_: Event| ());
    let oninput = {
        let (oninput, text, view) = (props.oninput.clone(), text.clone(), view.clone());
        Callback::from(move |_: InputEvent| {
            oninput.emit(());
            // The window's lines only: a key in a long text costs no more than in a short one.
            let lines = text.lines();
            if lines != view.lines {
                text.place();
                view.set(View { lines, ..*view });
            }
        })
    };
    let onkeydown = {
        let text = text.clone();
        Callback::from(move |e: KeyboardEvent| {
            if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("a") {
                text.unwindow();
            }
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
    let (first, last, offset) = visible_lines(view.top, view.line, view.height, view.lines.max(1));
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
            <div class="ed-scroller" ref={text.scroller.clone()} {onscroll}>
                <div class="ed-spacer" ref={text.spacer.clone()}>
                    <textarea id="ed-text" class="ed-textarea" ref={text.area.clone()}
                        aria-label={props.label.clone()} aria-describedby="ed-text-hint"
                        data-first-line={(view.first + 1).to_string()}
                        wrap="off" spellcheck="false" autocomplete="off" autocapitalize="off"
                        {oninput} {onkeydown} />
                </div>
            </div>
            <p id="ed-text-hint" class="ed-hint">{ props.hint.clone() }</p>
        </div>
    }
}
