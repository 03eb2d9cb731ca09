//! `orgraph settings`: show or change the span band, team-size target,
//! max staff+ load and career ladder. Without `--scenario` they are the
//! workspace's (the baseline and every scenario use them, and no change
//! list records them); with `--scenario NAME` they are set in that
//! scenario only, as an undoable change of its list.

use super::{io_error, parse_band, print_json, print_out};
use clap::Args;
use orgraph::error::OrgError;
use orgraph::health::LayerGuidance;
use orgraph::model::{Ladder, Policy};
use orgraph::scenario::{Change, Target};
use orgraph::session::{Overrides, Session};
use orgraph::store::BASELINE;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub(super) struct SettingsArgs {
    /// Workspace file (.orgraph).
    #[arg(long)]
    workspace: PathBuf,
    /// Show or set the settings of this scenario only (an undoable change
    /// in its list); without it, the workspace's, for every scenario.
    #[arg(long)]
    scenario: Option<String>,
    /// Span-of-control band, e.g. 5-8.
    #[arg(long, value_parser = parse_band)]
    band: Option<(u32, u32)>,
    /// Target team size (members), e.g. 5-9.
    #[arg(long, value_parser = parse_band)]
    team_size: Option<(u32, u32)>,
    /// Most teams a staff+ engineer supports before counting as overloaded.
    #[arg(long)]
    max_load: Option<u32>,
    /// Career ladder as JSON: an array of {code, track, rank, staff_plus},
    /// as the `ladder` of `--json`.
    #[arg(long, value_name = "FILE")]
    ladder: Option<PathBuf>,
    /// Layer guidance for the deep-chain health check, e.g.
    /// 500:5,5000:7,9 (up to 500 people 5 layers, up to 5,000 7, above
    /// 9). A workspace setting: not with --scenario.
    #[arg(long, value_name = "SIZE:LAYERS,...,LAYERS")]
    layers: Option<LayerGuidance>,
    /// Print the settings as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Shown<'a> {
    scenario: &'a str,
    policy: &'a Policy,
    ladder: &'a Ladder,
    /// The workspace's layer guidance (no scenario sets its own).
    layers: &'a LayerGuidance,
    /// What the scenario sets for itself instead of using the workspace's.
    overrides: Overrides,
}

pub(super) fn run(args: SettingsArgs) -> Result<(), OrgError> {
    if args.layers.is_some() && args.scenario.is_some() {
        return Err(OrgError::InvalidInput(
            "the layer guidance is the workspace's, for every scenario: leave out --scenario to set it"
                .into(),
        ));
    }
    let scenario = args.scenario.as_deref().unwrap_or(BASELINE);
    let mut session = Session::open_at(&args.workspace, scenario, None)?;
    let ladder = match &args.ladder {
        Some(path) => Some(read_ladder(path)?),
        None => None,
    };
    // The workspace's own values, not a baseline override's, are what a
    // workspace change starts from.
    let current = match args.scenario {
        None => session.workspace_settings()?.0,
        Some(_) => session.org().policy,
    };
    let policy = edited(&current, &args);
    if policy.is_some() || ladder.is_some() {
        match &args.scenario {
            None => {
                session.set_workspace_settings(policy, ladder)?;
                eprintln!("workspace settings saved; every scenario uses them");
                for (name, own) in session.scenarios_with_own_settings()? {
                    eprintln!("{name} keeps its own {}", own_words(own));
                }
            }
            Some(name) if name == BASELINE => {
                return Err(OrgError::InvalidInput(
                    "the baseline uses the workspace's settings: leave out --scenario to change them"
                        .into(),
                ));
            }
            Some(name) => {
                // Only the asked-for targets are pinned; the others keep
                // following the workspace.
                let mut changes: Vec<Change> = policy
                    .map(|policy| Target::differences(&current, &policy))
                    .unwrap_or_default()
                    .into_iter()
                    .map(|target| Change::SetTarget { target })
                    .collect();
                if let Some(ladder) = ladder {
                    changes.push(Change::SetLadder { ladder });
                }
                if changes.is_empty() {
                    return Err(OrgError::InvalidInput(format!(
                        "{name} already uses those settings"
                    )));
                }
                let reason = format!("settings of {name} only");
                let last = session.apply_all(changes, &reason)?;
                eprintln!("{name}: change {last}: settings in this scenario only");
            }
        }
    }
    if let Some(layers) = &args.layers {
        session.set_layer_guidance(layers)?;
        eprintln!("layer guidance saved: {layers}");
    }
    show(&session, args.json)
}

/// The scenario's policy with the asked-for fields replaced; `None` when
/// none is asked for.
fn edited(current: &Policy, args: &SettingsArgs) -> Option<Policy> {
    if args.band.is_none() && args.team_size.is_none() && args.max_load.is_none() {
        return None;
    }
    let mut policy = *current;
    if let Some((min, max)) = args.band {
        (policy.band_min, policy.band_max) = (min, max);
    }
    if let Some((min, max)) = args.team_size {
        (policy.team_min, policy.team_max) = (min, max);
    }
    if let Some(load) = args.max_load {
        policy.max_load = load;
    }
    Some(policy)
}

fn read_ladder(path: &std::path::Path) -> Result<Ladder, OrgError> {
    let text = std::fs::read_to_string(path).map_err(io_error(path))?;
    serde_json::from_str(&text)
        .map_err(|e| OrgError::InvalidInput(format!("{}: not a ladder: {e}", path.display())))
}

/// e.g. `span band and ladder`.
fn own_words(own: Overrides) -> String {
    let words: Vec<&str> = [
        (own.band, "span band"),
        (own.team_size, "team size target"),
        (own.max_load, "max load"),
        (own.ladder, "ladder"),
    ]
    .into_iter()
    .filter_map(|(own, word)| own.then_some(word))
    .collect();
    match words.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

fn show(session: &Session, json: bool) -> Result<(), OrgError> {
    let org = session.org();
    let layers = session.layer_guidance()?;
    let scenario = session.scenario().name.as_str();
    let overrides = session.overrides();
    if json {
        return print_json(&Shown {
            scenario,
            policy: &org.policy,
            ladder: &org.ladder,
            layers: &layers,
            overrides,
        });
    }
    let p = &org.policy;
    let source = |own: bool| {
        if own {
            "this scenario only"
        } else {
            "workspace"
        }
    };
    let mut text = String::new();
    let _ = writeln!(text, "Settings of {scenario}");
    let _ = writeln!(
        text,
        "  span band   {}-{}  ({})",
        p.band_min,
        p.band_max,
        source(overrides.band)
    );
    let _ = writeln!(
        text,
        "  team size   {}-{}  ({})",
        p.team_min,
        p.team_max,
        source(overrides.team_size)
    );
    let _ = writeln!(
        text,
        "  max load    {}  ({})",
        p.max_load,
        source(overrides.max_load)
    );
    let codes: Vec<&str> = org
        .ladder
        .levels()
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    let _ = writeln!(
        text,
        "  ladder      {} levels: {}  ({})",
        codes.len(),
        codes.join(" "),
        source(overrides.ladder)
    );
    let _ = writeln!(text, "  layers      {layers}  (workspace)");
    print_out(&text)
}
