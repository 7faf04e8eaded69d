//! Compacts the two assets that are compiled into the widget (`include_str!` in
//! `src/data.rs` and `src/embed.rs`), since every reader downloads them inside the WASM:
//! the bundled data without the whitespace between JSON tokens, and the stylesheet without
//! comments and without the whitespace that CSS ignores, its `rem` lengths made `px`
//! (inside a shadow root `rem` is the host page's root font size, 28px on some news sites,
//! which made the widget half as tall again as the box reserved for it). The files in
//! `assets/` stay readable; the page built by trunk links the stylesheet itself (and
//! minifies it).

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (source, target, compact) in [
        (
            "assets/events.json",
            "events.min.json",
            compact_json as fn(&str) -> String,
        ),
        ("assets/timeline.css", "timeline.min.css", |text| {
            rem_to_px(&compact_css(text))
        }),
    ] {
        println!("cargo:rerun-if-changed={source}");
        let text = fs::read_to_string(source).unwrap_or_else(|e| panic!("{source}: {e}"));
        fs::write(Path::new(&out).join(target), compact(&text))
            .unwrap_or_else(|e| panic!("{target}: {e}"));
    }
}

/// JSON text without insignificant whitespace; strings are copied as they are (escapes
/// included), so the value is unchanged. Malformed input stays malformed.
fn compact_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' | '\r' => {}
            '"' => {
                out.push(c);
                copy_string(&mut chars, '"', &mut out);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Copies the rest of a quoted string, up to and including its closing `quote`.
fn copy_string(chars: &mut std::str::Chars, quote: char, out: &mut String) {
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '\\' {
            if let Some(escaped) = chars.next() {
                out.push(escaped);
            }
        } else if c == quote {
            return;
        }
    }
}

/// CSS without comments; each run of whitespace becomes one space, or nothing where CSS
/// does not need it: after `{ } ; , > : (` and before `{ } ; , > )`. (Never before `:`,
/// where a space means a descendant, nor around `+` or `-`, which `calc()` needs.)
/// Quoted strings are copied as they are.
fn compact_css(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    let mut space = false;
    while let Some(c) = chars.next() {
        if c == '/' && chars.as_str().starts_with('*') {
            // Skip to the end of the comment, which separates like whitespace.
            let rest = chars.as_str();
            let end = rest[1..].find("*/").map_or(rest.len(), |i| i + 3);
            chars = rest[end..].chars();
            space = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let after = out.ends_with(['{', '}', ';', ',', '>', ':', '(']);
        if space && !out.is_empty() && !after && !matches!(c, '{' | '}' | ';' | ',' | '>' | ')') {
            out.push(' ');
        }
        space = false;
        out.push(c);
        if c == '"' || c == '\'' {
            copy_string(&mut chars, c, &mut out);
        }
    }
    out
}

/// The root font size `rem` stands for in the widget: the browsers' default, which the
/// widget's own root (`font-size: 16px`) keeps whatever the host page's is.
const REM_PX: f64 = 16.0;

/// `css` with every `<number>rem` written as pixels (`0.35rem` gives `5.6px`), outside
/// quoted strings; a `rem` that ends no number (a name such as `remark`) is left alone.
/// `scripts/dist.sh` does the same to the `timeline.css` it ships.
fn rem_to_px(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(c) = rest.chars().next() {
        if c == '"' || c == '\'' {
            let end = rest[1..].find(c).map_or(rest.len(), |i| i + 2);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let number = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                .len();
        // Not the digits of a name or a colour (`h1`, `#1e2`).
        let starts_token =
            !out.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '#');
        if number > 0 && starts_token {
            let after = &rest[number..];
            let unit_ends = !after[3.min(after.len())..]
                .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if let (true, true, Ok(value)) = (
                after.starts_with("rem"),
                unit_ends,
                rest[..number].parse::<f64>(),
            ) {
                let px = (value * REM_PX * 1e4).round() / 1e4;
                out.push_str(&px.to_string());
                out.push_str("px");
                rest = &after[3..];
                continue;
            }
            out.push_str(&rest[..number]);
            rest = after;
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}
