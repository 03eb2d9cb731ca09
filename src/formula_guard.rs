//! Formula neutralisation for CSV data exports (OWASP "CSV injection").
//!
//! A spreadsheet opening a CSV evaluates a cell that begins with `=`, `+`,
//! `-` or `@` (and, in some, a tab or carriage return) as a formula: a
//! name like `=HYPERLINK("http://evil", "Ada")` or `+cmd|' /C calc'!A0`
//! would run. The CSV export writes such a text cell with a single quote
//! in front (`'=HYPERLINK(...)`), which spreadsheets show as text.
//!
//! - Cells that are a plain signed number (`-5`, `+3.25`) are left alone:
//!   a spreadsheet reads them as that number, which is what they are, and
//!   they cannot call anything. Money is always written as a plain number.
//! - A cell that already begins with quotes followed by a trigger
//!   (`'=x`, `''-y`) gets one more quote, so the guard is reversible.
//! - The CSV importer takes one quote off any value of that shape
//!   ([`unguard`]): our own export reads back to the original text, and a
//!   file saved by a tool that guards the same way (many HRIS do) reads
//!   as the text its users saw. Spreadsheet sources (XLSX, ODS) are not
//!   unguarded: their cells are typed, so a quote there is the text.

use std::borrow::Cow;

/// The first characters that make a spreadsheet read a cell as a formula.
const TRIGGERS: [u8; 6] = [b'=', b'+', b'-', b'@', b'\t', b'\r'];

/// `value` as the CSV export writes it: with a leading `'` when a
/// spreadsheet would otherwise run it, or when it already looks guarded.
pub fn guard(value: &str) -> Cow<'_, str> {
    if needs_guard(value) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// Whether [`guard`] puts a quote in front of `value`.
pub fn needs_guard(value: &str) -> bool {
    looks_guarded_or_formula(value) && !is_plain_number(value)
}

/// `value` as read from a CSV file: one leading `'` removed when quotes
/// are followed by a formula trigger (the inverse of [`guard`]).
pub fn unguard(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if looks_guarded_or_formula(rest) => rest,
        _ => value,
    }
}

/// Whether `value` is zero or more `'` followed by a trigger character.
fn looks_guarded_or_formula(value: &str) -> bool {
    value
        .bytes()
        .find(|&b| b != b'\'')
        .is_some_and(|first| TRIGGERS.contains(&first))
}

/// `[+-]?digits(.digits)?`: a number a spreadsheet shows as itself.
fn is_plain_number(value: &str) -> bool {
    let unsigned = value.strip_prefix(['+', '-']).unwrap_or(value);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "1"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formulas_get_a_leading_quote() {
        for (value, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("\tlead", "'\tlead"),
            ("\rlead", "'\rlead"),
            ("'=already", "''=already"),
            ("''@twice", "'''@twice"),
        ] {
            assert_eq!(guard(value), written, "{value:?}");
        }
    }

    #[test]
    fn plain_text_and_numbers_are_left_alone() {
        for value in [
            "", "Ada", "a=b", "'quoted", "'", "-5", "+3.25", "-0.5", "42", "O'Neil",
        ] {
            assert!(matches!(guard(value), Cow::Borrowed(_)), "{value:?}");
            assert_eq!(unguard(value), value, "{value:?}");
        }
        // Not plain numbers: a spreadsheet would compute them.
        for value in ["-", "-.5", "-5.", "-1e5", "+5-1"] {
            assert_eq!(guard(value), format!("'{value}"), "{value:?}");
        }
    }

    proptest! {
        #[test]
        fn unguard_inverts_guard(value in "['=+@\\-\t\r0-9a. ]{0,8}") {
            let written = guard(&value);
            prop_assert_eq!(unguard(&written), value.as_str());
        }

        #[test]
        fn a_guarded_value_never_starts_a_formula(value in "['=+@\\-\t\r0-9a. ]{0,8}") {
            let written = guard(&value);
            let first = written.bytes().next();
            prop_assert!(
                first.is_none_or(|b| !TRIGGERS.contains(&b)) || is_plain_number(&written),
                "{:?}", written
            );
        }
    }
}
