//! The "after" side of a suggestion without copying the org: the
//! metrics input of the org with the changes applied, patched from the
//! input already read (support pairs, home teams, team kinds: what the
//! coverage figures read). At a million people this costs a few
//! milliseconds where cloning the org, applying ~100k changes and reading
//! it again costs hundreds. Debug builds (every test) also apply the
//! changes to a copy of the org and check that both inputs give the same
//! figures.

use super::SuggestedChange;
use crate::metrics::{MetricsInput, NO_TEAM};
use crate::model::{Org, TeamId};
use crate::scenario::{Change, PersonEdit};
use rustc_hash::FxHashSet;

/// Applies `changes` (support, home team and new team changes: all the
/// optimiser writes) to `input`, read from `org`; `None` when a change
/// names someone or something `org` lacks, or is of another kind.
pub(super) fn patch(
    org: &Org,
    input: &mut MetricsInput,
    changes: &[SuggestedChange],
) -> Option<()> {
    let positions = org.positions();
    let mut created: Vec<&TeamId> = Vec::new();
    let team = |id: &TeamId, created: &[&TeamId]| {
        org.team_index(id)
            .or_else(|| {
                created
                    .iter()
                    .position(|c| *c == id)
                    .map(|i| org.teams().len() + i)
            })
            .map(|t| t as u32)
    };
    let mut removed: FxHashSet<(u32, u32)> = FxHashSet::default();
    for suggested in changes {
        match &suggested.change {
            Change::AddSupport { person, team: id } => {
                let pair = (positions.of(person)?, team(id, &created)?);
                if !removed.remove(&pair) {
                    input.support.push(pair);
                }
            }
            Change::RemoveSupport { person, team: id } => {
                removed.insert((positions.of(person)?, team(id, &created)?));
            }
            Change::EditPerson {
                person,
                edit: PersonEdit::Team(home),
                ..
            } => {
                let p = positions.of(person)? as usize;
                input.team[p] = match home {
                    Some(id) => team(id, &created)?,
                    None => NO_TEAM,
                };
            }
            Change::CreateTeam {
                team: id,
                team_kind,
                ..
            } => {
                created.push(id);
                input.team_kinds.push(*team_kind);
            }
            _ => return None,
        }
    }
    if !removed.is_empty() {
        input.support.retain(|pair| !removed.contains(pair));
    }
    Some(())
}
