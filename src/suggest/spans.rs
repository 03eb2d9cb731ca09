//! Span rebalancing: moves that bring managers into the span band, with
//! the fewest managers left out of band, then the fewest people moved,
//! then the fewest open reqs; reported against a lower bound. Definitions:
//! docs/METRICS.md, "Suggestions", "Span rebalancing".
//!
//! Spans are counted as the metrics count them: the current view (`active`
//! people), each person under their effective manager (the nearest active
//! one above them). A manager is anyone with a span of at least one.
//!
//! # Moves
//! Within a *sibling group* (the managers whose effective manager is the
//! same person P):
//! 1. **flatten**: a manager with one report (when one is below the band)
//!    hands that report up to P, which widens P by one; taken only when
//!    P's own verdict does not get worse, so a flatten always fixes one
//!    more manager than it breaks;
//! 2. **transfer**: ICs (people with no reports in the current view) move
//!    from siblings above the band to siblings below it: first every
//!    narrow sibling that can be filled to the band minimum (smallest gap
//!    first, taking from the wide siblings' excess first), then every wide
//!    sibling that can shed its whole excess into the narrow ones left;
//! 3. **merge**: a sibling still below the band hands all its reports to
//!    the sibling where they fit best (in band at most, preferring one
//!    that reaches the band); the emptied manager is flagged, not removed;
//! 4. **split**: a sibling still above the band gets as many open reqs as
//!    it needs (usually one), each taking between min and max of its ICs,
//!    so that it and the reqs end in band once the reqs are filled.
//!
//! Roots (no manager) can only be split.
//!
//! Nobody moves twice; staff+ engineers, pinned people, and (without
//! `move_across_teams`) people whose home team differs from the receiving
//! manager's do not move. An open req's team is its manager's.
//!
//! # Algorithm, exactness
//! Groups are solved one at a time, bottom-up (deepest parents first), so a
//! group sees its parent's span after the flattens below it. Each group is
//! solved **greedily** by the steps above, in three orders tried from the
//! same start (transfers first; flattens first; flattens and merges
//! first), keeping the one that leaves the fewest managers out of band in
//! the group and its parent, then the fewest moves, then the fewest reqs.
//! Every step is taken only when it strictly lowers the number of managers
//! out of band (a step's gain is computed on the spans as they stand), so
//! the result never has more managers out of band than the start.
//!
//! No exact solver is used: the moves mix individual people (teams, pins,
//! staff+) with counts, which no maintained pure-Rust crate models
//! directly, and a group-level search is exponential in its ICs. The
//! greedy is measured instead, against a brute force over every
//! combination of the allowed moves (`spans/tests/brute.rs`): on 1,000
//! random single-group orgs of at most 12 people it reaches the optimum in
//! 982 and is one manager above it otherwise. The
//! [`SpanSuggestion::lower_bound`] says how far from the best a result can
//! be: an out-of-band manager counts towards it when no allowed move can
//! touch its span in the right direction at all (no movable IC, no
//! compatible sibling, no feasible split), and with a cap of N people
//! moved at least `before - 2N` stay out (one move fixes at most two
//! managers).
//!
//! With `max_moves`, the steps planned without a cap are taken again in
//! order of managers fixed per person moved (then as planned), each one
//! only if it still fits the budget and still lowers the count.
//!
//! # Open reqs and the figures
//! Open reqs are not counted in the current view: the people moved under a
//! new req still count under its manager there, so a split fixes nothing
//! the metrics panel shows until the req is filled. Hence two "after"
//! figures: [`SpanSuggestion::after`], the current view after the changes
//! (what the panel shows once they are applied: splits not fixed), and
//! [`SpanSuggestion::after_filled`], the same once each suggested req is
//! filled (its status set to active). The objective and the lower bound are
//! on the filled figures; without splits the two are equal.
//!
//! # Cost
//! O(n) to read the org, plus O(group members × their ICs) per group
//! (spans are 4-15 in practice), plus applying the changes to a copy of
//! the org and recomputing its reporting lines once for the figures.

mod bound;
mod emit;
mod plan;
#[cfg(test)]
mod tests;

use super::SuggestedChange;
use crate::error::{OrgError, Result};
use crate::model::{Org, PersonId};
use serde::{Deserialize, Serialize};

/// What the user asks of the rebalancing.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanOptions {
    /// The band as (min, max); the org's policy band when `None`.
    pub band: Option<(u32, u32)>,
    /// At most this many people moved; no limit when `None`.
    pub max_moves: Option<u32>,
    /// People who are not moved.
    pub keep: Vec<PersonId>,
    /// Whether people may move to a manager of another team.
    pub move_across_teams: bool,
    /// Whether a moved person's home team becomes the receiving
    /// manager's.
    pub teams_follow: bool,
}

/// Span figures of one side of a suggestion.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SpanFigures {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub managers: u64,
    /// Managers above and below the band.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub wide: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub narrow: u64,
}

impl SpanFigures {
    /// Managers above or below the band.
    pub fn out_of_band(&self) -> u64 {
        self.wide + self.narrow
    }
}

/// A suggested rebalancing: the changes (each with its reason), the
/// figures before and after, and how close to the best it is.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpanSuggestion {
    pub changes: Vec<SuggestedChange>,
    /// The current view today, and after the changes (open reqs not
    /// counted, as the metrics panel shows it).
    pub before: SpanFigures,
    pub after: SpanFigures,
    /// The current view after the changes once every suggested open req
    /// is filled: what the splits fix. Equals `after` when there is none.
    pub after_filled: SpanFigures,
    /// The band the suggestion aims at, as (min, max).
    pub band: (u32, u32),
    /// No rebalancing with the allowed moves leaves fewer managers out of
    /// band (reqs filled) than this.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub lower_bound: u64,
    /// People moved, and open reqs added for new managers.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub moved: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub open_reqs: u64,
    /// Managers left with no reports after a merge or a flatten: flagged
    /// for a decision, not removed.
    pub flagged: Vec<PersonId>,
}

/// The band `options` ask for, checked.
fn band_of(org: &Org, options: &SpanOptions) -> Result<(u32, u32)> {
    let (min, max) = options
        .band
        .unwrap_or((org.policy.band_min, org.policy.band_max));
    if min == 0 || min > max {
        return Err(OrgError::InvalidInput(format!(
            "band {min}-{max}: give MIN-MAX with 1 <= MIN <= MAX"
        )));
    }
    Ok((min, max))
}

/// The suggested rebalancing of `org` under `options`.
pub fn suggest(org: &Org, options: &SpanOptions) -> Result<SpanSuggestion> {
    let band = band_of(org, options)?;
    for id in &options.keep {
        if !org.contains(id) {
            return Err(OrgError::PersonNotFound(id.to_string()));
        }
    }
    let state = plan::State::new(org, options, band);
    let lower_bound = bound::lower_bound(&state, options.max_moves);
    let units = plan::plan(state.clone());
    let chosen = plan::select(&state, units, options.max_moves);
    emit::suggestion(org, options, band, &state, &chosen, lower_bound)
}
