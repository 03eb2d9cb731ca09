//! The all-central rule with and without keeping home-team support.

use super::tests::{arb_org, engineer, org, sample, support};
use super::*;
use proptest::prelude::*;

fn preview(org: &Org, what_if: WhatIf) -> Preview {
    Preview::of(org, View::Current, what_if).expect("preview")
}

fn supports(changes: &[Change]) -> Vec<(&str, &str)> {
    changes
        .iter()
        .filter_map(|change| match change {
            Change::AddSupport { person, team } => Some((person.as_str(), team.as_str())),
            _ => None,
        })
        .collect()
}

#[test]
fn keeping_home_support_leaves_every_load_and_team_coverage_as_it_is() {
    let org = sample();
    let before = Board::of(&org, View::Current);
    let kept = preview(&org, WhatIf::AllCentral);
    assert_eq!(
        supports(&kept.changes),
        vec![("s1", "pay")],
        "s1 leaves pay; s3 has no home team; s2 is already central"
    );
    assert_eq!(kept.board.summary.central, 3);
    for was in &before.engineers {
        assert_eq!(engineer(&kept.board, was.id.as_str()).load, was.load);
    }
    for (now, was) in kept.board.teams.iter().zip(&before.teams) {
        assert_eq!(
            (now.supporters, now.covered),
            (was.supporters, was.covered),
            "{}",
            was.id
        );
    }
    let (s, b) = (&kept.board.summary, &before.summary);
    assert_eq!(
        (s.covered, s.uncovered, s.overloaded),
        (b.covered, b.uncovered, b.overloaded)
    );
    assert_eq!(s.load_histogram, b.load_histogram);
}

#[test]
fn dropping_home_support_is_the_plain_move_and_both_previews_carry_both_outcomes() {
    let org = org(
        &[("pay", TeamKind::StreamAligned)],
        &[("s1", "IC4", Some("pay"))],
    );
    let kept = preview(&org, WhatIf::AllCentral);
    let dropped = preview(&org, WhatIf::AllCentralDropHomeSupport);
    assert_eq!(kept.board.summary.coverage_ratio, Some(1.0));
    assert_eq!(dropped.board.summary.coverage_ratio, Some(0.0));
    assert!(supports(&dropped.changes).is_empty());
    assert_eq!(
        dropped.changes.len(),
        2,
        "create the architecture group, move s1"
    );
    assert_eq!(kept.changes.len(), 3, "and s1 keeps supporting pay");
    let outcomes = HomeSupportOutcomes {
        kept: kept.board.summary.clone(),
        dropped: dropped.board.summary.clone(),
    };
    assert_eq!(kept.home_support.as_ref(), Some(&outcomes));
    assert_eq!(dropped.home_support.as_ref(), Some(&outcomes));
    assert_eq!(preview(&org, WhatIf::AllEmbedded).home_support, None);
    assert_eq!(preview(&org, WhatIf::AsIs).home_support, None);
}

#[test]
fn an_engineer_already_assigned_to_their_home_team_gets_no_second_assignment() {
    let mut org = sample();
    support(&mut org, "s1", "pay");
    let kept = preview(&org, WhatIf::AllCentral);
    assert!(supports(&kept.changes).is_empty(), "{:?}", kept.changes);
    assert_eq!(engineer(&kept.board, "s1").load, 2);
    assert_eq!(kept.board.summary.covered, 3);
}

#[test]
fn an_architecture_group_is_never_assigned_as_a_home_team() {
    // Two architecture groups: the one with more central engineers is
    // where everyone goes; whoever already sits in the other stays, and
    // no one is assigned to either.
    let org = org(
        &[
            ("pay", TeamKind::StreamAligned),
            ("arch", TeamKind::Architecture),
            ("lab", TeamKind::Architecture),
        ],
        &[
            ("s1", "IC4", Some("pay")),
            ("s2", "IC5", Some("arch")),
            ("s3", "IC5", Some("arch")),
            ("s4", "IC6", Some("lab")),
        ],
    );
    let kept = preview(&org, WhatIf::AllCentral);
    assert_eq!(supports(&kept.changes), vec![("s1", "pay")]);
    assert_eq!(engineer(&kept.board, "s1").home, Some(1));
    assert_eq!(engineer(&kept.board, "s4").home, Some(2));
}

proptest! {
    #[test]
    fn keeping_home_support_never_changes_coverage_or_load(org in arb_org()) {
        let before = Board::of(&org, View::Current);
        let kept = preview(&org, WhatIf::AllCentral);
        let (s, b) = (&kept.board.summary, &before.summary);
        prop_assert_eq!(s.covered, b.covered);
        prop_assert_eq!(s.coverage_ratio, b.coverage_ratio);
        prop_assert_eq!(s.overloaded, b.overloaded);
        prop_assert_eq!(&s.load_histogram, &b.load_histogram);
        for was in &before.engineers {
            prop_assert_eq!(engineer(&kept.board, was.id.as_str()).load, was.load);
        }
        for (now, was) in kept.board.teams.iter().zip(&before.teams) {
            if was.kind != TeamKind::Architecture {
                prop_assert_eq!(now.supporters, was.supporters);
            }
        }
        let dropped = preview(&org, WhatIf::AllCentralDropHomeSupport);
        prop_assert!(dropped.board.summary.covered <= s.covered);
    }
}
