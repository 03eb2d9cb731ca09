//! Times the phases of saving and loading a baseline at N people (for
//! profiling): `cargo run --release --example store_phases -- 1000000`.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

fn main() {
    if let (Some("save"), Some(path)) =
        (std::env::args().nth(1).as_deref(), std::env::args().nth(2))
    {
        // `store_phases save PATH`: load PATH, then only save it anew.
        let ws = orgraph::store::Workspace::open(std::path::Path::new(&path)).expect("opens");
        let (org, _) = ws.load_org().expect("loads");
        let dir = std::env::temp_dir().join(format!("orgraph-phases-{}", std::process::id()));
        for turn in 0..3 {
            let mut copy = orgraph::store::Workspace::create(&dir.join(format!("{turn}.orgraph")))
                .expect("created");
            let t = Instant::now();
            copy.save_org(&org, &[]).expect("saved");
            eprintln!("save {:?} ({} people)", t.elapsed(), org.len());
        }
        let _ = std::fs::remove_dir_all(&dir);
        return;
    }
    if let Some(path) = std::env::args().nth(2) {
        // `store_phases N PATH`: only load PATH, for profiling.
        let ws = orgraph::store::Workspace::open(std::path::Path::new(&path)).expect("opens");
        let t = Instant::now();
        let (org, _) = ws.load_org().expect("loads");
        eprintln!("load {:?} ({} people)", t.elapsed(), org.len());
        return;
    }
    let people: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let records = orgraph::generate::generate(people, 42);
    let (org, _) =
        orgraph::model::Org::from_records(records, "x", Default::default(), Default::default())
            .expect("valid org");
    let dir = std::env::temp_dir().join(format!("orgraph-phases-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.join("w.orgraph");
    let t = Instant::now();
    let mut ws = orgraph::store::Workspace::create(&path).expect("created");
    let t_create = t.elapsed();
    let t = Instant::now();
    ws.save_org(&org, &[]).expect("saved");
    let t_save = t.elapsed();
    let t = Instant::now();
    let (loaded, _) = ws.load_org().expect("loads");
    let t_load = t.elapsed();
    eprintln!(
        "{people} people: create {t_create:?} save {t_save:?} load {t_load:?} ({} loaded)",
        loaded.len()
    );
    if std::env::var_os("KEEP").is_some() {
        eprintln!("kept {}", path.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
