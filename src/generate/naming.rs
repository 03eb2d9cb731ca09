//! Naming VP groups, director areas, divisions and teams: rotations over
//! the vocabulary that keep every team name unique.

use super::vocabulary::{Area, DIVISIONS, FACETS, GROUPS, PLATFORM_PERCENT};
use super::Generator;
use std::hash::Hasher;

impl Generator {
    pub(super) fn next_group(&mut self) -> usize {
        let group = (self.group_offset + self.vps_seen) % GROUPS.len();
        self.vps_seen += 1;
        group
    }

    /// The next area (global index) for a director in `group`, or in the
    /// next group in rotation when there is no VP above.
    pub(super) fn next_area(&mut self, group: Option<usize>) -> usize {
        let group =
            group.unwrap_or_else(|| (self.group_offset + self.directors_seen) % GROUPS.len());
        self.directors_seen += 1;
        let areas = GROUPS[group].areas.len();
        let local = (self.area_offset[group] + self.area_cursor[group]) % areas;
        self.area_cursor[group] += 1;
        self.group_base[group] + local
    }

    pub(super) fn next_division(&mut self) -> String {
        let division = (self.division_offset + self.division_cursor) % DIVISIONS.len();
        self.division_cursor += 1;
        numbered(DIVISIONS[division], &mut self.division_uses[division])
    }

    /// A unique team name from the area's topics: the plain topic (or
    /// "… Platform") first, then topic + facet, then numbered.
    pub(super) fn next_team_name(&mut self, area: usize) -> String {
        let area_ref: &'static Area = self.areas[area];
        let topics = &area_ref.topics;
        loop {
            let k = self.topic_cursor[area];
            self.topic_cursor[area] += 1;
            let topic = topics[(self.topic_offset[area] + k) % topics.len()];
            let round = k / topics.len();
            let name = if round == 0 {
                if self.below(100) < PLATFORM_PERCENT {
                    format!("{topic} Platform")
                } else {
                    topic.to_string()
                }
            } else if round <= FACETS.len() {
                let facet = FACETS[round - 1];
                if topic.ends_with(facet) {
                    continue;
                }
                format!("{topic} {facet}")
            } else {
                // The lists have run out: number the plain and faceted names.
                let later = round - FACETS.len() - 1;
                let number = later / (FACETS.len() + 1) + 2;
                match later % (FACETS.len() + 1) {
                    0 => format!("{topic} {number}"),
                    f if topic.ends_with(FACETS[f - 1]) => continue,
                    f => format!("{topic} {} {number}", FACETS[f - 1]),
                }
            };
            if !self.taken_team_names.contains(&name) {
                self.taken_team_names.insert(name.clone());
                return name;
            }
        }
    }
}

/// A fast hasher for the team-name set (FxHash's mixing): the names are
/// ours, so SipHash's flooding resistance buys nothing here.
#[derive(Default)]
pub(super) struct NameHasher(u64);

impl Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
}

/// `base` the first time, then `base 2`, `base 3`, …
pub(super) fn numbered(base: &str, uses: &mut u32) -> String {
    *uses += 1;
    if *uses == 1 {
        base.to_string()
    } else {
        format!("{base} {uses}")
    }
}
