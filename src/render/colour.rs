//! Box colours and legend entries for each [`ColourBy`] mode.

use super::ColourBy;
use crate::metrics::{Metrics, Verdict};
use crate::model::{Org, Person, Placement, Status};
use std::collections::HashMap;

/// Neutral fill: people a mode says nothing about.
pub(crate) const NEUTRAL: &str = "#f3f4f6";

/// Pale fills that keep black text readable, cycled over teams.
const TEAM_PALETTE: [&str; 12] = [
    "#bfdbfe", "#bbf7d0", "#fde68a", "#fecaca", "#ddd6fe", "#a5f3fc", "#fed7aa", "#f5d0fe",
    "#d9f99d", "#c7d2fe", "#99f6e4", "#fbcfe8",
];

/// One legend entry; boxes refer to it by index.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Key {
    pub label: String,
    pub fill: &'static str,
}

/// Every key a mode can use, in legend order, and each person's key.
#[derive(Debug)]
pub(crate) struct Colouring<'a> {
    pub keys: Vec<Key>,
    org: &'a Org,
    mode: ColourBy,
    team_index: HashMap<&'a str, u32>,
    verdicts: HashMap<&'a str, Verdict>,
}

impl<'a> Colouring<'a> {
    pub fn new(org: &'a Org, metrics: &'a Metrics, mode: ColourBy) -> Colouring<'a> {
        let key = |label: &str, fill| Key {
            label: label.to_string(),
            fill,
        };
        let mut team_index = HashMap::new();
        let mut verdicts = HashMap::new();
        let keys = match mode {
            ColourBy::Team => {
                let mut keys = Vec::with_capacity(org.teams().len() + 1);
                for (i, team) in org.teams().iter().enumerate() {
                    team_index.insert(team.id.as_str(), i as u32);
                    keys.push(key(&team.name, TEAM_PALETTE[i % TEAM_PALETTE.len()]));
                }
                keys.push(key("No team", NEUTRAL));
                keys
            }
            ColourBy::Verdict => {
                for m in &metrics.span_by_manager {
                    verdicts.insert(m.id.as_str(), m.verdict);
                }
                vec![
                    key("Narrow span", "#fde68a"),
                    key("Span in band", "#bbf7d0"),
                    key("Wide span", "#fecaca"),
                    key("Individual contributor", NEUTRAL),
                ]
            }
            ColourBy::Placement => vec![
                key("Staff+ embedded", "#bfdbfe"),
                key("Staff+ central", "#ddd6fe"),
                key("Others", NEUTRAL),
            ],
            ColourBy::Status => vec![
                key("Active", "#bbf7d0"),
                key("Open req", "#bfdbfe"),
                key("Planned hire", "#ddd6fe"),
                key("Departing", "#fed7aa"),
            ],
        };
        Colouring {
            keys,
            org,
            mode,
            team_index,
            verdicts,
        }
    }

    /// The key (index into `keys`) of one person.
    pub fn key_of(&self, person: &Person) -> u32 {
        match self.mode {
            ColourBy::Team => person
                .team
                .as_ref()
                .and_then(|t| self.team_index.get(t.as_str()).copied())
                .unwrap_or(self.keys.len() as u32 - 1),
            ColourBy::Verdict => match self.verdicts.get(person.id.as_str()) {
                Some(Verdict::Narrow) => 0,
                Some(Verdict::InBand) => 1,
                Some(Verdict::Wide) => 2,
                None => 3,
            },
            ColourBy::Placement => {
                if !self.org.is_staff_plus(person) {
                    return 2;
                }
                match self.org.placement(person) {
                    Placement::Embedded => 0,
                    Placement::Central => 1,
                    Placement::Unplaced => 2,
                }
            }
            ColourBy::Status => match person.status {
                Status::Active => 0,
                Status::Open => 1,
                Status::Planned => 2,
                Status::Departing => 3,
            },
        }
    }
}

/// How a mode is named in a legend.
pub(crate) fn mode_label(mode: ColourBy) -> &'static str {
    match mode {
        ColourBy::Team => "Colour: team",
        ColourBy::Verdict => "Colour: span verdict",
        ColourBy::Placement => "Colour: staff+ placement",
        ColourBy::Status => "Colour: status",
    }
}
