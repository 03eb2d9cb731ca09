//! The import wizard's request, review (detection), progress and result.
//!
//! No individual compensation crosses IPC: the preview blanks every cell of
//! a column read as `cost`, and the report names people by name, title and
//! id only.

use orgraph::import::{
    ColumnChoice, ColumnMapping, Detection, Field, FindingGroup, ImportOptions, ImportOutcome,
    ManagerRef, NamedPerson, NamedReport, Progress, ProgressSink, SourceFormat, Stage,
};
use orgraph::model::{Finding, Severity};
use orgraph::session::Session;
use orgraph::OrgError;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use ts_rs::TS;

use super::count_usize;

/// What stands in for a cost in the preview.
pub const HIDDEN_COST: &str = "•••";

/// One column the user mapped by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnOverride {
    /// The column's header as detected.
    pub column: String,
    /// A field name from `ImportDetectionDto.fields` (`ignore`: not read).
    pub field: String,
}

/// What the wizard asks `detect_import` and `import_people` for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportRequest {
    /// Absolute path of the CSV or spreadsheet.
    pub path: String,
    /// The workbook sheet to read (null: the first).
    pub sheet: Option<String>,
    pub overrides: Vec<ColumnOverride>,
    /// A kind from `ImportDetectionDto.managerRefs` (null: detected).
    pub manager_ref: Option<String>,
    /// Cost columns, by header, whose amounts may be negative (refunds,
    /// adjustments); a negative cost elsewhere refuses the import.
    pub signed: Vec<String>,
}

impl ImportRequest {
    /// The file and the core's options; unknown fields or kinds are
    /// `invalid-input`.
    pub fn to_options(&self) -> Result<(PathBuf, ImportOptions), OrgError> {
        let path = PathBuf::from(self.path.trim());
        if !path.is_absolute() || path.file_name().is_none() {
            return Err(OrgError::InvalidInput(format!(
                "'{}' is not a full file path (e.g. /home/me/people.csv)",
                self.path
            )));
        }
        let overrides = self
            .overrides
            .iter()
            .map(|o| {
                let field = o.field.parse::<Field>().map_err(OrgError::InvalidInput)?;
                Ok((o.column.clone(), field))
            })
            .collect::<Result<Vec<_>, OrgError>>()?;
        let manager_ref = self
            .manager_ref
            .as_deref()
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(|k| k.parse::<ManagerRef>().map_err(OrgError::InvalidInput))
            .transpose()?;
        let sheet = self
            .sheet
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        Ok((
            path,
            ImportOptions {
                sheet,
                overrides,
                manager_ref,
                signed: self.signed.clone(),
            },
        ))
    }

    /// Imports the file as the baseline of `session`'s workspace (nothing
    /// is written if it has errors), then reopens `session` on the new
    /// baseline, whatever scenario it showed before.
    pub fn import_into(
        &self,
        session: &mut Session,
        progress: ProgressSink<'_>,
    ) -> Result<ImportResultDto, OrgError> {
        let (file, options) = self.to_options()?;
        let workspace = session.path().to_path_buf();
        let outcome = orgraph::import::import_into(&file, &workspace, &options, progress)?;
        *session = Session::open(&workspace)?;
        let named = outcome.report.as_ref().map(|report| {
            NamedReport::after_import(
                report,
                session.org(),
                &workspace,
                outcome.kept_as.as_deref(),
            )
        });
        Ok(ImportResultDto::of(&outcome, named.as_ref()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ImportFormat {
    Csv,
    Spreadsheet,
}

/// How one source column is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportColumnDto {
    pub index: u32,
    pub header: String,
    /// The field name, or null when the column is not read.
    pub field: Option<String>,
    /// True when the user chose the field.
    pub overridden: bool,
}

impl From<&ColumnMapping> for ImportColumnDto {
    fn from(column: &ColumnMapping) -> Self {
        ImportColumnDto {
            index: count_usize(column.index),
            header: column.header.clone(),
            field: column
                .field
                .filter(|f| *f != Field::Ignore)
                .map(|f| f.name().to_string()),
            overridden: column.overridden,
        }
    }
}

/// Why a column was read as the id or the manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportColumnChoiceDto {
    /// `id` or `manager_id`.
    pub field: String,
    pub header: String,
    /// In the app's words: "its header", "your choice", "values unique",
    /// "93% of values match ids", ...
    pub reason: String,
}

impl From<&ColumnChoice> for ImportColumnChoiceDto {
    fn from(choice: &ColumnChoice) -> Self {
        ImportColumnChoiceDto {
            field: choice.field.name().to_string(),
            header: choice.header.clone(),
            reason: in_app_words(&choice.reason),
        }
    }
}

/// The core's reasons name the CLI's flags for a user's choice; the
/// wizard's user chose in the wizard.
fn in_app_words(reason: &str) -> String {
    let (first, rest) = reason.split_once(';').unwrap_or((reason, ""));
    let first = match first {
        "--map" | "--manager-ref" => "your choice",
        "header" => "its header",
        other => other,
    };
    format!(
        "{first}{}",
        if rest.is_empty() {
            String::new()
        } else {
            format!(";{rest}")
        }
    )
}

/// The review step: what an import of the file would read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportDetectionDto {
    pub path: String,
    pub format: ImportFormat,
    /// CSV only, e.g. "UTF-8".
    pub encoding: Option<String>,
    /// CSV only, e.g. "," or "\t".
    pub delimiter: Option<String>,
    /// Workbooks only: the sheet read, and every sheet.
    pub sheet: Option<String>,
    pub sheets: Vec<String>,
    pub columns: Vec<ImportColumnDto>,
    /// How managers are referred to, e.g. "last-first".
    pub manager_ref: String,
    /// Every manager reference kind, for the override select.
    pub manager_refs: Vec<String>,
    /// Every field a column can be read as (without `ignore`).
    pub fields: Vec<String>,
    pub rows: u32,
    /// The first rows as text; cells of cost columns (read as cost or named
    /// like one) are hidden.
    pub preview: Vec<Vec<String>>,
    /// Why the id and manager columns were chosen.
    pub choices: Vec<ImportColumnChoiceDto>,
    /// Why managers are taken to be given as `manager_ref`.
    pub manager_ref_reason: String,
    /// What reading the file found before any row is read: the encoding
    /// guessed, bytes the encoding does not allow, rows split otherwise.
    pub findings: Vec<FindingDto>,
}

impl ImportDetectionDto {
    pub fn new(path: &std::path::Path, detection: Detection) -> Self {
        // Read as cost, or named like a cost column: un-mapping a salary
        // column must not reveal it.
        let cost_columns: Vec<usize> = detection
            .columns
            .iter()
            .filter(|c| {
                c.field == Some(Field::Cost) || Field::from_header(&c.header) == Some(Field::Cost)
            })
            .map(|c| c.index)
            .collect();
        let preview = detection
            .preview
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .enumerate()
                    .map(|(i, cell)| {
                        if cost_columns.contains(&i) && !cell.trim().is_empty() {
                            HIDDEN_COST.to_string()
                        } else {
                            cell
                        }
                    })
                    .collect()
            })
            .collect();
        ImportDetectionDto {
            path: path.display().to_string(),
            format: match detection.format {
                SourceFormat::Csv => ImportFormat::Csv,
                SourceFormat::Spreadsheet => ImportFormat::Spreadsheet,
            },
            encoding: detection.encoding.map(|e| e.name().to_string()),
            delimiter: detection.delimiter.map(String::from),
            sheet: detection.sheet,
            sheets: detection.sheets,
            columns: detection.columns.iter().map(Into::into).collect(),
            manager_ref: detection.manager_ref.name().to_string(),
            manager_refs: ManagerRef::ALL
                .iter()
                .map(|k| k.name().to_string())
                .collect(),
            fields: Field::ALL
                .iter()
                .filter(|f| **f != Field::Ignore)
                .map(|f| f.name().to_string())
                .collect(),
            rows: count_usize(detection.rows),
            preview,
            choices: detection.choices.iter().map(Into::into).collect(),
            manager_ref_reason: in_app_words(&detection.manager_ref_reason),
            findings: detection.findings.iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ImportStage {
    Reading,
    Validating,
    Storing,
}

/// Sent on the progress channel while an import runs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgressDto {
    pub stage: ImportStage,
    /// Bytes or records done, of `total`.
    pub done: f64,
    pub total: f64,
}

impl From<Progress> for ImportProgressDto {
    fn from(progress: Progress) -> Self {
        ImportProgressDto {
            stage: match progress.stage {
                Stage::Reading => ImportStage::Reading,
                Stage::Validating => ImportStage::Validating,
                Stage::Storing => ImportStage::Storing,
            },
            done: progress.done as f64,
            total: progress.total as f64,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum FindingSeverity {
    Error,
    Warning,
}

/// A validation finding, located in the source file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FindingDto {
    pub severity: FindingSeverity,
    /// Stable kebab-case code, e.g. `manager-cycle`.
    pub code: String,
    pub message: String,
    pub file: String,
    /// 1-based line (the header is line 1).
    pub row: Option<u32>,
    pub column: Option<String>,
}

impl From<&Finding> for FindingDto {
    fn from(finding: &Finding) -> Self {
        FindingDto {
            severity: match finding.severity {
                Severity::Error => FindingSeverity::Error,
                Severity::Warning => FindingSeverity::Warning,
            },
            code: finding.code.clone(),
            message: finding.message.clone(),
            file: finding.location.file.clone(),
            row: finding
                .location
                .row
                .map(|r| u32::try_from(r).unwrap_or(u32::MAX)),
            column: finding.location.column.clone(),
        }
    }
}

/// The import's warnings of one kind, counted (see
/// `orgraph::import::group_findings`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FindingGroupDto {
    pub code: String,
    pub severity: FindingSeverity,
    /// "34 managers not in the file, 373 people affected".
    pub headline: String,
    pub count: u32,
    /// People the findings touch; null when not known (file-wide findings).
    pub people: Option<u32>,
    /// The group's findings, in file order.
    pub findings: Vec<FindingDto>,
}

impl From<&FindingGroup> for FindingGroupDto {
    fn from(group: &FindingGroup) -> Self {
        FindingGroupDto {
            code: group.code.clone(),
            severity: match group.severity {
                Severity::Error => FindingSeverity::Error,
                Severity::Warning => FindingSeverity::Warning,
            },
            headline: group.headline(),
            count: count_usize(group.count),
            people: group.people.map(count_usize),
            findings: group.findings.iter().map(Into::into).collect(),
        }
    }
}

/// `findings` grouped by kind, for the metrics panel.
pub fn finding_groups(findings: &[Finding]) -> Vec<FindingGroupDto> {
    orgraph::import::group_findings(findings)
        .iter()
        .map(Into::into)
        .collect()
}

/// A person in the import report: "Ada Lovelace (CEO)", the id secondary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportPersonDto {
    pub id: String,
    /// "Name (title)", or the id when the person has no name.
    pub label: String,
}

impl From<&NamedPerson> for ReportPersonDto {
    fn from(person: &NamedPerson) -> Self {
        ReportPersonDto {
            id: person.id.clone(),
            label: person.label(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportMoveDto {
    pub person: ReportPersonDto,
    /// The old and new managers (null: top of the org).
    pub from: Option<ReportPersonDto>,
    pub to: Option<ReportPersonDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TitleChangeDto {
    pub person: ReportPersonDto,
    pub from: String,
    pub to: String,
}

/// What a re-import changed (names and titles, never pay).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReportDto {
    pub joiners: Vec<ReportPersonDto>,
    pub leavers: Vec<ReportPersonDto>,
    pub moves: Vec<ImportMoveDto>,
    pub title_changes: Vec<TitleChangeDto>,
    pub other_edits: u32,
    pub team_changes: u32,
    pub link_changes: u32,
    pub setting_changes: u32,
}

impl From<&NamedReport> for ImportReportDto {
    fn from(report: &NamedReport) -> Self {
        let person = |p: &NamedPerson| ReportPersonDto::from(p);
        ImportReportDto {
            joiners: report.joiners.iter().map(person).collect(),
            leavers: report.leavers.iter().map(person).collect(),
            moves: report
                .moves
                .iter()
                .map(|m| ImportMoveDto {
                    person: person(&m.person),
                    from: m.from.as_ref().map(person),
                    to: m.to.as_ref().map(person),
                })
                .collect(),
            title_changes: report
                .title_changes
                .iter()
                .map(|t| TitleChangeDto {
                    person: person(&t.person),
                    from: t.from.clone(),
                    to: t.to.clone(),
                })
                .collect(),
            other_edits: count_usize(report.other_edits),
            team_changes: count_usize(report.team_changes),
            link_changes: count_usize(report.link_changes),
            setting_changes: count_usize(report.setting_changes),
        }
    }
}

/// What an import stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportResultDto {
    pub people: u32,
    pub teams: u32,
    pub warnings: Vec<FindingDto>,
    /// The warnings grouped by kind with counts, as the metrics panel
    /// shows them.
    pub warning_groups: Vec<FindingGroupDto>,
    /// For a re-import: what changed since the previous baseline.
    pub report: Option<ImportReportDto>,
    /// The scenario keeping the previous baseline, if anything changed.
    pub kept_as: Option<String>,
    /// Each scenario with changes that no longer apply to the new baseline.
    pub conflicts: Vec<ScenarioConflictsDto>,
}

/// One scenario's changes that no longer apply (kept, not applied).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioConflictsDto {
    pub scenario: String,
    pub conflicts: Vec<orgraph::session::ShownConflict>,
}

impl ImportResultDto {
    /// The outcome of an import, its report naming people as `named` does.
    pub fn of(outcome: &ImportOutcome, named: Option<&NamedReport>) -> Self {
        ImportResultDto {
            people: count_usize(outcome.people),
            teams: count_usize(outcome.teams),
            warnings: outcome.warnings.iter().map(Into::into).collect(),
            warning_groups: finding_groups(&outcome.warnings),
            report: named.map(Into::into),
            kept_as: outcome.kept_as.clone(),
            conflicts: outcome
                .conflicts
                .iter()
                .map(|checked| ScenarioConflictsDto {
                    scenario: checked.scenario.clone(),
                    conflicts: checked.conflicts.iter().map(ShownConflict::of).collect(),
                })
                .collect(),
        }
    }
}

use orgraph::session::ShownConflict;

#[cfg(test)]
#[path = "import_review_tests.rs"]
mod review_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dto::IpcError;
    use orgraph::ErrorCode;
    use std::path::Path;

    const PEOPLE: &str = "Employee #,Full Name,Job Title,Reports To,Annual Salary\n\
        1,Ada Lovelace,CEO,,250000\n\
        2,Grace Hopper,CTO,\"Lovelace, Ada\",180000\n\
        3,Alan Turing,Engineer,\"Hopper, Grace\",120000\n\
        4,Edsger Dijkstra,Engineer,\"Hopper, Grace\",125000\n";

    fn write(dir: &Path, name: &str, text: &str) -> String {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write the file");
        path.to_str().expect("UTF-8 path").to_string()
    }

    fn request(path: &str) -> ImportRequest {
        ImportRequest {
            path: path.to_string(),
            sheet: None,
            overrides: Vec::new(),
            manager_ref: None,
            signed: Vec::new(),
        }
    }

    #[test]
    fn a_request_deserialises_from_the_ui_shape_and_checks_names() {
        let json = serde_json::json!({
            "path": "/tmp/people.csv", "sheet": null,
            "overrides": [{"column": "Reports To", "field": "manager_id"},
                          {"column": "Notes", "field": "ignore"}],
            "managerRef": "last-first", "signed": ["Annual Salary"]
        });
        let parsed: ImportRequest = serde_json::from_value(json).expect("parses");
        let (path, options) = parsed.to_options().expect("valid");
        assert_eq!(path, PathBuf::from("/tmp/people.csv"));
        assert_eq!(
            options.overrides,
            vec![
                ("Reports To".to_string(), Field::Manager),
                ("Notes".to_string(), Field::Ignore)
            ]
        );
        assert_eq!(options.manager_ref, Some(ManagerRef::LastFirst));
        assert_eq!(options.signed, vec!["Annual Salary".to_string()]);

        let mut bad = request("/tmp/people.csv");
        bad.overrides.push(ColumnOverride {
            column: "X".to_string(),
            field: "salary-ish".to_string(),
        });
        let error = bad.to_options().expect_err("unknown field");
        assert_eq!(error.code(), orgraph::ErrorCode::InvalidInput);
        let mut bad = request("/tmp/people.csv");
        bad.manager_ref = Some("nickname".to_string());
        assert!(bad.to_options().is_err());
        assert!(request("people.csv").to_options().is_err());
    }

    #[test]
    fn detection_shows_the_mapping_and_hides_costs_in_the_preview() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = write(dir.path(), "people.csv", PEOPLE);
        let (file, options) = request(&path).to_options().expect("valid");
        let dto = ImportDetectionDto::new(
            &file,
            orgraph::import::detect(&file, &options).expect("detects"),
        );
        assert_eq!(dto.format, ImportFormat::Csv);
        assert_eq!(dto.delimiter.as_deref(), Some(","));
        assert_eq!(dto.manager_ref, "last-first");
        assert_eq!(dto.rows, 4);
        let field = |header: &str| {
            dto.columns
                .iter()
                .find(|c| c.header == header)
                .and_then(|c| c.field.clone())
        };
        assert_eq!(field("Reports To").as_deref(), Some("manager_id"));
        assert_eq!(field("Employee #").as_deref(), Some("id"));
        assert_eq!(field("Annual Salary").as_deref(), Some("cost"));
        assert!(dto.fields.contains(&"manager_id".to_string()));
        assert!(!dto.fields.contains(&"ignore".to_string()));
        assert_eq!(dto.preview.len(), 4);
        let text = serde_json::to_string(&dto).expect("serialise");
        for salary in ["250000", "180000", "120000", "125000"] {
            assert!(!text.contains(salary), "the preview leaks a cost: {text}");
        }
        assert_eq!(dto.preview[0][4], HIDDEN_COST);

        // Reading the salary column as nothing still hides its values.
        let mut unmapped = request(&path);
        unmapped.overrides.push(ColumnOverride {
            column: "Annual Salary".to_string(),
            field: "ignore".to_string(),
        });
        let (file, options) = unmapped.to_options().expect("valid");
        let dto = ImportDetectionDto::new(
            &file,
            orgraph::import::detect(&file, &options).expect("detects"),
        );
        let salary = dto.columns.iter().find(|c| c.header == "Annual Salary");
        assert_eq!(
            salary.map(|c| (c.field.clone(), c.overridden)),
            Some((None, true))
        );
        let text = serde_json::to_string(&dto).expect("serialise");
        assert!(
            !text.contains("250000"),
            "an unread salary column leaks: {text}"
        );
    }

    #[test]
    fn an_import_replaces_the_session_and_a_bad_file_changes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut session =
            Session::open_or_seed(&dir.path().join("w.orgraph")).expect("seeded workspace");
        let seeded = session.org().len();
        assert!(seeded > 4);

        // A reporting cycle: nothing is written, the findings cross IPC.
        let cycle = write(
            dir.path(),
            "cycle.csv",
            "Employee #,Full Name,Reports To\n1,Ada Lovelace,\"Turing, Alan\"\n2,Alan Turing,\"Lovelace, Ada\"\n",
        );
        let seen = std::sync::Mutex::new(Vec::new());
        let sink = |p: Progress| seen.lock().expect("lock").push(ImportProgressDto::from(p));
        let error = request(&cycle)
            .import_into(&mut session, &sink)
            .expect_err("a cycle");
        let ipc = IpcError::from(error);
        assert_eq!(ipc.code, ErrorCode::Validation);
        let findings = ipc.findings.clone().expect("findings");
        let located = findings
            .iter()
            .find(|f| f.severity == FindingSeverity::Error && f.row.is_some())
            .expect("a located error");
        assert!(located.file.ends_with("cycle.csv"), "{located:?}");
        assert!(located.column.is_some(), "{located:?}");
        let json = serde_json::to_value(&ipc).expect("serialise");
        assert!(json["findings"][0]["code"].is_string(), "{json}");
        assert_eq!(session.org().len(), seeded);
        assert_eq!(
            Session::open(session.path()).expect("reopen").org().len(),
            seeded
        );

        // A good file becomes the baseline on show; a re-import reports.
        session
            .create_scenario("reorg", "baseline")
            .expect("scenario");
        assert_eq!(session.scenario().name, "reorg");
        let people = write(dir.path(), "people.csv", PEOPLE);
        let result = request(&people)
            .import_into(&mut session, &sink)
            .expect("imports");
        assert_eq!(result.people, 4);
        assert_eq!(session.org().len(), 4);
        assert_eq!(session.scenario().name, "baseline");
        // The untouched demo org (an empty scenario refers to none of its
        // people) is replaced as by a first import.
        assert_eq!((&result.report, &result.kept_as), (&None, &None));
        assert!(!seen.lock().expect("lock").is_empty(), "progress reported");
        let text = serde_json::to_string(&result).expect("serialise");
        assert!(!text.contains("250000"), "{text}");

        let moved = PEOPLE.replace("\"Hopper, Grace\",125000", "\"Lovelace, Ada\",125000");
        let moved = moved.replace("3,Alan Turing,Engineer", "3,Alan Turing,Staff Engineer");
        let again = write(dir.path(), "people2.csv", &moved);
        let result = request(&again)
            .import_into(&mut session, &sink)
            .expect("re-imports");
        let report = result.report.expect("report");
        assert_eq!(report.moves.len(), 1);
        assert_eq!(report.moves[0].person.id, "4");
        assert_eq!(report.moves[0].person.label, "Edsger Dijkstra (Engineer)");
        let to = report.moves[0].to.as_ref().map(|m| m.label.as_str());
        assert_eq!(to, Some("Ada Lovelace (CEO)"));
        let from = report.moves[0].from.as_ref().map(|m| m.label.as_str());
        assert_eq!(from, Some("Grace Hopper (CTO)"));
        assert_eq!(report.title_changes.len(), 1);
        assert_eq!(
            report.title_changes[0].person.label,
            "Alan Turing (Staff Engineer)"
        );
        assert_eq!(report.title_changes[0].to, "Staff Engineer");
        assert!(report.joiners.is_empty() && report.leavers.is_empty());
    }
}
