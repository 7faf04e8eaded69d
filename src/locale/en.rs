//! English (Canadian usage: day month year).

use super::{one_is_one, Digits, Dir, Locale, Plural};
use crate::model::calendar::Calendar;

pub const EN: Locale = Locale {
    code: "en",
    name: "English",
    dir: Dir::Ltr,
    digits: Digits::Latin,
    group_separator: ",",
    is_one: one_is_one,
    calendar: Calendar::Gregorian,

    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ],
    months_short: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    first_of_month: None,
    bce: "{0} BCE",
    about: "about {0}",
    range: "{0} – {1}",
    list_separator: ", ",
    with_gregorian: "{0} ({1})",
    gregorian: "Gregorian",
    solar_hijri: "Solar Hijri",

    timeline: "Timeline",
    list: "List",
    view: "View",
    language: "Language",
    calendar_label: "Calendar",
    last_updated: "Last updated {0}",
    search: "Search events",
    categories: "Categories",
    zoom: "Zoom",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    show_all: "Show all",
    events_count: Plural {
        one: "{0} of {1} event",
        other: "{0} of {1} events",
    },
    no_match: "No events match your filters.",
    clear_filters: "Clear filters",
    hint_page: "Scroll or pinch to zoom, drag to move, ← → to step through events, + − to zoom, / to search.",
    hint_embed: "Ctrl/⌘ + scroll or pinch to zoom, drag to move, ← → to step through events, + − to zoom, / to search.",
    wheel_hint: "Use Ctrl/⌘ + scroll to zoom",
    show_more: "Show more ({0} of {1} listed)",
    close_details: "Close details",
    play_video: "Play video: {0}",
    media_kinds: ["Image", "Video", "Audio", "Media"],
    previous: "Previous",
    next: "Next",
    events: "Events",
    sources: Plural {
        one: "Source",
        other: "Sources",
    },
    stage_label: Plural {
        one: "Timeline: {0} event shown",
        other: "Timeline: {0} events shown",
    },
    stage_role: "zoomable timeline",
    cluster_label: Plural {
        one: "{0} more event here: zoom in",
        other: "{0} more events here: zoom in",
    },
    problems: "Problems in the data",
    load_failed: "The timeline's data could not be loaded.",
    data_errors: "The timeline's data has errors; events with errors are not shown.",
    data_warnings: "The timeline's data has warnings.",
    more_problems: Plural {
        one: "and {0} more (every problem is listed in the browser console)",
        other: "and {0} more (every problem is listed in the browser console)",
    },
};
