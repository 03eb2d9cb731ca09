//! Embedded, numbered schema migrations. `PRAGMA user_version` records how
//! many have been applied.

use rusqlite::Connection;

/// Every migration in order; the schema version is the count applied.
pub const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("migrations/0001_init.sql")),
    (
        "0002_scenarios",
        include_str!("migrations/0002_scenarios.sql"),
    ),
    (
        "0003_image_checksum",
        include_str!("migrations/0003_image_checksum.sql"),
    ),
    (
        "0004_scenario_conflicts",
        include_str!("migrations/0004_scenario_conflicts.sql"),
    ),
    (
        "0005_absent_managers",
        include_str!("migrations/0005_absent_managers.sql"),
    ),
];

pub fn latest_version() -> u32 {
    MIGRATIONS.len() as u32
}

pub fn current_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Applies pending migrations, each in its own transaction together with
/// the version bump, so a crash leaves a consistent schema.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let from = current_version(conn)? as usize;
    for (index, (_, sql)) in MIGRATIONS.iter().enumerate().skip(from) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (index + 1) as u32)?;
        tx.commit()?;
    }
    Ok(())
}
