//! "Not in file" placeholders in a chart: the reports of a manager the
//! imported file names but does not contain are drawn under one dashed
//! box naming that manager, rather than as unrelated roots. A placeholder
//! is no person: it has no colour key of a person, counts toward no
//! figure, and does not count as a layer for the depth cut.

use super::colour::Key;
use super::scene::Label;
use crate::model::{Forest, PlaceholderGroup};
use rustc_hash::FxHashMap;

/// White, as an empty seat; the dashed border says what it is.
pub(crate) const FILL: &str = "#ffffff";

/// The legend entry of placeholder boxes.
pub(crate) fn key() -> Key {
    Key {
        label: "Not in file (placeholder)".to_string(),
        fill: FILL,
    }
}

/// The chart's top-level entries: the forest's roots in order, with each
/// group's members replaced by the group's placeholder, numbered
/// `people + group index`, where its first member was.
pub(crate) fn roots_with_placeholders(forest: &Forest, groups: &[PlaceholderGroup]) -> Vec<u32> {
    let people = forest.len() as u32;
    let mut group_of: FxHashMap<u32, (u32, bool)> = FxHashMap::default();
    for (index, group) in groups.iter().enumerate() {
        for (i, &member) in group.members.iter().enumerate() {
            group_of.insert(member, (people + index as u32, i == 0));
        }
    }
    forest
        .roots()
        .iter()
        .filter_map(|&root| match group_of.get(&root) {
            None => Some(root),
            Some(&(placeholder, first)) => first.then_some(placeholder),
        })
        .collect()
}

/// The label of a placeholder box: the reference on the name line, where
/// it is read first and has the room of a name, and "Not in file" with the
/// count under it, short enough never to be cut.
pub(crate) fn label(group: &PlaceholderGroup, key: u32) -> Label {
    let count = group.members.len();
    Label {
        name: group.reference.clone(),
        title: match count {
            1 => "Not in file · 1 report".to_string(),
            n => format!("Not in file · {n} reports"),
        },
        team: None,
        // Grouped on a forest's first page with people of no department.
        department: None,
        key,
        hidden_below: 0,
        placeholder: true,
    }
}

#[cfg(test)]
mod tests {
    use crate::metrics::{compute, View};
    use crate::model::{Ladder, Org, PersonRecord, Policy};
    use crate::render::scene::Chart;
    use crate::render::{render_pdf, render_svg, ChartOptions};

    /// A CEO with one report, and two managers not in the file: "E900"
    /// with three reports (one of whom has a report) and "Dana Whitfield"
    /// with one.
    fn org() -> Org {
        let rows = [
            ("ceo", "", "Ada Lovelace"),
            ("p5", "E900", "Eli Ford"),
            ("p2", "ceo", "Bo Chen"),
            ("p6", "E900", "Fay Gupta"),
            ("p8", "Dana Whitfield", "Hana Ito"),
            ("p7", "E900", "Gus Hall"),
            ("p9", "p7", "Ivo Jones"),
        ];
        let records = rows
            .iter()
            .enumerate()
            .map(|(i, (id, manager, name))| PersonRecord {
                row: i as u64 + 2,
                id: (*id).into(),
                manager_id: (*manager).into(),
                name: (*name).into(),
                ..PersonRecord::default()
            })
            .collect();
        Org::from_records(records, "t.csv", Ladder::default(), Policy::default())
            .expect("valid")
            .0
    }

    /// Each top-level box's name with the names of the boxes right under it.
    fn tops(chart: &Chart) -> Vec<(String, Vec<String>)> {
        let name = |v: u32| chart.labels[v as usize].name.clone();
        chart
            .forest
            .roots()
            .iter()
            .map(|&r| {
                (
                    name(r),
                    chart.forest.children(r).iter().map(|&c| name(c)).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn the_reports_of_an_absent_manager_hang_under_one_placeholder() {
        let org = org();
        let metrics = compute(&org, View::Current);
        let chart = Chart::build(&org, &metrics, &ChartOptions::default()).expect("built");
        let names = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert_eq!(
            tops(&chart),
            [
                ("Ada Lovelace".to_string(), names(&["Bo Chen"])),
                (
                    "E900".to_string(),
                    names(&["Eli Ford", "Fay Gupta", "Gus Hall"])
                ),
                ("Dana Whitfield".to_string(), names(&["Hana Ito"])),
            ]
        );
        assert_eq!(chart.len(), org.len() + 2);
        let placeholder = &chart.labels[chart.forest.roots()[1] as usize];
        assert!(placeholder.placeholder);
        assert_eq!(placeholder.title, "Not in file · 3 reports");
        assert_eq!(
            chart.keys[placeholder.key as usize].label,
            "Not in file (placeholder)"
        );
        assert_eq!(metrics.roots, 5, "the metrics still count them as roots");
    }

    #[test]
    fn a_depth_cut_does_not_count_the_placeholder_as_a_layer() {
        let org = org();
        let metrics = compute(&org, View::Current);
        let options = ChartOptions {
            depth: Some(0),
            ..ChartOptions::default()
        };
        let chart = Chart::build(&org, &metrics, &options).expect("built");
        assert_eq!(chart.len(), 1 + 2 + 4, "the roots, the placeholders");
        let gus = chart
            .labels
            .iter()
            .find(|l| l.name == "Gus Hall")
            .expect("shown");
        assert_eq!(gus.hidden_below, 1);
    }

    #[test]
    fn a_chart_of_one_subtree_has_no_placeholders() {
        let org = org();
        let metrics = compute(&org, View::Current);
        let options = ChartOptions {
            root: Some("p7".into()),
            ..ChartOptions::default()
        };
        let chart = Chart::build(&org, &metrics, &options).expect("built");
        assert!(chart.labels.iter().all(|l| !l.placeholder));
        assert_eq!(chart.len(), 2);
    }

    #[test]
    fn svg_and_pdf_draw_placeholders_dashed_with_their_count() {
        let org = org();
        let metrics = compute(&org, View::Current);
        let svg = render_svg(&org, &metrics, &ChartOptions::default()).expect("svg");
        assert_eq!(svg.matches("stroke-dasharray=\"5 3\"").count(), 2, "{svg}");
        assert!(svg.contains(">Dana Whitfield</text>"), "{svg}");
        assert!(svg.contains(">Not in file · 1 report</text>"), "{svg}");
        assert!(svg.contains("Not in file (placeholder)"), "in the legend");
        let pdf = render_pdf(&org, &metrics, &ChartOptions::default()).expect("pdf");
        assert!(pdf.starts_with(b"%PDF"));
    }
}
