//! What crosses IPC in a shape of the shell's own: the command error.
//! Everything else a command takes or answers is a core type, sent as it is.
//!
//! Individual compensation crosses IPC only for the people table and its
//! edits (`orgraph::people::PeopleTable::cost_cents`, and the cost typed
//! into an `EnteredChange`), which HR and directors use to see and edit
//! cost; it is never logged. Every other answer carries money only as totals
//! over a team, department or scenario (the dashboard, the plan, the
//! comparison).

use orgraph::model::Finding;
use orgraph::{ErrorCode, OrgError};
use serde::Serialize;
use ts_rs::TS;

/// Every command error crosses IPC as `{ code, message }`, plus the located
/// `findings` of a `validation` error (an import's report). The UI matches
/// on `code` only; `message` is for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
    /// Every error and warning of a failed validation, with file, row and
    /// column; absent for other errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub findings: Option<Vec<Finding>>,
}

impl IpcError {
    pub fn internal(message: impl Into<String>) -> Self {
        IpcError {
            code: ErrorCode::Internal,
            message: message.into(),
            findings: None,
        }
    }
}

impl From<OrgError> for IpcError {
    fn from(error: OrgError) -> Self {
        let findings = match &error {
            OrgError::Validation(findings) => Some(findings.clone()),
            _ => None,
        };
        IpcError {
            code: error.code(),
            message: error.to_string(),
            findings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use orgraph::session::Session;

    fn seeded() -> (tempfile::TempDir, Session) {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = Session::open_or_seed(&dir.path().join("t.orgraph")).expect("seeded");
        (dir, session)
    }

    #[test]
    fn a_cycle_crosses_ipc_as_code_and_message() {
        let (_dir, mut s) = seeded();
        let org = s.org();
        let root = org
            .people()
            .find(|p| org.manager_of(&p.id).is_none())
            .map(|p| p.id.clone())
            .expect("a root");
        let report = org.reports_of(&root)[0].clone();
        let error = IpcError::from(s.move_person(&root, Some(&report)).expect_err("cycle"));
        let json = serde_json::to_value(&error).expect("serialise");
        assert_eq!(json["code"], "would-create-cycle");
        assert!(json["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert_eq!(json.as_object().map(|o| o.len()), Some(2));
    }

    #[test]
    fn a_validation_error_crosses_ipc_with_its_located_findings() {
        let finding = orgraph::model::Finding::error(
            "manager-cycle",
            "a cycle",
            orgraph::model::Location {
                file: "people.csv".to_string(),
                row: Some(3),
                column: Some("Reports To".to_string()),
            },
        );
        let error = IpcError::from(OrgError::Validation(vec![finding.clone()]));
        assert_eq!(error.code, ErrorCode::Validation);
        assert_eq!(error.findings, Some(vec![finding]));
        let json = serde_json::to_value(&error).expect("serialise");
        assert_eq!(json["findings"][0]["code"], "manager-cycle");
        assert_eq!(json["findings"][0]["location"]["row"], 3);
    }
}
