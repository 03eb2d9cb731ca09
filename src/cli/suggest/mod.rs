//! `orgraph suggest placement|spans`: a suggestion for a people file
//! (printed only) or a workspace's scenario (printed, and saved as a new
//! scenario with `--scenario NEW`).

mod placement;
mod spans;

use super::{is_workspace, print_warnings, ReadArgs};
use clap::{Args, Subcommand};
use orgraph::error::OrgError;
use orgraph::model::{Ladder, Org, PersonId, Policy};
use orgraph::session::Session;
use orgraph::store::BASELINE;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub(super) enum SuggestCommand {
    /// Suggest staff+ support assignments that cover the most teams with
    /// no engineer over the max load (an exact optimum).
    Placement(placement::PlacementArgs),
    /// Suggest moves that bring managers into the span band.
    Spans(spans::SpansArgs),
}

pub(super) fn run(command: SuggestCommand) -> Result<(), OrgError> {
    match command {
        SuggestCommand::Placement(args) => placement::run(args),
        SuggestCommand::Spans(args) => spans::run(args),
    }
}

/// Where a suggestion starts from and where it goes: shared by every
/// `suggest` subcommand.
#[derive(Debug, Args)]
pub(super) struct SuggestSource {
    /// Workspace file (.orgraph) to read, and to save the suggestion in.
    #[arg(long, required_unless_present = "input", conflicts_with = "input")]
    workspace: Option<PathBuf>,
    /// A CSV file or spreadsheet (read as `import` reads it) instead of a
    /// workspace: the suggestion is printed, not saved.
    #[arg(long)]
    input: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    /// For a workspace: the scenario to start from (default: baseline).
    #[arg(long, value_name = "SCENARIO")]
    from: Option<String>,
    /// For a workspace: save the suggestion as this new scenario, branched
    /// from --from. Without it nothing is saved.
    #[arg(long, value_name = "NEW")]
    scenario: Option<String>,
    /// Leave this person as they are (repeatable).
    #[arg(long = "keep", value_name = "ID")]
    keep: Vec<String>,
    /// Print one JSON object instead of the readable report.
    #[arg(long)]
    json: bool,
}

/// The org a suggestion starts from: a workspace's scenario (which the
/// suggestion can be saved over) or a people file's.
pub(super) enum Start {
    Workspace(Box<Session>),
    File(Box<Org>),
}

impl Start {
    pub(super) fn org(&self) -> &Org {
        match self {
            Start::Workspace(session) => session.org(),
            Start::File(org) => org,
        }
    }
}

impl SuggestSource {
    /// Opens the workspace's `--from` scenario or reads the people file
    /// (printing the importer's warnings), refusing options that do not
    /// apply to the one given.
    pub(super) fn open(&self) -> Result<Start, OrgError> {
        if let Some(path) = &self.workspace {
            if !is_workspace(path) {
                return Err(OrgError::InvalidInput(format!(
                    "{} is not a workspace; give a people file with --input",
                    path.display()
                )));
            }
            if !self.read.is_default() {
                return Err(OrgError::InvalidInput(
                    "--map, --manager-ref, --sheet and --signed read a file, not a workspace; a workspace's people were read on import".into(),
                ));
            }
            let from = self.from.as_deref().unwrap_or(BASELINE);
            let session = Session::open_at(path, from, None)?;
            super::warn_conflicts(&orgraph::scenario::ScenarioConflicts {
                scenario: from.to_string(),
                checked: session.scenario().head,
                conflicts: session.conflicts(),
            });
            return Ok(Start::Workspace(Box::new(session)));
        }
        let Some(path) = &self.input else {
            return Err(OrgError::InvalidInput(
                "give a workspace (--workspace) or a people file (--input)".into(),
            ));
        };
        if self.from.is_some() || self.scenario.is_some() {
            return Err(OrgError::InvalidInput(
                "--from and --scenario need a workspace, not a people file".into(),
            ));
        }
        let options = self.read.clone().options();
        let (org, warnings) =
            orgraph::import::load(path, &options, Ladder::default(), Policy::default())?;
        print_warnings(&warnings);
        Ok(Start::File(Box::new(org)))
    }

    /// The pinned people, each checked to exist in `org`.
    pub(super) fn kept(&self, org: &Org) -> Result<Vec<PersonId>, OrgError> {
        self.keep
            .iter()
            .map(|id| {
                let id = PersonId::new(id);
                match org.person(&id) {
                    Some(_) => Ok(id),
                    None => Err(OrgError::InvalidInput(format!(
                        "--keep {id}: no such person"
                    ))),
                }
            })
            .collect()
    }
}
