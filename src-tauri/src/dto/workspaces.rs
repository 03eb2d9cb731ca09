//! The File menu: recent workspaces.

use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// One entry of the File menu's Recent list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecentWorkspace {
    pub path: String,
    /// The file name, e.g. `default.orgraph`.
    pub name: String,
    /// The workspace open now (always first).
    pub current: bool,
}

impl RecentWorkspace {
    pub fn of(path: &Path, current: Option<&Path>) -> RecentWorkspace {
        RecentWorkspace {
            path: path.display().to_string(),
            name: super::file_name(path),
            current: current == Some(path),
        }
    }
}
