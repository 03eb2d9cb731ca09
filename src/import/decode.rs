//! Turning a CSV file's bytes into UTF-8 text: the encoding (UTF-8 with or
//! without a byte-order mark, UTF-16 either way round, or Latin-1 /
//! Windows-1252 as spreadsheet programs on Windows still write) and the
//! delimiter are detected, not asked for.

use std::borrow::Cow;

/// The text encodings an import recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Windows-1252, the superset of ISO-8859-1 that Excel writes.
    Latin1,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Latin1 => "Latin-1 (Windows-1252)",
        }
    }
}

/// Decodes `bytes` to UTF-8, dropping any byte-order mark. UTF-8 input is
/// borrowed, not copied.
pub fn decode(bytes: &[u8]) -> (Cow<'_, [u8]>, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (Cow::Borrowed(rest), Encoding::Utf8);
    }
    if let Some(encoding) = utf16_kind(bytes) {
        let codec = match encoding {
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
            _ => encoding_rs::UTF_16LE,
        };
        // Decoding without BOM handling so a BOM-less file decodes too; a
        // BOM, if present, is dropped here.
        let (text, _) = codec.decode_without_bom_handling(bytes);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
        return (Cow::Owned(text.into_bytes()), encoding);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (Cow::Borrowed(bytes), Encoding::Utf8);
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    (Cow::Owned(text.into_owned().into_bytes()), Encoding::Latin1)
}

/// UTF-16 by its byte-order mark, or, without one, by the zero bytes that
/// every ASCII character leaves on one side.
fn utf16_kind(bytes: &[u8]) -> Option<Encoding> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some(Encoding::Utf16Le),
        [0xFE, 0xFF, ..] => return Some(Encoding::Utf16Be),
        _ => {}
    }
    let sample = &bytes[..bytes.len().min(4096) & !1];
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
pub fn sniff_delimiter(text: &[u8]) -> u8 {
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

    #[test]
    fn utf8_with_and_without_bom() {
        let (text, encoding) = decode("\u{feff}id,name\n1,Zoë\n".as_bytes());
        assert_eq!(
            (&*text, encoding),
            ("id,name\n1,Zoë\n".as_bytes(), Encoding::Utf8)
        );
        assert!(matches!(decode(b"id\n1\n").0, Cow::Borrowed(_)));
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
            let (decoded, found) = decode(&bytes);
            assert_eq!(found, encoding);
            assert_eq!(std::str::from_utf8(&decoded), Ok(text));
        }
    }

    #[test]
    fn latin1_when_not_utf8() {
        let (text, encoding) = decode(b"id,name\n1,Zo\xEB M\xFCller\n");
        assert_eq!(encoding, Encoding::Latin1);
        assert_eq!(std::str::from_utf8(&text), Ok("id,name\n1,Zoë Müller\n"));
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
