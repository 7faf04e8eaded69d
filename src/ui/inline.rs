//! Inline styles set through the CSSOM (`element.style.setProperty`), never as `style`
//! attributes in the markup: a page whose Content-Security-Policy has no
//! `'unsafe-inline'` in `style-src` blocks those (whether Yew writes them with
//! `setAttribute` or they come from the server), but not the CSSOM.
//!
//! A component gets its [`Styles`] from [`use_styles`], naming the kinds of elements it
//! styles (the stage's items, its ticks…) and their properties; it fills it while
//! rendering (each element's kind, key and the values of its properties) and hands each
//! element the [`NodeRef`] it returns; after the render, an effect writes only the
//! properties whose value changed since the last write on that same element, as Yew's
//! attribute diff did. It only writes, never reads the layout, so a zoom step still costs
//! one style and layout pass. Under SSR the effect never runs: the markup carries no
//! position.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The most properties one element gets.
pub const MAX: usize = 3;

/// The properties of each kind of element a component styles, in the order of their
/// values in [`Styles::slot`]: `KINDS[kind][i]`.
pub type Kinds = &'static [&'static [&'static str]];

/// The component's [`Styles`], applied after each of its renders. One hook for every
/// component (one copy of the effect in the WASM).
#[hook]
pub fn use_styles(kinds: Kinds) -> Rc<RefCell<Styles>> {
    let styles = use_mut_ref(|| Styles::new(kinds));
    {
        let styles = styles.clone();
        use_effect(move || styles.borrow_mut().apply());
    }
    styles
}

/// The inline styles of a component's elements, by kind and key, for the elements of its
/// last render.
pub struct Styles {
    kinds: Vec<Kind>,
}

/// One kind of element (all with the same properties).
struct Kind {
    properties: &'static [&'static str],
    /// In the order of the last render's `slot` calls.
    slots: Vec<Slot>,
    /// The slots of the render before, while the render is under way (see `begin`).
    old: Vec<Slot>,
    /// How far `slot` has read `old`.
    cursor: usize,
}

#[derive(Default)]
struct Slot {
    key: u64,
    node: NodeRef,
    /// The values of the last render ("" for none).
    wanted: [String; MAX],
    /// The values written on `element`.
    applied: [String; MAX],
    element: Option<web_sys::Node>,
    style: Option<web_sys::CssStyleDeclaration>,
}

impl Styles {
    /// Styles of the kinds of elements `kinds` (each with at most [`MAX`] properties).
    pub fn new(kinds: Kinds) -> Self {
        let kinds = kinds
            .iter()
            .map(|properties| Kind {
                properties: &properties[..properties.len().min(MAX)],
                slots: Vec::new(),
                old: Vec::new(),
                cursor: 0,
            })
            .collect();
        Self { kinds }
    }

    /// Starts a render: the `slot` calls that follow are its elements.
    pub fn begin(&mut self) {
        for kind in &mut self.kinds {
            kind.old = std::mem::take(&mut kind.slots);
            kind.cursor = 0;
        }
    }

    /// The element of `key` of kind `kind` in this render, with the values of its
    /// properties ("" for a property it does not have): the node reference to give it.
    /// The same key gets the same reference from render to render; keys in increasing
    /// order find theirs in one pass over the last render's (another order costs a
    /// rewrite of those elements' styles, never a wrong one).
    pub fn slot(&mut self, kind: usize, key: u64, values: [String; MAX]) -> NodeRef {
        let Some(kind) = self.kinds.get_mut(kind) else {
            return NodeRef::default();
        };
        while kind.old.get(kind.cursor).is_some_and(|s| s.key < key) {
            kind.cursor += 1;
        }
        let mut slot = match kind.old.get_mut(kind.cursor) {
            Some(s) if s.key == key => {
                kind.cursor += 1;
                std::mem::take(s)
            }
            _ => Slot {
                key,
                ..Slot::default()
            },
        };
        slot.wanted = values;
        let node = slot.node.clone();
        kind.slots.push(slot);
        node
    }

    /// Writes what changed since the last write into the elements of the last render;
    /// forgets the elements that left. Only in effects (it touches the DOM).
    fn apply(&mut self) {
        for kind in &mut self.kinds {
            kind.old.clear();
            for slot in &mut kind.slots {
                slot.apply(kind.properties);
            }
        }
    }
}

impl Slot {
    fn apply(&mut self, properties: &[&str]) {
        let Some(node) = self.node.get() else {
            return;
        };
        // A new element for the key (it left and came back, or Yew replaced it) has
        // none of the values: write them all.
        if self.element.as_ref() != Some(&node) {
            // Every element styled here is an HTML one (the references are only given
            // to those).
            self.style = Some(node.unchecked_ref::<web_sys::HtmlElement>().style());
            self.element = Some(node);
            self.applied = Default::default();
        }
        let Some(style) = &self.style else {
            return;
        };
        for ((property, wanted), applied) in
            properties.iter().zip(&self.wanted).zip(&mut self.applied)
        {
            if wanted == applied {
                continue;
            }
            // An empty value removes the property (CSSOM's setProperty).
            let _ = style.set_property(property, wanted);
            applied.clone_from(wanted);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(a: &str) -> [String; MAX] {
        [a.to_owned(), String::new(), String::new()]
    }

    #[test]
    fn a_key_keeps_its_node_reference_across_renders() {
        let mut styles = Styles::new(&[&["transform"]]);
        let cases: &[&[u64]] = &[&[1, 2, 3], &[2, 3, 4], &[0, 2, 4, 9], &[9], &[], &[9, 10]];
        let mut before: Vec<(u64, NodeRef)> = Vec::new();
        for keys in cases {
            styles.begin();
            let now: Vec<(u64, NodeRef)> = keys
                .iter()
                .map(|&k| (k, styles.slot(0, k, values("x"))))
                .collect();
            for (k, node) in &now {
                if let Some((_, old)) = before.iter().find(|(b, _)| b == k) {
                    assert_eq!(node, old, "key {k} of {keys:?}");
                } else {
                    assert!(before.iter().all(|(_, old)| old != node), "key {k} is new");
                }
            }
            assert_eq!(styles.kinds[0].slots.len(), keys.len());
            before = now;
        }
    }

    #[test]
    fn keys_out_of_order_get_a_reference_each() {
        let mut styles = Styles::new(&[&["transform"]]);
        styles.begin();
        let a = [1, 2, 3].map(|k| styles.slot(0, k, values("x")));
        styles.begin();
        let b = [3, 1, 2].map(|k| styles.slot(0, k, values("y")));
        // 3 is found again; 1 and 2 were before it in the old order, so they are new.
        assert_eq!(a[2], b[0]);
        assert!(b[1] != a[0] && b[2] != a[1]);
        assert_eq!(styles.kinds[0].slots.len(), 3);
        assert!(styles.kinds[0].slots.iter().all(|s| s.wanted[0] == "y"));
    }
}
