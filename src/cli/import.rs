//! The `import` command's helpers: `--map` parsing and the readable
//! detection report of `--dry-run`.

use crate::import::{Detection, Field, SourceFormat};
use std::fmt::Write;

/// Parses `COLUMN=FIELD`; the column may itself contain '='.
pub fn parse_mapping(text: &str) -> Result<(String, Field), String> {
    let (column, field) = text
        .rsplit_once('=')
        .ok_or_else(|| format!("'{text}' is not COLUMN=FIELD"))?;
    if column.trim().is_empty() {
        return Err(format!("'{text}' names no column"));
    }
    Ok((column.trim().to_string(), field.trim().parse()?))
}

/// What an import would read, for review.
pub fn render_detection(detection: &Detection) -> String {
    let mut out = String::new();
    match detection.format {
        SourceFormat::Csv => {
            let delimiter = match detection.delimiter {
                Some('\t') => "tab".to_string(),
                Some(c) => format!("'{c}'"),
                None => "?".to_string(),
            };
            let encoding = detection.encoding.map_or("?", |e| e.name());
            let _ = writeln!(out, "format: CSV, {encoding}, delimiter {delimiter}");
        }
        SourceFormat::Spreadsheet => {
            let _ = writeln!(
                out,
                "format: spreadsheet, sheet '{}' (sheets: {})",
                detection.sheet.as_deref().unwrap_or(""),
                detection.sheets.join(", ")
            );
        }
    }
    let _ = writeln!(out, "rows: {}", detection.rows);
    let _ = writeln!(
        out,
        "managers referred to by: {}",
        detection.manager_ref.name()
    );
    let _ = writeln!(out, "columns:");
    for column in &detection.columns {
        let field = column.field.map_or("(not read)", Field::name);
        let how = if column.overridden { "  [--map]" } else { "" };
        let _ = writeln!(out, "  {:<32} -> {field}{how}", column.header);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mappings_parse() {
        assert_eq!(
            parse_mapping("Reports To=manager_id"),
            Ok(("Reports To".to_string(), Field::Manager))
        );
        assert_eq!(
            parse_mapping("a=b=ignore"),
            Ok(("a=b".to_string(), Field::Ignore))
        );
        assert!(parse_mapping("Reports To").is_err());
        assert!(parse_mapping("=id").is_err());
        assert!(parse_mapping("x=nonsense").is_err());
    }
}
