use super::*;
use crate::model::{Status, TeamKind};
use crate::money::Money;

/// A file big enough to be read in parts comes back byte for byte,
/// whatever the split into parts (an odd length does not divide).
#[test]
fn a_large_file_read_in_parts_is_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.csv");
    let len = PARALLEL_READ_BYTES as usize + 12_345;
    let bytes: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&path, &bytes).expect("written");
    assert!(read_file(&path).expect("read") == bytes);
    let missing = dir.path().join("missing.csv");
    assert!(matches!(read_file(&missing), Err(OrgError::Io { .. })));
}

fn read(text: &str) -> std::result::Result<(Vec<PersonRecord>, Vec<Finding>), Vec<Finding>> {
    read_records(text.as_bytes(), "people.csv")
}

#[test]
fn reads_minimal_and_full_columns() {
    let (records, warnings) = read("id,manager_id\n1,\n2,1\n").expect("valid");
    assert!(warnings.is_empty());
    assert_eq!(records.len(), 2);
    assert_eq!(
        (
            records[1].id.as_str(),
            records[1].manager_id.as_str(),
            records[1].row
        ),
        ("2", "1", 3)
    );

    let text = "\u{feff}ID,Manager ID,Name,Job Title,Team,Level,Salary,Location,Status,Supports\n\
                e1,,Ada,CTO,,M7,\"450,000.50\",London,active,\n\
                e2,e1,Bo,Staff Engineer,Core,IC4,131999.92,Paris,open,Core;Search\n";
    let (records, _) = read(text).expect("valid");
    assert_eq!(records[0].cost, Some(Money(45_000_050)));
    assert_eq!(records[1].status, Status::Open);
    assert_eq!(records[1].supports, vec!["Core", "Search"]);
    assert_eq!(&*records[1].title, "Staff Engineer");
}

#[test]
fn bad_values_name_row_and_column() {
    let findings =
        read("id,manager_id,cost,status\n1,,12x,active\n2,1,5,retired\n").expect_err("bad values");
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0].location.row, Some(2));
    assert_eq!(findings[0].location.column.as_deref(), Some("cost"));
    assert_eq!(findings[1].location.row, Some(3));
    assert_eq!(findings[1].location.column.as_deref(), Some("status"));
    assert!(findings[0]
        .to_string()
        .starts_with("people.csv:2: column 'cost'"));
}

/// A bad row does not hide what else the file has wrong, in a CSV or
/// a workbook: the report is whole, and the review step still shows
/// how the file maps.
#[test]
fn a_bad_row_is_reported_with_everything_else_the_file_has_wrong() {
    let dir = tempfile::tempdir().expect("temp dir");
    let header = ["id", "manager_id", "name", "cost"];
    let rows = [
        ["a", "", "Ann", "100"],
        ["b", "a", "Bob", "12x"],
        ["x", "y", "X", "1"],
        ["y", "x", "Y", "1"],
        ["a", "b", "Dup", "1"],
    ];
    let csv = dir.path().join("people.csv");
    let lines: Vec<String> = std::iter::once(header)
        .chain(rows)
        .map(|row| row.join(",") + "\n")
        .collect();
    std::fs::write(&csv, lines.concat()).expect("written");
    let xlsx = dir.path().join("people.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in std::iter::once(header).chain(rows).enumerate() {
        for (c, value) in row.iter().enumerate() {
            sheet
                .write_string(r as u32, c as u16, *value)
                .expect("written");
        }
    }
    workbook.save(&xlsx).expect("saved");

    for path in [&csv, &xlsx] {
        let options = ImportOptions::default();
        let loaded = load(path, &options, Ladder::default(), Policy::default());
        let Err(OrgError::Validation(findings)) = loaded else {
            panic!("{path:?} has errors");
        };
        let errors: Vec<(String, Option<u64>)> = findings
            .iter()
            .filter(|f| f.is_error())
            .map(|f| (f.code.to_string(), f.location.row))
            .collect();
        let expected = [("bad-cost", 3), ("manager-cycle", 4), ("duplicate-id", 6)]
            .map(|(code, row)| (code.to_string(), Some(row)));
        assert_eq!(errors, expected, "{path:?}");
        let detected = detect(path, &options).expect("the mapping is shown");
        assert_eq!(detected.manager_ref, ManagerRef::Id);
    }
}

/// Windows line ends and blank lines do not shift the rows findings
/// name, whichever reader reads the file.
#[test]
fn rows_are_named_by_their_lines_after_crlf_and_blank_lines() {
    let text = "id,manager_id,status\r\n1,,active\r\n\r\n2,1,retired\r\n3,1,gone\r\n";
    let rows = |findings: Vec<Finding>| -> Vec<Option<u64>> {
        findings.iter().map(|f| f.location.row).collect()
    };
    let read = read_records(text.as_bytes(), "people.csv").expect_err("bad statuses");
    assert_eq!(rows(read), [Some(4), Some(5)]);
    let loaded = load_csv_text(
        text.as_bytes(),
        "people.csv",
        Ladder::default(),
        Policy::default(),
        0,
    );
    match loaded {
        Err(OrgError::Validation(findings)) => assert_eq!(rows(findings), [Some(4), Some(5)]),
        other => panic!("{:?}", other.map(|(_, warnings)| warnings)),
    }
}

#[test]
fn missing_required_columns_are_errors() {
    let findings = read("name,title\nA,B\n").expect_err("no id");
    assert_eq!(findings.len(), 2);
    assert!(findings.iter().all(|f| f.code == "missing-column"));
}

#[test]
fn blank_rows_are_skipped_and_short_rows_tolerated() {
    let (records, _) = read("id,manager_id,name\n1,,A\n,,\n2,1\n").expect("valid");
    assert_eq!(records.len(), 2);
    assert_eq!(records[1].name, "");
}

#[test]
fn invalid_utf8_is_an_error_not_a_panic() {
    let bytes = b"id,manager_id\n1,\n\xff\xfe,1\n";
    let findings = read_records(&bytes[..], "x.csv").expect_err("bad utf-8");
    assert_eq!(findings[0].code, "not-utf8");
    assert_eq!(findings[0].location.row, Some(3));
    assert_eq!(findings[0].location.column.as_deref(), Some("id"));
}

/// Bytes that form a character only across a delimiter (`\xC2` `,`
/// `\x80`) leave a row whose values run together as valid text, but
/// neither value is: both are errors naming their columns.
#[test]
fn a_character_split_by_a_delimiter_is_invalid_in_both_values() {
    let bytes = b"id,manager_id,name\n1,\xC2,\x80\n";
    let findings = read_records(&bytes[..], "x.csv").expect_err("bad utf-8");
    let found: Vec<(&str, Option<&str>)> = findings
        .iter()
        .map(|f| (f.code.as_str(), f.location.column.as_deref()))
        .collect();
    assert_eq!(
        found,
        [("not-utf8", Some("manager_id")), ("not-utf8", Some("name"))]
    );
}

#[test]
fn team_names_and_leads_are_read_and_a_lone_team_name_is_the_team() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("teams.csv");
    std::fs::write(
        &path,
        "id,manager_id,team,team_name,leads\n1,,t1,Payments,t1\n2,1,t1,,\n3,1,t2,,t2;t9\n",
    )
    .expect("written");
    let (org, warnings) = load(
        &path,
        &ImportOptions::default(),
        Ladder::default(),
        Policy::default(),
    )
    .expect("imports");
    let t1 = org.team(&"t1".into()).expect("t1");
    assert_eq!(
        (t1.name.as_str(), t1.lead.as_ref().map(|l| l.as_str())),
        ("Payments", Some("1"))
    );
    let t2 = org.team(&"t2".into()).expect("t2");
    assert_eq!(
        (t2.name.as_str(), t2.lead.as_ref().map(|l| l.as_str())),
        ("t2", Some("3"))
    );
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].code, "lead-team-not-found");
    assert_eq!(warnings[0].location.column.as_deref(), Some("leads"));

    std::fs::write(&path, "id,manager_id,Team Name\n1,,Core\n").expect("written");
    let (org, _) = load(
        &path,
        &ImportOptions::default(),
        Ladder::default(),
        Policy::default(),
    )
    .expect("imports");
    assert_eq!(
        org.person(&"1".into()).and_then(|p| p.team.clone()),
        Some("Core".into())
    );
}

/// Loads CSV text with managers referred to as `manager_ref`: by id
/// the CSV is streamed, otherwise read whole and resolved first.
fn load_text(text: &str, manager_ref: ManagerRef) -> Result<(Org, Vec<Finding>)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("people.csv");
    std::fs::write(&path, text).expect("written");
    let options = ImportOptions {
        manager_ref: Some(manager_ref),
        ..ImportOptions::default()
    };
    load(&path, &options, Ladder::default(), Policy::default())
}

#[test]
fn a_team_row_declares_a_team_with_its_lead_and_support() {
    let by_email = "id,manager_id,email,title,team,team_name,department,team_kind,supports,leads\n\
                    cto,,cto@x.org,CTO,,,,,,Growth\n\
                    arch,cto@x.org,arch@x.org,Principal Engineer,Core,,,,Growth,\n\
                    ,,,,Growth,Growth & Retention,Product,enabling,,\n\
                    ,,,,Labs,,,,,\n";
    let by_id = by_email.replace(",cto@x.org,arch", ",cto,arch");
    for (loaded, how) in [
        (load_text(&by_id, ManagerRef::Id), "streamed"),
        (load_text(by_email, ManagerRef::Email), "in memory"),
    ] {
        let (org, warnings) = loaded.unwrap_or_else(|err| panic!("{how}: {err}"));
        assert!(warnings.is_empty(), "{how}: {warnings:?}");
        assert_eq!(org.len(), 2, "{how}: team rows are not people");
        assert_eq!(org.manager_of(&"arch".into()), Some(&"cto".into()), "{how}");
        let growth = org.team(&"Growth".into()).expect("declared");
        assert_eq!(
            (
                growth.name.as_str(),
                growth.kind,
                growth.department.as_deref(),
                growth.lead.as_ref().map(|l| l.as_str())
            ),
            (
                "Growth & Retention",
                TeamKind::Enabling,
                Some("Product"),
                Some("cto")
            ),
            "{how}"
        );
        assert!(
            org.support_assignments()
                .contains(&("arch".into(), "Growth".into())),
            "{how}"
        );
        // A team row that states only the team: named by its id, its
        // kind guessed from it as for member rows.
        let labs = org.team(&"Labs".into()).expect("declared");
        assert_eq!(
            (labs.name.as_str(), labs.kind),
            ("Labs", TeamKind::StreamAligned),
            "{how}"
        );
    }
}

#[test]
fn an_empty_id_row_with_any_person_value_is_an_empty_id_error() {
    let text = "id,manager_id,name,team,status\n\
                1,,Ada,Core,active\n\
                ,1,,Core,\n\
                ,,Bo,Core,\n\
                ,,,Core,active\n";
    for loaded in [ManagerRef::Id, ManagerRef::Email].map(|kind| load_text(text, kind)) {
        let Err(OrgError::Validation(findings)) = loaded else {
            panic!("refused: {loaded:?}");
        };
        let empty: Vec<(u64, &str)> = findings
            .iter()
            .filter(|f| f.code == "empty-id")
            .map(|f| {
                assert!(f.location.file.ends_with("people.csv"), "{f}");
                (
                    f.location.row.unwrap_or(0),
                    f.location.column.as_deref().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(empty, [(3, "id"), (4, "id"), (5, "id")], "{findings:?}");
    }
}

#[test]
fn a_team_row_must_agree_with_its_members_and_come_once() {
    let text = "id,manager_id,team,team_name,department,team_kind\n\
                1,,Core,Core Team,Eng,platform\n\
                ,,Core,Kernel,Ops,enabling\n";
    let (org, warnings) = load_csv_text(
        text.as_bytes(),
        "people.csv",
        Ladder::default(),
        Policy::default(),
        0,
    )
    .expect("warnings only");
    let core = org.team(&"Core".into()).expect("team");
    assert_eq!(
        (core.name.as_str(), core.kind, core.department.as_deref()),
        ("Core Team", TeamKind::Platform, Some("Eng")),
        "the member's row came first"
    );
    let found: Vec<(&str, Option<u64>, Option<&str>)> = warnings
        .iter()
        .map(|w| {
            (
                w.code.as_str(),
                w.location.row,
                w.location.column.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("conflicting-team-kind", Some(3), Some("team_kind")),
            ("conflicting-team-name", Some(3), Some("team_name")),
            ("conflicting-department", Some(3), Some("department")),
        ]
    );

    let twice = format!("{text},,Core,,,\n");
    let findings = load_csv_text(
        twice.as_bytes(),
        "people.csv",
        Ladder::default(),
        Policy::default(),
        0,
    )
    .expect_err("declared twice");
    let OrgError::Validation(findings) = findings else {
        panic!("{findings}");
    };
    let duplicate = findings
        .iter()
        .find(|f| f.code == "duplicate-team-id")
        .expect("reported");
    assert_eq!(duplicate.location.row, Some(4));
    assert_eq!(duplicate.location.column.as_deref(), Some("team"));
    assert!(duplicate.message.contains("rows 3 and 4"), "{duplicate}");
}

#[test]
fn progress_rises_through_reading_and_ends_validated() {
    let records = crate::generate::generate(40_000, 3);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("people.csv");
    let mut bytes = Vec::new();
    crate::generate::write_csv(&records, &mut bytes).expect("written");
    std::fs::write(&path, &bytes).expect("written");
    let seen = std::sync::Mutex::new(Vec::new());
    let record = |p: Progress| seen.lock().expect("not poisoned").push(p);
    let options = ImportOptions::default();
    load_with_progress(
        &path,
        &options,
        Ladder::default(),
        Policy::default(),
        &record,
    )
    .expect("imports");
    let seen = seen.into_inner().expect("not poisoned");
    let reading: Vec<u64> = seen
        .iter()
        .filter(|p| p.stage == Stage::Reading)
        .map(|p| p.done)
        .collect();
    assert!(reading.len() >= 2, "{seen:?}");
    assert!(reading.windows(2).all(|w| w[0] < w[1]), "{reading:?}");
    assert!(seen.iter().all(|p| p.done <= p.total), "{seen:?}");
    let last = seen.last().expect("reported");
    assert_eq!((last.stage, last.done), (Stage::Validating, last.total));
}

proptest::proptest! {
    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
        let mut text = b"id,manager_id,cost,status\n".to_vec();
        text.extend(bytes);
        let _ = read_records(&text[..], "fuzz.csv");
        let _ = load_csv_text(&text[..], "fuzz.csv", Ladder::default(), Policy::default(), 0);
    }

    /// Whole files of arbitrary bytes, after a header of some dialect
    /// in some encoding: detection and import fail cleanly or succeed.
    #[test]
    fn load_never_panics_on_arbitrary_files(
        header in proptest::sample::select(vec![
            "id,manager_id,name\n",
            "Employee #;Reports To;First Name;Last Name\n",
            "\u{feff}root.id\twork.reportsTo\troot.email\n",
            "",
        ]),
        utf16 in proptest::prelude::any::<bool>(),
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300),
    ) {
        let mut data: Vec<u8> = if utf16 {
            header.encode_utf16().flat_map(u16::to_le_bytes).collect()
        } else {
            header.as_bytes().to_vec()
        };
        data.extend(bytes);
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("fuzz.csv");
        std::fs::write(&path, &data).expect("written");
        let _ = detect(&path, &ImportOptions::default());
        let _ = load(&path, &ImportOptions::default(), Ladder::default(), Policy::default());
    }
}

/// A department column with no team column: each department is a team
/// in that department, so people have one; with a division column, the
/// division is the team's department.
#[test]
fn a_department_without_teams_is_the_team_and_keeps_its_department() {
    let (records, _) =
        read("id,manager_id,department\n1,,Office\n2,1,Engineering\n").expect("valid");
    let placed: Vec<(&str, &str)> = records.iter().map(|r| (&*r.team, &*r.department)).collect();
    assert_eq!(
        placed,
        [("Office", "Office"), ("Engineering", "Engineering")]
    );

    let (records, _) =
        read("id,manager_id,department,division\n1,,Office,Corporate\n2,1,Engineering,Product\n")
            .expect("valid");
    assert_eq!(
        (&*records[1].team, &*records[1].department),
        ("Engineering", "Product")
    );
}
