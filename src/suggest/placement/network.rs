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
//! Open teams nobody may keep supporting are interchangeable when they
//! share a department and a weight: such a group is one node, pool →
//! group and group → sink of capacity the group's size (the sink arc at
//! −W1·weight a unit). That is the same set of flows and costs as one node
//! per team, projected, so the optimum is unchanged; [`Built::groups`]
//! lists each group's teams, ascending, for reading it back.
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
//!
//! The solver runs on `i64` costs when they hold every distance it meets
//! ([`Levels::narrow`]), which makes its arcs and heap entries half the
//! size: at 1M people that is about a third of the solve. Its potentials
//! and distances are costs of simple residual paths (or capped at one).
//! Only team → sink arcs cost more than W2 + R, and a simple path passes
//! the sink at most once, so |distance| ≤ B = 2·W1·max weight +
//! nodes·(W2 + R); a reduced cost or a tentative distance sums at most
//! four such terms, so `i64` is used when 8·B fits.

use super::flow::{ArcId, FlowCost, Network};
use super::instance::{Instance, Reach};

/// Costs are computed in `i128`, then narrowed to the solver's type.
pub(super) type Cost = i128;

/// An arc from an engineer (index into [`Instance::engineers`]).
#[derive(Debug, Clone, Copy)]
pub(super) struct EngineerArc {
    pub engineer: usize,
    pub arc: ArcId,
}

#[derive(Debug)]
pub(super) struct Built<C> {
    pub network: Network<C>,
    pub source: usize,
    pub sink: usize,
    /// Engineer → open team they may keep supporting.
    pub keep: Vec<(EngineerArc, u32)>,
    /// Engineer → sink: kept support of teams covered anyway (how many).
    pub keep_covered: Vec<EngineerArc>,
    /// Engineer → pool; `true` when it is the replacing arc.
    pub to_pool: Vec<(EngineerArc, Reach, bool)>,
    /// Pool → open team, or pool → group of teams.
    pub from_pool: Vec<(Reach, PoolTarget, ArcId)>,
    /// Teams of each group, ascending.
    pub groups: Vec<Vec<u32>>,
}

/// Where a pool arc goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum PoolTarget {
    /// One open team that some engineer may keep supporting.
    Team(u32),
    /// A group of interchangeable open teams (index into [`Built::groups`]).
    Group(u32),
}

/// Per team: how many engineers may keep supporting it while it is open.
fn kept_into(instance: &Instance) -> Vec<i64> {
    let mut kept_into = vec![0i64; instance.counts.len()];
    for engineer in &instance.engineers {
        for team in engineer.droppable().filter(|&t| instance.open(t)) {
            kept_into[team as usize] += 1;
        }
    }
    kept_into
}

/// Groups of open, weighted teams nobody may keep supporting, by
/// (department, weight); teams ascending in each.
fn group_teams(instance: &Instance, open: &[u32], kept_into: &[i64]) -> Vec<Vec<u32>> {
    let mut keyed: Vec<(u32, u64, u32)> = open
        .iter()
        .filter(|&&t| kept_into[t as usize] == 0 && instance.weight[t as usize] > 0)
        .map(|&t| {
            (
                instance.department[t as usize],
                instance.weight[t as usize],
                t,
            )
        })
        .collect();
    keyed.sort_unstable();
    let mut groups: Vec<Vec<u32>> = Vec::new();
    let mut last = None;
    for (department, weight, team) in keyed {
        match groups.last_mut() {
            Some(group) if last == Some((department, weight)) => group.push(team),
            _ => groups.push(vec![team]),
        }
        last = Some((department, weight));
    }
    groups
}

/// The weights of the objective's levels (see the module doc).
#[derive(Debug, Clone, Copy)]
pub(super) struct Levels {
    w1: Cost,
    w2: Cost,
    r: Cost,
    w3: Cost,
    /// Whether the solver may run on `i64` costs.
    pub narrow: bool,
}

/// The cost levels, or `None` if they overflow.
pub(super) fn levels(instance: &Instance) -> Option<Levels> {
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
    let max_weight = Cost::from(instance.weight.iter().copied().max().unwrap_or(0));
    let nodes =
        (3 + instance.engineers.len() + instance.departments.len() + instance.counts.len()) as Cost;
    let bound = (2 * w1)
        .checked_mul(max_weight)?
        .checked_add(nodes.checked_mul(w2.checked_add(r)?)?)?;
    let narrow = bound
        .checked_mul(8)
        .is_some_and(|b| b <= Cost::from(i64::MAX));
    Some(Levels {
        w1,
        w2,
        r,
        w3,
        narrow,
    })
}

/// Node numbering, in topological order: source (0), engineers, pools
/// (one per reach), single teams, groups, sink.
struct Layout {
    engineers: usize,
    reaches: Vec<Reach>,
    /// Per team: how many engineers may keep supporting it while open.
    kept_into: Vec<i64>,
    /// Open teams with a node of their own (someone may keep supporting
    /// them, or they weigh nothing), ascending.
    single: Vec<u32>,
    /// Per team: its node when single, else `u32::MAX`.
    team_node: Vec<u32>,
    first_group: usize,
    sink: usize,
}

impl Layout {
    fn of(instance: &Instance, open: &[u32], kept_into: Vec<i64>, groups: usize) -> Layout {
        let engineers = instance.engineers.len();
        let mut reaches: Vec<Reach> = instance.engineers.iter().map(|e| e.reach).collect();
        if instance.engineers.iter().any(|e| e.replaceable) {
            reaches.push(Reach::Any);
        }
        reaches.sort_unstable();
        reaches.dedup();
        let single: Vec<u32> = open
            .iter()
            .copied()
            .filter(|&t| kept_into[t as usize] > 0 || instance.weight[t as usize] == 0)
            .collect();
        let mut team_node = vec![u32::MAX; instance.counts.len()];
        for (i, &t) in single.iter().enumerate() {
            team_node[t as usize] = (1 + engineers + reaches.len() + i) as u32;
        }
        let first_group = 1 + engineers + reaches.len() + single.len();
        Layout {
            engineers,
            reaches,
            kept_into,
            single,
            team_node,
            first_group,
            sink: first_group + groups,
        }
    }

    fn pool_node(&self, reach: &Reach) -> usize {
        1 + self.engineers + self.reaches.binary_search(reach).unwrap_or(0)
    }

    fn target_node(&self, target: PoolTarget) -> usize {
        match target {
            PoolTarget::Team(team) => self.team_node[team as usize] as usize,
            PoolTarget::Group(g) => self.first_group + g as usize,
        }
    }
}

/// The costs of an engineer's arcs, on the solver's cost type.
struct EngineerCosts<C> {
    keep: C,
    /// Keeping a replaceable engineer's home team: dropping it would be a
    /// removal and a replacement.
    keep_home: C,
    to_pool: C,
    replacing: C,
}

impl<C: FlowCost + TryFrom<Cost>> EngineerCosts<C> {
    fn of(levels: &Levels) -> Option<Self> {
        let cost = |value: Cost| C::try_from(value).ok();
        Some(EngineerCosts {
            keep: cost(-levels.w2)?,
            keep_home: cost(-levels.w2 - levels.r)?,
            to_pool: cost(levels.w3)?,
            replacing: cost(levels.w3 + levels.r)?,
        })
    }
}

/// The network on cost type `C`, or `None` if a cost does not fit in it.
pub(super) fn build<C: FlowCost + TryFrom<Cost>>(
    instance: &Instance,
    levels: &Levels,
) -> Option<Built<C>> {
    let teams = instance.counts.len();
    let open: Vec<u32> = (0..teams as u32).filter(|&t| instance.open(t)).collect();
    let kept_into = kept_into(instance);
    let groups = group_teams(instance, &open, &kept_into);
    let layout = Layout::of(instance, &open, kept_into, groups.len());
    let arcs = 3 * layout.engineers + 4 * (layout.single.len() + groups.len());
    let mut built = Built {
        network: Network::with_arc_capacity(layout.sink + 1, arcs),
        source: 0,
        sink: layout.sink,
        keep: Vec::new(),
        keep_covered: Vec::new(),
        to_pool: Vec::new(),
        from_pool: Vec::new(),
        groups,
    };
    let costs = EngineerCosts::of(levels)?;
    for index in 0..instance.engineers.len() {
        add_engineer_arcs(&mut built, instance, &layout, &costs, index);
    }
    add_pool_arcs(&mut built, instance, &layout);
    add_sink_arcs(&mut built, instance, &layout, levels)?;
    Some(built)
}

/// source → engineer, engineer → team it may keep supporting (or → sink
/// for kept support of teams covered anyway), engineer → pool(s).
fn add_engineer_arcs<C: FlowCost>(
    built: &mut Built<C>,
    instance: &Instance,
    layout: &Layout,
    costs: &EngineerCosts<C>,
    index: usize,
) {
    let engineer = &instance.engineers[index];
    let network = &mut built.network;
    let node = 1 + index;
    let from = |arc| EngineerArc {
        engineer: index,
        arc,
    };
    let capacity = engineer.capacity.max(0);
    network.add_arc(built.source, node, capacity, C::default());
    let mut covered_anyway = 0;
    for team in engineer.droppable() {
        let keep_cost = match engineer.replaceable && team == engineer.home {
            true => costs.keep_home,
            false => costs.keep,
        };
        match layout.team_node[team as usize] {
            u32::MAX => covered_anyway += 1,
            to => {
                let arc = network.add_arc(node, to as usize, 1, keep_cost);
                built.keep.push((from(arc), team));
            }
        }
    }
    if covered_anyway > 0 {
        let arc = network.add_arc(node, built.sink, covered_anyway, costs.keep);
        built.keep_covered.push(from(arc));
    }
    let pool = layout.pool_node(&engineer.reach);
    let arc = network.add_arc(node, pool, capacity, costs.to_pool);
    built.to_pool.push((from(arc), engineer.reach, false));
    if engineer.replaceable && engineer.reach != Reach::Any {
        let pool = layout.pool_node(&Reach::Any);
        let arc = network.add_arc(node, pool, capacity, costs.replacing);
        built.to_pool.push((from(arc), Reach::Any, true));
    }
}

/// pool → each weighted open team or group its reach allows.
fn add_pool_arcs<C: FlowCost>(built: &mut Built<C>, instance: &Instance, layout: &Layout) {
    let mut by_department: Vec<Vec<PoolTarget>> = vec![Vec::new(); instance.departments.len()];
    let weighted = layout
        .single
        .iter()
        .filter(|&&t| instance.weight[t as usize] > 0);
    for &team in weighted {
        by_department[instance.department[team as usize] as usize].push(PoolTarget::Team(team));
    }
    for (g, group) in built.groups.iter().enumerate() {
        let department = instance.department[group[0] as usize];
        by_department[department as usize].push(PoolTarget::Group(g as u32));
    }
    for reach in &layout.reaches {
        let eligible: Box<dyn Iterator<Item = PoolTarget>> = match reach {
            Reach::Any => Box::new(by_department.iter().flatten().copied()),
            Reach::Department(d) => Box::new(by_department[*d as usize].iter().copied()),
        };
        for target in eligible {
            let size = match target {
                PoolTarget::Team(_) => 1,
                PoolTarget::Group(g) => built.groups[g as usize].len() as i64,
            };
            let arc = built.network.add_arc(
                layout.pool_node(reach),
                layout.target_node(target),
                size,
                C::default(),
            );
            built.from_pool.push((*reach, target, arc));
        }
    }
}

/// team or group → sink: the first unit of each team at −W1·weight,
/// further kept units at 0; `None` if a gain does not fit in `C`.
fn add_sink_arcs<C: FlowCost + TryFrom<Cost>>(
    built: &mut Built<C>,
    instance: &Instance,
    layout: &Layout,
    levels: &Levels,
) -> Option<()> {
    let loss =
        |team: u32| C::try_from(-levels.w1 * Cost::from(instance.weight[team as usize])).ok();
    for &team in &layout.single {
        let node = layout.team_node[team as usize] as usize;
        built.network.add_arc(node, built.sink, 1, loss(team)?);
        let kept = layout.kept_into[team as usize];
        if kept > 0 {
            built.network.add_arc(node, built.sink, kept, C::default());
        }
    }
    for (g, group) in built.groups.iter().enumerate() {
        let node = layout.first_group + g;
        let size = group.len() as i64;
        built
            .network
            .add_arc(node, built.sink, size, loss(group[0])?);
    }
    Some(())
}
