use super::*;
use crate::model::{Person, Team};
use crate::scenario::{apply, Change, PersonEdit};

/// Mia Park manages Ada and Sam Lee manages Lin; two teams.
fn named_org() -> Org {
    let mut org = Org::new();
    for (id, name) in [("core", "Core"), ("arch", "Architecture")] {
        org.add_team(Team {
            id: id.into(),
            name: name.into(),
            kind: TeamKind::StreamAligned,
            lead: None,
            department: None,
        })
        .expect("new team");
    }
    let people = [
        ("m1", "Mia Park", "Engineering Manager", None),
        ("m2", "Sam Lee", "Director", None),
        ("a", "Ada Lovelace", "Engineer", Some("m1")),
        ("l", "Lin Wu", "Staff Engineer", Some("m2")),
    ];
    for (id, name, title, _) in people {
        let mut person = Person::new(id);
        person.name = name.into();
        person.title = title.into();
        person.cost = Some(Money::from_cents(12_345_600));
        person.team = Some("core".into());
        org.add_person(person).expect("unique");
    }
    for (id, _, _, manager) in people {
        org.move_person(&id.into(), manager.map(PersonId::from).as_ref())
            .expect("forest");
    }
    org
}

fn diff_after(changes: &[Change]) -> PairDiff {
    let mut org = named_org();
    let people: BTreeSet<PersonId> = ["a", "l"].map(PersonId::from).into();
    let teams = BTreeSet::new();
    let before = Capture::of(&org, &people, &teams);
    for change in changes {
        apply(&mut org, change).expect("applies");
    }
    let after = Capture::of(&org, &people, &teams);
    PairDiff::between("baseline", &before, "plan", &after)
}

#[test]
fn diff_lines_name_people_and_their_managers_with_the_id_beside() {
    let diff = diff_after(&[
        Change::Move {
            person: "a".into(),
            manager: Some("m2".into()),
        },
        Change::Move {
            person: "l".into(),
            manager: None,
        },
    ]);
    let lines = diff.lines();
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Ada Lovelace (Engineer): Mia Park (Engineering Manager) → Sam Lee (Director)",
            "Lin Wu (Staff Engineer): Sam Lee (Director) → (no manager)",
        ]
    );
    assert_eq!(lines[0].kind, "moved");
    assert_eq!(lines[0].person, Some(PersonId::from("a")));
    let text = Comparison::of(View::Current, None, &[]).render_text();
    assert!(!text.contains("moved"));
}

#[test]
fn field_lines_name_teams_and_never_show_a_cost() {
    let diff = diff_after(&[
        Change::EditPerson {
            person: "a".into(),
            edit: PersonEdit::Team(Some("arch".into())),
            was: None,
        },
        Change::EditPerson {
            person: "l".into(),
            edit: PersonEdit::Cost(Some(Money::from_cents(99_999_900))),
            was: None,
        },
        Change::AddSupport {
            person: "l".into(),
            team: "arch".into(),
        },
    ]);
    let texts: Vec<String> = diff.lines().into_iter().map(|l| l.text).collect();
    assert_eq!(
        texts,
        [
            "Ada Lovelace (Engineer): team Core (core) → Architecture (arch)",
            "Lin Wu (Staff Engineer): cost changed",
            "+ Lin Wu (Staff Engineer) supports Architecture (arch)",
        ]
    );
    assert!(!texts.concat().contains("999"), "no individual's pay");
}

#[test]
fn the_text_report_puts_each_line_with_its_persons_id() {
    let diff = diff_after(&[Change::Move {
        person: "a".into(),
        manager: Some("m2".into()),
    }]);
    let comparison = Comparison {
        against_baseline: vec![diff],
        ..Comparison::of(View::Current, None, &[])
    };
    assert!(comparison.render_text().contains(
        "  moved    Ada Lovelace (Engineer): Mia Park (Engineering Manager) → Sam Lee (Director)  [a]\n"
    ));
}

#[test]
fn the_cost_of_an_org_where_no_one_has_a_cost_is_unknown() {
    let mut org = named_org();
    let none = BTreeSet::new();
    let costed = Capture::of(&org, &none, &BTreeSet::new());
    assert!(costed.cost_known);
    let ids: Vec<PersonId> = org.people().map(|p| p.id.clone()).collect();
    for id in ids {
        apply(
            &mut org,
            &Change::EditPerson {
                person: id,
                edit: PersonEdit::Cost(None),
                was: None,
            },
        )
        .expect("applies");
    }
    let metrics = crate::metrics::compute(&org, View::Current);
    let summary = Capture::of(&org, &none, &BTreeSet::new())
        .with_summary(&metrics)
        .summary;
    let cost = summary
        .figures()
        .into_iter()
        .find(|(name, _)| *name == "cost");
    assert_eq!(cost, Some(("cost", None)));
    let summary = costed.with_summary(&metrics).summary;
    assert_eq!(
        summary
            .figures()
            .into_iter()
            .find(|(name, _)| *name == "cost"),
        Some(("cost", Some(0.0)))
    );
}

#[test]
fn metrics_a_scenario_computes_with_its_own_settings_are_marked() {
    let mut org = named_org();
    let none = BTreeSet::new();
    let summary = |org: &Org| {
        let metrics = crate::metrics::compute(org, View::Current);
        Capture::of(org, &none, &BTreeSet::new()).with_summary(&metrics)
    };
    let base = summary(&org);
    let same = summary(&org);
    let policy = org.policy;
    apply(
        &mut org,
        &Change::SetPolicy {
            policy: Policy {
                band_min: 1,
                band_max: 2,
                ..policy
            },
        },
    )
    .expect("applies");
    let banded = summary(&org);
    let comparison = Comparison::of(
        View::Current,
        None,
        &[
            ("baseline".into(), base),
            ("same".into(), same),
            ("banded".into(), banded),
        ],
    );
    let marked = |metric: &str| {
        let row = comparison.metrics.iter().find(|r| r.metric == metric);
        row.map(|r| r.by_settings.clone())
    };
    assert_eq!(marked("band_in_band"), Some(vec![false, false, true]));
    assert_eq!(marked("band_wide"), Some(vec![false, false, true]));
    assert_eq!(marked("people"), Some(vec![false, false, false]));
    assert_eq!(marked("staff_plus"), Some(vec![false, false, false]));
    assert_eq!(
        comparison.settings,
        [None, None, Some("span band 1-2 (baseline 5-8)".to_string())]
    );
    let text = comparison.render_text();
    assert!(text.contains("* banded has its own settings: span band 1-2 (baseline 5-8)"));
    let in_band = text.lines().find(|l| l.starts_with("band_in_band"));
    assert!(in_band.is_some_and(|l| l.ends_with('*') && l.matches('*').count() == 1));
}
