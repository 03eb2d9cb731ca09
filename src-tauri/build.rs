//! Derives the app's permissions from the command list: `tauri_build` makes
//! an `allow-<command>` permission for each command, and the capability
//! file grants exactly those (see `src/capability.rs`).

use std::path::Path;

#[path = "src/capability.rs"]
mod capability;

// Reads `src/commands.in` (the one list of commands) for the names only;
// the crate's own `commands!` (src/ipc.rs) expands the same declarations
// into the commands themselves.
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $ret:ty
            = $kind:ident |$cx:pat_param| $body:expr;
    )*) => {
        const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}
include!("src/commands.in");

/// Writes `text` to `path` unless it already holds it: an unchanged file
/// keeps its timestamp, so cargo does not rerun this script for nothing.
fn write_if_changed(path: &Path, text: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    std::fs::write(path, text)
}

fn main() {
    let capability = Path::new(capability::FILE);
    if let Err(error) = write_if_changed(capability, &capability::render(COMMANDS)) {
        panic!("could not write {}: {error}", capability.display());
    }
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run the tauri build script");
}
