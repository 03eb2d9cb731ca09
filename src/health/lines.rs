//! The reporting lines of one view, per person position: who counts,
//! their effective manager, layer and span. The same rules as the
//! metrics (docs/METRICS.md, "Who is counted" and "Reporting lines"):
//! people outside the view are skipped as if their reports rolled up to
//! the next counted manager.

use crate::metrics::{MetricsInput, View};
use crate::model::NO_PARENT;

pub(super) struct Lines {
    pub included: Vec<bool>,
    /// Nearest counted ancestor, `NO_PARENT` for a root. Also set for
    /// people outside the view: their nearest counted ancestor.
    pub parent: Vec<u32>,
    /// Layer of each counted person, roots on layer 1; 0 outside the view.
    pub layer: Vec<u32>,
    /// Counted direct reports of each counted person.
    pub span: Vec<u32>,
}

impl Lines {
    /// One top-down pass: O(people).
    pub fn of(input: &MetricsInput, view: View) -> Lines {
        let n = input.len();
        let included: Vec<bool> = input.status.iter().map(|&s| view.includes(s)).collect();
        let mut parent = vec![NO_PARENT; n];
        let mut layer = vec![0u32; n];
        let mut span = vec![0u32; n];
        for &node in input.forest.top_down() {
            let node = node as usize;
            let eff = match input.forest.parent(node as u32) {
                None => NO_PARENT,
                Some(p) if included[p as usize] => p,
                Some(p) => parent[p as usize],
            };
            parent[node] = eff;
            if !included[node] {
                continue;
            }
            if eff == NO_PARENT {
                layer[node] = 1;
            } else {
                span[eff as usize] += 1;
                layer[node] = layer[eff as usize] + 1;
            }
        }
        Lines {
            included,
            parent,
            layer,
            span,
        }
    }
}
