//! A small, safe subset of HTML, for data that carries markup (TimelineJS3's `headline`
//! and `text`): paragraphs, line breaks, emphasis (`em`, `i`), strong emphasis (`strong`,
//! `b`), lists (`ul`, `ol`, `li`) and links whose scheme is http, https or mailto.
//!
//! The markup is parsed here into a tree of [`Block`]s and [`Inline`]s, and the UI builds
//! elements from that tree: no markup from the data ever reaches the page as HTML. Any
//! other element is dropped and its text kept (a `<span>`, a `<blockquote>`, a link to
//! `javascript:`); the content of `script`, `style` and the other elements whose content
//! is not text (`iframe`, `template`, `noscript`, …) is dropped with them. Attributes are
//! read only for a link's `href`; `on…` handlers and the rest are never looked at.
//! Character references are decoded (the common named ones, and numeric ones); a `<` that
//! does not start a tag is text. Nesting deeper than [`MAX_DEPTH`] is flattened (the text
//! stays), so the tree, and every walk over it, is bounded whatever the input. The parser
//! reads the input once, and never panics.
//!
//! Pure Rust, no browser: the same result natively (the server-rendered fallback, the
//! tests) and in the WASM.

use serde::{Serialize, Serializer};

/// The deepest nesting of lists and inline elements kept; deeper markup keeps its text.
pub const MAX_DEPTH: usize = 16;

/// A piece of running text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    /// `<br>`.
    Break,
    /// `<em>` or `<i>`.
    Emphasis(Vec<Inline>),
    /// `<strong>` or `<b>`.
    Strong(Vec<Inline>),
    /// `<a href>` with an http, https or mailto URL (or a protocol-relative `//host` one).
    Link {
        href: String,
        children: Vec<Inline>,
    },
}

/// A block of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// `<ul>` or `<ol>`: each item is blocks of its own.
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
}

/// Text with markup: the tree to render, and its plain text (for labels, search, lengths).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rich {
    pub blocks: Vec<Block>,
    /// The text content: blocks on lines of their own, whitespace collapsed.
    pub plain: String,
}

impl Rich {
    /// Blocks and inlines: for a text such as an event's summary.
    pub fn blocks(html: &str) -> Rich {
        Rich::from_blocks(Builder::run(html, false))
    }

    /// Inlines only (one paragraph at most; a block boundary is a line break): for a title.
    pub fn inline(html: &str) -> Rich {
        Rich::from_blocks(Builder::run(html, true))
    }

    fn from_blocks(blocks: Vec<Block>) -> Rich {
        let mut plain = String::new();
        for block in &blocks {
            push_block_plain(block, &mut plain);
        }
        let plain = plain.trim_end().to_owned();
        Rich { blocks, plain }
    }

    /// The inlines of a one-paragraph text (as [`Rich::inline`] gives), else none.
    pub fn inlines(&self) -> &[Inline] {
        match self.blocks.as_slice() {
            [Block::Paragraph(inlines)] => inlines,
            _ => &[],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.plain.trim().is_empty()
    }

    /// The tree as markup that [`Rich::blocks`] reads back into the same tree (the
    /// converter module's envelope, `validate::converted`): text escaped, links with the
    /// `href` they kept.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            block_html(block, &mut out);
        }
        out
    }
}

fn block_html(block: &Block, out: &mut String) {
    match block {
        Block::Paragraph(inlines) => {
            out.push_str("<p>");
            inlines.iter().for_each(|i| inline_html(i, out));
            out.push_str("</p>");
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            out.push_str(&format!("<{tag}>"));
            for item in items {
                out.push_str("<li>");
                item.iter().for_each(|b| block_html(b, out));
                out.push_str("</li>");
            }
            out.push_str(&format!("</{tag}>"));
        }
    }
}

fn inline_html(inline: &Inline, out: &mut String) {
    // `&` always; `<` in text, `"` in the quoted `href`: all that the parser reads as markup.
    let escaped = |s: &str, out: &mut String| {
        for c in s.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '"' => out.push_str("&quot;"),
                c => out.push(c),
            }
        }
    };
    let children = |tag: &str, children: &[Inline], out: &mut String| {
        children.iter().for_each(|i| inline_html(i, out));
        out.push_str(&format!("</{tag}>"));
    };
    match inline {
        Inline::Text(s) => escaped(s, out),
        Inline::Break => out.push_str("<br>"),
        Inline::Emphasis(c) => {
            out.push_str("<em>");
            children("em", c, out);
        }
        Inline::Strong(c) => {
            out.push_str("<strong>");
            children("strong", c, out);
        }
        Inline::Link { href, children: c } => {
            out.push_str("<a href=\"");
            escaped(href, out);
            out.push_str("\">");
            children("a", c, out);
        }
    }
}

/// As its plain text: the data format has no markup.
impl Serialize for Rich {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.plain)
    }
}

fn push_block_plain(block: &Block, out: &mut String) {
    match block {
        Block::Paragraph(inlines) => {
            for inline in inlines {
                push_inline_plain(inline, out);
            }
            end_line(out);
        }
        Block::List { items, .. } => {
            for item in items {
                for block in item {
                    push_block_plain(block, out);
                }
                end_line(out);
            }
        }
    }
}

fn push_inline_plain(inline: &Inline, out: &mut String) {
    match inline {
        Inline::Text(s) => {
            let s = if out.is_empty() || out.ends_with('\n') {
                s.trim_start_matches(' ')
            } else {
                s
            };
            out.push_str(s);
        }
        Inline::Break => end_line(out),
        Inline::Emphasis(children) | Inline::Strong(children) | Inline::Link { children, .. } => {
            for child in children {
                push_inline_plain(child, out);
            }
        }
    }
}

/// Ends the current line (once, and not at the very start).
fn end_line(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// The text of `html` without its markup, on one line (blocks and breaks become spaces):
/// for a value shown as a short label, such as a date as the data writes it.
pub fn plain_line(html: &str) -> String {
    let rich = Rich::inline(html);
    rich.plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------
// The tokenizer.

enum Token<'a> {
    Text(String),
    Start { name: String, tag: &'a str },
    End { name: String },
}

/// Elements whose content is never text for a reader: dropped with their content.
const DROPPED: &[&str] = &[
    "script", "style", "iframe", "noscript", "noembed", "noframes", "template", "xmp", "textarea",
    "title", "object", "svg", "math", "select", "head",
];

struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Tokenizer<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.bytes().get(i).copied()
    }

    /// The byte offset of the first `needle` (ASCII, compared case-insensitively) at or
    /// after `from`.
    fn find_ci(&self, from: usize, needle: &[u8]) -> Option<usize> {
        let hay = self.bytes().get(from..)?;
        if needle.is_empty() || hay.len() < needle.len() {
            return None;
        }
        let first = needle[0].to_ascii_lowercase();
        let mut i = 0;
        while i + needle.len() <= hay.len() {
            // Jump to the next candidate first byte.
            let step = hay
                .get(i..)
                .and_then(|h| h.iter().position(|b| b.to_ascii_lowercase() == first))?;
            i += step;
            if let Some(window) = hay.get(i..i + needle.len()) {
                if window.eq_ignore_ascii_case(needle) {
                    return Some(from + i);
                }
            } else {
                return None;
            }
            i += 1;
        }
        None
    }

    fn next_token(&mut self) -> Option<Token<'a>> {
        loop {
            let rest = self.src.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            if !self.starts_markup(self.pos) {
                // Text up to the next markup; a '<' that starts none is text too.
                let mut end = self.pos;
                loop {
                    match self.src.get(end..).and_then(|r| r.find('<')) {
                        Some(i) if self.starts_markup(end + i) => {
                            end += i;
                            break;
                        }
                        Some(i) => end += i + 1,
                        None => {
                            end = self.src.len();
                            break;
                        }
                    }
                }
                let text = self.src.get(self.pos..end).unwrap_or("");
                self.pos = end;
                return Some(Token::Text(decode(text)));
            }
            let start = self.pos;
            match self.at(start + 1) {
                Some(b'!') => {
                    if rest.starts_with("<!--") {
                        self.pos = self
                            .src
                            .get(start + 4..)
                            .and_then(|r| r.find("-->"))
                            .map_or(self.src.len(), |i| start + 4 + i + 3);
                    } else {
                        self.skip_past_gt(start);
                    }
                    continue;
                }
                Some(b'?') => {
                    self.skip_past_gt(start);
                    continue;
                }
                Some(b'/') => {
                    let name_start = start + 2;
                    let name = self.name_at(name_start);
                    if name.is_empty() {
                        // `</ ` or `</3`: a bogus comment up to the next '>'.
                        self.skip_past_gt(start);
                        continue;
                    }
                    self.skip_past_gt(start);
                    return Some(Token::End { name });
                }
                _ => {
                    let name = self.name_at(start + 1);
                    let Some(end) = self.tag_end(start + 1 + name.len()) else {
                        // A tag cut off by the end of the text: nothing of it is shown.
                        self.pos = self.src.len();
                        return None;
                    };
                    let tag = self.src.get(start..end).unwrap_or("");
                    self.pos = end;
                    // Self-closing only counts in SVG and MathML: `<script/>` still has content.
                    let closed = tag.ends_with("/>") && matches!(name.as_str(), "svg" | "math");
                    if DROPPED.contains(&name.as_str()) && !closed {
                        let mut close = String::from("</");
                        close.push_str(&name);
                        match self.find_ci(self.pos, close.as_bytes()) {
                            Some(at) => self.skip_past_gt(at),
                            None => self.pos = self.src.len(),
                        }
                        continue;
                    }
                    return Some(Token::Start { name, tag });
                }
            }
        }
    }

    /// Whether the `<` at `pos` starts a tag, an end tag, a comment or a declaration.
    fn starts_markup(&self, pos: usize) -> bool {
        self.at(pos) == Some(b'<')
            && match self.at(pos + 1) {
                Some(b) if b.is_ascii_alphabetic() => true,
                Some(b'/' | b'!' | b'?') => true,
                _ => false,
            }
    }

    fn skip_past_gt(&mut self, from: usize) {
        self.pos = self
            .src
            .get(from..)
            .and_then(|r| r.find('>'))
            .map_or(self.src.len(), |i| from + i + 1);
    }

    /// The lower-cased tag name at `pos` (letters, digits and anything but whitespace,
    /// '/' and '>').
    fn name_at(&self, pos: usize) -> String {
        let tail = self.bytes().get(pos..).unwrap_or(&[]);
        if !tail.first().is_some_and(u8::is_ascii_alphabetic) {
            return String::new();
        }
        let len = tail
            .iter()
            .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
            .unwrap_or(tail.len());
        self.src
            .get(pos..pos + len)
            .unwrap_or("")
            .to_ascii_lowercase()
    }

    /// The offset just past the `>` that ends the tag whose attributes start at `pos`,
    /// skipping quoted attribute values.
    fn tag_end(&self, mut pos: usize) -> Option<usize> {
        let bytes = self.bytes();
        let mut quote: Option<u8> = None;
        let mut after_equals = false;
        while let Some(&b) = bytes.get(pos) {
            match quote {
                Some(q) => {
                    if b == q {
                        quote = None;
                    }
                }
                None => match b {
                    b'>' => return Some(pos + 1),
                    b'"' | b'\'' if after_equals => quote = Some(b),
                    _ => {}
                },
            }
            if quote.is_none() && !b.is_ascii_whitespace() {
                after_equals = b == b'=';
            }
            pos += 1;
        }
        None
    }
}

/// The value of attribute `wanted` in the tag `tag` (`<a …>`), decoded.
fn attribute(tag: &str, wanted: &str) -> Option<String> {
    let inner = tag.strip_prefix('<')?.strip_suffix('>')?;
    let bytes = inner.as_bytes();
    // Skip the tag name.
    let mut i = bytes
        .iter()
        .position(|&b| b.is_ascii_whitespace() || b == b'/')
        .unwrap_or(bytes.len());
    while i < bytes.len() {
        while bytes
            .get(i)
            .is_some_and(|&b| b.is_ascii_whitespace() || b == b'/')
        {
            i += 1;
        }
        let name_start = i;
        while bytes
            .get(i)
            .is_some_and(|&b| !b.is_ascii_whitespace() && b != b'=' && b != b'/')
        {
            i += 1;
        }
        let name = inner.get(name_start..i).unwrap_or("");
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let start = i + 1;
                    let end = bytes
                        .get(start..)
                        .and_then(|r| r.iter().position(|&b| b == q))
                        .map_or(bytes.len(), |p| start + p);
                    value = inner.get(start..end).unwrap_or("");
                    i = end + 1;
                }
                _ => {
                    let start = i;
                    while bytes.get(i).is_some_and(|&b| !b.is_ascii_whitespace()) {
                        i += 1;
                    }
                    value = inner.get(start..i).unwrap_or("");
                }
            }
        }
        if name.is_empty() {
            i += 1;
            continue;
        }
        if name.eq_ignore_ascii_case(wanted) {
            return Some(decode_raw(value));
        }
    }
    None
}

/// A link target that is safe to open: http, https or mailto, or protocol-relative.
pub fn safe_href(href: &str) -> Option<String> {
    // As a URL parser does: surrounding whitespace and controls trimmed, tabs and line
    // breaks inside removed (so "java\tscript:" is still javascript:).
    let cleaned: String = href
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|&c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() || cleaned.chars().any(|c| c.is_control()) {
        return None;
    }
    if cleaned.starts_with("//") {
        return Some(cleaned);
    }
    let scheme_end = cleaned.find(':')?;
    let scheme = cleaned.get(..scheme_end)?;
    let is_scheme = scheme
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    let allowed = is_scheme
        && ["http", "https", "mailto"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(scheme));
    allowed.then_some(cleaned)
}

// ---------------------------------------------------------------------------------------
// Character references.

/// The named references decoded: the ones HTML in the wild uses (others stay as written).
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("hellip", '…'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("sbquo", '‚'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("middot", '·'),
    ("bull", '•'),
    ("deg", '°'),
    ("times", '×'),
    ("divide", '÷'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("sect", '§'),
    ("para", '¶'),
    ("shy", '\u{ad}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("aring", 'å'),
    ("aelig", 'æ'),
    ("ccedil", 'ç'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("ntilde", 'ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("oslash", 'ø'),
    ("oelig", 'œ'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("yuml", 'ÿ'),
    ("szlig", 'ß'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Auml", 'Ä'),
    ("Ccedil", 'Ç'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Euml", 'Ë'),
    ("Icirc", 'Î'),
    ("Iuml", 'Ï'),
    ("Ocirc", 'Ô'),
    ("Ouml", 'Ö'),
    ("OElig", 'Œ'),
    ("Ugrave", 'Ù'),
    ("Ucirc", 'Û'),
    ("Uuml", 'Ü'),
];

/// Text with its references decoded and each run of whitespace one space (as HTML shows it).
fn decode(text: &str) -> String {
    let decoded = decode_raw(text);
    let mut out = String::with_capacity(decoded.len());
    let mut space = false;
    for c in decoded.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Text with its character references decoded (whitespace as it is).
fn decode_raw(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        match reference(after) {
            Some((c, len)) => {
                out.push(c);
                rest = after.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference (after its '&') stands for, and the bytes it takes.
fn reference(after: &str) -> Option<(char, usize)> {
    let bytes = after.as_bytes();
    if bytes.first() == Some(&b'#') {
        let (hex, digits_start) = match bytes.get(1) {
            Some(b'x' | b'X') => (true, 2),
            _ => (false, 1),
        };
        let digits = bytes
            .get(digits_start..)?
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let text = after.get(digits_start..digits_start + digits)?;
        let radix = if hex { 16 } else { 10 };
        // Too many digits is out of range, like any other out-of-range code point.
        let code = if digits > 8 {
            None
        } else {
            u32::from_str_radix(text, radix).ok()
        };
        let c = code
            .filter(|&c| c != 0)
            .and_then(char::from_u32)
            .unwrap_or('\u{fffd}');
        let mut len = digits_start + digits;
        if bytes.get(len) == Some(&b';') {
            len += 1;
        }
        return Some((c, len));
    }
    let name_len = bytes
        .iter()
        .take(10)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if bytes.get(name_len) != Some(&b';') {
        return None;
    }
    let name = after.get(..name_len)?;
    ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, c)| (c, name_len + 1))
}

// ---------------------------------------------------------------------------------------
// The tree builder.

#[derive(Clone, Copy, PartialEq, Eq)]
enum InlineKind {
    Emphasis,
    Strong,
    Link,
}

struct InlineFrame {
    kind: InlineKind,
    href: String,
    children: Vec<Inline>,
}

enum BlockFrame {
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
}

struct Builder {
    inline_only: bool,
    root: Vec<Block>,
    blocks: Vec<BlockFrame>,
    paragraph: Vec<Inline>,
    inlines: Vec<InlineFrame>,
}

impl Builder {
    fn run(html: &str, inline_only: bool) -> Vec<Block> {
        let mut b = Builder {
            inline_only,
            root: Vec::new(),
            blocks: Vec::new(),
            paragraph: Vec::new(),
            inlines: Vec::new(),
        };
        let mut tokens = Tokenizer { src: html, pos: 0 };
        while let Some(token) = tokens.next_token() {
            match token {
                Token::Text(text) => b.text(text),
                Token::Start { name, tag } => b.start(&name, tag),
                Token::End { name } => b.end(&name),
            }
        }
        b.flush_paragraph();
        while !b.blocks.is_empty() {
            b.close_block();
        }
        if inline_only {
            // Breaks between blocks, but none at either end.
            let mut inlines = match b.root.pop() {
                Some(Block::Paragraph(inlines)) => inlines,
                _ => Vec::new(),
            };
            while matches!(inlines.last(), Some(Inline::Break)) {
                inlines.pop();
            }
            if inlines.is_empty() {
                return Vec::new();
            }
            return vec![Block::Paragraph(inlines)];
        }
        b.root
    }

    fn depth(&self) -> usize {
        self.blocks.len() + self.inlines.len()
    }

    fn current_inlines(&mut self) -> &mut Vec<Inline> {
        match self.inlines.last_mut() {
            Some(frame) => &mut frame.children,
            None => &mut self.paragraph,
        }
    }

    fn text(&mut self, text: String) {
        if text.is_empty() {
            return;
        }
        let inlines = self.current_inlines();
        if let Some(Inline::Text(last)) = inlines.last_mut() {
            if last.ends_with(' ') && text.starts_with(' ') {
                last.push_str(text.get(1..).unwrap_or(""));
            } else {
                last.push_str(&text);
            }
        } else {
            inlines.push(Inline::Text(text));
        }
    }

    fn start(&mut self, name: &str, tag: &str) {
        match name {
            "br" => self.current_inlines().push(Inline::Break),
            "em" | "i" | "strong" | "b" | "a" => {
                let kind = match name {
                    "em" | "i" => InlineKind::Emphasis,
                    "strong" | "b" => InlineKind::Strong,
                    _ => InlineKind::Link,
                };
                let href = if kind == InlineKind::Link {
                    // An `a` inside an `a` closes the first, as in HTML.
                    if self.inlines.iter().any(|f| f.kind == InlineKind::Link) {
                        self.end("a");
                    }
                    match attribute(tag, "href").and_then(|h| safe_href(&h)) {
                        Some(href) => href,
                        // Not a link we open: its text only.
                        None => return,
                    }
                } else {
                    String::new()
                };
                if self.depth() < MAX_DEPTH {
                    self.inlines.push(InlineFrame {
                        kind,
                        href,
                        children: Vec::new(),
                    });
                }
            }
            "ul" | "ol" => {
                self.flush_paragraph();
                if self.inline_only {
                    return;
                }
                if self.depth() < MAX_DEPTH {
                    self.blocks.push(BlockFrame::List {
                        ordered: name == "ol",
                        items: Vec::new(),
                    });
                }
            }
            "li" => {
                self.flush_paragraph();
                if self.inline_only {
                    return;
                }
                if matches!(self.blocks.last(), Some(BlockFrame::Item(_))) {
                    self.close_block();
                }
                if matches!(self.blocks.last(), Some(BlockFrame::List { .. })) {
                    self.blocks.push(BlockFrame::Item(Vec::new()));
                }
            }
            _ if is_block_boundary(name) => self.flush_paragraph(),
            // Any other element: its text only.
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "em" | "i" | "strong" | "b" | "a" => {
                let kind = match name {
                    "em" | "i" => InlineKind::Emphasis,
                    "strong" | "b" => InlineKind::Strong,
                    _ => InlineKind::Link,
                };
                if let Some(at) = self.inlines.iter().rposition(|f| f.kind == kind) {
                    while self.inlines.len() > at {
                        self.close_inline();
                    }
                }
            }
            "ul" | "ol" => {
                self.flush_paragraph();
                if let Some(at) = self
                    .blocks
                    .iter()
                    .rposition(|f| matches!(f, BlockFrame::List { .. }))
                {
                    while self.blocks.len() > at {
                        self.close_block();
                    }
                }
            }
            "li" => {
                self.flush_paragraph();
                if matches!(self.blocks.last(), Some(BlockFrame::Item(_))) {
                    self.close_block();
                }
            }
            "br" => self.current_inlines().push(Inline::Break),
            _ if is_block_boundary(name) => self.flush_paragraph(),
            _ => {}
        }
    }

    fn close_inline(&mut self) {
        let Some(frame) = self.inlines.pop() else {
            return;
        };
        if frame.children.is_empty() {
            return;
        }
        let inline = match frame.kind {
            InlineKind::Emphasis => Inline::Emphasis(frame.children),
            InlineKind::Strong => Inline::Strong(frame.children),
            InlineKind::Link => Inline::Link {
                href: frame.href,
                children: frame.children,
            },
        };
        self.current_inlines().push(inline);
    }

    /// Ends the paragraph being written (closing its open inline elements).
    fn flush_paragraph(&mut self) {
        while !self.inlines.is_empty() {
            self.close_inline();
        }
        let mut inlines = std::mem::take(&mut self.paragraph);
        if self.inline_only {
            // One paragraph: blocks are separated by a break.
            let has_text = inlines.iter().any(has_content);
            let Some(Block::Paragraph(line)) = self.root.last_mut() else {
                if has_text {
                    self.root.push(Block::Paragraph(inlines));
                }
                return;
            };
            if has_text {
                if !matches!(line.last(), Some(Inline::Break)) {
                    line.push(Inline::Break);
                }
                line.append(&mut inlines);
            }
            return;
        }
        trim_edges(&mut inlines);
        if inlines.iter().any(has_content) {
            self.push_block(Block::Paragraph(inlines));
        }
    }

    fn push_block(&mut self, block: Block) {
        match self.blocks.last_mut() {
            Some(BlockFrame::Item(blocks)) => blocks.push(block),
            // Text straight inside a list, outside any item: an item of its own.
            Some(BlockFrame::List { items, .. }) => items.push(vec![block]),
            None => self.root.push(block),
        }
    }

    fn close_block(&mut self) {
        self.flush_paragraph();
        match self.blocks.pop() {
            Some(BlockFrame::Item(blocks)) => {
                if let Some(BlockFrame::List { items, .. }) = self.blocks.last_mut() {
                    items.push(blocks);
                }
            }
            Some(BlockFrame::List { ordered, items }) if !items.is_empty() => {
                self.push_block(Block::List { ordered, items });
            }
            Some(BlockFrame::List { .. }) => {}
            None => {}
        }
    }
}

/// Elements that end the paragraph before them and start a new one after them.
const BOUNDARIES: &[&str] = &[
    "p",
    "div",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "pre",
    "table",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "address",
    "dl",
    "dt",
    "dd",
    "body",
    "html",
];

fn is_block_boundary(name: &str) -> bool {
    BOUNDARIES.contains(&name)
}

fn has_content(inline: &Inline) -> bool {
    match inline {
        Inline::Text(s) => !s.trim().is_empty(),
        Inline::Break => false,
        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { children: c, .. } => {
            c.iter().any(has_content)
        }
    }
}

/// Drops the spaces at the start and end of a paragraph (not inside its elements).
fn trim_edges(inlines: &mut Vec<Inline>) {
    if let Some(Inline::Text(first)) = inlines.first_mut() {
        let trimmed = first.trim_start_matches(' ');
        if trimmed.len() != first.len() {
            *first = trimmed.to_owned();
        }
    }
    if let Some(Inline::Text(last)) = inlines.last_mut() {
        let len = last.trim_end_matches(' ').len();
        last.truncate(len);
    }
    inlines.retain(|i| !matches!(i, Inline::Text(s) if s.is_empty()));
    while matches!(inlines.last(), Some(Inline::Break)) {
        inlines.pop();
    }
}

#[cfg(test)]
mod tests;
