//! SVG text for charts and chart pages. Output is deterministic: elements in
//! chart order, numbers rounded to two decimals and printed the same way on
//! every platform, all text XML-escaped.

use super::colour::mode_label;
use super::font::{fit, text_width, FAMILY};
use super::readable::readable_drawing;
use super::scene::{Chart, Drawing, LAYOUT};
use super::ChartOptions;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::fmt::Write as _;

const MARGIN: f32 = 24.0;
/// Font size of a person's name, the largest text in a box.
pub(crate) const NAME_SIZE: f32 = 13.0;
const LINE: &str = "#6b7280";
const INK: &str = "#111827";

/// `text` with `& < > " '` replaced by entities; other control characters
/// (which XML 1.0 forbids) dropped.
pub(crate) fn escape(text: &str) -> Cow<'_, str> {
    let special = |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'') || bad_control(c);
    if !text.chars().any(special) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if bad_control(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn bad_control(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// A coordinate rounded to two decimals, without trailing zeros or `-0`.
pub(crate) fn num(value: f32) -> String {
    let rounded = (f64::from(value) * 100.0).round() / 100.0;
    if rounded == 0.0 || !rounded.is_finite() {
        "0".to_string()
    } else {
        format!("{rounded}")
    }
}

/// Text element, cut to `max` px wide. `attrs` are extra attributes.
pub(crate) fn text(
    out: &mut String,
    (x, y): (f32, f32),
    size: f32,
    bold: bool,
    max: f32,
    attrs: &str,
    s: &str,
) {
    let s = fit(s, size, bold, max);
    let weight = if bold { " font-weight=\"bold\"" } else { "" };
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight}{attrs}>{}</text>",
        num(x),
        num(y),
        num(size),
        escape(&s)
    );
}

/// Orthogonal connectors of a drawing, as one path's data: a manager down
/// to a bus, the bus across the reports, down to each report; stacked
/// reports hang off their column's spine. A manager whose reports are
/// folded into rows has a trunk down its left instead, and a bus per row.
fn connectors(drawing: &Drawing) -> String {
    let l = &drawing.placed.layout;
    let f = &drawing.forest;
    let half_gap = LAYOUT.level_gap / 2.0;
    let mut d = String::new();
    for v in 0..drawing.nodes.len() as u32 {
        let kids = f.children(v);
        if kids.is_empty() {
            continue;
        }
        if let Some(trunk) = drawing.trunk_of(v) {
            folded_connectors(&mut d, drawing, v, trunk);
            continue;
        }
        if drawing.placed.is_stacked(v) {
            team_connectors(&mut d, drawing, v);
            continue;
        }
        let vi = v as usize;
        let centre = l.x[vi] + l.width[vi] / 2.0;
        let bottom = l.y[vi] + l.height[vi];
        let bus = bottom + half_gap;
        let _ = write!(d, "M{} {}V{}", num(centre), num(bottom), num(bus));
        let (mut lo, mut hi) = (centre, centre);
        let mut drops = String::new();
        // Spines in order of first use, with their lowest stub.
        let mut spines: Vec<(f32, f32)> = Vec::new();
        for &c in kids {
            let ci = c as usize;
            let mid = l.y[ci] + l.height[ci] / 2.0;
            if drawing.placed.is_stacked(c) {
                let s = drawing.placed.spine[ci];
                match spines.iter_mut().find(|(x, _)| x.to_bits() == s.to_bits()) {
                    Some(spine) => spine.1 = spine.1.max(mid),
                    None => spines.push((s, mid)),
                }
                let _ = write!(drops, "M{} {}H{}", num(s), num(mid), num(l.x[ci]));
                lo = lo.min(s);
                hi = hi.max(s);
            } else {
                let x = l.x[ci] + l.width[ci] / 2.0;
                let _ = write!(drops, "M{} {}V{}", num(x), num(bus), num(l.y[ci]));
                lo = lo.min(x);
                hi = hi.max(x);
            }
        }
        if hi > lo {
            let _ = write!(d, "M{} {}H{}", num(lo), num(bus), num(hi));
        }
        for (s, end) in spines {
            let _ = write!(d, "M{} {}V{}", num(s), num(bus), num(end));
        }
        d.push_str(&drops);
    }
    d
}

/// Connectors of a team stacked whole in a block: the reports, indented
/// under their manager, hang from one spine down from the manager's box.
fn team_connectors(d: &mut String, drawing: &Drawing, v: u32) {
    let l = &drawing.placed.layout;
    let vi = v as usize;
    let kids = drawing.forest.children(v);
    let Some(&first) = kids.first() else {
        return;
    };
    let spine = drawing.placed.spine[first as usize];
    let mut end = l.y[vi] + l.height[vi];
    let mut stubs = String::new();
    for &c in kids {
        let ci = c as usize;
        let mid = l.y[ci] + l.height[ci] / 2.0;
        let _ = write!(stubs, "M{} {}H{}", num(spine), num(mid), num(l.x[ci]));
        end = end.max(mid);
    }
    let _ = write!(
        d,
        "M{} {}V{}",
        num(spine),
        num(l.y[vi] + l.height[vi]),
        num(end)
    );
    d.push_str(&stubs);
}

/// Extends the row whose bus is at `bus` to reach `x`, or starts it.
fn add_to_row(rows: &mut Vec<(f32, f32)>, bus: f32, x: f32) {
    // Reports come row by row, so the row is nearly always the last one.
    match rows.iter_mut().rev().find(|(y, _)| (*y - bus).abs() < 0.5) {
        Some(row) => row.1 = row.1.max(x),
        None => rows.push((bus, x)),
    }
}

/// Connectors of manager `v`, whose reports are folded into rows: the trunk
/// at `trunk` from the box down to the last row's bus, and each row's bus
/// (half a level gap above the row) across to its last report. A row's
/// items are top-aligned, so a report's bus is found from its own top (a
/// stacked column's from its first box).
fn folded_connectors(d: &mut String, drawing: &Drawing, v: u32, trunk: f32) {
    let l = &drawing.placed.layout;
    let half_gap = LAYOUT.level_gap / 2.0;
    let kids = drawing.forest.children(v);
    // Rows as (bus y, rightmost drop), spines as (x, top, lowest stub).
    let mut rows: Vec<(f32, f32)> = Vec::new();
    let mut spines: Vec<(f32, f32, f32)> = Vec::new();
    let mut drops = String::new();
    for &c in kids {
        let ci = c as usize;
        if drawing.placed.is_stacked(c) {
            let s = drawing.placed.spine[ci];
            let mid = l.y[ci] + l.height[ci] / 2.0;
            let _ = write!(drops, "M{} {}H{}", num(s), num(mid), num(l.x[ci]));
            match spines
                .iter_mut()
                .find(|(x, _, _)| x.to_bits() == s.to_bits())
            {
                Some(spine) => {
                    spine.1 = spine.1.min(l.y[ci]);
                    spine.2 = spine.2.max(mid);
                }
                None => spines.push((s, l.y[ci], mid)),
            }
        } else {
            let x = l.x[ci] + l.width[ci] / 2.0;
            let bus = l.y[ci] - half_gap;
            let _ = write!(drops, "M{} {}V{}", num(x), num(bus), num(l.y[ci]));
            add_to_row(&mut rows, bus, x);
        }
    }
    for &(x, top, end) in &spines {
        let bus = top - half_gap;
        let _ = write!(drops, "M{} {}V{}", num(x), num(bus), num(end));
        add_to_row(&mut rows, bus, x);
    }
    let vi = v as usize;
    let bottom = l.y[vi] + l.height[vi];
    let last = rows.iter().map(|r| r.0).fold(bottom, f32::max);
    let _ = write!(d, "M{} {}V{}", num(trunk), num(bottom), num(last));
    for (bus, right) in rows {
        let _ = write!(d, "M{} {}H{}", num(trunk), num(bus), num(right));
    }
    d.push_str(&drops);
}

/// Connectors, boxes and dotted lines of a drawing, in its own coordinates.
/// `markers` holds an extra line for some chart nodes (e.g. "continued on
/// page 4").
pub(crate) fn write_drawing(
    out: &mut String,
    chart: &Chart,
    drawing: &Drawing,
    markers: &FxHashMap<u32, String>,
) {
    let l = &drawing.placed.layout;
    let d = connectors(drawing);
    if !d.is_empty() {
        let _ = writeln!(
            out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"1.25\"/>"
        );
    }

    let max = chart.size.width - 20.0;
    for (i, &v) in drawing.nodes.iter().enumerate() {
        let label = &chart.labels[v as usize];
        let (x, y) = (l.x[i], l.y[i]);
        let fill = chart.keys[label.key as usize].fill;
        let dashed = if label.placeholder {
            " stroke-dasharray=\"5 3\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" fill=\"{fill}\" stroke=\"#4b5563\"{dashed}/>",
            num(x),
            num(y),
            num(l.width[i]),
            num(l.height[i])
        );
        let tx = x + 10.0;
        text(out, (tx, y + 20.0), NAME_SIZE, true, max, "", &label.name);
        text(
            out,
            (tx, y + 37.0),
            11.0,
            false,
            max,
            " fill=\"#374151\"",
            &label.title,
        );
        let mut last = y + 37.0;
        if chart.show_team {
            last = y + 53.0;
            if let Some(team) = &label.team {
                text(out, (tx, last), 10.0, false, max, " fill=\"#4b5563\"", team);
            }
        }
        let note = match markers.get(&v) {
            Some(m) => Some((m.clone(), "#1d4ed8")),
            None if label.hidden_below > 0 => {
                Some((format!("+{} below", label.hidden_below), "#4b5563"))
            }
            None => None,
        };
        if let Some((note, colour)) = note {
            let attrs = format!(" fill=\"{colour}\"");
            text(out, (tx, last + 17.0), 9.5, true, max, &attrs, &note);
        }
    }

    for (x, y, caption) in &drawing.captions {
        let max = drawing.width().max(chart.size.width);
        text(out, (*x, *y), 14.0, true, max, " fill=\"#374151\"", caption);
    }

    // Dotted lines on top, as dashed curves from manager to report.
    let mut at: FxHashMap<u32, usize> = FxHashMap::default();
    if !chart.dotted.is_empty() {
        at.extend(drawing.nodes.iter().enumerate().map(|(i, &v)| (v, i)));
    }
    let mut dashed = String::new();
    for &(m, r) in &chart.dotted {
        let (Some(&m), Some(&r)) = (at.get(&m), at.get(&r)) else {
            continue;
        };
        let (x1, y1) = (l.x[m] + l.width[m] / 2.0, l.y[m] + l.height[m]);
        let (x2, y2) = (l.x[r] + l.width[r] / 2.0, l.y[r]);
        let bend = ((y2 - y1).abs() / 2.0).max(30.0);
        let _ = write!(
            dashed,
            "M{} {}C{} {} {} {} {} {}",
            num(x1),
            num(y1),
            num(x1),
            num(y1 + bend),
            num(x2),
            num(y2 - bend),
            num(x2),
            num(y2)
        );
    }
    if !dashed.is_empty() {
        let _ = writeln!(
            out,
            "<path d=\"{dashed}\" fill=\"none\" stroke=\"#7c3aed\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"
        );
    }
}

/// Legend keys used by a drawing (sorted) and whether it has dotted lines.
pub(crate) fn used_keys(chart: &Chart, drawing: &Drawing) -> (Vec<u32>, bool) {
    let mut used = vec![false; chart.keys.len()];
    for &v in &drawing.nodes {
        used[chart.labels[v as usize].key as usize] = true;
    }
    let keys = (0..chart.keys.len() as u32)
        .filter(|&k| used[k as usize])
        .collect();
    let mut drawn = FxHashMap::default();
    if !chart.dotted.is_empty() {
        drawn.extend(drawing.nodes.iter().map(|&v| (v, ())));
    }
    let dotted = chart
        .dotted
        .iter()
        .any(|(m, r)| drawn.contains_key(m) && drawn.contains_key(r));
    (keys, dotted)
}

/// Writes a legend at (`x`, `y`) (top left), wrapping at `width` and using
/// at most `max_lines` lines (the rest summed up as "+N more"), with every
/// length scaled by `scale`. Returns its height.
#[allow(clippy::too_many_arguments)]
pub(crate) fn write_legend(
    out: &mut String,
    chart: &Chart,
    keys: &[u32],
    dotted: bool,
    x: f32,
    y: f32,
    width: f32,
    max_lines: usize,
    scale: f32,
) -> f32 {
    let size = 11.0 * scale;
    let line_height = 18.0 * scale;
    let swatch = 12.0 * scale;
    let spacing = 16.0 * scale;
    let title = mode_label(chart.colour_by);
    let mut items: Vec<(Option<&str>, &str)> = keys
        .iter()
        .map(|&k| {
            let key = &chart.keys[k as usize];
            (Some(key.fill), key.label.as_str())
        })
        .collect();
    if dotted {
        items.push((None, "Dotted line"));
    }
    text(out, (x, y + swatch - scale), size, true, width, "", title);
    let mut cx = x + text_width(title, size, true) + spacing;
    let mut line = 0usize;
    // "+N more" at `cx` on `line`, ending the legend.
    let more = |out: &mut String, cx: f32, line: usize, remaining: usize| {
        let baseline = y + line as f32 * line_height + swatch - scale;
        let note = format!("+{remaining} more");
        text(out, (cx, baseline), size, false, width, "", &note);
        (line + 1) as f32 * line_height
    };
    for (i, &(fill, label)) in items.iter().enumerate() {
        let w = swatch + 4.0 * scale + text_width(label, size, false).min(width / 2.0);
        let remaining = items.len() - i;
        let more_width = text_width("+9999 more", size, false);
        if cx + w > x + width && cx > x {
            if line + 1 >= max_lines {
                return more(out, cx, line, remaining);
            }
            line += 1;
            cx = x;
        }
        // On the last line, keep room for "+N more" after each item.
        if line + 1 >= max_lines && remaining > 1 && cx + w + spacing + more_width > x + width {
            return more(out, cx, line, remaining);
        }
        let top = y + line as f32 * line_height;
        match fill {
            Some(fill) => {
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"#4b5563\" stroke-width=\"{}\"/>",
                    num(cx),
                    num(top),
                    num(swatch),
                    num(swatch),
                    num(0.75 * scale)
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "<path d=\"M{} {}H{}\" stroke=\"#7c3aed\" stroke-width=\"{}\" stroke-dasharray=\"{} {}\"/>",
                    num(cx),
                    num(top + swatch / 2.0),
                    num(cx + swatch),
                    num(1.5 * scale),
                    num(3.0 * scale),
                    num(2.0 * scale)
                );
            }
        }
        text(
            out,
            (cx + swatch + 4.0 * scale, top + swatch - scale),
            size,
            false,
            width / 2.0,
            "",
            label,
        );
        cx += w + spacing;
    }
    (line + 1) as f32 * line_height
}

/// Opening tag of an SVG document `width` × `height` user units.
pub(crate) fn open(out: &mut String, width: f32, height: f32) {
    let (w, h) = (num(width), num(height));
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FAMILY}\" fill=\"{INK}\">"
    );
    let _ = writeln!(out, "<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>");
}

/// The whole chart as one SVG document: header (title, date), legend, chart
/// (folded to readable proportions when it is too wide for its height).
pub(crate) fn document(chart: &Chart, options: &ChartOptions) -> String {
    Sheet::new(chart, options).to_svg(chart)
}

/// A whole-chart document laid out but not yet written, so its size is
/// known before the (long) text of every box is.
pub(crate) struct Sheet {
    drawing: Drawing,
    header: String,
    chart_y: f32,
    /// Size of the document in user units (SVG px).
    pub width: f32,
    pub height: f32,
}

impl Sheet {
    pub fn new(chart: &Chart, options: &ChartOptions) -> Sheet {
        let drawing = readable_drawing(chart);
        let (keys, dotted) = used_keys(chart, &drawing);
        let title_width = text_width(&options.title, 20.0, true);
        let content_width = drawing.width().max(560.0).max(title_width);
        let mut header = String::new();
        text(
            &mut header,
            (MARGIN, MARGIN + 20.0),
            20.0,
            true,
            content_width,
            "",
            &options.title,
        );
        let mut legend_y = MARGIN + 36.0;
        if !options.date.is_empty() {
            text(
                &mut header,
                (MARGIN, MARGIN + 40.0),
                12.0,
                false,
                content_width,
                " fill=\"#4b5563\"",
                &options.date,
            );
            legend_y += 18.0;
        }
        let legend_height = write_legend(
            &mut header,
            chart,
            &keys,
            dotted,
            MARGIN,
            legend_y,
            content_width,
            usize::MAX,
            1.0,
        );
        let chart_y = legend_y + legend_height + 16.0;
        Sheet {
            width: content_width + 2.0 * MARGIN,
            height: chart_y + drawing.height() + MARGIN,
            drawing,
            header,
            chart_y,
        }
    }

    /// The SVG text of the sheet.
    pub fn to_svg(&self, chart: &Chart) -> String {
        let capacity = self.header.len() + self.drawing.nodes.len() * 420 + 512;
        let mut out = String::with_capacity(capacity);
        open(&mut out, self.width, self.height);
        out.push_str(&self.header);
        let _ = writeln!(
            out,
            "<g transform=\"translate({} {})\">",
            num(MARGIN),
            num(self.chart_y)
        );
        write_drawing(&mut out, chart, &self.drawing, &FxHashMap::default());
        out.push_str("</g>\n</svg>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(escape("plain"), "plain");
        assert_eq!(
            escape("<a & \"b\" 'c'>\u{1}"),
            "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;"
        );
    }

    #[test]
    fn numbers_are_fixed() {
        assert_eq!(num(0.0), "0");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(1.0 / 3.0), "0.33");
        assert_eq!(num(100.0), "100");
        assert_eq!(num(f32::NAN), "0");
    }
}
