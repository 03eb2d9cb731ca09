//! Cutting a subtree out of an org, as an org of its own, so the writers
//! need no notion of scope.

use crate::error::{OrgError, Result};
use crate::model::{Forest, Org, PersonId, TeamId, NO_PARENT};
use rustc_hash::FxHashSet;
use std::borrow::Cow;

/// The people under `root` (or under every top-level root) down to `depth`
/// layers, the root being layer 1, as an org of their own.
///
/// Without root and depth the org itself is returned, uncopied. In a cut
/// org a manager outside the scope is gone, so their reports become roots;
/// dotted lines keep only those with both ends inside; support assignments
/// of the people inside are kept, with the teams they name. Teams kept are
/// those of people inside and those they support; a team lead outside the
/// scope is cleared so no id points outside the export.
///
/// Errors: an unknown root is [`OrgError::PersonNotFound`] naming the id;
/// a depth of 0 is [`OrgError::InvalidInput`].
pub fn scoped_org<'a>(
    org: &'a Org,
    root: Option<&PersonId>,
    depth: Option<u32>,
) -> Result<Cow<'a, Org>> {
    if depth == Some(0) {
        return Err(OrgError::InvalidInput(
            "the export depth must be at least 1 (1 is the root alone)".to_string(),
        ));
    }
    let start = root
        .map(|id| {
            org.position_of(id)
                .ok_or_else(|| OrgError::PersonNotFound(id.to_string()))
        })
        .transpose()?;
    if start.is_none() && depth.is_none() {
        return Ok(Cow::Borrowed(org));
    }
    let forest = org.forest();
    let included = select(&forest, start, depth);
    build(org, &forest, &included).map(Cow::Owned)
}

/// Marks, by position, the people within `depth` layers of `start` (or of
/// every root): a breadth-first walk, layer by layer.
fn select(forest: &Forest, start: Option<u32>, depth: Option<u32>) -> Vec<bool> {
    let mut included = vec![false; forest.len()];
    let mut layer: Vec<u32> = match start {
        Some(position) => vec![position],
        None => forest.roots().to_vec(),
    };
    let mut number = 1;
    while !layer.is_empty() {
        for &position in &layer {
            included[position as usize] = true;
        }
        if depth.is_some_and(|depth| number >= depth) {
            break;
        }
        layer = layer
            .iter()
            .flat_map(|&position| forest.children(position).iter().copied())
            .collect();
        number += 1;
    }
    included
}

fn build(org: &Org, forest: &Forest, included: &[bool]) -> Result<Org> {
    let positions = org.positions();
    let inside = |id: &PersonId| positions.of(id).is_some_and(|p| included[p as usize]);

    let mut scoped = Org::with_capacity(included.iter().filter(|&&kept| kept).count());
    scoped.ladder = org.ladder.clone();
    scoped.policy = org.policy;
    scoped.absent_managers = org.absent_managers.only(|id| inside(id));

    let mut new_position = vec![NO_PARENT; included.len()];
    let mut parents = Vec::new();
    for (position, person) in org.people().enumerate() {
        if !included[position] {
            continue;
        }
        new_position[position] = parents.len() as u32;
        // Managers come before or after their reports in people order, so
        // parents are mapped once everyone has a new position.
        parents.push(forest.parent(position as u32));
        scoped.add_person(person.clone())?;
    }
    let parents: Vec<u32> = parents
        .into_iter()
        .map(|parent| parent.map_or(NO_PARENT, |p| new_position[p as usize]))
        .collect();
    let cut = Forest::from_parents(parents).map_err(|_| {
        OrgError::InvalidInput("the scoped reporting lines do not form a tree".to_string())
    })?;
    let dotted = org.dotted_lines();
    scoped.reserve_lines(cut.len() + dotted.len());
    scoped.attach_forest(&cut);

    let supports: Vec<_> = org
        .support_assignments()
        .iter()
        .filter(|(person, _)| inside(person))
        .collect();
    let mut needed: FxHashSet<&TeamId> = org
        .people()
        .zip(included)
        .filter(|(_, &kept)| kept)
        .filter_map(|(person, _)| person.team.as_ref())
        .collect();
    needed.extend(supports.iter().map(|(_, team)| team));
    for team in org.teams() {
        if needed.contains(&team.id) {
            let mut team = team.clone();
            team.lead = team.lead.filter(|lead| inside(lead));
            scoped.add_team(team)?;
        }
    }
    for (person, team) in supports {
        scoped.add_support(person, team)?;
    }
    for (manager, report) in dotted {
        if inside(manager) && inside(report) {
            scoped.add_dotted_line(manager, report)?;
        }
    }
    Ok(scoped)
}
