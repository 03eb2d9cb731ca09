use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// A team's stable id. Imported teams use their name as given.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TeamId(pub Arc<str>);

impl TeamId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TeamId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// Hash and equality are the text's own, so a team can be looked up by
// text without making an id of it.
impl std::borrow::Borrow<str> for TeamId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for TeamId {
    fn from(id: &str) -> Self {
        TeamId(Arc::from(id))
    }
}

/// Team Topologies kinds; `Architecture` is a central architecture group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TeamKind {
    #[default]
    StreamAligned,
    Platform,
    Enabling,
    Architecture,
}

impl TeamKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TeamKind::StreamAligned => "stream-aligned",
            TeamKind::Platform => "platform",
            TeamKind::Enabling => "enabling",
            TeamKind::Architecture => "architecture",
        }
    }

    /// The kind an imported team gets when the source does not say: a team
    /// whose name mentions architecture is a central architecture group.
    pub fn guess_from_name(name: &str) -> TeamKind {
        // The words are ASCII, so an ASCII case-insensitive search finds
        // them without lowercasing (allocating) every new team's name.
        let mentions = |word: &str| {
            name.as_bytes()
                .windows(word.len())
                .any(|window| window.eq_ignore_ascii_case(word.as_bytes()))
        };
        if mentions("architecture") {
            TeamKind::Architecture
        } else if mentions("platform") {
            TeamKind::Platform
        } else if mentions("enabling") {
            TeamKind::Enabling
        } else {
            TeamKind::StreamAligned
        }
    }
}

impl fmt::Display for TeamKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TeamKind {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let normalised: String = text
            .trim()
            .to_ascii_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        match normalised.as_str() {
            "" | "streamaligned" | "stream" | "product" => Ok(TeamKind::StreamAligned),
            "platform" => Ok(TeamKind::Platform),
            "enabling" => Ok(TeamKind::Enabling),
            "architecture" | "centralarchitecture" => Ok(TeamKind::Architecture),
            _ => Err(format!(
                "'{}' is not a team kind (expected stream-aligned, platform, enabling or architecture)",
                text.trim()
            )),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub id: TeamId,
    pub name: String,
    pub kind: TeamKind,
    pub lead: Option<crate::model::PersonId>,
    /// The parent department, free text.
    pub department: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_loosely() {
        assert_eq!(
            "Stream Aligned".parse::<TeamKind>(),
            Ok(TeamKind::StreamAligned)
        );
        assert_eq!(
            "architecture".parse::<TeamKind>(),
            Ok(TeamKind::Architecture)
        );
        assert!("squad".parse::<TeamKind>().is_err());
        for (name, kind) in [
            ("Central Architecture", TeamKind::Architecture),
            ("Payments", TeamKind::StreamAligned),
            ("Data PLATFORM", TeamKind::Platform),
            ("Café enAbling", TeamKind::Enabling),
            ("Arch", TeamKind::StreamAligned),
        ] {
            assert_eq!(TeamKind::guess_from_name(name), kind, "{name}");
        }
    }
}
