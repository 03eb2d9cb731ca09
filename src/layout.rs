//! Tidy-tree layout for org charts with boxes of different sizes.
//!
//! This is the linear-time algorithm from A. J. van der Ploeg, "Drawing
//! non-layered tidy trees in linear time" (Software: Practice and Experience,
//! 2014): Reingold–Tilford / Walker / Buchheim et al. extended to nodes of
//! arbitrary width and height. A subtree is summarised by its left and right
//! contours (threaded through leaves), its extreme (deepest leftmost and
//! rightmost) nodes with their modifier sums, and while the children of a node
//! are merged, a stack of "which left sibling owns the contour down to which
//! y" (the paper's IYL list) lets a push caused by a far-left sibling be spread
//! evenly over the small subtrees in between.
//!
//! "Non-layered" means each child's top sits `level_gap` below the bottom of
//! its own parent, so a tall box pushes down only its own subtree.
//!
//! Everything here is iterative. The visible nodes are numbered in
//! breadth-first order, which makes every node's children a contiguous run;
//! the bottom-up walk goes through that order backwards and the top-down walk
//! forwards, so a million-deep chain needs no stack and both walks stream
//! through memory. Two deviations from the paper's reference code:
//!
//! * a parent is centred over the *centres* of its first and last child (where
//!   an org chart's connector lines end), not over their outer edges;
//! * the first comparison of a new child with its left neighbour always places
//!   the two roots exactly `sibling_gap` apart, even if that moves the child
//!   left, so a narrow parent over a wide family never leaves a hole beside it.
//!
//! Coordinates are computed in `f64` and rounded to `f32` on output. Beyond
//! about 2^24 px (around 90 000 leaves of 160 px side by side) `f32` cannot
//! hold every position exactly, so neighbouring boxes in such a drawing may be
//! off by a pixel or more.

use crate::model::Forest;

/// Width and height of one node's box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub width: f32,
    pub height: f32,
}

impl Size {
    pub const fn new(width: f32, height: f32) -> Size {
        Size { width, height }
    }
}

/// Spacing used by [`tidy_tree`]. Negative or NaN gaps count as zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    /// Horizontal gap between neighbouring boxes and subtrees of one tree.
    pub sibling_gap: f32,
    /// Vertical gap between a parent's bottom and its children's top.
    pub level_gap: f32,
    /// Horizontal gap between the bounding boxes of separate root trees.
    pub root_gap: f32,
}

impl Default for LayoutOptions {
    fn default() -> LayoutOptions {
        LayoutOptions {
            sibling_gap: 16.0,
            level_gap: 48.0,
            root_gap: 64.0,
        }
    }
}

/// The box around every visible node.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min_x: f32,
    pub min_y: f32,
    pub max_x: f32,
    pub max_y: f32,
}

impl Bounds {
    pub fn width(&self) -> f32 {
        self.max_x - self.min_x
    }

    pub fn height(&self) -> f32 {
        self.max_y - self.min_y
    }
}

/// Node positions, indexed like the forest.
///
/// `x`/`y` are the top-left corner of each box; hidden nodes (below a
/// collapsed node) get NaN for x and y. `width`/`height` repeat the input
/// sizes (negative or NaN ones as zero) for every node, hidden or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub x: Vec<f32>,
    pub y: Vec<f32>,
    pub width: Vec<f32>,
    pub height: Vec<f32>,
    pub visible: Vec<bool>,
    pub bounds: Bounds,
}

impl Layout {
    pub fn len(&self) -> usize {
        self.x.len()
    }

    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }

    /// Centre of a node's box (NaN for hidden nodes).
    pub fn center(&self, node: u32) -> (f32, f32) {
        let i = node as usize;
        (
            self.x[i] + self.width[i] / 2.0,
            self.y[i] + self.height[i] / 2.0,
        )
    }
}

/// No node / no thread.
const NONE: u32 = u32::MAX;

/// Working state of one visible node (the paper's `Tree` fields).
///
/// Nodes are numbered by their position in a breadth-first order of the
/// visible nodes, so the children of a node are the contiguous positions
/// `first..=last` and both walks stream through memory.
#[derive(Debug, Clone, Copy)]
struct Work {
    /// Preliminary x of the box's left edge, relative to the parent's
    /// children frame.
    prelim: f64,
    /// Offset applied to this node and its subtree; in the second walk it
    /// becomes the full modifier sum from the root down to this node.
    modifier: f64,
    /// Even-spacing bookkeeping for intermediate siblings.
    shift: f64,
    change: f64,
    /// Modifier sums from this subtree's root down to its extreme nodes.
    msel: f64,
    mser: f64,
    /// Bottom of the box plus the level gap: the y where children start.
    bottom: f64,
    /// Largest `bottom` in this subtree (that of its extreme nodes), kept
    /// here so merging siblings need not visit the far-away extremes.
    deepest: f64,
    width: f32,
    /// First and last child (`NONE` for a leaf or a collapsed node).
    first: u32,
    last: u32,
    /// Contour threads, set on leaves only.
    thread_l: u32,
    thread_r: u32,
    /// Deepest leftmost and rightmost node of this subtree.
    extreme_l: u32,
    extreme_r: u32,
}

impl Work {
    fn new(width: f32, bottom: f64, first: u32, last: u32) -> Work {
        Work {
            prelim: 0.0,
            modifier: 0.0,
            shift: 0.0,
            change: 0.0,
            msel: 0.0,
            mser: 0.0,
            bottom,
            deepest: bottom,
            width,
            first,
            last,
            thread_l: NONE,
            thread_r: NONE,
            extreme_l: NONE,
            extreme_r: NONE,
        }
    }
}

/// Next node on the left contour below `v`.
#[inline]
fn next_left(nodes: &[Work], v: usize) -> u32 {
    let node = &nodes[v];
    if node.first == NONE {
        node.thread_l
    } else {
        node.first
    }
}

/// Next node on the right contour below `v`.
#[inline]
fn next_right(nodes: &[Work], v: usize) -> u32 {
    let node = &nodes[v];
    if node.last == NONE {
        node.thread_r
    } else {
        node.last
    }
}

fn clamp_gap(gap: f32) -> f64 {
    f64::from(gap.max(0.0))
}

/// Lays out every tree of `forest` as a non-layered tidy tree and places the
/// trees left to right in [`Forest::roots`] order, `root_gap` apart. The
/// leftmost box starts at x = 0 and every root's top is at y = 0.
///
/// `sizes` has one entry per node; `collapsed[i] == true` means node `i` is
/// drawn but its descendants are hidden (pass an empty slice for "nothing
/// collapsed"). Hidden nodes cost nothing beyond the output arrays. Runs in
/// O(n) time and memory without recursion.
///
/// # Panics
///
/// If `sizes.len()` differs from `forest.len()`, or `collapsed` is neither
/// empty nor `forest.len()` long.
pub fn tidy_tree(
    forest: &Forest,
    sizes: &[Size],
    collapsed: &[bool],
    options: &LayoutOptions,
) -> Layout {
    let n = forest.len();
    assert_eq!(sizes.len(), n, "tidy_tree needs one size per node");
    assert!(
        collapsed.is_empty() || collapsed.len() == n,
        "tidy_tree needs no collapsed flags or one per node"
    );
    let sibling_gap = clamp_gap(options.sibling_gap);
    let level_gap = clamp_gap(options.level_gap);
    let root_gap = clamp_gap(options.root_gap);
    let width: Vec<f32> = sizes.iter().map(|s| s.width.max(0.0)).collect();
    let height: Vec<f32> = sizes.iter().map(|s| s.height.max(0.0)).collect();
    let roots = forest.roots();

    // Pass 1, top-down: breadth-first order of the visible nodes. `order`
    // maps positions to node ids; `top` and `tree` (which root tree) are
    // indexed by position like `nodes`.
    let mut order: Vec<u32> = Vec::with_capacity(n);
    let mut top: Vec<f64> = Vec::with_capacity(n);
    let mut tree: Vec<u32> = Vec::with_capacity(n);
    let mut nodes: Vec<Work> = Vec::with_capacity(n);
    order.extend_from_slice(roots);
    top.resize(roots.len(), 0.0);
    tree.extend(0..roots.len() as u32);
    let mut p = 0;
    while p < order.len() {
        let v = order[p] as usize;
        let bottom = top[p] + f64::from(height[v]) + level_gap;
        let children = forest.children(v as u32);
        let (first, last) = if children.is_empty() || collapsed.get(v).copied().unwrap_or(false) {
            (NONE, NONE)
        } else {
            let first = order.len();
            order.extend_from_slice(children);
            top.resize(order.len(), bottom);
            tree.resize(order.len(), tree[p]);
            (first as u32, (order.len() - 1) as u32)
        };
        nodes.push(Work::new(width[v], bottom, first, last));
        p += 1;
    }

    // Pass 2, bottom-up: the paper's first walk. Descendants come later in
    // breadth-first order, so walking it backwards finishes every subtree
    // before its parent.
    let mut iyl: Vec<(f64, u32)> = Vec::new();
    for p in (0..nodes.len()).rev() {
        let (first, last) = (nodes[p].first, nodes[p].last);
        if first == NONE {
            let node = &mut nodes[p];
            node.extreme_l = p as u32;
            node.extreme_r = p as u32;
            continue;
        }
        let (first, last) = (first as usize, last as usize);
        let deepest = place_children(&mut nodes, first, last, sibling_gap, &mut iyl);
        let f = &nodes[first];
        let l = &nodes[last];
        let first_center = f.prelim + f.modifier + f64::from(f.width) / 2.0;
        let last_center = l.prelim + l.modifier + f64::from(l.width) / 2.0;
        let (extreme_l, msel) = (f.extreme_l, f.msel);
        let (extreme_r, mser) = (l.extreme_r, l.mser);
        let node = &mut nodes[p];
        node.prelim = (first_center + last_center) / 2.0 - f64::from(node.width) / 2.0;
        node.extreme_l = extreme_l;
        node.msel = msel;
        node.extreme_r = extreme_r;
        node.mser = mser;
        node.deepest = deepest;
    }

    // Pass 3, top-down: the second walk turns modifiers into absolute x and
    // spreads the even-spacing shifts; also measure each root tree.
    let mut xs: Vec<f64> = Vec::with_capacity(nodes.len());
    let mut tree_min = vec![f64::INFINITY; roots.len()];
    let mut tree_max = vec![f64::NEG_INFINITY; roots.len()];
    for p in 0..nodes.len() {
        let node = &nodes[p];
        let modsum = node.modifier;
        let x = node.prelim + modsum;
        xs.push(x);
        let t = tree[p] as usize;
        tree_min[t] = tree_min[t].min(x);
        tree_max[t] = tree_max[t].max(x + f64::from(node.width));
        if node.first == NONE {
            continue;
        }
        let (first, last) = (node.first as usize, node.last as usize);
        let (mut shift, mut delta) = (0.0, 0.0);
        for child in &mut nodes[first..=last] {
            shift += child.shift;
            delta += shift + child.change;
            child.modifier += delta + modsum;
        }
    }

    // Root trees side by side; the first one's left edge at x = 0.
    let mut offset = vec![0.0f64; roots.len()];
    let mut right = 0.0f64;
    for t in 0..roots.len() {
        let left = if t == 0 { 0.0 } else { right + root_gap };
        offset[t] = left - tree_min[t];
        right = left + (tree_max[t] - tree_min[t]);
    }

    let mut x_out = vec![f32::NAN; n];
    let mut y_out = vec![f32::NAN; n];
    let mut visible = vec![false; n];
    let mut max_y = 0.0f64;
    for (p, &v) in order.iter().enumerate() {
        let v = v as usize;
        x_out[v] = (xs[p] + offset[tree[p] as usize]) as f32;
        y_out[v] = top[p] as f32;
        visible[v] = true;
        max_y = max_y.max(top[p] + f64::from(height[v]));
    }
    Layout {
        x: x_out,
        y: y_out,
        width,
        height,
        visible,
        bounds: Bounds {
            min_x: 0.0,
            min_y: 0.0,
            max_x: right as f32,
            max_y: max_y as f32,
        },
    }
}

/// Places the finished subtrees at positions `first..=last` (the children of
/// one node) next to each other: the loop body of the paper's first walk.
/// `iyl` is scratch space for the paper's index list, a stack of (lowest y,
/// sibling position) with the most recent sibling on top. Returns the largest
/// `bottom` among the children's subtrees.
fn place_children(
    nodes: &mut [Work],
    first: usize,
    last: usize,
    gap: f64,
    iyl: &mut Vec<(f64, u32)>,
) -> f64 {
    iyl.clear();
    let mut deepest = nodes[first].deepest;
    iyl.push((deepest, first as u32));
    for child in first + 1..=last {
        let low_y = nodes[child].deepest;
        deepest = deepest.max(low_y);
        separate(nodes, first, child, gap, iyl);
        // Siblings no deeper than the new subtree are hidden behind it.
        while iyl.last().is_some_and(|&(y, _)| low_y >= y) {
            iyl.pop();
        }
        iyl.push((low_y, child as u32));
    }
    deepest
}

/// Moves subtree `child` right until it clears the right contour of its left
/// siblings (`first..child`) by `gap` everywhere, then threads the shorter
/// contour to the longer one.
fn separate(nodes: &mut [Work], first: usize, child: usize, gap: f64, iyl: &[(f64, u32)]) {
    let mut sr = child - 1;
    let mut cl = child;
    let mut mssr = nodes[sr].modifier;
    let mut mscl = nodes[cl].modifier;
    let mut cursor = iyl.len() - 1;
    let mut touching = true;
    loop {
        let sr_bottom = nodes[sr].bottom;
        // Which left sibling owns the contour at sr's depth?
        while cursor > 0 && sr_bottom > iyl[cursor].0 {
            cursor -= 1;
        }
        let dist = (mssr + nodes[sr].prelim + f64::from(nodes[sr].width) + gap)
            - (mscl + nodes[cl].prelim);
        // The two subtree roots always end up exactly `gap` apart (even if
        // that moves the child left); deeper down they may only push apart.
        if touching || dist > 0.0 {
            touching = false;
            mscl += dist;
            move_subtree(nodes, child, iyl[cursor].1 as usize, dist);
        }
        let cl_bottom = nodes[cl].bottom;
        let (mut next_sr, mut next_cl) = (sr as u32, cl as u32);
        if sr_bottom <= cl_bottom {
            next_sr = next_right(nodes, sr);
            if next_sr != NONE {
                mssr += nodes[next_sr as usize].modifier;
            }
        }
        if sr_bottom >= cl_bottom {
            next_cl = next_left(nodes, cl);
            if next_cl != NONE {
                mscl += nodes[next_cl as usize].modifier;
            }
        }
        match (next_sr, next_cl) {
            (NONE, NONE) => break,
            (NONE, cl_next) => {
                // The new subtree is deeper: continue the left siblings' left
                // contour into it.
                set_left_thread(nodes, first, child, cl_next as usize, mscl);
                break;
            }
            (sr_next, NONE) => {
                // The left siblings are deeper: continue the new subtree's
                // right contour into theirs.
                set_right_thread(nodes, child, sr_next as usize, mssr);
                break;
            }
            (sr_next, cl_next) => {
                sr = sr_next as usize;
                cl = cl_next as usize;
            }
        }
    }
}

/// Moves subtree `child` by `dist`, spreading the move evenly over the
/// siblings strictly between `owner` (whose contour forced it) and `child`.
fn move_subtree(nodes: &mut [Work], child: usize, owner: usize, dist: f64) {
    let node = &mut nodes[child];
    node.modifier += dist;
    node.msel += dist;
    node.mser += dist;
    if owner + 1 != child {
        let step = dist / (child - owner) as f64;
        nodes[owner + 1].shift += step;
        let node = &mut nodes[child];
        node.shift -= step;
        node.change -= dist - step;
    }
}

fn set_left_thread(nodes: &mut [Work], first: usize, child: usize, cl: usize, mscl: f64) {
    let li = nodes[first].extreme_l as usize;
    let diff = (mscl - nodes[cl].modifier) - nodes[first].msel;
    let leaf = &mut nodes[li];
    leaf.thread_l = cl as u32;
    // Adjust the modifier so sums along the thread come out right, and the
    // preliminary x so the leaf itself stays put.
    leaf.modifier += diff;
    leaf.prelim -= diff;
    let (extreme_l, msel) = (nodes[child].extreme_l, nodes[child].msel);
    nodes[first].extreme_l = extreme_l;
    nodes[first].msel = msel;
}

fn set_right_thread(nodes: &mut [Work], child: usize, sr: usize, mssr: f64) {
    let ri = nodes[child].extreme_r as usize;
    let diff = (mssr - nodes[sr].modifier) - nodes[child].mser;
    let leaf = &mut nodes[ri];
    leaf.thread_r = sr as u32;
    leaf.modifier += diff;
    leaf.prelim -= diff;
    let (extreme_r, mser) = (nodes[child - 1].extreme_r, nodes[child - 1].mser);
    nodes[child].extreme_r = extreme_r;
    nodes[child].mser = mser;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NO_PARENT;
    use proptest::prelude::*;

    const W: f32 = 160.0;
    const H: f32 = 56.0;

    fn forest(parents: &[u32]) -> Forest {
        Forest::from_parents(parents.to_vec()).expect("test parents form a forest")
    }

    fn uniform(n: usize, width: f32, height: f32) -> Vec<Size> {
        vec![Size::new(width, height); n]
    }

    fn approx(a: f32, b: f32) -> bool {
        (a - b).abs() < 1e-3
    }

    fn assert_close(actual: &[f32], expected: &[f32]) {
        assert_eq!(actual.len(), expected.len());
        for (i, (&a, &e)) in actual.iter().zip(expected).enumerate() {
            assert!(
                approx(a, e),
                "index {i}: got {a}, expected {e} ({actual:?})"
            );
        }
    }

    #[test]
    fn empty_forest() {
        let layout = tidy_tree(&forest(&[]), &[], &[], &LayoutOptions::default());
        assert!(layout.is_empty());
        assert_eq!(
            layout.bounds,
            Bounds {
                min_x: 0.0,
                min_y: 0.0,
                max_x: 0.0,
                max_y: 0.0
            }
        );
    }

    #[test]
    fn single_node() {
        let layout = tidy_tree(
            &forest(&[NO_PARENT]),
            &uniform(1, W, H),
            &[],
            &LayoutOptions::default(),
        );
        assert_eq!(layout.x, vec![0.0]);
        assert_eq!(layout.y, vec![0.0]);
        assert_eq!(layout.visible, vec![true]);
        assert_eq!(
            layout.bounds,
            Bounds {
                min_x: 0.0,
                min_y: 0.0,
                max_x: W,
                max_y: H
            }
        );
    }

    #[test]
    fn parent_with_three_equal_children() {
        // Children 60 wide, 16 apart: 0, 76, 152. Centres 30 and 182, so the
        // 100-wide parent's centre is 106 and its left edge 56.
        let mut sizes = uniform(4, 60.0, 40.0);
        sizes[0] = Size::new(100.0, 50.0);
        let layout = tidy_tree(
            &forest(&[NO_PARENT, 0, 0, 0]),
            &sizes,
            &[],
            &LayoutOptions::default(),
        );
        assert_close(&layout.x, &[56.0, 0.0, 76.0, 152.0]);
        assert_close(&layout.y, &[0.0, 98.0, 98.0, 98.0]);
        assert_eq!(
            layout.bounds,
            Bounds {
                min_x: 0.0,
                min_y: 0.0,
                max_x: 212.0,
                max_y: 138.0
            }
        );
    }

    #[test]
    fn variable_widths_and_heights() {
        // Children 40 and 120 wide at 0 and 56: centres 20 and 116, parent
        // centre 68. The tall first child pushes only its own child down.
        let sizes = [
            Size::new(100.0, 50.0),
            Size::new(40.0, 200.0),
            Size::new(120.0, 30.0),
            Size::new(30.0, 30.0),
            Size::new(30.0, 30.0),
        ];
        let layout = tidy_tree(
            &forest(&[NO_PARENT, 0, 0, 1, 2]),
            &sizes,
            &[],
            &LayoutOptions::default(),
        );
        assert_close(&layout.x, &[18.0, 0.0, 56.0, 5.0, 101.0]);
        assert_close(&layout.y, &[0.0, 98.0, 98.0, 346.0, 176.0]);
    }

    #[test]
    fn wide_parent_over_narrow_children() {
        // Parent centre 48 over children at 0 and 56 means its left edge is
        // at -102; everything then moves right so the drawing starts at 0.
        let sizes = [
            Size::new(300.0, 50.0),
            Size::new(40.0, 40.0),
            Size::new(40.0, 40.0),
        ];
        let layout = tidy_tree(
            &forest(&[NO_PARENT, 0, 0]),
            &sizes,
            &[],
            &LayoutOptions::default(),
        );
        assert_close(&layout.x, &[0.0, 102.0, 158.0]);
        assert_eq!(layout.bounds.max_x, 300.0);
    }

    #[test]
    fn narrow_node_over_wide_family_sits_beside_its_sibling() {
        // Node 2's children are much wider than it; it must still sit right
        // next to node 1 rather than far off to the right.
        let mut sizes = uniform(6, 40.0, 40.0);
        sizes[3] = Size::new(300.0, 40.0);
        sizes[4] = Size::new(300.0, 40.0);
        sizes[5] = Size::new(300.0, 40.0);
        let layout = tidy_tree(
            &forest(&[NO_PARENT, 0, 0, 2, 2, 2]),
            &sizes,
            &[],
            &LayoutOptions::default(),
        );
        assert!(approx(layout.x[2] - (layout.x[1] + 40.0), 16.0));
    }

    #[test]
    fn collapsed_node_hides_descendants() {
        // 0 -> {1, 2}; 1 -> {3}; 3 -> {4}; collapse 1.
        let parents = [NO_PARENT, 0, 0, 1, 3];
        let mut collapsed = vec![false; 5];
        collapsed[1] = true;
        let layout = tidy_tree(
            &forest(&parents),
            &uniform(5, W, H),
            &collapsed,
            &LayoutOptions::default(),
        );
        assert_eq!(layout.visible, vec![true, true, true, false, false]);
        assert!(layout.x[3].is_nan() && layout.y[3].is_nan());
        assert!(layout.x[4].is_nan() && layout.y[4].is_nan());
        // Same as the tree without 3 and 4.
        let small = tidy_tree(
            &forest(&parents[..3]),
            &uniform(3, W, H),
            &[],
            &LayoutOptions::default(),
        );
        assert_eq!(&layout.x[..3], &small.x[..]);
        assert_eq!(&layout.y[..3], &small.y[..]);
        assert_eq!(layout.bounds, small.bounds);
    }

    #[test]
    fn multiple_roots_side_by_side() {
        // Tree 0 -> {1, 2} is 336 wide; root 3 is alone; root 4 has child 5.
        let parents = [NO_PARENT, 0, 0, NO_PARENT, NO_PARENT, 4];
        let options = LayoutOptions::default();
        let layout = tidy_tree(&forest(&parents), &uniform(6, W, H), &[], &options);
        assert_close(&layout.x, &[88.0, 0.0, 176.0, 400.0, 624.0, 624.0]);
        assert_close(&layout.y, &[0.0, 104.0, 104.0, 0.0, 0.0, 104.0]);
        assert!(approx(layout.bounds.max_x, 784.0));
        assert!(approx(layout.bounds.max_y, 160.0));
    }

    #[test]
    fn identical_subtrees_are_drawn_identically() {
        // 0 -> {1, 2, 3}; each of 1, 2, 3 -> three leaves.
        let parents = [NO_PARENT, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3];
        let layout = tidy_tree(
            &forest(&parents),
            &uniform(13, W, H),
            &[],
            &LayoutOptions::default(),
        );
        for (a, b) in [(1usize, 2usize), (2, 3)] {
            let da: Vec<f32> = (4 + 3 * (a - 1)..7 + 3 * (a - 1))
                .map(|c| layout.x[c] - layout.x[a])
                .collect();
            let db: Vec<f32> = (4 + 3 * (b - 1)..7 + 3 * (b - 1))
                .map(|c| layout.x[c] - layout.x[b])
                .collect();
            assert_close(&da, &db);
        }
    }

    #[test]
    fn small_subtrees_between_big_ones_are_spaced_evenly() {
        // 0 -> {1, 2, 3, 4}; 1 and 4 each have four leaves, 2 and 3 are leaves.
        let parents = [NO_PARENT, 0, 0, 0, 0, 1, 1, 1, 1, 4, 4, 4, 4];
        let layout = tidy_tree(
            &forest(&parents),
            &uniform(13, W, H),
            &[],
            &LayoutOptions::default(),
        );
        let steps: Vec<f32> = [1usize, 2, 3]
            .iter()
            .map(|&c| layout.x[c + 1] - layout.x[c])
            .collect();
        assert!(
            steps[0] > W + 16.0 + 1.0,
            "the big subtrees force a wider spacing"
        );
        assert_close(&steps, &[steps[0], steps[0], steps[0]]);
    }

    #[test]
    fn million_node_chain_does_not_overflow() {
        let n = 1_000_000u32;
        let parents: Vec<u32> = (0..n)
            .map(|i| if i == 0 { NO_PARENT } else { i - 1 })
            .collect();
        let forest = Forest::from_parents(parents).expect("a chain is a forest");
        let layout = tidy_tree(
            &forest,
            &uniform(n as usize, W, H),
            &[],
            &LayoutOptions::default(),
        );
        assert!(layout.x.iter().all(|&x| x == 0.0));
        assert_eq!(layout.y[1], 104.0);
        let last = f64::from(layout.y[n as usize - 1]);
        assert!((last - 104.0 * f64::from(n - 1)).abs() < 16.0);
    }

    /// A random forest: parents (biased towards recent nodes, so trees get
    /// deep), sizes, collapsed flags, options.
    fn arb_case() -> impl Strategy<Value = (Vec<u32>, Vec<Size>, Vec<bool>, LayoutOptions)> {
        let node = (0.0f64..1.0, 0u8..20, 1.0f32..200.0, 1.0f32..120.0, 0u8..10);
        let options = (0.0f32..40.0, 0.0f32..80.0, 0.0f32..100.0);
        (prop::collection::vec(node, 1..120), options).prop_map(|(nodes, (sg, lg, rg))| {
            let mut parents = Vec::with_capacity(nodes.len());
            let mut sizes = Vec::with_capacity(nodes.len());
            let mut collapsed = Vec::with_capacity(nodes.len());
            for (i, &(pick, root, w, h, fold)) in nodes.iter().enumerate() {
                if i == 0 || root == 0 {
                    parents.push(NO_PARENT);
                } else {
                    let back = ((pick * pick * i as f64) as usize).min(i - 1);
                    parents.push((i - 1 - back) as u32);
                }
                sizes.push(Size::new(w, h));
                collapsed.push(fold == 0);
            }
            let options = LayoutOptions {
                sibling_gap: sg,
                level_gap: lg,
                root_gap: rg,
            };
            (parents, sizes, collapsed, options)
        })
    }

    fn root_of(forest: &Forest, mut v: u32) -> u32 {
        while let Some(p) = forest.parent(v) {
            v = p;
        }
        v
    }

    fn bits(values: &[f32]) -> Vec<u32> {
        values.iter().map(|v| v.to_bits()).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn random_forests_are_tidy((parents, sizes, collapsed, options) in arb_case()) {
            let forest = forest(&parents);
            let n = forest.len();
            let layout = tidy_tree(&forest, &sizes, &collapsed, &options);
            let eps = 1e-2f64;
            let x = |v: usize| f64::from(layout.x[v]);
            let y = |v: usize| f64::from(layout.y[v]);
            let w = |v: usize| f64::from(layout.width[v]);
            let h = |v: usize| f64::from(layout.height[v]);

            // (5) hidden exactly = descendants of collapsed nodes.
            for v in 0..n {
                let mut hidden = false;
                let mut a = v as u32;
                while let Some(p) = forest.parent(a) {
                    hidden |= collapsed[p as usize];
                    a = p;
                }
                prop_assert_eq!(layout.visible[v], !hidden, "node {}", v);
                prop_assert_eq!(layout.x[v].is_nan(), hidden);
                prop_assert_eq!(layout.y[v].is_nan(), hidden);
            }

            let shown: Vec<usize> = (0..n).filter(|&v| layout.visible[v]).collect();
            // (1) no two visible boxes overlap; boxes of one tree that share
            // some height are at least sibling_gap apart.
            let roots: Vec<u32> = (0..n as u32).map(|v| root_of(&forest, v)).collect();
            let sg = f64::from(options.sibling_gap);
            let rg = f64::from(options.root_gap);
            for (k, &a) in shown.iter().enumerate() {
                for &b in &shown[k + 1..] {
                    if y(a) < y(b) + h(b) && y(b) < y(a) + h(a) {
                        let apart = (x(b) - (x(a) + w(a))).max(x(a) - (x(b) + w(b)));
                        let need = if roots[a] == roots[b] { sg } else { sg.min(rg) };
                        prop_assert!(apart >= need - eps, "{} and {} are {} apart", a, b, apart);
                    }
                }
            }

            for &v in &shown {
                let children = forest.children(v as u32);
                if collapsed[v] || children.is_empty() {
                    continue;
                }
                // (2) centred over the first and last child.
                let (f, l) = (children[0] as usize, children[children.len() - 1] as usize);
                let centre = x(v) + w(v) / 2.0;
                let between = (x(f) + w(f) / 2.0 + x(l) + w(l) / 2.0) / 2.0;
                prop_assert!((centre - between).abs() <= 0.01, "node {} off by {}", v, centre - between);
                // (3) children left to right in order.
                for pair in children.windows(2) {
                    let (a, b) = (pair[0] as usize, pair[1] as usize);
                    prop_assert!(x(b) >= x(a) + w(a) + sg - eps, "children {} and {} out of order", a, b);
                }
                // (4) child y = parent y + parent height + level gap.
                for &c in children {
                    let want = y(v) + h(v) + f64::from(options.level_gap);
                    prop_assert!((y(c as usize) - want).abs() <= eps);
                }
            }

            // Roots at the top, drawing starts at x = 0, trees in roots()
            // order with root_gap between their bounding boxes.
            let mut previous_right: Option<f64> = None;
            let mut min_x = f64::INFINITY;
            for &r in forest.roots() {
                prop_assert_eq!(layout.y[r as usize], 0.0);
                let members = shown.iter().filter(|&&v| roots[v] == r);
                let left = members.clone().map(|&v| x(v)).fold(f64::INFINITY, f64::min);
                let right = members.map(|&v| x(v) + w(v)).fold(f64::NEG_INFINITY, f64::max);
                if let Some(prev) = previous_right {
                    prop_assert!((left - prev - rg).abs() <= eps);
                }
                previous_right = Some(right);
                min_x = min_x.min(left);
            }
            prop_assert!(min_x.abs() <= eps);
            let max_x = shown.iter().map(|&v| x(v) + w(v)).fold(0.0, f64::max);
            let max_y = shown.iter().map(|&v| y(v) + h(v)).fold(0.0, f64::max);
            prop_assert!((f64::from(layout.bounds.max_x) - max_x).abs() <= eps);
            prop_assert!((f64::from(layout.bounds.max_y) - max_y).abs() <= eps);

            // (6) deterministic.
            let again = tidy_tree(&forest, &sizes, &collapsed, &options);
            prop_assert_eq!(bits(&layout.x), bits(&again.x));
            prop_assert_eq!(bits(&layout.y), bits(&again.y));
            prop_assert_eq!(layout.bounds, again.bounds);
        }
    }
}
