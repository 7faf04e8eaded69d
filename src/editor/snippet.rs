//! The embed's settings as the editor's controls give them, and what is made of them:
//! the widget's options for the preview, and the embed code (the `div` with the options as
//! data attributes, named by the embed's one table of options, and the script tag as
//! `scripts/dist.sh` writes it into `snippet.html`). Pure, so it is tested natively.

use crate::embed::options::{Key, OPTIONS};
use crate::model::date::Date;
use crate::ui::{Options, Theme};

/// The address of the loader when the editor is told none (the README's).
pub const DEFAULT_SCRIPT: &str = "https://example.org/timeline/embed.js";
/// The height the loader reserves when it is given none (`data-height`'s default).
pub const DEFAULT_HEIGHT: &str = "640px";

/// Where the embed finds its data.
#[derive(Clone, Debug, PartialEq)]
pub enum DataPlace {
    /// In the `div`, as `<script type="application/json">`.
    Inline,
    /// A file at this address (`data-src`), relative to the article.
    File(String),
}

/// The controls' values, as typed (checked by [`Settings::problems`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// A language code, or empty for the article's, then the reader's.
    pub lang: String,
    pub theme: Theme,
    pub start: String,
    pub end: String,
    pub event: String,
    pub categories: Vec<String>,
    pub height: String,
    pub script: String,
    pub integrity: String,
    pub data: DataPlace,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            lang: String::new(),
            theme: Theme::Auto,
            start: String::new(),
            end: String::new(),
            event: String::new(),
            categories: Vec::new(),
            height: DEFAULT_HEIGHT.to_owned(),
            script: DEFAULT_SCRIPT.to_owned(),
            integrity: String::new(),
            data: DataPlace::Inline,
        }
    }
}

/// What is wrong with a control's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wrong {
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// A start without an end, or an end without a start.
    Half,
    /// No event has this id.
    Event,
    /// Not a CSS length.
    Height,
}

/// The problems of the settings, control by control.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    pub start: Option<Wrong>,
    pub end: Option<Wrong>,
    pub event: Option<Wrong>,
    pub height: Option<Wrong>,
}

fn date(text: &str) -> Option<Date> {
    Date::parse(text.trim()).ok()
}

/// Whether `text` is a CSS length the loader can reserve: a number and a unit (or 0).
pub fn is_length(text: &str) -> bool {
    // Longest first: "rem" before "em", "svh" before "vh".
    const UNITS: [&str; 12] = [
        "rem", "svh", "dvh", "lvh", "px", "em", "vh", "vw", "%", "ch", "cm", "pt",
    ];
    let text = text.trim();
    let Some(unit) = UNITS.iter().find(|u| text.ends_with(*u)) else {
        return text == "0";
    };
    let number = &text[..text.len() - unit.len()];
    !number.is_empty()
        && number.chars().filter(|&c| c == '.').count() <= 1
        && number.chars().all(|c| c.is_ascii_digit() || c == '.')
        && number.chars().any(|c| c.is_ascii_digit())
}

impl Settings {
    /// What is wrong, given whether an event id exists in the data.
    pub fn problems(&self, has_event: impl Fn(&str) -> bool) -> Problems {
        let date_problem = |text: &str, other: &str| match (text.trim(), other.trim()) {
            ("", "") => None,
            ("", _) => Some(Wrong::Half),
            (text, _) if date(text).is_none() => Some(Wrong::Date),
            _ => None,
        };
        let event = self.event.trim();
        Problems {
            start: date_problem(&self.start, &self.end),
            end: date_problem(&self.end, &self.start),
            event: (!event.is_empty() && !has_event(event)).then_some(Wrong::Event),
            height: (!is_length(&self.height)).then_some(Wrong::Height),
        }
    }

    /// The widget's options for the preview: those the embed would read from the same
    /// attributes (a window only with both ends, as the embed takes it).
    pub fn options(&self) -> Options {
        let event = self.event.trim();
        Options {
            sync_url: false,
            embedded: true,
            initial_event: (!event.is_empty()).then(|| event.to_owned().into()),
            initial_window: date(&self.start).zip(date(&self.end)),
            categories: (!self.categories.is_empty()).then(|| self.categories.clone()),
            theme: self.theme,
            // The editor's first event is named (`event`); TimelineJS3's slide numbers
            // are for pages moving from it, not offered here.
            start_at: None,
            // The preview is as wide as the editor gives it: it chooses by width.
            layout: Default::default(),
            // The preview is on the editor's page, not in an article.
            link_key: None,
            // The preview shows the editor's data as it is.
            texts: None,
            width: None,
        }
    }

    /// The data attributes of the embed's `div`, in the order of the embed's table: each
    /// option given and valid, named by [`OPTIONS`].
    pub fn attributes(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for spec in &OPTIONS {
            let Some(attribute) = spec.attribute else {
                continue;
            };
            let value = match spec.key {
                Key::Src => match &self.data {
                    DataPlace::File(url) if !url.trim().is_empty() => url.trim().to_owned(),
                    _ => continue,
                },
                Key::Height if is_length(&self.height) => self.height.trim().to_owned(),
                Key::Lang if crate::locale::find(&self.lang).is_some() => self.lang.clone(),
                Key::Start | Key::End => match date(&self.start).zip(date(&self.end)) {
                    Some(_) if spec.key == Key::Start => self.start.trim().to_owned(),
                    Some(_) => self.end.trim().to_owned(),
                    None => continue,
                },
                Key::Event if !self.event.trim().is_empty() => self.event.trim().to_owned(),
                Key::Categories if !self.categories.is_empty() => self.categories.join(","),
                Key::Theme => match self.theme.name() {
                    Some(name) => name.to_owned(),
                    None => continue,
                },
                _ => continue,
            };
            out.push((attribute, value));
        }
        out
    }

    /// The embed code: the `div` with [`Settings::attributes`] (and the data inside it,
    /// when it goes inline: `json`, our format), then the loader's script tag as
    /// `scripts/dist.sh` writes it into `snippet.html`.
    pub fn snippet(&self, json: &str) -> String {
        let mut out = String::from("<div data-timeline");
        for (name, value) in self.attributes() {
            out.push_str(&format!(" {name}=\"{}\"", escape_attribute(&value)));
        }
        // The box reserved before the loader runs (it is async: the page may be painted
        // first), so the article does not move when it does; the loader sets the same.
        let height = match self
            .attributes()
            .into_iter()
            .find(|(name, _)| *name == "data-height")
        {
            Some((_, height)) => height,
            None => DEFAULT_HEIGHT.to_owned(),
        };
        out.push_str(&format!(
            " style=\"min-height:{}\">",
            escape_attribute(&height)
        ));
        if self.data == DataPlace::Inline {
            out.push_str("\n<script type=\"application/json\">");
            out.push_str(&script_safe(json));
            out.push_str("</script>\n");
        }
        out.push_str("</div>\n<script src=\"");
        let script = self.script.trim();
        out.push_str(&escape_attribute(if script.is_empty() {
            DEFAULT_SCRIPT
        } else {
            script
        }));
        out.push('"');
        let integrity = self.integrity.trim();
        if !integrity.is_empty() {
            out.push_str(&format!(" integrity=\"{}\"", escape_attribute(integrity)));
        }
        out.push_str(" crossorigin=\"anonymous\" async></script>\n");
        out
    }
}

/// Text for a double-quoted attribute value.
pub fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON text that is safe inside `<script type="application/json">`: every `<` (which
/// in JSON text can only be inside a string) written `\u003c`, so no `</script>` or
/// `<!--` can end or change the element. The same value once parsed.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings {
            lang: "fr".into(),
            theme: Theme::Dark,
            start: "2012".into(),
            end: "2021-06".into(),
            event: "ps752-downed-2020".into(),
            categories: vec!["aviation".into(), "legal".into()],
            height: "480px".into(),
            script: "https://news.example/timeline/embed.js".into(),
            integrity: "sha384-abc".into(),
            data: DataPlace::Inline,
        }
    }

    #[test]
    fn the_snippet_holds_each_option_as_the_embed_names_it() {
        let json = r#"{"title":"</script><!--x","events":[]}"#;
        let snippet = settings().snippet(json);
        assert_eq!(
            snippet,
            "<div data-timeline data-height=\"480px\" data-lang=\"fr\" data-start=\"2012\" \
             data-end=\"2021-06\" data-event=\"ps752-downed-2020\" data-categories=\"aviation,legal\" \
             data-theme=\"dark\" style=\"min-height:480px\">\n<script type=\"application/json\">\
             {\"title\":\"\\u003c/script>\\u003c!--x\",\"events\":[]}</script>\n</div>\n\
             <script src=\"https://news.example/timeline/embed.js\" integrity=\"sha384-abc\" \
             crossorigin=\"anonymous\" async></script>\n"
        );
        // Every attribute is one the embed's table has.
        for (name, _) in settings().attributes() {
            assert!(OPTIONS.iter().any(|o| o.attribute == Some(name)), "{name}");
        }
    }

    #[test]
    fn what_is_not_given_or_not_valid_is_left_out() {
        let plain = Settings::default();
        assert_eq!(
            plain.attributes(),
            vec![("data-height", "640px".to_owned())]
        );
        assert!(plain.snippet("{}").ends_with(&format!(
            "<script src=\"{DEFAULT_SCRIPT}\" crossorigin=\"anonymous\" async></script>\n"
        )));
        let half = Settings {
            start: "2012".into(),
            lang: "de".into(),
            height: "tall".into(),
            ..Settings::default()
        };
        assert!(half.attributes().is_empty());
        let file = Settings {
            data: DataPlace::File("data/my \"timeline\".json".into()),
            ..Settings::default()
        };
        let snippet = file.snippet("{}");
        assert!(snippet.starts_with(
            "<div data-timeline data-src=\"data/my &quot;timeline&quot;.json\" data-height=\"640px\" style=\"min-height:640px\"></div>"
        ));
        assert!(!snippet.contains("application/json"));
    }

    #[test]
    fn the_preview_gets_the_options_the_embed_would() {
        let options = settings().options();
        assert!(options.embedded && !options.sync_url);
        assert_eq!(
            options.initial_window,
            Some((
                Date::parse("2012").unwrap(),
                Date::parse("2021-06").unwrap()
            ))
        );
        assert_eq!(options.initial_event.as_deref(), Some("ps752-downed-2020"));
        assert_eq!(
            options.categories,
            Some(vec!["aviation".into(), "legal".into()])
        );
        assert_eq!(options.theme, Theme::Dark);
        assert_eq!(Settings::default().options().categories, None);
    }

    #[test]
    fn each_control_says_what_is_wrong() {
        let cases: [(&str, &str, &str, &str, Problems); 4] = [
            (
                "2012",
                "2021-06",
                "ps752-downed-2020",
                "480px",
                Problems::default(),
            ),
            (
                "2012-13",
                "",
                "nope",
                "480",
                Problems {
                    start: Some(Wrong::Date),
                    end: Some(Wrong::Half),
                    event: Some(Wrong::Event),
                    height: Some(Wrong::Height),
                },
            ),
            ("", "", "", "80vh", Problems::default()),
            (
                "",
                "2020",
                "",
                "12.5rem",
                Problems {
                    start: Some(Wrong::Half),
                    ..Problems::default()
                },
            ),
        ];
        for (start, end, event, height, expected) in cases {
            let s = Settings {
                start: start.into(),
                end: end.into(),
                event: event.into(),
                height: height.into(),
                ..Settings::default()
            };
            assert_eq!(
                s.problems(|id| id == "ps752-downed-2020"),
                expected,
                "{start} {end} {event} {height}"
            );
        }
        for (length, ok) in [
            ("640px", true),
            ("0", true),
            ("1.5.2em", false),
            ("px", false),
            ("-3px", false),
            ("100%", true),
        ] {
            assert_eq!(is_length(length), ok, "{length}");
        }
    }
}
