//! Edits the app asks for, as they cross IPC: one typed request per kind of
//! [`Change`]. The shell turns each into the core's change and applies it to
//! the scenario on show, so every view (table, teams, staff+ board) edits
//! through the same validated, persisted path as the CLI.

use orgraph::date;
use orgraph::model::{Ladder, TeamId};
use orgraph::money::Money;
use orgraph::scenario::{Change, NewPerson, PersonEdit};
use orgraph::{OrgError, PersonId, Status, TeamKind};
use serde::Deserialize;
use ts_rs::TS;

use super::{LadderLevelDto, PersonStatus, PolicyDto, TargetDto};

/// A team's kind, as the UI names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum TeamKindDto {
    StreamAligned,
    Platform,
    Enabling,
    Architecture,
    NonEngineering,
}

impl From<TeamKindDto> for TeamKind {
    fn from(kind: TeamKindDto) -> Self {
        match kind {
            TeamKindDto::StreamAligned => TeamKind::StreamAligned,
            TeamKindDto::Platform => TeamKind::Platform,
            TeamKindDto::Enabling => TeamKind::Enabling,
            TeamKindDto::Architecture => TeamKind::Architecture,
            TeamKindDto::NonEngineering => TeamKind::NonEngineering,
        }
    }
}

impl From<TeamKind> for TeamKindDto {
    fn from(kind: TeamKind) -> Self {
        match kind {
            TeamKind::StreamAligned => TeamKindDto::StreamAligned,
            TeamKind::Platform => TeamKindDto::Platform,
            TeamKind::Enabling => TeamKindDto::Enabling,
            TeamKind::Architecture => TeamKindDto::Architecture,
            TeamKind::NonEngineering => TeamKindDto::NonEngineering,
        }
    }
}

impl From<PersonStatus> for Status {
    fn from(status: PersonStatus) -> Self {
        match status {
            PersonStatus::Active => Status::Active,
            PersonStatus::Open => Status::Open,
            PersonStatus::Planned => Status::Planned,
            PersonStatus::Departing => Status::Departing,
        }
    }
}

/// One field of a person and its new value. Cost and dates travel as the
/// text the user typed (`"131999.92"`, `"2027-03-01"`) and are parsed
/// exactly in the core; an empty string clears them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "camelCase")]
pub enum PersonEditDto {
    Name(String),
    Title(String),
    Level(String),
    Location(String),
    Cost(String),
    Status(PersonStatus),
    /// A team id, or null for no home team.
    Team(Option<String>),
    StartDate(String),
    EndDate(String),
}

/// A person to add: a hire, an open req or a planned hire. Without an id
/// the next free `REQ-n` is used.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewPersonDto {
    pub id: Option<String>,
    pub name: String,
    pub title: String,
    pub level: String,
    pub location: String,
    /// Annual cost as typed; empty for none.
    pub cost: String,
    pub status: PersonStatus,
    pub team: Option<String>,
    /// Target date (YYYY-MM-DD) of an open req or planned hire; may be empty.
    pub start_date: String,
    pub manager: Option<String>,
}

/// An edit to the scenario on show.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ChangeRequest {
    Move {
        person: String,
        manager: Option<String>,
    },
    /// Moves the person without their reports, who stay behind under the
    /// person's old manager.
    MoveAlone {
        person: String,
        manager: Option<String>,
    },
    AddPerson {
        person: NewPersonDto,
    },
    RemovePerson {
        person: String,
    },
    EditPerson {
        person: String,
        edit: PersonEditDto,
    },
    /// Gives several people one home team (null: none) as one undoable step.
    AssignTeam {
        people: Vec<String>,
        team: Option<String>,
    },
    CreateTeam {
        /// Without an id, one is made from the name (`team-<slug>`).
        team: Option<String>,
        name: String,
        team_kind: TeamKindDto,
        department: Option<String>,
    },
    RenameTeam {
        team: String,
        name: String,
    },
    SetTeamKind {
        team: String,
        team_kind: TeamKindDto,
    },
    DissolveTeam {
        team: String,
    },
    AddSupport {
        person: String,
        team: String,
    },
    RemoveSupport {
        person: String,
        team: String,
    },
    AddDottedLine {
        manager: String,
        report: String,
    },
    RemoveDottedLine {
        manager: String,
        report: String,
    },
    /// The span band, max staff+ load and team-size target.
    SetPolicy {
        policy: PolicyDto,
    },
    /// One target, in the scenario on show only.
    SetTarget {
        target: TargetDto,
    },
    /// The whole career ladder, in order.
    SetLadder {
        levels: Vec<LadderLevelDto>,
    },
}

impl PersonEditDto {
    fn into_edit(self) -> Result<PersonEdit, OrgError> {
        Ok(match self {
            PersonEditDto::Name(v) => PersonEdit::Name(v),
            PersonEditDto::Title(v) => PersonEdit::Title(v),
            PersonEditDto::Level(v) => PersonEdit::Level(v),
            PersonEditDto::Location(v) => PersonEdit::Location(v),
            PersonEditDto::Cost(v) => PersonEdit::Cost(Money::parse_entered(&v)?),
            PersonEditDto::Status(s) => PersonEdit::Status(s.into()),
            PersonEditDto::Team(t) => PersonEdit::Team(t.as_deref().map(TeamId::from)),
            PersonEditDto::StartDate(v) => {
                PersonEdit::StartDate(date::parse_entered("start date", &v)?)
            }
            PersonEditDto::EndDate(v) => PersonEdit::EndDate(date::parse_entered("end date", &v)?),
        })
    }
}

impl ChangeRequest {
    /// The core change. `fresh_id` names a new person when the request
    /// gives none. Text that does not parse is an `invalid-input` error.
    pub fn into_change(self, fresh_id: impl FnOnce() -> PersonId) -> Result<Change, OrgError> {
        let id = PersonId::new;
        Ok(match self {
            ChangeRequest::Move { person, manager } => Change::Move {
                person: id(person),
                manager: manager.map(id),
            },
            ChangeRequest::MoveAlone { person, manager } => Change::MoveAlone {
                person: id(person),
                manager: manager.map(id),
            },
            ChangeRequest::AddPerson { person } => {
                let new_id = match person.id.as_deref().map(str::trim) {
                    Some(given) if !given.is_empty() => PersonId::new(given),
                    _ => fresh_id(),
                };
                Change::AddPerson {
                    person: NewPerson {
                        id: new_id,
                        name: person.name,
                        title: person.title,
                        level: person.level,
                        location: person.location,
                        cost: Money::parse_entered(&person.cost)?,
                        status: person.status.into(),
                        team: person.team.as_deref().map(TeamId::from),
                        start_date: date::parse_entered("start date", &person.start_date)?,
                    },
                    manager: person.manager.map(id),
                }
            }
            ChangeRequest::RemovePerson { person } => Change::RemovePerson { person: id(person) },
            ChangeRequest::EditPerson { person, edit } => Change::EditPerson {
                person: id(person),
                edit: edit.into_edit()?,
                was: None,
            },
            ChangeRequest::AssignTeam { people, team } => Change::AssignTeam {
                people: people.into_iter().map(id).collect(),
                team: team.as_deref().map(TeamId::from),
            },
            ChangeRequest::CreateTeam {
                team,
                name,
                team_kind,
                department,
            } => Change::create_team(
                team.as_deref(),
                &name,
                team_kind.into(),
                department.as_deref(),
            )?,
            ChangeRequest::RenameTeam { team, name } => Change::RenameTeam {
                team: TeamId::from(team.as_str()),
                name,
            },
            ChangeRequest::SetTeamKind { team, team_kind } => Change::SetTeamKind {
                team: TeamId::from(team.as_str()),
                team_kind: team_kind.into(),
            },
            ChangeRequest::DissolveTeam { team } => Change::DissolveTeam {
                team: TeamId::from(team.as_str()),
            },
            ChangeRequest::AddSupport { person, team } => Change::AddSupport {
                person: id(person),
                team: TeamId::from(team.as_str()),
            },
            ChangeRequest::RemoveSupport { person, team } => Change::RemoveSupport {
                person: id(person),
                team: TeamId::from(team.as_str()),
            },
            ChangeRequest::AddDottedLine { manager, report } => Change::AddDottedLine {
                manager: id(manager),
                report: id(report),
            },
            ChangeRequest::RemoveDottedLine { manager, report } => Change::RemoveDottedLine {
                manager: id(manager),
                report: id(report),
            },
            ChangeRequest::SetPolicy { policy } => Change::SetPolicy {
                policy: policy.into(),
            },
            ChangeRequest::SetTarget { target } => Change::SetTarget {
                target: target.into(),
            },
            ChangeRequest::SetLadder { levels } => Change::SetLadder {
                ladder: Ladder::new(levels.into_iter().map(Into::into).collect()),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> ChangeRequest {
        serde_json::from_str(json).expect("valid request")
    }

    #[test]
    fn an_edit_request_parses_cost_exactly() {
        let change = parse(
            r#"{"kind":"editPerson","person":"e1","edit":{"field":"cost","value":"131999.92"}}"#,
        )
        .into_change(|| unreachable!())
        .expect("change");
        assert_eq!(
            change,
            Change::EditPerson {
                person: PersonId::new("e1"),
                edit: PersonEdit::Cost(Some(Money::from_cents(13_199_992))),
                was: None,
            }
        );
    }

    #[test]
    fn a_bad_cost_or_date_is_invalid_input_naming_the_text() {
        let error =
            parse(r#"{"kind":"editPerson","person":"e1","edit":{"field":"cost","value":"lots"}}"#)
                .into_change(|| unreachable!())
                .expect_err("refused");
        assert_eq!(error.code(), orgraph::ErrorCode::InvalidInput);
        assert!(error.to_string().contains("lots"), "{error}");
        let error = parse(
            r#"{"kind":"editPerson","person":"e1","edit":{"field":"startDate","value":"2027-13-01"}}"#,
        )
        .into_change(|| unreachable!())
        .expect_err("refused");
        assert!(error.to_string().contains("2027-13-01"), "{error}");
    }

    #[test]
    fn a_move_alone_request_is_the_core_change() {
        let change = parse(r#"{"kind":"moveAlone","person":"e1","manager":"m2"}"#)
            .into_change(|| unreachable!())
            .expect("change");
        assert_eq!(
            change,
            Change::MoveAlone {
                person: PersonId::new("e1"),
                manager: Some(PersonId::new("m2")),
            }
        );
    }

    #[test]
    fn an_open_req_without_an_id_gets_the_fresh_one() {
        let change = parse(
            r#"{"kind":"addPerson","person":{"id":null,"name":"","title":"Engineer","level":"L4",
                "location":"","cost":"120000","status":"open","team":"t1","startDate":"2027-02-01",
                "manager":"m1"}}"#,
        )
        .into_change(|| PersonId::new("REQ-7"))
        .expect("change");
        let Change::AddPerson { person, manager } = change else {
            panic!("not an add: {change:?}");
        };
        assert_eq!(person.id, PersonId::new("REQ-7"));
        assert_eq!(person.status, Status::Open);
        assert_eq!(person.team, Some(TeamId::from("t1")));
        assert_eq!(
            person.start_date.map(|d| d.to_string()).as_deref(),
            Some("2027-02-01")
        );
        assert_eq!(manager, Some(PersonId::new("m1")));
    }

    #[test]
    fn settings_and_group_moves_become_core_changes() {
        let change = parse(
            r#"{"kind":"setPolicy","policy":{"bandMin":4,"bandMax":7,"maxLoad":2,"teamMin":3,"teamMax":8}}"#,
        )
        .into_change(|| unreachable!())
        .expect("change");
        let Change::SetPolicy { policy } = change else {
            panic!("not a policy: {change:?}");
        };
        assert_eq!((policy.band_min, policy.team_max), (4, 8));
        let change = parse(r#"{"kind":"setTarget","target":{"setting":"maxLoad","maxLoad":4}}"#)
            .into_change(|| unreachable!())
            .expect("change");
        assert_eq!(
            change,
            Change::SetTarget {
                target: orgraph::scenario::Target::MaxLoad { max_load: 4 }
            }
        );
        let change = parse(
            r#"{"kind":"setLadder","levels":[{"code":" L1 ","track":"ic","rank":1,"staffPlus":false},
                {"code":"L9","track":"management","rank":9,"staffPlus":false}]}"#,
        )
        .into_change(|| unreachable!())
        .expect("change");
        let Change::SetLadder { ladder } = change else {
            panic!("not a ladder: {change:?}");
        };
        assert_eq!(ladder.levels()[0].code, "L1");
        assert_eq!(ladder.levels().len(), 2);
        let change = parse(r#"{"kind":"assignTeam","people":["a","b"],"team":"t1"}"#)
            .into_change(|| unreachable!())
            .expect("change");
        assert_eq!(
            change,
            Change::AssignTeam {
                people: vec![PersonId::new("a"), PersonId::new("b")],
                team: Some(TeamId::from("t1")),
            }
        );
    }

    #[test]
    fn a_new_team_gets_an_id_from_its_name_and_needs_a_name() {
        let change = parse(
            r#"{"kind":"createTeam","team":null,"name":" Payments Core ","teamKind":"platform","department":""}"#,
        )
        .into_change(|| unreachable!())
        .expect("change");
        assert_eq!(
            change,
            Change::CreateTeam {
                team: TeamId::from("team-payments-core"),
                name: "Payments Core".into(),
                team_kind: TeamKind::Platform,
                department: None,
            }
        );
        let error = parse(
            r#"{"kind":"createTeam","team":null,"name":"  ","teamKind":"platform","department":null}"#,
        )
        .into_change(|| unreachable!())
        .expect_err("refused");
        assert_eq!(error.code(), orgraph::ErrorCode::InvalidInput);
    }
}
