//! Reading people from CSV. Headers are matched case- and
//! punctuation-insensitively; only `id` and `manager_id` are required.
//! Every problem is reported with file, row and column, and reading never
//! panics on malformed input.

use crate::error::{OrgError, Result};
use crate::model::{
    Finding, Interner, Ladder, Location, Org, OrgBuilder, PersonRecord, Policy, ShortText, Status,
    TeamKind,
};
use crate::money::Money;
use std::io::Read;
use std::path::Path;

/// The fields a column can map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Id,
    ManagerId,
    Name,
    Title,
    Team,
    Level,
    Cost,
    Location,
    Status,
    Department,
    TeamKind,
    Supports,
    DottedManagers,
    StartDate,
    EndDate,
}

impl Field {
    /// Header spellings, already normalised (lowercase ASCII letters and
    /// digits only).
    fn from_header(header: &str) -> Option<Field> {
        let normalised: String = header
            .trim_start_matches('\u{feff}')
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        Some(match normalised.as_str() {
            "id" | "employeeid" | "personid" => Field::Id,
            "managerid" | "manager" | "reportsto" | "supervisorid" => Field::ManagerId,
            "name" | "fullname" => Field::Name,
            "title" | "jobtitle" => Field::Title,
            "team" => Field::Team,
            "level" | "grade" => Field::Level,
            "cost" | "salary" | "annualcost" => Field::Cost,
            "location" | "office" => Field::Location,
            "status" => Field::Status,
            "department" => Field::Department,
            "teamkind" => Field::TeamKind,
            "supports" | "supportedteams" => Field::Supports,
            "dottedmanagers" | "dottedmanagerids" | "dottedlinemanagers" => Field::DottedManagers,
            "startdate" | "targetdate" | "hiredate" => Field::StartDate,
            "enddate" | "leavingdate" | "terminationdate" => Field::EndDate,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::ManagerId => "manager_id",
            Field::Name => "name",
            Field::Title => "title",
            Field::Team => "team",
            Field::Level => "level",
            Field::Cost => "cost",
            Field::Location => "location",
            Field::Status => "status",
            Field::Department => "department",
            Field::TeamKind => "team_kind",
            Field::Supports => "supports",
            Field::DottedManagers => "dotted_managers",
            Field::StartDate => "start_date",
            Field::EndDate => "end_date",
        }
    }
}

fn split_list(text: &str) -> Vec<String> {
    text.split([';', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Reads person records from CSV text, handing each to `sink` as it is
/// read. `file` names the source in findings. Returns the warnings, or every
/// finding if any is an error.
pub fn read_csv<R: Read>(
    input: R,
    file: &str,
    mut sink: impl FnMut(PersonRecord),
) -> std::result::Result<Vec<Finding>, Vec<Finding>> {
    let at = |row: Option<u64>, column: Option<&str>| Location {
        file: file.to_string(),
        row,
        column: column.map(str::to_string),
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(input);
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(err) => {
            return Err(vec![Finding::error(
                "unreadable-header",
                format!("cannot read the header row: {err}"),
                at(Some(1), None),
            )])
        }
    };
    let mut findings = Vec::new();
    // (column index, field, header as written) of every column we read.
    let mut columns: Vec<(usize, Field, String)> = Vec::new();
    for (index, header) in headers.iter().enumerate() {
        let Some(field) = Field::from_header(header) else {
            continue;
        };
        if let Some((first, _, _)) = columns.iter().find(|(_, f, _)| *f == field) {
            findings.push(Finding::warning(
                "duplicate-column",
                format!(
                    "column '{header}' maps to {} like column {}; the first is used",
                    field.name(),
                    first + 1
                ),
                at(Some(1), Some(header)),
            ));
            continue;
        }
        columns.push((
            index,
            field,
            header.trim_start_matches('\u{feff}').to_string(),
        ));
    }
    for required in [Field::Id, Field::ManagerId] {
        if !columns.iter().any(|(_, f, _)| *f == required) {
            findings.push(Finding::error(
                "missing-column",
                format!(
                    "no '{}' column (found: {})",
                    required.name(),
                    headers.iter().collect::<Vec<_>>().join(", ")
                ),
                at(Some(1), Some(required.name())),
            ));
        }
    }
    if findings.iter().any(Finding::is_error) {
        return Err(findings);
    }

    // Byte records skip UTF-8 validation of columns we do not read; the
    // columns we do read are validated one by one, so an error can name
    // its column.
    let mut raw = csv::ByteRecord::new();
    let mut strings = Interner::new();
    let empty = strings.intern("");
    loop {
        let row = reader.position().line();
        match reader.read_byte_record(&mut raw) {
            Ok(false) => break,
            Ok(true) => {}
            Err(err) => {
                let row = err.position().map_or(row, |p| p.line());
                findings.push(Finding::error(
                    "unreadable-row",
                    format!("cannot read this row: {err}"),
                    at(Some(row), None),
                ));
                if findings.len() > 1000 {
                    break;
                }
                continue;
            }
        }
        let row = raw.position().map_or(row, |p| p.line());
        if raw.iter().all(|value| value.trim_ascii().is_empty()) {
            continue;
        }
        // Columns the file lacks share one empty string rather than each
        // allocating their own.
        let mut record = PersonRecord {
            row,
            title: empty.clone(),
            team: empty.clone(),
            level: empty.clone(),
            location: empty.clone(),
            department: empty.clone(),
            id: ShortText::default(),
            manager_id: ShortText::default(),
            name: ShortText::default(),
            cost: None,
            status: Status::Active,
            start_date: None,
            end_date: None,
            team_kind: None,
            supports: Vec::new(),
            dotted_managers: Vec::new(),
        };
        for (index, field, column) in &columns {
            let (index, field, column) = (*index, *field, column.as_str());
            let value = match std::str::from_utf8(raw.get(index).unwrap_or(b"")) {
                Ok(value) => value.trim(),
                Err(err) => {
                    findings.push(Finding::error(
                        "not-utf8",
                        format!("this value is not valid UTF-8 text ({err})"),
                        at(Some(row), Some(column)),
                    ));
                    continue;
                }
            };
            match field {
                Field::Id => record.id = ShortText::from(value),
                Field::ManagerId => record.manager_id = ShortText::from(value),
                Field::Name => record.name = ShortText::from(value),
                Field::Title => record.title = strings.intern(value),
                Field::Team => record.team = strings.intern(value),
                Field::Level => record.level = strings.intern(value),
                Field::Location => record.location = strings.intern(value),
                Field::Department => record.department = strings.intern(value),
                Field::Supports => record.supports = split_list(value),
                Field::DottedManagers => record.dotted_managers = split_list(value),
                Field::Cost if value.is_empty() => {}
                Field::Cost => match Money::parse(value) {
                    Ok(cost) => record.cost = Some(cost),
                    Err(err) => findings.push(Finding::error(
                        "bad-cost",
                        err.to_string(),
                        at(Some(row), Some(column)),
                    )),
                },
                Field::Status => match value.parse::<Status>() {
                    Ok(status) => record.status = status,
                    Err(err) => findings.push(Finding::error(
                        "bad-status",
                        err,
                        at(Some(row), Some(column)),
                    )),
                },
                Field::StartDate | Field::EndDate if value.is_empty() => {}
                Field::StartDate | Field::EndDate => match crate::date::parse(value) {
                    Ok(date) if field == Field::StartDate => record.start_date = Some(date),
                    Ok(date) => record.end_date = Some(date),
                    Err(err) => findings.push(Finding::error(
                        "bad-date",
                        err.to_string(),
                        at(Some(row), Some(column)),
                    )),
                },
                Field::TeamKind if value.is_empty() => {}
                Field::TeamKind => match value.parse::<TeamKind>() {
                    Ok(kind) => record.team_kind = Some(kind),
                    Err(err) => findings.push(Finding::error(
                        "bad-team-kind",
                        err,
                        at(Some(row), Some(column)),
                    )),
                },
            }
        }
        sink(record);
    }
    if findings.iter().any(Finding::is_error) {
        return Err(findings);
    }
    Ok(findings)
}

/// Reads every record into memory (for callers that need them all).
pub fn read_records<R: Read>(
    input: R,
    file: &str,
) -> std::result::Result<(Vec<PersonRecord>, Vec<Finding>), Vec<Finding>> {
    let mut records = Vec::new();
    let warnings = read_csv(input, file, |record| records.push(record))?;
    Ok((records, warnings))
}

/// Records handed from the parsing thread to the building thread at once.
const BATCH: usize = 4096;

/// Reads and validates CSV into an org, building it as rows stream in.
/// Parsing and building run on two threads, batch by batch, since each is
/// about half the work. Errors carry every finding (from reading and from
/// validation).
pub fn load_csv_reader<R: Read + Send>(
    input: R,
    file: &str,
    ladder: Ladder,
    policy: Policy,
    expected_people: usize,
) -> Result<(Org, Vec<Finding>)> {
    let mut builder = OrgBuilder::with_capacity(file, ladder, policy, expected_people);
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<PersonRecord>>(8);
    let read = std::thread::scope(|scope| {
        let parser = scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let read = read_csv(input, file, |record| {
                batch.push(record);
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    // Only fails if the builder is gone, i.e. panicked.
                    let _ = sender.send(full);
                }
            });
            let _ = sender.send(batch);
            read
        });
        for batch in receiver {
            for record in batch {
                builder.push(record);
            }
        }
        parser.join().unwrap_or_else(|_| {
            Err(vec![Finding::error(
                "internal",
                "the CSV reader stopped unexpectedly",
                Location {
                    file: file.to_string(),
                    row: None,
                    column: None,
                },
            )])
        })
    });
    let built = builder.finish();
    match (read, built) {
        (Ok(mut warnings), Ok((org, more))) => {
            warnings.extend(more);
            Ok((org, warnings))
        }
        (Ok(first), Err(second)) | (Err(first), Err(second)) | (Err(first), Ok((_, second))) => {
            let mut findings = first;
            findings.extend(second);
            findings.sort_by_key(|f| f.location.row);
            Err(OrgError::Validation(findings))
        }
    }
}

/// Reads and validates a CSV file into an org with the given ladder and
/// policy. Errors carry every finding; warnings come back with the org.
pub fn load_csv(path: &Path, ladder: Ladder, policy: Policy) -> Result<(Org, Vec<Finding>)> {
    let io_error = |source| OrgError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    // About 100 bytes a row in typical exports; only a capacity hint.
    let expected = file.metadata().map_or(0, |m| m.len() as usize / 100);
    let name = path.display().to_string();
    load_csv_reader(
        std::io::BufReader::with_capacity(1 << 20, file),
        &name,
        ladder,
        policy,
        expected,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> std::result::Result<(Vec<PersonRecord>, Vec<Finding>), Vec<Finding>> {
        read_records(text.as_bytes(), "people.csv")
    }

    #[test]
    fn reads_minimal_and_full_columns() {
        let (records, warnings) = read("id,manager_id\n1,\n2,1\n").expect("valid");
        assert!(warnings.is_empty());
        assert_eq!(records.len(), 2);
        assert_eq!(
            (
                records[1].id.as_str(),
                records[1].manager_id.as_str(),
                records[1].row
            ),
            ("2", "1", 3)
        );

        let text =
            "\u{feff}ID,Manager ID,Name,Job Title,Team,Level,Salary,Location,Status,Supports\n\
                    e1,,Ada,CTO,,M7,\"450,000.50\",London,active,\n\
                    e2,e1,Bo,Staff Engineer,Core,IC4,131999.92,Paris,open,Core;Search\n";
        let (records, _) = read(text).expect("valid");
        assert_eq!(records[0].cost, Some(Money(45_000_050)));
        assert_eq!(records[1].status, Status::Open);
        assert_eq!(records[1].supports, vec!["Core", "Search"]);
        assert_eq!(&*records[1].title, "Staff Engineer");
    }

    #[test]
    fn bad_values_name_row_and_column() {
        let findings = read("id,manager_id,cost,status\n1,,12x,active\n2,1,5,retired\n")
            .expect_err("bad values");
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[0].location.row, Some(2));
        assert_eq!(findings[0].location.column.as_deref(), Some("cost"));
        assert_eq!(findings[1].location.row, Some(3));
        assert_eq!(findings[1].location.column.as_deref(), Some("status"));
        assert!(findings[0]
            .to_string()
            .starts_with("people.csv:2: column 'cost'"));
    }

    #[test]
    fn missing_required_columns_are_errors() {
        let findings = read("name,title\nA,B\n").expect_err("no id");
        assert_eq!(findings.len(), 2);
        assert!(findings.iter().all(|f| f.code == "missing-column"));
    }

    #[test]
    fn blank_rows_are_skipped_and_short_rows_tolerated() {
        let (records, _) = read("id,manager_id,name\n1,,A\n,,\n2,1\n").expect("valid");
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].name, "");
    }

    #[test]
    fn invalid_utf8_is_an_error_not_a_panic() {
        let bytes = b"id,manager_id\n1,\n\xff\xfe,1\n";
        let findings = read_records(&bytes[..], "x.csv").expect_err("bad utf-8");
        assert_eq!(findings[0].code, "not-utf8");
        assert_eq!(findings[0].location.row, Some(3));
        assert_eq!(findings[0].location.column.as_deref(), Some("id"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let mut text = b"id,manager_id,cost,status\n".to_vec();
            text.extend(bytes);
            let _ = read_records(&text[..], "fuzz.csv");
            let _ = load_csv_reader(&text[..], "fuzz.csv", Ladder::default(), Policy::default(), 0);
        }
    }
}
