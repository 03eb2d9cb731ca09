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
//! The roots of a forest are planned department by department (in order of
//! first appearance), so the first page can group them under headings.
//!
//! Pages are numbered in breadth-first order: page 1 is the top of the tree
//! and a continued subtree always comes after the page that points to it.
//! Every person of the chart is drawn below the top on exactly one page.

use super::scene::Chart;
use std::collections::VecDeque;

/// One planned page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PagePlan {
    /// The managers repeated at the top, whose reports continue here (none
    /// on the first page).
    pub tops: Vec<u32>,
    /// The page (0-based) where the `tops` are drawn with their markers.
    pub from: Option<usize>,
    /// Part `.0` of `.1` when one manager's reports are split over pages.
    pub part: (usize, usize),
    /// Chart nodes to draw, parents before reports (`tops` first).
    pub nodes: Vec<u32>,
    /// Nodes drawn here whose reports continue on pages `.1..=.2` (0-based).
    pub continued: Vec<(u32, usize, usize)>,
}

/// After this many managers in a row whose reports did not fit, a page
/// stops trying (each try lays the page out again).
const MAX_MISSES: usize = 16;

/// A page to be filled: `tops` and, below them, `kids` and as much of the
/// kids' subtrees as fits.
struct Unit {
    tops: Vec<u32>,
    kids: Vec<u32>,
    from: Option<usize>,
    part: (usize, usize),
}

fn concat(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    out.extend_from_slice(a);
    out.extend_from_slice(b);
    out
}

/// Splits `kids` into consecutive runs that each fit on a page below
/// `tops`; a run has at least one kid.
fn split(tops: &[u32], kids: &[u32], fits: &dyn Fn(&[u32], usize) -> bool) -> Vec<Vec<u32>> {
    let fits_run = |run: &[u32]| fits(&concat(tops, run), tops.len());
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

/// `v`'s whole subtree below it, breadth-first, unless it has more than
/// `cap` people.
fn below(chart: &Chart, v: u32, cap: usize) -> Option<Vec<u32>> {
    let mut nodes: Vec<u32> = chart.forest.children(v).to_vec();
    let mut head = 0;
    while head < nodes.len() {
        if nodes.len() > cap {
            return None;
        }
        let kids = chart.forest.children(nodes[head]);
        nodes.extend_from_slice(kids);
        head += 1;
    }
    (nodes.len() <= cap).then_some(nodes)
}

/// `roots` with each department's together, departments in order of first
/// appearance (stable within one), so the first page can group them under
/// a heading each (`Drawing::grouped`).
fn by_department(chart: &Chart, roots: &[u32]) -> Vec<u32> {
    let mut order: rustc_hash::FxHashMap<Option<&str>, usize> = Default::default();
    let mut rank = Vec::with_capacity(roots.len());
    for &r in roots {
        let department = chart.labels[r as usize].department.as_deref();
        let next = order.len();
        rank.push(*order.entry(department).or_insert(next));
    }
    let mut sorted: Vec<(usize, u32)> = rank.into_iter().zip(roots.iter().copied()).collect();
    sorted.sort_by_key(|&(position, _)| position);
    sorted.into_iter().map(|(_, r)| r).collect()
}

/// Plans the pages of `chart`. `fits(nodes, tops)` says whether a drawing
/// of those nodes, the first `tops` of them repeated managers, fits on a
/// page; `cap` is a number of boxes that can never
/// fit, which bounds the work spent on each page.
pub(crate) fn plan(
    chart: &Chart,
    fits: &dyn Fn(&[u32], usize) -> bool,
    cap: usize,
) -> Vec<PagePlan> {
    let fits = |nodes: &[u32], tops: usize| nodes.len() <= cap && fits(nodes, tops);
    let roots = chart.forest.roots();
    if roots.is_empty() {
        return vec![PagePlan {
            tops: Vec::new(),
            from: None,
            part: (1, 1),
            nodes: Vec::new(),
            continued: Vec::new(),
        }];
    }
    let roots = by_department(chart, roots);
    let mut queue = Queue::default();
    let runs = split(&[], &roots, &fits);
    let total = runs.len();
    for (i, kids) in runs.into_iter().enumerate() {
        queue.push(Unit {
            tops: Vec::new(),
            kids,
            from: None,
            part: (i + 1, total),
        });
    }
    let mut pages = Vec::new();
    while let Some(unit) = queue.units.pop_front() {
        let index = pages.len();
        let (nodes, cut) = open_managers(chart, &unit, &fits, cap);
        let continued = queue.continue_later(chart, &cut, index, &fits, cap);
        pages.push(PagePlan {
            tops: unit.tops,
            from: unit.from,
            part: unit.part,
            nodes,
            continued,
        });
    }
    pages
}

/// The nodes of `unit`'s page: its tops and kids, then managers opened up
/// breadth-first, all of one manager's reports at a time, while the page
/// still fits. Returns them with the managers left closed, whose reports
/// continue on later pages.
fn open_managers(
    chart: &Chart,
    unit: &Unit,
    fits: &dyn Fn(&[u32], usize) -> bool,
    cap: usize,
) -> (Vec<u32>, Vec<u32>) {
    let mut nodes = concat(&unit.tops, &unit.kids);
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
        let trial = concat(&nodes, reports);
        if fits(&trial, unit.tops.len()) {
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
    (nodes, cut)
}

/// The pages still to fill, in page order, and how many pages have been
/// queued so far (the number of the next one queued).
#[derive(Default)]
struct Queue {
    units: VecDeque<Unit>,
    queued: usize,
}

impl Queue {
    fn push(&mut self, unit: Unit) {
        self.units.push_back(unit);
        self.queued += 1;
    }

    /// Queues the pages where the reports of the managers `cut` (closed on
    /// page `index`) continue, and returns those managers with the pages.
    /// Closed managers whose whole subtrees fit on a page share pages, as
    /// many neighbours as fit together; bigger ones get their own.
    fn continue_later(
        &mut self,
        chart: &Chart,
        cut: &[u32],
        index: usize,
        fits: &dyn Fn(&[u32], usize) -> bool,
        cap: usize,
    ) -> Vec<(u32, usize, usize)> {
        let mut continued = Vec::with_capacity(cut.len());
        let mut i = 0;
        while i < cut.len() {
            let v = cut[i];
            match sharing_a_page(chart, &cut[i..], fits, cap) {
                Some(tops) => {
                    i += tops.len();
                    for &t in &tops {
                        continued.push((t, self.queued, self.queued));
                    }
                    let kids = tops
                        .iter()
                        .flat_map(|&t| chart.forest.children(t).iter().copied())
                        .collect();
                    self.push(Unit {
                        tops,
                        kids,
                        from: Some(index),
                        part: (1, 1),
                    });
                }
                None => {
                    let runs = split(&[v], chart.forest.children(v), fits);
                    let total = runs.len();
                    continued.push((v, self.queued, self.queued + total - 1));
                    for (k, kids) in runs.into_iter().enumerate() {
                        self.push(Unit {
                            tops: vec![v],
                            kids,
                            from: Some(index),
                            part: (k + 1, total),
                        });
                    }
                    i += 1;
                }
            }
        }
        continued
    }
}

/// The managers at the start of `cut` whose whole subtrees fit on one page
/// together, as many as fit; `None` if the first one's alone does not.
fn sharing_a_page(
    chart: &Chart,
    cut: &[u32],
    fits: &dyn Fn(&[u32], usize) -> bool,
    cap: usize,
) -> Option<Vec<u32>> {
    let v = cut[0];
    let whole = below(chart, v, cap).map(|b| concat(&[v], &b));
    let mut together = whole.filter(|w| fits(w, 1))?;
    let mut tops = vec![v];
    for &w in &cut[1..] {
        let Some(more) = below(chart, w, cap) else {
            break;
        };
        let mut trial = Vec::with_capacity(together.len() + more.len() + 1);
        trial.extend_from_slice(&tops);
        trial.push(w);
        trial.extend_from_slice(&together[tops.len()..]);
        trial.extend_from_slice(&more);
        if !fits(&trial, tops.len() + 1) {
            break;
        }
        tops.push(w);
        together = trial;
    }
    Some(tops)
}
