//! JSON: the whole model, in a fixed order (people in org order, teams in
//! org order, dotted lines and support sorted) so that equal orgs give
//! equal files. Costs are integer cents, as everywhere in Orgraph's JSON.

use super::{export_error, DataFormat};
use crate::error::Result;
use crate::model::{Ladder, Org, PersonId, Policy, ShortText, Status, Team, TeamId};
use crate::money::Money;
use chrono::NaiveDate;
use serde::Serialize;

/// Bumped when a field changes meaning or goes away.
const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    cost_redacted: bool,
    people: Vec<PersonOut<'a>>,
    teams: &'a [Team],
    dotted_lines: Vec<DottedLine<'a>>,
    support: Vec<Support<'a>>,
    ladder: &'a Ladder,
    policy: &'a Policy,
}

#[derive(Serialize)]
struct PersonOut<'a> {
    id: &'a PersonId,
    /// Solid-line manager; `null` for a root.
    manager: Option<&'a PersonId>,
    name: &'a ShortText,
    title: &'a str,
    level: &'a str,
    location: &'a str,
    /// Outer `None` (redacted) leaves the field out; inner `None` is an
    /// unknown cost, written as `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    cost: Option<Option<Money>>,
    status: Status,
    team: Option<&'a TeamId>,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
}

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
struct DottedLine<'a> {
    manager: &'a PersonId,
    report: &'a PersonId,
}

#[derive(Serialize)]
struct Support<'a> {
    person: &'a PersonId,
    team: &'a TeamId,
}

pub(crate) fn write(org: &Org, redact_cost: bool, out: &mut dyn std::io::Write) -> Result<()> {
    let ids: Vec<&PersonId> = org.people().map(|p| &p.id).collect();
    let people = org
        .people()
        .zip(org.parent_positions())
        .map(|(person, parent)| PersonOut {
            id: &person.id,
            manager: ids.get(parent as usize).copied(),
            name: &person.name,
            title: &person.title,
            level: &person.level,
            location: &person.location,
            cost: (!redact_cost).then_some(person.cost),
            status: person.status,
            team: person.team.as_ref(),
            start_date: person.start_date,
            end_date: person.end_date,
        })
        .collect();
    let mut dotted_lines: Vec<DottedLine<'_>> = org
        .dotted_lines()
        .into_iter()
        .map(|(manager, report)| DottedLine { manager, report })
        .collect();
    dotted_lines.sort_unstable();
    let document = Document {
        format: "orgraph-export",
        version: VERSION,
        cost_redacted: redact_cost,
        people,
        teams: org.teams(),
        dotted_lines,
        // A BTreeSet: already sorted by person, then team.
        support: org
            .support_assignments()
            .iter()
            .map(|(person, team)| Support { person, team })
            .collect(),
        ladder: &org.ladder,
        policy: &org.policy,
    };
    let failed = |err: std::io::Error| export_error(DataFormat::Json, err);
    serde_json::to_writer_pretty(&mut *out, &document)
        .map_err(|err| export_error(DataFormat::Json, err))?;
    out.write_all(b"\n").map_err(failed)?;
    out.flush().map_err(failed)
}
