//! TimelineJS3's own files, read where they are: the example timelines in
//! `../shared/data/timelinejs3-examples/` (or `$TIMELINE_SHARED_DATA/timelinejs3-examples/`)
//! and the templates its npm package installs (`node_modules/@knight-lab/timelinejs/src/
//! template/`). Every event arrives, with its title, its date at its precision, the eras,
//! and nothing of their scripts; and the list renders them as elements, without sources.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use serde_json::Value;
use timeline::locale;
use timeline::model::format::Document;
use timeline::model::validate::validate;
use timeline::ui::{EventList, EventListProps, Timeline, TimelineProps};
use yew::{BaseComponent, LocalServerRenderer};

fn render<C: BaseComponent>(props: C::Properties) -> String {
    futures::executor::block_on(LocalServerRenderer::<C>::with_props(props).render())
}

/// The folder of TimelineJS3's example timelines: beside the repository (as CI clones
/// it), or where `TIMELINE_SHARED_DATA` says.
fn examples_dir() -> PathBuf {
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let shared = match std::env::var_os("TIMELINE_SHARED_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => beside,
    };
    let dir = shared.join("timelinejs3-examples");
    assert!(
        dir.is_dir(),
        "TimelineJS3's example timelines are not at {}: clone the shared data beside the repository (../shared) or set TIMELINE_SHARED_DATA to its data folder",
        dir.display()
    );
    dir
}

fn templates_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("node_modules/@knight-lab/timelinejs/src/template");
    assert!(
        dir.is_dir(),
        "TimelineJS3's templates are not at {}: run `npm ci` (scripts/setup.sh does)",
        dir.display()
    );
    dir
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn all_files() -> Vec<PathBuf> {
    let mut files = json_files(&examples_dir());
    let templates = json_files(&templates_dir());
    assert!(files.len() >= 6, "only {} example files", files.len());
    assert!(
        templates.len() >= 4,
        "only {} template files",
        templates.len()
    );
    files.extend(templates);
    files
}

/// A naive text content, independent of the widget's parser: tags out, a few references
/// decoded, whitespace collapsed.
fn text_content(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn part(date: &Value, key: &str) -> Option<String> {
    match date.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The date the file gives, at its precision, in our format; `None` beyond our years.
fn expected_date(date: &Value) -> Option<String> {
    let year: i64 = part(date, "year")?.parse().ok()?;
    if year.abs() > 999_999 {
        return None;
    }
    let mut text = if year < 0 {
        format!("-{:04}", -year)
    } else {
        format!("{year:04}")
    };
    if let Some(month) = part(date, "month") {
        text.push_str(&format!("-{:02}", month.parse::<u8>().ok()?));
        if let Some(day) = part(date, "day") {
            text.push_str(&format!("-{:02}", day.parse::<u8>().ok()?));
            // A time of day, to the minute, as the file gives it (no offset).
            let hour = part(date, "hour").and_then(|h| h.parse::<u8>().ok());
            let minute = part(date, "minute").and_then(|m| m.parse::<u8>().ok());
            if hour.is_some() || minute.is_some() {
                let (h, m) = (hour.unwrap_or(0), minute.unwrap_or(0));
                text.push_str(&format!("T{h:02}:{m:02}"));
            }
        }
    }
    Some(text)
}

struct Read {
    name: String,
    file: Value,
    doc: Document,
}

fn read_all() -> Vec<Read> {
    all_files()
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let file: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            let validated = validate(&text);
            // Errors only for years our dates cannot hold, each naming its event.
            for p in validated.errors() {
                assert!(
                    p.message
                        .contains("is beyond the years the timeline can show")
                        && p.path.starts_with("events["),
                    "{name}: unexpected error {p}"
                );
            }
            let doc = validated
                .document
                .unwrap_or_else(|| panic!("{name}: no document"));
            Read { name, file, doc }
        })
        .collect()
}

#[test]
fn every_event_arrives_with_its_title_and_date_at_its_precision() {
    let mut events_seen = 0;
    for Read { name, file, doc } in read_all() {
        let events = file["events"].as_array().map(Vec::as_slice).unwrap_or(&[]);
        let beyond = events
            .iter()
            .filter(|e| expected_date(&e["start_date"]).is_none())
            .count();
        assert_eq!(doc.events.len() + beyond, events.len(), "{name}: events");
        if !name.starts_with("cosmo") {
            assert_eq!(beyond, 0, "{name}");
        }
        // Each event of the file is in the document, by its title and date.
        let mut found = vec![false; doc.events.len()];
        for (i, e) in events.iter().enumerate() {
            let Some(date) = expected_date(&e["start_date"]) else {
                continue;
            };
            let headline = text_content(e["text"]["headline"].as_str().unwrap_or(""));
            let matching = doc.events.iter().enumerate().position(|(j, ours)| {
                !found[j]
                    && ours.date.to_string() == date
                    && (headline.is_empty()
                        || ours
                            .title
                            .get("en")
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            == headline)
            });
            let Some(j) = matching else {
                panic!("{name}: events[{i}] ({date}, {headline:?}) is missing");
            };
            found[j] = true;
            let end = e.get("end_date").and_then(expected_date);
            let ours_end = doc.events[j].end.map(|d| d.to_string());
            if end.as_deref() != Some(date.as_str()) {
                assert_eq!(ours_end, end, "{name}: events[{i}] end");
            }
            if let Some(group) = e["group"].as_str().filter(|g| !g.is_empty()) {
                let category = doc.category(&doc.events[j].category).expect("category");
                assert_eq!(category.label.get("en"), group, "{name}: events[{i}] group");
            }
            events_seen += 1;
        }
        // The title slide.
        if let Some(headline) = file["title"]["text"]["headline"].as_str() {
            let ours = doc
                .title
                .get("en")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(ours, text_content(headline), "{name}: title");
        }
        // Eras.
        let eras = file["eras"].as_array().map(Vec::as_slice).unwrap_or(&[]);
        assert_eq!(doc.eras.len(), eras.len(), "{name}: eras");
        for (era, ours) in eras.iter().zip(&doc.eras) {
            assert_eq!(
                Some(ours.start.to_string()),
                expected_date(&era["start_date"]),
                "{name}"
            );
            assert_eq!(
                Some(ours.end.to_string()),
                expected_date(&era["end_date"]),
                "{name}"
            );
            if let Some(h) = era["text"]["headline"].as_str() {
                assert_eq!(ours.label.get("en"), text_content(h), "{name}: era");
            }
        }
        // Ids unique.
        let mut ids: Vec<&str> = doc.events.iter().map(|e| e.id.as_str()).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "{name}: ids");
    }
    assert!(events_seen > 150, "only {events_seen} events compared");
}

#[test]
fn the_cosmological_years_are_reported_one_by_one() {
    let dir = templates_dir();
    let text = std::fs::read_to_string(dir.join("cosmo.json")).expect("cosmo.json");
    let v = validate(&text);
    let errors: Vec<String> = v.errors().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 5, "{errors:#?}");
    assert!(errors[0].starts_with("events[0].start_date.year: year -13800000000 is beyond the years the timeline can show (-999999 to 999999); the event is left out (event \"The Big Bang\") (line "), "{}", errors[0]);
    assert_eq!(v.document.map(|d| d.events.len()), Some(2));
}

#[test]
fn the_list_renders_their_html_as_elements_and_no_script() {
    for Read { name, doc, .. } in read_all() {
        let doc = Rc::new(doc);
        let indices = (0..doc.events.len() as u32).collect();
        let html = render::<EventList>(EventListProps {
            document: doc.clone(),
            indices,
            locale: &locale::EN,
            selected: None,
        });
        assert_eq!(
            html.matches("data-event-id=").count(),
            doc.events.len(),
            "{name}"
        );
        for bad in [
            "<script",
            "<iframe",
            "<style",
            "javascript:",
            "onclick",
            "onerror",
            "&lt;p&gt;",
            "&lt;a ",
            "&lt;br",
        ] {
            assert!(
                !html.to_lowercase().contains(bad),
                "{name}: {bad} in the list"
            );
        }
        // Nothing about sources: TimelineJS3 has none.
        assert!(
            !html.contains("tl-sources"),
            "{name}: a sources heading or list"
        );
        // Their links are links, opened safely.
        let links = html.matches("<a ").count();
        let safe = html.matches("rel=\"noopener noreferrer\"").count();
        assert_eq!(links, safe, "{name}");
        assert_eq!(
            safe,
            html.matches("referrerpolicy=\"strict-origin-when-cross-origin\"")
                .count(),
            "{name}"
        );
    }
    // The Whitney Houston timeline's first event: its paragraph as a paragraph.
    let houston = read_all()
        .into_iter()
        .find(|r| r.name == "houston-timeline3.json")
        .expect("houston");
    let doc = Rc::new(houston.doc);
    let html = render::<EventList>(EventListProps {
        document: doc.clone(),
        indices: Rc::from([0u32]),
        locale: &locale::EN,
        selected: None,
    });
    assert!(
        html.contains("<div class=\"tl-card-summary\"><p>Born in New Jersey on August 9th, 1963"),
        "{html}"
    );
}

#[test]
fn the_widget_shows_a_timelinejs3_file() {
    let text =
        std::fs::read_to_string(examples_dir().join("houston-timeline3.json")).expect("houston");
    let html = render::<Timeline>(TimelineProps::from_validated(validate(&text)));
    // The title with its line break as an element, no made-up update date.
    assert!(
        html.contains("<h1 class=\"tl-title\">Whitney Houston<br> 1963 - 2012</h1>"),
        "{}",
        &html[..html.len().min(2000)]
    );
    assert!(!html.contains("Last updated"));
    assert!(
        html.contains("<div class=\"tl-description\"><p>Houston&#x27;s voice")
            || html.contains("<div class=\"tl-description\"><p>Houston's voice"),
        "description"
    );
}

/// Hostile markup in a TimelineJS3 file, through the whole widget with the event's details
/// open: only the safe subset arrives, as elements; the details say nothing of sources.
#[test]
fn hostile_markup_never_reaches_the_page() {
    let text = r#"{"title": {"text": {"headline": "<img src=x onerror=alert(1)>Hostile", "text": "<script>alert('d')</script><p>Desc</p>"}},
        "events": [{"unique_id": "x", "start_date": {"year": "2020", "month": "1", "day": "8"}, "display_date": "<b>Night</b> of 8 January",
            "text": {"headline": "<a href='javascript:alert(1)'>Click</a> <em>me</em>",
                     "text": "<p onmouseover='alert(2)'>Hello <a href='https://ok.example/' onclick='alert(3)'>link</a> <a href='data:text/html,x'>data</a></p><style>*{display:none}</style><iframe src='https://evil.example'></iframe><ul><li>one</li><li>two</li></ul>"}}]}"#;
    let mut props = TimelineProps::from_validated(validate(text));
    props.options.initial_event = Some("x".into());
    let html = render::<Timeline>(props);
    let lower = html.to_lowercase();
    for bad in [
        "alert(",
        "<script",
        "<style",
        "<iframe",
        "<img",
        "onerror",
        "onmouseover",
        "onclick",
        "javascript:",
        "data:text",
        "display:none",
    ] {
        assert!(
            !lower.contains(bad),
            "{bad} reached the page: {}",
            &html[lower.find(bad).unwrap_or(0).saturating_sub(300)..]
        );
    }
    let details = &html[html.find("class=\"tl-details\"").expect("details open")..];
    assert!(details.contains("<em>me</em>"), "{details}");
    assert!(details.contains("<a href=\"https://ok.example/\" target=\"_blank\" rel=\"noopener noreferrer\" referrerpolicy=\"strict-origin-when-cross-origin\">link</a>"), "{details}");
    assert!(
        details.contains("<ul><li><p>one</p></li><li><p>two</p></li></ul>"),
        "{details}"
    );
    assert!(
        details.contains("Night of 8 January"),
        "the date as the data shows it"
    );
    assert!(
        !details.contains("tl-sources") && !details.contains("Source"),
        "nothing about sources"
    );
}

/// TimelineJS3's own template of every media type it knows: each event arrives with the
/// media we can show, what we cannot embed as a link to it, and a warning for what is lost.
#[test]
fn its_media_template_maps_every_kind() {
    use timeline::model::media::MediaKind;
    let path = templates_dir().join("all-media-types.json");
    let text = std::fs::read_to_string(&path).expect("all-media-types.json");
    let json: Value = serde_json::from_str(&text).expect("JSON");
    let validated = validate(&text);
    assert_eq!(validated.errors().count(), 0, "{:?}", validated.problems);
    let doc = validated.document.expect("a document");
    let slides = json["events"].as_array().expect("events");
    assert_eq!(doc.events.len(), slides.len());
    // The media of the event from each slide, by the slide's url (ids are generated).
    let kind_of = |url_part: &str| -> Option<MediaKind> {
        let slide = slides
            .iter()
            .position(|s| {
                s["media"]["url"]
                    .as_str()
                    .is_some_and(|u| u.contains(url_part))
            })
            .unwrap_or_else(|| panic!("no slide with {url_part}"));
        let headline = slides[slide]["text"]["headline"].as_str().unwrap_or("");
        let event = doc
            .events
            .iter()
            .find(|e| e.title.get("en") == timeline::model::rich::plain_line(headline))
            .unwrap_or_else(|| panic!("no event {headline:?}"));
        event.media.as_ref().map(|m| m.kind.clone())
    };
    let cases: &[(&str, Option<MediaKind>)] = &[
        (
            "m.youtube.com/watch?v=pi2v1m6gmD8",
            Some(MediaKind::YouTube("pi2v1m6gmD8".into())),
        ),
        (
            "vimeo.com/20839673",
            Some(MediaKind::Vimeo {
                id: "20839673".into(),
                hash: None,
            }),
        ),
        (
            "soundcite.knightlab.com/media/bach-cello-suite.mp3",
            Some(MediaKind::Audio),
        ),
        (
            "uploads.knightlab.com/escalator.mp4",
            Some(MediaKind::Video),
        ),
        ("file_example_WEBM_480_900KB.webm", Some(MediaKind::Video)),
        (
            "media.giphy.com/media/Bzxeif0cR11ny/giphy.gif",
            Some(MediaKind::Image),
        ),
        ("banana_PNG851.png", Some(MediaKind::Image)),
        ("IMG_7898.JPG", Some(MediaKind::Image)),
        // Pages, posts, maps, documents: links.
        ("twitter.com/yayitsrob", Some(MediaKind::Link)),
        ("bsky.app/profile/weratedogs.com", Some(MediaKind::Link)),
        ("google.com/maps/@42.032147", Some(MediaKind::Link)),
        (
            "en.wikipedia.org/wiki/Mechanical_Turk",
            Some(MediaKind::Link),
        ),
        ("dummy.pdf", Some(MediaKind::Link)),
        ("imgur.com/gallery/NRpFrrk", Some(MediaKind::Link)),
        // A Wikimedia Commons file page ends in .jpg but is a page: a link, not an image.
        (
            "commons.wikimedia.org/wiki/File:Beryl",
            Some(MediaKind::Link),
        ),
        // An embed code: the address in it.
        ("<blockquote class=\"twitter-tweet\"", Some(MediaKind::Link)),
        (
            "<iframe src='https://cdn.knightlab.com",
            Some(MediaKind::Link),
        ),
        // A quotation with no address: nothing to show (a warning).
        ("<blockquote>This is a block quote.", None),
    ];
    for (url, kind) in cases {
        assert_eq!(&kind_of(url), kind, "{url}");
    }
    let warnings: Vec<String> = validated
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect();
    // The embed codes are each said; a link we made from a page URL is not (nothing lost).
    let html = warnings
        .iter()
        .filter(|w| w.contains("media.url is HTML (an embed code)"))
        .count();
    assert_eq!(html, 2, "{warnings:#?}");
    assert!(
        warnings.iter().any(|w| w.contains(
            "media.url \"<blockquote>This is a block quote.</blockquote>\" is not an http(s) URL"
        )),
        "{warnings:#?}"
    );
    assert!(!warnings.iter().any(|w| w.contains("twitter.com/yayitsrob")));
    // Its images have no alt text: each is said.
    let images = doc
        .events
        .iter()
        .filter(|e| e.media.as_ref().is_some_and(|m| m.kind == MediaKind::Image))
        .count();
    let no_alt = warnings
        .iter()
        .filter(|w| w.contains("the image has no alt text"))
        .count();
    assert!(
        images >= 3 && no_alt == images,
        "{images} images, {no_alt} warnings"
    );
}
