//! The lower bound: managers out of band that no allowed move can bring
//! into band, whatever else moves.
//!
//! A narrow manager's span grows only by flattening one of its own
//! one-report managers, by ICs from a sibling that is or can become wide
//! (its span plus its flattenable reports above the max), or by a narrow
//! sibling's merge; it leaves the count by its own flatten or merge. A
//! wide manager's span shrinks only by ICs given to narrow siblings or by
//! a split. Each possibility is counted generously (siblings' capacities
//! ignored), so the bound never exceeds what the best plan leaves.

use super::plan::{split_sizes, State};
use crate::model::NO_PARENT;

/// Managers that must stay out of band; with a cap of `max_moves`, also
/// at least today's count less two per move (a move fixes at most its
/// two ends).
pub(super) fn lower_bound(state: &State, max_moves: Option<u32>) -> u64 {
    let managers = (0..state.span.len() as u32).filter(|&m| state.span[m as usize] > 0);
    let mut out_today = 0u64;
    let mut stuck = 0u64;
    for manager in managers {
        let span = state.span[manager as usize];
        if !state.out_of_band(span) {
            continue;
        }
        out_today += 1;
        let fixable = if span < state.min {
            narrow_fixable(state, manager)
        } else {
            wide_fixable(state, manager)
        };
        if !fixable {
            stuck += 1;
        }
    }
    match max_moves {
        Some(cap) => stuck.max(out_today.saturating_sub(2 * u64::from(cap))),
        None => stuck,
    }
}

fn parent_of(state: &State, manager: u32) -> Option<u32> {
    state.lines.parent(manager).filter(|&p| p != NO_PARENT)
}

fn siblings(state: &State, manager: u32) -> Vec<u32> {
    parent_of(state, manager).map_or_else(Vec::new, |p| {
        state
            .lines
            .children(p)
            .iter()
            .copied()
            .filter(|&c| c != manager && state.span[c as usize] > 0)
            .collect()
    })
}

/// Reports of `manager` who have one report themselves, which a flatten
/// could hand up to it.
fn flattenable(state: &State, manager: u32) -> usize {
    if state.min <= 1 {
        return 0;
    }
    let team = state.team[manager as usize];
    state
        .lines
        .children(manager)
        .iter()
        .filter(|&&c| {
            state.span[c as usize] == 1
                && state
                    .lines
                    .children(c)
                    .iter()
                    .all(|&r| state.movable[r as usize] && state.fits(r, team))
        })
        .count()
}

fn narrow_fixable(state: &State, manager: u32) -> bool {
    let span = state.span[manager as usize];
    let team = state.team[manager as usize];
    let reports = state.lines.children(manager);
    let all_movable = reports.iter().all(|&r| state.movable[r as usize]);
    let siblings = siblings(state, manager);
    if let Some(parent) = parent_of(state, manager) {
        let parent_team = state.team[parent as usize];
        if state.min > 1
            && span == 1
            && all_movable
            && reports.iter().all(|&r| state.fits(r, parent_team))
        {
            return true;
        }
        let can_merge = siblings.iter().any(|&into| {
            reports
                .iter()
                .all(|&r| state.fits(r, state.team[into as usize]))
        });
        if all_movable && can_merge {
            return true;
        }
    }
    let mut gains = flattenable(state, manager);
    for &sibling in &siblings {
        let s = state.span[sibling as usize];
        if s as usize + flattenable(state, sibling) > state.max as usize {
            gains += state.free_ics(sibling, team).count();
        } else if s < state.min {
            let reports = state.lines.children(sibling);
            if reports
                .iter()
                .all(|&r| state.movable[r as usize] && state.fits(r, team))
            {
                gains += reports.len();
            }
        }
    }
    gains >= (state.min - span) as usize
}

fn wide_fixable(state: &State, manager: u32) -> bool {
    let span = state.span[manager as usize];
    let mut teams = vec![state.team[manager as usize]];
    teams.extend(
        siblings(state, manager)
            .into_iter()
            .filter(|&s| state.span[s as usize] < state.min)
            .map(|s| state.team[s as usize]),
    );
    // ICs that could go to a narrow sibling or under a req of its own.
    let free = state
        .lines
        .children(manager)
        .iter()
        .filter(|&&c| {
            let i = c as usize;
            state.ic[i] && state.movable[i] && teams.iter().any(|&t| state.fits(c, t))
        })
        .count();
    (teams.len() > 1 && free >= (span - state.max) as usize)
        || split_sizes(span, state.min, state.max, free).is_some()
}
