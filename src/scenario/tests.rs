use super::*;
use crate::model::{Person, PersonId, Status, Team, TeamId, TeamKind};
use crate::money::Money;
use proptest::prelude::*;

/// A small org: ceo over two managers over a few ICs, two teams, one
/// staff+ engineer.
pub(super) fn sample() -> Org {
    let mut org = Org::new();
    for team in ["core", "arch"] {
        org.add_team(Team {
            id: team.into(),
            name: team.to_uppercase(),
            kind: if team == "arch" {
                TeamKind::Architecture
            } else {
                TeamKind::StreamAligned
            },
            lead: None,
            department: Some("Eng".into()),
        })
        .expect("new team");
    }
    let people = [
        ("ceo", None, "M7"),
        ("m1", Some("ceo"), "M4"),
        ("m2", Some("ceo"), "M4"),
        ("a", Some("m1"), "IC3"),
        ("b", Some("m1"), "IC3"),
        ("c", Some("m2"), "IC3"),
        ("s", Some("m2"), "IC6"),
    ];
    for (id, _, level) in people {
        let mut person = Person::new(id);
        person.level = level.into();
        person.cost = Some(Money::from_cents(100_000 * 100));
        person.team = Some(if id == "s" { "arch" } else { "core" }.into());
        org.add_person(person).expect("unique");
    }
    for (id, manager, _) in people {
        org.move_person(&id.into(), manager.map(PersonId::from).as_ref())
            .expect("forest");
    }
    org
}

/// Everything observable about an org, in a comparable form.
pub(super) fn fingerprint(org: &Org) -> String {
    let mut out: Vec<String> = org
        .people()
        .map(|p| format!("{p:?} <- {:?}", org.manager_of(&p.id)))
        .collect();
    out.push(format!("{:?}", org.teams()));
    out.push(format!("{:?}", org.support_assignments()));
    out.push(format!("{:?}", org.dotted_lines()));
    out.push(format!("{:?} {:?}", org.policy, org.ladder));
    out.join("\n")
}

fn ids() -> Vec<PersonId> {
    ["ceo", "m1", "m2", "a", "b", "c", "s", "new1", "new2"]
        .into_iter()
        .map(PersonId::from)
        .collect()
}

fn teams() -> Vec<TeamId> {
    ["core", "arch", "t-new"]
        .into_iter()
        .map(TeamId::from)
        .collect()
}

pub(super) fn any_change() -> impl Strategy<Value = Change> {
    let person = prop::sample::select(ids());
    let team = prop::sample::select(teams());
    prop_oneof![
        (
            person.clone(),
            prop::option::of(prop::sample::select(ids()))
        )
            .prop_map(|(person, manager)| Change::Move { person, manager }),
        (
            person.clone(),
            prop::option::of(prop::sample::select(ids()))
        )
            .prop_map(|(person, manager)| Change::MoveAlone { person, manager }),
        (
            prop::sample::select(vec!["new1", "new2"]),
            prop::option::of(prop::sample::select(ids()))
        )
            .prop_map(|(id, manager)| Change::AddPerson {
                person: NewPerson {
                    id: id.into(),
                    name: "New".into(),
                    title: "Engineer".into(),
                    level: "IC2".into(),
                    location: String::new(),
                    cost: Some(Money::from_cents(5_000 * 100)),
                    status: Status::Open,
                    team: None,
                    start_date: None,
                },
                manager,
            }),
        person
            .clone()
            .prop_map(|person| Change::RemovePerson { person }),
        (person.clone(), "[A-C]{1,2}").prop_map(|(person, title)| Change::EditPerson {
            person,
            edit: PersonEdit::Title(title),
            was: None,
        }),
        (person.clone(), prop::option::of(1u32..28)).prop_map(|(person, day)| {
            Change::EditPerson {
                person,
                edit: PersonEdit::EndDate(
                    day.and_then(|day| chrono::NaiveDate::from_ymd_opt(2027, 2, day)),
                ),
                was: None,
            }
        }),
        (person.clone(), prop::option::of(team.clone())).prop_map(|(person, team)| {
            Change::EditPerson {
                person,
                edit: PersonEdit::Team(team),
                was: None,
            }
        }),
        (
            prop::collection::vec(person.clone(), 1..4),
            prop::option::of(team.clone())
        )
            .prop_map(|(people, team)| Change::AssignTeam { people, team }),
        team.clone().prop_map(|team| Change::CreateTeam {
            team,
            name: "New team".into(),
            team_kind: TeamKind::Platform,
            department: None,
        }),
        team.clone().prop_map(|team| Change::DissolveTeam { team }),
        team.clone().prop_map(|team| Change::RenameTeam {
            team,
            name: "Renamed".into()
        }),
        (person.clone(), team.clone())
            .prop_map(|(person, team)| Change::AddSupport { person, team }),
        (person.clone(), team).prop_map(|(person, team)| Change::RemoveSupport { person, team }),
        (person.clone(), person.clone())
            .prop_map(|(manager, report)| Change::AddDottedLine { manager, report }),
        (person.clone(), person)
            .prop_map(|(manager, report)| Change::RemoveDottedLine { manager, report }),
        (1u32..6, 6u32..10).prop_map(|(band_min, band_max)| Change::SetPolicy {
            policy: crate::model::Policy {
                band_min,
                band_max,
                ..crate::model::Policy::default()
            }
        }),
        (2u32..5, 5u32..12).prop_map(|(team_min, team_max)| Change::SetPolicy {
            policy: crate::model::Policy {
                team_min,
                team_max,
                ..crate::model::Policy::default()
            }
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Applying any sequence of changes (refused ones change nothing) and
    /// then unwinding restores the org exactly; the forest invariant holds
    /// throughout.
    #[test]
    fn unwinding_restores_the_org_exactly(changes in prop::collection::vec(any_change(), 0..40)) {
        let mut org = sample();
        let original = fingerprint(&org);
        let mut undo = Vec::new();
        for change in &changes {
            let before = fingerprint(&org);
            match apply(&mut org, change) {
                Ok(step) => undo.push(Some(step)),
                Err(_) => prop_assert_eq!(fingerprint(&org), before, "refused {} changed the org", change),
            }
            let forest = org.forest();
            prop_assert_eq!(forest.len(), org.len());
        }
        unwind(&mut org, undo).expect("unwinds");
        prop_assert_eq!(fingerprint(&org), original);
    }
}

pub(super) fn entry(position: u32, change: Change, effective: Option<&str>) -> ChangeEntry {
    ChangeEntry {
        position,
        change,
        effective: effective.map(|d| crate::date::parse(d).expect("valid date")),
        made_at: String::new(),
    }
}

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
fn moving_alone_leaves_the_reports_with_the_old_manager_and_undoes_exactly() {
    let mut org = sample();
    let before = fingerprint(&org);
    let undo = apply(
        &mut org,
        &Change::MoveAlone {
            person: "m1".into(),
            manager: Some("m2".into()),
        },
    )
    .expect("legal");
    assert_eq!(org.manager_of(&"m1".into()), Some(&"m2".into()));
    for report in ["a", "b"] {
        assert_eq!(org.manager_of(&report.into()), Some(&"ceo".into()));
    }
    assert!(org.reports_of(&"m1".into()).is_empty());
    assert_eq!(
        undo.moved(),
        Some(vec!["a".into(), "b".into(), PersonId::from("m1")])
    );
    revert(&mut org, undo).expect("reverts");
    assert_eq!(fingerprint(&org), before);
}

#[test]
fn moving_alone_under_a_former_report_is_no_cycle_but_under_oneself_is() {
    let mut org = sample();
    let undo = apply(
        &mut org,
        &Change::MoveAlone {
            person: "m1".into(),
            manager: Some("a".into()),
        },
    )
    .expect("a stays behind, so m1 can report to a");
    assert_eq!(org.manager_of(&"a".into()), Some(&"ceo".into()));
    assert_eq!(org.manager_of(&"m1".into()), Some(&"a".into()));
    revert(&mut org, undo).expect("reverts");

    let before = fingerprint(&org);
    let error = apply(
        &mut org,
        &Change::MoveAlone {
            person: "m1".into(),
            manager: Some("m1".into()),
        },
    )
    .expect_err("refused");
    assert_eq!(error.code(), crate::ErrorCode::WouldCreateCycle);
    let error = apply(
        &mut org,
        &Change::MoveAlone {
            person: "m1".into(),
            manager: Some("ceo".into()),
        },
    )
    .expect_err("refused");
    assert_eq!(error.code(), crate::ErrorCode::InvalidInput);
    assert_eq!(fingerprint(&org), before, "refusals change nothing");
}

#[test]
fn refusals_explain_themselves() {
    let mut org = sample();
    let cycle = apply(
        &mut org,
        &Change::Move {
            person: "ceo".into(),
            manager: Some("a".into()),
        },
    )
    .expect_err("cycle");
    assert_eq!(cycle.code(), crate::ErrorCode::WouldCreateCycle);
    let same = apply(
        &mut org,
        &Change::Move {
            person: "a".into(),
            manager: Some("m1".into()),
        },
    )
    .expect_err("no-op");
    assert!(same.to_string().contains("already reports to"));
    let not_staff = apply(
        &mut org,
        &Change::AddSupport {
            person: "a".into(),
            team: "core".into(),
        },
    )
    .expect_err("not staff+");
    assert!(not_staff.to_string().contains("not a staff+"));
    apply(
        &mut org,
        &Change::AddSupport {
            person: "s".into(),
            team: "core".into(),
        },
    )
    .expect("staff+");
    let band = apply(
        &mut org,
        &Change::SetPolicy {
            policy: crate::model::Policy {
                band_min: 9,
                band_max: 3,
                ..crate::model::Policy::default()
            },
        },
    )
    .expect_err("bad band");
    assert!(band.to_string().contains("not valid"));
}

#[test]
fn a_group_team_assignment_is_all_or_nothing_and_undoes_exactly() {
    let mut org = sample();
    let before = org.clone();
    let unknown = apply(
        &mut org,
        &Change::AssignTeam {
            people: vec!["a".into(), "nobody".into()],
            team: Some("arch".into()),
        },
    )
    .expect_err("unknown person");
    assert!(unknown.to_string().contains("nobody"), "{unknown}");
    assert_eq!(org.person(&"a".into()), before.person(&"a".into()));
    let twice = apply(
        &mut org,
        &Change::AssignTeam {
            people: vec!["a".into(), "a".into()],
            team: Some("arch".into()),
        },
    )
    .expect_err("listed twice");
    assert!(twice.to_string().contains("twice"));
    assert!(
        apply(
            &mut org,
            &Change::AssignTeam {
                people: vec!["a".into()],
                team: Some("core".into()),
            },
        )
        .is_err(),
        "already there"
    );
    assert!(
        apply(
            &mut org,
            &Change::AssignTeam {
                people: Vec::new(),
                team: None,
            },
        )
        .is_err(),
        "nobody chosen"
    );
    let undo = apply(
        &mut org,
        &Change::AssignTeam {
            // `s` is already in arch: the others still move.
            people: vec!["a".into(), "b".into(), "s".into()],
            team: Some("arch".into()),
        },
    )
    .expect("moved");
    for id in ["a", "b", "s"] {
        assert_eq!(
            org.person(&id.into()).and_then(|p| p.team.clone()),
            Some("arch".into())
        );
    }
    revert(&mut org, undo).expect("reverted");
    for person in before.people() {
        assert_eq!(org.person(&person.id), Some(person));
    }
}

#[test]
fn bad_settings_are_refused_with_a_reason_and_change_nothing() {
    use crate::model::{Ladder, LadderLevel, Policy, Track};
    let mut org = sample();
    let teams = apply(
        &mut org,
        &Change::SetPolicy {
            policy: Policy {
                team_min: 8,
                team_max: 4,
                ..Policy::default()
            },
        },
    )
    .expect_err("bad team size");
    assert!(teams.to_string().contains("team size"), "{teams}");
    assert_eq!(org.policy, Policy::default());
    let level = |code: &str| LadderLevel {
        code: code.into(),
        track: Track::Ic,
        rank: 1,
        staff_plus: false,
    };
    let duplicate = apply(
        &mut org,
        &Change::SetLadder {
            ladder: Ladder::new(vec![level("L1"), level("l1")]),
        },
    )
    .expect_err("duplicate code");
    assert!(duplicate.to_string().contains("twice"), "{duplicate}");
    let blank = apply(
        &mut org,
        &Change::SetLadder {
            ladder: Ladder::new(vec![level("")]),
        },
    )
    .expect_err("empty code");
    assert!(blank.to_string().contains("no code"), "{blank}");
    assert_eq!(org.ladder, Ladder::default());
    let undo = apply(
        &mut org,
        &Change::SetLadder {
            ladder: Ladder::new(vec![level("L1"), level("L2")]),
        },
    )
    .expect("valid ladder");
    revert(&mut org, undo).expect("reverted");
    assert_eq!(org.ladder, Ladder::default());
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

/// The people and base slots a list of applied changes touched, as
/// [`crate::session::Session::compare`] gathers them.
fn touched_by(base: &Org, steps: &[(Change, Undo)]) -> (Vec<PersonId>, Vec<u32>) {
    let (mut people, mut teams) = (std::collections::BTreeSet::new(), Default::default());
    for (change, undo) in steps {
        touched(change, Some(undo), &mut people, &mut teams);
    }
    let slots = people.iter().filter_map(|id| base.slot_of(id)).collect();
    (people.into_iter().collect(), slots)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Patching the baseline's metrics input with the people two scenarios
    /// touch gives exactly the summary a full extraction gives, for both
    /// scenarios in turn (so slots survive an unwind), in both views.
    #[test]
    fn patched_summary_equals_the_full_one(
        first in prop::collection::vec(any_change(), 0..30),
        second in prop::collection::vec(any_change(), 0..30),
    ) {
        let mut org = sample();
        let mut base = crate::metrics::BaseInput::of(&org).expect("a fresh org is dense");
        for changes in [&first, &second] {
            prop_assert!(base.matches(&org));
            let steps: Vec<(Change, Undo)> = changes
                .iter()
                .filter_map(|change| Some((change.clone(), apply(&mut org, change).ok()?)))
                .collect();
            let (people, slots) = {
                let mut unchanged = org.clone();
                let undo: Vec<Option<Undo>> =
                    steps.iter().map(|(_, undo)| Some(undo.clone())).collect();
                unwind(&mut unchanged, undo).expect("unwinds");
                touched_by(&unchanged, &steps)
            };
            let touched: Vec<&PersonId> = people.iter().collect();
            for view in [crate::metrics::View::Current, crate::metrics::View::Planned] {
                let patched = base.summarise_changed(&org, &slots, &touched, view);
                let mut full = crate::metrics::summarise(&org, view);
                // A comparison reads the uncovered teams' count, not their list.
                prop_assert!(patched.coverage.uncovered_teams.is_empty());
                full.coverage.uncovered_teams = std::sync::Arc::from([]);
                prop_assert_eq!(format!("{patched:?}"), format!("{full:?}"));
            }
            unwind(&mut org, steps.into_iter().map(|(_, undo)| Some(undo)).collect())
                .expect("unwinds");
        }
    }
}

/// Everything [`changes_between`] promises to carry over, independent of
/// the order people and teams were added in.
pub(super) fn canonical(org: &Org) -> String {
    let mut people: Vec<String> = org
        .people()
        .map(|p| format!("{p:?} <- {:?}", org.manager_of(&p.id)))
        .collect();
    people.sort();
    let mut teams: Vec<String> = org
        .teams()
        .iter()
        .map(|t| format!("{} {} {:?}", t.id, t.name, t.kind))
        .collect();
    teams.sort();
    let mut dotted: Vec<String> = org
        .dotted_lines()
        .into_iter()
        .map(|(m, r)| format!("{m}->{r}"))
        .collect();
    dotted.sort();
    format!(
        "{}\n{}\n{:?}\n{}\n{:?} {:?}",
        people.join("\n"),
        teams.join("\n"),
        org.support_assignments(),
        dotted.join(","),
        org.policy,
        org.ladder
    )
}

/// The reference for [`changes_between`]: each change is chosen against a
/// copy of `from` with every change before it applied, as the first
/// version did, which is plainly right but slow at scale.
fn changes_by_applying(from: &Org, to: &Org) -> crate::error::Result<Vec<Change>> {
    let mut work = from.clone();
    let mut changes = Vec::new();
    let mut push = |work: &mut Org, change: Change| -> crate::error::Result<()> {
        apply(work, &change)?;
        changes.push(change);
        Ok(())
    };
    if work.ladder != to.ladder {
        push(
            &mut work,
            Change::SetLadder {
                ladder: to.ladder.clone(),
            },
        )?;
    }
    for target in crate::scenario::Target::differences(&work.policy, &to.policy) {
        push(&mut work, Change::SetTarget { target })?;
    }
    for team in to.teams() {
        match work.team(&team.id).cloned() {
            None => push(
                &mut work,
                Change::CreateTeam {
                    team: team.id.clone(),
                    name: team.name.clone(),
                    team_kind: team.kind,
                    department: team.department.clone(),
                },
            )?,
            Some(current) => {
                if current.name != team.name {
                    push(
                        &mut work,
                        Change::RenameTeam {
                            team: team.id.clone(),
                            name: team.name.clone(),
                        },
                    )?;
                }
                if current.kind != team.kind {
                    push(
                        &mut work,
                        Change::SetTeamKind {
                            team: team.id.clone(),
                            team_kind: team.kind,
                        },
                    )?;
                }
            }
        }
    }
    let leavers: Vec<PersonId> = from
        .people()
        .filter(|p| !to.contains(&p.id))
        .map(|p| p.id.clone())
        .collect();
    for person in leavers {
        push(&mut work, Change::RemovePerson { person })?;
    }
    let forest = to.forest();
    let ids: Vec<&PersonId> = to.people().map(|p| &p.id).collect();
    for &position in forest.top_down() {
        let person = ids[position as usize];
        let manager = forest.parent(position).map(|p| ids[p as usize].clone());
        if !work.contains(person) {
            let target = to.person(person).expect("listed by to.people()");
            push(
                &mut work,
                Change::AddPerson {
                    person: between::new_person(target),
                    manager,
                },
            )?;
        } else if work.manager_of(person) != manager.as_ref() {
            push(
                &mut work,
                Change::Move {
                    person: person.clone(),
                    manager,
                },
            )?;
        }
    }
    for target in to.people() {
        let current = work.person(&target.id).expect("added above").clone();
        for edit in between::edits(&current, target) {
            push(
                &mut work,
                Change::EditPerson {
                    person: target.id.clone(),
                    edit,
                    was: None,
                },
            )?;
        }
    }
    let support_now = work.support_assignments().clone();
    for (person, team) in support_now.difference(to.support_assignments()) {
        push(
            &mut work,
            Change::RemoveSupport {
                person: person.clone(),
                team: team.clone(),
            },
        )?;
    }
    for (person, team) in to.support_assignments().difference(&support_now) {
        push(
            &mut work,
            Change::AddSupport {
                person: person.clone(),
                team: team.clone(),
            },
        )?;
    }
    let lines = |org: &Org| -> BTreeSet<(PersonId, PersonId)> {
        org.dotted_lines()
            .into_iter()
            .map(|(m, r)| (m.clone(), r.clone()))
            .collect()
    };
    let (dotted_now, dotted_then) = (lines(&work), lines(to));
    for (manager, report) in dotted_now.difference(&dotted_then) {
        push(
            &mut work,
            Change::RemoveDottedLine {
                manager: manager.clone(),
                report: report.clone(),
            },
        )?;
    }
    for (manager, report) in dotted_then.difference(&dotted_now) {
        push(
            &mut work,
            Change::AddDottedLine {
                manager: manager.clone(),
                report: report.clone(),
            },
        )?;
    }
    let gone: Vec<TeamId> = work
        .teams()
        .iter()
        .filter(|t| to.team(&t.id).is_none())
        .map(|t| t.id.clone())
        .collect();
    for team in gone {
        push(&mut work, Change::DissolveTeam { team })?;
    }
    Ok(changes)
}

fn changed(changes: &[Change]) -> Org {
    let mut org = sample();
    for change in changes {
        let _ = apply(&mut org, change);
    }
    org
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any two orgs: the computed change list applies cleanly to the first
    /// and gives the second; and the report counts what differs.
    #[test]
    fn changes_between_turns_one_org_into_the_other(
        first in prop::collection::vec(any_change(), 0..30),
        second in prop::collection::vec(any_change(), 0..30),
    ) {
        let (from, to) = (changed(&first), changed(&second));
        let changes = changes_between(&from, &to);
        let reference = changes_by_applying(&from, &to).expect("every change applies");
        prop_assert_eq!(&changes, &reference);
        let mut work = from.clone();
        for change in &changes {
            apply(&mut work, change).expect("applies in order");
        }
        prop_assert_eq!(canonical(&work), canonical(&to));
        let report = ImportReport::of(&from, &to, &changes);
        let joiners = to.people().filter(|p| !from.contains(&p.id)).count();
        let leavers = from.people().filter(|p| !to.contains(&p.id)).count();
        prop_assert_eq!(report.joiners.len(), joiners);
        prop_assert_eq!(report.leavers.len(), leavers);
        let mut moves: Vec<ReportMove> = to
            .people()
            .filter(|p| from.contains(&p.id) && from.manager_of(&p.id) != to.manager_of(&p.id))
            .map(|p| ReportMove {
                person: p.id.clone(),
                from: from.manager_of(&p.id).cloned(),
                to: to.manager_of(&p.id).cloned(),
            })
            .collect();
        moves.sort_by(|a, b| a.person.cmp(&b.person));
        prop_assert_eq!(&report.moves, &moves);
        let (forward_report, back) = compare_imports(&from, &to);
        prop_assert_eq!(&forward_report, &report);
        let expected_back = if changes.is_empty() {
            Vec::new()
        } else {
            changes_by_applying(&to, &from).expect("every change applies")
        };
        prop_assert_eq!(back, expected_back);
        prop_assert_eq!(report.is_empty(), changes.is_empty());
    }
}

#[test]
fn an_unchanged_org_needs_no_changes() {
    let org = sample();
    assert!(changes_between(&org, &org.clone()).is_empty());
}
