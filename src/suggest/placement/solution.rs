//! Reading the optimal flow back as support decisions per engineer.

use super::flow::FlowCost;
use super::instance::{Instance, Reach};
use super::network::{Built, PoolTarget};
use crate::error::{OrgError, Result};

/// What the optimum decides for one engineer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Decision {
    /// Droppable support kept, and dropped (team indices).
    pub kept: Vec<u32>,
    pub dropped: Vec<u32>,
    /// New assignments, ascending.
    pub added: Vec<u32>,
    /// Moves into the architecture group (`allow_replace`).
    pub replaced: bool,
}

/// The decisions, one per [`Instance::engineers`], and the teams covered
/// once they are applied.
#[derive(Debug, Clone)]
pub(super) struct Solution {
    pub decisions: Vec<Decision>,
    pub covered: Vec<bool>,
}

fn inconsistent(what: String) -> OrgError {
    OrgError::InvalidInput(format!(
        "the placement optimiser found an inconsistent optimum ({what}); please report it"
    ))
}

impl Solution {
    pub fn of<C: FlowCost>(instance: &Instance, built: &Built<C>) -> Result<Solution> {
        let network = &built.network;
        let mut decisions = vec![Decision::default(); instance.engineers.len()];
        let mut units = vec![0u32; instance.counts.len()];
        let mut kept_open = vec![Vec::new(); instance.engineers.len()];
        for &(from, team) in &built.keep {
            if network.flow(from.arc) > 0 {
                kept_open[from.engineer].push(team);
                units[team as usize] += 1;
            }
        }
        let mut kept_covered = vec![0i64; instance.engineers.len()];
        for from in &built.keep_covered {
            kept_covered[from.engineer] = network.flow(from.arc);
        }
        for (index, engineer) in instance.engineers.iter().enumerate() {
            let decision = &mut decisions[index];
            // Of the support kept on teams covered anyway, the home team
            // first (keeping it avoids a move), then in team order.
            let mut covered_anyway: Vec<u32> = engineer
                .droppable()
                .filter(|&t| !instance.open(t))
                .collect();
            covered_anyway.sort_by_key(|&t| (t != engineer.home, t));
            let keep = kept_covered[index] as usize;
            decision
                .kept
                .extend(&covered_anyway[..keep.min(covered_anyway.len())]);
            decision.kept.extend(&kept_open[index]);
            decision.dropped = engineer
                .droppable()
                .filter(|t| !decision.kept.contains(t))
                .collect();
            decision.replaced = engineer.replaceable
                && engineer.home_counts
                && decision.dropped.contains(&engineer.home);
        }
        Self::pair_pools(instance, built, &mut decisions, &mut units)?;
        let covered = (0..instance.counts.len())
            .map(|t| instance.counts[t] && (instance.fixed[t] > 0 || units[t] > 0))
            .collect();
        Ok(Solution { decisions, covered })
    }

    /// The (pool, team) pairs the pools' flow reaches: a group's flow goes
    /// to its teams ascending, the pools in order (the group's department
    /// first), so the units of a group are distinct teams.
    fn served_teams<C: FlowCost>(built: &Built<C>) -> Result<Vec<(Reach, u32)>> {
        let network = &built.network;
        let mut next_in_group = vec![0usize; built.groups.len()];
        let mut served = Vec::new();
        for &(reach, target, arc) in &built.from_pool {
            let flow = network.flow(arc).max(0) as usize;
            match target {
                PoolTarget::Team(team) => served.extend((flow > 0).then_some((reach, team))),
                PoolTarget::Group(g) => {
                    let teams = &built.groups[g as usize];
                    let start = next_in_group[g as usize];
                    let end = start + flow;
                    if end > teams.len() {
                        return Err(inconsistent("a group gets more than its teams".into()));
                    }
                    served.extend(teams[start..end].iter().map(|&team| (reach, team)));
                    next_in_group[g as usize] = end;
                }
            }
        }
        Ok(served)
    }

    /// Splits each pool's flow into (engineer, team) pairs: engineers in
    /// order, each unit to the next team the pool serves, ascending. In an
    /// optimum a team served by a pool gets no other unit (one more costs
    /// W3 and gains nothing) and is none of the sending engineer's kept or
    /// dropped support (keeping that instead is cheaper), so any pairing
    /// gives distinct, new pairs; both are checked.
    fn pair_pools<C: FlowCost>(
        instance: &Instance,
        built: &Built<C>,
        decisions: &mut [Decision],
        units: &mut [u32],
    ) -> Result<()> {
        let network = &built.network;
        // Pools in order, each with its teams (ascending) and senders (in
        // engineer order): one sort each, not a scan per pool.
        let mut served = Self::served_teams(built)?;
        served.sort_unstable();
        let mut senders: Vec<(Reach, usize, bool, i64)> = built
            .to_pool
            .iter()
            .map(|&(from, reach, replacing)| {
                (reach, from.engineer, replacing, network.flow(from.arc))
            })
            .filter(|s| s.3 > 0)
            .collect();
        senders.sort_unstable();
        let mut next = served.iter().peekable();
        for &(reach, index, replacing, flow) in &senders {
            for _ in 0..flow {
                let team = match next.next() {
                    Some(&(r, team)) if r == reach => team,
                    _ => return Err(inconsistent("a pool sends more than it gets".into())),
                };
                units[team as usize] += 1;
                let engineer = &instance.engineers[index];
                if engineer.droppable().any(|t| t == team) || team == engineer.home {
                    return Err(inconsistent(format!("team {team} is already supported")));
                }
                let decision = &mut decisions[index];
                decision.added.push(team);
                decision.replaced |= replacing;
            }
        }
        if next.next().is_some() {
            return Err(inconsistent("a pool gets more than it sends".into()));
        }
        for decision in decisions.iter_mut() {
            decision.added.sort_unstable();
            for &team in &decision.added {
                if units[team as usize] != 1 {
                    return Err(inconsistent(format!(
                        "team {team} gets a needless assignment"
                    )));
                }
            }
        }
        Ok(())
    }
}
