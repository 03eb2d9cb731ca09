//! Checks on a source as a whole: an empty file, an empty sheet, or a
//! header with no people under it is refused with a message saying so,
//! never imported as an empty org.

use crate::error::{OrgError, Result};
use crate::model::{Finding, Location, Org};

fn at(file: &str, row: Option<u64>) -> Location {
    Location {
        file: file.to_string(),
        row,
        column: None,
    }
}

/// The finding for a file with nothing in it (no bytes, or only blank
/// lines).
pub(super) fn empty_file(file: &str) -> Finding {
    Finding::error(
        "empty-file",
        "the file is empty: it has no header row and no data rows",
        at(file, None),
    )
}

/// Refuses a file whose first bytes, `head`, are none.
pub(super) fn refuse_empty(head: &[u8], file: &str) -> Result<()> {
    match head {
        [] => Err(OrgError::Validation(vec![empty_file(file)])),
        _ => Ok(()),
    }
}

/// The error for a spreadsheet sheet with no cells; `file` names the
/// workbook and sheet.
pub(super) fn empty_sheet(file: &str, sheet: &str, sheets: &[String]) -> OrgError {
    let others: Vec<&str> = sheets
        .iter()
        .map(String::as_str)
        .filter(|s| *s != sheet)
        .collect();
    let choose = if others.is_empty() {
        String::new()
    } else {
        format!("; choose another sheet ({})", others.join(", "))
    };
    OrgError::Validation(vec![Finding::error(
        "empty-sheet",
        format!("sheet '{sheet}' is empty: it has no header row and no data rows{choose}"),
        at(file, None),
    )])
}

/// `built`, refused when the org has nobody in it: a header with no data
/// rows (or only blank ones), or rows that only declare teams.
pub(super) fn refuse_no_people(
    built: Result<(Org, Vec<Finding>)>,
    file: &str,
) -> Result<(Org, Vec<Finding>)> {
    let (org, mut warnings) = match built {
        Ok((org, warnings)) if org.is_empty() => (org, warnings),
        other => return other,
    };
    let refusal = if org.teams().is_empty() {
        Finding::error(
            "no-rows",
            "the file has a header row but no data rows: there is nobody to import",
            at(file, None),
        )
    } else {
        Finding::error(
            "no-people",
            format!(
                "the file's rows declare {} team(s) but no people: there is nobody to import",
                org.teams().len()
            ),
            at(file, None),
        )
    };
    warnings.push(refusal);
    Err(OrgError::Validation(warnings))
}

#[cfg(test)]
mod tests {
    use crate::error::OrgError;
    use crate::import::{detect, load, load_csv_text, ImportOptions};
    use crate::model::{Ladder, Policy};
    use std::path::Path;

    /// The codes of the errors refusing `path`, or a panic if it imports.
    fn refused(path: &Path) -> Vec<String> {
        let loaded = load(
            path,
            &ImportOptions::default(),
            Ladder::default(),
            Policy::default(),
        );
        match loaded {
            Err(OrgError::Validation(findings)) => findings
                .iter()
                .filter(|f| f.is_error())
                .map(|f| f.code.clone())
                .collect(),
            Err(other) => panic!("{path:?}: not a validation error: {other}"),
            Ok((org, _)) => panic!("{path:?} imported {} people", org.len()),
        }
    }

    fn workbook(path: &Path, sheets: &[(&str, &[&[&str]])]) {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        for (name, rows) in sheets {
            let sheet = workbook.add_worksheet();
            sheet.set_name(*name).expect("named");
            for (r, row) in rows.iter().enumerate() {
                for (c, value) in row.iter().enumerate() {
                    sheet
                        .write_string(r as u32, c as u16, *value)
                        .expect("written");
                }
            }
        }
        workbook.save(path).expect("saved");
    }

    #[test]
    fn a_header_without_rows_is_refused_not_an_empty_org() {
        let dir = tempfile::tempdir().expect("temp dir");
        let csv = dir.path().join("people.csv");
        for text in [
            "id,manager_id,name\n",
            "id,manager_id\n\n,,\n\n",
            "id,manager_id",
        ] {
            std::fs::write(&csv, text).expect("written");
            assert_eq!(refused(&csv), ["no-rows"], "{text:?}");
            // The review still shows how the header maps.
            let detected = detect(&csv, &ImportOptions::default()).expect("detected");
            assert_eq!(detected.rows, 0);
        }
        // Streamed from memory too.
        let loaded = load_csv_text(
            b"id,manager_id\n",
            "x.csv",
            Ladder::default(),
            Policy::default(),
            0,
        );
        assert!(matches!(loaded, Err(OrgError::Validation(f)) if f[0].code == "no-rows"));

        let xlsx = dir.path().join("people.xlsx");
        workbook(&xlsx, &[("People", &[&["id", "manager_id"]])]);
        assert_eq!(refused(&xlsx), ["no-rows"]);
    }

    #[test]
    fn rows_that_only_declare_teams_are_refused_as_no_people() {
        let dir = tempfile::tempdir().expect("temp dir");
        let csv = dir.path().join("teams.csv");
        std::fs::write(&csv, "id,manager_id,team\n,,Core\n,,Search\n").expect("written");
        assert_eq!(refused(&csv), ["no-people"]);
    }

    #[test]
    fn empty_files_and_sheets_are_refused_as_empty() {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, bytes) in [
            ("zero.csv", &b""[..]),
            ("zero.xlsx", b""),
            ("blank.csv", b"\n\r\n\n"),
            ("bom.csv", b"\xEF\xBB\xBF"),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).expect("written");
            assert_eq!(refused(&path), ["empty-file"], "{name}");
            let detected = detect(&path, &ImportOptions::default());
            assert!(
                matches!(&detected, Err(OrgError::Validation(f)) if f[0].code == "empty-file"),
                "{name}: {detected:?}"
            );
        }
        let xlsx = dir.path().join("people.xlsx");
        workbook(
            &xlsx,
            &[
                ("Blank", &[]),
                ("People", &[&["id", "manager_id"], &["1", ""]]),
            ],
        );
        let Err(OrgError::Validation(findings)) = detect(&xlsx, &ImportOptions::default()) else {
            panic!("an empty first sheet is refused");
        };
        assert_eq!(findings[0].code, "empty-sheet");
        assert!(findings[0].message.contains("(People)"), "{}", findings[0]);
        assert_eq!(refused(&xlsx), ["empty-sheet"]);
    }
}
