//! The wizard's review shows what `--dry-run` shows (the chosen columns
//! with their reasons, what decoding found) and hides costs; an import
//! through a request replaces the session, and a cost column declared
//! signed reads negative amounts.

use super::*;
use crate::import::{ImportSummary, Progress};
use crate::model::Severity;
use crate::session::Session;
use crate::ErrorCode;

const PEOPLE: &str = "Employee #,Full Name,Job Title,Reports To,Annual Salary\n\
    1,Ada Lovelace,CEO,,250000\n\
    2,Grace Hopper,CTO,\"Lovelace, Ada\",180000\n\
    3,Alan Turing,Engineer,\"Hopper, Grace\",120000\n\
    4,Edsger Dijkstra,Engineer,\"Hopper, Grace\",125000\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the file");
    path.to_str().expect("UTF-8 path").to_string()
}

fn request(path: &str) -> ImportRequest {
    ImportRequest::of_path(path)
}

fn mapped(path: &str, column: &str, field: &str) -> ImportRequest {
    let mut request = request(path);
    request.overrides.push(ColumnOverride {
        column: column.to_string(),
        field: field.to_string(),
    });
    request
}

/// The findings of a refused import.
fn findings_of(error: OrgError) -> Vec<Finding> {
    match error {
        OrgError::Validation(findings) => findings,
        other => panic!("not a validation error: {other}"),
    }
}

#[test]
fn a_request_deserialises_from_the_ui_shape_and_checks_names() {
    let json = serde_json::json!({
        "path": "/tmp/people.csv", "sheet": null,
        "overrides": [{"column": "Reports To", "field": "manager_id"},
                      {"column": "Notes", "field": "ignore"}],
        "manager_ref": "last-first", "signed": ["Annual Salary"]
    });
    let parsed: ImportRequest = serde_json::from_value(json).expect("parses");
    let (path, options) = parsed.to_options().expect("valid");
    assert_eq!(path, PathBuf::from("/tmp/people.csv"));
    assert_eq!(
        options.overrides,
        vec![
            ("Reports To".to_string(), Field::Manager),
            ("Notes".to_string(), Field::Ignore)
        ]
    );
    assert_eq!(options.manager_ref, Some(ManagerRef::LastFirst));
    assert_eq!(options.signed, vec!["Annual Salary".to_string()]);

    let bad = mapped("/tmp/people.csv", "X", "salary-ish");
    let error = bad.to_options().expect_err("unknown field");
    assert_eq!(error.code(), ErrorCode::InvalidInput);
    let mut bad = request("/tmp/people.csv");
    bad.manager_ref = Some("nickname".to_string());
    assert!(bad.to_options().is_err());
    assert!(request("people.csv").to_options().is_err());
}

#[test]
fn the_review_shows_the_mapping_and_hides_costs_in_the_preview() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "people.csv", PEOPLE.as_bytes());
    let review = request(&path).review().expect("detects");
    assert_eq!(review.format, SourceFormat::Csv);
    assert_eq!(review.delimiter.as_deref(), Some(","));
    assert_eq!(review.manager_ref, ManagerRef::LastFirst);
    assert_eq!(review.rows, 4);
    let field = |header: &str| {
        review
            .columns
            .iter()
            .find(|c| c.header == header)
            .and_then(|c| c.field.clone())
    };
    assert_eq!(field("Reports To").as_deref(), Some("manager_id"));
    assert_eq!(field("Employee #").as_deref(), Some("id"));
    assert_eq!(field("Annual Salary").as_deref(), Some("cost"));
    assert!(review.fields.contains(&"manager_id".to_string()));
    assert!(!review.fields.contains(&"ignore".to_string()));
    assert_eq!(review.preview.len(), 4);
    let text = serde_json::to_string(&review).expect("serialise");
    for salary in ["250000", "180000", "120000", "125000"] {
        assert!(!text.contains(salary), "the preview leaks a cost: {text}");
    }
    assert_eq!(review.preview[0][4], HIDDEN_COST);

    // Reading the salary column as nothing still hides its values.
    let review = mapped(&path, "Annual Salary", "ignore")
        .review()
        .expect("detects");
    let salary = review.columns.iter().find(|c| c.header == "Annual Salary");
    assert_eq!(
        salary.map(|c| (c.field.clone(), c.overridden)),
        Some((None, true))
    );
    let text = serde_json::to_string(&review).expect("serialise");
    assert!(
        !text.contains("250000"),
        "an unread salary column leaks: {text}"
    );
}

#[test]
fn the_review_names_the_chosen_columns_their_reasons_and_the_decoding() {
    let dir = tempfile::tempdir().expect("temp dir");
    // No header names the id or manager; "Ren\xe9" is Windows-1252.
    let text = b"Badge,Person,Boss\n10,Ada,\n11,Ren\xe9,10\n12,Bo,11\n13,Cy,11\n";
    let path = write(dir.path(), "people.csv", text);
    let review = request(&path).review().expect("detects");
    let chosen: Vec<(&str, &str)> = review
        .choices
        .iter()
        .map(|c| (c.field.as_str(), c.header.as_str()))
        .collect();
    assert_eq!(chosen, [("id", "Badge"), ("manager_id", "Boss")]);
    assert_eq!(review.choices[0].reason, "values unique");
    assert!(
        review.choices[1].reason.contains('%'),
        "{:?}",
        review.choices[1]
    );
    assert!(!review.manager_ref_reason.is_empty());
    let codes: Vec<&str> = review.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["read-as-windows-1252"]);
    assert_eq!(review.findings[0].severity, Severity::Warning);

    // A column the user maps is "your choice", not a CLI flag.
    let mut both = mapped(&path, "Boss", "manager_id");
    both.overrides.push(ColumnOverride {
        column: "Badge".to_string(),
        field: "id".to_string(),
    });
    let review = both.review().expect("detects");
    let reasons: Vec<&str> = review.choices.iter().map(|c| c.reason.as_str()).collect();
    assert_eq!(reasons, ["your choice", "your choice"]);
}

#[test]
fn reasons_name_the_wizard_not_the_cli_flags() {
    assert_eq!(in_app_words("--map"), "your choice");
    assert_eq!(in_app_words("--manager-ref"), "your choice");
    assert_eq!(in_app_words("header"), "its header");
    assert_eq!(in_app_words("header; 3 rows"), "its header; 3 rows");
    assert_eq!(in_app_words("values unique"), "values unique");
}

#[test]
fn stray_bytes_in_utf8_text_are_shown_before_importing() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Mostly UTF-8 (two accented letters), with one stray byte on line 3.
    let bytes = b"id,manager_id,name\n1,,Zo\xc3\xab\n2,1,R\xffmi\n3,1,Chlo\xc3\xa9\n";
    let path = write(dir.path(), "people.csv", bytes);
    let review = request(&path).review().expect("detects");
    assert_eq!(review.encoding.as_deref(), Some("UTF-8"));
    let stray = review
        .findings
        .iter()
        .find(|f| f.code == "stray-non-utf8")
        .expect("the stray byte is reported");
    assert_eq!(stray.location.row, Some(3));
}

#[test]
fn an_import_replaces_the_session_and_a_bad_file_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session =
        Session::open_or_seed(&dir.path().join("w.orgraph")).expect("seeded workspace");
    let seeded = session.org().len();
    assert!(seeded > 4);

    // A reporting cycle: nothing is written, the findings are located.
    let cycle = write(
        dir.path(),
        "cycle.csv",
        b"Employee #,Full Name,Reports To\n1,Ada Lovelace,\"Turing, Alan\"\n2,Alan Turing,\"Lovelace, Ada\"\n",
    );
    let seen = std::sync::Mutex::new(Vec::new());
    let sink = |p: Progress| seen.lock().expect("lock").push(p);
    let error = request(&cycle)
        .import_into(&mut session, &sink)
        .expect_err("a cycle");
    assert_eq!(error.code(), ErrorCode::Validation);
    let findings = findings_of(error);
    let located = findings
        .iter()
        .find(|f| f.severity == Severity::Error && f.location.row.is_some())
        .expect("a located error");
    assert!(located.location.file.ends_with("cycle.csv"), "{located:?}");
    assert!(located.location.column.is_some(), "{located:?}");
    assert_eq!(session.org().len(), seeded);
    assert_eq!(
        Session::open(session.path()).expect("reopen").org().len(),
        seeded
    );

    // A good file becomes the baseline on show; a re-import reports.
    session
        .create_scenario("reorg", "baseline")
        .expect("scenario");
    assert_eq!(session.scenario().name, "reorg");
    let people = write(dir.path(), "people.csv", PEOPLE.as_bytes());
    let result = request(&people)
        .import_into(&mut session, &sink)
        .expect("imports");
    assert_eq!(result.people, 4);
    assert_eq!(session.org().len(), 4);
    assert_eq!(session.scenario().name, "baseline");
    // The untouched demo org (an empty scenario refers to none of its
    // people) is replaced as by a first import.
    assert_eq!((&result.report, &result.kept_as), (&None, &None));
    assert!(!seen.lock().expect("lock").is_empty(), "progress reported");
    let text = serde_json::to_string(&result).expect("serialise");
    assert!(!text.contains("250000"), "{text}");

    let moved = PEOPLE.replace("\"Hopper, Grace\",125000", "\"Lovelace, Ada\",125000");
    let moved = moved.replace("3,Alan Turing,Engineer", "3,Alan Turing,Staff Engineer");
    let again = write(dir.path(), "people2.csv", moved.as_bytes());
    let result: ImportSummary = request(&again)
        .import_into(&mut session, &sink)
        .expect("re-imports");
    let report = result.report.expect("report");
    assert_eq!(report.moves.len(), 1);
    assert_eq!(report.moves[0].person.id, "4");
    assert_eq!(report.moves[0].person.label, "Edsger Dijkstra (Engineer)");
    let to = report.moves[0].to.as_ref().map(|m| m.label.as_str());
    assert_eq!(to, Some("Ada Lovelace (CEO)"));
    let from = report.moves[0].from.as_ref().map(|m| m.label.as_str());
    assert_eq!(from, Some("Grace Hopper (CTO)"));
    assert_eq!(report.title_changes.len(), 1);
    assert_eq!(
        report.title_changes[0].person.label,
        "Alan Turing (Staff Engineer)"
    );
    assert_eq!(report.title_changes[0].to, "Staff Engineer");
    assert!(report.joiners.is_empty() && report.leavers.is_empty());
}

#[test]
fn a_negative_cost_is_refused_unless_its_column_is_declared_signed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session =
        Session::open_or_seed(&dir.path().join("w.orgraph")).expect("seeded workspace");
    let text = b"id,manager_id,name,Annual Salary\n1,,Ada,1000\n2,1,Bo,-250\n";
    let path = write(dir.path(), "people.csv", text);
    let quiet = |_: Progress| {};
    let error = request(&path)
        .import_into(&mut session, &quiet)
        .expect_err("negative cost refused");
    assert_eq!(error.code(), ErrorCode::Validation);
    let findings = findings_of(error);
    let negative = findings
        .iter()
        .find(|f| f.code == "negative-cost")
        .expect("a negative-cost finding");
    assert_eq!(negative.location.column.as_deref(), Some("Annual Salary"));

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
    let path = write(dir.path(), "people.csv", text);
    let result = request(&path)
        .import_into(&mut session, &|_| {})
        .expect("imports with warnings");
    assert_eq!(result.warnings.len(), 2);
    let groups: Vec<(&str, usize, Option<usize>, &str)> = result
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

#[test]
fn a_reimport_lists_the_scenario_changes_that_no_longer_apply() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = Session::create_empty(&dir.path().join("w.orgraph")).expect("workspace");
    let people = write(dir.path(), "people.csv", PEOPLE.as_bytes());
    request(&people)
        .import_into(&mut session, &|_| {})
        .expect("imports");
    session
        .create_scenario("reorg", "baseline")
        .expect("scenario");
    let (turing, dijkstra) = (crate::PersonId::new("3"), crate::PersonId::new("4"));
    session
        .move_person(&dijkstra, Some(&turing))
        .expect("a move");

    // Dijkstra leaves: the scenario's move of him no longer applies.
    let without: String =
        PEOPLE
            .lines()
            .filter(|l| !l.starts_with("4,"))
            .fold(String::new(), |mut text, line| {
                text.push_str(line);
                text.push('\n');
                text
            });
    let again = write(dir.path(), "people2.csv", without.as_bytes());
    let result = request(&again)
        .import_into(&mut session, &|_| {})
        .expect("re-imports");
    let stale: Vec<(&str, u32, &str)> = result
        .conflicts
        .iter()
        .flat_map(|s| {
            s.changes
                .iter()
                .map(move |c| (s.scenario.as_str(), c.position, c.reason.as_str()))
        })
        .collect();
    assert_eq!(stale, [("reorg", 1, "'4' is no longer in the org")]);
    assert!(result.conflicts[0].changes[0].change.contains('4'));
}
