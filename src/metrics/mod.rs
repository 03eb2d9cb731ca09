//! Org metrics: span of control, layers, manager:IC ratio, team sizes,
//! staff+ coverage, headcount and cost. Exact definitions: docs/METRICS.md.
//!
//! Everything here is O(n) in the number of people. [`MetricsEngine`]
//! updates the reporting-line figures after a move in time proportional to
//! the moved subtree plus the depth of the old and new managers.

mod compute;
mod coverage;
mod dashboard;
mod engine;
mod input;
mod patch;
pub mod placement;
mod report;
mod summary;
mod teams;

pub(crate) use compute::LineState;
pub use compute::{compute, compute_with, summarise, Figures};
pub(crate) use coverage::TeamFigures;
pub use dashboard::{
    Breakdown, Dashboard, DashboardQuery, Group, GroupBy, OutOfBand, RankBy, Rest, MAX_OUT_OF_BAND,
    MAX_TOP,
};
pub use engine::{MetricsEngine, MoveCost};
pub use input::{MetricsInput, View, NO_TEAM};
pub use patch::BaseInput;
pub use report::render_text;
pub use summary::{CoverageSummary, DashboardCoverage, DashboardView, MetricsSummary};
pub use teams::{team_rows, SizeVerdict, TeamRow, TeamSizeStats};

use crate::model::{Finding, Placement, TeamKind};
use crate::money::Money;
use serde::{Deserialize, Serialize};

/// Whether the org's cost is known: some person has a cost. An org
/// imported from a file without a cost column has none, and its totals are
/// unknown rather than zero. Stops at the first person with a cost.
pub fn cost_known(org: &crate::model::Org) -> bool {
    org.people().any(|p| p.cost.is_some())
}

/// Which of the target band a manager's span falls in.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Narrow,
    InBand,
    Wide,
}

impl Verdict {
    pub fn of(span: u32, band_min: u32, band_max: u32) -> Verdict {
        if span < band_min {
            Verdict::Narrow
        } else if span > band_max {
            Verdict::Wide
        } else {
            Verdict::InBand
        }
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SpanStats {
    pub min: u32,
    pub median: f64,
    pub mean: f64,
    pub max: u32,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandStats {
    pub min: u32,
    pub max: u32,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub narrow: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub wide: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub in_band: u64,
    /// Managers with exactly one report (also counted in `narrow` when the
    /// band starts above 1).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub single_report: u64,
}

/// Number of managers with a given span.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanBucket {
    pub span: u32,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub managers: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagerSpan {
    pub id: String,
    pub span: u32,
    pub verdict: Verdict,
    /// Everyone below this manager (the whole subtree, not counting them).
    pub total_reports: u64,
    /// Cost of the subtree including the manager.
    pub subtree_cost: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamStats {
    pub id: String,
    pub name: String,
    pub kind: TeamKind,
    pub headcount: u64,
    pub cost: Money,
    /// Staff+ engineers supporting the team (home or assignment).
    pub staff_plus_support: u64,
    /// Only meaningful for non-architecture teams.
    pub covered: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffLoad {
    pub id: String,
    pub placement: Placement,
    /// Distinct non-architecture teams supported.
    pub load: u32,
    pub overloaded: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// Teams that are not architecture groups.
    pub teams: u64,
    pub covered: u64,
    pub uncovered: u64,
    /// covered / teams; `null` when there are no such teams.
    pub coverage_ratio: Option<f64>,
    pub staff_plus: u64,
    pub embedded: u64,
    pub central: u64,
    pub unplaced: u64,
    /// IC engineers who are not staff+.
    pub ic_engineers: u64,
    /// staff_plus / ic_engineers; `null` when there are no IC engineers.
    pub staff_plus_to_ic_engineer_ratio: Option<f64>,
    pub max_load: u32,
    pub overloaded: u64,
    pub load: Vec<StaffLoad>,
    /// Ids of the uncovered teams; shared ids rather than new strings,
    /// since a large org has a hundred thousand teams.
    pub uncovered_teams: std::sync::Arc<[crate::model::TeamId]>,
}

/// Every metric for one view of the org.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    pub view: View,
    pub people: u64,
    pub managers: u64,
    pub ics: u64,
    pub roots: u64,
    pub layers: u32,
    pub span: SpanStats,
    pub band: BandStats,
    /// ICs per manager; `null` when there are no managers.
    pub manager_ic_ratio: Option<f64>,
    pub cost: Money,
    pub span_histogram: Vec<SpanBucket>,
    /// People per layer, layer 1 first.
    pub people_per_layer: Vec<u64>,
    pub span_by_manager: Vec<ManagerSpan>,
    pub teams: Vec<TeamStats>,
    pub coverage: Coverage,
    /// Teams below, within and above the team-size target.
    pub team_size: TeamSizeStats,
    /// Validation warnings kept with the workspace or found on import.
    pub warnings: Vec<Finding>,
}

impl Metrics {
    /// The same metrics carrying the given warnings.
    pub fn with_warnings(mut self, warnings: &[Finding]) -> Metrics {
        self.warnings = warnings.to_vec();
        self
    }
}

#[cfg(test)]
mod tests;
