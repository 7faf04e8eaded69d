//! Places in the text: a problem's line and column (1-based, counted in characters, as
//! the validator gives them) as the UTF-16 offset a textarea's selection takes, and the
//! lines a textarea shows. Pure, so it is tested natively.

/// The UTF-16 offset of `line`, `column` in `text`: the caret's place for a problem.
/// A line past the end is the end of the text; a column past the end of its line is the
/// end of that line. One pass over the text up to the place.
pub fn utf16_offset(text: &str, line: u32, column: u32) -> u32 {
    let mut offset = 0u32;
    let mut rest = text;
    for _ in 1..line.max(1) {
        match rest.find('\n') {
            Some(end) => {
                offset += utf16_len(&rest[..=end]);
                rest = &rest[end + 1..];
            }
            None => return offset + utf16_len(rest),
        }
    }
    let line_text = rest.split('\n').next().unwrap_or_default();
    let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
    let before: u32 = line_text
        .chars()
        .take(column.max(1) as usize - 1)
        .map(|c| c.len_utf16() as u32)
        .sum();
    offset + before
}

fn utf16_len(text: &str) -> u32 {
    text.chars().map(|c| c.len_utf16() as u32).sum()
}

/// How many lines the text has (an empty text has one, as an editor shows it).
pub fn line_count(text: &str) -> u32 {
    1 + bytecount(text.as_bytes(), b'\n')
}

fn bytecount(bytes: &[u8], byte: u8) -> u32 {
    bytes.iter().filter(|&&b| b == byte).count() as u32
}

/// The line numbers a gutter shows for a textarea scrolled to `scroll_top` pixels, with
/// lines `line_height` pixels tall, `height` pixels visible: the first and last (1-based,
/// inclusive; one line more on each side for the half-visible ones), and the offset in
/// pixels of the first line's top from the gutter's top.
pub fn visible_lines(
    scroll_top: f64,
    line_height: f64,
    height: f64,
    lines: u32,
) -> (u32, u32, f64) {
    if line_height.is_nan() || line_height <= 0.0 || lines == 0 {
        return (1, 1, 0.0);
    }
    let first = ((scroll_top.max(0.0) / line_height).floor() as u32).min(lines - 1);
    let shown = (height.max(0.0) / line_height).ceil() as u32 + 1;
    let last = (first + shown).min(lines - 1);
    (
        first + 1,
        last + 1,
        f64::from(first) * line_height - scroll_top,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_is_found_in_utf16_units() {
        let text = "{\n  \"a\": 1,\n  \"é😀\": \"x\"\r\n}";
        // (line, column, offset): columns count characters; the offset counts UTF-16
        // units (😀 is two); \r\n ends a line.
        let cases = [
            (1, 1, 0),
            (1, 2, 1),
            (2, 1, 2),
            (2, 3, 4),
            (3, 3, 2 + 10 + 2),
            (3, 4, 2 + 10 + 3),
            (3, 5, 2 + 10 + 4),
            (3, 6, 2 + 10 + 6),
            // Past the end of its line: the line's end, before \r.
            (3, 99, 2 + 10 + 12),
            (4, 1, 2 + 10 + 14),
            // Past the last line: the end.
            (9, 1, 2 + 10 + 15),
            // 0 is read as 1.
            (0, 0, 0),
        ];
        for (line, column, offset) in cases {
            assert_eq!(
                utf16_offset(text, line, column),
                offset,
                "line {line}, column {column}"
            );
        }
        let chars: Vec<u16> = text.encode_utf16().collect();
        let at = utf16_offset(text, 3, 5) as usize;
        assert_eq!(String::from_utf16(&chars[at..at + 2]).unwrap(), "😀");
    }

    #[test]
    fn lines_are_counted_and_the_visible_ones_found() {
        assert_eq!(line_count(""), 1);
        assert_eq!(line_count("a\nb\n"), 3);
        // 20 px lines, 100 px shown, scrolled by 30 px: lines 2 to 8, the first 10 px up.
        assert_eq!(visible_lines(30.0, 20.0, 100.0, 1000), (2, 8, -10.0));
        assert_eq!(visible_lines(0.0, 20.0, 100.0, 3), (1, 3, 0.0));
        assert_eq!(visible_lines(1e9, 20.0, 100.0, 3), (3, 3, 40.0 - 1e9));
        assert_eq!(visible_lines(0.0, 0.0, 100.0, 3), (1, 1, 0.0));
    }
}

/// The byte offset where 0-based line `line` of `text` starts (the text's length past
/// its last line).
pub fn line_start(text: &str, line: u32) -> usize {
    if line == 0 {
        return 0;
    }
    let mut seen = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            seen += 1;
            if seen == line {
                return i + 1;
            }
        }
    }
    text.len()
}

/// The window of `count` lines that keeps line `center` (0-based) in its middle, within
/// the `lines` of a text: its first line and how many lines it has.
pub fn window_around(center: u32, count: u32, lines: u32) -> (u32, u32) {
    if lines <= count {
        return (0, lines);
    }
    let first = center.saturating_sub(count / 2).min(lines - count);
    (first, count)
}

#[cfg(test)]
mod window_tests {
    use super::*;

    #[test]
    fn windows_of_lines_are_cut_where_lines_start() {
        let text = "a\nbb\nccc\n";
        assert_eq!(line_start(text, 0), 0);
        assert_eq!(line_start(text, 1), 2);
        assert_eq!(line_start(text, 3), 9);
        assert_eq!(line_start(text, 9), 9);
        assert_eq!(window_around(0, 10, 5), (0, 5));
        assert_eq!(window_around(500, 100, 10_000), (450, 100));
        assert_eq!(window_around(9_990, 100, 10_000), (9_900, 100));
        assert_eq!(window_around(3, 100, 10_000), (0, 100));
    }
}
