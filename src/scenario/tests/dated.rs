//! Changes with effective dates: materialising a scenario as of a day,
//! and the headcount plan by quarter.

use super::*;

#[test]
fn time_travel_applies_only_changes_in_force() {
    let mut org = sample();
    let entries = vec![
        entry(
            1,
            Change::Move {
                person: "a".into(),
                manager: Some("m2".into()),
            },
            None,
        ),
        entry(
            2,
            Change::Move {
                person: "b".into(),
                manager: Some("m2".into()),
            },
            Some("2027-06-01"),
        ),
        entry(
            3,
            Change::RemovePerson { person: "c".into() },
            Some("2027-01-01"),
        ),
    ];
    let early = materialise(&mut org, &entries, crate::date::parse("2026-12-31").ok());
    assert_eq!(org.manager_of(&"a".into()), Some(&"m2".into()));
    assert_eq!(org.manager_of(&"b".into()), Some(&"m1".into()));
    assert!(org.contains(&"c".into()));
    assert_eq!(early.skipped.len(), 2);
    assert_eq!(early.skipped[0].position, 2);
    unwind(&mut org, early.undo).expect("unwinds");

    let late = materialise(&mut org, &entries, crate::date::parse("2027-06-01").ok());
    assert_eq!(org.manager_of(&"b".into()), Some(&"m2".into()));
    assert!(!org.contains(&"c".into()));
    assert!(late.skipped.is_empty());
    unwind(&mut org, late.undo).expect("unwinds");
    assert_eq!(fingerprint(&org), fingerprint(&sample()));
}

#[test]
fn a_change_depending_on_a_later_one_is_skipped_but_no_conflict() {
    let mut org = sample();
    let hire = Change::AddPerson {
        person: NewPerson {
            id: "h".into(),
            name: "Hire".into(),
            title: "Engineer".into(),
            level: "IC2".into(),
            location: String::new(),
            cost: None,
            status: Status::Planned,
            team: None,
            start_date: None,
        },
        manager: Some("m1".into()),
    };
    let entries = vec![
        entry(1, hire, Some("2027-03-01")),
        entry(
            2,
            Change::Move {
                person: "h".into(),
                manager: Some("m2".into()),
            },
            None,
        ),
    ];
    let done = materialise(&mut org, &entries, crate::date::parse("2027-01-01").ok());
    assert_eq!(done.skipped.len(), 2);
    // Waiting on a hire not yet in force is no conflict.
    let waiting = &done.skipped[1];
    assert!(waiting.conflict.is_none(), "{waiting:?}");
    assert!(waiting.reason.contains("not yet in force"), "{waiting:?}");
}

#[test]
fn plan_counts_hires_from_their_target_quarter_and_departures_until_their_last_day() {
    let mut org = sample();
    org.person_mut(&"b".into()).expect("exists").status = Status::Departing;
    org.person_mut(&"b".into()).expect("exists").end_date = crate::date::parse("2027-02-15").ok();
    let entries = vec![entry(
        1,
        Change::AddPerson {
            person: NewPerson {
                id: "req".into(),
                name: String::new(),
                title: "Engineer".into(),
                level: "IC2".into(),
                location: String::new(),
                cost: Some(Money::from_cents(50_000 * 100)),
                status: Status::Open,
                team: Some("core".into()),
                start_date: crate::date::parse("2027-05-01").ok(),
            },
            manager: Some("m1".into()),
        },
        None,
    )];
    let before = fingerprint(&org);
    let today = crate::date::parse("2026-11-27").expect("date");
    let budgets = vec![("Eng".to_string(), Money::from_cents(700_000 * 100))];
    let plan = plan::plan(&mut org, &entries, today, &budgets).expect("plan");
    assert_eq!(
        fingerprint(&org),
        before,
        "the plan leaves the org as it was"
    );
    assert_eq!(plan.quarters[..3], ["2026-Q4", "2027-Q1", "2027-Q2"]);
    let totals: Vec<(u64, u64)> = plan
        .total
        .iter()
        .take(3)
        .map(|f| (f.filled, f.open))
        .collect();
    assert_eq!(totals, [(7, 0), (6, 0), (6, 1)]);
    let eng = plan
        .departments
        .iter()
        .find(|d| d.name == "Eng")
        .expect("department");
    assert_eq!(eng.quarters[2].cost_total, Money::from_cents(650_000 * 100));
    assert_eq!(eng.variance[2], Some(Money::from_cents(50_000 * 100)));
    let core = plan.teams.iter().find(|t| t.name == "CORE").expect("team");
    assert_eq!(core.quarters[0].total, 6);
    assert_eq!(core.quarters[2].open, 1);
}
