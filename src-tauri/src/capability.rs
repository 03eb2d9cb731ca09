//! The main window's capability, `capabilities/default.json`: Orgraph's own
//! commands and the native Open and Save as dialogs, nothing else.
//!
//! `build.rs` includes this file and writes the capability from the command
//! list before `tauri_build` reads it; a test checks the committed file.
//! Standard library only, so the build script can use it.

/// Plugin permissions the capability grants besides the app's own commands:
/// the native Open (import) and Save as (export) dialogs only (no message,
/// no fs, no core window or event APIs).
pub const PLUGIN_PERMISSIONS: &[&str] = &["dialog:allow-open", "dialog:allow-save"];

/// Where the capability lives, relative to `src-tauri/`.
pub const FILE: &str = "capabilities/default.json";

/// The permission `tauri_build` derives for a command: `allow-` and the
/// name in kebab-case.
pub fn permission(command: &str) -> String {
    format!("allow-{}", command.replace('_', "-"))
}

/// The capability file granting `commands` (in that order), then
/// [`PLUGIN_PERMISSIONS`].
pub fn render(commands: &[&str]) -> String {
    let permissions: Vec<String> = commands
        .iter()
        .map(|command| permission(command))
        .chain(PLUGIN_PERMISSIONS.iter().map(|p| p.to_string()))
        .map(|permission| format!("    \"{permission}\""))
        .collect();
    format!(
        "{{\n  \"$schema\": \"../gen/schemas/desktop-schema.json\",\n  \
         \"identifier\": \"default\",\n  \
         \"description\": \"The main window may call Orgraph's own commands and the native Open and Save as dialogs, nothing else: no core window/event APIs, no other plugin permissions.\",\n  \
         \"windows\": [\n    \"main\"\n  ],\n  \
         \"permissions\": [\n{}\n  ]\n}}\n",
        permissions.join(",\n")
    )
}
