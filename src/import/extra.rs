//! Values past the header's last column. HRIS exports leave trailing
//! cells empty, and a short row reads as empty values; but a value in a
//! column the header does not name is not read at all, so a row holding
//! one (a delimiter inside an unquoted value splits it: `Smith, Jr.`) is
//! warned of rather than losing the value silently.

use crate::model::{Finding, Location};

/// The 0-based column of the first non-blank value at or past `width`;
/// `value(i)` is column i's bytes, `None` past the row's end.
pub(super) fn first_value_past<'v>(
    width: usize,
    value: impl Fn(usize) -> Option<&'v [u8]>,
) -> Option<usize> {
    (width..)
        .map_while(|i| value(i).map(|v| (i, v)))
        .find(|(_, v)| !v.trim_ascii().is_empty())
        .map(|(i, _)| i)
}

/// A sheet's width: its header up to the last named cell. Its rows are
/// as wide as the sheet's used range, so blank header cells past the last
/// name are not columns.
pub(super) fn sheet_width(headers: &[String]) -> usize {
    headers
        .iter()
        .rposition(|h| !h.trim().is_empty())
        .map_or(0, |last| last + 1)
}

/// The warning for `row` of `file`, whose first value past the header's
/// `width` columns is in column `first` (0-based). The value itself is
/// left out: it may be anything, a salary included.
pub(super) fn finding(file: &str, row: u64, width: usize, first: usize) -> Finding {
    Finding::warning(
        "values-past-header",
        format!(
            "this row has a value in column {}, past the header's {width} column(s): values \
             there are not read (a delimiter inside an unquoted value splits it; quote it)",
            first + 1
        ),
        Location {
            file: file.to_string(),
            row: Some(row),
            column: Some(format!("column {}", first + 1)),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{load, ImportOptions, ManagerRef};
    use crate::model::{Ladder, Policy};

    #[test]
    fn only_non_blank_values_past_the_header_count() {
        let row: Vec<&[u8]> = vec![b"1", b"", b"A", b"", b" ", b"x", b"y"];
        let value = |i: usize| row.get(i).copied();
        assert_eq!(first_value_past(3, value), Some(5));
        assert_eq!(first_value_past(7, value), None);
        assert_eq!(first_value_past(3, |i| row[..5].get(i).copied()), None);
    }

    /// On every path (streamed CSV, CSV read whole, spreadsheet) a row
    /// with a value past the header is warned of, naming row and column.
    #[test]
    fn a_value_past_the_header_is_warned_of() {
        let dir = tempfile::tempdir().expect("temp dir");
        let rows: [&[&str]; 4] = [
            &["id", "manager", "email", "name"],
            &["a", "", "a@x.org", "Smith", " Jr.", ""],
            &["b", "a@x.org", "b@x.org", "Bo", "", ""],
            &["c", "a@x.org", "c@x.org"],
        ];
        let csv = dir.path().join("people.csv");
        let text: String = rows.iter().map(|r| r.join(",") + "\n").collect();
        std::fs::write(&csv, text).expect("written");
        let xlsx = dir.path().join("people.xlsx");
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        for (r, row) in rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                sheet
                    .write_string(r as u32, c as u16, *value)
                    .expect("written");
            }
        }
        workbook.save(&xlsx).expect("saved");
        for (path, manager_ref) in [(&csv, None), (&csv, Some(ManagerRef::Email)), (&xlsx, None)] {
            let options = ImportOptions {
                manager_ref,
                ..ImportOptions::default()
            };
            let (org, warnings) = load(path, &options, Ladder::default(), Policy::default())
                .unwrap_or_else(|e| panic!("{path:?}: {e}"));
            assert_eq!(org.len(), 3);
            let past: Vec<(Option<u64>, Option<&str>)> = warnings
                .iter()
                .filter(|w| w.code == "values-past-header")
                .map(|w| (w.location.row, w.location.column.as_deref()))
                .collect();
            assert_eq!(
                past,
                [(Some(2), Some("column 5"))],
                "{path:?} {manager_ref:?}"
            );
        }
    }
}
