//! The command bodies longer than a line of `commands.in`.

use crate::error::IpcError;
use crate::ipc::{App, Bytes, TypedChannel};
use crate::state::{blocking, AppState};
use orgraph::export::{ExportRequest, ExportResult};
use orgraph::health::LayerGuidance;
use orgraph::import::{ImportRequest, ImportReview, ImportSummary, Progress};
use orgraph::metrics::placement::WhatIf;
use orgraph::metrics::{DashboardQuery, DashboardView, MetricsSummary};
use orgraph::model::{Ladder, LadderLevel, Policy};
use orgraph::recent::{RecentWorkspace, WorkspaceInfo};
use orgraph::scenario::plan::PlanView;
use orgraph::scenario::{Change, EnteredChange};
use orgraph::session::{ScenarioState, Session};
use orgraph::suggest::reason::SuggestionRequest;
use orgraph::PersonId;
use std::path::PathBuf;
use tauri::WebviewWindow;

/// Runs `change` on the session, then answers with the scenario state it
/// leaves (what every scenario command resolves with).
pub fn then_state<T, E>(
    s: &mut Session,
    change: impl FnOnce(&mut Session) -> Result<T, E>,
) -> Result<ScenarioState, IpcError>
where
    IpcError: From<E>,
{
    change(s)?;
    Ok(s.scenario_state()?)
}

pub fn chart_nodes(s: &Session) -> Bytes {
    let nodes = orgraph::chart::nodes(s.org(), s.metrics());
    Bytes(orgraph::chart::nodes_to_bytes(&nodes))
}

pub fn chart_chain_nodes(s: &Session, id: String) -> Result<Bytes, IpcError> {
    let nodes = orgraph::chart::chain_nodes(s.org(), s.metrics(), &PersonId::new(id))?;
    Ok(Bytes(orgraph::chart::indexed_nodes_to_bytes(&nodes)))
}

pub fn chart_layout(s: &Session, collapsed: Vec<String>) -> Bytes {
    let collapsed: Vec<PersonId> = collapsed.into_iter().map(PersonId::new).collect();
    Bytes(orgraph::chart::layout(s.org(), &collapsed).to_bytes())
}

pub fn chart_open_view(s: &Session, width: f32, height: f32, min_scale: f32) -> Vec<String> {
    let screen = orgraph::chart::Screen {
        width,
        height,
        min_scale,
    };
    let view = orgraph::chart::open_view(s.org(), &screen);
    view.collapsed.iter().map(ToString::to_string).collect()
}

pub fn set_workspace_settings(
    s: &mut Session,
    policy: Option<Policy>,
    levels: Option<Vec<LadderLevel>>,
) -> Result<ScenarioState, IpcError> {
    let policy = match policy {
        Some(edited) => Some(s.settings_on_show()?.workspace_policy_after(&edited)),
        None => None,
    };
    then_state(s, |s| {
        s.set_workspace_settings(policy, levels.map(Ladder::new))
    })
}

/// Sets the workspace's layer guidance, checked by the core alone
/// (`Session::set_layer_guidance` refuses a bad one as `invalid-input`);
/// answers with the guidance stored.
pub fn set_layer_guidance(
    s: &mut Session,
    guidance: LayerGuidance,
) -> Result<LayerGuidance, IpcError> {
    s.set_layer_guidance(&guidance)?;
    Ok(s.layer_guidance()?)
}

pub fn move_person(
    s: &mut Session,
    person_id: String,
    manager_id: Option<String>,
) -> Result<MetricsSummary, IpcError> {
    // Ids only: never log people's details, least of all compensation.
    tracing::info!(person = %person_id, manager = ?manager_id, "move person");
    let manager = manager_id.map(PersonId::new);
    match s.move_person(&PersonId::new(person_id), manager.as_ref()) {
        Ok(_) => Ok(MetricsSummary::of(s.summary())),
        Err(error) => {
            let error = IpcError::from(error);
            tracing::info!(code = ?error.code, "move refused");
            Err(error)
        }
    }
}

pub fn apply_change(s: &mut Session, change: Change) -> Result<ScenarioState, IpcError> {
    // The kind only: edits may carry compensation.
    tracing::info!(kind = change.kind(), "apply change");
    then_state(s, |s| s.apply(change, None))
}

pub fn apply_entered_change(
    s: &mut Session,
    request: EnteredChange,
) -> Result<ScenarioState, IpcError> {
    let change = request.into_change(|| s.unused_person_id("REQ"))?;
    apply_change(s, change)
}

pub fn retarget_move(
    s: &mut Session,
    position: u32,
    manager: Option<String>,
) -> Result<ScenarioState, IpcError> {
    then_state(s, |s| s.retarget_move(position, manager.map(PersonId::new)))
}

pub fn headcount_plan(s: &mut Session) -> Result<PlanView, IpcError> {
    let plan = s.plan(orgraph::date::today())?;
    Ok(plan.into_view(&s.scenario().name))
}

pub fn dashboard(s: &mut Session, query: DashboardQuery) -> DashboardView {
    let dashboard = s.dashboard(&query.capped());
    DashboardView::of(&s.scenario().name, s.summary(), dashboard)
}

pub fn export_file(s: &mut Session, request: ExportRequest) -> Result<ExportResult, IpcError> {
    // Format and scope only: never the path's folder contents or any cost.
    tracing::info!(format = ?request.format, root = ?request.root, depth = ?request.depth, "export");
    Ok(request.export(s)?)
}

pub fn save_what_if(
    s: &mut Session,
    name: String,
    what_if: WhatIf,
) -> Result<ScenarioState, IpcError> {
    tracing::info!(what_if = ?what_if, "save what-if");
    then_state(s, |s| s.save_what_if(&name, what_if))
}

pub fn save_suggestion(
    s: &mut Session,
    name: String,
    changes: Vec<Change>,
    request: SuggestionRequest,
) -> Result<ScenarioState, IpcError> {
    // Counts only: the changes name people.
    tracing::info!(changes = changes.len(), "save suggestion");
    let reason = request.reason();
    then_state(s, |s| s.save_changes_as(&name, changes, &reason))
}

/// Runs on the blocking pool without the session: the wizard reviews a file
/// even when no workspace could be opened.
pub async fn detect_import(request: ImportRequest) -> Result<ImportReview, IpcError> {
    blocking(move || {
        let review = request.review()?;
        tracing::info!(format = ?review.format, rows = review.rows, "import detected");
        Ok(review)
    })
    .await
}

pub async fn import_people(
    state: &AppState,
    request: ImportRequest,
    on_progress: TypedChannel<Progress>,
) -> Result<ImportSummary, IpcError> {
    // The mapping only: never the file's contents.
    tracing::info!(overrides = request.overrides.len(), manager_ref = ?request.manager_ref, "import");
    let result = state
        .with_session(move |session| {
            let progress = |p: Progress| on_progress.send_quietly(p);
            Ok(request.import_into(session, &progress)?)
        })
        .await;
    match &result {
        Ok(done) => tracing::info!(people = done.people, teams = done.teams, "imported"),
        Err(error) => tracing::info!(code = ?error.code, "import refused"),
    }
    result
}

/// The window title for the workspace `info`.
pub fn window_title(info: &WorkspaceInfo) -> String {
    format!("Orgraph — {}", info.name)
}

/// Shows `info`'s workspace name in the window title (from Rust, so the
/// UI needs no window permission).
fn retitle(window: &WebviewWindow, info: &WorkspaceInfo) {
    if let Err(error) = window.set_title(&window_title(info)) {
        tracing::warn!("could not set the window title: {error}");
    }
}

pub async fn new_workspace(app: App<'_>, path: String) -> Result<WorkspaceInfo, IpcError> {
    tracing::info!("new workspace");
    let info = app
        .state
        .replace_session(
            move |_| Ok(Session::create_empty(&PathBuf::from(path))?),
            WorkspaceInfo::of,
        )
        .await?;
    retitle(&app.window, &info);
    Ok(info)
}

pub async fn open_workspace(app: App<'_>, path: String) -> Result<WorkspaceInfo, IpcError> {
    tracing::info!("open workspace");
    let result = app
        .state
        .replace_session(
            move |_| Ok(Session::open(&PathBuf::from(path))?),
            WorkspaceInfo::of,
        )
        .await;
    if let Err(error) = &result {
        tracing::info!(code = ?error.code, "open refused");
    }
    let info = result?;
    retitle(&app.window, &info);
    Ok(info)
}

pub async fn save_workspace_as(app: App<'_>, path: String) -> Result<WorkspaceInfo, IpcError> {
    tracing::info!("save workspace as");
    let info = app
        .state
        .replace_session(
            move |current| {
                let current = current.ok_or_else(|| {
                    IpcError::internal("no workspace is open to save; open or create one first")
                })?;
                Ok(current.save_as(&PathBuf::from(path))?)
            },
            WorkspaceInfo::of,
        )
        .await?;
    retitle(&app.window, &info);
    Ok(info)
}

pub async fn recent_workspaces(state: &AppState) -> Result<Vec<RecentWorkspace>, IpcError> {
    let current = state
        .with_session(|s| Ok(s.path().to_path_buf()))
        .await
        .ok();
    let paths = state.recent().await?;
    Ok(RecentWorkspace::list(&paths, current.as_deref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layer_guidance_is_set_for_every_scenario_or_refused_unchanged() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("t.orgraph");
        let mut s = Session::open_or_seed(&path).expect("seeded");
        s.create_scenario("other", "baseline").expect("a scenario");
        let tight: LayerGuidance = "100:3,4".parse().expect("guidance");
        assert_eq!(set_layer_guidance(&mut s, tight.clone()), Ok(tight.clone()));
        let unsorted: LayerGuidance = serde_json::from_value(serde_json::json!({
            "steps": [{"up_to": 500, "layers": 5}, {"up_to": 100, "layers": 4}],
            "above": 9
        }))
        .expect("JSON as the UI sends it");
        let error = set_layer_guidance(&mut s, unsorted).expect_err("sizes must increase");
        assert_eq!(error.code, orgraph::ErrorCode::InvalidInput);
        assert!(
            error.message.contains("the sizes must increase"),
            "{}",
            error.message
        );
        // Unchanged by the refusal, read the same from the baseline, and
        // recorded in no scenario's change list.
        assert_eq!(s.layer_guidance().expect("read"), tight);
        let baseline = Session::open_at(&path, "baseline", None).expect("baseline");
        assert_eq!(baseline.layer_guidance().expect("read"), tight);
        assert!(s.change_lines().is_empty());
    }
}
