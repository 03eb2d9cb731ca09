//! The headcount plan: headcount and cost per quarter for the next eight
//! quarters, per team and per department, split into filled, open and
//! planned, net of departures, with variance against department budgets.
//!
//! Quarter Q counts the org as of Q's last day (changes effective by then
//! applied). Someone counts in Q when:
//! - *filled*: active (or departing with a last day after Q ends), and no
//!   end date on or before Q's last day;
//! - *open* / *planned*: an open req / planned hire whose target date is
//!   on or before Q's last day (no date: counted from now).
//!
//! A departing person without an end date is taken to leave this quarter.

use super::{materialise, unwind, ChangeEntry};
use crate::date::Quarter;
use crate::error::Result;
use crate::model::{Org, Person, Status};
use crate::money::Money;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

mod view;
pub use view::{PlanRow, PlanView};

/// How many quarters the plan covers, starting with the current one.
pub const QUARTERS: usize = 8;

/// Headcount and annual cost of one group in one quarter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "QuarterFigures"))]
pub struct Figures {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub filled: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub open: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub planned: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub total: u64,
    /// People counted whose cost is known: with none, the costs are
    /// unknown rather than zero.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub costed: u64,
    pub cost_filled: Money,
    pub cost_open: Money,
    pub cost_planned: Money,
    pub cost_total: Money,
}

impl Figures {
    /// Whether any cost is known: a file without costs has every cost
    /// unknown, which is not a cost of zero.
    pub fn cost_known(&self) -> bool {
        self.costed > 0
    }

    fn add(&mut self, bucket: Bucket, cost: Option<Money>) {
        self.costed += u64::from(cost.is_some());
        let cost = cost.unwrap_or(Money::ZERO);
        match bucket {
            Bucket::Filled => {
                self.filled += 1;
                self.cost_filled += cost;
            }
            Bucket::Open => {
                self.open += 1;
                self.cost_open += cost;
            }
            Bucket::Planned => {
                self.planned += 1;
                self.cost_planned += cost;
            }
        }
        self.total += 1;
        self.cost_total += cost;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bucket {
    Filled,
    Open,
    Planned,
}

fn bucket_of(person: &Person, last_day: NaiveDate) -> Option<Bucket> {
    if person.end_date.is_some_and(|end| end <= last_day) {
        return None;
    }
    let started = person.start_date.is_none_or(|start| start <= last_day);
    match person.status {
        Status::Active => Some(Bucket::Filled),
        Status::Departing if person.end_date.is_some() => Some(Bucket::Filled),
        Status::Departing => None,
        Status::Open if started => Some(Bucket::Open),
        Status::Planned if started => Some(Bucket::Planned),
        Status::Open | Status::Planned => None,
    }
}

/// One team's or department's row of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GroupPlan {
    pub name: String,
    pub quarters: Vec<Figures>,
    /// Annual budget (departments only).
    pub budget: Option<Money>,
    /// Budget minus planned annual cost, per quarter; negative is over.
    pub variance: Vec<Option<Money>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub quarters: Vec<String>,
    pub last_days: Vec<NaiveDate>,
    pub total: Vec<Figures>,
    pub teams: Vec<GroupPlan>,
    pub departments: Vec<GroupPlan>,
}

/// The row of people without a home team.
pub const NO_TEAM: &str = "(no team)";
/// The row of people whose team has no department, or who have no team.
pub const NO_DEPARTMENT: &str = "(no department)";

/// Builds the plan from the baseline `org` (left as it was) and the
/// scenario's applied changes, for the eight quarters from `today`'s.
pub fn plan(
    org: &mut Org,
    entries: &[ChangeEntry],
    today: NaiveDate,
    budgets: &[(String, Money)],
) -> Result<Plan> {
    let mut quarter = Quarter::of(today);
    let mut quarters = Vec::with_capacity(QUARTERS);
    for _ in 0..QUARTERS {
        quarters.push(quarter);
        quarter = quarter.next();
    }
    let mut total = vec![Figures::default(); QUARTERS];
    let mut teams: BTreeMap<String, Vec<Figures>> = BTreeMap::new();
    let mut departments: BTreeMap<String, Vec<Figures>> = BTreeMap::new();
    for (q, quarter) in quarters.iter().enumerate() {
        let last_day = quarter.last_day();
        let done = materialise(org, entries, Some(last_day));
        for person in org.people() {
            let Some(bucket) = bucket_of(person, last_day) else {
                continue;
            };
            let cost = person.cost;
            total[q].add(bucket, cost);
            let team = person.team.as_ref().and_then(|t| org.team(t));
            let team_name = team.map_or(NO_TEAM, |t| t.name.as_str());
            let department = team
                .and_then(|t| t.department.as_deref())
                .unwrap_or(NO_DEPARTMENT);
            teams
                .entry(team_name.to_string())
                .or_insert_with(|| vec![Figures::default(); QUARTERS])[q]
                .add(bucket, cost);
            departments
                .entry(department.to_string())
                .or_insert_with(|| vec![Figures::default(); QUARTERS])[q]
                .add(bucket, cost);
        }
        unwind(org, done.undo)?;
    }
    let budget_of: BTreeMap<&str, Money> = budgets.iter().map(|(d, m)| (d.as_str(), *m)).collect();
    for (department, _) in budgets {
        departments
            .entry(department.clone())
            .or_insert_with(|| vec![Figures::default(); QUARTERS]);
    }
    let group = |(name, quarters): (String, Vec<Figures>), budget: Option<Money>| GroupPlan {
        variance: quarters
            .iter()
            .map(|f| budget.filter(|_| f.cost_known()).map(|b| b - f.cost_total))
            .collect(),
        budget,
        name,
        quarters,
    };
    Ok(Plan {
        quarters: quarters.iter().map(ToString::to_string).collect(),
        last_days: quarters.iter().map(|q| q.last_day()).collect(),
        total,
        teams: teams.into_iter().map(|t| group(t, None)).collect(),
        departments: departments
            .into_iter()
            .map(|d| {
                let budget = budget_of.get(d.0.as_str()).copied();
                group(d, budget)
            })
            .collect(),
    })
}

impl Plan {
    /// A readable table: totals, then per department (with budget
    /// variance) and per team.
    pub fn render_text(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let header = |out: &mut String, title: &str| {
            let _ = write!(out, "{title:<28}");
            for q in &self.quarters {
                let _ = write!(out, " {q:>16}");
            }
            out.push('\n');
        };
        let row = |out: &mut String, name: &str, figures: &[Figures]| {
            let _ = write!(out, "{:<28}", truncate(name, 28));
            for f in figures {
                let cell = format!("{}={}+{}o+{}p", f.total, f.filled, f.open, f.planned);
                let _ = write!(out, " {cell:>16}");
            }
            out.push('\n');
            let _ = write!(out, "{:<28}", "  cost");
            for f in figures {
                let cost = if f.cost_known() {
                    f.cost_total.to_string()
                } else {
                    "unknown".to_string()
                };
                let _ = write!(out, " {cost:>16}");
            }
            out.push('\n');
        };
        out.push_str("headcount = filled + open reqs (o) + planned hires (p); cost is annual\n\n");
        header(&mut out, "total");
        row(&mut out, "all", &self.total);
        out.push('\n');
        header(&mut out, "department");
        for d in &self.departments {
            row(&mut out, &d.name, &d.quarters);
            if let Some(budget) = d.budget {
                let _ = write!(out, "{:<28}", format!("  variance vs {budget}"));
                for v in &d.variance {
                    let v = v.map_or_else(|| "unknown".to_string(), |v| v.to_string());
                    let _ = write!(out, " {v:>16}");
                }
                out.push('\n');
            }
        }
        out.push('\n');
        header(&mut out, "team");
        for t in &self.teams {
            row(&mut out, &t.name, &t.quarters);
        }
        out
    }
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(width - 1).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, Team, TeamKind};

    fn org_with_costs(costs: &[Option<i64>]) -> Org {
        let mut org = Org::new();
        org.add_team(Team {
            id: "core".into(),
            name: "Core".into(),
            kind: TeamKind::StreamAligned,
            lead: None,
            department: Some("Eng".into()),
        })
        .expect("new team");
        for (i, cost) in costs.iter().enumerate() {
            let mut person = Person::new(format!("p{i}").as_str());
            person.cost = cost.map(Money::from_cents);
            person.team = Some("core".into());
            org.add_person(person).expect("unique");
        }
        org
    }

    #[test]
    fn a_plan_without_any_cost_says_the_cost_is_unknown_not_zero() {
        let today = NaiveDate::from_ymd_opt(2027, 1, 15).expect("date");
        let budgets = [("Eng".to_string(), Money::from_cents(100_000))];
        let mut org = org_with_costs(&[None, None]);
        let plan = super::plan(&mut org, &[], today, &budgets).expect("plan");
        assert!(!plan.total[0].cost_known());
        assert_eq!(plan.total[0].total, 2);
        let eng = &plan.departments[0];
        assert_eq!(eng.variance[0], None, "no variance against an unknown cost");
        assert!(plan.render_text().contains("unknown"));

        let mut org = org_with_costs(&[Some(0), None]);
        let plan = super::plan(&mut org, &[], today, &budgets).expect("plan");
        assert!(plan.total[0].cost_known(), "a cost of zero is known");
        assert_eq!(plan.total[0].costed, 1);
        assert_eq!(
            plan.departments[0].variance[0],
            Some(Money::from_cents(100_000))
        );
    }
}
