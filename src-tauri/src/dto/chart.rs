//! The chart's "Not in file" placeholders as they cross IPC.

use serde::Serialize;
use ts_rs::TS;

/// A placeholder the chart draws over the people whose manager the
/// imported file names but does not contain: its layout entry (past the
/// last person), the reference as written, and the members' node indices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlaceholderDto {
    pub index: u32,
    pub reference: String,
    pub members: Vec<u32>,
}

impl From<orgraph::chart::ChartPlaceholder> for PlaceholderDto {
    fn from(p: orgraph::chart::ChartPlaceholder) -> Self {
        PlaceholderDto {
            index: p.index,
            reference: p.reference,
            members: p.members,
        }
    }
}
