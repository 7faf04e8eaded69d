//! The current view as an SVG picture ([`to_svg`]): the title, the era bands, the events
//! and clusters where the stage's layout put them, the axis's ticks, and the credits
//! (the sources of the events shown, and where the picture comes from). For a social post
//! or for print; the widget's "Download" offers it.
//!
//! Drawn from the same [`Layout`] and [`Axis`] the stage draws from, so the picture is
//! what the reader sees, in the reader's language and direction. Every text is escaped
//! for XML (and stripped of the control characters XML cannot hold), so no data can
//! break out of its element. Linear in what is drawn: the layout holds only the window.

use super::super::axis::Axis;
use super::super::format::Document;
use super::super::layout::Layout;
use super::super::sort::{sort_by_bytes, sort_by_key};
use super::super::viewport::Viewport;

/// Height of the title band above the stage.
const TITLE_PX: f64 = 44.0;
/// Height of the axis band below the cluster lane.
const AXIS_PX: f64 = 28.0;
/// Height of one line of credits.
const LINE_PX: f64 = 16.0;
/// The width of one character of the credits (11px text), estimated as the layout does.
const CREDIT_CHAR_PX: f64 = 6.0;
/// At most this many lines of credits; the rest is cut with an ellipsis.
const CREDIT_LINES: usize = 6;

/// What the picture shows, beyond the layout: set by the view.
pub struct Picture<'a> {
    /// The events shown are `document.events[placed.event]`.
    pub document: &'a Document,
    /// The reader's language, for the texts of the data.
    pub lang: &'a str,
    /// The title when the data has none (the interface's name for a timeline).
    pub untitled: &'a str,
    pub view: &'a Viewport,
    pub layout: &'a Layout,
    pub axis: &'a Axis,
    /// Rows of events and their height (the stage's): the cluster lane is one more row.
    pub rows: u32,
    pub row_px: f64,
    /// Longest label, in pixels: longer titles are cut with an ellipsis.
    pub char_px: f64,
    /// Right to left: time runs from the right edge, as on the stage.
    pub rtl: bool,
    /// The selected event, drawn in bold.
    pub selected: Option<u32>,
    /// `Sources` in the reader's language, before the publishers of the events shown.
    pub sources_label: &'a str,
    /// The last line: where the picture comes from (the page's address).
    pub origin: &'a str,
    /// A count as the reader writes numbers (`+12`, `+۱۲`).
    pub number: &'a dyn Fn(u64) -> String,
}

/// The picture of `p` as an SVG document (UTF-8, standalone).
pub fn to_svg(p: &Picture) -> String {
    let width = p.view.width().max(1.0);
    let stage_top = TITLE_PX;
    let lane_y = stage_top + f64::from(p.rows) * p.row_px;
    let axis_y = lane_y + p.row_px;
    let credits = credit_lines(p, width);
    let height = axis_y + AXIS_PX + LINE_PX * credits.len() as f64 + 8.0;
    // Model pixels count from the earliest date; right to left, from the right edge.
    let x_at = |x: f64| if p.rtl { width - x } else { x };
    let sign = if p.rtl { -1.0 } else { 1.0 };

    let mut out = String::with_capacity(4096 + 160 * p.layout.placed.len());
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
    num(&mut out, width);
    out.push_str("\" height=\"");
    num(&mut out, height);
    out.push_str("\" viewBox=\"0 0 ");
    num(&mut out, width);
    out.push(' ');
    num(&mut out, height);
    out.push_str("\" font-family=\"system-ui, sans-serif\" font-size=\"12\" lang=\"");
    text(&mut out, p.lang);
    out.push('"');
    if p.rtl {
        out.push_str(" direction=\"rtl\"");
    }
    out.push_str(">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    // What is drawn off the stage's edges is cut, as on the stage.
    out.push_str("<clipPath id=\"stage\"><rect x=\"0\" y=\"0\" width=\"");
    num(&mut out, width);
    out.push_str("\" height=\"");
    num(&mut out, height);
    out.push_str("\"/></clipPath>\n<text class=\"title\" x=\"");
    num(&mut out, x_at(12.0));
    out.push_str("\" y=\"28\" font-size=\"20\" font-weight=\"bold\" fill=\"#1a1a1a\">");
    let title = p.document.title.get(p.lang);
    text(
        &mut out,
        if title.trim().is_empty() {
            p.untitled
        } else {
            title
        },
    );
    out.push_str("</text>\n<g clip-path=\"url(#stage)\">\n");

    // The eras, behind everything.
    for era in &p.document.eras {
        let x0 = p.view.x_of(era.start.start_at()).max(-1.0);
        let x1 = p.view.x_of(era.end.end_at()).min(width + 1.0);
        // False for NaN too: an era that cannot be placed is not drawn.
        let shown = x1 > x0;
        if !shown {
            continue;
        }
        let left = if p.rtl { width - x1 } else { x0 };
        out.push_str("<rect class=\"era\" x=\"");
        num(&mut out, left);
        out.push_str("\" y=\"");
        num(&mut out, stage_top);
        out.push_str("\" width=\"");
        num(&mut out, x1 - x0);
        out.push_str("\" height=\"");
        num(&mut out, axis_y - stage_top);
        out.push_str("\" fill=\"#f1f1f4\"/>\n<text class=\"era-label\" x=\"");
        num(&mut out, x_at(x0.max(0.0) + 4.0));
        out.push_str("\" y=\"");
        num(&mut out, axis_y - 6.0);
        out.push_str("\" font-size=\"10\" fill=\"#6b6b76\">");
        text(&mut out, era.label.get(p.lang));
        out.push_str("</text>\n");
    }

    // The events, in date order, as the stage has them.
    let mut placed: Vec<_> = p
        .layout
        .placed
        .iter()
        .filter(|placed| placed.right > 0.0 && placed.left < width)
        .collect();
    sort_by_key(&mut placed, |placed| (i64::from(placed.event), 0));
    for placed in placed {
        let Some(event) = p.document.events.get(placed.event as usize) else {
            continue;
        };
        let color = p
            .document
            .category(&event.category)
            .map_or("#555555", |c| c.color.as_str());
        let y = stage_top + f64::from(placed.row) * p.row_px + p.row_px / 2.0;
        out.push_str("<g class=\"event\" data-event-id=\"");
        text(&mut out, &event.id);
        out.push_str("\" fill=\"");
        text(&mut out, color);
        out.push_str("\">");
        if placed.bar_px > 0.0 {
            let left = if p.rtl {
                width - placed.x - placed.bar_px
            } else {
                placed.x
            };
            out.push_str("<rect x=\"");
            num(&mut out, left);
            out.push_str("\" y=\"");
            num(&mut out, y - 3.0);
            out.push_str("\" width=\"");
            num(&mut out, placed.bar_px);
            out.push_str("\" height=\"6\" rx=\"3\" opacity=\"0.5\"/>");
        }
        out.push_str("<circle cx=\"");
        num(&mut out, x_at(placed.x));
        out.push_str("\" cy=\"");
        num(&mut out, y);
        out.push_str("\" r=\"5\"/><text x=\"");
        num(
            &mut out,
            x_at(placed.label_x) + sign * if placed.flipped { 0.0 } else { 2.0 },
        );
        out.push_str("\" y=\"");
        num(&mut out, y + 4.0);
        out.push_str("\" fill=\"#1a1a1a\"");
        if p.selected == Some(placed.event) || event.importance >= 3 {
            out.push_str(" font-weight=\"bold\"");
        }
        out.push('>');
        let max_chars = (placed.label_px / p.char_px.max(1.0)).floor().max(1.0) as usize;
        cut(&mut out, event.title.get(p.lang), max_chars);
        out.push_str("</text></g>\n");
    }
    for cluster in &p.layout.clusters {
        if cluster.right <= 0.0 || cluster.left >= width {
            continue;
        }
        let left = if p.rtl {
            width - cluster.right
        } else {
            cluster.left
        };
        out.push_str("<g class=\"cluster\"><rect x=\"");
        num(&mut out, left);
        out.push_str("\" y=\"");
        num(&mut out, lane_y + 4.0);
        out.push_str("\" width=\"");
        num(&mut out, cluster.right - cluster.left);
        out.push_str("\" height=\"");
        num(&mut out, p.row_px - 8.0);
        out.push_str("\" rx=\"6\" fill=\"#e4e4ea\"/><text x=\"");
        num(&mut out, x_at(cluster.left + 6.0));
        out.push_str("\" y=\"");
        num(&mut out, lane_y + p.row_px / 2.0 + 4.0);
        out.push_str("\" fill=\"#1a1a1a\">+");
        text(&mut out, &(p.number)(u64::from(cluster.count)));
        out.push_str("</text></g>\n");
    }

    // The axis.
    out.push_str("<g class=\"axis\" fill=\"#4a4a55\"><line x1=\"0\" x2=\"");
    num(&mut out, width);
    out.push_str("\" y1=\"");
    num(&mut out, axis_y);
    out.push_str("\" y2=\"");
    num(&mut out, axis_y);
    out.push_str("\" stroke=\"#8a8a95\"/>\n");
    for tick in &p.axis.ticks {
        out.push_str("<line x1=\"");
        num(&mut out, x_at(tick.x));
        out.push_str("\" x2=\"");
        num(&mut out, x_at(tick.x));
        out.push_str("\" y1=\"");
        num(&mut out, axis_y);
        out.push_str("\" y2=\"");
        num(&mut out, axis_y + if tick.major { 8.0 } else { 5.0 });
        out.push_str("\" stroke=\"#8a8a95\"/><text class=\"tick\" x=\"");
        num(&mut out, x_at(tick.x + 3.0));
        out.push_str("\" y=\"");
        num(&mut out, axis_y + 20.0);
        out.push('"');
        if tick.major {
            out.push_str(" font-weight=\"bold\"");
        }
        out.push_str(" font-size=\"11\">");
        text(&mut out, &tick.label);
        out.push_str("</text>\n");
    }
    out.push_str("</g>\n</g>\n");

    // The credits.
    for (i, line) in credits.iter().enumerate() {
        out.push_str("<text class=\"credit\" x=\"");
        num(&mut out, x_at(12.0));
        out.push_str("\" y=\"");
        num(&mut out, axis_y + AXIS_PX + LINE_PX * (i as f64 + 1.0));
        out.push_str("\" font-size=\"11\" fill=\"#4a4a55\">");
        text(&mut out, line);
        out.push_str("</text>\n");
    }
    out.push_str("</svg>\n");
    out
}

/// The credits: `Sources: ` and the publishers of the sources and the media credits of
/// the events drawn (each once, in the order first met), then the origin; wrapped to the
/// width, at most [`CREDIT_LINES`] lines.
fn credit_lines(p: &Picture, width: f64) -> Vec<String> {
    let mut names: Vec<(String, usize)> = Vec::new();
    for placed in &p.layout.placed {
        if placed.right <= 0.0 || placed.left >= width {
            continue;
        }
        let Some(event) = p.document.events.get(placed.event as usize) else {
            continue;
        };
        let credit = event.media.as_ref().and_then(|m| m.credit.as_ref());
        let publishers = event.sources.iter().map(|s| s.publisher.trim());
        for name in publishers.chain(credit.map(|c| c.get(p.lang).trim())) {
            if !name.is_empty() {
                names.push((name.to_owned(), names.len()));
            }
        }
    }
    // Each name once: sorted by name (stably, so the first met of each stays first), the
    // repeats dropped, then back in the order met. n log n.
    sort_by_bytes(&mut names, |(name, _)| name.as_bytes());
    names.dedup_by(|a, b| a.0 == b.0);
    sort_by_key(&mut names, |(_, i)| (*i as i64, 0));
    let by_name = names;
    let per_line = ((width - 24.0) / CREDIT_CHAR_PX).max(20.0) as usize;
    let mut lines = Vec::new();
    if !by_name.is_empty() {
        let mut line = String::from(p.sources_label);
        line.push_str(": ");
        let mut chars = line.chars().count();
        for (k, (name, _)) in by_name.iter().enumerate() {
            let piece = name.chars().count() + 2;
            if k > 0 {
                line.push(',');
                if chars + piece > per_line {
                    lines.push(std::mem::take(&mut line));
                    chars = 0;
                } else {
                    line.push(' ');
                }
            }
            line.push_str(name);
            chars += piece;
        }
        lines.push(line);
    }
    if !p.origin.trim().is_empty() {
        lines.push(p.origin.to_owned());
    }
    if lines.len() > CREDIT_LINES {
        lines.truncate(CREDIT_LINES);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// `s` escaped for XML text and attribute values; the characters XML 1.0 cannot hold
/// (controls other than tab, line feed and carriage return; U+FFFE and U+FFFF) left out.
fn text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// `s` escaped, cut to `max` characters (with an ellipsis) as the stage cuts a label.
fn cut(out: &mut String, s: &str, max: usize) {
    match s.char_indices().nth(max) {
        Some((end, _)) => {
            let keep = s.get(..end).unwrap_or(s);
            // The ellipsis takes the last character's place.
            let keep = keep
                .char_indices()
                .last()
                .map_or(keep, |(i, _)| keep.get(..i).unwrap_or(keep));
            text(out, keep.trim_end());
            out.push('…');
        }
        None => text(out, s),
    }
}

/// A coordinate to a tenth of a pixel, by integer arithmetic (no exponent, no NaN).
fn num(out: &mut String, value: f64) {
    let tenths = (value * 10.0).round();
    let n = if tenths.is_finite() {
        tenths.clamp(-1e12, 1e12) as i64
    } else {
        0
    };
    if n < 0 {
        out.push('-');
    }
    let n = n.unsigned_abs();
    out.push_str(&(n / 10).to_string());
    if n % 10 != 0 {
        out.push('.');
        out.push(char::from(b'0' + (n % 10) as u8));
    }
}

#[cfg(test)]
mod tests;
