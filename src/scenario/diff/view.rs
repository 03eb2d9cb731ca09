//! A comparison as the app shows it: the metric rows, and each diff as the
//! lines [`PairDiff::lines`] words. The structured diff carries field
//! values, an individual's cost among them; its lines say only that a cost
//! changed, so this view is what leaves the core for a screen.

use super::{Comparison, DiffLine, MetricRow, PairDiff};
use serde::Serialize;

/// One diff, as lines to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DiffView {
    pub from: String,
    pub to: String,
    pub lines: Vec<DiffLine>,
}

impl DiffView {
    pub fn of(diff: &PairDiff) -> DiffView {
        DiffView {
            from: diff.from.clone(),
            to: diff.to.clone(),
            lines: diff.lines(),
        }
    }
}

/// A comparison without any individual's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ComparisonView {
    /// The baseline first, then each scenario asked for.
    pub scenarios: Vec<String>,
    pub metrics: Vec<MetricRow>,
    pub against_baseline: Vec<DiffView>,
    pub pairwise: Vec<DiffView>,
    /// Per scenario, its own settings where they differ from the
    /// baseline's, worded (`None` for the others).
    pub settings: Vec<Option<String>>,
}

impl Comparison {
    /// The comparison as the app shows it.
    pub fn view(&self) -> ComparisonView {
        ComparisonView {
            scenarios: self.scenarios.clone(),
            metrics: self.metrics.clone(),
            against_baseline: self.against_baseline.iter().map(DiffView::of).collect(),
            pairwise: self.pairwise.iter().map(DiffView::of).collect(),
            settings: self.settings.clone(),
        }
    }
}
