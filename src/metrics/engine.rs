//! Incremental metrics: after one person moves to a new manager only the
//! moved subtree, the two managers and their chains of command change, so
//! only those are touched.
//!
//! Cost of [`MetricsEngine::apply_move`] for a person with subtree size `s`,
//! old and new effective managers at depths `d_old` and `d_new`, and an old
//! manager with `k` direct reports: O(s + d_old + d_new + k). Teams and
//! coverage do not depend on reporting lines and are not recomputed.

use super::compute::LineState;
use super::coverage::TeamFigures;
use super::input::MetricsInput;
use super::{Metrics, View};
use crate::model::{Org, NO_PARENT};

/// What one incremental update touched, for tests and benchmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MoveCost {
    /// People visited in the moved subtree.
    pub subtree: u64,
    /// Ancestors updated along the old and new chains of command.
    pub ancestors: u64,
    /// Siblings scanned to unlink the person from the old manager.
    pub siblings: u64,
}

impl MoveCost {
    pub fn total(&self) -> u64 {
        self.subtree + self.ancestors + self.siblings
    }
}

#[derive(Debug, Clone)]
pub struct MetricsEngine {
    view: View,
    input: MetricsInput,
    parent: Vec<u32>,
    /// Children lists, built on the first move so that a plain full compute
    /// never pays for them.
    children: Option<Vec<Vec<u32>>>,
    state: LineState,
    /// Teams and coverage: unchanged by moves.
    teams: TeamFigures,
    /// Coverage aggregates, computed once: moves do not change them.
    coverage: super::Coverage,
    /// Team-size verdict counts: moves do not change them either.
    team_size: super::TeamSizeStats,
}

impl MetricsEngine {
    pub fn new(org: &Org, view: View) -> MetricsEngine {
        let input = MetricsInput::from_org(org);
        let state = LineState::build(&input, view);
        let teams = TeamFigures::compute(&input, &state.included);
        let coverage = teams.coverage_summary(org, &input, &state.included);
        let team_size = super::TeamSizeStats::of(&teams.headcount, &org.policy);
        MetricsEngine {
            coverage,
            team_size,
            teams,
            view,
            parent: input.forest.parents().to_vec(),
            input,
            children: None,
            state,
        }
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// The full metrics. O(n): it lists every manager and team. `org` must
    /// be the org this engine tracks.
    pub fn metrics(&self, org: &Org) -> Metrics {
        self.state.metrics(org, &self.input, &self.teams, self.view)
    }

    /// Every aggregate figure without the per-manager, per-team and
    /// per-engineer lists: O(largest span + layers), so an edit can be
    /// snapshotted in microseconds at any size.
    pub fn summary(&self, org: &Org) -> Metrics {
        self.state.summary(
            &org.policy,
            self.coverage.clone(),
            self.team_size,
            self.view,
        )
    }

    /// Every team's row for the Teams view: O(teams), from the team figures
    /// this engine keeps.
    pub fn team_rows(&self, org: &Org) -> Vec<super::TeamRow> {
        super::teams::rows(org, &self.teams)
    }

    /// The dashboard's aggregates (out-of-band managers, staff+ load
    /// distribution, headcount and cost by group) as the org stands: O(n)
    /// over arrays already held, plus sorting the groups.
    pub fn dashboard(&self, org: &Org, query: &super::DashboardQuery) -> super::Dashboard {
        super::dashboard::build(org, &self.input, &self.state, &self.teams, query)
    }

    /// Direct-report count of a person (0 outside the view).
    pub fn span_of(&self, person: u32) -> u32 {
        self.state.span[person as usize]
    }

    pub fn layer_of(&self, person: u32) -> u32 {
        self.state.layer[person as usize]
    }

    pub fn total_reports_of(&self, person: u32) -> u64 {
        self.state.subtree_count[person as usize]
    }

    /// The current parent array (after every applied move).
    pub fn parents(&self) -> &[u32] {
        &self.parent
    }

    #[cfg(test)]
    pub(crate) fn state(&self) -> &LineState {
        &self.state
    }

    fn nearest_included(&self, mut node: u32) -> u32 {
        while node != NO_PARENT && !self.state.included[node as usize] {
            node = self.parent[node as usize];
        }
        node
    }

    /// Records that `person` now reports to `new_parent` (`None` for a
    /// root). The caller has already checked that this keeps a forest.
    pub fn apply_move(&mut self, person: u32, new_parent: Option<u32>) -> MoveCost {
        let mut cost = MoveCost::default();
        let new_parent = new_parent.unwrap_or(NO_PARENT);
        let old_parent = self.parent[person as usize];
        if old_parent == new_parent {
            return cost;
        }
        cost.siblings = self.relink(person, old_parent, new_parent);

        let old_eff = self.nearest_included(old_parent);
        let new_eff = self.nearest_included(new_parent);
        if old_eff == new_eff {
            return cost;
        }
        let state = &mut self.state;
        let Some(children) = self.children.as_ref() else {
            return cost;
        };
        let frontier = reassign_effective_parent(state, children, person, new_eff, &mut cost);
        let moved = frontier.len() as u32;
        if moved == 0 {
            return cost;
        }
        let moved_count: u64 = frontier
            .iter()
            .map(|&f| state.subtree_count[f as usize] + 1)
            .sum();
        let moved_cost: i64 = frontier
            .iter()
            .map(|&f| state.subtree_cost[f as usize])
            .sum();
        move_span(state, old_eff, new_eff, moved);
        cost.ancestors += roll_up(state, old_eff, |count, cost| {
            *count -= moved_count;
            *cost -= moved_cost;
        });
        cost.ancestors += roll_up(state, new_eff, |count, cost| {
            *count += moved_count;
            *cost += moved_cost;
        });
        shift_layers(state, children, person, (old_eff, new_eff), &mut cost);
        cost
    }

    /// Moves `person` from `old_parent`'s children to `new_parent`'s (either
    /// may be `NO_PARENT`), building the children lists on the first move.
    /// Returns how many siblings were scanned.
    fn relink(&mut self, person: u32, old_parent: u32, new_parent: u32) -> u64 {
        let mut scanned = 0;
        let children = self.children.get_or_insert_with(|| {
            let mut lists = vec![Vec::new(); self.parent.len()];
            for (child, &p) in self.parent.iter().enumerate() {
                if p != NO_PARENT {
                    lists[p as usize].push(child as u32);
                }
            }
            lists
        });
        if old_parent != NO_PARENT {
            let siblings = &mut children[old_parent as usize];
            scanned = siblings.len() as u64;
            siblings.retain(|&c| c != person);
        }
        if new_parent != NO_PARENT {
            children[new_parent as usize].push(person);
        }
        self.parent[person as usize] = new_parent;
        scanned
    }
}

/// Gives everyone in `person`'s subtree down to the first included people
/// `new_eff` as effective manager, and returns those included people (the
/// frontier): they change effective manager, and the excluded people above
/// them get the new effective manager too.
fn reassign_effective_parent(
    state: &mut LineState,
    children: &[Vec<u32>],
    person: u32,
    new_eff: u32,
    cost: &mut MoveCost,
) -> Vec<u32> {
    let mut frontier = Vec::new();
    let mut stack = vec![person];
    while let Some(node) = stack.pop() {
        cost.subtree += 1;
        state.effective_parent[node as usize] = new_eff;
        if state.included[node as usize] {
            frontier.push(node);
        } else {
            stack.extend_from_slice(&children[node as usize]);
        }
    }
    frontier
}

/// Moves `moved` direct reports from `old_eff`'s span to `new_eff`'s, or
/// from and to the roots count for `NO_PARENT`.
fn move_span(state: &mut LineState, old_eff: u32, new_eff: u32, moved: u32) {
    if old_eff == NO_PARENT {
        state.roots -= u64::from(moved);
    } else {
        let span = state.span[old_eff as usize];
        set_span(state, old_eff, span - moved);
    }
    if new_eff == NO_PARENT {
        state.roots += u64::from(moved);
    } else {
        let span = state.span[new_eff as usize];
        set_span(state, new_eff, span + moved);
    }
}

/// Applies `update` to the subtree count and cost of `from` and each of its
/// effective managers up the chain of command; returns how many it updated.
#[inline]
fn roll_up(state: &mut LineState, from: u32, update: impl Fn(&mut u64, &mut i64)) -> u64 {
    let mut updated = 0;
    let mut up = from;
    while up != NO_PARENT {
        updated += 1;
        update(
            &mut state.subtree_count[up as usize],
            &mut state.subtree_cost[up as usize],
        );
        up = state.effective_parent[up as usize];
    }
    updated
}

/// Shifts the layers of everyone included in `person`'s subtree together,
/// by the difference between the effective managers' layers `(old, new)`,
/// keeping the layer histogram in step.
fn shift_layers(
    state: &mut LineState,
    children: &[Vec<u32>],
    person: u32,
    (old_eff, new_eff): (u32, u32),
    cost: &mut MoveCost,
) {
    let layer_at = |node: u32, layer: &[u32]| {
        if node == NO_PARENT {
            0
        } else {
            i64::from(layer[node as usize])
        }
    };
    let shift = layer_at(new_eff, &state.layer) - layer_at(old_eff, &state.layer);
    let mut stack = vec![person];
    while let Some(node) = stack.pop() {
        cost.subtree += 1;
        let node = node as usize;
        if state.included[node] {
            let old_layer = state.layer[node];
            let new_layer = (i64::from(old_layer) + shift) as u32;
            state.layer_histogram[old_layer as usize] -= 1;
            if state.layer_histogram.len() <= new_layer as usize {
                state.layer_histogram.resize(new_layer as usize + 1, 0);
            }
            state.layer_histogram[new_layer as usize] += 1;
            state.layer[node] = new_layer;
        }
        stack.extend_from_slice(&children[node]);
    }
    let layers = state.layers() as usize;
    state.layer_histogram.truncate(layers + 1);
}

fn set_span(state: &mut LineState, manager: u32, span: u32) {
    let old = state.span[manager as usize];
    if old > 0 {
        state.span_histogram[old as usize] -= 1;
    }
    if span > 0 {
        if state.span_histogram.len() <= span as usize {
            state.span_histogram.resize(span as usize + 1, 0);
        }
        state.span_histogram[span as usize] += 1;
    }
    state.span[manager as usize] = span;
    let top = state
        .span_histogram
        .iter()
        .rposition(|&c| c > 0)
        .unwrap_or(0);
    state.span_histogram.truncate(top + 1);
}
