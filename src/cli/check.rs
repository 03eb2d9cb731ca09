//! `orgraph check`: the org's health findings, for a people file (read as
//! `metrics` reads one, with the default settings) or a workspace's
//! scenario (its settings and layer guidance). With `--fail-on` the exit
//! status says whether a finding at that severity or worse exists, for
//! scripts.

use super::{
    is_workspace, print_json, print_out, print_warnings, warn_conflicts, ReadArgs, SUCCESS,
};
use clap::Args;
use orgraph::error::OrgError;
use orgraph::health::{check, render_text, LayerGuidance};
use orgraph::model::{Ladder, Policy, Severity};
use orgraph::session::Session;
use orgraph::store::BASELINE;
use std::path::PathBuf;

/// People and teams named per finding in the readable output.
const NAMED: usize = 3;

/// The exit status when `--fail-on` is met: the same as an input error,
/// so a script gating on "exit 0" stops on either (stderr tells which).
const FAILED: i32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    Warning,
    Error,
}

#[derive(Debug, Args)]
pub(super) struct CheckArgs {
    /// A CSV file or spreadsheet (read as `import` reads it) or an
    /// .orgraph workspace.
    input: PathBuf,
    #[command(flatten)]
    read: ReadArgs,
    /// For a workspace: the scenario to check (default: baseline).
    #[arg(long)]
    scenario: Option<String>,
    /// Print one JSON object instead of one line per finding.
    #[arg(long)]
    json: bool,
    /// Exit with status 1 when a finding at this severity or worse exists.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
}

/// Runs the check; the exit status is 1 when `--fail-on` is met.
pub(super) fn run(args: CheckArgs) -> Result<i32, OrgError> {
    let (health, org) = if is_workspace(&args.input) {
        if !args.read.is_default() {
            return Err(OrgError::InvalidInput(
                "--map, --manager-ref, --sheet and --signed read a file, not a workspace; a workspace's people were read on import".into(),
            ));
        }
        let scenario = args.scenario.as_deref().unwrap_or(BASELINE);
        let session = Session::open_at(&args.input, scenario, None)?;
        warn_conflicts(&orgraph::scenario::ScenarioConflicts {
            scenario: scenario.to_string(),
            checked: session.scenario().head,
            conflicts: session.conflicts(),
        });
        let health = session.health()?;
        (health, session.into_parts().0)
    } else if args.scenario.is_some() {
        return Err(OrgError::InvalidInput(
            "--scenario needs a workspace, not a people file".into(),
        ));
    } else {
        let options = args.read.options();
        let (org, warnings) =
            orgraph::import::load(&args.input, &options, Ladder::default(), Policy::default())?;
        // Rows the importer skipped or coerced change what is checked: say so.
        print_warnings(&warnings);
        (check(&org, &LayerGuidance::default()), org)
    };
    if args.json {
        print_json(&health)?;
    } else {
        print_out(&render_text(&health, &org, NAMED))?;
    }
    let threshold = match args.fail_on {
        None => return Ok(SUCCESS),
        Some(FailOn::Warning) => Severity::Warning,
        Some(FailOn::Error) => Severity::Error,
    };
    Ok(match health.worst() {
        Some(worst) if worst >= threshold => FAILED,
        _ => SUCCESS,
    })
}
