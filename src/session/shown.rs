//! The scenario state as the app shows it after every scenario command:
//! the scenario on show, every scenario, what undo and redo would do, its
//! conflicts, and its change list, each change described with people named
//! as `Name (title)` and never a compensation figure.

use super::Session;
use crate::error::Result;
use crate::model::PersonId;
use crate::scenario::{Conflict, Names};
use crate::store::ScenarioInfo;
use chrono::NaiveDate;
use serde::Serialize;

/// How many ids of a group change (`assign-team`) are listed beside it.
pub const LISTED_IDS: usize = 5;

/// One scenario as the scenario list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ListedScenario {
    pub name: String,
    /// The scenario it was branched from.
    pub parent: Option<String>,
    pub is_baseline: bool,
    /// Changes applied.
    pub head: u32,
    /// Changes stored (the rest are redoable).
    pub changes: u32,
    pub can_undo: bool,
    pub can_redo: bool,
    /// How many of its applied changes no longer apply to the baseline
    /// (its badge); `None` when not known since the baseline last changed.
    pub conflicts: Option<u32>,
}

impl ListedScenario {
    pub fn of(s: &ScenarioInfo) -> ListedScenario {
        ListedScenario {
            name: s.name.clone(),
            parent: s.parent.clone(),
            is_baseline: s.is_baseline(),
            head: s.head,
            changes: s.changes,
            can_undo: s.can_undo(),
            can_redo: s.can_redo(),
            conflicts: s.conflicts,
        }
    }
}

/// A change that no longer applies, as the conflict list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ShownConflict {
    /// The conflict, its change described like the change list (people
    /// still in the org by name; who is gone stays an id). Its reason's
    /// `kind` (`person-gone`, `manager-gone`, ...) is for matching.
    pub conflict: Conflict,
    /// Why it does not apply, worded by the core.
    pub reason: String,
}

impl ShownConflict {
    /// `conflict` with its reason worded, its change as the conflict
    /// describes it (by ids).
    pub fn of(conflict: &Conflict) -> ShownConflict {
        ShownConflict {
            reason: conflict.reason.to_string(),
            conflict: conflict.clone(),
        }
    }
}

/// One stored change, described without any compensation figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChangeLine {
    pub position: u32,
    /// The change's kind, e.g. `move` or `edit-person`.
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub kind: &'static str,
    /// People named as `Name (title)`.
    pub description: String,
    /// The ids of the people the description names, in its order (at most
    /// [`LISTED_IDS`] of a group).
    pub ids: Vec<PersonId>,
    /// In force from this date; `None` when at once.
    pub effective: Option<NaiveDate>,
    /// False for changes in the redo history.
    pub applied: bool,
}

/// The scenario on show and every scenario in the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScenarioState {
    pub current: ListedScenario,
    pub all: Vec<ListedScenario>,
    /// What the next undo / redo would do, for button tooltips.
    pub undo_label: Option<String>,
    pub redo_label: Option<String>,
    /// The changes of the scenario on show that no longer apply to the
    /// baseline (kept in its list, not applied).
    pub conflicts: Vec<ShownConflict>,
}

impl Session {
    /// The scenario state the app shows after any scenario command.
    pub fn scenario_state(&self) -> Result<ScenarioState> {
        let current = self.scenario();
        let outside = self.people_outside_org();
        let names = (self.org(), outside.as_slice());
        let label = |index: Option<usize>| {
            index
                .and_then(|i| self.changes().get(i))
                .map(|e| e.change.describe(&names).to_string())
        };
        let conflicts = self.conflicts();
        let live = conflicts.len() as u32;
        // The scenario on show counts what the session has just worked
        // out, whether or not noting it in the workspace succeeded.
        let listed = |s: &ScenarioInfo| ListedScenario {
            conflicts: if s.id == current.id && self.as_of().is_none() {
                Some(live)
            } else {
                s.conflicts
            },
            ..ListedScenario::of(s)
        };
        Ok(ScenarioState {
            current: listed(current),
            all: self.scenarios()?.iter().map(listed).collect(),
            undo_label: label(current.can_undo().then(|| current.head as usize - 1)),
            redo_label: label(current.can_redo().then_some(current.head as usize)),
            conflicts: conflicts
                .iter()
                .map(|c| self.shown_conflict(c, &names))
                .collect(),
        })
    }

    fn shown_conflict(&self, c: &Conflict, names: &dyn Names) -> ShownConflict {
        let mut shown = ShownConflict::of(c);
        if let Some(entry) = self.changes().iter().find(|e| e.position == c.position) {
            shown.conflict.change = entry.change.describe(names).to_string();
        }
        shown
    }

    /// The scenario's change list (applied, then redoable), described.
    pub fn change_lines(&self) -> Vec<ChangeLine> {
        let head = self.scenario().head;
        let outside = self.people_outside_org();
        let names = (self.org(), outside.as_slice());
        self.changes()
            .iter()
            .map(|e| ChangeLine {
                position: e.position,
                kind: e.change.kind(),
                description: e.change.describe(&names).to_string(),
                ids: e.change.people(LISTED_IDS).into_iter().cloned().collect(),
                effective: e.effective,
                applied: e.position <= head,
            })
            .collect()
    }
}
