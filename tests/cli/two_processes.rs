//! Two windows or processes on one workspace (README "Two windows on one
//! workspace"): reads see the last commit, writes take turns, a writer
//! holding a stale copy is refused with a conflict and writes nothing, and
//! a write kept waiting past the busy timeout is a `busy` error naming the
//! file. Nothing one writer stored is lost to the other.

use super::{fixture, orgraph};
use orgraph::{ErrorCode, PersonId, Session};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A workspace with `small.csv` imported, in a temp dir.
fn small_workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("ws.orgraph");
    let out = orgraph()
        .arg("import")
        .arg(fixture("small.csv"))
        .arg("--into")
        .arg(&ws)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, ws)
}

fn id(text: &str) -> PersonId {
    PersonId::from(text)
}

/// Window B appends after window A did: B is refused, reopens on A's
/// change and appends its own after it; both changes are kept, in order.
#[test]
fn two_windows_appending_to_one_scenario_keep_both_changes() {
    let (_dir, ws) = small_workspace();
    let mut a = Session::open(&ws).expect("window A");
    let mut b = Session::open(&ws).expect("window B");
    a.move_person(&id("s1"), Some(&id("em1")))
        .expect("A writes");
    let refused = b
        .move_person(&id("s2"), Some(&id("em1")))
        .expect_err("B's copy is stale");
    assert_eq!(refused.code(), ErrorCode::Conflict);
    assert_eq!(
        b.org().manager_of(&id("s2")),
        Some(&id("em2")),
        "rolled back"
    );

    let mut b = Session::open(&ws).expect("B reopens");
    assert_eq!(
        b.org().manager_of(&id("s1")),
        Some(&id("em1")),
        "sees A's change"
    );
    b.move_person(&id("s2"), Some(&id("em1")))
        .expect("B writes");

    let reopened = Session::open(&ws).expect("opens");
    assert_eq!(reopened.scenario().head, 2);
    assert_eq!(reopened.org().manager_of(&id("s1")), Some(&id("em1")));
    assert_eq!(reopened.org().manager_of(&id("s2")), Some(&id("em1")));
}

/// Another process holds the write lock longer than the busy timeout:
/// the edit fails with `busy`, naming the workspace, and changes nothing,
/// in memory or on disk; once the lock is free the same window writes.
#[test]
fn a_write_blocked_past_the_busy_timeout_is_a_busy_error_naming_the_file() {
    let (_dir, ws) = small_workspace();
    let mut session = Session::open(&ws).expect("opens");
    let mut other = rusqlite::Connection::open(&ws).expect("other process");
    let lock = other
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .expect("write lock");
    let started = Instant::now();
    let error = session
        .move_person(&id("s1"), Some(&id("em1")))
        .expect_err("the lock outlasts the busy timeout");
    assert!(
        started.elapsed() >= Duration::from_secs(4),
        "it waited first"
    );
    assert_eq!(error.code(), ErrorCode::Busy, "{error}");
    assert!(
        error.to_string().contains(ws.to_str().expect("UTF-8")),
        "{error}"
    );
    assert_eq!(session.org().manager_of(&id("s1")), Some(&id("em2")));
    lock.rollback().expect("released");
    assert_eq!(Session::open(&ws).expect("opens").scenario().head, 0);
    session
        .move_person(&id("s1"), Some(&id("em1")))
        .expect("writes once the lock is free");
    assert_eq!(Session::open(&ws).expect("opens").scenario().head, 1);
}

/// While another process is in the middle of a write, a second window
/// opens at once and reads the last committed workspace whole.
#[test]
fn a_window_opening_during_another_processs_write_reads_the_last_commit() {
    let (_dir, ws) = small_workspace();
    let people = Session::open(&ws).expect("opens").org().len();
    let mut other = rusqlite::Connection::open(&ws).expect("other process");
    let write = other
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .expect("write lock");
    write
        .execute_batch("DELETE FROM baseline_image; DELETE FROM changes;")
        .expect("uncommitted");
    let started = Instant::now();
    let session = Session::open(&ws).expect("opens during the write");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "did not wait for the writer"
    );
    assert_eq!(session.org().len(), people);
    write.rollback().expect("released");
}
