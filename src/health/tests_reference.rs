//! The reporting-line checks against a deliberately naive reference
//! (walk up the chain for everything) on random small forests.

use super::*;
use crate::model::{Person, Policy, Status, Track, NO_PARENT};
use proptest::prelude::*;

const LEVELS: [&str; 8] = ["IC2", "IC3", "IC4", "M1", "M2", "m2", "", "X1"];

#[derive(Debug, Clone)]
struct Case {
    parents: Vec<u32>,
    statuses: Vec<Status>,
    levels: Vec<usize>,
    band: (u32, u32),
    layers: u32,
}

/// Parents at lower indices, then relabelled by a random permutation so
/// roots and parents can be anywhere.
fn case_strategy() -> impl Strategy<Value = Case> {
    (1usize..40)
        .prop_flat_map(|n| {
            (
                proptest::collection::vec((any::<bool>(), any::<proptest::sample::Index>()), n),
                Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
                proptest::collection::vec(
                    prop_oneof![
                        6 => Just(Status::Active),
                        1 => Just(Status::Open),
                        1 => Just(Status::Planned),
                        1 => Just(Status::Departing)
                    ],
                    n,
                ),
                proptest::collection::vec(0..LEVELS.len(), n),
                (1u32..4, 0u32..4),
                1u32..6,
            )
        })
        .prop_map(
            |(links, permutation, statuses, levels, (min, extra), layers)| {
                let mut parents = vec![NO_PARENT; links.len()];
                for (i, (is_root, pick)) in links.into_iter().enumerate() {
                    if i > 0 && !is_root {
                        parents[permutation[i]] = permutation[pick.index(i)] as u32;
                    }
                }
                Case {
                    parents,
                    statuses,
                    levels,
                    band: (min, min + extra),
                    layers,
                }
            },
        )
}

fn org_of(case: &Case) -> Org {
    let mut org = Org::new();
    for (i, status) in case.statuses.iter().enumerate() {
        let mut person = Person::new(format!("p{i}"));
        person.status = *status;
        person.level = LEVELS[case.levels[i]].into();
        org.add_person(person).expect("unique");
    }
    for (i, &p) in case.parents.iter().enumerate() {
        if p != NO_PARENT {
            org.move_person(
                &PersonId::new(format!("p{i}")),
                Some(&PersonId::new(format!("p{p}"))),
            )
            .expect("a forest");
        }
    }
    org.policy = Policy {
        band_min: case.band.0,
        band_max: case.band.1,
        ..Policy::default()
    };
    org
}

/// The expected people of each reporting-line check, by index.
fn reference(case: &Case) -> Vec<(CheckId, Vec<usize>)> {
    let n = case.parents.len();
    let counted = |i: usize| case.statuses[i] == Status::Active;
    let manager = |i: usize| {
        let mut up = case.parents[i];
        while up != NO_PARENT && !counted(up as usize) {
            up = case.parents[up as usize];
        }
        (up != NO_PARENT).then_some(up as usize)
    };
    let people: Vec<usize> = (0..n).filter(|&i| counted(i)).collect();
    let span = |m: usize| people.iter().filter(|&&i| manager(i) == Some(m)).count() as u32;
    let layer = |i: usize| {
        let mut layer = 1;
        let mut at = i;
        while let Some(up) = manager(at) {
            layer += 1;
            at = up;
        }
        layer
    };
    let rank = |i: usize| match LEVELS[case.levels[i]] {
        "IC2" => Some((Track::Ic, 2)),
        "IC3" => Some((Track::Ic, 3)),
        "IC4" => Some((Track::Ic, 4)),
        "M1" => Some((Track::Management, 1)),
        "M2" | "m2" => Some((Track::Management, 2)),
        _ => None,
    };
    let (min, max) = case.band;
    let managers = |keep: &dyn Fn(u32) -> bool| -> Vec<usize> {
        people
            .iter()
            .copied()
            .filter(|&m| span(m) > 0 && keep(span(m)))
            .collect()
    };
    let compressed = people
        .iter()
        .copied()
        .filter(|&i| match (manager(i).and_then(rank), rank(i)) {
            (Some((mt, mr)), Some((t, r))) => mt == t && r >= mr,
            _ => false,
        })
        .collect();
    let allowed = if people.len() as u64 <= 10 {
        2
    } else {
        case.layers
    };
    vec![
        (CheckId::SpanWide, managers(&|s| s > max)),
        (CheckId::SpanNarrow, managers(&|s| s < min)),
        (CheckId::SingleReportManager, managers(&|s| s == 1)),
        (CheckId::Compression, compressed),
        (
            CheckId::DeepChain,
            people
                .iter()
                .copied()
                .filter(|&i| layer(i) > allowed)
                .collect(),
        ),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn reporting_line_checks_match_a_naive_reference(case in case_strategy()) {
        let org = org_of(&case);
        let guidance = LayerGuidance {
            steps: vec![LayerStep { up_to: 10, layers: 2 }],
            above: case.layers,
        };
        let health = check(&org, &guidance);
        for (id, expected) in reference(&case) {
            let expected: Vec<String> = expected.iter().map(|i| format!("p{i}")).collect();
            let got: Vec<String> = health
                .finding(id)
                .map(|f| f.people.iter().map(|p| p.to_string()).collect())
                .unwrap_or_default();
            // The org lists people in insertion order, as the reference does.
            prop_assert_eq!(&got, &expected, "{}", id);
            if let Some(finding) = health.finding(id) {
                prop_assert_eq!(finding.count, expected.len() as u64);
            }
        }
    }
}
