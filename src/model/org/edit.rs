//! The mutations scenario changes are made of. Each returns what is needed
//! to undo it exactly, so switching scenarios never copies the org.

use super::{hash_id, EdgeKind, Mutation, Org};
use crate::error::{OrgError, Result};
use crate::model::{Person, PersonId, Team, TeamId};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

/// Everything removing a person took away, to put back on undo.
#[derive(Debug, Clone, PartialEq)]
pub struct RemovedPerson {
    pub person: Person,
    pub manager: Option<PersonId>,
    /// Their direct reports, who moved up to `manager`.
    pub reports: Vec<PersonId>,
    /// Dotted lines as (manager, report) that involved them.
    pub dotted: Vec<(PersonId, PersonId)>,
    pub supports: Vec<TeamId>,
    /// Teams they led.
    pub led: Vec<TeamId>,
}

impl Org {
    /// A person to edit in place. Callers must not change the id.
    pub(crate) fn person_mut(&mut self, id: &PersonId) -> Result<&mut Person> {
        let node = self.node(id)?;
        self.indexes.changed(Mutation::PersonEdited);
        Ok(&mut self.graph[node])
    }

    /// Removes a person. Their reports move up to their manager (or become
    /// roots); their dotted lines, support assignments and team leads go.
    pub fn remove_person(&mut self, id: &PersonId) -> Result<RemovedPerson> {
        let node = self.node(id)?;
        let manager = self.manager_of(id).cloned();
        let mut reports: Vec<PersonId> = self.reports_of(id).into_iter().cloned().collect();
        reports.sort();
        for report in &reports {
            // Moving up a level cannot create a cycle.
            self.move_person(report, manager.as_ref())?;
        }
        let mut dotted: Vec<(PersonId, PersonId)> = self
            .graph
            .edges_directed(node, Direction::Incoming)
            .chain(self.graph.edges_directed(node, Direction::Outgoing))
            .filter(|edge| *edge.weight() == EdgeKind::Dotted)
            .map(|edge| {
                (
                    self.graph[edge.source()].id.clone(),
                    self.graph[edge.target()].id.clone(),
                )
            })
            .collect();
        dotted.sort();
        // Assignments sort by person first: theirs are one run of the set,
        // starting at the smallest team id.
        let supports: Vec<TeamId> = self
            .support
            .range((id.clone(), TeamId::from(""))..)
            .take_while(|(person, _)| person == id)
            .map(|(_, team)| team.clone())
            .collect();
        for team in &supports {
            self.support.remove(&(id.clone(), team.clone()));
        }
        let led_positions = self.indexes.leads(&self.teams).get(id);
        let mut led = Vec::with_capacity(led_positions.map_or(0, Vec::len));
        for &position in led_positions.into_iter().flatten() {
            let team = &mut self.teams[position];
            team.lead = None;
            led.push(team.id.clone());
        }
        let graph = &self.graph;
        if let Ok(entry) = self
            .by_id
            .find_entry(hash_id(id.as_str()), |&n| graph[n].id == *id)
        {
            entry.remove();
        }
        let person = self
            .graph
            .remove_node(node)
            .ok_or_else(|| OrgError::PersonNotFound(id.to_string()))?;
        self.indexes.changed(Mutation::PersonRemoved {
            id,
            node,
            home: person.team.as_ref(),
            supported: &supports,
        });
        Ok(RemovedPerson {
            person,
            manager,
            reports,
            dotted,
            supports,
            led,
        })
    }

    /// Puts back a person taken out by [`Org::remove_person`], with every
    /// line and assignment they had. Undoing in reverse order restores the
    /// people order exactly (the graph reuses the freed slot).
    pub fn restore_person(&mut self, removed: RemovedPerson) -> Result<()> {
        let id = removed.person.id.clone();
        self.add_person(removed.person)?;
        self.move_person(&id, removed.manager.as_ref())?;
        for report in &removed.reports {
            self.move_person(report, Some(&id))?;
        }
        for (manager, report) in &removed.dotted {
            self.add_dotted_line(manager, report)?;
        }
        if !removed.supports.is_empty() {
            for team in removed.supports {
                self.support.insert((id.clone(), team));
            }
            self.indexes.changed(Mutation::SupportEdited);
        }
        for team in &removed.led {
            if let Some(index) = self.team_index(team) {
                self.teams[index].lead = Some(id.clone());
                self.indexes.changed(Mutation::TeamsEdited);
            }
        }
        Ok(())
    }

    /// Removes a dotted line; false if there was none.
    pub fn remove_dotted_line(&mut self, manager: &PersonId, report: &PersonId) -> Result<bool> {
        let manager_node = self.node(manager)?;
        let report_node = self.node(report)?;
        let edge = self
            .graph
            .edges_connecting(manager_node, report_node)
            .find(|edge| *edge.weight() == EdgeKind::Dotted)
            .map(|edge| edge.id());
        let removed = edge.and_then(|edge| self.graph.remove_edge(edge)).is_some();
        if removed {
            self.indexes.changed(Mutation::Lines);
        }
        Ok(removed)
    }

    /// Removes a support assignment; false if there was none.
    pub fn remove_support(&mut self, person: &PersonId, team: &TeamId) -> bool {
        let removed = self.support.remove(&(person.clone(), team.clone()));
        if removed {
            self.indexes.changed(Mutation::SupportEdited);
        }
        removed
    }

    pub fn has_dotted_line(&self, manager: &PersonId, report: &PersonId) -> bool {
        match (
            self.node_of(manager.as_str()),
            self.node_of(report.as_str()),
        ) {
            (Some(m), Some(r)) => self
                .graph
                .edges_connecting(m, r)
                .any(|edge| *edge.weight() == EdgeKind::Dotted),
            _ => false,
        }
    }

    pub(crate) fn team_by_id_mut(&mut self, id: &TeamId) -> Result<&mut Team> {
        let index = self.team_index(id).ok_or_else(|| no_team(id))?;
        self.indexes.changed(Mutation::TeamsEdited);
        Ok(&mut self.teams[index])
    }

    /// Removes a team: members lose it as their home team and support
    /// assignments to it go. Returns what undo needs.
    pub fn dissolve_team(&mut self, id: &TeamId) -> Result<DissolvedTeam> {
        let index = self.team_index(id).ok_or_else(|| no_team(id))?;
        let nodes = self.indexes.members(&self.graph).get(id);
        let mut members = Vec::with_capacity(nodes.map_or(0, Vec::len));
        for &node in nodes.into_iter().flatten() {
            let person = &mut self.graph[node];
            person.team = None;
            members.push(person.id.clone());
        }
        let supporters = (self.indexes.supporters(&self.support).get(id))
            .cloned()
            .unwrap_or_default();
        for person in &supporters {
            self.support.remove(&(person.clone(), id.clone()));
        }
        let team = self.teams.remove(index);
        self.team_by_id.remove(&team.id);
        self.indexes.changed(Mutation::TeamDissolved { id });
        Ok(DissolvedTeam {
            team,
            index,
            members,
            supporters,
        })
    }

    /// Undoes [`Org::dissolve_team`], or removes a just-created team when
    /// `dissolved` came from creating it.
    pub fn restore_team(&mut self, dissolved: DissolvedTeam) -> Result<()> {
        if self.team_index(&dissolved.team.id).is_some() {
            return Err(OrgError::InvalidInput(format!(
                "a team with id '{}' already exists",
                dissolved.team.id
            )));
        }
        let id = dissolved.team.id.clone();
        let index = dissolved.index.min(self.teams.len());
        self.team_by_id.insert(&id, index);
        self.teams.insert(index, dissolved.team);
        self.indexes.changed(Mutation::TeamsEdited);
        for member in &dissolved.members {
            self.person_mut(member)?.team = Some(id.clone());
        }
        if !dissolved.supporters.is_empty() {
            for person in dissolved.supporters {
                self.support.insert((person, id.clone()));
            }
            self.indexes.changed(Mutation::SupportEdited);
        }
        Ok(())
    }
}

/// A team taken out with its members and supporters, to put back on undo.
#[derive(Debug, Clone, PartialEq)]
pub struct DissolvedTeam {
    pub team: Team,
    pub index: usize,
    pub members: Vec<PersonId>,
    pub supporters: Vec<PersonId>,
}

fn no_team(id: &TeamId) -> OrgError {
    OrgError::InvalidInput(format!("no team with id '{id}'"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TeamKind;

    fn sample() -> Org {
        let mut org = Org::new();
        for id in ["ceo", "a", "b", "x", "y"] {
            org.add_person(Person::new(id)).expect("unique");
        }
        for (id, manager) in [("a", "ceo"), ("b", "ceo"), ("x", "a"), ("y", "a")] {
            org.move_person(&id.into(), Some(&manager.into()))
                .expect("forest");
        }
        org.add_team(Team {
            id: "core".into(),
            name: "Core".into(),
            kind: TeamKind::StreamAligned,
            lead: Some("a".into()),
            department: None,
        })
        .expect("new team");
        org.person_mut(&"x".into()).expect("exists").team = Some("core".into());
        org.add_support(&"a".into(), &"core".into()).expect("ok");
        org.add_dotted_line(&"b".into(), &"x".into()).expect("ok");
        org
    }

    /// [`sample`] with more stream-aligned teams, named after their ids.
    fn sample_with_teams(ids: &[&str]) -> Org {
        let mut org = sample();
        for id in ids {
            org.add_team(Team {
                id: (*id).into(),
                name: id.to_uppercase(),
                kind: TeamKind::StreamAligned,
                lead: None,
                department: None,
            })
            .expect("new team");
        }
        org
    }

    fn shape(org: &Org) -> Vec<String> {
        org.people()
            .map(|p| {
                format!(
                    "{}<{:?}>{:?}",
                    p.id,
                    org.manager_of(&p.id),
                    p.team.as_ref().map(TeamId::as_str)
                )
            })
            .chain(org.dotted_lines().iter().map(|(m, r)| format!("{m}..{r}")))
            .chain(
                org.support_assignments()
                    .iter()
                    .map(|(p, t)| format!("{p}~{t}")),
            )
            .chain(org.teams().iter().map(|t| format!("{t:?}")))
            .collect()
    }

    #[test]
    fn removing_moves_reports_up_and_restoring_puts_everything_back() {
        let mut org = sample();
        let before = shape(&org);
        let removed = org.remove_person(&"a".into()).expect("exists");
        assert_eq!(org.manager_of(&"x".into()), Some(&"ceo".into()));
        assert_eq!(org.team(&"core".into()).and_then(|t| t.lead.clone()), None);
        assert!(org.support_assignments().is_empty());
        assert_eq!(removed.reports, vec![PersonId::from("x"), "y".into()]);
        org.restore_person(removed).expect("restores");
        assert_eq!(shape(&org), before);
    }

    /// Removals look leads up in an index kept between them; any change to
    /// the teams must be seen by the next removal.
    #[test]
    fn a_removal_sees_leads_changed_since_the_last_one() {
        let mut org = sample();
        org.add_team(Team {
            id: "infra".into(),
            name: "Infra".into(),
            kind: TeamKind::Platform,
            lead: Some("y".into()),
            department: None,
        })
        .expect("new team");
        let lead_of = |org: &Org, team: &str| org.team(&team.into()).and_then(|t| t.lead.clone());

        let removed = org.remove_person(&"x".into()).expect("exists");
        assert!(removed.led.is_empty());
        let index = org.team_index(&"core".into()).expect("exists");
        org.team_mut(index).lead = Some("b".into());
        let removed = org.remove_person(&"b".into()).expect("exists");
        assert_eq!(removed.led, vec![TeamId::from("core")]);
        assert_eq!(lead_of(&org, "core"), None);

        org.restore_person(removed).expect("restores");
        assert_eq!(lead_of(&org, "core"), Some("b".into()));
        org.team_by_id_mut(&"infra".into()).expect("exists").lead = Some("b".into());
        let removed = org.remove_person(&"b".into()).expect("exists");
        assert_eq!(removed.led, vec![TeamId::from("core"), "infra".into()]);
        assert_eq!(
            (lead_of(&org, "core"), lead_of(&org, "infra")),
            (None, None)
        );
        assert!(org
            .remove_person(&"y".into())
            .expect("exists")
            .led
            .is_empty());
    }

    /// Dissolving looks members up in an index kept between dissolutions;
    /// anyone's home team changed, added or removed since must be seen.
    #[test]
    fn a_dissolution_sees_home_teams_changed_since_the_last_one() {
        let mut org = sample_with_teams(&["infra", "web", "data", "ops"]);
        let set_home = |org: &mut Org, person: &str, team: &str| {
            org.person_mut(&person.into()).expect("exists").team = Some(team.into());
        };
        set_home(&mut org, "y", "infra");
        set_home(&mut org, "b", "data");
        set_home(&mut org, "a", "data");

        let dissolved = org.dissolve_team(&"infra".into()).expect("exists");
        assert_eq!(dissolved.members, vec![PersonId::from("y")]);
        set_home(&mut org, "y", "web");
        let dissolved = org.dissolve_team(&"web".into()).expect("exists");
        assert_eq!(dissolved.members, vec![PersonId::from("y")]);
        let mut newcomer = Person::new("n");
        newcomer.team = Some("ops".into());
        org.add_person(newcomer).expect("unique");
        let dissolved = org.dissolve_team(&"ops".into()).expect("exists");
        assert_eq!(dissolved.members, vec![PersonId::from("n")]);
        assert_eq!(org.person(&"n".into()).and_then(|p| p.team.clone()), None);

        let removed = org.remove_person(&"b".into()).expect("exists");
        let dissolved = org.dissolve_team(&"data".into()).expect("exists");
        assert_eq!(dissolved.members, vec![PersonId::from("a")]);
        org.restore_team(dissolved).expect("restores");
        org.restore_person(removed).expect("restores");
        let dissolved = org.dissolve_team(&"data".into()).expect("exists");
        assert_eq!(dissolved.members, vec![PersonId::from("a"), "b".into()]);
        let dissolved = org.dissolve_team(&"core".into()).expect("exists");
        assert_eq!(dissolved.members, vec![PersonId::from("x")]);
        org.restore_team(dissolved).expect("restores");

        // Dissolving a team in the middle moves the later ones down a place
        // and restoring it moves them back: each is found at its place.
        for team in ["p", "q", "r"] {
            org.add_team(Team {
                id: team.into(),
                name: team.into(),
                kind: TeamKind::Platform,
                lead: None,
                department: None,
            })
            .expect("new team");
        }
        let in_place = |org: &Org| {
            org.teams()
                .iter()
                .enumerate()
                .all(|(position, team)| org.team_index(&team.id) == Some(position))
        };
        let ids =
            |org: &Org| -> Vec<String> { org.teams().iter().map(|t| t.id.to_string()).collect() };
        let dissolved = org.dissolve_team(&"p".into()).expect("exists");
        assert_eq!(ids(&org), ["core", "q", "r"]);
        assert!(in_place(&org));
        org.restore_team(dissolved).expect("restores");
        assert_eq!(ids(&org), ["core", "p", "q", "r"]);
        assert!(in_place(&org));
    }

    /// Dissolutions read supporters from an index kept between them: it
    /// must see every assignment added, removed, restored or taken away
    /// with a person since it was built.
    #[test]
    fn a_dissolution_sees_support_changed_since_the_last_one() {
        let mut org = sample_with_teams(&["infra", "web", "data", "ops", "edge", "spare", "bulk"]);
        let support = |org: &mut Org, person: &str, team: &str| {
            org.add_support(&person.into(), &team.into()).expect("ok");
        };
        for (person, team) in [("x", "infra"), ("y", "web"), ("x", "web"), ("b", "data")] {
            support(&mut org, person, team);
        }
        let supporters_of = |org: &mut Org, team: &str| -> Vec<PersonId> {
            org.dissolve_team(&team.into()).expect("exists").supporters
        };

        assert_eq!(supporters_of(&mut org, "infra"), vec![PersonId::from("x")]);
        assert!(!org
            .support_assignments()
            .iter()
            .any(|(_, t)| t.as_str() == "infra"));
        support(&mut org, "a", "web");
        assert_eq!(
            supporters_of(&mut org, "web"),
            ["a", "x", "y"].map(PersonId::from)
        );
        support(&mut org, "y", "ops");
        support(&mut org, "x", "ops");
        let _ = supporters_of(&mut org, "spare");
        assert!(org.remove_support(&"y".into(), &"ops".into()));
        assert_eq!(supporters_of(&mut org, "ops"), vec![PersonId::from("x")]);

        // A removal takes its person out of the index; restoring them
        // puts them back.
        support(&mut org, "y", "edge");
        let _ = supporters_of(&mut org, "core");
        let removed = org.remove_person(&"b".into()).expect("exists");
        let dissolved = org.dissolve_team(&"data".into()).expect("exists");
        assert!(dissolved.supporters.is_empty());
        org.restore_team(dissolved).expect("restores");
        org.restore_person(removed).expect("restores");
        assert_eq!(supporters_of(&mut org, "data"), vec![PersonId::from("b")]);
        let dissolved = org.dissolve_team(&"edge".into()).expect("exists");
        assert_eq!(dissolved.supporters, vec![PersonId::from("y")]);
        org.restore_team(dissolved).expect("restores");
        assert_eq!(supporters_of(&mut org, "edge"), vec![PersonId::from("y")]);
        // As a loader adds them.
        org.add_known_supports(vec![("a".into(), "bulk".into())]);
        assert_eq!(supporters_of(&mut org, "bulk"), vec![PersonId::from("a")]);
        assert!(org.support_assignments().is_empty());
    }

    #[test]
    fn dissolving_and_restoring_a_team_round_trips() {
        let mut org = sample();
        let before = shape(&org);
        let dissolved = org.dissolve_team(&"core".into()).expect("exists");
        assert!(org.team(&"core".into()).is_none());
        assert_eq!(org.person(&"x".into()).and_then(|p| p.team.clone()), None);
        assert!(org.support_assignments().is_empty());
        org.restore_team(dissolved).expect("restores");
        assert_eq!(shape(&org), before);
    }

    #[test]
    fn dotted_lines_can_be_removed_once() {
        let mut org = sample();
        assert!(org.has_dotted_line(&"b".into(), &"x".into()));
        assert!(org
            .remove_dotted_line(&"b".into(), &"x".into())
            .expect("people exist"));
        assert!(!org
            .remove_dotted_line(&"b".into(), &"x".into())
            .expect("people exist"));
        assert!(org
            .remove_dotted_line(&"b".into(), &"nobody".into())
            .is_err());
    }
}
