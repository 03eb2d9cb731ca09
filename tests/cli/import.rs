//! HRIS exports: one fixture per dialect, written by us from each vendor's
//! documented export headers, imports with no `--map`; plus spreadsheets,
//! `--map`, the dry-run report and malformed input.

use super::{fixture, json_of, orgraph};
use orgraph::import::{load, ImportOptions};
use orgraph::model::{Ladder, Policy};
use orgraph::{Org, PersonId};
use std::path::Path;

fn load_fixture(name: &str) -> Org {
    let (org, warnings) = load(
        &fixture(&format!("hris/{name}")),
        &ImportOptions::default(),
        Ladder::default(),
        Policy::default(),
    )
    .unwrap_or_else(|e| panic!("{name} imports: {e}"));
    // The one Windows-1252 fixture warns that it was read as such.
    let expected: &[&str] = match name {
        "adp.csv" => &["read-as-windows-1252"],
        _ => &[],
    };
    let codes: Vec<&str> = warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(codes, expected, "{name}: {warnings:?}");
    org
}

/// The fixtures all describe the same eight people; `key` maps each
/// person's id in the fixture back to the common numbering.
fn assert_the_common_org(name: &str, key: impl Fn(&str) -> String) {
    let org = load_fixture(name);
    assert_eq!(org.len(), 8, "{name}");
    let manager = |id: &str| {
        let person = org
            .people()
            .find(|p| key(p.id.as_str()) == id)
            .unwrap_or_else(|| panic!("{name}: person {id}"));
        org.manager_of(&person.id).map(|m| key(m.as_str()))
    };
    let expected = [
        ("1001", None),
        ("1002", Some("1001")),
        ("1003", Some("1002")),
        ("1004", Some("1003")),
        ("1005", Some("1003")),
        ("1006", Some("1003")),
        ("1007", Some("1002")),
        ("1008", Some("1001")),
    ];
    for (id, boss) in expected {
        assert_eq!(
            manager(id),
            boss.map(str::to_string),
            "{name}: manager of {id}"
        );
    }
    let cto = org
        .people()
        .find(|p| key(p.id.as_str()) == "1001")
        .expect("the CTO");
    assert_eq!(cto.name, "Ada Lovelace", "{name}");
    assert_eq!(&*cto.title, "CTO", "{name}");
    assert_eq!(
        cto.team.as_ref().map(|t| t.as_str()),
        Some("Office of the CTO"),
        "{name}"
    );
    assert_eq!(org.teams().len(), 4, "{name}");
}

fn same(id: &str) -> String {
    id.to_string()
}

#[test]
fn bamboohr_api_report_by_supervisor_eid() {
    assert_the_common_org("bamboohr.csv", same);
}

#[test]
fn bamboohr_ui_export_by_last_first_names() {
    assert_the_common_org("bamboohr-ui.csv", same);
}

#[test]
fn workday_by_manager_id() {
    assert_the_common_org("workday.csv", same);
    let org = load_fixture("workday.csv");
    let team = org.team(&"Platform".into()).expect("team");
    assert_eq!(
        team.department.as_deref(),
        Some("Engineering"),
        "Cost_Center"
    );
}

#[test]
fn adp_latin1_semicolons_by_associate_id() {
    assert_the_common_org("adp.csv", |id| id.trim_start_matches('A').to_string());
    let org = load_fixture("adp.csv");
    let ed = org.person(&PersonId::from("A1005")).expect("Ed");
    assert_eq!(ed.name, "Éd Føx", "decoded from Windows-1252");
}

#[test]
fn hibob_utf16_by_display_name() {
    assert_the_common_org("hibob.csv", same);
}

#[test]
fn personio_tabs_by_email() {
    assert_the_common_org("personio.csv", same);
}

#[test]
fn rippling_by_manager_id() {
    assert_the_common_org("rippling.csv", same);
}

#[test]
fn successfactors_with_matrix_manager_as_dotted_line() {
    assert_the_common_org("successfactors.csv", same);
    let org = load_fixture("successfactors.csv");
    let dotted: Vec<(String, String)> = org
        .dotted_lines()
        .into_iter()
        .map(|(m, r)| (m.to_string(), r.to_string()))
        .collect();
    assert_eq!(dotted, [("1007".to_string(), "1006".to_string())]);
}

#[test]
fn org_and_manager_name_references() {
    assert_the_common_org("org-and-name.csv", same);
}

#[test]
fn german_french_and_spanish_headers() {
    for name in ["de-personio.csv", "fr-matricule.csv", "es-jefe-directo.csv"] {
        assert_the_common_org(name, same);
    }
}

#[test]
fn id_and_manager_columns_by_their_common_names() {
    assert_the_common_org("emp-id-reports-to-name.csv", same);
    assert_the_common_org("api-uuid.csv", |id| id.trim_start_matches("u-").to_string());
}

/// People stored as "Last, First M" and managers named "First M. Last",
/// with stray spaces and other case.
#[test]
fn managers_named_in_another_form_than_people() {
    let org = load_fixture("names-two-forms.csv");
    let managers: Vec<Option<String>> = (1001..=1008)
        .map(|id| {
            org.manager_of(&PersonId::from(id.to_string().as_str()))
                .map(|m| m.to_string())
        })
        .collect();
    let expected = [
        None,
        Some(1001),
        Some(1002),
        Some(1003),
        Some(1003),
        Some(1003),
        Some(1002),
        Some(1001),
    ];
    assert_eq!(managers, expected.map(|m| m.map(|id: u32| id.to_string())));
}

/// `--dry-run`'s report of `fixture`.
fn dry_run(path: &Path) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = orgraph()
        .arg("import")
        .arg(path)
        .arg("--into")
        .arg(dir.path().join("w.orgraph"))
        .arg("--dry-run")
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// No header names the id or the manager: the unique column is the id,
/// the column whose values match it the manager, in a CSV and a workbook.
#[test]
fn id_and_manager_columns_detected_from_their_values() {
    assert_the_common_org("values-only.csv", same);
    let report = dry_run(&fixture("hris/values-only.csv"));
    insta::assert_snapshot!("dry_run_values_only", report);
    for expected in [
        "id column: 'Ref' (values unique)",
        "manager column: 'Lead' (100% of values match ids)",
        "managers referred to by: id (100% of references match ids)",
    ] {
        assert!(report.contains(expected), "{expected} in:\n{report}");
    }
    assert!(!report.contains("[--map]"), "{report}");

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("values-only.xlsx");
    let text = std::fs::read_to_string(fixture("hris/values-only.csv")).expect("read");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (row, line) in text.lines().enumerate() {
        for (column, cell) in line.split(',').enumerate() {
            sheet.write(row as u32, column as u16, cell).expect("cell");
        }
    }
    book.save(&path).expect("saved");
    let (org, _) = load(
        &path,
        &ImportOptions::default(),
        Ladder::default(),
        Policy::default(),
    )
    .expect("imports");
    assert_eq!(org.manager_of(&"1004".into()), Some(&"1003".into()));
    assert!(dry_run(&path).contains("manager column: 'Lead' (100% of values match ids)"));
}

/// A manager-number column in a numbering of its own and a manager-name
/// column: the names resolve, so they are read, and the report says why.
#[test]
fn of_two_manager_columns_the_one_that_resolves_is_used() {
    let (org, warnings) = load(
        &fixture("hris/two-manager-columns.csv"),
        &ImportOptions::default(),
        Ladder::default(),
        Policy::default(),
    )
    .expect("imports");
    assert_eq!(org.manager_of(&"1004".into()), Some(&"1003".into()));
    assert_eq!(org.manager_of(&"1008".into()), Some(&"1001".into()));
    let notes: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("manager-column-chosen")
            && notes[0]
                .contains("'Manager Number' matches nobody; 'Manager Name' resolves 100% by names"),
        "{notes:?}"
    );
    let report = dry_run(&fixture("hris/two-manager-columns.csv"));
    insta::assert_snapshot!("dry_run_two_manager_columns", report);
    for expected in [
        "manager column: 'Manager Name' ('Manager Number' matches nobody; 'Manager Name' resolves 100% by names)",
        "managers referred to by: name",
        "Manager Number                   -> (not read)",
    ] {
        assert!(report.contains(expected), "{expected} in:\n{report}");
    }
}

#[test]
fn dry_run_reports_the_detected_mapping_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workspace = dir.path().join("w.orgraph");
    let out = orgraph()
        .arg("import")
        .arg(fixture("hris/bamboohr-ui.csv"))
        .arg("--into")
        .arg(&workspace)
        .arg("--dry-run")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("managers referred to by: last-first"),
        "{report}"
    );
    assert!(
        report.contains("Employee #") && report.contains("-> id"),
        "{report}"
    );
    assert!(
        report.contains("Reports To") && report.contains("-> manager_id"),
        "{report}"
    );
    assert!(!workspace.exists());
}

/// `orgraph import FILE --into WORKSPACE`, with no other options.
fn import_into(file: &Path, workspace: &Path) -> std::process::Output {
    orgraph()
        .arg("import")
        .arg(file)
        .arg("--into")
        .arg(workspace)
        .output()
        .expect("runs")
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("written");
    path
}

/// A refused import reports every finding at once: each error, then the
/// warnings found with them.
#[test]
fn a_refused_import_reports_every_error_and_the_warnings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = write(
        dir.path(),
        "people.csv",
        "id,manager_id,cost\na,,100\nb,a,12x\nx,y,1\ny,x,1\nz,z,1\nq,nobody,1\n",
    );
    let workspace = dir.path().join("w.orgraph");
    let refused = import_into(&csv, &workspace);
    assert_eq!(refused.status.code(), Some(1));
    assert!(!workspace.exists(), "nothing is written");
    let report = String::from_utf8_lossy(&refused.stderr);
    for expected in [
        "2 error(s)",
        "people.csv:3: column 'cost': error[bad-cost]",
        "people.csv:4: column 'manager_id': error[manager-cycle]",
        "people.csv:6: column 'manager_id': warning[self-manager]",
        "people.csv:7: column 'manager_id': warning[manager-not-found]",
    ] {
        assert!(report.contains(expected), "{expected} in:\n{report}");
    }
}

#[test]
fn map_overrides_detection_and_names_unknown_columns() {
    let dir = tempfile::tempdir().expect("temp dir");
    // No header names a column, and Boss matches no one's value: no id
    // and manager pair is found.
    let csv = write(dir.path(), "odd.csv", "Badge,Boss,Who\nb1,,Ada\nb2,Cy,Bo\n");
    let workspace = dir.path().join("w.orgraph");
    let refused = import_into(&csv, &workspace);
    assert_eq!(refused.status.code(), Some(1));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("no 'id' column")
            && message.contains("found: Badge, Boss, Who")
            && message.contains("--map"),
        "{message}"
    );

    let named = write(
        dir.path(),
        "named.csv",
        "Badge,Boss,Who\nb1,,Ada\nb2,Ada,Bo\n",
    );
    let out = orgraph()
        .arg("import")
        .arg(&named)
        .args(["--into"])
        .arg(&workspace)
        .args([
            "--map",
            "Badge=id",
            "--map",
            "boss=manager_id",
            "--map",
            "Who=name",
            "--manager-ref",
            "name",
        ])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (org, _) = orgraph::Session::open(&workspace)
        .expect("opens")
        .into_parts();
    assert_eq!(org.manager_of(&"b2".into()), Some(&"b1".into()));
    assert_eq!(org.person(&"b2".into()).expect("b2").name, "Bo");

    let unknown = orgraph()
        .arg("import")
        .arg(&csv)
        .args(["--into"])
        .arg(&workspace)
        .args(["--map", "Nope=id"])
        .output()
        .expect("runs");
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("'Nope'"));
}

#[test]
fn a_name_matching_two_people_is_an_error_naming_both_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = write(
        dir.path(),
        "twins.csv",
        "id,name,Reports To\n1,Ada Lovelace,\n2,Ada Lovelace,\n3,Bo Chen,Ada Lovelace\n4,Cy Diaz,Bo Chen\n",
    );
    let err = load(
        &csv,
        &ImportOptions::default(),
        Ladder::default(),
        Policy::default(),
    )
    .expect_err("ambiguous");
    let text = err.to_string();
    assert!(
        text.contains("twins.csv:4") && text.contains("rows 2 and 3"),
        "{text}"
    );
}

#[test]
fn spreadsheets_import_their_first_or_named_sheet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hr.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Notes").expect("name");
    notes.write(0, 0, "exported by hand").expect("cell");
    let people = book.add_worksheet();
    people.set_name("People").expect("name");
    for (column, header) in ["Employee #", "Name", "Supervisor", "Hire Date", "Salary"]
        .iter()
        .enumerate()
    {
        people.write(0, column as u16, *header).expect("cell");
    }
    people.write(1, 0, 1001).expect("cell");
    people.write(1, 1, "Ada Lovelace").expect("cell");
    people.write(2, 0, 1002).expect("cell");
    people.write(2, 1, "Bo Chen").expect("cell");
    people.write(2, 2, "Ada Lovelace").expect("cell");
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2021, 3, 4).expect("date");
    let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    people
        .write_with_format(2, 3, &date, &format)
        .expect("cell");
    people.write(2, 4, 131999.92).expect("cell");
    book.save(&path).expect("saved");

    let first = load(
        &path,
        &ImportOptions::default(),
        Ladder::default(),
        Policy::default(),
    );
    let message = first
        .expect_err("the first sheet has no people")
        .to_string();
    assert!(
        message.contains("[Notes]") && message.contains("no 'id' column"),
        "{message}"
    );

    let options = ImportOptions {
        sheet: Some("People".to_string()),
        ..ImportOptions::default()
    };
    let (org, _) = load(&path, &options, Ladder::default(), Policy::default()).expect("imports");
    let bo = org
        .person(&"1002".into())
        .expect("numeric ids read as text");
    assert_eq!(org.manager_of(&bo.id), Some(&"1001".into()));
    assert_eq!(
        bo.start_date.map(|d| d.to_string()).as_deref(),
        Some("2021-03-04")
    );
    assert_eq!(bo.cost.map(|c| c.cents()), Some(13_199_992));
}

#[test]
fn malformed_bytes_never_panic_whatever_the_encoding() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in [
        ("bom-only.csv", &b"\xEF\xBB\xBF"[..]),
        ("utf16-odd.csv", &b"\xFF\xFEi\x00d\x00,\x00m"[..]),
        ("quotes.csv", &b"id,manager_id\n\"1,\n2,\"1\n"[..]),
        ("binary.csv", &b"\x00\x01\x02\x03\xFF\xFE\xFD"[..]),
        ("fake.xlsx", &b"PK\x03\x04 not really a zip"[..]),
        ("empty.csv", &b""[..]),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("written");
        let result = load(
            &path,
            &ImportOptions::default(),
            Ladder::default(),
            Policy::default(),
        );
        if let Err(err) = result {
            assert!(!err.to_string().is_empty(), "{name}");
        }
    }
}

#[test]
fn reimport_reports_changes_and_keeps_the_old_baseline_as_a_scenario() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workspace = dir.path().join("w.orgraph");
    let first = write(
        dir.path(),
        "march.csv",
        "id,manager_id,name,title,team\n1,,Ada,CTO,Core\n2,1,Bo,Engineer,Core\n3,1,Cy,Engineer,Core\n4,2,Di,Engineer,Core\n",
    );
    let second = write(
        dir.path(),
        "april.csv",
        "id,manager_id,name,title,team\n1,,Ada,CTO,Core\n2,1,Bo,Engineering Manager,Core\n4,1,Di,Engineer,Core\n5,2,Ed,Engineer,Core\n6,5,Fay,Engineer,Core\n",
    );
    let import = |file: &Path| import_into(file, &workspace);
    let out = import(&first);
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("changes since"));
    let metrics_of = |scenario: &str| {
        let out = orgraph()
            .args(["metrics", "--json", "--scenario", scenario])
            .arg(&workspace)
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        (
            json["people"].clone(),
            json["managers"].clone(),
            json["layers"].clone(),
        )
    };
    let march = metrics_of("baseline");

    let out = import(&second);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(
        report.contains("2 joiner(s), 1 leaver(s), 1 move(s), 1 title change(s)"),
        "{report}"
    );
    // People are named "Name (title)", the id secondary; a leaver and a
    // former manager as the previous baseline had them.
    assert!(
        report.contains("joined  Ed (Engineer) [5]")
            && report.contains("left    Cy (Engineer) [3]"),
        "{report}"
    );
    assert!(
        report.contains("moved   Di (Engineer) [4]: Bo (Engineer) [2] -> Ada (CTO) [1]"),
        "{report}"
    );
    assert!(
        report.contains("title   Bo (Engineering Manager) [2]: Engineer -> Engineering Manager"),
        "{report}"
    );
    let today = orgraph::date::today();
    let before = format!("before import {today}");
    assert!(
        report.contains(&format!("kept as scenario '{before}'")),
        "{report}"
    );

    assert_eq!(
        metrics_of(&before),
        march,
        "the kept scenario is the March org"
    );
    let april = metrics_of("baseline");
    assert_ne!(april, march);

    let diff = orgraph()
        .args(["diff", "--workspace"])
        .arg(&workspace)
        .args(["--scenario", &before])
        .output()
        .expect("runs");
    assert_eq!(
        diff.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&diff.stderr)
    );
    let text = String::from_utf8_lossy(&diff.stdout);
    assert!(text.contains('3') && text.contains('5'), "{text}");

    // The same file again changes nothing and keeps no extra scenario.
    let out = import(&second);
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(
        report.contains("0 joiner(s), 0 leaver(s), 0 move(s)"),
        "{report}"
    );
    assert!(!report.contains("kept as scenario"), "{report}");
}

/// `metrics FILE` reads the file as `import` does: `--map`,
/// `--manager-ref` and `--sheet` apply.
#[test]
fn metrics_reads_a_file_with_the_import_options() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = write(
        dir.path(),
        "odd.csv",
        "Badge,Boss,Who\nb1,,Ada Lovelace\nb2,\"Lovelace, Ada\",Bo Chen\nb3,\"Lovelace, Ada\",Cy Diaz\n",
    );
    let metrics = |args: &[&str]| {
        orgraph()
            .args(["metrics", "--json"])
            .arg(&csv)
            .args(args)
            .output()
            .expect("runs")
    };
    let refused = metrics(&[]);
    assert_eq!(refused.status.code(), Some(1));
    let out = metrics(&[
        "--map",
        "Badge=id",
        "--map",
        "Boss=manager_id",
        "--map",
        "Who=name",
        "--manager-ref",
        "last-first",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["people"], 3);
    assert_eq!(json["managers"], 1);

    let path = dir.path().join("hr.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Notes").expect("name");
    let people = book.add_worksheet();
    people.set_name("People").expect("name");
    for (row, cells) in [["id", "manager_id"], ["1", ""], ["2", "1"]]
        .iter()
        .enumerate()
    {
        for (column, cell) in cells.iter().enumerate() {
            people
                .write(row as u32, column as u16, *cell)
                .expect("cell");
        }
    }
    book.save(&path).expect("saved");
    let out = orgraph()
        .args(["metrics", "--json", "--sheet", "People"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_of(&out.stdout)["people"], 2);

    // A workspace is not read through a mapping: the options are refused.
    let workspace = dir.path().join("w.orgraph");
    assert_eq!(import_into(&path, &workspace).status.code(), Some(1));
    let imported = orgraph()
        .args(["import", "--sheet", "People"])
        .arg(&path)
        .arg("--into")
        .arg(&workspace)
        .output()
        .expect("runs");
    assert_eq!(imported.status.code(), Some(0));
    let refused = orgraph()
        .args(["metrics", "--map", "id=id"])
        .arg(&workspace)
        .output()
        .expect("runs");
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not a workspace"));
}
