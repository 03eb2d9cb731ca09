//! `orgraph staff-plus`: the staff+ placement summary of a scenario, as it
//! is or under a what-if (every staff+ engineer central or embedded), and
//! saving the what-if as a new scenario. For "every staff+ central" both
//! outcomes are printed: with each engineer still supporting the team they
//! leave (the default) and without (`--drop-home-support`).

use super::{print_json, print_out};
use clap::Args;
use orgraph::error::OrgError;
use orgraph::metrics::placement::{HomeSupport, PlacementSummary, Preview, WhatIf};
use orgraph::session::Session;
use orgraph::store::BASELINE;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::PathBuf;

/// The what-ifs the command offers; "all-central" takes
/// `--drop-home-support`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum WhatIfArg {
    AsIs,
    AllCentral,
    AllEmbedded,
}

#[derive(Debug, Args)]
pub(super) struct StaffPlusArgs {
    /// Workspace file (.orgraph).
    #[arg(long)]
    workspace: PathBuf,
    /// The scenario to show (default: baseline).
    #[arg(long)]
    scenario: Option<String>,
    /// Preview: every staff+ engineer central or embedded.
    #[arg(long, value_enum, default_value = "as-is")]
    what_if: WhatIfArg,
    /// With --what-if all-central: the teams engineers leave lose their
    /// support (by default each engineer keeps supporting their current
    /// team as an assignment, so load and coverage do not change).
    #[arg(long)]
    drop_home_support: bool,
    /// Save the previewed changes as a new scenario NAME, branched from
    /// the one shown.
    #[arg(long, value_name = "NAME")]
    save: Option<String>,
    /// Print one JSON object instead of the readable summary.
    #[arg(long)]
    json: bool,
}

impl StaffPlusArgs {
    fn what_if(&self) -> Result<WhatIf, OrgError> {
        match (self.what_if, self.drop_home_support) {
            (WhatIfArg::AllCentral, drop) => Ok(WhatIf::all_central(if drop {
                HomeSupport::Drop
            } else {
                HomeSupport::Keep
            })),
            (_, true) => Err(OrgError::InvalidInput(
                "--drop-home-support applies to --what-if all-central only".into(),
            )),
            (WhatIfArg::AsIs, false) => Ok(WhatIf::AsIs),
            (WhatIfArg::AllEmbedded, false) => Ok(WhatIf::AllEmbedded),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SummaryJson {
    teams: u64,
    covered: u64,
    uncovered: u64,
    coverage_ratio: Option<f64>,
    staff_plus: u64,
    central: u64,
    embedded: u64,
    unplaced: u64,
    max_load: u32,
    overloaded: u64,
}

impl From<&PlacementSummary> for SummaryJson {
    fn from(s: &PlacementSummary) -> Self {
        SummaryJson {
            teams: s.teams,
            covered: s.covered,
            uncovered: s.uncovered,
            coverage_ratio: s.coverage_ratio,
            staff_plus: s.staff_plus,
            central: s.central,
            embedded: s.embedded,
            unplaced: s.unplaced,
            max_load: s.max_load,
            overloaded: s.overloaded,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PreviewJson<'a> {
    scenario: &'a str,
    what_if: WhatIf,
    summary: SummaryJson,
    changes: usize,
    left_in_place: Vec<String>,
    kept_home_support: Option<SummaryJson>,
    dropped_home_support: Option<SummaryJson>,
    saved_as: Option<&'a str>,
}

pub(super) fn run(args: StaffPlusArgs) -> Result<(), OrgError> {
    let what_if = args.what_if()?;
    let scenario = args.scenario.as_deref().unwrap_or(BASELINE);
    let mut session = Session::open_at(&args.workspace, scenario, None)?;
    let preview = session.staff_plus(what_if)?;
    if let Some(name) = &args.save {
        session.save_what_if(name, what_if)?;
        eprintln!(
            "saved as scenario {name}: {} change(s) over {scenario}",
            preview.changes.len()
        );
    }
    if args.json {
        return print_json(&PreviewJson {
            scenario,
            what_if,
            summary: (&preview.board.summary).into(),
            changes: preview.changes.len(),
            left_in_place: preview
                .left_in_place
                .iter()
                .map(|p| p.to_string())
                .collect(),
            kept_home_support: preview.home_support.as_ref().map(|o| (&o.kept).into()),
            dropped_home_support: preview.home_support.as_ref().map(|o| (&o.dropped).into()),
            saved_as: args.save.as_deref(),
        });
    }
    print_out(&render(scenario, &preview))
}

fn what_if_words(what_if: WhatIf) -> &'static str {
    match what_if {
        WhatIf::AsIs => "as it is",
        WhatIf::AllCentral => "every staff+ central, still supporting their current team",
        WhatIf::AllCentralDropHomeSupport => "every staff+ central, leaving their current team",
        WhatIf::AllEmbedded => "every staff+ embedded",
    }
}

fn percent(ratio: Option<f64>) -> String {
    ratio.map_or_else(|| "—".into(), |r| format!("{:.0} %", r * 100.0))
}

/// The readable summary: the placement counts, coverage and load, then for
/// an all-central preview both home-support outcomes.
fn render(scenario: &str, preview: &Preview) -> String {
    let s = &preview.board.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "staff+ placement of {scenario}: {}",
        what_if_words(preview.what_if)
    );
    let _ = writeln!(
        out,
        "  staff+ engineers  {} (central {} · embedded {} · unplaced {})",
        s.staff_plus, s.central, s.embedded, s.unplaced
    );
    let _ = writeln!(
        out,
        "  teams covered     {} / {} ({}), {} uncovered",
        s.covered,
        s.teams,
        percent(s.coverage_ratio),
        s.uncovered
    );
    let _ = writeln!(
        out,
        "  overloaded        {} (more than {} teams)",
        s.overloaded, s.max_load
    );
    if preview.what_if != WhatIf::AsIs {
        let _ = writeln!(out, "  changes           {}", preview.changes.len());
    }
    if !preview.left_in_place.is_empty() {
        let _ = writeln!(
            out,
            "  left in place     {} (no team to go to)",
            preview.left_in_place.len()
        );
    }
    if let Some(outcomes) = &preview.home_support {
        let _ = writeln!(out, "both outcomes of every staff+ central:");
        let shown = preview.what_if.home_support();
        for (label, summary, choice) in [
            ("keeping their teams", &outcomes.kept, HomeSupport::Keep),
            ("dropping them", &outcomes.dropped, HomeSupport::Drop),
        ] {
            let _ = writeln!(
                out,
                "  {label:<20} {} covered ({} / {}), {} overloaded{}",
                percent(summary.coverage_ratio),
                summary.covered,
                summary.teams,
                summary.overloaded,
                if shown == Some(choice) {
                    "  <- shown"
                } else {
                    ""
                }
            );
        }
    }
    out
}
