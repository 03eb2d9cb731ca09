//! Reading a spreadsheet (XLSX, and XLS/ODS, which calamine reads the same
//! way) into header and data rows of text, so it maps to records exactly
//! as a CSV does.

use crate::error::{OrgError, Result};
use calamine::{open_workbook_auto, Data, Reader, Sheets};
use std::path::Path;

/// One sheet's cells as text: the first non-empty row is the header.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRows {
    pub sheet: String,
    /// Every sheet in the workbook, in order, for the app to offer.
    pub sheets: Vec<String>,
    pub headers: Vec<String>,
    /// (1-based spreadsheet row, cells) of each data row.
    pub rows: Vec<(u64, Vec<String>)>,
}

/// Whether calamine refused the file for its password: an encrypted
/// workbook says nothing else useful about itself.
fn is_password_protected(err: &calamine::Error) -> bool {
    matches!(
        err,
        calamine::Error::Xlsx(calamine::XlsxError::Password)
            | calamine::Error::Xls(calamine::XlsError::Password)
            | calamine::Error::Ods(calamine::OdsError::Password)
    )
}

/// Reads `sheet`, or the first sheet.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<SheetRows> {
    let unreadable = |detail: String| {
        OrgError::InvalidInput(format!(
            "{}: cannot read this spreadsheet: {detail}",
            path.display()
        ))
    };
    let mut workbook = open_workbook_auto(path).map_err(|e| {
        if is_password_protected(&e) {
            OrgError::InvalidInput(format!(
                "{}: the workbook is password-protected, so it cannot be read; remove the password (Excel: File > Info > Protect Workbook > Encrypt with Password), save, and import again",
                path.display()
            ))
        } else {
            unreadable(e.to_string())
        }
    })?;
    let sheets = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.as_str() == wanted)
            .or_else(|| sheets.iter().find(|s| s.eq_ignore_ascii_case(wanted)))
            .cloned()
            .ok_or_else(|| {
                OrgError::InvalidInput(format!(
                    "{}: no sheet '{wanted}' (sheets: {})",
                    path.display(),
                    sheets.join(", ")
                ))
            })?,
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| unreadable("it has no sheets".to_string()))?,
    };
    let range = match &mut workbook {
        Sheets::Xlsx(xlsx) => super::xlsx_cells::bounded_range(xlsx, &name).map_err(unreadable)?,
        other => other
            .worksheet_range(&name)
            .map_err(|e| unreadable(e.to_string()))?,
    };
    let first_row = range.start().map_or(0, |(row, _)| row as u64);
    let first_column = range.start().map_or(0, |(_, column)| column as usize);
    let mut rows = range.rows().enumerate().map(|(offset, cells)| {
        // Cells left of the used range are empty; keep column positions.
        let mut text = vec![String::new(); first_column];
        text.extend(cells.iter().map(cell_text));
        (first_row + offset as u64 + 1, text)
    });
    let headers = loop {
        match rows.next() {
            Some((_, cells)) if cells.iter().all(String::is_empty) => continue,
            Some((_, cells)) => break cells,
            None => break Vec::new(),
        }
    };
    Ok(SheetRows {
        sheet: name,
        sheets,
        headers,
        rows: rows.collect(),
    })
}

/// A cell as the text a CSV export of it would hold: whole numbers
/// without ".0" (ids and years are often numeric cells), dates as ISO.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(value) => value.to_string(),
        Data::Float(value) if value.fract() == 0.0 && value.abs() < 1e15 => {
            format!("{value:.0}")
        }
        Data::Float(value) => value.to_string(),
        Data::Bool(value) => value.to_string(),
        Data::DateTime(value) => match value.as_datetime() {
            Some(datetime) if datetime.time() == chrono::NaiveTime::MIN => {
                datetime.date().format("%Y-%m-%d").to_string()
            }
            Some(datetime) => datetime.format("%Y-%m-%dT%H:%M:%S").to_string(),
            None => value.as_f64().to_string(),
        },
        Data::Error(error) => format!("#{error:?}"),
    }
}
