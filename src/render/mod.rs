//! Org charts as files: SVG, PNG and paginated PDF, drawn from the core's
//! tidy-tree layout.
//!
//! * [`compact`] — the layout used for exports and the app's chart (it
//!   lives in [`crate::layout::compact`]): wide spans of individual
//!   contributors stacked in columns, still linear time.
//! * `scene` — which people a chart shows (`root`/`depth` cut), their labels
//!   and colour keys, and the drawing of any subset of them.
//! * `readable` — the whole-chart layout of SVG and PNG exports: a chart
//!   far wider than tall is folded, big subtrees packed in rows under their
//!   manager, to about a screen's proportions.
//! * `svg` — the SVG text (boxes, orthogonal connectors, dashed dotted
//!   lines, header, legend), deterministic to the byte.
//! * `png` — rasterised with resvg, shrunk to fit the size limits while
//!   names stay legible; `pdf` and `paginate` — one page per
//!   subtree when the chart does not fit on a page at a legible scale.
//!
//! Text is set in DejaVu Sans, embedded in the binary (`font`), so every
//! machine renders the same output; system fonts are never loaded. Charts
//! show names, titles, teams, statuses and span verdicts, never cost or
//! compensation.

mod breadcrumb;
mod colour;
pub use crate::layout::compact;
mod font;
mod paginate;
mod pdf;
mod placeholders;
mod png;
mod readable;
mod scene;
mod svg;

use crate::error::Result;
use crate::metrics::Metrics;
use crate::model::{Org, PersonId};

pub use compact::{compact_tree, first_overlap, CompactLayout, CompactOptions};
pub use png::{MAX_PNG_PIXELS, MAX_PNG_SIDE, MIN_LEGIBLE_SCALE, MIN_NAME_PX};

/// What the box colours say.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ColourBy {
    /// The home team (a palette cycled in team order; no team is neutral).
    #[default]
    Team,
    /// Managers by their span's verdict against the band (narrow, in band,
    /// wide); individual contributors neutral.
    Verdict,
    /// Staff+ engineers by placement (embedded, central); everyone else
    /// neutral.
    Placement,
    /// Active, open req, planned hire, departing.
    Status,
}

/// PDF page sizes (portrait; see [`ChartOptions::landscape`]).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum PageSize {
    #[default]
    A4,
    Letter,
    A3,
}

impl PageSize {
    /// Portrait width and height in PDF points (1/72 in).
    pub fn points(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (595.28, 841.89),
            PageSize::Letter => (612.0, 792.0),
            PageSize::A3 => (841.89, 1190.55),
        }
    }
}

/// How to draw a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    pub colour_by: ColourBy,
    /// Draw only this person and the people below them.
    pub root: Option<PersonId>,
    /// Levels below the root(s) to draw: `Some(0)` is the root(s) alone.
    /// People whose reports are cut off say how many are below them.
    pub depth: Option<u32>,
    /// Shown in the header (and on every PDF page).
    pub title: String,
    /// Shown under the title as given (e.g. `2026-11-27`); empty for none.
    pub date: String,
    /// PDF page size.
    pub page: PageSize,
    /// PDF pages in landscape.
    pub landscape: bool,
    /// Stack wide spans of individual contributors in columns.
    pub compact: bool,
    /// Show each person's team under their title.
    pub show_team: bool,
    /// PNG pixels per SVG pixel (lowered, down to
    /// [`MIN_LEGIBLE_SCALE`], when the image would be too big).
    pub scale: f32,
}

impl Default for ChartOptions {
    fn default() -> ChartOptions {
        ChartOptions {
            colour_by: ColourBy::Team,
            root: None,
            depth: None,
            title: "Org chart".to_string(),
            date: String::new(),
            page: PageSize::A4,
            landscape: false,
            compact: true,
            show_team: true,
            scale: 1.0,
        }
    }
}

/// The chart as one SVG document. Fails with
/// [`OrgError::PersonNotFound`](crate::OrgError::PersonNotFound) for an
/// unknown `root`.
pub fn render_svg(org: &Org, metrics: &Metrics, options: &ChartOptions) -> Result<String> {
    let chart = scene::Chart::for_image(org, metrics, options)?;
    Ok(svg::document(&chart, options))
}

/// The chart as a PNG, `options.scale` pixels per SVG pixel, or fewer when
/// the image would exceed [`MAX_PNG_SIDE`] or [`MAX_PNG_PIXELS`]. Fails
/// with [`OrgError::ImageTooLarge`](crate::OrgError::ImageTooLarge) when
/// fitting would shrink it below [`MIN_LEGIBLE_SCALE`] (see `png`).
pub fn render_png(org: &Org, metrics: &Metrics, options: &ChartOptions) -> Result<Vec<u8>> {
    let chart = scene::Chart::for_image(org, metrics, options)?;
    let (sheet, scale) = png_plan(&chart, options)?;
    png::rasterise(&sheet.to_svg(&chart), scale)
}

/// The sheet a PNG draws and the scale it is drawn at. The sheet's size is
/// known before its text is written, so a chart that is too big is refused
/// before seconds and memory are spent drawing it.
fn png_plan(chart: &scene::Chart, options: &ChartOptions) -> Result<(svg::Sheet, f32)> {
    let sheet = svg::Sheet::new(chart, options);
    let scale = png::fit_scale(sheet.width, sheet.height, options.scale)?;
    Ok((sheet, scale))
}

/// The chart as a PDF of `options.page` pages, split into subtree pages
/// when it does not fit on one page at a legible scale.
pub fn render_pdf(org: &Org, metrics: &Metrics, options: &ChartOptions) -> Result<Vec<u8>> {
    let chart = scene::Chart::build(org, metrics, options)?;
    pdf::render(&chart, options)
}

#[cfg(test)]
pub(crate) mod tests;
