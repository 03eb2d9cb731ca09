//! The changes that turn one org into another, as typed [`Change`]s: what
//! a re-import did to the baseline (joiners, leavers, moves, edits), and
//! the list that takes the new baseline back to the old one, stored as a
//! scenario so before and after can be compared like any scenarios.

use super::apply;
use super::change::{Change, NewPerson, PersonEdit};
use crate::error::Result;
use crate::model::{Org, Person, PersonId, TeamId};
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Write;

/// Changes that, applied in order to `from`, give `to`'s people, reporting
/// lines, home teams, team names and kinds, support and dotted lines (team
/// departments and leads are not changes a scenario can make).
///
/// The list is found by applying each change to a copy of `from` as it is
/// chosen, so every change in it is known to apply. Moves go top-down in
/// `to`'s tree: by the time someone moves, their new manager already has
/// their final chain of command, which cannot contain them, so no move
/// makes a cycle.
pub fn changes_between(from: &Org, to: &Org) -> Result<Vec<Change>> {
    let mut work = from.clone();
    let mut changes = Vec::new();
    let mut push = |work: &mut Org, change: Change| -> Result<()> {
        apply(work, &change)?;
        changes.push(change);
        Ok(())
    };
    if work.ladder != to.ladder {
        push(
            &mut work,
            Change::SetLadder {
                ladder: to.ladder.clone(),
            },
        )?;
    }
    if work.policy != to.policy {
        push(&mut work, Change::SetPolicy { policy: to.policy })?;
    }
    for team in to.teams() {
        match work.team(&team.id).cloned() {
            None => push(
                &mut work,
                Change::CreateTeam {
                    team: team.id.clone(),
                    name: team.name.clone(),
                    team_kind: team.kind,
                    department: team.department.clone(),
                },
            )?,
            Some(current) => {
                if current.name != team.name {
                    push(
                        &mut work,
                        Change::RenameTeam {
                            team: team.id.clone(),
                            name: team.name.clone(),
                        },
                    )?;
                }
                if current.kind != team.kind {
                    push(
                        &mut work,
                        Change::SetTeamKind {
                            team: team.id.clone(),
                            team_kind: team.kind,
                        },
                    )?;
                }
            }
        }
    }
    let leavers: Vec<PersonId> = from
        .people()
        .filter(|p| !to.contains(&p.id))
        .map(|p| p.id.clone())
        .collect();
    for person in leavers {
        push(&mut work, Change::RemovePerson { person })?;
    }
    let forest = to.forest();
    let ids: Vec<&PersonId> = to.people().map(|p| &p.id).collect();
    for &position in forest.top_down() {
        let person = ids[position as usize];
        let manager = forest.parent(position).map(|p| ids[p as usize].clone());
        if !work.contains(person) {
            let target = to.person(person).expect("listed by to.people()");
            push(
                &mut work,
                Change::AddPerson {
                    person: new_person(target),
                    manager,
                },
            )?;
        } else if work.manager_of(person) != manager.as_ref() {
            push(
                &mut work,
                Change::Move {
                    person: person.clone(),
                    manager,
                },
            )?;
        }
    }
    for target in to.people() {
        let current = work.person(&target.id).expect("added above").clone();
        for edit in edits(&current, target) {
            push(
                &mut work,
                Change::EditPerson {
                    person: target.id.clone(),
                    edit,
                },
            )?;
        }
    }
    let support_now = work.support_assignments().clone();
    for (person, team) in support_now.difference(to.support_assignments()) {
        push(
            &mut work,
            Change::RemoveSupport {
                person: person.clone(),
                team: team.clone(),
            },
        )?;
    }
    for (person, team) in to.support_assignments().difference(&support_now) {
        push(
            &mut work,
            Change::AddSupport {
                person: person.clone(),
                team: team.clone(),
            },
        )?;
    }
    let lines = |org: &Org| -> BTreeSet<(PersonId, PersonId)> {
        org.dotted_lines()
            .into_iter()
            .map(|(m, r)| (m.clone(), r.clone()))
            .collect()
    };
    let (dotted_now, dotted_then) = (lines(&work), lines(to));
    for (manager, report) in dotted_now.difference(&dotted_then) {
        push(
            &mut work,
            Change::RemoveDottedLine {
                manager: manager.clone(),
                report: report.clone(),
            },
        )?;
    }
    for (manager, report) in dotted_then.difference(&dotted_now) {
        push(
            &mut work,
            Change::AddDottedLine {
                manager: manager.clone(),
                report: report.clone(),
            },
        )?;
    }
    let gone: Vec<TeamId> = work
        .teams()
        .iter()
        .filter(|t| to.team(&t.id).is_none())
        .map(|t| t.id.clone())
        .collect();
    for team in gone {
        push(&mut work, Change::DissolveTeam { team })?;
    }
    Ok(changes)
}

fn new_person(person: &Person) -> NewPerson {
    NewPerson {
        id: person.id.clone(),
        name: person.name.to_string(),
        title: person.title.to_string(),
        level: person.level.to_string(),
        location: person.location.to_string(),
        cost: person.cost,
        status: person.status,
        team: person.team.clone(),
        start_date: person.start_date,
    }
}

/// The field edits that turn `current` into `target`.
fn edits(current: &Person, target: &Person) -> Vec<PersonEdit> {
    let mut edits = Vec::new();
    if current.name != target.name {
        edits.push(PersonEdit::Name(target.name.to_string()));
    }
    if current.title != target.title {
        edits.push(PersonEdit::Title(target.title.to_string()));
    }
    if current.level != target.level {
        edits.push(PersonEdit::Level(target.level.to_string()));
    }
    if current.location != target.location {
        edits.push(PersonEdit::Location(target.location.to_string()));
    }
    if current.cost != target.cost {
        edits.push(PersonEdit::Cost(target.cost));
    }
    if current.status != target.status {
        edits.push(PersonEdit::Status(target.status));
    }
    if current.team != target.team {
        edits.push(PersonEdit::Team(target.team.clone()));
    }
    if current.start_date != target.start_date {
        edits.push(PersonEdit::StartDate(target.start_date));
    }
    if current.end_date != target.end_date {
        edits.push(PersonEdit::EndDate(target.end_date));
    }
    edits
}

/// One person who moved: from and to manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportMove {
    pub person: PersonId,
    pub from: Option<PersonId>,
    pub to: Option<PersonId>,
}

/// What a re-import changed, for the people who read it: joiners, leavers,
/// moves and title changes by id, and how many other field edits and team,
/// support or dotted-line changes there were. Never mentions pay.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub joiners: Vec<PersonId>,
    pub leavers: Vec<PersonId>,
    pub moves: Vec<ReportMove>,
    /// (person, old title, new title).
    pub title_changes: Vec<(PersonId, String, String)>,
    pub other_edits: usize,
    pub team_changes: usize,
    pub link_changes: usize,
    /// Policy or ladder changes.
    pub setting_changes: usize,
}

impl ImportReport {
    /// The report of `changes`, which turn `before` into `after`.
    pub fn of(before: &Org, after: &Org, changes: &[Change]) -> ImportReport {
        let mut report = ImportReport::default();
        for change in changes {
            match change {
                Change::AddPerson { person, .. } => report.joiners.push(person.id.clone()),
                Change::RemovePerson { person } => report.leavers.push(person.clone()),
                // Moves are read off the two orgs below.
                Change::Move { .. } | Change::MoveAlone { .. } => {}
                Change::EditPerson {
                    person,
                    edit: PersonEdit::Title(title),
                } => {
                    let old = before.person(person).map_or("", |p| &*p.title);
                    report
                        .title_changes
                        .push((person.clone(), old.to_string(), title.clone()));
                }
                Change::EditPerson { .. } | Change::AssignTeam { .. } => report.other_edits += 1,
                Change::CreateTeam { .. }
                | Change::RenameTeam { .. }
                | Change::SetTeamKind { .. }
                | Change::DissolveTeam { .. } => report.team_changes += 1,
                Change::AddSupport { .. }
                | Change::RemoveSupport { .. }
                | Change::AddDottedLine { .. }
                | Change::RemoveDottedLine { .. } => report.link_changes += 1,
                Change::SetPolicy { .. } | Change::SetLadder { .. } => {
                    report.setting_changes += 1;
                }
            }
        }
        // A leaver's reports move up as a side effect; report every person
        // whose manager differs, not only the explicit moves.
        for person in after.people() {
            if !before.contains(&person.id) {
                continue;
            }
            let (from, to) = (before.manager_of(&person.id), after.manager_of(&person.id));
            if from != to {
                report.moves.push(ReportMove {
                    person: person.id.clone(),
                    from: from.cloned(),
                    to: to.cloned(),
                });
            }
        }
        report.joiners.sort();
        report.leavers.sort();
        report.moves.sort_by(|a, b| a.person.cmp(&b.person));
        report.title_changes.sort();
        report
    }

    pub fn is_empty(&self) -> bool {
        self.joiners.is_empty()
            && self.leavers.is_empty()
            && self.moves.is_empty()
            && self.title_changes.is_empty()
            && self.other_edits == 0
            && self.team_changes == 0
            && self.link_changes == 0
            && self.setting_changes == 0
    }

    /// A readable summary with up to `limit` lines per list.
    pub fn render_text(&self, limit: usize) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} joiner(s), {} leaver(s), {} move(s), {} title change(s), {} other edit(s), {} team change(s), {} support/dotted-line change(s)",
            self.joiners.len(),
            self.leavers.len(),
            self.moves.len(),
            self.title_changes.len(),
            self.other_edits,
            self.team_changes,
            self.link_changes
        );
        let more = |out: &mut String, total: usize| {
            if total > limit {
                let _ = writeln!(out, "    … and {} more", total - limit);
            }
        };
        for (label, ids) in [("joined", &self.joiners), ("left", &self.leavers)] {
            for id in ids.iter().take(limit) {
                let _ = writeln!(out, "  {label:<7} {id}");
            }
            more(&mut out, ids.len());
        }
        let name =
            |id: &Option<PersonId>| id.as_ref().map_or("(none)".to_string(), |m| m.to_string());
        for m in self.moves.iter().take(limit) {
            let _ = writeln!(
                out,
                "  moved   {}: {} -> {}",
                m.person,
                name(&m.from),
                name(&m.to)
            );
        }
        more(&mut out, self.moves.len());
        for (id, old, new) in self.title_changes.iter().take(limit) {
            let _ = writeln!(out, "  title   {id}: {old} -> {new}");
        }
        more(&mut out, self.title_changes.len());
        out
    }
}
