//! CSV: one row per person, then one row per team without members, the
//! importer's columns under its header names, quoted by the `csv` crate
//! wherever a value needs it.
//!
//! Encoding (what `crate::import` reads back to the same org):
//! - `team` is the team id; `team_name` its name when that differs from
//!   the id (empty: the importer names the team by its id). `team_name`,
//!   `department` and `team_kind` repeat the team's on each member's row.
//! - a team without members gets a team row after the people, sorted by
//!   team id: `team`, `team_name`, `department` and `team_kind` filled,
//!   every other column (the id first) empty. The importer reads a row
//!   with no id and only team values as a declaration of the team, so
//!   the team, its lead and the support of it come back.
//! - `leads` (team ids) is on the lead's row; `supports` (team ids) and
//!   `dotted_managers` (person ids) on the supporter's and the report's;
//!   each list sorted and joined with `;`.
//! - `cost` is a plain decimal with two places (`131999.92`), exact to the
//!   cent; empty when unknown; the column is absent when costs are redacted.
//! - dates are ISO `YYYY-MM-DD`, empty when unknown.
//!
//! What CSV cannot carry: the ladder and the policy, and leading or
//! trailing spaces in values (the importer trims them). Use JSON for the
//! whole model.

use super::rows::{for_each_memberless_team_row, for_each_person_row, people_headers, Cell};
use super::{export_error, DataFormat};
use crate::error::Result;
use crate::model::Org;

pub(crate) fn write(org: &Org, redact_cost: bool, out: &mut dyn std::io::Write) -> Result<()> {
    let failed = |err: ::csv::Error| export_error(DataFormat::Csv, err);
    let mut writer = ::csv::WriterBuilder::new().from_writer(out);
    writer
        .write_record(people_headers(redact_cost))
        .map_err(failed)?;
    let mut write_row = |row: &[Cell<'_>]| {
        for cell in row {
            writer
                .write_field(cell.as_text().as_bytes())
                .map_err(failed)?;
        }
        // An empty record ends the row the fields above started.
        writer
            .write_record(std::iter::empty::<&[u8]>())
            .map_err(failed)
    };
    for_each_person_row(org, redact_cost, &mut write_row)?;
    for_each_memberless_team_row(org, redact_cost, &mut write_row)?;
    writer
        .flush()
        .map_err(|err| export_error(DataFormat::Csv, err))
}
