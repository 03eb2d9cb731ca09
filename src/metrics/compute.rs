//! Full O(n) computation of every metric.

use super::coverage::TeamFigures;
use super::input::MetricsInput;
use super::{
    BandStats, Coverage, ManagerSpan, Metrics, SpanBucket, SpanStats, TeamSizeStats, Verdict, View,
};
use crate::model::{Org, Policy, NO_PARENT};
use crate::money::Money;

/// The reporting-line state every summary figure derives from. Arrays are
/// indexed by person position; entries for people outside the view are 0
/// (or `NO_PARENT`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LineState {
    pub included: Vec<bool>,
    /// Nearest ancestor inside the view: people outside the view are skipped
    /// over, as if their reports rolled up to the next manager.
    pub effective_parent: Vec<u32>,
    pub span: Vec<u32>,
    /// Layer of each included person; roots are layer 1.
    pub layer: Vec<u32>,
    /// Included people below each person (not counting them).
    pub subtree_count: Vec<u64>,
    /// Cost of each included person's subtree, themselves included.
    pub subtree_cost: Vec<i64>,
    /// `span_histogram[s]` = managers with span s (index 0 unused).
    pub span_histogram: Vec<u64>,
    /// `layer_histogram[l]` = people on layer l (index 0 unused).
    pub layer_histogram: Vec<u64>,
    pub people: u64,
    pub roots: u64,
    pub cost: i64,
}

/// Empties `values` and refills it with `n` copies of `value`, keeping its
/// allocation: recomputing into warm buffers avoids page faults, which at a
/// million people cost more than the arithmetic.
fn reset<T: Copy>(values: &mut Vec<T>, n: usize, value: T) {
    values.clear();
    values.resize(n, value);
}

impl LineState {
    pub fn build(input: &MetricsInput, view: View) -> LineState {
        let mut state = LineState::empty();
        state.rebuild(input, view);
        state
    }

    /// The reporting lines of `view` (who counts, effective managers, spans
    /// and layers) without the per-person subtree totals: what the health
    /// checks read, by the metrics' own rules.
    pub fn lines(input: &MetricsInput, view: View) -> LineState {
        let mut state = LineState::empty();
        state.rebuild_with(input, view, false);
        state
    }

    fn empty() -> LineState {
        LineState {
            included: Vec::new(),
            effective_parent: Vec::new(),
            span: Vec::new(),
            layer: Vec::new(),
            subtree_count: Vec::new(),
            subtree_cost: Vec::new(),
            span_histogram: Vec::new(),
            layer_histogram: Vec::new(),
            people: 0,
            roots: 0,
            cost: 0,
        }
    }

    /// Recomputes everything in place, reusing this state's buffers.
    pub fn rebuild(&mut self, input: &MetricsInput, view: View) {
        self.rebuild_with(input, view, true);
    }

    /// Like [`LineState::rebuild`]; without `subtrees` the per-person
    /// subtree totals are left empty, which is all a summary needs and
    /// saves a bottom-up pass of scattered reads.
    fn rebuild_with(&mut self, input: &MetricsInput, view: View, subtrees: bool) {
        let n = input.len();
        let forest = &input.forest;
        self.included.clear();
        self.included
            .extend(input.status.iter().map(|&s| view.includes(s)));
        reset(&mut self.effective_parent, n, NO_PARENT);
        reset(&mut self.span, n, 0);
        reset(&mut self.layer, n, 0);
        reset(&mut self.layer_histogram, 1, 0);
        let (included, effective_parent, span, layer) = (
            &self.included,
            &mut self.effective_parent,
            &mut self.span,
            &mut self.layer,
        );
        let layer_histogram = &mut self.layer_histogram;
        let (mut people, mut roots, mut cost) = (0u64, 0u64, 0i64);
        for &node in forest.top_down() {
            let node = node as usize;
            let eff = match forest.parent(node as u32) {
                None => NO_PARENT,
                Some(p) if included[p as usize] => p,
                Some(p) => effective_parent[p as usize],
            };
            effective_parent[node] = eff;
            if !included[node] {
                continue;
            }
            people += 1;
            cost += input.cost_cents[node];
            let l = if eff == NO_PARENT {
                roots += 1;
                1
            } else {
                span[eff as usize] += 1;
                layer[eff as usize] + 1
            };
            layer[node] = l;
            if layer_histogram.len() <= l as usize {
                layer_histogram.resize(l as usize + 1, 0);
            }
            layer_histogram[l as usize] += 1;
        }
        self.subtree_count.clear();
        self.subtree_cost.clear();
        if subtrees {
            self.add_subtree_totals(input);
        }
        reset(&mut self.span_histogram, 1, 0);
        for (&s, &counted) in self.span.iter().zip(&self.included) {
            if s > 0 && counted {
                if self.span_histogram.len() <= s as usize {
                    self.span_histogram.resize(s as usize + 1, 0);
                }
                self.span_histogram[s as usize] += 1;
            }
        }
        self.people = people;
        self.roots = roots;
        self.cost = cost;
    }

    fn add_subtree_totals(&mut self, input: &MetricsInput) {
        reset(&mut self.subtree_count, input.len(), 0);
        self.subtree_cost.clear();
        self.subtree_cost.extend(
            input
                .cost_cents
                .iter()
                .zip(&self.included)
                .map(|(&cents, &counted)| if counted { cents } else { 0 }),
        );
        for &node in input.forest.top_down().iter().rev() {
            let node = node as usize;
            let eff = self.effective_parent[node];
            if self.included[node] && eff != NO_PARENT {
                self.subtree_count[eff as usize] += self.subtree_count[node] + 1;
                self.subtree_cost[eff as usize] += self.subtree_cost[node];
            }
        }
    }

    pub fn managers(&self) -> u64 {
        self.span_histogram.iter().sum()
    }

    pub fn layers(&self) -> u32 {
        self.layer_histogram
            .iter()
            .rposition(|&count| count > 0)
            .unwrap_or(0) as u32
    }

    pub fn span_stats(&self) -> SpanStats {
        let managers = self.managers();
        if managers == 0 {
            return SpanStats {
                min: 0,
                median: 0.0,
                mean: 0.0,
                max: 0,
            };
        }
        let min = self.span_histogram.iter().position(|&c| c > 0).unwrap_or(0) as u32;
        let max = self
            .span_histogram
            .iter()
            .rposition(|&c| c > 0)
            .unwrap_or(0) as u32;
        let total: u64 = self
            .span_histogram
            .iter()
            .enumerate()
            .map(|(s, &c)| s as u64 * c)
            .sum();
        // The k-th smallest span (0-based), read off the histogram.
        let nth = |k: u64| -> u32 {
            let mut seen = 0;
            for (s, &c) in self.span_histogram.iter().enumerate() {
                seen += c;
                if seen > k {
                    return s as u32;
                }
            }
            max
        };
        let median = if managers % 2 == 1 {
            f64::from(nth(managers / 2))
        } else {
            (f64::from(nth(managers / 2 - 1)) + f64::from(nth(managers / 2))) / 2.0
        };
        SpanStats {
            min,
            median,
            mean: total as f64 / managers as f64,
            max,
        }
    }

    pub fn band_stats(&self, policy: &Policy) -> BandStats {
        let mut band = BandStats {
            min: policy.band_min,
            max: policy.band_max,
            narrow: 0,
            wide: 0,
            in_band: 0,
            single_report: self.span_histogram.get(1).copied().unwrap_or(0),
        };
        for (s, &count) in self.span_histogram.iter().enumerate().skip(1) {
            match Verdict::of(s as u32, policy.band_min, policy.band_max) {
                Verdict::Narrow => band.narrow += count,
                Verdict::InBand => band.in_band += count,
                Verdict::Wide => band.wide += count,
            }
        }
        band
    }

    pub fn span_histogram_buckets(&self) -> Vec<SpanBucket> {
        self.span_histogram
            .iter()
            .enumerate()
            .filter(|&(s, &c)| s > 0 && c > 0)
            .map(|(s, &c)| SpanBucket {
                span: s as u32,
                managers: c,
            })
            .collect()
    }

    /// Assembles the full metrics from this state plus the (move-invariant)
    /// team and coverage figures.
    pub fn metrics(
        &self,
        org: &Org,
        input: &MetricsInput,
        teams: &TeamFigures,
        view: View,
    ) -> Metrics {
        let policy = &org.policy;
        let span_by_manager = org
            .people()
            .enumerate()
            .filter(|&(i, _)| self.included[i] && self.span[i] > 0)
            .map(|(i, person)| ManagerSpan {
                id: person.id.to_string(),
                span: self.span[i],
                verdict: Verdict::of(self.span[i], policy.band_min, policy.band_max),
                total_reports: self.subtree_count[i],
                subtree_cost: Money::from_cents(self.subtree_cost[i]),
            })
            .collect();
        let team_size = TeamSizeStats::of(&teams.headcount, policy);
        let coverage = teams.coverage(org, input, &self.included);
        let mut metrics = self.summary(policy, coverage, team_size, view);
        metrics.span_by_manager = span_by_manager;
        metrics.teams = teams.team_stats(org);
        metrics
    }

    /// Every aggregate figure, from the histograms kept in this state:
    /// O(largest span + layers). The per-manager and per-team lists are
    /// left empty; `coverage` and `team_size` are passed in (moves do not
    /// change them).
    pub fn summary(
        &self,
        policy: &Policy,
        coverage: Coverage,
        team_size: TeamSizeStats,
        view: View,
    ) -> Metrics {
        let managers = self.managers();
        let ics = self.people - managers;
        Metrics {
            view,
            people: self.people,
            managers,
            ics,
            roots: self.roots,
            layers: self.layers(),
            span: self.span_stats(),
            band: self.band_stats(policy),
            manager_ic_ratio: (managers > 0).then(|| ics as f64 / managers as f64),
            cost: Money::from_cents(self.cost),
            span_histogram: self.span_histogram_buckets(),
            people_per_layer: self.layer_histogram.iter().skip(1).copied().collect(),
            span_by_manager: Vec::new(),
            teams: Vec::new(),
            coverage,
            team_size,
            warnings: Vec::new(),
        }
    }
}

/// Every aggregate metric for `org` in `view` (no per-person lists).
pub fn summarise(org: &Org, view: View) -> Metrics {
    let input = MetricsInput::from_org(org);
    Figures::compute(&input, view).summary(org, &input)
}

/// Every metric for `org` in `view`.
pub fn compute(org: &Org, view: View) -> Metrics {
    compute_with(org, &MetricsInput::from_org(org), view)
}

/// Every metric, reusing inputs already extracted from `org`.
pub fn compute_with(org: &Org, input: &MetricsInput, view: View) -> Metrics {
    Figures::compute(input, view).report(org, input)
}

/// Every metric as numbers and arrays indexed by person and team: the O(n)
/// work, without building the labelled lists of the report.
#[derive(Debug, Clone)]
pub struct Figures {
    view: View,
    line: LineState,
    teams: TeamFigures,
}

/// From this many people on, the reporting-line pass and the team pass run
/// on two threads; below it a thread costs more than it saves.
pub(crate) const PARALLEL_FROM: usize = 200_000;

/// Runs `line` while the team figures are computed on another thread.
fn teams_beside<R>(input: &MetricsInput, view: View, line: impl FnOnce() -> R) -> (R, TeamFigures) {
    std::thread::scope(|scope| {
        let teams = scope.spawn(|| {
            let included: Vec<bool> = input.status.iter().map(|&s| view.includes(s)).collect();
            TeamFigures::compute(input, &included)
        });
        let line = line();
        let teams = teams
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (line, teams)
    })
}

impl Figures {
    pub fn compute(input: &MetricsInput, view: View) -> Figures {
        if input.len() >= PARALLEL_FROM {
            let (line, teams) = teams_beside(input, view, || LineState::build(input, view));
            return Figures { view, line, teams };
        }
        let line = LineState::build(input, view);
        let teams = TeamFigures::compute(input, &line.included);
        Figures { view, line, teams }
    }

    /// Recomputes in place, reusing this value's buffers (what a long-lived
    /// caller such as the app does after an edit).
    pub fn recompute(&mut self, input: &MetricsInput, view: View) {
        self.recompute_with(input, view, true);
    }

    /// Recomputes in place only what [`Figures::summary`] reads: the
    /// per-person subtree totals of the report are left out.
    pub fn recompute_for_summary(&mut self, input: &MetricsInput, view: View) {
        self.recompute_with(input, view, false);
    }

    fn recompute_with(&mut self, input: &MetricsInput, view: View, subtrees: bool) {
        self.view = view;
        let line = &mut self.line;
        if input.len() >= PARALLEL_FROM {
            ((), self.teams) =
                teams_beside(input, view, || line.rebuild_with(input, view, subtrees));
        } else {
            line.rebuild_with(input, view, subtrees);
            self.teams = TeamFigures::compute(input, &line.included);
        }
    }

    pub fn people(&self) -> u64 {
        self.line.people
    }

    pub fn managers(&self) -> u64 {
        self.line.managers()
    }

    pub fn layers(&self) -> u32 {
        self.line.layers()
    }

    pub fn span_stats(&self) -> SpanStats {
        self.line.span_stats()
    }

    /// Every aggregate, without the per-manager, per-team and per-engineer
    /// lists of [`Figures::report`].
    pub fn summary(&self, org: &Org, input: &MetricsInput) -> Metrics {
        let coverage = self.teams.coverage_summary(org, input, &self.line.included);
        self.summary_with(org, coverage)
    }

    /// [`Figures::summary`] with no list of uncovered teams (their count
    /// stays): every figure a comparison of scenarios shows.
    pub fn counts(&self, org: &Org, input: &MetricsInput) -> Metrics {
        let coverage = self.teams.coverage_counts(org, input, &self.line.included);
        self.summary_with(org, coverage)
    }

    fn summary_with(&self, org: &Org, coverage: super::Coverage) -> Metrics {
        let team_size = TeamSizeStats::of(&self.teams.headcount, &org.policy);
        self.line
            .summary(&org.policy, coverage, team_size, self.view)
    }

    /// The labelled report (ids and names). O(n).
    pub fn report(&self, org: &Org, input: &MetricsInput) -> Metrics {
        self.line.metrics(org, input, &self.teams, self.view)
    }

    /// The Teams view's rows: O(teams).
    pub fn team_rows(&self, org: &Org) -> Vec<super::TeamRow> {
        super::teams::rows(org, &self.teams)
    }
}
