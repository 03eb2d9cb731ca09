//! Orgraph desktop shell: opens the workspace through the core's
//! [`Session`](orgraph::session::Session) and exposes a handful of thin IPC
//! commands. All org logic lives in the `orgraph` crate.

pub mod commands;
pub mod error;
pub mod ipc;
pub mod state;

#[cfg(test)]
mod bindings;
#[cfg(test)]
mod capability;
#[cfg(test)]
mod ts_client;

use error::IpcError;
use orgraph::recent::WorkspaceInfo;
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
        Ok(s) => commands::window_title(&WorkspaceInfo::of(s)),
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
        // Every command of `commands.in`; build.rs grants the same list.
        .invoke_handler(commands::handler())
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
    use crate::capability;
    use crate::commands::NAMES;

    fn committed_capability() -> serde_json::Value {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(capability::FILE);
        let text = std::fs::read_to_string(path).expect("read the capability");
        serde_json::from_str(&text).expect("the capability is JSON")
    }

    /// The main window may call every declared command and the two dialog
    /// permissions, nothing else: no core window or event permissions.
    #[test]
    fn capability_grants_exactly_the_declared_commands() {
        let capability = committed_capability();
        let mut granted: Vec<&str> = capability["permissions"]
            .as_array()
            .expect("permissions")
            .iter()
            .map(|p| p.as_str().expect("plain permission"))
            .collect();
        let mut expected: Vec<String> = NAMES.iter().map(|c| capability::permission(c)).collect();
        expected.extend(capability::PLUGIN_PERMISSIONS.iter().map(|p| p.to_string()));
        granted.sort_unstable();
        expected.sort_unstable();
        assert_eq!(granted, expected);
        assert_eq!(capability["windows"], serde_json::json!(["main"]));
    }

    /// build.rs writes the capability from its own reading of `commands.in`:
    /// the file it wrote must be the one the crate's list gives.
    #[test]
    fn build_script_read_the_same_command_list() {
        let rendered: serde_json::Value =
            serde_json::from_str(&capability::render(NAMES)).expect("rendered JSON");
        assert_eq!(committed_capability(), rendered);
    }
}
