//! Flat per-person inputs to the metrics, extracted from an [`Org`] once so
//! every metric pass is a tight loop over arrays (no hashing, no strings).

use crate::model::{Forest, Org, Placement, Status, TeamKind};
use rustc_hash::FxHashMap;

/// Marks a person with no home team.
pub const NO_TEAM: u32 = u32::MAX;

/// Which people the metrics count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// `active` people only.
    #[default]
    Current,
    /// `active`, `open` and `planned` people; `departing` people are left out.
    Planned,
}

impl View {
    /// Every view, in the order a user is offered them.
    pub const ALL: [View; 2] = [View::Current, View::Planned];

    pub fn includes(self, status: Status) -> bool {
        match self {
            View::Current => status == Status::Active,
            View::Planned => status != Status::Departing,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            View::Current => "current",
            View::Planned => "planned",
        }
    }
}

impl std::str::FromStr for View {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "current" => Ok(View::Current),
            "planned" => Ok(View::Planned),
            other => Err(format!(
                "'{other}' is not a view (expected current or planned)"
            )),
        }
    }
}

/// Dense arrays indexed by person position (see [`Org::forest`]).
#[derive(Debug, Clone)]
pub struct MetricsInput {
    pub forest: Forest,
    pub status: Vec<Status>,
    pub cost_cents: Vec<i64>,
    pub team: Vec<u32>,
    pub staff_plus: Vec<bool>,
    pub ic_engineer: Vec<bool>,
    pub team_kinds: Vec<TeamKind>,
    /// Explicit support assignments as (person position, team index).
    pub support: Vec<(u32, u32)>,
}

impl MetricsInput {
    pub fn from_org(org: &Org) -> MetricsInput {
        let n = org.len();
        let mut status = Vec::with_capacity(n);
        let mut cost_cents = Vec::with_capacity(n);
        let mut team = Vec::with_capacity(n);
        let mut staff_plus = Vec::with_capacity(n);
        let mut ic_engineer = Vec::with_capacity(n);
        // People share a few thousand title, level and team strings (the
        // same `Arc`s), so classify each distinct string once, keyed by
        // address: the strings are not freed while `org` is borrowed.
        let address =
            |text: &std::sync::Arc<str>| std::sync::Arc::as_ptr(text).cast::<u8>() as usize;
        let mut kinds: FxHashMap<(usize, usize), (bool, bool)> = FxHashMap::default();
        // Members usually hold their team's own id string (the builder and
        // the store give them it), so those addresses are known up front.
        let mut team_of: FxHashMap<usize, u32> = org
            .teams()
            .iter()
            .enumerate()
            .map(|(index, team)| (address(&team.id.0), index as u32))
            .collect();
        // Neighbours (a team's members) mostly share them all, so the
        // previous person's answers are tried before the maps.
        let mut last_team = (0, NO_TEAM);
        let mut last_kind = ((0, 0), (false, false));
        for person in org.people() {
            status.push(person.status);
            cost_cents.push(person.cost.map_or(0, |c| c.cents()));
            team.push(match &person.team {
                None => NO_TEAM,
                Some(t) if address(&t.0) == last_team.0 => last_team.1,
                Some(t) => {
                    let index = *team_of
                        .entry(address(&t.0))
                        .or_insert_with(|| org.team_index(t).map_or(NO_TEAM, |i| i as u32));
                    last_team = (address(&t.0), index);
                    index
                }
            });
            let key = (address(&person.level), address(&person.title));
            if key != last_kind.0 {
                let kind = *kinds.entry(key).or_insert_with(|| {
                    (
                        org.ladder.is_staff_plus(&person.level, &person.title),
                        org.ladder.is_ic_engineer(&person.level, &person.title),
                    )
                });
                last_kind = (key, kind);
            }
            let (is_staff_plus, is_ic_engineer) = last_kind.1;
            staff_plus.push(is_staff_plus);
            ic_engineer.push(is_ic_engineer);
        }
        let forest = org.forest();
        let positions = org.positions();
        let support = org
            .support_assignments()
            .iter()
            .filter_map(|(person, team)| {
                Some((positions.of(person)?, org.team_index(team)? as u32))
            })
            .collect();
        MetricsInput {
            forest,
            status,
            cost_cents,
            team,
            staff_plus,
            ic_engineer,
            team_kinds: org.teams().iter().map(|t| t.kind).collect(),
            support,
        }
    }

    pub fn len(&self) -> usize {
        self.status.len()
    }

    pub fn is_empty(&self) -> bool {
        self.status.is_empty()
    }

    pub fn placement(&self, person: usize) -> Placement {
        match self.team[person] {
            NO_TEAM => Placement::Unplaced,
            t if self.team_kinds[t as usize] == TeamKind::Architecture => Placement::Central,
            _ => Placement::Embedded,
        }
    }
}
