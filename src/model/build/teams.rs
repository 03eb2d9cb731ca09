//! The teams side of [`OrgBuilder`]: teams created from their members'
//! rows or declared by a teams table (a workbook's Teams sheet, or a team's
//! own row in a people file), rows about one team that must agree, and
//! the teams people lead.

use super::{OrgBuilder, PersonRecord};
use crate::model::{Finding, Location, PersonId, Team, TeamId, TeamKind};
use std::sync::Arc;

/// A team as a teams table declares it (the XLSX export's Teams sheet, or
/// a team's own row in a people CSV), so teams without members, and their
/// kinds and leads, survive a round trip through a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamRecord {
    /// 1-based row in the teams table.
    pub row: u64,
    pub id: String,
    /// Empty: the team is named by its id.
    pub name: String,
    /// `None`: not stated, so guessed from the id as for member rows.
    pub kind: Option<TeamKind>,
    pub department: String,
    /// Id of the lead; empty for none.
    pub lead: String,
}

/// What one row says about a team: a member's row or the team's own.
#[derive(Debug)]
struct TeamFacts<'a> {
    /// The row's file, when not the builder's own (a workbook's Teams
    /// sheet).
    file: Option<&'a str>,
    row: u64,
    /// `None`: not stated.
    kind: Option<TeamKind>,
    /// Empty: not stated.
    name: &'a str,
    /// Empty: not stated.
    department: &'a str,
}

/// The rows where a team's facts were first stated; `None` while none has
/// (an unstated kind is guessed from the name).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct StatedAt {
    kind: Option<u64>,
    name: Option<u64>,
    department: Option<u64>,
}

/// A lead named by a teams table, checked once everyone is in.
#[derive(Debug)]
pub(super) struct DeclaredLead {
    team: usize,
    lead: PersonId,
    location: Location,
}

impl OrgBuilder {
    /// Declares a team: a row of a teams table read from `file` (e.g.
    /// `people.xlsx [Teams]`), or a team's own row in the people file.
    /// People rows naming it join it. The declaration and its members'
    /// rows must agree on kind, name and department, whichever comes
    /// first, as a team's member rows must agree with each other.
    pub fn declare_team(&mut self, team: TeamRecord, file: &str) {
        self.declare(team, file, "id");
    }

    /// [`OrgBuilder::declare_team`], with findings about the team's id
    /// naming `id_column`: a teams table's `id`, a people file's `team`.
    fn declare(&mut self, team: TeamRecord, file: &str, id_column: &str) {
        let at = |column: &str| Location {
            file: file.to_string(),
            row: Some(team.row),
            column: Some(column.to_string()),
        };
        let id = TeamId::from(team.id.trim());
        if id.as_str().is_empty() {
            self.findings.push(Finding::error(
                "missing-team-id",
                "a team row has no id".to_string(),
                at(id_column),
            ));
            return;
        }
        let facts = TeamFacts {
            file: Some(file),
            row: team.row,
            kind: team.kind,
            name: team.name.trim(),
            department: team.department.trim(),
        };
        let index = match self.org.team_index(&id) {
            None => self.add_team(id, &facts),
            Some(index) => {
                if let Some(first) = self.declaration_rows.get(&index) {
                    self.findings.push(Finding::error(
                        "duplicate-team-id",
                        format!("team '{id}' is declared at rows {first} and {}", team.row),
                        at(id_column),
                    ));
                    return;
                }
                self.merge_team(index, &facts);
                index
            }
        };
        self.declaration_rows.insert(index, team.row);
        let lead = team.lead.trim();
        if !lead.is_empty() {
            self.declared_leads.push(DeclaredLead {
                team: index,
                lead: PersonId::new(lead),
                location: at("lead"),
            });
        }
    }

    /// A team's own row in the people file: declared like a teams table's
    /// row, so both share the checks and the merging with member rows.
    pub(super) fn declare_team_row(&mut self, record: PersonRecord) {
        let team = TeamRecord {
            row: record.row,
            id: record.team.to_string(),
            name: record.team_name.to_string(),
            kind: record.team_kind,
            department: record.department.to_string(),
            lead: String::new(),
        };
        let file = self.file.clone();
        self.declare(team, &file, "team");
    }

    /// Leads named by a teams table, once everyone is in: before the
    /// people's own `leads` column, which must then agree.
    pub(super) fn resolve_declared_leads(&mut self) {
        for declared in std::mem::take(&mut self.declared_leads) {
            if self.org.contains(&declared.lead) {
                self.org.team_mut(declared.team).lead = Some(declared.lead);
                continue;
            }
            let team = &self.org.teams()[declared.team].id;
            self.findings.push(Finding::warning(
                "lead-not-found",
                format!(
                    "team '{team}' is led by '{}', who is not in the file; the team is kept without a lead",
                    declared.lead
                ),
                declared.location,
            ));
        }
    }

    fn at_facts(&self, facts: &TeamFacts<'_>, column: &str) -> Location {
        Location {
            file: facts.file.unwrap_or(&self.file).to_string(),
            row: Some(facts.row),
            column: Some(column.to_string()),
        }
    }

    /// Creates a member's team on first sight; later rows must agree.
    /// Returns the team's own id for the member to hold, so that every
    /// member shares one string with their team wherever their rows are
    /// (each part of a file read apart has its own copies), and later
    /// passes can know a person's team by its address.
    pub(super) fn note_team(&mut self, team: TeamId, record: &PersonRecord) -> TeamId {
        let facts = TeamFacts {
            file: None,
            row: record.row,
            kind: record.team_kind,
            name: &record.team_name,
            department: &record.department,
        };
        // Teams are only ever added while building, so an index, once
        // found, stays right.
        let remembered = match &self.last_team {
            Some((last, index)) if Arc::ptr_eq(&last.0, &team.0) => Some(*index),
            _ => None,
        };
        let index = match remembered.or_else(|| self.org.team_index(&team)) {
            Some(index) => {
                self.merge_team(index, &facts);
                index
            }
            None => self.add_team(team.clone(), &facts),
        };
        if remembered.is_none() {
            self.last_team = Some((team.clone(), index));
        }
        let own = &self.org.teams()[index].id;
        if Arc::ptr_eq(&own.0, &team.0) {
            team
        } else {
            own.clone()
        }
    }

    /// Creates a team from its first row, which the caller checked to be
    /// its first. Returns its index.
    fn add_team(&mut self, id: TeamId, facts: &TeamFacts<'_>) -> usize {
        let name = if facts.name.is_empty() {
            id.to_string()
        } else {
            facts.name.to_string()
        };
        let kind = facts
            .kind
            .unwrap_or_else(|| TeamKind::guess(&name, facts.department));
        let department = (!facts.department.is_empty()).then(|| facts.department.to_string());
        // The id is new: the caller found no team with it.
        let _ = self.org.add_team(Team {
            id,
            name,
            kind,
            lead: None,
            department,
        });
        let stated = |fact: bool| fact.then_some(facts.row);
        self.team_stated.push(StatedAt {
            kind: stated(facts.kind.is_some()),
            name: stated(!facts.name.is_empty()),
            department: stated(!facts.department.is_empty()),
        });
        self.org.teams().len() - 1
    }

    /// A later row of a team: it may fill in what the first rows left
    /// out; what it states otherwise must agree with them.
    fn merge_team(&mut self, index: usize, facts: &TeamFacts<'_>) {
        self.note_team_kind(index, facts);
        self.note_team_name(index, facts);
        self.note_team_department(index, facts);
    }

    /// The first rows of a team may leave the department out; two
    /// different departments are a conflict.
    fn note_team_department(&mut self, index: usize, facts: &TeamFacts<'_>) {
        if facts.department.is_empty() {
            return;
        }
        let team = &self.org.teams()[index];
        let first = team.department.as_deref().unwrap_or("");
        let stated = &mut self.team_stated[index].department;
        if first.is_empty() {
            *stated = Some(facts.row);
            self.org.team_mut(index).department = Some(facts.department.to_string());
        } else if first != facts.department {
            let message = format!(
                "team '{}' is in department '{first}' at row {} but '{}' here; the first is kept",
                team.id,
                stated.unwrap_or(facts.row),
                facts.department
            );
            let location = self.at_facts(facts, "department");
            self.findings.push(Finding::warning(
                "conflicting-department",
                message,
                location,
            ));
        }
    }

    /// A later row may name a team its first rows left unnamed; two
    /// different names are a conflict.
    fn note_team_name(&mut self, index: usize, facts: &TeamFacts<'_>) {
        if facts.name.is_empty() {
            return;
        }
        let team = &self.org.teams()[index];
        let stated = &mut self.team_stated[index].name;
        if stated.is_none() {
            *stated = Some(facts.row);
            self.org.team_mut(index).name = facts.name.to_string();
        } else if team.name != facts.name {
            let message = format!(
                "team '{}' is named '{}' at row {} but '{}' here; the first is kept",
                team.id,
                team.name,
                stated.unwrap_or(facts.row),
                facts.name
            );
            let location = self.at_facts(facts, "team_name");
            self.findings
                .push(Finding::warning("conflicting-team-name", message, location));
        }
    }

    /// Makes `id` the lead of each team in `leads`.
    pub(super) fn note_leads(&mut self, id: &PersonId, row: u64, leads: Vec<String>) {
        for team_id in leads {
            let Some(index) = self.org.team_index_of(&team_id) else {
                let location = self.at(row, "leads");
                self.findings.push(Finding::warning(
                    "lead-team-not-found",
                    format!(
                        "'{id}' leads team '{team_id}', which is not in the file (no member or team row names it); dropped"
                    ),
                    location,
                ));
                continue;
            };
            match &self.org.teams()[index].lead {
                Some(lead) if lead != id => {
                    let message = format!(
                        "team '{team_id}' is led by '{lead}' and by '{id}'; the first is kept"
                    );
                    let location = self.at(row, "leads");
                    self.findings.push(Finding::warning(
                        "conflicting-team-lead",
                        message,
                        location,
                    ));
                }
                _ => self.org.team_mut(index).lead = Some(id.clone()),
            }
        }
    }

    /// A later row may state a kind the first rows left to be guessed;
    /// two stated kinds that differ are a conflict.
    fn note_team_kind(&mut self, index: usize, facts: &TeamFacts<'_>) {
        let Some(kind) = facts.kind else {
            return;
        };
        let team = &self.org.teams()[index];
        match self.team_stated[index].kind {
            None => {
                self.org.team_mut(index).kind = kind;
                self.team_stated[index].kind = Some(facts.row);
            }
            Some(first_row) if team.kind != kind => {
                let message = format!(
                    "team '{}' is {} at row {first_row} but {} here; the first is kept",
                    team.id,
                    team.kind.as_str(),
                    kind.as_str()
                );
                let location = self.at_facts(facts, "team_kind");
                self.findings
                    .push(Finding::warning("conflicting-team-kind", message, location));
            }
            Some(_) => {}
        }
    }
}
