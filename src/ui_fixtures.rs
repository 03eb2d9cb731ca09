//! What the UI tests' fake backend serves, written by the real backend.
//!
//! Each org of [`orgs::all`] is imported from its CSV into a fresh
//! workspace, each state's changes are applied through the same session
//! calls the commands make, and the answers the state asks for are
//! written as the commands return them to `ui/tests/backend/<org>.json`
//! (keys sorted, nothing that varies between runs); the chart's binary
//! payloads of the `chart` org go to `chart.*.bin` beside
//! `chart.reading.json`, what they should decode to.
//!
//! `cargo test -p orgraph --lib` fails when the checked-in files drift. To
//! rewrite them after changing what a command answers:
//! `ORGRAPH_UPDATE_UI_FIXTURES=1 cargo test -p orgraph --lib ui_fixtures`.

mod edits;
mod orgs;
mod suggestions;

use crate::health::LayerGuidance;
use crate::metrics::placement::WhatIf;
use crate::metrics::{DashboardQuery, DashboardView, MetricsSummary};
use crate::scenario::{Change, EnteredChange};
use crate::session::Session;
use crate::PersonId;
use crate::{Money, OrgError};
use orgs::{OrgFixture, State};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const UPDATE_ENV: &str = "ORGRAPH_UPDATE_UI_FIXTURES";

/// The plan is of the eight quarters from this day's (not today's, so the
/// files do not change with the calendar).
const PLAN_TODAY: &str = "2027-01-15";

/// The person whose chain (`chart_chain_nodes`) the chart golden holds.
const CHAIN_OF: &str = "cat";

/// The manager collapsed in the chart golden's second layout.
const COLLAPSED: &str = "ann";

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/tests/backend")
}

/// A value as its JSON with keys sorted, so files compare byte for byte.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let by_key: BTreeMap<String, Value> =
                map.into_iter().map(|(k, v)| (k, sorted(v))).collect();
            Value::Object(by_key.into_iter().collect::<Map<String, Value>>())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// `value` with the temporary folder the fixture files were imported from
/// named `<dir>` (import findings name their file), so runs compare equal.
fn scrubbed(value: Value, dir: &str) -> Value {
    match value {
        Value::String(text) => Value::String(text.replace(dir, "<dir>")),
        Value::Array(items) => Value::Array(items.into_iter().map(|v| scrubbed(v, dir)).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, scrubbed(v, dir)))
                .collect(),
        ),
        other => other,
    }
}

fn to_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("command answers serialise")
}

/// A fresh workspace holding `fixture`'s org, imported as `import_people`
/// imports a file, with its budgets and workspace policy.
fn open_org(dir: &Path, fixture: &OrgFixture) -> Session {
    let path = dir.join(format!("{}.orgraph", fixture.name));
    let mut session = Session::create_empty(&path).expect("an empty workspace");
    if fixture.csv.is_empty() {
        return session;
    }
    let csv = dir.join(format!("{}.csv", fixture.name));
    std::fs::write(&csv, &fixture.csv).expect("write the CSV");
    let request = crate::import::ImportRequest::of_path(csv.to_string_lossy());
    let result = request
        .import_into(&mut session, &|_| {})
        .expect("the fixture CSV imports");
    let codes: Vec<&str> = result.warnings.iter().map(|w| w.code.as_ref()).collect();
    assert!(
        codes == fixture.warnings,
        "{}: the fixture CSV should import with the warnings it names: {:?}",
        fixture.name,
        result.warnings
    );
    let mut workspace = crate::store::Workspace::open(&path).expect("reopen");
    for (department, cents) in fixture.budgets {
        workspace
            .set_budget(department, Some(Money(*cents)))
            .expect("a budget");
    }
    drop(workspace);
    let mut session = Session::open(&path).expect("reopen the session");
    if let Some(max_load) = fixture.max_load {
        let (policy, _) = session.workspace_settings().expect("settings");
        let policy = crate::model::Policy { max_load, ..policy };
        session
            .set_workspace_settings(Some(policy), None)
            .expect("a policy");
    }
    session
}

/// Applies one change as the command the UI would call does.
fn apply(session: &mut Session, scenario: usize, change: &Value) -> Result<(), OrgError> {
    match change["kind"].as_str() {
        // `move_person`.
        Some("move") => {
            let person = PersonId::new(change["person"].as_str().unwrap_or_default());
            let manager = change["manager"].as_str().map(PersonId::new);
            session.move_person(&person, manager.as_ref())
        }
        // `save_what_if`: the scenario it saves is shown after.
        Some("saveWhatIf") => {
            let what_if: WhatIf =
                serde_json::from_value(change["whatIf"].clone()).expect("a what-if");
            session.save_what_if(&format!("what-if-{scenario}"), what_if)
        }
        // `apply_entered_change`.
        Some(kind) if kind.starts_with("enter-") => {
            let request: EnteredChange =
                serde_json::from_value(change.clone()).expect("an entered change");
            let change = request.into_change(|| session.unused_person_id("REQ"))?;
            session.apply(change, None).map(|_| ())
        }
        // `apply_change`.
        _ => {
            let change: Change = serde_json::from_value(change.clone()).expect("a change");
            session.apply(change, None).map(|_| ())
        }
    }
}

/// The answers `state` asks for, for the scenario on show.
fn answers(session: &mut Session, fixture: &OrgFixture, state: &State) -> Value {
    let previews = state.answers.contains(&"staffPlusPreviews");
    let scenario = session.scenario().name.clone();
    let dashboards: Vec<Value> = fixture
        .dashboards
        .iter()
        .map(|request| {
            let query: DashboardQuery =
                serde_json::from_value(request.clone()).expect("a dashboard query");
            let dashboard = session.dashboard(&query.capped());
            let answer = DashboardView::of(&scenario, session.summary(), dashboard);
            json!({"request": request, "answer": to_json(&answer)})
        })
        .collect();
    let today = crate::date::parse(PLAN_TODAY).expect("a date");
    let plan = session.plan(today).expect("a plan");
    let mut staff_plus = Map::new();
    let what_ifs: &[WhatIf] = if previews {
        &[
            WhatIf::AsIs,
            WhatIf::AllCentral,
            WhatIf::AllCentralDropHomeSupport,
            WhatIf::AllEmbedded,
        ]
    } else {
        &[WhatIf::AsIs]
    };
    for &what_if in what_ifs {
        let preview = session.staff_plus(what_if).expect("a board");
        staff_plus.insert(
            to_json(&what_if).as_str().unwrap_or_default().to_string(),
            to_json(&preview.into_view()),
        );
    }
    let all = json!({
        "changes": state.changes,
        "chartNodes": to_json(&crate::chart::nodes(session.org(), session.metrics())),
        "metrics": to_json(&MetricsSummary::of(session.summary())),
        "teams": to_json(&session.team_rows()),
        "settings": to_json(&session.settings_on_show().expect("settings")),
        "peopleTable": to_json(&crate::people::people_table(session.org())),
        "plan": to_json(&plan.into_view(&scenario)),
        "dashboards": dashboards,
        "staffPlus": Value::Object(staff_plus),
        "health": to_json(&session.health().expect("health")),
    });
    let kept = ["changes", "chartNodes", "metrics"];
    let wanted = |key: &str| kept.contains(&key) || state.answers.contains(&key);
    let mut out = Map::new();
    if let Value::Object(all) = all {
        out.extend(all.into_iter().filter(|(key, _)| wanted(key)));
    }
    if wanted("suggestions") {
        out.insert("suggestions".into(), suggestions::answers(session));
    }
    Value::Object(out)
}

/// Each state of `fixture` as its own scenario branched from the baseline
/// (the first state, with no changes, is the baseline itself), then the
/// comparison of the baseline with the states that ask for `comparison`:
/// its column `c` is the state `states[c]` of the file.
fn org_file(dir: &Path, fixture: &OrgFixture) -> Value {
    if let Some(csv) = &fixture.reimport {
        return reimported_file(dir, fixture, csv);
    }
    let mut session = open_org(dir, fixture);
    let mut states = Vec::new();
    let mut compared = Vec::new();
    let mut columns = vec![0];
    for (i, state) in fixture.states.iter().enumerate() {
        if i > 0 {
            session
                .create_scenario(&format!("state-{i}"), "baseline")
                .expect("a scenario");
        }
        let workspace = session.workspace_settings().expect("settings").0;
        if let Some(policy) = &state.workspace_policy {
            let policy: crate::model::Policy =
                serde_json::from_value(policy.clone()).expect("a policy");
            session
                .set_workspace_settings(Some(policy), None)
                .expect("the workspace policy");
        }
        if let Some(text) = state.layer_guidance {
            let guidance: LayerGuidance = text.parse().expect("a layer guidance");
            session
                .set_layer_guidance(&guidance)
                .expect("the layer guidance");
        }
        let state = &applied_state(&mut session, fixture, i, state);
        if i > 0 && state.answers.contains(&"comparison") {
            // The scenario on show: a saved what-if shows its own.
            compared.push(session.scenario().name.clone());
            columns.push(i);
        }
        let mut written = answers(&mut session, fixture, state);
        if let Some(policy) = &state.workspace_policy {
            written["workspacePolicy"] = policy.clone();
            session
                .set_workspace_settings(Some(workspace), None)
                .expect("the workspace policy back");
        }
        if state.layer_guidance.is_some() {
            written["layerGuidance"] = to_json(&session.layer_guidance().expect("guidance"));
            session
                .set_layer_guidance(&LayerGuidance::default())
                .expect("the layer guidance back");
        }
        states.push(written);
        session.switch_to("baseline").expect("back to the baseline");
    }
    let mut file =
        json!({"org": fixture.name, "states": states, "guidance": guidance_answers(&mut session)});
    if compared.is_empty() {
        return sorted(file);
    }
    let comparison = session.compare(&compared, None).expect("a comparison");
    file["comparison"] = json!({
        "states": columns,
        "answer": to_json(&comparison.view()),
    });
    sorted(file)
}

/// Applies `state`'s changes to the scenario on show; a saved suggestion
/// (`saveSuggestion`) is saved as `save_suggestion` saves it. Answers with
/// the state listing the changes as the UI then sends them (a saved
/// suggestion's own changes in its place).
fn applied_state(session: &mut Session, fixture: &OrgFixture, i: usize, state: &State) -> State {
    let mut changes = Vec::with_capacity(state.changes.len());
    for change in &state.changes {
        let result = match suggestions::saved(session, change) {
            // Nothing suggested: nothing to save (the app refuses it).
            Some((suggested, _)) if suggested.is_empty() => Ok(()),
            Some((suggested, request)) => {
                changes.extend(suggested.iter().map(to_json));
                session.apply_all(suggested, &request.reason()).map(|_| ())
            }
            None => {
                changes.push(change.clone());
                apply(session, i, change)
            }
        };
        if let Err(error) = result {
            panic!(
                "{}: the change {change} should apply: {error:?}",
                fixture.name
            );
        }
    }
    State {
        changes,
        ..state.clone()
    }
}

/// Each state of `fixture` as a scenario of its org (the first state is
/// the baseline), then `csv` re-imported as the baseline, as the app's
/// import does, and each scenario's answers as it replays over it.
fn reimported_file(dir: &Path, fixture: &OrgFixture, csv: &str) -> Value {
    let mut session = open_org(dir, fixture);
    for (i, state) in fixture.states.iter().enumerate().skip(1) {
        session
            .create_scenario(&format!("state-{i}"), "baseline")
            .expect("a scenario");
        for change in &state.changes {
            if let Err(error) = apply(&mut session, i, change) {
                panic!(
                    "{}: the change {change} should apply: {error:?}",
                    fixture.name
                );
            }
        }
        session.switch_to("baseline").expect("back to the baseline");
    }
    let again = dir.join(format!("{}-again.csv", fixture.name));
    std::fs::write(&again, csv).expect("write the CSV");
    crate::import::ImportRequest::of_path(again.to_string_lossy())
        .import_into(&mut session, &|_| {})
        .expect("the re-import");
    let mut states = Vec::new();
    for (i, state) in fixture.states.iter().enumerate() {
        let name = if i == 0 {
            "baseline".to_string()
        } else {
            format!("state-{i}")
        };
        session.switch_to(&name).expect("a scenario");
        states.push(answers(&mut session, fixture, state));
    }
    sorted(
        json!({"org": fixture.name, "states": states, "guidance": guidance_answers(&mut session)}),
    )
}

/// Layer guidances the core refuses, as the UI could send them.
fn refused_guidances() -> [Value; 2] {
    [
        json!({"steps": [{"up_to": 500, "layers": 5}, {"up_to": 100, "layers": 4}], "above": 9}),
        json!({"steps": [{"up_to": 500, "layers": 0}], "above": 9}),
    ]
}

/// `layer_guidance`'s answer for the workspace, and `set_layer_guidance`'s
/// refusals (`{code, message}` as they cross IPC) of [`refused_guidances`].
fn guidance_answers(session: &mut Session) -> Value {
    let workspace = session.layer_guidance().expect("guidance");
    let refused: Vec<Value> = refused_guidances()
        .into_iter()
        .map(|sent| {
            let guidance: LayerGuidance =
                serde_json::from_value(sent.clone()).expect("a guidance as JSON");
            let error = session
                .set_layer_guidance(&guidance)
                .expect_err("the core refuses it");
            json!({"guidance": sent, "error": {"code": to_json(&error.code()), "message": error.to_string()}})
        })
        .collect();
    assert_eq!(
        session.layer_guidance().expect("guidance"),
        workspace,
        "a refused guidance changes nothing"
    );
    json!({"workspace": to_json(&workspace), "refused": refused})
}

/// The layout's entries as the UI should read them: null when hidden,
/// the spine null when the box is not stacked.
fn layout_json(layout: &crate::chart::ChartLayout) -> Value {
    let compact = &layout.0;
    let boxes = &compact.layout;
    let entries: Vec<Value> = (0..boxes.len())
        .map(|i| {
            if !boxes.visible[i] {
                return Value::Null;
            }
            let spine = compact.spine[i];
            json!({
                "x": boxes.x[i],
                "y": boxes.y[i],
                "width": boxes.width[i],
                "height": boxes.height[i],
                "spine": if spine.is_nan() { Value::Null } else { json!(spine) },
            })
        })
        .collect();
    Value::Array(entries)
}

/// The chart payloads of the chart org (`chart_nodes`, `chart_layout`
/// with nothing and with one manager collapsed, `chart_chain_nodes`,
/// `chart_dotted`) and what each should decode to.
fn chart_golden(dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    let fixture = orgs::all()
        .into_iter()
        .find(|f| f.name == "chart")
        .expect("the chart org");
    // A folder of its own: the org files' workspaces are in `dir`.
    let dir = dir.join("chart");
    std::fs::create_dir(&dir).expect("a folder for the chart workspace");
    let session = open_org(&dir, &fixture);
    let (org, metrics) = (session.org(), session.metrics());
    let nodes = crate::chart::nodes(org, metrics);
    let chain = crate::chart::chain_nodes(org, metrics, &PersonId::new(CHAIN_OF)).expect("a chain");
    let open = crate::chart::layout(org, &[]);
    let collapsed = crate::chart::layout(org, &[PersonId::new(COLLAPSED)]);
    out.insert(
        "chart.nodes.bin".into(),
        crate::chart::nodes_to_bytes(&nodes),
    );
    out.insert(
        "chart.chain.bin".into(),
        crate::chart::indexed_nodes_to_bytes(&chain),
    );
    out.insert(
        "chart.dotted.bin".into(),
        crate::chart::dotted_to_bytes(org),
    );
    out.insert("chart.layout.bin".into(), open.to_bytes());
    out.insert("chart.layout-collapsed.bin".into(), collapsed.to_bytes());
    let reading = sorted(json!({
        "nodes": to_json(&nodes),
        "chainOf": CHAIN_OF,
        "chain": to_json(&chain),
        "dotted": to_json(&org.dotted_lines()),
        "layout": layout_json(&open),
        "collapsed": COLLAPSED,
        "layoutCollapsed": layout_json(&collapsed),
    }));
    out.insert("chart.reading.json".into(), pretty(&reading));
}

fn pretty(value: &Value) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(value).expect("JSON renders");
    text.push('\n');
    text.into_bytes()
}

/// Every file the fixtures folder should hold, by name.
fn expected() -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut out = BTreeMap::new();
    for fixture in orgs::all() {
        let file = scrubbed(
            org_file(dir.path(), &fixture),
            &dir.path().to_string_lossy(),
        );
        out.insert(format!("{}.json", fixture.name), pretty(&file));
    }
    let orgs = out.len();
    chart_golden(dir.path(), &mut out);
    assert_eq!(
        out.len(),
        orgs + 6,
        "every fixture file has a name of its own"
    );
    out
}

/// The generated files in the folder (not its README).
fn committed(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x == "json" || x == "bin")
        })
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).expect("read a fixture"))
        })
        .collect()
}

#[test]
fn ui_fixtures_match_the_backend() {
    let dir = fixtures_dir();
    let expected = expected();
    if std::env::var_os(UPDATE_ENV).is_some() {
        std::fs::create_dir_all(&dir).expect("create ui/tests/backend");
        for name in committed(&dir).keys() {
            if !expected.contains_key(name) {
                std::fs::remove_file(dir.join(name)).expect("remove a stale fixture");
            }
        }
        for (name, bytes) in &expected {
            std::fs::write(dir.join(name), bytes).expect("write a fixture");
        }
    }
    let actual = committed(&dir);
    let mut problems = Vec::new();
    for (name, bytes) in &expected {
        match actual.get(name) {
            None => problems.push(format!("missing: {name}")),
            Some(found) if found != bytes => problems.push(format!("out of date: {name}")),
            Some(_) => {}
        }
    }
    for name in actual.keys().filter(|n| !expected.contains_key(*n)) {
        problems.push(format!("stale (nothing writes it): {name}"));
    }
    assert!(
        problems.is_empty(),
        "ui/tests/backend/ drifted from the backend; run `{UPDATE_ENV}=1 cargo test -p orgraph-app ui_fixtures` and commit the result.\n{}",
        problems.join("\n")
    );
}
