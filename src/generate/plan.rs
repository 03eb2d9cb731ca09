//! The plan: how many teams, how big, and the management layers above
//! them, drawn before any record is emitted.

use super::Generator;

/// A top-level node above this many reports gets another layer above it.
pub(super) const MAX_TOP_SPAN: usize = 12;
/// Branching of the central architecture group's internal tree.
pub(super) const ARCHITECTURE_SPAN: usize = 6;
/// Target mean team size (EM, engineers and embedded staff+).
pub(super) const MEAN_TEAM: usize = 7;

/// Management layers above the engineering managers, bottom up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Director,
    SeniorDirector,
    Vp,
    GroupVp,
    Svp,
    Evp,
}

pub(super) fn kinds_for(layers: usize) -> Vec<Kind> {
    match layers {
        0 => Vec::new(),
        1 => vec![Kind::Director],
        2 => vec![Kind::Director, Kind::Vp],
        3 => vec![Kind::Director, Kind::Vp, Kind::Svp],
        4 => vec![Kind::Director, Kind::SeniorDirector, Kind::Vp, Kind::Svp],
        n => {
            let mut kinds = vec![Kind::Director, Kind::SeniorDirector, Kind::Vp];
            kinds.extend(std::iter::repeat_n(Kind::GroupVp, n - 5));
            kinds.extend([Kind::Svp, Kind::Evp]);
            kinds
        }
    }
}

/// Node counts of the management layers above `teams` engineering managers,
/// bottom up. Layers are added (at a mean span of 6.5) until the top fits
/// under the CTO; a director layer is forced from 8 teams and a VP layer from
/// 6 directors (at a mean span of 3.5) so mid-sized orgs read like real ones.
pub(super) fn layer_counts(teams: usize) -> Vec<usize> {
    let mut counts = Vec::new();
    let mut n = teams;
    loop {
        let forced = match counts.len() {
            0 => n >= 8,
            1 => n >= 6,
            _ => false,
        };
        let next = if n > MAX_TOP_SPAN {
            (2 * n + 6) / 13
        } else if forced {
            (2 * n + 3) / 7
        } else {
            break;
        };
        n = next.max(2);
        counts.push(n);
    }
    counts
}

/// Whether there is a central architecture group, and how many architects
/// report (directly or not) to its head: about one per 25 teams.
pub(super) fn architecture_size(people: usize, teams: usize) -> (bool, usize) {
    if people < 50 {
        (false, 0)
    } else if people < 100 {
        (true, 0)
    } else {
        (true, ((teams + 12) / 25).max(2))
    }
}

/// Everyone who is not in a product team: CTO, architecture group, managers
/// above the engineering managers.
pub(super) fn overhead(people: usize, teams: usize) -> usize {
    let (has_architecture, architects) = architecture_size(people, teams);
    1 + usize::from(has_architecture) + architects + layer_counts(teams).iter().sum::<usize>()
}

/// How a count is split into spans (or team sizes).
pub(super) struct SpanShape {
    /// Half-width of the triangular noise around the mean.
    pub(super) spread: f64,
    /// The normal band; the fix-up prefers to move values inside it.
    pub(super) band: (u32, u32),
    /// Narrow outliers: chance in thousandths and range.
    pub(super) narrow: (usize, u32, u32),
    /// Wide outliers: chance in thousandths and range.
    pub(super) wide: (usize, u32, u32),
    pub(super) max: u32,
}

pub(super) const MANAGER_SPANS: SpanShape = SpanShape {
    spread: 2.5,
    band: (4, 10),
    narrow: (25, 1, 3),
    wide: (35, 11, 15),
    max: 15,
};

pub(super) const TEAM_SIZES: SpanShape = SpanShape {
    spread: 2.5,
    band: (5, 9),
    narrow: (10, 2, 4),
    wide: (10, 10, 12),
    max: 14,
};

pub(super) struct Plan {
    /// The kind of each management layer, bottom up (layer 1 is `kinds[0]`).
    pub(super) kinds: Vec<Kind>,
    /// `spans[l][j]`: reports (in layer `l`, teams when `l == 0`) of node `j`
    /// of management layer `l + 1`. Children of a node are contiguous.
    pub(super) spans: Vec<Vec<u32>>,
    /// Prefix sums of `spans`: the first child of each node.
    pub(super) starts: Vec<Vec<usize>>,
    /// Members per team: the EM, the engineers and the embedded staff+.
    pub(super) team_size: Vec<u32>,
    /// Embedded staff+ per team.
    pub(super) team_staff: Vec<u8>,
    /// Of those, how many report to the team's director rather than the EM.
    pub(super) staff_to_director: Vec<u8>,
    pub(super) has_architecture: bool,
    /// Architects under the chief architect.
    pub(super) architects: usize,
}

impl Plan {
    /// First child and number of children of node `node` in layer `layer`.
    pub(super) fn children(&self, layer: usize, node: usize) -> (usize, usize) {
        (
            self.starts[layer - 1][node],
            self.spans[layer - 1][node] as usize,
        )
    }
}

impl Generator {
    /// Splits `total` into `parts` values (each >= 1, `parts <= total`)
    /// around the mean with a few narrow and wide outliers, summing exactly
    /// to `total`.
    fn split(&mut self, total: usize, parts: usize, shape: &SpanShape) -> Vec<u32> {
        let parts = parts.max(1);
        let mean = total as f64 / parts as f64;
        let mut sizes = Vec::with_capacity(parts);
        // Outliers only where there are enough peers for them to stand out.
        let outliers = parts >= 4;
        for _ in 0..parts {
            let roll = if outliers { self.below(1000) } else { 1000 };
            let size = if roll < shape.narrow.0 {
                self.between(shape.narrow.1, shape.narrow.2)
            } else if roll < shape.narrow.0 + shape.wide.0 {
                self.between(shape.wide.1, shape.wide.2)
            } else {
                let noise = (self.unit() + self.unit() - 1.0) * shape.spread;
                (mean + noise).round().clamp(1.0, f64::from(shape.max)) as u32
            };
            sizes.push(size);
        }
        let sum: i64 = sizes.iter().map(|&s| i64::from(s)).sum();
        let mut diff = total as i64 - sum;
        // First move only values inside the band (keeping the outliers),
        // then anything within 1..=max, then anything at all.
        let passes = [
            (shape.band.0, shape.band.1, true),
            (1, shape.max, false),
            (1, u32::MAX, false),
        ];
        for (lo, hi, keep_outliers) in passes {
            let start = self.below(parts);
            while diff != 0 {
                let mut changed = false;
                for k in 0..parts {
                    if diff == 0 {
                        break;
                    }
                    let size = &mut sizes[(start + k) % parts];
                    if diff > 0 && *size < hi && (!keep_outliers || *size >= lo) {
                        *size += 1;
                        diff -= 1;
                        changed = true;
                    } else if diff < 0 && *size > lo && (!keep_outliers || *size <= hi) {
                        *size -= 1;
                        diff += 1;
                        changed = true;
                    }
                }
                if !changed {
                    break;
                }
            }
        }
        sizes
    }

    pub(super) fn plan(&mut self) -> Plan {
        let people = self.people;
        let mut teams = (people * 10 / 83).max(1);
        for _ in 0..8 {
            let remaining = people.saturating_sub(overhead(people, teams));
            let next = ((remaining + MEAN_TEAM / 2) / MEAN_TEAM).max(1);
            if next == teams {
                break;
            }
            teams = next;
        }
        let mut in_teams = people.saturating_sub(overhead(people, teams));
        while in_teams < teams && teams > 1 {
            teams -= 1;
            in_teams = people.saturating_sub(overhead(people, teams));
        }

        let counts = layer_counts(teams);
        let kinds = kinds_for(counts.len());
        let mut spans = Vec::with_capacity(counts.len());
        let mut starts = Vec::with_capacity(counts.len());
        let mut below = teams;
        for &n in &counts {
            let layer = self.split(below, n, &MANAGER_SPANS);
            let mut first = 0;
            starts.push(
                layer
                    .iter()
                    .map(|&span| {
                        let start = first;
                        first += span as usize;
                        start
                    })
                    .collect(),
            );
            spans.push(layer);
            below = n;
        }

        let team_size = self.split(in_teams, teams, &TEAM_SIZES);
        let has_directors = !kinds.is_empty();
        let mut team_staff = Vec::with_capacity(teams);
        let mut staff_to_director = Vec::with_capacity(teams);
        for &size in &team_size {
            let mut staff = 0u8;
            if size >= 4 {
                staff = match self.below(1000) {
                    0..265 => 1,
                    265..285 if size >= 6 => 2,
                    265..285 => 1,
                    _ => 0,
                };
            }
            let mut to_director = 0u8;
            if has_directors {
                for _ in 0..staff {
                    if self.below(100) < 30 {
                        to_director += 1;
                    }
                }
            }
            team_staff.push(staff);
            staff_to_director.push(to_director);
        }

        // Keep directors within the widest span: their staff+ reports go to
        // the EMs instead.
        if let (Some(spans), Some(starts)) = (spans.first(), starts.first()) {
            for (&ems, &first) in spans.iter().zip(starts) {
                let teams = first..first + ems as usize;
                let mut span = ems as usize
                    + teams
                        .clone()
                        .map(|t| usize::from(staff_to_director[t]))
                        .sum::<usize>();
                for t in teams {
                    while span > MANAGER_SPANS.max as usize && staff_to_director[t] > 0 {
                        staff_to_director[t] -= 1;
                        span -= 1;
                    }
                }
            }
        }

        let (has_architecture, architects) = architecture_size(people, teams);
        self.staff_total = team_staff.iter().map(|&s| usize::from(s)).sum::<usize>() + architects;
        if people >= 100 && self.staff_total > 0 {
            self.dotted_target = ((people + 100) / 200).max(1);
        }
        Plan {
            kinds,
            spans,
            starts,
            team_size,
            team_staff,
            staff_to_director,
            has_architecture,
            architects,
        }
    }
}
