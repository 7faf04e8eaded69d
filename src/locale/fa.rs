//! Persian (Farsi): right to left, Persian digits, and the Solar Hijri calendar first,
//! with the Gregorian date alongside. Persian nouns stay singular after a number.

use super::{Digits, Dir, Locale, Plural};
use crate::model::calendar::Calendar;

fn is_one(_: u64) -> bool {
    false
}

pub const FA: Locale = Locale {
    code: "fa",
    name: "فارسی",
    dir: Dir::Rtl,
    digits: Digits::Persian,
    // U+066C ARABIC THOUSANDS SEPARATOR.
    group_separator: "\u{066C}",
    is_one,
    calendar: Calendar::SolarHijri,

    // The Gregorian months as Iranian Persian writes them.
    months: [
        "ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر",
        "نوامبر", "دسامبر",
    ],
    months_short: [
        "ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر",
        "نوامبر", "دسامبر",
    ],
    first_of_month: None,
    bce: "{0} پیش از میلاد",
    about: "حدود {0}",
    range: "{0} – {1}",
    list_separator: "، ",
    with_gregorian: "{0} ({1})",
    clock: "{0}:{1}",
    pad_hour: true,
    at_time: "{0}، ساعت {1}",
    time_zone: "منطقهٔ زمانی",
    local_time: "وقت محلی",
    gregorian: "میلادی",
    solar_hijri: "خورشیدی",

    timeline: "خط زمانی",
    list: "فهرست",
    view: "نما",
    language: "زبان",
    calendar_label: "تقویم",
    last_updated: "آخرین به‌روزرسانی: {0}",
    search: "جست‌وجوی رویدادها",
    categories: "دسته‌ها",
    zoom: "بزرگ‌نمایی",
    zoom_in: "بزرگ‌نمایی",
    zoom_out: "کوچک‌نمایی",
    show_all: "نمایش همه",
    events_count: Plural {
        one: "{0} از {1} رویداد",
        other: "{0} از {1} رویداد",
    },
    no_match: "هیچ رویدادی با فیلترهای شما مطابقت ندارد.",
    clear_filters: "پاک کردن فیلترها",
    hint_page: "برای بزرگ‌نمایی، چرخ ماوس را بچرخانید یا دو انگشت را باز و بسته کنید؛ برای جابه‌جایی بکشید؛ با ← → میان رویدادها بروید؛ با + − بزرگ‌نمایی کنید و با / جست‌وجو کنید.",
    hint_embed: "برای بزرگ‌نمایی، Ctrl/⌘ را نگه دارید و چرخ ماوس را بچرخانید یا دو انگشت را باز و بسته کنید؛ برای جابه‌جایی بکشید؛ با ← → میان رویدادها بروید؛ با + − بزرگ‌نمایی کنید و با / جست‌وجو کنید.",
    wheel_hint: "برای بزرگ‌نمایی، Ctrl/⌘ را نگه دارید و چرخ ماوس را بچرخانید",
    show_more: "نمایش بیشتر ({0} از {1} نمایش داده شده)",
    close_details: "بستن جزئیات",
    play_video: "پخش ویدیو: {0}",
    media_kinds: ["تصویر", "ویدیو", "صدا", "رسانه"],
    previous: "قبلی",
    next: "بعدی",
    events: "رویدادها",
    sources: Plural {
        one: "منبع",
        other: "منابع",
    },
    stage_label: Plural {
        one: "خط زمانی: {0} رویداد نمایش داده شده",
        other: "خط زمانی: {0} رویداد نمایش داده شده",
    },
    stage_role: "خط زمانی بزرگ‌نمایی‌پذیر",
    cluster_label: Plural {
        one: "{0} رویداد دیگر در اینجا: بزرگ‌نمایی کنید",
        other: "{0} رویداد دیگر در اینجا: بزرگ‌نمایی کنید",
    },
    problems: "مشکلات داده‌ها",
    load_failed: "داده‌های خط زمانی بارگیری نشد.",
    data_errors: "داده‌های خط زمانی خطا دارد؛ رویدادهای دارای خطا نمایش داده نمی‌شوند.",
    data_warnings: "داده‌های خط زمانی هشدار دارد.",
    more_problems: Plural {
        one: "و {0} مورد دیگر (همهٔ مشکلات در کنسول مرورگر فهرست شده‌اند)",
        other: "و {0} مورد دیگر (همهٔ مشکلات در کنسول مرورگر فهرست شده‌اند)",
    },
};
