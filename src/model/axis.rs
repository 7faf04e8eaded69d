//! The time axis: which calendar unit to tick at the current zoom, and the ticks.
//!
//! Owns the choice of tick unit (days up to a million years), the tick positions, aligned
//! to calendar boundaries, for the visible window only, and their labels. It reads a
//! [`Viewport`] and never changes it. It knows nothing of the DOM: label widths are
//! *estimated* from the character count ([`CHAR_WIDTH_PX`] per character, about right
//! for a 12 px sans-serif font).
//!
//! The contract with the view: every tick's label sits in one row, either starting at the
//! tick's x or centred on it. With either alignment, no two labels overlap and neighbours
//! are at least the requested spacing apart.
//!
//! **Unit choice.** The axis uses the finest unit in [`Unit`]'s order (days, weeks, months,
//! quarters, then years in steps of 1, 2, 5, 10, 20, 50, … 1,000,000) whose *shortest*
//! interval, in pixels at the viewport's scale, is at least the *widest* label that unit
//! could draw in the window plus the spacing. "Could draw" includes its major labels
//! (for days, "September 2012") and the widest year in the window ("44 BCE" is wider than
//! "2012"). Each label is at most that wide and each gap at least that long, so for any
//! two neighbours `a`, `b`: `b.x - a.x ≥ width(a) + spacing` and also
//! `≥ (width(a) + width(b)) / 2 + spacing`. If no unit fits (a very narrow axis over a
//! very long window), the coarsest one is used. It has at most one tick in the supported
//! years (year 0), so nothing can overlap then either.
//!
//! TimelineJS3's `AxisHelper.getBestHelper` had an untested copy-paste bug that always
//! picked the unit before the right one, so the table test below pins the choice at many
//! zoom levels, including pairs on either side of a threshold.
//!
//! Ticks are made by stepping the calendar from the last boundary at or before the window's
//! start to the first one at or after its end: one tick either side of the window. The work
//! and the count are bounded by `width / spacing + 3`, never by the number of days shown.
//! Years are astronomical (year 0 is 1 BCE), as in [`Date`], and ticks exist only within
//! `±MAX_YEAR`.

use super::calendar::{Calendar, Ymd};
use super::date::{Day, MINUTES_PER_DAY};
use super::viewport::Viewport;

/// What an axis tick's label shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickKind {
    /// The year: year ticks, and month ticks that start a year.
    Year,
    /// The month: month and quarter ticks.
    Month,
    /// The month and the year: day and week ticks that start a month.
    MonthOfYear,
    /// The day of the month: day and week ticks.
    Day,
    /// The day and the short month (`8 Jan`): hour and minute ticks at midnight.
    DayMonth,
    /// A time of day, minutes since midnight: hour and minute ticks.
    Time(u16),
}

/// Writes tick labels: the words and digits of a language (`locale::Locale`). The axis
/// only measures what it writes, so the model needs no language of its own.
pub trait TickLabels {
    /// The label of a tick of this kind on `ymd`, in `calendar`.
    fn tick_label(&self, calendar: Calendar, tick: TickKind, ymd: Ymd) -> String;
}

/// The estimated average width of one label character, in CSS pixels (12 px font).
pub const CHAR_WIDTH_PX: f64 = 7.0;

/// The smallest gap between labels we allow. A spacing below it (0, negative, NaN or
/// infinite) is replaced by it.
pub const MIN_LABEL_SPACING_PX: f64 = 4.0;

/// The year steps, finest first. The last one leaves a single tick (year 0) in the
/// supported years, so some unit always works.
const YEAR_STEPS: [u32; 19] = [
    1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000,
    200_000, 500_000, 1_000_000,
];

/// Hour and minute ticks are used only in windows shorter than this, in days (which data
/// of whole days never zooms into: `viewport::MIN_SPAN_DAYS`).
pub const SUB_DAY_WINDOW_DAYS: f64 = 3.0;

/// The minute and hour steps, finest first: each divides the next, and the day.
const MINUTE_STEPS: [u16; 5] = [1, 5, 10, 15, 30];
const HOUR_STEPS: [u16; 5] = [1, 2, 3, 6, 12];

/// A tick unit. The derived order runs from finest to coarsest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// Every so many minutes past each hour (`Minutes(15)`: :00, :15, :30, :45).
    Minutes(u16),
    /// Every so many hours from midnight (`Hours(6)`: 00:00, 06:00, 12:00, 18:00).
    Hours(u16),
    /// Every day.
    Days,
    /// The 1st, 8th, 15th and 22nd of every month. We use these days, not Mondays, so
    /// that every month start, where the major ticks are, is also a week tick, and no two
    /// ticks are ever less than 7 days apart. The last "week" of a month runs 7 to 10 days.
    Weeks,
    /// The 1st of every month.
    Months,
    /// 1 January, 1 April, 1 July and 1 October.
    Quarters,
    /// 1 January of every year that is a multiple of the step, counting astronomically
    /// (year 0 is 1 BCE, year -10 is 11 BCE). `Years(10)` is decades.
    Years(u32),
}

impl Unit {
    /// The unit's name as in the code (`Days`, `Years(10)`), for the stage's `data-unit`;
    /// written out rather than with `Debug`, whose code would ship in the WASM for it.
    pub fn name(self) -> String {
        match self {
            Unit::Minutes(n) => format!("Minutes({n})"),
            Unit::Hours(n) => format!("Hours({n})"),
            Unit::Days => "Days".to_owned(),
            Unit::Weeks => "Weeks".to_owned(),
            Unit::Months => "Months".to_owned(),
            Unit::Quarters => "Quarters".to_owned(),
            Unit::Years(n) => format!("Years({n})"),
        }
    }

    /// Every unit [`axis`] may choose, finest first.
    fn ladder() -> impl Iterator<Item = Unit> {
        MINUTE_STEPS
            .into_iter()
            .map(Unit::Minutes)
            .chain(HOUR_STEPS.into_iter().map(Unit::Hours))
            .chain([Unit::Days, Unit::Weeks, Unit::Months, Unit::Quarters])
            .chain(YEAR_STEPS.into_iter().map(Unit::Years))
    }

    /// The step in minutes of a unit finer than a day.
    fn minutes(self) -> Option<i64> {
        match self {
            Unit::Minutes(n) => Some(i64::from(n.max(1))),
            Unit::Hours(n) => Some(i64::from(n.max(1)) * 60),
            _ => None,
        }
    }

    fn coarsest() -> Unit {
        Unit::Years(YEAR_STEPS[YEAR_STEPS.len() - 1])
    }

    /// The shortest interval between two consecutive ticks, in days (in either calendar:
    /// Solar Hijri months are 29 to 31 days, its quarters 89 to 93, its years 365 or 366).
    fn shortest_days(self) -> f64 {
        match self {
            Unit::Minutes(_) | Unit::Hours(_) => {
                self.minutes().unwrap_or(1) as f64 / MINUTES_PER_DAY as f64
            }
            Unit::Days => 1.0,
            Unit::Weeks => 7.0,
            Unit::Months => 28.0,
            Unit::Quarters => 89.0,
            Unit::Years(step) => 365.0 * f64::from(step.max(1)),
        }
    }

    /// The next coarser grouping: major ticks are where it starts. For years, this is
    /// the next power of ten above the step (years → decades, 20 or 50 years →
    /// centuries), so every major tick is also a tick of the step.
    fn major(self) -> Unit {
        match self {
            Unit::Minutes(_) | Unit::Hours(_) => Unit::Days,
            Unit::Days | Unit::Weeks => Unit::Months,
            Unit::Months | Unit::Quarters => Unit::Years(1),
            Unit::Years(step) => {
                let mut power: u32 = 10;
                while power <= step {
                    match power.checked_mul(10) {
                        Some(next) => power = next,
                        None => return Unit::Years(step),
                    }
                }
                Unit::Years(power)
            }
        }
    }

    /// Whether the unit has a tick on `date`.
    fn starts_on(self, date: Ymd) -> bool {
        let (month, day) = (date.month, date.day);
        match self {
            Unit::Minutes(_) | Unit::Hours(_) | Unit::Days => true,
            Unit::Weeks => matches!(day, 1 | 8 | 15 | 22),
            Unit::Months => day == 1,
            Unit::Quarters => day == 1 && (month - 1) % 3 == 0,
            Unit::Years(step) => day == 1 && month == 1 && date.year % i64::from(step.max(1)) == 0,
        }
    }

    /// The last tick at or before `day`, or the first one `calendar` can write if that is
    /// later (only near the ends of its range).
    fn floor(self, calendar: Calendar, day: i64) -> Option<Ymd> {
        let date = calendar.ymd(Day(day))?;
        let (year, month, dom) = (date.year, date.month, date.day);
        let tick = match self {
            Unit::Minutes(_) | Unit::Hours(_) | Unit::Days => date,
            Unit::Weeks => Ymd::new(year, month, ((dom - 1) / 7 * 7 + 1).min(22)),
            Unit::Months => Ymd::new(year, month, 1),
            Unit::Quarters => Ymd::new(year, (month - 1) / 3 * 3 + 1, 1),
            Unit::Years(step) => {
                let step = i64::from(step.max(1));
                let first = year.div_euclid(step) * step;
                let first = Ymd::new(first, 1, 1);
                if calendar.day(first).is_some() {
                    first
                } else {
                    Ymd::new(first.year + step, 1, 1)
                }
            }
        };
        calendar.day(tick).map(|_| tick)
    }

    /// The tick after `date`, if `calendar` can write it.
    fn next(self, calendar: Calendar, date: Ymd) -> Option<Ymd> {
        let (year, month, dom) = (date.year, date.month, date.day);
        let next = match self {
            Unit::Minutes(_) | Unit::Hours(_) | Unit::Days => {
                return calendar.ymd(Day(calendar.day(date)?.0 + 1))
            }
            // Every month of both calendars has at least 29 days.
            Unit::Weeks if dom < 22 => Ymd::new(year, month, dom + 7),
            Unit::Weeks | Unit::Months => month_start_after(year, month, 1),
            Unit::Quarters => month_start_after(year, month, 3),
            Unit::Years(step) => Ymd::new(year.checked_add(i64::from(step.max(1)))?, 1, 1),
        };
        calendar.day(next).map(|_| next)
    }
}

/// The 1st of the month `months` after (`year`, `month`): both calendars have 12 months.
fn month_start_after(year: i64, month: u8, months: i64) -> Ymd {
    let index = year.saturating_mul(12) + i64::from(month) - 1 + months;
    Ymd::new(index.div_euclid(12), (index.rem_euclid(12) + 1) as u8, 1)
}

/// One tick: a calendar boundary, where it is drawn, and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// The day of the period the tick starts, in the axis's time (see [`axis`]'s offset).
    pub day: Day,
    /// The minute of that day it starts at: 0 but for hour and minute ticks.
    pub minute: u16,
    /// Where it is, in the viewport's days (UTC): the day and minute less the offset.
    pub at: f64,
    /// `view.x_of(at)`: pixels from the left edge; outside `0..width` for the one tick
    /// allowed on either side of the window.
    pub x: f64,
    pub label: String,
    /// Whether a period of the major unit starts here. A major tick carries the fuller
    /// label ("September 2012" rather than "1") and is never also a minor tick.
    pub major: bool,
    /// How its label sits on it, so that no label is cut at the ends of the stage.
    pub align: Align,
}

/// How a tick's label sits on the tick (see [`fit_to_edges`]), in the direction time
/// runs (the view mirrors it right to left).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Centred on it: where it fits.
    Centre,
    /// Starting at it: near the stage's start, where centred it would begin before it.
    Start,
    /// Ending at it: near the stage's end.
    End,
    /// Not drawn: its tick is off the stage, or its label fits nowhere without a cut or
    /// touching its neighbour's.
    Hidden,
}

/// The axis for one viewport.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// The calendar the ticks count in: the one asked for, or the Gregorian one where
    /// the window goes beyond what the asked-for calendar can write.
    pub calendar: Calendar,
    /// The unit of the ticks.
    pub minor_unit: Unit,
    /// The next coarser grouping. Its boundaries are the major ticks.
    pub major_unit: Unit,
    /// Sorted by `x` (and so by day), at most `width / spacing + 3` of them.
    pub ticks: Vec<Tick>,
}

/// The estimated width of a label in pixels (see [`CHAR_WIDTH_PX`]).
pub fn label_width(label: &str) -> f64 {
    label.chars().count() as f64 * CHAR_WIDTH_PX
}

/// The ticks for `view` in `calendar`, labelled in `locale`, with labels at least
/// `min_label_spacing_px` apart (see the module comment for the rule), counting days and
/// hours in the time `offset_minutes` ahead of UTC (the data's usual offset, or 0 for
/// UTC). Never panics. An axis for a window outside the supported years has no ticks.
pub fn axis(
    view: &Viewport,
    min_label_spacing_px: f64,
    calendar: Calendar,
    locale: &dyn TickLabels,
    offset_minutes: i16,
) -> Axis {
    let shift = f64::from(offset_minutes) / MINUTES_PER_DAY as f64;
    let spacing = if min_label_spacing_px.is_finite() {
        min_label_spacing_px.max(MIN_LABEL_SPACING_PX)
    } else {
        MIN_LABEL_SPACING_PX
    };
    // The window in the axis's time: ticks are made there, and drawn `shift` earlier.
    let (start, end, px_per_day) = (view.start() + shift, view.end() + shift, view.px_per_day());
    let (lo, hi) = Calendar::Gregorian.days();
    let usable = start.is_finite()
        && end.is_finite()
        && px_per_day.is_finite()
        && px_per_day > 0.0
        && end >= lo.0 as f64
        && start < (hi.0 + 1) as f64;
    if !usable {
        let unit = Unit::coarsest();
        return Axis {
            calendar: Calendar::Gregorian,
            minor_unit: unit,
            major_unit: unit.major(),
            ticks: Vec::new(),
        };
    }
    // `as` saturates, and the clamp keeps every date below in the supported years
    // (`max`/`min` rather than `clamp`, whose `lo <= hi` assertion formats with `Debug`).
    let first = (start.floor() as i64).max(lo.0).min(hi.0);
    let last = (end.floor() as i64).max(lo.0).min(hi.0);
    let calendar = if calendar.covers(Day(first), Day(last)) {
        calendar
    } else {
        Calendar::Gregorian
    };
    let years = (
        calendar.ymd(Day(first)).map_or(0, |d| d.year),
        calendar.ymd(Day(last)).map_or(0, |d| d.year),
    );
    // Hours and minutes only where days would leave the window nearly bare: a window of
    // weeks reads better in days and months, even with room for hours.
    let sub_day = end - start < SUB_DAY_WINDOW_DAYS;
    let unit = Unit::ladder()
        .filter(|unit| sub_day || unit.minutes().is_none())
        .find(|&unit| {
            unit.shortest_days() * px_per_day
                >= widest_label_px(calendar, locale, unit, years) + spacing
        })
        .unwrap_or_else(Unit::coarsest);

    let major_unit = unit.major();
    // The count is proved to stay within this; the cap only guards against a bug
    // turning into a huge loop.
    let cap = (view.width() / spacing).floor() as usize + 3;
    let mut ticks = Vec::new();
    if let Some(step) = unit.minutes() {
        // `start` and `end` are within the supported years (checked above), so these
        // minute counts are far from overflowing.
        let mut minute = (start * MINUTES_PER_DAY as f64 / step as f64).floor() as i64 * step;
        // Counted in steps, not ticks: a step beyond the calendar's range makes none.
        for _ in 0..cap {
            let day = Day(minute.div_euclid(MINUTES_PER_DAY));
            let of_day = minute.rem_euclid(MINUTES_PER_DAY) as u16;
            let at = minute as f64 / MINUTES_PER_DAY as f64;
            if let Some(date) = calendar.ymd(day) {
                let major = of_day == 0;
                let kind = if major {
                    TickKind::DayMonth
                } else {
                    TickKind::Time(of_day)
                };
                ticks.push(Tick {
                    day,
                    minute: of_day,
                    at: at - shift,
                    x: view.x_of(at - shift),
                    label: locale.tick_label(calendar, kind, date),
                    major,
                    align: Align::Centre,
                });
            }
            if at >= end {
                break;
            }
            minute += step;
        }
        fit_to_edges(&mut ticks, view.width(), spacing);
        return Axis {
            calendar,
            minor_unit: unit,
            major_unit,
            ticks,
        };
    }
    let mut next = unit.floor(calendar, first);
    while let Some(date) = next {
        let Some(day) = calendar.day(date) else {
            break;
        };
        if ticks.len() >= cap {
            break;
        }
        let major = major_unit.starts_on(date);
        ticks.push(Tick {
            day,
            minute: 0,
            at: day.0 as f64 - shift,
            x: view.x_of(day.0 as f64 - shift),
            label: tick_label(calendar, locale, unit, date, major),
            major,
            align: Align::Centre,
        });
        if day.0 as f64 >= end {
            break;
        }
        next = unit.next(calendar, date);
    }
    fit_to_edges(&mut ticks, view.width(), spacing);
    Axis {
        calendar,
        minor_unit: unit,
        major_unit,
        ticks,
    }
}

/// Aligns the labels of `ticks` (in order) so that none is cut by the ends of a stage
/// `width` pixels wide: a tick off the stage has none; one whose centred label would
/// begin before the start has it start at the tick (which the unit's spacing allows, see
/// the module comment), one whose label would run past the end has it end at the tick,
/// unless that brings it within `spacing` of its neighbour's, or it fits neither way:
/// then it has none.
pub fn fit_to_edges(ticks: &mut [Tick], width: f64, spacing: f64) {
    let mut before = f64::NEG_INFINITY;
    for tick in ticks.iter_mut() {
        let (x, w) = (tick.x, label_width(&tick.label));
        let (from, align) = if x < 0.0 || x > width {
            (x, Align::Hidden)
        } else if x + w / 2.0 > width {
            (x - w, Align::End)
        } else if x - w / 2.0 < 0.0 {
            (x, Align::Start)
        } else {
            (x - w / 2.0, Align::Centre)
        };
        let fits = from >= 0.0 && from + w <= width && from >= before + spacing;
        tick.align = if fits { align } else { Align::Hidden };
        if tick.align != Align::Hidden {
            before = from + w;
        }
    }
}

/// The widest label `unit` could draw between the years `years.0` and `years.1`, in px.
/// Year labels widen away from year 1 both ways ("9 BCE", "10 BCE"; "9", "10"), so the
/// two ends bound every year between them. For years, the first tick can come before
/// the window's first year, so that year is used instead.
fn widest_label_px(
    calendar: Calendar,
    locale: &dyn TickLabels,
    unit: Unit,
    years: (i64, i64),
) -> f64 {
    let first_year = match unit {
        Unit::Years(_) => calendar
            .day(Ymd::new(years.0, 1, 1))
            .and_then(|d| unit.floor(calendar, d.0)),
        _ => None,
    }
    .map_or(years.0, |d| d.year);
    let mut samples = Vec::new();
    if unit.minutes().is_some() {
        // Times are all as wide (two digits each); a late one stands for them all.
        let widest_time = locale.tick_label(
            calendar,
            TickKind::Time(23 * 60 + 59),
            Ymd::new(years.0, 1, 1),
        );
        let days = [first_year, years.1]
            .into_iter()
            .flat_map(|year| (1..=12).map(move |month| Ymd::new(year, month, 22)))
            .map(|date| locale.tick_label(calendar, TickKind::DayMonth, date));
        return days
            .chain([widest_time])
            .map(|label| label_width(&label))
            .fold(0.0, f64::max);
    }
    for year in [first_year, years.1] {
        match unit {
            Unit::Years(_) => samples.push(Ymd::new(year, 1, 1)),
            _ => {
                samples.extend((1..=12).map(|month| Ymd::new(year, month, 1)));
                samples.push(Ymd::new(year, 1, 22));
            }
        }
    }
    samples
        .iter()
        .flat_map(|&date| {
            [false, true].map(|major| tick_label(calendar, locale, unit, date, major))
        })
        .map(|label| label_width(&label))
        .fold(0.0, f64::max)
}

/// The label of a tick of `unit` on `date`: the year for years and for major month or
/// quarter ticks ("2012"), the month for months and quarters ("Sep"), the day for days
/// and weeks ("7"), and month and year for major day or week ticks ("September 2012").
/// The words and digits are the locale's; the unit choice measures whatever it writes.
fn tick_label(
    calendar: Calendar,
    locale: &dyn TickLabels,
    unit: Unit,
    date: Ymd,
    major: bool,
) -> String {
    let kind = match (unit, major) {
        (Unit::Years(_), _) | (Unit::Months | Unit::Quarters, true) => TickKind::Year,
        (Unit::Months | Unit::Quarters, false) => TickKind::Month,
        (Unit::Days | Unit::Weeks, true) => TickKind::MonthOfYear,
        (Unit::Days | Unit::Weeks, false) => TickKind::Day,
        // Made by `axis` itself (they need the minute); here for completeness.
        (Unit::Minutes(_) | Unit::Hours(_), true) => TickKind::DayMonth,
        (Unit::Minutes(_) | Unit::Hours(_), false) => TickKind::Time(0),
    };
    locale.tick_label(calendar, kind, date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::EN;
    use crate::model::date::{Date, MAX_YEAR};
    use crate::model::viewport::Limits;

    #[test]
    fn unit_names_are_their_debug_names() {
        for unit in Unit::ladder() {
            assert_eq!(unit.name(), format!("{unit:?}"));
        }
    }

    /// The English Gregorian axis, which the tables below are written for.
    fn axis(view: &Viewport, spacing: f64) -> Axis {
        super::axis(view, spacing, Calendar::Gregorian, &EN, 0)
    }

    const SPACING: f64 = 10.0;
    /// A Gregorian year in days, for writing window lengths.
    const YEAR: f64 = 365.2425;

    pub(super) fn day(text: &str) -> f64 {
        Date::parse(text).unwrap().first_day().0 as f64
    }

    /// A viewport showing `[start, start + span)` at `width` px, with bounds wide enough
    /// never to clamp it.
    pub(super) fn window(start: f64, span: f64, width: f64) -> Viewport {
        Viewport::fit_to(Day(-300_000_000), Day(300_000_000), width)
            .with_window(start, start + span)
    }

    /// The date of a tick, for checking boundaries.
    fn date_of(tick: &Tick) -> Date {
        Date::from_day(tick.day)
    }

    /// Whether `unit` has a tick on `day`, written out separately from `Unit::starts_on`.
    fn on_boundary(unit: Unit, tick: &Tick) -> bool {
        let date = Date::from_day(tick.day);
        let (m, d) = (date.month(), date.day_of_month());
        match unit {
            Unit::Minutes(step) | Unit::Hours(step) => {
                let step = if matches!(unit, Unit::Hours(_)) {
                    step * 60
                } else {
                    step
                };
                tick.minute.is_multiple_of(step)
            }
            _ if tick.minute != 0 => false,
            Unit::Days => true,
            Unit::Weeks => [1, 8, 15, 22].contains(&d),
            Unit::Months => d == 1,
            Unit::Quarters => d == 1 && [1, 4, 7, 10].contains(&m),
            Unit::Years(step) => d == 1 && m == 1 && date.year().rem_euclid(step as i32) == 0,
        }
    }

    /// Every property an axis must have. `covers` says whether the window lies in the
    /// supported years, so that ticks must reach both of its ends.
    fn check(view: &Viewport, spacing: f64, axis: &Axis, covers: bool) -> Result<(), String> {
        check_in(view, spacing, axis, covers, 0)
    }

    /// [`check`] for an axis counting in the time `offset` minutes ahead of UTC.
    fn check_in(
        view: &Viewport,
        spacing: f64,
        axis: &Axis,
        covers: bool,
        offset: i16,
    ) -> Result<(), String> {
        let ticks = &axis.ticks;
        let context = || format!("{:?} ({:?})", axis.minor_unit, view);
        let bound = view.width() / spacing + 3.0;
        if ticks.len() as f64 > bound {
            return Err(format!("{} ticks > {bound}: {}", ticks.len(), context()));
        }
        if axis.major_unit <= axis.minor_unit {
            return Err(format!(
                "major {:?} not coarser: {}",
                axis.major_unit,
                context()
            ));
        }
        if let (Unit::Years(minor), Unit::Years(major)) = (axis.minor_unit, axis.major_unit) {
            if major % minor != 0 {
                return Err(format!("major step {major} not a multiple: {}", context()));
            }
        }
        for tick in ticks {
            if tick.label.is_empty() {
                return Err(format!("empty label at {:?}: {}", tick.day, context()));
            }
            let expected_at =
                tick.day.0 as f64 + (f64::from(tick.minute) - f64::from(offset)) / 1440.0;
            if (tick.at - expected_at).abs() > 1e-9 * (1.0 + expected_at.abs()) {
                return Err(format!("at {} != {expected_at}: {}", tick.at, context()));
            }
            let expected_x = view.x_of(tick.at);
            if (tick.x - expected_x).abs() > 1e-9 * (1.0 + expected_x.abs()) {
                return Err(format!("x {} != {expected_x}: {}", tick.x, context()));
            }
            if !on_boundary(axis.minor_unit, tick) {
                return Err(format!("{} not a boundary: {}", date_of(tick), context()));
            }
            if tick.major != on_boundary(axis.major_unit, tick) {
                return Err(format!(
                    "{} major is {}: {}",
                    date_of(tick),
                    tick.major,
                    context()
                ));
            }
            if Date::from_day(tick.day).year().abs() > MAX_YEAR {
                return Err(format!("{:?} out of range: {}", tick.day, context()));
            }
        }
        for pair in ticks.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.at >= b.at || a.x >= b.x {
                return Err(format!(
                    "not sorted: {} {}: {}",
                    a.label,
                    b.label,
                    context()
                ));
            }
            let gap = b.x - a.x;
            let slack = 1e-6 * (1.0 + a.x.abs().max(b.x.abs()));
            let (wa, wb) = (label_width(&a.label), label_width(&b.label));
            if gap + slack < wa + spacing || gap + slack < (wa + wb) / 2.0 + spacing {
                return Err(format!(
                    "{:?} and {:?} overlap ({gap} px): {}",
                    a.label,
                    b.label,
                    context()
                ));
            }
        }
        // One tick at or before the start, one at or after the end, none further out
        // (stronger than "within one interval of each end").
        let (start, end) = (view.start(), view.end());
        let days: Vec<f64> = ticks.iter().map(|t| t.at).collect();
        if days.len() >= 2 && (days[1] <= start || days[days.len() - 2] >= end) {
            return Err(format!(
                "more than one tick outside the window: {}",
                context()
            ));
        }
        let year_zero = Date::ymd(0, 1, 1).map(|d| d.first_day().0 as f64);
        if covers && axis.minor_unit == Unit::coarsest() {
            // The coarsest unit has just one tick in the supported years: year 0.
            if days != [year_zero.unwrap()] {
                return Err(format!("ticks {days:?} are not year 0: {}", context()));
            }
        } else if covers {
            // A tick beyond the supported years cannot exist: with 500,000-year steps
            // there is none after year 500,000.
            let step = match axis.minor_unit {
                Unit::Years(step) => i64::from(step),
                _ => 0,
            };
            let year = |tick: &Tick| i64::from(date_of(tick).year());
            let max = i64::from(MAX_YEAR);
            let reaches_start = |t: &Tick| t.at <= start || year(t) - step < -max;
            let reaches_end = |t: &Tick| t.at >= end || year(t) + step > max;
            let (Some(first), Some(last)) = (ticks.first(), ticks.last()) else {
                return Err(format!("no ticks: {}", context()));
            };
            if !(reaches_start(first) && reaches_end(last)) {
                return Err(format!("ticks {days:?} do not cover: {}", context()));
            }
        }
        Ok(())
    }

    #[test]
    fn unit_table() {
        use Unit::*;
        // (window start, length in days, width px, expected unit). With 7 px characters
        // and 10 px spacing, "2012" needs 38 px, "51 BCE" 52, "100001 BCE" 80 and
        // "September 2012" 108 px per interval.
        let cases: &[(&str, f64, f64, Unit)] = &[
            ("1950-01-01", 75.0 * YEAR, 1200.0, Years(5)),
            ("1950-01-01", 75.0 * YEAR, 320.0, Years(10)),
            ("1950-01-01", 75.0 * YEAR, 100.0, Years(50)),
            ("2000-01-01", 10.0 * YEAR, 1000.0, Years(1)),
            ("2000-01-01", 10.0 * YEAR, 400.0, Years(1)),
            // 40 px a year: enough for "1950" but not for "51 BCE".
            ("-0050-01-01", 10.0 * YEAR, 400.0, Years(2)),
            ("2000-01-01", 10.0 * YEAR, 10_000.0, Months),
            ("2012-01-01", 365.0, 1000.0, Months),
            ("2012-01-01", 365.0, 320.0, Quarters),
            ("2012-01-01", 90.0, 1000.0, Months),
            ("2012-09-01", 60.0, 1000.0, Weeks),
            ("2012-09-01", 14.0, 1000.0, Weeks),
            ("2012-09-01", 10.0, 1000.0, Weeks),
            // 9 days: 111 px a day, enough for "September 2012".
            ("2012-09-01", 9.0, 1000.0, Days),
            ("2012-09-01", 7.0, 1000.0, Days),
            ("2012-09-01", 7.0, 320.0, Weeks),
            ("2012-09-01", 7.0, 5000.0, Days),
            ("1000-01-01", 1000.0 * YEAR, 1000.0, Years(50)),
            ("1000-01-01", 1000.0 * YEAR, 320.0, Years(200)),
            ("-98000-01-01", 100_000.0 * YEAR, 1000.0, Years(10_000)),
            ("-500000-01-01", 1_000_000.0 * YEAR, 1000.0, Years(100_000)),
            ("-500000-01-01", 1_000_000.0 * YEAR, 10_000.0, Years(10_000)),
            // 1 px still leaves 67 px between 5000-year ticks (year 0 and 5000).
            ("1950-01-01", 75.0 * YEAR, 1.0, Years(5000)),
            // Nothing fits: the coarsest unit, whose only tick is year 0.
            ("-500000-01-01", 1_000_000.0 * YEAR, 1.0, Years(1_000_000)),
        ];
        for &(start, span, width, expected) in cases {
            let view = window(day(start), span, width);
            let axis = axis(&view, SPACING);
            assert_eq!(
                axis.minor_unit, expected,
                "{start} + {span} days at {width} px"
            );
            check(&view, SPACING, &axis, true).unwrap();
            if width >= 100.0 {
                let inside = axis.ticks.iter().filter(|t| (0.0..=width).contains(&t.x));
                assert!(inside.count() >= 2, "{start} + {span} at {width}");
            }
        }
    }

    #[test]
    fn major_units_group_the_minor_ones() {
        use Unit::*;
        let cases = [
            (Days, Months),
            (Weeks, Months),
            (Months, Years(1)),
            (Quarters, Years(1)),
            (Years(1), Years(10)),
            (Years(2), Years(10)),
            (Years(5), Years(10)),
            (Years(10), Years(100)),
            (Years(50), Years(100)),
            (Years(100), Years(1000)),
            (Years(1_000_000), Years(10_000_000)),
        ];
        for (minor, major) in cases {
            assert_eq!(minor.major(), major, "{minor:?}");
        }
    }

    /// The label of the tick on `date`, and whether it is major.
    fn label_at(axis: &Axis, date: &str) -> (String, bool) {
        let target = Day(day(date) as i64);
        let tick = axis.ticks.iter().find(|t| t.day == target);
        let tick = tick.unwrap_or_else(|| panic!("no tick on {date}: {axis:?}"));
        (tick.label.clone(), tick.major)
    }

    #[test]
    fn labels() {
        let s = |text: &str| text.to_string();
        // (window start, length in days, width, expected unit, [(date, label, major)])
        type Expected<'a> = &'a [(&'a str, &'a str, bool)];
        let cases: &[(&str, f64, f64, Unit, Expected)] = &[
            (
                "2005-01-01",
                15.0 * YEAR,
                1000.0,
                Unit::Years(1),
                &[("2012-01-01", "2012", false), ("2010-01-01", "2010", true)],
            ),
            (
                "1950-01-01",
                75.0 * YEAR,
                320.0,
                Unit::Years(10),
                &[("1990-01-01", "1990", false), ("2000-01-01", "2000", true)],
            ),
            (
                "2012-01-01",
                400.0,
                1000.0,
                Unit::Months,
                &[("2012-09-01", "Sep", false), ("2013-01-01", "2013", true)],
            ),
            (
                "2012-01-01",
                400.0,
                320.0,
                Unit::Quarters,
                &[
                    ("2012-04-01", "Apr", false),
                    ("2012-10-01", "Oct", false),
                    ("2013-01-01", "2013", true),
                ],
            ),
            (
                "2012-08-30",
                9.0,
                1000.0,
                Unit::Days,
                &[
                    ("2012-08-31", "31", false),
                    ("2012-09-01", "September 2012", true),
                    ("2012-09-07", "7", false),
                ],
            ),
            (
                "2012-08-20",
                40.0,
                1000.0,
                Unit::Weeks,
                &[
                    ("2012-08-22", "22", false),
                    ("2012-09-01", "September 2012", true),
                    ("2012-09-08", "8", false),
                    ("2012-09-15", "15", false),
                ],
            ),
            (
                "-0005-01-01",
                10.0 * YEAR,
                400.0,
                Unit::Years(2),
                &[
                    ("-0004-01-01", "5 BCE", false),
                    ("0000-01-01", "1 BCE", true),
                    ("0002-01-01", "2", false),
                ],
            ),
            (
                // "September 44 BCE" needs 122 px a week: 50 days give 140.
                "-0043-06-01",
                50.0,
                1000.0,
                Unit::Weeks,
                &[("-0043-07-01", "July 44 BCE", true)],
            ),
        ];
        for &(start, span, width, unit, expected) in cases {
            let view = window(day(start), span, width);
            let axis = axis(&view, SPACING);
            assert_eq!(axis.minor_unit, unit, "{start}");
            check(&view, SPACING, &axis, true).unwrap();
            for &(date, label, major) in expected {
                assert_eq!(label_at(&axis, date), (s(label), major), "{date}");
            }
        }
    }

    #[test]
    fn labels_at_the_ends_of_the_stage_are_kept_whole() {
        // A 200 px stage, 4-character labels (28 px estimated), spacing 10.
        let tick = |x: f64| Tick {
            day: Day(0),
            minute: 0,
            at: 0.0,
            x,
            label: "2030".to_owned(),
            major: false,
            align: Align::Centre,
        };
        use Align::*;
        let cases: &[(&str, &[f64], &[Align])] = &[
            ("inside: centred", &[50.0, 150.0], &[Centre, Centre]),
            (
                "off the stage: hidden",
                &[-1.0, 100.0, 201.0],
                &[Hidden, Centre, Hidden],
            ),
            (
                "near the start: starts at the tick",
                &[0.0, 13.0, 14.0],
                &[Start, Hidden, Hidden],
            ),
            (
                "the start, then room for a centred one",
                &[5.0, 57.0],
                &[Start, Centre],
            ),
            (
                "near the end: ends at the tick",
                &[130.0, 190.0],
                &[Centre, End],
            ),
            (
                "ending at the tick would touch the one before",
                &[160.0, 200.0],
                &[Centre, Hidden],
            ),
            ("exactly at the edges", &[0.0, 200.0], &[Start, End]),
        ];
        for (name, xs, expected) in cases {
            let mut ticks: Vec<Tick> = xs.iter().map(|&x| tick(x)).collect();
            fit_to_edges(&mut ticks, 200.0, 10.0);
            let got: Vec<Align> = ticks.iter().map(|t| t.align).collect();
            assert_eq!(&got, expected, "{name}");
        }
        // A label wider than the stage fits nowhere.
        let mut ticks = vec![tick(5.0)];
        fit_to_edges(&mut ticks, 20.0, 10.0);
        assert_eq!(ticks[0].align, Hidden);
    }

    #[test]
    fn bad_spacing_falls_back_to_the_minimum() {
        let view = window(day("2012-01-01"), 365.0, 1000.0);
        let sane = axis(&view, MIN_LABEL_SPACING_PX);
        for spacing in [0.0, -5.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(axis(&view, spacing), sane, "{spacing}");
        }
        // A large spacing does count: it coarsens the unit.
        assert!(axis(&view, 200.0).minor_unit > sane.minor_unit);
    }

    #[test]
    fn windows_at_the_ends_of_the_supported_years() {
        let last = Date::ymd(MAX_YEAR, 12, 31).unwrap().first_day().0 as f64;
        let first = Date::ymd(-MAX_YEAR, 1, 1).unwrap().first_day().0 as f64;
        let wide = Viewport::fit_to(Day(-400_000_000), Day(400_000_000), 1000.0);
        let cases = [
            (last - 20.0, last - 10.0, true),
            (last - 5.0, last + 5.0, false),
            (last + 10.0, last + 1e6, false),
            (first + 3.0, first + 13.0, true),
            (first - 5.0, first + 5.0, false),
            (first - 1e6, first - 10.0, false),
            (first - 1e5, last + 1e5, false),
        ];
        for (start, end, covers) in cases {
            let view = wide.with_window(start, end);
            let axis = axis(&view, SPACING);
            check(&view, SPACING, &axis, covers).unwrap();
        }
        let beyond = wide.with_window(last + 10.0, last + 1e6);
        assert!(axis(&beyond, SPACING).ticks.is_empty());
    }

    #[test]
    fn a_million_years_is_cheap() {
        // Each call steps the calendar at most width / spacing + 3 times.
        let view = window(-300_000_000.0, 600_000_000.0, 10_000.0);
        for _ in 0..1000 {
            let axis = axis(&view, 0.0);
            assert!(axis.ticks.len() <= 10_000 / 4 + 3);
        }
        check(&view, MIN_LABEL_SPACING_PX, &axis(&view, 0.0), true).unwrap();
    }

    /// [`window`] for data with times: it may be as short as half an hour.
    fn night(start: f64, span: f64, width: f64) -> Viewport {
        Viewport::fit_extent(-3e8, 3e8, width, Limits::MINUTES).with_window(start, start + span)
    }

    #[test]
    fn hours_and_minutes_when_a_night_fills_the_stage() {
        use Unit::*;
        const HOUR: f64 = 1.0 / 24.0;
        // (window length, width px, unit). "23:59" is 35 px and "22 Sep" 42 px: with 10 px
        // spacing, 52 px per interval.
        let cases: &[(f64, f64, Unit)] = &[
            (0.5 * HOUR, 5000.0, Minutes(1)),
            (0.5 * HOUR, 1000.0, Minutes(5)),
            (HOUR, 1000.0, Minutes(5)),
            (HOUR, 390.0, Minutes(10)),
            (8.0 * HOUR, 1000.0, Minutes(30)),
            (8.0 * HOUR, 390.0, Hours(2)),
            (24.0 * HOUR, 1000.0, Hours(2)),
            (48.0 * HOUR, 1000.0, Hours(3)),
            (48.0 * HOUR, 390.0, Hours(12)),
            // Three days or more: days, however wide.
            (72.0 * HOUR, 100_000.0, Days),
        ];
        for &(span, width, unit) in cases {
            let view = night(day("2020-01-07") + 0.9, span, width);
            let axis = axis(&view, SPACING);
            assert_eq!(axis.minor_unit, unit, "{span} days at {width} px");
            check(&view, SPACING, &axis, true).unwrap();
        }
        // A night in Tehran's time (+03:30): ticks on its hours, labelled in its time.
        let view = night(day("2020-01-07") + 20.5 * HOUR, 7.5 * HOUR, 390.0);
        let axis = super::axis(&view, SPACING, Calendar::Gregorian, &EN, 210);
        check_in(&view, SPACING, &axis, true, 210).unwrap();
        let labels: Vec<&str> = axis.ticks.iter().map(|t| t.label.as_str()).collect();
        // Midnight, a major tick, names the day.
        assert_eq!(
            labels,
            ["8 Jan", "01:00", "02:00", "03:00", "04:00", "05:00", "06:00", "07:00", "08:00"]
        );
        assert!(axis.ticks[0].major && !axis.ticks[1].major);
        assert!(
            (axis.ticks[0].x).abs() < 1e-6,
            "midnight in Tehran is the window's start"
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Viewports in the supported years at every zoom: a data extent from one day to
        /// ~800,000 years, then a window from the minimum span up to the whole extent.
        fn viewport() -> impl Strategy<Value = Viewport> {
            (
                -300_000_000i64..0,
                0.0f64..8.5,
                1.0f64..5000.0,
                0.0f64..1.0,
                0.0f64..1.0,
            )
                .prop_map(|(first, log_len, width, zoom, position)| {
                    let len = 10f64.powf(log_len) as i64;
                    let v = Viewport::fit_to(Day(first), Day(first + len), width);
                    let span = v.min_span() * (v.max_span() / v.min_span()).powf(zoom);
                    let start = v.bounds().0 + position * (v.max_span() - span);
                    v.with_window(start, start + span)
                })
        }

        /// Windows of data given to the minute: half an hour to a few days.
        fn minute_viewport() -> impl Strategy<Value = Viewport> {
            (
                -3_000_000.0f64..3_000_000.0,
                0.0f64..2.5,
                1.0f64..5000.0,
                0.0f64..1.0,
            )
                .prop_map(|(first, log_len, width, zoom)| {
                    let len = 10f64.powf(log_len) / 24.0;
                    let v = Viewport::fit_extent(first, first + len, width, Limits::MINUTES);
                    let span = v.min_span() * (v.max_span() / v.min_span()).powf(zoom);
                    v.with_window(v.bounds().0, v.bounds().0 + span)
                })
        }

        fn spacing() -> impl Strategy<Value = f64> {
            prop_oneof![Just(MIN_LABEL_SPACING_PX), 4.0f64..60.0]
        }

        proptest! {
            #[test]
            fn axes_keep_every_promise(view in viewport(), spacing in spacing()) {
                let axis = axis(&view, spacing);
                if let Err(problem) = check(&view, spacing, &axis, true) {
                    prop_assert!(false, "{}", problem);
                }
            }

            #[test]
            fn minute_axes_keep_every_promise_in_any_offset(
                view in minute_viewport(),
                spacing in spacing(),
                offset in -1080i16..=1080,
            ) {
                let axis = super::super::axis(&view, spacing, Calendar::Gregorian, &EN, offset);
                if let Err(problem) = check_in(&view, spacing, &axis, true, offset) {
                    prop_assert!(false, "{}", problem);
                }
            }

            #[test]
            fn zooming_in_never_coarsens_the_unit(
                view in viewport(),
                t in 0.0f64..1.0,
                f in 1.0f64..50.0,
            ) {
                let zoomed = axis(&view.zoom_at(t * view.width(), f), SPACING);
                prop_assert!(zoomed.minor_unit <= axis(&view, SPACING).minor_unit);
            }

            #[test]
            fn wild_input_never_panics_and_keeps_the_other_promises(
                a in any::<i64>().prop_map(|n| n / 2),
                b in any::<i64>().prop_map(|n| n / 2),
                width in prop_oneof![Just(0.0), Just(f64::NAN), -10.0f64..10_000.0],
                spacing in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), -10.0f64..1e7],
                s in 0.0f64..1.0,
                e in 0.0f64..1.0,
            ) {
                let v = Viewport::fit_to(Day(a), Day(b), width);
                let (b0, span) = (v.bounds().0, v.max_span());
                let v = v.with_window(b0 + s * span, b0 + e * span);
                let axis = axis(&v, spacing);
                let sane = if spacing.is_finite() {
                    spacing.max(MIN_LABEL_SPACING_PX)
                } else {
                    MIN_LABEL_SPACING_PX
                };
                // Everything but coverage, which windows beyond the supported years lack.
                if let Err(problem) = check(&v, sane, &axis, false) {
                    prop_assert!(false, "{}", problem);
                }
            }
        }
    }
}

#[cfg(test)]
mod solar_hijri_tests {
    use super::tests::{day, window};
    use super::*;
    use crate::locale::FA;
    use crate::model::solar_hijri::SolarHijri;

    const SPACING: f64 = 16.0;

    /// Whether `unit` has a tick on `day` in the Solar Hijri calendar, written out
    /// separately from `Unit::starts_on`, on the calendar module's conversion.
    fn on_boundary(unit: Unit, day: Day) -> bool {
        let d = SolarHijri::from_day(day).expect("in range");
        match unit {
            // The windows below are at least ten days: these units are not chosen.
            Unit::Minutes(_) | Unit::Hours(_) => false,
            Unit::Days => true,
            Unit::Weeks => [1, 8, 15, 22].contains(&d.day),
            Unit::Months => d.day == 1,
            Unit::Quarters => d.day == 1 && [1, 4, 7, 10].contains(&d.month),
            Unit::Years(step) => d.day == 1 && d.month == 1 && d.year % i64::from(step) == 0,
        }
    }

    #[test]
    fn ticks_fall_on_solar_hijri_boundaries_without_overlapping() {
        let spans = [10.0, 60.0, 365.0, 5.0 * 365.0, 70.0 * 365.0, 400.0 * 365.0];
        let starts = ["1955-01-01", "2012-03-01", "2019-12-25", "2024-02-10"];
        for start in starts {
            for span in spans {
                for width in [320.0, 960.0, 1600.0] {
                    let view = window(day(start), span, width);
                    let axis = axis(&view, SPACING, Calendar::SolarHijri, &FA, 0);
                    let context = format!("{start} +{span} @{width}: {:?}", axis.minor_unit);
                    assert_eq!(axis.calendar, Calendar::SolarHijri, "{context}");
                    assert!(axis.ticks.len() >= 2, "{context}");
                    for t in &axis.ticks {
                        assert!(
                            on_boundary(axis.minor_unit, t.day),
                            "{context}: {:?}",
                            t.day
                        );
                        assert_eq!(t.major, on_boundary(axis.major_unit, t.day), "{context}");
                        assert!(!t.label.chars().any(|c| c.is_ascii_digit()), "{}", t.label);
                    }
                    for pair in axis.ticks.windows(2) {
                        let (a, b) = (&pair[0], &pair[1]);
                        let gap = b.x - a.x;
                        assert!(gap > 0.0, "{context}: not sorted");
                        assert!(
                            gap + 1e-6 >= label_width(&a.label) + SPACING,
                            "{context}: {} and {} overlap",
                            a.label,
                            b.label
                        );
                    }
                    assert!(axis.ticks[0].day.0 as f64 <= view.start(), "{context}");
                    assert!(
                        axis.ticks.last().unwrap().day.0 as f64 >= view.end(),
                        "{context}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_year_of_months_starts_at_nowruz() {
        let view = window(day("2012-03-01"), 365.0, 1200.0);
        let axis = axis(&view, SPACING, Calendar::SolarHijri, &FA, 0);
        assert_eq!(axis.minor_unit, Unit::Months);
        let label_on = |iso: &str| {
            axis.ticks
                .iter()
                .find(|t| t.day.0 as f64 == day(iso))
                .map(|t| (t.label.as_str(), t.major))
        };
        // 1 Farvardin 1391 and 1 Shahrivar 1391.
        assert_eq!(label_on("2012-03-20"), Some(("۱۳۹۱", true)));
        assert_eq!(label_on("2012-08-22"), Some(("شهریور", false)));
        assert_eq!(
            label_on("2012-03-01"),
            None,
            "1 March is no Solar Hijri boundary"
        );
    }

    #[test]
    fn beyond_the_solar_hijri_range_the_axis_is_gregorian() {
        let view = window(day("-0100-01-01"), 50.0 * 365.0, 960.0);
        let axis = axis(&view, SPACING, Calendar::SolarHijri, &FA, 0);
        assert_eq!(axis.calendar, Calendar::Gregorian);
        assert!(axis.ticks.iter().any(|t| t.label.contains("پیش از میلاد")));
    }
}
