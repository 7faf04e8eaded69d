//! The Solar Hijri (Persian, Jalaali) calendar, for Persian readers: conversion from our
//! day numbers, Persian digits and month names, and dates written at their precision.
//!
//! Years follow the astronomical calendar through Borkowski's arithmetic (K. M.
//! Borkowski, "The Persian calendar for 3000 years", Earth, Moon and Planets 74, 1996):
//! the 33-year leap rule restarts at known "break" years, which reproduces the day of
//! Nowruz from 560 to 3797 CE. Only the first day of each year is computed from it; month
//! lengths (six of 31 days, five of 30, then 29 or 30) and leap years follow from the
//! distance between two consecutive Nowruz days, so the two can never disagree.

use super::date::{Date, Day, Precision};

/// Solar Hijri years at which the 33-year rule restarts (Borkowski 1996).
const BREAKS: [i64; 20] = [
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
    2394, 2456, 3178,
];

pub const MONTHS_FA: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

/// A day in the Solar Hijri calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SolarHijri {
    pub year: i64,
    /// 1 (Farvardin) to 12 (Esfand).
    pub month: u8,
    pub day: u8,
}

/// The Gregorian day in March of 1 Farvardin of Solar Hijri `year`, if the year is in
/// the range the break table covers.
fn nowruz_in_march(year: i64) -> Option<i64> {
    if year < BREAKS[0] || year >= BREAKS[BREAKS.len() - 1] {
        return None;
    }
    // Leap days of the Solar Hijri calendar up to `year`, counted along the breaks.
    let mut leaps = -14;
    let mut previous = BREAKS[0];
    let mut jump = 0;
    for &next in &BREAKS[1..] {
        jump = next - previous;
        if year < next {
            break;
        }
        leaps += jump / 33 * 8 + jump % 33 / 4;
        previous = next;
    }
    let n = year - previous;
    leaps += n / 33 * 8 + (n % 33 + 3) / 4;
    if jump % 33 == 4 && jump - n == 4 {
        leaps += 1;
    }
    // Leap days of the Gregorian calendar over the same span.
    let gregorian = year + 621;
    let gregorian_leaps = gregorian / 4 - (gregorian / 100 + 1) * 3 / 4 - 150;
    Some(20 + leaps - gregorian_leaps)
}

/// The day number of 1 Farvardin of `year`.
fn nowruz(year: i64) -> Option<Day> {
    let march = nowruz_in_march(year)?;
    let gregorian = i32::try_from(year + 621).ok()?;
    let day = u8::try_from(march).ok()?;
    Date::ymd(gregorian, 3, day).ok().map(|d| d.first_day())
}

/// Whether Solar Hijri `year` has 366 days (30 days in Esfand).
pub fn is_leap_year(year: i64) -> Option<bool> {
    Some(nowruz(year + 1)?.0 - nowruz(year)?.0 == 366)
}

impl SolarHijri {
    /// The Solar Hijri date of a day, within the years the calendar's arithmetic covers
    /// (about 560 to 3797 CE).
    pub fn from_day(day: Day) -> Option<SolarHijri> {
        let gregorian = Date::from_day(day).year();
        let mut year = i64::from(gregorian) - 621;
        let start = match nowruz(year) {
            Some(start) if day >= start => start,
            _ => {
                year -= 1;
                nowruz(year)?
            }
        };
        let k = day.0 - start.0;
        let (month, day_of_month) = if k < 186 {
            (1 + k / 31, 1 + k % 31)
        } else {
            (7 + (k - 186) / 30, 1 + (k - 186) % 30)
        };
        let date = SolarHijri {
            year,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day_of_month).ok()?,
        };
        // Near the table's end, a day after the last known Nowruz would count past
        // Esfand: only a date that leads back to the same day is one.
        (date.to_day() == Some(day)).then_some(date)
    }

    /// The day number of the date (`year`, `month`, `day`), when it exists.
    pub fn from_ymd(year: i64, month: u8, day: u8) -> Option<Day> {
        SolarHijri { year, month, day }.to_day()
    }

    /// The day number of this date, when it exists.
    pub fn to_day(self) -> Option<Day> {
        if !(1..=12).contains(&self.month) || self.day == 0 || self.day > self.month_length()? {
            return None;
        }
        let month = i64::from(self.month - 1);
        let before = if month < 6 {
            month * 31
        } else {
            186 + (month - 6) * 30
        };
        Some(Day(nowruz(self.year)?.0 + before + i64::from(self.day) - 1))
    }

    pub fn month_length(self) -> Option<u8> {
        Some(match self.month {
            1..=6 => 31,
            7..=11 => 30,
            12 if is_leap_year(self.year)? => 30,
            12 => 29,
            _ => return None,
        })
    }
}

/// `text` with its ASCII digits written as Persian digits (۰–۹).
pub fn persian_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(0x06F0 + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A Gregorian date written in the Solar Hijri calendar at its precision, with Persian
/// digits: a day (`۱۷ شهریور ۱۳۹۱`), the months a Gregorian month overlaps
/// (`شهریور–مهر ۱۳۹۱`), or the years a Gregorian year overlaps (`۱۳۹۰–۱۳۹۱`).
/// `None` outside the calendar's range.
pub fn format_fa(date: &Date) -> Option<String> {
    let first = SolarHijri::from_day(date.first_day())?;
    let last = SolarHijri::from_day(date.last_day())?;
    let month = |d: &SolarHijri| MONTHS_FA[usize::from(d.month - 1)];
    let text = match date.precision() {
        Precision::Day | Precision::Minute => {
            format!("{} {} {}", first.day, month(&first), first.year)
        }
        Precision::Month if first.year == last.year => {
            format!("{}–{} {}", month(&first), month(&last), first.year)
        }
        Precision::Month => format!(
            "{} {}–{} {}",
            month(&first),
            first.year,
            month(&last),
            last.year
        ),
        Precision::Year => format!("{}–{}", first.year, last.year),
    };
    Some(persian_digits(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Date::parse(s).unwrap().first_day()
    }

    fn sh(year: i64, month: u8, day: u8) -> SolarHijri {
        SolarHijri { year, month, day }
    }

    #[test]
    fn known_pairs() {
        // (Gregorian, Solar Hijri): the two dates and Nowruz in several years,
        // including the last days of leap years 1399 and 1403.
        let cases = [
            ("2012-09-07", sh(1391, 6, 17)),
            ("2020-01-08", sh(1398, 10, 18)),
            ("2012-03-20", sh(1391, 1, 1)),
            ("2020-03-20", sh(1399, 1, 1)),
            ("2021-03-20", sh(1399, 12, 30)),
            ("2021-03-21", sh(1400, 1, 1)),
            ("2024-03-20", sh(1403, 1, 1)),
            ("2025-03-20", sh(1403, 12, 30)),
            ("2025-03-21", sh(1404, 1, 1)),
            ("1979-02-11", sh(1357, 11, 22)),
        ];
        for (gregorian, solar) in cases {
            assert_eq!(
                SolarHijri::from_day(day(gregorian)),
                Some(solar),
                "{gregorian}"
            );
            assert_eq!(solar.to_day(), Some(day(gregorian)), "{solar:?}");
        }
    }

    #[test]
    fn leap_years() {
        for (year, leap) in [
            (1395, true),
            (1398, false),
            (1399, true),
            (1400, false),
            (1403, true),
            (1404, false),
        ] {
            assert_eq!(is_leap_year(year), Some(leap), "{year}");
        }
        assert_eq!(
            sh(1398, 12, 30).to_day(),
            None,
            "no 30 Esfand in a common year"
        );
        assert_eq!(sh(1399, 13, 1).to_day(), None);
        assert_eq!(sh(1399, 7, 31).to_day(), None);
    }

    #[test]
    fn formats_at_the_date_precision() {
        let cases = [
            ("2012-09-07", "۱۷ شهریور ۱۳۹۱"),
            ("2020-01-08", "۱۸ دی ۱۳۹۸"),
            ("2012-09", "شهریور–مهر ۱۳۹۱"),
            ("2013-03", "اسفند ۱۳۹۱–فروردین ۱۳۹۲"),
            ("2012", "۱۳۹۰–۱۳۹۱"),
        ];
        for (gregorian, persian) in cases {
            assert_eq!(
                format_fa(&Date::parse(gregorian).unwrap()).as_deref(),
                Some(persian),
                "{gregorian}"
            );
        }
        assert_eq!(persian_digits("7 September 2012"), "۷ September ۲۰۱۲");
        assert_eq!(
            format_fa(&Date::parse("9999-01-01").unwrap()),
            None,
            "out of range"
        );
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn day_numbers_round_trip(n in -450_000i64..600_000) {
                let date = SolarHijri::from_day(Day(n)).expect("in range");
                prop_assert_eq!(date.to_day(), Some(Day(n)));
            }

            #[test]
            fn years_have_365_or_366_days_and_leap_years_recur_every_4_or_5(year in -55i64..3170) {
                let length = nowruz(year + 1).unwrap().0 - nowruz(year).unwrap().0;
                prop_assert!(length == 365 || length == 366);
                if length == 366 {
                    let next = (year + 1..year + 8).find(|&y| is_leap_year(y) == Some(true));
                    prop_assert!(matches!(next.map(|y| y - year), Some(4) | Some(5)), "{year} → {next:?}");
                }
            }

            #[test]
            fn nowruz_is_in_march_19_to_22(year in -55i64..3170) {
                let march = nowruz_in_march(year).unwrap();
                prop_assert!((19..=22).contains(&march), "{year}: {march}");
            }
        }
    }
}
