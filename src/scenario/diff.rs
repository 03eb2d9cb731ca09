//! Comparing scenarios: what changed for people, teams, support and dotted
//! lines, and every summary metric side by side with deltas. Output is
//! deterministic: every list is sorted.

use crate::metrics::{Metrics, View};
use crate::model::{Org, PersonId, ShortText, Status, TeamId, TeamKind};
use crate::money::Money;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// What the diff records of one person. Texts are shared with the org, not
/// copied: a diff captures thousands of people per scenario and reports
/// few of their fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonState {
    pub name: ShortText,
    pub title: Arc<str>,
    pub level: Arc<str>,
    pub location: Arc<str>,
    pub cost: Option<Money>,
    pub status: Status,
    pub team: Option<TeamId>,
    pub manager: Option<PersonId>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamState {
    pub name: String,
    pub kind: TeamKind,
    pub department: Option<String>,
}

/// The parts of one materialised org that a diff looks at: the people and
/// teams any compared scenario touched (everyone else is the same in all
/// of them), plus the support and dotted lines of those people and teams.
#[derive(Debug, Clone, Default)]
pub struct Capture {
    pub people: BTreeMap<PersonId, Option<PersonState>>,
    pub teams: BTreeMap<TeamId, Option<TeamState>>,
    pub support: BTreeSet<(PersonId, TeamId)>,
    pub dotted: BTreeSet<(PersonId, PersonId)>,
    pub summary: Summary,
}

impl Capture {
    /// Records `people` and `teams` as they stand in `org`; the summary is
    /// left empty for [`Capture::with_summary`].
    pub fn of(org: &Org, people: &BTreeSet<PersonId>, teams: &BTreeSet<TeamId>) -> Capture {
        // Only touched people's and teams' links can differ between the
        // compared orgs, and at a million people the whole sets cost more
        // to copy and compare than everything else.
        let assignments = org.support_assignments();
        let mut support: BTreeSet<(PersonId, TeamId)> = people
            .iter()
            .flat_map(|id| {
                // Assignments are ordered by person: take this one's run.
                assignments
                    .range((id.clone(), TeamId::from(""))..)
                    .take_while(move |(person, _)| person == id)
            })
            .cloned()
            .collect();
        if !teams.is_empty() {
            support.extend(
                assignments
                    .iter()
                    .filter(|(_, team)| teams.contains(team))
                    .cloned(),
            );
        }
        let dotted = people
            .iter()
            .flat_map(|id| org.dotted_lines_of(id))
            .map(|(m, r)| (m.clone(), r.clone()))
            .collect();
        let people = people
            .iter()
            .map(|id| {
                let state = org.person(id).map(|p| PersonState {
                    name: p.name.clone(),
                    title: Arc::clone(&p.title),
                    level: Arc::clone(&p.level),
                    location: Arc::clone(&p.location),
                    cost: p.cost,
                    status: p.status,
                    team: p.team.clone(),
                    manager: org.manager_of(id).cloned(),
                    start_date: p.start_date,
                    end_date: p.end_date,
                });
                (id.clone(), state)
            })
            .collect();
        let teams = teams
            .iter()
            .map(|id| {
                let state = org.team(id).map(|t| TeamState {
                    name: t.name.clone(),
                    kind: t.kind,
                    department: t.department.clone(),
                });
                (id.clone(), state)
            })
            .collect();
        Capture {
            people,
            teams,
            support,
            dotted,
            summary: Summary::default(),
        }
    }

    /// The capture with `metrics` as its summary.
    pub fn with_summary(self, metrics: &Metrics) -> Capture {
        Capture {
            summary: Summary::of(metrics),
            ..self
        }
    }
}

/// Every summary metric of one scenario.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub people: u64,
    pub managers: u64,
    pub ics: u64,
    pub roots: u64,
    pub layers: u32,
    pub span_min: u32,
    pub span_median: f64,
    pub span_mean: f64,
    pub span_max: u32,
    pub band_narrow: u64,
    pub band_in_band: u64,
    pub band_wide: u64,
    pub single_report: u64,
    pub manager_ic_ratio: Option<f64>,
    pub teams_covered: u64,
    pub teams_uncovered: u64,
    pub coverage_ratio: Option<f64>,
    pub staff_plus: u64,
    pub staff_plus_overloaded: u64,
    pub cost: Money,
}

impl Summary {
    pub fn of(m: &Metrics) -> Summary {
        Summary {
            people: m.people,
            managers: m.managers,
            ics: m.ics,
            roots: m.roots,
            layers: m.layers,
            span_min: m.span.min,
            span_median: m.span.median,
            span_mean: m.span.mean,
            span_max: m.span.max,
            band_narrow: m.band.narrow,
            band_in_band: m.band.in_band,
            band_wide: m.band.wide,
            single_report: m.band.single_report,
            manager_ic_ratio: m.manager_ic_ratio,
            teams_covered: m.coverage.covered,
            teams_uncovered: m.coverage.uncovered,
            coverage_ratio: m.coverage.coverage_ratio,
            staff_plus: m.coverage.staff_plus,
            staff_plus_overloaded: m.coverage.overloaded,
            cost: m.cost,
        }
    }

    /// (name, value) of every figure, in a fixed order; `None` where the
    /// figure is undefined (e.g. a ratio with no managers).
    pub fn figures(&self) -> Vec<(&'static str, Option<f64>)> {
        vec![
            ("people", Some(self.people as f64)),
            ("managers", Some(self.managers as f64)),
            ("ics", Some(self.ics as f64)),
            ("roots", Some(self.roots as f64)),
            ("layers", Some(f64::from(self.layers))),
            ("span_min", Some(f64::from(self.span_min))),
            ("span_median", Some(self.span_median)),
            ("span_mean", Some(self.span_mean)),
            ("span_max", Some(f64::from(self.span_max))),
            ("band_narrow", Some(self.band_narrow as f64)),
            ("band_in_band", Some(self.band_in_band as f64)),
            ("band_wide", Some(self.band_wide as f64)),
            ("single_report", Some(self.single_report as f64)),
            ("manager_ic_ratio", self.manager_ic_ratio),
            ("teams_covered", Some(self.teams_covered as f64)),
            ("teams_uncovered", Some(self.teams_uncovered as f64)),
            ("coverage_ratio", self.coverage_ratio),
            ("staff_plus", Some(self.staff_plus as f64)),
            (
                "staff_plus_overloaded",
                Some(self.staff_plus_overloaded as f64),
            ),
            ("cost", Some(self.cost.cents() as f64 / 100.0)),
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Moved {
    pub person: PersonId,
    pub name: String,
    pub from: Option<PersonId>,
    pub to: Option<PersonId>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct PersonLine {
    pub person: PersonId,
    pub name: String,
    pub title: String,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct FieldChange {
    pub person: PersonId,
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct TeamChange {
    pub team: TeamId,
    /// `created`, `dissolved`, `renamed`, `kind` or `department`.
    pub change: &'static str,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LinkChange {
    pub from: String,
    pub to: String,
    /// True when the link exists only on the `to` side.
    pub added: bool,
}

/// Everything that differs between two scenarios (`from` → `to`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PairDiff {
    pub from: String,
    pub to: String,
    pub moved: Vec<Moved>,
    pub added: Vec<PersonLine>,
    pub removed: Vec<PersonLine>,
    pub changed: Vec<FieldChange>,
    pub teams: Vec<TeamChange>,
    pub support: Vec<LinkChange>,
    pub dotted: Vec<LinkChange>,
}

impl PairDiff {
    pub fn is_empty(&self) -> bool {
        self.moved.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.teams.is_empty()
            && self.support.is_empty()
            && self.dotted.is_empty()
    }

    pub fn between(from_name: &str, from: &Capture, to_name: &str, to: &Capture) -> PairDiff {
        let mut diff = PairDiff {
            from: from_name.to_string(),
            to: to_name.to_string(),
            ..PairDiff::default()
        };
        let line = |id: &PersonId, p: &PersonState| PersonLine {
            person: id.clone(),
            name: p.name.to_string(),
            title: p.title.to_string(),
            status: p.status,
        };
        for (id, before) in &from.people {
            let after = to.people.get(id).and_then(Option::as_ref);
            match (before, after) {
                (None, None) => {}
                (Some(b), None) => diff.removed.push(line(id, b)),
                (None, Some(a)) => diff.added.push(line(id, a)),
                (Some(b), Some(a)) => {
                    if b.manager != a.manager {
                        diff.moved.push(Moved {
                            person: id.clone(),
                            name: a.name.to_string(),
                            from: b.manager.clone(),
                            to: a.manager.clone(),
                        });
                    }
                    field_changes(id, b, a, &mut diff.changed);
                }
            }
        }
        for (id, before) in &from.teams {
            let after = to.teams.get(id).and_then(Option::as_ref);
            team_changes(id, before.as_ref(), after, &mut diff.teams);
        }
        diff.support = links(&from.support, &to.support);
        diff.dotted = links(&from.dotted, &to.dotted);
        diff.moved.sort();
        diff.added.sort();
        diff.removed.sort();
        diff.changed.sort();
        diff.teams.sort();
        diff
    }
}

fn text_of<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn field_changes(id: &PersonId, b: &PersonState, a: &PersonState, out: &mut Vec<FieldChange>) {
    // Values are compared before any text is made: a touched person keeps
    // nearly every field. Texts are still compared too, as the report
    // shows them (no team and a team with an empty id read the same).
    let mut push = |field: &'static str, differs: bool, texts: &dyn Fn() -> (String, String)| {
        if !differs {
            return;
        }
        let (before, after) = texts();
        if before != after {
            out.push(FieldChange {
                person: id.clone(),
                field,
                before,
                after,
            });
        }
    };
    push("name", b.name != a.name, &|| {
        (b.name.to_string(), a.name.to_string())
    });
    push("title", b.title != a.title, &|| {
        (b.title.to_string(), a.title.to_string())
    });
    push("level", b.level != a.level, &|| {
        (b.level.to_string(), a.level.to_string())
    });
    push("location", b.location != a.location, &|| {
        (b.location.to_string(), a.location.to_string())
    });
    push("cost", b.cost != a.cost, &|| {
        (text_of(&b.cost), text_of(&a.cost))
    });
    push("status", b.status != a.status, &|| {
        (b.status.as_str().into(), a.status.as_str().into())
    });
    push("team", b.team != a.team, &|| {
        (text_of(&b.team), text_of(&a.team))
    });
    push("start_date", b.start_date != a.start_date, &|| {
        (text_of(&b.start_date), text_of(&a.start_date))
    });
    push("end_date", b.end_date != a.end_date, &|| {
        (text_of(&b.end_date), text_of(&a.end_date))
    });
}

fn team_changes(
    id: &TeamId,
    before: Option<&TeamState>,
    after: Option<&TeamState>,
    out: &mut Vec<TeamChange>,
) {
    let mut push = |change: &'static str, before: String, after: String| {
        out.push(TeamChange {
            team: id.clone(),
            change,
            before,
            after,
        });
    };
    match (before, after) {
        (None, None) => {}
        (None, Some(a)) => push("created", String::new(), a.name.clone()),
        (Some(b), None) => push("dissolved", b.name.clone(), String::new()),
        (Some(b), Some(a)) => {
            if b.name != a.name {
                push("renamed", b.name.clone(), a.name.clone());
            }
            if b.kind != a.kind {
                push("kind", b.kind.as_str().into(), a.kind.as_str().into());
            }
            if b.department != a.department {
                push("department", text_of(&b.department), text_of(&a.department));
            }
        }
    }
}

fn links<A: Ord + ToString, B: Ord + ToString>(
    from: &BTreeSet<(A, B)>,
    to: &BTreeSet<(A, B)>,
) -> Vec<LinkChange> {
    let mut out: Vec<LinkChange> = from
        .difference(to)
        .map(|(a, b)| (a, b, false))
        .chain(to.difference(from).map(|(a, b)| (a, b, true)))
        .map(|(a, b, added)| LinkChange {
            from: a.to_string(),
            to: b.to_string(),
            added,
        })
        .collect();
    out.sort();
    out
}

/// One metric across the compared scenarios, with deltas against the first
/// (the baseline).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricRow {
    pub metric: &'static str,
    pub values: Vec<Option<f64>>,
    pub deltas: Vec<Option<f64>>,
}

/// A comparison of any number of scenarios: the baseline first, then each
/// scenario asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub view: View,
    pub as_of: Option<NaiveDate>,
    pub scenarios: Vec<String>,
    pub summaries: Vec<Summary>,
    pub metrics: Vec<MetricRow>,
    /// Each scenario against the baseline.
    pub against_baseline: Vec<PairDiff>,
    /// Every pair of the scenarios asked for (not involving the baseline).
    pub pairwise: Vec<PairDiff>,
}

impl Comparison {
    /// `captures[0]` is the baseline.
    pub fn of(view: View, as_of: Option<NaiveDate>, captures: &[(String, Capture)]) -> Comparison {
        let scenarios: Vec<String> = captures.iter().map(|(name, _)| name.clone()).collect();
        let summaries: Vec<Summary> = captures.iter().map(|(_, c)| c.summary.clone()).collect();
        let figures: Vec<Vec<(&'static str, Option<f64>)>> =
            summaries.iter().map(Summary::figures).collect();
        let metrics = figures
            .first()
            .map(|first| {
                first
                    .iter()
                    .enumerate()
                    .map(|(i, (metric, base))| {
                        let values: Vec<Option<f64>> = figures.iter().map(|f| f[i].1).collect();
                        let deltas = values
                            .iter()
                            .map(|v| match (v, base) {
                                (Some(v), Some(b)) => Some(round(v - b)),
                                _ => None,
                            })
                            .collect();
                        MetricRow {
                            metric,
                            values,
                            deltas,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut against_baseline = Vec::new();
        let mut pairwise = Vec::new();
        if let Some((base_name, base)) = captures.first() {
            for (name, capture) in &captures[1..] {
                against_baseline.push(PairDiff::between(base_name, base, name, capture));
            }
            for (i, (a_name, a)) in captures.iter().enumerate().skip(1) {
                for (b_name, b) in &captures[i + 1..] {
                    pairwise.push(PairDiff::between(a_name, a, b_name, b));
                }
            }
        }
        Comparison {
            view,
            as_of,
            scenarios,
            summaries,
            metrics,
            against_baseline,
            pairwise,
        }
    }

    /// A readable report: the metrics table, then each diff.
    pub fn render_text(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let width = self
            .scenarios
            .iter()
            .map(String::len)
            .max()
            .unwrap_or(0)
            .max(16);
        let _ = write!(out, "{:<22}", "metric");
        for name in &self.scenarios {
            let _ = write!(out, " {name:>width$}");
        }
        out.push('\n');
        for row in &self.metrics {
            let _ = write!(out, "{:<22}", row.metric);
            for (i, value) in row.values.iter().enumerate() {
                let cell = match (value, row.deltas[i]) {
                    (None, _) => "-".to_string(),
                    (Some(v), Some(d)) if i > 0 && d != 0.0 => {
                        format!("{} ({:+})", number(*v), round(d))
                    }
                    (Some(v), _) => number(*v),
                };
                let _ = write!(out, " {cell:>width$}");
            }
            out.push('\n');
        }
        for diff in self.against_baseline.iter().chain(&self.pairwise) {
            let _ = writeln!(out, "\n{} -> {}", diff.from, diff.to);
            if diff.is_empty() {
                out.push_str("  no differences\n");
            }
            for m in &diff.moved {
                let _ = writeln!(
                    out,
                    "  moved    {} ({}): {} -> {}",
                    m.person,
                    m.name,
                    text_of(&m.from).if_empty("(no manager)"),
                    text_of(&m.to).if_empty("(no manager)")
                );
            }
            for p in &diff.added {
                let _ = writeln!(
                    out,
                    "  added    {} ({}, {}, {})",
                    p.person,
                    p.name.clone().if_empty("unnamed"),
                    p.title,
                    p.status.as_str()
                );
            }
            for p in &diff.removed {
                let _ = writeln!(
                    out,
                    "  removed  {} ({}, {})",
                    p.person,
                    p.name.clone().if_empty("unnamed"),
                    p.title
                );
            }
            for c in &diff.changed {
                let _ = writeln!(
                    out,
                    "  changed  {} {}: {} -> {}",
                    c.person, c.field, c.before, c.after
                );
            }
            for t in &diff.teams {
                let _ = writeln!(
                    out,
                    "  team     {} {}: {} -> {}",
                    t.team, t.change, t.before, t.after
                );
            }
            for s in &diff.support {
                let sign = if s.added { "+" } else { "-" };
                let _ = writeln!(out, "  support  {sign} {} supports {}", s.from, s.to);
            }
            for d in &diff.dotted {
                let sign = if d.added { "+" } else { "-" };
                let _ = writeln!(out, "  dotted   {sign} {} -> {}", d.from, d.to);
            }
        }
        out
    }
}

trait IfEmpty {
    fn if_empty(self, fallback: &str) -> String;
}

impl IfEmpty for String {
    fn if_empty(self, fallback: &str) -> String {
        if self.is_empty() {
            fallback.to_string()
        } else {
            self
        }
    }
}

/// Rounds away float noise (sums of ratios) to 6 decimals.
fn round(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        format!("{value:.3}")
    }
}
