//! The editor page (`editor.html`): open data (a file chosen or dropped, pasted text, an
//! address the browser fetches), see every problem with its place and go to it, watch
//! the widget show it, set the embed's options, and take away the embed code, the data
//! in our format and the no-JS fallback. A page of its own, built with the `editor`
//! feature, so nothing of it is in the widget's modules; nothing it opens leaves the
//! browser.
//!
//! Typing never waits for the checker: the text is read and checked when the reader
//! pauses ([`PAUSE_MS`]), and the check, the preview's render and the JSON of the embed
//! code are three tasks of their own, so the page answers between them even on 10,000
//! events.

mod browser;
mod controls;
mod outputs;
mod place;
mod preview;
mod problem_list;
pub mod snippet;
mod text_area;

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::locale::{self, editor_strings, fill, Locale, LOCALES};
use crate::model::format::Document;
use crate::model::validate::{validate, Problem, Severity};
use controls::{Controls, SUGGESTED_EVENTS};
use outputs::Outputs;
use preview::Preview;
use problem_list::ProblemList;
use snippet::Settings;
use text_area::{Text, TextArea};

/// How long the reader pauses before the text is checked, in milliseconds.
pub const PAUSE_MS: u32 = 300;

/// Up to this many events, the embed code is written (with the data in it) after every
/// check; beyond, only when it is copied or downloaded, and shown without its data: a
/// textarea holding megabytes of JSON costs the browser seconds on every change.
pub const EAGER_JSON: usize = 2_000;

/// The spreadsheet template (assets/template.csv), to start from.
const TEMPLATE: &str = include_str!("../../assets/template.csv");

/// What the checker made of the text.
#[derive(Default)]
struct Checked {
    /// The text checked (the problems' places are in it).
    text: Rc<str>,
    problems: Rc<[Problem]>,
    document: Option<Rc<Document>>,
}

/// Mounts the editor into `#editor` (or the body).
pub fn start() {
    let document = web_sys::window().and_then(|w| w.document());
    let root = document.and_then(|d| {
        d.get_element_by_id("editor")
            .or_else(|| d.body().map(Into::into))
    });
    match root {
        Some(root) => yew::Renderer::<Editor>::with_root(root).render(),
        None => yew::Renderer::<Editor>::new().render(),
    };
}

/// The page's language: `?lang=`, else the reader's browser's.
fn first_language() -> &'static Locale {
    browser::lang_parameter()
        .and_then(|tag| locale::find(&tag))
        .unwrap_or_else(|| locale::find(&crate::ui::readers_language(false)).unwrap_or(&locale::EN))
}

#[component]
pub fn Editor() -> Html {
    let locale = use_state(first_language);
    let strings = editor_strings(&locale);
    let text = use_memo((), |_| Text::default());
    let text = (*text).clone();
    // Bumped when the text was written or checked: the text area recounts its lines.
    let version = use_state(|| 0u32);
    let checked = use_state(|| Rc::new(Checked::default()));
    let json = use_state(|| None::<Rc<str>>);
    let settings = use_state(Settings::default);
    let typing = use_state(|| false);
    let status = use_state(String::new);
    let pause = use_mut_ref(|| None::<Timeout>);
    // The next steps of a check, each its own task (see the module's documentation).
    let steps = use_mut_ref(Vec::<Timeout>::new);

    {
        let locale = *locale;
        use_effect_with(locale, move |locale| {
            browser::set_page_language(
                locale.code,
                locale.dir.as_str(),
                editor_strings(locale).title,
            );
        });
    }

    let check: Rc<dyn Fn(String)> = {
        let (checked, json, typing, steps) =
            (checked.clone(), json.clone(), typing.clone(), steps.clone());
        let version = version.clone();
        Rc::new(move |text: String| {
            let validated = validate(&text);
            let result = Rc::new(Checked {
                text: text.into(),
                problems: validated.problems.into(),
                document: validated.document.map(Rc::new),
            });
            let (checked, json, typing) = (checked.clone(), json.clone(), typing.clone());
            let steps_later = steps.clone();
            let version = version.clone();
            let render = Timeout::new(0, move || {
                let document = result.document.clone();
                checked.set(result);
                typing.set(false);
                version.set(*version + 1);
                let convert = Timeout::new(0, move || {
                    json.set(
                        document
                            .filter(|d| d.events.len() <= EAGER_JSON)
                            .map(|d| crate::model::export::to_json(&d).into()),
                    );
                });
                steps_later.borrow_mut().push(convert);
            });
            let mut steps = steps.borrow_mut();
            steps.clear();
            steps.push(render);
        })
    };

    let oninput = {
        let (text, check, pause, typing) =
            (text.clone(), check.clone(), pause.clone(), typing.clone());
        Callback::from(move |_: ()| {
            if !*typing {
                typing.set(true);
            }
            let (text, check) = (text.clone(), check.clone());
            *pause.borrow_mut() = Some(Timeout::new(PAUSE_MS, move || check(text.read())));
        })
    };
    // Opened text (a file, an address, the template, a drop): into the text, checked now.
    let open: Rc<dyn Fn(String, String)> = {
        let (area, check, pause, status) =
            (text.clone(), check.clone(), pause.clone(), status.clone());
        Rc::new(move |text: String, name: String| {
            pause.borrow_mut().take();
            area.write(&text);
            // The text as the page reads it later (line breaks as \n).
            check(area.read());
            status.set(fill(strings.opened, &[&name]));
        })
    };
    let failed = {
        let status = status.clone();
        Rc::new(move |name: String, why: String| {
            status.set(fill(strings.open_failed, &[&name, &why]))
        })
    };
    let open_file = {
        let (open, failed, status) = (open.clone(), failed.clone(), status.clone());
        Callback::from(move |file: web_sys::File| {
            let (open, failed) = (open.clone(), failed.clone());
            status.set(strings.loading.to_owned());
            spawn_local(async move {
                let name = file.name();
                match browser::file_text(file).await {
                    Ok(text) => open(text, name),
                    Err(why) => failed(name, why),
                }
            });
        })
    };
    let onfilechange = {
        let open_file = open_file.clone();
        Callback::from(move |e: Event| {
            let input = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(file) = input
                .as_ref()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            {
                open_file.emit(file);
            }
        })
    };
    let url = use_state(String::new);
    let onurlinput = {
        let url = url.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                url.set(input.value());
            }
        })
    };
    let onurlsubmit = {
        let (open, failed, status, url) =
            (open.clone(), failed.clone(), status.clone(), url.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let address = url.trim().to_owned();
            if address.is_empty() {
                return;
            }
            let (open, failed) = (open.clone(), failed.clone());
            status.set(strings.loading.to_owned());
            spawn_local(async move {
                match browser::fetch_text(&address, strings.fetch_blocked).await {
                    Ok(text) => open(text, address),
                    Err(why) => failed(address, why),
                }
            });
        })
    };
    let ondroptext = {
        let open = open.clone();
        Callback::from(move |text: String| open(text, String::new()))
    };
    let start_template = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open(TEMPLATE.to_owned(), "template.csv".to_owned()))
    };
    let download_template = Callback::from(|_: MouseEvent| {
        let _ = browser::download("template.csv", "text/csv", TEMPLATE);
    });
    let onchoose = {
        let (text, checked) = (text.clone(), checked.clone());
        use_callback(
            Rc::as_ptr(&checked.text) as *const u8 as usize,
            move |(line, column): (u32, u32), _| text.put_caret(&checked.text, line, column),
        )
    };
    let onsettings = {
        let settings = settings.clone();
        Callback::from(move |next: Settings| settings.set(next))
    };

    let document = checked.document.clone();
    let categories = {
        let code = locale.code;
        use_memo((DocPointer(document.clone()), code), |(doc, code)| {
            doc.0
                .iter()
                .flat_map(|d| d.categories.iter())
                .map(|c| (c.id.clone(), c.label.get(code).to_owned()))
                .collect::<Vec<_>>()
        })
    };
    let events = {
        let code = locale.code;
        use_memo((DocPointer(document.clone()), code), |(doc, code)| {
            doc.0
                .iter()
                .flat_map(|d| d.events.iter())
                .take(SUGGESTED_EVENTS)
                .map(|e| (e.id.clone(), e.title.get(code).to_owned()))
                .collect::<Vec<_>>()
        })
    };
    let setting_problems = settings.problems(|id| {
        document
            .as_ref()
            .is_some_and(|d| d.events.iter().any(|e| e.id == id))
    });
    let has_errors = checked
        .problems
        .iter()
        .any(|p| p.severity == Severity::Error);
    let preview_lang: AttrValue = if locale::find(&settings.lang).is_some() {
        settings.lang.clone().into()
    } else {
        AttrValue::Static(locale.code)
    };
    let switch = |l: &'static Locale| {
        let locale_state = locale.clone();
        let onclick = Callback::from(move |_: MouseEvent| locale_state.set(l));
        html! {
            <button type="button" class="ed-button" lang={l.code} aria-pressed={(l == *locale).to_string()} {onclick}>
                { l.name }
            </button>
        }
    };

    html! {
        <div class="ed-page">
            <header class="ed-header">
                <h1>{ strings.title }</h1>
                <nav class="ed-languages" aria-label={strings.page_language}>
                    { for LOCALES.iter().map(|&l| switch(l)) }
                </nav>
                <p class="ed-intro">{ strings.intro }</p>
            </header>
            <main class="ed-main">
                <section class="ed-open" aria-labelledby="ed-open-heading">
                    <h2 id="ed-open-heading">{ strings.open_heading }</h2>
                    <div class="ed-open-row">
                        <label class="ed-file">
                            { strings.choose_file }
                            <input type="file" id="ed-file" accept=".json,.csv,application/json,text/csv,text/plain"
                                onchange={onfilechange} />
                        </label>
                        <span class="ed-hint">{ strings.drop_hint }</span>
                    </div>
                    <form class="ed-open-row" onsubmit={onurlsubmit}>
                        <label for="ed-url">{ strings.url_label }</label>
                        <input type="url" id="ed-url" value={(*url).clone()} oninput={onurlinput}
                            placeholder="https://" spellcheck="false" />
                        <button type="submit" class="ed-button">{ strings.url_open }</button>
                    </form>
                    <div class="ed-open-row">
                        <button type="button" class="ed-button" id="ed-template" onclick={start_template}>
                            { strings.template_start }
                        </button>
                        <button type="button" class="ed-button" id="ed-template-download" onclick={download_template}>
                            { strings.template_download }
                        </button>
                    </div>
                    <p class="ed-status" id="ed-open-status" role="status">{ (*status).clone() }</p>
                </section>
                <div class="ed-work">
                    <div class="ed-source">
                        <h2><label for="ed-text">{ strings.text_label }</label></h2>
                        <TextArea text={text.clone()} version={*version}
                            label={strings.text_label} hint={strings.text_hint}
                            {oninput} onfile={open_file} {ondroptext} />
                        <ProblemList problems={checked.problems.clone()} locale={*locale} {strings}
                            {onchoose} checking={*typing} />
                    </div>
                    <section class="ed-preview" aria-labelledby="ed-preview-heading">
                        <h2 id="ed-preview-heading">{ strings.preview_heading }</h2>
                        <Preview document={document.clone()} problems={checked.problems.clone()}
                            lang={preview_lang} options={settings.options()} height={settings.height.clone()}
                            empty={strings.preview_empty} />
                    </section>
                </div>
                <div class="ed-settings">
                    <Controls settings={(*settings).clone()} problems={setting_problems} {categories}
                        {events} {strings} onchange={onsettings.clone()} />
                    <Outputs settings={(*settings).clone()} onchange={onsettings} document={document.clone()}
                        json={(*json).clone()} {has_errors} {strings} />
                </div>
            </main>
            <footer class="ed-footer">
                <a href="index.html">{ locale.timeline }</a>
            </footer>
        </div>
    }
}

/// A document compared by pointer (a memo's key: a new check is a new document).
#[derive(Clone)]
struct DocPointer(Option<Rc<Document>>);

impl PartialEq for DocPointer {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}
