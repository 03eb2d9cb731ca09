//! Data transfer objects: the JSON shapes that cross IPC.
//!
//! They live here, at the boundary, so the core stays free of UI concerns.
//! Their TypeScript twins in `ui/src/generated/` are produced by ts-rs; the
//! `bindings` test fails when the committed files drift from these types.
//!
//! Individual compensation crosses IPC only for the people table and its
//! edits (`PeopleTableDto::cost_cents`, and the cost typed into an
//! `EnteredChange`), which HR and directors use to see and edit cost; it is
//! never logged. Every other DTO carries money only as totals over a team,
//! department or scenario (the plan and the comparison).

mod chart;
mod dashboard;
mod people;

pub use chart::*;
pub use dashboard::*;
pub use people::*;

use orgraph::metrics::{Metrics, Verdict};
use orgraph::model::Finding;
use orgraph::{ErrorCode, Org, OrgError, PersonId, Status};
use serde::Serialize;
use ts_rs::TS;

/// Saturating conversion for counts the core keeps as `u64`.
fn count(value: u64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

fn count_usize(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// Every command error crosses IPC as `{ code, message }`, plus the located
/// `findings` of a `validation` error (an import's report). The UI matches
/// on `code` only; `message` is for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
    /// Every error and warning of a failed validation, with file, row and
    /// column; absent for other errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub findings: Option<Vec<Finding>>,
}

impl IpcError {
    pub fn internal(message: impl Into<String>) -> Self {
        IpcError {
            code: ErrorCode::Internal,
            message: message.into(),
            findings: None,
        }
    }
}

impl From<OrgError> for IpcError {
    fn from(error: OrgError) -> Self {
        let findings = match &error {
            OrgError::Validation(findings) => Some(findings.clone()),
            _ => None,
        };
        IpcError {
            code: error.code(),
            message: error.to_string(),
            findings,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum PersonStatus {
    Active,
    Open,
    Planned,
    Departing,
}

impl From<Status> for PersonStatus {
    fn from(status: Status) -> Self {
        match status {
            Status::Active => PersonStatus::Active,
            Status::Open => PersonStatus::Open,
            Status::Planned => PersonStatus::Planned,
            Status::Departing => PersonStatus::Departing,
        }
    }
}

/// Where a manager's span falls against the target band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SpanVerdict {
    Narrow,
    InBand,
    Wide,
}

impl From<Verdict> for SpanVerdict {
    fn from(verdict: Verdict) -> Self {
        match verdict {
            Verdict::Narrow => SpanVerdict::Narrow,
            Verdict::InBand => SpanVerdict::InBand,
            Verdict::Wide => SpanVerdict::Wide,
        }
    }
}

/// One box of the org chart. `index` is the node's position in the binary
/// layout returned by `chart_layout` (20 bytes per node).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChartNode {
    pub index: u32,
    pub id: String,
    pub name: String,
    pub title: String,
    /// The home team's name.
    pub team: Option<String>,
    /// The home team's id, which the Teams view matches members on.
    pub team_id: Option<String>,
    pub level: String,
    pub status: PersonStatus,
    /// Index of the solid-line manager, `null` for a root.
    pub manager: Option<u32>,
    /// Direct reports.
    pub span: u32,
    /// Only for managers counted by the metrics.
    pub verdict: Option<SpanVerdict>,
    /// Everyone below this person.
    pub total_reports: u32,
    pub staff_plus: bool,
    /// Where a staff+ engineer sits; `null` for everyone else.
    pub placement: Option<orgraph::model::Placement>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct SpanSummary {
    pub min: u32,
    pub median: f64,
    pub mean: f64,
    pub max: u32,
}

/// The target span band and how many managers fall where.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BandSummary {
    pub min: u32,
    pub max: u32,
    pub narrow: u32,
    pub wide: u32,
    pub in_band: u32,
    pub single_report: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct SpanBucketDto {
    pub span: u32,
    pub managers: u32,
}

/// Staff+ coverage of the (non-architecture) teams.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoverageSummary {
    pub teams: u32,
    pub covered: u32,
    pub uncovered: u32,
    /// covered / teams; `null` when there are no such teams.
    pub ratio: Option<f64>,
    pub staff_plus: u32,
    pub embedded: u32,
    pub central: u32,
    pub unplaced: u32,
    pub ic_engineers: u32,
    pub staff_plus_to_ic_engineer_ratio: Option<f64>,
    pub max_load: u32,
    pub overloaded: u32,
    pub uncovered_teams: Vec<String>,
}

/// The metrics panel's figures (no cost figures: compensation stays in the
/// core).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MetricsSummary {
    pub people: u32,
    pub managers: u32,
    pub ics: u32,
    pub roots: u32,
    pub layers: u32,
    pub span: SpanSummary,
    pub band: BandSummary,
    /// ICs per manager; `null` when there are no managers.
    pub manager_ic_ratio: Option<f64>,
    pub span_histogram: Vec<SpanBucketDto>,
    pub people_per_layer: Vec<u32>,
    pub coverage: CoverageSummary,
    pub team_size: TeamSizeSummary,
    pub warnings: Vec<String>,
    /// The warnings grouped by kind with counts, each with its rows.
    pub warning_groups: Vec<orgraph::import::FindingGroup>,
}

/// The team-size target and how many teams fall below, within and above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamSizeSummary {
    pub min: u32,
    pub max: u32,
    pub below: u32,
    pub within: u32,
    pub above: u32,
}

impl From<&Metrics> for MetricsSummary {
    fn from(m: &Metrics) -> Self {
        let c = &m.coverage;
        MetricsSummary {
            people: count(m.people),
            managers: count(m.managers),
            ics: count(m.ics),
            roots: count(m.roots),
            layers: m.layers,
            span: SpanSummary {
                min: m.span.min,
                median: m.span.median,
                mean: m.span.mean,
                max: m.span.max,
            },
            band: BandSummary {
                min: m.band.min,
                max: m.band.max,
                narrow: count(m.band.narrow),
                wide: count(m.band.wide),
                in_band: count(m.band.in_band),
                single_report: count(m.band.single_report),
            },
            manager_ic_ratio: m.manager_ic_ratio,
            span_histogram: m
                .span_histogram
                .iter()
                .map(|b| SpanBucketDto {
                    span: b.span,
                    managers: count(b.managers),
                })
                .collect(),
            people_per_layer: m.people_per_layer.iter().map(|&n| count(n)).collect(),
            coverage: CoverageSummary {
                teams: count(c.teams),
                covered: count(c.covered),
                uncovered: count(c.uncovered),
                ratio: c.coverage_ratio,
                staff_plus: count(c.staff_plus),
                embedded: count(c.embedded),
                central: count(c.central),
                unplaced: count(c.unplaced),
                ic_engineers: count(c.ic_engineers),
                staff_plus_to_ic_engineer_ratio: c.staff_plus_to_ic_engineer_ratio,
                max_load: c.max_load,
                overloaded: count(c.overloaded),
                uncovered_teams: c.uncovered_teams.iter().map(ToString::to_string).collect(),
            },
            team_size: TeamSizeSummary {
                min: m.team_size.min,
                max: m.team_size.max,
                below: count(m.team_size.below),
                within: count(m.team_size.within),
                above: count(m.team_size.above),
            },
            warnings: m.warnings.iter().map(ToString::to_string).collect(),
            warning_groups: orgraph::import::group_findings(&m.warnings),
        }
    }
}

/// A person named in someone else's details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonRef {
    pub id: String,
    pub name: String,
    pub title: String,
    /// Direct reports of this person.
    pub reports: u32,
}

/// Everything the details panel shows about one person.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonDetails {
    pub id: String,
    pub name: String,
    pub title: String,
    pub level: String,
    pub location: String,
    pub team: Option<String>,
    pub status: PersonStatus,
    pub staff_plus: bool,
    pub manager: Option<PersonRef>,
    /// Direct reports, by name.
    pub reports: Vec<PersonRef>,
    /// Everyone below, at any depth.
    pub total_reports: u32,
    pub verdict: Option<SpanVerdict>,
    /// From the direct manager up to the root.
    pub chain: Vec<PersonRef>,
}

fn person_ref(org: &Org, id: &PersonId) -> Option<PersonRef> {
    let person = org.person(id)?;
    Some(PersonRef {
        id: person.id.to_string(),
        name: person.name.to_string(),
        title: person.title.to_string(),
        reports: count_usize(org.reports_of(id).len()),
    })
}

fn subtree_size(org: &Org, id: &PersonId) -> u32 {
    let mut total = 0u32;
    let mut stack = org.reports_of(id);
    while let Some(next) = stack.pop() {
        total = total.saturating_add(1);
        stack.extend(org.reports_of(next));
    }
    total
}

impl PersonDetails {
    /// Looks `id` up in `org`; the verdict comes from `metrics` (people the
    /// metrics leave out, e.g. open reqs, have none).
    pub fn of(org: &Org, metrics: &Metrics, id: &PersonId) -> Result<PersonDetails, OrgError> {
        let person = org
            .person(id)
            .ok_or_else(|| OrgError::PersonNotFound(id.to_string()))?;
        let manager = org.manager_of(id).and_then(|m| person_ref(org, m));
        let mut reports: Vec<PersonRef> = org
            .reports_of(id)
            .into_iter()
            .filter_map(|r| person_ref(org, r))
            .collect();
        reports.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
        let chain = org
            .chain_of_command(id)?
            .into_iter()
            .skip(1)
            .filter_map(|m| person_ref(org, m))
            .collect();
        let verdict = metrics
            .span_by_manager
            .iter()
            .find(|s| s.id == id.0)
            .map(|s| s.verdict.into());
        Ok(PersonDetails {
            id: person.id.to_string(),
            name: person.name.to_string(),
            title: person.title.to_string(),
            level: person.level.to_string(),
            location: person.location.to_string(),
            team: person.team.as_ref().map(|t| {
                org.team(t)
                    .map_or_else(|| t.to_string(), |team| team.name.clone())
            }),
            status: person.status.into(),
            staff_plus: org.is_staff_plus(person),
            manager,
            reports,
            total_reports: subtree_size(org, id),
            verdict,
            chain,
        })
    }
}

impl ChartNode {
    /// Every chart node, in layout index order.
    pub fn all(org: &Org, metrics: &Metrics) -> Vec<ChartNode> {
        orgraph::chart::nodes(org, metrics)
            .into_iter()
            .map(|n| ChartNode {
                index: n.index,
                team: n.team,
                team_id: n.team_id,
                id: n.id,
                name: n.name,
                title: n.title,
                level: n.level,
                status: n.status.into(),
                manager: n.manager,
                span: n.span,
                verdict: n.verdict.map(Into::into),
                total_reports: count(n.total_reports),
                staff_plus: n.staff_plus,
                placement: n.placement,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use orgraph::session::Session;

    fn seeded() -> (tempfile::TempDir, Session) {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = Session::open_or_seed(&dir.path().join("t.orgraph")).expect("seeded");
        (dir, session)
    }

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

    #[test]
    fn chart_nodes_are_in_layout_order_and_match_the_layout_size() {
        let (_dir, s) = seeded();
        let nodes = ChartNode::all(s.org(), s.metrics());
        assert_eq!(nodes.len(), s.org().len());
        assert!(nodes.iter().enumerate().all(|(i, n)| n.index as usize == i));
        let bytes = orgraph::chart::layout(s.org(), &[]).to_bytes();
        assert_eq!(
            bytes.len(),
            nodes.len() * 4 * orgraph::chart::FLOATS_PER_NODE
        );
        let roots = nodes.iter().filter(|n| n.manager.is_none()).count();
        assert!(roots >= 1);
        assert!(nodes.iter().any(|n| n.verdict.is_some()));
    }

    #[test]
    fn details_name_the_manager_reports_and_chain() {
        let (_dir, s) = seeded();
        let org = s.org();
        let person = org
            .people()
            .find(|p| org.manager_of(&p.id).is_some() && !org.reports_of(&p.id).is_empty())
            .expect("a middle manager");
        let details = PersonDetails::of(org, s.metrics(), &person.id).expect("details");
        assert_eq!(details.id, person.id.0);
        let manager = org.manager_of(&person.id).expect("has a manager");
        assert_eq!(
            details.manager.as_ref().map(|m| m.id.as_str()),
            Some(manager.as_str())
        );
        assert_eq!(
            details.chain.first().map(|m| m.id.as_str()),
            Some(manager.as_str())
        );
        assert_eq!(details.reports.len(), org.reports_of(&person.id).len());
        assert!(details.total_reports as usize >= details.reports.len());
        let missing = PersonDetails::of(org, s.metrics(), &PersonId::new("nobody"));
        assert_eq!(
            missing.map_err(|e| IpcError::from(e).code),
            Err(ErrorCode::NotFound)
        );
    }

    #[test]
    fn a_cycle_crosses_ipc_as_code_and_message() {
        let (_dir, mut s) = seeded();
        let org = s.org();
        let root = org
            .people()
            .find(|p| org.manager_of(&p.id).is_none())
            .map(|p| p.id.clone())
            .expect("a root");
        let report = org.reports_of(&root)[0].clone();
        let error = IpcError::from(s.move_person(&root, Some(&report)).expect_err("cycle"));
        let json = serde_json::to_value(&error).expect("serialise");
        assert_eq!(json["code"], "would-create-cycle");
        assert!(json["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert_eq!(json.as_object().map(|o| o.len()), Some(2));
    }

    #[test]
    fn a_validation_error_crosses_ipc_with_its_located_findings() {
        let finding = orgraph::model::Finding::error(
            "manager-cycle",
            "a cycle",
            orgraph::model::Location {
                file: "people.csv".to_string(),
                row: Some(3),
                column: Some("Reports To".to_string()),
            },
        );
        let error = IpcError::from(OrgError::Validation(vec![finding.clone()]));
        assert_eq!(error.code, ErrorCode::Validation);
        assert_eq!(error.findings, Some(vec![finding]));
        let json = serde_json::to_value(&error).expect("serialise");
        assert_eq!(json["findings"][0]["code"], "manager-cycle");
        assert_eq!(json["findings"][0]["location"]["row"], 3);
    }

    /// The chart, details and metrics never carry cost; only `PeopleTableDto`
    /// (tested in `people.rs`) does.
    #[test]
    fn no_dto_but_the_people_table_carries_compensation() {
        let (_dir, s) = seeded();
        let org = s.org();
        let someone = org.people().next().map(|p| p.id.clone()).expect("someone");
        let payloads = [
            serde_json::to_value(MetricsSummary::from(s.metrics())).expect("metrics"),
            serde_json::to_value(ChartNode::all(org, s.metrics())).expect("nodes"),
            serde_json::to_value(PersonDetails::of(org, s.metrics(), &someone).expect("details"))
                .expect("details"),
        ];
        for payload in &payloads {
            let mut all = Vec::new();
            keys(payload, &mut all);
            assert!(
                all.iter().all(|k| !k.to_lowercase().contains("cost")),
                "a DTO exposes cost: {all:?}"
            );
        }
    }

    #[test]
    fn metrics_summary_uses_camel_case_and_kebab_verdicts() {
        let (_dir, s) = seeded();
        let json = serde_json::to_value(MetricsSummary::from(s.metrics())).expect("serialise");
        assert!(json["band"]["inBand"].is_number());
        assert!(json["managerIcRatio"].is_number());
        assert!(json["people"].as_u64().is_some_and(|n| n >= 250));
        let verdict = serde_json::to_value(SpanVerdict::InBand).expect("serialise");
        assert_eq!(verdict, "in-band");
    }
}
