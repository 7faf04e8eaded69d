//! The embed's options, as controls: each labelled, each wrong value said next to it
//! (and marked `aria-invalid`), each change shown at once in the preview and the code.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::snippet::{Problems, Settings, Wrong};
use crate::locale::{EditorStrings, LOCALES};
use crate::ui::Theme;

/// The events offered by the event field's suggestions (all of them are accepted).
pub const SUGGESTED_EVENTS: usize = 500;

#[derive(Properties, PartialEq, Clone)]
pub struct ControlsProps {
    pub settings: Settings,
    pub problems: Problems,
    /// The data's categories: id and label.
    pub categories: Rc<Vec<(String, String)>>,
    /// Some of the data's events, for suggestions: id and title.
    pub events: Rc<Vec<(String, String)>>,
    pub strings: &'static EditorStrings,
    pub onchange: Callback<Settings>,
}

/// The value of the input, select or textarea an event happened on.
fn value(e: &Event) -> String {
    let Some(target) = e.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

fn checked(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.checked())
}

#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let strings = props.strings;
    let settings = &props.settings;
    // A change of one setting: `apply` writes the event's value into a copy.
    let change = |apply: fn(&mut Settings, &Event)| {
        let (settings, onchange) = (props.settings.clone(), props.onchange.clone());
        Callback::from(move |e: Event| {
            let mut next = settings.clone();
            apply(&mut next, &e);
            onchange.emit(next);
        })
    };
    let input = |apply: fn(&mut Settings, &Event)| {
        let change = change(apply);
        Callback::from(move |e: InputEvent| change.emit(e.into()))
    };
    let wrong_text = |wrong: Option<Wrong>| match wrong {
        None => None,
        Some(Wrong::Date) => Some(strings.date_invalid),
        Some(Wrong::Half) => Some(strings.window_needs_both),
        Some(Wrong::Event) => Some(strings.event_unknown),
        Some(Wrong::Height) => Some(strings.height_invalid),
    };
    // A text field with its label, hint and what is wrong with it.
    let field = |id: &'static str,
                 label: &'static str,
                 hint: Option<&'static str>,
                 value: &str,
                 wrong: Option<Wrong>,
                 oninput: Callback<InputEvent>,
                 list: Option<&'static str>| {
        let message = wrong_text(wrong);
        let described = match (hint.is_some(), message.is_some()) {
            (true, true) => Some(format!("{id}-hint {id}-error")),
            (true, false) => Some(format!("{id}-hint")),
            (false, true) => Some(format!("{id}-error")),
            (false, false) => None,
        };
        html! {
            <div class="ed-field">
                <label for={id}>{ label }</label>
                <input type="text" {id} value={value.to_owned()} {oninput} list={list}
                    aria-invalid={message.map(|_| "true")} aria-describedby={described}
                    autocomplete="off" spellcheck="false" />
                if let Some(hint) = hint {
                    <span class="ed-hint" id={format!("{id}-hint")}>{ hint }</span>
                }
                if let Some(message) = message {
                    <span class="ed-invalid" id={format!("{id}-error")}>{ message }</span>
                }
            </div>
        }
    };
    let onlang = change(|s, e| s.lang = value(e));
    let ontheme = change(|s, e| {
        s.theme = match value(e).as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    });
    let theme = settings.theme.name().unwrap_or("auto");
    html! {
        <section class="ed-controls" aria-labelledby="ed-options-heading">
            <h2 id="ed-options-heading">{ strings.options_heading }</h2>
            <div class="ed-field">
                <label for="ed-lang">{ strings.lang_label }</label>
                <select id="ed-lang" onchange={onlang}>
                    <option value="" selected={settings.lang.is_empty()}>{ strings.lang_auto }</option>
                    { for LOCALES.iter().map(|l| html! {
                        <option value={l.code} lang={l.code} selected={settings.lang == l.code}>{ l.name }</option>
                    }) }
                </select>
            </div>
            <div class="ed-field">
                <label for="ed-theme">{ strings.theme_label }</label>
                <select id="ed-theme" onchange={ontheme}>
                    { for [("auto", strings.theme_auto), ("light", strings.theme_light), ("dark", strings.theme_dark)]
                        .into_iter().map(|(value, label)| html! {
                            <option {value} selected={theme == value}>{ label }</option>
                        }) }
                </select>
            </div>
            { field("ed-start", strings.start_label, Some(strings.date_hint), &settings.start,
                props.problems.start, input(|s, e| s.start = value(e)), None) }
            { field("ed-end", strings.end_label, Some(strings.date_hint), &settings.end,
                props.problems.end, input(|s, e| s.end = value(e)), None) }
            { field("ed-event", strings.event_label, Some(strings.event_hint), &settings.event,
                props.problems.event, input(|s, e| s.event = value(e)), Some("ed-event-ids")) }
            <datalist id="ed-event-ids">
                { for props.events.iter().map(|(id, title)| html! {
                    <option value={id.clone()} label={title.clone()} />
                }) }
            </datalist>
            if !props.categories.is_empty() {
                <fieldset class="ed-categories">
                    <legend>{ strings.categories_label }</legend>
                    { for props.categories.iter().map(|(id, label)| {
                        let on = settings.categories.contains(id);
                        let onchange = {
                            let (settings, onchange, id) = (props.settings.clone(), props.onchange.clone(), id.clone());
                            Callback::from(move |e: Event| {
                                let mut next = settings.clone();
                                next.categories.retain(|c| *c != id);
                                if checked(&e) {
                                    next.categories.push(id.clone());
                                }
                                onchange.emit(next);
                            })
                        };
                        html! {
                            <label class="ed-check">
                                <input type="checkbox" value={id.clone()} checked={on} {onchange} />
                                { label }
                            </label>
                        }
                    }) }
                </fieldset>
            }
            { field("ed-height", strings.height_label, None, &settings.height,
                props.problems.height, input(|s, e| s.height = value(e)), None) }
        </section>
    }
}
