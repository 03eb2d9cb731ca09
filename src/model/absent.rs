//! Managers a file names but does not contain. Their reports are roots of
//! the reporting forest (every metric counts them as roots), but the org
//! remembers each one's manager reference as written in the file, so the
//! chart and the exports can keep such a team together under a
//! placeholder ("Not in file: <reference>") and a data export can write
//! the reference back.

use super::{Forest, Org, PersonId, NO_PARENT};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// For each person whose manager reference matched nobody in the file, the
/// reference as written. Sparse: only those people. A reference is shared
/// by everyone naming it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AbsentManagers {
    by_person: FxHashMap<PersonId, Arc<str>>,
}

impl AbsentManagers {
    pub fn new() -> AbsentManagers {
        AbsentManagers::default()
    }

    /// Records that `person`'s manager, `reference`, is not in the file.
    pub fn insert(&mut self, person: PersonId, reference: Arc<str>) {
        self.by_person.insert(person, reference);
    }

    /// The absent manager `person` names, if any. Whether they are still a
    /// root is the org's business (see [`placeholder_groups`]).
    pub fn reference_of(&self, person: &PersonId) -> Option<&str> {
        self.by_person.get(person).map(|r| &**r)
    }

    pub fn len(&self) -> usize {
        self.by_person.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_person.is_empty()
    }

    /// The entries of the people `keep` keeps (a cut of the org).
    pub fn only(&self, keep: impl Fn(&PersonId) -> bool) -> AbsentManagers {
        let by_person = self
            .by_person
            .iter()
            .filter(|(id, _)| keep(id))
            .map(|(id, reference)| (id.clone(), reference.clone()))
            .collect();
        AbsentManagers { by_person }
    }

    /// Every (person, reference), in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&PersonId, &str)> + '_ {
        self.by_person.iter().map(|(id, r)| (id, &**r))
    }
}

/// The people of one absent manager who are roots of the org on show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceholderGroup {
    /// The manager reference as the file wrote it.
    pub reference: String,
    /// The members' dense positions ([`Org::forest`] order), ascending.
    pub members: Vec<u32>,
}

impl PlaceholderGroup {
    /// What the placeholder box says.
    pub fn label(&self) -> String {
        format!("Not in file: {}", self.reference)
    }
}

/// One group per absent manager reference, holding the people who name it
/// and are still roots of `org` (baseline or scenario): someone a scenario
/// moved under a real manager, or removed, is in no group. Groups come in
/// the order of their first member, so the file's order is kept.
/// O(people with an absent manager), plus one O(n) position table when a
/// scenario has removed people.
pub fn placeholder_groups(org: &Org) -> Vec<PlaceholderGroup> {
    let absent = &org.absent_managers;
    if absent.is_empty() {
        return Vec::new();
    }
    let positions = org.positions();
    let mut by_reference: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
    for (id, reference) in absent.iter() {
        let Some(position) = positions.of(id) else {
            continue;
        };
        if org.manager_of(id).is_none() {
            by_reference.entry(reference).or_default().push(position);
        }
    }
    let mut groups: Vec<PlaceholderGroup> = by_reference
        .into_iter()
        .map(|(reference, mut members)| {
            members.sort_unstable();
            PlaceholderGroup {
                reference: reference.to_string(),
                members,
            }
        })
        .collect();
    groups.sort_unstable_by_key(|group| group.members[0]);
    groups
}

/// `forest` (of `org`'s people) with one more node per group, numbered
/// `forest.len() + group index`, as the parent of the group's members: the
/// input of a layout that draws each group under its placeholder.
pub fn forest_with_placeholders(forest: &Forest, groups: &[PlaceholderGroup]) -> Forest {
    let people = forest.len() as u32;
    let mut parents = forest.parents().to_vec();
    parents.extend(std::iter::repeat_n(NO_PARENT, groups.len()));
    for (index, group) in groups.iter().enumerate() {
        for &member in &group.members {
            parents[member as usize] = people + index as u32;
        }
    }
    // Members are roots, and a placeholder is a root over them: no cycle.
    Forest::from_parents(parents).expect("placeholders over roots keep a forest")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{compute, View};
    use crate::model::{Ladder, PersonRecord, Policy};
    use proptest::prelude::*;
    use std::collections::BTreeMap;

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
        let (org, _) = Org::from_records(records, "t.csv", Ladder::default(), Policy::default())
            .expect("valid");
        org
    }

    fn named(org: &Org) -> Vec<(String, Vec<String>)> {
        let ids: Vec<&PersonId> = org.people().map(|p| &p.id).collect();
        placeholder_groups(org)
            .into_iter()
            .map(|g| {
                let members = g.members.iter().map(|&m| ids[m as usize].to_string());
                (g.label(), members.collect())
            })
            .collect()
    }

    #[test]
    fn reports_of_an_absent_manager_are_grouped_in_file_order() {
        let org = org_of(&[
            ("ceo", ""),
            ("a", "Jo Smith"),
            ("b", "ceo"),
            ("c", "E404"),
            ("d", "Jo Smith"),
            ("e", "a"),
        ]);
        assert_eq!(org.absent_managers.len(), 3);
        assert_eq!(
            org.absent_managers.reference_of(&"d".into()),
            Some("Jo Smith")
        );
        assert_eq!(org.absent_managers.reference_of(&"e".into()), None);
        assert_eq!(
            named(&org),
            [
                (
                    "Not in file: Jo Smith".to_string(),
                    vec!["a".into(), "d".into()]
                ),
                ("Not in file: E404".to_string(), vec!["c".to_string()]),
            ]
        );
        let metrics = compute(&org, View::Current);
        assert_eq!((metrics.people, metrics.roots), (6, 4), "still roots");
    }

    #[test]
    fn a_scenario_moving_or_removing_someone_takes_them_out_of_the_group() {
        let mut org = org_of(&[("ceo", ""), ("a", "ghost"), ("b", "ghost"), ("c", "ghost")]);
        org.move_person(&"a".into(), Some(&"ceo".into()))
            .expect("moved");
        org.remove_person(&"b".into()).expect("removed");
        assert_eq!(
            named(&org),
            [("Not in file: ghost".to_string(), vec!["c".to_string()])]
        );
        org.move_person(&"c".into(), Some(&"ceo".into()))
            .expect("moved");
        assert!(placeholder_groups(&org).is_empty(), "an empty group goes");
    }

    #[test]
    fn a_layout_forest_hangs_each_group_under_a_node_of_its_own() {
        let org = org_of(&[
            ("ceo", ""),
            ("a", "ghost"),
            ("b", "ceo"),
            ("c", "ghost"),
            ("d", "E9"),
        ]);
        let forest = forest_with_placeholders(&org.forest(), &placeholder_groups(&org));
        assert_eq!(forest.len(), 7);
        let parents: Vec<Option<u32>> = (0..7).map(|v| forest.parent(v)).collect();
        assert_eq!(
            parents,
            [None, Some(5), Some(0), Some(5), Some(6), None, None]
        );
    }

    /// A random org: each person names an earlier person, nobody, or one of
    /// a few absent managers; then some are moved to random managers.
    /// Per person (manager pick, kind of manager), then (who, whom) moves.
    type Scenario = (Vec<(u8, u8)>, Vec<(u8, u8)>);

    fn scenario() -> impl Strategy<Value = Scenario> {
        (
            prop::collection::vec((any::<u8>(), 0u8..4), 1..60),
            prop::collection::vec((any::<u8>(), any::<u8>()), 0..20),
        )
    }

    proptest! {
        #[test]
        fn groups_hold_exactly_the_roots_naming_an_absent_manager(
            (people, moves) in scenario()
        ) {
            let ids: Vec<String> = (0..people.len()).map(|i| format!("p{i}")).collect();
            let managers: Vec<String> = people
                .iter()
                .enumerate()
                .map(|(i, &(pick, kind))| match kind {
                    0 if i > 0 => ids[pick as usize % i].clone(),
                    1 => String::new(),
                    _ => format!("ghost{}", pick % 3),
                })
                .collect();
            let rows: Vec<(&str, &str)> = ids
                .iter()
                .zip(&managers)
                .map(|(id, manager)| (id.as_str(), manager.as_str()))
                .collect();
            let mut org = org_of(&rows);
            let before = compute(&org, View::Current);
            for (who, whom) in moves {
                let who = &ids[who as usize % ids.len()];
                let whom = PersonId::from(ids[whom as usize % ids.len()].as_str());
                // A cycle is refused and changes nothing.
                let _ = org.move_person(&who.as_str().into(), Some(&whom));
            }
            // The reference: walk everyone, keep roots whose file row named
            // a ghost.
            let forest = org.forest();
            let mut expected: BTreeMap<String, Vec<u32>> = BTreeMap::new();
            for (position, person) in org.people().enumerate() {
                let i: usize = person.id.as_str()[1..].parse().expect("p<i>");
                let position = position as u32;
                if managers[i].starts_with("ghost") && forest.parent(position).is_none() {
                    expected.entry(managers[i].clone()).or_default().push(position);
                }
            }
            let groups = placeholder_groups(&org);
            let got: BTreeMap<String, Vec<u32>> = groups
                .iter()
                .map(|g| (g.reference.clone(), g.members.clone()))
                .collect();
            prop_assert_eq!(got.len(), groups.len(), "one group per reference");
            prop_assert_eq!(&got, &expected);
            let mut seen = std::collections::HashSet::new();
            for member in groups.iter().flat_map(|g| &g.members) {
                prop_assert!(seen.insert(*member), "in at most one group");
                prop_assert!(forest.parent(*member).is_none(), "only roots");
            }
            let extended = forest_with_placeholders(&forest, &groups);
            let grouped = groups.iter().map(|g| g.members.len()).sum::<usize>();
            prop_assert_eq!(
                extended.roots().len(),
                forest.roots().len() - grouped + groups.len()
            );
            let after = compute(&org, View::Current);
            prop_assert_eq!(after.people, before.people, "placeholders are nobody");
            prop_assert_eq!(after.people as usize, org.len());
            prop_assert_eq!(after.roots as usize, forest.roots().len());
            let mut without = org.clone();
            without.absent_managers = AbsentManagers::new();
            let plain = compute(&without, View::Current);
            prop_assert_eq!(
                (after.people, after.roots, after.managers, after.layers),
                (plain.people, plain.roots, plain.managers, plain.layers),
                "metrics do not see the placeholders"
            );
        }
    }
}
