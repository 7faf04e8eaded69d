//! Folding text for search, so that what a reader types matches what the data says:
//! case-insensitive, accent-insensitive (`montreal` finds `Montréal`, `etats` finds
//! `États`), ligatures spelt out (`oe` finds `œ`), and for Persian the Arabic letter
//! variants (ي/ی, ك/ک), diacritics, tatweel and the zero-width non-joiner ignored and
//! Persian or Arabic-Indic digits read as Latin ones.
//!
//! Hand-written tables instead of a Unicode normalisation crate: they cover the Latin
//! letters of French, the other Western and Central European languages and Persian, and
//! cost a few hundred bytes of WASM rather than tens of kilobytes.

/// Base letters of U+00E0..=U+00FF after lower-casing (`*` marks "keep as is").
const LATIN1_LOWER: &[u8; 32] = b"aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";

/// Base letters of U+0100..=U+017F (Latin Extended-A); `1` stands for "ij", `2` for "oe".
const LATIN_EXT_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii11jjkkkllllllllllnnnnnnnnnoooooo22rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Appends the folded form of one character to `out`.
fn push_folded(c: char, out: &mut String) {
    let code = u32::from(c);
    match code {
        // Combining diacritical marks (decomposed accents), Arabic harakat and superscript
        // alef, tatweel, zero-width non-joiner and joiner: ignored.
        0x0300..=0x036F | 0x064B..=0x065F | 0x0670 | 0x0640 | 0x200C | 0x200D => {}
        0x00E6 => out.push_str("ae"),
        0x00DF => out.push_str("ss"),
        0x00FE => out.push_str("th"),
        0x00E0..=0x00FF => match LATIN1_LOWER[(code - 0xE0) as usize] {
            b'*' => out.push(c),
            base => out.push(char::from(base)),
        },
        0x0100..=0x017F => match LATIN_EXT_A[(code - 0x100) as usize] {
            b'1' => out.push_str("ij"),
            b'2' => out.push_str("oe"),
            base => out.push(char::from(base)),
        },
        // Arabic yeh and alef maksura → Persian yeh; Arabic kaf → Persian keheh.
        0x064A | 0x0649 => out.push('\u{06CC}'),
        0x0643 => out.push('\u{06A9}'),
        // Arabic-Indic and Persian digits → ASCII digits.
        0x0660..=0x0669 => out.push(char::from(b'0' + (code - 0x0660) as u8)),
        0x06F0..=0x06F9 => out.push(char::from(b'0' + (code - 0x06F0) as u8)),
        // Typographic apostrophes and dashes match their plain forms.
        0x2018 | 0x2019 | 0x02BC => out.push('\''),
        0x2010..=0x2015 => out.push('-'),
        _ => out.push(c),
    }
}

/// The search form of `text`: lower-cased, without accents, variants unified.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match u32::from(c) {
            0..=0x7F => out.push(c.to_ascii_lowercase()),
            // Latin-1 capitals are their small letter less 0x20 (× is not a letter).
            0xC0..=0xDE if c != '×' => {
                push_folded(char::from_u32(u32::from(c) + 0x20).unwrap_or(c), &mut out)
            }
            // The Latin Extended-A table folds capitals and small letters alike; the
            // Arabic block, combining marks and general punctuation have no case.
            0x0100..=0x017F | 0x0300..=0x036F | 0x0600..=0x06FF | 0x2000..=0x206F => {
                push_folded(c, &mut out)
            }
            _ => push_lowercase(c, &mut out, push_folded),
        }
    }
    out
}

/// `text` lower-cased character by character (as `char::to_lowercase` does it, so a final
/// capital sigma becomes σ, not ς).
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            push_lowercase(c, &mut out, |l, out| out.push(l));
        }
    }
    out
}

/// Passes the lower-case form of `c` (one or more characters) to `push`.
///
/// In the WASM build JavaScript's `toLowerCase` does it: on a single character it applies
/// the same Unicode mappings as `char::to_lowercase`, whose table (~12 KB) would otherwise
/// be part of the download. The callers handle ASCII, and [`fold`] the Latin and Persian
/// letters, themselves, so this runs only for other scripts. Natively Rust does it.
fn push_lowercase(c: char, out: &mut String, push: fn(char, &mut String)) {
    #[cfg(target_arch = "wasm32")]
    {
        let mut buf = [0u8; 4];
        let one = js_sys::JsString::from(&*c.encode_utf8(&mut buf));
        for lower in String::from(one.to_lower_case()).chars() {
            push(lower, out);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    for lower in c.to_lowercase() {
        push(lower, out);
    }
}

/// A search query, folded once and split into words; an event matches when its text
/// contains every word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Query {
        Query {
            words: fold(text).split_whitespace().map(str::to_owned).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word occurs in `folded_haystack` (already passed through [`fold`]).
    pub fn matches(&self, folded_haystack: &str) -> bool {
        self.words
            .iter()
            .all(|w| folded_haystack.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_table() {
        let cases = [
            ("Montréal", "montreal"),
            ("ÉTATS-UNIS", "etats-unis"),
            ("Mélanie Joly", "melanie joly"),
            ("Stéphane Dion", "stephane dion"),
            ("Œuvre", "oeuvre"),
            ("cœur", "coeur"),
            ("Straße", "strasse"),
            ("Łódź", "lodz"),
            ("Ångström", "angstrom"),
            ("Crème brûlée", "creme brulee"),
            ("e\u{0301}te\u{0301}", "ete"),
            ("l’ambassade", "l'ambassade"),
            ("Canada–Iran", "canada-iran"),
            ("IJssel", "ijssel"),
            ("×÷", "×÷"),
            // Persian: Arabic yeh and kaf, diacritics, ZWNJ, digits.
            ("كانادا", "کانادا"),
            ("ايران", "ایران"),
            ("مي\u{200C}خواهم", "میخواهم"),
            ("۱۳۹۱", "1391"),
            ("٢٠٢٠", "2020"),
            ("مُحَمَّد", "محمد"),
        ];
        for (input, folded) in cases {
            assert_eq!(fold(input), folded, "{input}");
        }
    }

    /// The shortcuts in `fold` give what lower-casing every character first gives.
    #[test]
    fn fold_agrees_with_lowercasing_first() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut expected = String::new();
            for lower in c.to_lowercase() {
                if lower.is_ascii() {
                    expected.push(lower);
                } else {
                    push_folded(lower, &mut expected);
                }
            }
            assert_eq!(fold(&c.to_string()), expected, "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn lowercase_is_per_character() {
        assert_eq!(lowercase("TiTLE Été ΟΔΟΣ İ"), "title été οδοσ i\u{307}");
        assert_eq!(
            lowercase("ΟΔΟΣ"),
            "ΟΔΟΣ"
                .chars()
                .flat_map(char::to_lowercase)
                .collect::<String>()
        );
    }

    #[test]
    fn every_latin_letter_folds_to_ascii() {
        for code in 0x00C0u32..=0x017F {
            let c = char::from_u32(code).unwrap();
            if c == '×' || c == '÷' {
                continue;
            }
            let folded = fold(&c.to_string());
            assert!(
                folded.chars().all(|f| f.is_ascii_lowercase()),
                "{c} (U+{code:04X}) folded to {folded:?}"
            );
        }
    }

    #[test]
    fn queries_need_every_word() {
        let haystack = fold("Canada ferme son ambassade à Téhéran");
        assert!(Query::new("TEHERAN ambassade").matches(&haystack));
        assert!(Query::new("  ambas  ").matches(&haystack));
        assert!(!Query::new("ambassade Ottawa").matches(&haystack));
        assert!(Query::new("").matches(&haystack));
        assert!(Query::new(" \t ").is_empty());
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn folding_is_idempotent(s in "\\PC{0,40}") {
                let once = fold(&s);
                prop_assert_eq!(fold(&once), once.clone());
            }

            #[test]
            fn a_text_always_matches_its_own_words(s in "[\\p{L}\\p{N} ]{0,40}") {
                prop_assert!(Query::new(&s).matches(&fold(&s)));
            }
        }
    }
}
