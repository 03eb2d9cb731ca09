//! A small min-cost flow solver: the flow of least total cost from a
//! source to a sink, of any amount (augmenting stops once no path of
//! negative cost is left), on a network whose arcs of positive capacity
//! form a DAG at the start (negative costs allowed).
//!
//! Primal–dual: initial potentials come from one pass over the DAG in
//! topological order; then each phase runs Dijkstra on reduced costs from
//! the sink ([`search`]; it stops once the source and its ties are
//! settled, unsettled nodes taking the source's distance, which keeps
//! every reduced cost non-negative), and pushes a blocking flow (Dinic's
//! levels and current-arc pointers) over the arcs of reduced cost zero
//! among the settled nodes, so one phase carries every shortest
//! augmenting path of the same cost. A phase is O(E log V); the number of
//! phases is the number of distinct augmenting path costs met.
//!
//! Arcs are laid out per tail node and each carries its reverse's
//! capacity and cost, so every walk over a node's arcs is one sequential
//! read. At 1M people these layouts, the search from the sink and `i64`
//! costs (see `network.rs`) took `weight people` with `allow_replace`
//! from 3.9 s to about 1 s.
//!
//! No maintained pure-Rust crate fits: `mcmf` wraps C++ (LEMON),
//! `rs-graph` is GPL, the others run one Bellman–Ford per unit of flow.
//! petgraph 0.8 has max-flow only.

mod search;

use search::Search;
use std::collections::VecDeque;
use std::ops::{Add, Neg, Sub};

/// An integer cost type (`i64`, `i128`).
pub trait FlowCost:
    Copy + Ord + Default + Add<Output = Self> + Sub<Output = Self> + Neg<Output = Self>
{
    const MAX: Self;

    /// The cost as an `i128`, in which totals are summed.
    fn wide(self) -> i128;
}

impl FlowCost for i64 {
    const MAX: i64 = i64::MAX;

    fn wide(self) -> i128 {
        i128::from(self)
    }
}

impl FlowCost for i128 {
    const MAX: i128 = i128::MAX;

    fn wide(self) -> i128 {
        self
    }
}

/// An arc's id, as [`Network::add_arc`] returned it.
pub type ArcId = usize;

#[derive(Debug, Clone)]
struct Arc<C> {
    to: u32,
    /// The position of the reverse arc.
    rev: u32,
    /// Residual capacity.
    cap: i32,
    /// This arc's and its reverse's residual capacities summed (constant):
    /// a search walking arcs backwards reads the reverse's capacity
    /// (`pair - cap`) and cost (`-cost`) here, without a second lookup.
    pair: i32,
    cost: C,
}

/// A flow network under construction and, once solved, its flow.
///
/// Arcs are kept as added until [`Network::solve`], which lays them out
/// per tail node (each node's arcs contiguous, the reverse arcs among
/// them): every search walks a node's arcs in one sequential read, which
/// is what keeps a phase cheap at a million people.
#[derive(Debug, Clone)]
pub struct Network<C> {
    nodes: usize,
    /// Arcs as added: tail, head, capacity, cost.
    added: Vec<(u32, u32, i64, C)>,
    /// Residual arcs, grouped by tail: `arcs[start[v]..start[v + 1]]`.
    arcs: Vec<Arc<C>>,
    start: Vec<u32>,
    /// Where each added arc ended up in `arcs`.
    position: Vec<u32>,
}

/// Why a network cannot be solved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowError {
    /// The arcs of positive capacity have a cycle.
    NotADag,
    /// An arc's capacity is above `i32::MAX`.
    CapacityTooLarge,
}

impl<C: FlowCost> Network<C> {
    pub fn new(nodes: usize) -> Self {
        Network {
            nodes,
            added: Vec::new(),
            arcs: Vec::new(),
            start: Vec::new(),
            position: Vec::new(),
        }
    }

    pub fn with_arc_capacity(nodes: usize, arcs: usize) -> Self {
        let mut network = Network::new(nodes);
        network.added.reserve(arcs);
        network
    }

    /// Adds an arc `from → to` of capacity `cap` (≥ 0) and cost per unit
    /// `cost`.
    pub fn add_arc(&mut self, from: usize, to: usize, cap: i64, cost: C) -> ArcId {
        debug_assert!(from < self.nodes && to < self.nodes && cap >= 0);
        self.added.push((from as u32, to as u32, cap, cost));
        self.added.len() - 1
    }

    /// The flow on an arc after [`Network::solve`].
    pub fn flow(&self, arc: ArcId) -> i64 {
        let original = self.added[arc].2;
        match self.position.get(arc) {
            Some(&at) => original - i64::from(self.arcs[at as usize].cap),
            None => 0,
        }
    }

    /// Lays the added arcs and their reverses out per tail node.
    fn index_out_arcs(&mut self) -> Result<(), FlowError> {
        let mut start = vec![0u32; self.nodes + 1];
        for &(from, to, _, _) in &self.added {
            start[from as usize + 1] += 1;
            start[to as usize + 1] += 1;
        }
        for v in 0..self.nodes {
            start[v + 1] += start[v];
        }
        let mut next = start.clone();
        let placeholder = Arc {
            to: 0,
            rev: 0,
            cap: 0,
            pair: 0,
            cost: C::default(),
        };
        let mut arcs = vec![placeholder; 2 * self.added.len()];
        let mut position = Vec::with_capacity(self.added.len());
        for &(from, to, cap, cost) in &self.added {
            let cap = i32::try_from(cap).map_err(|_| FlowError::CapacityTooLarge)?;
            let forward = next[from as usize];
            next[from as usize] += 1;
            let backward = next[to as usize];
            next[to as usize] += 1;
            arcs[forward as usize] = Arc {
                to,
                rev: backward,
                cap,
                pair: cap,
                cost,
            };
            arcs[backward as usize] = Arc {
                to: from,
                rev: forward,
                cap: 0,
                pair: cap,
                cost: -cost,
            };
            position.push(forward);
        }
        self.start = start;
        self.arcs = arcs;
        self.position = position;
        Ok(())
    }

    fn out_arcs(&self, v: usize) -> std::ops::Range<usize> {
        self.start[v] as usize..self.start[v + 1] as usize
    }

    /// Initial potentials: per node, the least cost of a path over arcs of
    /// positive capacity ending there, starting anywhere (so at most 0),
    /// found in the DAG's order (Kahn's). Every arc of positive capacity
    /// has a non-negative reduced cost under them, including arcs the
    /// source cannot reach, which the search from the sink still walks.
    fn initial_potentials(&self) -> Result<Vec<C>, FlowError> {
        let mut indegree = vec![0u32; self.nodes];
        let forward = |arc: &Arc<C>| arc.cap > 0;
        for arc in self.arcs.iter().filter(|a| forward(a)) {
            indegree[arc.to as usize] += 1;
        }
        let mut queue: VecDeque<usize> = (0..self.nodes).filter(|&v| indegree[v] == 0).collect();
        let mut dist = vec![C::default(); self.nodes];
        let mut seen = 0;
        while let Some(v) = queue.pop_front() {
            seen += 1;
            for a in self.out_arcs(v) {
                let arc = &self.arcs[a];
                if !forward(arc) {
                    continue;
                }
                let w = arc.to as usize;
                if dist[v] + arc.cost < dist[w] {
                    dist[w] = dist[v] + arc.cost;
                }
                indegree[w] -= 1;
                if indegree[w] == 0 {
                    queue.push_back(w);
                }
            }
        }
        if seen < self.nodes {
            return Err(FlowError::NotADag);
        }
        Ok(dist)
    }

    /// Sends the flow of least cost from `source` to `sink`, any amount;
    /// returns the amount and its total cost.
    pub fn solve(&mut self, source: usize, sink: usize) -> Result<(i64, i128), FlowError> {
        self.index_out_arcs()?;
        let mut potential = self.initial_potentials()?;
        let mut total_flow = 0;
        let mut total_cost = 0i128;
        let mut level = vec![u32::MAX; self.nodes];
        let mut current = vec![0u32; self.nodes];
        let mut region = vec![0u32; self.nodes];
        let mut queue = VecDeque::new();
        let mut search = Search::new(self.nodes);
        let mut phase = 0;
        while let Some(found) = search.run(self, (source, sink), &potential) {
            search.shift(&mut potential, found);
            phase += 1;
            for &v in &search.settled {
                region[v as usize] = phase;
            }
            let path_cost = potential[sink] - potential[source];
            if path_cost >= C::default() {
                break;
            }
            let shortest = ShortestPaths {
                ends: (source, sink),
                potential: &potential,
                region: (&region, phase),
            };
            while self.levels_to_sink(&shortest, &mut level, &mut queue) {
                current.copy_from_slice(&self.start[..self.nodes]);
                let pushed = self.blocking_flow(&shortest, &level, &mut current);
                if pushed == 0 {
                    break;
                }
                total_flow += pushed;
                total_cost += path_cost.wide() * i128::from(pushed);
            }
        }
        Ok((total_flow, total_cost))
    }

    /// The reduced cost of `arc`, which leaves `from`.
    fn reduced(&self, from: usize, arc: usize, potential: &[C]) -> C {
        let a = &self.arcs[arc];
        a.cost + potential[from] - potential[a.to as usize]
    }

    fn admissible(&self, from: usize, arc: usize, potential: &[C]) -> bool {
        self.arcs[arc].cap > 0 && self.reduced(from, arc, potential) == C::default()
    }

    /// BFS levels towards the sink over admissible arcs inside the
    /// phase's region (which holds every shortest augmenting path);
    /// whether the source is reached.
    fn levels_to_sink(
        &self,
        shortest: &ShortestPaths<C>,
        level: &mut [u32],
        queue: &mut VecDeque<usize>,
    ) -> bool {
        let (source, sink) = shortest.ends;
        let (region, phase) = shortest.region;
        level.fill(u32::MAX);
        level[sink] = 0;
        queue.clear();
        queue.push_back(sink);
        while let Some(v) = queue.pop_front() {
            if v == source {
                continue;
            }
            for b in self.out_arcs(v) {
                let arc = &self.arcs[b];
                let u = arc.to as usize;
                if level[u] != u32::MAX || region[u] != phase {
                    continue;
                }
                // The reverse of `b`, from `u` into `v`, read from `b`.
                let reduced = -arc.cost + shortest.potential[u] - shortest.potential[v];
                if arc.pair > arc.cap && reduced == C::default() {
                    level[u] = level[v] + 1;
                    queue.push_back(u);
                }
            }
        }
        level[source] != u32::MAX
    }

    /// Augments along admissible paths whose level falls by one at each
    /// arc until none is left (iterative DFS with current-arc pointers);
    /// returns the amount.
    fn blocking_flow(
        &mut self,
        shortest: &ShortestPaths<C>,
        level: &[u32],
        current: &mut [u32],
    ) -> i64 {
        let (source, sink) = shortest.ends;
        let potential = shortest.potential;
        let mut pushed = 0;
        let mut path: Vec<usize> = Vec::new();
        let mut v = source;
        loop {
            if v == sink {
                let bottleneck = path.iter().map(|&a| self.arcs[a].cap).min().unwrap_or(0);
                for &a in &path {
                    self.arcs[a].cap -= bottleneck;
                    let rev = self.arcs[a].rev as usize;
                    self.arcs[rev].cap += bottleneck;
                }
                pushed += i64::from(bottleneck);
                // Retreat to the tail of the first saturated arc.
                let first_full = path
                    .iter()
                    .position(|&a| self.arcs[a].cap == 0)
                    .unwrap_or(0);
                path.truncate(first_full);
                v = path.last().map_or(source, |&a| self.arcs[a].to as usize);
                continue;
            }
            let end = self.start[v + 1];
            let mut advanced = false;
            while current[v] < end {
                let a = current[v] as usize;
                let w = self.arcs[a].to as usize;
                if level[w].wrapping_add(1) == level[v] && self.admissible(v, a, potential) {
                    path.push(a);
                    v = w;
                    advanced = true;
                    break;
                }
                current[v] += 1;
            }
            if advanced {
                continue;
            }
            // Dead end: nothing more goes through v in this level graph.
            match path.pop() {
                None => return pushed,
                Some(a) => {
                    v = self.arcs[self.arcs[a].rev as usize].to as usize;
                    current[v] += 1;
                }
            }
        }
    }
}

/// What a phase's augmenting runs on: the ends, the shifted potentials
/// and the region (nodes marked with the phase's number).
struct ShortestPaths<'p, C> {
    ends: (usize, usize),
    potential: &'p [C],
    region: (&'p [u32], u32),
}

#[cfg(test)]
mod tests;
