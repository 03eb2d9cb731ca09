//! Typed errors of the core. They cross IPC as `{code, message}`; the UI and
//! the CLI match on [`ErrorCode`], never on message text.

use crate::model::Finding;
use serde::Serialize;
use std::path::PathBuf;

/// Stable, machine-readable error codes (serialised in kebab-case).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    NotFound,
    WouldCreateCycle,
    InvalidInput,
    Validation,
    NotAWorkspace,
    Corrupt,
    Busy,
    Io,
    Storage,
    AlreadyExists,
    NothingToUndo,
    NothingToRedo,
    Conflict,
    /// A whole-org image that would be too big to read: the export dialog
    /// offers a PDF, an SVG or a part of the org instead.
    ImageTooLarge,
    /// A failure outside the core, such as the desktop app's worker thread
    /// stopping; the core itself never returns it.
    Internal,
}

#[derive(Debug, thiserror::Error)]
pub enum OrgError {
    #[error("no person with id '{0}'")]
    PersonNotFound(String),
    #[error("moving '{person}' under '{manager}' would create a reporting cycle: {}", cycle.join(" -> "))]
    WouldCreateCycle {
        person: String,
        manager: String,
        cycle: Vec<String>,
    },
    #[error("no scenario named '{0}'")]
    ScenarioNotFound(String),
    #[error("a scenario named '{0}' already exists")]
    ScenarioExists(String),
    #[error("nothing to undo in scenario '{0}'")]
    NothingToUndo(String),
    #[error("nothing to redo in scenario '{0}'")]
    NothingToRedo(String),
    #[error(
        "scenario '{0}' was changed by another Orgraph window or process; reopen it and try again"
    )]
    Conflict(String),
    #[error("{0}")]
    InvalidInput(String),
    /// A new workspace, or an export asked not to replace files, would
    /// replace an existing file.
    #[error("{path}: a file already exists there")]
    FileExists { path: PathBuf },
    #[error("{}", render_findings(.0))]
    Validation(Vec<Finding>),
    #[error("{path}: not an Orgraph workspace ({reason}); the file was left untouched")]
    NotAWorkspace { path: PathBuf, reason: String },
    #[error("{path}: the workspace is damaged: {reason}; the file was left untouched")]
    Corrupt { path: PathBuf, reason: String },
    #[error("{path}: the workspace is busy (another Orgraph process is writing to it)")]
    Busy { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("workspace storage error: {0}")]
    Storage(#[from] rusqlite::Error),
    /// Writing an export failed: the output refused bytes, or the format
    /// cannot hold the org (an XLSX sheet has at most 1,048,576 rows).
    #[error("cannot write the {format} export: {source}")]
    Export {
        format: &'static str,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A PNG export would need more pixels than the renderer allows.
    #[error(
        "the chart would be a {width}x{height} px image, more than the {max_side} px per side or {max_pixels} px in all a PNG may have; draw part of the org (--root, --depth), lower the scale, or export a PDF, which splits big charts over pages"
    )]
    ImageTooLarge {
        width: u64,
        height: u64,
        max_side: u64,
        max_pixels: u64,
    },
    /// Rendering a chart failed (the SVG could not be parsed, rasterised or
    /// converted to PDF).
    #[error("could not render the chart: {0}")]
    Render(String),
}

fn render_findings(findings: &[Finding]) -> String {
    let errors: Vec<String> = findings
        .iter()
        .filter(|f| f.is_error())
        .map(ToString::to_string)
        .collect();
    format!("{} error(s):\n  {}", errors.len(), errors.join("\n  "))
}

impl OrgError {
    pub fn code(&self) -> ErrorCode {
        match self {
            OrgError::PersonNotFound(_) => ErrorCode::NotFound,
            OrgError::WouldCreateCycle { .. } => ErrorCode::WouldCreateCycle,
            OrgError::ScenarioNotFound(_) => ErrorCode::NotFound,
            OrgError::ScenarioExists(_) => ErrorCode::AlreadyExists,
            OrgError::NothingToUndo(_) => ErrorCode::NothingToUndo,
            OrgError::NothingToRedo(_) => ErrorCode::NothingToRedo,
            OrgError::Conflict(_) => ErrorCode::Conflict,
            OrgError::InvalidInput(_) => ErrorCode::InvalidInput,
            OrgError::FileExists { .. } => ErrorCode::AlreadyExists,
            OrgError::Validation(_) => ErrorCode::Validation,
            OrgError::NotAWorkspace { .. } => ErrorCode::NotAWorkspace,
            OrgError::Corrupt { .. } => ErrorCode::Corrupt,
            OrgError::Busy { .. } => ErrorCode::Busy,
            OrgError::Io { .. } => ErrorCode::Io,
            OrgError::Storage(_) => ErrorCode::Storage,
            // Io rather than a new code: the desktop shell maps every code.
            OrgError::Export { .. } => ErrorCode::Io,
            OrgError::ImageTooLarge { .. } => ErrorCode::ImageTooLarge,
            OrgError::Render(_) => ErrorCode::InvalidInput,
        }
    }
}

pub type Result<T, E = OrgError> = std::result::Result<T, E>;
