//! TimelineJS3's JSON format read from the positioned JSON tree into a [`Timeline`]:
//! every value with its path and offset, wrong types reported, unknown fields kept as
//! [`Ignored`] so the mapping warns about each.

use super::{map, Ignored, Media, Part, Place, Slide, SlideDate, Timeline};
use crate::model::format::Document;
use crate::model::json::{Kind, Member, Value};
use crate::model::paths::{quote, Path};
use crate::model::problem::{RawProblem, Severity};

/// Whether `root` is TimelineJS3 data rather than ours: an object without our format's
/// required `updated` and `categories`, with `events` whose items have `start_date`
/// objects, or a `title` slide with `text` or `media`.
pub fn is_timelinejs(root: &Value) -> bool {
    let Kind::Object(members) = &root.kind else {
        return false;
    };
    let get = |name: &str| members.iter().find(|m| m.key == name).map(|m| &m.value);
    if get("updated").is_some() || get("categories").is_some() {
        return false;
    }
    let has = |value: &Value, key: &str, want_object: bool| match &value.kind {
        Kind::Object(fields) => fields
            .iter()
            .any(|f| f.key == key && (!want_object || matches!(f.value.kind, Kind::Object(_)))),
        _ => false,
    };
    let events = match get("events").map(|v| &v.kind) {
        Some(Kind::Array(items)) => items.iter().any(|e| has(e, "start_date", true)),
        _ => false,
    };
    let title = get("title").is_some_and(|t| has(t, "text", false) || has(t, "media", false));
    events || title
}

/// Reads TimelineJS3 JSON (`root` parsed from `text`) and maps it onto our format.
pub fn read_json(root: &Value, text: &str, reports: &mut Vec<RawProblem>) -> Option<Document> {
    let mut reader = Reader { text, reports };
    let timeline = reader.timeline(root);
    Some(map(&timeline, reader.reports))
}

struct Reader<'t, 'r> {
    text: &'t str,
    reports: &'r mut Vec<RawProblem>,
}

fn place(path: &Path, offset: usize) -> Place {
    Place {
        path: path.render(),
        offset,
    }
}

/// A value that says nothing: `null`, `""`, `false`, `[]`, or an object of such values.
fn is_blank(value: &Value) -> bool {
    match &value.kind {
        Kind::Null | Kind::Bool(false) => true,
        Kind::String(s) => s.trim().is_empty(),
        Kind::Array(items) => items.is_empty(),
        Kind::Object(members) => members.iter().all(|m| is_blank(&m.value)),
        _ => false,
    }
}

impl Reader<'_, '_> {
    fn error(&mut self, path: &Path, offset: usize, message: String) {
        self.reports.push(RawProblem {
            offset,
            severity: Severity::Error,
            path: path.render(),
            message,
        });
    }

    fn warning(&mut self, path: &Path, offset: usize, message: String) {
        self.reports.push(RawProblem {
            offset,
            severity: Severity::Warning,
            path: path.render(),
            message,
        });
    }

    /// The members of an object, reporting a repeated key (the first is used).
    fn members<'v>(&mut self, members: &'v [Member<'v>], path: &Path) -> Vec<&'v Member<'v>> {
        let mut seen: Vec<&'v Member<'v>> = Vec::with_capacity(members.len());
        for m in members {
            // Objects of this format have a dozen fields at most; a longer one is scanned
            // once per member, still bounded by the fields it could match.
            if seen.len() < 64 && seen.iter().any(|s| s.key == m.key) {
                self.warning(
                    &path.key(&m.key),
                    m.key_offset,
                    format!("duplicate field {} (the first one is used)", quote(&m.key)),
                );
                continue;
            }
            seen.push(m);
        }
        seen
    }

    /// A string or number as written; `null` is "not given"; anything else is an error.
    fn part(&mut self, value: &Value, path: &Path, ok: &mut bool) -> Option<Part> {
        let text = match &value.kind {
            Kind::Null => return None,
            Kind::String(s) => s.to_string(),
            Kind::Number(_) => self.number_text(value).to_owned(),
            other => {
                if !is_blank(value) {
                    self.error(
                        path,
                        value.offset,
                        format!("expected a string or a number, found {}", other.type_name()),
                    );
                    *ok = false;
                }
                return None;
            }
        };
        Some(Part {
            text,
            place: place(path, value.offset),
        })
    }

    fn number_text(&self, value: &Value) -> &str {
        let from = self.text.get(value.offset..).unwrap_or("");
        let end = from
            .find(|c: char| !matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E'))
            .unwrap_or(from.len());
        from.get(..end).unwrap_or("")
    }

    fn ignore(ignored: &mut Vec<Ignored>, value: &Value, path: &Path, field: String, known: bool) {
        if known && is_blank(value) {
            return;
        }
        ignored.push(Ignored {
            place: place(path, value.offset),
            field,
            known,
        });
    }

    fn timeline(&mut self, root: &Value) -> Timeline {
        let mut timeline = Timeline::default();
        let Kind::Object(members) = &root.kind else {
            return timeline;
        };
        let root_path = Path::Root;
        for m in self.members(members, &root_path) {
            let path = root_path.key(&m.key);
            match &*m.key {
                "title" => timeline.title = self.slide(&m.value, &path),
                "events" => {
                    timeline.events_place = place(&path, m.value.offset);
                    timeline.events = self.slides(&m.value, &path);
                }
                "eras" => timeline.eras = self.slides(&m.value, &path),
                "scale" => {
                    let mut ok = true;
                    timeline.scale = self.part(&m.value, &path, &mut ok);
                }
                key => Self::ignore(
                    &mut timeline.ignored,
                    &m.value,
                    &path,
                    key.to_owned(),
                    false,
                ),
            }
        }
        timeline
    }

    fn slides(&mut self, value: &Value, path: &Path) -> Vec<Slide> {
        match &value.kind {
            Kind::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    self.slide(item, &path.index(i)).unwrap_or_else(|| Slide {
                        place: place(&path.index(i), item.offset),
                        unusable: true,
                        ..Slide::default()
                    })
                })
                .collect(),
            Kind::Null => Vec::new(),
            other => {
                self.error(
                    path,
                    value.offset,
                    format!("expected an array, found {}", other.type_name()),
                );
                Vec::new()
            }
        }
    }

    /// A slide; `None` (reported) when it is not an object.
    fn slide(&mut self, value: &Value, path: &Path) -> Option<Slide> {
        let Kind::Object(members) = &value.kind else {
            self.error(
                path,
                value.offset,
                format!("expected an object, found {}", value.kind.type_name()),
            );
            return None;
        };
        let mut slide = Slide {
            place: place(path, value.offset),
            ..Slide::default()
        };
        let mut ok = true;
        for m in self.members(members, path) {
            let field_path = path.key(&m.key);
            let v = &m.value;
            match &*m.key {
                "start_date" => slide.start_date = self.date(v, &field_path, &mut slide, &mut ok),
                "end_date" => slide.end_date = self.date(v, &field_path, &mut slide, &mut ok),
                "text" => self.text(v, &field_path, &mut slide, &mut ok),
                "media" => slide.media = self.media(v, &field_path, &mut slide, &mut ok),
                "unique_id" => slide.unique_id = self.part(v, &field_path, &mut ok),
                "group" => slide.group = self.part(v, &field_path, &mut ok),
                "display_date" => slide.display_date = self.part(v, &field_path, &mut ok),
                "background" | "autolink" | "type" | "location" => {
                    Self::ignore(&mut slide.ignored, v, &field_path, m.key.to_string(), true)
                }
                key => Self::ignore(&mut slide.ignored, v, &field_path, key.to_owned(), false),
            }
        }
        slide.unusable = !ok;
        Some(slide)
    }

    fn object<'v>(
        &mut self,
        value: &'v Value<'v>,
        path: &Path,
        ok: &mut bool,
    ) -> Option<Vec<&'v Member<'v>>> {
        match &value.kind {
            Kind::Object(members) => Some(self.members(members, path)),
            Kind::Null => None,
            other => {
                if !is_blank(value) {
                    self.error(
                        path,
                        value.offset,
                        format!("expected an object, found {}", other.type_name()),
                    );
                    *ok = false;
                }
                None
            }
        }
    }

    fn date(
        &mut self,
        value: &Value,
        path: &Path,
        slide: &mut Slide,
        ok: &mut bool,
    ) -> Option<SlideDate> {
        let members = self.object(value, path, ok)?;
        let mut date = SlideDate {
            place: place(path, value.offset),
            ..SlideDate::default()
        };
        let name = match path {
            Path::Key(_, key) => *key,
            _ => "date",
        };
        for m in members {
            let p = path.key(&m.key);
            let v = &m.value;
            let slot = match &*m.key {
                "year" => &mut date.year,
                "month" => &mut date.month,
                "day" => &mut date.day,
                "hour" => &mut date.hour,
                "minute" => &mut date.minute,
                "second" => &mut date.second,
                "millisecond" => &mut date.millisecond,
                "display_date" => &mut date.display_date,
                "format" => {
                    Self::ignore(&mut slide.ignored, v, &p, format!("{name}.format"), true);
                    continue;
                }
                key => {
                    Self::ignore(&mut slide.ignored, v, &p, format!("{name}.{key}"), false);
                    continue;
                }
            };
            *slot = self.part(v, &p, ok);
        }
        Some(date)
    }

    fn text(&mut self, value: &Value, path: &Path, slide: &mut Slide, ok: &mut bool) {
        let Some(members) = self.object(value, path, ok) else {
            return;
        };
        for m in members {
            let p = path.key(&m.key);
            match &*m.key {
                "headline" => slide.headline = self.part(&m.value, &p, ok),
                "text" => slide.text = self.part(&m.value, &p, ok),
                key => Self::ignore(
                    &mut slide.ignored,
                    &m.value,
                    &p,
                    format!("text.{key}"),
                    false,
                ),
            }
        }
    }

    fn media(
        &mut self,
        value: &Value,
        path: &Path,
        slide: &mut Slide,
        ok: &mut bool,
    ) -> Option<Media> {
        let members = self.object(value, path, ok)?;
        let mut media = Media {
            place: place(path, value.offset),
            ..Media::default()
        };
        for m in members {
            let p = path.key(&m.key);
            let slot = match &*m.key {
                "url" => &mut media.url,
                "caption" => &mut media.caption,
                "credit" => &mut media.credit,
                "thumbnail" => &mut media.thumbnail,
                "alt" => &mut media.alt,
                "title" => &mut media.title,
                "link" => &mut media.link,
                "link_target" => &mut media.link_target,
                key => {
                    Self::ignore(
                        &mut slide.ignored,
                        &m.value,
                        &p,
                        format!("media.{key}"),
                        false,
                    );
                    continue;
                }
            };
            // Media are not shown yet, so a value of another type only loses that value.
            match &m.value.kind {
                Kind::String(_) | Kind::Number(_) | Kind::Null => {
                    let mut media_ok = true;
                    *slot = self.part(&m.value, &p, &mut media_ok);
                }
                _ => {
                    let field = format!("media.{}", m.key);
                    Self::ignore(&mut slide.ignored, &m.value, &p, field, true);
                }
            }
        }
        Some(media)
    }
}
