//! The IPC commands: each is a few lines over the core.

use crate::dto::{
    ChangeDto, ChangeRequest, ComparisonDto, ExportRequest, ExportResult, ImportDetectionDto,
    ImportProgressDto, ImportRequest, ImportResultDto, IpcError, MetricsSummary, PersonDetails,
    PlanDto, ScenarioState, WorkspaceInfo,
};
use crate::state::{blocking, AppState};
use orgraph::PersonId;
use tauri::ipc::{Channel, Response};
use tauri::State;

#[tauri::command]
pub async fn workspace_info(state: State<'_, AppState>) -> Result<WorkspaceInfo, IpcError> {
    state.with_session(|s| Ok(WorkspaceInfo::of(s))).await
}

/// Every chart node ([`ChartNode`]'s fields) as one columnar binary buffer
/// (`orgraph::chart::nodes_to_bytes`): at 100k people JSON would dominate
/// the chart's first paint.
#[tauri::command]
pub async fn chart_nodes(state: State<'_, AppState>) -> Result<Response, IpcError> {
    let bytes = state
        .with_session(|s| {
            let nodes = orgraph::chart::nodes(s.org(), s.metrics());
            Ok(orgraph::chart::nodes_to_bytes(&nodes))
        })
        .await?;
    Ok(Response::new(bytes))
}

/// Every dotted line as little-endian `u32` pairs (manager, report) of
/// node indices.
#[tauri::command]
pub async fn chart_dotted(state: State<'_, AppState>) -> Result<Response, IpcError> {
    let bytes = state
        .with_session(|s| Ok(orgraph::chart::dotted_to_bytes(s.org())))
        .await?;
    Ok(Response::new(bytes))
}

/// Node rectangles as little-endian `f32` quadruples (x, y, width, height)
/// in node index order; NaN x/y for nodes hidden under a collapsed node.
#[tauri::command]
pub async fn chart_layout(
    state: State<'_, AppState>,
    collapsed: Vec<String>,
) -> Result<Response, IpcError> {
    let collapsed: Vec<PersonId> = collapsed.into_iter().map(PersonId::new).collect();
    let bytes = state
        .with_session(move |s| Ok(orgraph::chart::layout(s.org(), &collapsed).to_bytes()))
        .await?;
    Ok(Response::new(bytes))
}

#[tauri::command]
pub async fn metrics(state: State<'_, AppState>) -> Result<MetricsSummary, IpcError> {
    state
        .with_session(|s| Ok(MetricsSummary::from(s.summary())))
        .await
}

#[tauri::command]
pub async fn person_details(
    state: State<'_, AppState>,
    id: String,
) -> Result<PersonDetails, IpcError> {
    state
        .with_session(move |s| Ok(PersonDetails::of(s.org(), s.metrics(), &PersonId::new(id))?))
        .await
}

/// Moves a person under a new manager (`null`: make them a root). Refused
/// moves come back as `{code, message}`, e.g. `would-create-cycle`.
#[tauri::command]
pub async fn move_person(
    state: State<'_, AppState>,
    person_id: String,
    manager_id: Option<String>,
) -> Result<MetricsSummary, IpcError> {
    // Ids only: never log people's details, least of all compensation.
    tracing::info!(person = %person_id, manager = ?manager_id, "move person");
    let result = state
        .with_session(move |s| {
            let manager = manager_id.map(PersonId::new);
            s.move_person(&PersonId::new(person_id), manager.as_ref())?;
            Ok(MetricsSummary::from(s.summary()))
        })
        .await;
    if let Err(error) = &result {
        tracing::info!(code = ?error.code, "move refused");
    }
    result
}

/// Applies one edit (person, team, support, dotted line) to the scenario
/// on show, persisted before this returns. Refused edits come back as
/// `{code, message}` and change nothing.
#[tauri::command]
pub async fn apply_change(
    state: State<'_, AppState>,
    request: ChangeRequest,
) -> Result<ScenarioState, IpcError> {
    state
        .with_session(move |s| {
            let change = request.into_change(|| s.unused_person_id("REQ"))?;
            // The kind only: edits may carry compensation.
            tracing::info!(kind = change.kind(), "apply change");
            s.apply(change, None)?;
            Ok(ScenarioState::of(s)?)
        })
        .await
}

/// The scenario on show and every scenario.
#[tauri::command]
pub async fn scenarios(state: State<'_, AppState>) -> Result<ScenarioState, IpcError> {
    state.with_session(|s| Ok(ScenarioState::of(s)?)).await
}

#[tauri::command]
pub async fn switch_scenario(
    state: State<'_, AppState>,
    name: String,
) -> Result<ScenarioState, IpcError> {
    state
        .with_session(move |s| {
            s.switch_to(&name)?;
            Ok(ScenarioState::of(s)?)
        })
        .await
}

/// Branches `name` from `from` and shows it.
#[tauri::command]
pub async fn create_scenario(
    state: State<'_, AppState>,
    name: String,
    from: String,
) -> Result<ScenarioState, IpcError> {
    state
        .with_session(move |s| {
            s.create_scenario(&name, &from)?;
            Ok(ScenarioState::of(s)?)
        })
        .await
}

#[tauri::command]
pub async fn duplicate_scenario(
    state: State<'_, AppState>,
    name: String,
    new_name: String,
) -> Result<ScenarioState, IpcError> {
    state
        .with_session(move |s| {
            s.duplicate_scenario(&name, &new_name)?;
            Ok(ScenarioState::of(s)?)
        })
        .await
}

#[tauri::command]
pub async fn rename_scenario(
    state: State<'_, AppState>,
    name: String,
    new_name: String,
) -> Result<ScenarioState, IpcError> {
    state
        .with_session(move |s| {
            s.rename_scenario(&name, &new_name)?;
            Ok(ScenarioState::of(s)?)
        })
        .await
}

#[tauri::command]
pub async fn delete_scenario(
    state: State<'_, AppState>,
    name: String,
) -> Result<ScenarioState, IpcError> {
    state
        .with_session(move |s| {
            s.delete_scenario(&name)?;
            Ok(ScenarioState::of(s)?)
        })
        .await
}

#[tauri::command]
pub async fn undo(state: State<'_, AppState>) -> Result<ScenarioState, IpcError> {
    state
        .with_session(|s| {
            s.undo()?;
            Ok(ScenarioState::of(s)?)
        })
        .await
}

#[tauri::command]
pub async fn redo(state: State<'_, AppState>) -> Result<ScenarioState, IpcError> {
    state
        .with_session(|s| {
            s.redo()?;
            Ok(ScenarioState::of(s)?)
        })
        .await
}

/// The scenario's change list (applied, then redoable).
#[tauri::command]
pub async fn scenario_changes(state: State<'_, AppState>) -> Result<Vec<ChangeDto>, IpcError> {
    state.with_session(|s| Ok(ChangeDto::all(s))).await
}

/// The baseline and each named scenario side by side, with diffs.
#[tauri::command]
pub async fn compare_scenarios(
    state: State<'_, AppState>,
    names: Vec<String>,
) -> Result<ComparisonDto, IpcError> {
    state
        .with_session(move |s| Ok(ComparisonDto::from(&s.compare(&names, None)?)))
        .await
}

/// The headcount plan of the scenario on show, from today's quarter.
#[tauri::command]
pub async fn headcount_plan(state: State<'_, AppState>) -> Result<PlanDto, IpcError> {
    state
        .with_session(|s| {
            let plan = s.plan(orgraph::date::today())?;
            Ok(PlanDto::of(&s.scenario().name, &plan))
        })
        .await
}

/// Writes the org on show to a file (chart or data) on the blocking pool,
/// atomically: a failed export leaves no partial file.
#[tauri::command]
pub async fn export_file(
    state: State<'_, AppState>,
    request: ExportRequest,
) -> Result<ExportResult, IpcError> {
    // Format and scope only: never the path's folder contents or any cost.
    tracing::info!(format = ?request.format, root = ?request.root, depth = ?request.depth, "export");
    state
        .with_session(move |s| {
            let (export, path) = request.to_export(s)?;
            let written = orgraph::export::export_file(s.org(), s.metrics(), &export, &path)?;
            Ok(ExportResult::new(&request, &path, written))
        })
        .await
}

/// The import wizard's review: what importing the file would read (format,
/// encoding, mapping, manager references, a preview). Writes nothing.
#[tauri::command]
pub async fn detect_import(request: ImportRequest) -> Result<ImportDetectionDto, IpcError> {
    blocking(move || {
        let (path, options) = request.to_options()?;
        let detection = orgraph::import::detect(&path, &options)?;
        tracing::info!(format = ?detection.format, rows = detection.rows, "import detected");
        Ok(ImportDetectionDto::new(&path, detection))
    })
    .await
}

/// Imports the file as the workspace's baseline on the blocking pool,
/// reporting progress on `on_progress`. Errors stop it before anything is
/// written (`validation` carries the findings). On success the app's
/// session is reopened on the new baseline.
#[tauri::command]
pub async fn import_people(
    state: State<'_, AppState>,
    request: ImportRequest,
    on_progress: Channel<ImportProgressDto>,
) -> Result<ImportResultDto, IpcError> {
    // The mapping only: never the file's contents.
    tracing::info!(overrides = request.overrides.len(), manager_ref = ?request.manager_ref, "import");
    let result = state
        .with_session(move |session| {
            // A closed window just stops listening.
            let progress = |p: orgraph::import::Progress| {
                let _ = on_progress.send(p.into());
            };
            Ok(request.import_into(session, &progress)?)
        })
        .await;
    match &result {
        Ok(done) => tracing::info!(people = done.people, teams = done.teams, "imported"),
        Err(error) => tracing::info!(code = ?error.code, "import refused"),
    }
    result
}
