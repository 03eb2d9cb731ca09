//! Team sizes against the workspace's target (`Policy::team_min..=team_max`)
//! and the rows of the app's Teams view. Both read the per-team arrays of
//! [`TeamFigures`], so they cost O(teams) once those exist and
//! O(people + teams) from scratch.

use super::coverage::TeamFigures;
use super::input::MetricsInput;
use super::View;
use crate::model::{Org, PersonId, Policy, TeamId, TeamKind};
use crate::money::Money;
use serde::{Deserialize, Serialize};

/// Where a team's size falls against the target.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizeVerdict {
    Below,
    Within,
    Above,
}

impl SizeVerdict {
    pub fn of(size: u64, min: u32, max: u32) -> SizeVerdict {
        if size < u64::from(min) {
            SizeVerdict::Below
        } else if size > u64::from(max) {
            SizeVerdict::Above
        } else {
            SizeVerdict::Within
        }
    }
}

/// How many teams fall below, within and above the team-size target.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamSizeStats {
    pub min: u32,
    pub max: u32,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub below: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub within: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub above: u64,
}

impl TeamSizeStats {
    /// Counts every team (architecture groups too) by its `headcount`.
    pub(crate) fn of(headcount: &[u64], policy: &Policy) -> TeamSizeStats {
        let mut stats = TeamSizeStats {
            min: policy.team_min,
            max: policy.team_max,
            below: 0,
            within: 0,
            above: 0,
        };
        for &size in headcount {
            match SizeVerdict::of(size, policy.team_min, policy.team_max) {
                SizeVerdict::Below => stats.below += 1,
                SizeVerdict::Within => stats.within += 1,
                SizeVerdict::Above => stats.above += 1,
            }
        }
        stats
    }
}

/// One team as the Teams view lists it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamRow {
    pub id: TeamId,
    pub name: String,
    pub kind: TeamKind,
    pub department: Option<String>,
    pub lead: Option<PersonId>,
    /// The lead's name, when the lead is in the org and has one.
    pub lead_name: Option<String>,
    /// Counted people whose home team it is.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub members: u64,
    /// Their total cost; `None` when nobody in the org has a cost (the
    /// file had none), so it is shown as unknown rather than zero.
    pub cost: Option<Money>,
    /// Counted staff+ engineers supporting it (home team or assignment).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub staff_plus_support: u64,
    pub verdict: SizeVerdict,
}

/// The rows of every team, in the org's team order, from figures already
/// computed for `org`.
pub(crate) fn rows(org: &Org, figures: &TeamFigures) -> Vec<TeamRow> {
    let policy = &org.policy;
    // Stops at the first person with a cost: O(1) for a costed org.
    let cost_known = org.people().any(|p| p.cost.is_some());
    org.teams()
        .iter()
        .enumerate()
        .map(|(i, team)| {
            let members = figures.headcount[i];
            let lead_name = team
                .lead
                .as_ref()
                .and_then(|lead| org.person(lead))
                .map(|p| p.name.to_string())
                .filter(|name| !name.is_empty());
            TeamRow {
                id: team.id.clone(),
                name: team.name.clone(),
                kind: team.kind,
                department: team.department.clone(),
                lead: team.lead.clone(),
                lead_name,
                members,
                cost: cost_known.then(|| Money::from_cents(figures.cost[i])),
                staff_plus_support: figures.supporters[i],
                verdict: SizeVerdict::of(members, policy.team_min, policy.team_max),
            }
        })
        .collect()
}

/// Every team's row for `org` in `view`: O(people + teams).
pub fn team_rows(org: &Org, view: View) -> Vec<TeamRow> {
    let input = MetricsInput::from_org(org);
    let included: Vec<bool> = input.status.iter().map(|&s| view.includes(s)).collect();
    rows(org, &TeamFigures::compute(&input, &included))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ladder, PersonRecord, Status, Team};
    use crate::scenario::{apply, Change};

    fn record(id: &str, manager: &str, team: &str, level: &str, cost: i64) -> PersonRecord {
        PersonRecord {
            row: 2,
            id: id.into(),
            name: format!("Name {id}").into(),
            manager_id: manager.into(),
            team: team.into(),
            level: level.into(),
            cost: Some(Money::from_cents(cost)),
            ..PersonRecord::default()
        }
    }

    /// `core` has 6 active members (one staff+), `tiny` 2, `huge` 10; one
    /// open req in `tiny` is outside the current view.
    fn org() -> Org {
        let mut records = vec![record("ceo", "", "", "M7", 100)];
        for i in 0..6 {
            let level = if i == 0 { "IC5" } else { "IC2" };
            records.push(record(&format!("c{i}"), "ceo", "core", level, 10));
        }
        for i in 0..2 {
            records.push(record(&format!("t{i}"), "ceo", "tiny", "IC2", 20));
        }
        for i in 0..10 {
            records.push(record(&format!("h{i}"), "ceo", "huge", "IC2", 1));
        }
        let mut req = record("req", "ceo", "tiny", "IC2", 999);
        req.status = Status::Open;
        records.push(req);
        let (mut org, _) =
            Org::from_records(records, "t.csv", Ladder::default(), Policy::default())
                .expect("valid");
        org.add_support(&"c0".into(), &"tiny".into())
            .expect("team exists");
        org
    }

    fn row<'a>(rows: &'a [TeamRow], id: &str) -> &'a TeamRow {
        rows.iter().find(|r| r.id.as_str() == id).expect("listed")
    }

    #[test]
    fn rows_carry_size_cost_support_and_verdict() {
        let org = org();
        let rows = team_rows(&org, View::Current);
        assert_eq!(rows.len(), org.teams().len());
        let core = row(&rows, "core");
        assert_eq!(core.members, 6);
        assert_eq!(core.cost, Some(Money::from_cents(60)));
        assert_eq!(core.staff_plus_support, 1);
        assert_eq!(core.verdict, SizeVerdict::Within);
        let tiny = row(&rows, "tiny");
        assert_eq!(tiny.members, 2, "the open req is not counted");
        assert_eq!(tiny.staff_plus_support, 1, "c0 is assigned to support it");
        assert_eq!(tiny.verdict, SizeVerdict::Below);
        assert_eq!(row(&rows, "huge").verdict, SizeVerdict::Above);
        let planned = team_rows(&org, View::Planned);
        assert_eq!(row(&planned, "tiny").members, 3);
    }

    #[test]
    fn without_any_cost_in_the_org_team_costs_are_unknown_not_zero() {
        let mut records = vec![record("ceo", "", "", "M7", 0)];
        records.push(record("a", "ceo", "core", "IC2", 0));
        for r in &mut records {
            r.cost = None;
        }
        let (org, _) = Org::from_records(records, "t.csv", Ladder::default(), Policy::default())
            .expect("valid");
        let rows = team_rows(&org, View::Current);
        assert_eq!(row(&rows, "core").cost, None);
    }

    #[test]
    fn the_lead_is_named_when_known() {
        let mut org = org();
        org.add_team(Team {
            id: "led".into(),
            name: "Led".into(),
            kind: TeamKind::Platform,
            lead: Some("ceo".into()),
            department: Some("Eng".into()),
        })
        .expect("new team");
        let rows = team_rows(&org, View::Current);
        let led = row(&rows, "led");
        assert_eq!(led.lead_name.as_deref(), Some("Name ceo"));
        assert_eq!(led.department.as_deref(), Some("Eng"));
        assert_eq!((led.members, led.verdict), (0, SizeVerdict::Below));
    }

    #[test]
    fn the_metrics_count_teams_against_the_target() {
        let mut org = org();
        let stats = crate::metrics::compute(&org, View::Current).team_size;
        assert_eq!(
            (stats.min, stats.max, stats.below, stats.within, stats.above),
            (5, 9, 1, 1, 1)
        );
        let policy = Policy {
            team_min: 2,
            team_max: 10,
            ..org.policy
        };
        apply(&mut org, &Change::SetPolicy { policy }).expect("valid policy");
        let engine = crate::metrics::MetricsEngine::new(&org, View::Current);
        let stats = engine.summary(&org).team_size;
        assert_eq!((stats.below, stats.within, stats.above), (0, 3, 0));
        assert_eq!(
            stats,
            crate::metrics::compute(&org, View::Current).team_size
        );
    }

    #[test]
    fn verdict_edges_are_inclusive() {
        assert_eq!(SizeVerdict::of(4, 5, 9), SizeVerdict::Below);
        assert_eq!(SizeVerdict::of(5, 5, 9), SizeVerdict::Within);
        assert_eq!(SizeVerdict::of(9, 5, 9), SizeVerdict::Within);
        assert_eq!(SizeVerdict::of(10, 5, 9), SizeVerdict::Above);
    }
}
