//! Links into an article: the address fragment that names one widget on the page and one
//! of its events, so that a reader can send a friend to an event. Pure text in, text out;
//! the widget reads and builds addresses with it (`ui::share`), the embed names its
//! widgets with [`widget_key`], and the loader (`assets/embed.js`) follows the same rule.
//!
//! # The rule
//!
//! In an embed (the loader's `[data-timeline]` elements, or the package's `mount`), each
//! widget has a **key**:
//! - its host element's `id` attribute, if it has a non-empty one;
//! - else `timeline` for the first `[data-timeline]` element without an id in document
//!   order, `timeline-2` for the second, `timeline-3` for the third, and so on;
//! - else (`mount` on an element that is not `[data-timeline]` and has no id) `timeline`.
//!
//! The fragment is `#<key>/<event id, encodeURIComponent-encoded>`:
//! `https://news.example/a#timeline/ps752-2020`, `#canada-iran/ps752-2020`. An article's
//! own anchors (`#comments`) have no `/`, so they never clash, and neither do two widgets
//! on one page (their keys differ). On start, a widget whose key matches the fragment
//! selects that event and scrolls its host into view, and it follows later `hashchange`s
//! that name it. Without `data-hash-bookmark` an embed never writes the page's history
//! (its Copy link only builds the address); with it, it keeps the selection in the page's
//! URL as `#event=<id>`. The standalone page keeps `#event=<id>`, and its Copy link gives
//! that.

/// The key of a widget whose host has `id`, and is the `unnamed`-th (from 0) of the
/// page's `[data-timeline]` elements without an id (`None`: not such an element).
pub fn widget_key(id: Option<&str>, unnamed: Option<usize>) -> String {
    match (id.filter(|id| !id.is_empty()), unnamed) {
        (Some(id), _) => id.to_owned(),
        (None, Some(n)) if n > 0 => {
            let mut key = String::from("timeline-");
            key.push_str(&(n + 1).to_string());
            key
        }
        (None, _) => String::from("timeline"),
    }
}

/// The fragment naming event `id` of the widget `key`: `#<key>/<id, encoded>`.
pub fn fragment(key: &str, id: &str) -> String {
    let mut out = String::with_capacity(key.len() + id.len() + 2);
    out.push('#');
    out.push_str(key);
    out.push('/');
    encode_component(&mut out, id);
    out
}

/// The event that `hash` (`location.hash`, with its `#`) names in the widget `key`, if it
/// names one there.
pub fn event_in_fragment(hash: &str, key: &str) -> Option<String> {
    let encoded = hash
        .strip_prefix('#')?
        .strip_prefix(key)?
        .strip_prefix('/')?;
    if encoded.is_empty() {
        return None;
    }
    // A hand-written or mangled escape is taken as written.
    Some(decode_component(encoded).unwrap_or_else(|| encoded.to_owned()))
}

/// `s` as JavaScript's `encodeURIComponent` writes it: ASCII letters, digits and
/// `-_.!~*'()` as they are, every other byte of its UTF-8 as `%XX`.
pub fn encode_component(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// `s` with its `%XX` escapes decoded, as `decodeURIComponent`; `None` for a malformed
/// escape or bytes that are not UTF-8.
pub fn decode_component(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = |k: usize| char::from(*bytes.get(k)?).to_digit(16);
            let byte = hex(i + 1)? * 16 + hex(i + 2)?;
            out.push(byte as u8);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_widget_is_named_by_its_id_else_by_its_place() {
        let cases: &[(Option<&str>, Option<usize>, &str)] = &[
            (Some("canada-iran"), Some(0), "canada-iran"),
            (Some("canada-iran"), None, "canada-iran"),
            (Some(""), Some(0), "timeline"),
            (None, Some(0), "timeline"),
            (None, Some(1), "timeline-2"),
            (None, Some(9), "timeline-10"),
            (None, None, "timeline"),
            (Some(""), None, "timeline"),
        ];
        for &(id, unnamed, key) in cases {
            assert_eq!(widget_key(id, unnamed), key, "{id:?} {unnamed:?}");
        }
    }

    #[test]
    fn the_fragment_names_the_widget_and_the_event() {
        let cases = [
            ("timeline", "ps752-2020", "#timeline/ps752-2020"),
            ("canada-iran", "ps752-2020", "#canada-iran/ps752-2020"),
            ("timeline-2", "a/b c", "#timeline-2/a%2Fb%20c"),
            ("t", "2020-01-08T0614-0330", "#t/2020-01-08T0614-0330"),
            ("t", "کانادا", "#t/%DA%A9%D8%A7%D9%86%D8%A7%D8%AF%D8%A7"),
            ("t", "#?&=%", "#t/%23%3F%26%3D%25"),
        ];
        for (key, id, hash) in cases {
            assert_eq!(fragment(key, id), hash);
            assert_eq!(event_in_fragment(hash, key).as_deref(), Some(id), "{hash}");
        }
    }

    #[test]
    fn a_fragment_for_another_widget_or_an_anchor_names_nothing_here() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("#timeline/x", "timeline", Some("x")),
            ("#timeline-2/x", "timeline", None),
            ("#timeline/x", "timeline-2", None),
            ("#timeline", "timeline", None),
            ("#timeline/", "timeline", None),
            ("#comments", "timeline", None),
            ("#event=x", "timeline", None),
            ("", "timeline", None),
            ("timeline/x", "timeline", None),
            // A key with a slash in it still matches whole.
            ("#a/b/x", "a/b", Some("x")),
            ("#a/b/x", "a", Some("b/x")),
            // A broken escape is taken as written.
            ("#t/100%", "t", Some("100%")),
            ("#t/%FF", "t", Some("%FF")),
        ];
        for &(hash, key, id) in cases {
            assert_eq!(event_in_fragment(hash, key).as_deref(), id, "{hash} {key}");
        }
    }

    #[test]
    fn encoding_is_decoded_back_whatever_the_text() {
        let texts = ["", "plain", "a b/c?d#e&f=g%h", "é😀\u{0}\u{7f}", "سلام"];
        for text in texts {
            let mut encoded = String::new();
            encode_component(&mut encoded, text);
            assert!(encoded.bytes().all(|b| b.is_ascii_graphic()), "{encoded}");
            assert!(!encoded.contains(['/', '#']));
            assert_eq!(decode_component(&encoded).as_deref(), Some(text));
        }
    }
}
