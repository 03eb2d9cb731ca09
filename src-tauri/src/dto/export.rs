//! The export dialog's request and result.

use orgraph::export::{chart_title, DataFormat, FileExport, FileFormat, Written};
use orgraph::render::{ColourBy, PageSize};
use orgraph::session::Session;
use orgraph::{OrgError, PersonId};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Pdf,
    Png,
    Svg,
    Csv,
    Xlsx,
    Json,
    Dot,
    Mermaid,
}

impl From<ExportFormat> for FileFormat {
    fn from(format: ExportFormat) -> FileFormat {
        match format {
            ExportFormat::Pdf => FileFormat::Pdf,
            ExportFormat::Png => FileFormat::Png,
            ExportFormat::Svg => FileFormat::Svg,
            ExportFormat::Csv => FileFormat::Data(DataFormat::Csv),
            ExportFormat::Xlsx => FileFormat::Data(DataFormat::Xlsx),
            ExportFormat::Json => FileFormat::Data(DataFormat::Json),
            ExportFormat::Dot => FileFormat::Data(DataFormat::Dot),
            ExportFormat::Mermaid => FileFormat::Data(DataFormat::Mermaid),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportPage {
    A4,
    Letter,
    A3,
}

impl From<ExportPage> for PageSize {
    fn from(page: ExportPage) -> PageSize {
        match page {
            ExportPage::A4 => PageSize::A4,
            ExportPage::Letter => PageSize::Letter,
            ExportPage::A3 => PageSize::A3,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportColourBy {
    Team,
    Verdict,
    Placement,
    Status,
}

impl From<ExportColourBy> for ColourBy {
    fn from(colour: ExportColourBy) -> ColourBy {
        match colour {
            ExportColourBy::Team => ColourBy::Team,
            ExportColourBy::Verdict => ColourBy::Verdict,
            ExportColourBy::Placement => ColourBy::Placement,
            ExportColourBy::Status => ColourBy::Status,
        }
    }
}

/// What the export dialog asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportRequest {
    pub format: ExportFormat,
    /// Absolute path of the file to write (replaced when complete).
    pub path: String,
    /// The scenario the user sees; refused if another is on show by the
    /// time the export runs.
    pub scenario: String,
    /// Only this person and everyone below them.
    pub root: Option<String>,
    /// Layers to include, the root being layer 1.
    pub depth: Option<u32>,
    pub page: ExportPage,
    pub landscape: bool,
    /// Leave every cost value out of data formats (charts never show cost).
    pub redact_cost: bool,
    pub colour_by: ExportColourBy,
    /// Replace a file already at `path`; without it such a file is refused
    /// (`already-exists`) so the dialog can ask first.
    pub replace: bool,
}

impl ExportRequest {
    /// The core's export of `session`'s org, and the file to write.
    pub fn to_export(&self, session: &Session) -> Result<(FileExport, PathBuf), OrgError> {
        let shown = &session.scenario().name;
        if *shown != self.scenario {
            return Err(OrgError::InvalidInput(format!(
                "scenario '{shown}' is on show now, not '{}'; export again",
                self.scenario
            )));
        }
        let path = PathBuf::from(self.path.trim());
        if !path.is_absolute() || path.file_name().is_none() {
            return Err(OrgError::InvalidInput(format!(
                "'{}' is not a full file path (e.g. /home/me/org.pdf)",
                self.path
            )));
        }
        let export = FileExport {
            format: self.format.into(),
            root: self
                .root
                .as_deref()
                .map(str::trim)
                .filter(|id| !id.is_empty())
                .map(PersonId::new),
            depth: self.depth,
            redact_cost: self.redact_cost,
            title: chart_title(session.path(), shown),
            date: orgraph::date::today().to_string(),
            page: self.page.into(),
            landscape: self.landscape,
            colour_by: self.colour_by.into(),
            replace: self.replace,
        };
        Ok((export, path))
    }
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportResult {
    pub path: String,
    pub format: ExportFormat,
    pub scenario: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Pages of a PDF; null for other formats.
    pub pages: Option<u32>,
}

impl ExportResult {
    pub fn new(request: &ExportRequest, path: &std::path::Path, written: Written) -> Self {
        ExportResult {
            path: path.display().to_string(),
            format: request.format,
            scenario: request.scenario.clone(),
            bytes: written.bytes,
            pages: written.pages,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> (tempfile::TempDir, Session) {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = Session::open_or_seed(&dir.path().join("acme.orgraph")).expect("seeded");
        (dir, session)
    }

    fn request(path: &str) -> ExportRequest {
        ExportRequest {
            format: ExportFormat::Csv,
            path: path.to_string(),
            scenario: "baseline".to_string(),
            root: None,
            depth: None,
            page: ExportPage::A4,
            landscape: false,
            redact_cost: true,
            colour_by: ExportColourBy::Team,
            replace: false,
        }
    }

    #[test]
    fn a_request_deserialises_from_the_ui_shape() {
        let json = serde_json::json!({
            "format": "mermaid", "path": "/tmp/o.mmd", "scenario": "baseline",
            "root": null, "depth": 2, "page": "letter", "landscape": true,
            "redactCost": true, "colourBy": "verdict", "replace": true
        });
        let parsed: ExportRequest = serde_json::from_value(json).expect("parses");
        assert_eq!(parsed.format, ExportFormat::Mermaid);
        assert_eq!(parsed.depth, Some(2));
        assert_eq!(PageSize::from(parsed.page), PageSize::Letter);
        assert_eq!(ColourBy::from(parsed.colour_by), ColourBy::Verdict);
        assert!(parsed.replace);
    }

    #[test]
    fn the_export_uses_the_shown_scenario_and_refuses_relative_paths() {
        let (dir, session) = session();
        let out = dir.path().join("org.csv");
        let (export, path) = request(out.to_str().expect("UTF-8"))
            .to_export(&session)
            .expect("valid");
        assert_eq!(path, out);
        assert_eq!(export.title, "acme — baseline");
        assert!(export.redact_cost);
        assert_eq!(export.format, FileFormat::Data(DataFormat::Csv));

        let error = request("org.csv")
            .to_export(&session)
            .expect_err("relative");
        assert_eq!(error.code(), orgraph::ErrorCode::InvalidInput);
        let mut other = request(out.to_str().expect("UTF-8"));
        other.scenario = "reorg".to_string();
        let error = other.to_export(&session).expect_err("not on show");
        assert!(
            error.to_string().contains("'baseline' is on show"),
            "{error}"
        );
    }
}
