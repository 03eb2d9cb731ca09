//! The done-when check on the generator's 3,000-person org: the
//! suggestion covers as many teams as an independent max-flow says can be
//! covered, and nobody is over the max load afterwards.

use super::*;
use crate::model::{Ladder, Policy, TeamKind};
use petgraph::graph::{Graph, NodeIndex};
use std::collections::{BTreeMap, BTreeSet};

fn generated_org() -> Org {
    let records = crate::generate::generate(3000, 11);
    Org::from_records(records, "gen", Ladder::default(), Policy::default())
        .expect("generated orgs validate")
        .0
}

/// The most teams that can be covered under the department scope, from
/// the org alone: teams covered by a home team, plus a max-flow from
/// engineers (capacity: max load less a counting home team) to the other
/// counting teams they may support (their existing assignments, and teams
/// of their home team's department, or any team for central ones).
fn max_coverable(org: &Org) -> u64 {
    let teams = org.teams();
    let counting: Vec<bool> = teams.iter().map(|t| t.kind.counts_for_coverage()).collect();
    let index: BTreeMap<&TeamId, usize> =
        teams.iter().enumerate().map(|(i, t)| (&t.id, i)).collect();
    let mut covered_by_home = BTreeSet::new();
    let mut engineers = Vec::new();
    for person in org.people() {
        if person.status != Status::Active || !org.is_staff_plus(person) {
            continue;
        }
        let home = person.team.as_ref().map(|t| index[t]);
        let home_counts = home.is_some_and(|h| counting[h]);
        if let (true, Some(h)) = (home_counts, home) {
            covered_by_home.insert(h);
        }
        let embedded = home.is_some_and(|h| teams[h].kind != TeamKind::Architecture);
        let existing: BTreeSet<usize> = org
            .support_assignments()
            .iter()
            .filter(|(p, _)| p == &person.id)
            .map(|(_, t)| index[t])
            .collect();
        let reach: Vec<usize> = (0..teams.len())
            .filter(|&t| counting[t] && Some(t) != home)
            .filter(|&t| {
                existing.contains(&t)
                    || !embedded
                    || teams[t].department == teams[home.expect("embedded")].department
            })
            .collect();
        let capacity = org.policy.max_load - u32::from(home_counts);
        engineers.push((capacity, reach));
    }
    let mut graph: Graph<(), u32> = Graph::new();
    let source = graph.add_node(());
    let sink = graph.add_node(());
    let team_nodes: Vec<NodeIndex> = teams.iter().map(|_| graph.add_node(())).collect();
    for (t, &node) in team_nodes.iter().enumerate() {
        if counting[t] && !covered_by_home.contains(&t) {
            graph.add_edge(node, sink, 1);
        }
    }
    for (capacity, reach) in engineers {
        let node = graph.add_node(());
        graph.add_edge(source, node, capacity);
        for t in reach {
            graph.add_edge(node, team_nodes[t], 1);
        }
    }
    let (flow, _) = petgraph::algo::dinics(&graph, source, sink);
    covered_by_home.len() as u64 + u64::from(flow)
}

#[test]
fn the_generated_org_gets_the_most_coverage_possible_and_no_overload() {
    let org = generated_org();
    let suggestion = suggest(&org, &PlacementOptions::default()).expect("suggests");
    let best = max_coverable(&org);
    let s = &suggestion;
    eprintln!(
        "3000/11: covered {} -> {} of {} (max-flow bound {best}), overloaded {} -> {}, removed {}, added {}",
        s.before.covered_teams, s.after.covered_teams, s.after.teams, s.before.overloaded,
        s.after.overloaded, s.removed, s.added
    );
    assert_eq!(s.after.covered_teams, best);
    assert!(s.after.covered_teams > s.before.covered_teams);
    assert_eq!(s.after.overloaded, 0);
    assert!(s.still_overloaded.is_empty());
    // The after figures are the metrics panel's own for the changed org.
    let mut after = org.clone();
    for suggested in &s.changes {
        crate::scenario::apply(&mut after, &suggested.change).expect("applies");
    }
    let board = crate::metrics::placement::Board::of(&after, View::Current);
    assert_eq!(board.summary.covered, s.after.covered_teams);
    assert_eq!(board.summary.overloaded, 0);
    let before = crate::metrics::placement::Board::of(&org, View::Current);
    assert_eq!(before.summary.covered, s.before.covered_teams);
    assert_eq!(before.summary.overloaded, s.before.overloaded);
}

/// The solver runs on `i64` costs when the levels allow it; on the
/// generated org, for every option that changes the network, the `i128`
/// solve decides exactly the same.
#[test]
fn narrow_costs_decide_as_wide_costs_do() {
    let org = generated_org();
    for (weight, allow_replace) in [
        (Weight::Teams, false),
        (Weight::People, false),
        (Weight::Teams, true),
        (Weight::People, true),
    ] {
        let options = PlacementOptions {
            weight,
            allow_replace,
            ..PlacementOptions::default()
        };
        let instance = instance::Instance::of(&org, &options);
        let levels = network::levels(&instance).expect("levels fit");
        assert!(levels.narrow, "3,000 people fit in i64 costs");
        let narrow = optimum::<i64>(&instance, &levels).expect("solves");
        let wide = optimum::<i128>(&instance, &levels).expect("solves");
        assert_eq!(narrow.decisions, wide.decisions, "{options:?}");
        assert_eq!(narrow.covered, wide.covered, "{options:?}");
    }
}
