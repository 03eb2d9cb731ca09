//! Metric definitions checked against a deliberately naive reference
//! implementation (walk up the chain for everything), plus the incremental
//! engine checked against a full recompute after random moves.

use super::compute::LineState;
use super::*;
use crate::model::{
    Forest, Ladder, Org, Person, PersonId, PersonRecord, Policy, Status, NO_PARENT,
};
use proptest::prelude::*;

fn org_from(parents: &[u32], statuses: &[Status]) -> Org {
    let mut org = Org::new();
    for (i, status) in statuses.iter().enumerate() {
        let mut person = Person::new(format!("p{i}"));
        person.status = *status;
        person.cost = Some(crate::Money::from_cents(1000 + i as i64));
        org.add_person(person).expect("unique");
    }
    for (i, &p) in parents.iter().enumerate() {
        if p != NO_PARENT {
            org.move_person(
                &PersonId::new(format!("p{i}")),
                Some(&PersonId::new(format!("p{p}"))),
            )
            .expect("generated parents form a forest");
        }
    }
    org
}

/// Parent arrays where every parent is a lower index, then relabelled by a
/// random permutation so roots and parents can be anywhere.
fn forest_strategy(max: usize) -> impl Strategy<Value = (Vec<u32>, Vec<Status>)> {
    (1..max)
        .prop_flat_map(|n| {
            (
                proptest::collection::vec((any::<bool>(), any::<proptest::sample::Index>()), n),
                Just(n).prop_shuffle_indices(),
                proptest::collection::vec(
                    prop_oneof![
                        6 => Just(Status::Active),
                        1 => Just(Status::Open),
                        1 => Just(Status::Planned),
                        1 => Just(Status::Departing)
                    ],
                    n,
                ),
            )
        })
        .prop_map(|(links, permutation, statuses)| {
            let n = links.len();
            let mut parents = vec![NO_PARENT; n];
            for (i, (is_root, pick)) in links.into_iter().enumerate() {
                if i > 0 && !is_root {
                    let p = pick.index(i);
                    parents[permutation[i]] = permutation[p] as u32;
                }
            }
            (parents, statuses)
        })
}

trait ShuffleIndices {
    fn prop_shuffle_indices(self) -> BoxedStrategy<Vec<usize>>;
}

impl ShuffleIndices for Just<usize> {
    fn prop_shuffle_indices(self) -> BoxedStrategy<Vec<usize>> {
        let n = self.0;
        Just((0..n).collect::<Vec<usize>>()).prop_shuffle().boxed()
    }
}

struct Reference {
    people: u64,
    managers: u64,
    roots: u64,
    layers: u32,
    spans: Vec<u32>,
    total_reports: Vec<u64>,
    subtree_cost: Vec<i64>,
}

fn reference(parents: &[u32], statuses: &[Status], view: View) -> Reference {
    let n = parents.len();
    let included = |i: usize| view.includes(statuses[i]);
    let effective = |i: usize| {
        let mut up = parents[i];
        while up != NO_PARENT && !included(up as usize) {
            up = parents[up as usize];
        }
        up
    };
    let mut spans = vec![0u32; n];
    let mut total_reports = vec![0u64; n];
    let mut subtree_cost = vec![0i64; n];
    let mut layers = 0;
    let mut roots = 0;
    let mut people = 0;
    for i in (0..n).filter(|&i| included(i)) {
        people += 1;
        let e = effective(i);
        if e == NO_PARENT {
            roots += 1;
        } else {
            spans[e as usize] += 1;
        }
        let mut layer = 1;
        let mut up = e;
        let cost = 1000 + i as i64; // as set by org_from
        subtree_cost[i] += cost;
        while up != NO_PARENT {
            layer += 1;
            total_reports[up as usize] += 1;
            subtree_cost[up as usize] += cost;
            up = effective(up as usize);
        }
        layers = layers.max(layer);
    }
    let managers = spans.iter().filter(|&&s| s > 0).count() as u64;
    Reference {
        people,
        managers,
        roots,
        layers,
        spans,
        total_reports,
        subtree_cost,
    }
}

fn naive_median(mut spans: Vec<u32>) -> f64 {
    spans.sort_unstable();
    let k = spans.len();
    if k == 0 {
        0.0
    } else if k % 2 == 1 {
        f64::from(spans[k / 2])
    } else {
        (f64::from(spans[k / 2 - 1]) + f64::from(spans[k / 2])) / 2.0
    }
}

proptest! {
    #[test]
    fn metrics_match_the_naive_reference(
        (parents, statuses) in forest_strategy(80),
        planned in any::<bool>(),
        band_min in 1u32..6,
        band_width in 0u32..5,
    ) {
        let view = if planned { View::Planned } else { View::Current };
        let mut org = org_from(&parents, &statuses);
        org.policy = Policy { band_min, band_max: band_min + band_width, max_load: 3, ..Policy::default() };
        let metrics = compute(&org, view);
        let expected = reference(&parents, &statuses, view);

        prop_assert_eq!(metrics.people, expected.people);
        prop_assert_eq!(metrics.managers, expected.managers);
        prop_assert_eq!(metrics.ics, expected.people - expected.managers);
        prop_assert_eq!(metrics.roots, expected.roots);
        prop_assert_eq!(metrics.layers, expected.layers);
        prop_assert_eq!(metrics.people_per_layer.iter().sum::<u64>(), expected.people);

        let manager_spans: Vec<u32> = expected.spans.iter().copied().filter(|&s| s > 0).collect();
        prop_assert_eq!(metrics.span.min, manager_spans.iter().copied().min().unwrap_or(0));
        prop_assert_eq!(metrics.span.max, manager_spans.iter().copied().max().unwrap_or(0));
        prop_assert_eq!(metrics.span.median, naive_median(manager_spans.clone()));
        let mean = if manager_spans.is_empty() { 0.0 } else {
            manager_spans.iter().map(|&s| f64::from(s)).sum::<f64>() / manager_spans.len() as f64
        };
        prop_assert!((metrics.span.mean - mean).abs() < 1e-9);
        let count = |pred: &dyn Fn(u32) -> bool| manager_spans.iter().filter(|&&s| pred(s)).count() as u64;
        prop_assert_eq!(metrics.band.narrow, count(&|s| s < band_min));
        prop_assert_eq!(metrics.band.wide, count(&|s| s > band_min + band_width));
        prop_assert_eq!(metrics.band.in_band, count(&|s| s >= band_min && s <= band_min + band_width));
        prop_assert_eq!(metrics.band.single_report, count(&|s| s == 1));
        let ratio = (expected.managers > 0)
            .then(|| (expected.people - expected.managers) as f64 / expected.managers as f64);
        prop_assert_eq!(metrics.manager_ic_ratio, ratio);

        for manager in &metrics.span_by_manager {
            let i: usize = manager.id[1..].parse().expect("p<i> ids");
            prop_assert_eq!(manager.span, expected.spans[i]);
            prop_assert_eq!(manager.total_reports, expected.total_reports[i]);
            prop_assert_eq!(manager.subtree_cost.cents(), expected.subtree_cost[i]);
        }
        prop_assert_eq!(metrics.span_by_manager.len() as u64, expected.managers);
    }

    #[test]
    fn incremental_moves_match_a_full_recompute(
        (parents, statuses) in forest_strategy(60),
        moves in proptest::collection::vec((any::<proptest::sample::Index>(), any::<proptest::sample::Index>(), any::<bool>()), 1..25),
        planned in any::<bool>(),
    ) {
        let view = if planned { View::Planned } else { View::Current };
        let mut org = org_from(&parents, &statuses);
        let mut engine = MetricsEngine::new(&org, view);
        let n = parents.len();
        for (who, to, make_root) in moves {
            let person = who.index(n);
            let target = to.index(n);
            let manager = (!make_root).then(|| PersonId::new(format!("p{target}")));
            let depth_before = |p: usize| org.chain_of_command(&PersonId::new(format!("p{p}"))).map(|c| c.len()).unwrap_or(0);
            let old_depth = depth_before(person);
            let new_depth = if make_root { 0 } else { depth_before(target) };
            if org.move_person(&PersonId::new(format!("p{person}")), manager.as_ref()).is_err() {
                continue; // a cycle: refused, nothing changed
            }
            let subtree = 1 + descendants(&org.forest(), person as u32);
            let old_siblings = n; // bounded by n; the exact bound is checked below
            let cost = engine.apply_move(person as u32, (!make_root).then_some(target as u32));
            let fresh = MetricsInput::from_org(&org);
            prop_assert_eq!(engine.parents(), fresh.forest.parents());
            let expected = LineState::build(&fresh, view);
            prop_assert_eq!(engine.state(), &expected);
            // The stated cost: O(subtree + both chains + old siblings).
            prop_assert!(cost.subtree <= 2 * subtree as u64);
            prop_assert!(cost.ancestors <= (old_depth + new_depth) as u64);
            prop_assert!(cost.siblings <= old_siblings as u64);
        }
        let full = compute(&org, view);
        prop_assert_eq!(engine.metrics(&org), full.clone());
        // The summary is the full report minus its lists.
        let mut expected_summary = full;
        expected_summary.span_by_manager.clear();
        expected_summary.teams.clear();
        expected_summary.coverage.load.clear();
        prop_assert_eq!(engine.summary(&org), expected_summary);
    }
}

fn descendants(forest: &Forest, node: u32) -> usize {
    let mut count = 0;
    let mut stack = forest.children(node).to_vec();
    while let Some(next) = stack.pop() {
        count += 1;
        stack.extend_from_slice(forest.children(next));
    }
    count
}

#[test]
fn a_move_in_a_large_org_touches_only_the_subtree_and_chains() {
    // 100k people: 1 root, 100 managers of 999 ICs each... then move one IC.
    let mut parents = vec![NO_PARENT; 100_001];
    for (i, parent) in parents.iter_mut().enumerate().skip(1) {
        *parent = if i <= 100 { 0 } else { 1 + (i as u32 % 100) };
    }
    let statuses = vec![Status::Active; parents.len()];
    let mut org = org_from(&parents, &statuses);
    let mut engine = MetricsEngine::new(&org, View::Current);
    org.move_person(&"p500".into(), Some(&"p7".into()))
        .expect("legal");
    let cost = engine.apply_move(500, Some(7));
    // Subtree of one IC (visited twice), two chains of depth 2, and the old
    // manager's ~1000 reports scanned once to unlink.
    assert_eq!(cost.subtree, 2);
    assert_eq!(cost.ancestors, 4);
    assert!(cost.siblings <= 1001, "{cost:?}");
    assert_eq!(engine.metrics(&org), compute(&org, View::Current));
}

fn record(id: &str, manager: &str, title: &str, team: &str) -> PersonRecord {
    PersonRecord {
        row: 2,
        id: id.into(),
        manager_id: manager.into(),
        title: title.into(),
        team: team.into(),
        ..PersonRecord::default()
    }
}

#[test]
fn coverage_counts_embedded_home_teams_and_assignments() {
    let mut architect = record("arch", "cto", "Principal Engineer", "Central Architecture");
    architect.supports = vec![
        "Payments".into(),
        "Search".into(),
        "Ads".into(),
        "Growth".into(),
    ];
    let mut embedded = record("staff1", "em1", "Staff Engineer", "Payments");
    embedded.supports = vec!["Payments".into()]; // the home team: not double counted
    let records = vec![
        record("cto", "", "CTO", ""),
        architect,
        record("em1", "cto", "Engineering Manager", "Payments"),
        embedded,
        record("dev1", "em1", "Software Engineer", "Payments"),
        record("dev2", "em1", "Software Engineer", "Payments"),
        record("em2", "cto", "Engineering Manager", "Search"),
        record("dev3", "em2", "Senior Software Engineer", "Search"),
        record("em3", "cto", "Engineering Manager", "Billing"),
        record("em4", "cto", "Engineering Manager", "Ads"),
        record("em5", "cto", "Engineering Manager", "Growth"),
    ];
    let (org, _) =
        Org::from_records(records, "t.csv", Ladder::default(), Policy::default()).expect("valid");
    let metrics = compute(&org, View::Current);
    let c = &metrics.coverage;
    assert_eq!(c.teams, 5, "architecture groups are not counted");
    assert_eq!(c.covered, 4);
    assert_eq!(&*c.uncovered_teams, [crate::model::TeamId::from("Billing")]);
    assert_eq!(c.coverage_ratio, Some(0.8));
    assert_eq!(
        (c.staff_plus, c.embedded, c.central, c.unplaced),
        (2, 1, 1, 0)
    );
    assert_eq!(c.ic_engineers, 3);
    let arch = c.load.iter().find(|l| l.id == "arch").expect("listed");
    assert_eq!((arch.load, arch.overloaded), (4, true));
    let staff = c.load.iter().find(|l| l.id == "staff1").expect("listed");
    assert_eq!((staff.load, staff.overloaded), (1, false));
    assert_eq!(c.overloaded, 1);
    let payments = metrics
        .teams
        .iter()
        .find(|t| t.id == "Payments")
        .expect("team");
    assert_eq!((payments.headcount, payments.staff_plus_support), (4, 2));
}

#[test]
fn open_req_managers_are_skipped_in_the_current_view() {
    // cto -> open req manager -> two active engineers
    let statuses = [Status::Active, Status::Open, Status::Active, Status::Active];
    let org = org_from(&[NO_PARENT, 0, 1, 1], &statuses);
    let current = compute(&org, View::Current);
    assert_eq!(
        (current.people, current.managers, current.layers),
        (3, 1, 2)
    );
    assert_eq!(current.span_by_manager[0].span, 2);
    let planned = compute(&org, View::Planned);
    assert_eq!(
        (planned.people, planned.managers, planned.layers),
        (4, 2, 3)
    );
}

#[test]
fn empty_org_has_zero_metrics_not_nans() {
    let metrics = compute(&Org::new(), View::Current);
    assert_eq!(metrics.people, 0);
    assert_eq!(metrics.span.mean, 0.0);
    assert_eq!(metrics.manager_ic_ratio, None);
    assert_eq!(metrics.coverage.coverage_ratio, None);
    let json = serde_json::to_string(&metrics).expect("serialises");
    assert!(!json.contains("NaN"));
}

const TEAMS: [&str; 4] = ["Alpha", "Beta", "Gamma", "Central Architecture"];

#[derive(Debug, Clone)]
struct RandomPerson {
    team: Option<usize>,
    staff_plus: bool,
    supports: Vec<usize>,
    status: Status,
    cost: i64,
}

fn people_strategy() -> impl Strategy<Value = Vec<RandomPerson>> {
    proptest::collection::vec(
        (
            proptest::option::weighted(0.8, 0..TEAMS.len()),
            proptest::bool::weighted(0.3),
            proptest::collection::vec(0..TEAMS.len(), 0..4),
            prop_oneof![4 => Just(Status::Active), 1 => Just(Status::Open), 1 => Just(Status::Departing)],
            0i64..1_000_000,
        )
            .prop_map(|(team, staff_plus, supports, status, cost)| RandomPerson {
                team,
                staff_plus,
                supports,
                status,
                cost,
            }),
        1..40,
    )
}

proptest! {
    #[test]
    fn teams_and_coverage_match_the_naive_reference(people in people_strategy(), max_load in 0u32..4, planned in any::<bool>()) {
        let view = if planned { View::Planned } else { View::Current };
        // Everyone reports to p0; reporting lines do not matter here.
        let records: Vec<PersonRecord> = people
            .iter()
            .enumerate()
            .map(|(i, p)| PersonRecord {
                row: i as u64 + 2,
                id: format!("p{i}").into(),
                manager_id: if i == 0 { Default::default() } else { "p0".into() },
                title: if p.staff_plus { "Staff Engineer".into() } else { "Software Engineer".into() },
                team: p.team.map(|t| TEAMS[t].into()).unwrap_or_default(),
                status: p.status,
                cost: Some(crate::Money::from_cents(p.cost)),
                supports: p.supports.iter().map(|&t| TEAMS[t].to_string()).collect(),
                ..PersonRecord::default()
            })
            .collect();
        let Ok((mut org, _)) = Org::from_records(records, "t.csv", Ladder::default(), Policy::default()) else {
            return Err(TestCaseError::fail("valid records"));
        };
        org.policy.max_load = max_load;
        let metrics = compute(&org, view);

        // Naive reference over team names. Teams exist only if someone is a member.
        let exists = |t: usize| people.iter().any(|p| p.team == Some(t));
        let is_arch = |t: usize| TEAMS[t] == "Central Architecture";
        let counted = |p: &RandomPerson| view.includes(p.status);
        let supports = |p: &RandomPerson, t: usize| {
            counted(p) && p.staff_plus && exists(t) && !is_arch(t)
                && (p.team == Some(t) || p.supports.contains(&t))
        };
        let considered: Vec<usize> = (0..TEAMS.len()).filter(|&t| exists(t) && !is_arch(t)).collect();
        let covered = considered.iter().filter(|&&t| people.iter().any(|p| supports(p, t))).count() as u64;
        prop_assert_eq!(metrics.coverage.teams, considered.len() as u64);
        prop_assert_eq!(metrics.coverage.covered, covered);
        let staff: Vec<(usize, &RandomPerson)> = people.iter().enumerate().filter(|(_, p)| counted(p) && p.staff_plus).collect();
        prop_assert_eq!(metrics.coverage.staff_plus, staff.len() as u64);
        let central = staff.iter().filter(|(_, p)| p.team.is_some_and(is_arch)).count() as u64;
        let unplaced = staff.iter().filter(|(_, p)| p.team.is_none()).count() as u64;
        prop_assert_eq!(metrics.coverage.central, central);
        prop_assert_eq!(metrics.coverage.unplaced, unplaced);
        prop_assert_eq!(metrics.coverage.embedded, staff.len() as u64 - central - unplaced);
        let mut overloaded = 0;
        for (i, p) in &staff {
            let load = (0..TEAMS.len()).filter(|&t| supports(p, t)).count() as u32;
            let listed = metrics.coverage.load.iter().find(|l| l.id == format!("p{i}"));
            prop_assert_eq!(listed.map(|l| l.load), Some(load));
            overloaded += u64::from(load > max_load);
        }
        prop_assert_eq!(metrics.coverage.overloaded, overloaded);
        let ic_engineers = people.iter().filter(|p| counted(p) && !p.staff_plus).count() as u64;
        prop_assert_eq!(metrics.coverage.ic_engineers, ic_engineers);
        for team in &metrics.teams {
            let t = TEAMS.iter().position(|&name| name == team.name).expect("known team");
            let members: Vec<&RandomPerson> = people.iter().filter(|p| p.team == Some(t) && counted(p)).collect();
            prop_assert_eq!(team.headcount, members.len() as u64);
            prop_assert_eq!(team.cost.cents(), members.iter().map(|p| p.cost).sum::<i64>());
        }
        prop_assert_eq!(metrics.cost.cents(), people.iter().filter(|p| counted(p)).map(|p| p.cost).sum::<i64>());
    }
}

#[test]
fn recompute_in_place_equals_a_fresh_compute() {
    let statuses = [
        Status::Active,
        Status::Open,
        Status::Active,
        Status::Departing,
        Status::Active,
    ];
    let org = org_from(&[NO_PARENT, 0, 1, 1, 0], &statuses);
    let input = MetricsInput::from_org(&org);
    let mut figures = Figures::compute(&input, View::Planned);
    figures.recompute(&input, View::Current);
    assert_eq!(figures.report(&org, &input), compute(&org, View::Current));
}

#[test]
fn the_two_thread_path_for_large_orgs_matches_the_serial_one() {
    let records = crate::generate::generate(super::compute::PARALLEL_FROM + 1000, 5);
    let (org, _) = Org::from_records(records, "big.csv", Ladder::default(), Policy::default())
        .expect("generated orgs are valid");
    let input = MetricsInput::from_org(&org);
    let serial = MetricsEngine::new(&org, View::Planned).metrics(&org);
    assert_eq!(
        Figures::compute(&input, View::Planned).report(&org, &input),
        serial
    );
    let mut warm = Figures::compute(&input, View::Current);
    warm.recompute(&input, View::Planned);
    assert_eq!(warm.report(&org, &input), serial);
}
