//! Scenarios: named change lists over the baseline, materialised by
//! applying their changes to the baseline org in memory (and unwound the
//! same way), time travel by effective date, and diffs between scenarios.

mod apply;
mod between;
mod change;
mod conflict;
pub mod diff;
pub mod plan;

pub use apply::{apply, revert, Undo};
pub use between::{changes_between, compare_imports, ImportReport, ReportMove};
pub use change::{
    person_label, team_name_label, ByIds, Change, Described, EnteredChange, EnteredField,
    EnteredPerson, Names, NewPerson, PersonEdit, Target,
};
pub use conflict::{
    check, conflicts_in, recording_replaced, render_list, try_apply, Conflict, ConflictReason,
    ScenarioConflicts,
};

use crate::error::Result;
use crate::model::{Org, PersonId, TeamId};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeSet;

/// One stored change of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeEntry {
    /// 1-based position in the scenario's list.
    pub position: u32,
    pub change: Change,
    /// The change takes effect on this date; `None` means at once.
    pub effective: Option<NaiveDate>,
    pub made_at: String,
}

impl ChangeEntry {
    /// Whether the change is in force on `as_of` (always, without a date).
    pub fn in_force(&self, as_of: Option<NaiveDate>) -> bool {
        match (self.effective, as_of) {
            (Some(effective), Some(as_of)) => effective <= as_of,
            _ => true,
        }
    }
}

/// A change that was not applied while materialising, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    pub position: u32,
    pub change: String,
    pub reason: String,
    /// Why the change no longer applies; `None` when it is merely not yet
    /// in force (or depends on a change that is not), which is no
    /// conflict.
    pub conflict: Option<ConflictReason>,
}

/// The result of applying a scenario's changes to an org: how to unwind
/// them (one entry per change up to the head, `None` where skipped) and
/// what was skipped.
#[derive(Debug, Default)]
pub struct Materialised {
    pub undo: Vec<Option<Undo>>,
    pub skipped: Vec<Skipped>,
}

/// Applies `entries` in order to `org`. Changes not yet in force on `as_of`
/// are skipped, as are changes that no longer apply (conflicts, see
/// [`try_apply`]); each skip is reported, never an error. A change that
/// fails only because it touches someone or something a change not yet
/// in force adds (a move of someone whose later-dated hire is not in
/// force yet) is not in force either, not a conflict.
pub fn materialise(
    org: &mut Org,
    entries: &[ChangeEntry],
    as_of: Option<NaiveDate>,
) -> Materialised {
    let mut done = Materialised::default();
    // What the changes not yet in force touch.
    let mut waiting_people = BTreeSet::new();
    let mut waiting_teams = BTreeSet::new();
    for entry in entries {
        if !entry.in_force(as_of) {
            touched(&entry.change, None, &mut waiting_people, &mut waiting_teams);
            done.undo.push(None);
            done.skipped.push(Skipped {
                position: entry.position,
                change: entry.change.to_string(),
                reason: format!(
                    "effective {}",
                    entry.effective.map(|d| d.to_string()).unwrap_or_default()
                ),
                conflict: None,
            });
            continue;
        }
        match try_apply(org, &entry.change) {
            Ok(undo) => done.undo.push(Some(undo)),
            Err(reason) => {
                done.undo.push(None);
                let (mut people, mut teams) = (BTreeSet::new(), BTreeSet::new());
                touched(&entry.change, None, &mut people, &mut teams);
                let waits =
                    !people.is_disjoint(&waiting_people) || !teams.is_disjoint(&waiting_teams);
                done.skipped.push(Skipped {
                    position: entry.position,
                    change: entry.change.to_string(),
                    reason: if waits {
                        format!("depends on a change not yet in force ({reason})")
                    } else {
                        reason.to_string()
                    },
                    conflict: (!waits).then_some(reason),
                });
            }
        }
    }
    done
}

/// Undoes everything `materialise` applied, newest first.
pub fn unwind(org: &mut Org, undo: Vec<Option<Undo>>) -> Result<()> {
    for step in undo.into_iter().rev().flatten() {
        revert(org, step)?;
    }
    Ok(())
}

/// Adds the people and teams `change` touched (as applied, with `undo`
/// from applying it) to the sets a diff inspects.
pub fn touched(
    change: &Change,
    undo: Option<&Undo>,
    people: &mut BTreeSet<PersonId>,
    teams: &mut BTreeSet<TeamId>,
) {
    match change {
        Change::Move { person, manager } => {
            people.insert(person.clone());
            people.extend(manager.iter().cloned());
        }
        Change::MoveAlone { person, manager } => {
            people.insert(person.clone());
            people.extend(manager.iter().cloned());
            if let Some(Undo::MoveAlone {
                manager: old,
                reports,
                ..
            }) = undo
            {
                people.extend(old.iter().cloned());
                people.extend(reports.iter().cloned());
            }
        }
        Change::AddPerson { person, .. } => {
            people.insert(person.id.clone());
        }
        Change::RemovePerson { person } | Change::EditPerson { person, .. } => {
            people.insert(person.clone());
        }
        Change::AssignTeam { people: moved, .. } => people.extend(moved.iter().cloned()),
        Change::CreateTeam { team, .. }
        | Change::RenameTeam { team, .. }
        | Change::SetTeamKind { team, .. }
        | Change::DissolveTeam { team } => {
            teams.insert(team.clone());
        }
        Change::AddSupport { person, team } | Change::RemoveSupport { person, team } => {
            people.insert(person.clone());
            teams.insert(team.clone());
        }
        Change::AddDottedLine { manager, report }
        | Change::RemoveDottedLine { manager, report } => {
            people.insert(manager.clone());
            people.insert(report.clone());
        }
        Change::SetPolicy { .. } | Change::SetTarget { .. } | Change::SetLadder { .. } => {}
    }
    // Side effects: reports moved up by a removal, members left teamless
    // and supporters left without the team by a dissolution.
    match undo {
        Some(Undo::Restore(removed)) => people.extend(removed.reports.iter().cloned()),
        Some(Undo::RestoreTeam(dissolved)) => {
            people.extend(dissolved.members.iter().cloned());
            people.extend(dissolved.supporters.iter().cloned());
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests;
