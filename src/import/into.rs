//! Storing an import in a workspace. A first import sets the baseline; a
//! re-import matches people by id, reports what changed and keeps the old
//! baseline as the scenario "before import DATE", whose changes take the
//! new baseline back to the old one, so the two compare like scenarios.
//! An import into a workspace still holding the untouched generated demo
//! org replaces it as a first import does: the demo's people are nobody's
//! joiners or leavers.

use super::{load_with_progress, ImportOptions, Progress, ProgressSink, Stage};
use crate::error::{OrgError, Result};
use crate::metrics::{summarise, View};
use crate::model::{Finding, Ladder, Org, Policy};
use crate::scenario::{compare_imports, ImportReport, ScenarioConflicts};
use crate::store::{BaselineMark, EncodedOrg, Snapshot, StoredChanges, Workspace, BASELINE};
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
    /// Each scenario with changes that no longer apply to the new
    /// baseline, and those changes (kept in its list, not applied).
    pub conflicts: Vec<ScenarioConflicts>,
    /// Whether the import replaced the generated demo org the workspace
    /// was made with (so it has no report and kept no scenario).
    pub replaced_demo: bool,
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
    // Validate fully before touching the workspace. Its baseline, which a
    // re-import compares with, is read meanwhile on a second thread, with
    // a connection that cannot write.
    let (loaded, read_ahead) = std::thread::scope(|scope| {
        let previous = scope.spawn(|| Workspace::read_baseline(into));
        let loaded = load_with_progress(
            file,
            options,
            Ladder::default(),
            Policy::default(),
            progress,
        );
        let previous = previous
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (loaded, previous)
    });
    let (org, warnings) = loaded?;
    let read_ahead = read_ahead?;
    let (mut workspace, _) = Workspace::open_or_create(into)?;
    let previous = match read_ahead {
        Some((org, mark)) => (Some(org), mark),
        // Not readable before the workspace was opened (an older schema,
        // now upgraded, say): read it now.
        None => read_previous(&workspace)?,
    };
    store_until_current(&mut workspace, file, org, warnings, previous, progress)
}

/// Stores an already validated `org` read from `file`.
pub fn store(
    workspace: &mut Workspace,
    file: &Path,
    org: Org,
    warnings: Vec<Finding>,
) -> Result<ImportOutcome> {
    let previous = read_previous(workspace)?;
    store_until_current(workspace, file, org, warnings, previous, &|_| {})
}

/// The baseline an import replaces, and the mark it was read at. The org
/// is `None` when there is none to read. A damaged baseline refuses the
/// import: replacing it would lose what is left of it without a word.
type Previous = (Option<Org>, BaselineMark);

fn read_previous(workspace: &Workspace) -> Result<Previous> {
    match workspace.marked_baseline() {
        Ok((org, mark)) => Ok((Some(org), mark)),
        Err(err @ OrgError::Corrupt { .. }) => Err(err),
        Err(_) => Ok((None, workspace.baseline_mark()?)),
    }
}

/// How many times an import may find the baseline replaced under it (by
/// another process) before it gives up.
const ATTEMPTS: usize = 3;

/// [`store_over`] until it stores over the baseline the workspace still
/// holds, reading it again each time another process got there first.
fn store_until_current(
    workspace: &mut Workspace,
    file: &Path,
    mut org: Org,
    warnings: Vec<Finding>,
    mut previous: Previous,
    progress: ProgressSink<'_>,
) -> Result<ImportOutcome> {
    for _ in 0..ATTEMPTS {
        let demo = workspace.holds_untouched_demo()?;
        let over = Over {
            previous: &previous,
            demo,
        };
        if let Some(mut outcome) = store_over(workspace, file, &mut org, &warnings, over, progress)?
        {
            let checked = affected_scenarios(workspace, &mut org, outcome.kept_as.as_deref());
            free_in_background((org, previous.0));
            outcome.conflicts = checked?;
            return Ok(outcome);
        }
        previous = read_previous(workspace)?;
    }
    Err(OrgError::Conflict(BASELINE.to_string()))
}

/// Checks every scenario against the new baseline `org` (left as it
/// was): those with changes that no longer apply, with the changes. The
/// baseline's own edits are checked too: they stay on top of the new
/// import. The scenario the import just kept is made from this baseline,
/// so is not checked (it was stored with no conflicts). Every count is
/// noted in the workspace, for the scenario list.
fn affected_scenarios(
    workspace: &mut Workspace,
    org: &mut Org,
    kept_as: Option<&str>,
) -> Result<Vec<ScenarioConflicts>> {
    let mut affected = Vec::new();
    let mut counts = Vec::new();
    for info in workspace.scenarios()? {
        if kept_as == Some(info.name.as_str()) {
            continue;
        }
        let mut entries = workspace.change_entries(info.id)?;
        entries.truncate(info.head as usize);
        let checked = crate::scenario::check(org, &info.name, &entries)?;
        counts.push((info.id, checked.conflicts.len() as u32));
        if !checked.conflicts.is_empty() {
            affected.push(checked);
        }
    }
    workspace.note_all_conflicts(&counts)?;
    Ok(affected)
}

/// What an import stores over: the baseline read before, and whether the
/// workspace held the untouched demo org (then replaced, not compared
/// with).
#[derive(Clone, Copy)]
struct Over<'p> {
    previous: &'p Previous,
    demo: bool,
}

/// Stores `org` over `previous`, the workspace's baseline as read
/// already. `None`, with nothing written, if the workspace holds another
/// baseline by now. Each step done is reported to `progress` as
/// [`Stage::Storing`]: at a million people storing takes a few hundred
/// milliseconds, too long to show nothing.
fn store_over(
    workspace: &mut Workspace,
    file: &Path,
    org: &mut Org,
    warnings: &[Finding],
    over: Over<'_>,
    progress: ProgressSink<'_>,
) -> Result<Option<ImportOutcome>> {
    let (previous, read) = over.previous;
    if let Some(previous) = &previous {
        // Settings belong to the workspace, not to the HRIS export.
        org.policy = previous.policy;
        org.ladder = previous.ladder.clone();
    }
    let today = crate::date::today();
    let scenario_id = workspace.scenario(BASELINE)?.id;
    let old = previous.as_ref().filter(|p| !p.is_empty() && !over.demo);
    let new = &*org;
    // Encoding, writing the image, keeping the changes (a re-import
    // only) and committing.
    let total = if old.is_some() { 4 } else { 3 };
    let stored = |done| {
        progress(Progress {
            stage: Stage::Storing,
            done,
            total,
        })
    };
    stored(0);
    // The snapshot keeps aggregates only, so the per-manager and per-team
    // lists of a full report are not built. The summary and what changed
    // since the previous baseline are worked out on a second thread while
    // the image is encoded and written, the largest parts of storing a big
    // org.
    let stored_over = std::thread::scope(|scope| {
        let (compared_tx, compared_rx) = std::sync::mpsc::channel();
        let side = scope.spawn(move || {
            // The comparison first: storing its changes is the writer's
            // next step, and it can take them while the summary is made.
            let compared = old.map(|old| {
                let (report, back) = compare_imports(old, new);
                let back = (!back.is_empty()).then(|| StoredChanges::of(&back));
                (report, back)
            });
            let _ = compared_tx.send(compared);
            summarise(new, View::Current)
        });
        let join_side = || {
            side.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        };
        let image = EncodedOrg::of(new)?;
        stored(1);
        workspace.replace_baseline(read, new, &image, warnings, |rest| {
            if over.demo {
                rest.refuse_changes_since_demo()?;
            }
            stored(2);
            // Nothing comes if the side thread panicked; joining it below
            // raises that panic here, and the transaction is rolled back.
            let kept = compared_rx.recv().ok().flatten();
            let (report, kept_as) = match kept {
                None => (None, None),
                Some((report, back)) => {
                    let kept_as = back
                        .transpose()?
                        .map(|back| rest.keep_scenario(&format!("before import {today}"), &back))
                        .transpose()?;
                    stored(3);
                    (Some(report), kept_as)
                }
            };
            let metrics = join_side();
            let reason = format!("import {}", file.display());
            rest.record_snapshot(&Snapshot {
                scenario_id,
                as_of: today,
                reason: &reason,
                metrics: &metrics,
            })?;
            Ok((report, kept_as))
        })
    })?;
    let Some((report, kept_as)) = stored_over else {
        return Ok(None);
    };
    stored(total);
    Ok(Some(ImportOutcome {
        people: org.len(),
        teams: org.teams().len(),
        warnings: warnings.to_vec(),
        report,
        kept_as,
        conflicts: Vec::new(),
        replaced_demo: over.demo,
    }))
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

    fn write_generated(path: &Path, people: usize, seed: u64) {
        let mut csv = Vec::new();
        crate::generate::write_csv(&crate::generate::generate(people, seed), &mut csv)
            .expect("written");
        std::fs::write(path, csv).expect("written");
    }

    /// Every file in `dir` with its bytes.
    fn files_in(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("listed")
            .map(|entry| {
                let path = entry.expect("entry").path();
                let bytes = std::fs::read(&path).expect("read");
                (path, bytes)
            })
            .collect();
        files.sort();
        files
    }

    /// A re-import reads the baseline while it checks the file: a file
    /// with errors must still leave the workspace, and its folder, exactly
    /// as they were.
    #[test]
    fn a_rejected_re_import_changes_no_byte_of_the_workspace() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (good, bad) = (dir.path().join("org.csv"), dir.path().join("bad.csv"));
        write_generated(&good, 500, 3);
        std::fs::write(&bad, "id,manager_id\nx,y\ny,x\n").expect("written");
        let ws_dir = dir.path().join("ws");
        let path = ws_dir.join("a.orgraph");
        import_into(&good, &path, &ImportOptions::default(), &|_| {}).expect("imports");
        let before = files_in(&ws_dir);

        let refused = import_into(&bad, &path, &ImportOptions::default(), &|_| {});
        assert!(refused.is_err(), "a manager cycle is an error");
        let after = files_in(&ws_dir);
        let names = |files: &[(std::path::PathBuf, Vec<u8>)]| -> Vec<(std::path::PathBuf, usize)> {
            files
                .iter()
                .map(|(path, bytes)| (path.clone(), bytes.len()))
                .collect()
        };
        assert_eq!(names(&after), names(&before));
        assert!(after == before, "the same bytes");
    }

    #[test]
    fn reading_a_baseline_where_there_is_none_creates_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("none.orgraph");
        assert!(matches!(Workspace::read_baseline(&missing), Ok(None)));
        assert!(!missing.exists());
        let other = dir.path().join("other.orgraph");
        std::fs::write(&other, "id,manager_id\n").expect("written");
        assert!(matches!(Workspace::read_baseline(&other), Ok(None)));
        assert_eq!(std::fs::read(&other).expect("read"), b"id,manager_id\n");
    }

    /// The stages an import reported, in order, each once, with the
    /// storing steps it reported.
    fn stages_and_steps(seen: &[Progress]) -> (Vec<Stage>, Vec<(u64, u64)>) {
        let mut stages: Vec<Stage> = seen.iter().map(|p| p.stage).collect();
        stages.dedup();
        let steps = seen
            .iter()
            .filter(|p| p.stage == Stage::Storing)
            .map(|p| (p.done, p.total))
            .collect();
        (stages, steps)
    }

    /// Storing a big org takes a while after the file is checked: the
    /// user sees each of its steps, and the last says it is done.
    #[test]
    fn storing_reports_each_step_after_the_check() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (first, second) = (dir.path().join("one.csv"), dir.path().join("two.csv"));
        write_generated(&first, 300, 1);
        write_generated(&second, 300, 2);
        let path = dir.path().join("a.orgraph");
        let import = |file: &Path| {
            let seen = std::sync::Mutex::new(Vec::new());
            let record = |p: Progress| seen.lock().expect("not poisoned").push(p);
            import_into(file, &path, &ImportOptions::default(), &record).expect("imports");
            stages_and_steps(&seen.into_inner().expect("not poisoned"))
        };
        let stages = vec![Stage::Reading, Stage::Validating, Stage::Storing];
        // A first import has no changes to keep.
        assert_eq!(
            import(&first),
            (stages.clone(), vec![(0, 3), (1, 3), (2, 3), (3, 3)])
        );
        // A re-import also keeps what changed, even when nothing did.
        let re_import = (stages, (0..=4).map(|done| (done, 4)).collect());
        assert_eq!(import(&second), re_import);
        assert_eq!(import(&second), re_import);
    }

    /// The baseline read ahead is the one the workspace holds, and a
    /// re-import compares with it.
    #[test]
    fn a_re_import_compares_with_the_baseline_it_replaces() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (first, second) = (dir.path().join("one.csv"), dir.path().join("two.csv"));
        write_generated(&first, 400, 1);
        write_generated(&second, 400, 2);
        let path = dir.path().join("a.orgraph");
        import_into(&first, &path, &ImportOptions::default(), &|_| {}).expect("imports");
        let stored = Workspace::open(&path)
            .expect("opens")
            .load_org()
            .expect("loads")
            .0;
        let (read, mark) = Workspace::read_baseline(&path)
            .expect("readable")
            .expect("read ahead");
        assert_eq!(
            mark,
            Workspace::open(&path)
                .expect("opens")
                .baseline_mark()
                .expect("read")
        );
        assert_eq!(read.len(), stored.len());
        assert_eq!(
            crate::scenario::changes_between(&read, &stored),
            Vec::new(),
            "the same org"
        );

        let outcome =
            import_into(&second, &path, &ImportOptions::default(), &|_| {}).expect("imports");
        let next = Workspace::open(&path)
            .expect("opens")
            .load_org()
            .expect("loads")
            .0;
        let (expected, _) = compare_imports(&stored, &next);
        assert_eq!(outcome.report, Some(expected));
        let kept = outcome.kept_as.expect("the previous baseline is kept");
        assert!(kept.starts_with("before import "));
        // Every kept change says when it was made: the day of the import.
        let workspace = Workspace::open(&path).expect("opens");
        let entries = workspace
            .change_entries(workspace.scenario(&kept).expect("kept").id)
            .expect("read");
        let day = crate::date::today().to_string();
        assert!(!entries.is_empty());
        assert!(
            entries
                .iter()
                .all(|e| e.made_at.starts_with(&day) && e.made_at.ends_with('Z')),
            "{:?}",
            entries.first()
        );
    }

    /// Another process may store a baseline between an import reading
    /// the previous one and storing its own: the import must then compare
    /// with, and keep, the one it actually replaces.
    #[test]
    fn a_baseline_stored_meanwhile_is_the_one_compared_with_and_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let csv = |name: &str, seed: u64| {
            let path = dir.path().join(name);
            write_generated(&path, 300, seed);
            path
        };
        let (first, third) = (csv("one.csv", 1), csv("three.csv", 3));
        let path = dir.path().join("a.orgraph");
        import_into(&first, &path, &ImportOptions::default(), &|_| {}).expect("imports");
        let stale = Workspace::read_baseline(&path)
            .expect("readable")
            .expect("read ahead");

        // Meanwhile, another process stores a baseline with someone gone.
        let mut meanwhile = stale.0.clone();
        let leaver = meanwhile.people().last().expect("people").id.clone();
        meanwhile.remove_person(&leaver).expect("exists");
        Workspace::open(&path)
            .expect("opens")
            .save_org(&meanwhile, &[])
            .expect("saved");

        let (org, warnings) = crate::import::load(
            &third,
            &ImportOptions::default(),
            Ladder::default(),
            Policy::default(),
        )
        .expect("loads");
        let mut workspace = Workspace::open(&path).expect("opens");
        let outcome = store_until_current(
            &mut workspace,
            &third,
            org,
            warnings,
            (Some(stale.0), stale.1),
            &|_| {},
        )
        .expect("stored");
        let (stored, _) = workspace.load_org().expect("loads");
        assert_eq!(outcome.report, Some(compare_imports(&meanwhile, &stored).0));

        // Showing the kept scenario gives back the baseline stored meanwhile.
        let kept = workspace
            .scenario(&outcome.kept_as.expect("kept"))
            .expect("kept");
        let mut shown = stored;
        for entry in workspace.change_entries(kept.id).expect("read") {
            crate::scenario::apply(&mut shown, &entry.change).expect("applies");
        }
        assert_eq!(
            crate::scenario::changes_between(&shown, &meanwhile),
            Vec::new()
        );
        assert!(shown.person(&leaver).is_none());
    }

    /// A workspace made with the demo org and left as it was: the first
    /// import replaces the demo (no joiners, leavers or kept scenario),
    /// and the next is a re-import as usual.
    #[test]
    fn the_first_import_replaces_an_untouched_demo_org() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (first, second) = (dir.path().join("one.csv"), dir.path().join("two.csv"));
        write_generated(&first, 120, 1);
        write_generated(&second, 120, 2);
        let path = dir.path().join("a.orgraph");
        let mut seeded = crate::Session::open_or_seed(&path).expect("seeded");
        // An empty scenario refers to none of the demo's people.
        seeded.create_scenario("plan", BASELINE).expect("created");
        drop(seeded);

        let outcome =
            import_into(&first, &path, &ImportOptions::default(), &|_| {}).expect("imports");
        assert!(outcome.replaced_demo);
        assert_eq!((outcome.report, outcome.kept_as), (None, None));
        assert_eq!(outcome.people, 120);
        let names: Vec<String> = Workspace::open(&path)
            .expect("opens")
            .scenarios()
            .expect("listed")
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, vec![BASELINE.to_string(), "plan".to_string()]);

        let again =
            import_into(&second, &path, &ImportOptions::default(), &|_| {}).expect("imports");
        assert!(!again.replaced_demo);
        assert!(again.report.is_some() && again.kept_as.is_some());
    }

    /// Once the user changed something of the demo org, an import is a
    /// re-import: their change refers to demo people, and is checked.
    #[test]
    fn an_edited_demo_org_is_re_imported_over() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("one.csv");
        write_generated(&file, 120, 1);
        let path = dir.path().join("a.orgraph");
        let mut seeded = crate::Session::open_or_seed(&path).expect("seeded");
        let someone = seeded.org().people().nth(9).expect("people").id.clone();
        let rename = crate::scenario::Change::EditPerson {
            person: someone,
            edit: crate::scenario::PersonEdit::Name("Renamed".into()),
            was: None,
        };
        seeded.apply(rename, None).expect("renamed");
        // Undone, it still waits to be redone: still a change.
        seeded.undo().expect("undone");
        drop(seeded);

        let outcome =
            import_into(&file, &path, &ImportOptions::default(), &|_| {}).expect("imports");
        assert!(!outcome.replaced_demo);
        assert!(outcome.report.is_some() && outcome.kept_as.is_some());
    }

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
