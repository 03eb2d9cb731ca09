use super::*;
use crate::export::json_text;

#[test]
fn new_workspaces_use_large_pages_and_old_page_sizes_still_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page_size = |ws: &Workspace| -> i64 {
        ws.conn
            .pragma_query_value(None, "page_size", |row| row.get(0))
            .expect("page size")
    };
    let path = dir.path().join("new.orgraph");
    let ws = Workspace::create(&path).expect("created");
    assert_eq!(page_size(&ws), PAGE_SIZE);
    drop(ws);
    assert_eq!(
        page_size(&Workspace::open(&path).expect("opens")),
        PAGE_SIZE
    );

    // A workspace made before the page size was set keeps 4 KiB pages.
    let old = dir.path().join("old.orgraph");
    let conn = Connection::open(&old).expect("created");
    conn.pragma_update(None, "page_size", 4096).expect("set");
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .expect("set");
    let mut ws = Workspace::finish_open(conn, &old).expect("migrated");
    ws.save_org(&Org::new(), &[]).expect("saved");
    drop(ws);
    let ws = Workspace::open(&old).expect("opens");
    assert_eq!(page_size(&ws), 4096);
    assert!(ws.integrity_problems().expect("checked").is_empty());
}

/// Pieces of the image are laid end to end across rows, whatever
/// rows they straddle.
#[test]
fn an_image_is_stored_in_order_across_rows_of_any_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::create(&dir.path().join("w.orgraph")).expect("created");
    let records = crate::generate::generate(300, 3);
    let (org, _) =
        Org::from_records(records, "t", Ladder::default(), Policy::default()).expect("valid");
    let image = image::encode(&org).expect("encodes");
    let whole = image.joined();
    for row_bytes in [1, 7, 4096, whole.len() - 1, whole.len(), 1 << 20] {
        let rows = ws
            .write(|tx| {
                tx.execute("DELETE FROM baseline_image", [])?;
                image_rows::write_in_rows_of(tx, &image, row_bytes)?;
                let mut stmt = tx.prepare("SELECT data FROM baseline_image ORDER BY chunk")?;
                let rows = stmt
                    .query_map([], |row| row.get::<_, Vec<u8>>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(rows)
            })
            .expect("written");
        assert_eq!(rows.len(), whole.len().div_ceil(row_bytes), "{row_bytes}");
        assert!(rows.iter().all(|row| row.len() <= row_bytes));
        assert_eq!(rows.concat(), whole, "rows of {row_bytes} bytes");
    }
}

/// Each save writes the new image beside the old one and then drops
/// the old: one image is left, and the file stops growing at room for
/// two.
#[test]
fn saving_again_and_again_keeps_one_image_in_a_file_that_stops_growing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.orgraph");
    let mut ws = Workspace::create(&path).expect("created");
    let orgs = [people(3_000, 1), people(3_000, 2)];
    let mut sizes = Vec::new();
    for round in 0..6 {
        let org = &orgs[round % 2];
        ws.save_org(org, &[]).expect("saved");
        let images: i64 = ws
            .conn
            .query_row("SELECT count(*) FROM baseline_image", [], |row| row.get(0))
            .expect("counted");
        assert_eq!(images, 1, "round {round}");
        assert_eq!(json_text(&ws.load_org().expect("loads").0), json_text(org));
        sizes.push(std::fs::metadata(&path).expect("exists").len());
    }
    assert!(sizes[2..].iter().all(|&size| size == sizes[2]), "{sizes:?}");
}

fn journal_mode(conn: &Connection) -> String {
    conn.pragma_query_value(None, "journal_mode", |row| row.get(0))
        .expect("journal mode")
}

fn people(count: usize, seed: u64) -> Org {
    let records = crate::generate::generate(count, seed);
    Org::from_records(records, "t", Ladder::default(), Policy::default())
        .expect("valid")
        .0
}

fn stored_json(path: &Path) -> String {
    let (org, _) = Workspace::open(path)
        .expect("opens")
        .load_org()
        .expect("loads");
    json_text(&org)
}

#[test]
fn a_bulk_save_leaves_the_workspace_in_wal_whether_or_not_it_could_leave_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("w.orgraph");
    let mut ws = Workspace::create(&path).expect("created");
    let first = people(300, 1);
    let wal_bytes = || std::fs::metadata(dir.path().join("w.orgraph-wal")).map_or(0, |m| m.len());
    ws.save_org(&first, &[]).expect("saved alone");
    assert_eq!(journal_mode(&ws.conn), "wal");
    assert_eq!(wal_bytes(), 0, "the image went to the file, not the WAL");
    assert_eq!(stored_json(&path), json_text(&first));

    // Another connection holds the workspace open: the save stays in
    // WAL, and that connection reads the new baseline.
    let other = Workspace::open(&path).expect("opens beside");
    let second = people(400, 2);
    ws.save_org(&second, &[]).expect("saved beside another");
    assert_eq!(journal_mode(&ws.conn), "wal");
    assert!(wal_bytes() > 0, "with another connection the WAL is used");
    assert_eq!(
        json_text(&other.load_org().expect("loads").0),
        json_text(&second)
    );
    drop(other);

    // A bulk write that fails leaves the baseline as it was, in WAL.
    let failed: Result<()> = ws.write_bulk(|tx| {
        tx.execute_batch("DELETE FROM baseline_image")?;
        Err(OrgError::InvalidInput("stopped half-way".into()))
    });
    assert!(failed.is_err());
    assert_eq!(journal_mode(&ws.conn), "wal");
    assert_eq!(ws.load_org().expect("loads").0.len(), 400);
    drop(ws);
    assert!(Workspace::open(&path)
        .expect("opens")
        .integrity_problems()
        .expect("checked")
        .is_empty());
}
