//! Cost columns declared signed. A cost below zero is a mistake in most
//! exports (a sign slipped in, a refund line), so it is an error unless
//! the user declares the column signed (`--signed COLUMN`, or
//! [`super::ImportOptions::signed`]): budgets and adjustments may be
//! negative on purpose.

use super::fields::{normalise, Field};
use super::rows::ColumnMapping;
use crate::model::{Finding, Location};

/// What `signed` means for a file whose columns map as `mapping`: true
/// when it names the column read as cost, by its header or as `cost`.
/// A name that matches no column, or a column not read as cost, is an
/// error, so a mistyped declaration is not silently ignored.
pub(super) fn cost_is_signed(
    file: &str,
    mapping: &[ColumnMapping],
    signed: &[String],
) -> Result<bool, Vec<Finding>> {
    let cost = mapping.iter().find(|m| m.field == Some(Field::Cost));
    let mut findings = Vec::new();
    let mut is_signed = false;
    for name in signed {
        let wanted = normalise(name);
        let column = mapping
            .iter()
            .find(|m| m.header == *name)
            .or_else(|| mapping.iter().find(|m| normalise(&m.header) == wanted));
        let at = Location {
            file: file.to_string(),
            row: Some(1),
            column: Some(name.clone()),
        };
        match (column, cost) {
            (Some(column), _) if column.field == Some(Field::Cost) => is_signed = true,
            (None, Some(_)) if wanted == normalise(Field::Cost.name()) => is_signed = true,
            (Some(column), _) => findings.push(Finding::error(
                "signed-not-cost",
                format!(
                    "column '{}' is declared signed but is not read as a cost; map it with --map '{}=cost'",
                    column.header, column.header
                ),
                at,
            )),
            (None, _) => findings.push(Finding::error(
                "signed-column-not-found",
                format!(
                    "column '{name}' is declared signed, but the file has no such cost column (cost is read from: {})",
                    cost.map_or("no column", |c| c.header.as_str())
                ),
                at,
            )),
        }
    }
    if findings.is_empty() {
        Ok(is_signed)
    } else {
        Err(findings)
    }
}

/// Comma-separated CSV text read on every core with its cost column, if
/// it has one, declared signed: the round trips of exports in tests, whose
/// orgs may hold negative costs that an edit made.
#[cfg(test)]
pub(crate) fn load_signed_csv_text(
    text: &[u8],
    file: &str,
    ladder: crate::model::Ladder,
    policy: crate::model::Policy,
) -> crate::error::Result<(crate::model::Org, Vec<Finding>)> {
    let header = text.split(|&b| b == b'\n').next().unwrap_or_default();
    let has_cost = header.split(|&b| b == b',').any(|h| h == b"cost");
    let signed = if has_cost {
        vec!["cost".to_string()]
    } else {
        Vec::new()
    };
    let source = super::parallel::CsvText {
        text,
        delimiter: b',',
        file,
        overrides: &[],
        signed: &signed,
    };
    super::parallel::load_text(source, (ladder, policy), 0, &|_| {})
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping(columns: &[(&str, Option<Field>)]) -> Vec<ColumnMapping> {
        columns
            .iter()
            .enumerate()
            .map(|(index, (header, field))| ColumnMapping {
                index,
                header: header.to_string(),
                field: *field,
                overridden: false,
            })
            .collect()
    }

    fn codes(result: Result<bool, Vec<Finding>>) -> Result<bool, Vec<String>> {
        result.map_err(|findings| findings.into_iter().map(|f| f.code).collect())
    }

    #[test]
    fn the_cost_column_is_declared_by_header_or_as_cost() {
        let columns = mapping(&[
            ("Employee ID", Some(Field::Id)),
            ("Annual Salary", Some(Field::Cost)),
            ("Name", Some(Field::Name)),
            ("Badge", None),
        ]);
        let declare = |names: &[&str]| {
            let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
            codes(cost_is_signed("people.csv", &columns, &names))
        };
        assert_eq!(declare(&[]), Ok(false));
        assert_eq!(declare(&["Annual Salary"]), Ok(true));
        assert_eq!(declare(&["annual_salary"]), Ok(true));
        assert_eq!(declare(&["cost"]), Ok(true));
        assert_eq!(declare(&["Name"]), Err(vec!["signed-not-cost".into()]));
        assert_eq!(declare(&["Badge"]), Err(vec!["signed-not-cost".into()]));
        assert_eq!(
            declare(&["Bonus", "Annual Salary"]),
            Err(vec!["signed-column-not-found".into()])
        );
        let no_cost = mapping(&[("id", Some(Field::Id))]);
        assert!(cost_is_signed("people.csv", &no_cost, &["cost".into()]).is_err());
    }

    /// A negative cost is an error naming its row and column on every
    /// path (streamed CSV, CSV read whole to resolve e-mail references,
    /// spreadsheet), and read as negative once the column is declared.
    #[test]
    fn a_negative_cost_is_an_error_unless_the_column_is_signed() {
        use crate::error::OrgError;
        use crate::import::{load, ImportOptions, ManagerRef};
        use crate::model::{Ladder, Policy};
        use crate::money::Money;

        let dir = tempfile::tempdir().expect("temp dir");
        let rows = [
            ["id", "manager", "email", "Salary"],
            ["a", "", "a@x.org", "100"],
            ["b", "a@x.org", "b@x.org", "-1,250.50"],
            ["c", "a@x.org", "c@x.org", "$ -3"],
        ];
        let csv = dir.path().join("people.csv");
        let text: String = rows.iter().map(|r| r.join(",") + "\n").collect();
        std::fs::write(&csv, text.replace("-1,250.50", "\"-1,250.50\"")).expect("written");
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
            let how = format!("{path:?} {manager_ref:?}");
            let mut options = ImportOptions {
                manager_ref,
                ..ImportOptions::default()
            };
            let load =
                |options: &ImportOptions| load(path, options, Ladder::default(), Policy::default());
            let Err(OrgError::Validation(findings)) = load(&options) else {
                panic!("{how}: negative costs are refused");
            };
            let found: Vec<(&str, Option<u64>, Option<&str>)> = findings
                .iter()
                .filter(|f| f.is_error())
                .map(|f| {
                    (
                        f.code.as_str(),
                        f.location.row,
                        f.location.column.as_deref(),
                    )
                })
                .collect();
            assert_eq!(
                found,
                [
                    ("negative-cost", Some(3), Some("Salary")),
                    ("negative-cost", Some(4), Some("Salary"))
                ],
                "{how}"
            );
            assert!(!findings[0].message.contains("250"), "{how}: no amount");

            options.signed = vec!["Salary".into()];
            let (org, _) = load(&options).unwrap_or_else(|e| panic!("{how}: {e}"));
            let cost = |id: &str| org.person(&id.into()).and_then(|p| p.cost);
            assert_eq!(cost("b"), Some(Money(-125_050)), "{how}");
            assert_eq!(cost("c"), Some(Money(-300)), "{how}");

            options.signed = vec!["email".into()];
            let Err(OrgError::Validation(findings)) = load(&options) else {
                panic!("{how}: a non-cost column cannot be signed");
            };
            assert_eq!(findings[0].code, "signed-not-cost", "{how}");
        }
    }
}
