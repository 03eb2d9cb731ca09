//! The reporting tree as the chart formats draw it: nodes by position,
//! teams as clusters, solid and dotted edges. DOT and Mermaid differ only
//! in syntax and escaping, so they share this.

use crate::model::{Org, Person, Team, NO_PARENT};
use rustc_hash::FxHashMap;

#[derive(Debug)]
pub(crate) struct Graph<'a> {
    /// Everyone, in people order; a person's node id is `p<position>`.
    pub people: Vec<&'a Person>,
    /// Teams with at least one member, in team order, with their members'
    /// positions.
    pub clusters: Vec<(&'a Team, Vec<usize>)>,
    /// Positions of people with no team (drawn outside every cluster).
    pub loose: Vec<usize>,
    /// (manager, report) positions, in report order.
    pub solid: Vec<(usize, usize)>,
    /// (manager, report) positions, sorted.
    pub dotted: Vec<(usize, usize)>,
}

impl<'a> Graph<'a> {
    pub fn of(org: &'a Org) -> Graph<'a> {
        let people: Vec<&Person> = org.people().collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); org.teams().len()];
        let team_index: FxHashMap<_, usize> = org
            .teams()
            .iter()
            .enumerate()
            .map(|(index, team)| (&team.id, index))
            .collect();
        let mut loose = Vec::new();
        for (position, person) in people.iter().enumerate() {
            match person.team.as_ref().and_then(|id| team_index.get(id)) {
                Some(&index) => members[index].push(position),
                None => loose.push(position),
            }
        }
        let clusters = org
            .teams()
            .iter()
            .zip(members)
            .filter(|(_, members)| !members.is_empty())
            .collect();
        let solid = org
            .parent_positions()
            .into_iter()
            .enumerate()
            .filter(|&(_, parent)| parent != NO_PARENT)
            .map(|(report, parent)| (parent as usize, report))
            .collect();
        let positions = org.positions();
        let mut dotted: Vec<(usize, usize)> = org
            .dotted_lines()
            .into_iter()
            .filter_map(|(manager, report)| {
                Some((
                    positions.of(manager)? as usize,
                    positions.of(report)? as usize,
                ))
            })
            .collect();
        dotted.sort_unstable();
        Graph {
            people,
            clusters,
            loose,
            solid,
            dotted,
        }
    }
}

/// The label lines of a person: name, then title when there is one. A
/// person without a name is shown by id, so no box is blank.
pub(crate) fn label_lines(person: &Person) -> Vec<&str> {
    let name = if person.name.is_empty() {
        person.id.as_str()
    } else {
        person.name.as_str()
    };
    let mut lines = vec![name];
    if !person.title.is_empty() {
        lines.push(&person.title);
    }
    lines
}

/// A cluster's caption: the team name and kind.
pub(crate) fn team_caption(team: &Team) -> String {
    format!("{} ({})", team.name, team.kind)
}
