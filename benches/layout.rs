//! Tidy-tree layout on org-shaped forests of 10k, 100k and 1M people, the
//! compact export layout (leaf reports stacked) at 100k and 1M, and the
//! app's chart layout (compact, root trees wrapped into rows) at 100k and 1M.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use orgraph::layout::{tidy_tree, LayoutOptions, Size};
use orgraph::model::{Forest, NO_PARENT};
use orgraph::render::{compact_tree, CompactOptions};

/// A small deterministic generator (SplitMix64), so the bench needs no
/// random-number crate and every run lays out the same org.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }
}

/// One CEO; breadth-first, every manager gets 3–12 reports, and below the
/// top two layers a quarter of people are individual contributors. That
/// gives 7 layers at 10k and 100k and 9 at 1M (the last one partly filled),
/// with about one manager per 7.5 people.
fn org_forest(n: usize) -> Forest {
    let mut rng = SplitMix(0x0126_A9F0_u64 ^ n as u64);
    let mut parents = Vec::with_capacity(n);
    let mut depth = Vec::with_capacity(n);
    parents.push(NO_PARENT);
    depth.push(0u32);
    let mut next_manager = 0usize;
    while parents.len() < n {
        let manager = next_manager;
        next_manager += 1;
        // Never run out of managers before n people are placed.
        let last_chance = next_manager == parents.len();
        if depth[manager] >= 2 && !last_chance && rng.below(4) == 0 {
            continue;
        }
        let reports = 3 + rng.below(10) as usize;
        for _ in 0..reports.min(n - parents.len()) {
            parents.push(manager as u32);
            depth.push(depth[manager] + 1);
        }
    }
    Forest::from_parents(parents).expect("generated parents form a forest")
}

fn bench_tidy_tree(c: &mut Criterion) {
    let options = LayoutOptions::default();
    let mut group = c.benchmark_group("tidy_tree");
    for (n, samples) in [(10_000usize, 50usize), (100_000, 20), (1_000_000, 10)] {
        let forest = org_forest(n);
        let sizes = vec![Size::new(160.0, 56.0); n];
        group.sample_size(samples);
        group.bench_with_input(BenchmarkId::from_parameter(n), &forest, |b, forest| {
            b.iter(|| tidy_tree(black_box(forest), black_box(&sizes), &[], &options))
        });
    }
    group.finish();
}

/// The export layout: leaf reports stacked in columns (goal: < 30 ms at
/// 100k, < 300 ms at 1M).
fn bench_compact_tree(c: &mut Criterion) {
    let options = LayoutOptions::default();
    let compact = CompactOptions::default();
    let mut group = c.benchmark_group("compact_tree");
    for (n, samples) in [(100_000usize, 20usize), (1_000_000, 10)] {
        let forest = org_forest(n);
        let sizes = vec![Size::new(190.0, 80.0); n];
        group.sample_size(samples);
        group.bench_with_input(BenchmarkId::from_parameter(n), &forest, |b, forest| {
            b.iter(|| {
                compact_tree(
                    black_box(forest),
                    black_box(&sizes),
                    &options,
                    Some(&compact),
                )
            })
        });
    }
    group.finish();
}

/// The app's chart layout: the compact layout, root trees wrapped into
/// rows, every node shown (the worst case: "Expand all").
fn bench_chart_layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("chart_layout");
    for (n, samples) in [(100_000usize, 20usize), (1_000_000, 10)] {
        let forest = org_forest(n);
        group.sample_size(samples);
        group.bench_with_input(BenchmarkId::from_parameter(n), &forest, |b, forest| {
            b.iter(|| orgraph::chart::layout_forest(black_box(forest), &[]))
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_tidy_tree,
    bench_compact_tree,
    bench_chart_layout
);
criterion_main!(benches);
