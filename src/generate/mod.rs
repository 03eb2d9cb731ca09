//! Deterministic synthetic engineering orgs, for `orgraph generate`, the
//! benchmarks and the desktop app's demo workspace.
//!
//! [`generate`] builds an org of any size from one seed. The shape:
//!
//! * one CTO (M7) at the root;
//! * as many management layers as the size needs, so spans stay mostly 4–10
//!   from 20 people to millions, with a few narrow (1–3) and a few wide
//!   (11–15) ones: directors from about 60 people, VPs from about 270, SVPs
//!   from about 4,000, senior directors from about 26,000, EVPs from about
//!   170,000 (and group VPs beyond a million);
//! * directors (M3/M4) whose orgs are the departments (`Payments`,
//!   `Observability`, …), engineering managers (M1/M2) each leading one
//!   product team of mostly 5–9 people, and engineers (IC1–IC3);
//! * staff+ engineers (IC4–IC7) embedded in roughly one team in 3–4, and one
//!   `Central Architecture` team under a chief architect who reports to the
//!   CTO, whose members support 2–5 product teams each;
//! * about 0.5% of people with a dotted line, and about 3% open reqs, 2%
//!   planned hires and 2% departing people (managers of others are active).
//!
//! Records come out in pre-order (every manager before their reports; the
//! architecture group last), with ids `E000001`, `E000002`, … in that order.
//! [`write_csv`] writes them in the [`CSV_COLUMNS`] layout the importer reads.

use crate::model::{Interner, PersonRecord};
use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::hash::BuildHasherDefault;
use std::io;
use std::sync::Arc;

mod emit;
mod naming;
mod person;
mod plan;
mod vocabulary;

use naming::NameHasher;
use vocabulary::{Area, DIVISIONS, GROUPS};

/// The CSV header written by [`write_csv`].
pub const CSV_COLUMNS: [&str; 12] = [
    "id",
    "manager_id",
    "name",
    "title",
    "team",
    "level",
    "cost",
    "location",
    "status",
    "department",
    "supports",
    "dotted_managers",
];

/// The name of the one central architecture team.
pub const ARCHITECTURE_TEAM: &str = "Central Architecture";
/// The department of the CTO and the central architecture group.
pub const CTO_DEPARTMENT: &str = "Office of the CTO";
/// The department of every team in an org too small to have directors.
const SMALL_ORG_DEPARTMENT: &str = "Engineering";

/// Generates exactly `people` records (people >= 1), deterministic for a
/// given seed (use rand_chacha::ChaCha8Rng).
///
/// `people == 0` gives no records. Team kinds are left to be guessed from the
/// team names (`… Platform` teams are platform teams, `Central Architecture`
/// is the architecture group), exactly as when the CSV is imported.
pub fn generate(people: usize, seed: u64) -> Vec<PersonRecord> {
    let mut generator = Generator::new(people, seed);
    generator.run();
    generator.out
}

/// Writes records as CSV with the [`CSV_COLUMNS`] header: cost as a plain
/// decimal (`131999.92`, empty when unknown), status in lowercase, supports
/// and dotted managers joined with `;`.
pub fn write_csv<W: io::Write>(records: &[PersonRecord], out: W) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_COLUMNS)?;
    let mut cost = String::new();
    let mut supports = String::new();
    let mut dotted = String::new();
    for record in records {
        cost.clear();
        if let Some(amount) = record.cost {
            // Writing to a String cannot fail.
            let _ = write!(cost, "{amount}");
        }
        join_into(&mut supports, &record.supports);
        join_into(&mut dotted, &record.dotted_managers);
        writer.write_record([
            record.id.as_str(),
            record.manager_id.as_str(),
            record.name.as_str(),
            &*record.title,
            &*record.team,
            &*record.level,
            cost.as_str(),
            &*record.location,
            record.status.as_str(),
            &*record.department,
            supports.as_str(),
            dotted.as_str(),
        ])?;
    }
    writer.flush()
}

fn join_into(buffer: &mut String, items: &[String]) {
    buffer.clear();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            buffer.push(';');
        }
        buffer.push_str(item);
    }
}

#[cfg(test)]
mod tests;

/// Where in the org a node is being emitted.
#[derive(Debug, Clone, Copy, Default)]
struct Ctx {
    /// The VP group the node is in.
    group: Option<usize>,
    /// The director org's area (global area index).
    area: usize,
    /// Record index of the nearest VP above.
    vp: Option<usize>,
    /// Record index of the director above.
    director: Option<usize>,
}

struct Generator {
    rng: ChaCha8Rng,
    people: usize,
    id_width: usize,
    out: Vec<PersonRecord>,

    /// Areas flattened over groups; `group_base[g]` is group `g`'s first.
    areas: Vec<&'static Area>,
    group_base: Vec<usize>,
    group_offset: usize,
    group_uses: Vec<u32>,
    /// Per group: where its area rotation starts, and how far it has got.
    area_offset: Vec<usize>,
    area_cursor: Vec<usize>,
    /// Per global area: times used as a department, topic rotation state.
    area_uses: Vec<u32>,
    topic_offset: Vec<usize>,
    topic_cursor: Vec<usize>,
    division_offset: usize,
    division_cursor: usize,
    division_uses: Vec<u32>,
    vps_seen: usize,
    directors_seen: usize,
    taken_team_names: HashSet<String, BuildHasherDefault<NameHasher>>,

    /// Per team, in team order (which is emission order).
    team_names: Vec<Arc<str>>,
    team_city: Vec<usize>,
    team_director: Vec<Option<usize>>,
    team_vp: Vec<Option<usize>>,

    /// Dotted lines go to an evenly spread `dotted_target` of the staff+.
    staff_total: usize,
    staff_seen: usize,
    dotted_target: usize,
    /// Shared copies of titles, levels, places, teams and departments.
    strings: Interner,
}

impl Generator {
    fn new(people: usize, seed: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut areas = Vec::new();
        let mut group_base = Vec::new();
        for group in &GROUPS {
            group_base.push(areas.len());
            areas.extend(group.areas.iter());
        }
        let mut below = |n: usize| ((u64::from(rng.next_u32()) * n as u64) >> 32) as usize;
        let area_offset = GROUPS.iter().map(|g| below(g.areas.len())).collect();
        let topic_offset = areas.iter().map(|a| below(a.topics.len())).collect();
        let group_offset = below(GROUPS.len());
        let division_offset = below(DIVISIONS.len());
        let area_count = areas.len();
        Generator {
            rng,
            people,
            id_width: people.to_string().len().max(6),
            out: Vec::with_capacity(people),
            areas,
            group_base,
            group_offset,
            group_uses: vec![0; GROUPS.len()],
            area_offset,
            area_cursor: vec![0; GROUPS.len()],
            area_uses: vec![0; area_count],
            topic_offset,
            topic_cursor: vec![0; area_count],
            division_offset,
            division_cursor: 0,
            division_uses: vec![0; DIVISIONS.len()],
            vps_seen: 0,
            directors_seen: 0,
            taken_team_names: HashSet::default(),
            team_names: Vec::new(),
            team_city: Vec::new(),
            team_director: Vec::new(),
            team_vp: Vec::new(),
            staff_total: 0,
            staff_seen: 0,
            dotted_target: 0,
            strings: Interner::new(),
        }
    }

    /// Uniform in `0..n` (n >= 1, well below 2^32).
    fn below(&mut self, n: usize) -> usize {
        ((u64::from(self.rng.next_u32()) * n as u64) >> 32) as usize
    }

    fn between(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        f64::from(self.rng.next_u32() >> 8) / f64::from(1u32 << 24)
    }
}
