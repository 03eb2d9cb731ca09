//! What the org chart view draws: one node record per person and the tidy
//! layout of the visible forest, encoded compactly for IPC.

use crate::error::OrgError;
use crate::layout::compact::{compact_tree_folded, CompactLayout, CompactOptions};
use crate::layout::rows::{wrap_roots, RowOptions};
use crate::layout::{Layout, LayoutOptions, Size};
use crate::metrics::{Metrics, Verdict};
use crate::model::{
    placeholder_groups, Forest, Org, Person, PersonId, PlaceholderGroup, Placement, Status,
};
mod open_view;
mod placeholders;

pub use open_view::{open_view, OpenView, Screen};
pub use placeholders::{placeholders, ChartPlaceholder};

use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Every chart box has this size; the layout supports variable sizes for
/// when boxes carry more detail.
pub const NODE_SIZE: Size = Size::new(180.0, 64.0);

/// One person as the chart shows them. `index` is their position in
/// [`Org::people`] order, the same index as in [`ChartLayout`].
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartNode {
    pub index: u32,
    pub id: String,
    pub name: String,
    pub title: String,
    /// The home team's name.
    pub team: Option<String>,
    /// The home team's id (names need not be unique).
    pub team_id: Option<String>,
    pub level: String,
    pub status: Status,
    pub manager: Option<u32>,
    pub span: u32,
    pub verdict: Option<Verdict>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub total_reports: u64,
    pub staff_plus: bool,
    pub placement: Option<Placement>,
}

/// The chart's nodes; spans and verdicts come from `metrics`.
pub fn nodes(org: &Org, metrics: &Metrics) -> Vec<ChartNode> {
    let spans = spans_of(metrics);
    let forest = org.forest();
    org.people()
        .enumerate()
        .map(|(index, person)| {
            let index = index as u32;
            node(org, &spans, index, forest.parent(index), person)
        })
        .collect()
}

/// The nodes an edit of one person's own fields (name, title, level,
/// status, team, cost, dates) can change: theirs, and their managers' up to
/// the root, since a status change moves the spans, verdicts and totals
/// the metrics count up the chain. Sending these instead of every node is
/// what keeps such an edit quick at 100k people.
pub fn chain_nodes(
    org: &Org,
    metrics: &Metrics,
    id: &PersonId,
) -> Result<Vec<ChartNode>, OrgError> {
    let chain = org.chain_of_command(id)?;
    let spans = spans_of(metrics);
    let positions = org.positions();
    let position = |id: &PersonId| {
        positions
            .of(id)
            .ok_or_else(|| OrgError::PersonNotFound(id.to_string()))
    };
    chain
        .iter()
        .map(|&link| {
            let person = org
                .person(link)
                .ok_or_else(|| OrgError::PersonNotFound(link.to_string()))?;
            let manager = org.manager_of(link).map(position).transpose()?;
            Ok(node(org, &spans, position(link)?, manager, person))
        })
        .collect()
}

/// Span, verdict and total reports by manager id.
fn spans_of(metrics: &Metrics) -> HashMap<&str, (u32, Verdict, u64)> {
    metrics
        .span_by_manager
        .iter()
        .map(|m| (m.id.as_str(), (m.span, m.verdict, m.total_reports)))
        .collect()
}

fn node(
    org: &Org,
    spans: &HashMap<&str, (u32, Verdict, u64)>,
    index: u32,
    manager: Option<u32>,
    person: &Person,
) -> ChartNode {
    let span = spans.get(person.id.as_str());
    let staff_plus = org.is_staff_plus(person);
    ChartNode {
        index,
        id: person.id.to_string(),
        name: person.name.to_string(),
        title: person.title.to_string(),
        team: person.team.as_ref().map(|t| {
            org.team(t)
                .map_or_else(|| t.to_string(), |team| team.name.clone())
        }),
        team_id: person.team.as_ref().map(ToString::to_string),
        level: person.level.to_string(),
        status: person.status,
        manager,
        span: span.map_or(0, |s| s.0),
        verdict: span.map(|s| s.1),
        total_reports: span.map_or(0, |s| s.2),
        staff_plus,
        placement: staff_plus.then(|| org.placement(person)),
    }
}

/// Bit layout of the per-node flags byte in [`nodes_to_bytes`].
pub mod flags {
    /// Bits 0-1: 0 active, 1 open, 2 planned, 3 departing.
    pub const STATUS_MASK: u8 = 0b11;
    /// Bits 2-3: 0 none, 1 narrow, 2 in band, 3 wide.
    pub const VERDICT_SHIFT: u8 = 2;
    pub const STAFF_PLUS: u8 = 1 << 4;
    /// Bits 5-6: 0 none, 1 embedded, 2 central, 3 unplaced.
    pub const PLACEMENT_SHIFT: u8 = 5;
}

/// The chart's nodes as one compact columnar buffer for IPC: at 100k people
/// JSON objects cost more to build, send and parse than the chart's first
/// paint may take. Little-endian:
///
/// ```text
/// u32 n, u32 string count (4n + 2 × teams), u32 team count
/// i32 manager[n] (-1 for a root), u32 span[n], u32 total_reports[n],
/// i32 team[n] (index into the team names, -1 for none), u8 flags[n],
/// zero padding to a multiple of 4,
/// u32 utf16_length[string count], then the strings' UTF-8 back to back:
/// each node's id, name, title, level, then each distinct team's id and
/// name.
/// ```
///
/// Lengths are in UTF-16 code units so the UI decodes the text once and
/// slices it. Every node's `index` is its position.
pub fn nodes_to_bytes(nodes: &[ChartNode]) -> Vec<u8> {
    let n = nodes.len();
    let mut team_index: HashMap<&str, i32> = HashMap::new();
    // (id, name) of each distinct team, in order of first appearance.
    let mut team_names: Vec<(&str, &str)> = Vec::new();
    let teams: Vec<i32> = nodes
        .iter()
        .map(|node| match node.team_id.as_deref() {
            None => -1,
            Some(id) => *team_index.entry(id).or_insert_with(|| {
                team_names.push((id, node.team.as_deref().unwrap_or(id)));
                team_names.len() as i32 - 1
            }),
        })
        .collect();
    let strings = 4 * n + 2 * team_names.len();
    let text_bytes: usize = nodes
        .iter()
        .map(|n| n.id.len() + n.name.len() + n.title.len() + n.level.len())
        .sum::<usize>()
        + team_names
            .iter()
            .map(|(id, name)| id.len() + name.len())
            .sum::<usize>();
    let mut out = Vec::with_capacity(12 + 17 * n + 3 + 4 * strings + text_bytes);
    let u32_of = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
    for value in [u32_of(n), u32_of(strings), u32_of(team_names.len())] {
        out.extend_from_slice(&value.to_le_bytes());
    }
    for node in nodes {
        let manager = node.manager.map_or(-1, |m| m as i32);
        out.extend_from_slice(&manager.to_le_bytes());
    }
    for node in nodes {
        out.extend_from_slice(&node.span.to_le_bytes());
    }
    for node in nodes {
        let total = u32::try_from(node.total_reports).unwrap_or(u32::MAX);
        out.extend_from_slice(&total.to_le_bytes());
    }
    for team in &teams {
        out.extend_from_slice(&team.to_le_bytes());
    }
    for node in nodes {
        out.push(node_flags(node));
    }
    out.resize(out.len().next_multiple_of(4), 0);
    let utf16 = |text: &str| u32_of(text.encode_utf16().count());
    for node in nodes {
        for text in [&node.id, &node.name, &node.title, &node.level] {
            out.extend_from_slice(&utf16(text).to_le_bytes());
        }
    }
    for (id, name) in &team_names {
        out.extend_from_slice(&utf16(id).to_le_bytes());
        out.extend_from_slice(&utf16(name).to_le_bytes());
    }
    for node in nodes {
        for text in [&node.id, &node.name, &node.title, &node.level] {
            out.extend_from_slice(text.as_bytes());
        }
    }
    for (id, name) in &team_names {
        out.extend_from_slice(id.as_bytes());
        out.extend_from_slice(name.as_bytes());
    }
    out
}

/// Some of the chart's nodes, for patching the UI's copy: `u32 count`,
/// `u32 index[count]` (each node's position), then [`nodes_to_bytes`] of
/// those nodes.
pub fn indexed_nodes_to_bytes(nodes: &[ChartNode]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&(nodes.len() as u32).to_le_bytes());
    for node in nodes {
        out.extend_from_slice(&node.index.to_le_bytes());
    }
    out.extend_from_slice(&nodes_to_bytes(nodes));
    out
}

fn node_flags(node: &ChartNode) -> u8 {
    let status = match node.status {
        Status::Active => 0,
        Status::Open => 1,
        Status::Planned => 2,
        Status::Departing => 3,
    };
    let verdict = match node.verdict {
        None => 0,
        Some(Verdict::Narrow) => 1,
        Some(Verdict::InBand) => 2,
        Some(Verdict::Wide) => 3,
    };
    let placement = match node.placement {
        None => 0,
        Some(Placement::Embedded) => 1,
        Some(Placement::Central) => 2,
        Some(Placement::Unplaced) => 3,
    };
    let staff_plus = if node.staff_plus {
        flags::STAFF_PLUS
    } else {
        0
    };
    status | (verdict << flags::VERDICT_SHIFT) | staff_plus | (placement << flags::PLACEMENT_SHIFT)
}

/// Every dotted line as little-endian u32 pairs (manager, report) of node
/// indices, for the chart's overlay links.
pub fn dotted_to_bytes(org: &Org) -> Vec<u8> {
    let lines = org.dotted_lines();
    if lines.is_empty() {
        return Vec::new();
    }
    let index: HashMap<&str, u32> = org
        .people()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i as u32))
        .collect();
    let mut out = Vec::with_capacity(lines.len() * 8);
    for (manager, report) in lines {
        if let (Some(m), Some(r)) = (index.get(manager.as_str()), index.get(report.as_str())) {
            out.extend_from_slice(&m.to_le_bytes());
            out.extend_from_slice(&r.to_le_bytes());
        }
    }
    out
}

/// Positions of every node, in [`nodes`] index order, then of each "Not in
/// file" placeholder (see [`placeholders`]): the compact layout the exports
/// use (leaf reports stacked in columns under their manager), with separate
/// root trees wrapped into rows.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLayout(pub CompactLayout);

impl ChartLayout {
    /// Little-endian f32 quintuples (x, y, width, height, spine) per node; x
    /// and y are NaN for nodes hidden under a collapsed manager, spine is
    /// the x of the connector a stacked box hangs from (NaN when the box is
    /// not stacked).
    pub fn to_bytes(&self) -> Vec<u8> {
        let CompactLayout { layout, spine } = &self.0;
        let mut bytes = Vec::with_capacity(layout.len() * 4 * FLOATS_PER_NODE);
        for i in 0..layout.len() {
            let spine = if layout.visible[i] {
                spine[i]
            } else {
                f32::NAN
            };
            for value in [
                layout.x[i],
                layout.y[i],
                layout.width[i],
                layout.height[i],
                spine,
            ] {
                bytes.extend_from_slice(&value.to_le_bytes());
            }
        }
        bytes
    }

    pub fn layout(&self) -> &Layout {
        &self.0.layout
    }
}

/// Floats per node in [`ChartLayout::to_bytes`].
pub const FLOATS_PER_NODE: usize = 5;

/// Lays out the org with the given managers collapsed (unknown ids are
/// ignored: the UI may hold ids from before a reload), each group of people
/// whose manager is not in the file under its placeholder: `org.len()`
/// entries for the people, then one per [`placeholders`] entry.
pub fn layout(org: &Org, collapsed: &[PersonId]) -> ChartLayout {
    let collapsed: HashSet<&str> = collapsed.iter().map(PersonId::as_str).collect();
    let collapsed_flags: Vec<bool> = if collapsed.is_empty() {
        Vec::new()
    } else {
        org.people()
            .map(|p| collapsed.contains(p.id.as_str()))
            .collect()
    };
    layout_grouped(&org.forest(), &placeholder_groups(org), &collapsed_flags)
}

/// [`layout_forest`] of `forest` with each group hung under a placeholder
/// entry numbered after the people; `collapsed` flags people only (a
/// placeholder is never collapsed: it is no one's team).
pub(crate) fn layout_grouped(
    forest: &Forest,
    groups: &[PlaceholderGroup],
    collapsed: &[bool],
) -> ChartLayout {
    if groups.is_empty() {
        layout_forest(forest, collapsed)
    } else {
        placeholders::layout_with_placeholders(forest, groups, collapsed)
    }
}

/// [`layout`] of a forest with `collapsed` flags (empty: none collapsed).
pub fn layout_forest(forest: &Forest, collapsed: &[bool]) -> ChartLayout {
    let sizes = vec![NODE_SIZE; forest.len()];
    let mut placed = compact_tree_folded(
        forest,
        &sizes,
        collapsed,
        &LayoutOptions::default(),
        Some(&CompactOptions::default()),
    );
    // Wrapping moves whole trees: a stacked box's spine keeps its distance
    // to the box.
    let inset: Vec<f32> = placed
        .spine
        .iter()
        .zip(&placed.layout.x)
        .map(|(spine, x)| x - spine)
        .collect();
    wrap_roots(&mut placed.layout, forest, &RowOptions::default());
    for ((spine, x), inset) in placed.spine.iter_mut().zip(&placed.layout.x).zip(inset) {
        if spine.is_finite() {
            *spine = x - inset;
        }
    }
    ChartLayout(placed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;

    fn small_org() -> Org {
        let mut org = Org::new();
        for id in ["ceo", "a", "b", "x"] {
            org.add_person(Person::new(id)).expect("unique");
        }
        org.move_person(&"a".into(), Some(&"ceo".into()))
            .expect("ok");
        org.move_person(&"b".into(), Some(&"ceo".into()))
            .expect("ok");
        org.move_person(&"x".into(), Some(&"a".into())).expect("ok");
        org
    }

    #[test]
    fn nodes_carry_spans_and_managers() {
        let org = small_org();
        let metrics = crate::metrics::compute(&org, crate::View::Current);
        let nodes = nodes(&org, &metrics);
        assert_eq!(nodes.len(), 4);
        assert_eq!((nodes[0].span, nodes[0].manager), (2, None));
        assert_eq!(nodes[0].verdict, Some(Verdict::Narrow));
        assert_eq!((nodes[3].span, nodes[3].manager), (0, Some(1)));
        assert_eq!(nodes[3].verdict, None);
    }

    fn word(bytes: &[u8], at: usize) -> u32 {
        u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
    }

    #[test]
    fn node_bytes_hold_columns_then_utf16_lengths_then_text() {
        let mut org = small_org();
        org.person_mut(&"x".into()).expect("exists").name = "Zoë".into();
        let metrics = crate::metrics::compute(&org, crate::View::Current);
        let nodes = nodes(&org, &metrics);
        let bytes = nodes_to_bytes(&nodes);
        let n = 4;
        assert_eq!(
            (word(&bytes, 0), word(&bytes, 4), word(&bytes, 8)),
            (4, 16, 0)
        );
        let managers: Vec<i32> = (0..n).map(|i| word(&bytes, 12 + 4 * i) as i32).collect();
        assert_eq!(managers, vec![-1, 0, 0, 1]);
        assert_eq!(word(&bytes, 12 + 16), 2, "ceo's span");
        let flag_at = 12 + 16 * n;
        assert_eq!(
            bytes[flag_at] >> flags::VERDICT_SHIFT & 0b11,
            1,
            "ceo narrow"
        );
        let lengths_at = (flag_at + n).next_multiple_of(4);
        // x's name "Zoë" is 3 UTF-16 units but 4 UTF-8 bytes.
        assert_eq!(word(&bytes, lengths_at + 4 * (4 * 3 + 1)), 3);
        let text = std::str::from_utf8(&bytes[lengths_at + 4 * 16..]).expect("utf-8");
        assert!(text.starts_with("ceo"), "{text}");
        assert!(text.contains("Zoë"), "{text}");
    }

    #[test]
    fn chain_nodes_are_the_full_nodes_of_the_person_and_their_managers() {
        let mut org = small_org();
        // A removal leaves a free graph slot: positions then differ from
        // slots, which the chain must not confuse.
        org.add_person(Person::new("gone")).expect("unique");
        org.add_person(Person::new("y")).expect("unique");
        org.move_person(&"y".into(), Some(&"x".into())).expect("ok");
        org.remove_person(&"gone".into()).expect("exists");
        org.person_mut(&"a".into()).expect("exists").status = Status::Departing;
        let metrics = crate::metrics::compute(&org, crate::View::Current);
        let all = nodes(&org, &metrics);
        let chain = chain_nodes(&org, &metrics, &"y".into()).expect("y exists");
        let ids: Vec<&str> = chain.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["y", "x", "a", "ceo"]);
        for node in &chain {
            assert_eq!(node, &all[node.index as usize]);
        }
        assert!(matches!(
            chain_nodes(&org, &metrics, &"nobody".into()),
            Err(OrgError::PersonNotFound(_))
        ));
    }

    #[test]
    fn indexed_node_bytes_lead_with_the_positions() {
        let org = small_org();
        let metrics = crate::metrics::compute(&org, crate::View::Current);
        let chain = chain_nodes(&org, &metrics, &"x".into()).expect("x exists");
        let bytes = indexed_nodes_to_bytes(&chain);
        assert_eq!(
            (
                word(&bytes, 0),
                word(&bytes, 4),
                word(&bytes, 8),
                word(&bytes, 12)
            ),
            (3, 3, 1, 0)
        );
        assert_eq!(&bytes[16..], nodes_to_bytes(&chain).as_slice());
    }

    #[test]
    fn dotted_bytes_are_index_pairs() {
        let mut org = small_org();
        assert!(dotted_to_bytes(&org).is_empty());
        org.add_dotted_line(&"b".into(), &"x".into()).expect("ok");
        let bytes = dotted_to_bytes(&org);
        assert_eq!((word(&bytes, 0), word(&bytes, 4)), (2, 3));
    }

    #[test]
    fn wide_teams_are_stacked_and_many_roots_wrapped() {
        let mut org = Org::new();
        org.add_person(Person::new("lead")).expect("unique");
        for i in 0..40 {
            let id = format!("ic{i}");
            org.add_person(Person::new(id.as_str())).expect("unique");
            org.move_person(&id.as_str().into(), Some(&"lead".into()))
                .expect("ok");
        }
        for i in 0..300 {
            org.add_person(Person::new(format!("alone{i}").as_str()))
                .expect("unique");
        }
        let placed = layout(&org, &[]);
        let b = placed.layout().bounds;
        assert!(
            b.width() / b.height() < 4.0,
            "{} x {} is a line, not a chart",
            b.width(),
            b.height()
        );
        assert!(
            placed.0.is_stacked(1),
            "a report of a 40-wide team is stacked"
        );
        assert_eq!(crate::layout::compact::first_overlap(placed.layout()), None);
    }

    #[test]
    fn layout_bytes_hold_five_floats_per_node_and_nan_when_hidden() {
        let org = small_org();
        let bytes = layout(&org, &["a".into()]).to_bytes();
        assert_eq!(bytes.len(), 4 * 20);
        let float = |i: usize| {
            f32::from_le_bytes([
                bytes[i * 4],
                bytes[i * 4 + 1],
                bytes[i * 4 + 2],
                bytes[i * 4 + 3],
            ])
        };
        assert!(float(0).is_finite() && float(1) == 0.0);
        assert_eq!(float(2), NODE_SIZE.width);
        assert!(float(4).is_nan(), "the ceo is not stacked: no spine");
        assert!(float(15).is_nan(), "x is hidden under collapsed a");
        assert!(float(5).is_finite(), "a itself is drawn");
    }
}
