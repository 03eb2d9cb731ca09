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
    assert!(session.overrides().policy);
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
    assert!(!session.overrides().policy);
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
