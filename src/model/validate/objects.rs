//! The format's objects on top of the checker: the document, its categories, eras and
//! events, and an event's id, tags and sources. Each object with an error is left out.

use super::checker::{Checker, Seen};
use super::fields::{
    CATEGORY_FIELDS, DOCUMENT_FIELDS, ERA_FIELDS, EVENT_FIELDS, MAX_ID_LEN, MEDIA_FIELDS,
    SOURCE_FIELDS,
};
use super::rules::{is_category_id, is_colour, url_problem};
use crate::model::format::{
    Category, Document, Era, Event, Media, Source, Text, DEFAULT_IMPORTANCE,
};
use crate::model::json::{Kind, Value};
use crate::model::media::MediaKind;
use crate::model::paths::{push_cut, quote, Path};

impl Checker<'_> {
    pub(super) fn document<'v>(&mut self, root: &'v Value<'v>) -> Option<Document> {
        let Kind::Object(members) = &root.kind else {
            self.error(
                &Path::Root,
                root.offset,
                format!(
                    "expected the document to be a JSON object, found {}",
                    root.kind.type_name()
                ),
            );
            return None;
        };
        let root_path = Path::Root;
        let fields = self.fields(root, members, &root_path, DOCUMENT_FIELDS);

        if let Some(v) = fields.get("$schema") {
            self.string(v, &root_path.key("$schema"));
        }
        // Read before the texts, which it excuses from having an English translation.
        let lang = fields
            .get("lang")
            .and_then(|v| self.language(v, &root_path.key("lang")));
        self.lang.clone_from(&lang);
        // A timeline without a title or a date of update (as a converted TimelineJS3 file
        // or spreadsheet may be) is shown without them, with a warning; a bad one is an error.
        let title = match fields.get("title") {
            Some(v) => self.text(v, &root_path.key("title"), "title"),
            None => {
                self.warning(
                    &root_path,
                    root.offset,
                    "no \"title\": the timeline is shown without one".to_owned(),
                );
                Some(Text::Plain(String::new()))
            }
        };
        let description = fields
            .get("description")
            .and_then(|v| self.text(v, &root_path.key("description"), "description"));
        let updated = match fields.get("updated") {
            Some(v) => self.date(v, &root_path.key("updated")).map(Some),
            None => {
                self.warning(
                    &root_path,
                    root.offset,
                    "no \"updated\": the timeline does not say when it was last updated".to_owned(),
                );
                Some(None)
            }
        };

        let categories_path = root_path.key("categories");
        let mut categories = Vec::new();
        let mut known = Seen::new();
        let mut usable = Vec::new();
        let mut declared: Vec<&'v str> = Vec::new();
        if let Some(v) = fields.get("categories") {
            if let Some(items) = self.array(v, &categories_path) {
                if items.is_empty() {
                    self.error(
                        &categories_path,
                        v.offset,
                        "there must be at least one category".to_owned(),
                    );
                }
                usable.resize(items.len(), false);
                for (i, item) in items.iter().enumerate() {
                    let path = categories_path.index(i);
                    let seen = (&mut known, &mut usable, &mut declared);
                    if let Some(c) = self.category(item, &path, i, seen) {
                        categories.push(c);
                    }
                }
            }
        }

        let mut eras = Vec::new();
        if let Some(v) = fields.get("eras") {
            let eras_path = root_path.key("eras");
            if let Some(items) = self.array(v, &eras_path) {
                for (i, item) in items.iter().enumerate() {
                    if let Some(era) = self.era(item, &eras_path.index(i)) {
                        eras.push(era);
                    }
                }
            }
        }

        let mut events = Vec::new();
        if let Some(v) = fields.get("events") {
            let events_path = root_path.key("events");
            if let Some(items) = self.array(v, &events_path) {
                if items.is_empty() {
                    self.warning(
                        &events_path,
                        v.offset,
                        "the timeline has no events".to_owned(),
                    );
                }
                events.reserve(items.len());
                let categories = Categories {
                    // With no category declared at all, "unknown category" would only repeat
                    // the error about the categories; so membership is not checked then.
                    check: !known.is_empty(),
                    known: &known,
                    usable: &usable,
                    declared: &declared,
                };
                let mut ids = Seen::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    if let Some(event) =
                        self.event(item, &events_path.index(i), i, &mut ids, &categories)
                    {
                        events.push(event);
                    }
                }
            }
        }

        if categories.is_empty() {
            return None;
        }
        let mut document = Document {
            lang,
            title: title?,
            description,
            updated: updated?,
            categories,
            eras,
            events,
        };
        document.sort_events();
        Some(document)
    }

    pub(super) fn category<'v>(
        &mut self,
        value: &'v Value<'v>,
        path: &Path,
        index: usize,
        (known, usable, declared): CategoriesSeen<'_, 'v>,
    ) -> Option<Category> {
        let errors = self.errors;
        let members = self.object(value, path)?;
        let fields = self.fields(value, members, path, CATEGORY_FIELDS);
        let id = fields.get("id").and_then(|v| {
            let id_path = path.key("id");
            let id = self.string(v, &id_path)?;
            // Remembered even when invalid, so events using it are not also reported.
            let first = match known.get(id) {
                Some(&first) => first,
                None => {
                    known.insert(id, index);
                    index
                }
            };
            if !is_category_id(id) {
                self.error(
                    &id_path,
                    v.offset,
                    format!(
                        "{} is not a valid category id: use lowercase letters, digits, '-' and '_', starting with a letter or digit",
                        quote(id)
                    ),
                );
                return None;
            }
            if first != index {
                self.error(
                    &id_path,
                    v.offset,
                    format!("duplicate category id {} (first used by categories[{first}])", quote(id)),
                );
                return None;
            }
            Some(id)
        });
        let label = fields
            .get("label")
            .and_then(|v| self.text(v, &path.key("label"), "label"));
        let color = fields.get("color").and_then(|v| {
            let color_path = path.key("color");
            let color = self.string(v, &color_path)?;
            if is_colour(color) {
                Some(color)
            } else {
                self.error(
                    &color_path,
                    v.offset,
                    format!(
                        "{} is not a colour: expected \"#rgb\" or \"#rrggbb\" with hexadecimal digits",
                        quote(color)
                    ),
                );
                None
            }
        });
        if self.errors > errors {
            return None;
        }
        let id = id?;
        if let Some(slot) = usable.get_mut(index) {
            *slot = true;
        }
        declared.push(id);
        Some(Category {
            id: id.to_owned(),
            label: label?,
            color: color?.to_owned(),
        })
    }

    pub(super) fn era(&mut self, value: &Value, path: &Path) -> Option<Era> {
        let errors = self.errors;
        let members = self.object(value, path)?;
        let fields = self.fields(value, members, path, ERA_FIELDS);
        let label = fields
            .get("label")
            .and_then(|v| self.text(v, &path.key("label"), "label"));
        let start = fields
            .get("start")
            .and_then(|v| self.date(v, &path.key("start")));
        let end_value = fields.get("end");
        let end = end_value.and_then(|v| self.date(v, &path.key("end")));
        if let (Some(start), Some(end), Some(end_value)) = (start, end, end_value) {
            self.end_not_before(start, end, end_value, &path.key("end"), "start");
        }
        let summary = match fields.get("summary") {
            Some(v) => Some(self.text(v, &path.key("summary"), "summary")?),
            None => None,
        };
        if self.errors > errors {
            return None;
        }
        Some(Era {
            label: label?,
            start: start?,
            end: end?,
            summary,
        })
    }

    pub(super) fn event<'v>(
        &mut self,
        value: &'v Value<'v>,
        path: &Path,
        index: usize,
        ids: &mut Seen<'v>,
        categories: &Categories,
    ) -> Option<Event> {
        let errors = self.errors;
        let members = self.object(value, path)?;
        let fields = self.fields(value, members, path, EVENT_FIELDS);

        let id = fields
            .get("id")
            .and_then(|v| self.event_id(v, &path.key("id"), index, ids));
        let date = fields
            .get("date")
            .and_then(|v| self.date(v, &path.key("date")));
        let approximate = match fields.get("approximate") {
            Some(v) => self.boolean(v, &path.key("approximate")),
            None => Some(false),
        };
        let end = match fields.get("end") {
            Some(v) => {
                let end_path = path.key("end");
                let end = self.date(v, &end_path);
                if let (Some(start), Some(end)) = (date, end) {
                    self.end_not_before(start, end, v, &end_path, "start");
                }
                end.map(Some)
            }
            None => Some(None),
        };
        let date_label = match fields.get("date_label") {
            Some(v) => self
                .text(v, &path.key("date_label"), "date label")
                .map(Some),
            None => Some(None),
        };
        let mut usable_category = true;
        let category = fields.get("category").and_then(|v| {
            let category_path = path.key("category");
            let id = self.string(v, &category_path)?;
            if !categories.check {
                return Some(id);
            }
            match categories.known.get(id) {
                Some(&first) if categories.usable.get(first) == Some(&true) => Some(id),
                // Declared, but with errors: the event is left out without more messages.
                Some(_) => {
                    usable_category = false;
                    None
                }
                None => {
                    self.error(
                        &category_path,
                        v.offset,
                        format!(
                            "unknown category {} (known: {})",
                            quote(id),
                            categories.list()
                        ),
                    );
                    None
                }
            }
        });
        let tags = match fields.get("tags") {
            Some(v) => self.tags(v, &path.key("tags")),
            None => Some(Vec::new()),
        };
        let title = fields
            .get("title")
            .and_then(|v| self.text(v, &path.key("title"), "title"));
        // Without one (as TimelineJS3 allows), the event is shown with its title alone.
        let summary = match fields.get("summary") {
            Some(v) => self.text(v, &path.key("summary"), "summary"),
            None => {
                if !self.sources_optional {
                    self.warning(
                        path,
                        value.offset,
                        "no \"summary\": the event is shown with its title alone".to_owned(),
                    );
                }
                Some(Text::Plain(String::new()))
            }
        };
        let sources = match fields.get("sources") {
            Some(v) => self.sources(v, &path.key("sources")),
            None if self.sources_optional => Some(Vec::new()),
            None => None,
        };
        let importance = match fields.get("importance") {
            Some(v) => self.importance(v, &path.key("importance")),
            None => Some(DEFAULT_IMPORTANCE),
        };
        let media = match fields.get("media") {
            Some(v) => self.media(v, &path.key("media")).map(Some),
            None => Some(None),
        };
        if self.errors > errors || !usable_category {
            return None;
        }
        Some(Event {
            id: id?.to_owned(),
            date: date?,
            approximate: approximate?,
            end: end?,
            date_label: date_label?,
            category: category?.to_owned(),
            tags: tags?,
            title: title?,
            summary: summary?,
            sources: sources?,
            importance: importance?,
            media: media?,
        })
    }

    pub(super) fn event_id<'v>(
        &mut self,
        value: &'v Value<'v>,
        path: &Path,
        index: usize,
        ids: &mut Seen<'v>,
    ) -> Option<&'v str> {
        let id = self.string(value, path)?;
        let message = if id.is_empty() {
            "id is empty".to_owned()
        } else if id.chars().count() > MAX_ID_LEN {
            format!(
                "id is {} characters long; at most {MAX_ID_LEN} are allowed",
                id.chars().count()
            )
        } else if !id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        {
            format!(
                "{} is not a valid id: use only letters, digits, '-', '_' and '.'",
                quote(id)
            )
        } else if let Some(first) = ids.get(id) {
            format!("duplicate id {} (first used by events[{first}])", quote(id))
        } else {
            ids.insert(id, index);
            return Some(id);
        };
        self.error(path, value.offset, message);
        None
    }

    pub(super) fn tags(&mut self, value: &Value, path: &Path) -> Option<Vec<String>> {
        let errors = self.errors;
        let items = self.array(value, path)?;
        let tags: Vec<String> = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.plain(item, &path.index(i), "tag"))
            .collect();
        (self.errors == errors).then_some(tags)
    }

    pub(super) fn sources(&mut self, value: &Value, path: &Path) -> Option<Vec<Source>> {
        let errors = self.errors;
        let items = self.array(value, path)?;
        // Said to have none (as a converted TimelineJS3 file says): shown, with a warning.
        if items.is_empty() {
            self.warning(
                path,
                value.offset,
                "no sources: the event is shown without any (every event should have at least one)"
                    .to_owned(),
            );
        }
        let sources: Vec<Source> = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.source(item, &path.index(i)))
            .collect();
        (self.errors == errors).then_some(sources)
    }

    /// An http(s) URL (a source's, a media's): an error otherwise.
    fn url(&mut self, value: &Value, path: &Path) -> Option<String> {
        let url = self.string(value, path)?;
        match url_problem(url) {
            None => Some(url.to_owned()),
            Some(message) => {
                self.error(path, value.offset, message);
                None
            }
        }
    }

    /// An event's media: its kind comes from its URL. An image without `alt` is a warning
    /// (readers who cannot see it get nothing); a `link` on anything but an image is
    /// ignored, with a warning (the media is its own link).
    pub(super) fn media(&mut self, value: &Value, path: &Path) -> Option<Media> {
        let errors = self.errors;
        let members = self.object(value, path)?;
        let fields = self.fields(value, members, path, MEDIA_FIELDS);
        let url = fields
            .get("url")
            .and_then(|v| self.url(v, &path.key("url")));
        let mut text = |name: &str, what: &str| match fields.get(name) {
            Some(v) => self.text(v, &path.key(name), what).map(Some),
            None => Some(None),
        };
        let alt = text("alt", "alt text");
        let caption = text("caption", "caption");
        let credit = text("credit", "credit");
        let mut url_of = |name: &str| match fields.get(name) {
            Some(v) => self.url(v, &path.key(name)).map(Some),
            None => Some(None),
        };
        let link = url_of("link");
        let thumbnail = url_of("thumbnail");
        if self.errors > errors {
            return None;
        }
        let mut media = Media::new(url?);
        media.alt = alt?;
        media.caption = caption?;
        media.credit = credit?;
        media.link = link?;
        media.thumbnail = thumbnail?;
        if media.kind == MediaKind::Image && media.alt.is_none() {
            self.warning(
                path,
                value.offset,
                "the image has no \"alt\": describe it for readers who cannot see it".to_owned(),
            );
        }
        if media.kind != MediaKind::Image && media.link.is_some() {
            if let Some(v) = fields.get("link") {
                self.warning(
                    &path.key("link"),
                    v.offset,
                    "\"link\" is used only for an image (ignored): this media is a link itself"
                        .to_owned(),
                );
            }
            media.link = None;
        }
        Some(media)
    }

    pub(super) fn source(&mut self, value: &Value, path: &Path) -> Option<Source> {
        let members = self.object(value, path)?;
        let fields = self.fields(value, members, path, SOURCE_FIELDS);
        let title = fields
            .get("title")
            .and_then(|v| self.text(v, &path.key("title"), "title"));
        let publisher = fields
            .get("publisher")
            .and_then(|v| self.plain(v, &path.key("publisher"), "publisher"));
        let url = fields
            .get("url")
            .and_then(|v| self.url(v, &path.key("url")));
        let date = match fields.get("date") {
            Some(v) => Some(self.date(v, &path.key("date"))?),
            None => None,
        };
        Some(Source {
            title: title?,
            publisher: publisher?,
            url: url?,
            date,
        })
    }
}

/// Category ids seen so far: every declared id (valid or not) with the index of its first
/// declaration, which declarations were decoded (by index), and the valid ids in order.
pub(super) type CategoriesSeen<'a, 'v> =
    (&'a mut Seen<'v>, &'a mut Vec<bool>, &'a mut Vec<&'v str>);

/// The categories as the events see them.
pub(super) struct Categories<'c, 'v> {
    pub(super) check: bool,
    /// Every declared id, with the index of its first declaration. Only the first can be
    /// valid: a repeat is an error.
    pub(super) known: &'c Seen<'v>,
    /// By index: the declaration was decoded.
    pub(super) usable: &'c [bool],
    /// Valid ids, in document order.
    pub(super) declared: &'c [&'v str],
}

impl Categories<'_, '_> {
    /// The valid ids for an "unknown category" message: the first ten, each cut like a
    /// quoted value, so that every such message is short whatever the ids' length (it is
    /// repeated for each event of an unknown category).
    pub(super) fn list(&self) -> String {
        const SHOWN: usize = 10;
        let mut list = String::new();
        for (i, id) in self.declared.iter().take(SHOWN).enumerate() {
            if i > 0 {
                list.push_str(", ");
            }
            push_cut(&mut list, id);
        }
        if self.declared.len() > SHOWN {
            list.push_str(&format!(" and {} more", self.declared.len() - SHOWN));
        }
        if list.is_empty() {
            list.push_str("none");
        }
        list
    }
}
