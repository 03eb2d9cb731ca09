//! Team sizes and staff+ coverage. Neither changes when someone moves to a
//! new manager, so the incremental engine computes them once.

use super::input::{MetricsInput, NO_TEAM};
use super::{Coverage, StaffLoad, TeamStats};
use crate::model::{Org, Placement};
use crate::money::Money;
use std::sync::Arc;

/// Whether a coverage lists its uncovered teams or only counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Uncovered {
    Listed,
    Counted,
}

/// Each (staff+ person, non-architecture team) support pair, counted once:
/// explicit assignments plus an embedded engineer's home team.
fn support_pairs<'a>(
    input: &'a MetricsInput,
    included: &'a [bool],
) -> impl Iterator<Item = (u32, u32)> + 'a {
    let counts = move |person: u32, team: u32| {
        included[person as usize]
            && input.staff_plus[person as usize]
            && input.team_kinds[team as usize].counts_for_coverage()
    };
    let home = (0..input.len() as u32)
        .filter(move |&p| input.team[p as usize] != NO_TEAM)
        .map(move |p| (p, input.team[p as usize]))
        .filter(move |&(p, t)| counts(p, t));
    let explicit = input
        .support
        .iter()
        .copied()
        // The home team is already counted above.
        .filter(move |&(p, t)| input.team[p as usize] != t)
        .filter(move |&(p, t)| counts(p, t));
    home.chain(explicit)
}

/// Team and staff+ figures as plain arrays: everything the report needs,
/// without a single string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TeamFigures {
    pub headcount: Vec<u64>,
    pub cost: Vec<i64>,
    /// Counted staff+ engineers supporting each team.
    pub supporters: Vec<u64>,
    /// Non-architecture teams each person supports (staff+ only).
    pub load: Vec<u32>,
    pub embedded: u64,
    pub central: u64,
    pub unplaced: u64,
    pub ic_engineers: u64,
}

impl TeamFigures {
    pub fn compute(input: &MetricsInput, included: &[bool]) -> TeamFigures {
        let teams = input.team_kinds.len();
        let mut figures = TeamFigures {
            headcount: vec![0; teams],
            cost: vec![0; teams],
            supporters: vec![0; teams],
            load: vec![0; input.len()],
            embedded: 0,
            central: 0,
            unplaced: 0,
            ic_engineers: 0,
        };
        for (person, ((&team, &counted), &cents)) in input
            .team
            .iter()
            .zip(included)
            .zip(&input.cost_cents)
            .enumerate()
        {
            if !counted {
                continue;
            }
            if team != NO_TEAM {
                figures.headcount[team as usize] += 1;
                figures.cost[team as usize] += cents;
            }
            if input.staff_plus[person] {
                match input.placement(person) {
                    Placement::Embedded => figures.embedded += 1,
                    Placement::Central => figures.central += 1,
                    Placement::Unplaced => figures.unplaced += 1,
                }
            } else if input.ic_engineer[person] {
                figures.ic_engineers += 1;
            }
        }
        for (person, team) in support_pairs(input, included) {
            figures.load[person as usize] += 1;
            figures.supporters[team as usize] += 1;
        }
        figures
    }

    pub fn staff_plus(&self) -> u64 {
        self.embedded + self.central + self.unplaced
    }

    pub fn team_stats(&self, org: &Org) -> Vec<TeamStats> {
        org.teams()
            .iter()
            .enumerate()
            .map(|(i, team)| TeamStats {
                id: team.id.to_string(),
                name: team.name.clone(),
                kind: team.kind,
                headcount: self.headcount[i],
                cost: Money::from_cents(self.cost[i]),
                staff_plus_support: self.supporters[i],
                covered: team.kind.counts_for_coverage() && self.supporters[i] > 0,
            })
            .collect()
    }

    /// Coverage figures with the per-engineer `load` list left empty: what
    /// snapshots and the app's summary need, without O(n) strings.
    pub fn coverage_summary(&self, org: &Org, input: &MetricsInput, included: &[bool]) -> Coverage {
        self.summary_coverage(org, input, included, Uncovered::Listed)
    }

    /// [`TeamFigures::coverage_summary`] without the list of uncovered
    /// teams (their count stays): at a million people that list holds
    /// a hundred thousand shared ids, and comparing scenarios reads only
    /// the counts.
    pub fn coverage_counts(&self, org: &Org, input: &MetricsInput, included: &[bool]) -> Coverage {
        self.summary_coverage(org, input, included, Uncovered::Counted)
    }

    fn summary_coverage(
        &self,
        org: &Org,
        input: &MetricsInput,
        included: &[bool],
        uncovered: Uncovered,
    ) -> Coverage {
        let max_load = org.policy.max_load;
        let overloaded = (0..input.len())
            .filter(|&i| included[i] && input.staff_plus[i] && self.load[i] > max_load)
            .count() as u64;
        self.coverage_without_load(org, input, overloaded, uncovered)
    }

    fn coverage_without_load(
        &self,
        org: &Org,
        input: &MetricsInput,
        overloaded: u64,
        uncovered: Uncovered,
    ) -> Coverage {
        let max_load = org.policy.max_load;
        let considered =
            || (0..input.team_kinds.len()).filter(|&t| input.team_kinds[t].counts_for_coverage());
        let teams = considered().count() as u64;
        let covered = considered().filter(|&t| self.supporters[t] > 0).count() as u64;
        let uncovered_teams = match uncovered {
            Uncovered::Listed => considered()
                .filter(|&t| self.supporters[t] == 0)
                .map(|t| org.teams()[t].id.clone())
                .collect(),
            Uncovered::Counted => Arc::from([]),
        };
        let staff_plus = self.staff_plus();
        Coverage {
            teams,
            covered,
            uncovered: teams - covered,
            coverage_ratio: (teams > 0).then(|| covered as f64 / teams as f64),
            staff_plus,
            embedded: self.embedded,
            central: self.central,
            unplaced: self.unplaced,
            ic_engineers: self.ic_engineers,
            staff_plus_to_ic_engineer_ratio: (self.ic_engineers > 0)
                .then(|| staff_plus as f64 / self.ic_engineers as f64),
            max_load,
            overloaded,
            load: Vec::new(),
            uncovered_teams,
        }
    }

    pub fn coverage(&self, org: &Org, input: &MetricsInput, included: &[bool]) -> Coverage {
        let max_load = org.policy.max_load;
        let load: Vec<StaffLoad> = org
            .people()
            .enumerate()
            .filter(|&(i, _)| included[i] && input.staff_plus[i])
            .map(|(i, person)| StaffLoad {
                id: person.id.to_string(),
                placement: input.placement(i),
                load: self.load[i],
                overloaded: self.load[i] > max_load,
            })
            .collect();
        let overloaded = load.iter().filter(|s| s.overloaded).count() as u64;
        let mut coverage = self.coverage_without_load(org, input, overloaded, Uncovered::Listed);
        coverage.load = load;
        coverage
    }
}
