use serde::{Deserialize, Serialize};
use std::fmt;

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// Where in the source a finding points: file, 1-based line (the header is
/// line 1) and column name.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Location {
    pub file: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub row: Option<u64>,
    pub column: Option<String>,
}

/// A validation result: an error stops an import, a warning is kept with
/// the workspace.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable kebab-case code such as `duplicate-id` or `manager-not-found`.
    pub code: String,
    pub message: String,
    pub location: Location,
}

impl Finding {
    pub fn error(code: &str, message: impl Into<String>, location: Location) -> Self {
        Finding {
            severity: Severity::Error,
            code: code.to_string(),
            message: message.into(),
            location,
        }
    }

    pub fn warning(code: &str, message: impl Into<String>, location: Location) -> Self {
        Finding {
            severity: Severity::Warning,
            code: code.to_string(),
            message: message.into(),
            location,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}", self.location.file)?;
        if let Some(row) = self.location.row {
            write!(f, ":{row}")?;
        }
        if let Some(column) = &self.location.column {
            write!(f, ": column '{column}'")?;
        }
        write!(f, ": {severity}[{}]: {}", self.code, self.message)
    }
}
