//! The editor page's own strings (editor.html), one [`EditorStrings`] in each language's
//! file beside its [`super::Locale`]. Apart from the widget's, so the widget's module
//! carries none of them: only the editor uses [`super::editor_strings`].

use super::Plural;

/// Every string the editor page writes, in one language. Templates hold `{0}`, `{1}`
/// (see [`super::fill`]).
#[derive(Debug)]
pub struct EditorStrings {
    /// The page's title and heading.
    pub title: &'static str,
    pub intro: &'static str,
    /// The page's language switcher's name.
    pub page_language: &'static str,
    pub open_heading: &'static str,
    pub choose_file: &'static str,
    pub drop_hint: &'static str,
    pub url_label: &'static str,
    pub url_open: &'static str,
    pub loading: &'static str,
    /// `{0} could not be read: {1}` (a file's name or an address, and why).
    pub open_failed: &'static str,
    /// Why a download failed when the browser gives no reason (CORS, offline).
    pub fetch_blocked: &'static str,
    /// `{0} opened` (a file's name or an address).
    pub opened: &'static str,
    pub template_start: &'static str,
    pub template_download: &'static str,
    pub text_label: &'static str,
    pub text_hint: &'static str,
    pub problems_heading: &'static str,
    pub no_problems: &'static str,
    pub checking: &'static str,
    /// `{0} errors, {1} warnings`.
    pub problems_count: &'static str,
    pub problems_more: Plural,
    pub error: &'static str,
    pub warning: &'static str,
    /// `line {0}, column {1}`.
    pub place: &'static str,
    pub preview_heading: &'static str,
    pub preview_empty: &'static str,
    pub options_heading: &'static str,
    pub lang_label: &'static str,
    pub lang_auto: &'static str,
    pub theme_label: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub start_label: &'static str,
    pub end_label: &'static str,
    pub date_hint: &'static str,
    pub date_invalid: &'static str,
    pub window_needs_both: &'static str,
    pub event_label: &'static str,
    pub event_hint: &'static str,
    pub event_unknown: &'static str,
    pub categories_label: &'static str,
    pub height_label: &'static str,
    pub height_invalid: &'static str,
    pub outputs_heading: &'static str,
    pub script_label: &'static str,
    pub integrity_label: &'static str,
    pub data_label: &'static str,
    pub data_inline: &'static str,
    pub data_file: &'static str,
    pub data_src_label: &'static str,
    pub snippet_label: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub download_json: &'static str,
    pub errors_left_out: &'static str,
    pub fallback_heading: &'static str,
    pub fallback_intro: &'static str,
    /// `Copy ({0})`, `Download ({0})`: the language's name.
    pub fallback_copy: &'static str,
    pub fallback_download: &'static str,
    pub no_data: &'static str,
}

impl EditorStrings {
    /// Every string, for the tests (none empty, the same placeholders in each language).
    pub fn all(&self) -> Vec<&'static str> {
        vec![
            self.title,
            self.intro,
            self.page_language,
            self.open_heading,
            self.choose_file,
            self.drop_hint,
            self.url_label,
            self.url_open,
            self.loading,
            self.open_failed,
            self.fetch_blocked,
            self.opened,
            self.template_start,
            self.template_download,
            self.text_label,
            self.text_hint,
            self.problems_heading,
            self.no_problems,
            self.checking,
            self.problems_count,
            self.problems_more.one,
            self.problems_more.other,
            self.error,
            self.warning,
            self.place,
            self.preview_heading,
            self.preview_empty,
            self.options_heading,
            self.lang_label,
            self.lang_auto,
            self.theme_label,
            self.theme_auto,
            self.theme_light,
            self.theme_dark,
            self.start_label,
            self.end_label,
            self.date_hint,
            self.date_invalid,
            self.window_needs_both,
            self.event_label,
            self.event_hint,
            self.event_unknown,
            self.categories_label,
            self.height_label,
            self.height_invalid,
            self.outputs_heading,
            self.script_label,
            self.integrity_label,
            self.data_label,
            self.data_inline,
            self.data_file,
            self.data_src_label,
            self.snippet_label,
            self.copy,
            self.copied,
            self.copy_failed,
            self.download_json,
            self.errors_left_out,
            self.fallback_heading,
            self.fallback_intro,
            self.fallback_copy,
            self.fallback_download,
            self.no_data,
        ]
    }
}

/// Compared by place: there is one of each language's.
impl PartialEq for EditorStrings {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}
