//! The `import` command's helpers: `--map` parsing, the readable
//! detection report of `--dry-run`, and storing an import (a re-import
//! reports what changed and keeps the old baseline as a scenario).

use orgraph::import::{
    group_findings, render_groups, Detection, Field, ImportOutcome, NamedReport, Progress,
    SourceFormat, Stage,
};
use std::fmt::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// Imports quicker than this show no progress bar.
const QUIET_FOR: Duration = Duration::from_millis(300);

/// A progress bar on stderr that appears only once an import has taken
/// [`QUIET_FOR`], so quick imports print nothing extra.
pub struct ImportProgress {
    bar: indicatif::ProgressBar,
    started: Instant,
}

impl ImportProgress {
    pub fn new() -> ImportProgress {
        let bar =
            indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::hidden());
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg:>10} [{bar:40}] {percent:>3}% {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        ImportProgress {
            bar,
            started: Instant::now(),
        }
    }

    pub fn report(&self, progress: Progress) {
        if self.bar.is_hidden() && self.started.elapsed() >= QUIET_FOR {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
        self.bar.set_length(progress.total);
        self.bar.set_position(progress.done);
        self.bar.set_message(match progress.stage {
            Stage::Reading => "reading",
            Stage::Validating => "validating",
            Stage::Storing => "storing",
        });
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Lines per list in the re-import report.
const REPORT_LINES: usize = 20;

/// Prints what an import did: the re-import report, the kept scenario
/// and the totals.
pub fn print_outcome(outcome: &ImportOutcome, into: &Path) {
    if let Some(report) = &outcome.report {
        // People are named from the workspace just written (opening it
        // again costs about as much as a load, so only when the report
        // lists someone); should it not open, the report goes out by ids.
        let lists_nobody = report.joiners.is_empty()
            && report.leavers.is_empty()
            && report.moves.is_empty()
            && report.title_changes.is_empty();
        let after = if lists_nobody {
            None
        } else {
            orgraph::store::Workspace::open(into)
                .and_then(|workspace| workspace.load_org())
                .ok()
        };
        let text = match after {
            Some((after, _)) => {
                NamedReport::after_import(report, &after, into, outcome.kept_as.as_deref())
                    .render_text(REPORT_LINES)
            }
            // Nobody listed, or no workspace to name them from: ids alone.
            None => {
                NamedReport::of(report, None, &orgraph::model::Org::new()).render_text(REPORT_LINES)
            }
        };
        eprint!("changes since the last import: {text}");
    }
    if outcome.replaced_demo {
        eprintln!("replaced the generated demo org the workspace was made with");
    }
    if let Some(kept) = &outcome.kept_as {
        eprintln!("the previous baseline is kept as scenario '{kept}'");
    }
    for checked in &outcome.conflicts {
        super::warn_conflicts(checked);
    }
    if !outcome.warnings.is_empty() {
        eprint!(
            "warnings by kind:\n{}",
            render_groups(&group_findings(&outcome.warnings))
        );
    }
    eprintln!(
        "imported {} people and {} teams into {} ({} warning(s))",
        outcome.people,
        outcome.teams,
        into.display(),
        outcome.warnings.len()
    );
}

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
    for choice in &detection.choices {
        let role = match choice.field {
            Field::Id => "id column",
            _ => "manager column",
        };
        let _ = writeln!(out, "{role}: '{}' ({})", choice.header, choice.reason);
    }
    let _ = writeln!(
        out,
        "managers referred to by: {} ({})",
        detection.manager_ref.name(),
        detection.manager_ref_reason
    );
    for finding in &detection.findings {
        let _ = writeln!(out, "{finding}");
    }
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
