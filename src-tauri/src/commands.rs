//! The IPC commands: each is a few lines over the core.

use crate::dto::{
    ChangeDto, ChangeRequest, ComparisonDto, DashboardDto, DashboardRequest, ExportRequest,
    ExportResult, ImportDetectionDto, ImportProgressDto, ImportRequest, ImportResultDto, IpcError,
    LadderLevelDto, MetricsSummary, PeopleTableDto, PersonDetails, PlaceholderDto, PlanDto,
    PolicyDto, RecentWorkspace, ScenarioState, SettingsDto, SnapshotDto, StaffPlusBoardDto,
    TeamDto, WhatIfDto, WorkspaceInfo, SNAPSHOTS_SHOWN,
};
use crate::state::{blocking, AppState};
use orgraph::model::Ladder;
use orgraph::session::Session;
use orgraph::PersonId;
use std::path::PathBuf;
use tauri::ipc::{Channel, Response};
use tauri::{State, WebviewWindow};

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

/// The nodes of one person and their managers up to the root
/// (`orgraph::chart::indexed_nodes_to_bytes`): all that an edit of that
/// person's own fields can change, without resending every node.
#[tauri::command]
pub async fn chart_chain_nodes(
    state: State<'_, AppState>,
    id: String,
) -> Result<Response, IpcError> {
    let bytes = state
        .with_session(move |s| {
            let nodes = orgraph::chart::chain_nodes(s.org(), s.metrics(), &PersonId::new(id))?;
            Ok(orgraph::chart::indexed_nodes_to_bytes(&nodes))
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

/// Node rectangles as little-endian `f32` quintuples (x, y, width, height,
/// spine) in node index order, then one per placeholder
/// (`chart_placeholders`); NaN x/y for nodes hidden under a collapsed node.
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

/// The "Not in file" placeholders of the scenario on show, in layout order:
/// `chart_layout` has one entry per person, then one per placeholder.
#[tauri::command]
pub async fn chart_placeholders(
    state: State<'_, AppState>,
) -> Result<Vec<PlaceholderDto>, IpcError> {
    state
        .with_session(|s| {
            let placeholders = orgraph::chart::placeholders(s.org());
            Ok(placeholders.into_iter().map(PlaceholderDto::from).collect())
        })
        .await
}

/// The managers to collapse so the chart opens on as many top layers as
/// fit `width` x `height` screen pixels at `min_scale` or larger (the zoom
/// below which the UI cannot draw legible labels).
#[tauri::command]
pub async fn chart_open_view(
    state: State<'_, AppState>,
    width: f32,
    height: f32,
    min_scale: f32,
) -> Result<Vec<String>, IpcError> {
    let screen = orgraph::chart::Screen {
        width,
        height,
        min_scale,
    };
    state
        .with_session(move |s| {
            let view = orgraph::chart::open_view(s.org(), &screen);
            Ok(view.collapsed.iter().map(ToString::to_string).collect())
        })
        .await
}

/// The people table's columns the chart nodes lack (location, cost, start
/// date, team) for everyone in node index order, and the team list. Carries
/// individual costs: never log its contents.
#[tauri::command]
pub async fn people_table(state: State<'_, AppState>) -> Result<PeopleTableDto, IpcError> {
    state
        .with_session(|s| Ok(orgraph::people::people_table(s.org()).into()))
        .await
}

#[tauri::command]
pub async fn metrics(state: State<'_, AppState>) -> Result<MetricsSummary, IpcError> {
    state
        .with_session(|s| Ok(MetricsSummary::from(s.summary())))
        .await
}

/// Every team of the scenario on show, with size, cost total, staff+
/// support and size verdict: O(teams) from the metrics already computed.
#[tauri::command]
pub async fn teams(state: State<'_, AppState>) -> Result<Vec<TeamDto>, IpcError> {
    state
        .with_session(|s| Ok(s.team_rows().into_iter().map(TeamDto::from).collect()))
        .await
}

/// The policy and ladder of the scenario on show: the workspace's, or its
/// own where it set them through `apply_change` ("in this scenario only").
#[tauri::command]
pub async fn settings(state: State<'_, AppState>) -> Result<SettingsDto, IpcError> {
    state
        .with_session(|s| Ok(SettingsDto::of_session(s)?))
        .await
}

/// Sets the workspace's policy and/or ladder (`null` keeps it): the
/// baseline and every scenario follow, and no change list records it.
#[tauri::command]
pub async fn set_workspace_settings(
    state: State<'_, AppState>,
    policy: Option<PolicyDto>,
    levels: Option<Vec<LadderLevelDto>>,
) -> Result<ScenarioState, IpcError> {
    state
        .with_session(move |s| {
            let ladder =
                levels.map(|levels| Ladder::new(levels.into_iter().map(Into::into).collect()));
            s.set_workspace_settings(policy.map(Into::into), ladder)?;
            Ok(ScenarioState::of(s)?)
        })
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

/// Takes a change that no longer applies out of the scenario on show.
#[tauri::command]
pub async fn drop_change(
    state: State<'_, AppState>,
    position: u32,
) -> Result<ScenarioState, IpcError> {
    state
        .with_session(move |s| {
            s.drop_change(position)?;
            Ok(ScenarioState::of(s)?)
        })
        .await
}

/// Points a move of the scenario on show at another manager (`None`: no
/// manager); refused, changing nothing, if it would still not apply.
#[tauri::command]
pub async fn retarget_move(
    state: State<'_, AppState>,
    position: u32,
    manager: Option<String>,
) -> Result<ScenarioState, IpcError> {
    state
        .with_session(move |s| {
            s.retarget_move(position, manager.map(PersonId::new))?;
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

/// Every aggregate of the dashboard view for the scenario on show: one
/// answer, nothing per person but the capped out-of-band list.
#[tauri::command]
pub async fn dashboard(
    state: State<'_, AppState>,
    request: DashboardRequest,
) -> Result<DashboardDto, IpcError> {
    state
        .with_session(move |s| {
            let dashboard = s.dashboard(&request.query());
            Ok(DashboardDto::of(
                &s.scenario().name,
                s.summary(),
                &dashboard,
            ))
        })
        .await
}

/// The stored metrics snapshots of the scenario on show, oldest first (the
/// most recent 500): its trend over time.
#[tauri::command]
pub async fn snapshots(state: State<'_, AppState>) -> Result<Vec<SnapshotDto>, IpcError> {
    state
        .with_session(|s| {
            Ok(s.snapshots(SNAPSHOTS_SHOWN)?
                .iter()
                .map(Into::into)
                .collect())
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

/// The staff+ placement board and coverage matrix of the scenario on show,
/// as it is or as a what-if preview (computed on a copy, not persisted).
#[tauri::command]
pub async fn staff_plus_board(
    state: State<'_, AppState>,
    what_if: WhatIfDto,
) -> Result<StaffPlusBoardDto, IpcError> {
    state
        .with_session(move |s| Ok(StaffPlusBoardDto::from(&s.staff_plus(what_if.into())?)))
        .await
}

/// Saves a what-if preview as a new scenario `name` branched from the one
/// on show (its changes in one transaction), and shows it.
#[tauri::command]
pub async fn save_what_if(
    state: State<'_, AppState>,
    name: String,
    what_if: WhatIfDto,
) -> Result<ScenarioState, IpcError> {
    tracing::info!(what_if = ?what_if, "save what-if");
    state
        .with_session(move |s| {
            s.save_what_if(&name, what_if.into())?;
            Ok(ScenarioState::of(s)?)
        })
        .await
}

/// Shows `info`'s workspace name in the window title (from Rust, so the
/// UI needs no window permission).
fn retitle(window: &WebviewWindow, info: &WorkspaceInfo) {
    if let Err(error) = window.set_title(&info.title()) {
        tracing::warn!("could not set the window title: {error}");
    }
}

/// Creates an empty workspace at `path` (refusing to replace a file) and
/// shows it. On failure the open workspace stays as it was.
#[tauri::command]
pub async fn new_workspace(
    window: WebviewWindow,
    state: State<'_, AppState>,
    path: String,
) -> Result<WorkspaceInfo, IpcError> {
    tracing::info!("new workspace");
    let info = state
        .replace_session(
            move |_| Ok(Session::create_empty(&PathBuf::from(path))?),
            WorkspaceInfo::of,
        )
        .await?;
    retitle(&window, &info);
    Ok(info)
}

/// Opens the workspace at `path` and shows it. A file that is not a
/// workspace, or is corrupt, is a typed error; the open workspace stays.
#[tauri::command]
pub async fn open_workspace(
    window: WebviewWindow,
    state: State<'_, AppState>,
    path: String,
) -> Result<WorkspaceInfo, IpcError> {
    tracing::info!("open workspace");
    let result = state
        .replace_session(
            move |_| Ok(Session::open(&PathBuf::from(path))?),
            WorkspaceInfo::of,
        )
        .await;
    if let Err(error) = &result {
        tracing::info!(code = ?error.code, "open refused");
    }
    let info = result?;
    retitle(&window, &info);
    Ok(info)
}

/// Copies the open workspace to `path` (one consistent snapshot, written
/// to a temporary file and renamed) and shows the copy.
#[tauri::command]
pub async fn save_workspace_as(
    window: WebviewWindow,
    state: State<'_, AppState>,
    path: String,
) -> Result<WorkspaceInfo, IpcError> {
    tracing::info!("save workspace as");
    let info = state
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
    retitle(&window, &info);
    Ok(info)
}

/// The last workspaces opened, the open one first; files that are gone
/// are dropped from the list.
#[tauri::command]
pub async fn recent_workspaces(
    state: State<'_, AppState>,
) -> Result<Vec<RecentWorkspace>, IpcError> {
    let current = state
        .with_session(|s| Ok(s.path().to_path_buf()))
        .await
        .ok();
    let paths = state.recent().await?;
    Ok(paths
        .iter()
        .map(|p| RecentWorkspace::of(p, current.as_deref()))
        .collect())
}
