//! Span rebalancing (`suggest::spans::suggest`) at 10k, 100k and 1M
//! people, on generator orgs built once per size: with the defaults (the
//! generator's narrow managers each lead their own team, so little moves)
//! and with `move_across_teams` (merges and transfers across teams: the
//! most changes, so the most work writing them and applying them to the
//! copy the "after" figures are computed on).
//!
//! Measured 2026-12-07 (release, `--warm-up-time 1 --measurement-time 5`,
//! on the shared 2-core machine under load, load average about 4.5):
//! defaults 3.1 ms / 39 ms / 565 ms and across teams 3.4 ms / 41 ms /
//! 702 ms at 10k / 100k / 1M people. Not profiled: the O(n) parts are
//! reading the org twice (`MetricsInput::from_org`, before and after) and
//! copying it to apply the changes.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use orgraph::model::{Ladder, Org, Policy};
use orgraph::suggest::spans::{suggest, SpanOptions};
use std::hint::black_box;
use std::time::Duration;

// The same allocator as the orgraph binary, so figures match the CLI.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

fn org_of(people: usize) -> Org {
    let records = orgraph::generate::generate(people, 42);
    Org::from_records(records, "bench", Ladder::default(), Policy::default())
        .expect("valid org")
        .0
}

fn spans(c: &mut Criterion) {
    let mut group = c.benchmark_group("spans");
    group.sample_size(10);
    for people in SIZES {
        let org = org_of(people);
        if people >= 1_000_000 {
            group.measurement_time(Duration::from_secs(20));
        }
        let defaults = SpanOptions::default();
        let across = SpanOptions {
            move_across_teams: true,
            ..SpanOptions::default()
        };
        for (name, options) in [("defaults", &defaults), ("across_teams", &across)] {
            group.bench_function(BenchmarkId::new(name, people), |b| {
                b.iter(|| suggest(black_box(&org), options).expect("a suggestion"));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, spans);
criterion_main!(benches);
