//! Rich text ([`crate::model::rich`]) as Yew elements: each paragraph, break, emphasis,
//! list and link built as an element from the parsed tree, and every piece of text a text
//! node. No markup from the data is ever given to the page as HTML. Links open in a new
//! tab, without giving it access to this page and with only the origin as referrer.

use yew::prelude::*;

use crate::model::format::Text;
use crate::model::rich::{Block, Inline};

/// Block content: a rich text's paragraphs and lists in a `<div class>`, or a plain text
/// (our own format's) as it always was, in a `<p class>`.
pub fn block_text(text: &Text, plain: &str, class: &'static str, lang: Option<AttrValue>) -> Html {
    match text {
        Text::Rich(rich) if rich.is_empty() => Html::default(),
        _ if plain.trim().is_empty() => Html::default(),
        Text::Rich(rich) => html! { <div {class} {lang}>{ blocks(&rich.blocks) }</div> },
        _ => html! { <p {class} {lang}>{ plain.to_owned() }</p> },
    }
}

/// Inline content, for a title: a rich text's inlines, or the plain text.
pub fn inline_text(text: &Text, plain: &str) -> Html {
    match text {
        Text::Rich(rich) => inlines(rich.inlines()),
        _ => html! { { plain.to_owned() } },
    }
}

pub fn blocks(blocks: &[Block]) -> Html {
    blocks.iter().map(block).collect()
}

fn block(block: &Block) -> Html {
    match block {
        Block::Paragraph(content) => html! { <p>{ inlines(content) }</p> },
        Block::List { ordered, items } => {
            let items = items.iter().map(|item| html! { <li>{ blocks(item) }</li> });
            if *ordered {
                html! { <ol>{ for items }</ol> }
            } else {
                html! { <ul>{ for items }</ul> }
            }
        }
    }
}

pub fn inlines(inlines: &[Inline]) -> Html {
    inlines.iter().map(inline).collect()
}

fn inline(inline: &Inline) -> Html {
    match inline {
        Inline::Text(text) => html! { { text.clone() } },
        Inline::Break => html! { <br /> },
        Inline::Emphasis(children) => html! { <em>{ inlines(children) }</em> },
        Inline::Strong(children) => html! { <strong>{ inlines(children) }</strong> },
        Inline::Link { href, children } => html! {
            <a href={href.clone()} target="_blank" rel="noopener noreferrer"
                referrerpolicy="strict-origin-when-cross-origin">{ inlines(children) }</a>
        },
    }
}
