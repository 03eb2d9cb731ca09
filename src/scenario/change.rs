//! Typed changes: every edit to an org, as stored (JSON) in a scenario's
//! ordered change list.

use crate::model::{Ladder, Org, Person, PersonId, Policy, Status, TeamId, TeamKind};
use crate::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

mod entered;
pub use entered::{EnteredChange, EnteredField, EnteredPerson};

/// One edit. Applying it validates it against the org as it stands.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    /// Sets the whole policy (band, team-size target and max load).
    SetPolicy {
        policy: Policy,
    },
    /// Sets one of the policy's targets; the others stay as they are, so
    /// in a scenario they keep following the workspace's settings.
    SetTarget {
        target: Target,
    },
    SetLadder {
        #[cfg_attr(feature = "ts", ts(as = "Vec<crate::model::LadderLevel>"))]
        ladder: Ladder,
    },
}

impl Change {
    /// A new team as a user describes it in a form: the name trimmed and
    /// required, the id given or made from the name ([`TeamId::from_name`]),
    /// a blank department none.
    pub fn create_team(
        id: Option<&str>,
        name: &str,
        team_kind: TeamKind,
        department: Option<&str>,
    ) -> crate::error::Result<Change> {
        let name = name.trim();
        if name.is_empty() {
            return Err(crate::error::OrgError::InvalidInput(
                "a team needs a name".into(),
            ));
        }
        let team = match id.map(str::trim) {
            Some(given) if !given.is_empty() => TeamId::from(given),
            _ => TeamId::from_name(name),
        };
        Ok(Change::CreateTeam {
            team,
            name: name.to_string(),
            team_kind,
            department: department
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(str::to_string),
        })
    }
}

/// One of the policy's targets, with its new value.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "setting", rename_all = "kebab-case")]
pub enum Target {
    /// The span band: managers with fewer or more direct reports are out
    /// of band.
    Band { min: u32, max: u32 },
    /// The team-size target, in members.
    TeamSize { min: u32, max: u32 },
    /// The most teams a staff+ engineer supports before being overloaded.
    MaxLoad { max_load: u32 },
}

impl Target {
    /// `policy` with this target set.
    pub fn applied_to(self, mut policy: Policy) -> Policy {
        match self {
            Target::Band { min, max } => (policy.band_min, policy.band_max) = (min, max),
            Target::TeamSize { min, max } => (policy.team_min, policy.team_max) = (min, max),
            Target::MaxLoad { max_load } => policy.max_load = max_load,
        }
        policy
    }

    /// The targets on which `to` differs from `from`, in a fixed order
    /// (band, team size, max load).
    pub fn differences(from: &Policy, to: &Policy) -> Vec<Target> {
        let mut targets = Vec::new();
        if (from.band_min, from.band_max) != (to.band_min, to.band_max) {
            targets.push(Target::Band {
                min: to.band_min,
                max: to.band_max,
            });
        }
        if (from.team_min, from.team_max) != (to.team_min, to.team_max) {
            targets.push(Target::TeamSize {
                min: to.team_min,
                max: to.team_max,
            });
        }
        if from.max_load != to.max_load {
            targets.push(Target::MaxLoad {
                max_load: to.max_load,
            });
        }
        targets
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Band { min, max } => write!(f, "span band {min}-{max}"),
            Target::TeamSize { min, max } => write!(f, "team size {min}-{max}"),
            Target::MaxLoad { max_load } => write!(f, "max load {max_load}"),
        }
    }
}

/// A person as added by a change.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
            Change::SetTarget { .. } => "set-target",
            Change::SetLadder { .. } => "set-ladder",
        }
    }
}

/// Looks people and teams up by id, so descriptions can name them.
pub trait Names {
    /// The name and title of `id`, when known.
    fn person(&self, id: &PersonId) -> Option<(&str, &str)>;
    /// The display name of team `id`, when known.
    fn team(&self, id: &TeamId) -> Option<&str>;
}

/// No lookup: descriptions name people and teams by id (logs, conflicts
/// about people who are gone).
#[derive(Debug, Clone, Copy)]
pub struct ByIds;

impl Names for ByIds {
    fn person(&self, _: &PersonId) -> Option<(&str, &str)> {
        None
    }
    fn team(&self, _: &TeamId) -> Option<&str> {
        None
    }
}

impl Names for Org {
    fn person(&self, id: &PersonId) -> Option<(&str, &str)> {
        Org::person(self, id).map(|p| (p.name.as_str(), &*p.title))
    }
    fn team(&self, id: &TeamId) -> Option<&str> {
        Org::team(self, id).map(|t| t.name.as_str())
    }
}

/// The first lookup, then the second for whoever the first does not know
/// (a scenario's org, then the people its changes removed or will add).
impl<A: Names + ?Sized, B: Names + ?Sized> Names for (&A, &B) {
    fn person(&self, id: &PersonId) -> Option<(&str, &str)> {
        self.0.person(id).or_else(|| self.1.person(id))
    }
    fn team(&self, id: &TeamId) -> Option<&str> {
        self.0.team(id).or_else(|| self.1.team(id))
    }
}

/// People known by a list of `(id, name, title)`.
impl Names for [(PersonId, String, String)] {
    fn person(&self, id: &PersonId) -> Option<(&str, &str)> {
        self.iter()
            .find(|(known, _, _)| known == id)
            .map(|(_, name, title)| (name.as_str(), title.as_str()))
    }
    fn team(&self, _: &TeamId) -> Option<&str> {
        None
    }
}

/// How a person is named to a reader: `Name (title)`; the id stands in
/// for a missing name (`REQ-1 (Engineer)`), and alone when nothing is
/// known. Ids are shown beside descriptions, not inside them.
pub fn person_label(id: &PersonId, name: &str, title: &str) -> String {
    let name = name.trim();
    let title = title.trim();
    match (name.is_empty(), title.is_empty()) {
        (false, false) => format!("{name} ({title})"),
        (false, true) => name.to_string(),
        (true, false) => format!("{id} ({title})"),
        (true, true) => id.to_string(),
    }
}

fn who(names: &(impl Names + ?Sized), id: &PersonId) -> String {
    match names.person(id) {
        Some((name, title)) => person_label(id, name, title),
        None => id.to_string(),
    }
}

fn manager(names: &(impl Names + ?Sized), manager: &Option<PersonId>) -> String {
    manager
        .as_ref()
        .map_or_else(|| "(no manager)".to_string(), |m| who(names, m))
}

fn team_label(names: &(impl Names + ?Sized), team: &Option<TeamId>) -> String {
    match team {
        None => "(none)".to_string(),
        Some(id) => team_name_label(id, names.team(id)),
    }
}

/// How a team is named to a reader: `Name (id)`, or the id alone when the
/// name is unknown or the same.
pub fn team_name_label(id: &TeamId, name: Option<&str>) -> String {
    match name {
        Some(name) if !name.is_empty() && name != id.as_str() => format!("{name} ({id})"),
        _ => id.to_string(),
    }
}

/// A change described with people and teams named through a lookup (see
/// [`Change::describe`]).
pub struct Described<'a, N: Names + ?Sized> {
    change: &'a Change,
    names: &'a N,
}

impl<N: Names + ?Sized> fmt::Debug for Described<'_, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Described")
            .field("change", self.change)
            .finish_non_exhaustive()
    }
}

impl Change {
    /// The one-line description naming people as `Name (title)` through
    /// `names`, e.g. `move Alex Chen (Engineer) to Mia Park (Manager)`.
    /// Never shows cost values: change lists end up in logs and
    /// screenshots. [`Change::people`] lists the ids it names.
    pub fn describe<'a, N: Names + ?Sized>(&'a self, names: &'a N) -> Described<'a, N> {
        Described {
            change: self,
            names,
        }
    }

    /// The ids of the people the change names, in the order the
    /// description names them (at most `limit` of a group).
    pub fn people(&self, limit: usize) -> Vec<&PersonId> {
        match self {
            Change::Move { person, manager } | Change::MoveAlone { person, manager } => {
                std::iter::once(person).chain(manager).collect()
            }
            Change::AddPerson { person, manager } => {
                std::iter::once(&person.id).chain(manager).collect()
            }
            Change::RemovePerson { person }
            | Change::EditPerson { person, .. }
            | Change::AddSupport { person, .. }
            | Change::RemoveSupport { person, .. } => vec![person],
            Change::AssignTeam { people, .. } => people.iter().take(limit).collect(),
            Change::AddDottedLine { manager, report }
            | Change::RemoveDottedLine { manager, report } => vec![manager, report],
            Change::CreateTeam { .. }
            | Change::RenameTeam { .. }
            | Change::SetTeamKind { .. }
            | Change::DissolveTeam { .. }
            | Change::SetPolicy { .. }
            | Change::SetTarget { .. }
            | Change::SetLadder { .. } => Vec::new(),
        }
    }
}

impl<N: Names + ?Sized> fmt::Display for Described<'_, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = self.names;
        match self.change {
            Change::Move {
                person,
                manager: to,
            } => {
                write!(f, "move {} to {}", who(names, person), manager(names, to))
            }
            Change::MoveAlone {
                person,
                manager: to,
            } => write!(
                f,
                "move {} alone to {}",
                who(names, person),
                manager(names, to)
            ),
            Change::AddPerson {
                person,
                manager: to,
            } => write!(
                f,
                "add {} {} under {}",
                person.status.as_str(),
                person_label(&person.id, &person.name, &person.title),
                manager(names, to)
            ),
            Change::RemovePerson { person } => write!(f, "remove {}", who(names, person)),
            Change::EditPerson { person, edit, .. } => write_edit(f, names, person, edit),
            Change::AssignTeam { people, team } => match people.as_slice() {
                [one] => write!(
                    f,
                    "move {} to team {}",
                    who(names, one),
                    team_label(names, team)
                ),
                _ => write!(
                    f,
                    "move {} people to team {}",
                    people.len(),
                    team_label(names, team)
                ),
            },
            Change::CreateTeam {
                team,
                name,
                team_kind,
                ..
            } => {
                if name.is_empty() || name == team.as_str() {
                    write!(f, "create {} team {team}", team_kind.as_str())
                } else {
                    write!(f, "create {} team {name} ({team})", team_kind.as_str())
                }
            }
            Change::RenameTeam { team, name } => write!(
                f,
                "rename team {} to {name}",
                team_label(names, &Some(team.clone()))
            ),
            Change::SetTeamKind { team, team_kind } => write!(
                f,
                "make team {} {}",
                team_label(names, &Some(team.clone())),
                team_kind.as_str()
            ),
            Change::DissolveTeam { team } => write!(
                f,
                "dissolve team {}",
                team_label(names, &Some(team.clone()))
            ),
            Change::AddSupport { person, team } => write!(
                f,
                "{} supports {}",
                who(names, person),
                team_label(names, &Some(team.clone()))
            ),
            Change::RemoveSupport { person, team } => write!(
                f,
                "{} stops supporting {}",
                who(names, person),
                team_label(names, &Some(team.clone()))
            ),
            Change::AddDottedLine {
                manager: from,
                report,
            } => write!(
                f,
                "dotted line {} -> {}",
                who(names, from),
                who(names, report)
            ),
            Change::RemoveDottedLine {
                manager: from,
                report,
            } => write!(
                f,
                "remove dotted line {} -> {}",
                who(names, from),
                who(names, report)
            ),
            Change::SetPolicy { policy } => write!(
                f,
                "set band {}-{}, max load {}, team size {}-{}",
                policy.band_min, policy.band_max, policy.max_load, policy.team_min, policy.team_max
            ),
            Change::SetTarget { target } => write!(f, "set {target}"),
            Change::SetLadder { ladder } => {
                write!(f, "set ladder ({} levels)", ladder.levels().len())
            }
        }
    }
}

/// An edit's description: the field and its new value, never a cost.
fn write_edit(
    f: &mut fmt::Formatter<'_>,
    names: &(impl Names + ?Sized),
    person: &PersonId,
    edit: &PersonEdit,
) -> fmt::Result {
    let person = who(names, person);
    match edit {
        PersonEdit::Cost(_) => write!(f, "edit {person}: cost"),
        PersonEdit::Name(v)
        | PersonEdit::Title(v)
        | PersonEdit::Level(v)
        | PersonEdit::Location(v) => {
            write!(f, "edit {person}: {} = {v}", edit.field())
        }
        PersonEdit::Status(s) => write!(f, "edit {person}: status = {}", s.as_str()),
        PersonEdit::Team(t) => {
            write!(f, "edit {person}: team = {}", team_label(names, t))
        }
        PersonEdit::StartDate(d) | PersonEdit::EndDate(d) => write!(
            f,
            "edit {person}: {} = {}",
            edit.field(),
            d.map_or_else(|| "(none)".to_string(), |d| d.to_string())
        ),
    }
}

/// A one-line description by ids, e.g. `move E12 to E3` (for logs and
/// reasons stored with snapshots); [`Change::describe`] names people.
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.describe(&ByIds), f)
    }
}

#[cfg(test)]
mod tests;
