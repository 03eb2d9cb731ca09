//! The session's side of conflicts: the changes of the scenario on show
//! that no longer apply, checking any scenario on demand (`scenario
//! rebase`), and mending a conflict by dropping the change or by
//! re-targeting a move to another manager.

use super::Session;
use crate::error::{OrgError, Result};
use crate::model::PersonId;
use crate::scenario::{self, Change, Conflict, ScenarioConflicts};

impl Session {
    /// The applied changes of the scenario on show that do not apply to
    /// the baseline as it stands, in order.
    pub fn conflicts(&self) -> Vec<Conflict> {
        scenario::conflicts_in(&self.skipped, &self.entries)
    }

    /// Checks scenario `name`'s applied changes against the baseline:
    /// each either applies or is reported as a conflict. Nothing is
    /// written, and the scenario on show stays as it is.
    /// Its count of conflicts is noted in the workspace for the scenario
    /// list.
    pub fn check_scenario(&mut self, name: &str) -> Result<ScenarioConflicts> {
        let info = self.workspace.scenario(name)?;
        let mut entries = self.workspace.change_entries(info.id)?;
        entries.truncate(info.head as usize);
        let checked = self.with_baseline(|org, _| scenario::check(org, &info.name, &entries))?;
        let count = checked.conflicts.len() as u32;
        // Noting is best-effort (see `note_conflicts`); the check is the answer.
        let _ = self.workspace.note_conflicts(info.id, count);
        if info.id == self.scenario.id {
            self.scenario.conflicts = Some(count);
        }
        Ok(checked)
    }

    /// Notes in the workspace how many changes of the scenario on show do
    /// not apply, now that the session knows, for the scenario list.
    /// Best-effort: the count is a cache the store only ever holds right or
    /// unknown (a new baseline, an undo or a dropped change makes it
    /// unknown there), so a write that fails (another process holding the
    /// file, say) leaves it unknown rather than wrong, and must not refuse
    /// opening or editing. A view as of a date skips changes not yet in
    /// force, so it says nothing about the scenario's conflicts.
    pub(super) fn note_conflicts(&mut self) {
        if self.as_of.is_some() {
            return;
        }
        let count = self.conflicts().len() as u32;
        if self
            .workspace
            .note_conflicts(self.scenario.id, count)
            .is_ok()
        {
            self.scenario.conflicts = Some(count);
        }
    }

    /// Takes change `position` out of the scenario on show (stored at
    /// once) and shows the scenario without it.
    pub fn drop_change(&mut self, position: u32) -> Result<()> {
        self.refuse_in_time_travel()?;
        self.workspace.drop_change(&self.scenario, position)?;
        let name = self.scenario.name.clone();
        self.switch_to(&name)
    }

    /// Points move `position` of the scenario on show at `manager` (or
    /// makes the person a root) and stores it, once checked to apply
    /// where it stands in the list. A target that would still not apply is
    /// refused with the reason, and nothing changes.
    pub fn retarget_move(&mut self, position: u32, manager: Option<PersonId>) -> Result<()> {
        self.refuse_in_time_travel()?;
        let index = (position as usize)
            .checked_sub(1)
            .filter(|&i| i < self.entries.len())
            .ok_or_else(|| {
                OrgError::InvalidInput(format!(
                    "scenario '{}' has no change {position}",
                    self.scenario.name
                ))
            })?;
        let retargeted = match &self.entries[index].change {
            Change::Move { person, .. } => Change::Move {
                person: person.clone(),
                manager,
            },
            Change::MoveAlone { person, .. } => Change::MoveAlone {
                person: person.clone(),
                manager,
            },
            other => {
                return Err(OrgError::InvalidInput(format!(
                    "change {position} ({other}) is not a move, so has no manager to change"
                )))
            }
        };
        let mut entries = self.entries.clone();
        entries[index].change = retargeted.clone();
        entries.truncate((self.scenario.head as usize).max(index + 1));
        let name = self.scenario.name.clone();
        let checked = self.with_baseline(|org, _| scenario::check(org, &name, &entries))?;
        if let Some(still) = checked.conflicts.iter().find(|c| c.position == position) {
            return Err(OrgError::InvalidInput(format!(
                "{retargeted} would not apply either: {}",
                still.reason
            )));
        }
        self.workspace
            .replace_change(&self.scenario, position, &retargeted)?;
        self.switch_to(&name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import_into, ImportOptions};
    use crate::scenario::ConflictReason;
    use std::path::Path;

    const ORG: &str =
        "id,name,manager_id\nceo,Ceo,\nm1,M1,ceo\nm2,M2,ceo\na,A,m1\nb,B,m1\nc,C,m2\n";

    fn import(csv: &str, dir: &Path, workspace: &Path) -> crate::import::ImportOutcome {
        let file = dir.join("org.csv");
        std::fs::write(&file, csv).expect("written");
        import_into(&file, workspace, &ImportOptions::default(), &|_| {}).expect("imports")
    }

    fn mv(person: &str, manager: &str) -> Change {
        Change::Move {
            person: person.into(),
            manager: Some(manager.into()),
        }
    }

    /// A re-import without `b` keeps all three moves of "reorg": two are
    /// conflicts, reported by the import, the session and a check; one is
    /// dropped and the other re-targeted, both stored.
    #[test]
    fn a_re_import_reports_conflicts_that_can_be_dropped_or_retargeted() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.orgraph");
        import(ORG, dir.path(), &path);
        let mut session = Session::open(&path).expect("opens");
        session
            .create_scenario("reorg", "baseline")
            .expect("created");
        for change in [mv("a", "m2"), mv("c", "b"), mv("b", "m2")] {
            session.apply(change, None).expect("applies");
        }
        drop(session);

        let without_b = ORG.replace("b,B,m1\n", "");
        let outcome = import(&without_b, dir.path(), &path);
        let reported: Vec<(String, Vec<u32>)> = outcome
            .conflicts
            .iter()
            .map(|s| {
                (
                    s.scenario.clone(),
                    s.conflicts.iter().map(|c| c.position).collect(),
                )
            })
            .collect();
        assert_eq!(reported, vec![("reorg".to_string(), vec![2, 3])]);

        let mut session = Session::open_at(&path, "reorg", None).expect("opens");
        assert_eq!(session.changes().len(), 3, "every change is kept");
        assert_eq!(session.conflicts(), outcome.conflicts[0].conflicts);
        assert_eq!(
            session.check_scenario("reorg").expect("checked"),
            outcome.conflicts[0]
        );
        assert_eq!(session.org().manager_of(&"a".into()), Some(&"m2".into()));

        session.drop_change(3).expect("dropped");
        assert_eq!(session.changes().len(), 2);
        assert_eq!(session.scenario().head, 2);
        let refused = session.retarget_move(2, Some("gone".into()));
        assert!(refused.is_err(), "a target that is not there either");
        session
            .retarget_move(2, Some("m1".into()))
            .expect("retargeted");
        assert!(session.conflicts().is_empty());

        let reopened = Session::open_at(&path, "reorg", None).expect("opens");
        assert_eq!(reopened.changes().len(), 2);
        assert_eq!(reopened.changes()[1].change, mv("c", "m1"));
        assert_eq!(reopened.org().manager_of(&"c".into()), Some(&"m1".into()));
        assert!(reopened.conflicts().is_empty());
    }

    /// Edits made on the baseline stay on top of a re-import, so they are
    /// checked like any scenario's.
    #[test]
    fn the_baselines_own_edits_are_checked_after_a_re_import() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.orgraph");
        import(ORG, dir.path(), &path);
        let mut session = Session::open(&path).expect("opens");
        session.apply(mv("b", "m2"), None).expect("applies");
        drop(session);
        let outcome = import(&ORG.replace("b,B,m1\n", ""), dir.path(), &path);
        let names: Vec<&str> = outcome
            .conflicts
            .iter()
            .map(|s| s.scenario.as_str())
            .collect();
        assert_eq!(names, vec!["baseline"]);
        let mut session = Session::open(&path).expect("opens");
        assert_eq!(session.conflicts().len(), 1);
        assert_eq!(
            session
                .check_scenario("baseline")
                .expect("checked")
                .conflicts
                .len(),
            1
        );
    }

    fn noted(path: &Path) -> Vec<(String, Option<u32>)> {
        let workspace = crate::store::Workspace::open(path).expect("opens");
        let listed = workspace.scenarios().expect("listed");
        listed.into_iter().map(|s| (s.name, s.conflicts)).collect()
    }

    /// Each scenario's count is noted for the list: by the import that
    /// checks them all, by showing, mending or undoing in a session, and
    /// by a check on demand once the baseline changed without one.
    #[test]
    fn every_scenarios_conflict_count_is_noted_where_it_becomes_known() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.orgraph");
        import(ORG, dir.path(), &path);
        let mut session = Session::open(&path).expect("opens");
        session.create_scenario("one", "baseline").expect("created");
        session.apply(mv("b", "m2"), None).expect("applies");
        session.create_scenario("two", "baseline").expect("created");
        for change in [mv("a", "m2"), mv("c", "b"), mv("b", "m2")] {
            session.apply(change, None).expect("applies");
        }
        session
            .create_scenario("clean", "baseline")
            .expect("created");
        session.apply(mv("c", "m1"), None).expect("applies");
        drop(session);

        let outcome = import(&ORG.replace("b,B,m1\n", ""), dir.path(), &path);
        let kept = outcome.kept_as.expect("b left");
        let expected = |two| {
            vec![
                ("baseline".to_string(), Some(0)),
                ("one".to_string(), Some(1)),
                ("two".to_string(), two),
                ("clean".to_string(), Some(0)),
                (kept.clone(), Some(0)),
            ]
        };
        assert_eq!(noted(&path), expected(Some(2)));

        let mut session = Session::open_at(&path, "two", None).expect("opens");
        session.drop_change(3).expect("dropped");
        assert_eq!(session.scenario().conflicts, Some(1));
        assert_eq!(noted(&path), expected(Some(1)));
        session.undo().expect("undone");
        assert_eq!(noted(&path), expected(Some(0)), "the conflict is undone");
        session
            .redo()
            .expect_err("a move under someone gone cannot be redone");
        drop(session);

        // A baseline stored without a check: nothing is known, until each
        // scenario is shown or checked.
        let mut workspace = crate::store::Workspace::open(&path).expect("opens");
        let (org, _) = workspace.load_org().expect("loads");
        workspace.save_org(&org, &[]).expect("saved");
        drop(workspace);
        assert!(noted(&path).iter().all(|(_, count)| count.is_none()));
        let mut session = Session::open(&path).expect("opens");
        session.check_scenario("one").expect("checked");
        session.switch_to("clean").expect("shown");
        let known: Vec<_> = noted(&path)
            .into_iter()
            .filter(|(_, c)| c.is_some())
            .collect();
        assert_eq!(
            known,
            vec![
                ("baseline".to_string(), Some(0)),
                ("one".to_string(), Some(1)),
                ("clean".to_string(), Some(0))
            ]
        );
    }

    #[test]
    fn dropping_an_earlier_change_keeps_the_rest_in_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.orgraph");
        import(ORG, dir.path(), &path);
        let mut session = Session::open(&path).expect("opens");
        session.create_scenario("s", "baseline").expect("created");
        for change in [mv("a", "m2"), mv("b", "m2"), mv("c", "m1")] {
            session.apply(change, None).expect("applies");
        }
        session.undo().expect("undone");
        session.drop_change(1).expect("dropped");
        let scenario = session.scenario().clone();
        assert_eq!((scenario.head, scenario.changes), (1, 2));
        let kept: Vec<Change> = session.changes().iter().map(|e| e.change.clone()).collect();
        assert_eq!(kept, vec![mv("b", "m2"), mv("c", "m1")]);
        assert_eq!(session.org().manager_of(&"a".into()), Some(&"m1".into()));
        session
            .redo()
            .expect("the undone change is still there to redo");
        assert_eq!(session.org().manager_of(&"c".into()), Some(&"m1".into()));
        assert!(session.drop_change(9).is_err());
    }

    #[test]
    fn an_edit_made_in_the_app_conflicts_once_the_baseline_changes_the_field() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.orgraph");
        import(ORG, dir.path(), &path);
        let mut session = Session::open(&path).expect("opens");
        session.create_scenario("s", "baseline").expect("created");
        let rename = Change::EditPerson {
            person: "a".into(),
            edit: crate::scenario::PersonEdit::Name("Ada".into()),
            was: None,
        };
        session.apply(rename, None).expect("applies");
        drop(session);
        let outcome = import(&ORG.replace("a,A,m1", "a,Alice,m1"), dir.path(), &path);
        assert_eq!(
            outcome.conflicts[0].conflicts[0].reason,
            ConflictReason::FieldChanged {
                person: "a".into(),
                field: "name".into()
            }
        );
    }
}
