//! An event's media as markup: in the details, the media itself with its caption and
//! credit; in the list (and the no-JS fallback), a link to it.
//!
//! - An image loads lazily in a box of fixed proportions (CSS), so nothing moves when it
//!   arrives; if it fails (a 404, a page's Content-Security-Policy), its box shows its
//!   alt text instead (the error handler marks the box, CSS does the rest).
//! - A YouTube or Vimeo video is a button until the reader presses it: nothing, not even a
//!   thumbnail, is requested from that host before; then its player, from YouTube's
//!   privacy-enhanced domain or Vimeo without tracking.
//! - A video or audio file is the browser's player, loading nothing before it is played.
//! - Anything else is a link.

use yew::prelude::*;

use super::rich;
use super::text::lang_attr;
use crate::locale::{self, Locale};
use crate::model::format::{Media, Text};
use crate::model::media::MediaKind;

const REFERRER: &str = "strict-origin-when-cross-origin";

/// A text of the media in the reader's language (or its fallback), with its `lang`.
fn text_in(text: &Text, lang: &str) -> (String, Option<AttrValue>) {
    let (s, text_lang) = text.get_with_lang(lang);
    (s.to_owned(), lang_attr(text_lang, lang))
}

/// The caption and credit under the media, if it has either.
fn caption(media: &Media, lang: &str) -> Html {
    if media.caption.is_none() && media.credit.is_none() {
        return Html::default();
    }
    let part = |text: &Option<Text>, class: &'static str| match text {
        Some(t) => {
            let (s, lang) = text_in(t, lang);
            html! { <span {class} {lang}>{ rich::inline_text(t, &s) }</span> }
        }
        None => Html::default(),
    };
    html! {
        <figcaption class="tl-media-caption">
            { part(&media.caption, "tl-media-text") }
            { " " }
            { part(&media.credit, "tl-media-credit") }
        </figcaption>
    }
}

fn link(href: &str, class: Option<&'static str>, content: Html) -> Html {
    html! {
        <a {class} href={href.to_owned()} target="_blank" rel="noopener noreferrer"
            referrerpolicy={REFERRER}>{ content }</a>
    }
}

/// On an image's `error`: marks its box, whose CSS then shows the alt text instead.
fn on_image_error() -> Callback<Event> {
    Callback::from(|e: Event| {
        let frame = e
            .target_dyn_into::<web_sys::Element>()
            .and_then(|img| img.closest(".tl-media-frame").ok().flatten());
        if let Some(frame) = frame {
            let _ = frame.set_attribute("data-failed", "");
        }
    })
}

/// The media in the details panel; `title` (the event's) names a video without alt text.
pub fn media_figure(media: &Media, locale: &Locale, title: &str) -> Html {
    let lang = locale.code;
    let alt = media.alt.as_ref().map(|t| text_in(t, lang));
    let (alt_text, alt_lang) = alt.clone().unwrap_or_default();
    let label = alt.map_or_else(|| title.to_owned(), |(a, _)| a);
    let url = media.url.clone();
    let body = match &media.kind {
        MediaKind::Image => {
            let img = html! {
                <img class="tl-media-img" src={url.clone()} alt={alt_text.clone()} lang={alt_lang.clone()}
                    loading="lazy" decoding="async" referrerpolicy={REFERRER}
                    onerror={on_image_error()} />
            };
            let img = match &media.link {
                Some(href) => link(href, Some("tl-media-image-link"), img),
                None => img,
            };
            html! {
                <div class="tl-media-frame">
                    { img }
                    <span class="tl-media-fallback" lang={alt_lang}>{ alt_text }</span>
                </div>
            }
        }
        kind @ (MediaKind::YouTube(_) | MediaKind::Vimeo { .. }) => {
            let src = kind.embed_src().unwrap_or_default();
            html! {
                <Player src={AttrValue::from(src)}
                    label={AttrValue::from(locale::fill(locale.play_video, &[&label]))}
                    title={AttrValue::from(label.clone())}
                    host={kind.host_name().unwrap_or("")} />
            }
        }
        MediaKind::Video => html! {
            <div class="tl-media-frame">
                <video class="tl-media-video" src={url.clone()} controls=true preload="none"
                    title={label.clone()}>
                    { link(&url, None, html! { { label.clone() } }) }
                </video>
            </div>
        },
        MediaKind::Audio => html! {
            <audio class="tl-media-audio" src={url.clone()} controls=true preload="none"
                title={label.clone()}>
                { link(&url, None, html! { { label.clone() } }) }
            </audio>
        },
        MediaKind::Link => {
            let text = media
                .alt
                .as_ref()
                .map_or_else(|| url.clone(), |t| t.get(lang).to_owned());
            html! { <p class="tl-media-link">{ link(&url, None, html! { { text } }) }</p> }
        }
    };
    let kind = match media.kind {
        MediaKind::Image => "image",
        MediaKind::YouTube(_) | MediaKind::Vimeo { .. } => "embed",
        MediaKind::Video => "video",
        MediaKind::Audio => "audio",
        MediaKind::Link => "link",
    };
    // Keyed by the URL: another event's media is new elements (a fresh placeholder, a
    // box not marked as failed), never these ones updated.
    html! {
        <figure class="tl-media" data-kind={kind} key={media.url.clone()}>
            { body }
            { caption(media, lang) }
        </figure>
    }
}

/// The media in the list and the no-JS fallback: a link to it (no player, nothing
/// loaded), named by its kind and alt text, with its caption and credit.
pub fn media_reference(media: &Media, locale: &Locale) -> Html {
    let lang = locale.code;
    let [image, video, audio, other] = locale.media_kinds;
    let kind = match media.kind {
        MediaKind::Image => image,
        MediaKind::YouTube(_) | MediaKind::Vimeo { .. } | MediaKind::Video => video,
        MediaKind::Audio => audio,
        MediaKind::Link => other,
    };
    let name = match &media.alt {
        Some(alt) => {
            let (alt, alt_lang) = text_in(alt, lang);
            html! { <>{ kind }{ ": " }<span lang={alt_lang}>{ alt }</span></> }
        }
        None => html! { { kind } },
    };
    let part = |text: &Option<Text>, class: &'static str| match text {
        Some(t) => {
            let (s, lang) = text_in(t, lang);
            html! { <>{ " " }<span {class} {lang}>{ rich::inline_text(t, &s) }</span></> }
        }
        None => Html::default(),
    };
    html! {
        <p class="tl-media-ref">
            { link(&media.url, None, name) }
            { part(&media.caption, "tl-media-text") }
            { part(&media.credit, "tl-media-credit") }
        </p>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct PlayerProps {
    /// The player's address, loaded only once the button is pressed.
    pub src: AttrValue,
    /// The button's text: `Play video: …`.
    pub label: AttrValue,
    /// The player's title (the video's).
    pub title: AttrValue,
    /// Where it plays from, said on the button.
    pub host: &'static str,
}

/// A YouTube or Vimeo video: a button, then (once pressed) the player, focused.
#[component]
pub fn Player(props: &PlayerProps) -> Html {
    let playing = use_state(|| false);
    let frame = use_node_ref();
    {
        let frame = frame.clone();
        use_effect_with(*playing, move |&playing| {
            if playing {
                if let Some(el) = frame.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let play = {
        let playing = playing.clone();
        Callback::from(move |_: MouseEvent| playing.set(true))
    };
    html! {
        <div class="tl-media-frame">
            if *playing {
                <iframe ref={frame} class="tl-media-embed" src={props.src.clone()}
                    title={props.title.clone()} allow="autoplay; fullscreen; picture-in-picture"
                    allowfullscreen=true referrerpolicy={REFERRER}></iframe>
            } else {
                <button type="button" class="tl-media-play" title={props.label.clone()}
                    onclick={play}>
                    <span class="tl-media-play-icon" aria-hidden="true">{ "▶" }</span>
                    <span class="tl-media-play-label">{ props.label.clone() }</span>
                    <span class="tl-media-host">{ props.host }</span>
                </button>
            }
        </div>
    }
}
