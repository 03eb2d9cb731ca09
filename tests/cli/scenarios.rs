//! Scenarios, changes, undo/redo, diff, plan and history through the CLI,
//! plus the workspace's reliability promises: crash safety, two processes,
//! schema upgrades.

use super::{fixture, json_of, orgraph};
use orgraph::scenario::Change;
use orgraph::store::{Workspace, BASELINE};
use orgraph::{PersonId, Session};
use rand::{Rng, SeedableRng};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

fn run_ok(args: &[&str]) -> String {
    let out = orgraph().args(args).output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "orgraph {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn run_err(args: &[&str]) -> String {
    let out = orgraph().args(args).output().expect("runs");
    assert_eq!(out.status.code(), Some(1), "orgraph {args:?} should fail");
    String::from_utf8(out.stderr).expect("UTF-8 output")
}

/// A workspace with `small.csv` imported, in a temp dir.
fn small_workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("ws.orgraph");
    let csv = fixture("small.csv");
    run_ok(&["import", path(&csv), "--into", path(&ws)]);
    (dir, ws)
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// A workspace whose scenario `reorg` holds three changes: s1 moved to
/// em1, em3 moved to vp1 from 2027-03-01, and a hire (REQ-1) in Payments.
fn reorg_workspace() -> (tempfile::TempDir, PathBuf) {
    let (dir, ws) = small_workspace();
    let ws_path = path(&ws);
    run_ok(&["scenario", "create", "reorg", "--workspace", ws_path]);
    run_ok(&[
        "move",
        "s1",
        "--to",
        "em1",
        "--workspace",
        ws_path,
        "--scenario",
        "reorg",
    ]);
    run_ok(&[
        "move",
        "em3",
        "--to",
        "vp1",
        "--workspace",
        ws_path,
        "--scenario",
        "reorg",
        "--effective",
        "2027-03-01",
    ]);
    let hired = run_ok(&[
        "hire",
        "--title",
        "Engineer",
        "--team",
        "Payments",
        "--manager",
        "em1",
        "--cost",
        "120000",
        "--date",
        "2027-05-01",
        "--workspace",
        ws_path,
        "--scenario",
        "reorg",
    ]);
    assert_eq!(hired.trim(), "REQ-1");
    (dir, ws)
}

/// Branches `reorg-b` from `reorg` and undoes its last change (the hire),
/// so it has 2 of 3 changes applied.
fn branch_reorg_b(ws: &str) {
    run_ok(&[
        "scenario",
        "duplicate",
        "reorg",
        "reorg-b",
        "--workspace",
        ws,
    ]);
    run_ok(&["undo", "--workspace", ws, "--scenario", "reorg-b"]);
}

#[test]
fn a_move_that_would_create_a_cycle_is_refused_and_writes_nothing() {
    let (_dir, ws) = reorg_workspace();
    let ws = path(&ws);
    let err = run_err(&[
        "move",
        "vp1",
        "--to",
        "s2",
        "--workspace",
        ws,
        "--scenario",
        "reorg",
    ]);
    assert!(err.contains("would create a reporting cycle"), "{err}");
    let changes = json_of(
        run_ok(&[
            "changes",
            "--json",
            "--workspace",
            ws,
            "--scenario",
            "reorg",
        ])
        .as_bytes(),
    );
    assert_eq!(changes.as_array().map(Vec::len), Some(3));
}

#[test]
fn undo_and_redo_history_survives_separate_processes() {
    let (_dir, ws) = reorg_workspace();
    let ws = path(&ws);
    branch_reorg_b(ws);
    let listed = json_of(run_ok(&["scenario", "list", "--json", "--workspace", ws]).as_bytes());
    let b = listed
        .as_array()
        .and_then(|l| l.iter().find(|s| s["name"] == "reorg-b"))
        .expect("listed");
    assert_eq!(
        (b["head"].as_u64(), b["changes"].as_u64()),
        (Some(2), Some(3))
    );
    run_ok(&["redo", "--workspace", ws, "--scenario", "reorg-b"]);
    run_ok(&["undo", "--workspace", ws, "--scenario", "reorg-b"]);
    let err = run_err(&["redo", "--workspace", ws, "--scenario", "nope"]);
    assert!(err.contains("no scenario named 'nope'"), "{err}");
}

#[test]
fn metrics_as_of_a_date_leave_out_changes_effective_later() {
    let (_dir, ws) = reorg_workspace();
    let ws = path(&ws);
    let early = json_of(
        run_ok(&[
            "metrics",
            ws,
            "--scenario",
            "reorg",
            "--as-of",
            "2027-01-01",
            "--json",
        ])
        .as_bytes(),
    );
    let late = json_of(run_ok(&["metrics", ws, "--scenario", "reorg", "--json"]).as_bytes());
    assert_eq!(
        early["roots"], 2,
        "em3's manager is missing, so em3 is a root"
    );
    assert_eq!(late["roots"], 1, "after 2027-03-01 em3 reports to vp1");
}

#[test]
fn diff_compares_the_baseline_with_each_scenario_and_each_pair() {
    let (_dir, ws) = reorg_workspace();
    let ws = path(&ws);
    branch_reorg_b(ws);
    let diff = run_ok(&[
        "diff",
        "--workspace",
        ws,
        "--scenario",
        "reorg",
        "--scenario",
        "reorg-b",
    ]);
    insta::assert_snapshot!("diff_reorg", diff);
    let json = json_of(
        run_ok(&[
            "diff",
            "--json",
            "--workspace",
            ws,
            "--scenario",
            "reorg",
            "--scenario",
            "reorg-b",
        ])
        .as_bytes(),
    );
    assert_eq!(
        json["scenarios"],
        serde_json::json!(["baseline", "reorg", "reorg-b"])
    );
    let moved = &json["against_baseline"][0]["moved"];
    assert_eq!(moved[0]["person"], "em3");
    assert_eq!(moved[1]["person"], "s1");
    assert_eq!(moved[1]["from"], "em2");
    assert_eq!(moved[1]["to"], "em1");
    assert_eq!(json["pairwise"][0]["removed"][0]["person"], "REQ-1");
}

#[test]
fn plan_shows_headcount_and_cost_per_quarter() {
    let (_dir, ws) = reorg_workspace();
    let plan = run_ok(&[
        "plan",
        "--workspace",
        path(&ws),
        "--scenario",
        "reorg",
        "--today",
        "2026-11-27",
    ]);
    insta::assert_snapshot!("plan_reorg", plan);
}

#[test]
fn plan_shows_a_department_budget_and_counts_reqs_from_their_start() {
    let (_dir, ws) = reorg_workspace();
    let ws = path(&ws);
    run_ok(&[
        "budget",
        "Commerce",
        "--amount",
        "2500000",
        "--workspace",
        ws,
    ]);
    let plan = json_of(
        run_ok(&[
            "plan",
            "--json",
            "--workspace",
            ws,
            "--scenario",
            "reorg",
            "--today",
            "2026-11-27",
        ])
        .as_bytes(),
    );
    let commerce = plan["departments"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["name"] == "Commerce"))
        .expect("Commerce department");
    assert_eq!(commerce["budget"], 250_000_000);
    let open_by_quarter: Vec<u64> = commerce["quarters"]
        .as_array()
        .expect("quarters")
        .iter()
        .map(|q| q["open"].as_u64().unwrap_or(99))
        .collect();
    assert_eq!(
        open_by_quarter,
        [1, 1, 2, 2, 2, 2, 2, 2],
        "REQ-1 counts from 2027-Q2"
    );
}

#[test]
fn history_keeps_a_snapshot_per_change_with_its_reason() {
    let (_dir, ws) = reorg_workspace();
    let history = json_of(
        run_ok(&[
            "history",
            "--json",
            "--workspace",
            path(&ws),
            "--scenario",
            "reorg",
        ])
        .as_bytes(),
    );
    let reasons: Vec<&str> = history
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["reason"].as_str())
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(reasons[0].starts_with("move s1 to em1"), "{reasons:?}");
}

#[test]
fn scenarios_are_renamed_and_deleted_but_the_baseline_and_names_are_kept() {
    let (_dir, ws) = reorg_workspace();
    let ws = path(&ws);
    branch_reorg_b(ws);
    run_ok(&[
        "scenario",
        "rename",
        "reorg-b",
        "reorg-c",
        "--workspace",
        ws,
    ]);
    run_ok(&["scenario", "delete", "reorg-c", "--workspace", ws]);
    let err = run_err(&["scenario", "delete", "baseline", "--workspace", ws]);
    assert!(err.contains("cannot be deleted"), "{err}");
    let err = run_err(&["scenario", "create", "reorg", "--workspace", ws]);
    assert!(err.contains("already exists"), "{err}");
}

#[test]
fn a_workspace_from_schema_version_1_opens_and_upgrades_in_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("old.orgraph");
    std::fs::copy(fixture("schema-v1.orgraph"), &ws).expect("copied");
    let version = |ws: &Path| -> u32 {
        let conn = rusqlite::Connection::open(ws).expect("opens");
        conn.pragma_query_value(None, "user_version", |row| row.get(0))
            .expect("reads")
    };
    assert_eq!(version(&ws), 1);
    let before = json_of(run_ok(&["metrics", "--json", path(&ws)]).as_bytes());
    assert_eq!(version(&ws), orgraph::store::schema_version());
    assert_eq!(before["people"], 18);
    let history = json_of(run_ok(&["history", "--json", "--workspace", path(&ws)]).as_bytes());
    assert_eq!(
        history[0]["scenario"], "baseline",
        "old snapshots belong to the baseline"
    );
    run_ok(&["move", "s1", "--to", "em1", "--workspace", path(&ws)]);
    let workspace = Workspace::open(&ws).expect("opens");
    assert!(workspace.integrity_problems().expect("checked").is_empty());
    assert_eq!(workspace.scenario(BASELINE).expect("baseline").head, 1);
}

#[test]
fn a_second_writer_waits_for_the_first() {
    let (_dir, ws) = small_workspace();
    let mut conn = rusqlite::Connection::open(&ws).expect("opens");
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .expect("write lock");
    let mut child = orgraph();
    child
        .args(["move", "s1", "--to", "em1", "--workspace", path(&ws)])
        .timeout(Duration::from_secs(30));
    let waiter = std::thread::spawn(move || child.output().expect("runs"));
    std::thread::sleep(Duration::from_millis(700));
    tx.commit().expect("released");
    let out = waiter.join().expect("joined");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let session = Session::open(&ws).expect("opens");
    assert_eq!(session.org().manager_of(&"s1".into()), Some(&"em1".into()));
}

#[test]
fn a_stale_session_is_refused_and_writes_nothing() {
    let (_dir, ws) = small_workspace();
    let mut first = Session::open(&ws).expect("opens");
    let mut second = Session::open(&ws).expect("opens");
    first
        .move_person(&"s1".into(), Some(&"em1".into()))
        .expect("first writer");
    let err = second
        .move_person(&"s2".into(), Some(&"em1".into()))
        .expect_err("stale");
    assert_eq!(err.code(), orgraph::ErrorCode::Conflict);
    assert_eq!(
        second.org().manager_of(&"s2".into()),
        Some(&"em2".into()),
        "rolled back"
    );
    let reopened = Session::open(&ws).expect("opens");
    assert_eq!(reopened.scenario().head, 1);
    assert_eq!(reopened.org().manager_of(&"s2".into()), Some(&"em2".into()));
}

const CRASH_CHILD: &str = "ORGRAPH_CRASH_CHILD";
const CRASH_EDITS: usize = 1000;

/// Random valid edits on the workspace named by `$ORGRAPH_CRASH_CHILD`,
/// printing `ack POSITION KIND` once each is committed.
fn crash_child(ws: &Path, seed: u64) {
    let mut session = Session::open(ws).expect("child opens");
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let ids: Vec<PersonId> = session.org().people().map(|p| p.id.clone()).collect();
    let stdout = std::io::stdout();
    loop {
        let person = ids[rng.random_range(0..ids.len())].clone();
        let change = match rng.random_range(0..10) {
            0..=6 => Change::Move {
                person,
                manager: Some(ids[rng.random_range(0..ids.len())].clone()),
            },
            _ => Change::EditPerson {
                person,
                edit: orgraph::scenario::PersonEdit::Title(format!(
                    "Title {}",
                    rng.random_range(0..1000)
                )),
                was: None,
            },
        };
        let kind = change.kind();
        if let Ok(position) = session.apply(change, None) {
            use std::io::Write;
            let mut out = stdout.lock();
            let _ = writeln!(out, "ack {position} {kind}");
            let _ = out.flush();
        }
    }
}

/// Kills a child making random edits at random points, over and over,
/// until 1,000 edits are acknowledged; every acknowledged edit must be in
/// the reopened workspace, which must pass its integrity check.
#[test]
fn acknowledged_edits_survive_sigkill() {
    if let Some(ws) = std::env::var_os(CRASH_CHILD) {
        let seed = std::env::var("ORGRAPH_CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(1);
        crash_child(Path::new(&ws), seed);
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("crash.orgraph");
    let csv = dir.path().join("org.csv");
    run_ok(&[
        "generate",
        "--people",
        "200",
        "--seed",
        "3",
        "--output",
        path(&csv),
    ]);
    run_ok(&["import", path(&csv), "--into", path(&ws)]);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(42);
    let mut acked: Vec<(u32, String)> = Vec::new();
    let mut round = 0u64;
    while acked.len() < CRASH_EDITS {
        round += 1;
        let kill_after = rng.random_range(1..=150).min(CRASH_EDITS - acked.len());
        let mut child = std::process::Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "--exact",
                "scenarios::acknowledged_edits_survive_sigkill",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CRASH_CHILD, &ws)
            .env("ORGRAPH_CRASH_SEED", round.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("child starts");
        let reader = std::io::BufReader::new(child.stdout.take().expect("piped"));
        let mut seen = 0;
        for line in reader.lines() {
            let line = line.expect("readable");
            let mut parts = line.split_whitespace();
            if parts.next() != Some("ack") {
                continue;
            }
            let position: u32 = parts.next().and_then(|p| p.parse().ok()).expect("position");
            acked.push((position, parts.next().unwrap_or_default().to_string()));
            seen += 1;
            if seen >= kill_after {
                // SIGKILL while the child is in the middle of its next edit.
                child.kill().expect("killed");
                break;
            }
        }
        let _ = child.wait();
        let workspace = Workspace::open(&ws).expect("reopens after a kill");
        let problems = workspace.integrity_problems().expect("checked");
        assert!(problems.is_empty(), "round {round}: {problems:?}");
        let baseline = workspace.scenario(BASELINE).expect("baseline");
        let entries = workspace.change_entries(baseline.id).expect("changes");
        for (position, kind) in &acked {
            let entry = entries.get(*position as usize - 1).unwrap_or_else(|| {
                panic!("round {round}: acknowledged change {position} is missing")
            });
            assert_eq!(entry.change.kind(), kind.as_str());
        }
        assert!(baseline.head as usize >= acked.len());
        let session = Session::open(&ws).expect("materialises");
        assert!(session.skipped().is_empty(), "{:?}", session.skipped());
    }
}
