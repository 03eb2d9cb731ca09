use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// A team's stable id. Imported teams use their name as given.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TeamId(#[cfg_attr(feature = "ts", ts(as = "String"))] pub Arc<str>);

impl TeamId {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id a new team gets from its name when none is given:
    /// `team-` and the name's words, lowercased, joined by dashes
    /// ("Payments Core" is `team-payments-core`).
    pub fn from_name(name: &str) -> TeamId {
        let lower = name.trim().to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .collect();
        TeamId::from(format!("team-{}", words.join("-")).as_str())
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TeamKind {
    #[default]
    StreamAligned,
    Platform,
    Enabling,
    Architecture,
    /// Sales, marketing, finance and the like: not an engineering team, so
    /// no staff+ engineer is expected to support it.
    NonEngineering,
}

impl TeamKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TeamKind::StreamAligned => "stream-aligned",
            TeamKind::Platform => "platform",
            TeamKind::Enabling => "enabling",
            TeamKind::Architecture => "architecture",
            TeamKind::NonEngineering => "non-engineering",
        }
    }

    /// Whether staff+ coverage counts this team: engineering teams other
    /// than the central architecture groups (which are the supporters).
    pub fn counts_for_coverage(self) -> bool {
        !matches!(self, TeamKind::Architecture | TeamKind::NonEngineering)
    }

    /// The kind an imported team gets when the source does not say, from
    /// its name: architecture, platform and enabling teams by those words.
    pub fn guess_from_name(name: &str) -> TeamKind {
        TeamKind::guess(name, "")
    }

    /// The kind an imported team gets when the source does not say, from
    /// its name and department: a name mentioning architecture, platform
    /// or enabling gives that kind; otherwise a word such as Sales,
    /// Marketing, Finance, Legal, People, HR, Accounting or Support in the
    /// name or the department makes it non-engineering.
    pub fn guess(name: &str, department: &str) -> TeamKind {
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
        } else if (has_word(name, &BUSINESS_WORDS) || has_word(department, &BUSINESS_WORDS))
            && !has_word(name, &ENGINEERING_WORDS)
            && !has_word(department, &ENGINEERING_WORDS)
        {
            TeamKind::NonEngineering
        } else {
            TeamKind::StreamAligned
        }
    }
}

/// Words naming a business function rather than engineering, matched as
/// whole words ("HR" in "HR Ops", not in "Three").
const BUSINESS_WORDS: [&str; 11] = [
    "executive",
    "sales",
    "marketing",
    "finance",
    "legal",
    "people",
    "hr",
    "accounting",
    "support",
    "recruiting",
    "talent",
];

/// Words that make a team with a business word an engineering team
/// building for that function ("Finance Systems", "Support Tools").
const ENGINEERING_WORDS: [&str; 12] = [
    "engineering",
    "systems",
    "tools",
    "tooling",
    "software",
    "technology",
    "tech",
    "data",
    "infrastructure",
    "api",
    "it",
    "developer",
];

fn has_word(text: &str, words: &[&str]) -> bool {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| words.iter().any(|w| word.eq_ignore_ascii_case(w)))
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
            "nonengineering" | "business" => Ok(TeamKind::NonEngineering),
            _ => Err(format!(
                "'{}' is not a team kind (expected stream-aligned, platform, enabling, architecture or non-engineering)",
                text.trim()
            )),
        }
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
        assert_eq!(
            "Non-engineering".parse::<TeamKind>(),
            Ok(TeamKind::NonEngineering)
        );
    }

    #[test]
    fn a_team_id_is_made_from_the_words_of_its_name() {
        assert_eq!(
            TeamId::from_name(" Payments  Core "),
            TeamId::from("team-payments-core")
        );
        assert_eq!(
            TeamId::from_name("R&D / Café"),
            TeamId::from("team-r-d-café")
        );
    }

    #[test]
    fn business_teams_are_guessed_from_their_name_or_department() {
        for (name, department, kind) in [
            ("Sales", "", TeamKind::NonEngineering),
            ("EMEA Field Marketing", "", TeamKind::NonEngineering),
            ("Team 7", "Finance", TeamKind::NonEngineering),
            ("HR Ops", "", TeamKind::NonEngineering),
            ("Customer support", "Operations", TeamKind::NonEngineering),
            ("Three", "", TeamKind::StreamAligned),
            ("Peoples", "", TeamKind::StreamAligned),
            ("Payments", "Engineering", TeamKind::StreamAligned),
            ("Support Platform", "Support", TeamKind::Platform),
            (
                "Support Tools",
                "Customer Experience",
                TeamKind::StreamAligned,
            ),
            ("Payroll", "Finance Systems", TeamKind::StreamAligned),
            ("Sales Engineering", "Sales", TeamKind::StreamAligned),
        ] {
            assert_eq!(
                TeamKind::guess(name, department),
                kind,
                "{name} / {department}"
            );
        }
        assert!(!TeamKind::NonEngineering.counts_for_coverage());
        assert!(!TeamKind::Architecture.counts_for_coverage());
        assert!(TeamKind::Platform.counts_for_coverage());
    }
}
