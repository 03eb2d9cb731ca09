//! The baseline image as rows of the `baseline_image` table: pieces laid
//! end to end in rows of at most [`IMAGE_CHUNK`] bytes, each with its
//! checksum ([`super::checksum`]), and read back checked and decoded.

use super::{checksum, corrupt, image, storage_error};
use crate::error::{OrgError, Result};
use crate::model::Org;
use rusqlite::blob::ZeroBlob;
use rusqlite::{params, Connection, Transaction, MAIN_DB};
use std::path::Path;

/// Size of each stored piece of the baseline image.
/// (SQLite's blob limit is 1 GB; a million people take about 50 MB.)
const IMAGE_CHUNK: usize = 256 << 20;

/// Stores the image's pieces one after another, in rows of at most
/// [`IMAGE_CHUNK`] bytes, in place of the image stored before. Each row is
/// written in place through a blob handle: bound as a value, SQLite would
/// first copy the whole row (tens of MB).
///
/// The new rows go in before the old ones are deleted, numbered after
/// them. Under a rollback journal, a page freed in this transaction and
/// reused in it must first be copied to the journal, whereas a page that
/// was already free, or lies past the end of the file, need not: deleting
/// first would make a re-import copy the whole old image (tens of MB) to the
/// journal. The file keeps room for a second image, which the next
/// re-import writes into.
pub(super) fn write(tx: &Transaction<'_>, image: &image::Pieces) -> Result<()> {
    write_in_rows_of(tx, image, IMAGE_CHUNK)
}

pub(super) fn write_in_rows_of(
    tx: &Transaction<'_>,
    image: &image::Pieces,
    row_bytes: usize,
) -> Result<()> {
    let total = image.len();
    let first: i64 = tx.query_row(
        "SELECT coalesce(max(chunk) + 1, 0) FROM baseline_image",
        [],
        |row| row.get(0),
    )?;
    let mut insert_chunk =
        tx.prepare("INSERT INTO baseline_image (chunk, data, crc32) VALUES (?1, ?2, ?3)")?;
    let sums = checksum::of_rows(image, row_bytes);
    let mut rows = Vec::new();
    for ((index, start), sum) in (0..total).step_by(row_bytes).enumerate().zip(sums) {
        let length = (total - start).min(row_bytes);
        let length = i32::try_from(length).map_err(|_| {
            OrgError::InvalidInput(format!("an image row of {length} bytes is too long"))
        })?;
        rows.push(insert_chunk.insert(params![first + index as i64, ZeroBlob(length), sum])?);
    }
    let mut offset = 0;
    for mut piece in image.iter() {
        while !piece.is_empty() {
            let (row, within) = (offset / row_bytes, offset % row_bytes);
            let (here, rest) = piece.split_at(piece.len().min(row_bytes - within));
            tx.blob_open(MAIN_DB, "baseline_image", "data", rows[row], false)?
                .write_at(here, within)?;
            offset += here.len();
            piece = rest;
        }
    }
    tx.execute("DELETE FROM baseline_image WHERE chunk < ?1", [first])?;
    Ok(())
}

/// Decodes the stored baseline image, if the workspace has one, after
/// checking each row against its checksum. A single row is decoded in
/// place, without copying it out.
pub(super) fn read(conn: &Connection, path: &Path) -> Result<Option<Org>> {
    read_rows(conn, path, true)
}

/// Before a workspace of schema `version` is upgraded, which writes to
/// it: checks its image reads whole, so a damaged file is refused while
/// it is still as it was. Images older than checksums (schema 2) have
/// decoding as their only check; schema 1 kept people as rows.
pub(super) fn check_before_upgrade(conn: &Connection, path: &Path, version: u32) -> Result<()> {
    const FIRST_WITH_IMAGE: u32 = 2;
    const FIRST_WITH_CHECKSUM: u32 = 3;
    if version < FIRST_WITH_IMAGE || version >= super::migrations::latest_version() {
        return Ok(());
    }
    read_rows(conn, path, version >= FIRST_WITH_CHECKSUM).map(drop)
}

fn read_rows(conn: &Connection, path: &Path, with_checksums: bool) -> Result<Option<Org>> {
    let map = |e| storage_error(path, e);
    let sql = if with_checksums {
        "SELECT chunk, data, crc32 FROM baseline_image ORDER BY chunk"
    } else {
        "SELECT chunk, data, NULL FROM baseline_image ORDER BY chunk"
    };
    let mut stmt = conn.prepare(sql).map_err(map)?;
    let mut rows = stmt.query([]).map_err(map)?;
    let mut joined: Option<Vec<u8>> = None;
    let mut chunks = 0;
    while let Some(row) = rows.next().map_err(map)? {
        let chunk = row
            .get_ref(1)
            .map_err(map)?
            .as_blob()
            .map_err(|e| corrupt(path, e.to_string()))?;
        let stored_sum = row
            .get::<_, Option<i64>>(2)
            .map_err(|e| corrupt(path, e.to_string()))?;
        checksum::check(row.get(0).map_err(map)?, chunk, stored_sum)
            .map_err(|reason| corrupt(path, reason))?;
        chunks += 1;
        if chunks == 1 && chunk.len() < IMAGE_CHUNK {
            // The only chunk: nothing follows a short one.
            return image::decode(chunk)
                .map(Some)
                .map_err(|reason| corrupt(path, reason));
        }
        joined.get_or_insert_with(Vec::new).extend_from_slice(chunk);
    }
    joined
        .map(|bytes| image::decode(&bytes).map_err(|reason| corrupt(path, reason)))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::model::{Ladder, Policy};
    use crate::store::Workspace;
    use crate::Session;
    use std::path::PathBuf;

    fn saved_workspace(dir: &Path) -> PathBuf {
        let path = dir.join("w.orgraph");
        let mut ws = Workspace::create(&path).expect("created");
        let records = crate::generate::generate(400, 7);
        let (org, _) =
            Org::from_records(records, "t", Ladder::default(), Policy::default()).expect("valid");
        ws.save_org(&org, &[]).expect("saved");
        path
    }

    /// Flips one byte of the stored image in the middle of the names, where
    /// the image still decodes (to a wrong name).
    fn flip_a_byte_of_the_image(path: &Path) {
        let conn = Connection::open(path).expect("opened");
        let (row, len): (i64, i64) = conn
            .query_row("SELECT rowid, length(data) FROM baseline_image", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .expect("one row");
        let mut blob = conn
            .blob_open(MAIN_DB, "baseline_image", "data", row, false)
            .expect("blob");
        let at = usize::try_from(len / 3).expect("small");
        let mut byte = [0u8; 1];
        blob.read_at_exact(&mut byte, at).expect("read");
        // Within ASCII letters, so the text stays valid UTF-8.
        byte[0] ^= 0x01;
        blob.write_at(&byte, at).expect("written");
    }

    fn assert_damaged(error: &OrgError) {
        assert_eq!(error.code(), ErrorCode::Corrupt, "{error}");
        let message = error.to_string();
        assert!(
            message.contains("the workspace is damaged: ")
                && message.ends_with("; the file was left untouched"),
            "{message}"
        );
    }

    #[test]
    fn a_flipped_byte_in_the_image_is_reported_as_damage_and_the_file_is_untouched() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = saved_workspace(dir.path());
        flip_a_byte_of_the_image(&path);
        let before = std::fs::read(&path).expect("read");
        let error = Session::open(&path).expect_err("refused");
        assert_damaged(&error);
        assert!(error.to_string().contains("checksum"), "{error}");
        assert!(
            std::fs::read(&path).expect("read") == before,
            "file changed"
        );
        assert!(!path.with_extension("orgraph-wal").exists());
    }

    #[test]
    fn a_truncated_workspace_is_reported_as_damaged_and_left_as_it_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = saved_workspace(dir.path());
        let whole = std::fs::read(&path).expect("read");
        for keep in [whole.len() / 2, whole.len() - 1, 16 << 10] {
            std::fs::write(&path, &whole[..keep]).expect("truncated");
            let error = match Session::open(&path) {
                Ok(_) => panic!("a workspace cut to {keep} of {} bytes opened", whole.len()),
                Err(error) => error,
            };
            assert_damaged(&error);
            assert!(std::fs::read(&path).expect("read") == whole[..keep]);
        }
    }

    /// A schema-2 workspace (no checksums) whose image does not decode is
    /// refused before the upgrade would write to it.
    #[test]
    fn a_damaged_workspace_needing_an_upgrade_is_refused_before_it_is_upgraded() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = saved_workspace(dir.path());
        let conn = Connection::open(&path).expect("opened");
        conn.execute_batch(
            "ALTER TABLE baseline_image DROP COLUMN crc32;
             UPDATE baseline_image SET data = substr(data, 1, 100);
             PRAGMA user_version = 2;",
        )
        .expect("made a damaged schema-2 workspace");
        drop(conn);
        let before = std::fs::read(&path).expect("read");
        let error = Session::open(&path).expect_err("refused");
        assert_damaged(&error);
        assert!(
            std::fs::read(&path).expect("read") == before,
            "file changed"
        );
    }

    /// Rows written before workspaces had checksums load as they are and
    /// get their checksum on the next save.
    #[test]
    fn an_image_without_checksums_opens_and_gets_them_on_the_next_save() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = saved_workspace(dir.path());
        let sums = |path: &Path| -> Vec<Option<i64>> {
            let conn = Connection::open(path).expect("opened");
            let mut stmt = conn
                .prepare("SELECT crc32 FROM baseline_image")
                .expect("sql");
            let sums = stmt
                .query_map([], |r| r.get(0))
                .expect("rows")
                .collect::<rusqlite::Result<Vec<_>>>()
                .expect("sums");
            sums
        };
        assert!(sums(&path).iter().all(Option::is_some));
        Connection::open(&path)
            .expect("opened")
            .execute("UPDATE baseline_image SET crc32 = NULL", [])
            .expect("cleared");
        let mut ws = Workspace::open(&path).expect("opens");
        let (org, _) = ws.load_org().expect("loads without checksums");
        ws.save_org(&org, &[]).expect("saved");
        drop(ws);
        assert!(!sums(&path).is_empty() && sums(&path).iter().all(Option::is_some));
    }

    /// Each row carries the checksum of its own bytes, whatever rows the
    /// image's pieces straddle.
    #[test]
    fn each_row_of_a_many_row_image_carries_its_own_checksum() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut ws = Workspace::create(&dir.path().join("w.orgraph")).expect("created");
        let records = crate::generate::generate(300, 3);
        let (org, _) =
            Org::from_records(records, "t", Ladder::default(), Policy::default()).expect("valid");
        let image = image::encode(&org).expect("encodes");
        ws.write(|tx| write_in_rows_of(tx, &image, 1000))
            .expect("written");
        let mut stmt = ws
            .conn
            .prepare("SELECT chunk, data, crc32 FROM baseline_image ORDER BY chunk")
            .expect("sql");
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?, r.get(2)?))
            })
            .expect("rows")
            .collect::<rusqlite::Result<Vec<_>>>()
            .expect("read");
        assert!(rows.len() > 3);
        for (chunk, data, sum) in rows {
            assert_eq!(sum, Some(i64::from(crc32fast::hash(&data))), "row {chunk}");
            let mut damaged = data.clone();
            damaged[data.len() / 2] ^= 0x10;
            assert!(
                checksum::check(chunk, &damaged, sum).is_err(),
                "row {chunk}"
            );
        }
    }
}
