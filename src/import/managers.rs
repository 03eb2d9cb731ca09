//! Manager references. HRIS exports name a person's manager by id, by a
//! second key such as an employee number, by e-mail, by "First Last", by
//! "Last, First", or as "Org Name (Manager Name)". Which one a file uses is
//! detected from its values; references are then rewritten to ids.

use super::rows::Keys;
use crate::model::{Finding, Location, PersonRecord, ShortText};
use rustc_hash::{FxHashMap, FxHashSet};

/// How a file refers to managers.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ManagerRef {
    Id,
    EmployeeNumber,
    Email,
    /// "First Last", matched against the person's full name.
    Name,
    /// "Last, First".
    LastFirst,
    /// "Org Name (Manager Name)": the name in the last parentheses.
    OrgAndName,
}

impl ManagerRef {
    pub const ALL: [ManagerRef; 6] = [
        ManagerRef::Id,
        ManagerRef::EmployeeNumber,
        ManagerRef::Email,
        ManagerRef::Name,
        ManagerRef::LastFirst,
        ManagerRef::OrgAndName,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ManagerRef::Id => "id",
            ManagerRef::EmployeeNumber => "employee-number",
            ManagerRef::Email => "email",
            ManagerRef::Name => "name",
            ManagerRef::LastFirst => "last-first",
            ManagerRef::OrgAndName => "org-and-name",
        }
    }
}

impl std::str::FromStr for ManagerRef {
    type Err = String;
    fn from_str(text: &str) -> Result<ManagerRef, String> {
        ManagerRef::ALL
            .into_iter()
            .find(|kind| kind.name() == text)
        .ok_or_else(|| {
            format!(
                "'{text}' is not a manager reference (expected id, employee-number, email, name, last-first or org-and-name)"
            )
        })
    }
}

/// A test of a reference's shape.
type Shape = dyn Fn(&str) -> bool;

/// Picks the kind that most of the sampled references fit. `rows` are
/// (record, keys) of a sample of the file.
pub fn detect(rows: &[(PersonRecord, Keys)]) -> ManagerRef {
    detect_explained(rows).0
}

/// How managers are referred to, and why: as `--manager-ref` says
/// (`chosen`), or detected from the sampled rows.
pub(super) fn chosen_or_detected(
    chosen: Option<ManagerRef>,
    rows: &[(PersonRecord, Keys)],
) -> (ManagerRef, String) {
    match chosen {
        Some(kind) => (kind, "--manager-ref".to_string()),
        None => detect_explained(rows),
    }
}

/// [`detect`], with why, for the review ("93% of references match ids").
pub fn detect_explained(rows: &[(PersonRecord, Keys)]) -> (ManagerRef, String) {
    let references: Vec<&str> = rows
        .iter()
        .map(|(record, _)| record.manager_id.as_str())
        .filter(|m| !m.is_empty())
        .collect();
    if references.is_empty() {
        return (
            ManagerRef::Id,
            "no manager values in the sample".to_string(),
        );
    }
    let most = |matches: usize| matches * 2 > references.len();
    let count = |test: &dyn Fn(&str) -> bool| references.iter().filter(|r| test(r)).count();
    let percent = |matches: usize| (matches * 100 + references.len() / 2) / references.len();
    let ids: FxHashSet<&str> = rows.iter().map(|(r, _)| r.id.as_str()).collect();
    let numbers: FxHashSet<&str> = rows
        .iter()
        .map(|(_, k)| k.employee_number.as_str())
        .filter(|n| !n.is_empty())
        .collect();
    let matching_ids = count(&|r| ids.contains(r));
    if most(matching_ids) {
        let why = format!("{}% of references match ids", percent(matching_ids));
        return (ManagerRef::Id, why);
    }
    let matching_numbers = count(&|r| numbers.contains(r));
    if !numbers.is_empty() && most(matching_numbers) {
        let why = format!(
            "{}% of references match employee numbers",
            percent(matching_numbers)
        );
        return (ManagerRef::EmployeeNumber, why);
    }
    // The shape of the references, for when the sample holds few of the
    // managers themselves; ids that share the shape win.
    let id_share = |test: &dyn Fn(&str) -> bool| {
        let with = ids.iter().filter(|id| test(id)).count();
        with * 2 > ids.len()
    };
    let email = |r: &str| r.contains('@');
    let org_and_name = |r: &str| r.trim_end().ends_with(')') && r.contains('(');
    let last_first = |r: &str| r.contains(',');
    let spaced = |r: &str| r.trim().contains(char::is_whitespace);
    let shapes: [(&Shape, ManagerRef, &str); 4] = [
        (&email, ManagerRef::Email, "e-mails"),
        (&org_and_name, ManagerRef::OrgAndName, "\"Org (Name)\""),
        (&last_first, ManagerRef::LastFirst, "\"Last, First\" names"),
        (&spaced, ManagerRef::Name, "names"),
    ];
    for (test, kind, shape) in shapes {
        let shaped = count(test);
        if most(shaped) && !id_share(test) {
            return (
                kind,
                format!("{}% of references look like {shape}", percent(shaped)),
            );
        }
    }
    let why = format!(
        "{}% of references match ids in the sample; read as ids",
        percent(matching_ids)
    );
    (ManagerRef::Id, why)
}

/// A name as its words in "First [Middle] Last" order, lowercase, without
/// the dots of initials: "Lovelace, Ada M." and "ada  m lovelace" are the
/// same words. A comma marks the "Last, First" form.
fn name_words(name: &str) -> Vec<String> {
    let (first, last) = name.split_once(',').map_or((name, ""), |(l, f)| (f, l));
    first
        .split_whitespace()
        .chain(last.split_whitespace())
        .map(|word| word.trim_matches('.').to_lowercase())
        .filter(|word| !word.is_empty())
        .collect()
}

/// The keys a name is matched by: all its words, and its first and last
/// words only, so "First M. Last" finds "Last, First" when no one's full
/// name matches.
pub(super) fn name_keys(name: &str) -> (String, String) {
    let words = name_words(name);
    let short = match words.as_slice() {
        [first, .., last] if words.len() > 2 => format!("{first} {last}"),
        _ => words.join(" "),
    };
    (words.join(" "), short)
}

/// The name a reference of `kind` names: an "Org Name (Manager Name)"
/// reference names the person in its last parentheses.
fn referenced_name(kind: ManagerRef, reference: &str) -> &str {
    match kind {
        ManagerRef::OrgAndName => reference
            .rfind('(')
            .map(|open| reference[open + 1..].trim_end().trim_end_matches(')'))
            .unwrap_or(reference),
        _ => reference,
    }
}

/// A person a key finds, or the rows of every person sharing it.
type Entry = Result<(ShortText, u64), Vec<u64>>;

/// People by key: one index, or for names the full-name index and the
/// first-and-last-name one.
#[derive(Default)]
struct Index {
    keys: FxHashMap<String, Entry>,
    short_names: FxHashMap<String, Entry>,
}

fn add(index: &mut FxHashMap<String, Entry>, key: String, record: &PersonRecord) {
    if key.is_empty() {
        return;
    }
    index
        .entry(key)
        .and_modify(|entry| match entry {
            Ok((_, first)) => *entry = Err(vec![*first, record.row]),
            Err(rows) => rows.push(record.row),
        })
        .or_insert(Ok((record.id.clone(), record.row)));
}

impl Index {
    fn new(kind: ManagerRef, rows: &[(PersonRecord, Keys)]) -> Index {
        let mut index = Index::default();
        for (record, keys) in rows {
            match kind {
                ManagerRef::EmployeeNumber => {
                    add(&mut index.keys, keys.employee_number.to_string(), record);
                }
                ManagerRef::Email => add(
                    &mut index.keys,
                    keys.email.to_lowercase().to_string(),
                    record,
                ),
                _ => {
                    let (full, short) = name_keys(&record.name);
                    add(&mut index.keys, full, record);
                    add(&mut index.short_names, short, record);
                }
            }
        }
        index
    }

    fn find(&self, kind: ManagerRef, reference: &str) -> Option<&Entry> {
        match kind {
            ManagerRef::Email => self.keys.get(&reference.trim().to_lowercase()),
            ManagerRef::EmployeeNumber | ManagerRef::Id => self.keys.get(reference.trim()),
            _ => {
                let (full, short) = name_keys(referenced_name(kind, reference));
                self.keys
                    .get(&full)
                    .or_else(|| self.short_names.get(&short))
            }
        }
    }
}

/// Rewrites every manager and dotted-manager reference of `kind` to the id
/// it names. A reference matching nobody is left as written (the org
/// builder reports it as a missing manager); a name matching two people is
/// an error naming both rows. Names match whichever of "First Last" and
/// "Last, First" either side uses, with or without middle names.
pub fn resolve(
    kind: ManagerRef,
    rows: &mut [(PersonRecord, Keys)],
    file: &str,
    manager_column: &str,
) -> Vec<Finding> {
    if kind == ManagerRef::Id {
        return Vec::new();
    }
    let index = Index::new(kind, rows);
    let mut findings = Vec::new();
    let mut lookup = |reference: &str, row: u64, column: &str| -> Option<ShortText> {
        match index.find(kind, reference)? {
            Ok((id, _)) => Some(id.clone()),
            Err(rows) => {
                let rows: Vec<String> = rows.iter().map(u64::to_string).collect();
                findings.push(Finding::error(
                    "ambiguous-manager",
                    format!(
                        "manager '{reference}' matches more than one person (rows {}); use ids, or --map another column",
                        rows.join(" and ")
                    ),
                    Location {
                        file: file.to_string(),
                        row: Some(row),
                        column: Some(column.to_string()),
                    },
                ));
                None
            }
        }
    };
    for (record, _) in rows.iter_mut() {
        if !record.manager_id.is_empty() {
            if let Some(id) = lookup(&record.manager_id, record.row, manager_column) {
                record.manager_id = id;
            }
        }
        for dotted in &mut record.dotted_managers {
            if let Some(id) = lookup(dotted, record.row, "dotted_managers") {
                *dotted = id.to_string();
            }
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, name: &str, email: &str, manager: &str) -> (PersonRecord, Keys) {
        (
            PersonRecord {
                row: 0,
                id: id.into(),
                name: name.into(),
                manager_id: manager.into(),
                ..PersonRecord::default()
            },
            Keys {
                email: email.into(),
                employee_number: ShortText::default(),
            },
        )
    }

    fn numbered(rows: Vec<(PersonRecord, Keys)>) -> Vec<(PersonRecord, Keys)> {
        rows.into_iter()
            .enumerate()
            .map(|(i, (mut r, k))| {
                r.row = i as u64 + 2;
                (r, k)
            })
            .collect()
    }

    #[test]
    fn detects_each_kind() {
        let people = |managers: [&str; 3]| {
            numbered(vec![
                row("1", "Ada Lovelace", "ada@x.io", managers[0]),
                row("2", "Bo Chen", "bo@x.io", managers[1]),
                row("3", "Cy Diaz", "cy@x.io", managers[2]),
            ])
        };
        assert_eq!(detect(&people(["", "1", "1"])), ManagerRef::Id);
        assert_eq!(
            detect(&people(["", "ada@x.io", "ada@x.io"])),
            ManagerRef::Email
        );
        assert_eq!(
            detect(&people(["", "Ada Lovelace", "Bo Chen"])),
            ManagerRef::Name
        );
        assert_eq!(
            detect(&people(["", "Lovelace, Ada", "Chen, Bo"])),
            ManagerRef::LastFirst
        );
        assert_eq!(
            detect(&people(["", "Eng (Ada Lovelace)", "Platform (Bo Chen)"])),
            ManagerRef::OrgAndName
        );
        // Unknown managers shaped like ids are still ids.
        assert_eq!(detect(&people(["", "E9", "E9"])), ManagerRef::Id);
    }

    #[test]
    fn resolves_names_and_reports_ambiguity_with_both_rows() {
        let mut rows = numbered(vec![
            row("1", "Ada Lovelace", "", ""),
            row("2", "Bo  Chen", "", "Lovelace, Ada"),
            row("3", "Cy Diaz", "", "chen, bo"),
            row("4", "Ada Lovelace", "", ""),
            row("5", "Di", "", "Nobody, Here"),
        ]);
        let findings = resolve(ManagerRef::LastFirst, &mut rows, "hr.csv", "Reports To");
        assert_eq!(rows[2].0.manager_id, "2");
        assert_eq!(
            rows[4].0.manager_id, "Nobody, Here",
            "left for the builder to report"
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].code, "ambiguous-manager");
        assert_eq!(findings[0].location.row, Some(3));
        assert!(
            findings[0].message.contains("rows 2 and 5"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn resolves_emails_case_insensitively_and_org_names() {
        let mut rows = numbered(vec![
            row("1", "Ada Lovelace", "Ada@X.io", ""),
            row("2", "Bo Chen", "bo@x.io", "ada@x.io"),
        ]);
        assert!(resolve(ManagerRef::Email, &mut rows, "f", "m").is_empty());
        assert_eq!(rows[1].0.manager_id, "1");
        let mut rows = numbered(vec![
            row("1", "Ada Lovelace", "", ""),
            row("2", "Bo Chen", "", "Engineering (Ada Lovelace)"),
        ]);
        assert!(resolve(ManagerRef::OrgAndName, &mut rows, "f", "m").is_empty());
        assert_eq!(rows[1].0.manager_id, "1");
    }

    /// People stored "Last, First [M]" and managers named "First [M.] Last"
    /// (or the reverse), with stray spaces and any case, match.
    #[test]
    fn names_match_across_last_first_and_first_last_forms() {
        let people = || {
            numbered(vec![
                row("1", "Lovelace, Ada M", "", ""),
                row("2", " Chen ,  Bo", "", ""),
                row("3", "Cy Q. Diaz", "", ""),
                row("4", "Di Evans", "", ""),
            ])
        };
        for (kind, references) in [
            (
                ManagerRef::Name,
                ["Ada M. Lovelace", "BO CHEN", "ada lovelace", "Bo  Chen"],
            ),
            (
                ManagerRef::LastFirst,
                ["Lovelace, Ada", "chen, bo", "Diaz, Cy Q.", "Diaz, Cy"],
            ),
        ] {
            let mut rows = people();
            for (row, reference) in rows.iter_mut().zip(references) {
                row.0.manager_id = reference.into();
            }
            let findings = resolve(kind, &mut rows, "f", "m");
            assert!(findings.is_empty(), "{kind:?}: {findings:?}");
            let managers: Vec<&str> = rows.iter().map(|(r, _)| r.manager_id.as_str()).collect();
            let expected = match kind {
                ManagerRef::Name => ["1", "2", "1", "2"],
                _ => ["1", "2", "3", "3"],
            };
            assert_eq!(managers, expected, "{kind:?}");
        }
    }

    /// A short name two people share is ambiguous, naming both rows; a
    /// full name that only one has is not.
    #[test]
    fn a_short_name_two_people_share_is_ambiguous() {
        let mut rows = numbered(vec![
            row("1", "Lovelace, Ada M", "", ""),
            row("2", "Lovelace, Ada K", "", ""),
            row("3", "Bo Chen", "", "Ada Lovelace"),
            row("4", "Cy Diaz", "", "Ada K. Lovelace"),
        ]);
        let findings = resolve(ManagerRef::Name, &mut rows, "f", "m");
        assert_eq!(rows[3].0.manager_id, "2");
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].location.row, Some(4));
        assert!(findings[0].message.contains("rows 2 and 3"), "{findings:?}");
    }

    proptest::proptest! {
        /// Whichever form a person's name is stored in and their manager
        /// named in (First [M.] Last or Last, First [M], any case, extra
        /// spaces), the reference finds them when their first and last
        /// names are theirs alone.
        #[test]
        fn a_name_in_any_form_finds_its_person(
            people in proptest::collection::btree_map(
                ("[A-Z][a-z]{1,6}", "[A-Z][a-z]{1,8}"),
                (proptest::option::of("[A-Z]"), 0..4u8, 0..4u8),
                2..12,
            ),
        ) {
            let written = |first: &str, middle: Option<&String>, last: &str, form: u8| {
                let middle = middle.map(|m| format!(" {m}.")).unwrap_or_default();
                match form {
                    0 => format!("{first}{middle} {last}"),
                    1 => format!("{last}, {first}{middle}"),
                    2 => format!("  {}{}  {} ", first.to_uppercase(), middle, last.to_lowercase()),
                    _ => format!("{last} ,{first}{}", middle.trim_end_matches('.')),
                }
            };
            let named: Vec<_> = people.iter().collect();
            let mut rows: Vec<(PersonRecord, Keys)> = named
                .iter()
                .enumerate()
                .map(|(i, ((first, last), (middle, stored, _)))| {
                    row(&i.to_string(), &written(first, middle.as_ref(), last, *stored), "", "")
                })
                .collect();
            // Each person's manager is the previous person, named in the
            // form the generator picked, with or without the middle initial.
            for i in 1..rows.len() {
                let ((first, last), (middle, _, form)) = named[i - 1];
                let middle = if form % 2 == 0 { middle.as_ref() } else { None };
                rows[i].0.manager_id = written(first, middle, last, *form).into();
            }
            let mut rows = numbered(rows);
            let findings = resolve(ManagerRef::Name, &mut rows, "f", "m");
            proptest::prop_assert!(findings.is_empty(), "{:?}", findings);
            for (i, (record, _)) in rows.iter().enumerate().skip(1) {
                proptest::prop_assert_eq!(record.manager_id.as_str(), (i - 1).to_string());
            }
        }
    }
}
