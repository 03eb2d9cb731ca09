//! The career ladder: level codes mapped to a track and a rank, with the
//! staff+ IC levels marked. Titles decide for levels the ladder lacks.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Track {
    Ic,
    Management,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LadderLevel {
    pub code: String,
    pub track: Track,
    pub rank: u8,
    #[serde(default)]
    pub staff_plus: bool,
}

/// A workspace's ladder. Level codes match case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<LadderLevel>", into = "Vec<LadderLevel>")]
pub struct Ladder {
    levels: Vec<LadderLevel>,
    by_code: FxHashMap<String, usize>,
}

impl From<Vec<LadderLevel>> for Ladder {
    fn from(levels: Vec<LadderLevel>) -> Self {
        Ladder::new(levels)
    }
}

impl From<Ladder> for Vec<LadderLevel> {
    fn from(ladder: Ladder) -> Self {
        ladder.levels
    }
}

impl Default for Ladder {
    /// IC1–IC7 (IC4 staff, IC5 principal, IC6 distinguished, IC7 fellow are
    /// staff+) and M1–M7 (engineering manager up to CTO).
    fn default() -> Self {
        let mut levels = Vec::new();
        for rank in 1..=7u8 {
            levels.push(LadderLevel {
                code: format!("IC{rank}"),
                track: Track::Ic,
                rank,
                staff_plus: rank >= 4,
            });
        }
        for rank in 1..=7u8 {
            levels.push(LadderLevel {
                code: format!("M{rank}"),
                track: Track::Management,
                rank,
                staff_plus: false,
            });
        }
        Ladder::new(levels)
    }
}

impl Ladder {
    pub fn new(levels: Vec<LadderLevel>) -> Self {
        let by_code = levels
            .iter()
            .enumerate()
            .map(|(i, level)| (level.code.trim().to_ascii_uppercase(), i))
            .collect();
        Ladder { levels, by_code }
    }

    /// Why this ladder cannot be used, if it cannot: it needs at least one
    /// level, and every code must be non-empty and unique (ignoring case
    /// and surrounding spaces, as lookups do).
    pub fn problem(&self) -> Option<String> {
        if self.levels.is_empty() {
            return Some("a ladder needs at least one level".into());
        }
        let mut seen = rustc_hash::FxHashSet::default();
        for (row, level) in self.levels.iter().enumerate() {
            let code = level.code.trim().to_ascii_uppercase();
            if code.is_empty() {
                return Some(format!("level {} of the ladder has no code", row + 1));
            }
            if !seen.insert(code) {
                return Some(format!(
                    "the level code '{}' is in the ladder twice",
                    level.code.trim()
                ));
            }
        }
        None
    }

    pub fn levels(&self) -> &[LadderLevel] {
        &self.levels
    }

    pub fn level(&self, code: &str) -> Option<&LadderLevel> {
        if code.is_empty() {
            return None;
        }
        // Avoid allocating for the common already-uppercase case.
        let found = if code.bytes().any(|b| b.is_ascii_lowercase() || b == b' ') {
            self.by_code.get(&code.trim().to_ascii_uppercase())
        } else {
            self.by_code.get(code)
        };
        found.map(|&i| &self.levels[i])
    }

    /// Staff+ by ladder level; by title when the level is not in the ladder.
    pub fn is_staff_plus(&self, level: &str, title: &str) -> bool {
        match self.level(level) {
            Some(level) => level.staff_plus && level.track == Track::Ic,
            None => title_names_staff_plus(title),
        }
    }

    /// On the IC engineering track: by ladder level; by title (engineer,
    /// developer, architect) when the level is not in the ladder.
    pub fn is_ic_engineer(&self, level: &str, title: &str) -> bool {
        match self.level(level) {
            Some(level) => level.track == Track::Ic,
            None => title_names_engineer(title),
        }
    }
}

/// An individual-contributor engineering title: it names an engineer,
/// developer or architect and no management role.
fn title_names_engineer(title: &str) -> bool {
    let lower = title.to_lowercase();
    let engineering = ["engineer", "developer", "architect", "swe", "sre"]
        .iter()
        .any(|word| lower.contains(word));
    let management = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "manager" | "director" | "head" | "vp" | "chief" | "cto"));
    engineering && !management
}

/// A title names staff+ when it is a staff, principal or distinguished
/// engineer (or developer/architect), or any kind of fellow.
pub fn title_names_staff_plus(title: &str) -> bool {
    let lower = title.to_lowercase();
    if lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "fellow")
    {
        return true;
    }
    let senior_ic = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "staff" | "principal" | "distinguished"));
    senior_ic && title_names_engineer(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ladder_level_decides_before_title() {
        let ladder = Ladder::default();
        assert!(ladder.is_staff_plus("IC4", "Senior Engineer"));
        assert!(ladder.is_staff_plus("ic5", ""));
        assert!(!ladder.is_staff_plus("IC3", "Staff Engineer"));
        assert!(!ladder.is_staff_plus("M4", "Principal Engineer"));
    }

    #[test]
    fn title_decides_for_unknown_levels() {
        let ladder = Ladder::default();
        assert!(ladder.is_staff_plus("L7", "Staff Software Engineer"));
        assert!(ladder.is_staff_plus("", "Principal Engineer"));
        assert!(ladder.is_staff_plus("", "Distinguished Architect"));
        assert!(ladder.is_staff_plus("", "Technical Fellow"));
        assert!(!ladder.is_staff_plus("", "Staff Accountant"));
        assert!(!ladder.is_staff_plus("", "Principal Product Manager"));
        assert!(!ladder.is_staff_plus("", "Senior Engineer"));
        assert!(!ladder.is_staff_plus("", "Principal Engineering Manager"));
        assert!(ladder.is_ic_engineer("", "Senior Software Engineer"));
        assert!(!ladder.is_ic_engineer("", "Engineering Manager"));
        assert!(!ladder.is_ic_engineer("M1", "Software Engineer"));
    }

    #[test]
    fn a_ladder_names_empty_and_duplicate_codes() {
        assert_eq!(Ladder::default().problem(), None);
        assert!(Ladder::new(Vec::new()).problem().is_some());
        let level = |code: &str| LadderLevel {
            code: code.into(),
            track: Track::Ic,
            rank: 1,
            staff_plus: false,
        };
        let blank = Ladder::new(vec![level("IC1"), level("  ")]);
        assert!(blank.problem().expect("refused").contains("level 2"));
        let twice = Ladder::new(vec![level("IC1"), level(" ic1")]);
        assert!(twice.problem().expect("refused").contains("'ic1'"));
    }

    #[test]
    fn ladder_serialises_as_a_list() {
        let ladder = Ladder::default();
        let json = serde_json::to_string(&ladder).expect("serialises");
        let back: Ladder = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, ladder);
        assert!(json.starts_with('['));
    }
}
