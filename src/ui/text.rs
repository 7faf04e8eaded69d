//! Markup shared by the list, the details panel and the timeline: an event's date,
//! its sources, and the `lang` attribute for text shown in another language.

use yew::prelude::*;

use super::rich;
use crate::locale::Locale;
use crate::model::format::{Document, Event};

/// `lang` for text in `text_lang` shown to a reader of `reader_lang`: set only when they
/// differ, so screen readers switch voice for the fallback text only.
pub fn lang_attr(text_lang: Option<&str>, reader_lang: &str) -> Option<AttrValue> {
    text_lang
        .filter(|l| *l != reader_lang)
        .map(|l| AttrValue::from(l.to_owned()))
}

/// The event's date as a `<time>`, written at its precision in the reader's language.
pub fn event_date(event: &Event, locale: &Locale) -> Html {
    html! { <time datetime={event.date.to_string()}>{ locale.event_date(event) }</time> }
}

/// `template` with its `{0}` replaced by `arg`: for a translated sentence around markup.
pub fn fill_html(template: &'static str, arg: Html) -> Html {
    let (before, after) = template.split_once("{0}").unwrap_or((template, ""));
    html! { <>{ before }{ arg }{ after }</> }
}

/// A `<button type="button">` with `class` (`tl-button` and any more), and `aria-label`,
/// `title`, `aria-pressed` only when given. One function for the widget's plain buttons:
/// each `html!` element is its own construction code in the WASM.
pub fn button(
    class: &'static str,
    label: &'static str,
    aria_label: Option<&'static str>,
    title: Option<String>,
    pressed: Option<bool>,
    disabled: bool,
    onclick: Callback<MouseEvent>,
) -> Html {
    let pressed = pressed.map(|on| if on { "true" } else { "false" });
    html! {
        <button type="button" {class} aria-label={aria_label} {title} aria-pressed={pressed}
            {disabled} {onclick}>{ label }</button>
    }
}

/// The colour of the event's category, for the `--tl-cat` custom property.
pub fn category_color<'a>(doc: &'a Document, event: &Event) -> &'a str {
    doc.category(&event.category)
        .map_or("currentColor", |c| c.color.as_str())
}

/// The line above an event's title: its date at its precision and its category.
pub fn event_meta(doc: &Document, event: &Event, locale: &Locale) -> Html {
    html! {
        <p class="tl-card-meta">
            { event_date(event, locale) }
            if let Some(c) = doc.category(&event.category) {
                <span class="tl-chip" lang={lang_attr(c.label.get_with_lang(locale.code).1, locale.code)}>
                    { c.label.get(locale.code) }
                </span>
            }
        </p>
    }
}

/// An event's `data-importance` (validated to 1, 2 or 3), without formatting a number on
/// every render.
pub fn importance_attr(importance: u8) -> &'static str {
    match importance {
        ..=1 => "1",
        2 => "2",
        _ => "3",
    }
}

/// An event's title (an `h2`, with `title_id` when the view labels itself with it),
/// summary and sources, each in `lang` or its fallback.
pub fn event_body(event: &Event, locale: &Locale, title_id: Option<&'static str>) -> Html {
    let lang = locale.code;
    let (title, title_lang) = event.title.get_with_lang(lang);
    let (summary, summary_lang) = event.summary.get_with_lang(lang);
    html! {
        <>
            <h2 id={title_id} class="tl-card-title" lang={lang_attr(title_lang, lang)}>
                { rich::inline_text(&event.title, title) }
            </h2>
            { rich::block_text(&event.summary, summary, "tl-card-summary", lang_attr(summary_lang, lang)) }
            { sources(event, locale) }
        </>
    }
}

/// The event's sources as links that open in a new tab without giving it access to us.
/// A source's title and publisher are in the source's own language, isolated, so a
/// Latin title reads whole inside Persian text.
/// An event without sources (TimelineJS3 data has none) shows nothing about them.
pub fn sources(event: &Event, locale: &Locale) -> Html {
    if event.sources.is_empty() {
        return Html::default();
    }
    let lang = locale.code;
    let label = if event.sources.len() == 1 {
        locale.sources.one
    } else {
        locale.sources.other
    };
    html! {
        <>
            <p class="tl-sources-label">{ label }</p>
            <ul class="tl-sources">
                { for event.sources.iter().map(|s| {
                    let (title, title_lang) = s.title.get_with_lang(lang);
                    html! {
                        <li>
                            <a href={s.url.clone()} target="_blank" rel="noopener noreferrer"
                                referrerpolicy="strict-origin-when-cross-origin"
                                lang={lang_attr(title_lang, lang)}>{ title }</a>
                            { locale.list_separator }<bdi>{ &s.publisher }</bdi>
                            if let Some(d) = s.date {
                                { locale.list_separator }<time datetime={d.to_string()}>{ locale.date(&d) }</time>
                            }
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}

/// A number written with a fixed number of decimals (`Fixed(12.345, 1)` is `12.3`) by
/// integer arithmetic: the stage writes hundreds of positions per frame, and this is
/// cheaper than Rust's float formatting and never switches to exponent notation.
pub struct Fixed(pub f64, pub u32);

impl std::fmt::Display for Fixed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scale = 10i64.pow(self.1);
        let scaled = (self.0 * scale as f64).round();
        // Beyond 1e15 units of the last decimal nothing is drawn anyway; NaN is written as 0.
        let n = if scaled.is_finite() {
            scaled.clamp(-1e15, 1e15) as i64
        } else {
            0
        };
        let sign = if n < 0 { "-" } else { "" };
        let n = n.unsigned_abs();
        let scale = scale as u64;
        if self.1 == 0 {
            write!(f, "{sign}{n}")
        } else {
            write!(
                f,
                "{sign}{}.{:0width$}",
                n / scale,
                n % scale,
                width = self.1 as usize
            )
        }
    }
}

/// A CSS length in pixels, to a tenth of a pixel.
pub fn px(value: f64) -> Fixed {
    Fixed(value, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_decimals_table() {
        let cases = [
            (12.345, 1, "12.3"),
            (12.36, 1, "12.4"),
            (-0.04, 1, "0.0"),
            (-0.06, 1, "-0.1"),
            (-12.5, 1, "-12.5"),
            (0.0, 1, "0.0"),
            (1234.56789, 4, "1234.5679"),
            (-15590.25, 4, "-15590.2500"),
            (99.6, 0, "100"),
            (f64::NAN, 1, "0.0"),
            (1e300, 1, "100000000000000.0"),
        ];
        for (value, places, text) in cases {
            assert_eq!(
                Fixed(value, places).to_string(),
                text,
                "{value} to {places}"
            );
        }
    }
}
