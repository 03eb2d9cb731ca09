//! Metrics of orgs that differ from a known org in a few people.
//!
//! Comparing scenarios at a million people needs the summary of each one.
//! Extracting [`MetricsInput`] from an org costs several times more than the
//! metrics themselves (hash lookups and string classification per person),
//! yet a scenario of a thousand changes differs from its baseline in at most
//! a few thousand people. So the baseline's input is extracted once, indexed
//! by graph slot rather than dense position (slots do not shift when people
//! are added or removed), and each scenario's input is a copy of it with the
//! touched people re-read.

use super::{Figures, Metrics, MetricsInput, View, NO_TEAM};
use crate::model::{Forest, Ladder, Org, PersonId, Status, TeamId, TeamKind, NO_PARENT};
use rustc_hash::FxHashSet;

/// A slot left empty by a removed person: excluded from every view, with no
/// manager, team or reports, so it counts nowhere.
const VACANT: Status = Status::Departing;

/// The metrics input of a base org, ready to be patched.
#[derive(Debug, Clone)]
pub struct BaseInput {
    input: MetricsInput,
    teams: Vec<TeamId>,
    ladder: Ladder,
    /// Buffers of the last computation, reused: fresh pages for a million
    /// people cost more than the arithmetic.
    scratch: Option<Figures>,
    /// The last patched forest, whose buffers the next patch builds in.
    spare_forest: Option<Forest>,
}

/// One slot's values before a patch wrote over them.
#[derive(Debug, Clone, Copy)]
struct SlotValues {
    slot: u32,
    status: Status,
    cost_cents: i64,
    team: u32,
    staff_plus: bool,
    ic_engineer: bool,
}

/// What a patch changed in the base input, so it can be put back.
#[derive(Debug, Default)]
struct PatchLog {
    base_len: usize,
    slots: Vec<SlotValues>,
    team: Option<Vec<u32>>,
    team_kinds: Option<Vec<TeamKind>>,
    support: Option<Vec<(u32, u32)>>,
    forest: Option<Forest>,
}

impl BaseInput {
    /// The base input of `org`, or `None` if removals have left free slots
    /// (then slots and positions differ and [`MetricsInput::from_org`] does
    /// not give a slot-indexed input).
    pub fn of(org: &Org) -> Option<BaseInput> {
        org.is_dense().then(|| BaseInput {
            input: MetricsInput::from_org(org),
            teams: org.teams().iter().map(|t| t.id.clone()).collect(),
            ladder: org.ladder.clone(),
            scratch: None,
            spare_forest: None,
        })
    }

    /// Whether this input still describes `org`: same size, and every slot
    /// in use. A cheap guard, not a proof; callers pass orgs derived from
    /// the base by changes whose people they list.
    pub fn matches(&self, org: &Org) -> bool {
        org.is_dense() && org.len() == self.input.len()
    }

    /// The summary metrics of `changed`, an org that equals the base except
    /// for the people in `touched`. `base_slots` are the slots those people
    /// held in the base org (people the base did not have are left out).
    /// As in [`Figures::counts`], uncovered teams are counted, not listed.
    ///
    /// The base input is patched in place and put back afterwards, so this
    /// costs O(touched) plus the metrics pass itself. Falls back to a full
    /// [`super::summarise`] when the difference is not one of people and
    /// teams (a new ladder reclassifies everyone).
    pub fn summarise_changed(
        &mut self,
        changed: &Org,
        base_slots: &[u32],
        touched: &[&PersonId],
        view: View,
    ) -> Metrics {
        if changed.ladder != self.ladder {
            return counts_only(super::summarise(changed, view));
        }
        let mut log = PatchLog {
            base_len: self.input.len(),
            ..PatchLog::default()
        };
        let patched = self.patch(changed, base_slots, touched, &mut log);
        let metrics = patched.map(|()| {
            let figures = match self.scratch.take() {
                Some(mut figures) => {
                    figures.recompute_for_summary(&self.input, view);
                    figures
                }
                None => Figures::compute(&self.input, view),
            };
            let summary = figures.counts(changed, &self.input);
            self.scratch = Some(figures);
            summary
        });
        self.restore(log);
        metrics.unwrap_or_else(|| counts_only(super::summarise(changed, view)))
    }

    /// Writes `changed`'s values into the base input, logging in `log`
    /// what it overwrites; `None` if the difference cannot be patched (a
    /// slot past the org's, a manager or team that `changed` lacks).
    fn patch(
        &mut self,
        changed: &Org,
        base_slots: &[u32],
        touched: &[&PersonId],
        log: &mut PatchLog,
    ) -> Option<()> {
        let mut spare = self.spare_forest.take().unwrap_or_default();
        let slots = changed.slot_bound().max(log.base_len);
        let mut parent = spare.take_parent_buffer();
        parent.extend_from_slice(self.input.forest.parents());
        parent.resize(slots, NO_PARENT);
        let input = &mut self.input;
        input.status.resize(slots, VACANT);
        input.cost_cents.resize(slots, 0);
        input.team.resize(slots, NO_TEAM);
        input.staff_plus.resize(slots, false);
        input.ic_engineer.resize(slots, false);
        log.team_kinds = Some(std::mem::replace(
            &mut input.team_kinds,
            changed.teams().iter().map(|t| t.kind).collect(),
        ));
        let remap = remap_teams(&self.teams, changed);
        if let Some(remap) = &remap {
            let remapped = input
                .team
                .iter()
                .map(|&team| match team {
                    NO_TEAM => NO_TEAM,
                    team => remap[team as usize],
                })
                .collect();
            log.team = Some(std::mem::replace(&mut input.team, remapped));
        }
        let mut people = People {
            input,
            parent: &mut parent,
            log,
        };
        for &slot in base_slots {
            if slot as usize >= slots {
                return None;
            }
            people.vacate(slot as usize);
        }
        for id in touched {
            people.write(changed, id)?;
        }
        let support = patched_support(
            &input.support,
            changed,
            base_slots,
            touched,
            remap.as_deref(),
        )?;
        log.support = Some(std::mem::replace(&mut input.support, support));
        let forest = Forest::from_parents_in(parent, spare).ok()?;
        log.forest = Some(std::mem::replace(&mut input.forest, forest));
        Some(())
    }

    /// Puts back everything [`BaseInput::patch`] changed, even if it stopped
    /// half-way.
    fn restore(&mut self, log: PatchLog) {
        let input = &mut self.input;
        if let Some(forest) = log.forest {
            self.spare_forest = Some(std::mem::replace(&mut input.forest, forest));
        }
        if let Some(support) = log.support {
            input.support = support;
        }
        if let Some(team_kinds) = log.team_kinds {
            input.team_kinds = team_kinds;
        }
        // Latest first, so a slot written twice ends with its first value.
        for values in log.slots.into_iter().rev() {
            let slot = values.slot as usize;
            input.status[slot] = values.status;
            input.cost_cents[slot] = values.cost_cents;
            input.team[slot] = values.team;
            input.staff_plus[slot] = values.staff_plus;
            input.ic_engineer[slot] = values.ic_engineer;
        }
        // After the slots: with a remap, the per-slot log holds remapped
        // teams, and the untouched original array is the one to keep.
        if let Some(team) = log.team {
            input.team = team;
        }
        input.status.truncate(log.base_len);
        input.cost_cents.truncate(log.base_len);
        input.team.truncate(log.base_len);
        input.staff_plus.truncate(log.base_len);
        input.ic_engineer.truncate(log.base_len);
    }
}

/// For each team of the base (`base_teams`), its index in `changed`
/// (`NO_TEAM` if dissolved); `None` when the teams are the same, in order.
fn remap_teams(base_teams: &[TeamId], changed: &Org) -> Option<Vec<u32>> {
    changed
        .teams()
        .iter()
        .map(|t| &t.id)
        .ne(base_teams.iter())
        .then(|| {
            base_teams
                .iter()
                .map(|id| changed.team_index(id).map_or(NO_TEAM, |i| i as u32))
                .collect()
        })
}

/// The per-slot people columns of a patch in progress. Every slot a touched
/// person held is cleared, then each touched person is written where they
/// are now: a slot freed by a removal and reused by a hire ends up holding
/// the hire. Each slot's old values are logged before every write. (Parents
/// need no log: they go into a new forest and the base forest is put back
/// whole.)
struct People<'a> {
    input: &'a mut MetricsInput,
    parent: &'a mut [u32],
    log: &'a mut PatchLog,
}

impl People<'_> {
    fn save(&mut self, slot: usize) {
        let input = &self.input;
        if slot < self.log.base_len {
            self.log.slots.push(SlotValues {
                slot: slot as u32,
                status: input.status[slot],
                cost_cents: input.cost_cents[slot],
                team: input.team[slot],
                staff_plus: input.staff_plus[slot],
                ic_engineer: input.ic_engineer[slot],
            });
        }
    }

    /// Empties `slot`, as a removed person leaves it.
    fn vacate(&mut self, slot: usize) {
        self.save(slot);
        let input = &mut *self.input;
        self.parent[slot] = NO_PARENT;
        input.status[slot] = VACANT;
        input.cost_cents[slot] = 0;
        input.team[slot] = NO_TEAM;
        input.staff_plus[slot] = false;
        input.ic_engineer[slot] = false;
    }

    /// Writes person `id` of `changed` into their slot (nothing if
    /// `changed` no longer has them); `None` if their manager has no slot.
    fn write(&mut self, changed: &Org, id: &PersonId) -> Option<()> {
        let (Some(person), Some(slot)) = (changed.person(id), changed.slot_of(id)) else {
            return Some(());
        };
        let slot = slot as usize;
        self.save(slot);
        self.parent[slot] = match changed.manager_of(id) {
            Some(manager) => changed.slot_of(manager)?,
            None => NO_PARENT,
        };
        let input = &mut *self.input;
        input.status[slot] = person.status;
        input.cost_cents[slot] = person.cost.map_or(0, |c| c.cents());
        input.team[slot] = person
            .team
            .as_ref()
            .and_then(|t| changed.team_index(t))
            .map_or(NO_TEAM, |i| i as u32);
        input.staff_plus[slot] = changed.ladder.is_staff_plus(&person.level, &person.title);
        input.ic_engineer[slot] = changed.ladder.is_ic_engineer(&person.level, &person.title);
        Some(())
    }
}

/// Support pairs (slot, team) after a patch: the base's pairs minus those
/// of touched people (team indices remapped; pairs with a dissolved team
/// drop out), plus the touched people's pairs as they are now. `None` if a
/// touched person supports a team `changed` lacks.
fn patched_support(
    base: &[(u32, u32)],
    changed: &Org,
    base_slots: &[u32],
    touched: &[&PersonId],
    remap: Option<&[u32]>,
) -> Option<Vec<(u32, u32)>> {
    let vacated: FxHashSet<u32> = base_slots.iter().copied().collect();
    let mut support: Vec<(u32, u32)> = base
        .iter()
        .filter(|(person, _)| !vacated.contains(person))
        .filter_map(|&(person, team)| {
            let team = remap.map_or(team, |remap| remap[team as usize]);
            (team != NO_TEAM).then_some((person, team))
        })
        .collect();
    let assignments = changed.support_assignments();
    for &id in touched {
        let Some(slot) = changed.slot_of(id) else {
            continue;
        };
        // Assignments are ordered by person: take this one's run.
        let pairs = assignments
            .range((id.clone(), TeamId::from(""))..)
            .take_while(|(person, _)| person == id);
        for (_, team) in pairs {
            support.push((slot, changed.team_index(team)? as u32));
        }
    }
    Some(support)
}

/// `metrics` without the list of uncovered teams, as [`Figures::counts`]
/// gives them.
fn counts_only(mut metrics: Metrics) -> Metrics {
    metrics.coverage.uncovered_teams = std::sync::Arc::from([]);
    metrics
}
