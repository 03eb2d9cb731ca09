//! The import report's warnings, grouped by kind with counts, as the
//! app's metrics panel shows them.

use super::{fixture, path, run_ok};

#[test]
fn the_import_report_groups_warnings_by_kind_with_people_affected() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("w.orgraph");
    let file = fixture("wizard/missing-managers.csv");
    let (_, stderr) = run_ok(&["import", path(&file), "--into", path(&ws)]);
    let groups = stderr
        .split_once("warnings by kind:\n")
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("no grouped warnings: {stderr}"));
    let lines: Vec<&str> = groups.lines().take_while(|l| l.starts_with("  ")).collect();
    assert_eq!(
        lines,
        [
            "  3 managers not in the file, 8 people affected [warning: manager-not-found]",
            "  1 person named as their own manager (treated as top of the org) [warning: self-manager]",
        ],
        "{stderr}"
    );
}
