//! The staff+ placement optimiser: support assignments that cover the most
//! teams (or people) with no engineer over the policy's max load, removing
//! the fewest existing assignments, then adding the fewest. Definitions:
//! docs/METRICS.md, "Suggestions".
//!
//! The instance ([`instance`]) is read from the coverage metrics' own
//! inputs, in the current view. It becomes a min-cost flow network
//! ([`network`]) whose lexicographic costs make the least-cost flow optimal
//! for coverage first, then removals, then (with `allow_replace`) moves into
//! the architecture group, then additions; [`flow`] solves it exactly and
//! [`solution`] reads it back, checking the invariants that make pool flow
//! split into distinct new (engineer, team) pairs. [`changes`] writes the
//! changes and reasons. The "after" figures are the metrics' team figures
//! of the org with the changes applied ([`after`] patches the metrics
//! input rather than copying the org; debug builds also measure a changed
//! copy and compare), checked against what the optimum promised.
//!
//! Exactness: covered teams (or people) and removals are optimal. With
//! `allow_replace`, the third level counts out-of-department new
//! assignments and dropped home teams rather than engineers moved, so the
//! number of replacements is minimal only as far as that proxy goes.
//! Ties (4) fall to the solver's fixed order: engineers in people order,
//! pool teams ascending.
//!
//! Performance: the network has one node per engineer, per reach (a
//! department or "any"), per open team someone may keep supporting and
//! per group of interchangeable open teams (same department and weight,
//! nobody's to keep), and O(engineers + teams + existing assignments)
//! arcs: no engineer × team arcs. At 1M people (≈ 43k engineers, ≈ 138k
//! teams) that is 96k nodes and 217k arcs with the default options, 171k
//! and 549k with `weight people` and `allow_replace` (distinct headcounts
//! make many small groups; droppable home teams stay single). The
//! solver's phases each cost one Dijkstra from the sink plus blocking
//! flows over the nodes it settled (`flow.rs` and `flow/search.rs` say
//! why from the sink, and how the arcs are laid out); costs are `i64`
//! where a bound proves they fit (`network.rs`). Reading the instance is
//! O(n) over the metrics' arrays, once; the "after" figures patch those
//! arrays and recount them (O(n), no strings, no copy of the org).
//!
//! Measured (`benches/placement.rs`, release, shared 2-core machine under
//! load from another engineer's builds), 10k / 100k / 1M people: default
//! 1.10 ms / 22.5 ms / 0.27 s, `weight people` 1.83 ms / 31.8 ms /
//! 0.60 s, `allow_replace` 1.53 ms / 24.8 ms / 0.35 s, both 4.23 ms /
//! 45.4 ms / 0.87 s: every option meets 20 ms at 10k and 1 s at 1M. The
//! phases are one per distinct augmenting path cost, so about one per
//! distinct team headcount and level below it: at 1M the default solves
//! in 5, `weight people` in 27, `allow_replace` in 4, both in 29. A
//! search from the source walked nearly the whole network in each (every
//! engineer with spare load reaches every open team at reduced cost 0),
//! which with i128 costs and per-arc indirection took the last case to
//! 3.98 s; reading the instance, writing the changes and the "after"
//! figures are the other ≈ 0.3 s.

mod after;
mod changes;
mod flow;
mod instance;
mod network;
mod solution;
#[cfg(test)]
mod tests;

use super::SuggestedChange;
use crate::error::{OrgError, Result};
use crate::metrics::{MetricsInput, TeamFigures};
use crate::model::{Org, PersonId};
use flow::{FlowCost, FlowError};
use serde::{Deserialize, Serialize};

/// Which teams an engineer may be assigned to.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// An embedded engineer supports teams of their home team's
    /// department; a central or unplaced one, any team.
    #[default]
    Department,
    /// Anyone supports any team.
    Org,
}

/// What the first objective counts.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Weight {
    /// Covered teams.
    #[default]
    Teams,
    /// People in covered teams.
    People,
}

/// What the user asks of the optimiser.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementOptions {
    pub scope: Scope,
    pub weight: Weight,
    /// Engineers whose assignments do not change.
    pub keep: Vec<PersonId>,
    /// Whether an engineer may move between embedded and central when
    /// that covers more.
    pub allow_replace: bool,
}

/// Coverage and load figures of one side of a suggestion.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CoverageFigures {
    /// Teams that count for coverage (architecture groups excluded).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub teams: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub covered_teams: u64,
    /// Counted people in those teams, and in the covered ones.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub people_in_teams: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub people_covered: u64,
    /// Counted staff+ engineers over the max load.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub overloaded: u64,
}

/// A suggested placement: the changes (each with its reason) over the org
/// it was computed for, and the figures before and after them.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PlacementSuggestion {
    pub changes: Vec<SuggestedChange>,
    pub before: CoverageFigures,
    pub after: CoverageFigures,
    /// Existing support assignments removed, and new ones added.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub removed: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub added: u64,
    /// Engineers moved between embedded and central (`allow_replace`).
    pub replaced: Vec<PersonId>,
    /// Counted staff+ engineers still over the max load afterwards, in
    /// people order: pinned ones, and embedded ones whose home team alone
    /// is over it (a max load of 0) unless they may move.
    pub still_overloaded: Vec<PersonId>,
}

/// The optimal placement for `org` under `options`.
pub fn suggest(org: &Org, options: &PlacementOptions) -> Result<PlacementSuggestion> {
    let instance = instance::Instance::of(org, options);
    let before = figures(org, &instance.input, &instance.included, &instance.figures);
    let levels = network::levels(&instance).ok_or_else(too_large)?;
    let solution = match levels.narrow {
        true => optimum::<i64>(&instance, &levels)?,
        false => optimum::<i128>(&instance, &levels)?,
    };
    let written = changes::write(org, &instance, &solution);
    let instance::Instance {
        mut input,
        included,
        engineers,
        pinned,
        ..
    } = instance;
    after::patch(org, &mut input, &written.changes).ok_or_else(|| {
        OrgError::InvalidInput("the placement optimiser wrote a change it cannot measure".into())
    })?;
    let after_figures = TeamFigures::compute(&input, &included);
    let after = figures(org, &input, &included, &after_figures);
    #[cfg(debug_assertions)]
    check_against_a_copy(org, &written.changes, &after)?;
    let overloaded: Vec<u32> = (0..input.len())
        .filter(|&p| included[p] && input.staff_plus[p])
        .filter(|&p| after_figures.load[p] > org.policy.max_load)
        .map(|p| p as u32)
        .collect();
    check_promise(&engineers, &pinned, &solution, &after, &overloaded)?;
    let people: Vec<&crate::model::Person> = org.people().collect();
    let still_overloaded = overloaded
        .iter()
        .map(|&p| people[p as usize].id.clone())
        .collect();
    Ok(PlacementSuggestion {
        changes: written.changes,
        before,
        after,
        removed: written.removed,
        added: written.added,
        replaced: written.replaced,
        still_overloaded,
    })
}

fn too_large() -> OrgError {
    OrgError::InvalidInput("the org is too large for the placement optimiser's costs".into())
}

/// The optimal flow on cost type `C`, read back as decisions.
fn optimum<C: FlowCost + TryFrom<i128>>(
    instance: &instance::Instance,
    levels: &network::Levels,
) -> Result<solution::Solution> {
    let mut built = network::build::<C>(instance, levels).ok_or_else(too_large)?;
    built
        .network
        .solve(built.source, built.sink)
        .map_err(|error| match error {
            FlowError::NotADag => {
                OrgError::InvalidInput("the placement network has a cycle".into())
            }
            FlowError::CapacityTooLarge => too_large(),
        })?;
    solution::Solution::of(instance, &built)
}

/// The safety check: the org after the changes covers what the optimum
/// promised, and the only engineers over the max load are those it could
/// not help (pinned, or whose home team alone is over it).
fn check_promise(
    engineers: &[instance::Engineer],
    pinned: &[u32],
    solution: &solution::Solution,
    after: &CoverageFigures,
    overloaded: &[u32],
) -> Result<()> {
    let promised = solution.covered.iter().filter(|&&c| c).count() as u64;
    let broken = |what: String| {
        OrgError::InvalidInput(format!(
            "the placement optimiser's changes do not give what it found ({what}); please report it"
        ))
    };
    if after.covered_teams != promised {
        return Err(broken(format!(
            "{promised} covered teams promised, {} after",
            after.covered_teams
        )));
    }
    let unhelped = |p: &u32| {
        pinned.contains(p) || engineers.iter().any(|e| e.position == *p && e.capacity < 0)
    };
    if let Some(p) = overloaded.iter().find(|p| !unhelped(p)) {
        return Err(broken(format!("person #{p} over the max load")));
    }
    Ok(())
}

/// Debug builds: the "after" figures equal those of a copy of the org
/// with the changes applied, read as the metrics read it.
#[cfg(debug_assertions)]
fn check_against_a_copy(
    org: &Org,
    changes: &[SuggestedChange],
    after: &CoverageFigures,
) -> Result<()> {
    let mut copy = org.clone();
    for suggested in changes {
        crate::scenario::apply(&mut copy, &suggested.change)?;
    }
    let input = MetricsInput::from_org(&copy);
    let included: Vec<bool> = input
        .status
        .iter()
        .map(|&s| crate::metrics::View::Current.includes(s))
        .collect();
    let teams = TeamFigures::compute(&input, &included);
    let measured = figures(&copy, &input, &included, &teams);
    if &measured != after {
        return Err(OrgError::InvalidInput(format!(
            "the placement's patched figures {after:?} differ from the changed org's {measured:?}"
        )));
    }
    Ok(())
}

/// The figures of one side, from the metrics' own team figures.
fn figures(
    org: &Org,
    input: &MetricsInput,
    included: &[bool],
    teams: &TeamFigures,
) -> CoverageFigures {
    let max_load = org.policy.max_load;
    let mut out = CoverageFigures::default();
    for (t, kind) in input.team_kinds.iter().enumerate() {
        if !kind.counts_for_coverage() {
            continue;
        }
        out.teams += 1;
        out.people_in_teams += teams.headcount[t];
        if teams.supporters[t] > 0 {
            out.covered_teams += 1;
            out.people_covered += teams.headcount[t];
        }
    }
    out.overloaded = (0..input.len())
        .filter(|&p| included[p] && input.staff_plus[p] && teams.load[p] > max_load)
        .count() as u64;
    out
}
