//! The People columns shared by the CSV and the XLSX People sheet, so both
//! carry exactly what the CSV importer (`crate::import`) reads, under the
//! header names it maps.

use crate::error::{OrgError, Result};
use crate::model::{Org, PersonId, Team, TeamId};
use crate::money::Money;
use rustc_hash::{FxHashMap, FxHashSet};

/// Every column the importer reads, in file order, spelled as it names
/// them. `cost` is left out when costs are redacted.
const PEOPLE_HEADERS: [&str; 17] = [
    "id",
    "manager_id",
    "name",
    "title",
    "team",
    "team_name",
    "level",
    "cost",
    "location",
    "status",
    "department",
    "team_kind",
    "supports",
    "dotted_managers",
    "leads",
    "start_date",
    "end_date",
];

/// Separator written between items of a list column. The importer splits
/// on `;` and `|`, so an item holding either cannot be written.
const LIST_SEPARATOR: &str = ";";

pub(crate) fn people_headers(redact_cost: bool) -> Vec<&'static str> {
    PEOPLE_HEADERS
        .into_iter()
        .filter(|&header| !(redact_cost && header == "cost"))
        .collect()
}

/// One value of a People row. Money stays a number so the XLSX can write a
/// number cell; the CSV writes it as `131999.92`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    Money(Money),
    Empty,
}

impl Cell<'_> {
    /// The cell as CSV text: money as a plain decimal with two places, the
    /// form `Money::parse` reads back exactly.
    pub(crate) fn as_text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Text(text) => (*text).into(),
            Cell::Owned(text) => text.as_str().into(),
            Cell::Money(money) => money.to_string().into(),
            Cell::Empty => "".into(),
        }
    }
}

fn text(value: &str) -> Cell<'_> {
    if value.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(value)
    }
}

/// Joins list items, refusing an item the importer would split apart:
/// a silently different org on re-import is worse than no file.
fn list(column: &str, items: &[&str]) -> Result<Cell<'static>> {
    if let Some(bad) = items.iter().find(|item| item.contains([';', '|'])) {
        return Err(OrgError::InvalidInput(format!(
            "'{bad}' in column {column} contains ';' or '|', which separate list items on import; rename it before exporting"
        )));
    }
    Ok(if items.is_empty() {
        Cell::Empty
    } else {
        Cell::Owned(items.join(LIST_SEPARATOR))
    })
}

/// The team columns of a row, spelled alike on a member's row and on a
/// team's own row.
struct TeamColumns<'a> {
    id: Cell<'a>,
    name: Cell<'a>,
    department: Cell<'a>,
    kind: Cell<'a>,
}

impl<'a> TeamColumns<'a> {
    fn of(team_id: &'a str, team: Option<&'a Team>) -> TeamColumns<'a> {
        TeamColumns {
            id: text(team_id),
            // Only a name that differs from the id: the importer names a
            // team by its id otherwise.
            name: text(
                team.map(|t| t.name.as_str())
                    .filter(|name| *name != team_id)
                    .unwrap_or(""),
            ),
            department: text(team.and_then(|t| t.department.as_deref()).unwrap_or("")),
            kind: team.map_or(Cell::Empty, |t| Cell::Text(t.kind.as_str())),
        }
    }
}

/// Calls `emit` with each person's row, in people order, with the columns
/// of [`people_headers`]. One row buffer is reused for everyone.
pub(crate) fn for_each_person_row(
    org: &Org,
    redact_cost: bool,
    mut emit: impl FnMut(&[Cell<'_>]) -> Result<()>,
) -> Result<()> {
    let people: Vec<&PersonId> = org.people().map(|p| &p.id).collect();
    let parents = org.parent_positions();
    let mut dotted: FxHashMap<&PersonId, Vec<&str>> = FxHashMap::default();
    for (manager, report) in org.dotted_lines() {
        dotted.entry(report).or_default().push(manager.as_str());
    }
    // Graph edge order is an accident of editing history; sorted lists
    // make the file depend on the org only.
    dotted
        .values_mut()
        .for_each(|managers| managers.sort_unstable());
    let mut supports: FxHashMap<&PersonId, Vec<&str>> = FxHashMap::default();
    for (person, team) in org.support_assignments() {
        supports.entry(person).or_default().push(team.as_str());
    }
    let mut leads: FxHashMap<&PersonId, Vec<&str>> = FxHashMap::default();
    for team in org.teams() {
        if let Some(lead) = &team.lead {
            leads.entry(lead).or_default().push(team.id.as_str());
        }
    }
    leads.values_mut().for_each(|teams| teams.sort_unstable());

    let no_items = Vec::new();
    let mut row: Vec<Cell<'_>> = Vec::with_capacity(PEOPLE_HEADERS.len());
    for (person, &parent) in org.people().zip(&parents) {
        let team = person.team.as_ref().and_then(|id| org.team(id));
        let team_id = person.team.as_ref().map_or("", TeamId::as_str);
        let team = TeamColumns::of(team_id, team);
        let manager = match people.get(parent as usize) {
            Some(id) => Cell::Text(id.as_str()),
            // A root whose file named a manager it did not contain: the
            // reference goes back, so a re-import groups them again.
            None => org
                .absent_managers
                .reference_of(&person.id)
                .map_or(Cell::Empty, Cell::Text),
        };
        row.clear();
        row.push(Cell::Text(person.id.as_str()));
        row.push(manager);
        row.push(text(&person.name));
        row.push(text(&person.title));
        row.push(team.id);
        row.push(team.name);
        row.push(text(&person.level));
        if !redact_cost {
            row.push(person.cost.map_or(Cell::Empty, Cell::Money));
        }
        row.push(text(&person.location));
        row.push(Cell::Text(person.status.as_str()));
        row.push(team.department);
        // Written on every row of a team, though the importer takes the
        // first: any row can then be read alone.
        row.push(team.kind);
        row.push(list(
            "supports",
            supports.get(&person.id).unwrap_or(&no_items),
        )?);
        row.push(list(
            "dotted_managers",
            dotted.get(&person.id).unwrap_or(&no_items),
        )?);
        row.push(list("leads", leads.get(&person.id).unwrap_or(&no_items))?);
        row.push(date(person.start_date));
        row.push(date(person.end_date));
        emit(&row)?;
    }
    Ok(())
}

/// Calls `emit` with a row for each team that has no members, sorted by
/// id, in the columns of [`people_headers`]: the team columns filled and
/// every person column empty, which the importer reads as a declaration
/// of the team. Without these rows such a team, its lead and the support
/// of it would be lost, as no person row names it as a home team.
pub(crate) fn for_each_memberless_team_row(
    org: &Org,
    redact_cost: bool,
    mut emit: impl FnMut(&[Cell<'_>]) -> Result<()>,
) -> Result<()> {
    let staffed: FxHashSet<&TeamId> = org.people().filter_map(|p| p.team.as_ref()).collect();
    let mut memberless: Vec<&Team> = org
        .teams()
        .iter()
        .filter(|team| !staffed.contains(&team.id))
        .collect();
    memberless.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    let headers = people_headers(redact_cost);
    let mut row: Vec<Cell<'_>> = Vec::with_capacity(headers.len());
    for team in memberless {
        let columns = TeamColumns::of(team.id.as_str(), Some(team));
        row.clear();
        row.extend(headers.iter().map(|&header| match header {
            "team" => columns.id.clone(),
            "team_name" => columns.name.clone(),
            "department" => columns.department.clone(),
            "team_kind" => columns.kind.clone(),
            _ => Cell::Empty,
        }));
        emit(&row)?;
    }
    Ok(())
}

/// ISO `YYYY-MM-DD`, the only form the importer reads.
fn date(date: Option<chrono::NaiveDate>) -> Cell<'static> {
    date.map_or(Cell::Empty, |d| {
        Cell::Owned(d.format("%Y-%m-%d").to_string())
    })
}
