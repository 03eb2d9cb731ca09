//! The greedy planner: the steps of each sibling group (flatten,
//! transfer, merge, split), bottom-up, and the budgeted selection. See
//! the parent module's doc for the rules.

use super::SpanOptions;
use crate::metrics::{LineState, MetricsInput, View};
use crate::model::{Forest, Org, NO_PARENT};

/// The reporting lines a plan reads and the spans it changes, by person
/// position.
#[derive(Debug, Clone)]
pub(super) struct State {
    pub min: u32,
    pub max: u32,
    pub across: bool,
    /// Effective managers of counted people; `NO_PARENT` for roots and for
    /// people outside the current view.
    pub lines: Forest,
    pub span: Vec<u32>,
    pub team: Vec<u32>,
    /// Counted, not staff+, not pinned.
    pub movable: Vec<bool>,
    /// Counted and with no reports at the start.
    pub ic: Vec<bool>,
    pub moved: Vec<bool>,
    /// Managers that received someone (they are not merged away).
    pub received: Vec<bool>,
    /// The figures of the org as it is.
    pub before: super::SpanFigures,
}

impl State {
    pub fn new(org: &Org, options: &SpanOptions, (min, max): (u32, u32)) -> State {
        let input = MetricsInput::from_org(org);
        let lines = LineState::lines(&input, View::Current);
        let before = super::emit::figures(&lines, (min, max), &org.policy);
        let n = input.len();
        let mut pinned = vec![false; n];
        let positions = org.positions();
        for id in &options.keep {
            if let Some(p) = positions.of(id) {
                pinned[p as usize] = true;
            }
        }
        let parent: Vec<u32> = (0..n)
            .map(|i| {
                if lines.included[i] {
                    lines.effective_parent[i]
                } else {
                    NO_PARENT
                }
            })
            .collect();
        let forest = Forest::from_parents(parent).unwrap_or_else(|_| {
            // Effective managers are ancestors in a forest, so they form
            // one too; an empty forest here would only lose suggestions.
            Forest::from_parents(vec![NO_PARENT; n]).unwrap_or_default()
        });
        let movable = (0..n)
            .map(|i| lines.included[i] && !input.staff_plus[i] && !pinned[i])
            .collect();
        let ic = (0..n)
            .map(|i| lines.included[i] && lines.span[i] == 0)
            .collect();
        State {
            min,
            max,
            across: options.move_across_teams,
            lines: forest,
            span: lines.span,
            team: input.team,
            movable,
            ic,
            moved: vec![false; n],
            received: vec![false; n],
            before,
        }
    }

    pub fn out_of_band(&self, span: u32) -> bool {
        span > 0 && (span < self.min || span > self.max)
    }

    /// Whether `person` may move under `receiver`'s team.
    pub fn fits(&self, person: u32, receiver_team: u32) -> bool {
        self.across || self.team[person as usize] == receiver_team
    }

    /// Unmoved movable ICs reporting to `manager` that fit `team`.
    pub fn free_ics(&self, manager: u32, team: u32) -> impl Iterator<Item = u32> + '_ {
        self.lines
            .children(manager)
            .iter()
            .copied()
            .filter(move |&c| {
                let i = c as usize;
                self.ic[i] && self.movable[i] && !self.moved[i] && self.fits(c, team)
            })
    }

    /// Adds to `moves` up to `limit` moves `(person, source, sink)` of
    /// `source`'s free ICs that fit `team` and are not in `moves` yet.
    fn plan_moves(
        &self,
        source: u32,
        sink: u32,
        team: u32,
        limit: usize,
        moves: &mut Vec<(u32, u32, u32)>,
    ) {
        let free: Vec<u32> = self
            .free_ics(source, team)
            .filter(|p| !moves.iter().any(|m| m.0 == *p))
            .take(limit)
            .collect();
        moves.extend(free.into_iter().map(|p| (p, source, sink)));
    }

    /// Current reports of `manager` who have not moved (all of them when it
    /// received nobody).
    fn staying(&self, manager: u32) -> Vec<u32> {
        self.lines
            .children(manager)
            .iter()
            .copied()
            .filter(|&c| !self.moved[c as usize])
            .collect()
    }
}

/// One step of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Unit {
    /// `report`, the only report of `manager`, moves up to `to`.
    Flatten { manager: u32, report: u32, to: u32 },
    /// ICs move between siblings: (person, from, to).
    Transfer { moves: Vec<(u32, u32, u32)> },
    /// Every report of `from` moves to `into`.
    Merge {
        from: u32,
        into: u32,
        people: Vec<u32>,
    },
    /// Open reqs under `manager`, each taking the ICs listed.
    Split { manager: u32, reqs: Vec<Vec<u32>> },
}

impl Unit {
    pub fn moves(&self) -> usize {
        match self {
            Unit::Flatten { .. } => 1,
            Unit::Transfer { moves } => moves.len(),
            Unit::Merge { people, .. } => people.len(),
            Unit::Split { reqs, .. } => reqs.iter().map(Vec::len).sum(),
        }
    }

    /// How each touched manager's span changes (new reqs, in band, aside).
    fn deltas(&self) -> Vec<(u32, i64)> {
        match self {
            Unit::Flatten { manager, to, .. } => vec![(*manager, -1), (*to, 1)],
            Unit::Transfer { moves } => moves
                .iter()
                .flat_map(|&(_, from, to)| [(from, -1), (to, 1)])
                .collect(),
            Unit::Merge { from, into, people } => {
                vec![
                    (*from, -(people.len() as i64)),
                    (*into, people.len() as i64),
                ]
            }
            Unit::Split { manager, reqs } => {
                let taken: usize = reqs.iter().map(Vec::len).sum();
                vec![(*manager, reqs.len() as i64 - taken as i64)]
            }
        }
    }

    /// The people it moves.
    fn people(&self) -> Vec<u32> {
        match self {
            Unit::Flatten { report, .. } => vec![*report],
            Unit::Transfer { moves } => moves.iter().map(|m| m.0).collect(),
            Unit::Merge { people, .. } => people.clone(),
            Unit::Split { reqs, .. } => reqs.concat(),
        }
    }

    fn receivers(&self) -> Vec<u32> {
        match self {
            Unit::Flatten { to, .. } => vec![*to],
            Unit::Transfer { moves } => moves.iter().map(|m| m.2).collect(),
            Unit::Merge { into, .. } => vec![*into],
            Unit::Split { .. } => Vec::new(),
        }
    }
}

/// Managers out of band among those `unit` touches, before minus after.
pub(super) fn gain(state: &State, span: &[u32], unit: &Unit) -> i64 {
    let mut touched: Vec<(u32, i64)> = Vec::new();
    for (manager, delta) in unit.deltas() {
        match touched.iter_mut().find(|t| t.0 == manager) {
            Some(entry) => entry.1 += delta,
            None => touched.push((manager, delta)),
        }
    }
    touched
        .iter()
        .map(|&(manager, delta)| {
            let before = span[manager as usize];
            let after = (i64::from(before) + delta).max(0) as u32;
            i64::from(state.out_of_band(before)) - i64::from(state.out_of_band(after))
        })
        .sum()
}

fn apply_spans(span: &mut [u32], unit: &Unit) {
    for (manager, delta) in unit.deltas() {
        let s = &mut span[manager as usize];
        *s = (i64::from(*s) + delta).max(0) as u32;
    }
}

/// A planned step and the managers it fixed when planned.
#[derive(Debug, Clone)]
pub(super) struct Planned {
    pub unit: Unit,
    pub gain: i64,
}

/// The steps of a group before its splits, in one of the orders tried.
#[derive(Debug, Clone, Copy)]
enum Step {
    Fill,
    Shed,
    Flatten,
    Merge,
}

type Order = [Step; 4];

/// Transfers first (they fix both ends), or flattens and merges first
/// (which may fix the parent, or free a narrow sibling's reports).
const ORDERS: [Order; 3] = [
    [Step::Fill, Step::Shed, Step::Flatten, Step::Merge],
    [Step::Flatten, Step::Fill, Step::Shed, Step::Merge],
    [Step::Flatten, Step::Merge, Step::Fill, Step::Shed],
];

/// A group's state before its steps, to try another order.
struct Saved {
    units: usize,
    marks: Vec<(u32, u32, bool, bool)>,
}

struct Planner {
    state: State,
    units: Vec<Planned>,
}

impl Planner {
    /// Takes `unit` when it lowers the count of managers out of band.
    fn offer(&mut self, unit: Unit) -> bool {
        let gain = gain(&self.state, &self.state.span, &unit);
        if gain < 1 {
            return false;
        }
        apply_spans(&mut self.state.span, &unit);
        for p in unit.people() {
            self.state.moved[p as usize] = true;
        }
        for r in unit.receivers() {
            self.state.received[r as usize] = true;
        }
        self.units.push(Planned { unit, gain });
        true
    }

    fn members(&self, parent: u32) -> Vec<u32> {
        self.state
            .lines
            .children(parent)
            .iter()
            .copied()
            .filter(|&c| self.state.span[c as usize] > 0)
            .collect()
    }

    /// The `members` below the band minimum, in the order given.
    fn narrow(&self, members: &[u32]) -> Vec<u32> {
        let (span, min) = (&self.state.span, self.state.min);
        members
            .iter()
            .copied()
            .filter(|&m| span[m as usize] < min)
            .collect()
    }

    /// Solves one group: each order of the steps is tried from the same
    /// start, and the one leaving the fewest managers out of band (the
    /// parent included), then the fewest moves, then the fewest reqs, is
    /// kept.
    fn group(&mut self, parent: u32) {
        let saved = self.save(parent);
        let mut best: Option<((u64, usize, usize), Order)> = None;
        for order in ORDERS {
            self.run(parent, order);
            let score = self.score(parent, saved.units);
            if best.as_ref().is_none_or(|(s, _)| score < *s) {
                best = Some((score, order));
            }
            self.restore(&saved);
        }
        if let Some((_, order)) = best {
            self.run(parent, order);
        }
    }

    fn run(&mut self, parent: u32, order: Order) {
        let narrow_at_start = self.narrow(&self.members(parent));
        for step in order {
            match step {
                Step::Fill => self.fill_narrow(parent),
                Step::Shed => self.shed_wide(parent, &narrow_at_start),
                Step::Flatten => self.flatten(parent),
                Step::Merge => self.merge(parent),
            }
        }
        for member in self.members(parent) {
            self.split(member);
        }
    }

    /// Managers out of band among `parent` and its group, people moved
    /// and reqs added since `units` steps were planned.
    fn score(&self, parent: u32, units: usize) -> (u64, usize, usize) {
        let s = &self.state;
        let out = std::iter::once(parent)
            .chain(s.lines.children(parent).iter().copied())
            .filter(|&m| s.out_of_band(s.span[m as usize]))
            .count() as u64;
        let new = &self.units[units..];
        let moves = new.iter().map(|p| p.unit.moves()).sum();
        let reqs = new
            .iter()
            .map(|p| match &p.unit {
                Unit::Split { reqs, .. } => reqs.len(),
                _ => 0,
            })
            .sum();
        (out, moves, reqs)
    }

    /// What a group's steps can change: the spans, moved and received
    /// marks of the parent, its reports and theirs.
    fn save(&self, parent: u32) -> Saved {
        let s = &self.state;
        let mut people = vec![parent];
        for &member in s.lines.children(parent) {
            people.push(member);
            people.extend_from_slice(s.lines.children(member));
        }
        let marks = people
            .into_iter()
            .map(|p| {
                let i = p as usize;
                (p, s.span[i], s.moved[i], s.received[i])
            })
            .collect();
        Saved {
            units: self.units.len(),
            marks,
        }
    }

    fn restore(&mut self, saved: &Saved) {
        self.units.truncate(saved.units);
        for &(p, span, moved, received) in &saved.marks {
            let i = p as usize;
            self.state.span[i] = span;
            self.state.moved[i] = moved;
            self.state.received[i] = received;
        }
    }

    fn flatten(&mut self, parent: u32) {
        if self.state.min <= 1 {
            return;
        }
        let parent_team = self.state.team[parent as usize];
        for manager in self.members(parent) {
            let s = &self.state;
            if s.span[manager as usize] != 1 || s.received[manager as usize] {
                continue;
            }
            let staying = s.staying(manager);
            let [report] = staying[..] else { continue };
            if s.movable[report as usize] && s.fits(report, parent_team) {
                self.offer(Unit::Flatten {
                    manager,
                    report,
                    to: parent,
                });
            }
        }
    }

    /// Fills each narrow sibling to the band minimum from the wide ones,
    /// smallest gap first; a sibling that cannot be filled gets nothing.
    fn fill_narrow(&mut self, parent: u32) {
        let (min, max) = (self.state.min, self.state.max);
        let members = self.members(parent);
        let mut narrow = self.narrow(&members);
        narrow.sort_by_key(|&m| (min - self.state.span[m as usize], m));
        for sink in narrow {
            let span = &self.state.span;
            let need = (min - span[sink as usize]) as usize;
            let mut wide: Vec<u32> = members
                .iter()
                .copied()
                .filter(|&m| span[m as usize] > max)
                .collect();
            wide.sort_by_key(|&m| (span[m as usize] - max, m));
            let team = self.state.team[sink as usize];
            let mut moves = Vec::new();
            // Excess first, then down to the band minimum.
            for floor in [max, min] {
                for &source in &wide {
                    let taken = moves.iter().filter(|m: &&(u32, u32, u32)| m.1 == source);
                    let left = span[source as usize] - taken.count() as u32;
                    let room = left.saturating_sub(floor) as usize;
                    let limit = room.min(need - moves.len());
                    self.state.plan_moves(source, sink, team, limit, &mut moves);
                }
            }
            if moves.len() == need {
                self.offer(Unit::Transfer { moves });
            }
        }
    }

    /// Sheds each wide sibling's whole excess into the siblings that
    /// were narrow when the group started (still narrow ones first), up to
    /// the band maximum.
    fn shed_wide(&mut self, parent: u32, narrow_at_start: &[u32]) {
        let (min, max) = (self.state.min, self.state.max);
        let mut wide: Vec<u32> = self
            .members(parent)
            .into_iter()
            .filter(|&m| self.state.span[m as usize] > max)
            .collect();
        wide.sort_by_key(|&m| (self.state.span[m as usize] - max, m));
        for source in wide {
            let span = &self.state.span;
            let excess = (span[source as usize] - max) as usize;
            let mut sinks: Vec<u32> = narrow_at_start
                .iter()
                .copied()
                .filter(|&m| span[m as usize] > 0 && span[m as usize] < max)
                .collect();
            sinks.sort_by_key(|&m| {
                (
                    min.saturating_sub(span[m as usize]) == 0,
                    span[m as usize],
                    m,
                )
            });
            let mut moves: Vec<(u32, u32, u32)> = Vec::new();
            for sink in sinks {
                let room = (max - span[sink as usize]) as usize;
                let team = self.state.team[sink as usize];
                let limit = room.min(excess - moves.len());
                self.state.plan_moves(source, sink, team, limit, &mut moves);
            }
            if moves.len() == excess {
                self.offer(Unit::Transfer { moves });
            }
        }
    }

    /// Merges each sibling still narrow (smallest first) into the sibling
    /// where its reports fit best.
    fn merge(&mut self, parent: u32) {
        let (min, max) = (self.state.min, self.state.max);
        let members = self.members(parent);
        let mut narrow = self.narrow(&members);
        narrow.sort_by_key(|&m| (self.state.span[m as usize], m));
        for from in narrow {
            let s = &self.state;
            let size = s.span[from as usize];
            if size == 0 || size >= min || s.received[from as usize] {
                continue;
            }
            let people = s.staying(from);
            if people.len() != size as usize || people.iter().any(|&p| !s.movable[p as usize]) {
                continue;
            }
            let best = members
                .iter()
                .copied()
                .filter(|&into| {
                    let span = s.span[into as usize];
                    into != from
                        && span > 0
                        && span + size <= max
                        && people.iter().all(|&p| s.fits(p, s.team[into as usize]))
                })
                .map(|into| {
                    let unit = Unit::Merge {
                        from,
                        into,
                        people: people.clone(),
                    };
                    (gain(s, &s.span, &unit), unit)
                })
                .max_by_key(|(gain, unit)| match unit {
                    Unit::Merge { into, .. } => (*gain, std::cmp::Reverse(*into)),
                    _ => (*gain, std::cmp::Reverse(u32::MAX)),
                });
            if let Some((_, unit)) = best {
                self.offer(unit);
            }
        }
    }

    /// Open reqs under a wide manager, each taking some of its ICs.
    fn split(&mut self, manager: u32) {
        let s = &self.state;
        let (min, max) = (s.min, s.max);
        let span = s.span[manager as usize];
        if span <= max {
            return;
        }
        let free: Vec<u32> = s.free_ics(manager, s.team[manager as usize]).collect();
        if let Some(reqs) = split_sizes(span, min, max, free.len()) {
            let mut rest = free.into_iter();
            let reqs = reqs
                .into_iter()
                .map(|k| rest.by_ref().take(k).collect())
                .collect();
            self.offer(Unit::Split { manager, reqs });
        }
    }
}

/// The fewest reqs, and how many ICs each takes, that bring a manager of
/// `span` into the band with at most `free` ICs moved.
pub(super) fn split_sizes(span: u32, min: u32, max: u32, free: usize) -> Option<Vec<usize>> {
    let (span, min, max) = (span as usize, min as usize, max as usize);
    for reqs in 1..=span {
        let low = (reqs * min).max((span + reqs).saturating_sub(max));
        let high = (reqs * max).min((span + reqs).saturating_sub(min));
        if low > free {
            return None;
        }
        if low <= high {
            return Some(
                (0..reqs)
                    .map(|r| low / reqs + usize::from(r < low % reqs))
                    .collect(),
            );
        }
    }
    None
}

/// Every step of every group, bottom-up, then the roots' splits.
pub(super) fn plan(state: State) -> Vec<Planned> {
    let order: Vec<u32> = state.lines.top_down().iter().rev().copied().collect();
    let roots: Vec<u32> = state.lines.roots().to_vec();
    let mut planner = Planner {
        state,
        units: Vec::new(),
    };
    for parent in order {
        if planner.state.span[parent as usize] > 0 {
            planner.group(parent);
        }
    }
    for root in roots {
        planner.split(root);
    }
    planner.units
}

/// The steps taken: all of them without a cap; with one, the most
/// managers fixed per person moved first, each only while it fits the
/// budget and still fixes a manager. Returned in planned order.
pub(super) fn select(state: &State, units: Vec<Planned>, cap: Option<u32>) -> Vec<Unit> {
    let mut order: Vec<usize> = (0..units.len()).collect();
    if cap.is_some() {
        order.sort_by(|&a, &b| {
            let (ua, ub) = (&units[a], &units[b]);
            let left = ub.gain * ua.unit.moves() as i64;
            let right = ua.gain * ub.unit.moves() as i64;
            left.cmp(&right).then(a.cmp(&b))
        });
    }
    let mut budget = cap.map_or(usize::MAX, |c| c as usize);
    let mut span = state.span.clone();
    let mut taken = Vec::new();
    for index in order {
        let unit = &units[index].unit;
        if unit.moves() > budget || gain(state, &span, unit) < 1 {
            continue;
        }
        apply_spans(&mut span, unit);
        budget -= unit.moves();
        taken.push(index);
    }
    taken.sort_unstable();
    let mut units: Vec<Option<Planned>> = units.into_iter().map(Some).collect();
    taken
        .into_iter()
        .filter_map(|i| units[i].take().map(|p| p.unit))
        .collect()
}
