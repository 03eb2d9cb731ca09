//! Team sizes and staff+ coverage. Neither changes when someone moves to a
//! new manager, so the incremental engine computes them once.

use super::input::{MetricsInput, NO_TEAM};
use super::{Coverage, StaffLoad, TeamStats};
use crate::model::{Org, Placement, TeamKind};
use crate::money::Money;

/// Each (staff+ person, non-architecture team) support pair, counted once:
/// explicit assignments plus an embedded engineer's home team.
fn support_pairs<'a>(
    input: &'a MetricsInput,
    included: &'a [bool],
) -> impl Iterator<Item = (u32, u32)> + 'a {
    let counts = move |person: u32, team: u32| {
        included[person as usize]
            && input.staff_plus[person as usize]
            && input.team_kinds[team as usize] != TeamKind::Architecture
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

pub(crate) fn team_stats(org: &Org, input: &MetricsInput, included: &[bool]) -> Vec<TeamStats> {
    let teams = org.teams();
    let mut headcount = vec![0u64; teams.len()];
    let mut cost = vec![0i64; teams.len()];
    for ((&team, &counted), &cents) in input.team.iter().zip(included).zip(&input.cost_cents) {
        if team != NO_TEAM && counted {
            headcount[team as usize] += 1;
            cost[team as usize] += cents;
        }
    }
    let mut support = vec![0u64; teams.len()];
    for (_, team) in support_pairs(input, included) {
        support[team as usize] += 1;
    }
    teams
        .iter()
        .enumerate()
        .map(|(i, team)| TeamStats {
            id: team.id.to_string(),
            name: team.name.clone(),
            kind: team.kind,
            headcount: headcount[i],
            cost: Money::from_cents(cost[i]),
            staff_plus_support: support[i],
            covered: team.kind != TeamKind::Architecture && support[i] > 0,
        })
        .collect()
}

pub(crate) fn coverage(org: &Org, input: &MetricsInput, included: &[bool]) -> Coverage {
    let max_load = org.policy.max_load;
    let mut load = vec![0u32; input.len()];
    let mut supporters = vec![0u64; input.team_kinds.len()];
    for (person, team) in support_pairs(input, included) {
        load[person as usize] += 1;
        supporters[team as usize] += 1;
    }
    let considered: Vec<usize> = (0..input.team_kinds.len())
        .filter(|&t| input.team_kinds[t] != TeamKind::Architecture)
        .collect();
    let covered = considered.iter().filter(|&&t| supporters[t] > 0).count() as u64;
    let uncovered_teams = considered
        .iter()
        .filter(|&&t| supporters[t] == 0)
        .map(|&t| org.teams()[t].id.to_string())
        .collect();

    let mut staff = Vec::new();
    let (mut embedded, mut central, mut unplaced, mut ic_engineers) = (0, 0, 0, 0);
    for (i, person) in org.people().enumerate() {
        if !included[i] {
            continue;
        }
        if !input.staff_plus[i] {
            ic_engineers += u64::from(input.ic_engineer[i]);
            continue;
        }
        let placement = input.placement(i);
        match placement {
            Placement::Embedded => embedded += 1,
            Placement::Central => central += 1,
            Placement::Unplaced => unplaced += 1,
        }
        staff.push(StaffLoad {
            id: person.id.to_string(),
            placement,
            load: load[i],
            overloaded: load[i] > max_load,
        });
    }
    let staff_plus = staff.len() as u64;
    let teams = considered.len() as u64;
    Coverage {
        teams,
        covered,
        uncovered: teams - covered,
        coverage_ratio: (teams > 0).then(|| covered as f64 / teams as f64),
        staff_plus,
        embedded,
        central,
        unplaced,
        ic_engineers,
        staff_plus_to_ic_engineer_ratio: (ic_engineers > 0)
            .then(|| staff_plus as f64 / ic_engineers as f64),
        max_load,
        overloaded: staff.iter().filter(|s| s.overloaded).count() as u64,
        load: staff,
        uncovered_teams,
    }
}
