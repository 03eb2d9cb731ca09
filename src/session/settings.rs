//! The workspace's settings from a session: changing them is no change in
//! any scenario's list and no baseline edit; the baseline and every
//! scenario follow, except where a scenario overrides a setting with a
//! `set-target` / `set-ladder` change of its own ("in this scenario only",
//! made through [`Session::apply`] like any other change).

use super::Session;
use crate::error::{OrgError, Result};
use crate::metrics::{MetricsEngine, View};
use crate::model::{Ladder, Policy};
use crate::scenario::{self, Change, ChangeEntry, Target};
use serde::Serialize;

/// Which settings the scenario on show takes from its own changes rather
/// than from the workspace.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Overrides {
    pub band: bool,
    pub team_size: bool,
    pub max_load: bool,
    pub ladder: bool,
}

impl Overrides {
    pub fn any(&self) -> bool {
        self.band || self.team_size || self.max_load || self.ladder
    }
}

/// The settings the scenario on show uses: the workspace's, except where
/// it sets its own ("in this scenario only").
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SettingsOnShow {
    pub policy: Policy,
    /// The workspace's own policy, which a workspace-wide save changes (it
    /// differs from `policy` where the scenario sets its own targets).
    pub workspace_policy: Policy,
    #[cfg_attr(feature = "ts", ts(as = "Vec<crate::model::LadderLevel>"))]
    pub ladder: Ladder,
    pub overrides: Overrides,
}

impl SettingsOnShow {
    /// The workspace policy a workspace-wide save of `edited` makes.
    /// `edited` is the policy on show as the user changed it: only the
    /// targets that differ from the one on show reach the workspace's own
    /// policy, so a scenario's own targets are not copied into the workspace.
    pub fn workspace_policy_after(&self, edited: &Policy) -> Policy {
        Target::differences(&self.policy, edited)
            .into_iter()
            .fold(self.workspace_policy, |policy, target| {
                target.applied_to(policy)
            })
    }
}

impl Session {
    /// The policy and ladder of the scenario on show, with which of them
    /// are its own and the workspace's policy beside them.
    pub fn settings_on_show(&self) -> Result<SettingsOnShow> {
        let (workspace_policy, _) = self.workspace_settings()?;
        Ok(SettingsOnShow {
            policy: self.org.policy,
            workspace_policy,
            ladder: self.org.ladder.clone(),
            overrides: self.overrides(),
        })
    }

    /// The workspace's settings, as stored.
    pub fn workspace_settings(&self) -> Result<(Policy, Ladder)> {
        self.workspace.settings()
    }

    /// The settings the scenario on show overrides with changes of its
    /// own (applied ones only).
    pub fn overrides(&self) -> Overrides {
        let head = (self.scenario.head as usize).min(self.entries.len());
        overrides_in(&self.entries[..head])
    }

    /// The scenarios (the baseline included) whose applied changes set a
    /// policy or ladder of their own, so a workspace setting does not
    /// reach them; by name, with what each overrides.
    pub fn scenarios_with_own_settings(&self) -> Result<Vec<(String, Overrides)>> {
        let mut found = Vec::new();
        for info in self.workspace.scenarios()? {
            let mut entries = self.workspace.change_entries(info.id)?;
            entries.truncate(info.head as usize);
            let overrides = overrides_in(&entries);
            if overrides.any() {
                found.push((info.name, overrides));
            }
        }
        Ok(found)
    }

    /// Replaces the workspace's policy and/or ladder (`None` keeps it).
    /// The org on show is rebuilt on the new baseline settings, its
    /// metrics recomputed and, with the settings, a snapshot of them
    /// saved in one transaction; if saving fails the session is as it was.
    pub fn set_workspace_settings(
        &mut self,
        policy: Option<Policy>,
        ladder: Option<Ladder>,
    ) -> Result<()> {
        self.refuse_in_time_travel()?;
        let problem = policy
            .as_ref()
            .and_then(Policy::problem)
            .or_else(|| ladder.as_ref().and_then(Ladder::problem));
        if let Some(problem) = problem {
            return Err(OrgError::InvalidInput(problem));
        }
        let (old_policy, old_ladder) = self.workspace.settings()?;
        let new_policy = policy.unwrap_or(old_policy);
        let new_ladder = ladder.unwrap_or_else(|| old_ladder.clone());
        if new_policy == old_policy && new_ladder == old_ladder {
            return Err(OrgError::InvalidInput(
                "the workspace settings are already set that way".into(),
            ));
        }
        self.rebase_settings(new_policy, new_ladder.clone())?;
        let metrics = self.current_summary();
        let reason = describe(&new_policy, &new_ladder, &old_policy, &old_ladder);
        let snapshot = self.snapshot(&reason, &metrics);
        match self
            .workspace
            .set_settings(&new_policy, &new_ladder, Some(&snapshot))
        {
            Ok(()) => {
                self.set_summary(metrics);
                Ok(())
            }
            Err(err) => {
                self.rebase_settings(old_policy, old_ladder)?;
                let summary = self.current_summary();
                self.set_summary(summary);
                Err(err)
            }
        }
    }

    /// Unwinds the scenario on show, gives the bare baseline `policy` and
    /// `ladder`, and applies the scenario again (its own settings changes
    /// on top), with a fresh metrics engine.
    fn rebase_settings(&mut self, policy: Policy, ladder: Ladder) -> Result<()> {
        let head = (self.scenario.head as usize).min(self.entries.len());
        let applied = self.entries[..head].to_vec();
        scenario::unwind(&mut self.org, std::mem::take(&mut self.undo))?;
        self.org.policy = policy;
        self.org.ladder = ladder;
        let done = scenario::materialise(&mut self.org, &applied, self.as_of);
        self.undo = done.undo;
        self.skipped = done.skipped;
        self.engine = MetricsEngine::new(&self.org, View::Current);
        // The cached baseline input was extracted under the old settings.
        self.baseline_input = None;
        Ok(())
    }
}

fn overrides_in(entries: &[ChangeEntry]) -> Overrides {
    let mut overrides = Overrides::default();
    for entry in entries {
        match entry.change {
            // A whole-policy change pins all three targets.
            Change::SetPolicy { .. } => {
                overrides.band = true;
                overrides.team_size = true;
                overrides.max_load = true;
            }
            Change::SetTarget { target } => match target {
                Target::Band { .. } => overrides.band = true,
                Target::TeamSize { .. } => overrides.team_size = true,
                Target::MaxLoad { .. } => overrides.max_load = true,
            },
            Change::SetLadder { .. } => overrides.ladder = true,
            _ => {}
        }
    }
    overrides
}

/// The snapshot's reason, e.g. `workspace settings: span band 4-6 (was 5-8)`.
fn describe(policy: &Policy, ladder: &Ladder, old: &Policy, old_ladder: &Ladder) -> String {
    let mut parts = Vec::new();
    if (policy.band_min, policy.band_max) != (old.band_min, old.band_max) {
        parts.push(format!(
            "span band {}-{} (was {}-{})",
            policy.band_min, policy.band_max, old.band_min, old.band_max
        ));
    }
    if (policy.team_min, policy.team_max) != (old.team_min, old.team_max) {
        parts.push(format!(
            "team size {}-{} (was {}-{})",
            policy.team_min, policy.team_max, old.team_min, old.team_max
        ));
    }
    if policy.max_load != old.max_load {
        parts.push(format!(
            "max load {} (was {})",
            policy.max_load, old.max_load
        ));
    }
    if ladder != old_ladder {
        parts.push(format!("ladder ({} levels)", ladder.levels().len()));
    }
    format!("workspace settings: {}", parts.join(", "))
}

#[cfg(test)]
#[path = "settings_tests.rs"]
mod tests;
