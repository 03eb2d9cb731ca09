//! Typed changes: every edit to an org, as stored (JSON) in a scenario's
//! ordered change list.

use crate::model::{Ladder, Person, PersonId, Policy, Status, TeamId, TeamKind};
use crate::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// One edit. Applying it validates it against the org as it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Change {
    /// Moves a person under a new manager (or makes them a root).
    Move {
        person: PersonId,
        manager: Option<PersonId>,
    },
    /// Moves a person alone under a new manager (or makes them a root):
    /// their direct reports stay behind, re-parented to the old manager.
    MoveAlone {
        person: PersonId,
        manager: Option<PersonId>,
    },
    /// Adds a person: a hire, an open req or a planned hire.
    AddPerson {
        person: NewPerson,
        manager: Option<PersonId>,
    },
    /// A departure. Their reports move up to their manager.
    RemovePerson {
        person: PersonId,
    },
    /// Sets one field of a person. `was` is the value the edit replaced,
    /// recorded when it is made, so that a re-import that changes the
    /// field under it shows as a conflict; changes stored without it
    /// (older ones, a re-import's own) are not checked.
    EditPerson {
        person: PersonId,
        edit: PersonEdit,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        was: Option<PersonEdit>,
    },
    /// Gives several people one home team (or none) as a single step, so
    /// moving a group between teams is one undo.
    AssignTeam {
        people: Vec<PersonId>,
        team: Option<TeamId>,
    },
    CreateTeam {
        team: TeamId,
        name: String,
        team_kind: TeamKind,
        department: Option<String>,
    },
    RenameTeam {
        team: TeamId,
        name: String,
    },
    SetTeamKind {
        team: TeamId,
        team_kind: TeamKind,
    },
    /// Removes a team; its members are left without a home team.
    DissolveTeam {
        team: TeamId,
    },
    AddSupport {
        person: PersonId,
        team: TeamId,
    },
    RemoveSupport {
        person: PersonId,
        team: TeamId,
    },
    AddDottedLine {
        manager: PersonId,
        report: PersonId,
    },
    RemoveDottedLine {
        manager: PersonId,
        report: PersonId,
    },
    SetPolicy {
        policy: Policy,
    },
    SetLadder {
        ladder: Ladder,
    },
}

/// A person as added by a change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewPerson {
    pub id: PersonId,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub cost: Option<Money>,
    pub status: Status,
    #[serde(default)]
    pub team: Option<TeamId>,
    /// Target date of an open req or planned hire.
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
}

impl NewPerson {
    /// The person this adds, as it enters the org.
    pub fn person(&self) -> Person {
        Person {
            id: self.id.clone(),
            name: self.name.as_str().into(),
            title: Arc::from(self.title.as_str()),
            level: Arc::from(self.level.as_str()),
            location: Arc::from(self.location.as_str()),
            cost: self.cost,
            status: self.status,
            team: self.team.clone(),
            start_date: self.start_date,
            end_date: None,
        }
    }
}

/// One field of a person, with its new value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum PersonEdit {
    Name(String),
    Title(String),
    Level(String),
    Location(String),
    Cost(Option<Money>),
    Status(Status),
    Team(Option<TeamId>),
    StartDate(Option<NaiveDate>),
    EndDate(Option<NaiveDate>),
}

impl PersonEdit {
    pub fn field(&self) -> &'static str {
        match self {
            PersonEdit::Name(_) => "name",
            PersonEdit::Title(_) => "title",
            PersonEdit::Level(_) => "level",
            PersonEdit::Location(_) => "location",
            PersonEdit::Cost(_) => "cost",
            PersonEdit::Status(_) => "status",
            PersonEdit::Team(_) => "team",
            PersonEdit::StartDate(_) => "start_date",
            PersonEdit::EndDate(_) => "end_date",
        }
    }
}

impl Change {
    /// The kind as stored in the `changes.kind` column.
    pub fn kind(&self) -> &'static str {
        match self {
            Change::Move { .. } => "move",
            Change::MoveAlone { .. } => "move-alone",
            Change::AddPerson { .. } => "add-person",
            Change::RemovePerson { .. } => "remove-person",
            Change::EditPerson { .. } => "edit-person",
            Change::AssignTeam { .. } => "assign-team",
            Change::CreateTeam { .. } => "create-team",
            Change::RenameTeam { .. } => "rename-team",
            Change::SetTeamKind { .. } => "set-team-kind",
            Change::DissolveTeam { .. } => "dissolve-team",
            Change::AddSupport { .. } => "add-support",
            Change::RemoveSupport { .. } => "remove-support",
            Change::AddDottedLine { .. } => "add-dotted-line",
            Change::RemoveDottedLine { .. } => "remove-dotted-line",
            Change::SetPolicy { .. } => "set-policy",
            Change::SetLadder { .. } => "set-ladder",
        }
    }
}

fn or_root(manager: &Option<PersonId>) -> String {
    manager
        .as_ref()
        .map_or_else(|| "(no manager)".to_string(), ToString::to_string)
}

/// A one-line description, e.g. `move E12 to E3`. Never shows cost values:
/// change lists end up in logs and screenshots.
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Move { person, manager } => write!(f, "move {person} to {}", or_root(manager)),
            Change::MoveAlone { person, manager } => {
                write!(f, "move {person} alone to {}", or_root(manager))
            }
            Change::AddPerson { person, manager } => write!(
                f,
                "add {} {} ({}) under {}",
                person.status.as_str(),
                person.id,
                person.title,
                or_root(manager)
            ),
            Change::RemovePerson { person } => write!(f, "remove {person}"),
            Change::EditPerson { person, edit, .. } => match edit {
                PersonEdit::Cost(_) => write!(f, "edit {person}: cost"),
                PersonEdit::Name(v)
                | PersonEdit::Title(v)
                | PersonEdit::Level(v)
                | PersonEdit::Location(v) => {
                    write!(f, "edit {person}: {} = {v}", edit.field())
                }
                PersonEdit::Status(s) => write!(f, "edit {person}: status = {}", s.as_str()),
                PersonEdit::Team(t) => write!(
                    f,
                    "edit {person}: team = {}",
                    t.as_ref().map_or("(none)", TeamId::as_str)
                ),
                PersonEdit::StartDate(d) | PersonEdit::EndDate(d) => write!(
                    f,
                    "edit {person}: {} = {}",
                    edit.field(),
                    d.map_or_else(|| "(none)".to_string(), |d| d.to_string())
                ),
            },
            Change::AssignTeam { people, team } => write!(
                f,
                "move {} {} to team {}",
                people.len(),
                if people.len() == 1 {
                    "person"
                } else {
                    "people"
                },
                team.as_ref().map_or("(none)", TeamId::as_str)
            ),
            Change::CreateTeam {
                team, team_kind, ..
            } => {
                write!(f, "create {} team {team}", team_kind.as_str())
            }
            Change::RenameTeam { team, name } => write!(f, "rename team {team} to {name}"),
            Change::SetTeamKind { team, team_kind } => {
                write!(f, "make team {team} {}", team_kind.as_str())
            }
            Change::DissolveTeam { team } => write!(f, "dissolve team {team}"),
            Change::AddSupport { person, team } => write!(f, "{person} supports {team}"),
            Change::RemoveSupport { person, team } => write!(f, "{person} stops supporting {team}"),
            Change::AddDottedLine { manager, report } => {
                write!(f, "dotted line {manager} -> {report}")
            }
            Change::RemoveDottedLine { manager, report } => {
                write!(f, "remove dotted line {manager} -> {report}")
            }
            Change::SetPolicy { policy } => write!(
                f,
                "set band {}-{}, max load {}, team size {}-{}",
                policy.band_min, policy.band_max, policy.max_load, policy.team_min, policy.team_max
            ),
            Change::SetLadder { ladder } => {
                write!(f, "set ladder ({} levels)", ladder.levels().len())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_round_trip_through_json() {
        let changes = vec![
            Change::Move {
                person: "a".into(),
                manager: None,
            },
            Change::EditPerson {
                person: "a".into(),
                edit: PersonEdit::Cost(Some(Money::from_cents(12_345))),
                was: None,
            },
            Change::AddPerson {
                person: NewPerson {
                    id: "req-1".into(),
                    name: String::new(),
                    title: "Engineer".into(),
                    level: "IC3".into(),
                    location: String::new(),
                    cost: Some(Money::from_cents(100)),
                    status: Status::Open,
                    team: Some("core".into()),
                    start_date: NaiveDate::from_ymd_opt(2027, 3, 1),
                },
                manager: Some("m".into()),
            },
            Change::SetPolicy {
                policy: Policy::default(),
            },
            Change::AssignTeam {
                people: vec!["a".into(), "b".into()],
                team: Some("core".into()),
            },
            Change::MoveAlone {
                person: "a".into(),
                manager: Some("b".into()),
            },
        ];
        for change in changes {
            let json = serde_json::to_string(&change).expect("serialisable");
            let back: Change = serde_json::from_str(&json).expect("readable");
            assert_eq!(back, change, "{json}");
        }
        let json = serde_json::to_value(Change::Move {
            person: "a".into(),
            manager: Some("b".into()),
        })
        .expect("serialisable");
        assert_eq!(json["kind"], "move");
        // A payload stored before `move-alone` existed still reads as a move.
        let old: Change =
            serde_json::from_str(r#"{"kind":"move","person":"a","manager":"b"}"#).expect("old");
        assert_eq!(
            old,
            Change::Move {
                person: "a".into(),
                manager: Some("b".into()),
            }
        );
    }

    #[test]
    fn a_stored_policy_change_from_before_the_team_size_target_still_reads() {
        let old = r#"{"kind":"set-policy","policy":{"band_min":3,"band_max":6,"max_load":2}}"#;
        let change: Change = serde_json::from_str(old).expect("readable");
        let Change::SetPolicy { policy } = change else {
            panic!("not a policy change: {change:?}");
        };
        assert_eq!(
            (policy.band_min, policy.band_max, policy.max_load),
            (3, 6, 2)
        );
        assert_eq!((policy.team_min, policy.team_max), (5, 9));
    }

    #[test]
    fn descriptions_never_show_cost() {
        let text = Change::EditPerson {
            person: "a".into(),
            edit: PersonEdit::Cost(Some(Money::from_cents(987_654_321))),
            was: None,
        }
        .to_string();
        assert_eq!(text, "edit a: cost");
    }
}
