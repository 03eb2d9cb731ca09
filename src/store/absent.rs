//! The baseline's absent managers ([`AbsentManagers`]) in the
//! `absent_managers` table: written with the baseline in its transaction,
//! read back with it. A workspace from before the table, or without such
//! people, has no rows and so no placeholders.

use super::{corrupt, storage_error};
use crate::error::Result;
use crate::model::{AbsentManagers, Org, PersonId};
use rusqlite::{params, Connection, Transaction};
use rustc_hash::FxHashMap;
use std::path::Path;
use std::sync::Arc;

/// Replaces the stored rows with `absent`'s, inside the baseline's
/// transaction.
pub(super) fn write(tx: &Transaction<'_>, absent: &AbsentManagers) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM absent_managers", [])?;
    let mut insert =
        tx.prepare("INSERT INTO absent_managers (person_id, reference) VALUES (?1, ?2)")?;
    for (person, reference) in absent.iter() {
        insert.execute(params![person.as_str(), reference])?;
    }
    Ok(())
}

/// The stored rows of `org`'s baseline. A row naming someone not in the
/// baseline means the file was altered outside Orgraph: it is reported as
/// damaged rather than dropped.
pub(super) fn read(conn: &Connection, path: &Path, org: &Org) -> Result<AbsentManagers> {
    let map = |e| storage_error(path, e);
    let mut stmt = conn
        .prepare("SELECT person_id, reference FROM absent_managers")
        .map_err(map)?;
    let mut rows = stmt.query([]).map_err(map)?;
    let mut absent = AbsentManagers::new();
    let mut shared: FxHashMap<String, Arc<str>> = FxHashMap::default();
    while let Some(row) = rows.next().map_err(map)? {
        let person = PersonId::new(row.get::<_, String>(0).map_err(map)?);
        let reference: String = row.get(1).map_err(map)?;
        if !org.contains(&person) {
            return Err(corrupt(
                path,
                format!("a missing manager is recorded for '{person}', who is not in the baseline"),
            ));
        }
        let reference = shared
            .entry(reference)
            .or_insert_with_key(|text| Arc::from(text.as_str()))
            .clone();
        absent.insert(person, reference);
    }
    Ok(absent)
}

#[cfg(test)]
mod tests {
    use crate::error::ErrorCode;
    use crate::model::{Ladder, Org, PersonRecord, Policy};
    use crate::store::Workspace;

    fn org_of(rows: &[(&str, &str)]) -> Org {
        let records = rows
            .iter()
            .enumerate()
            .map(|(i, (id, manager))| PersonRecord {
                row: i as u64 + 2,
                id: (*id).into(),
                manager_id: (*manager).into(),
                ..PersonRecord::default()
            })
            .collect();
        Org::from_records(records, "t.csv", Ladder::default(), Policy::default())
            .expect("valid")
            .0
    }

    fn references(org: &Org) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = org
            .absent_managers
            .iter()
            .map(|(id, r)| (id.to_string(), r.to_string()))
            .collect();
        pairs.sort();
        pairs
    }

    #[test]
    fn absent_managers_are_stored_with_the_baseline_and_replaced_by_the_next() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("w.orgraph");
        let mut ws = Workspace::create(&path).expect("created");
        let first = org_of(&[
            ("a", "Jo Smith"),
            ("b", "Jo Smith"),
            ("c", "E9"),
            ("d", "a"),
        ]);
        ws.save_org(&first, &[]).expect("saved");
        drop(ws);
        let (loaded, _) = Workspace::open(&path)
            .expect("opens")
            .load_org()
            .expect("loads");
        assert_eq!(
            references(&loaded),
            [
                ("a".to_string(), "Jo Smith".to_string()),
                ("b".into(), "Jo Smith".into()),
                ("c".into(), "E9".into()),
            ]
        );
        let mut ws = Workspace::open(&path).expect("opens");
        let mark = ws.baseline_mark().expect("mark");
        let second = org_of(&[("a", ""), ("b", "Mo")]);
        let image = crate::store::EncodedOrg::of(&second).expect("encoded");
        ws.replace_baseline(&mark, &second, &image, &[], |_| Ok(()))
            .expect("replaced")
            .expect("not raced");
        let (loaded, _) = ws.load_org().expect("loads");
        assert_eq!(references(&loaded), [("b".to_string(), "Mo".to_string())]);
    }

    #[test]
    fn saving_an_org_without_absent_managers_leaves_no_rows() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("w.orgraph");
        let mut ws = Workspace::create(&path).expect("created");
        ws.save_org(&org_of(&[("a", "ghost")]), &[]).expect("saved");
        ws.save_org(&org_of(&[("a", ""), ("b", "a")]), &[])
            .expect("saved again");
        let rows: i64 = ws
            .conn
            .query_row("SELECT count(*) FROM absent_managers", [], |row| row.get(0))
            .expect("counted");
        assert_eq!(rows, 0);
        let (loaded, _) = ws.load_org().expect("loads");
        assert!(loaded.absent_managers.is_empty());
    }

    #[test]
    fn a_row_for_someone_not_in_the_baseline_is_damage() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("w.orgraph");
        let mut ws = Workspace::create(&path).expect("created");
        ws.save_org(&org_of(&[("a", "ghost")]), &[]).expect("saved");
        ws.conn
            .execute(
                "INSERT INTO absent_managers (person_id, reference) VALUES ('zed', 'x')",
                [],
            )
            .expect("inserted");
        let err = ws.load_org().expect_err("refused");
        assert_eq!(err.code(), ErrorCode::Corrupt, "{err}");
        assert!(err.to_string().contains("'zed'"), "{err}");
    }
}
