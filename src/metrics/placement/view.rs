//! A preview as the staff+ view draws it: the board with the number of
//! changes saving it would store, not the changes themselves (a preview of
//! thousands of engineers would otherwise send every change to the app).

use super::{Board, HomeSupportOutcomes, Preview, WhatIf};
use crate::model::PersonId;
use serde::Serialize;

/// The staff+ view's data for one what-if.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BoardView {
    pub what_if: WhatIf,
    /// Engineers, teams (engineers name them by index) and summary.
    #[serde(flatten)]
    pub board: Board,
    /// How many changes saving the preview would store (0 as is).
    pub changes: u32,
    /// Engineers the what-if rule could not place.
    pub left_in_place: Vec<PersonId>,
    /// Both choices of the all-central preview; `None` for the others.
    pub home_support: Option<HomeSupportOutcomes>,
}

impl Preview {
    /// The preview as the staff+ view draws it.
    pub fn into_view(self) -> BoardView {
        BoardView {
            what_if: self.what_if,
            board: self.board,
            changes: u32::try_from(self.changes.len()).unwrap_or(u32::MAX),
            left_in_place: self.left_in_place,
            home_support: self.home_support,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::metrics::placement::WhatIf;
    use crate::session::Session;

    #[test]
    fn the_view_counts_changes_names_teams_by_index_and_carries_no_cost() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = Session::open_or_seed(&dir.path().join("t.orgraph")).expect("seeded");
        let view = session.staff_plus(WhatIf::AsIs).expect("board").into_view();
        assert!(!view.board.engineers.is_empty());
        assert_eq!(
            view.board.summary.staff_plus as usize,
            view.board.engineers.len()
        );
        let teams = view.board.teams.len() as u32;
        assert!(view.board.engineers.iter().all(|e| {
            e.home.is_none_or(|h| h < teams) && e.assigned.iter().all(|&t| t < teams)
        }));
        let json = serde_json::to_string(&view).expect("serialise");
        assert!(json.contains("\"what_if\":\"as-is\""));
        assert!(json.contains("\"engineers\":[{"), "the board is flattened");
        assert!(json.contains("\"load_histogram\""));
        assert!(json.contains("\"home_support\":null"));
        assert!(!json.to_lowercase().contains("cost"));
        assert_eq!(view.changes, 0);
    }

    #[test]
    fn the_all_central_view_carries_both_outcomes_and_counts_its_changes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = Session::open_or_seed(&dir.path().join("t.orgraph")).expect("seeded");
        let what_if: WhatIf =
            serde_json::from_str("\"all-central-drop-home-support\"").expect("parses");
        let preview = session.staff_plus(what_if).expect("board");
        let changes = preview.changes.len();
        let view = preview.into_view();
        assert_eq!(view.changes as usize, changes);
        assert!(changes > 0);
        let outcomes = view.home_support.as_ref().expect("both outcomes");
        assert_eq!(outcomes.dropped, view.board.summary);
        assert!(outcomes.kept.covered > outcomes.dropped.covered);
        let json = serde_json::to_string(&view).expect("serialise");
        assert!(json.contains("\"what_if\":\"all-central-drop-home-support\""));
        assert!(json.contains("\"home_support\":{\"kept\":{"));
    }
}
