//! The session the commands share.

use crate::dto::IpcError;
use orgraph::session::Session;
use std::sync::Arc;
use tokio::sync::Mutex;

/// Managed state: the open session, or why it could not be opened (the UI
/// then shows that error instead of the chart).
#[derive(Debug)]
pub struct AppState {
    session: Result<Arc<Mutex<Session>>, IpcError>,
}

impl AppState {
    pub fn new(session: Result<Session, IpcError>) -> Self {
        AppState {
            session: session.map(|s| Arc::new(Mutex::new(s))),
        }
    }

    /// Runs `work` on the session on the blocking pool: SQLite writes and
    /// layout never block the async runtime.
    pub async fn with_session<T, F>(&self, work: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Session) -> Result<T, IpcError> + Send + 'static,
    {
        let session = self.session.as_ref().map_err(Clone::clone)?.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = session.blocking_lock();
            work(&mut guard)
        })
        .await
        .map_err(|e| IpcError::internal(format!("command failed: {e}")))?
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
