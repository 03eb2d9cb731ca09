//! Suggestions for the scenario on show; saving one is
//! [`Session::save_changes_as`].

use super::Session;
use crate::error::Result;
use crate::suggest::{placement, spans};

impl Session {
    /// The optimal staff+ placement for the scenario on show.
    pub fn suggest_placement(
        &self,
        options: &placement::PlacementOptions,
    ) -> Result<placement::PlacementSuggestion> {
        placement::suggest(&self.org, options)
    }

    /// The suggested span rebalancing of the scenario on show.
    pub fn suggest_spans(&self, options: &spans::SpanOptions) -> Result<spans::SpanSuggestion> {
        spans::suggest(&self.org, options)
    }
}
