//! Fixtures shared by the scenario tests, and the test modules, one per
//! part of the scenario engine they check.

use super::*;
use crate::model::{Person, PersonId, Status, Team, TeamId, TeamKind};
use crate::money::Money;
use proptest::prelude::*;

mod apply;
mod between;
mod dated;
mod summary;

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
        (1u32..6).prop_map(|max_load| Change::SetTarget {
            target: crate::scenario::Target::MaxLoad { max_load }
        }),
    ]
}

pub(super) fn entry(position: u32, change: Change, effective: Option<&str>) -> ChangeEntry {
    ChangeEntry {
        position,
        change,
        effective: effective.map(|d| crate::date::parse(d).expect("valid date")),
        made_at: String::new(),
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
