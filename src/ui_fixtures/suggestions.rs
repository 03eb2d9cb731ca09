//! The suggestions the UI tests read: the placement and span suggestions
//! of a state under each set of options a test asks for, and the change
//! list a saved suggestion stands for in a state (`{"kind":
//! "saveSuggestion", "suggest": "placement" | "spans"}`: the suggestion
//! under the default options, as `save_suggestion` saves it).

use crate::scenario::Change;
use crate::session::Session;
use crate::suggest::placement::{PlacementOptions, Scope, Weight};
use crate::suggest::reason::SuggestionRequest;
use crate::suggest::spans::SpanOptions;
use serde_json::{json, Value};

/// The placement options the tests ask with: the defaults, then one
/// option changed at a time.
fn placement_asked() -> Vec<PlacementOptions> {
    let default = PlacementOptions::default();
    vec![
        default.clone(),
        PlacementOptions {
            scope: Scope::Org,
            ..default.clone()
        },
        PlacementOptions {
            weight: Weight::People,
            ..default.clone()
        },
        PlacementOptions {
            allow_replace: true,
            ..default
        },
    ]
}

/// The span options the tests ask with: the defaults, then one option
/// changed at a time.
fn spans_asked() -> Vec<SpanOptions> {
    let default = SpanOptions::default();
    vec![
        default.clone(),
        SpanOptions {
            move_across_teams: true,
            ..default.clone()
        },
        SpanOptions {
            max_moves: Some(1),
            ..default.clone()
        },
        SpanOptions {
            band: Some((2, 8)),
            ..default
        },
    ]
}

/// Both suggestions of the scenario on show, each under every option set
/// asked: `{"placement": [{"options", "answer"}], "spans": [...]}`.
pub fn answers(session: &Session) -> Value {
    let placement: Vec<Value> = placement_asked()
        .into_iter()
        .map(|options| {
            let answer = session.suggest_placement(&options).expect("a placement");
            json!({"options": super::to_json(&options), "answer": super::to_json(&answer)})
        })
        .collect();
    let spans: Vec<Value> = spans_asked()
        .into_iter()
        .map(|options| {
            let answer = session.suggest_spans(&options).expect("a rebalancing");
            json!({"options": super::to_json(&options), "answer": super::to_json(&answer)})
        })
        .collect();
    json!({"placement": placement, "spans": spans})
}

/// The changes and the request a `saveSuggestion` marker saves on the
/// scenario on show; `None` for any other change.
pub fn saved(session: &Session, change: &Value) -> Option<(Vec<Change>, SuggestionRequest)> {
    if change["kind"].as_str() != Some("saveSuggestion") {
        return None;
    }
    let (changes, request) = match change["suggest"].as_str() {
        Some("placement") => {
            let options = PlacementOptions::default();
            let answer = session.suggest_placement(&options).expect("a placement");
            (answer.changes, SuggestionRequest::Placement(options))
        }
        Some("spans") => {
            let options = SpanOptions::default();
            let answer = session.suggest_spans(&options).expect("a rebalancing");
            (answer.changes, SuggestionRequest::Spans(options))
        }
        other => panic!("saveSuggestion of {other:?}: placement or spans"),
    };
    Some((changes.into_iter().map(|c| c.change).collect(), request))
}
