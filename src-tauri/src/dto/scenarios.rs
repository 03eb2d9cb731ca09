//! Scenario, comparison and plan DTOs.

use orgraph::money::Money;
use orgraph::scenario::diff::{Comparison, PairDiff};
use orgraph::scenario::plan::{Figures, GroupPlan, Plan, NO_DEPARTMENT, NO_TEAM};
use orgraph::scenario::{ChangeEntry, Conflict, ConflictReason};
use orgraph::session::Session;
use orgraph::store::ScenarioInfo;
use serde::Serialize;
use ts_rs::TS;

/// Money as a number of currency units (display only; exact amounts stay
/// in the core as cents).
fn units(money: Money) -> f64 {
    money.cents() as f64 / 100.0
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioDto {
    pub name: String,
    /// The scenario it was branched from.
    pub parent: Option<String>,
    pub is_baseline: bool,
    /// Changes applied.
    pub head: u32,
    /// Changes stored (the rest are redoable).
    pub changes: u32,
    pub can_undo: bool,
    pub can_redo: bool,
    /// How many of its applied changes no longer apply to the baseline
    /// (its badge in the list); `null` when not known since the baseline
    /// last changed.
    pub conflicts: Option<u32>,
}

impl From<&ScenarioInfo> for ScenarioDto {
    fn from(s: &ScenarioInfo) -> Self {
        ScenarioDto {
            name: s.name.clone(),
            parent: s.parent.clone(),
            is_baseline: s.is_baseline(),
            head: s.head,
            changes: s.changes,
            can_undo: s.can_undo(),
            can_redo: s.can_redo(),
            conflicts: s.conflicts,
        }
    }
}

/// The scenario on show and every scenario in the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioState {
    pub current: ScenarioDto,
    pub all: Vec<ScenarioDto>,
    /// What the next undo / redo would do, for button tooltips.
    pub undo_label: Option<String>,
    pub redo_label: Option<String>,
    /// The changes of the scenario on show that no longer apply to the
    /// baseline (kept in its list, not applied): its badge and conflict
    /// list.
    pub conflicts: Vec<ConflictDto>,
}

/// One change that no longer applies, as the conflict list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConflictDto {
    /// 1-based position in the scenario's change list.
    pub position: u32,
    /// The change, described without any compensation figure.
    pub change: String,
    /// Why it does not apply, worded by the core.
    pub reason: String,
    /// The reason's kind (`person-gone`, `manager-gone`, `team-gone`,
    /// `person-exists`, `team-exists`, `cycle`, `field-changed`,
    /// `refused`), for matching without reading the wording.
    pub reason_kind: String,
    /// A move, so it can be pointed at another manager.
    pub retargetable: bool,
}

impl From<&Conflict> for ConflictDto {
    fn from(c: &Conflict) -> Self {
        ConflictDto {
            position: c.position,
            change: c.change.clone(),
            reason: c.reason.to_string(),
            reason_kind: reason_kind(&c.reason).to_string(),
            retargetable: c.retargetable,
        }
    }
}

fn reason_kind(reason: &ConflictReason) -> &'static str {
    match reason {
        ConflictReason::PersonGone { .. } => "person-gone",
        ConflictReason::ManagerGone { .. } => "manager-gone",
        ConflictReason::TeamGone { .. } => "team-gone",
        ConflictReason::PersonExists { .. } => "person-exists",
        ConflictReason::TeamExists { .. } => "team-exists",
        ConflictReason::Cycle { .. } => "cycle",
        ConflictReason::FieldChanged { .. } => "field-changed",
        ConflictReason::Refused { .. } => "refused",
    }
}

impl ScenarioState {
    pub fn of(session: &Session) -> orgraph::error::Result<ScenarioState> {
        let current = session.scenario();
        let outside = session.people_outside_org();
        let names = (session.org(), outside.as_slice());
        let label = |index: Option<usize>| {
            index
                .and_then(|i| session.changes().get(i))
                .map(|e| e.change.describe(&names).to_string())
        };
        let live = session.conflicts().len() as u32;
        // The scenario on show counts what the session has just worked
        // out, whether or not noting it in the workspace succeeded.
        let listed = |s: &ScenarioInfo| ScenarioDto {
            conflicts: if s.id == current.id && session.as_of().is_none() {
                Some(live)
            } else {
                s.conflicts
            },
            ..ScenarioDto::from(s)
        };
        Ok(ScenarioState {
            current: listed(current),
            all: session.scenarios()?.iter().map(listed).collect(),
            undo_label: label(current.can_undo().then(|| current.head as usize - 1)),
            redo_label: label(current.can_redo().then_some(current.head as usize)),
            conflicts: session
                .conflicts()
                .iter()
                .map(|c| {
                    // Named like the change list; who is gone stays an id.
                    let mut dto = ConflictDto::from(c);
                    if let Some(entry) = session.changes().iter().find(|e| e.position == c.position)
                    {
                        dto.change = entry.change.describe(&names).to_string();
                    }
                    dto
                })
                .collect(),
        })
    }
}

/// How many ids of a group change (`assign-team`) are listed beside it.
const LISTED_IDS: usize = 5;

/// One stored change, described without any compensation figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangeDto {
    pub position: u32,
    pub kind: String,
    /// People named as `Name (title)`.
    pub description: String,
    /// The ids of the people the description names, in its order (at
    /// most [`LISTED_IDS`] of a group), shown beside it.
    pub ids: Vec<String>,
    /// YYYY-MM-DD, or null when in force at once.
    pub effective: Option<String>,
    /// False for changes in the redo history.
    pub applied: bool,
}

impl ChangeDto {
    pub fn all(session: &Session) -> Vec<ChangeDto> {
        let head = session.scenario().head;
        let outside = session.people_outside_org();
        let names = (session.org(), outside.as_slice());
        session
            .changes()
            .iter()
            .map(|e: &ChangeEntry| ChangeDto {
                position: e.position,
                kind: e.change.kind().to_string(),
                description: e.change.describe(&names).to_string(),
                ids: e
                    .change
                    .people(LISTED_IDS)
                    .into_iter()
                    .map(ToString::to_string)
                    .collect(),
                effective: e.effective.map(|d| d.to_string()),
                applied: e.position <= head,
            })
            .collect()
    }
}

/// One metric across the compared scenarios.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MetricRowDto {
    pub metric: String,
    pub values: Vec<Option<f64>>,
    /// Against the first (baseline) column.
    pub deltas: Vec<Option<f64>>,
    /// True where the scenario computes the metric with its own settings
    /// (span band, max load, ladder) rather than the baseline's.
    pub by_settings: Vec<bool>,
}

/// One line of a diff, e.g. kind `moved`, person `s1`, text
/// `Frances Allen (Senior Engineer): Ada Park (Manager) → Lin Wu (Director)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiffLineDto {
    pub kind: String,
    pub person: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PairDiffDto {
    pub from: String,
    pub to: String,
    pub lines: Vec<DiffLineDto>,
}

impl From<&PairDiff> for PairDiffDto {
    /// The core's wording of each line (`PairDiff::lines`), forwarded.
    fn from(d: &PairDiff) -> Self {
        PairDiffDto {
            from: d.from.clone(),
            to: d.to.clone(),
            lines: d
                .lines()
                .into_iter()
                .map(|line| DiffLineDto {
                    kind: line.kind.to_string(),
                    person: line.person.map(|id| id.to_string()),
                    text: line.text,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ComparisonDto {
    pub scenarios: Vec<String>,
    pub metrics: Vec<MetricRowDto>,
    pub against_baseline: Vec<PairDiffDto>,
    pub pairwise: Vec<PairDiffDto>,
    /// Per scenario, its own settings where they differ from the
    /// baseline's, worded by the core (`null` for the others).
    pub settings: Vec<Option<String>>,
}

impl From<&Comparison> for ComparisonDto {
    fn from(c: &Comparison) -> Self {
        ComparisonDto {
            scenarios: c.scenarios.clone(),
            metrics: c
                .metrics
                .iter()
                .map(|row| MetricRowDto {
                    metric: row.metric.to_string(),
                    values: row.values.clone(),
                    deltas: row.deltas.clone(),
                    by_settings: row.by_settings.clone(),
                })
                .collect(),
            against_baseline: c.against_baseline.iter().map(PairDiffDto::from).collect(),
            pairwise: c.pairwise.iter().map(PairDiffDto::from).collect(),
            settings: c.settings.clone(),
        }
    }
}

/// Headcount and annual cost (totals) of a group in one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuarterFiguresDto {
    pub filled: u32,
    pub open: u32,
    pub planned: u32,
    pub total: u32,
    /// Annual cost in currency units; `null` when no one counted has a
    /// cost (unknown, not zero).
    pub cost_total: Option<f64>,
}

impl From<&Figures> for QuarterFiguresDto {
    fn from(f: &Figures) -> Self {
        let count = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        QuarterFiguresDto {
            filled: count(f.filled),
            open: count(f.open),
            planned: count(f.planned),
            total: count(f.total),
            cost_total: f.cost_known().then(|| units(f.cost_total)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanGroupDto {
    pub name: String,
    /// The row of people without a team (`(no team)`) or whose team has no
    /// department (`(no department)`).
    pub unassigned: bool,
    pub quarters: Vec<QuarterFiguresDto>,
    pub budget: Option<f64>,
    /// Budget minus cost per quarter; negative when over budget.
    pub variance: Vec<Option<f64>>,
}

impl From<&GroupPlan> for PlanGroupDto {
    fn from(g: &GroupPlan) -> Self {
        PlanGroupDto {
            name: g.name.clone(),
            unassigned: g.name == NO_TEAM || g.name == NO_DEPARTMENT,
            quarters: g.quarters.iter().map(QuarterFiguresDto::from).collect(),
            budget: g.budget.map(units),
            variance: g.variance.iter().map(|v| v.map(units)).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanDto {
    pub scenario: String,
    /// e.g. `2027-Q1`.
    pub quarters: Vec<String>,
    pub total: Vec<QuarterFiguresDto>,
    pub departments: Vec<PlanGroupDto>,
    pub teams: Vec<PlanGroupDto>,
}

impl PlanDto {
    pub fn of(scenario: &str, plan: &Plan) -> PlanDto {
        PlanDto {
            scenario: scenario.to_string(),
            quarters: plan.quarters.clone(),
            total: plan.total.iter().map(QuarterFiguresDto::from).collect(),
            departments: plan.departments.iter().map(PlanGroupDto::from).collect(),
            teams: plan.teams.iter().map(PlanGroupDto::from).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use orgraph::scenario::{Change, PersonEdit};

    #[test]
    fn comparison_and_state_describe_a_scenario_without_individual_pay() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut s = Session::open_or_seed(&dir.path().join("t.orgraph")).expect("seeded");
        s.create_scenario("raise", "baseline").expect("created");
        let (person, label) = s
            .org()
            .people()
            .nth(5)
            .map(|p| {
                let label = orgraph::scenario::person_label(&p.id, &p.name, &p.title);
                (p.id.clone(), label)
            })
            .expect("someone");
        assert!(!label.starts_with(person.as_str()), "the demo names people");
        s.apply(
            Change::EditPerson {
                person: person.clone(),
                edit: PersonEdit::Cost(Some(Money::from_cents(987_654_321))),
                was: None,
            },
            None,
        )
        .expect("edited");
        let state = ScenarioState::of(&s).expect("state");
        assert_eq!(state.current.name, "raise");
        assert!(state.current.can_undo && !state.current.can_redo);
        assert_eq!(
            state.undo_label.as_deref(),
            Some(format!("edit {label}: cost").as_str())
        );
        assert_eq!(state.all.len(), 2);

        let comparison =
            ComparisonDto::from(&s.compare(&["raise".into()], None).expect("compared"));
        assert_eq!(comparison.scenarios, ["baseline", "raise"]);
        let lines = &comparison.against_baseline[0].lines;
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, format!("{label}: cost changed"));
        assert_eq!(lines[0].person.as_deref(), Some(person.as_str()));
        let json = serde_json::to_string(&comparison).expect("serialisable");
        assert!(!json.contains("9876543"), "no individual's pay crosses IPC");

        s.undo().expect("undone");
        let state = ScenarioState::of(&s).expect("state");
        assert!(state.current.can_redo && !state.current.can_undo);
        let changes = ChangeDto::all(&s);
        assert_eq!(changes.len(), 1);
        assert!(!changes[0].applied);
        assert_eq!(changes[0].description, format!("edit {label}: cost"));
        assert_eq!(changes[0].ids, [person.to_string()]);
    }

    #[test]
    fn conflicts_name_the_people_still_in_the_org() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (csv, path) = (dir.path().join("org.csv"), dir.path().join("w.orgraph"));
        let org = "id,name,title,manager_id\nceo,Dana Reyes,CEO,\nm1,Mia Park,Manager,ceo\n\
                   m2,Sam Lee,Manager,ceo\na,Alex Chen,Engineer,m1\n";
        let import = |text: &str| {
            std::fs::write(&csv, text).expect("written");
            let options = orgraph::import::ImportOptions::default();
            orgraph::import::import_into(&csv, &path, &options, &|_| {}).expect("imports");
        };
        import(org);
        let mut s = Session::open(&path).expect("opens");
        s.create_scenario("reorg", "baseline").expect("created");
        let to_m2 = Change::Move {
            person: "a".into(),
            manager: Some("m2".into()),
        };
        s.apply(to_m2, None).expect("applies");
        drop(s);
        import(&org.replace("m2,Sam Lee,Manager,ceo\n", ""));
        let s = Session::open_at(&path, "reorg", None).expect("opens");
        let state = ScenarioState::of(&s).expect("state");
        assert_eq!(state.conflicts.len(), 1);
        assert_eq!(state.conflicts[0].change, "move Alex Chen (Engineer) to m2");
        assert_eq!(state.conflicts[0].reason_kind, "manager-gone");
    }
}
