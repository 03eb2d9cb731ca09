use crate::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// Short text kept inline (up to 24 bytes) rather than on the heap: ids and
/// names almost always fit, which saves two allocations per person.
pub type ShortText = compact_str::CompactString;

/// A person's stable id: taken from the source file, or generated.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(#[cfg_attr(feature = "ts", ts(as = "String"))] pub ShortText);

impl PersonId {
    pub fn new(id: impl Into<ShortText>) -> Self {
        PersonId(id.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for PersonId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for PersonId {
    fn from(id: &str) -> Self {
        PersonId(ShortText::from(id))
    }
}

/// Where a person stands: on payroll, an open req, a planned hire or leaving.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Active,
    Open,
    Planned,
    Departing,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Active,
        Status::Open,
        Status::Planned,
        Status::Departing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Open => "open",
            Status::Planned => "planned",
            Status::Departing => "departing",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = String;

    /// Accepts the canonical names plus the synonyms HR exports use.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        // The canonical spellings first, without allocating: imports parse
        // one status per row.
        match text {
            "active" => return Ok(Status::Active),
            "open" => return Ok(Status::Open),
            "planned" => return Ok(Status::Planned),
            "departing" => return Ok(Status::Departing),
            _ => {}
        }
        match text.trim().to_ascii_lowercase().as_str() {
            "" | "active" | "employed" | "current" => Ok(Status::Active),
            "open" | "open req" | "open_req" | "req" | "vacancy" => Ok(Status::Open),
            "planned" | "planned hire" | "planned_hire" | "future" => Ok(Status::Planned),
            "departing" | "leaving" | "terminating" | "notice" => Ok(Status::Departing),
            other => Err(format!(
                "'{other}' is not a status (expected active, open, planned or departing)"
            )),
        }
    }
}

/// One person (or open req / planned hire) in the org.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub name: ShortText,
    // Titles, levels and locations repeat across thousands of people, so
    // each distinct value is stored once and shared.
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub title: Arc<str>,
    /// A free level code such as `L6`, `M5` or `IC4`, looked up in the ladder.
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub level: Arc<str>,
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub location: Arc<str>,
    /// Annual cost; `None` when the source did not say.
    pub cost: Option<Money>,
    pub status: Status,
    /// Home team, at most one.
    pub team: Option<crate::model::TeamId>,
    /// Start date: the target date of an open req or planned hire, or the
    /// hire date of someone on payroll.
    pub start_date: Option<NaiveDate>,
    /// The last day of someone departing, when known.
    pub end_date: Option<NaiveDate>,
}

impl Person {
    pub fn new(id: impl Into<ShortText>) -> Self {
        Person {
            id: PersonId(id.into()),
            name: ShortText::default(),
            title: Arc::default(),
            level: Arc::default(),
            location: Arc::default(),
            cost: None,
            status: Status::Active,
            team: None,
            start_date: None,
            end_date: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_parses_synonyms_and_refuses_nonsense() {
        assert_eq!("Open Req".parse::<Status>(), Ok(Status::Open));
        assert_eq!("".parse::<Status>(), Ok(Status::Active));
        assert_eq!("LEAVING".parse::<Status>(), Ok(Status::Departing));
        assert!("retired".parse::<Status>().is_err());
        for status in Status::ALL {
            assert_eq!(status.as_str().parse::<Status>(), Ok(status));
        }
    }
}
