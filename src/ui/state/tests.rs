//! The reducer, natively: every action on the bundled data.

use super::*;
use crate::data::bundled;
use crate::locale::{EN, FA, FR};
use crate::model::calendar::Calendar;

fn state() -> Rc<State> {
    let doc = Rc::new(bundled().document.expect("bundled data"));
    Rc::new(State::new(doc, &EN, 1000.0))
}

fn id_of(s: &State) -> Option<&str> {
    s.selected_event().map(|e| e.id.as_str())
}

#[test]
fn options_set_the_window_categories_and_event() {
    use crate::model::date::Date;
    let doc = Rc::new(bundled().document.expect("bundled data"));
    let event = doc
        .events
        .iter()
        .find(|e| e.date.year() == 2020)
        .unwrap()
        .id
        .clone();
    let options = Options {
        initial_window: Some((Date::parse("2012").unwrap(), Date::parse("2021").unwrap())),
        categories: Some(vec!["aviation".to_owned(), "legal".to_owned()]),
        initial_event: Some(event.clone().into()),
        ..Options::default()
    };
    let s = State::with_options(doc, &EN, 1000.0, &options);
    assert_eq!(
        s.viewport.start(),
        Date::parse("2012").unwrap().first_day().0 as f64
    );
    assert_eq!(
        s.viewport.end(),
        Date::parse("2021-12-31").unwrap().first_day().0 as f64 + 1.0
    );
    assert!(s
        .matching
        .iter()
        .all(|&i| ["aviation", "legal"].contains(&s.doc.events[i as usize].category.as_str())));
    assert_eq!(id_of(&s), Some(event.as_str()));
}

#[test]
fn a_category_list_naming_no_category_shows_all() {
    let doc = Rc::new(bundled().document.expect("bundled data"));
    for list in [vec![], vec!["nope".to_owned()], vec![" ".to_owned()]] {
        let options = Options {
            categories: Some(list),
            ..Options::default()
        };
        let s = State::with_options(doc.clone(), &EN, 1000.0, &options);
        assert_eq!(s.matching.len(), doc.events.len());
    }
}

#[test]
fn reconfigure_keeps_the_width_the_view_mode_and_the_language() {
    let s = state()
        .reduce(Action::Resize(700.0))
        .reduce(Action::SetMode(ViewMode::List))
        .reduce(Action::SetLocale(&FA))
        .reduce(Action::SetCalendar(Calendar::Gregorian));
    let fresh = Rc::new(State::new(s.doc.clone(), &FR, 960.0));
    let next = s.reduce(Action::Reconfigure(fresh));
    assert_eq!(next.viewport.width(), 700.0);
    assert_eq!(next.mode, ViewMode::List);
    assert_eq!(next.locale, &FA);
    assert_eq!(next.calendar, Calendar::Gregorian);
}

#[test]
fn a_new_language_keeps_the_view_the_filter_and_the_selection() {
    let s = state()
        .reduce(Action::ZoomAt {
            x: 300.0,
            factor: 4.0,
        })
        .reduce(Action::ToggleCategory("sanctions".into()))
        .reduce(Action::Step(1));
    let selected = s.selected;
    assert!(selected.is_some());
    let fa = s.clone().reduce(Action::SetLocale(&FA));
    assert_eq!(fa.locale, &FA);
    assert_eq!(fa.calendar, Calendar::SolarHijri);
    assert_eq!(fa.viewport, s.viewport);
    assert_eq!(fa.filter, s.filter);
    assert_eq!(fa.matching, s.matching);
    assert_eq!(fa.selected, selected);
    // Titles are now measured in Persian.
    let i = selected.unwrap() as usize;
    assert_eq!(
        fa.title_chars[i] as usize,
        fa.doc.events[i].title.get("fa").chars().count()
    );
    assert!(Rc::ptr_eq(&fa, &fa.clone().reduce(Action::SetLocale(&FA))));
    let back = fa.reduce(Action::SetLocale(&EN));
    assert_eq!(back.calendar, Calendar::Gregorian);
    assert_eq!(back.title_chars, s.title_chars);
}

#[test]
fn search_follows_the_language() {
    // "Embassy" in French and in Persian: found only in that language's texts.
    let en = state().reduce(Action::SetQuery("ambassade".into()));
    assert!(en.matching.is_empty());
    let fr = en.reduce(Action::SetLocale(&FR));
    assert_eq!(fr.query, "ambassade", "the query stays");
    assert!(!fr.matching.is_empty());
    let fa = fr.reduce(Action::SetQuery("سفارت".into()));
    assert!(fa.matching.is_empty());
    let fa = fa.reduce(Action::SetLocale(&FA));
    assert!(!fa.matching.is_empty());
    // Arabic letter forms find the Persian ones (ي for ی, ك for ک).
    let arabic = fa.clone().reduce(Action::SetQuery("سفارت كانادا".into()));
    let persian = fa.reduce(Action::SetQuery("سفارت کانادا".into()));
    assert!(!persian.matching.is_empty());
    assert_eq!(arabic.matching, persian.matching);
}

#[test]
fn jumps_glide_and_gestures_do_not() {
    let s = state();
    assert!(!s.animate);
    let zoomed = s.reduce(Action::ZoomIn);
    assert!(zoomed.animate, "a button zoom glides");
    let wheeled = zoomed.reduce(Action::ZoomAt {
        x: 100.0,
        factor: 1.2,
    });
    assert!(!wheeled.animate, "the wheel moves directly");
    let dragged = wheeled.reduce(Action::Step(1)).reduce(Action::Pan(30.0));
    assert!(!dragged.animate);
    assert!(dragged.reduce(Action::ShowAll).animate);
}

#[test]
fn starts_with_everything_matching_and_a_window_ending_with_the_data() {
    let s = state();
    assert_eq!(s.matching.len(), s.doc.events.len());
    let last = s
        .doc
        .events
        .iter()
        .map(|e| e.start_at())
        .fold(f64::MIN, f64::max);
    assert!(s.viewport.end() > last && s.viewport.end() <= s.viewport.bounds().1);
    assert!(s.first_view);
    let all = s.clone().reduce(Action::ShowAll);
    assert!((all.viewport.start() - all.viewport.bounds().0).abs() < 1e-6);
    assert!(!all.viewport.can_zoom_out());
    assert_eq!(s.counts.iter().sum::<u32>() as usize, s.doc.events.len());
}

/// The first view of the bundled data, as the stage lays it out (with the model's
/// estimated label widths; the browser suite checks the drawn page): at the width of the
/// stage in a 1280 px window (1246 px) and in a 390 px one (356 px), the events placed
/// and the largest cluster.
#[test]
fn the_first_view_tells_most_of_the_story() {
    use crate::model::layout::layout;
    let laid = |s: &State| {
        let chars = |i: u32| s.title_chars.get(i as usize).map_or(0, |&n| n as usize);
        layout(
            &s.spans,
            &s.ranked,
            s.longest_days,
            &s.viewport,
            &layout_params(s.rows),
            None,
            &[],
            &chars,
        )
    };
    let in_view = |l: &crate::model::layout::Layout, s: &State| {
        let width = s.viewport.width();
        l.placed
            .iter()
            .filter(|p| p.x >= 0.0 && p.x <= width)
            .count()
    };
    // The stage's first view (a phone's width would get the vertical timeline by itself).
    let horizontal = || {
        let mut s = state();
        Rc::make_mut(&mut s).layout = crate::ui::options::Layout::Horizontal;
        s
    };
    for (width, placed_at_least) in [(1246.0, 24), (356.0, 6)] {
        let s = horizontal().reduce(Action::Resize(width));
        assert!(s.first_view);
        let l = laid(&s);
        let placed = in_view(&l, &s);
        assert!(placed >= placed_at_least, "{width}: {placed} placed");
        let largest = l.clusters.iter().map(|c| c.count).max().unwrap_or(0);
        assert!(largest <= 5, "{width}: a cluster of {largest}");
        let all = s.clone().reduce(Action::ShowAll);
        let shown = |s: &State| crate::model::first_view::shown(&laid(s), &s.viewport);
        assert!(
            shown(&s) > shown(&all),
            "{width}: no better than fitted whole"
        );
    }
    // Every headline event in the window is placed.
    let s = state().reduce(Action::Resize(1246.0));
    let l = laid(&s);
    for (i, e) in s.doc.events.iter().enumerate() {
        if e.importance == 3 && e.start_at() >= s.viewport.start() {
            assert!(l.placed.iter().any(|p| p.event == i as u32), "{}", e.id);
        }
    }
}

#[test]
fn a_resize_chooses_the_first_window_again_until_the_reader_moves() {
    let s = state();
    let wide = s.clone().reduce(Action::Resize(1246.0));
    let narrow = s.clone().reduce(Action::Resize(356.0));
    assert_ne!(
        wide.viewport.span(),
        narrow.viewport.span() * 1246.0 / 356.0
    );
    let zoomed = wide.reduce(Action::ZoomIn);
    assert!(!zoomed.first_view);
    let resized = zoomed.clone().reduce(Action::Resize(356.0));
    assert_eq!(
        (resized.viewport.start(), resized.viewport.end()),
        (zoomed.viewport.start(), zoomed.viewport.end())
    );
}

/// The rows of a stage that grows with its events: those its first view takes (laid out
/// with the most rows there may be, the same events are placed), never fewer than
/// `MIN_ROWS`, chosen again with the first window until the reader moves.
#[test]
fn a_growing_stage_takes_the_rows_its_first_view_needs() {
    use super::super::metrics::{MAX_FREE_ROWS, MIN_ROWS};
    use crate::model::layout::layout;
    let placed = |s: &State, rows: u32| {
        let chars = |i: u32| s.title_chars.get(i as usize).map_or(0, |&n| n as usize);
        let params = layout_params(rows);
        let laid = layout(
            &s.spans,
            &s.ranked,
            s.longest_days,
            &s.viewport,
            &params,
            None,
            &[],
            &chars,
        );
        let mut placed: Vec<(u32, u32)> = laid.placed.iter().map(|p| (p.event, p.row)).collect();
        placed.sort_unstable();
        (placed, laid.clusters.len())
    };
    // (name, the document, the width, the fewest and most rows it may take)
    let cases = [
        (
            "the bundled data, wide",
            state().doc.clone(),
            1246.0,
            ROWS_AT_LEAST_WIDE,
            MAX_FREE_ROWS,
        ),
        (
            "the bundled data, narrow",
            state().doc.clone(),
            356.0,
            MIN_ROWS,
            MAX_FREE_ROWS,
        ),
        (
            "two events",
            timelinejs(2, false),
            1246.0,
            MIN_ROWS,
            MIN_ROWS,
        ),
        (
            "one event",
            timelinejs(1, false),
            1246.0,
            MIN_ROWS,
            MIN_ROWS,
        ),
    ];
    for (name, doc, width, least, most) in cases {
        let mut s = State::new(doc, &EN, 1000.0);
        s.layout = crate::ui::options::Layout::Horizontal;
        let s = Rc::new(s).reduce(Action::Resize(width));
        assert!((least..=most).contains(&s.rows), "{name}: {} rows", s.rows);
        assert!(!s.rows_from_space, "{name}");
        assert_eq!(placed(&s, s.rows), placed(&s, MAX_FREE_ROWS), "{name}");
    }
    // Once the reader moves, a new width keeps the rows (the page does not jump).
    let s = state().reduce(Action::Resize(1246.0));
    let zoomed = s.clone().reduce(Action::ZoomIn);
    assert_eq!(zoomed.clone().reduce(Action::Resize(356.0)).rows, s.rows);
}

/// The bundled data's first view at 1246 px needs more than the stylesheet's 8 rows.
const ROWS_AT_LEAST_WIDE: u32 = 9;

/// A box of fixed height gives the rows its space holds: the first window is chosen
/// again for them, until the reader moves; then the view stays. New data keeps them.
#[test]
fn a_box_of_fixed_height_gives_its_rows() {
    let s = state().reduce(Action::Resize(1246.0));
    for rows in [3, 5, 8, 16, 24] {
        let boxed = s.clone().reduce(Action::Rows(rows));
        assert_eq!((boxed.rows, boxed.rows_from_space), (rows, true));
        assert!(boxed.first_view);
        assert_eq!(boxed.viewport, boxed.first_window(1246.0), "{rows} rows");
        // A resize keeps the rows the box gave.
        assert_eq!(boxed.clone().reduce(Action::Resize(900.0)).rows, rows);
        // Measured again, the same rows change nothing.
        assert!(Rc::ptr_eq(
            &boxed,
            &boxed.clone().reduce(Action::Rows(rows))
        ));
    }
    // Fewer rows fold more into clusters, so the first window is another one.
    let few = s.clone().reduce(Action::Rows(3));
    let many = s.clone().reduce(Action::Rows(16));
    assert_ne!(few.viewport, many.viewport);
    // After the reader moves, the box's rows change but the view stays.
    let moved = many.clone().reduce(Action::Pan(-40.0));
    let smaller = moved.clone().reduce(Action::Rows(4));
    assert_eq!((smaller.rows, smaller.viewport), (4, moved.viewport));
    // New data keeps the box's rows.
    let fresh = Rc::new(State::new(timelinejs(3, false), &EN, 1000.0));
    let reconfigured = many.reduce(Action::Reconfigure(fresh));
    assert_eq!(
        (reconfigured.rows, reconfigured.rows_from_space),
        (16, true)
    );
}

#[test]
fn actions_that_change_nothing_keep_the_same_state() {
    let s = state().reduce(Action::ShowAll);
    for action in [
        Action::ZoomOut,
        Action::ShowAll,
        Action::ClearFilters,
        Action::Select(None),
        Action::Select(Some("no-such-event".into())),
        Action::SetQuery("".into()),
        Action::SetMode(ViewMode::Timeline),
        Action::Pan(1e6),
    ] {
        let next = s.clone().reduce(action.clone());
        assert!(Rc::ptr_eq(&s, &next), "{action:?} re-rendered");
    }
}

#[test]
fn a_pinch_keeps_the_moment_under_the_fingers() {
    let s = state().reduce(Action::ZoomIn);
    let day = s.viewport.day_at(400.0);
    let p = s.clone().reduce(Action::Pinch {
        from: 400.0,
        to: 420.0,
        factor: 1.5,
    });
    assert!((p.viewport.day_at(420.0) - day).abs() < 1e-6);
    assert!((p.viewport.span() - s.viewport.span() / 1.5).abs() < 1e-6);
}

#[test]
fn zoom_buttons_halve_and_double_the_span() {
    let s = state();
    let zin = s.clone().reduce(Action::ZoomIn);
    assert!((zin.viewport.span() - s.viewport.span() / 2.0).abs() < 1e-6);
    let back = zin.reduce(Action::ZoomOut);
    assert!((back.viewport.span() - s.viewport.span()).abs() < 1e-6);
}

#[test]
fn search_and_categories_narrow_the_matching_events() {
    let s = state();
    let q = s.clone().reduce(Action::SetQuery("PS752".into()));
    assert!(!q.matching.is_empty() && q.matching.len() < s.matching.len());
    assert!(q.matching.iter().all(|&i| {
        let e = &q.doc.events[i as usize];
        format!("{} {} {:?}", e.title.get("en"), e.summary.get("en"), e.tags).contains("PS752")
    }));
    let hidden = q.reduce(Action::ToggleCategory("aviation".into()));
    assert!(hidden
        .matching
        .iter()
        .all(|&i| hidden.doc.events[i as usize].category != "aviation"));
    let cleared = hidden.reduce(Action::ClearFilters);
    assert_eq!(cleared.matching.len(), s.matching.len());
    assert_eq!(cleared.query, "");
}

#[test]
fn stepping_walks_the_matching_events_in_order() {
    let s = state().reduce(Action::First);
    assert_eq!(s.selected, Some(0));
    let next = s.reduce(Action::Step(1));
    assert_eq!(next.selected, Some(1));
    let last = next.reduce(Action::Last);
    assert_eq!(last.selected, Some(last.doc.events.len() as u32 - 1));
    let same = last.clone().reduce(Action::Step(1));
    assert!(Rc::ptr_eq(&last, &same), "no event after the last");
    let prev = last.reduce(Action::Step(-1));
    assert_eq!(prev.selected, Some(prev.doc.events.len() as u32 - 2));
}

#[test]
fn stepping_skips_filtered_events_and_filtering_closes_a_hidden_selection() {
    let s = state().reduce(Action::ToggleCategory("diplomacy".into()));
    let mut cur = s.reduce(Action::First);
    for _ in 0..40 {
        assert_ne!(
            cur.selected_event().map(|e| e.category.as_str()),
            Some("diplomacy")
        );
        cur = cur.reduce(Action::Step(1));
    }
    let diplomacy = state().reduce(Action::First);
    assert_eq!(
        diplomacy.selected_event().map(|e| e.category.as_str()),
        Some("diplomacy")
    );
    let hidden = diplomacy.reduce(Action::ToggleCategory("diplomacy".into()));
    assert_eq!(hidden.selected, None);
}

#[test]
fn selecting_brings_the_event_into_view() {
    let zoomed = state().reduce(Action::ShowWindow(0.0, 400.0));
    let target = zoomed
        .doc
        .events
        .iter()
        .find(|e| e.date.year() == 2024)
        .unwrap()
        .id
        .clone();
    let s = zoomed.reduce(Action::Select(Some(target.clone().into())));
    assert_eq!(id_of(&s), Some(target.as_str()));
    let e = s.selected_event().unwrap();
    let x = s.viewport.x_of(e.start_at());
    assert!(x >= 0.0 && x <= s.viewport.width(), "x = {x}");
}

#[test]
fn a_deep_link_to_a_filtered_event_clears_the_filter() {
    let s = state().reduce(Action::SetQuery("zzzz-nothing".into()));
    assert!(s.matching.is_empty());
    let id: AttrValue = s.doc.events[3].id.clone().into();
    let s = s.reduce(Action::Select(Some(id)));
    assert_eq!(s.selected, Some(3));
    assert_eq!(s.matching.len(), s.doc.events.len());
}

#[test]
fn step_without_selection_starts_near_the_middle_of_the_view() {
    let s = state();
    let day = s.viewport.day_at(s.viewport.width() / 2.0);
    let right = s.clone().reduce(Action::Step(1));
    let left = s.reduce(Action::Step(-1));
    assert!(right.selected_event().unwrap().start_at() >= day);
    assert!((left.selected_event().unwrap().start_at()) < day);
}

/// The synthetic night of `tests/fixtures/valid/one-night.json`: times to the minute, most
/// at +03:30, one at −05:00.
fn night() -> Rc<State> {
    let text = include_str!("../../../tests/fixtures/valid/one-night.json");
    let doc = crate::model::validate::validate(text)
        .document
        .expect("valid fixture");
    Rc::new(State::new(Rc::new(doc), &EN, 1000.0))
}

#[test]
fn a_night_given_to_the_minute_fills_the_stage_and_zooms_to_minutes() {
    let s = night();
    // Events are in order of their instants: 21:50 in Ottawa (02:50 UTC on the 8th)
    // comes after 06:14 in Tehran (02:44 UTC).
    let ids: Vec<&str> = s.doc.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.last(), Some(&"step-9"), "{ids:?}");
    assert_eq!(ids[7], "step-8");
    // The first view is the night (22:00 to 06:15 in Tehran, plus margins), not weeks.
    let first = s.doc.events[0].start_at();
    assert!(s.viewport.span() < 0.5, "{} days", s.viewport.span());
    assert!(s.viewport.start() <= first && s.viewport.end() >= s.doc.events[8].end_at());
    // Zooming in goes down to half an hour across the stage.
    let mut z = s.clone();
    for _ in 0..20 {
        z = z.reduce(Action::ZoomIn);
    }
    assert!(
        (z.viewport.span() - 30.0 / 1440.0).abs() < 1e-9,
        "{}",
        z.viewport.span()
    );
    assert_eq!(s.zone, 210, "the usual offset, +03:30");
    assert!(s.offsets);
}

#[test]
fn utc_rewrites_the_times_and_keeps_places_selection_and_axis_zone() {
    let s = night().reduce(Action::Select(Some("step-8".into())));
    let utc = s.clone().reduce(Action::SetUtc(true));
    assert!(utc.utc);
    assert_eq!(utc.zone, 0);
    assert_eq!(utc.viewport, s.viewport);
    assert_eq!(id_of(&utc), Some("step-8"));
    assert_eq!(utc.spans, s.spans);
    let e = utc.selected_event().unwrap();
    assert_eq!(e.date.to_string(), "2020-01-08T02:44Z");
    assert_eq!(
        EN.event_date(e),
        "8 January 2020, 02:44 \u{2066}UTC\u{2069}"
    );
    // And back: the data as written.
    let back = utc.reduce(Action::SetUtc(false));
    assert_eq!(
        back.selected_event().unwrap().date.to_string(),
        "2020-01-08T06:14+03:30"
    );
    assert_eq!(back.zone, 210);
    // Asking again for what is shown changes nothing (the same state).
    let again = back.clone().reduce(Action::SetUtc(false));
    assert!(Rc::ptr_eq(&back, &again));
}

#[test]
fn data_of_whole_days_zooms_to_three_days_at_most() {
    let mut s = state();
    for _ in 0..40 {
        s = s.reduce(Action::ZoomIn);
    }
    assert!(
        (s.viewport.span() - 3.0).abs() < 1e-9,
        "{}",
        s.viewport.span()
    );
    assert!(!s.offsets);
    assert_eq!(s.zone, 0);
}

/// A TimelineJS3 timeline of `n` events in date order (given out of order), with or
/// without a title slide.
fn timelinejs(n: usize, title: bool) -> Rc<Document> {
    let events: Vec<String> = (0..n)
        .rev()
        .map(|i| {
            format!(
                r#"{{"unique_id": "e{i}", "start_date": {{"year": "{}"}}, "text": {{"headline": "E{i}"}}, "group": "{}"}}"#,
                2000 + i,
                if i % 2 == 0 { "even" } else { "odd" }
            )
        })
        .collect();
    let title = if title {
        r#""title": {"text": {"headline": "T"}},"#
    } else {
        ""
    };
    let json = format!(r#"{{{title} "events": [{}]}}"#, events.join(","));
    let doc = crate::model::validate::validate(&json)
        .document
        .expect("a document");
    assert_eq!(doc.events.len(), n);
    Rc::new(doc)
}

fn opened(doc: &Rc<Document>, options: Options) -> Option<String> {
    let s = State::with_options(doc.clone(), &EN, 1000.0, &options);
    id_of(&s).map(str::to_owned)
}

/// `start_at_slide` opens what a TimelineJS3 reader's number meant: with a title slide,
/// slide 0 is the title and slide N the Nth event; without one, slide N is event N + 1;
/// past the end, the last event.
#[test]
fn a_slide_number_opens_the_event_timelinejs3_would() {
    use crate::ui::StartAt;
    let start_at = |n| Options {
        start_at: Some(StartAt::Slide(n)),
        ..Options::default()
    };
    let titled = timelinejs(5, true);
    let untitled = timelinejs(5, false);
    let cases: &[(&Rc<Document>, u32, Option<&str>)] = &[
        (&titled, 0, None),
        (&titled, 1, Some("e0")),
        (&titled, 3, Some("e2")),
        (&titled, 5, Some("e4")),
        (&titled, 6, Some("e4")),
        (&titled, u32::MAX, Some("e4")),
        (&untitled, 0, Some("e0")),
        (&untitled, 3, Some("e3")),
        (&untitled, 4, Some("e4")),
        (&untitled, 5, Some("e4")),
    ];
    for (doc, n, expected) in cases {
        assert_eq!(
            opened(doc, start_at(*n)).as_deref(),
            *expected,
            "slide {n}, title {}",
            doc.title.get("en")
        );
    }
    // Our own format always has a title: slide 1 is the first event.
    let bundled = Rc::new(bundled().document.expect("bundled data"));
    assert_eq!(
        opened(&bundled, start_at(1)).as_deref(),
        Some(bundled.events[0].id.as_str())
    );
    assert_eq!(opened(&bundled, start_at(0)), None);
    // The view reveals the event opened.
    let s = State::with_options(bundled.clone(), &EN, 1000.0, &{
        let mut o = start_at(2);
        o.initial_window = Some((
            crate::model::date::Date::parse("2020").unwrap(),
            crate::model::date::Date::parse("2021").unwrap(),
        ));
        o
    });
    let e = s.selected_event().expect("an event is open");
    assert_eq!(e.id, bundled.events[1].id);
    assert!(s.viewport.start() <= e.start_at() && e.start_at() <= s.viewport.end());
}

/// `start_at_end` opens the last event shown (after the categories); a named event wins
/// over both it and a slide number.
#[test]
fn the_end_opens_the_last_event_shown_and_a_named_event_wins() {
    use crate::ui::StartAt;
    let doc = timelinejs(5, true);
    let end = Options {
        start_at: Some(StartAt::End),
        ..Options::default()
    };
    assert_eq!(opened(&doc, end.clone()).as_deref(), Some("e4"));
    let odd = doc
        .categories
        .iter()
        .find(|c| c.label.get("en") == "odd")
        .expect("the odd group")
        .id
        .clone();
    let only_odd = Options {
        categories: Some(vec![odd]),
        ..end.clone()
    };
    let s = State::with_options(doc.clone(), &EN, 1000.0, &only_odd);
    assert_eq!(id_of(&s), Some("e3"));
    assert_eq!(s.matching.len(), 2, "the filter stays");
    for start_at in [StartAt::End, StartAt::Slide(1)] {
        let named = Options {
            initial_event: Some("e2".into()),
            start_at: Some(start_at),
            ..Options::default()
        };
        assert_eq!(opened(&doc, named).as_deref(), Some("e2"), "{start_at:?}");
    }
    assert_eq!(opened(&doc, Options::default()), None);
}

#[test]
fn the_layout_follows_the_width_unless_forced() {
    use crate::ui::options::Layout;
    // (layout, width, vertical)
    let cases = [
        (Layout::Auto, 390.0, true),
        (Layout::Auto, 599.0, true),
        (Layout::Auto, 600.0, false),
        (Layout::Auto, 1280.0, false),
        (Layout::Vertical, 1280.0, true),
        (Layout::Horizontal, 390.0, false),
    ];
    for (layout, width, vertical) in cases {
        let mut s = (*state()).clone();
        s.layout = layout;
        let s = Rc::new(s).reduce(Action::Resize(width));
        assert_eq!(s.vertical(), vertical, "{layout:?} at {width}");
    }
    assert_eq!(Layout::parse(" vertical "), Some(Layout::Vertical));
    assert_eq!(Layout::parse("horizontal"), Some(Layout::Horizontal));
    assert_eq!(Layout::parse("auto"), Some(Layout::Auto));
    assert_eq!(Layout::parse("Vertical"), None);
}

#[test]
fn zooming_down_the_page_changes_the_vertical_zoom_only() {
    let mut s = (*state()).clone();
    s.layout = crate::ui::options::Layout::Vertical;
    let s = Rc::new(s);
    let fit = s.vertical_fit;
    assert!(fit > 0.0 && fit.is_finite());
    assert_eq!(s.vertical_zoom, fit);
    let zoomed = s.clone().reduce(Action::ZoomIn);
    assert_eq!(zoomed.vertical_zoom, fit * ZOOM_STEP);
    assert_eq!(zoomed.viewport, s.viewport);
    let pinched = zoomed.clone().reduce(Action::Pinch {
        from: 3.0,
        to: 9.0,
        factor: 0.5,
    });
    assert_eq!(pinched.vertical_zoom, fit);
    let out = s.clone().reduce(Action::ZoomOut);
    assert_eq!(out.vertical_zoom, fit / ZOOM_STEP);
    assert_eq!(out.reduce(Action::ShowAll).vertical_zoom, fit);
    // The limits: 2⁸ either way, and a step past them changes nothing (the same Rc).
    let mut far = s.clone();
    for _ in 0..20 {
        far = far.reduce(Action::ZoomIn);
    }
    assert_eq!(far.vertical_zoom, fit * 256.0);
    assert!(!far.can_zoom(true) && far.can_zoom(false));
    assert!(Rc::ptr_eq(&far, &far.clone().reduce(Action::ZoomIn)));
    // Across, the same keys zoom the stage.
    let across = state().reduce(Action::ZoomIn);
    assert_eq!(across.vertical_zoom, fit);
    assert!(across.viewport.span() < state().viewport.span());
}

/// The embed's default data comes in the reader's language; another language's texts,
/// arriving after the switch, join it and keep the view, the filter and the selection.
#[test]
fn another_languages_texts_join_the_data_and_keep_the_view() {
    use crate::model::texts::in_language;
    let whole = bundled().document.expect("bundled data");
    let fr = Rc::new(in_language(&whole, "fr"));
    let fa = Rc::new(in_language(&whole, "fa"));
    let s = Rc::new(State::new(fr, &FR, 1000.0))
        .reduce(Action::Resize(1246.0))
        .reduce(Action::ToggleCategory("courts".into()))
        .reduce(Action::ZoomIn);
    let s = s.clone().reduce(Action::Select(Some(
        s.doc.events[s.matching[2] as usize].id.clone().into(),
    )));
    let switched = s.clone().reduce(Action::SetLocale(&FA));
    // Before the Persian texts arrive, the French ones are what there is.
    let first = &switched.doc.events[0];
    assert_eq!(first.title.get("fa"), whole.events[0].title.get("fr"));
    let joined = switched.clone().reduce(Action::AddTexts(fa.clone()));
    assert_eq!(
        joined.doc.events[0].title.get("fa"),
        whole.events[0].title.get("fa")
    );
    assert_eq!(
        joined.doc.events[0].title.get("fr"),
        whole.events[0].title.get("fr")
    );
    assert_eq!(
        (
            joined.viewport,
            joined.selected,
            joined.matching.clone(),
            joined.rows
        ),
        (
            switched.viewport,
            switched.selected,
            switched.matching.clone(),
            switched.rows
        )
    );
    assert_ne!(joined.title_chars, switched.title_chars);
    // Search reads the new texts.
    let word = whole.events[joined.matching[0] as usize]
        .title
        .get("fa")
        .split(' ')
        .next()
        .unwrap()
        .to_owned();
    let searched = joined.clone().reduce(Action::SetQuery(word.into()));
    assert!(!searched.matching.is_empty());
    // The same texts again, or another timeline's, change nothing.
    assert!(Rc::ptr_eq(
        &joined,
        &joined.clone().reduce(Action::AddTexts(fa))
    ));
    let mut other = in_language(&whole, "fa");
    other.events.pop();
    assert!(Rc::ptr_eq(
        &joined,
        &joined.clone().reduce(Action::AddTexts(Rc::new(other)))
    ));
}
