//! Calendar dates with a precision (year, month or day), as the data format writes them.
//!
//! Owns parsing (`"YYYY"`, `"YYYY-MM"`, `"YYYY-MM-DD"`, with an optional leading `-` for
//! years before year 1), the exact conversion to and from a day number (proleptic
//! Gregorian, day 0 = 1970-01-01) and English formatting at the date's precision.
//! There are no time zones anywhere: a date is a calendar day, never an instant, so it
//! can never shift by a day. Nothing here touches the browser.

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
}

/// A date as written in the data: a year, optionally a month, optionally a day.
/// The fields are private so a `Date` is always a real calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
    precision: Precision,
}

/// Why a date string was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the shape `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Shape,
    /// The month is not 1–12.
    Month(u32),
    /// The day does not exist in that month.
    Day { day: u32, month: u8, year: i32 },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Shape => write!(f, "expected YYYY, YYYY-MM or YYYY-MM-DD"),
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
        })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the year has at least four digits and
    /// may start with `-`. Months and days are exactly two digits.
    pub fn parse(text: &str) -> Result<Date, DateError> {
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

    /// The first day the date covers.
    pub fn first_day(&self) -> Day {
        Day(days_from_civil(self.year, self.month, self.day))
    }

    /// The last day the date covers: the date itself, the month's last day or 31 December.
    pub fn last_day(&self) -> Day {
        match self.precision {
            Precision::Day => self.first_day(),
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
            day: if precision == Precision::Day {
                self.day
            } else {
                1
            },
            precision,
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
        if self.precision == Precision::Day {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
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
            ("2012-09-07T00:00", DateError::Shape),
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
            "expected YYYY, YYYY-MM or YYYY-MM-DD"
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
            fn parse_accepts_exactly_real_dates(y in -9999i32..9999, m in 0u8..14, d in 0u8..33) {
                let text = if y < 0 { format!("-{:04}-{m:02}-{d:02}", -y) } else { format!("{y:04}-{m:02}-{d:02}") };
                let real = (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m);
                prop_assert_eq!(Date::parse(&text).is_ok(), real);
            }
        }
    }
}
