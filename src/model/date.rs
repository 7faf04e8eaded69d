//! Calendar dates with a precision (year, month, day or minute), as the data format writes
//! them.
//!
//! Owns parsing (`"YYYY"`, `"YYYY-MM"`, `"YYYY-MM-DD"`, with an optional leading `-` for
//! years before year 1, and `"YYYY-MM-DDTHH:MM"` with an optional UTC offset, `Z` or
//! `±HH:MM`), the exact conversion to and from a day number (proleptic Gregorian, day 0 =
//! 1970-01-01) and to minutes since 1970-01-01 00:00 UTC.
//!
//! A date is what the data wrote, never shifted by the reader's time zone (there is none
//! here). A time of day without an offset is a wall-clock time placed as if it were UTC;
//! one with an offset is placed at its instant, and [`Date::in_utc`] writes it in UTC.
//! Nothing here touches the browser.

use std::fmt;

/// A day number: days since 1970-01-01 in the proleptic Gregorian calendar.
/// Kept as `i64` so it means the same on wasm32 and native.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
    /// A day with a time of day, to the minute.
    Minute,
}

/// Minutes in a day, for converting minute counts to the viewport's (fractional) days.
pub const MINUTES_PER_DAY: i64 = 1440;

/// Minutes since 1970-01-01 00:00 as the viewport's unit, fractional days.
pub fn minutes_to_days(minutes: i64) -> f64 {
    minutes as f64 / MINUTES_PER_DAY as f64
}

/// The largest UTC offset we accept, in minutes either way (real ones are −12:00 to +14:00).
pub const MAX_OFFSET_MINUTES: i16 = 18 * 60;

/// A date as written in the data: a year, optionally a month, optionally a day.
/// The fields are private so a `Date` is always a real calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
    precision: Precision,
    /// Minutes since midnight (0 for a coarser date).
    minute: u16,
    /// The UTC offset in minutes, when the data gives one (only with a time of day).
    offset: Option<i16>,
}

/// Why a date string was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the shape `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[offset]`.
    Shape,
    /// The hour is not 0–23 or the minute not 0–59.
    Time { hour: u32, minute: u32 },
    /// The UTC offset is beyond ±18:00.
    Offset,
    /// The month is not 1–12.
    Month(u32),
    /// The day does not exist in that month.
    Day { day: u32, month: u8, year: i32 },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Shape => write!(
                f,
                "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM (with an optional offset: Z or +03:30)"
            ),
            DateError::Time { hour, minute } => {
                write!(f, "{hour:02}:{minute:02} is not a time of day (00:00 to 23:59)")
            }
            DateError::Offset => write!(f, "a UTC offset is at most 18 hours either way"),
            DateError::Month(m) => write!(f, "month {m} is not between 1 and 12"),
            DateError::Day { day, month, year } => write!(
                f,
                "{} {year} has {} days, not {day}",
                MONTHS_EN[usize::from(*month - 1)],
                days_in_month(*year, *month)
            ),
        }
    }
}

/// The largest year we accept, either side of year 0: far beyond any history, and small
/// enough that day arithmetic can never overflow.
pub const MAX_YEAR: i32 = 999_999;

pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a valid Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl Date {
    /// A day-precision date, if it exists.
    pub fn ymd(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        Self::checked(year, month, day, Precision::Day)
    }

    /// A month-precision date, if the month exists.
    pub fn ym(year: i32, month: u8) -> Result<Date, DateError> {
        Self::checked(year, month, 1, Precision::Month)
    }

    /// A year-precision date.
    pub fn year_only(year: i32) -> Result<Date, DateError> {
        Self::checked(year, 1, 1, Precision::Year)
    }

    fn checked(year: i32, month: u8, day: u8, precision: Precision) -> Result<Date, DateError> {
        if !(-MAX_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateError::Shape);
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(u32::from(month)));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::Day {
                day: u32::from(day),
                month,
                year,
            });
        }
        Ok(Date {
            year,
            month,
            day,
            precision,
            minute: 0,
            offset: None,
        })
    }

    /// A date with a time of day (`hour` 0–23, `minute` 0–59) and, if known, its UTC
    /// offset in minutes.
    pub fn ymd_hm(
        year: i32,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        offset: Option<i16>,
    ) -> Result<Date, DateError> {
        let date = Self::checked(year, month, day, Precision::Minute)?;
        if hour > 23 || minute > 59 {
            return Err(DateError::Time {
                hour: u32::from(hour),
                minute: u32::from(minute),
            });
        }
        if offset.is_some_and(|o| o.unsigned_abs() > MAX_OFFSET_MINUTES.unsigned_abs()) {
            return Err(DateError::Offset);
        }
        Ok(Date {
            minute: u16::from(hour) * 60 + u16::from(minute),
            offset,
            ..date
        })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the year has at least four digits and
    /// may start with `-`. Months and days are exactly two digits.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        if let Some((day, time)) = text.split_once('T') {
            let date = Date::parse(day)?;
            if date.precision != Precision::Day {
                return Err(DateError::Shape);
            }
            let (hour, minute, offset) = parse_time(time).ok_or(DateError::Shape)?;
            return Date::ymd_hm(date.year, date.month, date.day, hour, minute, offset);
        }
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let mut parts = rest.split('-');
        let year_text = parts.next().unwrap_or("");
        let month_text = parts.next();
        let day_text = parts.next();
        if parts.next().is_some() {
            return Err(DateError::Shape);
        }
        let digits = |s: &str, min: usize, max: usize| {
            (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(year_text, 4, 6) {
            return Err(DateError::Shape);
        }
        let magnitude: i32 = year_text.parse().map_err(|_| DateError::Shape)?;
        let year = if negative { -magnitude } else { magnitude };
        let two = |s: Option<&str>| -> Result<Option<u8>, DateError> {
            match s {
                None => Ok(None),
                Some(s) if digits(s, 2, 2) => s.parse().map(Some).map_err(|_| DateError::Shape),
                Some(_) => Err(DateError::Shape),
            }
        };
        match (two(month_text)?, two(day_text)?) {
            (None, _) => Date::year_only(year),
            (Some(m), None) => Date::ym(year, m),
            (Some(m), Some(d)) => Date::ymd(year, m, d),
        }
    }

    /// The date and time of a minute count (since 1970-01-01 00:00), at minute precision,
    /// with the given offset recorded (the minutes are already in that offset's time).
    pub fn from_minute(minute: i64, offset: Option<i16>) -> Date {
        let day = Date::from_day(Day(minute.div_euclid(MINUTES_PER_DAY)));
        Date {
            precision: Precision::Minute,
            minute: minute.rem_euclid(MINUTES_PER_DAY) as u16,
            offset,
            ..day
        }
    }

    /// The date of a day number, at day precision.
    pub fn from_day(day: Day) -> Date {
        // Day numbers outside the supported years are clamped to their first and last day.
        let first = days_from_civil(-MAX_YEAR, 1, 1);
        let last = days_from_civil(MAX_YEAR, 12, 31);
        let (y, m, d) = civil_from_days(day.0.max(first).min(last));
        Date {
            year: y as i32,
            month: m,
            day: d,
            precision: Precision::Day,
            minute: 0,
            offset: None,
        }
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month (1–12); January for a year-precision date.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month; 1 for a coarser date.
    pub fn day_of_month(&self) -> u8 {
        self.day
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The time of day as (hour, minute), for a date at minute precision.
    pub fn time(&self) -> Option<(u8, u8)> {
        (self.precision == Precision::Minute)
            .then_some(((self.minute / 60) as u8, (self.minute % 60) as u8))
    }

    /// The UTC offset the data gave, in minutes.
    pub fn offset(&self) -> Option<i16> {
        self.offset
    }

    /// Where the date starts, in minutes since 1970-01-01 00:00 UTC: a time with an offset
    /// at its instant; a time without one, and a coarser date, as written.
    pub fn start_minute(&self) -> i64 {
        self.first_day().0 * MINUTES_PER_DAY + i64::from(self.minute)
            - i64::from(self.offset.unwrap_or(0))
    }

    /// Where the date ends (exclusive), in the same minutes: a minute after a time of day,
    /// the midnight after a coarser date's last day.
    pub fn end_minute(&self) -> i64 {
        match self.precision {
            Precision::Minute => self.start_minute() + 1,
            _ => (self.last_day().0 + 1) * MINUTES_PER_DAY,
        }
    }

    /// [`Date::start_minute`] in days since 1970-01-01 (fractional).
    pub fn start_at(&self) -> f64 {
        minutes_to_days(self.start_minute())
    }

    /// [`Date::end_minute`] in days.
    pub fn end_at(&self) -> f64 {
        minutes_to_days(self.end_minute())
    }

    /// The same moment written in UTC (offset `+00:00`), for a time with an offset; the
    /// date itself otherwise.
    pub fn in_utc(&self) -> Date {
        match self.offset {
            Some(offset) if offset != 0 => Date::from_minute(self.start_minute(), Some(0)),
            _ => *self,
        }
    }

    /// The first day the date covers.
    pub fn first_day(&self) -> Day {
        Day(days_from_civil(self.year, self.month, self.day))
    }

    /// The last day the date covers: the date itself, the month's last day or 31 December.
    pub fn last_day(&self) -> Day {
        match self.precision {
            Precision::Day | Precision::Minute => self.first_day(),
            Precision::Month => Day(days_from_civil(
                self.year,
                self.month,
                days_in_month(self.year, self.month),
            )),
            Precision::Year => Day(days_from_civil(self.year, 12, 31)),
        }
    }

    /// The same date at a coarser (or equal) precision.
    pub fn truncated(&self, precision: Precision) -> Date {
        let precision = precision.min(self.precision);
        Date {
            year: self.year,
            month: if precision >= Precision::Month {
                self.month
            } else {
                1
            },
            day: if precision >= Precision::Day {
                self.day
            } else {
                1
            },
            precision,
            minute: if precision == Precision::Minute {
                self.minute
            } else {
                0
            },
            offset: self.offset.filter(|_| precision == Precision::Minute),
        }
    }
}

impl fmt::Display for Date {
    /// The ISO form the data uses, at the date's precision.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            write!(f, "-{:04}", -i64::from(self.year))?;
        } else {
            write!(f, "{:04}", self.year)?;
        }
        if self.precision >= Precision::Month {
            write!(f, "-{:02}", self.month)?;
        }
        if self.precision >= Precision::Day {
            write!(f, "-{:02}", self.day)?;
        }
        if let Some((hour, minute)) = self.time() {
            write!(f, "T{hour:02}:{minute:02}")?;
            match self.offset {
                Some(0) => write!(f, "Z")?,
                Some(offset) => write!(f, "{}", offset_text(offset))?,
                None => {}
            }
        }
        Ok(())
    }
}

/// An offset as ISO 8601 writes it: `+03:30`, `-05:00`.
pub fn offset_text(offset: i16) -> String {
    let sign = if offset < 0 { '-' } else { '+' };
    let abs = offset.unsigned_abs();
    format!("{sign}{:02}:{:02}", abs / 60, abs % 60)
}

/// `HH:MM` with an optional `Z` or `±HH:MM`: the hour, the minute and the offset in
/// minutes. Exactly two digits each; the range of the numbers is checked by the caller.
fn parse_time(text: &str) -> Option<(u8, u8, Option<i16>)> {
    let two = |s: &str| -> Option<u8> {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (clock, offset) = match text.find(['Z', '+', '-']) {
        Some(i) => text.split_at(i),
        None => (text, ""),
    };
    let (hour, minute) = clock.split_once(':')?;
    let offset = match offset {
        "" => None,
        "Z" => Some(0),
        _ => {
            let negative = offset.starts_with('-');
            let (h, m) = offset.get(1..)?.split_once(':')?;
            let minutes = i16::from(two(h)?) * 60 + i16::from(two(m)?);
            Some(if negative { -minutes } else { minutes })
        }
    };
    Some((two(hour)?, two(minute)?, offset))
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        let cases = [
            ("2012", 2012, 1, 1, Precision::Year),
            ("2012-09", 2012, 9, 1, Precision::Month),
            ("2012-09-07", 2012, 9, 7, Precision::Day),
            ("2000-02-29", 2000, 2, 29, Precision::Day),
            ("-0044-03-15", -44, 3, 15, Precision::Day),
            ("0000", 0, 1, 1, Precision::Year),
            ("12345-01", 12345, 1, 1, Precision::Month),
        ];
        for (text, y, m, d, p) in cases {
            let date = Date::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(
                (
                    date.year(),
                    date.month(),
                    date.day_of_month(),
                    date.precision()
                ),
                (y, m, d, p),
                "{text}"
            );
            assert_eq!(date.to_string(), text, "round trip of {text}");
        }
    }

    #[test]
    fn refuses_invalid_dates() {
        let cases = [
            (
                "2023-02-30",
                DateError::Day {
                    day: 30,
                    month: 2,
                    year: 2023,
                },
            ),
            (
                "1900-02-29",
                DateError::Day {
                    day: 29,
                    month: 2,
                    year: 1900,
                },
            ),
            ("2020-13-01", DateError::Month(13)),
            ("2020-00", DateError::Month(0)),
            (
                "2020-04-31",
                DateError::Day {
                    day: 31,
                    month: 4,
                    year: 2020,
                },
            ),
            (
                "2020-04-00",
                DateError::Day {
                    day: 0,
                    month: 4,
                    year: 2020,
                },
            ),
            ("12/09/2012", DateError::Shape),
            ("2012-9-7", DateError::Shape),
            ("2012-09-07T00:00:30", DateError::Shape),
            ("2012-09-07T6:14", DateError::Shape),
            ("2012-09T06:14", DateError::Shape),
            ("2012-09-07T06:14+3:30", DateError::Shape),
            ("2012-09-07T06:14+03", DateError::Shape),
            ("2012-09-07T06:14z", DateError::Shape),
            ("2012-09-07T", DateError::Shape),
            (
                "2012-09-07T24:00",
                DateError::Time {
                    hour: 24,
                    minute: 0,
                },
            ),
            (
                "2012-09-07T23:60",
                DateError::Time {
                    hour: 23,
                    minute: 60,
                },
            ),
            ("2012-09-07T06:14+19:00", DateError::Offset),
            (
                "2012-02-30T06:14",
                DateError::Day {
                    day: 30,
                    month: 2,
                    year: 2012,
                },
            ),
            ("2012-09-07-01", DateError::Shape),
            ("212", DateError::Shape),
            ("", DateError::Shape),
            ("-", DateError::Shape),
            ("+2012", DateError::Shape),
            (" 2012", DateError::Shape),
            ("２０１２", DateError::Shape),
            ("9999999", DateError::Shape),
        ];
        for (text, expected) in cases {
            assert_eq!(Date::parse(text), Err(expected), "{text:?}");
        }
    }

    #[test]
    fn parses_times_of_day_and_offsets() {
        // (text, time, offset, minutes since 1970-01-01 00:00 UTC of its start)
        type Case = (&'static str, (u8, u8), Option<i16>, i64);
        let cases: [Case; 6] = [
            ("1970-01-01T00:00", (0, 0), None, 0),
            ("1970-01-01T00:01Z", (0, 1), Some(0), 1),
            (
                "1970-01-02T06:14+03:30",
                (6, 14),
                Some(210),
                1440 + 374 - 210,
            ),
            ("1969-12-31T23:59-05:00", (23, 59), Some(-300), -1 + 300),
            (
                "2020-01-08T06:14+03:30",
                (6, 14),
                Some(210),
                18_269 * 1440 + 374 - 210,
            ),
            ("2012-09-07T12:00", (12, 0), None, 15_590 * 1440 + 720),
        ];
        for (text, time, offset, minute) in cases {
            let date = Date::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(date.precision(), Precision::Minute, "{text}");
            assert_eq!(date.time(), Some(time), "{text}");
            assert_eq!(date.offset(), offset, "{text}");
            assert_eq!(date.start_minute(), minute, "{text}");
            assert_eq!(date.end_minute(), minute + 1, "{text}");
            assert_eq!(date.to_string(), text, "round trip of {text}");
            // The calendar day is the one written, whatever the offset.
            assert_eq!(
                date.first_day(),
                Date::parse(&text[..text.find('T').unwrap()])
                    .unwrap()
                    .first_day()
            );
        }
        // `+00:00` is written back as `Z`.
        assert_eq!(
            Date::parse("2020-01-08T06:14+00:00").unwrap().to_string(),
            "2020-01-08T06:14Z"
        );
    }

    #[test]
    fn times_convert_to_utc_across_midnight() {
        let cases = [
            ("2020-01-08T02:00+03:30", "2020-01-07T22:30Z"),
            ("2020-12-31T22:00-05:00", "2021-01-01T03:00Z"),
            ("2020-01-08T06:14Z", "2020-01-08T06:14Z"),
            ("2020-01-08T06:14", "2020-01-08T06:14"),
            ("2020-01-08", "2020-01-08"),
        ];
        for (text, utc) in cases {
            let date = Date::parse(text).unwrap();
            assert_eq!(date.in_utc().to_string(), utc, "{text}");
            assert_eq!(date.in_utc().start_minute(), date.start_minute(), "{text}");
        }
    }

    #[test]
    fn coarse_dates_end_at_the_midnight_after_their_last_day() {
        for (text, first, after) in [
            ("2020", "2020-01-01", "2021-01-01"),
            ("2020-02", "2020-02-01", "2020-03-01"),
            ("2020-02-29", "2020-02-29", "2020-03-01"),
        ] {
            let date = Date::parse(text).unwrap();
            let day = |t: &str| Date::parse(t).unwrap().first_day().0 * MINUTES_PER_DAY;
            assert_eq!(
                (date.start_minute(), date.end_minute()),
                (day(first), day(after)),
                "{text}"
            );
        }
    }

    #[test]
    fn truncating_a_time_drops_its_offset() {
        let d = Date::parse("2020-01-08T06:14+03:30").unwrap();
        assert_eq!(d.truncated(Precision::Day).to_string(), "2020-01-08");
        assert_eq!(d.truncated(Precision::Day).offset(), None);
        assert_eq!(d.truncated(Precision::Minute), d);
    }

    #[test]
    fn error_messages_say_what_is_wrong() {
        assert_eq!(
            Date::parse("2023-02-30").unwrap_err().to_string(),
            "February 2023 has 28 days, not 30"
        );
        assert_eq!(
            Date::parse("2020-13-01").unwrap_err().to_string(),
            "month 13 is not between 1 and 12"
        );
        assert_eq!(
            Date::parse("12/09/2012").unwrap_err().to_string(),
            "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM (with an optional offset: Z or +03:30)"
        );
        assert_eq!(
            Date::parse("2020-01-08T24:10").unwrap_err().to_string(),
            "24:10 is not a time of day (00:00 to 23:59)"
        );
    }

    #[test]
    fn known_day_numbers() {
        let cases = [
            ("1970-01-01", 0),
            ("1969-12-31", -1),
            ("2000-03-01", 11_017),
            ("2012-09-07", 15_590),
            ("2020-01-08", 18_269),
            ("0001-01-01", -719_162),
            ("0000-03-01", -719_468),
        ];
        for (text, day) in cases {
            let date = Date::parse(text).unwrap();
            assert_eq!(date.first_day(), Day(day), "{text}");
            assert_eq!(Date::from_day(Day(day)), date, "{text}");
        }
    }

    #[test]
    fn coarse_dates_cover_their_whole_period() {
        let cases = [
            ("2012", "2012-01-01", "2012-12-31"),
            ("2020-02", "2020-02-01", "2020-02-29"),
            ("2019-02", "2019-02-01", "2019-02-28"),
            ("1980-01", "1980-01-01", "1980-01-31"),
            ("2003-07-23", "2003-07-23", "2003-07-23"),
        ];
        for (text, first, last) in cases {
            let date = Date::parse(text).unwrap();
            assert_eq!(date.first_day(), Date::parse(first).unwrap().first_day());
            assert_eq!(date.last_day(), Date::parse(last).unwrap().first_day());
        }
    }

    #[test]
    fn day_numbers_beyond_the_supported_years_clamp_to_them() {
        assert_eq!(
            Date::from_day(Day(i64::MAX)).to_string(),
            format!("{MAX_YEAR}-12-31")
        );
        assert_eq!(
            Date::from_day(Day(i64::MIN)).to_string(),
            format!("-{MAX_YEAR}-01-01")
        );
    }

    #[test]
    fn truncation_keeps_the_period_start() {
        let d = Date::parse("2012-09-07").unwrap();
        assert_eq!(d.truncated(Precision::Month).to_string(), "2012-09");
        assert_eq!(d.truncated(Precision::Year).to_string(), "2012");
        let y = Date::parse("2012").unwrap();
        assert_eq!(y.truncated(Precision::Day), y);
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            // The supported years, -999,999 to 999,999, are days -365,961,000 to 364,522,000
            // or so (day 0 being 1970-01-01).
            fn day_numbers_round_trip(n in -365_900_000i64..364_500_000) {
                let date = Date::from_day(Day(n));
                prop_assert_eq!(date.first_day(), Day(n));
                prop_assert_eq!(Date::parse(&date.to_string()), Ok(date));
            }

            #[test]
            fn consecutive_days_are_consecutive_dates(n in -1_000_000i64..1_000_000) {
                let a = Date::from_day(Day(n));
                let b = Date::from_day(Day(n + 1));
                let next_is_first = b.day_of_month() == 1;
                prop_assert_eq!(next_is_first, a.day_of_month() == days_in_month(a.year(), a.month()));
                if !next_is_first {
                    prop_assert_eq!((a.year(), a.month(), a.day_of_month() + 1), (b.year(), b.month(), b.day_of_month()));
                }
            }

            #[test]
            fn parse_never_panics(s in "\\PC*") {
                let _ = Date::parse(&s);
            }

            #[test]
            fn times_round_trip_and_order_by_instant(
                day in -1_000_000i64..1_000_000,
                minute in 0i64..1440,
                offset in prop::option::of(-1080i16..=1080),
            ) {
                let local = Date::from_minute(day * MINUTES_PER_DAY + minute, offset);
                let text = local.to_string();
                let parsed = Date::parse(&text);
                prop_assert_eq!(parsed.clone(), Ok(local), "{}", text);
                let utc = local.in_utc();
                prop_assert_eq!(utc.start_minute(), local.start_minute());
                prop_assert_eq!(Date::parse(&utc.to_string()).map(|d| d.start_minute()), Ok(local.start_minute()));
            }

            #[test]
            fn time_shaped_text_never_panics(s in "-?[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{0,6}[Z+-]?[0-9:]{0,6}") {
                let _ = Date::parse(&s);
            }

            #[test]
            fn parse_accepts_exactly_real_dates(y in -9999i32..9999, m in 0u8..14, d in 0u8..33) {
                let text = if y < 0 { format!("-{:04}-{m:02}-{d:02}", -y) } else { format!("{y:04}-{m:02}-{d:02}") };
                let real = (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m);
                prop_assert_eq!(Date::parse(&text).is_ok(), real);
            }
        }
    }
}
