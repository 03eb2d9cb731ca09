//! The staff+ placement board and coverage matrix: every counted staff+
//! engineer with their placement, home team, assigned teams and load; every
//! team with its staff+ supporters; and the "what if every staff+ engineer
//! were central / embedded" previews (rules in docs/METRICS.md), computed on
//! a copy of the org as the very changes "Save as scenario" would store.

use super::coverage::TeamFigures;
use super::input::{MetricsInput, NO_TEAM};
use super::View;
use crate::error::Result;
use crate::model::{Org, PersonId, Placement, TeamId, TeamKind};
use crate::scenario::{self, Change, PersonEdit};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

mod central;
#[cfg(test)]
mod central_tests;
mod view;

pub use central::{HomeSupport, HomeSupportOutcomes};
pub use view::BoardView;

/// Which placement the board shows: the org as it is, or a preview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum WhatIf {
    #[default]
    AsIs,
    /// Every staff+ engineer central, each still supporting the team they
    /// leave ([`HomeSupport::Keep`]).
    AllCentral,
    AllEmbedded,
    /// Every staff+ engineer central, the teams they leave losing their
    /// implicit support ([`HomeSupport::Drop`]).
    AllCentralDropHomeSupport,
}

impl WhatIf {
    pub const ALL: [WhatIf; 4] = [
        WhatIf::AsIs,
        WhatIf::AllCentral,
        WhatIf::AllEmbedded,
        WhatIf::AllCentralDropHomeSupport,
    ];

    /// The all-central what-if with or without keeping home-team support.
    pub fn all_central(home_support: HomeSupport) -> WhatIf {
        match home_support {
            HomeSupport::Keep => WhatIf::AllCentral,
            HomeSupport::Drop => WhatIf::AllCentralDropHomeSupport,
        }
    }

    /// For the all-central what-ifs, what happens to the teams engineers
    /// leave; `None` for the others.
    pub fn home_support(self) -> Option<HomeSupport> {
        match self {
            WhatIf::AllCentral => Some(HomeSupport::Keep),
            WhatIf::AllCentralDropHomeSupport => Some(HomeSupport::Drop),
            WhatIf::AsIs | WhatIf::AllEmbedded => None,
        }
    }
}

/// One staff+ engineer on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Engineer {
    pub id: PersonId,
    pub name: String,
    pub title: String,
    pub level: String,
    pub placement: Placement,
    /// Index (in [`Org::teams`] order) of the home team.
    pub home: Option<u32>,
    /// Explicitly assigned teams (team indices, ascending), of any kind.
    pub assigned: Vec<u32>,
    /// Distinct non-architecture teams supported (home team included).
    pub load: u32,
    pub overloaded: bool,
}

/// One team, a row of the coverage matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TeamCoverage {
    pub id: TeamId,
    pub name: String,
    pub kind: TeamKind,
    pub department: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub headcount: u64,
    /// Counted staff+ engineers supporting it (home or assignment).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub supporters: u64,
    /// At least one supporter; never true for an architecture group.
    pub covered: bool,
}

/// The board's summary: the coverage and load distribution it shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlacementSummary {
    /// Teams that are not architecture groups.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub teams: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub covered: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub uncovered: u64,
    pub coverage_ratio: Option<f64>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub staff_plus: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub embedded: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub central: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub unplaced: u64,
    pub max_load: u32,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub overloaded: u64,
    /// `load_histogram[k]`: engineers supporting exactly `k` teams.
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub load_histogram: Vec<u64>,
}

/// Everything the staff+ view draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Board {
    /// Counted staff+ engineers, in [`Org::people`] order.
    pub engineers: Vec<Engineer>,
    /// Every team, in [`Org::teams`] order.
    pub teams: Vec<TeamCoverage>,
    pub summary: PlacementSummary,
}

/// A board for one [`WhatIf`], with the changes that would produce it.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub what_if: WhatIf,
    pub board: Board,
    /// Empty for [`WhatIf::AsIs`] (and when nothing would change).
    pub changes: Vec<Change>,
    /// Engineers the rule could not place (all-embedded: central or
    /// unplaced with no team to go to); they stay where they are.
    pub left_in_place: Vec<PersonId>,
    /// For the all-central what-ifs: the summaries with and without keeping
    /// home-team support, whichever of the two is on show.
    pub home_support: Option<HomeSupportOutcomes>,
}

impl Board {
    /// The board of `org`, counting the people `view` includes. O(n).
    pub fn of(org: &Org, view: View) -> Board {
        let input = MetricsInput::from_org(org);
        let included: Vec<bool> = input.status.iter().map(|&s| view.includes(s)).collect();
        let figures = TeamFigures::compute(&input, &included);
        let max_load = org.policy.max_load;
        let mut assigned: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for &(person, team) in &input.support {
            assigned.entry(person).or_default().push(team);
        }
        let engineers: Vec<Engineer> = org
            .people()
            .enumerate()
            .filter(|&(i, _)| included[i] && input.staff_plus[i])
            .map(|(i, person)| {
                let mut teams = assigned.remove(&(i as u32)).unwrap_or_default();
                teams.sort_unstable();
                let load = figures.load[i];
                Engineer {
                    id: person.id.clone(),
                    name: person.name.to_string(),
                    title: person.title.to_string(),
                    level: person.level.to_string(),
                    placement: input.placement(i),
                    home: (input.team[i] != NO_TEAM).then_some(input.team[i]),
                    assigned: teams,
                    load,
                    overloaded: load > max_load,
                }
            })
            .collect();
        let teams: Vec<TeamCoverage> = org
            .teams()
            .iter()
            .enumerate()
            .map(|(t, team)| TeamCoverage {
                id: team.id.clone(),
                name: team.name.clone(),
                kind: team.kind,
                department: team.department.clone(),
                headcount: figures.headcount[t],
                supporters: figures.supporters[t],
                covered: team.kind.counts_for_coverage() && figures.supporters[t] > 0,
            })
            .collect();
        let summary = PlacementSummary::of(&engineers, &teams, max_load);
        Board {
            engineers,
            teams,
            summary,
        }
    }
}

impl PlacementSummary {
    fn of(engineers: &[Engineer], teams: &[TeamCoverage], max_load: u32) -> PlacementSummary {
        let considered = teams
            .iter()
            .filter(|t| t.kind.counts_for_coverage())
            .count() as u64;
        let covered = teams.iter().filter(|t| t.covered).count() as u64;
        let by = |placement| {
            engineers
                .iter()
                .filter(|e| e.placement == placement)
                .count() as u64
        };
        let top = engineers.iter().map(|e| e.load).max().unwrap_or(0) as usize;
        let mut load_histogram = vec![0u64; top + 1];
        for engineer in engineers {
            load_histogram[engineer.load as usize] += 1;
        }
        PlacementSummary {
            teams: considered,
            covered,
            uncovered: considered - covered,
            coverage_ratio: (considered > 0).then(|| covered as f64 / considered as f64),
            staff_plus: engineers.len() as u64,
            embedded: by(Placement::Embedded),
            central: by(Placement::Central),
            unplaced: by(Placement::Unplaced),
            max_load,
            overloaded: engineers.iter().filter(|e| e.overloaded).count() as u64,
            load_histogram,
        }
    }
}

/// The changes that turn `org` (whose board is `board`) into `what_if`,
/// and the engineers the rule leaves where they are.
pub fn what_if_changes(org: &Org, board: &Board, what_if: WhatIf) -> (Vec<Change>, Vec<PersonId>) {
    match what_if {
        WhatIf::AsIs => (Vec::new(), Vec::new()),
        WhatIf::AllCentral => (
            central::all_central(org, board, HomeSupport::Keep),
            Vec::new(),
        ),
        WhatIf::AllCentralDropHomeSupport => (
            central::all_central(org, board, HomeSupport::Drop),
            Vec::new(),
        ),
        WhatIf::AllEmbedded => all_embedded(org, board),
    }
}

/// Everyone central or unplaced moves into one of the non-architecture
/// teams they are assigned to: the one with the fewest staff+ supporters
/// today (where an embedded engineer helps most), then the largest, then
/// the first. With no such assignment, their manager's team if it is a
/// product team; otherwise they stay and are reported. Assignments are
/// kept (the one to the new home team becomes implicit).
fn all_embedded(org: &Org, board: &Board) -> (Vec<Change>, Vec<PersonId>) {
    let product = |t: u32| board.teams[t as usize].kind.counts_for_coverage();
    let mut changes = Vec::new();
    let mut left = Vec::new();
    for engineer in board
        .engineers
        .iter()
        .filter(|e| e.placement != Placement::Embedded)
    {
        let assigned = engineer
            .assigned
            .iter()
            .copied()
            .filter(|&t| product(t))
            .min_by_key(|&t| {
                let team = &board.teams[t as usize];
                (team.supporters, std::cmp::Reverse(team.headcount), t)
            })
            .map(|t| board.teams[t as usize].id.clone());
        let managers_team = || {
            let manager = org.person(org.manager_of(&engineer.id)?)?;
            let team = manager.team.as_ref()?;
            (org.team(team)?.kind.counts_for_coverage()).then(|| team.clone())
        };
        match assigned.or_else(managers_team) {
            Some(team) => changes.push(Change::EditPerson {
                person: engineer.id.clone(),
                edit: PersonEdit::Team(Some(team)),
                was: None,
            }),
            None => left.push(engineer.id.clone()),
        }
    }
    (changes, left)
}

/// `base`, or `base-2`, `base-3`, … : the first id no team has.
pub(crate) fn unused_team_id(org: &Org, base: &str) -> TeamId {
    std::iter::once(base.to_string())
        .chain((2u32..).map(|n| format!("{base}-{n}")))
        .map(|id| TeamId::from(id.as_str()))
        .find(|id| org.team(id).is_none())
        .unwrap_or_else(|| TeamId::from(base))
}

impl Preview {
    /// The board of `org` under `what_if`: the changes are applied to a
    /// copy, so the org itself is untouched and nothing is persisted.
    pub fn of(org: &Org, view: View, what_if: WhatIf) -> Result<Preview> {
        let before = Board::of(org, view);
        let (changes, left_in_place) = what_if_changes(org, &before, what_if);
        let board = board_after(org, view, &changes)?.unwrap_or_else(|| before.clone());
        // An all-central preview also says what the other choice gives.
        let home_support = match what_if.home_support() {
            Some(shown) => {
                let other = WhatIf::all_central(shown.other());
                let (other_changes, _) = what_if_changes(org, &before, other);
                let other_summary = board_after(org, view, &other_changes)?
                    .unwrap_or(before)
                    .summary;
                Some(HomeSupportOutcomes::of(
                    shown,
                    board.summary.clone(),
                    other_summary,
                ))
            }
            None => None,
        };
        Ok(Preview {
            what_if,
            board,
            changes,
            left_in_place,
            home_support,
        })
    }
}

/// The board of a copy of `org` with `changes` applied; `None` when there
/// are none (the board is `org`'s own).
fn board_after(org: &Org, view: View, changes: &[Change]) -> Result<Option<Board>> {
    if changes.is_empty() {
        return Ok(None);
    }
    let mut copy = org.clone();
    for change in changes {
        scenario::apply(&mut copy, change)?;
    }
    Ok(Some(Board::of(&copy, view)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ladder, Person, Policy, Status, Team};
    use proptest::prelude::*;

    fn team(id: &str, kind: TeamKind) -> Team {
        Team {
            id: TeamId::from(id),
            name: id.to_uppercase(),
            kind,
            lead: None,
            department: Some("Eng".into()),
        }
    }

    /// `spec`: (id, level, home team, status) per person, all roots.
    pub(super) fn org(teams: &[(&str, TeamKind)], people: &[(&str, &str, Option<&str>)]) -> Org {
        let mut org = Org::new();
        org.ladder = Ladder::default();
        org.policy = Policy {
            max_load: 2,
            ..Policy::default()
        };
        for &(id, kind) in teams {
            org.add_team(team(id, kind)).expect("team");
        }
        for &(id, level, home) in people {
            let mut person = Person::new(id);
            person.name = format!("Name {id}").into();
            person.level = level.into();
            person.title = "Engineer".into();
            person.status = Status::Active;
            person.team = home.map(TeamId::from);
            org.add_person(person).expect("person");
        }
        org
    }

    pub(super) fn support(org: &mut Org, person: &str, team: &str) {
        org.add_support(&PersonId::from(person), &TeamId::from(team))
            .expect("support");
    }

    pub(super) fn engineer<'a>(board: &'a Board, id: &str) -> &'a Engineer {
        board
            .engineers
            .iter()
            .find(|e| e.id.as_str() == id)
            .expect("on the board")
    }

    pub(super) fn sample() -> Org {
        let mut org = org(
            &[
                ("pay", TeamKind::StreamAligned),
                ("web", TeamKind::StreamAligned),
                ("infra", TeamKind::Platform),
                ("arch", TeamKind::Architecture),
            ],
            &[
                ("s1", "IC4", Some("pay")),
                ("s2", "IC5", Some("arch")),
                ("s3", "IC6", None),
                ("e1", "IC3", Some("web")),
            ],
        );
        support(&mut org, "s1", "web");
        support(&mut org, "s2", "web");
        support(&mut org, "s2", "infra");
        support(&mut org, "s2", "pay");
        support(&mut org, "s3", "infra");
        org
    }

    #[test]
    fn the_board_lists_staff_plus_with_placement_and_load() {
        let board = Board::of(&sample(), View::Current);
        assert_eq!(board.engineers.len(), 3, "e1 is not staff+");
        let s1 = engineer(&board, "s1");
        assert_eq!(s1.placement, Placement::Embedded);
        assert_eq!(s1.home, Some(0));
        assert_eq!(s1.assigned, vec![1]);
        assert_eq!(s1.load, 2);
        assert!(!s1.overloaded);
        let s2 = engineer(&board, "s2");
        assert_eq!(s2.placement, Placement::Central);
        assert_eq!(s2.load, 3);
        assert!(s2.overloaded, "max load is 2");
        assert_eq!(engineer(&board, "s3").placement, Placement::Unplaced);
        let s = &board.summary;
        assert_eq!((s.teams, s.covered, s.uncovered), (3, 3, 0));
        assert_eq!(
            (s.embedded, s.central, s.unplaced, s.overloaded),
            (1, 1, 1, 1)
        );
        assert_eq!(s.load_histogram, vec![0, 1, 1, 1]);
        assert_eq!(board.teams[1].supporters, 2);
        assert!(
            !board.teams[3].covered,
            "an architecture group is never covered"
        );
    }

    #[test]
    fn all_central_moves_everyone_into_the_architecture_group_and_keeps_assignments() {
        let org = sample();
        let preview =
            Preview::of(&org, View::Current, WhatIf::AllCentralDropHomeSupport).expect("preview");
        assert_eq!(preview.changes.len(), 2, "s1 and s3 move");
        let board = &preview.board;
        assert_eq!(board.summary.central, 3);
        assert!(board.engineers.iter().all(|e| e.home == Some(3)));
        // s1 no longer supports pay implicitly, but s2 is assigned to it.
        assert_eq!(engineer(board, "s1").load, 1);
        assert_eq!(board.summary.covered, 3);
        // The org itself is untouched.
        assert_eq!(Board::of(&org, View::Current).summary.central, 1);
    }

    #[test]
    fn all_central_creates_an_architecture_group_when_there_is_none() {
        let org = org(
            &[
                ("pay", TeamKind::StreamAligned),
                ("architecture", TeamKind::Platform),
            ],
            &[("s1", "IC4", Some("pay"))],
        );
        let preview =
            Preview::of(&org, View::Current, WhatIf::AllCentralDropHomeSupport).expect("preview");
        assert!(matches!(
            &preview.changes[0],
            Change::CreateTeam { team, team_kind: TeamKind::Architecture, .. }
                if team.as_str() == "architecture-2"
        ));
        assert_eq!(preview.board.summary.central, 1);
        assert_eq!(
            preview.board.summary.covered, 0,
            "pay lost its embedded engineer"
        );
    }

    #[test]
    fn all_embedded_picks_the_least_covered_assigned_team_then_the_managers() {
        let mut org = sample();
        org.add_person({
            let mut p = Person::new("m1");
            p.level = "M3".into();
            p.team = Some(TeamId::from("web"));
            p
        })
        .expect("manager");
        let mut lone = Person::new("s4");
        lone.level = "IC4".into();
        lone.team = Some(TeamId::from("arch"));
        org.add_person(lone).expect("s4");
        org.move_person(&PersonId::from("s4"), Some(&PersonId::from("m1")))
            .expect("moved");
        let mut stranded = Person::new("s5");
        stranded.level = "IC4".into();
        org.add_person(stranded).expect("s5");
        let preview = Preview::of(&org, View::Current, WhatIf::AllEmbedded).expect("preview");
        let board = &preview.board;
        // s2 supports web, infra and pay, two supporters each: web, with
        // e1 and m1, is the largest.
        assert_eq!(engineer(board, "s2").home, Some(1));
        assert_eq!(engineer(board, "s3").home, Some(2), "its only assignment");
        assert_eq!(engineer(board, "s4").home, Some(1), "its manager's team");
        assert_eq!(preview.left_in_place, vec![PersonId::from("s5")]);
        assert_eq!(board.summary.central, 0);
        assert_eq!(board.summary.unplaced, 1);
    }

    #[test]
    fn as_is_changes_nothing() {
        let org = sample();
        let preview = Preview::of(&org, View::Current, WhatIf::AsIs).expect("preview");
        assert!(preview.changes.is_empty());
        assert_eq!(preview.board, Board::of(&org, View::Current));
    }

    /// Random orgs of up to 4 teams (any kinds) and 12 people (levels
    /// IC3–IC6, any home team or none) with random assignments.
    pub(super) fn arb_org() -> impl Strategy<Value = Org> {
        let kinds = prop::collection::vec(0u8..4, 1..5);
        let people = prop::collection::vec((3u8..7, prop::option::of(0usize..4)), 0..12);
        let pairs = prop::collection::vec((0usize..12, 0usize..4), 0..20);
        (kinds, people, pairs).prop_map(|(kinds, people, pairs)| {
            let kind = |k: u8| match k {
                0 => TeamKind::StreamAligned,
                1 => TeamKind::Platform,
                2 => TeamKind::Enabling,
                _ => TeamKind::Architecture,
            };
            let ids: Vec<String> = (0..kinds.len()).map(|t| format!("t{t}")).collect();
            let teams: Vec<(&str, TeamKind)> = ids
                .iter()
                .zip(&kinds)
                .map(|(id, &k)| (id.as_str(), kind(k)))
                .collect();
            let names: Vec<(String, String, Option<String>)> = people
                .iter()
                .enumerate()
                .map(|(i, &(level, home))| {
                    (
                        format!("p{i}"),
                        format!("IC{level}"),
                        home.filter(|&h| h < kinds.len()).map(|h| ids[h].clone()),
                    )
                })
                .collect();
            let specs: Vec<(&str, &str, Option<&str>)> = names
                .iter()
                .map(|(id, level, home)| (id.as_str(), level.as_str(), home.as_deref()))
                .collect();
            let mut org = org(&teams, &specs);
            for (person, t) in pairs {
                let staff_plus = names
                    .get(person)
                    .is_some_and(|(_, level, _)| level.as_str() >= "IC4");
                if staff_plus && t < kinds.len() {
                    support(&mut org, &names[person].0, &ids[t]);
                }
            }
            org
        })
    }

    /// Recounts a board from the org by brute force, pair by pair.
    fn check_against_naive_recount(org: &Org, board: &Board) {
        let non_arch = |t: &TeamId| {
            org.team(t)
                .is_some_and(|team| team.kind.counts_for_coverage())
        };
        let mut supporters: FxHashMap<TeamId, u64> = FxHashMap::default();
        for engineer in &board.engineers {
            let person = org.person(&engineer.id).expect("exists");
            let mut teams: Vec<TeamId> = org
                .support_assignments()
                .iter()
                .filter(|(p, _)| p == &engineer.id)
                .map(|(_, t)| t.clone())
                .collect();
            teams.extend(person.team.clone());
            teams.retain(&non_arch);
            teams.sort();
            teams.dedup();
            assert_eq!(engineer.load as usize, teams.len(), "{}", engineer.id);
            assert_eq!(engineer.overloaded, engineer.load > org.policy.max_load);
            for team in teams {
                *supporters.entry(team).or_default() += 1;
            }
        }
        let covered = org
            .teams()
            .iter()
            .filter(|t| t.kind.counts_for_coverage() && supporters.contains_key(&t.id))
            .count() as u64;
        let considered = org
            .teams()
            .iter()
            .filter(|t| t.kind.counts_for_coverage())
            .count() as u64;
        let s = &board.summary;
        assert_eq!(
            (s.covered, s.teams, s.uncovered),
            (covered, considered, considered - covered)
        );
        assert_eq!(s.embedded + s.central + s.unplaced, s.staff_plus);
        assert_eq!(s.load_histogram.iter().sum::<u64>(), s.staff_plus);
        for team in &board.teams {
            if team.kind.counts_for_coverage() {
                assert_eq!(
                    team.supporters,
                    supporters.get(&team.id).copied().unwrap_or(0)
                );
            }
        }
    }

    proptest! {
        #[test]
        fn what_if_invariants(org in arb_org()) {
            for what_if in WhatIf::ALL {
                let preview = Preview::of(&org, View::Current, what_if).expect("applies");
                let mut copy = org.clone();
                for change in &preview.changes {
                    scenario::apply(&mut copy, change).expect("the saved changes apply");
                }
                prop_assert_eq!(&Board::of(&copy, View::Current), &preview.board);
                check_against_naive_recount(&copy, &preview.board);
                let s = &preview.board.summary;
                prop_assert_eq!(s.staff_plus, Board::of(&org, View::Current).summary.staff_plus);
                match what_if {
                    WhatIf::AsIs => prop_assert!(preview.changes.is_empty()),
                    WhatIf::AllCentral | WhatIf::AllCentralDropHomeSupport => {
                        prop_assert_eq!(s.embedded, 0);
                        prop_assert_eq!(s.unplaced, 0);
                        prop_assert_eq!(s.central, s.staff_plus);
                        let outcomes = preview.home_support.as_ref().expect("both outcomes");
                        let shown = match what_if {
                            WhatIf::AllCentral => &outcomes.kept,
                            _ => &outcomes.dropped,
                        };
                        prop_assert_eq!(shown, s);
                    }
                    WhatIf::AllEmbedded => {
                        prop_assert_eq!(s.central + s.unplaced, preview.left_in_place.len() as u64);
                    }
                }
            }
        }
    }
}
