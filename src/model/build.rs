//! Building a validated [`Org`] from flat person records (one per CSV row or
//! workspace row). Validation never panics: every problem becomes a
//! [`Finding`] naming the file, row and column.

use super::org::hash_id;
use super::{
    Finding, Ladder, Location, Org, Person, PersonId, Policy, ShortText, Status, TeamId, TeamKind,
};
use crate::money::Money;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::sync::Arc;
use teams::DeclaredLead;

mod finish;
mod teams;

pub use teams::TeamRecord;

/// One person as read from a source, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonRecord {
    /// 1-based line in the source (the header is line 1).
    pub row: u64,
    pub id: ShortText,
    /// Empty when the person has no manager.
    pub manager_id: ShortText,
    pub name: ShortText,
    // The repetitive fields are shared strings: readers intern them.
    pub title: Arc<str>,
    pub team: Arc<str>,
    pub level: Arc<str>,
    pub location: Arc<str>,
    pub cost: Option<Money>,
    pub status: Status,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub department: Arc<str>,
    pub team_kind: Option<TeamKind>,
    /// The home team's display name, when it differs from its id (empty:
    /// the team is named by its id).
    pub team_name: Arc<str>,
    /// Teams this person leads.
    pub leads: Vec<String>,
    /// Teams this (staff+) person supports.
    pub supports: Vec<String>,
    /// Ids of dotted-line managers.
    pub dotted_managers: Vec<String>,
    /// A team's own row, not a person's: no id, and values only in the
    /// team columns (team, team_name, department, team_kind). It declares
    /// the team, members or not, as a teams table's row would.
    pub declares_team: bool,
}

/// A person's links to others, resolved once everyone is in.
#[derive(Debug)]
struct Extras {
    id: PersonId,
    /// The person's position, so their links need not look their id up.
    position: u32,
    row: u64,
    dotted_managers: Vec<String>,
    supports: Vec<String>,
    leads: Vec<String>,
}

/// People in a row (by position) who name the same manager.
#[derive(Debug)]
struct ManagerRun {
    /// Position of the run's first person; it lasts until the next run's.
    start: u32,
    /// Empty when they have no manager.
    manager: ShortText,
}

/// Stop listing cycles after this many; the first few are what a user fixes.
const MAX_CYCLES_REPORTED: usize = 20;

/// Builds a validated [`Org`] from records pushed one at a time, so an
/// import never holds every record and the org at once: each record's
/// strings move straight into its person.
#[derive(Debug)]
pub struct OrgBuilder {
    file: String,
    org: Org,
    /// Source row of each person, by position.
    rows: Vec<u64>,
    /// Manager ids as given, one per run of people in a row with the same
    /// one; resolved in [`OrgBuilder::finish`]. Exports list a manager's
    /// reports together, so a million people have a fraction as many
    /// runs, and a run is resolved once for all its people.
    managers: Vec<ManagerRun>,
    /// Hash of each person's id, by position, for indexing them all at
    /// once in [`OrgBuilder::finish`]: one at a time, every insert would
    /// miss the cache.
    id_hashes: Vec<u64>,
    /// Where each team's (by index) kind, name and department were first
    /// stated, for conflict reports.
    team_stated: Vec<teams::StatedAt>,
    /// The previous row's team and its index. A team's rows usually come
    /// together and share one interned id, so most rows find their team
    /// by address, without hashing its id.
    last_team: Option<(TeamId, usize)>,
    /// Row of the declaration of each declared team, by team index: a
    /// team may be declared once, whatever its members' rows say.
    declaration_rows: FxHashMap<usize, u64>,
    /// Dotted lines and support assignments, resolved once everyone is in.
    extras: Vec<Extras>,
    declared_leads: Vec<DeclaredLead>,
    findings: Vec<Finding>,
}

impl OrgBuilder {
    pub fn new(file: &str, ladder: Ladder, policy: Policy) -> OrgBuilder {
        OrgBuilder::with_capacity(file, ladder, policy, 0)
    }

    pub fn with_capacity(file: &str, ladder: Ladder, policy: Policy, people: usize) -> OrgBuilder {
        let mut org = Org::with_capacity(people);
        org.ladder = ladder;
        org.policy = policy;
        // Room for teams of four on average, which errs high (unused room
        // is never touched), so the team map is not rehashed as it grows.
        let teams = people / 4;
        org.reserve_teams(teams);
        OrgBuilder {
            file: file.to_string(),
            org,
            rows: Vec::with_capacity(people),
            managers: Vec::new(),
            id_hashes: Vec::with_capacity(people),
            team_stated: Vec::with_capacity(teams),
            last_team: None,
            declaration_rows: FxHashMap::default(),
            extras: Vec::new(),
            declared_leads: Vec::new(),
            findings: Vec::new(),
        }
    }

    fn at(&self, row: u64, column: &str) -> Location {
        Location {
            file: self.file.clone(),
            row: Some(row),
            column: Some(column.to_string()),
        }
    }

    /// Adds one record: a person, or a team's own row, which declares the
    /// team (see [`PersonRecord::declares_team`]). Problems become
    /// findings; nothing here fails.
    pub fn push(&mut self, mut record: PersonRecord) {
        if record.id.is_empty() {
            if record.declares_team {
                self.declare_team_row(record);
            } else {
                let location = self.at(record.row, "id");
                self.findings
                    .push(Finding::error("empty-id", "the id is empty", location));
            }
            return;
        }
        let team = (!record.team.is_empty())
            .then(|| self.note_team(TeamId(std::mem::take(&mut record.team)), &record));
        let id = PersonId(record.id);
        let position = self.rows.len() as u32;
        if !record.dotted_managers.is_empty()
            || !record.supports.is_empty()
            || !record.leads.is_empty()
        {
            self.extras.push(Extras {
                id: id.clone(),
                position,
                row: record.row,
                dotted_managers: record.dotted_managers,
                supports: record.supports,
                leads: record.leads,
            });
        }
        if self
            .managers
            .last()
            .is_none_or(|run| run.manager != record.manager_id)
        {
            self.managers.push(ManagerRun {
                start: position,
                manager: record.manager_id,
            });
        }
        self.rows.push(record.row);
        self.id_hashes.push(hash_id(&id.0));
        let person = Person {
            id,
            name: record.name,
            title: record.title,
            level: record.level,
            location: record.location,
            cost: record.cost,
            status: record.status,
            team,
            start_date: record.start_date,
            end_date: record.end_date,
        };
        // Indexed in [`OrgBuilder::finish`], all at once.
        self.org.push_unindexed(person);
    }

    /// Resolves managers, checks for cycles and adds dotted lines and
    /// support. On success returns the org and its warnings; on failure
    /// every finding (errors and warnings).
    pub fn finish(mut self) -> Result<(Org, Vec<Finding>), Vec<Finding>> {
        let id_hashes = std::mem::take(&mut self.id_hashes);
        let managers = std::mem::take(&mut self.managers);
        let answers = self.index_people(&id_hashes, &managers);
        drop(id_hashes);
        let mut parent = self.resolve_managers(&managers, answers);
        self.report_cycles(&mut parent);
        if self.findings.iter().any(Finding::is_error) {
            self.findings.sort_by_key(|f| f.location.row);
            return Err(self.findings);
        }
        drop(managers);
        self.attach_lines(&parent);
        drop(parent);
        self.resolve_extras();
        self.findings.sort_by_key(|f| f.location.row);
        Ok((self.org, self.findings))
    }
}

impl Org {
    /// Validates records and builds the org. On success returns the org and
    /// its warnings; on failure returns every finding (errors and warnings).
    pub fn from_records(
        records: Vec<PersonRecord>,
        file: &str,
        ladder: Ladder,
        policy: Policy,
    ) -> Result<(Org, Vec<Finding>), Vec<Finding>> {
        let mut builder = OrgBuilder::with_capacity(file, ladder, policy, records.len());
        for record in records {
            builder.push(record);
        }
        builder.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(row: u64, id: &str, manager: &str) -> PersonRecord {
        PersonRecord {
            row,
            id: id.into(),
            manager_id: manager.into(),
            ..PersonRecord::default()
        }
    }

    #[test]
    fn conflicting_team_values_are_warnings_naming_the_first_row() {
        let in_team = |row, id: &str, kind: Option<TeamKind>, department: &str| PersonRecord {
            team: "Core".into(),
            team_kind: kind,
            department: department.into(),
            ..record(row, id, "")
        };
        let records = vec![
            in_team(2, "a", None, ""),
            in_team(3, "b", Some(TeamKind::Platform), "Eng"),
            in_team(4, "c", Some(TeamKind::Enabling), "Eng"),
            in_team(5, "d", None, "Sales"),
        ];
        let (org, warnings) =
            Org::from_records(records, "t.csv", Ladder::default(), Policy::default())
                .expect("warnings only");
        let team = org.team(&"Core".into()).expect("team");
        assert_eq!(team.kind, TeamKind::Platform, "a stated kind beats a guess");
        assert_eq!(team.department.as_deref(), Some("Eng"));
        let codes: Vec<(&str, Option<u64>, Option<&str>)> = warnings
            .iter()
            .map(|w| {
                (
                    w.code.as_str(),
                    w.location.row,
                    w.location.column.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            codes,
            [
                ("conflicting-team-kind", Some(4), Some("team_kind")),
                ("conflicting-department", Some(5), Some("department")),
            ]
        );
        assert!(
            warnings[0].message.contains("platform at row 3"),
            "{}",
            warnings[0].message
        );
        assert!(
            warnings[1].message.contains("'Eng' at row 3"),
            "cites the row that gave the department, not the team's first: {}",
            warnings[1].message
        );
    }

    #[test]
    fn a_team_named_as_its_id_keeps_that_name_against_a_later_row() {
        let named = |row, id: &str, name: &str| PersonRecord {
            team: "Core".into(),
            team_name: name.into(),
            ..record(row, id, "")
        };
        let (org, warnings) = build(&[
            named(2, "a", ""),
            named(3, "b", "Core"),
            named(4, "c", "Core Team"),
        ])
        .expect("warnings only");
        assert_eq!(
            org.team(&"Core".into()).map(|t| t.name.as_str()),
            Some("Core")
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].code, "conflicting-team-name");
        assert_eq!(warnings[0].location.row, Some(4));
        assert!(
            warnings[0].message.contains("at row 3"),
            "{}",
            warnings[0].message
        );
    }

    fn build(records: &[PersonRecord]) -> Result<(Org, Vec<Finding>), Vec<Finding>> {
        Org::from_records(
            records.to_vec(),
            "people.csv",
            Ladder::default(),
            Policy::default(),
        )
    }

    #[test]
    fn duplicate_ids_name_both_rows() {
        let findings = build(&[record(2, "a", ""), record(3, "b", "a"), record(4, "a", "")])
            .expect_err("duplicate");
        let dup = findings
            .iter()
            .find(|f| f.code == "duplicate-id")
            .expect("reported");
        assert!(
            dup.message.contains("row 2") && dup.message.contains("row 4"),
            "{dup}"
        );
        assert_eq!(dup.location.row, Some(4));
        assert_eq!(dup.location.column.as_deref(), Some("id"));
    }

    #[test]
    fn an_id_used_three_times_names_the_first_row_twice_in_row_order() {
        let findings = build(&[
            record(2, "x", ""),
            record(3, "a", "x"),
            record(4, "a", "x"),
            record(5, "b", "a"),
            record(6, "a", ""),
        ])
        .expect_err("duplicates");
        let duplicates: Vec<(Option<u64>, &str)> = findings
            .iter()
            .filter(|f| f.code == "duplicate-id")
            .map(|f| (f.location.row, f.message.as_str()))
            .collect();
        assert_eq!(
            duplicates,
            [
                (Some(4), "id 'a' is used by row 3 and row 4"),
                (Some(6), "id 'a' is used by row 3 and row 6"),
            ]
        );
    }

    #[test]
    fn cycles_are_errors_naming_the_cycle() {
        let findings = build(&[
            record(2, "root", ""),
            record(3, "a", "c"),
            record(4, "b", "a"),
            record(5, "c", "b"),
            record(6, "x", "y"),
            record(7, "y", "x"),
        ])
        .expect_err("cycles");
        let cycles: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.code == "manager-cycle")
            .collect();
        assert_eq!(cycles.len(), 2);
        assert!(cycles[0].message.contains("a (row 3)"), "{}", cycles[0]);
        assert!(cycles[0].message.contains("b (row 4)"));
        assert!(cycles[0].message.contains("c (row 5)"));
    }

    #[test]
    fn self_and_missing_managers_are_warnings_and_roots() {
        let (org, warnings) = build(&[
            record(2, "a", "a"),
            // The same manager as the row before, which was a self-manager.
            record(3, "e", "a"),
            record(4, "b", "ghost"),
            record(5, "c", "ghost"),
            record(6, "d", "b"),
            // The missing manager again, after another: counted together.
            record(7, "f", "ghost"),
            // A self-manager inside a run of people naming them.
            record(8, "g", "h"),
            record(9, "h", "h"),
            record(10, "i", "h"),
        ])
        .expect("warnings only");
        assert_eq!(org.manager_of(&"a".into()), None);
        assert_eq!(org.manager_of(&"e".into()), Some(&"a".into()));
        assert_eq!(org.manager_of(&"b".into()), None);
        assert_eq!(org.manager_of(&"d".into()), Some(&"b".into()));
        assert_eq!(org.manager_of(&"f".into()), None);
        assert_eq!(org.manager_of(&"h".into()), None);
        assert_eq!(org.manager_of(&"g".into()), Some(&"h".into()));
        assert_eq!(org.manager_of(&"i".into()), Some(&"h".into()));
        let found: Vec<(&str, Option<u64>)> = warnings
            .iter()
            .map(|w| (w.code.as_str(), w.location.row))
            .collect();
        assert_eq!(
            found,
            [
                ("self-manager", Some(2)),
                ("manager-not-found", Some(4)),
                ("self-manager", Some(9))
            ]
        );
        assert!(warnings[1].message.contains("3 report(s)"));
    }

    #[test]
    fn teams_support_and_dotted_lines_are_built() {
        let mut architect = record(3, "arch", "cto");
        architect.title = "Principal Engineer".into();
        architect.team = "Architecture".into();
        architect.supports = vec!["Payments".into(), "Nowhere".into()];
        architect.dotted_managers = vec!["em".into()];
        let mut em = record(4, "em", "cto");
        em.team = "Payments".into();
        let (org, warnings) = build(&[record(2, "cto", ""), architect, em]).expect("valid");
        assert_eq!(org.teams().len(), 2);
        assert_eq!(
            org.team(&"Architecture".into()).map(|t| t.kind),
            Some(TeamKind::Architecture)
        );
        assert_eq!(org.support_assignments().len(), 1);
        assert_eq!(
            org.dotted_managers_of(&"arch".into()),
            vec![&PersonId::from("em")]
        );
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, "support-team-not-found");
    }

    #[test]
    fn declared_teams_keep_memberless_teams_their_kinds_and_leads() {
        let mut builder = OrgBuilder::new("p.xlsx [People]", Ladder::default(), Policy::default());
        let declared = |row, id: &str, kind, lead: &str| TeamRecord {
            row,
            id: id.into(),
            name: format!("{id} team"),
            kind: Some(kind),
            department: "Eng".into(),
            lead: lead.into(),
        };
        builder.declare_team(
            declared(2, "arch", TeamKind::Architecture, "cto"),
            "p.xlsx [Teams]",
        );
        builder.declare_team(
            declared(3, "empty", TeamKind::Enabling, "ghost"),
            "p.xlsx [Teams]",
        );
        let mut architect = record(3, "a1", "cto");
        architect.title = "Principal Engineer".into();
        architect.team = "arch".into();
        architect.supports = vec!["empty".into()];
        builder.push(record(2, "cto", ""));
        builder.push(architect);
        let (org, warnings) = builder.finish().expect("valid");
        let empty = org
            .team(&"empty".into())
            .expect("the memberless team is kept");
        assert_eq!(
            (empty.kind, empty.name.as_str()),
            (TeamKind::Enabling, "empty team")
        );
        assert_eq!(empty.lead, None);
        assert_eq!(
            org.team(&"arch".into()).and_then(|t| t.lead.clone()),
            Some(PersonId::from("cto"))
        );
        assert!(org
            .support_assignments()
            .contains(&(PersonId::from("a1"), TeamId::from("empty"))));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].code, "lead-not-found");
        assert_eq!(warnings[0].location.file, "p.xlsx [Teams]");
        assert_eq!(warnings[0].location.row, Some(3));
    }

    #[test]
    fn a_team_row_before_its_members_is_the_first_word_on_the_team() {
        let team_row = PersonRecord {
            team: "Core".into(),
            team_kind: Some(TeamKind::Platform),
            declares_team: true,
            ..record(2, "", "")
        };
        let member = |row, id: &str, kind, name: &str| PersonRecord {
            team: "Core".into(),
            team_kind: kind,
            team_name: name.into(),
            ..record(row, id, "")
        };
        let (org, warnings) = build(&[
            team_row,
            member(3, "a", None, "Core Team"),
            member(4, "b", Some(TeamKind::Enabling), ""),
        ])
        .expect("warnings only");
        let core = org.team(&"Core".into()).expect("declared");
        assert_eq!(
            (core.kind, core.name.as_str()),
            (TeamKind::Platform, "Core Team"),
            "a member may name the team the row left unnamed"
        );
        assert_eq!(org.len(), 2);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].code, "conflicting-team-kind");
        assert!(
            warnings[0].message.contains("platform at row 2"),
            "{}",
            warnings[0].message
        );
    }

    #[test]
    fn a_team_declared_twice_is_an_error_naming_both_rows() {
        let mut builder = OrgBuilder::new("p.xlsx [People]", Ladder::default(), Policy::default());
        for row in [2, 5] {
            let team = TeamRecord {
                row,
                id: "t1".into(),
                ..TeamRecord::default()
            };
            builder.declare_team(team, "p.xlsx [Teams]");
        }
        builder.push(record(2, "cto", ""));
        let findings = builder.finish().expect_err("refused");
        assert_eq!(findings[0].code, "duplicate-team-id");
        assert!(
            findings[0].message.contains("rows 2 and 5"),
            "{}",
            findings[0].message
        );
    }
}
