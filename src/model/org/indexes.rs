//! The lookups [`Org`](super::Org) builds on first use so that bulk
//! scenario edits stay linear: removing many people scans the teams once
//! for their leads rather than once each, and dissolving many teams scans
//! the people and the support assignments once rather than once each.

use crate::model::{Person, PersonId, Team, TeamId};
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

use super::EdgeKind;

/// Who leads which teams, by position in the team list, in team order.
pub(super) type LeadIndex = FxHashMap<PersonId, Vec<usize>>;
/// Each team's members by graph node, in node order.
pub(super) type MemberIndex = FxHashMap<TeamId, Vec<NodeIndex>>;
/// Who supports each team, in person order.
pub(super) type SupporterIndex = FxHashMap<TeamId, Vec<PersonId>>;

/// What one mutation of an [`Org`](super::Org) changed, as the indexes
/// need to know it. Each mutation reports every change it made, once it
/// has made it; [`OrgIndexes::changed`] decides what that does to each
/// index.
#[derive(Debug, Clone, Copy)]
pub(super) enum Mutation<'a> {
    /// Solid or dotted lines were added or removed.
    Lines,
    /// People were added, with whatever home teams they have.
    PeopleAdded,
    /// A person was handed out to edit: their home team may have changed.
    PersonEdited,
    /// The team list, or any team's fields (its lead included), changed.
    TeamsEdited,
    /// Support assignments were added or removed.
    SupportEdited,
    /// A person left: `node` was their graph node, `home` their home team
    /// and `supported` the teams they supported. Any team they led has
    /// already had its lead cleared.
    PersonRemoved {
        id: &'a PersonId,
        node: NodeIndex,
        home: Option<&'a TeamId>,
        supported: &'a [TeamId],
    },
    /// A team left the list: its members lost it as their home team and
    /// its supporters their assignments to it.
    TeamDissolved { id: &'a TeamId },
}

/// The lookups an [`Org`](super::Org) builds lazily, each on the first
/// call that needs it after it was last dropped.
///
/// **Invariant:** every index that is built equals the one a fresh build
/// from the org as it is now would give (an empty list stands for no
/// entry). Every mutation of the org's people, teams, lines or support
/// reports what it changed to [`OrgIndexes::changed`], the one place that
/// keeps, drops or patches each index; no mutation touches an index
/// itself. A new mutation picks the [`Mutation`] that says what it
/// changes; a new index gets a rule for every [`Mutation`] there.
#[derive(Debug, Clone, Default)]
pub(super) struct OrgIndexes {
    leads: Option<LeadIndex>,
    members: Option<MemberIndex>,
    supporters: Option<SupporterIndex>,
}

impl OrgIndexes {
    /// Keeps every index true to the org after `mutation`: drops what it
    /// may have made wrong, or patches it where that is cheap and a bulk
    /// edit would otherwise rebuild it at every step.
    pub(super) fn changed(&mut self, mutation: Mutation<'_>) {
        match mutation {
            Mutation::Lines => {}
            Mutation::PeopleAdded | Mutation::PersonEdited => self.members = None,
            Mutation::TeamsEdited => self.leads = None,
            Mutation::SupportEdited => self.supporters = None,
            Mutation::PersonRemoved {
                id,
                node,
                home,
                supported,
            } => {
                // Team positions do not move: only this person's entry goes.
                if let Some(leads) = &mut self.leads {
                    leads.remove(id);
                }
                if let (Some(members), Some(home)) = (&mut self.members, home) {
                    if let Some(nodes) = members.get_mut(home) {
                        nodes.retain(|&member| member != node);
                    }
                }
                if let Some(supporters) = &mut self.supporters {
                    for team in supported {
                        if let Some(people) = supporters.get_mut(team) {
                            people.retain(|person| person != id);
                        }
                    }
                }
            }
            Mutation::TeamDissolved { id } => {
                // Later teams move down a place, so every lead position
                // after it would be wrong.
                self.leads = None;
                if let Some(members) = &mut self.members {
                    members.remove(id);
                }
                if let Some(supporters) = &mut self.supporters {
                    supporters.remove(id);
                }
            }
        }
    }

    /// The teams each person leads, built from `teams` if not built.
    pub(super) fn leads(&mut self, teams: &[Team]) -> &LeadIndex {
        self.leads.get_or_insert_with(|| lead_index(teams))
    }

    /// Each team's members, built from `graph` if not built.
    pub(super) fn members(&mut self, graph: &StableDiGraph<Person, EdgeKind>) -> &MemberIndex {
        self.members.get_or_insert_with(|| member_index(graph))
    }

    /// Who supports each team, built from `support` if not built.
    pub(super) fn supporters(&mut self, support: &BTreeSet<(PersonId, TeamId)>) -> &SupporterIndex {
        self.supporters
            .get_or_insert_with(|| supporter_index(support))
    }

    /// Builds every index not built, so that the next mutation meets them
    /// all (a test checks each mutation keeps them true).
    #[cfg(test)]
    pub(super) fn build_all(
        &mut self,
        graph: &StableDiGraph<Person, EdgeKind>,
        teams: &[Team],
        support: &BTreeSet<(PersonId, TeamId)>,
    ) {
        self.leads(teams);
        self.members(graph);
        self.supporters(support);
    }

    /// The indexes that are built but differ from a fresh build, by name.
    #[cfg(test)]
    pub(super) fn stale(
        &self,
        graph: &StableDiGraph<Person, EdgeKind>,
        teams: &[Team],
        support: &BTreeSet<(PersonId, TeamId)>,
    ) -> Vec<&'static str> {
        fn differs<K: std::hash::Hash + Eq, V: PartialEq>(
            built: &Option<FxHashMap<K, Vec<V>>>,
            fresh: FxHashMap<K, Vec<V>>,
        ) -> bool {
            let Some(built) = built else {
                return false;
            };
            let entries = |index: &FxHashMap<K, Vec<V>>| {
                index.values().filter(|values| !values.is_empty()).count()
            };
            entries(built) != fresh.len()
                || fresh
                    .iter()
                    .any(|(key, values)| built.get(key) != Some(values))
        }
        let mut stale = Vec::new();
        if differs(&self.leads, lead_index(teams)) {
            stale.push("leads");
        }
        if differs(&self.members, member_index(graph)) {
            stale.push("members");
        }
        if differs(&self.supporters, supporter_index(support)) {
            stale.push("supporters");
        }
        stale
    }
}

fn lead_index(teams: &[Team]) -> LeadIndex {
    let mut index = LeadIndex::default();
    for (position, team) in teams.iter().enumerate() {
        if let Some(lead) = &team.lead {
            index.entry(lead.clone()).or_default().push(position);
        }
    }
    index
}

fn member_index(graph: &StableDiGraph<Person, EdgeKind>) -> MemberIndex {
    let mut index = MemberIndex::default();
    for node in graph.node_indices() {
        if let Some(team) = &graph[node].team {
            index.entry(team.clone()).or_default().push(node);
        }
    }
    index
}

fn supporter_index(support: &BTreeSet<(PersonId, TeamId)>) -> SupporterIndex {
    let mut index = SupporterIndex::default();
    for (person, team) in support {
        index.entry(team.clone()).or_default().push(person.clone());
    }
    index
}

#[cfg(test)]
mod tests;
