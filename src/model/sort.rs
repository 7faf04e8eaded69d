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
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        keys.iter()
            .filter_map(|&(_, _, i)| slots.get_mut(i as usize).and_then(Option::take)),
    );
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

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
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
