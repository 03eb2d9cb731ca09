//! A compact, index-based snapshot of a solid-line reporting forest.
//!
//! Metrics and layout walk the forest many times; a flat parent array plus
//! children in CSR form keeps those walks linear and cache-friendly, which a
//! pointer-chasing graph traversal at a million nodes is not.

/// Marks a root in a parent array.
pub const NO_PARENT: u32 = u32::MAX;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Forest {
    parent: Vec<u32>,
    child_start: Vec<u32>,
    children: Vec<u32>,
    roots: Vec<u32>,
    /// Every node, parents before their children (breadth-first from roots).
    top_down: Vec<u32>,
}

impl Forest {
    /// Builds a forest from a parent array (`NO_PARENT` for roots). Children
    /// keep ascending index order. Fails with the nodes of one cycle if the
    /// array is not a forest, or with the bad index if a parent is out of
    /// range.
    pub fn from_parents(parent: Vec<u32>) -> Result<Forest, Vec<u32>> {
        Forest::from_parents_in(parent, Forest::default())
    }

    /// [`Forest::from_parents`] into `spare`'s buffers. A caller that builds
    /// many forests of a million nodes (one per compared scenario) reuses
    /// one: fresh buffers cost more in page faults than the passes do.
    pub fn from_parents_in(parent: Vec<u32>, spare: Forest) -> Result<Forest, Vec<u32>> {
        let Forest {
            parent: _,
            child_start: mut start,
            mut children,
            mut roots,
            mut top_down,
        } = spare;
        let n = parent.len();
        // Node p's children are counted at start[p + 2], so that after the
        // prefix sum start[p + 1] is where p's children begin; placing each
        // child advances it to where p + 1's begin, which leaves start[p]
        // as p's first child for every p, and start[n] as the total.
        start.clear();
        start.resize(n + 2, 0);
        for (node, &p) in parent.iter().enumerate() {
            if p != NO_PARENT {
                if p as usize >= n || p as usize == node {
                    return Err(vec![node as u32]);
                }
                start[p as usize + 2] += 1;
            }
        }
        for i in 2..start.len() {
            start[i] += start[i - 1];
        }
        children.clear();
        children.resize(start[n + 1] as usize, 0);
        roots.clear();
        for (node, &p) in parent.iter().enumerate() {
            if p == NO_PARENT {
                roots.push(node as u32);
            } else {
                let slot = &mut start[p as usize + 1];
                children[*slot as usize] = node as u32;
                *slot += 1;
            }
        }
        start.truncate(n + 1);
        top_down.clear();
        top_down.reserve(n);
        top_down.extend_from_slice(&roots);
        let mut head = 0;
        while head < top_down.len() {
            let node = top_down[head] as usize;
            head += 1;
            let range = start[node] as usize..start[node + 1] as usize;
            top_down.extend_from_slice(&children[range]);
        }
        let forest = Forest {
            parent,
            child_start: start,
            children,
            roots,
            top_down,
        };
        if forest.top_down.len() < n {
            return Err(forest.find_cycle());
        }
        Ok(forest)
    }

    /// The parent array's buffer, emptied, for the next
    /// [`Forest::from_parents_in`] to fill.
    pub fn take_parent_buffer(&mut self) -> Vec<u32> {
        let mut parent = std::mem::take(&mut self.parent);
        parent.clear();
        parent
    }

    /// Nodes not reachable from a root lie on or below a cycle; walk up from
    /// one of them until a node repeats.
    fn find_cycle(&self) -> Vec<u32> {
        let n = self.parent.len();
        let mut reached = vec![false; n];
        for &node in &self.top_down {
            reached[node as usize] = true;
        }
        let Some(start) = (0..n).find(|&i| !reached[i]) else {
            return Vec::new();
        };
        let mut position = vec![usize::MAX; n];
        let mut path = Vec::new();
        let mut node = start;
        while position[node] == usize::MAX {
            position[node] = path.len();
            path.push(node as u32);
            node = self.parent[node] as usize;
        }
        path.split_off(position[node])
    }

    pub fn len(&self) -> usize {
        self.parent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    pub fn parent(&self, node: u32) -> Option<u32> {
        match self.parent[node as usize] {
            NO_PARENT => None,
            p => Some(p),
        }
    }

    pub fn parents(&self) -> &[u32] {
        &self.parent
    }

    pub fn children(&self, node: u32) -> &[u32] {
        let node = node as usize;
        &self.children[self.child_start[node] as usize..self.child_start[node + 1] as usize]
    }

    pub fn child_count(&self, node: u32) -> u32 {
        let node = node as usize;
        self.child_start[node + 1] - self.child_start[node]
    }

    pub fn roots(&self) -> &[u32] {
        &self.roots
    }

    /// Every node with parents before children; reverse it for bottom-up.
    pub fn top_down(&self) -> &[u32] {
        &self.top_down
    }
}

/// Finds every cycle in a parent array and breaks each by making its first
/// member a root, so the caller can keep validating. Returns the first
/// `report_at_most` cycles. Every parent must be a position in the array.
pub(crate) fn break_cycles(parent: &mut [u32], report_at_most: usize) -> Vec<Vec<u32>> {
    const UNSEEN: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![UNSEEN; parent.len()];
    let mut cycles = Vec::new();
    let mut path = Vec::new();
    for start in 0..parent.len() {
        if state[start] != UNSEEN {
            continue;
        }
        path.clear();
        let mut node = start as u32;
        loop {
            let s = state[node as usize];
            if s == DONE {
                break;
            }
            if s == ON_PATH {
                let from = path.iter().position(|&p| p == node).unwrap_or(0);
                let cycle: Vec<u32> = path[from..].to_vec();
                if cycles.len() < report_at_most {
                    cycles.push(cycle.clone());
                }
                parent[cycle[0] as usize] = NO_PARENT;
                break;
            }
            state[node as usize] = ON_PATH;
            path.push(node);
            match parent[node as usize] {
                NO_PARENT => break,
                p => node = p,
            }
        }
        for &p in &path {
            state[p as usize] = DONE;
        }
    }
    cycles
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn builds_children_roots_and_order() {
        // 0 -> {1, 2}, 2 -> {3}, 4 alone
        let forest = Forest::from_parents(vec![NO_PARENT, 0, 0, 2, NO_PARENT]).expect("a forest");
        assert_eq!(forest.roots(), &[0, 4]);
        assert_eq!(forest.children(0), &[1, 2]);
        assert_eq!(forest.children(2), &[3]);
        assert_eq!(forest.children(3), &[] as &[u32]);
        assert_eq!(forest.top_down(), &[0, 4, 1, 2, 3]);
        assert_eq!(forest.parent(3), Some(2));
        assert_eq!(forest.parent(0), None);
    }

    #[test]
    fn reports_a_cycle() {
        // 0 root; 1 -> 2 -> 3 -> 1
        let cycle = Forest::from_parents(vec![NO_PARENT, 3, 1, 2]).expect_err("a cycle");
        let mut sorted = cycle.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![1, 2, 3]);
    }

    /// A random forest of up to `max` nodes as a parent array, its nodes
    /// numbered in random order (so parents often come after children).
    fn forests(max: usize) -> impl Strategy<Value = Vec<u32>> {
        (1..max)
            .prop_flat_map(|n| {
                let picks = proptest::collection::vec(0..=n, n);
                let order = Just((0..n as u32).collect::<Vec<u32>>()).prop_shuffle();
                (picks, order)
            })
            .prop_map(|(picks, order)| {
                // In tree order, node k's parent is an earlier node (or none
                // when the pick is k or more); `order` renames them.
                let mut parent = vec![NO_PARENT; order.len()];
                for (k, &pick) in picks.iter().enumerate() {
                    if pick < k {
                        parent[order[k] as usize] = order[pick];
                    }
                }
                parent
            })
    }

    proptest! {
        /// Building into another forest's buffers, bigger or smaller, gives
        /// the forest a fresh build gives, and both match the parents.
        #[test]
        fn a_forest_built_in_spare_buffers_is_the_fresh_one(
            parent in forests(60),
            other in forests(60),
        ) {
            let spare = Forest::from_parents(other).expect("a forest");
            let fresh = Forest::from_parents(parent.clone()).expect("a forest");
            let reused = Forest::from_parents_in(parent.clone(), spare).expect("a forest");
            prop_assert_eq!(&reused, &fresh);
            for node in 0..parent.len() as u32 {
                let children: Vec<u32> = (0..parent.len() as u32)
                    .filter(|&c| parent[c as usize] == node)
                    .collect();
                prop_assert_eq!(fresh.children(node), children.as_slice());
            }
            let mut seen = vec![false; parent.len()];
            for &node in fresh.top_down() {
                if let Some(p) = fresh.parent(node) {
                    prop_assert!(seen[p as usize], "{} before its parent {}", node, p);
                }
                seen[node as usize] = true;
            }
            prop_assert!(seen.iter().all(|&s| s));
        }
    }

    #[test]
    fn refuses_self_parent_and_out_of_range() {
        assert_eq!(Forest::from_parents(vec![0]), Err(vec![0]));
        assert_eq!(Forest::from_parents(vec![NO_PARENT, 7]), Err(vec![1]));
    }
}
