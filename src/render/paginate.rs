//! Splitting a chart into pages by subtree.
//!
//! A page shows an optional *top* box (the manager whose reports continue
//! here, repeated for context) and the subtrees of some of that manager's
//! reports (the *kids*; for the first page, the chart's roots) and as much
//! of their subtrees as still fits: managers are opened breadth-first, all
//! of one manager's reports at a time. Every manager drawn closed gets a
//! "continued on page N" marker, and their reports become later pages,
//! recursively. When even the kids alone (one
//! level) do not fit, they are split into consecutive runs, one page each
//! ("part 2 of 3").
//!
//! Pages are numbered in breadth-first order: page 1 is the top of the tree
//! and a continued subtree always comes after the page that points to it.
//! Every person of the chart is drawn below the top on exactly one page.

use super::scene::Chart;
use std::collections::VecDeque;

/// One planned page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PagePlan {
    /// The manager repeated at the top, if this page continues a subtree.
    pub top: Option<u32>,
    /// The page (0-based) where `top` is drawn with its marker.
    pub from: Option<usize>,
    /// Part `.0` of `.1` when the top's reports are split over pages.
    pub part: (usize, usize),
    /// Chart nodes to draw, parents before reports (`top` first if any).
    pub nodes: Vec<u32>,
    /// Nodes drawn here whose reports continue on pages `.1..=.2` (0-based).
    pub continued: Vec<(u32, usize, usize)>,
}

/// After this many managers in a row whose reports did not fit, a page
/// stops trying (each try lays the page out again).
const MAX_MISSES: usize = 16;

struct Unit {
    top: Option<u32>,
    kids: Vec<u32>,
    from: Option<usize>,
    part: (usize, usize),
}

/// `top` (if any) followed by `kids`.
fn collect(top: Option<u32>, kids: &[u32]) -> Vec<u32> {
    let mut nodes = Vec::with_capacity(kids.len() + 1);
    nodes.extend(top);
    nodes.extend_from_slice(kids);
    nodes
}

/// Splits `kids` into consecutive runs that each fit on a page (with
/// `top`) at one level; a run has at least one kid.
fn split(top: Option<u32>, kids: &[u32], fits: &dyn Fn(&[u32]) -> bool) -> Vec<Vec<u32>> {
    let fits_run = |run: &[u32]| fits(&collect(top, run));
    if fits_run(kids) {
        return vec![kids.to_vec()];
    }
    let mut runs = Vec::new();
    let mut start = 0;
    while start < kids.len() {
        // Grow the run exponentially, then binary search its end.
        let mut good = start + 1;
        let mut probe = start + 2;
        while probe <= kids.len() && fits_run(&kids[start..probe]) {
            good = probe;
            probe = start + 2 * (probe - start);
        }
        let mut bad = probe.min(kids.len() + 1);
        while bad - good > 1 {
            let mid = (good + bad) / 2;
            if fits_run(&kids[start..mid]) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        runs.push(kids[start..good].to_vec());
        start = good;
    }
    runs
}

/// Plans the pages of `chart`. `fits(nodes)` says whether a drawing of
/// those nodes fits on a page; `cap` is a number of boxes that can never
/// fit, which bounds the work spent on each page.
pub(crate) fn plan(chart: &Chart, fits: &dyn Fn(&[u32]) -> bool, cap: usize) -> Vec<PagePlan> {
    let fits = |nodes: &[u32]| nodes.len() <= cap && fits(nodes);
    let mut queue: VecDeque<Unit> = VecDeque::new();
    let mut queued = 0usize;
    let roots = chart.forest.roots();
    if roots.is_empty() {
        return vec![PagePlan {
            top: None,
            from: None,
            part: (1, 1),
            nodes: Vec::new(),
            continued: Vec::new(),
        }];
    }
    let mut push_units = |queue: &mut VecDeque<Unit>, top: Option<u32>, kids: &[u32], from| {
        let runs = split(top, kids, &fits);
        let first = queued;
        let total = runs.len();
        for (i, kids) in runs.into_iter().enumerate() {
            queue.push_back(Unit {
                top,
                kids,
                from,
                part: (i + 1, total),
            });
        }
        queued += total;
        (first, queued - 1)
    };
    push_units(&mut queue, None, roots, None);
    let mut pages = Vec::new();
    while let Some(unit) = queue.pop_front() {
        let index = pages.len();
        // Open up managers breadth-first, all of one manager's reports at
        // a time, while the page still fits; whoever stays closed continues
        // on later pages.
        let mut nodes = collect(unit.top, &unit.kids);
        let mut frontier: VecDeque<u32> = unit
            .kids
            .iter()
            .copied()
            .filter(|&v| !chart.forest.children(v).is_empty())
            .collect();
        let mut cut = Vec::new();
        let mut misses = 0;
        while let Some(v) = frontier.pop_front() {
            let reports = chart.forest.children(v);
            if misses >= MAX_MISSES || nodes.len() + reports.len() > cap {
                cut.push(v);
                continue;
            }
            let mut trial = Vec::with_capacity(nodes.len() + reports.len());
            trial.extend_from_slice(&nodes);
            trial.extend_from_slice(reports);
            if fits(&trial) {
                nodes = trial;
                misses = 0;
                frontier.extend(
                    reports
                        .iter()
                        .copied()
                        .filter(|&r| !chart.forest.children(r).is_empty()),
                );
            } else {
                cut.push(v);
                misses += 1;
            }
        }
        let mut continued = Vec::with_capacity(cut.len());
        for v in cut {
            let (first, last) =
                push_units(&mut queue, Some(v), chart.forest.children(v), Some(index));
            continued.push((v, first, last));
        }
        pages.push(PagePlan {
            top: unit.top,
            from: unit.from,
            part: unit.part,
            nodes,
            continued,
        });
    }
    pages
}
