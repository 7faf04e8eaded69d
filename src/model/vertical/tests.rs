use std::cell::Cell;

use super::*;
use crate::locale::{EN, FA};
use crate::model::date::Date;

fn params() -> Params {
    Params::default()
}

fn day(text: &str) -> f64 {
    Date::parse(text).map_or(f64::NAN, |d| d.start_at())
}

fn column(days: &[f64], heights: &[f64], ppd: f64) -> Column {
    Column::new(days, &|i| heights[i], ppd, &params())
}

/// (days, heights, px per day, expected tops, compressed gaps as (after, days))
type SpacingCase<'a> = (&'a [f64], &'a [f64], f64, &'a [f64], &'a [(u32, f64)]);

#[test]
fn spacing_table() {
    let p = params();
    let (gap, pad) = (p.card_gap_px, p.pad_px);
    let cases: &[SpacingCase] = &[
        // Nothing.
        (&[], &[], 1.0, &[], &[]),
        // One card sits at the padding.
        (&[100.0], &[50.0], 1.0, &[pad], &[]),
        // Time wins: 100 days at 1 px/day is more than a 50 px card and the gap.
        (&[0.0, 100.0], &[50.0, 50.0], 1.0, &[pad, pad + 100.0], &[]),
        // The card wins: 10 days would overlap, so the next one packs under it.
        (
            &[0.0, 10.0],
            &[50.0, 50.0],
            1.0,
            &[pad, pad + 50.0 + gap],
            &[],
        ),
        // The same day: packed, in the given order.
        (
            &[5.0, 5.0, 5.0],
            &[30.0, 40.0, 20.0],
            3.0,
            &[pad, pad + 30.0 + gap, pad + 70.0 + 2.0 * gap],
            &[],
        ),
        // Exactly at the limit (empty = 64 px): not compressed.
        (&[0.0, 122.0], &[50.0, 50.0], 1.0, &[pad, pad + 122.0], &[]),
        // Past it: compressed, and marked.
        (
            &[0.0, 10_000.0],
            &[50.0, 50.0],
            1.0,
            // 64 + 16 ln(1 + 9878 / 16) is past the 112 px cap.
            &[pad, pad + 50.0 + gap + 112.0],
            &[(0, 10_000.0)],
        ),
        // An earlier day after a later one counts as the same day.
        (
            &[10.0, 5.0],
            &[20.0, 20.0],
            1.0,
            &[pad, pad + 20.0 + gap],
            &[],
        ),
        // A NaN day is the day before; a NaN height is 1 px.
        (
            &[0.0, f64::NAN],
            &[f64::NAN, 10.0],
            1.0,
            &[pad, pad + 1.0 + gap],
            &[],
        ),
    ];
    for (days, heights, ppd, tops, gaps) in cases {
        let c = column(days, heights, *ppd);
        assert_eq!(c.ys.len(), tops.len(), "{days:?}");
        for (got, want) in c.ys.iter().zip(*tops) {
            assert!(
                (got - want).abs() < 1e-6,
                "{days:?} at {ppd}: {:?} != {tops:?}",
                c.ys
            );
        }
        let got: Vec<(u32, f64)> = c.gaps.iter().map(|g| (g.after, g.days)).collect();
        assert_eq!(got, *gaps, "{days:?}");
    }
}

#[test]
fn compressed_stretches_table() {
    let p = params();
    // (natural empty px, shown empty px)
    let cases = [
        (-50.0, 0.0),
        (0.0, 0.0),
        (60.0, 60.0),
        (64.0, 64.0),
        // Just past the limit it grows almost as fast as time, then ever slower.
        (65.0, 64.0 + 16.0 * (1.0f64 / 16.0).ln_1p()),
        (100.0, 64.0 + 16.0 * (36.0f64 / 16.0).ln_1p()),
        // And never past the cap.
        (1_000.0, 112.0),
        (1e9, 112.0),
        (f64::INFINITY, 112.0),
        (f64::NAN, 0.0),
    ];
    for (empty, shown) in cases {
        let got = shown_empty(empty, &p);
        assert!((got - shown).abs() < 1e-9, "{empty}: {got} != {shown}");
    }
}

#[test]
fn gap_marks_cover_the_compressed_stretch() {
    let c = column(&[0.0, 5_000.0, 5_001.0], &[40.0, 40.0, 40.0], 2.0);
    assert_eq!(c.gaps.len(), 1);
    let g = c.gaps[0];
    assert_eq!(g.after, 0);
    // From the bottom of the card above to the top of the card below.
    assert!((g.top - (c.ys[0] + 40.0)).abs() < 1e-9);
    assert!((g.top + g.height - c.ys[1]).abs() < 1e-9);
    assert_eq!(g.days, 5_000.0);
    assert!((c.height - (c.ys[2] + 40.0 + params().pad_px)).abs() < 1e-9);
}

#[test]
fn the_window_shows_the_cards_that_reach_into_it() {
    // Tops 12, 112, 212, 312 (100 days apart at 1 px/day), 50 px tall.
    let c = column(&[0.0, 100.0, 200.0, 300.0], &[50.0; 4], 1.0);
    let cases = [
        ((0.0, 12.0), 0..0),
        ((0.0, 13.0), 0..1),
        ((61.9, 112.0), 0..1),
        ((62.0, 112.0), 1..1),
        ((62.0, 113.0), 1..2),
        ((100.0, 400.0), 1..4),
        ((0.0, 1e9), 0..4),
        ((500.0, 900.0), 4..4),
        // An upside-down window is empty.
        ((300.0, 100.0), 3..3),
    ];
    for ((y0, y1), want) in cases {
        assert_eq!(c.visible(y0, y1), want, "[{y0}, {y1})");
    }
}

#[test]
fn the_rail_counts_years_and_months_in_either_calendar() {
    // One event a month through 2012 at 2 px/day: about 60 px a month.
    let days: Vec<f64> = (1..=12).map(|m| day(&format!("2012-{m:02}-01"))).collect();
    let c = column(&days, &[30.0; 12], 2.0);
    let en = c.rail(0.0, c.height, Calendar::Gregorian, &EN, 0, &params());
    let labels: Vec<&str> = en.iter().map(|t| t.label.as_str()).collect();
    assert!(labels.contains(&"2012"), "{labels:?}");
    assert!(labels.contains(&"Mar"), "{labels:?}");
    // A tick sits where its day falls: 1 March is card 2's top.
    let march = en.iter().find(|t| t.label == "Mar").map(|t| t.y);
    assert_eq!(march, Some(c.ys[2]));
    let fa = c.rail(0.0, c.height, Calendar::SolarHijri, &FA, 0, &params());
    let labels: Vec<&str> = fa.iter().map(|t| t.label.as_str()).collect();
    // Farvardin 1391 starts on 20 March 2012, in Persian digits.
    assert!(labels.iter().any(|l| l.contains("۱۳۹۱")), "{labels:?}");
    assert!(
        labels
            .iter()
            .all(|l| !l.chars().any(|c| c.is_ascii_digit())),
        "{labels:?}"
    );
}

#[test]
fn a_compressed_gap_has_no_rail_labels_inside() {
    let days = [
        day("1960-01-01"),
        day("1960-02-01"),
        day("1990-01-01"),
        day("1990-02-01"),
    ];
    let c = column(&days, &[30.0; 4], 2.0);
    assert_eq!(c.gaps.len(), 1);
    let g = c.gaps[0];
    let rail = c.rail(0.0, c.height, Calendar::Gregorian, &EN, 0, &params());
    assert!(!rail.is_empty());
    for t in &rail {
        assert!(t.y <= g.top || t.y >= g.top + g.height, "{t:?} in {g:?}");
    }
}

#[test]
fn card_heights_grow_with_text_and_narrowness() {
    let short = CardText {
        date_chars: 12,
        chip_chars: 4,
        title_chars: 20,
        open: None,
    };
    let long = CardText {
        title_chars: 120,
        ..short
    };
    let open = CardText {
        open: Some((400, 2, true)),
        ..short
    };
    // A date range whose chip does not fit beside it: 33 characters, two lines at
    // 32 a line, and the chip on a third.
    let range = CardText {
        date_chars: 33,
        chip_chars: 11,
        ..short
    };
    // (text, width, expected height)
    let cases = [
        (short, 320.0, 18.0 + 19.0 + 4.0 + 22.0),
        // 291 px inside: 29 title characters a line, so 120 take 5 lines.
        (long, 320.0, 18.0 + 19.0 + 4.0 + 5.0 * 22.0),
        (long, 620.0, 18.0 + 19.0 + 4.0 + 3.0 * 22.0),
        // 32 summary characters a line: 13 lines.
        (open, 320.0, 63.0 + 84.0 + 96.0 + 13.0 * 24.0 + 260.0),
        (range, 292.0, 18.0 + 3.0 * 19.0 + 4.0 + 22.0),
        (range, 380.0, 18.0 + 2.0 * 19.0 + 4.0 + 22.0),
        (range, 600.0, 18.0 + 19.0 + 4.0 + 22.0),
        // Too narrow is as narrow as 40 px inside: 5 characters a line.
        (short, -5.0, 18.0 + 4.0 * 19.0 + 4.0 + 5.0 * 22.0),
    ];
    for (text, width, want) in cases {
        assert_eq!(card_height(&text, width), want, "{text:?} at {width}");
    }
}

#[test]
fn fit_zoom_puts_the_median_step_at_a_card() {
    assert_eq!(fit_zoom(&[], 80.0), None);
    assert_eq!(fit_zoom(&[3.0, 3.0], 80.0), None);
    // Steps 1, 2, 10: the median is 2.
    assert_eq!(fit_zoom(&[0.0, 1.0, 3.0, 13.0], 80.0), Some(40.0));
    assert_eq!(fit_zoom(&[0.0, f64::NAN, 10.0], 80.0), None);
}

#[test]
fn laying_out_asks_each_height_once() {
    let asked = Cell::new(0usize);
    let days: Vec<f64> = (0..10_000).map(f64::from).collect();
    let c = Column::new(
        &days,
        &|_| {
            asked.set(asked.get() + 1);
            30.0
        },
        1.0,
        &params(),
    );
    assert_eq!(asked.get(), days.len());
    assert_eq!(c.len(), days.len());
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    fn dataset() -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
        prop::collection::vec((0.0f64..5_000.0, 10.0f64..300.0), 0..200).prop_map(|mut v| {
            v.sort_by(|a, b| a.0.total_cmp(&b.0));
            v.into_iter().unzip()
        })
    }

    fn zoom() -> impl Strategy<Value = f64> {
        prop_oneof![0.001f64..0.1, 0.1f64..10.0, 10.0f64..1000.0]
    }

    proptest! {
        #[test]
        fn positions_increase_with_time_and_cards_never_overlap(
            (days, heights) in dataset(), ppd in zoom()
        ) {
            let c = column(&days, &heights, ppd);
            for i in 1..c.len() {
                prop_assert!(c.ys[i] >= c.ys[i - 1] + heights[i - 1] + params().card_gap_px - 1e-6);
                if days[i] > days[i - 1] {
                    prop_assert!(c.ys[i] > c.ys[i - 1]);
                }
            }
            if let Some(last) = c.len().checked_sub(1) {
                prop_assert!(c.height >= c.ys[last] + heights[last]);
            }
        }

        #[test]
        fn more_empty_time_never_shows_shorter_and_compression_never_lengthens(
            (days, heights) in dataset(), ppd in zoom()
        ) {
            let c = column(&days, &heights, ppd);
            let gap = params().card_gap_px;
            // Each stretch: (natural empty px, shown empty px, compressed).
            let stretches: Vec<(f64, f64, bool)> = (1..c.len()).map(|i| {
                let natural = (days[i] - days[i - 1]) * ppd - heights[i - 1] - gap;
                let shown = c.ys[i] - c.ys[i - 1] - heights[i - 1] - gap;
                (natural, shown, c.gaps.iter().any(|g| g.after as usize == i - 1))
            }).collect();
            for &(natural, shown, compressed) in &stretches {
                prop_assert_eq!(compressed, natural > params().max_empty_px);
                if compressed {
                    prop_assert!(shown <= natural + 1e-6);
                } else {
                    prop_assert!((shown - natural.max(0.0)).abs() < 1e-6);
                }
            }
            for a in &stretches {
                for b in &stretches {
                    if a.0 > b.0 {
                        prop_assert!(a.1 >= b.1 - 1e-6, "{a:?} shows shorter than {b:?}");
                    }
                }
            }
        }

        #[test]
        fn the_window_is_what_a_scan_finds(
            (days, heights) in dataset(), ppd in zoom(), y0 in -100.0f64..20_000.0, len in 0.0f64..2_000.0
        ) {
            let c = column(&days, &heights, ppd);
            let scan: Vec<usize> = (0..c.len())
                .filter(|&i| c.ys[i] + c.heights[i] > y0 && c.ys[i] < y0 + len)
                .collect();
            let got: Vec<usize> = c.visible(y0, y0 + len).collect();
            prop_assert_eq!(got, scan);
        }

        #[test]
        fn rail_labels_are_spaced_and_in_the_window(
            (days, heights) in dataset(), ppd in zoom(), y0 in 0.0f64..20_000.0, len in 100.0f64..2_000.0
        ) {
            let days: Vec<f64> = days.iter().map(|d| d + 10_000.0).collect();
            let c = column(&days, &heights, ppd);
            let p = params();
            let rail = c.rail(y0, y0 + len, Calendar::Gregorian, &EN, 0, &p);
            for w in rail.windows(2) {
                prop_assert!(w[1].y - w[0].y >= p.label_gap_px - 1e-6);
            }
            for t in &rail {
                prop_assert!(t.y >= y0 - p.label_gap_px && t.y < y0 + len);
            }
            // Bounded by the window, not by the data.
            prop_assert!(rail.len() as f64 <= len / p.label_gap_px + 2.0);
        }
    }
}
