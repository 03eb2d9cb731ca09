//! The instance as a min-cost flow network whose lexicographic integer
//! costs make the least-cost flow the suggestion's optimum.
//!
//! source → engineer (capacity) → team, for support they may keep (cost
//! −W2); engineer → sink for kept support of teams covered anyway (−W2);
//! engineer → pool of their reach (+W3; a replaceable engineer also reaches
//! the any-team pool at +W3+R) → open team (cap 1) → sink: the first unit
//! −W1·weight, further kept units 0. Pools keep the graph linear in the
//! number of teams (no engineer × team arcs).
//!
//! Dropping a replaceable engineer's home team costs W2 + R (a removal
//! and a replacement). Levels, with U = Σ capacities (bounds additions
//! and replacing units), H = replaceable counting homes and X = droppable
//! support (bounds removals): W3 = 1, R = U + 1, W2 = R·(U + H + 1),
//! W1 = (X + 1)·W2. Any total of the lower levels is below one unit of the
//! next: U·W3 < R, (U + H)·R + U < W2 and X·W2 + (U + H)·R + U < W1. At
//! 1M people (≈ 43k engineers, max load 3) U ≤ 1.3e5, H ≤ 4.3e4 and
//! X ≤ 2e5, so W1 ≤ 5e15 and |total cost| ≤ W1 · Σ weight ≤ 5e21,
//! far inside i128 (1.7e38); the levels are computed with checked
//! arithmetic, so a larger org is refused rather than wrapped.

use super::flow::{ArcId, Network};
use super::instance::{Instance, Reach};

pub(super) type Cost = i128;

/// An arc from an engineer (index into [`Instance::engineers`]).
#[derive(Debug, Clone, Copy)]
pub(super) struct EngineerArc {
    pub engineer: usize,
    pub arc: ArcId,
}

#[derive(Debug)]
pub(super) struct Built {
    pub network: Network<Cost>,
    pub source: usize,
    pub sink: usize,
    /// Engineer → open team they may keep supporting.
    pub keep: Vec<(EngineerArc, u32)>,
    /// Engineer → sink: kept support of teams covered anyway (how many).
    pub keep_covered: Vec<EngineerArc>,
    /// Engineer → pool; `true` when it is the replacing arc.
    pub to_pool: Vec<(EngineerArc, Reach, bool)>,
    /// Pool → open team.
    pub from_pool: Vec<(Reach, u32, ArcId)>,
}

/// The cost levels, or `None` if they overflow.
fn levels(instance: &Instance) -> Option<(Cost, Cost, Cost, Cost)> {
    let units: Cost = instance
        .engineers
        .iter()
        .map(|e| Cost::from(e.capacity.max(0)))
        .sum();
    let droppable: Cost = instance
        .engineers
        .iter()
        .map(|e| e.droppable().count() as Cost)
        .sum();
    let homes = instance
        .engineers
        .iter()
        .filter(|e| e.replaceable && e.home_counts)
        .count() as Cost;
    let w3: Cost = 1;
    let r = units.checked_add(1)?;
    let w2 = r.checked_mul(units.checked_add(homes)?.checked_add(1)?)?;
    let w1 = droppable.checked_add(1)?.checked_mul(w2)?;
    let total_weight: Cost = instance.weight.iter().map(|&w| Cost::from(w)).sum();
    // The largest total the solver can reach must fit.
    w1.checked_mul(total_weight.max(1))?.checked_mul(4)?;
    Some((w1, w2, r, w3))
}

pub(super) fn build(instance: &Instance) -> Option<Built> {
    let (w1, w2, r, w3) = levels(instance)?;
    let engineers = instance.engineers.len();
    let teams = instance.counts.len();
    let mut reaches: Vec<Reach> = instance.engineers.iter().map(|e| e.reach).collect();
    if instance.engineers.iter().any(|e| e.replaceable) {
        reaches.push(Reach::Any);
    }
    reaches.sort_unstable();
    reaches.dedup();
    let open: Vec<u32> = (0..teams as u32).filter(|&t| instance.open(t)).collect();
    // Nodes in topological order: source, engineers, pools, teams, sink.
    let source = 0;
    let pool_node = |reach: &Reach| 1 + engineers + reaches.binary_search(reach).unwrap_or(0);
    let mut team_node = vec![u32::MAX; teams];
    for (i, &t) in open.iter().enumerate() {
        team_node[t as usize] = (1 + engineers + reaches.len() + i) as u32;
    }
    let sink = 1 + engineers + reaches.len() + open.len();
    let mut network = Network::with_arc_capacity(sink + 1, 3 * engineers + 4 * open.len());
    let mut built_keep = Vec::new();
    let mut keep_covered = Vec::new();
    let mut to_pool = Vec::new();
    let mut kept_into = vec![0i64; teams];
    for (index, engineer) in instance.engineers.iter().enumerate() {
        let node = 1 + index;
        let capacity = engineer.capacity.max(0);
        network.add_arc(source, node, capacity, 0);
        let mut covered_anyway = 0;
        for team in engineer.droppable() {
            // Dropping the home team means moving into the architecture
            // group: a replacement as well as a removal.
            let keep_cost = match engineer.replaceable && team == engineer.home {
                true => -w2 - r,
                false => -w2,
            };
            match team_node[team as usize] {
                u32::MAX => covered_anyway += 1,
                to => {
                    let arc = network.add_arc(node, to as usize, 1, keep_cost);
                    kept_into[team as usize] += 1;
                    built_keep.push((
                        EngineerArc {
                            engineer: index,
                            arc,
                        },
                        team,
                    ));
                }
            }
        }
        if covered_anyway > 0 {
            let arc = network.add_arc(node, sink, covered_anyway, -w2);
            keep_covered.push(EngineerArc {
                engineer: index,
                arc,
            });
        }
        let arc = network.add_arc(node, pool_node(&engineer.reach), capacity, w3);
        to_pool.push((
            EngineerArc {
                engineer: index,
                arc,
            },
            engineer.reach,
            false,
        ));
        if engineer.replaceable && engineer.reach != Reach::Any {
            let arc = network.add_arc(node, pool_node(&Reach::Any), capacity, w3 + r);
            to_pool.push((
                EngineerArc {
                    engineer: index,
                    arc,
                },
                Reach::Any,
                true,
            ));
        }
    }
    let mut from_pool = Vec::new();
    let mut by_department: Vec<Vec<u32>> = vec![Vec::new(); instance.departments.len()];
    for &team in open.iter().filter(|&&t| instance.weight[t as usize] > 0) {
        by_department[instance.department[team as usize] as usize].push(team);
    }
    for reach in &reaches {
        let eligible: Box<dyn Iterator<Item = u32>> = match reach {
            Reach::Any => Box::new(by_department.iter().flatten().copied()),
            Reach::Department(d) => Box::new(by_department[*d as usize].iter().copied()),
        };
        for team in eligible {
            let to = team_node[team as usize] as usize;
            let arc = network.add_arc(pool_node(reach), to, 1, 0);
            from_pool.push((*reach, team, arc));
        }
    }
    for &team in &open {
        let node = team_node[team as usize] as usize;
        let gain = w1 * Cost::from(instance.weight[team as usize]);
        network.add_arc(node, sink, 1, -gain);
        if kept_into[team as usize] > 0 {
            network.add_arc(node, sink, kept_into[team as usize], 0);
        }
    }
    Some(Built {
        network,
        source,
        sink,
        keep: built_keep,
        keep_covered,
        to_pool,
        from_pool,
    })
}
