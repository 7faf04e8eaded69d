//! French (Canadian usage).
//! U+00A0 (no-break space) goes before a colon and U+202F (narrow no-break space)
//! between groups of digits, as the Office québécois de la langue française advises.

use super::{Digits, Dir, Locale, Plural};
use crate::model::calendar::Calendar;

/// French writes the singular for 0 and 1 (« 0 événement », « 1 événement »).
fn is_one(n: u64) -> bool {
    n < 2
}

pub const FR: Locale = Locale {
    code: "fr",
    name: "Français",
    dir: Dir::Ltr,
    digits: Digits::Latin,
    group_separator: "\u{202F}",
    is_one,
    calendar: Calendar::Gregorian,

    months: [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre",
    ],
    months_short: [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août", "sept.", "oct.",
        "nov.", "déc.",
    ],
    first_of_month: Some("1er"),
    bce: "{0} av. J.-C.",
    about: "vers {0}",
    range: "{0} – {1}",
    list_separator: ", ",
    with_gregorian: "{0} ({1})",
    clock: "{0} h {1}",
    pad_hour: false,
    at_time: "{0} à {1}",
    time_zone: "Fuseau horaire",
    local_time: "Heure locale",
    gregorian: "grégorien",
    solar_hijri: "hégirien solaire",

    timeline: "Chronologie",
    list: "Liste",
    view: "Affichage",
    language: "Langue",
    calendar_label: "Calendrier",
    last_updated: "Mis à jour le {0}",
    search: "Rechercher des événements",
    categories: "Catégories",
    zoom: "Zoom",
    zoom_in: "Zoom avant",
    zoom_out: "Zoom arrière",
    show_all: "Tout afficher",
    events_count: Plural {
        one: "{0} sur {1} événement",
        other: "{0} sur {1} événements",
    },
    no_match: "Aucun événement ne correspond à vos filtres.",
    clear_filters: "Effacer les filtres",
    hint_page: "Molette ou pincement pour zoomer, glisser pour se déplacer, ← → pour passer d’un événement à l’autre, + − pour zoomer, / pour chercher.",
    hint_embed: "Ctrl/⌘ + molette ou pincement pour zoomer, glisser pour se déplacer, ← → pour passer d’un événement à l’autre, + − pour zoomer, / pour chercher.",
    wheel_hint: "Utilisez Ctrl/⌘ + molette pour zoomer",
    show_more: "Afficher plus ({0} sur {1} affichés)",
    close_details: "Fermer les détails",
    play_video: "Lire la vidéo : {0}",
    media_kinds: ["Image", "Vidéo", "Audio", "Média"],
    previous: "Précédent",
    next: "Suivant",
    events: "Événements",
    sources: Plural {
        one: "Source",
        other: "Sources",
    },
    stage_label: Plural {
        one: "Chronologie\u{A0}: {0} événement affiché",
        other: "Chronologie\u{A0}: {0} événements affichés",
    },
    stage_role: "chronologie zoomable",
    cluster_label: Plural {
        one: "{0} autre événement ici\u{A0}: zoomer",
        other: "{0} autres événements ici\u{A0}: zoomer",
    },
    problems: "Problèmes dans les données",
    load_failed: "Les données de la chronologie n’ont pas pu être chargées.",
    data_errors: "Les données de la chronologie contiennent des erreurs\u{A0}; les événements erronés ne sont pas affichés.",
    data_warnings: "Les données de la chronologie comportent des avertissements.",
    more_problems: Plural {
        one: "et {0} autre (tous les problèmes sont énumérés dans la console du navigateur)",
        other: "et {0} autres (tous les problèmes sont énumérés dans la console du navigateur)",
    },
};
