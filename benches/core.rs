//! Core benchmarks at 10k, 100k and 1M people: CSV import into the graph,
//! all metrics, the health checks, and one move plus its incremental
//! recompute.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use orgraph::metrics::{compute_with, Figures, MetricsEngine, MetricsInput};
use orgraph::model::{Ladder, Org, PersonId, Policy};
use orgraph::View;
use std::hint::black_box;
use std::time::Duration;

// The same allocator as the orgraph binary, so figures match the CLI.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

fn csv_bytes(people: usize) -> Vec<u8> {
    let records = orgraph::generate::generate(people, 42);
    let mut bytes = Vec::new();
    orgraph::generate::write_csv(&records, &mut bytes).expect("in-memory write");
    bytes
}

fn import(bytes: &[u8]) -> Org {
    let expected = bytes.len() / 100;
    let (org, _) = orgraph::import::load_csv_text(
        bytes,
        "bench.csv",
        Ladder::default(),
        Policy::default(),
        expected,
    )
    .expect("valid CSV");
    org
}

fn configure(
    c: &mut Criterion,
    people: usize,
) -> criterion::BenchmarkGroup<'_, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(format!("{people}"));
    group.throughput(Throughput::Elements(people as u64));
    if people >= 1_000_000 {
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(20));
    } else if people >= 100_000 {
        group
            .sample_size(20)
            .measurement_time(Duration::from_secs(10));
    }
    group
}

fn benches(c: &mut Criterion) {
    for people in SIZES {
        let bytes = csv_bytes(people);
        let org = import(&bytes);
        let input = MetricsInput::from_org(&org);
        let mut group = configure(c, people);

        group.bench_function(BenchmarkId::new("import_csv", people), |b| {
            // Freeing the imported org is not part of importing it.
            b.iter_with_large_drop(|| import(black_box(&bytes)))
        });
        // What `orgraph import` does: read the file, detect its encoding,
        // delimiter, mapping and manager references, then stream it in.
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("people.csv");
        std::fs::write(&path, &bytes).expect("written");
        group.bench_function(BenchmarkId::new("import_file", people), |b| {
            b.iter_with_large_drop(|| {
                let options = orgraph::import::ImportOptions::default();
                orgraph::import::load(&path, &options, Ladder::default(), Policy::default())
                    .expect("valid CSV")
            })
        });
        // Every figure (spans, band, layers, ratio, roll-ups, teams, coverage)
        // as numbers and arrays.
        group.bench_function(BenchmarkId::new("metrics_figures", people), |b| {
            b.iter(|| black_box(Figures::compute(black_box(&input), View::Current)))
        });
        // The same, recomputed into warm buffers as the app does after an edit.
        let mut warm = Figures::compute(&input, View::Current);
        group.bench_function(BenchmarkId::new("metrics_figures_warm", people), |b| {
            b.iter(|| {
                warm.recompute(black_box(&input), View::Current);
                black_box(warm.people())
            })
        });
        // The same plus the labelled report (every manager, team and staff+
        // engineer listed with ids), as `orgraph metrics --json` prints it.
        group.bench_function(BenchmarkId::new("metrics_report", people), |b| {
            b.iter(|| black_box(compute_with(&org, black_box(&input), View::Current)))
        });
        // Every health check from the report above, as `orgraph check`
        // runs them after computing it.
        let report = compute_with(&org, &input, View::Current);
        let guidance = orgraph::health::LayerGuidance::default();
        group.bench_function(BenchmarkId::new("health_check", people), |b| {
            b.iter(|| {
                black_box(orgraph::health::check_with(
                    &org,
                    black_box(&input),
                    &report,
                    &guidance,
                ))
            })
        });
        group.bench_function(BenchmarkId::new("metrics_input_from_org", people), |b| {
            b.iter(|| black_box(MetricsInput::from_org(black_box(&org))))
        });

        // One move of a leaf between two managers, with the incremental
        // recompute of every summary figure.
        let forest = org.forest();
        let ids: Vec<PersonId> = org.people().map(|p| p.id.clone()).collect();
        let leaf = (0..forest.len() as u32)
            .rev()
            .find(|&i| forest.child_count(i) == 0 && forest.parent(i).is_some())
            .expect("a leaf");
        let home = forest.parent(leaf).expect("has a manager");
        let away = (0..forest.len() as u32)
            .rev()
            .find(|&i| forest.child_count(i) > 0 && i != home)
            .expect("another manager");
        let mut org = org;
        let mut engine = MetricsEngine::new(&org, View::Current);
        let mut flip = false;
        group.bench_function(BenchmarkId::new("move_and_recompute", people), |b| {
            b.iter(|| {
                flip = !flip;
                let target = if flip { away } else { home };
                org.move_person(&ids[leaf as usize], Some(&ids[target as usize]))
                    .expect("legal move");
                engine.apply_move(leaf, Some(target));
                black_box(engine.span_of(target))
            })
        });
        group.finish();
    }
}

criterion_group!(core, benches);
criterion_main!(core);
