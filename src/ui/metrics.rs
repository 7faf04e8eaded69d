//! The stage's sizes that the stylesheet repeats: the layout places items in Rust pixels,
//! and `assets/timeline.css` draws them in CSS pixels (literal sizes on the items, which
//! are restyled on every zoom step and so use no `var()`). A test reads the stylesheet
//! and keeps the two equal.

use crate::model::layout::LayoutParams;

/// Rows of events; the cluster lane and the axis come below them (CSS `--tl-rows`).
pub const ROWS: u32 = 8;
/// The height of a row (CSS `--tl-row`).
pub const ROW_PX: f64 = 30.0;
/// The width of an event's button, centred on its marker (CSS `.tl-item`'s width; the
/// marker and a range's bar start at its middle).
pub const MARKER_BOX_PX: f64 = 16.0;
/// The minimum space between two axis labels.
pub const AXIS_LABEL_SPACING_PX: f64 = 16.0;

/// The layout's parameters for the stage: [`ROWS`] rows, and the model's defaults for
/// the marker (CSS `.tl-item::after`), gaps and labels.
pub fn layout_params() -> LayoutParams {
    LayoutParams {
        rows: ROWS,
        ..LayoutParams::default()
    }
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
    fn the_stylesheet_draws_the_stage_at_the_layouts_sizes() {
        let params = layout_params();
        // (selector, property, the value the Rust side implies)
        let cases = [
            (".tl-root", "--tl-row", px(ROW_PX)),
            (".tl-root", "--tl-rows", ROWS.to_string()),
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
