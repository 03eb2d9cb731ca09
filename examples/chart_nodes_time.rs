//! Times what `chart_nodes` does after an edit at N people (for profiling):
//! `cargo run --release --example chart_nodes_time -- 100000`.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use orgraph::model::{Ladder, Org, Policy};
use std::time::Instant;

fn main() {
    let people: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let records = orgraph::generate::generate(people, 1);
    let org = Org::from_records(records, "bench", Ladder::default(), Policy::default())
        .expect("valid")
        .0;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("t.orgraph");
    orgraph::store::Workspace::create(&path)
        .and_then(|mut ws| ws.save_org(&org, &[]))
        .expect("saved");
    let mut session = orgraph::Session::open(&path).expect("opens");
    for round in 0..5 {
        let id = session
            .org()
            .people()
            .nth(people / 2)
            .expect("a person")
            .id
            .clone();
        let change = orgraph::scenario::Change::EditPerson {
            person: id,
            edit: orgraph::scenario::PersonEdit::Title(format!("T{round}")),
            was: None,
        };
        session.apply(change, None).expect("applies");
        let t = Instant::now();
        let metrics = session.metrics();
        let m = t.elapsed();
        let nodes = orgraph::chart::nodes(session.org(), metrics);
        let n = t.elapsed();
        let bytes = orgraph::chart::nodes_to_bytes(&nodes);
        let b = t.elapsed();
        eprintln!(
            "metrics {m:?}, nodes {:?}, bytes {:?} ({} bytes)",
            n - m,
            b - n,
            bytes.len()
        );
    }
}
