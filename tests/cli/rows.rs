//! No row silently swallowed: files the CLI refuses, or reads with a
//! warning, where an import once lost rows without a word.

use super::orgraph;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("written");
    path
}

/// `orgraph metrics --json FILE ARGS...`: the exit code and stderr.
fn metrics(file: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = orgraph()
        .args(["metrics", "--json"])
        .arg(file)
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn a_header_without_rows_and_an_empty_file_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let header = write(dir.path(), "header.csv", "id,manager_id,name\n");
    let (code, stderr) = metrics(&header, &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("error[no-rows]"), "{stderr}");

    let workspace = dir.path().join("w.orgraph");
    let out = orgraph()
        .arg("import")
        .arg(&header)
        .arg("--into")
        .arg(&workspace)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(!workspace.exists(), "no empty org is stored");

    let empty = write(dir.path(), "empty.csv", "");
    let (code, stderr) = metrics(&empty, &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("empty.csv: error[empty-file]: the file is empty"),
        "{stderr}"
    );
}

#[test]
fn negative_costs_need_the_column_declared_signed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = write(
        dir.path(),
        "people.csv",
        "id,manager_id,Salary\n1,,100\n2,1,-40\n",
    );
    let (code, stderr) = metrics(&csv, &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("people.csv:3: column 'Salary': error[negative-cost]"),
        "{stderr}"
    );
    let out = orgraph()
        .args(["metrics", "--json", "--signed", "Salary"])
        .arg(&csv)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["cost"], 6000, "cents: 100 - 40");

    let (code, stderr) = metrics(&csv, &["--signed", "Bonus"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("error[signed-column-not-found]"),
        "{stderr}"
    );

    let workspace = dir.path().join("w.orgraph");
    let import = |signed: &[&str]| {
        orgraph()
            .arg("import")
            .arg(&csv)
            .arg("--into")
            .arg(&workspace)
            .args(signed)
            .output()
            .expect("runs")
            .status
            .code()
    };
    assert_eq!(import(&[]), Some(1));
    assert!(!workspace.exists());
    assert_eq!(import(&["--signed", "Salary"]), Some(0));
}
