//! What the workspace notes about its scenarios and baseline beyond their
//! contents: each scenario's count of changes that no longer apply (so the
//! scenario list can flag every affected one without checking each), and
//! whether the baseline is still the generated demo org.
//!
//! Both are kept true by the schema as much as by the code: writing a new
//! baseline image makes every count unknown and ends the demo (a trigger of
//! migration 0004), and the writes of `scenarios.rs` that may change a
//! scenario's conflicts make its count unknown.

use super::{put_setting, BaselineRest, Workspace};
use crate::error::{OrgError, Result};
use rusqlite::{params, Connection, OptionalExtension};

/// The setting that marks a baseline as the generated demo org.
const ORIGIN_KEY: &str = "baseline-origin";
const DEMO: &str = "demo";

impl Workspace {
    /// Stores how many of scenario `id`'s applied changes no longer apply
    /// to the baseline as it stands, unless that is what is stored already
    /// (so showing a scenario writes nothing in the common case). Not a
    /// change to the scenario: its revision stays as it is, so no other
    /// process's edit is refused because of it.
    pub fn note_conflicts(&mut self, scenario_id: i64, count: u32) -> Result<()> {
        let stored: Option<Option<u32>> = self
            .conn
            .query_row(
                "SELECT conflicts FROM scenarios WHERE id = ?1",
                [scenario_id],
                |row| row.get(0),
            )
            .optional()
            .map_err(self.map())?;
        if stored.is_none() || stored == Some(Some(count)) {
            return Ok(());
        }
        self.write(|tx| {
            tx.execute(
                "UPDATE scenarios SET conflicts = ?2 WHERE id = ?1",
                params![scenario_id, count],
            )?;
            Ok(())
        })
    }

    /// Stores each scenario's conflict count, by id, in one transaction:
    /// what an import found checking every scenario.
    pub fn note_all_conflicts(&mut self, counts: &[(i64, u32)]) -> Result<()> {
        self.write(|tx| {
            let mut update = tx.prepare("UPDATE scenarios SET conflicts = ?2 WHERE id = ?1")?;
            for (id, count) in counts {
                update.execute(params![id, count])?;
            }
            Ok(())
        })
    }

    /// Marks the baseline as the generated demo org, until it is replaced.
    pub fn mark_demo(&mut self) -> Result<()> {
        self.write(|tx| Ok(put_setting(tx, ORIGIN_KEY, DEMO)?))
    }

    /// Whether an import would replace the demo org rather than re-import:
    /// the baseline is the generated demo, never replaced, and no change
    /// is stored in any scenario (applied or undone), so nothing the user
    /// did refers to its people. Settings and budgets do not count: an
    /// import keeps them either way.
    pub fn holds_untouched_demo(&self) -> Result<bool> {
        untouched_demo(&self.conn).map_err(self.map())
    }
}

fn untouched_demo(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM settings WHERE key = ?1 AND value = ?2)
            AND NOT EXISTS (SELECT 1 FROM changes)",
        params![ORIGIN_KEY, DEMO],
        |row| row.get(0),
    )
}

impl BaselineRest<'_> {
    /// Refuses to go on replacing what was read as the untouched demo org
    /// if a change was stored meanwhile (by another process): the import
    /// would otherwise drop the comparison that change needs. Called after
    /// the new image is written, which has already ended the demo mark.
    pub fn refuse_changes_since_demo(&self) -> Result<()> {
        let changed: bool =
            self.tx
                .query_row("SELECT EXISTS (SELECT 1 FROM changes)", [], |row| {
                    row.get(0)
                })?;
        if changed {
            return Err(OrgError::Conflict(super::BASELINE.to_string()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ladder, Org, Policy};
    use crate::scenario::Change;
    use crate::store::BASELINE;

    fn workspace_with_org(dir: &std::path::Path) -> (Workspace, Org) {
        let records = crate::generate::generate(40, 3);
        let (org, warnings) =
            Org::from_records(records, "t", Ladder::default(), Policy::default()).expect("valid");
        let mut workspace = Workspace::create(&dir.join("a.orgraph")).expect("created");
        workspace.save_org(&org, &warnings).expect("saved");
        (workspace, org)
    }

    fn counts(workspace: &Workspace) -> Vec<(String, Option<u32>)> {
        let listed = workspace.scenarios().expect("listed");
        listed.into_iter().map(|s| (s.name, s.conflicts)).collect()
    }

    fn a_move(org: &Org) -> Change {
        let people: Vec<_> = org.people().collect();
        Change::Move {
            person: people[5].id.clone(),
            manager: Some(people[0].id.clone()),
        }
    }

    #[test]
    fn a_count_is_copied_with_the_changes_and_unknown_once_the_baseline_changes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut workspace, org) = workspace_with_org(dir.path());
        assert_eq!(counts(&workspace), vec![(BASELINE.into(), None)]);
        let base = workspace.scenario(BASELINE).expect("baseline");
        workspace.note_conflicts(base.id, 2).expect("noted");
        workspace
            .create_scenario("branch", BASELINE)
            .expect("created");
        workspace
            .duplicate_scenario("branch", "copy")
            .expect("copied");
        workspace.create_scenario("other", "copy").expect("created");
        let all = |n| {
            vec![
                (BASELINE.into(), n),
                ("branch".into(), n),
                ("copy".into(), n),
                ("other".into(), n),
            ]
        };
        assert_eq!(counts(&workspace), all(Some(2)));

        // Appending a change that applies leaves the count as it was.
        let branch = workspace.scenario("branch").expect("branch");
        workspace
            .append_change(&branch, &a_move(&org), None, None)
            .expect("appended");
        assert_eq!(
            workspace.scenario("branch").expect("branch").conflicts,
            Some(2)
        );

        workspace.save_org(&org, &[]).expect("saved again");
        assert_eq!(counts(&workspace), all(None));
    }

    #[test]
    fn undoing_or_mending_a_change_makes_a_count_above_zero_unknown() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut workspace, org) = workspace_with_org(dir.path());
        let id = workspace.scenario(BASELINE).expect("baseline").id;
        let info = |ws: &Workspace| ws.scenario(BASELINE).expect("baseline");
        workspace
            .append_change(&info(&workspace), &a_move(&org), None, None)
            .expect("appended");
        workspace
            .append_change(&info(&workspace), &a_move(&org), None, None)
            .expect("appended");

        workspace.note_conflicts(id, 0).expect("noted");
        workspace
            .set_head(&info(&workspace), 1, None)
            .expect("undone");
        assert_eq!(info(&workspace).conflicts, Some(0), "no conflict to undo");
        workspace
            .set_head(&info(&workspace), 2, None)
            .expect("redone");
        workspace.note_conflicts(id, 1).expect("noted");
        assert_eq!(info(&workspace).conflicts, Some(1));
        workspace
            .set_head(&info(&workspace), 2, None)
            .expect("stays");
        assert_eq!(info(&workspace).conflicts, Some(1), "nothing undone");
        workspace
            .set_head(&info(&workspace), 1, None)
            .expect("undone");
        assert_eq!(info(&workspace).conflicts, None);

        workspace.note_conflicts(id, 1).expect("noted");
        workspace
            .replace_change(&info(&workspace), 1, &a_move(&org))
            .expect("replaced");
        assert_eq!(info(&workspace).conflicts, None);
        workspace.note_conflicts(id, 1).expect("noted");
        workspace
            .drop_change(&info(&workspace), 2)
            .expect("dropped");
        assert_eq!(info(&workspace).conflicts, None);
    }

    #[test]
    fn noting_a_count_is_no_edit_of_the_scenario() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut workspace, _) = workspace_with_org(dir.path());
        let before = workspace.scenario(BASELINE).expect("baseline");
        workspace.note_conflicts(before.id, 3).expect("noted");
        let after = workspace.scenario(BASELINE).expect("baseline");
        assert_eq!(
            (after.conflicts, after.revision),
            (Some(3), before.revision)
        );
        workspace
            .note_all_conflicts(&[(before.id, 0)])
            .expect("noted");
        assert_eq!(
            workspace.scenario(BASELINE).expect("baseline").conflicts,
            Some(0)
        );
    }

    /// Takes a workspace back to schema 3, as an older Orgraph left it:
    /// no counts, no demo mark, no trigger.
    fn as_schema_3(path: &std::path::Path) {
        let workspace = Workspace::open(path).expect("opens");
        workspace
            .conn
            .execute_batch(
                "DROP TABLE absent_managers;
                 DROP TRIGGER baseline_replaced;
                 DELETE FROM settings WHERE key = 'baseline-origin';
                 ALTER TABLE scenarios DROP COLUMN conflicts;
                 PRAGMA user_version = 3;",
            )
            .expect("downgraded");
    }

    /// Demo workspaces made before the mark existed are recognised when
    /// upgraded: a demo seed in the history and no import since.
    #[test]
    fn an_older_demo_workspace_is_recognised_on_upgrade() {
        let dir = tempfile::tempdir().expect("temp dir");
        let demo = dir.path().join("demo.orgraph");
        drop(crate::Session::open_or_seed(&demo).expect("seeded"));
        as_schema_3(&demo);
        let upgraded = Workspace::open(&demo).expect("opens and upgrades");
        assert!(upgraded.holds_untouched_demo().expect("read"));
        assert_eq!(
            upgraded.scenario(BASELINE).expect("baseline").conflicts,
            None
        );

        let imported = dir.path().join("imported.orgraph");
        let csv = dir.path().join("org.csv");
        std::fs::write(&csv, "id,name,manager_id\na,A,\nb,B,a\n").expect("written");
        drop(crate::Session::open_or_seed(&imported).expect("seeded"));
        crate::import::import_into(&csv, &imported, &Default::default(), &|_| {}).expect("imports");
        as_schema_3(&imported);
        let upgraded = Workspace::open(&imported).expect("opens and upgrades");
        assert!(!upgraded.holds_untouched_demo().expect("read"));
    }

    #[test]
    fn the_demo_mark_lasts_until_a_change_or_a_new_baseline() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut workspace, org) = workspace_with_org(dir.path());
        assert!(!workspace.holds_untouched_demo().expect("read"));
        workspace.mark_demo().expect("marked");
        assert!(workspace.holds_untouched_demo().expect("read"));

        // An empty scenario refers to nobody: still the untouched demo.
        workspace
            .create_scenario("plan", BASELINE)
            .expect("created");
        assert!(workspace.holds_untouched_demo().expect("read"));
        let plan = workspace.scenario("plan").expect("plan");
        workspace
            .append_change(&plan, &a_move(&org), None, None)
            .expect("appended");
        assert!(!workspace.holds_untouched_demo().expect("read"));
        workspace.delete_scenario("plan").expect("deleted");
        assert!(
            workspace.holds_untouched_demo().expect("read"),
            "nothing refers to the demo"
        );

        workspace.save_org(&org, &[]).expect("saved");
        assert!(!workspace.holds_untouched_demo().expect("read"));
    }
}
