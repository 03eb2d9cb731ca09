//! An XLSX sheet's cells gathered as calamine's `worksheet_range` gathers
//! them, with the grid's size checked before it is made. calamine sizes
//! a sheet's grid by its outermost cells, so one stray cell far away
//! (`ZZZZZZ2`, `A4000000000`: a kilobyte of XML) would ask for tens of
//! gigabytes and abort the process; a grid far larger than its cells is
//! refused instead. The `xlsx_import` fuzz target keeps such sheets in its
//! corpus.

use calamine::{Cell, Data, DataRef, Range, Xlsx, XlsxError};
use std::io::{Read, Seek};

/// Excel's own limits: no spreadsheet program writes a cell past them.
const MAX_ROWS: u64 = 1 << 20;
const MAX_COLUMNS: u64 = 1 << 14;
/// How many grid cells a sheet may have per non-empty cell, beyond a
/// floor: an export with only its id column filled is far below it.
const GRID_PER_CELL: u64 = 64;
const GRID_FLOOR: u64 = 1 << 20;

/// The sheet `name` as a range of its non-empty cells (as
/// `Reader::worksheet_range` reads it), or why its grid is refused.
pub(super) fn bounded_range<RS: Read + Seek>(
    workbook: &mut Xlsx<RS>,
    name: &str,
) -> Result<Range<Data>, String> {
    let mut reader = match workbook.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        // A chart sheet: no cells, as `worksheet_range` has it.
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Range::default()),
        Err(error) => return Err(error.to_string()),
    };
    let mut cells = Vec::new();
    let (mut first, mut last) = ((u32::MAX, u32::MAX), (0, 0));
    while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        let (row, column) = cell.get_position();
        if u64::from(row) >= MAX_ROWS || u64::from(column) >= MAX_COLUMNS {
            return Err(format!(
                "a cell lies at row {}, column {}, past the {MAX_ROWS} rows and {MAX_COLUMNS} columns a sheet has",
                u64::from(row) + 1,
                u64::from(column) + 1
            ));
        }
        first = (first.0.min(row), first.1.min(column));
        last = (last.0.max(row), last.1.max(column));
        cells.push(Cell::new(
            (row, column),
            Data::from(cell.get_value().clone()),
        ));
    }
    if let Some(grid) = grid_size(first, last) {
        let allowed = (cells.len() as u64).saturating_mul(GRID_PER_CELL) + GRID_FLOOR;
        if grid > allowed {
            return Err(format!(
                "its {} cells are spread over a grid of {grid} ({} rows by {} columns); \
                 a stray cell far from the rest?",
                cells.len(),
                u64::from(last.0 - first.0) + 1,
                u64::from(last.1 - first.1) + 1
            ));
        }
    }
    Ok(Range::from_sparse(cells))
}

fn grid_size(first: (u32, u32), last: (u32, u32)) -> Option<u64> {
    let rows = u64::from(last.0.checked_sub(first.0)?) + 1;
    let columns = u64::from(last.1.checked_sub(first.1)?) + 1;
    Some(rows * columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{open_workbook, Reader};
    use rust_xlsxwriter::Workbook;
    use std::path::Path;

    fn write(path: &Path, cells: &[(u32, u16, &str)]) {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        for &(row, column, text) in cells {
            sheet.write_string(row, column, text).expect("written");
        }
        workbook.save(path).expect("saved");
    }

    /// A sheet reads exactly as calamine's own `worksheet_range` reads it.
    #[test]
    fn a_sheet_reads_as_calamine_reads_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("people.xlsx");
        write(
            &path,
            &[
                (2, 1, "id"),
                (2, 2, "name"),
                (3, 1, "a"),
                (5, 2, "Bo"),
                (6, 4, "x"),
            ],
        );
        let mut workbook: Xlsx<_> = open_workbook(&path).expect("opens");
        let expected = workbook.worksheet_range("Sheet1").expect("reads");
        let ours = bounded_range(&mut workbook, "Sheet1").expect("reads");
        assert_eq!(ours, expected);
        assert_eq!(ours.start(), Some((2, 1)));
    }

    /// Two cells at opposite corners of a sheet would need a grid of 17
    /// billion cells: refused, not allocated.
    #[test]
    fn a_stray_far_cell_is_refused_before_the_grid_is_made() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("people.xlsx");
        write(&path, &[(0, 0, "id"), (1_048_575, 16_383, "far away")]);
        let mut workbook: Xlsx<_> = open_workbook(&path).expect("opens");
        let error = bounded_range(&mut workbook, "Sheet1").expect_err("refused");
        assert!(error.contains("1048576 rows by 16384 columns"), "{error}");
    }
}
