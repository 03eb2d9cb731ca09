//! The dashboard view's DTOs: every aggregate in one answer, and the
//! scenario's snapshot trend. Nothing per person crosses but the capped
//! out-of-band list (id, name, title, span); money only as group totals.

use super::{count, BandSummary, SpanBucketDto, SpanSummary, SpanVerdict};
use orgraph::metrics::{Breakdown, Dashboard, DashboardQuery, GroupBy, Metrics, OutOfBand, RankBy};
use orgraph::money::Money;
use orgraph::store::SnapshotRow;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Out-of-band managers listed at most (the total is always given).
pub const OUT_OF_BAND_LISTED: usize = 100;
/// Snapshots in the trend at most (the most recent).
pub const SNAPSHOTS_SHOWN: usize = 500;
/// Groups a request may ask to list on their own.
const MAX_TOP: u32 = 50;

fn units(money: Money) -> f64 {
    money.cents() as f64 / 100.0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum GroupByDto {
    Team,
    Department,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum RankByDto {
    Headcount,
    Cost,
}

/// How the dashboard groups headcount and cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DashboardRequest {
    pub group_by: GroupByDto,
    pub rank_by: RankByDto,
    /// Groups listed on their own (at most 50); the rest are one row.
    pub top: u32,
}

impl DashboardRequest {
    pub fn query(self) -> DashboardQuery {
        DashboardQuery {
            group_by: match self.group_by {
                GroupByDto::Team => GroupBy::Team,
                GroupByDto::Department => GroupBy::Department,
            },
            rank_by: match self.rank_by {
                RankByDto::Headcount => RankBy::Headcount,
                RankByDto::Cost => RankBy::Cost,
            },
            top: self.top.min(MAX_TOP) as usize,
            out_of_band_limit: OUT_OF_BAND_LISTED,
        }
    }
}

/// A manager outside the target band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutOfBandDto {
    pub id: String,
    pub name: String,
    pub title: String,
    pub span: u32,
    /// `narrow` or `wide`.
    pub verdict: SpanVerdict,
    /// Reports below the band's minimum or above its maximum.
    pub distance: u32,
}

impl From<&OutOfBand> for OutOfBandDto {
    fn from(m: &OutOfBand) -> Self {
        OutOfBandDto {
            id: m.id.clone(),
            name: m.name.clone(),
            title: m.title.clone(),
            span: m.span,
            verdict: m.verdict.into(),
            distance: m.distance,
        }
    }
}

/// Headcount and cost of a team, a department, or (`name: null`) the
/// people with no team or department.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GroupDto {
    pub name: Option<String>,
    pub headcount: u32,
    /// Currency units.
    pub cost: f64,
}

/// The groups beyond the top N, as one row.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestDto {
    pub groups: u32,
    pub headcount: u32,
    pub cost: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BreakdownDto {
    pub group_by: GroupByDto,
    pub rank_by: RankByDto,
    /// Largest first by `rankBy`.
    pub top: Vec<GroupDto>,
    pub rest: Option<RestDto>,
    /// Non-empty groups in all.
    pub groups: u32,
}

impl From<&Breakdown> for BreakdownDto {
    fn from(b: &Breakdown) -> Self {
        BreakdownDto {
            group_by: match b.group_by {
                GroupBy::Team => GroupByDto::Team,
                GroupBy::Department => GroupByDto::Department,
            },
            rank_by: match b.rank_by {
                RankBy::Headcount => RankByDto::Headcount,
                RankBy::Cost => RankByDto::Cost,
            },
            top: b
                .top
                .iter()
                .map(|g| GroupDto {
                    name: g.name.clone(),
                    headcount: count(g.headcount),
                    cost: units(g.cost),
                })
                .collect(),
            rest: b.rest.as_ref().map(|r| RestDto {
                groups: count(r.groups),
                headcount: count(r.headcount),
                cost: units(r.cost),
            }),
            groups: count(b.groups),
        }
    }
}

/// Staff+ coverage figures (no team lists).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DashboardCoverage {
    pub teams: u32,
    pub covered: u32,
    pub uncovered: u32,
    /// covered / teams; `null` when there are no such teams.
    pub ratio: Option<f64>,
    pub staff_plus: u32,
    pub overloaded: u32,
    /// A staff+ engineer supporting more teams than this is overloaded.
    pub max_load: u32,
    /// `loadHistogram[k]`: staff+ engineers supporting k teams.
    pub load_histogram: Vec<u32>,
}

/// Every figure of the dashboard view of the scenario on show.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DashboardDto {
    pub scenario: String,
    pub people: u32,
    pub managers: u32,
    pub ics: u32,
    pub layers: u32,
    /// ICs per manager; `null` when there are no managers.
    pub manager_ic_ratio: Option<f64>,
    pub span: SpanSummary,
    pub band: BandSummary,
    pub span_histogram: Vec<SpanBucketDto>,
    /// People per layer, layer 1 first.
    pub people_per_layer: Vec<u32>,
    /// Worst first: furthest from the band, then by id; at most 100.
    pub out_of_band: Vec<OutOfBandDto>,
    pub out_of_band_total: u32,
    pub coverage: DashboardCoverage,
    pub breakdown: BreakdownDto,
    /// False when no one has a cost (a file without a cost column): the
    /// breakdown's costs are unknown, shown as such, not as 0.
    pub cost_known: bool,
}

impl DashboardDto {
    pub fn of(scenario: &str, summary: &Metrics, dashboard: &Dashboard) -> Self {
        let m = super::MetricsSummary::from(summary);
        let c = &m.coverage;
        DashboardDto {
            scenario: scenario.to_string(),
            people: m.people,
            managers: m.managers,
            ics: m.ics,
            layers: m.layers,
            manager_ic_ratio: m.manager_ic_ratio,
            span: m.span,
            band: m.band,
            span_histogram: m.span_histogram,
            people_per_layer: m.people_per_layer,
            out_of_band: dashboard.out_of_band.iter().map(Into::into).collect(),
            out_of_band_total: count(dashboard.out_of_band_total),
            coverage: DashboardCoverage {
                teams: c.teams,
                covered: c.covered,
                uncovered: c.uncovered,
                ratio: c.ratio,
                staff_plus: c.staff_plus,
                overloaded: c.overloaded,
                max_load: c.max_load,
                load_histogram: dashboard.load_histogram.iter().map(|&n| count(n)).collect(),
            },
            breakdown: (&dashboard.breakdown).into(),
            cost_known: dashboard.cost_known,
        }
    }
}

/// One stored metrics snapshot of the scenario on show.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotDto {
    /// Row id: increases with every snapshot stored.
    #[ts(type = "number")]
    pub id: i64,
    /// The date the figures describe (ISO), when known.
    pub as_of: Option<String>,
    /// When the snapshot was stored (ISO, UTC).
    pub taken_at: String,
    /// The edit that led to it, e.g. `move p-12 -> p-3`.
    pub reason: String,
    pub people: u32,
    pub managers: u32,
    pub layers: u32,
    pub span_median: f64,
    pub band_narrow: u32,
    pub band_wide: u32,
    pub manager_ic_ratio: Option<f64>,
    pub coverage_ratio: Option<f64>,
}

impl From<&SnapshotRow> for SnapshotDto {
    fn from(row: &SnapshotRow) -> Self {
        SnapshotDto {
            id: row.id,
            as_of: row.as_of.map(|d| d.to_string()),
            taken_at: row.taken_at.clone(),
            reason: row.reason.clone(),
            people: count(row.people),
            managers: count(row.managers),
            layers: row.layers,
            span_median: row.span_median,
            band_narrow: count(row.band_narrow),
            band_wide: count(row.band_wide),
            manager_ic_ratio: row.manager_ic_ratio,
            coverage_ratio: row.coverage_ratio,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use orgraph::metrics::{compute, MetricsEngine, View};
    use orgraph::model::{Ladder, Policy};
    use orgraph::Org;

    #[test]
    fn a_request_is_capped_and_mapped() {
        let request: DashboardRequest =
            serde_json::from_str(r#"{"groupBy":"department","rankBy":"cost","top":1000}"#)
                .expect("parses");
        let query = request.query();
        assert_eq!(query.group_by, GroupBy::Department);
        assert_eq!(query.rank_by, RankBy::Cost);
        assert_eq!(query.top, 50);
        assert_eq!(query.out_of_band_limit, OUT_OF_BAND_LISTED);
    }

    #[test]
    fn the_dashboard_carries_aggregates_and_group_totals_only() {
        let records = orgraph::generate::generate(500, 1);
        let (org, _) =
            Org::from_records(records, "gen", Ladder::default(), Policy::default()).expect("valid");
        let summary = compute(&org, View::Current);
        let request = DashboardRequest {
            group_by: GroupByDto::Team,
            rank_by: RankByDto::Headcount,
            top: 5,
        };
        let dashboard = MetricsEngine::new(&org, View::Current).dashboard(&org, &request.query());
        let dto = DashboardDto::of("baseline", &summary, &dashboard);
        assert_eq!(dto.people, 500.min(summary.people as u32));
        assert_eq!(dto.breakdown.top.len(), 5);
        let listed: u32 = dto.breakdown.top.iter().map(|g| g.headcount).sum();
        assert_eq!(
            listed + dto.breakdown.rest.as_ref().map_or(0, |r| r.headcount),
            dto.people
        );
        assert_eq!(
            dto.out_of_band_total as u64,
            summary.band.narrow + summary.band.wide
        );
        let json = serde_json::to_value(&dto).expect("serialises");
        assert!(json.get("spanByManager").is_none());
        assert!(json["coverage"].get("uncoveredTeams").is_none());
        let first = &json["outOfBand"][0];
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
