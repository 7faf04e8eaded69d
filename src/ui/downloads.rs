//! The toolbar's "Download": the events the reader has filtered to, as CSV (our
//! spreadsheet layout) or JSON (our format), and the current view as an SVG picture drawn
//! from the same layout and axis as the stage. Everything is written when asked, in a
//! handler: nothing is paid for on a render.

use yew::prelude::*;

use super::dom::download;
use super::metrics::{layout_params, AXIS_LABEL_SPACING_PX, ROW_PX};
use super::state::State;
use crate::locale::{Dir, Locale};
use crate::model::axis::axis;
use crate::model::export::{file_name, subset, to_csv, to_json, to_svg, Picture};
use crate::model::layout::layout;

/// The three files the reader can take away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Download {
    Csv,
    Json,
    Svg,
}

/// Writes `which` for `state` and offers it as a file named after the page's title.
pub fn save(state: &State, which: Download) {
    let page = web_sys::window().and_then(|w| w.document());
    let title = page.as_ref().map(|d| d.title()).unwrap_or_default();
    let title = if title.trim().is_empty() {
        state.doc.title.get(state.locale.code).to_owned()
    } else {
        title
    };
    let (extension, mime, text) = match which {
        // The data as it came (with the offsets its times were written in).
        Download::Csv => (
            "csv",
            "text/csv",
            to_csv(&subset(&state.written, &state.matching)),
        ),
        Download::Json => (
            "json",
            "application/json",
            to_json(&subset(&state.written, &state.matching)),
        ),
        Download::Svg => {
            let origin = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            ("svg", "image/svg+xml", picture(state, &origin))
        }
    };
    let _ = download(&file_name(&title, extension), mime, &text);
}

/// The view as the stage lays it out, as an SVG document crediting `origin`.
fn picture(state: &State, origin: &str) -> String {
    let params = layout_params(state.rows);
    let chars = |i: u32| state.title_chars.get(i as usize).map_or(0, |&n| n as usize);
    let laid = layout(
        &state.spans,
        &state.ranked,
        state.longest_days,
        &state.viewport,
        &params,
        state.selected,
        &[],
        &chars,
    );
    let locale = state.locale;
    let ticks = axis(
        &state.viewport,
        AXIS_LABEL_SPACING_PX,
        state.calendar,
        locale,
        state.zone,
    );
    let number = |n: u64| locale.number(n);
    to_svg(&Picture {
        document: &state.doc,
        lang: locale.code,
        untitled: locale.timeline,
        view: &state.viewport,
        layout: &laid,
        axis: &ticks,
        rows: state.rows,
        row_px: ROW_PX,
        char_px: params.char_px,
        rtl: locale.dir == Dir::Rtl,
        selected: state.selected,
        sources_label: locale.sources.other,
        origin,
        number: &number,
    })
}

/// The toolbar's menu: a disclosure (`<details>`) with one button per file. Choosing one
/// closes it.
pub fn download_menu(locale: &Locale, ondownload: &Callback<Download>) -> Html {
    let choose = |which: Download| {
        ondownload.reform(move |e: MouseEvent| {
            let menu = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|el| el.closest("details").ok().flatten());
            if let Some(menu) = menu {
                let _ = menu.remove_attribute("open");
            }
            which
        })
    };
    html! {
        <details class="tl-download">
            <summary class="tl-button">{ locale.download }</summary>
            <div class="tl-download-menu" role="group" aria-label={locale.download}>
                <button type="button" class="tl-button" data-format="csv"
                    onclick={choose(Download::Csv)}>{ locale.download_csv }</button>
                <button type="button" class="tl-button" data-format="json"
                    onclick={choose(Download::Json)}>{ locale.download_json }</button>
                <button type="button" class="tl-button" data-format="svg"
                    onclick={choose(Download::Svg)}>{ locale.download_svg }</button>
            </div>
        </details>
    }
}
