use super::*;
use proptest::prelude::*;

/// Arcs `(from, to, cap, cost)` with `from < to`, so the network is a DAG.
fn arb_network() -> impl Strategy<Value = (usize, Vec<(usize, usize, i64, i64)>)> {
    (2usize..6).prop_flat_map(|nodes| {
        let arc = (0..nodes, 0..nodes, 0i64..3, -6i64..6)
            .prop_filter_map("from < to", |(a, b, cap, cost)| {
                (a < b).then_some((a, b, cap, cost))
            });
        (Just(nodes), prop::collection::vec(arc, 0..8))
    })
}

/// The least cost of any feasible flow from node 0 to the last node, by
/// trying every flow.
fn brute_force(nodes: usize, arcs: &[(usize, usize, i64, i64)]) -> i64 {
    let mut best = 0;
    let mut flow = vec![0i64; arcs.len()];
    loop {
        let mut balance = vec![0i64; nodes];
        for (&(from, to, _, _), &f) in arcs.iter().zip(&flow) {
            balance[from] -= f;
            balance[to] += f;
        }
        if balance[1..nodes - 1].iter().all(|&b| b == 0) {
            let cost: i64 = arcs.iter().zip(&flow).map(|(a, &f)| a.3 * f).sum();
            best = best.min(cost);
        }
        // Next flow vector, odometer style.
        let mut i = 0;
        loop {
            if i == arcs.len() {
                return best;
            }
            if flow[i] < arcs[i].2 {
                flow[i] += 1;
                break;
            }
            flow[i] = 0;
            i += 1;
        }
    }
}

fn solve<C: FlowCost>(
    nodes: usize,
    arcs: &[(usize, usize, i64, C)],
) -> (Network<C>, Vec<ArcId>, i128) {
    let mut network = Network::new(nodes);
    let ids: Vec<ArcId> = arcs
        .iter()
        .map(|&(from, to, cap, cost)| network.add_arc(from, to, cap, cost))
        .collect();
    let (_, cost) = network.solve(0, nodes - 1).expect("a DAG");
    (network, ids, cost)
}

proptest! {
    #[test]
    fn solves_to_the_brute_force_optimum((nodes, arcs) in arb_network()) {
        let (network, ids, cost) = solve(nodes, &arcs);
        prop_assert_eq!(cost, i128::from(brute_force(nodes, &arcs)));
        // The flow is feasible and costs what the solver says.
        let mut balance = vec![0i64; nodes];
        let mut total = 0;
        for (&(from, to, cap, arc_cost), &id) in arcs.iter().zip(&ids) {
            let f = network.flow(id);
            prop_assert!((0..=cap).contains(&f));
            balance[from] -= f;
            balance[to] += f;
            total += i128::from(f * arc_cost);
        }
        prop_assert!(balance[1..nodes - 1].iter().all(|&b| b == 0));
        prop_assert_eq!(total, cost);
        // The same answer with a wider cost type.
        let wide: Vec<(usize, usize, i64, i128)> =
            arcs.iter().map(|&(a, b, c, k)| (a, b, c, i128::from(k))).collect();
        prop_assert_eq!(solve(nodes, &wide).2, cost);
    }
}

#[test]
fn a_cycle_is_refused() {
    let mut network: Network<i64> = Network::new(3);
    network.add_arc(0, 1, 1, 0);
    network.add_arc(1, 0, 1, 0);
    network.add_arc(1, 2, 1, -1);
    assert_eq!(network.solve(0, 2), Err(FlowError::NotADag));
}

#[test]
fn stops_before_paths_that_cost_more_than_they_gain() {
    let mut network: Network<i64> = Network::new(3);
    let cheap = network.add_arc(0, 1, 5, 1);
    network.add_arc(1, 2, 2, -3);
    network.add_arc(1, 2, 4, 2);
    assert_eq!(network.solve(0, 2), Ok((2, -4)));
    assert_eq!(network.flow(cheap), 2);
}

#[test]
fn a_capacity_above_i32_is_refused() {
    let mut network: Network<i64> = Network::new(2);
    network.add_arc(0, 1, i64::from(i32::MAX) + 1, -1);
    assert_eq!(network.solve(0, 1), Err(FlowError::CapacityTooLarge));
}

/// Larger DAGs than brute force can try, with nodes the source cannot
/// reach and ties in cost: what the search from the sink must get right.
fn arb_larger_network() -> impl Strategy<Value = (usize, Vec<(usize, usize, i64, i64)>)> {
    (4usize..40).prop_flat_map(|nodes| {
        let arc = (0..nodes, 0..nodes, 0i64..4, -4i64..4)
            .prop_filter_map("from < to", |(a, b, cap, cost)| {
                (a < b).then_some((a, b, cap, cost))
            });
        (Just(nodes), prop::collection::vec(arc, 0..160))
    })
}

/// The reference: one augmenting path at a time, each the cheapest by
/// Bellman–Ford over the residual network, while it costs less than 0.
fn one_path_at_a_time(nodes: usize, arcs: &[(usize, usize, i64, i64)]) -> i64 {
    // Residual arcs: (from, to, cap, cost); arc i's reverse is i ^ 1.
    let mut residual: Vec<(usize, usize, i64, i64)> = Vec::new();
    for &(from, to, cap, cost) in arcs {
        residual.push((from, to, cap, cost));
        residual.push((to, from, 0, -cost));
    }
    let (source, sink) = (0, nodes - 1);
    let mut total = 0;
    loop {
        let mut dist = vec![i64::MAX; nodes];
        let mut via = vec![usize::MAX; nodes];
        dist[source] = 0;
        for _ in 0..nodes {
            for (i, &(from, to, cap, cost)) in residual.iter().enumerate() {
                if cap > 0 && dist[from] != i64::MAX && dist[from] + cost < dist[to] {
                    dist[to] = dist[from] + cost;
                    via[to] = i;
                }
            }
        }
        if dist[sink] == i64::MAX || dist[sink] >= 0 {
            return total;
        }
        let mut path = Vec::new();
        let mut v = sink;
        while v != source {
            path.push(via[v]);
            v = residual[via[v]].0;
        }
        let amount = path.iter().map(|&i| residual[i].2).min().unwrap_or(0);
        for &i in &path {
            residual[i].2 -= amount;
            residual[i ^ 1].2 += amount;
        }
        total += amount * dist[sink];
    }
}

proptest! {
    #[test]
    fn matches_one_path_at_a_time_on_larger_networks((nodes, arcs) in arb_larger_network()) {
        let (network, ids, cost) = solve(nodes, &arcs);
        prop_assert_eq!(cost, i128::from(one_path_at_a_time(nodes, &arcs)));
        let mut balance = vec![0i64; nodes];
        for (&(from, to, cap, _), &id) in arcs.iter().zip(&ids) {
            let f = network.flow(id);
            prop_assert!((0..=cap).contains(&f));
            balance[from] -= f;
            balance[to] += f;
        }
        prop_assert!(balance[1..nodes - 1].iter().all(|&b| b == 0));
    }
}
