//! Times each phase of `orgraph metrics` on a CSV (read, import, metrics,
//! JSON) for profiling: `cargo run --release --example import_phases -- FILE.csv`.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: import_phases FILE.csv");
    let t = Instant::now();
    let bytes = std::fs::read(&path).expect("readable file");
    let t_read = t.elapsed();
    let t = Instant::now();
    let (org, _) = orgraph::import::load_csv_text(
        &bytes[..],
        "x",
        Default::default(),
        Default::default(),
        bytes.len() / 100,
    )
    .expect("valid CSV");
    let t_import = t.elapsed();
    let t = Instant::now();
    let input = orgraph::metrics::MetricsInput::from_org(&org);
    let t_input = t.elapsed();
    let t = Instant::now();
    let figures = orgraph::metrics::Figures::compute(&input, orgraph::View::Current);
    let t_figures = t.elapsed();
    let t = Instant::now();
    let metrics = figures.report(&org, &input);
    let t_compute = t.elapsed();
    let t = Instant::now();
    let json = serde_json::to_string(&metrics).expect("serialisable");
    let t_json = t.elapsed();
    eprintln!(
        "read {t_read:?} import {t_import:?} input {t_input:?} figures {t_figures:?} report {t_compute:?} json {t_json:?} ({} bytes)",
        json.len()
    );
}
