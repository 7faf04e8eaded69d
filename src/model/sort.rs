//! One sort for the whole widget, to keep the WASM small.
//!
//! Each `sort_by_key`/`sort_by` call site with its own element type and comparator gets its
//! own copy of the standard library's sort (about 4 KB of WASM each). Here every sort turns
//! its keys into the same type, `(i64, i64, u32)` — two key parts and the element's original
//! position — and sorts those with the one copy of `sort_unstable`. The position makes
//! every key unique, so the result is exactly what a stable sort by the key parts gives.

/// The sort key of an `f64` as an `i64` that orders like [`f64::total_cmp`] (the same bit
/// trick the standard library uses: negative numbers have their other bits flipped).
pub fn f64_key(x: f64) -> i64 {
    let bits = x.to_bits() as i64;
    bits ^ ((((bits >> 63) as u64) >> 1) as i64)
}

/// Sorts `items` stably by `key`, compared as a tuple (first part, then second).
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> (i64, i64)) {
    if items.len() < 2 {
        return;
    }
    let mut keys: Vec<(i64, i64, u32)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (a, b) = key(item);
            (a, b, i as u32)
        })
        .collect();
    sort_keys(&mut keys);
    permute(items, keys.iter().map(|&(_, _, i)| i));
}

/// Sorts `items` stably by the bytes `bytes` gives, in lexicographic order (the order of
/// `[u8]`, and so of `str`), with the same one sort: eight bytes at a time, each round
/// sorting again only the runs still tied on every byte so far. The work is about the total
/// length of the keys times log n, whatever they are (a sorted vector grown by binary
/// search and insertion costs n² on keys given in descending order).
pub fn sort_by_bytes<T>(items: &mut Vec<T>, bytes: impl Fn(&T) -> &[u8]) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    // Runs of `order` (start, end) still to sort, by the eight bytes from `offset` on.
    let mut runs: Vec<(usize, usize, usize)> = vec![(0, order.len(), 0)];
    let mut keys: Vec<(i64, i64, u32)> = Vec::new();
    let mut sorted: Vec<u32> = Vec::new();
    while let Some((start, end, offset)) = runs.pop() {
        let Some(run) = order.get_mut(start..end) else {
            continue;
        };
        keys.clear();
        keys.extend(run.iter().enumerate().map(|(at, &i)| {
            let (a, b) = items
                .get(i as usize)
                .map_or((0, 0), |item| chunk_key(bytes(item), offset));
            (a, b, at as u32)
        }));
        sort_keys(&mut keys);
        sorted.clear();
        sorted.extend(keys.iter().filter_map(|&(_, _, at)| run.get(at as usize)));
        run.copy_from_slice(&sorted);
        // A run tied on these eight bytes, all with more bytes to come, goes another round.
        let mut from = 0;
        for to in 1..=keys.len() {
            let key = |k: usize| keys.get(k).map(|&(a, b, _)| (a, b));
            if to == keys.len() || key(to) != key(from) {
                if to - from > 1 && key(from).is_some_and(|(_, left)| left > 8) {
                    runs.push((start + from, start + to, offset + 8));
                }
                from = to;
            }
        }
    }
    permute(items, order.into_iter());
}

/// Bytes `offset..offset + 8` of `s` as a number that orders like them (a missing byte
/// counts as zero), and how many bytes are left from `offset` on (9 for more than eight):
/// of two keys equal in the first part, the one with fewer bytes left is a prefix of the
/// other, padded with zeros, so it comes first.
fn chunk_key(s: &[u8], offset: usize) -> (i64, i64) {
    let rest = s.get(offset..).unwrap_or(&[]);
    let mut chunk = [0u8; 8];
    for (slot, &b) in chunk.iter_mut().zip(rest) {
        *slot = b;
    }
    let n = u64::from_be_bytes(chunk) ^ (1 << 63);
    (n as i64, rest.len().min(9) as i64)
}

/// Puts `items` in the order of the original positions `order` gives (each once).
fn permute<T>(items: &mut Vec<T>, order: impl Iterator<Item = u32>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.filter_map(|i| slots.get_mut(i as usize).and_then(Option::take)));
}

/// Not generic, so there is a single copy of the sort.
#[inline(never)]
fn sort_keys(keys: &mut [(i64, i64, u32)]) {
    keys.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_by_both_parts() {
        let mut v = vec![
            (2, 1, 'a'),
            (1, 5, 'b'),
            (2, 0, 'c'),
            (1, 5, 'd'),
            (0, 9, 'e'),
        ];
        sort_by_key(&mut v, |&(a, b, _)| (a, b));
        let order: String = v.iter().map(|t| t.2).collect();
        assert_eq!(order, "ebdca");
    }

    #[test]
    fn f64_keys_order_like_total_cmp() {
        let xs = [
            f64::NEG_INFINITY,
            -1e300,
            -1.5,
            -0.0,
            0.0,
            1e-300,
            2.5,
            f64::INFINITY,
            f64::NAN,
        ];
        for a in xs {
            for b in xs {
                assert_eq!(f64_key(a).cmp(&f64_key(b)), a.total_cmp(&b), "{a} {b}");
            }
        }
    }

    #[test]
    fn by_bytes_in_string_order_and_stable() {
        let words = [
            "fr",
            "en",
            "",
            "fr-CA",
            "en",
            "a\0",
            "a",
            "abcdefghij",
            "abcdefgh",
            "abcdefghi",
            "abcdefgh\0",
            "é",
            "z",
        ];
        let mut v: Vec<(usize, &str)> = words.iter().copied().enumerate().collect();
        sort_by_bytes(&mut v, |(_, w)| w.as_bytes());
        let mut expected: Vec<(usize, &str)> = words.iter().copied().enumerate().collect();
        expected.sort_by(|a, b| a.1.cmp(b.1));
        assert_eq!(v, expected);
        // The two "en" keep their order.
        assert_eq!(v.get(7..9), Some(&[(1, "en"), (4, "en")][..]));
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn by_bytes_same_as_the_standard_stable_sort(
                // Few letters and long shared prefixes, so runs stay tied for several rounds.
                v in prop::collection::vec("(ab){0,12}[\\x00ab]{0,20}|\\PC{0,12}", 0..64)
            ) {
                let mut ours: Vec<(usize, String)> = v.iter().cloned().enumerate().collect();
                let mut theirs = ours.clone();
                sort_by_bytes(&mut ours, |(_, s)| s.as_bytes());
                theirs.sort_by(|a, b| a.1.cmp(&b.1));
                prop_assert_eq!(ours, theirs);
            }

            #[test]
            fn same_as_the_standard_stable_sort(v in prop::collection::vec((any::<f64>(), 0i64..4), 0..64)) {
                let mut ours: Vec<(usize, (f64, i64))> = v.iter().copied().enumerate().collect();
                let mut theirs = ours.clone();
                sort_by_key(&mut ours, |&(_, (x, n))| (f64_key(x), n));
                theirs.sort_by(|a, b| a.1 .0.total_cmp(&b.1 .0).then(a.1 .1.cmp(&b.1 .1)));
                let ours: Vec<usize> = ours.iter().map(|p| p.0).collect();
                let theirs: Vec<usize> = theirs.iter().map(|p| p.0).collect();
                prop_assert_eq!(ours, theirs);
            }
        }
    }
}
