//! The `orgraph` command line. Exit codes: 0 success, 1 input error (the
//! message names file, row and column), 2 usage error. `check --fail-on`
//! also exits 1 when a finding at that severity exists.

mod check;
mod edit;
mod export;
mod import;
mod settings;
mod staffplus;
mod suggest;

use chrono::NaiveDate;
use clap::builder::TypedValueParser as _;
use clap::{Parser, Subcommand};
use import::{parse_mapping, print_outcome, render_detection, ImportProgress};
use orgraph::error::OrgError;
use orgraph::import::{Field, ImportOptions, ManagerRef};
use orgraph::metrics::{compute, render_text, View};
use orgraph::model::{Finding, Ladder, Policy};
use orgraph::session::Session;
use orgraph::store::BASELINE;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "orgraph",
    version,
    about = "Org design from the command line: metrics, workspaces, synthetic orgs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write a realistic synthetic org as CSV.
    Generate {
        /// Number of people.
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..=50_000_000))]
        people: u64,
        /// Random seed; the same seed gives the same org.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output file (standard output when omitted).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Import people from CSV into a workspace (created if missing). The
    /// workspace's org is replaced in one transaction, or left unchanged.
    Import {
        /// CSV (any delimiter; UTF-8, UTF-16 or Latin-1) or spreadsheet
        /// (XLSX, XLS, ODS) with an id and a manager column, under any of
        /// the common HRIS headers.
        file: PathBuf,
        /// Workspace file (.orgraph).
        #[arg(long)]
        into: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
        /// Only show the detected format, column mapping and manager
        /// reference kind; import nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Compute org metrics for a CSV file, a spreadsheet or a workspace.
    Metrics {
        /// A CSV file or spreadsheet (read as `import` reads it) or an
        /// .orgraph workspace.
        input: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
        /// Target span-of-control band, e.g. 5-8 (default: the workspace's,
        /// or 5-8).
        #[arg(long, value_parser = parse_band)]
        band: Option<(u32, u32)>,
        /// Which people count: current (active) or planned (active, open
        /// and planned; departing left out).
        #[arg(long, default_value = "current", value_parser = view_parser())]
        view: View,
        /// Print one JSON object instead of the readable report.
        #[arg(long)]
        json: bool,
        /// For a workspace: the scenario to measure (default: baseline).
        #[arg(long)]
        scenario: Option<String>,
        /// For a workspace: the org as of this date (YYYY-MM-DD), with only
        /// changes effective by then applied.
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
    },
    /// List the org's health findings (spans, layers, compression,
    /// coverage, teams) for a CSV file, a spreadsheet or a workspace.
    Check(check::CheckArgs),
    #[command(flatten)]
    Edit(edit::EditCommand),
    /// Show or change the span band, team-size target, max load and
    /// ladder: the workspace's, or with --scenario one scenario's only.
    Settings(settings::SettingsArgs),
    /// Show the staff+ placement summary, as it is or as a what-if
    /// (every staff+ central or embedded), and optionally save it.
    StaffPlus(staffplus::StaffPlusArgs),
    /// Suggest changes that fix what `check` flags, for a people file or a
    /// workspace, and save them as a new scenario.
    #[command(subcommand)]
    Suggest(suggest::SuggestCommand),
    /// Export a workspace's org as a chart (pdf, png, svg) or data (csv,
    /// xlsx, json, dot, mermaid).
    Export(export::ExportArgs),
}

/// How to read a people file: shared by `import` and `metrics`.
#[derive(Debug, Clone, clap::Args)]
struct ReadArgs {
    /// The spreadsheet sheet to read (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// Map a column to a field, overriding detection; repeatable, e.g.
    /// --map "Reports To=manager_id" --map "Badge=ignore".
    #[arg(long = "map", value_name = "COLUMN=FIELD", value_parser = parse_mapping)]
    map: Vec<(String, Field)>,
    /// How the manager column refers to managers: id, employee-number,
    /// email, name, last-first or org-and-name (default: detected).
    #[arg(long)]
    manager_ref: Option<ManagerRef>,
    /// Let the cost column COLUMN (its header, or `cost`) hold negative
    /// amounts; otherwise a negative cost is an error. Repeatable.
    #[arg(long, value_name = "COLUMN")]
    signed: Vec<String>,
}

impl ReadArgs {
    fn options(self) -> ImportOptions {
        ImportOptions {
            sheet: self.sheet,
            overrides: self.map,
            manager_ref: self.manager_ref,
            signed: self.signed,
        }
    }

    fn is_default(&self) -> bool {
        self.sheet.is_none()
            && self.map.is_empty()
            && self.manager_ref.is_none()
            && self.signed.is_empty()
    }
}

pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    orgraph::date::parse(text).map_err(|e| e.to_string())
}

fn parse_band(text: &str) -> Result<(u32, u32), String> {
    let (min, max) = text
        .split_once('-')
        .ok_or_else(|| format!("'{text}' is not a band (expected MIN-MAX, e.g. 5-8)"))?;
    let parse = |s: &str| {
        s.trim()
            .parse::<u32>()
            .map_err(|_| format!("'{text}' is not a band (expected MIN-MAX, e.g. 5-8)"))
    };
    let (min, max) = (parse(min)?, parse(max)?);
    if min == 0 || min > max {
        return Err(format!("band {min}-{max}: need 1 <= MIN <= MAX"));
    }
    Ok((min, max))
}

/// Parses `--view`, offering exactly the core's views (listed in `--help`
/// and in the error for any other value).
fn view_parser() -> impl clap::builder::TypedValueParser<Value = View> {
    clap::builder::PossibleValuesParser::new(View::ALL.map(View::as_str))
        .try_map(|text| text.parse::<View>())
}

const SUCCESS: i32 = 0;
const INPUT_ERROR: i32 = 1;

/// Runs the CLI and returns the process exit code.
pub fn main() -> i32 {
    init_logging();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() { 2 } else { 0 };
        }
    };
    let outcome = match cli.command {
        Command::Check(args) => check::run(args),
        command => run(command).map(|()| SUCCESS),
    };
    match outcome {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            // The error lists the errors; the warnings found with them are
            // worth fixing in the same pass.
            if let OrgError::Validation(findings) = &err {
                print_warnings(findings.iter().filter(|f| !f.is_error()));
            }
            INPUT_ERROR
        }
    }
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("ORGRAPH_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> OrgError + '_ {
    move |source| OrgError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn print_warnings<'a>(warnings: impl IntoIterator<Item = &'a Finding>) {
    const SHOWN: usize = 20;
    let mut count = 0;
    for warning in warnings {
        if count < SHOWN {
            eprintln!("{warning}");
        }
        count += 1;
    }
    if count > SHOWN {
        eprintln!("... and {} more warning(s)", count - SHOWN);
    }
}

/// Lines of conflicts shown per scenario where they are a side note.
const CONFLICT_LINES: usize = 20;

/// Tells, on stderr, that some of a scenario's changes do not apply (and
/// so are not in the figures shown), listing them.
fn warn_conflicts(checked: &orgraph::scenario::ScenarioConflicts) {
    if !checked.conflicts.is_empty() {
        eprint!(
            "scenario '{}': {}",
            checked.scenario,
            checked.render_text(CONFLICT_LINES)
        );
    }
}

fn is_workspace(path: &Path) -> bool {
    if path.extension().is_some_and(|e| e == "orgraph") {
        return true;
    }
    let mut header = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut header))
        .is_ok_and(|()| &header == b"SQLite format 3\0")
}

fn run(command: Command) -> Result<(), OrgError> {
    match command {
        Command::Generate {
            people,
            seed,
            output,
        } => {
            let records = orgraph::generate::generate(people as usize, seed);
            match output {
                Some(path) => {
                    let file = std::fs::File::create(&path).map_err(io_error(&path))?;
                    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
                    orgraph::generate::write_csv(&records, &mut out).map_err(io_error(&path))?;
                    out.flush().map_err(io_error(&path))?;
                    eprintln!("wrote {} people to {}", records.len(), path.display());
                }
                None => {
                    let stdout = std::io::stdout();
                    let mut out = std::io::BufWriter::new(stdout.lock());
                    orgraph::generate::write_csv(&records, &mut out)
                        .map_err(io_error(Path::new("<stdout>")))?;
                    out.flush().map_err(io_error(Path::new("<stdout>")))?;
                }
            }
            Ok(())
        }
        Command::Import {
            file,
            into,
            read,
            dry_run,
        } => {
            let options = read.options();
            if dry_run {
                print!(
                    "{}",
                    render_detection(&orgraph::import::detect(&file, &options)?)
                );
                return Ok(());
            }
            // Validate fully before touching the workspace.
            let progress = ImportProgress::new();
            let report = |p| progress.report(p);
            let imported = orgraph::import::import_into(&file, &into, &options, &report);
            progress.finish();
            let outcome = imported?;
            print_warnings(&outcome.warnings);
            print_outcome(&outcome, &into);
            Ok(())
        }
        Command::Metrics {
            input,
            read,
            band,
            view,
            json,
            scenario,
            as_of,
        } => {
            let workspace = is_workspace(&input);
            if workspace && !read.is_default() {
                return Err(OrgError::InvalidInput(
                    "--map, --manager-ref, --sheet and --signed read a file, not a workspace; a workspace's people were read on import".into(),
                ));
            }
            let (mut org, warnings) = if workspace {
                let scenario = scenario.as_deref().unwrap_or(BASELINE);
                let session = Session::open_at(&input, scenario, as_of)?;
                warn_conflicts(&orgraph::scenario::ScenarioConflicts {
                    scenario: scenario.to_string(),
                    checked: session.scenario().head,
                    conflicts: session.conflicts(),
                });
                session.into_parts()
            } else if scenario.is_some() || as_of.is_some() {
                return Err(OrgError::InvalidInput(
                    "--scenario and --as-of need a workspace, not a people file".into(),
                ));
            } else {
                let options = read.options();
                orgraph::import::load(&input, &options, Ladder::default(), Policy::default())?
            };
            if let Some((min, max)) = band {
                org.policy.band_min = min;
                org.policy.band_max = max;
            }
            let metrics = compute(&org, view).with_warnings(&warnings);
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let written = if json {
                serde_json::to_writer(&mut out, &metrics)
                    .map_err(std::io::Error::other)
                    .and_then(|()| writeln!(out))
            } else {
                write!(out, "{}", render_text(&metrics, 20))
            };
            written
                .and_then(|()| out.flush())
                .map_err(io_error(Path::new("<stdout>")))
        }
        // Answered with its own exit status in `main`.
        Command::Check(args) => check::run(args).map(|_| ()),
        Command::Edit(command) => edit::run(command),
        Command::Settings(args) => settings::run(args),
        Command::StaffPlus(args) => staffplus::run(args),
        Command::Suggest(command) => suggest::run(command),
        Command::Export(args) => export::run(args),
    }
}

/// Writes `text` to standard output.
fn print_out(text: &str) -> Result<(), OrgError> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(io_error(Path::new("<stdout>")))
}

/// Writes `value` to standard output as one line of JSON.
fn print_json<T: serde::Serialize>(value: &T) -> Result<(), OrgError> {
    let mut text = serde_json::to_string(value)
        .map_err(|e| OrgError::InvalidInput(format!("cannot write JSON: {e}")))?;
    text.push('\n');
    print_out(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_parsing() {
        assert_eq!(parse_band("5-8"), Ok((5, 8)));
        assert_eq!(parse_band(" 3 - 3 "), Ok((3, 3)));
        assert!(parse_band("8-5").is_err());
        assert!(parse_band("0-5").is_err());
        assert!(parse_band("five").is_err());
    }

    #[test]
    fn the_command_line_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    /// The view given to `metrics`, or the clap error for it.
    fn metrics_view(args: &[&str]) -> Result<View, clap::Error> {
        let cli = Cli::try_parse_from(["orgraph", "metrics", "org.csv"].iter().chain(args))?;
        match cli.command {
            Command::Metrics { view, .. } => Ok(view),
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn view_takes_the_core_views_and_defaults_to_current() {
        assert_eq!(metrics_view(&[]).ok(), Some(View::Current));
        assert_eq!(
            metrics_view(&["--view", "planned"]).ok(),
            Some(View::Planned)
        );
        assert_eq!(
            metrics_view(&["--view", "current"]).ok(),
            Some(View::Current)
        );
        let err = metrics_view(&["--view", "later"]).expect_err("not a view");
        assert_eq!(err.kind(), clap::error::ErrorKind::InvalidValue);
        assert!(
            err.to_string()
                .contains("[possible values: current, planned]"),
            "{err}"
        );
    }
}
