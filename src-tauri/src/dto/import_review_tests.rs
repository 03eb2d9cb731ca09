//! The wizard's review shows what `--dry-run` shows (the chosen columns
//! with their reasons, what decoding found), and a cost column declared
//! signed reads negative amounts.

use super::*;
use crate::dto::IpcError;
use orgraph::ErrorCode;
use std::path::Path;

fn write_bytes(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the file");
    path.to_str().expect("UTF-8 path").to_string()
}

fn request(path: &str) -> ImportRequest {
    ImportRequest {
        path: path.to_string(),
        sheet: None,
        overrides: Vec::new(),
        manager_ref: None,
        signed: Vec::new(),
    }
}

fn detect(request: &ImportRequest) -> ImportDetectionDto {
    let (file, options) = request.to_options().expect("valid");
    ImportDetectionDto::new(
        &file,
        orgraph::import::detect(&file, &options).expect("detects"),
    )
}

#[test]
fn the_review_names_the_chosen_columns_their_reasons_and_the_decoding() {
    let dir = tempfile::tempdir().expect("temp dir");
    // No header names the id or manager; "Ren\xe9" is Windows-1252.
    let text = b"Badge,Person,Boss\n10,Ada,\n11,Ren\xe9,10\n12,Bo,11\n13,Cy,11\n";
    let path = write_bytes(dir.path(), "people.csv", text);
    let dto = detect(&request(&path));
    let chosen: Vec<(&str, &str)> = dto
        .choices
        .iter()
        .map(|c| (c.field.as_str(), c.header.as_str()))
        .collect();
    assert_eq!(chosen, [("id", "Badge"), ("manager_id", "Boss")]);
    assert_eq!(dto.choices[0].reason, "values unique");
    assert!(dto.choices[1].reason.contains('%'), "{:?}", dto.choices[1]);
    assert!(!dto.manager_ref_reason.is_empty());
    let codes: Vec<&str> = dto.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["read-as-windows-1252"]);
    assert_eq!(dto.findings[0].severity, FindingSeverity::Warning);

    // A column the user maps is "your choice", not a CLI flag.
    let mut mapped = request(&path);
    mapped.overrides.push(ColumnOverride {
        column: "Boss".to_string(),
        field: "manager_id".to_string(),
    });
    mapped.overrides.push(ColumnOverride {
        column: "Badge".to_string(),
        field: "id".to_string(),
    });
    let dto = detect(&mapped);
    let reasons: Vec<&str> = dto.choices.iter().map(|c| c.reason.as_str()).collect();
    assert_eq!(reasons, ["your choice", "your choice"]);
}

#[test]
fn stray_bytes_in_utf8_text_are_shown_before_importing() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Mostly UTF-8 (two accented letters), with one stray byte on line 3.
    let bytes = b"id,manager_id,name\n1,,Zo\xc3\xab\n2,1,R\xffmi\n3,1,Chlo\xc3\xa9\n";
    let path = write_bytes(dir.path(), "people.csv", bytes);
    let dto = detect(&request(&path));
    assert_eq!(dto.encoding.as_deref(), Some("UTF-8"));
    let stray = dto
        .findings
        .iter()
        .find(|f| f.code == "stray-non-utf8")
        .expect("the stray byte is reported");
    assert_eq!(stray.row, Some(3));
}

#[test]
fn a_negative_cost_is_refused_unless_its_column_is_declared_signed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session =
        Session::open_or_seed(&dir.path().join("w.orgraph")).expect("seeded workspace");
    let text = b"id,manager_id,name,Annual Salary\n1,,Ada,1000\n2,1,Bo,-250\n";
    let path = write_bytes(dir.path(), "people.csv", text);
    let quiet = |_: Progress| {};
    let error = request(&path)
        .import_into(&mut session, &quiet)
        .expect_err("negative cost refused");
    let ipc = IpcError::from(error);
    assert_eq!(ipc.code, ErrorCode::Validation);
    let findings = ipc.findings.expect("findings");
    let negative = findings
        .iter()
        .find(|f| f.code == "negative-cost")
        .expect("a negative-cost finding");
    assert_eq!(negative.column.as_deref(), Some("Annual Salary"));

    let mut signed = request(&path);
    signed.signed.push("Annual Salary".to_string());
    let result = signed
        .import_into(&mut session, &quiet)
        .expect("a signed column reads negative amounts");
    assert_eq!(result.people, 2);
}

#[test]
fn an_imports_warnings_come_grouped_by_kind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session =
        Session::open_or_seed(&dir.path().join("w.orgraph")).expect("seeded workspace");
    let text = b"id,manager_id,name\n1,,Ada\n2,M9,Bo\n3,M9,Cy\n4,M8,Di\n";
    let path = write_bytes(dir.path(), "people.csv", text);
    let result = request(&path)
        .import_into(&mut session, &|_| {})
        .expect("imports with warnings");
    assert_eq!(result.warnings.len(), 2);
    let groups: Vec<(&str, u32, Option<u32>, &str)> = result
        .warning_groups
        .iter()
        .map(|g| (g.code.as_str(), g.count, g.people, g.headline.as_str()))
        .collect();
    assert_eq!(
        groups,
        [(
            "manager-not-found",
            2,
            Some(3),
            "2 managers not in the file, 3 people affected"
        )]
    );
    assert_eq!(result.warning_groups[0].findings.len(), 2);
}
