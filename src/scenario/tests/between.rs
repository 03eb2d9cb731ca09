//! The change list between two orgs, against a reference that applies
//! each change as it chooses it.

use super::*;

/// The reference for [`changes_between`]: each change is chosen against a
/// copy of `from` with every change before it applied, as the first
/// version did, which is plainly right but slow at scale.
fn changes_by_applying(from: &Org, to: &Org) -> crate::error::Result<Vec<Change>> {
    let mut replay = Replay {
        work: from.clone(),
        changes: Vec::new(),
    };
    replay.settings(to)?;
    replay.teams(to)?;
    replay.leavers(from, to)?;
    replay.joiners_and_moves(to)?;
    replay.person_edits(to)?;
    replay.support(to)?;
    replay.dotted_lines(to)?;
    replay.gone_teams(to)?;
    Ok(replay.changes)
}

/// The changes chosen so far, and a copy of the first org with them
/// applied, in order.
struct Replay {
    work: Org,
    changes: Vec<Change>,
}

type Step = crate::error::Result<()>;

impl Replay {
    fn push(&mut self, change: Change) -> Step {
        apply(&mut self.work, &change)?;
        self.changes.push(change);
        Ok(())
    }

    fn settings(&mut self, to: &Org) -> Step {
        if self.work.ladder != to.ladder {
            self.push(Change::SetLadder {
                ladder: to.ladder.clone(),
            })?;
        }
        for target in crate::scenario::Target::differences(&self.work.policy, &to.policy) {
            self.push(Change::SetTarget { target })?;
        }
        Ok(())
    }

    /// New teams, and renamed or re-kinded ones.
    fn teams(&mut self, to: &Org) -> Step {
        for team in to.teams() {
            match self.work.team(&team.id).cloned() {
                None => self.push(Change::CreateTeam {
                    team: team.id.clone(),
                    name: team.name.clone(),
                    team_kind: team.kind,
                    department: team.department.clone(),
                })?,
                Some(current) => {
                    if current.name != team.name {
                        self.push(Change::RenameTeam {
                            team: team.id.clone(),
                            name: team.name.clone(),
                        })?;
                    }
                    if current.kind != team.kind {
                        self.push(Change::SetTeamKind {
                            team: team.id.clone(),
                            team_kind: team.kind,
                        })?;
                    }
                }
            }
        }
        Ok(())
    }

    fn leavers(&mut self, from: &Org, to: &Org) -> Step {
        let leavers: Vec<PersonId> = from
            .people()
            .filter(|p| !to.contains(&p.id))
            .map(|p| p.id.clone())
            .collect();
        for person in leavers {
            self.push(Change::RemovePerson { person })?;
        }
        Ok(())
    }

    /// Joiners and moves, managers before their reports.
    fn joiners_and_moves(&mut self, to: &Org) -> Step {
        let forest = to.forest();
        let ids: Vec<&PersonId> = to.people().map(|p| &p.id).collect();
        for &position in forest.top_down() {
            let person = ids[position as usize];
            let manager = forest.parent(position).map(|p| ids[p as usize].clone());
            if !self.work.contains(person) {
                let target = to.person(person).expect("listed by to.people()");
                self.push(Change::AddPerson {
                    person: crate::scenario::between::new_person(target),
                    manager,
                })?;
            } else if self.work.manager_of(person) != manager.as_ref() {
                self.push(Change::Move {
                    person: person.clone(),
                    manager,
                })?;
            }
        }
        Ok(())
    }

    fn person_edits(&mut self, to: &Org) -> Step {
        for target in to.people() {
            let current = self.work.person(&target.id).expect("added above").clone();
            for edit in crate::scenario::between::edits(&current, target) {
                self.push(Change::EditPerson {
                    person: target.id.clone(),
                    edit,
                    was: None,
                })?;
            }
        }
        Ok(())
    }

    fn support(&mut self, to: &Org) -> Step {
        let support_now = self.work.support_assignments().clone();
        for (person, team) in support_now.difference(to.support_assignments()) {
            self.push(Change::RemoveSupport {
                person: person.clone(),
                team: team.clone(),
            })?;
        }
        for (person, team) in to.support_assignments().difference(&support_now) {
            self.push(Change::AddSupport {
                person: person.clone(),
                team: team.clone(),
            })?;
        }
        Ok(())
    }

    fn dotted_lines(&mut self, to: &Org) -> Step {
        let lines = |org: &Org| -> BTreeSet<(PersonId, PersonId)> {
            org.dotted_lines()
                .into_iter()
                .map(|(m, r)| (m.clone(), r.clone()))
                .collect()
        };
        let (dotted_now, dotted_then) = (lines(&self.work), lines(to));
        for (manager, report) in dotted_now.difference(&dotted_then) {
            self.push(Change::RemoveDottedLine {
                manager: manager.clone(),
                report: report.clone(),
            })?;
        }
        for (manager, report) in dotted_then.difference(&dotted_now) {
            self.push(Change::AddDottedLine {
                manager: manager.clone(),
                report: report.clone(),
            })?;
        }
        Ok(())
    }

    /// Teams the second org does not have, dissolved last.
    fn gone_teams(&mut self, to: &Org) -> Step {
        let gone: Vec<TeamId> = self
            .work
            .teams()
            .iter()
            .filter(|t| to.team(&t.id).is_none())
            .map(|t| t.id.clone())
            .collect();
        for team in gone {
            self.push(Change::DissolveTeam { team })?;
        }
        Ok(())
    }
}

fn changed(changes: &[Change]) -> Org {
    let mut org = sample();
    for change in changes {
        let _ = apply(&mut org, change);
    }
    org
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any two orgs: the computed change list applies cleanly to the first
    /// and gives the second; and the report counts what differs.
    #[test]
    fn changes_between_turns_one_org_into_the_other(
        first in prop::collection::vec(any_change(), 0..30),
        second in prop::collection::vec(any_change(), 0..30),
    ) {
        let (from, to) = (changed(&first), changed(&second));
        let changes = changes_between(&from, &to);
        let reference = changes_by_applying(&from, &to).expect("every change applies");
        prop_assert_eq!(&changes, &reference);
        let mut work = from.clone();
        for change in &changes {
            apply(&mut work, change).expect("applies in order");
        }
        prop_assert_eq!(canonical(&work), canonical(&to));
        let report = ImportReport::of(&from, &to, &changes);
        let joiners = to.people().filter(|p| !from.contains(&p.id)).count();
        let leavers = from.people().filter(|p| !to.contains(&p.id)).count();
        prop_assert_eq!(report.joiners.len(), joiners);
        prop_assert_eq!(report.leavers.len(), leavers);
        let mut moves: Vec<ReportMove> = to
            .people()
            .filter(|p| from.contains(&p.id) && from.manager_of(&p.id) != to.manager_of(&p.id))
            .map(|p| ReportMove {
                person: p.id.clone(),
                from: from.manager_of(&p.id).cloned(),
                to: to.manager_of(&p.id).cloned(),
            })
            .collect();
        moves.sort_by(|a, b| a.person.cmp(&b.person));
        prop_assert_eq!(&report.moves, &moves);
        let (forward_report, back) = compare_imports(&from, &to);
        prop_assert_eq!(&forward_report, &report);
        let expected_back = if changes.is_empty() {
            Vec::new()
        } else {
            changes_by_applying(&to, &from).expect("every change applies")
        };
        prop_assert_eq!(back, expected_back);
        prop_assert_eq!(report.is_empty(), changes.is_empty());
    }
}

#[test]
fn an_unchanged_org_needs_no_changes() {
    let org = sample();
    assert!(changes_between(&org, &org.clone()).is_empty());
}
