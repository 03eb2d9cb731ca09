//! Storing an import in a workspace. A first import sets the baseline; a
//! re-import matches people by id, reports what changed and keeps the old
//! baseline as the scenario "before import DATE", whose changes take the
//! new baseline back to the old one, so the two compare like scenarios.

use super::{load_with_progress, ImportOptions, ProgressSink};
use crate::error::Result;
use crate::metrics::{compute, View};
use crate::model::{Finding, Ladder, Org, Policy};
use crate::scenario::{changes_between, ImportReport};
use crate::store::{Snapshot, Workspace, BASELINE};
use std::path::Path;

/// What an import did.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    pub people: usize,
    pub teams: usize,
    pub warnings: Vec<Finding>,
    /// For a re-import: what changed since the previous baseline.
    pub report: Option<ImportReport>,
    /// For a re-import that changed anything: the scenario holding the
    /// previous baseline.
    pub kept_as: Option<String>,
}

/// Reads `file` and stores it as the baseline of the workspace at `into`
/// (created if missing), in one transaction. Nothing is written if the
/// file has errors.
pub fn import_into(
    file: &Path,
    into: &Path,
    options: &ImportOptions,
    progress: ProgressSink<'_>,
) -> Result<ImportOutcome> {
    // Validate fully before touching the workspace.
    let (org, warnings) = load_with_progress(
        file,
        options,
        Ladder::default(),
        Policy::default(),
        progress,
    )?;
    let (mut workspace, _) = Workspace::open_or_create(into)?;
    store(&mut workspace, file, org, warnings)
}

/// Stores an already validated `org` read from `file`.
pub fn store(
    workspace: &mut Workspace,
    file: &Path,
    mut org: Org,
    warnings: Vec<Finding>,
) -> Result<ImportOutcome> {
    let previous = workspace.load_org().ok().map(|(org, _)| org);
    if let Some(previous) = &previous {
        // Settings belong to the workspace, not to the HRIS export.
        org.policy = previous.policy;
        org.ladder = previous.ladder.clone();
    }
    let today = crate::date::today();
    let (report, back) = match previous.filter(|p| !p.is_empty()) {
        None => (None, None),
        Some(previous) => {
            let forward = changes_between(&previous, &org)?;
            let report = ImportReport::of(&previous, &org, &forward);
            let back = (!forward.is_empty())
                .then(|| changes_between(&org, &previous))
                .transpose()?;
            (Some(report), back)
        }
    };
    let name = format!("before import {today}");
    let metrics = compute(&org, View::Current);
    let reason = format!("import {}", file.display());
    let snapshot = Snapshot {
        scenario_id: workspace.scenario(BASELINE)?.id,
        as_of: today,
        reason: &reason,
        metrics: &metrics,
    };
    let before = back
        .as_ref()
        .map(|changes| (name.as_str(), changes.as_slice()));
    let kept_as = workspace.replace_baseline(&org, &warnings, before, &snapshot)?;
    Ok(ImportOutcome {
        people: org.len(),
        teams: org.teams().len(),
        warnings,
        report,
        kept_as,
    })
}
