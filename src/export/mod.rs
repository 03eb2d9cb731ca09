//! Writing an org to data formats: CSV and XLSX that the importers read
//! back unchanged, JSON of the whole model, and Graphviz / Mermaid charts of
//! the reporting tree.
//!
//! Every format goes through [`export_data`]. A scope (a subtree under a
//! root, down to a depth) is cut out first as an org of its own (see
//! [`scoped_org`]), so each writer only ever sees a complete, consistent
//! org. With `redact_cost` no cost value appears anywhere: the CSV and
//! People-sheet `cost` column is left out entirely (an importer then reads
//! every cost as unknown), the JSON `cost` field is left out, and the team
//! and metric cost totals of the XLSX are dropped.
//!
//! [`export_file`] is the one entry point for writing any export (charts
//! included) to a file atomically, as the CLI and the app do.

mod csv;
mod dot;
mod file;
mod graph;
mod json;
mod mermaid;
mod request;
mod rows;
mod scope;
mod xlsx;

#[cfg(test)]
mod tests;

pub use file::{chart_title, export_file, write_atomically, FileExport, FileFormat, Written};
pub use request::{ExportRequest, ExportResult};
pub use scope::scoped_org;

use crate::error::{OrgError, Result};
use crate::metrics::Metrics;
use crate::model::{Org, PersonId};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// The formats [`export_data`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DataFormat {
    /// One row per person with the importer's headers; re-imports exactly.
    Csv,
    /// Sheets People (same columns as the CSV), Teams and Metrics.
    Xlsx,
    /// The whole model: people, teams, lines, support, ladder and policy.
    Json,
    /// Graphviz: the reporting tree with teams as clusters.
    Dot,
    /// Mermaid `flowchart TD`: the reporting tree with teams as subgraphs.
    Mermaid,
}

impl DataFormat {
    pub const ALL: [DataFormat; 5] = [
        DataFormat::Csv,
        DataFormat::Xlsx,
        DataFormat::Json,
        DataFormat::Dot,
        DataFormat::Mermaid,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DataFormat::Csv => "csv",
            DataFormat::Xlsx => "xlsx",
            DataFormat::Json => "json",
            DataFormat::Dot => "dot",
            DataFormat::Mermaid => "mermaid",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            DataFormat::Mermaid => "mmd",
            other => other.as_str(),
        }
    }
}

impl fmt::Display for DataFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DataFormat {
    type Err = OrgError;

    /// Accepts the format names case-insensitively, plus the extensions
    /// `gv` (Graphviz) and `mmd` (Mermaid).
    fn from_str(text: &str) -> Result<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "csv" => Ok(DataFormat::Csv),
            "xlsx" => Ok(DataFormat::Xlsx),
            "json" => Ok(DataFormat::Json),
            "dot" | "gv" | "graphviz" => Ok(DataFormat::Dot),
            "mermaid" | "mmd" => Ok(DataFormat::Mermaid),
            _ => Err(OrgError::InvalidInput(format!(
                "'{}' is not an export format (expected csv, xlsx, json, dot or mermaid)",
                text.trim()
            ))),
        }
    }
}

/// What to export and what to leave out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Leave every cost value out (see the module documentation).
    pub redact_cost: bool,
    /// Export only this person and everyone below them.
    pub root: Option<PersonId>,
    /// Export only this many layers, the root (or each top-level root when
    /// there is no `root`) being layer 1. `Some(0)` is refused.
    pub depth: Option<u32>,
}

/// The whole JSON export of `org`, for tests that compare two orgs in
/// full.
#[cfg(test)]
pub(crate) fn json_text(org: &Org) -> String {
    let metrics = crate::metrics::compute(org, crate::View::Current);
    let mut out = Vec::new();
    export_data(
        org,
        &metrics,
        DataFormat::Json,
        &ExportOptions::default(),
        &mut out,
    )
    .expect("exported");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// Writes `org` (cut to the scope in `options`) to `out` in `format`.
///
/// `metrics` feeds the XLSX Metrics sheet. For a scoped export they are
/// recomputed for the exported people in the same view, since figures of
/// the whole org would not describe the file.
pub fn export_data(
    org: &Org,
    metrics: &Metrics,
    format: DataFormat,
    options: &ExportOptions,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let org = scoped_org(org, options.root.as_ref(), options.depth)?;
    let redact = options.redact_cost;
    match format {
        DataFormat::Csv => self::csv::write(&org, redact, out),
        DataFormat::Xlsx => {
            let metrics = match &org {
                Cow::Borrowed(_) => Cow::Borrowed(metrics),
                Cow::Owned(scoped) => Cow::Owned(crate::metrics::compute(scoped, metrics.view)),
            };
            xlsx::write(&org, &metrics, redact, out)
        }
        DataFormat::Json => json::write(&org, redact, out),
        DataFormat::Dot => dot::write(&org, out),
        DataFormat::Mermaid => mermaid::write(&org, out),
    }
}

/// The typed error for a writer that failed while writing `format`.
fn export_error(
    format: DataFormat,
    source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
) -> OrgError {
    OrgError::Export {
        format: format.as_str(),
        source: source.into(),
    }
}
