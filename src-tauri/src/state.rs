//! The session the commands share, and the recent-workspaces list.

use crate::error::IpcError;
use orgraph::recent::RecentWorkspaces;
use orgraph::session::Session;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use tokio::sync::Mutex;

/// Managed state: the open session, or why it could not be opened (the UI
/// then shows that error instead of the chart). Opening another workspace
/// replaces it whole, under the same lock, so no command ever sees half of
/// one workspace and half of another.
#[derive(Debug)]
pub struct AppState {
    session: Arc<Mutex<Result<Session, IpcError>>>,
    /// `recent.json` in the app's config folder (known once Tauri is set up).
    recent_file: OnceLock<PathBuf>,
}

impl AppState {
    pub fn new(session: Result<Session, IpcError>) -> Self {
        AppState {
            session: Arc::new(Mutex::new(session)),
            recent_file: OnceLock::new(),
        }
    }

    /// Where the recent list is kept; set once, at start-up.
    pub fn set_recent_file(&self, file: PathBuf) {
        let _ = self.recent_file.set(file);
    }

    /// Runs `work` on the session on the blocking pool: SQLite writes and
    /// layout never block the async runtime.
    pub async fn with_session<T, F>(&self, work: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Session) -> Result<T, IpcError> + Send + 'static,
    {
        let session = self.session.clone();
        blocking(move || {
            let mut guard = session.blocking_lock();
            match &mut *guard {
                Ok(session) => work(session),
                Err(error) => Err(error.clone()),
            }
        })
        .await
    }

    /// Opens another session with `open` (given the current one, if any)
    /// and, only if that succeeds, makes it the app's session and puts it
    /// first in the recent list. On failure the current session stays as it
    /// was. Returns `describe` of the new session.
    pub async fn replace_session<T, F, D>(&self, open: F, describe: D) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(Option<&Session>) -> Result<Session, IpcError> + Send + 'static,
        D: FnOnce(&Session) -> T + Send + 'static,
    {
        let session = self.session.clone();
        let recent_file = self.recent_file.get().cloned();
        blocking(move || {
            let mut guard = session.blocking_lock();
            let next = open(guard.as_ref().ok())?;
            if let Some(file) = &recent_file {
                remember(file, next.path());
            }
            let described = describe(&next);
            // The old session (and its connection) is dropped here.
            *guard = Ok(next);
            Ok(described)
        })
        .await
    }

    /// The recent workspaces, current first, without files that are gone.
    pub async fn recent(&self) -> Result<Vec<PathBuf>, IpcError> {
        let Some(file) = self.recent_file.get().cloned() else {
            return Ok(Vec::new());
        };
        let current = self.with_session(|s| Ok(s.path().to_path_buf())).await.ok();
        blocking(move || {
            let mut list = RecentWorkspaces::load(&file);
            let before = list.clone();
            list.prune_missing();
            if let Some(current) = &current {
                list.opened(current);
            }
            if list != before {
                save_quietly(&list, &file);
            }
            Ok(list.paths().to_vec())
        })
        .await
    }
}

/// Puts `path` first in the list kept at `file`.
pub fn remember(file: &Path, path: &Path) {
    let mut list = RecentWorkspaces::load(file);
    list.opened(path);
    list.prune_missing();
    save_quietly(&list, file);
}

/// The list is a convenience: failing to write it never fails a command.
fn save_quietly(list: &RecentWorkspaces, file: &Path) {
    if let Err(error) = list.save(file) {
        tracing::warn!(code = ?error.code(), "could not save the recent workspaces list");
    }
}

/// Runs `work` (which needs no session) on the blocking pool.
pub async fn blocking<T, F>(work: F) -> Result<T, IpcError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, IpcError> + Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| IpcError::internal(format!("command failed: {e}")))?
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run<T>(future: impl std::future::Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime")
            .block_on(future)
    }

    #[test]
    fn a_failed_open_keeps_the_current_session_and_a_good_one_replaces_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = dir.path().join("first.orgraph");
        let state = AppState::new(Ok(Session::open_or_seed(&first).expect("seeded")));
        state.set_recent_file(dir.path().join("config").join("recent.json"));
        let junk = dir.path().join("junk.orgraph");
        std::fs::write(&junk, b"not a workspace").expect("written");

        let err = run(state.replace_session(move |_| Ok(Session::open(&junk)?), |_| ()))
            .expect_err("refused");
        assert_eq!(err.code, orgraph::ErrorCode::NotAWorkspace);
        let shown = run(state.with_session(|s| Ok(s.path().to_path_buf()))).expect("open");
        assert_eq!(shown, first);

        let second = dir.path().join("second.orgraph");
        let target = second.clone();
        let people = run(state.replace_session(
            move |current| Ok(current.expect("a session").save_as(&target)?),
            |s| s.org().len(),
        ))
        .expect("saved as");
        assert!(people > 0);
        let shown = run(state.with_session(|s| Ok(s.path().to_path_buf()))).expect("open");
        assert_eq!(shown, second);
        let recent = run(state.recent()).expect("listed");
        let canonical = |p: &Path| p.canonicalize().expect("exists");
        assert_eq!(
            recent.iter().map(|p| canonical(p)).collect::<Vec<_>>(),
            vec![canonical(&second)]
        );
    }
}
