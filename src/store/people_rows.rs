//! Reads an org kept as rows in the `teams`, `people`, `dotted_lines` and
//! `support` tables: the reader for a workspace that holds no baseline
//! image. Rows that break the model's invariants make the workspace
//! corrupt; it is never half-loaded.

use super::{corrupt, storage_error};
use crate::error::Result;
use crate::model::{Forest, Interner, Org, Person, PersonId, Team, TeamId, NO_PARENT};
use crate::money::Money;
use rusqlite::Connection;
use std::collections::HashMap;
use std::path::Path;

/// Adds the stored teams, people, reporting lines, dotted lines and
/// support to `org`.
pub(super) fn read(conn: &Connection, path: &Path, org: &mut Org) -> Result<()> {
    read_teams(conn, path, org)?;
    let managers = read_people(conn, path, org)?;
    attach_managers(path, org, &managers)?;
    read_links(conn, path, org)
}

fn read_teams(conn: &Connection, path: &Path, org: &mut Org) -> Result<()> {
    let map = |e| storage_error(path, e);
    let mut teams = conn
        .prepare("SELECT id, name, kind, lead_id, department FROM teams ORDER BY rowid")
        .map_err(map)?;
    let mut rows = teams.query([]).map_err(map)?;
    while let Some(row) = rows.next().map_err(map)? {
        let kind: String = row.get(2).map_err(map)?;
        let team = Team {
            id: TeamId(row.get(0).map_err(map)?),
            name: row.get(1).map_err(map)?,
            kind: kind.parse().map_err(|e: String| corrupt(path, e))?,
            lead: row
                .get::<_, Option<String>>(3)
                .map_err(map)?
                .map(PersonId::new),
            department: row.get(4).map_err(map)?,
        };
        org.add_team(team)
            .map_err(|e| corrupt(path, e.to_string()))?;
    }
    Ok(())
}

/// Adds the people, in stored order, and returns each one's manager id.
fn read_people(conn: &Connection, path: &Path, org: &mut Org) -> Result<Vec<Option<String>>> {
    let map = |e| storage_error(path, e);
    let mut people = conn
        .prepare(
            "SELECT id, manager_id, name, title, level, location, cost_cents, status, team_id,
                    start_date, end_date
             FROM people ORDER BY rowid",
        )
        .map_err(map)?;
    let mut rows = people.query([]).map_err(map)?;
    let mut managers: Vec<Option<String>> = Vec::new();
    let mut strings = Interner::new();
    while let Some(row) = rows.next().map_err(map)? {
        let mut shared = |column: usize| -> Result<std::sync::Arc<str>> {
            let text = row.get_ref(column).map_err(map)?;
            let text = text.as_str().map_err(|e| corrupt(path, e.to_string()))?;
            Ok(strings.intern(text))
        };
        let (title, level, location) = (shared(3)?, shared(4)?, shared(5)?);
        let team = match row.get_ref(8).map_err(map)?.as_str_or_null() {
            Ok(None) => None,
            Ok(Some(team)) => Some(
                org.team(&TeamId::from(team))
                    .map(|t| t.id.clone())
                    .ok_or_else(|| {
                        corrupt(path, format!("a person is in unknown team '{team}'"))
                    })?,
            ),
            Err(e) => return Err(corrupt(path, e.to_string())),
        };
        let status: String = row.get(7).map_err(map)?;
        let person = Person {
            id: PersonId::new(row.get::<_, String>(0).map_err(map)?),
            name: row.get::<_, String>(2).map_err(map)?.into(),
            title,
            level,
            location,
            cost: row
                .get::<_, Option<i64>>(6)
                .map_err(map)?
                .map(Money::from_cents),
            status: status.parse().map_err(|e: String| corrupt(path, e))?,
            team,
            start_date: row.get(9).map_err(map)?,
            end_date: row.get(10).map_err(map)?,
        };
        managers.push(row.get(1).map_err(map)?);
        org.add_person(person)
            .map_err(|e| corrupt(path, e.to_string()))?;
    }
    Ok(managers)
}

/// Builds the reporting forest from each person's manager id (in the
/// order the people were added).
fn attach_managers(path: &Path, org: &mut Org, managers: &[Option<String>]) -> Result<()> {
    let position: HashMap<&str, u32> = org
        .people()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i as u32))
        .collect();
    let mut parent = vec![NO_PARENT; managers.len()];
    for (i, manager) in managers.iter().enumerate() {
        if let Some(manager) = manager {
            parent[i] = *position
                .get(manager.as_str())
                .ok_or_else(|| corrupt(path, format!("unknown manager '{manager}'")))?;
        }
    }
    drop(position);
    let forest = Forest::from_parents(parent)
        .map_err(|_| corrupt(path, "the reporting lines contain a cycle"))?;
    org.attach_forest(&forest);
    Ok(())
}

/// Adds the dotted lines and the support of teams.
fn read_links(conn: &Connection, path: &Path, org: &mut Org) -> Result<()> {
    let map = |e| storage_error(path, e);
    let pairs = |sql: &str| -> Result<Vec<(String, String)>> {
        let mut stmt = conn.prepare(sql).map_err(map)?;
        let rows = stmt
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .map_err(map)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(map)
    };
    for (manager, report) in pairs("SELECT manager_id, report_id FROM dotted_lines")? {
        org.add_dotted_line(&PersonId::new(manager), &PersonId::new(report))
            .map_err(|e| corrupt(path, e.to_string()))?;
    }
    for (person, team) in pairs("SELECT person_id, team_id FROM support")? {
        org.add_support(&PersonId::new(person), &TeamId::from(team.as_str()))
            .map_err(|e| corrupt(path, e.to_string()))?;
    }
    Ok(())
}
