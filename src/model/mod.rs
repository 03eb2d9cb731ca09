//! The org model: people on a solid-line reporting forest (with dotted lines
//! as a second edge kind), teams, the career ladder and staff+ support.
//!
//! At a million people an import's time is mostly the kernel zeroing fresh
//! pages on first touch, so memory saved is time saved: ids and names are
//! inline `ShortText`, repeated strings are interned, and ids live once, in
//! the graph.

mod absent;
mod build;
mod finding;
mod forest;
mod id_index;
mod intern;
mod ladder;
mod org;
mod person;
mod team;

pub use absent::{forest_with_placeholders, placeholder_groups, AbsentManagers, PlaceholderGroup};
pub use build::{OrgBuilder, PersonRecord, TeamRecord};
pub use finding::{Finding, Location, Severity};
pub(crate) use forest::break_cycles;
pub use forest::{Forest, NO_PARENT};
pub use intern::Interner;
pub use ladder::{Ladder, LadderLevel, Track};
pub use org::{DissolvedTeam, EdgeKind, Org, Placement, Policy, RemovedPerson};
pub use person::{Person, PersonId, ShortText, Status};
pub use team::{Team, TeamId, TeamKind};
