//! Managers a file names but does not contain: their reports are grouped
//! under "Not in file" placeholders, listed in the import report, kept in
//! the workspace and written back by the data exports, so export then
//! re-import gives the same groups.

use super::{fixture, path, run_ok};
use orgraph::Session;
use std::path::Path;

const FILE: &str = "placeholders/two-absent-managers.csv";

/// Each placeholder's reference and its members' ids, and the metrics'
/// root count.
fn groups(ws: &Path) -> (Vec<(String, Vec<String>)>, u64) {
    let session = Session::open(ws).expect("opens");
    let ids: Vec<String> = session.org().people().map(|p| p.id.to_string()).collect();
    let groups = session
        .placeholder_groups()
        .into_iter()
        .map(|group| {
            let members = group.members.iter().map(|&m| ids[m as usize].clone());
            (group.reference, members.collect())
        })
        .collect();
    (groups, session.summary().roots)
}

fn expected() -> Vec<(String, Vec<String>)> {
    let ids = |ids: &[&str]| ids.iter().map(|id| id.to_string()).collect();
    vec![
        ("E900".to_string(), ids(&["P5", "P6", "P7", "P11"])),
        ("Dana Whitfield".to_string(), ids(&["P8", "P9"])),
    ]
}

#[test]
fn the_import_report_lists_each_absent_manager_and_its_placeholder() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = dir.path().join("w.orgraph");
    let (stdout, stderr) = run_ok(&["import", path(&fixture(FILE)), "--into", path(&ws)]);
    let report = format!("{stdout}{stderr}");
    for line in [
        "manager 'E900' is not in the file (4 report(s), first at row 6); grouped under a placeholder \"Not in file: E900\"",
        "manager 'Dana Whitfield' is not in the file (2 report(s), first at row 9); grouped under a placeholder \"Not in file: Dana Whitfield\"",
    ] {
        assert!(report.contains(line), "{line}\n{report}");
    }
    assert_eq!(
        groups(&ws),
        (expected(), 7),
        "1 root + 6 placeholder members"
    );
}

#[test]
fn a_data_export_writes_the_absent_reference_back_so_a_reimport_regroups() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = dir.path().join("w.orgraph");
    run_ok(&["import", path(&fixture(FILE)), "--into", path(&ws)]);
    for format in ["csv", "xlsx"] {
        let out = dir.path().join(format!("out.{format}"));
        run_ok(&[
            "export",
            path(&ws),
            "--format",
            format,
            "--output",
            path(&out),
        ]);
        let again = dir.path().join(format!("again-{format}.orgraph"));
        run_ok(&["import", path(&out), "--into", path(&again)]);
        assert_eq!(groups(&again), groups(&ws), "{format}");
    }
    let csv = std::fs::read_to_string(dir.path().join("out.csv")).expect("read");
    assert!(
        csv.lines()
            .any(|line| line.starts_with("P8,Dana Whitfield,")),
        "{csv}"
    );
    // A depth cut keeps the top-level people's references too.
    let top = dir.path().join("top.csv");
    let args = ["--format", "csv", "--depth", "1", "--output", path(&top)];
    run_ok(&[&["export", path(&ws)][..], &args].concat());
    let csv = std::fs::read_to_string(&top).expect("read");
    assert_eq!(
        csv.lines().count(),
        1 + 7,
        "the header and the 7 roots: {csv}"
    );
    assert!(csv.lines().any(|l| l.starts_with("P11,E900,")), "{csv}");
}

#[test]
fn a_scenario_moving_a_member_under_a_manager_exports_that_manager() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = dir.path().join("w.orgraph");
    run_ok(&["import", path(&fixture(FILE)), "--into", path(&ws)]);
    run_ok(&["scenario", "create", "reorg", "--workspace", path(&ws)]);
    run_ok(&[
        "move",
        "P5",
        "--to",
        "P1",
        "--scenario",
        "reorg",
        "--workspace",
        path(&ws),
    ]);
    let out = dir.path().join("reorg.csv");
    run_ok(&[
        "export",
        path(&ws),
        "--scenario",
        "reorg",
        "--format",
        "csv",
        "--output",
        path(&out),
    ]);
    let csv = std::fs::read_to_string(&out).expect("read");
    assert!(csv.lines().any(|l| l.starts_with("P5,P1,")), "{csv}");
    assert!(csv.lines().any(|l| l.starts_with("P6,E900,")), "{csv}");
}

#[test]
fn a_chart_export_draws_each_group_under_its_placeholder() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = dir.path().join("w.orgraph");
    run_ok(&["import", path(&fixture(FILE)), "--into", path(&ws)]);
    let out = dir.path().join("chart.svg");
    run_ok(&[
        "export",
        path(&ws),
        "--format",
        "svg",
        "--output",
        path(&out),
    ]);
    let svg = std::fs::read_to_string(&out).expect("read");
    assert_eq!(svg.matches("stroke-dasharray=\"5 3\"").count(), 2);
    for text in [">E900<", ">Not in file · 4 reports<", ">Dana Whitfield<"] {
        assert!(svg.contains(text), "{text}");
    }
}
