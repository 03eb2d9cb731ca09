//! The plan of one scenario as the app shows it: named, with the rows that
//! gather people without a team or department marked.

use super::{Figures, GroupPlan, Plan, NO_DEPARTMENT, NO_TEAM};
use serde::Serialize;

/// One team's or department's row, marked when it is the row of people
/// without one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanRow {
    #[serde(flatten)]
    pub group: GroupPlan,
    /// The `(no team)` or `(no department)` row.
    pub unassigned: bool,
}

/// A scenario's headcount plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanView {
    pub scenario: String,
    /// e.g. `2027-Q1`.
    pub quarters: Vec<String>,
    pub total: Vec<Figures>,
    pub departments: Vec<PlanRow>,
    pub teams: Vec<PlanRow>,
}

impl Plan {
    /// The plan as the app shows it, for `scenario`.
    pub fn into_view(self, scenario: &str) -> PlanView {
        let rows = |groups: Vec<GroupPlan>| {
            groups
                .into_iter()
                .map(|group| PlanRow {
                    unassigned: group.name == NO_TEAM || group.name == NO_DEPARTMENT,
                    group,
                })
                .collect()
        };
        PlanView {
            scenario: scenario.to_string(),
            quarters: self.quarters,
            total: self.total,
            departments: rows(self.departments),
            teams: rows(self.teams),
        }
    }
}
