//! Native timing of the layout on synthetic data, zoomed from the full view inwards:
//! `cargo run --release --example layout_bench [events | file.json]` (a file in our
//! format, such as the browser bench's bench/out/events-100000.json). Prints the median
//! and the slowest of 50 layouts per zoom level (milliseconds), each laid out after the
//! layout one step (×1.2) further out, as a wheel zoom does. A benchmark, not a test.

use std::time::Instant;

use timeline::model::layout::{layout, longest_days, spans, LayoutParams, Ranked};
use timeline::model::synthetic::synthetic;
use timeline::model::validate::validate;
use timeline::model::viewport::{Limits, Viewport};

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "100000".into());
    let doc = match arg.parse() {
        Ok(n) => synthetic(n, 1),
        Err(_) => {
            let text = std::fs::read_to_string(&arg).expect("a JSON file");
            validate(&text).document.expect("a valid document")
        }
    };
    let n = doc.events.len();
    let spans = spans(&doc.events);
    let longest = longest_days(&doc.events);
    let matching: Vec<u32> = (0..doc.events.len() as u32).collect();
    let chars: Vec<usize> = doc
        .events
        .iter()
        .map(|e| e.title.get("en").chars().count())
        .collect();
    let ranked = Ranked::new(&spans, &matching, &|i| chars[i as usize]);
    let (first, last) = doc.extent().expect("events");
    let full = Viewport::fit_extent(first, last, 1200.0, Limits::for_data(doc.has_times()));
    let params = LayoutParams {
        rows: 8,
        ..LayoutParams::default()
    };
    println!("{n} events, 1200 px wide: ms per layout (median, max of 50)");
    for zoom in [
        1.0, 1.2, 1.44, 1.728, 2.0736, 2.48832, 3.0, 4.0, 16.0, 64.0, 256.0, 1024.0,
    ] {
        let view = full.zoom_at(600.0, zoom);
        let previous = layout(
            &spans,
            &ranked,
            longest,
            &full.zoom_at(600.0, zoom / 1.2),
            &params,
            None,
            &[],
            &|i| chars[i as usize],
        )
        .rows();
        let mut times = Vec::new();
        let mut placed = 0;
        let mut clustered = 0;
        for _ in 0..50 {
            let t = Instant::now();
            let l = layout(
                &spans,
                &ranked,
                longest,
                &view,
                &params,
                None,
                &previous,
                &|i| chars[i as usize],
            );
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            placed = l.placed.len();
            clustered = l.clusters.len();
        }
        times.sort_by(f64::total_cmp);
        println!(
            "zoom ×{zoom:<5} {:7.3} {:7.3}   placed {placed:4}, clusters {clustered:3}",
            times[times.len() / 2],
            times[times.len() - 1]
        );
    }
}
