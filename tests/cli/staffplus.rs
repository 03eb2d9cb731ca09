//! `orgraph staff-plus`: "every staff+ central" keeps each engineer's
//! support of the team they leave unless `--drop-home-support`, prints
//! both outcomes, and saves the one asked for.

use super::{orgraph, path as p, run_ok};

/// Payments is covered by Sam's home team only, Search by Pat's
/// assignment; Web by nobody.
const ORG: &str = "\
id,manager_id,name,title,team,level,status,supports
cto,,Ada Chief,CTO,,M7,active,
s1,cto,Sam Staff,Staff Engineer,Payments,IC5,active,
s2,cto,Pat Principal,Principal Engineer,Central Architecture,IC6,active,Search
e1,cto,Eve Dev,Engineer,Payments,IC3,active,
e2,cto,Ed Dev,Engineer,Search,IC3,active,
e3,cto,Em Dev,Engineer,Web,IC3,active,
";

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&run_ok(args).0).expect("one JSON object")
}

#[test]
fn all_central_keeps_home_support_by_default_and_prints_both_outcomes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("org.csv");
    std::fs::write(&csv, ORG).expect("written");
    let ws = dir.path().join("ws.orgraph");
    run_ok(&["import", p(&csv), "--into", p(&ws)]);
    let ws = p(&ws);

    let (kept, _) = run_ok(&["staff-plus", "--workspace", ws, "--what-if", "all-central"]);
    insta::assert_snapshot!("staff_plus_all_central", kept);
    let (dropped, _) = run_ok(&[
        "staff-plus",
        "--workspace",
        ws,
        "--what-if",
        "all-central",
        "--drop-home-support",
    ]);
    assert!(
        dropped.contains("teams covered     1 / 3 (33 %), 2 uncovered"),
        "{dropped}"
    );
    assert!(dropped.contains("dropping them        33 % covered (1 / 3), 0 overloaded  <- shown"));

    // Saving: each choice stores what it previewed.
    for (name, extra) in [("kept", None), ("dropped", Some("--drop-home-support"))] {
        let mut args = vec!["staff-plus", "--workspace", ws, "--what-if", "all-central"];
        args.extend(extra);
        args.extend(["--save", name, "--json"]);
        let preview = json(&args);
        assert_eq!(preview["savedAs"], name);
        let saved = json(&[
            "staff-plus",
            "--workspace",
            ws,
            "--scenario",
            name,
            "--json",
        ]);
        assert_eq!(saved["summary"], preview["summary"], "{name}");
        assert_eq!(saved["summary"]["central"], 2);
    }
    let saved = json(&[
        "staff-plus",
        "--workspace",
        ws,
        "--scenario",
        "kept",
        "--json",
    ]);
    assert_eq!(saved["summary"]["covered"], 2);
    let saved = json(&[
        "staff-plus",
        "--workspace",
        ws,
        "--scenario",
        "dropped",
        "--json",
    ]);
    assert_eq!(saved["summary"]["covered"], 1);

    let out = orgraph()
        .args(["staff-plus", "--workspace", ws, "--drop-home-support"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--what-if all-central only"));
}
