//! Rows that take more than one line. A quoted value may hold line ends
//! (legal CSV: addresses, notes), but a quote that is never closed takes
//! every following line into one value, so a file of thousands of rows
//! reads as one. The readers ([`super::raw`]) note each row that takes
//! more than [`FEW_LINES`] lines, and whether the last row ends inside a
//! quote; the import warns of the first and refuses the second.

use crate::model::{Finding, Location};

/// Lines a row may take without a warning (a quoted address, say).
pub(super) const FEW_LINES: u64 = 3;

/// A row that took many lines, or ran to the end of the text in a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Spanned {
    /// The line the row starts on, numbered as rows are.
    pub line: u64,
    /// Lines the row takes, from its first to its last byte.
    pub lines: u64,
    /// The 0-based column whose quote is still open at the end of the
    /// text, if any.
    pub open_quote: Option<usize>,
}

impl Spanned {
    /// The finding for this row of `file`; `column` names a column by
    /// index.
    pub(super) fn finding(&self, file: &str, column: impl Fn(usize) -> String) -> Finding {
        let lines = self.lines;
        match self.open_quote {
            Some(index) => Finding::error(
                "unterminated-quote",
                format!(
                    "a quoted value starting on this row is never closed: it runs to the end \
                     of the file, taking {lines} line(s) into one value; close the quote (a \
                     quote inside a value is written twice: \"\")"
                ),
                Location {
                    file: file.to_string(),
                    row: Some(self.line),
                    column: Some(column(index)),
                },
            ),
            None => Finding::warning(
                "multiline-field",
                format!(
                    "this row takes {lines} lines: a quoted value holds line ends; check that \
                     its quotes close where meant"
                ),
                Location {
                    file: file.to_string(),
                    row: Some(self.line),
                    column: None,
                },
            ),
        }
    }
}

/// Refuses a header row (`text` up to `header_end`) with a quote that
/// never closes: the whole file was read as the header.
pub(super) fn check_header(
    text: &[u8],
    header_end: u64,
    delimiter: u8,
    file: &str,
) -> Result<(), Vec<Finding>> {
    let header = &text[..(header_end as usize).min(text.len())];
    match open_quote(header, delimiter) {
        Some(_) => Err(vec![open_header_quote(file)]),
        None => Ok(()),
    }
}

fn open_header_quote(file: &str) -> Finding {
    Finding::error(
        "unterminated-quote",
        "a quoted value in the header row is never closed: it runs to the end of the file, \
         so no data row can be read; close the quote",
        Location {
            file: file.to_string(),
            row: Some(1),
            column: None,
        },
    )
}

/// Lines taken by the row whose bytes (with its line end and any blank
/// lines after it) are `region`.
pub(super) fn lines_of(region: &[u8]) -> u64 {
    let end = region
        .iter()
        .rposition(|&byte| byte != b'\n' && byte != b'\r')
        .map_or(0, |last| last + 1);
    1 + memchr::memchr_iter(b'\n', &region[..end]).count() as u64
}

/// Where a CSV reader (`csv`'s rules: a quote opens a value only at its
/// start, `""` is a quote inside) stands in a value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted value: closing it, or the first of `""`.
    QuoteInQuoted,
}

/// The 0-based column of a quoted value still open at the end of `text`,
/// which starts on a row: the text a reader would take into that value
/// up to the end of the file.
pub(super) fn open_quote(text: &[u8], delimiter: u8) -> Option<usize> {
    let mut state = State::FieldStart;
    let mut column = 0;
    for &byte in text {
        let line_end = byte == b'\n' || byte == b'\r';
        state = match state {
            State::Quoted if byte == b'"' => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
            State::QuoteInQuoted if byte == b'"' => State::Quoted,
            State::FieldStart if byte == b'"' => State::Quoted,
            _ if byte == delimiter => {
                column += 1;
                State::FieldStart
            }
            _ if line_end => {
                column = 0;
                State::FieldStart
            }
            _ => State::Unquoted,
        };
    }
    (state == State::Quoted).then_some(column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rows_count_their_lines_without_the_blank_ones_after() {
        assert_eq!(lines_of(b"a,b\n"), 1);
        assert_eq!(lines_of(b"a,b"), 1);
        assert_eq!(lines_of(b"a,\"b\nc\r\nd\"\r\n\r\n\n"), 3);
    }

    #[test]
    fn open_quotes_are_found_with_their_column() {
        assert_eq!(open_quote(b"1,,\"Ann\n2,1,Bob\n", b','), Some(2));
        assert_eq!(open_quote(b"1;\"a;b\n", b';'), Some(1));
        assert_eq!(open_quote(b"1,\"a\"\"\n", b','), Some(1));
        for closed in [
            &b"1,\"a\nb\",c\n"[..],
            b"1,5'10\",x\n",
            b"1,\"a\"\"b\"\n",
            b"\"a\"x,b\n",
            b"",
        ] {
            assert_eq!(
                open_quote(closed, b','),
                None,
                "{}",
                String::from_utf8_lossy(closed)
            );
        }
    }

    use crate::error::OrgError;
    use crate::import::{load, ImportOptions, ManagerRef};
    use crate::model::{Finding, Ladder, Policy};

    type Found = Vec<(String, Option<u64>, Option<String>)>;

    fn found(findings: &[Finding]) -> Found {
        findings
            .iter()
            .filter(|f| f.code == "unterminated-quote" || f.code == "multiline-field")
            .map(|f| (f.code.clone(), f.location.row, f.location.column.clone()))
            .collect()
    }

    /// Loads `text` as a CSV file, managers by id (streamed) or by
    /// e-mail (read whole): the span findings and the people imported.
    fn load_text(text: &str, manager_ref: ManagerRef) -> (Found, Option<usize>, Vec<Finding>) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("people.csv");
        std::fs::write(&path, text).expect("written");
        let options = ImportOptions {
            manager_ref: Some(manager_ref),
            ..ImportOptions::default()
        };
        match load(&path, &options, Ladder::default(), Policy::default()) {
            Ok((org, warnings)) => (found(&warnings), Some(org.len()), warnings),
            Err(OrgError::Validation(findings)) => (found(&findings), None, findings),
            Err(other) => panic!("{other}"),
        }
    }

    fn spanned(
        code: &str,
        row: u64,
        column: Option<&str>,
    ) -> (String, Option<u64>, Option<String>) {
        (code.to_string(), Some(row), column.map(str::to_string))
    }

    /// A quote never closed no longer turns a three-row file into one
    /// person: the import is refused, naming the row and column where
    /// the quote opened and how many lines it took.
    #[test]
    fn a_quote_never_closed_is_refused_naming_where_it_opened() {
        let by_id = "id,manager_id,name,email\n1,,\"Ann,a@x.org\n2,1,Bob,b@x.org\n3,1,Cy,c@x.org\n";
        let by_email = by_id.replace(",1,", ",a@x.org,");
        for (text, kind) in [
            (by_id, ManagerRef::Id),
            (by_email.as_str(), ManagerRef::Email),
        ] {
            let (found, people, findings) = load_text(text, kind);
            assert_eq!(people, None, "{kind:?}: refused");
            assert_eq!(
                found,
                [spanned("unterminated-quote", 2, Some("name"))],
                "{kind:?}"
            );
            let message = &findings
                .iter()
                .find(|f| f.code == "unterminated-quote")
                .expect("found")
                .message;
            assert!(message.contains("taking 3 line(s)"), "{message}");
        }
        // On the last line, with nothing after it to take.
        let (found, people, _) = load_text("id,manager_id\n1,\n2,\"1\n", ManagerRef::Id);
        assert_eq!(people, None);
        assert_eq!(
            found,
            [spanned("unterminated-quote", 3, Some("manager_id"))]
        );
        // In the header: the whole file is the header.
        let (found, people, _) = load_text("id,manager_id,\"name\n1,,A\n", ManagerRef::Id);
        assert_eq!(people, None);
        assert_eq!(found, [spanned("unterminated-quote", 1, None)]);
    }

    /// A value over a few lines is legal and silent; over more, a warning
    /// names the row it starts on and the lines it takes.
    #[test]
    fn a_value_over_many_lines_is_a_warning() {
        let text = "id,manager_id,name,email,notes\n\
                    1,,Ann,a@x.org,\"line\nline\nline\"\n\
                    2,1,Bob,b@x.org,\"1\n2\n3\n4\n5\"\n\
                    3,1,Cy,c@x.org,\n\
                    4,1,Di,d@x.org,\"a\r\nb\r\nc\r\nd\"";
        let by_email = text.replace(",1,", ",a@x.org,");
        for (text, kind) in [
            (text, ManagerRef::Id),
            (by_email.as_str(), ManagerRef::Email),
        ] {
            let (found, people, findings) = load_text(text, kind);
            assert_eq!(people, Some(4), "{kind:?}: {findings:?}");
            assert_eq!(
                found,
                [
                    spanned("multiline-field", 5, None),
                    spanned("multiline-field", 11, None)
                ],
                "{kind:?}"
            );
            assert!(
                findings[0].message.contains("takes 5 lines"),
                "{}",
                findings[0]
            );
        }
    }

    /// A file large enough to be read in parts and parsed on every core:
    /// a value over many lines deep in it is warned of at its own row, and
    /// a quote never closed is refused.
    #[test]
    fn a_large_file_names_the_rows_too() {
        let mut bytes = Vec::new();
        let records = crate::generate::generate(90_000, 5);
        crate::generate::write_csv(&records, &mut bytes).expect("in-memory write");
        let text = String::from_utf8(bytes).expect("UTF-8");
        assert!(text.len() > 8 << 20, "{} bytes", text.len());
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let with_name = |line: &str, name: &str| {
            let mut cells: Vec<&str> = line.split(',').collect();
            cells[2] = name;
            cells.join(",")
        };
        lines[80_000] = with_name(&lines[80_000], "\"A\nB\nC\nD\"");
        let (found, people, _) = load_text(&(lines.join("\n") + "\n"), ManagerRef::Id);
        assert_eq!(people, Some(90_000));
        assert_eq!(found, [spanned("multiline-field", 80_001, None)]);

        lines[80_000] = with_name(&lines[80_000], "Closed");
        lines[45_000] = with_name(&lines[45_000], "\"Open");
        let (found, people, _) = load_text(&(lines.join("\n") + "\n"), ManagerRef::Id);
        assert_eq!(people, None);
        assert_eq!(found, [spanned("unterminated-quote", 45_001, Some("name"))]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The `csv` crate is the reference: a row appended after a line
        /// end is read as its own row exactly when no quote is open.
        #[test]
        fn a_quote_is_open_when_the_csv_reader_takes_the_next_row_in(
            pieces in prop::collection::vec(
                prop::sample::select(vec!["a", ",", ";", "\n", "\r\n", "\r", "\"", "\"\"", " "]),
                0..24,
            ),
            delimiter in prop::sample::select(vec![b',', b';']),
        ) {
            let text = pieces.concat();
            let d = char::from(delimiter);
            let probe = format!("{text}\nX{d}Y\n");
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(delimiter)
                .from_reader(probe.as_bytes());
            let last = reader
                .byte_records()
                .filter_map(Result::ok)
                .last()
                .map(|r| r.iter().map(<[u8]>::to_vec).collect::<Vec<_>>());
            let apart = last == Some(vec![b"X".to_vec(), b"Y".to_vec()]);
            prop_assert_eq!(open_quote(text.as_bytes(), delimiter).is_none(), apart, "{:?}", text);
        }
    }
}
