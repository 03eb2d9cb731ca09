//! Whole-chart layout with readable proportions, for the one-image exports
//! (SVG and PNG).
//!
//! The chart is laid out with the dense stacking of
//! [`CompactOptions::dense`](super::compact::CompactOptions::dense): small
//! teams stacked whole under their director, in columns of up to 9 boxes,
//! tighter gaps. Even so, the tidy tree of a big org is one very wide,
//! shallow strip (a generated 20,000-person org: about 670,000 × 1,100
//! px), because every department sits side by side. When the compact chart
//! is more than [`MAX_NATURAL_ASPECT`] times wider than tall, it is folded
//! to a width limit `W`:
//!
//! * a manager whose subtree, as laid out, is wider than `W` is drawn at
//!   the top left of its area, and its reports' subtrees (each folded the
//!   same way, or as laid out when no wider than `W`) and its stacked block
//!   of leaf reports are packed below it in rows at most `W` wide, in
//!   report order, like words on lines. A *trunk* line runs down from the
//!   manager's box on the left, and each row hangs from it on a bus of its
//!   own;
//! * subtrees no wider than `W` keep the compact tidy layout unchanged;
//! * several top-level people (roots) are packed in rows the same way.
//!
//! `W` is chosen among [`SEARCH_STEPS`] limits (one linear pass each) as the
//! one whose chart takes the least area with a width : height in
//! [`ASPECT_RANGE`]: a PNG's size limit is mostly one of pixels, so area is
//! what decides how big an org still fits with legible names.
//!
//! Area per person of a generated 20,000-person org's image (sheet
//! included), by what the layout does: 68k px² with leaves stacked in 2–4
//! columns under each manager; 59k adding small teams stacked whole; 47k
//! adding boxes that keep no room for a note line
//! ([`super::scene::Chart::for_image`]) and tighter gaps; 41k adding
//! columns of 9 rows, as the layout is. How full the folded rows come out
//! varies with the org (39k–44k per person between 20,000 and 25,000
//! people). Packing subtrees by their own proportions or tallest first
//! does not make it smaller.

use super::scene::{Chart, Drawing, LAYOUT};
use crate::layout::Bounds;

/// Width : height a folded chart aims for: a landscape screen.
pub(crate) const TARGET_ASPECT: f32 = 1.6;
/// A chart at most this many times wider than tall is left as laid out.
pub(crate) const MAX_NATURAL_ASPECT: f32 = 3.0;
/// Room left of folded rows for the trunk line.
const INDENT: f32 = 24.0;
/// Gap between two subtrees side by side in a folded row.
const ITEM_GAP: f32 = 20.0;
/// Width : height a folded chart may have.
pub(crate) const ASPECT_RANGE: std::ops::RangeInclusive<f32> = 1.0..=3.0;
/// Width limits tried, evenly spaced on a log scale (one linear pass each).
const SEARCH_STEPS: usize = 96;

/// An axis-aligned box `(min_x, min_y, max_x, max_y)`.
type Rect = (f32, f32, f32, f32);

const EMPTY: Rect = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);

fn union(a: Rect, b: Rect) -> Rect {
    (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3))
}

/// The chart of everyone: as laid out when that is no more than
/// [`MAX_NATURAL_ASPECT`] times wider than tall (a small org keeps the
/// classic tree), else with the dense stacking, folded as described in the
/// module docs when that is still too wide. A chart drawn without stacking
/// (`compact` off) is left as the plain tidy tree.
pub(crate) fn readable_drawing(chart: &Chart) -> Drawing {
    let too_wide = |d: &Drawing| d.height() > 0.0 && d.width() > MAX_NATURAL_ASPECT * d.height();
    let drawing = Drawing::new(chart, chart.everyone());
    if !chart.compact || !too_wide(&drawing) {
        return drawing;
    }
    let mut drawing = Drawing::dense(chart, chart.everyone());
    if !too_wide(&drawing) {
        return drawing;
    }
    let natural = Natural::of(&drawing);
    let limit = natural.best_limit(&drawing);
    natural.fold(&mut drawing, limit);
    drawing
}

/// Bounds of each subtree and of each manager's stacked block, in the
/// compact layout's coordinates.
struct Natural {
    /// Per node: its box, its subtree's boxes and the spines among them.
    subtree: Vec<Rect>,
    /// Per manager: the block of their stacked reports and its spines
    /// (`EMPTY` when nothing is stacked under them).
    block: Vec<Rect>,
}

impl Natural {
    fn of(drawing: &Drawing) -> Natural {
        let l = &drawing.placed.layout;
        let n = drawing.nodes.len();
        let mut subtree: Vec<Rect> = (0..n)
            .map(|v| {
                let left = if drawing.placed.is_stacked(v as u32) {
                    drawing.placed.spine[v].min(l.x[v])
                } else {
                    l.x[v]
                };
                (left, l.y[v], l.x[v] + l.width[v], l.y[v] + l.height[v])
            })
            .collect();
        let mut block = vec![EMPTY; n];
        // Drawing nodes are parents first, so reverse order is bottom-up.
        for v in (0..n as u32).rev() {
            if let Some(p) = drawing.forest.parent(v) {
                let own = subtree[v as usize];
                subtree[p as usize] = union(subtree[p as usize], own);
                if drawing.placed.is_stacked(v) {
                    block[p as usize] = union(block[p as usize], own);
                }
            }
        }
        Natural { subtree, block }
    }

    /// The width limit whose fold takes the least area with a width :
    /// height in [`ASPECT_RANGE`], or, when no limit gives one, the limit
    /// whose fold comes closest to [`TARGET_ASPECT`]. Folds at nearby
    /// limits differ in how full their last rows are, so the area is not
    /// monotonic in the limit: limits are sampled, not bisected.
    fn best_limit(&self, drawing: &Drawing) -> f32 {
        let natural_width = drawing.width().max(1.0);
        let (lo, hi) = (natural_width.ln() - 12.0, natural_width.ln());
        // (area, limit) of the smallest fold in range; (miss, limit) of
        // the one closest to the target.
        let mut smallest = (f32::MAX, None);
        let mut closest = (f32::MAX, natural_width);
        for step in 0..=SEARCH_STEPS {
            let limit = (lo + (hi - lo) * step as f32 / SEARCH_STEPS as f32).exp();
            let (w, h) = Fold::new(self, drawing, limit).size;
            if h <= 0.0 {
                continue;
            }
            let aspect = w / h;
            if ASPECT_RANGE.contains(&aspect) && w * h < smallest.0 {
                smallest = (w * h, Some(limit));
            }
            let miss = (aspect / TARGET_ASPECT).ln().abs();
            if miss < closest.0 {
                closest = (miss, limit);
            }
        }
        smallest.1.unwrap_or(closest.1)
    }

    /// Moves every box of `drawing` to its place in the fold at `limit`.
    fn fold(&self, drawing: &mut Drawing, limit: f32) {
        let fold = Fold::new(self, drawing, limit);
        let n = drawing.nodes.len();
        let placed = &mut drawing.placed;
        let mut origin = vec![(0.0f32, 0.0f32); n];
        let mut shift = vec![(0.0f32, 0.0f32); n];
        let mut trunk = vec![f32::NAN; n];
        for v in 0..n {
            let parent = drawing.forest.parent(v as u32).map(|p| p as usize);
            let head = match parent {
                None => Some((0.0, 0.0)),
                Some(p) if fold.folded[p] => Some(origin[p]),
                Some(_) => None,
            };
            shift[v] = match (head, parent) {
                // Inside a subtree kept as laid out: moved with its head.
                (None, Some(p)) => shift[p],
                (head, _) => {
                    let (px, py) = head.unwrap_or_default();
                    let (ax, ay) = fold.at[v];
                    origin[v] = (px + ax, py + ay);
                    let corner = if fold.folded[v] {
                        trunk[v] = origin[v].0 + INDENT / 2.0;
                        (placed.layout.x[v], placed.layout.y[v])
                    } else {
                        let item = match parent {
                            Some(p) if placed.is_stacked(v as u32) => self.block[p],
                            _ => self.subtree[v],
                        };
                        (item.0, item.1)
                    };
                    (origin[v].0 - corner.0, origin[v].1 - corner.1)
                }
            };
            let (dx, dy) = shift[v];
            placed.layout.x[v] += dx;
            placed.layout.y[v] += dy;
            if placed.is_stacked(v as u32) {
                placed.spine[v] += dx;
            }
        }
        placed.layout.bounds = Bounds {
            min_x: 0.0,
            min_y: 0.0,
            max_x: fold.size.0,
            max_y: fold.size.1,
        };
        drawing.trunk = trunk;
    }
}

/// One fold of a chart: which managers are folded, where each item sits
/// relative to its folded manager's top left (or the chart's, for roots),
/// and the chart's size.
struct Fold {
    folded: Vec<bool>,
    /// Per node heading an item (a root, a report of a folded manager, or a
    /// member of such a manager's block, which share the block's place).
    at: Vec<(f32, f32)>,
    size: (f32, f32),
}

impl Fold {
    fn new(natural: &Natural, drawing: &Drawing, limit: f32) -> Fold {
        let n = drawing.nodes.len();
        let l = &drawing.placed.layout;
        let forest = &drawing.forest;
        let mut folded = vec![false; n];
        let mut size = vec![(0.0f32, 0.0f32); n];
        let mut at = vec![(0.0f32, 0.0f32); n];
        let mut items: Vec<(u32, f32, f32)> = Vec::new();
        for v in (0..n).rev() {
            let r = natural.subtree[v];
            let (width, height) = (r.2 - r.0, r.3 - r.1);
            let kids = forest.children(v as u32);
            // A stacked team stays whole in its manager's block.
            if kids.is_empty() || width <= limit || drawing.placed.is_stacked(v as u32) {
                size[v] = (width, height);
                continue;
            }
            folded[v] = true;
            let block = natural.block[v];
            items.clear();
            // The block takes the place of its first member, as in the
            // compact layout; the other members share that place.
            let mut block_head = None;
            for &c in kids {
                if !drawing.placed.is_stacked(c) {
                    let (w, h) = size[c as usize];
                    items.push((c, w, h));
                } else if block_head.is_none() {
                    block_head = Some(c as usize);
                    items.push((c, block.2 - block.0, block.3 - block.1));
                }
            }
            let start = (INDENT, l.height[v] + LAYOUT.level_gap);
            let (right, bottom) = pack(&items, start, limit, |c, x, y| {
                at[c as usize] = (x, y);
            });
            if let Some(head) = block_head {
                for &c in kids {
                    if drawing.placed.is_stacked(c) {
                        at[c as usize] = at[head];
                    }
                }
            }
            size[v] = (right.max(l.width[v]), bottom);
        }
        // A subtree kept as laid out keeps everything in it as laid out,
        // even a part that is wide for its height.
        for v in 0..n {
            if let Some(p) = forest.parent(v as u32) {
                folded[v] &= folded[p as usize];
            }
        }
        let roots: Vec<(u32, f32, f32)> = forest
            .roots()
            .iter()
            .map(|&r| (r, size[r as usize].0, size[r as usize].1))
            .collect();
        let (width, height) = pack(&roots, (0.0, 0.0), limit, |r, x, y| {
            at[r as usize] = (x, y);
        });
        Fold {
            folded,
            at,
            size: (width, height),
        }
    }
}

/// Shelf-packs `items` (key, width, height), in order, into rows starting
/// at `start` whose right edge stays within `limit` (an item wider than
/// that gets a row of its own), calling `place` with each item's top left.
/// Returns the right and bottom edges reached.
fn pack(
    items: &[(u32, f32, f32)],
    start: (f32, f32),
    limit: f32,
    mut place: impl FnMut(u32, f32, f32),
) -> (f32, f32) {
    let (left, mut y) = start;
    let (mut x, mut row_height) = (left, 0.0f32);
    let (mut right, mut bottom) = (left, y);
    for &(key, w, h) in items {
        if x > left && x + w > limit {
            y += row_height + LAYOUT.level_gap;
            (x, row_height) = (left, 0.0);
        }
        place(key, x, y);
        right = right.max(x + w);
        bottom = bottom.max(y + h);
        row_height = row_height.max(h);
        x += w + ITEM_GAP;
    }
    (right, bottom)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ladder, Org, Person, Policy};
    use crate::render::{first_overlap, ChartOptions};

    fn generated(people: usize) -> Org {
        let records = crate::generate::generate(people, 7);
        Org::from_records(records, "generated", Ladder::default(), Policy::default())
            .expect("a generated org is valid")
            .0
    }

    fn chart_of(org: &Org) -> Chart {
        let metrics = crate::metrics::compute(org, crate::View::Current);
        Chart::build(org, &metrics, &ChartOptions::default()).expect("chart")
    }

    fn aspect(drawing: &Drawing) -> f32 {
        drawing.width() / drawing.height()
    }

    /// Boxes inside the bounds, none overlapping, reports below their
    /// manager, and a folded manager's reports right of its trunk.
    fn assert_well_formed(drawing: &Drawing) {
        let l = &drawing.placed.layout;
        assert_eq!(first_overlap(l), None);
        for v in 0..l.len() {
            assert!(l.x[v] >= -0.01 && l.x[v] + l.width[v] <= drawing.width() + 0.01);
            assert!(l.y[v] >= -0.01 && l.y[v] + l.height[v] <= drawing.height() + 0.01);
            let Some(p) = drawing.forest.parent(v as u32) else {
                continue;
            };
            let p = p as usize;
            if drawing.placed.is_stacked(p as u32) {
                // A team stacked whole: reports indented under their
                // manager, on a spine down from the manager's box.
                let spine = drawing.placed.spine[v];
                assert!(l.y[v] > l.y[p] + l.height[p]);
                assert!(spine > l.x[p] && spine < l.x[v] && l.x[v] > l.x[p]);
            } else {
                assert!(l.y[v] >= l.y[p] + l.height[p] + LAYOUT.level_gap / 2.0 - 0.01);
            }
            if drawing.placed.is_stacked(v as u32) {
                assert!(drawing.placed.spine[v] < l.x[v]);
            }
            if let Some(trunk) = drawing.trunk_of(p as u32) {
                assert!(trunk > l.x[p] && trunk < l.x[p] + l.width[p]);
                let left = match drawing.placed.is_stacked(v as u32) {
                    true => drawing.placed.spine[v],
                    false => l.x[v],
                };
                assert!(left > trunk, "report {v} left of its manager's trunk");
            }
        }
    }

    #[test]
    fn a_wide_org_is_folded_to_about_a_screens_proportions() {
        let chart = chart_of(&generated(2_000));
        let natural = Drawing::dense(&chart, chart.everyone());
        assert!(aspect(&natural) > 50.0, "{}", aspect(&natural));
        let folded = readable_drawing(&chart);
        assert!(
            (1.0..=2.5).contains(&aspect(&folded)),
            "{} x {}",
            folded.width(),
            folded.height()
        );
        assert_eq!(folded.nodes.len(), chart.len());
        assert!((0..chart.len() as u32).any(|v| folded.trunk_of(v).is_some()));
        assert_well_formed(&folded);
        // Folding moves whole subtrees: the area per person stays near
        // what the tidy tree needs (the rows' ends and uneven heights
        // leave some room empty: about 40% more here, 15% at 20,000).
        let area = |d: &Drawing| d.width() * d.height();
        let (folded, natural) = (area(&folded), area(&natural));
        assert!(folded < 1.5 * natural, "{folded} vs {natural}");
    }

    #[test]
    fn a_chart_not_too_wide_is_left_as_laid_out() {
        let chart = chart_of(&crate::render::tests::small_org());
        let natural = Drawing::new(&chart, chart.everyone());
        let kept = readable_drawing(&chart);
        assert!(kept.trunk.is_empty());
        assert_eq!(kept.placed.layout, natural.placed.layout);
        let bits = |v: &[f32]| v.iter().map(|f| f.to_bits()).collect::<Vec<u32>>();
        assert_eq!(bits(&kept.placed.spine), bits(&natural.placed.spine));
    }

    #[test]
    fn separate_trees_are_packed_in_rows() {
        let mut org = Org::new();
        for t in 0..40 {
            let lead = format!("lead{t}");
            org.add_person(Person::new(lead.as_str())).expect("unique");
            for r in 0..3 {
                let id = format!("ic{t}-{r}");
                org.add_person(Person::new(id.as_str())).expect("unique");
                org.move_person(&id.as_str().into(), Some(&lead.as_str().into()))
                    .expect("forest");
            }
        }
        let chart = chart_of(&org);
        let folded = readable_drawing(&chart);
        assert!(aspect(&Drawing::new(&chart, chart.everyone())) > 10.0);
        assert!(
            (1.0..=2.5).contains(&aspect(&folded)),
            "{}",
            aspect(&folded)
        );
        assert!(folded.trunk.iter().all(|t| t.is_nan()), "no manager folded");
        assert_well_formed(&folded);
    }

    /// Pack keeps order, wraps before an item that would cross the limit,
    /// and gives an item wider than the limit a row of its own.
    #[test]
    fn pack_wraps_like_words() {
        let items = [
            (0, 50.0, 10.0),
            (1, 50.0, 20.0),
            (2, 300.0, 5.0),
            (3, 10.0, 10.0),
        ];
        let mut placed = Vec::new();
        let end = pack(&items, (5.0, 100.0), 200.0, |k, x, y| {
            placed.push((k, x, y))
        });
        let row = 20.0 + LAYOUT.level_gap;
        assert_eq!(
            placed,
            vec![
                (0, 5.0, 100.0),
                (1, 5.0 + 50.0 + ITEM_GAP, 100.0),
                (2, 5.0, 100.0 + row),
                (3, 5.0, 100.0 + row + 5.0 + LAYOUT.level_gap),
            ]
        );
        assert_eq!(end, (305.0, 100.0 + row + 5.0 + LAYOUT.level_gap + 10.0));
    }
}
