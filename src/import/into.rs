//! Storing an import in a workspace. A first import sets the baseline; a
//! re-import matches people by id, reports what changed and keeps the old
//! baseline as the scenario "before import DATE", whose changes take the
//! new baseline back to the old one, so the two compare like scenarios.

use super::{load_with_progress, ImportOptions, ProgressSink};
use crate::error::Result;
use crate::metrics::{summarise, View};
use crate::model::{Finding, Ladder, Org, Policy};
use crate::scenario::{compare_imports, ImportReport};
use crate::store::{EncodedOrg, Snapshot, Workspace, BASELINE};
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
    let (report, back) = match previous.as_ref().filter(|p| !p.is_empty()) {
        None => (None, Vec::new()),
        Some(previous) => {
            let (report, back) = compare_imports(previous, &org);
            (Some(report), back)
        }
    };
    let name = format!("before import {today}");
    // The snapshot keeps aggregates only, so the per-manager and per-team
    // lists of a full report are not built; the summary is computed while
    // the image is encoded, the two largest parts of storing a big org.
    let (metrics, image) = std::thread::scope(|scope| {
        let summary = scope.spawn(|| summarise(&org, View::Current));
        let image = EncodedOrg::of(&org);
        let summary = summary
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (summary, image)
    });
    let image = image?;
    let reason = format!("import {}", file.display());
    let snapshot = Snapshot {
        scenario_id: workspace.scenario(BASELINE)?.id,
        as_of: today,
        reason: &reason,
        metrics: &metrics,
    };
    let before = (!back.is_empty()).then_some((name.as_str(), back.as_slice()));
    let kept_as = workspace.replace_baseline(&org, &image, &warnings, before, &snapshot)?;
    let outcome = ImportOutcome {
        people: org.len(),
        teams: org.teams().len(),
        warnings,
        report,
        kept_as,
    };
    free_in_background((org, previous));
    Ok(outcome)
}

/// Frees `orgs` on a thread of its own: a million people take tens of
/// milliseconds to free, which the caller need not wait for. A process
/// that exits first leaves the memory to the OS. Should no thread start,
/// they are freed here.
fn free_in_background<T: Send + 'static>(orgs: T) {
    let _ = std::thread::Builder::new()
        .name("free-org".into())
        .spawn(move || drop(orgs));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::compute;

    /// The import's snapshot is taken from the summary, not the full
    /// report: every stored figure must still be the full report's.
    #[test]
    fn an_imports_snapshot_stores_the_full_reports_aggregates() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("org.csv");
        let mut csv = Vec::new();
        crate::generate::write_csv(&crate::generate::generate(2_000, 9), &mut csv)
            .expect("written");
        std::fs::write(&file, csv).expect("written");

        let path = dir.path().join("a.orgraph");
        import_into(&file, &path, &ImportOptions::default(), &|_| {}).expect("imports");
        let imported = Workspace::open(&path).expect("opens");
        let stored = imported.snapshots(None).expect("listed");
        assert_eq!(stored.len(), 1);

        let (org, _) = imported.load_org().expect("loads");
        let full = compute(&org, View::Current);
        let mut reference = Workspace::create(&dir.path().join("b.orgraph")).expect("created");
        reference
            .record_snapshot(&Snapshot {
                scenario_id: reference.scenario(BASELINE).expect("baseline").id,
                as_of: stored[0].as_of.expect("dated"),
                reason: &stored[0].reason,
                metrics: &full,
            })
            .expect("recorded");
        let expected = reference.snapshots(None).expect("listed");

        let json = |ws: &Workspace, id| ws.snapshot_json(id).expect("read").expect("stored");
        assert_eq!(
            json(&imported, stored[0].id),
            json(&reference, expected[0].id)
        );
        let figures = |row: &crate::store::SnapshotRow| {
            (
                row.people,
                row.managers,
                row.layers,
                row.span_median,
                row.band_narrow,
            )
        };
        assert_eq!(figures(&stored[0]), figures(&expected[0]));
        assert!(stored[0].people > 1_000 && stored[0].coverage_ratio.is_some());
    }
}
