//! The recently opened workspaces: a short list, most recent first, kept as
//! a small JSON file (the desktop app keeps it in its config folder).
//! Reading never fails: a missing or unreadable list is an empty one, so a
//! damaged preferences file can never stop the app from starting.

use crate::error::{OrgError, Result};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many workspaces the list remembers.
pub const RECENT_LIMIT: usize = 8;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentWorkspaces {
    /// Most recent first, no duplicates, at most [`RECENT_LIMIT`].
    paths: Vec<PathBuf>,
}

impl RecentWorkspaces {
    /// Reads the list at `file`; empty when it is missing or not a list.
    pub fn load(file: &Path) -> RecentWorkspaces {
        std::fs::read(file)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<RecentWorkspaces>(&bytes).ok())
            .map(|mut list| {
                list.paths.truncate(RECENT_LIMIT);
                list
            })
            .unwrap_or_default()
    }

    /// Writes the list to `file` atomically (its folder is created).
    pub fn save(&self, file: &Path) -> Result<()> {
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| OrgError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let json = serde_json::to_vec_pretty(self)
            .map_err(|e| OrgError::InvalidInput(format!("recent workspaces: {e}")))?;
        crate::export::write_atomically(file, &json)
    }

    /// Puts `path` first (moving it up if listed), keeping the list short.
    pub fn opened(&mut self, path: &Path) {
        let path = normalise(path);
        self.paths.retain(|p| normalise(p) != path);
        self.paths.insert(0, path);
        self.paths.truncate(RECENT_LIMIT);
    }

    /// Drops workspaces whose file is gone; returns whether any were.
    pub fn prune_missing(&mut self) -> bool {
        let before = self.paths.len();
        self.paths.retain(|p| p.is_file());
        self.paths.len() != before
    }

    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }
}

/// One entry of the File menu's Recent list.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecentWorkspace {
    pub path: String,
    /// The file name, e.g. `default.orgraph`.
    pub name: String,
    /// The workspace open now (always first).
    pub current: bool,
}

impl RecentWorkspace {
    /// The entries for `paths`, `current` marked.
    pub fn list(paths: &[PathBuf], current: Option<&Path>) -> Vec<RecentWorkspace> {
        paths
            .iter()
            .map(|path| RecentWorkspace {
                path: path.display().to_string(),
                name: file_name(path),
                current: current == Some(path.as_path()),
            })
            .collect()
    }
}

/// The open workspace, for the title bar and the header.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkspaceInfo {
    pub path: String,
    /// The file name, e.g. `default.orgraph`.
    pub name: String,
    /// People in the scenario on show.
    pub people: usize,
}

impl WorkspaceInfo {
    pub fn of(session: &crate::session::Session) -> WorkspaceInfo {
        let path = session.path();
        WorkspaceInfo {
            path: path.display().to_string(),
            name: file_name(path),
            people: session.org().len(),
        }
    }
}

/// A workspace's file name, for titles and menus (the whole path when it
/// has none).
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The same file listed twice under different spellings counts once.
fn normalise(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(dir: &Path, name: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, b"x").expect("written");
        path.canonicalize().expect("exists")
    }

    #[test]
    fn most_recent_first_without_duplicates_and_at_most_eight() {
        let dir = tempfile::tempdir().expect("temp dir");
        let files: Vec<PathBuf> = (0..10)
            .map(|i| touch(dir.path(), &format!("w{i}.orgraph")))
            .collect();
        let mut recent = RecentWorkspaces::default();
        for file in &files {
            recent.opened(file);
        }
        assert_eq!(recent.paths().len(), RECENT_LIMIT);
        assert_eq!(recent.paths()[0], files[9]);
        assert_eq!(recent.paths()[7], files[2]);
        // Reopening an older one moves it to the front, once.
        recent.opened(&files[5]);
        assert_eq!(recent.paths()[0], files[5]);
        assert_eq!(recent.paths().len(), RECENT_LIMIT);
        assert_eq!(recent.paths().iter().filter(|p| **p == files[5]).count(), 1);
        // A different spelling of the same file is the same entry.
        let spelled = dir.path().join(".").join("w9.orgraph");
        recent.opened(&spelled);
        assert_eq!(recent.paths()[0], files[9]);
        assert_eq!(recent.paths().iter().filter(|p| **p == files[9]).count(), 1);
    }

    #[test]
    fn missing_files_are_pruned_and_the_list_round_trips() {
        let dir = tempfile::tempdir().expect("temp dir");
        let kept = touch(dir.path(), "kept.orgraph");
        let gone = touch(dir.path(), "gone.orgraph");
        let mut recent = RecentWorkspaces::default();
        recent.opened(&kept);
        recent.opened(&gone);
        std::fs::remove_file(&gone).expect("removed");
        assert!(recent.prune_missing());
        assert_eq!(recent.paths(), std::slice::from_ref(&kept));
        assert!(!recent.prune_missing());

        let file = dir.path().join("config").join("recent.json");
        recent.save(&file).expect("saved");
        assert_eq!(RecentWorkspaces::load(&file), recent);
    }

    #[test]
    fn entries_are_named_by_file_and_the_open_one_is_marked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let open = touch(dir.path(), "open.orgraph");
        let other = touch(dir.path(), "other.orgraph");
        let listed = RecentWorkspace::list(&[open.clone(), other], Some(&open));
        let shown: Vec<(&str, bool)> = listed
            .iter()
            .map(|w| (w.name.as_str(), w.current))
            .collect();
        assert_eq!(shown, [("open.orgraph", true), ("other.orgraph", false)]);
        assert_eq!(listed[0].path, open.display().to_string());

        let session = crate::session::Session::open_or_seed(&dir.path().join("acme.orgraph"))
            .expect("seeded");
        let info = WorkspaceInfo::of(&session);
        assert_eq!(info.name, "acme.orgraph");
        assert_eq!(info.people, session.org().len());
        assert_eq!(file_name(Path::new("/")), "/");
    }

    #[test]
    fn a_missing_or_damaged_list_is_empty() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("recent.json");
        assert!(RecentWorkspaces::load(&file).paths().is_empty());
        std::fs::write(&file, b"{ not json").expect("written");
        assert!(RecentWorkspaces::load(&file).paths().is_empty());
    }
}
