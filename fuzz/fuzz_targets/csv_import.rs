//! A CSV file as a user imports it: the bytes are written to a file and
//! go through `import::detect` (the review step) and `import::load`, so
//! the encoding, delimiter and manager-reference detection and both CSV
//! readers run exactly as they do for a user. Any outcome is fine except
//! a panic, a hang or an allocation out of proportion to the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orgraph::import::{self, ImportOptions};
use orgraph::model::{Ladder, Policy};
use std::sync::OnceLock;

fn scratch() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a scratch folder"))
}

fuzz_target!(|data: &[u8]| {
    let path = scratch().path().join("people.csv");
    std::fs::write(&path, data).expect("scratch file written");
    let options = ImportOptions::default();
    let _ = import::detect(&path, &options);
    if let Ok((org, _warnings)) =
        import::load(&path, &options, Ladder::default(), Policy::default())
    {
        // An org that comes back holds the model's invariants.
        assert!(org.len() <= data.len());
    }
});
