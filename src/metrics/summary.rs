//! The app's views of [`Metrics`]: the metrics panel's summary and the
//! dashboard. Both leave out what the panel does not show and what would
//! grow with the org: the per-manager, per-team and per-engineer lists, and
//! the cost total (compensation stays off the panel; the dashboard shows cost
//! only grouped by team or department).

use super::{BandStats, Dashboard, Metrics, SpanBucket, SpanStats, TeamSizeStats};
use crate::import::{group_findings, FindingGroup};
use crate::model::TeamId;
use serde::Serialize;

/// Staff+ coverage of the (non-architecture) teams: [`super::Coverage`]
/// without the per-engineer load list.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageSummary {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub teams: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub covered: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub uncovered: u64,
    /// covered / teams; `null` when there are no such teams.
    pub coverage_ratio: Option<f64>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub staff_plus: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub embedded: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub central: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub unplaced: u64,
    /// IC engineers who are not staff+.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub ic_engineers: u64,
    /// staff_plus / ic_engineers; `null` when there are no IC engineers.
    pub staff_plus_to_ic_engineer_ratio: Option<f64>,
    pub max_load: u32,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub overloaded: u64,
    pub uncovered_teams: Vec<TeamId>,
}

/// The metrics panel's figures.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricsSummary {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub people: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub managers: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub ics: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub roots: u64,
    pub layers: u32,
    pub span: SpanStats,
    pub band: BandStats,
    /// ICs per manager; `null` when there are no managers.
    pub manager_ic_ratio: Option<f64>,
    pub span_histogram: Vec<SpanBucket>,
    /// People per layer, layer 1 first.
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub people_per_layer: Vec<u64>,
    pub coverage: CoverageSummary,
    pub team_size: TeamSizeStats,
    /// The warnings kept with the workspace, grouped by kind.
    pub warning_groups: Vec<FindingGroup>,
}

impl MetricsSummary {
    pub fn of(m: &Metrics) -> MetricsSummary {
        let c = &m.coverage;
        MetricsSummary {
            people: m.people,
            managers: m.managers,
            ics: m.ics,
            roots: m.roots,
            layers: m.layers,
            span: m.span,
            band: m.band,
            manager_ic_ratio: m.manager_ic_ratio,
            span_histogram: m.span_histogram.clone(),
            people_per_layer: m.people_per_layer.clone(),
            coverage: CoverageSummary {
                teams: c.teams,
                covered: c.covered,
                uncovered: c.uncovered,
                coverage_ratio: c.coverage_ratio,
                staff_plus: c.staff_plus,
                embedded: c.embedded,
                central: c.central,
                unplaced: c.unplaced,
                ic_engineers: c.ic_engineers,
                staff_plus_to_ic_engineer_ratio: c.staff_plus_to_ic_engineer_ratio,
                max_load: c.max_load,
                overloaded: c.overloaded,
                uncovered_teams: c.uncovered_teams.to_vec(),
            },
            team_size: m.team_size,
            warning_groups: group_findings(&m.warnings),
        }
    }
}

/// Every figure of the dashboard view of one scenario: the summary's
/// aggregates (no team lists, no warnings) beside the dashboard's groups.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DashboardView {
    /// The scenario on show.
    pub scenario: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub people: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub managers: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub ics: u64,
    pub layers: u32,
    /// ICs per manager; `null` when there are no managers.
    pub manager_ic_ratio: Option<f64>,
    pub span: SpanStats,
    pub band: BandStats,
    pub span_histogram: Vec<SpanBucket>,
    /// People per layer, layer 1 first.
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub people_per_layer: Vec<u64>,
    pub coverage: DashboardCoverage,
    pub dashboard: Dashboard,
}

/// Staff+ coverage counts (no team lists).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DashboardCoverage {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub teams: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub covered: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub uncovered: u64,
    /// covered / teams; `null` when there are no such teams.
    pub coverage_ratio: Option<f64>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub staff_plus: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub overloaded: u64,
    /// A staff+ engineer supporting more teams than this is overloaded.
    pub max_load: u32,
}

impl DashboardView {
    /// The dashboard of `scenario` from its summary metrics and aggregates.
    pub fn of(scenario: &str, summary: &Metrics, dashboard: Dashboard) -> DashboardView {
        let c = &summary.coverage;
        DashboardView {
            scenario: scenario.to_string(),
            people: summary.people,
            managers: summary.managers,
            ics: summary.ics,
            layers: summary.layers,
            manager_ic_ratio: summary.manager_ic_ratio,
            span: summary.span,
            band: summary.band,
            span_histogram: summary.span_histogram.clone(),
            people_per_layer: summary.people_per_layer.clone(),
            coverage: DashboardCoverage {
                teams: c.teams,
                covered: c.covered,
                uncovered: c.uncovered,
                coverage_ratio: c.coverage_ratio,
                staff_plus: c.staff_plus,
                overloaded: c.overloaded,
                max_load: c.max_load,
            },
            dashboard,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{compute, DashboardQuery, GroupBy, MetricsEngine, RankBy, View};
    use crate::model::{Finding, Ladder, Location, Org, Policy};

    fn keys(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    out.push(k.clone());
                    keys(v, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }

    fn generated(people: usize) -> Org {
        let records = crate::generate::generate(people, 1);
        let (org, _) =
            Org::from_records(records, "gen", Ladder::default(), Policy::default()).expect("valid");
        org
    }

    #[test]
    fn the_summary_carries_the_aggregates_and_no_cost_or_lists() {
        let org = generated(300);
        let metrics = compute(&org, View::Current);
        let summary = MetricsSummary::of(&metrics);
        assert_eq!(summary.people, metrics.people);
        assert_eq!(summary.band, metrics.band);
        assert_eq!(summary.coverage.covered, metrics.coverage.covered);
        assert_eq!(
            summary.coverage.uncovered_teams.len() as u64,
            metrics.coverage.uncovered
        );
        let mut all = Vec::new();
        keys(&serde_json::to_value(&summary).expect("json"), &mut all);
        assert!(all.iter().all(|k| !k.contains("cost")), "{all:?}");
        assert!(!all.iter().any(|k| k == "span_by_manager" || k == "load"));
    }

    #[test]
    fn the_summary_groups_the_warnings_by_kind() {
        let warning = |code: &str| Finding::warning(code, "m", Location::default());
        let metrics = compute(&generated(20), View::Current).with_warnings(&[
            warning("a"),
            warning("b"),
            warning("b"),
        ]);
        let groups = MetricsSummary::of(&metrics).warning_groups;
        let codes: Vec<(&str, usize)> = groups.iter().map(|g| (g.code.as_str(), g.count)).collect();
        assert_eq!(codes, [("b", 2), ("a", 1)]);
        assert!(groups.iter().all(|g| !g.headline.is_empty()));
    }

    #[test]
    fn the_dashboard_carries_aggregates_and_group_totals_only() {
        let org = generated(500);
        let summary = compute(&org, View::Current);
        let query = DashboardQuery {
            group_by: GroupBy::Team,
            rank_by: RankBy::Headcount,
            top: 5,
            out_of_band_limit: 100,
        };
        let dashboard = MetricsEngine::new(&org, View::Current).dashboard(&org, &query);
        let view = DashboardView::of("baseline", &summary, dashboard);
        assert_eq!(view.people, summary.people);
        let breakdown = &view.dashboard.breakdown;
        assert_eq!(breakdown.top.len(), 5);
        let listed: u64 = breakdown.top.iter().map(|g| g.headcount).sum();
        assert_eq!(
            listed + breakdown.rest.as_ref().map_or(0, |r| r.headcount),
            view.people
        );
        assert_eq!(
            view.dashboard.out_of_band_total,
            summary.band.narrow + summary.band.wide
        );
        let json = serde_json::to_value(&view).expect("serialises");
        assert!(json.get("span_by_manager").is_none());
        assert!(json["coverage"].get("uncovered_teams").is_none());
        let first = &json["dashboard"]["out_of_band"][0];
        let mut keys: Vec<&str> = first
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["distance", "id", "name", "span", "title", "verdict"]);
    }
}
