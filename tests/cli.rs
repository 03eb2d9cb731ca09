//! Integration tests of the core through the `orgraph` CLI binary: exit
//! codes, error locations, workspace round trips and the text report.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn orgraph() -> Command {
    let mut cmd = Command::cargo_bin("orgraph").expect("the orgraph binary is built");
    cmd.env_remove("ORGRAPH_WORKSPACE");
    cmd
}

#[path = "cli/scenarios.rs"]
mod scenarios;

#[path = "cli/import.rs"]
mod import;

#[path = "cli/import_mapping.rs"]
mod import_mapping;

#[path = "cli/import_report.rs"]
mod import_report;

#[path = "cli/export.rs"]
mod export;

#[path = "cli/bad_inputs.rs"]
mod bad_inputs;

#[path = "cli/conflicts.rs"]
mod conflicts;

#[path = "cli/rows.rs"]
mod rows;

#[path = "cli/two_processes.rs"]
mod two_processes;

#[path = "cli/placeholders.rs"]
mod placeholders;

#[path = "cli/settings.rs"]
mod settings;

#[path = "cli/staffplus.rs"]
mod staffplus;

#[path = "cli/check.rs"]
mod check;

#[path = "cli/suggest_placement.rs"]
mod suggest_placement;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A path as the text an argument takes.
fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Runs orgraph, asserting success; returns (stdout, stderr).
fn run_ok(args: &[&str]) -> (String, String) {
    let out = orgraph().args(args).output().expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8 output");
    assert_eq!(out.status.code(), Some(0), "orgraph {args:?}: {stderr}");
    (String::from_utf8(out.stdout).expect("UTF-8 output"), stderr)
}

fn json_of(output: &[u8]) -> serde_json::Value {
    serde_json::from_slice(output).expect("stdout is one JSON object")
}

#[test]
fn metrics_json_has_the_documented_keys_and_values() {
    let out = orgraph()
        .args(["metrics", "--json"])
        .arg(fixture("small.csv"))
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = json_of(&out.stdout);
    for key in [
        "people",
        "managers",
        "ics",
        "roots",
        "layers",
        "span",
        "band",
        "manager_ic_ratio",
        "teams",
        "coverage",
        "warnings",
    ] {
        assert!(json.get(key).is_some(), "missing key {key}");
    }
    // active only: 20 rows - 1 open - 1 departing
    assert_eq!(json["people"], 18);
    // cto(2), vp1(2), em1(3 active), em2(8 active), em3(1)
    assert_eq!(json["managers"], 5);
    assert_eq!(
        json["roots"], 2,
        "em3's manager 'ghost' is missing, so em3 is a root"
    );
    assert_eq!(json["layers"], 4);
    assert_eq!(json["span"]["min"], 1);
    assert_eq!(json["span"]["median"], 2.0);
    assert_eq!(json["span"]["max"], 8);
    assert_eq!(json["band"]["narrow"], 4);
    assert_eq!(json["band"]["in_band"], 1);
    assert_eq!(json["band"]["wide"], 0);
    assert_eq!(json["band"]["single_report"], 1);
    assert_eq!(json["coverage"]["teams"], 3);
    assert_eq!(json["coverage"]["covered"], 3);
    assert_eq!(json["coverage"]["overloaded"], 0);
    let arch = json["coverage"]["load"]
        .as_array()
        .and_then(|load| load.iter().find(|l| l["id"] == "arch1"))
        .expect("arch1 listed");
    assert_eq!(
        arch["load"], 3,
        "Payments, Search, Billing (Growth has no members)"
    );
    assert_eq!(arch["placement"], "central");
    let warnings = json["warnings"].as_array().expect("a list");
    let missing = warnings
        .iter()
        .find(|w| w["code"] == "manager-not-found")
        .expect("the missing manager is a warning");
    assert_eq!(missing["location"]["row"], 20);
    assert_eq!(missing["location"]["column"], "manager_id");
}

#[test]
fn band_and_view_options_change_the_figures() {
    let out = orgraph()
        .args(["metrics", "--json", "--band", "2-3", "--view", "planned"])
        .arg(fixture("small.csv"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let json = json_of(&out.stdout);
    assert_eq!(json["people"], 19, "open counts, departing does not");
    assert_eq!(json["band"]["min"], 2);
    assert_eq!(json["band"]["wide"], 2, "em1 with 4 and em2 with 8");
}

#[test]
fn readable_report_snapshot() {
    let out = orgraph()
        .arg("metrics")
        .arg(fixture("small.csv"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let text = text.replace(fixture("small.csv").to_string_lossy().as_ref(), "small.csv");
    insta::assert_snapshot!("small_report", text);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["metrics"],
        vec!["metrics", "x.csv", "--band", "8-5"],
        vec!["metrics", "x.csv", "--view", "someday"],
        vec!["frobnicate"],
        vec!["generate", "--people", "0"],
    ] {
        let out = orgraph().args(&args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn input_errors_exit_1_naming_file_row_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("bad.csv");
    std::fs::write(
        &csv,
        "id,manager_id,cost\na,c,1\nb,a,2\nc,b,3x\nd,,4\nd,,5\n",
    )
    .expect("write");
    let out = orgraph().arg("metrics").arg(&csv).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.csv:4: column 'cost'"), "{stderr}");

    std::fs::write(&csv, "id,manager_id\na,c\nb,a\nc,b\nd,\nd,\n").expect("write");
    let out = orgraph().arg("metrics").arg(&csv).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.csv:2: column 'manager_id'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("a (row 2) -> c (row 4) -> b (row 3) -> a")
            || stderr.contains("reporting cycle"),
        "{stderr}"
    );
    assert!(stderr.contains("used by row 5 and row 6"), "{stderr}");

    let out = orgraph()
        .arg("metrics")
        .arg(dir.path().join("missing.csv"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.csv"));
}

#[test]
fn generate_import_and_metrics_agree_between_csv_and_workspace() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("org.csv");
    let ws = dir.path().join("org.orgraph");
    let out = orgraph()
        .args(["generate", "--people", "2000", "--seed", "3", "--output"])
        .arg(&csv)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let header = std::fs::read_to_string(&csv).expect("csv written");
    assert!(header.starts_with("id,manager_id,name,title,team,level,cost,location,status"));

    let out = orgraph()
        .arg("import")
        .arg(&csv)
        .arg("--into")
        .arg(&ws)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let from_csv = orgraph()
        .args(["metrics", "--json"])
        .arg(&csv)
        .output()
        .expect("runs");
    let from_ws = orgraph()
        .args(["metrics", "--json"])
        .arg(&ws)
        .output()
        .expect("runs");
    assert_eq!(
        from_ws.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&from_ws.stderr)
    );
    let (a, b) = (json_of(&from_csv.stdout), json_of(&from_ws.stdout));
    assert!(
        a["people"].as_u64().unwrap_or(0) > 1800,
        "most generated people are active"
    );
    assert_eq!(a, b, "a workspace holds exactly what was imported");
    assert!(a["coverage"]["central"].as_u64().unwrap_or(0) >= 1);
    assert!(a["coverage"]["embedded"].as_u64().unwrap_or(0) >= 1);
}

#[test]
fn a_failed_import_leaves_the_workspace_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("w.orgraph");
    let out = orgraph()
        .arg("import")
        .arg(fixture("small.csv"))
        .arg("--into")
        .arg(&ws)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let before = orgraph()
        .args(["metrics", "--json"])
        .arg(&ws)
        .output()
        .expect("runs")
        .stdout;

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "id,manager_id\nx,y\ny,x\n").expect("write");
    let out = orgraph()
        .arg("import")
        .arg(&bad)
        .arg("--into")
        .arg(&ws)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let after = orgraph()
        .args(["metrics", "--json"])
        .arg(&ws)
        .output()
        .expect("runs")
        .stdout;
    assert_eq!(json_of(&before), json_of(&after));
}

#[test]
fn files_that_are_not_workspaces_are_refused_and_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = dir.path().join("notes.orgraph");
    std::fs::write(&text, "just some text, not a database at all").expect("write");
    let mut corrupt_bytes = b"SQLite format 3\0".to_vec();
    corrupt_bytes.extend(std::iter::repeat_n(0xAB, 4096));
    let corrupt = dir.path().join("corrupt.orgraph");
    std::fs::write(&corrupt, &corrupt_bytes).expect("write");
    let other_db = dir.path().join("other.orgraph");
    {
        let conn = rusqlite::Connection::open(&other_db).expect("sqlite");
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .expect("other app's db");
    }
    for path in [&text, &corrupt, &other_db] {
        let before = std::fs::read(path).expect("read");
        let out = orgraph()
            .args(["metrics", "--json"])
            .arg(path)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{}", path.display());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&*path.to_string_lossy()), "{stderr}");
        assert!(
            stderr.contains("untouched")
                || stderr.contains("corrupt")
                || stderr.contains("not an Orgraph workspace"),
            "{stderr}"
        );
        assert_eq!(
            std::fs::read(path).expect("read"),
            before,
            "{} was modified",
            path.display()
        );
        let siblings: Vec<_> = std::fs::read_dir(dir.path())
            .expect("ls")
            .flatten()
            .filter(|e| {
                e.file_name().to_string_lossy().ends_with("-wal")
                    || e.file_name().to_string_lossy().ends_with("-shm")
            })
            .collect();
        assert!(siblings.is_empty(), "no side files created");
    }
}

#[test]
fn workspace_library_round_trip_and_integrity() {
    use orgraph::{metrics::compute, store::Workspace, Session, View};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lib.orgraph");
    let (org, warnings) = orgraph::import::load_csv(
        &fixture("small.csv"),
        Default::default(),
        Default::default(),
    )
    .expect("valid fixture");
    let mut ws = Workspace::create(&path).expect("created");
    ws.save_org(&org, &warnings).expect("saved");
    drop(ws);
    let ws = Workspace::open(&path).expect("opens");
    let (loaded, kept) = ws.load_org().expect("loads");
    assert_eq!(kept, warnings);
    assert_eq!(
        compute(&loaded, View::Current),
        compute(&org, View::Current)
    );
    assert_eq!(loaded.dotted_lines().len(), org.dotted_lines().len());
    assert_eq!(loaded.support_assignments(), org.support_assignments());
    assert!(ws.integrity_problems().expect("checked").is_empty());
    drop(ws);

    let mut session = Session::open(&path).expect("session");
    session
        .move_person(&"s9".into(), Some(&"em1".into()))
        .expect("legal");
    assert_eq!(
        session
            .metrics()
            .span_by_manager
            .iter()
            .find(|m| m.id == "em1")
            .map(|m| m.span),
        Some(4)
    );
    drop(session);
    let session = Session::open(&path).expect("reopens");
    assert_eq!(session.org().manager_of(&"s9".into()), Some(&"em1".into()));
    assert_eq!(
        session.workspace().snapshots(None).expect("listed").len(),
        1
    );
}

#[path = "cli/suggest_spans.rs"]
mod suggest_spans;
