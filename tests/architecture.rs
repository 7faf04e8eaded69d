//! The shape of the code, checked: no cycle of imports anywhere in `src/`, and the model
//! and the locales use no browser or Yew API.
//!
//! "A imports B" is read from the source: every `use` tree and every `crate::…`,
//! `super::…`, `self::…` or child-module path in the code (comments, strings and test
//! modules left out), resolved to the module it names, through `pub use` re-exports. Modules
//! nest, so a dependency counts between the two siblings that contain its ends: `ui::stage`
//! using `model::layout` makes `ui` depend on `model`; `ui::stage` using `ui::dom` makes
//! `stage` depend on `dom`. A module and its own descendants are one unit (a parent that
//! re-exports a child, or a child that uses its parent's types, is no cycle). The siblings
//! under each module must form a graph without cycles.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type ModPath = Vec<String>;

/// One source file of the library: its module path and its code without comments,
/// strings or test modules.
struct File {
    module: ModPath,
    code: String,
    /// Child modules declared in this file (`mod x;` or `mod x { … }`).
    children: Vec<String>,
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every file of the library crate (the binaries are crates of their own).
fn library_files() -> Vec<File> {
    let mut out = Vec::new();
    collect(&src(), &mut Vec::new(), &mut out);
    out
}

fn collect(dir: &Path, prefix: &mut ModPath, out: &mut Vec<File>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if path.is_dir() {
            if prefix.is_empty() && name == "bin" {
                continue;
            }
            prefix.push(name);
            collect(&path, prefix, out);
            prefix.pop();
            continue;
        }
        let Some(stem) = name.strip_suffix(".rs") else {
            continue;
        };
        if prefix.is_empty() && stem == "main" {
            continue;
        }
        let mut module = prefix.clone();
        if !matches!(stem, "mod" | "lib") {
            module.push(stem.to_owned());
        }
        // Test modules may use anything: they are not part of the code's layers.
        if module.last().is_some_and(|m| m == "tests") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code = strip_test_modules(&strip_comments_and_strings(&text));
        let children = declared_children(&code);
        out.push(File {
            module,
            code,
            children,
        });
    }
}

/// The code with comments, string literals and char literals blanked out.
fn strip_comments_and_strings(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            let mut depth = 0;
            while i < b.len() {
                if text[i..].starts_with("/*") {
                    depth += 1;
                    i += 2;
                } else if text[i..].starts_with("*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if let Some((prefix, hashes)) = raw_string_start(rest)
            .filter(|_| !text[..i].chars().next_back().is_some_and(is_ident_char))
        {
            let close = format!("\"{}", "#".repeat(hashes));
            let body = prefix + hashes + 1; // r (or br), the hashes, the quote
            i += body
                + rest[body..]
                    .find(&close)
                    .map_or(rest.len() - body, |e| e + close.len());
            out.push_str("\"\"");
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && char_literal_len(rest).is_some() {
            i += char_literal_len(rest).unwrap();
            out.push_str("' '");
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The prefix length (`r` or `br`) and the number of `#` of a raw string starting here.
fn raw_string_start(rest: &str) -> Option<(usize, usize)> {
    let prefix = if rest.starts_with("br") { 2 } else { 1 };
    let r = rest.strip_prefix("br").or_else(|| rest.strip_prefix('r'))?;
    let hashes = r.len() - r.trim_start_matches('#').len();
    r[hashes..].starts_with('"').then_some((prefix, hashes))
}

/// The length of a char literal starting here (`'a'`, `'\n'`, `'\u{1F}'`), not a lifetime.
fn char_literal_len(rest: &str) -> Option<usize> {
    let inner = &rest[1..];
    let body_len = if let Some(esc) = inner.strip_prefix('\\') {
        1 + esc.find('\'')?
    } else {
        inner.chars().next()?.len_utf8()
    };
    (inner[body_len..].starts_with('\'')).then_some(body_len + 2)
}

/// The code without `#[cfg(test)] mod name { … }` blocks.
fn strip_test_modules(code: &str) -> String {
    let mut out = code.to_owned();
    while let Some(at) = out.find("#[cfg(test)]") {
        let after = &out[at..];
        let Some(open) = after.find('{') else { break };
        let semicolon = after.find(';').unwrap_or(usize::MAX);
        if semicolon < open {
            // `#[cfg(test)] mod tests;` or a test-only `use`: drop that item alone.
            out.replace_range(at..at + semicolon + 1, "");
            continue;
        }
        let mut depth = 0;
        let mut end = after.len();
        for (k, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + k + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.replace_range(at..at + end, "");
    }
    out
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The identifiers and punctuation of some code: enough to read paths and use trees.
fn tokens(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = code.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_ident_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !is_ident_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            out.push(code[i..end].to_owned());
        } else if c == ':' && chars.peek().is_some_and(|&(_, d)| d == ':') {
            chars.next();
            out.push("::".to_owned());
        } else if !c.is_whitespace() {
            out.push(c.to_string());
        }
    }
    out
}

fn declared_children(code: &str) -> Vec<String> {
    let t = tokens(code);
    t.windows(3)
        .filter(|w| w[0] == "mod" && (w[2] == ";" || w[2] == "{"))
        .map(|w| w[1].clone())
        .collect()
}

/// A `use` tree read from `t[*i..]`, flattened into (path, name it is known by here).
fn use_tree(t: &[String], i: &mut usize, prefix: &ModPath, out: &mut Vec<(ModPath, String)>) {
    let mut path = prefix.clone();
    while *i < t.len() {
        match t[*i].as_str() {
            "{" => {
                *i += 1;
                while *i < t.len() && t[*i] != "}" {
                    use_tree(t, i, &path, out);
                    if *i < t.len() && t[*i] == "," {
                        *i += 1;
                    }
                }
                *i += 1;
                return;
            }
            "::" => *i += 1,
            "*" => {
                *i += 1;
                out.push((path, "*".to_owned()));
                return;
            }
            "," | "}" | ";" => {
                if let Some(last) = path.last().cloned() {
                    let name = if last == "self" {
                        path.pop();
                        path.last().cloned().unwrap_or_default()
                    } else {
                        last
                    };
                    out.push((path, name));
                }
                return;
            }
            "as" => {
                let alias = t.get(*i + 1).cloned().unwrap_or_default();
                *i += 2;
                if path.last().is_some_and(|s| s == "self") {
                    path.pop();
                }
                out.push((path, alias));
                return;
            }
            segment => {
                path.push(segment.to_owned());
                *i += 1;
            }
        }
    }
}

/// Every path this file names: from its `use` items (with whether they are `pub`), and
/// from `crate::`, `super::`, `self::` or `child::` paths in its code.
fn paths(file: &File) -> (Vec<(ModPath, String, bool)>, Vec<ModPath>) {
    let t = tokens(&file.code);
    let mut uses = Vec::new();
    let mut inline = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if t[i] == "use"
            && (i == 0 || matches!(t[i - 1].as_str(), ";" | "{" | "}" | "]" | "pub" | ")"))
        {
            let public = i > 0
                && (t[i - 1] == "pub"
                    || (t[i - 1] == ")" && t[..i].iter().rev().nth(3).is_some_and(|s| s == "pub")));
            i += 1;
            let mut found = Vec::new();
            use_tree(&t, &mut i, &Vec::new(), &mut found);
            uses.extend(found.into_iter().map(|(p, n)| (p, n, public)));
            continue;
        }
        let starts =
            matches!(t[i].as_str(), "crate" | "super" | "self") || file.children.contains(&t[i]);
        let after_colons = i > 0 && t[i - 1] == "::";
        if starts && !after_colons && t.get(i + 1).is_some_and(|s| s == "::") {
            let mut path = vec![t[i].clone()];
            let mut j = i + 1;
            while t.get(j).is_some_and(|s| s == "::")
                && t.get(j + 1).is_some_and(|s| s.chars().all(is_ident_char))
            {
                path.push(t[j + 1].clone());
                j += 2;
            }
            inline.push(path);
            i = j;
            continue;
        }
        i += 1;
    }
    (uses, inline)
}

struct Crate {
    files: BTreeMap<ModPath, File>,
    /// Per module: the names it re-exports (`pub use`), with the absolute path they name.
    reexports: BTreeMap<ModPath, BTreeMap<String, ModPath>>,
}

impl Crate {
    /// The library as it is in `src/`.
    fn new() -> Self {
        Crate::of(library_files())
    }

    fn of(files: Vec<File>) -> Self {
        let files: BTreeMap<_, _> = files.into_iter().map(|f| (f.module.clone(), f)).collect();
        let mut krate = Crate {
            files,
            reexports: BTreeMap::new(),
        };
        let mut reexports = BTreeMap::new();
        for (module, file) in &krate.files {
            let (uses, _) = paths(file);
            let map: BTreeMap<String, ModPath> = uses
                .into_iter()
                .filter(|(_, name, public)| *public && name != "*")
                .filter_map(|(path, name, _)| Some((name, krate.absolute(module, &path)?)))
                .collect();
            reexports.insert(module.clone(), map);
        }
        krate.reexports = reexports;
        krate
    }

    /// `path` as written in `module`, made absolute; `None` for another crate's path.
    fn absolute(&self, module: &ModPath, path: &ModPath) -> Option<ModPath> {
        let mut out = module.clone();
        let mut rest = path.as_slice();
        match rest.first()?.as_str() {
            "crate" => {
                out.clear();
                rest = &rest[1..];
            }
            "self" => rest = &rest[1..],
            "super" => {
                while rest.first().is_some_and(|s| s == "super") {
                    out.pop()?;
                    rest = &rest[1..];
                }
            }
            child
                if self
                    .files
                    .get(module)
                    .is_some_and(|f| f.children.iter().any(|c| c == child)) => {}
            _ => return None,
        }
        out.extend(rest.iter().cloned());
        Some(out)
    }

    /// The module an absolute path lands in: its longest prefix that is a module, or
    /// where a re-export there leads.
    fn target(&self, path: &ModPath, depth: usize) -> ModPath {
        let mut module: ModPath = Vec::new();
        for (k, segment) in path.iter().enumerate() {
            let mut next = module.clone();
            next.push(segment.clone());
            if self.files.contains_key(&next) {
                module = next;
                continue;
            }
            if depth < 8 {
                if let Some(to) = self.reexports.get(&module).and_then(|m| m.get(segment)) {
                    let mut to = to.clone();
                    to.extend(path[k + 1..].iter().cloned());
                    return self.target(&to, depth + 1);
                }
            }
            break;
        }
        module
    }

    /// Every (from, to) module dependency of the library.
    fn dependencies(&self) -> BTreeSet<(ModPath, ModPath)> {
        let mut out = BTreeSet::new();
        for (module, file) in &self.files {
            let (uses, inline) = paths(file);
            let named = uses.into_iter().map(|(p, _, _)| p).chain(inline);
            for path in named {
                if let Some(abs) = self.absolute(module, &path) {
                    let to = self.target(&abs, 0);
                    if &to != module {
                        out.insert((module.clone(), to));
                    }
                }
            }
        }
        out
    }
}

/// The two siblings that contain `from` and `to` under their common ancestor, unless one
/// contains the other.
fn siblings(from: &ModPath, to: &ModPath) -> Option<(ModPath, ModPath)> {
    let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    if common == from.len() || common == to.len() {
        return None;
    }
    Some((from[..=common].to_vec(), to[..=common].to_vec()))
}

/// A cycle in the graph, as the modules along it, if there is one.
fn find_cycle(edges: &BTreeSet<(ModPath, ModPath)>) -> Option<Vec<ModPath>> {
    let mut next: BTreeMap<&ModPath, Vec<&ModPath>> = BTreeMap::new();
    for (a, b) in edges {
        next.entry(a).or_default().push(b);
    }
    // 0 unseen, 1 on the current path, 2 done.
    let mut state: BTreeMap<&ModPath, u8> = BTreeMap::new();
    fn visit<'a>(
        node: &'a ModPath,
        next: &BTreeMap<&'a ModPath, Vec<&'a ModPath>>,
        state: &mut BTreeMap<&'a ModPath, u8>,
        stack: &mut Vec<&'a ModPath>,
    ) -> Option<Vec<ModPath>> {
        state.insert(node, 1);
        stack.push(node);
        for &to in next.get(node).map(Vec::as_slice).unwrap_or_default() {
            match state.get(to).copied().unwrap_or(0) {
                1 => {
                    let at = stack.iter().position(|n| *n == to).unwrap();
                    let mut cycle: Vec<ModPath> =
                        stack[at..].iter().map(|n| (*n).clone()).collect();
                    cycle.push(to.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(to, next, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node, 2);
        None
    }
    let nodes: Vec<&ModPath> = next.keys().copied().collect();
    for node in nodes {
        if state.get(node).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(node, &next, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

fn show(m: &ModPath) -> String {
    if m.is_empty() {
        "crate".to_owned()
    } else {
        m.join("::")
    }
}

#[test]
fn no_cycle_of_imports_in_src() {
    let krate = Crate::new();
    let deps = krate.dependencies();
    let sibling_edges: BTreeSet<_> = deps.iter().filter_map(|(a, b)| siblings(a, b)).collect();
    if let Some(cycle) = find_cycle(&sibling_edges) {
        let why: Vec<String> = cycle
            .windows(2)
            .map(|w| {
                let through: Vec<String> = deps
                    .iter()
                    .filter(|(a, b)| a.starts_with(&w[0]) && b.starts_with(&w[1]))
                    .map(|(a, b)| format!("{} uses {}", show(a), show(b)))
                    .collect();
                format!("{} → {} ({})", show(&w[0]), show(&w[1]), through.join("; "))
            })
            .collect();
        panic!("an import cycle in src/:\n  {}", why.join("\n  "));
    }
}

/// The checker itself, on code where the answer is known: a cycle through a re-export,
/// and the containment that is not one.
#[test]
fn the_cycle_check_sees_through_paths_and_reexports() {
    let file = |module: &[&str], code: &str| {
        let code = strip_test_modules(&strip_comments_and_strings(code));
        File {
            module: module.iter().map(|s| s.to_string()).collect(),
            children: declared_children(&code),
            code,
        }
    };
    let build = |files: Vec<File>| {
        let krate = Crate::of(files);
        let deps = krate.dependencies();
        let edges: BTreeSet<_> = deps.iter().filter_map(|(a, b)| siblings(a, b)).collect();
        find_cycle(&edges).map(|c| c.iter().map(show).collect::<Vec<_>>())
    };
    let root = |extra: &str| file(&[], &format!("pub mod ui; pub mod model; {extra}"));
    // ui::state uses Options through ui's re-export of ui::widget; ui::widget uses state.
    let cycle = build(vec![
        root(""),
        file(&["ui"], "mod state; mod widget; pub use widget::Options;"),
        file(
            &["ui", "state"],
            "use crate::ui::Options; // use super::nothing",
        ),
        file(
            &["ui", "widget"],
            "pub struct Options; fn f() { super::state::reduce(); }",
        ),
        file(&["model"], ""),
    ]);
    assert!(cycle.is_some_and(
        |c| c.contains(&"ui::state".to_owned()) && c.contains(&"ui::widget".to_owned())
    ));
    // The same without the back edge, with a parent using its child and the child using
    // its parent, and paths in comments, strings and tests: no cycle.
    let none = build(vec![
        root(""),
        file(
            &["ui"],
            "mod state; mod widget; pub use widget::Options; fn g() { state::reduce(); }",
        ),
        file(
            &["ui", "state"],
            "use super::g; /* crate::ui::widget::x */ const S: &str = \"crate::ui::widget\";",
        ),
        file(
            &["ui", "widget"],
            "use crate::model::X; pub struct Options; #[cfg(test)] mod tests { use crate::ui::state; }",
        ),
        file(&["model"], "use std::fmt;"),
    ]);
    assert_eq!(none, None);
    // Across top-level modules: model using ui while ui uses model.
    let cross = build(vec![
        root(""),
        file(&["ui"], "use crate::model::layout::lay;"),
        file(&["model"], "pub mod layout;"),
        file(
            &["model", "layout"],
            "use crate::ui::thing; pub fn lay() {}",
        ),
    ]);
    assert_eq!(
        cross,
        Some(vec!["model".into(), "ui".into(), "model".into()])
    );
}

/// The model and the locales are pure Rust: no Yew, no browser API. Two size exceptions
/// call JavaScript in the WASM build only: `json::parse_f64` (`parseFloat`) and
/// `text::push_lowercase` (`toLowerCase`), through `js_sys`.
#[test]
fn model_and_locale_use_no_browser_or_yew() {
    let krate = Crate::new();
    let forbidden = [
        "yew",
        "web_sys",
        "gloo_events",
        "gloo_timers",
        "js_sys",
        "wasm_bindgen",
    ];
    for (module, file) in &krate.files {
        let pure = module
            .first()
            .is_some_and(|m| m == "model" || m == "locale");
        if !pure {
            continue;
        }
        let js_allowed = module == &["model", "json"] || module == &["model", "text"];
        let t = tokens(&file.code);
        for (k, token) in t.iter().enumerate() {
            let is_path = t.get(k + 1).is_some_and(|s| s == "::") && !(k > 0 && t[k - 1] == "::");
            let allowed = js_allowed && token == "js_sys";
            assert!(
                !(is_path && !allowed && forbidden.contains(&token.as_str())),
                "{} uses {token}: the model and the locales must stay pure Rust",
                show(module)
            );
        }
    }
}
