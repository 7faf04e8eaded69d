//! How messages show places and values: JSON paths such as `events[12].date`, and
//! strings quoted and escaped onto one line.

/// A JSON path, built on the stack as the checker descends and only turned into a
/// string when a problem is reported.
#[derive(Clone, Copy)]
pub(crate) enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl<'p> Path<'p> {
    pub(crate) fn key(&'p self, key: &'p str) -> Path<'p> {
        Path::Key(self, key)
    }

    pub(crate) fn index(&'p self, index: usize) -> Path<'p> {
        Path::Index(self, index)
    }

    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    pub(crate) fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write(out);
                let plain = !key.is_empty()
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'$'));
                if plain {
                    if !matches!(parent, Path::Root) {
                        out.push('.');
                    }
                    out.push_str(key);
                } else {
                    out.push('[');
                    out.push_str(&quote_full(key));
                    out.push(']');
                }
            }
            Path::Index(parent, index) => {
                parent.write(out);
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
}

/// A string as messages show it: in double quotes, escaped so it stays on one line.
pub(crate) fn quote_full(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    out.push('"');
    out
}

/// Like [`quote_full`], but a long string is cut after 60 characters.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(4 * CUT) + 5);
    out.push('"');
    push_cut(&mut out, s);
    out.push('"');
    out
}

/// The characters a message shows of a long string.
const CUT: usize = 60;

/// Pushes `s` escaped onto one line and cut after [`CUT`] characters (then "…"), so a
/// message is short however long the value it shows.
pub(crate) fn push_cut(out: &mut String, s: &str) {
    let mut chars = s.chars();
    for c in chars.by_ref().take(CUT) {
        push_escaped(out, c);
    }
    if chars.next().is_some() {
        out.push('…');
    }
}

/// `c` as a JSON string writes it: quotes, backslashes and control characters escaped.
/// Also used by the JSON writer (`export::json`).
pub(crate) fn push_escaped(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
            out.push_str(&format!("\\u{:04X}", u32::from(c)));
        }
        c => out.push(c),
    }
}
