//! From a source's header row and data rows (CSV or spreadsheet alike) to
//! person records: which column feeds which field, and the per-value
//! parsing with findings that name file, row and column.

use super::fields::{normalise, Field};
use crate::model::{Finding, Interner, Location, PersonRecord, ShortText, Status, TeamKind};
use crate::money::Money;
use std::sync::Arc;

/// How one source column was mapped, for the review step before an import.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ColumnMapping {
    /// 0-based column index.
    pub index: usize,
    pub header: String,
    /// `None` when the column is not read.
    pub field: Option<Field>,
    /// True when `--map` (or the app's mapping editor) chose the field.
    pub overridden: bool,
}

/// Values some rows carry that only resolving manager references needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keys {
    pub email: ShortText,
    pub employee_number: ShortText,
}

/// Maps rows to records. Collects findings as it goes.
#[derive(Debug)]
pub struct RecordMapper {
    file: String,
    /// (column index, field, header as written) of every column read.
    columns: Vec<(usize, Field, String)>,
    /// No name column, but first and last names: the name is composed.
    compose_name: bool,
    /// No team column, but departments: the department is the team and
    /// the division (if any) its department, as in most HRIS exports.
    department_is_team: bool,
    /// A division column is read: the level above departments.
    reads_division: bool,
    /// No team id column, but team names: the name is the team.
    team_name_is_team: bool,
    /// CSV text: a `'` guarding a formula-looking value is taken off
    /// (`crate::formula_guard`). Spreadsheet cells are typed, so not there.
    unguards_formulas: bool,
    strings: Interner,
    /// The last value shared per field: exports often list a team's
    /// or department's people together, and comparing with the previous
    /// row's value is cheaper than hashing.
    last: Vec<Arc<str>>,
    empty: Arc<str>,
    /// The cost column is declared signed: negative amounts are read.
    signed_cost: bool,
    findings: Vec<Finding>,
}

impl RecordMapper {
    /// Maps `headers`, applying `overrides` (header → field). Errors if a
    /// required field has no column or an override names no column.
    pub fn new(
        file: &str,
        headers: &[String],
        overrides: &[(String, Field)],
    ) -> Result<(RecordMapper, Vec<ColumnMapping>), Vec<Finding>> {
        let at = |column: Option<&str>| Location {
            file: file.to_string(),
            row: Some(1),
            column: column.map(str::to_string),
        };
        let mut findings = Vec::new();
        let mut mapping: Vec<ColumnMapping> = headers
            .iter()
            .enumerate()
            .map(|(index, header)| ColumnMapping {
                index,
                header: header.trim_start_matches('\u{feff}').trim().to_string(),
                field: Field::from_header(header),
                overridden: false,
            })
            .collect();
        for (column, field) in overrides {
            let wanted = normalise(column);
            let found = mapping
                .iter()
                .position(|m| m.header == *column)
                .or_else(|| mapping.iter().position(|m| normalise(&m.header) == wanted));
            match found {
                Some(index) => {
                    mapping[index].field = Some(*field);
                    mapping[index].overridden = true;
                }
                None => findings.push(Finding::error(
                    "map-column-not-found",
                    format!(
                        "--map names column '{column}', which the file does not have (found: {})",
                        headers.join(", ")
                    ),
                    at(Some(column)),
                )),
            }
        }
        // A file with an employee number but no id column keys people by
        // that number.
        let has = |mapping: &[ColumnMapping], field| mapping.iter().any(|m| m.field == Some(field));
        if !has(&mapping, Field::Id) {
            if let Some(m) = mapping
                .iter_mut()
                .find(|m| m.field == Some(Field::EmployeeNumber))
            {
                m.field = Some(Field::Id);
            }
        }
        let mut columns: Vec<(usize, Field, String)> = Vec::new();
        for m in &mapping {
            let Some(field) = m.field.filter(|f| *f != Field::Ignore) else {
                continue;
            };
            if let Some((first, _, _)) = columns.iter().find(|(_, f, _)| *f == field) {
                findings.push(Finding::warning(
                    "duplicate-column",
                    format!(
                        "column '{}' maps to {field} like column {}; the first is used",
                        m.header,
                        first + 1
                    ),
                    at(Some(&m.header)),
                ));
                continue;
            }
            columns.push((m.index, field, m.header.clone()));
        }
        for m in &mut mapping {
            if m.field.is_some() && !columns.iter().any(|(index, _, _)| *index == m.index) {
                m.field = None;
            }
        }
        for required in [Field::Id, Field::Manager] {
            if !columns.iter().any(|(_, f, _)| *f == required) {
                findings.push(Finding::error(
                    "missing-column",
                    format!(
                        "no '{}' column (found: {}); name one with --map COLUMN={}",
                        required.name(),
                        headers.join(", "),
                        required.name()
                    ),
                    at(Some(required.name())),
                ));
            }
        }
        if findings.iter().any(Finding::is_error) {
            return Err(findings);
        }
        let reads = |field| columns.iter().any(|(_, f, _)| *f == field);
        let compose_name =
            !reads(Field::Name) && (reads(Field::FirstName) || reads(Field::LastName));
        let team_name_is_team = !reads(Field::Team) && reads(Field::TeamName);
        let department_is_team =
            !reads(Field::Team) && !team_name_is_team && reads(Field::Department);
        let reads_division = reads(Field::Division);
        let (strings, empty, last) = fresh_strings();
        Ok((
            RecordMapper {
                file: file.to_string(),
                columns,
                compose_name,
                department_is_team,
                reads_division,
                team_name_is_team,
                unguards_formulas: false,
                last,
                strings,
                empty,
                signed_cost: false,
                findings,
            },
            mapping,
        ))
    }

    /// Reads values as CSV text, whose formula guards are taken off.
    pub fn unguarding_formulas(mut self) -> RecordMapper {
        self.unguards_formulas = true;
        self
    }

    /// The shared copy of `value`, read for `field`.
    fn shared(&mut self, field: Field, value: &str) -> Arc<str> {
        let last = &mut self.last[field as usize];
        if **last != *value {
            *last = self.strings.intern(value);
        }
        Arc::clone(last)
    }

    fn at(&self, row: u64, column: &str) -> Location {
        Location {
            file: self.file.clone(),
            row: Some(row),
            column: Some(column.to_string()),
        }
    }

    /// Records an error found while reading a row (an unreadable one, say).
    pub fn push_row_finding(&mut self, row: u64, code: &str, message: String) {
        let at = Location {
            file: self.file.clone(),
            row: Some(row),
            column: None,
        };
        self.findings.push(Finding::error(code, message, at));
    }

    /// Records a finding about a row made outside the mapper, located
    /// with [`RecordMapper::file`] and [`RecordMapper::column_name`].
    pub fn push_finding(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// The file named in findings.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Column `index` (0-based) as findings name it: its header if read,
    /// else its position.
    pub fn column_name(&self, index: usize) -> String {
        match self.columns.iter().find(|(i, _, _)| *i == index) {
            Some((_, _, header)) => header.clone(),
            None => format!("column {}", index + 1),
        }
    }

    /// A mapper for another part of the same file: the same columns, none
    /// of the findings so far, its own shared strings.
    pub fn fork(&self) -> RecordMapper {
        let (strings, empty, last) = fresh_strings();
        RecordMapper {
            file: self.file.clone(),
            columns: self.columns.clone(),
            compose_name: self.compose_name,
            department_is_team: self.department_is_team,
            reads_division: self.reads_division,
            team_name_is_team: self.team_name_is_team,
            unguards_formulas: self.unguards_formulas,
            last,
            strings,
            empty,
            signed_cost: self.signed_cost,
            findings: Vec::new(),
        }
    }

    /// Reads negative costs rather than refusing them (see
    /// [`super::signed`]).
    pub fn allow_negative_cost(&mut self) {
        self.signed_cost = true;
    }

    /// Every finding so far, warnings and errors alike, leaving none.
    pub fn take_findings(&mut self) -> Vec<Finding> {
        std::mem::take(&mut self.findings)
    }

    pub fn error_count(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    /// The findings so far: warnings, or every finding if any is an error.
    pub fn finish(self) -> Result<Vec<Finding>, Vec<Finding>> {
        if self.findings.iter().any(Finding::is_error) {
            Err(self.findings)
        } else {
            Ok(self.findings)
        }
    }

    /// The record of one data row; `value(i)` gives column i's text
    /// (empty when the row is short), or why it is not UTF-8. `None` for a
    /// row with no values. A row with a team and no value outside the team
    /// columns (no id, no name, ...) is a team's own row: its record
    /// `declares_team`.
    pub fn map<'v>(
        &mut self,
        row: u64,
        value: impl Fn(usize) -> Result<&'v str, std::str::Utf8Error>,
    ) -> Option<(PersonRecord, Keys)> {
        // Each read column's text, by field, gathered in one pass so the
        // record is built once, each shared string cloned once.
        let mut texts = [""; Field::ALL.len()];
        let mut unreadable = false;
        // Any value outside the team columns makes the row a person's.
        let mut names_person = false;
        let mut any = false;
        for column in 0..self.columns.len() {
            let (index, field) = (self.columns[column].0, self.columns[column].1);
            match value(index) {
                Ok(text) if text.len() > MAX_VALUE_CHARS && too_long(text) => {
                    unreadable = true;
                    let at = self.at(row, &self.columns[column].2);
                    self.findings.push(Finding::error(
                        "value-too-long",
                        format!(
                            "this value is {} characters long, more than the {MAX_VALUE_CHARS} a spreadsheet cell holds (is a closing quote missing above?)",
                            text.chars().count()
                        ),
                        at,
                    ));
                }
                Ok(text) => {
                    let mut text = trim(text);
                    if self.unguards_formulas {
                        text = crate::formula_guard::unguard(text);
                    }
                    let given = !text.is_empty();
                    any |= given;
                    names_person |= given && !field.describes_team();
                    texts[field as usize] = text;
                }
                Err(err) => {
                    unreadable = true;
                    let at = self.at(row, &self.columns[column].2);
                    self.findings.push(Finding::error(
                        "not-utf8",
                        format!("this value is not valid UTF-8 text ({err})"),
                        at,
                    ));
                }
            }
        }
        if !any && !unreadable {
            return None;
        }
        let text = |field: Field| texts[field as usize];
        let name = if self.compose_name {
            match (text(Field::FirstName), text(Field::LastName)) {
                ("", last) => ShortText::from(last),
                (first, "") => ShortText::from(first),
                (first, last) => ShortText::from(format!("{first} {last}")),
            }
        } else {
            ShortText::from(text(Field::Name))
        };
        let team_from = if self.team_name_is_team {
            Field::TeamName
        } else if self.department_is_team {
            Field::Department
        } else {
            Field::Team
        };
        let team = self.shared(team_from, text(team_from));
        let team_name = match team_from {
            Field::TeamName => self.empty.clone(),
            _ => self.shared(Field::TeamName, text(Field::TeamName)),
        };
        let department = match (team_from, text(Field::Department)) {
            // The department stands for the team: its division, when the
            // file has one, is the level above; otherwise the team belongs
            // to the department it stands for, so its people keep one.
            (Field::Department, department) if !self.reads_division => {
                self.shared(Field::Department, department)
            }
            (Field::Department, _) | (_, "") => self.shared(Field::Division, text(Field::Division)),
            (_, department) => self.shared(Field::Department, department),
        };
        let mut record = PersonRecord {
            row,
            id: ShortText::from(text(Field::Id)),
            manager_id: ShortText::from(text(Field::Manager)),
            name,
            title: self.shared(Field::Title, text(Field::Title)),
            level: self.shared(Field::Level, text(Field::Level)),
            location: self.shared(Field::Location, text(Field::Location)),
            declares_team: !names_person && !team.is_empty(),
            team,
            team_name,
            department,
            leads: split_list(text(Field::Leads)),
            supports: split_list(text(Field::Supports)),
            dotted_managers: split_list(text(Field::DottedManagers)),
            cost: None,
            status: Status::Active,
            start_date: None,
            end_date: None,
            team_kind: None,
        };
        let keys = Keys {
            email: ShortText::from(text(Field::Email)),
            employee_number: ShortText::from(text(Field::EmployeeNumber)),
        };
        self.parse_values(row, &texts, &mut record);
        Some((record, keys))
    }

    /// Parses the row's typed values (cost, status, dates, team kind) into
    /// `record`; a value that does not parse is an error finding naming
    /// its column. Empty values keep the record's defaults.
    fn parse_values(&mut self, row: u64, texts: &[&str], record: &mut PersonRecord) {
        for field in [
            Field::Cost,
            Field::Status,
            Field::StartDate,
            Field::EndDate,
            Field::TeamKind,
        ] {
            let value = texts[field as usize];
            if value.is_empty() {
                continue;
            }
            let parsed = match field {
                Field::Cost => match Money::parse(value) {
                    Ok(cost) if cost < Money::ZERO && !self.signed_cost => Err((
                        "negative-cost",
                        // The amount is left out: compensation stays out of reports.
                        "a negative cost is refused unless the column is declared signed \
                         (--signed COLUMN)"
                            .to_string(),
                    )),
                    Ok(cost) => {
                        record.cost = Some(cost);
                        Ok(())
                    }
                    Err(err) => Err(("bad-cost", err.to_string())),
                },
                Field::Status => value
                    .parse::<Status>()
                    .map(|status| record.status = status)
                    .map_err(|err| ("bad-status", err)),
                Field::StartDate => crate::date::parse(value)
                    .map(|date| record.start_date = Some(date))
                    .map_err(|err| ("bad-date", err.to_string())),
                Field::EndDate => crate::date::parse(value)
                    .map(|date| record.end_date = Some(date))
                    .map_err(|err| ("bad-date", err.to_string())),
                _ => value
                    .parse::<TeamKind>()
                    .map(|kind| record.team_kind = Some(kind))
                    .map_err(|err| ("bad-team-kind", err)),
            };
            if let Err((code, message)) = parsed {
                let header = self
                    .columns
                    .iter()
                    .find(|(_, f, _)| *f == field)
                    .map_or(field.name(), |(_, _, header)| header.as_str());
                let at = self.at(row, header);
                self.findings.push(Finding::error(code, message, at));
            }
        }
    }
}

/// The most characters a value may have: a spreadsheet cell's limit
/// (Excel's), so anything longer cannot be a field an HRIS exported, nor
/// be written back to an XLSX. Longer values are usually a whole stretch
/// of the file swallowed by a quote that was never closed.
const MAX_VALUE_CHARS: usize = 32_767;

/// Whether `text` has more than [`MAX_VALUE_CHARS`] characters.
fn too_long(text: &str) -> bool {
    text.chars().nth(MAX_VALUE_CHARS).is_some()
}

/// A new interner, its shared empty string, and a last-value memo (empty)
/// for each field.
fn fresh_strings() -> (Interner, Arc<str>, Vec<Arc<str>>) {
    let mut strings = Interner::new();
    let empty = strings.intern("");
    let last = vec![empty.clone(); Field::ALL.len()];
    (strings, empty, last)
}

/// `str::trim`, with a fast path for values that start and end in ASCII
/// (nearly all of them): the Unicode-aware trim is several times slower.
fn trim(text: &str) -> &str {
    let ascii = text.trim_ascii();
    let bytes = ascii.as_bytes();
    if bytes.first().is_some_and(|b| !b.is_ascii()) || bytes.last().is_some_and(|b| !b.is_ascii()) {
        ascii.trim()
    } else {
        ascii
    }
}

fn split_list(text: &str) -> Vec<String> {
    // Most rows leave list columns empty.
    if text.is_empty() {
        return Vec::new();
    }
    text.split([';', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_for_name(name: &str) -> Vec<(String, Option<u64>, Option<String>)> {
        let headers = ["id", "manager_id", "name"].map(String::from);
        let (mut mapper, _) = RecordMapper::new("t.csv", &headers, &[]).expect("maps");
        let values = ["a", "", name];
        mapper.map(2, |i| Ok(values[i]));
        mapper
            .take_findings()
            .into_iter()
            .map(|f| (f.code, f.location.row, f.location.column))
            .collect()
    }

    #[test]
    fn a_value_longer_than_a_spreadsheet_cell_is_an_error_at_its_cell() {
        // Multi-byte characters: the limit counts characters, not bytes.
        assert!(codes_for_name(&"é".repeat(MAX_VALUE_CHARS)).is_empty());
        assert_eq!(
            codes_for_name(&"é".repeat(MAX_VALUE_CHARS + 1)),
            [(
                "value-too-long".to_string(),
                Some(2),
                Some("name".to_string())
            )]
        );
    }
}
