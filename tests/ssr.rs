//! Server-side rendering of the components: the markup a reader (or a screen reader, or a
//! search engine) gets, tested without a browser.

use std::rc::Rc;

use timeline::data::bundled;
use timeline::locale::{self, EN};
use timeline::model::format::{Document, Event};
use timeline::model::synthetic::synthetic;
use timeline::model::validate::{validate, Validated};
use timeline::ui::{EventList, EventListProps, Timeline, TimelineProps};
use yew::{BaseComponent, LocalServerRenderer};

fn render<C: BaseComponent>(props: C::Properties) -> String {
    futures::executor::block_on(LocalServerRenderer::<C>::with_props(props).render())
}

fn widget(validated: Validated) -> String {
    render::<Timeline>(TimelineProps::from_validated(validated))
}

fn bundled_doc() -> Rc<Document> {
    Rc::new(bundled().document.expect("bundled data"))
}

/// Flight PS752's event (8 January 2020) in the bundled data.
fn ps752(doc: &Document) -> &Event {
    doc.events
        .iter()
        .find(|e| e.date.to_string() == "2020-01-08")
        .expect("the bundled data has PS752")
}

fn list(doc: Rc<Document>, lang: &str) -> String {
    let indices = (0..doc.events.len() as u32).collect();
    render::<EventList>(EventListProps {
        document: doc,
        indices,
        locale: locale::find(lang).expect("a language we have"),
        selected: None,
    })
}

/// The `<button>` of the stage's event `id`, up to its end.
fn item<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    // The button whose own tag has the id (the list's items and the details have it too).
    let start = html
        .match_indices(&format!(" data-event-id=\"{id}\""))
        .filter_map(|(at, _)| html[..at].rfind('<'))
        .find(|&tag| html[tag..].starts_with("<button "))?;
    let end = html[start..].find("</button>")? + start;
    Some(&html[start..end])
}

#[test]
fn the_list_shows_every_bundled_event_with_its_details() {
    let doc = bundled_doc();
    let html = list(doc.clone(), "en");
    assert_eq!(html.matches("data-event-id=").count(), doc.events.len());
    for e in &doc.events {
        assert!(
            html.contains(&format!("data-event-id=\"{}\"", e.id)),
            "{}",
            e.id
        );
        assert!(html.contains(e.title.get("en")), "{}", e.id);
    }
    assert!(
        html.contains("<ol aria-label=\"Events\" class=\"tl-list\">"),
        "the list is named"
    );
    assert!(html.contains("7 September 2012"));
    assert!(html.contains("January 1980"));
    let links = html.matches("<a ").count();
    let sources: usize = doc.events.iter().map(|e| e.sources.len()).sum();
    assert_eq!(links, sources);
    assert_eq!(html.matches("rel=\"noopener noreferrer\"").count(), links);
    assert_eq!(html.matches("target=\"_blank\"").count(), links);
}

#[test]
fn the_list_in_french_marks_english_fallbacks() {
    let json = r##"{"title": {"en": "Relations", "fr": "Les relations"}, "updated": "2026-01-01",
      "categories": [{"id": "d", "label": {"en": "Diplomacy", "fr": "Diplomatie"}, "color": "#336699"}],
      "events": [
        {"id": "a", "date": "2012-09-07", "category": "d",
         "title": {"en": "Embassy closed", "fr": "Ambassade fermée"},
         "summary": {"en": "Only in English."},
         "sources": [{"title": "S", "publisher": "P", "url": "https://example.org/"}]}
      ]}"##;
    let doc = Rc::new(validate(json).document.expect("valid"));
    let html = list(doc, "fr");
    assert!(html.contains("Ambassade fermée"));
    assert!(html.contains("Diplomatie"));
    assert!(
        html.contains("<p lang=\"en\" class=\"tl-card-summary\">Only in English.</p>"),
        "{html}"
    );
    assert!(
        !html.contains("lang=\"fr\""),
        "French text in a French list needs no lang"
    );
}

#[test]
fn the_widget_has_its_header_toolbar_and_counts() {
    let doc = bundled_doc();
    let html = widget(bundled());
    assert!(html.contains("<h1 class=\"tl-title\">Canada–Iran relations</h1>"));
    assert!(html.contains(&format!(
        "Last updated <time datetime=\"{}\">",
        doc.updated.unwrap()
    )));
    assert!(html.contains("aria-label=\"Search events\""));
    for label in [
        "aria-label=\"Zoom in\"",
        "aria-label=\"Zoom out\"",
        ">Show all<",
        ">Timeline<",
        ">List<",
    ] {
        assert!(html.contains(label), "{label}");
    }
    let n = doc.events.len();
    assert!(html.contains(&format!("{n} of {n} events")));
    for (i, c) in doc.categories.iter().enumerate() {
        let count = doc.events.iter().filter(|e| e.category == c.id).count();
        let button = format!("data-category=\"{}\" aria-pressed=\"true\"", c.id);
        assert!(html.contains(&button), "{button}");
        let label = c.label.get("en");
        assert!(
            html.contains(&format!(
                "{label}</span><span class=\"tl-category-count\">{count}</span>"
            )),
            "category {i} {label} count {count}"
        );
    }
    assert!(
        !html.contains("role=\"alert\""),
        "no problems shown for valid data"
    );
}

#[test]
fn the_stage_shows_placed_events_and_clusters_for_the_rest() {
    let doc = bundled_doc();
    // Shown whole (the first window shows the latest decades: see `first_view`).
    let mut props = TimelineProps::from_validated(bundled());
    let year = |y| timeline::model::Date::parse(y).expect("year");
    props.options.initial_window = Some((year("1950"), year("2030")));
    let html = render::<Timeline>(props);
    let stage = &html[html.find("class=\"tl-stage\"").expect("stage")..];
    let placed = stage.matches("data-event-id=").count();
    let clustered: usize = stage
        .split("class=\"tl-cluster\">+")
        .skip(1)
        .map(|rest| rest[..rest.find('<').unwrap()].parse::<usize>().unwrap())
        .sum();
    assert!(placed > 0);
    assert_eq!(
        placed + clustered,
        doc.events.len(),
        "every event placed or clustered once"
    );
    // Headline events are never the ones folded into a cluster.
    for e in doc.events.iter().filter(|e| e.importance == 3) {
        let button = item(stage, &e.id).unwrap_or_else(|| panic!("headline {} not placed", e.id));
        assert!(button.contains(&format!("aria-label=\"{}: ", EN.event_date(e))));
    }
    // One tab stop in the stage: roving tabindex.
    assert_eq!(stage.matches("tabindex=\"0\"").count(), 1);
    // Eras and an axis at decade-ish scale for 70 years.
    assert!(stage.contains("class=\"tl-era\""));
    assert!(html.contains("data-unit=\"Years(10)\"") || html.contains("data-unit=\"Years(5)\""));
}

#[test]
fn a_large_dataset_renders_only_what_is_visible() {
    let doc = synthetic(10_000, 1);
    let html = widget(Validated {
        document: Some(doc),
        problems: vec![],
    });
    assert!(html.contains("10,000 of 10,000 events"));
    let items = html.matches("data-event-id=").count();
    let clusters = html.matches("class=\"tl-cluster\"").count();
    // The histogram is one path; its bars are counted in data-bars.
    let bars: usize = html
        .split_once("data-bars=\"")
        .and_then(|(_, rest)| rest.split('"').next()?.parse().ok())
        .expect("the histogram's bar count");
    let drawn = html.matches("h2V100z").count();
    // At most a row-full of items per row: 8 rows × 960 px / (12 px marker + 8 px gap).
    assert!(items <= 8 * 48, "{items} items in the DOM");
    assert!(clusters < 400, "{clusters} clusters");
    assert!(bars > 0 && bars <= 320, "{bars} histogram bars");
    assert_eq!(drawn, bars, "one bar drawn per non-empty bin");
}

#[test]
fn an_initial_event_opens_its_details() {
    let doc = bundled_doc();
    let ps752 = ps752(&doc);
    let mut props = TimelineProps::from_validated(bundled());
    props.options.initial_event = Some(ps752.id.clone().into());
    let html = render::<Timeline>(props);
    let details = &html[html
        .find("class=\"tl-details\"")
        .or_else(|| html.find("<aside"))
        .expect("details")..];
    assert!(details.contains("8 January 2020"));
    assert!(details.contains(ps752.title.get("en")));
    assert!(details.contains(ps752.summary.get("en")));
    assert!(details.contains(">Previous<") && details.contains(">Next<"));
    assert_eq!(details.matches("<a ").count(), ps752.sources.len());
    assert!(
        html.contains(&format!(
            "{}: {}",
            EN.event_date(ps752),
            ps752.title.get("en")
        )),
        "announced"
    );
    let button = item(&html, &ps752.id).expect("PS752 placed");
    assert!(button.contains("aria-pressed=\"true\""));
}

#[test]
fn bad_data_shows_every_problem_and_keeps_the_valid_events() {
    let json = r##"{"title": "T", "updated": "2026-01-01",
      "categories": [{"id": "d", "label": "D", "color": "#336699"}],
      "events": [
        {"id": "good", "date": "2012-09-07", "category": "d", "title": "Good", "summary": "S",
         "sources": [{"title": "S", "publisher": "P", "url": "https://example.org/"}]},
        {"id": "bad", "date": "2020-13-01", "category": "nope", "title": "Bad", "summary": "S",
         "sources": [{"title": "S", "publisher": "P", "url": "javascript:alert(1)"}]}
      ]}"##;
    let html = widget(validate(json));
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("events[1].date"));
    assert!(html.contains("events[1].category"));
    assert!(html.contains("events[1].sources[0].url"));
    assert!(html.contains("data-event-id=\"good\""));
    assert!(!html.contains("data-event-id=\"bad\""));
    assert!(!html.contains("href=\"javascript:"));
    assert!(html.contains("1 of 1 event<"));
}

#[test]
fn unreadable_data_still_renders_the_error() {
    let html = widget(validate("{ not json"));
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("line 1"));
    assert!(!html.contains("data-event-id"));
}

#[test]
fn data_text_is_escaped_never_markup() {
    let json = r##"{"title": "<img src=x onerror=alert(1)>", "updated": "2026-01-01",
      "categories": [{"id": "d", "label": "<b>D</b>", "color": "#336699"}],
      "events": [
        {"id": "x", "date": "2012-09-07", "category": "d", "title": "<script>window.pwned=1</script>\" onfocus=\"alert(1)",
         "summary": "\" onmouseover=\"alert(1)", "tags": ["<i>"],
         "sources": [{"title": "<a href=javascript:alert(1)>x</a>", "publisher": "P", "url": "https://example.org/?a=<b>"}]}
      ]}"##;
    let validated = validate(json);
    let doc = Rc::new(
        validated
            .document
            .clone()
            .expect("valid apart from the markup"),
    );
    for html in [widget(validated), list(doc, "en")] {
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<img"));
        assert!(!html.contains("<b>"));
        assert!(!html.contains("<a href=javascript"));
        assert!(html.contains("&lt;script&gt;"));
        // A quote in data never ends an attribute early.
        assert!(!html.contains("\" onfocus=\"alert(1)\""), "{html}");
    }
}

fn widget_in(lang: &str) -> String {
    let mut props = TimelineProps::from_validated(bundled());
    props.lang = lang.to_owned().into();
    render::<Timeline>(props)
}

/// The opening tag that contains `needle` (SSR writes `class` last).
fn opening_tag<'a>(html: &'a str, needle: &str) -> &'a str {
    let at = html.find(needle).unwrap_or_else(|| panic!("{needle}"));
    let start = html[..at].rfind('<').expect("tag start");
    &html[start..at + html[at..].find('>').expect("tag end")]
}

fn root_tag(html: &str) -> &str {
    opening_tag(html, "class=\"tl-root\"")
}

#[test]
fn each_language_sets_lang_and_dir_and_writes_its_own_interface() {
    let doc = bundled_doc();
    let kazemi = doc
        .events
        .iter()
        .find(|e| e.id.contains("kazemi"))
        .expect("the Kazemi event");
    // (tag asked for, lang, dir, interface strings, the event's date)
    let cases = [
        (
            "en",
            "en",
            "ltr",
            ["Search events", "Show all", "36 of 36 events"],
        ),
        (
            "fr-CA",
            "fr",
            "ltr",
            [
                "Rechercher des événements",
                "Tout afficher",
                "36 sur 36 événements",
            ],
        ),
        (
            "fa",
            "fa",
            "rtl",
            ["جست‌وجوی رویدادها", "نمایش همه", "۳۶ از ۳۶ رویداد"],
        ),
        // A language we do not have: English.
        (
            "de",
            "en",
            "ltr",
            ["Search events", "Show all", "36 of 36 events"],
        ),
    ];
    for (tag, lang, dir, strings) in cases {
        let html = widget_in(tag);
        let root = root_tag(&html);
        assert!(root.contains(&format!("lang=\"{lang}\"")), "{tag}: {root}");
        assert!(root.contains(&format!("dir=\"{dir}\"")), "{tag}: {root}");
        for s in strings {
            assert!(html.contains(s), "{tag}: {s}");
        }
        // The event's texts are in the reader's language (the data has all three).
        assert!(html.contains(kazemi.title.get(lang)), "{tag}");
        // Each language button is named in its own language, the current one pressed.
        for (code, name) in [("en", "English"), ("fr", "Français"), ("fa", "فارسی")] {
            let button = format!("data-lang=\"{code}\"");
            let at = html
                .find(&button)
                .unwrap_or_else(|| panic!("{tag}: {code} button"));
            let tag_end = at + html[at..].find('>').unwrap();
            let opening = &html[html[..at].rfind('<').unwrap()..tag_end];
            assert!(opening.contains(&format!("lang=\"{code}\"")), "{opening}");
            assert!(
                opening.contains(&format!("aria-pressed=\"{}\"", code == lang)),
                "{tag}: {opening}"
            );
            assert!(
                html[tag_end..].starts_with(&format!(">{name}<")),
                "{tag}: {name}"
            );
        }
    }
}

#[test]
fn persian_dates_are_solar_hijri_with_the_gregorian_in_persian_digits() {
    let mut props = TimelineProps::from_validated(bundled());
    props.lang = "fa".into();
    let doc = bundled_doc();
    let closing = doc
        .events
        .iter()
        .find(|e| e.date.to_string() == "2012-09-07")
        .expect("the 2012-09-07 event");
    props.options.initial_event = Some(closing.id.clone().into());
    let html = render::<Timeline>(props);
    assert!(
        html.contains("۱۷ شهریور ۱۳۹۱ (۷ سپتامبر ۲۰۱۲)"),
        "the details give both dates"
    );
    // The axis counts in Solar Hijri years, in Persian digits; the choice of calendar
    // is offered, Solar Hijri pressed.
    assert!(opening_tag(&html, "class=\"tl-stage\"").contains("data-calendar=\"solar-hijri\""));
    let axis = &html[html.find("class=\"tl-axis\"").expect("axis")..];
    assert!(axis.contains(">۱۳۹۰<") || axis.contains(">۱۴۰۰<"), "{axis}");
    assert!(!axis.contains(">2012<"));
    assert!(html.contains("data-calendar=\"gregorian\""));
    // No Latin digit in the interface's counts.
    let count = &html[html.find("tl-count").unwrap()..];
    let count = &count[..count.find("</p>").unwrap()];
    assert!(!count.chars().any(|c| c.is_ascii_digit()), "{count}");
}

#[test]
fn the_english_widget_offers_no_calendar_choice() {
    let html = widget_in("en");
    assert!(!html.contains("tl-calendars"));
    assert!(
        html.contains("data-calendar=\"gregorian\""),
        "the stage says which"
    );
}

#[test]
fn forty_thousand_problems_list_fifty_and_count_the_rest() {
    // An error in each of 40,000 events: a date with no month 13.
    let events: Vec<String> = (0..40_000)
        .map(|i| {
            format!(
                r#"{{"id": "e{i}", "date": "2020-13-01", "category": "d", "title": "T",
                "summary": "S", "sources": [{{"title": "S", "publisher": "P",
                "url": "https://example.org/"}}]}}"#
            )
        })
        .collect();
    let events = events.join(",");
    let json = format!(
        r##"{{"title": "T", "updated": "2026-01-01",
          "categories": [{{"id": "d", "label": "D", "color": "#336699"}}],
          "events": [{events}]}}"##
    );
    let validated = validate(&json);
    assert_eq!(validated.problems.len(), 40_000);
    let html = widget(validated);
    let items = html.matches("<li ").count();
    assert!(items <= 51, "{items} list items");
    assert_eq!(html.matches("class=\"tl-problem\"").count(), 50);
    assert!(html.contains("and 39,950 more"), "the rest is counted");
    // In Persian the count is in Persian digits, the problems themselves in English.
    let mut props = TimelineProps::from_validated(validate(&json));
    props.lang = "fa".into();
    let html = render::<Timeline>(props);
    assert!(html.contains("و ۳۹٬۹۵۰ مورد دیگر"));
    assert_eq!(html.matches("class=\"tl-problem\"").count(), 50);
}

#[test]
fn a_few_problems_are_all_listed_without_a_count() {
    let json = r##"{"title": "T", "updated": "2026-01-01",
      "categories": [{"id": "d", "label": "D", "color": "#336699"}],
      "events": [{"id": "a", "date": "2020-13-01", "category": "d", "title": "T", "summary": "S",
        "sources": [{"title": "S", "publisher": "P", "url": "https://example.org/"}]}]}"##;
    let validated = validate(json);
    let n = validated.problems.len();
    assert!(n >= 1);
    let html = widget(validated);
    assert_eq!(html.matches("class=\"tl-problem\"").count(), n);
    assert!(!html.contains("tl-problems-more"));
    assert!(!html.contains(" more ("));
}

/// A page whose Content-Security-Policy has `style-src 'self'` (no `'unsafe-inline'`)
/// refuses every `style` attribute in markup: the widget sets positions, sizes and
/// colours through the CSSOM from effects instead, so what the server renders (and the
/// no-JS fallback, the list) has none, in every part and every language.
#[test]
fn no_part_of_the_widget_renders_a_style_attribute() {
    let doc = bundled_doc();
    let ps752 = ps752(&doc);
    let with_details = |lang: &str| {
        let mut props = TimelineProps::from_validated(bundled());
        props.lang = lang.to_owned().into();
        props.options.initial_event = Some(ps752.id.clone().into());
        render::<Timeline>(props)
    };
    let large = widget(Validated {
        document: Some(synthetic(10_000, 1)),
        problems: vec![],
    });
    // (what, its markup, what it must show, so that it is that part being checked)
    let cases = [
        (
            "the widget with details, in English",
            with_details("en"),
            &[
                "class=\"tl-era\"",
                "class=\"tl-item\"",
                "class=\"tl-label\"",
                "class=\"tl-cluster\"",
                "class=\"tl-tick\"",
                "class=\"tl-overview-window\"",
                "class=\"tl-category\"",
                "class=\"tl-details\"",
            ][..],
        ),
        (
            "the widget with details, in Persian",
            with_details("fa"),
            &[
                "class=\"tl-item\"",
                "class=\"tl-tick\"",
                "class=\"tl-details\"",
            ][..],
        ),
        (
            "10,000 events",
            large,
            &["class=\"tl-item\"", "class=\"tl-cluster\""][..],
        ),
        (
            "the list (the fallback), in English",
            list(doc.clone(), "en"),
            &["class=\"tl-card\""][..],
        ),
        (
            "the list (the fallback), in Persian",
            list(doc.clone(), "fa"),
            &["class=\"tl-card\""][..],
        ),
    ];
    for (what, html, parts) in cases {
        for part in parts {
            assert!(html.contains(part), "{what}: no {part}");
        }
        if let Some(at) = html.find("style=") {
            let start = html[..at].rfind('<').unwrap_or(0);
            let tag: String = html[start..].chars().take(200).collect();
            panic!("{what}: a style attribute in {tag}");
        }
    }
}

#[test]
fn warnings_alone_are_folded_and_do_not_interrupt() {
    // An unknown field is a warning: every event is shown, so the list is folded for the
    // editor (a details element) rather than announced to the reader as an alert.
    let json = r##"{"title": "T", "updated": "2026-01-01", "colour_scheme": "x",
      "categories": [{"id": "d", "label": "D", "color": "#336699"}],
      "events": [{"id": "a", "date": "2020-01-01", "category": "d", "title": "T", "summary": "S",
        "sources": [{"title": "S", "publisher": "P", "url": "https://example.org/"}]}]}"##;
    let validated = validate(json);
    assert!(!validated.problems.is_empty());
    assert!(validated
        .problems
        .iter()
        .all(|p| p.severity == timeline::model::validate::Severity::Warning));
    let html = widget(validated);
    // The folded list: a details element of that class, its summary the heading.
    let open = html.find("<details ").expect("a details element");
    let tag = &html[open..open + html[open..].find('>').unwrap()];
    assert!(
        tag.contains("class=\"tl-problems\"") && tag.contains("data-severity=\"warning\""),
        "{tag}"
    );
    assert!(html[open..].contains("><summary>The timeline's data has warnings.</summary>"));
    assert!(html.contains("colour_scheme"));
    assert!(!html.contains("role=\"alert\""));
    assert!(html.contains("data-event-id=\"a\""));
}

/// A document whose events each have one kind of media.
fn media_json() -> String {
    let event = |id: &str, date: &str, media: &str| {
        format!(
            r#"{{"id": "{id}", "date": "{date}", "category": "a", "title": "Title {id}", "summary": "S", "sources": [{{"title": "S", "publisher": "P", "url": "https://example.org/"}}], "media": {media}}}"#
        )
    };
    let events = [
        event(
            "img",
            "2001",
            r#"{"url": "https://img.example/a.png", "alt": {"en": "A harbour", "fr": "Un port"}, "caption": "The harbour", "credit": "Photo: Someone"}"#,
        ),
        event(
            "yt",
            "2002",
            r#"{"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "alt": "The speech", "caption": "A speech", "thumbnail": "https://img.example/speech-64.jpg"}"#,
        ),
        event("vimeo", "2003", r#"{"url": "https://vimeo.com/76979871"}"#),
        event(
            "mp4",
            "2004",
            r#"{"url": "https://files.example/v.mp4", "alt": "Clip"}"#,
        ),
        event(
            "mp3",
            "2005",
            r#"{"url": "https://files.example/s.mp3", "credit": "Radio"}"#,
        ),
        event(
            "page",
            "2006",
            r#"{"url": "https://twitter.com/x/status/1", "alt": "A post"}"#,
        ),
    ];
    format!(
        r##"{{"title": "T", "updated": "2024-01-01", "categories": [{{"id": "a", "label": "A", "color": "#123"}}], "events": [{}]}}"##,
        events.join(",")
    )
}

/// The widget with event `id`'s details open, in `lang`; and its details panel.
fn details_of(id: &str, lang: &str) -> String {
    let validated = validate(&media_json());
    assert!(validated.is_valid(), "{:?}", validated.problems);
    let mut props = TimelineProps::from_validated(validated);
    props.options.initial_event = Some(id.to_owned().into());
    props.lang = lang.to_owned().into();
    let html = render::<Timeline>(props);
    let start = html.find("<aside").expect("details");
    let end = html[start..].find("</aside>").expect("details end") + start;
    html[start..end].to_owned()
}

/// A thumbnail marks its event on the stage: a small lazy image of fixed size inside the
/// event's button, decorative (the button's name says what it is); an event without one
/// (even an image's) has none, so the stage loads no picture that was not asked for.
#[test]
fn a_thumbnail_marks_its_event_on_the_stage() {
    let validated = validate(&media_json());
    assert!(validated.is_valid(), "{:?}", validated.problems);
    let html = widget(validated);
    let speech = item(&html, "yt").expect("the video's item on the stage");
    let thumb = opening_tag(speech, "<img");
    for attr in [
        "class=\"tl-thumb\"",
        "src=\"https://img.example/speech-64.jpg\"",
        "alt=\"\"",
        "width=\"20\"",
        "height=\"20\"",
        "loading=\"lazy\"",
        "decoding=\"async\"",
        "referrerpolicy=\"strict-origin-when-cross-origin\"",
    ] {
        assert!(thumb.contains(attr), "{attr}: {thumb}");
    }
    // Before the label, so the label still names the button.
    assert!(
        speech.find("<img").unwrap() < speech.find("tl-label").unwrap(),
        "{speech}"
    );
    assert!(speech.contains("aria-label=\""), "{speech}");
    for id in ["img", "vimeo", "mp4", "mp3", "page"] {
        let other = item(&html, id).unwrap_or_else(|| panic!("{id} on the stage"));
        assert!(!other.contains("<img"), "{id}: {other}");
    }
    assert_eq!(html.matches("class=\"tl-thumb\"").count(), 1);
}

#[test]
fn the_details_show_an_image_lazily_in_a_reserved_box_with_its_caption() {
    let details = details_of("img", "en");
    let img = opening_tag(&details, "<img");
    for attr in [
        "src=\"https://img.example/a.png\"",
        "alt=\"A harbour\"",
        "loading=\"lazy\"",
        "decoding=\"async\"",
        "referrerpolicy=\"strict-origin-when-cross-origin\"",
        "class=\"tl-media-img\"",
    ] {
        assert!(img.contains(attr), "{attr}: {img}");
    }
    // In the box of fixed proportions, with its alt text ready for a failure.
    let frame = &details[details.find("class=\"tl-media-frame\"").expect("the box")..];
    assert!(frame.find("<img").is_some());
    assert!(details.contains("class=\"tl-media-fallback\">A harbour</span>"));
    assert!(details.contains(">The harbour</span>"));
    assert!(details.contains(">Photo: Someone</span>"));
    assert!(!details.contains("style="));
    // In French, the French alt text.
    assert!(opening_tag(&details_of("img", "fr"), "<img").contains("alt=\"Un port\""));
}

#[test]
fn a_video_is_a_placeholder_that_requests_nothing_from_its_host() {
    for (id, label, host) in [
        ("yt", "Play video: The speech", "YouTube"),
        ("vimeo", "Play video: Title vimeo", "Vimeo"),
    ] {
        let details = details_of(id, "en");
        assert!(!details.contains("<iframe"), "{id}: {details}");
        assert!(!details.contains("<img"), "{id}: no thumbnail");
        // No address of the host in any attribute that loads something.
        for attr in ["src=", "srcset=", "poster=", "data-src="] {
            assert!(!details.contains(attr), "{id}: {attr} in {details}");
        }
        assert!(
            !details.contains("youtube") && !details.contains("vimeo.com"),
            "{id}"
        );
        let button = opening_tag(&details, "class=\"tl-media-play\"");
        assert!(button.starts_with("<button type=\"button\""), "{button}");
        assert!(
            details.contains(&format!(">{label}</span>")),
            "{id}: {details}"
        );
        assert!(details.contains(&format!(">{host}</span>")), "{id}");
    }
    let fr = details_of("yt", "fr");
    assert!(fr.contains(">Lire la vidéo : The speech</span>"), "{fr}");
}

#[test]
fn files_play_in_the_browsers_players_loading_nothing_first_and_others_are_links() {
    let video = details_of("mp4", "en");
    let tag = opening_tag(&video, "<video");
    assert!(
        tag.contains("src=\"https://files.example/v.mp4\"") && tag.contains("preload=\"none\"")
    );
    assert!(tag.contains("controls"), "{tag}");
    let audio = details_of("mp3", "en");
    let tag = opening_tag(&audio, "<audio");
    assert!(
        tag.contains("src=\"https://files.example/s.mp3\"") && tag.contains("preload=\"none\"")
    );
    assert!(audio.contains(">Radio</span>"));
    let page = details_of("page", "en");
    let link = opening_tag(&page, "href=\"https://twitter.com/x/status/1\"");
    assert!(link.contains("rel=\"noopener noreferrer\""), "{link}");
    assert!(page.contains(">A post</a>"));
    assert!(!page.contains("<iframe") && !page.contains("<img"));
}

#[test]
fn the_list_links_to_each_media_without_loading_any() {
    let doc = Rc::new(validate(&media_json()).document.expect("doc"));
    let html = list(doc, "en");
    for tag in ["<img", "<iframe", "<video", "<audio"] {
        assert!(!html.contains(tag), "{tag}");
    }
    for (url, name) in [
        ("https://img.example/a.png", "Image: <span>A harbour</span>"),
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "Video: <span>The speech</span>",
        ),
        ("https://vimeo.com/76979871", "Video"),
        ("https://files.example/s.mp3", "Audio"),
        (
            "https://twitter.com/x/status/1",
            "Media: <span>A post</span>",
        ),
    ] {
        let at = html
            .find(&format!("href=\"{url}\""))
            .unwrap_or_else(|| panic!("{url}"));
        let after = &html[at..];
        let text = &after[after.find('>').unwrap() + 1..after.find("</a>").unwrap()];
        assert_eq!(text, name, "{url}");
    }
    assert!(html.contains("class=\"tl-media-text\">The harbour</span>"));
    assert!(html.contains("class=\"tl-media-credit\">Photo: Someone</span>"));
}

#[test]
fn a_night_given_to_the_minute_shows_its_times_and_offers_utc() {
    let text = std::fs::read_to_string("tests/fixtures/valid/one-night.json").expect("fixture");
    let html = widget(validate(&text));
    // The choice of UTC, with "Local time" pressed first.
    assert!(html.contains("class=\"tl-zones\""), "the time zone switch");
    assert!(html.contains("aria-label=\"Time zone\""));
    // Hour and minute ticks on the stage, in the data's offset.
    let unit = html
        .split("data-unit=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the stage's unit");
    assert!(
        unit.starts_with("Hours(") || unit.starts_with("Minutes("),
        "unit {unit}"
    );
    assert!(html.contains("06:14"), "a time in the labels or details");
    // The bundled data, of whole days, has no such switch.
    assert!(!widget_in("en").contains("tl-zones"));
}

#[test]
fn an_event_without_a_summary_shows_no_empty_paragraph() {
    // As a converted TimelineJS3 slide without text is written: no "summary".
    let text = r##"{"title": "T", "categories": [{"id": "a", "label": "A", "color": "#123"}],
        "events": [
          {"id": "bare", "date": "2001", "category": "a", "title": "Only a title", "sources": []},
          {"id": "full", "date": "2002", "category": "a", "title": "T", "summary": "Said.", "sources": []}
        ]}"##;
    let doc = Rc::new(validate(text).document.expect("a document"));
    let html = list(doc, "en");
    assert!(html.contains("Only a title"));
    assert_eq!(html.matches("tl-card-summary").count(), 1, "{html}");
    assert!(
        html.contains("class=\"tl-card-summary\">Said.</p>"),
        "{html}"
    );
}

fn vertical(validated: Validated, lang: &str, event: Option<&str>) -> String {
    let mut props = TimelineProps::from_validated(validated);
    props.lang = lang.to_owned().into();
    props.options.layout = timeline::ui::Layout::Vertical;
    props.options.initial_event = event.map(|id| id.to_owned().into());
    render::<Timeline>(props)
}

/// The vertical timeline's cards, each from its `<li` to its `</li>`.
fn cards(html: &str) -> Vec<&str> {
    html.match_indices("<li ")
        .filter_map(|(at, _)| Some(&html[at..at + html[at..].find("</div></li>")?]))
        .filter(|li| li[..li.find('>').unwrap_or(0)].contains("class=\"tl-vcard\""))
        .collect()
}

#[test]
fn the_vertical_layout_shows_cards_with_whole_headlines_beside_a_rail() {
    let doc = bundled_doc();
    let html = vertical(bundled(), "en", None);
    assert!(root_tag(&html).contains("data-layout=\"vertical\""));
    assert!(html.contains("class=\"tl-vertical\""));
    assert!(!html.contains("class=\"tl-stage\""), "no stage as well");
    assert!(!html.contains("class=\"tl-overview\""));
    let cards = cards(&html);
    // The first screen (640 px, and the overscan), not all of them.
    assert!(
        cards.len() >= 4 && cards.len() < doc.events.len(),
        "{} cards",
        cards.len()
    );
    for (card, e) in cards.iter().zip(&doc.events) {
        // In date order from the first, each with its date, category and whole title.
        assert!(
            card.contains(&format!("data-event-id=\"{}\"", e.id)),
            "{card}"
        );
        assert!(card.contains(&EN.event_date(e)), "{card}");
        assert!(card.contains(e.title.get("en")), "{card}");
        assert!(card.contains("class=\"tl-chip\""), "{card}");
        assert!(card.contains("aria-expanded=\"false\""), "{card}");
    }
    // One tab stop: the first card.
    assert_eq!(html.matches("tabindex=\"0\"").count(), 1);
    assert!(cards[0].contains("tabindex=\"0\""));
    // The rail's labels are hidden from screen readers (the cards carry their dates).
    let rail = opening_tag(&html, "class=\"tl-vrail\"");
    assert!(rail.contains("aria-hidden=\"true\""));
    assert!(html.contains("class=\"tl-vtick\""));
    // Between the first two events (1955, January 1980) the rail is compressed, and says
    // for how long.
    assert!(html.contains("class=\"tl-vgap\""));
    assert!(html.contains(">25 years<"), "the gap's length");
}

#[test]
fn an_event_opens_in_place_on_the_vertical_timeline() {
    let doc = bundled_doc();
    let ps752 = ps752(&doc);
    let html = vertical(bundled(), "en", Some(&ps752.id));
    assert!(!html.contains("class=\"tl-details\""), "no separate panel");
    let cards = cards(&html);
    let open: Vec<&&str> = cards.iter().filter(|c| c.contains("data-open")).collect();
    assert_eq!(open.len(), 1);
    let card = open[0];
    assert!(card.contains(&format!("data-event-id=\"{}\"", ps752.id)));
    assert!(card.contains("aria-expanded=\"true\"") && card.contains("tabindex=\"0\""));
    assert!(card.contains(ps752.summary.get("en")));
    assert_eq!(card.matches("<a ").count(), ps752.sources.len());
    // Its link to share, as in the details panel.
    assert!(card.contains("class=\"tl-button tl-copy-link\""), "{card}");
}

#[test]
fn the_vertical_timeline_in_persian_runs_right_to_left_in_persian_digits() {
    let html = vertical(bundled(), "fa", None);
    let root = root_tag(&html);
    assert!(root.contains("dir=\"rtl\"") && root.contains("data-layout=\"vertical\""));
    let cards = cards(&html);
    assert!(!cards.is_empty());
    for card in &cards {
        let time = &card[card.find("<time").unwrap()..card.find("</time>").unwrap()];
        let text = &time[time.find('>').unwrap()..];
        assert!(text.chars().any(|c| ('۰'..='۹').contains(&c)), "{text}");
        assert!(!text.chars().any(|c| c.is_ascii_digit()), "{text}");
    }
    // The gap marks too (the rail's labels are the axis's: model::vertical's tests).
    assert!(html.contains(">۲۵ سال<"), "1955 to 1980");
}

#[test]
fn ten_thousand_events_down_the_page_render_a_screenful() {
    let html = vertical(
        Validated {
            document: Some(synthetic(10_000, 1)),
            problems: vec![],
        },
        "en",
        None,
    );
    let n = cards(&html).len();
    assert!(n > 0 && n <= 40, "{n} cards in the DOM");
    assert!(html.matches("class=\"tl-vtick\"").count() <= 80);
}

/// The details carry a Copy link in the reader's language, with a live region for what
/// became of it, empty until the reader presses it.
#[test]
fn the_details_offer_the_events_link() {
    for (lang, label) in [
        ("en", "Copy link"),
        ("fr", "Copier le lien"),
        ("fa", "کپی پیوند"),
    ] {
        let details = details_of("yt", lang);
        let share = &details[details.find("class=\"tl-share\"").expect("a share control")..];
        let button = opening_tag(share, "class=\"tl-button tl-copy-link\"");
        assert!(
            button.starts_with("<button") && button.contains("type=\"button\""),
            "{button}"
        );
        assert!(
            share.contains(&format!(">{label}</button>")),
            "{lang}: {share}"
        );
        let status = opening_tag(share, "class=\"tl-share-status\"");
        assert!(
            status.starts_with("<p") && status.contains("role=\"status\""),
            "{status}"
        );
        assert!(
            share.contains("class=\"tl-share-status\"></p>"),
            "empty at first: {share}"
        );
    }
}

/// The toolbar's Download is a disclosure with a clearly named button per file; no
/// printable list is rendered until the page is printed (a large dataset pays nothing).
#[test]
fn the_toolbar_offers_the_downloads_and_nothing_is_rendered_for_print() {
    for (lang, names) in [
        (
            "en",
            [
                "Download",
                "Spreadsheet (CSV)",
                "Data (JSON)",
                "Image (SVG)",
            ],
        ),
        (
            "fr",
            [
                "Télécharger",
                "Tableur (CSV)",
                "Données (JSON)",
                "Image (SVG)",
            ],
        ),
        (
            "fa",
            [
                "بارگیری",
                "صفحه‌گسترده (CSV)",
                "داده‌ها (JSON)",
                "تصویر (SVG)",
            ],
        ),
    ] {
        let mut props = TimelineProps::from_validated(bundled());
        props.lang = lang.to_owned().into();
        let html = render::<Timeline>(props);
        let menu = &html[html.find("<details class=\"tl-download\"").expect("a menu")..];
        let menu = &menu[..menu.find("</details>").expect("closed")];
        assert!(menu.contains(&format!(">{}</summary>", names[0])), "{menu}");
        for (format, name) in ["csv", "json", "svg"].iter().zip(&names[1..]) {
            let at = menu
                .find(&format!("data-format=\"{format}\""))
                .expect("a button per file");
            let button = &menu[menu[..at].rfind('<').unwrap_or(0)..];
            assert!(button.starts_with("<button"), "{button}");
            assert!(button.contains(&format!(">{name}</button>")), "{button}");
        }
        assert!(!html.contains("tl-print"), "{lang}");
    }
}
