//! Suggestions: change lists that fix what the health checks flag, each
//! saved (when the user asks) as a scenario over the one it starts from.
//! Definitions and objectives: docs/METRICS.md, "Suggestions".
//!
//! - [`placement`]: staff+ support assignments, solved exactly.
//! - [`spans`]: moves that bring managers into the span band.

pub mod placement;
pub mod reason;
pub mod spans;

use crate::scenario::Change;
use serde::Serialize;

/// One suggested change and the one line saying why.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SuggestedChange {
    pub change: Change,
    pub reason: String,
}
