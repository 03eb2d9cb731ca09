//! A small min-cost flow solver: the flow of least total cost from a
//! source to a sink, of any amount (augmenting stops once no path of
//! negative cost is left), on a network whose arcs of positive capacity
//! form a DAG at the start (negative costs allowed).
//!
//! Primal–dual: initial potentials are the DAG's shortest distances (one
//! pass in topological order); then each phase runs Dijkstra on reduced
//! costs (stopping once the sink is settled, unsettled nodes taking the
//! sink's distance, which keeps every reduced cost non-negative), and
//! pushes a blocking flow (Dinic's levels and current-arc pointers) over
//! the arcs of reduced cost zero, so one phase carries every shortest
//! augmenting path of the same cost. A phase is O(E log V); the number of
//! phases is the number of distinct augmenting path costs met.
//!
//! No maintained pure-Rust crate fits: `mcmf` wraps C++ (LEMON),
//! `rs-graph` is GPL, the others run one Bellman–Ford per unit of flow.
//! petgraph 0.8 has max-flow only.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::ops::{Add, Neg, Sub};

/// An integer cost type (`i64`, `i128`).
pub trait FlowCost:
    Copy + Ord + Default + Add<Output = Self> + Sub<Output = Self> + Neg<Output = Self>
{
    const MAX: Self;
}

impl FlowCost for i64 {
    const MAX: i64 = i64::MAX;
}

impl FlowCost for i128 {
    const MAX: i128 = i128::MAX;
}

/// An arc's id, as [`Network::add_arc`] returned it.
pub type ArcId = usize;

#[derive(Debug, Clone)]
struct Arc<C> {
    to: u32,
    /// Residual capacity.
    cap: i64,
    cost: C,
}

/// A flow network under construction and, once solved, its flow.
#[derive(Debug, Clone)]
pub struct Network<C> {
    nodes: usize,
    /// Arc `2i` is the `i`-th added arc, `2i + 1` its reverse.
    arcs: Vec<Arc<C>>,
    from: Vec<u32>,
    /// Arcs leaving each node: `out[start[v]..start[v + 1]]`.
    start: Vec<u32>,
    out: Vec<u32>,
    original_cap: Vec<i64>,
}

/// Why a network cannot be solved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowError {
    /// The arcs of positive capacity have a cycle.
    NotADag,
}

impl<C: FlowCost> Network<C> {
    pub fn new(nodes: usize) -> Self {
        Network {
            nodes,
            arcs: Vec::new(),
            from: Vec::new(),
            start: Vec::new(),
            out: Vec::new(),
            original_cap: Vec::new(),
        }
    }

    pub fn with_arc_capacity(nodes: usize, arcs: usize) -> Self {
        let mut network = Network::new(nodes);
        network.arcs.reserve(2 * arcs);
        network.from.reserve(2 * arcs);
        network.original_cap.reserve(arcs);
        network
    }

    /// Adds an arc `from → to` of capacity `cap` (≥ 0) and cost per unit
    /// `cost`.
    pub fn add_arc(&mut self, from: usize, to: usize, cap: i64, cost: C) -> ArcId {
        debug_assert!(from < self.nodes && to < self.nodes && cap >= 0);
        let id = self.original_cap.len();
        self.arcs.push(Arc {
            to: to as u32,
            cap,
            cost,
        });
        self.arcs.push(Arc {
            to: from as u32,
            cap: 0,
            cost: -cost,
        });
        self.from.push(from as u32);
        self.from.push(to as u32);
        self.original_cap.push(cap);
        id
    }

    /// The flow on an arc after [`Network::solve`].
    pub fn flow(&self, arc: ArcId) -> i64 {
        self.original_cap[arc] - self.arcs[2 * arc].cap
    }

    fn index_out_arcs(&mut self) {
        let mut start = vec![0u32; self.nodes + 1];
        for &from in &self.from {
            start[from as usize + 1] += 1;
        }
        for v in 0..self.nodes {
            start[v + 1] += start[v];
        }
        let mut next = start.clone();
        let mut out = vec![0u32; self.arcs.len()];
        for (arc, &from) in self.from.iter().enumerate() {
            out[next[from as usize] as usize] = arc as u32;
            next[from as usize] += 1;
        }
        self.start = start;
        self.out = out;
    }

    fn out_arcs(&self, v: usize) -> &[u32] {
        &self.out[self.start[v] as usize..self.start[v + 1] as usize]
    }

    /// Shortest distances from `source` over arcs of positive capacity,
    /// which form a DAG (Kahn's order); `C::MAX` where unreachable.
    fn dag_distances(&self, source: usize) -> Result<Vec<C>, FlowError> {
        let mut indegree = vec![0u32; self.nodes];
        let forward = |arc: &Arc<C>| arc.cap > 0;
        for arc in self.arcs.iter().filter(|a| forward(a)) {
            indegree[arc.to as usize] += 1;
        }
        let mut queue: VecDeque<usize> = (0..self.nodes).filter(|&v| indegree[v] == 0).collect();
        let mut dist = vec![C::MAX; self.nodes];
        dist[source] = C::default();
        let mut seen = 0;
        while let Some(v) = queue.pop_front() {
            seen += 1;
            for &a in self.out_arcs(v) {
                let arc = &self.arcs[a as usize];
                if !forward(arc) {
                    continue;
                }
                let w = arc.to as usize;
                if dist[v] != C::MAX && dist[v] + arc.cost < dist[w] {
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
    pub fn solve(&mut self, source: usize, sink: usize) -> Result<(i64, C), FlowError> {
        self.index_out_arcs();
        let mut potential = self.dag_distances(source)?;
        let reachable_max = potential
            .iter()
            .copied()
            .filter(|&d| d != C::MAX)
            .max()
            .unwrap_or_default();
        // Unreachable nodes stay unreachable (no residual arc ever enters
        // them); any finite potential does.
        for p in potential.iter_mut().filter(|p| **p == C::MAX) {
            *p = reachable_max;
        }
        let mut total_flow = 0;
        let mut total_cost = C::default();
        let mut dist = vec![C::MAX; self.nodes];
        let mut level = vec![u32::MAX; self.nodes];
        let mut current = vec![0u32; self.nodes];
        while let Some(to_sink) = self.dijkstra(source, sink, &potential, &mut dist) {
            for (p, &d) in potential.iter_mut().zip(&dist) {
                *p = *p + d.min(to_sink);
            }
            let path_cost = potential[sink] - potential[source];
            if path_cost >= C::default() {
                break;
            }
            loop {
                if !self.admissible_levels(source, sink, &potential, &mut level) {
                    break;
                }
                current.copy_from_slice(&self.start[..self.nodes]);
                let pushed = self.blocking_flow(source, sink, &potential, &level, &mut current);
                if pushed == 0 {
                    break;
                }
                total_flow += pushed;
                total_cost = total_cost + scale(path_cost, pushed);
            }
        }
        Ok((total_flow, total_cost))
    }

    fn reduced(&self, arc: usize, potential: &[C]) -> C {
        let a = &self.arcs[arc];
        a.cost + potential[self.from[arc] as usize] - potential[a.to as usize]
    }

    /// Distances on reduced costs until the sink is settled; `None` if the
    /// sink cannot be reached.
    fn dijkstra(&self, source: usize, sink: usize, potential: &[C], dist: &mut [C]) -> Option<C> {
        dist.fill(C::MAX);
        dist[source] = C::default();
        let mut heap = BinaryHeap::new();
        heap.push(Reverse((C::default(), source as u32)));
        while let Some(Reverse((d, v))) = heap.pop() {
            let v = v as usize;
            if d > dist[v] {
                continue;
            }
            if v == sink {
                return Some(d);
            }
            for &a in self.out_arcs(v) {
                let a = a as usize;
                let arc = &self.arcs[a];
                if arc.cap == 0 {
                    continue;
                }
                let next = d + self.reduced(a, potential);
                let w = arc.to as usize;
                if next < dist[w] {
                    dist[w] = next;
                    heap.push(Reverse((next, w as u32)));
                }
            }
        }
        None
    }

    fn admissible(&self, arc: usize, potential: &[C]) -> bool {
        self.arcs[arc].cap > 0 && self.reduced(arc, potential) == C::default()
    }

    /// BFS levels over admissible arcs; whether the sink is reached.
    fn admissible_levels(
        &self,
        source: usize,
        sink: usize,
        potential: &[C],
        level: &mut [u32],
    ) -> bool {
        level.fill(u32::MAX);
        level[source] = 0;
        let mut queue = VecDeque::from([source]);
        while let Some(v) = queue.pop_front() {
            for &a in self.out_arcs(v) {
                let w = self.arcs[a as usize].to as usize;
                if level[w] == u32::MAX && self.admissible(a as usize, potential) {
                    level[w] = level[v] + 1;
                    queue.push_back(w);
                }
            }
        }
        level[sink] != u32::MAX
    }

    /// Augments along admissible level-increasing paths until none is
    /// left (iterative DFS with current-arc pointers); returns the amount.
    fn blocking_flow(
        &mut self,
        source: usize,
        sink: usize,
        potential: &[C],
        level: &[u32],
        current: &mut [u32],
    ) -> i64 {
        let mut pushed = 0;
        let mut path: Vec<usize> = Vec::new();
        let mut v = source;
        loop {
            if v == sink {
                let bottleneck = path.iter().map(|&a| self.arcs[a].cap).min().unwrap_or(0);
                for &a in &path {
                    self.arcs[a].cap -= bottleneck;
                    self.arcs[a ^ 1].cap += bottleneck;
                }
                pushed += bottleneck;
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
                let a = self.out[current[v] as usize] as usize;
                let w = self.arcs[a].to as usize;
                if level[w] == level[v].wrapping_add(1) && self.admissible(a, potential) {
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
                    v = self.from[a] as usize;
                    current[v] += 1;
                }
            }
        }
    }
}

/// `cost × amount` by doubling: `C` has no multiplication.
fn scale<C: FlowCost>(cost: C, amount: i64) -> C {
    let mut result = C::default();
    let mut power = cost;
    let mut left = amount;
    while left > 0 {
        if left & 1 == 1 {
            result = result + power;
        }
        left >>= 1;
        if left > 0 {
            power = power + power;
        }
    }
    result
}

#[cfg(test)]
mod tests;
