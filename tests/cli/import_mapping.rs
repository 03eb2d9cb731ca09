//! Columns mapped by hand that must stick: a column mapped to
//! `department` on a file with no team column gives people a department
//! (their team, named after it, belongs to it), which the plan and the
//! CSV export then show; and what `--dry-run` says about a file.

use super::{path, run_ok};
use std::path::Path;

/// Eight people in three departments, under a header no HRIS uses for
/// departments, and no team column.
const PEOPLE: &str = "Emp ID,Name,Job Title,Reports To ID,Org Unit\n\
    1,Ada Park,CEO,,Office\n\
    2,Bo Chen,CTO,1,Engineering\n\
    3,Cy Diaz,Engineer,2,Engineering\n\
    4,Di Eze,Engineer,2,Engineering\n\
    5,Ed Fox,CFO,1,Finance\n\
    6,Flo Gil,Accountant,5,Finance\n\
    7,Gus Ho,Head of Sales,1,Sales\n\
    8,Hal Ito,Account Executive,7,Sales\n";

fn import_mapped(dir: &Path, text: &str, mapping: &str) -> std::path::PathBuf {
    let file = dir.join("people.csv");
    std::fs::write(&file, text).expect("written");
    let ws = dir.join("w.orgraph");
    run_ok(&["import", path(&file), "--into", path(&ws), "--map", mapping]);
    ws
}

/// The exported CSV's (id, team, department) per person.
fn exported_departments(dir: &Path, ws: &Path) -> Vec<(String, String, String)> {
    let out = dir.join("out.csv");
    run_ok(&[
        "export",
        path(ws),
        "--format",
        "csv",
        "--output",
        path(&out),
    ]);
    let mut reader = csv::Reader::from_path(&out).expect("read the export");
    let headers = reader.headers().expect("headers").clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} column in {headers:?}"))
    };
    let (id, team, department) = (column("id"), column("team"), column("department"));
    reader
        .records()
        .map(|r| {
            let r = r.expect("a row");
            (
                r[id].to_string(),
                r[team].to_string(),
                r[department].to_string(),
            )
        })
        .collect()
}

#[test]
fn a_column_mapped_to_department_gives_people_a_department() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = import_mapped(dir.path(), PEOPLE, "Org Unit=department");
    let rows = exported_departments(dir.path(), &ws);
    assert_eq!(rows.len(), 8);
    for (id, team, department) in &rows {
        assert!(
            !department.is_empty(),
            "person {id} has no department: {rows:?}"
        );
        assert_eq!(team, department, "person {id}");
    }
    let department_of = |id: &str| rows.iter().find(|r| r.0 == id).map(|r| r.2.clone());
    assert_eq!(department_of("3").as_deref(), Some("Engineering"));
    assert_eq!(department_of("6").as_deref(), Some("Finance"));

    // The plan groups people by department: no "no department" row.
    let (plan, _) = run_ok(&["plan", "--workspace", path(&ws), "--today", "2026-11-27"]);
    assert!(plan.contains("Engineering"), "{plan}");
    assert!(plan.contains("Finance"), "{plan}");
    assert!(!plan.contains("no department"), "{plan}");
}

/// With a division column, the department is the team and the division
/// the level above it, as before.
#[test]
fn with_a_division_the_department_is_the_team_and_the_division_above_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = PEOPLE
        .replace("Org Unit\n", "Org Unit,Division\n")
        .replace("Office\n", "Office,Corporate\n")
        .replace("Engineering\n", "Engineering,Product\n")
        .replace("Finance\n", "Finance,Corporate\n")
        .replace("Sales\n", "Sales,Revenue\n");
    let ws = import_mapped(dir.path(), &text, "Org Unit=department");
    let rows = exported_departments(dir.path(), &ws);
    let of = |id: &str| rows.iter().find(|r| r.0 == id).cloned();
    assert_eq!(
        of("3"),
        Some(("3".into(), "Engineering".into(), "Product".into()))
    );
    assert_eq!(
        of("8"),
        Some(("8".into(), "Sales".into(), "Revenue".into()))
    );
}

/// `--dry-run` shows what decoding found (as the app's review does): a
/// Windows-1252 file says so, at the line with its first non-UTF-8 byte.
#[test]
fn dry_run_shows_what_decoding_found() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = super::fixture("wizard/latin1-refund.csv");
    let ws = dir.path().join("w.orgraph");
    let (report, _) = run_ok(&["import", path(&fixture), "--into", path(&ws), "--dry-run"]);
    assert!(
        report.contains("latin1-refund.csv:2: warning[read-as-windows-1252]"),
        "{report}"
    );
    assert!(
        report.contains("id column: 'Badge' (values unique)"),
        "{report}"
    );
    assert!(!ws.exists(), "a dry run writes nothing");
}
