//! `orgraph suggest spans`: moves that bring managers into the span band,
//! printed (text or JSON) and, for a workspace with `--scenario NEW`,
//! saved as a new scenario.

use super::{Start, SuggestSource};
use crate::cli::{parse_band, print_json, print_out};
use clap::Args;
use orgraph::error::OrgError;
use orgraph::model::{Org, Status};
use orgraph::suggest::spans::{SpanFigures, SpanOptions, SpanSuggestion};
use std::fmt::Write as _;

#[derive(Debug, Args)]
pub(in crate::cli) struct SpansArgs {
    #[command(flatten)]
    source: SuggestSource,
    /// The span band to aim at, e.g. 5-8 (default: the org's).
    #[arg(long, value_parser = parse_band)]
    band: Option<(u32, u32)>,
    /// Move at most this many people.
    #[arg(long, value_name = "N")]
    max_moves: Option<u32>,
    /// Let people move to a manager of another team.
    #[arg(long)]
    move_across_teams: bool,
    /// Give a moved person the receiving manager's team.
    #[arg(long)]
    teams_follow: bool,
}

pub(super) fn run(args: SpansArgs) -> Result<(), OrgError> {
    let start = args.source.open()?;
    let options = SpanOptions {
        band: args.band,
        max_moves: args.max_moves,
        keep: args.source.kept(start.org())?,
        move_across_teams: args.move_across_teams,
        teams_follow: args.teams_follow,
    };
    let suggestion = orgraph::suggest::spans::suggest(start.org(), &options)?;
    if args.source.json {
        print_json(&suggestion)?;
    } else {
        print_out(&render(start.org(), &suggestion))?;
    }
    let (Some(name), Start::Workspace(mut session)) = (args.source.scenario.as_deref(), start)
    else {
        return Ok(());
    };
    let changes = suggestion.changes.into_iter().map(|c| c.change).collect();
    // The reason names the band used, the policy's included.
    let asked = SpanOptions {
        band: Some(suggestion.band),
        ..options
    };
    session.save_changes_as(name, changes, &asked.reason())?;
    eprintln!("saved as scenario '{name}'");
    Ok(())
}

fn figures(label: &str, f: &SpanFigures) -> String {
    format!(
        "{label}{} managers, {} wide, {} narrow ({} out of band)\n",
        f.managers,
        f.wide,
        f.narrow,
        f.out_of_band()
    )
}

/// The readable report: figures, then one line per change.
fn render(org: &Org, s: &SpanSuggestion) -> String {
    let (min, max) = s.band;
    let people = org.people().filter(|p| p.status == Status::Active).count();
    let mut out = format!("band {min}-{max}\n");
    out += &figures("before: ", &s.before);
    out += &figures("after:  ", &s.after);
    if s.open_reqs > 0 {
        out += &figures("once the open reqs are filled: ", &s.after_filled);
    }
    let _ = writeln!(
        out,
        "lower bound: {} out of band (no allowed moves do better)",
        s.lower_bound
    );
    let share = if people == 0 {
        0.0
    } else {
        100.0 * s.moved as f64 / people as f64
    };
    let _ = writeln!(out, "people moved: {} of {people} ({share:.1}%)", s.moved);
    let _ = writeln!(out, "open reqs: {}", s.open_reqs);
    let flagged: Vec<String> = s
        .flagged
        .iter()
        .map(|id| match org.person(id) {
            Some(person) => format!("{} ({id})", person.name),
            None => id.to_string(),
        })
        .collect();
    let _ = writeln!(
        out,
        "flagged for a decision: {}",
        if flagged.is_empty() {
            "none".to_string()
        } else {
            flagged.join(", ")
        }
    );
    if s.changes.is_empty() {
        out += "no changes\n";
    } else {
        let _ = writeln!(out, "changes ({}):", s.changes.len());
        for change in &s.changes {
            let _ = writeln!(out, "  {}", change.reason);
        }
    }
    out
}
