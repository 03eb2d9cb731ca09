use super::*;
use crate::store::BASELINE;

fn band(min: u32, max: u32) -> Policy {
    Policy {
        band_min: min,
        band_max: max,
        ..Policy::default()
    }
}

fn in_band(comparison: &crate::scenario::diff::Comparison) -> &crate::scenario::diff::MetricRow {
    comparison
        .metrics
        .iter()
        .find(|row| row.metric == "band_in_band")
        .expect("an in-band row")
}

fn seeded_with_scenario(dir: &tempfile::TempDir) -> Session {
    let path = dir.path().join("w.orgraph");
    let mut session = Session::open_or_seed(&path).expect("seeded");
    session
        .create_scenario("plan", BASELINE)
        .expect("a scenario");
    session
}

#[test]
fn a_workspace_setting_changes_every_scenario_and_no_change_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = seeded_with_scenario(&dir);
    let before = session.summary().band.in_band;
    session
        .set_workspace_settings(Some(band(1, 2)), None)
        .expect("a valid band");
    assert_eq!(session.org().policy, band(1, 2));
    assert_ne!(session.summary().band.in_band, before, "the metrics follow");
    assert!(session.changes().is_empty(), "no change in the scenario");
    assert_eq!(
        session.summary(),
        &crate::metrics::summarise(session.org(), View::Current).with_warnings(&session.warnings)
    );

    let compared = session.compare(&["plan".into()], None).expect("compared");
    let row = in_band(&compared);
    assert_eq!(row.deltas, vec![Some(0.0), Some(0.0)]);
    assert_eq!(row.by_settings, vec![false, false]);

    drop(session);
    let path = dir.path().join("w.orgraph");
    let baseline = Session::open(&path).expect("reopened");
    assert_eq!(baseline.org().policy, band(1, 2));
    assert!(baseline.changes().is_empty(), "not a baseline edit");
    assert_eq!(baseline.workspace_settings().expect("read").0, band(1, 2));
    let history = baseline.workspace().snapshots(None).expect("listed");
    assert!(history.last().is_some_and(|s| s
        .reason
        .starts_with("workspace settings: span band 1-2 (was 5-8)")));
}

#[test]
fn a_scenario_override_affects_that_scenario_only_and_compare_marks_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = seeded_with_scenario(&dir);
    session
        .apply(Change::SetPolicy { policy: band(1, 2) }, None)
        .expect("an override");
    let own = session.overrides();
    assert!(own.band && own.team_size && own.max_load && !own.ladder);
    let compared = session.compare(&["plan".into()], None).expect("compared");
    let row = in_band(&compared);
    assert_ne!(row.deltas[1], Some(0.0), "the override moves the figure");
    assert_eq!(row.by_settings, vec![false, true]);
    assert!(compared.settings[1].is_some());

    // A later workspace band reaches the baseline, not the override.
    session
        .set_workspace_settings(Some(band(3, 9)), None)
        .expect("a valid band");
    assert_eq!(session.org().policy, band(1, 2), "the override holds");
    session.switch_to(BASELINE).expect("baseline");
    assert_eq!(session.org().policy, band(3, 9));
    assert!(!session.overrides().any());
    // Undoing the override hands the scenario back to the workspace.
    session.switch_to("plan").expect("plan");
    session.undo().expect("undone");
    assert_eq!(session.org().policy, band(3, 9));
}

#[test]
fn a_refused_or_unchanged_setting_leaves_everything_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = seeded_with_scenario(&dir);
    let before = session.summary().clone();
    let err = session
        .set_workspace_settings(Some(band(8, 5)), None)
        .expect_err("an invalid band");
    assert!(matches!(err, crate::OrgError::InvalidInput(_)));
    let err = session
        .set_workspace_settings(Some(Policy::default()), None)
        .expect_err("nothing to change");
    assert!(matches!(err, crate::OrgError::InvalidInput(_)));
    assert_eq!(session.summary(), &before);
    assert_eq!(
        session.workspace_settings().expect("read").0,
        Policy::default()
    );
}

#[test]
fn overriding_one_target_leaves_the_others_following_the_workspace() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = seeded_with_scenario(&dir);
    session
        .apply(
            Change::SetTarget {
                target: Target::Band { min: 1, max: 2 },
            },
            None,
        )
        .expect("a band override");
    let own = session.overrides();
    assert_eq!(
        (own.band, own.team_size, own.max_load, own.ladder),
        (true, false, false, false)
    );
    assert_eq!(session.org().policy, band(1, 2));

    // The workspace moves every target; the scenario keeps only its band.
    let workspace = Policy {
        band_min: 3,
        band_max: 9,
        max_load: 5,
        team_min: 2,
        team_max: 12,
    };
    session
        .set_workspace_settings(Some(workspace), None)
        .expect("valid settings");
    let expected = Policy {
        band_min: 1,
        band_max: 2,
        ..workspace
    };
    assert_eq!(session.org().policy, expected);
    let shown = session.settings_on_show().expect("settings");
    assert_eq!(
        (shown.policy, shown.workspace_policy),
        (expected, workspace)
    );
    assert_eq!(shown.overrides, own);
    assert_eq!(shown.ladder, session.org().ladder);
    // A workspace save from here changes what was edited, not the band the
    // scenario shows as its own.
    let edited = Policy {
        max_load: 7,
        ..expected
    };
    assert_eq!(
        shown.workspace_policy_after(&edited),
        Policy {
            max_load: 7,
            ..workspace
        }
    );
    assert_eq!(shown.workspace_policy_after(&expected), workspace);
    let compared = session.compare(&["plan".into()], None).expect("compared");
    let own_settings = compared.settings[1].as_deref().unwrap_or_default();
    assert!(own_settings.contains("span band 1-2"), "{own_settings}");
    assert!(!own_settings.contains("team size"), "{own_settings}");
    assert!(!own_settings.contains("max load"), "{own_settings}");

    // Reopened from the store, the override is still the band alone.
    drop(session);
    let reopened = Session::open_at(&dir.path().join("w.orgraph"), "plan", None).expect("plan");
    assert_eq!(reopened.org().policy, expected);
    assert!(reopened.skipped().is_empty(), "the override still applies");
}

#[test]
fn a_target_override_is_refused_when_invalid_or_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = seeded_with_scenario(&dir);
    for target in [
        Target::Band { min: 6, max: 2 },
        Target::MaxLoad { max_load: 0 },
        Target::TeamSize { min: 5, max: 9 },
    ] {
        let err = session
            .apply(Change::SetTarget { target }, None)
            .expect_err("refused");
        assert!(matches!(err, crate::OrgError::InvalidInput(_)), "{err}");
    }
    assert!(session.changes().is_empty());
    assert!(!session.overrides().any());
}
