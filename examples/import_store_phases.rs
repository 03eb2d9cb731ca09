//! Times the phases of `orgraph import FILE.csv --into NEW.orgraph` for
//! profiling: read and validate, opening the workspace, the snapshot's
//! summary against a full report, freeing a copy of the org, and the whole
//! store step: `cargo run --release --example import_store_phases -- FILE.csv`.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use orgraph::import::ImportOptions;
use std::path::Path;
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: import_store_phases FILE.csv");
    let file = Path::new(&path);
    let t = Instant::now();
    let (org, warnings) = orgraph::import::load_with_progress(
        file,
        &ImportOptions::default(),
        Default::default(),
        Default::default(),
        &|_| {},
    )
    .expect("valid file");
    let t_read = t.elapsed();
    let dir = std::env::temp_dir().join(format!("orgraph-import-phases-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let t = Instant::now();
    let (mut workspace, _) =
        orgraph::store::Workspace::open_or_create(&dir.join("w.orgraph")).expect("workspace");
    let t_open = t.elapsed();
    let t = Instant::now();
    let summary = orgraph::metrics::summarise(&org, orgraph::View::Current);
    let t_summary = t.elapsed();
    let t = Instant::now();
    let full = orgraph::metrics::compute(&org, orgraph::View::Current);
    let t_full = t.elapsed();
    drop(full);
    let copy = org.clone();
    let t = Instant::now();
    drop(copy);
    let t_drop = t.elapsed();
    let t = Instant::now();
    orgraph::import::store(&mut workspace, file, org, warnings).expect("stored");
    let t_store = t.elapsed();
    eprintln!(
        "read+validate {t_read:?} open {t_open:?} summary {t_summary:?} full metrics {t_full:?} drop {t_drop:?} store (all, with drop) {t_store:?} people {}",
        summary.people
    );
    let _ = std::fs::remove_dir_all(&dir);
}
