//! The wording of a diff, once for the CLI and the app: each difference
//! as a line naming people as `Name (title)`.

use super::{Capture, DiffLine, PairDiff, TeamChange};
use crate::model::{PersonId, TeamId};
use crate::scenario::change::{person_label, team_name_label};

impl PairDiff {
    /// The diff as lines to read, in a fixed order: moves, joiners,
    /// leavers, field changes, teams, support, dotted lines.
    pub fn lines(&self) -> Vec<DiffLine> {
        let mut lines = Vec::new();
        let mut push = |kind, person: Option<&PersonId>, text: String| {
            lines.push(DiffLine {
                kind,
                person: person.cloned(),
                text,
            });
        };
        let or_root =
            |label: &Option<String>| label.clone().unwrap_or_else(|| "(no manager)".to_string());
        for m in &self.moved {
            let text = format!(
                "{}: {} → {}",
                m.label,
                or_root(&m.from_label),
                or_root(&m.to_label)
            );
            push("moved", Some(&m.person), text);
        }
        for p in &self.added {
            let label = person_label(&p.person, &p.name, &p.title);
            push(
                "added",
                Some(&p.person),
                format!("{label}, {}", p.status.as_str()),
            );
        }
        for p in &self.removed {
            push(
                "removed",
                Some(&p.person),
                person_label(&p.person, &p.name, &p.title),
            );
        }
        for c in &self.changed {
            // An individual's cost is not worded: the line says it changed.
            let text = if c.field == "cost" {
                format!("{}: cost changed", c.label)
            } else {
                let none = |v: &str| {
                    if v.is_empty() {
                        "(none)".to_string()
                    } else {
                        v.to_string()
                    }
                };
                format!(
                    "{}: {} {} → {}",
                    c.label,
                    c.field,
                    none(&c.before_label),
                    none(&c.after_label)
                )
            };
            push("changed", Some(&c.person), text);
        }
        for t in &self.teams {
            push("team", None, team_line(t));
        }
        for (kind, list, verb) in [
            ("support", &self.support, "supports"),
            ("dotted", &self.dotted, "dotted line to"),
        ] {
            for l in list {
                let sign = if l.added { "+" } else { "−" };
                let person = PersonId::from(l.from.as_str());
                push(
                    kind,
                    Some(&person),
                    format!("{sign} {} {verb} {}", l.from_label, l.to_label),
                );
            }
        }
        lines
    }
}

pub(super) fn team_text(capture: &Capture, team: &Option<TeamId>) -> String {
    team.as_ref()
        .map(|t| capture.team_label(t))
        .unwrap_or_default()
}

fn team_line(t: &TeamChange) -> String {
    let none = |v: &str| {
        if v.is_empty() {
            "(none)".to_string()
        } else {
            v.to_string()
        }
    };
    match t.change {
        "created" => format!("{} created", team_name_label(&t.team, Some(&t.after))),
        "dissolved" => format!("{} dissolved", team_name_label(&t.team, Some(&t.before))),
        "renamed" => format!("{} renamed {} → {}", t.team, t.before, t.after),
        _ => format!(
            "{} {}: {} → {}",
            t.team,
            t.change,
            none(&t.before),
            none(&t.after)
        ),
    }
}
