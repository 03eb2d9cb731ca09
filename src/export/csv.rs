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
//! - a text cell a spreadsheet would run as a formula (`=...`, `+...`,
//!   `-...`, `@...`, a leading tab or carriage return) is written with a
//!   `'` in front, which the importer takes off again
//!   (`crate::formula_guard`); `cost` is a number and never guarded.
//!
//! What CSV cannot carry: the ladder and the policy, and leading or
//! trailing spaces in values (the importer trims them). Use JSON for the
//! whole model.

use super::rows::{for_each_memberless_team_row, for_each_person_row, people_headers, Cell};
use super::{export_error, DataFormat};
use crate::error::Result;
use crate::formula_guard::guard;
use crate::model::Org;
use std::borrow::Cow;

pub(crate) fn write(org: &Org, redact_cost: bool, out: &mut dyn std::io::Write) -> Result<()> {
    let failed = |err: ::csv::Error| export_error(DataFormat::Csv, err);
    let mut writer = ::csv::WriterBuilder::new().from_writer(out);
    writer
        .write_record(people_headers(redact_cost))
        .map_err(failed)?;
    let mut write_row = |row: &[Cell<'_>]| {
        for cell in row {
            let text = cell.as_text();
            let written = match cell {
                Cell::Money(_) => Cow::Borrowed(text.as_ref()),
                _ => guard(&text),
            };
            writer.write_field(written.as_bytes()).map_err(failed)?;
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

#[cfg(test)]
mod tests {
    use crate::export::{export_data, DataFormat, ExportOptions};
    use crate::import::load_signed_csv_text;
    use crate::metrics::{compute, View};
    use crate::model::{Ladder, Policy};
    use crate::Org;

    /// Names a spreadsheet would run, and a negative cost, which is a number.
    const FORMULAS: &str = "id,manager_id,name,title,cost\n\
        a,,\"=HYPERLINK(\"\"http://x.test\"\",\"\"Ada\"\")\",@SUM(A1:A9),-5\n\
        b,a,+cmd|' /C calc'!A0,-2+3,10\n\
        c,a,'=already quoted,-5,\n";

    fn read(csv: &str) -> Org {
        let (org, warnings) = load_signed_csv_text(
            csv.as_bytes(),
            "t.csv",
            Ladder::default(),
            Policy::default(),
        )
        .expect("imports");
        assert!(warnings.is_empty(), "{warnings:?}");
        org
    }

    fn write(org: &Org) -> String {
        let mut out = Vec::new();
        let metrics = compute(org, View::Current);
        export_data(
            org,
            &metrics,
            DataFormat::Csv,
            &ExportOptions::default(),
            &mut out,
        )
        .expect("exports");
        String::from_utf8(out).expect("UTF-8")
    }

    fn texts(org: &Org) -> Vec<(String, String)> {
        org.people()
            .map(|p| (p.name.to_string(), p.title.to_string()))
            .collect()
    }

    #[test]
    fn formula_cells_are_written_behind_a_quote_and_numbers_are_not() {
        let csv = write(&read(FORMULAS));
        let rows: Vec<&str> = csv.lines().skip(1).collect();
        assert_eq!(
            rows,
            [
                "a,,\"'=HYPERLINK(\"\"http://x.test\"\",\"\"Ada\"\")\",'@SUM(A1:A9),,,,-5.00,,active,,,,,,,",
                "b,a,'+cmd|' /C calc'!A0,'-2+3,,,,10.00,,active,,,,,,,",
                // Read as `=already quoted`, so guarded once.
                "c,a,'=already quoted,-5,,,,,,active,,,,,,,",
            ]
        );
    }

    #[test]
    fn the_export_reads_back_to_the_original_text() {
        let org = read(FORMULAS);
        assert_eq!(
            texts(&org)[2],
            ("=already quoted".to_string(), "-5".to_string()),
            "a CSV's own guard is taken off on import"
        );
        let back = read(&write(&org));
        assert_eq!(texts(&back), texts(&org));
        assert_eq!(
            back.people().map(|p| p.cost).collect::<Vec<_>>(),
            org.people().map(|p| p.cost).collect::<Vec<_>>()
        );
    }
}
