//! Org health checks: findings about the org on show, each with a stable
//! id, a severity, the people or teams concerned and one line saying why
//! it matters. Definitions: docs/METRICS.md, "Health checks".
//!
//! Everyone is counted as in the metrics' current view (`active` people,
//! effective managers); only `open-req-under-wide-manager` looks at open
//! reqs and planned hires. The span, coverage and team-size findings read
//! the metrics' own figures, so a finding's count always equals the figure
//! the metrics panel shows. O(people + teams).

mod checks;
mod guidance;
mod report;

pub use guidance::{LayerGuidance, LayerLimit, LayerStep};
pub use report::render_text;

use crate::metrics::{compute_with, Metrics, MetricsInput, View};
use crate::model::{Org, PersonId, Severity, TeamId};
use serde::{Deserialize, Serialize};

/// Every check, in the order findings are listed.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckId {
    SpanWide,
    SpanNarrow,
    SingleReportManager,
    Compression,
    DeepChain,
    UncoveredTeam,
    OverloadedStaffPlus,
    TeamWithoutLead,
    TeamSizeOutOfTarget,
    OpenReqUnderWideManager,
}

impl CheckId {
    pub const ALL: [CheckId; 10] = [
        CheckId::SpanWide,
        CheckId::SpanNarrow,
        CheckId::SingleReportManager,
        CheckId::Compression,
        CheckId::DeepChain,
        CheckId::UncoveredTeam,
        CheckId::OverloadedStaffPlus,
        CheckId::TeamWithoutLead,
        CheckId::TeamSizeOutOfTarget,
        CheckId::OpenReqUnderWideManager,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::SpanWide => "span-wide",
            CheckId::SpanNarrow => "span-narrow",
            CheckId::SingleReportManager => "single-report-manager",
            CheckId::Compression => "compression",
            CheckId::DeepChain => "deep-chain",
            CheckId::UncoveredTeam => "uncovered-team",
            CheckId::OverloadedStaffPlus => "overloaded-staff-plus",
            CheckId::TeamWithoutLead => "team-without-lead",
            CheckId::TeamSizeOutOfTarget => "team-size-out-of-target",
            CheckId::OpenReqUnderWideManager => "open-req-under-wide-manager",
        }
    }

    /// An error when counted people are past a maximum the workspace sets
    /// (the span band's max, the layer guidance, the max staff+ load);
    /// everything else (below a minimum, something missing, a plan that
    /// would breach a maximum) is a warning.
    pub fn severity(self) -> Severity {
        match self {
            CheckId::SpanWide | CheckId::DeepChain | CheckId::OverloadedStaffPlus => {
                Severity::Error
            }
            _ => Severity::Warning,
        }
    }
}

impl std::fmt::Display for CheckId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding: what the check found, whom it concerns (people in the
/// org's order, teams in the org's team order) and why it matters.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthFinding {
    pub id: CheckId,
    pub severity: Severity,
    /// How many people or teams (or, for `compression`, manager and
    /// report pairs, one per report) the finding concerns. When the
    /// source names no team lead at all, `team-without-lead` counts every
    /// team and lists none: the finding is about the source, not a team.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub count: u64,
    pub people: Vec<PersonId>,
    pub teams: Vec<TeamId>,
    pub message: String,
}

/// Every finding about one org, in [`CheckId::ALL`] order; checks that
/// find nothing are left out.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    pub findings: Vec<HealthFinding>,
    /// The step of the layer guidance the `deep-chain` check held the org
    /// to, whether or not it found anyone: so the reader sees which
    /// guidance produced (or would produce) the finding.
    pub layers: LayerLimit,
}

impl Health {
    /// The most severe finding's severity; `None` when there is none.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    pub fn finding(&self, id: CheckId) -> Option<&HealthFinding> {
        self.findings.iter().find(|f| f.id == id)
    }
}

/// Every finding about `org`, with the metrics computed here.
pub fn check(org: &Org, guidance: &LayerGuidance) -> Health {
    let input = MetricsInput::from_org(org);
    let metrics = compute_with(org, &input, View::Current);
    check_with(org, &input, &metrics, guidance)
}

/// Every finding about `org`, from its extracted `input` and its full
/// metrics report in the current view (with the per-manager, per-team
/// and per-engineer lists, as [`crate::metrics::compute`] makes it).
pub fn check_with(
    org: &Org,
    input: &MetricsInput,
    metrics: &Metrics,
    guidance: &LayerGuidance,
) -> Health {
    debug_assert_eq!(metrics.view, View::Current, "checks count the current view");
    let found = checks::Found::new(org, input, metrics, guidance);
    Health {
        findings: CheckId::ALL
            .into_iter()
            .filter_map(|id| found.finding(id))
            .collect(),
        layers: guidance.limit(metrics.people),
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_reference;
