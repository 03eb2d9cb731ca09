//! Times each phase of `orgraph metrics` on a CSV (read, parse, build, metrics,
//! JSON) for profiling: `cargo run --release --example import_phases -- FILE.csv`.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("csv");
    let t = Instant::now();
    let bytes = std::fs::read(&path).expect("read");
    let t_read = t.elapsed();
    let t = Instant::now();
    let (records, _) = orgraph::import::read_csv(&bytes[..], "x").expect("csv");
    let t_csv = t.elapsed();
    let t = Instant::now();
    let (org, _) =
        orgraph::model::Org::from_records(records, "x", Default::default(), Default::default())
            .expect("org");
    let t_build = t.elapsed();
    let t = Instant::now();
    let input = orgraph::metrics::MetricsInput::from_org(&org);
    let t_input = t.elapsed();
    let t = Instant::now();
    let m = orgraph::metrics::compute_with(&org, &input, orgraph::View::Current);
    let t_compute = t.elapsed();
    let t = Instant::now();
    let json = serde_json::to_string(&m).expect("json");
    let t_json = t.elapsed();
    let t = Instant::now();
    drop(org);
    let t_drop = t.elapsed();
    eprintln!("read {t_read:?} csv {t_csv:?} build {t_build:?} input {t_input:?} compute {t_compute:?} json {t_json:?} ({} bytes) drop {t_drop:?}", json.len());
}
