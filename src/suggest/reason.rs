//! What a saved suggestion records as the reason of its step (the undo
//! label and the snapshot's reason): the question the user asked, worded
//! by the core so the CLI and the app record the same line.

use super::placement::{PlacementOptions, Scope, Weight};
use super::spans::SpanOptions;
use serde::{Deserialize, Serialize};

/// The suggestion a change list came from, with the options it was asked
/// with: what `save_suggestion` records the saved step under.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "options", rename_all = "kebab-case")]
pub enum SuggestionRequest {
    Placement(PlacementOptions),
    Spans(SpanOptions),
}

impl SuggestionRequest {
    pub fn reason(&self) -> String {
        match self {
            SuggestionRequest::Placement(options) => options.reason(),
            SuggestionRequest::Spans(options) => options.reason(),
        }
    }
}

/// ", N people kept" for `kept` pinned people; nothing for none.
fn kept_note(kept: usize) -> String {
    match kept {
        0 => String::new(),
        1 => ", 1 person kept".to_string(),
        n => format!(", {n} people kept"),
    }
}

impl PlacementOptions {
    /// "suggested placement: department scope, most teams covered", then
    /// the replacements allowed and the people kept, when asked.
    pub fn reason(&self) -> String {
        let scope = match self.scope {
            Scope::Department => "department scope",
            Scope::Org => "org scope",
        };
        let weight = match self.weight {
            Weight::Teams => "most teams covered",
            Weight::People => "most people covered",
        };
        let replace = if self.allow_replace {
            ", embedded/central moves allowed"
        } else {
            ""
        };
        format!(
            "suggested placement: {scope}, {weight}{replace}{}",
            kept_note(self.keep.len())
        )
    }
}

impl SpanOptions {
    /// "suggested rebalancing: policy band", then the band, move limit,
    /// cross-team moves, teams following and people kept, when asked.
    pub fn reason(&self) -> String {
        let band = match self.band {
            Some((min, max)) => format!("band {min}-{max}"),
            None => "policy band".to_string(),
        };
        let limit = match self.max_moves {
            Some(n) => format!(", at most {n} moved"),
            None => String::new(),
        };
        let across = if self.move_across_teams {
            ", across teams"
        } else {
            ""
        };
        let follow = if self.teams_follow {
            ", teams follow"
        } else {
            ""
        };
        format!(
            "suggested rebalancing: {band}{limit}{across}{follow}{}",
            kept_note(self.keep.len())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PersonId;

    #[test]
    fn default_placement_reason_names_the_scope_and_weight() {
        let request = SuggestionRequest::Placement(PlacementOptions::default());
        assert_eq!(
            request.reason(),
            "suggested placement: department scope, most teams covered"
        );
    }

    #[test]
    fn placement_reason_names_every_option_asked() {
        let options = PlacementOptions {
            scope: Scope::Org,
            weight: Weight::People,
            keep: vec![PersonId::new("s1"), PersonId::new("s2")],
            allow_replace: true,
        };
        assert_eq!(
            options.reason(),
            "suggested placement: org scope, most people covered, embedded/central moves allowed, 2 people kept"
        );
    }

    #[test]
    fn span_reasons_name_the_band_and_limits() {
        assert_eq!(
            SuggestionRequest::Spans(SpanOptions::default()).reason(),
            "suggested rebalancing: policy band"
        );
        let options = SpanOptions {
            band: Some((4, 7)),
            max_moves: Some(3),
            keep: vec![PersonId::new("ann")],
            move_across_teams: true,
            teams_follow: true,
        };
        assert_eq!(
            options.reason(),
            "suggested rebalancing: band 4-7, at most 3 moved, across teams, teams follow, 1 person kept"
        );
    }

    #[test]
    fn a_request_reads_from_the_json_the_ui_sends() {
        let request: SuggestionRequest = serde_json::from_value(serde_json::json!({
            "kind": "spans",
            "options": {"band": [5, 8], "max_moves": null, "keep": [], "move_across_teams": false, "teams_follow": false}
        }))
        .expect("a request");
        assert_eq!(request.reason(), "suggested rebalancing: band 5-8");
    }
}
