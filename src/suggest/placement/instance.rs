//! The optimiser's instance: who may be placed, with what capacity and
//! where, and which teams are covered whatever it does. Read from the same
//! [`MetricsInput`] the coverage metrics use, in the current view.

use super::{PlacementOptions, Scope, Weight};
use crate::metrics::{MetricsInput, TeamFigures, View, NO_TEAM};
use crate::model::{Org, TeamKind};
use rustc_hash::{FxHashMap, FxHashSet};

/// Where an engineer's new assignments may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Reach {
    /// Teams of one department (an index into [`Instance::departments`]).
    Department(u32),
    /// Any team.
    Any,
}

/// A counted staff+ engineer whose assignments the optimiser decides.
#[derive(Debug, Clone)]
pub(super) struct Engineer {
    /// Position in [`Org::people`] order.
    pub position: u32,
    pub home: u32,
    /// The home team counts for coverage (so it is support, and load).
    pub home_counts: bool,
    /// With `allow_replace`: embedded, so they may move into the
    /// architecture group. Their counting home team is then support they
    /// may keep or drop, like an existing assignment.
    pub replaceable: bool,
    /// Explicit assignments (counting teams other than the home team)
    /// they have today, ascending.
    pub existing: Vec<u32>,
    /// Teams beyond the fixed home support they may support: the max
    /// load, less one for a counting home team that is not theirs to
    /// drop. Negative when the home team alone is over the max load.
    pub capacity: i64,
    pub reach: Reach,
    /// Load today (the metrics' figure).
    pub load: u32,
}

impl Engineer {
    /// Support the optimiser may keep or drop: the existing assignments,
    /// and a replaceable engineer's counting home team.
    pub fn droppable(&self) -> impl Iterator<Item = u32> + '_ {
        let home = (self.replaceable && self.home_counts).then_some(self.home);
        self.existing.iter().copied().chain(home)
    }
}

#[derive(Debug, Clone)]
pub(super) struct Instance {
    pub input: MetricsInput,
    pub included: Vec<bool>,
    pub figures: TeamFigures,
    pub max_load: u32,
    pub scope: Scope,
    pub engineers: Vec<Engineer>,
    /// Per team: counts for coverage.
    pub counts: Vec<bool>,
    /// Per team: what covering it is worth (1, or its counted headcount);
    /// 0 for teams that do not count.
    pub weight: Vec<u64>,
    /// Per team: supporters the optimiser does not decide (pinned
    /// engineers, and the home teams of engineers who stay embedded).
    pub fixed: Vec<u32>,
    /// Per team: index into `departments`.
    pub department: Vec<u32>,
    /// Distinct team departments (`None`: teams with no department).
    pub departments: Vec<Option<String>>,
    /// Counted staff+ engineers left as they are (`keep`), by position.
    pub pinned: Vec<u32>,
}

impl Instance {
    pub fn of(org: &Org, options: &PlacementOptions) -> Instance {
        let input = MetricsInput::from_org(org);
        let included: Vec<bool> = input
            .status
            .iter()
            .map(|&s| View::Current.includes(s))
            .collect();
        let figures = TeamFigures::compute(&input, &included);
        let teams = org.teams();
        let counts: Vec<bool> = teams.iter().map(|t| t.kind.counts_for_coverage()).collect();
        let weight = teams
            .iter()
            .enumerate()
            .map(|(t, _)| match (counts[t], options.weight) {
                (false, _) => 0,
                (true, Weight::Teams) => 1,
                (true, Weight::People) => figures.headcount[t],
            })
            .collect();
        let mut departments: Vec<Option<String>> = Vec::new();
        let mut department_index: FxHashMap<Option<&str>, u32> = FxHashMap::default();
        let department = teams
            .iter()
            .map(|team| {
                *department_index
                    .entry(team.department.as_deref())
                    .or_insert_with(|| {
                        departments.push(team.department.clone());
                        departments.len() as u32 - 1
                    })
            })
            .collect();
        let positions = org.positions();
        let kept: FxHashSet<u32> = options
            .keep
            .iter()
            .filter_map(|id| positions.of(id))
            .collect();
        let mut instance = Instance {
            max_load: org.policy.max_load,
            scope: options.scope,
            engineers: Vec::new(),
            fixed: vec![0; teams.len()],
            counts,
            weight,
            department,
            departments,
            pinned: Vec::new(),
            input,
            included,
            figures,
        };
        instance.place_engineers(&kept, options.allow_replace);
        instance
    }

    fn counted_staff_plus(&self, person: usize) -> bool {
        self.included[person] && self.input.staff_plus[person]
    }

    fn place_engineers(&mut self, kept: &FxHashSet<u32>, allow_replace: bool) {
        let input = &self.input;
        let mut explicit: Vec<(u32, u32)> = input
            .support
            .iter()
            .copied()
            .filter(|&(p, t)| {
                self.counted_staff_plus(p as usize)
                    && self.counts[t as usize]
                    && input.team[p as usize] != t
            })
            .collect();
        explicit.sort_unstable();
        let mut next = 0;
        let mut engineers = Vec::new();
        let mut fixed = vec![0u32; self.counts.len()];
        let mut pinned = Vec::new();
        for person in (0..input.len()).filter(|&p| self.counted_staff_plus(p)) {
            // `explicit` holds counted staff+ only, sorted by person, so
            // this person's assignments are the run starting at `next`.
            let start = next;
            while next < explicit.len() && explicit[next].0 as usize == person {
                next += 1;
            }
            let existing: Vec<u32> = explicit[start..next].iter().map(|&(_, t)| t).collect();
            let home = input.team[person];
            let home_counts = home != NO_TEAM && self.counts[home as usize];
            if kept.contains(&(person as u32)) {
                pinned.push(person as u32);
                for t in existing.iter().copied().chain(home_counts.then_some(home)) {
                    fixed[t as usize] += 1;
                }
                continue;
            }
            let embedded =
                home != NO_TEAM && input.team_kinds[home as usize] != TeamKind::Architecture;
            let replaceable = allow_replace && embedded;
            if home_counts && !replaceable {
                fixed[home as usize] += 1;
            }
            let reach = match (self.scope, embedded) {
                (Scope::Department, true) => Reach::Department(self.department[home as usize]),
                _ => Reach::Any,
            };
            let fixed_home = i64::from(home_counts && !replaceable);
            engineers.push(Engineer {
                position: person as u32,
                home,
                home_counts,
                replaceable,
                existing,
                capacity: i64::from(self.max_load) - fixed_home,
                reach,
                load: self.figures.load[person],
            });
        }
        self.engineers = engineers;
        self.fixed = fixed;
        self.pinned = pinned;
    }

    /// A team the optimiser can still cover: it counts, and nobody it
    /// does not decide supports it.
    pub fn open(&self, team: u32) -> bool {
        self.counts[team as usize] && self.fixed[team as usize] == 0
    }
}
