//! The stage's sizes that the stylesheet repeats: the layout places items in Rust pixels,
//! and `assets/timeline.css` draws them in CSS pixels (literal sizes on the items, which
//! are restyled on every zoom step and so use no `var()`). A test reads the stylesheet
//! and keeps the two equal.

use crate::model::layout::LayoutParams;

/// Rows of events before the widget knows better (the stylesheet's `--tl-rows`); the
/// cluster lane and the axis come below them. The widget then takes the rows its space
/// holds, in a box of a fixed height (an embed), or else the rows its first view needs,
/// from [`MIN_ROWS`] to [`MAX_FREE_ROWS`] (see `State::rows`).
#[cfg(test)]
pub const ROWS: u32 = 8;
/// The fewest rows the stage has (its CSS `min-height`).
pub const MIN_ROWS: u32 = 3;
/// The most rows a stage that grows with its events takes (the standalone page, a
/// `mount` without a height): more would push the rest of the page away.
pub const MAX_FREE_ROWS: u32 = 12;
/// The most rows a box of fixed height gives the stage, however tall (the layout's work
/// grows with the rows).
pub const MAX_ROWS: u32 = 24;
/// The height of a row (CSS `--tl-row`).
pub const ROW_PX: f64 = 30.0;
/// The axis's height (CSS `--tl-axis`).
pub const AXIS_PX: f64 = 40.0;
/// What the stage adds to its rows, the cluster lane and the axis: the items' top offset
/// and the space above the lane (CSS `.tl-stage`'s height).
pub const STAGE_EXTRA_PX: f64 = 12.0;
/// The width of an event's button, centred on its marker (CSS `.tl-item`'s width; the
/// marker and a range's bar start at its middle).
pub const MARKER_BOX_PX: f64 = 16.0;
/// The minimum space between two axis labels.
pub const AXIS_LABEL_SPACING_PX: f64 = 16.0;

/// The layout's parameters for a stage of `rows` rows, and the model's defaults for the
/// marker (CSS `.tl-item::after`), gaps and labels.
pub fn layout_params(rows: u32) -> LayoutParams {
    LayoutParams {
        rows,
        ..LayoutParams::default()
    }
}

/// The stage's height for `rows` rows (CSS `.tl-stage`'s `height`).
#[cfg(test)]
pub fn stage_height(rows: u32) -> f64 {
    ROW_PX * f64::from(rows + 1) + AXIS_PX + STAGE_EXTRA_PX
}

/// The rows a stage `height` pixels tall holds, from [`MIN_ROWS`] to [`MAX_ROWS`]: the
/// inverse of [`stage_height`], rounded down (a row never hangs over the lane).
pub fn rows_in(height: f64) -> u32 {
    let rows = ((height - AXIS_PX - STAGE_EXTRA_PX) / ROW_PX).floor() - 1.0;
    if rows.is_nan() {
        return MIN_ROWS;
    }
    (rows.clamp(0.0, f64::from(MAX_ROWS)) as u32).clamp(MIN_ROWS, MAX_ROWS)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSS: &str = include_str!("../../assets/timeline.css");

    /// Every rule of `css` as (selector, declarations), nested ones (in `@media`)
    /// included. Comments are removed first.
    fn rules(css: &str) -> Vec<(String, String)> {
        let mut text = String::new();
        let mut rest = css;
        while let Some(open) = rest.find("/*") {
            text.push_str(&rest[..open]);
            rest = rest[open..]
                .find("*/")
                .map_or("", |close| &rest[open + close + 2..]);
        }
        text.push_str(rest);
        let (mut out, mut open, mut start) = (Vec::new(), Vec::new(), 0);
        for (i, c) in text.char_indices() {
            match c {
                '{' => open.push((text[start..i].trim().to_owned(), i + 1)),
                '}' => {
                    if let Some((selector, body)) = open.pop() {
                        out.push((selector, text[body..i].to_owned()));
                    }
                }
                _ => continue,
            }
            start = i + 1;
        }
        out
    }

    /// The values `property` is given in rules whose selector is exactly `selector`.
    fn values(selector: &str, property: &str) -> Vec<String> {
        rules(CSS)
            .into_iter()
            .filter(|(s, _)| s == selector)
            .flat_map(|(_, body)| {
                body.split(';')
                    .filter_map(|d| {
                        let (name, value) = d.split_once(':')?;
                        (name.trim() == property).then(|| value.trim().to_owned())
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    fn px(value: f64) -> String {
        format!("{value}px")
    }

    #[test]
    fn the_parser_finds_rules_and_nested_ones() {
        let css = "/* a { b: c } */ .x { a: 1px; b: 2 }\n@media (m) { .x { a: 3px } }";
        let found = rules(css);
        assert_eq!(found[0], (".x".to_owned(), " a: 1px; b: 2 ".to_owned()));
        assert_eq!(found[1], (".x".to_owned(), " a: 3px ".to_owned()));
        assert_eq!(found[2].0, "@media (m)");
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn a_stage_holds_the_rows_its_height_gives() {
        // (height in pixels, rows)
        let cases = [
            (stage_height(ROWS), ROWS),
            (stage_height(ROWS) + ROW_PX - 0.5, ROWS),
            (stage_height(ROWS) - 0.5, ROWS - 1),
            (stage_height(10), 10),
            (stage_height(MIN_ROWS), MIN_ROWS),
            (0.0, MIN_ROWS),
            (-100.0, MIN_ROWS),
            (f64::NAN, MIN_ROWS),
            (stage_height(MAX_ROWS) * 3.0, MAX_ROWS),
            (f64::INFINITY, MAX_ROWS),
        ];
        for (height, rows) in cases {
            assert_eq!(rows_in(height), rows, "{height}px");
        }
        for rows in MIN_ROWS..=MAX_ROWS {
            assert_eq!(rows_in(stage_height(rows)), rows);
        }
    }

    #[test]
    fn the_stylesheet_draws_the_stage_at_the_layouts_sizes() {
        let params = layout_params(ROWS);
        // (selector, property, the value the Rust side implies)
        let cases = [
            (".tl-root", "--tl-row", px(ROW_PX)),
            (".tl-root", "--tl-rows", ROWS.to_string()),
            (".tl-root", "--tl-axis", px(AXIS_PX)),
            (
                ".tl-stage",
                "height",
                format!("calc(var(--tl-row) * (var(--tl-rows) + 1) + var(--tl-axis) + {STAGE_EXTRA_PX}px)"),
            ),
            (
                ".tl-stage",
                "min-height",
                format!("calc(var(--tl-row) * {} + var(--tl-axis) + {STAGE_EXTRA_PX}px)", MIN_ROWS + 1),
            ),
            (".tl-item", "width", px(MARKER_BOX_PX)),
            (".tl-item::after", "width", px(params.marker_px)),
            (".tl-item::after", "height", px(params.marker_px)),
            (
                ".tl-item::after",
                "inset-inline-start",
                px(MARKER_BOX_PX / 2.0),
            ),
            (
                ".tl-item[data-range]::before",
                "inset-inline",
                px(MARKER_BOX_PX / 2.0),
            ),
        ];
        for (selector, property, expected) in cases {
            let found = values(selector, property);
            assert!(
                !found.is_empty(),
                "{selector} {{ {property} }} is not in the CSS"
            );
            for value in found {
                assert_eq!(value, expected, "{selector} {{ {property} }}");
            }
        }
    }
}
