//! One phase's shortest augmenting distance: a Dijkstra from the sink
//! over residual arcs taken backwards, on reduced costs.
//!
//! Why from the sink: on the placement network every engineer with spare
//! load sits at distance zero from the source, and from them every pool
//! and every open team, so a search from the source settles nearly the
//! whole network in every phase. From the sink, the arcs of the teams
//! being covered this phase are the cheap ones (other weights differ by
//! whole W1 units), so the search settles only the nodes that can still
//! reach them cheaply. At 1M people with `weight people` and
//! `allow_replace` (29 phases) the early phases settle 45–6,000 nodes of
//! 171k from the sink against nearly all of them from the source.
//!
//! Most arcs have reduced cost zero, so nodes reached at the distance
//! being settled skip the heap (a stack holds them).

use super::{FlowCost, Network};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The search's state, reused across phases.
pub(super) struct Search<C> {
    /// Reduced distance to the sink; `C::MAX` where not reached.
    pub dist: Vec<C>,
    heap: BinaryHeap<Reverse<(C, u32)>>,
    /// Nodes reached at exactly `current`, the distance being settled.
    same: Vec<u32>,
    current: C,
    /// Nodes settled at a distance no greater than the source's: they
    /// hold every shortest augmenting path.
    pub settled: Vec<u32>,
}

impl<C: FlowCost> Search<C> {
    pub fn new(nodes: usize) -> Self {
        Search {
            dist: vec![C::MAX; nodes],
            heap: BinaryHeap::new(),
            same: Vec::new(),
            current: C::default(),
            settled: Vec::new(),
        }
    }

    /// The reduced distance from `source` to `sink`, or `None` when no
    /// augmenting path of negative cost is left (the source is
    /// unreachable, or at least `potential[source] - potential[sink]`
    /// away). Settles every node up to that distance, ties included.
    pub fn run(
        &mut self,
        network: &Network<C>,
        (source, sink): (usize, usize),
        potential: &[C],
    ) -> Option<C> {
        self.dist.fill(C::MAX);
        self.heap.clear();
        self.same.clear();
        self.settled.clear();
        self.dist[sink] = C::default();
        self.heap.push(Reverse((C::default(), sink as u32)));
        // A path costs its reduced distance minus this.
        let limit = potential[source] - potential[sink];
        let mut found = None;
        while let Some((d, v)) = self.next() {
            match found {
                Some(found) if d > found => break,
                None if d >= limit => return None,
                _ => {}
            }
            if d > self.dist[v] {
                continue;
            }
            self.current = d;
            self.settled.push(v as u32);
            if v == source {
                // Keep settling the ties: they may lie on shortest paths.
                found = Some(d);
                continue;
            }
            self.relax_into(network, v, d, potential);
        }
        found
    }

    /// The next node to settle and its tentative distance.
    fn next(&mut self) -> Option<(C, usize)> {
        match self.same.pop() {
            Some(v) => Some((self.current, v as usize)),
            None => self.heap.pop().map(|Reverse((d, v))| (d, v as usize)),
        }
    }

    /// Relaxes the residual arcs entering `v`, settled at `d`. Each is the
    /// reverse of one of `v`'s own arcs, which holds its capacity and cost.
    fn relax_into(&mut self, network: &Network<C>, v: usize, d: C, potential: &[C]) {
        for b in network.out_arcs(v) {
            let arc = &network.arcs[b];
            if arc.pair == arc.cap {
                continue;
            }
            let u = arc.to as usize;
            let next = d - arc.cost + potential[u] - potential[v];
            if next < self.dist[u] {
                self.dist[u] = next;
                match next == d {
                    true => self.same.push(u as u32),
                    false => self.heap.push(Reverse((next, u as u32))),
                }
            }
        }
    }

    /// Shifts the potentials by the distances, capped at the source's:
    /// reduced costs stay non-negative and every arc on a shortest
    /// augmenting path gets reduced cost zero.
    pub fn shift(&self, potential: &mut [C], found: C) {
        for (p, &d) in potential.iter_mut().zip(&self.dist) {
            *p = *p - d.min(found);
        }
    }
}
