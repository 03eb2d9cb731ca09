//! Scenarios that survive a re-import: changes that no longer apply are
//! kept and reported by the import, `changes`, `metrics --scenario`,
//! `diff` and `scenario rebase`.

use super::{json_of, orgraph, path, run_ok};

const ORG: &str = "id,name,manager_id\n\
                   ceo,Ceo,\n\
                   m1,M1,ceo\n\
                   m2,M2,ceo\n\
                   a,A,m1\n\
                   b,B,m1\n\
                   c,C,m2\n";

/// The case: "reorg" has three moves, two involving `b`, who is
/// then missing from a re-import.
fn reorg_after_b_leaves() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (csv, ws) = (dir.path().join("org.csv"), dir.path().join("ws.orgraph"));
    std::fs::write(&csv, ORG).expect("written");
    let (csv, ws) = (path(&csv).to_string(), path(&ws).to_string());
    run_ok(&["import", &csv, "--into", &ws]);
    run_ok(&["scenario", "create", "reorg", "--workspace", &ws]);
    for (person, to) in [("a", "m2"), ("c", "b"), ("b", "m2")] {
        let target = ["--workspace", &ws, "--scenario", "reorg"];
        run_ok(&[&["move", person, "--to", to][..], &target[..]].concat());
    }
    std::fs::write(&csv, ORG.replace("b,B,m1\n", "")).expect("written");
    let (_, import) = run_ok(&["import", &csv, "--into", &ws]);
    (dir, ws, import)
}

const REPORT: &str = "scenario 'reorg': 2 changes do not apply:\n   \
                      2  move c to b: manager 'b' is no longer in the org\n   \
                      3  move b to m2: 'b' is no longer in the org\n";

#[test]
fn a_re_import_reports_the_changes_it_leaves_without_effect() {
    let (_dir, ws, import) = reorg_after_b_leaves();
    assert!(import.contains(REPORT), "{import}");

    let (changes, _) = run_ok(&["changes", "--workspace", &ws, "--scenario", "reorg"]);
    insta::assert_snapshot!("changes_with_conflicts", changes);

    let (_, metrics) = run_ok(&["metrics", &ws, "--scenario", "reorg", "--json"]);
    assert_eq!(metrics, REPORT);
    let (_, diff) = run_ok(&["diff", "--workspace", &ws, "--scenario", "reorg"]);
    assert_eq!(diff, REPORT);
    // Nothing to say about a scenario whose changes all apply.
    let (_, baseline) = run_ok(&["metrics", &ws, "--json"]);
    assert_eq!(baseline, "");
}

#[test]
fn changes_json_marks_each_conflict_with_its_reason() {
    let (_dir, ws, _) = reorg_after_b_leaves();
    let (out, _) = run_ok(&[
        "changes",
        "--workspace",
        &ws,
        "--scenario",
        "reorg",
        "--json",
    ]);
    let listed = json_of(out.as_bytes());
    let listed = listed.as_array().expect("a list");
    assert_eq!(listed.len(), 3, "every change is kept");
    assert!(listed[0].get("conflict").is_none());
    assert_eq!(listed[1]["conflict"]["kind"], "manager-gone");
    assert_eq!(listed[1]["conflict"]["manager"], "b");
    assert_eq!(listed[2]["conflict"]["kind"], "person-gone");
    assert_eq!(listed[2]["change"]["kind"], "move");
}

#[test]
fn scenario_rebase_rechecks_on_demand_in_text_and_json() {
    let (_dir, ws, _) = reorg_after_b_leaves();
    let (rebase, _) = run_ok(&["scenario", "rebase", "reorg", "--workspace", &ws]);
    insta::assert_snapshot!("rebase_reorg", rebase);

    let (json, _) = run_ok(&["scenario", "rebase", "reorg", "--workspace", &ws, "--json"]);
    let json = json_of(json.as_bytes());
    assert_eq!(json["scenario"], "reorg");
    assert_eq!(json["checked"], 3);
    let conflicts = json["conflicts"].as_array().expect("a list");
    let positions: Vec<u64> = conflicts
        .iter()
        .map(|c| c["position"].as_u64().expect("a position"))
        .collect();
    assert_eq!(positions, vec![2, 3]);
    assert_eq!(conflicts[1]["reason"]["kind"], "person-gone");
    assert_eq!(conflicts[1]["reason"]["person"], "b");
    assert_eq!(conflicts[0]["retargetable"], true);
    assert_eq!(conflicts[1]["retargetable"], false);

    let (clean, _) = run_ok(&["scenario", "rebase", "baseline", "--workspace", &ws]);
    assert_eq!(
        clean,
        "scenario 'baseline': all 0 applied change(s) apply\n"
    );
    let missing = orgraph()
        .args(["scenario", "rebase", "nope", "--workspace", &ws])
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(1));
}

/// The scenario list says, for every scenario, how many of its changes do
/// not apply: noted by the re-import, which checked them all.
#[test]
fn scenario_list_counts_each_scenarios_conflicts() {
    let (_dir, ws, _) = reorg_after_b_leaves();
    run_ok(&[
        "scenario",
        "new",
        "later",
        "--from",
        "reorg",
        "--workspace",
        &ws,
    ]);
    run_ok(&["scenario", "new", "fresh", "--workspace", &ws]);
    let (list, _) = run_ok(&["scenario", "list", "--workspace", &ws]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines[0], "baseline: 0 of 0 change(s) applied");
    assert_eq!(
        lines[1],
        "reorg (from baseline): 3 of 3 change(s) applied, 2 do not apply"
    );
    assert!(lines[2].starts_with("before import "), "{list}");
    assert_eq!(
        &lines[3..],
        [
            "later (from reorg): 3 of 3 change(s) applied, 2 do not apply",
            "fresh (from baseline): 0 of 0 change(s) applied",
        ]
    );

    let (json, _) = run_ok(&["scenario", "list", "--workspace", &ws, "--json"]);
    let json = json_of(json.as_bytes());
    let counts: Vec<serde_json::Value> = json
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s["conflicts"].clone())
        .collect();
    assert_eq!(counts, [0, 2, 0, 2, 0].map(serde_json::Value::from));
}
