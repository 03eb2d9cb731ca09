//! `orgraph check`: the health findings of a people file or a workspace
//! scenario, as text and as JSON, and the exit status `--fail-on` gives.

use super::{fixture, orgraph, path as p, run_ok};

fn health_csv() -> String {
    p(&fixture("health.csv")).to_string()
}

/// Runs orgraph; returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = orgraph().args(args).output().expect("runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

#[test]
fn text_lists_one_line_per_finding() {
    let (text, _) = run_ok(&["check", &health_csv()]);
    insta::assert_snapshot!("check_text", text);
}

#[test]
fn json_has_exactly_the_documented_shape() {
    let (text, _) = run_ok(&["check", &health_csv(), "--json"]);
    // The raw line: the keys' order is part of the shape.
    insta::assert_snapshot!("check_json", text);
    let json: serde_json::Value = serde_json::from_str(&text).expect("one JSON object");
    let object = json.as_object().expect("an object");
    assert_eq!(object.keys().collect::<Vec<_>>(), ["findings", "layers"]);
    // The step of the layer guidance the deep-chain check held the org to.
    assert_eq!(
        json["layers"],
        serde_json::json!({"people": 20, "layers": 5, "from": 0, "up_to": 500})
    );
    for finding in json["findings"].as_array().expect("a list") {
        let mut keys: Vec<&String> = finding.as_object().expect("object").keys().collect();
        keys.sort();
        assert_eq!(
            keys,
            ["count", "id", "message", "people", "severity", "teams"]
        );
    }
}

#[test]
fn fail_on_exits_1_when_a_finding_at_that_severity_or_worse_exists() {
    let csv = health_csv();
    assert_eq!(run(&["check", &csv]).0, Some(0));
    assert_eq!(run(&["check", &csv, "--fail-on", "error"]).0, Some(1));
    assert_eq!(run(&["check", &csv, "--fail-on", "warning"]).0, Some(1));
    // small.csv has warnings only.
    let small = p(&fixture("small.csv")).to_string();
    let (code, out, _) = run(&["check", &small, "--fail-on", "error"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("span-narrow"), "{out}");
    assert_eq!(run(&["check", &small, "--fail-on", "warning"]).0, Some(1));
}

#[test]
fn a_clean_org_has_no_findings_and_passes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("org.csv");
    std::fs::write(&csv, "id,manager_id,name\nsolo,,Solo Founder\n").expect("written");
    let (code, out, _) = run(&["check", p(&csv), "--fail-on", "warning"]);
    assert_eq!((code, out.as_str()), (Some(0), "no findings\n"));
    let (code, out, _) = run(&["check", p(&csv), "--json"]);
    assert_eq!(
        (code, out.as_str()),
        (
            Some(0),
            "{\"findings\":[],\"layers\":{\"people\":1,\"layers\":5,\"from\":0,\"up_to\":500}}\n"
        )
    );
}

#[test]
fn a_workspace_scenario_is_checked_with_the_workspace_layer_guidance() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("ws.orgraph");
    let ws = p(&ws);
    run_ok(&["import", &health_csv(), "--into", ws]);
    let deep = |args: &[&str]| -> Option<u64> {
        let mut all = vec!["check", ws, "--json"];
        all.extend_from_slice(args);
        let json: serde_json::Value = serde_json::from_str(&run_ok(&all).0).expect("JSON");
        json["findings"]
            .as_array()
            .expect("a list")
            .iter()
            .find(|f| f["id"] == "deep-chain")
            .and_then(|f| f["count"].as_u64())
    };
    assert_eq!(deep(&[]), Some(1), "t1 is on layer 6");
    // In `flat`, t1 reports to em2: five layers.
    run_ok(&["scenario", "create", "flat", "--workspace", ws]);
    run_ok(&[
        "move",
        "t1",
        "--to",
        "em2",
        "--workspace",
        ws,
        "--scenario",
        "flat",
    ]);
    assert_eq!(deep(&["--scenario", "flat"]), None);
    // Four layers for any size: the 14 active people on layer 5 (the
    // engineers under em1 and em2, s1 and t1) are too deep.
    let (_, said) = run_ok(&["settings", "--workspace", ws, "--layers", "4"]);
    assert!(said.contains("layer guidance saved: 4"), "{said}");
    assert_eq!(deep(&["--scenario", "flat"]), Some(14));
    let (shown, _) = run_ok(&["settings", "--workspace", ws]);
    assert!(shown.contains("  layers      4  (workspace)"), "{shown}");
    let (json, _) = run_ok(&["settings", "--workspace", ws, "--json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["layers"], serde_json::json!({"steps": [], "above": 4}));
}

#[test]
fn settings_refuses_layers_for_one_scenario_and_bad_guidance() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("ws.orgraph");
    let ws = p(&ws);
    run_ok(&["import", &health_csv(), "--into", ws]);
    run_ok(&["scenario", "create", "flat", "--workspace", ws]);
    let (code, _, err) = run(&[
        "settings",
        "--workspace",
        ws,
        "--scenario",
        "flat",
        "--layers",
        "4",
    ]);
    assert_eq!(code, Some(1));
    assert!(err.contains("leave out --scenario"), "{err}");
    let (code, _, err) = run(&["settings", "--workspace", ws, "--layers", "500:5,100:3,9"]);
    assert_eq!(code, Some(2), "a usage error: {err}");
    assert!(err.contains("the sizes must increase"), "{err}");
    // The existing flags still work beside it.
    let (_, _) = run_ok(&[
        "settings",
        "--workspace",
        ws,
        "--band",
        "4-9",
        "--layers",
        "100:4,6",
    ]);
    let (json, _) = run_ok(&["settings", "--workspace", ws, "--json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["policy"]["band_max"], 9);
    assert_eq!(
        json["layers"],
        serde_json::json!({"steps": [{"up_to": 100, "layers": 4}], "above": 6})
    );
}

#[test]
fn bad_input_exits_with_the_usual_error() {
    let (code, _, err) = run(&["check", "no-such-file.csv", "--fail-on", "error"]);
    assert_eq!(code, Some(1));
    assert!(err.starts_with("error: "), "{err}");
    let (code, _, err) = run(&["check", &health_csv(), "--scenario", "x"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("--scenario needs a workspace"), "{err}");
    let (code, _, _) = run(&["check", &health_csv(), "--fail-on", "sometimes"]);
    assert_eq!(code, Some(2));
}

#[test]
fn a_file_naming_no_team_leads_gets_one_finding_saying_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("org.csv");
    run_ok(&[
        "generate",
        "--people",
        "3000",
        "--seed",
        "11",
        "-o",
        p(&csv),
    ]);
    let (text, _) = run_ok(&["check", p(&csv)]);
    let line = text
        .lines()
        .find(|l| l.contains("team-without-lead"))
        .expect("a team-without-lead line");
    insta::assert_snapshot!("check_no_leads", line);
    let (json, _) = run_ok(&["check", p(&csv), "--json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let finding = json["findings"]
        .as_array()
        .expect("a list")
        .iter()
        .find(|f| f["id"] == "team-without-lead")
        .expect("the finding")
        .clone();
    assert_eq!(finding["severity"], "warning");
    assert_eq!(finding["count"], 416, "every team of the generated org");
    assert_eq!(finding["teams"], serde_json::json!([]));
}
