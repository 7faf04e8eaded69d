//! The widget's languages: every string of the interface, number and date conventions,
//! and the direction of writing, one file per language (`en.rs`, `fr.rs`, `fa.rs`).
//! Adding a language is adding a file with a [`Locale`] and listing it in [`LOCALES`].
//!
//! Pure Rust (no yew, no web-sys), so it is tested natively like the model. The model's
//! axis takes a [`Locale`] for its labels; the UI takes one for everything it writes.
//!
//! Templates hold `{0}`, `{1}` where [`fill`] puts numbers or dates already written in
//! the locale's digits, so word order is the translation's business, not the code's.

mod editor;
mod en;
mod fa;
mod fr;

use crate::model::axis::{TickKind, TickLabels};
use crate::model::calendar::{Calendar, Ymd};
use crate::model::date::{offset_text, Date, Precision};
use crate::model::format::Event;
use crate::model::solar_hijri;

pub use editor::EditorStrings;
pub use en::EN;
pub use fa::FA;
pub use fr::FR;

/// Every language the interface is written in, in the order the switcher lists them.
pub const LOCALES: [&Locale; 3] = [&EN, &FR, &FA];

/// The direction of writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

/// The digits numbers are written with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Digits {
    /// 0–9.
    Latin,
    /// ۰–۹ (Extended Arabic-Indic, the Persian forms).
    Persian,
}

/// A text that depends on a count: `one` for the counts the language writes in the
/// singular (1 in English; 0 and 1 in French), `other` for the rest.
#[derive(Debug)]
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
}

/// One language of the interface. Compared by `code`.
#[derive(Debug)]
pub struct Locale {
    /// The BCP 47 primary language subtag: `en`, `fr`, `fa`.
    pub code: &'static str,
    /// The language's own name, for the language switcher.
    pub name: &'static str,
    pub dir: Dir,
    pub digits: Digits,
    /// Between groups of three digits in counts (`10,000`; `10 000`; `۱۰٬۰۰۰`).
    pub group_separator: &'static str,
    /// Whether a count is written in the singular ([`Plural::one`]).
    pub is_one: fn(u64) -> bool,
    /// The calendar the axis and dates use first. Dates in another calendar than the
    /// Gregorian also show the Gregorian date.
    pub calendar: Calendar,

    // Dates.
    /// Gregorian month names, January first, as written after a day number.
    pub months: [&'static str; 12],
    /// Gregorian month names on the axis, where space is short.
    pub months_short: [&'static str; 12],
    /// The first day of a month, where the language does not write a plain 1 (`1er`).
    pub first_of_month: Option<&'static str>,
    /// A year before year 1: `{0} BCE` (`{0}` is the year counted backwards, 44 for -43).
    pub bce: &'static str,
    /// An approximate date: `about {0}`.
    pub about: &'static str,
    /// A date range: `{0} – {1}`.
    pub range: &'static str,
    /// Between the parts of a source: `, ` (Persian: `، `).
    pub list_separator: &'static str,
    /// A date in the locale's calendar with the Gregorian date: `{0} ({1})`.
    pub with_gregorian: &'static str,
    /// A time of day: `{0}:{1}` (`06:14`), `{0} h {1}` (`6 h 14`); `{0}` the hour,
    /// `{1}` the minute (two digits).
    pub clock: &'static str,
    /// Whether the hour is written with two digits (`06:14`) or as it is (`6 h 14`).
    pub pad_hour: bool,
    /// A date with its time: `{0}, {1}` (`8 January 2020, 06:14`).
    pub at_time: &'static str,
    /// The choice between times as the data writes them and in UTC (shown only when the
    /// data gives UTC offsets): the group's name and the first button's.
    pub time_zone: &'static str,
    pub local_time: &'static str,
    /// The calendars, for the axis's calendar switch.
    pub gregorian: &'static str,
    pub solar_hijri: &'static str,

    // The interface.
    /// The widget's name, when the data gives none, and the timeline view's button.
    pub timeline: &'static str,
    pub list: &'static str,
    pub view: &'static str,
    pub language: &'static str,
    pub calendar_label: &'static str,
    /// `Last updated {0}` (a date).
    pub last_updated: &'static str,
    pub search: &'static str,
    pub categories: &'static str,
    pub zoom: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub show_all: &'static str,
    /// `{0} of {1} events`; the plural follows `{1}`.
    pub events_count: Plural,
    pub no_match: &'static str,
    pub clear_filters: &'static str,
    /// The line under the timeline on a page of our own, and in an embed.
    pub hint_page: &'static str,
    pub hint_embed: &'static str,
    /// `Use Ctrl/⌘ + scroll to zoom`: shown when the plain wheel scrolls an embed's page.
    pub wheel_hint: &'static str,
    /// `Show more ({0} of {1} listed)`.
    pub show_more: &'static str,
    pub close_details: &'static str,
    /// A YouTube or Vimeo video's placeholder button: `Play video: {0}` (its title).
    pub play_video: &'static str,
    /// What an event's media is, for its link in the list: image, video, audio, other.
    pub media_kinds: [&'static str; 4],
    pub previous: &'static str,
    pub next: &'static str,
    /// The list view's name.
    pub events: &'static str,
    pub sources: Plural,
    /// The stage's name: `Timeline: {0} events shown`.
    pub stage_label: Plural,
    pub stage_role: &'static str,
    /// A cluster's name: `{0} more events here: zoom in`.
    pub cluster_label: Plural,
    /// The vertical timeline's mark of a compressed empty stretch: its length.
    pub gap_years: Plural,
    pub gap_months: Plural,
    pub gap_days: Plural,
    pub problems: &'static str,
    pub load_failed: &'static str,
    pub data_errors: &'static str,
    pub data_warnings: &'static str,
    /// After the problems the widget lists: `and {0} more (…in the browser console)`.
    pub more_problems: Plural,

    // Links, downloads and print.
    /// The details' button that copies the event's link (on a touch device with a share
    /// sheet, it opens that instead).
    pub copy_link: &'static str,
    /// Said in a live region once the link is on the clipboard.
    pub link_copied: &'static str,
    /// When the clipboard refused: shown before the link, to copy by hand.
    pub copy_link_failed: &'static str,
    /// The toolbar's download menu, and its three files: the events shown as CSV (our
    /// spreadsheet layout), as JSON (our format), and the view as an SVG image.
    pub download: &'static str,
    pub download_csv: &'static str,
    pub download_json: &'static str,
    pub download_svg: &'static str,
}

impl PartialEq for Locale {
    fn eq(&self, other: &Locale) -> bool {
        self.code == other.code
    }
}

impl Eq for Locale {}

/// The editor page's strings in `locale`'s language (see [`EditorStrings`]).
pub fn editor_strings(locale: &Locale) -> &'static EditorStrings {
    match locale.code {
        "fr" => &fr::FR_EDITOR,
        "fa" => &fa::FA_EDITOR,
        _ => &en::EN_EDITOR,
    }
}

/// The locale for a language tag (`fr`, `fr-CA`, `FA-ir`), if we have that language.
pub fn find(tag: &str) -> Option<&'static Locale> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
    LOCALES
        .into_iter()
        .find(|l| l.code.eq_ignore_ascii_case(primary))
}

/// The first of the reader's languages, most preferred first, that we have; English
/// otherwise.
pub fn negotiate<'a>(preferences: impl IntoIterator<Item = &'a str>) -> &'static Locale {
    preferences.into_iter().find_map(find).unwrap_or(&EN)
}

/// `template` with `{0}`, `{1}`, … replaced by `args`. A placeholder with no argument
/// is left as written.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let arg = after
            .find('}')
            .and_then(|close| Some((after[1..close].parse::<usize>().ok()?, close)))
            .and_then(|(i, close)| Some((args.get(i)?, close)));
        match arg {
            Some((arg, close)) => {
                out.push_str(arg);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

impl Locale {
    /// `text` with its ASCII digits in the locale's digits.
    pub fn shape_digits(&self, text: &str) -> String {
        match self.digits {
            Digits::Latin => text.to_owned(),
            Digits::Persian => solar_hijri::persian_digits(text),
        }
    }

    /// A count, in the locale's digits, grouped by thousands.
    pub fn number(&self, n: u64) -> String {
        let plain = n.to_string();
        let mut grouped = String::with_capacity(plain.len() + 8);
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && (plain.len() - i).is_multiple_of(3) {
                grouped.push_str(self.group_separator);
            }
            grouped.push(c);
        }
        self.shape_digits(&grouped)
    }

    /// The singular or plural form of `plural` for `n`, filled with `args`.
    pub fn plural(&self, plural: &Plural, n: u64, args: &[&str]) -> String {
        let template = if (self.is_one)(n) {
            plural.one
        } else {
            plural.other
        };
        fill(template, args)
    }

    /// `plural` for a count `n` that is also its `{0}`, written in the locale.
    pub fn counted(&self, plural: &Plural, n: usize) -> String {
        self.plural(plural, n as u64, &[&self.number(n as u64)])
    }

    /// `{0} of {1} events`, with both counts written in the locale.
    pub fn events_count(&self, shown: usize, total: usize) -> String {
        let (shown, total) = (shown as u64, total as u64);
        self.plural(
            &self.events_count,
            total,
            &[&self.number(shown), &self.number(total)],
        )
    }

    /// A year of the Gregorian calendar (astronomical: 0 is 1 BCE), ungrouped.
    fn year(&self, year: i64) -> String {
        if year > 0 {
            self.shape_digits(&year.to_string())
        } else {
            fill(self.bce, &[&self.shape_digits(&(1 - year).to_string())])
        }
    }

    fn day_of_month(&self, day: u8) -> String {
        match (day, self.first_of_month) {
            (1, Some(first)) => first.to_owned(),
            _ => self.shape_digits(&day.to_string()),
        }
    }

    fn month(&self, month: u8) -> &'static str {
        self.months[month_index(month)]
    }

    /// A Gregorian date at its precision: `2012`, `September 2012`, `7 September 2012`
    /// (every language we have writes day, month, year in that order).
    pub fn gregorian_date(&self, date: &Date) -> String {
        let year = self.year(i64::from(date.year()));
        match date.precision() {
            Precision::Year => year,
            Precision::Month => format!("{} {year}", self.month(date.month())),
            Precision::Day | Precision::Minute => format!(
                "{} {} {year}",
                self.day_of_month(date.day_of_month()),
                self.month(date.month())
            ),
        }
    }

    /// A date for readers of this language: in the locale's calendar with the Gregorian
    /// date alongside (`۱۷ شهریور ۱۳۹۱ (۷ سپتامبر ۲۰۱۲)`), or the Gregorian date alone.
    pub fn date(&self, date: &Date) -> String {
        self.with_time(self.day_text(date), date, None)
    }

    /// The day a date names, in the locale's calendar with the Gregorian one alongside.
    fn day_text(&self, date: &Date) -> String {
        let gregorian = self.gregorian_date(date);
        match self.native_date(date) {
            Some(native) => fill(self.with_gregorian, &[&native, &gregorian]),
            None => gregorian,
        }
    }

    /// A time of day in the locale's digits, with the UTC offset where the data gives one
    /// (isolated, so that right-to-left text does not reorder `UTC+03:30`): `06:14`,
    /// `6 h 14 UTC−05:00`, `۰۶:۱۴ UTC`. `None` for a date without a time.
    pub fn clock(&self, date: &Date) -> Option<String> {
        let (hour, minute) = date.time()?;
        let time = self.time_of_day(u16::from(hour) * 60 + u16::from(minute));
        Some(match date.offset() {
            None => time,
            Some(0) => format!("{time} \u{2066}UTC\u{2069}"),
            Some(offset) => format!(
                "{time} \u{2066}UTC{}\u{2069}",
                self.shape_digits(&offset_text(offset))
            ),
        })
    }

    /// A time of day given in minutes since midnight, in the locale's digits: `06:14`.
    fn time_of_day(&self, minutes: u16) -> String {
        let (hour, minute) = (minutes / 60, minutes % 60);
        let hour = if self.pad_hour {
            format!("{hour:02}")
        } else {
            hour.to_string()
        };
        self.shape_digits(&fill(self.clock, &[&hour, &format!("{minute:02}")]))
    }

    /// `day` followed by the time of `date` (and of `until`, on the same day), if it has one.
    fn with_time(&self, day: String, date: &Date, until: Option<&Date>) -> String {
        let Some(time) = self.clock(date) else {
            return day;
        };
        let time = match until.and_then(|end| self.clock(end)) {
            Some(end) => fill(self.range, &[&time, &end]),
            None => time,
        };
        fill(self.at_time, &[&day, &time])
    }

    /// The date in the locale's own calendar, when that is not the Gregorian one and the
    /// date is within its range.
    fn native_date(&self, date: &Date) -> Option<String> {
        match self.calendar {
            Calendar::Gregorian => None,
            Calendar::SolarHijri => solar_hijri::format_fa(date).map(|s| self.shape_digits(&s)),
        }
    }

    /// An event's date at its precision, as a range when it has an end, and marked when
    /// approximate: `7 September 2012`, `about September 2013`,
    /// `June 2016 – 30 June 2017`; in the locale's calendar first where it has one.
    /// An event with a `date_label` shows that instead, as the data writes it.
    pub fn event_date(&self, event: &Event) -> String {
        if let Some(label) = &event.date_label {
            return label.get(self.code).to_owned();
        }
        let end = event.end.filter(|end| *end != event.date);
        let timed = event.date.time().is_some() || end.is_some_and(|e| e.time().is_some());
        let text = if timed {
            // With times of day: one day with its times, or each end with its own.
            match end {
                Some(end) if end.first_day() != event.date.first_day() => fill(
                    self.range,
                    &[
                        &self.with_time(self.day_text(&event.date), &event.date, None),
                        &self.with_time(self.day_text(&end), &end, None),
                    ],
                ),
                _ => self.with_time(self.day_text(&event.date), &event.date, end.as_ref()),
            }
        } else {
            self.day_range(&event.date, end)
        };
        if event.approximate {
            fill(self.about, &[&text])
        } else {
            text
        }
    }

    /// A date or a range of dates without times, in the locale's calendar first.
    fn day_range(&self, start: &Date, end: Option<Date>) -> String {
        let span = |write: &dyn Fn(&Date) -> Option<String>| -> Option<String> {
            let first = write(start)?;
            Some(match end {
                Some(end) => fill(self.range, &[&first, &write(&end)?]),
                None => first,
            })
        };
        let gregorian = span(&|d| Some(self.gregorian_date(d))).unwrap_or_default();
        match span(&|d| self.native_date(d)) {
            Some(native) => fill(self.with_gregorian, &[&native, &gregorian]),
            None => gregorian,
        }
    }
}

impl TickLabels for Locale {
    /// The label of an axis tick of `calendar` on the period starting `ymd`:
    /// `year_label` for year ticks (and major month ticks), the month for month ticks,
    /// the day number for day ticks, and month and year for major day ticks.
    fn tick_label(&self, calendar: Calendar, tick: TickKind, ymd: Ymd) -> String {
        let year = match calendar {
            Calendar::Gregorian => self.year(ymd.year),
            Calendar::SolarHijri => self.shape_digits(&ymd.year.to_string()),
        };
        let month = |short: bool| match (calendar, short) {
            (Calendar::Gregorian, true) => self.months_short[month_index(ymd.month)],
            (Calendar::Gregorian, false) => self.month(ymd.month),
            (Calendar::SolarHijri, _) => solar_hijri::MONTHS_FA[month_index(ymd.month)],
        };
        match tick {
            TickKind::Year => year,
            TickKind::Month => month(true).to_owned(),
            TickKind::MonthOfYear => format!("{} {year}", month(false)),
            TickKind::Day => self.shape_digits(&ymd.day.to_string()),
            TickKind::DayMonth => format!(
                "{} {}",
                self.shape_digits(&ymd.day.to_string()),
                month(true)
            ),
            TickKind::Time(minutes) => self.time_of_day(minutes),
        }
    }
}

/// The index of month 1–12 in a table of names (out-of-range months are clamped).
fn month_index(month: u8) -> usize {
    usize::from(month.saturating_sub(1)).min(11)
}

/// The rule for English (and any language that writes the singular for 1 only).
pub(crate) fn one_is_one(n: u64) -> bool {
    n == 1
}

#[cfg(test)]
mod tests;
