//! Every mutation of an org keeps its lazily built indexes true: after
//! each step of a random sequence, each index that is built equals one
//! built from scratch.

use crate::model::{Forest, Org, Person, PersonId, Team, TeamId, TeamKind, NO_PARENT};
use proptest::prelude::*;

const PEOPLE: [&str; 6] = ["p0", "p1", "p2", "p3", "p4", "p5"];
const TEAMS: [&str; 4] = ["t0", "t1", "t2", "t3"];

/// The indexes that are built but stale, by name.
fn stale(org: &Org) -> Vec<&'static str> {
    org.indexes.stale(&org.graph, &org.teams, &org.support)
}

fn build_indexes(org: &mut Org) {
    org.indexes.build_all(&org.graph, &org.teams, &org.support);
}

fn team(id: &str, lead: Option<&str>) -> Team {
    Team {
        id: id.into(),
        name: id.to_uppercase(),
        kind: TeamKind::Platform,
        lead: lead.map(PersonId::from),
        department: None,
    }
}

fn person(id: &str, home: Option<&str>) -> Person {
    let mut person = Person::new(id);
    person.team = home.map(TeamId::from);
    person
}

/// Everyone in a line under p0, each in a team, two leading teams, two
/// supporting some and a dotted line: every index has entries to keep.
fn start() -> Org {
    let mut org = Org::new();
    for (i, id) in TEAMS.iter().enumerate() {
        let lead = [Some("p1"), None, Some("p1"), Some("p4")][i];
        org.add_team(team(id, lead)).expect("new team");
    }
    for (i, id) in PEOPLE.iter().enumerate() {
        org.add_person(person(id, Some(TEAMS[i % TEAMS.len()])))
            .expect("unique");
        if i > 0 {
            org.move_person(&(*id).into(), Some(&"p0".into()))
                .expect("forest");
        }
    }
    for (who, what) in [("p2", "t0"), ("p2", "t1"), ("p3", "t1")] {
        org.add_support(&who.into(), &what.into()).expect("known");
    }
    org.add_dotted_line(&"p1".into(), &"p3".into())
        .expect("known");
    org
}

/// One mutation of [`Org`], picked from small sets of ids so that steps
/// often meet the same people and teams.
#[derive(Debug, Clone)]
enum Step {
    AddPerson(usize, Option<usize>),
    RemovePerson(usize),
    /// Puts back the person removed last.
    RestorePerson,
    SetHome(usize, Option<usize>),
    AddTeam(usize, Option<usize>),
    SetLead(usize, Option<usize>),
    SetLeadAt(usize, Option<usize>),
    DissolveTeam(usize),
    /// Puts back the team dissolved last.
    RestoreTeam,
    AddSupport(usize, usize),
    AddKnownSupports(Vec<(usize, usize)>),
    RemoveSupport(usize, usize),
    Move(usize, Option<usize>),
    AddDotted(usize, usize),
    RemoveDotted(usize, usize),
}

fn step() -> impl Strategy<Value = Step> {
    let who = 0..PEOPLE.len();
    let what = 0..TEAMS.len();
    let maybe_who = prop::option::of(0..PEOPLE.len());
    let maybe_what = prop::option::of(0..TEAMS.len());
    prop_oneof![
        (who.clone(), maybe_what.clone()).prop_map(|(p, t)| Step::AddPerson(p, t)),
        who.clone().prop_map(Step::RemovePerson),
        Just(Step::RestorePerson),
        (who.clone(), maybe_what.clone()).prop_map(|(p, t)| Step::SetHome(p, t)),
        (what.clone(), maybe_who.clone()).prop_map(|(t, p)| Step::AddTeam(t, p)),
        (what.clone(), maybe_who.clone()).prop_map(|(t, p)| Step::SetLead(t, p)),
        (what.clone(), maybe_who.clone()).prop_map(|(t, p)| Step::SetLeadAt(t, p)),
        what.clone().prop_map(Step::DissolveTeam),
        Just(Step::RestoreTeam),
        (who.clone(), what.clone()).prop_map(|(p, t)| Step::AddSupport(p, t)),
        prop::collection::vec((who.clone(), what.clone()), 1..3).prop_map(Step::AddKnownSupports),
        (who.clone(), what).prop_map(|(p, t)| Step::RemoveSupport(p, t)),
        (who.clone(), maybe_who).prop_map(|(p, m)| Step::Move(p, m)),
        (who.clone(), who.clone()).prop_map(|(m, r)| Step::AddDotted(m, r)),
        (who.clone(), who).prop_map(|(m, r)| Step::RemoveDotted(m, r)),
    ]
}

/// The undo records a sequence keeps, newest last.
#[derive(Default)]
struct Undo {
    people: Vec<crate::model::RemovedPerson>,
    teams: Vec<crate::model::DissolvedTeam>,
}

/// Applies `step`; refusals are part of the sequence (a refused
/// mutation must leave the indexes true too).
fn apply(org: &mut Org, step: &Step, undo: &mut Undo) {
    let p = |i: usize| PersonId::from(PEOPLE[i]);
    let t = |i: usize| TeamId::from(TEAMS[i]);
    match step {
        Step::AddPerson(who, home) => {
            let _ = org.add_person(person(PEOPLE[*who], home.map(|i| TEAMS[i])));
        }
        Step::RemovePerson(who) => undo.people.extend(org.remove_person(&p(*who)).ok()),
        Step::RestorePerson => {
            if let Some(removed) = undo.people.pop() {
                let _ = org.restore_person(removed);
            }
        }
        Step::SetHome(who, home) => {
            if let Ok(person) = org.person_mut(&p(*who)) {
                person.team = home.map(t);
            }
        }
        Step::AddTeam(what, lead) => {
            let _ = org.add_team(team(TEAMS[*what], lead.map(|i| PEOPLE[i])));
        }
        Step::SetLead(what, lead) => {
            if let Ok(team) = org.team_by_id_mut(&t(*what)) {
                team.lead = lead.map(p);
            }
        }
        Step::SetLeadAt(at, lead) => {
            if !org.teams().is_empty() {
                let index = at % org.teams().len();
                org.team_mut(index).lead = lead.map(p);
            }
        }
        Step::DissolveTeam(what) => undo.teams.extend(org.dissolve_team(&t(*what)).ok()),
        Step::RestoreTeam => {
            if let Some(dissolved) = undo.teams.pop() {
                let _ = org.restore_team(dissolved);
            }
        }
        Step::AddSupport(who, what) => {
            let _ = org.add_support(&p(*who), &t(*what));
        }
        Step::AddKnownSupports(pairs) => {
            let known = pairs
                .iter()
                .map(|&(who, what)| (p(who), t(what)))
                .filter(|(who, what)| org.contains(who) && org.team(what).is_some())
                .collect();
            org.add_known_supports(known);
        }
        Step::RemoveSupport(who, what) => {
            org.remove_support(&p(*who), &t(*what));
        }
        Step::Move(who, manager) => {
            let _ = org.move_person(&p(*who), manager.map(p).as_ref());
        }
        Step::AddDotted(manager, report) => {
            let _ = org.add_dotted_line(&p(*manager), &p(*report));
        }
        Step::RemoveDotted(manager, report) => {
            let _ = org.remove_dotted_line(&p(*manager), &p(*report));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Whatever indexes a step meets built (all of them when `warm`, else
    /// those the steps before left), they are true to the org after it.
    #[test]
    fn every_mutation_keeps_the_indexes_true(
        steps in prop::collection::vec((any::<bool>(), step()), 1..40),
    ) {
        let mut org = start();
        let mut undo = Undo::default();
        for (warm, step) in &steps {
            if *warm {
                build_indexes(&mut org);
            }
            apply(&mut org, step, &mut undo);
            prop_assert_eq!(stale(&org), Vec::<&str>::new(), "after {:?}", step);
        }
    }
}

/// The paths only a loader takes, each met with every index built.
#[test]
fn loading_keeps_the_indexes_true() {
    let mut org = start();
    build_indexes(&mut org);
    org.push_unindexed(person("late", Some("t1")));
    assert_eq!(stale(&org), Vec::<&str>::new(), "a person pushed unindexed");

    let mut loaded = Org::new();
    for id in ["a", "b", "c"] {
        loaded.push_unindexed(person(id, Some("t0")));
    }
    let index = Org::index_ids(&["a", "b", "c"]).expect("unique ids");
    loaded.install_index(index).expect("matches the people");
    build_indexes(&mut loaded);
    let mut teams = Org::new();
    teams.add_team(team("t0", Some("b"))).expect("new team");
    loaded.take_teams(teams);
    assert_eq!(stale(&loaded), Vec::<&str>::new(), "teams taken in");

    build_indexes(&mut loaded);
    loaded.add_known_supports(vec![("a".into(), "t0".into())]);
    assert_eq!(
        stale(&loaded),
        Vec::<&str>::new(),
        "supports a loader knows"
    );

    build_indexes(&mut loaded);
    let mut by_forest = loaded.clone();
    loaded.attach_parents(&[NO_PARENT, 0, 0]);
    by_forest.attach_forest(&Forest::from_parents(vec![NO_PARENT, NO_PARENT, 1]).expect("forest"));
    assert_eq!(stale(&loaded), Vec::<&str>::new(), "lines attached");
    assert_eq!(stale(&by_forest), Vec::<&str>::new(), "a forest attached");
    let index = loaded.team_index(&"t0".into()).expect("taken in");
    build_indexes(&mut loaded);
    loaded.team_mut(index).lead = Some("c".into());
    assert_eq!(stale(&loaded), Vec::<&str>::new(), "a lead a loader sets");
}
