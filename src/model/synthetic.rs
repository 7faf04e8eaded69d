//! Synthetic timelines of any size, for the benchmarks and the scale tests.
//!
//! Dates are not uniform: real timelines have bursts (a crisis produces a dozen events in a
//! week, then months of quiet), so events are drawn around a few hundred "burst" centres
//! with a spread that varies from days to years. The generator is deterministic for a seed
//! and needs no random-number crate.

use super::date::{Date, Day};
use super::format::{Category, Document, Era, Event, Source, Text, Translations};

/// A small, fast, deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
}

const CATEGORIES: [(&str, &str, &str, &str); 6] = [
    ("diplomacy", "Diplomacy", "Diplomatie", "#3f7ac4"),
    ("trade", "Trade", "Commerce", "#a8913a"),
    ("security", "Security", "Sécurité", "#bb4037"),
    ("courts", "Courts", "Tribunaux", "#735dab"),
    ("culture", "Culture", "Culture", "#2ca09a"),
    (
        "consular",
        "Consular cases",
        "Affaires consulaires",
        "#c06932",
    ),
];

const SUBJECTS: [&str; 12] = [
    "Delegation",
    "Agreement",
    "Ruling",
    "Statement",
    "Summit",
    "Report",
    "Sanctions",
    "Exchange",
    "Inquiry",
    "Festival",
    "Treaty",
    "Hearing",
];
const PLACES: [&str; 10] = [
    "Ottawa",
    "Montréal",
    "Toronto",
    "Québec",
    "Vancouver",
    "Geneva",
    "Paris",
    "London",
    "The Hague",
    "New York",
];

fn translated(en: String, fr: String) -> Text {
    Text::Translated(Translations::from([
        ("en".to_owned(), en),
        ("fr".to_owned(), fr),
    ]))
}

/// A valid document of `n` events between 1950 and 2025, with bursts of dense dates,
/// several categories, a few ranges and eras. The same `seed` gives the same document.
pub fn synthetic(n: usize, seed: u64) -> Document {
    let mut rng = Rng(seed);
    let first = Date::ymd(1950, 1, 1)
        .map_or(Day(-7305), |d| d.first_day())
        .0;
    let last = Date::ymd(2025, 12, 31)
        .map_or(Day(20453), |d| d.first_day())
        .0;
    let bursts: Vec<(i64, f64)> = (0..(n / 25).clamp(4, 400))
        .map(|_| {
            let centre = first + rng.below((last - first) as u64) as i64;
            // Spread from a few days to a few years, log-uniformly.
            let spread = 3.0 * 400f64.powf(rng.unit());
            (centre, spread)
        })
        .collect();
    let events: Vec<Event> = (0..n)
        .map(|k| {
            let (centre, spread) = bursts[rng.below(bursts.len() as u64) as usize];
            // Sum of uniforms: roughly bell-shaped around the burst centre.
            let offset = (rng.unit() + rng.unit() + rng.unit() - 1.5) * spread;
            let start = (centre + offset as i64).clamp(first, last);
            let date = Date::from_day(Day(start));
            let date = match rng.below(10) {
                0 => date.truncated(super::date::Precision::Year),
                1 | 2 => date.truncated(super::date::Precision::Month),
                _ => date,
            };
            let end = (rng.below(12) == 0).then(|| {
                let length = 1 + rng.below(900) as i64;
                Date::from_day(Day((date.last_day().0 + length).min(last)))
            });
            let (category, ..) = CATEGORIES[rng.below(CATEGORIES.len() as u64) as usize];
            let subject = SUBJECTS[rng.below(SUBJECTS.len() as u64) as usize];
            let place = PLACES[rng.below(PLACES.len() as u64) as usize];
            Event {
                id: format!("e{k}"),
                date,
                approximate: rng.below(20) == 0,
                end,
                date_label: None,
                category: category.to_owned(),
                tags: vec![place.to_owned(), format!("tag{}", rng.below(50))],
                title: translated(
                    format!("{subject} in {place} (event {k})"),
                    format!("{subject} à {place} (événement {k})"),
                ),
                summary: translated(
                    format!("Synthetic event number {k}, generated for testing and benchmarks."),
                    format!("Événement synthétique numéro {k}, produit pour les tests."),
                ),
                sources: vec![Source {
                    title: Text::from("Synthetic source"),
                    publisher: "Generator".to_owned(),
                    url: format!("https://example.org/events/{k}"),
                    date: None,
                }],
                importance: [1, 2, 2, 2, 2, 2, 2, 3][rng.below(8) as usize],
                media: None,
            }
        })
        .collect();
    // `doc.sort_events()` below puts them in date order.
    let mut doc = Document {
        lang: None,
        title: translated(
            format!("Synthetic timeline of {n} events"),
            format!("Chronologie synthétique de {n} événements"),
        ),
        description: None,
        updated: Some(Date::from_day(Day(last))),
        categories: CATEGORIES
            .iter()
            .map(|(id, en, fr, color)| Category {
                id: (*id).to_owned(),
                label: translated((*en).to_owned(), (*fr).to_owned()),
                color: (*color).to_owned(),
            })
            .collect(),
        eras: vec![Era {
            label: translated("A quiet decade".to_owned(), "Une décennie calme".to_owned()),
            start: Date::year_only(1970).unwrap_or_else(|_| Date::from_day(Day(0))),
            end: Date::year_only(1979).unwrap_or_else(|_| Date::from_day(Day(3652))),
            summary: None,
        }],
        events,
    };
    doc.sort_events();
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::validate;
    use std::collections::BTreeMap;

    #[test]
    fn is_deterministic_and_sized() {
        let a = synthetic(500, 7);
        assert_eq!(a.events.len(), 500);
        assert_eq!(a, synthetic(500, 7));
        assert_ne!(a, synthetic(500, 8));
    }

    #[test]
    fn round_trips_through_the_validator() {
        let doc = synthetic(300, 1);
        let json = serde_json::to_string(&doc).expect("serializes");
        let validated = validate(&json);
        assert!(
            validated.problems.is_empty(),
            "{:?}",
            validated.problems.first()
        );
        assert_eq!(validated.document, Some(doc));
    }

    #[test]
    fn dates_come_in_bursts() {
        // Bursty data has many more events on its busiest tenth of days than uniform data.
        let doc = synthetic(5000, 3);
        let mut per_month: BTreeMap<(i32, u8), usize> = BTreeMap::new();
        for e in &doc.events {
            *per_month
                .entry((e.date.year(), e.date.month()))
                .or_default() += 1;
        }
        let months = 76 * 12;
        let busiest = per_month.values().max().copied().unwrap_or(0);
        assert!(
            busiest > 5 * 5000 / months,
            "busiest month has only {busiest}"
        );
        assert!(
            per_month.len() < months,
            "every month has events: not bursty"
        );
    }
}
