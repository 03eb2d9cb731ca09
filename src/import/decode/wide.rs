//! UTF-16 and UTF-32 text to UTF-8. A unit that is no character (half a
//! surrogate pair, a code point past U+10FFFF, a file cut inside a
//! character) becomes U+FFFD and an `invalid-character` error at its line,
//! so a damaged file is refused, never imported with replacement
//! characters in its ids.

use super::Encoding;
use crate::model::{Finding, Location};

/// At most this many invalid characters are listed one by one; the rest
/// are counted in one more finding, so a file in the wrong encoding does
/// not produce millions of findings.
const MAX_LISTED: usize = 100;

/// Decodes `body` (the bytes after any byte-order mark) from the wide
/// encoding `encoding`.
pub(super) fn decode(body: &[u8], encoding: Encoding, file: &str) -> (String, Vec<Finding>) {
    match encoding {
        Encoding::Utf16Le | Encoding::Utf16Be => utf16(body, encoding, file),
        _ => utf32(body, encoding == Encoding::Utf32Be, file),
    }
}

fn utf16(body: &[u8], encoding: Encoding, file: &str) -> (String, Vec<Finding>) {
    let codec = match encoding {
        Encoding::Utf16Be => encoding_rs::UTF_16BE,
        _ => encoding_rs::UTF_16LE,
    };
    // encoding_rs is fast but only says whether something was replaced;
    // a damaged file is decoded again by hand to say where.
    let (text, had_errors) = codec.decode_without_bom_handling(body);
    if !had_errors {
        return (text.into_owned(), Vec::new());
    }
    let big_endian = encoding == Encoding::Utf16Be;
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut out = Decoder::new(file, body.len());
    for unit in char::decode_utf16(units) {
        match unit {
            Ok(c) => out.push(c),
            Err(err) => out.invalid(format!(
                "U+{:04X} is half of a UTF-16 surrogate pair without its other half",
                err.unpaired_surrogate()
            )),
        }
    }
    if !body.len().is_multiple_of(2) {
        out.invalid("the file ends inside a UTF-16 character (its last byte is alone)".into());
    }
    out.finish()
}

fn utf32(body: &[u8], big_endian: bool, file: &str) -> (String, Vec<Finding>) {
    let mut out = Decoder::new(file, body.len() / 4);
    let units = body.chunks_exact(4);
    let rest = units.remainder().len();
    for unit in units {
        let unit = [unit[0], unit[1], unit[2], unit[3]];
        let value = if big_endian {
            u32::from_be_bytes(unit)
        } else {
            u32::from_le_bytes(unit)
        };
        match char::from_u32(value) {
            Some(c) => out.push(c),
            None => out.invalid(format!("0x{value:08X} is not a Unicode character")),
        }
    }
    if rest != 0 {
        out.invalid(format!(
            "the file ends inside a UTF-32 character (its last {rest} byte(s) are not a whole one)"
        ));
    }
    out.finish()
}

/// The decoded text, the line it has reached, and what was wrong.
struct Decoder<'a> {
    file: &'a str,
    text: String,
    line: u64,
    findings: Vec<Finding>,
    unlisted: usize,
}

impl<'a> Decoder<'a> {
    fn new(file: &'a str, capacity: usize) -> Self {
        Decoder {
            file,
            text: String::with_capacity(capacity),
            line: 1,
            findings: Vec::new(),
            unlisted: 0,
        }
    }

    fn push(&mut self, c: char) {
        if c == '\n' {
            self.line += 1;
        }
        self.text.push(c);
    }

    fn invalid(&mut self, why: String) {
        self.text.push(char::REPLACEMENT_CHARACTER);
        if self.findings.len() == MAX_LISTED {
            self.unlisted += 1;
            return;
        }
        self.findings.push(Finding::error(
            "invalid-character",
            format!("{why}; the file is damaged or not in the encoding it claims"),
            self.at(Some(self.line)),
        ));
    }

    fn at(&self, row: Option<u64>) -> Location {
        Location {
            file: self.file.to_string(),
            row,
            column: None,
        }
    }

    fn finish(mut self) -> (String, Vec<Finding>) {
        if self.unlisted > 0 {
            let more = Finding::error(
                "invalid-character",
                format!("{} more invalid characters are not listed", self.unlisted),
                self.at(None),
            );
            self.findings.push(more);
        }
        (self.text, self.findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(findings: &[Finding]) -> Vec<(&str, Option<u64>)> {
        findings
            .iter()
            .map(|f| (f.code.as_str(), f.location.row))
            .collect()
    }

    #[test]
    fn utf32_both_ways() {
        let text = "id,name\n1,Zoë 😀\n";
        let le: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        let be: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_be_bytes())
            .collect();
        assert_eq!(decode(&le, Encoding::Utf32Le, "f"), (text.into(), vec![]));
        assert_eq!(decode(&be, Encoding::Utf32Be, "f"), (text.into(), vec![]));
    }

    #[test]
    fn utf32_invalid_code_points_and_a_cut_end_are_errors_at_their_line() {
        let mut bytes: Vec<u8> = "id\na"
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        bytes.extend(0xD800u32.to_le_bytes());
        bytes.extend(0x0011_0000u32.to_le_bytes());
        bytes.extend(u32::from(b'\n').to_le_bytes());
        bytes.extend([b'b', 0]);
        let (text, findings) = decode(&bytes, Encoding::Utf32Le, "f");
        assert_eq!(text, "id\na\u{fffd}\u{fffd}\n\u{fffd}");
        assert_eq!(
            rows(&findings),
            [
                ("invalid-character", Some(2)),
                ("invalid-character", Some(2)),
                ("invalid-character", Some(3))
            ]
        );
        assert!(findings.iter().all(Finding::is_error));
        assert!(findings[0].message.contains("0x0000D800"));
    }

    #[test]
    fn utf16_lone_surrogates_are_errors_at_their_line() {
        let units = [u16::from(b'i'), u16::from(b'\n'), 0xDC00, u16::from(b'x')];
        let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
        for (bytes, encoding) in [(le, Encoding::Utf16Le), (be, Encoding::Utf16Be)] {
            let (text, findings) = decode(&bytes, encoding, "f");
            assert_eq!(text, "i\n\u{fffd}x");
            assert_eq!(rows(&findings), [("invalid-character", Some(2))]);
            assert!(findings[0].message.contains("U+DC00"));
        }
        let (_, findings) = decode(b"i\0\n\0x", Encoding::Utf16Le, "f");
        assert_eq!(rows(&findings), [("invalid-character", Some(2))]);
    }

    #[test]
    fn past_the_listed_maximum_invalid_characters_are_counted() {
        let bytes: Vec<u8> = std::iter::repeat_n(0xFFFF_FFFFu32.to_be_bytes(), MAX_LISTED + 5)
            .flatten()
            .collect();
        let (_, findings) = decode(&bytes, Encoding::Utf32Be, "f");
        assert_eq!(findings.len(), MAX_LISTED + 1);
        assert!(findings[MAX_LISTED].message.starts_with("5 more"));
    }
}
