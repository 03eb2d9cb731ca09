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

#[cfg(test)]
mod tests {
    use super::*;
    use orgraph::model::{Ladder, Org, PersonRecord, Policy};
    use orgraph::session::Session;
    use orgraph::store::Workspace;

    #[test]
    fn the_layout_has_an_entry_per_person_then_per_placeholder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("t.orgraph");
        let rows = [("ceo", ""), ("a", "E900"), ("b", "ceo"), ("c", "E900")];
        let records = rows
            .iter()
            .enumerate()
            .map(|(i, (id, manager))| PersonRecord {
                row: i as u64 + 2,
                id: (*id).into(),
                manager_id: (*manager).into(),
                ..PersonRecord::default()
            })
            .collect();
        let (org, warnings) =
            Org::from_records(records, "t.csv", Ladder::default(), Policy::default())
                .expect("valid");
        Workspace::create(&path)
            .expect("created")
            .save_org(&org, &warnings)
            .expect("saved");
        let session = Session::open(&path).expect("opens");
        let placeholders: Vec<PlaceholderDto> = orgraph::chart::placeholders(session.org())
            .into_iter()
            .map(PlaceholderDto::from)
            .collect();
        assert_eq!(
            placeholders,
            [PlaceholderDto {
                index: 4,
                reference: "E900".to_string(),
                members: vec![1, 3],
            }]
        );
        let bytes = orgraph::chart::layout(session.org(), &[]).to_bytes();
        assert_eq!(bytes.len(), 5 * 4 * orgraph::chart::FLOATS_PER_NODE);
        let json = serde_json::to_value(&placeholders[0]).expect("serialises");
        assert_eq!(json["reference"], "E900");
    }
}
