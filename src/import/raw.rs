//! The data rows of CSV text, as bytes, from either of two readers behind
//! one interface: the `csv` crate's, which reads any text, and `simd-csv`'s,
//! about three times faster, for text it reads exactly as `csv` does.
//!
//! The two disagree on some malformed text: `simd-csv` drops a quote in
//! the middle of an unquoted value (`5'10"`), does not end a record at a
//! lone carriage return, and may misread a quoted last value when the text
//! does not end in a line end. So the fast reader is only used on text
//! whose quoting is regular (see [`super::segments`]), with no lone
//! carriage return, ending in a line end; a test checks that on such text
//! both give the same rows, values and line numbers.

use super::spans::{self, Spanned};
use std::borrow::Cow;
use std::ops::Range;

/// A CSV reader, one data row at a time.
pub(super) trait RawRows {
    /// Moves to the next row: false at the end. An unreadable row is an
    /// error giving its line and why.
    fn advance(&mut self) -> Result<bool, (u64, String)>;
    /// The line (1-based) the current row starts on.
    fn line(&self) -> u64;
    /// Bytes of the text read so far.
    fn bytes_read(&self) -> u64;
    /// The current row's values, one after another without delimiters.
    fn values(&self) -> &[u8];
    /// Where value `i` lies in [`RawRows::values`].
    fn range(&self, i: usize) -> Option<Range<usize>>;
    /// Value `i` (empty when the row is shorter).
    fn value(&self, i: usize) -> &[u8];
    /// A row read so far that took many lines or ended in an open quote
    /// (see [`super::spans`]), once: the previous row's after a step, the
    /// last row's at the end.
    fn take_spanned(&mut self) -> Option<Spanned>;
}

/// The `csv` crate's reader. Its own line numbers are off after a
/// carriage return or a blank line, so rows are numbered here instead.
pub(super) struct CsvRows<'r, 't> {
    reader: &'r mut csv::Reader<&'t [u8]>,
    record: csv::ByteRecord,
    lines: LineCounter<'t>,
}

impl<'r, 't> CsvRows<'r, 't> {
    /// Rows of `reader`, which reads `text` delimited by `delimiter`.
    pub(super) fn new(
        reader: &'r mut csv::Reader<&'t [u8]>,
        text: &'t [u8],
        delimiter: u8,
    ) -> Self {
        CsvRows {
            reader,
            record: csv::ByteRecord::new(),
            lines: LineCounter::new(text, delimiter),
        }
    }
}

impl RawRows for CsvRows<'_, '_> {
    fn advance(&mut self) -> Result<bool, (u64, String)> {
        let before = self.reader.position().byte();
        match self.reader.read_byte_record(&mut self.record) {
            Ok(more) => {
                if more {
                    let start = self.record.position().map_or(before, |p| p.byte());
                    self.lines.row_from(start as usize);
                } else {
                    self.lines.finish();
                }
                Ok(more)
            }
            Err(err) => {
                let at = err.position().map_or(before, |p| p.byte());
                self.lines.row_from(at as usize);
                Err((self.lines.line(), err.to_string()))
            }
        }
    }

    fn line(&self) -> u64 {
        self.lines.line()
    }

    fn bytes_read(&self) -> u64 {
        self.record.position().map_or(0, |p| p.byte())
    }

    fn values(&self) -> &[u8] {
        self.record.as_slice()
    }

    fn range(&self, i: usize) -> Option<Range<usize>> {
        self.record.range(i)
    }

    fn value(&self, i: usize) -> &[u8] {
        self.record.get(i).unwrap_or(b"")
    }

    fn take_spanned(&mut self) -> Option<Spanned> {
        self.lines.spanned.take()
    }
}

/// Line numbers of rows in a text, counted as the rows are read in order,
/// noting rows that take many lines on the way.
struct LineCounter<'t> {
    text: &'t [u8],
    delimiter: u8,
    /// Offset up to which line ends are counted: the current row's start.
    counted_to: usize,
    line_ends: u64,
    /// A row has been read: the bytes before the first are not one.
    reading: bool,
    /// The last row noted as spanning lines, until taken.
    spanned: Option<Spanned>,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t [u8], delimiter: u8) -> Self {
        LineCounter {
            text,
            delimiter,
            counted_to: 0,
            line_ends: 0,
            reading: false,
            spanned: None,
        }
    }

    /// Moves to the row read from `from` on, whose line is that of its
    /// first byte after any blank lines. Rows must come in order.
    fn row_from(&mut self, from: usize) {
        let from = from.clamp(self.counted_to, self.text.len());
        let blank = self.text[from..]
            .iter()
            .take_while(|&&byte| byte == b'\n' || byte == b'\r')
            .count();
        let first = from + blank;
        // Mostly the previous row's bytes, ending in its one line end:
        // finding no other is several times cheaper than counting.
        let text = self.text;
        let between = &text[self.counted_to..first];
        let line_ends = match between.split_last() {
            Some((b'\n', rest)) if memchr::memchr(b'\n', rest).is_none() => 1,
            _ => {
                // Rarely here: a row over several lines, or blank lines.
                self.note_span(between, false);
                memchr::memchr_iter(b'\n', between).count() as u64
            }
        };
        self.line_ends += line_ends;
        self.counted_to = first;
        self.reading = true;
    }

    /// At the end of the text: notes the last row if it took many lines
    /// or ends inside a quote.
    fn finish(&mut self) {
        let text = self.text;
        let last = &text[self.counted_to.min(text.len())..];
        self.note_span(last, true);
        self.counted_to = self.text.len();
    }

    /// Notes the current row, whose bytes are `row`, if it takes more
    /// than a few lines or (when it is the `last`) ends in an open quote.
    fn note_span(&mut self, row: &[u8], last: bool) {
        if !self.reading {
            return;
        }
        let lines = spans::lines_of(row);
        let open_quote = if last {
            spans::open_quote(row, self.delimiter)
        } else {
            None
        };
        if lines > spans::FEW_LINES || open_quote.is_some() {
            self.spanned = Some(Spanned {
                line: self.line(),
                lines,
                open_quote,
            });
        }
    }

    /// The line (1-based) of the current row.
    fn line(&self) -> u64 {
        self.line_ends + 1
    }
}

/// `simd-csv`'s reader, for text [`fast_readable`] accepts, which must
/// end in a line end.
pub(super) struct SimdRows<'t> {
    reader: simd_csv::TotalReader<'t>,
    record: simd_csv::ByteRecord,
    /// Offset after the current row.
    end: u64,
    lines: LineCounter<'t>,
}

impl<'t> SimdRows<'t> {
    pub(super) fn new(text: &'t [u8], delimiter: u8) -> Self {
        let reader = simd_csv::TotalReaderBuilder::new()
            .has_headers(false)
            .delimiter(delimiter)
            .from_bytes(text);
        SimdRows {
            reader,
            record: simd_csv::ByteRecord::new(),
            end: 0,
            lines: LineCounter::new(text, delimiter),
        }
    }
}

impl RawRows for SimdRows<'_> {
    fn advance(&mut self) -> Result<bool, (u64, String)> {
        if !self.reader.read_byte_record(&mut self.record) {
            self.lines.finish();
            return Ok(false);
        }
        let start = self.end;
        self.end = self.reader.position();
        self.lines.row_from(start as usize);
        Ok(true)
    }

    fn line(&self) -> u64 {
        self.lines.line()
    }

    fn bytes_read(&self) -> u64 {
        self.end
    }

    fn values(&self) -> &[u8] {
        self.record.as_slice()
    }

    fn range(&self, i: usize) -> Option<Range<usize>> {
        // The reader hands out each value as a slice of the row's bytes
        // but not its offset, which is the distance between the two.
        let value = self.record.get(i)?;
        let start = (value.as_ptr() as usize).checked_sub(self.values().as_ptr() as usize)?;
        let range = start..start + value.len();
        (range.end <= self.values().len()).then_some(range)
    }

    fn value(&self, i: usize) -> &[u8] {
        self.record.get(i).unwrap_or(b"")
    }

    fn take_spanned(&mut self) -> Option<Spanned> {
        self.lines.spanned.take()
    }
}

/// True when [`SimdRows`] reads `text` exactly as [`CsvRows`] does, given
/// that its quoting is regular: no carriage return but before a line feed.
pub(super) fn fast_readable(text: &[u8]) -> bool {
    memchr::memchr_iter(b'\r', text).all(|at| text.get(at + 1) == Some(&b'\n'))
}

/// `text` ending in a line end, as [`SimdRows`] needs: a copy with one
/// added if it has none (only a file's last segment may lack one).
pub(super) fn with_final_line_end(text: &[u8]) -> Cow<'_, [u8]> {
    if text.is_empty() || text.ends_with(b"\n") {
        Cow::Borrowed(text)
    } else {
        Cow::Owned([text, b"\n"].concat())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    type Rows = Vec<(u64, Vec<Vec<u8>>)>;

    fn read(mut rows: impl RawRows) -> Rows {
        let mut read = Vec::new();
        while rows.advance().expect("readable") {
            let values = (0..)
                .map_while(|i| rows.range(i).map(|r| rows.values()[r].to_vec()))
                .collect();
            assert_eq!(
                rows.value(0),
                rows.range(0).map_or(&b""[..], |r| &rows.values()[r])
            );
            read.push((rows.line(), values));
        }
        read
    }

    fn both(text: &[u8], delimiter: u8) -> (Rows, Rows) {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text);
        let ended = with_final_line_end(text);
        (
            read(CsvRows::new(&mut reader, text, delimiter)),
            read(SimdRows::new(&ended, delimiter)),
        )
    }

    /// `text` written with `delimiter` where it has commas.
    fn delimited(text: &str, delimiter: u8) -> Vec<u8> {
        text.replace(',', &char::from(delimiter).to_string())
            .into_bytes()
    }

    fn delimiter() -> impl Strategy<Value = u8> {
        prop::sample::select(vec![b',', b';', b'\t', b'|'])
    }

    #[test]
    fn rows_are_numbered_by_the_line_they_start_on() {
        let text = b"a,b\n\n\"multi\nline\",c\r\n\r\nd,\"e\"\"f\"\n";
        let (csv, simd) = both(text, b',');
        assert_eq!(
            simd,
            vec![
                (1, vec![b"a".to_vec(), b"b".to_vec()]),
                (3, vec![b"multi\nline".to_vec(), b"c".to_vec()]),
                (6, vec![b"d".to_vec(), b"e\"f".to_vec()]),
            ]
        );
        assert_eq!(csv, simd);
    }

    #[test]
    fn lone_carriage_returns_are_not_fast_readable() {
        assert!(fast_readable(b"a,b\r\nc,d\r\n"));
        assert!(fast_readable(b"a,b\nc,d\n"));
        assert!(!fast_readable(b"a,b\rc,d\r\n"));
        assert!(!fast_readable(b"a,b\r"));
    }

    fn quoted(value: &str) -> String {
        format!("\"{}\"", value.replace('"', "\"\""))
    }

    /// A value, quoted when it must be and sometimes when not; quoted
    /// values may hold delimiters, quotes and line ends.
    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zé ]{0,5}",
            "[a-z,\"\n é]{0,6}".prop_map(|s| quoted(&s)),
            "[a-z,\"\n é]{0,6}".prop_map(|s| quoted(&s.replace('\n', "\r\n"))),
        ]
    }

    proptest! {
        // Cheap cases, and most of the second test's are refused.
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// On text with regular quoting and no lone carriage return, the
        /// fast reader (given a final line end) gives the `csv` reader's
        /// rows, whatever the delimiter.
        #[test]
        fn the_fast_reader_reads_as_the_csv_reader_does(
            rows in prop::collection::vec(prop::collection::vec(value(), 1..5), 0..12),
            blank_lines in prop::collection::vec(0usize..3, 12),
            crlf in any::<bool>(),
            unended in any::<bool>(),
            delimiter in delimiter(),
        ) {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text: String = rows
                .iter()
                .zip(&blank_lines)
                .map(|(row, &blank)| end.repeat(blank) + &row.join(",") + end)
                .collect();
            if unended && text.ends_with(end) {
                text.truncate(text.len() - end.len());
            }
            let text = delimited(&text, delimiter);
            prop_assert!(fast_readable(&text));
            let (csv, simd) = both(&text, delimiter);
            prop_assert_eq!(csv, simd);
        }

        /// Whatever the text, if the import would give it to the fast
        /// reader (regular quoting, no lone carriage return), it reads as
        /// with `csv`.
        #[test]
        fn text_accepted_for_the_fast_reader_reads_as_with_csv(
            pieces in prop::collection::vec(
                prop::sample::select(vec!["a", "é", " ", ",", "\n", "\r\n", "\r", "\"", "\"\"", "\"a,\n\""]),
                0..30,
            ),
            delimiter in delimiter(),
        ) {
            let bytes = delimited(&pieces.concat(), delimiter);
            let regular = super::super::segments::cut(&bytes, delimiter, 0, usize::MAX).regular_quoting;
            // Most such texts are refused; those accepted are the point.
            if regular && fast_readable(&bytes) {
                let (csv, simd) = both(&bytes, delimiter);
                prop_assert_eq!(csv, simd);
            }
        }
    }
}
