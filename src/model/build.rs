//! Building a validated [`Org`] from flat person records (one per CSV row or
//! workspace row). Validation never panics: every problem becomes a
//! [`Finding`] naming the file, row and column.

use super::{
    Finding, Forest, Ladder, Location, Org, Person, PersonId, Policy, Status, Team, TeamId,
    TeamKind, NO_PARENT,
};
use crate::money::Money;
use rustc_hash::FxHashMap;

/// One person as read from a source, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonRecord {
    /// 1-based line in the source (the header is line 1).
    pub row: u64,
    pub id: String,
    /// Empty when the person has no manager.
    pub manager_id: String,
    pub name: String,
    pub title: String,
    pub team: String,
    pub level: String,
    pub location: String,
    pub cost: Option<Money>,
    pub status: Status,
    pub department: String,
    pub team_kind: Option<TeamKind>,
    /// Teams this (staff+) person supports.
    pub supports: Vec<String>,
    /// Ids of dotted-line managers.
    pub dotted_managers: Vec<String>,
}

/// Stop listing cycles after this many; the first few are what a user fixes.
const MAX_CYCLES_REPORTED: usize = 20;

impl Org {
    /// Validates records and builds the org. On success returns the org and
    /// its warnings; on failure returns every finding (errors and warnings).
    pub fn from_records(
        records: Vec<PersonRecord>,
        file: &str,
        ladder: Ladder,
        policy: Policy,
    ) -> Result<(Org, Vec<Finding>), Vec<Finding>> {
        let at = |row: u64, column: &str| Location {
            file: file.to_string(),
            row: Some(row),
            column: Some(column.to_string()),
        };
        let mut findings = Vec::new();

        // Positions in `records` of the rows that become people.
        let mut kept: Vec<u32> = Vec::with_capacity(records.len());
        let mut parent;
        {
            let mut position_of: FxHashMap<&str, u32> =
                FxHashMap::with_capacity_and_hasher(records.len(), Default::default());
            for (index, record) in records.iter().enumerate() {
                if record.id.is_empty() {
                    findings.push(Finding::error(
                        "empty-id",
                        "the id is empty",
                        at(record.row, "id"),
                    ));
                    continue;
                }
                match position_of.get(record.id.as_str()) {
                    Some(&first) => findings.push(Finding::error(
                        "duplicate-id",
                        format!(
                            "id '{}' is used by row {} and row {}",
                            record.id, records[kept[first as usize] as usize].row, record.row
                        ),
                        at(record.row, "id"),
                    )),
                    None => {
                        position_of.insert(&record.id, kept.len() as u32);
                        kept.push(index as u32);
                    }
                }
            }

            parent = vec![NO_PARENT; kept.len()];
            let mut missing: FxHashMap<&str, (u64, usize)> = FxHashMap::default();
            for (position, &index) in kept.iter().enumerate() {
                let record = &records[index as usize];
                let manager = record.manager_id.as_str();
                if manager.is_empty() {
                    continue;
                }
                if manager == record.id {
                    findings.push(Finding::warning(
                        "self-manager",
                        format!("'{}' is their own manager; treated as a root", record.id),
                        at(record.row, "manager_id"),
                    ));
                    continue;
                }
                match position_of.get(manager) {
                    Some(&p) => parent[position] = p,
                    None => {
                        let entry = missing.entry(manager).or_insert((record.row, 0));
                        entry.1 += 1;
                    }
                }
            }
            let mut missing: Vec<(&str, (u64, usize))> = missing.into_iter().collect();
            missing.sort_by_key(|(_, (row, _))| *row);
            for (manager, (first_row, count)) in missing {
                findings.push(Finding::warning(
                    "manager-not-found",
                    format!(
                        "manager '{manager}' is not in the file ({count} report(s), first at row {first_row}); they are treated as roots"
                    ),
                    at(first_row, "manager_id"),
                ));
            }
        }

        let record_at = |position: u32| &records[kept[position as usize] as usize];
        for cycle in find_cycles(&mut parent) {
            let ids: Vec<String> = cycle
                .iter()
                .map(|&p| format!("{} (row {})", record_at(p).id, record_at(p).row))
                .collect();
            let first = record_at(cycle[0]);
            findings.push(Finding::error(
                "manager-cycle",
                format!("reporting cycle: {} -> {}", ids.join(" -> "), first.id),
                at(first.row, "manager_id"),
            ));
        }

        if findings.iter().any(Finding::is_error) {
            return Err(findings);
        }

        let mut org = Org::with_capacity(kept.len());
        org.ladder = ladder;
        org.policy = policy;
        {
            let mut team_department: FxHashMap<&str, (&str, u64)> = FxHashMap::default();
            for &index in &kept {
                let record = &records[index as usize];
                if record.team.is_empty() {
                    continue;
                }
                match team_department.get(record.team.as_str()) {
                    None => {
                        team_department.insert(&record.team, (&record.department, record.row));
                        let kind = record
                            .team_kind
                            .unwrap_or_else(|| TeamKind::guess_from_name(&record.team));
                        let team = Team {
                            id: TeamId(record.team.clone()),
                            name: record.team.clone(),
                            kind,
                            lead: None,
                            department: (!record.department.is_empty())
                                .then(|| record.department.clone()),
                        };
                        // Team ids are unique here because team_department is keyed by them.
                        let _ = org.add_team(team);
                    }
                    Some((department, first_row))
                        if !record.department.is_empty() && *department != record.department =>
                    {
                        findings.push(Finding::warning(
                            "conflicting-department",
                            format!(
                                "team '{}' is in department '{}' at row {} but '{}' here; the first is kept",
                                record.team, department, first_row, record.department
                            ),
                            at(record.row, "department"),
                        ));
                    }
                    Some(_) => {}
                }
            }
        }

        // Move the strings into people rather than copying them: at a
        // million rows the copies would cost more than the parsing.
        let mut keep = vec![false; records.len()];
        for &index in &kept {
            keep[index as usize] = true;
        }
        let mut extras = Vec::new();
        for (mut record, keep) in records.into_iter().zip(keep) {
            if !keep {
                continue;
            }
            if !record.dotted_managers.is_empty() || !record.supports.is_empty() {
                extras.push((
                    PersonId(record.id.clone()),
                    record.row,
                    std::mem::take(&mut record.dotted_managers),
                    std::mem::take(&mut record.supports),
                ));
            }
            let person = Person {
                id: PersonId(record.id),
                name: record.name,
                title: record.title,
                level: record.level,
                location: record.location,
                cost: record.cost,
                status: record.status,
                team: (!record.team.is_empty()).then_some(TeamId(record.team)),
            };
            // Ids were de-duplicated above.
            let _ = org.add_person(person);
        }
        let forest = Forest::from_parents(parent)
            .expect("cycles were broken above, so the parent array is a forest");
        org.attach_forest(&forest);

        for (id, row, dotted_managers, supports) in extras {
            for dotted in dotted_managers {
                let manager = PersonId(dotted);
                if !org.contains(&manager) {
                    findings.push(Finding::warning(
                        "dotted-manager-not-found",
                        format!("dotted-line manager '{manager}' is not in the file; the line is dropped"),
                        at(row, "dotted_managers"),
                    ));
                } else if org.add_dotted_line(&manager, &id).is_err() {
                    findings.push(Finding::warning(
                        "self-dotted-line",
                        format!("'{id}' has a dotted line to themselves; it is dropped"),
                        at(row, "dotted_managers"),
                    ));
                }
            }
            for team in supports {
                let team_id = TeamId(team);
                if org.team(&team_id).is_none() {
                    findings.push(Finding::warning(
                        "support-team-not-found",
                        format!("supported team '{team_id}' has no members in the file; the assignment is dropped"),
                        at(row, "supports"),
                    ));
                    continue;
                }
                let staff_plus = org.person(&id).is_some_and(|p| org.is_staff_plus(p));
                if !staff_plus {
                    findings.push(Finding::warning(
                        "support-by-non-staff-plus",
                        format!(
                            "'{id}' supports '{team_id}' but is not staff+ by level or title; kept, but it does not count toward coverage"
                        ),
                        at(row, "supports"),
                    ));
                }
                let _ = org.add_support(&id, &team_id);
            }
        }
        findings.sort_by_key(|f| f.location.row);
        Ok((org, findings))
    }
}

/// Finds every cycle in a parent array and breaks each by making its first
/// member a root, so the caller can keep validating. Returns the cycles.
fn find_cycles(parent: &mut [u32]) -> Vec<Vec<u32>> {
    const UNSEEN: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![UNSEEN; parent.len()];
    let mut cycles = Vec::new();
    let mut path = Vec::new();
    for start in 0..parent.len() {
        if state[start] != UNSEEN {
            continue;
        }
        path.clear();
        let mut node = start as u32;
        loop {
            let s = state[node as usize];
            if s == DONE {
                break;
            }
            if s == ON_PATH {
                let from = path.iter().position(|&p| p == node).unwrap_or(0);
                let cycle: Vec<u32> = path[from..].to_vec();
                if cycles.len() < MAX_CYCLES_REPORTED {
                    cycles.push(cycle.clone());
                }
                parent[cycle[0] as usize] = NO_PARENT;
                break;
            }
            state[node as usize] = ON_PATH;
            path.push(node);
            match parent[node as usize] {
                NO_PARENT => break,
                p => node = p,
            }
        }
        for &p in &path {
            state[p as usize] = DONE;
        }
    }
    cycles
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(row: u64, id: &str, manager: &str) -> PersonRecord {
        PersonRecord {
            row,
            id: id.to_string(),
            manager_id: manager.to_string(),
            ..PersonRecord::default()
        }
    }

    fn build(records: &[PersonRecord]) -> Result<(Org, Vec<Finding>), Vec<Finding>> {
        Org::from_records(
            records.to_vec(),
            "people.csv",
            Ladder::default(),
            Policy::default(),
        )
    }

    #[test]
    fn duplicate_ids_name_both_rows() {
        let findings = build(&[record(2, "a", ""), record(3, "b", "a"), record(4, "a", "")])
            .expect_err("duplicate");
        let dup = findings
            .iter()
            .find(|f| f.code == "duplicate-id")
            .expect("reported");
        assert!(
            dup.message.contains("row 2") && dup.message.contains("row 4"),
            "{dup}"
        );
        assert_eq!(dup.location.row, Some(4));
        assert_eq!(dup.location.column.as_deref(), Some("id"));
    }

    #[test]
    fn cycles_are_errors_naming_the_cycle() {
        let findings = build(&[
            record(2, "root", ""),
            record(3, "a", "c"),
            record(4, "b", "a"),
            record(5, "c", "b"),
            record(6, "x", "y"),
            record(7, "y", "x"),
        ])
        .expect_err("cycles");
        let cycles: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.code == "manager-cycle")
            .collect();
        assert_eq!(cycles.len(), 2);
        assert!(cycles[0].message.contains("a (row 3)"), "{}", cycles[0]);
        assert!(cycles[0].message.contains("b (row 4)"));
        assert!(cycles[0].message.contains("c (row 5)"));
    }

    #[test]
    fn self_and_missing_managers_are_warnings_and_roots() {
        let (org, warnings) = build(&[
            record(2, "a", "a"),
            record(3, "b", "ghost"),
            record(4, "c", "ghost"),
            record(5, "d", "b"),
        ])
        .expect("warnings only");
        assert_eq!(org.manager_of(&"a".into()), None);
        assert_eq!(org.manager_of(&"b".into()), None);
        assert_eq!(org.manager_of(&"d".into()), Some(&"b".into()));
        let codes: Vec<&str> = warnings.iter().map(|w| w.code.as_str()).collect();
        assert_eq!(codes, ["self-manager", "manager-not-found"]);
        assert!(warnings[1].message.contains("2 report(s)"));
    }

    #[test]
    fn teams_support_and_dotted_lines_are_built() {
        let mut architect = record(3, "arch", "cto");
        architect.title = "Principal Engineer".into();
        architect.team = "Architecture".into();
        architect.supports = vec!["Payments".into(), "Nowhere".into()];
        architect.dotted_managers = vec!["em".into()];
        let mut em = record(4, "em", "cto");
        em.team = "Payments".into();
        let (org, warnings) = build(&[record(2, "cto", ""), architect, em]).expect("valid");
        assert_eq!(org.teams().len(), 2);
        assert_eq!(
            org.team(&"Architecture".into()).map(|t| t.kind),
            Some(TeamKind::Architecture)
        );
        assert_eq!(org.support_assignments().len(), 1);
        assert_eq!(
            org.dotted_managers_of(&"arch".into()),
            vec![&PersonId::from("em")]
        );
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, "support-team-not-found");
    }
}
