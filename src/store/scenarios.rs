//! Scenarios and their ordered change lists in the workspace.
//!
//! Branching copies the changes the source has applied (a few rows per
//! change, never the org), so every scenario's list stands alone: deleting
//! or rewinding one never breaks another.

use super::{insert_snapshot, Snapshot, Workspace};
use crate::error::{OrgError, Result};
use crate::scenario::{Change, ChangeEntry};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

/// The name of the imported org's own scenario.
pub const BASELINE: &str = "baseline";

/// One scenario as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioInfo {
    pub id: i64,
    pub name: String,
    /// The scenario it was branched from, if any.
    pub parent: Option<String>,
    /// Changes inherited when branching; undo stops here.
    pub floor: u32,
    /// Changes applied; those after it are the redo history.
    pub head: u32,
    /// Changes stored, applied or not.
    pub changes: u32,
    pub created_at: String,
    /// Bumped by every write to the scenario.
    pub revision: i64,
    /// How many of its applied changes no longer apply to the baseline, as
    /// last worked out (by an import, a check, or showing or editing it);
    /// `None` when unknown: the baseline changed since, unchecked.
    pub conflicts: Option<u32>,
}

impl ScenarioInfo {
    pub fn is_baseline(&self) -> bool {
        self.name == BASELINE
    }
    pub fn can_undo(&self) -> bool {
        self.head > self.floor
    }
    pub fn can_redo(&self) -> bool {
        self.head < self.changes
    }
}

const SELECT_SCENARIO: &str = "SELECT s.id, s.name, s.parent, s.floor, s.head,
        (SELECT count(*) FROM changes c WHERE c.scenario_id = s.id), s.created_at, s.revision,
        s.conflicts
     FROM scenarios s";

fn read_info(row: &rusqlite::Row<'_>) -> rusqlite::Result<ScenarioInfo> {
    Ok(ScenarioInfo {
        id: row.get(0)?,
        name: row.get(1)?,
        parent: row.get(2)?,
        floor: row.get(3)?,
        head: row.get(4)?,
        changes: row.get(5)?,
        created_at: row.get(6)?,
        revision: row.get(7)?,
        conflicts: row.get(8)?,
    })
}

fn valid_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(OrgError::InvalidInput("a scenario needs a name".into()));
    }
    if name.len() > 200 {
        return Err(OrgError::InvalidInput(
            "a scenario name can be at most 200 characters".into(),
        ));
    }
    Ok(name)
}

fn scenario_in(tx: &Transaction<'_>, name: &str) -> Result<ScenarioInfo> {
    tx.query_row(
        &format!("{SELECT_SCENARIO} WHERE s.name = ?1"),
        [name],
        read_info,
    )
    .optional()?
    .ok_or_else(|| OrgError::ScenarioNotFound(name.to_string()))
}

fn refuse_taken(tx: &Transaction<'_>, name: &str) -> Result<()> {
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM scenarios WHERE name = ?1)",
        [name],
        |row| row.get(0),
    )?;
    if taken {
        return Err(OrgError::ScenarioExists(name.to_string()));
    }
    Ok(())
}

/// Changes made ready to store: each one's kind and JSON payload. Made
/// apart from the transaction that stores them, so a caller can prepare
/// tens of thousands of them (a re-import's) while it writes other things.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredChanges(Vec<(&'static str, String)>);

impl StoredChanges {
    pub fn of(changes: &[Change]) -> Result<StoredChanges> {
        changes
            .iter()
            .map(|change| Ok((change.kind(), payload_of(change)?)))
            .collect::<Result<Vec<_>>>()
            .map(StoredChanges)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn payload_of(change: &Change) -> Result<String> {
    serde_json::to_string(change)
        .map_err(|e| OrgError::InvalidInput(format!("cannot store the change: {e}")))
}

/// Creates scenario `name` (or `name (2)`, `name (3)`, … if taken) on the
/// baseline with `changes` applied, inside `tx`. Returns the name used.
pub(crate) fn insert_scenario_with_changes(
    tx: &Transaction<'_>,
    name: &str,
    changes: &StoredChanges,
) -> Result<String> {
    let base = valid_name(name)?;
    let mut name = base.to_string();
    let mut suffix = 1;
    while refuse_taken(tx, &name).is_err() {
        suffix += 1;
        name = format!("{base} ({suffix})");
    }
    // Its changes were worked out from the baseline stored with them, to
    // apply to it: none is a conflict.
    tx.execute(
        "INSERT INTO scenarios (name, parent, floor, head, conflicts) VALUES (?1, ?2, 0, ?3, 0)",
        params![name, BASELINE, changes.len() as i64],
    )?;
    let id = tx.last_insert_rowid();
    // The column's default would work the time out again for every row:
    // a fifth of the cost of a re-import's tens of thousands.
    let made_at: String =
        tx.query_row("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')", [], |row| {
            row.get(0)
        })?;
    let mut insert = tx.prepare(
        "INSERT INTO changes (scenario_id, position, kind, effective, payload, made_at)
         VALUES (?1, ?2, ?3, NULL, ?4, ?5)",
    )?;
    for (index, (kind, payload)) in changes.0.iter().enumerate() {
        insert.execute(params![id, index as i64 + 1, kind, payload, made_at])?;
    }
    Ok(name)
}

impl Workspace {
    /// Every scenario, the baseline first, then by creation.
    pub fn scenarios(&self) -> Result<Vec<ScenarioInfo>> {
        let map = self.map();
        let mut stmt = self
            .conn
            .prepare(&format!("{SELECT_SCENARIO} ORDER BY s.id"))
            .map_err(&map)?;
        let rows = stmt.query_map([], read_info).map_err(&map)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&map)
    }

    pub fn scenario(&self, name: &str) -> Result<ScenarioInfo> {
        self.conn
            .query_row(
                &format!("{SELECT_SCENARIO} WHERE s.name = ?1"),
                [name],
                read_info,
            )
            .optional()
            .map_err(self.map())?
            .ok_or_else(|| OrgError::ScenarioNotFound(name.to_string()))
    }

    /// Branches `name` from `from` (the baseline or another scenario) as it
    /// stands: its applied changes are inherited, its redo history is not.
    pub fn create_scenario(&mut self, name: &str, from: &str) -> Result<ScenarioInfo> {
        let name = valid_name(name)?;
        self.write(|tx| {
            refuse_taken(tx, name)?;
            let source = scenario_in(tx, from)?;
            // The source's applied changes, so its conflicts too.
            tx.execute(
                "INSERT INTO scenarios (name, parent, floor, head, conflicts)
                 VALUES (?1, ?2, ?3, ?3, ?4)",
                params![name, source.name, source.head, source.conflicts],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO changes (scenario_id, position, kind, effective, payload, made_at)
                 SELECT ?1, position, kind, effective, payload, made_at FROM changes
                 WHERE scenario_id = ?2 AND position <= ?3",
                params![id, source.id, source.head],
            )?;
            scenario_in(tx, name)
        })
    }

    /// Copies a scenario whole: its changes, redo history and undo pointer.
    pub fn duplicate_scenario(&mut self, name: &str, new_name: &str) -> Result<ScenarioInfo> {
        let new_name = valid_name(new_name)?;
        self.write(|tx| {
            refuse_taken(tx, new_name)?;
            let source = scenario_in(tx, name)?;
            tx.execute(
                "INSERT INTO scenarios (name, parent, floor, head, conflicts)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    new_name,
                    source.name,
                    source.floor,
                    source.head,
                    source.conflicts
                ],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO changes (scenario_id, position, kind, effective, payload, made_at)
                 SELECT ?1, position, kind, effective, payload, made_at FROM changes
                 WHERE scenario_id = ?2",
                params![id, source.id],
            )?;
            scenario_in(tx, new_name)
        })
    }

    pub fn rename_scenario(&mut self, name: &str, new_name: &str) -> Result<ScenarioInfo> {
        let new_name = valid_name(new_name)?;
        if name == BASELINE {
            return Err(OrgError::InvalidInput(
                "the baseline cannot be renamed".into(),
            ));
        }
        self.write(|tx| {
            let scenario = scenario_in(tx, name)?;
            refuse_taken(tx, new_name)?;
            tx.execute(
                "UPDATE scenarios SET name = ?2 WHERE id = ?1",
                params![scenario.id, new_name],
            )?;
            tx.execute(
                "UPDATE scenarios SET parent = ?2 WHERE parent = ?1",
                params![name, new_name],
            )?;
            scenario_in(tx, new_name)
        })
    }

    /// Deletes a scenario with its changes. Its snapshots are kept for the
    /// history, labelled as from a deleted scenario.
    pub fn delete_scenario(&mut self, name: &str) -> Result<()> {
        if name == BASELINE {
            return Err(OrgError::InvalidInput(
                "the baseline cannot be deleted".into(),
            ));
        }
        self.write(|tx| {
            let scenario = scenario_in(tx, name)?;
            tx.execute("DELETE FROM changes WHERE scenario_id = ?1", [scenario.id])?;
            tx.execute("DELETE FROM scenarios WHERE id = ?1", [scenario.id])?;
            Ok(())
        })
    }

    /// Every stored change of a scenario in order, applied or not.
    pub fn change_entries(&self, scenario_id: i64) -> Result<Vec<ChangeEntry>> {
        let map = self.map();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT position, effective, payload, made_at FROM changes
                 WHERE scenario_id = ?1 ORDER BY position",
            )
            .map_err(&map)?;
        let mut rows = stmt.query([scenario_id]).map_err(&map)?;
        let mut entries = Vec::new();
        while let Some(row) = rows.next().map_err(&map)? {
            let position: u32 = row.get(0).map_err(&map)?;
            let payload: String = row.get(2).map_err(&map)?;
            let change: Change = serde_json::from_str(&payload).map_err(|e| {
                super::corrupt(&self.path, format!("change {position} of a scenario: {e}"))
            })?;
            entries.push(ChangeEntry {
                position,
                change,
                effective: row.get(1).map_err(&map)?,
                made_at: row.get(3).map_err(&map)?,
            });
        }
        Ok(entries)
    }

    /// Appends a change after the scenario's head, dropping its redo
    /// history, and stores the snapshot taken after it: one transaction.
    /// A scenario edited by another process since `scenario` was read is
    /// refused with a conflict. Returns the change's position.
    pub fn append_change(
        &mut self,
        scenario: &ScenarioInfo,
        change: &Change,
        effective: Option<NaiveDate>,
        snapshot: Option<&Snapshot<'_>>,
    ) -> Result<u32> {
        let payload = payload_of(change)?;
        self.write(|tx| {
            refuse_stale(tx, scenario)?;
            tx.execute(
                "DELETE FROM changes WHERE scenario_id = ?1 AND position > ?2",
                params![scenario.id, scenario.head],
            )?;
            let position = scenario.head + 1;
            tx.execute(
                "INSERT INTO changes (scenario_id, position, kind, effective, payload)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![scenario.id, position, change.kind(), effective, payload],
            )?;
            tx.execute(
                "UPDATE scenarios SET head = ?2, revision = revision + 1 WHERE id = ?1",
                params![scenario.id, position],
            )?;
            if let Some(snapshot) = snapshot {
                insert_snapshot(tx, snapshot)?;
            }
            Ok(position)
        })
    }

    /// Appends several changes after the scenario's head (dropping its redo
    /// history) in one transaction, with one snapshot taken after the last.
    /// Returns the last one's position.
    pub fn append_changes(
        &mut self,
        scenario: &ScenarioInfo,
        changes: &[Change],
        snapshot: Option<&Snapshot<'_>>,
    ) -> Result<u32> {
        let payloads = changes
            .iter()
            .map(serde_json::to_string)
            .collect::<serde_json::Result<Vec<_>>>()
            .map_err(|e| OrgError::InvalidInput(format!("cannot store the change: {e}")))?;
        self.write(|tx| {
            refuse_stale(tx, scenario)?;
            tx.execute(
                "DELETE FROM changes WHERE scenario_id = ?1 AND position > ?2",
                params![scenario.id, scenario.head],
            )?;
            let mut position = scenario.head;
            let mut insert = tx.prepare(
                "INSERT INTO changes (scenario_id, position, kind, effective, payload)
                 VALUES (?1, ?2, ?3, NULL, ?4)",
            )?;
            for (change, payload) in changes.iter().zip(&payloads) {
                position += 1;
                insert.execute(params![scenario.id, position, change.kind(), payload])?;
            }
            tx.execute(
                "UPDATE scenarios SET head = ?2, revision = revision + 1 WHERE id = ?1",
                params![scenario.id, position],
            )?;
            if let Some(snapshot) = snapshot {
                insert_snapshot(tx, snapshot)?;
            }
            Ok(position)
        })
    }

    /// Moves the undo/redo pointer (with the snapshot taken after), in one
    /// transaction.
    pub fn set_head(
        &mut self,
        scenario: &ScenarioInfo,
        head: u32,
        snapshot: Option<&Snapshot<'_>>,
    ) -> Result<()> {
        self.write(|tx| {
            refuse_stale(tx, scenario)?;
            if head < scenario.floor || head > scenario.changes {
                return Err(OrgError::InvalidInput(format!(
                    "scenario '{}' has no change {head} to move to",
                    scenario.name
                )));
            }
            // Undoing a change may undo a conflict: a count above zero is
            // then unknown until the session works it out again. Redoing
            // adds none (a change that does not apply cannot be redone).
            tx.execute(
                "UPDATE scenarios SET head = ?2, revision = revision + 1,
                    conflicts = CASE WHEN ?2 < head AND conflicts > 0 THEN NULL ELSE conflicts END
                 WHERE id = ?1",
                params![scenario.id, head],
            )?;
            if let Some(snapshot) = snapshot {
                insert_snapshot(tx, snapshot)?;
            }
            Ok(())
        })
    }

    /// Takes change `position` out of the scenario's list (a conflict the
    /// user gave up on), moving the later ones up one place and the head
    /// and floor with them, in one transaction.
    pub fn drop_change(&mut self, scenario: &ScenarioInfo, position: u32) -> Result<()> {
        self.write(|tx| {
            refuse_stale(tx, scenario)?;
            let deleted = tx.execute(
                "DELETE FROM changes WHERE scenario_id = ?1 AND position = ?2",
                params![scenario.id, position],
            )?;
            if deleted == 0 {
                return Err(no_change(scenario, position));
            }
            // Positions are a primary key: shift the later rows out of the
            // way first, then back one place, so no two rows ever clash.
            tx.execute(
                "UPDATE changes SET position = position + ?3
                 WHERE scenario_id = ?1 AND position > ?2",
                params![scenario.id, position, SHIFT],
            )?;
            tx.execute(
                "UPDATE changes SET position = position - ?2 - 1
                 WHERE scenario_id = ?1 AND position > ?2",
                params![scenario.id, SHIFT],
            )?;
            tx.execute(
                "UPDATE scenarios SET
                    head = head - (head >= ?2),
                    floor = floor - (floor >= ?2),
                    revision = revision + 1,
                    conflicts = NULL
                 WHERE id = ?1",
                params![scenario.id, position],
            )?;
            Ok(())
        })
    }

    /// Replaces change `position` of the scenario (a move re-targeted to
    /// another manager), keeping its place and date, in one transaction.
    pub fn replace_change(
        &mut self,
        scenario: &ScenarioInfo,
        position: u32,
        change: &Change,
    ) -> Result<()> {
        let payload = payload_of(change)?;
        self.write(|tx| {
            refuse_stale(tx, scenario)?;
            let updated = tx.execute(
                "UPDATE changes SET kind = ?3, payload = ?4
                 WHERE scenario_id = ?1 AND position = ?2",
                params![scenario.id, position, change.kind(), payload],
            )?;
            if updated == 0 {
                return Err(no_change(scenario, position));
            }
            tx.execute(
                "UPDATE scenarios SET revision = revision + 1, conflicts = NULL WHERE id = ?1",
                [scenario.id],
            )?;
            Ok(())
        })
    }

    /// Annual budgets by department.
    pub fn budgets(&self) -> Result<Vec<(String, crate::Money)>> {
        let map = self.map();
        let mut stmt = self
            .conn
            .prepare("SELECT department, amount_cents FROM budgets ORDER BY department")
            .map_err(&map)?;
        let rows = stmt
            .query_map([], |row| {
                Ok((row.get(0)?, crate::Money::from_cents(row.get(1)?)))
            })
            .map_err(&map)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&map)
    }

    /// Sets (or with `None` clears) a department's annual budget.
    pub fn set_budget(&mut self, department: &str, amount: Option<crate::Money>) -> Result<()> {
        let department = department.trim();
        if department.is_empty() {
            return Err(OrgError::InvalidInput("a budget needs a department".into()));
        }
        self.write(|tx| {
            match amount {
                Some(amount) => tx.execute(
                    "INSERT INTO budgets (department, amount_cents) VALUES (?1, ?2)
                     ON CONFLICT (department) DO UPDATE SET amount_cents = excluded.amount_cents",
                    params![department, amount.cents()],
                )?,
                None => tx.execute("DELETE FROM budgets WHERE department = ?1", [department])?,
            };
            Ok(())
        })
    }
}

/// Above any position a scenario can reach: where rows wait while the
/// positions after a dropped change move up.
const SHIFT: i64 = 1 << 40;

fn no_change(scenario: &ScenarioInfo, position: u32) -> OrgError {
    OrgError::InvalidInput(format!(
        "scenario '{}' has no change {position}",
        scenario.name
    ))
}

/// Refuses to write over changes another process made since `seen` was
/// read.
fn refuse_stale(tx: &Transaction<'_>, seen: &ScenarioInfo) -> Result<()> {
    let revision: Option<i64> = tx
        .query_row(
            "SELECT revision FROM scenarios WHERE id = ?1",
            [seen.id],
            |row| row.get(0),
        )
        .optional()?;
    match revision {
        None => Err(OrgError::ScenarioNotFound(seen.name.clone())),
        Some(revision) if revision != seen.revision => Err(OrgError::Conflict(seen.name.clone())),
        Some(_) => Ok(()),
    }
}
