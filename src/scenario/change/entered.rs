//! Edits as a form enters them, with what the user typed still text: the
//! core parses it (exact money, strict dates, a team id made from a name),
//! so every form refuses bad input by one rule, as `invalid-input` naming
//! the text.

use super::{Change, NewPerson, PersonEdit};
use crate::date;
use crate::error::Result;
use crate::model::{PersonId, Status, TeamId, TeamKind};
use crate::money::Money;
use serde::{Deserialize, Serialize};

/// An edit whose values are text a user typed. It differs from [`Change`]
/// because those values are parsed (and refused) by the core; every other
/// edit is sent as the `Change` itself. Its kinds are distinct from
/// `Change`'s so one `kind` tells the two apart.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum EnteredChange {
    /// A hire, open req or planned hire as the add-person form has it.
    EnterPerson {
        person: EnteredPerson,
        manager: Option<PersonId>,
    },
    /// A person's cost or date as typed; empty text clears it.
    EnterValue {
        person: PersonId,
        field: EnteredField,
        value: String,
    },
    /// A new team as named in a form: without an id, one is made from the
    /// name (`team-<slug>`).
    EnterTeam {
        team: Option<String>,
        name: String,
        team_kind: TeamKind,
        department: Option<String>,
    },
}

/// The fields of a person that are typed as text and parsed.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnteredField {
    Cost,
    StartDate,
    EndDate,
}

/// A person to add, with the cost and start date as typed (`"131999.92"`,
/// `"2027-03-01"`, empty for none). Without an id, the caller's fresh one
/// (the next free `REQ-n`) is used.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnteredPerson {
    pub id: Option<String>,
    pub name: String,
    pub title: String,
    pub level: String,
    pub location: String,
    pub cost: String,
    pub status: Status,
    pub team: Option<TeamId>,
    pub start_date: String,
}

impl EnteredField {
    /// The edit setting this field to `text`; an `invalid-input` error
    /// naming the text when it does not parse.
    pub fn parse(self, text: &str) -> Result<PersonEdit> {
        Ok(match self {
            EnteredField::Cost => PersonEdit::Cost(Money::parse_entered(text)?),
            EnteredField::StartDate => {
                PersonEdit::StartDate(date::parse_entered("start date", text)?)
            }
            EnteredField::EndDate => PersonEdit::EndDate(date::parse_entered("end date", text)?),
        })
    }
}

impl EnteredPerson {
    /// The person to add; `fresh_id` names them when no id was entered.
    pub fn parse(self, fresh_id: impl FnOnce() -> PersonId) -> Result<NewPerson> {
        let id = match self.id.as_deref().map(str::trim) {
            Some(given) if !given.is_empty() => PersonId::new(given),
            _ => fresh_id(),
        };
        Ok(NewPerson {
            id,
            cost: Money::parse_entered(&self.cost)?,
            start_date: date::parse_entered("start date", &self.start_date)?,
            name: self.name,
            title: self.title,
            level: self.level,
            location: self.location,
            status: self.status,
            team: self.team,
        })
    }
}

impl EnteredChange {
    /// The change this enters. `fresh_id` names a new person entered
    /// without an id. Text that does not parse is an `invalid-input` error.
    pub fn into_change(self, fresh_id: impl FnOnce() -> PersonId) -> Result<Change> {
        Ok(match self {
            EnteredChange::EnterPerson { person, manager } => Change::AddPerson {
                person: person.parse(fresh_id)?,
                manager,
            },
            EnteredChange::EnterValue {
                person,
                field,
                value,
            } => Change::EditPerson {
                person,
                edit: field.parse(&value)?,
                was: None,
            },
            EnteredChange::EnterTeam {
                team,
                name,
                team_kind,
                department,
            } => Change::create_team(team.as_deref(), &name, team_kind, department.as_deref())?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn parse(json: &str) -> EnteredChange {
        serde_json::from_str(json).expect("valid entry")
    }

    #[test]
    fn an_entered_cost_is_parsed_exactly() {
        let change =
            parse(r#"{"kind":"enter-value","person":"e1","field":"cost","value":"131999.92"}"#)
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
        let cleared =
            parse(r#"{"kind":"enter-value","person":"e1","field":"end_date","value":" "}"#)
                .into_change(|| unreachable!())
                .expect("change");
        assert!(matches!(
            cleared,
            Change::EditPerson {
                edit: PersonEdit::EndDate(None),
                ..
            }
        ));
    }

    #[test]
    fn a_bad_cost_or_date_is_invalid_input_naming_the_text() {
        let error = parse(r#"{"kind":"enter-value","person":"e1","field":"cost","value":"lots"}"#)
            .into_change(|| unreachable!())
            .expect_err("refused");
        assert_eq!(error.code(), ErrorCode::InvalidInput);
        assert!(error.to_string().contains("lots"), "{error}");
        let error = parse(
            r#"{"kind":"enter-value","person":"e1","field":"start_date","value":"2027-13-01"}"#,
        )
        .into_change(|| unreachable!())
        .expect_err("refused");
        assert_eq!(error.code(), ErrorCode::InvalidInput);
        assert!(error.to_string().contains("2027-13-01"), "{error}");
    }

    #[test]
    fn an_open_req_without_an_id_gets_the_fresh_one() {
        let change = parse(
            r#"{"kind":"enter-person","person":{"id":null,"name":"","title":"Engineer","level":"L4",
                "location":"","cost":"120000","status":"open","team":"t1","start_date":"2027-02-01"},
                "manager":"m1"}"#,
        )
        .into_change(|| PersonId::new("REQ-7"))
        .expect("change");
        let Change::AddPerson { person, manager } = change else {
            panic!("not an add: {change:?}");
        };
        assert_eq!(person.id, PersonId::new("REQ-7"));
        assert_eq!(person.status, Status::Open);
        assert_eq!(person.cost, Some(Money::from_cents(12_000_000)));
        assert_eq!(person.team, Some(TeamId::from("t1")));
        assert_eq!(
            person.start_date.map(|d| d.to_string()).as_deref(),
            Some("2027-02-01")
        );
        assert_eq!(manager, Some(PersonId::new("m1")));
    }

    #[test]
    fn an_entered_id_is_kept_and_a_bad_start_date_refused() {
        let entered = EnteredPerson {
            id: Some(" e9 ".into()),
            name: "Ada".into(),
            title: String::new(),
            level: String::new(),
            location: String::new(),
            cost: String::new(),
            status: Status::Planned,
            team: None,
            start_date: String::new(),
        };
        let person = entered.clone().parse(|| unreachable!()).expect("parses");
        assert_eq!((person.id, person.cost), (PersonId::new("e9"), None));
        let error = EnteredPerson {
            start_date: "soon".into(),
            ..entered
        }
        .parse(|| unreachable!())
        .expect_err("refused");
        assert_eq!(error.code(), ErrorCode::InvalidInput);
    }

    #[test]
    fn a_new_team_gets_an_id_from_its_name_and_needs_a_name() {
        let change = parse(
            r#"{"kind":"enter-team","team":null,"name":" Payments Core ","team_kind":"platform","department":""}"#,
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
            r#"{"kind":"enter-team","team":null,"name":"  ","team_kind":"platform","department":null}"#,
        )
        .into_change(|| unreachable!())
        .expect_err("refused");
        assert_eq!(error.code(), ErrorCode::InvalidInput);
    }
}
