//! Server-side rendering of the components: the markup a reader (or a screen reader, or a
//! search engine) gets, tested without a browser.

use timeline::data::bundled;
use timeline::model::validate::validate;
use timeline::ui::{Timeline, TimelineProps};
use yew::LocalServerRenderer;

fn render(props: TimelineProps) -> String {
    futures::executor::block_on(LocalServerRenderer::<Timeline>::with_props(props).render())
}

#[test]
fn the_page_lists_every_bundled_event() {
    let validated = bundled();
    let doc = validated.document.clone().expect("bundled data");
    let html = render(TimelineProps::from_validated(validated));
    assert!(html.contains("Canada–Iran relations"));
    assert!(html.contains("Last updated"));
    assert!(html.contains(&doc.updated.format_en()));
    assert_eq!(html.matches("data-event-id=").count(), doc.events.len());
    for e in &doc.events {
        assert!(html.contains(&format!("data-event-id=\"{}\"", e.id)), "{}", e.id);
    }
    assert!(html.contains("7 September 2012"));
    assert!(html.contains("January 1980"));
    assert!(!html.contains("role=\"alert\""), "no problems shown for valid data");
}

#[test]
fn source_links_open_safely_in_a_new_tab() {
    let html = render(TimelineProps::from_validated(bundled()));
    let links = html.matches("<a ").count();
    assert!(links >= 30);
    assert_eq!(html.matches("rel=\"noopener noreferrer\"").count(), links);
    assert_eq!(html.matches("target=\"_blank\"").count(), links);
}

#[test]
fn french_is_used_when_asked_and_english_is_the_fallback() {
    let json = r##"{"title": {"en": "Relations", "fr": "Les relations"}, "updated": "2026-01-01",
      "categories": [{"id": "d", "label": {"en": "Diplomacy", "fr": "Diplomatie"}, "color": "#336699"}],
      "events": [
        {"id": "a", "date": "2012-09-07", "category": "d",
         "title": {"en": "Embassy closed", "fr": "Ambassade fermée"},
         "summary": {"en": "Only in English."},
         "sources": [{"title": "S", "publisher": "P", "url": "https://example.org/"}]}
      ]}"##;
    let mut props = TimelineProps::from_validated(validate(json));
    props.lang = "fr".into();
    let html = render(props);
    assert!(html.contains("Les relations"));
    assert!(html.contains("Ambassade fermée"));
    assert!(html.contains("Diplomatie"));
    // The summary falls back to English and says so with its lang attribute.
    assert!(html.contains("lang=\"en\""), "{html}");
    assert!(html.contains("Only in English."));
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
    let html = render(TimelineProps::from_validated(validate(json)));
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("events[1].date"));
    assert!(html.contains("events[1].category"));
    assert!(html.contains("events[1].sources[0].url"));
    assert!(html.contains("data-event-id=\"good\""));
    assert!(!html.contains("data-event-id=\"bad\""));
    assert!(!html.contains("href=\"javascript:"));
}

#[test]
fn unreadable_data_still_renders_the_error() {
    let html = render(TimelineProps::from_validated(validate("{ not json")));
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("line 1"));
    assert!(!html.contains("data-event-id"));
}

#[test]
fn data_text_is_escaped_never_markup() {
    let json = r##"{"title": "<img src=x onerror=alert(1)>", "updated": "2026-01-01",
      "categories": [{"id": "d", "label": "<b>D</b>", "color": "#336699"}],
      "events": [
        {"id": "x", "date": "2012-09-07", "category": "d", "title": "<script>window.pwned=1</script>",
         "summary": "\" onmouseover=\"alert(1)", "tags": ["<i>"],
         "sources": [{"title": "<a href=javascript:alert(1)>x</a>", "publisher": "P", "url": "https://example.org/?a=<b>"}]}
      ]}"##;
    let validated = validate(json);
    assert!(validated.document.is_some(), "{:?}", validated.problems);
    let html = render(TimelineProps::from_validated(validated));
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>"));
    assert!(!html.contains("<a href=javascript"));
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains("\" onmouseover=\"alert(1)"));
}
