//! TimelineJS3's spreadsheet template, read into TimelineJS3's own [`Slide`]s and mapped
//! by [`timelinejs::map`], exactly as its JSON is: one mapping for both.
//!
//! Columns are matched ignoring case, spaces and underscores, in any order, any of them
//! missing: `Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date,
//! Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group,
//! Background`, and `Alt Text` (which TimelineJS3 also reads). A row of `Type` `title` is
//! the title slide (a second one is an event, with a warning, as TimelineJS3 does), `era`
//! an era, anything else an event. Each value's place is its cell: `row 5, "Month"`.

use crate::model::csv::{Field, Table};
use crate::model::format::Document;
use crate::model::paths::quote;
use crate::model::problem::{RawProblem, Severity};
use crate::model::timelinejs::{self, Ignored, Media, Part, Place, Slide, SlideDate, Timeline};

/// What a column of TimelineJS3's template holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Col {
    Year,
    Month,
    Day,
    Time,
    EndYear,
    EndMonth,
    EndDay,
    EndTime,
    DisplayDate,
    Headline,
    Text,
    Media,
    MediaCredit,
    MediaCaption,
    MediaThumbnail,
    AltText,
    Type,
    Group,
    Background,
}

const COLUMNS: &[(&str, Col)] = &[
    ("year", Col::Year),
    ("month", Col::Month),
    ("day", Col::Day),
    ("time", Col::Time),
    ("end year", Col::EndYear),
    ("end month", Col::EndMonth),
    ("end day", Col::EndDay),
    ("end time", Col::EndTime),
    ("display date", Col::DisplayDate),
    ("headline", Col::Headline),
    ("text", Col::Text),
    ("media", Col::Media),
    ("media credit", Col::MediaCredit),
    ("media caption", Col::MediaCaption),
    ("media thumbnail", Col::MediaThumbnail),
    ("alt text", Col::AltText),
    ("type", Col::Type),
    ("group", Col::Group),
    ("background", Col::Background),
];

/// A header cell as one of the template's columns: `End Year`, `end_year`, ` END  YEAR `.
pub(super) fn column(header: &str) -> Option<Col> {
    let mut normal = String::with_capacity(header.len());
    for word in header
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|w| !w.is_empty())
    {
        if !normal.is_empty() {
            normal.push(' ');
        }
        normal.push_str(&word.to_ascii_lowercase());
    }
    COLUMNS
        .iter()
        .find(|(name, _)| *name == normal)
        .map(|&(_, col)| col)
}

/// Reads the table (its header in TimelineJS3's layout) and maps it onto our format.
/// `bad_rows` (by record) already have a CSV syntax error: they are left out.
pub(super) fn read(
    table: &Table,
    bad_rows: &[bool],
    path: &dyn Fn(usize) -> String,
    reports: &mut Vec<RawProblem>,
) -> Option<Document> {
    let (header, data) = table.records.split_first()?;
    let header_place = Place {
        path: path(header.first().map_or(0, |f| f.offset)),
        offset: header.first().map_or(0, |f| f.offset),
    };
    let mut columns = Vec::with_capacity(header.len().min(super::MAX_COLUMNS));
    let mut seen = [false; COLUMNS.len()];
    super::too_many_columns(header, &mut |severity, offset, message| {
        reports.push(RawProblem {
            offset,
            severity,
            path: path(offset),
            message,
        })
    });
    for field in header.iter().take(super::MAX_COLUMNS) {
        let name = field.text.trim();
        let col = column(name);
        if col.is_none() && !name.is_empty() {
            reports.push(RawProblem {
                offset: field.offset,
                severity: Severity::Warning,
                path: path(field.offset),
                message: format!("unknown column {} (ignored)", quote(name)),
            });
        }
        if let Some(c) = col {
            let index = COLUMNS.iter().position(|&(_, k)| k == c).unwrap_or(0);
            if seen.get(index).copied().unwrap_or(false) {
                reports.push(RawProblem {
                    offset: field.offset,
                    severity: Severity::Error,
                    path: path(field.offset),
                    message: format!("column {} is repeated (ignored)", quote(name)),
                });
                columns.push(None);
                continue;
            }
            if let Some(slot) = seen.get_mut(index) {
                *slot = true;
            }
        }
        columns.push(col);
    }
    let mut timeline = Timeline {
        events_place: header_place,
        ..Timeline::default()
    };
    for (record, bad) in data.iter().zip(bad_rows.iter().skip(1)) {
        if *bad || record.iter().all(|f| f.text.trim().is_empty()) {
            continue;
        }
        let (slide, kind) = slide(&columns, header, record, path, reports);
        match kind.as_deref() {
            Some("title") if timeline.title.is_none() => timeline.title = Some(slide),
            Some("title") => {
                reports.push(RawProblem {
                    offset: slide.place.offset,
                    severity: Severity::Warning,
                    path: slide.place.path.clone(),
                    message: "a second title row is read as an event, as TimelineJS3 does"
                        .to_owned(),
                });
                timeline.events.push(slide);
            }
            Some("era") => timeline.eras.push(slide),
            _ => timeline.events.push(slide),
        }
    }
    Some(timelinejs::map(&timeline, reports))
}

/// One row as a slide, and its `Type` in lowercase.
fn slide(
    columns: &[Option<Col>],
    header: &[Field],
    record: &[Field],
    path: &dyn Fn(usize) -> String,
    reports: &mut Vec<RawProblem>,
) -> (Slide, Option<String>) {
    let place = |offset| Place {
        path: path(offset),
        offset,
    };
    let row_offset = record.first().map_or(0, |f| f.offset);
    let mut slide = Slide {
        place: place(row_offset),
        ..Slide::default()
    };
    let mut start = SlideDate::default();
    let mut end = SlideDate::default();
    let mut media = Media::default();
    let mut kind = None;
    for (i, field) in record.iter().enumerate() {
        let text = field.text.trim();
        if text.is_empty() {
            continue;
        }
        let Some(col) = columns.get(i).copied().flatten() else {
            if i >= columns.len() {
                reports.push(RawProblem {
                    offset: field.offset,
                    severity: Severity::Warning,
                    path: path(field.offset),
                    message: format!(
                        "this row has more cells than the header row ({}): the extra ones are ignored",
                        columns.len()
                    ),
                });
                break;
            }
            continue;
        };
        let part = || {
            Some(Part {
                text: text.to_owned(),
                place: place(field.offset),
            })
        };
        match col {
            Col::Year => start.year = part(),
            Col::Month => start.month = part(),
            Col::Day => start.day = part(),
            Col::Time => time(&mut start, text, &place(field.offset)),
            Col::EndYear => end.year = part(),
            Col::EndMonth => end.month = part(),
            Col::EndDay => end.day = part(),
            Col::EndTime => time(&mut end, text, &place(field.offset)),
            Col::DisplayDate => slide.display_date = part(),
            Col::Headline => slide.headline = part(),
            Col::Text => slide.text = part(),
            Col::Media => media.url = part(),
            Col::MediaCredit => media.credit = part(),
            Col::MediaCaption => media.caption = part(),
            Col::MediaThumbnail => media.thumbnail = part(),
            Col::AltText => media.alt = part(),
            Col::Group => slide.group = part(),
            Col::Type => kind = Some(text.to_ascii_lowercase()),
            Col::Background => slide.ignored.push(Ignored {
                place: place(field.offset),
                field: header
                    .get(i)
                    .map_or("Background", |f| f.text.trim())
                    .to_owned(),
                known: true,
            }),
        }
    }
    // The date's place: its year's cell (else the row's first), as messages about it say.
    let first = |d: &SlideDate| {
        [&d.year, &d.month, &d.day, &d.hour]
            .into_iter()
            .flatten()
            .next()
            .map(|p| p.place.clone())
    };
    if let Some(p) = first(&start) {
        slide.place = start.year.as_ref().map_or(p.clone(), |y| y.place.clone());
        start.place = p;
        slide.start_date = Some(start);
    } else if let Some(year_at) = columns.iter().position(|c| *c == Some(Col::Year)) {
        // No date: "missing start_date" names the Year column.
        let offset = record.get(year_at).map_or(row_offset, |f| f.offset);
        slide.place = place(offset);
    }
    if let Some(p) = first(&end) {
        end.place = p;
        slide.end_date = Some(end);
    }
    let media_place = [
        &media.url,
        &media.credit,
        &media.caption,
        &media.thumbnail,
        &media.alt,
    ]
    .into_iter()
    .flatten()
    .next()
    .map(|p| p.place.clone());
    if let Some(p) = media_place {
        media.place = p;
        slide.media = Some(media);
    }
    (slide, kind)
}

/// A `Time` cell (`14:30`, `2:30 PM`, `14:30:15.250`) as the date's hour, minute, second and
/// millisecond; a time that is not one is kept whole as the hour, which the mapping reports.
fn time(date: &mut SlideDate, text: &str, place: &Place) {
    let part = |s: &str| {
        Some(Part {
            text: s.to_owned(),
            place: place.clone(),
        })
    };
    let lower = text.to_ascii_lowercase();
    let (clock, pm) = match lower.strip_suffix("pm").or(lower.strip_suffix("p.m.")) {
        Some(c) => (c.trim(), Some(true)),
        None => match lower.strip_suffix("am").or(lower.strip_suffix("a.m.")) {
            Some(c) => (c.trim(), Some(false)),
            None => (lower.as_str(), None),
        },
    };
    let mut pieces = clock.split([':', '.']);
    let numbers: Vec<&str> = pieces.by_ref().take(4).collect();
    let numeric = numbers
        .iter()
        .all(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()));
    if !numeric || pieces.next().is_some() {
        date.hour = part(text);
        return;
    }
    let hour = numbers
        .first()
        .and_then(|h| h.parse::<u32>().ok())
        .unwrap_or(0);
    let hour = match pm {
        Some(true) if hour < 12 => hour + 12,
        Some(false) if hour == 12 => 0,
        _ => hour,
    };
    date.hour = part(&hour.to_string());
    date.minute = numbers.get(1).and_then(|m| part(m));
    date.second = numbers.get(2).and_then(|s| part(s));
    date.millisecond = numbers.get(3).and_then(|s| part(s));
}
