use super::*;

/// The tree written out as markup (text escaped), to compare in one string: as the
/// converter's envelope writes it.
fn show(blocks: &[Block]) -> String {
    Rich {
        blocks: blocks.to_vec(),
        plain: String::new(),
    }
    .to_html()
}

#[test]
fn the_subset_is_kept_and_everything_else_is_text() {
    let cases = [
        // Plain text, and whitespace as HTML shows it.
        ("Hello", "<p>Hello</p>"),
        ("  a \n\t b  ", "<p>a b</p>"),
        ("", ""),
        ("   ", ""),
        // Paragraphs, breaks, emphasis.
        ("<p>One</p><p>Two</p>", "<p>One</p><p>Two</p>"),
        ("One<br/>Two<br>Three", "<p>One<br>Two<br>Three</p>"),
        (
            "<p>a <em>b</em> <i>c</i> <strong>d</strong> <b>e</b></p>",
            "<p>a <em>b</em> <em>c</em> <strong>d</strong> <strong>e</strong></p>",
        ),
        ("<P>Upper <EM>case</EM></P>", "<p>Upper <em>case</em></p>"),
        ("<p>a<p>b", "<p>a</p><p>b</p>"),
        // Lists, nested, with unclosed items.
        (
            "<ul><li>a</li><li>b</li></ul>",
            "<ul><li><p>a</p></li><li><p>b</p></li></ul>",
        ),
        (
            "<ol><li>a<li>b</ol>",
            "<ol><li><p>a</p></li><li><p>b</p></li></ol>",
        ),
        (
            "<ul><li>a<ul><li>b</li></ul></li></ul>",
            "<ul><li><p>a</p><ul><li><p>b</p></li></ul></li></ul>",
        ),
        ("<li>stray</li>", "<p>stray</p>"),
        // Links: http, https, mailto and protocol-relative only.
        (
            "<a href=\"https://example.com/a?b=1&amp;c=2\">x</a>",
            "<p><a href=\"https://example.com/a?b=1&amp;c=2\">x</a></p>",
        ),
        (
            "<a href='http://example.com'>x</a>",
            "<p><a href=\"http://example.com\">x</a></p>",
        ),
        (
            "<a href=mailto:a@example.com>mail</a>",
            "<p><a href=\"mailto:a@example.com\">mail</a></p>",
        ),
        (
            "<a href=\"//www.flickr.com/x\">f</a>",
            "<p><a href=\"//www.flickr.com/x\">f</a></p>",
        ),
        (
            "<a href=\"HTTPS://EXAMPLE.COM\">x</a>",
            "<p><a href=\"HTTPS://EXAMPLE.COM\">x</a></p>",
        ),
        ("<a>no href</a>", "<p>no href</p>"),
        ("<a href=\"/relative\">rel</a>", "<p>rel</p>"),
        ("<a href=\"#top\">top</a>", "<p>top</p>"),
        // Other elements: their text only.
        ("<span class=\"x\">in a span</span>", "<p>in a span</p>"),
        (
            "<blockquote>quoted</blockquote>after",
            "<p>quoted</p><p>after</p>",
        ),
        ("<h2>Head</h2>body", "<p>Head</p><p>body</p>"),
        (
            "<code>x = 1</code> and <cite>c</cite>",
            "<p>x = 1 and c</p>",
        ),
        ("<img src=x onerror=alert(1)>pic", "<p>pic</p>"),
        ("<!-- a comment -->text", "<p>text</p>"),
        ("<!DOCTYPE html>text", "<p>text</p>"),
        ("<?xml version=\"1.0\"?>text", "<p>text</p>"),
        // Character references.
        (
            "a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x41;&#66;",
            "<p>a &amp; b &lt;c> &quot;d&quot; 'e' AB</p>",
        ),
        (
            "caf&eacute; &mdash; &hellip; &nbsp;x",
            "<p>café — … \u{a0}x</p>",
        ),
        (
            "&unknown; &amp &#0; &#xD800; &#99999999999;",
            "<p>&amp;unknown; &amp;amp \u{fffd} \u{fffd} \u{fffd}</p>",
        ),
        (
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<p>&lt;script>alert(1)&lt;/script></p>",
        ),
        // A '<' that starts no tag is text.
        ("1 < 2 and 3 <4", "<p>1 &lt; 2 and 3 &lt;4</p>"),
        ("a <3 b", "<p>a &lt;3 b</p>"),
        ("x <", "<p>x &lt;</p>"),
    ];
    for (html, expected) in cases {
        assert_eq!(show(&Rich::blocks(html).blocks), expected, "{html:?}");
    }
}

#[test]
fn hostile_markup_is_harmless() {
    let cases = [
        ("<script>alert(1)</script>ok", "<p>ok</p>"),
        (
            "<SCRIPT type=\"text/javascript\">alert('x')</SCRIPT >ok",
            "<p>ok</p>",
        ),
        ("<script>document.write('</p>')</script>ok", "<p>ok</p>"),
        ("<script/>alert(1)</script>ok", "<p>ok</p>"),
        ("<script>never closed", ""),
        ("<style>p { color: red }</style>styled", "<p>styled</p>"),
        (
            "<iframe src=\"https://evil.example\">fallback</iframe>after",
            "<p>after</p>",
        ),
        ("<template><p>inert</p></template>t", "<p>t</p>"),
        ("<noscript>ns</noscript>n", "<p>n</p>"),
        (
            "<svg><script>alert(1)</script><text>svg</text></svg>s",
            "<p>s</p>",
        ),
        (
            "<p onclick=\"alert(1)\" onmouseover=alert(2)>click</p>",
            "<p>click</p>",
        ),
        ("<a href=\"javascript:alert(1)\">js</a>", "<p>js</p>"),
        ("<a href=\"JaVaScRiPt:alert(1)\">js</a>", "<p>js</p>"),
        ("<a href=\" java\tscript:alert(1)\">js</a>", "<p>js</p>"),
        ("<a href=\"&#106;avascript:alert(1)\">js</a>", "<p>js</p>"),
        (
            "<a href=\"data:text/html,<script>alert(1)</script>\">d</a>",
            "<p>d</p>",
        ),
        ("<a href=\"vbscript:x\">v</a>", "<p>v</p>"),
        (
            "<a href=\"https://ok.example\" onclick=\"alert(1)\" style=\"x\">ok</a>",
            "<p><a href=\"https://ok.example\">ok</a></p>",
        ),
        (
            "<a href=\"https://a.example\">one <a href=\"https://b.example\">two</a>",
            "<p><a href=\"https://a.example\">one </a><a href=\"https://b.example\">two</a></p>",
        ),
        // Unclosed and misnested tags.
        ("<em>open", "<p><em>open</em></p>"),
        ("<b><i>x</b>y</i>", "<p><strong><em>x</em></strong>y</p>"),
        ("</p></ul></li>text</em>", "<p>text</p>"),
        ("<p>cut <a href=\"https://x.example\"", "<p>cut</p>"),
        ("<em title=\"a > b\">q</em>", "<p><em>q</em></p>"),
        ("</ script>x", "<p>x</p>"),
    ];
    for (html, expected) in cases {
        let rich = Rich::blocks(html);
        assert_eq!(show(&rich.blocks), expected, "{html:?}");
        assert!(
            !rich.plain.contains("alert"),
            "{html:?} gave {:?}",
            rich.plain
        );
    }
}

#[test]
fn deep_nesting_is_flattened_and_keeps_its_text() {
    let depth = 100_000;
    let html = format!(
        "{}deep{}",
        "<em><ul><li>".repeat(depth),
        "</li></ul></em>".repeat(depth)
    );
    let rich = Rich::blocks(&html);
    assert_eq!(rich.plain, "deep");
    fn height(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(i) => 1 + inline_height(i),
                Block::List { items, .. } => 1 + items.iter().map(|i| height(i)).max().unwrap_or(0),
            })
            .max()
            .unwrap_or(0)
    }
    fn inline_height(inlines: &[Inline]) -> usize {
        inlines
            .iter()
            .map(|i| match i {
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { children: c, .. } => {
                    1 + inline_height(c)
                }
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
    assert!(
        height(&rich.blocks) <= MAX_DEPTH + 1,
        "height {}",
        height(&rich.blocks)
    );
    let inline = Rich::inline(&"<b>".repeat(depth));
    assert!(inline.blocks.is_empty());
    let inline = Rich::inline(&format!("{}x", "<i>".repeat(depth)));
    assert_eq!(inline.plain, "x");
}

#[test]
fn headlines_keep_inline_markup_only() {
    let cases = [
        (
            "Whitney Houston<br/> 1963 - 2012",
            "<p>Whitney Houston<br> 1963 - 2012</p>",
            "Whitney Houston\n1963 - 2012",
        ),
        (
            "<p>One</p><p><em>Two</em></p>",
            "<p>One<br><em>Two</em></p>",
            "One\nTwo",
        ),
        ("<ul><li>a</li><li>b</li></ul>", "<p>a<br>b</p>", "a\nb"),
        ("A &amp; B", "<p>A &amp; B</p>", "A & B"),
        ("<br><br>", "", ""),
    ];
    for (html, tree, plain) in cases {
        let rich = Rich::inline(html);
        assert_eq!(show(&rich.blocks), tree, "{html:?}");
        assert_eq!(rich.plain, plain, "{html:?}");
    }
    assert_eq!(
        plain_line("Whitney Houston<br/> 1963 - 2012"),
        "Whitney Houston 1963 - 2012"
    );
}

#[test]
fn plain_text_is_the_text_content() {
    let rich = Rich::blocks("<p>Born in <a href=\"https://x.example\">New Jersey</a>.</p><ul><li>one</li><li><b>two</b></li></ul><p>end</p>");
    assert_eq!(rich.plain, "Born in New Jersey.\none\ntwo\nend");
    assert!(!rich.plain.contains('<'));
}

#[test]
fn safe_hrefs_table() {
    let cases = [
        ("https://example.com", Some("https://example.com")),
        ("  http://example.com  ", Some("http://example.com")),
        ("mailto:x@example.com", Some("mailto:x@example.com")),
        ("//cdn.example.com/x", Some("//cdn.example.com/x")),
        ("ht\ntps://example.com", Some("https://example.com")),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        ("file:///etc/passwd", None),
        ("ftp://example.com", None),
        ("relative/path", None),
        ("/absolute/path", None),
        ("", None),
        ("https://exa\u{0}mple.com", None),
        (":nothing", None),
    ];
    for (href, expected) in cases {
        assert_eq!(safe_href(href).as_deref(), expected, "{href:?}");
    }
}

mod properties {
    use super::super::*;
    use proptest::prelude::*;

    fn markup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<p>".to_owned()),
            Just("</p>".to_owned()),
            Just("<em>".to_owned()),
            Just("</em>".to_owned()),
            Just("<b>".to_owned()),
            Just("</b>".to_owned()),
            Just("<ul>".to_owned()),
            Just("</ul>".to_owned()),
            Just("<ol>".to_owned()),
            Just("<li>".to_owned()),
            Just("</li>".to_owned()),
            Just("<br>".to_owned()),
            Just("<a href=\"https://x.example\">".to_owned()),
            Just("<a href=\"javascript:alert(1)\">".to_owned()),
            Just("</a>".to_owned()),
            Just("<script>".to_owned()),
            Just("</script>".to_owned()),
            Just("<!--".to_owned()),
            Just("-->".to_owned()),
            Just("&amp;".to_owned()),
            Just("&#x".to_owned()),
            Just("<".to_owned()),
            Just(">".to_owned()),
            Just("\"".to_owned()),
            "[a-z ]{0,5}",
            "\\PC{0,3}",
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn no_input_panics(s in "\\PC{0,200}") {
            let _ = Rich::blocks(&s);
            let _ = Rich::inline(&s);
        }

        #[test]
        fn markup_soup_is_bounded_and_plain_text_has_no_tags(s in markup()) {
            let rich = Rich::blocks(&s);
            let inline = Rich::inline(&s);
            // No script content survives; text never grows past the input's.
            prop_assert!(rich.plain.chars().count() <= s.chars().count());
            prop_assert!(inline.blocks.len() <= 1);
            fn links_ok(blocks: &[Block]) -> bool {
                fn inl(i: &[Inline]) -> bool {
                    i.iter().all(|x| match x {
                        Inline::Link { href, children } => safe_href(href).as_deref() == Some(href.as_str()) && inl(children),
                        Inline::Emphasis(c) | Inline::Strong(c) => inl(c),
                        _ => true,
                    })
                }
                blocks.iter().all(|b| match b {
                    Block::Paragraph(i) => inl(i),
                    Block::List { items, .. } => items.iter().all(|i| links_ok(i)),
                })
            }
            prop_assert!(links_ok(&rich.blocks));
        }
    }
}

/// The cost is about linear: ten times the input costs well under a hundred times the time.
#[test]
fn the_cost_is_about_linear() {
    let unit =
        "<p>a <em>b <a href=\"https://x.example\">c</a></em> &amp; <ul><li>d<script>x</script> < 3";
    // The best of three runs, so another test's load does not count.
    let time = |n: usize| {
        let html = unit.repeat(n);
        (0..3)
            .map(|_| {
                let start = std::time::Instant::now();
                let rich = Rich::blocks(&html);
                assert!(!rich.plain.is_empty());
                start.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let small = time(2_000).max(1e-4);
    let large = time(20_000);
    // Linear is 10×, quadratic 100×.
    assert!(
        large < small * 35.0,
        "2,000 units: {small}s, 20,000: {large}s"
    );
    // Pathological shapes: many unclosed tags, many '<', a script never closed.
    for html in [
        "<em>".repeat(100_000),
        "<".repeat(200_000),
        "a <b".repeat(50_000),
        format!("<script>{}", "</scrip".repeat(30_000)),
        "<!--".repeat(50_000),
        "&#".repeat(100_000),
    ] {
        let start = std::time::Instant::now();
        let _ = Rich::blocks(&html);
        assert!(start.elapsed().as_secs_f64() < 2.0, "{}", &html[..20]);
    }
}
