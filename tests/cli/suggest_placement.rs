//! `orgraph suggest placement`: the report and JSON for a people file,
//! saving a workspace scenario whose changes `orgraph changes` lists,
//! pinned people, and the refused inputs.

use super::{fixture, orgraph, path as p, run_ok};

fn placement_csv() -> String {
    p(&fixture("placement.csv")).to_string()
}

/// Runs orgraph, expecting failure; returns stderr.
fn run_err(args: &[&str]) -> String {
    let out = orgraph().args(args).output().expect("runs");
    assert_ne!(out.status.code(), Some(0), "orgraph {args:?} succeeded");
    String::from_utf8(out.stderr).expect("UTF-8")
}

fn workspace(dir: &tempfile::TempDir) -> String {
    let ws = dir.path().join("ws.orgraph");
    run_ok(&["import", &placement_csv(), "--into", p(&ws)]);
    p(&ws).to_string()
}

#[test]
fn text_shows_coverage_before_and_after_and_one_line_per_change() {
    let (text, _) = run_ok(&["suggest", "placement", "--input", &placement_csv()]);
    insta::assert_snapshot!("suggest_placement_text", text);
}

#[test]
fn allow_replace_lists_the_moves() {
    let (text, _) = run_ok(&[
        "suggest",
        "placement",
        "--input",
        &placement_csv(),
        "--allow-replace",
    ]);
    insta::assert_snapshot!("suggest_placement_replace_text", text);
}

#[test]
fn json_is_the_suggestion() {
    let (text, _) = run_ok(&[
        "suggest",
        "placement",
        "--input",
        &placement_csv(),
        "--weight",
        "people",
        "--json",
    ]);
    insta::assert_snapshot!("suggest_placement_json", text);
    let json: serde_json::Value = serde_json::from_str(&text).expect("one JSON object");
    assert!(json.get("scenario").is_none(), "nothing saved");
    assert_eq!(json["after"]["overloaded"], 0);
}

#[test]
fn a_workspace_suggestion_is_saved_as_a_scenario_whose_changes_are_listed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = workspace(&dir);
    let (text, _) = run_ok(&[
        "suggest",
        "placement",
        "--workspace",
        &ws,
        "--scenario",
        "placed",
        "--allow-replace",
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&text).expect("one JSON object");
    assert_eq!(json["scenario"], "placed");
    assert_eq!(json["from"], "baseline");
    let changes = json["changes"].as_array().expect("changes").len();
    let (listed, _) = run_ok(&[
        "changes",
        "--workspace",
        &ws,
        "--scenario",
        "placed",
        "--json",
    ]);
    let listed: serde_json::Value = serde_json::from_str(&listed).expect("JSON");
    let listed: Vec<&serde_json::Value> = listed
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| &c["change"])
        .collect();
    let suggested: Vec<&serde_json::Value> = json["changes"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| &c["change"])
        .collect();
    assert_eq!(listed, suggested);
    // The scenario is what was suggested: nothing left to suggest.
    let (again, _) = run_ok(&[
        "suggest",
        "placement",
        "--workspace",
        &ws,
        "--from",
        "placed",
        "--allow-replace",
        "--json",
    ]);
    let again: serde_json::Value = serde_json::from_str(&again).expect("JSON");
    assert_eq!(
        again["changes"].as_array().map(Vec::len),
        Some(0),
        "{again}"
    );
    assert_eq!(again["before"], json["after"]);
    assert!(changes > 0);
    // The baseline is untouched.
    let (baseline, _) = run_ok(&["suggest", "placement", "--workspace", &ws, "--json"]);
    let baseline: serde_json::Value = serde_json::from_str(&baseline).expect("JSON");
    assert_eq!(baseline["before"], json["before"]);
}

#[test]
fn a_workspace_suggestion_saved_as_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = workspace(&dir);
    let (text, _) = run_ok(&[
        "suggest",
        "placement",
        "--workspace",
        &ws,
        "--scenario",
        "placed",
    ]);
    insta::assert_snapshot!("suggest_placement_saved_text", text);
}

#[test]
fn pinned_people_keep_their_assignments() {
    let (text, _) = run_ok(&[
        "suggest",
        "placement",
        "--input",
        &placement_csv(),
        "--keep",
        "arch",
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let changes = json["changes"].as_array().expect("changes");
    assert!(
        changes.iter().all(|c| c["change"]["person"] != "arch"),
        "{text}"
    );
    assert_eq!(json["still_overloaded"], serde_json::json!(["arch"]));
}

#[test]
fn bad_requests_are_refused_and_leave_the_workspace_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = workspace(&dir);
    let csv = placement_csv();
    let err = run_err(&["suggest", "placement", "--input", &csv, "--keep", "nobody"]);
    assert!(err.contains("--keep nobody: no such person"), "{err}");
    let err = run_err(&["suggest", "placement", "--input", &csv, "--scenario", "x"]);
    assert!(err.contains("need a workspace"), "{err}");
    run_ok(&["scenario", "create", "taken", "--workspace", &ws]);
    let err = run_err(&[
        "suggest",
        "placement",
        "--workspace",
        &ws,
        "--scenario",
        "taken",
    ]);
    assert!(err.contains("already exists"), "{err}");
    let (listed, _) = run_ok(&[
        "changes",
        "--workspace",
        &ws,
        "--scenario",
        "taken",
        "--json",
    ]);
    assert!(!listed.contains("suggested placement"), "{listed}");
}
