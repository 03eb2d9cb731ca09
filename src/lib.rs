//! Orgraph core: the org model, validation, metrics, the SQLite workspace,
//! CSV import, synthetic org generation and tidy-tree layout.
//!
//! This crate knows nothing about Tauri or the UI; the desktop shell in
//! `src-tauri/` and the `orgraph` CLI are both thin clients of it.

pub mod chart;
pub mod date;
pub mod error;
pub mod export;
pub mod formula_guard;
pub mod generate;
pub mod health;
pub mod import;
pub mod layout;
pub mod metrics;
pub mod model;
pub mod money;
pub mod people;
pub mod recent;
pub mod render;
pub mod scenario;
pub mod session;
pub mod store;
pub mod suggest;
#[cfg(test)]
mod ui_fixtures;

pub use error::{ErrorCode, OrgError};
pub use metrics::{Metrics, View};
pub use model::{EdgeKind, Org, Person, PersonId, Status, Team, TeamKind};
pub use money::Money;
pub use session::{default_workspace_path, Session};
