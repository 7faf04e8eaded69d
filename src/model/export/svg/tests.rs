//! The picture, checked as XML and against the layout it is drawn from.

use super::{to_svg, Picture};
use crate::locale::{Locale, EN, FA};
use crate::model::axis::{axis, Axis};
use crate::model::format::{Document, Media, Source, Text};
use crate::model::layout::{layout, spans, Layout, LayoutParams, Ranked};
use crate::model::synthetic::synthetic;
use crate::model::viewport::Viewport;

/// Checks that `xml` is well-formed, as far as an SVG of ours can be wrong: one root,
/// every tag closed in order, attribute values quoted, no `<` or `&` but as markup or a
/// known entity, no character XML 1.0 forbids. Returns the element names met.
fn well_formed(xml: &str) -> Result<Vec<String>, String> {
    let body = xml
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .ok_or("no XML declaration")?;
    if let Some(c) = body
        .chars()
        .find(|&c| (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Err(format!("forbidden character {:?}", c));
    }
    let (mut open, mut names, mut roots) = (Vec::<String>::new(), Vec::new(), 0);
    let mut rest = body;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            check_text(rest)?;
            break;
        };
        check_text(&rest[..lt])?;
        if !rest[..lt].trim().is_empty() && open.is_empty() {
            return Err("text outside the root".into());
        }
        let gt = rest[lt..].find('>').ok_or("unclosed tag")? + lt;
        let tag = &rest[lt + 1..gt];
        if let Some(name) = tag.strip_prefix('/') {
            if open.pop().as_deref() != Some(name) {
                return Err(format!("</{name}> closes nothing open"));
            }
        } else {
            let self_closing = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let (name, attributes) = tag.split_once(' ').unwrap_or((tag, ""));
            check_attributes(attributes)?;
            if open.is_empty() {
                roots += 1;
            }
            names.push(name.to_owned());
            if !self_closing {
                open.push(name.to_owned());
            }
        }
        rest = &rest[gt + 1..];
    }
    match (open.is_empty(), roots) {
        (true, 1) => Ok(names),
        (false, _) => Err(format!("left open: {open:?}")),
        (_, n) => Err(format!("{n} root elements")),
    }
}

fn check_text(text: &str) -> Result<(), String> {
    if text.contains('>') {
        return Err(format!("a raw > in {text:?}"));
    }
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        rest = &rest[amp..];
        let known = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"];
        let entity = known.iter().find(|e| rest.starts_with(**e));
        rest = &rest[entity.ok_or_else(|| format!("a raw & in {text:?}"))?.len()..];
    }
    Ok(())
}

fn check_attributes(mut rest: &str) -> Result<(), String> {
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return Ok(());
        }
        let eq = rest
            .find("=\"")
            .ok_or_else(|| format!("unquoted in {rest:?}"))?;
        if rest[..eq].contains([' ', '"', '<']) {
            return Err(format!("bad attribute name {:?}", &rest[..eq]));
        }
        let value_end = rest[eq + 2..].find('"').ok_or("unclosed value")? + eq + 2;
        let value = &rest[eq + 2..value_end];
        if value.contains('<') {
            return Err(format!("a raw < in {value:?}"));
        }
        check_text(value)?;
        rest = &rest[value_end + 1..];
    }
}

struct Drawn {
    doc: Document,
    view: Viewport,
    laid: Layout,
    axis: Axis,
}

/// `doc` laid out as the stage lays it out, in the window `[from, to]` (days) at 960px.
fn draw(doc: Document, from: f64, to: f64, locale: &Locale) -> Drawn {
    let all = Viewport::fit_to(
        doc.events
            .first()
            .map_or(crate::model::Day(0), |e| e.date.first_day()),
        doc.events
            .last()
            .map_or(crate::model::Day(1), |e| e.date.first_day()),
        960.0,
    );
    let view = all.with_window(from, to);
    let spans = spans(&doc.events);
    let matching: Vec<u32> = (0..doc.events.len() as u32).collect();
    let chars = |i: u32| {
        doc.events
            .get(i as usize)
            .map_or(0, |e| e.title.get(locale.code).chars().count())
    };
    let ranked = Ranked::new(&spans, &matching, &chars);
    let params = LayoutParams::default();
    let longest = crate::model::layout::longest_days(&doc.events);
    let laid = layout(&spans, &ranked, longest, &view, &params, None, &[], &chars);
    let axis = axis(&view, 16.0, locale.calendar, locale, 0);
    Drawn {
        doc,
        view,
        laid,
        axis,
    }
}

fn svg(d: &Drawn, locale: &Locale, selected: Option<u32>) -> String {
    let number = |n: u64| locale.number(n);
    to_svg(&Picture {
        document: &d.doc,
        lang: locale.code,
        untitled: locale.timeline,
        view: &d.view,
        layout: &d.laid,
        axis: &d.axis,
        rows: LayoutParams::default().rows,
        row_px: 30.0,
        char_px: LayoutParams::default().char_px,
        rtl: locale.dir == crate::locale::Dir::Rtl,
        selected,
        sources_label: locale.sources.other,
        origin: "https://news.example/a#timeline",
        number: &number,
    })
}

/// The middle of the data's years, a decade wide.
fn decade(doc: &Document) -> (f64, f64) {
    let mid = doc.events[doc.events.len() / 2].date.first_day().0 as f64;
    (mid - 1800.0, mid + 1800.0)
}

#[test]
fn the_picture_is_well_formed_xml_with_the_title_axis_and_credits() {
    for locale in [&EN, &FA] {
        let doc = synthetic(300, 7);
        let (from, to) = decade(&doc);
        let d = draw(doc, from, to, locale);
        let out = svg(&d, locale, None);
        let names = well_formed(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
        assert_eq!(names.first().map(String::as_str), Some("svg"));
        assert!(out.contains(&format!(">{}</text>", d.doc.title.get(locale.code))));
        assert!(!d.axis.ticks.is_empty());
        for tick in &d.axis.ticks {
            assert!(
                out.contains(&format!(">{}</text>", tick.label)),
                "{}",
                tick.label
            );
        }
        assert!(out.contains(&format!("{}: ", locale.sources.other)));
        assert!(out.contains(">https://news.example/a#timeline</text>"));
        assert_eq!(out.contains("direction=\"rtl\""), locale.code == "fa");
    }
}

#[test]
fn the_events_in_view_are_drawn_and_no_others() {
    let doc = synthetic(2000, 3);
    let (from, to) = decade(&doc);
    let d = draw(doc, from, to, &EN);
    let out = svg(&d, &EN, None);
    let drawn: Vec<&str> = out
        .split("<g class=\"event\" data-event-id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let visible: Vec<&str> = d
        .laid
        .placed
        .iter()
        .filter(|p| p.right > 0.0 && p.left < 960.0)
        .map(|p| d.doc.events[p.event as usize].id.as_str())
        .collect();
    assert!(visible.len() > 10, "{}", visible.len());
    let mut expected = visible.clone();
    expected.sort_unstable();
    let mut got = drawn.clone();
    got.sort_unstable();
    assert_eq!(got, expected);
    // Every one is drawn with its title (cut as on the stage), in date order.
    let positions: Vec<usize> = drawn
        .iter()
        .map(|id| {
            d.doc
                .events
                .iter()
                .position(|e| e.id == *id)
                .unwrap_or(usize::MAX)
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
    // Most of the data is outside the window, and so not drawn (the sets are equal).
    assert!(d.doc.events.len() > 4 * visible.len());
    // Clusters, where the rows ran out, are drawn with their counts.
    for c in &d.laid.clusters {
        if c.right > 0.0 && c.left < 960.0 {
            assert!(
                out.contains(&format!(">+{}</text>", c.count)),
                "+{}",
                c.count
            );
        }
    }
}

#[test]
fn every_text_of_the_data_is_escaped() {
    let nasty = "<script>alert('x')</script> & \"quotes\" \u{1}\u{1f}\u{FFFF}]]>";
    let mut doc = synthetic(40, 1);
    doc.title = Text::Plain(nasty.to_owned());
    let (from, to) = decade(&doc);
    let mid = doc.events.len() / 2;
    for e in &mut doc.events {
        e.title = Text::Plain(format!("<b>{}</b> & co", e.id));
        e.id = format!("{}\"><x y=\"", e.id);
        e.sources = vec![Source {
            title: Text::Plain("t".into()),
            publisher: "Reuters & <AP>".into(),
            url: "https://example.org/?a=1&b=2".into(),
            date: None,
        }];
    }
    doc.events[mid].media = Some(Media {
        credit: Some(Text::Plain("Photo: \"Someone\" <them>".into())),
        ..Media::new("https://example.org/p.jpg".into())
    });
    if let Some(c) = doc.categories.first_mut() {
        c.color = "#abc\"/><script>".into();
    }
    let d = draw(doc, from, to, &EN);
    let out = svg(&d, &EN, Some(mid as u32));
    well_formed(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    assert!(!out.contains("<script"));
    assert!(!out.contains("<b>"));
    assert!(!out.contains("<x "));
    assert!(out.contains(
        "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;quotes&quot; ]]&gt;"
    ));
    assert!(out.contains("Reuters &amp; &lt;AP&gt;"));
}

#[test]
fn right_to_left_mirrors_the_events_about_the_middle() {
    let doc = synthetic(200, 5);
    let (from, to) = decade(&doc);
    let ltr = draw(doc.clone(), from, to, &EN);
    let p = ltr
        .laid
        .placed
        .iter()
        .find(|p| p.x > 100.0 && p.x < 800.0)
        .expect("an event well inside");
    let id = &ltr.doc.events[p.event as usize].id;
    let circle = |out: &str| -> f64 {
        let at = out.find(&format!("data-event-id=\"{id}\"")).expect("drawn");
        let cx = out[at..].find("cx=\"").expect("a marker") + at + 4;
        let end = out[cx..].find('"').expect("closed") + cx;
        out[cx..end].parse().expect("a number")
    };
    let left = circle(&svg(&ltr, &EN, None));
    // The same layout drawn right to left (the layout is the same in both directions).
    let number = |n: u64| n.to_string();
    let rtl = to_svg(&Picture {
        document: &ltr.doc,
        lang: "fa",
        untitled: "",
        view: &ltr.view,
        layout: &ltr.laid,
        axis: &ltr.axis,
        rows: 6,
        row_px: 30.0,
        char_px: 7.0,
        rtl: true,
        selected: None,
        sources_label: "",
        origin: "",
        number: &number,
    });
    assert!((circle(&rtl) - (960.0 - left)).abs() < 0.11, "{left}");
}

#[test]
fn the_credits_name_each_publisher_once_and_wrap() {
    let mut doc = synthetic(60, 2);
    for (i, e) in doc.events.iter_mut().enumerate() {
        e.sources = vec![Source {
            title: Text::Plain("t".into()),
            publisher: format!("Publisher number {}", i % 40),
            url: "https://example.org/".into(),
            date: None,
        }];
    }
    let first = doc.events[0].date.first_day().0 as f64;
    let last = doc.events[59].date.first_day().0 as f64;
    let d = draw(doc, first - 10.0, last + 10.0, &EN);
    let out = svg(&d, &EN, None);
    well_formed(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    let credits: Vec<&str> = out
        .split("<text class=\"credit\"")
        .skip(1)
        .map(|s| s.split('>').nth(1).unwrap_or("").trim_end_matches("</text"))
        .collect();
    assert!(credits.len() >= 2 && credits.len() <= 6, "{credits:?}");
    let all = credits.join(" ");
    let listed: Vec<&str> = all
        .trim_start_matches("Sources: ")
        .split(',')
        .map(|name| {
            name.trim()
                .trim_end_matches(" https://news.example/a#timeline")
        })
        .collect();
    let mut drawn: Vec<&str> = d
        .laid
        .placed
        .iter()
        .filter(|p| p.right > 0.0 && p.left < 960.0)
        .map(|p| d.doc.events[p.event as usize].sources[0].publisher.as_str())
        .collect();
    drawn.sort_unstable();
    drawn.dedup();
    assert!(drawn.len() > 5 && drawn.len() < 40, "{drawn:?}");
    let mut once = listed.clone();
    once.sort_unstable();
    once.dedup();
    assert_eq!(once.len(), listed.len(), "{all}");
    assert_eq!(once, drawn, "{all}");
    for line in &credits {
        assert!(line.chars().count() <= 960 / 6, "{line}");
    }
}
