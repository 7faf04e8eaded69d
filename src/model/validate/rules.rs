//! The format's rules on single strings: language codes, category ids, colours, URLs
//! (the rule lives in [`crate::model::media`], which both readers share), forbidden
//! characters, and the "did you mean" suggestion for a misspelt field.

use super::fields::FieldSpec;

/// Optimal-string-alignment distance (adjacent transpositions count once), for "did you mean".
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // One flat table (row `i` at `i * w`): a `Vec` of rows costs more WASM.
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (i, cell) in d.iter_mut().step_by(w).enumerate() {
        *cell = i;
    }
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// The known field a misspelt one probably meant: within 2 edits, and fewer edits than
/// the known name has characters (so "x" does not suggest "id").
pub(super) fn suggestion(unknown: &str, spec: &[FieldSpec]) -> Option<&'static str> {
    if unknown.chars().count() > 40 {
        return None;
    }
    // Per character (not `str::to_lowercase`): it only differs for a final sigma, which is
    // not ASCII either way, so no distance to a field name changes.
    let unknown = crate::model::text::lowercase(unknown);
    spec.iter()
        .map(|f| (edit_distance(&unknown, f.name), f.name))
        .filter(|&(d, name)| d <= 2 && d < name.len())
        .min_by_key(|&(d, _)| d)
        .map(|(_, name)| name)
}

/// A BCP 47 tag as the format takes it: `en`, `fr`, `fr-CA`, `zh-Hant-TW`.
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

pub(super) fn is_category_id(id: &str) -> bool {
    let ok = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    match id.as_bytes().split_first() {
        Some((&first, rest)) => ok(first) && rest.iter().all(|&b| ok(b) || b == b'_' || b == b'-'),
        None => false,
    }
}

pub(super) fn is_colour(s: &str) -> bool {
    match s.strip_prefix('#') {
        Some(hex) => {
            (hex.len() == 3 || hex.len() == 6) && hex.bytes().all(|b| b.is_ascii_hexdigit())
        }
        None => false,
    }
}

pub use crate::model::media::url_problem;

/// The first character of `s` that text may not contain: controls other than \n and \t.
pub(super) fn forbidden_char(s: &str) -> Option<char> {
    // Fast path: C0 controls and DEL are single bytes, C1 controls start with 0xC2.
    if !s.bytes().any(|b| b < 0x20 || b == 0x7f || b == 0xc2) {
        return None;
    }
    s.chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
}
