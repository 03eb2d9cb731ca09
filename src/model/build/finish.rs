//! The steps of [`OrgBuilder::finish`], once every record is in: index
//! the people, resolve their managers, refuse cycles, attach the lines,
//! then resolve dotted lines, leads and support.

use super::{Extras, ManagerRun, OrgBuilder, MAX_CYCLES_REPORTED};
use crate::model::forest::break_cycles;
use crate::model::id_index::{Duplicate, NOT_FOUND};
use crate::model::org::hash_id;
use crate::model::{AbsentManagers, Finding, PersonId, TeamId, NO_PARENT};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::Arc;

/// Where the first of a missing manager's reports is, and how many name
/// them.
type Missing<'m> = FxHashMap<&'m str, (u64, usize)>;

impl OrgBuilder {
    /// Indexes everyone by id and reports repeated ids, then finds each
    /// run's manager (see `managers`): one lookup per run, all at once,
    /// which at scale is several times faster than one by one. The ids to
    /// look up are gathered and hashed while another thread builds the
    /// index. Returns a position per run that names a manager, in order
    /// ([`NOT_FOUND`] for a manager nobody is).
    pub(super) fn index_people(&mut self, id_hashes: &[u64], managers: &[ManagerRun]) -> Vec<u32> {
        let org = &self.org;
        let ((index, duplicates), asked, wanted) = std::thread::scope(|scope| {
            let indexing = scope.spawn(|| org.index_of_pushed(id_hashes));
            let asked: Vec<&str> = managers
                .iter()
                .filter(|run| !run.manager.is_empty())
                .map(|run| run.manager.as_str())
                .collect();
            let wanted: Vec<u64> = asked.iter().map(|id| hash_id(id)).collect();
            let index = indexing
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (index, asked, wanted)
        });
        self.org.install_pushed_index(index);
        self.report_duplicates(duplicates);
        self.org.positions_of_pushed(id_hashes, &asked, &wanted)
    }

    fn report_duplicates(&mut self, duplicates: Vec<Duplicate>) {
        for duplicate in duplicates {
            let (first, again) = (duplicate.first as usize, duplicate.again as usize);
            let id = self.org.person_at(again as u32).map(|p| &p.id);
            let message = format!(
                "id '{}' is used by row {} and row {}",
                id.map_or("", |id| id.as_str()),
                self.rows[first],
                self.rows[again]
            );
            let location = self.at(self.rows[again], "id");
            self.findings
                .push(Finding::error("duplicate-id", message, location));
        }
    }

    /// Each person's manager by position ([`NO_PARENT`] for roots), from
    /// the runs' `answers` ([`OrgBuilder::index_people`]). A self-manager
    /// becomes a root with a warning; a manager not in the file leaves
    /// their reports roots, grouped under a placeholder, with one warning.
    pub(super) fn resolve_managers(
        &mut self,
        managers: &[ManagerRun],
        answers: Vec<u32>,
    ) -> Vec<u32> {
        let people = self.rows.len();
        let mut parent = vec![NO_PARENT; people];
        let mut missing = Missing::default();
        let mut warnings = Vec::new();
        let mut absent_runs = Vec::new();
        let mut answers = answers.into_iter();
        let ends = managers
            .iter()
            .skip(1)
            .map(|next| next.start as usize)
            .chain([people]);
        for (run, next) in managers.iter().zip(ends) {
            let manager = run.manager.as_str();
            if manager.is_empty() {
                continue;
            }
            let positions = run.start as usize..next;
            match answers.next().filter(|&answer| answer != NOT_FOUND) {
                Some(p) => {
                    parent[positions.clone()].fill(p);
                    // Indexed ids are unique (a repeat is an error), so
                    // only one's own id finds oneself.
                    if positions.contains(&(p as usize)) {
                        parent[p as usize] = NO_PARENT;
                        warnings.push(Finding::warning(
                            "self-manager",
                            format!("'{manager}' is their own manager; treated as a root"),
                            self.at(self.rows[p as usize], "manager_id"),
                        ));
                    }
                }
                None => {
                    let first_row = self.rows[positions.start];
                    missing.entry(manager).or_insert((first_row, 0)).1 += positions.len();
                    absent_runs.push((positions, manager));
                }
            }
        }
        self.org.absent_managers = self.absent_managers(absent_runs);
        self.report_missing_managers(missing, &mut warnings);
        self.findings.extend(warnings);
        parent
    }

    /// One warning per manager not in the file, in the order of their
    /// first report's row.
    fn report_missing_managers(&self, missing: Missing<'_>, warnings: &mut Vec<Finding>) {
        let mut missing: Vec<(&str, (u64, usize))> = missing.into_iter().collect();
        missing.sort_by_key(|(_, (row, _))| *row);
        for (manager, (first_row, count)) in missing {
            warnings.push(Finding::warning(
                "manager-not-found",
                format!(
                    "manager '{manager}' is not in the file ({count} report(s), first at row {first_row}); grouped under a placeholder \"Not in file: {manager}\" and counted as roots"
                ),
                self.at(first_row, "manager_id"),
            ));
        }
    }

    /// Who names a manager missing from the file, and that manager's
    /// reference as written, from runs of people (by position) naming the
    /// same one. Each reference is stored once, shared by its people.
    fn absent_managers(&self, runs: Vec<(Range<usize>, &str)>) -> AbsentManagers {
        let mut absent = AbsentManagers::new();
        let mut shared: FxHashMap<&str, Arc<str>> = FxHashMap::default();
        for (positions, manager) in runs {
            let reference = shared.entry(manager).or_insert_with(|| manager.into());
            for position in positions {
                if let Some(person) = self.org.person_at(position as u32) {
                    absent.insert(person.id.clone(), reference.clone());
                }
            }
        }
        absent
    }

    /// Reports each reporting cycle in `parent` (the first
    /// [`MAX_CYCLES_REPORTED`]) as an error, and breaks it so that
    /// `parent` is a forest.
    pub(super) fn report_cycles(&mut self, parent: &mut [u32]) {
        let cycles = break_cycles(parent, MAX_CYCLES_REPORTED);
        if cycles.is_empty() {
            return;
        }
        let ids: Vec<&PersonId> = self.org.people().map(|p| &p.id).collect();
        for cycle in cycles {
            let names: Vec<String> = cycle
                .iter()
                .map(|&p| format!("{} (row {})", ids[p as usize], self.rows[p as usize]))
                .collect();
            let first = cycle[0] as usize;
            self.findings.push(Finding::error(
                "manager-cycle",
                format!("reporting cycle: {} -> {}", names.join(" -> "), ids[first]),
                self.at(self.rows[first], "manager_id"),
            ));
        }
    }

    /// Adds the solid lines of `parent`, a forest, with room for the
    /// dotted lines to come.
    pub(super) fn attach_lines(&mut self, parent: &[u32]) {
        let dotted: usize = self.extras.iter().map(|e| e.dotted_managers.len()).sum();
        self.org.reserve_lines(parent.len() + dotted);
        self.org.attach_parents(parent);
    }

    /// Resolves what people's rows say about others, now that everyone
    /// is in: declared leads, then each person's leads, dotted lines and
    /// support assignments.
    pub(super) fn resolve_extras(&mut self) {
        self.resolve_declared_leads();
        let mut supported = Vec::new();
        for extras in std::mem::take(&mut self.extras) {
            let Extras {
                id,
                position,
                row,
                dotted_managers,
                supports,
                leads,
            } = extras;
            self.note_leads(&id, row, leads);
            self.add_dotted_lines(&id, position, row, dotted_managers);
            self.resolve_supports(&id, position, row, supports, &mut supported);
        }
        self.org.add_known_supports(supported);
    }

    /// The dotted lines to the person at `position` from each manager
    /// named; a manager not in the file, or the person themselves, is
    /// dropped with a warning.
    fn add_dotted_lines(&mut self, id: &PersonId, position: u32, row: u64, managers: Vec<String>) {
        for manager in managers {
            let Some(manager_position) = self.org.position_of_str(&manager) else {
                let location = self.at(row, "dotted_managers");
                self.findings.push(Finding::warning(
                    "dotted-manager-not-found",
                    format!(
                        "dotted-line manager '{manager}' is not in the file; the line is dropped"
                    ),
                    location,
                ));
                continue;
            };
            if self
                .org
                .add_dotted_line_at(manager_position, position)
                .is_err()
            {
                let location = self.at(row, "dotted_managers");
                self.findings.push(Finding::warning(
                    "self-dotted-line",
                    format!("'{id}' has a dotted line to themselves; it is dropped"),
                    location,
                ));
            }
        }
    }

    /// The support assignments of the person at `position`, added to
    /// `supported`: a team not in the file is dropped with a warning, and
    /// support by someone not staff+ is kept with one.
    fn resolve_supports(
        &mut self,
        id: &PersonId,
        position: u32,
        row: u64,
        supports: Vec<String>,
        supported: &mut Vec<(PersonId, TeamId)>,
    ) {
        let staff_plus = !supports.is_empty()
            && self
                .org
                .person_at(position)
                .is_some_and(|p| self.org.is_staff_plus(p));
        for team_id in supports {
            let Some(team) = self.org.team_index_of(&team_id) else {
                let location = self.at(row, "supports");
                self.findings.push(Finding::warning(
                    "support-team-not-found",
                    format!("supported team '{team_id}' is not in the file (no member or team row names it); the assignment is dropped"),
                    location,
                ));
                continue;
            };
            if !staff_plus {
                let location = self.at(row, "supports");
                self.findings.push(Finding::warning(
                    "support-by-non-staff-plus",
                    format!(
                        "'{id}' supports '{team_id}' but is not staff+ by level or title; kept, but it does not count toward coverage"
                    ),
                    location,
                ));
            }
            supported.push((id.clone(), self.org.teams()[team].id.clone()));
        }
    }
}
