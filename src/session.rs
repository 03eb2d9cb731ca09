//! An open workspace showing one scenario, with its org and live metrics:
//! what the desktop app and the CLI's editing commands work through. Every
//! edit is a typed change, validated in memory, persisted in one
//! transaction (with a metrics snapshot), and only then reported as done.

use crate::date;
use crate::error::Result;
use crate::generate;
use crate::metrics::placement::{Preview, WhatIf};
use crate::metrics::{BaseInput, Dashboard, DashboardQuery, Metrics, MetricsEngine, View};
use crate::model::{Finding, Ladder, Org, PersonId, Policy};
use crate::scenario::diff::{Capture, Comparison};
use crate::scenario::plan::Plan;
use crate::scenario::{self, Change, ChangeEntry, Skipped, Undo};
use crate::store::{ScenarioInfo, Snapshot, SnapshotRow, Workspace, BASELINE};
use chrono::NaiveDate;
use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod conflicts;

/// Size of the demo org seeded into a new default workspace.
pub const DEMO_PEOPLE: usize = 300;
const DEMO_SEED: u64 = 7;

/// The workspace the app opens: `$ORGRAPH_WORKSPACE` if set, otherwise
/// `default.orgraph` in the OS data directory.
pub fn default_workspace_path() -> PathBuf {
    if let Some(path) = std::env::var_os("ORGRAPH_WORKSPACE").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("orgraph")
        .join("default.orgraph")
}

/// An open workspace showing one scenario: the baseline org with the
/// scenario's applied changes, and its live metrics.
#[derive(Debug)]
pub struct Session {
    workspace: Workspace,
    /// The baseline with the scenario's applied changes.
    org: Org,
    scenario: ScenarioInfo,
    /// Every stored change of the scenario, applied or (after the head)
    /// redoable.
    entries: Vec<ChangeEntry>,
    /// How to unwind each applied change; `None` where it was skipped.
    undo: Vec<Option<Undo>>,
    skipped: Vec<Skipped>,
    /// Set for a read-only view of the org as of a date.
    as_of: Option<NaiveDate>,
    engine: MetricsEngine,
    /// Every aggregate, kept current after each edit in O(span + layers).
    summary: Metrics,
    /// The full report with per-manager and per-team lists: O(n), so only
    /// built when asked for, once per state.
    full: OnceCell<Metrics>,
    warnings: Vec<Finding>,
    /// The baseline's metrics input, extracted on the first compare so that
    /// later compares only patch in the people each scenario touches.
    baseline_input: Option<BaseInput>,
}

impl Session {
    /// Opens the workspace on its baseline.
    pub fn open(path: &Path) -> Result<Session> {
        Session::open_at(path, BASELINE, None)
    }

    /// Opens the workspace on a scenario; with `as_of`, a read-only view
    /// of that scenario as of the date.
    pub fn open_at(path: &Path, scenario: &str, as_of: Option<NaiveDate>) -> Result<Session> {
        Session::load(Workspace::open(path)?, scenario, as_of)
    }

    /// Opens `path`, first creating it with a generated demo org of about
    /// [`DEMO_PEOPLE`] people if there is no file.
    pub fn open_or_seed(path: &Path) -> Result<Session> {
        let (mut workspace, created) = Workspace::open_or_create(path)?;
        if created {
            let records = generate::generate(DEMO_PEOPLE, DEMO_SEED);
            let (org, warnings) =
                Org::from_records(records, "demo", Ladder::default(), Policy::default())
                    .map_err(crate::OrgError::Validation)?;
            workspace.save_org(&org, &warnings)?;
            let metrics = crate::metrics::compute(&org, View::Current);
            let baseline = workspace.scenario(BASELINE)?;
            workspace.record_snapshot(&Snapshot {
                scenario_id: baseline.id,
                as_of: date::today(),
                reason: "seed demo org",
                metrics: &metrics,
            })?;
        }
        Session::load(workspace, BASELINE, None)
    }

    /// Creates a new workspace at `path` with no people (they come from an
    /// import) and opens it. Refuses to replace an existing file.
    pub fn create_empty(path: &Path) -> Result<Session> {
        Session::load(Workspace::create(path)?, BASELINE, None)
    }

    /// Copies the workspace to `dest` in one consistent snapshot (see
    /// [`Workspace::save_as`]) and opens the copy on the same scenario and
    /// date. This session and its file are left as they were, so a caller
    /// swaps sessions only once the copy is open.
    pub fn save_as(&self, dest: &Path) -> Result<Session> {
        self.workspace.save_as(dest)?;
        Session::open_at(dest, &self.scenario.name, self.as_of)
    }

    fn load(workspace: Workspace, scenario: &str, as_of: Option<NaiveDate>) -> Result<Session> {
        let (mut org, warnings) = workspace.load_org()?;
        let scenario = workspace.scenario(scenario)?;
        let entries = workspace.change_entries(scenario.id)?;
        let applied = &entries[..(scenario.head as usize).min(entries.len())];
        let done = scenario::materialise(&mut org, applied, as_of);
        let engine = MetricsEngine::new(&org, View::Current);
        let summary = engine.summary(&org).with_warnings(&warnings);
        Ok(Session {
            workspace,
            org,
            scenario,
            entries,
            undo: done.undo,
            skipped: done.skipped,
            as_of,
            engine,
            summary,
            full: OnceCell::new(),
            warnings,
            baseline_input: None,
        })
    }

    pub fn path(&self) -> &Path {
        self.workspace.path()
    }

    /// The org on show and the workspace's warnings.
    pub fn into_parts(self) -> (Org, Vec<Finding>) {
        (self.org, self.warnings)
    }

    /// The first of `PREFIX-1`, `PREFIX-2`, … that names nobody in the
    /// scenario on show: the id of a new open req or hire.
    pub fn unused_person_id(&self, prefix: &str) -> PersonId {
        (1u64..)
            .map(|n| PersonId::new(format!("{prefix}-{n}")))
            .find(|id| !self.org.contains(id))
            .unwrap_or_else(|| PersonId::new(prefix))
    }

    pub fn org(&self) -> &Org {
        &self.org
    }

    /// The full metrics report (built on first use after each edit).
    pub fn metrics(&self) -> &Metrics {
        self.full
            .get_or_init(|| self.engine.metrics(&self.org).with_warnings(&self.warnings))
    }

    /// Every team of the scenario on show with its size, cost, staff+
    /// support and size verdict (current view): O(teams), from the figures
    /// the metrics engine already holds.
    pub fn team_rows(&self) -> Vec<crate::metrics::TeamRow> {
        self.engine.team_rows(&self.org)
    }

    /// Every aggregate metric, without per-manager, per-team and
    /// per-engineer lists; always current and cheap.
    pub fn summary(&self) -> &Metrics {
        &self.summary
    }

    /// The dashboard's aggregates for the scenario on show (see
    /// [`MetricsEngine::dashboard`]); nothing per person but the capped
    /// out-of-band list.
    pub fn dashboard(&self, query: &DashboardQuery) -> Dashboard {
        self.engine.dashboard(&self.org, query)
    }

    /// The last `limit` stored metrics snapshots of the scenario on show,
    /// oldest first: its trend over time.
    pub fn snapshots(&self, limit: usize) -> Result<Vec<SnapshotRow>> {
        let mut rows = self.workspace.snapshots(Some(&self.scenario.name))?;
        rows.drain(..rows.len().saturating_sub(limit));
        Ok(rows)
    }

    /// The scenario's aggregate metrics as the org stands now.
    fn current_summary(&self) -> Metrics {
        self.engine.summary(&self.org).with_warnings(&self.warnings)
    }

    /// A snapshot of this scenario taken today.
    fn snapshot<'a>(&self, reason: &'a str, metrics: &'a Metrics) -> Snapshot<'a> {
        Snapshot {
            scenario_id: self.scenario.id,
            as_of: date::today(),
            reason,
            metrics,
        }
    }

    /// Records new metrics after an edit.
    fn set_summary(&mut self, summary: Metrics) {
        self.summary = summary;
        self.full = OnceCell::new();
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The scenario on show.
    pub fn scenario(&self) -> &ScenarioInfo {
        &self.scenario
    }

    pub fn scenarios(&self) -> Result<Vec<ScenarioInfo>> {
        self.workspace.scenarios()
    }

    /// The scenario's stored changes; the first `scenario().head` are
    /// applied.
    pub fn changes(&self) -> &[ChangeEntry] {
        &self.entries
    }

    /// Applied changes that could not take effect (not yet in force, or
    /// no longer applicable).
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    pub fn as_of(&self) -> Option<NaiveDate> {
        self.as_of
    }

    /// Shows another scenario: unwinds this one's changes from the org and
    /// applies the other's. Nothing is copied.
    pub fn switch_to(&mut self, name: &str) -> Result<()> {
        let scenario = self.workspace.scenario(name)?;
        let entries = self.workspace.change_entries(scenario.id)?;
        scenario::unwind(&mut self.org, std::mem::take(&mut self.undo))?;
        let applied = &entries[..(scenario.head as usize).min(entries.len())];
        let done = scenario::materialise(&mut self.org, applied, self.as_of);
        self.scenario = scenario;
        self.entries = entries;
        self.undo = done.undo;
        self.skipped = done.skipped;
        self.engine = MetricsEngine::new(&self.org, View::Current);
        let summary = self.current_summary();
        self.set_summary(summary);
        Ok(())
    }

    fn refuse_in_time_travel(&self) -> Result<()> {
        match self.as_of {
            Some(date) => Err(crate::OrgError::InvalidInput(format!(
                "this is a read-only view as of {date}; open the scenario without a date to edit it"
            ))),
            None => Ok(()),
        }
    }

    /// Applies one change to the scenario: validated against the org as it
    /// stands, persisted in one transaction with a metrics snapshot, and
    /// only then reported as done. A refused or unsaved change leaves both
    /// the org and the workspace as they were. Returns its position.
    pub fn apply(&mut self, change: Change, effective: Option<NaiveDate>) -> Result<u32> {
        self.refuse_in_time_travel()?;
        let undo = scenario::apply(&mut self.org, &change)?;
        let change = scenario::recording_replaced(change, &undo);
        let moved = undo.moved();
        self.update_engine(moved.clone(), true);
        let metrics = self.current_summary();
        let reason = change.to_string();
        let snapshot = self.snapshot(&reason, &metrics);
        match self
            .workspace
            .append_change(&self.scenario, &change, effective, Some(&snapshot))
        {
            Ok(position) => {
                self.entries.truncate(self.scenario.head as usize);
                self.undo.truncate(self.scenario.head as usize);
                self.entries.push(ChangeEntry {
                    position,
                    change,
                    effective,
                    made_at: chrono::Utc::now()
                        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
                        .to_string(),
                });
                self.undo.push(Some(undo));
                self.scenario.head = position;
                self.scenario.changes = position;
                self.scenario.revision += 1;
                self.set_summary(metrics);
                Ok(position)
            }
            Err(err) => {
                scenario::revert(&mut self.org, undo)?;
                self.update_engine(moved, false);
                Err(err)
            }
        }
    }

    /// Applies several changes to the scenario as one step of work: each
    /// validated against the org as the previous ones left it, all
    /// persisted in one transaction with one snapshot. If any is refused or
    /// saving fails, none is kept. Each stays a change of its own (undone
    /// one at a time). Returns the last one's position.
    pub fn apply_all(&mut self, changes: Vec<Change>, reason: &str) -> Result<u32> {
        self.refuse_in_time_travel()?;
        let mut undos = Vec::with_capacity(changes.len());
        for change in &changes {
            match scenario::apply(&mut self.org, change) {
                Ok(undo) => undos.push(undo),
                Err(err) => {
                    self.revert_all(undos)?;
                    return Err(err);
                }
            }
        }
        let changes: Vec<Change> = changes
            .into_iter()
            .zip(&undos)
            .map(|(change, undo)| scenario::recording_replaced(change, undo))
            .collect();
        self.engine = MetricsEngine::new(&self.org, View::Current);
        let metrics = self.current_summary();
        let snapshot = self.snapshot(reason, &metrics);
        match self
            .workspace
            .append_changes(&self.scenario, &changes, Some(&snapshot))
        {
            Ok(last) => {
                let head = self.scenario.head;
                self.entries.truncate(head as usize);
                self.undo.truncate(head as usize);
                let made_at = chrono::Utc::now()
                    .format("%Y-%m-%dT%H:%M:%S%.3fZ")
                    .to_string();
                for (offset, change) in changes.into_iter().enumerate() {
                    self.entries.push(ChangeEntry {
                        position: head + 1 + offset as u32,
                        change,
                        effective: None,
                        made_at: made_at.clone(),
                    });
                }
                self.undo.extend(undos.into_iter().map(Some));
                self.scenario.head = last;
                self.scenario.changes = last;
                self.scenario.revision += 1;
                self.set_summary(metrics);
                Ok(last)
            }
            Err(err) => {
                self.revert_all(undos)?;
                Err(err)
            }
        }
    }

    /// Reverts applied-but-unsaved changes, last first, and rebuilds the
    /// metrics engine.
    fn revert_all(&mut self, undos: Vec<Undo>) -> Result<()> {
        for undo in undos.into_iter().rev() {
            scenario::revert(&mut self.org, undo)?;
        }
        self.engine = MetricsEngine::new(&self.org, View::Current);
        Ok(())
    }

    /// The staff+ placement board of the scenario on show, as it is or as a
    /// what-if preview (computed on a copy; nothing is persisted).
    pub fn staff_plus(&self, what_if: WhatIf) -> Result<Preview> {
        Preview::of(&self.org, View::Current, what_if)
    }

    /// Saves a what-if as a new scenario branched from the one on show, and
    /// shows it. Refused (`invalid-input`) when it would change nothing.
    pub fn save_what_if(&mut self, name: &str, what_if: WhatIf) -> Result<()> {
        self.refuse_in_time_travel()?;
        let preview = self.staff_plus(what_if)?;
        if preview.changes.is_empty() {
            return Err(crate::OrgError::InvalidInput(
                "this preview changes nothing, so there is nothing to save".into(),
            ));
        }
        let from = self.scenario.name.clone();
        self.create_scenario(name, &from)?;
        let reason = match what_if {
            WhatIf::AllCentral => "what-if: every staff+ engineer central",
            WhatIf::AllEmbedded => "what-if: every staff+ engineer embedded",
            WhatIf::AsIs => "what-if",
        };
        if let Err(err) = self.apply_all(preview.changes, reason) {
            // Leave no empty scenario behind.
            let created = self.scenario.name.clone();
            self.switch_to(&from)?;
            self.workspace.delete_scenario(&created)?;
            return Err(err);
        }
        Ok(())
    }

    /// Keeps the metrics engine in step after a change was applied
    /// (`forward`) or undone, given the `moved` people of its undo record:
    /// a move updates it incrementally, anything else rebuilds it.
    fn update_engine(&mut self, moved: Option<Vec<PersonId>>, forward: bool) {
        if let Some(mut moved) = moved {
            if !forward {
                moved.reverse();
            }
            // Each step sets one person's manager as the org now has it;
            // the order keeps the engine's tree a forest at every step.
            let positions: Option<Vec<(u32, Option<u32>)>> = moved
                .iter()
                .map(|person| {
                    let at = self.org.position_of(person)?;
                    let manager = self
                        .org
                        .manager_of(person)
                        .and_then(|m| self.org.position_of(m));
                    Some((at, manager))
                })
                .collect();
            if let Some(positions) = positions {
                for (at, manager) in positions {
                    self.engine.apply_move(at, manager);
                }
                return;
            }
        }
        self.engine = MetricsEngine::new(&self.org, View::Current);
    }

    /// Moves `person` under `new_manager` (or makes them a root).
    pub fn move_person(&mut self, person: &PersonId, new_manager: Option<&PersonId>) -> Result<()> {
        self.apply(
            Change::Move {
                person: person.clone(),
                manager: new_manager.cloned(),
            },
            None,
        )
        .map(|_| ())
    }

    /// Undoes the scenario's last applied change (kept for redo).
    pub fn undo(&mut self) -> Result<()> {
        self.refuse_in_time_travel()?;
        if !self.scenario.can_undo() {
            return Err(crate::OrgError::NothingToUndo(self.scenario.name.clone()));
        }
        let index = self.scenario.head as usize - 1;
        let change = self.entries[index].change.clone();
        if let Some(step) = self.undo[index].take() {
            let moved = step.moved();
            scenario::revert(&mut self.org, step)?;
            self.update_engine(moved, false);
        }
        let metrics = self.current_summary();
        let reason = format!("undo {change}");
        let snapshot = self.snapshot(&reason, &metrics);
        let saved = self
            .workspace
            .set_head(&self.scenario, index as u32, Some(&snapshot));
        if let Err(err) = saved {
            // Put the change back as it was.
            self.undo[index] = scenario::apply(&mut self.org, &change).ok();
            let moved = self.undo[index].as_ref().and_then(Undo::moved);
            self.update_engine(moved, true);
            return Err(err);
        }
        self.undo.truncate(index);
        self.skipped.retain(|s| (s.position as usize) <= index);
        self.scenario.head = index as u32;
        self.scenario.revision += 1;
        self.set_summary(metrics);
        Ok(())
    }

    /// Re-applies the next change in the scenario's redo history.
    pub fn redo(&mut self) -> Result<()> {
        self.refuse_in_time_travel()?;
        if !self.scenario.can_redo() {
            return Err(crate::OrgError::NothingToRedo(self.scenario.name.clone()));
        }
        let index = self.scenario.head as usize;
        let entry = self.entries[index].clone();
        let step = scenario::apply(&mut self.org, &entry.change)?;
        let moved = step.moved();
        self.update_engine(moved.clone(), true);
        let metrics = self.current_summary();
        let reason = format!("redo {}", entry.change);
        let snapshot = self.snapshot(&reason, &metrics);
        let saved = self
            .workspace
            .set_head(&self.scenario, index as u32 + 1, Some(&snapshot));
        if let Err(err) = saved {
            scenario::revert(&mut self.org, step)?;
            self.update_engine(moved, false);
            return Err(err);
        }
        self.undo.push(Some(step));
        self.scenario.head = index as u32 + 1;
        self.scenario.revision += 1;
        self.set_summary(metrics);
        Ok(())
    }

    /// Branches a new scenario from `from` and shows it.
    pub fn create_scenario(&mut self, name: &str, from: &str) -> Result<()> {
        let created = self.workspace.create_scenario(name, from)?;
        self.switch_to(&created.name)
    }

    /// Copies `name` whole as `new_name` and shows the copy.
    pub fn duplicate_scenario(&mut self, name: &str, new_name: &str) -> Result<()> {
        let copy = self.workspace.duplicate_scenario(name, new_name)?;
        self.switch_to(&copy.name)
    }

    pub fn rename_scenario(&mut self, name: &str, new_name: &str) -> Result<()> {
        let renamed = self.workspace.rename_scenario(name, new_name)?;
        if self.scenario.id == renamed.id {
            self.scenario = renamed;
        }
        Ok(())
    }

    /// Deletes a scenario; if it was on show, the baseline is shown.
    pub fn delete_scenario(&mut self, name: &str) -> Result<()> {
        let showing = self.scenario.name == name;
        self.workspace.delete_scenario(name)?;
        if showing {
            self.switch_to(BASELINE)?;
        }
        Ok(())
    }

    /// Runs `work` on the bare baseline org (this scenario unwound), then
    /// puts the scenario back.
    fn with_baseline<T>(
        &mut self,
        work: impl FnOnce(&mut Org, &Workspace) -> Result<T>,
    ) -> Result<T> {
        let applied: Vec<ChangeEntry> = self.entries[..self.scenario.head as usize].to_vec();
        scenario::unwind(&mut self.org, std::mem::take(&mut self.undo))?;
        let result = work(&mut self.org, &self.workspace);
        let done = scenario::materialise(&mut self.org, &applied, self.as_of);
        self.undo = done.undo;
        self.skipped = done.skipped;
        result
    }

    /// Compares the baseline with each named scenario (and each pair of
    /// them): moves, additions, removals, edits, teams, support and dotted
    /// lines, and every summary metric with deltas.
    pub fn compare(&mut self, names: &[String], as_of: Option<NaiveDate>) -> Result<Comparison> {
        let mut scenarios = vec![self.workspace.scenario(BASELINE)?];
        for name in names {
            if name != BASELINE && !scenarios.iter().any(|s| &s.name == name) {
                scenarios.push(self.workspace.scenario(name)?);
            }
        }
        let lists = scenarios
            .iter()
            .map(|s| {
                let mut entries = self.workspace.change_entries(s.id)?;
                entries.truncate(s.head as usize);
                Ok(entries)
            })
            .collect::<Result<Vec<_>>>()?;
        let warnings = self.warnings.clone();
        // The scenario on show already has current figures: reuse them
        // rather than recompute O(n) metrics for it.
        let live = (self.as_of.is_none() && as_of.is_none()).then(|| {
            (
                self.scenario.id,
                self.scenario.revision,
                self.summary.clone(),
            )
        });
        let cached = self.baseline_input.take();
        let (comparison, baseline_input) = self.with_baseline(|org, _| {
            let mut base = match cached {
                Some(base) if base.matches(org) => Some(base),
                _ => BaseInput::of(org),
            };
            // First pass: who and what any scenario touches.
            let mut people = BTreeSet::new();
            let mut teams = BTreeSet::new();
            for entries in &lists {
                let done = scenario::materialise(org, entries, as_of);
                for (entry, undo) in entries.iter().zip(&done.undo) {
                    scenario::touched(&entry.change, undo.as_ref(), &mut people, &mut teams);
                }
                scenario::unwind(org, done.undo)?;
            }
            let touched: Vec<&PersonId> = people.iter().collect();
            let base_slots: Vec<u32> = people.iter().filter_map(|id| org.slot_of(id)).collect();
            // Second pass: capture each.
            let mut captures = Vec::with_capacity(lists.len());
            for (info, entries) in scenarios.iter().zip(&lists) {
                let done = scenario::materialise(org, entries, as_of);
                let changed: &Org = org;
                // The capture reads the org on the other core while the
                // summary's serial part (patching its input) runs here.
                let capture = std::thread::scope(|scope| {
                    let capture = scope.spawn(|| Capture::of(changed, &people, &teams));
                    let metrics = match (&live, &mut base) {
                        (Some((id, revision, summary)), _)
                            if *id == info.id && *revision == info.revision =>
                        {
                            summary.clone()
                        }
                        (_, Some(base)) => base
                            .summarise_changed(changed, &base_slots, &touched, View::Current)
                            .with_warnings(&warnings),
                        (_, None) => crate::metrics::summarise(changed, View::Current)
                            .with_warnings(&warnings),
                    };
                    let capture = capture
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                    capture.with_summary(&metrics)
                });
                captures.push((info.name.clone(), capture));
                scenario::unwind(org, done.undo)?;
            }
            Ok((Comparison::of(View::Current, as_of, &captures), base))
        })?;
        self.baseline_input = baseline_input;
        Ok(comparison)
    }

    /// The headcount plan of the scenario on show, for the eight quarters
    /// from `today`'s.
    pub fn plan(&mut self, today: NaiveDate) -> Result<Plan> {
        let applied: Vec<ChangeEntry> = self.entries[..self.scenario.head as usize].to_vec();
        self.with_baseline(|org, workspace| {
            let budgets = workspace.budgets()?;
            scenario::plan::plan(org, &applied, today, &budgets)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_once_then_persists_moves() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("demo.orgraph");
        let mut session = Session::open_or_seed(&path).expect("seeded");
        assert!(session.org().len() >= DEMO_PEOPLE);
        // Move a leaf under a different manager.
        let forest = session.org().forest();
        let people: Vec<PersonId> = session.org().people().map(|p| p.id.clone()).collect();
        let leaf = (0..forest.len() as u32)
            .rev()
            .find(|&i| forest.child_count(i) == 0 && forest.parent(i).is_some())
            .expect("a leaf");
        let old_manager = forest.parent(leaf).expect("has a manager");
        let new_manager = (0..forest.len() as u32)
            .find(|&i| forest.child_count(i) > 0 && i != old_manager)
            .expect("another manager");
        let leaf_id = people[leaf as usize].clone();
        let new_id = people[new_manager as usize].clone();
        session
            .move_person(&leaf_id, Some(&new_id))
            .expect("legal move");
        let after = session.metrics().clone();
        assert_eq!(
            after,
            crate::metrics::compute(session.org(), View::Current).with_warnings(&after.warnings)
        );
        let snapshots = session.workspace().snapshots(None).expect("listed");
        assert_eq!(snapshots.len(), 2);
        assert_eq!(snapshots[1].people, after.people);
        assert_eq!(snapshots[1].layers, after.layers);
        let json = session
            .workspace()
            .snapshot_json(snapshots[1].id)
            .expect("readable")
            .expect("stored");
        let json: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(json["span"]["median"], after.span.median);
        assert_eq!(json["band"]["narrow"], after.band.narrow);
        assert_eq!(json["coverage"]["covered"], after.coverage.covered);
        assert!(json.get("span_by_manager").is_none(), "no per-person lists");
        assert!(
            json["coverage"].get("load").is_none(),
            "no per-person lists"
        );
        drop(session);

        let reopened = Session::open_or_seed(&path).expect("reopened");
        assert_eq!(reopened.org().manager_of(&leaf_id), Some(&new_id));
        assert_eq!(reopened.metrics(), &after);
    }

    #[test]
    fn a_saved_what_if_is_a_scenario_of_its_changes_and_survives_reopening() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("demo.orgraph");
        let mut session = Session::open_or_seed(&path).expect("seeded");
        let preview = session.staff_plus(WhatIf::AllCentral).expect("preview");
        let before = session.staff_plus(WhatIf::AsIs).expect("board");
        assert!(before.board.summary.embedded > 0, "the demo embeds some");
        assert_eq!(session.scenario().head, 0, "the preview persisted nothing");
        session
            .save_what_if("centralised", WhatIf::AllCentral)
            .expect("saved");
        assert_eq!(session.scenario().name, "centralised");
        assert_eq!(session.scenario().head as usize, preview.changes.len());
        let after = session.staff_plus(WhatIf::AsIs).expect("board");
        assert_eq!(after.board, preview.board);
        assert_eq!(
            session.summary().coverage.covered,
            preview.board.summary.covered
        );
        let err = session
            .save_what_if("again", WhatIf::AllCentral)
            .expect_err("nothing to change");
        assert_eq!(err.code(), crate::ErrorCode::InvalidInput);
        assert!(session.workspace().scenario("again").is_err(), "none left");
        session.undo().expect("undone");
        assert_eq!(session.scenario().head as usize, preview.changes.len() - 1);
        drop(session);
        let reopened = Session::open_at(&path, "centralised", None).expect("reopened");
        assert_eq!(reopened.scenario().head as usize, preview.changes.len() - 1);
    }

    #[test]
    fn an_old_workspace_opens_with_the_default_team_size_target() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("old.orgraph");
        let fixture = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/schema-v1.orgraph"
        );
        std::fs::copy(fixture, &path).expect("copied");
        let mut session = Session::open(&path).expect("opens");
        let policy = session.org().policy;
        assert_eq!((policy.band_min, policy.band_max), (5, 8));
        assert_eq!((policy.team_min, policy.team_max), (5, 9));
        assert_eq!(session.summary().team_size.min, 5);
        let rows = session.team_rows();
        assert_eq!(rows.len(), session.org().teams().len());
        let counted = session.summary().team_size;
        assert_eq!(
            counted.below + counted.within + counted.above,
            rows.len() as u64
        );
        // A new target is a change of the scenario, kept across reopening.
        let wider = Policy {
            team_min: 1,
            team_max: 20,
            ..policy
        };
        session
            .apply(Change::SetPolicy { policy: wider }, None)
            .expect("valid policy");
        assert_eq!(session.summary().team_size.below, 0);
        drop(session);
        let reopened = Session::open(&path).expect("reopens");
        assert_eq!(reopened.org().policy, wider);
    }

    #[test]
    fn moving_a_group_between_teams_is_one_undoable_change() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("demo.orgraph");
        let mut session = Session::open_or_seed(&path).expect("seeded");
        session
            .apply(
                Change::CreateTeam {
                    team: "team-new".into(),
                    name: "New".into(),
                    team_kind: crate::model::TeamKind::Platform,
                    department: None,
                },
                None,
            )
            .expect("created");
        let movers: Vec<PersonId> = session
            .org()
            .people()
            .filter(|p| p.status == crate::model::Status::Active)
            .take(3)
            .map(|p| p.id.clone())
            .collect();
        let before: Vec<_> = movers
            .iter()
            .map(|id| session.org().person(id).and_then(|p| p.team.clone()))
            .collect();
        session
            .apply(
                Change::AssignTeam {
                    people: movers.clone(),
                    team: Some("team-new".into()),
                },
                None,
            )
            .expect("moved");
        let row = |s: &Session| {
            s.team_rows()
                .into_iter()
                .find(|r| r.id.as_str() == "team-new")
                .expect("listed")
        };
        assert_eq!(row(&session).members, 3);
        assert_eq!(session.scenario().head, 2);
        session.undo().expect("undone");
        assert_eq!(row(&session).members, 0);
        let after: Vec<_> = movers
            .iter()
            .map(|id| session.org().person(id).and_then(|p| p.team.clone()))
            .collect();
        assert_eq!(after, before);
    }

    #[test]
    fn the_dashboard_and_snapshot_trend_follow_edits_in_the_scenario_on_show() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("demo.orgraph");
        let mut session = Session::open_or_seed(&path).expect("seeded");
        let query = DashboardQuery::default();
        let before = session.dashboard(&query);
        let root = session.org().forest().roots()[0];
        let root_id = session.org().person_at(root).expect("root").id.clone();
        session.create_scenario("flat", BASELINE).expect("created");
        // A new scenario has no snapshots of its own yet.
        assert!(session.snapshots(10).expect("listed").is_empty());
        // Everyone under the root's first report moves up to the root.
        let report = session.org().reports_of(&root_id)[0].clone();
        let moved: Vec<PersonId> = session
            .org()
            .reports_of(&report)
            .into_iter()
            .cloned()
            .collect();
        for person in &moved {
            session
                .move_person(person, Some(&root_id))
                .expect("legal move");
        }
        let trend = session.snapshots(100).expect("listed");
        assert_eq!(trend.len(), moved.len());
        assert!(trend.iter().all(|row| row.scenario == "flat"));
        assert_eq!(
            trend.last().expect("one").managers,
            session.summary().managers
        );
        assert_eq!(
            session.snapshots(2).expect("listed"),
            trend[trend.len() - 2..]
        );
        let after = session.dashboard(&query);
        assert_eq!(
            after,
            MetricsEngine::new(session.org(), View::Current).dashboard(session.org(), &query)
        );
        assert_ne!(after, before);
        session.switch_to(BASELINE).expect("switched");
        assert_eq!(session.dashboard(&query), before);
        assert_eq!(session.snapshots(100).expect("listed").len(), 1, "the seed");
    }

    #[test]
    fn moving_alone_updates_metrics_at_once_and_undoes_in_one_step() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("demo.orgraph");
        let mut session = Session::open_or_seed(&path).expect("seeded");
        let forest = session.org().forest();
        let ids: Vec<PersonId> = session.org().people().map(|p| p.id.clone()).collect();
        // A manager with a manager, and someone outside their subtree.
        let person = (0..forest.len() as u32)
            .find(|&i| forest.child_count(i) > 0 && forest.parent(i).is_some())
            .expect("a middle manager");
        let old_manager = ids[forest.parent(person).expect("has one") as usize].clone();
        let person_id = ids[person as usize].clone();
        let reports: Vec<PersonId> = session
            .org()
            .reports_of(&person_id)
            .into_iter()
            .cloned()
            .collect();
        let target = forest.roots()[0];
        let target_id = ids[target as usize].clone();
        let target_id = if target_id == old_manager {
            reports[0].clone()
        } else {
            target_id
        };
        let before = session.summary().clone();
        session
            .apply(
                Change::MoveAlone {
                    person: person_id.clone(),
                    manager: Some(target_id.clone()),
                },
                None,
            )
            .expect("legal");
        assert_eq!(session.org().manager_of(&person_id), Some(&target_id));
        for report in &reports {
            let manager = session.org().manager_of(report);
            assert!(
                manager == Some(&old_manager) || report == &target_id,
                "{report} stays behind"
            );
        }
        // The incrementally updated summary is the one a full pass gives.
        let full = crate::metrics::summarise(session.org(), View::Current);
        assert_eq!(session.summary().span, full.span);
        assert_eq!(session.summary().layers, full.layers);
        assert_eq!(session.summary().band, full.band);

        session.undo().expect("one step");
        assert_eq!(session.org().manager_of(&person_id), Some(&old_manager));
        for report in &reports {
            assert_eq!(session.org().manager_of(report), Some(&person_id));
        }
        assert_eq!(session.summary().span, before.span);
        assert_eq!(session.summary().band, before.band);
        drop(session);

        // Persisted: the redo history survives a reopen, and redo re-applies it.
        let mut reopened = Session::open(&path).expect("reopened");
        reopened.redo().expect("redo");
        assert_eq!(reopened.org().manager_of(&person_id), Some(&target_id));
        assert_eq!(reopened.changes()[0].change.kind(), "move-alone");
    }

    #[test]
    fn a_refused_move_changes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("demo.orgraph");
        let mut session = Session::open_or_seed(&path).expect("seeded");
        let root = session.org().forest().roots()[0];
        let root_id = session
            .org()
            .people()
            .nth(root as usize)
            .map(|p| p.id.clone())
            .expect("root");
        let report = session.org().reports_of(&root_id)[0].clone();
        let before = session.metrics().clone();
        let err = session
            .move_person(&root_id, Some(&report))
            .expect_err("cycle");
        assert_eq!(err.code(), crate::ErrorCode::WouldCreateCycle);
        assert_eq!(session.metrics(), &before);
        assert_eq!(
            session.workspace().snapshots(None).expect("listed").len(),
            1
        );
    }

    #[test]
    fn a_comparison_is_the_same_from_whichever_scenario_is_on_show() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("demo.orgraph");
        let mut session = Session::open_or_seed(&path).expect("seeded");
        let forest = session.org().forest();
        let ids: Vec<PersonId> = session.org().people().map(|p| p.id.clone()).collect();
        let leaf = (0..forest.len() as u32)
            .rev()
            .find(|&i| forest.child_count(i) == 0 && forest.parent(i).is_some())
            .expect("a leaf");
        let root = forest.roots()[0];
        session.create_scenario("flat", BASELINE).expect("created");
        session
            .move_person(&ids[leaf as usize], Some(&ids[root as usize]))
            .expect("moved");
        let names = vec!["flat".to_string()];
        let from_scenario = session.compare(&names, None).expect("compared");
        session.switch_to(BASELINE).expect("switched");
        let from_baseline = session.compare(&names, None).expect("compared");
        assert_eq!(from_scenario, from_baseline);
        assert_eq!(from_baseline.against_baseline[0].moved.len(), 1);
        let people = from_baseline
            .metrics
            .iter()
            .find(|row| row.metric == "people")
            .expect("people row");
        assert_eq!(people.values[0], people.values[1]);
    }

    #[test]
    fn a_new_workspace_is_empty_and_refuses_to_replace_a_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("new.orgraph");
        let session = Session::create_empty(&path).expect("created");
        assert_eq!(session.org().len(), 0);
        assert_eq!(session.scenario().name, BASELINE);
        assert_eq!(session.summary().people, 0);
        drop(session);
        let reopened = Session::open(&path).expect("reopens");
        assert_eq!(reopened.org().len(), 0);
        drop(reopened);
        let before = std::fs::read(&path).expect("read");
        let err = Session::create_empty(&path).expect_err("exists");
        assert_eq!(err.code(), crate::ErrorCode::AlreadyExists);
        assert_eq!(std::fs::read(&path).expect("read"), before);
    }

    #[test]
    fn save_as_copies_everything_and_opens_the_copy_on_the_same_scenario() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("demo.orgraph");
        let mut session = Session::open_or_seed(&path).expect("seeded");
        let forest = session.org().forest();
        let ids: Vec<PersonId> = session.org().people().map(|p| p.id.clone()).collect();
        let leaf = (0..forest.len() as u32)
            .rev()
            .find(|&i| forest.child_count(i) == 0 && forest.parent(i).is_some())
            .expect("a leaf");
        let root = forest.roots()[0];
        session.create_scenario("flat", BASELINE).expect("created");
        session
            .move_person(&ids[leaf as usize], Some(&ids[root as usize]))
            .expect("moved");
        let copy_path = dir.path().join("copy.orgraph");
        let copy = session.save_as(&copy_path).expect("saved as");
        assert_eq!(copy.path(), copy_path);
        assert_eq!(copy.scenario().name, "flat");
        assert!(copy.scenario().can_undo());
        assert_eq!(copy.org().len(), session.org().len());
        assert_eq!(
            copy.org().manager_of(&ids[leaf as usize]),
            Some(&ids[root as usize])
        );
        assert_eq!(copy.summary(), session.summary());
        assert!(copy
            .workspace()
            .integrity_problems()
            .expect("checked")
            .is_empty());
        // The copy is a workspace of its own: edits to it leave the original alone.
        let mut copy = copy;
        copy.undo().expect("undone in the copy");
        drop(copy);
        let original = Session::open_at(&path, "flat", None).expect("original");
        assert!(original.scenario().can_undo());
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("listed")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(names.is_empty(), "no temporary file left: {names:?}");
    }

    #[test]
    fn save_as_refuses_its_own_file_and_a_missing_folder_writing_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("demo.orgraph");
        let session = Session::open_or_seed(&path).expect("seeded");
        let err = session.save_as(&path).expect_err("same file");
        assert_eq!(err.code(), crate::ErrorCode::InvalidInput);
        let missing = dir.path().join("nowhere").join("copy.orgraph");
        let err = session.save_as(&missing).expect_err("no folder");
        assert_eq!(err.code(), crate::ErrorCode::Io);
        assert!(!missing.exists());
        assert_eq!(
            session.org().len(),
            Session::open(&path).expect("opens").org().len()
        );
    }

    #[test]
    fn save_as_replaces_an_existing_file_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("demo.orgraph");
        let session = Session::open_or_seed(&path).expect("seeded");
        let dest = dir.path().join("old.orgraph");
        std::fs::write(&dest, b"an older file the dialog agreed to replace").expect("written");
        let copy = session.save_as(&dest).expect("replaced");
        assert_eq!(copy.org().len(), session.org().len());
    }

    #[test]
    fn opening_a_file_that_is_not_a_workspace_or_is_corrupt_is_a_typed_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let text = dir.path().join("notes.orgraph");
        std::fs::write(&text, b"just some text, not a database").expect("written");
        let err = Session::open(&text).expect_err("not a workspace");
        assert_eq!(err.code(), crate::ErrorCode::NotAWorkspace);
        assert_eq!(
            std::fs::read(&text).expect("read"),
            b"just some text, not a database"
        );

        let other = dir.path().join("other.sqlite");
        let conn = rusqlite::Connection::open(&other).expect("sqlite");
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .expect("table");
        drop(conn);
        let err = Session::open(&other).expect_err("another application's database");
        assert_eq!(err.code(), crate::ErrorCode::NotAWorkspace);

        // A workspace whose baseline image was damaged.
        let path = dir.path().join("damaged.orgraph");
        drop(Session::open_or_seed(&path).expect("seeded"));
        let conn = rusqlite::Connection::open(&path).expect("sqlite");
        conn.execute("UPDATE baseline_image SET data = x'00010203'", [])
            .expect("damaged");
        drop(conn);
        let err = Session::open(&path).expect_err("corrupt");
        assert_eq!(err.code(), crate::ErrorCode::Corrupt);

        let err = Session::open(&dir.path().join("missing.orgraph")).expect_err("missing");
        assert_eq!(err.code(), crate::ErrorCode::Io);
    }
}
