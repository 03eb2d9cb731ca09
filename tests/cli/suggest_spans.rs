//! `orgraph suggest spans`: the report as text and JSON on a small fixture
//! (tests/fixtures/spans.csv: a wide and a narrow Payments manager, two
//! narrow Search managers, a manager of one, and a wide Platform manager
//! with no sibling of its team), a workspace's scenario saved, and the
//! options and errors.

use super::{fixture, json_of, orgraph, path as p, run_ok};
use orgraph::scenario::Change;
use orgraph::Session;

fn spans_csv() -> String {
    p(&fixture("spans.csv")).to_string()
}

/// Runs orgraph expecting failure; returns (exit code, stderr).
fn run_err(args: &[&str]) -> (Option<i32>, String) {
    let out = orgraph().args(args).output().expect("runs");
    assert_ne!(out.status.code(), Some(0), "orgraph {args:?} should fail");
    (
        out.status.code(),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

fn suggest_json(extra: &[&str]) -> serde_json::Value {
    let csv = spans_csv();
    let mut args = vec!["suggest", "spans", "--input", &csv, "--json"];
    args.extend_from_slice(extra);
    json_of(run_ok(&args).0.as_bytes())
}

#[test]
fn text_gives_the_figures_then_one_line_per_change() {
    let (text, _) = run_ok(&["suggest", "spans", "--input", &spans_csv()]);
    insta::assert_snapshot!("suggest_spans_text", text);
}

#[test]
fn json_is_the_suggestion() {
    let (text, _) = run_ok(&["suggest", "spans", "--input", &spans_csv(), "--json"]);
    insta::assert_snapshot!("suggest_spans_json", text);
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let mut keys: Vec<&String> = json.as_object().expect("object").keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "after",
            "after_filled",
            "band",
            "before",
            "changes",
            "flagged",
            "lower_bound",
            "moved",
            "open_reqs"
        ]
    );
}

#[test]
fn a_workspace_scenario_is_saved_only_when_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("ws.orgraph");
    let ws = p(&ws);
    run_ok(&["import", &spans_csv(), "--into", ws]);
    let (file_text, _) = run_ok(&["suggest", "spans", "--input", &spans_csv()]);
    let (printed, _) = run_ok(&["suggest", "spans", "--workspace", ws]);
    assert_eq!(
        printed, file_text,
        "a workspace gives the file's suggestion"
    );
    let names = |ws: &str| -> Vec<String> {
        let session = Session::open(std::path::Path::new(ws)).expect("opens");
        session
            .scenarios()
            .expect("listed")
            .into_iter()
            .map(|s| s.name)
            .collect()
    };
    assert!(!names(ws).contains(&"rebalanced".to_string()));

    let (json, stderr) = run_ok(&[
        "suggest",
        "spans",
        "--workspace",
        ws,
        "--scenario",
        "rebalanced",
        "--json",
    ]);
    assert!(
        stderr.contains("saved as scenario 'rebalanced'"),
        "{stderr}"
    );
    let json = json_of(json.as_bytes());
    let session = Session::open_at(std::path::Path::new(ws), "rebalanced", None).expect("saved");
    let changes = session.changes();
    assert_eq!(
        changes.len(),
        json["changes"].as_array().expect("list").len()
    );
    let (history, _) = run_ok(&["history", "--workspace", ws]);
    assert!(
        history.contains("suggested rebalancing: band 5-8"),
        "{history}"
    );
    let metrics = session.summary();
    assert_eq!(json["after"]["wide"], metrics.band.wide);
    assert_eq!(json["after"]["narrow"], metrics.band.narrow);
    assert_eq!(json["after"]["managers"], metrics.managers);
}

#[test]
fn band_max_moves_and_keep_shape_the_suggestion() {
    let narrow_band = suggest_json(&["--band", "2-3"]);
    assert_eq!(narrow_band["band"], serde_json::json!([2, 3]));
    assert_ne!(narrow_band["before"], suggest_json(&[])["before"]);

    let capped = suggest_json(&["--max-moves", "3"]);
    assert!(capped["moved"].as_u64().expect("count") <= 3);
    assert!(capped["moved"].as_u64().expect("count") > 0);

    let kept = suggest_json(&["--keep", "pay-1", "--keep", "solo1"]);
    for change in kept["changes"].as_array().expect("list") {
        let change: Change = serde_json::from_value(change["change"].clone()).expect("a change");
        if let Change::Move { person, .. } = change {
            assert!(!["pay-1", "solo1"].contains(&person.as_str()));
        }
    }
    assert!(kept["flagged"]
        .as_array()
        .expect("list")
        .iter()
        .all(|id| id != "solo"));
}

#[test]
fn bad_options_are_refused() {
    let csv = spans_csv();
    let (code, stderr) = run_err(&["suggest", "spans", "--input", &csv, "--band", "8-5"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("need 1 <= MIN <= MAX"), "{stderr}");
    let (code, stderr) = run_err(&["suggest", "spans", "--input", &csv, "--keep", "nobody"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("--keep nobody: no such person"), "{stderr}");
    let (code, stderr) = run_err(&["suggest", "spans", "--input", &csv, "--scenario", "new"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("need a workspace"), "{stderr}");
}
