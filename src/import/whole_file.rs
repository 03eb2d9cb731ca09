//! Reading an import file whole, as fast as the machine allows.
//!
//! Copying a big file out of the page cache into fresh memory is mostly
//! the kernel faulting in and filling pages, so two threads, each reading
//! one half in place, take about half the time of one plain read.

use std::fs::File;
use std::io;
use std::path::Path;

/// Smaller files are read in one go: a second thread would gain nothing.
const SPLIT_FROM: usize = 8 << 20;

/// The file's bytes, as [`std::fs::read`] gives them.
pub(super) fn read_whole(path: &Path) -> io::Result<Vec<u8>> {
    #[cfg(unix)]
    if let Some(bytes) = read_in_halves(path)? {
        return Ok(bytes);
    }
    std::fs::read(path)
}

/// `None` when the file is small, or changed length while being read (it
/// is then read the plain way, to its end as it stands).
#[cfg(unix)]
fn read_in_halves(path: &Path) -> io::Result<Option<Vec<u8>>> {
    use std::os::unix::fs::FileExt;
    let file = File::open(path)?;
    let Ok(len) = usize::try_from(file.metadata()?.len()) else {
        return Ok(None);
    };
    if len < SPLIT_FROM {
        return Ok(None);
    }
    // Zeroed memory fresh from the OS costs nothing until written.
    let mut bytes = vec![0u8; len];
    let (front, back) = bytes.split_at_mut(len / 2);
    let back_at = front.len() as u64;
    let read = std::thread::scope(|scope| {
        let back = scope.spawn(|| file.read_exact_at(back, back_at));
        let front = file.read_exact_at(front, 0);
        let back = back
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        front.and(back)
    });
    match read {
        Ok(()) => {}
        Err(err) if err.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(err) => return Err(err),
    }
    let mut beyond = [0u8; 1];
    if file.read_at(&mut beyond, len as u64)? != 0 {
        return Ok(None);
    }
    Ok(Some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_and_small_files_read_as_a_plain_read_reads_them() {
        let dir = tempfile::tempdir().expect("temp dir");
        // Odd lengths, so the halves differ, around the split threshold.
        for len in [0, 1, 4097, SPLIT_FROM - 1, SPLIT_FROM, SPLIT_FROM + 12_345] {
            let path = dir.path().join(format!("{len}.csv"));
            let bytes: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
            std::fs::write(&path, &bytes).expect("written");
            assert_eq!(read_whole(&path).expect("read"), bytes, "{len} bytes");
        }
        assert_eq!(
            read_whole(&dir.path().join("missing.csv"))
                .expect_err("no file")
                .kind(),
            io::ErrorKind::NotFound
        );
    }
}
