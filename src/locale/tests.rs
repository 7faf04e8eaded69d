//! The languages' conventions, table-driven: dates at every precision, counts, plurals,
//! templates, and how a reader's language is found.

use super::*;
use crate::model::axis::TickKind;
use crate::model::format::Event;

fn date(iso: &str) -> Date {
    Date::parse(iso).unwrap()
}

#[test]
fn dates_in_each_language_at_each_precision() {
    // (ISO date, English, French, Persian: Solar Hijri with the Gregorian date).
    let cases = [
        (
            "2012-09-07",
            "7 September 2012",
            "7 septembre 2012",
            "۱۷ شهریور ۱۳۹۱ (۷ سپتامبر ۲۰۱۲)",
        ),
        (
            "2020-01-08",
            "8 January 2020",
            "8 janvier 2020",
            "۱۸ دی ۱۳۹۸ (۸ ژانویه ۲۰۲۰)",
        ),
        (
            "2024-11-01",
            "1 November 2024",
            "1er novembre 2024",
            "۱۱ آبان ۱۴۰۳ (۱ نوامبر ۲۰۲۴)",
        ),
        // Nowruz 1403 and the last day of the leap year 1399.
        (
            "2024-03-20",
            "20 March 2024",
            "20 mars 2024",
            "۱ فروردین ۱۴۰۳ (۲۰ مارس ۲۰۲۴)",
        ),
        (
            "2021-03-20",
            "20 March 2021",
            "20 mars 2021",
            "۳۰ اسفند ۱۳۹۹ (۲۰ مارس ۲۰۲۱)",
        ),
        // A month overlaps two Solar Hijri months, a year two Solar Hijri years.
        (
            "2012-09",
            "September 2012",
            "septembre 2012",
            "شهریور–مهر ۱۳۹۱ (سپتامبر ۲۰۱۲)",
        ),
        ("2012", "2012", "2012", "۱۳۹۰–۱۳۹۱ (۲۰۱۲)"),
        // Before the Solar Hijri calendar's range: the Gregorian date alone.
        (
            "-0043-03-15",
            "15 March 44 BCE",
            "15 mars 44 av. J.-C.",
            "۱۵ مارس ۴۴ پیش از میلاد",
        ),
        ("0000", "1 BCE", "1 av. J.-C.", "۱ پیش از میلاد"),
        ("0001", "1", "1", "۱"),
    ];
    for (iso, en, fr, fa) in cases {
        let d = date(iso);
        assert_eq!(EN.date(&d), en, "{iso}");
        assert_eq!(FR.date(&d), fr, "{iso}");
        assert_eq!(FA.date(&d), fa, "{iso}");
        assert_eq!(EN.gregorian_date(&d), en, "{iso}");
    }
}

fn event(date: &str, end: Option<&str>, approximate: bool) -> Event {
    let mut json = format!(
        r#"{{"title":"T","events":[{{"id":"e","date":"{date}","title":"E","summary":"S","category":"c","sources":[{{"url":"https://example.org","title":"s","publisher":"p"}}]"#
    );
    if let Some(end) = end {
        json.push_str(&format!(r#","end":"{end}""#));
    }
    if approximate {
        json.push_str(r#","approximate":true"#);
    }
    json.push_str(
        r##"}],"categories":[{"id":"c","label":"C","color":"#123456"}],"updated":"2026-11-28"}"##,
    );
    let validated = crate::model::validate::validate(&json);
    let mut doc = validated
        .document
        .unwrap_or_else(|| panic!("{:?}", validated.problems));
    doc.events.remove(0)
}

#[test]
fn event_dates_with_ranges_and_approximation() {
    let cases = [
        (
            event("2016-06", Some("2017-06-30"), false),
            "June 2016 – 30 June 2017",
            "juin 2016 – 30 juin 2017",
            "خرداد–تیر ۱۳۹۵ – ۹ تیر ۱۳۹۶ (ژوئن ۲۰۱۶ – ۳۰ ژوئن ۲۰۱۷)",
        ),
        (
            event("2013-09", None, true),
            "about September 2013",
            "vers septembre 2013",
            "حدود شهریور–مهر ۱۳۹۲ (سپتامبر ۲۰۱۳)",
        ),
        // An end equal to the start is no range.
        (
            event("2020-01-08", Some("2020-01-08"), false),
            "8 January 2020",
            "8 janvier 2020",
            "۱۸ دی ۱۳۹۸ (۸ ژانویه ۲۰۲۰)",
        ),
    ];
    for (e, en, fr, fa) in cases {
        assert_eq!(EN.event_date(&e), en);
        assert_eq!(FR.event_date(&e), fr);
        assert_eq!(FA.event_date(&e), fa);
    }
}

#[test]
fn times_of_day_in_each_language_never_shifted() {
    // (ISO date, English, French, Persian). The offset is written as the data gives it,
    // isolated (U+2066…U+2069) so that Persian text keeps it in order.
    let cases = [
        (
            "2020-01-08T06:14",
            "8 January 2020, 06:14",
            "8 janvier 2020 à 6 h 14",
            "۱۸ دی ۱۳۹۸ (۸ ژانویه ۲۰۲۰)، ساعت ۰۶:۱۴",
        ),
        (
            "2020-01-08T06:14+03:30",
            "8 January 2020, 06:14 \u{2066}UTC+03:30\u{2069}",
            "8 janvier 2020 à 6 h 14 \u{2066}UTC+03:30\u{2069}",
            "۱۸ دی ۱۳۹۸ (۸ ژانویه ۲۰۲۰)، ساعت ۰۶:۱۴ \u{2066}UTC+۰۳:۳۰\u{2069}",
        ),
        (
            "2024-11-01T00:00Z",
            "1 November 2024, 00:00 \u{2066}UTC\u{2069}",
            "1er novembre 2024 à 0 h 00 \u{2066}UTC\u{2069}",
            "۱۱ آبان ۱۴۰۳ (۱ نوامبر ۲۰۲۴)، ساعت ۰۰:۰۰ \u{2066}UTC\u{2069}",
        ),
        (
            "2019-12-31T23:59-05:00",
            "31 December 2019, 23:59 \u{2066}UTC-05:00\u{2069}",
            "31 décembre 2019 à 23 h 59 \u{2066}UTC-05:00\u{2069}",
            "۱۰ دی ۱۳۹۸ (۳۱ دسامبر ۲۰۱۹)، ساعت ۲۳:۵۹ \u{2066}UTC-۰۵:۰۰\u{2069}",
        ),
    ];
    for (iso, en, fr, fa) in cases {
        let d = date(iso);
        assert_eq!(EN.date(&d), en, "{iso}");
        assert_eq!(FR.date(&d), fr, "{iso}");
        assert_eq!(FA.date(&d), fa, "{iso}");
    }
    // In UTC: the same instant, the day it falls on in UTC.
    let utc = date("2020-01-08T02:00+03:30").in_utc();
    assert_eq!(EN.date(&utc), "7 January 2020, 22:30 \u{2066}UTC\u{2069}");
}

#[test]
fn timed_events_show_their_times_once_per_day() {
    let cases = [
        (
            event(
                "2020-01-08T06:14+03:30",
                Some("2020-01-08T06:18+03:30"),
                false,
            ),
            "8 January 2020, 06:14 \u{2066}UTC+03:30\u{2069} – 06:18 \u{2066}UTC+03:30\u{2069}",
            "8 janvier 2020 à 6 h 14 \u{2066}UTC+03:30\u{2069} – 6 h 18 \u{2066}UTC+03:30\u{2069}",
        ),
        (
            event("2020-01-07T23:00", Some("2020-01-08T01:30"), false),
            "7 January 2020, 23:00 – 8 January 2020, 01:30",
            "7 janvier 2020 à 23 h 00 – 8 janvier 2020 à 1 h 30",
        ),
        (
            event("2020-01-08T06:14", None, true),
            "about 8 January 2020, 06:14",
            "vers 8 janvier 2020 à 6 h 14",
        ),
        // A timed start with a day as its end.
        (
            event("2020-01-08T06:14", Some("2020-01-10"), false),
            "8 January 2020, 06:14 – 10 January 2020",
            "8 janvier 2020 à 6 h 14 – 10 janvier 2020",
        ),
    ];
    for (e, en, fr) in cases {
        assert_eq!(EN.event_date(&e), en);
        assert_eq!(FR.event_date(&e), fr);
    }
    assert_eq!(
        FA.event_date(&event("2020-01-07T23:00", Some("2020-01-08T01:30"), false)),
        "۱۷ دی ۱۳۹۸ (۷ ژانویه ۲۰۲۰)، ساعت ۲۳:۰۰ – ۱۸ دی ۱۳۹۸ (۸ ژانویه ۲۰۲۰)، ساعت ۰۱:۳۰"
    );
}

#[test]
fn counts_are_grouped_and_shaped() {
    let cases = [
        (0, "0", "0", "۰"),
        (7, "7", "7", "۷"),
        (999, "999", "999", "۹۹۹"),
        (1_000, "1,000", "1\u{202F}000", "۱٬۰۰۰"),
        (100_000, "100,000", "100\u{202F}000", "۱۰۰٬۰۰۰"),
        (
            1_234_567,
            "1,234,567",
            "1\u{202F}234\u{202F}567",
            "۱٬۲۳۴٬۵۶۷",
        ),
    ];
    for (n, en, fr, fa) in cases {
        assert_eq!(EN.number(n), en);
        assert_eq!(FR.number(n), fr);
        assert_eq!(FA.number(n), fa);
    }
}

#[test]
fn plurals_follow_each_language() {
    assert_eq!(EN.events_count(1, 1), "1 of 1 event");
    assert_eq!(EN.events_count(0, 36), "0 of 36 events");
    assert_eq!(EN.events_count(0, 0), "0 of 0 events");
    // French writes the singular for 0 and 1.
    assert_eq!(FR.events_count(0, 1), "0 sur 1 événement");
    assert_eq!(FR.events_count(0, 0), "0 sur 0 événement");
    assert_eq!(FR.events_count(3, 36), "3 sur 36 événements");
    // Persian keeps the noun singular after a number.
    assert_eq!(FA.events_count(3, 36), "۳ از ۳۶ رویداد");
    assert_eq!(FA.events_count(1, 1), "۱ از ۱ رویداد");
    // The count of problems the widget does not list.
    let more = |l: &Locale, n| l.counted(&l.more_problems, n);
    assert!(more(&EN, 39_950).starts_with("and 39,950 more ("));
    assert!(more(&FR, 1).starts_with("et 1 autre ("));
    assert!(more(&FR, 39_950).starts_with("et 39\u{202F}950 autres ("));
    assert!(more(&FA, 39_950).starts_with("و ۳۹٬۹۵۰ مورد دیگر ("));
}

#[test]
fn fill_puts_arguments_in_their_places() {
    assert_eq!(fill("{0} of {1}", &["3", "36"]), "3 of 36");
    assert_eq!(fill("{1} ← {0}", &["a", "b"]), "b ← a");
    assert_eq!(fill("no placeholder", &["x"]), "no placeholder");
    // Missing arguments and stray braces are left as written.
    assert_eq!(fill("{0} {2}", &["a"]), "a {2}");
    assert_eq!(fill("{ {x} {0", &["a"]), "{ {x} {0");
    assert_eq!(fill("{0}{0}", &["ab"]), "abab");
    assert_eq!(fill("", &[]), "");
}

#[test]
fn the_readers_language_is_found_from_tags() {
    for (tag, code) in [
        ("fr", Some("fr")),
        ("fr-CA", Some("fr")),
        ("FA-ir", Some("fa")),
        ("fa_IR", Some("fa")),
        (" en-GB ", Some("en")),
        ("de", None),
        ("", None),
        ("f", None),
    ] {
        assert_eq!(find(tag).map(|l| l.code), code, "{tag:?}");
    }
    assert_eq!(negotiate(["de-DE", "fr-CA", "en"]).code, "fr");
    assert_eq!(negotiate(["de", "es"]).code, "en");
    assert_eq!(negotiate([]).code, "en");
}

/// The `{n}` placeholders of a template, sorted.
fn placeholders(template: &str) -> Vec<String> {
    let mut found: Vec<String> = template
        .match_indices('{')
        .filter_map(|(i, _)| {
            let rest = &template[i..];
            rest.find('}').map(|close| rest[..=close].to_owned())
        })
        .collect();
    found.sort();
    found
}

/// Every template of a locale, named.
fn templates(l: &Locale) -> Vec<(&'static str, &'static str)> {
    vec![
        ("bce", l.bce),
        ("about", l.about),
        ("range", l.range),
        ("with_gregorian", l.with_gregorian),
        ("clock", l.clock),
        ("at_time", l.at_time),
        ("last_updated", l.last_updated),
        ("show_more", l.show_more),
        ("play_video", l.play_video),
        ("events_count.one", l.events_count.one),
        ("events_count.other", l.events_count.other),
        ("stage_label.one", l.stage_label.one),
        ("stage_label.other", l.stage_label.other),
        ("cluster_label.one", l.cluster_label.one),
        ("cluster_label.other", l.cluster_label.other),
        ("more_problems.one", l.more_problems.one),
        ("more_problems.other", l.more_problems.other),
    ]
}

#[test]
fn every_translation_keeps_the_placeholders_of_the_english() {
    for l in LOCALES {
        for ((name, english), (_, translated)) in templates(&EN).into_iter().zip(templates(l)) {
            assert_eq!(
                placeholders(translated),
                placeholders(english),
                "{}.{name}: {translated:?}",
                l.code
            );
        }
    }
}

#[test]
fn every_language_is_listed_once_with_a_name_and_its_direction() {
    let codes: Vec<&str> = LOCALES.iter().map(|l| l.code).collect();
    assert_eq!(codes, ["en", "fr", "fa"]);
    for l in LOCALES {
        assert!(!l.name.is_empty());
        assert_eq!(find(l.code), Some(l));
        assert_eq!(l.dir == Dir::Rtl, l.code == "fa", "{}", l.code);
    }
    // Persian text uses the Persian letters, not their Arabic look-alikes.
    for (_, t) in templates(&FA) {
        assert!(!t.contains(['ي', 'ك']), "{t}");
    }
}

#[test]
fn tick_labels_in_both_calendars() {
    use crate::model::calendar::{Calendar, Ymd};
    let greg = Ymd::new(2012, 9, 1);
    let sh = Ymd::new(1391, 6, 1);
    let cases = [
        (
            &EN,
            Calendar::Gregorian,
            greg,
            ["2012", "Sep", "September 2012", "1", "1 Sep", "06:05"],
        ),
        (
            &FR,
            Calendar::Gregorian,
            greg,
            ["2012", "sept.", "septembre 2012", "1", "1 sept.", "6 h 05"],
        ),
        (
            &FA,
            Calendar::Gregorian,
            greg,
            ["۲۰۱۲", "سپتامبر", "سپتامبر ۲۰۱۲", "۱", "۱ سپتامبر", "۰۶:۰۵"],
        ),
        (
            &FA,
            Calendar::SolarHijri,
            sh,
            ["۱۳۹۱", "شهریور", "شهریور ۱۳۹۱", "۱", "۱ شهریور", "۰۶:۰۵"],
        ),
    ];
    let kinds = [
        TickKind::Year,
        TickKind::Month,
        TickKind::MonthOfYear,
        TickKind::Day,
        TickKind::DayMonth,
        TickKind::Time(6 * 60 + 5),
    ];
    for (l, calendar, ymd, labels) in cases {
        for (kind, label) in kinds.into_iter().zip(labels) {
            assert_eq!(
                l.tick_label(calendar, kind, ymd),
                label,
                "{} {kind:?}",
                l.code
            );
        }
    }
    assert_eq!(
        EN.tick_label(Calendar::Gregorian, TickKind::Year, Ymd::new(-43, 1, 1)),
        "44 BCE"
    );
}

#[test]
fn the_editor_strings_are_written_in_every_language_with_the_same_placeholders() {
    let english = editor_strings(&EN).all();
    for locale in LOCALES {
        let strings = editor_strings(locale).all();
        assert_eq!(strings.len(), english.len());
        for (text, en) in strings.iter().zip(&english) {
            assert!(!text.trim().is_empty(), "{}: an empty string", locale.code);
            assert_eq!(
                placeholders(text),
                placeholders(en),
                "{}: {text:?} against {en:?}",
                locale.code
            );
        }
        if locale.code != "en" {
            let same = strings.iter().zip(&english).filter(|(a, b)| a == b).count();
            // A few words are the same in French (Options); most must be translated.
            assert!(same <= 2, "{}: {same} strings left in English", locale.code);
        }
    }
    assert_eq!(editor_strings(&FR).copied, "Copié");
    assert_eq!(editor_strings(&FA).copied, "کپی شد");
}
