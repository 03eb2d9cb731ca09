//! "Not in file" placeholders in the app's chart: the reports of a manager
//! the imported file names but does not contain hang under one extra layout
//! entry per manager (see [`crate::model::placeholder_groups`]), numbered
//! after the people, so the chart keeps such a team together. Only the
//! layout knows them: the nodes, the metrics and every count stay people.

use super::{layout_forest, ChartLayout};
use crate::layout::compact::CompactLayout;
use crate::layout::Layout;
use crate::model::{Forest, Org, PlaceholderGroup, NO_PARENT};
use serde::Serialize;

/// One placeholder as the chart draws it: its layout entry and the people
/// under it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChartPlaceholder {
    /// Its position in [`super::ChartLayout`]: the number of people plus
    /// its group's index, so always past the last person.
    pub index: u32,
    /// The manager reference as the file wrote it.
    pub reference: String,
    /// The members' node indices ([`super::nodes`] order), ascending.
    pub members: Vec<u32>,
}

/// The placeholders of `org` on show, in the order of their layout entries.
pub fn placeholders(org: &Org) -> Vec<ChartPlaceholder> {
    numbered(org.len() as u32, crate::model::placeholder_groups(org))
}

/// `groups` numbered after `people` layout entries.
pub(crate) fn numbered(people: u32, groups: Vec<PlaceholderGroup>) -> Vec<ChartPlaceholder> {
    groups
        .into_iter()
        .enumerate()
        .map(|(i, group)| ChartPlaceholder {
            index: people + i as u32,
            reference: group.reference,
            members: group.members,
        })
        .collect()
}

/// The chart layout of `forest` with each group hung under its placeholder,
/// indexed people first, then one entry per group. Each placeholder stands
/// among the top-level entries where its first member was, so the chart
/// keeps the file's order, as the exports do. `collapsed` flags people
/// only (empty: none); a placeholder is never collapsed, being no one's
/// team.
pub(crate) fn layout_with_placeholders(
    forest: &Forest,
    groups: &[PlaceholderGroup],
    collapsed: &[bool],
) -> ChartLayout {
    let people = forest.len();
    let total = people + groups.len();
    // Entry (people, then placeholders) → position in the forest laid out.
    let mut placeholder_before = vec![NO_PARENT; people];
    for (g, group) in groups.iter().enumerate() {
        if let Some(&first) = group.members.first() {
            placeholder_before[first as usize] = (people + g) as u32;
        }
    }
    let mut position = vec![0u32; total];
    let mut next = 0u32;
    for (v, &placeholder) in placeholder_before.iter().enumerate() {
        if placeholder != NO_PARENT {
            position[placeholder as usize] = next;
            next += 1;
        }
        position[v] = next;
        next += 1;
    }
    let mut parent_of_entry: Vec<u32> = forest.parents().to_vec();
    parent_of_entry.resize(total, NO_PARENT);
    for (g, group) in groups.iter().enumerate() {
        for &member in &group.members {
            parent_of_entry[member as usize] = (people + g) as u32;
        }
    }
    let mut parents = vec![NO_PARENT; total];
    for (entry, &parent) in parent_of_entry.iter().enumerate() {
        if parent != NO_PARENT {
            parents[position[entry] as usize] = position[parent as usize];
        }
    }
    // Members are roots and each placeholder a root over them: no cycle.
    let ordered = Forest::from_parents(parents).expect("placeholders over roots keep a forest");
    let mut flags = Vec::new();
    if !collapsed.is_empty() {
        flags = vec![false; total];
        for (v, &folded) in collapsed.iter().enumerate() {
            flags[position[v] as usize] = folded;
        }
    }
    let CompactLayout { layout, spine } = layout_forest(&ordered, &flags).0;
    let back =
        |values: &[f32]| -> Vec<f32> { position.iter().map(|&p| values[p as usize]).collect() };
    ChartLayout(CompactLayout {
        layout: Layout {
            x: back(&layout.x),
            y: back(&layout.y),
            width: back(&layout.width),
            height: back(&layout.height),
            visible: position
                .iter()
                .map(|&p| layout.visible[p as usize])
                .collect(),
            bounds: layout.bounds,
        },
        spine: back(&spine),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{layout, open_view, Screen, FLOATS_PER_NODE};
    use crate::layout::compact::first_overlap;
    use crate::metrics::{compute, View};
    use crate::model::{AbsentManagers, Ladder, PersonRecord, Policy};

    fn org_of(rows: &[(&str, &str)]) -> Org {
        let records = rows
            .iter()
            .enumerate()
            .map(|(i, (id, manager))| PersonRecord {
                row: i as u64 + 2,
                id: (*id).into(),
                manager_id: (*manager).into(),
                ..PersonRecord::default()
            })
            .collect();
        Org::from_records(records, "t.csv", Ladder::default(), Policy::default())
            .expect("valid")
            .0
    }

    /// A CEO with a report; "E900" (absent) with three reports, one of them
    /// a manager; "Dana" (absent) with one.
    fn org() -> Org {
        org_of(&[
            ("ceo", ""),
            ("p5", "E900"),
            ("p2", "ceo"),
            ("p6", "E900"),
            ("p8", "Dana"),
            ("p7", "E900"),
            ("p9", "p7"),
        ])
    }

    #[test]
    fn placeholders_are_numbered_after_the_people() {
        let org = org();
        let found = placeholders(&org);
        let summary: Vec<(u32, &str, &[u32])> = found
            .iter()
            .map(|p| (p.index, p.reference.as_str(), p.members.as_slice()))
            .collect();
        assert_eq!(
            summary,
            [(7, "E900", &[1, 3, 5][..]), (8, "Dana", &[4][..])]
        );
        let mut plain = org.clone();
        plain.absent_managers = AbsentManagers::new();
        assert!(placeholders(&plain).is_empty());
    }

    #[test]
    fn members_hang_under_their_placeholder_without_overlaps() {
        let org = org();
        let placed = layout(&org, &[]);
        let l = placed.layout();
        assert_eq!(l.len(), org.len() + 2, "one entry per placeholder");
        assert_eq!(
            placed.to_bytes().len(),
            (org.len() + 2) * 4 * FLOATS_PER_NODE
        );
        assert_eq!(first_overlap(l), None);
        for placeholder in placeholders(&org) {
            let p = placeholder.index as usize;
            assert!(l.visible[p], "a placeholder is drawn");
            let (px, _) = l.center(placeholder.index);
            for &m in &placeholder.members {
                let m = m as usize;
                assert!(
                    l.y[m] > l.y[p] + l.height[p],
                    "{m} is below its placeholder"
                );
                // Under this placeholder, not beside it: within its group's
                // span of the drawing, closer to it than to the other.
                let (mx, _) = l.center(m as u32);
                let others = placeholders(&org)
                    .into_iter()
                    .filter(|o| o.index as usize != p)
                    .map(|o| (l.center(o.index).0 - mx).abs())
                    .fold(f32::INFINITY, f32::min);
                assert!(
                    (px - mx).abs() < others,
                    "{m} sits under its own placeholder"
                );
            }
        }
        // p9 still hangs under p7, a member.
        assert!(l.y[6] > l.y[5]);
        let metrics = compute(&org, View::Current);
        assert_eq!(
            (metrics.people, metrics.roots),
            (7, 5),
            "metrics see people only"
        );
    }

    #[test]
    fn a_placeholder_stands_where_its_first_member_was_in_the_file() {
        // The absent manager's first report comes before the CEO's row.
        let org = org_of(&[
            ("a", "ghost"),
            ("ceo", ""),
            ("b", "ceo"),
            ("c", "ghost"),
            ("d", ""),
        ]);
        let placed = layout(&org, &["ceo".into()]);
        let l = placed.layout();
        let ghost = org.len();
        assert_eq!(l.len(), ghost + 1);
        assert!(l.x[ghost] < l.x[1], "ghost's group is left of the CEO");
        assert!(l.x[1] < l.x[4], "the CEO is left of d");
        assert!(!l.visible[2], "b is under the collapsed CEO");
        assert!(l.visible[0] && l.visible[3]);
        assert_eq!(first_overlap(l), None);
    }

    #[test]
    fn collapsing_a_member_hides_their_team_not_the_group() {
        let org = org();
        let placed = layout(&org, &["p7".into(), "nobody".into()]);
        let l = placed.layout();
        assert!(!l.visible[6], "p9 is under collapsed p7");
        assert!(l.visible[5] && l.visible[7], "p7 and E900 stay drawn");
    }

    #[test]
    fn the_open_view_measures_the_grouped_chart_and_skips_the_placeholder_layer() {
        // 200 people under an absent manager, each with two reports.
        let mut rows: Vec<(String, String)> = Vec::new();
        for i in 0..200 {
            rows.push((format!("m{i}"), "ghost".to_string()));
            for k in 0..2 {
                rows.push((format!("r{i}-{k}"), format!("m{i}")));
            }
        }
        let rows: Vec<(&str, &str)> = rows.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let org = org_of(&rows);
        // Exactly the room of the whole grouped chart at zoom 1: everyone
        // is shown, and the placeholder is not counted as a layer. (The
        // same people as 200 separate trees wrap into a block of another
        // shape, which this room would not hold.)
        let whole = layout(&org, &[]).layout().bounds;
        let exact = Screen {
            width: whole.width(),
            height: whole.height(),
            min_scale: 1.0,
        };
        let view = open_view(&org, &exact);
        assert_eq!((view.layers, view.collapsed.len()), (2, 0), "everyone fits");
        let small = Screen {
            width: 1200.0,
            height: 700.0,
            min_scale: 0.7,
        };
        let view = open_view(&org, &small);
        assert_eq!(view.layers, 1);
        assert_eq!(
            view.collapsed.len(),
            200,
            "the group's managers are collapsed"
        );
        let placed = layout(&org, &view.collapsed);
        let ghost = org.len();
        assert!(placed.layout().visible[ghost], "the placeholder is drawn");
        assert!((0..org.len()).all(|v| placed.layout().visible[v] == (v % 3 == 0)));
    }
}
