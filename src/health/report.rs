//! The readable form of the findings: one line each.

use super::Health;
use crate::model::{Org, Severity};
use std::fmt::Write as _;

/// One line per finding: severity, id, count, message, then the first
/// `shown` people and teams by name (their id when they have none), in
/// brackets unless the finding lists no one.
pub fn render_text(health: &Health, org: &Org, shown: usize) -> String {
    if health.findings.is_empty() {
        return "no findings\n".to_string();
    }
    let mut text = String::new();
    for finding in &health.findings {
        let severity = match finding.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        let names = finding
            .people
            .iter()
            .map(|id| match org.person(id) {
                Some(person) if !person.name.is_empty() => person.name.to_string(),
                _ => id.to_string(),
            })
            .chain(finding.teams.iter().map(|id| match org.team(id) {
                Some(team) if !team.name.is_empty() => team.name.clone(),
                _ => id.to_string(),
            }));
        let listed = finding.people.len() + finding.teams.len();
        let mut named: Vec<String> = names.take(shown).collect();
        if listed > shown {
            named.push(format!("{} more", listed - shown));
        }
        let _ = write!(
            text,
            "{severity:<7}  {:<27}  {:>5}  {}",
            finding.id.as_str(),
            finding.count,
            finding.message,
        );
        // A finding about the source (no team leads named) lists no one.
        if named.is_empty() {
            text.push('\n');
        } else {
            let _ = writeln!(text, "  [{}]", named.join(", "));
        }
    }
    text
}
