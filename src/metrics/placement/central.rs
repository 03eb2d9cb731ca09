//! The "every staff+ engineer central" rule, with or without keeping each
//! engineer's support of the team they leave (rules in docs/METRICS.md).

use super::{unused_team_id, Board, PlacementSummary};
use crate::model::{Org, Placement, TeamKind};
use crate::scenario::{Change, PersonEdit};
use rustc_hash::FxHashMap;

/// What happens to the team an engineer leaves when they move into the
/// architecture group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeSupport {
    /// The former home team becomes an assignment, so the engineer's load
    /// and every team's coverage stay as they are.
    Keep,
    /// The former home team loses its implicit support unless the engineer
    /// is also assigned to it.
    Drop,
}

impl HomeSupport {
    pub fn other(self) -> HomeSupport {
        match self {
            HomeSupport::Keep => HomeSupport::Drop,
            HomeSupport::Drop => HomeSupport::Keep,
        }
    }
}

/// The board summaries of both choices of [`HomeSupport`], so a preview of
/// one can say what the other would give.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HomeSupportOutcomes {
    pub kept: PlacementSummary,
    pub dropped: PlacementSummary,
}

impl HomeSupportOutcomes {
    /// Both outcomes, given the summary of the choice `shown` and of the
    /// other one.
    pub fn of(shown: HomeSupport, summary: PlacementSummary, other: PlacementSummary) -> Self {
        let (kept, dropped) = match shown {
            HomeSupport::Keep => (summary, other),
            HomeSupport::Drop => (other, summary),
        };
        HomeSupportOutcomes { kept, dropped }
    }
}

/// Everyone not central moves into the architecture group holding the most
/// staff+ engineers (the first on a tie), created as `Architecture` when
/// the org has none. Assignments are kept. With [`HomeSupport::Keep`], an
/// engineer leaving a non-architecture team is assigned to it unless they
/// already are.
pub(super) fn all_central(org: &Org, board: &Board, home_support: HomeSupport) -> Vec<Change> {
    let mut changes = Vec::new();
    let target = match busiest_architecture_group(board) {
        Some(t) => board.teams[t].id.clone(),
        None => {
            let id = unused_team_id(org, "architecture");
            changes.push(Change::CreateTeam {
                team: id.clone(),
                name: "Architecture".into(),
                team_kind: TeamKind::Architecture,
                department: None,
            });
            id
        }
    };
    for engineer in board
        .engineers
        .iter()
        .filter(|e| e.placement != Placement::Central)
    {
        changes.push(Change::EditPerson {
            person: engineer.id.clone(),
            edit: PersonEdit::Team(Some(target.clone())),
            was: None,
        });
        // Not central, so a home team (if any) is not an architecture
        // group; a non-engineering home is not support that counts.
        let kept_home = engineer
            .home
            .filter(|_| home_support == HomeSupport::Keep)
            .filter(|&home| board.teams[home as usize].kind.counts_for_coverage())
            .filter(|home| !engineer.assigned.contains(home));
        if let Some(home) = kept_home {
            changes.push(Change::AddSupport {
                person: engineer.id.clone(),
                team: board.teams[home as usize].id.clone(),
            });
        }
    }
    changes
}

/// Index of the architecture group with the most central staff+ engineers
/// (the first on a tie); `None` when the org has none.
fn busiest_architecture_group(board: &Board) -> Option<usize> {
    let mut members: FxHashMap<u32, usize> = FxHashMap::default();
    for engineer in &board.engineers {
        if let (Placement::Central, Some(home)) = (engineer.placement, engineer.home) {
            *members.entry(home).or_default() += 1;
        }
    }
    board
        .teams
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TeamKind::Architecture)
        .max_by_key(|&(t, _)| {
            (
                members.get(&(t as u32)).copied().unwrap_or(0),
                std::cmp::Reverse(t),
            )
        })
        .map(|(t, _)| t)
}
