//! The details' "Copy link": the address of the article (or the page) that opens this
//! event, put on the clipboard with a confirmation in a live region, or, on a touch
//! device with a share sheet, handed to that. The address follows `model::link`'s rule in
//! an embed and `#event=<id>` on the standalone page; building it writes no history.

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::locale::Locale;
use crate::model::link::fragment;

#[derive(Properties, PartialEq, Clone)]
pub struct ShareLinkProps {
    /// The event's id.
    pub id: AttrValue,
    /// The widget's key in the article (`model::link`); `None` on the standalone page.
    pub link_key: Option<AttrValue>,
    /// The event's title, for the share sheet.
    pub title: AttrValue,
    pub locale: &'static Locale,
}

/// What became of the last press.
#[derive(Clone, PartialEq)]
enum Outcome {
    Copied,
    /// The clipboard refused: the link, to copy by hand.
    Failed(AttrValue),
}

#[component]
pub fn ShareLink(props: &ShareLinkProps) -> Html {
    let outcome = use_state(|| None::<Outcome>);
    let onclick = {
        let (outcome, props) = (outcome.clone(), props.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(url) = link_here(props.link_key.as_deref(), &props.id) else {
                return;
            };
            if share_sheet(&url, &props.title) {
                return;
            }
            let outcome = outcome.clone();
            let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
            // `navigator.clipboard` is missing outside secure contexts.
            let promise = clipboard
                .filter(|c| !JsValue::from(c).is_undefined())
                .map(|c| c.write_text(&url));
            wasm_bindgen_futures::spawn_local(async move {
                let copied = match promise {
                    Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
                    None => false,
                };
                outcome.set(Some(if copied {
                    Outcome::Copied
                } else {
                    Outcome::Failed(url.into())
                }));
            });
        })
    };
    let locale = props.locale;
    html! {
        <div class="tl-share">
            <button type="button" class="tl-button tl-copy-link" {onclick}>{ locale.copy_link }</button>
            <p class="tl-share-status" role="status">
                { match &*outcome {
                    Some(Outcome::Copied) => html! { locale.link_copied },
                    Some(Outcome::Failed(url)) => html! {
                        <label>{ locale.copy_link_failed }{ " " }
                            <input class="tl-share-url" type="url" readonly=true value={url.clone()} dir="ltr" />
                        </label>
                    },
                    None => Html::default(),
                } }
            </p>
        </div>
    }
}

/// The address that opens event `id` here: this page's, without its fragment, with the
/// widget's (`#<key>/<id>`) or, on the standalone page, `#event=<id>`.
fn link_here(key: Option<&str>, id: &str) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let base = href.split('#').next().unwrap_or(&href);
    Some(match key {
        Some(key) => base.to_owned() + &fragment(key, id),
        None => base.to_owned() + "#event=" + id,
    })
}

/// Hands `url` to the device's share sheet where there is one and the device is touch
/// (`pointer: coarse`): a desktop browser's share dialog is no better than the clipboard.
/// Whether it did.
fn share_sheet(url: &str, title: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let touch = window
        .match_media("(pointer: coarse)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let navigator = window.navigator();
    let share = js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let (true, Some(share)) = (touch, share) else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    // The sheet is its own confirmation; dismissing it rejects, which is no error.
    if let Ok(promise) = share.call1(&navigator, &data) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
        return true;
    }
    false
}
