//! Compact tidy layout: wide spans of individual contributors stacked in
//! columns under their manager.
//!
//! A manager whose reports are all leaves (at least
//! [`CompactOptions::min_all_leaves`] of them), or who has at least
//! [`CompactOptions::min_mixed_leaves`] leaf reports among managers, gets
//! those leaves drawn as a *block*: 2–4 columns of boxes stacked vertically,
//! each column hanging from a connector spine along its left side. The block
//! takes part in the tidy tree ([`tidy_tree`]) as one node of its own
//! (variable) size, in the position of the manager's first leaf report, and
//! its boxes are placed inside it afterwards. Every step is linear in the
//! number of people, so the whole layout stays O(n).
//!
//! [`CompactOptions::dense`] (whole-org images) also stacks small teams
//! whole: a manager's reports that lead up to 8 leaves each go into the
//! manager's block with their teams, each team's leaves indented under
//! their lead, in balanced columns of up to 9 boxes (`stack`).
//!
//! The exports lay out everyone; the app's chart also folds managers
//! ([`compact_tree_folded`]): a folded manager is drawn, counts as a
//! manager (it is never stacked among the leaves, nor as a small team)
//! and hides its reports.

use super::stack::{self, Slot, Spacing};
use super::{tidy_tree, Layout, LayoutOptions, Size};
use crate::model::{Forest, NO_PARENT};

/// When and how leaf reports are stacked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompactOptions {
    /// A manager whose reports are all leaves stacks them from this many.
    pub min_all_leaves: usize,
    /// A manager with reports that are managers too stacks its leaf reports
    /// from this many.
    pub min_mixed_leaves: usize,
    /// At most this many columns per block.
    pub max_columns: usize,
    /// A new column is added for every this many leaves (2 columns at least).
    pub per_column: usize,
    /// Vertical gap between stacked boxes.
    pub row_gap: f32,
    /// Room left of each column for its spine and the stubs to the boxes.
    pub indent: f32,
    /// Denser stacking for whole-org images: `Some(rows)` stacks whole
    /// small teams (a manager and their leaf reports, the reports indented
    /// under the manager) beside leaves, and fills columns of about `rows`
    /// boxes, one column when a block has no more (see [`stack`]). `None`
    /// stacks leaves only, in [`max_columns`](Self::max_columns) columns.
    pub column_rows: Option<usize>,
    /// Gap between two columns of a block; `None` is the layout's sibling
    /// gap.
    pub column_gap: Option<f32>,
}

impl Default for CompactOptions {
    fn default() -> CompactOptions {
        CompactOptions {
            min_all_leaves: 4,
            min_mixed_leaves: 7,
            max_columns: 4,
            per_column: 5,
            row_gap: 10.0,
            indent: 16.0,
            column_rows: None,
            column_gap: None,
        }
    }
}

impl CompactOptions {
    /// The stacking of whole-org images: teams stacked whole, columns of up
    /// to [`DENSE_COLUMN_ROWS`] boxes, tighter gaps (each column has its
    /// own indent for its spine, so columns need little gap between them).
    pub fn dense() -> CompactOptions {
        CompactOptions {
            column_rows: Some(DENSE_COLUMN_ROWS),
            column_gap: Some(8.0),
            row_gap: 6.0,
            indent: 12.0,
            ..CompactOptions::default()
        }
    }
}

/// Rows per column of [`CompactOptions::dense`]: a team of up to 8 reports
/// is stacked whole, one column with its manager. Measured on generated
/// orgs of 20,000 people (area per person of the folded chart): 9 rows
/// 40k px², 10 rows 42k, 12 rows 45k (longer columns leave more of each
/// column empty, as teams are not split), 8 rows 55k (teams of 8 are not
/// stacked whole).
pub const DENSE_COLUMN_ROWS: usize = 9;

/// A layout plus, for every box stacked in a block, the x of the spine it
/// hangs from (NaN for boxes placed by the tidy tree itself).
#[derive(Debug, Clone, PartialEq)]
pub struct CompactLayout {
    pub layout: Layout,
    pub spine: Vec<f32>,
}

impl CompactLayout {
    /// Whether node `v` is drawn in a stacked block.
    pub fn is_stacked(&self, v: u32) -> bool {
        !self.spine[v as usize].is_nan()
    }
}

const NONE: u32 = u32::MAX;

pub(crate) fn sanitize(length: f32) -> f32 {
    if length.is_finite() {
        length.max(0.0)
    } else {
        0.0
    }
}

/// Lays out `forest` (every node visible) with leaf groups stacked as
/// described in the module docs; `compact == None` is the plain
/// [`tidy_tree`]. The output is indexed like the forest.
///
/// # Panics
///
/// If `sizes.len()` differs from `forest.len()`.
pub fn compact_tree(
    forest: &Forest,
    sizes: &[Size],
    options: &LayoutOptions,
    compact: Option<&CompactOptions>,
) -> CompactLayout {
    compact_tree_folded(forest, sizes, &[], options, compact)
}

/// [`compact_tree`] with `collapsed[i] == true` drawing node `i` but hiding
/// its descendants (an empty slice folds nothing). Hidden nodes get NaN
/// positions and `visible == false`, as in [`tidy_tree`].
///
/// # Panics
///
/// If `sizes.len()` differs from `forest.len()`, or `collapsed` is neither
/// empty nor `forest.len()` long.
pub fn compact_tree_folded(
    forest: &Forest,
    sizes: &[Size],
    collapsed: &[bool],
    options: &LayoutOptions,
    compact: Option<&CompactOptions>,
) -> CompactLayout {
    let n = forest.len();
    assert_eq!(sizes.len(), n, "compact_tree needs one size per node");
    assert!(
        collapsed.is_empty() || collapsed.len() == n,
        "compact_tree needs no collapsed flags or one per node"
    );
    let Some(compact) = compact else {
        let layout = tidy_tree(forest, sizes, collapsed, options);
        return CompactLayout {
            layout,
            spine: vec![f32::NAN; n],
        };
    };
    let spacing = Spacing {
        gap: sanitize(compact.column_gap.unwrap_or(options.sibling_gap)),
        row_gap: sanitize(compact.row_gap),
        indent: sanitize(compact.indent),
    };
    let reduced = reduce(forest, sizes, collapsed, compact, &spacing);
    let forest_of_units =
        Forest::from_parents(reduced.parents).expect("a sub-forest of a forest is a forest");
    let placed = tidy_tree(&forest_of_units, &reduced.sizes, &[], options);
    let mut layout = expand(&reduced.new_of, &placed, sizes);
    let mut spine = vec![f32::NAN; n];
    for (node, range) in &reduced.blocks {
        let (bx, by) = (
            f64::from(placed.x[*node as usize]),
            f64::from(placed.y[*node as usize]),
        );
        for slot in &reduced.slots[range.clone()] {
            let m = slot.node as usize;
            layout.x[m] = (bx + slot.dx) as f32;
            layout.y[m] = (by + slot.dy) as f32;
            layout.visible[m] = true;
            spine[m] = (bx + slot.spine) as f32;
        }
    }
    CompactLayout { layout, spine }
}

/// The forest the tidy tree lays out: every unstacked visible node, plus
/// one node per block of stacked reports.
struct Reduced {
    /// Each original node's index in the reduced forest (`NONE` if hidden
    /// or stacked in a block).
    new_of: Vec<u32>,
    parents: Vec<u32>,
    sizes: Vec<Size>,
    /// The boxes of every block, relative to the block's corner.
    slots: Vec<Slot>,
    /// Each block's node in the reduced forest and its run of `slots`.
    blocks: Vec<(u32, std::ops::Range<usize>)>,
}

/// Builds the reduced forest breadth-first, so each node's children get
/// consecutive new indices in report order (the block where the first
/// stacked report was) and `Forest::from_parents` keeps that order.
fn reduce(
    forest: &Forest,
    sizes: &[Size],
    collapsed: &[bool],
    compact: &CompactOptions,
    spacing: &Spacing,
) -> Reduced {
    let n = forest.len();
    let folded = |v: u32| collapsed.get(v as usize).copied().unwrap_or(false);
    let mut out = Reduced {
        new_of: vec![NONE; n],
        parents: Vec::with_capacity(n),
        sizes: Vec::with_capacity(n),
        slots: Vec::new(),
        blocks: Vec::new(),
    };
    let mut queue: Vec<u32> = Vec::with_capacity(n);
    for &root in forest.roots() {
        out.new_of[root as usize] = out.parents.len() as u32;
        out.parents.push(NO_PARENT);
        out.sizes.push(sizes[root as usize]);
        queue.push(root);
    }
    let mut units: Vec<u32> = Vec::new();
    let mut in_block = vec![false; n];
    let mut head = 0;
    while head < queue.len() {
        let v = queue[head];
        head += 1;
        let kids = if folded(v) {
            &[][..]
        } else {
            forest.children(v)
        };
        stacked_reports(forest, kids, &folded, compact, &mut units);
        for &u in &units {
            in_block[u as usize] = true;
        }
        let mut block_made = false;
        for &c in kids {
            if in_block[c as usize] {
                if !block_made {
                    block_made = true;
                    let start = out.slots.len();
                    let size = match compact.column_rows {
                        Some(rows) => {
                            stack::units(forest, &units, sizes, rows, spacing, &mut out.slots)
                        }
                        None => stack::uniform(&units, sizes, compact, spacing, &mut out.slots),
                    };
                    out.blocks
                        .push((out.parents.len() as u32, start..out.slots.len()));
                    out.parents.push(out.new_of[v as usize]);
                    out.sizes.push(size);
                }
            } else {
                out.new_of[c as usize] = out.parents.len() as u32;
                out.parents.push(out.new_of[v as usize]);
                out.sizes.push(sizes[c as usize]);
                queue.push(c);
            }
        }
    }
    out
}

/// The tidy tree's positions of the reduced forest carried back to the
/// original nodes, with their own sizes; stacked and hidden nodes are left
/// NaN and invisible.
fn expand(new_of: &[u32], placed: &Layout, sizes: &[Size]) -> Layout {
    let n = new_of.len();
    let mut x = vec![f32::NAN; n];
    let mut y = vec![f32::NAN; n];
    let mut visible = vec![false; n];
    for v in 0..n {
        let w = new_of[v];
        if w != NONE {
            x[v] = placed.x[w as usize];
            y[v] = placed.y[w as usize];
            visible[v] = true;
        }
    }
    Layout {
        x,
        y,
        width: sizes.iter().map(|s| sanitize(s.width)).collect(),
        height: sizes.iter().map(|s| sanitize(s.height)).collect(),
        visible,
        bounds: placed.bounds,
    }
}

/// The reports among `kids` that go into their manager's block, in report
/// order, into `out`; empty when none are stacked. Leaves are stacked from
/// `min_all_leaves` when every report is one, from `min_mixed_leaves`
/// beside managers; with [`CompactOptions::column_rows`], small whole teams
/// (see [`stack::is_small_team`]) are stacked too, as soon as there is one.
fn stacked_reports(
    forest: &Forest,
    kids: &[u32],
    folded: &dyn Fn(u32) -> bool,
    compact: &CompactOptions,
    out: &mut Vec<u32>,
) {
    out.clear();
    // A folded lead hides their team, so it is laid out as a manager.
    let small_team = |c: u32, rows| !folded(c) && stack::is_small_team(forest, c, rows);
    let is_leaf = |v: u32| forest.children(v).is_empty();
    let leaves = kids.iter().filter(|&&c| is_leaf(c)).count();
    let teams = match compact.column_rows {
        Some(rows) => kids.iter().filter(|&&c| small_team(c, rows)).count(),
        None => 0,
    };
    let stack = teams > 0
        || (leaves >= compact.min_all_leaves.max(1)
            && (leaves == kids.len() || leaves >= compact.min_mixed_leaves.max(1)));
    if !stack {
        return;
    }
    let stackable =
        |c: u32| is_leaf(c) || compact.column_rows.is_some_and(|rows| small_team(c, rows));
    out.extend(kids.iter().copied().filter(|&c| stackable(c)));
}

/// The first pair of visible boxes that overlap (share interior area), if
/// any. Sorts by x and sweeps, so it is fast unless many boxes share an x
/// range.
pub fn first_overlap(layout: &Layout) -> Option<(u32, u32)> {
    let mut order: Vec<u32> = (0..layout.len() as u32)
        .filter(|&v| layout.visible[v as usize])
        .collect();
    order.sort_by(|&a, &b| layout.x[a as usize].total_cmp(&layout.x[b as usize]));
    const EPS: f32 = 1e-3;
    for (k, &a) in order.iter().enumerate() {
        let a_ = a as usize;
        let right = layout.x[a_] + layout.width[a_];
        for &b in &order[k + 1..] {
            let b_ = b as usize;
            if layout.x[b_] >= right - EPS {
                break;
            }
            let (top, bottom) = (layout.y[a_], layout.y[a_] + layout.height[a_]);
            let (b_top, b_bottom) = (layout.y[b_], layout.y[b_] + layout.height[b_]);
            let degenerate = layout.width[a_] <= EPS
                || layout.width[b_] <= EPS
                || layout.height[a_] <= EPS
                || layout.height[b_] <= EPS;
            if !degenerate && b_top < bottom - EPS && top < b_bottom - EPS {
                return Some((a.min(b), a.max(b)));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const BOX: Size = Size::new(180.0, 64.0);

    fn forest(parents: &[u32]) -> Forest {
        Forest::from_parents(parents.to_vec()).expect("test parents form a forest")
    }

    fn layout(parents: &[u32], compact: bool) -> CompactLayout {
        let f = forest(parents);
        let sizes = vec![BOX; f.len()];
        compact_tree(
            &f,
            &sizes,
            &LayoutOptions::default(),
            compact.then(CompactOptions::default).as_ref(),
        )
    }

    #[test]
    fn forty_leaf_reports_stay_a_few_boxes_wide() {
        let mut parents = vec![NO_PARENT];
        parents.extend(std::iter::repeat_n(0, 40));
        let wide = layout(&parents, false);
        let compact = layout(&parents, true);
        assert!(wide.layout.bounds.width() > 40.0 * BOX.width);
        let width = compact.layout.bounds.width();
        assert!(
            width <= 5.0 * BOX.width,
            "40 stacked reports are {width} px wide"
        );
        assert_eq!(first_overlap(&compact.layout), None);
        // Four columns of ten, every report stacked and below the manager.
        let columns: std::collections::BTreeSet<u32> =
            (1..41).map(|v| compact.layout.x[v].to_bits()).collect();
        assert_eq!(columns.len(), 4);
        for v in 1..41u32 {
            assert!(compact.is_stacked(v));
            assert!(compact.layout.y[v as usize] >= BOX.height + 48.0 - 1e-3);
            assert!(compact.spine[v as usize] < compact.layout.x[v as usize]);
        }
        assert!(!compact.is_stacked(0));
        // Reading order goes down the first column first.
        assert_eq!(compact.layout.x[1], compact.layout.x[10]);
        assert!(compact.layout.y[2] > compact.layout.y[1]);
        assert!(compact.layout.x[11] > compact.layout.x[10]);
    }

    #[test]
    fn mixed_reports_stack_only_many_leaves() {
        // 0 has managers 1 and 2 (each with 2 leaves) and leaves 3..=10.
        let mut parents = vec![NO_PARENT, 0, 0];
        parents.extend(std::iter::repeat_n(0, 8));
        parents.extend([1, 1, 2, 2]);
        let placed = layout(&parents, true);
        assert_eq!(first_overlap(&placed.layout), None);
        for v in 3..=10 {
            assert!(placed.is_stacked(v), "leaf {v} is stacked");
        }
        for v in [0, 1, 2, 11, 12, 13, 14] {
            assert!(!placed.is_stacked(v), "{v} is placed by the tidy tree");
        }
        // A manager with only 3 leaf reports and managers beside does not stack.
        let parents = [NO_PARENT, 0, 0, 0, 0, 1];
        let placed = layout(&parents, true);
        assert!((0..6).all(|v| !placed.is_stacked(v)));
    }

    #[test]
    fn compact_off_is_the_tidy_tree() {
        let parents = [NO_PARENT, 0, 0, 0, 0, 0, 1];
        let f = forest(&parents);
        let sizes = vec![BOX; f.len()];
        let plain = tidy_tree(&f, &sizes, &[], &LayoutOptions::default());
        assert_eq!(layout(&parents, false).layout, plain);
    }

    #[test]
    fn overlap_helper_finds_overlaps() {
        let mut l = layout(&[NO_PARENT, 0, 0], false).layout;
        assert_eq!(first_overlap(&l), None);
        l.x[2] = l.x[1] + 10.0;
        l.y[2] = l.y[1] + 10.0;
        assert_eq!(first_overlap(&l), Some((1, 2)));
    }

    #[test]
    fn folded_managers_are_never_stacked_and_hide_their_reports() {
        // 0 has leaves 1..=6 and managers 7, 8 (each with two leaves);
        // 7 is folded.
        let mut parents = vec![NO_PARENT];
        parents.extend(std::iter::repeat_n(0, 8));
        parents.extend([7, 7, 8, 8]);
        let f = forest(&parents);
        let sizes = vec![BOX; f.len()];
        let mut collapsed = vec![false; f.len()];
        collapsed[7] = true;
        let placed = compact_tree_folded(
            &f,
            &sizes,
            &collapsed,
            &LayoutOptions::default(),
            Some(&CompactOptions {
                min_mixed_leaves: 6,
                ..CompactOptions::default()
            }),
        );
        let l = &placed.layout;
        assert_eq!(first_overlap(l), None);
        assert!((1..=6).all(|v| placed.is_stacked(v)));
        assert!(!placed.is_stacked(7), "a folded manager is still a manager");
        assert!(l.visible[7] && l.x[7].is_finite());
        for v in [9, 10] {
            assert!(!l.visible[v] && l.x[v].is_nan() && placed.spine[v].is_nan());
        }
        assert!(l.visible[11] && l.visible[12]);
        // Nothing folded is the export layout.
        let whole = compact_tree_folded(&f, &sizes, &[], &LayoutOptions::default(), None);
        assert_eq!(whole.layout, layout(&parents, false).layout);
    }

    fn arb_forest() -> impl Strategy<Value = (Vec<u32>, Vec<Size>)> {
        // Parents biased towards a few wide managers, so leaf groups form.
        let node = (0.0f64..1.0, 0u8..25, 10.0f32..200.0, 10.0f32..90.0);
        prop::collection::vec(node, 1..150).prop_map(|nodes| {
            let mut parents = Vec::with_capacity(nodes.len());
            let mut sizes = Vec::with_capacity(nodes.len());
            for (i, &(pick, root, w, h)) in nodes.iter().enumerate() {
                if i == 0 || root == 0 {
                    parents.push(NO_PARENT);
                } else {
                    let back = ((pick * pick * pick * i as f64) as usize).min(i - 1);
                    parents.push((i - 1 - back) as u32);
                }
                sizes.push(Size::new(w, h));
            }
            (parents, sizes)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn compact_layouts_never_overlap(
            (parents, sizes) in arb_forest(),
            dense in any::<bool>(),
        ) {
            let f = forest(&parents);
            let options = LayoutOptions::default();
            let compact = if dense { CompactOptions::dense() } else { CompactOptions::default() };
            let placed = compact_tree(&f, &sizes, &options, Some(&compact));
            prop_assert_eq!(first_overlap(&placed.layout), None);
            let b = placed.layout.bounds;
            for v in 0..f.len() {
                let l = &placed.layout;
                prop_assert!(l.x[v].is_finite() && l.y[v].is_finite());
                prop_assert!(l.x[v] >= b.min_x - 1e-2 && l.x[v] + l.width[v] <= b.max_x + 1e-2);
                prop_assert!(l.y[v] >= b.min_y - 1e-2 && l.y[v] + l.height[v] <= b.max_y + 1e-2);
                // Children start below their manager's box.
                if let Some(p) = f.parent(v as u32) {
                    let p = p as usize;
                    prop_assert!(l.y[v] >= l.y[p] + l.height[p] - 1e-2);
                    if placed.is_stacked(v as u32) {
                        prop_assert!(placed.spine[v] < l.x[v]);
                    }
                }
            }
            // Deterministic.
            let again = compact_tree(&f, &sizes, &options, Some(&compact));
            let bits = |v: &[f32]| v.iter().map(|f| f.to_bits()).collect::<Vec<u32>>();
            prop_assert_eq!(bits(&placed.layout.x), bits(&again.layout.x));
            prop_assert_eq!(bits(&placed.layout.y), bits(&again.layout.y));
            prop_assert_eq!(bits(&placed.spine), bits(&again.spine));
        }

        /// With managers folded: hidden exactly below a folded manager, a
        /// folded manager never stacked, and still no overlaps.
        #[test]
        fn folded_layouts_hide_exactly_the_folded_subtrees(
            (parents, sizes) in arb_forest(),
            folds in prop::collection::vec(0u8..4, 150),
        ) {
            let f = forest(&parents);
            let collapsed: Vec<bool> = (0..f.len()).map(|v| folds[v] == 0).collect();
            let placed = compact_tree_folded(
                &f,
                &sizes,
                &collapsed,
                &LayoutOptions::default(),
                Some(&CompactOptions::default()),
            );
            let l = &placed.layout;
            prop_assert_eq!(first_overlap(l), None);
            for v in 0..f.len() {
                let mut hidden = false;
                let mut a = v as u32;
                while let Some(p) = f.parent(a) {
                    hidden |= collapsed[p as usize];
                    a = p;
                }
                prop_assert_eq!(l.visible[v], !hidden, "node {}", v);
                prop_assert_eq!(l.x[v].is_nan(), hidden);
                if collapsed[v] && !f.children(v as u32).is_empty() {
                    prop_assert!(!placed.is_stacked(v as u32), "folded manager {} stacked", v);
                }
            }
        }
    }
}
