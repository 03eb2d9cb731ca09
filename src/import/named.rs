//! The re-import report with people named: "Ada Lovelace (CEO)", the id
//! secondary, rather than bare ids. Joiners, movers and the changed titles
//! are in the new baseline; leavers, and managers who left, are found in
//! the previous one, kept as a scenario by the import.

use crate::model::Org;
use crate::scenario::ImportReport;
use crate::PersonId;
use serde::Serialize;
use std::fmt::{self, Write};

/// A person as a report names them.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedPerson {
    pub id: String,
    /// Empty when neither baseline knows the person (or the file gave no
    /// name).
    pub name: String,
    pub title: String,
    /// "Ada Lovelace (CEO)", "Ada Lovelace" without a title, the id
    /// without a name.
    pub label: String,
}

impl NamedPerson {
    /// `id` as `orgs` know them: the first that holds them.
    fn of(id: &PersonId, orgs: &[&Org]) -> NamedPerson {
        let person = orgs.iter().find_map(|org| org.person(id));
        let name = person.map_or_else(String::new, |p| p.name.to_string());
        let title = person.map_or_else(String::new, |p| p.title.to_string());
        let label = match (name.trim(), title.trim()) {
            ("", _) => id.to_string(),
            (name, "") => name.to_string(),
            (name, title) => format!("{name} ({title})"),
        };
        NamedPerson {
            id: id.to_string(),
            name,
            title,
            label,
        }
    }
}

impl fmt::Display for NamedPerson {
    /// The label, then the id: "Ada Lovelace (CEO) [e1]".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.name.trim().is_empty() {
            write!(f, "{}", self.id)
        } else {
            write!(f, "{} [{}]", self.label, self.id)
        }
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedMove {
    pub person: NamedPerson,
    /// The old and new managers (`None`: top of the org).
    pub from: Option<NamedPerson>,
    pub to: Option<NamedPerson>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedTitleChange {
    pub person: NamedPerson,
    pub from: String,
    pub to: String,
}

/// [`ImportReport`] with its people named.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedReport {
    pub joiners: Vec<NamedPerson>,
    pub leavers: Vec<NamedPerson>,
    pub moves: Vec<NamedMove>,
    pub title_changes: Vec<NamedTitleChange>,
    pub other_edits: usize,
    pub team_changes: usize,
    pub link_changes: usize,
    pub setting_changes: usize,
}

impl NamedReport {
    /// Names the people of `report`, which turned `before` (if known)
    /// into `after`.
    pub fn of(report: &ImportReport, before: Option<&Org>, after: &Org) -> NamedReport {
        let (new_first, old_first): (Vec<&Org>, Vec<&Org>) = match before {
            Some(before) => (vec![after, before], vec![before, after]),
            None => (vec![after], vec![after]),
        };
        let name = |id: &PersonId| NamedPerson::of(id, &new_first);
        NamedReport {
            joiners: report.joiners.iter().map(name).collect(),
            leavers: report
                .leavers
                .iter()
                .map(|id| NamedPerson::of(id, &old_first))
                .collect(),
            moves: report
                .moves
                .iter()
                .map(|m| NamedMove {
                    person: name(&m.person),
                    // A former manager may have left: the old org first.
                    from: m.from.as_ref().map(|id| NamedPerson::of(id, &old_first)),
                    to: m.to.as_ref().map(name),
                })
                .collect(),
            title_changes: report
                .title_changes
                .iter()
                .map(|(id, from, to)| NamedTitleChange {
                    person: name(id),
                    from: from.clone(),
                    to: to.clone(),
                })
                .collect(),
            other_edits: report.other_edits,
            team_changes: report.team_changes,
            link_changes: report.link_changes,
            setting_changes: report.setting_changes,
        }
    }

    /// Names the people of `report` after an import into `workspace`,
    /// whose new baseline is `after`: the scenario `kept_as` (the previous
    /// baseline) names who left. It is opened only when someone left or
    /// moved; should it not open, those people are named by id.
    pub fn after_import(
        report: &ImportReport,
        after: &Org,
        workspace: &std::path::Path,
        kept_as: Option<&str>,
    ) -> NamedReport {
        let before = match kept_as {
            Some(kept) if !report.leavers.is_empty() || !report.moves.is_empty() => {
                crate::session::Session::open_at(workspace, kept, None).ok()
            }
            _ => None,
        };
        NamedReport::of(report, before.as_ref().map(|s| s.org()), after)
    }

    /// A readable summary with up to `limit` lines per list.
    pub fn render_text(&self, limit: usize) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} joiner(s), {} leaver(s), {} move(s), {} title change(s), {} other edit(s), {} team change(s), {} support/dotted-line change(s)",
            self.joiners.len(),
            self.leavers.len(),
            self.moves.len(),
            self.title_changes.len(),
            self.other_edits,
            self.team_changes,
            self.link_changes
        );
        let more = |out: &mut String, total: usize| {
            if total > limit {
                let _ = writeln!(out, "    … and {} more", total - limit);
            }
        };
        for (label, people) in [("joined", &self.joiners), ("left", &self.leavers)] {
            for person in people.iter().take(limit) {
                let _ = writeln!(out, "  {label:<7} {person}");
            }
            more(&mut out, people.len());
        }
        let manager =
            |m: &Option<NamedPerson>| m.as_ref().map_or("(none)".to_string(), |m| m.to_string());
        for m in self.moves.iter().take(limit) {
            let (from, to) = (manager(&m.from), manager(&m.to));
            let _ = writeln!(out, "  moved   {}: {from} -> {to}", m.person);
        }
        more(&mut out, self.moves.len());
        for change in self.title_changes.iter().take(limit) {
            let (person, from, to) = (&change.person, &change.from, &change.to);
            let _ = writeln!(out, "  title   {person}: {from} -> {to}");
        }
        more(&mut out, self.title_changes.len());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ladder, Policy};

    fn org(text: &str) -> Org {
        let (org, _) = super::super::load_csv_text(
            text.as_bytes(),
            "people.csv",
            Ladder::default(),
            Policy::default(),
            0,
        )
        .expect("valid");
        org
    }

    #[test]
    fn people_are_named_from_the_baseline_that_holds_them() {
        let before = org("id,manager_id,name,title\n1,,Ada Lovelace,CEO\n2,1,Grace Hopper,CTO\n3,2,Alan Turing,Engineer\n4,2,Edsger Dijkstra,\n");
        let after = org("id,manager_id,name,title\n1,,Ada Lovelace,CEO\n3,1,Alan Turing,Staff Engineer\n4,1,Edsger Dijkstra,\n5,1,,Intern\n");
        let (report, _) = crate::scenario::compare_imports(&before, &after);
        let named = NamedReport::of(&report, Some(&before), &after);
        let labels =
            |people: &[NamedPerson]| people.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(labels(&named.joiners), ["5"], "no name: the id alone");
        assert_eq!(labels(&named.leavers), ["Grace Hopper (CTO) [2]"]);
        let moved: Vec<String> = named
            .moves
            .iter()
            .map(|m| {
                format!(
                    "{}: {:?} -> {:?}",
                    m.person,
                    m.from.as_ref().map(|p| p.label.clone()),
                    m.to.as_ref().map(|p| p.label.clone())
                )
            })
            .collect();
        assert!(
            moved.contains(&"Alan Turing (Staff Engineer) [3]: Some(\"Grace Hopper (CTO)\") -> Some(\"Ada Lovelace (CEO)\")".to_string()),
            "{moved:?}"
        );
        assert!(
            moved.iter().any(|m| m.starts_with("Edsger Dijkstra [4]:")),
            "{moved:?}"
        );
        let text = named.render_text(20);
        assert!(
            text.contains("  left    Grace Hopper (CTO) [2]\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "  title   Alan Turing (Staff Engineer) [3]: Engineer -> Staff Engineer\n"
            ),
            "{text}"
        );

        // Without the previous baseline, a leaver is named by id only.
        let unnamed = NamedReport::of(&report, None, &after);
        assert_eq!(unnamed.leavers[0].to_string(), "2");
    }
}
