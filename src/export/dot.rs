//! Graphviz DOT: `digraph`, one `subgraph cluster_<n>` per team, dotted
//! lines as dashed edges that do not pull the layout.

use super::graph::{label_lines, team_caption, Graph};
use super::{export_error, DataFormat};
use crate::error::Result;
use crate::model::Org;
use std::fmt::Write as _;

pub(crate) fn write(org: &Org, out: &mut dyn std::io::Write) -> Result<()> {
    out.write_all(render(&Graph::of(org)).as_bytes())
        .map_err(|err| export_error(DataFormat::Dot, err))
}

fn render(graph: &Graph<'_>) -> String {
    let mut dot = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(dot, "digraph org {{");
    let _ = writeln!(dot, "  rankdir=TB;");
    let _ = writeln!(dot, "  node [shape=box];");
    let node = |dot: &mut String, indent: &str, position: usize| {
        let label = label_lines(graph.people[position])
            .iter()
            .map(|line| escape(line))
            .collect::<Vec<_>>()
            .join("\\n");
        let _ = writeln!(dot, "{indent}p{position} [label=\"{label}\"];");
    };
    for (number, (team, members)) in graph.clusters.iter().enumerate() {
        let _ = writeln!(dot, "  subgraph cluster_{number} {{");
        let _ = writeln!(dot, "    label=\"{}\";", escape(&team_caption(team)));
        for &position in members {
            node(&mut dot, "    ", position);
        }
        let _ = writeln!(dot, "  }}");
    }
    for &position in &graph.loose {
        node(&mut dot, "  ", position);
    }
    for &(manager, report) in &graph.solid {
        let _ = writeln!(dot, "  p{manager} -> p{report};");
    }
    for &(manager, report) in &graph.dotted {
        let _ = writeln!(
            dot,
            "  p{manager} -> p{report} [style=dashed, constraint=false];"
        );
    }
    let _ = writeln!(dot, "}}");
    dot
}

/// Escapes text for a double-quoted DOT string. Backslashes are doubled
/// because Graphviz reads `\n`, `\l` and `\N` in labels as commands; line
/// breaks become `\n`, DOT's own centred line break.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '"' => escaped.push_str("\\\""),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_quotes_backslashes_and_newlines() {
        assert_eq!(escape(r#"A "B" \N"#), r#"A \"B\" \\N"#);
        assert_eq!(escape("one\r\ntwo"), "one\\ntwo");
        assert_eq!(escape("<b>&"), "<b>&");
    }
}
