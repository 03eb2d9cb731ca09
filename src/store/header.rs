//! The fields of the SQLite file header (its first 100 bytes) that say
//! whose a database is and which schema it has, read without opening it.
//!
//! Opening a WAL database read-only leaves `-wal` and `-shm` files beside
//! it (only a writable connection removes them when it closes), so a file
//! refused after a read-only open was not left as it was found. The header
//! answers first for the files it can refuse. It may be older than the
//! database (the last changes can sit in the WAL until a checkpoint), so
//! it only refuses what no later state undoes: another application's id
//! (ours is set before the file is first put in WAL mode, and a stale
//! header holds 0, not a foreign id) and a schema newer than this build
//! knows (versions only grow).

/// Bytes of the header read: the whole SQLite database header.
pub(super) const LEN: usize = 100;

/// Why the header alone shows the file is not a workspace this build can
/// open, if it does.
pub(super) fn refusal(header: &[u8; LEN], application_id: i32, latest: u32) -> Option<String> {
    let field = |at: usize| [header[at], header[at + 1], header[at + 2], header[at + 3]];
    let version = u32::from_be_bytes(field(60));
    let app_id = i32::from_be_bytes(field(68));
    if app_id != 0 && app_id != application_id {
        return Some("an SQLite database of another application".into());
    }
    (version > latest)
        .then(|| format!("made by a newer Orgraph (schema {version}, this build knows {latest})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(version: u32, app_id: i32) -> [u8; LEN] {
        let mut header = [0u8; LEN];
        header[60..64].copy_from_slice(&version.to_be_bytes());
        header[68..72].copy_from_slice(&app_id.to_be_bytes());
        header
    }

    #[test]
    fn only_a_foreign_id_or_a_newer_schema_is_refused() {
        assert_eq!(refusal(&header(2, 7), 7, 2), None);
        assert_eq!(
            refusal(&header(1, 0), 7, 2),
            None,
            "a header older than the WAL"
        );
        assert!(refusal(&header(2, 8), 7, 2).is_some_and(|r| r.contains("another")));
        assert!(refusal(&header(3, 7), 7, 2).is_some_and(|r| r.contains("schema 3")));
    }
}
