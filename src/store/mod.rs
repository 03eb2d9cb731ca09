//! The workspace: one SQLite file (`.orgraph`) holding the org, settings,
//! validation warnings and metrics snapshots.
//!
//! Opening never modifies a file that is not an Orgraph workspace: it is
//! checked read-only first. Every write is one transaction.

mod absent;
mod checksum;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
mod header;
mod image;
mod image_rows;
mod layers;
mod migrations;
mod notes;
mod people_rows;
mod scenarios;
mod settings;
mod snapshots;
mod truncation;

pub use scenarios::{ScenarioInfo, StoredChanges, BASELINE};
pub use snapshots::{Snapshot, SnapshotRow};

pub use migrations::latest_version as schema_version;

use crate::error::{OrgError, Result};
use crate::model::{Finding, Ladder, Location, Org, Policy, Severity};
use rusqlite::{
    params, Connection, ErrorCode as SqliteCode, OpenFlags, OptionalExtension, Transaction,
    TransactionBehavior,
};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use snapshots::insert_snapshot;

/// `PRAGMA application_id` of every Orgraph workspace ("ORGR").
pub const APPLICATION_ID: i32 = 0x4F52_4752;

/// How long a writer waits for another process's transaction.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Page size of new workspaces (existing ones keep theirs). With 4 KiB
/// pages SQLite's per-page cost is about a sixth of a large save.
const PAGE_SIZE: i64 = 16 << 10;

#[derive(Debug)]
pub struct Workspace {
    conn: Connection,
    path: PathBuf,
}

fn io_error(path: &Path, source: std::io::Error) -> OrgError {
    OrgError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Maps SQLite failures to the errors a user can act on.
fn storage_error(path: &Path, err: rusqlite::Error) -> OrgError {
    match err.sqlite_error_code() {
        Some(SqliteCode::NotADatabase) => OrgError::NotAWorkspace {
            path: path.to_path_buf(),
            reason: "not an SQLite database".into(),
        },
        Some(SqliteCode::DatabaseCorrupt) => OrgError::Corrupt {
            path: path.to_path_buf(),
            reason: err.to_string(),
        },
        Some(SqliteCode::DatabaseBusy) | Some(SqliteCode::DatabaseLocked) => OrgError::Busy {
            path: path.to_path_buf(),
        },
        _ => OrgError::Storage(err),
    }
}

/// Whether two paths name the same file (false when either is missing).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn corrupt(path: &Path, reason: impl Into<String>) -> OrgError {
    OrgError::Corrupt {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

impl Workspace {
    /// Creates a new, empty workspace. Refuses to overwrite an existing file.
    pub fn create(path: &Path) -> Result<Workspace> {
        if path.exists() {
            return Err(OrgError::FileExists {
                path: path.to_path_buf(),
            });
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )
        .map_err(|e| storage_error(path, e))?;
        // Set before the first table: a page size is fixed once the file has
        // content. The baseline image is one large blob, and SQLite's cost
        // per page (allocation, WAL frame, checkpoint copy) made 4 KiB pages
        // a sixth of a million-person save; an edit still writes only a few
        // pages.
        conn.pragma_update(None, "page_size", PAGE_SIZE)
            .map_err(|e| storage_error(path, e))?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(|e| storage_error(path, e))?;
        Workspace::finish_open(conn, path)
    }

    /// Opens an existing workspace, upgrading its schema in place. A file
    /// that is not a workspace, or is corrupt, is left untouched.
    pub fn open(path: &Path) -> Result<Workspace> {
        Workspace::verify(path)?;
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
            .map_err(|e| storage_error(path, e))?;
        Workspace::finish_open(conn, path)
    }

    /// Opens the workspace at `path`, creating it if there is no file.
    /// Returns whether it was created.
    pub fn open_or_create(path: &Path) -> Result<(Workspace, bool)> {
        if path.exists() {
            Ok((Workspace::open(path)?, false))
        } else {
            Ok((Workspace::create(path)?, true))
        }
    }

    /// The baseline org of the workspace at `path`, read without writing
    /// anything, with the mark to check it by later: `None` when there is
    /// no workspace there, it cannot be read, or its schema needs upgrading
    /// first (which writes). So a re-import can read it while it checks
    /// the file, before it may touch the workspace. A damaged workspace is
    /// the one error: found here, it is refused before anything opens it
    /// for writing, which would change its bytes.
    pub fn read_baseline(path: &Path) -> Result<Option<(Org, BaselineMark)>> {
        let unless_damaged = |err: OrgError| match err {
            OrgError::Corrupt { .. } => Err(err),
            _ => Ok(None),
        };
        if let Err(err) = Workspace::verify(path) {
            return unless_damaged(err);
        }
        let Some(workspace) = Workspace::query_only(path) else {
            return Ok(None);
        };
        workspace
            .marked_baseline()
            .map(Some)
            .or_else(unless_damaged)
    }

    /// A connection to the workspace at `path` that refuses every write, if
    /// its schema is current.
    fn query_only(path: &Path) -> Option<Workspace> {
        // Opened for writing but refusing every write (`query_only`): a
        // read-only connection to a WAL database leaves its -wal and -shm
        // files behind, where the last writable one to close removes them.
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).ok()?;
        conn.pragma_update(None, "query_only", true).ok()?;
        if migrations::current_version(&conn).ok()? != migrations::latest_version() {
            return None;
        }
        conn.busy_timeout(BUSY_TIMEOUT).ok()?;
        conn.pragma_update(None, "mmap_size", 1i64 << 30).ok()?;
        Some(Workspace {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The mark of the baseline stored now; see [`BaselineMark`].
    pub fn baseline_mark(&self) -> Result<BaselineMark> {
        baseline_mark(&self.conn).map_err(self.map())
    }

    /// The baseline org and its mark, read in one transaction so that the
    /// two agree.
    pub fn marked_baseline(&self) -> Result<(Org, BaselineMark)> {
        let map = self.map();
        let read = self.conn.unchecked_transaction().map_err(&map)?;
        let mark = baseline_mark(&read).map_err(&map)?;
        let (org, _) = self.load_org()?;
        read.finish().map_err(&map)?;
        Ok((org, mark))
    }

    /// Read-only checks: SQLite header, our application id, a schema
    /// version we know.
    fn verify(path: &Path) -> Result<()> {
        let mut header = [0u8; header::LEN];
        let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
        let read = file
            .take(header.len() as u64)
            .read(&mut header)
            .map_err(|e| io_error(path, e))?;
        if read < SQLITE_HEADER.len() || &header[..SQLITE_HEADER.len()] != SQLITE_HEADER {
            return Err(OrgError::NotAWorkspace {
                path: path.to_path_buf(),
                reason: "not an SQLite database".into(),
            });
        }
        if let Some(reason) = header::refusal(&header, APPLICATION_ID, migrations::latest_version())
        {
            let path = path.to_path_buf();
            return Err(OrgError::NotAWorkspace { path, reason });
        }
        // Checked before SQLite opens the file, which may leave files beside it.
        let len = std::fs::metadata(path)
            .map_err(|e| io_error(path, e))?
            .len();
        if let Some(reason) = truncation::problem(path, &header, len) {
            return Err(corrupt(path, reason));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| storage_error(path, e))?;
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |row| row.get(0))
            .map_err(|e| storage_error(path, e))?;
        if app_id != APPLICATION_ID {
            return Err(OrgError::NotAWorkspace {
                path: path.to_path_buf(),
                reason: "an SQLite database of another application".into(),
            });
        }
        let version = migrations::current_version(&conn).map_err(|e| storage_error(path, e))?;
        if version > migrations::latest_version() {
            return Err(OrgError::NotAWorkspace {
                path: path.to_path_buf(),
                reason: format!(
                    "made by a newer Orgraph (schema {version}, this build knows {})",
                    migrations::latest_version()
                ),
            });
        }
        image_rows::check_before_upgrade(&conn, path, version)
    }

    fn finish_open(mut conn: Connection, path: &Path) -> Result<Workspace> {
        let map = |e| storage_error(path, e);
        conn.busy_timeout(BUSY_TIMEOUT).map_err(map)?;
        // WAL lets the UI read while a write commits; NORMAL sync is
        // durable against process crashes, which is what edits need.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(map)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(map)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(map)?;
        // Read pages through a memory map: loading the baseline image then
        // skips a copy per page.
        conn.pragma_update(None, "mmap_size", 1i64 << 30)
            .map_err(map)?;
        migrations::migrate(&mut conn).map_err(map)?;
        Ok(Workspace {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Copies this workspace, as it stands, to `dest` (replacing a file
    /// there, as a Save As dialog confirmed). `VACUUM INTO` writes one
    /// consistent snapshot into a temporary file beside `dest`, which is
    /// renamed over it only when complete: a failure never leaves a
    /// half-written workspace, and this one is not modified.
    pub fn save_as(&self, dest: &Path) -> Result<()> {
        if same_file(&self.path, dest) {
            return Err(OrgError::InvalidInput(format!(
                "{}: that is the workspace already open; choose another file",
                dest.display()
            )));
        }
        let name = dest.file_name().ok_or_else(|| {
            OrgError::InvalidInput(format!("{}: the path names no file", dest.display()))
        })?;
        let dir = match dest.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            return Err(io_error(
                dest,
                std::io::Error::new(std::io::ErrorKind::NotFound, "the folder does not exist"),
            ));
        }
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let temp = dir.join(format!(
            ".{}.{}-{}.tmp",
            name.to_string_lossy(),
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let target = temp.to_str().ok_or_else(|| {
            OrgError::InvalidInput(format!("{}: the path is not valid UTF-8", dest.display()))
        })?;
        let result = self
            .conn
            .execute("VACUUM INTO ?1", [target])
            .map_err(|e| storage_error(dest, e))
            .and_then(|_| {
                // Flush the copy before it takes the final name.
                std::fs::File::open(&temp)
                    .and_then(|f| f.sync_all())
                    .and_then(|()| std::fs::rename(&temp, dest))
                    .map_err(|e| io_error(dest, e))
            });
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    }

    fn map(&self) -> impl Fn(rusqlite::Error) -> OrgError + '_ {
        move |e| storage_error(&self.path, e)
    }

    /// `PRAGMA integrity_check` plus our invariants (a forest, no dangling
    /// references). Returns the problems found; empty means healthy.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let map = self.map();
        let mut problems: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(&map)?
            .query_map([], |row| row.get::<_, String>(0))
            .map_err(&map)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(&map)?
            .into_iter()
            .filter(|line| line != "ok")
            .collect();
        let dangling = [
            ("manager", "SELECT count(*) FROM people p WHERE manager_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people m WHERE m.id = p.manager_id)"),
            ("team", "SELECT count(*) FROM people p WHERE team_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM teams t WHERE t.id = p.team_id)"),
            ("support", "SELECT count(*) FROM support s WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.id = s.person_id) OR NOT EXISTS (SELECT 1 FROM teams t WHERE t.id = s.team_id)"),
            ("dotted line", "SELECT count(*) FROM dotted_lines d WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.id = d.manager_id) OR NOT EXISTS (SELECT 1 FROM people p WHERE p.id = d.report_id)"),
            ("scenario undo pointer", "SELECT count(*) FROM scenarios s WHERE s.head > (SELECT count(*) FROM changes c WHERE c.scenario_id = s.id)"),
            ("change list gap", "SELECT count(*) FROM scenarios s WHERE (SELECT coalesce(max(position), 0) FROM changes c WHERE c.scenario_id = s.id) != (SELECT count(*) FROM changes c WHERE c.scenario_id = s.id)"),
        ];
        for (what, sql) in dangling {
            let count: i64 = self
                .conn
                .query_row(sql, [], |row| row.get(0))
                .map_err(&map)?;
            if count > 0 {
                problems.push(format!("{count} dangling {what} reference(s)"));
            }
        }
        if let Err(err) = self.load_org() {
            problems.push(err.to_string());
        }
        Ok(problems)
    }

    /// [`Workspace::write`] for a whole baseline (tens of MB at 1M
    /// people), under a rollback journal instead of the WAL when no other
    /// connection has the workspace open. In WAL every page is written
    /// twice, to the WAL and then checkpointed into the file, each synced;
    /// with a rollback journal, pages appended to the file are written once
    /// and only pages overwritten in place are journaled: a first import's
    /// save at 1M takes about 350 ms this way against 600 ms through the
    /// WAL. FULL sync while out of WAL, as NORMAL is only safe against
    /// power loss in WAL.
    fn write_bulk<T>(&mut self, work: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        // Leaving WAL needs sole access: with another connection open,
        // SQLite reports busy at once (no waiting for it to close), and
        // the write goes through the WAL as usual.
        let left_wal = self.conn.busy_timeout(Duration::ZERO).is_ok()
            && self
                .conn
                .pragma_update_and_check(None, "journal_mode", "DELETE", |row| {
                    row.get::<_, String>(0)
                })
                .is_ok_and(|mode| mode.eq_ignore_ascii_case("delete"));
        if let Err(err) = self.conn.busy_timeout(BUSY_TIMEOUT) {
            if left_wal {
                self.restore_wal();
            }
            return Err(storage_error(&self.path, err));
        }
        if left_wal {
            if let Err(err) = self.conn.pragma_update(None, "synchronous", "FULL") {
                self.restore_wal();
                return Err(storage_error(&self.path, err));
            }
        }
        let written = self.write(work);
        if left_wal {
            self.restore_wal();
        }
        written
    }

    /// Back to WAL and NORMAL sync after [`Workspace::write_bulk`]. Should
    /// this fail (another process opening the workspace at that moment),
    /// the workspace is still whole in either mode, this connection keeps
    /// working, and every open sets WAL again.
    fn restore_wal(&mut self) {
        let _ = self.conn.pragma_update(None, "synchronous", "NORMAL");
        let _ = self.conn.pragma_update(None, "journal_mode", "WAL");
    }

    /// Runs `work` in one transaction and commits it, or rolls everything
    /// back on any error. SQLite errors from `work` (converted by `?`) are
    /// refined here into busy/corrupt errors naming the workspace.
    fn write<T>(&mut self, work: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        let refine = |err: OrgError| match err {
            OrgError::Storage(sqlite) => storage_error(&path, sqlite),
            other => other,
        };
        // IMMEDIATE takes the write lock up front, so a second writer waits
        // (busy timeout) instead of failing half-way through its reads.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| storage_error(&path, e))?;
        let value = work(&tx).map_err(refine)?;
        tx.commit().map_err(|e| storage_error(&path, e))?;
        Ok(value)
    }

    /// Replaces the whole org (people, teams, lines, support, settings and
    /// warnings) in one transaction. The org is stored as one binary image
    /// (see `image.rs`); rows a version-1 workspace kept are cleared.
    pub fn save_org(&mut self, org: &Org, warnings: &[Finding]) -> Result<()> {
        let image = EncodedOrg::of(org)?;
        self.write_bulk(|tx| store_org(tx, org, &image.pieces, warnings))
    }

    /// A re-import: replaces the baseline with `org` and then lets `rest`
    /// store what goes with it ([`BaselineRest`]: the scenario keeping the
    /// previous baseline, the snapshot), all in one transaction. `rest` is
    /// called once the image is written, so a caller can work those out
    /// meanwhile. `image` must be `org`'s, made by [`EncodedOrg::of`]; it
    /// is taken apart from `org` so that a caller can encode while it
    /// computes other things.
    ///
    /// `read` is the mark of the baseline the caller compared with. Should
    /// the workspace hold another by now (another process imported, or
    /// changed the settings, since), nothing is written and the answer is
    /// `None`: what the caller worked out from it would be wrong.
    pub fn replace_baseline<T>(
        &mut self,
        read: &BaselineMark,
        org: &Org,
        image: &EncodedOrg,
        warnings: &[Finding],
        rest: impl FnOnce(&BaselineRest<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        self.write_bulk(|tx| {
            if baseline_mark(tx)? != *read {
                return Ok(None);
            }
            store_org(tx, org, &image.pieces, warnings)?;
            rest(&BaselineRest { tx }).map(Some)
        })
    }

    /// Decodes the stored baseline image, if this workspace has one.
    fn load_image(&self) -> Result<Option<Org>> {
        image_rows::read(&self.conn, &self.path)
    }

    /// Loads the org and the kept warnings. A workspace whose rows break the
    /// model's invariants is reported as corrupt, never half-loaded.
    pub fn load_org(&self) -> Result<(Org, Vec<Finding>)> {
        let path = &self.path;
        let mut org = Org::new();
        let (policy, ladder) = self.settings()?;
        if let Some(mut org) = self.load_image()? {
            org.policy = policy;
            org.ladder = ladder;
            org.absent_managers = absent::read(&self.conn, path, &org)?;
            return Ok((org, self.findings()?));
        }
        org.policy = policy;
        org.ladder = ladder;
        people_rows::read(&self.conn, path, &mut org)?;
        org.absent_managers = absent::read(&self.conn, path, &org)?;
        Ok((org, self.findings()?))
    }

    pub fn findings(&self) -> Result<Vec<Finding>> {
        let map = self.map();
        let mut stmt = self
            .conn
            .prepare("SELECT severity, code, message, file, row, col FROM findings ORDER BY rowid")
            .map_err(&map)?;
        let rows = stmt
            .query_map([], |row| {
                let severity: String = row.get(0)?;
                Ok(Finding {
                    severity: if severity == "error" {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                    code: row.get(1)?,
                    message: row.get(2)?,
                    location: Location {
                        file: row.get(3)?,
                        row: row.get::<_, Option<i64>>(4)?.map(|r| r as u64),
                        column: row.get(5)?,
                    },
                })
            })
            .map_err(&map)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&map)
    }
}

fn write_settings(conn: &Connection, policy: &Policy, ladder: &Ladder) -> rusqlite::Result<()> {
    let to_json = |value: serde_json::Result<String>| {
        value.map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
    };
    put_setting(conn, "policy", &to_json(serde_json::to_string(policy))?)?;
    put_setting(conn, "ladder", &to_json(serde_json::to_string(ladder))?)
}

/// Sets one value of the `settings` table, replacing any there.
fn put_setting(conn: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

/// What tells one stored baseline from another: every write of the
/// image numbers its rows after the last image's (`image_rows::write`), and the
/// settings a re-import carries over are stored beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineMark {
    image_rows: (Option<i64>, Option<i64>),
    settings: (Option<String>, Option<String>),
}

fn baseline_mark(conn: &Connection) -> rusqlite::Result<BaselineMark> {
    Ok(BaselineMark {
        image_rows: conn.query_row(
            "SELECT min(chunk), max(chunk) FROM baseline_image",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?,
        settings: read_settings(conn)?,
    })
}

fn read_settings(conn: &Connection) -> rusqlite::Result<(Option<String>, Option<String>)> {
    let get = |key: &str| {
        conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
            row.get::<_, String>(0)
        })
        .optional()
    };
    Ok((get("policy")?, get("ladder")?))
}

/// The transaction of [`Workspace::replace_baseline`], for the rest of
/// what it stores.
#[derive(Debug)]
pub struct BaselineRest<'t> {
    tx: &'t Transaction<'t>,
}

impl BaselineRest<'_> {
    /// Stores the scenario `name` (numbered if taken) with `changes`, which
    /// take the new baseline back to the previous one; returns the name
    /// used.
    pub fn keep_scenario(&self, name: &str, changes: &StoredChanges) -> Result<String> {
        scenarios::insert_scenario_with_changes(self.tx, name, changes)
    }

    pub fn record_snapshot(&self, snapshot: &Snapshot<'_>) -> Result<()> {
        Ok(insert_snapshot(self.tx, snapshot)?)
    }
}

/// An org encoded as a baseline image, ready for
/// [`Workspace::replace_baseline`].
pub struct EncodedOrg {
    pieces: image::Pieces,
}

impl std::fmt::Debug for EncodedOrg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EncodedOrg({} bytes)", self.pieces.len())
    }
}

impl EncodedOrg {
    pub fn of(org: &Org) -> Result<EncodedOrg> {
        let pieces = image::encode(org).map_err(OrgError::InvalidInput)?;
        Ok(EncodedOrg { pieces })
    }
}

/// Writes the whole org (image, warnings, settings) inside `tx`.
fn store_org(
    tx: &Transaction<'_>,
    org: &Org,
    image: &image::Pieces,
    warnings: &[Finding],
) -> Result<()> {
    // The old image goes once the new one is in (`image_rows::write`).
    tx.execute_batch(
        "DELETE FROM people; DELETE FROM teams; DELETE FROM dotted_lines;
         DELETE FROM support; DELETE FROM findings;",
    )?;
    {
        image_rows::write(tx, image)?;
        let mut insert_finding = tx
            .prepare("INSERT INTO findings (severity, code, message, file, row, col) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
        for finding in warnings {
            let severity = match finding.severity {
                Severity::Warning => "warning",
                Severity::Error => "error",
            };
            insert_finding.execute(params![
                severity,
                finding.code,
                finding.message,
                finding.location.file,
                finding.location.row.map(|r| r as i64),
                finding.location.column
            ])?;
        }
    }
    write_settings(tx, &org.policy, &org.ladder)?;
    absent::write(tx, &org.absent_managers)?;
    Ok(())
}

#[cfg(test)]
mod tests;
