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
mod health;
mod placeholders;
mod settings;
mod shown;
mod suggest;
pub use settings::{Overrides, SettingsOnShow};
pub use shown::{ChangeLine, ListedScenario, ScenarioState, ShownConflict, LISTED_IDS};

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
            workspace.mark_demo()?;
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
        let mut session = Session {
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
        };
        session.note_conflicts();
        Ok(session)
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

    /// The people the scenario's changes name who are not in the org on
    /// show, as `(id, name, title)`: those its applied changes removed and
    /// those its changes add. With [`Session::org`] it names every person
    /// of a change list (see [`Change::describe`]).
    pub fn people_outside_org(&self) -> Vec<(PersonId, String, String)> {
        let removed = self.undo.iter().flatten().filter_map(|step| match step {
            Undo::Restore(removed) => Some((
                removed.person.id.clone(),
                removed.person.name.to_string(),
                removed.person.title.to_string(),
            )),
            _ => None,
        });
        let added = self.entries.iter().filter_map(|e| match &e.change {
            Change::AddPerson { person, .. } => {
                Some((person.id.clone(), person.name.clone(), person.title.clone()))
            }
            _ => None,
        });
        removed.chain(added).collect()
    }

    /// `change` described with people named as `Name (title)`.
    pub fn describe(&self, change: &Change) -> String {
        let outside = self.people_outside_org();
        change
            .describe(&(&self.org, outside.as_slice()))
            .to_string()
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
        self.note_conflicts();
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
        let reason = match what_if {
            WhatIf::AllCentral => {
                "what-if: every staff+ engineer central, still supporting their team"
            }
            WhatIf::AllCentralDropHomeSupport => {
                "what-if: every staff+ engineer central, leaving their team"
            }
            WhatIf::AllEmbedded => "what-if: every staff+ engineer embedded",
            WhatIf::AsIs => "what-if",
        };
        self.save_changes_as(name, preview.changes, reason)
    }

    /// Saves `changes` as a new scenario `name` branched from the one on
    /// show, as one step recorded with `reason`, and shows it. Refused
    /// (`invalid-input`) when there are no changes. When a change does not
    /// apply, no scenario is left behind and the one on show stays.
    pub fn save_changes_as(
        &mut self,
        name: &str,
        changes: Vec<Change>,
        reason: &str,
    ) -> Result<()> {
        self.refuse_in_time_travel()?;
        if changes.is_empty() {
            return Err(crate::OrgError::InvalidInput(
                "there are no changes to save".into(),
            ));
        }
        let from = self.scenario.name.clone();
        self.create_scenario(name, &from)?;
        if let Err(err) = self.apply_all(changes, reason) {
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
        self.note_conflicts();
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
mod shown_tests;
#[cfg(test)]
mod staffplus_tests;
#[cfg(test)]
mod tests;
