//! The app's export dialog: the request its form sends, resolved against
//! the session (the scenario on show, the workspace's chart title), and
//! what the export wrote.

use super::{chart_title, export_file, FileExport, FileFormat};
use crate::error::{OrgError, Result};
use crate::model::PersonId;
use crate::render::{ColourBy, PageSize};
use crate::session::Session;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// What the export dialog asks for.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRequest {
    pub format: FileFormat,
    /// Absolute path of the file to write (replaced when complete).
    pub path: String,
    /// The scenario the user sees; refused if another is on show by the
    /// time the export runs.
    pub scenario: String,
    /// Only this person and everyone below them.
    pub root: Option<String>,
    /// Layers to include, the root being layer 1.
    pub depth: Option<u32>,
    pub page: PageSize,
    pub landscape: bool,
    /// Leave every cost value out of data formats (charts never show cost).
    pub redact_cost: bool,
    pub colour_by: ColourBy,
    /// Replace a file already at `path`; without it such a file is refused
    /// (`already-exists`) so the dialog can ask first.
    pub replace: bool,
}

/// What an export wrote.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportResult {
    pub path: String,
    pub format: FileFormat,
    pub scenario: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes: u64,
    /// Pages of a PDF; `None` for other formats.
    pub pages: Option<u32>,
}

impl ExportRequest {
    /// The export of `session`'s org, and the file to write.
    pub fn to_export(&self, session: &Session) -> Result<(FileExport, PathBuf)> {
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
            format: self.format,
            root: self
                .root
                .as_deref()
                .map(str::trim)
                .filter(|id| !id.is_empty())
                .map(PersonId::new),
            depth: self.depth,
            redact_cost: self.redact_cost,
            title: chart_title(session.path(), shown),
            date: crate::date::today().to_string(),
            page: self.page,
            landscape: self.landscape,
            colour_by: self.colour_by,
            replace: self.replace,
        };
        Ok((export, path))
    }

    /// Writes `session`'s org on show to the file, atomically.
    pub fn export(&self, session: &Session) -> Result<ExportResult> {
        let (export, path) = self.to_export(session)?;
        let written = export_file(session.org(), session.metrics(), &export, &path)?;
        Ok(ExportResult {
            path: path.display().to_string(),
            format: self.format,
            scenario: self.scenario.clone(),
            bytes: written.bytes,
            pages: written.pages,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::DataFormat;

    fn session() -> (tempfile::TempDir, Session) {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = Session::open_or_seed(&dir.path().join("acme.orgraph")).expect("seeded");
        (dir, session)
    }

    fn request(path: &str) -> ExportRequest {
        ExportRequest {
            format: FileFormat::Data(DataFormat::Csv),
            path: path.to_string(),
            scenario: "baseline".to_string(),
            root: None,
            depth: None,
            page: PageSize::A4,
            landscape: false,
            redact_cost: true,
            colour_by: ColourBy::Team,
            replace: false,
        }
    }

    #[test]
    fn a_request_deserialises_from_the_ui_shape() {
        let json = serde_json::json!({
            "format": "mermaid", "path": "/tmp/o.mmd", "scenario": "baseline",
            "root": null, "depth": 2, "page": "letter", "landscape": true,
            "redact_cost": true, "colour_by": "verdict", "replace": true
        });
        let parsed: ExportRequest = serde_json::from_value(json).expect("parses");
        assert_eq!(parsed.format, FileFormat::Data(DataFormat::Mermaid));
        assert_eq!(parsed.depth, Some(2));
        assert_eq!(parsed.page, PageSize::Letter);
        assert_eq!(parsed.colour_by, ColourBy::Verdict);
        assert!(parsed.replace);
        let bad = serde_json::json!({
            "format": "docx", "path": "/tmp/o.docx", "scenario": "baseline",
            "root": null, "depth": null, "page": "a4", "landscape": false,
            "redact_cost": true, "colour_by": "team", "replace": false
        });
        assert!(serde_json::from_value::<ExportRequest>(bad).is_err());
    }

    #[test]
    fn formats_serialise_as_their_names() {
        for format in FileFormat::ALL {
            let json = serde_json::to_value(format).expect("serialise");
            assert_eq!(json, serde_json::json!(format.as_str()));
            let back: FileFormat = serde_json::from_value(json).expect("parses");
            assert_eq!(back, format);
        }
        assert_eq!(serde_json::json!(PageSize::A3), serde_json::json!("a3"));
        assert_eq!(
            serde_json::json!(ColourBy::Placement),
            serde_json::json!("placement")
        );
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
        assert_eq!(error.code(), crate::ErrorCode::InvalidInput);
        let mut other = request(out.to_str().expect("UTF-8"));
        other.scenario = "reorg".to_string();
        let error = other.to_export(&session).expect_err("not on show");
        assert!(
            error.to_string().contains("'baseline' is on show"),
            "{error}"
        );
    }

    #[test]
    fn an_export_reports_what_it_wrote() {
        let (dir, session) = session();
        let out = dir.path().join("org.csv");
        let result = request(out.to_str().expect("UTF-8"))
            .export(&session)
            .expect("written");
        assert_eq!(result.path, out.display().to_string());
        assert_eq!(result.scenario, "baseline");
        assert_eq!(result.pages, None);
        let size = std::fs::metadata(&out).expect("written").len();
        assert_eq!(result.bytes, size);
    }
}
