//! What an import stored, as the app's wizard reports it: counts, the
//! warnings grouped by kind, the re-import report with people named, and
//! the scenarios whose changes no longer apply.

use super::{group_findings, import_into, FindingGroup, ImportOutcome, ImportRequest};
use super::{NamedReport, ProgressSink};
use crate::error::Result;
use crate::model::Finding;
use crate::session::Session;
use serde::Serialize;

/// What an import stored.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub people: usize,
    pub teams: usize,
    pub warnings: Vec<Finding>,
    /// The warnings grouped by kind with counts, as the metrics panel
    /// shows them.
    pub warning_groups: Vec<FindingGroup>,
    /// For a re-import: what changed since the previous baseline.
    pub report: Option<NamedReport>,
    /// The scenario keeping the previous baseline, if anything changed.
    pub kept_as: Option<String>,
    /// Each scenario with changes that no longer apply to the new baseline.
    pub conflicts: Vec<StaleChanges>,
}

/// One scenario's changes that no longer apply (kept, not applied).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaleChanges {
    pub scenario: String,
    pub changes: Vec<StaleChange>,
}

/// A change that no longer applies, worded by the core.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaleChange {
    /// 1-based position in the scenario's change list.
    pub position: u32,
    /// The change, described without any compensation figure.
    pub change: String,
    /// Why it does not apply.
    pub reason: String,
}

impl ImportSummary {
    /// The summary of `outcome`, its report naming people as `named` does.
    pub fn of(outcome: &ImportOutcome, named: Option<NamedReport>) -> ImportSummary {
        ImportSummary {
            people: outcome.people,
            teams: outcome.teams,
            warnings: outcome.warnings.clone(),
            warning_groups: group_findings(&outcome.warnings),
            report: named,
            kept_as: outcome.kept_as.clone(),
            conflicts: outcome
                .conflicts
                .iter()
                .map(|checked| StaleChanges {
                    scenario: checked.scenario.clone(),
                    changes: checked
                        .conflicts
                        .iter()
                        .map(|c| StaleChange {
                            position: c.position,
                            change: c.change.clone(),
                            reason: c.reason.to_string(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

impl ImportRequest {
    /// Imports the file as the baseline of `session`'s workspace (nothing
    /// is written if it has errors), then reopens `session` on the new
    /// baseline, whatever scenario it showed before.
    pub fn import_into(
        &self,
        session: &mut Session,
        progress: ProgressSink<'_>,
    ) -> Result<ImportSummary> {
        let (file, options) = self.to_options()?;
        let workspace = session.path().to_path_buf();
        let outcome = import_into(&file, &workspace, &options, progress)?;
        *session = Session::open(&workspace)?;
        let named = outcome.report.as_ref().map(|report| {
            NamedReport::after_import(
                report,
                session.org(),
                &workspace,
                outcome.kept_as.as_deref(),
            )
        });
        Ok(ImportSummary::of(&outcome, named))
    }
}
