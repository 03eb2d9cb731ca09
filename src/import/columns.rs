//! Which columns hold the id and the manager, when the headers do not say
//! or say it twice. Headers decide when they name one id and one manager
//! column, and no row is read for it. Otherwise a sample of rows decides:
//! the id column is one whose values are unique, the manager column one
//! whose non-empty values mostly match people's ids, employee numbers,
//! e-mails or names; of two manager columns (a manager number and a
//! manager name, say) the one that resolves is used. The choice comes
//! back as `--map` style overrides, so every reader maps the file alike,
//! with the reason for the review.

use super::fields::{normalise, Field};
use super::managers::name_keys;
use super::rows::ColumnMapping;
use super::{ImportOptions, SAMPLE_ROWS};
use crate::error::OrgError;
use crate::model::{Finding, Location, Org};
use rustc_hash::FxHashSet;

/// Why a column was read as the id or the manager, for the review.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ColumnChoice {
    pub field: Field,
    pub header: String,
    /// "header", "--map", "values unique", "93% of values match ids", ...
    pub reason: String,
}

/// The columns chosen from values: overrides to apply after the user's,
/// the reasons, and warnings for the import report.
#[derive(Debug, Default)]
pub(super) struct Chosen {
    pub overrides: Vec<(String, Field)>,
    pub choices: Vec<ColumnChoice>,
    pub notes: Vec<Finding>,
}

/// Share of a manager column's values that must match people.
const MOSTLY: f64 = 0.5;

/// Chooses the id and manager columns of a file with `headers`, after the
/// user's `overrides`. `sample` gives some data rows; it is called only
/// when the headers do not settle the choice.
pub(super) fn choose(
    file: &str,
    headers: &[String],
    overrides: &[(String, Field)],
    sample: impl FnOnce() -> Vec<Vec<String>>,
) -> Chosen {
    let mapped = map_headers(headers, overrides);
    let with = |field: Field| -> Vec<usize> {
        (0..headers.len())
            .filter(|&i| mapped[i].0 == Some(field))
            .collect()
    };
    let ids = match with(Field::Id) {
        ids if ids.is_empty() => with(Field::EmployeeNumber),
        ids => ids,
    };
    // A manager column the user mapped is the one, whatever the headers say.
    let mut managers = with(Field::Manager);
    let user_manager = managers.iter().any(|&i| mapped[i].1);
    if user_manager {
        managers.retain(|&i| mapped[i].1);
    }
    let settled = !ids.is_empty() && (managers.len() == 1 || user_manager);
    let mut chosen = Chosen::default();
    let by_header = |i: usize, field| ColumnChoice {
        field,
        header: clean(&headers[i]),
        reason: if mapped[i].1 { "--map" } else { "header" }.to_string(),
    };
    if settled {
        chosen.choices.push(by_header(ids[0], Field::Id));
        chosen.choices.push(by_header(managers[0], Field::Manager));
        return chosen;
    }
    let table = Table {
        headers,
        mapped: &mapped,
        rows: sample(),
    };
    let id = match ids.first() {
        Some(&id) => {
            chosen.choices.push(by_header(id, Field::Id));
            Some(id)
        }
        None => None,
    };
    // Columns neither a header nor the user maps (`--map X=ignore` maps).
    let unmapped: Vec<usize> = (0..headers.len())
        .filter(|&i| mapped[i] == (None, false))
        .collect();
    let id_candidates = match id {
        Some(id) => vec![id],
        None => unmapped
            .iter()
            .copied()
            .filter(|&i| table.unique(i))
            .collect(),
    };
    let manager_candidates = if managers.is_empty() {
        unmapped
    } else {
        managers.clone()
    };
    // A column no header names must also look like reporting lines.
    let lines_only = managers.is_empty();
    let Some(best) = table.best_pair(&id_candidates, &manager_candidates, lines_only) else {
        // Of several manager columns none resolves: the mapper reads the
        // first and warns of the others.
        if let (Some(_), Some(&first)) = (id, managers.first()) {
            let mut choice = by_header(first, Field::Manager);
            choice.reason = format!(
                "{}; first of {} manager columns, none of which mostly matches people",
                choice.reason,
                managers.len()
            );
            chosen.choices.push(choice);
        }
        return chosen;
    };
    if id.is_none() {
        chosen.overrides.push((clean(&headers[best.id]), Field::Id));
        chosen.choices.push(ColumnChoice {
            field: Field::Id,
            header: clean(&headers[best.id]),
            reason: "values unique".to_string(),
        });
    }
    table.choose_manager(file, best, &managers, &mut chosen);
    chosen
}

/// [`choose`] for CSV text: the header row, and a sample of rows only if
/// the headers do not settle it.
pub(super) fn choose_csv(
    text: &[u8],
    delimiter: u8,
    file: &str,
    overrides: &[(String, Field)],
) -> Chosen {
    let mut reader = super::csv_reader(text, delimiter, true);
    let Ok(headers) = reader.byte_headers() else {
        // The mapper reports an unreadable header.
        return Chosen::default();
    };
    let headers: Vec<String> = headers.iter().map(lossy).collect();
    choose(file, &headers, overrides, || {
        reader
            .byte_records()
            .filter_map(std::result::Result::ok)
            .filter(|record| record.iter().any(|v| !v.is_empty()))
            .take(SAMPLE_ROWS)
            .map(|record| record.iter().map(lossy).collect())
            .collect()
    })
}

/// [`choose`] for a sheet read into memory.
pub(super) fn choose_sheet(
    sheet: &super::xlsx::SheetRows,
    file: &str,
    overrides: &[(String, Field)],
) -> Chosen {
    let file = format!("{file} [{}]", sheet.sheet);
    choose(&file, &sheet.headers, overrides, || {
        sheet
            .rows
            .iter()
            .take(SAMPLE_ROWS)
            .map(|(_, cells)| cells.clone())
            .collect()
    })
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

impl Chosen {
    /// `options` with the chosen columns mapped after the user's own.
    pub(super) fn options(&self, options: &ImportOptions) -> ImportOptions {
        let mut overrides = options.overrides.clone();
        overrides.extend(self.overrides.iter().cloned());
        ImportOptions {
            overrides,
            ..options.clone()
        }
    }

    /// Marks the columns chosen here as detected rather than `--map`ped,
    /// in the mapping shown for review.
    pub(super) fn unmark(&self, columns: &mut [ColumnMapping]) {
        for column in columns {
            if self
                .overrides
                .iter()
                .any(|(header, _)| *header == column.header)
            {
                column.overridden = false;
            }
        }
    }

    /// An import's result with the notes about the choice among its
    /// warnings, or among its findings if it failed.
    pub(super) fn noted(
        &self,
        result: crate::error::Result<(Org, Vec<Finding>)>,
    ) -> crate::error::Result<(Org, Vec<Finding>)> {
        let with_notes = |findings: Vec<Finding>| {
            let mut all = self.notes.clone();
            all.extend(findings);
            all
        };
        match result {
            Ok((org, warnings)) => Ok((org, with_notes(warnings))),
            Err(OrgError::Validation(findings)) => Err(OrgError::Validation(with_notes(findings))),
            Err(other) => Err(other),
        }
    }
}

/// Each header's field after the user's overrides, and whether an
/// override chose it (matched as the mapper matches them).
fn map_headers(headers: &[String], overrides: &[(String, Field)]) -> Vec<(Option<Field>, bool)> {
    let mut mapped: Vec<(Option<Field>, bool)> = headers
        .iter()
        .map(|h| (Field::from_header(h).filter(|f| *f != Field::Ignore), false))
        .collect();
    for (column, field) in overrides {
        let wanted = normalise(column);
        let found = headers
            .iter()
            .position(|h| clean(h) == *column)
            .or_else(|| headers.iter().position(|h| normalise(h) == wanted));
        if let Some(i) = found {
            mapped[i] = (Some(*field).filter(|f| *f != Field::Ignore), true);
        }
    }
    mapped
}

/// A header as written, as the mapper shows it.
fn clean(header: &str) -> String {
    header.trim_start_matches('\u{feff}').trim().to_string()
}

/// An id column and a manager column, and how well the managers resolve.
#[derive(Debug, Clone, Copy)]
struct Pair {
    id: usize,
    manager: usize,
    matched: Matched,
}

/// How many of a manager column's non-empty values match people, by what.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Matched {
    values: usize,
    ids: usize,
    numbers: usize,
    emails: usize,
    names: usize,
}

impl Matched {
    fn share(self) -> f64 {
        if self.values == 0 {
            return 0.0;
        }
        let best = self.ids.max(self.numbers).max(self.emails).max(self.names);
        best as f64 / self.values as f64
    }

    fn percent(self) -> u32 {
        (self.share() * 100.0).round() as u32
    }

    /// What the values match most, as the review words it.
    fn what(self) -> &'static str {
        let best = self.ids.max(self.numbers).max(self.emails).max(self.names);
        if best == self.ids {
            "ids"
        } else if best == self.numbers {
            "employee numbers"
        } else if best == self.emails {
            "e-mails"
        } else {
            "names"
        }
    }
}

/// A sample of the file's rows with the header mapping.
struct Table<'a> {
    headers: &'a [String],
    mapped: &'a [(Option<Field>, bool)],
    rows: Vec<Vec<String>>,
}

impl Table<'_> {
    fn value(&self, row: usize, column: usize) -> &str {
        self.rows[row].get(column).map_or("", |v| v.trim())
    }

    fn column(&self, field: Field) -> Option<usize> {
        self.mapped.iter().position(|(f, _)| *f == Some(field))
    }

    /// Whether a column could be the id: filled in nearly every row, with
    /// no value twice.
    fn unique(&self, column: usize) -> bool {
        let mut seen = FxHashSet::default();
        let mut filled = 0;
        for row in 0..self.rows.len() {
            let value = self.value(row, column);
            if value.is_empty() {
                continue;
            }
            filled += 1;
            if !seen.insert(value) {
                return false;
            }
        }
        filled >= 2 && filled * 10 >= self.rows.len() * 9
    }

    /// The pair whose manager values match people best (the first such
    /// pair on a tie), if its managers mostly match. With `lines_only`, a
    /// manager column must also look like reporting lines.
    fn best_pair(&self, ids: &[usize], managers: &[usize], lines_only: bool) -> Option<Pair> {
        let mut best: Option<Pair> = None;
        for &id in ids {
            let people = self.people(id);
            let candidates = managers
                .iter()
                .filter(|&&m| m != id && (!lines_only || self.like_lines(id, m)));
            for &manager in candidates {
                let matched = self.matched(manager, &people);
                if best.is_none_or(|b| matched.share() > b.matched.share()) {
                    best = Some(Pair {
                        id,
                        manager,
                        matched,
                    });
                }
            }
        }
        best.filter(|b| b.matched.share() > MOSTLY)
    }

    /// Whether `manager` reads as reporting lines over `id`: someone is at
    /// the top (no manager, or themselves), and most people are not. A
    /// column of small numbers (a floor, a grade) matches ids too, but
    /// leaves no one at the top; a copy of the id leaves everyone there.
    fn like_lines(&self, id: usize, manager: usize) -> bool {
        let tops = (0..self.rows.len())
            .filter(|&row| {
                let value = self.value(row, manager);
                value.is_empty() || value == self.value(row, id)
            })
            .count();
        tops >= 1 && tops * 2 < self.rows.len()
    }

    /// The keys people can be referred to by, with `id` as the id column.
    fn people(&self, id: usize) -> People {
        let mut people = People::default();
        let number = self.column(Field::EmployeeNumber).filter(|&n| n != id);
        let email = self.column(Field::Email);
        let name = self.column(Field::Name);
        let (first, last) = (self.column(Field::FirstName), self.column(Field::LastName));
        for row in 0..self.rows.len() {
            let text = |column: Option<usize>| column.map_or("", |c| self.value(row, c));
            people.ids.insert(self.value(row, id).to_string());
            people.numbers.insert(text(number).to_string());
            people.emails.insert(text(email).to_lowercase());
            let composed;
            let full = match name {
                Some(_) => text(name),
                None => {
                    composed = format!("{} {}", text(first), text(last));
                    composed.as_str()
                }
            };
            let (full, short) = name_keys(full);
            people.names.insert(full);
            people.names.insert(short);
        }
        for set in [
            &mut people.ids,
            &mut people.numbers,
            &mut people.emails,
            &mut people.names,
        ] {
            set.remove("");
        }
        people
    }

    fn matched(&self, column: usize, people: &People) -> Matched {
        let mut matched = Matched::default();
        for row in 0..self.rows.len() {
            let value = self.value(row, column);
            if value.is_empty() {
                continue;
            }
            matched.values += 1;
            matched.ids += usize::from(people.ids.contains(value));
            matched.numbers += usize::from(people.numbers.contains(value));
            matched.emails += usize::from(people.emails.contains(&value.to_lowercase()));
            let named = value
                .rfind('(')
                .filter(|_| value.ends_with(')'))
                .map_or(value, |open| &value[open + 1..value.len() - 1]);
            let (full, short) = name_keys(named);
            matched.names +=
                usize::from(people.names.contains(&full) || people.names.contains(&short));
        }
        matched
    }

    /// Records the manager column of `best`: found from values, or the one
    /// of several manager columns that resolves.
    fn choose_manager(&self, file: &str, best: Pair, managers: &[usize], chosen: &mut Chosen) {
        let header = clean(&self.headers[best.manager]);
        let resolves = format!(
            "{}% of values match {}",
            best.matched.percent(),
            best.matched.what()
        );
        if managers.len() < 2 {
            if managers.is_empty() {
                chosen.overrides.push((header.clone(), Field::Manager));
            }
            let reason = match (managers.is_empty(), self.mapped[best.manager].1) {
                (true, _) => resolves,
                (false, true) => format!("--map; {resolves}"),
                (false, false) => format!("header; {resolves}"),
            };
            chosen.choices.push(ColumnChoice {
                field: Field::Manager,
                header,
                reason,
            });
            return;
        }
        let people = self.people(best.id);
        let mut others = Vec::new();
        for &other in managers.iter().filter(|&&m| m != best.manager) {
            let matched = self.matched(other, &people);
            let other_header = clean(&self.headers[other]);
            others.push(match matched.percent() {
                0 => format!("'{other_header}' matches nobody"),
                p => format!("'{other_header}' resolves {p}%"),
            });
            chosen.overrides.push((other_header, Field::Ignore));
        }
        let reason = format!(
            "{}; '{header}' resolves {}% by {}",
            others.join(", "),
            best.matched.percent(),
            best.matched.what()
        );
        chosen.notes.push(Finding::warning(
            "manager-column-chosen",
            format!("managers are read from '{header}': {reason}"),
            Location {
                file: file.to_string(),
                row: Some(1),
                column: Some(header.clone()),
            },
        ));
        chosen.choices.push(ColumnChoice {
            field: Field::Manager,
            header,
            reason,
        });
    }
}

/// The sampled people's keys.
#[derive(Default)]
struct People {
    ids: FxHashSet<String>,
    numbers: FxHashSet<String>,
    emails: FxHashSet<String>,
    names: FxHashSet<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    fn rows(text: &str) -> Vec<Vec<String>> {
        text.lines()
            .map(|line| line.split(';').map(str::to_string).collect())
            .collect()
    }

    fn reasons(chosen: &Chosen) -> Vec<(Field, &str, &str)> {
        chosen
            .choices
            .iter()
            .map(|c| (c.field, c.header.as_str(), c.reason.as_str()))
            .collect()
    }

    /// Headers that name one id and one manager column settle it: no row
    /// is read.
    #[test]
    fn headers_that_say_read_no_rows() {
        let headers = strings(&["Employee ID", "Name", "Manager ID"]);
        let chosen = choose("f", &headers, &[], || panic!("no sample is read"));
        assert!(chosen.overrides.is_empty());
        assert_eq!(
            reasons(&chosen),
            [
                (Field::Id, "Employee ID", "header"),
                (Field::Manager, "Manager ID", "header")
            ]
        );
        let overrides = [("boss".to_string(), Field::Manager)];
        let headers = strings(&["id", "Boss", "Manager Name"]);
        let chosen = choose("f", &headers, &overrides, || panic!("no sample is read"));
        assert_eq!(reasons(&chosen)[1], (Field::Manager, "Boss", "--map"));
        // With no id column, the sample finds the id; the mapped manager
        // column stays the manager.
        let headers = strings(&["Ref", "Boss", "Manager Name"]);
        let sample = rows("7;;\n8;7;Ada\n9;8;Bo");
        let chosen = choose("f", &headers, &overrides, || sample);
        assert_eq!(chosen.overrides, [("Ref".to_string(), Field::Id)]);
        assert_eq!(
            reasons(&chosen)[1],
            (Field::Manager, "Boss", "--map; 100% of values match ids")
        );
    }

    #[test]
    fn the_unique_column_is_the_id_and_the_matching_one_the_manager() {
        let headers = strings(&["Kind", "Ref", "Name", "Lead"]);
        let sample = rows("a;7;Ada Lovelace;\na;8;Bo Chen;7\nb;9;Cy Diaz;8\nb;10;Di Evans;x");
        let chosen = choose("f", &headers, &[], || sample);
        assert_eq!(
            chosen.overrides,
            [
                ("Ref".to_string(), Field::Id),
                ("Lead".to_string(), Field::Manager)
            ]
        );
        assert_eq!(
            reasons(&chosen),
            [
                (Field::Id, "Ref", "values unique"),
                (Field::Manager, "Lead", "67% of values match ids")
            ]
        );
        // Managers named by their people's names match too.
        let sample = rows("7;Ada Lovelace;\n8;Bo Chen;Lovelace, Ada\n9;Cy Diaz;Bo Chen");
        let headers = strings(&["Ref", "Name", "Lead"]);
        let chosen = choose("f", &headers, &[], || sample);
        assert_eq!(
            reasons(&chosen)[1],
            (Field::Manager, "Lead", "100% of values match names")
        );
    }

    /// A column no header names is the manager only if it reads as
    /// reporting lines: a floor number matches ids but has no top, a copy
    /// of the id is all tops.
    #[test]
    fn an_unnamed_manager_column_needs_a_top_and_reports() {
        let headers = strings(&["id", "Name", "Floor", "Badge"]);
        let sample = rows("1;Ada;2;1\n2;Bo;1;2\n3;Cy;2;3\n4;Di;1;4");
        let chosen = choose("f", &headers, &[], || sample);
        assert!(chosen.overrides.is_empty(), "{:?}", chosen.overrides);
        let headers = strings(&["id", "Name", "Floor", "Lead"]);
        let sample = rows("1;Ada;2;\n2;Bo;1;1\n3;Cy;2;1\n4;Di;1;2");
        let chosen = choose("f", &headers, &[], || sample);
        assert_eq!(chosen.overrides, [("Lead".to_string(), Field::Manager)]);
    }

    /// A column the user ignores is never chosen.
    #[test]
    fn an_ignored_column_is_not_chosen() {
        let headers = strings(&["Ref", "Badge", "Lead"]);
        let sample = || rows("7;a;\n8;b;7\n9;c;8");
        let chosen = choose("f", &headers, &[], sample);
        assert_eq!(chosen.overrides[0], ("Ref".to_string(), Field::Id));
        let ignored = [("Ref".to_string(), Field::Ignore)];
        let chosen = choose("f", &headers, &ignored, sample);
        assert!(chosen.overrides.is_empty(), "{:?}", chosen.overrides);
    }

    /// Half the managers matching is not "mostly": nothing is chosen, and
    /// the mapper refuses the file with its columns.
    #[test]
    fn no_pair_that_mostly_matches_chooses_nothing() {
        let headers = strings(&["Ref", "Lead"]);
        let chosen = choose("f", &headers, &[], || rows("7;\n8;7\n9;x"));
        assert!(chosen.overrides.is_empty() && chosen.choices.is_empty());
        let chosen = choose("f", &headers, &[], || rows("7;\n7;7\n9;7"));
        assert!(chosen.overrides.is_empty(), "Ref is not unique");
    }

    #[test]
    fn of_two_manager_columns_the_resolving_one_is_read() {
        let headers = strings(&["id", "Name", "Manager Number", "Manager Name"]);
        let sample = rows("1;Ada Lovelace;;\n2;Bo Chen;M1;Ada Lovelace\n3;Cy Diaz;M2;Bo Chen");
        let chosen = choose("hr.csv", &headers, &[], || sample);
        assert_eq!(
            chosen.overrides,
            [("Manager Number".to_string(), Field::Ignore)]
        );
        let reason = "'Manager Number' matches nobody; 'Manager Name' resolves 100% by names";
        assert_eq!(
            reasons(&chosen)[1],
            (Field::Manager, "Manager Name", reason)
        );
        assert_eq!(chosen.notes.len(), 1);
        assert_eq!(chosen.notes[0].code, "manager-column-chosen");
        assert_eq!(
            chosen.notes[0].location.column.as_deref(),
            Some("Manager Name")
        );
        // When neither resolves, the first is read, as the review says.
        let sample = rows("1;Ada Lovelace;;\n2;Bo Chen;M1;Ada X\n3;Cy Diaz;M2;Bo Y");
        let chosen = choose("hr.csv", &headers, &[], || sample.clone());
        assert!(chosen.overrides.is_empty() && chosen.notes.is_empty());
        let reason = "header; first of 2 manager columns, none of which mostly matches people";
        assert_eq!(
            reasons(&chosen)[1],
            (Field::Manager, "Manager Number", reason)
        );
        // When the first resolves, it is read and the other is not.
        let sample = rows("1;Ada Lovelace;;\n2;Bo Chen;1;Ada X\n3;Cy Diaz;2;Bo Y");
        let chosen = choose("hr.csv", &headers, &[], || sample);
        assert_eq!(
            chosen.overrides,
            [("Manager Name".to_string(), Field::Ignore)]
        );
    }

    /// A file large enough to be read in parallel segments, with no
    /// header naming the id or the manager, is read with the columns the
    /// sample chose, in every segment.
    #[test]
    fn a_large_csv_is_read_in_parallel_with_the_chosen_columns() {
        let records = crate::generate::generate(40_000, 7);
        let mut bytes = Vec::new();
        crate::generate::write_csv(&records, &mut bytes).expect("written");
        let text = String::from_utf8(bytes).expect("utf-8");
        let (header, body) = text.split_once('\n').expect("a header");
        assert!(header.starts_with("id,manager_id,"), "{header}");
        let renamed = format!("Ref,Lead,{}\n{body}", &header["id,manager_id,".len()..]);
        assert!(renamed.len() > 4 << 20, "several segments");
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.csv");
        std::fs::write(&path, &renamed).expect("written");
        let options = ImportOptions::default();
        let detected = super::super::detect(&path, &options).expect("detected");
        assert_eq!(
            detected
                .choices
                .iter()
                .map(|c| (c.field, c.header.as_str()))
                .collect::<Vec<_>>(),
            [(Field::Id, "Ref"), (Field::Manager, "Lead")]
        );
        let (org, _) = super::super::load(
            &path,
            &options,
            crate::model::Ladder::default(),
            crate::model::Policy::default(),
        )
        .expect("imports");
        assert_eq!(org.len(), records.len());
        let last = records.last().expect("people");
        assert_eq!(
            org.manager_of(&last.id.as_str().into()).map(|m| m.as_str()),
            Some(last.manager_id.as_str())
        );
    }
}
