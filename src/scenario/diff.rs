//! Comparing scenarios: what changed for people, teams, support and dotted
//! lines, and every summary metric side by side with deltas. Output is
//! deterministic: every list is sorted.

use super::change::{person_label, team_name_label};

mod lines;
mod settings;
#[cfg(test)]
mod tests;
mod view;

use crate::metrics::{Metrics, View};
use crate::model::{Ladder, Org, PersonId, Policy, ShortText, Status, TeamId, TeamKind};
use crate::money::Money;
use chrono::NaiveDate;
use lines::team_text;
use serde::Serialize;
pub use settings::SettingsDiffer;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
pub use view::{ComparisonView, DiffView};

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
    /// Name and title of everyone else a captured line points at (managers,
    /// supporters, dotted-line ends), so diff lines can name them.
    pub names: BTreeMap<PersonId, (ShortText, Arc<str>)>,
    /// Names of the teams captured people, support lines and teams point at.
    pub team_names: BTreeMap<TeamId, String>,
    /// Whether anyone in the org has a cost (see [`crate::metrics::cost_known`]).
    pub cost_known: bool,
    /// The settings the metrics were computed with: a scenario may set its
    /// own, and then its band or coverage figures differ for that reason.
    pub policy: Policy,
    pub ladder: Ladder,
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
        let (names, team_names) = referenced_names(org, &people, &support, &dotted);
        Capture {
            people,
            teams,
            support,
            dotted,
            names,
            team_names,
            cost_known: crate::metrics::cost_known(org),
            policy: org.policy,
            ladder: org.ladder.clone(),
            summary: Summary::default(),
        }
    }

    /// `Name (title)` of `id` as this capture knows them, or the id.
    fn person_label(&self, id: &PersonId) -> String {
        if let Some(Some(p)) = self.people.get(id) {
            return person_label(id, &p.name, &p.title);
        }
        match self.names.get(id) {
            Some((name, title)) => person_label(id, name, title),
            None => id.to_string(),
        }
    }

    fn team_label(&self, id: &TeamId) -> String {
        let captured = self
            .teams
            .get(id)
            .and_then(Option::as_ref)
            .map(|t| t.name.as_str());
        team_name_label(id, captured.or(self.team_names.get(id).map(String::as_str)))
    }

    /// The capture with `metrics` as its summary.
    pub fn with_summary(self, metrics: &Metrics) -> Capture {
        Capture {
            summary: Summary {
                cost_known: self.cost_known,
                ..Summary::of(metrics)
            },
            ..self
        }
    }
}

type PersonNames = BTreeMap<PersonId, (ShortText, Arc<str>)>;

/// The names of the people and teams that the captured people, support
/// and dotted lines point at: few, as only touched people are captured.
fn referenced_names(
    org: &Org,
    people: &BTreeMap<PersonId, Option<PersonState>>,
    support: &BTreeSet<(PersonId, TeamId)>,
    dotted: &BTreeSet<(PersonId, PersonId)>,
) -> (PersonNames, BTreeMap<TeamId, String>) {
    let mut names = PersonNames::new();
    let mut note = |id: &PersonId| {
        if !people.contains_key(id) && !names.contains_key(id) {
            if let Some(p) = org.person(id) {
                names.insert(id.clone(), (p.name.clone(), Arc::clone(&p.title)));
            }
        }
    };
    let states = people.values().flatten();
    for manager in states.clone().filter_map(|p| p.manager.as_ref()) {
        note(manager);
    }
    for (person, _) in support {
        note(person);
    }
    for (manager, report) in dotted {
        note(manager);
        note(report);
    }
    let team_names = states
        .filter_map(|p| p.team.as_ref())
        .chain(support.iter().map(|(_, team)| team))
        .filter_map(|id| org.team(id).map(|t| (id.clone(), t.name.clone())))
        .collect();
    (names, team_names)
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
    /// False when no one has a cost: `cost` is then unknown, not zero.
    pub cost_known: bool,
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
            cost_known: true,
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
            (
                "cost",
                self.cost_known.then(|| self.cost.cents() as f64 / 100.0),
            ),
        ]
    }
}

/// A person moved to another manager. Labels name people as
/// `Name (title)` (see [`person_label`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Moved {
    pub person: PersonId,
    pub name: String,
    pub label: String,
    pub from: Option<PersonId>,
    pub to: Option<PersonId>,
    pub from_label: Option<String>,
    pub to_label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct PersonLine {
    pub person: PersonId,
    pub name: String,
    pub title: String,
    pub status: Status,
}

/// One field of a person that differs. For `team`, `before` and `after`
/// are team ids and the labels name the teams.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct FieldChange {
    pub person: PersonId,
    pub label: String,
    pub field: &'static str,
    pub before: String,
    pub after: String,
    pub before_label: String,
    pub after_label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct TeamChange {
    pub team: TeamId,
    /// `created`, `dissolved`, `renamed`, `kind` or `department`.
    pub change: &'static str,
    pub before: String,
    pub after: String,
}

/// A support line (person → team) or dotted line (manager → report).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LinkChange {
    pub from: String,
    pub to: String,
    /// True when the link exists only on the `to` side.
    pub added: bool,
    pub from_label: String,
    pub to_label: String,
}

/// One line of a diff as a reader sees it, worded once here for the CLI
/// and the app: people as `Name (title)`, their ids beside (`person`),
/// and no individual's cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DiffLine {
    /// `moved`, `added`, `removed`, `changed`, `team`, `support` or `dotted`.
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub kind: &'static str,
    /// The person the line is about.
    pub person: Option<PersonId>,
    pub text: String,
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
                            label: person_label(id, &a.name, &a.title),
                            from: b.manager.clone(),
                            to: a.manager.clone(),
                            from_label: b.manager.as_ref().map(|m| from.person_label(m)),
                            to_label: a.manager.as_ref().map(|m| to.person_label(m)),
                        });
                    }
                    let start = diff.changed.len();
                    field_changes(id, b, a, &mut diff.changed);
                    for change in &mut diff.changed[start..] {
                        change.label = person_label(id, &a.name, &a.title);
                        if change.field == "team" {
                            change.before_label = team_text(from, &b.team);
                            change.after_label = team_text(to, &a.team);
                        }
                    }
                }
            }
        }
        for (id, before) in &from.teams {
            let after = to.teams.get(id).and_then(Option::as_ref);
            team_changes(id, before.as_ref(), after, &mut diff.teams);
        }
        diff.support = links(&from.support, &to.support);
        for link in &mut diff.support {
            let side = if link.added { to } else { from };
            link.from_label = side.person_label(&PersonId::from(link.from.as_str()));
            link.to_label = side.team_label(&TeamId::from(link.to.as_str()));
        }
        diff.dotted = links(&from.dotted, &to.dotted);
        for link in &mut diff.dotted {
            let side = if link.added { to } else { from };
            link.from_label = side.person_label(&PersonId::from(link.from.as_str()));
            link.to_label = side.person_label(&PersonId::from(link.to.as_str()));
        }
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
                label: String::new(),
                field,
                before_label: before.clone(),
                after_label: after.clone(),
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
            from_label: a.to_string(),
            to_label: b.to_string(),
        })
        .collect();
    out.sort();
    out
}

/// One metric across the compared scenarios, with deltas against the first
/// (the baseline).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MetricRow {
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub metric: &'static str,
    pub values: Vec<Option<f64>>,
    pub deltas: Vec<Option<f64>>,
    /// True where the scenario computes this metric with other settings
    /// than the baseline's (its own span band, max load or ladder), so
    /// its delta is at least partly the settings' doing.
    pub by_settings: Vec<bool>,
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
    /// Per scenario, what its own settings are where they differ from the
    /// baseline's (`None` for the baseline and for scenarios without).
    pub settings: Vec<Option<String>>,
}

impl Comparison {
    /// `captures[0]` is the baseline.
    pub fn of(view: View, as_of: Option<NaiveDate>, captures: &[(String, Capture)]) -> Comparison {
        let scenarios: Vec<String> = captures.iter().map(|(name, _)| name.clone()).collect();
        let summaries: Vec<Summary> = captures.iter().map(|(_, c)| c.summary.clone()).collect();
        let figures: Vec<Vec<(&'static str, Option<f64>)>> =
            summaries.iter().map(Summary::figures).collect();
        let differ: Vec<SettingsDiffer> = match captures.first() {
            Some((_, base)) => captures
                .iter()
                .map(|(_, c)| SettingsDiffer::between(base, c))
                .collect(),
            None => Vec::new(),
        };
        let settings = match captures.first() {
            Some((_, base)) => captures
                .iter()
                .zip(&differ)
                .map(|((_, c), d)| d.any().then(|| d.describe(base, c)))
                .collect(),
            None => Vec::new(),
        };
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
                            by_settings: differ.iter().map(|d| d.affects(metric)).collect(),
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
            settings,
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
                let cell = if row.by_settings.get(i).copied().unwrap_or(false) {
                    format!("{cell}*")
                } else {
                    cell
                };
                let _ = write!(out, " {cell:>width$}");
            }
            out.push('\n');
        }
        for (name, note) in self.scenarios.iter().zip(&self.settings) {
            if let Some(note) = note {
                let _ = writeln!(out, "* {name} has its own settings: {note}");
            }
        }
        for diff in self.against_baseline.iter().chain(&self.pairwise) {
            let _ = writeln!(out, "\n{} -> {}", diff.from, diff.to);
            if diff.is_empty() {
                out.push_str("  no differences\n");
            }
            for line in diff.lines() {
                let _ = write!(out, "  {:<8} {}", line.kind, line.text);
                match &line.person {
                    // A person with no name is already named by their id.
                    Some(id) if !line.text.starts_with(id.as_str()) => {
                        let _ = writeln!(out, "  [{id}]");
                    }
                    _ => out.push('\n'),
                }
            }
        }
        out
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
