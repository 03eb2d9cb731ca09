//! `orgraph settings`: workspace settings every scenario follows, and
//! `--scenario` overrides that only that scenario sees.

use super::{fixture, orgraph, path as p};

fn run(args: &[&str]) -> (i32, String, String) {
    let out = orgraph().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

fn ok(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "orgraph {args:?}: {err}");
    out
}

fn json_of(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("one JSON object")
}

#[test]
fn workspace_settings_reach_every_scenario_and_scenario_only_ones_stay_put() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("ws.orgraph");
    ok(&["import", p(&fixture("small.csv")), "--into", p(&ws)]);
    let ws = p(&ws);
    ok(&["scenario", "create", "own", "--workspace", ws]);
    ok(&["scenario", "create", "shared", "--workspace", ws]);

    // In one scenario only: a change in its list, nowhere else.
    let out = ok(&[
        "settings",
        "--workspace",
        ws,
        "--scenario",
        "own",
        "--band",
        "1-2",
    ]);
    assert!(
        out.contains("span band   1-2  (this scenario only)"),
        "{out}"
    );
    let changes = ok(&["changes", "--workspace", ws, "--scenario", "own"]);
    assert!(changes.contains("set span band 1-2"), "{changes}");

    // The workspace's: no change list grows, every other scenario follows.
    let out = ok(&[
        "settings",
        "--workspace",
        ws,
        "--band",
        "3-9",
        "--max-load",
        "4",
    ]);
    assert!(out.contains("span band   3-9  (workspace)"), "{out}");
    let shared = json_of(&ok(&[
        "settings",
        "--workspace",
        ws,
        "--scenario",
        "shared",
        "--json",
    ]));
    assert_eq!(shared["policy"]["band_min"], 3);
    assert_eq!(shared["policy"]["max_load"], 4);
    assert_eq!(shared["overrides"]["band"], false);
    let own = json_of(&ok(&[
        "settings",
        "--workspace",
        ws,
        "--scenario",
        "own",
        "--json",
    ]));
    assert_eq!(own["policy"]["band_min"], 1, "the override holds");
    assert_eq!(own["overrides"]["band"], true);
    // Only the band was overridden: the max load follows the workspace.
    assert_eq!(own["policy"]["max_load"], 4);
    assert_eq!(own["overrides"]["max_load"], false);
    for scenario in ["baseline", "shared"] {
        let changes = ok(&["changes", "--workspace", ws, "--scenario", scenario]);
        assert!(!changes.contains("set span band"), "{scenario}: {changes}");
    }

    // Compare: no band delta for the follower, a marked one for the override.
    let diff = json_of(&ok(&[
        "diff",
        "--scenario",
        "shared",
        "--scenario",
        "own",
        "--workspace",
        ws,
        "--json",
    ]));
    let row = diff["metrics"]
        .as_array()
        .expect("metrics")
        .iter()
        .find(|r| r["metric"] == "band_in_band")
        .expect("in band row");
    assert_eq!(row["by_settings"], serde_json::json!([false, false, true]));
    assert_eq!(row["deltas"][1], 0.0);

    let (code, _, err) = run(&[
        "settings",
        "--workspace",
        ws,
        "--scenario",
        "baseline",
        "--band",
        "4-4",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("leave out --scenario"), "{err}");
    let (code, _, err) = run(&["settings", "--workspace", ws, "--band", "9-3"]);
    assert_eq!(code, 2, "clap refuses a reversed band: {err}");
    let (code, _, err) = run(&[
        "settings",
        "--workspace",
        ws,
        "--band",
        "3-9",
        "--max-load",
        "4",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("already set that way"), "{err}");
}
