//! Conflicts: stored changes of a scenario that no longer apply to the
//! baseline (after a re-import, say), each with a typed reason. A conflict
//! is worked out, never stored: the change stays in the list, is not
//! applied, and is reported wherever the scenario is shown.

use super::apply::{apply, field_of};
use super::change::{Change, PersonEdit};
use super::{materialise, unwind, ChangeEntry, Skipped, Undo};
use crate::error::{OrgError, Result};
use crate::model::{Org, PersonId, TeamId};
use serde::Serialize;
use std::fmt;

/// Why a stored change no longer applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ConflictReason {
    /// The person the change is about is not in the org.
    PersonGone { person: PersonId },
    /// The manager it moves someone under (or adds a dotted line from)
    /// is not in the org.
    ManagerGone { manager: PersonId },
    /// The team it names has been dissolved or was never imported.
    TeamGone { team: TeamId },
    /// It adds a person whose id the org already has.
    PersonExists { person: PersonId },
    /// It creates a team whose id the org already has.
    TeamExists { team: TeamId },
    /// The move would put `person` under one of their own reports.
    Cycle { person: PersonId, manager: PersonId },
    /// The field an edit set has changed in the baseline since the edit
    /// was made. Values are left out: the field may be a cost.
    FieldChanged { person: PersonId, field: String },
    /// Any other refusal (the change is already in effect, say).
    Refused { message: String },
}

impl fmt::Display for ConflictReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConflictReason::PersonGone { person } => {
                write!(f, "'{person}' is no longer in the org")
            }
            ConflictReason::ManagerGone { manager } => {
                write!(f, "manager '{manager}' is no longer in the org")
            }
            ConflictReason::TeamGone { team } => write!(f, "team '{team}' no longer exists"),
            ConflictReason::PersonExists { person } => {
                write!(f, "a person with id '{person}' is already in the org")
            }
            ConflictReason::TeamExists { team } => write!(f, "team '{team}' already exists"),
            ConflictReason::Cycle { person, manager } => write!(
                f,
                "moving '{person}' under '{manager}' would make a reporting cycle"
            ),
            ConflictReason::FieldChanged { person, field } => write!(
                f,
                "the {field} of '{person}' changed in the baseline since this edit was made"
            ),
            ConflictReason::Refused { message } => f.write_str(message),
        }
    }
}

/// One change of a scenario that does not apply, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Conflict {
    /// 1-based position in the scenario's list.
    pub position: u32,
    /// The change's one-line description (never a cost value).
    pub change: String,
    pub reason: ConflictReason,
    /// Whether the change is a move of someone still in the org, so it can
    /// be re-targeted to another manager.
    pub retargetable: bool,
}

impl Conflict {
    fn of(position: u32, change: &Change, reason: ConflictReason) -> Conflict {
        let retargetable = matches!(change, Change::Move { .. } | Change::MoveAlone { .. })
            && !matches!(reason, ConflictReason::PersonGone { .. });
        Conflict {
            position,
            change: change.to_string(),
            reason,
            retargetable,
        }
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:>4}  {}: {}", self.position, self.change, self.reason)
    }
}

/// A scenario's conflicts against the baseline it was checked on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioConflicts {
    pub scenario: String,
    /// Applied changes checked (those up to the head).
    pub checked: u32,
    pub conflicts: Vec<Conflict>,
}

impl ScenarioConflicts {
    /// `N changes do not apply` with one line per conflict, at most
    /// `limit` lines; empty when every change applies.
    pub fn render_text(&self, limit: usize) -> String {
        render_list(&self.conflicts, limit)
    }
}

/// The readable list of `conflicts` (see [`ScenarioConflicts::render_text`]).
pub fn render_list(conflicts: &[Conflict], limit: usize) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    if conflicts.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "{} {} not apply:",
        conflicts.len(),
        if conflicts.len() == 1 {
            "change does"
        } else {
            "changes do"
        }
    );
    for conflict in conflicts.iter().take(limit) {
        let _ = writeln!(out, "{conflict}");
    }
    if conflicts.len() > limit {
        let _ = writeln!(out, "  ... and {} more", conflicts.len() - limit);
    }
    out
}

/// What keeps `change` from applying to `org` as it stands, found before
/// trying it so the reason names what is missing.
fn missing(org: &Org, change: &Change) -> Option<ConflictReason> {
    let person_gone = |person: &PersonId| {
        (!org.contains(person)).then(|| ConflictReason::PersonGone {
            person: person.clone(),
        })
    };
    let manager_gone = |manager: Option<&PersonId>| {
        manager
            .filter(|m| !org.contains(m))
            .map(|m| ConflictReason::ManagerGone { manager: m.clone() })
    };
    let team_gone = |team: Option<&TeamId>| {
        team.filter(|t| org.team(t).is_none())
            .map(|t| ConflictReason::TeamGone { team: t.clone() })
    };
    match change {
        Change::Move { person, manager } | Change::MoveAlone { person, manager } => {
            person_gone(person).or_else(|| manager_gone(manager.as_ref()))
        }
        Change::AddPerson { person, manager } => org
            .contains(&person.id)
            .then(|| ConflictReason::PersonExists {
                person: person.id.clone(),
            })
            .or_else(|| manager_gone(manager.as_ref()))
            .or_else(|| team_gone(person.team.as_ref())),
        Change::RemovePerson { person } => person_gone(person),
        Change::EditPerson { person, edit, was } => {
            if let Some(gone) = person_gone(person) {
                return Some(gone);
            }
            if let PersonEdit::Team(team) = edit {
                if let Some(gone) = team_gone(team.as_ref()) {
                    return Some(gone);
                }
            }
            let current = org.person(person)?;
            was.as_ref()
                .filter(|was| field_of(current, was) != **was)
                .map(|_| ConflictReason::FieldChanged {
                    person: person.clone(),
                    field: edit.field().to_string(),
                })
        }
        Change::AssignTeam { people, team } => people
            .iter()
            .find_map(person_gone)
            .or_else(|| team_gone(team.as_ref())),
        Change::CreateTeam { team, .. } => org
            .team(team)
            .is_some()
            .then(|| ConflictReason::TeamExists { team: team.clone() }),
        Change::RenameTeam { team, .. }
        | Change::SetTeamKind { team, .. }
        | Change::DissolveTeam { team } => team_gone(Some(team)),
        Change::AddSupport { person, team } | Change::RemoveSupport { person, team } => {
            person_gone(person).or_else(|| team_gone(Some(team)))
        }
        Change::AddDottedLine { manager, report }
        | Change::RemoveDottedLine { manager, report } => {
            manager_gone(Some(manager)).or_else(|| person_gone(report))
        }
        Change::SetPolicy { .. } | Change::SetTarget { .. } | Change::SetLadder { .. } => None,
    }
}

/// The conflict an error from applying a change stands for.
fn reason_of(error: OrgError) -> ConflictReason {
    match error {
        OrgError::WouldCreateCycle {
            person, manager, ..
        } => ConflictReason::Cycle {
            person: PersonId::new(person),
            manager: PersonId::new(manager),
        },
        OrgError::PersonNotFound(person) => ConflictReason::PersonGone {
            person: PersonId::new(person),
        },
        other => ConflictReason::Refused {
            message: other.to_string(),
        },
    }
}

/// Applies `change` to `org`, or says why it no longer applies (nothing
/// changes then).
pub fn try_apply(org: &mut Org, change: &Change) -> std::result::Result<Undo, ConflictReason> {
    if let Some(reason) = missing(org, change) {
        return Err(reason);
    }
    apply(org, change).map_err(reason_of)
}

/// The conflicts among `skipped`, the changes of `entries` that were not
/// applied (the others were merely not yet in force).
pub fn conflicts_in(skipped: &[Skipped], entries: &[ChangeEntry]) -> Vec<Conflict> {
    skipped
        .iter()
        .filter_map(|skip| {
            let reason = skip.conflict.clone()?;
            let entry = entries.iter().find(|e| e.position == skip.position)?;
            Some(Conflict::of(skip.position, &entry.change, reason))
        })
        .collect()
}

/// `change` as stored once applied with `undo`: an edit records the value
/// it replaced, so a later change of that value under it is a conflict.
pub fn recording_replaced(change: Change, undo: &Undo) -> Change {
    match (change, undo) {
        (Change::EditPerson { person, edit, .. }, Undo::Edit { edit: replaced, .. }) => {
            Change::EditPerson {
                person,
                edit,
                was: Some(replaced.clone()),
            }
        }
        (change, _) => change,
    }
}

/// Checks `entries` (a scenario's applied changes) against `org` as it
/// stands: every change either applies or is a conflict. `org` is left
/// as it was.
pub fn check(org: &mut Org, scenario: &str, entries: &[ChangeEntry]) -> Result<ScenarioConflicts> {
    let done = materialise(org, entries, None);
    let conflicts = conflicts_in(&done.skipped, entries);
    unwind(org, done.undo)?;
    Ok(ScenarioConflicts {
        scenario: scenario.to_string(),
        checked: entries.len() as u32,
        conflicts,
    })
}

#[cfg(test)]
mod tests;
