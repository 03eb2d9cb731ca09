//! The chosen steps as changes, each with its reason, and the figures
//! before and after, computed by the metrics on a copy of the org with
//! the changes applied.

use super::plan::{State, Unit};
use super::{SpanFigures, SpanOptions, SpanSuggestion, SuggestedChange};
use crate::error::{OrgError, Result};
use crate::metrics::{LineState, MetricsInput, View};
use crate::model::{Org, Person, PersonId, Policy, Status};
use crate::scenario::{self, Change, NewPerson};

/// The title of a suggested open req.
pub const REQ_TITLE: &str = "Engineering Manager (open req)";

struct Writer<'a> {
    org: &'a Org,
    people: Vec<&'a Person>,
    options: &'a SpanOptions,
    band: (u32, u32),
    /// Spans as the changes written so far leave them.
    span: Vec<u32>,
    changes: Vec<SuggestedChange>,
    reqs: Vec<PersonId>,
    flagged: Vec<PersonId>,
    moved: u64,
    /// The number of the last req id tried.
    next_req: usize,
}

impl Writer<'_> {
    fn id(&self, position: u32) -> PersonId {
        self.people[position as usize].id.clone()
    }

    fn name(&self, position: u32) -> String {
        let person = self.people[position as usize];
        if person.name.is_empty() {
            person.id.to_string()
        } else {
            person.name.to_string()
        }
    }

    fn push(&mut self, change: Change, reason: String) {
        self.changes.push(SuggestedChange { change, reason });
    }

    /// Moves `person` under `to` (a person's position, or a new req's id),
    /// and with `teams_follow` gives them `to`'s team when it differs.
    fn move_to(
        &mut self,
        person: u32,
        to: Option<u32>,
        req: Option<(&PersonId, u32)>,
        why: String,
    ) {
        let manager = match (to, req) {
            (Some(to), _) => self.id(to),
            (None, Some((id, _))) => id.clone(),
            (None, None) => return,
        };
        self.push(
            Change::Move {
                person: self.id(person),
                manager: Some(manager),
            },
            why,
        );
        self.moved += 1;
        let team_owner = to.or(req.map(|r| r.1));
        if let (true, Some(owner)) = (self.options.teams_follow, team_owner) {
            let team = self.people[owner as usize].team.clone();
            if self.people[person as usize].team != team {
                let reason = format!(
                    "{}'s team follows the move ({})",
                    self.name(person),
                    team.as_ref().map_or("no team", |t| t.as_str())
                );
                self.push(
                    Change::AssignTeam {
                        people: vec![self.id(person)],
                        team,
                    },
                    reason,
                );
            }
        }
    }

    fn bump(&mut self, manager: u32, delta: i64) {
        let s = &mut self.span[manager as usize];
        *s = (i64::from(*s) + delta).max(0) as u32;
    }

    fn unit(&mut self, unit: &Unit) {
        let (min, max) = self.band;
        match unit {
            Unit::Flatten {
                manager,
                report,
                to,
            } => {
                let why = format!(
                    "flattens {}: one direct report; {} moves up to {}",
                    self.name(*manager),
                    self.name(*report),
                    self.name(*to)
                );
                self.move_to(*report, Some(*to), None, why);
                self.bump(*manager, -1);
                self.bump(*to, 1);
                self.flagged.push(self.id(*manager));
            }
            Unit::Transfer { moves } => {
                for &(person, from, to) in moves {
                    let why = format!(
                        "moves {} from {} ({} reports, band {min}-{max}) to {} ({} reports)",
                        self.name(person),
                        self.name(from),
                        self.span[from as usize],
                        self.name(to),
                        self.span[to as usize]
                    );
                    self.move_to(person, Some(to), None, why);
                    self.bump(from, -1);
                    self.bump(to, 1);
                }
            }
            Unit::Merge { from, into, people } => {
                for &person in people {
                    let why = format!(
                        "merges {}'s {} reports into {} (moves {}); {} is flagged for a decision",
                        self.name(*from),
                        people.len(),
                        self.name(*into),
                        self.name(person),
                        self.name(*from)
                    );
                    self.move_to(person, Some(*into), None, why);
                }
                self.bump(*from, -(people.len() as i64));
                self.bump(*into, people.len() as i64);
                self.flagged.push(self.id(*from));
            }
            Unit::Split { manager, reqs } => self.split(*manager, reqs),
        }
    }

    fn split(&mut self, manager: u32, reqs: &[Vec<u32>]) {
        let (min, max) = self.band;
        for taken in reqs {
            let id = self.fresh_req_id();
            let boss = self.people[manager as usize];
            let span = self.span[manager as usize];
            let why = format!(
                "open req: a new manager under {} takes {} of {}'s {span} reports (band {min}-{max})",
                self.name(manager),
                taken.len(),
                self.name(manager)
            );
            let person = NewPerson {
                id: id.clone(),
                name: format!("Open req ({} split)", self.name(manager)),
                title: REQ_TITLE.to_string(),
                level: String::new(),
                location: boss.location.to_string(),
                cost: None,
                status: Status::Open,
                team: boss.team.clone(),
                start_date: None,
            };
            self.push(
                Change::AddPerson {
                    person,
                    manager: Some(boss.id.clone()),
                },
                why,
            );
            for &person in taken {
                let why = format!(
                    "moves {} from {} ({} reports, band {min}-{max}) to the open req {id} under {}",
                    self.name(person),
                    self.name(manager),
                    self.span[manager as usize],
                    self.name(manager)
                );
                self.move_to(person, None, Some((&id, manager)), why);
                self.bump(manager, -1);
            }
            self.bump(manager, 1);
            self.reqs.push(id);
        }
    }

    /// `SPAN-REQ-n` for the next n whose id the org does not have (n
    /// only grows, so no earlier req has it either).
    fn fresh_req_id(&mut self) -> PersonId {
        loop {
            self.next_req += 1;
            let id = PersonId::new(format!("SPAN-REQ-{}", self.next_req));
            if !self.org.contains(&id) {
                return id;
            }
        }
    }
}

/// Managers, wide and narrow in `lines` under `band`.
pub(super) fn figures(lines: &LineState, band: (u32, u32), policy: &Policy) -> SpanFigures {
    let policy = Policy {
        band_min: band.0,
        band_max: band.1,
        ..*policy
    };
    let stats = lines.band_stats(&policy);
    SpanFigures {
        managers: lines.managers(),
        wide: stats.wide,
        narrow: stats.narrow,
    }
}

/// The figures of `org` after `changes`, and after them with the `reqs`
/// filled.
fn after(
    org: &Org,
    changes: &[SuggestedChange],
    reqs: &[PersonId],
    band: (u32, u32),
) -> Result<(SpanFigures, SpanFigures)> {
    let mut after_org = org.clone();
    for suggested in changes {
        scenario::apply(&mut after_org, &suggested.change).map_err(|err| {
            OrgError::InvalidInput(format!("a suggested change does not apply: {err}"))
        })?;
    }
    let mut input = MetricsInput::from_org(&after_org);
    let after = figures(&LineState::lines(&input, View::Current), band, &org.policy);
    let positions = after_org.positions();
    for req in reqs {
        if let Some(p) = positions.of(req) {
            input.status[p as usize] = Status::Active;
        }
    }
    let filled = figures(&LineState::lines(&input, View::Current), band, &org.policy);
    Ok((after, filled))
}

pub(super) fn suggestion(
    org: &Org,
    options: &SpanOptions,
    band: (u32, u32),
    state: &State,
    chosen: &[Unit],
    lower_bound: u64,
) -> Result<SpanSuggestion> {
    let mut writer = Writer {
        org,
        people: org.people().collect(),
        options,
        band,
        span: state.span.clone(),
        changes: Vec::new(),
        reqs: Vec::new(),
        flagged: Vec::new(),
        moved: 0,
        next_req: 0,
    };
    for unit in chosen {
        writer.unit(unit);
    }
    let (after, after_filled) = self::after(org, &writer.changes, &writer.reqs, band)?;
    Ok(SpanSuggestion {
        changes: writer.changes,
        before: state.before.clone(),
        after,
        after_filled,
        band,
        lower_bound,
        moved: writer.moved,
        open_reqs: writer.reqs.len() as u64,
        flagged: writer.flagged,
    })
}
