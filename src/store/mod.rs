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
mod migrations;
mod notes;
mod scenarios;
mod settings;
mod truncation;

pub use scenarios::{ScenarioInfo, StoredChanges, BASELINE};

pub use migrations::latest_version as schema_version;

use crate::error::{OrgError, Result};
use crate::metrics::Metrics;
use crate::model::{
    Finding, Forest, Interner, Ladder, Location, Org, Person, PersonId, Policy, Severity, Team,
    TeamId, NO_PARENT,
};
use crate::money::Money;
use rusqlite::{
    params, Connection, ErrorCode as SqliteCode, OpenFlags, OptionalExtension, Transaction,
    TransactionBehavior,
};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// `PRAGMA application_id` of every Orgraph workspace ("ORGR").
pub const APPLICATION_ID: i32 = 0x4F52_4752;

/// How long a writer waits for another process's transaction.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Page size of new workspaces (existing ones keep theirs).
const PAGE_SIZE: i64 = 16 << 10;

/// One stored metrics snapshot (summary columns).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SnapshotRow {
    pub id: i64,
    pub scenario: String,
    /// The date the figures describe.
    pub as_of: Option<chrono::NaiveDate>,
    pub taken_at: String,
    pub reason: String,
    pub view: String,
    pub people: u64,
    pub managers: u64,
    pub layers: u32,
    pub span_median: f64,
    pub band_narrow: u64,
    pub band_wide: u64,
    pub manager_ic_ratio: Option<f64>,
    pub coverage_ratio: Option<f64>,
    pub cost: Money,
}

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
    /// and only pages overwritten in place are journaled. That takes a
    /// first import's save from about 600 to 350 ms at 1M. FULL sync while
    /// out of WAL, as NORMAL is only safe against power loss in WAL.
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
        let map = self.map();
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

        let mut teams = self
            .conn
            .prepare("SELECT id, name, kind, lead_id, department FROM teams ORDER BY rowid")
            .map_err(&map)?;
        let mut rows = teams.query([]).map_err(&map)?;
        while let Some(row) = rows.next().map_err(&map)? {
            let kind: String = row.get(2).map_err(&map)?;
            let team = Team {
                id: TeamId(row.get(0).map_err(&map)?),
                name: row.get(1).map_err(&map)?,
                kind: kind.parse().map_err(|e: String| corrupt(path, e))?,
                lead: row
                    .get::<_, Option<String>>(3)
                    .map_err(&map)?
                    .map(PersonId::new),
                department: row.get(4).map_err(&map)?,
            };
            org.add_team(team)
                .map_err(|e| corrupt(path, e.to_string()))?;
        }

        let mut people = self
            .conn
            .prepare(
                "SELECT id, manager_id, name, title, level, location, cost_cents, status, team_id,
                        start_date, end_date
                 FROM people ORDER BY rowid",
            )
            .map_err(&map)?;
        let mut rows = people.query([]).map_err(&map)?;
        let mut managers: Vec<Option<String>> = Vec::new();
        let mut strings = Interner::new();
        while let Some(row) = rows.next().map_err(&map)? {
            let mut shared = |column: usize| -> Result<std::sync::Arc<str>> {
                let text = row.get_ref(column).map_err(&map)?;
                let text = text.as_str().map_err(|e| corrupt(path, e.to_string()))?;
                Ok(strings.intern(text))
            };
            let (title, level, location) = (shared(3)?, shared(4)?, shared(5)?);
            let team = match row.get_ref(8).map_err(&map)?.as_str_or_null() {
                Ok(None) => None,
                Ok(Some(team)) => Some(
                    org.team(&TeamId::from(team))
                        .map(|t| t.id.clone())
                        .ok_or_else(|| {
                            corrupt(path, format!("a person is in unknown team '{team}'"))
                        })?,
                ),
                Err(e) => return Err(corrupt(path, e.to_string())),
            };
            let status: String = row.get(7).map_err(&map)?;
            let person = Person {
                id: PersonId::new(row.get::<_, String>(0).map_err(&map)?),
                name: row.get::<_, String>(2).map_err(&map)?.into(),
                title,
                level,
                location,
                cost: row
                    .get::<_, Option<i64>>(6)
                    .map_err(&map)?
                    .map(Money::from_cents),
                status: status.parse().map_err(|e: String| corrupt(path, e))?,
                team,
                start_date: row.get(9).map_err(&map)?,
                end_date: row.get(10).map_err(&map)?,
            };
            managers.push(row.get(1).map_err(&map)?);
            org.add_person(person)
                .map_err(|e| corrupt(path, e.to_string()))?;
        }
        let position: HashMap<&str, u32> = org
            .people()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i as u32))
            .collect();
        let mut parent = vec![NO_PARENT; managers.len()];
        for (i, manager) in managers.iter().enumerate() {
            if let Some(manager) = manager {
                parent[i] = *position
                    .get(manager.as_str())
                    .ok_or_else(|| corrupt(path, format!("unknown manager '{manager}'")))?;
            }
        }
        drop(position);
        let forest = Forest::from_parents(parent)
            .map_err(|_| corrupt(path, "the reporting lines contain a cycle"))?;
        org.attach_forest(&forest);

        let pairs = |sql: &str| -> Result<Vec<(String, String)>> {
            let mut stmt = self.conn.prepare(sql).map_err(&map)?;
            let rows = stmt
                .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
                .map_err(&map)?;
            rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&map)
        };
        for (manager, report) in pairs("SELECT manager_id, report_id FROM dotted_lines")? {
            org.add_dotted_line(&PersonId::new(manager), &PersonId::new(report))
                .map_err(|e| corrupt(path, e.to_string()))?;
        }
        for (person, team) in pairs("SELECT person_id, team_id FROM support")? {
            org.add_support(&PersonId::new(person), &TeamId::from(team.as_str()))
                .map_err(|e| corrupt(path, e.to_string()))?;
        }
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

    /// Stores a metrics snapshot of a scenario on its own (e.g. after an
    /// import).
    pub fn record_snapshot(&mut self, snapshot: &Snapshot<'_>) -> Result<()> {
        self.write(|tx| Ok(insert_snapshot(tx, snapshot)?))
    }

    /// Stored snapshots, oldest first: every scenario's, or one's (by name).
    pub fn snapshots(&self, scenario: Option<&str>) -> Result<Vec<SnapshotRow>> {
        let map = self.map();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT m.id, coalesce(s.name, '(deleted scenario)'), m.as_of, m.taken_at,
                        m.reason, m.view, m.people, m.managers, m.layers, m.span_median,
                        m.band_narrow, m.band_wide, m.manager_ic_ratio, m.coverage_ratio,
                        m.cost_cents
                 FROM metrics_snapshots m LEFT JOIN scenarios s ON s.id = m.scenario_id
                 WHERE ?1 IS NULL OR s.name = ?1
                 ORDER BY m.id",
            )
            .map_err(&map)?;
        let rows = stmt
            .query_map([scenario], |row| {
                Ok(SnapshotRow {
                    id: row.get(0)?,
                    scenario: row.get(1)?,
                    as_of: row.get(2)?,
                    taken_at: row.get(3)?,
                    reason: row.get(4)?,
                    view: row.get(5)?,
                    people: row.get::<_, i64>(6)? as u64,
                    managers: row.get::<_, i64>(7)? as u64,
                    layers: row.get(8)?,
                    span_median: row.get(9)?,
                    band_narrow: row.get::<_, i64>(10)? as u64,
                    band_wide: row.get::<_, i64>(11)? as u64,
                    manager_ic_ratio: row.get(12)?,
                    coverage_ratio: row.get(13)?,
                    cost: Money::from_cents(row.get(14)?),
                })
            })
            .map_err(&map)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(&map)
    }

    /// The stored JSON of one snapshot.
    pub fn snapshot_json(&self, id: i64) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT json FROM metrics_snapshots WHERE id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()
            .map_err(self.map())
    }
}

fn write_settings(conn: &Connection, policy: &Policy, ladder: &Ladder) -> rusqlite::Result<()> {
    let to_json = |value: serde_json::Result<String>| {
        value.map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
    };
    let mut stmt = conn.prepare(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?;
    stmt.execute(params!["policy", to_json(serde_json::to_string(policy))?])?;
    stmt.execute(params!["ladder", to_json(serde_json::to_string(ladder))?])?;
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

/// Snapshots keep every aggregate figure but not the per-person lists
/// (`span_by_manager`, `coverage.load`, `teams`), which would make each
/// snapshot O(n) in size at a million people.
/// The JSON stored with a snapshot: every aggregate, borrowed from the
/// metrics so that nothing per-person is ever serialised.
#[derive(serde::Serialize)]
struct SnapshotJson<'a> {
    view: crate::metrics::View,
    people: u64,
    managers: u64,
    ics: u64,
    roots: u64,
    layers: u32,
    span: &'a crate::metrics::SpanStats,
    band: &'a crate::metrics::BandStats,
    manager_ic_ratio: Option<f64>,
    cost: Money,
    span_histogram: &'a [crate::metrics::SpanBucket],
    people_per_layer: &'a [u64],
    coverage: CoverageJson,
    team_size: &'a crate::metrics::TeamSizeStats,
}

#[derive(serde::Serialize)]
struct CoverageJson {
    teams: u64,
    covered: u64,
    uncovered: u64,
    coverage_ratio: Option<f64>,
    staff_plus: u64,
    embedded: u64,
    central: u64,
    unplaced: u64,
    ic_engineers: u64,
    staff_plus_to_ic_engineer_ratio: Option<f64>,
    max_load: u32,
    overloaded: u64,
}

impl<'a> SnapshotJson<'a> {
    fn of(m: &'a Metrics) -> Self {
        let c = &m.coverage;
        SnapshotJson {
            view: m.view,
            people: m.people,
            managers: m.managers,
            ics: m.ics,
            roots: m.roots,
            layers: m.layers,
            span: &m.span,
            band: &m.band,
            manager_ic_ratio: m.manager_ic_ratio,
            cost: m.cost,
            span_histogram: &m.span_histogram,
            people_per_layer: &m.people_per_layer,
            coverage: CoverageJson {
                teams: c.teams,
                covered: c.covered,
                uncovered: c.uncovered,
                coverage_ratio: c.coverage_ratio,
                staff_plus: c.staff_plus,
                embedded: c.embedded,
                central: c.central,
                unplaced: c.unplaced,
                ic_engineers: c.ic_engineers,
                staff_plus_to_ic_engineer_ratio: c.staff_plus_to_ic_engineer_ratio,
                max_load: c.max_load,
                overloaded: c.overloaded,
            },
            team_size: &m.team_size,
        }
    }
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

/// A metrics snapshot to store: which scenario, the date it describes and
/// why it was taken.
#[derive(Debug, Clone, Copy)]
pub struct Snapshot<'a> {
    pub scenario_id: i64,
    pub as_of: chrono::NaiveDate,
    pub reason: &'a str,
    pub metrics: &'a Metrics,
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

pub(crate) fn insert_snapshot(conn: &Connection, snapshot: &Snapshot<'_>) -> rusqlite::Result<()> {
    let m = snapshot.metrics;
    let aggregate = serde_json::to_string(&SnapshotJson::of(m))
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    conn.execute(
        "INSERT INTO metrics_snapshots (reason, view, people, managers, ics, roots, layers,
            span_min, span_median, span_mean, span_max, band_min, band_max, band_narrow,
            band_in_band, band_wide, single_report, manager_ic_ratio, coverage_ratio,
            cost_cents, json, scenario_id, as_of)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20, ?21, ?22, ?23)",
        params![
            snapshot.reason,
            m.view.as_str(),
            m.people as i64,
            m.managers as i64,
            m.ics as i64,
            m.roots as i64,
            m.layers,
            m.span.min,
            m.span.median,
            m.span.mean,
            m.span.max,
            m.band.min,
            m.band.max,
            m.band.narrow as i64,
            m.band.in_band as i64,
            m.band.wide as i64,
            m.band.single_report as i64,
            m.manager_ic_ratio,
            m.coverage.coverage_ratio,
            m.cost.cents(),
            aggregate,
            snapshot.scenario_id,
            snapshot.as_of,
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests;
