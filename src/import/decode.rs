//! Turning a CSV file's bytes into UTF-8 text: the encoding (UTF-8 with or
//! without a byte-order mark, UTF-16 or UTF-32 either way round, or Latin-1
//! / Windows-1252 as spreadsheet programs on Windows still write) and the
//! delimiter are detected, not asked for. What detection could not be sure
//! of is reported: reading a file as Windows-1252 is a warning, characters
//! the encoding does not allow are errors at their line, and a NUL byte
//! (a binary file, or an encoding not read here) refuses the file.

mod mixed;
mod wide;

use crate::error::OrgError;
use crate::model::{Finding, Location};
use std::borrow::Cow;

/// The text encodings an import recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
    /// Windows-1252, the superset of ISO-8859-1 that Excel writes.
    Latin1,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Utf32Le => "UTF-32LE",
            Encoding::Utf32Be => "UTF-32BE",
            Encoding::Latin1 => "Latin-1 (Windows-1252)",
        }
    }
}

/// A CSV file's text as UTF-8, with what decoding it found.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, [u8]>,
    pub encoding: Encoding,
    /// The delimiter of the header line.
    pub delimiter: u8,
    /// A warning that the encoding was guessed, an error for each
    /// character the encoding does not allow, and one for each of the
    /// first rows split by another delimiter than the header.
    pub findings: Vec<Finding>,
}

impl<'a> Decoded<'a> {
    /// The decoded text with its delimiter, sniffed from the header, and
    /// what sniffing found added to `findings`.
    fn new(
        text: Cow<'a, [u8]>,
        encoding: Encoding,
        mut findings: Vec<Finding>,
        file: &str,
    ) -> Self {
        let delimiter = sniff_delimiter(&text);
        findings.extend(mixed::rows_split_otherwise(&text, delimiter, file));
        Decoded {
            text,
            encoding,
            delimiter,
            findings,
        }
    }

    /// Adds what decoding found to what loading the text found: first, as
    /// it explains the rest. Any decoding error refuses the import.
    pub fn report<T>(
        self,
        loaded: Result<(T, Vec<Finding>), OrgError>,
    ) -> Result<(T, Vec<Finding>), OrgError> {
        let mut findings = self.findings;
        let refused = findings.iter().any(Finding::is_error);
        match loaded {
            Ok((_, later)) | Err(OrgError::Validation(later)) if refused => {
                findings.extend(later);
                Err(OrgError::Validation(findings))
            }
            Err(_) if refused => Err(OrgError::Validation(findings)),
            Ok((loaded, later)) => {
                findings.extend(later);
                Ok((loaded, findings))
            }
            Err(OrgError::Validation(later)) => {
                findings.extend(later);
                Err(OrgError::Validation(findings))
            }
            Err(other) => Err(other),
        }
    }
}

/// Decodes `bytes`, the contents of `file`, to UTF-8, dropping any
/// byte-order mark, and finds its delimiter. UTF-8 input is borrowed, not
/// copied. A NUL character refuses the file.
pub fn decode<'a>(bytes: &'a [u8], file: &str) -> Result<Decoded<'a>, OrgError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        // The mark says UTF-8: invalid bytes are the row readers' errors,
        // at their row and column.
        refuse_nul(rest, file)?;
        return Ok(Decoded::new(
            Cow::Borrowed(rest),
            Encoding::Utf8,
            vec![],
            file,
        ));
    }
    if let Some((encoding, mark)) = wide_kind(bytes) {
        let (text, findings) = wide::decode(&bytes[mark..], encoding, file);
        refuse_nul(text.as_bytes(), file)?;
        let text = Cow::Owned(text.into_bytes());
        return Ok(Decoded::new(text, encoding, findings, file));
    }
    refuse_nul(bytes, file)?;
    if std::str::from_utf8(bytes).is_ok() || looks_like_utf8(bytes) {
        // Invalid bytes in text that is otherwise UTF-8 are the row
        // readers' `not-utf8` errors, at their row and column.
        return Ok(Decoded::new(
            Cow::Borrowed(bytes),
            Encoding::Utf8,
            vec![],
            file,
        ));
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    let warning = Finding::warning(
        "read-as-windows-1252",
        "the file is not UTF-8 (this line has its first byte UTF-8 does not allow), so it was \
         read as Windows-1252 (Latin-1); if accented letters look wrong, save the file as \
         CSV UTF-8 and import it again",
        Location {
            file: file.to_string(),
            row: Some(line_of(bytes, first_invalid_utf8(bytes))),
            column: None,
        },
    );
    let text = Cow::Owned(text.into_owned().into_bytes());
    Ok(Decoded::new(text, Encoding::Latin1, vec![warning], file))
}

/// For review before an import: text read as UTF-8 that holds bytes
/// UTF-8 does not allow (kept as UTF-8 because the rest is). Importing
/// refuses each such value at its row; this says so up front, once.
pub fn stray_bytes_note(text: &[u8], encoding: Encoding, file: &str) -> Option<Finding> {
    if encoding != Encoding::Utf8 || std::str::from_utf8(text).is_ok() {
        return None;
    }
    let invalid = text
        .utf8_chunks()
        .filter(|chunk| !chunk.invalid().is_empty())
        .count();
    Some(Finding::warning(
        "stray-non-utf8",
        format!(
            "the file is read as UTF-8, as most of its text is, but {invalid} place(s) hold bytes \
             UTF-8 does not allow (the first on this line); the rows holding them will be \
             refused: save the file as CSV UTF-8 and import it again"
        ),
        Location {
            file: file.to_string(),
            row: Some(line_of(text, first_invalid_utf8(text))),
            column: None,
        },
    ))
}

/// Text that is not valid UTF-8 as a whole is still read as UTF-8 when it
/// has at least as many valid multi-byte characters as invalid sequences:
/// a UTF-8 export with a stray byte should keep its accents, and its bad
/// bytes be errors where they are. Windows-1252 text almost never has a
/// valid multi-byte sequence (an accented capital followed by a symbol or
/// curly quote).
fn looks_like_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        // Each multi-byte character has exactly one lead byte, 0xC2..=0xF4.
        multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    multibyte > 0 && multibyte >= invalid
}

fn first_invalid_utf8(bytes: &[u8]) -> usize {
    std::str::from_utf8(bytes).map_or_else(|err| err.valid_up_to(), |_| bytes.len())
}

/// The 1-based line holding byte `offset` of `text`.
fn line_of(text: &[u8], offset: usize) -> u64 {
    memchr::memchr_iter(b'\n', &text[..offset.min(text.len())]).count() as u64 + 1
}

/// No text file holds a NUL character: one means a binary file (renamed
/// .csv, or a spreadsheet format not recognised) or an encoding not read
/// here, and importing it would store garbage.
fn refuse_nul(text: &[u8], file: &str) -> Result<(), OrgError> {
    let Some(first) = memchr::memchr(0, text) else {
        return Ok(());
    };
    let count = memchr::memchr_iter(0, text).count();
    Err(OrgError::Validation(vec![Finding::error(
        "nul-byte",
        format!(
            "this line holds a NUL character ({count} in the file), which text never has: \
             is this a binary file renamed .csv, or text in an encoding Orgraph does not \
             read? Save it as CSV (UTF-8) and import it again"
        ),
        Location {
            file: file.to_string(),
            row: Some(line_of(text, first)),
            column: None,
        },
    )]))
}

/// UTF-32 or UTF-16 and the length of the byte-order mark, by the mark or,
/// without one, by the zero bytes that every ASCII character leaves beside
/// it. UTF-32 is checked first: its little-endian mark starts with
/// UTF-16's.
fn wide_kind(bytes: &[u8]) -> Option<(Encoding, usize)> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] => return Some((Encoding::Utf32Le, 4)),
        [0, 0, 0xFE, 0xFF, ..] => return Some((Encoding::Utf32Be, 4)),
        [0xFF, 0xFE, ..] => return Some((Encoding::Utf16Le, 2)),
        [0xFE, 0xFF, ..] => return Some((Encoding::Utf16Be, 2)),
        _ => {}
    }
    let sample = &bytes[..bytes.len().min(4096) & !3];
    if sample.len() < 8 {
        return utf16_kind(&bytes[..bytes.len() & !1]).map(|encoding| (encoding, 0));
    }
    let units = sample.len() / 4;
    let high_zeros_at = |range: std::ops::Range<usize>| {
        sample
            .chunks_exact(4)
            .filter(|unit| unit[range.clone()].iter().all(|&b| b == 0))
            .count()
    };
    // Almost every character of a UTF-32 text is below U+10000, so two of
    // its four bytes are zero, on the same side.
    if high_zeros_at(2..4) * 10 >= units * 9 && sample.chunks_exact(4).all(|u| u[0] != 0) {
        return Some((Encoding::Utf32Le, 0));
    }
    if high_zeros_at(0..2) * 10 >= units * 9 && sample.chunks_exact(4).all(|u| u[3] != 0) {
        return Some((Encoding::Utf32Be, 0));
    }
    utf16_kind(sample).map(|encoding| (encoding, 0))
}

/// UTF-16 without a byte-order mark, by its zero bytes in `sample`.
fn utf16_kind(sample: &[u8]) -> Option<Encoding> {
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_at = |offset: usize| {
        sample
            .chunks_exact(2)
            .filter(|pair| pair[offset] == 0)
            .count()
    };
    // Mostly-ASCII text: nearly every pair has its zero on the same side.
    if zero_at(1) * 10 >= pairs * 9 && zero_at(0) == 0 {
        Some(Encoding::Utf16Le)
    } else if zero_at(0) * 10 >= pairs * 9 && zero_at(1) == 0 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// The delimiter of the header line: whichever of comma, semicolon, tab and
/// pipe occurs most outside quotes (comma when none does).
fn sniff_delimiter(text: &[u8]) -> u8 {
    let mut counts = [0usize; 4];
    let candidates = [b',', b';', b'\t', b'|'];
    let mut quoted = false;
    for &byte in text {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = candidates.iter().position(|&c| c == byte) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let best = (0..4)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        candidates[best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text, encoding and findings (code and row) of decoding `bytes`.
    fn decoded(bytes: &[u8]) -> (String, Encoding, Vec<(String, Option<u64>)>) {
        let decoded = decode(bytes, "f").expect("decodes");
        let findings = decoded
            .findings
            .iter()
            .map(|f| (f.code.clone(), f.location.row))
            .collect();
        let text = String::from_utf8(decoded.text.into_owned()).expect("UTF-8 out");
        (text, decoded.encoding, findings)
    }

    fn refusal(bytes: &[u8]) -> Vec<(String, Option<u64>)> {
        match decode(bytes, "f") {
            Err(OrgError::Validation(findings)) => findings
                .iter()
                .map(|f| (f.code.clone(), f.location.row))
                .collect(),
            other => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let text = "id,name\n1,Zoë\n";
        let with_bom = [b"\xEF\xBB\xBF", text.as_bytes()].concat();
        assert_eq!(decoded(&with_bom), (text.into(), Encoding::Utf8, vec![]));
        let plain = decode(b"id\n1\n", "f").expect("decodes");
        assert!(matches!(plain.text, Cow::Borrowed(_)));
    }

    #[test]
    fn utf16_both_ways_with_and_without_bom() {
        let text = "id,name\n1,Zoë\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, encoding) in [
            ([&[0xFF, 0xFE][..], &le].concat(), Encoding::Utf16Le),
            ([&[0xFE, 0xFF][..], &be].concat(), Encoding::Utf16Be),
            (le.clone(), Encoding::Utf16Le),
            (be.clone(), Encoding::Utf16Be),
        ] {
            assert_eq!(decoded(&bytes), (text.into(), encoding, vec![]));
        }
    }

    #[test]
    fn utf32_both_ways_with_and_without_bom() {
        let text = "id,name\n1,Zoë\n";
        let le: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        let be: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_be_bytes())
            .collect();
        for (bytes, encoding) in [
            ([&[0xFF, 0xFE, 0, 0][..], &le].concat(), Encoding::Utf32Le),
            ([&[0, 0, 0xFE, 0xFF][..], &be].concat(), Encoding::Utf32Be),
            (le.clone(), Encoding::Utf32Le),
            (be.clone(), Encoding::Utf32Be),
        ] {
            assert_eq!(decoded(&bytes), (text.into(), encoding, vec![]));
        }
    }

    #[test]
    fn latin1_when_not_utf8_with_a_warning_at_the_first_non_utf8_line() {
        let warning = vec![("read-as-windows-1252".to_string(), Some(2))];
        assert_eq!(
            decoded(b"id,name\n1,Zo\xEB M\xFCller\n"),
            ("id,name\n1,Zoë Müller\n".into(), Encoding::Latin1, warning)
        );
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8_for_the_row_readers_to_report() {
        let bytes = b"id,name\n1,Jos\xC3\xA9\n2,Ren\xE9e\n";
        let decoded = decode(bytes, "f").expect("decodes");
        assert_eq!(decoded.encoding, Encoding::Utf8);
        assert_eq!(&*decoded.text, bytes);
        assert!(decoded.findings.is_empty());
    }

    #[test]
    fn more_invalid_bytes_than_utf8_characters_read_as_latin1() {
        // One accidental pair ("Ã" then "©" in Windows-1252), two accents.
        let (text, encoding, _) = decoded(b"id,name\na,\xC3\xA9 Zo\xEB M\xFCller\n");
        assert_eq!(encoding, Encoding::Latin1);
        assert_eq!(text, "id,name\na,Ã© Zoë Müller\n");
    }

    #[test]
    fn a_nul_byte_refuses_the_file_at_its_line() {
        let nul = vec![("nul-byte".to_string(), Some(3))];
        assert_eq!(refusal(b"id,name\na,A\nb,\0B\n"), nul);
        assert_eq!(refusal(b"\xEF\xBB\xBFid,name\na,A\nb,\0B\n"), nul);
        assert_eq!(refusal(b"id,name\na,\xE9\nb,\0\n"), nul);
        // A U+0000 character in UTF-16 text is refused the same way.
        let utf16: Vec<u8> = "id,name\na,A\nb,\0B\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(refusal(&[&[0xFF, 0xFE][..], &utf16].concat()), nul);
        // A binary file: a PNG's signature and header.
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
        assert_eq!(refusal(png), vec![("nul-byte".to_string(), Some(3))]);
    }

    #[test]
    fn decoding_findings_come_first_and_any_error_refuses() {
        let warning = Finding::warning("w", "", Location::default());
        let error = Finding::error("e", "", Location::default());
        let later = Finding::warning("later", "", Location::default());
        let with = |findings: Vec<Finding>| Decoded {
            text: Cow::Borrowed(b""),
            encoding: Encoding::Utf8,
            delimiter: b',',
            findings,
        };
        let codes = |findings: &[Finding]| findings.iter().map(|f| f.code.clone()).collect();
        let ok = || Ok(((), vec![later.clone()]));
        let found: Vec<String> = match with(vec![warning.clone()]).report(ok()) {
            Ok(((), findings)) => codes(&findings),
            Err(err) => panic!("refused: {err}"),
        };
        assert_eq!(found, ["w", "later"]);
        match with(vec![error.clone()]).report(ok()) {
            Err(OrgError::Validation(findings)) => {
                assert_eq!(codes(&findings), vec!["e".to_string(), "later".to_string()])
            }
            other => panic!("not refused: {other:?}"),
        }
        let other: Result<((), Vec<Finding>), OrgError> = Err(OrgError::InvalidInput("x".into()));
        match with(vec![error]).report(other) {
            Err(OrgError::Validation(findings)) => {
                assert_eq!(codes(&findings), vec!["e".to_string()])
            }
            other => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn delimiters() {
        assert_eq!(sniff_delimiter(b"id;manager;name\n1;;\"a,b,c\"\n"), b';');
        assert_eq!(sniff_delimiter(b"id\tmanager\tname\n"), b'\t');
        assert_eq!(sniff_delimiter(b"id|manager\n"), b'|');
        assert_eq!(sniff_delimiter(b"\"a;b\",c\n"), b',');
        assert_eq!(sniff_delimiter(b"id\n1\n"), b',');
    }
}
