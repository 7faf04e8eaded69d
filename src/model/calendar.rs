//! The calendars the axis can count in: the Gregorian one (proleptic, astronomical years,
//! as [`Date`]) and the Solar Hijri one, behind one interface of (year, month, day)
//! triples and day numbers, so the axis's tick logic is written once for both.

use super::date::{days_in_month, Date, Day, MAX_YEAR};
use super::solar_hijri::SolarHijri;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Calendar {
    #[default]
    Gregorian,
    SolarHijri,
}

/// A day of a calendar: year, month (1–12) and day of the month (from 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    pub year: i64,
    pub month: u8,
    pub day: u8,
}

impl Ymd {
    pub fn new(year: i64, month: u8, day: u8) -> Ymd {
        Ymd { year, month, day }
    }
}

impl Calendar {
    /// A stable name, for markup and options: `gregorian`, `solar-hijri`.
    pub fn id(self) -> &'static str {
        match self {
            Calendar::Gregorian => "gregorian",
            Calendar::SolarHijri => "solar-hijri",
        }
    }

    /// The first and last day this calendar can write: ±[`MAX_YEAR`] for the Gregorian
    /// one, the years of Borkowski's table for the Solar Hijri one.
    pub fn days(self) -> (Day, Day) {
        match self {
            Calendar::Gregorian => (
                Date::ymd(-MAX_YEAR, 1, 1).map_or(Day(0), |d| d.first_day()),
                Date::ymd(MAX_YEAR, 12, 31).map_or(Day(0), |d| d.first_day()),
            ),
            // From 1 Farvardin -61 to 30 Bahman 3177: the table ends at 3178, so the
            // length of Esfand 3177 (leap or not) is unknown.
            Calendar::SolarHijri => (
                SolarHijri::from_ymd(-61, 1, 1).unwrap_or(Day(0)),
                SolarHijri::from_ymd(3177, 11, 30).unwrap_or(Day(0)),
            ),
        }
    }

    /// Whether every day from `first` to `last` can be written in this calendar.
    pub fn covers(self, first: Day, last: Day) -> bool {
        let (lo, hi) = self.days();
        first >= lo && last <= hi && first <= last
    }

    /// The date of `day`, if the calendar can write it.
    pub fn ymd(self, day: Day) -> Option<Ymd> {
        match self {
            Calendar::Gregorian => {
                let (lo, hi) = self.days();
                (lo..=hi).contains(&day).then(|| {
                    let d = Date::from_day(day);
                    Ymd::new(i64::from(d.year()), d.month(), d.day_of_month())
                })
            }
            Calendar::SolarHijri => {
                SolarHijri::from_day(day).map(|d| Ymd::new(d.year, d.month, d.day))
            }
        }
    }

    /// The day number of a date of this calendar, if the date exists.
    pub fn day(self, ymd: Ymd) -> Option<Day> {
        match self {
            Calendar::Gregorian => {
                let year = i32::try_from(ymd.year).ok()?;
                Date::ymd(year, ymd.month, ymd.day)
                    .ok()
                    .map(|d| d.first_day())
            }
            Calendar::SolarHijri => SolarHijri::from_ymd(ymd.year, ymd.month, ymd.day),
        }
    }

    /// How many days the month of `ymd` has.
    pub fn month_length(self, ymd: Ymd) -> Option<u8> {
        match self {
            Calendar::Gregorian => {
                let year = i32::try_from(ymd.year).ok()?;
                (1..=12)
                    .contains(&ymd.month)
                    .then(|| days_in_month(year, ymd.month))
            }
            Calendar::SolarHijri => SolarHijri {
                year: ymd.year,
                month: ymd.month,
                day: 1,
            }
            .month_length(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(iso: &str) -> Day {
        Date::parse(iso).unwrap().first_day()
    }

    #[test]
    fn both_calendars_name_the_same_days() {
        // (Gregorian, Solar Hijri) pairs: Nowruz, the pairs, a leap Esfand 30.
        let pairs = [
            ("2012-09-07", Ymd::new(1391, 6, 17)),
            ("2020-01-08", Ymd::new(1398, 10, 18)),
            ("2024-03-20", Ymd::new(1403, 1, 1)),
            ("2021-03-20", Ymd::new(1399, 12, 30)),
            ("2025-03-21", Ymd::new(1404, 1, 1)),
        ];
        for (iso, sh) in pairs {
            let d = day(iso);
            assert_eq!(Calendar::SolarHijri.ymd(d), Some(sh), "{iso}");
            assert_eq!(Calendar::SolarHijri.day(sh), Some(d), "{iso}");
            let g = Calendar::Gregorian.ymd(d).unwrap();
            assert_eq!(Calendar::Gregorian.day(g), Some(d), "{iso}");
        }
    }

    #[test]
    fn ranges_and_invalid_dates() {
        let (lo, hi) = Calendar::SolarHijri.days();
        assert!(Calendar::SolarHijri.ymd(lo).is_some());
        assert!(Calendar::SolarHijri.ymd(hi).is_some());
        assert_eq!(Calendar::SolarHijri.ymd(Day(lo.0 - 1)), None);
        assert_eq!(Calendar::SolarHijri.ymd(Day(hi.0 + 1)), None);
        assert!(Calendar::SolarHijri.covers(day("1955-01-01"), day("2026-12-31")));
        assert!(!Calendar::SolarHijri.covers(day("-0500-01-01"), day("2026-12-31")));
        assert_eq!(Calendar::SolarHijri.day(Ymd::new(1403, 12, 31)), None);
        assert_eq!(Calendar::SolarHijri.day(Ymd::new(1402, 12, 30)), None);
        assert_eq!(Calendar::Gregorian.day(Ymd::new(2023, 2, 29)), None);
        assert_eq!(
            Calendar::SolarHijri.month_length(Ymd::new(1403, 12, 1)),
            Some(30)
        );
        assert_eq!(
            Calendar::Gregorian.month_length(Ymd::new(2024, 2, 1)),
            Some(29)
        );
        assert_eq!(
            Calendar::Gregorian.month_length(Ymd::new(2024, 13, 1)),
            None
        );
    }
}
