//! What a chart shows: the people under the chosen root down to the chosen
//! depth (the chart's own forest, indexed 0..len), their labels and colour
//! keys, and the laid-out drawing of any subset of them.

use super::colour::{Colouring, Key};
use super::compact::{compact_tree, CompactLayout, CompactOptions};
use super::placeholders;
use super::ChartOptions;
use crate::error::{OrgError, Result};
use crate::layout::{Bounds, LayoutOptions, Size};
use crate::metrics::Metrics;
use crate::model::{placeholder_groups, Forest, Org, Person, PlaceholderGroup, Status, NO_PARENT};
use rustc_hash::FxHashMap;

/// Box size with and without the team line. Every box has room for a last
/// small line ("+12 below", "continued on page 4").
pub(crate) const BOX_WIDTH: f32 = 190.0;
pub(crate) const BOX_HEIGHT: f32 = 80.0;
pub(crate) const BOX_HEIGHT_NO_TEAM: f32 = 66.0;
/// The height of that last small line.
pub(crate) const NOTE_LINE: f32 = 14.0;

pub(crate) const LAYOUT: LayoutOptions = LayoutOptions {
    sibling_gap: 16.0,
    level_gap: 40.0,
    root_gap: 48.0,
};

/// One person as drawn. No cost: compensation never reaches a chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Label {
    pub name: String,
    pub title: String,
    pub team: Option<String>,
    /// The department of their team, which groups top-level people on a
    /// PDF's first page.
    pub department: Option<String>,
    /// Index into [`Chart::keys`].
    pub key: u32,
    /// People below this one that the depth cut leaves out.
    pub hidden_below: u64,
    /// A "Not in file" placeholder, not a person (see `placeholders`).
    pub placeholder: bool,
}

#[derive(Debug)]
pub(crate) struct Chart {
    /// Parent/children among the people shown, in chart indices.
    pub forest: Forest,
    pub labels: Vec<Label>,
    pub keys: Vec<Key>,
    /// Dotted lines (manager, report) between people shown, sorted.
    pub dotted: Vec<(u32, u32)>,
    pub size: Size,
    /// Whether boxes have a line for the team.
    pub show_team: bool,
    pub compact: bool,
    pub colour_by: super::ColourBy,
}

impl Chart {
    /// Cuts the org to `options.root`/`options.depth` and labels everyone.
    /// Chart indices follow a breadth-first walk from the root(s), so
    /// reports keep their org order.
    pub fn build(org: &Org, metrics: &Metrics, options: &ChartOptions) -> Result<Chart> {
        let forest = org.forest();
        // Placeholder entries are numbered after the people.
        let (people_len, mut groups) = (forest.len() as u32, Vec::new());
        let starts: Vec<u32> = match &options.root {
            Some(id) => vec![org
                .position_of(id)
                .ok_or_else(|| OrgError::PersonNotFound(id.to_string()))?],
            None => {
                groups = placeholder_groups(org);
                placeholders::roots_with_placeholders(&forest, &groups)
            }
        };
        let cut = cut_to_depth(&forest, &starts, &groups, options.depth);
        // Subtree sizes, only needed when the depth cuts people off.
        let below: Vec<u64> = if options.depth.is_some() {
            people_below(&forest)
        } else {
            Vec::new()
        };
        let people: Vec<&Person> = org.people().collect();
        let colouring = Colouring::new(org, metrics, options.colour_by);
        let placeholder_key = colouring.keys.len() as u32;
        let mut local_of: FxHashMap<u32, u32> = FxHashMap::default();
        local_of.reserve(cut.global.len());
        let labels: Vec<Label> = cut
            .global
            .iter()
            .enumerate()
            .map(|(i, &g)| {
                local_of.insert(g, i as u32);
                if let Some(group) = g.checked_sub(people_len) {
                    return placeholders::label(&groups[group as usize], placeholder_key);
                }
                let hidden_below = if options.depth.is_some_and(|d| cut.level[i] >= d) {
                    below.get(g as usize).copied().unwrap_or(0)
                } else {
                    0
                };
                person_label(org, people[g as usize], &colouring, hidden_below)
            })
            .collect();
        let dotted = dotted_among(org, &local_of);
        let mut keys = colouring.keys;
        if !groups.is_empty() {
            keys.push(placeholders::key());
        }
        Ok(Chart {
            forest: Forest::from_parents(cut.parents).expect("a cut of a forest is a forest"),
            labels,
            keys,
            dotted,
            size: Size::new(
                BOX_WIDTH,
                if options.show_team {
                    BOX_HEIGHT
                } else {
                    BOX_HEIGHT_NO_TEAM
                },
            ),
            show_team: options.show_team,
            compact: options.compact,
            colour_by: options.colour_by,
        })
    }

    /// The chart of a one-image export (SVG, PNG): without a depth cut no
    /// box has a last small line to write ("+12 below"; images have no
    /// page markers), so the boxes lose the room kept for it.
    pub fn for_image(org: &Org, metrics: &Metrics, options: &ChartOptions) -> Result<Chart> {
        let mut chart = Chart::build(org, metrics, options)?;
        if chart.labels.iter().all(|label| label.hidden_below == 0) {
            chart.size.height -= NOTE_LINE;
        }
        Ok(chart)
    }

    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Every person of the chart, parents before reports.
    pub fn everyone(&self) -> Vec<u32> {
        (0..self.len() as u32).collect()
    }
}

/// The entries a chart shows, in chart order: a breadth-first walk from
/// `starts`, with parents and levels as chart indices.
struct Cut {
    /// The org position of each entry (placeholders numbered after the
    /// people, as in [`placeholders::roots_with_placeholders`]).
    global: Vec<u32>,
    parents: Vec<u32>,
    /// Levels below the start; a placeholder's members share its level.
    level: Vec<u32>,
}

/// Walks breadth-first from `starts` down to `depth` levels, each
/// placeholder opening onto its group's members.
fn cut_to_depth(
    forest: &Forest,
    starts: &[u32],
    groups: &[PlaceholderGroup],
    depth: Option<u32>,
) -> Cut {
    let people_len = forest.len() as u32;
    let mut cut = Cut {
        global: Vec::new(),
        parents: Vec::new(),
        level: Vec::new(),
    };
    for &s in starts {
        cut.global.push(s);
        cut.parents.push(NO_PARENT);
        cut.level.push(0);
    }
    let mut head = 0;
    while head < cut.global.len() {
        let v = cut.global[head];
        if let Some(group) = v.checked_sub(people_len) {
            for &member in &groups[group as usize].members {
                cut.global.push(member);
                cut.parents.push(head as u32);
                cut.level.push(cut.level[head]);
            }
        } else if depth.is_none_or(|d| cut.level[head] < d) {
            for &c in forest.children(v) {
                cut.global.push(c);
                cut.parents.push(head as u32);
                cut.level.push(cut.level[head] + 1);
            }
        }
        head += 1;
    }
    cut
}

/// How many people are below each person of `forest`.
fn people_below(forest: &Forest) -> Vec<u64> {
    let mut below = vec![0u64; forest.len()];
    for &v in forest.top_down().iter().rev() {
        if let Some(p) = forest.parent(v) {
            below[p as usize] += below[v as usize] + 1;
        }
    }
    below
}

/// The label of `person`'s box: open reqs and planned hires without a name
/// are named as such, teams by their name.
fn person_label(org: &Org, person: &Person, colouring: &Colouring, hidden_below: u64) -> Label {
    Label {
        name: match (person.name.is_empty(), person.status) {
            (false, _) => person.name.to_string(),
            (true, Status::Open) => format!("Open req ({})", person.id),
            (true, Status::Planned) => format!("Planned hire ({})", person.id),
            (true, _) => person.id.to_string(),
        },
        title: person.title.to_string(),
        team: person.team.as_ref().map(|t| {
            org.team(t)
                .map_or_else(|| t.to_string(), |team| team.name.clone())
        }),
        department: person
            .team
            .as_ref()
            .and_then(|t| org.team(t))
            .and_then(|team| team.department.clone()),
        key: colouring.key_of(person),
        hidden_below,
        placeholder: false,
    }
}

/// The org's dotted lines between people the chart shows (`local_of` maps
/// org positions to chart indices), as chart indices, sorted, no repeats.
fn dotted_among(org: &Org, local_of: &FxHashMap<u32, u32>) -> Vec<(u32, u32)> {
    let positions = org.positions();
    let mut dotted: Vec<(u32, u32)> = org
        .dotted_lines()
        .into_iter()
        .filter_map(|(m, r)| {
            let m = local_of.get(&positions.of(m)?)?;
            let r = local_of.get(&positions.of(r)?)?;
            Some((*m, *r))
        })
        .collect();
    dotted.sort_unstable();
    dotted.dedup();
    dotted
}

/// A laid-out subset of a chart.
#[derive(Debug)]
pub(crate) struct Drawing {
    /// Chart indices, in drawing order (parents before reports).
    pub nodes: Vec<u32>,
    /// Parent/children among `nodes`, by position in `nodes`.
    pub forest: Forest,
    pub placed: CompactLayout,
    /// Per node, the x of the trunk line down the left of a manager whose
    /// reports are folded into rows below them (NaN for the others); empty
    /// when nobody's reports are folded (see [`super::readable`]).
    pub trunk: Vec<f32>,
    /// Group headings (left x, baseline y, text) above top-level people
    /// grouped by department (see [`Drawing::grouped`]).
    pub captions: Vec<(f32, f32, String)>,
}

/// Room above a group of top-level trees for its heading.
pub(crate) const CAPTION_HEIGHT: f32 = 26.0;

impl Drawing {
    /// Lays out `nodes` (chart indices, each after its parent if the parent
    /// is drawn at all); a node whose parent is not drawn is a root.
    pub fn new(chart: &Chart, nodes: Vec<u32>) -> Drawing {
        Drawing::laid_out(chart, nodes, false, &CompactOptions::default())
    }

    /// Like [`Drawing::new`], with the denser stacking of whole-org images
    /// ([`CompactOptions::dense`]: small teams stacked whole, longer
    /// columns).
    pub fn dense(chart: &Chart, nodes: Vec<u32>) -> Drawing {
        Drawing::laid_out(chart, nodes, false, &CompactOptions::dense())
    }

    /// Lays out `nodes`; with `detach_first`, the first node's reports are
    /// drawn as trees of their own rather than hanging under it.
    fn laid_out(
        chart: &Chart,
        nodes: Vec<u32>,
        detach_first: bool,
        compact: &CompactOptions,
    ) -> Drawing {
        let mut at: FxHashMap<u32, u32> = FxHashMap::default();
        at.reserve(nodes.len());
        let mut parents = Vec::with_capacity(nodes.len());
        let first = nodes.first().copied();
        for (i, &v) in nodes.iter().enumerate() {
            let parent = chart
                .forest
                .parent(v)
                .filter(|&p| !(detach_first && Some(p) == first))
                .and_then(|p| at.get(&p).copied())
                .unwrap_or(NO_PARENT);
            parents.push(parent);
            at.insert(v, i as u32);
        }
        let forest = Forest::from_parents(parents).expect("a subset of a forest is a forest");
        let sizes = vec![chart.size; nodes.len()];
        let placed = compact_tree(&forest, &sizes, &LAYOUT, chart.compact.then_some(compact));
        Drawing {
            nodes,
            forest,
            placed,
            trunk: Vec::new(),
            captions: Vec::new(),
        }
    }

    /// Like [`Drawing::new`], but separate trees that would make the
    /// drawing wider than `max_width` wrap onto further rows, as words
    /// wrap on a line: a page of many small subtrees is filled in both
    /// directions instead of being one long row.
    pub fn wrapped(chart: &Chart, nodes: Vec<u32>, max_width: f32) -> Drawing {
        Drawing::new(chart, nodes).wrap(max_width, false, None)
    }

    /// Like [`Drawing::wrapped`], with the trees grouped by their top
    /// person's department when they are of more than one: each group
    /// starts a row under a heading ("Payments (12)"). The trees come in
    /// `nodes` order, so a caller lists each department's together.
    pub fn grouped(chart: &Chart, nodes: Vec<u32>, max_width: f32) -> Drawing {
        Drawing::new(chart, nodes).wrap(max_width, false, Some(chart))
    }

    /// The drawing of a page whose first `tops` nodes are repeated managers
    /// and the rest their reports' subtrees. One manager whose reports do
    /// not fit side by side under them is drawn alone on the first row, and
    /// the reports' subtrees wrap below it like words: a page then fills in
    /// both directions instead of being one wide, shallow row. (The page
    /// header names whose reports these are.)
    pub fn for_page(chart: &Chart, nodes: Vec<u32>, tops: usize, max_width: f32) -> Drawing {
        if tops == 0 {
            return Drawing::grouped(chart, nodes, max_width);
        }
        let drawing = Drawing::wrapped(chart, nodes, max_width);
        if tops != 1 || drawing.width() <= max_width {
            return drawing;
        }
        Drawing::laid_out(chart, drawing.nodes, true, &CompactOptions::default())
            .wrap(max_width, true, None)
    }

    /// Shelf-packs the drawing's trees, in order, into rows at most
    /// `max_width` wide (a tree wider than that gets a row of its own);
    /// `first_alone` keeps the first tree alone on the first row; with
    /// `groups`, trees are grouped by department as [`Drawing::grouped`]
    /// says.
    fn wrap(mut self, max_width: f32, first_alone: bool, groups: Option<&Chart>) -> Drawing {
        let roots = self.forest.roots().to_vec();
        let department = |chart: &Chart, t: usize| {
            chart.labels[self.nodes[roots[t] as usize] as usize]
                .department
                .clone()
        };
        let grouped = groups
            .filter(|chart| (1..roots.len()).any(|t| department(chart, t) != department(chart, 0)));
        if roots.len() < 2 || (self.width() <= max_width && !first_alone && grouped.is_none()) {
            return self;
        }
        // Which tree each node is in, and each tree's bounds.
        let n = self.nodes.len();
        let mut tree = vec![0usize; n];
        for (t, &root) in roots.iter().enumerate() {
            tree[root as usize] = t;
        }
        for &v in self.forest.top_down() {
            if let Some(p) = self.forest.parent(v) {
                tree[v as usize] = tree[p as usize];
            }
        }
        let layout = &self.placed.layout;
        let mut bounds = vec![(f32::MAX, f32::MAX, f32::MIN, f32::MIN); roots.len()];
        for v in 0..n {
            let b = &mut bounds[tree[v]];
            b.0 = b.0.min(layout.x[v]);
            b.1 = b.1.min(layout.y[v]);
            b.2 = b.2.max(layout.x[v] + layout.width[v]);
            b.3 = b.3.max(layout.y[v] + layout.height[v]);
        }
        // Shelf packing, trees kept in order.
        let mut shift = vec![(0.0f32, 0.0f32); roots.len()];
        let (mut x, mut y, mut row_height) = (0.0f32, 0.0f32, 0.0f32);
        let (mut width, mut height) = (0.0f32, 0.0f32);
        let mut captions = Vec::new();
        for (t, &(min_x, min_y, max_x, max_y)) in bounds.iter().enumerate() {
            let (w, h) = (max_x - min_x, max_y - min_y);
            let group = grouped.map(|chart| department(chart, t));
            let new_group = grouped
                .is_some_and(|chart| t == 0 || department(chart, t - 1) != group.clone().flatten());
            let new_row = x > 0.0 && (x + w > max_width || (first_alone && t == 1) || new_group);
            if new_row {
                y += row_height + LAYOUT.level_gap;
                (x, row_height) = (0.0, 0.0);
            }
            if let (true, Some(chart)) = (new_group, grouped) {
                let name = group
                    .clone()
                    .flatten()
                    .unwrap_or_else(|| "No department".to_string());
                let count = (t..roots.len())
                    .take_while(|&u| department(chart, u) == group.clone().flatten())
                    .count();
                captions.push((0.0, y + CAPTION_HEIGHT - 10.0, format!("{name} ({count})")));
                y += CAPTION_HEIGHT;
            }
            shift[t] = (x - min_x, y - min_y);
            x += w + LAYOUT.root_gap;
            row_height = row_height.max(h);
            width = width.max(x - LAYOUT.root_gap);
            height = height.max(y + h);
        }
        let placed = &mut self.placed;
        for v in 0..n {
            let (dx, dy) = shift[tree[v]];
            placed.layout.x[v] += dx;
            placed.layout.y[v] += dy;
            if !placed.spine[v].is_nan() {
                placed.spine[v] += dx;
            }
        }
        placed.layout.bounds = Bounds {
            min_x: 0.0,
            min_y: 0.0,
            max_x: width,
            max_y: height,
        };
        self.captions = captions;
        self
    }

    /// The trunk x of node `v` when its reports are folded into rows.
    pub fn trunk_of(&self, v: u32) -> Option<f32> {
        self.trunk.get(v as usize).copied().filter(|x| !x.is_nan())
    }

    pub fn width(&self) -> f32 {
        self.placed.layout.bounds.width()
    }

    pub fn height(&self) -> f32 {
        self.placed.layout.bounds.height()
    }
}
