//! Applying and undoing single changes: exact undo, refusals and their
//! reasons, all-or-nothing group changes and settings.

use super::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Applying any sequence of changes (refused ones change nothing) and
    /// then unwinding restores the org exactly; the forest invariant holds
    /// throughout.
    #[test]
    fn unwinding_restores_the_org_exactly(changes in prop::collection::vec(any_change(), 0..40)) {
        let mut org = sample();
        let original = fingerprint(&org);
        let mut undo = Vec::new();
        for change in &changes {
            let before = fingerprint(&org);
            match apply(&mut org, change) {
                Ok(step) => undo.push(Some(step)),
                Err(_) => prop_assert_eq!(fingerprint(&org), before, "refused {} changed the org", change),
            }
            let forest = org.forest();
            prop_assert_eq!(forest.len(), org.len());
        }
        unwind(&mut org, undo).expect("unwinds");
        prop_assert_eq!(fingerprint(&org), original);
    }
}

#[test]
fn moving_alone_leaves_the_reports_with_the_old_manager_and_undoes_exactly() {
    let mut org = sample();
    let before = fingerprint(&org);
    let undo = apply(
        &mut org,
        &Change::MoveAlone {
            person: "m1".into(),
            manager: Some("m2".into()),
        },
    )
    .expect("legal");
    assert_eq!(org.manager_of(&"m1".into()), Some(&"m2".into()));
    for report in ["a", "b"] {
        assert_eq!(org.manager_of(&report.into()), Some(&"ceo".into()));
    }
    assert!(org.reports_of(&"m1".into()).is_empty());
    assert_eq!(
        undo.moved(),
        Some(vec!["a".into(), "b".into(), PersonId::from("m1")])
    );
    revert(&mut org, undo).expect("reverts");
    assert_eq!(fingerprint(&org), before);
}

#[test]
fn moving_alone_under_a_former_report_is_no_cycle_but_under_oneself_is() {
    let mut org = sample();
    let undo = apply(
        &mut org,
        &Change::MoveAlone {
            person: "m1".into(),
            manager: Some("a".into()),
        },
    )
    .expect("a stays behind, so m1 can report to a");
    assert_eq!(org.manager_of(&"a".into()), Some(&"ceo".into()));
    assert_eq!(org.manager_of(&"m1".into()), Some(&"a".into()));
    revert(&mut org, undo).expect("reverts");

    let before = fingerprint(&org);
    let error = apply(
        &mut org,
        &Change::MoveAlone {
            person: "m1".into(),
            manager: Some("m1".into()),
        },
    )
    .expect_err("refused");
    assert_eq!(error.code(), crate::ErrorCode::WouldCreateCycle);
    let error = apply(
        &mut org,
        &Change::MoveAlone {
            person: "m1".into(),
            manager: Some("ceo".into()),
        },
    )
    .expect_err("refused");
    assert_eq!(error.code(), crate::ErrorCode::InvalidInput);
    assert_eq!(fingerprint(&org), before, "refusals change nothing");
}

#[test]
fn refusals_explain_themselves() {
    let mut org = sample();
    let cycle = apply(
        &mut org,
        &Change::Move {
            person: "ceo".into(),
            manager: Some("a".into()),
        },
    )
    .expect_err("cycle");
    assert_eq!(cycle.code(), crate::ErrorCode::WouldCreateCycle);
    let same = apply(
        &mut org,
        &Change::Move {
            person: "a".into(),
            manager: Some("m1".into()),
        },
    )
    .expect_err("no-op");
    assert!(same.to_string().contains("already reports to"));
    let not_staff = apply(
        &mut org,
        &Change::AddSupport {
            person: "a".into(),
            team: "core".into(),
        },
    )
    .expect_err("not staff+");
    assert!(not_staff.to_string().contains("not a staff+"));
    apply(
        &mut org,
        &Change::AddSupport {
            person: "s".into(),
            team: "core".into(),
        },
    )
    .expect("staff+");
    let band = apply(
        &mut org,
        &Change::SetPolicy {
            policy: crate::model::Policy {
                band_min: 9,
                band_max: 3,
                ..crate::model::Policy::default()
            },
        },
    )
    .expect_err("bad band");
    assert!(band.to_string().contains("not valid"));
}

#[test]
fn a_group_team_assignment_is_all_or_nothing_and_undoes_exactly() {
    let mut org = sample();
    let before = org.clone();
    let unknown = apply(
        &mut org,
        &Change::AssignTeam {
            people: vec!["a".into(), "nobody".into()],
            team: Some("arch".into()),
        },
    )
    .expect_err("unknown person");
    assert!(unknown.to_string().contains("nobody"), "{unknown}");
    assert_eq!(org.person(&"a".into()), before.person(&"a".into()));
    let twice = apply(
        &mut org,
        &Change::AssignTeam {
            people: vec!["a".into(), "a".into()],
            team: Some("arch".into()),
        },
    )
    .expect_err("listed twice");
    assert!(twice.to_string().contains("twice"));
    assert!(
        apply(
            &mut org,
            &Change::AssignTeam {
                people: vec!["a".into()],
                team: Some("core".into()),
            },
        )
        .is_err(),
        "already there"
    );
    assert!(
        apply(
            &mut org,
            &Change::AssignTeam {
                people: Vec::new(),
                team: None,
            },
        )
        .is_err(),
        "nobody chosen"
    );
    let undo = apply(
        &mut org,
        &Change::AssignTeam {
            // `s` is already in arch: the others still move.
            people: vec!["a".into(), "b".into(), "s".into()],
            team: Some("arch".into()),
        },
    )
    .expect("moved");
    for id in ["a", "b", "s"] {
        assert_eq!(
            org.person(&id.into()).and_then(|p| p.team.clone()),
            Some("arch".into())
        );
    }
    revert(&mut org, undo).expect("reverted");
    for person in before.people() {
        assert_eq!(org.person(&person.id), Some(person));
    }
}

#[test]
fn bad_settings_are_refused_with_a_reason_and_change_nothing() {
    use crate::model::{Ladder, LadderLevel, Policy, Track};
    let mut org = sample();
    let teams = apply(
        &mut org,
        &Change::SetPolicy {
            policy: Policy {
                team_min: 8,
                team_max: 4,
                ..Policy::default()
            },
        },
    )
    .expect_err("bad team size");
    assert!(teams.to_string().contains("team size"), "{teams}");
    assert_eq!(org.policy, Policy::default());
    let level = |code: &str| LadderLevel {
        code: code.into(),
        track: Track::Ic,
        rank: 1,
        staff_plus: false,
    };
    let duplicate = apply(
        &mut org,
        &Change::SetLadder {
            ladder: Ladder::new(vec![level("L1"), level("l1")]),
        },
    )
    .expect_err("duplicate code");
    assert!(duplicate.to_string().contains("twice"), "{duplicate}");
    let blank = apply(
        &mut org,
        &Change::SetLadder {
            ladder: Ladder::new(vec![level("")]),
        },
    )
    .expect_err("empty code");
    assert!(blank.to_string().contains("no code"), "{blank}");
    assert_eq!(org.ladder, Ladder::default());
    let undo = apply(
        &mut org,
        &Change::SetLadder {
            ladder: Ladder::new(vec![level("L1"), level("L2")]),
        },
    )
    .expect("valid ladder");
    revert(&mut org, undo).expect("reverted");
    assert_eq!(org.ladder, Ladder::default());
}
