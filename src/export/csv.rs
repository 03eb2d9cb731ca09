//! CSV: one row per person, the importer's columns under its header names,
//! quoted by the `csv` crate wherever a value needs it.
//!
//! Encoding (what `crate::import` reads back to the same org):
//! - `team` is the team id; the importer names a team after its id, so a
//!   team whose name differs from its id comes back named by its id.
//!   `department` and `team_kind` repeat the team's on each member's row.
//! - `cost` is a plain decimal with two places (`131999.92`), exact to the
//!   cent; empty when unknown; the column is absent when costs are redacted.
//! - dates are ISO `YYYY-MM-DD`, empty when unknown.
//! - `supports` (team ids) and `dotted_managers` (person ids) are sorted
//!   and joined with `;`.
//!
//! What CSV cannot carry: team leads, teams without members (and support
//! of them), the ladder and the policy, and leading or trailing spaces in
//! values (the importer trims them). Use JSON for the whole model.

use super::rows::{for_each_person_row, people_headers};
use super::{export_error, DataFormat};
use crate::error::Result;
use crate::model::Org;

pub(crate) fn write(org: &Org, redact_cost: bool, out: &mut dyn std::io::Write) -> Result<()> {
    let failed = |err: ::csv::Error| export_error(DataFormat::Csv, err);
    let mut writer = ::csv::WriterBuilder::new().from_writer(out);
    writer
        .write_record(people_headers(redact_cost))
        .map_err(failed)?;
    for_each_person_row(org, redact_cost, |row| {
        for cell in row {
            writer
                .write_field(cell.as_text().as_bytes())
                .map_err(failed)?;
        }
        // An empty record ends the row the fields above started.
        writer
            .write_record(std::iter::empty::<&[u8]>())
            .map_err(failed)
    })?;
    writer
        .flush()
        .map_err(|err| export_error(DataFormat::Csv, err))
}
