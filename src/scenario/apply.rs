//! Applying a [`Change`] to an [`Org`], and undoing it exactly. Every change
//! is validated first; a refused change leaves the org untouched.

use super::change::{Change, NewPerson, PersonEdit};
use crate::error::{OrgError, Result};
use crate::model::{
    DissolvedTeam, Ladder, Org, Person, PersonId, Policy, RemovedPerson, Team, TeamId, TeamKind,
};
use std::sync::Arc;

/// What puts the org back as it was before one change.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    Move {
        person: PersonId,
        manager: Option<PersonId>,
    },
    /// Puts a person moved alone back under `manager`, with `reports`
    /// (who stayed behind) under them again.
    MoveAlone {
        person: PersonId,
        manager: Option<PersonId>,
        reports: Vec<PersonId>,
    },
    RemoveAdded {
        person: PersonId,
    },
    Restore(Box<RemovedPerson>),
    Edit {
        person: PersonId,
        edit: PersonEdit,
    },
    /// Each person's home team before an [`Change::AssignTeam`].
    Teams(Vec<(PersonId, Option<TeamId>)>),
    /// Takes out a team that a change created.
    DropTeam {
        team: TeamId,
    },
    RestoreTeam(Box<DissolvedTeam>),
    RenameTeam {
        team: TeamId,
        name: String,
    },
    SetTeamKind {
        team: TeamId,
        kind: TeamKind,
    },
    AddSupport {
        person: PersonId,
        team: TeamId,
    },
    RemoveSupport {
        person: PersonId,
        team: TeamId,
    },
    AddDottedLine {
        manager: PersonId,
        report: PersonId,
    },
    RemoveDottedLine {
        manager: PersonId,
        report: PersonId,
    },
    Policy(Policy),
    Ladder(Box<Ladder>),
}

impl Undo {
    /// The people whose manager the change set, in an order that keeps a
    /// forest when their new managers are taken one at a time (reverse it
    /// for the undo); `None` when the change was not a move.
    pub fn moved(&self) -> Option<Vec<PersonId>> {
        match self {
            Undo::Move { person, .. } => Some(vec![person.clone()]),
            Undo::MoveAlone {
                person, reports, ..
            } => Some(reports.iter().chain([person]).cloned().collect()),
            _ => None,
        }
    }
}

fn refuse(message: impl Into<String>) -> OrgError {
    OrgError::InvalidInput(message.into())
}

fn require_person(org: &Org, id: &PersonId) -> Result<()> {
    if org.contains(id) {
        Ok(())
    } else {
        Err(OrgError::PersonNotFound(id.to_string()))
    }
}

fn require_team<'a>(org: &'a Org, id: &TeamId) -> Result<&'a Team> {
    org.team(id)
        .ok_or_else(|| refuse(format!("no team with id '{id}'")))
}

/// Applies `change`, returning how to undo it. Nothing changes on error.
pub fn apply(org: &mut Org, change: &Change) -> Result<Undo> {
    match change {
        Change::Move { person, manager } => move_person(org, person, manager.as_ref()),
        Change::MoveAlone { person, manager } => move_alone(org, person, manager.as_ref()),
        Change::AddPerson { person, manager } => add_person(org, person, manager.as_ref()),
        Change::RemovePerson { person } => {
            let removed = org.remove_person(person)?;
            Ok(Undo::Restore(Box::new(removed)))
        }
        Change::EditPerson { person, edit, was } => edit_person(org, person, edit, was.as_ref()),
        Change::AssignTeam { people, team } => assign_team(org, people, team.as_ref()),
        Change::CreateTeam {
            team,
            name,
            team_kind,
            department,
        } => create_team(org, team, name, *team_kind, department.as_deref()),
        Change::RenameTeam { team, name } => rename_team(org, team, name),
        Change::SetTeamKind { team, team_kind } => set_team_kind(org, team, *team_kind),
        Change::DissolveTeam { team } => {
            let dissolved = org.dissolve_team(team)?;
            Ok(Undo::RestoreTeam(Box::new(dissolved)))
        }
        Change::AddSupport { person, team } => add_support(org, person, team),
        Change::RemoveSupport { person, team } => {
            if !org.remove_support(person, team) {
                return Err(refuse(format!("'{person}' does not support '{team}'")));
            }
            Ok(Undo::AddSupport {
                person: person.clone(),
                team: team.clone(),
            })
        }
        Change::AddDottedLine { manager, report } => add_dotted_line(org, manager, report),
        Change::RemoveDottedLine { manager, report } => {
            if !org.remove_dotted_line(manager, report)? {
                return Err(refuse(format!(
                    "'{report}' has no dotted line to '{manager}'"
                )));
            }
            Ok(Undo::AddDottedLine {
                manager: manager.clone(),
                report: report.clone(),
            })
        }
        Change::SetPolicy { policy } => {
            set_policy(org, *policy, "the policy is already set that way")
        }
        Change::SetTarget { target } => set_policy(
            org,
            target.applied_to(org.policy),
            &format!("the {target} is already set"),
        ),
        Change::SetLadder { ladder } => {
            if let Some(problem) = ladder.problem() {
                return Err(refuse(problem));
            }
            if org.ladder == *ladder {
                return Err(refuse("the ladder is already set that way"));
            }
            Ok(Undo::Ladder(Box::new(std::mem::replace(
                &mut org.ladder,
                ladder.clone(),
            ))))
        }
    }
}

fn move_person(org: &mut Org, person: &PersonId, manager: Option<&PersonId>) -> Result<Undo> {
    require_person(org, person)?;
    if org.manager_of(person) == manager {
        return Err(refuse(match manager {
            Some(m) => format!("'{person}' already reports to '{m}'"),
            None => format!("'{person}' already has no manager"),
        }));
    }
    let previous = org.move_person(person, manager)?;
    Ok(Undo::Move {
        person: person.clone(),
        manager: previous,
    })
}

/// Refuses the edit when `was` is given and the field no longer holds it
/// (the edit was made against a value someone has since changed).
fn edit_person(
    org: &mut Org,
    person: &PersonId,
    edit: &PersonEdit,
    was: Option<&PersonEdit>,
) -> Result<Undo> {
    if let PersonEdit::Team(Some(team)) = edit {
        require_team(org, team)?;
    }
    let current = org.person_mut(person)?;
    if let Some(was) = was {
        if field_of(current, was) != *was {
            return Err(refuse(format!(
                "the {} of '{person}' changed since this edit was made",
                edit.field()
            )));
        }
    }
    let before = swap_field(current, edit.clone());
    if &before == edit {
        return Err(refuse(format!(
            "'{person}' already has that {}",
            edit.field()
        )));
    }
    Ok(Undo::Edit {
        person: person.clone(),
        edit: before,
    })
}

fn create_team(
    org: &mut Org,
    team: &TeamId,
    name: &str,
    kind: TeamKind,
    department: Option<&str>,
) -> Result<Undo> {
    if team.as_str().trim().is_empty() || name.trim().is_empty() {
        return Err(refuse("a team needs an id and a name"));
    }
    org.add_team(Team {
        id: team.clone(),
        name: name.to_string(),
        kind,
        lead: None,
        department: department.filter(|d| !d.is_empty()).map(str::to_string),
    })?;
    Ok(Undo::DropTeam { team: team.clone() })
}

fn rename_team(org: &mut Org, team: &TeamId, name: &str) -> Result<Undo> {
    if name.trim().is_empty() {
        return Err(refuse("a team name cannot be empty"));
    }
    let current = org.team_by_id_mut(team)?;
    if current.name == name {
        return Err(refuse(format!("team '{team}' is already called '{name}'")));
    }
    let before = std::mem::replace(&mut current.name, name.to_string());
    Ok(Undo::RenameTeam {
        team: team.clone(),
        name: before,
    })
}

fn set_team_kind(org: &mut Org, team: &TeamId, kind: TeamKind) -> Result<Undo> {
    let current = org.team_by_id_mut(team)?;
    if current.kind == kind {
        return Err(refuse(format!(
            "team '{team}' is already {}",
            kind.as_str()
        )));
    }
    let before = std::mem::replace(&mut current.kind, kind);
    Ok(Undo::SetTeamKind {
        team: team.clone(),
        kind: before,
    })
}

fn add_support(org: &mut Org, person: &PersonId, team: &TeamId) -> Result<Undo> {
    require_team(org, team)?;
    let staff_plus = org
        .person(person)
        .map(|p| org.is_staff_plus(p))
        .ok_or_else(|| OrgError::PersonNotFound(person.to_string()))?;
    if !staff_plus {
        return Err(refuse(format!(
            "'{person}' is not a staff+ engineer, so cannot be assigned to support a team"
        )));
    }
    if org
        .support_assignments()
        .contains(&(person.clone(), team.clone()))
    {
        return Err(refuse(format!("'{person}' already supports '{team}'")));
    }
    org.add_support(person, team)?;
    Ok(Undo::RemoveSupport {
        person: person.clone(),
        team: team.clone(),
    })
}

fn add_dotted_line(org: &mut Org, manager: &PersonId, report: &PersonId) -> Result<Undo> {
    require_person(org, manager)?;
    require_person(org, report)?;
    if org.has_dotted_line(manager, report) {
        return Err(refuse(format!(
            "'{report}' already has a dotted line to '{manager}'"
        )));
    }
    org.add_dotted_line(manager, report)?;
    Ok(Undo::RemoveDottedLine {
        manager: manager.clone(),
        report: report.clone(),
    })
}

/// Sets the whole policy (a `set-target` change passes the current one
/// with its target set); `unchanged` is the refusal when nothing differs.
fn set_policy(org: &mut Org, policy: Policy, unchanged: &str) -> Result<Undo> {
    if let Some(problem) = policy.problem() {
        return Err(refuse(problem));
    }
    if org.policy == policy {
        return Err(refuse(unchanged));
    }
    Ok(Undo::Policy(std::mem::replace(&mut org.policy, policy)))
}

/// Validates the whole group before touching anyone, so a refused
/// assignment changes nothing.
fn assign_team(org: &mut Org, people: &[PersonId], team: Option<&TeamId>) -> Result<Undo> {
    if people.is_empty() {
        return Err(refuse("choose at least one person to move"));
    }
    if let Some(team) = team {
        require_team(org, team)?;
    }
    let mut seen = std::collections::HashSet::with_capacity(people.len());
    for person in people {
        require_person(org, person)?;
        if !seen.insert(person) {
            return Err(refuse(format!("'{person}' is listed twice")));
        }
    }
    let already = |p: &PersonId| org.person(p).is_some_and(|p| p.team.as_ref() == team);
    if people.iter().all(already) {
        return Err(refuse(match team {
            Some(team) => format!("everyone chosen is already in '{team}'"),
            None => "everyone chosen already has no team".to_string(),
        }));
    }
    let mut before = Vec::with_capacity(people.len());
    for person in people {
        let current = org.person_mut(person)?;
        let previous = std::mem::replace(&mut current.team, team.cloned());
        before.push((person.clone(), previous));
    }
    Ok(Undo::Teams(before))
}

/// Moves `person` under `manager` without their reports, who move up to
/// `person`'s old manager. Nothing changes when it is refused.
fn move_alone(org: &mut Org, person: &PersonId, manager: Option<&PersonId>) -> Result<Undo> {
    require_person(org, person)?;
    if let Some(manager) = manager {
        require_person(org, manager)?;
        if manager == person {
            return Err(OrgError::WouldCreateCycle {
                person: person.to_string(),
                manager: manager.to_string(),
                cycle: vec![person.to_string(), person.to_string()],
            });
        }
    }
    let previous = org.manager_of(person).cloned();
    if previous.as_ref() == manager {
        return Err(refuse(match manager {
            Some(m) => format!("'{person}' already reports to '{m}'"),
            None => format!("'{person}' already has no manager"),
        }));
    }
    let mut reports: Vec<PersonId> = org.reports_of(person).into_iter().cloned().collect();
    reports.sort();
    for report in &reports {
        // Moving up a level cannot create a cycle.
        org.move_person(report, previous.as_ref())?;
    }
    // With the reports gone, the only cycle left is `manager` = `person`
    // (refused above), so this cannot fail on a valid org; if it does, put
    // the reports back so nothing changed.
    if let Err(error) = org.move_person(person, manager) {
        for report in &reports {
            org.move_person(report, Some(person))?;
        }
        return Err(error);
    }
    Ok(Undo::MoveAlone {
        person: person.clone(),
        manager: previous,
        reports,
    })
}

fn add_person(org: &mut Org, new: &NewPerson, manager: Option<&PersonId>) -> Result<Undo> {
    if new.id.as_str().trim().is_empty() {
        return Err(refuse("a new person needs an id"));
    }
    if org.contains(&new.id) {
        return Err(refuse(format!(
            "a person with id '{}' already exists",
            new.id
        )));
    }
    if let Some(manager) = manager {
        require_person(org, manager)?;
    }
    if let Some(team) = &new.team {
        require_team(org, team)?;
    }
    org.add_person(new.person())?;
    // A brand-new person has no reports, so this cannot make a cycle.
    org.move_person(&new.id, manager)?;
    Ok(Undo::RemoveAdded {
        person: new.id.clone(),
    })
}

/// The person's current value of the field `like` sets, in its shape.
pub(crate) fn field_of(person: &Person, like: &PersonEdit) -> PersonEdit {
    match like {
        PersonEdit::Name(_) => PersonEdit::Name(person.name.to_string()),
        PersonEdit::Title(_) => PersonEdit::Title(person.title.to_string()),
        PersonEdit::Level(_) => PersonEdit::Level(person.level.to_string()),
        PersonEdit::Location(_) => PersonEdit::Location(person.location.to_string()),
        PersonEdit::Cost(_) => PersonEdit::Cost(person.cost),
        PersonEdit::Status(_) => PersonEdit::Status(person.status),
        PersonEdit::Team(_) => PersonEdit::Team(person.team.clone()),
        PersonEdit::StartDate(_) => PersonEdit::StartDate(person.start_date),
        PersonEdit::EndDate(_) => PersonEdit::EndDate(person.end_date),
    }
}

/// Writes `edit` into the person and returns the field's previous value
/// in the same shape.
fn swap_field(person: &mut Person, edit: PersonEdit) -> PersonEdit {
    fn text(slot: &mut Arc<str>, value: String) -> String {
        std::mem::replace(slot, Arc::from(value)).to_string()
    }
    match edit {
        PersonEdit::Name(v) => {
            PersonEdit::Name(std::mem::replace(&mut person.name, v.into()).into())
        }
        PersonEdit::Title(v) => PersonEdit::Title(text(&mut person.title, v)),
        PersonEdit::Level(v) => PersonEdit::Level(text(&mut person.level, v)),
        PersonEdit::Location(v) => PersonEdit::Location(text(&mut person.location, v)),
        PersonEdit::Cost(v) => PersonEdit::Cost(std::mem::replace(&mut person.cost, v)),
        PersonEdit::Status(v) => PersonEdit::Status(std::mem::replace(&mut person.status, v)),
        PersonEdit::Team(v) => PersonEdit::Team(std::mem::replace(&mut person.team, v)),
        PersonEdit::StartDate(v) => {
            PersonEdit::StartDate(std::mem::replace(&mut person.start_date, v))
        }
        PersonEdit::EndDate(v) => PersonEdit::EndDate(std::mem::replace(&mut person.end_date, v)),
    }
}

/// Puts the org back as it was before the change that produced `undo`.
pub fn revert(org: &mut Org, undo: Undo) -> Result<()> {
    match undo {
        Undo::Move { person, manager } => {
            org.move_person(&person, manager.as_ref())?;
        }
        Undo::MoveAlone {
            person,
            manager,
            reports,
        } => {
            org.move_person(&person, manager.as_ref())?;
            for report in &reports {
                org.move_person(report, Some(&person))?;
            }
        }
        Undo::RemoveAdded { person } => {
            org.remove_person(&person)?;
        }
        Undo::Restore(removed) => org.restore_person(*removed)?,
        Undo::Edit { person, edit } => {
            swap_field(org.person_mut(&person)?, edit);
        }
        Undo::Teams(before) => {
            for (person, team) in before {
                org.person_mut(&person)?.team = team;
            }
        }
        Undo::DropTeam { team } => {
            org.dissolve_team(&team)?;
        }
        Undo::RestoreTeam(dissolved) => org.restore_team(*dissolved)?,
        Undo::RenameTeam { team, name } => org.team_by_id_mut(&team)?.name = name,
        Undo::SetTeamKind { team, kind } => org.team_by_id_mut(&team)?.kind = kind,
        Undo::AddSupport { person, team } => org.add_support(&person, &team)?,
        Undo::RemoveSupport { person, team } => {
            org.remove_support(&person, &team);
        }
        Undo::AddDottedLine { manager, report } => org.add_dotted_line(&manager, &report)?,
        Undo::RemoveDottedLine { manager, report } => {
            org.remove_dotted_line(&manager, &report)?;
        }
        Undo::Policy(policy) => org.policy = policy,
        Undo::Ladder(ladder) => org.ladder = *ladder,
    }
    Ok(())
}
