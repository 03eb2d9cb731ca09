use super::{id_index, Forest, Ladder, Person, PersonId, Team, TeamId, TeamKind, NO_PARENT};
use crate::error::{OrgError, Result};
use hashbrown::HashTable;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use petgraph::Direction;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::hash::BuildHasher;

mod edit;
mod indexes;
mod team_positions;
pub use edit::{DissolvedTeam, RemovedPerson};
use indexes::{Mutation, OrgIndexes};
use team_positions::TeamPositions;

/// The hash the id index keys a person by.
pub(crate) fn hash_id(id: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(id)
}

/// An id index built by [`Org::index_of_pushed`], to install.
pub(crate) struct IdIndex(HashTable<NodeIndex>);

/// An id index, and the repeated ids it left out.
pub(crate) type PushedIndex = (IdIndex, Vec<id_index::Duplicate>);

/// The two kinds of reporting line. Solid lines form a forest; dotted lines
/// are an overlay and may go anywhere except to oneself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EdgeKind {
    Solid,
    Dotted,
}

/// Where a staff+ engineer sits, derived from their home team.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Placement {
    Embedded,
    Central,
    Unplaced,
}

/// Per-workspace targets the metrics are checked against. Stored as JSON
/// (the `policy` setting and `set-policy` changes), never in the postcard
/// baseline image, so fields added later take serde defaults and older
/// workspaces still open.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    pub band_min: u32,
    pub band_max: u32,
    /// A staff+ engineer supporting more teams than this is overloaded.
    pub max_load: u32,
    /// The target team size (members), inclusive.
    #[serde(default = "default_team_min")]
    pub team_min: u32,
    #[serde(default = "default_team_max")]
    pub team_max: u32,
}

fn default_team_min() -> u32 {
    5
}

fn default_team_max() -> u32 {
    9
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            band_min: 5,
            band_max: 8,
            max_load: 3,
            team_min: default_team_min(),
            team_max: default_team_max(),
        }
    }
}

impl Policy {
    /// Why this policy cannot be used, if it cannot: each range needs
    /// 1 <= min <= max and the load limit must be at least 1.
    pub fn problem(&self) -> Option<String> {
        if self.band_min == 0 || self.band_min > self.band_max {
            return Some(format!(
                "the span band {}-{} is not valid: it needs 1 <= min <= max",
                self.band_min, self.band_max
            ));
        }
        if self.max_load == 0 {
            return Some("the max staff+ load must be at least 1".into());
        }
        if self.team_min == 0 || self.team_min > self.team_max {
            return Some(format!(
                "the team size target {}-{} is not valid: it needs 1 <= min <= max",
                self.team_min, self.team_max
            ));
        }
        None
    }
}

/// The whole org: people on a `StableGraph` (edges manager → report), teams,
/// staff+ support assignments, the ladder and the policy.
///
/// **Invariant:** solid edges form a forest (each person has at most one
/// solid manager and there is no cycle). Every mutation keeps it.
///
/// **Invariant:** every mutation reports what it changed to the lazily
/// built indexes (`OrgIndexes::changed`), which keeps them true to the org.
#[derive(Debug, Clone, Default)]
pub struct Org {
    graph: StableDiGraph<Person, EdgeKind>,
    /// Node of each person, found by hashing their id; the table holds only
    /// node indices (the ids live once, in the graph).
    by_id: HashTable<NodeIndex>,
    teams: Vec<Team>,
    team_by_id: TeamPositions,
    support: BTreeSet<(PersonId, TeamId)>,
    /// Leads, members and supporters by team, built on first use; every
    /// mutation below reports itself to them (see [`OrgIndexes`]).
    indexes: OrgIndexes,
    /// Managers named by the imported file but not in it (see `absent.rs`).
    pub absent_managers: super::AbsentManagers,
    pub ladder: Ladder,
    pub policy: Policy,
}

impl Org {
    pub fn new() -> Self {
        Org::default()
    }

    /// An empty org with room for `people` people. Room for their lines is
    /// made by [`Org::reserve_lines`] once their number is known: growing
    /// the edge list, even an empty one, copies all the room it had.
    pub fn with_capacity(people: usize) -> Self {
        Org {
            graph: StableDiGraph::with_capacity(people, 0),
            by_id: HashTable::with_capacity(people),
            ..Org::default()
        }
    }

    pub fn len(&self) -> usize {
        self.graph.node_count()
    }

    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0
    }

    /// Adds a person with no lines. Fails if the id is taken.
    pub fn add_person(&mut self, person: Person) -> Result<()> {
        // One hash and one probe: find the slot, then fill it.
        let hash = hash_id(person.id.as_str());
        let graph = &mut self.graph;
        match self.by_id.entry(
            hash,
            |&n| graph[n].id == person.id,
            |&n| hash_id(graph[n].id.as_str()),
        ) {
            hashbrown::hash_table::Entry::Occupied(_) => Err(OrgError::InvalidInput(format!(
                "a person with id '{}' already exists",
                person.id
            ))),
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert(graph.add_node(person));
                self.indexes.changed(Mutation::PeopleAdded);
                Ok(())
            }
        }
    }

    /// Builds the id index for people who will be added, in this order, to
    /// an empty org with [`Org::push_unindexed`]. Runs independently of
    /// the graph, so a loader can build both at once. Errs on a duplicate.
    pub(crate) fn index_ids(ids: &[&str]) -> std::result::Result<HashTable<NodeIndex>, String> {
        let hashes: Vec<u64> = ids.iter().map(|id| hash_id(id)).collect();
        let (table, duplicates) =
            id_index::build(&hashes, |a, b| ids[a as usize] == ids[b as usize]);
        match duplicates.first() {
            Some(duplicate) => Err(format!(
                "the id '{}' is used twice",
                ids[duplicate.again as usize]
            )),
            None => Ok(table),
        }
    }

    /// Indexes everyone pushed with [`Org::push_unindexed`], given the hash
    /// of each one's id ([`hash_id`]) in order. Repeated ids are returned,
    /// not indexed: the caller must then discard the org, whose ids are
    /// no longer unique.
    #[cfg(test)]
    pub(crate) fn index_pushed(&mut self, hashes: &[u64]) -> Vec<id_index::Duplicate> {
        let (index, duplicates) = self.index_of_pushed(hashes);
        self.install_pushed_index(index);
        duplicates
    }

    /// [`Org::index_pushed`] in two halves: building the index reads the
    /// org only, so a caller can do other work on it meanwhile.
    pub(crate) fn index_of_pushed(&self, hashes: &[u64]) -> PushedIndex {
        debug_assert!(self.is_dense() && hashes.len() == self.len());
        let graph = &self.graph;
        let same_id = |a: u32, b: u32| {
            graph[NodeIndex::new(a as usize)].id == graph[NodeIndex::new(b as usize)].id
        };
        let (table, duplicates) = id_index::build(hashes, same_id);
        (IdIndex(table), duplicates)
    }

    pub(crate) fn install_pushed_index(&mut self, IdIndex(table): IdIndex) {
        self.by_id = table;
    }

    /// Dense positions of many ids at once ([`id_index::NOT_FOUND`] for an
    /// id nobody has), in an org indexed by [`Org::index_pushed`] with
    /// `hashes`. At scale this is several times faster than one lookup per
    /// id: see [`id_index::candidates`].
    /// `wanted` holds the ids' hashes ([`hash_id`]), in order.
    pub(crate) fn positions_of_pushed(
        &self,
        hashes: &[u64],
        ids: &[&str],
        wanted: &[u64],
    ) -> Vec<u32> {
        debug_assert!(self.is_dense() && hashes.len() == self.len());
        debug_assert_eq!(ids.len(), wanted.len());
        let mut found = id_index::candidates(&self.by_id, hashes, wanted);
        for (position, id) in found.iter_mut().zip(ids) {
            let node = NodeIndex::new(*position as usize);
            if *position != id_index::NOT_FOUND && self.graph[node].id.as_str() != *id {
                // Another id with the same 64-bit hash: rare enough to look
                // up alone.
                *position = self.position_of_str(id).unwrap_or(id_index::NOT_FOUND);
            }
        }
        found
    }

    /// Adds a person to the graph only; [`Org::install_index`] must follow.
    pub(crate) fn push_unindexed(&mut self, person: Person) {
        self.graph.add_node(person);
        self.indexes.changed(Mutation::PeopleAdded);
    }

    /// Installs an index built by [`Org::index_ids`] over the ids of the
    /// people pushed with [`Org::push_unindexed`], in the same order.
    pub(crate) fn install_index(
        &mut self,
        by_id: HashTable<NodeIndex>,
    ) -> std::result::Result<(), String> {
        if by_id.len() != self.graph.node_count()
            || self.graph.node_bound() != self.graph.node_count()
        {
            return Err("the id index does not match the people".into());
        }
        self.by_id = by_id;
        Ok(())
    }

    /// The person at a dense position ([`Org::people`] order).
    pub fn person_at(&self, position: u32) -> Option<&Person> {
        if self.graph.node_bound() == self.graph.node_count() {
            return self.graph.node_weight(NodeIndex::new(position as usize));
        }
        self.people().nth(position as usize)
    }

    /// Each person's manager as a dense position (`NO_PARENT` for roots),
    /// in [`Org::people`] order: the forest's parent array without the
    /// child lists.
    pub fn parent_positions(&self) -> Vec<u32> {
        let mut parent = vec![NO_PARENT; self.graph.node_count()];
        let solid = (&self.graph)
            .edge_references()
            .filter(|edge| *edge.weight() == EdgeKind::Solid);
        if self.is_dense() {
            // Slots are positions: no table to build and look through.
            for edge in solid {
                parent[edge.target().index()] = edge.source().index() as u32;
            }
        } else {
            let position = self.dense_positions();
            for edge in solid {
                parent[position[edge.target().index()] as usize] = position[edge.source().index()];
            }
        }
        parent
    }

    pub fn add_team(&mut self, team: Team) -> Result<()> {
        if !self.team_by_id.push(&team.id) {
            return Err(OrgError::InvalidInput(format!(
                "a team with id '{}' already exists",
                team.id
            )));
        }
        self.teams.push(team);
        self.indexes.changed(Mutation::TeamsEdited);
        Ok(())
    }

    /// Takes the teams of `from` into an org that has none: a loader
    /// builds them on a thread of their own while it builds the people.
    pub(crate) fn take_teams(&mut self, from: Org) {
        debug_assert!(self.teams.is_empty());
        self.teams = from.teams;
        self.team_by_id = from.team_by_id;
        self.indexes.changed(Mutation::TeamsEdited);
    }

    /// Makes room for `additional` more teams, so a loader adding many
    /// does not rehash the team index as it grows.
    pub(crate) fn reserve_teams(&mut self, additional: usize) {
        self.teams.reserve(additional);
        self.team_by_id.reserve(additional);
    }

    pub fn teams(&self) -> &[Team] {
        &self.teams
    }

    pub fn team(&self, id: &TeamId) -> Option<&Team> {
        self.team_by_id.get(id).map(|i| &self.teams[i])
    }

    pub(crate) fn team_mut(&mut self, index: usize) -> &mut Team {
        self.indexes.changed(Mutation::TeamsEdited);
        &mut self.teams[index]
    }

    pub(crate) fn team_index(&self, id: &TeamId) -> Option<usize> {
        self.team_by_id.get(id)
    }

    /// The position of the team with this id, with no id made to ask.
    pub(crate) fn team_index_of(&self, id: &str) -> Option<usize> {
        self.team_by_id.get(id)
    }

    fn node_of(&self, id: &str) -> Option<NodeIndex> {
        self.by_id
            .find(hash_id(id), |&n| self.graph[n].id.as_str() == id)
            .copied()
    }

    fn node(&self, id: &PersonId) -> Result<NodeIndex> {
        self.node_of(id.as_str())
            .ok_or_else(|| OrgError::PersonNotFound(id.to_string()))
    }

    pub fn person(&self, id: &PersonId) -> Option<&Person> {
        self.node_of(id.as_str()).map(|node| &self.graph[node])
    }

    pub fn contains(&self, id: &PersonId) -> bool {
        self.node_of(id.as_str()).is_some()
    }

    /// People in a stable order (insertion order while nothing is removed).
    pub fn people(&self) -> impl Iterator<Item = &Person> + '_ {
        self.graph.node_indices().map(move |node| &self.graph[node])
    }

    fn solid_manager_node(&self, node: NodeIndex) -> Option<NodeIndex> {
        self.graph
            .edges_directed(node, Direction::Incoming)
            .find(|edge| *edge.weight() == EdgeKind::Solid)
            .map(|edge| edge.source())
    }

    pub fn manager_of(&self, id: &PersonId) -> Option<&PersonId> {
        let node = self.node_of(id.as_str())?;
        self.solid_manager_node(node).map(|m| &self.graph[m].id)
    }

    /// Direct (solid-line) reports, in no particular order.
    pub fn reports_of(&self, id: &PersonId) -> Vec<&PersonId> {
        let Some(node) = self.node_of(id.as_str()) else {
            return Vec::new();
        };
        self.graph
            .edges_directed(node, Direction::Outgoing)
            .filter(|edge| *edge.weight() == EdgeKind::Solid)
            .map(|edge| &self.graph[edge.target()].id)
            .collect()
    }

    pub fn dotted_managers_of(&self, id: &PersonId) -> Vec<&PersonId> {
        let Some(node) = self.node_of(id.as_str()) else {
            return Vec::new();
        };
        self.graph
            .edges_directed(node, Direction::Incoming)
            .filter(|edge| *edge.weight() == EdgeKind::Dotted)
            .map(|edge| &self.graph[edge.source()].id)
            .collect()
    }

    /// The dotted lines `id` takes part in, either end, as (manager, report).
    pub fn dotted_lines_of(&self, id: &PersonId) -> Vec<(&PersonId, &PersonId)> {
        let Some(node) = self.node_of(id.as_str()) else {
            return Vec::new();
        };
        self.graph
            .edges_directed(node, Direction::Incoming)
            .chain(self.graph.edges_directed(node, Direction::Outgoing))
            .filter(|edge| *edge.weight() == EdgeKind::Dotted)
            .map(|edge| (&self.graph[edge.source()].id, &self.graph[edge.target()].id))
            .collect()
    }

    /// Every dotted line as (manager, report).
    pub fn dotted_lines(&self) -> Vec<(&PersonId, &PersonId)> {
        (&self.graph)
            .edge_references()
            .filter(|edge| *edge.weight() == EdgeKind::Dotted)
            .map(|edge| (&self.graph[edge.source()].id, &self.graph[edge.target()].id))
            .collect()
    }

    /// The chain from `id` up to its root, starting with `id` itself.
    pub fn chain_of_command(&self, id: &PersonId) -> Result<Vec<&PersonId>> {
        let mut node = self.node(id)?;
        let mut chain = vec![&self.graph[node].id];
        while let Some(manager) = self.solid_manager_node(node) {
            chain.push(&self.graph[manager].id);
            node = manager;
        }
        Ok(chain)
    }

    /// Moves `id` under `new_manager` (or makes it a root with `None`),
    /// keeping the forest invariant. Returns the previous manager. A move
    /// that would create a cycle is refused and nothing changes.
    pub fn move_person(
        &mut self,
        id: &PersonId,
        new_manager: Option<&PersonId>,
    ) -> Result<Option<PersonId>> {
        let node = self.node(id)?;
        let new_manager_node = new_manager.map(|m| self.node(m)).transpose()?;
        if let Some(manager) = new_manager_node {
            self.refuse_cycle(node, manager)?;
        }
        let previous = self
            .graph
            .edges_directed(node, Direction::Incoming)
            .find(|edge| *edge.weight() == EdgeKind::Solid)
            .map(|edge| (edge.id(), edge.source()));
        let previous_manager = previous.map(|(_, m)| self.graph[m].id.clone());
        if previous.map(|(_, m)| m) == new_manager_node {
            return Ok(previous_manager);
        }
        if let Some((edge, _)) = previous {
            self.graph.remove_edge(edge);
        }
        if let Some(manager) = new_manager_node {
            self.graph.add_edge(manager, node, EdgeKind::Solid);
        }
        self.indexes.changed(Mutation::Lines);
        Ok(previous_manager)
    }

    /// Refuses making `manager` the manager of `node` when `node` is
    /// `manager` or one of its ancestors.
    fn refuse_cycle(&self, node: NodeIndex, manager: NodeIndex) -> Result<()> {
        let mut path = vec![manager];
        let mut cursor = manager;
        loop {
            if cursor == node {
                let mut cycle: Vec<String> = path
                    .iter()
                    .rev()
                    .map(|&n| self.graph[n].id.to_string())
                    .collect();
                cycle.push(self.graph[node].id.to_string());
                return Err(OrgError::WouldCreateCycle {
                    person: self.graph[node].id.to_string(),
                    manager: self.graph[manager].id.to_string(),
                    cycle,
                });
            }
            match self.solid_manager_node(cursor) {
                Some(up) => {
                    path.push(up);
                    cursor = up;
                }
                None => return Ok(()),
            }
        }
    }

    /// Makes room for `lines` reporting lines in all, solid and dotted, so
    /// that adding the dotted lines after a million solid ones does not
    /// copy the whole edge list to grow it.
    pub(crate) fn reserve_lines(&mut self, lines: usize) {
        let additional = lines.saturating_sub(self.graph.edge_count());
        self.graph.reserve_exact_edges(additional);
    }

    /// Adds the solid lines of `parent` (each person's manager by dense
    /// position, [`NO_PARENT`] for roots) to an org with no lines and no
    /// removals. The caller has checked that `parent` is a forest over
    /// exactly these people ([`super::break_cycles`]). Children are added
    /// in position order, as [`Org::attach_forest`] adds them.
    pub(crate) fn attach_parents(&mut self, parent: &[u32]) {
        debug_assert!(self.is_dense() && parent.len() == self.len());
        for (child, &manager) in parent.iter().enumerate() {
            if manager != NO_PARENT {
                self.graph.add_edge(
                    NodeIndex::new(manager as usize),
                    NodeIndex::new(child),
                    EdgeKind::Solid,
                );
            }
        }
        self.indexes.changed(Mutation::Lines);
    }

    /// Links people to managers from a forest over [`Org::people`] order.
    /// The forest shape rules out cycles, so no per-edge check is needed;
    /// people must not have solid managers yet.
    pub(crate) fn attach_forest(&mut self, forest: &Forest) {
        let nodes: Vec<NodeIndex> = self.graph.node_indices().collect();
        for (child, &node) in nodes.iter().enumerate() {
            if let Some(parent) = forest.parent(child as u32) {
                self.graph
                    .add_edge(nodes[parent as usize], node, EdgeKind::Solid);
            }
        }
        self.indexes.changed(Mutation::Lines);
    }

    /// Adds a dotted line from `manager` to `report`. Duplicate lines are
    /// ignored; a dotted line to oneself is refused.
    pub fn add_dotted_line(&mut self, manager: &PersonId, report: &PersonId) -> Result<()> {
        let manager_node = self.node(manager)?;
        let report_node = self.node(report)?;
        self.add_dotted_between(manager_node, report_node)
    }

    /// [`Org::add_dotted_line`] between dense positions, as a stored
    /// image names people: no id is looked up.
    pub(crate) fn add_dotted_line_at(&mut self, manager: u32, report: u32) -> Result<()> {
        debug_assert!(self.is_dense());
        let node = |position: u32| {
            let node = NodeIndex::new(position as usize);
            self.graph
                .contains_node(node)
                .then_some(node)
                .ok_or_else(|| OrgError::PersonNotFound(format!("position {position}")))
        };
        let (manager_node, report_node) = (node(manager)?, node(report)?);
        self.add_dotted_between(manager_node, report_node)
    }

    fn add_dotted_between(
        &mut self,
        manager_node: NodeIndex,
        report_node: NodeIndex,
    ) -> Result<()> {
        if manager_node == report_node {
            return Err(OrgError::InvalidInput(format!(
                "'{}' cannot have a dotted line to themselves",
                self.graph[report_node].id
            )));
        }
        let exists = self
            .graph
            .edges_connecting(manager_node, report_node)
            .any(|edge| *edge.weight() == EdgeKind::Dotted);
        if !exists {
            self.graph
                .add_edge(manager_node, report_node, EdgeKind::Dotted);
            self.indexes.changed(Mutation::Lines);
        }
        Ok(())
    }

    pub fn add_support(&mut self, person: &PersonId, team: &TeamId) -> Result<()> {
        self.node(person)?;
        if !self.team_by_id.contains(team) {
            return Err(OrgError::InvalidInput(format!("no team with id '{team}'")));
        }
        self.support.insert((person.clone(), team.clone()));
        self.indexes.changed(Mutation::SupportEdited);
        Ok(())
    }

    /// Adds support assignments between people and teams the caller knows
    /// are in the org. Sorted pairs into an org with none are built into
    /// the set in one pass, where inserting each would compare ids at every
    /// level of the tree.
    pub(crate) fn add_known_supports(&mut self, pairs: Vec<(PersonId, TeamId)>) {
        debug_assert!(pairs
            .iter()
            .all(|(p, t)| self.contains(p) && self.team_by_id.contains(t)));
        if self.support.is_empty() {
            self.support = pairs.into_iter().collect();
        } else {
            self.support.extend(pairs);
        }
        self.indexes.changed(Mutation::SupportEdited);
    }

    /// Explicit support assignments. Embedded staff+ also support their home
    /// team implicitly; the coverage metrics count both.
    pub fn support_assignments(&self) -> &BTreeSet<(PersonId, TeamId)> {
        &self.support
    }

    pub fn is_staff_plus(&self, person: &Person) -> bool {
        self.ladder.is_staff_plus(&person.level, &person.title)
    }

    pub fn placement(&self, person: &Person) -> Placement {
        match person.team.as_ref().and_then(|t| self.team(t)) {
            None => Placement::Unplaced,
            Some(team) if team.kind == TeamKind::Architecture => Placement::Central,
            Some(_) => Placement::Embedded,
        }
    }

    /// A dense index per person (0..len, in [`Org::people`] order) and the
    /// solid-line forest over those indices.
    pub fn forest(&self) -> Forest {
        Forest::from_parents(self.parent_positions())
            .expect("solid edges form a forest: every Org mutation keeps it")
    }

    /// Maps graph node indices to dense 0..len positions.
    fn dense_positions(&self) -> Vec<u32> {
        let mut position = vec![NO_PARENT; self.graph.node_bound()];
        for (dense, node) in self.graph.node_indices().enumerate() {
            position[node.index()] = dense as u32;
        }
        position
    }

    /// Looks up many people's dense positions: O(1) each, after one O(n)
    /// table when removals have left free slots in the graph.
    pub fn positions(&self) -> Positions<'_> {
        let table =
            (self.graph.node_bound() != self.graph.node_count()).then(|| self.dense_positions());
        Positions { org: self, table }
    }

    /// A person's graph slot. Slots equal dense positions until someone is
    /// removed; unlike positions, a slot never shifts when others come or go,
    /// so per-person arrays indexed by slot can be patched in place.
    pub fn slot_of(&self, id: &PersonId) -> Option<u32> {
        self.node_of(id.as_str()).map(|node| node.index() as u32)
    }

    /// One past the highest slot in use.
    pub fn slot_bound(&self) -> usize {
        self.graph.node_bound()
    }

    /// Whether every slot below [`Org::slot_bound`] holds a person, so that
    /// slots and dense positions coincide.
    pub fn is_dense(&self) -> bool {
        self.graph.node_bound() == self.graph.node_count()
    }

    /// Dense position of a person, as used by [`Org::forest`].
    pub fn position_of(&self, id: &PersonId) -> Option<u32> {
        self.position_of_str(id.as_str())
    }

    pub(crate) fn position_of_str(&self, id: &str) -> Option<u32> {
        let node = self.node_of(id)?;
        if self.graph.node_bound() == self.graph.node_count() {
            return Some(node.index() as u32);
        }
        // Removed people leave free slots below this node; count them.
        // O(slots), so only orgs with removals (scenario views) pay it.
        self.graph
            .node_indices()
            .position(|n| n == node)
            .map(|p| p as u32)
    }
}

/// See [`Org::positions`].
#[derive(Debug)]
pub struct Positions<'a> {
    org: &'a Org,
    /// Node index → dense position, when the graph has free slots.
    table: Option<Vec<u32>>,
}

impl Positions<'_> {
    pub fn of(&self, id: &PersonId) -> Option<u32> {
        let node = self.org.node_of(id.as_str())?;
        Some(match &self.table {
            None => node.index() as u32,
            Some(table) => table[node.index()],
        })
    }
}

#[cfg(test)]
mod tests;
