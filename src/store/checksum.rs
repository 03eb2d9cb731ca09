//! The baseline image's checksum: the CRC-32 of each stored row of the
//! image, written beside it (`baseline_image.crc32`) and checked before the
//! row is decoded. The decoder refuses images that break its format, but
//! a flipped byte inside a name or a title decodes fine; the checksum is
//! what tells a damaged file from a valid one. CRC-32 (crc32fast: SIMD,
//! tens of GB/s) catches every burst of damage up to 32 bits and all but
//! one in four billion others, at a few milliseconds for a million people.

use super::image::Pieces;

/// The CRC-32 of each row of `row_bytes` bytes the image is stored in:
/// the pieces laid end to end, cut every `row_bytes` bytes.
pub(super) fn of_rows(image: &Pieces, row_bytes: usize) -> Vec<u32> {
    let mut sums = Vec::new();
    let mut hasher = crc32fast::Hasher::new();
    let mut in_row = 0;
    for mut piece in image.iter() {
        while !piece.is_empty() {
            let (here, rest) = piece.split_at(piece.len().min(row_bytes - in_row));
            hasher.update(here);
            in_row += here.len();
            piece = rest;
            if in_row == row_bytes {
                sums.push(std::mem::take(&mut hasher).finalize());
                in_row = 0;
            }
        }
    }
    if in_row > 0 {
        sums.push(hasher.finalize());
    }
    sums
}

/// Checks a stored row against its checksum; `None` (a row written
/// before workspaces had checksums) is taken as is.
pub(super) fn check(chunk: i64, bytes: &[u8], stored: Option<i64>) -> Result<(), String> {
    let Some(stored) = stored else {
        return Ok(());
    };
    let actual = crc32fast::hash(bytes);
    if i64::from(actual) == stored {
        Ok(())
    } else {
        Err(format!(
            "the baseline image (part {chunk}, {} bytes) does not match its checksum \
             (stored {stored:08x}, read {actual:08x})",
            bytes.len()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ladder, Org, Policy};

    fn image() -> (Pieces, Vec<u8>) {
        let records = crate::generate::generate(300, 4);
        let (org, _) =
            Org::from_records(records, "t", Ladder::default(), Policy::default()).expect("valid");
        let pieces = super::super::image::encode(&org).expect("encodes");
        let whole = pieces.joined();
        (pieces, whole)
    }

    /// Whatever the row size, each row's checksum is the CRC of exactly
    /// that row's bytes, though rows start and end inside pieces.
    #[test]
    fn each_row_is_summed_over_its_own_bytes() {
        let (pieces, whole) = image();
        for row_bytes in [
            1,
            7,
            64,
            1000,
            whole.len() - 1,
            whole.len(),
            whole.len() + 5,
        ] {
            let expected: Vec<u32> = whole.chunks(row_bytes).map(crc32fast::hash).collect();
            assert_eq!(of_rows(&pieces, row_bytes), expected, "rows of {row_bytes}");
        }
    }

    #[test]
    fn a_changed_byte_fails_the_check_and_an_old_row_passes() {
        let (_, mut whole) = image();
        let sum = i64::from(crc32fast::hash(&whole));
        assert!(check(0, &whole, Some(sum)).is_ok());
        let at = whole.len() / 3;
        whole[at] ^= 0x01;
        let error = check(3, &whole, Some(sum)).expect_err("damaged");
        assert!(
            error.contains("part 3") && error.contains("checksum"),
            "{error}"
        );
        assert!(check(0, &whole, None).is_ok());
    }
}
