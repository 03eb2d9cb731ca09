//! Telling a truncated workspace file from a whole one, before SQLite
//! reads it. SQLite reads a page missing from the end of the file as
//! zeros, so a file cut short inside free pages (the room a save keeps
//! for the next image) would open and lose them silently, and one cut
//! inside the data reads as a generic error somewhere later.

use std::path::Path;

/// The SQLite header's fields this check reads (big-endian, offsets from
/// the file format's documentation).
const PAGE_SIZE_AT: usize = 16;
const CHANGE_COUNTER_AT: usize = 24;
const PAGE_COUNT_AT: usize = 28;
const VERSION_VALID_FOR_AT: usize = 92;
pub(super) const HEADER_LEN: usize = 100;

fn be_u32(header: &[u8; HEADER_LEN], at: usize) -> u32 {
    u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
}

/// Why the file at `path` is shorter than its header says, if it is.
///
/// The header's page count is only trusted when SQLite would trust it (the
/// change counter matches "version valid for"), and only when there is no
/// write-ahead log beside the file: pages still in the log legitimately
/// lie past the end of the file until they are checkpointed.
pub(super) fn problem(path: &Path, header: &[u8; HEADER_LEN], file_len: u64) -> Option<String> {
    let wal = {
        let mut name = path.as_os_str().to_owned();
        name.push("-wal");
        std::path::PathBuf::from(name)
    };
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return None;
    }
    if be_u32(header, CHANGE_COUNTER_AT) != be_u32(header, VERSION_VALID_FOR_AT) {
        return None;
    }
    let page_size = match u16::from_be_bytes([header[PAGE_SIZE_AT], header[PAGE_SIZE_AT + 1]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    let expected = u64::from(be_u32(header, PAGE_COUNT_AT)) * page_size;
    (file_len < expected).then(|| {
        format!("the file is cut short ({file_len} of the {expected} bytes its header records)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(page_size: u16, pages: u32, counter: u32, valid_for: u32) -> [u8; HEADER_LEN] {
        let mut header = [0u8; HEADER_LEN];
        header[..16].copy_from_slice(b"SQLite format 3\0");
        header[PAGE_SIZE_AT..PAGE_SIZE_AT + 2].copy_from_slice(&page_size.to_be_bytes());
        header[CHANGE_COUNTER_AT..CHANGE_COUNTER_AT + 4].copy_from_slice(&counter.to_be_bytes());
        header[PAGE_COUNT_AT..PAGE_COUNT_AT + 4].copy_from_slice(&pages.to_be_bytes());
        header[VERSION_VALID_FOR_AT..VERSION_VALID_FOR_AT + 4]
            .copy_from_slice(&valid_for.to_be_bytes());
        header
    }

    #[test]
    fn a_file_shorter_than_its_pages_is_cut_short_and_a_whole_one_is_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("w.orgraph");
        let pages = header(4096, 10, 7, 7);
        assert_eq!(problem(&path, &pages, 40_960), None);
        assert_eq!(problem(&path, &pages, 50_000), None);
        let cut = problem(&path, &pages, 40_959).expect("cut short");
        assert!(cut.contains("40959 of the 40960 bytes"), "{cut}");
        // A page size of 1 means 65536.
        assert!(problem(&path, &header(1, 2, 1, 1), 131_071).is_some());
        assert!(problem(&path, &header(1, 2, 1, 1), 131_072).is_none());
    }

    #[test]
    fn an_untrusted_page_count_or_a_log_beside_the_file_is_not_judged() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("w.orgraph");
        assert_eq!(problem(&path, &header(4096, 10, 8, 7), 4096), None);
        std::fs::write(dir.path().join("w.orgraph-wal"), b"frames").expect("written");
        assert_eq!(problem(&path, &header(4096, 10, 7, 7), 4096), None);
    }
}
