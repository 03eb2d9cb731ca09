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
