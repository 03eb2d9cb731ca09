//! What the org chart view draws: one node record per person and the tidy
//! layout of the visible forest, encoded compactly for IPC.

use crate::layout::{tidy_tree, Layout, LayoutOptions, Size};
use crate::metrics::{Metrics, Verdict};
use crate::model::{Org, PersonId, Placement, Status};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Every chart box has this size; the layout supports variable sizes for
/// when boxes carry more detail.
pub const NODE_SIZE: Size = Size::new(180.0, 64.0);

/// One person as the chart shows them. `index` is their position in
/// [`Org::people`] order, the same index as in [`ChartLayout`].
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
    pub total_reports: u64,
    pub staff_plus: bool,
    pub placement: Option<Placement>,
}

/// The chart's nodes; spans and verdicts come from `metrics`.
pub fn nodes(org: &Org, metrics: &Metrics) -> Vec<ChartNode> {
    let spans: HashMap<&str, (u32, Verdict, u64)> = metrics
        .span_by_manager
        .iter()
        .map(|m| (m.id.as_str(), (m.span, m.verdict, m.total_reports)))
        .collect();
    let forest = org.forest();
    org.people()
        .enumerate()
        .map(|(index, person)| {
            let span = spans.get(person.id.as_str());
            let staff_plus = org.is_staff_plus(person);
            ChartNode {
                index: index as u32,
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
                manager: forest.parent(index as u32),
                span: span.map_or(0, |s| s.0),
                verdict: span.map(|s| s.1),
                total_reports: span.map_or(0, |s| s.2),
                staff_plus,
                placement: staff_plus.then(|| org.placement(person)),
            }
        })
        .collect()
}

/// Positions of every node, in [`nodes`] index order.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLayout(pub Layout);

impl ChartLayout {
    /// Little-endian f32 quadruples (x, y, width, height) per node; x and y
    /// are NaN for nodes hidden under a collapsed manager.
    pub fn to_bytes(&self) -> Vec<u8> {
        let layout = &self.0;
        let mut bytes = Vec::with_capacity(layout.len() * 16);
        for i in 0..layout.len() {
            for value in [layout.x[i], layout.y[i], layout.width[i], layout.height[i]] {
                bytes.extend_from_slice(&value.to_le_bytes());
            }
        }
        bytes
    }
}

/// Lays out the org with the given managers collapsed (unknown ids are
/// ignored: the UI may hold ids from before a reload).
pub fn layout(org: &Org, collapsed: &[PersonId]) -> ChartLayout {
    let forest = org.forest();
    let collapsed: HashSet<&str> = collapsed.iter().map(PersonId::as_str).collect();
    let collapsed_flags: Vec<bool> = if collapsed.is_empty() {
        Vec::new()
    } else {
        org.people()
            .map(|p| collapsed.contains(p.id.as_str()))
            .collect()
    };
    let sizes = vec![NODE_SIZE; forest.len()];
    ChartLayout(tidy_tree(
        &forest,
        &sizes,
        &collapsed_flags,
        &LayoutOptions::default(),
    ))
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

    #[test]
    fn layout_bytes_hold_four_floats_per_node_and_nan_when_hidden() {
        let org = small_org();
        let bytes = layout(&org, &["a".into()]).to_bytes();
        assert_eq!(bytes.len(), 4 * 16);
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
        assert!(float(12).is_nan(), "x is hidden under collapsed a");
        assert!(float(4).is_finite(), "a itself is drawn");
    }
}
