//! The changes that turn one org into another, as typed [`Change`]s: what
//! a re-import did to the baseline (joiners, leavers, moves, edits), and
//! the list that takes the new baseline back to the old one, stored as a
//! scenario so before and after can be compared like any scenarios.

use super::change::{Change, NewPerson, PersonEdit, Target};
use crate::model::{Forest, Org, Person, PersonId, Team, TeamId, NO_PARENT};
use rustc_hash::FxHashSet;
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Changes that, applied in order to `from`, give `to`'s people, reporting
/// lines, home teams, team names and kinds, support and dotted lines (team
/// departments and leads are not changes a scenario can make).
///
/// The order makes every change apply to the org the ones before it left:
/// teams are created before anyone joins them; leavers go first, their
/// reports moving up to the nearest manager who stays; then joiners and
/// moves go top-down in `to`'s tree, so that by the time someone moves,
/// their new manager already has their final chain of command, which
/// cannot contain them, and no move makes a cycle; then field edits,
/// support and dotted lines, and last the teams that are gone.
///
/// The list is worked out on the two orgs' people by position, matched by
/// id once, rather than by applying each change to a copy of `from` as it
/// is chosen, which at a million people costs a copy of the org and three
/// id lookups per person. The tests hold it to the list that applying as
/// it goes gives, change for change.
pub fn changes_between(from: &Org, to: &Org) -> Vec<Change> {
    Matching::of(from, to).changes()
}

/// What a re-import changed (`previous` to `next`) and the changes that
/// take `next` back to `previous`, empty when nothing changed. The people
/// are matched once for both, and the two lists are worked out side by
/// side.
pub fn compare_imports(previous: &Org, next: &Org) -> (ImportReport, Vec<Change>) {
    let forward = Matching::of(previous, next);
    std::thread::scope(|scope| {
        let backward = scope.spawn(|| forward.reversed().changes());
        let changes = forward.changes();
        let report = ImportReport::of_matched(&forward, &changes);
        let back = joined(backward);
        (report, if changes.is_empty() { Vec::new() } else { back })
    })
}

/// One org's people by dense position, its forest and dotted lines, as
/// both directions of a comparison read them.
struct Side<'a> {
    org: &'a Org,
    people: Vec<&'a Person>,
    forest: Forest,
    dotted: BTreeSet<(&'a PersonId, &'a PersonId)>,
}

impl<'a> Side<'a> {
    fn of(org: &'a Org) -> Side<'a> {
        Side {
            org,
            people: org.people().collect(),
            forest: org.forest(),
            dotted: org.dotted_lines().into_iter().collect(),
        }
    }
}

/// The people of two orgs, by dense position, matched by id.
struct Matching<'a> {
    from: Arc<Side<'a>>,
    to: Arc<Side<'a>>,
    /// For each of `to`'s people, the same person's position in `from`,
    /// or [`NO_MATCH`] for a joiner.
    to_in_from: Arc<Vec<u32>>,
    /// For each of `from`'s people, their position in `to`, or
    /// [`NO_MATCH`] for a leaver.
    from_in_to: Arc<Vec<u32>>,
    /// The people in both whose fields differ, as (position in `to`,
    /// position in `from`), in `to`'s order. Found once for both
    /// directions: comparing every field of a million people is the
    /// largest part of a comparison.
    differing: Vec<(u32, u32)>,
}

const NO_MATCH: u32 = u32::MAX;

fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

impl<'a> Matching<'a> {
    fn of(from: &'a Org, to: &'a Org) -> Matching<'a> {
        let (from, to) = std::thread::scope(|scope| {
            let from = scope.spawn(|| Side::of(from));
            let to = Side::of(to);
            (joined(from), to)
        });
        // Exports list people in much the same order each time: guess that
        // each person is where the last match suggests, and look the id up
        // only when they are not.
        let positions = from.org.positions();
        let mut to_in_from = Vec::with_capacity(to.people.len());
        let mut from_in_to = vec![NO_MATCH; from.people.len()];
        let mut offset = 0usize;
        for (position, person) in to.people.iter().enumerate() {
            let guess = position.wrapping_add(offset);
            let found = if from.people.get(guess).is_some_and(|p| p.id == person.id) {
                Some(guess)
            } else {
                positions.of(&person.id).map(|found| found as usize)
            };
            match found {
                Some(found) => {
                    offset = found.wrapping_sub(position);
                    to_in_from.push(found as u32);
                    from_in_to[found] = position as u32;
                }
                None => to_in_from.push(NO_MATCH),
            }
        }
        let differing = differing(&from.people, &to.people, &to_in_from);
        Matching {
            from: Arc::new(from),
            to: Arc::new(to),
            to_in_from: Arc::new(to_in_from),
            from_in_to: Arc::new(from_in_to),
            differing,
        }
    }

    /// The same matching, from `to` to `from`.
    fn reversed(&self) -> Matching<'a> {
        let mut differing: Vec<(u32, u32)> = self.differing.iter().map(|&(a, b)| (b, a)).collect();
        differing.sort_unstable();
        Matching {
            from: Arc::clone(&self.to),
            to: Arc::clone(&self.from),
            to_in_from: Arc::clone(&self.from_in_to),
            from_in_to: Arc::clone(&self.to_in_from),
            differing,
        }
    }

    fn is_leaver(&self, from_position: u32) -> bool {
        self.from_in_to[from_position as usize] == NO_MATCH
    }

    /// Each person's manager in `from` once the leavers are gone: the
    /// nearest manager above them who stays (removing someone moves their
    /// reports up to their own manager).
    fn managers_after_leavers(&self) -> Vec<u32> {
        let forest = &self.from.forest;
        let mut manager = forest.parents().to_vec();
        for &position in forest.top_down() {
            if let Some(parent) = forest.parent(position) {
                if self.is_leaver(parent) {
                    // Parents come first, so theirs is already resolved.
                    manager[position as usize] = manager[parent as usize];
                }
            }
        }
        manager
    }

    /// The change list, in the order that applies cleanly (see
    /// [`changes_between`]).
    fn changes(&self) -> Vec<Change> {
        let mut changes = self.settings_changes();
        self.team_changes(&mut changes);
        let leavers = self.leavers(&mut changes);
        let added = self.moves_and_joiners(&leavers, &mut changes);
        self.field_edits(added, &mut changes);
        self.link_changes(&leavers, &mut changes);
        for (position, team) in self.from.org.teams().iter().enumerate() {
            if team_in(self.to.org, position, &team.id).is_none() {
                changes.push(Change::DissolveTeam {
                    team: team.id.clone(),
                });
            }
        }
        changes
    }

    fn settings_changes(&self) -> Vec<Change> {
        let (from, to) = (self.from.org, self.to.org);
        let mut changes = Vec::new();
        if from.ladder != to.ladder {
            changes.push(Change::SetLadder {
                ladder: to.ladder.clone(),
            });
        }
        // Only the targets that differ, so the others keep following the
        // workspace's settings.
        changes.extend(
            Target::differences(&from.policy, &to.policy)
                .into_iter()
                .map(|target| Change::SetTarget { target }),
        );
        changes
    }

    /// New teams, and renamed or re-kinded ones.
    fn team_changes(&self, changes: &mut Vec<Change>) {
        for (position, team) in self.to.org.teams().iter().enumerate() {
            match team_in(self.from.org, position, &team.id) {
                None => changes.push(Change::CreateTeam {
                    team: team.id.clone(),
                    name: team.name.clone(),
                    team_kind: team.kind,
                    department: team.department.clone(),
                }),
                Some(current) => {
                    if current.name != team.name {
                        changes.push(Change::RenameTeam {
                            team: team.id.clone(),
                            name: team.name.clone(),
                        });
                    }
                    if current.kind != team.kind {
                        changes.push(Change::SetTeamKind {
                            team: team.id.clone(),
                            team_kind: team.kind,
                        });
                    }
                }
            }
        }
    }

    /// Removes everyone in `from` but not in `to`; returns their ids.
    fn leavers(&self, changes: &mut Vec<Change>) -> FxHashSet<&'a PersonId> {
        let mut leavers: FxHashSet<&'a PersonId> = FxHashSet::default();
        for (position, person) in self.from.people.iter().enumerate() {
            if self.is_leaver(position as u32) {
                leavers.insert(&person.id);
                changes.push(Change::RemovePerson {
                    person: person.id.clone(),
                });
            }
        }
        leavers
    }

    /// Top-down in `to`'s tree: joiners added and people moved, so every
    /// new manager exists and has their final chain before anyone moves
    /// under them. Returns the joiners as added, with their positions.
    fn moves_and_joiners(
        &self,
        leavers: &FxHashSet<&'a PersonId>,
        changes: &mut Vec<Change>,
    ) -> Vec<(u32, Person)> {
        let manager_now = if leavers.is_empty() {
            self.from.forest.parents().to_vec()
        } else {
            self.managers_after_leavers()
        };
        let (forest, people) = (&self.to.forest, &self.to.people);
        let mut added = Vec::new();
        for &position in forest.top_down() {
            let person = people[position as usize];
            let manager = forest.parent(position);
            let manager_id = || manager.map(|m| people[m as usize].id.clone());
            match self.to_in_from[position as usize] {
                NO_MATCH => {
                    let new = new_person(person);
                    added.push((position, new.person()));
                    changes.push(Change::AddPerson {
                        person: new,
                        manager: manager_id(),
                    });
                }
                current => {
                    // Managers compare by their position in `from`: a
                    // joiner has none, so is never the current manager.
                    let now = manager_now[current as usize];
                    let wanted = manager.map_or(NO_PARENT, |m| self.to_in_from[m as usize]);
                    let same = match manager {
                        None => now == NO_PARENT,
                        Some(_) => wanted != NO_MATCH && wanted == now,
                    };
                    if !same {
                        changes.push(Change::Move {
                            person: person.id.clone(),
                            manager: manager_id(),
                        });
                    }
                }
            }
        }
        added
    }

    /// Field edits, in `to`'s order: joiners as `AddPerson` made them, and
    /// the people in both whose fields differ.
    fn field_edits(&self, mut added: Vec<(u32, Person)>, changes: &mut Vec<Change>) {
        let people = &self.to.people;
        added.sort_unstable_by_key(|(position, _)| *position);
        let mut added = added.into_iter().peekable();
        let mut differing = self.differing.iter().peekable();
        loop {
            let next_added = added.peek().map(|(position, _)| *position);
            let next_differing = differing.peek().map(|(position, _)| *position);
            let (position, joiner) = match (next_added, next_differing) {
                (None, None) => break,
                (Some(a), Some(d)) if d < a => (d, None),
                (Some(a), _) => (a, added.next().map(|(_, person)| person)),
                (None, Some(d)) => (d, None),
            };
            let target = people[position as usize];
            let current = match &joiner {
                Some(person) => person,
                None => {
                    let (_, then) = differing.next().expect("peeked");
                    self.from.people[*then as usize]
                }
            };
            for edit in edits(current, target) {
                changes.push(Change::EditPerson {
                    person: target.id.clone(),
                    edit,
                    was: None,
                });
            }
        }
    }

    /// Support and dotted lines: removing a leaver already took theirs.
    fn link_changes(&self, leavers: &FxHashSet<&'a PersonId>, changes: &mut Vec<Change>) {
        let stays = |id: &PersonId| !leavers.contains(id);
        let support_now: BTreeSet<&(PersonId, TeamId)> = self
            .from
            .org
            .support_assignments()
            .iter()
            .filter(|(person, _)| stays(person))
            .collect();
        let support_then: BTreeSet<&(PersonId, TeamId)> =
            self.to.org.support_assignments().iter().collect();
        for (person, team) in support_now.difference(&support_then) {
            changes.push(Change::RemoveSupport {
                person: person.clone(),
                team: team.clone(),
            });
        }
        for (person, team) in support_then.difference(&support_now) {
            changes.push(Change::AddSupport {
                person: person.clone(),
                team: team.clone(),
            });
        }
        let dotted_now: BTreeSet<&(&PersonId, &PersonId)> = self
            .from
            .dotted
            .iter()
            .filter(|(manager, report)| stays(manager) && stays(report))
            .collect();
        let dotted_then: BTreeSet<&(&PersonId, &PersonId)> = self.to.dotted.iter().collect();
        for (manager, report) in dotted_now.difference(&dotted_then) {
            changes.push(Change::RemoveDottedLine {
                manager: (*manager).clone(),
                report: (*report).clone(),
            });
        }
        for (manager, report) in dotted_then.difference(&dotted_now) {
            changes.push(Change::AddDottedLine {
                manager: (*manager).clone(),
                report: (*report).clone(),
            });
        }
    }
}

/// A team of `org` by id, looked for first at `position`: teams, too,
/// mostly keep their order from one export to the next.
fn team_in<'o>(org: &'o Org, position: usize, id: &TeamId) -> Option<&'o Team> {
    org.teams()
        .get(position)
        .filter(|team| team.id == *id)
        .or_else(|| org.team(id))
}

/// The matched people whose fields differ, as (position in `to`,
/// position in `from`) in `to`'s order, found on two threads.
fn differing(from: &[&Person], to: &[&Person], to_in_from: &[u32]) -> Vec<(u32, u32)> {
    let scan = |range: std::ops::Range<usize>| -> Vec<(u32, u32)> {
        range
            .filter_map(|position| {
                let then = to_in_from[position];
                (then != NO_MATCH && !edits(from[then as usize], to[position]).is_empty())
                    .then_some((position as u32, then))
            })
            .collect()
    };
    let middle = to.len() / 2;
    std::thread::scope(|scope| {
        let second = scope.spawn(|| scan(middle..to.len()));
        let mut first = scan(0..middle);
        first.extend(joined(second));
        first
    })
}

pub(super) fn new_person(person: &Person) -> NewPerson {
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
pub(super) fn edits(current: &Person, target: &Person) -> Vec<PersonEdit> {
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
        ImportReport::of_matched(&Matching::of(before, after), changes)
    }

    fn of_matched(matching: &Matching<'_>, changes: &[Change]) -> ImportReport {
        let before = matching.from.org;
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
                    ..
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
                Change::SetPolicy { .. } | Change::SetTarget { .. } | Change::SetLadder { .. } => {
                    report.setting_changes += 1;
                }
            }
        }
        // A leaver's reports move up as a side effect; report every person
        // whose manager differs, not only the explicit moves.
        let (was, is) = (&matching.from.forest, &matching.to.forest);
        for (position, &then) in matching.to_in_from.iter().enumerate() {
            if then == NO_MATCH {
                continue;
            }
            let (from, to) = (was.parent(then), is.parent(position as u32));
            // The same manager is the same person: `to`'s matched in `from`.
            let same = match (from, to) {
                (None, None) => true,
                (Some(from), Some(to)) => matching.to_in_from[to as usize] == from,
                _ => false,
            };
            if !same {
                let id_in =
                    |people: &[&Person], at: Option<u32>| at.map(|p| people[p as usize].id.clone());
                report.moves.push(ReportMove {
                    person: matching.to.people[position].id.clone(),
                    from: id_in(&matching.from.people, from),
                    to: id_in(&matching.to.people, to),
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
}
