//! A compact, index-based snapshot of a solid-line reporting forest.
//!
//! Metrics and layout walk the forest many times; a flat parent array plus
//! children in CSR form keeps those walks linear and cache-friendly, which a
//! pointer-chasing graph traversal at a million nodes is not.

/// Marks a root in a parent array.
pub const NO_PARENT: u32 = u32::MAX;

#[derive(Debug, Clone, PartialEq, Eq)]
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
        let n = parent.len();
        let mut child_count = vec![0u32; n + 1];
        for (node, &p) in parent.iter().enumerate() {
            if p != NO_PARENT {
                if p as usize >= n || p as usize == node {
                    return Err(vec![node as u32]);
                }
                child_count[p as usize] += 1;
            }
        }
        let mut child_start = vec![0u32; n + 1];
        for i in 0..n {
            child_start[i + 1] = child_start[i] + child_count[i];
        }
        let mut fill = child_start.clone();
        let mut children = vec![0u32; child_start[n] as usize];
        let mut roots = Vec::new();
        for (node, &p) in parent.iter().enumerate() {
            if p == NO_PARENT {
                roots.push(node as u32);
            } else {
                let slot = &mut fill[p as usize];
                children[*slot as usize] = node as u32;
                *slot += 1;
            }
        }
        let mut top_down = Vec::with_capacity(n);
        top_down.extend_from_slice(&roots);
        let mut head = 0;
        while head < top_down.len() {
            let node = top_down[head] as usize;
            head += 1;
            let range = child_start[node] as usize..child_start[node + 1] as usize;
            top_down.extend_from_slice(&children[range]);
        }
        let forest = Forest {
            parent,
            child_start,
            children,
            roots,
            top_down,
        };
        if forest.top_down.len() < n {
            return Err(forest.find_cycle());
        }
        Ok(forest)
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

    #[test]
    fn refuses_self_parent_and_out_of_range() {
        assert_eq!(Forest::from_parents(vec![0]), Err(vec![0]));
        assert_eq!(Forest::from_parents(vec![NO_PARENT, 7]), Err(vec![1]));
    }
}
