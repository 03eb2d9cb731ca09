//! Orgraph desktop shell: opens the workspace through the core's
//! [`Session`](orgraph::session::Session) and exposes a handful of thin IPC
//! commands. All org logic lives in the `orgraph` crate.

pub mod commands;
pub mod dto;
pub mod state;

#[cfg(test)]
mod bindings;
#[cfg(test)]
mod ui_fixtures;

use dto::{IpcError, WorkspaceInfo};
use orgraph::session::Session;
use state::AppState;
use tauri::Manager;
use tauri_plugin_window_state::StateFlags;

/// The recent-workspaces list, in the app's config folder.
const RECENT_FILE: &str = "recent-workspaces.json";

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("ORGRAPH_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // A second init (tests) is harmless, so the error is ignored.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// Opens (or creates and seeds) the workspace from `ORGRAPH_WORKSPACE` or the
/// default location.
fn open_session() -> Result<Session, IpcError> {
    let path = orgraph::default_workspace_path();
    tracing::info!(path = %path.display(), "opening workspace");
    Session::open_or_seed(&path).map_err(|e| {
        tracing::error!(code = ?e.code(), "could not open the workspace: {e}");
        IpcError::from(e)
    })
}

pub fn run() {
    init_tracing();
    let session = open_session();
    let title = match &session {
        Ok(s) => WorkspaceInfo::of(s).title(),
        Err(_) => "Orgraph".to_string(),
    };
    let opened = session.as_ref().ok().map(|s| s.path().to_path_buf());
    let result = tauri::Builder::default()
        .manage(AppState::new(session))
        // The export dialog's and import wizard's "Browse…" (native Save as
        // and Open); the capability grants only `dialog:allow-save` and
        // `dialog:allow-open`.
        .plugin(tauri_plugin_dialog::init())
        // Window size and position across restarts, saved and restored from
        // Rust only: the capability grants none of its JS commands.
        .plugin(
            tauri_plugin_window_state::Builder::new()
                .with_state_flags(StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED)
                .build(),
        )
        // Keep in step with COMMANDS in build.rs (the capability's permissions).
        .invoke_handler(tauri::generate_handler![
            commands::workspace_info,
            commands::chart_nodes,
            commands::chart_layout,
            commands::chart_open_view,
            commands::chart_placeholders,
            commands::chart_dotted,
            commands::chart_chain_nodes,
            commands::metrics,
            commands::person_details,
            commands::move_person,
            commands::apply_change,
            commands::scenarios,
            commands::switch_scenario,
            commands::create_scenario,
            commands::duplicate_scenario,
            commands::rename_scenario,
            commands::delete_scenario,
            commands::undo,
            commands::redo,
            commands::drop_change,
            commands::retarget_move,
            commands::scenario_changes,
            commands::compare_scenarios,
            commands::headcount_plan,
            commands::export_file,
            commands::detect_import,
            commands::import_people,
            commands::staff_plus_board,
            commands::save_what_if,
            commands::people_table,
            commands::teams,
            commands::settings,
            commands::set_workspace_settings,
            commands::dashboard,
            commands::snapshots,
            commands::new_workspace,
            commands::open_workspace,
            commands::save_workspace_as,
            commands::recent_workspaces,
        ])
        .setup(move |app| {
            match app.path().app_config_dir() {
                Ok(dir) => {
                    let file = dir.join(RECENT_FILE);
                    if let Some(path) = &opened {
                        state::remember(&file, path);
                    }
                    app.state::<AppState>().set_recent_file(file);
                }
                Err(error) => tracing::warn!("no config folder for the recent list: {error}"),
            }
            if let Some(window) = app.get_webview_window("main") {
                window.set_title(&title)?;
            }
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(error) = result {
        tracing::error!("Orgraph stopped with an error: {error}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    /// Plugin permissions the capability may grant besides the app's own
    /// commands: the native Open (import) and Save as (export) dialogs only
    /// (no message, no fs).
    const PLUGIN_PERMISSIONS: &[&str] = &["dialog:allow-open", "dialog:allow-save"];

    /// The capability grants exactly the app's own commands and
    /// [`PLUGIN_PERMISSIONS`]: no core window or event permissions.
    #[test]
    fn capability_grants_only_the_app_commands() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let build = std::fs::read_to_string(dir.join("build.rs")).expect("read build.rs");
        let list = build
            .split_once("COMMANDS: &[&str] = &[")
            .and_then(|(_, rest)| rest.split_once("];"))
            .map(|(list, _)| list)
            .expect("COMMANDS in build.rs");
        let mut expected: Vec<String> = list
            .split(',')
            .map(|c| c.trim().trim_matches('"'))
            .filter(|c| !c.is_empty())
            .map(|c| format!("allow-{}", c.replace('_', "-")))
            .collect();
        let lib = std::fs::read_to_string(dir.join("src/lib.rs")).expect("read lib.rs");
        for permission in &expected {
            let command = permission.trim_start_matches("allow-").replace('-', "_");
            assert!(
                lib.contains(&format!("commands::{command},")),
                "{command} is not registered"
            );
        }
        let capability: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join("capabilities/default.json"))
                .expect("read capability"),
        )
        .expect("capability is JSON");
        let mut granted: Vec<String> = capability["permissions"]
            .as_array()
            .expect("permissions")
            .iter()
            .map(|p| p.as_str().expect("plain permission").to_string())
            .collect();
        expected.extend(PLUGIN_PERMISSIONS.iter().map(|p| p.to_string()));
        expected.sort();
        granted.sort();
        assert_eq!(granted, expected);
        assert_eq!(capability["windows"], serde_json::json!(["main"]));
    }
}
