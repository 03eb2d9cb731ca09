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
