//! Where the boxes of one stacked block go (see [`super::compact`]),
//! relative to the block's top left, and the block's outer size.
//!
//! * [`uniform`]: leaves only, in 2–`max_columns` columns of equal length.
//! * [`units`]: the dense stacking of whole-org images. A *unit* is a leaf
//!   or a small whole team (its manager, then the manager's reports
//!   indented under them, hanging from a spine of their own). Units are
//!   never split; they fill columns of about the same number of boxes, as
//!   few columns as the row limit allows, so a director's teams make one
//!   compact block instead of a row of separate subtrees of uneven height.

use super::compact::{sanitize, CompactOptions};
use crate::layout::Size;
use crate::model::Forest;

/// Spacing inside a block.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spacing {
    /// Between two columns.
    pub gap: f32,
    /// Between two boxes of a column.
    pub row_gap: f32,
    /// Room left of each column (and of an indented team) for its spine.
    pub indent: f32,
}

/// One stacked box: its top left and the x of the spine it hangs from,
/// relative to the block's top left.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot {
    pub node: u32,
    pub dx: f64,
    pub dy: f64,
    pub spine: f64,
}

/// Whether `v` manages a team that [`units`] stacks whole: only leaf
/// reports, and with them no more than `rows` boxes.
pub(crate) fn is_small_team(forest: &Forest, v: u32, rows: usize) -> bool {
    let kids = forest.children(v);
    !kids.is_empty()
        && kids.len() < rows.max(2)
        && kids.iter().all(|&c| forest.children(c).is_empty())
}

fn width_of(sizes: &[Size], v: u32) -> f64 {
    f64::from(sanitize(sizes[v as usize].width))
}

fn height_of(sizes: &[Size], v: u32) -> f64 {
    f64::from(sanitize(sizes[v as usize].height))
}

/// Places `leaves` in 2–`max_columns` columns (a new one per `per_column`
/// leaves), filled top to bottom, left to right, into `out`; returns the
/// block's size.
pub(crate) fn uniform(
    leaves: &[u32],
    sizes: &[Size],
    compact: &CompactOptions,
    spacing: &Spacing,
    out: &mut Vec<Slot>,
) -> Size {
    let count = leaves.len();
    let per_column = compact.per_column.max(1);
    let wanted = count
        .div_ceil(per_column)
        .clamp(2, compact.max_columns.max(2));
    let columns = wanted.min(count).max(1);
    let rows = count.div_ceil(columns).max(1);
    let (indent, gap, row_gap) = (
        f64::from(spacing.indent),
        f64::from(spacing.gap),
        f64::from(spacing.row_gap),
    );
    let (mut left, mut height) = (0.0f64, 0.0f64);
    for (i, column) in leaves.chunks(rows).enumerate() {
        if i > 0 {
            left += gap;
        }
        let mut column_width = 0.0f64;
        let mut top = 0.0f64;
        for (j, &m) in column.iter().enumerate() {
            if j > 0 {
                top += row_gap;
            }
            out.push(Slot {
                node: m,
                dx: left + indent,
                dy: top,
                spine: left + indent / 2.0,
            });
            column_width = column_width.max(width_of(sizes, m));
            top += height_of(sizes, m);
        }
        height = height.max(top);
        left += indent + column_width;
    }
    Size::new(left as f32, height as f32)
}

/// Places `units` (leaves and small teams, in report order) in balanced
/// columns of at most about `rows` boxes into `out`; returns the block's
/// size. A team's manager sits in the column, their reports indented below
/// them.
pub(crate) fn units(
    forest: &Forest,
    units: &[u32],
    sizes: &[Size],
    rows: usize,
    spacing: &Spacing,
    out: &mut Vec<Slot>,
) -> Size {
    let boxes = |u: u32| 1 + forest.children(u).len();
    let target = column_length(units.iter().map(|&u| boxes(u)), rows);
    let (indent, gap, row_gap) = (
        f64::from(spacing.indent),
        f64::from(spacing.gap),
        f64::from(spacing.row_gap),
    );
    let (mut left, mut top, mut height) = (0.0f64, 0.0f64, 0.0f64);
    let (mut column_width, mut column_boxes) = (0.0f64, 0usize);
    for &u in units {
        let count = boxes(u);
        if column_boxes > 0 && column_boxes + count > target {
            left += indent + column_width + gap;
            (top, column_width, column_boxes) = (0.0, 0.0, 0);
        }
        column_boxes += count;
        // `top` is where the column's next box goes (a row gap below the
        // last); returns the box's right edge from the column's box edge.
        let mut place = |node: u32, spine: f64, top: &mut f64| {
            let box_height = height_of(sizes, node);
            out.push(Slot {
                node,
                dx: spine + indent / 2.0,
                dy: *top,
                spine,
            });
            height = height.max(*top + box_height);
            *top += box_height + row_gap;
            spine + indent / 2.0 - left - indent + width_of(sizes, node)
        };
        let own = place(u, left + indent / 2.0, &mut top);
        column_width = column_width.max(own);
        for &r in forest.children(u) {
            let indented = place(r, left + indent * 1.5, &mut top);
            column_width = column_width.max(indented);
        }
    }
    Size::new((left + indent + column_width) as f32, height as f32)
}

/// The most boxes per column for units of `counts` boxes (in order, never
/// split, a new column when the next unit would pass the limit): the
/// fewest columns that `rows` allows (a wider block widens every level
/// above it, a longer one only its own), made as even as they can be (the
/// smallest limit that still gives that many). Each try is one pass over
/// the units, so this stays linear.
fn column_length(counts: impl Iterator<Item = usize> + Clone, rows: usize) -> usize {
    let largest = counts.clone().max().unwrap_or(1);
    let columns_at = |limit: usize| {
        let (mut columns, mut filled) = (1usize, 0usize);
        for count in counts.clone() {
            if filled > 0 && filled + count > limit {
                columns += 1;
                filled = 0;
            }
            filled += count;
        }
        columns
    };
    let longest = rows.max(largest);
    let fewest = columns_at(longest);
    (largest..=longest)
        .find(|&limit| columns_at(limit) == fewest)
        .unwrap_or(longest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NO_PARENT;

    const BOX: Size = Size::new(100.0, 40.0);
    const SPACING: Spacing = Spacing {
        gap: 8.0,
        row_gap: 6.0,
        indent: 12.0,
    };

    /// The fewest columns of at most 9 boxes, as even as units kept whole
    /// allow: 4, 4 and 3 boxes in two columns of 4 and 7, not 8 and 3.
    #[test]
    fn columns_are_few_and_even_without_splitting_a_unit() {
        assert_eq!(column_length([4, 4, 3].into_iter(), 9), 7);
        assert_eq!(column_length([1; 18].into_iter(), 9), 9);
        assert_eq!(column_length([1; 10].into_iter(), 9), 5);
        // A unit longer than the limit gets a column of its own length.
        assert_eq!(column_length([12, 1].into_iter(), 9), 12);
        assert_eq!(column_length(std::iter::empty(), 9), 1);
    }

    /// A boss with a team of 2 (lead 1; leaves 4, 5) and a leaf (3): the
    /// team's leaves are indented under their lead on a spine inside the
    /// lead's box, the next unit follows in the same column.
    #[test]
    fn a_small_team_is_stacked_whole_and_indented() {
        let forest = Forest::from_parents(vec![NO_PARENT, 0, 0, 0, 1, 1]).expect("forest");
        assert!(is_small_team(&forest, 1, 9));
        assert!(
            !is_small_team(&forest, 1, 2),
            "2 reports and a lead pass 2 rows"
        );
        assert!(!is_small_team(&forest, 0, 9), "a manager of managers");
        let sizes = vec![BOX; 6];
        let mut out = Vec::new();
        let size = units(&forest, &[1, 2, 3], &sizes, 9, &SPACING, &mut out);
        let at = |v: u32| *out.iter().find(|s| s.node == v).expect("placed");
        assert_eq!(out.len(), 5);
        assert_eq!((at(1).dx, at(1).dy, at(1).spine), (12.0, 0.0, 6.0));
        // Leaves 4 and 5 under their lead, indented, then leaves 2 and 3.
        assert_eq!((at(4).dx, at(4).dy, at(4).spine), (24.0, 46.0, 18.0));
        assert_eq!(at(5).dy, 92.0);
        assert_eq!((at(2).dx, at(2).dy), (12.0, 138.0));
        assert_eq!(at(3).dy, 184.0);
        assert_eq!((size.width, size.height), (124.0, 224.0));
    }
}
