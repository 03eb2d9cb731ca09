// The app's commands become permissions (`allow-<command>`), so the
// capability file grants exactly these and nothing else.
const COMMANDS: &[&str] = &[
    "workspace_info",
    "chart_nodes",
    "chart_chain_nodes",
    "chart_layout",
    "chart_open_view",
    "chart_placeholders",
    "chart_dotted",
    "metrics",
    "person_details",
    "move_person",
    "apply_change",
    "scenarios",
    "switch_scenario",
    "create_scenario",
    "duplicate_scenario",
    "rename_scenario",
    "delete_scenario",
    "undo",
    "redo",
    "drop_change",
    "retarget_move",
    "scenario_changes",
    "compare_scenarios",
    "headcount_plan",
    "export_file",
    "detect_import",
    "import_people",
    "staff_plus_board",
    "save_what_if",
    "people_table",
    "teams",
    "settings",
    "set_workspace_settings",
    "dashboard",
    "snapshots",
    "new_workspace",
    "open_workspace",
    "save_workspace_as",
    "recent_workspaces",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run the tauri build script");
}
