//! The readable text report printed by `orgraph metrics` without `--json`.

use super::{Metrics, Verdict};
use std::fmt::Write;

fn ratio(value: Option<f64>) -> String {
    value.map_or_else(|| "n/a".to_string(), |v| format!("{v:.2}"))
}

/// Renders the summary, the span histogram, managers out of band (worst
/// first, at most `max_listed`) and coverage.
pub fn render_text(metrics: &Metrics, max_listed: usize) -> String {
    let mut out = String::new();
    let m = metrics;
    // Writing to a String cannot fail.
    let _ = writeln!(out, "Org metrics ({} view)", m.view.as_str());
    let _ = writeln!(out, "  people            {}", m.people);
    let _ = writeln!(out, "  managers          {}", m.managers);
    let _ = writeln!(out, "  ICs               {}", m.ics);
    let _ = writeln!(out, "  roots             {}", m.roots);
    let _ = writeln!(out, "  layers            {}", m.layers);
    let _ = writeln!(out, "  manager:IC ratio  1:{}", ratio(m.manager_ic_ratio));
    let _ = writeln!(
        out,
        "  span of control   min {}  median {}  mean {:.2}  max {}",
        m.span.min, m.span.median, m.span.mean, m.span.max
    );
    let _ = writeln!(
        out,
        "  band {}-{}          narrow {}  in band {}  wide {}  (single-report {})",
        m.band.min, m.band.max, m.band.narrow, m.band.in_band, m.band.wide, m.band.single_report
    );
    if !m.span_histogram.is_empty() {
        let _ = writeln!(out, "\nSpan histogram (managers per span)");
        let widest = m
            .span_histogram
            .iter()
            .map(|b| b.managers)
            .max()
            .unwrap_or(1)
            .max(1);
        for bucket in &m.span_histogram {
            let bar = "#".repeat(((bucket.managers * 40).div_ceil(widest)) as usize);
            let _ = writeln!(out, "  {:>4}  {:>8}  {bar}", bucket.span, bucket.managers);
        }
    }
    let mut out_of_band: Vec<_> = m
        .span_by_manager
        .iter()
        .filter(|s| s.verdict != Verdict::InBand)
        .collect();
    if !out_of_band.is_empty() {
        let band_mid = f64::from(m.band.min + m.band.max) / 2.0;
        out_of_band.sort_by(|a, b| {
            let distance = |span: u32| (f64::from(span) - band_mid).abs();
            distance(b.span)
                .total_cmp(&distance(a.span))
                .then_with(|| a.id.cmp(&b.id))
        });
        let _ = writeln!(out, "\nManagers out of band ({})", out_of_band.len());
        for span in out_of_band.iter().take(max_listed) {
            let verdict = if span.verdict == Verdict::Narrow {
                "narrow"
            } else {
                "wide"
            };
            let _ = writeln!(out, "  {:<16} span {:>3}  {verdict}", span.id, span.span);
        }
        if out_of_band.len() > max_listed {
            let _ = writeln!(out, "  ... and {} more", out_of_band.len() - max_listed);
        }
    }
    let c = &m.coverage;
    let _ = writeln!(out, "\nStaff+ coverage");
    let _ = writeln!(
        out,
        "  teams covered     {}/{} ({})",
        c.covered,
        c.teams,
        c.coverage_ratio
            .map_or_else(|| "n/a".to_string(), |r| format!("{:.0}%", r * 100.0))
    );
    let _ = writeln!(
        out,
        "  staff+            {} (embedded {}, central {}, unplaced {})",
        c.staff_plus, c.embedded, c.central, c.unplaced
    );
    let _ = writeln!(
        out,
        "  staff+:IC eng     {} ({} IC engineers)",
        ratio(c.staff_plus_to_ic_engineer_ratio),
        c.ic_engineers
    );
    let _ = writeln!(
        out,
        "  overloaded        {} (load > {})",
        c.overloaded, c.max_load
    );
    if !m.warnings.is_empty() {
        let _ = writeln!(out, "\nWarnings ({})", m.warnings.len());
        for warning in m.warnings.iter().take(max_listed) {
            let _ = writeln!(out, "  {warning}");
        }
    }
    out
}
