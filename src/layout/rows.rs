//! Separate root trees wrapped into rows.
//!
//! [`super::tidy_tree`] places a forest's trees left to right on one line.
//! An HR file with hundreds of top-level people (managers missing from the
//! file, contractors without a manager) then draws as a line hundreds of
//! boxes long, which no screen can show at a legible size. [`wrap_roots`]
//! moves whole trees, in order, onto rows no wider than a width chosen so the
//! drawing has about a screen's proportions (and at least a minimum): a row
//! holds trees until the next one would pass that width. Each tree keeps
//! its shape; linear time.

use super::Layout;
use crate::model::Forest;

/// How root trees are wrapped into rows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowOptions {
    /// Width over height the wrapped drawing aims for.
    pub aspect: f32,
    /// Horizontal gap between trees of one row.
    pub root_gap: f32,
    /// Vertical gap between rows.
    pub row_gap: f32,
    /// Rows are never made narrower than this: a few trees stay side by
    /// side even when a single row is far wider than tall.
    pub min_width: f32,
}

impl Default for RowOptions {
    fn default() -> RowOptions {
        RowOptions {
            aspect: 1.6,
            root_gap: 64.0,
            row_gap: 96.0,
            min_width: 1600.0,
        }
    }
}

/// Extent of one root tree's visible boxes.
#[derive(Debug, Clone, Copy)]
struct Extent {
    min_x: f64,
    max_x: f64,
    max_y: f64,
}

/// Wraps the root trees of `layout` (made by a layout of `forest` whose
/// trees stand side by side with their roots' tops at y = 0) into rows, in
/// [`Forest::roots`] order, and updates its bounds. A forest of one tree, or
/// one narrow enough already, is left as it is.
pub fn wrap_roots(layout: &mut Layout, forest: &Forest, options: &RowOptions) {
    let roots = forest.roots();
    if roots.len() < 2 || layout.is_empty() {
        return;
    }
    let tree_of = tree_numbers(forest);
    let mut extents = vec![
        Extent {
            min_x: f64::INFINITY,
            max_x: f64::NEG_INFINITY,
            max_y: 0.0,
        };
        roots.len()
    ];
    for v in 0..layout.len() {
        if !layout.visible[v] {
            continue;
        }
        let e = &mut extents[tree_of[v] as usize];
        let x = f64::from(layout.x[v]);
        e.min_x = e.min_x.min(x);
        e.max_x = e.max_x.max(x + f64::from(layout.width[v]));
        e.max_y = e
            .max_y
            .max(f64::from(layout.y[v]) + f64::from(layout.height[v]));
    }
    let gap = f64::from(finite_or_zero(options.root_gap));
    let row_gap = f64::from(finite_or_zero(options.row_gap));
    let aspect = f64::from(options.aspect).clamp(0.1, 100.0);
    let (mut area, mut widest) = (0.0f64, 0.0f64);
    for e in &extents {
        let w = e.max_x - e.min_x;
        area += (w + gap) * (e.max_y + row_gap);
        widest = widest.max(w);
    }
    let row_width = widest
        .max((area * aspect).sqrt())
        .max(f64::from(finite_or_zero(options.min_width)));
    if f64::from(layout.bounds.max_x) <= row_width {
        return;
    }

    // Shelf packing: (dx, dy) per tree.
    let mut shift = vec![(0.0f64, 0.0f64); roots.len()];
    let (mut cursor, mut top, mut row_height, mut right) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for (e, s) in extents.iter().zip(shift.iter_mut()) {
        let w = e.max_x - e.min_x;
        if cursor > 0.0 && cursor + w > row_width {
            top += row_height + row_gap;
            cursor = 0.0;
            row_height = 0.0;
        }
        *s = (cursor - e.min_x, top);
        right = right.max(cursor + w);
        cursor += w + gap;
        row_height = row_height.max(e.max_y);
    }
    for v in 0..layout.len() {
        if layout.visible[v] {
            let (dx, dy) = shift[tree_of[v] as usize];
            layout.x[v] = (f64::from(layout.x[v]) + dx) as f32;
            layout.y[v] = (f64::from(layout.y[v]) + dy) as f32;
        }
    }
    layout.bounds.max_x = right as f32;
    layout.bounds.max_y = (top + row_height) as f32;
}

/// Which root tree (by position in [`Forest::roots`]) each node is in.
fn tree_numbers(forest: &Forest) -> Vec<u32> {
    let mut tree = vec![0u32; forest.len()];
    for (t, &root) in forest.roots().iter().enumerate() {
        tree[root as usize] = t as u32;
    }
    // Parents come before their children top-down.
    for &v in forest.top_down() {
        if let Some(p) = forest.parent(v) {
            tree[v as usize] = tree[p as usize];
        }
    }
    tree
}

fn finite_or_zero(length: f32) -> f32 {
    if length.is_finite() {
        length.max(0.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{compact::first_overlap, tidy_tree, LayoutOptions, Size};
    use crate::model::NO_PARENT;
    use proptest::prelude::*;

    const BOX: Size = Size::new(180.0, 64.0);

    fn laid_out(parents: &[u32], collapsed: &[bool]) -> (Forest, Layout) {
        let forest = Forest::from_parents(parents.to_vec()).expect("a forest");
        let sizes = vec![BOX; forest.len()];
        let layout = tidy_tree(&forest, &sizes, collapsed, &LayoutOptions::default());
        (forest, layout)
    }

    #[test]
    fn four_hundred_lone_roots_make_a_block_not_a_line() {
        let parents = vec![NO_PARENT; 400];
        let (forest, mut layout) = laid_out(&parents, &[]);
        assert!(layout.bounds.width() > 400.0 * BOX.width);
        wrap_roots(&mut layout, &forest, &RowOptions::default());
        let (w, h) = (layout.bounds.width(), layout.bounds.height());
        assert!(
            (1.0..3.0).contains(&(w / h)),
            "wrapped to {w} x {h}, far from a screen's shape"
        );
        assert_eq!(first_overlap(&layout), None);
        // Reading order: along a row, then the next row.
        assert!(layout.x[1] > layout.x[0] && layout.y[1] == layout.y[0]);
        let second_row = (1..400).find(|&v| layout.y[v] > 0.0).expect("wraps");
        assert_eq!(layout.x[second_row], 0.0);
        for v in 0..400 {
            assert!(layout.x[v] + BOX.width <= layout.bounds.max_x + 1e-3);
            assert!(layout.y[v] + BOX.height <= layout.bounds.max_y + 1e-3);
        }
    }

    #[test]
    fn one_tree_or_a_narrow_forest_stays_as_it_is() {
        let (forest, layout) = laid_out(&[NO_PARENT, 0, 0, 0], &[]);
        let mut wrapped = layout.clone();
        wrap_roots(&mut wrapped, &forest, &RowOptions::default());
        assert_eq!(wrapped, layout);
        let (forest, layout) = laid_out(&[NO_PARENT, 0, 0, 0, 0, NO_PARENT], &[]);
        let mut wrapped = layout.clone();
        wrap_roots(&mut wrapped, &forest, &RowOptions::default());
        assert_eq!(wrapped, layout);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Trees move whole: every node of a tree shifts by the same amount,
        /// hidden nodes stay hidden, and no boxes overlap.
        #[test]
        fn trees_move_whole_and_never_overlap(
            picks in prop::collection::vec((0.0f64..1.0, 0u8..4, 0u8..8), 1..200)
        ) {
            let mut parents = Vec::new();
            let mut collapsed = Vec::new();
            for (i, &(pick, root, fold)) in picks.iter().enumerate() {
                if i == 0 || root == 0 {
                    parents.push(NO_PARENT);
                } else {
                    parents.push(((pick * i as f64) as u32).min(i as u32 - 1));
                }
                collapsed.push(fold == 0);
            }
            let (forest, layout) = laid_out(&parents, &collapsed);
            let mut wrapped = layout.clone();
            wrap_roots(&mut wrapped, &forest, &RowOptions::default());
            prop_assert_eq!(first_overlap(&wrapped), None);
            prop_assert_eq!(&wrapped.visible, &layout.visible);
            for v in 0..forest.len() {
                if !layout.visible[v] {
                    prop_assert!(wrapped.x[v].is_nan());
                    continue;
                }
                prop_assert!(wrapped.x[v] >= -1e-2 && wrapped.y[v] >= -1e-2);
                prop_assert!(wrapped.x[v] + wrapped.width[v] <= wrapped.bounds.max_x + 1e-2);
                prop_assert!(wrapped.y[v] + wrapped.height[v] <= wrapped.bounds.max_y + 1e-2);
                if let Some(p) = forest.parent(v as u32) {
                    let p = p as usize;
                    let moved = |i: usize| (wrapped.x[i] - layout.x[i], wrapped.y[i] - layout.y[i]);
                    let (a, b) = (moved(v), moved(p));
                    prop_assert!((a.0 - b.0).abs() < 1e-2 && (a.1 - b.1).abs() < 1e-2);
                }
            }
        }
    }
}
