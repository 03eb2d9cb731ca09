//! Where each team sits in the org's ordered team list, by id.

use crate::model::TeamId;
use rustc_hash::FxHashMap;
use std::borrow::Borrow;
use std::hash::Hash;

/// A slot no team holds.
const FREE: u32 = u32::MAX;

/// The position of each team in the org's team list. Each id owns a slot
/// whose position is kept in a dense array, so that taking a team out of
/// the middle of the list, or putting it back, shifts a few hundred KB of
/// integers rather than walking a hash table of every team: a scenario
/// that dissolves 1% of 138k teams does that thousands of times.
#[derive(Debug, Clone, Default)]
pub(super) struct TeamPositions {
    slot_of: FxHashMap<TeamId, u32>,
    /// By slot: the team's position, or [`FREE`].
    position: Vec<u32>,
    /// Slots to reuse before the array grows.
    free: Vec<u32>,
}

impl TeamPositions {
    pub(super) fn get<Id: Hash + Eq + ?Sized>(&self, id: &Id) -> Option<usize>
    where
        TeamId: Borrow<Id>,
    {
        self.slot_of
            .get(id)
            .map(|&slot| self.position[slot as usize] as usize)
    }

    pub(super) fn contains<Id: Hash + Eq + ?Sized>(&self, id: &Id) -> bool
    where
        TeamId: Borrow<Id>,
    {
        self.slot_of.contains_key(id)
    }

    pub(super) fn len(&self) -> usize {
        self.slot_of.len()
    }

    pub(super) fn reserve(&mut self, additional: usize) {
        self.slot_of.reserve(additional);
        self.position.reserve(additional);
    }

    /// Records `id` at the end of a list of [`TeamPositions::len`] teams.
    /// False, changing nothing, if the id is taken.
    pub(super) fn push(&mut self, id: &TeamId) -> bool {
        if self.contains(id) {
            return false;
        }
        let end = self.len();
        self.occupy(id.clone(), end);
        true
    }

    /// Takes `id` out of the list; the teams after it move down a place.
    /// Returns where it was.
    pub(super) fn remove<Id: Hash + Eq + ?Sized>(&mut self, id: &Id) -> Option<usize>
    where
        TeamId: Borrow<Id>,
    {
        let slot = self.slot_of.remove(id)?;
        let removed = std::mem::replace(&mut self.position[slot as usize], FREE);
        self.free.push(slot);
        // Without branches, so the loop runs on vector registers.
        for position in &mut self.position {
            *position -= u32::from(*position > removed) & u32::from(*position != FREE);
        }
        Some(removed as usize)
    }

    /// Puts `id` back at `index`; the teams from there on move up a place.
    /// False, changing nothing, if the id is taken.
    pub(super) fn insert(&mut self, id: &TeamId, index: usize) -> bool {
        if self.contains(id) {
            return false;
        }
        let index = index.min(self.len()) as u32;
        for position in &mut self.position {
            *position += u32::from(*position >= index) & u32::from(*position != FREE);
        }
        self.occupy(id.clone(), index as usize);
        true
    }

    fn occupy(&mut self, id: TeamId, position: usize) {
        let position = position as u32;
        let slot = match self.free.pop() {
            Some(slot) => {
                self.position[slot as usize] = position;
                slot
            }
            None => {
                self.position.push(position);
                (self.position.len() - 1) as u32
            }
        };
        self.slot_of.insert(id, slot);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Step {
        Push(u8),
        Remove(u8),
        Insert(u8, usize),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0u8..24).prop_map(Step::Push),
            (0u8..24).prop_map(Step::Remove),
            (0u8..24, 0usize..30).prop_map(|(id, at)| Step::Insert(id, at)),
        ]
    }

    proptest! {
        /// Any mix of pushes, removals and insertions gives each team the
        /// position a plain ordered list of ids gives it.
        #[test]
        fn positions_are_those_of_an_ordered_list(steps in prop::collection::vec(step(), 0..80)) {
            let mut positions = TeamPositions::default();
            let mut list: Vec<TeamId> = Vec::new();
            for step in steps {
                match step {
                    Step::Push(n) => {
                        let id = TeamId::from(format!("t{n}").as_str());
                        let taken = list.contains(&id);
                        prop_assert_eq!(positions.push(&id), !taken);
                        if !taken {
                            list.push(id);
                        }
                    }
                    Step::Remove(n) => {
                        let id = format!("t{n}");
                        let at = list.iter().position(|t| t.as_str() == id);
                        prop_assert_eq!(positions.remove(id.as_str()), at);
                        if let Some(at) = at {
                            list.remove(at);
                        }
                    }
                    Step::Insert(n, index) => {
                        let id = TeamId::from(format!("t{n}").as_str());
                        let taken = list.contains(&id);
                        prop_assert_eq!(positions.insert(&id, index), !taken);
                        if !taken {
                            list.insert(index.min(list.len()), id);
                        }
                    }
                }
                prop_assert_eq!(positions.len(), list.len());
                for n in 0..24u8 {
                    let id = format!("t{n}");
                    let expected = list.iter().position(|t| t.as_str() == id);
                    prop_assert_eq!(positions.get(id.as_str()), expected);
                    prop_assert_eq!(positions.contains(id.as_str()), expected.is_some());
                }
            }
        }
    }
}
