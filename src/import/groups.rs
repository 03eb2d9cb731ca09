//! An import's warnings grouped by kind, with counts: a file naming 34
//! managers it does not hold reads as "34 managers not in the file, 373
//! people affected", not 34 lines. The CLI's import report and the app's
//! metrics panel both show these groups; each keeps its findings, for the
//! reader who wants the rows.

use crate::model::{Finding, Severity};
use serde::Serialize;

/// The findings of one kind (one code).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingGroup {
    /// The findings' code, e.g. `manager-not-found`.
    pub code: String,
    pub severity: Severity,
    /// "34 managers not in the file".
    pub summary: String,
    /// The summary with the people affected: "34 managers not in the file,
    /// 373 people affected".
    pub headline: String,
    /// How many findings of this kind.
    pub count: usize,
    /// People the findings touch, where a finding can touch several
    /// (the reports of a manager not in the file); `None` where that is
    /// not known.
    pub people: Option<usize>,
    /// The findings, in the order they came.
    pub findings: Vec<Finding>,
}

impl FindingGroup {
    /// "34 managers not in the file, 373 people affected".
    fn headline_of(&self) -> String {
        match self.people {
            Some(people) if people != self.count || self.code == "manager-not-found" => {
                let people = plural(people, "person", "people");
                format!("{}, {people} affected", self.summary)
            }
            _ => self.summary.clone(),
        }
    }
}

/// Groups `findings` by code, errors first, then the largest group
/// first, then by code; each group keeps its findings in order.
pub fn group_findings(findings: &[Finding]) -> Vec<FindingGroup> {
    let mut groups: Vec<FindingGroup> = Vec::new();
    for finding in findings {
        let index = groups
            .iter()
            .position(|g| g.code == finding.code && g.severity == finding.severity);
        let index = index.unwrap_or_else(|| {
            groups.push(FindingGroup {
                code: finding.code.clone(),
                severity: finding.severity,
                summary: String::new(),
                headline: String::new(),
                count: 0,
                people: Some(0),
                findings: Vec::new(),
            });
            groups.len() - 1
        });
        let group = &mut groups[index];
        group.count += 1;
        group.people = match (group.people, people_touched(finding)) {
            (Some(sum), Some(people)) => Some(sum + people),
            _ => None,
        };
        group.findings.push(finding.clone());
    }
    for group in &mut groups {
        group.summary = summary(&group.code, group.count);
        group.headline = group.headline_of();
    }
    groups.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.count.cmp(&a.count))
            .then(a.code.cmp(&b.code))
    });
    groups
}

/// The groups as text, one line each, for the CLI's import report.
pub fn render_groups(groups: &[FindingGroup]) -> String {
    let mut out = String::new();
    for group in groups {
        let severity = match group.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!(
            "  {} [{severity}: {}]\n",
            group.headline, group.code
        ));
    }
    out
}

/// How many people one finding touches: a manager not in the file, each of
/// their reports (the builder says how many in its message); a finding
/// about one row, that row's person. `None` for findings about the file.
fn people_touched(finding: &Finding) -> Option<usize> {
    match finding.code.as_str() {
        "manager-not-found" => reports_named_in(&finding.message).or(Some(1)),
        "read-as-windows-1252"
        | "stray-non-utf8"
        | "manager-column-chosen"
        | "duplicate-column"
        | "lead-not-found"
        | "support-team-not-found"
        | "lead-team-not-found" => None,
        _ => Some(1),
    }
}

/// The report count in the builder's "manager 'X' is not in the file (N
/// report(s), first at row R)".
fn reports_named_in(message: &str) -> Option<usize> {
    let (_, after) = message.rsplit_once(" is not in the file (")?;
    let (count, _) = after.split_once(" report")?;
    count.trim().parse().ok()
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// "34 managers not in the file": a phrase per known code, the code itself
/// for others.
fn summary(code: &str, count: usize) -> String {
    let (one, many, rest): (&str, &str, &str) = match code {
        "manager-not-found" => ("manager", "managers", "not in the file"),
        "dotted-manager-not-found" => (
            "dotted-line manager",
            "dotted-line managers",
            "not in the file (lines dropped)",
        ),
        "self-manager" => (
            "person",
            "people",
            "named as their own manager (treated as top of the org)",
        ),
        "self-dotted-line" => ("dotted line", "dotted lines", "to oneself (dropped)"),
        "lead-not-found" => ("team lead", "team leads", "not in the file"),
        "lead-team-not-found" => ("led team", "led teams", "not in the file (dropped)"),
        "support-team-not-found" => (
            "supported team",
            "supported teams",
            "not in the file (dropped)",
        ),
        "support-by-non-staff-plus" => (
            "support assignment",
            "support assignments",
            "by someone not staff+ (not counted in coverage)",
        ),
        "multiline-field" => ("row", "rows", "spanning several lines"),
        "values-past-header" => ("row", "rows", "with values past the last column (not read)"),
        "read-as-windows-1252" => ("file", "files", "read as Windows-1252"),
        "stray-non-utf8" => ("file", "files", "with bytes that are not UTF-8"),
        "manager-column-chosen" => ("manager column", "manager columns", "chosen among several"),
        "duplicate-column" => ("column", "columns", "named twice"),
        "conflicting-team-name"
        | "conflicting-team-kind"
        | "conflicting-team-lead"
        | "conflicting-department" => ("row", "rows", "disagreeing with their team's first row"),
        _ => ("finding", "findings", ""),
    };
    let counted = plural(count, one, many);
    match rest {
        "" => format!("{counted}: {code}"),
        rest => format!("{counted} {rest}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ladder, Location, Policy};

    fn warning(code: &str, message: &str, row: u64) -> Finding {
        Finding::warning(
            code,
            message,
            Location {
                file: "people.csv".to_string(),
                row: Some(row),
                column: Some("Reports To".to_string()),
            },
        )
    }

    /// The builder's own warnings, so the report counts read from its
    /// messages are checked against what it really says.
    #[test]
    fn missing_managers_group_with_the_people_they_leave_without_a_manager() {
        let text =
            "id,manager_id,name\n1,,Ada\n2,1,Bo\n3,M9,Cy\n4,M9,Di\n5,M9,Ed\n6,M7,Flo\n7,2,Gus\n";
        let (_, warnings) = super::super::load_csv_text(
            text.as_bytes(),
            "people.csv",
            Ladder::default(),
            Policy::default(),
            0,
        )
        .expect("imports with warnings");
        let groups = group_findings(&warnings);
        assert_eq!(groups.len(), 1, "{groups:?}");
        let missing = &groups[0];
        assert_eq!(missing.code, "manager-not-found");
        assert_eq!((missing.count, missing.people), (2, Some(4)));
        assert_eq!(
            missing.headline,
            "2 managers not in the file, 4 people affected"
        );
        let rows: Vec<Option<u64>> = missing.findings.iter().map(|f| f.location.row).collect();
        assert_eq!(rows, [Some(4), Some(7)]);
    }

    #[test]
    fn kinds_are_counted_apart_largest_first_with_file_wide_ones_unsized() {
        let findings = vec![
            warning("read-as-windows-1252", "read as Windows-1252", 2),
            warning("self-manager", "'5' is their own manager", 6),
            warning("values-past-header", "past", 3),
            warning("self-manager", "'8' is their own manager", 9),
            warning("someday-new", "a kind not known here", 4),
        ];
        let groups = group_findings(&findings);
        let heads: Vec<String> = groups.iter().map(|g| g.headline.clone()).collect();
        assert_eq!(
            heads,
            [
                "2 people named as their own manager (treated as top of the org)",
                "1 file read as Windows-1252",
                "1 finding: someday-new",
                "1 row with values past the last column (not read)",
            ]
        );
        assert_eq!(groups[0].people, Some(2));
        assert_eq!(groups[1].people, None);
        let total: usize = groups.iter().map(|g| g.count).sum();
        assert_eq!(total, findings.len(), "no finding is lost");
        assert!(render_groups(&groups)
            .contains("  1 file read as Windows-1252 [warning: read-as-windows-1252]\n"));
    }

    #[test]
    fn errors_come_before_warnings() {
        let mut error = warning("manager-cycle", "cycle", 3);
        error.severity = Severity::Error;
        let groups = group_findings(&[
            warning("self-manager", "x", 2),
            warning("self-manager", "y", 4),
            error,
        ]);
        assert_eq!(groups[0].code, "manager-cycle");
        assert_eq!(groups[1].count, 2);
    }
}
