//! The app's import wizard: the request its form sends, and the review of
//! what importing the file would read.
//!
//! No individual compensation is in the review: the preview blanks every
//! cell of a column read as `cost` or named like one.

use super::{detect, Detection, Field, ImportOptions, ManagerRef, SourceFormat};
use crate::error::{OrgError, Result};
use crate::model::Finding;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What stands in for a cost in the preview.
pub const HIDDEN_COST: &str = "•••";

/// One column the user mapped by hand.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnOverride {
    /// The column's header as detected.
    pub column: String,
    /// A field name from [`ImportReview::fields`] (`ignore`: not read).
    pub field: String,
}

/// What the wizard asks a review or an import for.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRequest {
    /// Absolute path of the CSV or spreadsheet.
    pub path: String,
    /// The workbook sheet to read (`None`: the first).
    pub sheet: Option<String>,
    pub overrides: Vec<ColumnOverride>,
    /// A kind from [`ImportReview::manager_refs`] (`None` or empty:
    /// detected).
    pub manager_ref: Option<String>,
    /// Cost columns, by header, whose amounts may be negative (refunds,
    /// adjustments); a negative cost elsewhere refuses the import.
    pub signed: Vec<String>,
}

impl ImportRequest {
    /// A request for `path` with everything detected.
    pub fn of_path(path: impl Into<String>) -> ImportRequest {
        ImportRequest {
            path: path.into(),
            sheet: None,
            overrides: Vec::new(),
            manager_ref: None,
            signed: Vec::new(),
        }
    }

    /// The file and the import's options; unknown fields or kinds are
    /// `invalid-input`.
    pub fn to_options(&self) -> Result<(PathBuf, ImportOptions)> {
        let path = PathBuf::from(self.path.trim());
        if !path.is_absolute() || path.file_name().is_none() {
            return Err(OrgError::InvalidInput(format!(
                "'{}' is not a full file path (e.g. /home/me/people.csv)",
                self.path
            )));
        }
        let overrides = self
            .overrides
            .iter()
            .map(|o| {
                let field = o.field.parse::<Field>().map_err(OrgError::InvalidInput)?;
                Ok((o.column.clone(), field))
            })
            .collect::<Result<Vec<_>>>()?;
        let manager_ref = self
            .manager_ref
            .as_deref()
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(|k| k.parse::<ManagerRef>().map_err(OrgError::InvalidInput))
            .transpose()?;
        let sheet = self
            .sheet
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        Ok((
            path,
            ImportOptions {
                sheet,
                overrides,
                manager_ref,
                signed: self.signed.clone(),
            },
        ))
    }

    /// What importing the file would read; writes nothing.
    pub fn review(&self) -> Result<ImportReview> {
        let (path, options) = self.to_options()?;
        Ok(ImportReview::of(&path, detect(&path, &options)?))
    }
}

/// How one source column is read, named as the wizard's mapping editor
/// and `--map` name fields.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewColumn {
    pub index: usize,
    pub header: String,
    /// The field's name, `None` when the column is not read.
    pub field: Option<String>,
    /// True when the user chose the field.
    pub overridden: bool,
}

/// Why a column was read as the id or the manager, in the app's words.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewChoice {
    /// `id` or `manager_id`.
    pub field: String,
    pub header: String,
    /// "its header", "your choice", "values unique", "93% of values match
    /// ids", ...
    pub reason: String,
}

/// The review step: what an import of the file would read.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportReview {
    pub path: String,
    pub format: SourceFormat,
    /// CSV only, e.g. "UTF-8".
    pub encoding: Option<String>,
    /// CSV only, e.g. "," or "\t".
    pub delimiter: Option<String>,
    /// Workbooks only: the sheet read, and every sheet.
    pub sheet: Option<String>,
    pub sheets: Vec<String>,
    pub columns: Vec<ReviewColumn>,
    /// How managers are referred to.
    pub manager_ref: ManagerRef,
    /// Every manager reference kind, for the override select.
    pub manager_refs: Vec<ManagerRef>,
    /// Every field a column can be read as (without `ignore`).
    pub fields: Vec<String>,
    pub rows: usize,
    /// The first rows as text; cells of cost columns (read as cost or
    /// named like one) are [`HIDDEN_COST`].
    pub preview: Vec<Vec<String>>,
    /// Why the id and manager columns were chosen.
    pub choices: Vec<ReviewChoice>,
    /// Why managers are taken to be given as `manager_ref`.
    pub manager_ref_reason: String,
    /// What reading the file found before any row is read: the encoding
    /// guessed, bytes the encoding does not allow, rows split otherwise.
    pub findings: Vec<Finding>,
}

impl ImportReview {
    /// The review of `detection`, the detection of the file at `path`.
    pub fn of(path: &Path, detection: Detection) -> ImportReview {
        // Read as cost, or named like a cost column: un-mapping a salary
        // column must not reveal it.
        let cost_columns: Vec<usize> = detection
            .columns
            .iter()
            .filter(|c| {
                c.field == Some(Field::Cost) || Field::from_header(&c.header) == Some(Field::Cost)
            })
            .map(|c| c.index)
            .collect();
        let preview = detection
            .preview
            .into_iter()
            .map(|row| hide_costs(row, &cost_columns))
            .collect();
        let columns = detection
            .columns
            .iter()
            .map(|column| ReviewColumn {
                index: column.index,
                header: column.header.clone(),
                field: column
                    .field
                    .filter(|f| *f != Field::Ignore)
                    .map(|f| f.name().to_string()),
                overridden: column.overridden,
            })
            .collect();
        let choices = detection
            .choices
            .iter()
            .map(|choice| ReviewChoice {
                field: choice.field.name().to_string(),
                header: choice.header.clone(),
                reason: in_app_words(&choice.reason),
            })
            .collect();
        ImportReview {
            path: path.display().to_string(),
            format: detection.format,
            encoding: detection.encoding.map(|e| e.name().to_string()),
            delimiter: detection.delimiter.map(String::from),
            sheet: detection.sheet,
            sheets: detection.sheets,
            columns,
            manager_ref: detection.manager_ref,
            manager_refs: ManagerRef::ALL.to_vec(),
            fields: Field::ALL
                .iter()
                .filter(|f| **f != Field::Ignore)
                .map(|f| f.name().to_string())
                .collect(),
            rows: detection.rows,
            preview,
            choices,
            manager_ref_reason: in_app_words(&detection.manager_ref_reason),
            findings: detection.findings,
        }
    }
}

fn hide_costs(row: Vec<String>, cost_columns: &[usize]) -> Vec<String> {
    row.into_iter()
        .enumerate()
        .map(|(i, cell)| {
            if cost_columns.contains(&i) && !cell.trim().is_empty() {
                HIDDEN_COST.to_string()
            } else {
                cell
            }
        })
        .collect()
}

/// A detection's reason in the app's words: the core's reasons name the
/// CLI's flags for a user's choice, and the wizard's user chose in the
/// wizard.
pub fn in_app_words(reason: &str) -> String {
    let (first, rest) = reason.split_once(';').unwrap_or((reason, ""));
    let first = match first {
        "--map" | "--manager-ref" => "your choice",
        "header" => "its header",
        other => other,
    };
    if rest.is_empty() {
        first.to_string()
    } else {
        format!("{first};{rest}")
    }
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
