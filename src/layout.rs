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
//! Everything here is iterative. The visible nodes are first numbered in
//! depth-first preorder (with an explicit stack); the bottom-up walk goes
//! through that order backwards and the top-down walk forwards, so a
//! million-deep chain needs no call stack, and since every subtree is a
//! contiguous run of positions, contour walks mostly hit memory that was just
//! touched. Two details differ from the code published with the paper:
//!
//! * a parent is centred over the *centres* of its first and last child (where
//!   an org chart's connector lines end), not over their outer edges;
//! * the first comparison of a new child with its left neighbour always places
//!   the two roots exactly `sibling_gap` apart, even if that moves the child
//!   left, so a narrow parent over a wide family never leaves a hole beside it.
//!
//! Coordinates are computed in `f64` and rounded to `f32` on output. Beyond
//! 2^24 px (about 95 000 boxes of 160 px side by side, or 160 000 levels of
//! 104 px) `f32` cannot even hold every whole pixel, so boxes far out in such
//! a drawing may be off by a pixel or more.

pub mod compact;
pub mod rows;
mod stack;

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

/// Spacing used by [`tidy_tree`]. Negative, NaN or infinite gaps count as
/// zero.
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
/// sizes for every node, hidden or not (negative, NaN or infinite ones as
/// zero).
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

/// Working state of one visible node (the paper's `Tree` fields, 80 bytes).
///
/// Nodes are numbered by their position in a depth-first preorder of the
/// visible nodes: a node's first child is the next position and each subtree
/// is a contiguous run, so contour walks mostly stay inside recently touched
/// memory and the top-down walk is a plain forward scan.
#[derive(Debug, Clone, Copy)]
struct Work {
    /// Preliminary x of the box's left edge, relative to the parent's
    /// children frame; the absolute x once the second walk has passed.
    prelim: f64,
    /// Offset applied to this node and its subtree.
    modifier: f64,
    /// Extra offset from spacing out the small siblings between big ones
    /// (the paper's shift/change, already summed up).
    spread: f64,
    /// Modifier sums from this subtree's root down to its extreme nodes.
    msel: f64,
    mser: f64,
    /// Bottom of the box plus the level gap: the y where children start.
    bottom: f64,
    /// Largest `bottom` in this subtree (that of its extreme nodes), kept
    /// here so merging siblings need not visit the far-away extremes.
    deepest: f64,
    width: f32,
    /// Number of children shown (0 for a leaf or a collapsed node).
    kids: u32,
    /// Next node down the right contour: the last child, or for a leaf its
    /// right thread. (Down the left contour it is the next position, or for
    /// a leaf `thread_l`.)
    down_r: u32,
    thread_l: u32,
    /// Deepest leftmost and rightmost node of this subtree.
    extreme_l: u32,
    extreme_r: u32,
}

const _: () = assert!(std::mem::size_of::<Work>() == 80);

impl Work {
    fn new(width: f32, bottom: f64, kids: u32) -> Work {
        Work {
            prelim: 0.0,
            modifier: 0.0,
            spread: 0.0,
            msel: 0.0,
            mser: 0.0,
            bottom,
            deepest: bottom,
            width,
            kids,
            down_r: NONE,
            thread_l: NONE,
            extreme_l: NONE,
            extreme_r: NONE,
        }
    }
}

/// Next node on the left contour below `v`.
#[inline]
fn next_left(nodes: &[Work], v: usize) -> u32 {
    let node = &nodes[v];
    if node.kids == 0 {
        node.thread_l
    } else {
        v as u32 + 1
    }
}

/// Sizes and gaps that are negative, NaN or infinite count as zero.
fn sanitize(length: f32) -> f32 {
    if length.is_finite() {
        length.max(0.0)
    } else {
        0.0
    }
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
    let sibling_gap = f64::from(sanitize(options.sibling_gap));
    let level_gap = f64::from(sanitize(options.level_gap));
    let root_gap = f64::from(sanitize(options.root_gap));
    let width: Vec<f32> = sizes.iter().map(|s| sanitize(s.width)).collect();
    let height: Vec<f32> = sizes.iter().map(|s| sanitize(s.height)).collect();
    let mut x_out = vec![f32::NAN; n];
    let mut y_out = vec![f32::NAN; n];
    let mut visible = vec![false; n];

    let boxes = Boxes {
        width: &width,
        height: &height,
        collapsed,
        level_gap,
    };
    let mut pre = number_visible(forest, &boxes, &mut y_out, &mut visible);
    first_walk(&mut pre.nodes, &pre.children, sibling_gap);
    let right = second_walk(&mut pre, root_gap, &mut x_out);

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
            max_y: pre.max_y as f32,
        },
    }
}

/// The sanitised box sizes, collapsed flags and level gap that pass 1 of
/// [`tidy_tree`] reads.
struct Boxes<'a> {
    width: &'a [f32],
    height: &'a [f32],
    collapsed: &'a [bool],
    level_gap: f64,
}

/// The visible nodes numbered in depth-first preorder: the result of pass 1
/// of [`tidy_tree`], which the two walks work on.
struct Preorder {
    /// Maps positions to node ids.
    order: Vec<u32>,
    /// Working state, indexed by position.
    nodes: Vec<Work>,
    /// Every node's shown children (as positions) in position order, so the
    /// walks can slice it with a running offset.
    children: Vec<u32>,
    /// The first position of each root tree, then the number of positions.
    tree_start: Vec<usize>,
    /// Bottom edge of the lowest box.
    max_y: f64,
}

/// Pass 1 of [`tidy_tree`]: numbers the visible nodes in depth-first
/// preorder (with an explicit stack) and settles their y, writing y and
/// visibility per node id.
fn number_visible(
    forest: &Forest,
    boxes: &Boxes<'_>,
    y_out: &mut [f32],
    visible: &mut [bool],
) -> Preorder {
    let n = forest.len();
    let roots = forest.roots();
    let mut pre = Preorder {
        order: Vec::with_capacity(n),
        nodes: Vec::with_capacity(n),
        children: Vec::with_capacity(n.saturating_sub(roots.len())),
        tree_start: Vec::with_capacity(roots.len() + 1),
        max_y: 0.0,
    };
    // Stack entries are (node, slot in `children` to fill with its
    // position, top y).
    let mut stack: Vec<(u32, u32, f64)> = Vec::new();
    for &root in roots {
        pre.tree_start.push(pre.order.len());
        stack.push((root, NONE, 0.0));
        while let Some((v, slot, y)) = stack.pop() {
            if slot != NONE {
                pre.children[slot as usize] = pre.order.len() as u32;
            }
            pre.order.push(v);
            let vi = v as usize;
            y_out[vi] = y as f32;
            visible[vi] = true;
            let bottom = y + f64::from(boxes.height[vi]);
            pre.max_y = pre.max_y.max(bottom);
            let kids = forest.children(v);
            let shown = !kids.is_empty() && !boxes.collapsed.get(vi).copied().unwrap_or(false);
            let count = if shown { kids.len() } else { 0 };
            let top_of_kids = bottom + boxes.level_gap;
            pre.nodes
                .push(Work::new(boxes.width[vi], top_of_kids, count as u32));
            let start = pre.children.len();
            pre.children.resize(start + count, NONE);
            for (j, &c) in kids[..count].iter().enumerate().rev() {
                stack.push((c, (start + j) as u32, top_of_kids));
            }
        }
    }
    pre.tree_start.push(pre.order.len());
    pre
}

/// Pass 2 of [`tidy_tree`], bottom-up: the paper's first walk. Descendants
/// come later in preorder, so walking it backwards finishes every subtree
/// before its parent; the children slices are consumed from the end.
fn first_walk(nodes: &mut [Work], children: &[u32], sibling_gap: f64) {
    let mut iyl: Vec<(f64, u32)> = Vec::new();
    let mut spacing: Vec<(f64, f64)> = Vec::new();
    let mut end = children.len();
    for p in (0..nodes.len()).rev() {
        let count = nodes[p].kids as usize;
        if count == 0 {
            let node = &mut nodes[p];
            node.extreme_l = p as u32;
            node.extreme_r = p as u32;
            continue;
        }
        let kids = &children[end - count..end];
        end -= count;
        let deepest = place_children(nodes, kids, sibling_gap, &mut iyl, &mut spacing);
        let f = &nodes[p + 1];
        let l = &nodes[kids[count - 1] as usize];
        let first_center = f.prelim + f.modifier + f64::from(f.width) / 2.0;
        let last_center = l.prelim + l.modifier + f64::from(l.width) / 2.0;
        let (extreme_l, msel) = (f.extreme_l, f.msel);
        let (extreme_r, mser) = (l.extreme_r, l.mser);
        let node = &mut nodes[p];
        node.prelim = (first_center + last_center) / 2.0 - f64::from(node.width) / 2.0;
        node.down_r = kids[count - 1];
        node.extreme_l = extreme_l;
        node.msel = msel;
        node.extreme_r = extreme_r;
        node.mser = mser;
        node.deepest = deepest;
    }
}

/// Pass 3 of [`tidy_tree`], top-down, one root tree (a contiguous run of
/// positions) at a time: the paper's second walk turns modifiers into
/// absolute x, with a stack of (children not yet reached, modifier sum)
/// along the current path; then the tree is moved into place beside the
/// previous one, `root_gap` apart. Writes x per node id and returns the
/// right edge of the last tree.
fn second_walk(pre: &mut Preorder, root_gap: f64, x_out: &mut [f32]) -> f64 {
    let mut path: Vec<(u32, f64)> = Vec::new();
    let mut right = 0.0f64;
    for (t, span) in pre.tree_start.windows(2).enumerate() {
        let range = span[0]..span[1];
        let (mut min_x, mut max_x) = (f64::INFINITY, f64::NEG_INFINITY);
        for node in &mut pre.nodes[range.clone()] {
            let mut modsum = node.modifier + node.spread;
            if let Some(top) = path.last_mut() {
                modsum += top.1;
                top.0 -= 1;
                if top.0 == 0 {
                    path.pop();
                }
            }
            node.prelim += modsum;
            min_x = min_x.min(node.prelim);
            max_x = max_x.max(node.prelim + f64::from(node.width));
            if node.kids > 0 {
                path.push((node.kids, modsum));
            }
        }
        let left = if t == 0 { 0.0 } else { right + root_gap };
        let shift = left - min_x;
        right = left + (max_x - min_x);
        for (node, &v) in pre.nodes[range.clone()].iter().zip(&pre.order[range]) {
            x_out[v as usize] = (node.prelim + shift) as f32;
        }
    }
    right
}

/// Places the finished subtrees rooted at `kids` (the children of one node,
/// as positions) next to each other: the loop body of the paper's first walk,
/// plus turning the even-spacing shifts into each child's `spread`.
///
/// `iyl` is scratch space for the paper's index list, a stack of (lowest y,
/// sibling index) with the most recent sibling on top; `spacing` for the
/// paper's (shift, change) per sibling. Returns the largest `bottom` among
/// the children's subtrees.
fn place_children(
    nodes: &mut [Work],
    kids: &[u32],
    gap: f64,
    iyl: &mut Vec<(f64, u32)>,
    spacing: &mut Vec<(f64, f64)>,
) -> f64 {
    iyl.clear();
    spacing.clear();
    spacing.resize(kids.len(), (0.0, 0.0));
    let mut deepest = nodes[kids[0] as usize].deepest;
    iyl.push((deepest, 0));
    for i in 1..kids.len() {
        let low_y = nodes[kids[i] as usize].deepest;
        deepest = deepest.max(low_y);
        separate(nodes, kids, i, gap, iyl, spacing);
        // Siblings no deeper than the new subtree are hidden behind it.
        while iyl.last().is_some_and(|&(y, _)| low_y >= y) {
            iyl.pop();
        }
        iyl.push((low_y, i as u32));
    }
    let (mut shift, mut spread) = (0.0, 0.0);
    for (&kid, &(s, change)) in kids.iter().zip(spacing.iter()) {
        shift += s;
        spread += shift + change;
        nodes[kid as usize].spread = spread;
    }
    deepest
}

/// Moves subtree `kids[i]` right until it clears the right contour of
/// `kids[..i]` by `gap` everywhere, then threads the shorter contour to the
/// longer one.
fn separate(
    nodes: &mut [Work],
    kids: &[u32],
    i: usize,
    gap: f64,
    iyl: &[(f64, u32)],
    spacing: &mut [(f64, f64)],
) {
    let mut sr = kids[i - 1] as usize;
    let mut cl = kids[i] as usize;
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
            let node = &mut nodes[kids[i] as usize];
            node.modifier += dist;
            node.msel += dist;
            node.mser += dist;
            // Spread the move evenly over the siblings strictly between the
            // one whose contour forced it and this one.
            let owner = iyl[cursor].1 as usize;
            if owner + 1 != i {
                let step = dist / (i - owner) as f64;
                spacing[owner + 1].0 += step;
                spacing[i].0 -= step;
                spacing[i].1 -= dist - step;
            }
        }
        let cl_bottom = nodes[cl].bottom;
        let (mut next_sr, mut next_cl) = (sr as u32, cl as u32);
        if sr_bottom <= cl_bottom {
            next_sr = nodes[sr].down_r;
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
                set_left_thread(nodes, kids, i, cl_next as usize, mscl);
                break;
            }
            (sr_next, NONE) => {
                // The left siblings are deeper: continue the new subtree's
                // right contour into theirs.
                set_right_thread(nodes, kids, i, sr_next as usize, mssr);
                break;
            }
            (sr_next, cl_next) => {
                sr = sr_next as usize;
                cl = cl_next as usize;
            }
        }
    }
}

fn set_left_thread(nodes: &mut [Work], kids: &[u32], i: usize, cl: usize, mscl: f64) {
    let first = kids[0] as usize;
    let child = kids[i] as usize;
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

fn set_right_thread(nodes: &mut [Work], kids: &[u32], i: usize, sr: usize, mssr: f64) {
    let prev = kids[i - 1] as usize;
    let child = kids[i] as usize;
    let ri = nodes[child].extreme_r as usize;
    let diff = (mssr - nodes[sr].modifier) - nodes[child].mser;
    let leaf = &mut nodes[ri];
    leaf.down_r = sr as u32;
    leaf.modifier += diff;
    leaf.prelim -= diff;
    let (extreme_r, mser) = (nodes[prev].extreme_r, nodes[prev].mser);
    nodes[child].extreme_r = extreme_r;
    nodes[child].mser = mser;
}

#[cfg(test)]
mod tests;
