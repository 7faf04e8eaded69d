//! The checker: collects problems as it walks the parsed JSON, and checks the values that
//! every object shares (an object, an array, a string, a text, a date, a boolean, the
//! fields of an object against its spec). `objects.rs` builds the format's objects on it.

use std::collections::HashMap;

use super::fields::{FieldSpec, Fields, MAX_FIELDS, MAX_LANGUAGE_CODE_LEN, MAX_TRANSLATIONS};
use super::rules::{forbidden_char, is_language_code, suggestion};
use crate::model::date::Date;
use crate::model::format::{Text, DEFAULT_LANG, MAX_IMPORTANCE, MIN_IMPORTANCE};
use crate::model::json::{Kind, Member, Value};
use crate::model::paths::{quote, Path};
use crate::model::problem::{RawProblem, Severity};
use crate::model::rich::Rich;

/// Strings seen so far, each with a number (an index, or an offset). Every map in the
/// validator has this one type, so the WASM holds one copy of the hash map's code.
pub(super) type Seen<'v> = HashMap<&'v str, usize>;

pub(super) struct Checker<'t> {
    /// The source, to quote numbers as they were written.
    pub(super) text: &'t str,
    pub(super) problems: Vec<RawProblem>,
    pub(super) errors: usize,
    /// An event may have no sources and no summary (spreadsheets): the reader of such
    /// data warns instead, naming the cell.
    pub(super) sources_optional: bool,
    /// The document's `lang`: a text in it needs no English translation.
    pub(super) lang: Option<String>,
    /// A text may be `{"html": …}`, markup read as [`Rich::blocks`]: only in the converter
    /// module's envelope (`converted.rs`), never in our format.
    pub(super) markup: bool,
}

impl Checker<'_> {
    pub(super) fn report(
        &mut self,
        severity: Severity,
        path: &Path,
        offset: usize,
        message: String,
    ) {
        if severity == Severity::Error {
            self.errors += 1;
        }
        self.problems.push(RawProblem {
            offset,
            severity,
            path: path.render(),
            message,
        });
    }

    pub(super) fn error(&mut self, path: &Path, offset: usize, message: String) {
        self.report(Severity::Error, path, offset, message);
    }

    pub(super) fn warning(&mut self, path: &Path, offset: usize, message: String) {
        self.report(Severity::Warning, path, offset, message);
    }

    pub(super) fn wrong_type(&mut self, path: &Path, value: &Value, expected: &str) {
        let message = format!("expected {expected}, found {}", value.kind.type_name());
        self.error(path, value.offset, message);
    }

    pub(super) fn object<'v>(
        &mut self,
        value: &'v Value<'v>,
        path: &Path,
    ) -> Option<&'v [Member<'v>]> {
        match &value.kind {
            Kind::Object(members) => Some(members),
            _ => {
                self.wrong_type(path, value, "an object");
                None
            }
        }
    }

    pub(super) fn array<'v>(
        &mut self,
        value: &'v Value<'v>,
        path: &Path,
    ) -> Option<&'v [Value<'v>]> {
        match &value.kind {
            Kind::Array(items) => Some(items),
            _ => {
                self.wrong_type(path, value, "an array");
                None
            }
        }
    }

    pub(super) fn string<'v>(&mut self, value: &'v Value<'v>, path: &Path) -> Option<&'v str> {
        match &value.kind {
            Kind::String(s) => Some(s),
            _ => {
                self.wrong_type(path, value, "a string");
                None
            }
        }
    }

    /// The document's `lang`: a language code. Anything else is ignored, with a warning
    /// (the texts then need their English translation again).
    pub(super) fn language(&mut self, value: &Value, path: &Path) -> Option<String> {
        let code = self.string(value, path)?;
        if code.chars().count() <= MAX_LANGUAGE_CODE_LEN && is_language_code(code) {
            return Some(code.to_owned());
        }
        self.warning(
            path,
            value.offset,
            format!(
                "{} is not a language code (expected a code such as \"en\", \"fr\" or \"fr-CA\"): it is ignored",
                quote(code)
            ),
        );
        None
    }

    /// Sorts an object's members into the spec's fields: unknown fields are warnings,
    /// repeated ones and missing required ones are errors.
    pub(super) fn fields<'v>(
        &mut self,
        object: &'v Value<'v>,
        members: &'v [Member<'v>],
        path: &Path,
        spec: &'static [FieldSpec],
    ) -> Fields<'v> {
        let mut fields = Fields {
            spec,
            values: [None; MAX_FIELDS],
        };
        // Unknown keys seen, with their offsets.
        let mut unknown: Option<Seen> = None;
        for member in members {
            let key: &str = &member.key;
            let known = spec.iter().position(|f| f.name == key);
            let repeated = match known.and_then(|i| fields.values.get_mut(i)) {
                Some(slot @ None) => {
                    *slot = Some(&member.value);
                    false
                }
                Some(Some(_)) => true,
                None => unknown
                    .get_or_insert_with(Seen::new)
                    .insert(key, member.key_offset)
                    .is_some(),
            };
            if repeated {
                self.error(
                    &path.key(key),
                    member.key_offset,
                    format!(
                        "duplicate field {} (a field may appear only once)",
                        quote(key)
                    ),
                );
            } else if known.is_none() {
                let hint = match suggestion(key, spec) {
                    Some(name) => format!("; did you mean \"{name}\"?"),
                    None => String::new(),
                };
                self.warning(
                    &path.key(key),
                    member.key_offset,
                    format!("unknown field {} (ignored){hint}", quote(key)),
                );
            }
        }
        for (field, value) in spec.iter().zip(fields.values) {
            let optional = self.sources_optional && field.name == "sources";
            if field.required && value.is_none() && !optional {
                self.error(
                    path,
                    object.offset,
                    format!("missing required field \"{}\"", field.name),
                );
            }
        }
        fields
    }

    /// A one-line or multi-line text: not blank, no control characters but \n and \t.
    /// `what` names it in messages, with the language of a translation if there is one.
    pub(super) fn check_text_string(
        &mut self,
        s: &str,
        value: &Value,
        path: &Path,
        (what, lang): (&str, Option<&str>),
    ) -> bool {
        let what = || match lang {
            Some(lang) => format!("{what} ({lang})"),
            None => what.to_owned(),
        };
        if let Some(c) = forbidden_char(s) {
            self.error(
                path,
                value.offset,
                format!(
                    "{} contains the control character U+{:04X}; only line breaks (\\n) and tabs (\\t) are allowed",
                    what(),
                    u32::from(c)
                ),
            );
            false
        } else if s.trim().is_empty() {
            self.error(path, value.offset, format!("{} is empty", what()));
            false
        } else {
            true
        }
    }

    /// A plain string field such as a publisher or a tag.
    pub(super) fn plain(&mut self, value: &Value, path: &Path, what: &str) -> Option<String> {
        let Kind::String(s) = &value.kind else {
            self.wrong_type(path, value, "a string");
            return None;
        };
        self.check_text_string(s, value, path, (what, None))
            .then(|| s.to_string())
    }

    /// A [`Text`]: a string, or an object of translations keyed by language code.
    pub(super) fn text(&mut self, value: &Value, path: &Path, what: &str) -> Option<Text> {
        match &value.kind {
            Kind::String(s) => self
                .check_text_string(s, value, path, (what, None))
                .then(|| Text::Plain(s.to_string())),
            Kind::Object(members) if self.markup => match members.as_slice() {
                [m] if m.key == "html" => match &m.value.kind {
                    Kind::String(html) => Some(Text::Rich(Rich::blocks(html))),
                    _ => None,
                },
                _ => self.translations(members, value, path, what),
            },
            Kind::Object(members) => self.translations(members, value, path, what),
            _ => {
                self.wrong_type(path, value, "a string or an object of translations");
                None
            }
        }
    }

    /// A [`Text`]'s object of translations. Only the first [`MAX_TRANSLATIONS`] are read
    /// and a code longer than [`MAX_LANGUAGE_CODE_LEN`] is skipped, each with a warning: so a
    /// text costs bounded work and memory whatever it holds, and the rest of it is still used.
    fn translations(
        &mut self,
        members: &[Member],
        value: &Value,
        path: &Path,
        what: &str,
    ) -> Option<Text> {
        let errors = self.errors;
        // In document order; a refused translation is kept too, to catch a repeat (with any
        // error the text is thrown away). At most MAX_TRANSLATIONS, so a search is cheap.
        let mut read: Vec<(String, String)> = Vec::new();
        for (i, member) in members.iter().enumerate() {
            let lang: &str = &member.key;
            let lang_path = path.key(lang);
            if i == MAX_TRANSLATIONS {
                self.warning(
                    &lang_path,
                    member.key_offset,
                    format!(
                        "{what} has {} translations; only the first {MAX_TRANSLATIONS} are read, and the other {} (from this one on) are ignored",
                        members.len(),
                        members.len() - i
                    ),
                );
                break;
            }
            let chars = lang.chars().count();
            if chars > MAX_LANGUAGE_CODE_LEN {
                self.warning(
                    &lang_path,
                    member.key_offset,
                    format!(
                        "language code {} is {chars} characters long; at most {MAX_LANGUAGE_CODE_LEN} are allowed (this translation is ignored)",
                        quote(lang)
                    ),
                );
                continue;
            }
            if read.iter().any(|(code, _)| code == lang) {
                self.error(
                    &lang_path,
                    member.key_offset,
                    format!(
                        "duplicate language {} (a field may appear only once)",
                        quote(lang)
                    ),
                );
                continue;
            }
            if !is_language_code(lang) {
                self.error(
                    &lang_path,
                    member.key_offset,
                    format!(
                        "{} is not a language code (expected a code such as \"en\", \"fr\" or \"fr-CA\")",
                        quote(lang)
                    ),
                );
            }
            let Kind::String(s) = &member.value.kind else {
                self.wrong_type(&lang_path, &member.value, "a string");
                read.push((lang.to_owned(), String::new()));
                continue;
            };
            self.check_text_string(s, &member.value, &lang_path, (what, Some(lang)));
            read.push((lang.to_owned(), s.to_string()));
        }
        if members.is_empty() {
            self.error(path, value.offset, format!("{what} is empty"));
        } else if read.is_empty() {
            self.error(
                path,
                value.offset,
                format!("{what} is empty: every translation in it is ignored"),
            );
        } else if !read
            .iter()
            .any(|(code, _)| code == DEFAULT_LANG || Some(code) == self.lang.as_ref())
        {
            self.warning(
                path,
                value.offset,
                format!(
                    "no \"{DEFAULT_LANG}\" translation: English is the fallback for readers of other languages"
                ),
            );
        }
        (self.errors == errors).then(|| Text::Translated(read.into_iter().collect()))
    }

    pub(super) fn date(&mut self, value: &Value, path: &Path) -> Option<Date> {
        let s = match &value.kind {
            Kind::String(s) => s,
            _ => {
                self.wrong_type(path, value, "a date string (YYYY, YYYY-MM or YYYY-MM-DD)");
                return None;
            }
        };
        match Date::parse(s) {
            Ok(date) => Some(date),
            Err(e) => {
                self.error(
                    path,
                    value.offset,
                    format!("{} is not a valid date: {e}", quote(s)),
                );
                None
            }
        }
    }

    pub(super) fn boolean(&mut self, value: &Value, path: &Path) -> Option<bool> {
        match value.kind {
            Kind::Bool(b) => Some(b),
            _ => {
                self.wrong_type(path, value, "a boolean (true or false)");
                None
            }
        }
    }

    pub(super) fn end_not_before(
        &mut self,
        start: Date,
        end: Date,
        end_value: &Value,
        path: &Path,
        start_name: &str,
    ) {
        if end.end_minute() <= start.start_minute() {
            self.error(
                path,
                end_value.offset,
                format!("end \"{end}\" is before the {start_name} \"{start}\""),
            );
        }
    }

    pub(super) fn importance(&mut self, value: &Value, path: &Path) -> Option<u8> {
        let Kind::Number(n) = value.kind else {
            self.wrong_type(path, value, "a number (1, 2 or 3)");
            return None;
        };
        let range = f64::from(MIN_IMPORTANCE)..=f64::from(MAX_IMPORTANCE);
        if n.integer && range.contains(&n.value) {
            return Some(n.value as u8);
        }
        let written = self.number_text(value);
        let message = if n.integer {
            format!("importance {written} is not between {MIN_IMPORTANCE} and {MAX_IMPORTANCE}")
        } else {
            format!(
                "importance must be a whole number from {MIN_IMPORTANCE} to {MAX_IMPORTANCE}, found {written}"
            )
        };
        self.error(path, value.offset, message);
        None
    }

    /// A number as it was written in the source.
    pub(super) fn number_text(&self, value: &Value) -> &str {
        let from = self.text.get(value.offset..).unwrap_or("");
        let end = from
            .find(|c: char| !matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E'))
            .unwrap_or(from.len());
        from.get(..end).unwrap_or("")
    }
}
