//! Mermaid `flowchart TD`: one `subgraph` per team, dotted lines as `-.->`.

use super::graph::{label_lines, team_caption, Graph};
use super::{export_error, DataFormat};
use crate::error::Result;
use crate::model::Org;
use std::fmt::Write as _;

pub(crate) fn write(org: &Org, out: &mut dyn std::io::Write) -> Result<()> {
    out.write_all(render(&Graph::of(org)).as_bytes())
        .map_err(|err| export_error(DataFormat::Mermaid, err))
}

fn render(graph: &Graph<'_>) -> String {
    let mut chart = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(chart, "flowchart TD");
    let node = |chart: &mut String, indent: &str, position: usize| {
        let label = label_lines(graph.people[position])
            .iter()
            .map(|line| escape(line))
            .collect::<Vec<_>>()
            .join("<br/>");
        let _ = writeln!(chart, "{indent}p{position}[\"{label}\"]");
    };
    for (number, (team, members)) in graph.clusters.iter().enumerate() {
        let caption = escape(&team_caption(team));
        let _ = writeln!(chart, "  subgraph team{number}[\"{caption}\"]");
        for &position in members {
            node(&mut chart, "    ", position);
        }
        let _ = writeln!(chart, "  end");
    }
    for &position in &graph.loose {
        node(&mut chart, "  ", position);
    }
    for &(manager, report) in &graph.solid {
        let _ = writeln!(chart, "  p{manager} --> p{report}");
    }
    for &(manager, report) in &graph.dotted {
        let _ = writeln!(chart, "  p{manager} -.-> p{report}");
    }
    chart
}

/// Escapes text for a double-quoted Mermaid label with Mermaid's entity
/// codes (`#quot;` …): a raw `"` would end the label, `<` and `>` would be
/// read as HTML, `#` starts an entity and a backtick a Markdown string.
/// Line breaks become `<br/>`, the only break Mermaid labels know.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '#' => escaped.push_str("#35;"),
            '"' => escaped.push_str("#quot;"),
            '<' => escaped.push_str("#lt;"),
            '>' => escaped.push_str("#gt;"),
            '&' => escaped.push_str("#amp;"),
            '`' => escaped.push_str("#96;"),
            '\n' => escaped.push_str("<br/>"),
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
    fn escapes_quotes_html_and_entities() {
        assert_eq!(
            escape(r#"Ann "A" <x> & #1"#),
            "Ann #quot;A#quot; #lt;x#gt; #amp; #35;1"
        );
        assert_eq!(escape("a\nb`"), "a<br/>b#96;");
        assert_eq!(
            escape("O'Neil, (VP) [x] {y} |z|"),
            "O'Neil, (VP) [x] {y} |z|"
        );
    }
}
