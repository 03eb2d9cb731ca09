//! The scenario state, change list, comparison view and plan view the app
//! shows: people named, nobody's pay in them.

use super::Session;
use crate::money::Money;
use crate::scenario::{person_label, Change, ConflictReason, PersonEdit};

#[test]
fn state_changes_and_comparison_describe_a_scenario_without_individual_pay() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Session::open_or_seed(&dir.path().join("t.orgraph")).expect("seeded");
    s.create_scenario("raise", "baseline").expect("created");
    let (person, label) = s
        .org()
        .people()
        .nth(5)
        .map(|p| (p.id.clone(), person_label(&p.id, &p.name, &p.title)))
        .expect("someone");
    assert!(!label.starts_with(person.as_str()), "the demo names people");
    let edit = Change::EditPerson {
        person: person.clone(),
        edit: PersonEdit::Cost(Some(Money::from_cents(987_654_321))),
        was: None,
    };
    s.apply(edit, None).expect("edited");
    let state = s.scenario_state().expect("state");
    assert_eq!(state.current.name, "raise");
    assert!(state.current.can_undo && !state.current.can_redo);
    assert!(!state.current.is_baseline);
    let expected = format!("edit {label}: cost");
    assert_eq!(state.undo_label.as_deref(), Some(expected.as_str()));
    assert_eq!(state.all.len(), 2);
    assert!(state.all.iter().any(|listed| listed.is_baseline));

    let comparison = s.compare(&["raise".into()], None).expect("compared").view();
    assert_eq!(comparison.scenarios, ["baseline", "raise"]);
    let lines = &comparison.against_baseline[0].lines;
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].text, format!("{label}: cost changed"));
    assert_eq!(lines[0].person.as_ref(), Some(&person));
    let json = serde_json::to_string(&comparison).expect("serialisable");
    assert!(!json.contains("9876543"), "no individual's pay in the view");

    s.undo().expect("undone");
    let state = s.scenario_state().expect("state");
    assert!(state.current.can_redo && !state.current.can_undo);
    assert_eq!(state.redo_label.as_deref(), Some(expected.as_str()));
    let changes = s.change_lines();
    assert_eq!(changes.len(), 1);
    assert!(!changes[0].applied);
    assert_eq!(changes[0].kind, "edit-person");
    assert_eq!(changes[0].description, expected);
    assert_eq!(changes[0].ids, [person]);
    let json = serde_json::to_string(&changes).expect("serialisable");
    assert!(!json.contains("9876543"), "no individual's pay in the list");
}

#[test]
fn conflicts_name_the_people_still_in_the_org_and_word_the_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (csv, path) = (dir.path().join("org.csv"), dir.path().join("w.orgraph"));
    let org = "id,name,title,manager_id\nceo,Dana Reyes,CEO,\nm1,Mia Park,Manager,ceo\n\
               m2,Sam Lee,Manager,ceo\na,Alex Chen,Engineer,m1\n";
    let import = |text: &str| {
        std::fs::write(&csv, text).expect("written");
        let options = crate::import::ImportOptions::default();
        crate::import::import_into(&csv, &path, &options, &|_| {}).expect("imports");
    };
    import(org);
    let mut s = Session::open(&path).expect("opens");
    s.create_scenario("reorg", "baseline").expect("created");
    let to_m2 = Change::Move {
        person: "a".into(),
        manager: Some("m2".into()),
    };
    s.apply(to_m2, None).expect("applies");
    drop(s);
    import(&org.replace("m2,Sam Lee,Manager,ceo\n", ""));
    let s = Session::open_at(&path, "reorg", None).expect("opens");
    let state = s.scenario_state().expect("state");
    assert_eq!(state.current.conflicts, Some(1));
    assert_eq!(state.conflicts.len(), 1);
    let shown = &state.conflicts[0];
    assert_eq!(shown.conflict.change, "move Alex Chen (Engineer) to m2");
    assert_eq!(
        shown.conflict.reason,
        ConflictReason::ManagerGone {
            manager: "m2".into()
        }
    );
    assert!(shown.conflict.retargetable);
    assert_eq!(shown.reason, "manager 'm2' is no longer in the org");
    let json = serde_json::to_string(&shown).expect("serialisable");
    assert!(json.contains("\"kind\":\"manager-gone\""), "{json}");
}

#[test]
fn the_plan_view_names_its_scenario_and_marks_the_unassigned_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Session::open_or_seed(&dir.path().join("t.orgraph")).expect("seeded");
    let today = chrono::NaiveDate::from_ymd_opt(2027, 2, 1).expect("date");
    let plan = s.plan(today).expect("plan");
    let (teams, departments) = (plan.teams.len(), plan.departments.len());
    let view = plan.into_view("baseline");
    assert_eq!(view.scenario, "baseline");
    assert_eq!(view.quarters[0], "2027-Q1");
    assert_eq!(
        (view.teams.len(), view.departments.len()),
        (teams, departments)
    );
    for row in view.teams.iter().chain(&view.departments) {
        let unassigned = ["(no team)", "(no department)"].contains(&row.group.name.as_str());
        assert_eq!(row.unassigned, unassigned, "{}", row.group.name);
    }
    let json = serde_json::to_string(&view).expect("serialisable");
    assert!(json.contains("\"unassigned\":"));
    assert!(
        json.contains("\"teams\":[{\"name\":"),
        "rows are flattened: {json}"
    );
}
