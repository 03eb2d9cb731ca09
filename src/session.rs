//! An open workspace with its org and live metrics: what the desktop app
//! and the CLI's editing commands work through. Every edit is validated in
//! memory, persisted in one transaction (with a metrics snapshot), and only
//! then reported as done.

use crate::error::Result;
use crate::generate;
use crate::metrics::{Metrics, MetricsEngine, View};
use crate::model::{Finding, Ladder, Org, PersonId, Policy};
use crate::store::Workspace;
use std::path::{Path, PathBuf};

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

#[derive(Debug)]
pub struct Session {
    workspace: Workspace,
    org: Org,
    engine: MetricsEngine,
    metrics: Metrics,
    warnings: Vec<Finding>,
}

impl Session {
    pub fn open(path: &Path) -> Result<Session> {
        Session::load(Workspace::open(path)?)
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
            workspace.record_snapshot("seed demo org", &metrics)?;
        }
        Session::load(workspace)
    }

    fn load(workspace: Workspace) -> Result<Session> {
        let (org, warnings) = workspace.load_org()?;
        let engine = MetricsEngine::new(&org, View::Current);
        let mut metrics = engine.metrics(&org);
        metrics.warnings.clone_from(&warnings);
        Ok(Session {
            workspace,
            org,
            engine,
            metrics,
            warnings,
        })
    }

    pub fn path(&self) -> &Path {
        self.workspace.path()
    }

    pub fn org(&self) -> &Org {
        &self.org
    }

    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// Moves `person` under `new_manager` (or makes them a root). Refused
    /// moves (unknown people, cycles) change nothing; if persisting fails
    /// the in-memory org is rolled back too.
    pub fn move_person(&mut self, person: &PersonId, new_manager: Option<&PersonId>) -> Result<()> {
        let previous = self.org.move_person(person, new_manager)?;
        let person_at = self.org.position_of(person);
        let new_at = new_manager.and_then(|m| self.org.position_of(m));
        let old_at = previous.as_ref().and_then(|m| self.org.position_of(m));
        if let Some(at) = person_at {
            self.engine.apply_move(at, new_at);
        }
        let mut metrics = self.engine.metrics(&self.org);
        metrics.warnings.clone_from(&self.warnings);
        if let Err(err) = self.workspace.save_move(person, new_manager, &metrics) {
            // Undo in memory: moving back cannot create a cycle.
            let _ = self.org.move_person(person, previous.as_ref());
            if let Some(at) = person_at {
                self.engine.apply_move(at, old_at);
            }
            return Err(err);
        }
        self.metrics = metrics;
        Ok(())
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
        let snapshots = session.workspace().snapshots().expect("listed");
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
        assert_eq!(session.workspace().snapshots().expect("listed").len(), 1);
    }
}
