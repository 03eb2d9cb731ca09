//! The staff+ placement optimiser at 10k, 100k and 1M people (the
//! generator's orgs, built once per size): the whole suggestion, from
//! reading the org to the re-measured "after" figures, for each option
//! that changes the network's shape: the default, `weight people` (distinct
//! team weights, so more solver phases), `allow_replace` (replacing arcs and
//! droppable home teams) and both. Targets: 10k under 20 ms, 1M under 1 s.
//! Figures and where the time goes: the `suggest::placement` module doc.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use orgraph::model::{Ladder, Org, Policy};
use orgraph::suggest::placement::{suggest, PlacementOptions, Weight};
use std::hint::black_box;
use std::time::Duration;

// The same allocator as the orgraph binary, so figures match the CLI.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

fn generated(people: usize) -> Org {
    let records = orgraph::generate::generate(people, 42);
    Org::from_records(records, "bench", Ladder::default(), Policy::default())
        .expect("valid org")
        .0
}

fn benches(c: &mut Criterion) {
    for people in SIZES {
        let org = generated(people);
        let mut group = c.benchmark_group(format!("placement/{people}"));
        group.throughput(Throughput::Elements(people as u64));
        if people >= 1_000_000 {
            group
                .sample_size(10)
                .measurement_time(Duration::from_secs(20));
        } else if people >= 100_000 {
            group
                .sample_size(10)
                .measurement_time(Duration::from_secs(10));
        }
        let options = [
            ("teams", PlacementOptions::default()),
            (
                "people",
                PlacementOptions {
                    weight: Weight::People,
                    ..PlacementOptions::default()
                },
            ),
            (
                "allow-replace",
                PlacementOptions {
                    allow_replace: true,
                    ..PlacementOptions::default()
                },
            ),
            (
                "people-allow-replace",
                PlacementOptions {
                    weight: Weight::People,
                    allow_replace: true,
                    ..PlacementOptions::default()
                },
            ),
        ];
        for (name, options) in options {
            group.bench_with_input(BenchmarkId::new("suggest", name), &options, |b, options| {
                b.iter(|| suggest(black_box(&org), options).expect("suggests"))
            });
        }
        group.finish();
    }
}

criterion_group!(placement, benches);
criterion_main!(placement);
