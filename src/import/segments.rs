//! Cutting CSV text into segments that start on record boundaries, so the
//! segments can be parsed at once on several cores.
//!
//! A newline ends a record unless it is inside a quoted field. Knowing
//! which quotes open and close fields takes one pass over the quote
//! characters alone (few, in HRIS exports), and is exact when the quoting
//! is regular: a quote opens a field only at the field's start and closes
//! it only before a delimiter, a line end or the end of the text, with
//! `""` for a quote inside. Text with any other quote (`5'10"` in an
//! unquoted field, say) is not cut: the CSV reader's own leniency about
//! such quotes is what decides its records, so it reads it whole.

/// CSV text cut into segments.
#[derive(Debug, PartialEq, Eq)]
pub struct Segments {
    /// Offsets where a segment starts, then the text's end.
    pub starts: Vec<usize>,
    /// Every quote in the text is regular (see the module comment).
    pub regular_quoting: bool,
}

/// Cuts `text[from..]` into segments of about `piece` bytes, each starting
/// on a record. Only one segment when the text is small or its quoting is
/// irregular.
pub fn cut(text: &[u8], delimiter: u8, from: usize, piece: usize) -> Segments {
    let from = from.min(text.len());
    let quoted = quoted_spans(text, delimiter);
    let regular_quoting = quoted.is_some();
    let whole = || Segments {
        starts: vec![from, text.len()],
        regular_quoting,
    };
    let Some(quoted) = quoted.filter(|_| text.len() - from > piece) else {
        return whole();
    };
    let mut starts = vec![from];
    let mut target = from + piece;
    while target < text.len() {
        let Some(start) = record_start_at_or_after(text, &quoted, target) else {
            break;
        };
        if start >= text.len() {
            break;
        }
        if start > *starts.last().unwrap_or(&from) {
            starts.push(start);
        }
        target = start + piece;
    }
    starts.push(text.len());
    Segments {
        starts,
        regular_quoting,
    }
}

/// The first record start after a line end at or after `target`.
fn record_start_at_or_after(
    text: &[u8],
    quoted: &[(usize, usize)],
    target: usize,
) -> Option<usize> {
    let mut at = target;
    loop {
        let newline = at + memchr::memchr(b'\n', text.get(at..)?)?;
        // The last quoted span opening before the newline; the newline is
        // inside it if it closes after.
        let before = quoted.partition_point(|&(open, _)| open < newline);
        match before.checked_sub(1).map(|i| quoted[i]) {
            Some((_, close)) if close > newline => at = close + 1,
            _ => return Some(newline + 1),
        }
    }
}

/// Every quoted field as (opening quote, closing quote) offsets, or `None`
/// if any quote is irregular (see the module comment) or left open.
fn quoted_spans(text: &[u8], delimiter: u8) -> Option<Vec<(usize, usize)>> {
    let starts_field =
        |at: usize| at == 0 || matches!(text[at - 1], b'\n' | b'\r') || text[at - 1] == delimiter;
    let ends_field = |at: usize| match text.get(at) {
        None => true,
        Some(&byte) => byte == b'\n' || byte == b'\r' || byte == delimiter,
    };
    let mut spans = Vec::new();
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'"', &text[at..]) {
        let open = at + found;
        if !starts_field(open) {
            return None;
        }
        // Find the closing quote, stepping over doubled ones.
        let mut inside = open + 1;
        let close = loop {
            let quote = inside + memchr::memchr(b'"', &text[inside..])?;
            if text.get(quote + 1) == Some(&b'"') {
                inside = quote + 2;
                continue;
            }
            break quote;
        };
        if !ends_field(close + 1) {
            return None;
        }
        spans.push((open, close));
        at = close + 1;
    }
    Some(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn quoted_newlines_are_not_cut() {
        let text = b"id,name\n1,\"a\nb\nc\"\n2,\"x\"\"y\"\n3,z\n";
        let Segments {
            starts,
            regular_quoting,
        } = cut(text, b',', 8, 1);
        assert!(regular_quoting);
        // After the header, after the multi-line name, after row 2.
        assert_eq!(starts, vec![8, 18, 27, text.len()]);
        let pieces: Vec<_> = starts
            .windows(2)
            .flat_map(|w| parse(&text[w[0]..w[1]]))
            .collect();
        assert_eq!(pieces, parse(&text[8..]));
    }

    #[test]
    fn irregular_quotes_and_small_texts_are_not_cut() {
        let text = b"id,height\n1,5'10\"\n2,6'\n3,5'2\"\n";
        let whole = |text: &[u8], from| Segments {
            starts: vec![from, text.len()],
            regular_quoting: false,
        };
        assert_eq!(cut(text, b',', 10, 1), whole(text, 10));
        let text = b"id,name\n1,\"never closed\n2,x\n";
        assert_eq!(cut(text, b',', 8, 1), whole(text, 8));
        let text = b"id\n1\n\"2\"\n";
        let small = cut(text, b',', 3, 100);
        assert_eq!(small.starts, vec![3, text.len()]);
        assert!(small.regular_quoting);
    }

    fn field() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z ]{0,6}",
            "[a-z,;\n\"]{0,6}".prop_map(|s| format!("\"{}\"", s.replace('"', "\"\""))),
        ]
    }

    proptest! {
        /// Every cut is a record start the CSV reader agrees with, and
        /// parsing the pieces gives the records of the whole.
        #[test]
        fn cuts_fall_on_record_starts(
            rows in prop::collection::vec(prop::collection::vec(field(), 1..4), 1..40),
            crlf in any::<bool>(),
            piece in 1usize..40,
        ) {
            let end = if crlf { "\r\n" } else { "\n" };
            let text: String = rows.iter().map(|row| row.join(",") + end).collect();
            let text = text.as_bytes();
            let Segments { starts, regular_quoting } = cut(text, b',', 0, piece);
            prop_assert!(regular_quoting);
            let whole: Vec<Vec<Vec<u8>>> = parse(text);
            let pieces: Vec<Vec<Vec<u8>>> = starts
                .windows(2)
                .flat_map(|w| parse(&text[w[0]..w[1]]))
                .collect();
            prop_assert_eq!(pieces, whole);
        }
    }

    fn parse(text: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text);
        reader
            .byte_records()
            .map(|r| {
                r.map(|r| r.iter().map(<[u8]>::to_vec).collect())
                    .unwrap_or_default()
            })
            .collect()
    }
}
