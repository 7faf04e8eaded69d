//! Compacts the two assets that are compiled into the widget (`include_str!` in
//! `src/data.rs` and `src/embed.rs`), since every reader downloads them inside the WASM:
//! the bundled data without the whitespace between JSON tokens, and the stylesheet without
//! comments and without the whitespace that CSS ignores. The files in `assets/` stay
//! readable; the page built by trunk links the stylesheet itself (and minifies it).

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
        ("assets/timeline.css", "timeline.min.css", compact_css),
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
