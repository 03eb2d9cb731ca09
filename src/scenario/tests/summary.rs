//! Patching the baseline's metrics with what a scenario touched.

use super::*;

/// The people and base slots a list of applied changes touched, as
/// [`crate::session::Session::compare`] gathers them.
fn touched_by(base: &Org, steps: &[(Change, Undo)]) -> (Vec<PersonId>, Vec<u32>) {
    let (mut people, mut teams) = (std::collections::BTreeSet::new(), Default::default());
    for (change, undo) in steps {
        touched(change, Some(undo), &mut people, &mut teams);
    }
    let slots = people.iter().filter_map(|id| base.slot_of(id)).collect();
    (people.into_iter().collect(), slots)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Patching the baseline's metrics input with the people two scenarios
    /// touch gives exactly the summary a full extraction gives, for both
    /// scenarios in turn (so slots survive an unwind), in both views.
    #[test]
    fn patched_summary_equals_the_full_one(
        first in prop::collection::vec(any_change(), 0..30),
        second in prop::collection::vec(any_change(), 0..30),
    ) {
        let mut org = sample();
        let mut base = crate::metrics::BaseInput::of(&org).expect("a fresh org is dense");
        for changes in [&first, &second] {
            prop_assert!(base.matches(&org));
            let steps: Vec<(Change, Undo)> = changes
                .iter()
                .filter_map(|change| Some((change.clone(), apply(&mut org, change).ok()?)))
                .collect();
            let (people, slots) = {
                let mut unchanged = org.clone();
                let undo: Vec<Option<Undo>> =
                    steps.iter().map(|(_, undo)| Some(undo.clone())).collect();
                unwind(&mut unchanged, undo).expect("unwinds");
                touched_by(&unchanged, &steps)
            };
            let touched: Vec<&PersonId> = people.iter().collect();
            for view in [crate::metrics::View::Current, crate::metrics::View::Planned] {
                let patched = base.summarise_changed(&org, &slots, &touched, view);
                let mut full = crate::metrics::summarise(&org, view);
                // A comparison reads the uncovered teams' count, not their list.
                prop_assert!(patched.coverage.uncovered_teams.is_empty());
                full.coverage.uncovered_teams = std::sync::Arc::from([]);
                prop_assert_eq!(format!("{patched:?}"), format!("{full:?}"));
            }
            unwind(&mut org, steps.into_iter().map(|(_, undo)| Some(undo)).collect())
                .expect("unwinds");
        }
    }
}
