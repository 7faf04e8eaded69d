//! TimelineJS3's data, read as it is: its JSON format ([`read_json`], recognised by
//! [`is_timelinejs`]) and, through the same [`Slide`]s, its spreadsheet layout (the CSV
//! reader fills [`Timeline`] from rows and calls [`map`]).
//!
//! What maps, maps exactly: `headline` → title, `text` → summary (both with a safe HTML
//! subset, [`crate::model::rich`]), `group` → category (in order of first appearance,
//! ids derived from the name, colours from [`PALETTE`]), `unique_id` → id (generated from
//! the date and headline where absent), the title slide → the timeline's title and
//! description, `eras` → eras, `display_date` → the date as shown, `start_date` and
//! `end_date` → dates at the precision their year, month and day give, `media` → the
//! event's media (what we cannot embed, such as a post or a map, is a link to it). Everything else
//! is a warning naming the field and the event (times of day, backgrounds, `autolink`,
//! unknown fields, the parts of a `media` we do not show), and a year our dates cannot hold is an error for its event
//! only: never a silent loss, never a failure of the whole timeline.

mod json;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

pub use json::{is_timelinejs, read_json};

use super::date::{Date, DateError, Precision, MAX_YEAR};
use super::format::{
    id_safe, Category, Document, Era, Event, Media as EventMedia, Text, DEFAULT_IMPORTANCE,
};
use super::media::{url_problem, MediaKind};
use super::paths::quote;
use super::problem::{RawProblem, Severity};
use super::rich::{plain_line, Rich};

/// Where a value is in the source: the path messages show (`events[3].start_date.year`,
/// or for a spreadsheet `row 14, "Year"`) and its byte offset (for the line and column).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    pub path: String,
    pub offset: usize,
}

/// A value as written (a number as its digits), and where.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Part {
    pub text: String,
    pub place: Place,
}

impl Part {
    /// The value, unless it is only whitespace (an empty cell or `""` means "not given").
    pub fn given(&self) -> Option<&str> {
        let t = self.text.trim();
        (!t.is_empty()).then_some(t)
    }
}

/// The text of a part that is given.
fn given(part: &Option<Part>) -> Option<&str> {
    part.as_ref().and_then(Part::given)
}

/// A `start_date` or `end_date`: its parts as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SlideDate {
    /// The date object (or the first cell of the date).
    pub place: Place,
    pub year: Option<Part>,
    pub month: Option<Part>,
    pub day: Option<Part>,
    pub hour: Option<Part>,
    pub minute: Option<Part>,
    pub second: Option<Part>,
    pub millisecond: Option<Part>,
    pub display_date: Option<Part>,
}

/// A slide's `media`, as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Media {
    pub place: Place,
    pub url: Option<Part>,
    pub caption: Option<Part>,
    pub credit: Option<Part>,
    pub thumbnail: Option<Part>,
    pub alt: Option<Part>,
    pub title: Option<Part>,
    pub link: Option<Part>,
    pub link_target: Option<Part>,
}

impl Media {
    fn is_empty(&self) -> bool {
        [
            &self.url,
            &self.caption,
            &self.credit,
            &self.thumbnail,
            &self.alt,
            &self.title,
            &self.link,
            &self.link_target,
        ]
        .into_iter()
        .all(|p| given(p).is_none())
    }
}

/// A field that is there (with a value) but not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    pub place: Place,
    /// The field's name as written (`background`, `start_date.format`, `Background`).
    pub field: String,
    /// A field of TimelineJS3's format that we do not support (else an unknown field).
    pub known: bool,
}

/// One slide: an event, an era, or the title slide.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Slide {
    /// The slide object (or row).
    pub place: Place,
    pub unique_id: Option<Part>,
    pub start_date: Option<SlideDate>,
    pub end_date: Option<SlideDate>,
    pub display_date: Option<Part>,
    /// HTML (the inline subset is used).
    pub headline: Option<Part>,
    /// HTML.
    pub text: Option<Part>,
    pub group: Option<Part>,
    pub media: Option<Media>,
    /// Fields given but not used (`background`, `autolink`, `type`, unknown ones): each
    /// is a warning.
    pub ignored: Vec<Ignored>,
    /// The reader already reported an error for this slide: it is left out silently.
    pub unusable: bool,
}

/// A whole TimelineJS3 timeline, as read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    pub title: Option<Slide>,
    /// Where the events are (the `events` array), for warnings about all of them.
    pub events_place: Place,
    pub events: Vec<Slide>,
    pub eras: Vec<Slide>,
    pub scale: Option<Part>,
    /// Top-level fields given but not used.
    pub ignored: Vec<Ignored>,
}

/// The colours groups get, in order of first appearance (then again from the start): each
/// at least 4.5:1 against white, and told apart by hue.
pub const PALETTE: [&str; 10] = [
    "#1f5f99", "#b3541e", "#2e7d32", "#7b3fa0", "#c0392b", "#00796b", "#8d6e00", "#ad1457",
    "#5d4037", "#455a64",
];

/// The colour of the `n`th category to appear (from 0): [`PALETTE`] in turn. Both
/// TimelineJS3's groups and the categories of our spreadsheet layout take theirs here.
pub fn palette_color(n: usize) -> &'static str {
    PALETTE[n % PALETTE.len()]
}

/// The colour of the events without a group.
pub const UNGROUPED_COLOR: &str = "#555555";

/// The category of events without a group, when others have one.
pub const UNGROUPED_ID: &str = "ungrouped";

/// The id of the one category when no event has a group.
pub const ALL_ID: &str = "events";

/// The longest part of a generated id taken from a headline or a group, in bytes.
const SLUG_LEN: usize = 48;

/// What messages call a slide: `event "Headline"` (cut), or by its unique id.
fn slide_name(slide: &Slide, kind: &str) -> String {
    let headline = given(&slide.headline).map(plain_line).unwrap_or_default();
    if !headline.is_empty() {
        return format!("{kind} {}", quote(&headline));
    }
    if let Some(id) = given(&slide.unique_id) {
        return format!("{kind} {}", quote(id));
    }
    format!("this {kind}")
}

struct Mapper<'r> {
    reports: &'r mut Vec<RawProblem>,
}

impl Mapper<'_> {
    fn report(&mut self, severity: Severity, place: &Place, message: String) {
        self.reports.push(RawProblem {
            offset: place.offset,
            severity,
            path: place.path.clone(),
            message,
        });
    }

    fn error(&mut self, place: &Place, message: String) {
        self.report(Severity::Error, place, message);
    }

    fn warning(&mut self, place: &Place, message: String) {
        self.report(Severity::Warning, place, message);
    }

    fn ignored(&mut self, slide: &Slide, name: &str) {
        for ignored in &slide.ignored {
            let field = quote(&ignored.field);
            let message = if ignored.known {
                format!("{field} is not supported (ignored) ({name})")
            } else {
                format!("unknown field {field} (ignored) ({name})")
            };
            self.warning(&ignored.place, message);
        }
    }

    /// The media of the title slide or an era, which the widget has no place for: a
    /// warning if given.
    fn media_not_shown(&mut self, slide: &Slide, name: &str) {
        if let Some(media) = slide.media.as_ref().filter(|m| !m.is_empty()) {
            self.warning(
                &media.place,
                format!("media is shown only for events (ignored) ({name})"),
            );
        }
    }

    /// An event's media, mapped: `url` (an http(s) address, or one taken from the HTML of
    /// an embed), `alt` (else `title`), `caption`, `credit` (HTML, the inline subset),
    /// `link` (for an image) and `thumbnail` (the marker's picture on the stage). What is given but not shown is a warning each.
    fn media(&mut self, slide: &Slide, name: &str) -> Option<EventMedia> {
        let media = slide.media.as_ref().filter(|m| !m.is_empty())?;
        let lost = |m: &mut Self, part: &Option<Part>, message: &str| {
            if let Some(p) = part.as_ref().filter(|p| p.given().is_some()) {
                m.warning(&p.place, format!("{message} ({name})"));
            }
        };
        let Some(url_part) = media.url.as_ref().filter(|p| p.given().is_some()) else {
            self.warning(
                &media.place,
                format!("media without a url is not shown (ignored) ({name})"),
            );
            return None;
        };
        let written = url_part.given().unwrap_or("");
        let url = if let Some(rest) = written.strip_prefix("//") {
            format!("https://{rest}")
        } else {
            written.to_owned()
        };
        let url = if url_problem(&url).is_none() {
            url
        } else if let Some(found) = written
            .contains('<')
            .then(|| address_in_html(written))
            .flatten()
        {
            self.warning(
                &url_part.place,
                format!(
                    "media.url is HTML (an embed code): only its address {} is used ({name})",
                    quote(&found)
                ),
            );
            found
        } else {
            self.warning(
                &url_part.place,
                format!(
                    "media.url {} is not an http(s) URL: the media is not shown (ignored) ({name})",
                    quote(written)
                ),
            );
            return None;
        };
        let mut out = EventMedia::new(url);
        let alt = given(&media.alt).map(plain_line).filter(|a| !a.is_empty());
        let title = given(&media.title)
            .map(plain_line)
            .filter(|t| !t.is_empty());
        match (&alt, &title) {
            (Some(a), Some(t)) if a != t => lost(
                self,
                &media.title,
                "media.title is not shown when there is an alt (ignored)",
            ),
            _ => {}
        }
        out.alt = alt.or(title).map(Text::Plain);
        let rich = |part: &Option<Part>| {
            given(part)
                .map(Rich::inline)
                .filter(|r| !r.is_empty())
                .map(Text::Rich)
        };
        out.caption = rich(&media.caption);
        out.credit = rich(&media.credit);
        if let Some(link) = given(&media.link) {
            if out.kind != MediaKind::Image {
                lost(
                    self,
                    &media.link,
                    "media.link is used only for an image (ignored)",
                );
            } else if url_problem(link).is_some() {
                lost(
                    self,
                    &media.link,
                    "media.link is not an http(s) URL (ignored)",
                );
            } else {
                out.link = Some(link.to_owned());
            }
        }
        if let Some(thumbnail) = given(&media.thumbnail) {
            if url_problem(thumbnail).is_some() {
                lost(
                    self,
                    &media.thumbnail,
                    "media.thumbnail is not an http(s) URL (ignored)",
                );
            } else {
                out.thumbnail = Some(thumbnail.to_owned());
            }
        }
        lost(
            self,
            &media.link_target,
            "media.link_target is not supported (ignored): links open in a new tab",
        );
        if out.kind == MediaKind::Image && out.alt.is_none() {
            self.warning(
                &media.place,
                format!(
                    "the image has no alt text: describe it for readers who cannot see it ({name})"
                ),
            );
        }
        Some(out)
    }

    /// Fields of a slide that mean nothing where it is (an era's `group`, the title
    /// slide's `unique_id`): a warning each, when given.
    fn unused(&mut self, name: &str, fields: &[(&str, &Option<Part>)]) {
        for (field, part) in fields {
            if let Some(p) = part.as_ref().filter(|p| p.given().is_some()) {
                self.warning(
                    &p.place,
                    format!("\"{field}\" is not used here (ignored) ({name})"),
                );
            }
        }
    }

    /// A date from its parts: `Ok(None)` when no part is given, `Err` (reported) when
    /// unusable. Times of day are a warning: the day is kept.
    fn date(&mut self, date: &SlideDate, what: &str, name: &str) -> Result<Option<Date>, ()> {
        let times = [
            ("hour", &date.hour),
            ("minute", &date.minute),
            ("second", &date.second),
            ("millisecond", &date.millisecond),
        ];
        let given_times: Vec<(&str, &Part)> = times
            .iter()
            .filter_map(|(field, part)| {
                let part = part.as_ref()?;
                part.given().map(|_| (*field, part))
            })
            .collect();
        let Some(year_part) = date.year.as_ref().filter(|p| p.given().is_some()) else {
            let other = given(&date.month)
                .or(given(&date.day))
                .or(given_times.first().and_then(|(_, p)| p.given()));
            if other.is_some() {
                self.error(
                    &date.place,
                    format!("{what} has no year; the event is left out ({name})"),
                );
                return Err(());
            }
            return Ok(None);
        };
        let year_text = year_part.given().unwrap_or("");
        let year = match whole_number(year_text) {
            Some(year) if year.unsigned_abs() <= MAX_YEAR as u64 => year as i32,
            Some(_) => {
                self.error(
                    &year_part.place,
                    format!(
                        "year {} is beyond the years the timeline can show (-{MAX_YEAR} to {MAX_YEAR}); the event is left out ({name})",
                        year_text
                    ),
                );
                return Err(());
            }
            None => {
                self.error(
                    &year_part.place,
                    format!(
                        "year {} is not a whole number; the event is left out ({name})",
                        quote(year_text)
                    ),
                );
                return Err(());
            }
        };
        let number = |mapper: &mut Self,
                      part: &Option<Part>,
                      field: &str|
         -> Result<Option<u8>, ()> {
            let Some(p) = part.as_ref() else {
                return Ok(None);
            };
            let Some(text) = p.given() else {
                return Ok(None);
            };
            match whole_number(text) {
                Some(n) if (0..=99).contains(&n) => Ok(Some(n as u8)),
                _ => {
                    mapper.error(
                        &p.place,
                        format!(
                            "{field} {} is not a whole number from 1 to {}; the event is left out ({name})",
                            quote(text),
                            if field == "month" { 12 } else { 31 }
                        ),
                    );
                    Err(())
                }
            }
        };
        let month = number(self, &date.month, "month")?;
        let day = number(self, &date.day, "day")?;
        let result = match (month, day) {
            (None, None) => Date::year_only(year),
            (None, Some(_)) => {
                if let Some(p) = &date.day {
                    self.warning(
                        &p.place,
                        format!("{what} has a day but no month: only the year is used ({name})"),
                    );
                }
                Date::year_only(year)
            }
            (Some(m), None) => Date::ym(year, m),
            (Some(m), Some(d)) => Date::ymd(year, m, d),
        };
        let date_value = match result {
            Ok(d) => d,
            Err(e) => {
                let place = match e {
                    DateError::Month(_) => date.month.as_ref(),
                    _ => date.day.as_ref(),
                }
                .map_or(&date.place, |p| &p.place);
                self.error(
                    place,
                    format!("{what} is not a valid date: {e}; the event is left out ({name})"),
                );
                return Err(());
            }
        };
        Ok(Some(self.time_of_day(date, date_value, what, name)))
    }

    /// The date with its `hour` and `minute`, when given and usable. A time on a date
    /// without a day, an hour or minute out of range, seconds and milliseconds are
    /// warnings: the event keeps its day (or its time, to the minute).
    fn time_of_day(&mut self, date: &SlideDate, day: Date, what: &str, name: &str) -> Date {
        for (field, part) in [("second", &date.second), ("millisecond", &date.millisecond)] {
            if let Some(p) = part.as_ref().filter(|p| p.given().is_some()) {
                self.warning(
                    &p.place,
                    format!(
                        "{what}'s {field} is not shown: the time is kept to the minute ({name})"
                    ),
                );
            }
        }
        let (hour, minute) = (date.hour.as_ref(), date.minute.as_ref());
        let Some(first) = [hour, minute]
            .into_iter()
            .flatten()
            .find(|p| p.given().is_some())
        else {
            return day;
        };
        if day.precision() != Precision::Day {
            self.warning(
                &first.place,
                format!("{what} has a time but no day: the time is ignored ({name})"),
            );
            return day;
        }
        let number = |part: Option<&Part>, max: i64| -> Result<u8, String> {
            match part.and_then(Part::given) {
                None => Ok(0),
                Some(text) => whole_number(text)
                    .filter(|n| (0..=max).contains(n))
                    .map(|n| n as u8)
                    .ok_or_else(|| quote(text)),
            }
        };
        match (number(hour, 23), number(minute, 59)) {
            (Ok(h), Ok(m)) => {
                Date::ymd_hm(day.year(), day.month(), day.day_of_month(), h, m, None).unwrap_or(day)
            }
            (h, m) => {
                let (field, text, max) = match (h, m) {
                    (Err(text), _) => ("hour", text, 23),
                    (_, Err(text)) => ("minute", text, 59),
                    _ => ("hour", String::new(), 23),
                };
                self.warning(
                    &first.place,
                    format!("{what}'s {field} {text} is not a whole number from 0 to {max}: the time is ignored; the event is placed on its day ({name})"),
                );
                day
            }
        }
    }

    /// An event's or era's start and end dates. The start is required.
    fn dates(&mut self, slide: &Slide, name: &str) -> Option<(Date, Option<Date>)> {
        let start = match &slide.start_date {
            Some(d) => self.date(d, "start_date", name).ok()?,
            None => None,
        };
        let end = match &slide.end_date {
            Some(d) => self.date(d, "end_date", name),
            None => Ok(None),
        };
        let Some(start) = start else {
            self.error(
                &slide.place,
                format!(
                    "missing start_date (with at least a year); the event is left out ({name})"
                ),
            );
            return None;
        };
        let end = end.ok()?;
        if let (Some(end), Some(end_date)) = (end, &slide.end_date) {
            if end.end_minute() <= start.start_minute() {
                self.error(
                    &end_date.place,
                    format!("end \"{end}\" is before the start \"{start}\"; the event is left out ({name})"),
                );
                return None;
            }
        }
        Some((start, end.filter(|e| *e != start)))
    }

    /// The date as the slide says to show it, if it does.
    fn date_label(&mut self, slide: &Slide, name: &str) -> Option<Text> {
        if let Some(label) = given(&slide.display_date).map(plain_line) {
            return (!label.is_empty()).then_some(Text::Plain(label));
        }
        let start = slide
            .start_date
            .as_ref()
            .and_then(|d| given(&d.display_date))
            .map(plain_line)
            .filter(|s| !s.is_empty());
        let end_part = slide
            .end_date
            .as_ref()
            .and_then(|d| d.display_date.as_ref());
        let end = given(&end_part.cloned())
            .map(plain_line)
            .filter(|s| !s.is_empty());
        match (start, end) {
            (Some(start), Some(end)) => Some(Text::Plain(format!("{start} – {end}"))),
            (Some(start), None) => Some(Text::Plain(start)),
            (None, Some(_)) => {
                if let Some(p) = end_part {
                    self.warning(
                        &p.place,
                        format!("end_date's display_date is shown only with a start_date display_date (ignored) ({name})"),
                    );
                }
                None
            }
            (None, None) => None,
        }
    }
}

/// A whole number as a spreadsheet or JSON writes it: digits with an optional sign
/// (a trailing `.0` is accepted, as a number cell may write it).
fn whole_number(text: &str) -> Option<i64> {
    let text = text.trim();
    let text = text.strip_suffix(".0").unwrap_or(text);
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, text),
    };
    if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = digits.parse().ok()?;
    Some(if negative { -n } else { n })
}

/// `text` as an id's part: ASCII letters and digits (accents folded away), other runs as
/// one '-', at most [`SLUG_LEN`] bytes.
fn slug(text: &str) -> String {
    let folded = super::text::fold(text);
    let mut out = String::new();
    let mut dash = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            if out.len() >= SLUG_LEN {
                break;
            }
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// A short stable hash (FNV-1a) in hex, for a name with no ASCII letter or digit.
fn hash_hex(text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// Hands out unique names: a taken one gets `-2`, `-3`, … (each base remembers its last
/// suffix, so n names cost n look-ups, not n²).
#[derive(Default)]
struct Unique {
    taken: HashMap<String, usize>,
    next: HashMap<String, usize>,
}

impl Unique {
    fn reserve(&mut self, name: &str, owner: usize) -> bool {
        if self.taken.contains_key(name) {
            return false;
        }
        self.taken.insert(name.to_owned(), owner);
        true
    }

    fn owner(&self, name: &str) -> Option<usize> {
        self.taken.get(name).copied()
    }

    fn fresh(&mut self, base: &str, owner: usize) -> String {
        if self.reserve(base, owner) {
            return base.to_owned();
        }
        let mut n = self.next.get(base).copied().unwrap_or(2);
        loop {
            let name = format!("{base}-{n}");
            n += 1;
            if self.reserve(&name, owner) {
                self.next.insert(base.to_owned(), n);
                return name;
            }
        }
    }
}

/// A valid event id of our format.
fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= super::format::MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// An event mapped, before its id and category are settled.
struct Pending<'s> {
    slide: &'s Slide,
    name: String,
    date: Date,
    end: Option<Date>,
    date_label: Option<Text>,
    title: Text,
    summary: Text,
    group: Option<String>,
    media: Option<EventMedia>,
}

/// The first http(s) address in an embed code (`<iframe src="…">`, `<blockquote>…<a
/// href="…">`): from `http` to the first quote, space or angle bracket; if valid.
fn address_in_html(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    // A few candidates at most, so text full of "http" costs linear time.
    for _ in 0..8 {
        let i = lower.get(from..).and_then(|r| r.find("http"))?;
        let start = from + i;
        let rest = html.get(start..)?;
        let end = rest
            .find(|c: char| matches!(c, '"' | '\'' | '<' | '>') || c.is_whitespace())
            .unwrap_or(rest.len());
        let candidate = rest.get(..end)?.replace("&amp;", "&");
        if url_problem(&candidate).is_none() {
            return Some(candidate);
        }
        from = start + 4;
    }
    None
}

/// Maps a read timeline onto our [`Document`], reporting every problem into `reports`.
/// Always gives a document (with every usable event); the slides the reader marked
/// unusable are left out without more messages.
pub fn map(timeline: &Timeline, reports: &mut Vec<RawProblem>) -> Document {
    let mut m = Mapper { reports };

    if let Some(scale) = &timeline.scale {
        if let Some(value) = scale.given() {
            if !value.eq_ignore_ascii_case("human") {
                m.warning(
                    &scale.place,
                    format!(
                        "scale {} is not supported: dates are read as years from -{MAX_YEAR} to {MAX_YEAR}, and each event beyond them is left out with an error",
                        quote(value)
                    ),
                );
            }
        }
    }
    for ignored in &timeline.ignored {
        let field = quote(&ignored.field);
        let message = if ignored.known {
            format!("{field} is not supported (ignored)")
        } else {
            format!("unknown field {field} (ignored)")
        };
        m.warning(&ignored.place, message);
    }

    // The title slide.
    let mut title = Text::Plain(String::new());
    let mut description = None;
    match &timeline.title {
        Some(slide) if !slide.unusable => {
            let name = "the title slide";
            m.ignored(slide, name);
            m.media_not_shown(slide, name);
            for (date, field) in [
                (&slide.start_date, "start_date"),
                (&slide.end_date, "end_date"),
            ] {
                if let Some(d) = date {
                    m.warning(
                        &d.place,
                        format!("the title slide's {field} is not used (ignored)"),
                    );
                }
            }
            m.unused(
                name,
                &[
                    ("unique_id", &slide.unique_id),
                    ("group", &slide.group),
                    ("display_date", &slide.display_date),
                ],
            );
            let headline = given(&slide.headline).map(Rich::inline);
            match headline.filter(|r| !r.is_empty()) {
                Some(rich) => title = Text::Rich(rich),
                None => m.warning(
                    &slide.place,
                    "the title slide has no headline: the timeline has no title".to_owned(),
                ),
            }
            description = given(&slide.text)
                .map(Rich::blocks)
                .filter(|r| !r.is_empty())
                .map(Text::Rich);
        }
        Some(_) => {}
        None => m.warning(
            &Place::default(),
            "no title slide: the timeline has no title".to_owned(),
        ),
    }

    // The events, mapped one by one.
    let mut pending: Vec<Pending> = Vec::with_capacity(timeline.events.len());
    for slide in &timeline.events {
        if slide.unusable {
            continue;
        }
        let name = slide_name(slide, "event");
        m.ignored(slide, &name);
        let Some((date, end)) = m.dates(slide, &name) else {
            continue;
        };
        let date_label = m.date_label(slide, &name);
        let media = m.media(slide, &name);
        let summary_rich = given(&slide.text)
            .map(Rich::blocks)
            .unwrap_or_else(|| Rich::blocks(""));
        let headline = given(&slide.headline)
            .map(Rich::inline)
            .filter(|r| !r.is_empty());
        let title = match headline {
            Some(rich) => Text::Rich(rich),
            None => {
                let fallback = if !summary_rich.is_empty() {
                    let first_line = summary_rich.plain.lines().next().unwrap_or("");
                    let mut cut: String = first_line.chars().take(80).collect();
                    if cut.len() < first_line.len() {
                        cut.push('…');
                    }
                    cut
                } else if let Some(label) = &date_label {
                    label.get("").to_owned()
                } else {
                    date.to_string()
                };
                m.warning(
                    &slide.place,
                    format!(
                        "no headline: the event is titled {} ({name})",
                        quote(&fallback)
                    ),
                );
                Text::Plain(fallback)
            }
        };
        let group = given(&slide.group)
            .map(plain_line)
            .filter(|g| !g.is_empty());
        pending.push(Pending {
            slide,
            name,
            date,
            end,
            date_label,
            title,
            summary: Text::Rich(summary_rich),
            group,
            media,
        });
    }

    // Categories, in order of first appearance.
    let mut categories: Vec<Category> = Vec::new();
    let mut by_group: HashMap<String, usize> = HashMap::new();
    let mut category_ids = Unique::default();
    let mut ungrouped = false;
    for p in &pending {
        let Some(group) = &p.group else {
            ungrouped = true;
            continue;
        };
        if by_group.contains_key(group) {
            continue;
        }
        let base = match slug(group) {
            s if s.is_empty() => format!("group-{}", hash_hex(group)),
            s => s,
        };
        // A slug never starts with '-', so it is a valid category id.
        let id = category_ids.fresh(&base, categories.len());
        by_group.insert(group.clone(), categories.len());
        let color = palette_color(categories.len()).to_owned();
        categories.push(Category {
            id,
            label: Text::Plain(group.clone()),
            color,
        });
    }
    let ungrouped_id = if ungrouped {
        let (base, label) = if categories.is_empty() {
            (
                ALL_ID,
                [("en", "Events"), ("fr", "Événements"), ("fa", "رویدادها")],
            )
        } else {
            (
                UNGROUPED_ID,
                [("en", "Other"), ("fr", "Autres"), ("fa", "سایر")],
            )
        };
        let id = category_ids.fresh(base, categories.len());
        categories.push(Category {
            id: id.clone(),
            label: Text::Translated(
                label
                    .iter()
                    .map(|(l, t)| ((*l).to_owned(), (*t).to_owned()))
                    .collect(),
            ),
            color: UNGROUPED_COLOR.to_owned(),
        });
        id
    } else {
        String::new()
    };

    // Ids: the valid unique_ids first (the first use of each), then the rest.
    let mut ids = Unique::default();
    for (i, p) in pending.iter().enumerate() {
        if let Some(id) = given(&p.slide.unique_id) {
            if is_valid_id(id) {
                ids.reserve(id, i);
            }
        }
    }
    let mut events = Vec::with_capacity(pending.len());
    for (i, p) in pending.into_iter().enumerate() {
        let id = match p.slide.unique_id.as_ref().filter(|u| u.given().is_some()) {
            Some(part) => {
                let id = part.given().unwrap_or("");
                if is_valid_id(id) && ids.owner(id) == Some(i) {
                    id.to_owned()
                } else {
                    let base = if is_valid_id(id) {
                        id.to_owned()
                    } else {
                        match slug(id) {
                            s if s.is_empty() => format!("id-{}", hash_hex(id)),
                            s => s,
                        }
                    };
                    let fresh = ids.fresh(&base, i);
                    let why = if is_valid_id(id) {
                        "is used by an earlier event"
                    } else {
                        "is not a valid id (letters, digits, '-', '_' and '.')"
                    };
                    m.warning(
                        &part.place,
                        format!(
                            "unique_id {} {why}: the event's id is {} ({})",
                            quote(id),
                            quote(&fresh),
                            p.name
                        ),
                    );
                    fresh
                }
            }
            None => {
                // From the headline only: a title made up from the date would repeat it.
                let headline = given(&p.slide.headline).map(plain_line).unwrap_or_default();
                let words = slug(&headline);
                let date = id_safe(&p.date.to_string());
                let base = if words.is_empty() {
                    date
                } else {
                    format!("{date}-{words}")
                };
                // A negative year starts with '-', which an id may; keep it readable.
                ids.fresh(&base, i)
            }
        };
        let category = match &p.group {
            Some(g) => by_group
                .get(g)
                .and_then(|&c| categories.get(c))
                .map_or_else(|| ungrouped_id.clone(), |c| c.id.clone()),
            None => ungrouped_id.clone(),
        };
        events.push(Event {
            id,
            date: p.date,
            approximate: false,
            end: p.end,
            date_label: p.date_label,
            category,
            tags: Vec::new(),
            title: p.title,
            summary: p.summary,
            sources: Vec::new(),
            importance: DEFAULT_IMPORTANCE,
            media: p.media,
        });
    }
    if !events.is_empty() {
        m.warning(
            &timeline.events_place,
            "no sources: TimelineJS3 data has none, so the events are shown without any".to_owned(),
        );
    } else {
        m.warning(
            &timeline.events_place,
            "the timeline has no events".to_owned(),
        );
    }

    // Eras.
    let mut eras = Vec::new();
    for slide in &timeline.eras {
        if slide.unusable {
            continue;
        }
        let name = slide_name(slide, "era");
        m.ignored(slide, &name);
        m.media_not_shown(slide, &name);
        m.unused(
            &name,
            &[
                ("unique_id", &slide.unique_id),
                ("group", &slide.group),
                ("display_date", &slide.display_date),
            ],
        );
        let Some((start, end)) = m.dates(slide, &name) else {
            continue;
        };
        let Some(end) = end.or_else(|| {
            // An era ending where it starts (`end` equal to the start was dropped above).
            slide.end_date.as_ref().map(|_| start)
        }) else {
            m.error(
                &slide.place,
                format!("missing end_date: an era needs one; the era is left out ({name})"),
            );
            continue;
        };
        let label = given(&slide.headline)
            .map(Rich::inline)
            .filter(|r| !r.is_empty());
        let label = match label {
            Some(rich) => Text::Rich(rich),
            None => {
                let fallback = format!("{start} – {end}");
                m.warning(
                    &slide.place,
                    format!(
                        "no headline: the era is labelled {} ({name})",
                        quote(&fallback)
                    ),
                );
                Text::Plain(fallback)
            }
        };
        let summary = given(&slide.text)
            .map(Rich::blocks)
            .filter(|r| !r.is_empty())
            .map(Text::Rich);
        eras.push(Era {
            label,
            start,
            end,
            summary,
        });
    }

    let mut document = Document {
        lang: None,
        title,
        description,
        updated: None,
        categories,
        eras,
        events,
    };
    document.sort_events();
    document
}
