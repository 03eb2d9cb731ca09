//! `orgraph export`: a workspace's scenario as a chart (PDF, PNG, SVG) or
//! data (CSV, XLSX, JSON, DOT, Mermaid), written atomically.

use clap::Args;
use orgraph::error::OrgError;
use orgraph::export::{chart_title, export_file, FileExport, FileFormat};
use orgraph::model::PersonId;
use orgraph::render::{ColourBy, PageSize};
use orgraph::session::Session;
use orgraph::store::BASELINE;
use std::path::PathBuf;

/// Export a workspace's org as a chart or as data.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Workspace file (.orgraph).
    workspace: PathBuf,
    /// The scenario to export (default: baseline).
    #[arg(long)]
    scenario: Option<String>,
    /// pdf, png or svg (a chart, never showing cost), or csv, xlsx, json,
    /// dot or mermaid (data).
    #[arg(long, value_parser = parse::<FileFormat>)]
    format: FileFormat,
    /// The file to write (replaced only once the export is complete).
    #[arg(long, short)]
    output: PathBuf,
    /// Export only this person and everyone below them.
    #[arg(long)]
    root: Option<String>,
    /// Layers to export, the root (or each top-level root) being layer 1.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    depth: Option<u32>,
    /// PDF page size: a4, letter or a3.
    #[arg(long, default_value = "a4", value_parser = parse::<PageSize>)]
    page: PageSize,
    /// PDF pages in landscape.
    #[arg(long)]
    landscape: bool,
    /// Data formats: leave every cost value out.
    #[arg(long)]
    redact_cost: bool,
    /// Charts: colour boxes by team, verdict, placement or status.
    #[arg(long, default_value = "team", value_parser = parse::<ColourBy>)]
    colour: ColourBy,
}

fn parse<T: std::str::FromStr<Err = OrgError>>(text: &str) -> Result<T, String> {
    text.parse().map_err(|e: OrgError| e.to_string())
}

pub(super) fn run(args: ExportArgs) -> Result<(), OrgError> {
    let scenario = args.scenario.as_deref().unwrap_or(BASELINE);
    let session = Session::open_at(&args.workspace, scenario, None)?;
    let export = FileExport {
        format: args.format,
        root: args.root.map(PersonId::new),
        depth: args.depth,
        redact_cost: args.redact_cost,
        title: chart_title(&args.workspace, scenario),
        date: orgraph::date::today().to_string(),
        page: args.page,
        landscape: args.landscape,
        colour_by: args.colour,
        replace: true,
    };
    let written = export_file(session.org(), session.metrics(), &export, &args.output)?;
    let pages = match written.pages {
        Some(1) => ", 1 page".to_string(),
        Some(n) => format!(", {n} pages"),
        None => String::new(),
    };
    eprintln!(
        "wrote {} ({} bytes{pages}) to {}",
        args.format,
        written.bytes,
        args.output.display()
    );
    Ok(())
}
