//! One language of a timeline, and the languages put back together: what lets the embed
//! send a reader only their language's texts (`make dist`'s `events.<lang>.json`, written
//! by `timeline convert --lang`) and fetch another language's when the reader switches.
//!
//! A file of one language is the timeline with each translated text cut down to that
//! language, where it has it (a text without it keeps every translation, so that the
//! reader sees what they would have seen in the whole file), and `lang` set. Files of one
//! timeline in different languages have the same events and texts in the same places, so
//! [`merge_texts`] adds one's translations to the other's, text by text.

use super::format::{Document, Text};

/// `doc` in language `lang` alone (see the module's documentation).
pub fn in_language(doc: &Document, lang: &str) -> Document {
    let mut out = doc.clone();
    out.lang = Some(lang.to_owned());
    each_text(&mut out, &mut |text| {
        if let Text::Translated(map) = text {
            if let Some(kept) = map.get(lang).map(str::to_owned) {
                *map = [(lang.to_owned(), kept)].into();
            }
        }
    });
    out
}

/// Adds the translations of `from` (another language of the same timeline) to `into`.
/// The two must have the same events (by id, in order), categories and eras, and texts
/// in the same places; otherwise `into` is left as it was and the error says what differs.
/// After it, `into` has no single language any more (`lang` is `None`) unless both had the
/// same one.
pub fn merge_texts(into: &mut Document, from: &Document) -> Result<(), String> {
    let same = |a: &Document, b: &Document| {
        a.events.len() == b.events.len()
            && a.events.iter().zip(&b.events).all(|(x, y)| x.id == y.id)
            && a.categories.len() == b.categories.len()
            && a.categories
                .iter()
                .zip(&b.categories)
                .all(|(x, y)| x.id == y.id)
            && a.eras.len() == b.eras.len()
    };
    if !same(into, from) {
        return Err("its events, categories or eras are not this timeline's".to_owned());
    }
    let mut theirs = Vec::new();
    each_text(&mut from.clone(), &mut |text| theirs.push(text.clone()));
    let mut ours = 0;
    each_text(&mut into.clone(), &mut |_| ours += 1);
    if ours != theirs.len() {
        return Err(format!(
            "it has {} texts where this timeline has {ours}",
            theirs.len()
        ));
    }
    let mut theirs = theirs.into_iter();
    each_text(into, &mut |text| {
        if let (Text::Translated(map), Some(Text::Translated(other))) = (text, theirs.next()) {
            for (lang, translation) in other.iter() {
                if map.get(lang).is_none() {
                    map.insert(lang.to_owned(), translation.to_owned());
                }
            }
        }
    });
    if into.lang != from.lang {
        into.lang = None;
    }
    Ok(())
}

/// Calls `f` on every text of `doc`, always in the same order.
fn each_text(doc: &mut Document, f: &mut dyn FnMut(&mut Text)) {
    let maybe = |text: &mut Option<Text>, f: &mut dyn FnMut(&mut Text)| {
        if let Some(text) = text {
            f(text);
        }
    };
    f(&mut doc.title);
    maybe(&mut doc.description, f);
    for category in &mut doc.categories {
        f(&mut category.label);
    }
    for era in &mut doc.eras {
        f(&mut era.label);
        maybe(&mut era.summary, f);
    }
    for event in &mut doc.events {
        maybe(&mut event.date_label, f);
        f(&mut event.title);
        f(&mut event.summary);
        for source in &mut event.sources {
            f(&mut source.title);
        }
        if let Some(media) = &mut event.media {
            maybe(&mut media.alt, f);
            maybe(&mut media.caption, f);
            maybe(&mut media.credit, f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::to_json;
    use crate::model::validate::validate;

    fn doc(json: &str) -> Document {
        let v = validate(json);
        assert!(v.problems.is_empty(), "{:?}", v.problems);
        v.document.expect("a document")
    }

    const EVENT: &str = r#""id": "a", "date": "2020", "category": "c", "summary": "S", "sources": [{"title": "S", "publisher": "P", "url": "https://example.org/"}]"#;

    fn timeline(title: &str, event_title: &str) -> String {
        format!(
            r##"{{"title": {title}, "updated": "2026", "categories": [{{"id": "c", "label": "C", "color": "#123"}}],
                "events": [{{{EVENT}, "title": {event_title}}}]}}"##
        )
    }

    #[test]
    fn one_language_keeps_its_texts_and_the_others_where_it_has_none() {
        // (the text, the language, what is kept)
        let cases = [
            (
                r#"{"en": "E", "fr": "F", "fa": "P"}"#,
                "fr",
                r#"{"fr":"F"}"#,
            ),
            (
                r#"{"en": "E", "fr": "F", "fa": "P"}"#,
                "en",
                r#"{"en":"E"}"#,
            ),
            (r#"{"en": "E", "fa": "P"}"#, "fr", r#"{"en":"E","fa":"P"}"#),
            (r#""Plain""#, "fa", r#""Plain""#),
        ];
        for (text, lang, kept) in cases {
            let full = doc(&timeline(text, text));
            let one = in_language(&full, lang);
            assert_eq!(one.lang.as_deref(), Some(lang));
            let expected = validate(&timeline(kept, kept))
                .document
                .expect("a document");
            assert_eq!(one.title, expected.title, "{text} in {lang}");
            assert_eq!(one.events[0].title, expected.title, "{text} in {lang}");
            let json = to_json(&one);
            // It reads back as it is, with no problem: no English needed in its language.
            let back = validate(&json);
            assert!(
                back.problems.is_empty(),
                "{text} in {lang}: {:?}",
                back.problems
            );
            assert_eq!(back.document.as_ref(), Some(&one), "{text} in {lang}");
        }
    }

    #[test]
    fn a_bad_lang_is_a_warning_and_the_english_is_asked_for_again() {
        let json =
            timeline(r#"{"fr": "F"}"#, r#"{"fr": "F"}"#).replacen('{', r#"{"lang": "French", "#, 1);
        let v = validate(&json);
        let messages: Vec<&str> = v.problems.iter().map(|p| p.message.as_str()).collect();
        assert!(
            messages[0].starts_with("\"French\" is not a language code"),
            "{messages:?}"
        );
        assert_eq!(
            messages
                .iter()
                .filter(|m| m.starts_with("no \"en\" translation"))
                .count(),
            2,
            "{messages:?}"
        );
        assert_eq!(v.document.and_then(|d| d.lang), None);
        // A text without the document's language still wants its English.
        let json =
            timeline(r#"{"fr": "F"}"#, r#"{"fa": "P"}"#).replacen('{', r#"{"lang": "fr", "#, 1);
        let messages: Vec<String> = validate(&json)
            .problems
            .into_iter()
            .map(|p| p.message)
            .collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].starts_with("no \"en\" translation"),
            "{messages:?}"
        );
    }

    #[test]
    fn the_languages_of_the_bundled_data_put_back_together_are_the_whole() {
        let whole = crate::data::bundled().document.expect("bundled data");
        let mut merged = in_language(&whole, "fr");
        for lang in ["fa", "en"] {
            let one = in_language(&whole, lang);
            assert!(to_json(&one).len() < to_json(&whole).len(), "{lang}");
            let back = validate(&to_json(&one));
            assert!(back.problems.is_empty(), "{lang}: {:?}", back.problems);
            merge_texts(&mut merged, &back.document.expect("a document"))
                .expect("the same timeline");
        }
        assert_eq!(merged, whole);
        // Merging again changes nothing.
        let again = merged.clone();
        merge_texts(&mut merged, &in_language(&whole, "fa")).unwrap();
        assert_eq!(merged, again);
    }

    #[test]
    fn another_timeline_is_refused_and_nothing_changes() {
        let whole = crate::data::bundled().document.expect("bundled data");
        let fr = in_language(&whole, "fr");
        let mut fewer = in_language(&whole, "fa");
        fewer.events.pop();
        let mut renamed = in_language(&whole, "fa");
        renamed.events[0].id.push('x');
        let mut no_caption = in_language(&whole, "fa");
        let with_media = no_caption
            .events
            .iter_mut()
            .find_map(|e| e.media.as_mut())
            .map(|m| m.alt.take().or(m.caption.take()));
        for (name, other, refused) in [
            ("an event fewer", fewer, true),
            ("another id", renamed, true),
            ("a text fewer", no_caption, with_media.flatten().is_some()),
        ] {
            let mut into = fr.clone();
            let result = merge_texts(&mut into, &other);
            assert_eq!(result.is_err(), refused, "{name}: {result:?}");
            if refused {
                assert_eq!(into, fr, "{name}");
            }
        }
    }
}
