//! A header split by one delimiter and rows split by another (`id;manager_id`
//! then `b,a`): no delimiter reads every line, and rows are read by the
//! header's, so such a row's values would run together into its first
//! column (an id "b,a"). The first lines are checked, where a hand-edited
//! header or a pasted block shows, so that each such row is an error at its
//! line instead.

use crate::model::{Finding, Location};

/// How many physical lines are checked: enough to catch a file split
/// otherwise throughout, without another pass over a large file.
const CHECKED_LINES: usize = 1000;

/// At most this many such rows are listed; the rest are counted.
const MAX_LISTED: usize = 20;

const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Errors for the rows among the first lines of `text` that have none of
/// the header's `delimiter` outside quotes but do have another candidate.
pub(super) fn rows_split_otherwise(text: &[u8], delimiter: u8, file: &str) -> Vec<Finding> {
    let mut lines = whole_lines(text);
    let mut findings = Vec::new();
    let count = |counts: &[usize; 4], d: u8| {
        CANDIDATES
            .iter()
            .position(|&c| c == d)
            .map_or(0, |i| counts[i])
    };
    match lines.next() {
        Some((1, header)) if count(&header, delimiter) > 0 => {}
        _ => return findings,
    }
    let mut unlisted = 0usize;
    for (line, counts) in lines {
        if count(&counts, delimiter) > 0 {
            continue;
        }
        let Some(other) = CANDIDATES
            .into_iter()
            .filter(|&d| count(&counts, d) > 0)
            .max_by_key(|&d| count(&counts, d))
        else {
            continue;
        };
        if findings.len() == MAX_LISTED {
            unlisted += 1;
            continue;
        }
        findings.push(Finding::error(
            "delimiter-mismatch",
            format!(
                "this row has no {}, the header's delimiter, but {} {}: its values would \
                 run together into the first column; split every line by the same delimiter",
                name(delimiter),
                count(&counts, other),
                name(other),
            ),
            at(file, Some(line)),
        ));
    }
    if unlisted > 0 {
        findings.push(Finding::error(
            "delimiter-mismatch",
            format!(
                "{unlisted} more of the first {CHECKED_LINES} lines are split by another \
                 delimiter than the header"
            ),
            at(file, None),
        ));
    }
    findings
}

/// The first lines (1-based) that start and end outside quotes, each with
/// its count of every candidate delimiter outside quotes; a line inside a
/// quoted, multi-line value is left out.
fn whole_lines(text: &[u8]) -> impl Iterator<Item = (usize, [usize; 4])> + '_ {
    let mut quoted = false;
    text.split(|&b| b == b'\n')
        .take(CHECKED_LINES)
        .enumerate()
        .filter_map(move |(index, line)| {
            let starts_quoted = quoted;
            let mut counts = [0usize; 4];
            for &byte in line {
                if byte == b'"' {
                    quoted = !quoted;
                } else if !quoted {
                    if let Some(i) = CANDIDATES.iter().position(|&c| c == byte) {
                        counts[i] += 1;
                    }
                }
            }
            (!starts_quoted && !quoted).then_some((index + 1, counts))
        })
}

fn at(file: &str, row: Option<usize>) -> Location {
    Location {
        file: file.to_string(),
        row: row.map(|row| row as u64),
        column: None,
    }
}

fn name(delimiter: u8) -> &'static str {
    match delimiter {
        b';' => "semicolon",
        b'\t' => "tab",
        b'|' => "pipe",
        _ => "comma",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, delimiter: u8) -> Vec<Option<u64>> {
        rows_split_otherwise(text.as_bytes(), delimiter, "f")
            .iter()
            .map(|f| f.location.row)
            .collect()
    }

    #[test]
    fn a_row_split_by_another_delimiter_is_an_error_at_its_line() {
        let findings = rows_split_otherwise(b"id;manager_id\na;\nb,a\n", b';', "f");
        assert_eq!(findings.len(), 1);
        assert!(findings[0].is_error());
        assert_eq!(findings[0].location.row, Some(3));
        assert!(
            findings[0].message.contains("no semicolon"),
            "{}",
            findings[0].message
        );
        assert!(
            findings[0].message.contains("1 comma"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn rows_read_by_the_header_delimiter_are_fine() {
        assert_eq!(rows("id;name\na;\"Smith, Ann\"\nb;Bo, Jo\n\nc\n", b';'), []);
        // A one-column header says nothing about delimiters.
        assert_eq!(rows("id\na,b\n", b','), []);
        // A line inside a quoted, multi-line value is not a row.
        assert_eq!(rows("id;name\na;\"one\ntwo, three\"\n", b';'), []);
        // Tabs and pipes count as well; CRLF endings too.
        assert_eq!(rows("id\tname\r\na|b\r\n", b'\t'), [Some(2)]);
    }

    #[test]
    fn past_the_listed_maximum_rows_are_counted() {
        let text = format!("id;m\n{}", "a,b\n".repeat(MAX_LISTED + 3));
        let found = rows_split_otherwise(text.as_bytes(), b';', "f");
        assert_eq!(found.len(), MAX_LISTED + 1);
        assert!(found[MAX_LISTED].message.starts_with("3 more"));
    }
}
