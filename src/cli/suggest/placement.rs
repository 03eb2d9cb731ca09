//! `orgraph suggest placement`: the optimal staff+ support assignments for
//! a people file or a workspace's scenario, printed, and saved as a new
//! scenario with `--scenario NEW`.

use super::{Start, SuggestSource};
use crate::cli::{print_json, print_out};
use clap::Args;
use orgraph::error::OrgError;
use orgraph::model::Org;
use orgraph::suggest::placement::{
    suggest, CoverageFigures, PlacementOptions, PlacementSuggestion, Scope, Weight,
};
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ScopeArg {
    /// An embedded engineer supports teams of their home team's
    /// department; a central or unplaced one, any team.
    Department,
    /// Anyone supports any team.
    Org,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum WeightArg {
    /// Cover the most teams.
    Teams,
    /// Cover the most people (teams weighed by headcount).
    People,
}

#[derive(Debug, Args)]
pub(in crate::cli) struct PlacementArgs {
    #[command(flatten)]
    source: SuggestSource,
    /// Which teams an engineer may be newly assigned to.
    #[arg(long, value_enum, default_value = "department")]
    scope: ScopeArg,
    /// What to cover most of.
    #[arg(long, value_enum, default_value = "teams")]
    weight: WeightArg,
    /// Let an embedded engineer move into the architecture group when
    /// that covers more (each move is listed).
    #[arg(long)]
    allow_replace: bool,
}

/// `--json`: the suggestion, and where it was saved.
#[derive(Serialize)]
struct Saved<'a> {
    #[serde(flatten)]
    suggestion: &'a PlacementSuggestion,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scenario: Option<&'a str>,
}

pub(super) fn run(args: PlacementArgs) -> Result<(), OrgError> {
    let start = args.source.open()?;
    let options = PlacementOptions {
        scope: match args.scope {
            ScopeArg::Department => Scope::Department,
            ScopeArg::Org => Scope::Org,
        },
        weight: match args.weight {
            WeightArg::Teams => Weight::Teams,
            WeightArg::People => Weight::People,
        },
        keep: args.source.kept(start.org())?,
        allow_replace: args.allow_replace,
    };
    let suggestion = match &start {
        Start::Workspace(session) => session.suggest_placement(&options)?,
        Start::File(org) => suggest(org, &options)?,
    };
    let json = args.source.json;
    let text = (!json).then(|| render(&suggestion, start.org(), &options));
    let saved = match (start, args.source.scenario.as_deref()) {
        (Start::Workspace(mut session), Some(name)) => {
            let from = session.scenario().name.clone();
            let reason = options.reason();
            let changes = suggestion
                .changes
                .iter()
                .map(|c| c.change.clone())
                .collect();
            session.save_changes_as(name, changes, &reason)?;
            Some((from, name))
        }
        _ => None,
    };
    match text {
        None => print_json(&Saved {
            suggestion: &suggestion,
            from: saved.as_ref().map(|(from, _)| from.as_str()),
            scenario: saved.as_ref().map(|&(_, name)| name),
        }),
        Some(mut text) => {
            if let Some((from, name)) = &saved {
                let _ = writeln!(text, "saved as scenario {name} (from {from})");
            }
            print_out(&text)
        }
    }
}

fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::Department => "department",
        Scope::Org => "org",
    }
}

fn weight_name(weight: Weight) -> &'static str {
    match weight {
        Weight::Teams => "teams",
        Weight::People => "people",
    }
}

fn coverage_line(figures: &CoverageFigures) -> String {
    format!(
        "{} of {} teams covered, {} of {} people in covered teams, {} overloaded",
        figures.covered_teams,
        figures.teams,
        figures.people_covered,
        figures.people_in_teams,
        figures.overloaded
    )
}

/// The readable report: before/after, one line per change with its
/// reason, then the moves and anyone still over the max load.
fn render(suggestion: &PlacementSuggestion, org: &Org, options: &PlacementOptions) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "staff+ placement (scope {}, weight {}, max load {}{})",
        scope_name(options.scope),
        weight_name(options.weight),
        org.policy.max_load,
        if options.allow_replace {
            ", moves allowed"
        } else {
            ""
        }
    );
    let _ = writeln!(text, "before: {}", coverage_line(&suggestion.before));
    let _ = writeln!(text, "after:  {}", coverage_line(&suggestion.after));
    let _ = writeln!(
        text,
        "changes: {} removed, {} added, {} moved",
        suggestion.removed,
        suggestion.added,
        suggestion.replaced.len()
    );
    for suggested in &suggestion.changes {
        let _ = writeln!(
            text,
            "  {}: {}",
            suggested.change.describe(org),
            suggested.reason
        );
    }
    if !suggestion.replaced.is_empty() {
        let _ = writeln!(text, "moved into the architecture group:");
        for id in &suggestion.replaced {
            let name = org.person(id).map_or("", |p| &*p.name);
            let _ = writeln!(text, "  {name} ({id})");
        }
    }
    if !suggestion.still_overloaded.is_empty() {
        let _ = writeln!(
            text,
            "still over the max load (pinned, or home team alone):"
        );
        for id in &suggestion.still_overloaded {
            let name = org.person(id).map_or("", |p| &*p.name);
            let _ = writeln!(text, "  {name} ({id})");
        }
    }
    text
}
