//! A workbook's teams table: the "Teams" sheet that Orgraph's own XLSX
//! export writes beside "People". Reading it back keeps teams that have no
//! members, and their kinds, departments and leads, so the round trip is
//! exact. A sheet called Teams without `id` and `kind` columns is someone
//! else's and is left alone.

use super::xlsx::{self, SheetRows};
use crate::error::Result;
use crate::model::{Finding, Location, TeamRecord};
use std::path::Path;

const SHEET: &str = "Teams";

/// The teams declared by the workbook's Teams sheet, with the label that
/// findings name it by, and any findings (a bad kind is an error).
pub(crate) struct DeclaredTeams {
    pub file: String,
    pub teams: Vec<TeamRecord>,
    pub findings: Vec<Finding>,
}

/// Reads the Teams sheet of the workbook at `path` when it has one and the
/// people come from another sheet.
pub(crate) fn read(path: &Path, people: &SheetRows, name: &str) -> Result<Option<DeclaredTeams>> {
    let has_teams = people
        .sheets
        .iter()
        .any(|s| s.eq_ignore_ascii_case(SHEET) && !s.eq_ignore_ascii_case(&people.sheet));
    if !has_teams {
        return Ok(None);
    }
    let sheet = xlsx::read(path, Some(SHEET))?;
    Ok(parse(&sheet, &format!("{name} [{}]", sheet.sheet)))
}

fn parse(sheet: &SheetRows, file: &str) -> Option<DeclaredTeams> {
    let column = |name: &str| {
        sheet
            .headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (id, kind) = (column("id")?, column("kind")?);
    let (name, lead, department) = (column("name"), column("lead"), column("department"));
    let mut teams = Vec::with_capacity(sheet.rows.len());
    let mut findings = Vec::new();
    for (row, cells) in &sheet.rows {
        let cell = |index: Option<usize>| {
            index
                .and_then(|i| cells.get(i))
                .map_or("", |c| c.trim())
                .to_string()
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let kind = match cell(Some(kind)).parse() {
            Ok(kind) => kind,
            Err(message) => {
                findings.push(Finding::error(
                    "invalid-team-kind",
                    message,
                    Location {
                        file: file.to_string(),
                        row: Some(*row),
                        column: Some(sheet.headers[kind].clone()),
                    },
                ));
                continue;
            }
        };
        teams.push(TeamRecord {
            row: *row,
            id: cell(Some(id)),
            name: cell(name),
            kind: Some(kind),
            department: cell(department),
            lead: cell(lead),
        });
    }
    Some(DeclaredTeams {
        file: file.to_string(),
        teams,
        findings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TeamKind;

    fn sheet(headers: &[&str], rows: &[&[&str]]) -> SheetRows {
        SheetRows {
            sheet: SHEET.to_string(),
            sheets: vec!["People".into(), SHEET.into()],
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| (i as u64 + 2, r.iter().map(|c| c.to_string()).collect()))
                .collect(),
        }
    }

    #[test]
    fn reads_the_exports_teams_sheet_and_skips_blank_rows() {
        let read = parse(
            &sheet(
                &[
                    "id",
                    "name",
                    "kind",
                    "lead",
                    "department",
                    "headcount",
                    "cost",
                ],
                &[
                    &[
                        "arch",
                        "Architecture",
                        "architecture",
                        "e1",
                        "Eng",
                        "0",
                        "0",
                    ],
                    &["", "", "", "", "", "", ""],
                    &["t2", "", "platform", "", "", "3", "1.00"],
                ],
            ),
            "x.xlsx [Teams]",
        )
        .expect("a teams table");
        assert!(read.findings.is_empty());
        assert_eq!(
            read.teams,
            vec![
                TeamRecord {
                    row: 2,
                    id: "arch".into(),
                    name: "Architecture".into(),
                    kind: Some(TeamKind::Architecture),
                    department: "Eng".into(),
                    lead: "e1".into(),
                },
                TeamRecord {
                    row: 4,
                    id: "t2".into(),
                    kind: Some(TeamKind::Platform),
                    ..TeamRecord::default()
                },
            ]
        );
    }

    #[test]
    fn a_bad_kind_is_an_error_naming_sheet_row_and_column() {
        let read = parse(
            &sheet(&["id", "Kind"], &[&["t1", "squad"]]),
            "x.xlsx [Teams]",
        )
        .expect("a teams table");
        assert!(read.teams.is_empty());
        let finding = &read.findings[0];
        assert!(finding.is_error());
        assert_eq!(finding.location.file, "x.xlsx [Teams]");
        assert_eq!(finding.location.row, Some(2));
        assert_eq!(finding.location.column.as_deref(), Some("Kind"));
        assert!(finding.message.contains("squad"), "{}", finding.message);
    }

    #[test]
    fn a_sheet_without_id_and_kind_is_not_a_teams_table() {
        assert!(parse(&sheet(&["Team", "Budget"], &[&["a", "1"]]), "x").is_none());
    }
}
