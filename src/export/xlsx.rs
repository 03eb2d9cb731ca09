//! XLSX: sheets People, Teams and Metrics.
//!
//! People has exactly the CSV's columns and header row and nothing else, so
//! a spreadsheet reader can import it like the CSV. Ids and every other
//! text are string cells (`007` stays `007`); cost is a number cell shown
//! with two decimals. Importing the workbook reads Teams back too (so teams
//! without members survive the round trip); Metrics is for reading only.

use super::rows::{for_each_person_row, people_headers, Cell};
use super::{export_error, DataFormat};
use crate::error::Result;
use crate::metrics::Metrics;
use crate::model::Org;
use crate::money::Money;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use rustc_hash::FxHashMap;

/// A cell of the Teams and Metrics sheets.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Text(String),
    Count(u64),
    Number(f64),
    Money(Money),
    /// A figure that does not apply (a ratio with nothing to divide by).
    Blank,
}

pub(crate) fn write(
    org: &Org,
    metrics: &Metrics,
    redact_cost: bool,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let failed = |err: XlsxError| export_error(DataFormat::Xlsx, err);
    let mut workbook = Workbook::new();
    let money = Format::new().set_num_format("0.00");

    let people = workbook
        .add_worksheet()
        .set_name("People")
        .map_err(failed)?;
    write_people(people, org, redact_cost, &money)?;

    let (headers, rows) = team_rows(org, metrics, redact_cost);
    let teams = workbook.add_worksheet().set_name("Teams").map_err(failed)?;
    write_table(teams, &headers, &rows, &money).map_err(failed)?;

    let rows: Vec<Vec<Value>> = metric_rows(metrics, redact_cost)
        .into_iter()
        .map(|(name, value)| vec![Value::Text(name.to_string()), value])
        .collect();
    let sheet = workbook
        .add_worksheet()
        .set_name("Metrics")
        .map_err(failed)?;
    write_table(sheet, &["metric", "value"], &rows, &money).map_err(failed)?;

    // `save_to_writer` needs a `Send` writer; the buffer is the file anyway.
    let bytes = workbook.save_to_buffer().map_err(failed)?;
    out.write_all(&bytes)
        .and_then(|()| out.flush())
        .map_err(|err| export_error(DataFormat::Xlsx, err))
}

fn write_people(sheet: &mut Worksheet, org: &Org, redact_cost: bool, money: &Format) -> Result<()> {
    let failed = |err: XlsxError| export_error(DataFormat::Xlsx, err);
    for (column, header) in people_headers(redact_cost).into_iter().enumerate() {
        sheet
            .write_string(0, column as u16, header)
            .map_err(failed)?;
    }
    let mut row: u32 = 0;
    for_each_person_row(org, redact_cost, |cells| {
        row += 1;
        for (column, cell) in cells.iter().enumerate() {
            let column = column as u16;
            match cell {
                Cell::Text(text) => sheet.write_string(row, column, *text),
                Cell::Owned(text) => sheet.write_string(row, column, text),
                Cell::Money(amount) => {
                    sheet.write_number_with_format(row, column, as_number(*amount), money)
                }
                // Unwritten cells read back as empty.
                Cell::Empty => continue,
            }
            .map_err(failed)?;
        }
        Ok(())
    })
}

fn write_table(
    sheet: &mut Worksheet,
    headers: &[&str],
    rows: &[Vec<Value>],
    money: &Format,
) -> std::result::Result<(), XlsxError> {
    for (column, header) in headers.iter().enumerate() {
        sheet.write_string(0, column as u16, *header)?;
    }
    for (index, values) in rows.iter().enumerate() {
        let row = index as u32 + 1;
        for (column, value) in values.iter().enumerate() {
            let column = column as u16;
            match value {
                Value::Text(text) => sheet.write_string(row, column, text)?,
                Value::Count(count) => sheet.write_number(row, column, *count as f64)?,
                Value::Number(number) => sheet.write_number(row, column, *number)?,
                Value::Money(amount) => {
                    sheet.write_number_with_format(row, column, as_number(*amount), money)?
                }
                Value::Blank => continue,
            };
        }
    }
    Ok(())
}

/// Cents as a spreadsheet number. A double holds every cent exactly up to
/// about 90 trillion, far beyond any payroll, and readers round to cents.
fn as_number(amount: Money) -> f64 {
    amount.cents() as f64 / 100.0
}

/// The Teams sheet: every exported team with its lead, department and the
/// headcount (and, unless redacted, cost) of members counted in the
/// metrics' view, so the figures agree with the Metrics sheet.
pub(crate) fn team_rows(
    org: &Org,
    metrics: &Metrics,
    redact_cost: bool,
) -> (Vec<&'static str>, Vec<Vec<Value>>) {
    let mut totals: FxHashMap<&str, (u64, Money)> = FxHashMap::default();
    for person in org.people() {
        if let Some(team) = &person.team {
            if metrics.view.includes(person.status) {
                let total = totals.entry(team.as_str()).or_default();
                total.0 += 1;
                total.1 += person.cost.unwrap_or_default();
            }
        }
    }
    let mut headers = vec!["id", "name", "kind", "lead", "department", "headcount"];
    if !redact_cost {
        headers.push("cost");
    }
    let rows = org
        .teams()
        .iter()
        .map(|team| {
            let (headcount, cost) = totals.get(team.id.as_str()).copied().unwrap_or_default();
            let text =
                |value: Option<&str>| value.map_or(Value::Blank, |v| Value::Text(v.to_string()));
            let mut row = vec![
                Value::Text(team.id.to_string()),
                Value::Text(team.name.clone()),
                Value::Text(team.kind.to_string()),
                text(team.lead.as_ref().map(|lead| lead.as_str())),
                text(team.department.as_deref()),
                Value::Count(headcount),
            ];
            if !redact_cost {
                row.push(Value::Money(cost));
            }
            row
        })
        .collect();
    (headers, rows)
}

/// The Metrics sheet: the summary figures, one per row, named like the
/// fields of the metrics JSON.
pub(crate) fn metric_rows(metrics: &Metrics, redact_cost: bool) -> Vec<(&'static str, Value)> {
    let m = metrics;
    let ratio = |value: Option<f64>| value.map_or(Value::Blank, Value::Number);
    let mut rows = vec![
        ("view", Value::Text(m.view.as_str().to_string())),
        ("people", Value::Count(m.people)),
        ("managers", Value::Count(m.managers)),
        ("ics", Value::Count(m.ics)),
        ("roots", Value::Count(m.roots)),
        ("layers", Value::Count(u64::from(m.layers))),
        ("span_min", Value::Count(u64::from(m.span.min))),
        ("span_median", Value::Number(m.span.median)),
        ("span_mean", Value::Number(m.span.mean)),
        ("span_max", Value::Count(u64::from(m.span.max))),
        ("band_min", Value::Count(u64::from(m.band.min))),
        ("band_max", Value::Count(u64::from(m.band.max))),
        ("band_narrow", Value::Count(m.band.narrow)),
        ("band_in_band", Value::Count(m.band.in_band)),
        ("band_wide", Value::Count(m.band.wide)),
        ("band_single_report", Value::Count(m.band.single_report)),
        ("manager_ic_ratio", ratio(m.manager_ic_ratio)),
        ("coverage_teams", Value::Count(m.coverage.teams)),
        ("coverage_covered", Value::Count(m.coverage.covered)),
        ("coverage_uncovered", Value::Count(m.coverage.uncovered)),
        ("coverage_ratio", ratio(m.coverage.coverage_ratio)),
        ("staff_plus", Value::Count(m.coverage.staff_plus)),
        ("staff_plus_overloaded", Value::Count(m.coverage.overloaded)),
        // The people the view counts: the headcount.
        ("headcount", Value::Count(m.people)),
    ];
    if !redact_cost {
        rows.push(("cost", Value::Money(m.cost)));
    }
    rows
}
