//! What the editor gives back: the embed code (copied with a "Copied" confirmation), the
//! data in our JSON format to download, and the no-JS fallback list in each language to
//! copy or download. Where the loader is and where the data goes are set here too.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::browser;
use super::snippet::{DataPlace, Settings};
use crate::locale::{fill, EditorStrings, Locale, LOCALES};
use crate::model::format::Document;
use crate::ui::fallback_html;

#[derive(Properties, Clone)]
pub struct OutputsProps {
    pub settings: Settings,
    pub onchange: Callback<Settings>,
    /// The usable data and its JSON (our format), when there is any.
    pub document: Option<Rc<Document>>,
    pub json: Option<Rc<str>>,
    /// Whether events were left out for their errors.
    pub has_errors: bool,
    pub strings: &'static EditorStrings,
}

impl PartialEq for OutputsProps {
    fn eq(&self, other: &Self) -> bool {
        let same_doc = match (&self.document, &other.document) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        let same_json = match (&self.json, &other.json) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_doc
            && same_json
            && self.settings == other.settings
            && self.has_errors == other.has_errors
            && std::ptr::eq(self.strings, other.strings)
    }
}

fn input_value(e: &InputEvent) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}

/// Copies `text`, then says so (or that it failed) in `status` under `key`.
fn copy_to(text: String, key: &'static str, status: UseStateHandle<Option<(&'static str, bool)>>) {
    spawn_local(async move {
        let ok = browser::copy(&text).await.is_ok();
        status.set(Some((key, ok)));
    });
}

#[component]
pub fn Outputs(props: &OutputsProps) -> Html {
    let strings = props.strings;
    let settings = &props.settings;
    // Which copy button last copied, and whether it worked.
    let status = use_state(|| None::<(&'static str, bool)>);
    // The JSON now: written after the check for small data, here for large data (a copy
    // or a download).
    let json_now = {
        let (json, document) = (props.json.clone(), props.document.clone());
        move || -> Option<Rc<str>> {
            json.clone().or_else(|| {
                document
                    .as_ref()
                    .map(|d| crate::model::export::to_json(d).into())
            })
        }
    };
    let snippet = match (&props.json, &props.document) {
        (Some(json), _) => settings.snippet(json),
        (None, Some(document)) => settings.snippet(&format!(
            "/* {} events: Copy gives the embed code with all of them */",
            document.events.len()
        )),
        (None, None) => String::new(),
    };
    let edit = |apply: fn(&mut Settings, String)| {
        let (settings, onchange) = (props.settings.clone(), props.onchange.clone());
        Callback::from(move |e: InputEvent| {
            let mut next = settings.clone();
            apply(&mut next, input_value(&e));
            onchange.emit(next);
        })
    };
    let place = |inline: bool| {
        let (settings, onchange) = (props.settings.clone(), props.onchange.clone());
        Callback::from(move |_: Event| {
            let mut next = settings.clone();
            next.data = if inline {
                DataPlace::Inline
            } else {
                DataPlace::File("timeline.json".to_owned())
            };
            onchange.emit(next);
        })
    };
    let said = |key: &'static str| match *status {
        Some((k, true)) if k == key => Some(strings.copied),
        Some((k, false)) if k == key => Some(strings.copy_failed),
        _ => None,
    };
    let copy_snippet = {
        let (settings, status, json_now) = (settings.clone(), status.clone(), json_now.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(json) = json_now() {
                copy_to(settings.snippet(&json), "snippet", status.clone());
            }
        })
    };
    let download_json = Callback::from(move |_: MouseEvent| {
        if let Some(json) = json_now() {
            let _ = browser::download("timeline.json", "application/json", &json);
        }
    });
    let inline = settings.data == DataPlace::Inline;
    let src = match &settings.data {
        DataPlace::File(src) => src.clone(),
        DataPlace::Inline => String::new(),
    };
    html! {
        <section class="ed-outputs" aria-labelledby="ed-outputs-heading">
            <h2 id="ed-outputs-heading">{ strings.outputs_heading }</h2>
            <div class="ed-field">
                <label for="ed-script">{ strings.script_label }</label>
                <input type="url" id="ed-script" value={settings.script.clone()}
                    oninput={edit(|s, v| s.script = v)} spellcheck="false" />
            </div>
            <div class="ed-field">
                <label for="ed-integrity">{ strings.integrity_label }</label>
                <input type="text" id="ed-integrity" value={settings.integrity.clone()}
                    oninput={edit(|s, v| s.integrity = v)} spellcheck="false" placeholder="sha384-…" />
            </div>
            <fieldset class="ed-place">
                <legend>{ strings.data_label }</legend>
                <label class="ed-check">
                    <input type="radio" name="ed-data" checked={inline} onchange={place(true)} />
                    { strings.data_inline }
                </label>
                <label class="ed-check">
                    <input type="radio" name="ed-data" checked={!inline} onchange={place(false)} />
                    { strings.data_file }
                </label>
                if !inline {
                    <div class="ed-field">
                        <label for="ed-src">{ strings.data_src_label }</label>
                        <input type="text" id="ed-src" value={src}
                            oninput={edit(|s, v| s.data = DataPlace::File(v))} spellcheck="false" />
                    </div>
                }
            </fieldset>
            if props.document.is_none() {
                <p class="ed-note">{ strings.no_data }</p>
            } else {
                if props.has_errors {
                    <p class="ed-note">{ strings.errors_left_out }</p>
                }
                <div class="ed-field">
                    <label for="ed-snippet">{ strings.snippet_label }</label>
                    <textarea id="ed-snippet" class="ed-snippet" readonly=true value={snippet}
                        wrap="off" spellcheck="false" />
                </div>
                <div class="ed-actions">
                    <button type="button" class="ed-button" id="ed-copy" onclick={copy_snippet}>{ strings.copy }</button>
                    <span class="ed-status" role="status">{ said("snippet") }</span>
                    <button type="button" class="ed-button" id="ed-download-json" onclick={download_json}>
                        { strings.download_json }
                    </button>
                </div>
                <h3>{ strings.fallback_heading }</h3>
                <p>{ strings.fallback_intro }</p>
                <ul class="ed-fallbacks">
                    { for LOCALES.iter().map(|&locale| fallback_row(locale, props, &status, said(locale.code))) }
                </ul>
            }
        </section>
    }
}

/// One language's fallback: copy and download buttons (the list is rendered when asked
/// for: for 10,000 events it is megabytes).
fn fallback_row(
    locale: &'static Locale,
    props: &OutputsProps,
    status: &UseStateHandle<Option<(&'static str, bool)>>,
    said: Option<&'static str>,
) -> Html {
    let strings = props.strings;
    let render = |then: Rc<dyn Fn(String)>| {
        let document = props.document.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(document) = document.clone() {
                let then = then.clone();
                spawn_local(async move { then(fallback_html(document, locale).await) });
            }
        })
    };
    let copy = {
        let status = status.clone();
        render(Rc::new(move |html| {
            copy_to(html, locale.code, status.clone())
        }))
    };
    let download = render(Rc::new(move |html| {
        let name = format!("fallback-{}.html", locale.code);
        let _ = browser::download(&name, "text/html", &html);
    }));
    html! {
        <li class="ed-actions" data-lang={locale.code}>
            <button type="button" class="ed-button" data-action="copy-fallback" onclick={copy}>
                { fill(strings.fallback_copy, &[locale.name]) }
            </button>
            <button type="button" class="ed-button" data-action="download-fallback" onclick={download}>
                { fill(strings.fallback_download, &[locale.name]) }
            </button>
            <span class="ed-status" role="status">{ said }</span>
        </li>
    }
}
