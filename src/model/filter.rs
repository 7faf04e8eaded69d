//! Which events the reader wants to see: by category and by free text.
//!
//! Searching folds text once per document and language into a [`SearchIndex`], so a
//! keystroke costs one substring scan per event rather than re-folding every title.

use std::collections::HashMap;

use super::format::Document;
use super::text::{fold, Query};

/// The reader's filter. The default shows everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Categories switched off; empty means all are shown.
    pub hidden_categories: CategorySet,
    pub query: Query,
}

/// A set of category ids, kept as a sorted vector: a document has a handful of categories,
/// and a `BTreeSet<String>` would bring its own copy of the B-tree code into the WASM.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CategorySet(Vec<String>);

impl CategorySet {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|x| x.as_str().cmp(id))
    }

    pub fn contains(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Adds `id`; false when it was already there.
    pub fn insert(&mut self, id: String) -> bool {
        match self.find(&id) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id);
                true
            }
        }
    }

    /// Removes `id`; false when it was not there.
    pub fn remove(&mut self, id: &str) -> bool {
        match self.find(id) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The ids in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

/// All at once, then sorted (n log n): inserting one by one shifts the vector each time.
impl Extend<String> for CategorySet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, ids: I) {
        self.0.extend(ids);
        super::sort::sort_by_bytes(&mut self.0, |id| id.as_bytes());
        self.0.dedup();
    }
}

impl FromIterator<String> for CategorySet {
    fn from_iter<I: IntoIterator<Item = String>>(ids: I) -> Self {
        let mut set = CategorySet::default();
        set.extend(ids);
        set
    }
}

/// The folded, searchable text of every event of a document, in one language: title,
/// summary and tags (and the category label, so "sanctions" finds the sanctions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchIndex {
    lang: String,
    haystacks: Vec<String>,
}

impl SearchIndex {
    pub fn new(doc: &Document, lang: &str) -> SearchIndex {
        let categories = category_indices(doc);
        let haystacks = doc
            .events
            .iter()
            .map(|e| {
                let category = categories
                    .get(e.category.as_str())
                    .and_then(|&c| doc.categories.get(c))
                    .map(|c| c.label.get(lang));
                let mut text = String::new();
                let parts = [e.title.get(lang), e.summary.get(lang)]
                    .into_iter()
                    .chain(e.tags.iter().map(String::as_str))
                    .chain(category);
                for part in parts {
                    text.push_str(part);
                    // A separator no query word can contain, so words never join across fields.
                    text.push('\n');
                }
                fold(&text)
            })
            .collect();
        SearchIndex {
            lang: lang.to_owned(),
            haystacks,
        }
    }
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.hidden_categories.is_empty() || !self.query.is_empty()
    }

    pub fn shows_category(&self, id: &str) -> bool {
        !self.hidden_categories.contains(id)
    }

    /// Whether event `i` passes every part of the filter except the category, which the
    /// toolbar's per-category counts leave out: the text query.
    fn passes_text(&self, index: &SearchIndex, i: usize) -> bool {
        let haystack = index.haystacks.get(i).map(String::as_str).unwrap_or("");
        self.query.matches(haystack)
    }

    /// The indices of the matching events, in the document's (date) order.
    pub fn apply(&self, doc: &Document, index: &SearchIndex) -> Vec<u32> {
        (0..doc.events.len())
            .filter(|&i| self.shows_category(&doc.events[i].category) && self.passes_text(index, i))
            .map(|i| i as u32)
            .collect()
    }

    /// For each category of `doc`, in order, how many events would match if that category
    /// were shown: the count a category toggle displays.
    pub fn category_counts(&self, doc: &Document, index: &SearchIndex) -> Vec<u32> {
        let mut counts = vec![0u32; doc.categories.len()];
        let categories = category_indices(doc);
        for (i, event) in doc.events.iter().enumerate() {
            if let Some(&c) = categories.get(event.category.as_str()) {
                if self.passes_text(index, i) {
                    if let Some(count) = counts.get_mut(c) {
                        *count += 1;
                    }
                }
            }
        }
        counts
    }
}

/// Each category's index by id (the first, if an id repeats): one look-up per event, not
/// a scan of the categories, which costs events × categories.
fn category_indices(doc: &Document) -> HashMap<&str, usize> {
    let mut indices = HashMap::with_capacity(doc.categories.len());
    for (i, c) in doc.categories.iter().enumerate().rev() {
        indices.insert(c.id.as_str(), i);
    }
    indices
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::Date;
    use crate::model::format::{Category, Event, Source, Text, Translations};

    fn translated(en: &str, fr: &str) -> Text {
        Text::Translated(Translations::from([
            ("en".to_owned(), en.to_owned()),
            ("fr".to_owned(), fr.to_owned()),
        ]))
    }

    fn event(id: &str, date: &str, category: &str, title: Text, tags: &[&str]) -> Event {
        Event {
            id: id.to_owned(),
            date: Date::parse(date).unwrap(),
            approximate: false,
            end: None,
            date_label: None,
            category: category.to_owned(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            title,
            summary: Text::from("A summary."),
            sources: vec![Source {
                title: Text::from("Source"),
                publisher: "Publisher".to_owned(),
                url: "https://example.org/".to_owned(),
                date: None,
            }],
            importance: 2,
            media: None,
        }
    }

    fn doc() -> Document {
        let category = |id: &str, en: &str, fr: &str| Category {
            id: id.to_owned(),
            label: translated(en, fr),
            color: "#123456".to_owned(),
        };
        let mut d = Document {
            lang: None,
            title: Text::from("Test"),
            description: None,
            updated: Some(Date::parse("2026-01-01").unwrap()),
            categories: vec![
                category("diplomacy", "Diplomacy", "Diplomatie"),
                category("aviation", "Aviation", "Aviation"),
                category("legal", "Courts", "Tribunaux"),
            ],
            eras: vec![],
            events: vec![
                event(
                    "kazemi",
                    "2003-06-23",
                    "legal",
                    translated(
                        "Journalist arrested in Tehran",
                        "Journaliste arrêtée à Téhéran",
                    ),
                    &["Zahra Kazemi", "Montréal"],
                ),
                event(
                    "embassy",
                    "2012-09-07",
                    "diplomacy",
                    translated("Canada closes its embassy", "Le Canada ferme son ambassade"),
                    &["John Baird"],
                ),
                event(
                    "ps752",
                    "2020-01-08",
                    "aviation",
                    translated("Flight PS752 shot down", "Le vol PS752 abattu"),
                    &[],
                ),
                event(
                    "plain",
                    "2020",
                    "diplomacy",
                    Text::from("Plain title only"),
                    &[],
                ),
            ],
        };
        d.sort_events();
        d
    }

    fn ids(d: &Document, matches: &[u32]) -> Vec<String> {
        matches
            .iter()
            .map(|&i| d.events[i as usize].id.clone())
            .collect()
    }

    #[test]
    fn category_sets_stay_sorted_without_duplicates() {
        let mut set: CategorySet = ["b", "a", "c", "a"].iter().map(|s| s.to_string()).collect();
        assert_eq!(set.iter().collect::<Vec<_>>(), ["a", "b", "c"]);
        assert!(!set.insert("b".to_owned()));
        assert!(set.remove("b") && !set.remove("b") && !set.contains("b"));
        assert!(set.contains("a") && set.contains("c"));
        set.clear();
        assert!(set.is_empty());
    }

    #[test]
    fn filter_table() {
        let d = doc();
        let en = SearchIndex::new(&d, "en");
        let fr = SearchIndex::new(&d, "fr");
        let hide = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<CategorySet>();
        let cases: Vec<(Filter, &SearchIndex, Vec<&str>)> = vec![
            (
                Filter::default(),
                &en,
                vec!["kazemi", "embassy", "plain", "ps752"],
            ),
            (
                Filter {
                    query: Query::new("montreal"),
                    ..Filter::default()
                },
                &en,
                vec!["kazemi"],
            ),
            (
                Filter {
                    query: Query::new("TEHRAN"),
                    ..Filter::default()
                },
                &en,
                vec!["kazemi"],
            ),
            (
                Filter {
                    query: Query::new("teheran"),
                    ..Filter::default()
                },
                &fr,
                vec!["kazemi"],
            ),
            (
                Filter {
                    query: Query::new("teheran"),
                    ..Filter::default()
                },
                &en,
                vec![],
            ),
            (
                Filter {
                    query: Query::new("baird"),
                    ..Filter::default()
                },
                &fr,
                vec!["embassy"],
            ),
            (
                Filter {
                    query: Query::new("tribunaux"),
                    ..Filter::default()
                },
                &fr,
                vec!["kazemi"],
            ),
            (
                Filter {
                    query: Query::new("summary"),
                    ..Filter::default()
                },
                &en,
                vec!["kazemi", "embassy", "plain", "ps752"],
            ),
            (
                Filter {
                    query: Query::new("plain title"),
                    ..Filter::default()
                },
                &fr,
                vec!["plain"],
            ),
            (
                Filter {
                    query: Query::new("ps752 canada"),
                    ..Filter::default()
                },
                &en,
                vec![],
            ),
            (
                Filter {
                    hidden_categories: hide(&["diplomacy"]),
                    ..Filter::default()
                },
                &en,
                vec!["kazemi", "ps752"],
            ),
            (
                Filter {
                    hidden_categories: hide(&["diplomacy", "aviation", "legal"]),
                    ..Filter::default()
                },
                &en,
                vec![],
            ),
            (
                Filter {
                    hidden_categories: hide(&["aviation"]),
                    query: Query::new("a"),
                },
                &en,
                vec!["kazemi", "embassy", "plain"],
            ),
        ];
        for (i, (filter, index, expected)) in cases.iter().enumerate() {
            assert_eq!(ids(&d, &filter.apply(&d, index)), *expected, "case {i}");
        }
    }

    #[test]
    fn fields_do_not_run_together() {
        let d = doc();
        let en = SearchIndex::new(&d, "en");
        // "embassy" ends the title and "A summary" starts the next field.
        let f = Filter {
            query: Query::new("embassya"),
            ..Filter::default()
        };
        assert!(f.apply(&d, &en).is_empty());
    }

    #[test]
    fn category_counts_ignore_the_category_filter_only() {
        let d = doc();
        let en = SearchIndex::new(&d, "en");
        let mut f = Filter::default();
        assert_eq!(f.category_counts(&d, &en), vec![2, 1, 1]);
        f.hidden_categories.insert("diplomacy".to_owned());
        assert_eq!(f.category_counts(&d, &en), vec![2, 1, 1]);
        f.query = Query::new("flight");
        assert_eq!(f.category_counts(&d, &en), vec![0, 1, 0]);
        assert!(f.is_active());
        assert!(!Filter::default().is_active());
    }
}
