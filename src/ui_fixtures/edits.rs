//! The edits the UI tests make on the orgs of [`super::orgs`] through the
//! store (inline edits, adding and removing people, settings, undo and the
//! baseline guard), each as the change list of a state whose figures the
//! fake backend serves. Each list is as the UI sends it; every prefix a
//! test passes through is a state of its own.

use super::orgs::State;
use serde_json::{json, Value};

/// Change lists on the `small` org; the people table is written for each.
const SMALL: &str = r#"[
  [{"kind": "move", "person": "cat", "manager": "ceo"}],
  [{"kind": "move", "person": "dan", "manager": "ann"}, {"kind": "move", "person": "cat", "manager": "dan"}],
  [{"kind": "move", "person": "dan", "manager": "ann"}, {"kind": "move", "person": "cat", "manager": "dan"}, {"kind": "move", "person": "bob", "manager": "ceo"}],
  [{"kind": "set-ladder", "ladder": [{"code": "L1", "track": "ic", "rank": 1, "staff_plus": false}]}],
  [{"kind": "remove-person", "person": "dan"}],
  [{"kind": "remove-person", "person": "dan"}, {"kind": "move", "person": "cat", "manager": "ceo"}],
  [{"kind": "edit-person", "person": "bob", "edit": {"field": "title", "value": "Lead"}}],
  [{"kind": "edit-person", "person": "bob", "edit": {"field": "level", "value": "IC4"}}],
  [{"kind": "edit-person", "person": "bob", "edit": {"field": "level", "value": "IC4"}}, {"kind": "add-support", "person": "bob", "team": "payments"}],
  [{"kind": "edit-person", "person": "bob", "edit": {"field": "level", "value": "IC4"}}, {"kind": "add-support", "person": "bob", "team": "payments"}, {"kind": "edit-person", "person": "bob", "edit": {"field": "title", "value": "Lead"}}],
  [{"kind": "edit-person", "person": "bob", "edit": {"field": "level", "value": "IC4"}}, {"kind": "add-support", "person": "bob", "team": "payments"}, {"kind": "edit-person", "person": "bob", "edit": {"field": "title", "value": "Lead"}}, {"kind": "move", "person": "bob", "manager": "dan"}],
  [{"kind": "edit-person", "person": "bob", "edit": {"field": "title", "value": "Staff Engineer"}}],
  [{"kind": "set-target", "target": {"setting": "band", "min": 3, "max": 8}}],
  [{"kind": "set-target", "target": {"setting": "team-size", "min": 5, "max": 12}}],
  [{"kind": "set-target", "target": {"setting": "team-size", "min": 5, "max": 12}}, {"kind": "set-target", "target": {"setting": "max-load", "max_load": 4}}],
  [{"kind": "set-ladder", "ladder": [{"code": "IC1", "track": "ic", "rank": 1, "staff_plus": false}, {"code": "IC4", "track": "ic", "rank": 4, "staff_plus": true}, {"code": "IC5", "track": "ic", "rank": 5, "staff_plus": true}]}],
  [{"kind": "enter-person", "person": {"id": null, "name": "", "title": "Platform Engineer", "level": "L5", "location": "", "cost": "120000", "status": "open", "team": "payments", "start_date": "2027-02-01"}, "manager": "ann"}],
  [{"kind": "edit-person", "person": "bob", "edit": {"field": "status", "value": "open"}}],
  [{"kind": "edit-person", "person": "bob", "edit": {"field": "status", "value": "open"}}, {"kind": "edit-person", "person": "dan", "edit": {"field": "team", "value": "payments"}}],
  [{"kind": "enter-value", "person": "bob", "field": "cost", "value": "131999.92"}],
  [{"kind": "edit-person", "person": "bob", "edit": {"field": "title", "value": "Staff Engineer"}}, {"kind": "enter-value", "person": "bob", "field": "cost", "value": "123456"}],
  [{"kind": "edit-person", "person": "dan", "edit": {"field": "team", "value": "payments"}}],
  [{"kind": "edit-person", "person": "dan", "edit": {"field": "team", "value": "payments"}}, {"kind": "edit-person", "person": "dan", "edit": {"field": "status", "value": "departing"}}],
  [{"kind": "move", "person": "dan", "manager": "ann"}, {"kind": "move", "person": "cat", "manager": "ceo"}]
]"#;

/// Change lists on the `staffplus` org.
const STAFF_PLUS: &str = r#"[
  [{"kind": "saveWhatIf", "whatIf": "all-central-drop-home-support"}]
]"#;

fn states(lists: &str, answers: &'static [&'static str]) -> Vec<State> {
    let lists: Vec<Vec<Value>> = serde_json::from_str(lists).expect("the change lists parse");
    lists
        .into_iter()
        .map(|changes| State {
            changes,
            answers,
            workspace_policy: None,
            layer_guidance: None,
        })
        .collect()
}

/// The workspace's default policy with `edits` made to it.
fn policy(edits: Value) -> Value {
    let mut policy =
        json!({"band_min": 5, "band_max": 8, "max_load": 3, "team_min": 5, "team_max": 9});
    if let (Value::Object(policy), Value::Object(edits)) = (&mut policy, edits) {
        policy.extend(edits);
    }
    policy
}

/// The states of the `small` org under a workspace policy the settings
/// tests save: each state's changes and the workspace policy then.
pub fn small_under_workspace_settings() -> Vec<State> {
    let own_band = json!({"kind": "set-target", "target": {"setting": "band", "min": 3, "max": 8}});
    let under = |edits: Value, changes: Vec<Value>| State {
        changes,
        answers: &["settings"],
        workspace_policy: Some(policy(edits)),
        layer_guidance: None,
    };
    vec![
        under(json!({"band_min": 3, "band_max": 6}), vec![]),
        under(json!({"max_load": 5}), vec![]),
        under(json!({"max_load": 6}), vec![]),
        under(json!({"max_load": 6}), vec![own_band]),
    ]
}

/// The states of the `small` org the store's tests edit their way to.
pub fn small() -> Vec<State> {
    states(SMALL, &["peopleTable"])
}

/// The states of the `staffplus` org the staff+ board's tests save.
pub fn staff_plus() -> Vec<State> {
    states(STAFF_PLUS, &["staffPlus"])
}

/// The scenarios of the `small` org the conflict tests make before a
/// re-import drops dan: the store's moves, a dropped change, a re-target.
pub fn dan_gone() -> Vec<State> {
    let mv =
        |person: &str, manager: &str| json!({"kind": "move", "person": person, "manager": manager});
    let lists = vec![
        vec![],
        vec![mv("dan", "ann")],
        vec![mv("dan", "ann"), mv("cat", "dan")],
        vec![mv("dan", "ann"), mv("cat", "dan"), mv("bob", "ceo")],
        vec![mv("cat", "dan"), mv("bob", "ceo")],
        vec![mv("dan", "ann"), mv("cat", "ceo"), mv("bob", "ceo")],
    ];
    lists
        .into_iter()
        .map(|changes| State {
            changes,
            answers: &[],
            workspace_policy: None,
            layer_guidance: None,
        })
        .collect()
}
