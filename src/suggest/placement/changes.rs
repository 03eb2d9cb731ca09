//! The decisions as scenario changes, each with the line saying why.

use super::instance::{Engineer, Instance, Reach};
use super::solution::{Decision, Solution};
use super::Scope;
use crate::metrics::NO_TEAM;
use crate::model::{Org, Person, PersonId, TeamId, TeamKind};
use crate::scenario::{Change, PersonEdit};
use crate::suggest::SuggestedChange;

/// The changes, in engineer order (a move first, then removals, then
/// additions), with the counts the suggestion reports.
pub(super) struct Written {
    pub changes: Vec<SuggestedChange>,
    pub removed: u64,
    pub added: u64,
    pub replaced: Vec<PersonId>,
}

struct Writer<'a> {
    org: &'a Org,
    instance: &'a Instance,
    solution: &'a Solution,
    people: Vec<&'a Person>,
    out: Written,
    /// The architecture group replaced engineers move into, once chosen.
    target: Option<TeamId>,
}

pub(super) fn write(org: &Org, instance: &Instance, solution: &Solution) -> Written {
    let mut writer = Writer {
        org,
        instance,
        solution,
        people: org.people().collect(),
        out: Written {
            changes: Vec::new(),
            removed: 0,
            added: 0,
            replaced: Vec::new(),
        },
        target: None,
    };
    for (engineer, decision) in instance.engineers.iter().zip(&solution.decisions) {
        writer.engineer(engineer, decision);
    }
    writer.out
}

impl Writer<'_> {
    fn push(&mut self, change: Change, reason: String) {
        self.out.changes.push(SuggestedChange { change, reason });
    }

    fn team_id(&self, team: u32) -> TeamId {
        self.org.teams()[team as usize].id.clone()
    }

    fn team_name(&self, team: u32) -> &str {
        &self.org.teams()[team as usize].name
    }

    /// "Checkout (8 people)".
    fn team_label(&self, team: u32) -> String {
        let people = self.instance.figures.headcount[team as usize];
        let unit = if people == 1 { "person" } else { "people" };
        format!("{} ({people} {unit})", self.team_name(team))
    }

    fn department_name(&self, team: u32) -> String {
        let d = self.instance.department[team as usize] as usize;
        match &self.instance.departments[d] {
            Some(name) => format!("department {name}"),
            None => "teams with no department".into(),
        }
    }

    fn has_explicit(&self, id: &PersonId, team: u32) -> bool {
        let pair = (id.clone(), self.team_id(team));
        self.org.support_assignments().contains(&pair)
    }

    fn engineer(&mut self, engineer: &Engineer, decision: &Decision) {
        let person = self.people[engineer.position as usize];
        let id = person.id.clone();
        let name = person.name.to_string();
        if decision.replaced {
            self.replace(engineer, decision, &id, &name);
        }
        for &team in &decision.dropped {
            if team == engineer.home {
                // Counted by `replace`, which says so on the move.
                continue;
            }
            let reason = self.removal_reason(engineer, &name, team);
            self.out.removed += 1;
            self.push(
                Change::RemoveSupport {
                    person: id.clone(),
                    team: self.team_id(team),
                },
                reason,
            );
        }
        for &team in &decision.added {
            let reason = self.addition_reason(engineer, decision, team);
            self.out.added += 1;
            self.push(
                Change::AddSupport {
                    person: id.clone(),
                    team: self.team_id(team),
                },
                reason,
            );
        }
    }

    fn removal_reason(&self, engineer: &Engineer, name: &str, team: u32) -> String {
        let max = self.instance.max_load;
        if engineer.load > max {
            format!(
                "removed: keeps {name} within the max load ({} > {max} today)",
                engineer.load
            )
        } else if self.solution.covered[team as usize] {
            format!(
                "removed: {} stays covered by others; frees {name} for an uncovered team",
                self.team_name(team)
            )
        } else {
            format!("removed: frees {name} for a larger uncovered team")
        }
    }

    fn addition_reason(&self, engineer: &Engineer, decision: &Decision, team: u32) -> String {
        let covers = format!("covers {}", self.team_label(team));
        let same_department = engineer.home != NO_TEAM
            && self.instance.department[engineer.home as usize]
                == self.instance.department[team as usize];
        match (self.instance.scope, engineer.reach) {
            (Scope::Org, _) => format!("{covers}; scope org: anyone may support any team"),
            (Scope::Department, Reach::Department(_)) if same_department => format!(
                "{covers}, same department as home team {}",
                self.team_name(engineer.home)
            ),
            (Scope::Department, Reach::Department(_)) if decision.replaced => format!(
                "{covers}, outside {} of home team {}: possible once central",
                self.department_name(engineer.home),
                self.team_name(engineer.home)
            ),
            _ if engineer.home == NO_TEAM => {
                format!("{covers}; with no home team, may support any team")
            }
            _ => format!("{covers}; central engineers may support any team"),
        }
    }

    /// The architecture group with the most counted staff+ members (the
    /// first on a tie), or a new one when the org has none: the rule of
    /// the all-central preview.
    fn architecture_group(&mut self) -> TeamId {
        if let Some(target) = &self.target {
            return target.clone();
        }
        let input = &self.instance.input;
        let mut members = vec![0u32; self.org.teams().len()];
        for p in 0..input.len() {
            let home = input.team[p];
            if self.instance.included[p] && input.staff_plus[p] && home != NO_TEAM {
                members[home as usize] += 1;
            }
        }
        let busiest = self
            .org
            .teams()
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == TeamKind::Architecture)
            .max_by_key(|&(t, _)| (members[t], std::cmp::Reverse(t)))
            .map(|(_, team)| team.id.clone());
        let target = busiest.unwrap_or_else(|| {
            let id = crate::metrics::placement::unused_team_id(self.org, "architecture");
            self.push(
                Change::CreateTeam {
                    team: id.clone(),
                    name: "Architecture".into(),
                    team_kind: TeamKind::Architecture,
                    department: None,
                },
                "a central architecture group for the engineers who move".into(),
            );
            id
        });
        self.target = Some(target.clone());
        target
    }

    fn replace(&mut self, engineer: &Engineer, decision: &Decision, id: &PersonId, name: &str) {
        let target = self.architecture_group();
        let home = engineer.home;
        let outside = decision
            .added
            .iter()
            .filter(|&&t| {
                self.instance.department[t as usize] != self.instance.department[home as usize]
            })
            .count();
        let drops_home = decision.dropped.contains(&home);
        let mut why = Vec::new();
        if outside > 0 {
            let teams = if outside == 1 { "team" } else { "teams" };
            why.push(format!(
                "to cover {outside} {teams} outside {}",
                self.department_name(home)
            ));
        }
        if drops_home {
            self.out.removed += 1;
            why.push(format!(
                "stops supporting {} to stay within the max load",
                self.team_name(home)
            ));
        }
        let target_name = self
            .org
            .team(&target)
            .map_or_else(|| "Architecture".to_string(), |t| t.name.clone());
        self.push(
            Change::EditPerson {
                person: id.clone(),
                edit: PersonEdit::Team(Some(target)),
                was: Some(PersonEdit::Team(Some(self.team_id(home)))),
            },
            format!(
                "moves {name} from {} into {target_name} (central) {}",
                self.team_name(home),
                why.join("; ")
            ),
        );
        let explicit = self.has_explicit(id, home);
        if engineer.home_counts && !drops_home && !explicit {
            self.push(
                Change::AddSupport {
                    person: id.clone(),
                    team: self.team_id(home),
                },
                format!(
                    "keeps supporting {}, the team {name} leaves",
                    self.team_name(home)
                ),
            );
        }
        if drops_home && explicit {
            self.push(
                Change::RemoveSupport {
                    person: id.clone(),
                    team: self.team_id(home),
                },
                format!("{name} stops supporting {}", self.team_name(home)),
            );
        }
        self.out.replaced.push(id.clone());
    }
}
