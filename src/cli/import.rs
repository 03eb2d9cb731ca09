//! The `import` command's helpers: `--map` parsing, the readable
//! detection report of `--dry-run`, and storing an import (a re-import
//! reports what changed and keeps the old baseline as a scenario).

use crate::error::Result;
use crate::import::{Detection, Field, Progress, SourceFormat, Stage};
use crate::metrics::{compute, View};
use crate::model::{Finding, Org};
use crate::scenario::{changes_between, ImportReport};
use crate::store::{Snapshot, Workspace, BASELINE};
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
        });
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Lines per list in the re-import report.
const REPORT_LINES: usize = 20;

/// Stores `org` as the baseline of the workspace at `into` (created if
/// missing), in one transaction. When it replaces an earlier baseline,
/// prints what changed (joiners, leavers, moves, title changes) and keeps
/// the earlier one as the scenario "before import DATE", whose changes
/// take the new baseline back to the old, so the two can be compared.
pub fn store_import(file: &Path, into: &Path, mut org: Org, warnings: &[Finding]) -> Result<()> {
    let (mut workspace, _) = Workspace::open_or_create(into)?;
    let previous = workspace.load_org().ok().map(|(org, _)| org);
    if let Some(previous) = &previous {
        // Settings belong to the workspace, not to the HRIS export.
        org.policy = previous.policy;
        org.ladder = previous.ladder.clone();
    }
    let today = crate::date::today();
    let before = match previous.filter(|p| !p.is_empty()) {
        None => None,
        Some(previous) => {
            let forward = changes_between(&previous, &org)?;
            let report = ImportReport::of(&previous, &org, &forward);
            eprint!(
                "changes since the last import: {}",
                report.render_text(REPORT_LINES)
            );
            (!forward.is_empty())
                .then(|| changes_between(&org, &previous))
                .transpose()?
        }
    };
    let name = format!("before import {today}");
    let metrics = compute(&org, View::Current);
    let reason = format!("import {}", file.display());
    let snapshot = Snapshot {
        scenario_id: workspace.scenario(BASELINE)?.id,
        as_of: today,
        reason: &reason,
        metrics: &metrics,
    };
    let before = before
        .as_ref()
        .map(|changes| (name.as_str(), changes.as_slice()));
    if let Some(kept) = workspace.replace_baseline(&org, warnings, before, &snapshot)? {
        eprintln!("the previous baseline is kept as scenario '{kept}'");
    }
    eprintln!(
        "imported {} people and {} teams into {} ({} warning(s))",
        org.len(),
        org.teams().len(),
        into.display(),
        warnings.len()
    );
    Ok(())
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
