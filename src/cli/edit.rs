//! The CLI's scenario and editing commands. Each one that changes the
//! workspace commits one transaction or nothing.

use super::{parse_date, print_json, print_out};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use orgraph::error::OrgError;
use orgraph::model::{PersonId, Status};
use orgraph::money::Money;
use orgraph::scenario::{
    render_list, Change, ChangeEntry, ConflictReason, NewPerson, ScenarioConflicts,
};
use orgraph::session::Session;
use orgraph::store::{Workspace, BASELINE};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub(super) struct Target {
    /// Workspace file (.orgraph).
    #[arg(long)]
    workspace: PathBuf,
    /// Scenario to work on (default: baseline).
    #[arg(long, default_value = BASELINE)]
    scenario: String,
}

#[derive(Debug, Subcommand)]
pub(super) enum EditCommand {
    /// List, create, rename, duplicate or delete scenarios.
    Scenario {
        #[command(subcommand)]
        action: ScenarioAction,
        /// Workspace file (.orgraph).
        #[arg(long, global = true)]
        workspace: Option<PathBuf>,
    },
    /// Move a person to a new manager.
    Move {
        /// The person's id.
        person: String,
        /// The new manager's id.
        #[arg(long, required_unless_present = "root")]
        to: Option<String>,
        /// Make the person a root (no manager) instead.
        #[arg(long, conflicts_with = "to")]
        root: bool,
        #[command(flatten)]
        target: Target,
        /// Date the move takes effect (YYYY-MM-DD); at once when omitted.
        #[arg(long, value_parser = parse_date)]
        effective: Option<NaiveDate>,
    },
    /// Add an open req (or, with --planned, a planned hire).
    Hire(HireArgs),
    /// Undo the scenario's last change (it stays available to redo).
    Undo {
        #[command(flatten)]
        target: Target,
    },
    /// Redo the scenario's next undone change.
    Redo {
        #[command(flatten)]
        target: Target,
    },
    /// Compare the baseline with one or more scenarios (and each pair).
    Diff {
        #[arg(long)]
        workspace: PathBuf,
        /// A scenario to compare; repeat for more.
        #[arg(long = "scenario", required = true)]
        scenarios: Vec<String>,
        /// Compare the orgs as of this date (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// Headcount and cost per quarter for the next 8 quarters.
    Plan {
        #[command(flatten)]
        target: Target,
        /// First day counted as "today" (default: today).
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// List stored metrics snapshots, oldest first.
    History {
        #[arg(long)]
        workspace: PathBuf,
        /// Only this scenario's snapshots.
        #[arg(long)]
        scenario: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List a scenario's changes (applied and redoable).
    Changes {
        #[command(flatten)]
        target: Target,
        #[arg(long)]
        json: bool,
    },
    /// Set (or with --clear remove) a department's annual budget.
    Budget {
        department: String,
        #[arg(long, value_parser = parse_money, required_unless_present = "clear")]
        amount: Option<Money>,
        #[arg(long, conflicts_with = "amount")]
        clear: bool,
        #[arg(long)]
        workspace: PathBuf,
    },
}

// The options of `hire`. The command's description is the doc comment of
// `EditCommand::Hire`.
#[derive(Debug, Args)]
pub(super) struct HireArgs {
    #[arg(long)]
    title: String,
    /// Team id or name.
    #[arg(long)]
    team: String,
    /// Hiring manager's id.
    #[arg(long)]
    manager: String,
    /// Annual cost, e.g. 145000 or 131999.92.
    #[arg(long, value_parser = parse_money)]
    cost: Money,
    /// Target start date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    date: NaiveDate,
    /// A planned hire rather than an open req.
    #[arg(long)]
    planned: bool,
    /// Id for the new person (default: the next free REQ-n).
    #[arg(long)]
    id: Option<String>,
    #[arg(long, default_value = "")]
    level: String,
    #[command(flatten)]
    target: Target,
}

#[derive(Debug, Subcommand)]
pub(super) enum ScenarioAction {
    List {
        #[arg(long)]
        json: bool,
    },
    /// Branch a new scenario from the baseline (default) or another
    /// scenario (`--from`).
    #[command(visible_alias = "new")]
    Create {
        name: String,
        #[arg(long, default_value = BASELINE)]
        from: String,
    },
    Rename {
        old: String,
        new: String,
    },
    Duplicate {
        name: String,
        new: String,
    },
    Delete {
        name: String,
    },
    /// Re-check a scenario's changes against the baseline as it stands
    /// (after a re-import, say) and list those that no longer apply.
    Rebase {
        name: String,
        #[arg(long)]
        json: bool,
    },
}

/// What `scenario list` says of a scenario's changes that do not apply.
fn conflicts_note(conflicts: Option<u32>) -> String {
    match conflicts {
        Some(0) => String::new(),
        Some(1) => ", 1 does not apply".into(),
        Some(n) => format!(", {n} do not apply"),
        None => ", not checked since the baseline changed (scenario rebase checks it)".into(),
    }
}

fn parse_money(text: &str) -> Result<Money, String> {
    Money::parse(text).map_err(|e| e.to_string())
}

fn open(target: &Target) -> Result<Session, OrgError> {
    Session::open_at(&target.workspace, &target.scenario, None)
}

pub(super) fn run(command: EditCommand) -> Result<(), OrgError> {
    match command {
        EditCommand::Scenario { action, workspace } => {
            let path = workspace.ok_or_else(|| {
                OrgError::InvalidInput("scenario commands need --workspace FILE".into())
            })?;
            scenario(action, &path)
        }
        EditCommand::Move {
            person,
            to,
            root,
            target,
            effective,
        } => {
            let mut session = open(&target)?;
            let manager = if root { None } else { to.map(PersonId::new) };
            let change = Change::Move {
                person: PersonId::new(person),
                manager,
            };
            let text = session.describe(&change);
            let position = session.apply(change, effective)?;
            eprintln!("{}: change {position}: {text}", session.scenario().name);
            Ok(())
        }
        EditCommand::Hire(args) => hire(args),
        EditCommand::Undo { target } => {
            let mut session = open(&target)?;
            session.undo()?;
            let scenario = session.scenario();
            eprintln!(
                "{}: undone; {} of {} change(s) applied",
                scenario.name, scenario.head, scenario.changes
            );
            Ok(())
        }
        EditCommand::Redo { target } => {
            let mut session = open(&target)?;
            session.redo()?;
            let scenario = session.scenario();
            eprintln!(
                "{}: redone; {} of {} change(s) applied",
                scenario.name, scenario.head, scenario.changes
            );
            Ok(())
        }
        EditCommand::Diff {
            workspace,
            scenarios,
            as_of,
            json,
        } => {
            let mut session = Session::open(&workspace)?;
            let comparison = session.compare(&scenarios, as_of)?;
            for name in &scenarios {
                super::warn_conflicts(&session.check_scenario(name)?);
            }
            if json {
                print_json(&comparison)
            } else {
                print_out(&comparison.render_text())
            }
        }
        EditCommand::Plan {
            target,
            today,
            json,
        } => {
            let mut session = open(&target)?;
            let plan = session.plan(today.unwrap_or_else(orgraph::date::today))?;
            if json {
                print_json(&plan)
            } else {
                print_out(&plan.render_text())
            }
        }
        EditCommand::History {
            workspace,
            scenario,
            json,
        } => history(&workspace, scenario.as_deref(), json),
        EditCommand::Changes { target, json } => list_changes(&target, json),
        EditCommand::Budget {
            department,
            amount,
            clear,
            workspace,
        } => {
            let mut workspace = Workspace::open(&workspace)?;
            workspace.set_budget(&department, if clear { None } else { amount })
        }
    }
}

/// Adds an open req (or planned hire) to the target scenario and prints
/// its id.
fn hire(args: HireArgs) -> Result<(), OrgError> {
    let HireArgs {
        title,
        team,
        manager,
        cost,
        date,
        planned,
        id,
        level,
        target,
    } = args;
    let mut session = open(&target)?;
    let team = session
        .org()
        .teams()
        .iter()
        .find(|t| t.id.as_str() == team)
        .or_else(|| session.org().teams().iter().find(|t| t.name == team))
        .map(|t| t.id.clone())
        .ok_or_else(|| OrgError::InvalidInput(format!("no team with id or name '{team}'")))?;
    let id = match id {
        Some(id) => PersonId::new(id),
        None => session.unused_person_id("REQ"),
    };
    let change = Change::AddPerson {
        person: NewPerson {
            id: id.clone(),
            name: String::new(),
            title,
            level,
            location: String::new(),
            cost: Some(cost),
            status: if planned {
                Status::Planned
            } else {
                Status::Open
            },
            team: Some(team),
            start_date: Some(date),
        },
        manager: Some(PersonId::new(manager)),
    };
    let position = session.apply(change, None)?;
    eprintln!("{}: change {position}: added {id}", session.scenario().name);
    println!("{id}");
    Ok(())
}

/// Prints the stored metrics snapshots, oldest first: every scenario's,
/// or only `scenario`'s.
fn history(path: &Path, scenario: Option<&str>, json: bool) -> Result<(), OrgError> {
    let workspace = Workspace::open(path)?;
    if let Some(name) = scenario {
        workspace.scenario(name)?;
    }
    let rows = workspace.snapshots(scenario)?;
    if json {
        return print_json(&rows);
    }
    let mut out = String::from(
        "id  scenario          as of       people  managers  layers  median span  narrow  wide  reason\n",
    );
    for r in &rows {
        let _ = writeln!(
            out,
            "{:<3} {:<17} {:<11} {:>6}  {:>8}  {:>6}  {:>11.1}  {:>6}  {:>4}  {}",
            r.id,
            r.scenario,
            r.as_of.map(|d| d.to_string()).unwrap_or_default(),
            r.people,
            r.managers,
            r.layers,
            r.span_median,
            r.band_narrow,
            r.band_wide,
            r.reason
        );
    }
    print_out(&out)
}

/// Prints a scenario's changes (applied, undone, in conflict) and the
/// conflicts.
fn list_changes(target: &Target, json: bool) -> Result<(), OrgError> {
    let session = open(target)?;
    let conflicts = session.conflicts();
    let conflict_at = |position| {
        conflicts
            .iter()
            .find(|c| c.position == position)
            .map(|c| &c.reason)
    };
    if json {
        let listed: Vec<ListedChange<'_>> = session
            .changes()
            .iter()
            .map(|entry| ListedChange {
                entry,
                conflict: conflict_at(entry.position),
            })
            .collect();
        return print_json(&listed);
    }
    let mut out = String::new();
    for line in session.change_lines() {
        let state = if !line.applied {
            "(undone)"
        } else if conflict_at(line.position).is_some() {
            "(conflict)"
        } else {
            " "
        };
        let effective = line
            .effective
            .map(|d| format!(" [effective {d}]"))
            .unwrap_or_default();
        let ids = if line.ids.is_empty() {
            String::new()
        } else {
            let ids: Vec<&str> = line.ids.iter().map(|id| id.as_str()).collect();
            format!("  [{}]", ids.join(", "))
        };
        let _ = writeln!(
            out,
            "{:>4} {state} {}{effective}{ids}",
            line.position, line.description
        );
    }
    out.push_str(&render_list(&conflicts, ALL));
    print_out(&out)
}

fn scenario(action: ScenarioAction, path: &std::path::Path) -> Result<(), OrgError> {
    if let ScenarioAction::Rebase { name, json } = &action {
        let checked = Session::open(path)?.check_scenario(name)?;
        if *json {
            return print_json(&checked);
        }
        return print_out(&render_check(&checked));
    }
    let mut workspace = Workspace::open(path)?;
    match action {
        ScenarioAction::List { json } => {
            let scenarios = workspace.scenarios()?;
            if json {
                return print_json(&scenarios);
            }
            let mut out = String::new();
            for s in &scenarios {
                let from = s
                    .parent
                    .as_ref()
                    .map(|p| format!(" (from {p})"))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{}{from}: {} of {} change(s) applied{}",
                    s.name,
                    s.head,
                    s.changes,
                    conflicts_note(s.conflicts)
                );
            }
            print_out(&out)
        }
        ScenarioAction::Create { name, from } => {
            let created = workspace.create_scenario(&name, &from)?;
            eprintln!("created scenario '{}' from '{from}'", created.name);
            Ok(())
        }
        ScenarioAction::Rename { old, new } => {
            workspace.rename_scenario(&old, &new)?;
            eprintln!("renamed scenario '{old}' to '{new}'");
            Ok(())
        }
        ScenarioAction::Duplicate { name, new } => {
            workspace.duplicate_scenario(&name, &new)?;
            eprintln!("duplicated scenario '{name}' as '{new}'");
            Ok(())
        }
        ScenarioAction::Delete { name } => {
            workspace.delete_scenario(&name)?;
            eprintln!("deleted scenario '{name}'");
            Ok(())
        }
        ScenarioAction::Rebase { .. } => Ok(()),
    }
}

/// Conflicts listed in full: a scenario's own check.
const ALL: usize = usize::MAX;

/// The report of `scenario rebase`: how many changes were checked, and
/// those that do not apply.
fn render_check(checked: &ScenarioConflicts) -> String {
    if checked.conflicts.is_empty() {
        return format!(
            "scenario '{}': all {} applied change(s) apply\n",
            checked.scenario, checked.checked
        );
    }
    format!(
        "scenario '{}': {} applied change(s) checked; {}",
        checked.scenario,
        checked.checked,
        checked.render_text(ALL)
    )
}

/// A stored change as `changes --json` lists it: with its conflict, if
/// it has one.
#[derive(serde::Serialize)]
struct ListedChange<'a> {
    #[serde(flatten)]
    entry: &'a ChangeEntry,
    #[serde(skip_serializing_if = "Option::is_none")]
    conflict: Option<&'a ConflictReason>,
}
