//! Building the id → node index of many people at once.
//!
//! Inserting a million ids one by one misses the cache on every insert:
//! the table (about 10 MB) is larger than the cache and each id lands in a
//! random place. Here the ids are first grouped by the region of the table
//! they land in, then inserted region by region, so the inserts walk the
//! table nearly in order. Within a region ids keep their order, so the first
//! of two equal ids is the one indexed.

use hashbrown::hash_table::Entry;
use hashbrown::HashTable;
use petgraph::stable_graph::NodeIndex;

/// Buckets per region, as a power of two: a region's control bytes and
/// slots (1 KB and 4 KB) stay in the first-level cache while it fills.
const REGION_BITS: u32 = 10;

/// Two people with the same id, by position: `first` is indexed, `again`
/// is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Duplicate {
    pub first: u32,
    pub again: u32,
}

/// Indexes positions `0..hashes.len()` by their ids' hashes. `same_id(a, b)`
/// tells whether positions a and b have equal ids; it is asked only when
/// two hashes share their top bits, so rarely unless ids repeat.
pub(crate) fn build(
    hashes: &[u64],
    same_id: impl Fn(u32, u32) -> bool,
) -> (HashTable<NodeIndex>, Vec<Duplicate>) {
    let mut table = HashTable::with_capacity(hashes.len());
    let mut duplicates = Vec::new();
    for (hash, position) in by_region(hashes, table.capacity()) {
        match table.entry(
            hash,
            |n: &NodeIndex| same_id(n.index() as u32, position),
            |n: &NodeIndex| hashes[n.index()],
        ) {
            Entry::Occupied(first) => duplicates.push(Duplicate {
                first: first.get().index() as u32,
                again: position,
            }),
            Entry::Vacant(slot) => {
                slot.insert(NodeIndex::new(position as usize));
            }
        }
    }
    duplicates.sort_unstable_by_key(|d| d.again);
    (table, duplicates)
}

/// What [`candidates`] gives for a hash nobody's id has.
pub(crate) const NOT_FOUND: u32 = u32::MAX;

/// For each hash in `wanted`, the position of someone whose id has that
/// hash (`hashes` by position, as given to [`build`]), or [`NOT_FOUND`].
/// The lookups are grouped by region as in [`build`], and compare hashes
/// only, so they read no person: the caller compares the ids themselves in
/// a pass of independent reads, which the processor overlaps.
pub(crate) fn candidates(table: &HashTable<NodeIndex>, hashes: &[u64], wanted: &[u64]) -> Vec<u32> {
    let mut found = vec![NOT_FOUND; wanted.len()];
    for (hash, query) in by_region(wanted, table.capacity()) {
        if let Some(node) = table.find(hash, |n: &NodeIndex| hashes[n.index()] == hash) {
            found[query as usize] = node.index() as u32;
        }
    }
    found
}

/// (hash, position) pairs, grouped by the region of a table of `capacity`
/// where each first probes, positions ascending within a group (a counting
/// sort). The grouping only speeds the inserts: were the table's layout
/// other than assumed, they would still be correct.
fn by_region(hashes: &[u64], capacity: usize) -> Vec<(u64, u32)> {
    // The table probes first at bucket `hash & (buckets - 1)`, and keeps
    // 1 in 8 buckets free.
    let buckets = (capacity.saturating_mul(8) / 7).next_power_of_two().max(1);
    let regions = (buckets >> REGION_BITS).max(1);
    let region = |hash: u64| (hash as usize & (buckets - 1)) >> REGION_BITS;
    let mut starts = vec![0usize; regions + 1];
    for &hash in hashes {
        starts[region(hash) + 1] += 1;
    }
    for r in 0..regions {
        starts[r + 1] += starts[r];
    }
    let mut grouped = vec![(0u64, 0u32); hashes.len()];
    for (position, &hash) in hashes.iter().enumerate() {
        let slot = &mut starts[region(hash)];
        grouped[*slot] = (hash, position as u32);
        *slot += 1;
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;
    use std::hash::BuildHasher;

    fn hash(id: &str) -> u64 {
        rustc_hash::FxBuildHasher.hash_one(id)
    }

    fn index(ids: &[String]) -> (HashTable<NodeIndex>, Vec<Duplicate>) {
        let hashes: Vec<u64> = ids.iter().map(|id| hash(id)).collect();
        build(&hashes, |a, b| ids[a as usize] == ids[b as usize])
    }

    #[test]
    fn grouping_keeps_every_position_once_and_in_order_within_a_region() {
        let hashes: Vec<u64> = (0..50_000u64).map(|i| hash(&i.to_string())).collect();
        let grouped = by_region(&hashes, 57_344);
        let mut seen: Vec<u32> = grouped.iter().map(|&(_, p)| p).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..50_000).collect::<Vec<u32>>());
        for pair in grouped.windows(2) {
            let region = |h: u64| (h as usize & 65_535) >> REGION_BITS;
            let (a, b) = (region(pair[0].0), region(pair[1].0));
            assert!(a < b || (a == b && pair[0].1 < pair[1].1), "{pair:?}");
        }
    }

    proptest! {
        /// Against a reference: every id finds its first position, and
        /// every later repeat is reported against it.
        #[test]
        fn finds_each_ids_first_position_and_reports_repeats(
            ids in proptest::collection::vec("[a-e]{1,3}", 0..400),
        ) {
            let (table, duplicates) = index(&ids);
            let mut first: HashMap<&str, u32> = HashMap::new();
            let mut expected = Vec::new();
            for (position, id) in ids.iter().enumerate() {
                match first.get(id.as_str()) {
                    Some(&f) => expected.push(Duplicate { first: f, again: position as u32 }),
                    None => {
                        first.insert(id, position as u32);
                    }
                }
            }
            prop_assert_eq!(duplicates, expected);
            prop_assert_eq!(table.len(), first.len());
            for (id, &position) in &first {
                let found = table.find(hash(id), |n| ids[n.index()] == *id);
                prop_assert_eq!(found.map(|n| n.index() as u32), Some(position));
            }
            prop_assert!(table.find(hash("zzzz"), |n| ids[n.index()] == "zzzz").is_none());
        }
    }

    #[test]
    fn candidates_are_found_by_hash_and_missing_ones_are_not_found() {
        let ids: Vec<String> = (0..5_000).map(|i| format!("p{i}")).collect();
        let hashes: Vec<u64> = ids.iter().map(|id| hash(id)).collect();
        let (table, _) = index(&ids);
        let wanted: Vec<u64> = ["p4999", "nobody", "p0", "p17"].map(hash).to_vec();
        assert_eq!(
            candidates(&table, &hashes, &wanted),
            [4999, NOT_FOUND, 0, 17]
        );
    }

    #[test]
    fn a_million_distinct_ids_all_index_to_themselves() {
        let ids: Vec<String> = (0..1_000_000).map(|i| format!("E{i:07}")).collect();
        let (table, duplicates) = index(&ids);
        assert!(duplicates.is_empty());
        assert_eq!(table.len(), ids.len());
        for (position, id) in ids.iter().enumerate().step_by(997) {
            let found = table.find(hash(id), |n| ids[n.index()] == *id);
            assert_eq!(found.map(|n| n.index()), Some(position));
        }
    }
}
